from helpers.build import render


def test_table_of_contents_nests_h3_under_h2_and_ids_are_unique():
    page = (
        "<header><h1>T</h1></header><!--TOC--><main>"
        '<h2 id="x">Befolkning<a class="anchor-link" href="#x">¶</a></h2><h3>Ålder</h3>'
        '<h3>Ålder</h3><h2>Utbildningsniv&#229;<a class="anchor-link" href="#U" /></h2>'
        '<h4 id="K">K&#228;llor</h4></main>'
    )
    out = render.add_table_of_contents(page)
    assert 'class="anchor-link"' not in out
    assert '<h2 id="befolkning">' in out and '<h3 id="alder">' in out and 'id="alder-2"' in out
    assert '<h2 id="utbildningsniva">Utbildningsnivå</h2>' in out  # as nbconvert writes it
    assert '<h4 id="K">Källor</h4>' in out
    toc = out[out.index("<nav") : out.index("</nav>")]
    assert toc.index("Befolkning") < toc.index("Ålder") < toc.index("Utbildningsnivå")
    assert toc.count("<ol>") == 2


def test_appendix_workbook(tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "bilaga.xlsx"
    render.write_appendix(
        [
            {
                "title": "Figur 1",
                "source": "SCB",
                "columns": ["Område", "n"],
                "rows": [["=1+1", "9 061"]],
                "values": [["=1+1", 9061]],
            }
        ],
        target,
    )
    sheet = load_workbook(target)["Tabell 1"]
    assert sheet["A1"].value == "Figur 1"
    assert sheet["A5"].value == "'=1+1" and sheet["B5"].value == 9061


def test_each_chapter_becomes_a_labelled_section():
    page = (
        '<header><h1>T</h1></header><!--TOC--><main id="innehall">'
        '<div class="prose">\n<h2>Sammanfattning</h2>\n</div><div class="prose"><p>A</p></div>'
        '<div class="prose">\n<h2>Befolkning</h2><h3>Ålder</h3>\n</div><figure></figure>'
        '<div class="prose">\n<h2>Bilaga: data</h2>\n</div></main><footer></footer>'
    )
    out = render.add_table_of_contents(page)
    main = out[out.index("<main") : out.index("</main>")]
    assert main.count('<section class="chapter') == main.count("</section>") == 3
    assert '<section class="chapter summary" aria-labelledby="sammanfattning">' in main
    assert '<section class="chapter" aria-labelledby="befolkning">' in main
    assert '<section class="chapter appendix" aria-labelledby="bilaga-data">' in main
    # the figure stays in its chapter, the chapter closes before the next one opens
    assert main.index("<figure>") < main.index("</section>", main.index("befolkning"))
    assert out.endswith("</section></main><footer></footer>")


def test_print_leaves_out_the_phone_drawings_and_folded_tables():
    page = (
        '<figure><picture><source media="(max-width: 37.5em)" srcset="data:x">'
        '<img src="data:y" alt="A"></picture></figure>'
        '<details class="chart-data"><summary>Visa</summary><table></table></details><p>B</p>'
    )
    assert render.for_print(page) == (
        '<figure><picture><img src="data:y" alt="A"></picture></figure><p>B</p>'
    )


def test_metadata_makes_the_area_colour_readable_and_embeds_the_logo(tmp_path):
    import dataclasses

    from helpers.config.params import load_area
    from helpers.report import colours

    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    area = dataclasses.replace(load_area("sotenas"), colour="#ffd700", logo=logo)
    metadata = render.report_metadata(area)
    assert metadata["accent"] == "#ffd700"
    assert colours.contrast(metadata["colour"]) >= 4.5
    assert metadata["logo"].startswith("data:image/svg+xml;base64,")
    assert metadata["logo_alt"] == "Sotenäs logotyp"
    assert render.report_metadata(load_area("lysekil"))["logo_alt"] == "Lysekils logotyp"


def test_print_leaves_out_the_phone_drawing_of_a_chart_as_the_exporter_writes_it():
    import nbformat

    from helpers.config.params import load_area
    from helpers.report.charts import svg

    picture = svg.picture("<svg>wide</svg>", "<svg>phone</svg>", "A")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(
            outputs=[nbformat.v4.new_output("display_data", data={"text/html": picture})]
        )
    ]
    page = render.to_html(notebook, render.report_metadata(load_area("sotenas")))
    assert "<source" in page  # the phone drawing is there for screens ...
    printed = render.for_print(page)
    assert "<source" not in printed and "<img" in printed  # ... and left out of print


def test_fixes_are_grouped_by_what_to_do_and_stay_out_of_the_page():
    import nbformat

    from helpers.config.params import load_area
    from helpers.report.context import FIX_MIME

    def fix(what: str, how: str):
        return nbformat.v4.new_output("display_data", data={FIX_MIME: {"what": what, "fix": how}})

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(outputs=[fix("A saknas.", "Hämta."), fix("B saknas.", "Hämta.")]),
        nbformat.v4.new_code_cell(outputs=[fix("A saknas.", "Hämta."), fix("C saknas.", "Annat.")]),
    ]
    assert render.fixes(notebook) == {"Hämta.": ["A saknas.", "B saknas."], "Annat.": ["C saknas."]}
    page = render.to_html(notebook, render.report_metadata(load_area("lysekil")))
    assert "saknas." not in page and "Hämta" not in page
