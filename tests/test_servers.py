"""The servers the browser tests start: on a free port, started again on another one
when the port found free was taken before the server bound it (tests run in parallel)."""

from __future__ import annotations

import socket
import sys
import urllib.request

import pytest

from tests.servers import ServerExitedError, free_port, served

# A stand-in for Streamlit: answers its health check, on the port it is given.
HEALTHY = (
    "import http.server, sys\n"
    "class Health(http.server.BaseHTTPRequestHandler):\n"
    "    def do_GET(self):\n"
    "        self.send_response(200); self.end_headers(); self.wfile.write(b'ok')\n"
    "    def log_message(self, *args): pass\n"
    "http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), Health).serve_forever()\n"
)


def health(url: str) -> bytes:
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as response:
        return response.read()


def test_a_free_port_can_be_bound() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", free_port()))


def test_a_server_whose_port_was_taken_starts_again_on_another_port() -> None:
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    ports: list[int] = []

    def command(port: int) -> list[str]:
        # the first port offered is one another process holds, as in a lost race
        ports.append(taken.getsockname()[1] if not ports else port)
        return [sys.executable, "-c", HEALTHY, str(ports[-1])]

    with taken, served(command) as (url, process):
        assert health(url) == b"ok"
        assert url.endswith(f":{ports[-1]}") and len(ports) == 2
    assert process.poll() is not None  # stopped at the end


def test_a_server_that_never_starts_is_reported() -> None:
    with pytest.raises(ServerExitedError), served(lambda port: [sys.executable, "-c", "1"]):
        pass
