"""Article -> Draft: places, figures and dates, tied to each other by their sentences."""

from __future__ import annotations

import datetime as dt
import re

from dashboard.core.geometry import geodesic_distance_km
from dashboard.draft.article import Article
from dashboard.draft.dates import find_dates
from dashboard.draft.figure_labels import figure_label
from dashboard.draft.figure_places import place_figures
from dashboard.draft.figures import find_figures
from dashboard.draft.model import LOW, Draft, DraftPlace
from dashboard.draft.places import recognise_places
from dashboard.draft.report_day import counting_day
from dashboard.reader.gazetteer import Gazetteer, gazetteer

# A place farther than this from the article's centre of gravity is context (Washington
# in a story about Raqqa), shown apart from the story's region.
DISTANT_KM = 1500.0
SUMMARY_MAX_CHARS = 400


def draft_article(
    article: Article, gaz: Gazetteer | None = None, published: dt.date | None = None
) -> Draft:
    gaz = gaz or gazetteer()
    published = published or article.published
    if article.dateline and article.dateline.name_only and not _names_places(gaz, article):
        if not article.dateline.text:  # "By Jane Roe, Nation": a byline's publisher
            article.publisher = article.publisher or article.dateline.place
        article.dateline = None  # "Stillstand. Die Lage …": a short sentence, no dateline
    filed_from = article.dateline if article.dateline and article.dateline.place else None
    dateline = (filed_from.place, filed_from.region) if filed_from else None
    places = recognise_places(article.sentences, gaz, article.language, dateline)
    _mark_distant(places)
    texts = [s.text for s in article.sentences]
    draft = Draft(
        language=article.language,
        headline=article.headline or _title_from_text(article),
        summary=_summary(article),
        published=published.isoformat() if published else None,
        author=article.author,
        publisher=article.publisher,
        sentences=texts,
        places=places,
        dropped=article.dropped,
        url=article.url,
        dateline_place=filed_from.place if filed_from else None,
        dateline_region=filed_from.region if filed_from else None,
    )
    draft.figures = find_figures(article.sentences, article.language)
    mentions = place_figures(draft, article.sentences)
    for figure in draft.figures:
        figure.label = figure_label(figure, draft.place(figure.place), article.language)
    counted_from, how = counting_day(article, published, dt.date.today())
    draft.dates = find_dates(article.sentences, counted_from)
    for date in draft.dates:
        # As a figure's: the place named in the same part of the sentence, else earlier in
        # its paragraph, the dateline's place only when the sentence names no other.
        date.place, how = mentions.place_for(date.sentence, date.offset, figures=True)
        if date.place is None:
            date.place, how = mentions.place_for(date.sentence, date.offset, figures=False)
        if how:
            date.reasons.append(how)
        date.title = event_title(
            _without_attribution(_without_dateline(texts[date.sentence], article))
        )
    _drop_dateline_dates(draft, article)
    _drop_repeated_dates(draft)
    if published is None:
        draft.notes.append(_no_date_note(counted_from, how))
    elif article.updated and article.published == published and article.updated > published:
        draft.notes.append(
            f"Erschienen am {published.isoformat()}, aktualisiert am "
            f"{article.updated.isoformat()}: das Datum der ersten Veröffentlichung gilt. / "
            f"Published on {published.isoformat()}, updated on {article.updated.isoformat()}: "
            "the date of first publication counts."
        )
    if not article.headline:
        draft.notes.append(
            "Keine Überschrift im Text: der Titel ist der Anfang des ersten Satzes, bitte "
            "prüfen. / No headline in the text: the title is the start of the first "
            "sentence, please check."
        )
    if not article.publisher:
        draft.notes.append("Kein Verlag / keine Agentur gefunden. / No publisher found.")
    return draft


# A dateline read from a name and a full stop ("Essen. Die …") that is also an everyday
# word counts only for a city this big of that name.
_PERIOD_DATELINE_CITY = 100_000


def _names_places(gaz: Gazetteer, article: Article) -> bool:
    """Is each name of the dateline "Berlin/Kiew." a place's?"""
    for name in (article.dateline.place if article.dateline else "").split("/"):
        places = [p for p in gaz.lookup(name) if p.kind != "water"]
        if not places:
            return False
        if gaz.is_common_word(name) and max(p.population for p in places) < _PERIOD_DATELINE_CITY:
            return False
        if not any(p.is_named(name) for p in places) and not gaz.is_exact(name):
            return False
    return True


def _no_date_note(counted_from: dt.date | None, how: str) -> str:
    """What the journalist must give when the text states no date of publication, and
    which day relative dates were counted from instead, if any."""
    asked = (
        "Kein Erscheinungsdatum im Text gefunden: bitte angeben",
        "No date of publication found in the text: please give it",
    )
    if counted_from is None:
        return (
            f"{asked[0]} (relative Angaben wie „am Dienstag“ sind ohne Datum nicht "
            f'aufgelöst). / {asked[1]} ("on Tuesday" and the like stay unresolved without it).'
        )
    day = counted_from.isoformat()
    if how == "dateline":
        why = (
            "dem Tag der Ortsmarke, das Jahr aus dem Wochentag des Vorspanns",
            "the dateline's day, its year from the lead's weekday",
        )
    elif how == "weekday and day":
        why = (
            "dem letzten Tag mit Wochentag, aber ohne Jahr im Text, das Jahr aus dem Wochentag",
            "the latest day written with its weekday but no year, its year from the weekday",
        )
    else:
        why = (
            "dem letzten Datum mit Wochentag im Text",
            "the latest date with its weekday in the text",
        )
    return (
        f"{asked[0]}. Relative Angaben („am Dienstag“) sind ab {day} gezählt, {why[0]}: "
        f'bitte prüfen. / {asked[1]}. Relative dates ("on Tuesday") are counted from {day}, '
        f"{why[1]}: please check."
    )


def _title_from_text(article: Article) -> str:
    """A working title when the text has no headline: its first sentence, cut short."""
    first = next((s.text for s in article.sentences if s.text), "")
    return event_title(first, limit=80) if first else ""


def _summary(article: Article) -> str:
    body = article.body
    if body and len(body[0]) <= SUMMARY_MAX_CHARS:
        return body[0]
    sentences = [s.text for s in article.sentences if s.paragraph >= 1]
    summary = ""
    for text in sentences:
        if summary and len(summary) + len(text) > SUMMARY_MAX_CHARS:
            break
        summary = f"{summary} {text}".strip()
    return summary or article.headline


def _mark_distant(places: list[DraftPlace]) -> None:
    """Places far from where most of the article happens are context."""
    points = [p for p in places if p.kind != "country" and p.confidence != LOW]
    if len(points) < 2:
        return

    # The centre: the place with the most mentions within DISTANT_KM of it.
    def weight(centre: DraftPlace) -> int:
        return sum(
            len(p.sentences)
            for p in points
            if geodesic_distance_km(p.lon_lat, centre.lon_lat) <= DISTANT_KM
        )

    centre = max(points, key=weight)
    for place in places:
        reference = place.lon_lat
        place.distant = geodesic_distance_km(reference, centre.lon_lat) > DISTANT_KM


def event_title(sentence: str, limit: int = 90) -> str:
    """A timeline title from the sentence: the sentence, cut at a word if long."""
    if len(sentence) <= limit:
        return sentence.rstrip(".")
    cut = sentence[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:–- ") + " …"


def _without_dateline(sentence: str, article: Article) -> str:
    """The sentence without the dateline it opens with ("SANTIAGO, Chile (AP) —"): a
    timeline title says what happened, the place is the event's own."""
    written = article.dateline.text if article.dateline else ""
    if written and sentence.startswith(written) and sentence[len(written) :].strip():
        return sentence[len(written) :].lstrip(" -–—:")
    return sentence


# "…, officials said." / "…, sagte ein Sprecher." / "…, hieß es.": who said it is for the
# quote, the title says what happened.
_ATTRIBUTION = re.compile(
    r",\s+(?:(?:[\w'’.-]+\s+){0,6}(?:said|says|told\s+[\w'’. -]{1,40}|reported|added)|"
    r"(?:according\s+to|so|laut)\s+[^,]{1,60}|hieß\s+es(?:\s+[^,]{1,60})?|"
    r"(?:sagte|sagten|erklärte|berichtete|teilte)(?:\s+[^,]{1,60})?)\s*[.!]?[\"”“]?$"
)
TITLE_MIN_CHARS = 20  # what is left after the attribution must still say something


def _without_attribution(sentence: str) -> str:
    cut = _ATTRIBUTION.search(sentence)
    if cut and cut.start() >= TITLE_MIN_CHARS:
        return sentence[: cut.start()]
    return sentence


def _drop_dateline_dates(draft: Draft, article: Article) -> None:
    """The day in a dateline ("TOKYO, Jan. 9 (Xinhua) --") is when the report was filed,
    not an event; the sentence's own day ("on Tuesday") stays."""
    written = article.dateline.text if article.dateline else ""
    if not written:
        return
    for date in draft.dates:
        sentence = draft.sentences[date.sentence]
        if date.keep and date.offset < len(written) and sentence.startswith(written):
            date.keep = False
            date.reasons.append("the dateline's day: when the report was filed")


def _drop_repeated_dates(draft: Draft) -> None:
    """One timeline entry per date and sentence (of those still on the timeline)."""
    seen: set[tuple[str | None, int]] = set()
    for date in draft.dates:
        key = (date.date, date.sentence)
        if date.keep and key in seen:
            date.keep = False
            date.reasons.append("same date, same sentence")
        if date.keep:
            seen.add(key)
