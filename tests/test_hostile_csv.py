"""CSV exports: no cell starts a formula for a "," or a ";" reader; numbers stay
numbers."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest

from dashboard.reader.story import load_story
from dashboard.render.export import export
from tests.conftest import feature_named

# (cell text, the cell as written) for spreadsheet_cell
CSV_CELLS = [
    ("-3", "-3"),
    ("-3.5", "-3.5"),
    ("+4", "+4"),
    ("-1e5", "-1e5"),
    ("-3,5", "-3,5"),
    ("Mossul", "Mossul"),
    ("Mosul, -3 °C", "Mosul, -3 °C"),
    ("a-b=c", "a-b=c"),
    ("'=1+2", "'=1+2"),
    ("", ""),
    ("=1+2", "'=1+2"),
    ("+1+2", "'+1+2"),
    ("-1+2", "'-1+2"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("-", "'-"),
    ("-3+A1", "'-3+A1"),
    ("+49 30 1234", "'+49 30 1234"),
    ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
    ("\t=1", "'\t'=1"),
    ("\r=1", "'\r'=1"),
    ("\n=1", "'\n'=1"),
    ("\tplain", "'\tplain"),
    (" =1+2", "' =1+2"),
    ("\u00a0=1+2", "'\u00a0=1+2"),
    ("\ufeff=1+2", "'\ufeff=1+2"),
    ("\u200b=1+2", "'\u200b=1+2"),
    ("\u2060@x", "'\u2060@x"),
    ("\u3000+1+2", "'\u3000+1+2"),
    ("\uff1d1+2", "'\uff1d1+2"),
    ("\uff0b1", "'\uff0b1"),
    ("\uff0d1+2", "'\uff0d1+2"),
    ("\uff20SUM(1)", "'\uff20SUM(1)"),
    (" \u200b\ufeff\uff1d1", "' \u200b\ufeff\uff1d1"),
    ("a;=1+2", "a;'=1+2"),
    ("a; =1+2", "a;' =1+2"),
    ("a;\u00a0@x", "a;'\u00a0@x"),
    ('a;"=1+2', "a;'\"=1+2"),
    ("a;\uff1d1", "a;'\uff1d1"),
    ("a;-3", "a;'-3"),
    ("a;'=1", "a;'=1"),
    ("a\n=1+2", "a\n'=1+2"),
    ("a\r\n+1+1", "a\r\n'+1+1"),
    ("a\t@x", "a\t'@x"),
    ("=1;=2;b", "'=1;'=2;b"),
]
CSV_VALUES = [(-3, -3), (0.5, 0.5), (True, True), (None, None)]


@pytest.mark.parametrize(("cell", "written"), CSV_CELLS + CSV_VALUES)
def test_a_csv_cell_never_starts_a_formula(cell, written) -> None:
    from dashboard.core.escape import spreadsheet_cell

    assert spreadsheet_cell(cell) == written


FORMULA_START = "=+-@\uff1d\uff0b\uff0d\uff20"
SKIPPED = ' \t\r\n\u00a0\u3000\u200b\u2060\ufeff"'


# What a spreadsheet reads as a number, not a formula: "-3", "+4", "-3,5", "-1e5".
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def formula_at_start(cell: str) -> bool:
    stripped = cell.lstrip(SKIPPED)
    return stripped[:1] in set(FORMULA_START) and not PLAIN_NUMBER.fullmatch(stripped.strip())


def test_csv_export_of_hostile_cells_is_safe_in_comma_and_semicolon_readers(story_copy) -> None:
    """Every cell text as a feature name; the file read as a "," reader reads it, and as
    a ";" reader might (split at every ";", tab and line break, quotes ignored)."""

    def edit(features: list[dict[str, Any]]) -> None:
        template = feature_named(features, "mosul")
        for i, (cell, _written) in enumerate(CSV_CELLS):
            feature = json.loads(json.dumps(template))
            feature["properties"].update(id=f"cell-{i}", name_en=cell or "x", labelled=False)
            features.append(feature)

    content = export(load_story(story_copy(features=edit)), "csv", "en")
    rows = list(csv.reader(io.StringIO(content, newline="")))
    names = {row[1]: row[3] for row in rows[1:]}
    for i, (_cell, written) in enumerate(CSV_CELLS):
        assert names[f"cell-{i}"] == (written or "x")
    for row in rows:
        assert not [c for c in row if formula_at_start(c)], row
    for segment in re.split(r"[;\t\r\n]", content):
        assert not formula_at_start(segment), segment
