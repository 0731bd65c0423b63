"""First- and second-order subdivisions of ISO 3166-2 (the PyPI package `pycountry`, its
German translations `iso3166-2`), each given a point from what the gazetteer holds.

An article writes a province as ISO writes it ("Jawa Barat", "Donetska oblast") or in
German ("Kalifornien", "Lüttich"), where GeoNames has its English name ("West Java",
"Donetsk"). Each subdivision is matched by name to a GeoNames region of its country (whose
centre is the middle of its towns); one that matches none is placed at the biggest town
of its country named like it (provinces are often named after their capital). One that
matches neither is left out: a point made up would be worse than none.

subdivisions.tsv: code, parent code, type, ISO name, German name (empty when the same),
latitude, longitude, where the point comes from ("admin:…", a GeoNames region's ref, or
"town:<geonameid>"). Sorted by code.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dashboard.core.names import fold, place_key

# Words of an ISO name that say what kind of division it is ("Donetska oblast",
# "Provincia di Roma", "Comunidad de Madrid"): left out to match the GeoNames name.
DIVISION_WORDS = frozenset(
    (
        *("oblast", "oblast'", "oblasti", "krai", "kray", "okrug", "respublika", "province"),
        *("provincia", "provincie", "provinsi", "region", "región", "regione", "région"),
        *("state", "estado", "department", "departamento", "département", "district"),
        *("distrito", "county", "governorate", "prefecture", "comunidad", "communauté"),
        *("autónoma", "autonomous", "community", "de", "del", "di", "la", "le", "of", "the"),
        # Nordic counties ("Jämtlands län", "Troms fylke", "Lapin maakunta").
        *("län", "lan", "fylke", "maakunta", "landskap"),
    )
)


@dataclass
class Subdivision:
    code: str
    parent: str
    type: str
    name: str
    name_de: str
    lat: float = 0.0
    lon: float = 0.0
    point: str = ""

    @property
    def country(self) -> str:
        return self.code.split("-", 1)[0]

    def names(self) -> list[str]:
        """The ISO name, each of its parts ("A / B"), its comma form turned round
        ("Valenciana, Comunidad": "Comunidad Valenciana"), the German name, and the forms
        English news write: the compass word in English ("Sulawesi Tenggara": "Southeast
        Sulawesi"), a Nordic county without its word and genitive ("Jämtlands län":
        "Jämtland")."""
        found: list[str] = []
        for part in _bracketed(self.name):
            part = part.strip()
            if ", " in part:
                head, _, tail = part.partition(", ")
                part = f"{tail} {head}"
            found += [part, *english_forms(part)]
        if self.name_de:
            found.append(self.name_de)
        return [n for n in dict.fromkeys(found) if n]

    def line(self) -> str:
        return "\t".join(
            [
                self.code,
                self.parent,
                self.type,
                self.name,
                self.name_de,
                f"{self.lat:.4f}",
                f"{self.lon:.4f}",
                self.point,
            ]
        )


def iso_subdivisions() -> list[Subdivision]:
    """Every ISO 3166-2 subdivision with its German name where the translation differs."""
    import pycountry

    german = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
    found = []
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        name_de = german.gettext(s.name)
        found.append(
            Subdivision(
                s.code, s.parent_code or "", s.type, s.name, "" if name_de == s.name else name_de
            )
        )
    return found


# Compass words as ISO writes them in Indonesian and Malay ("Jawa Barat"), and GeoNames'
# English adjectives ("Northern Darfur" is ISO's "North Darfur").
COMPASS_WORDS = {
    "barat": "West",
    "timur": "East",
    "utara": "North",
    "selatan": "South",
    "tengah": "Central",
    "tenggara": "Southeast",
}
# GeoNames writes the regions of some countries in ASCII, umlauts spelt out ("Jaemtland",
# "Vaesterbotten"); pycountry keeps the letters ("Jämtlands län").
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
COMPASS_ADJECTIVES = {
    "North": "Northern",
    "South": "Southern",
    "East": "Eastern",
    "West": "Western",
}


NORDIC_COUNTY_WORDS = frozenset(("län", "fylke"))
_BRACKET = re.compile(r"^(.*?)\s*\[([^\]]*)\]$")


def _bracketed(name: str) -> list[str]:
    """The parts of an ISO name ("A / B"), a bracketed second name taken as one ("A Coruña
    [La Coruña]"), a bracketed code left out ("Jämtlands län [SE-23]")."""
    parts = []
    for part in name.split(" / "):
        match = _BRACKET.match(part.strip())
        if match is None:
            parts.append(part)
            continue
        parts.append(match.group(1))
        if not any(ch.isdigit() for ch in match.group(2)):
            parts.append(match.group(2))
    return parts


def english_forms(name: str) -> list[str]:
    """Names an English or German text writes for an ISO name that is neither: "Sulawesi
    Tenggara" is "Southeast Sulawesi", "Jämtlands län" is "Jämtland"."""
    words = name.split()
    forms = []
    if len(words) > 1 and fold(words[-1]) in COMPASS_WORDS:
        forms.append(" ".join([COMPASS_WORDS[fold(words[-1])], *words[:-1]]))
    if len(words) == 2 and words[1] in NORDIC_COUNTY_WORDS and words[0].endswith("s"):
        forms.append(words[0][:-1])  # the county word governs a genitive
    return forms


def match_keys(name: str) -> list[str]:
    """Place keys a subdivision's name may share with GeoNames' name of it: the whole,
    without its division words, a Slavic adjective ending dropped ("Donetska"), its
    compass word in English ("Jawa Barat": "West Jawa"; "North Darfur": "Northern
    Darfur"), a Nordic county's genitive dropped, its umlauts spelt out as GeoNames'
    ASCII names do ("Jämtlands län": "Jaemtland")."""
    words = [w for w in name.replace("-", " ").split() if fold(w) not in DIVISION_WORDS]
    forms = [name, " ".join(words), *english_forms(name)]
    forms += [f.translate(UMLAUTS) for f in forms if f != f.translate(UMLAUTS)]
    if len(words) > 1 and fold(words[-1]) in COMPASS_WORDS:
        forms.append(" ".join([COMPASS_WORDS[fold(words[-1])], *words[:-1]]))
    if len(words) > 1 and forms[-1].split()[0] in COMPASS_ADJECTIVES:
        first, *rest = forms[-1].split()
        forms.append(" ".join([COMPASS_ADJECTIVES[first], *rest]))
    if len(words) == 1 and len(words[0]) > 5:
        word = words[0]
        for ending, replacement in (("ska", "sk"), ("ska", ""), ("skaya", "sk"), ("skaja", "sk")):
            if word.endswith(ending):
                forms.append(word[: -len(ending)] + replacement)
    return [k for k in dict.fromkeys(place_key(f) for f in forms if f) if k]


def place_subdivisions(
    subdivisions: list[Subdivision],
    regions: Iterable[tuple[str, str, int, list[str], float, float]],
    towns: Iterable[tuple[str, str, int, list[str], float, float]],
) -> None:
    """Give each subdivision a point: a GeoNames region of its country (first order for a
    first-order subdivision) sharing a key with it, else the biggest town of its country
    named like it. `regions` and `towns`: (country, ref, order or population, names, lat,
    lon)."""
    region_of: dict[tuple[str, int, str], tuple[str, float, float]] = {}
    for country, ref, order, names, lat, lon in sorted(regions, key=lambda r: r[1]):
        for name in names:
            for key in match_keys(name):
                region_of.setdefault((country, order, key), (ref, lat, lon))
    town_of: dict[tuple[str, str], tuple[int, str, float, float]] = {}
    for country, ref, population, names, lat, lon in towns:
        for name in names:
            known = town_of.get((country, place_key(name)))
            if known is None or (population, ref) > known[:2]:
                town_of[(country, place_key(name))] = (population, ref, lat, lon)
    for sub in subdivisions:
        order = 2 if sub.parent else 1
        keys = [k for n in sub.names() for k in match_keys(n)]
        found = next(
            (
                region_of[(sub.country, o, k)]
                for o in (order, 3 - order)
                for k in keys
                if (sub.country, o, k) in region_of
            ),
            None,
        )
        if found is not None:
            sub.point, sub.lat, sub.lon = found
            continue
        town = next((town_of[(sub.country, k)] for k in keys if (sub.country, k) in town_of), None)
        if town is not None:
            sub.point, sub.lat, sub.lon = f"town:{town[1]}", town[2], town[3]


def write_subdivisions(subdivisions: list[Subdivision], path: Path) -> None:
    header = "# code, parent, type, ISO name, German name, lat, lon, point (pycountry)"
    lines = [header, *(s.line() for s in subdivisions if s.point)]
    path.write_text("\n".join(lines) + "\n", "utf-8")


def read_subdivisions(path: Path) -> list[Subdivision]:
    found = []
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            code, parent, kind, name, name_de, lat, lon, point = line.split("\t")
            found.append(
                Subdivision(code, parent, kind, name, name_de, float(lat), float(lon), point)
            )
    return found
