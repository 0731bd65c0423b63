"""What a draft holds before it becomes a story folder: places, figures, dates, each with
its sentence, how sure the recogniser is, and why.

Plain data (dataclasses of strings and numbers) so that the editor can show and change
it and `draft.json` can keep it beside the story for a later review.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dashboard.core.geometry import LonLat

# How sure the recogniser is. Low items are kept, marked for the journalist to confirm.
HIGH, MEDIUM, LOW = "high", "medium", "low"
CONFIDENCES = (HIGH, MEDIUM, LOW)

# draft.json's layout. 2: a hand-set position is (lon, lat), as GeoJSON; 1 kept (lat, lon).
DRAFT_FORMAT = 2


def confidence_rank(confidence: str) -> int:
    """0 for the surest (high), up to 2 for low."""
    return CONFIDENCES.index(confidence)


@dataclass
class Candidate:
    """One gazetteer entry a place mention can mean."""

    ref: str  # "geonames:99072", "country:SY", "region:england"
    kind: str  # "city" | "country" | "region"
    name_de: str
    name_en: str
    country: str
    lat: float
    lon: float
    population: int
    source: str
    score: float = 0.0


@dataclass
class DraftPlace:
    id: str
    name: str  # as the article wrote it (nominative where it could tell)
    candidates: list[Candidate]
    chosen: int = 0
    sentences: list[int] = field(default_factory=list)
    confidence: str = LOW
    reasons: list[str] = field(default_factory=list)
    keep: bool = True
    distant: bool = False
    name_de: str = ""
    name_en: str = ""
    note: str = ""  # the journalist's note, in the article's language
    moved_to: LonLat | None = None  # (lon, lat) set by hand in the editor
    positions: list[tuple[int, int]] = field(default_factory=list)  # (sentence, offset)

    @property
    def place(self) -> Candidate:
        return self.candidates[self.chosen]

    @property
    def lon_lat(self) -> LonLat:
        return self.moved_to or (self.place.lon, self.place.lat)

    @property
    def kind(self) -> str:
        return self.place.kind


@dataclass
class DraftFigure:
    id: str
    text: str  # the figure as written: "50000 bis 100000"
    low: float
    high: float
    counts: str  # what is counted, in the article's words: "Zivilisten"
    sentence: int
    unit: str = ""  # "km", "Prozent", "Jahre"
    approximate: bool = False
    qualifier: str = ""  # "mindestens", "more than" …
    place: str | None = None  # id of the DraftPlace it belongs to
    confidence: str = MEDIUM
    reasons: list[str] = field(default_factory=list)
    keep: bool = True
    callout: bool = False
    label: str = ""  # what the figure says, in the article's language
    offset: int = 0  # where in its sentence
    was: float | None = None  # a change ("von 47 auf 96"): the earlier value; low/high: new


@dataclass
class DraftDate:
    id: str
    text: str  # as written: "29. Juni 2014", "am späten Donnerstagabend"
    date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY; None when it could not be resolved
    sentence: int
    inferred: bool = False  # resolved from a relative expression against the article date
    place: str | None = None
    confidence: str = MEDIUM
    reasons: list[str] = field(default_factory=list)
    keep: bool = True
    title: str = ""
    offset: int = 0


@dataclass
class DroppedText:
    """A paragraph, or the part of one, that the draft does not use, and why: nothing of
    the input is lost without a word."""

    text: str
    reason: str  # "banner (cookies, consent, subscription)", "byline", "dateline …"


@dataclass
class Draft:
    language: str
    headline: str
    summary: str
    published: str | None  # YYYY-MM-DD from the date line, None when there was none
    author: str | None
    publisher: str | None
    sentences: list[str]
    places: list[DraftPlace] = field(default_factory=list)
    figures: list[DraftFigure] = field(default_factory=list)
    dates: list[DraftDate] = field(default_factory=list)
    dropped: list[DroppedText] = field(default_factory=list)
    url: str | None = None
    notes: list[str] = field(default_factory=list)  # what the journalist should look at
    # Where the report was filed, from its dateline ("VALENCIA, Spain (AP) —"): the place
    # as written ("Valencia") and the region or country after it ("Spain"), or None.
    dateline_place: str | None = None
    dateline_region: str | None = None
    format: int = DRAFT_FORMAT

    def place(self, place_id: str | None) -> DraftPlace | None:
        return next((p for p in self.places if p.id == place_id), None)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Draft:
        data = dict(data)
        places = []
        for raw in data.pop("places", []):
            raw = dict(raw)
            raw["candidates"] = [Candidate(**c) for c in raw["candidates"]]
            if raw.get("moved_to") is not None:
                raw["moved_to"] = _moved_lon_lat(raw["moved_to"], data.get("format", 1))
            raw["positions"] = [tuple(p) for p in raw.get("positions", [])]
            places.append(DraftPlace(**raw))
        figures = [DraftFigure(**f) for f in data.pop("figures", [])]
        dates = [DraftDate(**d) for d in data.pop("dates", [])]
        dropped = [
            DroppedText(**d) if isinstance(d, dict) else DroppedText(str(d), "")
            for d in data.pop("dropped", [])
        ]
        data["format"] = DRAFT_FORMAT  # positions were read in the current order above
        return cls(**data, places=places, figures=figures, dates=dates, dropped=dropped)


def _moved_lon_lat(value: list[float], draft_format: int) -> LonLat:
    """A hand-set position as (lon, lat); drafts before format 2 kept it as (lat, lon)."""
    first, second = (float(v) for v in value)
    return (first, second) if draft_format >= DRAFT_FORMAT else (second, first)
