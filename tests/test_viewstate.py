"""What the reader looks at, as URL query parameters: links survive old or edited ids."""

from __future__ import annotations

from dashboard.core.model import Story
from dashboard.core.viewstate import ViewState, parse_params

SLUGS = ["a-story", "tiny-story"]


def test_a_state_survives_the_round_trip_through_its_link() -> None:
    state = ViewState(
        story="tiny-story", lang="en", feature="harbour", event="siege", view="town", embed=True
    )
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


def test_open_tab_and_map_view_survive_the_link() -> None:
    state = ViewState(story="tiny-story", feature="harbour", tab="figures", at=(54.1, 10.25, 11))
    params = state.to_params()
    assert params["tab"] == "figures" and params["at"] == "54.1000,10.2500,11"
    assert parse_params(params, SLUGS) == state


def test_a_link_to_an_event_alone_opens_the_timeline() -> None:
    assert parse_params({"event": "siege"}, SLUGS).tab == "timeline"
    assert parse_params({"event": "siege", "feature": "harbour"}, SLUGS).tab == "details"
    assert parse_params({"event": "siege", "tab": "explore"}, SLUGS).tab == "explore"
    assert parse_params({"tab": "nonsense"}, SLUGS).tab == "details"


def test_a_broken_map_view_in_the_link_is_dropped() -> None:
    for at in ("1,2", "a,b,c", "nan,10,5", "91,0,5", "0,181,5", "0,0,19", "0,0,5.5"):
        assert parse_params({"at": at}, SLUGS).at is None, at


def test_choosing_a_view_on_the_map_leaves_no_place_chosen() -> None:
    state = ViewState(story="tiny-story", feature="harbour", event="siege", at=(1.0, 2.0, 9))
    shown = state.showing_view("town")
    assert (shown.view, shown.at, shown.feature) == ("town", None, None)
    assert shown.event == "siege"  # the reader's step on the timeline stays
    assert "feature" not in shown.to_params()
