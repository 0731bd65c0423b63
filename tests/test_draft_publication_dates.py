"""The publication date of wire copy and scraped pages, in the forms both languages write
it: date lines with bylines, published and updated on one line, dpa's story id, datelines
with a region or an English date, and the traps (an event's date, a date to come, no date
at all)."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.draft import article_from_text, draft_article
from dashboard.draft.datelines import read_date_line, read_dateline
from dashboard.draft.report_day import weekday_day_date
from dashboard.draft.signatures import read_signature

MARCH_12 = dt.date(2024, 3, 12)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Von Anna Muster, 12.03.2024", "Anna Muster"),
        ("Von Anna Muster | 12.03.2024, 14:05 Uhr", "Anna Muster"),
        ("12.03.2024 | Von Anna Muster und Tom Kraus", "Anna Muster und Tom Kraus"),
        ("By Jane Doe | Published March 12, 2024 at 5:04 p.m. ET", "Jane Doe"),
        ("By KWAME MENSAH, Associated Press | March 12, 2024", "KWAME MENSAH"),
        ("Updated 3:05 PM GMT+1, March 12, 2024", None),
        ("(AFP) 12.03.2024 14:05", None),
        ("Stand: 12.03.24, 18:30 Uhr", None),
        ("© dpa-infocom, dpa:240312-99-123456/3", None),
        ("dpa:240312-99-123456/3", None),
        ("March 12, 2024 / 5:04 PM / Updated 2 hours ago", None),
        ("Tuesday 12 March 2024 14.05 GMT", None),
        ("2024-03-12T14:05:00Z", None),
        ("Von Anna Muster, Kairo, 12.03.2024", "Anna Muster"),  # the place written from
        ("Von dpa | 12.03.2024, 14:05 Uhr", None),
        ("Published 12th March 2024", None),
        ("Artikel vom 12.03.2024", None),
        ("Erschienen in der Ausgabe vom 12.03.2024", None),
        ("Date: 2024-03-12", None),
        ("PUBLISHED: 14:05 GMT, 12 March 2024", None),
        ("Publiziert am 12.03.2024", None),
        ("Veröffentlicht am 12.03.2024 | Lesedauer: 2 Minuten", None),
        ("12.03.2024, 14.05 Uhr 3 min", None),
        ("12. März 2024, 14:05 Uhr Quelle: ZEIT ONLINE, dpa, AFP", None),
        ("Source: Xinhua| 2024-03-12 14:05:30|Editor: huaxia", None),
        # an agency written out beside the date
        ("Kyodo News | Mar 12, 2024 | 14:05 JST", None),
        ("Agence France-Presse | March 12, 2024", None),
        ("Keystone-SDA | 12.03.2024", None),
        ("Press Trust of India | Mar 12 2024, 14:05 IST", None),
        # a byline without "Von"/"By" beside the date
        ("Thandiwe Nkosi | Reuters | March 12, 2024", "Thandiwe Nkosi"),
        ("Lena Berger | 12.03.2024, 14:05 Uhr", "Lena Berger"),
        ("https://www.example.com/news/2024/03/12/floods-kenya-nairobi", None),
        ("https://example.org/world/asia/article-20240312-quake.html", None),
        ("Quelle: https://www.example.de/panorama/2024-03-12/hochwasser-bayern", None),
    ],
)
def test_date_lines_with_bylines_zones_and_story_ids(line: str, author: str | None) -> None:
    found = read_date_line(line)
    assert found is not None and found.date == MARCH_12
    assert found.author == author


def test_a_byline_keeps_its_publisher() -> None:
    found = read_date_line("By KWAME MENSAH, Associated Press | March 12, 2024")
    assert found is not None and found.publisher == "Associated Press"


@pytest.mark.parametrize(
    "line",
    [
        "Veröffentlicht am 12.03.2024 um 14:05 Uhr, aktualisiert am 13.03.2024 um 09:00 Uhr",
        "Published March 12, 2024 Updated March 13, 2024",
        "Updated March 13, 2024, 9:00 AM | Published March 12, 2024, 5:04 PM",
        "Erstellt: 12.03.2024 | Zuletzt aktualisiert: 13.03.2024",
        "Aktualisiert am 13. März 2024 um 09:00 Uhr – Erstmals veröffentlicht am 12. März 2024",
        "PUBLISHED: 14:05 GMT, 12 March 2024 | UPDATED: 09:00 GMT, 13 March 2024",
    ],
)
def test_published_and_updated_on_one_line_gives_the_first_publication(line: str) -> None:
    found = read_date_line(line)
    assert found is not None
    assert (found.date, found.updated, found.updated_on) == (
        MARCH_12,
        False,
        dt.date(2024, 3, 13),
    )


@pytest.mark.parametrize(
    "line", ["aktualisiert am 13.03.2024, 09:00 Uhr", "Zuletzt geändert: 13.03.2024"]
)
def test_an_update_alone_is_marked_as_one(line: str) -> None:
    found = read_date_line(line)
    assert found is not None and found.updated and found.date == dt.date(2024, 3, 13)


@pytest.mark.parametrize(
    "line",
    [
        "Seit dem 3. Juli 2024 steigt der Pegel",  # an event's date in a sentence
        "Von Anna Muster bis Ende März 2024 geleitet",
        "By March 12, 2024 the river had burst its banks",
        "Updated figures from March 12, 2024 show 40 dead",
        "Die Wahl am 20.04.2025 gilt als offen",
        "https://www.example.com/news/floods-kenya-nairobi-12",  # an address without a date
        "https://www.example.com/2024/13/45/floods",  # no such day
        "Quelle: die Behörden in Nairobi am 12.03.2024",
        "Issued on: 12/03/2024 - 14:05",  # 12 March or 3 December?
        "Floods in Assam | March 12, 2024",  # a title beside the date, no agency
        "Die Wahl | 12.03.2024",
        "Amina Yusuf said Published figures from March 12, 2024",
    ],
)
def test_sentences_with_dates_are_no_date_lines(line: str) -> None:
    assert read_date_line(line) is None


@pytest.mark.parametrize(
    ("paragraph", "place", "region", "agency", "month_day"),
    [
        ("Quito, Ecuador (AP) — The volcano", "Quito", "Ecuador", "AP", None),
        ("Lima, Oct 30 (Reuters) - A landslide", "Lima", None, "Reuters", (10, 30)),
        ("Kiew, Ukraine, 3. Juli (Reuters) - Die Front", "Kiew", "Ukraine", "Reuters", (7, 3)),
        ("Kathmandu, 3. Juli (Reuters) - Ein Beben", "Kathmandu", None, "Reuters", (7, 3)),
        ("Dhaka, 12.03.2024 (AFP) - Der Monsun", "Dhaka", None, "AFP", (3, 12)),
        (
            "LONDON, March 12 (Thomson Reuters Foundation) - Floods",
            "London",
            None,
            "Thomson Reuters Foundation",
            (3, 12),
        ),
    ],
)
def test_datelines_with_region_english_date_or_agency_written_out(
    paragraph: str,
    place: str,
    region: str | None,
    agency: str,
    month_day: tuple[int, int] | None,
) -> None:
    found = read_dateline(paragraph, bare=True)
    assert found is not None
    assert (found.place, found.region, found.agency) == (place, region, agency)
    assert found.month_day == month_day
    assert found.date == (MARCH_12 if "2024" in paragraph else None)


def test_dpa_desk_codes_close_a_report_without_a_date() -> None:
    found = read_signature("Die Feuerwehr in Manila rückte aus. dpa mf yyzz n1")
    assert found is not None and (found.agency, found.date) == ("dpa", None)
    assert read_signature("Das meldete am Abend die dpa.") is None


def test_dpa_story_id_closes_a_report() -> None:
    paragraph = "Der Pegel des Rheins fiel am Abend. © dpa-infocom, dpa:240312-99-123456/3"
    found = read_signature(paragraph)
    assert found is not None and (found.agency, found.date) == ("dpa", MARCH_12)
    assert paragraph[found.start :].startswith("©")


FLOOD_PAKISTAN = """Monsunregen: Tausende fliehen vor Fluten in Pakistan

Von Anna Muster, 12.03.2024

Sukkur (dpa) - Nach tagelangen Regenfällen sind in der Provinz Sindh Tausende Menschen auf
der Flucht. Seit dem 3. März stieg der Indus um mehr als vier Meter.

Am Dienstag erreichte die Flutwelle die Stadt Sukkur.
"""

QUAKE_PERU = """Strong quake shakes southern Peru

By Jane Doe | Published March 12, 2024 at 5:04 p.m. ET

Updated 3:05 PM GMT+1, March 13, 2024

LIMA, Peru (AP) — A magnitude 6.8 earthquake struck southern Peru on Tuesday, damaging
homes in Arequipa. The last quake of this size hit the region on June 23, 2001.
"""

ELECTION_GHANA = """Ghana votes in tight presidential race

ACCRA, Ghana (AP) — Ghanaians voted on Saturday in a presidential election seen as a test
for the economy. Results are expected by Dec. 10, 2024, officials said.
"""

FRONT_DPA_ID = """Gefechte an der Front im Osten der Ukraine

Kiew (dpa) - Ukrainische Truppen haben sich nach eigenen Angaben bei Pokrowsk
zurückgezogen. Die Kämpfe dauern seit dem 1. März an.

Der Generalstab meldete am Montag neue Angriffe. © dpa-infocom, dpa:240312-99-123456/3
"""


def test_a_byline_with_its_date_dates_the_article_not_the_event() -> None:
    article = article_from_text(FLOOD_PAKISTAN)
    assert article.published == MARCH_12
    assert article.author == "Anna Muster" and article.publisher == "dpa"
    assert not any("Anna Muster" in s.text for s in article.sentences)


def test_published_and_updated_lines_take_the_first_and_say_so() -> None:
    article = article_from_text(QUAKE_PERU)
    assert (article.published, article.updated) == (MARCH_12, dt.date(2024, 3, 13))
    assert article.author == "Jane Doe"
    draft = draft_article(article)
    assert draft.published == "2024-03-12"
    assert any("2024-03-13" in note and "first publication" in note for note in draft.notes)
    kept = {d.date for d in draft.dates if d.keep}
    assert "2024-03-12" in kept  # "on Tuesday", counted from the first publication


def test_a_date_to_come_is_not_the_publication_date() -> None:
    article = article_from_text(ELECTION_GHANA)
    assert article.published is None
    draft = draft_article(article)
    assert draft.published is None
    assert any("No date of publication" in note for note in draft.notes)
    assert dt.date.today().isoformat() not in draft.notes[-1]


def test_dpa_story_id_dates_the_report_and_leaves_the_text() -> None:
    article = article_from_text(FRONT_DPA_ID)
    assert article.published == MARCH_12
    assert not any("dpa-infocom" in s.text for s in article.sentences)
    draft = draft_article(article)
    assert {"2024-03-11", "2024-03-01"} <= {d.date for d in draft.dates if d.keep}


def test_no_date_anywhere_never_means_today() -> None:
    undated = FLOOD_PAKISTAN.replace("Von Anna Muster, 12.03.2024\n", "")
    draft = draft_article(article_from_text(undated))
    assert draft.published is None
    today = dt.date.today().isoformat()
    assert not any(d.date == today for d in draft.dates)
    assert any("Kein Erscheinungsdatum" in note for note in draft.notes)


TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # the year the text names: 28 July 2022 was a Thursday (so was 28 July 2016)
        ("Crews searched on Thursday, July 28, after the 2022 floods in Kentucky.", "2022-07-28"),
        ("Crews searched on Thursday, July 28, after the 2016 floods.", "2016-07-28"),
        ("Die Flut erreichte am Dienstag, 12. März, die Stadt Beira.", "2024-03-12"),
        ("Die Flut erreichte am Dienstag (12. März) die Stadt Beira.", "2024-03-12"),
        ("Am Dienstag, den 12.3. bebte in Chile die Erde.", "2024-03-12"),
        ("The cyclone made landfall on Sunday, Oct. 27, near Darwin.", "2024-10-27"),
    ],
)
def test_a_weekday_beside_a_day_gives_its_year(text: str, date: str) -> None:
    found = weekday_day_date(text, TODAY)
    assert found is not None and found.isoformat() == date


@pytest.mark.parametrize(
    "text",
    [
        "Voters will go to the polls on Sunday, March 17.",  # a day to come
        "Der Damm brach am Montag, 30. Februar.",  # no such day
        "On Tuesday, March 12, 2024, the quake hit.",  # has its year: read elsewhere
    ],
)
def test_no_year_from_a_weekday_day_to_come_or_that_never_was(text: str) -> None:
    assert weekday_day_date(text, TODAY) is None


CYCLONE = """Cyclone batters Mozambique's coast

BEIRA, Mozambique (AP) — Cyclone Freddy made landfall near Beira on Tuesday, March 12,
destroying homes and cutting power, officials said. The storm had first hit the coast on
March 8. On Wednesday, rescuers reached villages cut off by the floods.
"""


def test_the_weekday_and_day_anchor_the_other_dates_and_the_draft_says_so() -> None:
    draft = draft_article(article_from_text(CYCLONE))
    assert draft.published is None
    kept = {d.date for d in draft.dates if d.keep}
    assert {"2024-03-12", "2024-03-08"} <= kept
    assert any("2024-03-12" in note and "please check" in note for note in draft.notes)


def test_a_datelines_day_takes_its_year_from_the_weekday_and_the_years_named() -> None:
    text = (
        "Wahl in Kenia\n\nNAIROBI, Aug 8 (Reuters) - Kenyans voted on Tuesday in the 2017 "
        "general election, with long queues in Kisumu and Mombasa.\n"
    )
    draft = draft_article(article_from_text(text))
    # 8 August was a Tuesday in 2017 and in 2023: the text names 2017
    assert "2017-08-08" in {d.date for d in draft.dates if d.keep}
    assert any("2017-08-08" in note for note in draft.notes)


def test_dpa_desk_codes_leave_the_text_and_date_nothing() -> None:
    text = (
        "Waldbrände in Chile\n\nValparaíso - Feuerwehrleute kämpfen seit Tagen gegen die "
        "Flammen. Mehr als 100 Häuser brannten nieder. dpa mf yyzz n1\n"
    )
    article = article_from_text(text)
    assert article.published is None and article.publisher == "dpa"
    assert not any("yyzz" in s.text for s in article.sentences)
    assert any(d.text == "dpa mf yyzz n1" for d in article.dropped)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published 3:05 PM EDT 3/12/2024", "2024-03-12"),  # an American zone: month first
        ("Updated 03/12/2024 10:05 ET", "2024-03-12"),
        ("03/12/2024 14:05 Uhr", "2024-12-03"),  # "Uhr": day first
        ("03/12/2024 14:05 CET", "2024-12-03"),
        ("13/03/2024 10:00 EDT", "2024-03-13"),  # the numbers settle it
    ],
)
def test_a_slashed_date_is_read_in_the_order_its_time_zone_uses(line: str, date: str) -> None:
    found = read_date_line(line)
    assert found is not None and found.date.isoformat() == date


def test_a_slashed_date_without_a_time_zone_stays_unread() -> None:
    assert read_date_line("03/12/2024 14:05") is None


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (
            "Beben in Nepal\n\n12.03.2024, 14:05 Uhr Kathmandu (dpa) - Ein Erdbeben hat am "
            "Dienstag den Westen Nepals erschüttert. Mindestens zwölf Menschen starben.\n",
            "Kathmandu (dpa) -",
        ),
        (
            "Quake in Nepal\n\nBy Jane Doe Published March 12, 2024 at 5:04 p.m. ET KATHMANDU, "
            "Nepal (AP) — An earthquake shook western Nepal on Tuesday. Twelve people died.\n",
            "KATHMANDU, Nepal (AP) —",
        ),
        (
            "Flut in Kenia\n\nNairobi (AFP) - Nach heftigen Regenfällen sind in Kenia Dörfer "
            "überflutet worden. Helfer suchen nach Vermissten. 12.03.2024, 18:30 Uhr\n",
            "Nairobi (AFP) -",
        ),
    ],
)
def test_a_date_glued_to_the_lead_or_the_end_is_read_and_leaves_the_text(
    text: str, dateline: str
) -> None:
    article = article_from_text(text)
    assert article.published == MARCH_12
    assert article.dateline is not None and article.dateline.text == dateline
    assert not any("12.03.2024" in s.text or "2024" in s.text for s in article.sentences)
    assert any("2024" in d.text for d in article.dropped)


def test_a_date_in_the_last_sentence_is_no_closing_date() -> None:
    text = "Flut in Kenia\n\nNairobi (AFP) - Der Damm brach am 12.03.2024 um 18:30 Uhr.\n"
    assert article_from_text(text).published is None


@pytest.mark.parametrize(
    "line",
    [
        "12. 3. 2024",
        "12. 03. 2024, 14:05 Uhr",
        "2024.03.12",
        "Posted: 12-Mar-2024",
        "12-03-2024 14:05 Uhr",
        "03-12-2024 5:04 PM EDT",
    ],
)
def test_spaced_dotted_and_dashed_dates(line: str) -> None:
    found = read_date_line(line)
    assert found is not None and found.date == MARCH_12


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        (
            "12.03.2024 10:17 Peru: Erdrutsch verschüttet Dorf in den Anden\n\nIn einem Dorf "
            "bei Cusco hat ein Erdrutsch am Dienstag mehrere Häuser verschüttet. Zwölf "
            "Menschen werden vermisst.\n",
            "Peru: Erdrutsch verschüttet Dorf in den Anden",
        ),
        (
            "Pages > World > Africa\n\nKofi Mensah Published March 12, 2024 | 03:10 PM\n\nFloods "
            "cut off villages in northern Ghana\n\nFloods cut off villages near Tamale on "
            "Tuesday, officials said. Twelve people died.\n",
            "Floods cut off villages in northern Ghana",
        ),
    ],
)
def test_a_time_stamp_glued_to_the_headline_or_beside_a_byline_dates_the_article(
    text: str, headline: str
) -> None:
    article = article_from_text(text)
    assert (article.published, article.headline) == (MARCH_12, headline)
    assert [s.text for s in article.sentences if "2024" in s.text] == []


def test_a_closing_credit_with_the_agency_written_out_dates_the_article() -> None:
    article = article_from_text(
        "Mine flooded in Shanxi\n\nTwelve miners were trapped after water flooded a coal mine "
        "in Shanxi on Monday, local officials said.\nRescuers pumped water out of the shaft "
        "yesterday.\n(Xinhua News Agency, Example.org.cn March 12, 2024)\n"
    )
    assert article.published == MARCH_12
    assert not any("Xinhua" in s.text for s in article.sentences)


def test_an_agency_written_out_beside_the_date_is_the_publisher() -> None:
    found = read_date_line("Kyodo News | Mar 12, 2024 | 14:05 JST")
    assert found is not None and (found.date, found.publisher) == (MARCH_12, "Kyodo News")
