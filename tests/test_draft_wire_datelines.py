"""Wire and newspaper datelines: the wire's day with no place ("March 12 (Reuters) -")."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.draft.article import article_from_text
from dashboard.draft.datelines import read_dateline
from dashboard.draft.engine import draft_article


@pytest.mark.parametrize(
    ("paragraph", "agency", "month_day", "date"),
    [
        ("March 12 (Reuters) - Floods cut roads in Mozambique.", "Reuters", (3, 12), None),
        ("Dec 7 (Reuters) - A quake shook Papua New Guinea.", "Reuters", (12, 7), None),
        ("Dec. 7 (AP) — Wildfires burned near Valparaíso.", "AP", (12, 7), None),
        ("MAY 4 (Reuters) - Cyclone Remal hit Bangladesh.", "Reuters", (5, 4), None),
        ("Oct 30 (Reuters) -- Rains flooded Porto Alegre.", "Reuters", (10, 30), None),
        ("12. März (AFP) - Bei einem Erdrutsch in Peru starben zwölf.", "AFP", (3, 12), None),
        ("3. Juli (dpa) - In Sachsen stieg die Elbe.", "dpa", (7, 3), None),
        ("3 June 2024 (Reuters) - A quake hit Taiwan.", "Reuters", (6, 3), dt.date(2024, 6, 3)),
    ],
)
def test_a_datelines_day_without_a_place(paragraph, agency, month_day, date) -> None:
    found = read_dateline(paragraph)
    assert found is not None
    assert (found.place, found.agency, found.month_day, found.date) == ("", agency, month_day, date)
    assert paragraph.startswith(found.text)


@pytest.mark.parametrize(
    "paragraph",
    [
        "March 12 - the day the dam broke - is a holiday now.",  # no agency
        "March 12 (Irak) - Die Armee rückte vor.",  # a country in brackets, no agency
        "In March 12 (Reuters) - reported floods.",
        "12 (Reuters) - Floods hit Assam.",  # a number, no month
        "May 4 (Reuters) said nothing about the flood.",  # no dash, no sentence after it
    ],
)
def test_look_alikes_of_a_day_only_dateline(paragraph: str) -> None:
    assert read_dateline(paragraph) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("NAIROBI, March 12 (Reuters) - Floods killed 12 in Garissa.", "Nairobi"),
        ("LIMA, Dec 7 (Reuters) - A landslide buried a bus in Ancash.", "Lima"),
        ("Jakarta, 12. März (AFP) - Bei Überschwemmungen auf Sumatra starben 12.", "Jakarta"),
    ],
)
def test_a_datelines_day_with_its_place(text: str, place: str) -> None:
    found = read_dateline(text)
    assert found is not None and found.place == place and found.date is None


def _draft(text: str):
    article = article_from_text(text)
    return article, draft_article(article)


def test_a_day_only_dateline_is_no_date_of_publication_and_the_draft_says_so() -> None:
    article, draft = _draft(
        "Floods cut off towns in Mozambique\n\n"
        "March 12 (Reuters) - Floods cut off 40 villages in Sofala province, officials said."
        "\n\nRescuers reached Buzi by boat."
    )
    assert article.dateline is not None and article.dateline.place == ""
    assert article.published is None and draft.published is None
    assert any("No date of publication found" in note for note in draft.notes)
    assert draft.dateline_place is None  # no place of the story's figures, none filed from
    assert not any(d.keep and (d.date or "").endswith("-03-12") for d in draft.dates)


def test_a_day_only_datelines_year_comes_from_the_stated_date_line() -> None:
    article, draft = _draft(
        "Quake shakes Papua New Guinea\n\nPublished December 8, 2023\n\n"
        "Dec 7 (Reuters) - A magnitude 6.1 quake shook Papua New Guinea's Morobe province."
    )
    assert article.published == dt.date(2023, 12, 8)
    assert draft.published == "2023-12-08"
    dateline_day = [d for d in draft.dates if "the dateline's day" in " ".join(d.reasons)]
    assert [d.date for d in dateline_day] == ["2023-12-07"]


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("Berlin. Die Bundesregierung schickt Generatoren in die Ukraine.", "Berlin"),
        ("Lima. Bei einem Erdbeben in der Region Ica starben zwölf Menschen.", "Lima"),
        ("Berlin/Kiew. Die Regierungen sprachen über Hilfe.", "Berlin/Kiew"),
        ("Frankfurt am Main. Die Börse schloss mit Verlusten.", "Frankfurt am Main"),
        ("Rio de Janeiro. „Wir haben alles verloren“, sagte eine Frau.", "Rio de Janeiro"),
        ("Bad Kreuznach. Nach dem Starkregen stand die Nahe hoch.", "Bad Kreuznach"),
        ("Dhaka. Der Zyklon traf die Küste in der Nacht.", "Dhaka"),
    ],
)
def test_a_newspapers_dateline_is_its_place_and_a_full_stop(paragraph: str, place: str) -> None:
    found = read_dateline(paragraph, bare=True)
    assert found is not None and found.name_only
    assert (found.place, found.agency, found.date) == (place, None, None)
    assert found.text == place + "."


@pytest.mark.parametrize(
    "paragraph",
    [
        "Dr. Müller leitet das Krankenhaus in Accra.",
        "Prof. Weber warnt vor dem Hochwasser.",
        "St. Gallen meldet Schäden nach dem Sturm.",
        "Ja. Die Lage in Manila bleibt angespannt.",
        "USA. Die Wahl in Arizona ist entschieden.",  # letters, not a name
        "Berlin. die Stadt an der Spree.",  # no capital after the full stop
        "Sen. Warren visited Houston.",
    ],
)
def test_abbreviations_and_short_words_are_no_period_dateline(paragraph: str) -> None:
    assert read_dateline(paragraph, bare=True) is None


def test_a_period_dateline_counts_only_in_the_lead() -> None:
    assert read_dateline("Lima. Bei einem Erdbeben starben zwölf.", bare=False) is None


def _lead_draft(lead: str):
    return _draft(f"Meldung aus aller Welt\n\n{lead}\n\nDie Behörden meldeten 40 Verletzte.")


@pytest.mark.parametrize(
    "lead",
    [
        "Stillstand. In den Häfen von Hamburg und Bremen ruht die Arbeit.",
        "Chaos. Auf den Straßen von Nairobi staute sich der Verkehr.",
        "Endlich. Nach Wochen erreichte Hilfe die Dörfer in Sindh.",
    ],
)
def test_a_one_word_sentence_that_is_no_place_is_no_dateline(lead: str) -> None:
    article, draft = _lead_draft(lead)
    assert article.dateline is None and draft.dateline_place is None


def test_a_period_dateline_is_treated_as_an_agencys_dateline() -> None:
    """Same places, same figure places as "Lima (dpa) -": the dateline is no place of the
    figures, the lead's own place is."""
    lead = "Bei einem Erdbeben in der Region Ica starben am Dienstag zwölf Menschen."
    name_only = _lead_draft(f"Lima. {lead}")[1]
    by_agency = _lead_draft(f"Lima (dpa) - {lead}")[1]
    assert name_only.dateline_place == by_agency.dateline_place == "Lima"
    assert sorted((p.name, p.keep) for p in name_only.places) == sorted(
        (p.name, p.keep) for p in by_agency.places
    )
    assert [(f.low, f.place) for f in name_only.figures] == [
        (f.low, f.place) for f in by_agency.figures
    ]
    assert all(f.place != "lima" for f in name_only.figures)


def test_a_byline_before_the_dateline_is_dropped_as_a_byline() -> None:
    article, draft = _lead_draft(
        "Von Anna Muster, Nairobi. Bei Überschwemmungen in Garissa starben 12 Menschen."
    )
    assert article.author == "Anna Muster"
    assert article.dateline is not None and article.dateline.place == "Nairobi"
    assert ("Von Anna Muster", "byline") in [(d.text, d.reason) for d in article.dropped]
    assert not any("Muster" in s for s in draft.sentences)


def test_a_period_further_down_is_a_sentence() -> None:
    article, _ = _draft(
        "Die Schlacht um Mossul\n\nDie Armee rückt weiter vor, sagte ein Sprecher am Montag.\n\n"
        "Mosul. Ein Name, der für Jahre des Krieges steht, sagte ein Offizier in Erbil."
    )
    assert article.dateline is None


@pytest.mark.parametrize(
    ("byline", "place", "publisher"),
    [
        ("Von Anna Muster, Nairobi", "Nairobi", None),
        ("Von Tom Kraus, Kairo", "Kairo", None),
        ("By Priya Nair, Guwahati", "Guwahati", None),
        ("By Ana Ruiz, Quito", "Quito", None),
        ("Von Anna Muster, dpa", None, "dpa"),
        ("By Jane Roe, Reuters", None, "Reuters"),
        ("By Jane Roe, Associated Press", None, "Associated Press"),
        ("By Jane Roe, Nation", None, "Nation"),  # a newspaper's name, no place
    ],
)
def test_a_bylines_one_word_is_the_place_written_from_when_it_is_a_place(
    byline: str, place: str | None, publisher: str | None
) -> None:
    article, draft = _draft(
        f"Flut und Regen\n\n{byline}\n\nBei Überschwemmungen starben zwölf Menschen, sagte er."
    )
    assert draft.dateline_place == place
    assert article.publisher == publisher
    assert not any(byline in s for s in draft.sentences)


def test_the_leads_own_dateline_outweighs_the_bylines_place() -> None:
    article, draft = _draft(
        "Flut in Kenia\n\nVon Anna Muster, Nairobi\n\n"
        "Garissa (dpa) - Bei Überschwemmungen starben zwölf Menschen, sagte ein Sprecher."
    )
    assert draft.dateline_place == "Garissa" and article.publisher == "dpa"
