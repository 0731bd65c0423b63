"""Scoring one draft (the plain `draft.json` dictionary) against one article's expected lists.

Rules (also in benchmarks/draft_eval/README.md):
- A prediction is every place, figure and timeline date the draft keeps, low confidence
  included. Items the expected list marks `optional` are neither required nor counted
  against the draft when it finds them: a passing mention the map may or may not show.
- Places: a country by its code; a city, town or village within 25 km; a district within
  60 km; a region or a water body within 300 km of the approximate centre (the expected
  item's `km` overrides). Settlements are never matched by a drafted country or region.
  Each drafted place matches at most one expected place: same-named pairs (case and
  accents ignored) are assigned first, then the nearest remaining pairs.
- Figures: right when low and high are both right. A change ("von 47 auf 96") is expected
  as its new value with `was = 47`; a drafted range 47-96 is wrong (an extra, and the 96
  is missed). Ages, years, clock times and storeys are never expected, so a drafted one is
  an extra. A vague count with no number ("Hunderte", "thousands") counts neither way.
  *Figure places*: of the right figures whose expected list names a place, how many the
  draft ties to a place matching it. *Figure labels*: of the right figures with
  `words`, how many have one of the words in their label or counted noun.
- Dates: a timeline date is right when it equals an expected one ("2024-05" is a month;
  "a|b" accepts either day). The publication day is always an optional date.
- Publication date: the draft's `published` against the article's date ("a|b": either),
  reported apart for the articles whose text states its date.
- Dates with the publication date given: the same date rules on a second draft of each
  article whose text does not state its date, made with `draft --date` and the first day
  of the article's date, as a journalist who knows the date would run it; an article that
  states its date is scored on its one draft. The publication-date rows always come from
  the draft made without `--date`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

SETTLEMENT_KINDS = ("city", "town", "village")
TOLERANCE_KM = {"city": 25.0, "town": 25.0, "village": 25.0, "district": 60.0}
WIDE_KM = 300.0  # regions and water bodies: their centre is itself approximate
EARTH_RADIUS_KM = 6371.0088
# "Hunderte", "thousands", "dozens": a count with no number in it. A map may show it, so it
# is neither expected nor counted against the draft, whatever value the draft gives it.
VAGUE_COUNT = re.compile(
    r"\b(hundreds|thousands|dozens|millions|billions|"
    r"hunderte|tausende|dutzende|zehntausende|hunderttausende|millionen)\b",
    re.IGNORECASE,
)


@dataclass
class Tally:
    true_positive: int = 0
    predicted: int = 0
    expected: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.expected if self.expected else 1.0

    def add(self, other: Tally) -> None:
        self.true_positive += other.true_positive
        self.predicted += other.predicted
        self.expected += other.expected
        self.misses += other.misses
        self.extras += other.extras


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance; the scorer needs no more than a kilometre's accuracy."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def drafted_place(place: dict[str, Any]) -> dict[str, Any]:
    """The chosen candidate of a drafted place, moved where the editor moved it."""
    candidates = place.get("candidates") or [{}]
    chosen = candidates[min(place.get("chosen", 0), len(candidates) - 1)]
    lat, lon = place.get("moved_to") or (chosen.get("lat", 0.0), chosen.get("lon", 0.0))
    return {
        "kind": chosen.get("kind", ""),
        "country": chosen.get("country", ""),
        "lat": lat,
        "lon": lon,
        "name": place.get("name", ""),
        "gazetteer": chosen.get("name_en", ""),
    }


def place_matches(drafted: dict[str, Any], expected: dict[str, Any], strict: bool) -> bool:
    """Whether a drafted place is the expected one. `strict` keeps a drafted city from
    standing for an expected region while a drafted region could still take it."""
    kind = expected.get("kind", "city")
    if kind == "country":
        return drafted["kind"] == "country" and drafted["country"] == expected["country"]
    if drafted["kind"] == "country" or "lat" not in expected:
        return False
    if kind in SETTLEMENT_KINDS and drafted["kind"] in ("region", "water"):
        return False
    if strict and kind in ("region", "water") and drafted["kind"] in SETTLEMENT_KINDS:
        return False
    limit = expected.get("km", TOLERANCE_KM.get(kind, WIDE_KM))
    where = (expected["lat"], expected["lon"])
    return distance_km((drafted["lat"], drafted["lon"]), where) <= limit


def fold_name(name: str) -> str:
    """A name for comparing: case and accents ignored ("Mürşitpınar" = "mursitpinar")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def match_places(kept: list[dict[str, Any]], expected: list[dict[str, Any]]) -> dict[int, int]:
    """Expected index -> drafted index, one to one. Every pair must match (`place_matches`);
    among them a drafted place of the same name wins first, then the nearest pairs, so a
    neighbouring town cannot take the expected place that a same-named drafted place fits.
    Within each step strict pairs (a drafted region for an expected region) come before a
    drafted city standing for a region, and required places before optional ones."""
    views = [drafted_place(p) for p in kept]
    pairs: list[tuple[tuple[int, int, int, float], int, int]] = []
    for i, item in enumerate(expected):
        where = (item["lat"], item["lon"]) if "lat" in item else None
        want = fold_name(str(item.get("name", "")))
        for j, view in enumerate(views):
            if place_matches(view, item, True):
                tier = 0
            elif place_matches(view, item, False):
                tier = 1
            else:
                continue
            named = want in (fold_name(view["name"]), fold_name(view["gazetteer"]))
            far = distance_km((view["lat"], view["lon"]), where) if where else 0.0
            key = (0 if named else 1, tier, int(bool(item.get("optional"))), far)
            pairs.append((key, i, j))
    found: dict[int, int] = {}
    taken: set[int] = set()
    for _key, i, j in sorted(pairs):
        if i not in found and j not in taken:
            found[i] = j
            taken.add(j)
    return found


def score_places(
    draft: dict[str, Any], expected: list[dict[str, Any]], name: str
) -> tuple[Tally, dict[str, dict[str, Any]]]:
    """The tally, and the drafted place id each expected place name was matched to."""
    kept = [p for p in draft.get("places", []) if p.get("keep", True)]
    found = match_places(kept, expected)
    required = [i for i, item in enumerate(expected) if not item.get("optional")]
    optional_hits = {j for i, j in found.items() if expected[i].get("optional")}
    tally = Tally(expected=len(required), predicted=len(kept) - len(optional_hits))
    for i in required:
        if i in found:
            tally.true_positive += 1
        else:
            tally.misses.append(f"{name}: {expected[i]['name']}")
    for j, place in enumerate(kept):
        if j not in found.values():
            view = drafted_place(place)
            tally.extras.append(
                f"{name}: {view['name']} ({view['gazetteer']}, {view['country']}, {view['kind']})"
            )
    return tally, {expected[i]["name"]: kept[j] for i, j in found.items()}


def _same(a: float, b: float) -> bool:
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))


def figure_words_found(figure: dict[str, Any], words: list[str]) -> bool:
    said = f"{figure.get('label', '')} {figure.get('counts', '')}".casefold()
    return any(word.casefold() in said for word in words)


def is_vague(figure: dict[str, Any]) -> bool:
    text = str(figure.get("text", ""))
    return not any(c.isdigit() for c in text) and VAGUE_COUNT.search(text) is not None


def score_figures(
    draft: dict[str, Any],
    expected: list[dict[str, Any]],
    places: list[dict[str, Any]],
    name: str,
) -> dict[str, Tally]:
    kept = [f for f in draft.get("figures", []) if f.get("keep", True) and not is_vague(f)]
    drafted_by_id = {p.get("id"): p for p in draft.get("places", [])}
    expected_places = {p["name"]: p for p in places}
    tally, attached, labelled = Tally(), Tally(), Tally()
    used: set[int] = set()
    optional_hits = 0
    for item in sorted(expected, key=lambda f: bool(f.get("optional"))):
        hit = next(
            (
                j
                for j, f in enumerate(kept)
                if j not in used
                and _same(f.get("low", math.nan), item["low"])
                and _same(f.get("high", math.nan), item["high"])
            ),
            None,
        )
        if item.get("optional"):
            if hit is not None:
                used.add(hit)
                optional_hits += 1
            continue
        tally.expected += 1
        shown = _figure_name(item)
        if hit is None:
            tally.misses.append(f"{name}: {shown}")
            continue
        used.add(hit)
        tally.true_positive += 1
        figure = kept[hit]
        if item.get("place") in expected_places:
            attached.expected += 1
            attached.predicted += 1
            tied = drafted_by_id.get(figure.get("place"))
            want = expected_places[item["place"]]
            if tied is not None and any(
                place_matches(drafted_place(tied), want, strict) for strict in (True, False)
            ):
                attached.true_positive += 1
            else:
                attached.misses.append(
                    f"{name}: {shown} belongs to {item['place']}, drafted with "
                    f"{tied.get('name') if tied else 'no place'}"
                )
        if item.get("words"):
            labelled.expected += 1
            labelled.predicted += 1
            if figure_words_found(figure, item["words"]):
                labelled.true_positive += 1
            else:
                labelled.misses.append(
                    f"{name}: {shown} labelled {figure.get('label', '')!r}, expected one of "
                    f"{', '.join(item['words'])}"
                )
    tally.predicted = len(kept) - optional_hits
    tally.extras += [
        f"{name}: {f.get('text', '')} ({f.get('label', '')})"
        for j, f in enumerate(kept)
        if j not in used
    ]
    return {"figures": tally, "figure places": attached, "figure labels": labelled}


def _figure_name(item: dict[str, Any]) -> str:
    low, high = (int(v) if float(v).is_integer() else v for v in (item["low"], item["high"]))
    value = f"{low}" if low == high else f"{low}–{high}"
    if "was" in item:
        value = f"{item['was']} → {value}"
    words = item.get("words") or [""]
    return f"{value} {words[0]}".strip()


def score_dates(
    draft: dict[str, Any], expected: list[str], optional: list[str], name: str
) -> Tally:
    timeline = {d["date"] for d in draft.get("dates", []) if d.get("keep", True) and d.get("date")}
    tally = Tally(expected=len(expected))
    used: set[str] = set()
    for item in expected:
        hits = [alt for alt in item.split("|") if alt in timeline]
        if hits:
            tally.true_positive += 1
            used.update(hits)
        else:
            tally.misses.append(f"{name}: {item}")
    excused = {d for d in timeline - used if d in set(optional)}
    tally.predicted = len(timeline) - len(excused)
    tally.extras += [f"{name}: {d}" for d in sorted(timeline - used - excused)]
    return tally


def score_published(draft: dict[str, Any], article: dict[str, Any], name: str) -> Tally:
    """One item per article: right when the draft's date is the article's date ("a|b":
    either, for a story dated differently on both sides of midnight). A wrong date counts
    as drafted and wrong; no date as not drafted."""
    got = draft.get("published")
    want = article.get("published", "")
    shown = want.replace("|", " or ")
    tally = Tally(expected=1, predicted=1 if got else 0)
    if got and got in want.split("|"):
        tally.true_positive = 1
    elif got:
        tally.extras.append(f"{name}: {got}, the article's date is {shown}")
    else:
        tally.misses.append(f"{name}: none found, the article's date is {shown}")
    return tally


DATES_GIVEN = "dates (publication date given)"
CATEGORIES = (
    "places",
    "figures",
    "figure places",
    "figure labels",
    "dates",
    DATES_GIVEN,
    "publication date",
    "publication date (stated in the text)",
)


def given_date(article: dict[str, Any]) -> str | None:
    """The date `draft --date` is given for the second measurement of dates: the first day
    of the article's date, only when its text does not state it (else None)."""
    if article.get("published_in_text"):
        return None
    return article.get("published", "").split("|")[0] or None


def score_article(
    draft: dict[str, Any] | None,
    article: dict[str, Any],
    dated_draft: dict[str, Any] | None = None,
) -> dict[str, Tally]:
    """Every category's tally for one article; a missing draft scores as all misses.
    `dated_draft` is the draft made with `--date given_date(article)`, when there is one."""
    name = f"{article['id']}.{article['language']}"
    draft = draft or {}
    places = article.get("places", [])
    result = {"places": score_places(draft, places, name)[0]}
    result.update(score_figures(draft, article.get("figures", []), places, name))
    # The day of publication is where a report's own news happened ("the toll rose to
    # 158"): on the timeline it is never wrong, and never required.
    optional = [*article.get("optional_dates", []), *article.get("published", "").split("|")]
    result["dates"] = score_dates(draft, article.get("dates", []), optional, name)
    given = (dated_draft or {}) if given_date(article) else draft
    result[DATES_GIVEN] = score_dates(
        given, article.get("dates", []), optional, f"{name} (date given)"
    )
    result["publication date"] = score_published(draft, article, name)
    result["publication date (stated in the text)"] = (
        score_published(draft, article, name) if article.get("published_in_text") else Tally()
    )
    return result
