"""Bluesky's Jetstream through the ``bluesky`` source: 100,000 events from a local WebSocket
server on 127.0.0.1, read, filtered by the example workspace's brand queries and turned into
records. Target: at least 10,000 events/s.

Run it with ``python benchmarks/jetstream_speed.py [--events N]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import random
import socket
import time
from typing import Any

from ascua.config import BrandConfig
from ascua.sources.base import SourceContext
from ascua.sources.bluesky import BlueskyOptions, BlueskySource

TARGET = 10_000
WORDS = [
    "hoy",
    "vuelo",
    "tren",
    "playa",
    "café",
    "trabajo",
    "lunes",
    "gracias",
    "casa",
    "ciudad",
    "partido",
    "lluvia",
    "música",
    "serie",
    "libro",
]
BRANDS = (
    BrandConfig(id="vuelaya", name="Vuelaya", query='vuelaya OR @vuelaya OR "vuela ya"'),
    BrandConfig(id="frutalia", name="Frutalia", query="frutalia OR @frutalia", exclude='"frutalia fest"'),
    BrandConfig(id="conectia", name="Conectia", query="conectia OR @conectia_es"),
)


def events(count: int) -> list[str]:
    rng = random.Random(3)
    base = 1_725_000_000_000_000
    out = []
    for number in range(count):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 30)))
        if rng.random() < 0.02:
            text = f"{text} vuelaya me canceló el vuelo"
        record = {"$type": "app.bsky.feed.post", "text": text, "langs": ["es"], "createdAt": "2026-03-02T09:41:00.000Z"}
        event = {"did": f"did:plc:u{number % 5000}", "time_us": base + number, "kind": "commit",
                 "commit": {"rev": "3l", "operation": "create", "collection": "app.bsky.feed.post",
                            "rkey": f"k{number}", "record": record, "cid": "bafy"}}  # fmt: skip
        out.append(json.dumps(event))
    return out


def serve(count: int, port: int) -> None:
    """The server, in its own process (it must not share the reader's interpreter lock)."""
    messages = events(count)
    from websockets.asyncio.server import serve as ws_serve

    async def handler(socket: Any) -> None:
        for message in messages:
            await socket.send(message)
        await asyncio.sleep(3600)

    async def main() -> None:
        async with ws_serve(handler, "127.0.0.1", port):
            await asyncio.sleep(3600)

    asyncio.run(main())


async def read(url: str, count: int) -> tuple[float, int, int]:
    source = BlueskySource(
        "sky", BlueskyOptions(search=False, jetstream=url), SourceContext(zone=None, batch_size=500, brands=BRANDS)
    )  # type: ignore[arg-type]
    started = time.perf_counter()
    kept = 0
    async for batch in source.stream_batches(None):
        kept += len(batch.records)
        if source.events >= count:
            break
    return time.perf_counter() - started, source.events, kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    options = parser.parse_args()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = multiprocessing.Process(target=serve, args=(options.events, port), daemon=True)
    server.start()
    for _ in range(600):  # until it listens (it builds the events first)
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    try:
        seconds, read_count, kept = asyncio.run(read(f"ws://127.0.0.1:{port}/subscribe", options.events))
    finally:
        server.terminate()
    rate = read_count / seconds
    print(f"jetstream: {read_count:,} events in {seconds:.2f} s = {rate:,.0f} events/s "
          f"({kept:,} matched a brand; target {TARGET:,}/s: {'met' if rate >= TARGET else 'NOT met'})")  # fmt: skip


if __name__ == "__main__":
    main()
