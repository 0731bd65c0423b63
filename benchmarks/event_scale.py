"""Event data at scale: size and time against the number of events.

For 1,000, 10,000 and 100,000 synthetic events (a copy of the first story with an
events layer, in a temporary folder): the HTML export's size and time until its features
and event cells are visible in Chromium; the dashboard's bytes received by the browser
until the map is ready and its time to features and cells; the time to filter the
events by a period and rebuild the cells. Medians of --runs; prints JSON.

    python benchmarks/event_scale.py [--runs 5] [--counts 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from _common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    machine,
    median_ms,
    streamlit_server,
    time_to_features,
)
from playwright.sync_api import sync_playwright

from dashboard.core.cells import cell_pyramid
from dashboard.reader.story import load_story
from dashboard.render.export import export_html
from tests.synthetic_events import synthetic_events

FIRST_STORY = REPO / "geodata" / "stories" / "is-caliphate-2017"
EVENTS_TOML = (
    '[events_layer]\nfile = "events.csv"\n'
    'name = { de = "Gemeldete Ereignisse", en = "Reported events" }\n'
    'source = { de = "synthetische Testdaten", en = "synthetic test data" }\n\n[source]'
)
EXPORT_READY = """() => !!window.lagekarte && lagekarte.eventCellCount() > 0 &&
  document.querySelectorAll('[data-feature-id]').length === lagekarte.featureIds.length"""
DASHBOARD_READY = """() => {
  const frame = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
  const w = frame && frame.contentWindow;
  if (!w || !w.lagekarte) return false;
  const drawn = frame.contentDocument.querySelectorAll('[data-feature-id]').length;
  return w.lagekarte.eventCellCount() > 0 && drawn === w.lagekarte.featureIds.length;
}"""


def make_story(root: Path, count: int) -> Path:
    folder = root / "is-caliphate-2017"
    shutil.copytree(FIRST_STORY, folder)
    toml = (folder / "story.toml").read_text("utf-8").replace("[source]", EVENTS_TOML, 1)
    (folder / "story.toml").write_text(toml, "utf-8")
    synthetic_events(count).to_csv(folder / "events.csv", index=False)
    return folder


def dashboard_load(browser, url: str) -> tuple[float, int]:
    """Seconds until features and cells are visible; bytes the page received meanwhile."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    received: list[int] = []
    page.on(
        "websocket",
        lambda ws: ws.on("framereceived", lambda payload: received.append(len(payload))),
    )
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_function(DASHBOARD_READY, timeout=60_000, polling="raf")
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed, sum(received)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    curve = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for count in args.counts:
            with tempfile.TemporaryDirectory() as temp:
                stories = Path(temp) / "stories"
                folder = make_story(stories, count)
                started = time.perf_counter()
                story = load_story(folder)
                load_ms = (time.perf_counter() - started) * 1000
                filter_samples = []
                for _ in range(args.runs):
                    started = time.perf_counter()
                    cell_pyramid(
                        story.event_layer.between(dt.date(2017, 6, 1), dt.date(2017, 6, 30))
                    )
                    filter_samples.append(time.perf_counter() - started)
                page = Path(temp) / "export.html"
                page.write_text(export_html(story, "de"), "utf-8")
                time_to_features(browser, page.as_uri(), EXPORT_READY)  # warm-up
                export_samples = [
                    time_to_features(browser, page.as_uri(), EXPORT_READY) for _ in range(args.runs)
                ]
                with streamlit_server(
                    REPO / "dashboard" / "ui" / "page.py", env={"LAGEKARTE_STORIES": str(stories)}
                ) as url:
                    dashboard_load(browser, url)  # warm-up: the server reads and caches
                    loads = [dashboard_load(browser, url) for _ in range(args.runs)]
                curve.append(
                    {
                        "events": count,
                        "story_load_ms": round(load_ms),
                        "filter_one_month_ms": median_ms(filter_samples),
                        "export_bytes": page.stat().st_size,
                        "export_features_visible_ms": median_ms(export_samples),
                        "dashboard_features_visible_ms": median_ms([t for t, _ in loads]),
                        "dashboard_bytes_received": int(statistics.median([b for _, b in loads])),
                    }
                )
        browser.close()
    print(
        json.dumps(
            {
                "benchmark": "event data at scale",
                "runs": args.runs,
                "curve": curve,
                "machine": machine(),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
