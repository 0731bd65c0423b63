"""Draft -> story folder (`story.toml`, `features.geojson`, `draft.json`).

The folder is written beside its destination, checked with the story reader's own
`validate_story`, and only then renamed into place (safe_write.py): a reader never sees
half a story, and only a story folder is ever replaced, only when asked (`force`).
`draft.json` (every item the draft found, with its confidence) stays inside the folder.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import tempfile
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

from babel import Locale

from dashboard.core.model import DRAFT, Story
from dashboard.draft.model import Draft, DraftPlace
from dashboard.draft.safe_write import (
    DRAFT_FILE,
    DraftWriteError,
    check_target,
    claim,
    move_into_place,
)
from dashboard.draft.toml_text import dumps
from dashboard.reader.fields import SLUG_PATTERN
from dashboard.reader.story import FEATURES_FILE, STORY_FILE, load_story, validate_story

MIN_VIEW_SPAN = 1.0  # degrees: a one-city story still shows its surroundings
MAX_LABELLED = 8
# A region's point is the middle of its towns, a water's a point on a river, lake or sea
# near the story: both are approximate positions, and the map says so.
APPROXIMATE_KINDS = ("region", "water")


# A quote is the sentence that said it; a "sentence" longer than this (text with no
# sentence marks, a pasted table) is cut at a word before it, so that every draft stays
# within the story reader's text limit.
QUOTE_MAX_CHARS = 1_000


def _quote(sentence: str) -> str:
    if len(sentence) <= QUOTE_MAX_CHARS:
        return sentence
    cut = sentence[: QUOTE_MAX_CHARS - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > QUOTE_MAX_CHARS // 2 else cut).rstrip() + "…"


def _own(text: str, lang: str) -> dict[str, str]:
    """A text in the article's language only: the story is marked `languages = [lang]`
    and the page tells readers of the other language (nothing is machine-translated)."""
    return {lang: text}


def _country_name(code: str, lang: str) -> str:
    return Locale(lang).territories.get(code, code)


def _article_date(draft: Draft) -> dt.date:
    """The article's date; without one, today stands in, and the story says
    `date_unknown = true`, which the editor shows and which stops publishing."""
    return dt.date.fromisoformat(draft.published) if draft.published else dt.date.today()


# Figures and dates come from the article itself: the story's [source].
ARTICLE_SOURCES = [{"kind": "article"}]


def _editorial(de: str, en: str) -> dict[str, Any]:
    return {"kind": "editorial", "note": {"de": de, "en": en}}


def _note(place: DraftPlace, draft: Draft) -> dict[str, str]:
    """What readers read about the place: the journalist's note, else what kind of place
    it is. Notes for the journalist (how often the article names it, how sure the match
    is, "please check") stay in draft.json and the editor; readers never see them."""
    if place.note:
        return _own(place.note, draft.language)
    candidate = place.place
    if candidate.kind == "country":
        what_de, what_en = "Staat", "Country"
    elif candidate.kind == "region":
        what_de = f"Region in {_country_name(candidate.country, 'de')}"
        what_en = f"Region in {_country_name(candidate.country, 'en')}"
    elif candidate.kind == "water":
        what_de, what_en = "Gewässer", "Body of water"
    else:
        what_de = f"Ort in {_country_name(candidate.country, 'de')}"
        what_en = f"Place in {_country_name(candidate.country, 'en')}"
    de, en = f"{what_de}.", f"{what_en}."
    if candidate.kind in APPROXIMATE_KINDS and not place.moved_to:
        de += " Der Punkt ist ein ungefährer Mittelpunkt."
        en += " The point is an approximate centre."
    return {"de": de, "en": en}


def _names(place: DraftPlace, draft: Draft) -> tuple[str, str]:
    candidate = place.place
    if place.name_de and place.name_en:
        return place.name_de, place.name_en
    if candidate.kind == "city":
        if draft.language == "de":
            return place.name_de or place.name, place.name_en or candidate.name_en
        return place.name_de or candidate.name_de, place.name_en or place.name
    return place.name_de or candidate.name_de, place.name_en or candidate.name_en


def _country_geometry(code: str) -> dict[str, Any] | None:
    from dashboard.draft.countries import country_geometry

    return country_geometry(code)


def _feature(place: DraftPlace, draft: Draft, labelled: bool) -> dict[str, Any]:
    candidate = place.place
    name_de, name_en = _names(place, draft)
    lang = draft.language
    properties: dict[str, Any] = {"id": place.id}
    geometry = _country_geometry(candidate.country) if candidate.kind == "country" else None
    if geometry is not None and not place.moved_to:
        properties["kind"] = "area"
        sources: list[dict[str, Any]] = [
            {"kind": "publication", "publisher": "Natural Earth", "title": "Admin 0 – Countries"}
        ]
    else:
        lon, lat = place.lon_lat
        geometry = {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]}
        properties["kind"] = "place"
        if place.moved_to:
            sources = [_editorial("von Hand gesetzt", "placed by hand")]
        elif candidate.kind == "city":
            sources = [
                {
                    "kind": "gazetteer",
                    "publisher": "GeoNames",
                    "title": candidate.name_en,
                    "method": candidate.source,
                }
            ]
        else:
            sources = [_editorial("ungefährer Mittelpunkt", "approximate centre")]
    note = _note(place, draft)
    properties.update(name_de=name_de, name_en=name_en)
    properties.update({f"note_{note_lang}": value for note_lang, value in note.items()})
    properties["sources"] = sources
    if place.sentences:
        properties["quote_" + lang] = _quote(draft.sentences[place.sentences[0]])
    if labelled:
        properties["labelled"] = True
    if place.distant:
        properties["distant"] = True
    if candidate.kind in APPROXIMATE_KINDS and not place.moved_to:
        properties["estimate"] = True
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def _bounds(draft: Draft, places: list[DraftPlace]) -> list[list[float]]:
    points = [p.lon_lat for p in places if not p.distant and p.kind != "country"]
    if not points:
        points = [p.lon_lat for p in places if not p.distant] or [(0.0, 0.0)]
    lats = [lat for _, lat in points]
    lons = [lon for lon, _ in points]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    pad_lat = max((north - south) * 0.15, (MIN_VIEW_SPAN - (north - south)) / 2, 0.2)
    pad_lon = max((east - west) * 0.15, (MIN_VIEW_SPAN - (east - west)) / 2, 0.2)
    return [
        [round(max(-90.0, south - pad_lat), 4), round(max(-180.0, west - pad_lon), 4)],
        [round(min(90.0, north + pad_lat), 4), round(min(180.0, east + pad_lon), 4)],
    ]


def story_data(draft: Draft) -> tuple[dict[str, Any], dict[str, Any]]:
    """The story's `story.toml` table and `features.geojson` collection."""
    lang = draft.language
    published = _article_date(draft)
    places = [p for p in draft.places if p.keep]
    ids = {p.id for p in places}
    labelled = _labelled(places)
    features = [_feature(p, draft, p.id in labelled) for p in places]
    author = draft.author
    story: dict[str, Any] = {
        "format": 1,
        "status": DRAFT,  # readers see it once published (`python -m dashboard publish`)
        "language": lang,
        "languages": [lang],
        "title": _own(_quote(draft.headline), lang),
        "summary": _own(_quote(draft.summary or draft.headline), lang),
        "published": published,
        "as_of": published,
        **({} if draft.published else {"date_unknown": True}),
        "credit": _credit(draft),
        "source": {
            "publisher": draft.publisher or ("unbekannt" if lang == "de" else "unknown"),
            **({"author": author} if author else {}),
            "title": draft.headline,
            **({"url": draft.url} if draft.url else {}),
        },
        "views": [
            {
                "id": "region",
                "name": {"de": "Region", "en": "Region"},
                "bounds": _bounds(draft, places),
            }
        ],
    }
    if figures := _figure_entries(draft, ids):
        story["figures"] = figures
    if events := _event_entries(draft, ids, published):
        story["events"] = events
    return story, {"type": "FeatureCollection", "features": features}


def _labelled(places: list[DraftPlace]) -> set[str]:
    """The most named places get labels: a list, so the order (and the cut) is the
    sentence count's and the article's, never a set's."""
    named = [
        p.id
        for p in sorted(places, key=lambda p: -len(p.sentences))
        if p.kind != "country" and not p.distant
    ]
    return set(named[:MAX_LABELLED])


def _credit(draft: Draft) -> dict[str, str]:
    who = ", ".join(x for x in (draft.author, draft.publisher) if x)
    credit_de = "Karte: Lagekarte · Grenzen: Natural Earth · Orte: GeoNames"
    credit_en = "Map: Lagekarte · Borders: Natural Earth · Places: GeoNames"
    if who:
        credit_de += f" · Text: {who}"
        credit_en += f" · Text: {who}"
    return {"de": credit_de, "en": credit_en}


def _figure_entries(draft: Draft, ids: set[str]) -> list[dict[str, Any]]:
    lang = draft.language
    figures = []
    for figure in draft.figures:
        if not figure.keep:
            continue
        entry: dict[str, Any] = {"id": figure.id, "label": _own(figure.label, lang)}
        if figure.place in ids:
            entry["feature"] = figure.place
        if figure.low == figure.high:
            entry["value"] = _number(figure.low)
        else:
            entry["low"], entry["high"] = _number(figure.low), _number(figure.high)
        if figure.unit:
            entry["unit"] = _own(figure.unit, lang)
        if figure.approximate:
            entry["approximate"] = True
        entry["sources"] = ARTICLE_SOURCES
        entry["quote"] = _own(_quote(draft.sentences[figure.sentence]), lang)
        if figure.callout and figure.place in ids:  # a callout stands beside its place
            entry["callout"] = True
        figures.append(entry)
    return figures


def _event_entries(draft: Draft, ids: set[str], published: dt.date) -> list[dict[str, Any]]:
    lang = draft.language
    events = []
    for date in draft.dates:
        if not date.keep or not date.date or date.date > published.isoformat():
            continue
        entry = {
            "id": date.id,
            "date": date.date,
            "title": _own(date.title, lang),
            "sources": ARTICLE_SOURCES,
            "quote": _own(_quote(draft.sentences[date.sentence]), lang),
        }
        if date.place in ids:
            entry["feature"] = date.place
        events.append(entry)
    return events


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() and math.isfinite(value) else value


def story_files(draft: Draft) -> dict[str, str]:
    """The story folder's files by name: story.toml, features.geojson, draft.json."""
    story, features = story_data(draft)
    story_text = dumps(story)
    if tomllib.loads(story_text)["title"] != story["title"]:
        raise DraftWriteError("story.toml did not read back as written")  # pragma: no cover
    return {
        STORY_FILE: story_text,
        FEATURES_FILE: json.dumps(features, ensure_ascii=False, indent=1) + "\n",
        DRAFT_FILE: json.dumps(draft.to_dict(), ensure_ascii=False, indent=1) + "\n",
    }


def preview_story(draft: Draft, slug: str = "preview") -> Story:
    """The story as it would be written, read back by the story reader (the editor's
    review map draws it as readers would see it). Raises StoryError when it is not valid."""
    with tempfile.TemporaryDirectory(prefix="lagekarte-preview-") as work:
        folder = Path(work) / slug
        folder.mkdir()
        for name, content in story_files(draft).items():
            (folder / name).write_text(content, "utf-8")
        return load_story(folder)


def write_story(draft: Draft, folder: str | Path, force: bool = False) -> Path:
    """Write the draft as a story folder; refuse an existing one unless `force`, and even
    then replace only a story folder (see safe_write.py)."""
    target = Path(folder)
    if not SLUG_PATTERN.match(target.name):
        raise DraftWriteError(
            f"{target}: a story folder's name is its slug: lower-case letters, digits, "
            "hyphens (for example 'kalifat-2017')",
            reason="slug",
        )
    files = story_files(draft)
    target.parent.mkdir(parents=True, exist_ok=True)
    with claim(target) as work:
        check_target(target, force)
        staged = work / target.name
        staged.mkdir()
        for name, content in files.items():
            (staged / name).write_text(content, "utf-8")
        problems = [p for p in validate_story(staged) if not p.warning]
        move_into_place(staged, target, force)
    if problems:  # kept as the draft it is (readers never see it), its problems named
        problems = [replace(p, file=p.file.replace(str(staged), str(target), 1)) for p in problems]
        raise DraftWriteError(
            f"{target}: written as a draft, but it does not validate (a bug of the draft: "
            "please report it)",
            problems,
            "invalid",
            folder=target,
        )
    return target


def slug_for(text: str) -> str:
    """A folder name from a headline: "Das Kalifat des IS bricht zusammen" -> "kalifat-is-…"."""
    from dashboard.core.names import fold

    words = [w for w in re.split(r"[^a-z0-9]+", fold(text)) if w]
    slug = "-".join(words)[:48].strip("-")
    return slug or "story"
