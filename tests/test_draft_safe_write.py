"""Writing a drafted story never destroys: `--force` replaces only a story folder, writes
are atomic, two writers of one name give one story and one clear refusal, and input is
limited by what is read."""

from __future__ import annotations

import copy
import multiprocessing
import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from dashboard.draft import article_from_text, draft_article, safe_write, write_story, writer
from dashboard.draft.article import MAX_ARTICLE_BYTES, ArticleError, read_article_file
from dashboard.draft.safe_write import DraftWriteError, is_story_folder
from dashboard.reader.story import load_story
from dashboard.ui.cli import main
from tests.conftest import REPO

SEED = REPO / "tests" / "data" / "articles" / "kalifat-2017-scraped.txt"
# Far from the first story: a flood in another continent, its own places and figures.
FLOOD = """Hochwasser in Porto Alegre

Porto Alegre, 6. Mai 2024 (dpa) - Nach schweren Regenfällen stehen weite Teile von Porto
Alegre unter Wasser. In Canoas wurden 150 Menschen aus ihren Häusern gerettet.

Der Guaíba erreichte am 5. Mai 2024 einen Rekordstand.
"""


@pytest.fixture(scope="module")
def draft():
    return draft_article(article_from_text(FLOOD))


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its content: what must survive a refused write."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_force_refuses_a_folder_that_is_not_a_story(tmp_path, draft) -> None:
    thesis = tmp_path / "thesis"
    (thesis / "sub").mkdir(parents=True)
    (thesis / "thesis.txt").write_text("three years of work", "utf-8")
    (thesis / "sub" / "data.csv").write_text("a,b\n1,2\n", "utf-8")
    before = tree(tmp_path)
    with pytest.raises(DraftWriteError) as refused:
        write_story(draft, thesis, force=True)
    assert refused.value.reason == "not_a_story"
    assert tree(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis"]  # no work folder left


def test_force_refuses_a_story_folder_with_anything_else_in_it(tmp_path, draft) -> None:
    story = write_story(draft, tmp_path / "flut")
    (story / "notes.md").write_text("mine", "utf-8")
    before = tree(tmp_path)
    with pytest.raises(DraftWriteError):
        write_story(draft, story, force=True)
    assert tree(tmp_path) == before


def test_force_refuses_a_plain_file_and_a_link(tmp_path, draft) -> None:
    plain = tmp_path / "flut"
    plain.write_text("not a story", "utf-8")
    other = write_story(draft, tmp_path / "other")
    link = tmp_path / "link"
    link.symlink_to(other, target_is_directory=True)
    for target in (plain, link):
        with pytest.raises(DraftWriteError) as refused:
            write_story(draft, target, force=True)
        assert refused.value.reason == "not_a_story"
    assert plain.read_text("utf-8") == "not a story" and link.is_symlink()
    assert is_story_folder(other)


def test_force_replaces_a_story_folder_and_leaves_nothing_else(tmp_path, draft) -> None:
    story = write_story(draft, tmp_path / "flut")
    (story / "story.toml").write_text((story / "story.toml").read_text("utf-8") + "\n", "utf-8")
    write_story(draft, story, force=True)
    assert load_story(story).title["de"] == "Hochwasser in Porto Alegre"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["flut"]
    assert not (story / "story.toml").read_text("utf-8").endswith("\n\n")  # the new one


def test_without_force_an_existing_name_is_refused(tmp_path, draft) -> None:
    (tmp_path / "flut").mkdir()
    with pytest.raises(DraftWriteError) as refused:
        write_story(draft, tmp_path / "flut")
    assert refused.value.reason == "exists"
    assert list((tmp_path / "flut").iterdir()) == []


def test_a_folder_made_while_the_draft_validates_is_kept(tmp_path, draft, monkeypatch) -> None:
    """A colleague's folder appears between the check and the rename: it stays, and
    this writer is told."""
    target = tmp_path / "flut"
    validate = writer.validate_story

    def colleague_saves_meanwhile(folder):
        target.mkdir()
        (target / "mine.txt").write_text("colleague", "utf-8")
        return validate(folder)

    monkeypatch.setattr(writer, "validate_story", colleague_saves_meanwhile)
    with pytest.raises(DraftWriteError) as refused:
        write_story(draft, target)
    assert refused.value.reason == "exists"
    assert tree(tmp_path) == {"flut/mine.txt": b"colleague"}


def test_a_story_replaced_meanwhile_by_something_else_is_put_back(
    tmp_path, draft, monkeypatch
) -> None:
    target = write_story(draft, tmp_path / "flut")
    validate = writer.validate_story

    def swapped_meanwhile(folder):
        os.rename(target, tmp_path / "moved")
        target.mkdir()
        (target / "thesis.txt").write_text("work", "utf-8")
        return validate(folder)

    monkeypatch.setattr(writer, "validate_story", swapped_meanwhile)
    with pytest.raises(DraftWriteError) as refused:
        write_story(draft, target, force=True)
    assert refused.value.reason == "not_a_story"
    assert (target / "thesis.txt").read_text("utf-8") == "work"


@pytest.mark.parametrize("renameat2", [True, False], ids=["renameat2", "os.rename"])
def test_both_ways_of_renaming_keep_the_rules(tmp_path, draft, monkeypatch, renameat2) -> None:
    if not renameat2:
        monkeypatch.setattr(safe_write, "_renameat2", lambda *args: False)
    story = write_story(draft, tmp_path / "flut")
    write_story(draft, story, force=True)
    assert is_story_folder(story)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x", "utf-8")
    with pytest.raises(FileExistsError):
        safe_write.rename_new(story, tmp_path / "full")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["flut", "full"]


def test_a_save_under_way_is_not_disturbed(tmp_path, draft) -> None:
    target = tmp_path / "flut"
    with safe_write.claim(target) as work:
        (work / "half-written").write_text("…", "utf-8")
        with pytest.raises(DraftWriteError) as refused:
            write_story(draft, target)
        assert refused.value.reason == "busy"
        assert (work / "half-written").exists()
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_a_claim_left_by_a_dead_writer_expires(tmp_path, draft) -> None:
    work = tmp_path / ".flut.saving"
    work.mkdir()
    old = time.time() - safe_write.STALE_CLAIM_SECONDS - 60
    os.utime(work, (old, old))
    assert write_story(draft, tmp_path / "flut") == tmp_path / "flut"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["flut"]


def _write_after_barrier(draft, target: str, barrier, results) -> None:
    barrier.wait()
    try:
        write_story(draft, target)
        results.put("written")
    except DraftWriteError as error:
        results.put(error.reason)


def test_two_processes_saving_one_name_at_once(tmp_path, draft) -> None:
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    target = str(tmp_path / "flut")
    workers = [
        context.Process(target=_write_after_barrier, args=(draft, target, barrier, results))
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    outcomes = sorted(results.get(timeout=120) for _ in workers)
    for worker in workers:
        worker.join(timeout=30)
    assert outcomes[1] == "written" and outcomes[0] in ("busy", "exists")
    assert load_story(tmp_path / "flut").slug == "flut"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["flut"]


def test_two_draft_commands_into_one_folder_at_once(tmp_path) -> None:
    """Two `draft` processes started together: exactly one writes, the other says why."""
    article = tmp_path / "flood.txt"
    article.write_text(FLOOD, "utf-8")
    out = tmp_path / "stories" / "flut"
    command = [sys.executable, "-m", "dashboard", "draft", str(article), "--out", str(out)]
    runs = [
        subprocess.Popen(
            command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = [(run.wait(timeout=120), run.stderr.read()) for run in runs]
    assert sorted(code for code, _ in results) == [0, 1], results
    refusal = next(err for code, err in results if code == 1)
    assert "exists" in refusal or "under way" in refusal
    assert sorted(p.name for p in out.parent.iterdir()) == ["flut"]


def test_draft_of_an_endless_device_is_refused_quickly(tmp_path, capsys) -> None:
    started = time.monotonic()
    assert main(["draft", "/dev/zero", "--out", str(tmp_path / "zero")]) == 1
    assert time.monotonic() - started < 3
    assert f"more than {MAX_ARTICLE_BYTES:,} bytes" in capsys.readouterr().err
    assert not (tmp_path / "zero").exists()


def test_a_file_one_byte_over_the_limit_is_refused(tmp_path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_ARTICLE_BYTES + 1))
    with pytest.raises(ArticleError):
        read_article_file(big)
    ok = tmp_path / "ok.txt"
    ok.write_text(FLOOD, "utf-8")
    assert read_article_file(ok).headline == "Hochwasser in Porto Alegre"


def test_force_from_the_command_line_deletes_nothing_that_is_not_a_story(tmp_path, capsys):
    thesis = tmp_path / "thesis"
    thesis.mkdir()
    (thesis / "thesis.txt").write_text("work", "utf-8")
    plain = tmp_path / "notes"
    plain.write_text("notes", "utf-8")
    for target in (thesis, plain):
        assert main(["draft", str(SEED), "--out", str(target), "--force"]) == 1
        assert "not a story folder" in capsys.readouterr().err
    assert tree(tmp_path) == {"notes": b"notes", "thesis/thesis.txt": b"work"}


def test_a_draft_that_does_not_validate_is_kept_as_a_draft(tmp_path, draft) -> None:
    """Never removed: written (readers do not see a draft), its problems named with the
    folder's own files."""
    broken = copy.deepcopy(draft)
    broken.dates[0].keep, broken.dates[0].date = True, "2023-13-01"  # no 13th month
    with pytest.raises(DraftWriteError) as refused:
        write_story(broken, tmp_path / "flut")
    assert refused.value.reason == "invalid" and refused.value.folder == tmp_path / "flut"
    assert refused.value.problems
    assert all(str(tmp_path / "flut") in p.file for p in refused.value.problems)
    assert is_story_folder(tmp_path / "flut")
    assert tomllib.loads((tmp_path / "flut" / "story.toml").read_text("utf-8"))["status"] == "draft"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["flut"]


def test_a_draft_is_written_as_a_draft(tmp_path, draft) -> None:
    story = load_story(write_story(draft, tmp_path / "flut"))
    assert story.is_draft


def test_the_draft_command_writes_a_draft_that_publish_makes_public(tmp_path, capsys) -> None:
    article = tmp_path / "flood.txt"
    article.write_text(FLOOD, "utf-8")
    newsroom = tmp_path / "newsroom"
    assert main(["draft", str(article), "--out", str(newsroom / "flut")]) == 0
    assert "written as a draft" in capsys.readouterr().out
    assert load_story(newsroom / "flut").is_draft
    assert main(["publish", "flut", "--stories", str(newsroom)]) == 0
    assert not load_story(newsroom / "flut").is_draft
