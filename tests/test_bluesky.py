"""The Bluesky source against real local servers on 127.0.0.1:

* search: an HTTP server answering ``/xrpc/app.bsky.feed.searchPosts`` as the AppView does
  (the lexicon's ``posts`` of PostView — uri, cid, author {did, handle, displayName}, record
  {$type, text, createdAt, langs, reply, embed}, indexedAt, counts — and ``cursor``; ``since``
  for what is newer; 429 with ``ratelimit-reset`` as the AppView sends it; a broken body);
* Jetstream: a WebSocket server sending events as the Jetstream README documents them
  (``{"did", "time_us", "kind": "commit", "commit": {"operation", "collection", "rkey",
  "record"}}``, ``kind: identity``), that drops the connection mid-stream, sends a line that
  is not JSON and, on reconnection, checks the ``cursor`` it is given.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from ascua.config import BrandConfig
from ascua.sources.base import SourceContext
from ascua.sources.bluesky import REWIND_US, BlueskyOptions, BlueskySource

from .conftest import first_batches, local_http, reply

T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
BRANDS = (BrandConfig(id="vuelaya", name="Vuelaya", query="vuelaya OR @vuelaya"),)
CONTEXT = SourceContext(zone=UTC, batch_size=500, brands=BRANDS)


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _post(number: int, text: str, minutes: int = 0) -> dict[str, Any]:
    created = (T0 + timedelta(minutes=minutes)).isoformat().replace("+00:00", ".000Z")
    return {
        "uri": f"at://did:plc:user{number}/app.bsky.feed.post/3k{number:05d}", "cid": f"bafy{number}",
        "author": {"did": f"did:plc:user{number}", "handle": f"user{number}.bsky.social", "displayName": "Lucía"},
        "record": {"$type": "app.bsky.feed.post", "text": text, "createdAt": created, "langs": ["es"]},
        "indexedAt": created, "likeCount": 3, "repostCount": 1, "replyCount": 0, "quoteCount": 0,
    }  # fmt: skip


@dataclass
class AppView:
    base: str = ""
    posts: list[dict[str, Any]] = field(default_factory=list)
    asked: list[dict[str, str]] = field(default_factory=list)
    mode: str = "ok"  # ok | busy | broken


@pytest.fixture
def appview() -> Iterator[AppView]:
    state = AppView()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {key: values[0] for key, values in parse_qs(parts.query).items()}
            if parts.path != "/xrpc/app.bsky.feed.searchPosts":
                reply(self, b'{"error": "MethodNotImplemented"}', "application/json", 501)
                return
            state.asked.append(query)
            if state.mode == "busy":
                state.mode = "ok"
                reset = str(int(time.time()) + 1)
                reply(self, b'{"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"}', "application/json",
                      429, ratelimit_reset=reset, ratelimit_remaining="0")  # fmt: skip
                return
            if state.mode == "broken":
                state.mode = "ok"
                reply(self, b'{"posts": [{"uri": ', "application/json")
                return
            since = _time(query["since"]) if "since" in query else None
            newest_first = sorted(state.posts, key=lambda p: p["record"]["createdAt"], reverse=True)
            matching = [p for p in newest_first if since is None or _time(p["record"]["createdAt"]) >= since]
            start = int(query.get("cursor", "0"))
            limit = int(query.get("limit", "25"))
            page = matching[start : start + limit]
            body: dict[str, Any] = {"posts": page, "hitsTotal": len(matching)}
            if start + limit < len(matching):
                body["cursor"] = str(start + limit)
            reply(self, json.dumps(body).encode(), "application/json")

        def log_message(self, *args: Any) -> None:
            pass

    with local_http(Handler) as base:
        state.base = base
        yield state


def _source(base: str, **options: Any) -> BlueskySource:
    values = {"service": base, "jetstream": None, "every": 1, **options}
    return BlueskySource("sky", BlueskyOptions.model_validate(values), CONTEXT)


def test_search_reads_the_latest_page_then_only_what_is_newer(appview: AppView) -> None:
    appview.posts = [_post(i, f"Vuelaya me perdió la maleta {i}", minutes=i) for i in range(3)]
    source = _source(appview.base)
    (first,) = asyncio.run(first_batches(source, None, 1))
    assert first.error is None
    assert [r.data["id"] for r in first.records] == [p["uri"] for p in appview.posts]  # oldest first
    data = first.records[0].data
    assert data["source"] == "bluesky" and data["lang"] == "es" and data["author"]["handle"] == "@user0.bsky.social"
    assert data["url"] == "https://bsky.app/profile/user0.bsky.social/post/3k00000" and data["metrics"]["likes"] == 3
    assert appview.asked[0]["q"] == "Vuelaya" and "since" not in appview.asked[0]  # default: the brand's name
    newest = first.cursor["searches"]["Vuelaya"]["newest"]
    assert newest.startswith((T0 + timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M"))
    # new posts, two pages of 100; the restart resumes from the cursor and asks only since then
    appview.posts += [_post(100 + i, f"Vuelaya otra vez {i}", minutes=10 + i) for i in range(150)]
    (second,) = asyncio.run(first_batches(_source(appview.base), first.cursor, 1))
    assert appview.asked[1]["since"] == newest and appview.asked[2]["cursor"] == "100"
    ids = [r.data["id"] for r in second.records]
    assert len(ids) == 151 and len(set(ids)) == 151  # the newest old one again (since is inclusive): stored once


def test_search_waits_on_429_and_survives_a_broken_answer(appview: AppView) -> None:
    appview.posts = [_post(1, "Vuelaya 1")]
    appview.mode = "busy"
    source = _source(appview.base)
    busy, ok = asyncio.run(first_batches(source, None, 2))
    assert busy.error is not None and "slow down (429)" in busy.error and busy.records == []
    assert ok.error is None and len(ok.records) == 1
    appview.mode = "broken"
    broken, again = asyncio.run(first_batches(_source(appview.base), None, 2))
    assert broken.error is not None and "search «Vuelaya»" in broken.error
    assert again.error is None and len(again.records) == 1


def test_an_unreachable_service_is_an_unhealthy_source_not_a_crash() -> None:
    source = _source("http://127.0.0.1:9", timeout=2)
    (batch,) = asyncio.run(first_batches(source, None, 1))
    assert batch.error is not None and "could not reach" in batch.error


# --- Jetstream -------------------------------------------------------------------------------


def _event(time_us: int, did: str, rkey: str, text: str, operation: str = "create") -> dict[str, Any]:
    return {"did": did, "time_us": time_us, "kind": "commit",
            "commit": {"rev": "3l3", "operation": operation, "collection": "app.bsky.feed.post", "rkey": rkey,
                       "record": {"$type": "app.bsky.feed.post", "text": text, "langs": ["es"],
                                  "createdAt": T0.isoformat().replace("+00:00", ".000Z")},
                       "cid": "bafyrei"}}  # fmt: skip


@dataclass
class Firehose:
    url: str = ""
    connections: list[str] = field(default_factory=list)


@pytest.fixture
def firehose() -> Iterator[Firehose]:
    from websockets.asyncio.server import serve

    state = Firehose()
    base = 1_725_000_000_000_000
    ready = threading.Event()
    running: dict[str, Any] = {}

    async def handler(socket: Any) -> None:
        state.connections.append(socket.request.path)
        if len(state.connections) == 1:
            identity = {"did": "did:plc:ana", "handle": "ana.bsky.social"}
            await socket.send(
                json.dumps({"did": "did:plc:ana", "time_us": base, "kind": "identity", "identity": identity})
            )
            await socket.send(json.dumps(_event(base + 1, "did:plc:ana", "a1", "Vuelaya canceló mi vuelo")))
            await socket.send(json.dumps(_event(base + 2, "did:plc:bob", "b1", "Hoy hace sol en Madrid")))
            await socket.send("{not json")
            await socket.send(json.dumps(_event(base + 3, "did:plc:ana", "a1", "", operation="delete")))
            await socket.send(json.dumps(_event(base + 4, "did:plc:eve", "e1", "Gracias @vuelaya")))
            # drop the connection mid-stream: no closing handshake
            socket.transport.abort()
            return
        await socket.send(json.dumps(_event(base + 4, "did:plc:eve", "e1", "Gracias @vuelaya")))  # again
        await socket.send(json.dumps(_event(base + 9, "did:plc:luz", "l1", "vuelaya: ¿y mi reembolso?")))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(running["done"].wait(), 30)

    def run() -> None:
        async def main() -> None:
            done = asyncio.Event()
            running["done"] = done
            async with serve(handler, "127.0.0.1", 0) as server:
                port = next(iter(server.sockets)).getsockname()[1]
                state.url = f"ws://127.0.0.1:{port}/subscribe"
                ready.set()
                await done.wait()

        loop = asyncio.new_event_loop()
        running["loop"] = loop
        loop.run_until_complete(main())

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait(10)
    yield state
    running["loop"].call_soon_threadsafe(running["done"].set)
    thread.join(10)


def test_jetstream_keeps_the_brands_posts_resumes_after_a_drop_and_skips_bad_events(firehose: Firehose) -> None:
    source = BlueskySource("sky", BlueskyOptions(search=False, jetstream=firehose.url), CONTEXT)
    stream = source.stream_batches(None)

    async def collect() -> list[Any]:
        batches = []
        async for batch in stream:
            batches.append(batch)
            if sum(len(b.records) for b in batches) >= 4:
                break
        await stream.aclose()
        return batches

    batches = asyncio.run(asyncio.wait_for(collect(), 30))
    records = [r.data for b in batches for r in b.records]
    texts = [r["text"] for r in records]
    assert texts == ["Vuelaya canceló mi vuelo", "Gracias @vuelaya", "Gracias @vuelaya", "vuelaya: ¿y mi reembolso?"]
    assert records[0]["id"] == "at://did:plc:ana/app.bsky.feed.post/a1"
    assert records[0]["author"]["handle"] == "@ana.bsky.social"  # from the identity event
    assert records[1]["author"]["handle"] == "did:plc:eve" and records[0]["lang"] == "es"
    dropped = [b for b in batches if b.error]
    assert dropped and "reconnecting" in dropped[0].error
    assert any("not JSON" in p.message for b in batches for p in b.problems)
    # the reconnection asks for the stream from a few seconds before the last event read
    assert "wantedCollections=app.bsky.feed.post" in firehose.connections[0] and "cursor" not in firehose.connections[0]
    assert f"cursor={1_725_000_000_000_004 - REWIND_US}" in firehose.connections[1]
    assert batches[-1].cursor == {"jetstream": {"time_us": 1_725_000_000_000_009}}
    assert source.events >= 7


def test_search_and_stream_share_one_cursor(appview: AppView, firehose: Firehose) -> None:
    appview.posts = [_post(1, "Vuelaya 1")]
    source = BlueskySource("sky", BlueskyOptions(service=appview.base, jetstream=firehose.url, every=60), CONTEXT)

    async def collect() -> list[Any]:
        found = []
        async for batch in source.batches(None):
            found.append(batch)
            if "searches" in batch.cursor and "jetstream" in batch.cursor and batch.cursor["jetstream"]["time_us"]:
                break
        return found

    batches = asyncio.run(asyncio.wait_for(collect(), 30))
    last = batches[-1].cursor
    assert last["searches"]["Vuelaya"]["newest"] and last["jetstream"]["time_us"] >= 1_725_000_000_000_000
    sources = {record.data["id"].split("/")[2] for batch in batches for record in batch.records}
    assert "did:plc:user1" in sources and all(batch.source == "sky" for batch in batches)
