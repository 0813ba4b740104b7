"""The standard questionnaire as data: ids, types, labels and the rules exports depend on."""

import re

import pytest

from helpers.survey.questionnaire import TYPES, load_questionnaire


@pytest.fixture(scope="module")
def q():
    return load_questionnaire(["Trollhättan", "Vänersborg"])


def test_every_text_starts_with_its_id(q):
    for question in q:
        assert question.text.startswith(f"{question.id}. "), question.id
        assert question.type in TYPES


def test_tidy_columns_are_in_questionnaire_order_without_contacts(q):
    ids = q.analysis_ids()
    assert ids[:5] == ["A1", "A2", "A3", "A4", "A6"]
    assert ids[ids.index("C4") + 1 : ids.index("C4") + 4] == ["C5_1", "C5_2", "C5_3"]
    assert ids[ids.index("C7") + 1 : ids.index("C7") + 5] == [
        "C8_1_yrke",
        "C8_1_antal",
        "C8_1_tid",
        "C8_1_niva",
    ]
    assert ids[-1] == "F1"
    assert q.contact_ids() == ["A5", "G1", "G2", "G3", "G4"]
    assert not set(ids) & set(q.contact_ids())


def test_a1_options_are_the_area_then_annan_kommun(q):
    assert q.options("A1") == ("Trollhättan", "Vänersborg", "Annan kommun")
    assert ("Trollhättans stad", "Trollhättan") in q["A1"].aliases
    assert load_questionnaire().options("A1") == ("Annan kommun",)


@pytest.mark.parametrize("qid", ["B5", "C6", "C7", "C9", "D2", "D3", "D6", "D7", "D8", "E1", "E4"])
def test_multi_select_labels_can_be_split(q, qid):
    # Google Forms joins with ", " and Microsoft Forms with ";": labels must not hold them,
    # and no label may be a substring of another of the same question.
    labels = q.options(qid)
    assert q[qid].type == "M"
    for label in labels:
        assert ";" not in label and ", " not in label, label
        assert not [o for o in labels if o != label and label in o], label


def test_spec_options_are_kept_exactly(q):
    assert q.options("C4") == (
        "Mycket lätt",
        "Ganska lätt",
        "Ganska svårt",
        "Mycket svårt",
        "Vet ej",
    )
    assert q.options("B4")[0] == "1 – Inget hinder" and len(q.options("B4")) == 6
    assert len(q.options("A2")) == 14 and len(q.options("D3")) == 13
    assert q["C8_2_niva"].options[-1] == "Vet ej"
    assert dict(q["C2"].asked_if) == {"C1": "Ja"}


def test_branches_map_to_sni_sections(q):
    assert set(q.sni) == set(q.options("A2"))
    assert q.sni_sections("Tillverkning och utvinning") == ("B", "C")
    assert q.sni_sections("Kultur och personliga tjänster") == ("R", "S", "T", "U")
    letters = [s for branch in q.options("A2") for s in q.sni_sections(branch)]
    assert sorted(letters) == [chr(c) for c in range(ord("A"), ord("U") + 1)]


def test_lime_codes_without_underscores_are_unique(q):
    codes = [question.id.replace("_", "") for question in q]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-G]\d+\w*", c) for c in codes)
