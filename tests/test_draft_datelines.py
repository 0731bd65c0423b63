"""Datelines, publication-date lines and the one home of month names."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

from dashboard.core.calendar_words import month_number, weekday_number
from dashboard.draft.agencies import is_agency
from dashboard.draft.datelines import (
    read_date_line,
    read_dateline,
    split_date_head,
)
from dashboard.draft.signatures import read_signature


@pytest.mark.parametrize(
    ("line", "date", "updated"),
    [
        ("31.10.2024, 14:12 Uhr", dt.date(2024, 10, 31), False),
        ("Veröffentlicht am 3. Juli 2021", dt.date(2021, 7, 3), False),
        ("Published 7:31 AM EDT, Wed September 11, 2024", dt.date(2024, 9, 11), False),
        ("Updated 8:02 AM EDT, Wed September 11, 2024", dt.date(2024, 9, 11), True),
        ("Stand: 15.07.2021 18:03 Uhr", dt.date(2021, 7, 15), True),
        ("Mon 16 Oct 2023 10.12 BST", dt.date(2023, 10, 16), False),
        ("Last modified on Tue 17 Oct 2023 09.00 BST", dt.date(2023, 10, 17), True),
        ("Oct. 30, 2024", dt.date(2024, 10, 30), False),
        ("Sonntag, 01.07.2017", dt.date(2017, 7, 1), False),
        ("Dienstag, 3. Jänner 2023, 10:15 Uhr", dt.date(2023, 1, 3), False),
        ("2024-02-06T04:17:00+03:00", dt.date(2024, 2, 6), False),
        ("14.05.2022 | 10:15", dt.date(2022, 5, 14), False),
        ("Posted March 2, 2025 12:30 pm.", dt.date(2025, 3, 2), False),
        ("Last Updated March 2, 2025 12:42 pm.", dt.date(2025, 3, 2), True),
        ("June 4, 2019|Reuters", dt.date(2019, 6, 4), False),
        ("(Xinhua) 10:42, January 09, 2024", dt.date(2024, 1, 9), False),
        ("AFP Published 21 Jan, 2025 07:15am", dt.date(2025, 1, 21), False),
        ("Erstellt am 30.10.2024", dt.date(2024, 10, 30), False),
        ("Updated on: 30/10/2024", dt.date(2024, 10, 30), True),
        ("Posted 10/30/2024 10:05 am", dt.date(2024, 10, 30), False),
        ("Stand: 30.10.2024, 10:05 Uhr | Lesedauer: 3 Min.", dt.date(2024, 10, 30), True),
        ("October 30, 2024 · 4 min read", dt.date(2024, 10, 30), False),
        ("Sendung: SWR Aktuell, 03.02.2025 17:00 Uhr", dt.date(2025, 2, 3), False),
        ("2021/03/24 08:15", dt.date(2021, 3, 24), False),
        ("Updated 2019/7/5, 10:30 PM", dt.date(2019, 7, 5), True),
        (
            "Diese Nachricht wurde am 12.09.2024 im Programm Deutschlandfunk gesendet.",
            dt.date(2024, 9, 12),
            False,
        ),
    ],
)
def test_date_lines(line: str, date: dt.date, updated: bool) -> None:
    found = read_date_line(line)
    assert found is not None and (found.date, found.updated) == (date, updated)


@pytest.mark.parametrize(
    "line",
    [
        "Am 3. Juli 2021 brach der Damm bei Derna.",
        "Published first in Lagos on 3 July 2021",
        "Diese Nachricht wurde am 12.09.2024 von vielen Hörern in Kiel und Rostock gehört.",
        "31.02.2024",  # no such day
        "03/04/2024",  # March or April?
        "2024/13/01",  # no thirteenth month
        "Hochwasser in Bangladesch",
    ],
)
def test_sentences_and_impossible_dates_are_no_date_lines(line: str) -> None:
    assert read_date_line(line) is None


@pytest.mark.parametrize(
    ("paragraph", "place", "region", "agency", "date"),
    [
        (
            "VALENCIA, Spain, Oct. 30, 2024 — Rescuers",
            "Valencia",
            "Spain",
            None,
            dt.date(2024, 10, 30),
        ),
        ("VALENCIA, Spain (AP) — Rescuers", "Valencia", "Spain", "AP", None),
        ("KATHMANDU, Nepal, Jan 15 (Reuters) - A plane", "Kathmandu", "Nepal", "Reuters", None),
        ("NEW DELHI (AP) — Voters", "New Delhi", None, "AP", None),
        ("Istanbul (dpa) - Bei dem Beben", "Istanbul", None, "dpa", None),
        ("Berlin (dpa/lni) – Die Polizei", "Berlin", None, "dpa/lni", None),
        ("Frankfurt am Main (AFP) - Die Börse", "Frankfurt am Main", None, "AFP", None),
        ("Gundelfingen - Die Feuerwehr", "Gundelfingen", None, None, None),
        ("Lima, 12.03.2025: Die Regenzeit", "Lima", None, None, dt.date(2025, 3, 12)),
        ("MANILA: The typhoon", "Manila", None, None, None),
        ("Nairobi: Die Regierung", "Nairobi", None, None, None),
        ("Lima, 12. März 2025 (AFP) - Die Regenzeit", "Lima", None, "AFP", dt.date(2025, 3, 12)),
        ("Santiago, 3. Juli (Reuters) - Der Vulkan", "Santiago", None, "Reuters", None),
        ("LONDON, 21 November (Reuters) - Floods", "London", None, "Reuters", None),
    ],
)
def test_datelines(paragraph, place, region, agency, date) -> None:
    found = read_dateline(paragraph, bare=True)
    assert found is not None
    assert (found.place, found.region, found.agency, found.date) == (place, region, agency, date)
    assert paragraph.startswith(found.text)


@pytest.mark.parametrize(
    "paragraph",
    [
        "In Kinshasa (Kongo) - so die Behörden - fiel der Strom aus.",  # no agency
        "Rescuers in Sumatra - working through the night - found survivors.",
        "Die Lage in Lima bleibt angespannt.",
        "Die Lage: Alles ist ruhig in Quito.",
        "In Quito (dpa) - Die Lage",
    ],
)
def test_no_dateline(paragraph: str) -> None:
    assert read_dateline(paragraph, bare=True) is None


def test_a_bare_place_and_dash_counts_only_when_asked() -> None:
    assert read_dateline("Gundelfingen - Die Feuerwehr", bare=False) is None


def test_agencies() -> None:
    assert is_agency("dpa/lby") and is_agency("AFP") and not is_agency("Irak")


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("Jänner", 1),
        ("Januar", 1),
        ("Sept.", 9),
        ("Sept", 9),
        ("Okt.", 10),
        ("oct", 10),
        ("March", 3),
        ("Mär", 3),
        ("Dez", 12),
        ("Mai", 5),
    ],
)
def test_month_names_come_from_one_home(name: str, number: int) -> None:
    assert month_number(name) == number


def test_weekday_names() -> None:
    assert weekday_number("Sonnabend") == 5 and weekday_number("Tues.") == 1
    assert weekday_number("Mittwoch") == weekday_number("Wednesday") == 2


def _string_constants(tree: ast.AST) -> list[str]:
    """Every string literal of a module but its docstrings (examples are fine there)."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_month_names_are_written_in_one_module_only() -> None:
    package = Path(__file__).resolve().parent.parent / "dashboard"
    names = re.compile(
        r"\b(?:januar|jänner|februar|oktober|dezember|january|february|october|december|"
        r"september|november)\b",
        re.IGNORECASE,
    )
    offenders = [
        path.relative_to(package).as_posix()
        for path in sorted(package.rglob("*.py"))
        if path.name != "calendar_words.py"
        and any(
            names.search(text) for text in _string_constants(ast.parse(path.read_text("utf-8")))
        )
    ]
    assert offenders == []


MARCH_12 = dt.date(2024, 3, 12)
XINHUA = ("Xinhua News Agency", MARCH_12)


@pytest.mark.parametrize(
    ("paragraph", "agency", "date"),
    [
        ("Der Pegel der Donau fiel am Abend wieder. (APA, 3.7.2017)", "APA", dt.date(2017, 7, 3)),
        ("Die Wahl in Bolivien verlief ruhig. (sda, 12. März 2024)", "sda", dt.date(2024, 3, 12)),
        ("Crews reached the quake zone. (AFP, 9.11.2022, 14:30 Uhr)", "AFP", dt.date(2022, 11, 9)),
        ("Pit flooded in Yunnan. (Xinhua News Agency, Example.org.cn March 12, 2024)", *XINHUA),
        ("Ferries to Chittagong stay in port. (Xinhua News Agency March 12, 2024)", *XINHUA),
        ("Landslides blocked the road to Shimla. (PTI, March 12, 2024)", "PTI", MARCH_12),
        ("Aftershocks shook Hokkaido again. (Kyodo, 12 March 2024)", "Kyodo", MARCH_12),
    ],
)
def test_closing_signatures(paragraph: str, agency: str, date: dt.date) -> None:
    found = read_signature(paragraph)
    assert found is not None and (found.agency, found.date) == (agency, date)
    assert paragraph[found.start :].startswith("(")


@pytest.mark.parametrize(
    "paragraph",
    [
        "Der Damm in Kenia hielt. (Mossul, 3.7.2017)",  # no agency
        "Voters in Ghana queued. (AP, the day after the vote on March 3, 2024)",
        "Der Pegel fiel. (APA)",  # an agency, no date
        "(APA, 3.7.2017) Der Pegel fiel am Abend.",  # not at the end
        "The dam at Kariba held. (Xinhua News Agency, said to be safe March 12, 2024)",
        "Der Pegel fiel. (Mossul und Kirkuk, 12. März 2024)",  # places, no agency
    ],
)
def test_no_closing_signature(paragraph: str) -> None:
    assert read_signature(paragraph) is None


def test_a_closing_signature_dates_an_article_and_leaves_its_text() -> None:
    from dashboard.draft.article import article_from_text

    article = article_from_text(
        "Erdrutsch in Peru\n\nLima – Nach heftigem Regen sind in den Anden drei Dörfer "
        "verschüttet worden. Helfer suchten am Sonntag nach Vermissten. (APA, 3.7.2017)\n"
    )
    assert article.published == dt.date(2017, 7, 3)
    assert not any("APA" in s.text for s in article.sentences)
    assert any(d.text == "(APA, 3.7.2017)" for d in article.dropped)


@pytest.mark.parametrize(
    ("paragraph", "month_day"),
    [
        ("Santiago, 3. Juli (Reuters) - Der Vulkan Villarrica brach aus.", (7, 3)),
        ("Manila, 21 November (Reuters) - Floods cut roads.", (11, 21)),
        ("DHAKA, Nov 21 (Reuters) - Floods cut roads.", (11, 21)),
    ],
)
def test_a_datelines_day_without_year(paragraph: str, month_day: tuple[int, int]) -> None:
    found = read_dateline(paragraph)
    assert found is not None and found.date is None and found.month_day == month_day


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Amina Yusuf Published March 12, 2024 | 03:10 PM", "Amina Yusuf"),
        ("Carlos Mendoza Ruiz Posted 12 March 2024, 5:04 PM", "Carlos Mendoza Ruiz"),
        ("Lena Berger Veröffentlicht am 12.03.2024, 14:05 Uhr", "Lena Berger"),
    ],
)
def test_an_authors_name_before_the_publication_label_is_a_byline(line: str, author: str) -> None:
    found = read_date_line(line)
    assert found is not None and (found.date, found.author) == (MARCH_12, author)


def test_words_before_the_label_that_are_no_name_keep_the_line_from_being_a_date_line() -> None:
    assert read_date_line("Floods in the north Published March 12, 2024") is None


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        (
            "12.03.2024 10:17 Chile: Waldbrände bedrohen Valparaíso",
            "Chile: Waldbrände bedrohen Valparaíso",
        ),
        (
            "March 12, 2024 5:04 PM Floods cut off villages in Malawi",
            "Floods cut off villages in Malawi",
        ),
        ("12. März 2024, 14:05 Uhr Erdbeben erschüttert Sumatra", "Erdbeben erschüttert Sumatra"),
    ],
)
def test_a_time_stamp_glued_to_a_headline_is_split_off(line: str, headline: str) -> None:
    found = split_date_head(line)
    assert found is not None and (found[0].date, found[1]) == (MARCH_12, headline)


@pytest.mark.parametrize(
    "line",
    [
        "12. März 2024: Ein Jahr nach dem Beben in Marokko",  # a date, no clock time
        "Floods cut off villages in Malawi 12.03.2024 10:17",  # the stamp after it
        "12.03.2024 10:17",  # a date line alone
    ],
)
def test_a_headline_opening_with_a_date_keeps_it(line: str) -> None:
    assert split_date_head(line) is None


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "date"),
    [
        ("Nairobi (KNA) Die Caritas verteilt Wasser in Turkana.", "Nairobi", "KNA", None),
        ("Bonn (epd). Die Diakonie schickt Helfer nach Mosambik.", "Bonn", "epd", None),
        ("Guwahati, Mar 12 (PTI) Floods cut off 40 villages in Assam.", "Guwahati", "PTI", None),
        ("Quito, 12 Mar (EFE).- A landslide buried homes in Alausí.", "Quito", "EFE", None),
        ("Kathmandu, March 12 (ANI): Floods hit Sindhupalchok.", "Kathmandu", "ANI", None),
        ("Bonn, 12.03.2024 (KNA) Die Malteser schicken Zelte.", "Bonn", "KNA", MARCH_12),
        ("NEW DELHI, March 12, 2024 (PTI): Floods hit Assam.", "New Delhi", "PTI", MARCH_12),
    ],
)
def test_datelines_without_a_dash_after_the_agency(
    paragraph: str, place: str, agency: str, date: dt.date | None
) -> None:
    found = read_dateline(paragraph)
    assert found is not None and (found.place, found.agency, found.date) == (place, agency, date)


@pytest.mark.parametrize(
    "paragraph",
    ["Laut (AFP) Berichten starben zwölf Menschen.", "Mossul (Irak) Die Armee rückte vor."],
)
def test_a_source_or_a_country_in_brackets_is_no_dateline(paragraph: str) -> None:
    assert read_dateline(paragraph) is None
