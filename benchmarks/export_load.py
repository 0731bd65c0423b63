"""The HTML export: time until its features are visible in Chromium, opened from disk,
beside a minimal two-marker page built the same way (Leaflet inlined); file sizes of
every export format. Prints JSON.

    python benchmarks/export_load.py [--runs 9] [--before OLD_EXPORT.html]

`--before`: an export made by an earlier version (`python -m dashboard export ...` in a
checkout of it), timed in the same run: the ratio new / before is the change's cost.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import folium
from _common import CHROMIUM, CHROMIUM_ARGS, REPO, machine, median_ms, time_to_features
from playwright.sync_api import sync_playwright

from dashboard.reader.story import load_story
from dashboard.render.assets import inline_assets
from dashboard.render.export import FORMATS, export

STORY = REPO / "geodata" / "stories" / "is-caliphate-2017"
EXPORT_READY = """() => !!window.lagekarte &&
  document.querySelectorAll('[data-feature-id]').length === window.lagekarte.featureIds.length"""
BASELINE_READY = "() => document.querySelectorAll('path.baseline-marker').length === 2"


def baseline_page() -> str:
    folium_map = folium.Map(location=[36.2, 41.0], zoom_start=6, tiles=None)
    for lat, lon in ((36.335, 43.1189), (35.9528, 39.0079)):
        folium.CircleMarker([lat, lon], radius=6, class_name="baseline-marker").add_to(folium_map)
    inline_assets(folium_map)
    return folium_map.get_root().render()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--before", type=Path, help="an earlier version's HTML export")
    args = parser.parse_args()
    story = load_story(STORY)
    sizes = {}
    with tempfile.TemporaryDirectory() as folder:
        for fmt in FORMATS:
            started = time.perf_counter()
            content = export(story, fmt, "de")
            data = content if isinstance(content, bytes) else content.encode("utf-8")
            sizes[fmt] = {
                "bytes": len(data),
                "make_ms": round((time.perf_counter() - started) * 1000),
            }
        page = Path(folder) / "story-de.html"
        page.write_text(export(story, "html", "de"), "utf-8")
        base = Path(folder) / "baseline.html"
        base.write_text(baseline_page(), "utf-8")
        samples: dict[str, list[float]] = {"export": [], "baseline": [], "before": []}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            time_to_features(browser, page.as_uri(), EXPORT_READY)  # warm-up
            for _ in range(args.runs):
                samples["export"].append(time_to_features(browser, page.as_uri(), EXPORT_READY))
                samples["baseline"].append(time_to_features(browser, base.as_uri(), BASELINE_READY))
                if args.before:
                    samples["before"].append(
                        time_to_features(browser, args.before.resolve().as_uri(), EXPORT_READY)
                    )
            browser.close()
    export_ms, baseline_ms = median_ms(samples["export"]), median_ms(samples["baseline"])
    before = {}
    if args.before:
        before_ms = median_ms(samples["before"])
        before = {
            "before_median_ms": before_ms,
            "before_bytes": args.before.stat().st_size,
            "ratio_to_before": round(export_ms / before_ms, 2),
        }
    print(
        json.dumps(
            {
                "benchmark": "HTML export: time until features are visible (opened from disk)",
                "runs": args.runs,
                "export_median_ms": export_ms,
                "baseline_two_markers_median_ms": baseline_ms,
                "ratio": round(export_ms / baseline_ms, 2),
                **before,
                "export_sizes_de": sizes,
                "machine": machine(),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
