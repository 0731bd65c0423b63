"""Drafting in a worker process with a time limit, for the editor page.

Drafting is pure Python (regular expressions, the gazetteer) and holds the interpreter's
lock while it runs; in the server's own process it would keep the server from answering
anyone, readers included. Each draft runs in a process of its own
(`python -m dashboard.draft.worker`: the article as JSON on its input, the draft as JSON
on its output), killed when its time limit has passed. A fresh process, not
`multiprocessing`: that would start the page's own script again in the worker, because
Streamlit runs the page as the `__main__` module.
"""

from __future__ import annotations

import json
import subprocess
import sys

from dashboard.draft.article import ArticleError, article_from_html, article_from_text
from dashboard.draft.engine import draft_article
from dashboard.draft.model import Draft

DRAFT_TIME_LIMIT_SECONDS = 30.0
WORKER_COMMAND = (sys.executable, "-m", "dashboard.draft.worker")


class DraftTimeoutError(Exception):
    """The draft took longer than its time limit and was stopped."""


def draft_text(content: str, is_html: bool) -> Draft:
    """The draft of an article given as text or HTML (what the worker runs)."""
    article = article_from_html(content) if is_html else article_from_text(content)
    return draft_article(article)


def draft_in_worker(
    content: str,
    is_html: bool,
    time_limit: float = DRAFT_TIME_LIMIT_SECONDS,
    command: tuple[str, ...] = WORKER_COMMAND,
) -> Draft:
    """The draft, made by `command` in a process of its own. Raises ArticleError for text
    that is not an article, DraftTimeoutError when the time limit passed (the process is
    killed)."""
    request = json.dumps({"content": content, "html": is_html}, ensure_ascii=False)
    with subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        encoding="utf-8",
    ) as worker:
        try:
            output, _ = worker.communicate(request, timeout=time_limit)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.communicate()
            raise DraftTimeoutError(f"no draft after {time_limit:g} s") from None
    try:
        answer = json.loads(output.strip().splitlines()[-1]) if output.strip() else {}
    except json.JSONDecodeError:
        answer = {}
    if "draft" in answer:
        return Draft.from_dict(answer["draft"])
    raise ArticleError(answer.get("article_error") or "the draft stopped without a result")


def main() -> int:
    """The worker: one request on standard input, one line of JSON on standard output."""
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    try:
        draft = draft_text(request["content"], bool(request["html"]))
        answer: dict = {"draft": draft.to_dict()}
    except ArticleError as error:
        answer = {"article_error": str(error)}
    sys.stdout.write("\n" + json.dumps(answer) + "\n")  # ASCII: any locale reads it
    return 0


if __name__ == "__main__":
    sys.exit(main())
