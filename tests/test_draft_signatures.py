"""Closing signatures of wire copy (dashboard/draft/signatures.py): the agency and the day
of a report, read from the end of its last paragraph."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.draft.signatures import read_signature


@pytest.mark.parametrize(
    ("paragraph", "agency", "date"),
    [
        ("Die Straße nach Cusco bleibt gesperrt. (APA, 3.7.2017)", "APA", dt.date(2017, 7, 3)),
        (
            "Die Behörden in Mombasa rechnen mit weiterem Regen. "
            "© dpa-infocom, dpa:240312-99-123456/3",
            "dpa",
            dt.date(2024, 3, 12),
        ),
        (
            "Rescue teams reached Suva by nightfall. (Xinhua, March 5, 2021)",
            "Xinhua",
            dt.date(2021, 3, 5),
        ),
    ],
)
def test_agency_and_day_closing_the_text(paragraph: str, agency: str, date: dt.date) -> None:
    signature = read_signature(paragraph)
    assert signature is not None
    assert (signature.agency, signature.date) == (agency, date)
    assert paragraph[signature.start :].lstrip("(© ").startswith(("APA", "dpa", "Xinhua"))


def test_desk_codes_name_the_agency_but_no_day() -> None:
    signature = read_signature("Der Pegel in Passau sinkt langsam. dpa mf yyzz n1")
    assert signature is not None
    assert (signature.agency, signature.date) == ("dpa", None)


def test_a_date_line_glued_to_the_last_sentence() -> None:
    paragraph = "Im Süden von Chile starben zwei Menschen. 12.03.2024, 14:05 Uhr"
    signature = read_signature(paragraph)
    assert signature is not None
    assert signature.date == dt.date(2024, 3, 12)
    assert paragraph[: signature.start].rstrip().endswith("Menschen.")


@pytest.mark.parametrize(
    "paragraph",
    [
        "The mayor of Manila said the dam would hold (for now).",
        "Am 3. Juli 2017 erreichte die Flut Dhaka.",
        "Der Sprecher (Name der Redaktion bekannt) bestätigte das.",
        "",
    ],
)
def test_sentences_with_brackets_or_dates_are_no_signature(paragraph: str) -> None:
    assert read_signature(paragraph) is None
