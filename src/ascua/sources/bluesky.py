"""``type: bluesky``: Bluesky posts, from search (``app.bsky.feed.searchPosts``, through the
atproto client) and live from the Jetstream firehose (a WebSocket, through websockets),
filtered by the brand queries (docs/sources.md#bluesky).

Both parts run side by side and share the source's cursor: each search query keeps the
newest post time it saw (the next search asks only ``since`` then), and the stream keeps the
``time_us`` of the last event it read (a restart resumes a few seconds before it; storage is
exactly once by the post's ``at://`` URI, so the overlap costs nothing).
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import urlencode

import orjson
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ascua.config import Duration
from ascua.model import Mention, Problem, Record, SourceBatch, iso_utc, utcnow
from ascua.sources.base import SourceContext, merge_batches
from ascua.sources.polling import MAX_BACKOFF, FetchError, poll_forever

log = logging.getLogger(__name__)

PAGE = 100
POST = "app.bsky.feed.post"
REWIND_US = 5_000_000  # a restart reads the stream again from 5 s before its cursor
FLUSH_SECONDS = 1.0  # matched posts wait at most this long for a batch
CURSOR_SECONDS = 10.0  # the stream's position is saved at least this often, even with nothing matched


class BlueskyOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    queries: list[str] = Field(default_factory=list, description="search queries (default: each brand's name)")
    service: str = Field("https://public.api.bsky.app", description="the AppView (or PDS, with a login) for search")
    handle: str | None = None
    app_password: str | None = Field(None, repr=False)
    every: Duration = Field(300, ge=1)
    max_pages: int = Field(5, ge=1, le=50)
    timeout: float = Field(20.0, gt=0, le=300)
    search: bool = True
    jetstream: str | None = Field(
        "wss://jetstream2.us-east.bsky.network/subscribe", description="the Jetstream endpoint; null: no live stream"
    )

    @field_validator("service")
    @classmethod
    def _service(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("service is an https:// address")
        return value.rstrip("/")

    @field_validator("jetstream")
    @classmethod
    def _jetstream(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("wss://", "ws://")):
            raise ValueError("jetstream is a wss:// address (or null for no live stream)")
        return value


def _when(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _rkey(uri: str) -> str:
    return uri.rsplit("/", 1)[-1]


def post_record(
    uri: str, record: dict[str, Any], author: dict[str, Any], counts: dict[str, Any]
) -> dict[str, Any] | None:
    """One Bluesky post in Ascua's mention schema (``None`` without text or time)."""
    text = record.get("text")
    created = _when(record.get("createdAt"))
    if not isinstance(text, str) or not text.strip() or created is None or not uri.startswith("at://"):
        return None
    handle = author.get("handle") or author.get("did") or uri.split("/")[2]
    data: dict[str, Any] = {
        "source": "bluesky",
        "id": uri[:512],
        "created_at": iso_utc(min(created, utcnow())),
        "text": text,
        "url": f"https://bsky.app/profile/{handle}/post/{_rkey(uri)}",
        "author": {"handle": f"@{handle}" if not str(handle).startswith("did:") else handle},
        "metrics": {name: counts[key] for key, name in (("likeCount", "likes"), ("repostCount", "reposts"),
                    ("replyCount", "replies"), ("quoteCount", "quotes")) if isinstance(counts.get(key), int)},
    }  # fmt: skip
    if author.get("displayName"):
        data["author"]["name"] = str(author["displayName"])[:200]
    langs = record.get("langs")
    if isinstance(langs, list) and langs and isinstance(langs[0], str):
        data["lang"] = langs[0]
    reply = record.get("reply")
    if isinstance(reply, dict) and isinstance(reply.get("parent"), dict) and reply["parent"].get("uri"):
        data["in_reply_to"] = str(reply["parent"]["uri"])[:255]
    embed = record.get("embed")
    if isinstance(embed, dict):
        quoted = embed.get("record")
        if isinstance(quoted, dict) and isinstance(quoted.get("record"), dict):  # recordWithMedia
            quoted = quoted["record"]
        if isinstance(quoted, dict) and str(quoted.get("uri", "")).startswith("at://"):
            data["quote_of"] = str(quoted["uri"])[:255]
    return data


class BlueskySource:
    """``type: bluesky`` in ``ascua.yaml``."""

    kind: ClassVar[str] = "bluesky"
    Options: ClassVar[type[BaseModel]] = BlueskyOptions

    def __init__(self, name: str, options: BlueskyOptions, context: SourceContext):
        self.name = name
        self.options = options
        self.context = context
        self.queries = options.queries or [brand.name for brand in context.brands]
        self._client: Any = None
        self._matcher: Any = None
        self._handles: dict[str, str] = {}  # did -> handle, from the stream's identity events
        self.events = 0  # stream events read (the benchmark's count)
        self._position: int | None = None  # the time_us of the last stream event read

    # --- both parts, one cursor -----------------------------------------------------------

    async def batches(self, cursor: dict[str, Any] | None) -> AsyncIterator[SourceBatch]:
        current: dict[str, Any] = {
            key: value for key, value in (cursor or {}).items() if key in ("searches", "jetstream")
        }
        parts: list[AsyncIterator[SourceBatch]] = []
        if self.options.search and self.queries:
            parts.append(self.search_batches(current.get("searches")))
        if self.options.jetstream:
            parts.append(self.stream_batches(current.get("jetstream")))
        async for batch in merge_batches(self.name, parts, current):
            yield batch

    # --- search ------------------------------------------------------------------------------

    async def search_batches(self, saved: dict[str, Any] | None) -> AsyncIterator[SourceBatch]:
        states = {query: dict((saved or {}).get(query) or {}) for query in self.queries}
        async for batch in poll_forever(
            self.name, self.queries, states, self._search, every=float(self.options.every),
            client_timeout=self.options.timeout, cursor_key="searches", describe=lambda query: f"search «{query}»",
        ):  # fmt: skip
            yield batch

    async def _api(self) -> Any:
        if self._client is None:
            from atproto import AsyncClient

            client = AsyncClient(base_url=f"{self.options.service}/xrpc")
            if self.options.handle and self.options.app_password:
                await client.login(self.options.handle, self.options.app_password)
            self._client = client
        return self._client

    async def _search(self, _http: Any, query: str, state: dict[str, Any]) -> list[Record]:
        """Posts newer than the newest one seen for ``query``, oldest first."""
        from atproto_client.exceptions import (
            BadRequestError,
            InvokeTimeoutError,
            ModelError,
            NetworkError,
            RequestException,
            UnauthorizedError,
        )

        newest = state.get("newest")
        found: dict[str, tuple[str, dict[str, Any]]] = {}
        page_cursor = None
        try:
            client = await self._api()
            for _page in range(self.options.max_pages):
                params: dict[str, Any] = {"q": query, "limit": PAGE, "sort": "latest"}
                if newest:
                    params["since"] = newest
                if page_cursor:
                    params["cursor"] = page_cursor
                answer = await client.app.bsky.feed.search_posts(params=params)
                for post in answer.posts:
                    record = post.record.model_dump(by_alias=True) if hasattr(post.record, "model_dump") else {}
                    author = {"handle": post.author.handle, "did": post.author.did,
                              "displayName": post.author.display_name}  # fmt: skip
                    counts = {"likeCount": post.like_count, "repostCount": post.repost_count,
                              "replyCount": post.reply_count, "quoteCount": post.quote_count}  # fmt: skip
                    data = post_record(post.uri, record, author, counts)
                    if data is not None:
                        found[data["id"]] = (data["created_at"], data)
                page_cursor = answer.cursor
                if not newest or not page_cursor or not answer.posts:
                    break  # the first look reads the latest page only, not the whole history
        except UnauthorizedError:
            raise FetchError("the service asks for a login (set handle and app_password)") from None
        except (NetworkError, InvokeTimeoutError):
            raise FetchError("could not reach the service") from None
        except (BadRequestError, RequestException) as error:
            response = getattr(error, "response", None)
            status = getattr(response, "status_code", None)
            if status == 429:
                headers = getattr(response, "headers", {}) or {}
                reset = headers.get("ratelimit-reset") or headers.get("RateLimit-Reset")
                wait = max(0.0, float(reset) - time.time()) if reset and str(reset).isdigit() else None
                raise FetchError("the service asks to slow down (429)", wait) from None
            raise FetchError(f"the service answered {status or 'an error'}") from None
        except (ModelError, ValueError, TypeError, KeyError) as error:
            raise FetchError(f"the answer is not the API's JSON ({type(error).__name__})") from None
        ordered = sorted(found.values(), key=lambda item: (item[0], item[1]["id"]))
        if ordered:
            state["newest"] = max(newest or "", ordered[-1][0])
        return [Record(data, f"bluesky {self.name} search «{query}» {data['id']}") for _, data in ordered]

    # --- the Jetstream firehose --------------------------------------------------------------

    def _wanted(self, text: str, lang: str | None, handle: str) -> bool:
        if self._matcher is None:
            from ascua.query import BrandMatcher

            self._matcher = BrandMatcher.for_brands(self.context.brands)
        if not self.context.brands:
            return False
        mention = Mention("bluesky", "x", text, utcnow(), lang=lang, author_handle=handle)
        return bool(self._matcher.match(mention))

    def stream_url(self, position: int | None) -> str:
        params = [("wantedCollections", POST)]
        if position:
            params.append(("cursor", str(max(0, position - REWIND_US))))
        return f"{self.options.jetstream}?{urlencode(params)}"

    def event_record(self, event: dict[str, Any]) -> dict[str, Any] | None:
        """A Jetstream event as a mention record, when it is a new post the brands' queries match."""
        kind = event.get("kind")
        if kind == "identity":
            identity = event.get("identity") or {}
            if isinstance(identity.get("did"), str) and isinstance(identity.get("handle"), str):
                self._handles[identity["did"]] = identity["handle"]
            return None
        if kind != "commit":
            return None
        commit = event.get("commit") or {}
        if commit.get("operation") != "create" or commit.get("collection") != POST:
            return None
        record = commit.get("record")
        did = event.get("did")
        if not isinstance(record, dict) or not isinstance(did, str) or not isinstance(commit.get("rkey"), str):
            return None
        text = record.get("text")
        if not isinstance(text, str):
            return None
        handle = self._handles.get(did, did)
        langs = record.get("langs")
        lang = langs[0] if isinstance(langs, list) and langs and isinstance(langs[0], str) else None
        if not self._wanted(text, lang, handle):
            return None
        uri = f"at://{did}/{POST}/{commit['rkey']}"
        return post_record(uri, record, {"handle": handle, "did": did}, {})

    def _read(self, message: str | bytes) -> tuple[dict[str, Any] | None, Problem | None]:
        """One stream message: a record to keep, a problem, or neither (it updates the position)."""
        try:
            event = orjson.loads(message)
        except orjson.JSONDecodeError:
            return None, Problem(f"bluesky {self.name} jetstream", "an event that is not JSON", fatal=False)
        if not isinstance(event, dict):
            return None, None
        self.events += 1
        if isinstance(event.get("time_us"), int):
            self._position = event["time_us"]
        return self.event_record(event), None

    async def stream_batches(self, saved: dict[str, Any] | None) -> AsyncIterator[SourceBatch]:
        from websockets.asyncio.client import connect
        from websockets.exceptions import ConnectionClosedOK, WebSocketException

        position: int | None = (saved or {}).get("time_us")
        self._position = position
        failures = 0
        while True:
            records: list[Record] = []
            problems: list[Problem] = []
            flushed = saved_at = time.monotonic()
            try:
                async with connect(self.stream_url(position), open_timeout=self.options.timeout,
                                   max_size=2**22, ping_interval=30) as socket:  # fmt: skip
                    failures = 0
                    while True:
                        wait = FLUSH_SECONDS if records else CURSOR_SECONDS
                        try:
                            message: str | bytes | None = await asyncio.wait_for(socket.recv(), wait)
                        except TimeoutError:  # a quiet moment: time to hand over what is waiting
                            message = None
                        if message is not None:
                            data, problem = self._read(message)
                            if problem is not None:
                                problems.append(problem)
                            elif data is not None:
                                records.append(Record(data, f"bluesky {self.name} jetstream {data['id']}"))
                            position = self._position if self._position is not None else position
                        now = time.monotonic()
                        due = (records and now - flushed >= FLUSH_SECONDS) or now - saved_at >= CURSOR_SECONDS
                        if len(records) >= self.context.batch_size or due:
                            yield SourceBatch(self.name, records, {"jetstream": {"time_us": position}},
                                              problems=problems)  # fmt: skip
                            records, problems = [], []
                            flushed = saved_at = now
            except (OSError, WebSocketException, TimeoutError) as error:
                failures += 1
                wait = min(MAX_BACKOFF, 2.0 ** min(failures, 11)) * random.uniform(0.8, 1.2)
                reason = "the stream ended" if isinstance(error, ConnectionClosedOK) else type(error).__name__
                message = f"jetstream: {reason} (reconnecting in {wait:.0f} s)"
                log.warning("source %s: %s", self.name, message)
                yield SourceBatch(self.name, records, {"jetstream": {"time_us": position}}, problems=problems,
                                  error=message)  # fmt: skip
                await asyncio.sleep(wait)
