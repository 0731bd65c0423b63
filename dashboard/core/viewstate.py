"""What the reader is looking at, as it lives in the URL (`?story=…&lang=…&feature=…`).

Parsing is forgiving: an unknown language, feature, event, tab or view is dropped, never
an error, so that an old or hand-edited link still opens a page. (A story readers cannot
see, unknown or a draft, gets the page's "no such map" and a choice of stories.)

The map's view (`view=` a named view, or `at=` centre and zoom) is kept in the URL by the
map's own script as the reader pans and zooms, without asking the server; the page reads
it from a link when it opens.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from dashboard.core.i18n import DEFAULT_LANG, LANGS, Lang
from dashboard.core.model import Story

EMBED_MODE = "embed"
# The side panel's tabs, in order; the first is the default.
TABS = ("details", "figures", "timeline", "explore", "export")
MAX_ZOOM = 18

MapAt = tuple[float, float, int]


@dataclass(frozen=True)
class ViewState:
    story: str | None = None
    lang: Lang = DEFAULT_LANG
    feature: str | None = None
    event: str | None = None
    view: str | None = None
    at: MapAt | None = None
    tab: str = TABS[0]
    embed: bool = False

    def to_params(self) -> dict[str, str]:
        """Query parameters for this state; defaults are left out to keep links short."""
        params: dict[str, str] = {}
        if self.story:
            params["story"] = self.story
        params["lang"] = self.lang
        for key in ("view", "feature", "event"):
            value = getattr(self, key)
            if value:
                params[key] = value
        if self.at:
            params["at"] = format_at(self.at)
        if self.tab != TABS[0]:
            params["tab"] = self.tab
        if self.embed:
            params["mode"] = EMBED_MODE
        return params

    def showing_view(self, view_id: str) -> ViewState:
        """The reader chose a named view on the map: it shows a region, not a place, so
        no place stays chosen (the side panel must not go on describing one the map has
        left). The timeline's step stays: it is where the reader is in the story."""
        return replace(self, view=view_id, at=None, feature=None)

    def within(self, story: Story) -> ViewState:
        """Drop ids the story does not have."""
        features = {f.id for f in story.features}
        events = {e.id for e in story.events}
        views = {v.id for v in story.views}
        return replace(
            self,
            feature=self.feature if self.feature in features else None,
            event=self.event if self.event in events else None,
            view=self.view if self.view in views else None,
        )


def parse_params(
    params: Mapping[str, str], slugs: list[str], default: str | None = None
) -> ViewState:
    """A ViewState from query parameters; `slugs` are the stories that exist, `default`
    the one a link without a story opens (else the first of `slugs`)."""
    story = params.get("story")
    if story not in slugs:
        story = default if default in slugs else (slugs[0] if slugs else None)
    lang = params.get("lang", DEFAULT_LANG)
    feature = params.get("feature") or None
    event = params.get("event") or None
    tab = params.get("tab")
    if tab not in TABS:
        # a link to an event (and to no place) opens the timeline
        tab = "timeline" if event and not feature else TABS[0]
    return ViewState(
        story=story,
        lang=lang if lang in LANGS else DEFAULT_LANG,  # type: ignore[arg-type]
        feature=feature,
        event=event,
        view=params.get("view") or None,
        at=parse_at(params.get("at")),
        tab=tab,
        embed=params.get("mode") == EMBED_MODE,
    )


def parse_at(value: str | None) -> MapAt | None:
    """`36.3400,43.1300,14` -> (36.34, 43.13, 14); anything else -> None."""
    parts = (value or "").split(",")
    if len(parts) != 3:
        return None
    try:
        lat, lon, zoom = float(parts[0]), float(parts[1]), int(parts[2])
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 <= zoom <= MAX_ZOOM):
        return None  # also NaN, which fails every comparison
    return lat, lon, zoom


def format_at(at: MapAt) -> str:
    """The URL form of centre and zoom, as the map writes it."""
    lat, lon, zoom = at
    return f"{lat:.4f},{lon:.4f},{zoom}"
