import nbformat

from helpers.build import outputs
from helpers.report.context import APPENDIX_MIME, EXAMPLE_NOTE, FIX_MIME, KEY_FIGURE_MIME


def _display(mime: str, value: object) -> nbformat.NotebookNode:
    return nbformat.v4.new_output("display_data", data={mime: value})


def test_appendix_workbook(tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "bilaga.xlsx"
    outputs.write_appendix(
        [
            {
                "label": "Figur 1",
                "title": "Folkmängd",
                "source": "SCB",
                "example": True,
                "columns": ["Område", "n"],
                "rows": [["=1+1", "9\xa0061"]],
                "values": [["=1+1", 9061]],
            }
        ],
        target,
        title="Lokal kompetensanalys – Sotenäs 2026",
        author="Kompetensmäklaren",
    )
    book = load_workbook(target)
    assert book.sheetnames == ["Innehåll", "Figur 1"]
    sheet = book["Figur 1"]
    assert sheet["A1"].value == "Figur 1. Folkmängd"
    assert sheet["A5"].value == "=1+1" and sheet["A5"].data_type == "s"
    assert sheet["B5"].value == 9061 and sheet["B5"].number_format == "#,##0"
    assert sheet["A8"].value == EXAMPLE_NOTE  # under the source: the example label
    assert book.properties.title == "Lokal kompetensanalys – Sotenäs 2026"
    assert book.properties.language == "sv-SE"
    assert book.properties.creator == "Kompetensmäklaren"


def test_key_figures_and_the_last_appendix_are_read_from_the_outputs():
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(
            outputs=[
                _display(KEY_FIGURE_MIME, {"name": "folkmangd", "value": 9061}),
                _display(APPENDIX_MIME, [{"title": "Figur 1"}]),
            ]
        ),
        nbformat.v4.new_code_cell(outputs=[_display(APPENDIX_MIME, [{"title": "Figur 2"}])]),
    ]
    assert outputs.key_figures(notebook) == {"folkmangd": {"value": 9061}}
    assert outputs.appendix_tables(notebook) == [{"title": "Figur 2"}]


def test_fixes_are_grouped_by_what_to_do():
    def fix(what: str, how: str) -> nbformat.NotebookNode:
        return _display(FIX_MIME, {"what": what, "fix": how})

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(outputs=[fix("A saknas.", "Hämta."), fix("B saknas.", "Hämta.")]),
        nbformat.v4.new_code_cell(outputs=[fix("A saknas.", "Hämta."), fix("C saknas.", "Annat.")]),
    ]
    assert outputs.fixes(notebook) == {
        "Hämta.": ["A saknas.", "B saknas."],
        "Annat.": ["C saknas."],
    }
