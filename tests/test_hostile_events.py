"""Hostile events files: each format is read only by its own reader (a VRT, an SQLite
database or a Parquet file under another name is refused, and makes no request), row
bombs are refused before they are loaded, and a spreadsheet's CSV is read."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dashboard.reader.story import load_story
from tests.conftest import BAD, REPO
from tests.hostile import (
    GOOD,
    MAX_SECONDS,
    first_story_toml,
    load_beside_the_good_story,
    named_cases,
    reported,
)
from tests.test_app import run_page

# Events files: each format read by its own reader, row bombs refused early


def events_toml(file: str) -> str:
    return first_story_toml().replace(
        "[source]",
        (
            f'[events_layer]\nfile = "{file}"\n'
            'name = { de = "Ereignisse", en = "Events" }\nsource = "x"\n\n[source]'
        ),
        1,
    )


def with_events(hostile: Callable[..., Path], file: str, write: Callable[[Path], None]) -> Path:
    """The hostile story with an events layer whose file `write` makes."""
    folder = hostile(raw_toml=events_toml(file))
    write(folder / file)
    return folder


def vrt(source: str) -> bytes:
    """A GDAL virtual dataset: XML that makes GDAL read another file or URL."""
    return (
        '<OGRVRTDataSource><OGRVRTLayer name="events">'
        f"<SrcDataSource>{source}</SrcDataSource>"
        "<SrcSQL dialect=\"sqlite\">SELECT field_1 AS type, '2017-01-01' AS date, 1 AS count, "
        "MakePoint(40, 35) AS geometry FROM passwd</SrcSQL>"
        "<GeometryType>wkbPoint</GeometryType></OGRVRTLayer></OGRVRTDataSource>"
    ).encode()


def synthetic_frame(rows: int = 10):
    from tests.synthetic_events import synthetic_events

    return synthetic_events(rows)


def write_geopackage(path: Path, rows: int = 10) -> None:
    import geopandas as gpd

    table = synthetic_frame(rows)
    gpd.GeoDataFrame(
        table.drop(columns=["lon", "lat"]),
        geometry=gpd.points_from_xy(table["lon"], table["lat"]),
        crs=4326,
    ).to_file(path, driver="GPKG", layer="events")


def geopackage_pointing_at(sql: str) -> Callable[[Path], None]:
    """A real GeoPackage whose layer is made to be what `sql` creates, named 'other'."""

    def write(path: Path) -> None:
        import sqlite3

        write_geopackage(path)
        with sqlite3.connect(path) as connection:
            connection.execute(sql)
            for table in ("gpkg_contents", "gpkg_geometry_columns"):
                connection.execute(
                    f"UPDATE {table} SET table_name = 'other' WHERE table_name = 'events'"
                )

    return write


def write_parquet(path: Path, table) -> None:
    import pyarrow.parquet as pq

    pq.write_table(table, path, compression="zstd", use_dictionary=True)


def parquet_events(rows: int, type_value: str = "clash", geometry: bool = False):
    """A Parquet table of `rows` events, every value repeated: tiny once compressed."""
    import numpy as np
    import pyarrow as pa
    import shapely

    columns = {
        "date": pa.DictionaryArray.from_arrays(np.zeros(rows, np.int32), ["2017-01-01"]),
        "type": pa.DictionaryArray.from_arrays(np.zeros(rows, np.int32), [type_value]),
        "count": pa.array(np.ones(rows, np.int64)),
    }
    if geometry:
        point = shapely.to_wkb(shapely.Point(40, 35))
        columns["geometry"] = pa.DictionaryArray.from_arrays(np.zeros(rows, np.int32), [point])
        table = pa.table(columns)
        column = {"encoding": "WKB", "geometry_types": ["Point"]}
        geo = {"version": "1.0.0", "primary_column": "geometry", "columns": {"geometry": column}}
        return table.replace_schema_metadata({"geo": json.dumps(geo)})
    columns["lon"] = pa.array(np.full(rows, 40.0))
    columns["lat"] = pa.array(np.full(rows, 35.0))
    return pa.table(columns)


def csv_lines(rows: int, end: str = "\n") -> Callable[[Path], None]:
    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="") as file:
            file.write("date,type,count,lon,lat" + end)
            file.write(("2017-01-01,a,1,40,35" + end) * rows)

    return write


def sqlite_file(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (date, type, count, lon, lat)")


EVENT_FILES = [
    (
        "gpkg-is-vrt-of-passwd",
        "events.gpkg",
        lambda p: p.write_bytes(vrt("CSV:/etc/passwd")),
        "content is XML or HTML (a GDAL VRT?), not a GeoPackage",
    ),
    (
        "parquet-is-vrt",
        "events.parquet",
        lambda p: p.write_bytes(vrt("CSV:/etc/passwd")),
        "content is XML or HTML (a GDAL VRT?), not a Parquet file",
    ),
    (
        "csv-is-vrt",
        "events.csv",
        lambda p: p.write_bytes(vrt("CSV:/etc/passwd")),
        "content is XML or HTML (a GDAL VRT?), not CSV text",
    ),
    (
        "gpkg-is-csv",
        "events.gpkg",
        lambda p: synthetic_frame().to_csv(p, index=False),
        "content is not a GeoPackage",
    ),
    (
        "gpkg-is-parquet",
        "events.gpkg",
        lambda p: write_parquet(p, parquet_events(10)),
        "content is a Parquet file, not a GeoPackage",
    ),
    (
        "gpkg-is-plain-sqlite",
        "events.gpkg",
        sqlite_file,
        "content is an SQLite database, but not a GeoPackage",
    ),
    (
        "csv-is-sqlite",
        "events.csv",
        lambda p: write_geopackage(p),
        "content is an SQLite database, not CSV text",
    ),
    (
        "csv-is-parquet",
        "events.csv",
        lambda p: write_parquet(p, parquet_events(10)),
        "content is a Parquet file, not CSV text",
    ),
    (
        "csv-is-gzip",
        "events.csv",
        lambda p: p.write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 40),
        "content is a compressed archive, not CSV text",
    ),
    (
        "csv-with-nul",
        "events.csv",
        lambda p: p.write_bytes(b"date,type\x00,count\n"),
        "content is binary (NUL bytes), not CSV text",
    ),
    (
        "parquet-is-sqlite",
        "events.parquet",
        lambda p: write_geopackage(p),
        "content is an SQLite database, not a Parquet file",
    ),
    (
        "parquet-cut-short",
        "events.parquet",
        lambda p: (write_parquet(p, parquet_events(10)), p.write_bytes(p.read_bytes()[:-20])),
        "content is not a complete Parquet file",
    ),
    (
        "gpkg-layer-is-view",
        "events.gpkg",
        geopackage_pointing_at("CREATE VIEW other AS SELECT * FROM events"),
        "'other' is a view: events must be a plain table",
    ),
    (
        "gpkg-layer-is-virtual-table",
        "events.gpkg",
        geopackage_pointing_at("CREATE VIRTUAL TABLE other USING rtree(id, x0, x1)"),
        "'other' is a virtual table: events must be a plain table",
    ),
    (
        "gpkg-generated-column",
        "events.gpkg",
        geopackage_pointing_at(
            "CREATE TABLE other (fid INTEGER PRIMARY KEY, geom BLOB, "
            "date TEXT, type TEXT AS (hex(zeroblob(1000000))), count INT)"
        ),
        "table 'other' has generated columns",
    ),
    (
        "gpkg-no-layer",
        "events.gpkg",
        geopackage_pointing_at("DELETE FROM gpkg_contents"),
        "expected one table of features, found none",
    ),
    (
        "parquet-nested-column",
        "events.parquet",
        lambda p: write_parquet(
            p,
            parquet_events(10).append_column("source", __import__("pyarrow").array([[1, 2]] * 10)),
        ),
        "column 'source' holds nested values",
    ),
]


@named_cases(("file", "write", "message"), EVENT_FILES)
def test_an_events_file_is_read_only_by_the_reader_its_extension_names(
    hostile, file, write, message
) -> None:
    load = load_beside_the_good_story(with_events(hostile, file, write))
    problem = reported(load.problems, file, message, where="file")
    assert "root:" not in str(problem)  # nothing of the server's files


def test_a_vrt_events_file_makes_no_request_from_the_server(hostile) -> None:
    """GDAL would fetch a /vsicurl/ URL named in a VRT: the server must request nothing."""
    import http.server
    import threading

    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"date,type,count,lon,lat\n2017-01-01,a,1,40,35\n")

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"/vsicurl/http://127.0.0.1:{server.server_port}/events.csv"
        for file in ("events.gpkg", "events.parquet", "events.csv"):
            folder = with_events(hostile, file, lambda p, u=url: p.write_bytes(vrt(u)))
            load = load_beside_the_good_story(folder)
            reported(load.problems, file, "GDAL VRT", where="file")
            shutil.rmtree(folder.parent)
    finally:
        server.shutdown()
    assert requests == []


def measured_in_a_child(stories: Path) -> dict[str, Any]:
    """Load a folder of stories in a fresh process: its problems, CPU seconds and peak memory
    (tracemalloc does not see what pyarrow, SQLite and pandas' parser allocate). The peak
    is the process's own (VmHWM): ru_maxrss would keep the forked test process's."""
    script = (
        "import json, re, sys, time\n"
        "from dashboard.reader.story import load_stories\n"
        "start = time.process_time()\n"
        "listing = load_stories(sys.argv[1])\n"
        "status = open('/proc/self/status').read()\n"
        "print(json.dumps({'seconds': time.process_time() - start,\n"
        "  'rss_mb': int(re.search(r'VmHWM:\\s+(\\d+)', status)[1]) / 1024,\n"
        "  'stories': list(listing.stories),\n"
        "  'problems': {k: [str(p) for p in v] for k, v in listing.broken.items()}}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(stories)], capture_output=True, cwd=REPO, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    return json.loads(result.stdout)


MAX_CHILD_RSS_MB = 1024
ROW_BOMBS = [
    (
        "parquet-20m-rows",
        "events.parquet",
        lambda p: write_parquet(p, parquet_events(20_000_000)),
        "more than 1,000,000 events",
    ),
    (
        "parquet-20m-geometries",
        "events.parquet",
        lambda p: write_parquet(p, parquet_events(20_000_000, geometry=True)),
        "more than 1,000,000 events",
    ),
    (
        "parquet-dictionary-text",
        "events.parquet",
        lambda p: write_parquet(p, parquet_events(1_000_000, type_value="x" * 4_000)),
        "bytes once read, more than",
    ),
    (
        "gpkg-recursive-view",
        "events.gpkg",
        geopackage_pointing_at(
            "CREATE VIEW other AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
            "LIMIT 20000000) SELECT e.* FROM n, events e"
        ),
        "is a view",
    ),
    ("csv-million-and-one-lines", "events.csv", csv_lines(1_000_001), "more than 1,000,000"),
    ("csv-lines-ending-in-cr", "events.csv", csv_lines(1_000_001, "\r"), "more than 1,000,000"),
]


@pytest.mark.heavy
@named_cases(("file", "write", "message"), ROW_BOMBS)
def test_a_row_bomb_is_refused_before_it_is_loaded(hostile, file, write, message) -> None:
    folder = with_events(hostile, file, write)
    assert folder.joinpath(file).stat().st_size < 30 * 1024 * 1024
    child = measured_in_a_child(folder.parent)
    assert child["stories"] == [GOOD]
    (problem,) = child["problems"][BAD]
    assert file in problem and message in problem and "Traceback" not in problem
    assert child["seconds"] < MAX_SECONDS, child
    assert child["rss_mb"] < MAX_CHILD_RSS_MB, child


@pytest.mark.heavy
def test_a_geopackage_of_more_rows_than_allowed_is_counted_not_loaded(hostile) -> None:
    """A plain table just over the limit: a bounded COUNT(*) refuses it."""
    import sqlite3

    def write(path: Path) -> None:
        write_geopackage(path)
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE other AS SELECT * FROM events LIMIT 0")
            connection.execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 1000001) "
                "INSERT INTO other (geom, date, type, count) "
                "SELECT (SELECT geom FROM events LIMIT 1), '2017-01-01', 'a', 1 FROM n"
            )
            for table in ("gpkg_contents", "gpkg_geometry_columns"):
                connection.execute(
                    f"UPDATE {table} SET table_name = 'other' WHERE table_name = 'events'"
                )

    load = load_beside_the_good_story(with_events(hostile, "events.gpkg", write))
    reported(load.problems, "events.gpkg", "more than 1,000,000 events", where="file")


@pytest.mark.parametrize("dates", [["2017-06-29"] * 3, ["2017-06-29T08:00", "2017-06-29T22:30"]])
def test_events_of_one_day_give_a_page_without_a_period_slider(monkeypatch, hostile, dates) -> None:
    """First date == last date: a slider has nothing to choose (Streamlit's fails)."""

    def write(path: Path) -> None:
        rows = "".join(f"{date},clash,2,39.0,35.9\n" for date in dates)
        path.write_text("date,type,count,lon,lat\n" + rows, "utf-8")

    folder = with_events(hostile, "events.csv", write)
    page = run_page(monkeypatch, stories=folder.parent, story=BAD, lang="en")
    assert not page.exception
    assert not page.slider
    assert any(c.value.startswith(f"{len(dates)} events") for c in page.caption)


# A spreadsheet's CSV


@pytest.mark.parametrize("prefix", [b"", b"\xef\xbb\xbf"], ids=["plain", "bom"])
def test_a_csv_of_events_from_a_spreadsheet_is_read(story_copy, prefix) -> None:
    """Spreadsheets write a byte-order mark before the header: still plain CSV."""
    folder = story_copy(raw_toml=events_toml("events.csv"))
    (folder / "events.csv").write_bytes(
        prefix + b"date,type,count,lon,lat\r\n2017-01-01,a,1,40,35\r\n"
    )
    assert len(load_story(folder).event_layer.frame) == 1
