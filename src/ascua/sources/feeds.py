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

import asyncio
import hashlib
import logging
import random
import time
from calendar import timegm
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ascua import __version__
from ascua.config import Duration
from ascua.model import Record, SourceBatch, iso_utc, utcnow
from ascua.sources.base import SourceContext

log = logging.getLogger(__name__)

SEEN_PER_FEED = 1000  # entry ids remembered per feed (feeds show their latest 10 to 100)
MAX_BACKOFF = 3600.0
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


class FeedError(Exception):
    """A fetch that failed, in words, and how long to wait at least before the next one."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait, from a ``Retry-After`` header (seconds, or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - utcnow()).total_seconds())


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
        import httpx

        options = self.options
        saved = (cursor or {}).get("feeds") or {}
        feeds: dict[str, dict[str, Any]] = {url: dict(saved.get(url) or {}) for url in options.urls}
        failures = dict.fromkeys(options.urls, 0)
        due = dict.fromkeys(options.urls, 0.0)
        headers = {"User-Agent": f"Ascua/{__version__} (feed reader; +https://github.com/ascua)"}
        async with httpx.AsyncClient(timeout=options.timeout, follow_redirects=True, headers=headers) as client:
            while True:
                for url in options.urls:
                    if due[url] > time.monotonic():
                        continue
                    state = feeds[url]
                    try:
                        records = await self._poll(client, url, state)
                    except FeedError as error:
                        failures[url] += 1
                        wait = min(MAX_BACKOFF, min(float(options.every), 60.0) * 2 ** (failures[url] - 1))
                        wait = max(wait * random.uniform(0.8, 1.2), error.retry_after or 0.0)
                        due[url] = time.monotonic() + wait
                        message = f"{urlsplit(url).hostname}: {error} (next try in {wait:.0f} s)"
                        log.warning("feed source %s: %s", self.name, message)
                        yield SourceBatch(self.name, [], self._cursor(feeds), error=message)
                        continue
                    failures[url] = 0
                    due[url] = time.monotonic() + options.every
                    yield SourceBatch(self.name, records, self._cursor(feeds))
                wake = min(due.values()) - time.monotonic()
                await asyncio.sleep(min(max(wake, 0.05), float(options.every)))

    def _cursor(self, feeds: dict[str, dict[str, Any]]) -> dict[str, Any]:
        return {"feeds": {url: dict(state) for url, state in feeds.items()}}

    async def _poll(self, client: Any, url: str, state: dict[str, Any]) -> list[Record]:
        """Fetch one feed; its new entries as records. ``state`` is updated only on success."""
        import feedparser
        import httpx

        request_headers = {}
        if state.get("etag"):
            request_headers["If-None-Match"] = state["etag"]
        if state.get("modified"):
            request_headers["If-Modified-Since"] = state["modified"]
        try:
            async with client.stream("GET", url, headers=request_headers) as response:
                if response.status_code == 304:
                    return []
                if response.status_code in (429, 503):
                    raise FeedError(f"the server asks to slow down ({response.status_code})",
                                    _retry_after(response.headers.get("Retry-After")))  # fmt: skip
                if response.status_code >= 400:
                    raise FeedError(f"the server answered {response.status_code}")
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    body += chunk
                    if len(body) > self.options.max_bytes:
                        raise FeedError(f"the feed is larger than {self.options.max_bytes:,} bytes")
                etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
                content_type = response.headers.get("Content-Type", "")
        except httpx.TimeoutException:
            raise FeedError(f"no answer within {self.options.timeout:.0f} s") from None
        except httpx.HTTPError as error:
            raise FeedError(f"could not fetch it ({type(error).__name__})") from None
        parsed = feedparser.parse(bytes(body), response_headers={"content-type": content_type,
                                                                 "content-location": url})  # fmt: skip
        if not parsed.entries and (parsed.bozo or not parsed.get("version")):
            reason = type(parsed.get("bozo_exception")).__name__ if parsed.bozo else "no entries"
            raise FeedError(f"what it sends is not an RSS or Atom feed ({reason})")
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
