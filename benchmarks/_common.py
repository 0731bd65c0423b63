"""Shared by the benchmark scripts (and the browser tests): a Streamlit server on
loopback, Chromium's settings, timing and medians."""

from __future__ import annotations

import math
import os
import platform
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # the checkout's own package, whatever else is installed
    sys.path.insert(0, str(REPO))

# the same servers and browser as the browser tests
from tests.servers import (  # noqa: E402, F401 (used by the benchmark scripts)
    CHROMIUM,
    CHROMIUM_ARGS,
    free_port,
    static_server,
    streamlit_process,
    streamlit_server,
    wait_until_healthy,
)


def rss_mb(pid: int) -> float:
    """Resident set size of a process in MB (VmRSS from /proc/<pid>/status)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)  # the kernel reports kB
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_s(pid: int) -> float:
    """CPU time (user + system) a process has used so far, in seconds (/proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def percentile_ms(samples: list[float], q: float) -> float:
    """The q-th percentile (0..100, nearest rank) of samples in seconds, in ms."""
    ranked = sorted(samples)
    rank = max(1, math.ceil(q / 100 * len(ranked)))
    return round(ranked[rank - 1] * 1000, 1)


def time_to_features(browser, url: str, ready: str) -> float:
    """Seconds from navigation until the JavaScript predicate `ready` holds, with a fresh
    browser context (cold cache) for each run."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_function(ready, timeout=60_000, polling="raf")
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 1)


def machine() -> dict[str, object]:
    return {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "date": time.strftime("%Y-%m-%d"),
    }


# Click-to-details timing, taken in the browser: the map frame notes when a click reaches
# it; a document notes when the details for an awaited feature are first drawn: the
# page's side-panel card (PANEL_CARD) or the map's own card in its frame (MAP_CARD), each
# timed at the first animation frame after it entered the DOM (the frame that shows it).
# All use the same clock (performance.timeOrigin + performance.now(), in ms).
WATCH_CLICKS = """() => {
  if (window.__lkClickWatch) return;
  window.__lkClickWatch = true;
  window.__lkLastClick = null;
  window.addEventListener("click", () => {
    window.__lkLastClick = performance.timeOrigin + performance.now();
  }, true);
}"""
PANEL_CARD = '.lk-details-card[data-feature-id="{}"]'
MAP_CARD = '.lk-details[data-details-id="{}"]:not([hidden])'
AWAIT_CARD = """([slot, selector]) => {
  window.__lkCards = window.__lkCards || {};
  const old = window.__lkCards[slot];
  if (old && old.observer) old.observer.disconnect();
  const entry = window.__lkCards[slot] = {at: null, seen: false, observer: null};
  if (document.querySelector(selector)) return false;  // already shown: nothing to time
  entry.observer = new MutationObserver(() => {
    if (!entry.seen && document.querySelector(selector)) {
      entry.seen = true;
      entry.observer.disconnect();
      requestAnimationFrame(() => { entry.at = performance.timeOrigin + performance.now(); });
    }
  });
  entry.observer.observe(document.body, {childList: true, subtree: true, attributes: true});
  return true;
}"""
CARD_SHOWN = "(slot) => window.__lkCards[slot].at !== null"
CARD_AT = "(slot) => window.__lkCards[slot].at"
LAST_CLICK = "() => window.__lkLastClick"


def close_map_panel(frame_locator) -> None:
    """Close the map's own details panel (as a reader would) so it covers no marker."""
    close = frame_locator.locator(".lk-details:not([hidden]) .lk-close")
    if close.count():
        close.click()
