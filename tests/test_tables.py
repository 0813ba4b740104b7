"""Report tables: captions, scoped headers, Swedish numbers, a scrolling frame of their own."""

from __future__ import annotations

import re

import pandas as pd

from helpers.common import text
from helpers.report import tables

NBSP = "\u00a0"


def sample() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Område": ["Sotenäs", "Riket"],
            "Invånare": [9061, 10_327_589],
            "Andel": [0.317, None],
            "Kommentar": ["<b>", "vanlig text"],
        }
    )


def test_headers_are_scoped_and_numbers_swedish_and_right_aligned():
    page = tables.html_table(sample(), caption="Folkmängd 2019", formats={"Andel": text.percent})
    assert '<th scope="col">Område</th>' in page
    assert '<th scope="col" class="num">Invånare</th>' in page
    assert '<th scope="col" class="num">Andel</th>' in page
    assert '<th scope="col">Kommentar</th>' in page  # text column: left-aligned head
    assert f'<td class="num">9{NBSP}061</td>' in page
    assert f'<td class="num">10{NBSP}327{NBSP}589</td>' in page
    assert f'<td class="num">31,7{NBSP}%</td>' in page
    assert '<td class="num">–</td>' in page  # missing share: the missing sign, not "nan"
    assert '<th scope="row">Sotenäs</th>' in page
    assert "<caption>Folkmängd 2019</caption>" in page


def test_text_is_escaped():
    page = tables.html_table(sample(), caption='A "quoted" <caption>')
    assert "<td>&lt;b&gt;</td>" in page
    assert "<caption>A &quot;quoted&quot; &lt;caption&gt;</caption>" in page
    assert 'aria-label="A &quot;quoted&quot; &lt;caption&gt;"' in page


def test_the_frame_scrolls_by_keyboard_and_is_named_by_the_caption():
    page = tables.html_table(sample(), caption="Folkmängd 2019", note="Källa: SCB.")
    frame = re.match(r"<div ([^>]*)>", page).group(1)
    assert 'class="table-wrap"' in frame and 'tabindex="0"' in frame
    assert 'role="region"' in frame and 'aria-label="Folkmängd 2019"' in frame
    # the note stands under the frame, so it does not scroll away with a wide table
    assert page.endswith('</div><p class="table-note">Källa: SCB.</p>')


def test_a_table_without_caption_still_has_a_name():
    assert 'aria-label="Tabell"' in tables.html_table(sample())


def test_formatted_gives_the_same_text_as_the_table():
    shown = tables.formatted(sample(), {"Andel": text.percent})
    assert shown["Invånare"].tolist() == [f"9{NBSP}061", f"10{NBSP}327{NBSP}589"]
    assert shown["Andel"].tolist() == [f"31,7{NBSP}%", "–"]


def widths_of(page: str) -> list[float]:
    return [float(w) for w in re.findall(r'<col style="width: ([\d.]+)%">', page)]


def test_each_column_gets_a_width_that_adds_up_to_the_table():
    page = tables.html_table(sample(), caption="Folkmängd 2019", formats={"Andel": text.percent})
    widths = widths_of(page)
    assert len(widths) == len(sample().columns)
    assert abs(sum(widths) - 100) < 0.5


def test_columns_that_fit_side_by_side_are_as_wide_as_their_longest_line():
    widths = tables.column_widths(
        [["Bransch", "Antal arbetsgivare"], ["Vård och omsorg", "12"]], [False, True]
    )
    padding, bold = tables.PADDING_CHARACTERS, tables.BOLD_WIDTH  # row and column heads
    first = bold * len("Vård och omsorg") + padding
    second = bold * len("Antal arbetsgivare") + padding
    assert widths == [
        round(100 * first / (first + second), 1),
        round(100 * second / (first + second), 1),
    ]


def test_a_single_word_keeps_room_around_it():
    rows = [["Typ", "Ort"], ["Arbetsmarknadsutbildning", "Ed"]]
    widths = tables.column_widths(rows, [False, False])
    room, bold, padding = tables.WORD_ROOM, tables.BOLD_WIDTH, tables.PADDING_CHARACTERS
    word = room * bold * len("Arbetsmarknadsutbildning") + padding  # a row head: bold
    other = room * bold * len("Ort") + padding
    assert widths[0] == round(100 * word / (word + other), 1)
    line = bold * len("Arbetsmarknadsutbildning") + padding
    assert widths[0] > round(100 * line / (line + other), 1)  # more than its average width


def test_columns_that_fit_only_with_broken_words_are_left_to_the_renderer():
    heads = [f"Arbetsgivarnas{n}" for n in range(8)]
    assert tables.column_widths([heads, ["1"] * 8], [True] * 8) is None
    table = pd.DataFrame({head: [1] for head in heads})
    page = tables.html_table(table)
    assert "<col " not in page and '<table class="sized">' not in page
    assert '<table class="sized">' in tables.html_table(sample())


def test_a_bold_head_word_gets_room_for_its_bold_letters():
    long_text = "en lång beskrivning av utbildningen som får brytas " * 4
    rows = [["Utbildning", "Inom 12 månader"], [long_text, "5"]]
    widths = tables.column_widths(rows, [False, True])
    word = tables.BOLD_WIDTH * len("månader") + tables.PADDING_CHARACTERS
    assert widths[1] >= round(100 * word / tables.LINE_CHARACTERS, 1) - 0.1


def test_columns_that_do_not_fit_keep_their_longest_word_and_numbers_whole():
    long_text = "ett mycket långt stycke text som måste brytas över flera rader " * 4
    number = "10 327 589"
    widths = tables.column_widths(
        [["Text", "Kort", "Invånare"], [long_text, "ord", number]], [False, False, True]
    )
    line = tables.LINE_CHARACTERS
    # the number column may not wrap, so it keeps its whole width; the text column wraps
    assert widths[2] >= round(100 * (len(number) + tables.PADDING_CHARACTERS) / line, 1) - 0.1
    assert widths[0] > widths[1] > 0
    assert widths[0] < 100 * (len(long_text) / (len(long_text) + len(number)))


def test_numbers_already_written_as_text_are_right_aligned_too():
    shown = tables.formatted(sample(), {"Andel": text.percent})  # as the appendix gets them
    page = tables.html_table(shown)
    assert '<th scope="col" class="num">Invånare</th>' in page
    assert f'<td class="num">10{NBSP}327{NBSP}589</td>' in page
    assert f'<td class="num">31,7{NBSP}%</td>' in page and '<td class="num">–</td>' in page
    assert '<th scope="col">Kommentar</th>' in page  # text stays left


def test_what_reads_as_a_written_number():
    for shown in (f"9{NBSP}061", f"31,7{NBSP}%", "\u22122", "-2", "+1,5", "0"):
        assert text.reads_as_number(shown), shown
    for shown in ("Sotenäs", "2019–2021", "9061 st", "5 av 35", "", "–"):
        assert not text.reads_as_number(shown), shown


def test_short_columns_keep_their_lines_whole_when_long_ones_must_wrap():
    long_text = "en lång beskrivning av utbildningen som får brytas " * 4
    widths = tables.column_widths(
        [["Utbildning", "Läge"], [long_text, "i närheten"]], [False, False]
    )
    line = len("i närheten") + tables.PADDING_CHARACTERS
    assert widths[1] >= round(100 * line / tables.LINE_CHARACTERS, 1) - 0.1
