"""`python -m dashboard draft ARTICLE --out DIR [--force] [--date YYYY-MM-DD]`."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from dashboard.draft.article import ArticleError, read_article_file
from dashboard.draft.model import Draft
from dashboard.draft.safe_write import DraftWriteError, check_target


def summary_lines(draft: Draft) -> list[str]:
    """What was found, one line per item, low confidence marked for checking."""
    lines = [
        f"language: {draft.language}; date: {draft.published or '?'}; headline: {draft.headline}"
    ]
    if draft.dateline_place:
        region = f", {draft.dateline_region}" if draft.dateline_region else ""
        lines.append(f"dateline: {draft.dateline_place}{region}")
    for place in draft.places:
        lon, lat = place.lon_lat
        mark = "" if place.confidence != "low" else "  <- check"
        lines.append(
            f"place  {place.id:<24} {place.name:<20} {lat:8.3f} {lon:9.3f} "
            f"{place.confidence}{' distant' if place.distant else ''}{mark}"
        )
    for figure in draft.figures:
        lines.append(
            f"figure {figure.id:<12} {figure.text:<24} {figure.label} "
            f"[{figure.place or '-'}] {figure.confidence}"
        )
    for date in draft.dates:
        state = date.date or "unresolved"
        lines.append(
            f"date   {date.id:<12} {date.text:<28} {state}"
            f"{' (inferred)' if date.inferred else ''}{'' if date.keep else ' (not on timeline)'}"
        )
    lines += [f"dropped ({item.reason}): {_shortened(item.text)}" for item in draft.dropped]
    lines += [f"note: {note}" for note in draft.notes]
    return lines


def _shortened(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def run_draft(article_path: str, out: str, force: bool, published: str | None) -> int:
    try:  # refused before the article is read: the same checks come again when writing
        check_target(Path(out), force)
    except DraftWriteError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    try:
        date = dt.date.fromisoformat(published) if published else None
    except ValueError:
        print(f"error: --date {published!r}: expected YYYY-MM-DD", file=sys.stderr)
        return 2
    try:
        article = read_article_file(article_path)
    except (ArticleError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    # Imported once the article is read: a refused input is told at once.
    from dashboard.draft.engine import draft_article
    from dashboard.draft.writer import write_story

    draft = draft_article(article, published=date)
    try:
        folder = write_story(draft, out, force=force)
    except DraftWriteError as error:
        print(f"error: {error}", file=sys.stderr)
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    for line in summary_lines(draft):
        print(line)
    print(
        f"{folder}: written as a draft, validates; readers see it once it is published "
        "(python -m dashboard publish)"
    )
    return 0
