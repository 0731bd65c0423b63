"""What one dashboard page costs: time from a click to its details (the map's card, the
side panel), bytes for the map, reruns per pan, and server memory per reader session.

One dashboard server on loopback, Debian's Chromium through Playwright (every request to
a host other than 127.0.0.1 is blocked and reported), then the page run in-process under
streamlit.testing.v1.AppTest for the script time alone. Prints JSON.

    python benchmarks/page_metrics.py [--clicks 9] [--pans 10] [--sessions 10]
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import statistics
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
    close_map_panel,
    machine,
    median_ms,
    percentile_ms,
    rss_mb,
    streamlit_process,
)
from dashboard_load import DASHBOARD_READY, MAP_FRAME
from playwright.sync_api import sync_playwright

APP = REPO / "dashboard" / "ui" / "page.py"
QUERY = "/?lang=de"
CLICK_FEATURES = ("raqqa", "mosul")
COMPONENT_DEBOUNCE_MS = 250  # streamlit-folium's debounce before it sends map state
STATIC_PREFIXES = ("/app/static/", "/component/")
STATIC_SETTLE_MS = 1000
TIMEOUT_MS = 30_000  # for any single wait in the browser


class Session:
    """One reader: a browser context (cold cache) with the dashboard open and watched."""

    def __init__(self, browser, url: str, watch_bytes: bool = False) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.set_default_timeout(TIMEOUT_MS)
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        self.page.on(
            "console",
            lambda msg: self.errors.append(f"console: {msg.text}") if msg.type == "error" else None,
        )
        self.sent: list[int] = []
        self.received: list[int] = []
        self.responses: list = []
        self.page.on("websocket", self._websocket)
        if watch_bytes:
            self.page.on("response", self._response)
        self.page.goto(url + QUERY)
        self.page.wait_for_function(DASHBOARD_READY, timeout=60_000, polling="raf")
        self.received_at_ready = sum(self.received)
        self.idle()
        self.frame = next(f for f in self.page.frames if "streamlit_folium" in f.url)

    def _route(self, route) -> None:
        url = route.request.url
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob") or parsed.hostname == "127.0.0.1":
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def _websocket(self, ws) -> None:
        def size(payload: str | bytes) -> int:
            return len(payload.encode() if isinstance(payload, str) else payload)

        ws.on("framesent", lambda payload: self.sent.append(size(payload)))
        ws.on("framereceived", lambda payload: self.received.append(size(payload)))

    def _response(self, response) -> None:
        if urlparse(response.url).path.startswith(STATIC_PREFIXES):
            self.responses.append(response)

    def idle(self) -> None:
        """Wait until the page's script run has finished."""
        self.page.locator("[data-test-script-state=notRunning]").wait_for(state="attached")


def map_bytes(session: Session) -> dict[str, object]:
    session.page.wait_for_timeout(STATIC_SETTLE_MS)  # a stylesheet may come after the map
    files: dict[str, dict[str, int]] = {}
    for response in session.responses:
        path = urlparse(response.url).path
        body = len(response.body())
        sizes = response.request.sizes()
        entry = files.setdefault(
            path, {"requests": 0, "body_bytes": 0, "transferred_body_bytes": 0}
        )
        entry["requests"] += 1
        entry["body_bytes"] += body
        entry["transferred_body_bytes"] += sizes["responseBodySize"]
    vendor = {p: f for p, f in files.items() if p.startswith("/app/static/")}
    component = {p: f for p, f in files.items() if p.startswith("/component/")}
    return {
        "websocket_bytes_received_until_map_ready": session.received_at_ready,
        "websocket_bytes_received_whole_first_run": sum(session.received),
        "static_asset_bytes": sum(f["body_bytes"] for f in files.values()),
        "static_asset_transferred_bytes": sum(f["transferred_body_bytes"] for f in files.values()),
        "app_static_vendor_bytes": sum(f["body_bytes"] for f in vendor.values()),
        "component_bytes": sum(f["body_bytes"] for f in component.values()),
        "static_files": files,
        "note": "a fresh browser context (cold cache); websocket frames received from "
        "navigation until every feature is drawn; static files under "
        f"{STATIC_PREFIXES} requested during the first load (until the script run has "
        f"finished + {STATIC_SETTLE_MS} ms), body bytes as decoded and as transferred",
    }


def pans(session: Session, count: int) -> dict[str, object]:
    page, frame = session.page, session.frame
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    box = page.locator(MAP_FRAME).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    sent_before = len(session.sent)
    moves_before = frame.evaluate("lagekarte.moves.count")
    start = time.perf_counter()
    for i in range(count):
        sign = 1 if i % 2 == 0 else -1  # back and forth: the map ends where it began
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(x + sign * 120, y + sign * 40, steps=8)
        page.mouse.up()
        frame.wait_for_function(
            f"lagekarte.moves.count >= {moves_before + i + 1}", timeout=TIMEOUT_MS
        )
    # let the component's debounce elapse: had it anything to send, it would have sent it
    page.wait_for_timeout(COMPONENT_DEBOUNCE_MS * 3)
    frames = len(session.sent) - sent_before
    return {
        "pans": count,
        "moveend_events": frame.evaluate("lagekarte.moves.count") - moves_before,
        "websocket_frames_sent": frames,
        "websocket_bytes_sent": sum(session.sent[sent_before:]),
        "frames_per_pan": frames / count,
        "seconds": round(time.perf_counter() - start, 2),
    }


def clicks(session: Session, count: int) -> dict[str, list[float]]:
    """Seconds from a click on a marker until its details are drawn: in the map's own card,
    in the page's side panel, and the first of the two (what the reader sees first); timed
    in the browser, and as seen from this script (includes Playwright's round trips)."""
    page, frame = session.page, session.frame
    frame.evaluate(WATCH_CLICKS)
    times: dict[str, list[float]] = {"first": [], "map": [], "panel": [], "wall": []}
    for i in range(count):
        feature = CLICK_FEATURES[i % len(CLICK_FEATURES)]
        map_locator = page.frame_locator(MAP_FRAME)
        close_map_panel(map_locator)  # it would cover the other marker
        if not page.evaluate(AWAIT_CARD, ["panel", PANEL_CARD.format(feature)]):
            raise RuntimeError(f"details card for {feature} shown before the click")
        frame.evaluate(AWAIT_CARD, ["map", MAP_CARD.format(feature)])
        start = time.perf_counter()
        map_locator.locator(f"[data-feature-id='{feature}']").click()
        page.wait_for_function(CARD_SHOWN, arg="panel", timeout=TIMEOUT_MS, polling="raf")
        times["wall"].append(time.perf_counter() - start)
        clicked = frame.evaluate(LAST_CLICK)
        times["panel"].append((page.evaluate(CARD_AT, "panel") - clicked) / 1000)
        # the map's card is drawn before the panel's, or never (a page without one)
        if frame.evaluate(CARD_SHOWN, "map"):
            times["map"].append((frame.evaluate(CARD_AT, "map") - clicked) / 1000)
        times["first"].append(min(times["panel"][-1], *times["map"][-1:]))
        session.idle()  # the rerun has finished before the next click
        page.wait_for_timeout(200)
    return times


def memory(browser, url: str, pid: int, sessions: int) -> tuple[dict[str, object], list]:
    time.sleep(1)
    before = rss_mb(pid)
    opened = [Session(browser, url) for _ in range(sessions)]
    time.sleep(1)
    after = rss_mb(pid)
    return {
        "rss_after_1_session_mb": before,
        "rss_after_more_sessions_mb": after,
        "more_sessions": sessions,
        "mb_per_session": round((after - before) / sessions, 2),
    }, opened


def apptest_reruns(runs: int) -> list[float]:
    """Script time of reruns with a feature chosen, without a browser or a server."""
    from streamlit.testing.v1 import AppTest

    # "missing ScriptRunContext" in bare mode: harmless, and noise beside the JSON
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(
        logging.ERROR
    )

    page = AppTest.from_file(str(APP), default_timeout=60)
    page.query_params["lang"] = "de"
    page.query_params["feature"] = "raqqa"
    page.run()  # the first run pays for imports and caches
    if page.exception:
        raise RuntimeError(page.exception)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        page.run()
        samples.append(time.perf_counter() - start)
    if 'data-feature-id="raqqa"' not in "\n".join(e.proto.body for e in page.get("html")):
        raise RuntimeError("AppTest run did not show the details of raqqa")
    return samples


def ms(samples: list[float]) -> list[float]:
    return [round(s * 1000, 1) for s in samples]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=9)
    parser.add_argument("--pans", type=int, default=10)
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--timeout", type=int, default=600, help="seconds for the whole run")
    args = parser.parse_args()

    def give_up(*_) -> None:
        raise TimeoutError(f"benchmark did not finish within {args.timeout} s")

    signal.signal(signal.SIGALRM, give_up)
    signal.alarm(args.timeout)

    with streamlit_process(APP) as (url, process), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        first = Session(browser, url, watch_bytes=True)
        bytes_result = map_bytes(first)
        pan_result = pans(first, args.pans)
        timed = clicks(first, args.clicks)
        memory_result, others = memory(browser, url, process.pid, args.sessions)
        foreign = [u for s in (first, *others) for u in s.foreign]
        errors = [e for s in (first, *others) for e in s.errors]
        browser.close()
    server_runs = apptest_reruns(args.clicks)
    signal.alarm(0)
    result = {
        "benchmark": "one dashboard page: click to details, map bytes, pans, memory",
        "click_to_details_ms": {
            "first_visible_median_ms": median_ms(timed["first"]),
            "first_visible_p95_ms": percentile_ms(timed["first"], 95),
            "first_visible_samples_ms": ms(timed["first"]),
            "map_card_median_ms": median_ms(timed["map"]) if timed["map"] else None,
            "map_card_p95_ms": percentile_ms(timed["map"], 95) if timed["map"] else None,
            "map_card_samples_ms": ms(timed["map"]),
            "side_panel_median_ms": median_ms(timed["panel"]),
            "side_panel_p95_ms": percentile_ms(timed["panel"], 95),
            "side_panel_samples_ms": ms(timed["panel"]),
            "browser_note": "from the click event in the map frame until the first animation "
            "frame after the feature's details entered the DOM: the map's own card "
            "(.lk-details in the map frame), the page's side-panel card (.lk-details-card, "
            f"after the server's run), and the first of the two; clicks alternate {CLICK_FEATURES}",
            "script_seen_click_to_side_panel_median_ms": median_ms(timed["wall"]),
            "server_script_apptest_median_ms": median_ms(server_runs),
            "server_script_apptest_samples_ms": ms(server_runs),
            "server_note": "AppTest.run() of dashboard/ui/page.py with ?lang=de&feature=raqqa, "
            "in-process, after one warm-up run (the map component is not drawn)",
            "clicks": args.clicks,
            "side_panel_spread_ms": round(statistics.pstdev(timed["panel"]) * 1000, 1),
        },
        "map_bytes": bytes_result,
        "reruns_per_pan": pan_result,
        "server_memory_per_session_mb": memory_result,
        "page_errors": errors,
        "requests_not_to_loopback": foreign,
        "machine": machine(),
    }
    print(json.dumps(result, indent=2))
    if errors or foreign:
        sys.exit(1)


if __name__ == "__main__":
    main()
