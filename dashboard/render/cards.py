"""HTML cards of the dashboard page: header, figures, details, timeline event, how the map
was made, error.

Built with Jinja's autoescaping (markupsafe), so story text is always shown as text.
Pure functions of the story: the page only places the returned HTML.
"""

from __future__ import annotations

import re

from dashboard.core.i18n import Lang
from dashboard.core.model import Event, Figure, Problem, Story
from dashboard.core.palette import PALETTE
from dashboard.core.wording import (
    day_text,
    event_date,
    feature_details,
    figure_meta_text,
    figure_value_text,
    how_made,
    quote_note,
    source_line,
    sources_line,
)
from dashboard.render.maps import SIDE_PANEL_MIN_WIDTH_PX
from dashboard.render.templates import template

_CARD_STYLE = """<style>
.lk-card { border: 1px solid {cardEdge}; border-radius: 6px; padding: 10px 14px; margin: 0 0 10px;
  background: {paper}; color: {text}; overflow-wrap: anywhere; }
.lk-card h1 { font-size: 1.7rem; margin: 0 0 .3rem; line-height: 1.2; }
.lk-card h3 { font-size: 1.05rem; margin: 0 0 .3rem; }
.lk-card p { margin: .25rem 0; }
.lk-meta { font-size: .85rem; color: {textSoft}; }
.lk-value { font-size: 1.35rem; font-weight: 700; }
.lk-badge { display: inline-block; font-size: .8rem; padding: 1px 7px; border-radius: 10px;
  background: {badge}; margin-right: 4px; }
.lk-badge-hindsight { background: {badgeHindsight}; }
.lk-badge-estimate { background: {badgeEstimate}; }
.lk-quote { margin: .4rem 0; padding-left: .6rem; border-left: 3px solid {accent};
  font-style: italic; }
.lk-error { border-color: {accent}; background: {errorBack}; }
.lk-error li { font-family: ui-monospace, monospace; font-size: .85rem; }
.lk-header { border: none; padding: 0; background: none; margin: 0; }
.lk-header h1 { font-size: 1.55rem; }
</style>"""


def _filled(style: str) -> str:
    """A style with the palette's colours and the narrow page's width put in ({name})."""
    values = {
        **PALETTE,
        "narrow": str(SIDE_PANEL_MIN_WIDTH_PX),
        "wide": str(SIDE_PANEL_MIN_WIDTH_PX + 1),
    }
    return re.sub(r"\{(\w+)\}", lambda match: values[match.group(1)], style)


STYLE = _filled(_CARD_STYLE)
# The page: the map above the fold. Streamlit's header bar and its blank band go; the
# summary folds away on a phone, so the map starts high on the first screen.
PAGE_STYLE = _filled(
    _CARD_STYLE.replace(
        "</style>",
        """[data-testid="stHeader"] { display: none; }
[data-testid="stMainBlockContainer"] { padding-top: 1rem; padding-bottom: 2rem; }
.lk-summary-narrow summary { cursor: pointer; font-size: .9rem; color: {textSoft}; }
@media (max-width: {narrow}px) {
  [data-testid="stMainBlockContainer"] { padding-top: .5rem; }
  .lk-header h1 { font-size: 1.3rem; }
  .lk-summary-wide, .lk-header-credit { display: none; }  /* the map carries the credit */
}
@media (min-width: {wide}px) { .lk-summary-narrow { display: none; } }
</style>""",
    )
)

# `?mode=embed`: nothing but the map, as high as the frame it is shown in.
EMBED_STYLE = """<style>
[data-testid="stHeader"] { display: none; }
[data-testid="stMainBlockContainer"] { padding: 0; max-width: none; }
[data-testid="stMain"], .stApp { overflow: hidden; }
iframe[title="streamlit_folium.st_folium"] { height: 100vh !important; display: block; }
</style>"""

_HEADER = template("card_header.html")

_FIGURE = template("card_figure.html")

_DETAILS = template("card_details.html")

_EVENT = template("card_event.html")

_HOW_MADE = template("card_how_made.html")

_ERROR = template("card_error.html")


_DISTANCE = template("card_distance.html")


def distance_card(start: str, end: str, distance: str, lang: Lang) -> str:
    return _DISTANCE.render(start=start, end=end, distance=distance, lang=lang)


def header_card(story: Story, lang: Lang) -> str:
    return _HEADER.render(
        story=story,
        lang=lang,
        published=day_text(story.published, lang),
        as_of=day_text(story.as_of, lang),
        source=source_line(story, lang, dated=False),
    )


def figure_card(story: Story, figure: Figure, lang: Lang) -> str:
    return _FIGURE.render(
        figure=figure,
        lang=lang,
        value=figure_value_text(figure, lang),
        meta=figure_meta_text(story, figure, lang),
        note=quote_note(story, lang),
    )


def details_card(story: Story, feature_id: str, lang: Lang) -> str:
    feature = story.feature(feature_id)
    events = [
        (event_date(e, lang), e.title[lang], e.hindsight) for e in story.events_of(feature_id)
    ]
    return _DETAILS.render(
        feature_id=feature_id,
        info=feature_details(story, feature, lang),
        events=events,
        lang=lang,
    )


def event_card(story: Story, event: Event, lang: Lang) -> str:
    place = story.feature(event.feature).name[lang] if event.feature else None
    return _EVENT.render(
        event=event,
        lang=lang,
        date=event_date(event, lang),
        place=place,
        note=quote_note(story, lang),
        source=sources_line(story, event.sources, lang),
    )


def how_made_card(story: Story, lang: Lang) -> str:
    """Method details (gazetteer ids, software, addresses): kept out of the source lines."""
    return _HOW_MADE.render(notes=how_made(story, lang), lang=lang)


def error_card(
    slug: str, problems: list[Problem], lang: Lang, root: str = "", limit: int = 20
) -> str:
    """A readable card for a broken story; file paths are shown relative to `root`
    (wherever they occur in a line: a library's message may quote one too)."""
    shown = [str(p).replace(root, "") if root else str(p) for p in problems[:limit]]
    if len(problems) > limit:
        shown.append(f"… (+{len(problems) - limit})")
    return _ERROR.render(slug=slug, problems=shown, lang=lang)
