"""A draft is for the journalist to review: what only the journalist needs stays in
draft.json and the editor, never in the texts readers see."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.draft import article_from_text, draft_article, write_story
from dashboard.draft.writer import preview_story
from dashboard.reader.story import load_story

# Far from the first story: an election in West Africa and a quake in the Andes.
ARTICLES = [
    """Wahl in Ghana: Mahama gewinnt

Accra, 9. Dezember 2024 (dpa) - Nach der Präsidentenwahl in Ghana hat die Wahlkommission
in Accra das Ergebnis verkündet. In Kumasi feierten Tausende Anhänger. Aus Tamale wurden
zwölf Verletzte gemeldet. In Kumasi blieb es danach ruhig.
""",
    """Earthquake shakes northern Peru

LIMA, Peru, May 28, 2024 (AP) — A magnitude 7.2 earthquake struck off the coast of
northern Peru, near Trujillo. In Chiclayo, 14 people were injured. Authorities in Lima
said schools in Piura would stay closed on Wednesday.
""",
]
EDITOR_ONLY = (
    "genannt",
    "bitte prüfen",
    "please check",
    "named",
    "×",
    "confidence",
    "Sicherheit",
    "automatisch",
    "automatically",
)


def reader_texts(folder: Path) -> str:
    """Every file a reader's page or export reads: all but draft.json."""
    return "\n".join(
        p.read_text("utf-8") for p in sorted(folder.iterdir()) if p.name != "draft.json"
    )


@pytest.mark.parametrize("article", ARTICLES, ids=["ghana-de", "peru-en"])
def test_notes_for_the_editor_never_reach_readers(tmp_path, article) -> None:
    draft = draft_article(article_from_text(article))
    assert draft.places, "the article names places"
    folder = write_story(draft, tmp_path / "entwurf")
    shown = reader_texts(folder).casefold()
    assert [word for word in EDITOR_ONLY if word.casefold() in shown] == []
    review = json.loads((folder / "draft.json").read_text("utf-8"))
    assert {p["confidence"] for p in review["places"]} <= {"high", "medium", "low"}
    assert all(p["sentences"] for p in review["places"])  # how often each is named


def test_the_preview_is_the_story_as_it_would_be_written(tmp_path) -> None:
    draft = draft_article(article_from_text(ARTICLES[1]))
    preview = preview_story(draft)
    written = load_story(write_story(draft, tmp_path / "peru"))
    assert [f.id for f in preview.features] == [f.id for f in written.features]
    assert preview.title == written.title
    assert list(tmp_path.iterdir()) == [tmp_path / "peru"]  # the preview leaves nothing
