"""A click on the map reruns the map and the side panel only (a Streamlit fragment): the
page's header is not made and sent again, and the details (Raqqa's range of trapped
civilians) still come at once."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.dashboard_page import FIRST_DRAW_MS, MAP_FRAME

pytestmark = pytest.mark.browser

HEADER_MARK = b"lk-header-credit"  # in the header card above the map, outside the fragment


def joined(frames: list[bytes | str]) -> bytes:
    return b"".join(f if isinstance(f, bytes) else f.encode() for f in frames)


def test_a_click_on_the_map_reruns_only_the_map_and_the_side_panel(
    watched_page, dashboard_url: str
) -> None:
    page = watched_page(allowed_hosts={dashboard_url.split("//", 1)[1]})
    received: list[bytes | str] = []
    sent: list[bytes | str] = []

    def on_websocket(ws) -> None:
        ws.on("framereceived", lambda payload: received.append(payload))
        ws.on("framesent", lambda payload: sent.append(payload))

    page.on("websocket", on_websocket)
    page.goto(f"{dashboard_url}/?lang=de")
    raqqa = page.frame_locator(MAP_FRAME).locator("[data-feature-id='raqqa']")
    raqqa.wait_for(timeout=FIRST_DRAW_MS)
    idle = page.locator("[data-test-script-state=notRunning]")
    idle.wait_for(state="attached")
    assert HEADER_MARK in joined(received)  # the whole page, header included, came once
    before, sent_before = len(received), len(sent)
    raqqa.click()
    card = page.locator(".lk-details-card[data-feature-id='raqqa']")
    expect(card).to_contain_text("50.000\u2013100.000", timeout=5000)
    idle.wait_for(state="attached")
    assert len(sent) > sent_before
    assert "feature=raqqa" in page.url
    after_click = joined(received[before:])
    assert b"lk-details-card" in after_click  # the side panel was drawn again
    assert HEADER_MARK not in after_click  # the rest of the page was not
    assert page.locator(".lk-header").count() == 1  # and still stands
    assert page.watch.foreign == [] and page.watch.errors == []
