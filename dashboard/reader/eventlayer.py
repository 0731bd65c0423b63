"""Event data at scale: a story's layer of dated point events (date, type, count, source).

Read from CSV, GeoPackage or GeoParquet, validated like the rest of a story (problems
name the file, the row and the field), and sent to the map as a pyramid of cells: for
each zoom, events are binned on a grid of about 40 screen pixels and each cell carries
its number of events and their summed count. The map picks the level for its zoom on
its own, so panning and zooming need no server; the bytes grow with the number of
occupied cells, not with the number of events.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from dashboard.core.geometry import web_mercator_fractions
from dashboard.core.i18n import Lang, format_number, format_partial_date, text
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
PYRAMID_ZOOMS = tuple(range(3, 16))
CELL_PX = 40
# A zoom level with more occupied cells than this is not sent: the map keeps showing
# the finest level it has. This bounds the bytes whatever the number of events.
MAX_CELLS_PER_LEVEL = 6_000


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


def event_summary(frame: pd.DataFrame, lang: Lang) -> str:
    """`12.345 Ereignisse, zusammen 98.765 gemeldet · 1. Januar 2014 – 31. Dezember 2017`."""
    if frame.empty:
        return text("events.none", lang)
    return text("events.summary", lang).format(
        events=format_number(len(frame), lang),
        count=format_number(int(frame["count"].sum()), lang),
        start=format_partial_date(frame["date"].min().date(), "day", lang),
        end=format_partial_date(frame["date"].max().date(), "day", lang),
    )


def cell_pyramid(frame: pd.DataFrame) -> dict[str, list[list[float]]]:
    """Per zoom: [[lon, lat, events, summed count], ...], cells of CELL_PX screen pixels.

    A cell's position is the mean position of its events, so a single event sits where
    it happened.
    """
    if frame.empty:
        return {}
    lon, lat = frame["lon"].to_numpy(), frame["lat"].to_numpy()
    counts = frame["count"].to_numpy()
    fx, fy = web_mercator_fractions(lon, lat)
    pyramid: dict[str, list[list[float]]] = {}
    for zoom in PYRAMID_ZOOMS:
        cells_across = 256 * 2**zoom / CELL_PX
        ix = np.floor(fx * cells_across).astype(np.int64)
        iy = np.floor(fy * cells_across).astype(np.int64)
        keys, inverse, events = np.unique(
            ix * (int(cells_across) + 1) + iy, return_inverse=True, return_counts=True
        )
        if len(keys) > MAX_CELLS_PER_LEVEL:
            break
        total = np.bincount(inverse, weights=counts)
        mean_lon = np.bincount(inverse, weights=lon) / events
        mean_lat = np.bincount(inverse, weights=lat) / events
        pyramid[str(zoom)] = [
            [round(float(a), 4), round(float(b), 4), int(n), int(c)]
            for a, b, n, c in zip(mean_lon, mean_lat, events, total, strict=True)
        ]
        if len(keys) == len(frame):
            break  # every event has a cell of its own: finer levels would repeat this one
    return pyramid


def synthetic_events(
    count: int,
    seed: int = 7,
    start: dt.date = dt.date(2014, 1, 1),
    end: dt.date = dt.date(2017, 12, 31),
) -> pd.DataFrame:
    """A reproducible synthetic event set: clustered around a few towns, dated over years.

    For benchmarks and tests of scale; never mixed into a real story.
    """
    rng = np.random.default_rng(seed)
    hubs = np.array(
        [
            [43.12, 36.34],
            [39.01, 35.95],
            [36.7, 36.2],
            [40.14, 35.33],
            [38.0, 36.5],
            [42.45, 35.47],
            [41.0, 34.4],
            [44.4, 33.3],
        ]
    )
    hub = rng.integers(0, len(hubs), count)
    spread = rng.exponential(0.25, count)
    angle = rng.uniform(0, 2 * math.pi, count)
    lon = hubs[hub, 0] + spread * np.cos(angle)
    lat = hubs[hub, 1] + spread * np.sin(angle) * 0.8
    days = (end - start).days
    dates = pd.Timestamp(start) + pd.to_timedelta(rng.integers(0, days + 1, count), unit="D")
    types = np.array(["airstrike", "shelling", "clash", "explosion"])[rng.integers(0, 4, count)]
    return pd.DataFrame(
        {
            "date": dates.strftime("%Y-%m-%d"),
            "type": types,
            "count": rng.integers(1, 20, count),
            "lon": np.round(lon, 5),
            "lat": np.round(lat, 5),
            "source": "synthetic test data",
        }
    )
