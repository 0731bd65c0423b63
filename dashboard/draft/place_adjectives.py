"""Countries an article names through their adjectives: "syrischen", "Iraqi", "U.S.".

They tell where a story is (context for namesakes) even when they name no place.
"""

from __future__ import annotations

import re

from dashboard.draft.place_scores import Mention
from dashboard.draft.sentences import Sentence
from dashboard.reader.gazetteer import Gazetteer

# After a country's adjective: the word it describes, past a joined second adjective
# ("syrisch-türkischen Grenze").
_NEXT_WORD = re.compile(r"(?:-\w+)?\s+(\w+)")
# Nouns of a side or edge of a country: with them its adjective names a place.
GROUND_NOUNS = (
    "grenz",
    "border",
    "frontier",
    "seite",
    "side",
    "küste",
    "coast",
    "territor",
    "gebiet",
    "boden",
    "soil",
    "hoheitsgewässer",
    "waters",
)


def _adjective_pattern(gaz: Gazetteer) -> tuple[re.Pattern[str], re.Pattern[str]]:
    stems = sorted(gaz.adjectives_de, key=len, reverse=True)
    german = re.compile(
        r"(?<![\w])(?:nord|süd|ost|west|nordost|nordwest|südost|südwest|zentral)?"
        rf"({'|'.join(map(re.escape, stems))})(?:e|en|er|es|em)?(?![\w])",
        re.IGNORECASE,
    )
    adjectives = sorted(gaz.adjectives_en, key=len, reverse=True)
    english = re.compile(
        rf"(?<![\w-])({'|'.join(re.escape(a.title()) for a in adjectives)})s?(?![\w])"
    )
    return german, english


_CACHE: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _adjectives(gaz: Gazetteer) -> tuple[re.Pattern[str], re.Pattern[str]]:
    if id(gaz) not in _CACHE:
        _CACHE[id(gaz)] = _adjective_pattern(gaz)
    return _CACHE[id(gaz)]


def adjective_mentions(sentences: list[Sentence], gaz: Gazetteer, language: str) -> list[Mention]:
    """Countries named through their adjectives ("syrischen", "Iraqi"), marked
    `of_ground` before a side or edge of the country ("syrisch-türkische Grenze")."""
    german, english = _adjectives(gaz)
    mentions: list[Mention] = []
    for sentence in sentences:
        for pattern, table in ((german, gaz.adjectives_de), (english, gaz.adjectives_en)):
            for match in pattern.finditer(sentence.text):
                code = table.get(match.group(1).lower())
                country = gaz.country(code) if code else None
                if country is None or country.is_named(match.group()):
                    continue  # "Philippines" is the country's name, not "Philippine" + s
                at_start = not sentence.text[: match.start()].strip(' „"“»(')
                following = _NEXT_WORD.match(sentence.text, match.end())
                mentions.append(
                    Mention(
                        match.group(),
                        match.group(1),
                        sentence.index,
                        match.start(),
                        [country],
                        adjective=True,
                        in_name=language == "de" and match.group()[0].isupper() and not at_start,
                        of_ground=bool(following)
                        and following.group(1).casefold().startswith(GROUND_NOUNS),
                    )
                )
    return mentions
