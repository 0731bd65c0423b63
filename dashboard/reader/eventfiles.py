"""Reading an events file with the one reader its extension names, and nothing else.

A story folder comes from people we do not fully control, so no library may guess what a
file is: GDAL, given "events.gpkg", opens whatever the bytes say (an XML VRT that reads
server files or URLs, say). Each format here has its own reader and checks its content
first: CSV is plain CSV (pandas' C parser), GeoPackage is SQLite read with Python's
sqlite3 (tables only: no views, no virtual tables, no generated columns), Parquet is read
by pyarrow alone. Rows are counted before anything is loaded (lines of CSV, a bounded
COUNT(*) in SQLite, the Parquet footer), and the work is bounded in time and size.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import time
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

EVENT_COLUMNS = ("date", "type", "count", "lon", "lat", "source")
MAX_EVENT_ROWS = 1_000_000
MAX_EVENT_FILE_BYTES = 64 * 1024 * 1024  # 100,000 rows of CSV are about 6 MB
MAX_READ_SECONDS = 8.0  # a refusal (or a read) never takes longer than this
MAX_MATERIALIZED_BYTES = 256 * 1024 * 1024  # the columns we read, once in full
MAX_SQLITE_VALUE_BYTES = 64 * 1024  # no text or geometry of an event is longer
SQLITE_MAGIC = b"SQLite format 3\x00"
GEOPACKAGE_IDS = (b"GPKG", b"GP10", b"GP11")  # application_id at byte 68
PARQUET_MAGIC = b"PAR1"
_CHUNK = 1 << 20


class EventFileError(Exception):
    """The file cannot be read as events: the message says why, for the story's author."""


def _sniff(head: bytes) -> str | None:
    """What the first bytes of a file say it is, if they say something."""
    if head.startswith(SQLITE_MAGIC):
        return "an SQLite database"
    if head.startswith(PARQUET_MAGIC):
        return "a Parquet file"
    if head.startswith((b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"(\xb5/\xfd")):
        return "a compressed archive"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<"):
        return "XML or HTML (a GDAL VRT?)"
    if stripped.startswith((b"{", b"[")):
        return "JSON"
    return None


def read_event_table(path: Path, kind: str) -> pd.DataFrame:
    """The events of `path` as a table with the columns of EVENT_COLUMNS it has (lon and
    lat from the geometry for GeoPackage and GeoParquet). Raises EventFileError."""
    with path.open("rb") as file:
        head = file.read(100)
    found = _sniff(head)
    expected = {"csv": None, "gpkg": "an SQLite database", "parquet": "a Parquet file"}[kind]
    if found != expected:
        wanted = {"csv": "CSV text", "gpkg": "a GeoPackage", "parquet": "a Parquet file"}[kind]
        raise EventFileError(
            f"content is {found}, not {wanted}" if found else f"content is not {wanted}"
        )
    deadline = time.monotonic() + MAX_READ_SECONDS
    try:
        if kind == "csv":
            return _read_csv(path, deadline)
        if kind == "gpkg":
            if head[68:72] not in GEOPACKAGE_IDS:
                raise EventFileError("content is an SQLite database, but not a GeoPackage")
            return _read_geopackage(path, deadline)
        return _read_parquet(path)
    except EventFileError as error:  # a library's message may name the server's path
        message = str(error)
        for shown in (path.resolve().as_uri(), str(path.resolve()), str(path)):
            message = message.replace(shown, path.name)
        raise EventFileError(message) from None


def _too_many(rows: int) -> EventFileError:
    return EventFileError(f"more than {MAX_EVENT_ROWS:,} events")


# ---------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------


def _read_csv(path: Path, deadline: float) -> pd.DataFrame:
    lines = 0
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            if b"\x00" in chunk:
                raise EventFileError("content is binary (NUL bytes), not CSV text")
            # lines end in LF, CRLF or a lone CR (pandas reads all three)
            lines += chunk.count(b"\n") + chunk.count(b"\r") - chunk.count(b"\r\n")
            if time.monotonic() > deadline:
                raise EventFileError("reading took too long")
    if lines > MAX_EVENT_ROWS + 1:  # a header line and, at most, one line per event
        raise _too_many(lines)
    with path.open("r", encoding="utf-8-sig", newline="") as text:  # as pandas, BOM or not
        header = next(csv.reader(io.StringIO(text.readline())), [])
    wanted = [name for name in header if name in EVENT_COLUMNS]
    return pd.read_csv(
        path,
        encoding="utf-8",
        engine="c",
        compression=None,
        usecols=wanted,
        dtype={"type": str, "source": str},
        memory_map=False,
    )


# ---------------------------------------------------------------------------
# GeoPackage: SQLite, read with sqlite3 (never with GDAL)
# ---------------------------------------------------------------------------


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _read_geopackage(path: Path, deadline: float) -> pd.DataFrame:
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise EventFileError(f"cannot open the GeoPackage: {error}") from None
    try:
        connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_SQLITE_VALUE_BYTES)
        # SQLite calls this every 10,000 steps; a true value stops the query.
        connection.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
        connection.execute("PRAGMA trusted_schema = OFF")
        return _geopackage_events(connection)
    except sqlite3.Error as error:
        if time.monotonic() > deadline:
            raise EventFileError("reading took too long") from None
        raise EventFileError(f"cannot read the GeoPackage: {error}") from None
    finally:
        connection.close()


def _geopackage_events(connection: sqlite3.Connection) -> pd.DataFrame:
    layers = connection.execute(
        "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c "
        "JOIN gpkg_geometry_columns g ON g.table_name = c.table_name "
        "WHERE c.data_type = 'features' LIMIT 2"
    ).fetchall()
    if len(layers) != 1:
        raise EventFileError(f"expected one table of features, found {len(layers) or 'none'}")
    table, geometry_column, srs_id = layers[0]
    schema = connection.execute(
        "SELECT type, sql FROM sqlite_master WHERE name = ?", (table,)
    ).fetchone()
    if schema is None:
        raise EventFileError(f"table {table!r} is listed but missing")
    kind, sql = schema
    if kind != "table" or (sql or "").lstrip().upper().startswith("CREATE VIRTUAL"):
        what = "a view" if kind == "view" else "a virtual table" if kind == "table" else kind
        raise EventFileError(f"{table!r} is {what}: events must be a plain table")
    columns = connection.execute(f"PRAGMA table_xinfo({_quoted(table)})").fetchall()
    if any(column[6] != 0 for column in columns):  # hidden or generated columns
        raise EventFileError(f"table {table!r} has generated columns")
    names = {column[1] for column in columns}
    rows = connection.execute(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM {_quoted(table)} LIMIT {MAX_EVENT_ROWS + 1})"
    ).fetchone()[0]
    if rows > MAX_EVENT_ROWS:
        raise _too_many(rows)
    wanted = [name for name in EVENT_COLUMNS if name in names and name not in ("lon", "lat")]
    selected = ", ".join(_quoted(name) for name in [*wanted, geometry_column])
    values = connection.execute(f"SELECT {selected} FROM {_quoted(table)}").fetchall()
    frame = pd.DataFrame.from_records(values, columns=[*wanted, "__geometry"])
    points = _geopackage_geometries(frame.pop("__geometry"))
    return _with_positions(frame, points, _geopackage_crs(connection, srs_id))


def _geopackage_geometries(blobs: pd.Series) -> np.ndarray:
    """GeoPackage geometry blobs: "GP", version, flags, srs id, an envelope, then WKB."""
    envelope_bytes = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
    wkb = []
    for blob in blobs:
        if not isinstance(blob, bytes) or len(blob) < 8 or blob[:2] != b"GP":
            raise EventFileError("a geometry is not a GeoPackage geometry")
        envelope = envelope_bytes.get((blob[3] >> 1) & 0b111)
        if envelope is None:
            raise EventFileError("a geometry has an unknown envelope")
        wkb.append(blob[8 + envelope :])
    try:
        return shapely.from_wkb(wkb)
    except shapely.errors.GEOSException as error:
        raise EventFileError(f"a geometry is not valid WKB: {error}") from None


def _geopackage_crs(connection: sqlite3.Connection, srs_id: int) -> str | None:
    found = connection.execute(
        "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?",
        (srs_id,),
    ).fetchone()
    if found is None or found[0] is None or str(found[0]).upper() == "NONE":
        return None
    return f"{found[0]}:{found[1]}"


# ---------------------------------------------------------------------------
# Parquet: pyarrow alone, the row count and sizes from the footer first
# ---------------------------------------------------------------------------


def _read_parquet(path: Path) -> pd.DataFrame:
    import pyarrow as pa
    import pyarrow.parquet as pq

    with path.open("rb") as file:
        file.seek(-4, 2)
        if file.read(4) != PARQUET_MAGIC:
            raise EventFileError("content is not a complete Parquet file")
    try:
        parquet = pq.ParquetFile(path, memory_map=False)
        meta, schema = parquet.metadata, parquet.schema_arrow
        if meta.num_rows > MAX_EVENT_ROWS:
            raise _too_many(meta.num_rows)
        geo = json.loads((schema.metadata or {}).get(b"geo", b"null") or "null")
        geo = geo if isinstance(geo, dict) else {}
        geometry_column = geo.get("primary_column")
        wanted = [name for name in EVENT_COLUMNS if name in schema.names]
        if geometry_column in schema.names and not {"lon", "lat"} <= set(schema.names):
            wanted.append(geometry_column)
        for name in wanted:
            if pa.types.is_nested(schema.field(name).type):
                raise EventFileError(f"column {name!r} holds nested values")
        chunks = [
            meta.row_group(group).column(schema.get_field_index(name))
            for group in range(meta.num_row_groups)
            for name in wanted
        ]
        stored = sum(chunk.total_uncompressed_size for chunk in chunks)
        if stored > MAX_MATERIALIZED_BYTES:
            raise _too_big(stored)
        # A dictionary-encoded column stays encoded while read: a value repeated a million
        # times costs its size once, until we know what it would cost in full.
        encoded = {
            chunk.path_in_schema
            for chunk in chunks
            if any("DICTIONARY" in encoding for encoding in chunk.encodings)
        }
        text_like = [
            name for name in wanted if name in encoded and _is_text_like(schema.field(name).type)
        ]
        table = pq.ParquetFile(path, memory_map=False, read_dictionary=text_like).read(
            columns=wanted
        )
    except (pa.ArrowException, OSError, ValueError, TypeError) as error:
        raise EventFileError(f"cannot read the Parquet file: {error}") from None
    if table.num_rows > MAX_EVENT_ROWS:  # the footer lied
        raise _too_many(table.num_rows)
    size = sum(_materialized_bytes(table.column(name)) for name in wanted)
    if size > MAX_MATERIALIZED_BYTES:
        raise _too_big(size)
    frame = table.to_pandas()
    for name in text_like:
        frame[name] = frame[name].astype(object)
    if geometry_column not in wanted:
        return frame
    columns = geo.get("columns")
    column = columns.get(geometry_column, {}) if isinstance(columns, dict) else {}
    if not isinstance(column, dict) or column.get("encoding", "WKB") != "WKB":
        raise EventFileError("geometry encoding: expected WKB")
    try:
        points = shapely.from_wkb(frame.pop(geometry_column).to_numpy())
    except (shapely.errors.GEOSException, TypeError) as error:
        raise EventFileError(f"a geometry is not valid WKB: {error}") from None
    return _with_positions(frame, points, column.get("crs"))


def _too_big(size: int) -> EventFileError:
    return EventFileError(
        f"the events would take {size:,} bytes once read, more than {MAX_MATERIALIZED_BYTES:,}"
    )


def _is_text_like(kind) -> bool:
    import pyarrow as pa

    return (
        pa.types.is_string(kind)
        or pa.types.is_binary(kind)
        or pa.types.is_large_string(kind)
        or pa.types.is_large_binary(kind)
    )


def _materialized_bytes(column) -> int:
    """Bytes a column takes once its dictionary is expanded (as pandas will hold it)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    total = 0
    for chunk in column.chunks:
        if pa.types.is_dictionary(chunk.type):
            lengths = pc.binary_length(chunk.dictionary)
            total += (pc.sum(pc.take(lengths, chunk.indices)).as_py() or 0) + len(chunk) * 8
        else:
            total += chunk.nbytes
    return total


# ---------------------------------------------------------------------------
# Both geometry formats: points to lon and lat
# ---------------------------------------------------------------------------


def _with_positions(
    frame: pd.DataFrame, points: np.ndarray, crs: str | dict | None
) -> pd.DataFrame:
    if len(points) and not (shapely.get_type_id(points) == 0).all():
        raise EventFileError("every geometry must be a Point")
    lon, lat = shapely.get_x(points), shapely.get_y(points)
    if crs is not None:
        from pyproj import CRS, Transformer

        try:
            source = CRS.from_user_input(crs)
        except Exception as error:  # pyproj's CRSError and its parsing errors
            raise EventFileError(f"unknown coordinate system: {error}") from None
        if not source.equals(CRS.from_epsg(4326), ignore_axis_order=True):
            transformer = Transformer.from_crs(source, 4326, always_xy=True)
            lon, lat = transformer.transform(lon, lat)
    frame["lon"], frame["lat"] = lon, lat
    return frame
