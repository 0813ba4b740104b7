"""Pictures of a built report, to look at it as a reader would: ``make preview MUNI=sotenas``.

Writes into ``preview/<area>/`` (not committed):

- ``html-desktop-NN.png``: the HTML at 1280 px, in screen-high slices;
- ``html-phone-NN.png``: the HTML at 375 px (device pixel ratio 2), in slices;
- ``pdf-page-NN.png``: every PDF page (pdftoppm);
- ``overview-pdf.png`` and ``overview-phone.png``: contact sheets of all of them.

From Python (it builds the report first if it is not up to date, and needs Debian's
chromium and poppler, so this example is not run as a doctest)::

    written = preview("sotenas")  # [preview/sotenas/html-desktop-01.png, ...]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from helpers.build.pipeline import report_files
from helpers.cli.browser import Browser
from helpers.cli.parser import Parser
from helpers.common.errors import ReportError
from helpers.config import paths
from helpers.config.params import load_area

DESKTOP, PHONE = 1280, 375
#: Slice heights in CSS pixels: one screenful, roughly.
DESKTOP_SLICE, PHONE_SLICE = 1600, 1400
PDF_DPI = 80


def build(area: str) -> None:
    """Build (or find up to date) the area's report through the command line."""
    result = subprocess.run(
        [sys.executable, "-m", "helpers.cli.main", "report", area], capture_output=True, text=True
    )
    if result.returncode != 0:
        raise ReportError(result.stderr.strip() or f"Rapporten för {area} kunde inte byggas.")


def screenshots(html: Path, folder: Path) -> list[Path]:
    """Slices of the HTML page at desktop and phone width."""
    written = []
    with Browser() as browser:
        for name, width, scale, mobile, step in (
            ("desktop", DESKTOP, 1, False, DESKTOP_SLICE),
            ("phone", PHONE, 2, True, PHONE_SLICE),
        ):
            page = browser.open(html, width=width, height=900, scale=scale, mobile=mobile)
            total = page.evaluate("document.documentElement.scrollHeight")
            for number, top in enumerate(range(0, total, step), start=1):
                target = folder / f"html-{name}-{number:02d}.png"
                written.append(page.screenshot(target, top=top, height=step))
    return written


def pdf_pages(pdf: Path, folder: Path, dpi: int = PDF_DPI) -> list[Path]:
    """Every PDF page as a PNG (poppler's pdftoppm)."""
    if not shutil.which("pdftoppm"):
        raise ReportError("pdftoppm saknas. Installera det med: make system-deps")
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(folder / "pdf-page")], check=True
    )
    written = sorted(folder.glob("pdf-page-*.png"))
    for path in written:  # pdftoppm numbers 1, 2 … or 01, 02 … by page count: make it NN
        number = int(path.stem.rsplit("-", 1)[1])
        path.rename(folder / f"pdf-page-{number:02d}.png")
    return sorted(folder.glob("pdf-page-*.png"))


def contact_sheet(
    images: Sequence[Path], target: Path, *, columns: int = 6, width: int = 300
) -> Path:
    """Thumbnails of ``images`` side by side, in reading order, on one PNG."""
    from PIL import Image

    thumbs = []
    for path in images:
        with Image.open(path) as image:
            height = round(image.height * width / image.width)
            thumbs.append(image.convert("RGB").resize((width, height)))
    gap = 12
    rows = [thumbs[i : i + columns] for i in range(0, len(thumbs), columns)]
    sheet = Image.new(
        "RGB",
        (
            columns * (width + gap) + gap,
            sum(max(t.height for t in row) + gap for row in rows) + gap,
        ),
        "#7a7a7a",
    )
    y = gap
    for row in rows:
        for index, thumb in enumerate(row):
            sheet.paste(thumb, (gap + index * (width + gap), y))
        y += max(t.height for t in row) + gap
    sheet.save(target)
    return target


def preview(area: str, *, rebuild: bool = True) -> list[Path]:
    """Build the area's report when needed and write its pictures; returns the files."""
    if rebuild:
        build(area)
    files = report_files(load_area(area))
    if not files.html.exists():
        raise ReportError(f"Rapporten för {area} finns inte: bygg den med make report MUNI={area}.")
    folder = paths.PREVIEW / load_area(area).slug
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    written = screenshots(files.html, folder)
    if files.pdf.exists():
        pages = pdf_pages(files.pdf, folder)
        written += pages
        written.append(contact_sheet(pages, folder / "overview-pdf.png", columns=6, width=260))
    phone = sorted(folder.glob("html-phone-*.png"))
    written.append(contact_sheet(phone, folder / "overview-phone.png", columns=8, width=220))
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m helpers.cli.preview AREA [--no-build]``."""
    parser = Parser(
        prog="make preview",
        description="Skärmbilder (dator, mobil) av en rapport och PDF:ens sidor som bilder.",
    )
    parser.add_argument("area", metavar="OMRÅDE", help="params-filens namn, kommunkod eller namn")
    parser.add_argument("--no-build", action="store_true", help="använd rapporten som den är")
    args = parser.parse_args(argv)
    try:
        written = preview(args.area, rebuild=not args.no_build)
    except ReportError as error:
        print(f"Fel: {error}", file=sys.stderr)
        return error.exit_code
    folder = written[0].parent
    print(f"{len(written)} bilder i {folder.relative_to(paths.ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
