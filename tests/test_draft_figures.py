"""Figures in a draft: what a number counts, where it belongs, and what is not a figure."""

from __future__ import annotations

import time

import pytest

from dashboard.draft.figures import find_figures
from dashboard.draft.sentences import Sentence

# Generous: a linear scan of these takes well under a second; the quadratic one took
# close to a minute.
SECONDS = 5.0


def _body(text: str) -> list[Sentence]:
    return [Sentence(0, "Schlagzeile", 0), Sentence(1, text, 1)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(("In Mossul 1 " * 5000)[:50_000], id="place-and-number"),
        pytest.param(("1." * 12_500)[:25_000], id="digit-dot-run"),
        pytest.param(("1,5 " * 12_500)[:50_000], id="decimal-run"),
        pytest.param(("zwischen 3 und " * 4000)[:50_000], id="range-words"),
        pytest.param(("mehr als 20 Tote, " * 3000)[:50_000], id="qualified-counts"),
    ],
)
def test_figure_scanning_is_bounded_on_hostile_text(text: str) -> None:
    for language in ("de", "en"):
        started = time.perf_counter()
        find_figures(_body(text), language)
        assert time.perf_counter() - started < SECONDS, language


def test_whole_draft_of_place_and_number_text_is_bounded() -> None:
    from dashboard.draft import article_from_text, draft_article

    article = article_from_text("Titel\n\n" + ("In Mossul 1 " * 5000)[:50_000])
    started = time.perf_counter()
    draft = draft_article(article)
    assert time.perf_counter() - started < 2 * SECONDS
    assert draft.figures  # the numbers were read, not skipped
