"""The static site for readers: every published story's maps, images and data as files.

`site_files` makes the whole site in memory, as paths (relative to the site's root) and
their bytes; the command line writes them to a folder that any static host or CDN serves
with no Python behind it. For each published story and each of its languages:

    SLUG/SLUG-LANG.html              the single-file map (its page names its oEmbed file)
    SLUG/SLUG-LANG.embed.html        the iframe embed code, its src under the base URL
    SLUG/SLUG-LANG.oembed.json       oEmbed ("rich"), so a CMS embeds the map by link
    SLUG/SLUG-LANG-SIZE.png|svg      the print and social images in their sizes
    SLUG/SLUG-LANG.geojson|csv       the data

and beside them an index page per language (`index.html` German, `index.en.html`
English) and `manifest.json` (the stories, and every file's size and SHA-256).

The same stories give the same bytes: nothing depends on the time, the machine or the
order stories were found in, so a CDN keeps its cache and a diff shows what changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Template

from dashboard.core.i18n import LANGS, Lang, text
from dashboard.core.model import Story
from dashboard.core.wording import day_text
from dashboard.render.export import (
    EMBED_HEIGHT,
    EMBED_WIDTH,
    EXPORT_FORMATS,
    alt_text,
    embed_snippet,
    export_csv,
    export_geojson,
    export_html,
)
from dashboard.render.print.sizes import SIZE_NAMES, SIZES
from dashboard.render.templates import template

SITE_FORMAT = 1
PROVIDER = "Lagekarte"
MANIFEST = "manifest.json"
INDEX_PAGES: dict[Lang, str] = {"de": "index.html", "en": "index.en.html"}
IMAGE_FORMATS = ("png", "svg")
# The index shows each story by its social-media image (16:9), if the site has it.
PREVIEW_SIZE = "social"
OEMBED_TYPE = "application/json+oembed"
# A base URL is put into HTML attributes and JSON as it is: nothing that could end an
# attribute or a URL, and no spaces.
_UNSAFE_IN_URL = set(" \t\r\n\"'<>\\`{}|^")

Progress = Callable[[str], None]


class BaseUrlError(ValueError):
    """The address the site will be served from is not one the embed code can use."""


def check_base_url(raw: str) -> str:
    """The site's address with one trailing slash; BaseUrlError saying why it is unusable.

    An http(s) address of a host, optionally with a path: no user name or password (the
    embed code would publish them), no query or fragment (file names are appended)."""
    example = "such as https://maps.example.org/lagekarte/"
    unsafe = sorted(set(raw) & _UNSAFE_IN_URL)
    if unsafe:
        raise BaseUrlError(f"{raw!r} holds {''.join(unsafe)!r}: give a plain address {example}")
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError as error:
        raise BaseUrlError(f"{raw!r} is not an address ({error}): give one {example}") from None
    if parts.scheme not in ("http", "https"):
        raise BaseUrlError(f"{raw!r} is not an http(s) address: give one {example}")
    if not parts.hostname:
        raise BaseUrlError(f"{raw!r} names no host: give an address {example}")
    if parts.username is not None or parts.password is not None:
        raise BaseUrlError(f"{raw!r} holds a user name: the embed code would publish it")
    if parts.query or parts.fragment or raw.endswith(("?", "#")):
        raise BaseUrlError(f"{raw!r} has a query or fragment: give the folder's address only")
    if port == 0:
        raise BaseUrlError(f"{raw!r}: port 0 is no port")
    return raw.rstrip("/") + "/"


@dataclass(frozen=True)
class StoryPaths:
    """Where one story's files in one language lie, relative to the site's root."""

    slug: str
    lang: Lang
    sizes: tuple[str, ...]

    def _file(self, fmt: str) -> str:
        return f"{self.slug}/{self.slug}-{self.lang}.{EXPORT_FORMATS[fmt].extension}"

    @property
    def map(self) -> str:
        return self._file("html")

    @property
    def embed(self) -> str:
        return self._file("embed")

    @property
    def geojson(self) -> str:
        return self._file("geojson")

    @property
    def csv(self) -> str:
        return self._file("csv")

    @property
    def oembed(self) -> str:
        return f"{self.slug}/{self.slug}-{self.lang}.oembed.json"

    def image(self, size: str, fmt: str) -> str:
        return f"{self.slug}/{self.slug}-{self.lang}-{size}.{fmt}"

    def images(self) -> dict[str, dict[str, str]]:
        return {size: {fmt: self.image(size, fmt) for fmt in IMAGE_FORMATS} for size in self.sizes}


def published_stories(stories: Iterable[Story]) -> list[Story]:
    """The stories readers may see (never a draft), newest first, then by name."""
    return sorted(
        (story for story in stories if not story.is_draft),
        key=lambda story: (-story.published.toordinal(), story.slug),
    )


def oembed_json(story: Story, lang: Lang, base_url: str, paths: StoryPaths) -> str:
    """The oEmbed description (type "rich") of the story's map in `lang`."""
    record: dict[str, Any] = {
        "version": "1.0",
        "type": "rich",
        "title": story.title[lang],
        "provider_name": PROVIDER,
        "provider_url": base_url,
        "html": embed_snippet(story, lang, src=base_url + paths.map),
        "width": EMBED_WIDTH,
        "height": EMBED_HEIGHT,
    }
    if PREVIEW_SIZE in paths.sizes:
        width, height = SIZES[PREVIEW_SIZE].pixels
        record |= {
            "thumbnail_url": base_url + paths.image(PREVIEW_SIZE, "png"),
            "thumbnail_width": width,
            "thumbnail_height": height,
        }
    return _json(record)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _index_template() -> Template:
    return template("site_index.html")


def _index_entry(story: Story, lang: Lang, base_url: str, sizes: tuple[str, ...]) -> dict:
    """One story as the index in `lang` lists it: in that language if the story has it,
    else in the story's own."""
    shown: Lang = lang if lang in story.languages else story.language
    paths = StoryPaths(story.slug, shown, sizes)
    preview = None
    if PREVIEW_SIZE in sizes:
        width, height = SIZES[PREVIEW_SIZE].pixels
        preview = {"src": paths.image(PREVIEW_SIZE, "png"), "width": width, "height": height}
    images = []
    for size in sizes:
        width, height = SIZES[size].pixels
        images += [
            {"href": paths.image(size, fmt), "name": f"{fmt.upper()} {width}\u00d7{height}"}
            for fmt in IMAGE_FORMATS
        ]
    data = [
        {"href": paths.geojson, "name": "GeoJSON", "type": EXPORT_FORMATS["geojson"].mime_type},
        {"href": paths.csv, "name": "CSV", "type": EXPORT_FORMATS["csv"].mime_type},
        {"href": paths.oembed, "name": "oEmbed", "type": OEMBED_TYPE},
    ]
    return {
        "slug": story.slug,
        "lang": shown,
        "title": story.title[shown],
        "summary": story.summary[shown],
        "published": day_text(story.published, lang),
        "note": text("site.only_in", lang) if shown != lang else "",
        "alt": alt_text(story, shown),
        "map": paths.map,
        "preview": preview,
        "images": images,
        "data": data,
        "embed": embed_snippet(story, shown, src=base_url + paths.map),
    }


def index_html(
    stories: Sequence[Story], lang: Lang, base_url: str, sizes: tuple[str, ...] = SIZE_NAMES
) -> str:
    """The index page of the published stories in `lang` (autoescaped: story text is
    text)."""
    other: Lang = next(other for other in LANGS if other != lang)
    return _index_template().render(
        lang=lang,
        heading=text("site.title", lang),
        intro=text("site.intro", lang),
        other={
            "lang": other,
            "href": INDEX_PAGES[other],
            "name": text("site.other_language", lang),
        },
        labels={
            key: text(f"site.{key}", lang)
            for key in ("published", "map", "images", "data", "embed", "none")
        },
        stories=[_index_entry(s, lang, base_url, sizes) for s in published_stories(stories)],
    )


def manifest_json(
    stories: Sequence[Story], base_url: str, files: dict[str, bytes], sizes: tuple[str, ...]
) -> str:
    """What the site holds: its stories (titles, dates, files per language) and every
    other file's size and SHA-256, for a CDN's purge list or a check after upload."""
    entries = []
    for story in published_stories(stories):
        languages = {}
        for lang in story.languages:
            paths = StoryPaths(story.slug, lang, sizes)
            languages[lang] = {
                "title": story.title[lang],
                "map": paths.map,
                "embed": paths.embed,
                "oembed": paths.oembed,
                "geojson": paths.geojson,
                "csv": paths.csv,
                "images": paths.images(),
            }
        entries.append(
            {
                "slug": story.slug,
                "published": story.published.isoformat(),
                "as_of": story.as_of.isoformat(),
                "languages": languages,
            }
        )
    return _json(
        {
            "format": SITE_FORMAT,
            "generator": PROVIDER,
            "base_url": base_url,
            "index": INDEX_PAGES,
            "stories": entries,
            "files": {
                path: {"bytes": len(content), "sha256": hashlib.sha256(content).hexdigest()}
                for path, content in sorted(files.items())
            },
        }
    )


def _story_files(
    story: Story, lang: Lang, base_url: str, sizes: tuple[str, ...], progress: Progress
) -> dict[str, bytes]:
    from dashboard.render.print.static_map import build_static_map  # matplotlib: only here

    paths = StoryPaths(story.slug, lang, sizes)
    progress(paths.map)
    files = {
        paths.map: export_html(story, lang, oembed_url=base_url + paths.oembed),
        paths.embed: embed_snippet(story, lang, src=base_url + paths.map),
        paths.oembed: oembed_json(story, lang, base_url, paths),
        paths.geojson: export_geojson(story, lang),
        paths.csv: export_csv(story, lang),
    }
    encoded = {path: content.encode("utf-8") for path, content in files.items()}
    for size in sizes:
        progress(paths.image(size, "png"))
        image = build_static_map(story, lang, None, size)  # drawn once, saved twice
        for fmt in IMAGE_FORMATS:
            encoded[paths.image(size, fmt)] = image.to_bytes(fmt)  # type: ignore[arg-type]
    return encoded


def site_files(
    stories: Iterable[Story],
    base_url: str,
    sizes: Sequence[str] = SIZE_NAMES,
    progress: Progress | None = None,
) -> dict[str, bytes]:
    """Every file of the site, by its path under the site's root. Drafts are left out.

    `base_url` is where the site will be served (checked with `check_base_url`); `sizes`
    the image sizes to make (all by default); `progress` hears of each file made."""
    base_url = check_base_url(base_url)
    unknown = [size for size in sizes if size not in SIZES]
    if unknown:
        raise ValueError(f"unknown size {unknown[0]!r}: use one of {', '.join(SIZE_NAMES)}")
    chosen = tuple(size for size in SIZE_NAMES if size in sizes)  # the table's order
    readers = published_stories(stories)
    files: dict[str, bytes] = {}
    for story in readers:
        for lang in story.languages:
            files |= _story_files(story, lang, base_url, chosen, progress or (lambda _: None))
    for lang, name in INDEX_PAGES.items():
        files[name] = index_html(readers, lang, base_url, chosen).encode("utf-8")
    files[MANIFEST] = manifest_json(readers, base_url, files, chosen).encode("utf-8")
    return dict(sorted(files.items()))
