"""Opening the dashboard in the browser tests, and reading its map's state."""

from __future__ import annotations

from collections.abc import Callable

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
DESKTOP = {"viewport": {"width": 1440, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SCREENS = {"desktop": DESKTOP, "phone": PHONE}
FIRST_DRAW_MS = 30_000
# Show the whole world as a reader would: the map refits its last asked view when its frame
# resizes unless the reader has moved it, so the move starts with a key press on the map.
SHOW_THE_WORLD = """() => {
    lagekarte.map.getContainer().dispatchEvent(new KeyboardEvent("keydown", {key: "Shift"}));
    lagekarte.map.setView([45, 0], 2, {animate: false});
}"""


def open_dashboard(watched_page, url: str, query: str = "", **context_options):
    host = url.split("//", 1)[1]
    page = watched_page(allowed_hosts={host}, **context_options)
    sent: list[str] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda payload: sent.append(payload)))
    page.sent = sent
    page.goto(f"{url}/{query}")
    # The first page of a freshly started server also loads the story and the base map:
    # wait longer for that first drawing than for later steps.
    page.frame_locator(MAP_FRAME).locator("[data-feature-id='raqqa']").wait_for(
        timeout=FIRST_DRAW_MS
    )
    page.locator("[data-test-script-state=notRunning]").wait_for(state="attached")
    return page


def map_frame(page, timeout: float | None = None):
    """The map's frame (a new one after a change of language or story): the frame drawn,
    asked for anew each time, as the page may replace a frame before it has drawn."""
    page.wait_for_function(
        """() => { const f = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
                   return f && f.contentWindow && f.contentWindow.lagekarte; }""",
        timeout=timeout,
    )
    frame_element = page.locator(MAP_FRAME).element_handle()
    return frame_element.content_frame()


def map_view(frame) -> dict:
    """Zoom, centre, the chosen feature and every feature drawn as chosen."""
    return frame.evaluate(
        """() => ({
            zoom: lagekarte.map.getZoom(),
            center: lagekarte.map.getCenter(),
            selected: lagekarte.selected(),
            highlighted: [...document.querySelectorAll('.lk-selected')]
                .map(n => n.getAttribute('data-feature-id')),
            named: lagekarte.namedView(),
        })"""
    )


def shows(frame, feature_id: str) -> bool:
    """Whether the feature (its point, or part of its outline) is within the map's view."""
    return frame.evaluate(
        """(id) => { const layer = lagekarte.layerOf(id); const view = lagekarte.map.getBounds();
                     return layer.getLatLng ? view.contains(layer.getLatLng())
                                            : view.intersects(layer.getBounds()); }""",
        feature_id,
    )


def after_a_run(page, action: Callable[[], None]) -> None:
    """Do `action` and wait until a script run has started after it and none runs."""
    page.evaluate(
        """() => {
            window.lkRunsSeen = 0;
            const running = () => document.querySelector('[data-test-script-state=running]');
            new MutationObserver(() => { if (running()) window.lkRunsSeen += 1; }).observe(
                document.body, {subtree: true, childList: true, attributes: true});
        }"""
    )
    action()
    page.wait_for_function(
        "() => window.lkRunsSeen > 0 && !document.querySelector('[data-test-script-state=running]')"
    )
