"""RSS and Atom feeds: news sites, blogs, alert feeds (``type: feed`` in ``ascua.yaml``).

Each feed is fetched every ``every`` with a conditional GET (``If-None-Match`` /
``If-Modified-Since`` from its last answer), through httpx, and read by feedparser, which
knows RSS 0.9x/1.0/2.0, Atom and their many broken variants. Every new entry becomes a
mention (``source: rss``): its title and text without markup, its link, its author, its
time. The cursor keeps each feed's ETag, Last-Modified and the ids of its latest entries,
so a restart fetches nothing twice and misses nothing still in the feed.

A feed that fails (a timeout, a 5xx, a 429, a page that is not a feed, a body over
``max_bytes``) is tried again later with exponential backoff and jitter, honouring
``Retry-After``; meanwhile the source shows as unhealthy (``ascua status``) with the reason,
and the other feeds go on. Nothing is ever fetched from anywhere but the configured URLs.
"""

from __future__ import annotations

import hashlib
import logging
from calendar import timegm
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ascua.config import Duration
from ascua.model import Record, SourceBatch, iso_utc, utcnow
from ascua.sources.base import SourceContext
from ascua.sources.polling import FetchError, get, poll_forever

log = logging.getLogger(__name__)

SEEN_PER_FEED = 1000  # entry ids remembered per feed (feeds show their latest 10 to 100)
TEXT_LIMIT = 20_000


class FeedOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    urls: list[str] = Field(min_length=1, description="the feeds' addresses (http or https)")
    every: Duration = Field(300, ge=1, description="time between two fetches of a feed")
    timeout: float = Field(20.0, gt=0, le=300)
    max_bytes: int = Field(10_000_000, ge=1_000, le=200_000_000)

    @field_validator("urls")
    @classmethod
    def _urls(cls, value: list[str]) -> list[str]:
        for url in value:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"{url!r} is not an http(s) address")
        return list(dict.fromkeys(value))


def plain_text(html: str) -> str:
    """Text of an entry's (possibly HTML) title or summary: tags dropped, entities decoded."""
    from w3lib.html import remove_tags, remove_tags_with_content, replace_entities

    without = remove_tags_with_content(html, which_ones=("script", "style"))
    return " ".join(replace_entities(remove_tags(without)).split())


def entry_record(entry: Any, feed_title: str, url: str) -> dict[str, Any] | None:
    """One feed entry in Ascua's mention schema (``None`` for an entry with no text at all)."""
    title = plain_text(str(entry.get("title") or ""))
    summary = ""
    for content in entry.get("content") or ():
        summary = plain_text(str(content.get("value") or ""))
        if summary:
            break
    summary = summary or plain_text(str(entry.get("summary") or ""))
    if summary and title and not summary.startswith(title):
        text = f"{title}\n{summary}"
    else:
        text = summary or title
    text = text.strip()[:TEXT_LIMIT]
    if not text:
        return None
    link = str(entry.get("link") or "")
    native = str(entry.get("id") or link or "")
    if not native:
        native = hashlib.sha1(f"{url}\n{text}".encode(), usedforsecurity=False).hexdigest()
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    created = datetime.fromtimestamp(timegm(parsed), UTC) if parsed else utcnow()
    created = min(created, utcnow())  # a feed's clock ahead of ours is not news from the future
    author = str(entry.get("author") or "").strip() or feed_title
    record: dict[str, Any] = {
        "source": "rss",
        "id": native[:512],
        "created_at": iso_utc(created),
        "text": text,
        "author": {"name": author[:200]} if author else {},
        "raw": {"feed": url},
    }
    if link.startswith(("https://", "http://")):
        record["url"] = link
    return record


class FeedSource:
    """``type: feed`` in ``ascua.yaml``."""

    kind: ClassVar[str] = "feed"
    Options: ClassVar[type[BaseModel]] = FeedOptions

    def __init__(self, name: str, options: FeedOptions, context: SourceContext):
        self.name = name
        self.options = options
        self.context = context

    async def batches(self, cursor: dict[str, Any] | None) -> AsyncIterator[SourceBatch]:
        options = self.options
        saved = (cursor or {}).get("feeds") or {}
        states: dict[str, dict[str, Any]] = {url: dict(saved.get(url) or {}) for url in options.urls}
        async for batch in poll_forever(
            self.name, options.urls, states, self._poll, every=float(options.every), client_timeout=options.timeout,
            cursor_key="feeds", describe=lambda url: urlsplit(url).hostname or url,
        ):  # fmt: skip
            yield batch

    async def _poll(self, client: Any, url: str, state: dict[str, Any]) -> list[Record]:
        """Fetch one feed; its new entries as records. ``state`` is updated only on success."""
        import feedparser

        request_headers = {}
        if state.get("etag"):
            request_headers["If-None-Match"] = state["etag"]
        if state.get("modified"):
            request_headers["If-Modified-Since"] = state["modified"]
        response, body = await get(
            client, url, limit=self.options.max_bytes, waited=self.options.timeout, headers=request_headers
        )
        if response.status_code == 304:
            return []
        etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
        content_type = response.headers.get("Content-Type", "")
        parsed = feedparser.parse(bytes(body), response_headers={"content-type": content_type,
                                                                 "content-location": url})  # fmt: skip
        if not parsed.entries and (parsed.bozo or not parsed.get("version")):
            reason = type(parsed.get("bozo_exception")).__name__ if parsed.bozo else "no entries"
            raise FetchError(f"what it sends is not an RSS or Atom feed ({reason})")
        title = plain_text(str(parsed.feed.get("title") or "")) or (urlsplit(url).hostname or url)
        seen = list(state.get("seen") or [])
        known = set(seen)
        records = []
        for entry in parsed.entries:
            data = entry_record(entry, title, url)
            if data is None or data["id"] in known:
                continue
            known.add(data["id"])
            seen.append(data["id"])
            records.append(Record(data, f"feed {self.name} {url} entry {data['id'][:80]}"))
        state["seen"] = seen[-SEEN_PER_FEED:]
        state["etag"], state["modified"] = etag, modified
        return records
