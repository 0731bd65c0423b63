"""Review before publishing: a story's `status`, the readers' listing without drafts, and
`publish_story`, which validates a draft and marks it published in place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.draft.publish import STATUS_LINE, publish_story, published_text
from dashboard.reader.story import (
    STORY_FILE,
    StoryError,
    load_stories,
    load_story,
)
from tests.conftest import TINY_STORY


def add_story(
    stories: Path,
    slug: str,
    status: str | None = None,
    *,
    broken: bool = False,
    title: str | None = None,
    published: str | None = None,
) -> Path:
    """The tiny story as `stories/slug`, with `status = "…"` after its format line, and
    its own German and English title and date of publication if given."""
    folder = stories / slug
    shutil.copytree(TINY_STORY, folder)
    path = folder / STORY_FILE
    content = path.read_text("utf-8")
    if title is not None:
        content = content.replace(
            '"Hafenstadt unter Druck", en = "Harbourtown under pressure"',
            f'"{title}", en = "{title} (en)"',
            1,
        )
    if published is not None:
        content = content.replace("published = 2020-05-04", f"published = {published}", 1)
    if status is not None:
        content = content.replace("format = 1\n", f'format = 1\nstatus = "{status}"\n', 1)
    if broken:
        content = content.replace("as_of = 2020-05-03", 'as_of = "yesterday"', 1)
    path.write_text(content, "utf-8")
    return folder


def test_a_story_without_status_is_published(tmp_path) -> None:
    story = load_story(add_story(tmp_path, "old-story"))
    assert story.status == "published" and not story.is_draft


def test_a_draft_says_so(tmp_path) -> None:
    story = load_story(add_story(tmp_path, "new-draft", "draft"))
    assert story.status == "draft" and story.is_draft


@pytest.mark.parametrize("raw", ['"Draft"', '"review"', "1", "true", '""'])
def test_an_unknown_status_is_reported_with_file_and_field(tmp_path, raw: str) -> None:
    folder = add_story(tmp_path, "odd-story")
    path = folder / STORY_FILE
    content = path.read_text("utf-8")
    path.write_text(content.replace("format = 1\n", f"format = 1\nstatus = {raw}\n"), "utf-8")
    with pytest.raises(StoryError) as error:
        load_story(folder)
    (problem,) = error.value.problems
    assert problem.file == str(path) and problem.field == "status"
    assert "'draft' or 'published'" in problem.message


def test_readers_see_no_draft_loaded_or_broken(tmp_path) -> None:
    add_story(tmp_path, "published-one")
    add_story(tmp_path, "published-two", "published")
    add_story(tmp_path, "a-draft", "draft")
    add_story(tmp_path, "broken-draft", "draft", broken=True)
    add_story(tmp_path, "broken-published", broken=True)
    listing = load_stories(tmp_path)
    assert set(listing.stories) == {"published-one", "published-two", "a-draft"}
    assert set(listing.broken) == {"broken-draft", "broken-published"}
    readers = listing.published_only()
    assert set(readers.stories) == {"published-one", "published-two"}
    assert set(readers.broken) == {"broken-published"}
    with pytest.raises(StoryError) as error:
        load_story(tmp_path / "broken-draft")
    assert error.value.status == "draft"


def test_publishing_a_draft_changes_only_its_status_line(tmp_path) -> None:
    folder = add_story(tmp_path, "a-draft", "draft")
    before = (folder / STORY_FILE).read_text("utf-8")
    assert publish_story(tmp_path, "a-draft") == []
    after = (folder / STORY_FILE).read_text("utf-8")
    changed = [
        (a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert changed == [('status = "draft"', STATUS_LINE)]
    assert not load_story(folder).is_draft
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in TINY_STORY.iterdir())


def test_publishing_a_story_without_status_line_adds_one_after_its_comments() -> None:
    comments = "# A story.\n\n"
    body = 'format = 1\nbounds = [\n  [1.0, 2.0],\n]\n[source]\nstatus = "x"\n'
    assert published_text(comments + body) == f"{comments}{STATUS_LINE}\n{body}"


def test_a_story_that_does_not_validate_is_not_published(tmp_path) -> None:
    folder = add_story(tmp_path, "bad-draft", "draft", broken=True)
    before = (folder / STORY_FILE).read_bytes()
    problems = publish_story(tmp_path, "bad-draft")
    assert problems and all(p.file == str(folder / STORY_FILE) for p in problems)
    assert any(p.field == "as_of" for p in problems)
    assert (folder / STORY_FILE).read_bytes() == before


def test_publishing_a_published_story_changes_nothing(tmp_path) -> None:
    folder = add_story(tmp_path, "done", "published")
    before = (folder / STORY_FILE).stat()
    assert publish_story(tmp_path, "done") == []
    after = (folder / STORY_FILE).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


@pytest.mark.parametrize("slug", ["missing", "../outside", "/etc", "a/b", "A-Draft", "", "."])
def test_only_a_story_of_the_folder_is_published(tmp_path, slug: str) -> None:
    stories = tmp_path / "stories"
    stories.mkdir()
    add_story(tmp_path, "outside", "draft")
    problems = publish_story(stories, slug)
    assert len(problems) == 1 and problems[0].where == "story"
    assert load_story(tmp_path / "outside").is_draft


def test_a_linked_story_is_not_published(tmp_path) -> None:
    stories = tmp_path / "stories"
    stories.mkdir()
    elsewhere = add_story(tmp_path, "elsewhere", "draft")
    (stories / "linked").symlink_to(elsewhere)
    assert publish_story(stories, "linked")
    assert load_story(elsewhere).is_draft
