"""Text is data in every output: template, HTML and script syntax in every text field of
a story stays literal text, never runs, and never breaks a page.

One made-up story (a flood at the Pungwe and Buzi rivers, Mozambique) carries the payload
in every text it has: feature names and notes, figure labels and units (so the shown
value text too), callouts, timeline events, sources (publisher, author, title, about,
note, method), view names, credit, title, summary, the events layer's name, source and
rows. Each output is made from it: the dashboard page (AppTest), the HTML export, the
embed code, GeoJSON, CSV, PNG and SVG, and the editor's path from a pasted article to a
written story.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import markupsafe
import pytest

from dashboard.core.escape import script_json
from dashboard.draft import article_from_text, draft_article, write_story
from dashboard.draft.toml_text import value as toml_value
from dashboard.reader.story import load_story
from dashboard.render.export import embed_snippet, export_csv, export_geojson, export_html
from dashboard.render.print.static_map import build_static_map
from tests.test_app import html_text, run_page

# Running code leaves this file behind (the payload of the shell case writes it).
RAN_MARKER = Path(tempfile.gettempdir()) / "lagekarte-text-ran-as-code"
SVG_NS = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class Payload:
    """`text` as a story holds it; `ran`: what an output shows if it ran the text."""

    text: str
    ran: tuple[str, ...] = ()

    @property
    def marked(self) -> str:
        """The payload between markers, as every text field carries it."""
        return f"«{self.text}»"

    def ran_forms(self) -> list[str]:
        return [f"«{result}»" for result in self.ran]


PAYLOADS = {
    "jinja-expression": Payload("{{ 7*7 }}", ("49",)),
    "jinja-statement": Payload("{% for x in range(3) %}x{% endfor %}", ("xxx",)),
    "jinja-string": Payload("{{'x'}}", ("x",)),
    "jinja-comment": Payload("{# c #}", ("",)),
    "jinja-shell": Payload(
        f"{{{{ lipsum.__globals__.os.popen('touch {RAN_MARKER}').read() }}}}", ("",)
    ),
    "js-template": Payload("${7*7}", ("49",)),
    "html-image": Payload("<img src=x onerror=alert(1)>"),
    "html-script": Payload("</script><script>alert(1)</script>"),
    "script-quotes": Payload("`-alert(1)-` '-alert(1)-' \"-alert(1)-\" map_div __proto__"),
}
OUTPUTS = ["page", "html", "embed", "geojson", "csv", "png", "svg", "editor"]

# Fields that are not text: ids, references, dates, numbers, switches, addresses.
NOT_TEXT = {
    "format",
    "language",
    "languages",
    "published",
    "as_of",
    "id",
    "kind",
    "feature",
    "date",
    "accessed",
    "url",
    "file",
    "bounds",
    "low",
    "high",
    "value",
    "compute",
    "approximate",
    "callout",
    "estimate",
    "hindsight",
    "labelled",
    "distant",
}


def _bilingual(de: str, en: str) -> dict[str, str]:
    return {"de": de, "en": en}


def _article_source(about: str) -> dict[str, Any]:
    return {"kind": "article", "about": about, "note": _bilingual("zitiert INGD", "citing INGD")}


STORY: dict[str, Any] = {
    "format": 1,
    "language": "de",
    "title": _bilingual("Flut an Pungwe und Buzi", "Flood on the Pungwe and Buzi"),
    "summary": _bilingual("Das Wasser steigt.", "The water is rising."),
    "published": "2019-03-20",
    "as_of": "2019-03-19",
    "credit": _bilingual("Karte: Test", "Map: Test"),
    "source": {"publisher": "Testagentur", "author": "Ana Muster", "title": "Flut in Sofala"},
    "views": [
        {
            "id": "region",
            "name": _bilingual("Region", "Region"),
            "bounds": [[-21.0, 33.5], [-18.5, 36.0]],
        },
        {
            "id": "town",
            "name": _bilingual("Stadt", "Town"),
            "bounds": [[-20.0, 34.6], [-19.7, 35.0]],
        },
    ],
    "figures": [
        {
            "id": "cut-off",
            "feature": "buzi",
            "label": _bilingual("Eingeschlossene", "trapped"),
            "low": 1000,
            "high": 3000,
            "callout": True,
            "quote": _bilingual("Bis zu 3000 sitzen fest.", "Up to 3,000 are stuck."),
            "sources": [_article_source("Zahl")],
        },
        {
            "id": "rain",
            "label": _bilingual("Regen", "rain"),
            "value": 200,
            "unit": _bilingual("mm", "mm"),
            "feature": "beira",
            "approximate": True,
            "sources": [
                {
                    "kind": "statistics",
                    "publisher": "INAM",
                    "title": "Boletim",
                    "date": "2019",
                    "method": _bilingual("Tagessumme", "daily total"),
                }
            ],
        },
        {
            "id": "distance",
            "label": _bilingual("Beira–Buzi", "Beira to Buzi"),
            "compute": {"distance": ["beira", "buzi"]},
            "unit": _bilingual("km", "km"),
            "sources": [
                {
                    "kind": "computed",
                    "note": _bilingual("Luftlinie", "straight line"),
                    "method": "geodesic",
                }
            ],
        },
    ],
    "events": [
        {
            "id": "landfall",
            "date": "2019-03-14",
            "title": _bilingual("Landfall", "Landfall"),
            "feature": "beira",
            "quote": _bilingual("Der Sturm kam.", "The storm came."),
            "sources": [
                {
                    "kind": "publication",
                    "publisher": "Zeitung",
                    "title": "Idai",
                    "date": "2019-03-15",
                    "url": "https://example.org/idai",
                }
            ],
        },
        {
            "id": "relief",
            "date": "2019-04",
            "title": _bilingual("Hilfe", "Relief"),
            "hindsight": True,
            "sources": [{"kind": "editorial", "note": "später bekannt"}],
        },
    ],
    "events_layer": {
        "file": "events.csv",
        "name": _bilingual("Meldungen", "Reports"),
        "source": _bilingual("Testdaten", "test data"),
    },
}


def _feature(kind: str, coordinates: Any, geometry: str, **properties: Any) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": geometry, "coordinates": coordinates},
        "properties": {"kind": kind, "sources": [{"kind": "article"}], **properties},
    }


FEATURES: list[dict[str, Any]] = [
    _feature(
        "place",
        [34.84, -19.84],
        "Point",
        id="beira",
        labelled=True,
        name_de="Beira",
        name_en="Beira",
        note_de="Hafen.",
        note_en="Port.",
        quote_de="Beira ist zerstört.",
        quote_en="Beira is destroyed.",
    ),
    _feature(
        "place",
        [34.62, -19.87],
        "Point",
        id="buzi",
        labelled=True,
        name_de="Buzi",
        name_en="Buzi",
        note_de="Dorf.",
        note_en="Village.",
    ),
    _feature(
        "area",
        [[[34.5, -19.95], [34.75, -19.95], [34.75, -19.8], [34.5, -19.8], [34.5, -19.95]]],
        "Polygon",
        id="flooded",
        estimate=True,
        name_de="Überflutet",
        name_en="Flooded",
        note_de="Geschätzt.",
        note_en="Estimated.",
    ),
    _feature(
        "line",
        [[33.9, -18.9], [34.3, -19.4], [34.8, -19.8]],
        "LineString",
        id="pungwe",
        name_de="Pungwe",
        name_en="Pungwe",
        note_de="Fluss.",
        note_en="River.",
    ),
    _feature(
        "event",
        [34.7, -19.85],
        "Point",
        id="dam",
        date="2019-03-16",
        name_de="Damm",
        name_en="Dam",
        note_de="Gebrochen.",
        note_en="Broken.",
    ),
]


def with_payload(item: Any, marked: str, key: str = "") -> Any:
    """Every text in `item` (a story's records) with the marked payload added."""
    if key in NOT_TEXT or key == "type":
        return item
    if isinstance(item, str):
        return f"{item} {marked}"
    if isinstance(item, list):
        return [with_payload(x, marked, key) for x in item]
    if isinstance(item, dict):
        return {k: with_payload(v, marked, k) for k, v in item.items()}
    return item


def write_hostile_story(folder: Path, payload: Payload) -> Path:
    folder.mkdir(parents=True)
    story = with_payload(STORY, payload.marked)
    lines = [f"{key} = {toml_value(value)}" for key, value in story.items() if key != "source"]
    lines += ["[source]"] + [f"{k} = {toml_value(v)}" for k, v in story["source"].items()]
    (folder / "story.toml").write_text("\n".join(lines) + "\n", "utf-8")
    features = [
        {**f, "properties": with_payload(f["properties"], payload.marked)} for f in FEATURES
    ]
    collection = {"type": "FeatureCollection", "features": features}
    (folder / "features.geojson").write_text(json.dumps(collection, ensure_ascii=False), "utf-8")
    rows = io.StringIO()
    events = csv.writer(rows)
    events.writerow(["date", "type", "count", "lon", "lat", "source"])
    for day, lon, lat in (("2019-03-15", 34.8, -19.8), ("2019-03-17", 34.6, -19.9)):
        events.writerow([day, f"flood {payload.marked}", 3, lon, lat, payload.marked])
    (folder / "events.csv").write_text(rows.getvalue(), "utf-8")
    return folder


def article_with(payload: Payload) -> str:
    """A pasted wire report whose headline and sentences hold the payload."""
    marked = payload.marked
    return (
        f"Flut in Mosambik: Beira unter Wasser {marked}\n\n"
        "Beira, 20. März 2019 (dpa) - Nach dem Zyklon Idai stehen weite Teile von Beira "
        f"unter Wasser {marked}.\n\n"
        f"In Buzi sind nach Angaben der Behörden 3000 Menschen eingeschlossen {marked}.\n\n"
        f"Am 14. März 2019 erreichte der Sturm die Küste bei Beira {marked}.\n"
    )


# ---------------------------------------------------------------------------
# What each output must show
# ---------------------------------------------------------------------------


def assert_not_run(payload: Payload, *outputs: str) -> None:
    assert not RAN_MARKER.exists(), "the payload ran a shell command"
    for output in outputs:
        for ran in payload.ran_forms():
            assert ran not in output, f"{payload.text!r} ran: {ran!r} found"


def assert_no_markup(payload: Payload, html: str) -> None:
    """Payload text with markup in it never stands in a page as markup."""
    if "<" in payload.text:
        assert payload.text not in html


def assert_literal_in_page(payload: Payload, html: str, script: str) -> None:
    """The text is in the page as escaped HTML text and as escaped script data."""
    assert str(markupsafe.escape(payload.marked)) in html
    assert script_json(payload.marked)[1:-1] in script
    assert_no_markup(payload, html)
    assert_not_run(payload, html, script)


def strings_in(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings_in(value)]
    if isinstance(data, list):
        return [s for value in data for s in strings_in(value)]
    return []


def check_page(payload: Payload, stories: Path, monkeypatch) -> None:
    slug = stories.name
    monkeypatch.setenv("LAGEKARTE_STORIES", str(stories.parent))
    for params in (
        {"feature": "beira", "tab": "details"},
        {"tab": "figures", "lang": "en"},
        {"event": "landfall", "tab": "timeline"},
        {"tab": "explore"},
        {"tab": "export"},
        {"mode": "embed", "lang": "en"},
    ):
        page = run_page(monkeypatch, story=slug, **params)
        html = html_text(page)
        (component,) = page.get("component_instance")
        script = json.loads(component.proto.json_args)["script"]
        texts = [e.value for e in [*page.markdown, *page.caption, *page.code]]
        if params.get("mode") == "embed":
            assert script_json(payload.marked)[1:-1] in script
        else:
            assert_literal_in_page(payload, html, script)
        assert_no_markup(payload, "\n".join(texts))
        assert_not_run(payload, html, script, *texts)


def check_html(payload: Payload, folder: Path) -> None:
    story = load_story(folder)
    for lang in ("de", "en"):
        page = export_html(story, lang)
        assert_literal_in_page(payload, page, page)


def check_embed(payload: Payload, folder: Path) -> None:
    snippet = embed_snippet(load_story(folder), "en")
    assert str(markupsafe.escape(payload.marked)) in snippet
    assert_no_markup(payload, snippet)
    assert_not_run(payload, snippet)


def check_geojson(payload: Payload, folder: Path) -> None:
    data = json.loads(export_geojson(load_story(folder), "de"))
    assert data["lagekarte"]["title"] == f"Flut an Pungwe und Buzi {payload.marked}"
    names = {f["properties"]["id"]: f["properties"]["name"] for f in data["features"]}
    assert names["beira"] == f"Beira {payload.marked}"
    assert_not_run(payload, *strings_in(data))


def check_csv(payload: Payload, folder: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export_csv(load_story(folder), "en"))))
    by_id = {row["id"]: row for row in rows}
    assert by_id["beira"]["name"] == f"Beira {payload.marked}"
    assert by_id["beira"]["note"] == f"Port. {payload.marked}"
    assert by_id["landfall"]["name"] == f"Landfall {payload.marked}"
    assert_not_run(payload, *[cell for row in rows for cell in row.values()])


def rendered_images(folder: Path) -> dict[str, bytes]:
    """The story's print image as SVG and PNG, built once for both (the build is most of
    an image's time); the SVG saved first, as `render_image` makes it."""
    image = build_static_map(load_story(folder), "de")
    return {"svg": image.to_bytes("svg"), "png": image.to_bytes("png")}


def check_image(payload: Payload, images: dict[str, bytes], fmt: str) -> None:
    image = images[fmt]
    if fmt == "png":
        assert image.startswith(b"\x89PNG\r\n\x1a\n")
        assert_not_run(payload)
        return
    root = ElementTree.fromstring(image)  # well-formed: no text broke out of its element
    tags = {node.tag for node in root.iter()}
    assert not tags & {f"{SVG_NS}script", f"{SVG_NS}foreignObject", "script", "img"}
    texts = ["".join(node.itertext()) for node in root.iter(f"{SVG_NS}text")]
    joined = "".join("".join(texts).split())  # labels may wrap at spaces
    assert "".join(payload.marked.split()) in joined
    assert_not_run(payload, *texts)


def check_editor(payload: Payload, stories: Path, monkeypatch) -> None:
    """The editor's path: a pasted article drafted and written, then shown."""
    draft = draft_article(article_from_text(article_with(payload)))
    folder = write_story(draft, stories / "pasted")
    written = "\n".join(p.read_text("utf-8") for p in folder.iterdir() if p.is_file())
    story = load_story(folder)
    assert story.title[story.language].startswith("Flut in Mosambik")  # (may be shortened)
    geojson = export_geojson(story, story.language)
    assert any(payload.marked in text for text in strings_in(json.loads(geojson)))
    page = export_html(story, story.language)
    assert script_json(payload.marked)[1:-1] in page
    assert_no_markup(payload, page)
    assert_not_run(payload, written, geojson, page)


@pytest.fixture(scope="module")
def hostile_stories(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("text-is-data")
    return {
        name: write_hostile_story(root / name / "flood-story", payload)
        for name, payload in PAYLOADS.items()
    }


@pytest.fixture(scope="module")
def hostile_images(hostile_stories) -> Callable[[str], dict[str, bytes]]:
    """Each payload's print images, made once for its PNG and its SVG test: a payload
    that ran while they were made leaves its marker behind for the first of the two."""
    return cache(lambda name: rendered_images(hostile_stories[name]))


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("name", list(PAYLOADS))
def test_text_stays_text_in_every_output(
    hostile_stories, hostile_images, monkeypatch, tmp_path, name, output
) -> None:
    payload = PAYLOADS[name]
    folder = hostile_stories[name]
    RAN_MARKER.unlink(missing_ok=True)
    if output == "page":
        check_page(payload, folder, monkeypatch)
    elif output == "html":
        check_html(payload, folder)
    elif output == "embed":
        check_embed(payload, folder)
    elif output == "geojson":
        check_geojson(payload, folder)
    elif output == "csv":
        check_csv(payload, folder)
    elif output in ("png", "svg"):
        check_image(payload, hostile_images(name), output)
    else:
        check_editor(payload, tmp_path, monkeypatch)
    assert_not_run(payload)
