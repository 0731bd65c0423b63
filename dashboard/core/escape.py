"""Escaping story text for the context it lands in: HTML or a <script> block.

folium does not escape tooltips and popups, and puts some of them inside JavaScript
template literals. So story text never goes through folium's text parameters: HTML is
built by Jinja templates with autoescaping (markupsafe; see cards.py and export.py),
scripts get JSON data that our own JavaScript puts into the page with textContent, and
Streamlit's Markdown places get every Markdown character escaped.
"""

from __future__ import annotations

import re
from typing import Any

from jinja2.utils import htmlsafe_json_dumps

# Jinja's htmlsafe_json_dumps writes `<`, `>`, `&` and `'` as \u escapes, so that no
# string can end a <script> element or start markup or a comment in it. Written as \u
# escapes here too, inside JSON strings only: the braces that start a Jinja tag ({{ }},
# {% %}, {# #}: branca renders a map's scripts as templates, and streamlit-folium
# rewrites `{{'name'}}`), the underscore streamlit-folium's renaming of element variables
# (`_div`, `_<id>`) matches, and the two line separators JavaScript once refused inside
# strings.
_TEMPLATE_UNSAFE = str.maketrans({char: f"\\u{ord(char):04x}" for char in "{}_\u2028\u2029"})
# A JSON string token, escapes included (unrolled, so linear on any input).
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')


def script_json(value: Any) -> str:
    """`value` as a JavaScript expression that is safe inside a <script> element and
    inert in any template engine the script passes through.

    Strings stay in double-quoted JSON strings, where a backtick or `${` means nothing;
    inside them `<`, `>`, `&`, `'` (by Jinja) and `{`, `}` and `_` (here) are written as
    \\u escapes, so `</script>` cannot end the block and no `{{ }}` or `{% %}` reaches
    Jinja. The structure's own braces never form a Jinja tag (a JSON object starts with
    `{"` or `{}`).
    """
    encoded = htmlsafe_json_dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_STRING.sub(lambda token: token.group().translate(_TEMPLATE_UNSAFE), str(encoded))


# Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the
# ones that start Markdown or Streamlit's extensions ($ for LaTeX, : for emoji shortcodes).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def markdown_text(value: str) -> str:
    """Text for a place where Streamlit renders Markdown (widget labels and options):
    every Markdown character escaped, so the text shows as written.

    Streamlit finds `:material/home:`, `:smile:` and `:red[...]` after the escapes are
    undone, so a word joiner (U+2060, invisible) follows every colon: no shortcode starts.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value).replace(":", ":\u2060")


# CSV cells (OWASP's CSV-injection advice). A spreadsheet runs a cell that starts with
# one of these as a formula; the full-width forms are read as the same by some locales.
_FORMULA_START = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
# Characters a spreadsheet may skip or show as nothing before a cell's first character:
# they must not hide a formula character from the check.
_INVISIBLE = frozenset("\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff")
# Where a spreadsheet may start a new cell inside our text: ";" for readers that split on
# semicolons (German-locale Excel), tab, and line breaks for a reader whose quotes went
# out of step. (Our "," is always inside a quoted field: csv quotes any cell holding one.)
_CELL_BREAK = re.compile(r"[;\t\r\n]")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def _starts_formula(part: str, raw: bool) -> bool:
    """True if `part`, the start of a cell, would start a formula: its first character
    that is not blank or invisible is one of = + - @, unless the whole cell is a plain
    number such as -3. `raw`: the start of a cell that a ";" reader finds inside our
    text; it also skips double quotes, and no number is exempt, as the reader's cell goes
    on into our next ones."""
    for index, char in enumerate(part):
        if char.isspace() or char in _INVISIBLE or (raw and char == '"'):
            continue
        if char not in _FORMULA_START:
            return False
        return raw or _PLAIN_NUMBER.fullmatch(part[index:].rstrip()) is None
    return False


def spreadsheet_cell(value: Any) -> Any:
    """A value for a CSV cell that no spreadsheet runs as a formula, read with "," or ";".

    Numbers stay numbers (-3 stays -3). A text cell whose start would be a formula (after
    any blanks, NBSP, BOM or zero-width characters; tab and carriage return count too) gets
    a leading apostrophe, which spreadsheets read as "text" (OWASP's advice); so does each
    place inside the text where a ";" or a line break would start a new cell.
    """
    if not isinstance(value, str):
        return value
    if _CELL_BREAK.search(value):
        parts = _CELL_BREAK.split(value)
        breaks = _CELL_BREAK.findall(value)
        value = parts[0] + "".join(
            brk + ("'" if _starts_formula(part, raw=True) else "") + part
            for brk, part in zip(breaks, parts[1:], strict=True)
        )
    if value[:1] in ("\t", "\r", "\n") or _starts_formula(value, raw=False):
        return "'" + value
    return value
