"""Spelling-independent keys for place names, so that Mossul meets Mosul and Rakka meets Raqqa.

German and English newsrooms transliterate Arabic, Persian, Cyrillic and Turkish names
differently ("Dscharablus" / "Jarablus", "Chartum" / "Khartoum", "Bagdad" / "Baghdad").
`place_key` maps every spelling of a name to one key by folding the differences that
transliteration schemes make (diacritics, doubled letters, "dsch"/"j", "q"/"k", a leading
Arabic article). Both the gazetteer and the article's words go through the same function,
so the folding only has to be consistent, not linguistically right.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Bumped whenever place_key changes: the derived gazetteer stores keys made with it.
KEY_VERSION = 1

_SPECIAL = str.maketrans(
    {"ß": "ss", "ı": "i", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "þ": "th"}
)
_APOSTROPHES = re.compile(r"[’‘ʿʾʼʻ`'´.]")
_SEPARATORS = re.compile(r"[\s\-‐‑–]+")
_LEADING_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|ad|an|az|at|ath|ed|es|ez|er|en) (?=\S)")
# Order matters: longer German clusters before their parts, "ch" before "c".
_REWRITES: tuple[tuple[str, str], ...] = (
    ("dsch", "j"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("dj", "j"),
    ("tz", "ts"),
    ("ph", "f"),
    ("ch", "kh"),
    ("kh", "k"),
    ("gh", "g"),
    ("dh", "d"),
    ("th", "t"),
    ("ck", "k"),
    ("q", "k"),
    ("c", "k"),
    ("j", "y"),
    ("y", "i"),
    ("w", "v"),
    ("z", "s"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ie", "i"),
)
_DOUBLED = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")


# Both are called for every capitalised word of an article, many times over: a paste of
# thousands of repeated names costs one computation per distinct name.
@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Lower case without diacritics or apostrophes, words separated by one space."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.translate(_SPECIAL)
    text = _APOSTROPHES.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


@lru_cache(maxsize=65_536)
def place_key(name: str) -> str:
    """The transliteration-independent key of a place name."""
    key = _LEADING_ARTICLE.sub("", fold(name))
    for old, new in _REWRITES:
        key = key.replace(old, new)
    key = _FINAL_H.sub("", key)
    return _DOUBLED.sub(r"\1", key)


def is_latin(name: str) -> bool:
    """True for names written in Latin letters (the scripts our articles use)."""
    return all(
        not ch.isalpha() or ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in name
    )


def skeleton(key: str) -> str:
    """Consonants of a key: what survives when vowels are spelt differently."""
    return re.sub(r"[aeiou ]", "", key)


def within_one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance <= 1 (one letter added, dropped, changed or swapped)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))
