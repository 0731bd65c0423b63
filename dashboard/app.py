"""The Lagekarte dashboard: one story as a map with key figures, timeline and details.

Run from the repository root: `streamlit run dashboard/app.py`.
The page only lays out and wires widgets; stories, maps and cards come from the core
modules. The map reruns the script only on a click on a feature (never on pan or zoom)
and keeps its view: changes reach it as centre, zoom and a highlight layer.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import replace
from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # `streamlit run dashboard/app.py` puts only dashboard/ there
    sys.path.insert(0, str(REPO))

from dashboard import cards  # noqa: E402
from dashboard.assets import copy_assets, serve_assets  # noqa: E402
from dashboard.escape import markdown_text  # noqa: E402
from dashboard.eventlayer import cell_pyramid, event_summary  # noqa: E402
from dashboard.export import (  # noqa: E402
    EXPORT_FORMATS,
    FORMATS,
    ExportResult,
    embed_snippet,
    export_file_name,
    export_result,
)
from dashboard.geometry import geodesic_distance_km  # noqa: E402
from dashboard.i18n import LANGS, Lang, format_number, text  # noqa: E402
from dashboard.maps import EventCells, build_map, focus_on, map_payload, view_focus  # noqa: E402
from dashboard.model import Story, StoryListing  # noqa: E402
from dashboard.palette import PALETTE  # noqa: E402
from dashboard.story import load_stories  # noqa: E402
from dashboard.viewstate import ViewState, parse_params  # noqa: E402
from dashboard.wording import event_date  # noqa: E402

# Another folder of stories can be given for a newsroom's own stories (and for tests).
STORIES_DIR = Path(os.environ.get("LAGEKARTE_STORIES", REPO / "geodata" / "stories"))
STATIC_VENDOR = Path(__file__).resolve().parent / "static" / "vendor"
VENDOR_URL = "/app/static/vendor"
MAP_HEIGHT = 540
MAP_WIDTH_GUESS = 760  # for choosing zooms; the map fills its column
LANG_NAMES: dict[Lang, str] = {"de": "Deutsch", "en": "English"}
PANEL_KEY = "side_panel"


# ---------------------------------------------------------------------------
# Cached data (never cached maps: streamlit-folium rewrites a map object it is given)
# ---------------------------------------------------------------------------


@st.cache_resource
def _vendor_assets() -> None:
    copy_assets(STATIC_VENDOR)


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
    return map_payload(story, lang, show_title=embed, collapse_layers=embed)


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
        st.session_state.view_state = parse_params(st.query_params.to_dict(), slugs)
    return st.session_state.view_state


def _update(**changes) -> ViewState:
    new = replace(st.session_state.view_state, **changes)
    st.session_state.view_state = new
    st.query_params.from_dict(new.to_params())
    return new


def _focus(center: tuple[float, float], zoom: int) -> None:
    """Move the map (without rebuilding it) on the next draw."""
    st.session_state.map_focus = (center, zoom)


def _select_feature(story: Story, feature_id: str | None, show_details: bool = False) -> None:
    state = _update(feature=feature_id)
    if feature_id:
        _focus(*focus_on(story, feature_id, MAP_WIDTH_GUESS, MAP_HEIGHT))
        if show_details:
            st.session_state[PANEL_KEY] = text("ui.details", state.lang)


def _select_event(story: Story, event_id: str) -> None:
    event = next(e for e in story.events if e.id == event_id)
    _update(event=event_id)
    if event.feature:
        _select_feature(story, event.feature)


# ---------------------------------------------------------------------------
# Page parts
# ---------------------------------------------------------------------------


def _controls(state: ViewState, listing: StoryListing) -> None:
    slugs = sorted(set(listing.stories) | set(listing.broken))
    several = len(slugs) > 1
    lang_box, story_box = st.columns([1, 3]) if several else (st.container(), None)
    lang_box.segmented_control(
        text("ui.language", state.lang),
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
        _update(story=st.session_state.story_control, feature=None, event=None, view=None)
        st.session_state.pop("map_focus", None)

    story_box.selectbox(
        text("ui.story", state.lang),
        slugs,
        index=slugs.index(state.story) if state.story in slugs else 0,
        format_func=story_label,
        key="story_control",
        on_change=choose_story,
    )


def _view_picker(state: ViewState, story: Story) -> None:
    if len(story.views) < 2:
        return
    names = {v.id: v.name[state.lang] for v in story.views}
    key = f"view_control_{story.slug}"

    def choose_view() -> None:
        chosen = st.session_state[key] or story.views[0].id
        _update(view=chosen)
        _focus(*view_focus(story, chosen, MAP_WIDTH_GUESS, MAP_HEIGHT))

    st.segmented_control(
        text("ui.view", state.lang),
        options=list(names),
        format_func=lambda view_id: markdown_text(names[view_id]),  # options are Markdown
        default=state.view or story.views[0].id,
        key=key,
        on_change=choose_view,
    )


def _highlight(story: Story, feature_id: str | None) -> folium.FeatureGroup:
    """The chosen feature's outline, added without rebuilding the map. No text in it."""
    group = folium.FeatureGroup(name="highlight", control=False)
    if feature_id is None:
        return group
    geometry = story.feature(feature_id).geometry
    if geometry.geom_type == "Point":
        folium.CircleMarker(
            [geometry.y, geometry.x], radius=16, color=PALETTE["highlight"], weight=3, fill=False,
            interactive=False,
        ).add_to(group)  # fmt: skip
    else:
        folium.GeoJson(
            geometry.__geo_interface__,
            style_function=lambda _: {
                "color": PALETTE["highlight"],
                "weight": 5,
                "fillOpacity": 0.05,
            },
            interactive=False,
        ).add_to(group)
    return group


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
    start, end = st.slider(
        text("ui.events.range", state.lang),
        min_value=layer.first_date,
        max_value=layer.last_date,
        value=(layer.first_date, layer.last_date),
        format="YYYY-MM-DD",
        key=_events_key(story),
    )
    st.caption(_event_cells(story.slug, state.lang, start, end, fingerprint)[1])


def _map(state: ViewState, story: Story, fingerprint: tuple) -> ViewState:
    payload = _payload(story.slug, state.lang, state.embed, fingerprint)
    folium_map = build_map(story, state.lang, payload=payload)
    serve_assets(folium_map, VENDOR_URL)
    if "map_focus" not in st.session_state:  # a link's view, or its place, on first draw
        if state.view:
            _focus(*view_focus(story, state.view, MAP_WIDTH_GUESS, MAP_HEIGHT))
        elif state.feature:
            _focus(*focus_on(story, state.feature, MAP_WIDTH_GUESS, MAP_HEIGHT))
    center, zoom = st.session_state.get("map_focus", (None, None))
    result = st_folium(
        folium_map,
        key=f"map-{story.slug}-{state.lang}-{int(state.embed)}",
        height=MAP_HEIGHT,
        use_container_width=True,
        # Only feature clicks come back: pan and zoom never rerun the script. (Not the click
        # count either: its default differs from the frontend's first value, which would
        # cost every page load a second script run.)
        returned_objects=["last_active_drawing"],
        center=center,
        zoom=zoom,
        feature_group_to_add=[
            _highlight(story, state.feature),
            *_events(story, state, fingerprint),
        ],
    )
    # A click sends the clicked feature; the same feature clicked twice sends nothing new.
    drawing = (result or {}).get("last_active_drawing") or {}
    clicked = (drawing.get("properties") or {}).get("id")
    if clicked and clicked != st.session_state.get("last_click"):
        st.session_state.last_click = clicked
        if clicked in {f.id for f in story.features}:
            state = _update(feature=clicked)
    return state


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
        "\u2190 " + text("ui.timeline.previous", state.lang), disabled=index == 0,
        key="timeline-back", on_click=step, args=(-1,), use_container_width=True,
    )  # fmt: skip
    forward.button(
        text("ui.timeline.next", state.lang) + " \u2192", disabled=index == len(ids) - 1,
        key="timeline-forward", on_click=step, args=(1,), use_container_width=True,
    )  # fmt: skip
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
        km = geodesic_distance_km(a.y, a.x, b.y, b.x)
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


# ---------------------------------------------------------------------------
# The page, top to bottom
# ---------------------------------------------------------------------------

st.set_page_config(page_title="Lagekarte", page_icon="\U0001f5fa", layout="wide")
_vendor_assets()

fingerprint = _stories_fingerprint(STORIES_DIR)
listing = _stories(str(STORIES_DIR), fingerprint)
state = _state(listing)
story = listing.stories.get(state.story) if state.story else None

if state.embed and story is not None:
    _map(state.within(story), story, fingerprint)
    st.html(cards.credit_line(story, state.lang))
    st.stop()

controls_slot = st.container()
if story is None:
    with controls_slot:
        _controls(state, listing)
    if state.story in listing.broken:
        problems = listing.broken[state.story]
        st.html(cards.error_card(state.story, problems, state.lang, root=f"{REPO}/"))
    else:
        st.info(text("ui.no_stories", state.lang))
    st.stop()

state = state.within(story)
header_slot = st.container()
map_column, side_column = st.columns([3, 2], gap="medium")
# The map is drawn first, into its place further down the page, so that its frame starts
# loading before the rest of the page has been sent.
with map_column:
    state = _map(state, story, fingerprint)
    st.caption(text("ui.map.help", state.lang))
with controls_slot:
    _controls(state, listing)
    st.html(cards.STYLE)
with header_slot:
    st.html(cards.header_card(story, state.lang))
    _view_picker(state, story)
    _events_period(state, story, fingerprint)
with side_column:
    # Only the open tab is drawn: less for the browser to render before the map is ready.
    panels = {
        "ui.details": lambda: _details(state, story),
        "figures": lambda: _figures(state, story),
        "timeline": lambda: _timeline(state, story),
        "ui.explore": lambda: _explore(state, story),
        "ui.export": lambda: _exports(state, story, fingerprint),
    }
    labels = [text(k, state.lang) for k in panels]
    # A link to an event opens the timeline; otherwise the details come first.
    first = labels[2] if state.event and not state.feature else labels[0]
    tabs = st.tabs(labels, key=PANEL_KEY, on_change="rerun", default=first)
    for tab, draw in zip(tabs, panels.values(), strict=True):
        if tab.open:
            with tab:
                draw()

st.caption(text("ui.share.help", state.lang))
# Gazetteer ids, software and addresses: for the curious reader, apart from the sources.
with st.expander(text("how_made", state.lang)):
    st.html(cards.how_made_card(story, state.lang))
