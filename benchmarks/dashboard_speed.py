"""Dashboard speed with 1,000,000 stored mentions (SQLite), under 20 concurrent clients.

1. Builds (once; kept in .cache/bench-dashboard) a workspace with N scenario mentions
   (``ascua scenario export`` then ``ascua import``: the whole pipeline, analysis included).
2. Starts ``ascua serve`` on 127.0.0.1 in its own process, logs in an account.
3. 20 clients (httpx, asyncio) request, in a loop, the overview and mention-search pages
   (newest first; filtered by sentiment; a brand's query-language search; page 5), and
   report p50 / p95 / max per page. Target: p95 under 200 ms for the overview and for a
   mentions search page.

Run it with ``python benchmarks/dashboard_speed.py [--mentions N] [--requests R]``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
ASCUA = [sys.executable, "-m", "ascua"]
TARGET_MS = 200.0
PASSWORD = "benchmark password"
PAGES = {
    "overview": "/",
    "mentions (newest)": "/mentions",
    "mentions (negative, one brand)": "/mentions?brand=vuelaya&sentiment=negative",
    "mentions (query)": "/mentions?brand=vuelaya&q=reembols*+OR+cancelado",
    "mentions (page 5)": "/mentions?page=5",
}


def run(*args: str) -> str:
    done = subprocess.run([*ASCUA, *args], capture_output=True, text=True, env={**os.environ, "ASCUA_LANG": "en"})
    if done.returncode != 0:
        raise SystemExit(f"ascua {' '.join(args)} failed: {done.stderr}")
    return done.stdout


def workspace(mentions: int) -> Path:
    folder = ROOT / ".cache" / f"bench-dashboard-{mentions}"
    done = folder / ".built"
    if done.exists():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    run("init", str(folder), "--force")
    export = folder / "mentions.jsonl"
    started = time.perf_counter()
    # the scenario writes about 2,400 mentions a day: start early enough for all to be in the past
    start = (datetime.now(UTC) - timedelta(days=mentions / 2_000 + 2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    run("scenario", "export", "--mentions", str(mentions), "--seed", "7", "--start", start, "--out", str(export))
    run("import", str(export), "--workspace", str(folder), "--quiet")
    export.unlink()
    print(f"built {mentions:,} mentions in {time.perf_counter() - started:.0f} s")
    done.touch()
    return folder


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def measure(base: str, cookies: dict[str, str], path: str, clients: int, requests: int) -> list[float]:
    timings: list[float] = []
    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=base, cookies=cookies, limits=limits, timeout=60) as client:

        async def one_client() -> None:
            for _ in range(requests // clients):
                started = time.perf_counter()
                response = await client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{path}: {response.status_code}")

        await asyncio.gather(*(one_client() for _ in range(clients)))
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=400, help="per page")
    options = parser.parse_args()
    folder = workspace(options.mentions)
    existing = run("users", "list", "--json", "--workspace", str(folder))
    if '"bench"' not in existing:
        subprocess.run([*ASCUA, "users", "add", "bench", "--role", "viewer", "--password-stdin", "--workspace",
                        str(folder)], input=PASSWORD + "\n", text=True, check=True, capture_output=True)  # fmt: skip
    # The full-text index is filled in the background by the dashboard; measured here, once, apart.
    from ascua.config import load_workspace
    from ascua.radar import Radar
    from ascua.store.textsearch import catch_up

    with Radar.open(load_workspace(folder)) as radar:
        started = time.perf_counter()
        indexed = catch_up(radar.database.engine)
        if indexed:
            print(f"full-text index: {indexed:,} mentions indexed in {time.perf_counter() - started:.1f} s")
    port = free_port()
    server = subprocess.Popen([*ASCUA, "serve", "--workspace", str(folder), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(f"{base}/healthz", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        login = httpx.post(f"{base}/login", data={"name": "bench", "password": PASSWORD}, follow_redirects=False)
        cookies = {"ascua_session": login.cookies["ascua_session"]}
        stored = re.search(r"([\d,]+) (?:mentions stored|menciones guardadas)", httpx.get(base, cookies=cookies).text)
        print(f"{stored.group(1) if stored else '?'} mentions stored; {options.clients} concurrent clients, "
              f"{options.requests} requests per page")  # fmt: skip
        worst = 0.0
        for name, path in PAGES.items():
            asyncio.run(measure(base, cookies, path, options.clients, options.clients))  # warm up
            timings = sorted(asyncio.run(measure(base, cookies, path, options.clients, options.requests)))
            p95 = timings[int(0.95 * (len(timings) - 1))]
            worst = max(worst, p95)
            print(f"{name:34} p50 {statistics.median(timings):7.1f} ms   p95 {p95:7.1f} ms   max {timings[-1]:7.1f} ms")
        print(
            f"target p95 < {TARGET_MS:.0f} ms: {'met' if worst < TARGET_MS else 'NOT met'} (worst p95 {worst:.0f} ms)"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
