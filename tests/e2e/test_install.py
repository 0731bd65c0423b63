"""The package as a reader installs it: `pip install .` (not editable) into a fresh
virtual environment whose site-packages is then read-only, used from a folder that is
not the checkout. The bundled story validates and exports by name, with `python -m
dashboard` and with the installed `lagekarte` command, and `serve` answers and draws the
map, so nothing is read from the checkout or written into the package. Only the last
needs a browser.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.servers import served

STORY = "is-caliphate-2017"


@dataclass(frozen=True)
class Installed:
    python: Path
    site_packages: Path
    home: Path  # an empty folder to run from

    def command(self, *args: str, program: Path | None = None) -> list[str]:
        """`python args...` (or `program args...`) in the installed environment, its
        site-packages read-only."""
        call = [str(program or self.python), *args]
        if os.geteuid() != 0:  # the files are read-only already (chmod)
            return call
        # root writes through file modes: mount site-packages read-only for this command
        mount = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && exec "$@"'
        return ["unshare", "--mount", "sh", "-c", mount, str(self.site_packages), *call]

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return self.run_command(self.command(*args), timeout)

    def run_script(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """The installed `lagekarte` command (its own script, not `python -m`)."""
        return self.run_command(
            self.command(*args, program=self.python.with_name("lagekarte")), timeout
        )

    def run_command(self, call: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            call,
            cwd=self.home,
            env=clean_env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )


def clean_env() -> dict[str, str]:
    """The environment without anything that would lead Python back to the checkout."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "LAGEKARTE"))}


def tracked_files_copy(target: Path) -> Path:
    """The checkout's files (tracked, or new and not ignored), copied: what a clone has,
    without build output or a virtual environment."""
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO,
            capture_output=True,
            check=True,
        )
        .stdout.decode("utf-8")
        .split("\0")
    )
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    tmp = tmp_path_factory.mktemp("install")
    source = tracked_files_copy(tmp / "source")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(tmp / "wheel"),
            str(source),
        ],
        check=True,
        timeout=300,
    )
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site_packages = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # The dependencies come from the environment running the tests (as with
    # --system-site-packages), as plain folders: their .pth files, among them an editable
    # install of the checkout, are not run.
    dependencies = [sysconfig.get_path("purelib"), sysconfig.get_path("platlib")]
    dependencies += [p for p in sys.path if p.endswith(("site-packages", "dist-packages"))]
    (site_packages / "lagekarte-test-dependencies.pth").write_text(
        "\n".join(dict.fromkeys(dependencies)) + "\n", "utf-8"
    )
    wheel = next((tmp / "wheel").glob("lagekarte-*.whl"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    if os.geteuid() != 0:
        subprocess.run(["chmod", "-R", "a-w", str(site_packages)], check=True)
    home = tmp / "home"
    home.mkdir()
    yield Installed(python, site_packages, home)
    subprocess.run(["chmod", "-R", "u+w", str(tmp)], check=False)


def test_the_package_is_the_installed_one_and_read_only(installed: Installed) -> None:
    result = installed.run(
        "-c",
        "import dashboard, pathlib; print(dashboard.__file__);"
        "pathlib.Path(dashboard.__file__).with_name('written').write_text('x')",
    )
    assert result.stdout.startswith(str(installed.site_packages)), result.stdout
    assert "Read-only file system" in result.stderr or "Permission denied" in result.stderr


def test_validate_a_bundled_story_by_name(installed: Installed) -> None:
    result = installed.run("-m", "dashboard", "validate", STORY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith(f"{STORY}: ok")
    assert str(installed.site_packages) in result.stdout


def test_export_a_bundled_story_by_name(installed: Installed) -> None:
    out = installed.home / "map.html"
    result = installed.run(
        "-m", "dashboard", "export", STORY, "--format", "html", "--lang", "en", "--out", str(out)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Raqqa" in page


def test_the_lagekarte_command_says_its_version(installed: Installed) -> None:
    result = installed.run_script("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"lagekarte {metadata.version('lagekarte')}"


def test_the_lagekarte_command_validates_and_exports(installed: Installed) -> None:
    result = installed.run_script("validate", STORY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith(f"{STORY}: ok")
    out = installed.home / "karte.png"
    result = installed.run_script(
        "export", STORY, "--format", "png", "--lang", "de", "--size", "social", "--out", str(out)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
    result = installed.run_script("validate", "no-such-story")
    assert result.returncode == 1 and "no-such-story" in result.stdout + result.stderr


@pytest.mark.browser
def test_serve_draws_the_map_from_the_installed_package(installed: Installed, watched_page) -> None:
    def serve(port: int) -> list[str]:
        return installed.command("-m", "dashboard", "serve", "--port", str(port))

    with served(serve, cwd=installed.home, env=clean_env()) as (url, _process):
        page = watched_page({url.removeprefix("http://")})
        page.goto(url)
        map_frame = page.frame_locator("iframe").first
        map_frame.locator(".lk-marker").first.wait_for(timeout=60_000)
        assert not page.watch.foreign and not page.watch.errors
        assert any("/component/" in u and u.endswith("leaflet.js") for u in page.watch.requests)
