"""One paste never stalls the draft: hostile texts draft in bounded time.

Each text is drafted by `draft_article` in a child process (a regex that backtracks
exponentially cannot be interrupted in-process); the bound is generous, 5 s a text on a
shared machine, against minutes before the regexes were made linear. The child's CPU
time is measured, not the wall clock, so other work on the machine does not count. This is
a bound, not a benchmark.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

BOUND_SECONDS = 5.0
PASTES = {
    "breadcrumb of 30 parts": " > ".join(["a"] * 30) + "!",
    "breadcrumb of 300 parts": " > ".join(["a"] * 300) + "!",
    "breadcrumb of long parts": " > ".join(["Nachrichten aus aller Welt"] * 200) + ".",
    "60 KB of dots": "." * 60_000,
    "100 KB of dots then a word": "." * 100_000 + " Danach",
    "dots and spaces": ". " * 30_000,
    "25 KB of digit runs": "1." * 12_500,
    "digits and spaces": "1. " * 10_000,
    "place and number, 50 KB": "In Mossul 1 " * 4_200,
    "place and number elsewhere": "In Lima 3 " * 5_000,
    "long run of spaces": "Hochwasser in Porto Alegre\n\nDie Lage" + " " * 100_000 + "ist ernst.",
    "capital words": "Große Flut " * 5_000 + ".",
    "opening brackets": "(" * 50_000,
    "quotes": "„" * 30_000 + "A",
    "initials": "A. " * 20_000,
    "abbreviations": "z. B. " * 10_000,
    "byline of capitals": "By " + "A" * 20_000 + "!",
    "byline of names": "Von " + "Anna " * 5_000 + "(dpa!",
    "author at the end": "Es regnet. " + "Anna " * 5_000 + ", dpx",
    "date words": "am 1. Januar " * 4_000,
    "one line per sentence": "Die Lage in Kisumu ist ernst.\n" * 3_000,
}
_CHILD = textwrap.dedent(
    """
    import json, sys, time
    from dashboard.draft.article import article_from_text
    from dashboard.draft.engine import draft_article
    from dashboard.reader.gazetteer import gazetteer
    gaz = gazetteer()
    for name, text in json.load(sys.stdin).items():
        start = time.process_time()
        draft_article(article_from_text(text), gaz)
        print(json.dumps([name, time.process_time() - start]), flush=True)
    """
)


@pytest.fixture(scope="module")
def seconds() -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=json.dumps(PASTES),
        capture_output=True,
        text=True,
        timeout=BOUND_SECONDS * len(PASTES) + 60,
        check=False,
    )
    times = dict(json.loads(line) for line in result.stdout.splitlines())
    assert result.returncode == 0, result.stderr[-2000:]
    return times


@pytest.mark.timeout(BOUND_SECONDS * len(PASTES) + 90)
@pytest.mark.parametrize("name", list(PASTES))
def test_hostile_paste_drafts_in_bounded_time(name: str, seconds: dict[str, float]) -> None:
    assert seconds[name] <= BOUND_SECONDS, f"{name}: {seconds[name]:.1f} s"
