"""Where a place is the story's ground and where it only says whose: a country named
only as an adjective, a dateline's town, and a town written with its region ("Jackson,
Ky."). Made-up sentences from several regions, German and English."""

from __future__ import annotations

from dashboard.draft import article_from_text, draft_article
from dashboard.draft.model import DraftPlace


def drafted(text: str) -> list[DraftPlace]:
    return draft_article(article_from_text("Meldung / Report\n\n" + text)).places


def kept_names(text: str) -> set[str]:
    return {p.place.name_en for p in drafted(text) if p.keep}


def dropped_names(text: str) -> set[str]:
    return {p.place.name_en for p in drafted(text) if not p.keep}


def test_a_dateline_town_does_not_ground_a_country_named_as_an_adjective() -> None:
    text = (
        "London/Teheran - Iranische Kräfte töteten eine Aktivistin, wie der britische "
        "Sender BBC berichtete. Die Proteste in Teheran dauerten an."
    )
    assert "United Kingdom" in dropped_names(text)
    assert "Tehran" in kept_names(text)


def test_a_dateline_that_names_the_country_keeps_it() -> None:
    text = (
        "NAIROBI, Kenya (AP) — Kenyan police said Ethiopian troops crossed near Moyale in Ethiopia."
    )
    assert "Kenya" in kept_names(text)


def test_a_town_of_the_country_in_the_story_grounds_its_adjective() -> None:
    text = "London (dpa) - Der britische Premier besuchte Manchester."
    assert "United Kingdom" in kept_names(text)


def test_an_adjective_alone_puts_no_country_on_the_map() -> None:
    text = "Chilean rescuers reached the village of Bhaktapur in Nepal after the quake."
    assert "Chile" not in kept_names(text)
    assert "Nepal" in kept_names(text)


def test_a_neighbouring_state_s_namesake_is_not_the_town_of_the_abbreviation() -> None:
    places = drafted("JACKSON, Ky. (AP) — Rescue workers plucked people off rooftops in Kentucky.")
    jackson = [p.place for p in places if p.keep and p.place.name_en == "Jackson"]
    # Jackson, Tennessee lies west of 86° W; Kentucky's Jackson east of it.
    assert not [place for place in jackson if place.lon < -86.0]
