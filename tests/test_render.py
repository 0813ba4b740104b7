from helpers import render


def test_table_of_contents_nests_h3_under_h2_and_ids_are_unique():
    page = ("<header><h1>T</h1></header><!--TOC--><main>"
            '<h2 id="x">Befolkning<a class="anchor-link" href="#x">¶</a></h2><h3>Ålder</h3>'
            "<h3>Ålder</h3><h2>Utbildningsnivå</h2></main>")
    out = render.add_table_of_contents(page)
    assert 'class="anchor-link"' not in out
    assert '<h2 id="befolkning">' in out and '<h3 id="alder">' in out and 'id="alder-2"' in out
    toc = out[out.index("<nav"):out.index("</nav>")]
    assert toc.index("Befolkning") < toc.index("Ålder") < toc.index("Utbildningsnivå")
    assert toc.count("<ol>") == 2


def test_formula_like_text_is_made_safe_for_excel():
    assert render.safe_cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert render.safe_cell("+46 70") == "'+46 70"
    assert render.safe_cell("@sum") == "'@sum"
    assert render.safe_cell("-1") == "'-1"
    assert render.safe_cell(-1) == -1
    assert render.safe_cell("Sotenäs") == "Sotenäs"


def test_appendix_workbook(tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "bilaga.xlsx"
    render.write_appendix([{"title": "Figur 1", "source": "SCB", "columns": ["Område", "n"],
                            "rows": [["=1+1", "9 061"]], "values": [["=1+1", 9061]]}], target)
    sheet = load_workbook(target)["Tabell 1"]
    assert sheet["A1"].value == "Figur 1"
    assert sheet["A5"].value == "'=1+1" and sheet["B5"].value == 9061
