"""The one home of month and weekday names and time-zone abbreviations in the package, read
from Babel's CLDR data.

Texts are German and English, from Germany, Austria ("Jänner"), Britain ("Sept") and the
United States, so the names of all these locales count, wide and abbreviated, with or
without the abbreviation's dot. Writing a date for readers goes through Babel directly
(`dashboard.core.i18n`); this module is for reading dates in article text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from babel import Locale
from babel.dates import get_day_names, get_month_names

_LOCALES = ("de", "de_AT", "de_CH", "en", "en_GB", "en_US")
# What CLDR lacks: northern German "Sonnabend", AP's "Tues." and "Thurs.".
_EXTRA_WEEKDAYS = {"sonnabend": 5, "tues": 1, "thurs": 3}


def _names(getter: Callable[..., dict[int, str]], widths: tuple[str, ...]) -> dict[str, int]:
    names: dict[str, int] = {}
    for locale in _LOCALES:
        for width in widths:
            for context in ("format", "stand-alone"):
                for number, name in getter(width, context, locale).items():
                    names.setdefault(name.rstrip(".").lower(), number)
    return names


@cache
def month_numbers() -> dict[str, int]:
    """'januar', 'jän', 'sept', 'oct' … -> 1..12 (lower case, no dot)."""
    return _names(get_month_names, ("wide", "abbreviated"))


@cache
def full_month_names() -> frozenset[str]:
    """Only the written-out names ('januar', 'may'): a capitalised 'Mai' is never a place."""
    return frozenset(_names(get_month_names, ("wide",)))


@cache
def weekday_numbers() -> dict[str, int]:
    """'montag', 'monday', 'mon', 'mo' … -> 0 (Monday) .. 6 (Sunday)."""
    return {**_names(get_day_names, ("wide", "abbreviated")), **_EXTRA_WEEKDAYS}


@cache
def full_weekday_names() -> frozenset[str]:
    return frozenset([*_names(get_day_names, ("wide",)), "sonnabend"])


def _alternation(names: dict[str, int] | frozenset[str], abbreviated_dot: str) -> str:
    # Longest first, so "Sept." is not read as "Sep" followed by a stray "t.".
    words = sorted(names, key=lambda name: (-len(name), name))
    parts = []
    for word in words:
        escaped = re.escape(word[:1].upper() + word[1:])  # as a sentence writes it
        if word not in full_month_names() | full_weekday_names():
            escaped += abbreviated_dot
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


@cache
def month_pattern(dot: bool = False) -> str:
    """A regex alternation of every month name and abbreviation, capitalised as text
    writes them: case-sensitive, "may" is a verb. Abbreviations may carry their dot, and
    must when `dot`: a month without a number beside it ("in Jan") is more often a name."""
    return _alternation(month_numbers(), abbreviated_dot=r"\." if dot else r"\.?")


@cache
def weekday_pattern() -> str:
    """Every written-out weekday name (abbreviations like 'Mo' or 'So' are common words)."""
    return _alternation(full_weekday_names(), abbreviated_dot="")


def month_number(name: str) -> int | None:
    """1..12 for a month name or abbreviation as written ('Okt.', 'Jänner'), else None."""
    return month_numbers().get(name.rstrip(".").lower())


def weekday_number(name: str) -> int | None:
    return weekday_numbers().get(name.rstrip(".").lower())


# English and German locales whose CLDR data name zones the others do not (Babel loads each
# locale's data whole, so not all 138 of them): Europe, Canada, Oceania, South Asia, Africa,
# South-east Asia, Hong Kong.
_ZONE_LOCALES = ("en", "en_GB", "en_IE", "en_CA", "en_NZ", "en_IN", "en_ZA", "en_SG", "en_HK")
_ZONE_LOCALES += ("en_ID", "de")
# Where the United States' zones are: a page stamped "EST" writes 03/04/2024 month first.
_MONTH_FIRST_METAZONES = frozenset(
    [
        "America_Eastern",
        "America_Central",
        "America_Mountain",
        "America_Pacific",
        "Alaska",
        "Hawaii_Aleutian",
    ]
)


@cache
def _zone_abbreviations() -> dict[str, frozenset[str]]:
    """Every short time-zone name of English and German locales around the world ("AEDT",
    "IST", "WIB", "SAST", "MESZ"), with the CLDR metazones it names."""
    zones: dict[str, set[str]] = {}
    for identifier in _ZONE_LOCALES:
        for metazone, names in Locale.parse(identifier).meta_zones.items():
            for name in names.get("short", {}).values():
                if name.isascii() and name.isalpha():
                    zones.setdefault(name, set()).add(metazone)
    return {name: frozenset(metazones) for name, metazones in zones.items()}


def time_zone_abbreviations() -> list[str]:
    """The short time-zone names, longest first (for a regex alternation)."""
    return sorted(_zone_abbreviations(), key=lambda name: (-len(name), name))


def month_first_zones() -> list[str]:
    """The short names of the United States' zones ("EST", "PDT", "ET"), longest first."""
    return [
        name
        for name in time_zone_abbreviations()
        if _zone_abbreviations()[name] & _MONTH_FIRST_METAZONES
    ]


# A word in capitals as a month name may be written in a heading or date line ("MARCH 13,
# 2024", "13. MÄRZ 2024").
_CAPITALS = re.compile(r"\b[A-ZÄÖÜ]{3,9}\b")


def title_case_months(text: str) -> str:
    """The text with every month name in capitals written as a sentence writes it ("MÄRZ" ->
    "März"); the same length, so positions in it hold for the text."""
    return _CAPITALS.sub(
        lambda word: word[0].capitalize() if word[0].lower() in month_numbers() else word[0],
        text,
    )
