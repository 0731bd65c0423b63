"""The forms of a name the gazetteer is asked for: as written, uninflected (German
genitives and plurals, English possessives), with its compass word in English
("Nord-Darfur": "Northern Darfur") or its abbreviation written out ("St. Joseph"); a
Cyrillic name's German spelling in the English romanisation ("Sudscha": "Sudzha"); a town
by its name and the place it is near ("Villanova di Ravenna"); and the names of storms,
which are no places ("Hurricane Milton")."""

from __future__ import annotations

import re

from dashboard.core.geometry import geodesic_distance_km
from dashboard.core.names import fold
from dashboard.draft.sentences import Sentence
from dashboard.draft.words import STORM_WORDS
from dashboard.reader.gazetteer import Gazetteer, Place

COMPASS_EN = {
    "nord": ("North", "Northern"),
    "süd": ("South", "Southern"),
    "ost": ("East", "Eastern"),
    "west": ("West", "Western"),
    "zentral": ("Central",),
}
ENGLISH_COMPASS = {"North": "Northern", "South": "Southern", "East": "Eastern", "West": "Western"}
ABBREVIATED = {"St.": "Saint", "St": "Saint", "Mt.": "Mount", "Mt": "Mount", "Ft.": "Fort"}


def lookup_variants(gaz: Gazetteer, name: str, language: str) -> tuple[list[Place], str, bool]:
    """Places for a name as written, else for its uninflected form."""
    sea = _german_sea(gaz, name) if language == "de" else ""
    if sea:
        return gaz.lookup(sea), sea, False
    places = gaz.lookup(name)
    if places and language == "de" and name.endswith("s") and len(name) > 4:
        # "im Süden Perus" is Peru's genitive, not the São Paulo district of Perus.
        stem = name[:-1]
        countries = [p for p in gaz.lookup(stem) if p.kind == "country" and p.is_named(stem)]
        if countries and not any(p.kind == "country" for p in places):
            return countries, stem, True
    if places:
        return places, name, False
    variants: list[str] = []
    if name.endswith(("’s", "'s")):
        variants.append(name[:-2])
    if language == "de" and len(name) > 4:
        if name.endswith("s"):
            variants.append(name[:-1])
        if name.endswith("es"):
            variants.append(name[:-2])
        if name.endswith("n"):
            variants.append(name[:-1])  # "in den Niederlanden", "den Philippinen"
    words = name.split(" ")
    if language == "de" and len(words) > 1:
        # "der Demokratischen Republik Kongo", "den Vereinigten Staaten"
        variants.append(
            " ".join([w[:-1] if w.endswith("en") else w for w in words[:-1]] + words[-1:])
        )
    first = words[0]
    if first in ABBREVIATED and len(words) > 1:
        variants.append(" ".join([ABBREVIATED[first], *words[1:]]))  # "Saint Joseph"
    if first in ENGLISH_COMPASS and len(words) > 1:
        variants.append(" ".join([ENGLISH_COMPASS[first], *words[1:]]))  # "North Darfur"
    for variant in variants:
        places = gaz.lookup(variant)
        if places:
            return places, variant, True
    # Another spelling of the same name, not an inflected form of it.
    for variant in _other_particles(words) + _other_articles(name):
        places = gaz.lookup(variant)
        if places:
            return places, variant, False
    return [], name, False


# Countries whose place names are written in Cyrillic: German news transliterates them by
# the German rules, GeoNames by the English ones.
CYRILLIC_COUNTRIES = frozenset(["BG", "BY", "KG", "KZ", "MK", "MN", "RS", "RU", "TJ", "UA"])


def cyrillic_romanisations(name: str) -> list[str]:
    """The English romanisations of a Cyrillic name written the German way, where they
    differ in what the name key does not fold: "z" for ц ("Krupez", "Nowoselizja" are
    "Krupets", "Novoselytsia"; German writes з as "s", so its "z" is ц) and "dsch" for дж
    ("Sudscha" is "Sudzha")."""
    dzh = re.sub("(d)sch", r"\1zh", name, flags=re.IGNORECASE)
    variants = (_ts_for_z(dzh), _ts_for_z(name), dzh)
    return [v for v in dict.fromkeys(variants) if v != name]


def _ts_for_z(name: str) -> str:
    return re.sub(r"(?<![TtSs])[Zz]", lambda m: "Ts" if m.group() == "Z" else "ts", name)


def _german_sea(gaz: Gazetteer, name: str) -> str:
    """German writes a sea as one word ("Balisee", "Javasee", "Bandameer"): the English
    name of the sea ("Bali Sea"), where the gazetteer has one; a village that happens to be
    called the same does not stand before it."""
    for ending in ("see", "meer"):
        head = name[: -len(ending)].rstrip("-")
        if name.endswith(ending) and len(head) >= 3 and " " not in name:
            sea = f"{head} Sea"
            if any(p.kind == "water" for p in gaz.lookup(sea)):
                return sea
    return ""


# The small words inside Spanish and Portuguese names, which writers mix up ("Rio Grande de
# Sul" for Rio Grande do Sul, "Santa Cruz da la Sierra").
_NAME_PARTICLES = ("de", "do", "da", "dos", "das", "del")


def _other_particles(words: list[str]) -> list[str]:
    """The name with each of its particles replaced by the others, in a fixed order."""
    variants: list[str] = []
    for at, word in enumerate(words):
        if 0 < at < len(words) - 1 and word in _NAME_PARTICLES:
            variants += [
                " ".join([*words[:at], other, *words[at + 1 :]])
                for other in _NAME_PARTICLES
                if other != word
            ]
    return variants


# The Arabic article as transliterations write it, assimilated or not ("al-Balah",
# "el-Balah", "ez-Zor", "ash-Shaab"): gazetteers keep one or two of the forms.
_ARABIC_ARTICLE = re.compile(
    r"(?<![^\s-])(?:al|el|ad|ar|as|ash|at|az|ez|es|en|an|ed|er|et)(?=[-\s]\w)", re.IGNORECASE
)


def _other_articles(name: str) -> list[str]:
    """The name with its Arabic article written "al" and "el" ("Deir al-Balah" is GeoNames'
    "Deir el-Balah"), when it has one inside."""
    if " " not in name and "-" not in name.strip("-"):
        return []
    variants = []
    for article in ("al", "el"):
        variant = _ARABIC_ARTICLE.sub(
            lambda m, a=article: a.capitalize() if m.group()[0].isupper() else a, name
        )
        if variant != name:
            variants.append(variant)
    return variants


def compass_lookup(
    gaz: Gazetteer, direction: str, rest: str, language: str
) -> tuple[list[Place], str, bool]:
    """ "Nord-Darfur" is GeoNames' "Northern Darfur" where it has one ("Süd-Sudan" the
    country South Sudan), else the region or country of "Darfur" ("Nordsyrien": Syria)."""
    rest = rest[0].upper() + rest[1:]
    for english in COMPASS_EN.get(direction.lower(), ()):
        # "Süd-Sudan" is South Sudan, not Sudan; "West-Java" West Java.
        places = [p for p in gaz.lookup(f"{english} {rest}") if p.kind in ("region", "country")]
        if places:
            return places, f"{english} {rest}", False
    places, name, inflected = lookup_variants(gaz, rest, language)
    return [p for p in places if p.kind in ("country", "region")], name, inflected


# A storm word, then the storm's name, maybe in quotes: "Hurricane Milton", "Sturm
# „Boris“", "Super Typhoon Haikui", "tropical storm Alberto".
_STORM = re.compile(
    r"\b(\w+)(?=\s+[„“\"'‚‘»«]?([A-ZÄÖÜ][\w'’-]+))",
    re.IGNORECASE,
)


STORM_NAME_CITY = 200_000  # a city this big is no storm's name


def storm_names(sentences: list[Sentence], gaz: Gazetteer) -> set[str]:
    """The folded names of the storms the article names, and their storm words. A country,
    region, water or big city after "der Sturm" is its object ("als der Sturm Haiti
    erreichte"): storms have given names."""
    names: set[str] = set()
    for sentence in sentences:
        for match in _STORM.finditer(sentence.text):
            word, name = match.group(1), match.group(2)
            if (
                word.lower() in STORM_WORDS
                and name[:1].isupper()
                and not any(
                    p.is_named(name) and (p.kind != "city" or p.population >= STORM_NAME_CITY)
                    for p in gaz.lookup(name)
                )
            ):
                names.add(fold(re.sub(r"['’]s$", "", name)))  # "Helene's remnants"
                if word[:1].isupper():
                    names.add(fold(word))  # "Hurricane" is no town in Utah here
    return names


# Prefixes of ships' names ("MV Sewol", "HMS Belfast", "KMP Lestari Maju", "the MS
# Estonia"): the name after one is a ship's, whatever town shares it.
_SHIP = re.compile(
    r"\b(?:MV|M/V|MS|M/S|MT|MY|RMS|SS|HMS|HMAS|HMCS|USS|USNS|INS|KMP|KM|FV|RV)\.?\s+"
    r"[„“\"'‚‘»«]?([A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ0-9][\w'’-]*){0,3})"
)


def ship_names(sentences: list[Sentence]) -> set[str]:
    """The folded names of the ships the article names after a ship's prefix, and each
    of their words that begins one ("Lampedusa" of "MV Lampedusa")."""
    names: set[str] = set()
    for sentence in sentences:
        for match in _SHIP.finditer(sentence.text):
            name = match.group(1)
            names.add(fold(name))
            names.add(fold(name.split()[0]))
    return names


def abbreviated_state(
    gaz: Gazetteer, tokens: list[re.Match[str]], i: int, text: str
) -> tuple[list[Place], str, int] | None:
    """ "Mayfield, Ky.", "Raleigh, N.C.": AP's abbreviation of a US state after a town
    and a comma; the state's regions, its name and how many tokens the abbreviation
    takes."""
    start = tokens[i].start()
    if text[max(0, start - 2) : start] != ", ":
        return None
    head = text[start : start + 6].casefold()
    for abbreviation, (name, country) in gaz.abbreviations.items():
        after = text[start + len(abbreviation) : start + len(abbreviation) + 1]
        if head.startswith(abbreviation) and not after.isalpha():
            end = start + len(abbreviation)
            length = sum(1 for t in tokens[i:] if t.start() < end)
            regions = [
                p
                for p in gaz.lookup(name)
                if p.kind == "region" and p.country == country and p.is_named(name)
            ]
            return (regions, name, length) if regions else None
    return None


def namesake_regions(gaz: Gazetteer, places: list[Place]) -> list[Place]:
    """ "Oblast Donezk", "Provinz Chost": a region word before a town's name means the
    region named after the town, which the gazetteer may spell otherwise ("Donetsk",
    "Khōst"): the regions of the towns' countries named like them, in the towns' order."""
    found: list[Place] = []
    for place in places:
        if place.kind != "city":
            continue
        for name in dict.fromkeys(n for n in (place.name_en, place.main_name, place.name_de) if n):
            found += [
                region
                for region in gaz.lookup(name)
                if region.kind == "region"
                and region.country == place.country
                and region not in found
                and region not in places
            ]
    return found


# Words that join a town's name to the place that tells it from its namesakes ("Villanova
# di Ravenna", "Châtillon-sur-Seine", "Vila Nova de Gaia", "Neustadt am Rübenberge").
_QUALIFIER_LINKS = frozenset(
    ["di", "de", "del", "della", "da", "do", "dos", "das", "du", "sur", "am", "an", "im"]
)
_QUALIFIER_ARTICLES = frozenset(["der", "la", "le", "les", "los", "las", "lo"])
QUALIFIER_TOWN_KM = 30.0  # a town named after a town lies beside it
QUALIFIER_REGION_KM = 150.0  # one named after a region, in it


def qualified_town(gaz: Gazetteer, surface: str) -> tuple[list[Place], str]:
    """A town the gazetteer lacks under its long name, written with the place it is near:
    the town of the first part's name nearest that place ("Villanova di Ravenna" is the
    Villanova beside Ravenna), and the first part. Nothing when the place is a country."""
    words = surface.split(" ")
    at = next((k for k in range(1, len(words) - 1) if words[k] in _QUALIFIER_LINKS), 0)
    if not at:
        return [], surface
    head = " ".join(words[:at])
    tail_words = words[at + 1 :]
    if tail_words[0] in _QUALIFIER_ARTICLES and len(tail_words) > 1:
        tail_words = tail_words[1:]
    tail = " ".join(tail_words)
    near = []
    for place in gaz.lookup(tail):
        if place.kind == "country":
            return [], surface  # "Republic of Ireland": a country is no town's neighbour
        if place.kind in ("city", "region") and place.is_named(tail):
            reach = QUALIFIER_TOWN_KM if place.kind == "city" else QUALIFIER_REGION_KM
            near.append(((place.lon, place.lat), reach))
    towns = []
    for town in gaz.lookup(head):
        if town.kind != "city" or not town.is_named(head):
            continue
        here = (town.lon, town.lat)
        distances = [geodesic_distance_km(here, there) for there, _ in near]
        inside = [d for d, (_, reach) in zip(distances, near, strict=True) if d <= reach]
        if inside:
            towns.append((min(inside), town.key, town))
    towns.sort(key=lambda t: (t[0], t[1]))
    return ([towns[0][2]], head) if towns else ([], surface)
