"""The browser tests' guard (tests/e2e/conftest.py): a page that asks another host for
anything gets nothing from it, and the test fails; so does a script error. The guard
uses a proxy that is not there and request listeners, so that the browser's cache works;
these tests prove it still blocks and reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import watched_pages
from tests.servers import static_server

pytestmark = pytest.mark.browser

PIXEL_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"></svg>'
FAR = (
    "http://example.com/pixel.png",
    "https://example.org/pixel.png",
    "http://example.net/data.json",
)
REFUSED = ("net::ERR_PROXY_CONNECTION_FAILED", "net::ERR_TUNNEL_CONNECTION_FAILED")
PAGE = f"""<!doctype html><meta charset="utf-8">
<img id="near" src="near.svg"><img id="far-http" src="{FAR[0]}"><img id="far-https" src="{FAR[1]}">
<script>
  window.fetched = fetch("{FAR[2]}").then(() => "answered", () => "failed");
  setTimeout(() => {{ throw new Error("a script error"); }}, 0);
</script>"""
ALL_LOADED = "() => [...document.images].every(i => i.complete)"


def test_a_request_to_another_host_gets_nothing_and_fails_the_test(
    browser, browser_contexts, tmp_path: Path
) -> None:
    (tmp_path / "index.html").write_text(PAGE, "utf-8")
    (tmp_path / "near.svg").write_text(PIXEL_SVG, "utf-8")
    with static_server(tmp_path) as url:
        pages = watched_pages(browser, browser_contexts)
        make = pages.__enter__()
        page = make({url.removeprefix("http://")})
        failed: dict[str, str] = {}
        page.on("requestfailed", lambda request: failed.update({request.url: request.failure}))
        with page.expect_event("pageerror"):
            page.goto(f"{url}/index.html")
        page.wait_for_function(ALL_LOADED)
        assert page.evaluate("() => window.fetched") == "failed"
        widths = page.evaluate("() => [...document.images].map(i => [i.id, i.naturalWidth])")
        assert dict(widths) == {"near": 4, "far-http": 0, "far-https": 0}
        assert sorted(page.watch.foreign) == sorted(FAR)
        assert f"{url}/near.svg" in page.watch.requests
        # refused by the proxy that is not there: the requests never left the machine
        for far in FAR:
            assert failed[far] in REFUSED, failed
        with pytest.raises(AssertionError) as guard:
            pages.__exit__(None, None, None)  # what the fixture does after each test
    assert page.is_closed()
    for far in FAR:
        assert f"request to another host: {far}" in str(guard.value)
    assert "pageerror: a script error" in str(guard.value)


def test_a_page_of_loopback_with_no_request_elsewhere_passes_the_guard(
    browser, browser_contexts, tmp_path: Path
) -> None:
    (tmp_path / "index.html").write_text('<img id="near" src="near.svg">', "utf-8")
    (tmp_path / "near.svg").write_text(PIXEL_SVG, "utf-8")
    with static_server(tmp_path) as url, watched_pages(browser, browser_contexts) as make:
        page = make({url.removeprefix("http://")})
        page.goto(f"{url}/index.html")
        page.wait_for_function(ALL_LOADED)
        assert page.watch.foreign == [] and page.watch.errors == []


def test_another_loopback_port_is_another_host(browser, browser_contexts, tmp_path: Path) -> None:
    """Loopback is not sent to the proxy (the test servers are there); a server the test
    did not allow is still reported and fails the test."""
    (tmp_path / "near.svg").write_text(PIXEL_SVG, "utf-8")
    with static_server(tmp_path) as other, static_server(tmp_path) as url:
        (tmp_path / "index.html").write_text(f'<img src="{other}/near.svg">', "utf-8")
        pages = watched_pages(browser, browser_contexts)
        page = pages.__enter__()({url.removeprefix("http://")})
        page.goto(f"{url}/index.html")
        page.wait_for_function(ALL_LOADED)
        assert page.watch.foreign == [f"{other}/near.svg"]
        with pytest.raises(AssertionError, match="request to another host"):
            pages.__exit__(None, None, None)
