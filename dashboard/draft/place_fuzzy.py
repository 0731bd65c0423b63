"""Names the gazetteer does not hold as written, after a place cue or in a list of places:
a spelling a letter off a town of the article's countries ("Mandschbi" for Manbij), or a
town's name without its saint's ("Huatulco" for Santa María Huatulco)."""

from __future__ import annotations

import re

from dashboard.core.names import fold, place_key, within_one_edit
from dashboard.draft.place_scores import Mention
from dashboard.draft.sentences import Sentence
from dashboard.draft.words import FUZZY_CUES as _FUZZY_CUES
from dashboard.draft.words import REGION_AFTER, REGION_BEFORE
from dashboard.reader.gazetteer import Gazetteer, Place

# A word: letters, with inner apostrophes, dots and hyphens ("Ain al-Arab", "St.").
_TOKEN = re.compile(r"[^\W\d_][\w'’‘ʿ.-]*[\w]|[^\W\d_]", re.UNICODE)


def tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def word_before(tokens: list[re.Match[str]], i: int) -> str:
    return tokens[i - 1].group().lower() if i > 0 else ""


def fuzzy_mentions(
    sentences: list[Sentence], gaz: Gazetteer, countries: set[str], found: set[tuple[int, int]]
) -> list[Mention]:
    """Unknown names after a place cue, close in spelling to a city of the article's
    countries ("Mandschbi" for Manbij) or its name without its saint's ("Huatulco" for
    Santa María Huatulco). Always low confidence."""
    if not countries:
        return []
    targets: list[tuple[str, int]] | None = None
    regions: list[tuple[str, int]] | None = None
    mentions: list[Mention] = []
    for sentence in sentences:
        words = tokens(sentence.text)
        for i, token in enumerate(words):
            word = token.group()
            # A region word beside a name that begins here ("Ilocos Norte province" is one
            # name: "Norte" alone is none).
            region_word = _region_word_beside(words, i) and not (
                is_capitalised(words[i - 1].group()) and word_before(words, i) not in REGION_BEFORE
            )
            town_cue = _after_cue(words, i) or _listed_before_place(sentence, words, i, found)
            if (
                i == 0
                or not is_capitalised(word)
                or not (town_cue or region_word)
                or sentence.text[token.start() - 1 : token.start()] != " "
                or (sentence.index, token.start()) in found
                or gaz.is_common_word(word)
                or fold(word).endswith(("ung", "heit", "keit", "schaft", "tion", "ion", "tät"))
                or len(place_key(word)) < 5
            ):
                continue
            if targets is None:
                targets = gaz.city_keys_in(countries)
                regions = gaz.city_keys_in(countries, kinds="r")
            key = place_key(word)
            # "Baluchistan province", "Bundesstaat Chihuaha": a region spelt a letter
            # otherwise (Balochistan, Chihuahua); after a town word, a town.
            close = _close(gaz, key, regions or []) if region_word else []
            if not close and town_cue:
                close = _close(gaz, key, targets)
            saints = [
                gaz.place_at(offset)
                for k, offset in targets
                if town_cue and _without_saint(k) == key
            ]
            if saints and not close:
                # Not a misspelling: the town's own name, shortened as the news writes it.
                name = saints[0].name_en
                mentions.append(
                    Mention(
                        word, name, sentence.index, token.start(), saints, cue=True, exact=False
                    )
                )
            elif close:
                close.sort(key=lambda p: -p.population)
                mentions.append(
                    Mention(word, word, sentence.index, token.start(), close, fuzzy=True, cue=True)
                )
    return mentions


_VOWELS = frozenset("aeiouy")
# Name keys of the saints that open town names ("Santa María Huatulco", "San Juan
# Chamula", "São José dos Campos"), which the news often leaves out.
_SAINTS = frozenset(["san", "santa", "santo", "sao", "saint", "sankt", "st"])


def _without_saint(key: str) -> str:
    """ "santa maria huatulko" -> "huatulko": the town's name without its saint's."""
    words = key.split(" ")
    return words[-1] if len(words) == 3 and words[0] in _SAINTS else ""


def _spelling_variant(key: str, other: str) -> bool:
    """Another spelling of the same name: a letter added or dropped ("Mandschbi" for
    Manbij, "Quilpe" for Quilpué), two swapped, or one vowel for another. One consonant
    for another makes another town ("Huatulco" is not Huatusco)."""
    if not within_one_edit(key, other):
        return False
    if len(key) != len(other):
        return True
    diffs = [k for k in range(len(key)) if key[k] != other[k]]
    return len(diffs) != 1 or {key[diffs[0]], other[diffs[0]]} <= _VOWELS


def _close(gaz: Gazetteer, key: str, targets: list[tuple[str, int]]) -> list[Place]:
    """The places whose name is another spelling of the key."""
    size = len(key)
    return [
        gaz.place_at(offset)
        for k, offset in targets
        if abs(len(k) - size) <= 1 and _spelling_variant(key, k)
    ]


def _region_word_beside(words: list[re.Match[str]], i: int) -> bool:
    """ "Provinz X", "X province": a region word right before or after the name."""
    after = words[i + 1].group().lower() if i + 1 < len(words) else ""
    return word_before(words, i) in REGION_BEFORE or after in REGION_AFTER


def _after_cue(words: list[re.Match[str]], i: int) -> bool:
    """After a place word: "in Mandschbi", "the resort town of Huatulco"."""
    before = word_before(words, i)
    return before in _FUZZY_CUES or (
        before in ("of", "von") and i > 1 and word_before(words, i - 1) in _FUZZY_CUES
    )


def _listed_before_place(
    sentence: Sentence, tokens: list[re.Match[str]], i: int, found: set[tuple[int, int]]
) -> bool:
    """Is the word listed with a place found ("Quilpe and Villa Alemana", "Quilpe,
    Limache")? A list of places holds places: a misspelt one is looked for there, too."""
    if i + 1 >= len(tokens):
        return False
    gap = sentence.text[tokens[i].end() : tokens[i + 1].start()]
    if gap == ", ":
        return (sentence.index, tokens[i + 1].start()) in found
    joined = tokens[i + 1].group().lower() in _LIST_WORDS and i + 2 < len(tokens)
    return joined and (sentence.index, tokens[i + 2].start()) in found


_LIST_WORDS = ("and", "und", "or", "oder")
