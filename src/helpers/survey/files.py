"""Open a survey export safely: ``.xlsx`` or ``.csv``, and nothing that could hurt.

A file is judged by its content, not its name. Anything that is not a readable export ends in
one ``SurveyError`` line that says what is wrong and what to do:

* too big: more than ``MAX_BYTES`` (20 MB) on disk, more than ``MAX_UNPACKED`` (200 MB) when
  unzipped, more than ``MAX_ROWS`` (100 000) rows or ``MAX_CELLS`` (1 000 000) cells in all
  sheets together, more than ``MAX_COLUMNS`` (2 000) columns in a sheet, or a cell longer than
  ``MAX_CELL_CHARS`` (32 767 characters, Excel's own limit for a cell). An export of a few
  hundred answers is well under 1 MB and 100 000 cells. The limits count every sheet, so forty
  sheets just under a per-sheet limit are refused as soon as the sum passes it, and reading
  stops there (no time is spent on the rest);
* a truncated download (the zip is incomplete), an HTML page saved as ``.xlsx``, an empty
  workbook, an OpenDocument file;
* a password-protected workbook or an old ``.xls`` (both are OLE2 compound files);
* an XML entity bomb: workbook parts may not declare a DTD at all, and openpyxl parses through
  defusedxml as a second line of defence.

CSV may be UTF-8 (with or without byte order mark), UTF-16 (Excel's "Unicode text") or
Windows-1252, separated by ``,``, ``;`` or tab::

    >>> from pathlib import Path; import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "svar.csv"
    >>> _ = p.write_bytes("A1. Kommun;C2. Antal\\r\\nSotenäs;3\\r\\n".encode("cp1252"))
    >>> read_sheets(p)[0].rows
    [['A1. Kommun', 'C2. Antal'], ['Sotenäs', '3']]
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from helpers.common import text as swedish
from helpers.common.text import number as swedish_number
from helpers.survey.issues import IssueLog

MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 2_000
MAX_CELLS = 1_000_000
MAX_CELL_CHARS = 32_767

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK"
# Stream names in an OLE2 directory are UTF-16LE; these mark an encrypted OOXML workbook.
_ENCRYPTED_STREAMS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_DTD_MARKS = (
    b"<!DOCTYPE",
    b"<!ENTITY",
    "<!DOCTYPE".encode("utf-16-le"),
    "<!ENTITY".encode("utf-16-le"),
)


@dataclass
class _Budget:
    """What a file may still hold: rows and cells are counted over all its sheets together."""

    log: IssueLog
    rows: int = 0
    cells: int = 0

    def take(self, row: Sequence[object], sheet: int | None) -> None:
        """Count one row, or raise ``SurveyError`` when a limit is passed."""
        where = f"blad {sheet}" if sheet is not None else "filen"
        self.rows += 1
        self.cells += len(row)
        if self.rows > MAX_ROWS or self.cells > MAX_CELLS:
            raise self.log.fail(
                f"filen har fler än {swedish_number(MAX_ROWS)} rader eller "
                f"{swedish_number(MAX_CELLS)} celler sammanlagt i alla blad (gränserna för en "
                "enkätexport, som med några hundra svar har några hundra rader); det är ingen "
                "enkätexport. Kontrollera att det är rätt fil."
            )
        if len(row) > MAX_COLUMNS:
            raise self.log.fail(
                f"{where} har fler än {swedish_number(MAX_COLUMNS)} kolumner (gränsen för en "
                "enkätexport); det är ingen enkätexport. Kontrollera att det är rätt fil."
            )
        for index, cell in enumerate(row):
            if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
                raise self.log.fail(_too_long(where, self.rows, index, len(cell)))


def _too_long(where: str, row: int | None, index: int | None, length: int | None) -> str:
    from openpyxl.utils import get_column_letter

    place = where
    if row is not None:
        place += f", rad {row}"
    if index is not None:
        place += f", kolumn {get_column_letter(index + 1)}"
    size = f"har {swedish_number(length)} tecken" if length is not None else "är för lång"
    return (
        f"en cell ({place}) {size}; gränsen är {swedish_number(MAX_CELL_CHARS)} tecken per cell "
        "(Excels egen gräns). Korta svaret i cellen eller exportera svaren på nytt."
    )


@dataclass
class Sheet:
    """One table of cells: ``rows[r][c]`` as read (str, int, float, datetime or None)."""

    name: str | None
    rows: list[list[object]]


def read_sheets(path: Path, max_bytes: int = MAX_BYTES) -> list[Sheet]:
    """Every sheet of an ``.xlsx`` (one ``Sheet`` named None for a CSV), trimmed of empty edges.

    Raises ``SurveyError`` with one line for any file that cannot be read safely.
    """
    path = Path(path)
    log = IssueLog(path.name)
    if not path.is_file():
        raise log.fail("filen finns inte. Kontrollera sökvägen.")
    size = path.stat().st_size
    if size == 0:
        raise log.fail("filen är tom (0 byte). Exportera svaren på nytt.")
    if size > max_bytes:
        megabytes = math.ceil(size / 1024 / 1024 * 10) / 10  # never "20.0 MB > 20 MB"
        raise log.fail(
            f"filen är för stor: {megabytes:.1f} MB, gränsen är {max_bytes / 1024 / 1024:.0f} "
            "MB. En enkätexport är normalt under 1 MB: kontrollera att det är rätt fil."
        )
    data = path.read_bytes()
    if data.startswith(OLE2_MAGIC):
        if any(mark in data for mark in _ENCRYPTED_STREAMS):
            raise log.fail(
                "arbetsboken är lösenordsskyddad. Öppna den i Excel, ta bort lösenordet "
                "(Arkiv > Info > Skydda arbetsbok) och spara som .xlsx."
            )
        raise log.fail(
            "filen är i det gamla Excel-formatet .xls. Öppna den i Excel och spara som .xlsx."
        )
    if data.startswith(ZIP_MAGIC):
        return _read_xlsx(data, log)
    text_start = data[:2048].lstrip(codecs.BOM_UTF8).lstrip().lower()
    if text_start.startswith((b"<!doctype html", b"<html")) or b"<html" in text_start:
        raise log.fail(
            "filen är en webbsida (HTML), inte en Excel-fil: troligen sparades en inloggnings- "
            "eller felsida. Ladda ner exporten på nytt från enkätverktyget."
        )
    if text_start.startswith(b"<"):
        raise log.fail("filen är XML, inte en Excel-arbetsbok (.xlsx) eller CSV. Spara som .xlsx.")
    if path.suffix.lower() in {".xlsx", ".xlsm", ".xls"}:
        raise log.fail(
            f"filen heter {path.suffix} men är ingen Excel-arbetsbok. Om det är en CSV-fil, byt "
            "filändelse till .csv; annars exportera på nytt."
        )
    return [Sheet(None, _trim(_read_csv(data, log)))]


def _read_xlsx(data: bytes, log: IssueLog) -> list[Sheet]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError):
        raise log.fail(
            "filen är trasig eller ofullständig (avbruten nedladdning?). Ladda ner den på nytt."
        ) from None
    if "xl/workbook.xml" not in names:
        if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
            raise log.fail("filen är ett OpenDocument-kalkylark (.ods). Spara som .xlsx.")
        raise log.fail("filen är en zip-fil men ingen Excel-arbetsbok (.xlsx).")
    if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
        raise log.fail(
            f"filen blir större än {MAX_UNPACKED // 1024 // 1024} MB uppackad (zip-bomb?); "
            "den läses inte."
        )
    try:
        for name in sorted(names):
            if name.endswith((".xml", ".rels")):
                part = archive.read(name)
                if any(mark in part for mark in _DTD_MARKS):
                    raise log.fail(
                        f"delen {name} deklarerar XML-entiteter (DTD), vilket en Excel-fil aldrig "
                        "gör: möjlig XML-bomb. Filen läses inte; exportera på nytt."
                    )
    except (zipfile.BadZipFile, zlib.error, EOFError):
        raise log.fail(
            "filen är trasig eller ofullständig (avbruten nedladdning?). Ladda ner den på nytt."
        ) from None
    return _load_workbook(data, log)


def _load_workbook(data: bytes, log: IssueLog) -> list[Sheet]:
    import openpyxl  # only needed for xlsx; keeps CSV reading light
    from defusedxml import DefusedXmlException

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except DefusedXmlException:
        raise log.fail(
            "filen innehåller otillåten XML (möjlig XML-bomb); den läses inte."
        ) from None
    except Exception as exc:  # openpyxl raises many types for malformed parts; all mean "broken"
        raise log.fail(
            f"Excel-filen kan inte läsas ({type(exc).__name__}). Öppna den i Excel och spara "
            "den på nytt som .xlsx."
        ) from None
    sheets = []
    budget = _Budget(log)
    try:
        for position, worksheet in enumerate(workbook.worksheets, start=1):
            rows: list[list[object]] = []
            # Microsoft Forms writes <dimension ref="A1"/> whatever the sheet holds, and the
            # read-only reader would trust it and return the header row alone.
            if hasattr(worksheet, "reset_dimensions"):
                worksheet.reset_dimensions()
            for row in worksheet.iter_rows(values_only=True):
                # Sheets are named by number: a sheet's name may be a person's.
                budget.take(row, position)
                rows.append(list(row))
            sheets.append(Sheet(worksheet.title, _trim(rows)))
    except DefusedXmlException:
        raise log.fail(
            "filen innehåller otillåten XML (möjlig XML-bomb); den läses inte."
        ) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError) as exc:
        raise log.fail(
            f"Excel-filen är trasig ({type(exc).__name__}). Ladda ner eller spara den på nytt."
        ) from None
    finally:
        workbook.close()
    if not any(sheet.rows for sheet in sheets):
        raise log.fail("arbetsboken är tom: inget blad har några ifyllda celler.")
    return sheets


def decode_text(data: bytes, log: IssueLog) -> str:
    """Bytes of a CSV as text: BOM first, then strict UTF-8, then Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8-sig", data)]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", data)]
    else:
        candidates = [("utf-8", data), ("cp1252", data)]
    for encoding, raw in candidates:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise log.fail(
        "filen är varken Excel eller text i UTF-8 eller Windows-1252. Exportera som .xlsx eller "
        "som CSV (UTF-8)."
    )


def _read_csv(data: bytes, log: IssueLog) -> list[list[object]]:
    try:
        return _csv_rows(data, log)
    except csv.Error as exc:  # also where the separator is guessed and checked
        if "field larger than field limit" in str(exc):
            raise log.fail(
                f"en cell är längre än {swedish.number(csv.field_size_limit())} tecken; en "
                "enkätexport har inga så långa svar. Kontrollera att det är rätt fil och "
                "exportera den på nytt."
            ) from None
        raise log.fail(f"CSV-filen kan inte tolkas ({exc}). Exportera den på nytt.") from None


def _csv_rows(data: bytes, log: IssueLog) -> list[list[object]]:
    text = decode_text(data, log)
    # Lines of the sample are cut, so a huge first answer cannot trip the csv module's limit
    # there (the reader below says which cell is too long).
    delimiter = _delimiter("\n".join(line[:MAX_CELL_CHARS] for line in text.splitlines()[:10]))
    budget = _Budget(log)
    rows: list[list[object]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            budget.take(row, None)
            rows.append([cell if cell != "" else None for cell in row])
    except csv.Error as exc:
        if "field limit" in str(exc):  # longer than the csv module's 131 072 characters
            raise log.fail(_too_long("filen", len(rows) + 1, None, None)) from None
        raise log.fail(f"CSV-filen kan inte tolkas ({exc}). Exportera den på nytt.") from None
    if not any(any(c is not None and c.strip() for c in row) for row in rows):  # type: ignore[union-attr]
        raise log.fail("filen innehåller inga ifyllda celler (bara mellanslag eller tomma rader).")
    _check_one_delimiter(rows, delimiter, log)
    return rows


def _check_one_delimiter(rows: list[list[object]], delimiter: str, log: IssueLog) -> None:
    """An error for rows written with another separator than the header (a file pasted
    together from two exports, or edited in a text editor): read as they are, they would be
    garbled answers."""
    width = len(rows[0])
    odd = []
    for number, row in enumerate(rows[1:], start=2):
        filled = [c for c in row if c is not None]
        if len(row) >= width or not filled:
            continue
        joined = delimiter.join("" if c is None else str(c) for c in row)
        for other in ("\t", ";", ","):
            if other != delimiter and len(next(csv.reader([joined], delimiter=other))) == width:
                odd.append((number, other))
                break
    if odd:
        shown = ", ".join(str(n) for n, _ in odd[:5]) + (" med flera" if len(odd) > 5 else "")
        names = {"\t": "tabb", ";": "semikolon", ",": "komma"}
        raise log.fail(
            f"{len(odd)} {'rad' if len(odd) == 1 else 'rader'} (rad {shown}) har "
            f"{names[odd[0][1]]} som skiljetecken men "
            f"rubrikraden har {names[delimiter]}: filen är hopklistrad av olika exporter. "
            "Exportera alla svar på nytt i en fil."
        )


def _delimiter(sample: str) -> str:
    """The separator that splits the header into the most columns, the same for every row.

    Ties go to tab, then ``;``, then ``,``: typed text holds commas far more often.
    """

    def score(delimiter: str) -> tuple[int, int]:
        widths = [len(row) for row in csv.reader(io.StringIO(sample), delimiter=delimiter)]
        if not widths:
            return (0, 0)
        return (widths[0], sum(w == widths[0] for w in widths))

    return max(("\t", ";", ","), key=score)  # max keeps the first of equal scores


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _trim(rows: list[list[object]]) -> list[list[object]]:
    """Rows without trailing empty rows, padded to the width of the widest non-empty cell."""
    while rows and all(_blank(c) for c in rows[-1]):
        rows.pop()
    width = 0
    for row in rows:
        for index in range(len(row) - 1, -1, -1):
            if not _blank(row[index]):
                width = max(width, index + 1)
                break
    return [(row + [None] * width)[:width] for row in rows]
