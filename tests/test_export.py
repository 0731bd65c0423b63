"""Exports: the single-file HTML page and GeoJSON data."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import geopandas as gpd
import pytest

from dashboard.core.wording import citation
from dashboard.reader.story import Story, load_story
from dashboard.render.export import alt_text, embed_snippet, export, export_geojson, export_html

SIZE_BUDGET = 450_000  # the named ground and its typeface included


@pytest.fixture(scope="module")
def page_de(story: Story) -> str:
    return export_html(story, "de")


def test_html_is_within_its_size_budget(page_de: str) -> None:
    assert len(page_de.encode("utf-8")) < SIZE_BUDGET


def test_html_loads_nothing_from_elsewhere(page_de: str) -> None:
    assert not re.search(r"<script[^>]+src=", page_de)
    assert not re.search(r"<link[^>]+href=", page_de)
    assert "cdn." not in page_de and "unpkg" not in page_de


def test_html_carries_a_csp_allowing_no_other_origin(page_de: str) -> None:
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page_de).group(1)
    assert "default-src 'none'" in csp
    assert "http" not in csp and "*" not in csp
    # every inline script is allowed by its hash, and only those
    scripts = re.findall(r"<script>(.*?)</script>", page_de, re.DOTALL)
    assert csp.count("'sha256-") == len(scripts) >= 2


def test_html_page_language_title_and_alt_text(story: Story, page_de: str) -> None:
    assert '<html lang="de">' in page_de
    assert "<title>Das Kalifat des IS bricht zusammen</title>" in page_de
    alt = alt_text(story, "de")
    assert "Mossul" in alt and "50.000\u2013100.000" in alt
    assert "Stand: 1. Juli 2017" in alt


def test_hostile_title_is_escaped_in_the_page(hostile_story_dir: Path) -> None:
    page = export_html(load_story(hostile_story_dir), "en")
    assert "<script>window.__pwned" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page  # <title>, description


def test_geojson_reads_back_to_the_same_features(story: Story, tmp_path: Path) -> None:
    path = tmp_path / "story.geojson"
    path.write_text(export_geojson(story, "en"), "utf-8")
    frame = gpd.read_file(path)
    assert list(frame["id"]) == [f.id for f in story.features]
    for feature in story.features:
        row = frame.loc[frame["id"] == feature.id].iloc[0]
        assert row.geometry.equals_exact(feature.geometry, 1e-9)
        assert row["name"] == feature.name.en
        assert row["source"] == "; ".join(citation(story, s, "en") for s in feature.sources)
    raw = json.loads(path.read_text("utf-8"))
    figures = {f["id"]: f for f in raw["lagekarte"]["figures"]}
    assert (figures["raqqa-civilians"]["low"], figures["raqqa-civilians"]["high"]) == (
        50000,
        100000,
    )


# --- embed code, images, CSV ---------------------------------------------------------


def test_embed_snippet_is_a_titled_lazy_sandboxed_iframe(story: Story) -> None:
    snippet = embed_snippet(story, "de")
    assert 'src="is-caliphate-2017-de.html"' in snippet
    assert 'title="Karte: Das Kalifat des IS bricht zusammen"' in snippet
    assert 'loading="lazy"' in snippet and 'sandbox="allow-scripts"' in snippet
    assert "width:100%" in snippet  # fills the column of the article


def test_embed_snippet_escapes_a_hostile_title(hostile_story_dir: Path) -> None:
    snippet = embed_snippet(load_story(hostile_story_dir), "en", src='x" onload="alert(1)')
    assert "<script>" not in snippet and 'onload="alert' not in snippet
    assert "&#34; onload=&#34;alert(1)" in snippet


def test_csv_has_one_row_per_record_with_its_source(story: Story) -> None:
    rows = list(csv.DictReader(io.StringIO(export(story, "csv", "en"))))
    assert [r["id"] for r in rows if r["record"] == "feature"] == [f.id for f in story.features]
    assert [r["id"] for r in rows if r["record"] == "figure"] == [f.id for f in story.figures]
    assert all(r["source"] for r in rows)
    civilians = next(r for r in rows if r["id"] == "raqqa-civilians")
    assert (civilians["low"], civilians["high"], civilians["feature"]) == (
        "50000",
        "100000",
        "raqqa",
    )
    mosul = next(r for r in rows if r["id"] == "mosul")
    assert (float(mosul["lat"]), float(mosul["lon"])) == (36.335, 43.1189)


def test_csv_cells_never_start_a_formula(story_copy) -> None:
    folder = story_copy(features=lambda fs: fs[0]["properties"].update(name_en="=HYPERLINK(1)"))
    rows = list(csv.DictReader(io.StringIO(export(load_story(folder), "csv", "en"))))
    assert rows[0]["name"] == "'=HYPERLINK(1)"
