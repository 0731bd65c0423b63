"""Where a place is the story's ground, and where it only says whose: a country named
only as an adjective ("British broadcaster BBC") is not on the map, unless a place of it
is; a dateline's town is where the report was filed, which grounds nothing."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from dashboard.core.geometry import geodesic_distance_km
from dashboard.core.names import fold
from dashboard.draft.model import DraftPlace
from dashboard.draft.place_scores import SMALL_POPULATION, Mention
from dashboard.draft.sentences import Sentence
from dashboard.reader.gazetteer import Place


def dateline_only(
    drafts: dict[str, DraftPlace],
    sentences: list[Sentence],
    dateline: tuple[str, str | None] | None,
) -> set[str]:
    """The drafted places named only in the dateline ("London/Teheran -", "LONDON (AP)")."""
    if dateline is None:
        return set()
    written = dateline[0]
    texts = {s.index: s.text for s in sentences}
    found = set()
    for key, place in drafts.items():
        if place.positions and all(
            start < len(written) and fold(texts[index][: len(written)]) == fold(written)
            for index, start in place.positions
        ):
            found.add(key)
    return found


def whose_not_where(
    drafts: dict[str, DraftPlace],
    adjective_only: dict[str, bool],
    said_whose: dict[str, set[tuple[int, int]]],
    filed_from: AbstractSet[str] = frozenset(),
) -> None:
    """A country named only as an adjective is whose, not where; a town named only in
    the dateline does not make it the story's ground ("London/Teheran - ... der britische
    Sender BBC")."""
    grounds = {
        p.place.country
        for key, p in drafts.items()
        if p.kind != "country" and key not in filed_from
    }
    for key, place in drafts.items():
        if adjective_only[key] and place.kind == "country" and place.place.country not in grounds:
            # "ukrainische Flüchtlinge", "British broadcaster BBC": whose, not where. A map
            # editor marks such a country at most as optional; the editor may still add it.
            # With a town of it named ("die irakische Armee rückt auf Mossul vor") it is
            # the story's ground and stays.
            place.keep = False
            place.reasons.append("country named only as an adjective: not on the map")
        elif not adjective_only[key]:
            # "Russian authorities said" tells whose, not where: a figure of that sentence
            # is not tied to Russia by it.
            place.positions = [at for at in place.positions if at not in said_whose[key]]


def whose(mention: Mention) -> bool:
    """An adjective that says whose ("Russian authorities"), not where."""
    return mention.adjective and not mention.of_ground


def town_and_region(mentions: list[Mention], sentences: list[Sentence]) -> list[tuple[str, str]]:
    """ "Asheville, North Carolina", "Jasper, Alberta": a town, a comma, then a region of
    a country one of the town's namesakes lies in. Each names the other's country:
    (country, the town's folded name) for the region's sake."""
    texts = {s.index: s.text for s in sentences}
    by_start = {(m.sentence, m.start): m for m in mentions}
    found: list[tuple[str, str]] = []
    for town in mentions:
        end = town.start + len(town.surface)
        region = by_start.get((town.sentence, end + 2))
        if region is None or texts[town.sentence][end : end + 2] != ", ":
            continue
        regions = {p.country for p in region.places if p.kind == "region"}
        towns = {p.country for p in town.places if p.kind == "city"}
        found += [(code, fold(town.name)) for code in sorted(regions & towns)]
        _within(town, [p for p in region.places if p.kind == "region"])
    return found


# A town written with its region lies within this of the region's centre.
REGION_REACH_KM = 600.0
REGION_BAND_KM = 150.0


def _within(town: Mention, regions: list[Place]) -> None:
    """ "Dresden, Tenn.", "Paradise, Calif.": the town is the namesake in that region,
    the comma and the region as good as a preposition."""
    reach = {
        p.key: min(
            geodesic_distance_km((p.lon, p.lat), (r.lon, r.lat))
            for r in regions
            if r.country == p.country
        )
        for p in town.places
        if p.kind == "city" and any(r.country == p.country for r in regions)
    }
    nearest = min(reach.values(), default=REGION_REACH_KM)
    # A neighbouring state's namesake may lie as near the centre of a big state: of
    # those inside, the ones about as near as the nearest ("JACKSON, Ky." is not
    # Jackson, Tennessee).
    inside = [
        p
        for p in town.places
        if p.key in reach and reach[p.key] < min(REGION_REACH_KM, nearest + REGION_BAND_KM)
    ]
    if inside:
        town.places = inside
        town.cue = True


# Between two names of a list: "Neustadt, Sebnitz, Bad Schandau und Gohrisch", "Dinalungan,
# Casiguran and Dilasag".
_LIST_GAP = re.compile(r"\s*,\s*(?:(?:und|and|sowie|or|oder)\s+)?|\s+(?:und|and|sowie|or|oder)\s+")


def listed_together(mentions: list[Mention], sentences: list[Sentence]) -> None:
    """Names listed together are alike: where one of a list has a place word before it or
    is a place of some size ("in Sebnitz, Bad Schandau und Gohrisch", "Neustadt,
    Sebnitz, Bad Schandau"), each is read as after a preposition, and none as the
    surname after a given name."""
    texts = {s.index: s.text for s in sentences}
    ordered = sorted(mentions, key=lambda m: (m.sentence, m.start))
    run: list[Mention] = []
    for mention in [*ordered, None]:
        previous = run[-1] if run else None
        if (
            mention is not None
            and previous is not None
            and not mention.person_like  # "in Valencia, Pilar Bernabé, told"
            and mention.sentence == previous.sentence
            and _LIST_GAP.fullmatch(
                texts[mention.sentence], previous.start + len(previous.surface), mention.start
            )
        ):
            run.append(mention)
            continue
        if len(run) > 1 and any(_sure(m) for m in run):
            for member in run:
                member.cue, member.after_name = True, False
        run = [mention] if mention is not None and not mention.person_like else []


def _sure(mention: Mention) -> bool:
    """A list member that makes the list one of places: after a place word, or a region,
    country or town of some size by its own name."""
    top = mention.places[0]
    return not mention.person_like and (
        mention.cue
        or top.kind in ("country", "region")
        or (
            top.kind == "city" and top.population >= SMALL_POPULATION and top.is_named(mention.name)
        )
    )


SHORT_FORM_KM = 300.0


def short_forms(drafts: dict[str, DraftPlace]) -> None:
    """ "in the North of Minas" after "Minas Gerais", "Rio Grande" after "Rio Grande do
    Sul": a town named by the first words of a region the article names, in another
    country or far from it, is the region's short name; its mentions go to the region."""
    regions = [p for p in drafts.values() if p.kind == "region" and " " in p.name.strip()]
    for key, place in list(drafts.items()):
        if place.kind != "city":
            continue
        words = fold(place.name).split()
        for region in regions:
            whole = fold(region.name).split()
            far = place.place.country != region.place.country or (
                geodesic_distance_km(place.lon_lat, region.lon_lat) > SHORT_FORM_KM
            )
            if len(words) < len(whole) and whole[: len(words)] == words and far:
                region.positions = sorted(set(region.positions) | set(place.positions))
                region.sentences = sorted(set(region.sentences) | set(place.sentences))
                del drafts[key]
                break
