"""The evaluation of `draft` (benchmarks/draft_quality.py) runs and stays above a floor.

The floor is well below today's numbers (docs/draft-quality.md): it catches a change that
breaks recognition, not a single lost place.
"""

from __future__ import annotations

from benchmarks.draft_quality import CATEGORIES, Tally, evaluate, report

FLOOR = {"places": 0.85, "figures": 0.85, "figure places": 0.75, "dates": 0.85}


def test_evaluation_set_is_big_enough_and_above_the_floor() -> None:
    results = evaluate()
    languages = [r["language"] for r in results.values()]
    assert len(results) >= 12 and languages.count("de") >= 6 and languages.count("en") >= 6
    for category in CATEGORIES:
        total = Tally()
        for result in results.values():
            total.add(result[category])
        assert total.precision >= FLOOR[category], (category, total.precision)
        assert total.recall >= FLOOR[category], (category, total.recall)
    text = report(results, 1.0)
    assert "| places | all | all |" in text
