"""Second-order units: districts, regencies, counties, Kreise and provinces.

The gazetteer knows the second-order units GeoNames names with their division word
("Province of Aurora", "Kabupaten Gianyar", "Sharkey County"), and not the many it lacks
(German Kreise, most Indonesian regencies, Chinese counties). Two rules fill the gap where
the text itself says a division is meant, by a division word before or after the name
("Aurora province", "Landkreis Günzburg", "Sukabumi Regency", "Idukki district"):

- A unit GeoNames names with its word is named by the rest of its name: "Aurora
  province" is the Province of Aurora, however often "aurora" is an English word.
- A unit the gazetteer lacks is, most often, named after its seat: the division word
  makes it a district of its own at the seat town, beside the town itself, which the
  article may name too ("Sukabumi, MINA – Sukabumi Regency Government ...").
"""

from __future__ import annotations

import re

from dashboard.core.names import fold
from dashboard.draft.model import DraftPlace
from dashboard.draft.place_lookup import namesake_regions
from dashboard.reader.gazetteer import Gazetteer, Place

# The words GeoNames and ISO write inside a unit's name ("Province of Aurora", "Kabupaten
# Bogor", "Landkreis Rosenheim"), which the text may write after it or leave out.
DIVISION_WORDS = frozenset(
    (
        *("province", "provincia", "state", "region", "oblast", "governorate", "county"),
        *("district", "prefecture", "department", "departement", "regierungsbezirk"),
        *("landkreis", "kreis", "bezirk", "of", "the", "kabupaten", "kota", "regency"),
        *("municipality", "municipio", "município", "commune", "parish", "borough"),
    )
)
SEAT = "seat:"
_NOMINATIVE = {"landkreises": "Landkreis", "kreises": "Kreis", "bezirks": "Bezirk"}
# The words of second-order units, which are often named after their seat. Not "region"
# ("die Region Cap Haitien" is the country around the town) nor the words of first-order
# units, which the gazetteer knows by their own names ("Provinz Havanna" is the city's).
SEAT_WORDS = frozenset(
    (
        *("landkreis", "landkreises", "kreis", "kreises", "bezirk", "distrikt", "district"),
        *("county", "regency", "regentschaft", "kabupaten", "municipality", "tehsil"),
        *("taluk", "taluka", "subdistrict", "sub-district", "prefecture", "präfektur"),
        *("parish", "borough"),
    )
)


def short_name(name: str) -> str:
    """The name without its division words ("Province of Aurora": "Aurora"), or "" when
    it has none or is nothing else."""
    words = name.replace("-", " ").split()
    kept = [w for w in words if fold(w) not in DIVISION_WORDS]
    return " ".join(kept) if kept and len(kept) < len(words) else ""


def named_as_division(name: str, place: Place, region_cue: bool) -> bool:
    """Does the name, with a division word beside it in the text, name the region by its
    name without the word ("Aurora province" for the "Province of Aurora")?"""
    if not region_cue or place.kind != "region":
        return False
    folded = fold(name)
    return any(folded == fold(short_name(n)) for n in (place.name_en, place.name_de) if n)


def seat_districts(gaz: Gazetteer, towns: list[Place], name: str, written: str) -> list[Place]:
    """A district for each town of the name, placed at the town and named as the text
    writes it with its division word ("Landkreis Günzburg", "Sukabumi Regency"). Each
    is kept in the gazetteer's places under a key of the town and the written form, so
    that the same text gives the same district every time."""
    districts = []
    for town in towns:
        if town.kind != "city" or not town.is_named(name):
            continue
        key = f"{SEAT}{town.key}:{fold(written)}"
        district = gaz.places.get(key)
        if district is None:
            district = Place(
                key,
                "region",
                written,
                written,
                town.country,
                town.lat,
                town.lon,
                town.population,
                f"{town.source}: the seat the district is named after",
                name,
                town.village,
            )
            gaz.places[key] = district
        districts.append(district)
    return districts


def is_seat(place: DraftPlace) -> bool:
    """Is the drafted place a district at its seat town (a level below a region)?"""
    return place.place.ref.startswith(SEAT)


def seat_town(gaz: Gazetteer, place: Place) -> Place | None:
    """The town a seat district stands at; None for any other place."""
    if not place.key.startswith(SEAT):
        return None
    ref = place.key[len(SEAT) :].rsplit(":", 1)[0]
    return gaz.places.get(ref)


def division_places(
    gaz: Gazetteer, places: list[Place], name: str, tokens: list[re.Match[str]], i: int, end: int
) -> tuple[list[Place], str]:
    """The places and the name of a mention whose division word names no region of the
    gazetteer: the region named after the town ("Oblast Donezk" is Donetsk oblast), else a
    district at each town of the name, before the towns themselves."""
    regions = namesake_regions(gaz, places)
    if regions:  # "Oblast Donezk": the region's own name is what is meant
        return regions + places, regions[0].name_en
    surface = " ".join(t.group() for t in tokens[i:end])
    written = ""
    if i > 0 and tokens[i - 1].group().lower() in SEAT_WORDS:
        word = tokens[i - 1].group()
        word = _NOMINATIVE.get(word.lower(), word)  # "des Landkreises Günzburg"
        written = f"{word} {surface}"  # "Landkreis Günzburg"
    elif end < len(tokens) and tokens[end].group().lower() in SEAT_WORDS:
        written = f"{surface} {tokens[end].group()}"  # "Sukabumi Regency"
    if not written:
        return places, name
    return seat_districts(gaz, places, name, written) + places, name
