"""One-place stories far from the first story's region: on load, with no click, the
export names the country, the water and the towns around the place, without overlaps."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.render.export import export_html
from tests.e2e.test_export_ground import VISIBLE_TEXT, open_export_file, overlapping_names
from tests.one_place import PLACES, one_place_story

pytestmark = pytest.mark.browser
BY_SLUG = {place.slug: place for place in PLACES}


@pytest.mark.parametrize(
    ("slug", "lang"), [("valencia", "en"), ("goma", "de"), ("hualien", "de"), ("lima", "en")]
)
def test_region_view_names_country_water_and_towns(
    watched_page, tmp_path: Path, slug: str, lang: str
) -> None:
    place = BY_SLUG[slug]
    story = one_place_story(place, tmp_path / "stories")
    path = tmp_path / f"{slug}-{lang}.html"
    path.write_text(export_html(story, lang, view="region"), "utf-8")  # type: ignore[arg-type]
    page = open_export_file(watched_page, path)
    items = page.evaluate(VISIBLE_TEXT)
    shown = {item["text"] for item in items}
    index = 0 if lang == "de" else 1
    assert place.country[index] in shown, shown
    assert shown & {pair[index] for pair in place.waters}, shown
    others = {i["text"] for i in items if i["layer"] in ("city", "sea", "lake", "river")}
    assert len(others) >= 6, others
    assert overlapping_names(items) == []
    assert page.watch.foreign == [] and page.watch.errors == []


@pytest.mark.parametrize(("slug", "lang"), [("christchurch", "de"), ("valencia", "en")])
def test_close_view_names_neighbouring_towns(
    watched_page, tmp_path: Path, slug: str, lang: str
) -> None:
    story = one_place_story(BY_SLUG[slug], tmp_path / "stories")
    path = tmp_path / f"{slug}-close.html"
    path.write_text(export_html(story, lang, view="close"), "utf-8")  # type: ignore[arg-type]
    page = open_export_file(watched_page, path)
    items = page.evaluate(VISIBLE_TEXT)
    towns = {i["text"] for i in items if i["layer"] == "city"}
    assert len(towns) >= 2, towns
    assert overlapping_names(items) == []
