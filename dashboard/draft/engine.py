"""Article -> Draft: places, figures and dates, tied to each other by their sentences."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from functools import lru_cache

from dashboard.draft.article import Article
from dashboard.draft.dates import find_dates, nearest_year
from dashboard.draft.figure_labels import figure_label
from dashboard.draft.figures import find_figures, refers_back
from dashboard.draft.gazetteer import Gazetteer, gazetteer
from dashboard.draft.model import HIGH, LOW, MEDIUM, Draft, DraftPlace
from dashboard.draft.places import recognise_places
from dashboard.draft.sentences import Sentence
from dashboard.geometry import geodesic_distance_km

# A place farther than this from the article's centre of gravity is context (Washington
# in a story about Raqqa), shown apart from the story's region.
DISTANT_KM = 1500.0
# How far back "in der Stadt" / "there" may look for the place it means.
ANAPHORA_SENTENCES = 5
SUMMARY_MAX_CHARS = 400
# How far a figure's place is looked for among the sentences of its paragraph.
MATE_SENTENCES = 3
# Kinds of place a figure "in der Stadt" / "there" does not refer back to.
_AREAS = frozenset(["country", "region", "water"])


def draft_article(
    article: Article, gaz: Gazetteer | None = None, published: dt.date | None = None
) -> Draft:
    gaz = gaz or gazetteer()
    published = published or article.published
    places = recognise_places(article.sentences, gaz, article.language)
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
        dateline_place=article.dateline.place if article.dateline else None,
        dateline_region=article.dateline.region if article.dateline else None,
    )
    draft.figures = find_figures(article.sentences, article.language)
    mentions = _Mentions(draft, article.sentences)
    lead = mentions.lead_place(article.sentences)
    for figure in draft.figures:
        figure.place, how = mentions.place_for(figure.sentence, figure.offset, figures=True)
        if figure.place is None and lead is not None:
            figure.place, how = lead, "the place of the article's lead"
        if how:
            figure.reasons.append(how)
        figure.label = figure_label(figure, draft.place(figure.place), article.language)
    draft.dates = find_dates(article.sentences, report_date(article, published))
    for date in draft.dates:
        date.place, how = mentions.place_for(date.sentence, date.offset, figures=False)
        if how:
            date.reasons.append(how)
        date.title = event_title(texts[date.sentence])
    _drop_repeated_dates(draft)
    if published is None:
        draft.notes.append(
            "Kein Erscheinungsdatum im Text gefunden: bitte angeben (relative Angaben wie "
            "„am Dienstag“ sind ohne Datum nicht aufgelöst). / No date of publication found "
            'in the text: please give it ("on Tuesday" and the like stay unresolved without it).'
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


# A dateline's day ("SYDNEY, Oct 18 (Reuters)") this close to the date of publication is
# the day the report speaks from (time zones, a page dated by its first version).
DATELINE_DAYS = 3


def report_date(article: Article, published: dt.date | None) -> dt.date | None:
    """The day "on Tuesday" is counted from: the dateline's day when it has one near the
    date of publication, else the date of publication."""
    if published is None or article.dateline is None or article.dateline.month_day is None:
        return published
    month, day = article.dateline.month_day
    try:
        filed = dt.date(nearest_year(month, day, published), month, day)
    except ValueError:
        return published
    return filed if abs((filed - published).days) <= DATELINE_DAYS else published


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
            if geodesic_distance_km(*p.lat_lon, *centre.lat_lon) <= DISTANT_KM
        )

    centre = max(points, key=weight)
    for place in places:
        reference = place.lat_lon
        place.distant = geodesic_distance_km(*reference, *centre.lat_lon) > DISTANT_KM


class _Mentions:
    """Where the kept places are named, sentence by sentence, indexed once so that placing
    every figure and date costs a lookup each, not a pass over all mentions."""

    def __init__(self, draft: Draft, sentences: list[Sentence]) -> None:
        self._sentences = draft.sentences
        self._paragraph = {s.index: s.paragraph for s in sentences}
        every: dict[int, list[tuple[int, int, DraftPlace]]] = defaultdict(list)
        for order, place in enumerate(p for p in draft.places if p.keep):
            for sentence, offset in place.positions:
                every[sentence].append((offset, order, place))
        self._all = {s: sorted(m, key=lambda m: m[:2]) for s, m in every.items()}
        # A figure belongs to a town before its country, and to the story's ground before
        # a place far away that the sentence also names (a source in Washington).
        self._local = {
            s: [m for m in mentions if m[2].kind != "country" and not m[2].distant]
            or [m for m in mentions if m[2].kind != "country"]
            for s, mentions in self._all.items()
        }
        self._refers_back = lru_cache(maxsize=None)(refers_back)

    def place_for(self, sentence: int, offset: int, figures: bool) -> tuple[str | None, str]:
        """The place a figure or date belongs to: the sentence's own, or the one it refers
        to."""
        if figures and self._refers_back(self._sentences[sentence]):
            for back in range(sentence - 1, max(0, sentence - ANAPHORA_SENTENCES) - 1, -1):
                cities = [m for m in self._all.get(back, []) if m[2].kind not in _AREAS]
                if cities:
                    return cities[-1][2].id, "refers back to a place named before"
        chosen = self._local.get(sentence) or self._all.get(sentence)
        if chosen:
            return _nearest(chosen, offset).id, "place named in the same sentence"
        if figures:
            mate = self._paragraph_place(sentence)
            if mate is not None:
                return mate, "place named in the same paragraph"
        return None, ""

    def _paragraph_place(self, sentence: int) -> str | None:
        """The town or region an earlier sentence of the same paragraph names, the nearest
        first: "Officials said 42 were wounded" goes on about the place just named. A later
        sentence may name a new place ("Authorities in Canoas said …"), so it is not asked."""
        paragraph = self._paragraph.get(sentence)
        if not paragraph:
            return None
        for mate in range(sentence - 1, sentence - MATE_SENTENCES - 1, -1):
            if self._paragraph.get(mate) != paragraph:
                break
            local = [m for m in self._local.get(mate, []) if m[2].kind != "country"]
            if local:
                return local[-1][2].id
        return None

    def lead_place(self, sentences: list[Sentence]) -> str | None:
        """The place of the dateline or the lead: the first place the first sentence of the
        body names (a town before a country), or the second's when the first is only a
        dateline; None when the lead names none."""
        body = [s.index for s in sentences if s.paragraph >= 1][:2]
        for index in body:
            mentions = self._all.get(index, [])
            local = [m for m in mentions if m[2].kind != "country" and not m[2].distant]
            chosen = local or mentions
            if chosen:
                return chosen[0][2].id
        return None


def _nearest(mentions: list[tuple[int, int, DraftPlace]], offset: int) -> DraftPlace:
    """The mention closest to `offset` (the earlier one on a tie), by bisection."""
    at = bisect.bisect_left(mentions, offset, key=lambda m: m[0])
    neighbours = mentions[max(0, at - 1) : at + 1]
    return min(neighbours, key=lambda m: (abs(m[0] - offset), m[0], m[1]))[2]


def event_title(sentence: str, limit: int = 90) -> str:
    """A timeline title from the sentence: the sentence, cut at a word if long."""
    if len(sentence) <= limit:
        return sentence.rstrip(".")
    cut = sentence[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:–- ") + " …"


def _drop_repeated_dates(draft: Draft) -> None:
    """One timeline entry per date and sentence; the date line itself is not an event."""
    seen: set[tuple[str | None, int]] = set()
    for date in draft.dates:
        key = (date.date, date.sentence)
        if key in seen:
            date.keep = False
            date.reasons.append("same date, same sentence")
        seen.add(key)


def confidence_rank(confidence: str) -> int:
    return {HIGH: 0, MEDIUM: 1, LOW: 2}[confidence]
