"""The Reddit source, through praw, against a real HTTP server on 127.0.0.1 that answers as
Reddit's API documents it: ``POST /api/v1/access_token`` (application-only OAuth, HTTP basic
auth with the app's id and secret), Listings (``{"kind": "Listing", "data": {"after",
"children": [{"kind": "t3"|"t1", "data": {...}}]}}``) at ``/r/all/search``, ``/r/{sub}/new`` and
``/r/{sub}/comments``, ``after`` for the next page, 429 with ``x-ratelimit-reset``, 401 for
wrong credentials. Fields of a post and a comment as the API returns them (name, id, title,
selftext, body, author, created_utc, permalink, score, num_comments, parent_id, subreddit)."""

from __future__ import annotations

import asyncio
import base64
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from ascua.config import BrandConfig
from ascua.sources.base import SourceContext
from ascua.sources.reddit import RedditOptions, RedditSource

from .conftest import first_batches, local_http, reply

NOW = time.time() - 3600
BRANDS = (BrandConfig(id="vuelaya", name="Vuelaya", query="vuelaya"),)
CONTEXT = SourceContext(zone=UTC, batch_size=500, brands=BRANDS)


def _post(number: int, title: str, seconds: int = 0, body: str = "") -> dict[str, Any]:
    return {"kind": "t3", "data": {
        "name": f"t3_p{number}", "id": f"p{number}", "title": title, "selftext": body, "author": f"user{number}",
        "created_utc": NOW + seconds, "permalink": f"/r/spain/comments/p{number}/x/", "score": 12,
        "num_comments": 3, "subreddit": "spain",
        "url": f"https://www.reddit.com/r/spain/comments/p{number}/x/"}}  # fmt: skip


def _comment(number: int, body: str, seconds: int = 0) -> dict[str, Any]:
    return {"kind": "t1", "data": {
        "name": f"t1_c{number}", "id": f"c{number}", "body": body, "author": "[deleted]" if number < 0 else "ana",
        "created_utc": NOW + seconds, "permalink": f"/r/spain/comments/p1/x/c{number}/", "score": 2,
        "parent_id": "t3_p1", "link_id": "t3_p1", "subreddit": "spain"}}  # fmt: skip


@dataclass
class Api:
    base: str = ""
    posts: list[dict[str, Any]] = field(default_factory=list)
    comments: list[dict[str, Any]] = field(default_factory=list)
    asked: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    mode: str = "ok"  # ok | busy | refused


@pytest.fixture
def api() -> Iterator[Api]:
    state = Api()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            expected = "Basic " + base64.b64encode(b"app-id:app-secret").decode()
            if self.path != "/api/v1/access_token" or self.headers.get("Authorization") != expected:
                reply(self, b'{"error": 401}', "application/json", 401)
                return
            reply(self, json.dumps({"access_token": "tok", "token_type": "bearer", "expires_in": 86400,
                                    "scope": "*"}).encode(), "application/json")  # fmt: skip

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            path = parts.path.rstrip("/")  # praw asks for /r/all/search/
            query = {key: values[0] for key, values in parse_qs(parts.query).items()}
            state.asked.append((path, query))
            if self.headers.get("Authorization") != "bearer tok":
                reply(self, b'{"message": "Unauthorized", "error": 401}', "application/json", 401)
                return
            if state.mode == "busy":
                state.mode = "ok"
                reply(self, b'{"message": "Too Many Requests", "error": 429}', "application/json", 429,
                      x_ratelimit_reset="1", x_ratelimit_remaining="0", x_ratelimit_used="100")  # fmt: skip
                return
            if path in ("/r/all/search", "/r/spain/new"):
                items = sorted(state.posts, key=lambda item: -item["data"]["created_utc"])
            elif path == "/r/spain/comments":
                items = sorted(state.comments, key=lambda item: -item["data"]["created_utc"])
            else:
                reply(self, b'{"error": 404}', "application/json", 404)
                return
            start = 0
            if "after" in query:
                start = next(i for i, item in enumerate(items) if item["data"]["name"] == query["after"]) + 1
            size = min(int(query.get("limit", "25")), 100)
            page = items[start : start + size]
            after = page[-1]["data"]["name"] if start + size < len(items) and page else None
            body = {"kind": "Listing", "data": {"after": after, "before": None, "dist": len(page), "children": page}}
            reply(self, json.dumps(body).encode(), "application/json")

        def log_message(self, *args: Any) -> None:
            pass

    with local_http(Handler) as base:
        state.base = base
        yield state


def _source(base: str, **options: Any) -> RedditSource:
    values = {"client_id": "app-id", "client_secret": "app-secret", "api_url": base, "auth_url": base, "every": 1,
              **options}  # fmt: skip
    return RedditSource("rd", RedditOptions.model_validate(values), CONTEXT)


def test_search_reads_new_posts_once_page_after_page(api: Api) -> None:
    api.posts = [_post(i, f"Vuelaya perdió mi maleta {i}", seconds=i) for i in range(3)]
    (first,) = asyncio.run(first_batches(_source(api.base), None, 1))
    assert first.error is None, first.error
    assert [r.data["id"] for r in first.records] == ["t3_p0", "t3_p1", "t3_p2"]  # oldest first
    data = first.records[0].data
    assert data["text"] == "Vuelaya perdió mi maleta 0" and data["author"]["handle"] == "u/user0"
    assert data["url"] == "https://www.reddit.com/r/spain/comments/p0/x/"
    assert data["metrics"] == {"likes": 12, "replies": 3}
    path, query = api.asked[0]
    assert path == "/r/all/search" and query["q"] == "Vuelaya" and query["sort"] == "new"
    # 250 new ones: read across pages, and nothing read before comes again
    api.posts += [_post(100 + i, f"Vuelaya otra vez {i}", seconds=100 + i) for i in range(250)]
    (second,) = asyncio.run(first_batches(_source(api.base), first.cursor, 1))
    ids = [r.data["id"] for r in second.records]
    assert len(ids) == 250 and "t3_p2" not in ids and ids[0] == "t3_p100"
    assert any("after" in q for p, q in api.asked[1:])


def test_subreddit_posts_and_comments_and_a_deleted_author(api: Api) -> None:
    api.posts = [_post(1, "Vuelaya: ¿alguien más sin vuelo?", body="Desde ayer en Barajas.")]
    api.comments = [_comment(1, "A mí también, Vuelaya no contesta"), _comment(-2, "[deleted]", seconds=5),
                    _comment(-3, "sin autor", seconds=9)]  # fmt: skip
    source = _source(api.base, subreddits=["r/spain"])
    assert source.targets == ["r/spain posts", "r/spain comments"]  # listed subreddits only: no search
    posts, comments = asyncio.run(first_batches(source, None, 2))
    assert posts.records[0].data["text"] == "Vuelaya: ¿alguien más sin vuelo?\nDesde ayer en Barajas."
    assert [r.data["id"] for r in comments.records] == ["t1_c1", "t1_c-3"]  # the deleted one is not a mention
    assert comments.records[0].data["in_reply_to"] == "t3_p1"
    assert "author" not in comments.records[1].data  # its author deleted their account: unknown, not "[deleted]"


def test_429_waits_and_wrong_credentials_say_so(api: Api) -> None:
    api.posts = [_post(1, "Vuelaya 1")]
    api.mode = "busy"
    busy, ok = asyncio.run(first_batches(_source(api.base), None, 2))
    assert busy.error is not None and "slow down (429)" in busy.error
    assert ok.error is None and len(ok.records) == 1
    (refused,) = asyncio.run(first_batches(_source(api.base, client_secret="wrong"), None, 1))
    assert refused.error is not None and "credentials" in refused.error and "wrong" not in refused.error
    (down,) = asyncio.run(first_batches(_source("http://127.0.0.1:9", timeout=2), None, 1))
    assert down.error is not None and "could not reach Reddit" in down.error
