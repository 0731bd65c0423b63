"""Which place a figure (or a date) belongs to, from where the article names its places.

The rule is benchmarks/draft_eval/README.md's "Which place a figure belongs to", read as a
map editor reads a sentence, in this order:

1. The place the figure's own clause names ("155 dead in Tanzania and 200,000 affected in
   Burundi"), the most specific first: a town before its region before its country. A
   place named only as a reference point, an origin, a source's seat, a government, an
   adjective ("Belgian", "australischen") or inside an institution's name is not one; a
   country's adjective before its authorities is ("die belgischen Behörden").
2. Else what the clause refers back to ("in the state", "der Region", "there"), or the
   scene the sentence opens with ("In northern Iran, three died"), else the nearest place
   of the sentence.
3. Else the place of the nearest earlier sentence of its paragraph that names one place
   at its most specific level; else the lead's place. Never a later sentence's.

Special words settle the rest: a country-wide total ("landesweit", "the country's") goes
to the country, "elsewhere" / "in anderen Orten" to none, a share of a vote to the country
or the scene its sentence opens with. The dateline ("SEOUL (Reuters) -") says where the
reporter was, not where it happened. A title only announces a count: the place of its
statement in the body counts.

Mentions are indexed once per draft and sentence boundaries once per sentence, so placing
every figure costs a lookup each, not a pass over the text.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from functools import lru_cache

from dashboard.draft.figure_labels import repeat_key
from dashboard.draft.figure_place_mentions import (
    AREAS,
    LEAVING,
    Mention,
    as_capital,
    capitals_of,
    without_adjectives,
    without_qualifiers,
    without_references,
)
from dashboard.draft.figure_words import NATIONAL_COUNTS
from dashboard.draft.figures import refers_back
from dashboard.draft.model import Draft, DraftFigure, DraftPlace
from dashboard.draft.place_divisions import is_seat
from dashboard.draft.sentences import Sentence
from dashboard.draft.story_lead import dateline_span, lead_sentences

# How far back "in der Stadt" / "there" may look for the place it means.
ANAPHORA_SENTENCES = 5
# How far a figure's place is looked for among the earlier sentences of its paragraph (a
# bound on the work for a paragraph that is the whole text, not a rule of reading).
MATE_SENTENCES = 12
# How close before "the hillside town" a town's name makes it that town's apposition.
_APPOSITION_CHARS = 40
# "in the province", "across the state", "in der Region", "im Bundesstaat" with no name after
# them speak of the region named before.
_AREA_BACK = re.compile(
    r"\b(?:[Ii]n|[Aa]cross|[Tt]hroughout)\s+the\s+(?:same\s+)?(?:province|state|region|prefecture|"
    r"county|district)\b(?!\s+of\s+[A-Z])(?!['’]s)|"
    r"\b(?:[Ii]n\s+der|[Ii]m)\s+(?:gleichen\s+|selben\s+)?(?:Provinz|Region|Bundesstaat|"
    r"Bezirk|Präfektur)\b(?!\s+[A-ZÄÖÜ])|"
    # Its authority, which gives the figure: "the governor of the state", "the province's
    # disaster agency", "die Präsidentin der Region", "die Polizei des Bundesstaats".
    r"\b(?:of\s+the|[Tt]he)\s+(?:province|state|region|prefecture|county|district)"
    r"(?:['’]s\b|\b(?!\s+of\b)(?=\s+(?:said|says|reported)))|"
    r"\b(?:governor|authorities|government|officials|administration)\s+of\s+the\s+"
    r"(?:province|state|region|prefecture|county|district)\b(?!\s+of\s+[A-Z])|"
    r"\b[A-ZÄÖÜ][\w-]+\s+(?:der\s+(?:Provinz|Region|Präfektur)|"
    r"des\s+(?:Bundesstaate?s|Bezirks|Landkreises|Kreises))\b(?!\s+[A-ZÄÖÜ])"
)
# Where a sentence falls into parts: a comma, semicolon or colon before a space, "and",
# "while", a dash between spaces.
_PART_ENDS = re.compile(
    r"[,;:](?=\s)|\s(?:and|und|while|whereas|but|aber|sowie|während|as well as)\s|\s[-–—]\s"
)
# What may follow a dateline in a sentence that is only the dateline ("Niamey (AFP) –").
_DATELINE_REST = 3

# Between two places named together: "Ecuador and northern Peru", "Kano, Kaduna und Kano".
_LISTED = re.compile(
    r"\S+(?:\s\S+)?\s*(?:,\s*|\s+(?:und|and|sowie)\s+)(?:(?:the|der|die|das)\s+)?"
    r"(?:[a-zäöüß-]+\s+){0,2}"
)
# What stands before the place a sentence opens with as its scene: "In ", "In the state
# of ", "Im Bundesstaat ", "In der Provinz ".
_SCENE = re.compile(
    r"(?:In|Im|At|Bei)\s+(?:(?:der|dem|den|the)\s+)?(?:[\w-]+\s+(?:of\s+)?)?",
)
# A part of a sentence that is only its scene: "In northern Iran", "; in Oklahoma", "Im
# Süden Chiles", "and in the state of Jalisco" (up to six words after the preposition).
_SCENE_PART = re.compile(
    r"[\s,;:–—-]*(?:(?:and|und|while|während|but|aber|sowie)\s+)?(?:[Ii]n|[Ii]m|[Aa]t|[Bb]ei|"
    r"[Aa]cross|[Aa]uf)\s+(?:[^\s,;:]+\s+){0,5}[^\s,;:]+"
)
# Words for the whole country the article is about, in place of its name.
# Not "the country's disaster agency said", "das Innenministerium des Landes": who says it.
_WHOLE_COUNTRY = re.compile(
    r"\b(?:(?<!of )[Tt]he country(?!['’]s)|[Nn]ationwide|[Cc]ountry-?wide|across the nation|"
    r"[Tt]he country['’]s (?:far )?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|"
    r"[Ii]m ganzen Land|[Ii]m gesamten Land|[Ll]andesweit(?:e[mnrs]?)?|[Bb]undesweit(?:e[mnrs]?)?|"
    r"(?<![a-zäöüß] )des Landes(?!\s+[A-ZÄÖÜ]))\b"
)


# A figure said to be somewhere else than the places named has none of them.
_ELSEWHERE = re.compile(
    r"\b(?:[Ee]lsewhere|[Ii]n other (?:parts|areas|places|regions|towns)|[Aa]nderswo|"
    r"[Aa]n anderen Orten|[Ii]n anderen (?:Orten|Regionen|Landesteilen|Gebieten|Teilen))\b"
)


def place_figures(draft: Draft, sentences: list[Sentence]) -> PlaceIndex:
    """Tie every figure of the draft to its place; the index, for the dates."""
    index = PlaceIndex(draft, sentences)
    lead = index.lead_place(sentences)
    country = _main_country(draft)
    for figure in draft.figures:
        if country is not None and _national(figure):
            local = index.scene_of_part(figure.sentence, figure.offset) or index.opening_place(
                figure.sentence
            )
            if local is not None:
                figure.place = local
                figure.reasons.append("a share of the place its clause opens with")
                continue
            figure.place = index.country_in(figure.sentence) or country
            figure.reasons.append("a figure of the whole country (an election)")
            continue
        if index.speaks_of_elsewhere(figure.sentence):
            figure.place = None  # "Elsewhere, 7 died": none of the places named
            figure.reasons.append("said to be elsewhere than the places named")
            continue
        if country is not None and index.speaks_of_country(figure.sentence):
            figure.place = country
            figure.reasons.append("a figure of the whole country ('the country's', 'landesweit')")
            continue
        figure.place, how = index.place_for(figure.sentence, figure.offset, figures=True)
        if figure.place is None and lead is not None:
            figure.place, how = lead, "the place of the article's lead"
        if how:
            figure.reasons.append(how)
    _placed_by_the_body(draft.figures, index.body_start(sentences))
    return index


def _placed_by_the_body(figures: list[DraftFigure], body: int) -> None:
    """A count a title announces ("Two killed as quake hits X's Y province") belongs where
    the body tells it: the place of its first statement from the lead on, when the body
    says it again. A title names the story's largest frame or its most striking town; the
    body's sentence says where the counted thing happened."""
    kept: dict[tuple[float, float, str], DraftFigure] = {}
    for figure in figures:
        key = (figure.low, figure.high, repeat_key(figure.counts))
        if figure.keep:
            if figure.sentence < body:
                kept[key] = figure
            continue
        title = kept.pop(key, None) if figure.sentence >= body else None
        if title is not None and figure.place is not None:
            title.place = figure.place
            title.reasons.append("the place of its statement in the body, not the title's")


def _national(figure: DraftFigure) -> bool:
    """Shares of the vote, seats and voters count for a whole country."""
    words = set(figure.counts.casefold().split())
    return bool(words & NATIONAL_COUNTS) or (figure.unit == "%" and not figure.counts)


def _main_country(draft: Draft) -> str | None:
    """The country the article names most often (the first named on a tie)."""
    countries = [p for p in draft.places if p.keep and p.kind == "country" and not p.distant]
    if not countries:
        return None
    return max(countries, key=lambda p: (len(p.sentences), -draft.places.index(p))).id


# How specific a kind of place is: a town before its district before its region (or water)
# before its country.
_LEVELS = {"country": 3, "region": 2, "water": 2, "district": 1}


# The words of first-order regions: "the state", "die Region", "im Bundesland".
_FIRST_ORDER_WORD = re.compile(r"(?i)\b(?:state|region|bundesstaate?s?|bundesland|region)\b")


def _first_order(place: DraftPlace) -> bool:
    """Is the region first-order (a state, a Region, a Bundesland), not a unit within one
    ("admin:IT-emilia_romagna-provinkia_di_rimini" names its first-order region first)?"""
    ref = place.place.ref
    return (
        place.kind == "region"
        and not is_seat(place)
        and not (ref.startswith("admin:") and ref.count("-") >= 2)
    )


def _level(place: DraftPlace) -> int:
    return _LEVELS["district"] if is_seat(place) else _LEVELS.get(place.kind, 0)


class _Named:
    """One sentence's mentions, in the tiers a figure's place is chosen from (a town of
    the story's ground, any town, any place), each sorted by where it is named."""

    def __init__(self, mentions: list[Mention]) -> None:
        towns = [m for m in mentions if m[2].kind != "country"]
        self.tiers = [t for t in ([m for m in towns if not m[2].distant], towns, mentions) if t]
        self.offsets = [[m[0] for m in tier] for tier in self.tiers]
        settlements = [m for m in mentions if m[2].kind not in AREAS]
        self.last_settlement = settlements[-1][2].id if settlements else None
        areas = [m for m in mentions if m[2].kind in ("region", "district") and not m[2].distant]
        self.last_area = areas[-1][2].id if areas else None
        regions = [m for m in areas if _first_order(m[2])]
        self.last_region = regions[-1][2].id if regions else None
        self.settlements = [m[0] for m in settlements]
        ground = [m for m in mentions if not m[2].distant]
        ground_towns = [m for m in ground if m[2].kind != "country"]
        self.last_town = ground_towns[-1][2].id if ground_towns else None
        self.last_ground = ground[-1][2].id if ground else None
        self.first_local = (ground_towns or ground)[0][2].id if ground else None
        countries = [m for m in mentions if m[2].kind == "country"]
        self.first_country = countries[0][2].id if countries else None
        # The most specific level of the story's ground the sentence names, and its places.
        levels = sorted({_level(m[2]) for m in ground} or {_level(m[2]) for m in mentions})
        top = [m[2].id for m in (ground or mentions) if levels and _level(m[2]) == levels[0]]
        self.most_specific = top[0] if top else None
        far = [m for m in mentions if m[2].distant]
        self.levels = [
            (tier, [m[0] for m in tier])
            for group in (ground, far)
            for level in range(max(_LEVELS.values()) + 1)
            if (tier := [m for m in group if _level(m[2]) == level])
        ]
        self.only_most_specific = top[0] if len(set(top)) == 1 else None
        self.countries = sorted({m[2].id for m in ground if m[2].kind == "country"})

    def settlement_before(self, offset: int) -> bool:
        """Is a town named just before `offset` ("Quilpué, the hillside town"): the words
        there speak of it, not of a town named before."""
        at = bisect.bisect_left(self.settlements, offset)
        return at > 0 and offset - self.settlements[at - 1] <= _APPOSITION_CHARS

    def most_specific_in(
        self, start: int, end: int, text: str = "", figure_at: int = -1
    ) -> DraftPlace | None:
        """The most specific place of the story's ground named between `start` and `end`
        (a town before its region before its country), the first named of equals; a
        place far from the story's ground only when none of it is named there. With the
        sentence's `text`, the first of the places named together with it ("In X und Y
        starben 30": X), though the part begins after the first; not across the figure
        at `figure_at` ("5 died in X and three in Y": Y)."""
        for mentions, offsets in self.levels:
            at = bisect.bisect_left(offsets, start)
            if at < len(offsets) and offsets[at] < end:
                while (
                    text
                    and at > 0
                    and not offsets[at - 1] < figure_at < offsets[at]
                    and _LISTED.fullmatch(text, offsets[at - 1], offsets[at])
                ):
                    at -= 1
                return mentions[at][2]
        return None

    def nearest(
        self, offset: int, start: int = 0, end: int | None = None, text: str = ""
    ) -> DraftPlace | None:
        """The nearest mention to `offset` between `start` and `end`, from the first tier
        that has one there; with the sentence's `text`, the first of the places named
        together with it ("shook X and Y, killing 15": X)."""
        for tier, offsets in zip(self.tiers, self.offsets, strict=True):
            lo = bisect.bisect_left(offsets, start)
            hi = len(offsets) if end is None else bisect.bisect_left(offsets, end)
            if lo < hi:
                at = bisect.bisect_left(offsets, offset, lo, hi)
                near = [j for j in (at - 1, at) if lo <= j < hi]
                best = min(near, key=lambda j: (abs(offsets[j] - offset), offsets[j], tier[j][1]))
                while (
                    text and best > lo and _LISTED.fullmatch(text, offsets[best - 1], offsets[best])
                ):
                    best -= 1
                return tier[best][2]
        return None


class PlaceIndex:
    """Where the kept places are named, sentence by sentence."""

    def __init__(self, draft: Draft, sentences: list[Sentence]) -> None:
        self._sentences = draft.sentences
        self._paragraph = {s.index: s.paragraph for s in sentences}
        every: dict[int, list[Mention]] = defaultdict(list)
        for order, place in enumerate(p for p in draft.places if p.keep):
            for sentence, offset in place.positions:
                every[sentence].append((offset, order, place))
        countries = {
            p.place.country: (order, p)
            for order, p in enumerate(p for p in draft.places if p.keep)
            if p.kind == "country"
        }
        capitals = capitals_of(draft)
        main = draft.place(_main_country(draft))
        code = main.place.country if main else ""
        self._capital = capitals[code][1].id if code in capitals else None
        self._all = {
            s: as_capital(
                without_references(
                    without_qualifiers(
                        without_adjectives(sorted(m, key=lambda m: m[:2]), draft.sentences[s]),
                        draft.sentences[s],
                    ),
                    draft.sentences[s],
                    countries,
                ),
                draft.sentences[s],
                capitals,
            )
            for s, m in every.items()
        }
        self._dateline_name = draft.dateline_place
        self._dateline = dateline_span(draft, sentences)
        self._refers_back = lru_cache(maxsize=None)(refers_back)
        self._parts = lru_cache(maxsize=None)(_part_ends)
        self._named: dict[tuple[int, bool], _Named] = {}
        self._said: dict[tuple[str, int], bool] = {}

    def _of(self, sentence: int, told: bool = True) -> _Named:
        """The sentence's mentions (without its dateline's when `told`), indexed once."""
        key = (sentence, told)
        if key not in self._named:
            mentions = self._all.get(sentence, [])
            if told and self._dateline is not None and self._dateline[0] == sentence:
                mentions = [m for m in mentions if m[0] >= self._dateline[1]]
            self._named[key] = _Named(mentions)
        return self._named[key]

    def speaks_of_country(self, sentence: int) -> bool:
        """The sentence names no place but speaks of the whole country ("one of the
        country's leaders said", "landesweit", "im ganzen Land")."""
        return not self._of(sentence).tiers and bool(
            _WHOLE_COUNTRY.search(self._sentences[sentence])
        )

    def speaks_of_elsewhere(self, sentence: int) -> bool:
        """The sentence names no place and says its figures are elsewhere ("Elsewhere, 7
        died", "In anderen Orten starben drei Menschen")."""
        return not self._of(sentence).tiers and self._says(_ELSEWHERE, sentence)

    def _says(self, pattern: re.Pattern[str], sentence: int) -> bool:
        """Does the sentence hold the pattern? Read once per sentence, not per figure."""
        key = (pattern.pattern, sentence)
        if key not in self._said:
            self._said[key] = bool(pattern.search(self._sentences[sentence]))
        return self._said[key]

    def opening_place(self, sentence: int) -> str | None:
        """The town or region a sentence opens with as its scene ("In Mombasa, turnout
        was 40%", "Im Bundesstaat Jalisco lag die Beteiligung bei 51 %"), if it does."""
        mentions = self._of(sentence).tiers[0] if self._of(sentence).tiers else []
        text = self._sentences[sentence]
        start = self._dateline[1] if self._dateline and self._dateline[0] == sentence else 0
        for offset, _order, place in mentions[:1]:
            if place.kind != "country" and _SCENE.fullmatch(text, start, offset):
                return place.id
        return None

    def country_in(self, sentence: int) -> str | None:
        return self._of(sentence).first_country

    def place_for(self, sentence: int, offset: int, figures: bool) -> tuple[str | None, str]:
        """The place a figure or date belongs to, and why."""
        if not figures:
            place = self._of(sentence, told=False).nearest(offset)
            return (place.id, "place named in the same sentence") if place else (None, "")
        named = self._of(sentence)
        if not named.tiers and self._capital and self._says(_THE_CAPITAL, sentence):
            return self._capital, "the capital, of the country the article is about"
        anaphor = self._refers_back(self._sentences[sentence])
        if anaphor is not None and not named.settlement_before(anaphor):
            for back in range(sentence - 1, max(0, sentence - ANAPHORA_SENTENCES) - 1, -1):
                city = self._of(back).last_settlement
                if city is not None:
                    return city, "refers back to a place named before"
        area = self._area_referred(sentence, named)
        if area is not None:
            return area, "refers back to a region named before ('the province')"
        scene = self.opening_place(sentence)
        if scene is not None and self._says(LEAVING, sentence):
            # "In El Geneina flohen 30.000 Menschen in den Tschad": counted where they left.
            return scene, "place people left, which the sentence opens with"
        if named.tiers:
            start, end = self._part(sentence, offset)
            place = named.most_specific_in(start, end, self._sentences[sentence], offset)
            if place is not None:
                return place.id, "place named in the same part of the sentence"
            area = self._area_in_part(sentence, start, end)
            if area is not None:
                return area, "refers back to a region named before ('in the state')"
            scene = self._scene_before(sentence, start, named)
            if scene is not None:
                # "In X, 3 were killed", "…; in Y, 3 were injured": a part that is only
                # its scene opens the figure's clause.
                return scene, "the scene its clause opens with"
            place = named.nearest(offset, text=self._sentences[sentence])
            return (place.id if place else None), "place named in the same sentence"
        mate = self._paragraph_place(sentence)
        if mate is not None:
            return mate, "place named earlier in the same paragraph"
        return None, ""

    def _area_referred(self, sentence: int, named: _Named) -> str | None:
        """The region or district "in the province" / "in der Region" refers back to, when
        the sentence names no place below a country itself."""
        if named.last_ground not in (None, named.first_country) or not self._says(
            _AREA_BACK, sentence
        ):
            return None
        return self._area_before(sentence)

    def _area_in_part(self, sentence: int, start: int, end: int) -> str | None:
        """The region "in the state" / "in der Provinz" in this part of the sentence refers
        back to ("Twelve died in the state, nine of them in X": the state's twelve)."""
        if not _AREA_BACK.search(self._sentences[sentence], start, end):
            return None
        return self._area_before(sentence, start, end)

    def scene_of_part(self, sentence: int, offset: int) -> str | None:
        """The town or region the figure's part of the sentence opens with ("…, in Bihar bei
        55 Prozent"), if it does."""
        start, end = self._part(sentence, offset)
        scene = _SCENE_PART.match(self._sentences[sentence], start, end)
        if scene is None:
            return None
        place = self._of(sentence).most_specific_in(start, scene.end() + 1)
        return place.id if place is not None and place.kind != "country" else None

    def _scene_before(self, sentence: int, start: int, named: _Named) -> str | None:
        """The place of the part just before `start` when that part is only a scene ("In
        northern Iran", "; in Oklahoma", "Im Süden Chiles")."""
        ends = self._parts(self._sentences[sentence])
        at = bisect.bisect_left(ends, start)
        before = ends[at - 1] if at > 0 else 0
        if before >= start or not _SCENE_PART.fullmatch(self._sentences[sentence], before, start):
            return None
        place = named.most_specific_in(before, start)
        return place.id if place else None

    def _area_before(self, sentence: int, start: int = 0, end: int | None = None) -> str | None:
        """The region or district named last in the sentences just before this one; for
        "the state", "die Region" (a first-order word) the first-order region named last,
        the story's frame, however many sentences back (within a paragraph's bound)."""
        said = _AREA_BACK.search(
            self._sentences[sentence], start, end or len(self._sentences[sentence])
        )
        if said is not None and _FIRST_ORDER_WORD.search(said.group()):
            for back in range(sentence - 1, max(0, sentence - MATE_SENTENCES) - 1, -1):
                region = self._of(back).last_region
                if region is not None:
                    return region
        for back in range(sentence - 1, max(0, sentence - ANAPHORA_SENTENCES) - 1, -1):
            area = self._of(back).last_area
            if area is not None:
                return area
        return None

    def _part(self, sentence: int, offset: int) -> tuple[int, int]:
        """Where the part of the sentence around `offset` starts and ends."""
        ends = self._parts(self._sentences[sentence])
        at = bisect.bisect_right(ends, offset)
        start = ends[at - 1] if at > 0 else 0
        end = ends[at] if at < len(ends) else len(self._sentences[sentence])
        return start, end

    def _paragraph_place(self, sentence: int) -> str | None:
        """The place of the nearest earlier sentence of the same paragraph that names one
        place at its most specific level: "Officials said 42 were wounded" goes on about
        the place just named; after "15 died in X and 10 in Y" a total is neither's, and
        the sentence before is asked. A later sentence may name a new place ("Authorities
        in Canoas said …"), and another paragraph another story, so neither is asked."""
        paragraph = self._paragraph.get(sentence)
        if not paragraph:
            return None
        for mate in range(sentence - 1, sentence - MATE_SENTENCES - 1, -1):
            if self._paragraph.get(mate) != paragraph:
                break
            place = self._of(mate).only_most_specific
            if place is not None:
                return place
        return None

    def body_start(self, sentences: list[Sentence]) -> int:
        """The index of the lead's first sentence: what stands before it is the headline and
        the lines around it (a kicker, a second title, a date line)."""
        lead = lead_sentences(self._dateline_name, sentences)
        return lead[0].index if lead else len(self._sentences)

    def lead_place(self, sentences: list[Sentence]) -> str | None:
        """The place of the lead: the most specific place the first sentence of the body
        names after its dateline (the second's, when the first is only a dateline), else
        the headline's, else the dateline's place; None when none is named."""
        body = [s.index for s in lead_sentences(self._dateline_name, sentences)]
        if len(body) > 1 and not self._only_dateline(body[0]):
            body = body[:1]
        for index in body:
            first = self._of(index).most_specific
            if first is not None:
                return first
        headline = self._of(0).most_specific if sentences and sentences[0].paragraph == 0 else None
        if headline is not None:
            return headline
        for index in body:
            mentions = self._all.get(index, [])
            if mentions:
                return mentions[0][2].id
        return None

    def _only_dateline(self, sentence: int) -> bool:
        """Is the sentence no more than its dateline ("Niamey (AFP) –")?"""
        if self._dateline is None or self._dateline[0] != sentence:
            return False
        return len(self._sentences[sentence]) - self._dateline[1] <= _DATELINE_REST


# "In the capital, 12 were killed", "in der Hauptstadt": the capital of the country the
# article is about, not the town named last.
_THE_CAPITAL = re.compile(
    r"\b(?:[Tt]he|[Dd]er|[Dd]ie)\s+(?:country's\s+|[a-zäöüß]+en\s+)?(?:capital|Hauptstadt)\b"
)


def _part_ends(text: str) -> list[int]:
    return [match.start() for match in _PART_ENDS.finditer(text)]
