"""Screenshots of the dashboard and of the HTML export, for review and for the docs.

Starts the dashboard on a free loopback port, exports the first story's HTML, and writes
PNGs into this folder with Debian's Chromium (no request leaves the machine):

    python -m docs.screenshots.make_screenshots [--only NAME ...]

Each shot is one entry of SHOTS: add a `Shot` for another view (a link's query, a
viewport, what to do before the picture) and it is made with the others.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from benchmarks._common import CHROMIUM, CHROMIUM_ARGS, REPO, streamlit_server
from dashboard.reader.story import load_story
from dashboard.render.export import ExportOptions, export, export_html

OUT = Path(__file__).resolve().parent
STORY = REPO / "geodata" / "stories" / "is-caliphate-2017"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass(frozen=True)
class Shot:
    """One picture: the dashboard with `query`, or the export in an iframe of `frame`."""

    name: str
    viewport: dict[str, int]
    query: str = "?lang=de"
    frame: tuple[int, int] | None = None  # the export in an iframe of this size
    phone: bool = False
    before: Callable | None = None  # page -> None, run when the map is ready
    view: str | None = None  # the export opened on this story view


def _click(feature_id: str) -> Callable:
    def act(page) -> None:
        page.frame_locator(MAP_FRAME).locator(f"[data-feature-id='{feature_id}']").click()
        page.locator(f".lk-details-card[data-feature-id='{feature_id}']").wait_for()

    return act


def _click_in_export(page, feature_id: str) -> None:
    frame = page.frame_locator("#export")
    frame.locator(f"[data-feature-id='{feature_id}']").first.click()
    frame.locator(".lk-details:not([hidden])").wait_for()


VIEWS = ("region", "mosul-old-city", "raqqa")
SHOTS: tuple[Shot, ...] = (
    Shot("dashboard-desktop", DESKTOP),
    Shot("dashboard-desktop-raqqa", DESKTOP, before=_click("raqqa")),
    Shot("dashboard-phone", PHONE, query="?lang=en", phone=True),
    Shot("export-320x240", {"width": 400, "height": 320}, frame=(320, 240)),
    Shot("export-640x480", {"width": 720, "height": 560}, frame=(640, 480)),
    Shot("export-320x240-raqqa", {"width": 400, "height": 320}, frame=(320, 240),
         before=lambda page: _click_in_export(page, "raqqa")),
    # the named ground, the callout and the inset: page and export at the story's views
    *(Shot(f"after-page-{view}", DESKTOP, query=f"?lang=de&view={view}") for view in VIEWS),
    *(Shot(f"after-export-{view}", {"width": 1320, "height": 880}, frame=(1280, 800), view=view)
      for view in VIEWS),
    # the reader's sizes: embeds of 320 x 240 and 640 x 480, a phone, a desktop
    *(Shot(f"after-embed-{w}x{h}", {"width": w + 80, "height": h + 80}, frame=(w, h))
      for w, h in ((320, 240), (640, 480))),
    *(Shot(f"after-embed-{w}x{h}-raqqa", {"width": w + 80, "height": h + 80}, frame=(w, h),
           before=lambda page: _click_in_export(page, "raqqa"))
      for w, h in ((320, 240), (640, 480))),
    Shot("after-page-390x844", PHONE, phone=True),
    Shot("after-page-1440x900", DESKTOP),
    # every mark named below 1440 px too (Mosul's dot names al-Nuri), and the old city's
    # names inside a phone's map
    Shot("after-page-1280x800", {"width": 1280, "height": 800}),
    Shot("after-page-390x844-en", PHONE, query="?lang=en", phone=True),
    Shot("after-page-390x844-old-city-en", PHONE, query="?lang=en&view=mosul-old-city", phone=True),
)
# Print images made with the others: (name, language, view, size).
PRINTS = (
    ("after-print-region", "de", None, "default"),
    ("after-print-mosul-old-city", "de", "mosul-old-city", "default"),
    ("after-print-raqqa", "de", "raqqa", "default"),
    ("after-print-social-en", "en", None, "social"),
    ("after-print-column", "de", None, "column"),
    ("after-print-column-en", "en", None, "column"),
    ("after-print-column-raqqa", "de", "raqqa", "column"),
    ("after-print-portrait-en", "en", "raqqa", "portrait"),
    ("after-print-double", "de", None, "double"),
    ("after-print-square-en", "en", None, "square"),
    ("after-print-portrait-region", "de", None, "portrait"),
)


def _embedding_page(folder: Path, export_file: Path, size: tuple[int, int]) -> Path:
    """A page that embeds the export as a newsroom would: a fixed-size iframe."""
    width, height = size
    page = folder / f"embed-{width}x{height}.html"
    page.write_text(
        "<!DOCTYPE html><html><body style='margin:20px;background:#fff'>"
        f"<iframe id='export' src='{export_file.name}' width='{width}' height='{height}' "
        "style='border:1px solid #999' sandbox='allow-scripts'></iframe></body></html>",
        "utf-8",
    )
    return page


def _local_only(route) -> None:
    parsed = urlparse(route.request.url)
    if parsed.scheme in ("file", "data", "blob") or parsed.hostname == "127.0.0.1":
        route.continue_()
    else:
        route.abort()


def take(browser, shot: Shot, url: str, folder: Path, export_file: Path) -> Path:
    context = browser.new_context(
        viewport=shot.viewport, is_mobile=shot.phone, has_touch=shot.phone,
        device_scale_factor=2 if shot.phone else 1,
    )
    context.set_default_timeout(30_000)
    context.route("**/*", _local_only)
    page = context.new_page()
    target = OUT / f"{shot.name}.png"
    if shot.frame:
        if shot.view:
            export_file = folder / f"story-de-{shot.view}.html"
            export_file.write_text(export_html(load_story(STORY), "de", view=shot.view), "utf-8")
        page.goto(_embedding_page(folder, export_file, shot.frame).as_uri())
        frame = page.frame_locator("#export")
        frame.locator("[data-feature-id='raqqa']").wait_for(state="attached")
        if shot.before:
            shot.before(page)
        page.locator("#export").screenshot(path=str(target))
    else:
        page.goto(f"{url}/{shot.query}")
        page.frame_locator(MAP_FRAME).locator("[data-feature-id='raqqa']").wait_for()
        page.locator("[data-test-script-state=notRunning]").wait_for(state="attached")
        if shot.before:
            shot.before(page)
            page.locator("[data-test-script-state=notRunning]").wait_for(state="attached")
        page.evaluate("document.fonts.ready")
        page.screenshot(path=str(target))
    context.close()
    return target


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="names of the shots to make")
    args = parser.parse_args()
    shots = [s for s in SHOTS if not args.only or s.name in args.only]
    with (
        tempfile.TemporaryDirectory() as tmp,
        streamlit_server(REPO / "dashboard" / "ui" / "page.py") as url,
        sync_playwright() as playwright,
    ):
        folder = Path(tmp)
        export_file = folder / "story-de.html"
        export_file.write_text(export_html(load_story(STORY), "de"), "utf-8")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for shot in shots:
            print(take(browser, shot, url, folder, export_file).relative_to(REPO))
        browser.close()
    story = load_story(STORY)
    for name, lang, view, size in PRINTS:
        if not args.only or name in args.only:
            data = export(story, "png", lang, ExportOptions(view=view, size=size))
            (OUT / f"{name}.png").write_bytes(data)  # type: ignore[arg-type]
            print((OUT / f"{name}.png").relative_to(REPO))


if __name__ == "__main__":
    main()
