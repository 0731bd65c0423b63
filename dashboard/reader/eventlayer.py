"""Event data at scale: reading a story's layer of dated point events (date, type,
count, source).

Read from CSV, GeoPackage or GeoParquet and validated like the rest of a story: problems
name the file, the row and the field. The map gets them as cells (`core/cells.py`), the
reader a line about them (`core/wording.event_summary`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from dashboard.core.model import EventLayer, Problem, Text
from dashboard.reader.eventfiles import (
    MAX_EVENT_FILE_BYTES,
    MAX_EVENT_ROWS,
    EventFileError,
    read_event_table,
)

REQUIRED_COLUMNS = ("date", "type", "count")
READERS = {".csv": "csv", ".gpkg": "gpkg", ".parquet": "parquet", ".geoparquet": "parquet"}
MAX_PROBLEMS = 10


def read_event_layer(
    folder: Path,
    spec: dict[str, Any],
    name: Text,
    source: Text,
    problems: list[Problem],
    where_file: str,
) -> EventLayer | None:
    """The `[events_layer]` of a story: its file, checked row by row."""
    raw_file = spec.get("file")
    if not isinstance(raw_file, str) or not raw_file:
        problems.append(Problem(where_file, "[events_layer]", "file", "missing required field"))
        return None
    path = (folder / raw_file).resolve()
    if not path.is_relative_to(folder.resolve()):
        problems.append(
            Problem(
                where_file, "[events_layer]", "file", f"{raw_file!r} lies outside the story folder"
            )
        )
        return None
    file = str(folder / raw_file)
    if path.suffix.lower() not in READERS:
        problems.append(
            Problem(file, "file", None, "events must be CSV, GeoPackage (.gpkg) or GeoParquet")
        )
        return None
    if not path.is_file():
        problems.append(Problem(file, "file", None, "file not found"))
        return None
    if path.stat().st_size > MAX_EVENT_FILE_BYTES:
        problems.append(
            Problem(file, "file", None, f"file is larger than {MAX_EVENT_FILE_BYTES:,} bytes")
        )
        return None
    try:
        table = read_event_table(path, READERS[path.suffix.lower()])
    except EventFileError as error:
        problems.append(Problem(file, "file", None, str(error)))
        return None
    except UnicodeDecodeError:
        problems.append(Problem(file, "file", None, "file is not UTF-8 text"))
        return None
    except Exception as error:  # any reader failure is a problem of the file, not the app
        problems.append(Problem(file, "file", None, f"cannot read events: {error}"))
        return None
    frame = _checked_frame(table, file, source, problems)
    if frame is None:
        return None
    return EventLayer(path=path, name=name, source=source, frame=frame)


def _checked_frame(
    table: pd.DataFrame, file: str, source: Text, problems: list[Problem]
) -> pd.DataFrame | None:
    before = len(problems)
    missing = [c for c in (*REQUIRED_COLUMNS, "lon", "lat") if c not in table.columns]
    if missing:
        problems.append(Problem(file, "header", None, f"missing columns: {', '.join(missing)}"))
        return None
    if len(table) > MAX_EVENT_ROWS:
        problems.append(Problem(file, "file", None, f"more than {MAX_EVENT_ROWS:,} events"))
        return None
    if table.empty:
        problems.append(Problem(file, "file", None, "no events"))
        return None
    rows = pd.RangeIndex(2, len(table) + 2)  # row numbers as a spreadsheet shows them

    def report(mask: np.ndarray, field: str, message: str) -> None:
        for row in rows[mask][: MAX_PROBLEMS - (len(problems) - before)]:
            problems.append(Problem(file, f"row {row}", field, message))

    dates = pd.to_datetime(table["date"].astype(str), format="ISO8601", errors="coerce")
    report(dates.isna().to_numpy(), "date", "malformed date: expected YYYY-MM-DD")
    lon = pd.to_numeric(table["lon"], errors="coerce").to_numpy(dtype=float)
    lat = pd.to_numeric(table["lat"], errors="coerce").to_numpy(dtype=float)
    bad_position = ~(np.isfinite(lon) & np.isfinite(lat)) | (np.abs(lon) > 180) | (np.abs(lat) > 90)
    report(bad_position, "lon/lat", "coordinates must be finite, lon -180..180, lat -90..90")
    counts = pd.to_numeric(table["count"], errors="coerce").to_numpy(dtype=float)
    bad_count = ~np.isfinite(counts) | (counts < 0) | (counts != np.floor(counts))
    report(bad_count, "count", "expected a whole number >= 0")
    types = table["type"].astype(str)
    report((types.str.strip() == "").to_numpy(), "type", "missing event type")
    if len(problems) > before:
        return None
    row_source = (
        table["source"].fillna("").astype(str)
        if "source" in table.columns
        else pd.Series("", index=table.index)
    )
    return pd.DataFrame(
        {
            "date": dates,
            "type": types,
            "count": counts.astype(np.int64),
            "lon": lon,
            "lat": lat,
            "source": row_source.where(row_source != "", source.en),
        }
    ).reset_index(drop=True)
