"""Read and validate an area's params file before anything runs.

An *area* is what one report covers: one municipality (``params/sotenas.yaml``) or several
that share a labour market (``params/trollhattan-vanersborg.yaml``). Its file is merged over
``params/defaults.yaml`` and checked here, so a typo stops the run with one clear message
instead of a failed notebook.

    >>> area = load_area("sotenas")
    >>> area.name, area.municipalities, area.year
    ('Sotenäs', ('1427',), 2026)

Any of Sweden's 290 municipalities also works without a params file, by code or by name
(``load_area("1484")``, ``load_area("lysekil")``): the report is then built from public
statistics alone and its survey chapters say that no survey was given.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from helpers.common import text
from helpers.common.errors import ParamsError
from helpers.config import paths, regions, yaml_errors

_CODE = re.compile(r"^\d{4}$")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")  # the whole string (fullmatch): no trailing newline
#: An area's name on the command line and its params file's name: a plain name, no folder.
_PLAIN_NAME = re.compile(r"[^./\\\x00-\x1f][^/\\\x00-\x1f]*")
#: Characters no text of the report may hold: NUL and the other control characters.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
#: The most employers an area can have invited (Sweden has about 1,3 million businesses).
MAX_INVITED = 1_000_000
_KNOWN_KEYS = {
    "name",
    "municipalities",
    "year",
    "author",
    "colour",
    "logo",
    "survey",
    "report_title",
    "region",
    "county",
    "suppression_threshold",
    "comments",
    "docx_template",
}
#: The largest comments file read (bytes): a few pages of text, not a document.
COMMENTS_MAX_BYTES = 100_000
_SURVEY_KEYS = {
    "file",
    "previous",
    "invited",
    "example",
    "mapping",
    "sheet",
    "exclude_outside_area",
}


@dataclass(frozen=True)
class SurveyInput:
    """The employer survey of one area and year, as named in its params file.

    ``exclude_outside_area``: respondents whose workplace is outside the area's
    municipalities (A1 = "Annan kommun") are left out of every figure of the area (both
    years); by default they are counted, and the report says how many they are.
    """

    file: Path
    invited: int | None = None
    example: bool = False
    previous: Path | None = None
    mapping: Path | None = None
    sheet: str | None = None
    exclude_outside_area: bool = False


@dataclass(frozen=True)
class Comparison:
    """A named group of municipalities the area is compared with."""

    name: str
    municipalities: tuple[str, ...]


@dataclass(frozen=True)
class Area:
    """A validated area: everything the notebooks need to know about what to report on.

    A value: frozen, and hashable by its settings (tuples, not lists), so caches key on the
    area itself. Two areas with the same settings are equal; a changed params file or a
    test's own area is another::

        >>> load_area("sotenas") == load_area("sotenas")
        True
        >>> len({load_area("sotenas"), load_area("sotenas"), load_area("lysekil")})
        2
    """

    slug: str
    name: str
    municipalities: tuple[str, ...]
    year: int
    report_title: str
    author: str
    region: Comparison
    county: str
    suppression_threshold: int
    colour: str
    logo: Path | None = None
    #: An organisation's Word template (.docx or .dotx) whose styles the Word version uses.
    docx_template: Path | None = None
    survey: SurveyInput | None = None
    params_file: Path | None = None
    #: The broker's comments (Markdown, ``report.comments``), or None.
    comments: Path | None = None

    @property
    def municipality_names(self) -> list[str]:
        """Names of the area's municipalities, in params order."""
        return [regions.municipality_name(code) for code in self.municipalities]

    @property
    def region_in_text(self) -> str:
        """The region as a sentence names it: a part of the county, such as Fyrbodal, is
        "delregionen Fyrbodal"; a region that is the whole county is the county's name.

        >>> load_area("sotenas").region_in_text, load_area("0180").region_in_text
        ('delregionen Fyrbodal', 'Stockholms län')
        """
        if set(self.region.municipalities) == set(regions.county_members(self.county)):
            return self.region.name
        return f"delregionen {self.region.name}"

    @property
    def comparisons(self) -> list[Comparison]:
        """The area itself first, then the region, the county and the whole country.

        A region that is the county itself (a municipality outside Fyrbodal is compared with
        its own county) is listed once.
        """
        county = Comparison(
            regions.county_name(self.county), tuple(regions.county_members(self.county))
        )
        listed = [Comparison(self.name, self.municipalities), self.region, county]
        unique = [c for i, c in enumerate(listed) if c.name not in {d.name for d in listed[:i]}]
        return [*unique, Comparison("Riket", tuple(regions.all_codes()))]


def available_areas() -> list[str]:
    """The areas that have a params file (``defaults.yaml`` is not an area)."""
    return sorted(p.stem for p in paths.PARAMS.glob("*.yaml") if p.stem != "defaults")


def read_defaults() -> dict[str, Any]:
    """``params/defaults.yaml``: the settings every area starts from."""
    return _read_yaml(paths.PARAMS / "defaults.yaml")


def default_year() -> int:
    """The report year of an area whose params file names none: this calendar year."""
    return dt.date.today().year


def comparisons_outside_region(codes: Sequence[str], defaults: dict[str, Any]) -> dict[str, Any]:
    """``county`` and ``region`` for an area outside the default region (Fyrbodal).

    Such an area is compared with its own county (that of its first municipality) instead of
    Fyrbodal and Västra Götaland; an area inside the default region needs nothing (``{}``).

    >>> comparisons_outside_region(["1427"], read_defaults())
    {}
    >>> comparisons_outside_region(["0180"], read_defaults())["region"]["name"]
    'Stockholms län'
    """
    if all(code in defaults["region"]["municipalities"] for code in codes):
        return {}
    county = regions.county_of(codes[0])
    return {
        "county": county,
        "region": {
            "name": regions.county_name(county),
            "municipalities": regions.county_members(county),
        },
    }


def load_area(name: str, *, year: int | None = None) -> Area:
    """Load an area by params-file name, municipality code or municipality name.

    The name is a plain name, never a path (the report folder is named after it)::

        >>> load_area("../params/sotenas")
        Traceback (most recent call last):
        ...
        helpers.common.errors.ParamsError: Områdesnamnet '../params/sotenas' är inget namn: ...
    """
    _check_plain_name(name)
    params_file = paths.PARAMS / f"{name}.yaml"
    defaults = read_defaults()
    if params_file.exists():
        raw = {**defaults, **_read_yaml(params_file)}
        return _validate(name, raw, params_file, year)
    code = regions.code_for(name)
    if code is None:
        raise ParamsError(
            f"Okänt område '{name}'.{regions.did_you_mean(name, available_areas())} "
            f"Områden med params-fil: {', '.join(available_areas())}. "
            "Ange annars en kommunkod (t.ex. 1484) eller ett kommunnamn (t.ex. lysekil)."
        )
    for other in available_areas():  # a municipality that has its own params file uses it
        own = _read_yaml(paths.PARAMS / f"{other}.yaml")
        if own.get("municipalities") == [code]:
            return _validate(other, {**defaults, **own}, paths.PARAMS / f"{other}.yaml", year)
    raw = {
        **defaults,
        "name": regions.municipality_name(code),
        "municipalities": [code],
        **comparisons_outside_region([code], defaults),
    }
    return _validate(regions.area_slug(code), raw, None, year)


def _check_plain_name(name: str) -> None:
    if not _PLAIN_NAME.fullmatch(name) or ".." in name:
        raise ParamsError(
            f"Områdesnamnet {name[:80]!r} är inget namn: ange params-filens namn utan mapp och "
            "utan .yaml (t.ex. sotenas), en kommunkod (1484) eller ett kommunnamn (lysekil)."
        )


def _check_texts(raw: dict[str, Any], where: str) -> None:
    """The texts the report shows are text, without control characters (a NUL, an escape)."""
    region = raw.get("region")
    texts = {
        "name": raw.get("name"),
        "author": raw.get("author"),
        "report_title": raw.get("report_title"),
        "region.name": region.get("name") if isinstance(region, dict) else None,
    }
    for key, value in texts.items():
        if value is not None and not isinstance(value, str):
            raise ParamsError(f"{where}: '{key}' ska vara text (inom citattecken).")
        control = _CONTROL.search(value) if value is not None else None
        if control:
            raise ParamsError(
                f"{where}: '{key}' innehåller ett styrtecken ({control.group()!r}); "
                "skriv texten utan det."
            )


def _is_int(value: Any) -> bool:
    """An integer written as one: YAML's ``true`` is a bool (a subclass of int), not a number."""
    return isinstance(value, int) and not isinstance(value, bool)


def _shown_value(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _read_yaml(path: Path) -> dict[str, Any]:
    shown = path.relative_to(paths.ROOT) if path.is_relative_to(paths.ROOT) else path
    try:
        written = path.read_text(encoding="utf-8")
        content = yaml.safe_load(written)
    except FileNotFoundError:
        raise ParamsError(f"{shown}: filen saknas.") from None
    except UnicodeDecodeError as error:
        raise ParamsError(
            f"{shown}: filen är inte sparad som UTF-8 (tecknet vid byte {error.start} går inte "
            "att läsa). Spara den som UTF-8 i textredigeraren (Spara som → Kodning: UTF-8)."
        ) from None
    except yaml.YAMLError as error:
        raise ParamsError(f"{shown}, {yaml_errors.explain(error, written)}.") from None
    if not isinstance(content, dict):
        raise ParamsError(f"{path}: ska innehålla nycklar som 'name:' och 'municipalities:'.")
    return content


def _codes(value: Any, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise ParamsError(f"{where}: '{key}' ska vara en lista med kommunkoder, t.ex. [\"1427\"].")
    codes = []
    for item in value:
        if not isinstance(item, str):
            # YAML reads 1427 as a number and 0114 as the octal number 76: only quotes are safe.
            raise ParamsError(
                f"{where}: kommunkoden {item!r} i '{key}' är skriven som ett tal. "
                f'Skriv den inom citattecken, t.ex. "{item}" (en kod som 0114 blir annars 76).'
            )
        if not _CODE.match(item) or not regions.is_municipality(item):
            raise ParamsError(
                f"{where}: '{item}' i '{key}' är ingen kommunkod (fyra siffror, "
                't.ex. "1427" för Sotenäs).'
            )
        codes.append(item)
    return tuple(codes)


def survey_year(path: Path) -> int | None:
    """The year a survey export belongs to: its folder's name under
    ``data/raw/surveys/<area>/<year>/`` (where ``lka survey`` puts it); None elsewhere.

    >>> survey_year(paths.SURVEYS / "sotenas" / "2025" / "kompetensbehov-2025.xlsx")
    2025
    >>> survey_year(Path("/tmp/export.xlsx")) is None
    True
    """
    if not path.is_relative_to(paths.SURVEYS):
        return None
    folder = path.parent.name
    return int(folder) if re.fullmatch(r"20\d\d", folder) else None


def _check_survey_year(survey: SurveyInput, report_year: int, where: str, given: bool) -> None:
    """Stop when the report year is not the survey's: a 2026 survey is never reported as 2025."""
    year = survey_year(survey.file)
    if year is None or year == report_year:
        return
    how = (
        f"Bygg rapporten för {year} (utan --year)."
        if given
        else f"Ändra 'year' till {year}, eller lägg in {report_year} års enkät med make survey."
    )
    raise ParamsError(
        f"{where}: rapportåret {report_year} är inte enkätens år {year} "
        f"(survey.file ligger i mappen {year}). {how}"
    )


def _input_file(value: Any, where: str, key: str) -> Path:
    if not isinstance(value, str) or not value:
        raise ParamsError(f"{where}: '{key}' ska vara en sökväg till en fil.")
    path = Path(value) if Path(value).is_absolute() else paths.ROOT / value
    if not path.is_file():
        raise ParamsError(
            f"{where}: filen i '{key}' finns inte: {value}. "
            "Kontrollera sökvägen (relativ till projektets mapp)."
        )
    return path


def _comments(value: Any, where: str) -> Path | None:
    """The comments file: inside the project folder, UTF-8 text, at most COMMENTS_MAX_BYTES."""
    if value is None:
        return None
    path = _input_file(value, where, "comments")
    if not path.resolve().is_relative_to(paths.ROOT.resolve()):
        raise ParamsError(
            f"{where}: kommentarfilen i 'comments' ligger utanför projektets mapp: {value}. "
            "Lägg den i projektet, t.ex. i params/."
        )
    content = path.read_bytes()
    if len(content) > COMMENTS_MAX_BYTES:
        raise ParamsError(
            f"{where}: kommentarfilen {value} är {len(content) // 1000} kB; "
            f"högst {COMMENTS_MAX_BYTES // 1000} kB går in i rapporten. Korta texten."
        )
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        raise ParamsError(
            f"{where}: kommentarfilen {value} är inte UTF-8. Spara den som UTF-8 "
            "(i Anteckningar: Spara som, Kodning: UTF-8)."
        ) from None
    return path


def _docx_template(value: Any, where: str) -> Path | None:
    """The Word template named in params: a .docx or .dotx file (a zip with a Word
    document in it), or None."""
    if value is None:
        return None
    path = _input_file(value, where, "docx_template")
    if path.suffix.lower() not in (".docx", ".dotx") or not _is_word_file(path):
        raise ParamsError(
            f"{where}: 'docx_template' ska vara en Word-mall (.docx eller .dotx), inte "
            f"{path.name}. Spara mallen i Word som .dotx eller .docx och ange sökvägen till den."
        )
    return path


def _is_word_file(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def _survey(raw: Any, where: str) -> SurveyInput | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or "file" not in raw:
        raise ParamsError(f"{where}: 'survey' ska ha minst 'file:' (enkätens exportfil).")
    unknown = set(raw) - _SURVEY_KEYS
    if unknown:
        raise ParamsError(
            f"{where}: okänd nyckel under 'survey': {', '.join(sorted(unknown))}. "
            f"Tillåtna: {', '.join(sorted(_SURVEY_KEYS))}."
        )
    invited = raw.get("invited")
    if invited is not None and (not _is_int(invited) or not 1 <= invited <= MAX_INVITED):
        raise ParamsError(
            f"{where}: 'survey.invited' ska vara antalet inbjudna arbetsgivare, ett heltal "
            f"från 1 till {text.number(MAX_INVITED)} (inte {_shown_value(invited)})."
        )
    sheet = raw.get("sheet")
    if sheet is not None and not isinstance(sheet, str):
        raise ParamsError(
            f"{where}: 'survey.sheet' ska vara bladets namn som text, t.ex. sheet: \"Svar\" "
            f"(inte {_shown_value(sheet)})."
        )
    example = raw.get("example", False)
    if not isinstance(example, bool):
        raise ParamsError(f"{where}: 'survey.example' ska vara true eller false.")
    exclude = raw.get("exclude_outside_area", False)
    if not isinstance(exclude, bool):
        raise ParamsError(
            f"{where}: 'survey.exclude_outside_area' ska vara true eller false (utan "
            f"citattecken), inte {exclude!r}. true: svar från arbetsställen utanför områdets "
            "kommuner räknas inte; false (standard): de räknas med."
        )
    return SurveyInput(
        file=_input_file(raw["file"], where, "survey.file"),
        invited=invited,
        example=example,
        previous=_input_file(raw["previous"], where, "survey.previous")
        if raw.get("previous")
        else None,
        mapping=_input_file(raw["mapping"], where, "survey.mapping")
        if raw.get("mapping")
        else None,
        sheet=sheet,
        exclude_outside_area=exclude,
    )


def _validate(slug: str, raw: dict[str, Any], params_file: Path | None, year: int | None) -> Area:
    where = str(params_file.relative_to(paths.ROOT)) if params_file else f"området {slug}"
    unknown = set(raw) - _KNOWN_KEYS
    if unknown:
        raise ParamsError(
            f"{where}: okänd nyckel {', '.join(sorted(unknown))}. "
            f"Tillåtna nycklar: {', '.join(sorted(_KNOWN_KEYS))}."
        )
    for key in ("name", "municipalities"):
        if key not in raw:
            raise ParamsError(f"{where}: nyckeln '{key}' saknas.")
    if not isinstance(raw["name"], str) or not raw["name"].strip():
        raise ParamsError(f"{where}: 'name' ska vara områdets namn, t.ex. \"Sotenäs\".")
    _check_texts(raw, where)
    report_year = year or raw.get("year") or default_year()
    if not _is_int(report_year) or not 2000 <= report_year <= 2100:
        raise ParamsError(f"{where}: 'year' ska vara ett årtal, t.ex. 2026.")
    region = raw["region"]
    if not isinstance(region, dict) or "name" not in region:
        raise ParamsError(f"{where}: 'region' ska ha 'name' och 'municipalities'.")
    county = raw["county"]
    if not isinstance(county, str) or county not in set(regions.counties()["code"]):
        raise ParamsError(f"{where}: 'county' ska vara en länskod inom citattecken, t.ex. \"14\".")
    colour = raw.get("colour")
    if not isinstance(colour, str) or not _COLOUR.fullmatch(colour):
        raise ParamsError(f"{where}: 'colour' ska vara en färg som \"#1f5f8b\".")
    threshold = raw.get("suppression_threshold")
    if not _is_int(threshold) or threshold < 1:
        raise ParamsError(f"{where}: 'suppression_threshold' ska vara ett heltal ≥ 1.")
    survey = _survey(raw.get("survey"), where)
    if survey is not None:
        _check_survey_year(survey, report_year, where, given=year is not None)
    return Area(
        slug=slug,
        name=raw["name"].strip(),
        municipalities=_codes(raw["municipalities"], where, "municipalities"),
        year=report_year,
        report_title=str(raw.get("report_title", "Lokal kompetensanalys")),
        author=str(raw.get("author", "")),
        region=Comparison(
            str(region["name"]),
            _codes(region.get("municipalities"), where, "region.municipalities"),
        ),
        county=county,
        suppression_threshold=threshold,
        colour=colour,
        logo=_input_file(raw["logo"], where, "logo") if raw.get("logo") else None,
        docx_template=_docx_template(raw.get("docx_template"), where),
        survey=survey,
        params_file=params_file,
        comments=_comments(raw.get("comments"), where),
    )
