"""story.toml as text, written with tomlkit in the layout `docs/story-format.md` shows:
top-level keys, inline tables for bilingual texts, `[source]`, and arrays of tables
(`[[figures]]`) for records whose sources are inline tables.

tomlkit does the quoting and escaping; this module only chooses the layout and refuses
what a story never holds (non-finite numbers, nested tables). The writer reads the text
back with `tomllib` before a file is written (see writer.py).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import tomlkit
from tomlkit.items import Item


def _item(value: Any) -> Item:
    """One value as a tomlkit item: dicts inline, lists of anything as arrays."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("TOML numbers in a story must be finite")
    if isinstance(value, dict):
        table = tomlkit.inline_table()
        for key, item in value.items():
            table.append(key, _item(item))
        return table
    if isinstance(value, (list, tuple)):
        array = tomlkit.array()
        array.extend(_item(item) for item in value)
        return array
    if isinstance(value, (bool, int, float, str, dt.date)):
        return tomlkit.item(value)
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def value(item: Any) -> str:
    """The TOML text of one value (a string quoted and escaped, a table inline)."""
    return _item(item).as_string()


def dumps(data: dict[str, Any]) -> str:
    """Scalars and inline tables first; the article's `source` as `[source]`; a list of
    tables as `[[name]]` records."""
    document = tomlkit.document()
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
            document.append(key, _item(item))
    for key, fields in tables:
        table = tomlkit.table()
        for name, item in fields.items():
            table.append(name, _item(item))
        document.append(key, table)
    for key, items in records:
        array = tomlkit.aot()
        for record in items:
            table = tomlkit.table()
            for name, item in record.items():
                table.append(name, _item(item))
            array.append(table)
        document.append(key, array)
    return tomlkit.dumps(document)
