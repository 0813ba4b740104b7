"""Write example answers as each survey tool exports them, and broken files for tests.

Each writer puts the SAME answers (an ``answers.ExampleSurvey``) in one tool's layout, as
the team's specification of the tools' exports describes them: Microsoft Forms ``.xlsx``,
Google Forms ``.csv`` (Swedish locale) or ``.xlsx``, SurveyMonkey "expanded" ``.xlsx`` and
LimeSurvey ``.csv`` (question codes or full texts). Workbooks are written byte-identically on
every run: fixed document dates and fixed zip entry times::

    >>> import tempfile; from pathlib import Path
    >>> from example_surveys.answers import generate
    >>> folder = Path(tempfile.mkdtemp())
    >>> survey = generate("sotenas", 2026, 8, seed=3)
    >>> a, b = folder / "a.xlsx", folder / "b.xlsx"
    >>> write_microsoft_forms(survey, a); write_microsoft_forms(survey, b)
    >>> a.read_bytes() == b.read_bytes()
    True

``write_broken`` writes the hostile and broken files the reader must refuse with one line.
"""

from __future__ import annotations

import csv
import io
import re
import struct
import unicodedata
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import openpyxl

from example_surveys.answers import ExampleRespondent, ExampleSurvey
from helpers.survey.files import MAX_BYTES, OLE2_MAGIC
from helpers.survey.questionnaire import Question, Questionnaire, load_questionnaire
from helpers.survey.values import label_key

#: The date written into workbook metadata and zip entries, so bytes never change.
FIXED_TIME = datetime(2026, 1, 1, 0, 0, 0)


def _questionnaire(survey: ExampleSurvey) -> Questionnaire:
    return load_questionnaire(survey.municipalities)


def _single_cell(r: ExampleRespondent, q: Question) -> object:
    """What a form tool writes for one field: the typed text, or other text for S."""
    if q.type == "S" and q.id in r.other:
        return r.other[q.id]
    if q.contact:
        return r.contacts.get(q.id)
    return r.written.get(q.id)


def _chosen(r: ExampleRespondent, q: Question) -> set[str]:
    """The standard labels of the options chosen (typed labels may differ in case)."""
    typed = {label_key(label) for label in r.chosen.get(q.id, [])}
    return {option for option in q.options if label_key(option) in typed}


def _multi_cell(r: ExampleRespondent, q: Question, separator: str, trailing: str) -> str | None:
    if q.id not in r.chosen and q.id not in r.other:
        return None
    items = list(r.chosen.get(q.id, [])) + ([r.other[q.id]] if q.id in r.other else [])
    return separator.join(items) + trailing


def _form_row(r: ExampleRespondent, q: Questionnaire, separator: str, trailing: str) -> list:
    return [
        _multi_cell(r, question, separator, trailing)
        if question.type == "M"
        else _single_cell(r, question)
        for question in q.fields()
    ]


def write_microsoft_forms(survey: ExampleSurvey, path: Path) -> None:
    """Microsoft Forms "Open in Excel": Swedish metadata headers, ``;``-joined multi-select."""
    q = _questionnaire(survey)
    header = ["ID", "Starttid", "Slutförandetid", "E-post", "Namn", "Senaste ändringstid"]
    rows: list[list[object]] = [header + [f.text for f in q.fields()]]
    for number, r in enumerate((r for r in survey.respondents if not r.incomplete), start=1):
        identified = r.tool_identified
        meta = [
            number,
            r.started,
            r.submitted,
            r.contact.email if identified else "anonymous",
            r.contact.name if identified else None,
            None,
        ]
        rows.append(meta + _form_row(r, q, ";", ";"))
    _save_xlsx({"Form1": rows}, path)


def _google_time(moment: datetime) -> str:
    """Google Sheets' Swedish-locale CSV time stamp: ``2026/02/03 8:53:03 fm CET``."""
    hour = moment.hour % 12 or 12
    half = "fm" if moment.hour < 12 else "em"
    return f"{moment:%Y/%m/%d} {hour}:{moment:%M:%S} {half} CET"


def _google_rows(survey: ExampleSurvey, as_text: bool) -> list[list[object]]:
    q = _questionnaire(survey)
    headers = []
    for index, f in enumerate(q.fields()):
        text = f.text + (" " if index % 7 == 3 else "")  # headers keep trailing spaces as typed
        headers.append(unicodedata.normalize("NFD", text) if f.id == "A1" else text)
    rows: list[list[object]] = [["Tidstämpel", "E-postadress", *headers]]
    for r in survey.respondents:
        if r.incomplete:
            continue
        stamp = _google_time(r.submitted) if as_text else r.submitted
        row = [stamp, r.contact.email, *_form_row(r, q, ", ", "")]
        rows.append([str(v) if as_text and v is not None else v for v in row])
    return rows


def write_google_forms_csv(
    survey: ExampleSurvey, path: Path, encoding: str = "utf-8", delimiter: str = ","
) -> None:
    """Google Forms responses downloaded as CSV (Swedish locale: text time stamps)."""
    _write_csv(_google_rows(survey, as_text=True), path, encoding, delimiter, csv.QUOTE_MINIMAL)


def write_google_forms_xlsx(survey: ExampleSurvey, path: Path) -> None:
    """Google Forms responses downloaded from Sheets as .xlsx (time stamps as dates)."""
    _save_xlsx({"Formulärsvar 1": _google_rows(survey, as_text=False)}, path)


def write_surveymonkey(survey: ExampleSurvey, path: Path) -> None:
    """SurveyMonkey "All responses", columns "Expanded": two header rows."""
    q = _questionnaire(survey)
    meta = [
        "Respondent ID",
        "Collector ID",
        "Start Date",
        "End Date",
        "IP Address",
        "Email Address",
        "First Name",
        "Last Name",
        "Custom Data 1",
    ]
    top: list[object] = list(meta)
    sub: list[object] = [None] * len(meta)
    for f in q.fields():
        if f.type == "M":
            labels = [o for o in f.options if o != f.other]
            top += [f.text] + [None] * (len(labels) - 1 + bool(f.other))
            sub += labels + (["Other (please specify)"] if f.other else [])
        else:
            top.append(f.text)
            sub.append("Open-Ended Response" if f.type in ("T", "TL") else "Response")
            if f.type == "S" and f.other:
                top.append(None)
                sub.append("Other (please specify)")
    rows = [top, sub]
    for number, r in enumerate((r for r in survey.respondents if not r.incomplete), start=1):
        c = r.contact
        identified = r.tool_identified
        row: list[object] = [
            11400000000 + number * 7919,
            4242001,
            f"{r.started:%m/%d/%Y %I:%M:%S %p}",
            f"{r.submitted:%m/%d/%Y %I:%M:%S %p}",
            c.ip,
            c.email if identified else None,
            c.first if identified else None,
            c.last if identified else None,
            None,
        ]
        for f in q.fields():
            if f.type == "M":
                chosen = _chosen(r, f)
                row += [o if o in chosen else None for o in f.options if o != f.other]
                if f.other:
                    row.append(r.other.get(f.id))
            elif f.type == "S" and f.other:
                row += [None, r.other[f.id]] if f.id in r.other else [r.written.get(f.id), None]
            else:
                row.append(r.contacts.get(f.id) if f.contact else r.written.get(f.id))
        rows.append(row)
    _save_xlsx({"Sheet": rows}, path)


def write_limesurvey(survey: ExampleSurvey, path: Path, headings: str = "codes") -> None:
    """LimeSurvey CSV (UTF-8 with BOM), headings as question ``codes`` or full ``texts``.

    Answers are exported as full texts; multi-select is ``Y``/blank per option with codes,
    ``Ja``/``Nej`` with texts; typed other text is in ``[other]`` (``[Övrigt]``) columns.
    Incomplete responses (never submitted) have an empty ``submitdate``.
    """
    q = _questionnaire(survey)
    texts = headings == "texts"
    header = [
        "id",
        "submitdate",
        "lastpage",
        "startlanguage",
        "seed",
        "startdate",
        "datestamp",
        "token",
        "ipaddr",
        "refurl",
    ]
    if texts:
        header = [
            "Response ID",
            "Date submitted",
            "Last page",
            "Start language",
            "Seed",
            "Date started",
            "Date last action",
            "Token",
            "IP address",
            "Referrer URL",
        ]
    for f in q.fields():
        code = f.id.replace("_", "")
        if f.type == "M":
            for n, option in enumerate(f.options, start=1):
                if option != f.other:
                    header.append(f"{f.text} [{option}]" if texts else f"{code}[SQ{n:03d}]")
        else:
            header.append(f.text if texts else code)
        if f.other:
            header.append(f"{f.text} [Övrigt]" if texts else f"{code}[other]")
    yes, no = ("Ja", "Nej") if texts else ("Y", None)
    rows = [header]
    for number, r in enumerate(survey.respondents, start=1):
        submitted = None if r.incomplete else f"{r.submitted:%Y-%m-%d %H:%M:%S}"
        row: list[object] = [
            number,
            submitted,
            2 if r.incomplete else 6,
            "sv",
            1000 + number,
            f"{r.started:%Y-%m-%d %H:%M:%S}",
            submitted or f"{r.started:%Y-%m-%d %H:%M:%S}",
            r.contact.token,
            r.contact.ip,
            "https://www.example.se/kompetens",
        ]
        for f in q.fields():
            if f.type == "M":
                answered = f.id in r.chosen or f.id in r.other
                chosen = _chosen(r, f)
                row += [
                    (yes if o in chosen else no) if answered else None
                    for o in f.options
                    if o != f.other
                ]
            elif f.type == "S" and f.id in r.other:
                row.append("-oth-")
            else:
                row.append(r.contacts.get(f.id) if f.contact else r.written.get(f.id))
            if f.other:
                row.append(r.other.get(f.id))
        rows.append(row)
    data = [[None if v is None else str(v) for v in row] for row in rows]
    _write_csv(data, path, "utf-8-sig", ",", csv.QUOTE_ALL)


#: Labels the id-less example export writes differently; ``docs/examples/survey-mapping.yaml``
#: translates them back.
OWN_LABELS = {
    "A2": {"Tillverkning och utvinning": "Industri och tillverkning"},
    "A3": {"250 eller fler": "250+"},
    "D8": {"Kostnaden": "Kostnad", "Inga hinder": "Inget hindrar oss"},
}
#: The multi-select question the id-less export writes one column per option, marked "X".
WIDE_QUESTION = "C6"


def without_id(text: str) -> str:
    """A question text without its id prefix: what a questionnaire built without ids exports."""
    return re.sub(r"^[A-G]\d+(?:_\w+)?\.\s*", "", text)


def write_without_ids(survey: ExampleSurvey, path: Path) -> None:
    """A hand-made style export without question ids, read through a mapping file.

    Sheet ``Svar``; headers are the question texts without ids; some labels differ
    (``OWN_LABELS``); multi-select is ``;``-joined, except ``WIDE_QUESTION`` with one column
    per option marked ``X`` and a free-text column for "Annat".
    """
    q = _questionnaire(survey)
    header: list[object] = ["Inskickad", "Respondent", "E-post"]
    for f in q.fields():
        if f.id == WIDE_QUESTION:
            header += [f"Orsak: {o}" for o in f.options if o != f.other] + [
                "Orsak: annat (fritext)"
            ]
        else:
            header.append(without_id(f.text))
    rows = [header]
    for r in survey.respondents:
        if r.incomplete:
            continue
        row: list[object] = [
            r.submitted,
            r.contact.name if r.tool_identified else None,
            r.contact.email if r.tool_identified else None,
        ]
        for f in q.fields():
            own = OWN_LABELS.get(f.id, {})
            if f.id == WIDE_QUESTION:
                chosen = _chosen(r, f)
                row += ["X" if o in chosen else None for o in f.options if o != f.other]
                row.append(r.other.get(f.id))
            elif f.type == "M":
                chosen = [own.get(o, o) for o in f.options if o in _chosen(r, f)]
                extra = [r.other[f.id]] if f.id in r.other else []
                row.append(";".join(chosen + extra) if chosen or extra else None)
            else:
                value = _single_cell(r, f)
                row.append(own.get(value, value) if isinstance(value, str) else value)
        rows.append(row)
    _save_xlsx({"Svar": rows}, path)


WRITERS: dict[str, Callable[[ExampleSurvey, Path], None]] = {
    "microsoft_forms": write_microsoft_forms,
    "google_forms": write_google_forms_csv,
    "surveymonkey": write_surveymonkey,
    "limesurvey": write_limesurvey,
}


def write_all_layouts(survey: ExampleSurvey, folder: Path) -> dict[str, Path]:
    """The same answers in every layout and variant; returns {variant name: path}."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    variants: dict[str, tuple[Callable[[ExampleSurvey, Path], None], str]] = {
        "microsoft_forms": (write_microsoft_forms, "ms-forms.xlsx"),
        "google_forms": (write_google_forms_csv, "google-forms.csv"),
        "google_forms_xlsx": (write_google_forms_xlsx, "google-forms.xlsx"),
        "google_forms_cp1252": (
            lambda s, p: write_google_forms_csv(s, p, encoding="cp1252", delimiter=";"),
            "google-forms-excel.csv",
        ),
        "surveymonkey": (write_surveymonkey, "surveymonkey.xlsx"),
        "limesurvey": (write_limesurvey, "limesurvey.csv"),
        "limesurvey_texts": (lambda s, p: write_limesurvey(s, p, "texts"), "limesurvey-texts.csv"),
        "mapping": (write_without_ids, "utan-id.xlsx"),
    }
    paths = {}
    for name, (writer, filename) in variants.items():
        writer(survey, folder / filename)
        paths[name] = folder / filename
    return paths


def _write_csv(
    rows: list[list[object]], path: Path, encoding: str, delimiter: str, quoting: int
) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    text = buffer.getvalue()
    if encoding.replace("-", "").lower() == "cp1252":  # Excel composes å, ä, ö when saving
        text = unicodedata.normalize("NFC", text)
    Path(path).write_bytes(text.encode(encoding))


def _save_xlsx(sheets: dict[str, list[list[object]]], path: Path) -> None:
    """Save a workbook whose bytes depend only on its cells."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.properties.creator = "example_surveys.answers"
    workbook.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    Path(path).write_bytes(_stable_zip(buffer.getvalue()))


def _stable_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry times and fixed document dates in docProps/core.xml."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                    lambda m: m[1] + stamp.encode() + m[3],
                    content,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, content)
    return out.getvalue()


def _ole2(stream_names: list[str]) -> bytes:
    """A minimal OLE2 compound file (header, FAT, directory) naming ``stream_names``.

    Enough for content sniffing, which is all the reader does with OLE2 files; Excel would not
    open it.
    """
    header = bytearray(512)
    header[0:8] = OLE2_MAGIC
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIII", header, 44, 1, 1, 0, 4096)  # 1 FAT sector, directory at sector 1
    struct.pack_into("<IIII", header, 60, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    header[76:80] = struct.pack("<I", 0)
    header[80:512] = b"\xff" * 432
    fat = bytearray(b"\xff" * 512)
    struct.pack_into("<III", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE, 0xFFFFFFFE)
    directory = bytearray()
    for name in ["Root Entry", *stream_names]:
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry[0 : len(encoded)] = encoded
        struct.pack_into("<HBB", entry, 64, len(encoded), 5 if name == "Root Entry" else 2, 1)
        directory += entry
    directory += bytes(-len(directory) % 512)
    return bytes(header + fat + directory)


_BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"""

_HTML = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>Logga in</title></head>
<body><form action="/login"><input name="user"><input type="password" name="pw"></form>
</body></html>
"""


def write_broken(folder: Path, survey: ExampleSurvey) -> dict[str, Path]:
    """Hostile and broken files, each of which the reader must refuse with one line.

    Returns {name: path}; names: truncated, html, empty, encrypted, old_xls, entity_bomb, huge,
    header_only, no_ids, missing_required, ods.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    good = folder / "good.xlsx"
    write_microsoft_forms(survey, good)
    data = good.read_bytes()
    files: dict[str, Path] = {}

    def put(name: str, filename: str, content: bytes) -> None:
        files[name] = folder / filename
        files[name].write_bytes(content)

    put("truncated", "avbruten.xlsx", data[: len(data) * 2 // 3])
    put("html", "inloggning.xlsx", _HTML.encode())
    empty = folder / "tom.xlsx"
    _save_xlsx({"Blad1": []}, empty)
    files["empty"] = empty
    put("encrypted", "losenord.xlsx", _ole2(["EncryptionInfo", "EncryptedPackage"]))
    put("old_xls", "gammal.xls", _ole2(["Workbook", "\x05SummaryInformation"]))
    source = zipfile.ZipFile(io.BytesIO(data))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = _BOMB.encode()
            target.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME.timetuple()[:6]), content)
    put("entity_bomb", "bomb.xlsx", bomb.getvalue())
    huge = folder / "jattestor.xlsx"
    with huge.open("wb") as fh:  # sparse: takes no disk space, but is too big to be read
        fh.write(data[:4])
        fh.truncate(MAX_BYTES + 1)
    files["huge"] = huge
    rows = _google_rows(survey, as_text=False)
    only_header = folder / "bara-rubriker.xlsx"
    _save_xlsx({"Form1": [rows[0]]}, only_header)
    files["header_only"] = only_header
    no_ids = folder / "utan-id.csv"
    _write_csv(
        [[re.sub(r"^[A-G]\d+(_\w+)?\. ", "", str(h)) for h in rows[0]], *rows[1:]],
        no_ids,
        "utf-8",
        ",",
        csv.QUOTE_MINIMAL,
    )
    files["no_ids"] = no_ids
    a2 = rows[0].index(next(h for h in rows[0] if str(h).startswith("A2.")))
    missing = folder / "utan-A2.xlsx"
    _save_xlsx({"Form1": [[v for i, v in enumerate(row) if i != a2] for row in rows]}, missing)
    files["missing_required"] = missing
    ods = io.BytesIO()
    with zipfile.ZipFile(ods, "w") as target:
        target.writestr(
            zipfile.ZipInfo("mimetype", FIXED_TIME.timetuple()[:6]),
            "application/vnd.oasis.opendocument.spreadsheet",
        )
        target.writestr(zipfile.ZipInfo("content.xml", FIXED_TIME.timetuple()[:6]), "<x/>")
    put("ods", "kalkyl.xlsx", ods.getvalue())
    return files
