"""reader/eventfiles.py: an events file read by the reader its extension names (CSV,
GeoPackage, GeoParquet), its content checked before any library opens it."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pytest

from dashboard.reader.eventfiles import EventFileError, read_event_table

# Aftershocks off the coast of Tōhoku, made up.
CSV = (
    "date,type,count,lon,lat\n"
    "2011-03-11,quake,1,142.37,38.30\n"
    "2011-03-12,aftershock,3,141.90,37.40\n"
)


def test_a_csv_of_events_is_read(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text(CSV, "utf-8")
    table = read_event_table(path, "csv")
    assert list(table["type"]) == ["quake", "aftershock"]
    assert list(table["lon"]) == [142.37, 141.90]


def test_a_geopackage_gives_lon_and_lat_from_its_points(tmp_path: Path) -> None:
    path = tmp_path / "events.gpkg"
    frame = gpd.GeoDataFrame(
        {"date": ["2011-03-11"], "type": ["quake"], "count": [1]},
        geometry=gpd.points_from_xy([142.37], [38.30]),
        crs=4326,
    )
    frame.to_file(path, driver="GPKG", layer="events")
    table = read_event_table(path, "gpkg")
    assert (table["lon"][0], table["lat"][0]) == pytest.approx((142.37, 38.30))


def test_a_file_whose_content_is_not_its_kind_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "events.gpkg"
    path.write_text(CSV, "utf-8")
    with pytest.raises(EventFileError, match="not a GeoPackage"):
        read_event_table(path, "gpkg")
    parquet = tmp_path / "events.parquet"
    parquet.write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 40)
    with pytest.raises(EventFileError, match="not a Parquet file"):
        read_event_table(parquet, "parquet")
