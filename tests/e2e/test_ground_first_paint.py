"""The map draws the ground in and around its first view with the story, and the rest of
the world right after the first paint: zoomed out, every continent is land, and land at
the first view is drawn before the first paint."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.core.model import Story
from dashboard.core.palette import PALETTE
from dashboard.render.export import export_html
from tests.e2e.test_export_ground import open_export_file
from tests.one_place import PLACES, one_place_story

pytestmark = pytest.mark.browser
BY_SLUG = {place.slug: place for place in PLACES}

# The colour of the base canvas at a place, as "r,g,b" (its alpha is always full on land).
BASE_COLOUR = """([lat, lon]) => {
  const map = window.lagekarte.map;
  const canvas = document.querySelector(".leaflet-lk-base-pane canvas");
  const point = map.latLngToContainerPoint([lat, lon]);
  const frame = map.getContainer().getBoundingClientRect();
  const box = canvas.getBoundingClientRect();
  const x = (point.x + frame.left - box.left) * canvas.width / box.width;
  const y = (point.y + frame.top - box.top) * canvas.height / box.height;
  const pixel = canvas.getContext("2d").getImageData(Math.round(x), Math.round(y), 1, 1).data;
  return [pixel[0], pixel[1], pixel[2]].join(",");
}"""
# Places well inland on every inhabited continent (no lake, no border at 1:110m).
INLAND = {
    "Brazil": (-10.0, -55.0),
    "Australia": (-25.0, 134.0),
    "Canada": (55.0, -120.0),
    "Chad": (15.0, 19.0),
    "Kazakhstan": (48.0, 68.0),
}
# After the first draw, the frame after the map is told to show the world (Leaflet's
# canvas draws in an animation frame).
SHOW_WORLD = """() => new Promise((done) => {
  window.lagekarte.map.setView([20, 10], 2, {animate: false});
  requestAnimationFrame(() => requestAnimationFrame(done));
})"""


def _land() -> str:
    value = PALETTE["land"].lstrip("#")
    return ",".join(str(int(value[i : i + 2], 16)) for i in (0, 2, 4))


def _open(watched_page, story: Story, tmp_path: Path, lang: str):
    path = tmp_path / f"{story.slug}-{lang}.html"
    path.write_text(export_html(story, lang), "utf-8")  # type: ignore[arg-type]
    return open_export_file(watched_page, path)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_continent_is_land_once_zoomed_out(
    watched_page, story: Story, tmp_path: Path, lang: str
) -> None:
    page = _open(watched_page, story, tmp_path, lang)
    page.evaluate(SHOW_WORLD)
    colours = {name: page.evaluate(BASE_COLOUR, list(at)) for name, at in INLAND.items()}
    assert colours == dict.fromkeys(INLAND, _land())
    assert page.watch.foreign == [] and page.watch.errors == []


@pytest.mark.parametrize("slug", ["lima", "goma"])
def test_ground_at_the_first_view_comes_with_the_first_paint(
    watched_page, tmp_path: Path, slug: str
) -> None:
    place = BY_SLUG[slug]
    path = tmp_path / f"{slug}.html"
    path.write_text(export_html(one_place_story(place, tmp_path / "stories"), "en"), "utf-8")
    page = watched_page(viewport={"width": 1280, "height": 800})
    # The map's first painted frame: the first animation frame after its script ran
    # (Leaflet's canvas draws in it), noted before any later work of the map's own.
    page.add_init_script(
        """window.__firstPaint = new Promise((done) => {
          const wait = () => {
            if (window.lagekarte) requestAnimationFrame(() => done()); else setTimeout(wait, 0);
          };
          wait();
        });"""
    )
    page.goto(path.as_uri())
    page.wait_for_function("() => window.lagekarte")
    colour = page.evaluate(
        "(at) => window.__firstPaint.then(() => (" + BASE_COLOUR + ")(at))",
        [place.lat, place.lon],
    )
    assert colour == _land(), f"{slug}: {colour} at the story's place at its first paint"
