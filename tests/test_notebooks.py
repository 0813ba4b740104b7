"""The notebook guardrails: on every notebook in notebooks/, and that each check can fail.

The slow tests run every chapter alone, for every example area, with papermill injecting
the parameters (as the pipeline does), so a chapter never depends on the one before it.
"""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbformat
import pytest

from conftest import EXAMPLE_AREAS, make_tree
from helpers.build import execute, notebooks
from helpers.common.errors import ExecutionError
from helpers.config import params, paths

CHAPTER = """# %% [markdown]
# ## Provkapitel
#
# En mening om området.

# %% tags=["parameters"]
{parameters}

# %%
from helpers.report.context import open_report

rpt = open_report(area, year, run)

# %%
rpt.say("Hej")
"""


def write_chapter(
    folder: Path, name: str = "50_prov", *, parameters: str | None = None, body: str = ""
) -> Path:
    """A chapter as a normalised, paired notebook (its parameters cell left as given)."""
    text = CHAPTER.format(parameters=parameters or notebooks.PARAMETERS_SOURCE) + body
    notebook = notebooks.normalise(jupytext.reads(text, fmt="py:percent"))
    ipynb = folder / f"{name}.ipynb"
    nbformat.write(notebook, ipynb)
    jupytext.write(notebook, ipynb.with_suffix(".py"), fmt="py:percent")
    return ipynb


def messages(path: Path) -> str:
    return "\n".join(str(problem) for problem in notebooks.check_notebook(path))


# --- the real notebooks -------------------------------------------------------------------


@pytest.mark.parametrize("notebook", notebooks.notebook_paths(), ids=lambda p: p.stem)
def test_every_notebook_passes_the_guardrails(notebook: Path):
    assert messages(notebook) == ""


# --- each guardrail can fail, and --fix repairs what it can ------------------------------


def test_a_new_chapter_from_its_text_form_passes(tmp_path: Path):
    """As docs/adding-a-chapter.md says: write the .py, then --fix makes the notebook."""
    py = tmp_path / "50_prov.py"
    py.write_text(CHAPTER.format(parameters=notebooks.PARAMETERS_SOURCE), encoding="utf-8")
    assert "has no paired notebook" in messages(py)
    ipynb = py.with_suffix(".ipynb")
    assert set(notebooks.fix_notebook(py)) == {ipynb, py}
    assert messages(ipynb) == ""
    notebook = nbformat.read(ipynb, as_version=4)
    assert notebook.metadata.kernelspec == notebooks.KERNELSPEC
    assert notebook.metadata.language_info == {"name": "python"}
    assert notebook.metadata.jupytext == {"formats": "ipynb,py:percent"}
    assert notebooks.fix_notebook(ipynb) == [], "fix is not idempotent"


def test_outputs_and_editor_metadata_are_caught_and_stripped(tmp_path: Path):
    ipynb = write_chapter(tmp_path)
    notebook = nbformat.read(ipynb, as_version=4)
    cell = notebook.cells[-1]
    cell.outputs = [nbformat.v4.new_output("stream", text="Sotenäs 9 061 invånare\n")]
    cell.execution_count = 7
    cell.metadata["ExecuteTime"] = {"end_time": "2026-01-01"}
    notebook.metadata.kernelspec = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    notebook.metadata.language_info = {"name": "python", "version": "3.11.7"}
    notebook.metadata.widgets = {}
    nbformat.write(notebook, ipynb)

    found = messages(ipynb)
    for expected in ("outputs or execution counts", "kernelspec", "language_info", "widgets"):
        assert expected in found

    assert ipynb in notebooks.fix_notebook(ipynb)
    assert messages(ipynb) == ""
    fixed = nbformat.read(ipynb, as_version=4)
    assert fixed.cells[-1].outputs == [] and fixed.cells[-1].execution_count is None
    assert "ExecuteTime" not in fixed.cells[-1].metadata
    assert [c.id for c in fixed.cells] == [c.id for c in notebook.cells], "cell ids changed"


def test_the_parameters_cell(tmp_path: Path):
    old_style = write_chapter(tmp_path, "10_gammal", parameters='area = "sotenas"\nyear = None')
    assert "parameters cell" in messages(old_style)
    notebooks.fix_notebook(old_style)
    assert messages(old_style) == ""
    assert notebooks.PARAMETERS_SOURCE in old_style.with_suffix(".py").read_text("utf-8")

    twice = write_chapter(tmp_path, "11_dubbel", body='\n# %% tags=["parameters"]\nx = 1\n')
    assert "has 2 cells tagged 'parameters'" in messages(twice)
    assert not notebooks.fix_notebook(twice)

    other = write_chapter(tmp_path, "12_annan", parameters="area = None\nyear = None\nn = 3")
    problem = [p for p in notebooks.check_notebook(other) if "parameters" in p.message]
    assert problem and not problem[0].fixable, "fix must not drop a parameter it did not write"


def test_an_edited_text_form_is_out_of_sync_until_fixed(tmp_path: Path):
    ipynb = write_chapter(tmp_path)
    py = ipynb.with_suffix(".py")
    py.write_text(
        py.read_text("utf-8").replace("En mening om området.", "En ny mening om området."), "utf-8"
    )
    assert "out of sync" in messages(ipynb)

    assert set(notebooks.fix_notebook(py)) == {ipynb}
    assert "En ny mening om området." in "".join(
        c.source for c in nbformat.read(ipynb, as_version=4).cells
    )
    assert messages(ipynb) == ""


def test_an_edited_notebook_updates_its_text_form(tmp_path: Path):
    ipynb = write_chapter(tmp_path)
    notebook = nbformat.read(ipynb, as_version=4)
    notebook.cells[-1].source = 'rpt.say("Hej igen")'
    nbformat.write(notebook, ipynb)
    assert "out of sync" in messages(ipynb)
    notebooks.fix_notebook(ipynb)
    assert 'rpt.say("Hej igen")' in ipynb.with_suffix(".py").read_text("utf-8")


def test_a_missing_pair_is_caught_and_made(tmp_path: Path):
    ipynb = write_chapter(tmp_path)
    py = ipynb.with_suffix(".py")
    py.unlink()
    assert "has no paired text form 50_prov.py" in messages(ipynb)
    notebooks.fix_notebook(ipynb)
    assert py.exists() and messages(ipynb) == ""


def test_a_conflicted_notebook_is_reported_not_crashed_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(paths, "NOTEBOOKS", tmp_path)
    ipynb = write_chapter(tmp_path)
    ipynb.write_text("<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> main\n", encoding="utf-8")
    assert "cannot be read" in messages(ipynb)
    assert notebooks.fix() == []
    assert notebooks.main(["--fix"]) == 1


def test_what_makes_a_chapter_hard_to_read(tmp_path: Path):
    long_cell = "\n# %%\n" + "".join(f"x{n} = {n}\n" for n in range(notebooks.MAX_CODE_LINES + 1))
    reading = '\n# %%\nimport pandas as pd\n\ntable = pd.read_excel("svar.xlsx")\n'
    opening = '\n# %%\nwith open("svar.csv") as f:\n    rows = f.read()\n'
    found = messages(write_chapter(tmp_path, "20_lang", body=long_cell + reading + opening))
    assert f"has {notebooks.MAX_CODE_LINES + 1} lines of code" in found
    assert "reads a file" in found and "opens a file" in found

    badly_named = write_chapter(tmp_path, "Prov")
    assert "is not named NN_name" in messages(badly_named)


def test_a_chapter_opens_with_its_heading(tmp_path: Path):
    ipynb = write_chapter(tmp_path)
    notebook = nbformat.read(ipynb, as_version=4)
    notebook.cells[0].source = "# Provkapitel"
    nbformat.write(notebook, ipynb)
    notebooks.fix_notebook(ipynb)
    assert "must open with a Markdown cell '## Chapter title'" in messages(ipynb)


def test_imported_helpers_and_their_examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    body = (
        "\n# %%\nfrom helpers.report import charts\nfrom helpers.common.text import number\n"
        "import helpers.stats.aggregate\n"
    )
    notebook = nbformat.read(write_chapter(tmp_path, body=body), as_version=4)
    assert notebooks.imported_helpers(notebook) == [
        "helpers.common.text",
        "helpers.report.charts",
        "helpers.report.context",
        "helpers.stats.aggregate",
    ]

    package = tmp_path / "lib" / "bare_pkg"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "plain.py").write_text('"""Does things, shows nothing."""\n')
    (package / "shown.py").write_text('"""Does things.\n\n    >>> 1 + 1\n    2\n"""\n')
    monkeypatch.syspath_prepend(str(tmp_path / "lib"))
    assert notebooks.has_example("bare_pkg.plain") is False
    assert notebooks.has_example("bare_pkg.shown") is True
    assert notebooks.has_example("helpers.no_such_module") is None


def test_the_command_line_checks_only_notebooks(tmp_path: Path):
    elsewhere = write_chapter(tmp_path, parameters='area = "lysekil"\nyear = None')
    good = paths.NOTEBOOKS / "02_befolkning.py"
    assert notebooks.main(["--check", str(good), str(elsewhere), "README.md"]) == 0


def test_the_command_line_reports_and_fixes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setattr(paths, "NOTEBOOKS", tmp_path)
    ipynb = write_chapter(tmp_path, parameters='area = "lysekil"\nyear = None')

    assert notebooks.main(["--check"]) == 1
    err = capsys.readouterr().err
    assert "50_prov.ipynb: the parameters cell" in err and "--fix" in err
    assert notebooks.main(["--check-sync"]) == 0

    assert notebooks.main(["--fix", str(ipynb.with_suffix(".py"))]) == 0
    assert "fixed" in capsys.readouterr().out
    assert notebooks.main(["--check"]) == 0


def test_the_jupyter_pre_save_hook(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    monkeypatch.setattr(paths, "NOTEBOOKS", folder)
    ipynb = write_chapter(folder)
    content = nbformat.read(ipynb, as_version=4)
    content.cells[-1].outputs = [nbformat.v4.new_output("stream", text="hej\n")]
    content.metadata.kernelspec = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }

    class Manager:
        root_dir = str(tmp_path)

    elsewhere = {"type": "notebook", "content": nbformat.from_dict(content)}
    notebooks.before_save(elsewhere, "reports/notebook.ipynb", contents_manager=Manager())
    assert elsewhere["content"].cells[-1].outputs, "a notebook outside notebooks/ was changed"

    model = {"type": "notebook", "content": content}
    notebooks.before_save(model, "notebooks/50_prov.ipynb", contents_manager=Manager())
    assert model["content"].cells[-1].outputs == []
    assert model["content"].metadata.kernelspec == notebooks.KERNELSPEC

    py = ipynb.with_suffix(".py").read_text("utf-8").replace("lokal-kompetensanalys", "python3")
    text_model = {"type": "file", "format": "text", "content": py}
    notebooks.before_save(text_model, "/notebooks/50_prov.py", contents_manager=Manager())
    assert text_model["content"] == ipynb.with_suffix(".py").read_text("utf-8")


# --- every chapter runs alone, for every example area ------------------------------------


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One scratch tree for the runs: outputs never land in the real project."""
    return make_tree(tmp_path_factory.mktemp("chapters"))


@pytest.fixture(scope="module")
def warm_kernel(scratch: Path):
    """One kernel for all the chapter runs of a test process, as a batch worker keeps one:
    each chapter still starts from an empty namespace (``%reset -f`` first), while imports
    and loaded statistics stay (0,5-1 s per run saved)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LKA_ROOT", str(scratch))  # the kernel inherits it
        patch.delenv("LKA_AREA", raising=False)
        kernel = execute.start_kernel(cwd=scratch / "notebooks")
    yield kernel
    execute.stop_kernel(kernel)


@pytest.mark.slow
@pytest.mark.parametrize("area", EXAMPLE_AREAS)
@pytest.mark.parametrize("chapter", execute.chapter_paths(), ids=lambda p: p.stem)
def test_every_chapter_runs_alone_for_every_example_area(
    chapter: Path, area: str, scratch: Path, warm_kernel: object, tmp_path: Path
):
    year = params.load_area(area).year
    output = tmp_path / chapter.name
    # the pipeline's own kernels (Unix sockets) keep parallel runs (-n) apart
    alone = nbformat.read(scratch / "notebooks" / chapter.name, as_version=4)
    alone.cells.insert(0, nbformat.v4.new_code_cell("%reset -f"))
    try:
        execute.execute(
            alone, output, area=area, year=year, cwd=scratch / "notebooks", kernel=warm_kernel
        )
    except ExecutionError as error:
        pytest.fail(str(error))

    executed = nbformat.read(output, as_version=4)
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), "not every cell ran"
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    injected = [c for c in code if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and f'area = "{area}"' in injected[0].source
    assert not any((scratch / "reports").iterdir()), "a chapter wrote into reports/"
