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

import re

from dashboard.draft.figure_context import (
    Context,
    Number,
    parse_number,
    tokens_of,
)
from dashboard.draft.figure_labels import Label, counted_label, is_noun, repeat_key
from dashboard.draft.figure_words import (
    APPROXIMATE,
    COUNT_UNITS,
    MEASURES,
    MULTIPLIERS,
    PERCENT,
    QUALIFIER_PHRASES,
    VAGUE_COUNTS,
    VOTE_WORDS,
)
from dashboard.draft.model import HIGH, LOW, MEDIUM, DraftFigure
from dashboard.draft.sentences import Sentence
from dashboard.draft.words import NUMBER_WORDS, compound_number

# Round words said roughly: "a dozen", "ein Dutzend Menschen".
_ROUND_WORDS = frozenset(["dutzend", "dozen"])
# Money shown on a map is damage or aid in the hundred thousands and more, not a price.
MIN_MONEY = 100_000
MONEY = frozenset(
    {unit for pair in COUNT_UNITS.values() for unit in pair}
    - {"Hektar", "hectares", "Acres", "acres", "km²"}
)
# Written onto money in English: "£2bn", "$3.5m".
_SHORT_MULTIPLIERS = {"bn": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3}
_RANGE_WORDS = frozenset(["bis", "to", "-", "–", "oder", "or"])
_LIST_WORDS = frozenset(["und", "and"])


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


class _Reader(Context):
    """The figures of one sentence."""

    def __init__(self, sentence: Sentence, language: str) -> None:
        super().__init__(sentence, language)
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
        for bare, named in zip(reversed(found[:-1]), reversed(found[1:]), strict=True):
            # "in Muçum mit 15 und Roca Sales mit 10 Toten": the noun comes once, last
            if (
                bare.reasons[0] == NO_NOUN
                and named.keep
                and _NOUN_AFTER_THE_LAST.fullmatch(self.text, bare.offset, named.offset)
            ):
                _like(bare, named)
        return found

    def _list_item_at(self, i: int) -> bool:
        """ "81 in Wajima, 71 in Suzu, five in Nanao": a bare number followed by where,
        in a list after a figure that said what it counts."""
        nxt = self.lower[i] if i < len(self.tokens) else ""
        if nxt in ("each", "je", "jeweils") and i + 1 < len(self.tokens):
            nxt = self.lower[i + 1]
        elif self.lower[i : i + 2] in (["of", "them"], ["of", "those"], ["of", "whom"]):
            nxt = self.lower[i + 2] if i + 2 < len(self.tokens) else ""  # "nine of them in X"
        elif nxt == "davon" and i + 1 < len(self.tokens):
            nxt = self.lower[i + 1]  # "6 davon in Karachi": a part of the count, by where
        return nxt in _LIST_PLACE_WORDS

    # --- numbers -------------------------------------------------------------------

    def _number_at(self, i: int) -> Number | None:
        token, lower = self.tokens[i], self.lower[i]
        if token.text[0].isdigit():
            value = parse_number(token.text, self.language)
            if value is None:
                return None
            number = Number(value, i, i)
        elif lower in ("eine", "one", "a") and self.lower[i + 1 : i + 2] in (
            ["million"],
            ["milliarde"],
            ["billion"],
        ):
            # "eine Million Menschen", "a million people"
            value = MULTIPLIERS[self.lower[i + 1]]
            return Number(value, i, i + 1, written_as_word=True, multiplier=value)
        elif lower in _ROUND_WORDS:
            # "a dozen", "more than a hundred people": said roughly, like "Tausende"
            return Number(float(NUMBER_WORDS[lower]), i, i, written_as_word=True, vague=token.text)
        elif lower in NUMBER_WORDS and NUMBER_WORDS[lower] >= 2:
            number = Number(float(NUMBER_WORDS[lower]), i, i, written_as_word=True)
        elif (compound := compound_number(lower)) is not None:
            number = Number(float(compound), i, i, written_as_word=True)  # "Twenty-eight"
        elif lower in ("tens", "hundreds") and self.lower[i + 1 : i + 3] in (
            ["of", "thousands"],
            ["of", "millions"],
        ):
            scale = 1e3 if self.lower[i + 2] == "thousands" else 1e6
            vague = " ".join(t.text for t in self.tokens[i : i + 3])  # "tens of thousands"
            return Number(VAGUE_COUNTS[lower] * scale, i, i + 2, written_as_word=True, vague=vague)
        elif lower in VAGUE_COUNTS and self._vague_count_follows(i):
            return Number(VAGUE_COUNTS[lower], i, i, written_as_word=True, vague=token.text)
        else:
            return None
        multiplier = self.lower[i + 1] if i + 1 < len(self.tokens) else ""
        if multiplier in _SHORT_MULTIPLIERS and self._money_before(i) and self._touching(i):
            number.multiplier = _SHORT_MULTIPLIERS[multiplier]  # "£2bn", "$3.5m"
            number.value *= number.multiplier
            number.last = i + 1
        elif multiplier in MULTIPLIERS and self._attached(i, i + 1):
            number.multiplier = MULTIPLIERS[multiplier]
            number.value *= number.multiplier
            number.last = i + 1
            if self._char_after(i + 1) == "." and multiplier in ("mio", "mrd"):
                number.last = i + 2
        return number

    def _unit_before(self, i: int) -> str:
        """The unit written before a number ("$5 million", "Rs 50,000", "Rs. 2,000")."""
        j = i - 2 if i >= 2 and self.lower[i - 1] == "." else i - 1
        return self.lower[j] if j >= 0 and self.lower[j] in COUNT_UNITS else ""

    def _money_before(self, i: int) -> bool:
        return i > 0 and self.lower[i - 1] in ("$", "€", "£")

    def _touching(self, i: int) -> bool:
        return i + 1 < len(self.tokens) and self.tokens[i + 1].start == self.tokens[i].end

    def _vague_count_follows(self, i: int) -> bool:
        """ "Tausende Menschen", "thousands of people": a noun follows, not "Euro"."""
        nxt = self.lower[i + 1] if i + 1 < len(self.tokens) else ""
        if nxt in ("of", "von") and i + 2 < len(self.tokens):
            return is_noun(self.tokens[i + 2], self.language)
        return i + 1 < len(self.tokens) and is_noun(self.tokens[i + 1], self.language)

    def _figure(self, number: Number) -> tuple[DraftFigure | None, int]:
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

    def _second_number(self, number: Number) -> tuple[Number | None, str]:
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
        number: Number,
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
        label, unit, measure = self._label(number, last, unit_word, magnitude)
        written = self.text[self.tokens[q_start].start : self.tokens[last].end]
        confidence, keep, reasons = _judged(number, label, unit, measure, magnitude, low)
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

    def _label(
        self, number: Number, last: int, unit_word: str, magnitude: str
    ) -> tuple[Label, str, str]:
        """What the number counts, its unit ("%", "Mio.", "$") and the measure it is in
        ("Meter"), from the words after it."""
        label_start = last + 1
        unit, measure = "", ""
        if unit_word in PERCENT:
            unit, label_start = "%", label_start + 1
        elif unit_word in COUNT_UNITS:
            unit, label_start = COUNT_UNITS[unit_word][self.language != "de"], label_start + 1
        elif unit_word in MEASURES:
            measure = unit_word
        elif self._unit_before(number.first):
            unit = COUNT_UNITS[self._unit_before(number.first)][self.language != "de"]  # $5m
        if measure:  # "100 Kilogramm", "160 Meter hohen Kühltürme": the unit leads the label
            label_start += 1
        label = counted_label(self.tokens, self.lower, number.first, label_start, self.language)
        if unit and unit_word in COUNT_UNITS:  # "25.000 Hektar Wald zerstört"
            unit_text = self.tokens[last + 1].text
            label = Label(f"{unit_text} {label.text}".strip(), label.noun, label.verb, False)
        if magnitude:
            label = Label(magnitude, magnitude, "", False)
        elif measure:
            measured = self.tokens[last + 1].text
            label = Label(f"{measured} {label.text}".strip(), measured, label.verb, False)
        return label, unit, measure


def _judged(
    number: Number, label: Label, unit: str, measure: str, magnitude: str, low: float
) -> tuple[str, bool, list[str]]:
    """How sure the draft is that this is a figure for the map, whether it keeps it, and
    why."""
    reasons: list[str] = []
    keep = True
    if magnitude:
        confidence = HIGH
        reasons.append("the strength of a quake")
    elif measure:
        confidence, keep = LOW, False
        reasons.append(f"a measure ({label.noun}), not a count")
    elif number.vague:
        confidence, keep = LOW, False
        reasons.append(f"a vague count ({number.vague}): give a number to show it")
    elif unit and unit in MONEY and low < MIN_MONEY:
        # "Rs 50,000 each to those injured": a sum paid to people, not a count of them
        confidence, keep = LOW, False
        reasons.append(f"a small amount of money ({unit})")
    elif number.written_as_word and label.noun and not (label.people or label.thing):
        # "the three storms have killed", "von drei Seiten eingeschlossen": the verb
        # is what the storms did, the number counts no one and nothing on a map.
        confidence, keep = LOW, False
        reasons.append("a small number written as a word")
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
    return confidence, keep, reasons


NO_NOUN = "no counted noun after it"


# Between a bare number and the next of a list that says what both count: "15 und Roca
# Sales mit", "12 and in Tulsa".
_NOUN_AFTER_THE_LAST = re.compile(r"\S+\s+(?:und|and|sowie)\s+(?:[\w'’.-]+\s+){0,3}", re.IGNORECASE)
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


def refers_back(sentence: str) -> int | None:
    """Where the sentence speaks of a place named before ("in der Stadt", "there"), if
    it does."""
    found = _ANAPHORA.search(sentence)
    return found.start() if found else None


# "in der Stadt", "in dem beliebten Urlaubsort", "in the hillside town", "there" speak of a
# place named before; "in der Stadt Mandschbi", "the town of Quilpué" name it.
_ANAPHORA = re.compile(
    r"\b(?:(?:[Ii]n\s+(?:dem|der)|[Ii]m|[Dd]ie|[Dd]er|[Dd]as|[Dd]em|[Dd]es)\s+"
    r"(?:[a-zäöüß]+\s+){0,2}(?:Stadt|Ort(?:es)?|Dorf(?:es)?|Gemeinde|"
    r"(?:Urlaubs|Bade|Touristen|Ferien|Küsten|Berg|Grenz)ort(?:es)?|"
    r"(?:Küsten|Hafen|Klein|Grenz)stadt|Bergdorf(?:es)?)|"
    r"[Dd]ort|vor Ort|"
    r"(?:[Ii]n\s+the|[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:city|town|village|resort|port|township)|there)\b(?!\s+(?:of\s+)?[A-ZÄÖÜ])",
)


__all__ = ["find_figures", "parse_number", "refers_back", "tokens_of"]
