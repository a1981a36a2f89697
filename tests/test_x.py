"""The X source against a real HTTP server on 127.0.0.1 answering as the API v2 reference
describes: ``/2/tweets/search/recent`` (``data`` posts with id, text, created_at, author_id,
lang, public_metrics, referenced_tweets; ``includes.users``; ``meta`` with newest_id and
next_token; ``since_id``), 429 with ``x-rate-limit-reset``, 401 for a wrong bearer token, and
the filtered stream ``/2/tweets/search/stream`` (one JSON object per line, ``\\r\\n``
keep-alives, a line that is not JSON, a connection that ends) with its rules endpoint."""

from __future__ import annotations

import asyncio
import json
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
from ascua.sources.x import XOptions, XSource

from .conftest import first_batches, local_http, reply

T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=3)
CONTEXT = SourceContext(zone=UTC, batch_size=500, brands=(BrandConfig(id="vuelaya", name="Vuelaya", query="vuelaya"),))
TOKEN = "AAAA-test-bearer-token"


def _tweet(number: int, text: str, minutes: int = 0, **extra: Any) -> dict[str, Any]:
    return {"id": str(1_800_000_000_000_000_000 + number), "text": text, "author_id": f"{number % 3}",
            "created_at": (T0 + timedelta(minutes=minutes)).isoformat().replace("+00:00", ".000Z"), "lang": "es",
            "public_metrics": {"retweet_count": 4, "reply_count": 1, "like_count": 9, "quote_count": 0,
                               "impression_count": 300}, **extra}  # fmt: skip


USERS = [{"id": str(i), "username": f"persona{i}", "name": f"Persona {i}",
          "public_metrics": {"followers_count": 10 * i}, "created_at": "2020-01-01T00:00:00.000Z"}
         for i in range(3)]  # fmt: skip


@dataclass
class Api:
    base: str = ""
    tweets: list[dict[str, Any]] = field(default_factory=list)
    asked: list[dict[str, str]] = field(default_factory=list)
    rules: list[dict[str, str]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    stream: list[bytes] = field(default_factory=list)
    mode: str = "ok"  # ok | busy


@pytest.fixture
def api() -> Iterator[Api]:
    state = Api()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _authorized(self) -> bool:
            if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                problem = b'{"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"}'
                reply(self, problem,
                      "application/problem+json", 401)  # fmt: skip
                return False
            return True

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {key: values[0] for key, values in parse_qs(parts.query).items()}
            if not self._authorized():
                return
            if parts.path == "/2/tweets/search/stream/rules":
                reply(self, json.dumps({"data": state.rules, "meta": {"result_count": len(state.rules)}}).encode(),
                      "application/json")  # fmt: skip
                return
            if parts.path == "/2/tweets/search/stream":
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for line in state.stream:  # each object (or keep-alive) ends with \r\n, in its own chunk
                    chunk = line + b"\r\n"
                    self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                    self.wfile.flush()
                self.wfile.write(b"0\r\n\r\n")  # the stream ends
                return
            state.asked.append(query)
            if state.mode == "busy":
                state.mode = "ok"
                reply(self, b'{"title": "Too Many Requests", "status": 429}', "application/json", 429,
                      x_rate_limit_reset=str(int(time.time()) + 1), x_rate_limit_remaining="0")  # fmt: skip
                return
            since = int(query.get("since_id", "0"))
            newest_first = sorted((t for t in state.tweets if int(t["id"]) > since), key=lambda t: -int(t["id"]))
            start = int(query.get("next_token", "0"))
            size = int(query.get("max_results", "10"))
            page = newest_first[start : start + size]
            meta: dict[str, Any] = {"result_count": len(page)}
            if page:
                meta |= {"newest_id": page[0]["id"], "oldest_id": page[-1]["id"]}
            if start + size < len(newest_first):
                meta["next_token"] = str(start + size)
            body = {"data": page, "includes": {"users": USERS}, "meta": meta} if page else {"meta": meta}
            reply(self, json.dumps(body).encode(), "application/json")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            payload = json.loads(self.rfile.read(length))
            if not self._authorized():
                return
            state.changes.append(payload)
            for rule in payload.get("add", []):
                state.rules.append({"id": str(len(state.rules) + 100), **rule})
            deleted = set(payload.get("delete", {}).get("ids", []))
            state.rules = [rule for rule in state.rules if rule["id"] not in deleted]
            reply(self, b'{"meta": {"summary": {}}}', "application/json")

        def log_message(self, *args: Any) -> None:
            pass

    with local_http(Handler) as base:
        state.base = base
        yield state


def _source(base: str, **options: Any) -> XSource:
    values = {"bearer_token": TOKEN, "api_url": base, "every": 1, **options}
    return XSource("x", XOptions.model_validate(values), CONTEXT)


def test_recent_search_pages_and_since_id(api: Api) -> None:
    api.tweets = [_tweet(i, f"Vuelaya me perdió la maleta {i}", minutes=i) for i in range(3)]
    api.tweets.append(
        _tweet(9, "RT Vuelaya", minutes=9, referenced_tweets=[{"type": "retweeted", "id": api.tweets[0]["id"]}])
    )
    (first,) = asyncio.run(first_batches(_source(api.base), None, 1))
    assert first.error is None, first.error
    ids = [r.data["id"] for r in first.records]
    assert ids == sorted(ids) and len(ids) == 4
    data = first.records[0].data
    assert data["author"] == {"handle": "@persona0", "name": "Persona 0", "followers": 0,
                              "created_at": "2020-01-01T00:00:00.000Z"}  # fmt: skip
    assert data["url"] == f"https://x.com/persona0/status/{ids[0]}" and data["metrics"]["views"] == 300
    assert first.records[-1].data["repost_of"] == ids[0]
    assert api.asked[0]["query"] == "Vuelaya" and "since_id" not in api.asked[0]
    assert "author_id" in api.asked[0]["expansions"] and "public_metrics" in api.asked[0]["tweet.fields"]
    api.tweets += [_tweet(100 + i, f"Vuelaya {i}", minutes=30 + i) for i in range(230)]
    (second,) = asyncio.run(first_batches(_source(api.base), first.cursor, 1))
    assert api.asked[1]["since_id"] == first.cursor["searches"]["Vuelaya"]["since_id"] == api.tweets[3]["id"]
    assert len(second.records) == 230 and api.asked[-1].get("next_token") == "200"


def test_429_waits_and_a_wrong_token_is_said_without_the_token(api: Api) -> None:
    api.tweets = [_tweet(1, "Vuelaya 1")]
    api.mode = "busy"
    busy, ok = asyncio.run(first_batches(_source(api.base), None, 2))
    assert busy.error is not None and "slow down (429)" in busy.error and "next try in 1 s" in busy.error
    assert ok.error is None and len(ok.records) == 1
    (refused,) = asyncio.run(first_batches(_source(api.base, bearer_token="wrong-token-123"), None, 1))
    assert refused.error is not None and "401" in refused.error and "wrong-token" not in refused.error


def test_the_filtered_stream_keeps_its_rules_and_reads_line_by_line(api: Api) -> None:
    api.rules = [{"id": "1", "value": "old query", "tag": "ascua"}, {"id": "2", "value": "someone else's", "tag": "x"}]
    users = {"users": USERS}
    api.stream = [
        json.dumps({"data": _tweet(1, "Vuelaya canceló mi vuelo"), "includes": users,
                    "matching_rules": [{"id": "100", "tag": "ascua"}]}).encode(),
        b"",  # a keep-alive
        b"{not json",
        json.dumps({"data": _tweet(2, "Vuelaya, ¿y mi reembolso?"), "includes": users}).encode(),
    ]  # fmt: skip
    source = _source(api.base, search=False, stream=True)

    async def collect() -> list[Any]:
        found = []
        async for batch in source.batches(None):
            found.append(batch)
            if batch.error:
                break
        return found

    batches = asyncio.run(asyncio.wait_for(collect(), 30))
    records = [r.data for b in batches for r in b.records]
    assert [r["text"] for r in records] == ["Vuelaya canceló mi vuelo", "Vuelaya, ¿y mi reembolso?"]
    assert any("not JSON" in p.message for b in batches for p in b.problems)
    assert "the stream ended" in batches[-1].error and "reconnecting" in batches[-1].error
    assert {rule["value"] for rule in api.rules} == {"Vuelaya", "someone else's"}  # ours only, in step
    assert api.changes[0] == {"delete": {"ids": ["1"]}} and api.changes[1]["add"] == [
        {"value": "Vuelaya", "tag": "ascua"}
    ]
