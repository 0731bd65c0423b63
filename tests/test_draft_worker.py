"""Drafting for the editor runs in a worker process with a time limit: a slow draft never
holds the server's own process, and is stopped when its time is up."""

from __future__ import annotations

import sys
import threading
import time

import pytest

from dashboard.draft.article import ArticleError
from dashboard.draft.worker import DraftTimeoutError, draft_in_worker, draft_text

ARTICLE = """Erdbeben erschüttert Marokko

Marrakesch, 9. September 2023 (dpa) - Bei einem schweren Erdbeben in Marokko sind mehr
als 2000 Menschen ums Leben gekommen. Besonders betroffen ist die Provinz um Marrakesch.
"""


# One call into the regex engine that never gives the interpreter's lock back: in the
# server's process this would stop every other thread until it ends.
BACKTRACKING_FOREVER = (sys.executable, "-c", "import re; re.match(r'(a+)+$', 'a' * 60 + '!')")


def test_a_draft_comes_back_from_the_worker() -> None:
    draft = draft_in_worker(ARTICLE, is_html=False)
    assert draft.headline == "Erdbeben erschüttert Marokko"
    assert any(p.place.country == "MA" for p in draft.places)


def test_text_that_is_not_an_article_is_reported() -> None:
    with pytest.raises(ArticleError):
        draft_in_worker("<html><body></body></html>", is_html=True)


def test_a_slow_draft_is_killed_and_the_server_keeps_working() -> None:
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            draft_in_worker(ARTICLE, False, time_limit=2.0, command=BACKTRACKING_FOREVER)
        except BaseException as error:
            outcome.append(error)

    started = time.monotonic()
    thread = threading.Thread(target=run)
    thread.start()
    ticks = 0
    while thread.is_alive() and ticks < 50:  # this thread answers while the draft runs
        ticks += 1
        thread.join(0.01)
    answered_within = time.monotonic() - started
    thread.join(timeout=30)
    assert ticks == 50 and answered_within < 1.5
    assert len(outcome) == 1 and isinstance(outcome[0], DraftTimeoutError)
    assert time.monotonic() - started < 10


def test_the_draft_from_the_worker_is_the_draft_made_here() -> None:
    assert draft_in_worker(ARTICLE, is_html=False) == draft_text(ARTICLE, is_html=False)
