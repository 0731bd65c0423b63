"""The typed story: plain dataclasses, and the problems a story can have.

Nothing here reads files or draws anything; every other module builds on these types.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dashboard.core.i18n import Lang

if TYPE_CHECKING:
    import pandas as pd
    from shapely.geometry.base import BaseGeometry

# Map layers a reader can switch on and off; a distant feature goes to "context".
LAYER_OF_KIND: dict[str, str] = {
    "place": "places",
    "area": "areas",
    "line": "lines",
    "event": "events",
}
LAYERS: tuple[str, ...] = ("areas", "lines", "places", "events", "context")
# A story's `status` in story.toml: a draft waits for review and no reader sees it; a
# story without `status` is published (the stories written before drafts were marked).
DRAFT, PUBLISHED = "draft", "published"
STATUSES: tuple[str, ...] = (DRAFT, PUBLISHED)


@dataclass(frozen=True)
class Text:
    """A text a reader sees, in both languages."""

    de: str
    en: str

    def __getitem__(self, lang: Lang) -> str:
        return self.de if lang == "de" else self.en


@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, the month or only the year."""

    value: dt.date
    precision: str  # "day" | "month" | "year"

    def __str__(self) -> str:
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


# What a source is: the story's own article, another publication, official statistics, a
# gazetteer, something we computed from the story's data, or an editorial choice.
SOURCE_KINDS: tuple[str, ...] = (
    "article",
    "publication",
    "statistics",
    "gazetteer",
    "computed",
    "editorial",
)
# Kinds that cite someone else's work: a reader finds it by its publisher and title.
CITED_KINDS: frozenset[str] = frozenset({"publication", "statistics", "gazetteer"})
# Kinds whose reader text is our own note.
NOTE_KINDS: frozenset[str] = frozenset({"computed", "editorial"})


@dataclass(frozen=True)
class Source:
    """Where a value comes from, as a citation.

    The reader sees `about`, the citation (publisher, title, date) and `note`; `method`
    (gazetteer ids, software, formulas) is for the "how this map was made" note and the
    exports, never the citation. `kind` None is an unstructured one-line `source` text
    (`text`), still read but reported as a warning.
    """

    kind: str | None
    publisher: str | None = None
    title: str | None = None
    date: PartialDate | None = None
    url: str | None = None
    accessed: dt.date | None = None
    about: Text | None = None
    note: Text | None = None
    method: Text | None = None
    text: Text | None = None


@dataclass(frozen=True)
class Feature:
    id: str
    kind: str
    geometry: BaseGeometry
    name: Text
    note: Text
    sources: tuple[Source, ...]
    quote: Text | None = None
    date: PartialDate | None = None
    hindsight: bool = False
    estimate: bool = False
    labelled: bool = False
    distant: bool = False

    @property
    def layer(self) -> str:
        """The switchable map layer the feature belongs to."""
        return "context" if self.distant else LAYER_OF_KIND[self.kind]


@dataclass(frozen=True)
class Figure:
    id: str
    label: Text
    low: float
    high: float
    sources: tuple[Source, ...]
    as_of: dt.date
    unit: Text | None = None
    feature: str | None = None
    quote: Text | None = None
    approximate: bool = False
    computed: bool = False
    # Shown on the map next to its feature without a click: in every view (`()`), or
    # only in the views named; `None`: only in the feature's details.
    callout: tuple[str, ...] | None = None

    @property
    def is_range(self) -> bool:
        return self.low != self.high


@dataclass(frozen=True)
class Event:
    id: str
    date: PartialDate
    title: Text
    sources: tuple[Source, ...]
    feature: str | None = None
    quote: Text | None = None
    hindsight: bool = False


@dataclass(frozen=True)
class View:
    id: str
    name: Text
    bounds: tuple[tuple[float, float], tuple[float, float]]  # (south, west), (north, east)


@dataclass(frozen=True)
class ArticleSource:
    publisher: str
    author: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class EventLayer:
    """The events of a story, one row per event: date, type, count, lon, lat, source."""

    path: Path
    name: Text
    source: Text
    frame: pd.DataFrame

    @property
    def first_date(self) -> dt.date:
        return self.frame["date"].min().date()

    @property
    def last_date(self) -> dt.date:
        return self.frame["date"].max().date()

    def between(self, start: dt.date | None, end: dt.date | None) -> pd.DataFrame:
        """Events from `start` to `end` (inclusive); None leaves that side open."""
        import numpy as np  # pandas and numpy are loaded once a story has events
        import pandas as pd

        dates = self.frame["date"]
        keep = np.ones(len(dates), dtype=bool)
        if start is not None:
            keep &= (dates >= pd.Timestamp(start)).to_numpy()
        if end is not None:
            keep &= (dates < pd.Timestamp(end) + pd.Timedelta(days=1)).to_numpy()
        return self.frame[keep]


@dataclass(frozen=True)
class Story:
    slug: str
    path: Path
    language: Lang
    title: Text
    summary: Text
    published: dt.date
    as_of: dt.date
    credit: Text
    source: ArticleSource
    features: tuple[Feature, ...]
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    views: tuple[View, ...] = ()
    event_layer: EventLayer | None = None
    # What `validate` reports but the story can be shown with (a vague source).
    warnings: tuple[Problem, ...] = ()
    # The languages its texts were written in: both, or only the article's (a draft);
    # readers of the other language see the article's and are told so.
    languages: tuple[Lang, ...] = ("de", "en")
    # DRAFT or PUBLISHED: only a published story reaches readers (see `published_only`).
    status: str = PUBLISHED

    @property
    def is_draft(self) -> bool:
        return self.status == DRAFT

    def feature(self, feature_id: str) -> Feature:
        for feature in self.features:
            if feature.id == feature_id:
                return feature
        raise KeyError(feature_id)

    def figures_of(self, feature_id: str) -> list[Figure]:
        return [f for f in self.figures if f.feature == feature_id]

    def events_of(self, feature_id: str) -> list[Event]:
        return [e for e in self.events if e.feature == feature_id]


# ---------------------------------------------------------------------------
# Problems
# ---------------------------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")


def is_unicode(text: str) -> bool:
    """False for text holding a lone surrogate, which no page or terminal can show."""
    return text.isascii() or not _SURROGATE.search(text)


def printable(text: str) -> str:
    """Text with any lone surrogate written as its escape (\\ud800)."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a story: file, the item it is in, the field, what is wrong.

    A warning does not stop the story from loading; an error does.
    """

    file: str
    where: str
    field: str | None
    message: str
    warning: bool = False

    def __post_init__(self) -> None:
        # A folder name that is not UTF-8, or a "\ud800" escape in JSON, gives a lone
        # surrogate that cannot be printed or sent to a page: show it as the escape instead.
        for name in ("file", "where", "field", "message"):
            value = getattr(self, name)
            if value is not None and not is_unicode(value):
                object.__setattr__(self, name, printable(value))

    def __str__(self) -> str:
        field_part = f": field '{self.field}'" if self.field else ""
        severity = "warning: " if self.warning else ""
        return f"{self.file}: {self.where}{field_part}: {severity}{self.message}"


class StoryError(Exception):
    """A story could not be loaded; `problems` lists every reason. `status`: what its
    story.toml says (PUBLISHED when it says nothing or cannot be read; DRAFT for a status
    that is neither), so that a broken draft stays as hidden as a draft that loads."""

    def __init__(self, problems: list[Problem], status: str = PUBLISHED):
        self.problems = problems
        self.status = status
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class StoryListing:
    """The stories of a folder: the loaded ones and, per broken one, its problems."""

    stories: dict[str, Story] = field(default_factory=dict)
    broken: dict[str, list[Problem]] = field(default_factory=dict)
    # Slugs of broken stories whose story.toml says `status = "draft"`: a reader's
    # listing leaves them out like the drafts that load.
    broken_drafts: frozenset[str] = frozenset()

    def published_only(self) -> StoryListing:
        """What readers may see: no draft, loaded or broken."""
        return StoryListing(
            stories={slug: s for slug, s in self.stories.items() if not s.is_draft},
            broken={slug: p for slug, p in self.broken.items() if slug not in self.broken_drafts},
        )

    def landing(self, configured: str | None = None) -> str | None:
        """The story a reader sees first: the configured one (`default_story`) if it is
        here and loads; else the most recently published story (the latest `published`
        date; on a tie, the first name in the alphabet); else the first broken one."""
        if configured in self.stories:
            return configured
        if self.stories:
            newest = min(self.stories.values(), key=lambda s: (-s.published.toordinal(), s.slug))
            return newest.slug
        return min(self.broken, default=None)
