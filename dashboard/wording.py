"""Reader-facing wording of story facts: source lines, figure values, dates, details.

One function per kind of text, used by the page's cards, the map and every export, so
that the same fact reads the same everywhere (and in the reader's language).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dashboard.i18n import Lang, format_number, format_partial_date, format_range, text
from dashboard.model import Event, Feature, Figure, PartialDate, Story

# Quotation marks around a title: „…“ in German, “…” in English.
QUOTES: dict[Lang, tuple[str, str]] = {"de": ("\u201e", "\u201c"), "en": ("\u201c", "\u201d")}


def day_text(value: dt.date, lang: Lang) -> str:
    """`1. Juli 2017`, `1 July 2017`."""
    return format_partial_date(value, "day", lang)


def partial_date_text(date: PartialDate, lang: Lang) -> str:
    """A date only as precise as the source gave it: `Juni 2017`, `2017`."""
    return format_partial_date(date.value, date.precision, lang)


def quoted(title: str, lang: Lang) -> str:
    opening, closing = QUOTES[lang]
    return f"{opening}{title}{closing}"


def source_line(story: Story, lang: Lang, *, dated: bool = True) -> str:
    """`Quelle: dpa (Jan Kuhlmann), „Das Kalifat …“, 1. Juli 2017`.

    `dated=False` leaves the date out, for a place that shows it already.
    """
    source = story.source
    line = f"{text('source', lang)}: {source.publisher}"
    if source.author:
        line += f" ({source.author})"
    if source.title:
        line += f", {quoted(source.title, lang)}"
    return f"{line}, {day_text(story.published, lang)}" if dated else line


def figure_value_text(figure: Figure, lang: Lang) -> str:
    """`50.000–100.000`, `ca. 911 km`: a range stays a range, units follow the number."""
    if figure.is_range:
        value = format_range(figure.low, figure.high, lang)
    else:
        value = format_number(round(figure.low) if figure.computed else figure.low, lang)
    if figure.approximate:
        value = f"{text('approximately', lang)} {value}"
    if figure.unit is not None:
        value = f"{value} {figure.unit[lang]}"
    return value


def figure_meta_text(figure: Figure, lang: Lang) -> str:
    """`Stand: 1. Juli 2017 · Quelle: …` under a figure."""
    as_of = day_text(figure.as_of, lang)
    parts = [f"{text('as_of', lang)}: {as_of}", f"{text('source', lang)}: {figure.source[lang]}"]
    if figure.computed:
        parts.insert(0, text("computed", lang))
    return " · ".join(parts)


def quote_note(story: Story, lang: Lang) -> str | None:
    """Marks a quote shown in translation."""
    if lang == story.language:
        return None
    return f"({text('translated', lang)})"


def event_date(event: Event, lang: Lang) -> str:
    return partial_date_text(event.date, lang)


def feature_details(story: Story, feature: Feature, lang: Lang) -> dict[str, Any]:
    """What a click on the feature shows: name, note, figures, quote, source."""
    return {
        "name": feature.name[lang],
        "date": partial_date_text(feature.date, lang) if feature.date else None,
        "note": feature.note[lang],
        "hindsight": feature.hindsight,
        "estimate": feature.estimate,
        "figures": [
            {
                "id": figure.id,
                "value": figure_value_text(figure, lang),
                "label": figure.label[lang],
                "meta": figure_meta_text(figure, lang),
            }
            for figure in story.figures_of(feature.id)
        ],
        "quote": feature.quote[lang] if feature.quote else None,
        "quoteNote": quote_note(story, lang) if feature.quote else None,
        "source": f"{text('source', lang)}: {feature.source[lang]}",
    }
