"""Real-browser fixtures: Debian's Chromium (its headless shell) driven by Playwright,
with no network.

Every request is recorded; any request to a host other than the page's own (a file, or
the local test server) is reported, and a test that made one, or whose page raised a
script error, fails. Requests to any host but loopback go through a proxy that is not
there, so they fail in Chromium's network stack whatever the page does: no page
reaches another machine. (Routing every request through Playwright, `page.route`, would
block them too, but turns off the browser's cache: each page would fetch and compile all
of Streamlit's scripts again.)

Pages of one screen size share a browser context (its cache) within a test process; each
test gets a new page in it, its cookies cleared.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.servers import CHROMIUM_ARGS, TEST_CHROMIUM, streamlit_server

LOOPBACK = "127.0.0.1,localhost,[::1]"


def browsers_own_icon(message) -> bool:
    """Whether the console message is the browser's own request for the site's icon
    (/favicon.ico of the page's origin, asked for when the page names none, and not
    reported as a request of the page), which a plain file server does not have."""
    url = message.location.get("url", "")
    return (
        message.text.startswith("Failed to load resource") and urlparse(url).path == "/favicon.ico"
    )


@dataclass
class PageWatch:
    """What a page did: requests, requests to other hosts, page errors, console errors."""

    allowed_hosts: set[str]
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def record(self, url: str) -> None:
        self.requests.append(url)
        parsed = urlparse(url)
        if (
            parsed.scheme not in ("file", "data", "blob")
            and parsed.netloc not in self.allowed_hosts
        ):
            self.foreign.append(url)

    def console(self, message) -> None:
        if message.type == "error" and not browsers_own_icon(message):
            self.errors.append(f"console: {message.text}")

    def script_errors(self) -> list[str]:
        return [error for error in self.errors if error.startswith("pageerror:")]


@pytest.fixture(scope="session")
def dead_proxy() -> Iterator[str]:
    """host:port of a loopback socket that is bound but never listens: a connection to it
    is refused at once, and no other process can take the port while the tests run."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield f"127.0.0.1:{sock.getsockname()[1]}"


@pytest.fixture(scope="session")
def browser(dead_proxy: str) -> Iterator:
    if not shutil.which(TEST_CHROMIUM) and not os.path.exists(TEST_CHROMIUM):
        pytest.fail(
            f"Chromium's headless shell not found at {TEST_CHROMIUM}:"
            " apt-get install -y chromium-headless-shell"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=TEST_CHROMIUM,
            args=CHROMIUM_ARGS,
            proxy={"server": f"http://{dead_proxy}", "bypass": LOOPBACK},
        )
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def browser_contexts(browser) -> Iterator[dict]:
    """One browser context per set of context options (a screen size), kept for the
    test process: its cache keeps the scripts of the pages loaded before."""
    contexts: dict[str, object] = {}
    yield contexts
    for context in contexts.values():
        context.close()


def shared_context(contexts: dict, browser, options: dict):
    key = json.dumps(options, sort_keys=True)
    if key not in contexts:
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts[key] = context
    context = contexts[key]
    context.clear_cookies()
    context.clear_permissions()
    return context


def watch(page, allowed_hosts: set[str] | None = None):
    """Record the page's requests, errors and dialogs in `page.watch` (dialogs dismissed).
    Listeners, unlike routes, leave the browser's cache on."""
    page.watch = PageWatch(allowed_hosts or set())
    page.on("request", lambda request: page.watch.record(request.url))
    page.on("pageerror", lambda error: page.watch.errors.append(f"pageerror: {error}"))
    page.on("console", lambda message: page.watch.console(message))

    def on_dialog(dialog) -> None:
        page.watch.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return page


def unexpected(pages: list) -> list[str]:
    """What fails a test whatever it asserts: a request to another host, a script error."""
    return [
        *(f"request to another host: {url}" for page in pages for url in page.watch.foreign),
        *(error for page in pages for error in page.watch.script_errors()),
    ]


@contextmanager
def watched_pages(browser, contexts: dict) -> Iterator[Callable[..., Any]]:
    """`make(allowed_hosts, **context_options)` opens a new watched page; at the end the
    pages are closed, and any request to another host or script error of theirs fails."""
    pages = []

    def make(allowed_hosts: set[str] | None = None, **context_options):
        page = shared_context(contexts, browser, context_options).new_page()
        pages.append(page)
        return watch(page, allowed_hosts)

    yield make
    for page in pages:
        page.close()
    problems = unexpected(pages)
    assert not problems, "\n".join(problems[:10])


@pytest.fixture
def watched_page(browser, browser_contexts):
    """A new page whose requests, errors and dialogs are recorded (`page.watch`). The
    test fails if any page it opened requested another host or raised a script error."""
    with watched_pages(browser, browser_contexts) as make:
        yield make


@pytest.fixture(scope="session")
def dashboard_url() -> Iterator[str]:
    """The dashboard served by `streamlit run` on a free loopback port."""
    from tests.conftest import REPO

    with streamlit_server(REPO / "dashboard" / "ui" / "page.py") as url:
        yield url
