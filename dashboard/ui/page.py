"""The Lagekarte dashboard: one story as a map with key figures, timeline and details.

Started by `python -m dashboard serve` (see `dashboard/ui/server.py`), or from the repository
root with `python -m streamlit run dashboard/ui/page.py`.
The page only lays out and wires widgets; stories, maps and cards come from the core
modules. The map answers a click on a feature itself (its details card, drawn from the data it
holds) and reruns only the map and side panel's fragment for the panel and the address
(never on pan or zoom). It keeps its view: changes reach it as a small instruction (the
chosen feature, and what to show when that changes), never by drawing it again.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

from dashboard.core.cells import cell_pyramid
from dashboard.core.escape import markdown_text, script_json
from dashboard.core.geometry import geodesic_distance_km
from dashboard.core.i18n import LANGS, Lang, format_number, text
from dashboard.core.model import Story, StoryListing
from dashboard.core.viewstate import TABS, ViewState, parse_params
from dashboard.core.wording import event_date, event_summary
from dashboard.reader.story import load_stories
from dashboard.render import cards
from dashboard.render.assets import serve_assets
from dashboard.render.export import (
    EXPORT_FORMATS,
    FORMATS,
    ExportResult,
    embed_snippet,
    export_file_name,
    export_result,
)
from dashboard.render.maps import EventCells, MapFollow, build_map, map_payload
from dashboard.ui import editor as editor_page
from dashboard.ui import settings
from dashboard.ui.page_assets import served_asset_urls
from dashboard.ui.server import freeze_long_lived, no_address_lookups

# Another folder of stories can be given for a newsroom's own stories (and for tests).
STORIES_DIR = settings.stories_folder()
# A broken story's files are named from the stories folder (`<slug>/story.toml`): a
# reader sees no path of the server.
SHOWN_FROM = f"{STORIES_DIR}/"
MAP_HEIGHT = 600  # with the header above, the whole map fits a 1440 × 900 screen
LANG_NAMES: dict[Lang, str] = {"de": "Deutsch", "en": "English"}
PANEL_KEY = "side_panel"
TAB_TEXTS = {
    "details": "ui.details",
    "figures": "figures",
    "timeline": "timeline",
    "explore": "ui.explore",
    "export": "ui.export",
}


# ---------------------------------------------------------------------------
# Cached data (never cached maps: streamlit-folium rewrites a map object it is given)
# ---------------------------------------------------------------------------


@st.cache_resource
def _asset_urls() -> Callable[[Path], str]:
    return served_asset_urls()


def _stories_fingerprint(root: Path) -> tuple[tuple[bytes, float], ...]:
    """Changes when a story file changes, so edits show up without a restart."""
    # Paths as bytes: a folder name that is not UTF-8 must not break the cache's hashing.
    return tuple(
        sorted((os.fsencode(p), p.stat().st_mtime) for p in root.glob("*/*") if p.is_file())
    )


@st.cache_resource(show_spinner=False, max_entries=4)
def _stories(root: str, fingerprint: tuple) -> StoryListing:
    return load_stories(root)


@st.cache_resource(show_spinner=False, max_entries=32)
def _payload(slug: str, lang: Lang, embed: bool, fingerprint: tuple) -> dict:
    story = _stories(str(STORIES_DIR), fingerprint).stories[slug]
    payload = map_payload(
        story,
        lang,
        show_title=embed,
        # the map shows a clicked feature's card at once, in the browser; the side panel
        # follows after the fragment's run (a click answered by the server alone waits
        # for streamlit-folium's debounce and a round trip)
        details_in_map="always",
        keep_url=True,
        fill_frame=embed,
        tiles=settings.page_tiles(),
    )
    # the ground read for the first map stays for the life of the process
    freeze_long_lived()
    return payload


@st.cache_resource(show_spinner=False, max_entries=32)
def _payload_script(slug: str, lang: Lang, embed: bool, fingerprint: tuple) -> str:
    """The map's data as the script it is sent in: encoded once, not on every click."""
    return script_json(_payload(slug, lang, embed, fingerprint))


@st.cache_resource(show_spinner=False, max_entries=32)  # shared, never changed: no copies
def _event_cells(
    slug: str, lang: Lang, start: dt.date, end: dt.date, fingerprint: tuple
) -> tuple[dict, str]:
    """The event pyramid and its summary for a period: computed once per period."""
    layer = _stories(str(STORIES_DIR), fingerprint).stories[slug].event_layer
    chosen = layer.between(start, end)
    return cell_pyramid(chosen), event_summary(chosen, lang)


@st.cache_data(show_spinner=False, max_entries=64)
def _export_file(slug: str, lang: Lang, fmt: str, fingerprint: tuple) -> ExportResult:
    """A failed export is cached too: the next click says why instead of trying again."""
    story = _stories(str(STORIES_DIR), fingerprint).stories[slug]
    return export_result(story, fmt, lang)


# ---------------------------------------------------------------------------
# State: one ViewState in the session, mirrored into the URL. Widgets change it in
# callbacks, which run before the script, so the page is drawn once per interaction.
# ---------------------------------------------------------------------------


def _state(listing: StoryListing) -> ViewState:
    slugs = sorted(set(listing.stories) | set(listing.broken))
    if "view_state" not in st.session_state:
        params = st.query_params.to_dict()
        landing = listing.landing(settings.default_story())
        state = parse_params(params, slugs, default=landing)
        if params.get("story") and params["story"] not in slugs:
            # A link to a story readers cannot see: gone, never there, or a draft. Each
            # gets the same "no such map", so a link says nothing about drafts.
            state = replace(state, story=None)
        st.session_state.view_state = state
    return st.session_state.view_state


def _update(**changes) -> ViewState:
    new = replace(st.session_state.view_state, **changes)
    st.session_state.view_state = new
    st.query_params.from_dict(new.to_params())
    return new


def _move_map(target: dict | None) -> None:
    """Ask the map to show `target` ({"feature": id}, {"view": id} or {"at": [lat, lon,
    zoom]}) on its next draw. A new number, so the same target asked again still moves
    a map the reader has panned away since."""
    seq = st.session_state.get("map_move", {}).get("seq", 0) + 1
    st.session_state.map_move = {"seq": seq, "target": target}


def _first_target(state: ViewState) -> dict | None:
    """What a link shows when it opens: its view, else its place, else the default."""
    if state.at:
        return {"at": list(state.at)}
    if state.view:
        return {"view": state.view}
    if state.feature:
        return {"feature": state.feature}
    return None


def _select_feature(story: Story, feature_id: str | None, show_details: bool = False) -> None:
    if feature_id:
        _update(feature=feature_id, **({"tab": "details"} if show_details else {}))
        _move_map({"feature": feature_id})


def _select_event(story: Story, event_id: str) -> None:
    event = next(e for e in story.events if e.id == event_id)
    _update(event=event_id)
    if event.feature:
        _select_feature(story, event.feature)
    else:  # a step with no place: the place of the step before is no longer the subject
        _update(feature=None)


def _map_clicked(story: Story, key: str) -> None:
    """A feature clicked on the map: its details in the side panel; a named view chosen
    on the map: no place chosen any more. The map shows either already, so it does not
    move."""
    drawing = (st.session_state.get(key) or {}).get("last_active_drawing") or {}
    properties = drawing.get("properties") or {}
    clicked = properties.get("id")
    if clicked in {f.id for f in story.features}:
        _update(feature=clicked, tab="details")
    elif properties.get("view") in {v.id for v in story.views}:  # a view button
        st.session_state.view_state = st.session_state.view_state.showing_view(properties["view"])
        _update()


# ---------------------------------------------------------------------------
# Page parts
# ---------------------------------------------------------------------------


def _controls(state: ViewState, listing: StoryListing) -> None:
    slugs = sorted(set(listing.stories) | set(listing.broken))
    # a choice when there is one, or when the link named no story a reader can see
    several = len(slugs) > 1 or (state.story is None and bool(slugs))
    lang_box, story_box = st.container(), (st.container() if several else None)
    lang_box.segmented_control(
        text("ui.language", state.lang),
        label_visibility="collapsed",
        options=list(LANGS),
        format_func=LANG_NAMES.__getitem__,
        default=state.lang,
        key="lang_control",
        on_change=lambda: _update(lang=st.session_state.lang_control or state.lang),
    )
    if story_box is None:
        return

    def story_label(slug: str) -> str:
        loaded = listing.stories.get(slug)
        return loaded.title[state.lang] if loaded else f"{slug} \u26a0"

    def choose_story() -> None:
        _update(story=st.session_state.story_control, feature=None, event=None, view=None, at=None)
        _move_map(None)

    story_box.selectbox(
        text("ui.story", state.lang),
        slugs,
        index=slugs.index(state.story) if state.story in slugs else None,
        format_func=story_label,
        key="story_control",
        on_change=choose_story,
    )


def _events_key(story: Story) -> str:
    return f"events-range-{story.slug}"


def _events(story: Story, state: ViewState, fingerprint: tuple) -> list[folium.FeatureGroup]:
    """The event cells of the chosen period, sent to the map without rebuilding it."""
    layer = story.event_layer
    if layer is None:
        return []
    start, end = st.session_state.get(_events_key(story), (layer.first_date, layer.last_date))
    cells, summary = _event_cells(story.slug, state.lang, start, end, fingerprint)
    group = folium.FeatureGroup(name="events", control=False)
    EventCells(cells, summary).add_to(group)
    return [group]


def _events_period(state: ViewState, story: Story, fingerprint: tuple) -> None:
    layer = story.event_layer
    if layer is None:
        return
    if layer.first_date == layer.last_date:  # one day: nothing to choose (a slider fails)
        day = layer.first_date
        st.caption(_event_cells(story.slug, state.lang, day, day, fingerprint)[1])
        return
    start, end = st.slider(
        text("ui.events.range", state.lang),
        min_value=layer.first_date,
        max_value=layer.last_date,
        value=(layer.first_date, layer.last_date),
        format="YYYY-MM-DD",
        key=_events_key(story),
    )
    st.caption(_event_cells(story.slug, state.lang, start, end, fingerprint)[1])


def _map(state: ViewState, story: Story, fingerprint: tuple) -> None:
    payload = _payload(story.slug, state.lang, state.embed, fingerprint)
    script = _payload_script(story.slug, state.lang, state.embed, fingerprint)
    folium_map = build_map(story, state.lang, payload=payload, payload_script=script)
    tiles = payload.get("tiles")
    serve_assets(folium_map, _asset_urls(), street=bool(tiles) and tiles["kind"] == "pmtiles")
    if "map_move" not in st.session_state:
        st.session_state.map_move = {"seq": 0, "target": _first_target(state)}
    move = st.session_state.map_move
    follow = folium.FeatureGroup(name="follow", control=False)
    MapFollow(state.feature, move["seq"], move["target"]).add_to(follow)
    key = f"map-{story.slug}-{state.lang}-{int(state.embed)}"
    st_folium(
        folium_map,
        key=key,
        height=MAP_HEIGHT,
        use_container_width=True,
        # Only feature clicks come back: pan and zoom never rerun the script. (Not the click
        # count either: its default differs from the frontend's first value, which would
        # cost every page load a second script run.)
        returned_objects=["last_active_drawing"],
        # read in a callback, before the page is drawn, so the map and the side panel
        # show the click at once
        on_change=lambda: _map_clicked(story, key),
        feature_group_to_add=[follow, *_events(story, state, fingerprint)],
    )


def _details(state: ViewState, story: Story) -> None:
    if state.feature:
        st.html(cards.details_card(story, state.feature, state.lang))
    else:
        st.caption(text("ui.details.empty", state.lang))


def _figures(state: ViewState, story: Story) -> None:
    for figure in story.figures:
        st.html(cards.figure_card(story, figure, state.lang))
        if figure.feature:
            st.button(
                text("ui.figures.show", state.lang),
                key=f"show-{figure.id}",
                on_click=_select_feature,
                args=(story, figure.feature, True),
            )


def _timeline(state: ViewState, story: Story) -> None:
    if not story.events:
        return
    ids = [e.id for e in story.events]
    by_id = {e.id: e for e in story.events}
    key = f"timeline-{story.slug}"
    if st.session_state.get(key) not in by_id:
        st.session_state[key] = state.event or ids[0]
    elif state.event and st.session_state[key] != state.event:
        st.session_state[key] = state.event

    def label(event_id: str) -> str:
        event = by_id[event_id]
        later = f" ({text('hindsight.short', state.lang)})" if event.hindsight else ""
        return f"{event_date(event, state.lang)}{later}"

    def step(delta: int) -> None:
        index = ids.index(st.session_state[key]) + delta
        st.session_state[key] = ids[max(0, min(index, len(ids) - 1))]
        _select_event(story, st.session_state[key])

    st.select_slider(
        text("ui.timeline.choose", state.lang),
        options=ids,
        format_func=label,
        key=key,
        on_change=lambda: _select_event(story, st.session_state[key]),
    )
    index = ids.index(st.session_state[key])
    back, forward = st.columns(2)
    back.button(
        "\u2190 " + text("ui.timeline.previous", state.lang),
        disabled=index == 0,
        key="timeline-back",
        on_click=step,
        args=(-1,),
        use_container_width=True,
    )
    forward.button(
        text("ui.timeline.next", state.lang) + " \u2192",
        disabled=index == len(ids) - 1,
        key="timeline-forward",
        on_click=step,
        args=(1,),
        use_container_width=True,
    )
    st.html(cards.event_card(story, by_id[st.session_state[key]], state.lang))


def _explore(state: ViewState, story: Story) -> None:
    lang = state.lang
    names = {f.id: f.name[lang] for f in story.features}
    options = [None, *names]

    def label(feature_id: str | None) -> str:
        return text("ui.none", lang) if feature_id is None else names[feature_id]

    st.selectbox(
        text("ui.explore.jump", lang),
        options,
        format_func=label,
        key="jump",
        on_change=lambda: _select_feature(story, st.session_state.jump, True),
    )
    first, second = st.columns(2)
    start = first.selectbox(text("ui.explore.from", lang), options, format_func=label, key="d1")
    end = second.selectbox(text("ui.explore.to", lang), options, format_func=label, key="d2")
    if start and end:
        a = story.feature(start).geometry.representative_point()
        b = story.feature(end).geometry.representative_point()
        km = geodesic_distance_km((a.x, a.y), (b.x, b.y))
        distance = f"{format_number(round(km), lang)} km"
        st.html(cards.distance_card(names[start], names[end], distance, lang))


def _exports(state: ViewState, story: Story, fingerprint: tuple) -> None:
    lang = state.lang
    st.caption(text("ui.export.embed", lang))
    st.code(embed_snippet(story, lang), language="html")  # the code block has a copy button
    made_key = f"exports-{story.slug}-{lang}"
    if st.button(text("ui.export.make", lang), key="export-make", type="primary"):
        progress = st.progress(0.0)
        for done, fmt in enumerate(FORMATS):
            name = text(f"format.{fmt}", lang)
            progress.progress(done / len(FORMATS), text("ui.export.making", lang).format(name=name))
            _export_file(story.slug, lang, fmt, fingerprint)
        progress.progress(1.0, text("ui.export.done", lang))
        st.session_state[made_key] = True
    if st.session_state.get(made_key):
        for fmt in FORMATS:
            name = text(f"format.{fmt}", lang)
            made = _export_file(story.slug, lang, fmt, fingerprint)
            if made.content is None:
                failed = text("ui.export.failed", lang).format(name=name, reason=made.failure)
                st.warning(markdown_text(failed))
                continue
            st.download_button(
                text("ui.export.download", lang).format(name=name),
                data=made.content,
                file_name=export_file_name(story, lang, fmt),
                mime=EXPORT_FORMATS[fmt].mime_type,
                key=f"download-{fmt}",
                on_click="ignore",
            )


def _side_panel(state: ViewState, story: Story, fingerprint: tuple) -> None:
    # Only the open tab is drawn: less for the browser to render before the map is ready.
    panels = {
        "details": lambda: _details(state, story),
        "figures": lambda: _figures(state, story),
        "timeline": lambda: _timeline(state, story),
        "explore": lambda: _explore(state, story),
        "export": lambda: _exports(state, story, fingerprint),
    }
    labels = {tab: text(TAB_TEXTS[tab], state.lang) for tab in TABS}
    # The open tab is the one in the URL: it stays open while the reader steps through
    # the timeline, changes language or clicks the map (which opens the details).
    st.session_state[PANEL_KEY] = labels[state.tab]

    def choose_tab() -> None:
        chosen = st.session_state[PANEL_KEY]
        _update(tab=next(tab for tab, label in labels.items() if label == chosen))

    tabs = st.tabs(list(labels.values()), key=PANEL_KEY, on_change=choose_tab)
    for tab, draw in zip(tabs, panels.values(), strict=True):
        if tab.open:
            with tab:
                draw()


@st.fragment
def _map_and_panel(story: Story, fingerprint: tuple) -> None:
    """The map and the side panel, the only parts a click on the map, a tab, a timeline
    step, a "show on the map" or the events' period change: these rerun this alone, not
    the page (its header, controls and notes stay as they are). Language and story are
    chosen outside it and rerun the whole page."""
    # A fragment's rerun gets the arguments of the last whole run: the state it shows is
    # read from the session, where the callbacks of this interaction have just put it.
    state = st.session_state.view_state.within(story)
    map_column, side_column = st.columns([3, 2], gap="medium")
    with map_column:
        _map(state, story, fingerprint)
        st.caption(text("ui.map.help", state.lang))
        _events_period(state, story, fingerprint)
    with side_column:
        _side_panel(state, story, fingerprint)


# ---------------------------------------------------------------------------
# The page, top to bottom
# ---------------------------------------------------------------------------

no_address_lookups()  # also when started as `streamlit run dashboard/ui/page.py`
st.set_page_config(page_title="Lagekarte", page_icon="\U0001f5fa", layout="wide")
_asset_urls()

fingerprint = _stories_fingerprint(STORIES_DIR)
# Readers never see a draft: not in the list, not by its link (the editor reviews drafts).
listing = _stories(str(STORIES_DIR), fingerprint).published_only()
state = _state(listing)
story = listing.stories.get(state.story) if state.story else None

if editor_page.requested():  # only in editor mode, whatever the URL says
    saved = editor_page.render(state.lang, STORIES_DIR, _asset_urls())
    if saved:  # open the new story
        for key in ("view_state", "map_move"):
            st.session_state.pop(key, None)
        st.query_params.from_dict({"story": saved, "lang": state.lang})
        st.rerun()
    st.stop()

if state.embed and story is not None:
    st.html(cards.EMBED_STYLE)  # the map fills the frame; its credit line is on the map
    _map(state.within(story), story, fingerprint)
    st.stop()

st.html(cards.PAGE_STYLE)
title_slot, controls_slot = st.columns([5, 1], vertical_alignment="top")
if story is None:
    with controls_slot:
        _controls(state, listing)
        editor_page.entry_button(state.lang)
    if state.story in listing.broken:
        problems = listing.broken[state.story]
        st.html(cards.error_card(state.story, problems, state.lang, root=SHOWN_FROM))
    elif listing.stories or listing.broken:
        st.info(text("ui.not_found", state.lang))
    else:
        st.info(text("ui.no_stories", state.lang))
    st.stop()

state = state.within(story)
# The map is drawn first, into its place further down the page, so that its frame starts
# loading before the rest of the page has been sent.
_map_and_panel(story, fingerprint)
with controls_slot:
    _controls(state, listing)
    editor_page.entry_button(state.lang)
with title_slot:
    st.html(cards.header_card(story, state.lang))
    if state.lang not in story.languages:  # a story written in its article's language only
        st.info(text(f"story.only_{story.language}", state.lang))
st.caption(text("ui.share.help", state.lang))
# Gazetteer ids, software and addresses: for the curious reader, apart from the sources.
with st.expander(text("how_made", state.lang)):
    st.html(cards.how_made_card(story, state.lang))
