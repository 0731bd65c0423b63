"""Work that must stay near-linear in a story's size: time (and peak memory) of

- the HTML export of a story with 4,900 labelled places (label spacing by zoom), and
- the PNG of a story with five lines of 90,000 vertices each (clipping, simplifying).

Each case runs in its own process, so its peak memory is its own. Synthetic data added
to a temporary copy of the first story: places in Peru (far from the story's region);
lines in the story's view and one far outside it, so clipping and drawing both work.
Prints JSON; exits 1 when a case is over its bound.

    python benchmarks/bounded_work.py [--places 4900] [--lines 5] [--vertices 90000]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import REPO, machine
from shapely.geometry import LineString

from dashboard.core.model import Feature, Source, Story, Text
from dashboard.reader.story import load_story
from dashboard.render.export import export
from dashboard.render.print.static_map import render_image

FIRST_STORY = REPO / "geodata" / "stories" / "is-caliphate-2017"
BOUNDS = {"html": (10.0, None), "png": (5.0, 1024.0)}  # seconds, MB


def place_feature(index: int, lon: float, lat: float) -> dict:
    name = f"Ort {index}"
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]},
        "properties": {
            "id": f"place-{index}",
            "kind": "place",
            "labelled": True,
            "distant": True,
            "name_de": name,
            "name_en": f"Place {index}",
            "note_de": "Synthetischer Ort.",
            "note_en": "Synthetic place.",
            "sources": [{"kind": "editorial", "note": {"de": "Testdaten", "en": "test data"}}],
        },
    }


def random_walk(
    rng: random.Random, vertices: int, start: tuple[float, float], step: float
) -> list[tuple[float, float]]:
    """A wandering line: the worst case for Douglas-Peucker, which a river or a front
    line digitised every few metres comes close to."""
    lon, lat = start
    heading = rng.uniform(0, 2 * math.pi)
    coordinates = []
    for _ in range(vertices):
        heading += rng.gauss(0, 0.6)
        lon += step * math.cos(heading)
        lat += step * math.sin(heading)
        coordinates.append((lon, lat))
    return coordinates


def make_story(root: Path, extra: list[dict]) -> Path:
    folder = root / "is-caliphate-2017"
    shutil.copytree(FIRST_STORY, folder)
    path = folder / "features.geojson"
    collection = json.loads(path.read_text("utf-8"))
    collection["features"] += extra
    path.write_text(json.dumps(collection, ensure_ascii=False), "utf-8")
    return folder


def with_lines(story: Story, walks: list[list[tuple[float, float]]]) -> Story:
    """The story with the lines added in memory: five such lines are more than a story
    file may hold (8 MB), yet a story built in code (an event layer, a draft) can."""
    editorial = Source("editorial", note=Text("Testdaten", "test data"))
    lines = tuple(
        Feature(
            f"line-{i}",
            "line",
            LineString(walk),
            Text(f"Linie {i}", f"Line {i}"),
            Text("Synthetische Linie.", "Synthetic line."),
            (editorial,),
        )
        for i, walk in enumerate(walks)
    )
    return dataclasses.replace(story, features=story.features + lines)


def run_case(case: str, folder: Path, lines: int, vertices: int) -> None:
    """In the child: load, make the first story's output once (the process's first read
    of the world-wide ground, about 2 s, is timed apart), then time the work alone."""
    plain = load_story(FIRST_STORY)
    started = time.perf_counter()
    export(plain, "html", "de") if case == "html" else render_image(plain, "de", "png")
    first_ground_read = time.perf_counter() - started
    story = load_story(folder)
    if case == "png":
        rng = random.Random(19)
        # over the story's region view: wandering lines and a zigzag (the worst case of
        # Douglas-Peucker); one line far outside the view
        walks = [
            random_walk(rng, vertices, (36.5 + 1.5 * i, 35.2 + 0.5 * i), 0.0004)
            for i in range(lines - 2)
        ]
        walks.append([(36.5 + 6.0 * i / vertices, 36.0 + 0.03 * (i % 2)) for i in range(vertices)])
        walks.append(random_walk(rng, vertices, (-75.0, -9.0), 0.0004))
        story = with_lines(story, walks[:lines])
    started = time.perf_counter()
    out = export(story, "html", "de") if case == "html" else render_image(story, "de", "png")
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "seconds": round(seconds, 2),
                "peak_mb": round(peak_mb),
                "bytes": len(out),
                "first_story_cold_s": round(first_ground_read, 2),
            }
        )
    )


def measure(case: str, folder: Path, lines: int, vertices: int) -> dict:
    child = subprocess.run(
        [sys.executable, __file__, "--child", case, str(folder), str(lines), str(vertices)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if child.returncode != 0:
        raise SystemExit(f"{case} failed:\n{child.stderr[-3000:]}")
    return json.loads(child.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--places", type=int, default=4900)
    parser.add_argument("--lines", type=int, default=5)
    parser.add_argument("--vertices", type=int, default=90_000)
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        case, folder, lines, vertices = args.child
        run_case(case, Path(folder), int(lines), int(vertices))
        return 0
    rng = random.Random(19)
    places = [
        place_feature(i, rng.uniform(-81.0, -69.0), rng.uniform(-18.0, -1.0))
        for i in range(args.places)
    ]
    results: dict[str, object] = {"machine": machine()}
    with tempfile.TemporaryDirectory() as root:
        html = make_story(Path(root) / "html", places)
        first = make_story(Path(root) / "png", [])
        sizes = (args.lines, args.vertices)
        results["html_export"] = {"places": args.places, **measure("html", html, *sizes)}
        results["png_heavy_lines"] = {
            "lines": args.lines,
            "vertices_each": args.vertices,
            **measure("png", first, *sizes),
        }
    over = []
    for key, case in (("html_export", "html"), ("png_heavy_lines", "png")):
        seconds, megabytes = BOUNDS[case]
        got = results[key]
        if got["seconds"] > seconds or (megabytes and got["peak_mb"] > megabytes):  # type: ignore[index]
            over.append(key)
    results["over_bound"] = over
    print(json.dumps(results, indent=2))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
