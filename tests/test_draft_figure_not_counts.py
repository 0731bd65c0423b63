"""Numbers that are no figure of the story (benchmarks/draft_eval/README.md): a place's
population, a unit conversion, a sum paid to each person, a family, a part of a count
told by who they were; and a count said again in other words."""

from __future__ import annotations

import pytest

from dashboard.draft.article import article_from_text
from dashboard.draft.engine import draft_article
from tests.test_draft_figures import figures_of


@pytest.mark.parametrize(
    ("language", "sentence", "kept"),
    [
        pytest.param(
            "de",
            "Im Süden sei ein Bergdorf mit knapp 1000 Bewohnern komplett zerstört worden.",
            [],
            id="de-a-village-with-its-people",
        ),
        pytest.param(
            "de", "In Cap-Haïtien leben rund 500.000 Menschen.", [], id="de-leben-in-einer-stadt"
        ),
        pytest.param(
            "en",
            "Floods hit Lagos, a coastal megacity home to 15 million people, on Monday.",
            [],
            id="en-home-to",
        ),
        pytest.param(
            "en",
            "The fire ruined about 12,000 hectares (30,000 acres) of crops in Zinder.",
            [12_000],
            id="en-acres-in-brackets",
        ),
        pytest.param(
            "en",
            "The storm moved 150 kilometres (90 miles) inland, and 40 homes were destroyed.",
            [40],
            id="en-miles-in-brackets",
        ),
        pytest.param(
            "en",
            "The state pays Rs 2 lakh to the kin of each victim and Rs 50,000 each to those "
            "injured in the landslide in Wayanad.",
            [],
            id="en-rupees-paid-to-each",
        ),
        pytest.param(
            "de",
            "In Gonaïves starben 7 Menschen, darunter eine Mutter mit ihren drei Kindern.",
            [7],
            id="de-a-mother-and-her-children",
        ),
        pytest.param(
            "en",
            "A mudslide killed 12 people in Kalimpong, among them a farmer and his two sons.",
            [12],
            id="en-a-farmer-and-his-sons",
        ),
        pytest.param(
            "en",
            "At least 14 people were killed in Munnar; two children and five women were among "
            "the deceased.",
            [14],
            id="en-among-the-deceased",
        ),
        pytest.param(
            "de",
            "Bei dem Anschlag in Quetta starben neun Menschen, darunter fünf Kinder.",
            [9],
            id="de-darunter-kinder",
        ),
    ],
)
def test_numbers_that_are_not_figures_of_the_story(
    language: str, sentence: str, kept: list[float]
) -> None:
    assert [f.low for f in figures_of(sentence, language)] == kept


def test_a_number_after_rs_with_a_dot_stays_in_its_sentence() -> None:
    """ "Rs." is no sentence end: the sum and whom it is paid to stay one sentence."""
    draft = draft_article(
        article_from_text(
            "Landslide in Kerala\n\nA landslide killed 20 people in Wayanad. Rs. 50,000 each "
            "would be given to those injured, the minister said."
        )
    )
    assert [f.low for f in draft.figures if f.keep] == [20]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        pytest.param(
            "en",
            "Ferry sinks\n\nA ferry sank off Buton: 15 people were killed and 19 more were "
            'missing on Monday. "Provisionally, there are 19 people who are still being '
            'searched for," an official said.',
            id="en-searched-for",
        ),
        pytest.param(
            "de",
            "Fähre gesunken\n\nVor Buton sank eine Fähre: 15 Menschen starben, 19 weitere "
            "werden vermisst. Nach 19 Menschen wird weiter gesucht.",
            id="de-gesucht",
        ),
    ],
)
def test_the_missing_said_again_as_searched_for_are_one_figure(language: str, text: str) -> None:
    draft = draft_article(article_from_text(text))
    assert [f.low for f in draft.figures if f.keep] == [15, 19]


@pytest.mark.parametrize(
    ("language", "sentence", "counts"),
    [
        pytest.param(
            "de",
            "Die meisten Opfer gab es in Kalkan mit 12 und in Kaş mit 8 Toten.",
            [(12, "Toten"), (8, "Toten")],
            id="de-mit-12-und-mit-8-toten",
        ),
        pytest.param(
            "de", "Zwischen 15 und 20 Menschen starben.", [(15, "Menschen starben")], id="de-range"
        ),
    ],
)
def test_a_bare_number_counts_what_the_next_of_its_list_counts(
    language: str, sentence: str, counts: list[tuple[float, str]]
) -> None:
    assert [(f.low, f.counts) for f in figures_of(sentence, language)] == counts
