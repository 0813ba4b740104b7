from helpers.common import text

NBSP = "\u00a0"


def test_number_groups_thousands_with_no_break_space():
    assert text.number(9061) == f"9{NBSP}061"
    assert text.number(1250.5, 1) == f"1{NBSP}250,5"
    assert text.number(2019) == f"2{NBSP}019"  # a count; years go through text.year


def test_rounding_is_half_up_not_half_even():
    assert text.number(0.5) == "1"
    assert text.percent(0.3165) == f"31,7{NBSP}%"


def test_percent_and_points():
    assert text.percent(0.317) == f"31,7{NBSP}%"
    assert text.percent(0.5, 0) == f"50{NBSP}%"
    assert text.points(0.024) == "+2,4 procentenheter"
    assert text.points(-0.01) == "\u22121,0 procentenhet"
    assert text.points(0.0) == "0,0 procentenheter"


def test_missing_values_read_as_dash():
    import pandas as pd

    for value in (None, float("nan"), pd.NA):
        assert text.number(value) == text.MISSING
        assert text.percent(value) == text.MISSING


def test_year_is_never_grouped():
    assert text.year(2019) == "2019"


def test_words():
    assert text.share_in_words(0.332) == "var tredje"
    assert text.share_in_words(0.41) is None
    assert text.join(["a", "b", "c"]) == "a, b och c"
    assert text.comparative(0.31, 0.44) == "lägre"
    assert text.comparative(0.44, 0.44) == "ungefär lika hög"
    assert text.capitalize("var tredje") == "Var tredje"


def test_mid_sentence_keeps_names_and_acronyms():
    assert text.mid_sentence("Arbetsförmedlingen") == "Arbetsförmedlingen"
    assert text.mid_sentence("IT-tekniker") == "IT-tekniker"
    assert text.mid_sentence("Gymnasieskola") == "gymnasieskola"
