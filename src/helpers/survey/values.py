"""Cleaning single answer values: text, numbers, yes/no and option labels.

Survey exports are typed by people and written by tools: numbers come as ``1 250`` (with a
no-break or thin space), ``ca 20`` or ``10-15``; yes/no as ``Ja``, ``yes``, ``Y`` or ``1``;
labels in another case, Unicode form or with a trailing space. Each function returns the clean
value and, where it had to guess, a note in Swedish for the validation report::

    >>> parse_number("1\\u00a0250")
    (1250, None)
    >>> parse_number("10-15")
    (13, "'10-15' är ett intervall: räknat som 13 (mittpunkten, avrundad uppåt)")
    >>> match_option("ganska SVÅRT ", ["Ganska lätt", "Ganska svårt"]).label
    'Ganska svårt'

Ranges count as their midpoint rounded up, so ``10-15`` is 13 and ``10-20`` is 15: a count of
people is whole, and rounding up keeps a stated need from shrinking to nothing (``0-1`` is 1).
"""

from __future__ import annotations

import difflib
import functools
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal

#: Labels at least this similar to a standard label (difflib ratio) are read as that label.
CLOSE_ENOUGH = 0.85
#: Below CLOSE_ENOUGH but at least this similar: named as the closest label in the warning.
SUGGEST = 0.5

YES = frozenset({"ja", "j", "yes", "y", "1", "true", "sant", "x"})
NO = frozenset({"nej", "n", "no", "0", "false", "falskt"})
#: Typed for a number when the respondent does not know: not a number, and not a problem.
NO_NUMBER = frozenset({"vet ej", "vet inte", "okänt", "?", "-", "n/a", "ej aktuellt"})
ZERO = frozenset({"inga", "ingen", "noll", "none"})
#: What tools and people call the "other" option (LimeSurvey ``[other]``, SurveyMonkey
#: ``Other (please specify)``, Google Forms ``Övrigt``).
OTHER_WORDS = frozenset(
    {
        "other",
        "annat",
        "annan",
        "övrigt",
        "övriga",
        "other (please specify)",
        "annat (ange)",
        "annat, nämligen",
        "annat (vänligen specificera)",
        "-oth-",
    }
)

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u2009\u202f\u200a"), " ")
_APPROX = re.compile(r"^(?:ca\.?|c:a|cirka|ungefär|ung\.?|runt|omkring|about|approx\.?|~|≈)\s*")
_UNIT = re.compile(r"\s*(?:st\.?|stycken|pers\.?|personer|anställda|platser|people)$")
_AT_LEAST = re.compile(r"^(?:fler än|mer än|över|minst|mer|>=?|≥)\s*(\d+)$")
_GROUPED = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_RANGE = re.compile(r"^(\d+)\s*(?:-|till|à)\s*(\d+)$")
_OTHER_PREFIX = re.compile(r"^(annat|annan|övrigt|other)\b[^:]{0,12}?\s*[:]\s*(.+)$", re.I | re.S)


def is_blank(value: object) -> bool:
    """True for None, NaN, pandas' NA and text that is empty once stripped."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.translate(_SPACES).strip()
    try:
        return bool(value != value)  # NaN, NA
    except (TypeError, ValueError):
        return False


def clean_text(value: object) -> str | None:
    """A cell as text: NFC, no-break spaces as spaces, trimmed; None when blank.

    >>> clean_text("Sotena\\u0308s\\u00a0") == "Sotenäs"  # decomposed ä, no-break space
    True
    """
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.isoformat(sep=" ")
    text = unicodedata.normalize("NFC", str(value)).translate(_SPACES)
    return text.strip() or None


@functools.lru_cache(maxsize=4096)  # every answer is compared with every option label
def label_key(text: str) -> str:
    """The form labels are compared in: NFKC, case-folded, one kind of dash, single spaces.

    >>> label_key(" 1 - Inget  HINDER") == label_key("1 – Inget hinder")
    True
    """
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).translate(_SPACES).casefold()
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s*-\s*", "-", text)


def _round_half_up(value: float) -> int:
    return int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


#: The note for a cell that holds text and no number (the text is not quoted: see below).
NOT_A_NUMBER = "svaret är inte ett tal"


def parse_number(value: object, maximum: int | None = None) -> tuple[int | None, str | None]:
    """A whole number from a cell, and a note when it was guessed or rejected.

    Blank and "vet ej" give ``(None, None)``; text that is no number gives ``(None, note)``.

    >>> parse_number("ca 20")
    (20, None)
    >>> parse_number("många")
    (None, 'svaret är inte ett tal')
    """
    if is_blank(value) or isinstance(value, bool):
        return None, None
    if isinstance(value, datetime | date | time):
        return None, f"'{value}' är ett datum, inte ett tal"
    if isinstance(value, int):
        number: int | None = value
        note = None
    elif isinstance(value, float):
        number = _round_half_up(value)
        note = None if value.is_integer() else f"'{value}' är inget heltal: räknat som {number}"
    else:
        number, note = _number_from_text(clean_text(value) or "")
    if number is not None and number < 0:
        return None, f"'{value}' är negativt: räknas inte"
    if number is not None and maximum is not None and number > maximum:
        return None, f"'{value}' är orimligt stort (mer än {maximum}): räknas inte"
    return number, note


def _number_from_text(text: str) -> tuple[int | None, str | None]:
    key = label_key(text)
    if key in NO_NUMBER or key == "":
        return None, None
    if key in ZERO:
        return 0, None
    key = _UNIT.sub("", _APPROX.sub("", key)).strip()
    key = _GROUPED.sub("", key)
    if re.fullmatch(r"\+?\d+", key):
        return int(key), None
    if re.fullmatch(r"-\d+", key):
        return int(key), None
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", key):  # 1.250 written with a dot for thousands
        return int(key.replace(".", "")), None
    if m := _RANGE.fullmatch(key):
        low, high = sorted((int(m[1]), int(m[2])))
        middle = math.ceil((low + high) / 2)
        return (
            middle,
            f"'{text}' är ett intervall: räknat som {middle} (mittpunkten, avrundad uppåt)",
        )
    if m := _AT_LEAST.fullmatch(key):
        return int(m[1]), f"'{text}' är ingen exakt siffra: räknat som {m[1]}"
    if re.fullmatch(r"\d+[.,]\d+", key):
        number = _round_half_up(float(key.replace(",", ".")))
        return number, f"'{text}' är inget heltal: räknat som {number}"
    # Text that is no number is not quoted: it may be anything, a name typed in the wrong
    # column too; the issue says the column and row (privacy: validate prints no answers).
    return None, NOT_A_NUMBER


@dataclass(frozen=True)
class Choice:
    """A cleaned choice: the standard ``label`` (or None), typed ``other_text``, and a ``note``."""

    label: str | None
    other_text: str | None = None
    note: str | None = None


def closest_label(text: str, options: Sequence[str]) -> tuple[str | None, float]:
    """The standard label most similar to ``text`` and how similar (difflib ratio, 0-1)."""
    key = label_key(text)
    best, best_ratio = None, 0.0
    for option in options:
        ratio = difflib.SequenceMatcher(None, key, label_key(option)).ratio()
        if ratio > best_ratio:
            best, best_ratio = option, ratio
    return best, best_ratio


def exact_label(text: str, options: Sequence[str]) -> str | None:
    """The standard label that ``text`` is, apart from case, Unicode form, dashes and spaces."""
    key = label_key(text)
    for option in options:
        if label_key(option) == key:
            return option
    return None


def match_option(value: object, options: Sequence[str], other: str | None = None) -> Choice:
    """The standard label a typed or exported answer means.

    In order: the label itself (any case, Unicode form, dash or spacing); ``Annat: <text>``
    (typed other text); a bare number for a label that starts with it (``1`` for
    ``1 – Inget hinder``); yes/no words for ``Ja``/``Nej``; the closest label if it is almost
    the same (typos, with a note); otherwise typed other text if the question has an other
    option, else no label and a note naming the closest label.

    >>> match_option("Annat: båtmotorer", ["Automation", "Annat"], other="Annat")
    Choice(label='Annat', other_text='båtmotorer', note=None)
    >>> match_option("yes", ["Ja", "Nej"]).label
    'Ja'
    """
    text = clean_text(value)
    if text is None:
        return Choice(None)
    if label := exact_label(text, options):
        return Choice(label)
    key = label_key(text)
    if other and (m := _OTHER_PREFIX.match(text)):
        return Choice(other, other_text=m[2].strip() or None)
    if re.fullmatch(r"\d+", key):
        numbered = [o for o in options if re.match(rf"{key}-\D", label_key(o))]
        if len(numbered) == 1:
            return Choice(numbered[0])
    if key in YES and "Ja" in options:
        return Choice("Ja")
    if key in NO and "Nej" in options:
        return Choice("Nej")
    if other and key in OTHER_WORDS:
        return Choice(other)
    best, ratio = closest_label(text, options)
    if best is not None and ratio >= CLOSE_ENOUGH:
        return Choice(best, note=f"'{text}' är inget standardalternativ: tolkat som '{best}'")
    if other:
        return Choice(other, other_text=text)
    hint = f" Närmast: '{best}'." if best is not None and ratio >= SUGGEST else ""
    # Not quoted, as for numbers: text like no label at all may be a name in the wrong column.
    return Choice(None, note=f"svaret är inget standardalternativ och räknas inte.{hint}")


def strip_other_prefix(text: str) -> str:
    """Typed other text without a leading ``Annat:`` that the respondent typed themselves.

    >>> strip_other_prefix("Annat: båtmotorer")
    'båtmotorer'
    """
    m = _OTHER_PREFIX.match(text)
    return m[2].strip() if m else text


def split_multi(text: str, options: Sequence[str], separator: str) -> list[str]:
    """The items of a multi-select cell, split against the known labels.

    Tools join chosen options with ``;`` (Microsoft Forms, with a trailing ``;``) or ``, ``
    (Google Forms); typed "other" text may itself contain the separator, so consecutive pieces
    that are no label are kept together as one item::

        >>> split_multi("Kostnaden, båtar, bilar, Språkhinder", ["Kostnaden", "Språkhinder"], ", ")
        ['Kostnaden', 'båtar, bilar', 'Språkhinder']
    """
    mark = separator.strip() or separator
    # Raw pieces keep their spaces so typed text is rejoined exactly as it was written.
    pieces = [p for p in text.split(mark) if p.strip()]
    known = {label_key(o) for o in options}
    longest = 1 + max((o.count(mark) for o in options), default=0)
    items: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            items.append(mark.join(pending).strip())
            pending.clear()

    i = 0
    while i < len(pieces):
        j = next(
            (
                j
                for j in range(min(len(pieces), i + longest), i, -1)
                if label_key(mark.join(pieces[i:j])) in known
            ),
            0,
        )
        if j:
            flush()
            items.append(mark.join(pieces[i:j]).strip())
            i = j
        elif closest_label(pieces[i], options)[1] >= CLOSE_ENOUGH:  # a typo: its own item
            flush()
            items.append(pieces[i].strip())
            i += 1
        else:
            pending.append(pieces[i])
            i += 1
    flush()
    return items


def is_chosen(value: object, label: str, marks: str = "yesno") -> bool | None:
    """Whether a one-column-per-option cell marks the option chosen; None when blank.

    With ``marks="label"`` (SurveyMonkey) a chosen option's column holds its label, so any
    text means chosen, even the label ``Nej`` of E1. With ``marks="yesno"`` (LimeSurvey,
    mapping files) ``N``, ``No``, ``Nej``, ``0`` mean not chosen and anything else (``Y``,
    ``Ja``, ``x``, the label, typed text) means chosen.

    >>> is_chosen("Nej", "Nej", marks="label"), is_chosen("Nej", "Nej"), is_chosen("Y", "Nej")
    (True, False, True)
    """
    text = clean_text(value)
    if text is None:
        return None
    return marks == "label" or label_key(text) not in NO
