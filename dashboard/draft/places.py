"""Find the places an article names: gazetteer lookup plus rules, scored by context.

Names are matched on word boundaries only ("Hama" inside another word is not Hama),
as runs of capitalised words with name particles ("Ain al-Arab", "Deir ez-Zor"),
German genitives ("Mossuls") and compass prefixes ("Nordsyrien"). Each mention is scored
for each place it can mean: size, the countries the article names (also through
adjectives: "syrischen", "Iraqi"), a preposition before it ("in", "nahe", "near"),
distance to the article's other places; against: everyday words ("Essen", "Van" in
"van der"), parts of person names ("Rupert Jones", "Safa al-Ubeidi").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import dashboard.draft.words as _w
from dashboard.core.names import fold, place_key
from dashboard.draft.model import Candidate, DraftPlace, confidence_rank
from dashboard.draft.place_adjectives import adjective_mentions
from dashboard.draft.place_cues import (
    Lists,
    compass_regions,
    read_cues,
    without_compass_countries,
)
from dashboard.draft.place_distances import weigh_distances
from dashboard.draft.place_divisions import short_name
from dashboard.draft.place_fuzzy import fuzzy_mentions
from dashboard.draft.place_fuzzy import is_capitalised as _is_capitalised
from dashboard.draft.place_fuzzy import tokens as _tokens
from dashboard.draft.place_fuzzy import word_before as _word_before
from dashboard.draft.place_grounds import (
    dateline_only,
    listed_together,
    short_forms,
    town_and_region,
    whose,
    whose_not_where,
)
from dashboard.draft.place_lookup import (
    ABBREVIATED,
    abbreviated_state,
    compass_lookup,
    lookup_variants,
    qualified_town,
    ship_names,
    storm_names,
)
from dashboard.draft.place_scores import (
    MIN_SCORE,
    SMALL_POPULATION,
    Evidence,
    Mention,
    MentionGroup,
    confidence,
    context_countries,
    dateline_countries,
    score_group,
)
from dashboard.draft.sentences import Sentence
from dashboard.reader.gazetteer import Gazetteer, Place

_SHIP_PREFIX = re.compile(r"MV|M/V|MS|M/S|MT|MY|RMS|SS|HMS|HMAS|HMCS|USS|USNS|INS|KMP|KM|FV|RV")
_COMPASS = re.compile(r"^(nordost|nordwest|südost|südwest|nord|süd|ost|west|zentral)-?", re.I)
# Particles of names that, after a place, are prepositions ("Mossul im Irak").
_NOT_NAME_PARTICLES = ("in", "im", "an", "am", "on")
# Words that join a name only where the whole is the gazetteer's ("Gulf of Mexico", "Bay
# of Bengal", "Golf von Mexiko"); alone they begin no name, so they are no particles.
_NAME_LINKS = frozenset(("of", "von"))
# Continents: a word before one names a part of it ("Central America", "Südostasien" is
# one word), never a town of that name.
_CONTINENTS = frozenset(
    [
        "america",
        "americas",
        "amerika",
        "africa",
        "afrika",
        "asia",
        "asien",
        "europe",
        "europa",
        "oceania",
        "ozeanien",
    ]
)
# German adjectives before a country name that make a region of it ("Sächsische Schweiz").
_REGION_ADJECTIVE = re.compile(r"\w+isch(?:e|en|er|es)$")


def find_mentions(sentences: list[Sentence], gaz: Gazetteer, language: str) -> list[Mention]:
    mentions: list[Mention] = []
    person_words: set[str] = set()
    for sentence in sentences:
        for mention, one_word_person in _sentence_mentions(sentence, gaz, language):
            if one_word_person:
                person_words.add(fold(mention.surface))
            mentions.append(mention)
    for mention in mentions:
        if fold(mention.surface) in person_words:
            mention.person_like = True
    _one_river(mentions)
    texts = {s.index: s.text for s in sentences}
    mentions = without_compass_countries(mentions, texts, compass_regions(list(texts.values())))
    listed_together(mentions, sentences)
    # A storm's name ("Hurricane Milton") names no place anywhere in the article.
    storms = storm_names(sentences, gaz)
    mentions = [m for m in mentions if fold(m.name) not in storms and fold(m.surface) not in storms]
    mentions = _not_ships(mentions, sentences)
    # "Mossuls" is Mossul's genitive when the article also says "Mossul"; "Hamas" alone
    # is not Hama's. Only very big places are taken from an inflected form alone.
    plain = {fold(m.name) for m in mentions if not m.inflected}
    mentions = [
        m
        for m in mentions
        if not m.inflected
        or fold(m.name) in plain
        or m.places[0].kind != "city"
        or m.places[0].population >= INFLECTED_ALONE_POPULATION
    ]
    mentions.extend(adjective_mentions(sentences, gaz, language))
    return mentions


def _not_ships(mentions: list[Mention], sentences: list[Sentence]) -> list[Mention]:
    """A ship's name ("the ferry MV Lampedusa") names no place where it stands after its
    prefix; elsewhere the same word may be the island ("sank off Lampedusa")."""
    ships = ship_names(sentences)
    if not ships:
        return mentions
    texts = {s.index: s.text for s in sentences}
    kept = []
    for m in mentions:
        before = texts[m.sentence][: m.start].rstrip(" „“\"'‚‘»«")
        prefix = before.rsplit(None, 1)[-1] if before.split() else ""
        if fold(m.surface) in ships and _SHIP_PREFIX.fullmatch(prefix.rstrip(".")):
            continue
        kept.append(m)
    return kept


def _one_river(mentions: list[Mention]) -> None:
    """A name the article calls a river ("the Dnipro River", "der Fluss Dnipro") is the
    river wherever else it stands ("am Ufer des Dnipro"), unless a word says a town or a
    region is meant there ("die Stadt Dnipro")."""
    rivers: set[str] = set()
    for m in mentions:
        words = m.name.split()
        if len(words) > 1 and words[-1].lower() in _w.WATER_AFTER and m.places[0].kind == "water":
            rivers.add(fold(" ".join(words[:-1])))  # "the Dnipro River" as one name
        elif m.water_cue and any(p.kind == "water" for p in m.places):
            rivers.add(fold(m.name))
    for mention in mentions:
        if fold(mention.name) in rivers and not mention.region_cue and not mention.town_cue:
            mention.places = [p for p in mention.places if p.kind == "water"]
            mention.water_cue = True


def _sentence_mentions(
    sentence: Sentence, gaz: Gazetteer, language: str
) -> list[tuple[Mention, bool]]:
    """The sentence's names that the gazetteer knows, with the cues around each, and
    whether each is a one-word name read as a person's."""
    found: list[tuple[Mention, bool]] = []
    tokens = _tokens(sentence.text)
    i = 0
    lists = Lists()
    while i < len(tokens):
        word = tokens[i].group()
        if not _is_capitalised(word):
            i += 1
            continue
        match = _longest_match(tokens, i, sentence, gaz, language)
        if match is None:
            i += 1
            continue
        mention, length = match
        end = i + length
        before = _word_before(tokens, i)
        after = tokens[end].group() if end < len(tokens) else ""
        mention.sentence_start = i == 0 or sentence.text[: tokens[i].start()].strip() in (
            "„",
            '"',
            "“",
            "»",
            "(",
        )
        # "according to Rodrigues": the "to" of a source, not of a direction.
        according = before == "to" and i > 1 and tokens[i - 2].group().lower() == "according"
        mention.cue = before in _w.CUES and not according
        mention.article_cue = language == "de" and before in _w.ARTICLES
        if not read_cues(mention, sentence.text, tokens, i, end, gaz, lists):
            i = end  # "West Azerbaijan province" is no country, nor part of one by the name
            continue
        if end - i == 1 and after.lower() in _CONTINENTS:
            i = end + 1  # "Central America", "East Africa": no town called Central
            continue
        if (
            end - i == 1
            and word.lower() in _CONTINENTS
            and i > 0
            and _is_capitalised(tokens[i - 1].group())
        ):
            i = end  # "Latin America" is not the United States
            continue
        if (
            language == "de"
            and mention.places[0].kind == "country"
            and i > 0
            and _is_capitalised(tokens[i - 1].group())
            and _REGION_ADJECTIVE.match(tokens[i - 1].group())
        ):
            i = end  # "Sächsische Schweiz" is a region of Saxony, not Switzerland
            continue
        person = _mark_names_around(
            mention, tokens, i, end, sentence.text, gaz, language, according
        )
        found.append((mention, person))
        i = end
    return found


def _mark_names_around(
    mention: Mention,
    tokens: list[re.Match[str]],
    i: int,
    end: int,
    text: str,
    gaz: Gazetteer,
    language: str,
    according: bool,
) -> bool:
    """Whether the names around the mention make it a person's name, or part of another
    name (an agency's, a company's); True for a one-word name read as a person's."""
    before = _word_before(tokens, i)
    after = tokens[end].group() if end < len(tokens) else ""
    # A name that goes on ("Safa al-Ubeidi"; in English also "Paris Hilton") is
    # a person's; in German a capitalised noun may follow a place ("prüft Moskau
    # Berichte"), so only particles count there.
    continues = bool(after) and (
        (
            _is_capitalised(after)
            and (language == "en" or _rare_name(gaz, after, mention))
            and not _known_place(gaz, after)
            and text[tokens[end - 1].end() : tokens[end].start()] == " "
        )
        or (after.lower() in _w.PARTICLES and fold(after) not in _NOT_NAME_PARTICLES)
        or after.lower().startswith(("al-", "el-", "bin-", "ibn-"))
    )
    preceded = (
        i > 0
        and _is_capitalised(tokens[i - 1].group())
        and not _known_place(gaz, tokens[i - 1].group())
        and before not in _w.STOP_START
        and before not in _w.CUES
        and not (i - 1 == 0 and before in _w.STOP_START)
        and "," not in text[tokens[i - 1].end() : tokens[i].start()]  # "Sebnitz, Bad Schandau"
    )
    if (
        before in _w.PERSON_CUES
        or according
        or (i > 1 and tokens[i - 2].group().lower() in _w.PERSON_CUES and preceded)
        or (continues and not mention.cue and end - i == 1)
    ):
        mention.person_like = True
    # In German a noun with its article may stand before a name ("am
    # Grenzübergang Mürşitpınar"); a given name has none ("Mahsa Amini").
    noun_before = language == "de" and i > 1 and fold(tokens[i - 2].group()) in _w.ARTICLES
    if preceded and i - 1 > 0 and not mention.cue and not noun_before:
        mention.after_name = True
    one_word_person = mention.person_like and end - i == 1
    if _abbreviation_before_name(mention, after, text[tokens[end - 1].end() :]):
        mention.adjective = True  # "U.S. Geological Survey", "UK Met Office"
    two_before = tokens[i - 2].group().lower() if i > 1 else ""
    if (
        before in ("van", "von", "de", "da", "di")
        or two_before in ("van", "von")
        or after.lower() in ("der", "den")
    ):
        mention.person_like = True
    return one_word_person


def _abbreviation_before_name(mention: Mention, after: str, rest: str) -> bool:
    """A country's abbreviation before another name is an adjective ("U.S. Patriot
    systems", "U.S. Geological Survey", "UK Met Office"): it says whose, not where."""
    letters = mention.surface.replace(".", "")
    return (
        mention.places[0].kind == "country"
        and not mention.cue
        and letters.isupper()
        and len(letters) <= 4
        and _is_capitalised(after)
        and (rest.startswith(" ") or rest.startswith(". "))  # "U.S" is a token, "." follows
    )


def _rare_name(gaz: Gazetteer, word: str, mention: Mention) -> bool:
    """In German a capitalised noun may follow a place ("prüft Moskau Berichte"); a rare
    capitalised word after a name is a surname ("Nika Schakarami"), unless the name is
    a big city's, a country's or a known region's. A GeoNames district is often named
    after a person ("Vincent Pyati" is no district of Western Australia)."""
    big = any(
        p.kind in ("country", "water") or p.key.startswith("region:") or p.population >= 1_000_000
        for p in mention.places
    )
    return not big and gaz.frequency(word, "de") < 3.0


def _known_place(gaz: Gazetteer, word: str) -> bool:
    """A word that names a region, water or town of some size by its own name, or a
    division ("Sukabumi Regency"): the villages of the gazetteer share names with half
    the surnames of the world."""
    return word.lower() in _w.KIND_AFTER or any(
        p.is_named(word) and (p.kind != "city" or p.population >= SMALL_POPULATION)
        for p in gaz.lookup(word)
    )


def _named_with_region_word(
    tokens: list[re.Match[str]], i: int, sentence: Sentence, gaz: Gazetteer
) -> Mention | None:
    """ "the Bagmati zone", "Kosi province": GeoNames names such a region with its word
    ("Bagmati Zone"), which the text writes in lower case."""
    if i + 1 >= len(tokens) or tokens[i + 1].group().lower() not in _w.REGION_AFTER:
        return None
    word = tokens[i].group()
    name = f"{word} {tokens[i + 1].group().capitalize()}"
    regions = [p for p in gaz.lookup(name) if p.kind == "region" and p.is_named(name)]
    if not regions:
        return None
    return Mention(word, name, sentence.index, tokens[i].start(), regions)


def _longest_match(
    tokens: list[re.Match[str]], i: int, sentence: Sentence, gaz: Gazetteer, language: str
) -> tuple[Mention, int] | None:
    region = _named_with_region_word(tokens, i, sentence, gaz)
    if region is not None:
        return region, 1
    state = abbreviated_state(gaz, tokens, i, sentence.text)
    if state is not None:  # "Mayfield, Ky."
        places, name, length = state
        end = tokens[i + length - 1].end()
        return Mention(
            sentence.text[tokens[i].start() : end], name, sentence.index, tokens[i].start(), places
        ), length
    for length in range(min(4, len(tokens) - i), 0, -1):
        last = tokens[i + length - 1].group()
        if not _is_capitalised(last) and not ("-" in last and _is_capitalised(last.split("-")[-1])):
            continue
        inner = [t.group() for t in tokens[i + 1 : i + length - 1]]
        if any(
            not _is_capitalised(w) and w.lower() not in _w.PARTICLES | _NAME_LINKS for w in inner
        ):
            continue
        gaps = [
            sentence.text[tokens[k].end() : tokens[k + 1].start()] for k in range(i, i + length - 1)
        ]
        if any(
            gap != " " and not (gap == ". " and tokens[k].group() in ABBREVIATED)
            for k, gap in zip(range(i, i + length - 1), gaps, strict=True)
        ):
            continue  # "St. Joseph", "Mt. Vernon" are one name
        surface = sentence.text[tokens[i].start() : tokens[i + length - 1].end()]
        mention = _mention_for(surface, sentence, tokens[i].start(), gaz, language, length)
        linked = any(w.lower() in _NAME_LINKS for w in inner)
        following = tokens[i + length].group() if i + length < len(tokens) else ""
        if (linked or following.lower() in _w.LANDFORM_AFTER) and mention is not None:
            # "Gulf of Mexico" is water, "University of Texas" no town: Texas is meant;
            # "the Sierra Madre mountain range" is no town either.
            mention.places = [p for p in mention.places if p.kind != "city"]
        elif following.lower() in _w.VALLEY_AFTER and mention is not None:
            mention.places = [  # "Kathmandu Valley", not "the Rio Doce Valley"
                p for p in mention.places if p.kind != "city" or p.population >= SMALL_POPULATION
            ]
        paper = following in _w.NEWSPAPER_WORDS
        if mention is not None and mention.places and not paper:
            return mention, length  # "The Washington Post" names a paper, not a place
    return None


def _mention_for(
    surface: str, sentence: Sentence, start: int, gaz: Gazetteer, language: str, length: int
) -> Mention | None:
    if length == 1 and len(surface) < 3 and surface not in ("UK",):
        return None
    if length == 1 and fold(surface) in _w.PARTICLES:
        return None  # "Abu", "Umm", "Bin" alone begin a person's name
    places, name, inflected = lookup_variants(gaz, surface, language)
    if not places and length >= 3:
        places, name = qualified_town(gaz, surface)  # "Villanova di Ravenna"
        if places:
            mention = Mention(surface, name, sentence.index, start, places)
            mention.town_cue = True  # the place it is near says which village is meant
            return mention
    if not places and length == 1:
        compass = _COMPASS.match(surface)
        rest = surface[compass.end() :] if compass else ""
        if compass and len(rest) >= 4:
            places, name, inflected = compass_lookup(gaz, compass.group(1), rest, language)
        elif "-" in surface:
            # "Mossul-Offensive", "Syrien-Konflikt": a compound whose first part is a place.
            head = surface.split("-")[0]
            if len(head) >= 4:
                places, name, inflected = lookup_variants(gaz, head, language)
                # A country, a known region or a big city: "Rhein-Sieg-Kreis" is no river;
                # any region where the compound says so ("Herat-Provinz").
                tail = surface.rsplit("-", 1)[-1].lower()
                any_region = tail in _w.REGION_BEFORE or tail in _w.REGION_AFTER
                places = [
                    p
                    for p in places
                    if p.kind == "country"
                    or p.key.startswith("region:")
                    or (any_region and p.kind == "region")
                    or (p.kind == "city" and p.population >= 100_000)
                ]
                inflected = True
    if not places:
        return None
    exact = gaz.is_exact(name)
    if not exact and (len(place_key(name)) < 4 or fold(name) in _w.NOT_PLACES):
        return None  # "Doch" shares a key with a spelling of Donetsk: not enough
    if fold(name) in _w.NOT_PLACES and length == 1:
        # A function word begins sentences; inside one, "Oder" with a capital is the river.
        at_start = not sentence.text[:start].strip(' „"“»(')
        if at_start or not any(p.kind == "water" and p.is_named(name) for p in places):
            return None
    return Mention(surface, name, sentence.index, start, places, inflected=inflected, exact=exact)


INFLECTED_ALONE_POPULATION = 1_000_000


def recognise_places(
    sentences: list[Sentence],
    gaz: Gazetteer,
    language: str,
    dateline: tuple[str, str | None] | None = None,
) -> list[DraftPlace]:
    """The article's places. `dateline` is where the report was filed, (place, region or
    country or None): "VALENCIA, Spain" settles which Valencia the article means."""
    mentions = find_mentions(sentences, gaz, language)
    # Countries the article names (directly or through an adjective) give context.
    named_by: dict[str, set[str]] = defaultdict(set)  # country -> the names that name it
    for m in mentions:
        if not m.person_like and m.places[0].kind == "country":
            named_by[m.places[0].country].add(fold(m.name))
    for code in dateline_countries(gaz, dateline):
        named_by[code].add("")  # the dateline's
    countries = set(named_by)
    found = {(m.sentence, m.start) for m in mentions}
    # Named regions and big cities tell where the article is, too.
    sources = context_countries(mentions, gaz, countries)
    for code, name in town_and_region(mentions, sentences):
        sources.setdefault(code, set()).add(name)
    for m in mentions:
        if m.region_country:  # the region word is the evidence, not the name after it
            sources.setdefault(m.region_country, set()).add(f"({m.region_country} region word)")
    context = countries | set(sources)
    mentions.extend(fuzzy_mentions(sentences, gaz, context, found))
    evidence = Evidence(language, countries, context, sources, dict(named_by))

    groups: dict[tuple[str, ...], MentionGroup] = defaultdict(MentionGroup)
    for mention in mentions:
        groups[tuple(p.key for p in mention.places)].mentions.append(mention)
    for group in groups.values():
        score_group(group, gaz, evidence)
    weigh_distances(list(groups.values()), gaz, evidence)

    drafts: dict[str, DraftPlace] = {}
    adjective_only: dict[str, bool] = {}
    said_whose: dict[str, set[tuple[int, int]]] = {}  # where a place is only an adjective
    for group in groups.values():
        ranked = sorted(group.scores.items(), key=lambda kv: -kv[1])
        if not ranked:
            continue
        best_key, best_score = ranked[0]
        if best_score < MIN_SCORE:
            continue
        candidates = [_candidate(gaz.places[key], score) for key, score in ranked[:5]]
        existing = drafts.get(best_key)
        sentences_of = sorted({m.sentence for m in group.mentions})
        positions = [(m.sentence, m.start) for m in group.mentions]
        said_whose.setdefault(best_key, set()).update(
            (m.sentence, m.start) for m in group.mentions if whose(m)
        )
        if existing is not None:
            adjective_only[best_key] &= all(whose(m) for m in group.mentions)
            existing.sentences = sorted(set(existing.sentences) | set(sentences_of))
            existing.positions = sorted(set(existing.positions) | set(positions))
            if _rank(confidence(best_score, group.mentions)) < _rank(existing.confidence):
                existing.confidence = confidence(best_score, group.mentions)
            continue
        adjective_only[best_key] = all(whose(m) for m in group.mentions)
        name = _display_name(group.mentions, gaz.places[best_key], language)
        drafts[best_key] = DraftPlace(
            id="",
            name=name,
            candidates=candidates,
            sentences=sentences_of,
            confidence=confidence(best_score, group.mentions),
            reasons=_reasons(group.mentions, gaz.places[best_key], countries),
            positions=sorted(positions),
        )
    short_forms(drafts)
    whose_not_where(drafts, adjective_only, said_whose, dateline_only(drafts, sentences, dateline))
    places = sorted(drafts.values(), key=lambda p: (p.sentences[0], p.name))
    _assign_ids(places)
    return places


def _rank(confidence: str) -> int:
    return confidence_rank(confidence)


def _candidate(place: Place, score: float) -> Candidate:
    return Candidate(
        place.key,
        place.kind,
        place.name_de,
        place.name_en,
        place.country,
        place.lat,
        place.lon,
        place.population,
        place.source,
        round(score, 2),
    )


def _display_name(mentions: list[Mention], place: Place, language: str) -> str:
    own = place.name_de if language == "de" else place.name_en
    # A province GeoNames names with its division word ("Province of Ilocos Norte",
    # "Provincia di Rimini") is labelled as the article writes it ("Ilocos Norte").
    as_written = place.kind == "city" or (place.key.startswith("admin:") and short_name(own) != "")
    if not as_written or all(m.adjective for m in mentions):
        return own
    plain = [m.name for m in mentions if not m.adjective and not m.inflected]
    names = plain or [m.name for m in mentions if not m.adjective]
    # The most frequent spelling, "Nairobi" before a dateline's "NAIROBI"; a tie goes to
    # the first written (max over the list, never over a set: same output every run).
    # A name only ever written in a dateline's capitals is shown as the gazetteer writes
    # it: a label "MANILA" shouts.
    counts = Counter(names)
    name = max(names, key=lambda name: (not name.isupper(), counts[name]))
    if name.isupper():
        return own
    return name


def _reasons(mentions: list[Mention], place: Place, countries: set[str]) -> list[str]:
    reasons = [f"{len(mentions)}× im Text / in the text"]
    if any(m.cue for m in mentions):
        reasons.append("preposition or place word before it")
    if place.kind == "city" and place.country in countries:
        reasons.append(f"the article names its country ({place.country})")
    if all(m.adjective for m in mentions):
        reasons.append("only as an adjective")
    if any(m.fuzzy for m in mentions):
        reasons.append("spelling close to the gazetteer's, not equal: confirm")
    if any(m.person_like for m in mentions):
        reasons.append("may be part of a person's name")
    if any(m.inflected for m in mentions):
        reasons.append("inflected form")
    return reasons


def _assign_ids(places: list[DraftPlace]) -> None:
    used: set[str] = set()
    for place in places:
        base = re.sub(r"[^a-z0-9]+", "-", fold(place.place.name_en)).strip("-")[:48] or "place"
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        place.id = slug
