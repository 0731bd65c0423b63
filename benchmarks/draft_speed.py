"""How fast `draft` is: a 10,000-character article, in-process once the gazetteer is
loaded, and as a whole `python -m dashboard draft` process.

The article is made of the evaluation texts (tests/data/draft-eval/) and the first
story's scraped page, cut at a paragraph to 10,000 characters. The baseline, timed in the
same run, is `python -m dashboard validate` of the first story: a process that loads the
story reader, which every `draft` also does.

Run: python benchmarks/draft_speed.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import REPO, machine, median_ms

from dashboard.draft import article_from_text, draft_article, write_story
from dashboard.reader.gazetteer import GAZETTEER_DIR, gazetteer

ARTICLE_CHARS = 10_000
EVAL_DIR = REPO / "tests" / "data" / "draft-eval"
SEED = REPO / "tests" / "data" / "articles" / "kalifat-2017-scraped.txt"
FIRST_STORY = REPO / "geodata" / "stories" / "is-caliphate-2017"


def long_article() -> str:
    """About 10,000 characters of news text in one language, with a head and furniture."""
    parts = [SEED.read_text("utf-8")]
    for path in sorted(EVAL_DIR.glob("*.de.txt")):
        body = path.read_text("utf-8").split("\n\n")[2:]
        parts.append("\n\n".join(body))
    text = ""
    for paragraph in "\n\n".join(parts).split("\n\n"):
        if len(text) + len(paragraph) > ARTICLE_CHARS:
            break
        text += paragraph + "\n\n"
    # The scraped seed ends with its footer; move it to the end of the long article.
    return text.replace("Themen folgen\n\nDie Diskussion ist geschlossen.\n\n", "") + (
        "Themen folgen\n\nDie Diskussion ist geschlossen.\n"
    )


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=REPO)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    text = long_article()
    print(f"article: {len(text):,} characters; machine: {machine()}")

    start = time.perf_counter()
    gazetteer.cache_clear()
    gazetteer(GAZETTEER_DIR)
    load = time.perf_counter() - start

    in_process: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.runs):
            start = time.perf_counter()
            draft = draft_article(article_from_text(text))
            write_story(draft, Path(tmp) / "long-article", force=True)
            in_process.append(time.perf_counter() - start)
        article = Path(tmp) / "long-article.txt"
        article.write_text(text, "utf-8")
        python = sys.executable
        process: list[float] = []
        baseline: list[float] = []
        for _ in range(args.runs):
            out = Path(tmp) / "process-draft"
            process.append(
                timed(
                    [python, "-m", "dashboard", "draft", str(article), "--out", str(out), "--force"]
                )
            )
            baseline.append(timed([python, "-m", "dashboard", "validate", str(FIRST_STORY)]))
    places, figures, dates = len(draft.places), len(draft.figures), len(draft.dates)
    print(f"found: {places} places, {figures} figures, {dates} dates")
    print(f"gazetteer load (once per process): {load * 1000:,.0f} ms")
    print(
        f"draft + write + validate, gazetteer loaded (median of {args.runs}): "
        f"{median_ms(in_process):,.0f} ms (target < 2,000 ms)"
    )
    print(
        f"whole process `python -m dashboard draft` (median of {args.runs}): "
        f"{median_ms(process):,.0f} ms (target < 3,000 ms)"
    )
    print(
        f"baseline `python -m dashboard validate` (median of {args.runs}): "
        f"{median_ms(baseline):,.0f} ms; ratio "
        f"{statistics.median(process) / statistics.median(baseline):.2f}"
    )


if __name__ == "__main__":
    main()
