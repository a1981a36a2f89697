"""The Mastodon source, through Mastodon.py, against a real HTTP server on 127.0.0.1 that answers
``/api/v1/timelines/tag/{tag}`` like an instance (Status entities as the API documentation
describes them: id, uri, url, created_at, content as HTML, spoiler_text, language, account,
counts; ``min_id`` for what is newer, ``limit``; 429 with X-RateLimit-Reset)."""

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

from ascua.sources.base import SourceContext
from ascua.sources.mastodon import MastodonOptions, MastodonSource, status_record

from .conftest import first_batches, local_http, reply

T0 = datetime(2026, 1, 5, 10, tzinfo=UTC)


def status(number: int, text: str, *, acct: str = "lucia", minutes: int = 0) -> dict[str, Any]:
    return {
        "id": str(1000 + number), "uri": f"https://social.example/users/{acct}/statuses/{1000 + number}",
        "url": f"https://social.example/@{acct}/{1000 + number}",
        "created_at": (T0 + timedelta(minutes=minutes)).isoformat().replace("+00:00", ".000Z"),
        "content": text, "spoiler_text": "", "language": "es", "visibility": "public", "sensitive": False,
        "favourites_count": 2, "reblogs_count": 1, "replies_count": 0,
        "account": {"id": "7", "username": acct, "acct": acct, "display_name": "Lucía", "followers_count": 120,
                    "created_at": "2019-04-02T00:00:00.000Z", "url": f"https://social.example/@{acct}"},
    }  # fmt: skip


@dataclass
class Instance:
    base: str = ""
    statuses: list[dict[str, Any]] = field(default_factory=list)
    asked: list[dict[str, Any]] = field(default_factory=list)
    mode: str = "ok"  # ok | busy | down
    events: list[bytes] = field(default_factory=list)  # what the streaming API sends, once per connection
    streams: list[dict[str, Any]] = field(default_factory=list)


@pytest.fixture
def instance() -> Iterator[Instance]:
    state = Instance()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {key: values[0] for key, values in parse_qs(parts.query).items()}
            if parts.path.startswith("/api/v2/instance"):  # Mastodon.py asks what the instance is, once
                self._json(
                    {"domain": "social.example", "title": "Social", "version": "4.3.2", "api_versions": {"mastodon": 2}}
                )  # as 4.3 and later answer
                return
            if parts.path == "/api/v2/search":  # full-text search: statuses newest first, min_id, type
                state.asked.append({"path": parts.path, **query, "auth": self.headers.get("Authorization")})
                if not self.headers.get("Authorization"):
                    self.send_response(401)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(b'{"error": "Search queries require authentication"}')
                    return
                words = query.get("q", "").lower()
                found = [s for s in state.statuses if words in s["content"].lower()
                         and int(s["id"]) > int(query.get("min_id", "0"))]  # fmt: skip
                self._json({"accounts": [], "hashtags": [], "statuses": sorted(found, key=lambda s: -int(s["id"]))})
                return
            if parts.path.rstrip("/") == "/api/v1/instance":  # where the streaming API is (here: the same server)
                self._json({"uri": "social.example", "version": "4.3.2", "urls": {"streaming_api": state.base}})
                return
            if parts.path == "/api/v1/streaming/hashtag":  # server-sent events, then the connection ends
                state.streams.append({**query, "auth": self.headers.get("Authorization")})
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                events, state.events = state.events, []
                for event in events:
                    self.wfile.write(event)
                    self.wfile.flush()
                time.sleep(0.5)
                return
            state.asked.append({"path": parts.path, **query, "auth": self.headers.get("Authorization")})
            if state.mode == "busy":
                state.mode = "ok"
                self.send_response(429)
                self.send_header("X-RateLimit-Limit", "300")
                self.send_header("X-RateLimit-Remaining", "0")
                self.send_header("X-RateLimit-Reset", (datetime.now(UTC) + timedelta(seconds=1)).isoformat())
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"error": "Too many requests"}')
                return
            if state.mode == "down":
                self.send_response(500)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"error": "boom"}')
                return
            newer = [s for s in state.statuses if int(s["id"]) > int(query.get("min_id", "0"))]
            newer.sort(key=lambda s: int(s["id"]))
            limit = int(query.get("limit", "20"))
            page = newer[:limit] if "min_id" in query else newer[-limit:]
            self._json(sorted(page, key=lambda s: -int(s["id"])))  # newest first, as instances answer

        def _json(self, data: Any) -> None:
            reply(self, json.dumps(data).encode(), "application/json; charset=utf-8")

        def log_message(self, *args: object) -> None:
            pass

    with local_http(Handler) as base:
        state.base = base
        yield state


def _source(base: str, **options: Any) -> MastodonSource:
    settings = MastodonOptions(instances=[base], hashtags=["vuelaya"], every=1, timeout=5, **options)
    return MastodonSource("fedi", settings, SourceContext(zone=UTC, batch_size=500))


def test_the_hashtag_timeline_newest_first_pages_and_restarts_store_each_post_once(instance: Instance) -> None:
    instance.statuses = [
        status(1, "<p>Vuelaya me canceló el vuelo <a href='https://x.example'>#vuelaya</a></p>"),
        status(2, "<p>Otra vez &lt;b&gt;sin aviso&lt;/b&gt; <script>alert(1)</script></p>", acct="ana@other.example"),
    ]
    first, second = asyncio.run(first_batches(_source(instance.base, access_token="tok-123"), None, 2))
    assert [r.data["id"] for r in first.records] == [
        "https://social.example/users/lucia/statuses/1001",
        "https://social.example/users/ana@other.example/statuses/1002",
    ]
    one, two = (r.data for r in first.records)
    assert one["text"] == "Vuelaya me canceló el vuelo #vuelaya" and one["lang"] == "es"
    host = urlsplit(instance.base).hostname
    assert one["author"]["handle"] == f"lucia@{host}" and one["author"]["followers"] == 120
    assert two["author"]["handle"] == "ana@other.example" and "<script>" not in two["text"]
    assert one["metrics"] == {"likes": 2, "reposts": 1, "replies": 0}
    assert one["created_at"] == "2026-01-05T10:00:00Z"
    assert second.records == [] and instance.asked[1]["min_id"] == "1002"  # only what is newer
    assert (
        instance.asked[0]["path"] == "/api/v1/timelines/tag/vuelaya" and instance.asked[0]["auth"] == "Bearer tok-123"
    )
    # 45 new posts while the radar was stopped: two pages of 40, from the stored cursor
    instance.statuses += [status(n, f"Vuelaya {n}", minutes=n) for n in range(3, 48)]
    (third,) = asyncio.run(first_batches(_source(instance.base), second.cursor, 1))
    assert len(third.records) == 45 and third.records[0].data["text"] == "Vuelaya 3"
    assert third.records[-1].data["text"] == "Vuelaya 47"


def test_a_busy_instance_and_a_failing_one_are_errors_the_source_survives(instance: Instance) -> None:
    instance.statuses = [status(1, "Vuelaya")]
    instance.mode = "busy"
    busy, recovered = asyncio.run(first_batches(_source(instance.base), None, 2))
    assert busy.error is not None and "slow down (429)" in busy.error
    assert len(recovered.records) == 1 and recovered.error is None
    instance.mode = "down"
    (down,) = asyncio.run(first_batches(_source(instance.base), None, 1))
    assert down.error is not None and "answered 500" in down.error
    (dead,) = asyncio.run(first_batches(_source("http://127.0.0.1:9"), None, 1))
    assert dead.error is not None and "could not reach" in dead.error


def test_statuses_without_uri_time_or_text_are_skipped_and_options_are_checked() -> None:
    assert status_record({"created_at": T0, "content": "x"}, "https://i.example") is None
    assert status_record({"uri": "u", "content": "x"}, "https://i.example") is None
    assert status_record({"uri": "u", "created_at": T0, "content": "<p></p>"}, "https://i.example") is None
    warned = status_record({"uri": "u", "created_at": T0, "content": "texto", "spoiler_text": "CW: quejas"}, "x")
    assert warned is not None and warned["text"] == "CW: quejas\ntexto"
    with pytest.raises(ValueError, match="hashtag"):
        MastodonOptions(instances=["https://i.example"], hashtags=["not a tag"])
    with pytest.raises(ValueError, match="instance address"):
        MastodonOptions(instances=["mastodon.social"], hashtags=["vuelaya"])


def test_the_streaming_api_brings_posts_as_they_are_published(
    instance: Instance, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ascua.sources.mastodon as module

    monkeypatch.setattr(module, "STREAM_RECONNECT", 1)
    instance.statuses = [status(1, "Vuelaya, primera")]
    live = json.dumps(status(7, "<p>Vuelaya en directo</p>", minutes=7))
    instance.events = [b":thump\n\n", f"event: update\ndata: {live}\n\n".encode(),
                       b"event: delete\ndata: 1001\n\n"]  # fmt: skip
    source = _source(instance.base, access_token="tok-123", stream=True)

    async def collect() -> list[Any]:
        found = []
        async for batch in source.batches(None):
            found.append(batch)
            texts = [r.data["text"] for b in found for r in b.records]
            if "Vuelaya en directo" in texts and "Vuelaya, primera" in texts:
                break
        return found

    batches = asyncio.run(asyncio.wait_for(collect(), 30))
    live_batch = next(b for b in batches if any(r.data["text"] == "Vuelaya en directo" for r in b.records))
    assert live_batch.records[0].origin.startswith("mastodon fedi stream")
    assert instance.streams[0]["tag"] == "vuelaya" and instance.streams[0]["auth"] == "Bearer tok-123"
    assert "timelines" in batches[-1].cursor  # the timelines' cursor goes on alongside the stream


def test_full_text_search_needs_a_token_and_reads_only_what_is_newer(instance: Instance) -> None:
    instance.statuses = [status(1, "<p>Vuelaya perdió mi maleta</p>"), status(2, "<p>hoy llueve</p>")]
    settings = MastodonOptions(instances=[instance.base], searches=["maleta"], every=1, timeout=5)
    source = MastodonSource("fedi", settings, SourceContext(zone=UTC, batch_size=500))
    assert source.targets == [f"{instance.base} ?maleta"]
    (refused,) = asyncio.run(first_batches(source, None, 1))
    assert refused.error is not None and "401" in refused.error
    with_token = MastodonSource("fedi", settings.model_copy(update={"access_token": "tok"}),
                                SourceContext(zone=UTC, batch_size=500))  # fmt: skip
    first, second = asyncio.run(first_batches(with_token, None, 2))
    assert [r.data["text"] for r in first.records] == ["Vuelaya perdió mi maleta"]
    search = [a for a in instance.asked if a["path"] == "/api/v2/search"]
    assert search[-2]["type"] == "statuses" and search[-1]["min_id"] == "1001" and second.records == []
    with pytest.raises(ValueError, match="hashtags to follow, searches, or both"):
        MastodonOptions(instances=[instance.base])
