"""Typed reads of a story record's fields (text, numbers, dates, bilingual texts).

Problems are collected, not raised, and each names the file, the record and the field.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import reprlib
from collections.abc import Iterable, Mapping
from typing import Any

from dashboard.core.i18n import LANGS, Lang
from dashboard.core.model import PartialDate, Problem, Text, is_unicode
from dashboard.reader.limits import MAX_TEXT_CHARS

# \Z, not $: "$" also matches before a final newline, and "mosul\n" is no second Mosul.
SLUG_PATTERN = re.compile(r"\A[a-z0-9][a-z0-9-]{0,63}\Z")
ID_PATTERN = SLUG_PATTERN
DATE_PATTERN = re.compile(r"\A(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?\Z")

NOT_UNICODE = "not valid Unicode: half of a surrogate pair (an escape such as \\ud800)"
# A value quoted in a message: short and shallow, however long or deep the value is.
shown = reprlib.Repr()
shown.maxstring = shown.maxother = 60


def finite(value: float) -> bool:
    """math.isfinite, False also for an integer too large for a float."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def parse_partial_date(raw: object) -> PartialDate:
    """`2017-06-29`, `2017-06` or `2017` (string, or a TOML date) -> PartialDate."""
    if isinstance(raw, dt.datetime):
        raise ValueError("give a date without a time")
    if isinstance(raw, dt.date):
        return PartialDate(raw, "day")
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    if not isinstance(raw, str):
        raise ValueError("expected a date like 2017-06-29, 2017-06 or 2017")
    match = DATE_PATTERN.match(raw.strip())
    if not match:
        raise ValueError(f"malformed date {shown.repr(raw)}: expected YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = match.groups()
    try:
        value = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as error:
        raise ValueError(f"malformed date {raw!r}: {error}") from None
    precision = "day" if day else "month" if month else "year"
    return PartialDate(value, precision)


class Fields:
    """Typed reads of one record's fields; problems are collected, not raised."""

    def __init__(
        self,
        problems: list[Problem],
        file: str,
        where: str,
        data: Mapping[str, Any],
        prefix: str = "",
        languages: tuple[Lang, ...] = LANGS,
    ):
        self.problems = problems
        self.file = file
        self.where = where
        self.data = data
        # Names a nested table's fields in problems: "sources[0]." + "url".
        self.prefix = prefix
        # The languages the record's texts must exist in: both, or only the article's
        # for a story marked `languages = ["de"]`.
        self.languages = languages

    def _field(self, field_name: str | None) -> str | None:
        if not self.prefix:
            return field_name
        return self.prefix + field_name if field_name else self.prefix.rstrip(".")

    def problem(self, field_name: str | None, message: str) -> None:
        self.problems.append(Problem(self.file, self.where, self._field(field_name), message))

    def warn(self, field_name: str | None, message: str) -> None:
        self.problems.append(
            Problem(self.file, self.where, self._field(field_name), message, warning=True)
        )

    def nested(self, data: Mapping[str, Any], prefix: str) -> Fields:
        """The fields of a table inside this record, named `prefix` + field in problems."""
        return Fields(
            self.problems, self.file, self.where, data, self.prefix + prefix, self.languages
        )

    def _present(self, key: str) -> bool:
        value = self.data.get(key)
        return value is not None and value != ""

    def string(self, key: str, required: bool = True) -> str | None:
        if not self._present(key):
            if required:
                self.problem(key, "missing required field")
            return None
        value = self.data[key]
        if not isinstance(value, str):
            self.problem(key, f"expected text, got {type(value).__name__}")
            return None
        if len(value) > MAX_TEXT_CHARS:
            self.problem(key, f"text longer than {MAX_TEXT_CHARS} characters")
            return None
        if not is_unicode(value):
            self.problem(key, NOT_UNICODE)
            return None
        return value

    def boolean(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.problem(key, f"expected true or false, got {shown.repr(value)}")
            return False
        return value

    def number(self, key: str) -> float | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(key, f"expected a number, got {shown.repr(value)}")
            return None
        if not finite(value):
            self.problem(key, "number must be finite")
            return None
        return float(value)

    def date(self, key: str, required: bool = True) -> PartialDate | None:
        if not self._present(key):
            if required:
                self.problem(key, "missing required field")
            return None
        try:
            return parse_partial_date(self.data[key])
        except ValueError as error:
            self.problem(key, str(error))
            return None

    def day(self, key: str, required: bool = True) -> dt.date | None:
        """A full date (published, as of)."""
        partial = self.date(key, required)
        if partial is not None and partial.precision != "day":
            self.problem(key, f"needs a full date YYYY-MM-DD, got {partial}")
            return None
        return partial.value if partial else None

    def text(self, key: str, required: bool = True) -> Text | None:
        """A bilingual table `{ de = "...", en = "..." }` (story.toml)."""
        if key not in self.data:
            if required:
                self.problem(key, "missing required field")
            return None
        table = self.data[key]
        if not isinstance(table, Mapping):
            self.problem(
                key, "expected a table with 'de' and 'en', e.g. { de = \"…\", en = \"…\" }"
            )
            return None
        sub = Fields(self.problems, self.file, self.where, table, languages=self.languages)
        return self._bilingual(key, {lang: (lang, sub) for lang in LANGS})

    def flat_text(self, key: str, required: bool = True) -> Text | None:
        """A bilingual text as two properties `key_de`, `key_en` (features.geojson)."""
        if not any(self._present(f"{key}_{lang}") for lang in LANGS):
            if required:
                self.problem(f"{key}_{self.languages[0]}", "missing required field")
            return None
        return self._bilingual(key, {lang: (f"{key}_{lang}", self) for lang in LANGS})

    def _bilingual(self, key: str, sources: dict[Lang, tuple[str, Fields]]) -> Text | None:
        """Both languages; in a single-language story the other one may be missing and
        is then the story's own text (the page tells the reader so)."""
        required = self.languages
        values: dict[str, str] = {}
        for lang, (sub_key, fields) in sources.items():
            name = sub_key if fields is self else f"{key}.{sub_key}"
            if not fields._present(sub_key):
                if lang in required:
                    self.problem(name, f"missing translation '{lang}'")
                continue
            value = fields.data[sub_key]
            if not isinstance(value, str):
                self.problem(name, f"expected text, got {type(value).__name__}")
            elif len(value) > MAX_TEXT_CHARS:
                self.problem(name, f"text longer than {MAX_TEXT_CHARS} characters")
            elif not is_unicode(value):
                self.problem(name, NOT_UNICODE)
            else:
                values[lang] = value
        if any(lang not in values for lang in required) or not values:
            return None
        fallback = values[required[0]]
        return Text(de=values.get("de", fallback), en=values.get("en", fallback))

    def any_text(self, key: str, required: bool = True) -> Text | None:
        """`key = "…"` (the same in both languages) or a bilingual table."""
        if isinstance(self.data.get(key), Mapping):
            return self.text(key, required)
        value = self.string(key, required)
        return Text(value, value) if value is not None else None

    def source(self) -> Text | None:
        """`source = "…"` (a citation the same in both languages) or a bilingual table."""
        return self.any_text("source")

    def flat_source(self) -> Text | None:
        """`source` (language-neutral) or `source_de` + `source_en` (features.geojson)."""
        if any(f"source_{lang}" in self.data for lang in LANGS):
            return self.flat_text("source")
        citation = self.string("source")
        return Text(citation, citation) if citation is not None else None

    def unknown_keys(self, allowed: Iterable[str]) -> None:
        allowed_set = set(allowed)
        for key in self.data:
            if key not in allowed_set:
                self.problem(key, "unknown field (a typo?)")
