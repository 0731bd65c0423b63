"""Sentence splitting: German and English abbreviations, dates, initials; linear time."""

from __future__ import annotations

import time

import pytest

from dashboard.draft.sentences import split_paragraph


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Die Flut kam am 29. Juni 2014 nach Passau. Dann stieg der Inn.", 2),
        ("Das gilt z. B. für Dresden. Dann nicht.", 2),
        ("Die Hilfe kam am 3. Okt. 2023 in Herat an. Viele warteten.", 2),
        ("Gen. Mohamed Hamdan Dagalo spoke in Khartoum. Then he left.", 2),
        ("The storm reached Fla. on Sept. 28 and moved north. Power failed.", 2),
        ("Er kam am Montag. Dann ging er.", 2),
        ("Es ist so. Dann regnete es in Lima.", 2),
        ("J. R. Smith flew to Nairobi. The talks began.", 2),
        ("Der Inn stieg auf 5,80 m. Danach sank er.", 2),
        ("Der Pegel lag bei 1.20 m. Danach sank er.", 2),
        ("„Wir haben alles verloren.“ Das sagte eine Frau in Derna.", 2),
    ],
)
def test_sentence_splitting(paragraph: str, expected: int) -> None:
    assert len(split_paragraph(paragraph)) == expected, split_paragraph(paragraph)


@pytest.mark.parametrize(
    "unit",
    [". ", "1. ", "A. ", "z. B. ", "Ende. ", "(((. ", "...... "],
)
def test_splitting_is_linear(unit: str) -> None:
    """Ten times the text takes about ten times as long, not a hundred (bound: 30x)."""

    def seconds(repeat: int) -> float:
        text = unit * repeat
        start = time.perf_counter()
        split_paragraph(text)
        return time.perf_counter() - start

    small, large = seconds(2_000), seconds(20_000)
    assert large <= max(30 * small, 0.5), (small, large)
