"""Photo captions in a row, each with its credit: each a caption, none joined to the next
line and read as sentences."""

from __future__ import annotations

import pytest

from dashboard.draft.article import article_from_text
from dashboard.draft.page_furniture import PHOTO_CAPTION, PHOTO_CREDIT, ends_with_photo_credit

LEAD_DE = "Derna (dpa) - Nach dem Dammbruch wurden 4000 Tote gezählt, sagte ein Sprecher."
LEAD_EN = "DHAKA, Bangladesh (AP) — The cyclone killed 24 people, officials said on Monday."


def _read(lead: str, block: str):
    return article_from_text(f"Meldung\n\n{lead}\n\n{block}")


@pytest.mark.parametrize(
    ("lead", "captions", "after"),
    [
        (
            LEAD_DE,
            [
                "Rettungskräfte suchen in den Trümmern von Derna nach Überlebenden (Foto: AFP)",
                "Zerstörte Häuser am Ufer des Wadi Derna nach der Flut am Montag (Bild: Reuters)",
            ],
            "Die Behörden in Bengasi meldeten 120 Vermisste.",
        ),
        (
            LEAD_DE,
            [
                "Rettungskräfte suchen in den Trümmern von Derna nach Überlebenden. Foto: dpa",
                "Zerstörte Häuser am Ufer des Wadi Derna nach der Flut am Montag. Foto: AFP",
            ],
            "Die Behörden in Bengasi meldeten 120 Vermisste.",
        ),
        (
            LEAD_EN,
            [
                "Villagers wade through floodwater in Satkhira district on Tuesday (Photo: AFP)",
                "A boat carries rice to a shelter near Khulna after the storm (Photo: Reuters)",
            ],
            "Officials in Barisal said 120 were missing.",
        ),
        (
            LEAD_EN,
            [
                "Residents clear mud from a street in Valparaíso, Chile, on Sunday. Photo: AP",
                "Firefighters rest beside a burned bus in Viña del Mar on Saturday. Photo: EFE",
            ],
            "Officials in Santiago said 120 were missing.",
        ),
    ],
)
def test_captions_in_a_row_are_each_a_caption(lead, captions, after) -> None:
    article = _read(lead, "\n".join([*captions, after]))
    dropped = [(d.text, d.reason) for d in article.dropped]
    assert [(caption, PHOTO_CAPTION) for caption in captions] == [
        d for d in dropped if d[1] == PHOTO_CAPTION
    ]
    assert article.body[-1] == after
    assert not any(caption[:20] in s.text for s in article.sentences for caption in captions)


def test_a_credit_line_below_a_caption_is_its_own_line() -> None:
    caption = "Ein Bagger räumt Geröll von der Straße nach Brienz im Kanton Graubünden weg"
    article = _read(LEAD_DE, f"{caption}\nFoto: Keystone\nDie Straße bleibt gesperrt.")
    assert (caption, PHOTO_CAPTION) in [(d.text, d.reason) for d in article.dropped]
    assert ("Foto: Keystone", PHOTO_CREDIT) in [(d.text, d.reason) for d in article.dropped]
    assert article.body[-1] == "Die Straße bleibt gesperrt."


@pytest.mark.parametrize(
    "line",
    [
        "Er sagte der Bild: Wir bleiben in Kiew.",  # a newspaper's name, then a quote
        "The agency released a photo: it shows the dam in Derna.",
        "Die Feuerwehr zeigte Bilder der Flut am Dienstag.",
        "Nach dem Beben. Foto zeigt Trümmer in Antakya und Hatay am Morgen.",  # a sentence
    ],
)
def test_look_alikes_of_a_caption_credit(line: str) -> None:
    assert not ends_with_photo_credit(line)


def test_hard_wrapped_text_still_wraps_beside_captions() -> None:
    wrapped = (
        "Nach dem Starkregen standen am Dienstag weite Teile der Stadt Porto\n"
        "Alegre unter Wasser, wie die Feuerwehr des Bundesstaates mitteilte."
    )
    article = _read(LEAD_DE, wrapped)
    assert article.body[-1] == wrapped.replace("\n", " ")


def test_a_long_caption_above_the_headline_leaves_the_headline() -> None:
    caption = (
        "FILE - Houses lie in ruins after a quake in Yushu, Qinghai province, western China, "
        "on April 15, 2010. A new quake hit the region on Monday, officials said. "
        "(AP Photo/Jane Roe, File)"
    )
    headline = "Quake in western China kills 9 people, injures 40"
    article = article_from_text(
        f"{caption}\n{headline}\n\nXINING, China (AP) — A quake killed 9 people in Qinghai."
    )
    assert article.headline == headline
    assert (caption, PHOTO_CAPTION) in [(d.text, d.reason) for d in article.dropped]
    assert [s.text for s in article.sentences if s.paragraph >= 1] == [
        "XINING, China (AP) — A quake killed 9 people in Qinghai."
    ]
