"""Screenshots of the named ground in the HTML export: one-place stories in four regions
(region view), a close view far from the first story (Goma on Lake Kivu), the first
story's timeline step to Manchester and the Mosul old city.

    python -m docs.screenshots.ground_shots PREFIX     # PREFIX: before or after

Writes PREFIX-ground-*.png into this folder with Debian's Chromium; the pages are files
on disk and every request to another host is refused.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks._common import CHROMIUM, CHROMIUM_ARGS, REPO
from dashboard.reader.story import load_story
from dashboard.render.export import export_html
from tests.one_place import PLACES, one_place_story

OUT = Path(__file__).resolve().parent
SIZE = {"width": 1280, "height": 800}
REGIONS = ("valencia", "goma", "hualien", "lima")
CLOSE_UPS = ("goma",)
# The first story's timeline step to Manchester: the map at the attack's place.
MANCHESTER = (53.4881, -2.2439, 12)


def _shoot(browser, html: Path, target: Path, centre: tuple | None = None) -> None:
    page = browser.new_page(viewport=SIZE)
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(html.as_uri())
    page.wait_for_function("() => window.lagekarte && window.lagekarte.context")
    if centre:
        page.evaluate(
            "c => { lagekarte.map.setView([c[0], c[1]], c[2], {animate: false}); }", centre
        )
    page.evaluate("() => document.fonts.ready.then(() => lagekarte.context.place())")
    # Two animation frames: the names are drawn, then the locator inset.
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    page.screenshot(path=str(target))
    page.close()


def main(prefix: str) -> None:
    folder = Path(tempfile.mkdtemp())
    first = load_story(REPO / "geodata" / "stories" / "is-caliphate-2017")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for place in PLACES:
            if place.slug not in REGIONS:
                continue
            story = one_place_story(place, folder)
            html = folder / f"{place.slug}.html"
            html.write_text(export_html(story, "de", view="region"), "utf-8")
            _shoot(browser, html, OUT / f"{prefix}-ground-{place.slug}.png")
            if place.slug in CLOSE_UPS:
                html.write_text(export_html(story, "de", view="close"), "utf-8")
                _shoot(browser, html, OUT / f"{prefix}-ground-{place.slug}-close.png")
        html = folder / "first.html"
        html.write_text(export_html(first, "de"), "utf-8")
        _shoot(browser, html, OUT / f"{prefix}-ground-manchester.png", MANCHESTER)
        html = folder / "old-city.html"
        html.write_text(export_html(first, "de", view="mosul-old-city"), "utf-8")
        _shoot(browser, html, OUT / f"{prefix}-ground-mosul-old-city.png")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "after")
