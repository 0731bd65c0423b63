"""How likely a mention means a place: its size, the countries and places the article
names, the words around it, and the evidence against it.

Against a place: an everyday word (word frequencies of each language, derived from
wordfreq: "Dabei" is no spelling of Dubai, "Medien" no Medina), a German noun (German
capitalises nouns, so a capital letter says little), a person's name, an acronym
("PKK"). A town under SMALL_POPULATION is only taken where the article names its
country or a region or city of it: the gazetteer has many villages whose names are
words or names somewhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from dashboard.core.geometry import geodesic_distance_km
from dashboard.core.names import fold, place_key
from dashboard.draft.model import HIGH, LOW, MEDIUM
from dashboard.draft.place_divisions import SEAT, named_as_division, seat_town
from dashboard.draft.place_lookup import CYRILLIC_COUNTRIES, cyrillic_romanisations
from dashboard.reader.gazetteer import Gazetteer, Place

# Zipf frequency (wordfreq: 3 is once per million words) from which a word that names a
# place only through an alternate name is the word ("Dabei", "Putin", "Kilo").
COMMON_ZIPF = 3.0
# A German word this frequent and this much more frequent in German than in English is
# a noun or other word first ("Kanton", "Stadtzentrum"); a place name is about as
# frequent in both languages.
GERMAN_WORD_ZIPF = 3.5
GERMAN_LEAD = 1.5
# An English capital at the start of a sentence says nothing: "For" and "Mobile" there
# are words when this frequent.
SENTENCE_START_ZIPF = 4.0
SMALL_POPULATION = 15_000
EXONYM_POPULATION = 1_000_000
FUNCTION_WORD_ZIPF = 5.5
# A word this frequent is never a village, cue or not ("nach dem Brand").
VILLAGE_WORD_ZIPF = 4.0
# Nor this frequent only a spelling of a big city's name ("Jan" for Ya'an; "Tokio" is).
SPELLING_ZIPF = 4.5
# Below this a town's German-word namesake is the word; a big city's name is frequent
# because it is a big city ("Moskau", "Halle" less so).
NOUN_MAX_POPULATION = 500_000
ACRONYM_MAX = 5
GERMAN_SPEAKING = frozenset(("DE", "AT", "CH", "LI", "LU"))
# Countries whose place names news write in one official romanisation (pinyin): another
# spelling that folds to the same key is another syllable, not a transliteration.
ONE_ROMANISATION = frozenset(("CN",))
HOME_NAME_MAX_ZIPF = 4.5
# Enough to put a state of the article's country before a country of the same name.
STATE_NAMESAKE_PENALTY = 4.0
# A town named like its region within this of the region's centre is the region's namesake
# capital ("Idlib"); one farther is another town (Oregon, Ohio for the state of Oregon).
CAPITAL_REACH_KM = 400.0


@dataclass
class Mention:
    surface: str
    name: str  # the form looked up (genitive -s removed, prefix removed)
    sentence: int
    start: int
    places: list[Place]
    cue: bool = False
    person_like: bool = False
    inflected: bool = False
    adjective: bool = False
    fuzzy: bool = False
    sentence_start: bool = False
    exact: bool = True
    after_name: bool = False  # right after a capitalised word that is no place
    in_name: bool = False  # a capitalised German adjective inside a name ("Deutsche Bahn")
    region_cue: bool = False  # "Provinz Idlib", "Luhansk region"
    # The country whose own kind of division the word before names ("Landkreis": DE).
    region_country: str = ""
    water_cue: bool = False  # "the Dnipro river", "Fluss"
    town_cue: bool = False  # "die Stadt Dnipro", "the city of Dnipro"
    # "im", "am", "zum": a German preposition holding an article, which countries, regions
    # and rivers take ("im Irak", "am Rhein") and towns do not ("im Zug" is on a train).
    article_cue: bool = False
    # An adjective of a side or edge of the country ("syrisch-türkische Grenze", "the
    # Turkish border", "auf syrischer Seite"): a place on the map, not only whose.
    of_ground: bool = False


@dataclass
class Evidence:
    """What the article says about where it is."""

    language: str
    countries: set[str]  # named, directly or through an adjective
    context: set[str]  # those and the countries of named regions and big cities
    # The folded names that put each country in `context`: a name is no evidence for
    # itself ("Great Lakes" is no sign that the article is in Australia).
    sources: dict[str, set[str]] = field(default_factory=dict)
    # The folded names that name each country (its name, an adjective; "" the dateline).
    named_by: dict[str, set[str]] = field(default_factory=dict)


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return 1 < len(letters) <= ACRONYM_MAX and all(c.isupper() for c in letters)


def german_word(gaz: Gazetteer, name: str) -> bool:
    """A German word first: frequent in German, much less so in English."""
    de, en = gaz.frequency(name, "de"), gaz.frequency(name, "en")
    return de >= GERMAN_WORD_ZIPF and de - en >= GERMAN_LEAD


def allowed(mention: Mention, place: Place, gaz: Gazetteer, evidence: Evidence) -> bool:
    """Can the mention mean the place at all?"""
    if place.kind == "country":
        return True
    town = seat_town(gaz, place)
    if town is not None:  # a district named after its seat: as the seat town, with its word
        return mention.region_cue and allowed(mention, town, gaz, evidence)
    known_region = place.key.startswith("region:")
    if _is_acronym(mention.name) and not known_region:
        return False  # "PKK", "AP": an acronym names a country or a known region, no town
    if mention.water_cue and place.kind != "water":
        return False  # "the Dnipro river" is not the city of Dnipro
    if mention.region_cue and place.kind == "water" and not mention.water_cue:
        return False  # "Cagayan province" is not the Cagayan river
    frequency = gaz.frequency(mention.name, evidence.language)
    single = " " not in mention.name.strip()
    trusted = gaz.is_trusted(mention.name, place) or _romanised(mention, place, evidence)
    if (
        single
        and frequency >= COMMON_ZIPF
        and not place.is_named(mention.name)
        and not named_as_division(mention.name, place, mention.region_cue)
    ):
        # A frequent word that is only a spelling or alternate name of the place is the
        # word ("Dabei", "Ära", "Kilo"); a spelling of a big city's own name is its name
        # ("Tokio") unless the word is very frequent ("Jan" for Ya'an).
        exonym = trusted and place.population >= EXONYM_POPULATION and frequency < SPELLING_ZIPF
        if not exonym:
            return False
    if (
        place.country in ONE_ROMANISATION
        and place.kind == "city"
        and not place.is_named(mention.name)
        and place.population < EXONYM_POPULATION
    ):
        return False  # pinyin is one system: "Kangli" is not Changli, "Hongshu" not Hongzhou
    if place.key.startswith(("admin:", "island:")) and not _known_region(
        mention, place, gaz, evidence
    ):
        return False
    if (
        single
        and not mention.cue
        and place.country not in evidence.context
        and not place.is_named(mention.name)
    ):
        return False  # another spelling of a town's name, in a country the article never names
    if place.kind == "city" and place.population < SMALL_POPULATION:
        if place.country not in evidence.context or mention.person_like or mention.fuzzy:
            return False
        word = single and frequency >= COMMON_ZIPF
        if word and (not mention.cue or mention.article_cue or frequency >= VILLAGE_WORD_ZIPF):
            return False  # "Greenfield" is a word, "in Greenfield" a place; "Brand" a word
        if not trusted:
            return False  # only by its own names: "Hoxha" is a person, not Livadhja
    # A village of cities500 asks for more than a town does.
    return not place.village or _village_evidence(mention, place, evidence)


def _romanised(mention: Mention, place: Place, evidence: Evidence) -> bool:
    """A German transliteration of the place's own Cyrillic name ("Sudscha" for Sudzha)
    names it as its own name does."""
    return (
        evidence.language == "de"
        and place.country in CYRILLIC_COUNTRIES
        and any(place.is_named(v) for v in cyrillic_romanisations(mention.name))
    )


def _village_evidence(mention: Mention, place: Place, evidence: Evidence) -> bool:
    """A village of 500 to 1,000 people shares its name with many: it counts where a word
    says a village or town is meant ("im Dorf X", "the village of X"), or where the
    article names its country and a preposition puts the name on the ground ("in X")."""
    if mention.town_cue:
        return True
    return place.country in evidence.countries and mention.cue and not mention.article_cue


def _known_region(mention: Mention, place: Place, gaz: Gazetteer, evidence: Evidence) -> bool:
    """A GeoNames province or district ("Northern" in Bahrain, "Rodrigues" in Mauritius),
    or a Natural Earth island ("Pico"), needs its country named, even with a word that
    says a region is meant ("the Great Lakes region" is no district of Australia)."""
    if place.country in evidence.countries:
        return True
    sources = evidence.sources.get(place.country, set())
    if sources - {fold(mention.name)}:
        return True
    # Its own name may say it where a word of it is rare ("Nord-Darfur"), not where all
    # are everyday words ("the Great Lakes region").
    words = mention.name.replace("-", " ").split()
    return bool(sources) and any(
        gaz.frequency(word, evidence.language) < COMMON_ZIPF for word in words
    )


def base_score(place: Place) -> float:
    if place.kind == "country":
        return 3.5
    if place.kind == "region":
        # Regions written for Lagekarte are well-known ones; a province or district of
        # the GeoNames admin names is likelier meant as its capital city.
        return 2.5 if place.key.startswith("region:") else 1.5
    if place.kind == "water":
        return 1.0
    return max(0.0, math.log10(max(place.population, 1)) - 4.0)


def score(mention: Mention, place: Place, gaz: Gazetteer, evidence: Evidence) -> float:
    town = seat_town(gaz, place)
    if town is not None:
        # A district at its seat scores as the town did with the division word before it:
        # the town's score (less the division word's penalty now that a region is among
        # the mention's places), and the district's bonus.
        return score(mention, town, gaz, evidence) + 2.0
    value = base_score(place)
    language = evidence.language
    cue = mention.cue and not (mention.article_cue and place.kind == "city")
    if place.kind == "country" and not mention.adjective:
        value += 1.0  # "Taiwan" is the country before it is a spelling of Taiyuan
    if place.kind == "country" and _state_namesake(mention, place, evidence):
        value -= STATE_NAMESAKE_PENALTY
    if place.kind in ("city", "region") and place.country in evidence.countries:
        value += 1.5
    elif place.kind in ("city", "region") and place.country in evidence.context:
        value += 1.0
    if cue:
        value += 1.0
    if mention.region_cue:
        if place.kind == "region":
            value += 2.0
        elif place.kind == "city" and not any(p.kind == "region" for p in mention.places):
            # "Landkreis Rosenheim", "Kreis Euskirchen": a district the gazetteer lacks,
            # named after its seat; the town marks it.
            value += 1.0
        else:
            value -= 1.0
    if mention.water_cue and place.kind == "water":
        value += 2.0
    if place.kind == "region" and not mention.region_cue and _capital_namesake(mention, place):
        value -= 1.5  # "Idlib" alone is the city before the province
    if mention.adjective:
        value -= 1.5
    if mention.inflected:
        value -= 0.5
    if not mention.exact:
        # A spelling the gazetteer lacks: a transliteration ("Dscharablus") or an
        # accident; one word is more often an accident than "Ain al-Arab" is, a short
        # one ("Chums") needs a place word before it.
        value -= 0.5 if " " in mention.name else 1.0
        if len(place_key(mention.name)) < 5 and not mention.cue:
            value -= 3.0
    if mention.adjective and mention.in_name:
        value -= 2.0
    if mention.fuzzy:
        value -= 1.0
    if place.kind != "country" and _everyday(mention, place, gaz, language):
        # "im Zug", "am Ende": an article before an everyday word makes it the word.
        value -= 1.5 if cue and not mention.article_cue else 3.0
    if mention.person_like and not cue:
        value -= 3.0
    if mention.after_name and not cue:
        value -= 1.5
    if mention.sentence_start and place.kind == "city" and gaz.is_common_word(mention.name):
        value -= 1.0
    return value


def _everyday(mention: Mention, place: Place, gaz: Gazetteer, language: str) -> bool:
    """Is the name an everyday word in the article's language, before it is this place?"""
    # Inside a sentence an English capital makes a name of a word ("in Mobile"); German
    # capitalises nouns made of verbs too ("das Essen"), so only its function words
    # ("an der Oder") are names there.
    frequency = gaz.frequency(mention.name, language)
    inside = not mention.sentence_start and (
        (language == "en" and (frequency < SPELLING_ZIPF or mention.cue))
        or (language == "de" and frequency >= FUNCTION_WORD_ZIPF)
    )  # but "Central Plains": a very frequent English word needs "in" before it
    if gaz.is_common_word(mention.name, inside_sentence=inside):
        return True  # a dictionary word: "Essen", "Van"
    if " " in mention.name.strip() or place.population >= NOUN_MAX_POPULATION:
        return False
    town_or_province = place.kind == "city" or place.key.startswith(("admin:", "island:"))
    # A town of the German-speaking countries by its own name is frequent in German
    # because German news write of it ("Rosenheim", "Passau"); a noun that is also such a
    # place is more frequent still ("Zug", the canton and the train).
    home = (
        place.country in GERMAN_SPEAKING
        and place.is_named(mention.name)
        and gaz.frequency(mention.name, "de") < HOME_NAME_MAX_ZIPF
    )
    if language == "de" and town_or_province and not home and german_word(gaz, mention.name):
        return True  # "Kanton" is Canton, Ohio only to a gazetteer, "Zug" a train
    return language == "en" and mention.sentence_start and frequency >= SENTENCE_START_ZIPF


def _state_namesake(mention: Mention, place: Place, evidence: Evidence) -> bool:
    """ "Georgia" among Atlanta and Savannah is the US state: a region of a country the
    article is in shares the country's name, and nothing but that name speaks for the
    country (no town of it, no adjective, not the dateline)."""
    own = {fold(mention.name)}
    if (evidence.named_by.get(place.country, set()) - own) or (
        evidence.sources.get(place.country, set()) - own
    ):
        return False
    return any(
        p.kind == "region"
        and p.country != place.country
        and p.is_named(mention.name)
        and bool(
            (evidence.sources.get(p.country, set()) | evidence.named_by.get(p.country, set())) - own
        )
        for p in mention.places
    )


def _foreign_namesake(mention: Mention, place: Place) -> bool:
    return any(
        p.kind == "city" and p.country != place.country and p.population >= SMALL_POPULATION
        for p in mention.places
    )


def _capital_namesake(mention: Mention, place: Place) -> bool:
    """Does the name also name a town of the region's country ("Idlib"; not "Oklahoma",
    which only shares its key with Oklahoma City)? A province placed at its namesake town
    (an ISO subdivision that matched no GeoNames region) is that town's namesake however
    either is spelt ("Deir el-Balah")."""
    return any(
        p.kind == "city"
        and p.country == place.country
        and p.population >= SMALL_POPULATION
        and (p.is_named(mention.name) or (p.lat, p.lon) == (place.lat, place.lon))
        # inside the region: Oregon, Ohio is no capital of the state of Oregon
        and geodesic_distance_km((p.lon, p.lat), (place.lon, place.lat)) < CAPITAL_REACH_KM
        for p in mention.places
    )


def confidence(value: float, mentions: list[Mention]) -> str:
    if value >= 3.5 and not all(m.adjective or m.fuzzy for m in mentions):
        return HIGH
    if value >= 2.2 and not all(m.fuzzy for m in mentions):
        return MEDIUM
    return LOW


def context_countries(
    mentions: list[Mention], gaz: Gazetteer, countries: set[str]
) -> dict[str, set[str]]:
    """The countries of the regions and big cities the article names unambiguously, each
    with the names that point to it: a village needs one of them, or its country named,
    before it counts."""
    context: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.person_like or mention.adjective or mention.fuzzy or not mention.exact:
            continue
        top = mention.places[0]
        if (
            top.kind == "region"
            and top.country
            and gaz.is_trusted(mention.name, top)
            and (mention.region_cue or not _capital_namesake(mention, top))
            and not _foreign_namesake(mention, top)
        ):
            # "Nebraska", "Provinz Idlib"; not Libya's "Tripoli", nor Mauritius' "Rodrigues"
            # (a town Rodriguez elsewhere: the name is no sure sign of the country).
            context.setdefault(top.country, set()).add(fold(mention.name))
        if mention.region_cue and any(
            p.kind == "region" and not p.key.startswith(SEAT) for p in mention.places
        ):
            continue  # "Aurora province" says nothing of the country of a big Aurora
        cities = [p for p in mention.places if p.kind == "city"]
        big = {p.country for p in cities if p.population >= 100_000}
        if (
            len(big) == 1
            and cities[0].is_named(mention.name)
            and not gaz.is_common_word(mention.name)
        ):
            context.setdefault(big.pop(), set()).add(fold(mention.name))
    return context


def dateline_countries(gaz: Gazetteer, dateline: tuple[str, str | None] | None) -> set[str]:
    """The country a dateline names ("VALENCIA, Spain", "TRIPOLI, Libya", "HOUSTON,
    Texas"), else that of the biggest city of its place's name: a dateline names a place
    without its country only when the place is famous ("KYIV", "BERLIN")."""
    if dateline is None:
        return set()
    place, region = dateline
    if region and region.casefold() in gaz.abbreviations:  # "ROLLING FORK, Miss."
        region = gaz.abbreviations[region.casefold()][0]
    if region:
        for found in gaz.lookup(region):
            if found.country and found.kind in ("country", "region") and found.is_named(region):
                return {found.country}
    cities = [p for p in gaz.lookup(place) if p.kind == "city" and p.is_named(place)]
    if cities and cities[0].population >= 100_000:
        return {max(cities, key=lambda p: p.population).country}
    return set()


def scored_as(mention: Mention) -> tuple[object, ...]:
    """What `allowed` and `score` read of a mention (not where it stands)."""
    return (
        mention.name,
        mention.cue,
        mention.person_like,
        mention.inflected,
        mention.adjective,
        mention.fuzzy,
        mention.sentence_start,
        mention.exact,
        mention.after_name,
        mention.in_name,
        mention.region_cue,
        mention.water_cue,
        mention.article_cue,
    )


MIN_SCORE = 0.8  # the least score a drafted place needs
ALTERNATE_NAME_PENALTY = 1.0  # a town named only by an alternate name, beside one by its own
MAX_CANDIDATES = 30  # namesakes scored: the small one near the story may be far down


@dataclass
class MentionGroup:
    """All mentions that point to the same set of places."""

    mentions: list[Mention] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)


def score_group(group: MentionGroup, gaz: Gazetteer, evidence: Evidence) -> None:
    """Each place a group of alike mentions may mean, scored."""
    # Mentions alike in all that scores them are scored once: a paste that repeats a
    # name thousands of times costs one score per kind of mention.
    kinds = list(dict.fromkeys(scored_as(m) for m in group.mentions))
    alike = [next(m for m in group.mentions if scored_as(m) == k) for k in kinds]
    candidates = [
        place
        for place in group.mentions[0].places
        if any(allowed(m, place, gaz, evidence) for m in alike)
    ]
    for place in candidates[:MAX_CANDIDATES]:
        scores = [
            score(m, place, gaz, evidence) if allowed(m, place, gaz, evidence) else -9.0
            for m in alike
        ]
        repeats = len(group.mentions) - 1
        group.scores[place.key] = max(scores) + min(1.0, 0.3 * repeats)
    _own_names_first(group, gaz, evidence, alike)


def _own_names_first(
    group: MentionGroup, gaz: Gazetteer, evidence: Evidence, alike: list[Mention]
) -> None:
    """A town the name calls by one of its own names (main, German, English, or their
    German transliteration) goes before a namesake that has it only among its alternate
    names: "Sudscha" is Sudzha, not Shuya, whose alternate spellings include "Suja"."""
    towns = [gaz.places[key] for key in group.scores if gaz.places[key].kind == "city"]
    own = {
        town.key
        for town in towns
        if any(gaz.is_trusted(m.name, town) or _romanised(m, town, evidence) for m in alike)
    }
    if not own:
        return
    for town in towns:
        if town.key not in own:
            group.scores[town.key] -= ALTERNATE_NAME_PENALTY
