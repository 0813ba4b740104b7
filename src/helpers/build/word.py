"""The report as a Word document (.docx), converted from the print HTML the PDF is made from.

python-docx writes the document (``docs/word.md`` says why): the chapters' headings become
Word's built-in Heading 1–3 (h2–h4; the cover's h1 the Title), so the navigation pane and
the table of contents field work; tables become Word tables whose header row repeats on
each page; charts become PNG images (SVG drawings through cairosvg, HTML bars drawn by
``bars.html_bars_drawn``) named by their alt text, with the source under each; the broker's
comments and the example-data label are set-apart paragraphs. The language is Swedish
(sv-SE) in every style; an organisation's template (``docx_template:`` in params, .docx or
.dotx) gives the styles, and the styles it lacks are added.

    >>> page = ('<html><body><main><section class="chapter"><h2>Befolkning</h2>'
    ...         '<p>Sotenäs hade <strong>9\\xa0160</strong> invånare.</p></section></main>'
    ...         '</body></html>')
    >>> document = convert(page, {"title": "Lokal kompetensanalys", "area": "Sotenäs",
    ...                           "year": 2026, "author": "Kompetensmäklaren"})
    >>> [(p.style.name, p.text) for p in document.paragraphs if p.text][-2:]
    [('Heading 1', 'Befolkning'), ('Normal', 'Sotenäs hade 9\\xa0160 invånare.')]
    >>> document.core_properties.language, document.core_properties.author
    ('sv-SE', 'Kompetensmäklaren')

Run as ``python -m helpers.build.word PAGE.html TARGET.docx METADATA.json`` it writes one
document in a process of its own (the pipeline runs it beside the PDF); an error is one
Swedish line on stderr and exit code 7.
"""

from __future__ import annotations

import base64
import html
import io
import json
import re
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
import lxml.html
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from helpers.common.errors import RenderError

#: The document's language, in every style (w:lang) and in its properties.
LANGUAGE = "sv-SE"
#: HTML heading → Word style: the cover's h1 is the title; the chapters are Heading 1.
HEADING_STYLES = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3"}
HEADING_STYLES |= {"h5": "Heading 3", "h6": "Heading 3"}
#: The cover's logo is at most this wide.
LOGO_WIDTH = Mm(50)
#: Pictures are this many pixels per point of their drawing (2: sharp when printed).
PIXELS_PER_POINT = 2.0
#: The project's own paragraph styles, added when the template has none of that name.
SOURCE, NOTE, EXAMPLE = "Källa", "Tabellnot", "Exempeldata"
COMMENT, COMMENT_TITLE = "Kompetensmäklarens kommentar", "Kommentarsrubrik"
TABLE_STYLE = "Rapporttabell"
#: The typeface without a template: a sans serif like the report's that every office has.
TYPEFACE = "Arial"
TEXT_COLOUR, MUTED, EXAMPLE_COLOUR = "1A1A1A", "555555", "8A4B00"
_TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_SPACES = re.compile(r"[ \t\r\n\f\v]+")  # HTML white space: not the no-break space
_WIDTH = re.compile(r"width:\s*([\d.]+)%")


@dataclass
class Writer:
    """One conversion's state: the document, the paragraph style the text goes in (the
    broker's comment changes it), the headings written (for the table of contents)."""

    document: Document
    example: bool = False
    body_style: str = "Normal"
    headings: list[tuple[int, str]] = field(default_factory=list)
    #: Style ids by name, looked up once (python-docx looks a name up in every style).
    style_ids: dict[str, str] = field(default_factory=dict)

    @property
    def text_width(self) -> int:
        """The width between the margins, in EMU."""
        section = self.document.sections[-1]
        return section.page_width - section.left_margin - section.right_margin

    def paragraph(self, style: str | None = None, text: str = "") -> Paragraph:
        """A new paragraph at the end, in ``style`` (else the current body style)."""
        name = style or self.body_style
        paragraph = self.document.add_paragraph(text)
        paragraph._p.style = self.style_id(name)
        return paragraph

    def style_id(self, name: str) -> str:
        """The id of the style named ``name``."""
        if name not in self.style_ids:
            self.style_ids[name] = self.document.styles[name].style_id
        return self.style_ids[name]


# ---- the template and the styles ---------------------------------------------------------


def open_template(template: Path | None) -> Document:
    """A new document with the template's styles, page set-up, headers and footers but none
    of its text (a .dotx is read as the document it makes)."""
    if template is None:
        return docx.Document()
    try:
        data = template.read_bytes()
        if template.suffix.lower() == ".dotx":
            data = _as_document(data)
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001  (a broken file: one line that names it)
        raise RenderError(
            f"Word-mallen {template.name} kunde inte läsas ({type(error).__name__}). "
            "Ange en .docx- eller .dotx-fil sparad i Word under 'docx_template' i params."
        ) from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def _as_document(data: bytes) -> bytes:
    """A .dotx's bytes as a .docx's: only the main part's content type differs."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(_TEMPLATE_TYPE.encode(), _DOCUMENT_TYPE.encode())
            target.writestr(item, content)
    return out.getvalue()


def _style(
    document: Document, name: str, *, base: str = "Normal", kind: int = WD_STYLE_TYPE.PARAGRAPH
) -> Any:
    """The style ``name``, added (based on ``base``) when the document lacks it; returns
    None when it was there already (the template's look is kept)."""
    try:
        document.styles[name]
    except KeyError:
        style = document.styles.add_style(name, kind)
        if base and kind == WD_STYLE_TYPE.PARAGRAPH:
            style.base_style = document.styles[base]
        return style
    return None


#: The order of a paragraph's, a run's and the settings' elements (ECMA-376's sequences,
#: of those this module adds and those that may follow them): Word refuses others.
_PARAGRAPH_ORDER = (  # noqa: SIM905  (words, as the schema lists them)
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
).split()
_RUN_ORDER = (  # noqa: SIM905
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
).split()
_SETTINGS_AFTER_UPDATE_FIELDS = (  # noqa: SIM905
    "hdrShapeDefaults footnotePr endnotePr compat docVars rsids mathPr attachedSchema "
    "themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures "
    "forceUpgrade captions readModeInkLockDown smartTagType schemaLibrary shapeDefaults "
    "doNotEmbedSmartTags decimalSymbol listSeparator"
).split()


def _put(parent: Any, element: Any, order: list[str]) -> Any:
    """Put ``element`` into ``parent`` in the schema's ``order``, replacing one of its
    kind; returns it."""
    name = element.tag.rpartition("}")[2]
    old = parent.find(qn(f"w:{name}"))
    if old is not None:
        old.addprevious(element)
        parent.remove(old)
        return element
    later = order[order.index(name) + 1 :]
    for child in parent:
        if child.tag.rpartition("}")[2] in later:
            child.addprevious(element)
            return element
    parent.append(element)
    return element


def _w(tag: str, **attributes: str) -> Any:
    """A new w: element with w: attributes."""
    element = OxmlElement(f"w:{tag}")
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), value)
    return element


def _outline_level(style: Any, level: int) -> None:
    _put(style.element.get_or_add_pPr(), _w("outlineLvl", val=str(level)), _PARAGRAPH_ORDER)


def _border(style: Any, colour: str, *, sides: tuple[str, ...], size: int = 6) -> None:
    """Borders on a paragraph style (consecutive paragraphs of it share one box)."""
    borders = _w("pBdr")
    for side in sides:
        borders.append(_w(side, val="single", sz=str(size), space="6", color=colour))
    _put(style.element.get_or_add_pPr(), borders, _PARAGRAPH_ORDER)


def _shade(style: Any, fill: str) -> None:
    shading = _w("shd", val="clear", color="auto", fill=fill)
    _put(style.element.get_or_add_pPr(), shading, _PARAGRAPH_ORDER)


def ensure_styles(document: Document, colour: str) -> None:
    """Add the styles the report uses that the document lacks; set Swedish in all."""
    accent = RGBColor.from_string(colour.lstrip("#").upper())
    for level, name in enumerate(("Heading 1", "Heading 2", "Heading 3")):
        style = _style(document, name)
        if style is not None:
            style.font.bold, style.font.size = True, Pt((16, 13, 11.5)[level])
            style.font.color.rgb = accent
            style.paragraph_format.space_before = Pt((18, 14, 10)[level])
            style.paragraph_format.keep_with_next = True
            _outline_level(style, level)
    for name, size in (("Title", 26), ("Subtitle", 13)):
        style = _style(document, name)
        if style is not None:
            style.font.size, style.font.color.rgb = Pt(size), accent
    style = _style(document, "TOC Heading", base="Heading 1")
    if style is not None:
        _outline_level(style, 9)  # like Word's own: not an entry of the contents
    for level in (1, 2, 3):
        style = _style(document, f"TOC {level}")
        if style is not None:
            style.paragraph_format.left_indent = Pt(12 * (level - 1))
            style.paragraph_format.space_before = Pt(0)
            style.paragraph_format.space_after = Pt(2)
    style = _style(document, "Caption")
    if style is not None:
        style.font.bold, style.font.size = True, Pt(10)
        style.paragraph_format.keep_with_next = True
    for name in ("List Bullet", "List Number"):
        _style(document, name)
    style = _style(document, SOURCE)
    if style is not None:
        style.font.size, style.font.color.rgb = Pt(8.5), RGBColor.from_string(MUTED)
        style.paragraph_format.space_after = Pt(12)
    style = _style(document, NOTE, base=SOURCE)
    if style is not None:
        style.paragraph_format.space_after = Pt(2)
    style = _style(document, EXAMPLE)
    if style is not None:
        style.font.color.rgb = RGBColor.from_string(EXAMPLE_COLOUR)
        _border(style, EXAMPLE_COLOUR, sides=("top", "left", "bottom", "right"))
        _shade(style, "FFF4E5")
    style = _style(document, COMMENT)
    if style is not None:
        style.paragraph_format.left_indent = Pt(8)
        style.paragraph_format.space_after = Pt(4)
        _border(style, colour.lstrip("#"), sides=("left",), size=24)
        _shade(style, "EEF3F7")
    style = _style(document, COMMENT_TITLE, base=COMMENT)
    if style is not None:
        style.font.bold = True
        style.paragraph_format.keep_with_next = True
    _table_style(document)
    set_language(document)


def _table_style(document: Document) -> None:
    """Thin grey rules between rows, the header row bold over a darker rule."""
    style = _style(document, TABLE_STYLE, base="", kind=WD_STYLE_TYPE.TABLE)
    if style is None:
        return
    style.font.size = Pt(9)
    properties = OxmlElement("w:tblPr")  # after the style's rPr, as the schema orders them
    style.element.append(properties)
    borders = OxmlElement("w:tblBorders")
    for side, colour in (("top", "6B6B6B"), ("bottom", "6B6B6B"), ("insideH", "D0D0D0")):
        line = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", colour)):
            line.set(qn(f"w:{key}"), value)
        borders.append(line)
    properties.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "70")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)


def _default_run_properties(document: Document) -> Any:
    """The styles' document defaults for runs (w:docDefaults/w:rPrDefault/w:rPr)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = _w("docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = _w("rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = _w("rPr")
        run_defaults.append(properties)
    return properties


def set_language(document: Document) -> None:
    """Swedish in the document defaults and in every style that names a language."""
    for lang in document.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
    _put(_default_run_properties(document), _w("lang", val=LANGUAGE), _RUN_ORDER)
    document.core_properties.language = LANGUAGE


def set_page(document: Document) -> None:
    """A4 with the PDF's margins (``templates/report/report.css``: 24, 20, 22 and 20 mm)."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.right_margin = Mm(24), Mm(20)
        section.bottom_margin, section.left_margin = Mm(22), Mm(20)


def set_typeface(document: Document, typeface: str) -> None:
    """The text's typeface, in the document defaults (instead of the theme's)."""
    fonts = _w("rFonts", ascii=typeface, hAnsi=typeface, cs=typeface, eastAsia=typeface)
    _put(_default_run_properties(document), fonts, _RUN_ORDER)


# ---- text ----------------------------------------------------------------------------------


#: Inline elements and what they add to a run: bold, italic.
_INLINE = {"strong": (True, False), "b": (True, False), "em": (False, True), "i": (False, True)}
#: Elements written as blocks of their own, never as a paragraph's text.
_BLOCKS = {"p", "ul", "ol", "table", "div", "figure", "section", "aside", "h1", "h2", "h3"}
_BLOCKS |= {"h4", "h5", "h6", "blockquote", "dl", "picture", "img", "nav", "header", "footer"}


def _pieces(element: Any, bold: bool = False, italic: bool = False) -> list[tuple[str, bool, bool]]:
    """The element's text as (text, bold, italic) pieces; "\\n" for a line break."""
    pieces = [(element.text or "", bold, italic)]
    for child in element:
        if not isinstance(child.tag, str) or child.tag in _BLOCKS:
            pass
        elif child.tag == "br":
            pieces.append(("\n", bold, italic))
        else:
            more_bold, more_italic = _INLINE.get(child.tag, (False, False))
            pieces += _pieces(child, bold or more_bold, italic or more_italic)
        pieces.append((child.tail or "", bold, italic))
    return pieces


def runs(element: Any, *, bold: bool = False) -> list[tuple[str, bool, bool]]:
    """The element's inline content as (text, bold, italic) runs, "\\n" for a line break:
    white space collapsed and trimmed as a browser does.

    >>> runs(lxml.html.fragment_fromstring("<p> Sotenäs <b>9\\xa0160</b>\\n </p>"))
    [('Sotenäs ', False, False), ('9\\xa0160', True, False)]
    """
    pieces = [(_SPACES.sub(" ", t) if t != "\n" else t, b, i) for t, b, i in _pieces(element, bold)]
    text = "".join(t for t, _, _ in pieces)
    lead, trail = len(text) - len(text.lstrip(" ")), len(text.rstrip(" "))
    position, kept = 0, []
    for piece, is_bold, is_italic in pieces:
        start, end = position, position + len(piece)
        position = end
        piece = piece[max(lead - start, 0) : max(min(trail, end) - start, 0)]
        if piece:
            kept.append((piece, is_bold, is_italic))
    return kept


def add_text(paragraph: Paragraph, element: Any, *, bold: bool = False) -> Paragraph:
    """The element's inline content as runs of the paragraph (``runs``)."""
    for piece, is_bold, is_italic in runs(element, bold=bold):
        if piece == "\n":
            paragraph.add_run().add_break()
        else:
            run = paragraph.add_run(piece)
            run.bold = is_bold or None
            run.italic = is_italic or None
    return paragraph


def runs_xml(element: Any, *, bold: bool = False) -> str:
    """The element's runs as WordprocessingML, for a table written in one piece.

    >>> runs_xml(lxml.html.fragment_fromstring("<td>A &amp; <b>B</b></td>"))[:56]
    '<w:r><w:t xml:space="preserve">A &amp; </w:t></w:r><w:r>'
    """
    written = []
    for piece, is_bold, is_italic in runs(element, bold=bold):
        marks = ("<w:b/>" if is_bold else "") + ("<w:i/>" if is_italic else "")
        properties = f"<w:rPr>{marks}</w:rPr>" if marks else ""
        if piece == "\n":
            content = "<w:br/>"
        elif piece != piece.strip(" "):
            content = f'<w:t xml:space="preserve">{html.escape(piece, quote=False)}</w:t>'
        else:
            content = f"<w:t>{html.escape(piece, quote=False)}</w:t>"
        written.append(f"<w:r>{properties}{content}</w:r>")
    return "".join(written)


def _text(element: Any) -> str:
    return " ".join(element.text_content().split())


# ---- blocks ---------------------------------------------------------------------------------


def write_blocks(element: Any, out: Writer) -> None:
    """Write the element's children: each by the handler of its class or tag, and any
    other element's children in turn."""
    if element.text and element.text.strip():
        add_text(out.paragraph(), _loose(element.text))
    for child in element:
        if isinstance(child.tag, str):
            _write(child, out)
        if child.tail and child.tail.strip():
            add_text(out.paragraph(), _loose(child.tail))


def _loose(text: str) -> Any:
    element = lxml.html.Element("span")
    element.text = text
    return element


def _write(element: Any, out: Writer) -> None:
    for name in (element.get("class") or "").split():
        if name in BY_CLASS:
            BY_CLASS[name](element, out)
            return
    handler = BY_TAG.get(element.tag)
    if handler is not None:
        handler(element, out)
    else:
        write_blocks(element, out)


def _paragraph(element: Any, out: Writer) -> None:
    add_text(out.paragraph(), element)


def _styled(style: str) -> Callable[[Any, Writer], None]:
    def write(element: Any, out: Writer) -> None:
        add_text(out.paragraph(style), element)

    return write


def _heading(element: Any, out: Writer) -> None:
    style = HEADING_STYLES[element.tag]
    paragraph = add_text(out.paragraph(style), element)
    if element.tag == "h2" and out.headings:  # a chapter starts a page, as in the PDF
        paragraph.paragraph_format.page_break_before = True
    if style.startswith("Heading"):
        out.headings.append((int(style[-1]), paragraph.text))


def _list(element: Any, out: Writer, level: int = 0) -> None:
    """A list in List Bullet or List Number, each numbered list from 1; in a set-apart
    block, or where the template's list style has no numbering, the mark is text."""
    ordered = element.tag == "ol"
    style = "List Number" if ordered else "List Bullet"
    numbering = _style_numbering(out.document, style) if out.body_style == "Normal" else None
    if numbering is not None and ordered:
        numbering = _restarted(out.document, numbering)
    for index, item in enumerate(element.findall("li"), start=1):
        if numbering is None:
            paragraph = out.paragraph(None if out.body_style != "Normal" else style)
            paragraph.add_run(f"{index}. " if ordered else "• ")
        else:
            paragraph = out.paragraph(style)
            _number_paragraph(paragraph, numbering, level)
        if level:
            paragraph.paragraph_format.left_indent = Pt(18 * (level + 1))
        add_text(paragraph, item)
        for block in item:
            if block.tag in ("ul", "ol"):
                _list(block, out, level + 1)
            elif block.tag in ("p", "div"):
                add_text(paragraph, block)


def _style_numbering(document: Document, name: str) -> int | None:
    """The numbering (numId) a list style has, or None: a template's plain style."""
    try:
        ppr = document.styles[name].element.pPr
        numpr = ppr.numPr if ppr is not None else None
        if numpr is None or numpr.numId is None:
            return None
        document.part.numbering_part.element.num_having_numId(numpr.numId.val)
    except (KeyError, NotImplementedError):  # no such style, or a number it lacks
        return None
    return numpr.numId.val


def _restarted(document: Document, number: int) -> int:
    """A new numbering instance of the same list that starts at 1."""
    numbering = document.part.numbering_part.element
    current = numbering.num_having_numId(number)
    num = numbering.add_num(current.abstractNumId.val)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num.numId


def _number_paragraph(paragraph: Paragraph, number: int, level: int) -> None:
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = number


def _description(element: Any, out: Writer) -> None:
    for item in element.iter("dt"):
        paragraph = out.paragraph()
        add_text(paragraph, item, bold=True)
        definition = item.getnext()
        if definition is not None and definition.tag == "dd":
            paragraph.add_run(": ")
            add_text(paragraph, definition)


def _comment(element: Any, out: Writer) -> None:
    """The broker's comment: its title and text in the set-apart comment styles."""
    previous, out.body_style = out.body_style, COMMENT
    try:
        for child in element:
            if "broker-comment-title" in (child.get("class") or "").split():
                add_text(out.paragraph(COMMENT_TITLE), child)
            else:
                _write(child, out)
    finally:
        out.body_style = previous


def _cover(element: Any, out: Writer) -> None:
    """The cover: title, subtitle, example-data label, colophon and logo, then a page break
    and the table of contents."""
    write_blocks(element, out)
    out.paragraph().add_run().add_break(WD_BREAK.PAGE)


def _title(element: Any, out: Writer) -> None:
    paragraph = out.paragraph("Title")
    parts = [_text(span) for span in element.findall("span")]
    if len(parts) >= 2:
        paragraph.add_run(parts[0])
        paragraph.add_run().add_break()
        paragraph.add_run(" ".join(parts[1:]))
    else:
        add_text(paragraph, element)


# ---- tables --------------------------------------------------------------------------------


_RIGHT = '<w:jc w:val="right"/>'


def _table(element: Any, out: Writer) -> None:
    """A Word table: caption above, header rows repeated on each page, rows kept whole,
    numbers right-aligned. Written as one piece of XML (python-docx's cell by cell calls
    took a quarter of the conversion)."""
    caption = element.find("caption")
    if caption is not None:
        _caption(caption, out)
    rows = list(element.iter("tr"))
    columns = max((len(row.xpath("./th|./td")) for row in rows), default=0)
    if not columns:
        return
    twips = [int(out.text_width * share / 635) for share in _column_shares(element, rows, columns)]
    style = out.style_id(TABLE_STYLE)
    written = [
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{style}"/>'
        f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:tblLook w:val="04A0" w:firstRow="1" '
        'w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
        "</w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{width}"/>' for width in twips),
        "</w:tblGrid>",
    ]
    for row in rows:
        header = row.getparent().tag == "thead"
        written.append(f"<w:tr><w:trPr><w:cantSplit/>{'<w:tblHeader/>' if header else ''}</w:trPr>")
        cells = row.xpath("./th|./td")
        for position, width in enumerate(twips):
            cell = cells[position] if position < len(cells) else None
            right = _RIGHT if cell is not None and "num" in _classes(cell) else ""
            content = runs_xml(cell, bold=header) if cell is not None else ""
            written.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:pPr>'
                f'<w:spacing w:before="0" w:after="0"/>{right}</w:pPr>{content}</w:p></w:tc>'
            )
        written.append("</w:tr>")
    written.append("</w:tbl>")
    out.document.element.body._insert_tbl(parse_xml("".join(written)))


def _column_shares(element: Any, rows: list[Any], columns: int) -> list[float]:
    """Each column's share of the width: the HTML's (``colgroup``), else as the report lays
    out a table from its text (``tables.column_widths``), else by each column's longest word
    (and room around it: the words stay whole)."""
    shares = [_WIDTH.search(col.get("style") or "") for col in element.iter("col")]
    if len(shares) == columns and all(shares):
        return [float(match.group(1)) / 100 for match in shares]
    from helpers.report.tables import column_widths

    grid = [row.xpath("./th|./td") for row in rows]
    cells = [[_text(cell) for cell in row] + [""] * (columns - len(row)) for row in grid]
    body = [row for row, tr in zip(grid, rows, strict=True) if tr.getparent().tag != "thead"]
    numbers = [
        bool(body) and all(len(row) > j and "num" in _classes(row[j]) for row in body)
        for j in range(columns)
    ]
    widths = column_widths(cells, numbers) or [
        4 + max([2, *(len(word) for row in cells for word in row[j].split())])
        for j in range(columns)
    ]
    return [width / sum(widths) for width in widths]


def _classes(element: Any) -> list[str]:
    return (element.get("class") or "").split()


# ---- figures -------------------------------------------------------------------------------


def _caption(element: Any, out: Writer) -> None:
    """A figure's or table's title, kept on the page of what it names."""
    paragraph = add_text(out.paragraph("Caption"), element)
    paragraph.paragraph_format.keep_with_next = True


def _image(element: Any, out: Writer) -> None:
    source = element.get("src") or ""
    if not source.startswith("data:"):
        return  # the report embeds every picture; anything else is not ours to fetch
    kind, _, data = source[5:].partition(",")
    content = base64.b64decode(data) if kind.endswith(";base64") else data.encode()
    widest = LOGO_WIDTH if "logo" in _classes(element) else None
    _picture(out, content, kind.split(";")[0], element.get("alt") or "", widest=widest)


def _bar_chart(element: Any, out: Writer) -> None:
    """HTML bars drawn as a picture (the same labels, lengths, colours and values)."""
    from helpers.report.charts.kinds.bars import BarRow, html_bars_drawn

    rows = []
    for row in element.findall("div"):
        bar = row.find('.//span[@class="bar"]')
        value = row.find('.//span[@class="bar-value"]')
        style = bar.get("style") if bar is not None else ""
        length = _WIDTH.search(style or "")
        colour = re.search(r"background-color:\s*(#[0-9a-fA-F]{6})", style or "")
        rows.append(
            BarRow(
                _text(row.find('p[@class="bar-label"]')),
                _text(value) if value is not None else "",
                float(length.group(1)) if length else 0.0,
                colour.group(1) if colour else "#000000",
                "highlighted" in (row.get("class") or "").split(),
            )
        )
    axis = element.find('p[@class="bar-axis"]')
    drawing = html_bars_drawn(
        rows,
        axis_label=_text(axis) if axis is not None else "",
        example=element.find('p[@class="chart-mark"]') is not None,
    )
    _picture(out, drawing.encode(), "image/svg+xml", element.get("aria-label") or "")


def _picture(
    out: Writer, content: bytes, kind: str, alt: str, *, widest: int | None = None
) -> None:
    """A picture in a paragraph of its own, at its drawn size (at most ``widest``, else the
    text width), named by ``alt`` (Word's alternative text)."""
    width = None
    if kind == "image/svg+xml":
        cairosvg = _cairosvg()

        size = re.search(rb'<svg[^>]*\swidth="([\d.]+)pt"', content)
        width = Pt(float(size.group(1))) if size else None
        # cairosvg draws 96 pixels per inch (4/3 per point): scaled to PIXELS_PER_POINT
        content = cairosvg.svg2png(bytestring=content, scale=PIXELS_PER_POINT * 3 / 4)
    elif kind not in ("image/png", "image/jpeg", "image/gif"):
        from PIL import Image

        converted = io.BytesIO()
        Image.open(io.BytesIO(content)).save(converted, "PNG")
        content = converted.getvalue()
    paragraph = out.paragraph("Normal")
    paragraph.paragraph_format.keep_with_next = True
    shape = paragraph.add_run().add_picture(
        io.BytesIO(content), width=min(width, out.text_width) if width else None
    )
    widest = min(widest or out.text_width, out.text_width)
    if shape.width > widest:
        shape.height = int(shape.height * widest / shape.width)
        shape.width = widest
    properties = shape._inline.docPr
    properties.set("descr", alt)


def _cairosvg() -> Any:
    """cairosvg, or one line saying which Debian package it needs."""
    try:
        import cairosvg
    except OSError:  # cairocffi finds no libcairo
        raise RenderError(
            "Word-versionens diagram behöver Debianpaketet libcairo2: kör make report-deps "
            "(eller apt-get install libcairo2) och bygg rapporten igen."
        ) from None
    return cairosvg


#: Handlers by class (looked up first) and by tag; other elements: their children.
BY_CLASS: dict[str, Callable[[Any, Writer], None]] = {
    "skip-link": lambda element, out: None,
    "toc": lambda element, out: None,  # Word's own table of contents field instead
    "title-page": _cover,
    "example-banner": _styled(EXAMPLE),
    "broker-comment": _comment,
    "chart-title": _caption,
    "bar-chart": _bar_chart,
    "source": _styled(SOURCE),
    "table-note": _styled(NOTE),
    "report-footer": lambda element, out: write_blocks_styled(element, out, SOURCE),
}
BY_TAG: dict[str, Callable[[Any, Writer], None]] = {
    **{tag: _heading for tag in ("h2", "h3", "h4", "h5", "h6")},
    "h1": _title,
    "p": _paragraph,
    "ul": _list,
    "ol": _list,
    "dl": _description,
    "table": _table,
    "img": _image,
    "figcaption": _styled(SOURCE),
    "blockquote": _styled("Quote"),
    "style": lambda element, out: None,
    "script": lambda element, out: None,
}


def write_blocks_styled(element: Any, out: Writer, style: str) -> None:
    """The element's paragraphs in ``style``."""
    previous, out.body_style = out.body_style, style
    try:
        write_blocks(element, out)
    finally:
        out.body_style = previous


# ---- the document --------------------------------------------------------------------------


def _table_of_contents(out: Writer, after: Any) -> None:
    """ "Innehåll" and a TOC field over Heading 1–3, filled with the headings (without page
    numbers, until Word updates the field: it asks to when the document opens)."""
    document = out.document
    heading = out.paragraph("TOC Heading", "Innehåll")
    entries = [out.paragraph(f"TOC {level}", text) for level, text in out.headings]
    entries = entries or [out.paragraph("TOC 1")]
    first = entries[0]._p.find(qn("w:r"))
    for run in (
        _field_run("begin"),
        _field_run(instruction=' TOC \\o "1-3" \\h \\z \\u '),
        _field_run("separate"),
    ):
        if first is not None:
            first.addprevious(run)
        else:
            entries[0]._p.append(run)
    entries[-1]._p.append(_field_run("end"))
    breaker = out.paragraph("Normal")
    breaker.add_run().add_break(WD_BREAK.PAGE)
    position = after
    for paragraph in (heading, *entries, breaker):
        position.addnext(paragraph._p)
        position = paragraph._p
    update = _w("updateFields", val="true")
    _put(document.settings.element, update, ["updateFields", *_SETTINGS_AFTER_UPDATE_FIELDS])


def _field_run(kind: str = "", *, instruction: str = "") -> Any:
    """A run holding a field character (begin, separate, end) or the field's instruction."""
    run = OxmlElement("w:r")
    if instruction:
        element = OxmlElement("w:instrText")
        element.set(qn("xml:space"), "preserve")
        element.text = instruction
    else:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
    run.append(element)
    return run


def _headers(out: Writer, metadata: dict[str, Any]) -> None:
    """Running header (title, area, year; the example-data mark) and "Sida N av M" in the
    footer, when the template has none of its own; the cover has neither."""
    section = out.document.sections[0]
    if any(p.text.strip() for p in section.header.paragraphs + section.footer.paragraphs):
        return
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.style = out.document.styles[SOURCE]
    header.add_run(f"{metadata['title']} – {metadata['area']} {metadata['year']}")
    if out.example:
        mark = header.add_run("\tEXEMPELDATA")
        mark.bold, mark.font.color.rgb = True, RGBColor.from_string(EXAMPLE_COLOUR)
    footer = section.footer.paragraphs[0]
    footer.style = out.document.styles[SOURCE]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Sida ")
    _simple_field(footer, "PAGE")
    footer.add_run(" av ")
    _simple_field(footer, "NUMPAGES")


def _simple_field(paragraph: Paragraph, instruction: str) -> None:
    field_element = OxmlElement("w:fldSimple")
    field_element.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field_element.append(run)
    paragraph._p.append(field_element)


def convert(page: str, metadata: dict[str, Any], template: Path | None = None) -> Document:
    """The report page (its print HTML) as a Word document, with the template's styles."""
    document = open_template(template)
    if template is None:  # the PDF's page; Word's theme font is not on every computer
        set_page(document)
        set_typeface(document, TYPEFACE)
    ensure_styles(document, metadata.get("colour", "#1f5f8b"))
    properties = document.core_properties
    properties.title = f"{metadata['title']} – {metadata['area']} {metadata['year']}"
    properties.author = metadata.get("author", "")
    properties.subject = f"Kompetensbehov i {metadata['area']}"
    properties.language = LANGUAGE
    out = Writer(document, example=bool(metadata.get("example")))
    root = lxml.html.document_fromstring(page)
    body = root.find("body")
    cover = body.find('.//header[@class="title-page"]')
    if cover is not None:
        _cover(cover, out)
        cover.drop_tree()
    cover_end = document.paragraphs[-1]._p if document.paragraphs else None
    write_blocks(body, out)
    if cover_end is not None:
        _table_of_contents(out, cover_end)
    _headers(out, metadata)
    return document


def write_docx(page: str, target: Path, metadata: dict[str, Any], template: Path | None) -> None:
    """Convert the page and save it as ``target``."""
    convert(page, metadata, template).save(str(target))


def main(argv: list[str] | None = None) -> int:
    """``python -m helpers.build.word PAGE TARGET METADATA``: the report page (the HTML file;
    converted as printed) as one document; exit 0, or one line on stderr and the exit code
    of the error."""
    from helpers.build.pdf import for_print

    page, target, metadata_file = (argv or sys.argv[1:])[:3]
    metadata = json.loads(Path(metadata_file).read_text(encoding="utf-8"))
    template = Path(metadata["template"]) if metadata.get("template") else None
    try:
        printed = for_print(Path(page).read_text(encoding="utf-8"))
        write_docx(printed, Path(target), metadata, template)
    except RenderError as error:
        print(error, file=sys.stderr)
        return error.exit_code
    except Exception as error:  # noqa: BLE001  (a converter bug: one line, no traceback)
        print(
            f"Word-versionen kunde inte skapas ({type(error).__name__}: {error}).",
            file=sys.stderr,
        )
        return RenderError.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
