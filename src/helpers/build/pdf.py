"""The report as a tagged PDF/UA-1 (A4): WeasyPrint renders the HTML page with its print rules.

Print leaves out what only a screen shows:

>>> for_print('<p>A</p><details class="chart-data"><table></table></details>')
'<p>A</p>'

The renderer fetches nothing from outside: its URL fetcher (:func:`fetcher`) allows
``data:`` addresses and files inside the project's template and resource folders (and the
report's own staged files, when given), and refuses every other file and every network
scheme. A refused address stops the PDF with one line (:class:`RenderError`) before anything
is asked of the network or read from the disk. Links that ask for a file to be attached
(``rel="attachment"``) are dropped: the PDF carries no attachments but the project's own.

>>> allowed(
...     "file:///etc/passwd", [paths.TEMPLATES]
... ), allowed("data:image/png;base64,AAAA", [])
(False, True)
>>> allowed("http://127.0.0.1:8000/x.png", [paths.TEMPLATES])
False
>>> allowed((paths.TEMPLATES / "report" / "report.css").as_uri(), [paths.TEMPLATES])
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from helpers.common.errors import RenderError
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


def allowed(url: str, folders: Sequence[Path]) -> bool:
    """True when the renderer may read ``url``: a ``data:`` address, or a ``file:`` inside
    one of ``folders`` (links resolved). Every other scheme is refused."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "data":
        return True
    if scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    path = Path(url2pathname(unquote(parts.path))).resolve()
    return any(path.is_relative_to(folder.resolve()) for folder in folders)


def project_folders(*extra: Path) -> list[Path]:
    """The folders the renderer may read files from: the template and resource folders
    (and ``extra``, e.g. the report's staging folder)."""
    return [paths.TEMPLATES, paths.RESOURCES, *extra]


def fetcher(folders: Sequence[Path]) -> Any:
    """WeasyPrint's URL fetcher, refusing what :func:`allowed` refuses; a refusal stops the
    rendering (an exception WeasyPrint does not catch, ``refused`` on the fetcher) before
    any request or read."""
    try:
        from weasyprint.urls import FatalURLFetchingError, URLFetcher
    except ImportError:  # WeasyPrint before 66: a fetcher is a function
        return _function_fetcher(folders)

    class Refused(FatalURLFetchingError):
        """An address the report may not fetch."""

    class ProjectFetcher(URLFetcher):
        refused = Refused

        def fetch(self, url: str, headers: Any = None) -> Any:
            if not allowed(url, folders):
                raise Refused(url)
            return super().fetch(url, headers)

    return ProjectFetcher(allowed_protocols={"data", "file"}, allow_redirects=False)


def _function_fetcher(folders: Sequence[Path]) -> Any:
    from weasyprint import default_url_fetcher

    class Refused(BaseException):  # noqa: N818  (WeasyPrint catches every Exception)
        """An address the report may not fetch."""

    def fetch(url: str, timeout: int = 10, ssl_context: Any = None) -> Any:
        if not allowed(url, folders):
            raise Refused(url)
        return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)

    fetch.refused = Refused  # type: ignore[attr-defined]
    return fetch


def _without_attachments(document: Any) -> None:
    """Drop the attachments the page asks for (``<a rel="attachment">``, ``<link
    rel="attachment">``): a PDF carries only the attachments the project adds."""
    document.metadata.attachments = []
    for page in document.pages:
        page.links = [link for link in page.links if link[0] != "attachment"]


def to_pdf(
    page: str, target: Path, metadata: dict[str, Any], folders: Sequence[Path] | None = None
) -> None:
    """Render the HTML as a tagged PDF/UA-1 (A4, bookmarks, language and title set),
    reading files only from ``folders`` (default :func:`project_folders`)."""
    from weasyprint import HTML  # imported here: it is the slowest import of the package

    url_fetcher = fetcher(project_folders() if folders is None else folders)
    try:
        document = HTML(
            string=for_print(page), base_url=str(paths.ROOT), url_fetcher=url_fetcher
        ).render()
        _without_attachments(document)
        document.metadata.title = f"{metadata['title']} – {metadata['area']} {metadata['year']}"
        if metadata.get("draft"):
            document.metadata.title = f"Utkast: {document.metadata.title}"
        document.metadata.authors = [metadata["author"]]
        document.metadata.lang = "sv"
        document.write_pdf(target, pdf_variant="pdf/ua-1", pdf_tags=True)
    except url_fetcher.refused as refused:
        raise RenderError(
            f"Rapporten hänvisar till {_shown(str(refused))}, som inte hämtas: PDF:en får bara "
            "använda filer i projektets mallar och resurser. Ta bort hänvisningen (finns den i "
            "en logotyp eller text i params-filen, ändra den där)."
        ) from None


def _shown(url: str, limit: int = 80) -> str:
    """An address as the error line shows it: printable, and cut when long."""
    printable = "".join(c if c.isprintable() else "?" for c in url)
    return printable if len(printable) <= limit else printable[: limit - 1] + "…"
