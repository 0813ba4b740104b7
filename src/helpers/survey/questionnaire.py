"""The standard employer questionnaire: question ids, texts, types and standard option labels.

The questionnaire itself is data (``resources/questionnaire.yaml``); this module loads it. It is
the one place that defines question ids and labels: the survey reader, the analysis and the
example generator all ask it::

    >>> q = load_questionnaire(["Sotenäs"])
    >>> q["C4"].type, q.options("C4")[0]
    ('S', 'Mycket lätt')
    >>> q.options("A1")
    ('Sotenäs', 'Annan kommun')
    >>> q.sni_sections("Tillverkning och utvinning")
    ('B', 'C')
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType

import yaml

from helpers.config import paths

QUESTIONNAIRE_FILE = paths.RESOURCES / "questionnaire.yaml"

#: Question types: single choice, multi-select, whole number, short text, long text, and a
#: heading whose fields are separate questions (C5 -> C5_1..C5_3).
TYPES = ("S", "M", "N", "T", "TL", "group")


@dataclass(frozen=True)
class Question:
    """One question (or one field of a question with several fields, such as ``C8_1_antal``)."""

    id: str
    text: str
    type: str
    block: str
    options: tuple[str, ...] = ()
    other: str | None = None
    group: str | None = None
    asked_if: tuple[tuple[str, str], ...] = ()
    required: bool = False
    contact: bool = False
    max: int | None = None
    area_options: bool = False
    #: Other ways of writing an option: (written, standard label), e.g. "Sotenäs kommun".
    aliases: tuple[tuple[str, str], ...] = ()

    @property
    def is_field(self) -> bool:
        """True for questions that have an answer column (every type but ``group``)."""
        return self.type != "group"


@dataclass(frozen=True)
class Questionnaire:
    """The questions in questionnaire order, with their blocks and A2's SNI mapping
    (read-only: the standard questionnaire is read once and shared)."""

    questions: Mapping[str, Question]
    blocks: Mapping[str, str]
    sni: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))

    def __getitem__(self, qid: str) -> Question:
        return self.questions[qid]

    def __contains__(self, qid: object) -> bool:
        return qid in self.questions

    def __iter__(self):
        return iter(self.questions.values())

    def options(self, qid: str) -> tuple[str, ...]:
        """The standard option labels of a single-choice or multi-select question."""
        return self.questions[qid].options

    def fields(self) -> list[Question]:
        """Every question that has an answer column, in questionnaire order."""
        return [q for q in self if q.is_field]

    def analysis_ids(self) -> list[str]:
        """Columns of the tidy response table: every field except contact data (A5, G1..G4)."""
        return [q.id for q in self.fields() if not q.contact]

    def contact_ids(self) -> list[str]:
        """Questions that hold personal or identifying data and are split off at import."""
        return [q.id for q in self.fields() if q.contact]

    def group_fields(self, group: str) -> list[Question]:
        """The fields of a group question, e.g. ``group_fields("C5")`` -> C5_1, C5_2, C5_3."""
        return [q for q in self if q.group == group]

    def sni_sections(self, branch: str) -> tuple[str, ...]:
        """SNI 2007 section letters of an A2 branch label."""
        return self.sni[branch]

    def with_municipalities(self, names: Iterable[str]) -> Questionnaire:
        """A copy whose A1 options are ``names`` followed by the standard ``Annan kommun``.

        ``Sotenäs kommun``, ``Trollhättans stad`` and the like are read as the name itself.
        """
        names = tuple(dict.fromkeys(n.strip() for n in names if n and n.strip()))
        aliases = tuple(
            (f"{name}{genitive} {kind}", name)
            for name in names
            for genitive in ("", "s")
            for kind in ("kommun", "stad")
        )
        questions = {
            qid: dataclasses.replace(q, options=names + q.options, aliases=aliases)
            if q.area_options
            else q
            for qid, q in self.questions.items()
        }
        return dataclasses.replace(self, questions=MappingProxyType(questions))


@cache
def _standard() -> Questionnaire:
    with QUESTIONNAIRE_FILE.open(encoding="utf-8") as fh:
        # libyaml's loader when installed: the pure-Python one takes 70 ms for this file
        raw = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    questions: dict[str, Question] = {}
    for item in raw["questions"]:
        qid = str(item["id"])
        if item["type"] not in TYPES:
            raise ValueError(f"{QUESTIONNAIRE_FILE.name}: {qid} has unknown type {item['type']}")
        questions[qid] = Question(
            id=qid,
            text=str(item["text"]),
            type=str(item["type"]),
            block=qid[0],
            options=tuple(str(o) for o in item.get("options") or ()),
            other=item.get("other"),
            group=item.get("group"),
            asked_if=tuple((str(k), str(v)) for k, v in (item.get("asked_if") or {}).items()),
            required=bool(item.get("required", False)),
            contact=bool(item.get("contact", False)),
            max=item.get("max"),
            area_options=bool(item.get("area_options", False)),
        )
    sni = {str(k): tuple(str(s) for s in v) for k, v in raw["sni_sections"].items()}
    return Questionnaire(
        questions=MappingProxyType(questions),
        blocks=MappingProxyType(dict(raw["blocks"])),
        sni=MappingProxyType(sni),
    )


def load_questionnaire(municipalities: Sequence[str] = ()) -> Questionnaire:
    """The standard questionnaire; A1's options are ``municipalities`` + ``Annan kommun``.

    >>> load_questionnaire().analysis_ids()[:6]
    ['A1', 'A2', 'A3', 'A4', 'A6', 'B1']
    """
    standard = _standard()
    return standard.with_municipalities(municipalities) if municipalities else standard
