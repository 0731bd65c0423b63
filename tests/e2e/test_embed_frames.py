"""The map embedded in frames from 320 × 240 to 1200 × 800: the export's HTML and the
dashboard's `?mode=embed`. The map fills the frame; its boxes leave the map visible."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from dashboard.reader.story import Story
from dashboard.render.export import export_html
from tests.e2e.dashboard_page import FIRST_DRAW_MS, SHOW_THE_WORLD, map_frame
from tests.one_place import PLACES, crowded_story

pytestmark = pytest.mark.browser

# Everything drawn over the map that is not the map: controls, title, legend, credit.
BOXES_OVER_THE_MAP = """() => {
  const map = document.querySelector('.leaflet-container').getBoundingClientRect();
  let covered = 0;
  for (const box of document.querySelectorAll('.leaflet-control')) {
    const r = box.getBoundingClientRect();
    const w = Math.min(r.right, map.right) - Math.max(r.left, map.left);
    const h = Math.min(r.bottom, map.bottom) - Math.max(r.top, map.top);
    if (w > 0 && h > 0) covered += w * h;
  }
  return {covered: covered / (map.width * map.height), height: map.height};
}"""


SMALL_FRAMES = ("320x240", "640x480")
# The credit whole (nothing cut or scrolled away), inside the map, and nothing else on it.
CREDIT = """() => {
  const map = document.querySelector('.leaflet-container').getBoundingClientRect();
  const credit = document.querySelector('.lk-credit');
  const r = credit.getBoundingClientRect();
  const others = [...document.querySelectorAll('.leaflet-control:not(.lk-credit)')]
    .map(n => n.getBoundingClientRect()).filter(o => o.width > 0 && o.height > 0)
    .filter(o => o.left < r.right - 1 && r.left < o.right - 1
              && o.top < r.bottom - 1 && r.top < o.bottom - 1);
  return {whole: credit.scrollWidth <= credit.clientWidth + 1
                 && credit.scrollHeight <= credit.clientHeight + 1,
          inside: r.left >= map.left - 1 && r.right <= map.right + 1
                  && r.top >= map.top - 1 && r.bottom <= map.bottom + 1,
          covered: others.length};
}"""
# Every callout and every name shown on the map (story labels, named ground), and the
# boxes over the map; pairs that overlap by more than a pixel each way.
TEXT_OVERLAPS = """() => {
  const map = document.querySelector('.leaflet-container').getBoundingClientRect();
  const shown = (n) => !n.hidden && n.offsetParent !== null
    && getComputedStyle(n).visibility !== 'hidden' && getComputedStyle(n).opacity !== '0';
  const boxes = [];
  const add = (selector, kind) => document.querySelectorAll(selector).forEach((n) => {
    if (!shown(n)) return;
    const r = n.getBoundingClientRect();
    if (r.width === 0 || r.right <= map.left || r.left >= map.right
        || r.bottom <= map.top || r.top >= map.bottom) return;
    boxes.push({kind, text: n.textContent.slice(0, 30), r});
  });
  add('.lk-callout', 'callout');
  add('.leaflet-tooltip.lk-label', 'label');
  add('.lk-ctx', 'name');
  add('.leaflet-control', 'control');
  const pairs = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.kind === 'control' && b.kind === 'control') continue;
    if (a.kind === 'label' && b.kind === 'control') continue;  // a label may slide under
    if (a.r.left < b.r.right - 1 && b.r.left < a.r.right - 1
        && a.r.top < b.r.bottom - 1 && b.r.top < a.r.bottom - 1) {
      pairs.push([a.kind + ':' + a.text, b.kind + ':' + b.text]);
    }
  }
  return pairs;
}"""


def embedding_page(folder: Path, html: str, sizes=((320, 240), (640, 480), (1200, 800))) -> Path:
    """A newsroom page embedding an export in frames of the given sizes."""
    (folder / "map.html").write_text(html, "utf-8")
    frames = "".join(
        f"<iframe id='f{w}x{h}' src='map.html' width='{w}' height='{h}' "
        "sandbox='allow-scripts' style='border:0;display:block'></iframe>"
        for w, h in sizes
    )
    page = folder / "article.html"
    page.write_text(f"<!DOCTYPE html><html><body>{frames}</body></html>", "utf-8")
    return page


@pytest.fixture(scope="module")
def frames_page(story: Story, tmp_path_factory) -> Path:
    """A newsroom page embedding the first story's export in frames of three sizes."""
    return embedding_page(tmp_path_factory.mktemp("embed"), export_html(story, "de"))


def ready_frame(page, size: str):
    inner = page.locator(f"#f{size}").element_handle().content_frame()
    inner.wait_for_function("() => window.lagekarte !== undefined")
    # the names are placed a frame after the map: wait until they have been
    inner.wait_for_function("() => document.querySelector('.lk-credit') !== null")
    inner.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return inner


def test_small_frames_keep_the_map_free_the_legend_lists_what_is_on_it_the_card_is_opaque(
    watched_page, frames_page: Path
) -> None:
    """One newsroom page, its three frames read in turn (each frame its own map): the
    small frames' boxes over the map, then the large frame's legend, then the details card
    in each small frame."""
    page = watched_page(viewport={"width": 1280, "height": 1700})
    page.goto(frames_page.as_uri())
    for size in SMALL_FRAMES:
        assert_a_small_frame_keeps_three_quarters_of_the_map_free(page, size)
    assert_the_legend_lists_what_is_on_the_map_in_its_colours(page)
    for size in SMALL_FRAMES:
        assert_the_details_card_is_opaque_inside_the_frame_and_clear_of_the_credit(page, size)
    assert page.watch.foreign == [] and page.watch.errors == []


def assert_a_small_frame_keeps_three_quarters_of_the_map_free(page, size: str) -> None:
    """Controls, title, key and inset cover at most a quarter of the map; the key is a
    button; the credit is whole and inside the frame, with nothing over it."""
    frame = page.frame_locator(f"#f{size}")
    frame.locator("[data-feature-id='raqqa']").wait_for()
    inner = ready_frame(page, size)
    measured = inner.evaluate(BOXES_OVER_THE_MAP)
    assert measured["height"] == int(size.split("x")[1]), size  # the map follows the frame
    assert measured["covered"] <= 0.25, size
    expect(frame.locator(".lk-legend")).not_to_have_attribute("open", "")
    expect(frame.locator(".leaflet-control-layers-expanded")).to_have_count(0)
    assert inner.evaluate(CREDIT) == {"whole": True, "inside": True, "covered": 0}, size
    other = ready_frame(page, "1200x800")
    assert other.evaluate(BOXES_OVER_THE_MAP)["height"] == 800


# Story names cut off by the map's edges (Mosul's joint name once was). A name whose place
# has just merged into another's dot fades out (opacity 0) for a moment before it goes:
# no longer shown, it is not counted.
NAMES_CUT_OFF = """() => {
  const map = document.querySelector('.leaflet-container').getBoundingClientRect();
  return [...document.querySelectorAll('.leaflet-tooltip.lk-label')]
    .filter(n => getComputedStyle(n).visibility !== 'hidden' && getComputedStyle(n).opacity !== '0')
    .map(n => [n.textContent, n.getBoundingClientRect()])
    .filter(([, r]) => (r.left < map.right && r.right > map.right + 1)
                       || (r.right > map.left && r.left < map.left - 1)).map(([t]) => t);
}"""


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_callout_or_name_overlaps_another_in_small_frames(
    watched_page, story: Story, tmp_path: Path, lang: str
) -> None:
    """The Raqqa callout once lay over Mosul's label at 320 × 240."""
    page = watched_page(viewport={"width": 1280, "height": 1700})
    page.goto(embedding_page(tmp_path, export_html(story, lang)).as_uri())
    for size in SMALL_FRAMES:
        inner = ready_frame(page, size)
        expect(inner.locator(".lk-callout").first).to_be_visible()
        assert inner.evaluate(TEXT_OVERLAPS) == [], size
        assert inner.evaluate(NAMES_CUT_OFF) == [], size
    assert page.watch.foreign == [] and page.watch.errors == []


@pytest.mark.parametrize("slug", ["porto-alegre", "kathmandu", "anchorage"])
def test_another_story_keeps_its_small_frames_readable(
    watched_page, tmp_path: Path, slug: str
) -> None:
    """The same rules for a flood on another continent: two marks close together, a line,
    a callout and a long credit."""
    place = next(p for p in PLACES if p.slug == slug)
    story = crowded_story(place, tmp_path / "stories")
    page = watched_page(viewport={"width": 1280, "height": 1700})
    page.goto(embedding_page(tmp_path, export_html(story, "de")).as_uri())
    for size in SMALL_FRAMES:
        inner = ready_frame(page, size)
        expect(inner.locator(".lk-callout").first).to_be_visible()
        assert inner.evaluate(BOXES_OVER_THE_MAP)["covered"] <= 0.25, size
        assert inner.evaluate(CREDIT) == {"whole": True, "inside": True, "covered": 0}, size
        assert inner.evaluate(TEXT_OVERLAPS) == [], size
    assert page.watch.foreign == [] and page.watch.errors == []


def assert_the_legend_lists_what_is_on_the_map_in_its_colours(page) -> None:
    inner = page.locator("#f1200x800").element_handle().content_frame()
    inner.wait_for_function("() => window.lagekarte !== undefined")
    far = inner.locator("li[data-legend^='context:']")
    expect(far.first).to_be_hidden()  # Washington and Moscow are not in the region view
    inner.evaluate(SHOW_THE_WORLD)
    # the whole world's ground is drawn first: on a busy machine that takes a while
    expect(far.first).to_be_visible(timeout=FIRST_DRAW_MS)
    # the countries' symbol has the countries' colour, not the small areas' red
    colours = inner.evaluate(
        """() => ({
            legend: getComputedStyle(document.querySelector(
                "li[data-legend='areas:large:now'] svg > *")).stroke,
            map: getComputedStyle(document.querySelector("[data-feature-id='iraq']")).stroke,
        })"""
    )
    assert colours["legend"] == colours["map"]


def test_embed_mode_fills_a_small_frame(watched_page, dashboard_url: str, tmp_path: Path) -> None:
    host = dashboard_url.split("//", 1)[1]
    article = tmp_path / "article.html"
    article.write_text(
        f"<!DOCTYPE html><html><body style='margin:0'><iframe id='embed' "
        f"src='{dashboard_url}/?lang=de&mode=embed' width='320' height='240' "
        "style='border:0'></iframe></body></html>",
        "utf-8",
    )
    page = watched_page(allowed_hosts={host}, viewport={"width": 800, "height": 600})
    page.goto(article.as_uri())
    embed = page.locator("#embed").element_handle().content_frame()
    inner = map_frame(embed, timeout=FIRST_DRAW_MS)
    inner.wait_for_function(
        "() => document.querySelector('.leaflet-container').getBoundingClientRect().height === 240"
    )
    assert inner.evaluate(BOXES_OVER_THE_MAP)["covered"] <= 0.25
    assert embed.evaluate("document.scrollingElement.scrollHeight") <= 240 + 1
    assert page.watch.foreign == [] and page.watch.errors == []


CARD_AND_CREDIT = """() => {
  const frame = document.querySelector('.leaflet-container').getBoundingClientRect();
  const card = document.querySelector('.lk-details');
  const box = card.getBoundingClientRect();
  const credit = document.querySelector('.lk-credit').getBoundingClientRect();
  const style = getComputedStyle(card);
  return {background: style.backgroundColor, opacity: style.opacity,
          card: [box.left, box.top, box.right, box.bottom],
          frame: [frame.left, frame.top, frame.right, frame.bottom],
          credit: [credit.left, credit.top, credit.right, credit.bottom]};
}"""


def assert_the_details_card_is_opaque_inside_the_frame_and_clear_of_the_credit(
    page, size: str
) -> None:
    frame = page.frame_locator(f"#f{size}")
    frame.locator("[data-feature-id='raqqa']").first.click()
    frame.locator(".lk-details:not([hidden])").wait_for()
    inner = page.locator(f"#f{size}").element_handle().content_frame()
    seen = inner.evaluate(CARD_AND_CREDIT)
    assert seen["background"] == "rgb(255, 255, 255)" and seen["opacity"] == "1", size
    (x0, y0, x1, y1), (fx0, fy0, fx1, fy1) = seen["card"], seen["frame"]
    assert fx0 <= x0 and x1 <= fx1 and fy0 <= y0 and y1 <= fy1, size
    cx0, cy0, cx1, cy1 = seen["credit"]
    assert x1 <= cx0 or cx1 <= x0 or y1 <= cy0 or cy1 <= y0, ("the card runs into the credit", size)


READER_FRAMES = ((320, 240), (640, 480), (390, 844), (1440, 900))
# The story's places drawn now: their ids and centres.
MARKS = """() => {
  const map = document.querySelector('.leaflet-container').getBoundingClientRect();
  return [...document.querySelectorAll('.lk-marker-place[data-feature-id]')]
    .filter(n => n.offsetParent !== null && getComputedStyle(n).display !== 'none')
    .map(n => { const r = n.getBoundingClientRect();
                return {id: n.getAttribute('data-feature-id'),
                        x: r.left + r.width / 2, y: r.top + r.height / 2}; })
    .filter(m => m.x >= map.left && m.x <= map.right && m.y >= map.top && m.y <= map.bottom);
}"""
LABEL_TEXTS = """() => [...document.querySelectorAll('.leaflet-tooltip.lk-label')]
    .filter(n => getComputedStyle(n).visibility !== 'hidden' && getComputedStyle(n).opacity !== '0')
    .map(n => n.textContent)"""


def assert_no_marks_stacked(inner) -> None:
    marks = inner.evaluate(MARKS)
    for i, a in enumerate(marks):
        for b in marks[i + 1 :]:
            # on one spot: one dot hides the other (16 px dots, less than half apart)
            assert abs(a["x"] - b["x"]) >= 8 or abs(a["y"] - b["y"]) >= 8, (a, b)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_places_on_one_spot_are_one_mark_named_for_both(
    watched_page, story: Story, tmp_path: Path, lang: str
) -> None:
    """At the region view Mosul's and al-Nuri's dots fall on each other: one dot, named for
    both at every size (on more lines, or left of it, never cut off); closer in, two dots
    with their own names, inside the map."""
    page = watched_page(viewport={"width": 1500, "height": 2700})
    page.goto(embedding_page(tmp_path, export_html(story, lang), READER_FRAMES).as_uri())
    mosul, mosque = story.feature("mosul").name[lang], story.feature("al-nuri-mosque").name[lang]
    for w, h in READER_FRAMES:
        inner = ready_frame(page, f"{w}x{h}")
        assert_no_marks_stacked(inner)
        ids = {m["id"] for m in inner.evaluate(MARKS)}
        assert "mosul" in ids and "al-nuri-mosque" not in ids
        labels = inner.evaluate(LABEL_TEXTS)
        # the joint name at every size (below 1440 px it once gave way to Mosul's alone)
        assert any(mosul in t and mosque in t for t in labels), (w, h, labels)
        assert inner.evaluate(NAMES_CUT_OFF) == []
        if w >= 340:  # view buttons
            inner.locator("[data-view-id='mosul-old-city']").click()
        else:
            inner.evaluate(
                "() => { lagekarte.map.setView([36.3405, 43.13], 15, {animate: false}); }"
            )
        inner.wait_for_function(
            "() => document.querySelector(\"[data-feature-id='al-nuri-mosque']\")"
            ".style.display !== 'none'"
        )
        assert_no_marks_stacked(inner)
        assert not [t for t in inner.evaluate(LABEL_TEXTS) if mosul in t and mosque in t]
        # the mosque's own name inside the map (cut at a phone's right edge once)
        inner.evaluate("() => new Promise(r => requestAnimationFrame(r))")
        assert inner.evaluate(NAMES_CUT_OFF) == [], (w, h)
    assert page.watch.foreign == [] and page.watch.errors == []


@pytest.mark.parametrize("slug", ["porto-alegre", "kathmandu"])
def test_another_storys_marks_on_one_spot_are_one_mark(
    watched_page, tmp_path: Path, slug: str
) -> None:
    place = next(p for p in PLACES if p.slug == slug)
    story = crowded_story(place, tmp_path / "stories")
    page = watched_page(viewport={"width": 1500, "height": 2700})
    page.goto(embedding_page(tmp_path, export_html(story, "en"), READER_FRAMES).as_uri())
    for w, h in READER_FRAMES:
        inner = ready_frame(page, f"{w}x{h}")
        assert_no_marks_stacked(inner)
        labels = inner.evaluate(LABEL_TEXTS)
        if w >= 640:
            assert any("Dike breach" in t for t in labels), (w, h, labels)
        assert inner.evaluate(NAMES_CUT_OFF) == []
    assert page.watch.foreign == [] and page.watch.errors == []
