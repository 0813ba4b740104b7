"""The report as a tagged PDF/UA-1 (A4): WeasyPrint renders the HTML page with its print rules.

Print leaves out what only a screen shows:

>>> for_print('<p>A</p><details class="chart-data"><table></table></details>')
'<p>A</p>'
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from helpers.config import paths

_SCREEN_ONLY = re.compile(
    r'<source media="[^"]*" srcset="[^"]*"\s*/?>'
    r'|<details class="chart-data">.*?</details>',
    re.S,
)


def for_print(page: str) -> str:
    """The page without what print does not show: the phone drawings of the charts and the
    folded data tables under them (the appendix has the same tables). Parsing those large
    data URIs is a good part of WeasyPrint's time."""
    return _SCREEN_ONLY.sub("", page)


def to_pdf(page: str, target: Path, metadata: dict[str, Any]) -> None:
    """Render the HTML as a tagged PDF/UA-1 (A4, bookmarks, language and title set)."""
    from weasyprint import HTML  # imported here: it is the slowest import of the package

    document = HTML(string=for_print(page), base_url=str(paths.ROOT)).render()
    document.metadata.title = f"{metadata['title']} – {metadata['area']} {metadata['year']}"
    document.metadata.authors = [metadata["author"]]
    document.metadata.lang = "sv"
    document.write_pdf(target, pdf_variant="pdf/ua-1", pdf_tags=True)
