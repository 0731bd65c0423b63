"""What the reader is looking at, as it lives in the URL (`?story=…&lang=…&feature=…`).

Parsing is forgiving: an unknown story, language, feature or event is dropped, never an
error, so that an old or hand-edited link still opens a page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from dashboard.i18n import DEFAULT_LANG, LANGS, Lang
from dashboard.model import Story

EMBED_MODE = "embed"


@dataclass(frozen=True)
class ViewState:
    story: str | None = None
    lang: Lang = DEFAULT_LANG
    feature: str | None = None
    event: str | None = None
    view: str | None = None
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
        if self.embed:
            params["mode"] = EMBED_MODE
        return params

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


def parse_params(params: Mapping[str, str], slugs: list[str]) -> ViewState:
    """A ViewState from query parameters; `slugs` are the stories that exist."""
    story = params.get("story")
    if story not in slugs:
        story = slugs[0] if slugs else None
    lang = params.get("lang", DEFAULT_LANG)
    return ViewState(
        story=story,
        lang=lang if lang in LANGS else DEFAULT_LANG,  # type: ignore[arg-type]
        feature=params.get("feature") or None,
        event=params.get("event") or None,
        view=params.get("view") or None,
        embed=params.get("mode") == EMBED_MODE,
    )
