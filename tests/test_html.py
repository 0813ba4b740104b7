import dataclasses

import nbformat

from helpers.build import html
from helpers.config.params import load_area
from helpers.report import colours
from helpers.report.context import APPENDIX_MIME, FIX_MIME, KEY_FIGURE_MIME


def test_metadata_makes_the_area_colour_readable_and_embeds_the_logo(tmp_path):
    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    area = dataclasses.replace(load_area("sotenas"), colour="#ffd700", logo=logo)
    metadata = html.report_metadata(area)
    assert metadata["accent"] == "#ffd700"
    assert colours.contrast(metadata["colour"]) >= 4.5
    assert metadata["logo"].startswith("data:image/svg+xml;base64,")
    assert metadata["logo_alt"] == "Sotenäs logotyp"
    assert html.report_metadata(load_area("lysekil"))["logo_alt"] == "Lysekils logotyp"


def test_the_page_shows_prose_and_outputs_but_not_code_or_project_data():
    def display(data: dict) -> nbformat.NotebookNode:
        return nbformat.v4.new_output("display_data", data=data)

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("Inledande *text*."),
        nbformat.v4.new_code_cell(
            "secret_code = 1",
            outputs=[
                display({"text/html": "<p>Tabell</p>", "text/plain": "tabell"}),
                display({"text/markdown": "Stycke **fetstil**.", "text/plain": "stycke"}),
                display({FIX_MIME: {"what": "A saknas.", "fix": "Hämta."}}),
                display({KEY_FIGURE_MIME: {"name": "nyckeltal", "value": 1}}),
                display({APPENDIX_MIME: [{"title": "Bilagetabell"}]}),
            ],
        ),
    ]
    page = html.to_html(notebook, html.report_metadata(load_area("lysekil")))
    main = page[page.index("<main") : page.index("</main>")]
    assert "<p>Inledande <em>text</em>.</p>" in main and "<p>Tabell</p>" in main
    assert "<p>Stycke <strong>fetstil</strong>.</p>" in main
    for hidden in ("secret_code", "tabell", "stycke", "saknas", "nyckeltal", "Bilagetabell"):
        assert hidden not in page
    assert "<script" not in page


def test_the_exporter_is_nbconverts_template_exporter_configured():
    exporter = html.exporter()
    assert type(exporter).__name__ == "TemplateExporter"
    assert exporter.template_name == "report" and exporter.exclude_input
