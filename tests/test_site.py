"""The static site for readers (`python -m dashboard site`): its files, addresses, oEmbed,
index pages and manifest, made without images (the browser test makes them)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from dashboard.reader.story import load_stories, load_story
from dashboard.render.site import (
    INDEX_PAGES,
    MANIFEST,
    BaseUrlError,
    check_base_url,
    site_files,
)
from dashboard.ui.cli import main
from dashboard.ui.site_cli import run_site
from tests.conftest import HOSTILE
from tests.one_place import PLACES, one_place_story
from tests.test_draft_publish import add_story

BASE = "https://maps.example.org/lagekarte/"


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory) -> Path:
    """Two published stories far apart (a harbour town, a flood in Porto Alegre), one in
    German only (Goma), and a draft that must never reach the site."""
    stories = tmp_path_factory.mktemp("stories")
    add_story(stories, "harbour-siege", published="2020-05-04")
    add_story(stories, "secret-draft", "draft", title="Noch geheim")
    place = next(p for p in PLACES if p.slug == "porto-alegre")
    one_place_story(place, stories)
    goma = next(p for p in PLACES if p.slug == "goma")
    folder = stories / goma.slug
    one_place_story(goma, stories)
    toml = (folder / "story.toml").read_text("utf-8")
    (folder / "story.toml").write_text(
        toml.replace('language = "de"\n', 'language = "de"\nlanguages = ["de"]\n', 1), "utf-8"
    )
    return stories


@pytest.fixture(scope="module")
def files(newsroom: Path) -> dict[str, bytes]:
    return site_files(load_stories(newsroom).stories.values(), BASE.rstrip("/"), sizes=())


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://maps.example.org", "https://maps.example.org/"),
        ("https://cdn.example.com/news/maps/", "https://cdn.example.com/news/maps/"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000/"),
    ],
)
def test_a_base_url_gets_one_trailing_slash(raw: str, expected: str) -> None:
    assert check_base_url(raw) == expected


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("ftp://maps.example.org/", "not an http(s) address"),
        ("javascript:alert(1)", "not an http(s) address"),
        ("maps.example.org/lagekarte", "not an http(s) address"),
        ("https:///lagekarte", "names no host"),
        ("https://desk:secret@maps.example.org/", "user name"),
        ("https://maps.example.org/?v=1", "query or fragment"),
        ("https://maps.example.org/#top", "query or fragment"),
        ('https://maps.example.org/"onload="x', "holds"),
        ("https://maps.example.org/a b", "holds"),
        ("https://maps.example.org:99999/", "not an address"),
    ],
)
def test_a_base_url_the_embed_cannot_use_is_refused_saying_why(raw: str, says: str) -> None:
    with pytest.raises(BaseUrlError, match=re.escape(says)) as error:
        check_base_url(raw)
    assert repr(raw) in str(error.value)


def test_drafts_never_reach_the_site(files: dict[str, bytes]) -> None:
    assert not [path for path in files if "secret-draft" in path]
    assert not [path for path, content in files.items() if b"Noch geheim" in content]
    slugs = {path.split("/")[0] for path in files if "/" in path}
    assert slugs == {"harbour-siege", "porto-alegre", "goma"}


def test_each_story_and_language_has_map_embed_oembed_and_data(files: dict[str, bytes]) -> None:
    for slug, langs in (("harbour-siege", "de en"), ("porto-alegre", "de en"), ("goma", "de")):
        for lang in langs.split():
            for suffix in ("html", "embed.html", "oembed.json", "geojson", "csv"):
                assert f"{slug}/{slug}-{lang}.{suffix}" in files
    assert "goma/goma-en.html" not in files  # a story written in German only


def test_the_embed_code_and_oembed_point_under_the_base_url(files: dict[str, bytes]) -> None:
    embed = files["porto-alegre/porto-alegre-en.embed.html"].decode()
    assert re.findall(r'<iframe src="([^"]+)"', embed) == [
        BASE + "porto-alegre/porto-alegre-en.html"
    ]
    oembed = json.loads(files["porto-alegre/porto-alegre-en.oembed.json"])
    assert oembed["type"] == "rich" and oembed["version"] == "1.0"
    assert oembed["provider_name"] == "Lagekarte"
    assert oembed["html"] == embed.rstrip("\n")
    assert (oembed["width"], oembed["height"]) == (960, 720)
    assert oembed["title"] == "Situation in Porto Alegre"
    assert "thumbnail_url" not in oembed  # no images made: no thumbnail named


def test_each_map_page_names_its_oembed_file(files: dict[str, bytes]) -> None:
    page = files["harbour-siege/harbour-siege-de.html"].decode()
    links = re.findall(
        r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', page
    )
    assert links == [BASE + "harbour-siege/harbour-siege-de.oembed.json"]


def test_the_index_lists_published_stories_newest_first_in_both_languages(
    files: dict[str, bytes],
) -> None:
    german, english = (files[INDEX_PAGES[lang]].decode() for lang in ("de", "en"))
    assert '<html lang="de">' in german and "<h1>Karten</h1>" in german
    assert '<html lang="en">' in english and "<h1>Maps</h1>" in english
    assert 'href="index.en.html"' in german and 'href="index.html"' in english
    # 2026 (Porto Alegre, Goma by name) before 2020 (the harbour town)
    order = re.findall(r'data-story="([^"]+)"', german)
    assert order == ["goma", "porto-alegre", "harbour-siege"]
    assert "Erschienen am 2. Januar 2026" in german and "Published 2 January 2026" in english
    assert "Situation in Porto Alegre" in english and "Lage in Porto Alegre" in german


def test_the_english_index_links_a_german_only_story_in_german_and_says_so(
    files: dict[str, bytes],
) -> None:
    english = files["index.en.html"].decode()
    entry = english.split('data-story="goma"', 1)[1].split("</li>\n")[0]
    assert "goma/goma-de.html" in entry and "goma-en" not in entry
    assert "in German only" in entry and 'lang="de"' in english.split('data-story="goma"')[1]


def test_the_manifest_lists_every_other_file_with_its_hash(files: dict[str, bytes]) -> None:
    manifest = json.loads(files[MANIFEST])
    assert manifest["base_url"] == BASE and manifest["generator"] == "Lagekarte"
    listed = manifest["files"]
    assert set(listed) == set(files) - {MANIFEST}
    for path, record in listed.items():
        assert record == {
            "bytes": len(files[path]),
            "sha256": hashlib.sha256(files[path]).hexdigest(),
        }
    goma = next(s for s in manifest["stories"] if s["slug"] == "goma")
    assert set(goma["languages"]) == {"de"}
    assert goma["languages"]["de"]["map"] == "goma/goma-de.html"


def test_the_same_stories_give_the_same_bytes(newsroom: Path, files: dict[str, bytes]) -> None:
    # loaded again, in the other order: nothing depends on the order stories are found in
    stories = list(load_stories(newsroom).stories.values())[::-1]
    assert site_files(stories, BASE, sizes=()) == files


def test_story_text_in_the_index_is_text(hostile_story_dir: Path) -> None:
    made = site_files([load_story(hostile_story_dir)], BASE, sizes=())
    for name in INDEX_PAGES.values():
        page = made[name].decode()
        assert "<script>window.__pwned" not in page
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    oembed = json.loads(made["hostile-story/hostile-story-de.oembed.json"])
    assert HOSTILE in oembed["title"]  # JSON carries it as text; the CMS escapes it


def test_an_unknown_size_is_refused(newsroom: Path) -> None:
    with pytest.raises(ValueError, match="unknown size 'poster'"):
        site_files(load_stories(newsroom).stories.values(), BASE, sizes=("poster",))


def test_the_command_refuses_a_bad_base_url_with_one_line(tmp_path: Path, capsys) -> None:
    assert main(["site", str(tmp_path / "out"), "--base-url", "ftp://example.org/"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: --base-url: 'ftp://example.org/' is not an http(s) address")
    assert not (tmp_path / "out").exists()


def test_the_command_writes_a_site_and_replaces_only_an_earlier_site(
    newsroom: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "site"
    assert run_site(str(out), BASE, str(newsroom), ()) == 0
    written = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}
    assert written == set(site_files(load_stories(newsroom).stories.values(), BASE, sizes=()))
    (out / "stale.html").write_text("from an older run", "utf-8")
    assert run_site(str(out), BASE, str(newsroom), ()) == 0
    assert not (out / "stale.html").exists()  # the new site replaced the old one whole
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no work left over
    other = tmp_path / "someone-elses"
    other.mkdir()
    (other / "keep.txt").write_text("mine", "utf-8")
    assert run_site(str(other), BASE, str(newsroom), ()) == 2
    assert "no manifest.json of a site" in capsys.readouterr().err
    assert [p.name for p in other.iterdir()] == ["keep.txt"]


def test_a_broken_published_story_stops_the_site(tmp_path: Path, capsys) -> None:
    stories = tmp_path / "stories"
    add_story(stories, "good-story")
    add_story(stories, "bad-story", broken=True)
    add_story(stories, "bad-draft", "draft", broken=True)  # a broken draft is no reader's
    assert run_site(str(tmp_path / "out"), BASE, str(stories), ()) == 1
    captured = capsys.readouterr()
    assert "bad-story" in captured.out and "as_of" in captured.out
    assert "bad-draft" not in captured.out
    assert not (tmp_path / "out").exists()
