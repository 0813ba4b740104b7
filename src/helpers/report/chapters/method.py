"""Chapter 09, method: sources, classifications, questions, the disclosure rule, what data lacks.

The tables are read from the snapshot's manifests (``data/raw/public/MANIFEST.csv``,
``data/raw/yrkesbarometer/MANIFEST.csv``, Kolada's), each file named as a reader cites it
(``stats.sources.CITATIONS``), the processed tables, the SSYK title lookup's
manifest and the questionnaire, so the chapter never lists a source by hand; the sentences
take their figures from the survey and the area's threshold::

    >>> table = sources()
    >>> table.set_index("Källa").loc["SCB, befolkningsstatistik 2019", "Tabell"]
    'BE0101A'
    >>> "Arbetsförmedlingen, platsannonser 2024" in set(table["Källa"])
    True
    >>> sni_table().iloc[1].tolist()
    ['Tillverkning och utvinning', 'B, C']
    >>> suppression(5)[:60]
    'En uppgift från enkäten visas bara när den vilar på minst 5 '
"""

from __future__ import annotations

import json
import re

import pandas as pd

from helpers.analysis import needs
from helpers.analysis.area_survey import AreaSurvey
from helpers.common import text
from helpers.config import paths
from helpers.stats import education_supply, kolada, manifest, occupations, training_routes
from helpers.stats import sources as stats_sources
from helpers.survey import disclosure
from helpers.survey.questionnaire import load_questionnaire

#: English words the manifests use, as the report says them.
SWEDISH = (
    (r"partial: first 1 000 rows", "ofullständigt utdrag: de första 1 000 raderna"),
    (r"derived extract", "bearbetat utdrag"),
    (r"processed by the repository's author", "bearbetad av den som publicerade kopian"),
    (r"metadata and sample values", "metadata och exempelvärden"),
    (r"\bor\b", "eller"),
    (r"^current$", "aktuell"),
)
#: Snapshot files the report does not read (documentation and API samples).
NOT_USED = re.compile(r"(\.md$|^api_samples/|\.json$)")
TYPES = {"S": "Ett svar", "M": "Flera svar", "N": "Antal", "T": "Text", "TL": "Fritext"}


def swedish(phrase: str) -> str:
    """A manifest phrase with its English words in Swedish.

    >>> swedish("2024-2 or 2025-1")
    '2024-2 eller 2025-1'
    """
    for pattern, replacement in SWEDISH:
        phrase = re.sub(pattern, replacement, phrase)
    return phrase


def sources() -> pd.DataFrame:
    """Every data source the report reads, as a reader cites it (``stats.sources.citation``:
    publisher, what, years), with the tables it comes from; files that make one source for a
    reader are one row."""
    cited: dict[str, list[str]] = {}

    def add(file: str, years: str, table: str = "", fallback: str = "") -> None:
        tables = cited.setdefault(stats_sources.citation(file, years, fallback), [])
        if table and not table.startswith("/") and table not in tables:  # not an API path
            tables.append(table)

    for folder in (paths.PUBLIC, paths.YRKESBAROMETER, stats_sources.folder(kolada.SOURCE.name)):
        for name, row in manifest.read(folder).items():
            if NOT_USED.search(name):
                continue
            years = "" if row["years"] in ("", "current") else swedish(row["years"])
            add(name, years, row["table_id"], swedish(row["source"]))
    programmes = education_supply.rounds("YH-program")
    courses = education_supply.rounds("YH-kurs")
    add(education_supply.PROGRAMMES_CSV, f"{programmes[0]}–{programmes[-1]}")
    add(education_supply.COURSES_CSV, f"{courses[0]}–{courses[-1]}")
    add(education_supply.OFFERS_FILE, "2025-05")
    add(occupations.LOOKUP_FILE.name, "2024–2025")
    rows = [
        {"Källa": source, "Tabell": ", ".join(tables) or "–"} for source, tables in cited.items()
    ]
    return pd.DataFrame(rows, columns=["Källa", "Tabell"]).sort_values("Källa", ignore_index=True)


def lookup_manifest() -> dict:
    """The SSYK title lookup's manifest (version, rows, rule)."""
    return json.loads(occupations.MANIFEST_FILE.read_text(encoding="utf-8"))


def classifications() -> pd.DataFrame:
    """The classifications and versions the report uses."""
    lookup = lookup_manifest()
    return pd.DataFrame(
        [
            {
                "Vad": "Yrken",
                "Klassifikation": "SSYK 2012, fyrsiffrig nivå (yrkesgrupp)",
                "Version": "Arbetsförmedlingens yrkestaxonomi, 400 yrkesgrupper",
            },
            {
                "Vad": "Yrkestitlar i enkäten",
                "Klassifikation": "Uppslagstabell till SSYK 2012",
                "Version": f"version {lookup['version']}, {text.number(lookup['rows'])} titlar och "
                "yrkesbenämningar, samt analytikerns rättelser (params/ssyk_overrides.csv)",
            },
            {
                "Vad": "Branscher i enkäten",
                "Klassifikation": "SNI 2007, avdelningar",
                "Version": "14 grupper av avdelningar, se tabellen nedan",
            },
            {
                "Vad": "Utbildningsnivå",
                "Klassifikation": "SUN 2020, SCB:s indelning i nivåer",
                "Version": "Eftergymnasial = eftergymnasial utbildning och forskarutbildning",
            },
        ]
    )


def sni_table() -> pd.DataFrame:
    """The survey's branches (A2) and the SNI 2007 sections each covers."""
    q = load_questionnaire()
    return pd.DataFrame(
        [(branch, ", ".join(sections)) for branch, sections in q.sni.items()],
        columns=["Bransch i enkäten", "SNI 2007-avdelningar"],
    )


def questions() -> pd.DataFrame:
    """The questionnaire's questions that are analysed (contact data left out)."""
    q = load_questionnaire()
    rows = []
    for question in q:
        if question.contact or question.group:
            continue
        wording = re.sub(r"^\w+\.\s*", "", question.text)
        kind = "Upp till tre yrken" if question.type == "group" else TYPES[question.type]
        rows.append({"Fråga": question.id, "Text": wording, "Svarstyp": kind})
    return pd.DataFrame(rows)


# --- sentences ----------------------------------------------------------------------------------


def survey_source(sv: AreaSurvey) -> str:
    """Which survey files the report read, and how many answers each gave."""
    sentence = (
        f"Arbetsgivarenkäten {text.year(sv.year)} lästes från en export från "
        f"{sv.layout} med {text.number(sv.answered)} svar."
    )
    if sv.previous is not None:
        sentence += (
            f" Förra årets enkät ({text.year(sv.previous.year)}) lästes på samma sätt "
            f"och gav {text.number(sv.previous.answered)} svar."
        )
    if sv.example:
        sentence += (
            " Enkätsvaren i denna rapport är påhittade exempeldata som visar hur "
            "rapporten ser ut; de beskriver inga verkliga arbetsgivare."
        )
    return sentence


def suppression(threshold: int) -> str:
    """The disclosure rule in words, with the area's threshold (``survey.disclosure``)."""
    dominance = round(disclosure.DOMINANCE * 100)
    return (
        f"En uppgift från enkäten visas bara när den vilar på minst {threshold} svarande "
        f"arbetsgivare. En uppgift som vilar på färre visas som {disclosure.SUPPRESSED}, och "
        "detsamma gäller summor och andra uppgifter som skulle göra det möjligt att räkna "
        "fram den eller ringa in den närmare än så, också i rubriker, texter och andra "
        "tabeller. En summa över arbetsgivare, till exempel antal anställda, visas inte när en "
        f"enda arbetsgivare står för mer än {dominance} % av den. En nolla betyder att ingen "
        "svarat så. Fritextsvar citeras inte."
    )


def lacking(table: pd.DataFrame) -> str:
    """The statistics the snapshot lacks (``availability.lacking``), as a list."""
    if table.empty:
        return "Underlaget innehåller all statistik som rapporten använder."
    items = "\n".join(f"- {what}" for what in table["what"])
    return (
        "Följande uppgifter saknas i det sparade underlaget och kommer med när det "
        f"uppdateras med aktuell statistik:\n\n{items}"
    )


def definitions() -> str:
    """Bristyrke and bristkompetens as ``needs.DEFINITIONS`` states them (the one wording).

    >>> definitions().startswith("- **Bristyrke**: ett yrke som arbetsgivarna har svårt")
    True
    """
    return "\n".join(
        f"- **{kind}**: {definition}" for kind, definition in needs.DEFINITIONS.items()
    )


def route_sources() -> pd.DataFrame:
    """The route table's sources, each with how many occupations and rows cite it."""
    table = training_routes.table()
    rows = []
    for key, source in training_routes.sources().items():
        cites = table["source"].map(lambda s, k=key: k in [p.strip() for p in s.split(";")])
        rows.append(
            {
                "Källa": source,
                "Yrken": int(table.loc[cites, "ssyk4"].nunique()),
                "Rader": int(cites.sum()),
            }
        )
    return pd.DataFrame(rows)


def route_table_text() -> str:
    """What the route table is and how it is used, with its size."""
    table = training_routes.table()
    regulated = table.loc[table["status"] == "krav", "ssyk4"].nunique()
    return (
        f"Vägtabellen anger för {text.number(table['ssyk4'].nunique())} yrken (SSYK 2012) "
        "vilka utbildningsvägar som leder till yrket: gymnasieprogram, yrkesvux inom Komvux, "
        "YH-utbildning, högskola, lärlingsutbildning, certifikatskurs och validering. "
        f"Av dem har {text.number(regulated)} legitimation, skyddad yrkestitel, behörighet "
        "eller certifikat; för dem föreslås bara de vägar som ger det "
        "som krävs. Tabellen är skriven för projektet utifrån myndigheternas regler och anger "
        "källa för varje rad (data/raw/education/training_routes.csv)."
    )
