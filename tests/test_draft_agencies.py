"""Which words of a dateline or credit name a news agency (dashboard/draft/agencies.py)."""

from __future__ import annotations

import pytest

from dashboard.draft.agencies import SECTIONS, is_agency


@pytest.mark.parametrize(
    "written",
    [
        "AFP",
        "dpa",
        "Reuters",
        "AP/dpa",
        "dpa, AFP",
        "Associated Press",
        "Kyodo News",
        "Press Trust of India",
        "dpa lby",  # a regional desk of dpa
    ],
)
def test_agencies_as_newsrooms_write_them(written: str) -> None:
    assert is_agency(written)


@pytest.mark.parametrize(
    "written",
    ["Ana", "Petra", "Nairobi", "Lima", "Kathmandu Post", "", "Polizei", "Red Cross"],
)
def test_first_names_towns_and_other_sources_are_no_agency(written: str) -> None:
    # "By Ana Lima" must keep its author: agencies whose code is a first name are left out
    assert not is_agency(written)


def test_section_words_are_lowercase_and_in_both_languages() -> None:
    assert {"politik", "ausland", "world", "asia"} <= SECTIONS
    assert all(word == word.lower() for word in SECTIONS)
    assert "erdbeben" not in SECTIONS and "flood" not in SECTIONS
