"""Readers of the static site all at once: N clients fetch a story's map page and images
from a plain static file server on loopback.

The site of the bundled stories is written first (`python -m dashboard site`, every image
size), or `--site DIR` names one already written. It is served by Python's plain
threading file server (`_common.static_server`, one thread per connection, HTTP/1.0,
nothing cached in memory) in a process of its own, as any static host would serve it.
Then all clients start at once; each fetches, one after another as a page's first visit
would, the map page the embed code points to and the story's PNG images in every size
(`--lang`). A response is an error unless its status is 200 and its bytes are those the
site's manifest lists (SHA-256). Prints JSON: errors, requests per second over the whole
run, latency per request (p50/p95/max) and time per client for all its files.

    python benchmarks/site_load.py [--clients 200] [--site DIR] [--lang de]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import multiprocessing
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from _common import cpu_s, machine, percentile_ms, rss_mb, static_server

STORY = "is-caliphate-2017"
CONNECT_TIMEOUT_S = 30
READ_LIMIT = 64 * 1024 * 1024  # no file of the site is near this


def write_site(out: Path) -> None:
    from dashboard.core.resources import BUNDLED_STORIES_DIR
    from dashboard.ui.cli import main

    command = ["site", str(out), "--base-url", "https://maps.example.org/lagekarte/"]
    if main([*command, "--stories", str(BUNDLED_STORIES_DIR)]) != 0:
        raise RuntimeError("the site could not be written")


def _serve(folder: str, url_out, stop) -> None:
    with static_server(Path(folder)) as url:
        url_out.send(url)
        stop.wait()


@contextmanager
def server_process(folder: Path):
    """The static server in a fresh process of its own (so the clients do not share its
    GIL, and its memory is the server's alone); yields its URL and pid."""
    spawn = multiprocessing.get_context("spawn")
    receive, send = spawn.Pipe(duplex=False)
    stop = spawn.Event()
    process = spawn.Process(target=_serve, args=(str(folder), send, stop))
    process.start()
    try:
        yield receive.recv(), process.pid
    finally:
        stop.set()
        process.join(timeout=10)


async def fetch(host: str, port: int, path: str) -> tuple[int, bytes, float]:
    """One HTTP/1.0 GET on a new connection: status, body, seconds until the last byte."""
    start = time.perf_counter()
    reader, writer = await asyncio.wait_for(
        asyncio.open_connection(host, port, limit=READ_LIMIT), CONNECT_TIMEOUT_S
    )
    try:
        writer.write(f"GET {path} HTTP/1.0\r\nHost: {host}:{port}\r\n\r\n".encode())
        await writer.drain()
        response = await reader.read(-1)  # HTTP/1.0: the server closes after the body
    finally:
        writer.close()
    elapsed = time.perf_counter() - start
    head, _, body = response.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    return status, body, elapsed


async def client(url: str, paths: list[str], hashes: dict[str, str], out: dict) -> None:
    parts = urlsplit(url)
    start = time.perf_counter()
    for path in paths:
        try:
            status, body, elapsed = await fetch(parts.hostname, parts.port, "/" + path)
        except (OSError, TimeoutError) as error:
            out["errors"].append(f"{path}: {type(error).__name__}: {error}")
            continue
        out["latencies"].append(elapsed)
        out["bytes"] += len(body)
        if status != 200:
            out["errors"].append(f"{path}: status {status}")
        elif hashlib.sha256(body).hexdigest() != hashes[path]:
            out["errors"].append(f"{path}: {len(body)} bytes, not the site's file")
    out["clients"].append(time.perf_counter() - start)


async def run(url: str, paths: list[str], hashes: dict[str, str], clients: int) -> dict:
    out: dict = {"errors": [], "latencies": [], "clients": [], "bytes": 0}
    start = time.perf_counter()
    await asyncio.gather(*(client(url, paths, hashes, out) for _ in range(clients)))
    out["seconds"] = time.perf_counter() - start
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--site", help="a site already written (default: write one now)")
    parser.add_argument("--lang", default="de", choices=("de", "en"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(args.site) if args.site else Path(scratch) / "site"
        if not args.site:
            start = time.perf_counter()
            write_site(site)
            written_s = round(time.perf_counter() - start, 1)
        manifest = json.loads((site / "manifest.json").read_text("utf-8"))
        hashes = {path: record["sha256"] for path, record in manifest["files"].items()}
        story = next(s for s in manifest["stories"] if s["slug"] == STORY)
        files = story["languages"][args.lang]
        paths = [files["map"], *(image["png"] for image in files["images"].values())]
        with server_process(site) as (url, pid):
            result = asyncio.run(run(url, paths, hashes, args.clients))
            server_cpu_s, server_rss_mb = cpu_s(pid), rss_mb(pid)
    latencies, errors = result["latencies"], result["errors"]
    report = {
        "benchmark": "static site: clients at once fetch a story's map page and its images",
        "server": "Python's ThreadingHTTPServer (benchmarks/_common.static_server), own process",
        "clients": args.clients,
        "files_per_client": paths,
        "requests": args.clients * len(paths),
        "errors": len(errors),
        "error_messages": errors[:20],
        "seconds": round(result["seconds"], 2),
        "requests_per_s": round(len(latencies) / result["seconds"], 1),
        "clients_per_s": round(args.clients / result["seconds"], 1),
        "megabytes_per_s": round(result["bytes"] / 1e6 / result["seconds"], 1),
        "request_ms": {
            "p50": percentile_ms(latencies, 50) if latencies else None,
            "p95": percentile_ms(latencies, 95) if latencies else None,
            "max": round(max(latencies) * 1000, 1) if latencies else None,
        },
        "client_all_files_ms": {
            "p50": percentile_ms(result["clients"], 50),
            "p95": percentile_ms(result["clients"], 95),
        },
        "server_cpu_s": round(server_cpu_s, 2),
        "server_rss_mb": server_rss_mb,
        "site_written_s": None if args.site else written_s,
        "machine": machine(),
    }
    print(json.dumps(report, indent=2))
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
