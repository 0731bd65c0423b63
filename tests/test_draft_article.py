"""Real text in, nothing lost: headline, datelines, bylines, date lines, and every
paragraph either used or listed as dropped with its reason. Made-up wire copy from many
regions."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from dashboard.draft.article import (
    BYLINE,
    CREDIT_LINE,
    DATE_LINE,
    INLINE_TEASER,
    KICKER,
    UPDATE_LINE,
    Article,
    article_from_html,
    article_from_text,
)
from dashboard.draft.engine import draft_article
from dashboard.ui.draft_cli import summary_lines

WIRE_EN = """Floods sweep through Kenyan capital as rains intensify

By Amina Wekesa, Reuters

Published 7:31 AM EAT, Wed April 24, 2024

NAIROBI, Kenya (Reuters) - Floodwaters swept through informal settlements in Nairobi \
on Tuesday, killing at least 13 people, police said.

More than 2,000 families were moved to schools in Mombasa, the Red Cross said.

The Nairobi River burst its banks late on Monday.

Rains have fallen since March 2024, according to the meteorological department.

Reporting by Amina Wekesa; editing by Tom Hale
"""
WIRE_DE = """Unwetter
Schwere Überschwemmungen im Süden Brasiliens

31.10.2024, 14:12 Uhr

Porto Alegre (dpa) - Nach tagelangem Regen stehen weite Teile von Porto Alegre unter Wasser.

Mindestens 75 Menschen kamen ums Leben.

In Canoas wurden 150 Menschen aus ihren Häusern gerettet.

Stand: 31.10.2024 18:03 Uhr
"""
NO_LINE_BREAKS = (
    "Ein Erdbeben der Stärke 6,8 hat am Freitagabend die Region um Marrakesch erschüttert. "
    "Mindestens 2.000 Menschen kamen nach Angaben des Innenministeriums ums Leben. "
    "Besonders betroffen sind Dörfer im Atlasgebirge, wo viele Häuser aus Lehm gebaut sind. "
    "Rettungskräfte suchen in Amizmiz weiter nach Verschütteten."
)
LONG_FIRST_PARAGRAPH = (
    "Wildfires fanned by strong winds tore through hillside neighbourhoods of Valparaíso on "
    "Saturday, killing at least 46 people and destroying more than 1,100 homes, officials "
    "said, in what the president called the country's worst disaster since the 2010 "
    "earthquake\n\nFirefighters were still battling 92 fires in the region on Sunday."
)


def _words(text: str) -> Counter[str]:
    return Counter(text.split())


def _kept_and_dropped(article: Article) -> Counter[str]:
    parts = [article.headline, *article.body, *(item.text for item in article.dropped)]
    return _words(" ".join(parts))


@pytest.mark.parametrize("text", [WIRE_EN, WIRE_DE, NO_LINE_BREAKS, LONG_FIRST_PARAGRAPH])
def test_every_word_of_the_input_is_used_or_dropped(text: str) -> None:
    assert _kept_and_dropped(article_from_text(text)) == _words(text)


def test_english_wire_copy_one_sentence_per_paragraph() -> None:
    article = article_from_text(WIRE_EN)
    assert article.headline == "Floods sweep through Kenyan capital as rains intensify"
    assert (article.author, article.publisher) == ("Amina Wekesa", "Reuters")
    assert article.published == dt.date(2024, 4, 24)
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.region) == ("Nairobi", "Kenya")
    # every lead sentence is read, none is lost between headline and body
    assert article.body[0].startswith("NAIROBI, Kenya (Reuters) - Floodwaters")
    assert any(s.text.startswith("More than 2,000 families") for s in article.sentences)
    reasons = {item.text: item.reason for item in article.dropped}
    assert reasons == {
        "By Amina Wekesa, Reuters": BYLINE,
        "Published 7:31 AM EAT, Wed April 24, 2024": DATE_LINE,
        "Reporting by Amina Wekesa; editing by Tom Hale": CREDIT_LINE,
    }


def test_german_wire_copy_kicker_dateline_and_update() -> None:
    article = article_from_text(WIRE_DE)
    assert article.headline == "Schwere Überschwemmungen im Süden Brasiliens"
    assert article.published == dt.date(2024, 10, 31)
    assert article.dateline is not None and article.dateline.agency == "dpa"
    assert article.publisher == "dpa"
    assert [item.reason for item in article.dropped] == [KICKER, DATE_LINE, UPDATE_LINE]
    assert len(article.body) == 3


def test_text_with_no_line_breaks_is_all_body() -> None:
    article = article_from_text(NO_LINE_BREAKS)
    assert article.headline == ""
    assert len(article.sentences) == 4
    draft = draft_article(article)
    assert draft.headline.startswith("Ein Erdbeben der Stärke 6,8")
    assert len(draft.headline) <= 82
    assert any("Überschrift" in note for note in draft.notes)
    assert any(f.low == 2000 for f in draft.figures)  # the first sentences are read


def test_a_long_first_paragraph_is_no_headline() -> None:
    article = article_from_text(LONG_FIRST_PARAGRAPH)
    assert article.headline == ""
    assert article.body[0].startswith("Wildfires fanned")
    draft = draft_article(article)
    assert {46, 1100} <= {int(f.low) for f in draft.figures}


def test_a_short_first_line_is_the_headline() -> None:
    article = article_from_text("Flut in Libyen\n\nIn Derna brachen zwei Dämme. Viele starben.")
    assert article.headline == "Flut in Libyen"


def test_no_date_found_is_said_and_not_replaced_by_today() -> None:
    draft = draft_article(article_from_text("Dürre in Sambia\n\nDie Ernte in Lusaka fiel aus."))
    assert draft.published is None
    assert any("Erscheinungsdatum" in note and "publication" in note for note in draft.notes)


def test_the_given_date_overrides_the_text() -> None:
    draft = draft_article(article_from_text(WIRE_DE), published=dt.date(2024, 11, 2))
    assert draft.published == "2024-11-02"


def test_dropped_text_is_shown_and_kept_in_the_draft() -> None:
    draft = draft_article(article_from_text(WIRE_EN))
    lines = summary_lines(draft)
    assert "dropped (byline): By Amina Wekesa, Reuters" in lines
    assert "dateline: Nairobi, Kenya" in lines
    data = draft.to_dict()
    assert {"text": "By Amina Wekesa, Reuters", "reason": BYLINE} in data["dropped"]
    assert data["dateline_place"] == "Nairobi"
    assert type(draft).from_dict(data).dropped == draft.dropped


def test_a_share_line_above_the_article_is_navigation() -> None:
    article = article_from_text(
        "Jetzt teilen.\n\nDürre in Namibia\n\nIn Windhuk wird das Wasser knapp, "
        "sagte die Stadtverwaltung am Montag."
    )
    assert article.headline == "Dürre in Namibia"
    assert article.dropped[0].text == "Jetzt teilen."


def test_a_weak_menu_word_does_not_drop_a_lead_sentence() -> None:
    article = article_from_text(
        "Waldbrände in Kanada\n\nJetzt ist hier in Yellowknife alles evakuiert.\n\n"
        "Die Feuer brennen seit Wochen."
    )
    assert article.headline == "Waldbrände in Kanada"
    assert article.body[0] == "Jetzt ist hier in Yellowknife alles evakuiert."


def test_hard_wrapped_lines_make_one_paragraph() -> None:
    article = article_from_text(
        "Zyklon trifft Mosambik\n\n"
        "Beira (dpa) - Der Zyklon hat in der Hafenstadt Beira und in der\n"
        "Provinz Sofala schwere Schäden angerichtet.\n"
    )
    assert article.headline == "Zyklon trifft Mosambik"
    assert article.body == [
        "Beira (dpa) - Der Zyklon hat in der Hafenstadt Beira und in der Provinz Sofala "
        "schwere Schäden angerichtet."
    ]


def test_html_metadata_date_is_the_publication_date() -> None:
    html = (
        "<html><head><title>Quake shakes Hualien</title>"
        '<meta property="article:published_time" content="2024-04-03T08:12:00+08:00">'
        "</head><body><article><h1>Quake shakes Hualien</h1><p>A strong earthquake shook "
        "the eastern county of Hualien on Wednesday morning, the weather agency said in a "
        "statement, and buildings leaned in the city centre.</p><p>Rescuers reached dozens "
        "of people trapped in tunnels near the Taroko gorge by the afternoon.</p>"
        "</article></body></html>"
    )
    article = article_from_html(html)
    assert article.published == dt.date(2024, 4, 3)


def test_caption_with_credit_byline_below_it_and_dates_in_priority() -> None:
    article = article_from_text(
        "Cyclone batters Mozambique coast\n\n"
        "A woman wades through a flooded street in Beira, Mozambique, Sunday, March 16, "
        "2025. The storm made landfall overnight with winds of 180 kilometres an hour, "
        "officials said. (AP Photo/Jane Roe)\n\n"
        "By Ana Lopes And Tom Hale, The Associated Press\n\n"
        "Last Updated March 17, 2025 9:10 am.\n\n"
        "BEIRA, Mozambique (AP) — Rescuers searched flooded districts of Beira on Monday.\n\n"
        "17.03.2025\n"
    )
    assert (article.author, article.publisher) == ("Ana Lopes And Tom Hale", "The Associated Press")
    # the dateline has no year; the update line is the only date in the head
    assert article.published == dt.date(2025, 3, 17)
    reasons = [item.reason for item in article.dropped]
    assert reasons[:3] == ["photo caption", BYLINE, UPDATE_LINE]
    assert article.body == [
        "BEIRA, Mozambique (AP) — Rescuers searched flooded districts of Beira on Monday."
    ]


def test_a_dated_dateline_counts_before_a_date_below_the_text() -> None:
    article = article_from_text(
        "Bolivien: Überschwemmungen in La Paz\n\n"
        "La Paz, 12.03.2025: Nach heftigen Regenfällen sind in La Paz mehrere Viertel "
        "überflutet. Die Regierung rief den Notstand aus.\n\n13.03.2025\n"
    )
    assert article.published == dt.date(2025, 3, 12)


@pytest.mark.parametrize("credit", ["(dpa/AFP)", "lrs/dpa", "dpa", "AFP/mig"])
def test_agency_codes_under_a_german_report_are_a_credit_line(credit: str) -> None:
    article = article_from_text(
        "Erdrutsch in Peru\n\n"
        f"In der Region Áncash verschüttete ein Erdrutsch ein Dorf.\n\n{credit}\n"
    )
    assert article.dropped[-1].text == credit and article.dropped[-1].reason == CREDIT_LINE
    assert article.publisher in ("dpa", "AFP")
    assert article.body == ["In der Region Áncash verschüttete ein Erdrutsch ein Dorf."]


def test_wrapped_wire_copy_is_joined_but_a_headline_above_its_lead_is_not() -> None:
    wrapped = (
        "Typhoon lashes northern Philippines\n\n"
        "MANILA, Sept 2 (Reuters) - A typhoon brought heavy rain and\n"
        "strong winds to the northern Philippines on Monday, forcing\n"
        "thousands of residents to flee their homes, officials said.\n"
    )
    article = article_from_text(wrapped)
    assert article.body == [
        "MANILA, Sept 2 (Reuters) - A typhoon brought heavy rain and strong winds to the "
        "northern Philippines on Monday, forcing thousands of residents to flee their homes, "
        "officials said."
    ]
    one_block = (
        "Survivors search through debris in Chilean coastal towns after fires\n"
        "VINA DEL MAR, Chile (AP) — Volunteers tried to remove charred metal, broken glass "
        "and other debris on Monday from neighborhoods devastated by the fires in the hills.\n"
    )
    article = article_from_text(one_block)
    assert (
        article.headline == "Survivors search through debris in Chilean coastal towns after fires"
    )


def test_a_link_to_another_article_inside_the_text_is_not_its_end() -> None:
    story_goes_on = (
        "Der Sturm führte zudem zu zahlreichen Ausfällen im Bahnverkehr in Finnland, wie die "
        "Nachrichtenagentur STT berichtete, 40.000 Haushalte waren ohne Strom. (dpa)"
    )
    article = article_from_text(
        "Sturm über Finnland\n\nIn Oulu kam ein Mann ums Leben, als ein Baum auf sein Auto "
        "stürzte, wie die Polizei am Morgen mitteilte.\n\n"
        "Das könnte Sie auch interessieren: Warum Saunen im Winter boomen\n\n"
        f"{story_goes_on}\n\nDas könnte Sie auch interessieren:\n\nEin ganz anderer Text."
    )
    assert story_goes_on in article.body
    assert "Ein ganz anderer Text." not in article.body
    teasers = [d.text for d in article.dropped if d.reason == INLINE_TEASER]
    assert teasers == ["Das könnte Sie auch interessieren: Warum Saunen im Winter boomen"]


def test_text_wrapped_by_a_varying_width_is_joined_where_its_lines_end_mid_sentence() -> None:
    # the next word would often have fitted: a page's own narrow column wrapped it
    article = article_from_text(
        "Twelve miners trapped in a flooded pit in eastern Bolivia on\n"
        "Monday have been reached by rescuers, officials said in the city.\n"
        "About 20 others were reported by the mining ministry to be\n"
        "trapped in a second shaft, and rescuers have freed 19 so\n"
        "far.\n"
        "The flooding at the San Jose mine near Oruro took place at\n"
        "Potosi's provincial border, according to the mining authority.\n"
        "Six miners were killed.\n"
    )
    assert [p.split(" ")[0] for p in article.body] == ["Twelve", "About", "The", "Six"]
    assert article.body[1].endswith("freed 19 so far.")
