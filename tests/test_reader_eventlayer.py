"""Event data at scale: reading CSV, GeoPackage and GeoParquet, row-level problems, the
cell pyramid's bounded size, and filtering by date at 100,000 events."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import geopandas as gpd
import pytest

from dashboard.core.cells import MAX_CELLS_PER_LEVEL, cell_pyramid
from dashboard.core.wording import event_summary
from dashboard.reader.story import load_story, validate_story
from dashboard.render.export import export_html
from tests.synthetic_events import synthetic_events

EVENTS_TOML = (
    '[events_layer]\nfile = "{file}"\n'
    'name = {{ de = "Gemeldete Ereignisse", en = "Reported events" }}\n'
    'source = {{ de = "synthetische Testdaten", en = "synthetic test data" }}\n\n[source]'
)


@pytest.fixture
def story_with_events(story_copy):
    """A copy of the first story with an events layer written in the given format."""

    def make(count: int = 1000, fmt: str = "csv", frame=None) -> Path:
        name = {"csv": "events.csv", "gpkg": "events.gpkg", "parquet": "events.parquet"}[fmt]
        folder = story_copy(toml={"[source]": EVENTS_TOML.format(file=name)})
        table = synthetic_events(count) if frame is None else frame
        if fmt == "csv":
            table.to_csv(folder / name, index=False)
        else:
            points = gpd.GeoDataFrame(
                table.drop(columns=["lon", "lat"]),
                geometry=gpd.points_from_xy(table["lon"], table["lat"]),
                crs=4326,
            )
            if fmt == "gpkg":
                points.to_file(folder / name, driver="GPKG")
            else:
                points.to_parquet(folder / name)
        return folder

    return make


@pytest.mark.parametrize("fmt", ["csv", "gpkg", "parquet"])
def test_events_read_from_each_format(story_with_events, fmt: str) -> None:
    story = load_story(story_with_events(500, fmt))
    frame = story.event_layer.frame
    assert len(frame) == 500
    assert list(frame.columns) == ["date", "type", "count", "lon", "lat", "source"]
    expected = synthetic_events(500)
    assert frame["lon"].round(5).tolist() == expected["lon"].tolist()
    assert frame["count"].sum() == expected["count"].sum()
    assert story.event_layer.first_date >= dt.date(2014, 1, 1)


def test_bad_rows_are_named_by_row_and_field(story_with_events) -> None:
    frame = synthetic_events(20)
    frame.loc[3, "date"] = "2015-02-30"
    frame.loc[7, "lat"] = float("nan")
    frame.loc[9, "count"] = -2
    problems = [str(p) for p in validate_story(story_with_events(frame=frame))]
    assert any("events.csv: row 5: field 'date': malformed date" in p for p in problems)
    assert any("events.csv: row 9: field 'lon/lat'" in p for p in problems)
    assert any("events.csv: row 11: field 'count'" in p for p in problems)


def test_events_file_must_stay_inside_the_story_folder(story_copy) -> None:
    folder = story_copy(toml={"[source]": EVENTS_TOML.format(file="../../../etc/passwd")})
    problems = [str(p) for p in validate_story(folder)]
    assert any(
        "[events_layer]: field 'file'" in p and "outside the story folder" in p for p in problems
    )


def test_missing_columns_are_named(story_with_events) -> None:
    frame = synthetic_events(5).drop(columns=["count"])
    problems = [str(p) for p in validate_story(story_with_events(frame=frame))]
    assert any("events.csv: header: missing columns: count" in p for p in problems)


def pyramid_bytes(pyramid) -> int:
    return len(json.dumps(pyramid, separators=(",", ":")))


def test_pyramid_counts_every_event_at_every_level() -> None:
    frame = synthetic_events(5000)
    pyramid = cell_pyramid(frame)
    assert next(iter(pyramid)) == "3"
    for cells in pyramid.values():
        assert sum(cell[2] for cell in cells) == 5000
        assert sum(cell[3] for cell in cells) == frame["count"].sum()
        assert len(cells) <= MAX_CELLS_PER_LEVEL


def test_bytes_grow_far_slower_than_the_event_count() -> None:
    sizes = {n: pyramid_bytes(cell_pyramid(synthetic_events(n))) for n in (1000, 10000, 100000)}
    assert sizes[100000] < 3_000_000
    assert sizes[100000] < 3 * sizes[1000]  # 100 times the events, not 100 times the bytes


def test_filtering_100000_events_by_date(story_with_events) -> None:
    story = load_story(story_with_events(100_000))
    layer = story.event_layer
    chosen = layer.between(dt.date(2017, 6, 1), dt.date(2017, 6, 30))
    assert 0 < len(chosen) < 5000
    assert chosen["date"].min() >= layer.frame["date"].min()
    assert all(dt.date(2017, 6, 1) <= d.date() <= dt.date(2017, 6, 30) for d in chosen["date"])
    pyramid = cell_pyramid(chosen)
    assert sum(cell[2] for cell in pyramid["3"]) == len(chosen)
    assert event_summary(chosen, "de").startswith(f"{len(chosen):,}".replace(",", ".") + " ")


def test_export_carries_the_events_within_budget(story_with_events) -> None:
    page = export_html(load_story(story_with_events(100_000)), "en")
    assert len(page.encode()) < 3_000_000
    assert "Reported events" in page and "100,000 events" in page


def test_dashboard_filters_the_events_by_period(monkeypatch, story_with_events) -> None:
    from tests.test_app import run_page

    folder = story_with_events(20_000)
    page = run_page(monkeypatch, stories=folder.parent, lang="en")
    slider = page.slider(key="events-range-is-caliphate-2017")
    assert slider.value == (dt.date(2014, 1, 1), dt.date(2017, 12, 31))
    assert any(c.value.startswith("20,000 events") for c in page.caption)
    slider.set_value((dt.date(2017, 6, 1), dt.date(2017, 6, 30))).run()
    assert not page.exception
    expected = len(
        load_story(folder).event_layer.between(dt.date(2017, 6, 1), dt.date(2017, 6, 30))
    )
    assert any(c.value.startswith(f"{expected:,} events") for c in page.caption)
