"""Many readers at once: N sessions open the dashboard, click features, step the timeline.

One dashboard server on loopback; one Chromium with one browser context per reader
(Playwright's async API), or with `--one-context` one context for all, whose pages
share `--renderers K` renderer processes (else Chromium starts one per reader, and 50
of them starve a small machine). After one warm-up session (the first run pays for
imports), the readers come: all at the same moment (`--arrival-s 0`: all load, then all
click), or spread evenly over `--arrival-s` seconds, each loading, clicking and stepping
as it comes. Every reader waits until every feature is drawn, then clicks markers,
alternating raqqa, mosul and al-nuri-mosque (the map is zoomed in for the mosque, whose
marker lies under Mosul's at the first view, and set back for the others), each time
until the page's side panel shows that feature's details card; then opens the timeline
and steps once. Click times
are taken in the browser: to the map's own card, to the side panel's, and to the first
of the two. Every request to a host other than 127.0.0.1 is blocked and reported; page
errors, console errors and failed steps are counted. Memory per session is the growth
of the server process's resident memory (RSS) from before the readers came until all
had loaded (readers all at once), and until all were done, divided by the number of
readers.

The same readers then do the same against the baseline (`--baseline`, on by default): the
smallest Streamlit page that answers a click on the same map with a details card
(`benchmarks/minimal_click_app.py`, no timeline), so that the ratios compare pages
measured in one run on the same machine load. Prints JSON.

    python benchmarks/many_readers.py [--readers 20] [--clicks 3] [--no-baseline]
        [--arrival-s 0] [--renderers 0] [--one-context] [--load-timeout 120] [--timeout 300]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import time
from urllib.parse import urlparse

from _common import (
    AWAIT_CARD,
    CARD_AT,
    CARD_SHOWN,
    CHROMIUM,
    CHROMIUM_ARGS,
    LAST_CLICK,
    MAP_CARD,
    PANEL_CARD,
    REPO,
    WATCH_CLICKS,
    cpu_s,
    machine,
    percentile_ms,
    rss_mb,
    streamlit_process,
)
from dashboard_load import DASHBOARD_READY, MAP_FRAME
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeoutError
from playwright.async_api import async_playwright

APP = REPO / "dashboard" / "ui" / "page.py"
BASELINE_APP = REPO / "benchmarks" / "minimal_click_app.py"
QUERY = "/?lang=de"
CLICK_FEATURES = ("raqqa", "mosul", "al-nuri-mosque")
LOAD_TIMEOUT_MS = 120_000  # 20 pages on a small machine: generous, but bounded
STEP_TIMEOUT_MS = 60_000
POLL_MS = 50
VIEWPORT = {"width": 1280, "height": 900}
TIMELINE_TAB = "Chronik"  # the page in German (QUERY)
LATER = "Später"
# At the first view the mosque's marker lies under Mosul's: a reader zooms in to click it.
ZOOM_TO = {"al-nuri-mosque": 15}
SET_VIEW = """([id, zoom, home]) => {
  const map = lagekarte.map;
  if (zoom) map.setView(lagekarte.layerOf(id).getLatLng(), zoom, {animate: false});
  else map.setView(home.center, home.zoom, {animate: false});
}"""


class Reader:
    """One reader's browser context and what happened in it."""

    def __init__(self, index: int, load_timeout_ms: int = LOAD_TIMEOUT_MS) -> None:
        self.index = index
        self.load_timeout_ms = load_timeout_ms
        self.errors: list[str] = []  # page errors, console errors, failed steps
        self.foreign: list[str] = []
        self.load_s: float | None = None
        self.clicks_s: list[float] = []  # to the first details drawn: map card or panel
        self.map_card_s: list[float] = []
        self.panel_s: list[float] = []
        self.steps_s: list[float] = []
        self.page = None
        self.ready = False
        # after the map was ready: map frames detached or navigated, websockets closed
        self.map_reloads: list[str] = []
        self.websocket_closes = 0
        self.websocket_opens = 0

    async def _route(self, route) -> None:
        url = route.request.url
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob") or parsed.hostname == "127.0.0.1":
            await route.continue_()
        else:
            self.foreign.append(url)
            await route.abort()

    def _frame_event(self, kind: str, frame) -> None:
        if self.ready and "streamlit_folium" in frame.url:
            self.map_reloads.append(f"{kind} at {time.strftime('%H:%M:%S')}")

    def _websocket(self, ws) -> None:
        self.websocket_opens += 1
        ws.on("close", self._websocket_closed)

    def _websocket_closed(self, _ws) -> None:
        self.websocket_closes += 1

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"reader {self.index} console: {message.text}")

    async def open(self, browser, url: str, shared=None) -> None:
        """Load the page: in a browser context of its own (cold cache), or in `shared`."""
        context = shared or await browser.new_context(viewport=VIEWPORT)
        page = self.page = await context.new_page()
        page.set_default_timeout(STEP_TIMEOUT_MS)
        await page.route("**/*", self._route)
        page.on("pageerror", lambda error: self.errors.append(f"reader {self.index}: {error}"))
        page.on("console", self._console)
        page.on("framenavigated", lambda frame: self._frame_event("navigated", frame))
        page.on("framedetached", lambda frame: self._frame_event("detached", frame))
        page.on("websocket", self._websocket)
        start = time.perf_counter()
        await page.goto(url + QUERY, timeout=self.load_timeout_ms)
        await page.wait_for_function(DASHBOARD_READY, timeout=self.load_timeout_ms, polling=POLL_MS)
        self.load_s = time.perf_counter() - start
        await self.idle()
        self.ready = True

    async def idle(self) -> None:
        """Wait until the page's script run has finished."""
        await self.page.locator("[data-test-script-state=notRunning]").wait_for(state="attached")

    async def click(self, count: int) -> None:
        page = self.page
        frame = next(f for f in page.frames if "streamlit_folium" in f.url)
        map_locator = page.frame_locator(MAP_FRAME)
        await frame.evaluate(WATCH_CLICKS)
        home = await frame.evaluate(
            "() => ({center: lagekarte.map.getCenter(), zoom: lagekarte.map.getZoom()})"
        )
        for i in range(count):
            feature = CLICK_FEATURES[i % len(CLICK_FEATURES)]
            await frame.evaluate(SET_VIEW, [feature, ZOOM_TO.get(feature), home])
            # the map's own card would cover markers: close it, as a reader would
            close = map_locator.locator(".lk-details:not([hidden]) .lk-close")
            if await close.count():
                await close.click()
            if not await page.evaluate(AWAIT_CARD, ["panel", PANEL_CARD.format(feature)]):
                raise RuntimeError(f"details card for {feature} shown before the click")
            await frame.evaluate(AWAIT_CARD, ["map", MAP_CARD.format(feature)])
            await map_locator.locator(f"[data-feature-id='{feature}']").click()
            try:
                await page.wait_for_function(
                    CARD_SHOWN, arg="panel", timeout=STEP_TIMEOUT_MS, polling=POLL_MS
                )
            except PlaywrightTimeoutError:
                raise RuntimeError(
                    f"click {i + 1} on {feature}: no details card within "
                    f"{STEP_TIMEOUT_MS} ms; {await self.describe(frame)}"
                ) from None
            clicked_at = await frame.evaluate(LAST_CLICK)
            self.panel_s.append((await page.evaluate(CARD_AT, "panel") - clicked_at) / 1000)
            first = self.panel_s[-1]
            if await frame.evaluate(CARD_SHOWN, "map"):  # drawn before the panel's, if at all
                self.map_card_s.append((await frame.evaluate(CARD_AT, "map") - clicked_at) / 1000)
                first = min(first, self.map_card_s[-1])
            self.clicks_s.append(first)
            await self.idle()  # this reader's rerun has finished before its next click

    async def timeline(self) -> None:
        """Open the timeline and step once: the seconds from the step's click until the
        step's card is drawn. A page without a timeline (the baseline) has nothing to do."""
        page = self.page
        tab = page.get_by_role("tab", name=TIMELINE_TAB)
        if not await tab.count():
            return
        await tab.click()
        later = page.get_by_role("button", name=re.compile(LATER))
        await later.wait_for()
        await self.idle()
        shown = await page.locator("[data-event-id]").get_attribute("data-event-id")
        start = time.perf_counter()
        await later.click()
        await page.wait_for_function(
            "(id) => { const c = document.querySelector('[data-event-id]');"
            " return c && c.getAttribute('data-event-id') !== id; }",
            arg=shown,
            timeout=STEP_TIMEOUT_MS,
            polling=POLL_MS,
        )
        self.steps_s.append(time.perf_counter() - start)
        await self.idle()

    async def visit(self, browser, url: str, clicks: int, shared=None) -> None:
        """One reader from arrival to the end: load, click, step the timeline."""
        await self.step("load", self.open(browser, url, shared))
        if self.load_s is not None:
            await self.step("clicks", self.click(clicks))
            await self.step("timeline", self.timeline())

    async def describe(self, frame) -> str:
        """What the page shows, for a report of a failed step."""
        page = self.page
        cards = await page.evaluate(
            "() => [...document.querySelectorAll('.lk-details-card')].map(c => c.dataset.featureId)"
        )
        state = await page.evaluate(
            "() => document.querySelector('[data-test-script-state]')"
            "?.getAttribute('data-test-script-state')"
        )
        try:
            panel = await frame.evaluate(
                "() => { const p = document.querySelector('.lk-details');"
                " return p && !p.hidden ? p.querySelector('h2')?.textContent : null; }"
            )
        except PlaywrightError as error:
            panel = f"({str(error).splitlines()[0]})"
        query = urlparse(page.url).query
        return (
            f"url query {query!r}, page cards {cards}, script {state}, map panel {panel!r}, "
            f"map frame events since ready {self.map_reloads}, websockets opened "
            f"{self.websocket_opens} closed {self.websocket_closes}"
        )

    async def step(self, name: str, coroutine) -> None:
        try:
            await coroutine
        except Exception as error:  # a failed reader is a result, not a crash
            first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
            self.errors.append(f"reader {self.index} {name}: {first_line}")


async def sample_rss(pid: int, peak: list[float]) -> None:
    while True:
        peak[0] = max(peak[0], rss_mb(pid))
        await asyncio.sleep(0.2)


async def run(browser, url: str, pid: int, args, out: dict) -> None:
    warm = Reader(-1)
    await warm.open(browser, url)
    await warm.page.context.close()
    await asyncio.sleep(1)
    out["server_rss_before_mb"] = rss_mb(pid)
    peak = [out["server_rss_before_mb"]]
    sampler = asyncio.create_task(sample_rss(pid, peak))
    readers = out["readers"] = [Reader(i, args.load_timeout * 1000) for i in range(args.sessions)]
    # one context for all: Chromium can then give its pages a few renderer processes
    # (a context never shares one with another), and they share one cache
    shared = await browser.new_context(viewport=VIEWPORT) if args.one_context else None
    start, cpu = time.perf_counter(), cpu_s(pid)

    if args.arrival_s:
        # readers spread over the arrival window, each doing all it does when it comes
        async def visit(reader: Reader) -> None:
            await asyncio.sleep(args.arrival_s * reader.index / max(1, args.sessions))
            await reader.visit(browser, url, args.clicks, shared)

        await asyncio.gather(*(visit(r) for r in readers))
        out["all_done_s"] = round(time.perf_counter() - start, 2)
        out["server_cpu_s_during_visits"] = round(cpu_s(pid) - cpu, 2)
    else:  # all at the same moment: all load, then all click and step
        await asyncio.gather(*(r.step("load", r.open(browser, url, shared)) for r in readers))
        out["all_loaded_s"] = round(time.perf_counter() - start, 2)
        out["server_cpu_s_during_load"] = round(cpu_s(pid) - cpu, 2)
        out["server_rss_after_load_mb"] = rss_mb(pid)
        loaded = [r for r in readers if r.load_s is not None]
        start, cpu = time.perf_counter(), cpu_s(pid)

        async def use(reader: Reader) -> None:
            await reader.step("clicks", reader.click(args.clicks))
            await reader.step("timeline", reader.timeline())

        await asyncio.gather(*(use(r) for r in loaded))
        out["all_clicked_s"] = round(time.perf_counter() - start, 2)
        out["server_cpu_s_during_clicks"] = round(cpu_s(pid) - cpu, 2)
    await asyncio.sleep(1)
    out["server_rss_after_mb"] = rss_mb(pid)
    sampler.cancel()
    out["server_rss_peak_mb"] = peak[0]


async def bounded(url: str, pid: int, args, out: dict) -> None:
    async with async_playwright() as playwright:
        # Chromium starts a renderer process per reader unless told to share a few: 50 of
        # them on a small machine starve each other (and the server) of CPU and memory
        limit = [f"--renderer-process-limit={args.renderers}"] if args.renderers else []
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *limit]
        )
        try:
            await asyncio.wait_for(run(browser, url, pid, args, out), args.timeout)
        except TimeoutError:
            out["timed_out"] = True
        finally:
            await browser.close()


def measure(app, args) -> dict:
    """One server of `app`, the readers against it; what happened, as a dict."""
    out: dict = {"timed_out": False, "readers": []}
    with streamlit_process(app) as (url, process):
        asyncio.run(bounded(url, process.pid, args, out))
    readers: list[Reader] = out.pop("readers")
    clicks = [s for r in readers for s in r.clicks_s]
    map_cards = [s for r in readers for s in r.map_card_s]
    panels = [s for r in readers for s in r.panel_s]
    steps = [s for r in readers for s in r.steps_s]
    loads = [r.load_s for r in readers if r.load_s is not None]
    errors = [e for r in readers for e in r.errors]
    foreign = [u for r in readers for u in r.foreign]
    grown = {
        f"after_{when}": round(
            (out[f"server_rss_after_{key}mb"] - out["server_rss_before_mb"]) / args.sessions, 2
        )
        for when, key in (("load", "load_"), ("clicks", ""))
        if f"server_rss_after_{key}mb" in out and "server_rss_before_mb" in out
    }
    return {
        "app": str(app.relative_to(REPO)),
        "sessions": args.sessions,
        "arrival_s": args.arrival_s,
        "sessions_loaded": len(loads),
        "sessions_all_clicks_done": sum(len(r.clicks_s) == args.clicks for r in readers),
        "sessions_stepped_timeline": sum(bool(r.steps_s) for r in readers),
        "renderer_process_limit": args.renderers or None,
        "one_browser_context": args.one_context,
        "clicks_per_session": args.clicks,
        "clicks_timed": len(clicks),
        "click_to_details_ms": {
            **spread(clicks),
            "note": "in the browser: click event in the map frame until the first animation "
            "frame after the feature's details entered the DOM, in the map's own card "
            "(.lk-details) or the page's side panel (.lk-details-card), whichever first; "
            f"features {CLICK_FEATURES}",
        },
        "click_to_map_card_ms": spread(map_cards),
        "click_to_side_panel_ms": spread(panels),
        "timeline_step_to_card_ms": {
            **spread(steps),
            "note": "seen from this script: the 'later' button clicked until the next "
            "step's card is in the page (not in a page without a timeline)",
        },
        "load_until_map_ready_ms": {
            "p50": percentile_ms(loads, 50) if loads else None,
            "p95": percentile_ms(loads, 95) if loads else None,
            "max": round(max(loads) * 1000, 1) if loads else None,
        },
        "server_mb_per_session": grown,
        "map_frame_reloads_after_ready": sum(len(r.map_reloads) for r in readers),
        "websocket_reconnects": sum(max(0, r.websocket_opens - 1) for r in readers),
        "errors": len(errors),
        "error_messages": errors[:20],
        "requests_not_to_loopback": len(foreign),
        "foreign_urls": foreign[:20],
        **out,
    }


def spread(samples: list[float]) -> dict[str, float | int | None]:
    return {
        "n": len(samples),
        "p50": percentile_ms(samples, 50) if samples else None,
        "p95": percentile_ms(samples, 95) if samples else None,
        "max": round(max(samples) * 1000, 1) if samples else None,
    }


def ratio(result: dict, baseline: dict, *keys: str) -> float | None:
    ours, theirs = result, baseline
    for key in keys:
        ours, theirs = ours[key], theirs[key]
    return round(ours / theirs, 3) if ours and theirs else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", "--sessions", dest="sessions", type=int, default=20)
    parser.add_argument("--clicks", type=int, default=3)
    parser.add_argument(
        "--arrival-s",
        type=float,
        default=0,
        help="readers arrive spread over this many seconds (default: all at once)",
    )
    parser.add_argument(
        "--load-timeout", type=int, default=LOAD_TIMEOUT_MS // 1000, help="seconds per page load"
    )
    parser.add_argument(
        "--renderers",
        type=int,
        default=0,
        help="at most this many Chromium renderer processes shared by all readers "
        "(default: Chromium's own choice, about one per reader)",
    )
    parser.add_argument(
        "--one-context",
        action="store_true",
        help="all readers' pages in one browser context (one cache, cookies shared; "
        "Streamlit sessions stay one per page), so that --renderers can share processes",
    )
    parser.add_argument("--timeout", type=int, default=300, help="seconds for each page's run")
    parser.add_argument(
        "--baseline",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also run the readers against the minimal click page, for ratios",
    )
    args = parser.parse_args()
    result = {
        "benchmark": "many readers at once: load, then clicks on features in every session",
        "dashboard": measure(APP, args),
    }
    runs = [result["dashboard"]]
    if args.baseline:
        baseline = result["baseline"] = measure(BASELINE_APP, args)
        runs.append(baseline)
        result["ratios_to_baseline"] = {
            "click_p50": ratio(result["dashboard"], baseline, "click_to_details_ms", "p50"),
            "click_p95": ratio(result["dashboard"], baseline, "click_to_details_ms", "p95"),
            # the server's answer alone, the map's own card left out
            "side_panel_p50": ratio(result["dashboard"], baseline, "click_to_side_panel_ms", "p50"),
            "side_panel_p95": ratio(result["dashboard"], baseline, "click_to_side_panel_ms", "p95"),
            "load_p50": ratio(result["dashboard"], baseline, "load_until_map_ready_ms", "p50"),
        }
    result["machine"] = machine()
    print(json.dumps(result, indent=2))
    if any(run["errors"] or run["requests_not_to_loopback"] or run["timed_out"] for run in runs):
        sys.exit(1)


if __name__ == "__main__":
    main()
