"""Dates the article names, on the timeline: resolved against the article's date (or its
dateline's day), inferred ones marked; decades and the article's own year are no events."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.draft.article import article_from_text
from dashboard.draft.dates import find_dates, nearest_year
from dashboard.draft.engine import draft_article
from dashboard.draft.report_day import report_date
from dashboard.draft.sentences import Sentence

TUESDAY = dt.date(2024, 10, 29)


def _dates(
    text: str, published: dt.date | None = TUESDAY
) -> list[tuple[str, str | None, bool, bool]]:
    found = find_dates([Sentence(1, text, 1)], published)
    return [(d.text, d.date, d.inferred, d.keep) for d in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Damm bei Derna brach am Dienstag.", ("am Dienstag", "2024-10-29", True, True)),
        ("Rain began on Oct. 27 in Valencia.", ("Oct. 27", "2024-10-27", True, True)),
        ("Die Dürre herrscht seit Juni 2023.", ("Juni 2023", "2023-06", False, True)),
        ("Im Jahr 2014 bebte die Erde in Yunnan.", ("2014", "2014", False, True)),
        ("Floods hit Sylhet on June 17, 2022.", ("June 17, 2022", "2022-06-17", False, True)),
        ("Die Flut kam am 14.07.2021 nach Erftstadt.", ("14.07.2021", "2021-07-14", False, True)),
        ("Voters in Lagos queued last Saturday.", ("last Saturday", "2024-10-26", True, True)),
        ("Heute wurde in Tiflis demonstriert.", ("Heute", "2024-10-29", True, True)),
        ("Rescuers reached Derna this morning.", ("this morning", "2024-10-29", True, True)),
        ("Gestern bebte die Erde in Herat.", ("Gestern", "2024-10-28", True, True)),
        ("Rebels shelled Goma late last night.", ("late last night", "2024-10-28", True, True)),
        (
            "In der vergangenen Nacht bebte die Erde in Kyoto.",
            ("In der vergangenen Nacht", "2024-10-28", True, True),
        ),
        ("Heute früh traf der Sturm Darwin.", ("Heute früh", "2024-10-29", True, True)),
        ("Crews reached Hilo this afternoon.", ("this afternoon", "2024-10-29", True, True)),
        ("Die Flut erreichte Passau am 3.10. am Abend.", ("am 3.10.", "2024-10-03", True, True)),
        (
            "Seit dem 14.9. ist die Oder bei Ratibor gesperrt.",
            ("Seit dem 14.9.", "2024-09-14", True, True),
        ),
    ],
)
def test_dated_events(text: str, expected: tuple) -> None:
    assert expected in _dates(text)


def test_a_day_without_year_is_the_nearest_past_one() -> None:
    assert nearest_year(12, 28, dt.date(2024, 1, 9)) == 2023  # last December
    assert nearest_year(1, 2, dt.date(2024, 1, 9)) == 2024
    assert nearest_year(11, 5, dt.date(2024, 10, 20)) == 2024  # soon: this year
    assert nearest_year(2, 29, dt.date(2025, 3, 1)) == 2024  # no 29 February in 2025
    assert _dates("The cyclone struck on Dec. 28.", dt.date(2024, 1, 9)) == [
        ("Dec. 28", "2023-12-28", True, True)
    ]


def test_decades_are_no_years() -> None:
    assert _dates("Seit den 1960er Jahren wurde in Lingen Strom erzeugt.") == []
    assert _dates("Rains like these last fell in the 1990s in Dhaka.") == []


def test_the_articles_own_year_is_not_an_event() -> None:
    assert _dates("The 2024 monsoon was the wettest in Assam.") == [("2024", "2024", False, False)]


def test_a_day_after_the_article_is_not_on_the_timeline() -> None:
    (found,) = _dates("Die Wahl in Maputo ist am 9. November.")
    assert found[1] == "2024-11-09" and not found[3]


def test_without_a_date_relative_days_stay_unresolved() -> None:
    assert _dates("Der Sturm traf Manila am Sonntag.", None) == [("am Sonntag", None, True, False)]


def test_the_datelines_day_is_the_day_counted_from() -> None:
    article = article_from_text(
        "Wildfires threaten homes near Perth\n\nJanuary 11, 2024|Reuters\n\n"
        "PERTH, Jan 12 (Reuters) - Fires burned near Perth on Friday, officials said, "
        "after a man died on Thursday.\n"
    )
    assert article.published == dt.date(2024, 1, 11)
    assert report_date(article, article.published) == dt.date(2024, 1, 12)
    resolved = {d.text: d.date for d in draft_article(article).dates}
    assert resolved["on Friday"] == "2024-01-12" and resolved["on Thursday"] == "2024-01-11"


def test_a_far_dateline_day_does_not_move_the_date() -> None:
    article = article_from_text(
        "Quake in Peru\n\nMarch 2, 2024\n\nLIMA, May 30 (Reuters) - A quake shook Lima on Friday.\n"
    )
    assert report_date(article, article.published) == dt.date(2024, 3, 2)


@pytest.mark.parametrize(
    "text",
    [
        "Mehr als 2000 Menschen flohen aus Goma.",
        "About 1900 homes were destroyed in Hualien.",
        "Rund 1950 Soldaten standen bei Bachmut.",
        "Nearly 2010 families left Maiduguri.",
        "The Nile runs for 2000 km through Sudan.",
        "Der Vulkan bei Goma ist 2000 m hoch.",
        "Rainfall reached 1900 mm in Cherrapunji.",
        "Police arrested 2000 in Dhaka after the protests.",
    ],
)
def test_a_count_is_no_year(text: str) -> None:
    assert _dates(text) == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2010 schien die Miliz in Mogadischu besiegt.", "2010"),
        ("Er ist seit 2014 Präsident von Kenia.", "2014"),
        ("The 2016 Kumamoto quake killed 50 people.", "2016"),
        ("A 1976 earthquake in Tangshan killed many.", "1976"),
    ],
)
def test_a_year_is_a_year(text: str, year: str) -> None:
    assert [d[1] for d in _dates(text)] == [year]


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("Zuletzt war der Vulkan im vergangenen Jahr im März ausgebrochen.", "2023-03"),
        ("Der Damm bei Kachowka brach im Juni vergangenen Jahres.", "2023-06"),
        ("The Indus flooded in August last year.", "2023-08"),
    ],
)
def test_a_month_of_last_year_is_one_date(text: str, month: str) -> None:
    kept = [(d[1], d[3]) for d in _dates(text)]
    assert kept == [(month, True)]


def test_a_month_at_the_start_of_a_sentence() -> None:
    assert _dates("Im Juni kam die Flut nach Porto Alegre.") == [("Im Juni", "2024-06", True, True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A forecast or a plan puts the weekday ahead of the article's date (a Tuesday).
        ("Heavy rain is expected in Chennai on Saturday.", "2024-11-02"),
        ("On Thursday, storms will reach Tulsa and Wichita.", "2024-10-31"),
        ("Hail is forecast for Omaha and Des Moines on Friday.", "2024-11-01"),
        ("Die Stichwahl in Bogotá soll am Sonntag stattfinden.", "2024-11-03"),
        ("Am Freitag wird der Zyklon vor Mosambik erwartet.", "2024-11-01"),
        # The article's own weekday in a forecast is that day, not a week later.
        ("Tuesday will bring more snow to Sapporo.", "2024-10-29"),
    ],
)
def test_a_forecast_weekday_is_ahead(text: str, expected: str) -> None:
    assert expected in [d[1] for d in _dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The day something was said is past, whatever it announces.
        ("The governor of Bahia said on Sunday that roads will reopen.", "2024-10-27"),
        ("Der Bürgermeister von Kumasi sagte am Montag, Schulen würden schließen.", "2024-10-28"),
        ("A landslide struck Wayanad on Saturday.", "2024-10-26"),
        # A hedge is about what a past event may still bring.
        ("The toll from the quake in Herat on Saturday could rise.", "2024-10-26"),
        ("Nach dem Beben am Samstag werden in Herat weitere Tote befürchtet.", "2024-10-26"),
        ("Sunday's vote in Tbilisi is expected to bring protests.", "2024-10-27"),
        (
            "Der Vulkan auf Island war am Freitag ausgebrochen, weitere Ausbrüche sind möglich.",
            "2024-10-25",
        ),
    ],
)
def test_a_past_weekday_stays_past(text: str, expected: str) -> None:
    assert [d[1] for d in _dates(text)] == [expected]


def test_a_planned_day_without_year_is_the_next_one() -> None:
    # "1. Oktober" said in June of a plan is this year's, not last October.
    june = dt.date(2024, 6, 3)
    found = _dates("Sheinbaum soll das Amt in Mexiko-Stadt am 1. Oktober antreten.", june)
    assert found == [("1. Oktober", "2024-10-01", True, False)]
    # Without a cue of the future it stays the last one.
    assert _dates("Das Amt in Quito trat sie am 1. Oktober an.", june)[0][1] == "2023-10-01"
    # A day of last month stays past, even in a sentence about the future.
    assert _dates("The dam near Derna, which burst on Sept. 10, will be rebuilt.")[0][1] == (
        "2024-09-10"
    )


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Das Feuer in der Bar brach in der Silvesternacht aus.",
            dt.date(2026, 1, 6),
            "2025-12-31",
        ),
        (
            "The quake on New Year's Day flattened homes in Wajima.",
            dt.date(2024, 1, 9),
            "2024-01-01",
        ),
        ("Am Neujahrstag bebte die Erde in Ishikawa.", dt.date(2024, 1, 3), "2024-01-01"),
        (
            "Fireworks started the blaze in Valparaíso on New Year's Eve.",
            dt.date(2024, 1, 2),
            "2023-12-31",
        ),
        ("Am Heiligabend fiel in Kiew der Strom aus.", dt.date(2023, 12, 27), "2023-12-24"),
        ("The tsunami struck Aceh on Boxing Day.", dt.date(2004, 12, 28), "2004-12-26"),
        ("A storm hit Manila on Christmas Day.", dt.date(2024, 1, 4), "2023-12-25"),
    ],
)
def test_holidays_are_days(text: str, published: dt.date, expected: str) -> None:
    found = _dates(text, published)
    assert [(d[1], d[2], d[3]) for d in found] == [(expected, True, True)]


def test_a_holiday_without_the_articles_date_stays_unresolved() -> None:
    assert _dates("Am Neujahrstag bebte die Erde in Ishikawa.", None)[0][1:] == (None, True, False)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Floods in Kenya\n\nApril 26, 2024\n\nNAIROBI, Kenya (AP) — Floods swept through "
            "Mathare on Tuesday, officials said.\n",
            "Floods swept through Mathare on Tuesday",
        ),
        (
            "Beben in Marokko\n\n10.09.2023, 08:12 Uhr\n\nRabat: Am Freitag bebte die Erde "
            "südlich von Marrakesch.\n",
            "Am Freitag bebte die Erde südlich von Marrakesch",
        ),
    ],
)
def test_an_event_title_leaves_the_dateline_and_who_said_it_out(text: str, title: str) -> None:
    (date,) = [d for d in draft_article(article_from_text(text)).dates if d.keep]
    assert date.title == title


def test_the_datelines_day_is_no_event_but_the_sentences_day_is() -> None:
    article = article_from_text(
        "Quake toll rises in Ishikawa\n\nJanuary 9, 2024\n\nTOKYO, Jan. 9 (Xinhua) -- The "
        "death toll rose to 180 in Wajima on Tuesday, officials said.\n"
    )
    kept = [(d.text, d.date) for d in draft_article(article).dates if d.keep]
    assert kept == [("on Tuesday", "2024-01-09")]


def test_an_event_is_placed_where_its_sentence_says_not_at_the_dateline() -> None:
    article = article_from_text(
        "Floods in Brazil\n\nMay 7, 2024\n\nBRASILIA (Reuters) - On Monday floods cut off "
        "Canoas, officials said.\n\nRescuers reached Eldorado do Sul. They found 40 people "
        "on a roof on Tuesday.\n"
    )
    draft = draft_article(article)
    placed = {d.text: draft.place(d.place).name if d.place else None for d in draft.dates}
    assert placed["On Monday"] == "Canoas"  # not the dateline's BRASILIA
    assert placed["on Tuesday"] == "Eldorado do Sul"  # named earlier in its paragraph


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "Der Damm bei Derna brach am Montag, teilte die Polizei mit.",
            "Der Damm bei Derna brach am Montag",
        ),
        (
            "The quake killed 12 in Hualien on Wednesday, the fire agency told Reuters.",
            "The quake killed 12 in Hualien on Wednesday",
        ),
        (
            "Die Lage in Goma sei seit Sonntag ernst, hieß es.",
            "Die Lage in Goma sei seit Sonntag ernst",
        ),
        (
            "The toll in Wajima rose on Tuesday, according to NHK.",
            "The toll in Wajima rose on Tuesday",
        ),
        # Said at the start, or too little left: the sentence stays whole.
        (
            "Rescuers said the quake struck Herat on Saturday.",
            "Rescuers said the quake struck Herat on Saturday",
        ),
        ("On Monday, he said.", "On Monday, he said"),
    ],
)
def test_an_event_title_leaves_out_who_said_it(sentence: str, title: str) -> None:
    article = article_from_text(f"Lage\n\n29.10.2024\n\n{sentence}\n")
    titles = {d.title for d in draft_article(article).dates}
    assert titles == {title}


WEDNESDAY = dt.date(2025, 3, 12)


def _on(text: str, published: dt.date = WEDNESDAY) -> dict[str, tuple[str | None, bool]]:
    return {text: (date, keep) for text, date, _inferred, keep in _dates(text, published)}


def test_a_plan_in_the_coming_week_is_on_the_timeline_a_later_one_is_not() -> None:
    assert _on("Die Trauerfeier in Quito ist am kommenden Freitag.")["am kommenden Freitag"] == (
        "2025-03-14",
        True,
    )
    assert _on("Die Wahl in Maputo ist am 30. März.")["30. März"] == ("2025-03-30", False)
    (plan,) = find_dates([Sentence(1, "Voters in Lusaka go to the polls tomorrow.", 1)], WEDNESDAY)
    assert "after the article's date" in plan.reasons[-1]


def test_a_deadline_ahead_is_not_an_event() -> None:
    text = "The flood is expected to reach Mopti by Friday."
    assert _on(text)["by Friday"] == ("2025-03-14", False)
    assert _on("The flood will reach Mopti on Friday.")["on Friday"] == ("2025-03-14", True)


def test_said_to_have_happened_is_past() -> None:
    text = "Ein Reporter soll am Montagnachmittag in Lima angegriffen worden sein."
    assert _on(text)["am Montagnachmittag"] == ("2025-03-10", True)


def test_by_a_day_in_a_past_sentence_is_that_day_gone() -> None:
    text = "The fires near Perth had diminished by Monday morning."
    assert _on(text, dt.date(2025, 3, 10))["by Monday morning"] == ("2025-03-10", True)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Die erste Siedlung am Sambesi entstand 1855.", "1855"),  # background, long before
        ("Zwischen 2015 und 2019 wurde der Deich in Khulna nicht geprüft.", "2015"),
        ("Zwischen 2015 und 2019 wurde der Deich in Khulna nicht geprüft.", "2019"),
        ("Inspectors checked the dam in Tbilisi in the years 2016, 2017 and 2018.", "2017"),
        ("Von 2020 bis 2023 stieg der Pegel des Titicacasees.", "2023"),
        ("Die Regenzeit in Nairobi dauert von März bis Mai.", "bis Mai"),
        ("Every year in August, floods hit Assam.", "in August"),
        ("Bis letztes Jahr war in Quito nur ein Inspektor zuständig.", "letztes Jahr"),
    ],
)
def test_periods_seasons_and_background_are_not_on_the_timeline(text: str, written: str) -> None:
    found = _on(text)
    assert written in found and found[written][1] is False, found


def test_a_day_written_in_british_order_with_its_ordinal() -> None:
    assert _on("Cyclone Freddy hit Malawi on the 6th of March.")["6th of March"] == (
        "2025-03-06",
        True,
    )
    assert _on("Floods reached Durban on 8th February, 2024.")["8th February, 2024"] == (
        "2024-02-08",
        True,
    )


def test_the_end_of_a_month_is_that_month() -> None:
    found = _on("At the end of February, rains flooded Lagos.")
    assert found["the end of February"] == ("2025-02", True)
    assert _on("Ende Februar bebte die Erde in Kamtschatka.")["Ende Februar"] == ("2025-02", True)


def test_years_in_counts_and_names_are_not_dates() -> None:
    assert _dates("Mehr als 2000 Menschen flohen aus Beira.", WEDNESDAY) == []
    assert _dates("Floods destroyed 1900 homes in Cebu.", WEDNESDAY) == []
