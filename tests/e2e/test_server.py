"""`python -m dashboard serve` is private: from start-up through a reader's page load, and
whatever a client sends (a WebSocket from a foreign page), it opens no connection to
another machine and looks up no name; it listens on loopback only.

Every `socket.connect`, `sendto` and name lookup of the server process is recorded by an
audit hook (PEP 578) that a `sitecustomize` module installs before Streamlit starts.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.servers import served

pytestmark = pytest.mark.browser

AUDIT_HOOK = """
import json, os, sys

_log = open(os.environ["LAGEKARTE_AUDIT_LOG"], "a", buffering=1)
_log.write(json.dumps({"event": "started", "pid": os.getpid()}) + "\\n")
_WATCHED = {"socket.connect", "socket.sendto", "socket.sendmsg", "socket.getaddrinfo",
            "socket.gethostbyname", "socket.gethostbyaddr"}


def _hook(event, args):
    if event in _WATCHED:
        on_socket = event in ("socket.connect", "socket.sendto", "socket.sendmsg")
        target = args[1] if on_socket else args[0]
        family = getattr(args[0], "family", None) if on_socket else None
        _log.write(json.dumps({"event": event, "pid": os.getpid(), "target": repr(target),
                               "unix": family == 1}) + "\\n")


sys.addaudithook(_hook)
"""


@dataclass(frozen=True)
class Server:
    url: str
    pid: int
    log: Path

    def records(self) -> list[dict]:
        return [json.loads(line) for line in self.log.read_text("utf-8").splitlines()]


def audited_env(tmp: Path) -> dict[str, str]:
    (tmp / "hook").mkdir(exist_ok=True)
    (tmp / "hook" / "sitecustomize.py").write_text(AUDIT_HOOK, "utf-8")
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp / "hook"), str(REPO)]),
        "LAGEKARTE_AUDIT_LOG": str(tmp / "audit.jsonl"),
    }


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The dashboard as a reader starts it, from a folder that is not the checkout."""
    tmp = tmp_path_factory.mktemp("serve")
    env = audited_env(tmp)
    command = [sys.executable, "-m", "dashboard", "serve", "--port"]
    with served(lambda port: [*command, str(port)], cwd=tmp, env=env) as (url, process):
        yield Server(url, process.pid, tmp / "audit.jsonl")


def is_loopback(target: str) -> bool:
    """A recorded address (its repr) on this machine: 127.0.0.0/8, ::1 or localhost."""
    host = target.strip("()[]'\" ").split(",")[0].strip("'\" ")
    if host in ("localhost", "", "None"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def listening_addresses(pid: int) -> set[tuple[str, int]]:
    """(address, port) of every TCP socket the process listens on (from /proc)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            link = os.readlink(fd)
        except OSError:
            continue
        if link.startswith("socket:["):
            inodes.add(link[8:-1])
    found = set()
    for table, size in (("tcp", 4), ("tcp6", 16)):
        for line in Path(f"/proc/net/{table}").read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] != "0A" or fields[9] not in inodes:  # 0A: LISTEN
                continue
            hex_address, hex_port = fields[1].split(":")
            raw = bytes.fromhex(hex_address)
            # /proc writes each 32-bit word in host (little-endian) order
            packed = b"".join(raw[i : i + 4][::-1] for i in range(0, size, 4))
            found.add((str(ipaddress.ip_address(packed)), int(hex_port, 16)))
    return found


def test_the_audit_hook_sees_a_connection_to_another_machine(tmp_path: Path) -> None:
    """The check itself: a UDP connect to a documentation address (no packet is sent)."""
    code = "import socket; socket.socket(type=socket.SOCK_DGRAM).connect(('192.0.2.1', 1))"
    subprocess.run([sys.executable, "-c", code], env=audited_env(tmp_path), check=True, timeout=60)
    log = (tmp_path / "audit.jsonl").read_text("utf-8")
    records = [json.loads(line) for line in log.splitlines()]
    connects = [r for r in records if r["event"] == "socket.connect"]
    assert connects and not is_loopback(connects[0]["target"])


def outside_records(server: Server) -> list[dict]:
    """Connections and name lookups of the server to anything but this machine."""
    records = server.records()
    assert any(r["event"] == "started" and r["pid"] == server.pid for r in records)
    return [
        r
        for r in records
        if r["event"] != "started" and not r.get("unix") and not is_loopback(r["target"])
    ]


def test_serve_opens_no_connection_to_another_machine(server: Server, watched_page) -> None:
    page = watched_page({server.url.removeprefix("http://")})
    page.goto(server.url)
    page.frame_locator("iframe").first.locator(".lk-marker").first.wait_for(timeout=60_000)
    assert not page.watch.foreign and not page.watch.errors
    assert not outside_records(server)


def websocket_status(url: str, origin: str) -> str:
    """The status line the server answers a WebSocket opening from `origin` with, as a
    page on another site would open it (the browser sends that site as Origin)."""
    host = url.removeprefix("http://")
    address, port = host.rsplit(":", 1)
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
        f"Origin: {origin}\r\n\r\n"
    )
    with socket.create_connection((address, int(port)), timeout=30) as connection:
        connection.sendall(request.encode("ascii"))
        answer = connection.makefile("rb").readline()
    return answer.decode("latin-1").strip()


@pytest.mark.parametrize("origin", ["https://attacker.example", "http://192.0.2.7:8501"])
def test_a_foreign_websocket_is_refused_without_a_lookup(server: Server, origin: str) -> None:
    """Streamlit checks a foreign Origin against this machine's addresses; it must not
    find them by asking a web service (checkip) or by a connect to a public address."""
    before = len(outside_records(server))
    for _ in range(3):  # a failed lookup is not remembered: each attempt would ask again
        status = websocket_status(server.url, origin)
        assert " 403" in status, status
    assert not outside_records(server)[before:]
    assert " 101 " in websocket_status(server.url, server.url)  # the page's own still opens


def test_serve_listens_on_loopback_only(server: Server) -> None:
    addresses = listening_addresses(server.pid)
    port = int(server.url.rsplit(":", 1)[1])
    assert ("127.0.0.1", port) in addresses
    assert all(ipaddress.ip_address(host).is_loopback for host, _ in addresses), addresses
    other = socket.gethostbyname(socket.gethostname())  # this machine on its network
    if not ipaddress.ip_address(other).is_loopback:
        with pytest.raises(OSError):
            socket.create_connection((other, port), timeout=2).close()
