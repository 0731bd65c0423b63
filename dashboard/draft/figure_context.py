"""What stands around a number in a sentence, and whether it is a count at all.

Ages, clock times, dates, ordinals, codes and phone numbers, names and levels ("ATR 72",
"Level 3"), a place's population and years are not counts; the strength of a quake is a
figure of its own. Every check looks at a few tokens around the number.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import accumulate

from babel.numbers import NumberFormatError, parse_decimal

from dashboard.draft.dates import date_spans
from dashboard.draft.figure_labels import Token, is_noun
from dashboard.draft.figure_words import (
    COUNT_UNITS,
    MAGNITUDE,
    MEASURES,
    NAME_BEFORE,
    PEOPLE,
    QUALIFIER_PHRASES,
    THINGS,
    YEAR_BEFORE,
    word_set,
)
from dashboard.draft.sentences import Sentence
from dashboard.draft.words import NUMBER_WORDS

# Numbers with their separators as one token ("50.000", "1,5", "14:12", "31.10"); words
# with inner hyphens and apostrophes; any other character alone. No nested quantifier
# can overlap another, so the scan is linear.
_TOKEN = re.compile(r"\d+(?:[.,:\u00a0\u202f]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\S")
_CLOCK_AFTER = frozenset(["uhr", "h", "am", "pm", "gmt", "utc", "mez", "mesz", "cet", "o'clock"])
# Longer digit runs are codes or noise, and Babel need not read them.
_MAX_DIGITS = 24
# Between "Stärke"/"magnitude" and its number: "eine Stärke von 6,3", "a magnitude of 7.4",
# "die Stärke mit 5,9 an".
_MAGNITUDE_LINKS = frozenset(["von", "of", "mit", "der", "a", "an", "up", "to", "bis", "zu", "was"])
_MAX_AGE = 120
# Levels and categories written as one German word before their number.
_LEVEL_ENDS = ("stufe", "kategorie", "level", "warnstufe")
_QUAKES = frozenset(["quake", "earthquake", "tremor", "beben", "erdbeben", "erdstoß"])
_BARE_YEAR = re.compile(r"\d{4}")
# "100 000": a group of one to three digits, then groups of three after single spaces.
_GROUP = re.compile(r"\d{3}")
_GROUPED = re.compile(r"\d{1,3}(?:\u00a0\d{3})*")


@dataclass
class Number:
    value: float
    first: int  # token index of the number (the vague word, or the digits)
    last: int  # last token index of it, its multiplier included
    written_as_word: bool = False
    vague: str = ""  # "Tausende", "dozens"
    multiplier: float = 1


class Taken:
    """Spans already read as dates, asked "does this overlap one?" in log time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self._starts, end)
        return before > 0 and self._reach[before - 1] > start


def parse_number(text: str, language: str) -> float | None:
    """'50.000' (de), '50,000' (en), '1,5' (de), '2.5' (en), 'drei' -> float, by Babel's
    rules for the article's locale, then the other one's (a German text quoting '1.5')."""
    text = text.strip().replace("\u202f", "").replace("\u00a0", "")
    if len(text) > _MAX_DIGITS:
        return None
    word = NUMBER_WORDS.get(text.lower())
    if word is not None:
        return float(word)
    for locale in (language, "en" if language == "de" else "de"):
        try:
            return float(parse_decimal(text, locale=locale, strict=True))
        except (NumberFormatError, ValueError, ArithmeticError):
            continue
    return None


def tokens_of(text: str) -> list[Token]:
    """The sentence's tokens; "100 000" written with plain spaces is one number."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        token = Token(match.group(), match.start(), match.end())
        previous = tokens[-1] if tokens else None
        if (
            previous is not None
            and _GROUP.fullmatch(token.text)
            and token.start == previous.end + 1
            and text[previous.end] == " "
            and _GROUPED.fullmatch(previous.text)
        ):
            tokens[-1] = Token(f"{previous.text}\u00a0{token.text}", previous.start, token.end)
        else:
            tokens.append(token)
    return tokens


_SETTLEMENTS = word_set(
    """
    city town village megacity metropolis capital country nation stadt großstadt kleinstadt
    millionenstadt metropole hauptstadt ort dorf land
    """
)
# "Bergdorf", "Küstenstadt", "Badeort": a compound naming a settlement, with its people.
_SETTLEMENT_ENDS = ("dorf", "stadt", "städtchen", "ort", "gemeinde", "town", "village")
_INHABITANTS = word_set("einwohnern bewohnern einwohner bewohner inhabitants residents people")
# "the rural county of about 45,000 people", "ein Landkreis mit 130.000 Einwohnern": a
# unit's size, with its people after the number.
_UNITS = word_set(
    """
    county district province region state regency municipality island kreis landkreis
    bezirk provinz bundesstaat insel
    """
)
# Whose: "mit ihren drei Kindern", "his two sons", "their four children".
_POSSESSIVES = word_set(
    "ihren ihre ihrer ihrem seinen seine seiner seinem his her their its unseren our my meinen"
)
_MAX_FAMILY = 20
# Who the people of a count were, when a sentence breaks a count down by them.
_KINDS_OF_PEOPLE = word_set(
    """
    children kids women men girls boys babies infants kinder frauen männer mädchen jungen
    babys säuglinge
    """
)
_AMONG = re.compile(
    r"\b(?:among (?:the|those) (?:dead|deceased|victims|killed|injured)|among them|including|"
    r"darunter|unter (?:den|ihnen)(?: \w+)?)\b",
    re.IGNORECASE,
)
QUALIFIER_FIRST = frozenset(p[0] for p in QUALIFIER_PHRASES) | {"all", "some", "only", "just"}


class Context:
    """A sentence as tokens, with the checks the figure reader asks about a number."""

    def __init__(self, sentence: Sentence, language: str) -> None:
        self.sentence = sentence
        self.text = sentence.text
        self.language = language
        self.tokens = tokens_of(self.text)
        self.lower = [t.text.lower() for t in self.tokens]
        # A bare year-like number is the figure reader's to judge ("2000 Menschen").
        self.taken = Taken(
            [(a, b) for a, b in date_spans(self.text) if not _BARE_YEAR.fullmatch(self.text[a:b])]
        )

    def _attached(self, left: int, right: int) -> bool:
        """Are two tokens separated by spaces only (not a line's punctuation)?"""
        return not self.text[self.tokens[left].end : self.tokens[right].start].strip()

    def _char_after(self, i: int) -> str:
        end = self.tokens[i].end
        return self.text[end] if end < len(self.text) else ""

    def _char_before(self, i: int) -> str:
        start = self.tokens[i].start
        return self.text[start - 1] if start > 0 else ""

    # --- one figure ----------------------------------------------------------------

    def _magnitude(self, number: Number) -> str:
        """ "Stärke 7,8", "magnitude 7.8", "a 7.8-magnitude quake": the word that says so."""
        if number.written_as_word or number.value > 10:
            return ""
        before = [w for w in self._words_before(number.first, 4) if w not in _MAGNITUDE_LINKS]
        if before and before[-1] in MAGNITUDE:
            word = next(
                t.text
                for t in reversed(self.tokens[: number.first])
                if t.text.lower() == before[-1]
            )
            return word
        nxt = self.lower[number.last + 1] if number.last + 1 < len(self.tokens) else ""
        if nxt in MAGNITUDE:
            return self.tokens[number.last + 1].text  # "up to 7.6 magnitude"
        if nxt in _QUAKES and not float(number.value).is_integer():
            return "Stärke" if self.language == "de" else "magnitude"  # "a 7.4 quake"
        if self._char_after(number.last) == "-" and number.last + 2 < len(self.tokens):
            word = self.lower[number.last + 2]
            if word.split("-")[0] in MAGNITUDE:
                return word.split("-")[0]
        return ""

    def _words_before(self, i: int, count: int) -> list[str]:
        """Up to `count` lower-case words before token i, within its clause."""
        words: list[str] = []
        j = i - 1
        while j >= 0 and len(words) < count:
            if self.lower[j] in ',;:()[]"„“”»«':
                break
            if self.lower[j] != ".":
                words.insert(0, self.lower[j])
            j -= 1
        return words

    def _not_a_count(self, number: Number) -> bool:
        """Ages, clock times, dates, ordinals, codes, names and levels."""
        first, last = self.tokens[number.first], self.tokens[number.last]
        if self.taken.overlaps(first.start, last.end):
            return True
        raw = first.text
        if ":" in raw:
            return True  # 14:12, a score 2:1
        before, after = self._char_before(number.first), self._char_after(number.first)
        if (before and before in "/+#№") or after == "/":
            return True  # 24/7, 1/5, a phone number
        if before.isalpha() or (after.isalpha() and number.last == number.first):
            return True  # A320, 5th, 3D (not "£2bn": its letters were read as a multiplier)
        if after == "-" and self._letter_at(first.end + 1):
            return True  # 34-Jähriger, 10-storey, 71-year-old
        if before == "-" and first.start >= 2 and self.text[first.start - 2].isalpha():
            return True  # Covid-19, F-16
        if self._clock_after(number.last):
            return True
        if self._ordinal_or_date(number):
            return True
        if not number.written_as_word and self._digits_beside(number):
            return True  # 030 123456, an ID
        if self._converted(number) or self._of_someone(number) or self._part_by_kind(number):
            return True
        return self._is_age(number) or self._is_name(number) or self._is_population(number)

    def _converted(self, number: Number) -> bool:
        """ "12,000 hectares (30,000 acres)", "150 km (90 miles)": the same amount in
        another unit, in brackets after the first."""
        i = number.first
        return (
            i >= 2
            and self.lower[i - 1] == "("
            and (self.lower[i - 2] in MEASURES or self.lower[i - 2] in COUNT_UNITS)
        )

    def _part_by_kind(self, number: Number) -> bool:
        """ "Among the dead were two children", "darunter drei Kinder": a part of a count
        already given, told by who they were (a part told by where is a figure)."""
        nxt = self.lower[number.last + 1] if number.last + 1 < len(self.lower) else ""
        return nxt in _KINDS_OF_PEOPLE and bool(_AMONG.search(self.text))

    def _of_someone(self, number: Number) -> bool:
        """ "eine Mutter mit ihren drei Kindern", "a man and his two sons": a family or
        what someone has, not a count of what happened."""
        before = self._words_before(number.first, 1)
        return number.value < _MAX_FAMILY and before[-1:] != [] and before[-1] in _POSSESSIVES

    def _clock_after(self, i: int) -> bool:
        """ "14 Uhr", "2 p.m." (also when the sentence was cut after "p.")."""
        nxt = self.lower[i + 1] if i + 1 < len(self.tokens) else ""
        return nxt in _CLOCK_AFTER or (nxt in ("a", "p") and self._char_after(i + 1) == ".")

    def _letter_at(self, index: int) -> bool:
        return index < len(self.text) and self.text[index].isalpha()

    def _ordinal_or_date(self, number: Number) -> bool:
        """ "5. Stock", "am 5. Mai", "31.10." (the sentence goes on after the dot)."""
        i = number.last
        if self._char_after(i) != "." or i + 2 >= len(self.tokens):
            return False
        return number.last == number.first and not number.written_as_word

    def _digits_beside(self, number: Number) -> bool:
        """Another number right before or after, with only a space between: a phone
        number or a code, not a count."""
        prev, nxt = number.first - 1, number.last + 1
        if prev >= 0 and self.tokens[prev].text[0].isdigit() and self._attached(prev, number.first):
            return True
        return (
            nxt < len(self.tokens)
            and self.tokens[nxt].text[0].isdigit()
            and self._attached(number.last, nxt)
        )

    def _is_age(self, number: Number) -> bool:
        if number.value > _MAX_AGE or not float(number.value).is_integer():
            return False
        i, lower = number.first, self.lower
        after = lower[number.last + 1 : number.last + 3]
        if (
            len(after) == 2
            and after[0] in ("jahre", "years")
            and after[1].startswith(("alt", "old"))
        ):
            return True  # "16 Jahre alt", "die 16 Jahre alte Nika", "71 years old"
        before = self._words_before(i, 3)
        if before[-1:] in (["aged"], ["age"]) or before[-3:] == ["im", "alter", "von"]:
            return True
        # "Yevhen Zosin, 74, a resident", "Müller (55)": a number set off after a name
        if i >= 2 and lower[i - 1] in (",", "(") and self.tokens[i - 2].text[:1].isupper():
            closing = lower[i + 1] if i + 1 < len(lower) else ""
            return closing in (",", ")") and (lower[i - 1] == "(") == (closing == ")")
        return False

    def _is_population(self, number: Number) -> bool:
        """ "the city of about 300,000 residents", "eine Stadt mit 50.000 Einwohnern",
        "ein Bergdorf mit 1000 Bewohnern", "a population of 2 million", "In X leben
        500.000 Menschen", "home to 2 million people": the size of a place, not a figure
        of the story."""
        before = [w for w in self._words_before(number.first, 5) if w not in QUALIFIER_FIRST]
        if before[-1:] in (["population"], ["einwohnerzahl"], ["bevölkerung"]):
            return True
        if before[-1:] in (["leben"], ["wohnen"]) or before[-2:] == ["home", "to"]:
            return True
        nxt = self.lower[number.last + 1] if number.last + 1 < len(self.lower) else ""
        return (
            len(before) >= 2
            and before[-1] in ("of", "mit", "von")
            and (
                before[-2] in _SETTLEMENTS
                or (
                    (before[-2].endswith(_SETTLEMENT_ENDS) or before[-2] in _UNITS)
                    and nxt in _INHABITANTS
                )
            )
        )

    def _is_name(self, number: Number) -> bool:
        """ "Level 3", "ATR 72", "Interstate 80", "Nr. 5", "3 out of 5"."""
        i = number.first
        if i == 0 or number.written_as_word:
            return False
        j = i - 1
        if self.lower[j] == "." and j > 0:
            j -= 1
        prev = self.tokens[j]
        if self.lower[j] in NAME_BEFORE or self.lower[j].endswith(_LEVEL_ENDS):
            return True  # also "Hochwasserstufe 3", "Alarmstufe 2", "Warnkategorie 4"
        if self.lower[max(0, i - 2) : i] == ["out", "of"]:
            return True
        if prev.text.isupper() and prev.text.isalpha() and j == i - 1:
            return True  # ATR 72, A 7
        if self.language == "en" and j == i - 1 and j > 0 and prev.text[:1].isupper():
            # "Highway 287", "Boeing 737": English capitalises names, not nouns
            return self.lower[j] not in PEOPLE and self.lower[j] not in QUALIFIER_FIRST
        return False

    def _is_year(self, number: Number, low: float, high: float) -> bool:
        raw = self.tokens[number.first].text
        if number.written_as_word or not raw.isdigit() or len(raw) != 4:
            return False
        if not 1800 <= low <= 2100:
            return False
        before = self._words_before(number.first, 1)
        if before and before[-1] in YEAR_BEFORE:
            return True
        if high != low and 1800 <= high <= 2100:
            return True  # 2020 bis 2025
        # "2000 Menschen", "1900 Häuser" count; "2019 stattgefunden" is a year
        nxt = number.last + 1
        if nxt >= len(self.tokens) or not is_noun(self.tokens[nxt], self.language):
            return True
        # English names what a year is of with any plural ("the 2016 quakes"); only people
        # and things of a map are counted by such a number
        return self.language == "en" and self.lower[nxt] not in PEOPLE | THINGS
