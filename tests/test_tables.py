"""Report tables: captions, scoped headers, Swedish numbers, a scrolling frame of their own."""

from __future__ import annotations

import re

import pandas as pd

from helpers import tables, text

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
