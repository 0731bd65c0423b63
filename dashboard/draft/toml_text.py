"""A small TOML writer for story files: top-level keys, inline tables for bilingual texts,
arrays of tables (`[[figures]]`) for records, the layout `docs/story-format.md` shows.

Only what a story needs: strings, booleans, integers, finite floats, dates, lists of
numbers, tables one level deep. The writer's output is read back with `tomllib` before a
file is written (see writer.py).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

_BARE_KEY = re.compile(r"\A[A-Za-z0-9_-]+\Z")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _string(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _string(key)


def value(item: Any) -> str:
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, float):
        if not math.isfinite(item):
            raise ValueError("TOML numbers in a story must be finite")
        return repr(item)
    if isinstance(item, str):
        return _string(item)
    if isinstance(item, dt.date):
        return item.isoformat()
    if isinstance(item, (list, tuple)):
        return "[" + ", ".join(value(x) for x in item) + "]"
    if isinstance(item, dict):
        return "{ " + ", ".join(f"{_key(k)} = {value(v)}" for k, v in item.items()) + " }"
    raise TypeError(f"cannot write {type(item).__name__} to TOML")


def dumps(data: dict[str, Any]) -> str:
    """Scalars and inline tables first; a table of scalars as `[name]`; a list of
    tables as `[[name]]` records."""
    lines: list[str] = []
    tables: list[tuple[str, dict[str, Any]]] = []
    records: list[tuple[str, list[dict[str, Any]]]] = []
    for key, item in data.items():
        if isinstance(item, dict) and any(isinstance(v, dict) for v in item.values()):
            raise TypeError(f"{key}: nested tables are not written")
        if isinstance(item, dict) and key == "source":
            tables.append((key, item))
        elif isinstance(item, list) and item and all(isinstance(x, dict) for x in item):
            records.append((key, item))
        else:
            lines.append(f"{_key(key)} = {value(item)}")
    for key, table in tables:
        lines += ["", f"[{_key(key)}]"] + [f"{_key(k)} = {value(v)}" for k, v in table.items()]
    for key, items in records:
        for record in items:
            lines += ["", f"[[{_key(key)}]]"]
            lines += [f"{_key(k)} = {value(v)}" for k, v in record.items()]
    return "\n".join(lines) + "\n"
