"""The Graph source (Facebook Page and Instagram Business comments) against a real HTTP server
on 127.0.0.1 answering as the Graph API reference describes: ``/{page}/posts`` and
``/{post}/comments`` (id, message, created_time as ``2026-03-02T09:41:00+0000``, from {id,
name}, like_count, comment_count, parent, permalink_url; ``since``; ``paging.next`` with the
whole address), ``/{ig-user}/media`` and ``/{media}/comments`` (id, text, timestamp, username,
replies), errors in the body (code 190: a bad token, code 4: too many calls)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from ascua.sources.base import SourceContext
from ascua.sources.graph import GraphOptions, GraphSource

from .conftest import first_batches, local_http, reply

T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=5)
TOKEN = "EAAG-page-token-secret"
CONTEXT = SourceContext(zone=UTC, batch_size=500)


def _fb_time(minutes: int) -> str:
    return (T0 + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%S+0000")


@dataclass
class Graph:
    base: str = ""
    comments: list[dict[str, Any]] = field(default_factory=list)
    asked: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    mode: str = "ok"  # ok | busy | expired


@pytest.fixture
def graph() -> Iterator[Graph]:
    state = Graph()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {key: values[0] for key, values in parse_qs(parts.query).items()}
            path = parts.path.removeprefix("/v21.0")
            state.asked.append((path, query))
            if query.get("access_token") != TOKEN or state.mode == "expired":
                self._json({"error": {"message": "Error validating access token", "type": "OAuthException",
                                      "code": 190, "fbtrace_id": "x"}}, 400)  # fmt: skip
                return
            if state.mode == "busy":
                state.mode = "ok"
                self._json({"error": {"message": "(#4) Application request limit reached", "code": 4}}, 403)
                return
            if state.mode == "html":  # a proxy's error page instead of the API's JSON
                state.mode = "ok"
                reply(self, b"<html><body>502 Bad Gateway</body></html>", "text/html", 502)
                return
            if state.mode == "huge":
                state.mode = "ok"
                reply(self, b'{"data": [' + b'{"id": "x", "message": "' + b"a" * (9 * 1024 * 1024) + b'"}]}',
                      "application/json")  # fmt: skip
                return
            if path == "/1234/posts":
                self._json({"data": [{"id": "1234_1", "message": "Estamos revisando lo ocurrido con los vuelos.",
                                      "created_time": _fb_time(0), "from": {"id": "1234", "name": "Vuelaya"},
                                      "permalink_url": "https://www.facebook.com/1234/posts/1"}]})  # fmt: skip
            elif path == "/1234_1/comments":
                since = int(query.get("since", "0"))

                def when(c: dict[str, Any]) -> float:
                    return datetime.strptime(c["created_time"], "%Y-%m-%dT%H:%M:%S%z").timestamp()

                items = [c for c in state.comments if when(c) > since]
                items.sort(key=lambda c: c["created_time"], reverse=True)
                start = int(query.get("after", "0"))
                page = items[start : start + 2]
                body: dict[str, Any] = {"data": page}
                if start + 2 < len(items):
                    following = dict(query, after=str(start + 2))
                    body["paging"] = {"next": f"{state.base}/v21.0/1234_1/comments?" + "&".join(
                        f"{k}={v}" for k, v in following.items())}  # fmt: skip
                self._json(body)
            elif path == "/5678/media":
                self._json({"data": [{"id": "m1", "caption": "Nuevo destino: Lisboa", "timestamp": _fb_time(1),
                                      "permalink": "https://www.instagram.com/p/m1/", "username": "vuelaya",
                                      "like_count": 40, "comments_count": 2}]})  # fmt: skip
            elif path == "/m1/comments":
                self._json({"data": [{"id": "ic1", "text": "¿Y mi reembolso de marzo?", "timestamp": _fb_time(3),
                                      "username": "marta", "like_count": 5,
                                      "replies": {"data": [{"id": "ic2", "username": "vuelaya",
                                                            "text": "Te escribimos por privado, Marta",
                                                            "timestamp": _fb_time(4)}]}}]})  # fmt: skip
            else:
                self._json({"error": {"message": "Unsupported get request", "code": 100}}, 400)

        def _json(self, body: dict[str, Any], status: int = 200) -> None:
            reply(self, json.dumps(body).encode(), "application/json", status)

        def log_message(self, *args: Any) -> None:
            pass

    with local_http(Handler) as base:
        state.base = base
        yield state


def _comment(number: int, text: str, minutes: int, parent: str | None = None) -> dict[str, Any]:
    item = {"id": f"1234_1_{number}", "message": text, "created_time": _fb_time(minutes),
            "from": {"id": f"9{number}", "name": f"Persona {number}"}, "like_count": 1, "comment_count": 0,
            "permalink_url": f"https://www.facebook.com/1234/posts/1?comment_id={number}"}  # fmt: skip
    if parent:
        item["parent"] = {"id": parent}
    return item


def _source(base: str, **options: Any) -> GraphSource:
    values = {"access_token": TOKEN, "api_url": f"{base}/v21.0", "every": 1, **options}
    return GraphSource("meta", GraphOptions.model_validate(values), CONTEXT)


def test_page_comments_are_read_page_after_page_then_only_new_ones(graph: Graph) -> None:
    graph.comments = [_comment(i, f"Vuelaya, sin vuelo y sin respuesta {i}", minutes=10 + i) for i in range(5)]
    graph.comments.append(_comment(9, "Totalmente de acuerdo", 30, parent="1234_1_0"))
    (first,) = asyncio.run(first_batches(_source(graph.base, pages=["1234"]), None, 1))
    assert first.error is None, first.error
    ids = [r.data["id"] for r in first.records]
    assert ids[0] == "1234_1" and len(ids) == 7  # the page's post, then its comments, oldest first
    post, comment = first.records[0].data, first.records[1].data
    assert post["author"] == {"handle": "fb:1234", "name": "Vuelaya"} and "in_reply_to" not in post
    assert comment["in_reply_to"] == "1234_1" and comment["author"] == {"handle": "fb:90", "name": "Persona 0"}
    assert comment["created_at"].startswith((T0 + timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M"))
    assert first.records[-1].data["in_reply_to"] == "1234_1_0"  # a reply to a comment
    assert sum(1 for path, _ in graph.asked if path == "/1234_1/comments") == 3  # pages of 2
    graph.comments.append(_comment(20, "Vuelaya, ¿hay novedades?", 60))
    (second,) = asyncio.run(first_batches(_source(graph.base, pages=["1234"]), first.cursor, 1))
    assert [r.data["id"] for r in second.records] == ["1234_1_20"]
    since = [q for path, q in graph.asked if path == "/1234_1/comments"][-1]["since"]
    assert int(since) == int((T0 + timedelta(minutes=30)).timestamp())


def test_instagram_comments_and_replies(graph: Graph) -> None:
    (batch,) = asyncio.run(first_batches(_source(graph.base, instagram=["5678"]), None, 1))
    records = {r.data["id"]: r.data for r in batch.records}
    assert set(records) == {"m1", "ic1", "ic2"} and records["ic1"]["source"] == "instagram"
    assert records["ic1"]["in_reply_to"] == "m1" and records["ic2"]["in_reply_to"] == "ic1"
    assert records["ic1"]["author"] == {"handle": "@marta"} and records["m1"]["author"] == {"handle": "@vuelaya"}


def test_a_bad_token_and_too_many_calls_are_said_without_the_token(graph: Graph) -> None:
    (refused,) = asyncio.run(
        first_batches(_source(graph.base, pages=["1234"], access_token="EAAG-wrong-token"), None, 1)
    )
    assert refused.error is not None and "access token was refused (code 190)" in refused.error
    assert "EAAG" not in refused.error
    graph.mode = "busy"
    (busy,) = asyncio.run(first_batches(_source(graph.base, pages=["1234"]), None, 1))
    assert busy.error is not None and "slow down (code 4)" in busy.error and "next try in 600 s" in busy.error
    graph.mode = "html"
    (html,) = asyncio.run(first_batches(_source(graph.base, pages=["1234"]), None, 1))
    assert html.error is not None and "not JSON (502)" in html.error
    graph.mode = "huge"
    (huge,) = asyncio.run(first_batches(_source(graph.base, pages=["1234"]), None, 1))
    assert huge.error is not None and "larger than" in huge.error
    with pytest.raises(ValueError, match="is not an id"):
        GraphOptions(access_token=TOKEN, pages=["vuelaya"])
