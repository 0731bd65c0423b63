"""Run the real `python -m dashboard draft` on one text, as a user would, and validate what
it wrote with `python -m dashboard validate`; both as whole processes, in a temporary folder.

A draft that fails (no folder, a crash, a timeout, a folder that does not validate) is a
result, never an exception: the scorer counts it and goes on.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
TIMEOUT_S = 120.0
DRAFT_FILE = "draft.json"


@dataclass
class DraftRun:
    draft: dict[str, Any] | None = None  # draft.json, when the command left one
    written: bool = False  # the command succeeded and wrote a story folder
    validates: bool = False  # `validate` accepts the folder
    seconds: float = 0.0  # wall time of the whole `draft` process
    problems: list[str] = field(default_factory=list)


def _run(args: list[str], hash_seed: int | None = None) -> tuple[int, str, float]:
    env = dict(os.environ)
    if hash_seed is not None:
        env["PYTHONHASHSEED"] = str(hash_seed)
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "dashboard", *args],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return -1, f"timed out after {TIMEOUT_S:.0f} s", time.perf_counter() - start
    return done.returncode, (done.stderr or done.stdout), time.perf_counter() - start


def _last_lines(text: str, count: int = 3) -> str:
    return " / ".join(line.strip() for line in text.strip().splitlines()[-count:])


def run_draft(text_path: Path, workdir: Path, published: str | None = None) -> DraftRun:
    """Draft `text_path` into `workdir/<name>`, validate it and read its draft.json; with
    `published` (YYYY-MM-DD), as `draft --date published`, into its own folder."""
    out = workdir / (text_path.name.replace(".", "-") + ("-dated" if published else ""))
    run = DraftRun()
    args = ["draft", str(text_path), "--out", str(out)]
    code, output, run.seconds = _run([*args, "--date", published] if published else args)
    if code != 0:
        run.problems.append(f"draft exited {code}: {_last_lines(output)}")
    draft_file = out / DRAFT_FILE
    if draft_file.is_file():
        try:
            run.draft = json.loads(draft_file.read_text("utf-8"))
        except (OSError, ValueError) as error:
            run.problems.append(f"{DRAFT_FILE} unreadable: {error}")
    run.written = code == 0 and (out / "story.toml").is_file()
    if (out / "story.toml").is_file():
        code, output, _ = _run(["validate", str(out)])
        run.validates = code == 0
        if code != 0:
            run.problems.append(f"validate exited {code}: {_last_lines(output)}")
    return run


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def differs_under_seeds(text_path: Path, workdir: Path, seeds: tuple[int, ...] = (1, 2, 3)) -> str:
    """Empty when `draft` writes byte-identical files under every PYTHONHASHSEED in
    `seeds`; else what differs (a failed run counts as differing)."""
    outputs = []
    for seed in seeds:
        out = workdir / f"{text_path.name.replace('.', '-')}-seed-{seed}"
        code, output, _ = _run(["draft", str(text_path), "--out", str(out)], hash_seed=seed)
        if code != 0:
            return f"PYTHONHASHSEED={seed}: draft exited {code}: {_last_lines(output, 1)}"
        outputs.append(_files(out))
    first = outputs[0]
    for seed, files in zip(seeds[1:], outputs[1:], strict=True):
        if files.keys() != first.keys():
            return f"PYTHONHASHSEED={seed}: other files ({sorted(files.keys() ^ first.keys())})"
        changed = [name for name in first if files[name] != first[name]]
        if changed:
            return (
                f"PYTHONHASHSEED={seed}: {', '.join(changed)} differ from PYTHONHASHSEED={seeds[0]}"
            )
    return ""
