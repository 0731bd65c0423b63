"""The sources of a feature, figure or event: a list of citations (`sources`).

Each source has a kind (see `SOURCE_KINDS`); the kinds that cite someone else's work
need a publisher and a title (a warning if missing), computed and editorial sources
need the reader's note. An address may only be http or https: a `javascript:`, `data:`
or `file:` address would run or read something when a reader follows it. The older
one-line `source` text is still read, with a warning that it names no publisher.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from dashboard.core.model import CITED_KINDS, NOTE_KINDS, SOURCE_KINDS, Source
from dashboard.reader.fields import Fields, shown

MAX_SOURCES = 20
SOURCE_KEYS = ("kind", "publisher", "title", "date", "url", "accessed", "about", "note", "method")
URL_SCHEMES = ("http", "https")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_BREAKS_URL = re.compile(r"[\s\x00-\x1f\x7f]")
_LEGACY_KEYS = ("source", "source_de", "source_en")


def read_sources(fields: Fields, *, flat: bool = False) -> tuple[Source, ...] | None:
    """The record's `sources`; None (and problems) if they cannot be read.

    `flat`: the record is a GeoJSON feature, whose older one-line source may be split
    into `source_de` and `source_en`.
    """
    legacy = [key for key in _LEGACY_KEYS if key in fields.data]
    if "sources" not in fields.data:
        if not legacy:
            fields.problem("sources", "missing required field")
            return None
        return _read_legacy(fields, flat)
    if legacy:
        fields.problem(legacy[0], "give either 'sources' or the older 'source', not both")
        return None
    raw = fields.data["sources"]
    if not isinstance(raw, list) or not raw:
        fields.problem("sources", "expected a list of one or more sources, each with a 'kind'")
        return None
    if len(raw) > MAX_SOURCES:
        fields.problem("sources", f"more than {MAX_SOURCES} sources")
        return None
    sources: list[Source] = []
    for index, entry in enumerate(raw):
        name = f"sources[{index}]"
        if not isinstance(entry, Mapping):
            fields.problem(name, f"expected a table with a 'kind', got {shown.repr(entry)}")
            continue
        source = _read_source(fields.nested(entry, f"{name}."))
        if source is not None:
            sources.append(source)
    return tuple(sources) if len(sources) == len(raw) else None


def _read_legacy(fields: Fields, flat: bool) -> tuple[Source, ...] | None:
    text = fields.flat_source() if flat else fields.source()
    if text is None:
        return None
    fields.warn(
        "source",
        "a one-line source names no publisher and title: give 'sources' (see docs/story-format.md)",
    )
    return (Source(kind=None, text=text),)


def _read_source(fields: Fields) -> Source | None:
    start = len(fields.problems)
    fields.unknown_keys(SOURCE_KEYS)
    kind = fields.string("kind")
    if kind is not None and kind not in SOURCE_KINDS:
        kinds = ", ".join(SOURCE_KINDS)
        fields.problem("kind", f"unknown kind {shown.repr(kind)}: use one of {kinds}")
    source = Source(
        kind=kind,
        publisher=fields.string("publisher", required=False),
        title=fields.string("title", required=False),
        date=fields.date("date", required=False),
        url=read_url(fields),
        accessed=fields.day("accessed", required=False),
        about=fields.any_text("about", required=False),
        note=fields.any_text("note", required=False),
        method=fields.any_text("method", required=False),
    )
    if kind in CITED_KINDS:
        for key in ("publisher", "title"):
            if getattr(source, key) is None and key not in fields.data:
                fields.warn(key, f"missing: a reader finds a {kind} by its publisher and title")
    if kind in NOTE_KINDS and source.note is None and "note" not in fields.data:
        fields.problem("note", f"missing required field: the reader's text of a {kind} source")
    if any(not problem.warning for problem in fields.problems[start:]):
        return None
    return source


def read_url(fields: Fields) -> str | None:
    """The optional `url` of a record: a full http or https address, else a problem."""
    url = fields.string("url", required=False)
    if url is None:
        return None
    if _BREAKS_URL.search(url):
        fields.problem("url", "an address must not contain spaces or control characters")
        return None
    match = _SCHEME.match(url)
    scheme = match.group(1).lower() if match else None
    if scheme not in URL_SCHEMES:
        given = shown.repr(f"{scheme}:") if scheme else "an address without one"
        fields.problem("url", f"only http and https addresses are allowed, not {given}")
        return None
    if not url[match.end() :].startswith("//") or len(url) <= match.end() + 2:  # type: ignore[union-attr]
        fields.problem("url", "expected a full address such as https://example.org/page")
        return None
    return url
