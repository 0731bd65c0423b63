"""What a figure counts, in the sentence's own words: the noun phrase after the number
("Zivilisten", "strike drones") and the verb of what happened to it ("eingeschlossen",
"killed"), so that a label reads "Zivilisten eingeschlossen" or "people killed".

Reads a bounded window of tokens around the number, never the whole sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel.numbers import format_decimal

from dashboard.core.calendar_words import full_month_names, full_weekday_names
from dashboard.draft.figure_words import (
    APPROXIMATE,
    AUXILIARIES,
    EVENT_VERBS_DE,
    EVENT_VERBS_EN,
    MEASURES,
    ONE_PERSON,
    PEOPLE,
    PLACEHOLDERS,
    REPORTING_EN,
    STOP,
    THINGS,
    TOLL_NOUNS,
    word_set,
)
from dashboard.draft.model import DraftFigure, DraftPlace

# How many tokens after the number its noun phrase and verb may be looked for, and before.
AHEAD = 10
BEHIND = 6
TOLL_BEHIND = 30  # "the death toll from the fire in the city of Valencia rose to 10"
_CLAUSE_ENDS = frozenset([*',;:.!?()[]"„“”»«', "und", "and", "but", "aber", "while"])
_LINKS = frozenset(["of", "von", "der", "des", "the"])
# Words of a state, not of a deed: not joined as "dead and damaged".
_STATES = frozenset(["dead", "missing", "tot", "vermisst", "obdachlos", "betroffen"])
# Nouns of harm after a verb: "565 people suffered injuries", "erlitten Verletzungen".
_HARM_NOUNS = frozenset(["injuries", "wounds", "burns", "verletzungen", "brandverletzungen"])
# German participles: "getötet", "eingeschlossen", "festgenommen".
_PARTICIPLE_DE = re.compile(
    r"(?:ab|an|auf|aus|ein|fest|mit|nach|vor|weg|zu|zurück|um|frei|los|hin|her|über|unter"
    r"|durch)?ge[a-zäöüß]{3,}(?:t|en)"
)
_NOT_PARTICIPLES_DE = word_set(
    """
    gegen genau gestern genug gemeinsam gesamt gesagt gemeldet mitgeteilt geteilt erklärt
    berichtet gezählt geschätzt genannt gehabt gegeben gewesen geworden gelten gerade gehen
    gefunden gebracht gestellt gemacht geplant gestartet gehalten gesehen
    """
)
_NOT_NOUNS = (
    frozenset(w.lower() for w in full_month_names())
    | frozenset(w.lower() for w in full_weekday_names())
    | frozenset(["uhr", "prozent", "percent"])
)
_PLURAL_EN = re.compile(r"[a-z][a-z-]*[a-z](?:s|men|people|children)")
_NOT_PLURALS_EN = word_set(
    """
    was has is this its his us thus across less unless always perhaps afterwards towards
    news series various previous serious famous dangerous numerous its whereas
    """
)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Label:
    text: str  # "Zivilisten eingeschlossen", "people killed"; "" when nothing was found
    noun: str  # the counted noun as written: "Zivilisten"
    verb: str  # what happened: "eingeschlossen", "killed"
    people: bool  # the count is of people
    event: bool = False  # the verb says what happened to them ("killed"), or a toll does
    thing: bool = False  # the count is of things a map shows (houses, drones, fires)


def is_noun(token: Token, language: str) -> bool:
    """Could this word be the noun a number counts? German capitalises nouns; English
    counts plural nouns and the words of people and things."""
    word = token.text
    lower = word.lower()
    if not word[:1].isalpha() or lower in _NOT_NOUNS or lower in STOP:
        return False
    if lower in PEOPLE or lower in THINGS or lower in ONE_PERSON:
        return True
    if language == "de":
        return word[:1].isupper()
    return bool(_PLURAL_EN.fullmatch(lower)) and lower not in _NOT_PLURALS_EN


def counted_label(
    tokens: list[Token], lower: list[str], first: int, start: int, language: str
) -> Label:
    """The label of the number at token `first`; its noun phrase may start at `start`
    (after a multiplier or unit)."""
    noun_start, noun_end = _noun_phrase(tokens, lower, start, language)
    noun = " ".join(t.text for t in tokens[noun_start:noun_end])
    head = lower[noun_end - 1] if noun else ""
    verb, event = "", False
    if noun or not (toll := _toll_noun(tokens, lower, first))[0]:
        verb, event = _verb_after(tokens, lower, noun_end if noun_end > start else start, language)
    else:
        # "the death toll rose to 10 after rescuers located …": the toll says it all
        noun, head = toll
        event = True
    if not verb:
        verb = _verb_before(tokens, lower, first, language)
        event = event or bool(verb)
    parts = [noun] if noun else []
    if verb and verb.casefold() not in noun.casefold():
        parts.append(verb)
    return Label(" ".join(parts), noun, verb, head in PEOPLE, event, head in THINGS)


def _noun_phrase(
    tokens: list[Token], lower: list[str], start: int, language: str
) -> tuple[int, int]:
    """(first, end) token indices of the counted noun phrase, (start, start) if none.

    German: a few lower-case modifiers and a capitalised noun ("eingeschlossene
    Zivilisten", "lebensbedrohlich Verletzte"). English: words up to the first plural
    noun ("strike drones", "air, sea and ground-launched missiles" -> "missiles")."""
    i = start
    while i < start + 2 and i < len(tokens) and lower[i] in _LINKS:
        i += 1  # "thousands of people", "Tausende von Menschen", "32 Prozent der Stimmen"
    limit = min(len(tokens), i + (7 if language == "en" else 4))
    modifiers: list[int] = []
    for j in range(i, limit):
        word = lower[j]
        if is_noun(tokens[j], language) and word not in MEASURES:
            kept = [m for m in modifiers[-1:] if m == j - 1 and lower[m] not in PLACEHOLDERS]
            return (kept[0] if kept else j), j + 1
        if not tokens[j].text[:1].isalpha():
            if word == "," and language == "en" and modifiers:
                modifiers = []
                continue
            break
        if word in STOP and word not in ("and", "or"):
            break
        if language == "de" and word in EVENT_VERBS_DE:
            break  # "40 verletzt": the verb, not a modifier
        if language == "en" and (word in EVENT_VERBS_EN or word in AUXILIARIES):
            break
        modifiers.append(j)
    return start, start


def _toll_noun(tokens: list[Token], lower: list[str], first: int) -> tuple[str, str]:
    """The toll a number ends: "the death toll rose to 21" -> "death toll", "Zahl der
    Toten auf 40" -> "Toten", "Of the deaths, 81 were confirmed in …" -> "deaths"."""
    if (
        first >= 4
        and lower[0] in ("of", "von")
        and lower[1] in ("the", "these", "den", "diesen")
        and lower[3] == ","
    ):
        return tokens[2].text, lower[2]
    for j in range(first - 1, max(-1, first - TOLL_BEHIND - 1), -1):
        if lower[j] in ".;!?":
            break
        if lower[j].endswith("zahl") and len(lower[j]) > len("zahl") + 2:
            # "die Totenzahl mit 43 angegeben", "die Opferzahl stieg auf 12": the compound
            # names what it counts
            return tokens[j].text, lower[j]
        if lower[j] not in TOLL_NOUNS:
            continue
        if lower[j] == "toll" and j > 0 and tokens[j - 1].text[:1].isalpha():
            return f"{tokens[j - 1].text} toll", lower[j - 1]
        if j + 2 < first and lower[j + 1] in ("der", "of", "an"):
            return tokens[j + 2].text, lower[j + 2]
    return "", ""


def _verb_after(
    tokens: list[Token], lower: list[str], start: int, language: str
) -> tuple[str, bool]:
    """What happened, after the noun: "wurden getötet", "kamen ums Leben", "were
    wounded", "died"; and whether it is one of the verbs of what happens to people and
    things (not any participle)."""
    events = EVENT_VERBS_DE if language == "de" else EVENT_VERBS_EN
    auxiliary = False
    for j in range(start, min(len(tokens), start + AHEAD)):
        word = lower[j]
        if tokens[j].text[0].isdigit():
            break  # another number's verb ("Von den 20 an Bord wurden 18 gerettet")
        if word == "fest" and language == "de" and _taken_into_custody(lower, start):
            return "festgenommen", True  # "Die Polizei nahm 63 Menschen fest"
        if lower[j : j + 2] == ["das", "leben"] and language == "de":
            return _phrase(tokens, j, 3), True  # "das Leben gekostet"
        if word == "," and language == "de" and _adjective_list(lower, j):
            continue  # "bei den verheerenden, tagelangen Regenfällen ums Leben gekommen"
        if word in _CLAUSE_ENDS:
            break
        if word == "ums" and j + 1 < len(tokens) and lower[j + 1] == "leben":
            return "ums Leben gekommen", True
        if lower[j : j + 3] == ["in", "den", "tod"]:
            return _phrase(tokens, j, 4), True  # "in den Tod gerissen"
        if word in _HARM_NOUNS and j > start:
            return f"{tokens[j - 1].text} {tokens[j].text}", True  # "suffered injuries"
        if word in AUXILIARIES:
            auxiliary = True
            continue
        if word in events:
            if j > 0 and lower[j - 1] == "to":
                return events[word], True  # "forced 6,000 residents to evacuate"
            if lower[j + 1 : j + 2] in (["their"], ["ihr"], ["ihre"]) and j + 2 < len(tokens):
                return _phrase(tokens, j, 3), True  # "lost their lives", "verloren ihr Leben"
            return tokens[j].text, True  # after the noun the article's own word reads right
        if language == "en" and auxiliary and word.endswith("ed") and word not in REPORTING_EN:
            nxt = lower[j + 1] if j + 1 < len(tokens) else ""
            if nxt in events:  # "were feared dead", "were reported missing"
                return f"{tokens[j].text} {tokens[j + 1].text}", True
            return tokens[j].text, False
        if (
            language == "de"
            and _PARTICIPLE_DE.fullmatch(word)
            and word not in _NOT_PARTICIPLES_DE
            and (auxiliary or _auxiliary_near(lower, j))
        ):
            return tokens[j].text, False
    return "", False


def _taken_into_custody(lower: list[str], start: int) -> bool:
    return any(w in ("nahm", "nahmen", "nimmt", "nehmen") for w in lower[max(0, start - 8) : start])


def _adjective_list(lower: list[str], comma: int) -> bool:
    """Is the comma one between adjectives ("verheerenden, tagelangen")?"""
    nxt = lower[comma + 1] if comma + 1 < len(lower) else ""
    return nxt.isalpha() and nxt.endswith(("e", "en", "er", "es", "em")) and nxt not in STOP


def _phrase(tokens: list[Token], start: int, length: int) -> str:
    return " ".join(t.text for t in tokens[start : start + length] if t.text[:1].isalpha())


def _auxiliary_near(lower: list[str], j: int) -> bool:
    """German puts the auxiliary before the subject ("Dabei wurden 40 Menschen
    getötet") or after the participle ("getötet worden")."""
    window = lower[max(0, j - 2 * AHEAD) : j + 3]
    return any(word in AUXILIARIES for word in window)


def _verb_before(tokens: list[Token], lower: list[str], first: int, language: str) -> str:
    """What happened, before the number in its clause: "killed at least two people",
    "zerstörte auf der Insel rund 10.000 Häuser", "destroyed and jammed 549 drones"."""
    events = EVENT_VERBS_DE if language == "de" else EVENT_VERBS_EN
    for j in range(first - 1, max(-1, first - BEHIND - 1), -1):
        if lower[j] in _CLAUSE_ENDS and lower[j] != ".":
            return ""
        if lower[j] not in events:
            continue
        verb = _shown(tokens[j].text, events[lower[j]], language)
        if (
            j >= 2
            and lower[j - 1] in ("and", "or", "und", "oder")
            and lower[j - 2] in events
            and lower[j - 2] not in _STATES
        ):
            earlier = _shown(tokens[j - 2].text, events[lower[j - 2]], language)
            verb = f"{earlier} {lower[j - 1]} {verb}"
        return verb
    return ""


def _shown(written: str, participle: str, language: str) -> str:
    """The verb as the label shows it: an English "-ed" form as written ("jammed"),
    other forms as their participle ("killing" -> "killed", "tötete" -> "getötet")."""
    if language == "en" and written.lower().endswith("ed"):
        return written.lower()
    return participle


def figure_label(figure: DraftFigure, place: DraftPlace | None, language: str) -> str:
    """What the reader sees after the value: "Zivilisten eingeschlossen in Rakka",
    "people killed (at least)", "Tote (zuvor 47)"."""
    label = figure.counts or _UNIT_WORDS.get((figure.unit, language), figure.unit)
    if not label:
        label = "Anzahl laut Artikel" if language == "de" else "count in the article"
    qualifier = figure.qualifier
    if qualifier and qualifier.lower() not in APPROXIMATE:
        label = f"{label} ({qualifier.lower()})"
    if figure.was is not None:
        earlier = format_decimal(figure.was, locale=language)
        if language == "de":
            label = f"{label} (zuvor {earlier})"
        else:
            label = f"{label} ({'up' if figure.low > figure.was else 'down'} from {earlier})"
    if place is not None and place.kind != "country":
        label += f" in {place.name}"
    return label


_UNIT_WORDS = {("%", "de"): "Prozent", ("%", "en"): "per cent"}


# Counts of the dead and of the injured, however the article words them, are one figure
# when said again.
_DEAD = ("tot", "starb", "sterb", "ums leben", "getötet", "dead", "death", "killed", "died")
_INJURED = ("verletz", "injur", "wounded", "hurt")
_MISSING = ("vermisst", "missing", "searched", "gesucht", "unaccounted")


def repeat_key(label: str) -> str:
    """What a label counts, for finding the same count said twice: "dead", "injured",
    or the first letters of its noun."""
    folded = label.casefold()
    if any(word in folded for word in _DEAD):
        return "dead"
    if any(word in folded for word in _INJURED):
        return "injured"
    if any(word in folded for word in _MISSING):
        return "missing"
    return (folded.split() or [""])[0][:4]
