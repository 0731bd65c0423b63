"""Time until the map's features are visible: the dashboard vs a minimal two-marker page.

Both pages are served by Streamlit on loopback with Leaflet from the app's own static
folder, and loaded in Debian's Chromium with a fresh browser context (cold cache) each
run. Prints JSON: medians, all samples and the ratio.

    python benchmarks/dashboard_load.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json

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

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
# The dashboard is ready when every feature of the first story is drawn.
DASHBOARD_READY = """() => {
  const frame = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
  const doc = frame && frame.contentDocument;
  if (!doc || !frame.contentWindow.lagekarte) return false;
  const ids = frame.contentWindow.lagekarte.featureIds;
  const drawn = doc.querySelectorAll('[data-feature-id]');
  return ids.length > 0 && drawn.length === ids.length;
}"""
BASELINE_READY = """() => {
  const frame = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
  const doc = frame && frame.contentDocument;
  return !!doc && doc.querySelectorAll('path.baseline-marker').length === 2;
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    samples: dict[str, list[float]] = {"dashboard": [], "baseline": []}
    with (
        streamlit_server(REPO / "dashboard" / "ui" / "page.py") as dashboard_url,
        streamlit_server(REPO / "benchmarks" / "minimal_app.py") as baseline_url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # one warm-up each: the first run pays for Python imports on the server
        time_to_features(browser, dashboard_url, DASHBOARD_READY)
        time_to_features(browser, baseline_url, BASELINE_READY)
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            samples["dashboard"].append(time_to_features(browser, dashboard_url, DASHBOARD_READY))
            samples["baseline"].append(time_to_features(browser, baseline_url, BASELINE_READY))
        browser.close()
    dashboard_ms, baseline_ms = median_ms(samples["dashboard"]), median_ms(samples["baseline"])
    print(
        json.dumps(
            {
                "benchmark": "time until the map's features are visible",
                "runs": args.runs,
                "dashboard_median_ms": dashboard_ms,
                "baseline_two_markers_median_ms": baseline_ms,
                "ratio": round(dashboard_ms / baseline_ms, 2),
                "samples_ms": {k: [round(v * 1000, 1) for v in s] for k, s in samples.items()},
                "machine": machine(),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
