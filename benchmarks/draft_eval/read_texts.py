"""Read the evaluation articles into a folder outside the repository, and check them.

The repository keeps only where each article is (benchmarks/draft_eval/articles/*.toml,
table `[source]`) and the checksum of the text the expected lists were written for. The
texts themselves stay out of it (copyright). This script rebuilds them:

    python benchmarks/draft_eval/read_texts.py --out /work/eval-texts \
        --checkout flairNLP/fundus=/path/to/fundus        # a clone (bare or not)

An article kept in a public git repository is read with `git show COMMIT:PATH` from the
local clone named by `--checkout OWNER/NAME=PATH`; nothing is fetched from the network.
An article that is a web page (`source.url` without `source.repo`) is saved by hand as
`<out>/<id>.<lang>.txt`: see benchmarks/draft_eval/README.md for what to keep. Either way
the text is checked against `source.sha256`; `--check` only checks what is in the folder.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

ARTICLES_DIR = Path(__file__).resolve().parent / "articles"


class SourceError(Exception):
    """An article's text could not be rebuilt from its recorded source."""


def load_articles(folder: Path = ARTICLES_DIR) -> list[dict[str, Any]]:
    """Every article record, sorted by file name; each knows its own file name."""
    articles = []
    for path in sorted(folder.glob("*.toml")):
        try:
            record = tomllib.loads(path.read_text("utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise SourceError(f"{path.name}: not valid TOML: {error}") from error
        for key in ("id", "language", "source"):
            if key not in record:
                raise SourceError(f"{path.name}: field {key!r} is missing")
        record["file"] = path.name
        articles.append(record)
    return articles


def text_name(article: dict[str, Any]) -> str:
    """`<id>.<lang>.txt`, or `.html` when the recorded text is a whole page."""
    suffix = "html" if article["source"].get("format") == "html" else "txt"
    return f"{article['id']}.{article['language']}.{suffix}"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fundus_text(record: dict[str, Any]) -> str:
    """A fundus test record as a reader copies it: title, summary, then each section's
    headline and paragraphs, one block each, separated by a blank line."""
    body = record.get("body") or {}
    blocks = [record.get("title") or "", *body.get("summary", [])]
    for section in body.get("sections", []):
        blocks += [*section.get("headline", []), *section.get("paragraphs", [])]
    return "\n\n".join(b.strip() for b in blocks if b and b.strip()) + "\n"


def git_file(checkout: Path, commit: str, path: str) -> bytes:
    result = subprocess.run(
        ["git", "-C", str(checkout), "show", f"{commit}:{path}"],
        capture_output=True,
        check=False,
        timeout=60,
    )
    if result.returncode != 0:
        raise SourceError(f"git show {commit[:12]}:{path}: {result.stderr.decode().strip()}")
    return result.stdout


def text_from_repo(source: dict[str, Any], checkout: Path) -> str:
    raw = git_file(checkout, source["commit"], source["path"])
    method = source.get("extract", "whole")
    if method == "fundus-json":
        record = json.loads(raw.decode("utf-8")).get(source["record"])
        if record is None:
            raise SourceError(f"{source['path']}: no record {source['record']!r}")
        return fundus_text(record)
    if method == "whole":
        return raw.decode("utf-8")
    if method == "gunzip":
        return gzip.decompress(raw).decode("utf-8")
    raise SourceError(f"unknown extract method {method!r}")


def parse_checkouts(values: list[str]) -> dict[str, Path]:
    checkouts = {}
    for value in values:
        repo, sep, path = value.partition("=")
        if not sep:
            raise SystemExit(f"--checkout {value!r}: expected OWNER/NAME=PATH")
        checkouts[repo] = Path(path)
    return checkouts


def check(article: dict[str, Any], data: bytes) -> str | None:
    """None when the file holds the text the expected lists were written for (its bytes:
    a line-ending change is a different text)."""
    want = article["source"].get("sha256")
    got = sha256(data)
    if want and want != got:
        return f"{text_name(article)}: checksum {got[:12]}, expected {want[:12]}"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder outside the repository")
    parser.add_argument("--checkout", action="append", default=[], help="OWNER/NAME=PATH")
    parser.add_argument("--check", action="store_true", help="only check the folder")
    args = parser.parse_args(argv)
    checkouts = parse_checkouts(args.checkout)
    args.out.mkdir(parents=True, exist_ok=True)
    problems, missing = [], []
    for article in load_articles():
        target = args.out / text_name(article)
        source = article["source"]
        repo = source.get("repo")
        if not args.check and repo and repo in checkouts:
            try:
                target.write_bytes(text_from_repo(source, checkouts[repo]).encode("utf-8"))
            except (SourceError, OSError, ValueError) as error:
                problems.append(f"{article['file']}: {error}")
                continue
        if not target.exists():
            missing.append(f"{target.name}: {repo or source.get('url')}")
            continue
        problem = check(article, target.read_bytes())
        if problem:
            problems.append(problem)
    for line in missing:
        print(f"missing: {line}")
    for line in problems:
        print(f"problem: {line}")
    print(f"{len(load_articles()) - len(missing) - len(problems)} texts ready in {args.out}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
