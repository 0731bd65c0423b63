"""One-place stories anywhere on Earth, for tests of the named ground: a single point,
a region view of about 300 km and a close view of about 9 km around it."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from dashboard.core.model import Story
from dashboard.reader.story import load_story

REGION_KM = 300
CLOSE_KM = 9


@dataclass(frozen=True)
class Place:
    slug: str
    name_de: str
    name_en: str
    lon: float
    lat: float
    country: tuple[str, str]  # German, English
    # Names of water in the region view, any one of which is enough (German, English).
    waters: tuple[tuple[str, str], ...] = ()


# Six continents, none near the first story's region.
PLACES = (
    Place(
        "valencia",
        "Valencia",
        "Valencia",
        -0.3763,
        39.4699,
        ("Spanien", "Spain"),
        (("Balearenmeer", "Balearic Sea"), ("Mittelmeer", "Mediterranean Sea")),
    ),
    Place("marrakesh", "Marrakesch", "Marrakesh", -7.9811, 31.6295, ("Marokko", "Morocco")),
    Place(
        "derna",
        "Darna",
        "Derna",
        22.6377,
        32.7648,
        ("Libyen", "Libya"),
        (("Mittelmeer", "Mediterranean Sea"),),
    ),
    Place("kathmandu", "Kathmandu", "Kathmandu", 85.324, 27.7172, ("Nepal", "Nepal")),
    Place(
        "hualien",
        "Hualien",
        "Hualien",
        121.6014,
        23.9769,
        ("Taiwan", "Taiwan"),
        (("Philippinensee", "Philippine Sea"), ("Nordpazifik", "North Pacific Ocean")),
    ),
    Place(
        "christchurch",
        "Christchurch",
        "Christchurch",
        172.6362,
        -43.5321,
        ("Neuseeland", "New Zealand"),
        (("Südpazifik", "South Pacific Ocean"),),
    ),
    Place(
        "lima",
        "Lima",
        "Lima",
        -77.0428,
        -12.0464,
        ("Peru", "Peru"),
        (("Südpazifik", "South Pacific Ocean"),),
    ),
    Place(
        "porto-alegre",
        "Porto Alegre",
        "Porto Alegre",
        -51.2177,
        -30.0346,
        ("Brasilien", "Brazil"),
        (("Lagoa dos Patos", "Lagoa dos Patos"),),
    ),
    Place(
        "acapulco",
        "Acapulco",
        "Acapulco",
        -99.8237,
        16.8531,
        ("Mexiko", "Mexico"),
        (("Nordpazifik", "North Pacific Ocean"),),
    ),
    Place(
        "anchorage",
        "Anchorage",
        "Anchorage",
        -149.9003,
        61.2181,
        ("Vereinigte Staaten", "United States"),
        (("Cook Inlet", "Cook Inlet"),),
    ),
    Place(
        "goma",
        "Goma",
        "Goma",
        29.2205,
        -1.6585,
        ("Kongo-Kinshasa", "Congo - Kinshasa"),
        (("Kiwusee", "Lake Kivu"),),
    ),
    Place("dhaka", "Dhaka", "Dhaka", 90.4125, 23.8103, ("Bangladesch", "Bangladesh")),
)

STORY_TOML = """format = 1
language = "de"
title = {{ de = "Lage in {de}", en = "Situation in {en}" }}
summary = {{ de = "Eine erfundene Lage.", en = "A made-up situation." }}
published = 2026-01-02
as_of = 2026-01-02
credit = {{ de = "Karte: Test", en = "Map: Test" }}

[source]
publisher = "Testagentur"

[[views]]
id = "region"
name = {{ de = "Region", en = "Region" }}
bounds = {region}

[[views]]
id = "close"
name = {{ de = "Nahansicht", en = "Close-up" }}
bounds = {close}
"""


def bounds(place: Place, km: float) -> list[list[float]]:
    """[[south, west], [north, east]] of a square of `km` around the place."""
    half_lat = km / 2 / 111.2
    half_lon = half_lat / math.cos(math.radians(place.lat))
    return [
        [round(place.lat - half_lat, 4), round(place.lon - half_lon, 4)],
        [round(place.lat + half_lat, 4), round(place.lon + half_lon, 4)],
    ]


def one_place_story(place: Place, folder: Path) -> Story:
    target = folder / place.slug
    target.mkdir(parents=True, exist_ok=True)
    (target / "story.toml").write_text(
        STORY_TOML.format(
            de=place.name_de,
            en=place.name_en,
            region=json.dumps(bounds(place, REGION_KM)),
            close=json.dumps(bounds(place, CLOSE_KM)),
        ),
        "utf-8",
    )
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": {
            "id": place.slug,
            "kind": "place",
            "labelled": True,
            "name_de": place.name_de,
            "name_en": place.name_en,
            "note_de": "Der Ort.",
            "note_en": "The place.",
            "sources": [{"kind": "article"}],
        },
    }
    (target / "features.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": [feature]}), "utf-8"
    )
    return load_story(target)


CROWDED_EXTRA = """
[[figures]]
id = "people-affected"
feature = "{slug}"
label = {{ de = "Menschen ohne Obdach", en = "people left homeless by the flood" }}
low = 12000
high = 15000
callout = true

[[figures.sources]]
kind = "article"
"""
LONG_CREDIT = (
    'credit = {{ de = "Karte: Lagekarte · Grenzen: Natural Earth · Gewässer: Natural Earth'
    ' · Text: Maria Beispiel, Testagentur", en = "Map: Lagekarte · Borders: Natural Earth'
    ' · Water: Natural Earth · Text: Maria Beispiel, Testagentur" }}'
)


def point_feature(
    feature_id: str,
    lon: float,
    lat: float,
    names: tuple[str, str],
    notes: tuple[str, str],
    **properties: object,
) -> dict:
    """A point of a story's features.geojson, sourced to the article."""
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {
            "id": feature_id,
            **properties,
            "name_de": names[0],
            "name_en": names[1],
            "note_de": notes[0],
            "note_en": notes[1],
            "sources": [{"kind": "article"}],
        },
    }


def crowded_story(place: Place, folder: Path) -> Story:
    """A flood at `place`: its town and, 3 km away, the dike that broke (two marks that
    meet at the region view), a line along the river, a figure with a callout and a credit
    as long as the first story's."""
    one_place_story(place, folder)
    target = folder / place.slug
    toml = (target / "story.toml").read_text("utf-8")
    toml = toml.replace('credit = { de = "Karte: Test", en = "Map: Test" }', LONG_CREDIT.format())
    (target / "story.toml").write_text(toml + CROWDED_EXTRA.format(slug=place.slug), "utf-8")
    data = json.loads((target / "features.geojson").read_text("utf-8"))
    km = 1 / 111.2
    dike = point_feature(
        "dike-breach",
        place.lon + 2 * km,
        place.lat - 2 * km,
        ("Deichbruch", "Dike breach"),
        ("Hier brach der Deich.", "The dike broke here."),
        kind="place",
        labelled=True,
    )
    river = {
        "type": "Feature",
        "geometry": {
            "type": "LineString",
            "coordinates": [
                [place.lon - 80 * km, place.lat + 30 * km],
                [place.lon, place.lat + 5 * km],
                [place.lon + 80 * km, place.lat - 20 * km],
            ],
        },
        "properties": {
            "id": "flood-front",
            "kind": "line",
            "name_de": "Überflutungsgrenze",
            "name_en": "Edge of the flood",
            "note_de": "So weit reichte das Wasser.",
            "note_en": "How far the water reached.",
            "sources": [{"kind": "article"}],
        },
    }
    data["features"] += [dike, river]
    (target / "features.geojson").write_text(json.dumps(data), "utf-8")
    return load_story(target)


FLOOD_EVENTS = (
    ("Evakuierung des Stadtzentrums", "Centre evacuated"),
    ("Pegel 5,3 m (Angabe der Stadt)", "River at 5.3 m (according to the city)"),
)


def flood_with_events(place: Place, folder: Path) -> Story:
    """The crowded flood story with a longer second name (a collapsed bridge instead of
    the dike breach, on the town's dot at the region view) and two events on the town's
    spot (as the encirclement of Raqqa sits on Raqqa's dot)."""
    crowded_story(place, folder)
    target = folder / place.slug
    data = json.loads((target / "features.geojson").read_text("utf-8"))
    for feature in data["features"]:
        if feature["properties"]["id"] == "dike-breach":
            feature["properties"].update(
                name_de="Eingestürzte Brücke über den Guaíba",
                name_en="Collapsed bridge over the Guaíba",
            )
    for n, (de, en) in enumerate(FLOOD_EVENTS):
        data["features"].append(
            point_feature(
                f"flood-event-{n}",
                place.lon,
                place.lat,
                (de, en),
                ("Ein Ereignis der Flut.", "An event of the flood."),
                kind="event",
                date=f"2026-01-0{n + 1}",
            )
        )
    (target / "features.geojson").write_text(json.dumps(data), "utf-8")
    return load_story(target)
