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


# The scorer of the real-article set (benchmarks/draft_eval/), on made-up drafts.

import re  # noqa: E402
from pathlib import Path  # noqa: E402

from benchmarks.draft_eval.read_texts import load_articles  # noqa: E402
from benchmarks.draft_eval.runner import run_draft  # noqa: E402
from benchmarks.draft_eval.scoring import score_article  # noqa: E402

ARTICLE = {
    "id": "made-up",
    "language": "en",
    "published": "2024-05-02",
    "published_in_text": True,
    "dates": ["2024-05-01", "2024-04-30|2024-05-01"],
    "optional_dates": ["2023"],
    "places": [
        {"name": "Lima", "kind": "city", "country": "PE", "lat": -12.04, "lon": -77.03},
        {"name": "Peru", "kind": "country", "country": "PE"},
        {"name": "Cusco", "kind": "region", "country": "PE", "lat": -13.5, "lon": -71.98},
        {"name": "Chile", "kind": "country", "country": "CL", "optional": True},
    ],
    "figures": [
        {"low": 12, "high": 12, "words": ["killed"], "place": "Lima"},
        {"low": 96, "high": 96, "was": 47, "words": ["injured"]},
        {"low": 3, "high": 3, "optional": True},
    ],
}


def _place(pid: str, kind: str, country: str, lat: float, lon: float) -> dict:
    candidate = {"kind": kind, "country": country, "lat": lat, "lon": lon, "name_en": pid}
    return {"id": pid, "name": pid, "candidates": [candidate], "chosen": 0, "keep": True}


def _figure(fid: str, low: float, high: float, label: str, place: str | None) -> dict:
    return {
        "id": fid,
        "low": low,
        "high": high,
        "label": label,
        "counts": "",
        "place": place,
        "text": str(low),
        "keep": True,
    }


def test_scorer_counts_matches_misses_extras_and_optional_items() -> None:
    draft = {
        "published": "2024-05-02",
        "places": [
            _place("lima", "city", "PE", -12.05, -77.04),  # 1 km off: right
            _place("chile", "country", "CL", -33.4, -70.6),  # optional: neither way
            _place("cusco", "city", "PE", -13.52, -71.97),  # a city may stand for a region
            _place("dubai", "city", "AE", 25.07, 55.3),  # extra
            {**_place("peru", "country", "PE", -9.2, -75.0), "keep": False},  # dropped
        ],
        "figures": [
            _figure("f1", 12, 12, "killed in Lima", "lima"),
            _figure("f2", 47, 96, "injured", None),  # a change read as a range: wrong
            _figure("f3", 3, 3, "", None),  # optional
            _figure("f4", 35, 35, "years", None),  # an age: extra
            {**_figure("f5", 2000, 2000, "missing", None), "text": "thousands"},  # vague
        ],
        "dates": [
            {"date": "2024-05-01", "keep": True},
            {"date": "2023", "keep": True},
            {"date": "1999", "keep": True},
            {"date": "2024-04-29", "keep": False},
        ],
    }
    scores = score_article(draft, ARTICLE)
    places = scores["places"]
    assert (places.true_positive, places.predicted, places.expected) == (2, 3, 3)
    assert places.misses == ["made-up.en: Peru"]
    assert len(places.extras) == 1 and "dubai" in places.extras[0]
    figures = scores["figures"]
    assert (figures.true_positive, figures.predicted, figures.expected) == (1, 3, 2)
    assert figures.misses == ["made-up.en: 47 → 96 injured"]
    assert scores["figure places"].true_positive == 1
    assert scores["figure labels"].true_positive == 1
    dates = scores["dates"]
    assert (dates.true_positive, dates.predicted, dates.expected) == (2, 2, 2)
    assert dates.extras == ["made-up.en: 1999"]
    assert scores["publication date (stated in the text)"].true_positive == 1


def test_scorer_counts_a_failed_draft_as_finding_nothing() -> None:
    scores = score_article(None, ARTICLE)
    assert scores["places"].recall == 0.0 and scores["places"].predicted == 0
    assert scores["publication date"].misses


def test_a_draft_that_cannot_be_made_is_a_result_not_a_crash(tmp_path: Path) -> None:
    run = run_draft(tmp_path / "no-such-article.en.txt", tmp_path)
    assert not run.written and not run.validates and run.draft is None
    assert run.problems and "draft exited" in run.problems[0]


def test_manifest_records_where_each_article_is_and_a_sane_expected_list() -> None:
    articles = load_articles()
    assert len(articles) >= 12
    languages = [a["language"] for a in articles]
    assert languages.count("de") >= 6 and languages.count("en") >= 6
    assert 0 < sum(bool(a.get("held_out")) for a in articles) < len(articles)
    for article in articles:
        source = article["source"]
        assert source.get("url") or source.get("repo"), article["file"]
        if source.get("repo"):
            assert len(source.get("commit", "")) == 40 and source.get("path"), article["file"]
        assert len(source.get("sha256", "")) == 64, article["file"]
        days = [*article.get("dates", []), *article.get("optional_dates", [])]
        for day in [*days, article["published"]]:
            for alternative in day.split("|"):
                assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", alternative), (article["file"], day)
        names = {p["name"] for p in article.get("places", [])}
        for place in article.get("places", []):
            assert place.get("kind") == "country" or "lat" in place, (article["file"], place)
        for figure in article.get("figures", []):
            assert figure["low"] <= figure["high"], (article["file"], figure)
            assert figure.get("place") is None or figure["place"] in names, article["file"]
    folder = Path(__file__).resolve().parent.parent / "benchmarks" / "draft_eval"
    assert not list(folder.rglob("*.txt")) and not list(folder.rglob("*.html"))


def test_seed_check_names_the_files_that_differ(tmp_path: Path, monkeypatch) -> None:
    from benchmarks.draft_eval import runner

    def fake_run(args: list[str], hash_seed: int | None = None) -> tuple[int, str, float]:
        out = Path(args[args.index("--out") + 1])
        out.mkdir(parents=True)
        (out / "story.toml").write_text("same\n")
        (out / "features.geojson").write_text(f"order {hash_seed == 3}\n")
        return 0, "", 0.1

    monkeypatch.setattr(runner, "_run", fake_run)
    text = tmp_path / "made-up.en.txt"
    text.write_text("x")
    found = runner.differs_under_seeds(text, tmp_path)
    assert found == "PYTHONHASHSEED=3: features.geojson differ from PYTHONHASHSEED=1"
    assert runner.differs_under_seeds(text, tmp_path / "again", seeds=(1, 2)) == ""


def test_held_out_articles_are_checked_against_the_targets() -> None:
    from benchmarks.draft_eval.report import ArticleResult, targets_table
    from benchmarks.draft_eval.runner import DraftRun

    draft = {"published": "2024-05-02", "places": [_place("lima", "city", "PE", -12.05, -77.04)]}
    article = {**ARTICLE, "held_out": True}
    run = DraftRun(draft=draft, written=True, validates=True)
    rows = targets_table([ArticleResult(article, run, score_article(draft, article))])
    assert rows[2].startswith("| places | 0.95 | 0.90 | 1.00 / 0.33 | no |")
    assert (
        rows[-2].startswith("| publication date (stated in the text) |") and "| yes |" in rows[-2]
    )
    assert rows[-1].endswith("| 1 of 1 | yes |")


def test_report_lists_misses_of_tuning_articles_only(tmp_path: Path) -> None:
    """What a held-out article's draft misses must not be printed, or it gets tuned on."""
    from benchmarks.draft_eval.report import ArticleResult, render
    from benchmarks.draft_eval.runner import DraftRun

    draft = {"published": "2024-05-02", "places": [_place("lima", "city", "PE", -12.05, -77.04)]}
    run = DraftRun(draft=draft, written=True, validates=True)
    held = {**ARTICLE, "id": "held", "held_out": True}
    tuning = {**ARTICLE, "id": "tuned", "held_out": False}
    text = render(
        [
            ArticleResult(held, run, score_article(draft, held)),
            ArticleResult(tuning, run, score_article(draft, tuning)),
        ],
        [],
        tmp_path,
    )
    assert "- missed: tuned.en: Cusco" in text
    assert "held.en: Cusco" not in text and "held.en:" not in text.split("## Failed drafts")[1]
    assert "| held.en |" in text  # still scored and shown in the tables


# Places the base map's country outline leaves out (small islands at 1:110m; Crimea).
OUTSIDE_THE_OUTLINE = {
    "Okinawa Prefecture",
    "Crimea",
    "Krim",
    "Ha'apai",
    "Niuatoputapu",
    "Niuafo'ou",
    "Tele-ki-Tonga",
    "Tele-ki-Tokelau",
}


def test_expected_coordinates_lie_in_their_country() -> None:
    """A sign or digit slip in an expected list (Lima at +12 instead of -12) would make
    every draft look wrong; each point must lie within about 50 km of its country."""
    from shapely.geometry import Point, shape

    from dashboard.draft.countries import country_geometry

    for article in load_articles():
        for place in article.get("places", []):
            if "lat" not in place or "country" not in place:
                continue
            if place["name"] in OUTSIDE_THE_OUTLINE:
                continue
            outline = country_geometry(place["country"])
            assert outline is not None, (article["file"], place["name"])
            gap = shape(outline).distance(Point(place["lon"], place["lat"]))
            assert gap < 0.5, (article["file"], place["name"], gap)


def _all_peruvian_towns_found(expected: list[tuple], drafted: list[tuple]) -> bool:
    """Score drafted (name, lat, lon) towns against expected ones: all found, no extra."""
    places = [
        {"name": name, "kind": "town", "country": "PE", "lat": lat, "lon": lon}
        for name, lat, lon in expected
    ]
    draft = {"places": [_place(name, "town", "PE", lat, lon) for name, lat, lon in drafted]}
    tally = score_article(draft, {**ARTICLE, "places": places})["places"]
    return (tally.true_positive, tally.predicted, tally.expected) == (2, 2, 2)


def test_scorer_gives_the_expected_town_to_the_same_named_drafted_place() -> None:
    """Two towns 20 km apart, inside the 25 km tolerance of each other: a drafted neighbour
    must not take the expected town that its namesake in the draft fits. Paucarcolla is
    drafted first, 12 km south of its point and 8 km from Puno's; Puno 10 km south of its
    point, 30 km from Paucarcolla's. First-come matching (and nearest-first alone) gave
    Paucarcolla's draft to Puno and missed Paucarcolla."""
    expected = [("Puno", -15.84, -70.02), ("Paucarcolla", -15.66, -70.02)]
    drafted = [("Paucarcolla", -15.73, -70.02), ("Puno", -15.93, -70.02)]
    assert _all_peruvian_towns_found(expected, drafted)


def test_scorer_pairs_the_nearest_drafted_place_when_no_name_matches() -> None:
    """Spelled differently from the expected names. The first drafted place lies within
    25 km of both towns but nearer Juli; the second only near Ilave. First-come matching
    gave the first to Ilave and missed Juli; nearest pairs first find both."""
    expected = [("Ilave", -16.09, -69.64), ("Juli", -16.21, -69.46)]
    drafted = [("Ilabe", -16.18, -69.50), ("Yuli", -16.05, -69.68)]
    assert _all_peruvian_towns_found(expected, drafted)


def test_dates_are_scored_again_with_the_date_given_when_the_text_lacks_it() -> None:
    """An article that does not state its date is scored a second time on the draft made
    with `--date`; one that states it is scored on its one draft in both rows."""
    from benchmarks.draft_eval.scoring import DATES_GIVEN, given_date

    undated = {**ARTICLE, "published": "2024-05-02|2024-05-03", "published_in_text": False}
    assert given_date(undated) == "2024-05-02" and given_date(ARTICLE) is None
    blind = {"dates": []}  # "on Wednesday" cannot be resolved without the date
    dated = {"dates": [{"date": "2024-05-01", "keep": True}]}
    scores = score_article(blind, undated, dated)
    assert scores["dates"].true_positive == 0
    assert (scores[DATES_GIVEN].true_positive, scores[DATES_GIVEN].expected) == (2, 2)
    assert score_article(blind, undated)[DATES_GIVEN].true_positive == 0  # no dated draft
    stated = score_article(dated, ARTICLE, {"dates": []})
    assert stated[DATES_GIVEN].true_positive == stated["dates"].true_positive == 2


def test_the_dated_draft_is_made_with_the_date_in_its_own_folder(
    tmp_path: Path, monkeypatch
) -> None:
    from benchmarks.draft_eval import runner

    calls: list[list[str]] = []

    def fake_run(args: list[str], hash_seed: int | None = None) -> tuple[int, str, float]:
        calls.append(args)
        return 1, "no", 0.1

    monkeypatch.setattr(runner, "_run", fake_run)
    runner.run_draft(tmp_path / "made-up.en.txt", tmp_path, published="2024-05-02")
    runner.run_draft(tmp_path / "made-up.en.txt", tmp_path)
    assert calls[0][-2:] == ["--date", "2024-05-02"] and "--date" not in calls[1]
    assert calls[0][calls[0].index("--out") + 1] != calls[1][calls[1].index("--out") + 1]
