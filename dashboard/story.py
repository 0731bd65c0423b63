"""Read and validate a story folder (`story.toml` + `features.geojson`) into a `Story`.

Validation collects every problem instead of stopping at the first, and each problem
names the file, the feature (or figure, event, line) and the field, so that a journalist
can fix a story without reading a traceback. Nothing here knows about maps or pages.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import reprlib
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shapely
from pyproj import Geod
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from dashboard.i18n import LANGS, Lang

if TYPE_CHECKING:
    from dashboard.eventlayer import EventLayer

STORY_FILE = "story.toml"
FEATURES_FILE = "features.geojson"
FORMAT_VERSION = 1

# Bounds that keep a hostile or broken file from exhausting memory or time.
MAX_FILE_BYTES = 8 * 1024 * 1024
# tomllib needs far more memory and time per byte than json (hundreds of bytes of objects
# per byte of headers or dotted keys), so story.toml, a few kB of metadata, gets less room.
MAX_TOML_BYTES = 256 * 1024
# Each key of more dotted parts costs tomllib time and memory growing with the square of
# its parts; a story needs two or three.
MAX_KEY_PARTS = 8
MAX_FEATURES = 5_000
MAX_VERTICES = 200_000
MAX_TEXT_CHARS = 5_000

SLUG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
ID_PATTERN = SLUG_PATTERN
DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

# Which geometry types each kind of feature may have.
KIND_GEOMETRIES: dict[str, tuple[str, ...]] = {
    "place": ("Point",),
    "event": ("Point",),
    "area": ("Polygon", "MultiPolygon"),
    "line": ("LineString", "MultiLineString"),
}

# Map layers a reader can switch on and off; a distant feature goes to "context".
LAYER_OF_KIND: dict[str, str] = {
    "place": "places",
    "area": "areas",
    "line": "lines",
    "event": "events",
}
LAYERS: tuple[str, ...] = ("areas", "lines", "places", "events", "context")

GEOD = Geod(ellps="WGS84")


# ---------------------------------------------------------------------------
# The typed story
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A text a reader sees, in both languages."""

    de: str
    en: str

    def __getitem__(self, lang: Lang) -> str:
        return self.de if lang == "de" else self.en


@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, the month or only the year."""

    value: dt.date
    precision: str  # "day" | "month" | "year"

    def __str__(self) -> str:
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


@dataclass(frozen=True)
class Feature:
    id: str
    kind: str
    geometry: BaseGeometry
    name: Text
    note: Text
    source: Text
    quote: Text | None = None
    date: PartialDate | None = None
    hindsight: bool = False
    estimate: bool = False
    labelled: bool = False
    distant: bool = False

    @property
    def layer(self) -> str:
        """The switchable map layer the feature belongs to."""
        return "context" if self.distant else LAYER_OF_KIND[self.kind]


@dataclass(frozen=True)
class Figure:
    id: str
    label: Text
    low: float
    high: float
    source: Text
    as_of: dt.date
    unit: Text | None = None
    feature: str | None = None
    quote: Text | None = None
    approximate: bool = False
    computed: bool = False

    @property
    def is_range(self) -> bool:
        return self.low != self.high


@dataclass(frozen=True)
class Event:
    id: str
    date: PartialDate
    title: Text
    source: Text
    feature: str | None = None
    quote: Text | None = None
    hindsight: bool = False


@dataclass(frozen=True)
class View:
    id: str
    name: Text
    bounds: tuple[tuple[float, float], tuple[float, float]]  # (south, west), (north, east)


@dataclass(frozen=True)
class ArticleSource:
    publisher: str
    author: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Story:
    slug: str
    path: Path
    language: Lang
    title: Text
    summary: Text
    published: dt.date
    as_of: dt.date
    credit: Text
    source: ArticleSource
    features: tuple[Feature, ...]
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    views: tuple[View, ...] = ()
    event_layer: EventLayer | None = None

    def feature(self, feature_id: str) -> Feature:
        for feature in self.features:
            if feature.id == feature_id:
                return feature
        raise KeyError(feature_id)

    def figures_of(self, feature_id: str) -> list[Figure]:
        return [f for f in self.figures if f.feature == feature_id]

    def events_of(self, feature_id: str) -> list[Event]:
        return [e for e in self.events if e.feature == feature_id]


# ---------------------------------------------------------------------------
# Problems
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a story: file, the item it is in, the field, what is wrong."""

    file: str
    where: str
    field: str | None
    message: str

    def __post_init__(self) -> None:
        # A folder name that is not UTF-8, or a "\ud800" escape in JSON, gives a lone
        # surrogate that cannot be printed or sent to a page: show it as the escape instead.
        for name in ("file", "where", "field", "message"):
            value = getattr(self, name)
            if value is not None and not _is_unicode(value):
                object.__setattr__(self, name, _printable(value))

    def __str__(self) -> str:
        field_part = f": field '{self.field}'" if self.field else ""
        return f"{self.file}: {self.where}{field_part}: {self.message}"


class StoryError(Exception):
    """A story could not be loaded; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


# ---------------------------------------------------------------------------
# Reading fields with checks
# ---------------------------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_UNICODE = "not valid Unicode: half of a surrogate pair (an escape such as \\ud800)"
# A value quoted in a message: short and shallow, however long or deep the value is.
_shown = reprlib.Repr()
_shown.maxstring = _shown.maxother = 60


def _is_unicode(text: str) -> bool:
    """False for text holding a lone surrogate, which no page or terminal can show."""
    return text.isascii() or not _SURROGATE.search(text)


def _printable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _finite(value: float) -> bool:
    """math.isfinite, False also for an integer too large for a float."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def parse_partial_date(raw: object) -> PartialDate:
    """`2017-06-29`, `2017-06` or `2017` (string, or a TOML date) -> PartialDate."""
    if isinstance(raw, dt.datetime):
        raise ValueError("give a date without a time")
    if isinstance(raw, dt.date):
        return PartialDate(raw, "day")
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    if not isinstance(raw, str):
        raise ValueError("expected a date like 2017-06-29, 2017-06 or 2017")
    match = DATE_PATTERN.match(raw.strip())
    if not match:
        raise ValueError(f"malformed date {_shown.repr(raw)}: expected YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = match.groups()
    try:
        value = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as error:
        raise ValueError(f"malformed date {raw!r}: {error}") from None
    precision = "day" if day else "month" if month else "year"
    return PartialDate(value, precision)


class _Fields:
    """Typed reads of one record's fields; problems are collected, not raised."""

    def __init__(self, problems: list[Problem], file: str, where: str, data: Mapping[str, Any]):
        self.problems = problems
        self.file = file
        self.where = where
        self.data = data

    def problem(self, field_name: str | None, message: str) -> None:
        self.problems.append(Problem(self.file, self.where, field_name, message))

    def _present(self, key: str) -> bool:
        value = self.data.get(key)
        return value is not None and value != ""

    def string(self, key: str, required: bool = True) -> str | None:
        if not self._present(key):
            if required:
                self.problem(key, "missing required field")
            return None
        value = self.data[key]
        if not isinstance(value, str):
            self.problem(key, f"expected text, got {type(value).__name__}")
            return None
        if len(value) > MAX_TEXT_CHARS:
            self.problem(key, f"text longer than {MAX_TEXT_CHARS} characters")
            return None
        if not _is_unicode(value):
            self.problem(key, _NOT_UNICODE)
            return None
        return value

    def boolean(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.problem(key, f"expected true or false, got {_shown.repr(value)}")
            return False
        return value

    def number(self, key: str) -> float | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(key, f"expected a number, got {_shown.repr(value)}")
            return None
        if not _finite(value):
            self.problem(key, "number must be finite")
            return None
        return float(value)

    def date(self, key: str, required: bool = True) -> PartialDate | None:
        if not self._present(key):
            if required:
                self.problem(key, "missing required field")
            return None
        try:
            return parse_partial_date(self.data[key])
        except ValueError as error:
            self.problem(key, str(error))
            return None

    def day(self, key: str, required: bool = True) -> dt.date | None:
        """A full date (published, as of)."""
        partial = self.date(key, required)
        if partial is not None and partial.precision != "day":
            self.problem(key, f"needs a full date YYYY-MM-DD, got {partial}")
            return None
        return partial.value if partial else None

    def text(self, key: str, required: bool = True) -> Text | None:
        """A bilingual table `{ de = "...", en = "..." }` (story.toml)."""
        if key not in self.data:
            if required:
                self.problem(key, "missing required field")
            return None
        table = self.data[key]
        if not isinstance(table, Mapping):
            self.problem(
                key, "expected a table with 'de' and 'en', e.g. { de = \"…\", en = \"…\" }"
            )
            return None
        sub = _Fields(self.problems, self.file, self.where, table)
        return self._bilingual(key, {lang: (lang, sub) for lang in LANGS})

    def flat_text(self, key: str, required: bool = True) -> Text | None:
        """A bilingual text as two properties `key_de`, `key_en` (features.geojson)."""
        if not any(self._present(f"{key}_{lang}") for lang in LANGS):
            if required:
                self.problem(f"{key}_de", "missing required field")
            return None
        return self._bilingual(key, {lang: (f"{key}_{lang}", self) for lang in LANGS})

    def _bilingual(self, key: str, sources: dict[Lang, tuple[str, _Fields]]) -> Text | None:
        values: dict[str, str] = {}
        for lang, (sub_key, fields) in sources.items():
            name = sub_key if fields is self else f"{key}.{sub_key}"
            if not fields._present(sub_key):
                self.problem(name, f"missing translation '{lang}'")
                continue
            value = fields.data[sub_key]
            if not isinstance(value, str):
                self.problem(name, f"expected text, got {type(value).__name__}")
            elif len(value) > MAX_TEXT_CHARS:
                self.problem(name, f"text longer than {MAX_TEXT_CHARS} characters")
            elif not _is_unicode(value):
                self.problem(name, _NOT_UNICODE)
            else:
                values[lang] = value
        if len(values) != len(LANGS):
            return None
        return Text(de=values["de"], en=values["en"])

    def source(self) -> Text | None:
        """`source = "…"` (a citation the same in both languages) or a bilingual table."""
        if isinstance(self.data.get("source"), Mapping):
            return self.text("source")
        citation = self.string("source")
        return Text(citation, citation) if citation is not None else None

    def flat_source(self) -> Text | None:
        """`source` (language-neutral) or `source_de` + `source_en` (features.geojson)."""
        if any(f"source_{lang}" in self.data for lang in LANGS):
            return self.flat_text("source")
        citation = self.string("source")
        return Text(citation, citation) if citation is not None else None

    def unknown_keys(self, allowed: Iterable[str]) -> None:
        allowed_set = set(allowed)
        for key in self.data:
            if key not in allowed_set:
                self.problem(key, "unknown field (a typo?)")


# ---------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------


def _read_text(path: Path, problems: list[Problem], limit: int = MAX_FILE_BYTES) -> str | None:
    name = str(path)
    if not path.is_file():
        problems.append(Problem(name, "file", None, "file not found"))
        return None
    size = path.stat().st_size
    if size > limit:
        problems.append(Problem(name, "file", None, f"file is {size:,} bytes, more than {limit:,}"))
        return None
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(Problem(name, f"byte {error.start}", None, "file is not UTF-8 text"))
        return None


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not allowed in JSON")


def _read_json(path: Path, problems: list[Problem]) -> Any:
    content = _read_text(path, problems)
    if content is None:
        return None
    try:
        return json.loads(content, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        problems.append(
            Problem(
                str(path),
                f"line {error.lineno}, column {error.colno}",
                None,
                f"JSON syntax error: {error.msg}",
            )
        )
    except ValueError as error:
        problems.append(Problem(str(path), "file", None, f"JSON error: {error}"))
    except RecursionError:
        problems.append(Problem(str(path), "file", None, "JSON is nested too deeply"))
    return None


# A key with more than MAX_KEY_PARTS parts (each bare, "basic" or 'literal'), where keys
# begin: at the start of a line or table header, or in an inline table. Looked for in the
# text, as tomllib would spend too long on it.
_KEY_PART = r"""(?:[\w-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_DEEP_KEY = re.compile(
    rf"(?:^[ \t]*\[*|[{{,])[ \t]*(?:{_KEY_PART}[ \t]*\.[ \t]*){{{MAX_KEY_PARTS}}}",
    re.MULTILINE | re.ASCII,
)


def _read_toml(path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    content = _read_text(path, problems, MAX_TOML_BYTES)
    if content is None:
        return None
    deep = _DEEP_KEY.search(content)
    if deep:
        line = content.count("\n", 0, deep.start()) + 1
        message = f"key of more than {MAX_KEY_PARTS} dotted parts: TOML is nested too deeply"
        problems.append(Problem(str(path), f"line {line}", None, message))
        return None
    try:
        return tomllib.loads(content)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        line = re.search(r"line (\d+)", message)
        where = f"line {line.group(1)}" if line else "file"
        problems.append(Problem(str(path), where, None, f"TOML syntax error: {message}"))
    except ValueError as error:  # an integer of more than 4,300 digits
        problems.append(Problem(str(path), "file", None, f"TOML error: {error}"))
    except RecursionError:
        problems.append(Problem(str(path), "file", None, "TOML is nested too deeply"))
    return None


# ---------------------------------------------------------------------------
# Features
# ---------------------------------------------------------------------------


def _positions(coordinates: Any, depth: int = 0) -> Iterator[Any]:
    """Every position (innermost list) of a GeoJSON coordinates array."""
    if depth > 4:
        raise ValueError("coordinates are nested too deeply")
    if isinstance(coordinates, list) and not coordinates:
        return
    if isinstance(coordinates, list) and isinstance(coordinates[0], list):
        for item in coordinates:
            yield from _positions(item, depth + 1)
    else:
        yield coordinates


def _region_box(views: list[View]) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) around all views, with a margin; None without views."""
    if not views:
        return None
    south = min(v.bounds[0][0] for v in views)
    west = min(v.bounds[0][1] for v in views)
    north = max(v.bounds[1][0] for v in views)
    east = max(v.bounds[1][1] for v in views)
    margin = 2.0
    return west - margin, south - margin, east + margin, north + margin


def _inside(box: tuple[float, float, float, float], lon: float, lat: float) -> bool:
    west, south, east, north = box
    return west <= lon <= east and south <= lat <= north


def _check_coordinates(
    fields: _Fields,
    geometry: Mapping[str, Any],
    region: tuple[float, float, float, float] | None,
    distant: bool,
) -> bool:
    """Finite, in range, and not lat/lon swapped. Reports the first problem only."""
    try:
        positions = list(_positions(geometry.get("coordinates")))
    except ValueError as error:
        fields.problem("geometry", str(error))
        return False
    if len(positions) > MAX_VERTICES:
        fields.problem("geometry", f"more than {MAX_VERTICES:,} vertices")
        return False
    for position in positions:
        if (
            not isinstance(position, list)
            or len(position) < 2
            or not all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in position)
        ):
            fields.problem(
                "geometry", f"malformed position {_shown.repr(position)}: expected [lon, lat]"
            )
            return False
        lon, lat = position[0], position[1]
        if not (_finite(lon) and _finite(lat)):
            fields.problem("geometry", "coordinates must be finite numbers")
            return False
        if abs(lat) > 90 and abs(lon) <= 90:
            fields.problem(
                "geometry",
                f"latitude {lat} out of range; coordinates look swapped: GeoJSON is [lon, lat]",
            )
            return False
        if abs(lon) > 180 or abs(lat) > 90:
            fields.problem("geometry", f"coordinates [{lon}, {lat}] out of range")
            return False
    if region is not None and not distant:
        outside = [p for p in positions if not _inside(region, p[0], p[1])]
        if outside and all(_inside(region, p[1], p[0]) for p in outside):
            lon, lat = outside[0][0], outside[0][1]
            fields.problem(
                "geometry",
                f"[{lon}, {lat}] lies outside the story's views but [{lat}, {lon}] inside: "
                "coordinates look swapped (GeoJSON is [lon, lat])",
            )
            return False
    return True


def _read_features(
    path: Path, problems: list[Problem], views: list[View], written_ids: set[str]
) -> list[Feature]:
    """Valid features; `written_ids` gets every id written, valid or not, so that
    references to a broken feature are not reported twice."""
    data = _read_json(path, problems)
    if data is None:
        return []
    file = str(path)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        problems.append(Problem(file, "file", "type", "expected a GeoJSON FeatureCollection"))
        return []
    raw_features = data.get("features")
    if not isinstance(raw_features, list):
        problems.append(Problem(file, "file", "features", "expected a list of features"))
        return []
    if len(raw_features) > MAX_FEATURES:
        problems.append(Problem(file, "file", "features", f"more than {MAX_FEATURES:,} features"))
        return []

    region = _region_box(views)
    features: list[Feature] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_features):
        where = f"feature #{index + 1}"
        if not isinstance(raw, dict):
            problems.append(Problem(file, where, None, "expected a GeoJSON Feature object"))
            continue
        properties = raw.get("properties")
        if not isinstance(properties, dict):
            problems.append(Problem(file, where, "properties", "missing properties object"))
            continue
        raw_id = properties.get("id")
        if isinstance(raw_id, str) and raw_id:
            where = f"feature {_shown.repr(raw_id)}"  # 'mosul'; shortened if long
            written_ids.add(raw_id)
        fields = _Fields(problems, file, where, properties)
        feature_id = fields.string("id")
        if feature_id is not None:
            if not ID_PATTERN.match(feature_id):
                fields.problem("id", "use lower-case letters, digits and hyphens")
            if feature_id in seen:
                fields.problem("id", f"duplicate feature id '{feature_id}'")
            seen.add(feature_id)
        kind = fields.string("kind")
        if kind is not None and kind not in KIND_GEOMETRIES:
            fields.problem(
                "kind", f"unknown kind {kind!r}: use one of {', '.join(KIND_GEOMETRIES)}"
            )
            kind = None
        name = fields.flat_text("name")
        note = fields.flat_text("note")
        source = fields.flat_source()
        quote = fields.flat_text("quote", required=False)
        date = fields.date("date", required=False)
        flags = {
            key: fields.boolean(key) for key in ("hindsight", "estimate", "labelled", "distant")
        }
        geometry = _read_geometry(fields, raw.get("geometry"), kind, region, flags["distant"])
        if None in (feature_id, kind, name, note, source, geometry):
            continue
        features.append(
            Feature(
                id=feature_id,
                kind=kind,
                geometry=geometry,
                name=name,
                note=note,  # type: ignore[arg-type]
                source=source,
                quote=quote,
                date=date,
                **flags,  # type: ignore[arg-type]
            )
        )
    return features


def _read_geometry(
    fields: _Fields,
    raw: Any,
    kind: str | None,
    region: tuple[float, float, float, float] | None,
    distant: bool,
) -> BaseGeometry | None:
    if not isinstance(raw, dict):
        got = "" if raw is None else f": expected an object, got {type(raw).__name__}"
        fields.problem("geometry", f"missing geometry{got}")
        return None
    geometry_type = raw.get("type")
    if kind is not None and geometry_type not in KIND_GEOMETRIES[kind]:
        needs = " or ".join(KIND_GEOMETRIES[kind])
        fields.problem("geometry", f"a {kind} needs {needs}, got {_shown.repr(geometry_type)}")
        return None
    if not _check_coordinates(fields, raw, region, distant):
        return None
    try:
        geometry = shape(raw)
    except (
        ValueError,
        TypeError,
        AttributeError,
        IndexError,
        KeyError,
        shapely.errors.ShapelyError,
    ) as error:
        fields.problem("geometry", f"invalid geometry: {error}")
        return None
    if geometry.is_empty:
        fields.problem("geometry", "empty geometry")
        return None
    if not geometry.is_valid:
        fields.problem("geometry", f"invalid geometry: {shapely.is_valid_reason(geometry)}")
        return None
    return geometry


# ---------------------------------------------------------------------------
# story.toml
# ---------------------------------------------------------------------------

STORY_KEYS = (
    "events_layer",
    "format",
    "language",
    "title",
    "summary",
    "published",
    "as_of",
    "credit",
    "source",
    "views",
    "figures",
    "events",
)


def _records(
    data: Mapping[str, Any], key: str, file: str, problems: list[Problem]
) -> Iterator[_Fields]:
    """Each `[[key]]` table as _Fields named by its id (or its position)."""
    records = data.get(key, [])
    if not isinstance(records, list):
        problems.append(Problem(file, "file", key, f"expected [[{key}]] tables"))
        return
    seen: set[str] = set()
    singular = key.rstrip("s")
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            problems.append(Problem(file, f"{singular} #{index + 1}", None, "expected a table"))
            continue
        record_id = record.get("id")
        where = (
            f"{singular} '{record_id}'"
            if isinstance(record_id, str) and record_id
            else f"{singular} #{index + 1}"
        )
        fields = _Fields(problems, file, where, record)
        checked_id = fields.string("id")
        if checked_id is not None:
            if checked_id in seen:
                fields.problem("id", f"duplicate {singular} id '{checked_id}'")
            seen.add(checked_id)
        yield fields


def _read_views(data: Mapping[str, Any], file: str, problems: list[Problem]) -> list[View]:
    views: list[View] = []
    for fields in _records(data, "views", file, problems):
        fields.unknown_keys(("id", "name", "bounds"))
        view_id = fields.string("id")
        name = fields.text("name")
        bounds = _read_bounds(fields)
        if view_id and name and bounds:
            views.append(View(view_id, name, bounds))
    return views


def _read_bounds(fields: _Fields) -> tuple[tuple[float, float], tuple[float, float]] | None:
    raw = fields.data.get("bounds")
    if raw is None:
        fields.problem("bounds", "missing required field")
        return None
    try:
        (south, west), (north, east) = raw
        numbers = [float(v) for v in (south, west, north, east)]
    except (TypeError, ValueError, OverflowError):
        fields.problem("bounds", "expected [[south, west], [north, east]]")
        return None
    south, west, north, east = numbers
    if not all(math.isfinite(v) for v in numbers) or not (
        -90 <= south < north <= 90 and -180 <= west < east <= 180
    ):
        fields.problem(
            "bounds", "expected [[south, west], [north, east]] with south < north, west < east"
        )
        return None
    return (south, west), (north, east)


def _read_figures(
    data: Mapping[str, Any],
    file: str,
    problems: list[Problem],
    features: Mapping[str, Feature],
    feature_ids: set[str],
    as_of: dt.date | None,
) -> list[Figure]:
    figures: list[Figure] = []
    for fields in _records(data, "figures", file, problems):
        fields.unknown_keys(
            (
                "id",
                "label",
                "value",
                "low",
                "high",
                "compute",
                "unit",
                "feature",
                "source",
                "quote",
                "as_of",
                "approximate",
            )
        )
        figure_id = fields.string("id")
        label = fields.text("label")
        unit = fields.text("unit", required=False)
        feature = _feature_reference(fields, feature_ids)
        source = fields.source()
        quote = fields.text("quote", required=False)
        figure_as_of = fields.day("as_of", required=False) or as_of
        approximate = fields.boolean("approximate")
        numbers = _figure_numbers(fields, features)
        if None in (figure_id, label, source, numbers, figure_as_of):
            continue
        low, high, computed = numbers  # type: ignore[misc]
        figures.append(
            Figure(
                id=figure_id,
                label=label,
                low=low,
                high=high,
                source=source,  # type: ignore[arg-type]
                as_of=figure_as_of,
                unit=unit,
                feature=feature,
                quote=quote,  # type: ignore[arg-type]
                approximate=approximate,
                computed=computed,
            )
        )
    return figures


def _figure_numbers(
    fields: _Fields, features: Mapping[str, Feature]
) -> tuple[float, float, bool] | None:
    """(low, high, computed) from `value`, `low`/`high` or `compute`."""
    value, low, high = fields.number("value"), fields.number("low"), fields.number("high")
    compute = fields.data.get("compute")
    given = [name for name in ("value", "low", "compute") if fields.data.get(name) is not None]
    if fields.data.get("high") is not None and "low" not in given:
        fields.problem("low", "a range needs both 'low' and 'high'")
        return None
    if len(given) != 1:
        fields.problem("value", "give exactly one of 'value', 'low' and 'high', or 'compute'")
        return None
    if value is not None:
        return value, value, False
    if low is not None or high is not None:
        if low is None or high is None:
            fields.problem("high" if high is None else "low", "a range needs both 'low' and 'high'")
            return None
        if low > high:
            fields.problem("low", f"low {low:g} is greater than high {high:g}")
            return None
        return low, high, False
    if compute is not None:
        distance = _computed_distance(fields, compute, features)
        return None if distance is None else (distance, distance, True)
    return None


def _computed_distance(
    fields: _Fields, compute: Any, features: Mapping[str, Feature]
) -> float | None:
    pair = compute.get("distance") if isinstance(compute, dict) else None
    if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
        fields.problem("compute", 'expected { distance = ["feature-a", "feature-b"] }')
        return None
    points = []
    for feature_id in pair:
        feature = features.get(feature_id)
        if feature is None:
            fields.problem("compute", f"unknown feature '{feature_id}'")
            return None
        if feature.geometry.geom_type != "Point":
            fields.problem("compute", f"feature '{feature_id}' is not a point")
            return None
        points.append(feature.geometry)
    return geodesic_distance_km(points[0].y, points[0].x, points[1].y, points[1].x)


def geodesic_distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on the WGS84 ellipsoid, in km."""
    _, _, metres = GEOD.inv(lon1, lat1, lon2, lat2)
    return metres / 1000.0


def _feature_reference(fields: _Fields, feature_ids: set[str]) -> str | None:
    feature = fields.string("feature", required=False)
    if feature is not None and feature not in feature_ids:
        fields.problem("feature", f"unknown feature '{feature}'")
        return None
    return feature


def _read_events(
    data: Mapping[str, Any],
    file: str,
    problems: list[Problem],
    feature_ids: set[str],
    as_of: dt.date | None,
) -> list[Event]:
    events: list[Event] = []
    for fields in _records(data, "events", file, problems):
        fields.unknown_keys(("id", "date", "title", "feature", "source", "quote", "hindsight"))
        event_id = fields.string("id")
        date = fields.date("date")
        title = fields.text("title")
        feature = _feature_reference(fields, feature_ids)
        source = fields.source()
        quote = fields.text("quote", required=False)
        hindsight = fields.boolean("hindsight")
        if date is not None and as_of is not None:
            _check_hindsight(fields, date, as_of, hindsight)
        if None in (event_id, date, title, source):
            continue
        events.append(
            Event(
                id=event_id,
                date=date,
                title=title,
                source=source,  # type: ignore[arg-type]
                feature=feature,
                quote=quote,
                hindsight=hindsight,
            )
        )
    events.sort(key=lambda e: (e.date.value, e.id))
    return events


def _check_hindsight(fields: _Fields, date: PartialDate, as_of: dt.date, hindsight: bool) -> None:
    after = date.value > as_of
    if after and not hindsight:
        fields.problem(
            "hindsight", f"dated {date}, after the story's as_of {as_of}: mark it hindsight = true"
        )
    elif hindsight and not after:
        fields.problem(
            "hindsight", f"dated {date}, not after the story's as_of {as_of}: it is not hindsight"
        )


def _read_source(
    data: Mapping[str, Any], file: str, problems: list[Problem]
) -> ArticleSource | None:
    raw = data.get("source")
    if not isinstance(raw, dict):
        problems.append(Problem(file, "[source]", "publisher", "missing required [source] table"))
        return None
    fields = _Fields(problems, file, "[source]", raw)
    fields.unknown_keys(("publisher", "author", "title", "url"))
    publisher = fields.string("publisher")
    if publisher is None:
        return None
    return ArticleSource(
        publisher=publisher,
        author=fields.string("author", required=False),
        title=fields.string("title", required=False),
        url=fields.string("url", required=False),
    )


# ---------------------------------------------------------------------------
# Public entry points
# ---------------------------------------------------------------------------


def load_story(folder: str | Path) -> Story:
    """Read and validate a story folder. Raises StoryError listing every problem."""
    folder = Path(folder)
    problems: list[Problem] = []
    slug = folder.name
    if not SLUG_PATTERN.match(slug):
        problems.append(
            Problem(
                str(folder),
                "folder",
                None,
                "a story folder's name is its slug: lower-case letters, digits, hyphens",
            )
        )
        raise StoryError(problems)
    if not folder.is_dir():
        raise StoryError([Problem(str(folder), "folder", None, "not a story folder")])

    story_path = folder / STORY_FILE
    file = str(story_path)
    data = _read_toml(story_path, problems) or {}
    top = _Fields(problems, file, "story", data)
    if data:
        top.unknown_keys(STORY_KEYS)
        if data.get("format") != FORMAT_VERSION:
            top.problem("format", f"expected format = {FORMAT_VERSION}")
    language = top.string("language") if data else None
    if language is not None and language not in LANGS:
        top.problem("language", f"unknown language {language!r}: use 'de' or 'en'")
    title = top.text("title") if data else None
    summary = top.text("summary") if data else None
    credit = top.text("credit") if data else None
    published = top.day("published") if data else None
    as_of = top.day("as_of") if data else None
    source = _read_source(data, file, problems) if data else None
    views = _read_views(data, file, problems)

    feature_ids: set[str] = set()
    features = _read_features(folder / FEATURES_FILE, problems, views, feature_ids)
    by_id = {f.id: f for f in features}
    figures = _read_figures(data, file, problems, by_id, feature_ids, as_of)
    events = _read_events(data, file, problems, feature_ids, as_of)
    for feature in features:
        if feature.date is not None and as_of is not None:
            where = _Fields(problems, str(folder / FEATURES_FILE), f"feature '{feature.id}'", {})
            _check_hindsight(where, feature.date, as_of, feature.hindsight)
    event_layer = _read_event_layer_spec(folder, data, file, problems)

    if problems:
        raise StoryError(problems)
    return Story(
        slug=slug,
        path=folder,
        language=language,
        title=title,
        summary=summary,  # type: ignore[arg-type]
        published=published,
        as_of=as_of,
        credit=credit,
        source=source,  # type: ignore[arg-type]
        features=tuple(features),
        figures=tuple(figures),
        events=tuple(events),
        views=tuple(views),
        event_layer=event_layer,
    )


def _read_event_layer_spec(
    folder: Path, data: Mapping[str, Any], file: str, problems: list[Problem]
) -> EventLayer | None:
    """The optional `[events_layer]`: a file of dated point events beside the story."""
    spec = data.get("events_layer")
    if spec is None:
        return None
    if not isinstance(spec, dict):
        problems.append(Problem(file, "[events_layer]", None, "expected a table"))
        return None
    fields = _Fields(problems, file, "[events_layer]", spec)
    fields.unknown_keys(("file", "name", "source"))
    name = fields.text("name")
    source = fields.source()
    if name is None or source is None:
        return None
    from dashboard.eventlayer import read_event_layer  # pandas only for stories with events

    return read_event_layer(folder, spec, name, source, problems, file)


def validate_story(folder: str | Path) -> list[Problem]:
    """Every problem of a story folder; an empty list for a good story."""
    try:
        load_story(folder)
    except StoryError as error:
        return error.problems
    return []


@dataclass(frozen=True)
class StoryListing:
    """The stories of a folder: the loaded ones and, per broken one, its problems."""

    stories: dict[str, Story] = field(default_factory=dict)
    broken: dict[str, list[Problem]] = field(default_factory=dict)


def story_folders(root: str | Path) -> list[Path]:
    """Story folders under `root` (each holding a story.toml), sorted by name."""
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(p.parent for p in root.glob(f"*/{STORY_FILE}"))


def load_stories(root: str | Path) -> StoryListing:
    """Load every story under `root`; one broken story never stops the others."""
    listing = StoryListing()
    for folder in story_folders(root):
        try:
            listing.stories[folder.name] = load_story(folder)
        except StoryError as error:
            listing.broken[_printable(folder.name)] = error.problems
    return listing
