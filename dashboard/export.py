"""Exports of a story: a single-file HTML page and GeoJSON data.

The HTML page inlines Leaflet and all data, carries a Content-Security-Policy that
allows no other origin, and works opened from disk with no network.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from typing import Any

from jinja2 import Environment
from shapely.geometry import mapping

from dashboard.assets import inline_assets
from dashboard.basemap import CREDIT as BASEMAP_CREDIT
from dashboard.i18n import Lang, format_partial_date, text
from dashboard.maps import build_map, figure_meta_text, figure_value_text
from dashboard.story import Story

FORMATS = ("html", "geojson")

_PAGE = Environment(autoescape=True).from_string(
    """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{{ title }}</title>
<meta name="description" content="{{ description }}">
{{ header | safe }}
<style>.lk-alt{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);}</style>
</head>
<body>
<p class="lk-alt" id="lk-alt">{{ alt }}</p>
{{ body | safe }}
<script>
{{ script | safe }}
</script>
</body>
</html>
"""
)
_CSP_PLACEHOLDER = "__LAGEKARTE_CSP__"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def alt_text(story: Story, lang: Lang) -> str:
    """A text alternative for screen readers: what the map shows, in sentences."""
    places = ", ".join(f.name[lang] for f in story.features if not f.distant)
    figures = "; ".join(f"{f.label[lang]}: {figure_value_text(f, lang)}" for f in story.figures)
    as_of = format_partial_date(story.as_of, "day", lang)
    parts = [
        f"{text('alt.map', lang)}: {story.title[lang]}.",
        f"{text('alt.shows', lang)}: {places}.",
    ]
    if figures:
        parts.append(f"{text('alt.figures', lang)}: {figures}.")
    parts.append(f"{text('as_of', lang)}: {as_of}.")
    return " ".join(parts)


def _content_security_policy(page: str) -> str:
    """Allow exactly the page's own inline scripts (by hash) and nothing from elsewhere."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in _INLINE_SCRIPT.findall(page)
    )
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; "
        "img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def export_html(story: Story, lang: Lang) -> str:
    """The story's map as one self-contained HTML page."""
    folium_map = build_map(story, lang, show_title=True)
    inline_assets(folium_map)
    figure = folium_map.get_root()
    figure.render()
    page = _PAGE.render(
        lang=lang,
        csp=_CSP_PLACEHOLDER,
        title=story.title[lang],
        description=story.summary[lang],
        alt=alt_text(story, lang),
        header=figure.header.render(),
        body=figure.html.render(),
        script=figure.script.render(),
    )
    return page.replace(_CSP_PLACEHOLDER, _content_security_policy(page), 1)


def _feature_properties(story: Story, feature_id: str, lang: Lang) -> dict[str, Any]:
    feature = story.feature(feature_id)
    figures = story.figures_of(feature_id)
    return {
        "id": feature.id,
        "kind": feature.kind,
        "name": feature.name[lang],
        "note": feature.note[lang],
        "source": feature.source[lang],
        "quote": feature.quote[lang] if feature.quote else None,
        "quote_original": feature.quote[story.language] if feature.quote else None,
        "date": str(feature.date) if feature.date else None,
        "hindsight": feature.hindsight,
        "estimate": feature.estimate,
        "distant": feature.distant,
        "figures": "; ".join(
            f"{figure_value_text(f, lang)} {f.label[lang]} ({figure_meta_text(f, lang)})"
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
                    "source": f.source[lang],
                    "as_of": f.as_of.isoformat(),
                    "computed": f.computed,
                }
                for f in story.figures
            ],
        },
        "features": [
            {
                "type": "Feature",
                "geometry": mapping(feature.geometry),
                "properties": _feature_properties(story, feature.id, lang),
            }
            for feature in story.features
        ],
    }
    return json.dumps(collection, ensure_ascii=False, indent=1)


def export(story: Story, fmt: str, lang: Lang) -> str:
    """Dispatch on the format name."""
    if fmt == "html":
        return export_html(story, lang)
    if fmt == "geojson":
        return export_geojson(story, lang)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
