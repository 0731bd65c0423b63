"""The editor's review tables: the draft's places, figures and dates as rows, in the
page's language; the journalist's edits are read back into a copy of the draft.

The drafting core explains itself in English (`reasons`) and writes its notes for the
journalist in both languages ("de / en"); here they are shown in the page's language
only, so that the editor speaks one language at a time.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.core.geometry import LonLat
from dashboard.core.i18n import Lang, text
from dashboard.draft import Draft
from dashboard.draft.model import Candidate

# The drafting core's reasons in German; the key is the English reason, with `{}` for
# the part that varies. A reason not listed here is shown as written.
REASONS_DE: dict[str, str] = {
    "place named in the same sentence": "Ort im selben Satz genannt",
    "refers back to a place named before": "bezieht sich auf einen vorher genannten Ort",
    "same date, same sentence": "gleiches Datum im selben Satz",
    "after the article's date: not on the timeline": "nach dem Artikeldatum: nicht auf "
    "der Zeitleiste",
    "an age": "ein Alter",
    "range kept as a range": "Spanne bleibt Spanne",
    "qualified: {}": "mit Zusatz: {}",
    "preposition or place word before it": "Präposition oder Ortswort davor",
    "the article names its country ({})": "der Artikel nennt sein Land ({})",
    "only as an adjective": "nur als Adjektiv",
    "spelling close to the gazetteer's, not equal: confirm": "Schreibweise ähnlich, "
    "nicht gleich: bitte bestätigen",
    "may be part of a person's name": "vielleicht Teil eines Personennamens",
    "inflected form": "gebeugte Form",
}
_REASON_PATTERNS = [
    (re.compile(re.escape(english).replace(r"\{\}", "(.+)") + r"\Z"), german)
    for english, german in REASONS_DE.items()
]


def reason_text(reason: str, lang: Lang) -> str:
    """One of the core's reasons in the page's language."""
    if lang == "en":
        return reason
    for pattern, german in _REASON_PATTERNS:
        match = pattern.match(reason)
        if match:
            return german.replace("{}", match.group(1)) if match.groups() else german
    return reason


def note_text(note: str, lang: Lang) -> str:
    """A note written "German / English" in the page's language (the last " / " parts
    them: the German half may hold one itself)."""
    german, _, english = note.rpartition(" / ")
    if not german:
        return note
    return german if lang == "de" else english


def confidence_text(confidence: str, lang: Lang) -> str:
    return text(f"editor.confidence.{confidence}", lang)


def candidate_label(candidate: Candidate, lang: Lang = "en") -> str:
    name = candidate.name_de if lang == "de" else candidate.name_en
    return f"{name or candidate.name_en} ({candidate.country}, {candidate.ref})"


def places_frame(draft: Draft, lang: Lang = "en") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "keep": [p.keep for p in draft.places],
            "nr": [str(i + 1) for i in range(len(draft.places))],
            "name": [p.name for p in draft.places],
            "candidate": [candidate_label(p.place, lang) for p in draft.places],
            "confidence": [confidence_text(p.confidence, lang) for p in draft.places],
            "note": [p.note for p in draft.places],
            "why": ["; ".join(reason_text(r, lang) for r in p.reasons) for p in draft.places],
        }
    )


def figures_frame(draft: Draft, lang: Lang = "en") -> pd.DataFrame:
    places = {p.id: p.name for p in draft.places}
    return pd.DataFrame(
        {
            "keep": [f.keep for f in draft.figures],
            "callout": [f.callout for f in draft.figures],
            "figure": [f.text for f in draft.figures],
            "label": [f.label for f in draft.figures],
            "place": [places.get(f.place or "", "") for f in draft.figures],
            "confidence": [confidence_text(f.confidence, lang) for f in draft.figures],
            "sentence": [draft.sentences[f.sentence] for f in draft.figures],
        }
    )


def dates_frame(draft: Draft, lang: Lang = "en") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "keep": [d.keep for d in draft.dates],
            "date": [d.date or "" for d in draft.dates],
            "title": [d.title for d in draft.dates],
            "written": [d.text + (" *" if d.inferred else "") for d in draft.dates],
            "confidence": [confidence_text(d.confidence, lang) for d in draft.dates],
        }
    )


TICKS = ("keep", "callout")  # the tables' tick columns


def _table(frame: pd.DataFrame, key: str, disabled: list[str], lang: Lang, **columns: Any):
    """One review table: rows fixed, a "keep" tick first, `columns` as configured."""
    column = st.column_config
    # An empty table (an article with no dates) has float columns, which the ticks and
    # text columns refuse: every column gets its own type whatever the rows.
    frame = frame.astype({name: bool if name in TICKS else str for name in frame.columns})
    return st.data_editor(
        frame,
        key=key,
        hide_index=True,
        use_container_width=True,
        num_rows="fixed",
        disabled=disabled,
        column_config={
            "keep": column.CheckboxColumn(text("editor.keep", lang), width="small"),
            "confidence": column.TextColumn(text("editor.confidence", lang)),
            **columns,
        },
    )


def review_places(draft: Draft, lang: Lang) -> pd.DataFrame:
    options = sorted({candidate_label(c, lang) for p in draft.places for c in p.candidates})
    column = st.column_config
    return _table(
        places_frame(draft, lang),
        "editor.places",
        ["nr", "confidence", "why"],
        lang,
        nr=column.TextColumn(text("editor.nr", lang), width="small"),
        name=column.TextColumn(text("editor.name", lang), max_chars=200),
        candidate=column.SelectboxColumn(
            text("editor.candidate", lang), options=options, width="large"
        ),
        note=column.TextColumn(text("editor.note", lang), max_chars=1000),
        why=column.TextColumn(text("editor.why", lang)),
    )


def review_figures(draft: Draft, lang: Lang) -> pd.DataFrame:
    column, frame = st.column_config, figures_frame(draft, lang)
    locked = ["figure", "place", "confidence", "sentence"]
    return _table(
        frame,
        "editor.figures",
        locked,
        lang,
        callout=column.CheckboxColumn(text("editor.callout", lang)),
        figure=column.TextColumn(text("editor.figure", lang)),
        label=column.TextColumn(text("editor.label", lang), max_chars=300),
        place=column.TextColumn(text("editor.place", lang)),
        sentence=column.TextColumn(text("editor.sentence", lang)),
    )


def review_dates(draft: Draft, lang: Lang) -> pd.DataFrame:
    column, frame = st.column_config, dates_frame(draft, lang)
    return _table(
        frame,
        "editor.dates",
        ["written", "confidence"],
        lang,
        date=column.TextColumn(text("editor.date", lang), validate=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
        title=column.TextColumn(text("editor.event", lang), max_chars=300),
        written=column.TextColumn(text("editor.as_written", lang)),
    )


def reviewed(
    draft: Draft,
    places: pd.DataFrame,
    figures: pd.DataFrame,
    dates: pd.DataFrame,
    moved: dict[str, LonLat],
    lang: Lang = "en",
) -> Draft:
    """The draft with the journalist's edits (a copy: the original stays for a redo).
    `lang` is the language the tables were made in (for the gazetteer entries' names)."""
    result = copy.deepcopy(draft)
    for place, row in zip(result.places, places.to_dict("records"), strict=True):
        place.keep = bool(row["keep"])
        place.name = str(row["name"] or place.name).strip() or place.name
        place.note = str(row["note"] or "").strip()
        labels = [candidate_label(c, lang) for c in place.candidates]
        if row["candidate"] in labels:
            place.chosen = labels.index(row["candidate"])
        place.name_de = place.name_en = ""
        if place.id in moved:
            place.moved_to = moved[place.id]
    kept = {p.id for p in result.places if p.keep}
    for figure, row in zip(result.figures, figures.to_dict("records"), strict=True):
        figure.keep = bool(row["keep"])
        figure.callout = bool(row["callout"])
        figure.label = str(row["label"] or figure.label).strip() or figure.label
        if figure.place not in kept:
            figure.place = None
    for date, row in zip(result.dates, dates.to_dict("records"), strict=True):
        date.keep = bool(row["keep"]) and bool(row["date"])
        date.date = str(row["date"] or "") or None
        date.title = str(row["title"] or date.title).strip() or date.title
        if date.place not in kept:
            date.place = None
    return result
