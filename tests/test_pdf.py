import nbformat

from helpers.build import html, pdf
from helpers.config.params import load_area
from helpers.report.charts import svg


def test_print_leaves_out_the_phone_drawings_and_folded_tables():
    page = (
        '<figure><picture><source media="(max-width: 37.5em)" srcset="data:x">'
        '<img src="data:y" alt="A"></picture></figure>'
        '<details class="chart-data"><summary>Visa</summary><table></table></details><p>B</p>'
    )
    assert pdf.for_print(page) == (
        '<figure><picture><img src="data:y" alt="A"></picture></figure><p>B</p>'
    )


def test_print_leaves_out_the_phone_drawing_of_a_chart_as_the_exporter_writes_it():
    picture = svg.picture("<svg>wide</svg>", "<svg>phone</svg>", "A")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(
            outputs=[nbformat.v4.new_output("display_data", data={"text/html": picture})]
        )
    ]
    page = html.to_html(notebook, html.report_metadata(load_area("sotenas")))
    assert "<source" in page  # the phone drawing is there for screens ...
    printed = pdf.for_print(page)
    assert "<source" not in printed and "<img" in printed  # ... and left out of print
