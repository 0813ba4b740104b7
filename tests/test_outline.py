import doctest

import nbformat

from helpers.build import html, outline
from helpers.config.params import load_area


def chapter(name: str, *cells: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    for cell in cells:
        cell.metadata["chapter"] = name
    return list(cells)


def md(source: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(source)


def page_of(*cells: nbformat.NotebookNode) -> str:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = list(cells)
    return html.to_html(notebook, html.report_metadata(load_area("sotenas")))


def between(page: str, start: str, end: str) -> str:
    return page[page.index(start) : page.index(end)]


def test_the_examples_in_the_docstring_run():
    assert doctest.testmod(outline).failed == 0


def test_headings_get_ids_and_the_table_of_contents_nests_h3_under_h2():
    page = page_of(
        md("## Befolkning\n\n### Ålder\n\nText.\n\n### Ålder"),
        md("## Utbildningsnivå & *kön*\n\n#### Källor och år"),
    )
    main = between(page, "<main", "</main>")
    assert '<h2 id="befolkning">Befolkning</h2>' in main
    assert '<h3 id="alder">Ålder</h3><p>Text.</p>' in main and '<h3 id="alder-2">' in main
    assert '<h2 id="utbildningsniva-kon">Utbildningsnivå &amp; <em>kön</em></h2>' in main
    # other levels keep the id nbconvert gives them, and are not in the table of contents
    assert '<h4 id="K%C3%A4llor-och-%C3%A5r">Källor och år</h4>' in main
    assert "anchor-link" not in page and "&#" not in main
    toc = between(page, '<nav class="toc"', "</nav>")
    assert toc.count("<ol>") == 2 and "Källor" not in toc
    assert toc.index("Befolkning") < toc.index("alder-2") < toc.index("Utbildningsnivå &amp; kön")
    assert '<li><a href="#alder">Ålder</a></li>' in toc


def test_ids_never_repeat_the_templates_own():
    taken = set(outline.TEMPLATE_IDS)
    assert outline.heading_id(2, "Innehåll", taken) == "innehall-2"
    assert outline.heading_id(3, "!!!", taken) == "avsnitt"


def test_headings_in_markdown_outputs_count_and_hidden_markdown_does_not():
    shown = nbformat.v4.new_output("display_data", data={"text/markdown": "### Visad"})
    hidden = nbformat.v4.new_output(
        "display_data", data={"text/html": "<p>HTML</p>", "text/markdown": "### Dold"}
    )
    page = page_of(md("## Kapitel"), nbformat.v4.new_code_cell(outputs=[shown, hidden]))
    assert '<h3 id="visad">Visad</h3>' in page and "Dold" not in page
    toc = between(page, '<nav class="toc"', "</nav>")
    assert '<a href="#visad">' in toc


def test_each_chapter_becomes_a_labelled_section():
    injected = nbformat.v4.new_code_cell("area = 'x'", metadata={"tags": ["injected-parameters"]})
    figure = nbformat.v4.new_output("display_data", data={"text/html": "<figure></figure>"})
    page = page_of(
        *chapter("00_sammanfattning.ipynb", md("## Sammanfattning"), nbformat.v4.new_code_cell()),
        injected,  # papermill's cell carries no chapter: it stays in the one it is in
        *chapter("00_sammanfattning.ipynb", md("Text.")),
        *chapter(
            "02_befolkning.ipynb",
            md("## Befolkning\n\n### Ålder"),
            nbformat.v4.new_code_cell(outputs=[figure]),
        ),
        *chapter("99_bilaga.ipynb", md("## Bilaga: data")),
    )
    main = between(page, "<main", "</main>")
    assert main.count('<section class="chapter') == main.count("</section>") == 3
    assert '<section class="chapter summary" aria-labelledby="sammanfattning">' in main
    assert '<section class="chapter" aria-labelledby="befolkning">' in main
    assert '<section class="chapter appendix" aria-labelledby="bilaga-data">' in main
    summary = between(main, "sammanfattning", "</section>")
    assert "<p>Text.</p>" in summary
    # the figure stays in its chapter, the chapter closes before the next one opens
    assert main.index("<figure>") < main.index("</section>", main.index("befolkning"))
    assert page.count("</section></main>") == 1


def test_a_notebook_without_chapters_has_no_sections():
    page = page_of(md("## Befolkning"))
    assert "<section" not in page and '<a href="#befolkning">Befolkning</a>' in page


def test_the_preprocessor_marks_cells_and_fills_the_outline():
    notebook = nbformat.v4.new_notebook()
    notebook.cells = chapter("01_a.ipynb", md("Ingress."), md("## Kapitel A\n\n### Del"))
    _, resources = outline.OutlinePreprocessor().preprocess(notebook, {})
    assert resources["outline"] == [
        {
            "id": "kapitel-a",
            "title": "Kapitel A",
            "sections": [{"id": "del", "title": "Del", "sections": []}],
        }
    ]
    first, last = notebook.cells
    assert first.metadata["chapter_opens"] == {"label": "kapitel-a", "kind": ""}
    assert last.metadata["heading_ids"] == ["kapitel-a", "del"]
    assert last.metadata["chapter_closes"] is True and "chapter_closes" not in first.metadata


def test_a_section_before_any_chapter_stands_at_the_top_of_the_contents():
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [md("### Före\n\n### Också före\n\n## Kapitel\n\n### Del")]
    _, resources = outline.OutlinePreprocessor().preprocess(notebook, {})
    assert [(e["id"], [s["id"] for s in e["sections"]]) for e in resources["outline"]] == [
        ("fore", []),
        ("ocksa-fore", []),
        ("kapitel", ["del"]),
    ]
