"""Which places a sentence names can be where its figure happened.

A place named as a reference point ("40 km north of X"), as where people come from, as
where a source sits or as a neighbour ("im Grenzgebiet zu China") is not; a region or
country named after a town to say where the town is is not a second place; a country
named for its capital ("near Bolivia's capital") stands for the capital. The rule is
benchmarks/draft_eval/README.md's "Which place a figure belongs to".
"""

from __future__ import annotations

import re

from dashboard.core.geometry import geodesic_distance_km
from dashboard.core.names import fold
from dashboard.draft.model import Draft, DraftPlace
from dashboard.draft.place_divisions import is_seat

Mention = tuple[int, int, DraftPlace]  # (offset in its sentence, order of the place, place)
# Kinds of place "in der Stadt" / "there" does not refer back to.
AREAS = frozenset(["country", "region", "water"])

# Words that make the next place a reference point: "nordöstlich von", "südwestlich der
# Touristenmetropole", "north of", "southwest of the resort town of", "40 km from",
# "200 Kilometer vor", "der 480 Kilometer entfernten Hauptstadt".
_REFERENCE = re.compile(
    r"(?:\b(?:(?:nord|süd|ost|west|nordost|nordwest|südost|südwest)(?:lich|östlich|westlich)|"
    r"nördlich|östlich)\s+"
    r"(?:(?:von|vom|der|des)\s+(?:(?:der|dem|den)\s+)?(?:[\w-]+\s+){0,2}?)?|"
    r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+"
    r"(?:the\s+(?:[\w-]+,?\s+){0,3}?(?:of\s+)?)?|"
    r"\b(?:km|kilometers?|kilometres?|miles?|Kilometer[n]?|Meilen)\s+"
    r"(?:(?:from|of|von|vor|an|away\s+from)\s+(?:the\s+)?|"
    r"entfernt(?:e[nmrs]?)?\s+(?:[\w-]+\s+){0,2}?))$",
    re.IGNORECASE,
)
_REFERENCE_CHARS = 80  # how far before a mention its reference phrase may start
# A country or region named as a neighbour: "im Grenzgebiet zu China", "near the border with
# Laos", "just across the border with Oklahoma".
_NEIGHBOUR = re.compile(
    r"\b(?:Grenzgebiet|Grenzregion|Grenze|border(?:\s+area|\s+region)?)\s+"
    r"(?:zu[mr]?|with|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A place someone comes from ("Schaulustige aus Bayern", "volunteers from neighbouring
# Chile") is not where they are counted, unless the sentence tells of leaving it.
# Not "from the rubble in X": a place after "in" / "at" is where it happened.
_ORIGIN = re.compile(
    r"\b(?:aus|from)\s+(?:(?:dem|der|den|the)\s+)?(?:(?!(?:in|im|at|bei|near)\s)[a-zäöüß-]+\s+){0,2}$"
)

_ORIGIN_LIST = re.compile(
    r"\S+(?:\s\S+)?\s*(?:,\s*|\s+(?:und|and|or|oder|sowie)\s+)"
    r"(?:(?:dem|der|den|die|the)\s+)?(?:[a-zäöüß-]+\s+){0,2}"
)
# A place named as where a source sits ("Laut des Institute for the Study of War in
# Washington", "according to the observatory based in London") is not where it happened.
# German: the source is a run of capitalised words and articles, so a verb ("Laut Polizei
# starben in Berlin") ends it; English: "according to" up to a comma.
_SOURCE_PLACE = re.compile(
    r"(?:\b(?:[Ll]aut|[Nn]ach\s+Angaben)\s+(?:(?:des|der|dem|den|von|vom|für|und|for|the|of|and|"
    r"[A-ZÄÖÜ][\w.'-]*)\s+){1,8}(?:in|aus)|"
    r"\b[Aa]ccording\s+to\s+(?:[^\s,.;:!?\d]+\s+){1,8}?(?:in|from|based\s+in))\s+(?:the\s+)?$"
)
# A place name and then a verb of what a government says or does: "Kiew meldete",
# "Moskau kontrolliert", "Washington said", "Beijing accused".
_GOVERNMENT = re.compile(
    r"[A-ZÄÖÜ][\w'’.-]*(?:[\s-][A-ZÄÖÜ][\w'’.-]*){0,2}\s+"
    r"(?:said|says|announced|accused|blamed|denied|warned|claimed|controls|reported|"
    r"sagte|sagt|erklärte|meldete|meldet|kündigte|warf|beschuldigte|bestritt|warnte|"
    r"kontrolliert|kontrollierte|behauptete|teilte)\b"
)
# Where a clause opens, so that a place after it is its subject (not "die Regierung der
# Provinz Sindh meldete", whose province is the authority's area).
_CLAUSE_OPENS = re.compile(r"(?:^|[,;:(\"„“]\s*|\s(?:und|and|but|aber|while)\s)$")
LEAVING = re.compile(
    r"evaku|evacu|flo[hg]en|fled\b|flee|flücht|rescued|gerettet|vertrieben|displaced|"
    r"ausgeflogen|airlift|escap|entkommen|geborgen",
    re.IGNORECASE,
)


def without_references(
    mentions: list[Mention], text: str, countries: dict[str, tuple[int, DraftPlace]]
) -> list[Mention]:
    """A town named as a reference point ("nordöstlich von Tokio", "40 km north of
    Manila") is not where the figure is: the sentence's other places are, else the
    town's country, else the town itself; a country named as a neighbour ("im
    Grenzgebiet zu China") is left out. A place named as where people come from is not
    where they are: it is left out."""
    mentions = [
        m
        for m in _without_sources(_without_origins(mentions, text), text)
        if m[2].kind not in AREAS
        or not _NEIGHBOUR.search(text, max(0, m[0] - _REFERENCE_CHARS), m[0])
    ]
    # The words before a mention, no further back than a reference phrase reaches.
    is_reference = [
        bool(_REFERENCE.search(text, max(0, m[0] - _REFERENCE_CHARS), m[0])) for m in mentions
    ]
    if not any(is_reference):
        return mentions
    rest = [m for m, ref in zip(mentions, is_reference, strict=True) if not ref]
    if rest:
        return rest
    around = []
    for offset, order, place in mentions:
        order, place = countries.get(place.place.country, (order, place))
        around.append((offset, order, place))
    return around


# "Bolivia's capital", "the capital of Kenya", "die Hauptstadt Boliviens": the country's
# name says which capital, the capital is where it happened.
_CAPITAL_AFTER = re.compile(r"[^\W\d_]+(?:\s[^\W\d_]+)?['’]s\s+capital\b")
_CAPITAL_BEFORE = re.compile(r"(?:\bcapital\s+of\s+|\bHauptstadt\s+)$")
_CAPITAL_KM = 25.0


def capitals_of(draft: Draft) -> dict[str, tuple[int, DraftPlace]]:
    """The drafted capital of each country: the town at the country's point (its capital),
    else the dateline's town in it (wire reporters file from the seat of government, which
    may not be the capital in law: La Paz, not Sucre)."""
    kept = [p for p in draft.places if p.keep]
    found: dict[str, tuple[int, DraftPlace]] = {}
    dateline = fold(draft.dateline_place or "")
    for order, place in enumerate(kept):
        if place.kind != "city":
            continue
        country = next(
            (c for c in kept if c.kind == "country" and c.place.country == place.place.country),
            None,
        )
        if country is None:
            continue
        at_capital = (
            geodesic_distance_km(place.lon_lat, (country.place.lon, country.place.lat))
            <= _CAPITAL_KM
        )
        if at_capital or (fold(place.name) == dateline and place.place.country not in found):
            found[place.place.country] = (order, place)
    return found


def as_capital(
    mentions: list[Mention], text: str, capitals: dict[str, tuple[int, DraftPlace]]
) -> list[Mention]:
    """A country named as whose capital ("near Bolivia's capital") stands for the capital."""
    out = []
    for offset, order, place in mentions:
        code = place.place.country
        if (
            place.kind == "country"
            and code in capitals
            and (
                _CAPITAL_AFTER.match(text, offset)
                or _CAPITAL_BEFORE.search(text, max(0, offset - _REFERENCE_CHARS), offset)
            )
        ):
            order, place = capitals[code]
        out.append((offset, order, place))
    return out


# What stands between a town and the region or country that says where the town is:
# "Al-Faschir in Nord-Darfur", "Mokwa in Niger state", "Derna, Libya", "in Jacmel im
# Süden": the town's name, then a comma or "in" (with an article or a region word).
_QUALIFIED = re.compile(
    r"[A-ZÄÖÜ][\w'’.-]*(?:\s[A-ZÄÖÜ][\w'’.-]*){0,3}"
    r"(?:,\s*|\s+(?:in|im|in\s+der|in\s+den|in\s+the)\s+)"
    r"(?:(?:the|der|dem|den)\s+)?(?:(?:state|province|region|district|Provinz|Region|"
    r"Bundesstaat|Bezirk)\s+(?:of\s+)?)?"
)

# A town named after another to say where that one is: "Kanyaruchinya near Goma", "Ask
# nahe Oslo", "Mati outside Athens".
_NEAR = re.compile(
    r"[A-ZÄÖÜ][\w'’.-]*(?:\s[A-ZÄÖÜ][\w'’.-]*){0,3},?\s+"
    r"(?:near|nahe|bei|close\s+to|outside|unweit)\s+(?:(?:the|der|dem|den)\s+)?"
)


def without_qualifiers(mentions: list[Mention], text: str) -> list[Mention]:
    """A region or country named right after a town to say where the town is
    ("In Al-Faschir in Nord-Darfur wurden 50 Menschen getötet") is not where the figure
    is: the town is, a settlement before its region; nor is a town named to say where
    the town before it lies ("Some fled to Kanyaruchinya near Goma")."""
    kept: list[Mention] = []
    for mention in mentions:
        previous = kept[-1] if kept else None
        if previous is not None and (previous[2].kind not in AREAS or is_seat(previous[2])):
            # "Petrópolis municipality in Rio de Janeiro state": a district before its region
            if (
                mention[2].kind in AREAS
                and not is_seat(mention[2])
                and _QUALIFIED.fullmatch(text, previous[0], mention[0])
            ):
                continue
            if mention[2].kind not in AREAS and _NEAR.fullmatch(text, previous[0], mention[0]):
                continue
        kept.append(mention)
    return kept


# What an adjective of a country may describe and still name where the figure is: the
# country's authorities, which give it ("die belgischen Behörden meldeten 27 Tote"), and a
# side or edge of it ("on the Chilean side").
_ADJECTIVE_AUTHORITY = re.compile(
    r"[\w-]*\s+(?:Behörden|Regierung|Polizei|Armee|Streitkräfte|Rettungskräfte|Zivilschutz|"
    r"Katastrophenschutz|Feuerwehr|Gesundheitsministerium|Innenministerium|"
    r"authorities|government|police|army|military|officials|rescuers|ministry|"
    r"Grenz\w*|Küste|Seite|Gebiet|border|coast|side|territory|soil|waters)\b"
)
# A place's name at the start of an institution's ("Northeast Mississippi Medical Center",
# "Universitätsklinikum" after it does not count): where the institution is named from,
# not where the counted thing happened.
_INSTITUTIONS = ("Medical Center", "Medical Centre", "Hospital", "Clinic", "University")
_INSTITUTION = re.compile(rf"[\w'’.-]+(?: [A-Z][\w'’.-]*){{0,3}} (?:{'|'.join(_INSTITUTIONS)})\b")


def without_adjectives(mentions: list[Mention], text: str) -> list[Mention]:
    """A country named only through its adjective ("im australischen Fernsehen", "a
    Belgian tourist") is not where the figure is, unless the adjective's noun is the
    country's authority or ground; a place inside an institution's name is not either."""
    kept = []
    for mention in mentions:
        offset, _order, place = mention
        word = re.match(r"[\w'’.-]+", text[offset:])
        written = word.group() if word else ""
        if (
            place.kind == "country"
            and _is_adjective(written, place)
            and not _ADJECTIVE_AUTHORITY.match(text, offset + len(written))
        ):
            continue
        if _INSTITUTION.match(text, offset):
            continue
        kept.append(mention)
    return kept


# How English adjectives of countries end ("Belgian", "Chilean", "Chinese", "Polish").
_ADJECTIVE_END = re.compile(r"(?:ian|ean|ese|ish)$")


def _is_adjective(written: str, place: DraftPlace) -> bool:
    """Is the word an adjective of the country ("chinesischen", "Belgian"), not its name,
    its genitive ("Chinas"), a spelling of it ("Kirgistan") or an abbreviation ("U.S.")?"""
    if not written or "." in written or written.isupper():
        return False
    if written[0].islower():
        return True  # German adjectives: "im australischen Fernsehen"
    folded = fold(written)
    for name in (place.name, place.place.name_de, place.place.name_en):
        first = fold(name).split()[0] if name.strip() else ""
        if first and folded.startswith(first):
            # "Chinas", "Deutschlands": a genitive; "Indonesian", "Iraqi": an adjective
            return folded[len(first) :] not in ("", "s", "'s", "’s", "es")
    return bool(_ADJECTIVE_END.search(folded))


def _without_origins(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions without those after "aus" / "from" (and the places listed with
    them: "aus Bayern und dem nahen Baden-Württemberg"), unless people leave the place."""
    if not mentions or LEAVING.search(text):
        return mentions
    kept: list[Mention] = []
    previous: int | None = None  # offset of the last mention read as an origin
    for mention in mentions:
        offset = mention[0]
        before = text[max(0, offset - _REFERENCE_CHARS) : offset]
        listed = previous is not None and _ORIGIN_LIST.fullmatch(text, previous, offset)
        if _ORIGIN.search(before) or listed:
            previous = offset
            continue
        previous = None
        kept.append(mention)
    return kept


def _without_sources(mentions: list[Mention], text: str) -> list[Mention]:
    """Leave out the places named only as where a source sits, and a capital or country
    that speaks or acts as its government ("Kiew meldete", "Washington said")."""
    return [
        m
        for m in mentions
        if not _SOURCE_PLACE.search(text, max(0, m[0] - _REFERENCE_CHARS), m[0])
        and not (_GOVERNMENT.match(text, m[0]) and _CLAUSE_OPENS.search(text, 0, m[0]))
    ]
