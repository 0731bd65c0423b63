"""Date lines a page breaks in two: a label alone above the date ("Published" / "March 12,
2024", "Stand:" / "12.03.2024, 10:12 Uhr"), a clock time alone below it ("12 March 2024" /
"10:12 AM"). Joined, they are read as one date line, and the label says whether it is an
update's; apart, the label and the time would be read as sentences of the text."""

from __future__ import annotations

from dashboard.draft.datelines import is_date_part, read_date_line


def join_date_parts(paragraphs: list[str]) -> list[str]:
    """The paragraphs, a date line's label or clock time joined to the date beside it."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and _belong_together(joined[-1], paragraph):
            joined[-1] += " " + paragraph
        else:
            joined.append(paragraph)
    return joined


def _belong_together(previous: str, paragraph: str) -> bool:
    part_before = is_date_part(previous) and read_date_line(paragraph) is not None
    part_after = is_date_part(paragraph) and read_date_line(previous) is not None
    return (part_before or part_after) and read_date_line(f"{previous} {paragraph}") is not None
