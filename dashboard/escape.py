"""Escaping story text for the context it lands in: HTML or a <script> block.

folium does not escape tooltips and popups, and puts some of them inside JavaScript
template literals. So story text never goes through folium's text parameters: HTML is
built by Jinja templates with autoescaping (markupsafe; see cards.py and export.py),
scripts get JSON data that our own JavaScript puts into the page with textContent, and
Streamlit's Markdown places get every Markdown character escaped.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Characters that could end a <script> element or start markup or a comment in it, the
# two line separators JavaScript once refused inside strings, and the quote that
# streamlit-folium's rewriting of `{{'name'}}` references would match in story text.
_SCRIPT_UNSAFE = {
    "'": "\\u0027",
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def script_json(value: Any) -> str:
    """`value` as a JavaScript expression that is safe inside a <script> element.

    Strings stay in double-quoted JSON strings, where a backtick or `${` means nothing,
    and `<`, `>`, `&` are written as escapes so `</script>` cannot end the block.
    """
    encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, replacement in _SCRIPT_UNSAFE.items():
        encoded = encoded.replace(char, replacement)
    return encoded


# Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the
# ones that start Markdown or Streamlit's extensions ($ for LaTeX, : for emoji shortcodes).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def markdown_text(value: str) -> str:
    """Text for a place where Streamlit renders Markdown (widget labels and options):
    every Markdown character escaped, so the text shows as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)
