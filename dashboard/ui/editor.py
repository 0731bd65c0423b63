"""The editor page ("Neue Karte aus Artikel" / "New map from article"): paste or upload an
article, make a draft, review it on a map and in tables, save it as a draft in the
newsroom's folder, publish it after validation.

Only in editor mode (`python -m dashboard serve --editor`, or `settings.EDITOR` set to 1): a
public dashboard stays read-only and never shows this page, whatever its URL says. With
`settings.EDITOR_PASSWORD` set, the page asks for it first. The drafting (in a worker
process), writing and publishing are the core's; this module only lays out and wires,
in the page's language, naming no path of the server.
"""

from __future__ import annotations

import datetime as dt
import hmac
from collections.abc import Callable
from pathlib import Path
from typing import Any

import folium
import streamlit as st
from streamlit_folium import st_folium

from dashboard.core.escape import markdown_text
from dashboard.core.i18n import Lang, text
from dashboard.core.model import Problem
from dashboard.core.palette import PALETTE
from dashboard.core.resources import GEODATA_DIR, package_path
from dashboard.draft import Draft, DraftWriteError, write_story
from dashboard.draft.article import MAX_ARTICLE_BYTES, ArticleError
from dashboard.draft.publish import publish_story
from dashboard.draft.worker import DRAFT_TIME_LIMIT_SECONDS, DraftTimeoutError, draft_in_worker
from dashboard.draft.writer import preview_story, slug_for
from dashboard.reader.base_ground import ground_around
from dashboard.reader.fields import SLUG_PATTERN
from dashboard.reader.story import StoryError
from dashboard.render.assets import serve_assets
from dashboard.render.maps import MapFollow, build_map
from dashboard.ui import settings
from dashboard.ui.editor_tables import (
    note_text,
    review_dates,
    review_figures,
    review_places,
    reviewed,
)
from dashboard.ui.server import is_loopback

PAGE_PARAM = "page"
PAGE_VALUE = "editor"
MAP_HEIGHT = 420
DRAFT_KEY = "editor.draft"
MOVED_KEY = "editor.moved"
CLICK_KEY = "editor.last_click"
PROBLEMS_KEY = "editor.problems"
UNLOCKED_KEY = "editor.unlocked"
SAVED_KEY = "editor.saved"  # the name this session saved its draft under
NOTICE_KEY = "editor.notice"
# Longer than any news article; the draft of text this long still takes a second or two.
MAX_PASTE_CHARS = 100_000


def requested() -> bool:
    return settings.editor_enabled() and st.query_params.get(PAGE_PARAM) == PAGE_VALUE


def entry_button(lang: Lang) -> None:
    """The way into the editor, shown only in editor mode."""
    if settings.editor_enabled() and st.button(text("editor.open", lang), key="editor.open"):
        st.query_params[PAGE_PARAM] = PAGE_VALUE
        st.rerun()


def _publication_date(draft: Draft, lang: Lang) -> str | None:
    """The article's date, as found or as the journalist enters it: a draft without one
    is saved with `date_unknown = true` and cannot be published (never today's date)."""
    found = dt.date.fromisoformat(draft.published) if draft.published else None
    chosen = st.date_input(
        text("editor.published", lang),
        value=found,
        min_value=dt.date(1900, 1, 1),
        max_value=dt.date.today(),
        format="YYYY-MM-DD",
        key="editor.published",
    )
    if chosen is None:
        st.warning(text("editor.no_date", lang))
        return None
    return chosen.isoformat()


def _unlocked(lang: Lang) -> bool:
    """With an editor password set, the page asks for it once per browser session."""
    password = settings.editor_password()
    if not password:
        # `serve` refuses this already; a page started another way (streamlit run) on a
        # network address without a password shows no editor either. No address set means
        # Streamlit listens on every interface.
        if is_loopback(str(st.get_option("server.address") or "")):
            return True
        st.error(text("editor.needs_password", lang))
        return False
    if st.session_state.get(UNLOCKED_KEY):
        return True
    with st.form("editor.login", clear_on_submit=True):
        given = st.text_input(text("editor.password", lang), type="password", key="editor.pw")
        submitted = st.form_submit_button(text("editor.unlock", lang))
    if submitted:
        if hmac.compare_digest(given.encode("utf-8"), password.encode("utf-8")):
            st.session_state[UNLOCKED_KEY] = True
            st.rerun()
        st.error(text("editor.wrong_password", lang))
    return False


# ---------------------------------------------------------------------------
# Reading the article
# ---------------------------------------------------------------------------


def _article_input(lang: Lang) -> tuple[str | None, bool]:
    """(text, is_html) from the upload, else from the text area."""
    pasted = st.text_area(
        text("editor.paste", lang),
        height=220,
        max_chars=MAX_PASTE_CHARS,
        help=text("editor.paste_limit", lang).format(limit=f"{MAX_PASTE_CHARS:,}"),
        key="editor.text",
    )
    upload = st.file_uploader(
        text("editor.upload", lang),
        type=["txt", "html", "htm"],
        key="editor.upload",
        max_upload_size=max(1, MAX_ARTICLE_BYTES // 2**20),  # in MB; checked again below
    )
    if upload is not None:
        raw = upload.read(MAX_ARTICLE_BYTES + 1)  # limited by what is read
        if len(raw) > MAX_ARTICLE_BYTES:
            st.error(text("editor.too_big", lang).format(limit=MAX_ARTICLE_BYTES // 1024))
            return None, False
        try:
            content = raw.decode("utf-8")
        except UnicodeDecodeError:
            st.error(text("editor.not_utf8", lang))
            return None, False
        return content, upload.name.lower().endswith((".html", ".htm"))
    return (pasted or None), False


def _make_draft(content: str, is_html: bool, lang: Lang) -> None:
    """Drafted in a worker process with a time limit: the server keeps answering."""
    try:
        draft = draft_in_worker(content, is_html)
    except ArticleError:  # said in the page's language (the core words it in English)
        st.error(text("editor.no_article", lang))
        return
    except DraftTimeoutError:
        st.error(text("editor.too_slow", lang).format(seconds=f"{DRAFT_TIME_LIMIT_SECONDS:g}"))
        return
    st.session_state[DRAFT_KEY] = draft
    st.session_state[MOVED_KEY] = {}
    st.session_state.pop(PROBLEMS_KEY, None)
    st.session_state.pop(CLICK_KEY, None)
    st.session_state["editor.slug"] = slug_for(draft.headline)


# ---------------------------------------------------------------------------
# Review tables: the draft's items as rows; the journalist's edits are read back
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# The review map: the story as readers will see it, with the named ground around it; a
# click moves the chosen place
# ---------------------------------------------------------------------------


def _review_map(
    draft: Draft, selected: str | None, lang: Lang, asset_url: Callable[[Path], str]
) -> tuple[folium.Map, list[folium.FeatureGroup]]:
    """The dashboard's own map of the draft (names, named ground, the chosen place
    marked); a draft that does not validate yet is shown as numbered points."""
    try:
        story = preview_story(draft)
    except StoryError:
        return _points_map(draft, selected, asset_url), []
    folium_map = build_map(story, lang, show_title=False)
    serve_assets(folium_map, asset_url)
    follow = folium.FeatureGroup(name="follow", control=False)
    MapFollow(selected, 0, None).add_to(follow)
    return folium_map, [follow]


def _points_map(draft: Draft, selected: str | None, asset_url: Callable[[Path], str]) -> folium.Map:
    points = [p for p in draft.places if p.keep and p.kind != "country"]
    folium_map = folium.Map(tiles=None, zoom_control=True, world_copy_jump=True)
    serve_assets(folium_map, asset_url)
    land = {
        "fillColor": PALETTE["land"],
        "color": PALETTE["outline"],
        "weight": 0.5,
        "fillOpacity": 1,
    }
    near = [p.lon_lat for p in points if not p.distant] or [p.lon_lat for p in points]
    lats = [lat for _, lat in near] or [0.0]
    lons = [lon for lon, _ in near] or [0.0]
    for layer in ground_around((min(lons), min(lats), max(lons), max(lats))):
        folium.GeoJson(layer, style_function=lambda _: land).add_to(folium_map)
    for number, place in enumerate(draft.places, start=1):
        if place not in points:
            continue
        lon, lat = place.lon_lat
        folium.CircleMarker(
            (lat, lon),
            radius=9 if place.id == selected else 6,
            color=PALETTE["highlight"] if place.id == selected else PALETTE["place"],
            fill=True,
            fill_opacity=0.9,
            tooltip=str(number),  # a number only: names are the article's text
        ).add_to(folium_map)
    if near:
        folium_map.fit_bounds(
            [[min(lats) - 0.5, min(lons) - 0.5], [max(lats) + 0.5, max(lons) + 0.5]]
        )
    return folium_map


def _move_point(draft: Draft, lang: Lang, asset_url: Callable[[Path], str]) -> None:
    points = [p for p in draft.places if p.keep and p.kind != "country"]
    if not points:
        return
    # "Mossul (2)": the number is the table's and the map's tooltip
    names = {p.id: f"{p.name} ({draft.places.index(p) + 1})" for p in points}
    selected = st.selectbox(
        text("editor.move", lang),
        options=list(names),
        format_func=names.__getitem__,  # options are shown as plain text
        key="editor.selected",
    )
    folium_map, layers = _review_map(draft, selected, lang, asset_url)
    result = st_folium(
        folium_map,
        key="editor.map",
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=["last_clicked"],
        feature_group_to_add=layers or None,
    )
    for place in points:
        if place.moved_to:
            lon, lat = place.moved_to
            st.caption(
                markdown_text(
                    text("editor.moved", lang).format(name=names[place.id], lat=lat, lon=lon)
                )
            )
    click = (result or {}).get("last_clicked")
    if click and click != st.session_state.get(CLICK_KEY):
        st.session_state[CLICK_KEY] = click
        st.session_state[MOVED_KEY][selected] = (
            round(float(click["lng"]), 5),
            round(float(click["lat"]), 5),
        )
        st.rerun()


# ---------------------------------------------------------------------------
# Saving
# ---------------------------------------------------------------------------


def _problems_by_section(problems: list[Any]) -> dict[str, list[str]]:
    """Validation problems grouped by the table that holds their field."""
    sections: dict[str, list[str]] = {"places": [], "figures": [], "dates": [], "story": []}
    for problem in problems:
        where = str(problem.where)
        if where.startswith("feature"):
            section = "places"
        elif where.startswith("figure"):
            section = "figures"
        elif where.startswith("event"):
            section = "dates"
        else:
            section = "story"
        sections[section].append(problem_text(problem))
    return sections


def problem_text(problem: Problem) -> str:
    """A validation problem without its file: the page names no path of the server."""
    field = f": {problem.field}" if problem.field else ""
    return f"{problem.where}{field}: {problem.message}"


def story_target(stories_dir: Path, slug: str) -> Path | None:
    """The folder for `slug`, inside the stories folder; None for a name that is not a
    slug (one path part: `../x`, `/x` and `a/b` are not)."""
    if not SLUG_PATTERN.match(slug):
        return None
    root = stories_dir.resolve()  # the configured folder; below it, one plain name
    target = root / slug
    return target if target.parent == root else None


def newsroom_folder(stories_dir: Path) -> Path | None:
    """The folder the editor saves into; None when it is inside the installed package
    (its bundled stories are only ever read: a newsroom gives its own folder)."""
    folder = stories_dir.resolve()
    for package in (package_path("dashboard").resolve(), GEODATA_DIR.resolve()):
        if folder == package or folder.is_relative_to(package):
            return None
    return folder


def _write_error(error: DraftWriteError, lang: Lang) -> str:
    """The refusal in the page's language, naming no server path and no flag."""
    return text(f"editor.refused.{error.reason or 'other'}", lang)


def _write_draft(draft: Draft, target: Path, lang: Lang) -> bool:
    """Save the draft (readers do not see a draft); False when refused, with the reasons
    kept for the next run. The session's own draft is saved again over itself; a draft
    that does not validate is kept as a draft, its problems shown under the tables."""
    own = st.session_state.get(SAVED_KEY) == target.name
    try:
        write_story(draft, target, force=own)
    except DraftWriteError as error:
        problems = _problems_by_section(error.problems)
        problems["slug"] = [_write_error(error, lang)]
        st.session_state[PROBLEMS_KEY] = problems
        if error.folder is not None:
            st.session_state[SAVED_KEY] = target.name
        return False
    except OSError:  # a folder that cannot be written: said without its path
        st.session_state[PROBLEMS_KEY] = {"slug": [text("editor.refused.other", lang)]}
        return False
    st.session_state[SAVED_KEY] = target.name
    st.session_state.pop(PROBLEMS_KEY, None)
    return True


def _save(draft: Draft, stories_dir: Path, lang: Lang) -> str | None:
    """Save as a draft, or save and publish (after validation); the slug of the story
    when it was published. A problem is kept for the next run, shown under its table."""
    slug = st.text_input(text("editor.slug", lang), key="editor.slug", max_chars=64).strip()
    _show_problems("slug")
    if st.session_state.get(NOTICE_KEY):
        st.success(markdown_text(st.session_state[NOTICE_KEY]))
    save = st.button(text("editor.save", lang), key="editor.save")
    publish = st.button(text("editor.publish", lang), type="primary", key="editor.publish")
    if not (save or publish):
        return None
    st.session_state.pop(NOTICE_KEY, None)
    target = story_target(stories_dir, slug)
    if target is None:
        st.session_state[PROBLEMS_KEY] = {"slug": [text("editor.refused.slug", lang)]}
        st.rerun()
    if not _write_draft(draft, target, lang):
        st.rerun()
    if save:
        st.session_state[NOTICE_KEY] = text("editor.saved", lang).format(slug=slug)
        st.rerun()
    problems = publish_story(target.parent, slug)
    if problems:
        refused = {**_problems_by_section(problems), "slug": [text("editor.unpublished", lang)]}
        st.session_state[PROBLEMS_KEY] = refused
        st.rerun()
    for key in (DRAFT_KEY, PROBLEMS_KEY, MOVED_KEY, CLICK_KEY, SAVED_KEY, NOTICE_KEY):
        st.session_state.pop(key, None)
    return slug


def _show_problems(section: str) -> None:
    for problem in st.session_state.get(PROBLEMS_KEY, {}).get(section, []):
        st.error(markdown_text(problem))


def render(lang: Lang, stories_dir: Path, asset_url: Callable[[Path], str]) -> str | None:
    """The whole editor page; the slug of the story it published, if it published one.
    `asset_url` gives the address at which the server offers Leaflet's files."""
    st.title(text("editor.title", lang))
    if st.button(text("editor.back", lang), key="editor.back"):
        st.query_params.pop(PAGE_PARAM, None)
        st.rerun()
    if not _unlocked(lang):
        return None
    content, is_html = _article_input(lang)
    if st.button(text("editor.make", lang), disabled=not content, key="editor.make") and content:
        _make_draft(content, is_html, lang)
    draft: Draft | None = st.session_state.get(DRAFT_KEY)
    if draft is None:
        st.info(text("editor.start", lang))
        return None
    st.subheader(markdown_text(draft.headline))
    st.caption(
        text("editor.found", lang).format(
            places=len(draft.places),
            figures=len(draft.figures),
            dates=len(draft.dates),
            date=draft.published or "?",
        )
    )
    for note in draft.notes:
        st.warning(markdown_text(note_text(note, lang)))
    _show_problems("story")
    st.markdown(f"#### {text('editor.places', lang)}")
    places = review_places(draft, lang)
    _show_problems("places")
    st.markdown(f"#### {text('editor.figures', lang)}")
    figures = review_figures(draft, lang)
    _show_problems("figures")
    st.markdown(f"#### {text('editor.dates', lang)}")
    dates = review_dates(draft, lang)
    _show_problems("dates")
    moved = st.session_state.get(MOVED_KEY, {})
    edited = reviewed(draft, places, figures, dates, moved, lang)
    edited.published = _publication_date(draft, lang)
    st.markdown(f"#### {text('editor.map', lang)}")
    _move_point(edited, lang, asset_url)
    if newsroom_folder(stories_dir) is None:
        st.error(text("editor.no_newsroom", lang))
        return None
    return _save(edited, stories_dir, lang)
