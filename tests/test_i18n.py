"""German and English, both complete: every interface text exists in both languages."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from dashboard.core.i18n import LANGS, TEXTS, format_partial_date
from tests.conftest import REPO

# text("key", …) with a literal key (not fields.text(...) of the story reader, not f-strings)
USED_KEY = re.compile(r"""(?<![.\w])text\(\s*["']([\w.]+)["']""")


def test_every_text_has_both_languages() -> None:
    for key, translations in TEXTS.items():
        assert set(translations) == set(LANGS), key
        assert all(value.strip() for value in translations.values()), key


def test_every_text_the_code_uses_exists() -> None:
    sources = [p.read_text("utf-8") for p in (REPO / "dashboard").rglob("*.py")]
    used = {key for source in sources for key in USED_KEY.findall(source)}
    assert used, "the pattern finds the keys"
    assert used <= set(TEXTS), used - set(TEXTS)


@pytest.mark.parametrize(
    ("precision", "de", "en"),
    [
        ("day", "1. Juli 2017", "1 July 2017"),
        ("month", "Juli 2017", "July 2017"),
        ("year", "2017", "2017"),
    ],
)
def test_dates_follow_the_language(precision: str, de: str, en: str) -> None:
    day = dt.date(2017, 7, 1)
    assert format_partial_date(day, precision, "de") == de
    assert format_partial_date(day, precision, "en") == en
