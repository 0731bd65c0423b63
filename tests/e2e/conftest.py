"""Real-browser fixtures: Debian's Chromium driven by Playwright, with no network.

Every request is recorded; any request to a host other than the page's own (a file, or
the local test server) is blocked and reported as a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest

from tests.servers import CHROMIUM, CHROMIUM_ARGS, streamlit_server


@dataclass
class PageWatch:
    """What a page did: requests, requests to other hosts, page errors, console errors."""

    allowed_hosts: set[str]
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def watched_page(browser):
    """A new page whose requests, errors and dialogs are recorded (`page.watch`)."""
    contexts = []

    def make(allowed_hosts: set[str] | None = None, **context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        context.set_default_timeout(10_000)
        page = context.new_page()
        watch = PageWatch(allowed_hosts or set())

        def route(route) -> None:
            url = route.request.url
            watch.requests.append(url)
            parsed = urlparse(url)
            if parsed.scheme in ("file", "data", "blob") or parsed.netloc in watch.allowed_hosts:
                route.continue_()
            else:
                watch.foreign.append(url)
                route.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda error: watch.errors.append(f"pageerror: {error}"))
        page.on(
            "console",
            lambda message: (
                watch.errors.append(f"console: {message.text}") if message.type == "error" else None
            ),
        )

        def on_dialog(dialog) -> None:
            watch.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.watch = watch
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def dashboard_url() -> Iterator[str]:
    """The dashboard served by `streamlit run` on a free loopback port."""
    from tests.conftest import REPO

    with streamlit_server(REPO / "dashboard" / "ui" / "page.py") as url:
        yield url
