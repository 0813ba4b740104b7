"""Chapter 06, the employer survey: titles from the data, n, example mark, disclosure notes,
sentences that carry their figures."""

from __future__ import annotations

import pandas as pd
import pytest
from test_area_survey import employer, survey

from helpers.config.params import load_area
from helpers.report import charts, context
from helpers.report.chapters import employer_survey as sc
from helpers.report.context import EXAMPLE_NOTE
from helpers.survey import disclosure

NOTE = disclosure.note(5, secondary=True)


def recruiting(n: int, **answers) -> list[dict]:
    return [employer(C1="Ja", C2=4, C3=3, C4="Ganska svårt", **answers) for _ in range(n)]


def test_question_chart_states_its_finding_with_n_and_example():
    sv = survey(recruiting(12) + [employer() for _ in range(8)])
    chart = sc.question(sv, "C1")
    assert chart.title == "Av arbetsgivarna har 60\u00a0% försökt rekrytera de senaste 12 månaderna"
    assert chart.n == 20 and chart.example
    assert list(chart.data.columns) == ["Svarsalternativ", "Antal arbetsgivare", "Andel"]
    shown = charts.render(chart, charts.Style())
    assert "Ja: 60" in chart.alt and shown.startswith('<div class="bar-chart" role="img"')
    assert f'aria-label="{chart.alt}"' in shown.replace("&#x27;", "'")
    assert "EXEMPELDATA" not in chart.alt
    assert NOTE not in chart.notes


def test_small_answers_are_hidden_and_the_note_says_so():
    rows = recruiting(17) + [employer(C1="Ja", C2=2, C3=2, C4="Mycket lätt") for _ in range(3)]
    chart = sc.question(survey(rows), "C4")
    shares = dict(zip(chart.data["Svarsalternativ"], chart.data["Andel"], strict=True))
    assert pd.isna(shares["Mycket lätt"])  # 3 respondents
    assert pd.isna(shares["Ganska svårt"])  # 17 = 20 − 3 would give them back
    assert NOTE in chart.notes
    assert chart.title == "Hur svårt det var att hitta rätt kompetens"  # the share is hidden


def test_multi_select_charts_sort_by_share_and_skip_none_options_in_the_title():
    rows = (
        [employer(D8={"Inga hinder"}) for _ in range(9)]
        + [employer(D8={"Kostnaden"}) for _ in range(6)]
        + [employer(D8={"Språkhinder"}) for _ in range(5)]
    )
    chart = sc.question(survey(rows), "D8")
    assert list(chart.data["Svarsalternativ"])[:3] == ["Inga hinder", "Kostnaden", "Språkhinder"]
    assert chart.title == "Vanligaste hindret för kompetensutveckling: kostnaden, 30\u00a0%"
    assert sc.MULTI_NOTE in chart.notes


def test_failure_chart_pools_positions_and_puts_the_total_last():
    rows = [employer(A2="Handel", C1="Ja", C2=10, C3=5) for _ in range(5)] + [
        employer(A2="Byggverksamhet", C1="Ja", C2=2, C3=2) for _ in range(5)
    ]
    chart = sc.failure_by_branch(survey(rows))
    assert list(chart.data["Bransch"]) == ["Handel", "Byggverksamhet", "Totalt"]
    rates = list(chart.data["Andel misslyckade rekryteringar"])
    assert rates == pytest.approx([0.5, 0.0, 25 / 60])
    assert chart.title.startswith("Av de sökta personerna gick 42\u00a0% inte att anställa")
    assert "högst andel inom handel (50\u00a0%)" in chart.title
    assert chart.n == 10


def test_hard_to_fill_shows_only_occupations_named_by_enough_employers():
    rows = (
        [employer(C1="Ja", C5_1="Kock") for _ in range(6)]
        + [employer(C1="Ja", C5_1="Svetsare") for _ in range(2)]
        + [employer(C1="Ja", C5_1="qwzx") for _ in range(5)]
    )
    chart = sc.hard_to_fill(survey(rows))
    assert list(chart.data["Yrke"]) == ["Kockar och kallskänkor"]
    assert chart.title == "Svårast att rekrytera: kockar och kallskänkor, som 6 arbetsgivare nämner"
    assert any("Ytterligare 1 yrken" in note for note in chart.notes)
    assert "Yrkestitlar som inte gick att koda angavs av 5 arbetsgivare." in chart.notes


def test_branch_matrix_lists_what_each_branch_names():
    rows = [employer(A2="Handel", C5_1="Kock", D3={"Engelska"}) for _ in range(6)] + [
        employer(A2="Byggverksamhet", D3={"Yrkessvenska"}) for _ in range(6)
    ]
    table = sc.branch_matrix(survey(rows)).set_index("Bransch")
    assert table.at["Handel", "Bristyrken"] == "kockar och kallskänkor (6)"
    assert table.at["Handel", "Bristkompetenser"] == "engelska (6)"
    assert table.at["Byggverksamhet", "Bristyrken"] == "0"  # none named: a zero, not "–"
    assert table.at["Totalt", "Svarande"] == 12


def test_branch_matrix_hides_what_would_reveal_a_small_cell():
    rows = (
        [employer(A2="Handel", D3={"Engelska"}) for _ in range(6)]
        + [employer(A2="Byggverksamhet", D3={"Engelska"}) for _ in range(3)]
        + [employer(A2="Byggverksamhet") for _ in range(3)]
    )
    table = sc.branch_matrix(survey(rows)).set_index("Bransch")
    assert table.at["Byggverksamhet", "Bristkompetenser"] == "–"  # 3 employers
    assert table.at["Handel", "Bristkompetenser"] == "–"  # 9 − 6 would give the 3 back
    assert table.at["Totalt", "Bristkompetenser"] == "engelska (9)"
    assert table.attrs["suppressed"]


def report_showing(monkeypatch: pytest.MonkeyPatch) -> tuple[context.Report, list]:
    shown: list = []
    monkeypatch.setattr(context, "display", lambda item, raw=False: shown.append(item))
    return context.Report(load_area("sotenas")), shown


def test_a_survey_table_gets_its_source_disclosure_and_example_notes(monkeypatch):
    (rpt, shown), sv = report_showing(monkeypatch), survey([employer() for _ in range(6)])
    table = pd.DataFrame({"Yrke": ["Kock"], "Andel": [0.5]})
    table.attrs["suppressed"] = True
    rpt.table(table, caption="Rubrik", survey=sv)
    html = shown[0].data
    assert f"Källa: {sv.source}." in html
    assert NOTE in html and EXAMPLE_NOTE in html
    assert "50,0\u00a0%" in html


def test_a_tiny_survey_shows_nothing_but_never_fails(monkeypatch):
    rows = [
        employer(C1="Ja", C2=3, C3=1, C4="Mycket svårt", C5_1="Kock", D3={"Engelska"}, D5=3)
        for _ in range(3)
    ]
    sv = survey(rows)
    for question in sc.FINDINGS:
        chart = sc.question(sv, question)
        assert "%" not in chart.title  # no share rests on three employers
        assert chart.data["Andel"].isna().all()
        counts = chart.data["Antal arbetsgivare"].dropna()
        assert (counts == 0).all()  # zero may show: it points at nobody
    assert sc.failure_by_branch(sv).data.iloc[:, 1:].isna().all().all()
    assert sc.hard_to_fill(sv).data.empty
    assert sc.branch_matrix(sv).empty
    rpt, shown = report_showing(monkeypatch)
    rpt.table(sc.branch_matrix(sv), caption="Tom", survey=sv)
    assert len(shown) == 1 and "Tom: inga uppgifter att visa." in shown[0].data


def test_recruitment_and_failure_sentences_carry_their_figures():
    rows = [employer(C1="Ja", C2=10, C3=8, C4="Mycket svårt") for _ in range(6)]
    rows += [employer() for _ in range(6)]
    sv = survey(rows)
    assert sc.recruitment(sv).startswith("Av 12 arbetsgivare har 6 (50,0\u00a0%) försökt rekrytera")
    assert "gick 20,0\u00a0% inte att anställa" in sc.failure(sv)
    assert "Rekryteringsenkät" in sc.failure(sv)


def test_a_sentence_whose_figure_is_hidden_is_not_written():
    sv = survey([employer(C1="Ja", C2=3, C3=1) for _ in range(3)])
    assert sc.recruitment(sv) == ""
    assert sc.failure(sv) == ""
    assert sc.staff(sv) == ""


def test_coding_sentence_from_the_coding_summary():
    summary = {"mentions": 20, "share_automatic": 0.75, "overridden": 3, "uncoded": 2}
    sentence = sc.coding(summary, 5)
    assert "20 yrkestitlar" in sentence and "Av dem kodades 75,0\u00a0% automatiskt" in sentence
    assert "15,0\u00a0% med analytikerns rättelser" in sentence and "10,0\u00a0%" in sentence


def test_d2_e6_and_b5_recomputed_from_a_generated_export(tmp_path):
    from generated_survey import generated_area

    from helpers.analysis import area_survey

    area, generated = generated_area(tmp_path, n=40, seed=11)
    sv = area_survey.load(area)
    kept = generated.kept
    d2 = [r.expected["D2"] for r in kept if r.expected["D2"] is not None]
    up = sum("Utbilda befintlig personal" in c for c in d2)
    hire = sum("Rekrytera nya medarbetare" in c for c in d2)
    both = sum("Utbilda befintlig personal" in c and "Rekrytera nya medarbetare" in c for c in d2)
    assert min(up, hire, up - both, hire - both) >= 5  # every figure is above the threshold

    def said(n: int, base: int) -> str:
        return f"{n} ({100 * n / base:.1f}".replace(".", ",") + "\u00a0%)"

    sentence = sc.meeting_needs(sv)
    assert f"Av de {len(d2)} arbetsgivare som svarat" in sentence
    assert f"vill {said(up, len(d2))} utbilda befintlig personal" in sentence
    assert f"och {said(hire, len(d2))} rekrytera nya medarbetare" in sentence
    assert f"utan att rekrytera, väljer {up - both} arbetsgivare; {both} väljer både" in sentence
    assert f"och {hire - both} enbart att rekrytera" in sentence
    # the summary says the same D2 figures
    from helpers.report.chapters import summary

    summary_sentences = summary.summary_sentences(area, sv)
    d2_said = [s for s in summary_sentences if "genom att utbilda befintlig personal" in s]
    assert d2_said and said(up, len(d2)) in d2_said[0] and said(hire, len(d2)) in d2_said[0]
    # E6: how many want the broker to call
    e6 = [r.expected["E6"] for r in kept if r.expected["E6"] is not None]
    yes = e6.count("Ja")
    assert min(yes, len(e6) - yes) >= 5
    assert f"Av de {len(e6)} arbetsgivare som svarat vill {said(yes, len(e6))} att" in (
        sc.contact_wish(sv)
    )
    # B5: the most named drivers, as counts
    counts: dict[str, int] = {}
    for r in kept:
        for option in r.expected["B5"] or ():
            if option != "Annat":
                counts[option] = counts.get(option, 0) + 1
    top = max(counts, key=counts.get)
    assert f"{top[:1].lower()}{top[1:]} ({counts[top]})" in sc.drivers(sv)


def test_evidence_sentences_never_show_a_count_below_the_threshold():
    # 2 of 12 want to upskill, 1 of 12 wants the broker to call: hidden, never said
    rows = [employer(D2={"Utbilda befintlig personal"}, E6="Ja") for _ in range(1)]
    rows += [employer(D2={"Utbilda befintlig personal"}, E6="Nej")]
    rows += [employer(D2={"Rekrytera nya medarbetare"}, E6="Nej") for _ in range(10)]
    sv = survey(rows)
    sentence = sc.meeting_needs(sv)
    assert "vill färre än 5 utbilda befintlig personal" in sentence
    assert "Enbart" not in sentence  # the split would hold the hidden cell
    assert " 2 " not in sentence and " 1 " not in sentence
    wish = sc.contact_wish(sv)
    assert "kan inte visas" in wish and not any(ch.isdigit() for ch in wish.replace("5", ""))
