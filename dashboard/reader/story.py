"""Read and validate a story folder (`story.toml` + `features.geojson`) into a `Story`.

Validation collects every problem instead of stopping at the first, and each problem
names the file, the feature (or figure, event, line) and the field, so that a journalist
can fix a story without reading a traceback. Nothing here knows about maps or pages.
The reading itself is split by job in `dashboard.reader`: limits and bounded file
reading, typed fields, features and their geometry, and the records of story.toml.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from dashboard.core.i18n import LANGS, Lang
from dashboard.core.model import PUBLISHED, Problem, Story, StoryError, StoryListing, printable
from dashboard.reader.features import read_features
from dashboard.reader.fields import SLUG_PATTERN, Fields
from dashboard.reader.limits import read_toml
from dashboard.reader.records import (
    check_hindsight,
    read_date_unknown,
    read_event_layer_spec,
    read_events,
    read_figures,
    read_source,
    read_status,
    read_views,
)

__all__ = [
    "FEATURES_FILE",
    "STORY_FILE",
    "Problem",
    "Story",
    "StoryError",
    "StoryListing",
    "load_stories",
    "load_story",
    "story_folders",
    "validate_story",
]

STORY_FILE = "story.toml"
FEATURES_FILE = "features.geojson"
FORMAT_VERSION = 1

STORY_KEYS = (
    "events_layer",
    "format",
    "language",
    "languages",
    "title",
    "summary",
    "published",
    "as_of",
    "credit",
    "source",
    "views",
    "figures",
    "events",
    "status",
    "date_unknown",
)


def load_story(folder: str | Path) -> Story:
    """Read and validate a story folder. Raises StoryError listing every problem."""
    folder = Path(folder)
    problems: list[Problem] = []
    slug = folder.name
    if not SLUG_PATTERN.match(slug):
        problems.append(
            Problem(
                str(folder),
                "folder",
                None,
                "a story folder's name is its slug: lower-case letters, digits, hyphens",
            )
        )
        raise StoryError(problems)
    if not folder.is_dir():
        raise StoryError([Problem(str(folder), "folder", None, "not a story folder")])

    _refuse_links_out(folder)
    story_path = folder / STORY_FILE
    file = str(story_path)
    data = read_toml(story_path, problems) or {}
    top = Fields(problems, file, "story", data)
    if data:
        top.unknown_keys(STORY_KEYS)
        if data.get("format") != FORMAT_VERSION:
            top.problem("format", f"expected format = {FORMAT_VERSION}")
    language = top.string("language") if data else None
    if language is not None and language not in LANGS:
        top.problem("language", f"unknown language {language!r}: use 'de' or 'en'")
    languages = _read_languages(top, language)
    status = read_status(top) if data else PUBLISHED
    if data:
        read_date_unknown(top, status)
    try:
        story = _load_records(folder, slug, file, data, top, problems, language, languages)
    except StoryError as error:
        raise StoryError(error.problems, status) from None
    return replace(story, status=status)


def _read_languages(top: Fields, language: str | None) -> tuple[Lang, ...]:
    """`languages = ["de"]`: the story's texts exist in the article's language only."""
    raw = top.data.get("languages")
    if raw is None:
        return LANGS
    if not isinstance(raw, list) or not raw or any(lang not in LANGS for lang in raw):
        top.problem("languages", 'expected ["de"], ["en"] or ["de", "en"]')
        return LANGS
    if len(raw) == 1 and raw[0] != language:
        top.problem("languages", f"a story in one language is in its article's ({language!r})")
        return LANGS
    return tuple(lang for lang in LANGS if lang in raw)


def _load_records(
    folder: Path,
    slug: str,
    file: str,
    data: dict,
    top: Fields,
    problems: list[Problem],
    language: str | None,
    languages: tuple[Lang, ...],
) -> Story:
    top.languages = languages
    title = top.text("title") if data else None
    summary = top.text("summary") if data else None
    credit = top.text("credit") if data else None
    published = top.day("published") if data else None
    as_of = top.day("as_of") if data else None
    source = read_source(data, file, problems) if data else None
    views = read_views(data, file, problems, languages)

    feature_ids: set[str] = set()
    features = read_features(folder / FEATURES_FILE, problems, views, feature_ids, languages)
    by_id = {f.id: f for f in features}
    view_ids = {view.id for view in views}
    figures = read_figures(data, file, problems, by_id, feature_ids, as_of, view_ids, languages)
    events = read_events(data, file, problems, feature_ids, as_of, languages)
    for feature in features:
        if feature.date is not None and as_of is not None:
            where = Fields(problems, str(folder / FEATURES_FILE), f"feature '{feature.id}'", {})
            check_hindsight(where, feature.date, as_of, feature.hindsight)
    event_layer = read_event_layer_spec(folder, data, file, problems, languages)

    errors = [problem for problem in problems if not problem.warning]
    if errors:
        raise StoryError(errors)
    return Story(
        slug=slug,
        path=folder,
        language=language,
        title=title,
        summary=summary,  # type: ignore[arg-type]
        published=published,
        as_of=as_of,
        credit=credit,
        source=source,  # type: ignore[arg-type]
        features=tuple(features),
        figures=tuple(figures),
        events=tuple(events),
        views=tuple(views),
        event_layer=event_layer,
        warnings=tuple(problems),
        languages=languages,
    )


def _refuse_links_out(folder: Path) -> None:
    """A story's files must lie in its folder: a link to a file elsewhere (the server's
    own files) is refused, as for the events file."""
    inside = folder.resolve()
    problems = [
        Problem(str(folder / name), "file", None, "a link to a file outside the story folder")
        for name in (STORY_FILE, FEATURES_FILE)
        if not (folder / name).resolve().is_relative_to(inside)
    ]
    if problems:
        raise StoryError(problems)


def validate_story(folder: str | Path) -> list[Problem]:
    """Every problem of a story folder: its errors, or the warnings of a story that
    loads; an empty list for a good story."""
    try:
        return list(load_story(folder).warnings)
    except StoryError as error:
        return error.problems


def story_folders(root: str | Path) -> list[Path]:
    """Story folders under `root` (each holding a story.toml), sorted by name."""
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(p.parent for p in root.glob(f"*/{STORY_FILE}"))


def load_stories(root: str | Path) -> StoryListing:
    """Load every story under `root`; one broken story never stops the others.

    Drafts are loaded too (the editor reviews them): `StoryListing.published_only` is
    what readers may see."""
    stories: dict[str, Story] = {}
    broken: dict[str, list[Problem]] = {}
    broken_drafts: set[str] = set()
    for folder in story_folders(root):
        try:
            stories[folder.name] = load_story(folder)
        except StoryError as error:
            broken[printable(folder.name)] = error.problems
            if error.status != PUBLISHED:
                broken_drafts.add(printable(folder.name))
    return StoryListing(stories, broken, frozenset(broken_drafts))
