"""The words around a name that say what kind of place it is: a region word ("Provinz
Idlib", "Luhansk region"), a water word ("the Dnipro river"), a town or village word ("das
Dorf X", "the villages of X, Y and Z"), each holding for the list it opens."""

from __future__ import annotations

import re
from dataclasses import dataclass

import dashboard.draft.words as _w
from dashboard.core.names import fold
from dashboard.draft.place_divisions import division_places
from dashboard.draft.place_fuzzy import word_before
from dashboard.draft.place_scores import Mention
from dashboard.reader.gazetteer import Gazetteer

_REGION_ENDINGS = ("region", "regionen", "provinz", "provinzen", "bundesstaat", "bundesstaaten")


@dataclass
class Lists:
    """Where the last name of a list that a place word opened ended (token index, or -1)."""

    region_end: int = -1  # "die Regionen Andalusien und Murcia"
    town_end: int = -1  # "die Dörfer A, B und C", "the villages of A, B and C"


def read_cues(
    mention: Mention,
    text: str,
    tokens: list[re.Match[str]],
    i: int,
    end: int,
    gaz: Gazetteer,
    lists: Lists,
) -> bool:
    """Set the mention's region, water and town cues from the words around it (tokens i to
    end); False when the name is no place of its own kind: a country's name inside a
    region's the gazetteer lacks ("West Azerbaijan province")."""
    before = word_before(tokens, i)
    after = tokens[end].group().lower() if end < len(tokens) else ""
    mention.region_cue = (
        before in _w.REGION_BEFORE
        or before.endswith(_REGION_ENDINGS)  # "Mittelmeerregionen", "Südprovinz"
        or after in _w.REGION_AFTER
    )
    # "die Regionen Andalusien und Murcia": the place word holds for the list.
    if _continues(text, tokens, lists.region_end, i):
        mention.region_cue = True
    lists.region_end = end - 1 if mention.region_cue else -1
    mention.region_country = _w.REGION_WORD_COUNTRY.get(before, "")
    mention.water_cue = before in _w.WATER_BEFORE or after in _w.WATER_AFTER
    # "Herat-Provinz", "Tigray-Region", "Taquari-Fluss": the compound says which.
    tail = mention.surface.rsplit("-", 1)[-1].lower() if "-" in mention.surface else ""
    mention.region_cue |= tail in _w.REGION_BEFORE or tail in _w.REGION_AFTER
    if mention.region_cue and not any(p.kind == "region" for p in mention.places):
        mention.places, mention.name = division_places(  # "Landkreis Günzburg"
            gaz, mention.places, mention.name, tokens, i, end
        )
    mention.water_cue |= bool(tail) and tail.startswith(tuple(_w.WATER_AFTER))
    # Only a region word right beside the name makes it a region's: "Sylhet district,
    # Bangladesh" names the country after the comma.
    beside_before = before if text[tokens[i - 1].end() : tokens[i].start()] == " " else ""
    beside_after = (
        after
        if end < len(tokens) and text[tokens[end - 1].end() : tokens[end].start()] == " "
        else ""
    )
    if _country_as_region(mention, beside_before, beside_after):
        return False
    # A plural town word holds for each name of the list after it.
    plural = before in _w.TOWNS_BEFORE or (
        before == "of" and i > 1 and tokens[i - 2].group().lower() in _w.TOWNS_BEFORE
    )
    listed = _continues(text, tokens, lists.town_end, i)
    mention.town_cue = before in _w.TOWN_BEFORE or listed
    lists.town_end = end - 1 if plural or listed else -1
    return True


def _continues(text: str, tokens: list[re.Match[str]], last: int, i: int) -> bool:
    """Does the name at token i go on the list whose last name ended at token `last`?"""
    between = text[tokens[last].end() : tokens[i].start()]
    return last >= 0 and between.strip(" ,").lower() in ("", "und", "and")


def _country_as_region(mention: Mention, before: str, after: str) -> bool:
    """A country's name with a region word before or after it names a region ("Georgia
    state", "Provinz Luxemburg", "West Azerbaijan province"): its regions of that name are
    meant, and with none the name is part of a longer one the gazetteer lacks."""
    if not (before in _w.REGION_BEFORE or after in _w.REGION_AFTER):
        return False
    if not any(p.kind == "country" for p in mention.places):
        return False
    mention.places = [p for p in mention.places if p.kind != "country"]
    return not mention.places


# A compass word and a name with a region word: "West Azerbaijan province", "Provinz
# West-Aserbaidschan". Elsewhere in the article the same two words name that region too.
_COMPASS_REGION = re.compile(
    r"\b(North|South|East|West)[ -]([A-Z][\w'’-]+)\s+(?:province|region|state|governorate|"
    r"oblast|district)s?\b|\b(?:Provinz|Region|Bundesstaat|Oblast|Gebiet|Bezirk)\s+"
    r"(Nord|Süd|Ost|West)-([A-ZÄÖÜ][\w'’-]+)"
)
_WORD_BEFORE = re.compile(r"(\w+)[ -]$")


def compass_regions(texts: list[str]) -> set[str]:
    """The folded names ("west azerbaijan") that the article writes as a compass word and
    a name with a region word."""
    found: set[str] = set()
    for text in texts:
        for match in _COMPASS_REGION.finditer(text):
            compass, name = match.group(1, 2) if match.group(1) else match.group(3, 4)
            found.add(fold(f"{compass} {name}"))
    return found


def without_compass_countries(
    mentions: list[Mention], texts: dict[int, str], regional: set[str]
) -> list[Mention]:
    """The mentions without the country that a compass word before it makes a region the
    article names ("in West Azerbaijan" after "West Azerbaijan province" is no
    Azerbaijan); a mention left with no place is dropped."""
    if not regional:
        return mentions
    kept = []
    for mention in mentions:
        if any(p.kind == "country" for p in mention.places):
            before = _WORD_BEFORE.search(texts[mention.sentence][: mention.start])
            written = fold(mention.surface.replace("-", " "))
            if written in regional or (before and fold(f"{before.group(1)} {written}") in regional):
                mention.places = [p for p in mention.places if p.kind != "country"]
        if mention.places:
            kept.append(mention)
    return kept
