"""Exports of a story: single-file HTML, its iframe embed code, PNG/SVG, GeoJSON, CSV.

The HTML page inlines Leaflet and all data, carries a Content-Security-Policy that
allows no other origin, and works opened from disk or any static host with no network.
All exports come from the same story data, in German or English.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from shapely.geometry import mapping

from dashboard.core.escape import spreadsheet_cell
from dashboard.core.i18n import Lang, text
from dashboard.core.model import Feature, Source, Story, Text
from dashboard.core.wording import (
    citation,
    day_text,
    event_summary,
    figure_meta_text,
    figure_value_text,
    method_text,
    shown_numbers,
    source_addresses,
)
from dashboard.reader.basemap import CREDIT as BASEMAP_CREDIT
from dashboard.render.assets import inline_assets
from dashboard.render.maps import build_map, map_payload
from dashboard.render.templates import template
from dashboard.render.tiles import DetailTiles

ALT_ID = "lk-alt"
MAX_REASON_CHARS = 200
_log = logging.getLogger(__name__)

_PAGE = template("export_page.html")
_CSP_PLACEHOLDER = "__LAGEKARTE_CSP__"
# folium names its map with random hex (`map_<32 hex>`); an export names it after the
# story instead, so the same story gives the same bytes (a CDN caches them, a diff says
# what changed).
_MAP_ID_BYTES = 16
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def alt_text(story: Story, lang: Lang) -> str:
    """A text alternative for screen readers: what the map shows, in sentences."""
    places = ", ".join(f.name[lang] for f in story.features if not f.distant)
    figures = "; ".join(f"{f.label[lang]}: {figure_value_text(f, lang)}" for f in story.figures)
    as_of = day_text(story.as_of, lang)
    parts = [
        f"{text('alt.map', lang)}: {story.title[lang]}.",
        f"{text('alt.shows', lang)}: {places}.",
    ]
    if figures:
        parts.append(f"{text('alt.figures', lang)}: {figures}.")
    parts.append(f"{text('as_of', lang)}: {as_of}.")
    return " ".join(parts)


# One source in a policy: a script's hash, a keyword, `data:`, or a checked origin.
# Nothing else may stand in it, so no value can end a directive (`;`), add a source list
# (`,`), or leave the <meta> attribute (quotes, `<`, `&`).
_CSP_SOURCE = re.compile(
    r"'sha256-[A-Za-z0-9+/]+=*'|'none'|'unsafe-inline'|data:"
    r"|https?://[a-z0-9.-]+(?::[0-9]{1,5})?"
)


def _content_security_policy(page: str, tiles: DetailTiles | None = None) -> str:
    """Allow exactly the page's own inline scripts (by hash) and nothing from elsewhere;
    with detail tiles configured, exactly that tile host (its origin, built from the
    checked parts of its URL) too: images from it for raster tiles, connections (the
    range requests of `pmtiles`) for a PMTiles archive."""
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in _INLINE_SCRIPT.findall(page)
    ]
    directives = {
        "default-src": ["'none'"],
        "script-src": hashes,
        "style-src": ["'unsafe-inline'"],
        "img-src": ["data:", *([tiles.origin] if tiles and not tiles.is_archive else [])],
        **({"connect-src": [tiles.origin]} if tiles and tiles.is_archive else {}),
        "font-src": ["data:"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
    }
    for sources in directives.values():
        for source in sources:
            if not _CSP_SOURCE.fullmatch(source):
                raise ValueError(f"not a source a Content-Security-Policy may name: {source!r}")
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def export_html(
    story: Story,
    lang: Lang,
    *,
    view: str | None = None,
    tiles: DetailTiles | None = None,
    oembed_url: str | None = None,
) -> str:
    """The story's map as one self-contained HTML page, opening on `view` (or the first).

    With `tiles`, the page offers street-level tiles from that host, loaded only after
    the reader presses the control that names the provider. With `oembed_url`, the page
    names its oEmbed description there, so a CMS given the page's address can embed it."""
    payload = map_payload(story, lang, view=view, show_title=True, tiles=tiles)
    payload["describedBy"] = ALT_ID
    if story.event_layer is not None:
        from dashboard.core.cells import cell_pyramid  # pandas only for stories with events

        payload["eventCells"] = cell_pyramid(story.event_layer.frame)
        payload["eventSummary"] = event_summary(story.event_layer.frame, lang)
    folium_map = build_map(story, lang, payload=payload, gestures=True)
    folium_map._id = hashlib.sha256(f"{story.slug}/{lang}/{view}".encode()).hexdigest()[
        : 2 * _MAP_ID_BYTES
    ]
    inline_assets(folium_map, gestures=True, street=tiles is not None and tiles.is_archive)
    figure = folium_map.get_root()
    figure.render()
    page = _PAGE.render(
        lang=lang,
        csp=_CSP_PLACEHOLDER,
        title=story.title[lang],
        description=story.summary[lang],
        alt=alt_text(story, lang),
        alt_id=ALT_ID,
        oembed_url=oembed_url,
        header=figure.header.render(),
        body=figure.html.render(),
        script=figure.script.render(),
    )
    return page.replace(_CSP_PLACEHOLDER, _content_security_policy(page, tiles), 1)


def _source_records(story: Story, sources: tuple[Source, ...], lang: Lang) -> list[dict[str, Any]]:
    """Each source in full (method and address too), for readers of the data."""
    records = []
    for source in sources:
        record = {
            "kind": source.kind,
            "citation": citation(story, source, lang),
            "publisher": source.publisher,
            "title": source.title,
            "date": str(source.date) if source.date else None,
            "url": source.url,
            "accessed": source.accessed.isoformat() if source.accessed else None,
            "method": source.method[lang] if source.method else None,
        }
        records.append({key: value for key, value in record.items() if value is not None})
    return records


def _cited(story: Story, sources: tuple[Source, ...], lang: Lang) -> str:
    """The citations as the reader sees them, without the "Quelle:" label."""
    return "; ".join(citation(story, source, lang) for source in sources)


def _feature_properties(story: Story, feature: Feature, lang: Lang) -> dict[str, Any]:
    figures = story.figures_of(feature.id)
    return {
        "id": feature.id,
        "kind": feature.kind,
        "name": feature.name[lang],
        "note": feature.note[lang],
        "source": _cited(story, feature.sources, lang),
        "sources": _source_records(story, feature.sources, lang),
        "quote": feature.quote[lang] if feature.quote else None,
        "quote_original": feature.quote[story.language] if feature.quote else None,
        "date": str(feature.date) if feature.date else None,
        "hindsight": feature.hindsight,
        "estimate": feature.estimate,
        "distant": feature.distant,
        "figures": "; ".join(
            f"{figure_value_text(f, lang)} {f.label[lang]} ({figure_meta_text(story, f, lang)})"
            for f in figures
        )
        or None,
    }


def export_geojson(story: Story, lang: Lang) -> str:
    """Features with their texts in `lang` and sources; story facts as foreign members."""
    collection = {
        "type": "FeatureCollection",
        "lagekarte": {
            "story": story.slug,
            "lang": lang,
            "title": story.title[lang],
            "published": story.published.isoformat(),
            "as_of": story.as_of.isoformat(),
            "credit": story.credit[lang],
            "basemap": BASEMAP_CREDIT,
            "source": {
                "publisher": story.source.publisher,
                "author": story.source.author,
                "title": story.source.title,
            },
            "figures": [
                {
                    "id": f.id,
                    "label": f.label[lang],
                    "low": f.low,
                    "high": f.high,
                    "unit": f.unit[lang] if f.unit else None,
                    "feature": f.feature,
                    "shown": figure_value_text(f, lang),
                    "source": _cited(story, f.sources, lang),
                    "sources": _source_records(story, f.sources, lang),
                    "as_of": f.as_of.isoformat(),
                    "computed": f.computed,
                }
                for f in story.figures
            ],
            "events": [
                {
                    "id": e.id,
                    "date": str(e.date),
                    "title": e.title[lang],
                    "feature": e.feature,
                    "hindsight": e.hindsight,
                    "source": _cited(story, e.sources, lang),
                    "sources": _source_records(story, e.sources, lang),
                    "quote": e.quote[lang] if e.quote else None,
                }
                for e in story.events
            ],
        },
        "features": [
            {
                "type": "Feature",
                "geometry": mapping(feature.geometry),
                "properties": _feature_properties(story, feature, lang),
            }
            for feature in story.features
        ],
    }
    return json.dumps(collection, ensure_ascii=False, indent=1)


def export_file_name(story: Story, lang: Lang, fmt: str) -> str:
    """`is-caliphate-2017-de.html`: the name every export of a story uses."""
    return f"{story.slug}-{lang}.{EXPORT_FORMATS[fmt].extension}"


# The embed's largest size; its height follows from the 4:3 frame.
EMBED_WIDTH, EMBED_HEIGHT = 960, 720
_EMBED = template("embed.html")


def embed_snippet(story: Story, lang: Lang, src: str | None = None) -> str:
    """A responsive iframe for the HTML export: titled, lazy-loaded, sandboxed.

    `src` is where the journalist puts the HTML file; by default its file name, next to
    the article page.
    """
    return _EMBED.render(
        src=src or export_file_name(story, lang, "html"),
        width=EMBED_WIDTH,
        title=f"{text('embed.title', lang)}: {story.title[lang]}",
    )


CSV_COLUMNS = (
    "record",
    "id",
    "kind",
    "name",
    "note",
    "value",
    "low",
    "high",
    "unit",
    "feature",
    "lat",
    "lon",
    "date",
    "as_of",
    "hindsight",
    "estimate",
    "source",
    "source_urls",
    "method",
    "quote",
    "quote_translated",
    "quote_original",
)


class _SpreadsheetSafeWriter(csv.DictWriter):
    """Every cell through `spreadsheet_cell`: text stays text in any spreadsheet. Lines
    end in CRLF (RFC 4180), so a cell holding either line-break character is quoted."""

    def __init__(self, buffer: io.StringIO, fieldnames: tuple[str, ...]) -> None:
        super().__init__(buffer, fieldnames=fieldnames, lineterminator="\r\n")

    def writerow(self, rowdict: dict[str, Any]) -> Any:
        return super().writerow({key: spreadsheet_cell(value) for key, value in rowdict.items()})


def _plain_number(value: float) -> str:
    """50000, 899, 371.9: no exponent, no thousands separator (machine-readable)."""
    return str(int(value)) if value.is_integer() else repr(value)


def _csv_sources(story: Story, sources: tuple[Source, ...], lang: Lang) -> dict[str, str]:
    return {
        "source": _cited(story, sources, lang),
        "source_urls": " ".join(source_addresses(sources)),
        "method": method_text(sources, lang),
    }


def _csv_quote(story: Story, quote: Text | None, lang: Lang) -> dict[str, Any]:
    """The quote as shown, and whether it is a translation (then with the original)."""
    if quote is None:
        return {"quote": "", "quote_translated": "", "quote_original": ""}
    translated = lang != story.language
    return {
        "quote": quote[lang],
        "quote_translated": translated,
        "quote_original": quote[story.language] if translated else "",
    }


def _csv_position(story: Story, feature_id: str | None) -> dict[str, Any]:
    if feature_id is None:
        return {}
    point = story.feature(feature_id).geometry.representative_point()
    return {"lat": round(point.y, 6), "lon": round(point.x, 6)}


def export_csv(story: Story, lang: Lang) -> str:
    """One row per record a reader can see (feature, figure, timeline event), with its
    texts and numbers as shown, its sources, and how it was derived."""
    buffer = io.StringIO()
    writer = _SpreadsheetSafeWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    as_of = story.as_of.isoformat()
    for feature in story.features:
        writer.writerow(
            {
                "record": "feature",
                "id": feature.id,
                "kind": feature.kind,
                "name": feature.name[lang],
                "note": feature.note[lang],
                **_csv_position(story, feature.id),
                "date": str(feature.date) if feature.date else "",
                "as_of": as_of,
                "hindsight": feature.hindsight,
                "estimate": feature.estimate,
                **_csv_sources(story, feature.sources, lang),
                **_csv_quote(story, feature.quote, lang),
            }
        )
    for figure in story.figures:
        low, high = shown_numbers(figure)
        writer.writerow(
            {
                "record": "figure",
                "id": figure.id,
                "kind": "figure",
                "name": figure.label[lang],
                "value": figure_value_text(figure, lang),
                "low": _plain_number(low),
                "high": _plain_number(high),
                "unit": figure.unit[lang] if figure.unit else "",
                "feature": figure.feature or "",
                "as_of": figure.as_of.isoformat(),
                "estimate": figure.approximate,
                **_csv_sources(story, figure.sources, lang),
                **_csv_quote(story, figure.quote, lang),
            }
        )
    for event in story.events:
        writer.writerow(
            {
                "record": "event",
                "id": event.id,
                "kind": "event",
                "name": event.title[lang],
                "feature": event.feature or "",
                **_csv_position(story, event.feature),
                "date": str(event.date),
                "as_of": as_of,
                "hindsight": event.hindsight,
                **_csv_sources(story, event.sources, lang),
                **_csv_quote(story, event.quote, lang),
            }
        )
    return buffer.getvalue()


@dataclass(frozen=True)
class ExportOptions:
    """What the desk chooses beyond format and language: the view the map opens on (or
    the image shows), the image size by name, and opt-in detail tiles for the HTML."""

    view: str | None = None
    size: str = "default"
    tiles: DetailTiles | None = None

    def check(self, story: Story) -> None:
        from dashboard.render.print.sizes import SIZE_NAMES

        views = [v.id for v in story.views]
        if self.view is not None and self.view not in views:
            raise ValueError(f"unknown view {self.view!r}: use one of {', '.join(views)}")
        if self.size not in SIZE_NAMES:
            raise ValueError(f"unknown size {self.size!r}: use one of {', '.join(SIZE_NAMES)}")


Maker = Callable[[Story, Lang, ExportOptions], str | bytes]


def _image(fmt: str) -> Maker:
    def render(story: Story, lang: Lang, options: ExportOptions) -> bytes:
        from dashboard.render.print.static_map import render_image  # matplotlib only when asked for

        return render_image(story, lang, fmt, options.view, options.size)  # type: ignore[arg-type]

    return render


def _html(story: Story, lang: Lang, options: ExportOptions) -> str:
    return export_html(story, lang, view=options.view, tiles=options.tiles)


def _plain(make: Callable[[Story, Lang], str]) -> Maker:
    """An export that has no options (data, the embed code)."""
    return lambda story, lang, _options: make(story, lang)


@dataclass(frozen=True)
class ExportFormat:
    """One way out for a story: its name (`--format`), file extension, MIME type, maker."""

    name: str
    extension: str
    mime_type: str
    make: Maker


# Every export, in the order the page offers them: the one table the command line, the
# page's download buttons and `export` read.
EXPORT_FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("html", "html", "text/html", _html),
        ExportFormat("embed", "embed.html", "text/html", _plain(embed_snippet)),
        ExportFormat("png", "png", "image/png", _image("png")),
        ExportFormat("svg", "svg", "image/svg+xml", _image("svg")),
        ExportFormat("geojson", "geojson", "application/geo+json", _plain(export_geojson)),
        ExportFormat("csv", "csv", "text/csv", _plain(export_csv)),
    )
}
FORMATS = tuple(EXPORT_FORMATS)


def export(story: Story, fmt: str, lang: Lang, options: ExportOptions | None = None) -> str | bytes:
    """The story in format `fmt` (one of FORMATS): text, or bytes for PNG."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    options = options or ExportOptions()
    options.check(story)
    return EXPORT_FORMATS[fmt].make(story, lang, options)


@dataclass(frozen=True)
class ExportResult:
    """One export as the page offers it: the file's bytes, or why it could not be made."""

    content: bytes | None
    failure: str | None = None


def export_result(story: Story, fmt: str, lang: Lang) -> ExportResult:
    """Like `export`, but a failure is a result too, so a page can cache it and say why
    instead of trying again on every click (or showing a traceback)."""
    try:
        content = export(story, fmt, lang)
    except Exception as error:  # a library failing on this story's data (matplotlib, GEOS)
        _log.warning("export %s of %s (%s) failed", fmt, story.slug, lang, exc_info=True)
        reason = " ".join(f"{type(error).__name__}: {error}".split())
        if len(reason) > MAX_REASON_CHARS:
            reason = reason[: MAX_REASON_CHARS - 1] + "…"
        return ExportResult(None, reason)
    return ExportResult(content if isinstance(content, bytes) else content.encode("utf-8"))
