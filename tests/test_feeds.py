"""The RSS/Atom source against a real HTTP server on 127.0.0.1 serving real feeds: conditional
GET, new entries only, 429 with Retry-After, a page that is not a feed, a body too large,
a restart from the cursor, and the source's health in the store."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest

from ascua.config import Workspace
from ascua.model import SourceBatch
from ascua.sources.base import SourceContext
from ascua.sources.feeds import FeedOptions, FeedSource, entry_record

from .conftest import first_batches, local_http, reply, write_workspace

ITEM = """<item><title>{title}</title><link>https://news.example/{id}</link>
<guid isPermaLink="false">urn:news:{id}</guid><pubDate>Mon, 05 Jan 2026 10:{minute:02d}:00 GMT</pubDate>
<description>{body}</description></item>"""


def rss(items: list[dict[str, Any]]) -> bytes:
    entries = "".join(ITEM.format(**item) for item in items)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Diario Ejemplo</title>'
        f"<link>https://news.example/</link><description>news</description>{entries}</channel></rss>"
    ).encode()


@dataclass
class FeedServer:
    base: str = ""
    items: list[dict[str, Any]] = field(default_factory=list)
    requests: list[dict[str, str | None]] = field(default_factory=list)
    mode: str = "ok"  # ok | busy | html | huge | down

    @property
    def etag(self) -> str:
        return f'"v{len(self.items)}"'


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    state = FeedServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append({"path": self.path, "if_none_match": self.headers.get("If-None-Match")})
            if state.mode == "busy":
                self.send_response(429)
                self.send_header("Retry-After", "1")
                self.end_headers()
                return
            if state.mode == "down":
                self.send_response(502)
                self.end_headers()
                return
            if state.mode == "html":
                body = b"<html><body><h1>Mantenimiento</h1></body></html>"
                content_type = "text/html"
            elif state.mode == "huge":
                body = rss([]) + b" " * 3_000_000
                content_type = "application/rss+xml"
            else:
                if self.headers.get("If-None-Match") == state.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                body, content_type = rss(state.items), "application/rss+xml; charset=utf-8"
            reply(self, body, content_type, ETag=state.etag)

        def log_message(self, *args: object) -> None:
            pass

    with local_http(Handler) as base:
        state.base = base
        yield state


def _source(url: str, **options: Any) -> FeedSource:
    return FeedSource("news", FeedOptions(urls=[url], every=1, **options), SourceContext(zone=UTC, batch_size=500))


def test_new_entries_once_each_with_a_conditional_get_and_a_restart_from_the_cursor(feed_server: FeedServer) -> None:
    markup = "&lt;p&gt;Pasajeros &lt;b&gt;tirados&lt;/b&gt;&lt;/p&gt;"
    hostile = "&lt;script&gt;alert(1)&lt;/script&gt;Qué vergüenza, Vuelaya 😡"
    feed_server.items = [
        {"id": 1, "minute": 0, "title": "Vuelaya cancela 40 vuelos", "body": markup},
        {"id": 2, "minute": 5, "title": "Opinión", "body": hostile},
    ]
    source = _source(f"{feed_server.base}/rss")
    first, second = asyncio.run(first_batches(source, None, 2))
    assert [r.data["id"] for r in first.records] == ["urn:news:1", "urn:news:2"] and first.error is None
    one, two = (r.data for r in first.records)
    assert one["text"] == "Vuelaya cancela 40 vuelos\nPasajeros tirados" and one["source"] == "rss"
    assert one["url"] == "https://news.example/1" and one["created_at"] == "2026-01-05T10:00:00Z"
    assert two["text"] == "Opinión\nQué vergüenza, Vuelaya 😡"  # the script and its content are gone
    assert second.records == [] and feed_server.requests[1]["if_none_match"] == '"v2"'  # 304: nothing new
    # a new entry appears; a restart from the stored cursor takes only it
    feed_server.items.append({"id": 3, "minute": 9, "title": "Vuelaya pide disculpas", "body": "Comunicado"})
    (third,) = asyncio.run(first_batches(_source(f"{feed_server.base}/rss"), second.cursor, 1))
    assert [r.data["id"] for r in third.records] == ["urn:news:3"]


def test_a_busy_server_a_page_that_is_not_a_feed_and_a_huge_body_are_errors_the_source_survives(
    feed_server: FeedServer,
) -> None:
    feed_server.items = [{"id": 1, "minute": 0, "title": "Vuelaya", "body": "ok"}]
    feed_server.mode = "busy"

    async def run() -> list[SourceBatch]:
        batches = []
        source = _source(f"{feed_server.base}/rss")
        async for batch in source.batches(None):
            batches.append(batch)
            if len(batches) == 1:
                feed_server.mode = "ok"  # the next try, after Retry-After, succeeds
            if len(batches) == 2:
                break
        return batches

    busy, recovered = asyncio.run(run())
    assert busy.error is not None and "slow down (429)" in busy.error and busy.records == []
    assert [r.data["id"] for r in recovered.records] == ["urn:news:1"] and recovered.error is None
    feed_server.mode = "html"
    (page,) = asyncio.run(first_batches(_source(f"{feed_server.base}/rss"), None, 1))
    assert page.error is not None and "not an RSS or Atom feed" in page.error
    feed_server.mode = "huge"
    (huge,) = asyncio.run(first_batches(_source(f"{feed_server.base}/rss", max_bytes=1_000_000), None, 1))
    assert huge.error is not None and "larger than 1,000,000 bytes" in huge.error
    (dead,) = asyncio.run(first_batches(_source("http://127.0.0.1:9/rss", timeout=2), None, 1))
    assert dead.error is not None and "could not fetch" in dead.error


def test_an_entry_with_no_text_is_skipped_and_one_without_a_link_gets_a_stable_id() -> None:
    assert entry_record({"title": "  ", "summary": "<p></p>"}, "Feed", "https://f.example/rss") is None
    first = entry_record({"title": "Sin enlace", "summary": "texto"}, "Feed", "https://f.example/rss")
    again = entry_record({"title": "Sin enlace", "summary": "texto"}, "Feed", "https://f.example/rss")
    assert first is not None and again is not None and first["id"] == again["id"] and "url" not in first
    assert first["author"] == {"name": "Feed"}


def test_the_radar_stores_feed_entries_and_shows_an_outage_as_an_unhealthy_source(
    tmp_path: Any, feed_server: FeedServer
) -> None:
    import io

    from rich.console import Console

    from ascua.radar import Radar
    from ascua.runtime import RadarRun
    from ascua.status import workspace_status

    feed_server.items = [{"id": 1, "minute": 0, "title": "Vuelaya cancela vuelos", "body": "sin aviso"}]
    source = {"name": "news", "type": "feed", "urls": [f"{feed_server.base}/rss"], "every": "1s"}
    workspace: Workspace = write_workspace(tmp_path / "ws", sources=[source], web={"enabled": False})
    console = Console(file=io.StringIO(), width=200)
    with Radar.open(workspace) as radar:
        assert RadarRun(radar, console, console, web=False, duration=1.5).start() == 0
        status = workspace_status(workspace, radar.database)
    (news,) = status["sources"]
    assert news["healthy"] and news["mentions"] == 1 and news["errors"] == 0
    assert news["last_item_at"].isoformat() == "2026-01-05T10:00:00+00:00" and news["lag_seconds"] > 0
    assert status["counts"]["mentions"] == 1
    feed_server.mode = "down"
    with Radar.open(workspace) as radar:
        assert RadarRun(radar, console, console, web=False, duration=1.5).start() == 0
        status = workspace_status(workspace, radar.database)
    (news,) = status["sources"]
    assert not news["healthy"] and "answered 502" in news["last_error"] and news["mentions"] == 1
    assert news["errors"] >= 1  # every failed fetch is counted


def test_sources_check_tries_a_source_for_real_and_says_what_happened(tmp_path: Any, feed_server: FeedServer) -> None:
    import json

    from typer.testing import CliRunner

    from ascua.cli import app

    feed_server.items = [{"id": 1, "minute": 0, "title": "Vuelaya cancela vuelos", "body": "sin aviso"}]
    source = {"name": "news", "type": "feed", "urls": [f"{feed_server.base}/rss"], "every": "1m"}
    workspace = write_workspace(tmp_path / "ws", sources=[source], web={"enabled": False})
    runner = CliRunner()
    where = ["-w", str(workspace.root)]
    worked = runner.invoke(app, ["sources", "check", "news", *where])
    assert worked.exit_code == 0, worked.output
    assert "news (feed): works — 1 mentions fetched (nothing stored)" in worked.output
    assert "Vuelaya cancela vuelos" in worked.output
    data = json.loads(runner.invoke(app, ["sources", "check", "news", *where, "--json"]).output)
    assert data["ok"] is True and data["mentions"] == 1 and data["sample"][0]["url"] == "https://news.example/1"
    feed_server.mode = "down"
    failed = runner.invoke(app, ["sources", "check", "news", *where])
    assert failed.exit_code == 1 and "failed — 127.0.0.1: the server answered 502" in failed.output
    unknown = runner.invoke(app, ["sources", "check", "nothing", *where])
    assert unknown.exit_code == 2 and "no source 'nothing'" in unknown.output
    from ascua.radar import Radar

    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        from sqlalchemy import func, select

        from ascua.store.schema import mention

        assert connection.execute(select(func.count()).select_from(mention)).scalar() == 0  # nothing stored
