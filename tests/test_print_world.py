"""Print images of one-place stories far from the first story: the same named ground as
the web map, at the image's scale."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.render.print.static_map import build_static_map
from tests.one_place import PLACES, one_place_story

BY_SLUG = {place.slug: place for place in PLACES}


@pytest.mark.parametrize(("slug", "lang"), [("valencia", "de"), ("lima", "en"), ("goma", "de")])
def test_region_image_names_country_water_and_towns(tmp_path: Path, slug: str, lang: str) -> None:
    place = BY_SLUG[slug]
    story = one_place_story(place, tmp_path)
    image = build_static_map(story, lang, "region", "default")  # type: ignore[arg-type]
    index = 0 if lang == "de" else 1
    named = {(layer, name) for layer, name, _ in image.ground}
    assert ("country", place.country[index].upper()) in named, named
    waters = {name for layer, name in named if layer in ("sea", "lake", "river")}
    assert waters & {pair[index] for pair in place.waters}, waters
    assert len({name for layer, name in named if layer != "country"}) >= 6, named


def test_close_image_names_neighbouring_towns(tmp_path: Path) -> None:
    story = one_place_story(BY_SLUG["christchurch"], tmp_path)
    image = build_static_map(story, "en", "close", "default")
    towns = {name for layer, name, _ in image.ground if layer == "city"}
    assert len(towns) >= 2, towns
    # 1:10m lines and country names do not belong at street scale
    assert not {layer for layer, _, _ in image.ground} & {"river", "lake", "country"}
