"""Reader-facing wording of story facts: source lines, figure values, dates, details.

One function per kind of text, used by the page's cards, the map and every export, so
that the same fact reads the same everywhere (and in the reader's language).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from dashboard.core.i18n import Lang, format_number, format_partial_date, format_range, text
from dashboard.core.model import NOTE_KINDS, Event, Feature, Figure, PartialDate, Source, Story

if TYPE_CHECKING:
    import pandas as pd

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


def article_citation(story: Story, lang: Lang, *, dated: bool = True) -> str:
    """`dpa (Jan Kuhlmann), „Das Kalifat …“, 1. Juli 2017`: the story's own article."""
    source = story.source
    line = source.publisher
    if source.author:
        line += f" ({source.author})"
    if source.title:
        line += f", {quoted(source.title, lang)}"
    return f"{line}, {day_text(story.published, lang)}" if dated else line


def source_line(story: Story, lang: Lang, *, dated: bool = True) -> str:
    """`Quelle: dpa (Jan Kuhlmann), „Das Kalifat …“, 1. Juli 2017`.

    `dated=False` leaves the date out, for a place that shows it already.
    """
    return f"{text('source', lang)}: {article_citation(story, lang, dated=dated)}"


def citation(story: Story, source: Source, lang: Lang) -> str:
    """One source as a reader sees it: `Ort: Wikipedia, „Bab al-Salameh“, abgerufen am …`,
    `CIA World Factbook, „Syria“, 2017`, `Anm. d. Red.: …`. Never its method."""
    if source.kind is None:  # an older one-line source
        return source.text[lang] if source.text else ""
    if source.kind in NOTE_KINDS:
        cited = f"{text(f'source.{source.kind}', lang)}: {source.note[lang] if source.note else ''}"
    else:
        if source.kind == "article":
            cited = article_citation(story, lang)
        else:
            parts = [source.publisher or "", quoted(source.title, lang) if source.title else ""]
            if source.date is not None:
                parts.append(partial_date_text(source.date, lang))
            elif source.accessed is not None:
                parts.append(f"{text('source.accessed', lang)} {day_text(source.accessed, lang)}")
            cited = ", ".join(part for part in parts if part)
        if source.note is not None:
            cited += f" ({source.note[lang]})"
    return f"{source.about[lang]}: {cited}" if source.about is not None else cited


def sources_line(story: Story, sources: tuple[Source, ...], lang: Lang) -> str:
    """`Quelle: AFP, „…“, 17. Oktober 2017`; `Quellen: …; Anm. d. Red.: …`. A line of
    only our own notes (computed, editorial) needs no label."""
    body = "; ".join(citation(story, source, lang) for source in sources)
    cited = sum(1 for source in sources if source.kind not in NOTE_KINDS)
    if not cited:
        return body
    return f"{text('source' if cited == 1 else 'sources', lang)}: {body}"


def method_text(sources: tuple[Source, ...], lang: Lang) -> str:
    """How the values were derived (ids, software, formulas): never the reader's line."""
    return "; ".join(source.method[lang] for source in sources if source.method is not None)


def source_addresses(sources: tuple[Source, ...]) -> list[str]:
    return [source.url for source in sources if source.url]


def how_made(story: Story, lang: Lang) -> list[tuple[str, str]]:
    """The "how this map was made" note: (record name, its method and addresses) for each
    feature, figure and event that has any."""
    records: list[tuple[str, tuple[Source, ...]]] = [
        *((feature.name[lang], feature.sources) for feature in story.features),
        *((figure.label[lang], figure.sources) for figure in story.figures),
        *((event.title[lang], event.sources) for event in story.events),
    ]
    notes: list[tuple[str, str]] = []
    for name, sources in records:
        details = [method_text(sources, lang)]
        for source in sources:
            if source.url:
                accessed = (
                    f" ({text('source.accessed', lang)} {day_text(source.accessed, lang)})"
                    if source.accessed
                    else ""
                )
                details.append(f"{source.url}{accessed}")
        text_ = "; ".join(detail for detail in details if detail)
        if text_:
            notes.append((name, text_))
    return notes


def shown_numbers(figure: Figure) -> tuple[float, float]:
    """The figure's numbers as a reader sees them: a computed distance to the whole km."""
    if figure.computed:
        return float(round(figure.low)), float(round(figure.high))
    return figure.low, figure.high


def figure_value_text(figure: Figure, lang: Lang) -> str:
    """`50.000–100.000`, `ca. 899 km`: a range stays a range, units follow the number."""
    low, high = shown_numbers(figure)
    value = format_range(low, high, lang) if figure.is_range else format_number(low, lang)
    if figure.approximate:
        value = f"{text('approximately', lang)} {value}"
    if figure.unit is not None:
        value = f"{value} {figure.unit[lang]}"
    return value


def figure_meta_text(story: Story, figure: Figure, lang: Lang) -> str:
    """`Stand: 1. Juli 2017 · Quelle: …` under a figure."""
    as_of = day_text(figure.as_of, lang)
    parts = [f"{text('as_of', lang)}: {as_of}", sources_line(story, figure.sources, lang)]
    if figure.computed and not any(source.kind == "computed" for source in figure.sources):
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
                "meta": figure_meta_text(story, figure, lang),
            }
            for figure in story.figures_of(feature.id)
        ],
        "quote": feature.quote[lang] if feature.quote else None,
        "quoteNote": quote_note(story, lang) if feature.quote else None,
        "source": sources_line(story, feature.sources, lang),
    }


def event_summary(frame: pd.DataFrame, lang: Lang) -> str:
    """`12.345 Ereignisse, zusammen 98.765 gemeldet · 1. Januar 2014 – 31. Dezember 2017`."""
    if frame.empty:
        return text("events.none", lang)
    return text("events.summary", lang).format(
        events=format_number(len(frame), lang),
        count=format_number(int(frame["count"].sum()), lang),
        start=format_partial_date(frame["date"].min().date(), "day", lang),
        end=format_partial_date(frame["date"].max().date(), "day", lang),
    )
