"""Markdown written outside the project (the broker's comments, texts in params) as safe HTML.

Such text is data: raw HTML in it is shown as text, a link as its words with the address
beside them (nothing to click, nothing the PDF renderer fetches), an image as its alt text.
Emphasis, lists, headings, quotes and code keep their look.

>>> to_html("Hej <script>alert(1)</script> *du*")
'<p>Hej &lt;script&gt;alert(1)&lt;/script&gt; <em>du</em></p>\\n'
>>> to_html("[Varvet](https://example.se/a?b=1&c=2) ![logga](file:///etc/passwd)")
'<p>Varvet (https://example.se/a?b=1&amp;c=2) logga</p>\\n'
>>> to_html("<https://example.se>")
'<p>https://example.se</p>\\n'
>>> to_html('<a href="javascript:x()">klick</a>')
'<p>&lt;a href=&quot;javascript:x()&quot;&gt;klick&lt;/a&gt;</p>\\n'
"""

from __future__ import annotations

import html
from typing import Any

import mistune


class _SafeRenderer(mistune.HTMLRenderer):
    """mistune's HTML renderer that writes links and images as plain text."""

    def __init__(self) -> None:
        super().__init__(escape=True)

    def link(self, text: str, url: str, title: Any = None) -> str:
        address = html.escape(url)
        return address if html.unescape(text) in (url, f"mailto:{url}") else f"{text} ({address})"

    def image(self, text: str, url: str, title: Any = None) -> str:
        return text


def to_html(text: str) -> str:
    """``text`` (Markdown) as HTML that shows raw HTML as text and links as words (see module)."""
    markdown = mistune.create_markdown(renderer=_SafeRenderer(), plugins=["strikethrough"])
    return str(markdown(text))
