"""The Hacker News source against a real HTTP server on 127.0.0.1 that answers like the Algolia
search API (``/api/v1/search_by_date``; hits with objectID, created_at_i, title or comment_text,
author, points, num_comments, parent_id; nbPages), as its documentation describes it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from ascua.config import BrandConfig
from ascua.sources.base import SourceContext
from ascua.sources.hackernews import HackerNewsOptions, HackerNewsSource, hit_record

from .conftest import first_batches, local_http, reply

T = 1_767_607_200  # 2026-01-05 10:00 UTC


@dataclass
class Algolia:
    base: str = ""
    hits: list[dict[str, Any]] = field(default_factory=list)
    asked: list[dict[str, list[str]]] = field(default_factory=list)
    mode: str = "ok"  # ok | busy | broken
    page_size: int = 2


@pytest.fixture
def algolia() -> Iterator[Algolia]:
    state = Algolia()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            query = parse_qs(urlsplit(self.path).query)
            state.asked.append(query)
            if state.mode == "busy":
                state.mode = "ok"
                self.send_response(429)
                self.send_header("Retry-After", "1")
                self.end_headers()
                return
            if state.mode == "broken":
                body = b"<html>502 Bad Gateway</html>"
            else:
                since = int(query["numericFilters"][0].split(">=")[1])
                matching = sorted((h for h in state.hits if h["created_at_i"] >= since and
                                   query["query"][0].lower() in json.dumps(h).lower()),
                                  key=lambda h: -h["created_at_i"])  # fmt: skip
                page = int(query.get("page", ["0"])[0])
                size = state.page_size
                pages = max(1, -(-len(matching) // size))
                body = json.dumps({"hits": matching[page * size : (page + 1) * size], "nbPages": pages,
                                   "page": page, "hitsPerPage": size}).encode()  # fmt: skip
            reply(self, body, "application/json")

        def log_message(self, *args: object) -> None:
            pass

    with local_http(Handler) as base:
        state.base = base
        yield state


def story(item: int, at: int, title: str) -> dict[str, Any]:
    return {"objectID": str(item), "created_at_i": at, "title": title, "author": "pg", "points": 12,
            "num_comments": 3, "url": "https://blog.example/post", "_tags": ["story"]}  # fmt: skip


def comment(item: int, at: int, text: str, parent: int) -> dict[str, Any]:
    return {"objectID": str(item), "created_at_i": at, "comment_text": text, "author": "dang", "parent_id": parent,
            "story_title": "Vuelaya", "_tags": ["comment"]}  # fmt: skip


def _source(base: str, **options: Any) -> HackerNewsSource:
    brands = (BrandConfig(id="vuelaya", name="Vuelaya", query="vuelaya"),)
    settings = HackerNewsOptions(base_url=base, every=1, since=10**9, **options)
    return HackerNewsSource("hn", settings, SourceContext(zone=UTC, batch_size=500, brands=brands))


def test_pages_of_hits_become_mentions_once_each_across_restarts(algolia: Algolia) -> None:
    algolia.hits = [
        story(1, T, "Vuelaya cancels 40 flights"),
        comment(2, T + 60, "<p>Vuelaya left us <i>stranded</i> &amp; no refund <script>x</script></p>", 1),
        comment(3, T + 60, "Same with Vuelaya in Madrid", 1),
        story(4, T + 120, "Unrelated: a new database"),
    ]
    first, second = asyncio.run(first_batches(_source(algolia.base), None, 2))
    assert [r.data["id"] for r in first.records] == ["1", "2", "3"]  # oldest first; page 1 and 2 of 2
    assert {int(q["page"][0]) for q in algolia.asked[:2]} == {0, 1} and algolia.asked[0]["query"] == ["Vuelaya"]
    one, two, _three = (r.data for r in first.records)
    assert one["url"] == "https://news.ycombinator.com/item?id=1" and one["metrics"] == {"likes": 12, "replies": 3}
    assert two["text"] == "Vuelaya left us stranded & no refund" and two["in_reply_to"] == "1"
    assert two["author"] == {"handle": "dang"} and two["created_at"] == "2026-01-05T10:01:00Z"
    assert second.records == []  # asked again from the newest second: the two at T+60 are not repeated
    algolia.hits.append(comment(5, T + 60, "Vuelaya again, same minute", 1))
    algolia.hits.append(comment(6, T + 300, "Vuelaya apologised", 1))
    (third,) = asyncio.run(first_batches(_source(algolia.base), second.cursor, 1))
    assert [r.data["id"] for r in third.records] == ["5", "6"]


def test_a_busy_server_and_a_broken_answer_are_errors_the_source_survives(algolia: Algolia) -> None:
    algolia.hits = [story(1, T, "Vuelaya")]
    algolia.mode = "busy"
    busy, recovered = asyncio.run(first_batches(_source(algolia.base), None, 2))
    assert busy.error is not None and "slow down (429)" in busy.error and "«Vuelaya»" in busy.error
    assert [r.data["id"] for r in recovered.records] == ["1"]
    algolia.mode = "broken"
    (broken,) = asyncio.run(first_batches(_source(algolia.base), None, 1))
    assert broken.error is not None and "not the search API's JSON" in broken.error


def test_hits_without_id_time_or_text_are_skipped() -> None:
    assert hit_record({"created_at_i": T, "title": "x"}) is None
    assert hit_record({"objectID": "9", "title": "x"}) is None
    assert hit_record({"objectID": "9", "created_at_i": T, "comment_text": "<p> </p>"}) is None
    kept = hit_record({"objectID": "9", "created_at_i": T, "title": "Vuelaya", "points": "many"})
    assert kept is not None and kept["metrics"] == {} and "author" not in kept
