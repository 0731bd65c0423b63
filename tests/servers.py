"""The servers and the browser the browser tests (and the benchmarks) start.

Each server gets a free loopback port. `make test` runs the tests in several processes at
once, each picking ports: a port found free can be taken by another process before the
server binds it, so a server that exits before it answers is started again on another
port. Chromium is Debian's, never one Playwright downloads. The static site is served by
Python's plain file server, as any static host would serve it.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

REPO = Path(__file__).resolve().parent.parent
# Debian's Chromium, the browser a reader runs: the benchmarks measure pages in it.
CHROMIUM = os.environ.get("LAGEKARTE_CHROMIUM", "/usr/bin/chromium")
# The browser tests drive Debian's headless shell of the same Chromium (same Blink and V8,
# without the browser's own windowing layers; the headless mode Playwright itself uses for
# tests): a dashboard opened costs about 40 % less CPU than in the full browser.
TEST_CHROMIUM = os.environ.get("LAGEKARTE_TEST_CHROMIUM", "/usr/bin/chromium-headless-shell")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_TRIES = 3


class ServerExitedError(RuntimeError):
    """The server process ended before it answered its health check."""


def free_port() -> int:
    """A loopback port no socket is bound to right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    """Until the Streamlit server at `url` answers its health check.

    Raises ServerExitedError if the process ends first, RuntimeError after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            if process.poll() is not None:
                raise ServerExitedError(
                    f"the server at {url} exited ({process.returncode})"
                ) from None
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server at {url} did not start") from None
            time.sleep(0.2)


@contextmanager
def served(
    command: Callable[[int], list[str]], **popen: Any
) -> Iterator[tuple[str, subprocess.Popen]]:
    """The server `command(port)` starts, on a free port, until it answers; yields its
    URL and process, and stops it at the end. Output is discarded unless `popen` says
    otherwise."""
    popen = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, **popen}
    for attempt in range(1, START_TRIES + 1):
        port = free_port()
        process = subprocess.Popen(command(port), **popen)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_healthy(url, process)
        except ServerExitedError:
            if attempt == START_TRIES:
                raise
            continue  # most likely another test process took the port first
        except BaseException:
            process.kill()
            process.wait(timeout=20)
            raise
        try:
            yield url, process
        finally:
            process.terminate()
            process.wait(timeout=20)
        return


@contextmanager
def streamlit_process(
    script: Path, env: dict[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen]]:
    """`streamlit run script` on a free loopback port: its URL and process (for its pid)."""

    def command(port: int) -> list[str]:
        return [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ]

    with served(command, cwd=REPO, env={**os.environ, **(env or {})}) as started:
        yield started


@contextmanager
def streamlit_server(script: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """`streamlit run script` on a free loopback port; yields its URL."""
    with streamlit_process(script, env) as (url, _process):
        yield url


class _QuietFiles(SimpleHTTPRequestHandler):
    """Python's plain file server, without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


class _FileServer(ThreadingHTTPServer):
    daemon_threads = True
    # The listen backlog nginx uses (Python's default of 5 drops connections when many
    # readers arrive at once, which no static host does).
    request_queue_size = 511


@contextmanager
def static_server(folder: Path) -> Iterator[str]:
    """A plain static file server (Python's, one thread per connection) for `folder` on
    a free loopback port, as any static host would serve it; yields its URL."""
    handler = partial(_QuietFiles, directory=str(folder))
    with _serving(_FileServer(("127.0.0.1", 0), handler)) as port:
        yield f"http://127.0.0.1:{port}"


@contextmanager
def _serving(server: ThreadingHTTPServer) -> Iterator[int]:
    """Run `server` in a thread while the block runs; yields its port."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


_BYTE_RANGE = re.compile(r"bytes=([0-9]+)-([0-9]*)")


class _RangeFiles(BaseHTTPRequestHandler):
    """Files from memory with HTTP range requests (which Python's file server lacks), as
    a newsroom's static host serves a PMTiles archive to another origin: a single range
    per request answered 206, CORS for any origin (the export opened from disk, the
    dashboard's map frame)."""

    files: ClassVar[dict[str, bytes]] = {}

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Headers", "Range")
        self.send_header("Access-Control-Expose-Headers", "Content-Range, Content-Length, ETag")

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self._cors()
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        body = self.files.get(self.path.partition("?")[0])
        if body is None:
            self.send_error(404)
            return
        match = _BYTE_RANGE.fullmatch(self.headers.get("Range", ""))
        start, end = 0, len(body) - 1
        if match:
            start = int(match[1])
            end = min(int(match[2]) if match[2] else end, end)
        if start > end:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{len(body)}")
            self._cors()
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(206 if match else 200)
        if match:
            self.send_header("Content-Range", f"bytes {start}-{end}/{len(body)}")
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("ETag", '"archive-1"')
        self._cors()
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        self.wfile.write(body[start : end + 1])

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def range_server(files: dict[str, bytes]) -> Iterator[str]:
    """`files` (path -> bytes) served with range requests on a free loopback port;
    yields the server's host:port."""
    handler = type("_Files", (_RangeFiles,), {"files": dict(files)})
    with _serving(_FileServer(("127.0.0.1", 0), handler)) as port:
        yield f"127.0.0.1:{port}"
