"""What the reader looks at, as URL query parameters: links survive old or edited ids."""

from __future__ import annotations

from dashboard.model import Story
from dashboard.viewstate import ViewState, parse_params

SLUGS = ["a-story", "tiny-story"]


def test_a_state_survives_the_round_trip_through_its_link() -> None:
    state = ViewState(story="tiny-story", lang="en", feature="harbour", event="siege",
                      view="town", embed=True)  # fmt: skip
    assert parse_params(state.to_params(), SLUGS) == state


def test_defaults_are_left_out_of_the_link() -> None:
    assert ViewState(story="tiny-story").to_params() == {"story": "tiny-story", "lang": "de"}


def test_unknown_story_and_language_fall_back() -> None:
    state = parse_params({"story": "../etc", "lang": "fr"}, SLUGS)
    assert (state.story, state.lang) == ("a-story", "de")
    assert parse_params({}, []).story is None


def test_ids_the_story_does_not_have_are_dropped(tiny: Story) -> None:
    state = ViewState(story="tiny-story", feature="nowhere", event="relief", view="moon")
    kept = state.within(tiny)
    assert (kept.feature, kept.event, kept.view) == (None, "relief", None)
    assert ViewState(feature="harbour").within(tiny).feature == "harbour"


def test_only_the_embed_mode_embeds() -> None:
    assert parse_params({"mode": "embed"}, SLUGS).embed
    assert not parse_params({"mode": "EMBED"}, SLUGS).embed
