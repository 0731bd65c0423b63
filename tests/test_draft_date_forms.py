"""More of the forms news pages and wire copy give their date in, German and English, from
many regions: months abbreviated between dots, dates in capitals, the world's time zones
(which also say the order of "04/03/2024"), how old the page was when saved, credits
with a web address, national agencies and place names with joining words in datelines."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.core.calendar_words import (
    month_first_zones,
    time_zone_abbreviations,
    title_case_months,
)
from dashboard.draft import article_from_text
from dashboard.draft.agencies import is_agency
from dashboard.draft.article import DATE_LINE
from dashboard.draft.datelines import full_dates, read_date_line, read_dateline


@pytest.mark.parametrize(
    ("line", "date"),
    [
        # the month abbreviated between dots, as German newstickers stamp their items
        ("erstellt am 14.Okt.2023 | 06:45 Uhr", dt.date(2023, 10, 14)),
        ("21.Mär.2024 | 18:02 Uhr", dt.date(2024, 3, 21)),
        ("aktualisiert am 03.Dez.2022, 11:30 Uhr", dt.date(2022, 12, 3)),
        ("5.Sept.2021", dt.date(2021, 9, 5)),
        ("09.Jän.2019 | 07:10 Uhr", dt.date(2019, 1, 9)),
        # dates in capitals
        ("UPDATED: MARCH 13, 2024", dt.date(2024, 3, 13)),
        ("13 MARCH 2024 | 10:12 GMT", dt.date(2024, 3, 13)),
        ("13. MÄRZ 2024, 10:12 UHR", dt.date(2024, 3, 13)),
        ("PUBLISHED: 2 OCT 2023 - 08:15 SAST", dt.date(2023, 10, 2)),
        # the world's time zones beside the date
        ("04 March 2024 | 10:12 WIB", dt.date(2024, 3, 4)),
        ("Stand: 04.03.2024, 10:12 Uhr MEZ", dt.date(2024, 3, 4)),
        ("12.07.2024 08:30 MESZ", dt.date(2024, 7, 12)),
        ("Fri 12 Jul 2024 08.30 NZST", dt.date(2024, 7, 12)),
        ("Published 9 Feb 2023, 17:40 WAT", dt.date(2023, 2, 9)),
        ("June 3, 2022 11:05 HKT", dt.date(2022, 6, 3)),
        ("Updated 22 Aug 2021 14:00 EAT", dt.date(2021, 8, 22)),
        # a zone's offset from UTC after the time
        ("2024-03-12 10:12:33 +0530", dt.date(2024, 3, 12)),
        ("March 12, 2024 10:12 -0500", dt.date(2024, 3, 12)),
        ("12.03.2024 10:12 +01:00", dt.date(2024, 3, 12)),
        # how old the page was when saved, beside its date
        ("vor 30 Sekunden | 4. März 2024, 10:12 Uhr", dt.date(2024, 3, 4)),
        ("vor einer Stunde - 04.03.2024", dt.date(2024, 3, 4)),
        ("an hour ago · March 4, 2024", dt.date(2024, 3, 4)),
        ("Updated 1 day ago | 4 March 2024", dt.date(2024, 3, 4)),
        ("Aktualisiert vor 2 Tagen | Veröffentlicht am 02.03.2024", dt.date(2024, 3, 2)),
        ("Amara Okafor 3 weeks ago Tue 12th March 2024 | 07:45 AM", dt.date(2024, 3, 12)),
        ("Aktualisiert vor 3 Std. | 11.06.2023, 16:20 Uhr", dt.date(2023, 6, 11)),
        ("3h ago | June 11, 2023", dt.date(2023, 6, 11)),
        ("Updated 5m ago · 11 June 2023", dt.date(2023, 6, 11)),
        # the local time written out
        ("11 June 2023, 16:20 local time", dt.date(2023, 6, 11)),
        ("11.06.2023, 16:20 Uhr Ortszeit", dt.date(2023, 6, 11)),
        # the day with "of", as British and Irish pages write it
        ("Published: 11th of June 2023", dt.date(2023, 6, 11)),
        ("11th of June, 2023 16:20 GMT", dt.date(2023, 6, 11)),
        # the newsroom's section beside the date
        ("Politik | 12.03.2024", dt.date(2024, 3, 12)),
        ("12.03.2024 · Ausland", dt.date(2024, 3, 12)),
        ("World | March 12, 2024", dt.date(2024, 3, 12)),
        ("News | Africa | 12 March 2024, 09:40 CAT", dt.date(2024, 3, 12)),
        # the hour written "h", as Swiss and Austrian pages do; "UK" after a British time
        ("12.03.2024 - 10.12 h", dt.date(2024, 3, 12)),
        ("12.03.2024, 10:12h", dt.date(2024, 3, 12)),
        ("Tuesday 12 March 2024 10:12, UK", dt.date(2024, 3, 12)),
        # the page's counters beside the date
        ("12 March 2024 | 1,234 views", dt.date(2024, 3, 12)),
        ("12.03.2024 | 3 Kommentare", dt.date(2024, 3, 12)),
        ("20. Oktober 2015 | Gelesen: 575 mal", dt.date(2015, 10, 20)),
        ("Sep 20, 2017 | Natur & Wissenschaft | 0 Kommentare", dt.date(2017, 9, 20)),
        # credits with a web address
        ("Mo 11.03.2024 | 07:15 Uhr - Quelle: dpa/unwetter.de", dt.date(2024, 3, 11)),
        ("Source: example.com | 11 March 2024", dt.date(2024, 3, 11)),
    ],
)
def test_date_lines_in_more_forms(line: str, date: dt.date) -> None:
    found = read_date_line(line)
    assert found is not None, line
    assert found.date == date


@pytest.mark.parametrize(
    ("line", "date"),
    [
        # a zone outside the United States writes the day first
        ("04/03/2024 10:12 AEDT", dt.date(2024, 3, 4)),  # Sydney
        ("04/03/2024 10:12 IST", dt.date(2024, 3, 4)),  # New Delhi
        ("04/03/2024 10:12 SAST", dt.date(2024, 3, 4)),  # Johannesburg
        ("04/03/2024 10:12 NZDT", dt.date(2024, 3, 4)),  # Auckland
        ("04/03/2024, 10:12 Uhr MESZ", dt.date(2024, 3, 4)),
        # the United States' zones the month
        ("04/03/2024 10:12 AM EDT", dt.date(2024, 4, 3)),
        ("04/03/2024 10:12 AM PT", dt.date(2024, 4, 3)),
        ("04/03/2024 10:12 AKST", dt.date(2024, 4, 3)),
    ],
)
def test_a_time_zone_says_the_order_of_day_and_month(line: str, date: dt.date) -> None:
    found = read_date_line(line)
    assert found is not None and found.date == date


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Posted: Mon, 03/04/2024 - 10:12", dt.date(2024, 3, 4)),  # 3 April was a Wednesday
        ("Wed, 03/04/2024", dt.date(2024, 4, 3)),
        ("Mittwoch, 03/04/2024", dt.date(2024, 4, 3)),
        ("Fri 11/10/2023 | 08:15", dt.date(2023, 11, 10)),  # 11 October was a Wednesday
        ("Sun 05/05/2024", dt.date(2024, 5, 5)),  # the same either way
    ],
)
def test_a_weekday_says_the_order_of_day_and_month(line: str, date: dt.date) -> None:
    found = read_date_line(line)
    assert found is not None and found.date == date


@pytest.mark.parametrize(
    "line",
    [
        "04/03/2024 10:12",  # no zone: March or April?
        "Fri 04/03/2024",  # neither 4 March (a Monday) nor 3 April (a Wednesday)
        "Mon, Wed 03/04/2024",  # two weekdays
        "vor 2 Stunden",  # only an age: no date
        "an hour ago",
        "Heute um 10:12 Uhr",
        "Der Damm brach am 04.03.2024 um 10:12 Uhr MEZ.",  # a sentence, not a date line
        "Floods hit Jakarta on 4 March 2024 at 10:12 WIB, officials said.",
        "MAY DAY RALLY IN LAGOS",
        "Heute, 10:12 Uhr",  # today's time only: the draft never takes today for a date
        "Today 10:12 AM",
        "vor 3 Standorten 04.03.2024",
        "Kathmandu | 12 March 2024",  # a place is no section
        "Floods in Kenya | 12.03.2024",  # nor a headline
        "The world news on 12 March 2024 was grim",
        "12.03.2024 - 1030 Menschen",  # a count, no offset
        "12.03.2024 | 3 Tote",  # a count of the dead is no counter of the page
        "The storm on 12 March 2024 left 3 comments",
    ],
)
def test_lines_that_are_no_date_lines(line: str) -> None:
    assert read_date_line(line) is None


def test_time_zones_come_from_cldr_and_only_the_united_states_write_the_month_first() -> None:
    zones = set(time_zone_abbreviations())
    assert {"WIB", "IST", "SAST", "AEDT", "NZST", "MEZ", "MESZ", "EAT", "WAT", "HKT"} <= zones
    assert {"EST", "EDT", "PST", "PDT", "ET", "PT"} <= set(month_first_zones())
    assert not {"IST", "AEDT", "SAST", "MEZ", "BST", "GMT"} & set(month_first_zones())
    assert time_zone_abbreviations() == time_zone_abbreviations()  # one order, every time


def test_months_in_capitals_read_in_place() -> None:
    text = "ACCRA, GHANA — UPDATED MARCH 13, 2024 / 13. MÄRZ 2024 / MAYOR"
    assert (
        title_case_months(text) == "ACCRA, GHANA — UPDATED March 13, 2024 / 13. März 2024 / MAYOR"
    )
    assert [d for d, _, _ in full_dates(text)] == [dt.date(2024, 3, 13), dt.date(2024, 3, 13)]


@pytest.mark.parametrize(
    ("paragraph", "place", "agency"),
    [
        (
            "Rio de Janeiro (AFP) - Nach heftigen Regenfällen sind zwölf Menschen gestorben.",
            "Rio de Janeiro",
            "AFP",
        ),
        (
            "Dar es Salaam (dpa) - Bei Überschwemmungen in Tansania sind 47 Menschen gestorben.",
            "Dar es Salaam",
            "dpa",
        ),
        (
            "Mar del Plata (dpa) - Ein Sturm hat die Küste Argentiniens verwüstet.",
            "Mar del Plata",
            "dpa",
        ),
        (
            "Santa Cruz de la Sierra (AFP) - Waldbrände bedrohen den Osten Boliviens.",
            "Santa Cruz de la Sierra",
            "AFP",
        ),
        (
            "Johannesburg, March 4 (SAPA) - Floods killed nine people in KwaZulu-Natal.",
            "Johannesburg",
            "SAPA",
        ),
        (
            "Addis Ababa, May 2 (ENA) - A landslide buried a village in Gofa zone.",
            "Addis Ababa",
            "ENA",
        ),
        ("HANOI, Oct 9 (VNA) - Floods in Quang Binh province killed 12.", "Hanoi", "VNA"),
        ("Dhaka, July 21 (UNB) - Floods have marooned 200,000 people in Sylhet.", "Dhaka", "UNB"),
        (
            "SYDNEY (AAP) - Bushfires have destroyed 40 homes on the NSW south coast.",
            "Sydney",
            "AAP",
        ),
        ("Manila, Sept 12 (PNA) - Floods killed 30 people in Cagayan.", "Manila", "PNA"),
    ],
)
def test_datelines_of_national_agencies_and_joined_place_names(
    paragraph: str, place: str, agency: str
) -> None:
    dateline = read_dateline(paragraph)
    assert dateline is not None, paragraph
    assert (dateline.place, dateline.agency) == (place, agency)


def test_national_agencies_are_agencies_and_common_words_are_not() -> None:
    assert all(is_agency(name) for name in ("SAPA", "ENA", "UNB", "VNA", "AAP", "Notimex"))
    assert not any(is_agency(word) for word in ("Irak", "map", "app", "Lagos", "Ana", "Petra"))


def test_a_newsticker_item_dated_below_its_text() -> None:
    article = article_from_text(
        "Schweres Erdbeben erschüttert Peru\n\n"
        "Ein Erdbeben der Stärke 7,0 hat den Süden Perus erschüttert. In der Region Arequipa "
        "stürzten nach Angaben des Zivilschutzes mehrere Häuser ein.\n\n"
        "von dpa\n\n"
        "erstellt am 14.Okt.2023 | 06:45 Uhr\n"
    )
    assert article.published == dt.date(2023, 10, 14)


def test_a_page_stamped_in_an_indonesian_time_zone() -> None:
    article = article_from_text(
        "Floods cut off villages in Central Sulawesi\n\n"
        "Reporter: Dewi Lestari\n"
        "04/03/2024 10:12 WIB\n\n"
        "Floods cut off six villages in Central Sulawesi's Sigi regency on Sunday, the "
        "disaster agency said, forcing 1,200 people from their homes.\n"
    )
    assert article.published == dt.date(2024, 3, 4)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Edited By: Jane Doe | Updated: Mar 12, 2024, 10:12 IST", "Jane Doe"),
        ("Written by Kofi Mensah | 12 March 2024", "Kofi Mensah"),
        ("Reported by Ana Lima, 12 March 2024", "Ana Lima"),
    ],
)
def test_bylines_with_their_verb_beside_the_date(line: str, author: str) -> None:
    found = read_date_line(line)
    assert found is not None and found.author == author
    assert found.date == dt.date(2024, 3, 12)


FLOOD_EN = (
    "Floods in the town of Kisumu killed 12 people on Monday, officials said. Hundreds of "
    "homes were destroyed.\n"
)
FLOOD_DE = (
    "Bei Überschwemmungen in der Stadt Kisumu sind am Montag zwölf Menschen gestorben. "
    "Hunderte Häuser wurden zerstört.\n"
)


@pytest.mark.parametrize(
    ("head", "body", "published", "updated", "dropped"),
    [
        # a label alone above the date
        ("Published\nJune 3, 2023", FLOOD_EN, dt.date(2023, 6, 3), None, "Published June 3, 2023"),
        ("Veröffentlicht am\n03.06.2023", FLOOD_DE, dt.date(2023, 6, 3), None, None),
        # an update's label alone above its date: the update's date
        (
            "Aktualisiert:\n04.06.2023, 08:10 Uhr",
            FLOOD_DE,
            dt.date(2023, 6, 4),
            dt.date(2023, 6, 4),
            None,
        ),
        # a clock time alone below the date
        (
            "3 June 2023\n10:12 AM EAT",
            FLOOD_EN,
            dt.date(2023, 6, 3),
            None,
            "3 June 2023 10:12 AM EAT",
        ),
        ("03.06.2023\n10:12 Uhr", FLOOD_DE, dt.date(2023, 6, 3), None, "03.06.2023 10:12 Uhr"),
    ],
)
def test_a_date_line_broken_in_two(
    head: str, body: str, published: dt.date, updated: dt.date | None, dropped: str | None
) -> None:
    article = article_from_text(f"Floods in Kenya kill twelve\n{head}\n\n{body}")
    assert (article.published, article.updated) == (published, updated)
    texts = [sentence.text for sentence in article.sentences]
    assert not any(len(text.split()) <= 3 and text != article.headline for text in texts), texts
    if dropped:
        assert dropped in [item.text for item in article.dropped]


def test_a_label_alone_before_a_sentence_stays_with_the_text() -> None:
    article = article_from_text(f"Floods in Kenya kill twelve\n\nStand:\n\n{FLOOD_DE}")
    assert article.published is None
    assert any("Kisumu" in sentence.text for sentence in article.sentences)


def test_a_long_date_line_with_two_bylines() -> None:
    line = (
        "By Wanjiru Kamau and Tomás Herrera, Associated Press | Published 10:12 AM EST, "
        "Mon March 4, 2024 | Updated 11:40 AM EST, Mon March 4, 2024"
    )
    found = read_date_line(line)
    assert len(line) > 120 and found is not None and found.date == dt.date(2024, 3, 4)


@pytest.mark.parametrize(
    ("text", "headline", "published", "dateline"),
    [
        (
            "Floods kill 12 in Kenya Published March 12, 2024 10:12 AM EAT NAIROBI, Kenya (AP) "
            "— Floods in the town of Kisumu killed 12 people on Monday, officials said.",
            "Floods kill 12 in Kenya",
            dt.date(2024, 3, 12),
            "NAIROBI, Kenya (AP) —",
        ),
        (
            "Zwölf Tote bei Überschwemmungen in Kenia 12.03.2024, 10:12 Uhr Nairobi (dpa) - "
            "Bei Überschwemmungen in der Stadt Kisumu sind zwölf Menschen gestorben.",
            "Zwölf Tote bei Überschwemmungen in Kenia",
            dt.date(2024, 3, 12),
            "Nairobi (dpa) -",
        ),
        (
            "Erdrutsch in Peru verschüttet Dorf Veröffentlicht am 03.02.2023 Ein Erdrutsch hat "
            "in der Region Arequipa ein Dorf verschüttet, 15 Menschen starben.",
            "Erdrutsch in Peru verschüttet Dorf",
            dt.date(2023, 2, 3),
            None,
        ),
        (
            "Quake rattles Fiji's capital Wednesday, 8 November 2023 - 18:40 SUVA, Fiji — A "
            "magnitude 6.1 quake shook Suva, damaging two schools.",
            "Quake rattles Fiji's capital",
            dt.date(2023, 11, 8),
            "SUVA, Fiji —",
        ),
    ],
)
def test_a_time_stamp_glued_between_headline_and_text(
    text: str, headline: str, published: dt.date, dateline: str | None
) -> None:
    article = article_from_text(text)
    assert (article.headline, article.published) == (headline, published)
    assert (article.dateline.text if article.dateline else None) == dateline


@pytest.mark.parametrize(
    "text",
    [
        # a date inside the headline, no clock time nor label with it
        "Ein Jahr nach dem Beben vom 12.03.2024 Die Menschen in Kisumu bauen wieder auf.",
        # a date and time inside a sentence
        "Floods in Kisumu killed 12 people on March 12, 2024 at 10:12 am, officials said.",
    ],
)
def test_a_date_inside_the_text_is_no_glued_stamp(text: str) -> None:
    article = article_from_text(text)
    assert article.published is None
    assert article.sentences[0].text == text


@pytest.mark.parametrize(
    "closing",
    [
        "© dpa-infocom, dpa:240312-99-123456/3",
        "Quelle: dpa, 12.03.2024",
        "Quelle: AFP | 12.03.2024",
    ],
)
def test_a_closing_date_line_is_no_photo_credit_and_the_paragraph_above_stays(closing: str) -> None:
    article = article_from_text(
        "Zwölf Tote bei Überschwemmungen in Kenia\n\n"
        "Bei Überschwemmungen in der Stadt Kisumu sind am Montag zwölf Menschen gestorben.\n\n"
        "Das Rote Kreuz hat in Kisumu zwei Notunterkünfte eingerichtet. Weitere Regenfälle "
        f"werden erwartet.\n\n{closing}\n"
    )
    assert article.published == dt.date(2024, 3, 12)
    assert any("Notunterkünfte" in sentence.text for sentence in article.sentences)
    assert [item.reason for item in article.dropped if item.text == closing] == [DATE_LINE]


def test_the_full_date_after_the_agency_of_a_dateline() -> None:
    dateline = read_dateline("Accra (AFP) June 14, 2016 At least 10 people died in floods.")
    assert dateline is not None and (dateline.place, dateline.agency) == ("Accra", "AFP")
    assert dateline.date == dt.date(2016, 6, 14)
    dateline = read_dateline("Kathmandu (dpa) 12.03.2024 - Ein Bus stürzte in eine Schlucht.")
    assert dateline is not None and dateline.date == dt.date(2024, 3, 12)


@pytest.mark.parametrize(
    ("line", "date", "agency"),
    [
        ("Suva (AFP) Feb 21, 2016", dt.date(2016, 2, 21), "AFP"),
        ("Kathmandu (dpa) 12.03.2024, 10:12 Uhr", dt.date(2024, 3, 12), "dpa"),
    ],
)
def test_a_date_line_led_by_place_and_agency(line: str, date: dt.date, agency: str) -> None:
    found = read_date_line(line)
    assert found is not None and (found.date, found.publisher) == (date, agency)


def test_a_page_with_place_and_agency_above_the_text() -> None:
    article = article_from_text(
        "Cyclone kills 21 in Fiji\nby Staff Writers\nSuva (AFP) Feb 21, 2016\n"
        "Cyclone Winston killed at least 21 people in Fiji, officials said on Sunday. "
        "Thousands of homes were destroyed on the main island of Viti Levu.\n"
    )
    assert (article.published, article.publisher) == (dt.date(2016, 2, 21), "AFP")
    assert article.headline == "Cyclone kills 21 in Fiji"


def test_an_update_labelled_update() -> None:
    found = read_date_line("Update: 13.03.2024")
    assert found is not None and (found.date, found.updated) == (dt.date(2024, 3, 13), True)
    found = read_date_line("12.03.2024, 10:12 Uhr | Update: 13.03.2024, 08:00 Uhr")
    assert found is not None
    assert (found.date, found.updated_on) == (dt.date(2024, 3, 12), dt.date(2024, 3, 13))
    assert read_date_line("Update zur Lage: 13.03.2024") is None


@pytest.mark.parametrize(
    "note",
    [
        "This article was originally published on June 3, 2023.",
        "This story was first published on 3 June 2023",
        "Dieser Artikel erschien zuerst am 03.06.2023.",
    ],
)
def test_a_syndicated_story_s_note_on_its_first_publication(note: str) -> None:
    article = article_from_text(f"Floods in Kenya kill twelve\n\n{FLOOD_EN}\n{note}\n")
    assert article.published == dt.date(2023, 6, 3)
    assert note in [item.text for item in article.dropped]


def test_a_note_that_says_more_than_the_date_is_left_as_text() -> None:
    note = "This story was first published on June 3, 2023 by the Nation newspaper in Nairobi."
    assert read_date_line(note) is None
