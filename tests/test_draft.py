"""Drafting a story from an article: places, figures, dates, and the folder it writes."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from dashboard.core.geometry import geodesic_distance_km
from dashboard.draft import article_from_text, draft_article
from dashboard.draft.article import read_article_file
from dashboard.reader.story import load_story, validate_story
from dashboard.ui.cli import main

SEED = Path(__file__).resolve().parent / "data" / "articles" / "kalifat-2017-scraped.txt"

# Reference coordinates (lat, lon) of the places the seed names.
REFERENCE = {  # longitude, latitude
    "Mossul": (43.1189, 36.3350),
    "Rakka": (39.0079, 35.9528),
    "Washington": (-77.0364, 38.8951),
    "Moskau": (37.6178, 55.7520),
}


@pytest.fixture(scope="module")
def seed_draft():
    return draft_article(read_article_file(SEED))


def names(draft) -> dict[str, object]:
    return {p.name: p for p in draft.places if p.keep}


def test_seed_places_within_25_km(seed_draft) -> None:
    found = names(seed_draft)
    for name, reference in REFERENCE.items():
        assert name in found, f"{name} not found: {sorted(found)}"
        assert geodesic_distance_km(found[name].lon_lat, reference) < 25, name


def test_seed_countries_and_england(seed_draft) -> None:
    found = names(seed_draft)
    for name in ("Syrien", "Irak", "Türkei", "England"):
        assert name in found, name
    assert found["Syrien"].kind == "country" and found["England"].kind == "region"


def test_seed_range_belongs_to_rakka_with_its_sentence(seed_draft) -> None:
    (figure,) = [f for f in seed_draft.figures if f.low == 50000]
    assert figure.high == 100000
    assert seed_draft.place(figure.place).name == "Rakka"
    assert seed_draft.sentences[figure.sentence] == (
        "Laut des Institute for the Study of War in Washington sind in der Stadt "
        "50000 bis 100000 Zivilisten eingeschlossen."
    )


def test_seed_timeline_has_29_june_2014(seed_draft) -> None:
    dates = {d.date: d for d in seed_draft.dates if d.keep}
    assert "2014-06-29" in dates and not dates["2014-06-29"].inferred
    assert seed_draft.published == "2017-07-01"
    thursday = [d for d in seed_draft.dates if "Donnerstag" in d.text]
    assert thursday[0].date == "2017-06-29" and thursday[0].inferred


def test_seed_banner_words_are_neither_places_nor_figures(seed_draft) -> None:
    banner = {"EU", "Partner", "Dritte", "Euro", "Abo", "TTDSG", "DSGVO"}
    assert not banner & {p.name for p in seed_draft.places}
    assert not any(f.low in (220, 4.99, 0.99, 25, 6) for f in seed_draft.figures)


@pytest.mark.parametrize(
    ("text", "must", "must_not"),
    [
        (
            "Der Vorstand van der Bellen sprach. Die Hamas feuerte Raketen.",
            set(),
            {"Belém", "Hamm", "Ḩamāh"},
        ),
        (
            "Die EU und ihre Partner beraten. Die Hamasführung tagte in Gaza.",
            {"Gaza City"},
            {"Ḩamāh"},
        ),
        (
            "Kurdische Kämpfer stehen in Dscharablus und in Ain al-Arab nahe der syrisch-"
            "türkischen Grenze.",
            {"Jarābulus", "‘Ayn al ‘Arab", "Syria", "Turkey"},
            set(),
        ),
        (
            "Kurdish fighters took Jarablus and Kobane near the Turkish border in Syria.",
            {"Jarābulus", "‘Ayn al ‘Arab", "Turkey", "Syria"},
            set(),
        ),
        ("In der syrischen Stadt Mandschbi starben zwölf Menschen.", {"Manbij"}, set()),
        ("Die irakische Armee rückt auf Mossuls Altstadt vor.", {"Mosul", "Iraq"}, set()),
    ],
)
def test_places_in_context(text: str, must: set[str], must_not: set[str]) -> None:
    draft = draft_article(article_from_text("Eine Meldung\n\n" + text))
    found = {p.place.name_en for p in draft.places if p.keep}
    assert must <= found, found
    assert not must_not & found, found


@pytest.mark.parametrize(
    ("sentence", "low", "high", "approximate", "counts"),
    [
        ("Rund 700 bis 2.000 Kämpfer sind noch in der Stadt.", 700, 2000, True, "Kämpfer"),
        ("Mindestens 40 Menschen starben.", 40, 40, False, "Menschen starben"),
        (
            "Between 50,000 and 100,000 civilians are trapped.",
            50000,
            100000,
            False,
            "civilians trapped",
        ),
        ("At least 12 people died there.", 12, 12, False, "people died"),
        ("Mehr als 1,5 Millionen Menschen flohen.", 1_500_000, 1_500_000, False, "Menschen flohen"),
    ],
)
def test_figures(sentence, low, high, approximate, counts) -> None:
    draft = draft_article(article_from_text("Eine Meldung\n\n" + sentence))
    (figure,) = draft.figures
    assert (figure.low, figure.high, figure.approximate) == (low, high, approximate)
    assert figure.counts == counts
    assert draft.sentences[figure.sentence] == sentence


def test_an_age_is_not_a_figure() -> None:
    draft = draft_article(
        article_from_text(
            "Eine Meldung\n\nSchon mehrfach war der 45-Jährige für tot erklärt worden."
        )
    )
    assert draft.figures == []


def test_times_years_and_paragraphs_are_not_figures() -> None:
    draft = draft_article(
        article_from_text(
            "Eine Meldung\n\nUm 21:50 Uhr explodierte 2017 die Moschee, gem. Art. 6 Abs. 1."
        )
    )
    assert draft.figures == []


def test_draft_command_writes_a_valid_story_and_refuses_a_second_time(tmp_path, capsys) -> None:
    out = tmp_path / "kalifat-entwurf"
    assert main(["draft", str(SEED), "--out", str(out)]) == 0
    assert validate_story(out) == []
    story = load_story(out)
    assert story.published.isoformat() == "2017-07-01"
    assert any(e.date.value.isoformat() == "2014-06-29" for e in story.events)
    data = tomllib.loads((out / "story.toml").read_text("utf-8"))
    assert data["source"] == {
        "publisher": "dpa",
        "author": "Jan Kuhlmann",
        "title": "Das Kalifat des IS bricht zusammen",
    }
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert main(["draft", str(SEED), "--out", str(out)]) == 1
    assert "exists" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    review = json.loads((out / "draft.json").read_text("utf-8"))
    assert {p["confidence"] for p in review["places"]} <= {"high", "medium", "low"}
    assert main(["draft", str(SEED), "--out", str(out), "--force"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kalifat-entwurf"]  # no leftovers


def test_draft_command_names_a_bad_folder_name(tmp_path, capsys) -> None:
    assert main(["draft", str(SEED), "--out", str(tmp_path / "Bad Name")]) == 1
    assert "slug" in capsys.readouterr().err
    assert not (tmp_path / "Bad Name").exists()
