"""Figures in an article: numbers with what they count, ranges kept as ranges,
approximations ("rund", "at least") and ages ("der 45-Jährige"), each with its sentence.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

from dashboard.draft.dates import date_spans
from dashboard.draft.model import HIGH, LOW, MEDIUM, DraftFigure
from dashboard.draft.sentences import Sentence
from dashboard.draft.words import NUMBER_WORDS as _WORD_NUMBERS

_DIGITS = r"\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_NUMBER = rf"(?:{_DIGITS}|(?i:{'|'.join(_WORD_NUMBERS)})\b)"
_MULTIPLIERS = {
    "tausend": 1e3,
    "thousand": 1e3,
    "million": 1e6,
    "millionen": 1e6,
    "mio": 1e6,
    "milliarde": 1e9,
    "milliarden": 1e9,
    "mrd": 1e9,
    "billion": 1e9,
    "billionen": 1e12,
}
_MULTIPLIER = (
    r"(?:\s+(?P<mult{n}>Tausend|thousand|Millionen|Million|million|Mio\.|Milliarden|"
    r"Milliarde|billion|Mrd\.))?"
)
_RANGE_WORD = r"\s*(?:bis|-|–|to|und|and|or|oder)\s*"
_FIGURE = re.compile(
    rf"(?P<between>(?i:zwischen|between)\s+)?(?P<a>{_NUMBER}){_MULTIPLIER.format(n='a')}"
    rf"(?:(?P<sep>{_RANGE_WORD})(?P<b>{_NUMBER}){_MULTIPLIER.format(n='b')})?"
    r"(?P<percent>\s?%|\s?Prozent\b|\s?percent\b|\s?per cent\b)?"
)
_QUALIFIERS = re.compile(
    r"(?P<q>rund|etwa|ca\.|circa|ungefähr|knapp|fast|beinahe|nahezu|annähernd|gut|"
    r"mehr als|über|mindestens|wenigstens|weniger als|unter|bis zu|höchstens|"
    r"about|around|roughly|approximately|some|nearly|almost|an estimated|estimated|"
    r"more than|over|at least|fewer than|less than|under|up to|at most)\s+$",
    re.IGNORECASE,
)
_APPROXIMATE = frozenset(
    [
        "rund",
        "etwa",
        "ca.",
        "circa",
        "ungefähr",
        "knapp",
        "fast",
        "beinahe",
        "nahezu",
        "annähernd",
        "gut",
        "about",
        "around",
        "roughly",
        "approximately",
        "some",
        "nearly",
        "almost",
        "estimated",
    ]
) | {"an estimated"}
_AGE = re.compile(
    r"(?P<a>\d{1,3})[-\s](?:Jährige[nrms]?|jährige[nrms]?|year-olds?|years? old|Jahre alt)"
    r"|(?:im Alter von|aged|age)\s+(?P<b>\d{1,3})(?:\s+Jahren)?",
)
_UNITS = {
    "km": "km",
    "kilometer": "km",
    "kilometern": "km",
    "kilometres": "km",
    "kilometers": "km",
    "meter": "m",
    "metern": "m",
    "metres": "m",
    "meters": "m",
    "km²": "km²",
    "quadratkilometer": "km²",
    "quadratkilometern": "km²",
    "square": "km²",
    "meilen": "mi",
    "miles": "mi",
    "prozent": "%",
    "percent": "%",
    "%": "%",
    "euro": "Euro",
    "€": "Euro",
    "dollar": "Dollar",
    "us-dollar": "Dollar",
    "dollars": "Dollar",
    "$": "Dollar",
    "pfund": "Pfund",
    "pounds": "pounds",
    "jahre": "Jahre",
    "jahren": "Jahre",
    "years": "years",
    "monate": "Monate",
    "monaten": "Monate",
    "months": "months",
    "tage": "Tage",
    "tagen": "Tage",
    "days": "days",
    "wochen": "Wochen",
    "weeks": "weeks",
    "stunden": "Stunden",
    "hours": "hours",
    "tonnen": "Tonnen",
    "tonnes": "tonnes",
    "tons": "tons",
    "liter": "Liter",
    "litres": "litres",
    "barrel": "Barrel",
    "hektar": "Hektar",
    "hectares": "hectares",
}
_SKIP_BEFORE = re.compile(
    r"(?:§|Abs\.|Art\.|Nr\.|No\.|Artikel|Paragraf|Paragraph|Seite|page|Kapitel|Resolution|"
    r"Flug|flight|Linie|Route|Level|Stufe|Platz|Tel\.|Telefon|um|at|gegen)\s*$",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(r"^\s*(?:Uhr|h\b|a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|MEZ|MESZ)")
_STOP = frozenset(
    [
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "ein",
        "eine",
        "und",
        "oder",
        "in",
        "im",
        "an",
        "am",
        "auf",
        "aus",
        "bei",
        "mit",
        "nach",
        "von",
        "vor",
        "zu",
        "zum",
        "zur",
        "für",
        "über",
        "unter",
        "um",
        "sind",
        "ist",
        "war",
        "waren",
        "wurden",
        "wird",
        "werden",
        "hat",
        "haben",
        "seien",
        "sei",
        "the",
        "a",
        "an",
        "and",
        "or",
        "in",
        "on",
        "at",
        "of",
        "to",
        "for",
        "from",
        "by",
        "with",
        "are",
        "is",
        "was",
        "were",
        "have",
        "has",
        "had",
        "be",
        "been",
        "als",
        "wie",
        "than",
        "like",
    ]
)
# "in der Stadt" speaks of a city named before, "in der Stadt Mandschbi" names it.
_ANAPHORA = re.compile(
    r"\b(?:[Ii]n der Stadt|[Ii]n die Stadt|[Dd]ie Stadt|der Stadt|[Dd]ort|vor Ort|[Ii]n the city|"
    r"[Tt]he city|"
    r"the town|in the town|there)\b(?!\s+(?:of\s+)?[A-ZÄÖÜ])",
)


# How far around a number its qualifier, unit and counted noun are looked for. Bounded so
# that a text of many numbers costs time in proportion to its length, not its square.
LOOK_BEHIND = 40
LOOK_AHEAD = 120


class _Taken:
    """Spans already read as dates or ages, asked "does this overlap one?" in log time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        # The furthest end among the spans starting at or before each one.
        self._reach = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self._starts, end)  # spans starting before `end`
        return before > 0 and self._reach[before - 1] > start


def parse_number(text: str, language: str) -> float | None:
    """'50000', '2.000' (de), '50,000' (en), '4,99' (de), '2.5' (en), 'drei' -> float."""
    text = text.strip().replace("\u202f", " ").replace("\u00a0", " ")
    word = _WORD_NUMBERS.get(text.lower())
    if word is not None:
        return float(word)
    thousands, decimal = (".", ",") if language == "de" else (",", ".")
    if re.fullmatch(r"\d{1,3}(?:[ ]\d{3})+", text):
        return float(text.replace(" ", ""))
    if re.fullmatch(rf"\d{{1,3}}(?:\{thousands}\d{{3}})+(?:\{decimal}\d+)?", text):
        return float(text.replace(thousands, "").replace(decimal, "."))
    if re.fullmatch(rf"\d+(?:\{decimal}\d+)?", text):
        return float(text.replace(decimal, "."))
    # The other convention (a German text quoting "50,000"): thousands only if 3 digits.
    other_thousands = decimal
    if re.fullmatch(rf"\d{{1,3}}(?:\{other_thousands}\d{{3}})+", text):
        return float(text.replace(other_thousands, ""))
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def _counted(after: str, language: str) -> tuple[str, str]:
    """(unit, what is counted) from the words after a number."""
    words = re.findall(r"[\w²€$%-]+|[.,;:!?]", after)[:6]
    unit = ""
    if words and words[0].lower() in _UNITS:
        unit = _UNITS[words[0].lower()]
        words = words[1:]
    counted: list[str] = []
    for word in words:
        if word in ".,;:!?" or word.lower() in _STOP:
            if counted:
                break
            if word in ".,;:!?":
                break
            if language == "de":
                continue
            break
        counted.append(word)
        if language == "de" and word[:1].isupper():
            break
        if language == "en" and (len(counted) >= 2 or not word.endswith(("ed", "ing"))):
            break
    # German counts a noun: "eingeschlossene Zivilisten"; without a noun, nothing.
    if language == "de" and not any(w[:1].isupper() for w in counted):
        counted = []
    return unit, " ".join(counted)


def find_figures(sentences: list[Sentence], language: str) -> list[DraftFigure]:
    figures: list[DraftFigure] = []
    for sentence in sentences:
        if sentence.paragraph == 0:
            continue  # the headline repeats the body
        text = sentence.text
        spans = date_spans(text)
        for match in _AGE.finditer(text):
            value = float(match["a"] or match["b"])
            figures.append(
                DraftFigure(
                    id="",
                    text=match.group(),
                    low=value,
                    high=value,
                    counts="Alter" if language == "de" else "age",
                    sentence=sentence.index,
                    unit="Jahre" if language == "de" else "years",
                    confidence=HIGH,
                    reasons=["an age"],
                    offset=match.start(),
                )
            )
            spans.append((match.start(), match.end()))
        # Figures cannot overlap each other: finditer's matches never do.
        taken = _Taken(spans)
        for match in _FIGURE.finditer(text):
            figure = _figure(match, text, sentence, language, taken)
            if figure is not None:
                figures.append(figure)
    for number, figure in enumerate(figures, start=1):
        figure.id = f"figure-{number}"
    return figures


def _figure(
    match: re.Match[str], text: str, sentence: Sentence, language: str, taken: _Taken
) -> DraftFigure | None:
    start, end = match.start("a"), match.end()
    if taken.overlaps(start, end):
        return None
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-/:"):
        return None
    if (
        end < len(text)
        and (text[end].isalnum() or text[end] in "-/:")
        and not (match["b"] is None and text[end] == "-")
    ):
        return None
    before = text[max(0, start - LOOK_BEHIND) : start]
    if _SKIP_BEFORE.search(before) or _TIME_AFTER.match(text, end):
        return None
    low = parse_number(match["a"], language)
    if low is None:
        return None
    low *= _MULTIPLIERS.get((match["multa"] or "").lower().rstrip("."), 1)
    high = low
    word_number = not match["a"][0].isdigit()
    is_range = False
    if match["b"]:
        sep = match["sep"].strip().lower()
        if sep in ("und", "and", "or", "oder") and not match["between"]:
            high = low  # "3 und 4" outside "zwischen" is a list, not a range
        else:
            second = parse_number(match["b"], language)
            if second is None:
                return None
            mult_b = _MULTIPLIERS.get((match["multb"] or "").lower().rstrip("."), 1)
            if mult_b != 1 and not match["multa"]:
                low *= mult_b  # "zwei bis drei Millionen"
            high = second * mult_b
            is_range = high > low
            if not is_range:
                high = low
    if not is_range:
        end = match.end("a") if not match["multa"] else match.end("multa")
        if match["percent"] and not match["b"]:
            end = match.end()
    if word_number and not is_range and low < 2:
        return None
    raw = text[start:end]
    digits = re.sub(r"\D", "", match["a"])
    if not word_number and len(digits) == 4 and 1800 <= low <= 2100 and not is_range:
        after_word = re.compile(r"\s*(\S+)").match(text, end, end + LOOK_AHEAD)
        next_word = after_word.group(1) if after_word else ""
        if not (language == "de" and next_word[:1].isupper() and next_word not in ("Uhr",)):
            return None  # a year
    unit, counted = _counted(text[end : end + LOOK_AHEAD], language)
    if match["percent"]:
        unit = "%"
    qualifier_match = _QUALIFIERS.search(text[max(0, match.start() - LOOK_BEHIND) : match.start()])
    qualifier = qualifier_match["q"] if qualifier_match else ""
    approximate = qualifier.lower() in _APPROXIMATE
    if not counted and not unit:
        confidence, reasons = LOW, ["no unit or counted noun after it"]
    elif word_number:
        confidence, reasons = MEDIUM, ["written as a word"]
    else:
        confidence, reasons = HIGH, ["number with what it counts"]
    if is_range:
        reasons.append("range kept as a range")
    if qualifier:
        reasons.append(f"qualified: {qualifier}")
    return DraftFigure(
        id="",
        text=(f"{qualifier} " if qualifier else "") + raw,
        low=low,
        high=high,
        counts=counted,
        sentence=sentence.index,
        unit=unit,
        approximate=approximate,
        qualifier=qualifier,
        confidence=confidence,
        reasons=reasons,
        offset=start,
    )


def refers_back(sentence: str) -> bool:
    """Does the sentence speak of a place named before ("in der Stadt", "there")?"""
    return bool(_ANAPHORA.search(sentence))
