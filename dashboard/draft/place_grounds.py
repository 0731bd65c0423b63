"""Where a place is the story's ground, and where it only says whose: a country named
only as an adjective ("British broadcaster BBC") is not on the map, unless a place of it
is; a dateline's town is where the report was filed, which grounds nothing."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from dashboard.core.names import fold
from dashboard.draft.model import DraftPlace
from dashboard.draft.place_scores import Mention
from dashboard.draft.sentences import Sentence


def dateline_only(
    drafts: dict[str, DraftPlace],
    sentences: list[Sentence],
    dateline: tuple[str, str | None] | None,
) -> set[str]:
    """The drafted places named only in the dateline ("London/Teheran -", "LONDON (AP)")."""
    if dateline is None:
        return set()
    written = dateline[0]
    texts = {s.index: s.text for s in sentences}
    found = set()
    for key, place in drafts.items():
        if place.positions and all(
            start < len(written) and fold(texts[index][: len(written)]) == fold(written)
            for index, start in place.positions
        ):
            found.add(key)
    return found


def whose_not_where(
    drafts: dict[str, DraftPlace],
    adjective_only: dict[str, bool],
    said_whose: dict[str, set[tuple[int, int]]],
    filed_from: AbstractSet[str] = frozenset(),
) -> None:
    """A country named only as an adjective is whose, not where; a town named only in
    the dateline does not make it the story's ground ("London/Teheran - ... der britische
    Sender BBC")."""
    grounds = {
        p.place.country
        for key, p in drafts.items()
        if p.kind != "country" and key not in filed_from
    }
    for key, place in drafts.items():
        if adjective_only[key] and place.kind == "country" and place.place.country not in grounds:
            # "ukrainische Flüchtlinge", "British broadcaster BBC": whose, not where. A map
            # editor marks such a country at most as optional; the editor may still add it.
            # With a town of it named ("die irakische Armee rückt auf Mossul vor") it is
            # the story's ground and stays.
            place.keep = False
            place.reasons.append("country named only as an adjective: not on the map")
        elif not adjective_only[key]:
            # "Russian authorities said" tells whose, not where: a figure of that sentence
            # is not tied to Russia by it.
            place.positions = [at for at in place.positions if at not in said_whose[key]]


def whose(mention: Mention) -> bool:
    """An adjective that says whose ("Russian authorities"), not where."""
    return mention.adjective and not mention.of_ground
