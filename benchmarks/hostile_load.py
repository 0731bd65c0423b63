"""Hostile stories: print images of heavy stories, and refusing events files made to
explode, each beside the first story in the same run (ratios, not absolute times).
Prints JSON.

    python benchmarks/hostile_load.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from _common import REPO, machine, median_ms

from dashboard.reader.story import load_stories, load_story
from dashboard.render.print.static_map import render_image
from tests.synthetic_events import synthetic_events

STORY = REPO / "geodata" / "stories" / "is-caliphate-2017"
EVENTS = (
    '[events_layer]\nfile = "{file}"\nname = {{ de = "E", en = "E" }}\nsource = "x"\n\n[source]'
)


def copy(root: Path, slug: str, features: list[dict] | None = None, events: str = "") -> Path:
    folder = root / slug / STORY.name
    shutil.copytree(STORY, folder)
    if features:
        data = json.loads((folder / "features.geojson").read_text("utf-8"))
        data["features"] += features
        (folder / "features.geojson").write_text(json.dumps(data, separators=(",", ":")), "utf-8")
    if events:
        toml = (folder / "story.toml").read_text("utf-8")
        (folder / "story.toml").write_text(toml.replace("[source]", events, 1), "utf-8")
    return folder


def feature(i: int, kind: str, geometry: dict) -> dict:
    texts = {"name_de": f"Ort {i}", "name_en": f"Place {i}", "note_de": "x", "note_en": "x"}
    properties = {"id": f"{kind}-{i}", "kind": kind, "labelled": kind == "place", "source": "x"}
    return {"type": "Feature", "geometry": geometry, "properties": {**properties, **texts}}


def places(count: int) -> list[dict]:
    return [
        feature(
            i,
            "place",
            {
                "type": "Point",
                "coordinates": [
                    35.5 + (i * 7919) % 1000 / 1000 * 6,
                    34 + (i * 104_729) % 997 / 997 * 3,
                ],
            },
        )
        for i in range(count)
    ]


def zigzags(lines: int, vertices: int) -> list[dict]:
    return [
        feature(
            i,
            "line",
            {"type": "LineString", "coordinates": [[36 + i, 34], [43 - i, 37]] * (vertices // 2)},
        )
        for i in range(lines)
    ]


def parquet_bomb(path: Path) -> None:
    rows = 20_000_000
    zeros = np.zeros(rows, np.int32)
    pq.write_table(
        pa.table(
            {
                "date": pa.DictionaryArray.from_arrays(zeros, ["2017-01-01"]),
                "type": pa.DictionaryArray.from_arrays(zeros, ["clash"]),
                "count": pa.array(np.ones(rows, np.int64)),
                "lon": pa.array(np.full(rows, 40.0)),
                "lat": pa.array(np.full(rows, 35.0)),
            }
        ),
        path,
        compression="zstd",
    )


def view_bomb(path: Path) -> None:
    import geopandas as gpd

    table = synthetic_events(10)
    gpd.GeoDataFrame(
        table.drop(columns=["lon", "lat"]),
        geometry=gpd.points_from_xy(table["lon"], table["lat"]),
        crs=4326,
    ).to_file(path, driver="GPKG", layer="events")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "CREATE VIEW other AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
            "FROM n LIMIT 20000000) SELECT e.* FROM n, events e"
        )
        for table_name in ("gpkg_contents", "gpkg_geometry_columns"):
            connection.execute(f"UPDATE {table_name} SET table_name = 'other'")


def timed(runs: int, work: Callable[[], object]) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return median_ms(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        root = Path(name)
        baseline = load_story(copy(root, "first"))
        heavy = {
            "4900_labelled_places": load_story(copy(root, "places", places(4_900))),
            "5_zigzags_of_200k_vertices": load_story(copy(root, "zigzag", zigzags(5, 199_998))),
        }
        png_ms = timed(args.runs, lambda: render_image(baseline, "de", "png"))
        images = {
            case: {
                "png_ms": (ms := timed(args.runs, lambda s=story: render_image(s, "de", "png"))),
                "ratio_to_first_story": round(ms / png_ms, 1),
            }
            for case, story in heavy.items()
        }
        copy(root, "csv", events=EVENTS.format(file="events.csv"))
        synthetic_events(100_000).to_csv(root / "csv" / STORY.name / "events.csv", index=False)
        parquet_bomb(
            copy(root, "parquet-bomb", events=EVENTS.format(file="e.parquet")) / "e.parquet"
        )
        view_bomb(copy(root, "view-bomb", events=EVENTS.format(file="e.gpkg")) / "e.gpkg")
        load_ms = timed(args.runs, lambda: load_stories(root / "first"))
        loads = {}
        for case in ("csv", "parquet-bomb", "view-bomb"):
            ms = timed(args.runs, lambda c=case: load_stories(root / c))
            listing = load_stories(root / case)
            loads[case] = {
                "load_ms": ms,
                "ratio_to_first_story": round(ms / load_ms, 1),
                "refused": bool(listing.broken),
            }
    print(
        json.dumps(
            {
                "machine": machine(),
                "runs": args.runs,
                "first_story": {"png_ms": png_ms, "load_ms": load_ms},
                "print_images": images,
                "events_files": loads,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
