"""Figures in an article: counts of people and things, read from the sentence's own words.

A sentence is cut into tokens once; each number is read with Babel's `parse_decimal` for
the article's locale, with what stands around it: a qualifier before ("mindestens",
"at least"), a multiplier, a second number after (a range "50.000 bis 100.000", a change
"von 47 auf 96"), a unit, the counted noun and the verb of what happened (figure_labels).
Numbers that are not counts (ages, years, clock times, dates, ordinals, storeys, phone
numbers, model and road names, levels, page furniture) are left out. Measures (distances,
durations, masses) stay in the draft for the journalist but are not kept for the map.

Every step looks at a bounded number of tokens around a number, so the work grows with
the length of the text, not with its square.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import accumulate

from babel.numbers import NumberFormatError, parse_decimal

from dashboard.draft.dates import date_spans
from dashboard.draft.figure_labels import Label, Token, counted_label, is_noun, repeat_key
from dashboard.draft.figure_words import (
    APPROXIMATE,
    COUNT_UNITS,
    MAGNITUDE,
    MEASURES,
    MULTIPLIERS,
    NAME_BEFORE,
    PEOPLE,
    PERCENT,
    QUALIFIER_PHRASES,
    VAGUE_COUNTS,
    VOTE_WORDS,
    YEAR_BEFORE,
    word_set,
)
from dashboard.draft.model import HIGH, LOW, MEDIUM, DraftFigure
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
_RANGE_WORDS = frozenset(["bis", "to", "-", "–", "oder", "or"])
_LIST_WORDS = frozenset(["und", "and"])
_MAX_AGE = 120
_BARE_YEAR = re.compile(r"\d{4}")
# "100 000": a group of one to three digits, then groups of three after single spaces.
_GROUP = re.compile(r"\d{3}")
_GROUPED = re.compile(r"\d{1,3}(?:\u00a0\d{3})*")


@dataclass
class _Number:
    value: float
    first: int  # token index of the number (the vague word, or the digits)
    last: int  # last token index of it, its multiplier included
    written_as_word: bool = False
    vague: str = ""  # "Tausende", "dozens"
    multiplier: float = 1


class _Taken:
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


def find_figures(sentences: list[Sentence], language: str) -> list[DraftFigure]:
    """Every figure of the body (the headline repeats it), repeats marked not kept."""
    figures: list[DraftFigure] = []
    for sentence in sentences:
        if sentence.paragraph == 0:
            continue
        figures.extend(_Reader(sentence, language).figures())
    _mark_repeats(figures)
    for number, figure in enumerate(figures, start=1):
        figure.id = f"figure-{number}"
    return figures


class _Reader:
    """The figures of one sentence."""

    def __init__(self, sentence: Sentence, language: str) -> None:
        self.sentence = sentence
        self.text = sentence.text
        self.language = language
        self.tokens = tokens_of(self.text)
        self.lower = [t.text.lower() for t in self.tokens]
        # A bare year-like number is the figure reader's to judge ("2000 Menschen").
        self.taken = _Taken(
            [(a, b) for a, b in date_spans(self.text) if not _BARE_YEAR.fullmatch(self.text[a:b])]
        )
        self.votes = any(word in VOTE_WORDS for word in self.lower)

    def figures(self) -> list[DraftFigure]:
        found: list[DraftFigure] = []
        i = 0
        while i < len(self.tokens):
            number = self._number_at(i)
            if number is None:
                i += 1
                continue
            figure, i = self._figure(number)
            if figure is None:
                continue
            if found and figure.reasons[0] == NO_NOUN and self._list_item_at(i):
                _like(figure, found[-1])
            found.append(figure)
        return found

    def _list_item_at(self, i: int) -> bool:
        """ "81 in Wajima, 71 in Suzu, five in Nanao": a bare number followed by where,
        in a list after a figure that said what it counts."""
        nxt = self.lower[i] if i < len(self.tokens) else ""
        if nxt in ("each", "je", "jeweils") and i + 1 < len(self.tokens):
            nxt = self.lower[i + 1]
        return nxt in _LIST_PLACE_WORDS

    # --- numbers -------------------------------------------------------------------

    def _number_at(self, i: int) -> _Number | None:
        token, lower = self.tokens[i], self.lower[i]
        if token.text[0].isdigit():
            value = parse_number(token.text, self.language)
            if value is None:
                return None
            number = _Number(value, i, i)
        elif lower in NUMBER_WORDS and NUMBER_WORDS[lower] >= 2:
            number = _Number(float(NUMBER_WORDS[lower]), i, i, written_as_word=True)
        elif lower in VAGUE_COUNTS and self._vague_count_follows(i):
            return _Number(VAGUE_COUNTS[lower], i, i, written_as_word=True, vague=token.text)
        else:
            return None
        multiplier = self.lower[i + 1] if i + 1 < len(self.tokens) else ""
        if multiplier in MULTIPLIERS and self._attached(i, i + 1):
            number.multiplier = MULTIPLIERS[multiplier]
            number.value *= number.multiplier
            number.last = i + 1
            if self._char_after(i + 1) == "." and multiplier in ("mio", "mrd"):
                number.last = i + 2
        return number

    def _vague_count_follows(self, i: int) -> bool:
        """ "Tausende Menschen", "thousands of people": a noun follows, not "Euro"."""
        nxt = self.lower[i + 1] if i + 1 < len(self.tokens) else ""
        if nxt in ("of", "von") and i + 2 < len(self.tokens):
            return is_noun(self.tokens[i + 2], self.language)
        return i + 1 < len(self.tokens) and is_noun(self.tokens[i + 1], self.language)

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

    def _figure(self, number: _Number) -> tuple[DraftFigure | None, int]:
        """The figure starting at `number`, and the token index to read on from."""
        after = number.last + 1
        magnitude = self._magnitude(number)
        if magnitude:
            return self._build(
                number, number.last, number.value, number.value, None, "", magnitude
            ), after
        if self._not_a_count(number):
            return None, after
        low = high = number.value
        was: float | None = None
        second, kind = self._second_number(number)
        last = number.last
        if second is not None:
            last = second.last
            after = last + 1
            if number.multiplier == 1 and second.multiplier != 1:
                low *= second.multiplier  # "zwei bis drei Millionen": it counts for both
            if kind == "change":
                was, low, high = low, second.value, second.value
            elif second.value > low:
                high = second.value
            else:
                high = low
        if self._is_year(number, low, high):
            return None, after
        unit_index = last + 1
        unit_word = self.lower[unit_index] if unit_index < len(self.tokens) else ""
        if unit_word in PERCENT and not self.votes:
            return None, unit_index + 1  # a share of something small, not a figure
        figure = self._build(number, last, low, high, was, unit_word)
        return figure, after

    def _second_number(self, number: _Number) -> tuple[_Number | None, str]:
        """A number after "bis", "to", "-", "auf", "und" (after "zwischen"): a range or a
        change; plain "und" between numbers is a list."""
        joint = number.last + 1
        if joint + 1 >= len(self.tokens):
            return None, ""
        word = self.lower[joint]
        before = self._words_before(number.first, 2)
        opener = before[-1] if before else ""
        if word in _LIST_WORDS and opener not in ("zwischen", "between"):
            return None, ""
        if (word, opener) in (("auf", "von"), ("to", "from")):
            kind = "change"
        elif word in _RANGE_WORDS or (word in _LIST_WORDS and opener in ("zwischen", "between")):
            kind = "range"
        else:
            return None, ""
        second = self._number_at(joint + 1)
        if second is None or second.vague:
            return None, ""
        if self._clock_after(second.last):
            return None, ""
        return second, kind

    def _magnitude(self, number: _Number) -> str:
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

    def _not_a_count(self, number: _Number) -> bool:
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
            return True  # A320, 5th, 3D
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
        return self._is_age(number) or self._is_name(number) or self._is_population(number)

    def _clock_after(self, i: int) -> bool:
        """ "14 Uhr", "2 p.m." (also when the sentence was cut after "p.")."""
        nxt = self.lower[i + 1] if i + 1 < len(self.tokens) else ""
        return nxt in _CLOCK_AFTER or (nxt in ("a", "p") and self._char_after(i + 1) == ".")

    def _letter_at(self, index: int) -> bool:
        return index < len(self.text) and self.text[index].isalpha()

    def _ordinal_or_date(self, number: _Number) -> bool:
        """ "5. Stock", "am 5. Mai", "31.10." (the sentence goes on after the dot)."""
        i = number.last
        if self._char_after(i) != "." or i + 2 >= len(self.tokens):
            return False
        return number.last == number.first and not number.written_as_word

    def _digits_beside(self, number: _Number) -> bool:
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

    def _is_age(self, number: _Number) -> bool:
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

    def _is_population(self, number: _Number) -> bool:
        """ "the city of about 300,000 residents", "eine Stadt mit 50.000 Einwohnern",
        "a population of 2 million": the size of a place, not a figure of the story."""
        before = [w for w in self._words_before(number.first, 5) if w not in _QUALIFIER_FIRST]
        if before[-1:] in (["population"], ["einwohnerzahl"], ["bevölkerung"]):
            return True
        return (
            len(before) >= 2 and before[-1] in ("of", "mit", "von") and before[-2] in _SETTLEMENTS
        )

    def _is_name(self, number: _Number) -> bool:
        """ "Level 3", "ATR 72", "Interstate 80", "Nr. 5", "3 out of 5"."""
        i = number.first
        if i == 0 or number.written_as_word:
            return False
        j = i - 1
        if self.lower[j] == "." and j > 0:
            j -= 1
        prev = self.tokens[j]
        if self.lower[j] in NAME_BEFORE:
            return True
        if self.lower[max(0, i - 2) : i] == ["out", "of"]:
            return True
        if prev.text.isupper() and prev.text.isalpha() and j == i - 1:
            return True  # ATR 72, A 7
        if self.language == "en" and j == i - 1 and j > 0 and prev.text[:1].isupper():
            # "Highway 287", "Boeing 737": English capitalises names, not nouns
            return self.lower[j] not in PEOPLE and self.lower[j] not in _QUALIFIER_FIRST
        return False

    def _is_year(self, number: _Number, low: float, high: float) -> bool:
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
        return not (nxt < len(self.tokens) and is_noun(self.tokens[nxt], self.language))

    def _qualifier(self, i: int) -> tuple[str, int]:
        """A qualifier right before token i ("mehr als", "at least"), and where it starts."""
        for phrase in QUALIFIER_PHRASES:
            start = i - len(phrase)
            if start >= 0 and tuple(self.lower[start:i]) == phrase:
                return " ".join(t.text for t in self.tokens[start:i]), start
        # "ca." is two tokens: the word and its dot
        if i >= 2 and self.lower[i - 1] == "." and self.lower[i - 2] in ("ca", "rd", "approx"):
            return self.tokens[i - 2].text + ".", i - 2
        return "", i

    def _build(
        self,
        number: _Number,
        last: int,
        low: float,
        high: float,
        was: float | None,
        unit_word: str,
        magnitude: str = "",
    ) -> DraftFigure:
        qualifier, q_start = self._qualifier(number.first)
        if number.vague:
            qualifier = number.vague
        first = self.tokens[number.first]
        if q_start > 0 and self.lower[q_start - 1] in ("zwischen", "between"):
            q_start -= 1
        if was is not None and q_start > 0 and self.lower[q_start - 1] in ("von", "from"):
            q_start -= 1
        label_start = last + 1
        unit, measure = "", ""
        if unit_word in PERCENT:
            unit, label_start = "%", label_start + 1
        elif unit_word in COUNT_UNITS:
            unit, label_start = COUNT_UNITS[unit_word][self.language != "de"], label_start + 1
        elif unit_word in MEASURES:
            measure = unit_word
        elif number.first > 0 and self.lower[number.first - 1] in COUNT_UNITS:
            unit = COUNT_UNITS[self.lower[number.first - 1]][self.language != "de"]  # $5 million
        if measure:  # "100 Kilogramm", "160 Meter hohen Kühltürme": the unit leads the label
            label_start += 1
        label = counted_label(self.tokens, self.lower, number.first, label_start, self.language)
        if magnitude:
            label = Label(magnitude, magnitude, "", False)
        elif measure:
            measured = self.tokens[last + 1].text
            label = Label(f"{measured} {label.text}".strip(), measured, label.verb, False)
        written = self.text[self.tokens[q_start].start : self.tokens[last].end]
        reasons: list[str] = []
        keep = True
        if magnitude:
            confidence = HIGH
            reasons.append("the strength of a quake")
        elif measure:
            confidence, keep = LOW, False
            reasons.append(f"a measure ({self.tokens[last + 1].text}), not a count")
        elif number.vague:
            confidence, keep = LOW, False
            reasons.append(f"a vague count ({number.vague}): give a number to show it")
        elif label.people or label.event or (label.verb and not number.written_as_word):
            confidence = MEDIUM if number.written_as_word else HIGH
            reasons.append("counts people or says what happened")
        elif unit:
            confidence = MEDIUM
            reasons.append(f"an amount in {unit}")
        elif label.thing and not number.written_as_word:
            confidence = MEDIUM
            reasons.append("a count of things a map shows")
        elif label.noun:
            confidence, keep = LOW, False
            reasons.append(
                "a small number written as a word"
                if number.written_as_word
                else "a count of things that are not on a map"
            )
        else:
            confidence, keep = LOW, False
            reasons.append(NO_NOUN)
        if high != low:
            reasons.append("range kept as a range")
        if was is not None:
            reasons.append(f"a change: earlier {_plain(was)}")
        if qualifier:
            reasons.append(f"qualified: {qualifier}")
        return DraftFigure(
            id="",
            text=written,
            low=low,
            high=high,
            counts=label.text,
            sentence=self.sentence.index,
            unit=unit,
            approximate=bool(number.vague) or qualifier.lower() in APPROXIMATE,
            qualifier=qualifier,
            confidence=confidence,
            reasons=reasons,
            keep=keep,
            offset=first.start,
            was=was,
        )


NO_NOUN = "no counted noun after it"
_SETTLEMENTS = word_set("city town village stadt großstadt kleinstadt metropole ort dorf")
_QUALIFIER_FIRST = frozenset(p[0] for p in QUALIFIER_PHRASES) | {"all", "some", "only", "just"}


_LIST_PLACE_WORDS = frozenset(["in", "im", "at", "bei", "aus", "from", "across"])


def _like(figure: DraftFigure, model: DraftFigure) -> None:
    """The bare number of a list counts what the figure before it counts."""
    figure.counts = model.counts
    figure.keep, figure.confidence = model.keep, MEDIUM
    figure.reasons[0] = f"counts what the figure before it counts ({model.text})"


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _mark_repeats(figures: list[DraftFigure]) -> None:
    """The same count said again later ("40 Tote" in the lead and further down) is one
    figure: the first is kept."""
    seen: dict[tuple[float, float, str], str] = {}
    for figure in figures:
        if not figure.keep:
            continue
        key = (figure.low, figure.high, repeat_key(figure.counts))
        if key in seen:
            figure.keep = False
            figure.reasons.append("said before in the article")
        else:
            seen[key] = figure.id


def refers_back(sentence: str) -> bool:
    """Does the sentence speak of a place named before ("in der Stadt", "there")?"""
    return bool(_ANAPHORA.search(sentence))


# "in der Stadt" speaks of a city named before, "in der Stadt Mandschbi" names it.
_ANAPHORA = re.compile(
    r"\b(?:[Ii]n der Stadt|[Ii]n die Stadt|[Dd]ie Stadt|der Stadt|[Dd]ort|vor Ort|[Ii]n the city|"
    r"[Tt]he city|"
    r"the town|in the town|there)\b(?!\s+(?:of\s+)?[A-ZÄÖÜ])",
)
