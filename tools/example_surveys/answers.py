"""Deterministic example answers to the standard questionnaire, and the shipped example exports.

The answers are invented (seeded), never real. They look like local employers' answers:
branch-dependent job titles and needs, employers that did not recruit (C1 = Nej, C2..C7
empty), "Vet ej", messy numbers (``ca 20``, ``10-15``, ``1 200``), a typo in a label, a few
duplicate submissions, incomplete LimeSurvey responses, and planted personal data (names,
e-mail addresses, phone numbers, organisation numbers in block G, A5, the tool's identity
columns, F1 and "Annat" text) so tests can prove none of it leaks. Every respondent carries the
tidy values a correct reader must produce (``expected``, ``expected_other``)::

    >>> survey = generate("sotenas", 2026, 20, seed=1)
    >>> len(survey.kept), survey.kept[0].expected["A1"] in ("Sotenäs", "Annan kommun")
    (20, True)

``python -m example_surveys.answers`` rewrites the shipped example exports byte for byte:
``data/raw/surveys/sotenas/2026`` and ``2025`` (Microsoft Forms .xlsx) and
``data/raw/surveys/trollhattan-vanersborg/2026`` (Google Forms .csv, Swedish locale). The
layout writers are in ``exports``.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from helpers.config import paths
from helpers.survey.privacy import COMPANY_MASK, EMAIL_MASK, NAME_MASK, PHONE_MASK
from helpers.survey.questionnaire import Questionnaire, load_questionnaire

FIRST_NAMES = (
    "Anna",
    "Maria",
    "Karin",
    "Sara",
    "Lena",
    "Emma",
    "Johanna",
    "Linda",
    "Malin",
    "Lars",
    "Anders",
    "Johan",
    "Mikael",
    "Erik",
    "Fredrik",
    "Magnus",
    "Daniel",
    "Jonas",
    "Amir",
    "Leila",
    "Nadia",
    "Tomas",
    "Elin",
    "Henrik",
)
LAST_NAMES = (
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Lindqvist",
    "Bergström",
    "Holmberg",
    "Hassan",
    "Sandberg",
    "Axelsson",
)
SIZES = {
    "0 (endast ägare)": (0, 0),
    "1–4": (1, 4),
    "5–9": (5, 9),
    "10–19": (10, 19),
    "20–49": (20, 49),
    "50–99": (50, 99),
    "100–249": (100, 249),
    "250 eller fler": (250, 1400),
}


@dataclass(frozen=True)
class Branch:
    """How employers of one kind answer: weights and the job titles they type."""

    a2: str
    weight: float
    sizes: dict[str, float]
    titles: tuple[str, ...]
    companies: tuple[str, ...]
    sector: dict[str, float] = field(default_factory=lambda: {"Privat": 1.0})
    recruit: float = 0.65
    b5: tuple[str, ...] = ("Digitalisering och AI", "Generationsväxling")
    c6: tuple[str, ...] = ("För få sökande", "Sökande saknade yrkeserfarenhet")
    d3: tuple[str, ...] = ("Digitala verktyg och IT-system", "Arbetsmiljö och säkerhet")
    level: tuple[str, ...] = ("Gymnasial yrkesutbildning",)


@dataclass(frozen=True)
class Area:
    """An example area: its municipalities, phone area code, neighbours and employers."""

    municipalities: tuple[str, ...]
    area_code: str
    neighbours: tuple[str, ...]
    branches: tuple[Branch, ...]


_CARE = Branch(
    "Vård och omsorg",
    1.0,
    {"20–49": 2, "50–99": 2, "100–249": 1, "250 eller fler": 1},
    (
        "undersköterskor",
        "Undersköterska",
        "usk",
        "sjuksköterska",
        "vårdbiträde",
        "personlig assistent",
    ),
    ("{m} kommun, äldreomsorgen", "Omsorgshuset {m} AB", "Hemtjänst Väst AB"),
    sector={"Offentlig": 3, "Privat": 1, "Idéburen": 0.5},
    recruit=0.8,
    b5=("Generationsväxling", "Digitalisering och AI", "Nya lagkrav eller certifieringar"),
    c6=(
        "För få sökande",
        "Sökande saknade behörighet eller certifikat",
        "Otillräckliga kunskaper i svenska",
        "Sökande saknade körkort",
    ),
    d3=("Vård- och omsorgskompetens", "Yrkessvenska", "Digitala verktyg och IT-system"),
    level=("Gymnasial yrkesutbildning", "Yrkeshögskola", "Högskola"),
)
_BUILD = Branch(
    "Byggverksamhet",
    1.0,
    {"1–4": 2, "5–9": 2, "10–19": 1.5, "20–49": 0.5},
    ("snickare", "Snickare", "elektriker", "VVS-montör", "plattsättare", "maskinförare"),
    ("{m} Bygg AB", "Västkust El AB", "Bohus Rör & VVS AB"),
    recruit=0.7,
    b5=("Grön omställning och energi", "Nya lagkrav eller certifieringar", "Generationsväxling"),
    c6=(
        "För få sökande",
        "Sökande saknade yrkeserfarenhet",
        "Sökande saknade behörighet eller certifikat",
        "Konkurrens från andra arbetsgivare",
    ),
    d3=(
        "Certifikat och behörigheter (t.ex. truck/lift/svets)",
        "Arbetsmiljö och säkerhet",
        "Hållbarhet och energi",
    ),
)
_TRADE = Branch(
    "Handel",
    0.8,
    {"1–4": 2, "5–9": 2, "10–19": 1, "20–49": 0.5},
    ("butikssäljare", "kassapersonal", "lagerarbetare", "Butikschef"),
    ("{m} Livs AB", "Kustens Järn AB", "Bohusläns Bilhandel AB"),
    recruit=0.5,
    b5=("Digitalisering och AI", "Minskad efterfrågan"),
    c6=("Sökande saknade rätt personliga egenskaper", "Lönekrav eller villkor"),
    d3=("Försäljning och kundbemötande", "Digitala verktyg och IT-system"),
    level=("Ingen särskild utbildning", "Gymnasial yrkesutbildning"),
)
_HOSPITALITY = Branch(
    "Hotell och restaurang",
    1.0,
    {"1–4": 1.5, "5–9": 2, "10–19": 1.5, "20–49": 1},
    ("kock", "Kockar", "servitör", "servitris", "diskare", "receptionist", "hotellstädare"),
    ("Hotell Havsbandet AB", "Restaurang Bryggan {m} AB", "{m} Havsbad AB"),
    recruit=0.8,
    b5=("Expansion eller ny marknad", "Digitalisering och AI"),
    c6=(
        "För få sökande",
        "Svårt att få sökande att flytta eller pendla hit",
        "Lönekrav eller villkor",
        "Sökande saknade yrkeserfarenhet",
    ),
    d3=("Försäljning och kundbemötande", "Engelska", "Arbetsmiljö och säkerhet"),
    level=("Ingen särskild utbildning", "Gymnasial yrkesutbildning"),
)

AREAS = {
    "sotenas": Area(
        ("Sotenäs",),
        "0523",
        ("Lysekil", "Tanum", "Munkedal"),
        (
            Branch(
                "Jord- och skogsbruk och fiske",
                1.0,
                {"1–4": 3, "5–9": 1},
                ("fiskare", "däcksman", "Maskinist fiskefartyg"),
                ("Smögens Fiske HB", "Kungshamns Trålrederi AB"),
                recruit=0.5,
                b5=("Grön omställning och energi", "Nya lagkrav eller certifieringar"),
                c6=("För få sökande", "Sökande saknade behörighet eller certifikat"),
                d3=("Certifikat och behörigheter (t.ex. truck/lift/svets)",),
            ),
            Branch(
                "Tillverkning och utvinning",
                1.3,
                {"5–9": 1, "10–19": 2, "20–49": 2, "50–99": 1},
                (
                    "fiskberedare",
                    "Fiskberedare",
                    "livsmedelsarbetare",
                    "truckförare",
                    "kvalitetsansvarig",
                ),
                ("Smögens Fisk AB", "Hunnebo Sill & Skaldjur AB", "Kungshamns Rökeri AB"),
                recruit=0.75,
                b5=("Automation", "Generationsväxling", "Grön omställning och energi"),
                c6=(
                    "För få sökande",
                    "Svårt att få sökande att flytta eller pendla hit",
                    "Otillräckliga kunskaper i svenska",
                ),
                d3=(
                    "Certifikat och behörigheter (t.ex. truck/lift/svets)",
                    "Kvalitet och ständiga förbättringar",
                    "Yrkessvenska",
                ),
            ),
            Branch(
                "Tillverkning och utvinning",
                0.8,
                {"5–9": 1, "10–19": 2, "20–49": 1},
                ("båtbyggare", "mig-svetsare", "CNC operatör", "laminerare", "montör"),
                ("Hunnebostrand Marin AB", "Sotenäs Båtvarv AB"),
                recruit=0.8,
                b5=("Automation", "Expansion eller ny marknad"),
                c6=("Sökande saknade yrkeserfarenhet", "Sökande saknade rätt utbildning"),
                d3=(
                    "Automation och produktionsteknik",
                    "Certifikat och behörigheter (t.ex. truck/lift/svets)",
                ),
                level=("Gymnasial yrkesutbildning", "Yrkeshögskola"),
            ),
            dataclasses.replace(_HOSPITALITY, weight=1.6),
            _CARE,
            _BUILD,
            dataclasses.replace(_TRADE, weight=0.6),
            Branch(
                "Företagstjänster",
                0.5,
                {"1–4": 1, "5–9": 1, "10–19": 1},
                ("lokalvårdare", "Lokalvårdare", "fönsterputsare"),
                ("Kustens Städ AB",),
                recruit=0.6,
                level=("Ingen särskild utbildning",),
            ),
        ),
    ),
    "trollhattan-vanersborg": Area(
        ("Trollhättan", "Vänersborg"),
        "0520",
        ("Uddevalla", "Lilla Edet", "Grästorp"),
        (
            Branch(
                "Tillverkning och utvinning",
                2.5,
                {"10–19": 1, "20–49": 2, "50–99": 2, "100–249": 1.5, "250 eller fler": 1},
                (
                    "CNC-operatör",
                    "CNC operatör",
                    "mig-svetsare",
                    "svetsare",
                    "automationsingenjör",
                    "montör",
                    "kvalitetstekniker",
                    "konstruktör",
                    "industrielektriker",
                    "maskinoperatör",
                ),
                (
                    "Nohab Precision AB",
                    "Flygkomponenter Väst AB",
                    "Trestad Automotive AB",
                    "Göta Älv Svets AB",
                ),
                recruit=0.8,
                b5=(
                    "Automation",
                    "Digitalisering och AI",
                    "Grön omställning och energi",
                    "Generationsväxling",
                ),
                c6=(
                    "Sökande saknade rätt utbildning",
                    "Sökande saknade yrkeserfarenhet",
                    "Konkurrens från andra arbetsgivare",
                    "Sökande saknade behörighet eller certifikat",
                ),
                d3=(
                    "Automation och produktionsteknik",
                    "Kvalitet och ständiga förbättringar",
                    "Certifikat och behörigheter (t.ex. truck/lift/svets)",
                    "Digitala verktyg och IT-system",
                ),
                level=("Gymnasial yrkesutbildning", "Yrkeshögskola", "Högskola"),
            ),
            Branch(
                "Företagstjänster",
                0.7,
                {"5–9": 1, "10–19": 1, "20–49": 1, "50–99": 0.5},
                ("automationsingenjör", "elkonstruktör", "systemutvecklare", "lokalvårdare"),
                ("Innovatum Teknik AB", "Trestad Konsult AB"),
                recruit=0.75,
                level=("Högskola", "Yrkeshögskola"),
            ),
            _CARE,
            _TRADE,
            _BUILD,
            Branch(
                "Transport och magasinering",
                1.0,
                {"5–9": 1, "10–19": 1.5, "20–49": 1.5},
                ("lastbilschaufför", "CE-chaufför", "lagerarbetare", "truckförare"),
                ("Vänerns Åkeri AB", "Trollhätte Logistik AB"),
                recruit=0.8,
                c6=(
                    "Sökande saknade körkort",
                    "För få sökande",
                    "Sökande saknade behörighet eller certifikat",
                ),
                d3=(
                    "Certifikat och behörigheter (t.ex. truck/lift/svets)",
                    "Arbetsmiljö och säkerhet",
                ),
            ),
            _HOSPITALITY,
            Branch(
                "Utbildning",
                0.4,
                {"20–49": 1, "50–99": 1},
                ("lärare i yrkesämnen", "förskollärare"),
                ("Yrkesakademin Väst AB",),
                sector={"Offentlig": 1, "Privat": 1},
                recruit=0.6,
                level=("Högskola",),
            ),
        ),
    ),
}

F1_PLAIN = (
    "Vi har svårt att hitta {title} med rätt behörighet, särskilt inför sommarsäsongen.",
    "Det saknas utbildning på nära håll för {title}. Vi tar gärna emot praktikanter.",
    "Bostadsbristen gör det svårt att locka personal hit.",
    "Flera i personalen går i pension inom några år och vi behöver planera för det.",
    "Ett kort YH-program för {title} i kommunen skulle hjälpa oss mycket.",
)
# Personal data typed into F1: only the respondent's own, which the reader can mask.
F1_CONTACT = (
    "Kontakta mig gärna, {name}, på {phone}.",
    "Hör av er till {email} om ni startar en utbildning för {title}.",
    "Jag heter {first} och ansvarar för rekrytering på {company}. Ring {phone}.",
)
F1_ANONYMOUS = ("Mejla gärna {email} om det blir en utbildning för {title}.",)
OTHER_TEXTS = {
    "B5": ("Turismens säsongsvariationer", "Nya krav från kunder", "Elektrifiering av fordon"),
    "C6": (
        "Bostadsbrist i kommunen",
        "Säsongsanställning lockar få",
        "Rekryteringsmässa, info via {email}",
    ),
    "C9": ("Via facket", "LinkedIn", "Tips från personalen, ring {phone}"),
    "D3": ("Hygienutbildning", "Heta arbeten", "Läkemedelsdelegering"),
    "A6": ("Platschef", "Enhetschef", "Ekonomiansvarig"),
}


@dataclass
class Contact:
    """Who answered: invented personal data, planted so tests can look for it."""

    first: str
    last: str
    company: str
    email: str
    phone: str
    org_number: str
    ip: str
    token: str

    @property
    def name(self) -> str:
        """First and last name."""
        return f"{self.first} {self.last}"


@dataclass
class ExampleRespondent:
    """One respondent: what is written in the export, and what the tidy result must be."""

    contact: Contact
    written: dict[str, object]  # cell text (or int) of S, N, T and TL fields as typed
    chosen: dict[str, list[str]]  # M: chosen labels as typed, without the other option
    other: dict[str, str]  # typed other text as typed (may hold personal data)
    expected: dict[str, object]  # tidy value of every analysis question
    expected_other: dict[str, str]  # typed other text as the reader must give it (masked)
    contacts: dict[str, str]  # A5, G1..G4 as typed
    tool_identified: bool  # the tool recorded the respondent's e-mail and name
    started: datetime = datetime(2026, 1, 1)
    submitted: datetime = datetime(2026, 1, 1)
    duplicate: bool = False  # a second, identical submission: the reader drops it
    incomplete: bool = False  # LimeSurvey only: never submitted


@dataclass
class ExampleSurvey:
    """A generated survey: respondents in submission order, duplicates and incomplete included."""

    area: str
    year: int
    municipalities: tuple[str, ...]
    respondents: list[ExampleRespondent]

    @property
    def kept(self) -> list[ExampleRespondent]:
        """The respondents a correct reader keeps, in order."""
        return [r for r in self.respondents if not r.duplicate and not r.incomplete]

    def planted(self) -> set[str]:
        """Every piece of personal data planted in the exports."""
        found = set()
        for r in self.respondents:
            c = r.contact
            found |= {c.name, c.email, c.phone, c.org_number, c.ip, c.token}
            found |= {v for v in r.contacts.values() if v}
        return {p for p in found if len(p) >= 5}


def _ascii(text: str) -> str:
    return text.lower().translate(str.maketrans("åäöé", "aaoe")).replace(" ", "")


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


#: Options that exclude every other one ("no consequences" with a consequence is no answer).
EXCLUSIVE = frozenset({"Inga konsekvenser", "Inga hinder", "Ingen", "Nej"})


def _some(
    rng: random.Random,
    options: Sequence[str],
    favourites: Sequence[str] = (),
    low: int = 1,
    high: int = 3,
    exclude: Sequence[str] = (),
) -> list[str]:
    """Between ``low`` and ``high`` options, favourites more likely, in questionnaire order."""
    if rng.random() < 0.08 and (alone := [o for o in options if o in EXCLUSIVE - set(exclude)]):
        return alone[:1]
    pool = [o for o in options if o not in exclude and o not in EXCLUSIVE]
    weights = [4.0 if o in favourites else 1.0 for o in pool]
    count = rng.randint(low, min(high, len(pool)))
    picked: list[str] = []
    while len(picked) < count:
        option = rng.choices(pool, weights=weights)[0]
        if option not in picked:
            picked.append(option)
    return [o for o in options if o in picked]


class _Builder:
    """Builds one respondent question by question, keeping written and expected in step."""

    def __init__(self, rng: random.Random, q: Questionnaire, contact: Contact):
        self.rng, self.q, self.contact = rng, q, contact
        self.written: dict[str, object] = {}
        self.chosen: dict[str, list[str]] = {}
        self.other: dict[str, str] = {}
        self.expected: dict[str, object] = dict.fromkeys(q.analysis_ids())
        self.expected_other: dict[str, str] = {}

    def single(self, qid: str, label: str | None, typed: str | None = None) -> None:
        self.expected[qid] = label
        self.written[qid] = typed if typed is not None else label

    def other_single(self, qid: str, text: str) -> None:
        self.expected[qid] = self.q[qid].other
        self.other[qid] = text
        self.expected_other[qid] = text

    def number(self, qid: str, value: int | None, typed: object = None) -> None:
        self.expected[qid] = value
        self.written[qid] = value if typed is None else typed

    def messy_number(self, qid: str, value: int) -> None:
        style = self.rng.random()
        if value >= 1000 and style < 0.7:
            self.number(qid, value, f"{value // 1000}\u00a0{value % 1000:03d}")
        elif style < 0.08:
            self.number(qid, value, f"ca {value}")
        elif style < 0.12:
            self.number(qid, value, f"{value} st")
        elif style < 0.30:
            self.number(qid, value, str(value))
        else:
            self.number(qid, value)

    def text(self, qid: str, value: str | None, expected: str | None = None) -> None:
        self.written[qid] = value
        self.expected[qid] = value if expected is None else expected

    def multi(self, qid: str, labels: list[str], other: tuple[str, str] | None = None) -> None:
        """Chosen ``labels``; ``other`` is (typed text, masked text) for the other option."""
        typed = [label.lower() if self.rng.random() < 0.04 else label for label in labels]
        self.chosen[qid] = typed
        chosen = set(labels)
        if other:
            self.other[qid], self.expected_other[qid] = other
            chosen.add(self.q[qid].other)
        self.expected[qid] = frozenset(chosen)


def _contact(rng: random.Random, area: Area, branch: Branch, used: set[str]) -> Contact:
    while True:  # one person answers once: duplicates are planted on purpose, not by chance
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        if f"{first} {last}" not in used:
            used.add(f"{first} {last}")
            break
    company = rng.choice(branch.companies).format(m=rng.choice(area.municipalities))
    words = company.split(",")[0].replace(" AB", "").replace(" HB", "").replace("&", "").split()
    domain = "-".join(_ascii(w) for w in words)
    mobile = rng.random() < 0.5
    digits = [rng.randint(0, 9) for _ in range(7)]
    if mobile:
        phone = (
            f"070-{digits[0]}{digits[1]}{digits[2]} {digits[3]}{digits[4]} {digits[5]}{digits[6]}"
        )
    else:
        phone = (
            f"{area.area_code}-{digits[0]}{digits[1]} {digits[2]}{digits[3]} {digits[4]}{digits[5]}"
        )
    prefix = (
        "212000"
        if "kommun" in company
        else rng.choice(("556", "559", "969")) + "".join(str(rng.randint(0, 9)) for _ in range(3))
    )
    return Contact(
        first=first,
        last=last,
        company=company,
        email=f"{_ascii(first)}.{_ascii(last)}@{domain}.se",
        phone=phone,
        org_number=f"{prefix}-{rng.randint(1000, 9999)}",
        ip=".".join(str(rng.randint(1, 254)) for _ in range(4)),
        token="".join(rng.choice("abcdefghkmnpqrstuvwxyz23456789") for _ in range(12)),
    )


def _respondent(
    rng: random.Random, q: Questionnaire, area: Area, year: int, used: set[str]
) -> ExampleRespondent:
    branch = rng.choices(area.branches, weights=[b.weight for b in area.branches])[0]
    contact = _contact(rng, area, branch, used)
    b = _Builder(rng, q, contact)
    later = year >= 2026  # the newer survey: a little more recruitment and more difficulty

    if rng.random() < 0.9:
        b.single("A1", rng.choice(area.municipalities))
    else:
        b.other_single("A1", rng.choice(area.neighbours))
    b.single("A2", branch.a2)
    size = _weighted(rng, branch.sizes)
    b.single("A3", size)
    employees = rng.randint(*SIZES[size])
    b.single("A4", _weighted(rng, branch.sector))
    if rng.random() < 0.06:
        b.other_single("A6", rng.choice(OTHER_TEXTS["A6"]))
    else:
        b.single("A6", _weighted(rng, {"Ägare eller VD": 5, "HR": 2, "Chef med personalansvar": 3}))

    b.single("B1", _weighted(rng, {"Ökar": 3 + later, "Oförändrat": 5, "Minskar": 1, "Vet ej": 1}))
    b.single("B2", _weighted(rng, {"Ökar": 4 + later, "Oförändrat": 3, "Minskar": 1, "Vet ej": 2}))
    if rng.random() < 0.9:
        b.messy_number("B3", round(employees * rng.uniform(0, 0.12)))
    b.single(
        "B4",
        _weighted(rng, dict(zip(q.options("B4"), (1, 2, 3, 3 + later, 2 + later, 1), strict=True))),
    )
    other = None
    if rng.random() < 0.1:
        other = (text := rng.choice(OTHER_TEXTS["B5"]), text)
    b.multi("B5", _some(rng, q.options("B5"), branch.b5, 1, 3, exclude=("Annat",)), other)

    recruited = employees > 0 and rng.random() < branch.recruit + 0.08 * later
    b.single(
        "C1",
        "Ja" if recruited else "Nej",
        typed=None if rng.random() > 0.05 else ("ja " if recruited else "nej"),
    )
    if recruited:
        sought = max(1, round(employees * rng.uniform(0.05, 0.3 if employees < 50 else 0.12)))
        b.messy_number("C2", sought)
        b.number("C3", rng.randint(max(0, sought - 4), sought))
        difficulty = {
            "Mycket lätt": 1,
            "Ganska lätt": 2,
            "Ganska svårt": 4 + later,
            "Mycket svårt": 3 + later,
            "Vet ej": 0.5,
        }
        b.single("C4", _weighted(rng, difficulty))
        titles = rng.sample(branch.titles, k=min(len(branch.titles), rng.randint(1, 3)))
        for k, title in enumerate(titles, start=1):
            b.text(f"C5_{k}", title)
        other = _other_text(rng, "C6", contact) if rng.random() < 0.08 else None
        b.multi("C6", _some(rng, q.options("C6"), branch.c6, 1, 3, exclude=("Annat",)), other)
        b.multi("C7", _some(rng, q.options("C7"), ("Befintlig personal har arbetat mer",), 1, 2))
    planned = rng.choices((0, 1, 2, 3), weights=(3, 4, 2, 1))[0]
    for k, title in enumerate(rng.sample(branch.titles, k=min(planned, len(branch.titles))), 1):
        b.text(f"C8_{k}_yrke", title)
        b.number(f"C8_{k}_antal", rng.randint(1, 6), None)
        b.single(f"C8_{k}_tid", _weighted(rng, {"0–12 månader": 3, "1–3 år": 2}))
        b.single(f"C8_{k}_niva", rng.choice(branch.level + ("Vet ej",) * (rng.random() < 0.1)))
    other = _other_text(rng, "C9", contact) if rng.random() < 0.08 else None
    channels = ("Egna kontakter och nätverk", "Platsannonser", "Arbetsförmedlingen")
    b.multi("C9", _some(rng, q.options("C9"), channels, 1, 3, exclude=("Annat",)), other)

    b.single(
        "D1",
        _weighted(
            rng,
            {
                "I stor utsträckning": 1 + later,
                "I viss utsträckning": 5,
                "Inte alls": 2,
                "Vet ej": 1,
            },
        ),
    )
    b.multi("D2", _some(rng, q.options("D2"), ("Utbilda befintlig personal",), 1, 2))
    other = (text := rng.choice(OTHER_TEXTS["D3"]), text) if rng.random() < 0.07 else None
    b.multi("D3", _some(rng, q.options("D3"), branch.d3, 1, 3, exclude=("Annat",)), other)
    for k, title in enumerate(rng.sample(branch.titles, k=rng.randint(0, 2)), start=1):
        b.text(f"D4_{k}", title)
    if employees and rng.random() < 0.85:
        b.messy_number("D5", round(employees * rng.uniform(0.1, 0.6)))
    elif rng.random() < 0.5:
        b.number("D5", None, "Vet ej")
    b.multi("D6", _some(rng, q.options("D6"), ("Kort kurs (1–5 dagar)",), 1, 2))
    b.multi("D7", _some(rng, q.options("D7"), ("På arbetsplatsen", "Dagtid"), 1, 3))
    b.multi("D8", _some(rng, q.options("D8"), ("Svårt att avvara personal", "Kostnaden"), 1, 2))
    b.single("D9", _weighted(rng, {"Ja helt": 1, "Ja delvis": 4, "Nej": 2, "Vet ej": 3}))

    if rng.random() < 0.25:
        b.multi("E1", ["Nej"])
    else:
        b.multi(
            "E1", _some(rng, q.options("E1"), ("Gymnasieelever (APL)",), 1, 2, exclude=("Nej",))
        )
        b.messy_number("E2", rng.randint(1, 6))
    b.single("E3", _weighted(rng, {"Ja": 3, "Kanske": 4, "Nej": 3}))
    b.multi("E4", _some(rng, q.options("E4"), ("Gymnasieskola", "Komvux"), 1, 2))
    b.single("E5", _weighted(rng, {"Ja": 2, "Nej": 5, "Vet ej": 3}))
    wants_contact = rng.random() < 0.4
    b.single("E6", "Ja" if wants_contact else "Nej")
    _free_text(rng, b, branch, wants_contact)

    contacts = {}
    if rng.random() < 0.5:
        contacts["A5"] = contact.org_number
    if wants_contact:
        contacts |= {
            "G1": contact.company,
            "G2": contact.name,
            "G3": contact.email,
            "G4": contact.phone,
        }
    return ExampleRespondent(
        contact,
        b.written,
        b.chosen,
        b.other,
        b.expected,
        b.expected_other,
        contacts,
        tool_identified=rng.random() < 0.2,
    )


def _other_text(rng: random.Random, qid: str, contact: Contact) -> tuple[str, str]:
    template = rng.choice(OTHER_TEXTS[qid])
    return (
        template.format(email=contact.email, phone=contact.phone),
        template.format(email=EMAIL_MASK, phone=PHONE_MASK),
    )


def _free_text(rng: random.Random, b: _Builder, branch: Branch, wants_contact: bool) -> None:
    if rng.random() > 0.4:
        return
    title = rng.choice(branch.titles).lower()
    c = b.contact
    if wants_contact and rng.random() < 0.6:
        template = rng.choice(F1_CONTACT)
    elif rng.random() < 0.2:
        template = rng.choice(F1_ANONYMOUS)
    else:
        template = rng.choice(F1_PLAIN)
    typed = template.format(
        name=c.name, first=c.first, phone=c.phone, email=c.email, company=c.company, title=title
    )
    masked = template.format(
        name=NAME_MASK,
        first=NAME_MASK,
        phone=PHONE_MASK,
        email=EMAIL_MASK,
        company=COMPANY_MASK,
        title=title,
    )
    b.text("F1", typed, expected=masked)


def _plant(rng: random.Random, respondents: list[ExampleRespondent]) -> None:
    """Make sure every kind of mess the reader must handle occurs at least once."""
    recruiters = rng.sample([r for r in respondents if r.expected["C1"] == "Ja"], k=3)
    # C3 > C2: impossible; the reader warns and keeps it (the analysis leaves it out).
    r = recruiters[0]
    r.written["C3"] = r.expected["C3"] = r.expected["C2"] + 2
    # A range: counted as its midpoint rounded up.
    r = recruiters[1]
    r.written["C2"], r.expected["C2"] = "10-15", 13
    r.written["C3"] = r.expected["C3"] = min(r.expected["C3"] or 0, 13)
    # A typo in a label: read as the closest standard label, with a warning.
    r = recruiters[2]
    r.written["C4"], r.expected["C4"] = "Ganska svart", "Ganska svårt"
    # A number that is no number: a warning, no value.
    r = rng.choice(respondents)
    r.written["D5"], r.expected["D5"] = "många", None
    # A label in decomposed Unicode (ö as o + combining diaeresis).
    r = rng.choice(respondents)
    r.written["B1"] = "Oförändrat".replace("ö", "o\u0308")
    r.expected["B1"] = "Oförändrat"


def generate(
    area: str, year: int, n: int, seed: int, duplicates: int = 2, incomplete: int = 0
) -> ExampleSurvey:
    """``n`` kept respondents of ``area`` (a key of ``AREAS``), plus ``duplicates`` identical
    resubmissions and ``incomplete`` never-submitted responses, in submission order."""
    rng = random.Random(seed)
    profile = AREAS[area]
    q = load_questionnaire(profile.municipalities)
    used: set[str] = set()
    respondents = [_respondent(rng, q, profile, year, used) for _ in range(n)]
    _plant(rng, respondents)
    for index in rng.sample(range(n // 2), k=duplicates):
        original = respondents[index]
        copy = ExampleRespondent(**{**original.__dict__, "duplicate": True})
        respondents.insert(rng.randint(index + 1, len(respondents)), copy)
    for _ in range(incomplete):
        partial = _respondent(rng, q, profile, year, used)
        keep = {"A1", "A2", "A3", "A4"}
        partial.written = {k: v for k, v in partial.written.items() if k in keep}
        partial.chosen, partial.other, partial.incomplete = {}, {}, True
        respondents.insert(rng.randint(0, len(respondents)), partial)
    # Exports list responses in the order they were submitted, mostly in working hours.
    start = datetime(year, 2, 2, 7, 0)
    moments = sorted(
        start + timedelta(days=rng.randint(0, 29), seconds=rng.randint(0, 14 * 3600))
        for _ in respondents
    )
    for respondent, moment in zip(respondents, moments, strict=True):
        respondent.submitted = moment
        respondent.started = moment - timedelta(seconds=rng.randint(240, 1500))
    return ExampleSurvey(area, year, profile.municipalities, respondents)


#: The shipped example exports: (area, year, kept respondents, seed, layout, file name).
SHIPPED = (
    ("sotenas", 2026, 60, 2026_1427, "microsoft_forms", "kompetensbehov-2026.xlsx"),
    ("sotenas", 2025, 50, 2025_1427, "microsoft_forms", "kompetensbehov-2025.xlsx"),
    ("trollhattan-vanersborg", 2026, 110, 2026_1488, "google_forms", "kompetensbehov-2026.csv"),
)


def write_shipped(root: Path | None = None) -> list[Path]:
    """Write the shipped example exports under ``root`` (default ``paths.SURVEYS``)."""
    from example_surveys import exports  # the writers need this module's data classes

    root = paths.SURVEYS if root is None else Path(root)
    written = []
    for area, year, n, seed, layout, name in SHIPPED:
        survey = generate(area, year, n, seed)
        target = root / area / str(year) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        exports.WRITERS[layout](survey, target)
        written.append(target)
    return written


def main() -> None:
    """Regenerate the shipped example exports (byte-identical on every run)."""
    for path in write_shipped():
        print(path.relative_to(paths.ROOT))


if __name__ == "__main__":
    main()
