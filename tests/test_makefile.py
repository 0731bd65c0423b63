"""The quickstart's two commands, as `make -n` prints them: everything runs in the
project's own .venv (Debian's python3 refuses installs outside one), and `make test`
lints only the project's folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def planned(target: str, tmp_path: Path) -> list[str]:
    """The commands `make target` would run in a fresh checkout (no .venv yet)."""
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(REPO / name, tmp_path / name)
    # Under `make test` the parent's MAKELEVEL/MAKEFLAGS would make this make print
    # "Entering directory" lines: start it as a top-level make.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}
    result = subprocess.run(
        ["make", "--no-print-directory", "-n", target, "PYTHON=/usr/bin/python3"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    return result.stdout.splitlines()


@pytest.mark.parametrize("target", ["dashboard", "test"])
def test_the_quickstart_makes_and_uses_a_project_venv(target: str, tmp_path: Path) -> None:
    commands = planned(target, tmp_path)
    assert commands[0] == "/usr/bin/python3 -m venv .venv"
    python_calls = [c for c in commands if " -m " in c and not c.startswith("/usr/bin/python3")]
    assert python_calls and all(c.startswith(".venv/bin/python -m ") for c in python_calls)
    assert not any("pip install" in c and not c.startswith(".venv/") for c in commands)


def test_the_dashboard_is_served_by_the_package(tmp_path: Path) -> None:
    assert planned("dashboard", tmp_path)[-1] == ".venv/bin/python -m dashboard serve --port 8501"


def test_make_test_lints_the_project_folders_only(tmp_path: Path) -> None:
    lint = next(c for c in planned("test", tmp_path) if "ruff check" in c)
    folders = lint.split("ruff check", 1)[1].split()
    assert folders and "." not in folders and ".venv" not in folders
    assert all((REPO / folder).is_dir() for folder in folders)


def test_make_test_runs_the_tests_in_parallel(tmp_path: Path) -> None:
    """One process per core; tests sharing a module's servers or inputs stay together
    (tests/conftest.py)."""
    pytest_call = next(c for c in planned("test", tmp_path) if " -m pytest" in c)
    assert pytest_call.split(" -m pytest", 1)[1].split() == ["-n", "auto", "--dist", "loadgroup"]


GROUPED_TESTS = """
import os
from pathlib import Path

import pytest


@pytest.mark.xdist_group("one")
@pytest.mark.parametrize("n", range(8))
def test_records_its_process(n):
    Path(f"ran-{n}").write_text(os.environ["PYTEST_XDIST_WORKER"])
"""


def test_a_group_of_tests_runs_in_one_process(tmp_path: Path) -> None:
    """`--dist loadgroup` as `make test` runs it: the tests of a group all go to one
    process. (With pytest 9.2 and pytest-xdist 3.8 the groups were silently lost, and every
    process started the browser modules' servers and made the shared inputs again.)"""
    (tmp_path / "test_grouped.py").write_text(GROUPED_TESTS, "utf-8")
    options = ["-n", "2", "--dist", "loadgroup", "-q", "-p", "no:cacheprovider"]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", *options, "--rootdir", str(tmp_path), "test_grouped.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-2000:]
    processes = {path.read_text("utf-8") for path in tmp_path.glob("ran-*")}
    assert len(list(tmp_path.glob("ran-*"))) == 8 and len(processes) == 1, processes
