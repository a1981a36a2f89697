"""``type: x``: posts on X through the API v2 with your bearer token (docs/sources.md#x): recent
search (``/2/tweets/search/recent``, page after page, newer than the newest post seen) and,
optionally, the filtered stream (``/2/tweets/search/stream``, a long-lived HTTP answer of one
JSON object per line) with its rules kept in step with your queries.

There is no maintained Python client whose address can be set (tweepy's is fixed), so the
calls go through httpx, as the API reference describes them.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any, ClassVar

import orjson
from pydantic import BaseModel, ConfigDict, Field

from ascua.config import Duration
from ascua.model import Problem, Record, SourceBatch, iso_utc, utcnow
from ascua.sources.base import SourceContext, merge_batches
from ascua.sources.polling import MAX_BACKOFF, USER_AGENT, FetchError, get, poll_forever

log = logging.getLogger(__name__)

TWEET_FIELDS = "created_at,lang,public_metrics,referenced_tweets,in_reply_to_user_id,conversation_id,author_id"
USER_FIELDS = "username,name,public_metrics,created_at"
EXPANSIONS = "author_id,referenced_tweets.id.author_id"
RULE_TAG = "ascua"
MAX_BYTES = 8 * 1024 * 1024
FLUSH_SECONDS = 1.0


class XOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    bearer_token: str = Field(min_length=10, repr=False)
    queries: list[str] = Field(default_factory=list, description="X search queries (default: each brand's name)")
    search: bool = True
    stream: bool = False  # the filtered stream needs an access level that includes it
    every: Duration = Field(300, ge=1)
    max_pages: int = Field(5, ge=1, le=50)
    timeout: float = Field(20.0, gt=0, le=300)
    api_url: str = Field("https://api.x.com", description="where the API is (a proxy, or a test server)")


def _users(includes: Any) -> dict[str, dict[str, Any]]:
    users = includes.get("users") if isinstance(includes, dict) else None
    return {str(user.get("id")): user for user in users or [] if isinstance(user, dict)}


def tweet_record(tweet: dict[str, Any], users: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """One post of the API v2 (with its author from ``includes.users``) in Ascua's mention schema."""
    native = str(tweet.get("id") or "")
    text = tweet.get("text")
    try:
        created = datetime.fromisoformat(str(tweet.get("created_at")).replace("Z", "+00:00"))
    except ValueError:
        return None
    if not native.isdigit() or not isinstance(text, str) or not text.strip():
        return None
    created = created if created.tzinfo else created.replace(tzinfo=UTC)
    author = users.get(str(tweet.get("author_id") or ""), {})
    username = author.get("username")
    data: dict[str, Any] = {
        "source": "x",
        "id": native,
        "created_at": iso_utc(min(created, utcnow())),
        "text": text,
        "url": f"https://x.com/{username or 'i/web'}/status/{native}",
        "metrics": {},
    }
    if isinstance(tweet.get("lang"), str) and tweet["lang"] not in ("und", "zxx", "qme"):
        data["lang"] = tweet["lang"]
    if username:
        data["author"] = {"handle": f"@{username}"}
        if author.get("name"):
            data["author"]["name"] = str(author["name"])[:200]
        followers = (author.get("public_metrics") or {}).get("followers_count")
        if isinstance(followers, int):
            data["author"]["followers"] = followers
        if isinstance(author.get("created_at"), str):
            data["author"]["created_at"] = author["created_at"]
    metrics = tweet.get("public_metrics") or {}
    for field, name in (("like_count", "likes"), ("retweet_count", "reposts"), ("reply_count", "replies"),
                        ("quote_count", "quotes"), ("impression_count", "views")):  # fmt: skip
        if isinstance(metrics.get(field), int):
            data["metrics"][name] = metrics[field]
    for reference in tweet.get("referenced_tweets") or []:
        kind, target = reference.get("type"), str(reference.get("id") or "")
        if target.isdigit():
            link = {"replied_to": "in_reply_to", "quoted": "quote_of", "retweeted": "repost_of"}.get(kind)
            if link:
                data[link] = target
    return data


class XSource:
    """``type: x`` in ``ascua.yaml``."""

    kind: ClassVar[str] = "x"
    Options: ClassVar[type[BaseModel]] = XOptions

    def __init__(self, name: str, options: XOptions, context: SourceContext):
        self.name = name
        self.options = options
        self.context = context
        self.queries = options.queries or [brand.name for brand in context.brands]
        self.api = options.api_url.rstrip("/")
        self._reset: float | None = None

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.options.bearer_token}", "User-Agent": USER_AGENT}

    async def batches(self, cursor: dict[str, Any] | None) -> AsyncIterator[SourceBatch]:
        parts: list[AsyncIterator[SourceBatch]] = []
        current: dict[str, Any] = dict(cursor or {})
        if self.options.search and self.queries:
            states = {query: dict((current.get("searches") or {}).get(query) or {}) for query in self.queries}
            parts.append(poll_forever(
                self.name, self.queries, states, self._search, every=float(self.options.every),
                client_timeout=self.options.timeout, cursor_key="searches", describe=lambda q: f"search «{q}»",
                on_response=self._remember_reset,
            ))  # fmt: skip
        if self.options.stream and self.queries:
            parts.append(self.stream_batches())
        if len(parts) == 1:
            async for batch in parts[0]:
                yield batch
            return
        async for batch in merge_batches(self.name, parts, current):
            yield batch

    # --- recent search -----------------------------------------------------------------------

    async def _search(self, client: Any, query: str, state: dict[str, Any]) -> list[Record]:
        """Posts newer than the newest seen (``since_id``), page after page; the first look reads one page."""
        since = state.get("since_id")
        found: dict[str, dict[str, Any]] = {}
        newest = since
        token = None
        for _page in range(self.options.max_pages):
            params: dict[str, Any] = {"query": query, "max_results": 100, "tweet.fields": TWEET_FIELDS,
                                      "expansions": EXPANSIONS, "user.fields": USER_FIELDS}  # fmt: skip
            if since:
                params["since_id"] = since
            if token:
                params["next_token"] = token
            body = await self._get(client, f"{self.api}/2/tweets/search/recent", params)
            meta = body.get("meta") or {}
            users = _users(body.get("includes"))
            for tweet in body.get("data") or []:
                if isinstance(tweet, dict):
                    data = tweet_record(tweet, users)
                    if data is not None:
                        found[data["id"]] = data
            if isinstance(meta.get("newest_id"), str) and (newest is None or int(meta["newest_id"]) > int(newest)):
                newest = meta["newest_id"]
            token = meta.get("next_token")
            if not since or not token:
                break
        if newest:
            state["since_id"] = newest
        ordered = sorted(found.values(), key=lambda data: int(data["id"]))
        return [Record(data, f"x {self.name} search «{query}» {data['id']}") for data in ordered]

    async def _get(self, client: Any, url: str, params: dict[str, Any]) -> dict[str, Any]:
        try:
            _response, body = await get(client, url, limit=MAX_BYTES, waited=self.options.timeout, params=params,
                                        headers=self._headers())  # fmt: skip
        except FetchError as error:
            if "429" in str(error) and error.retry_after is None and self._reset is not None:
                raise FetchError(str(error), max(0.0, self._reset - time.time())) from None
            raise
        return self._json(body)

    async def _remember_reset(self, response: Any) -> None:
        """X says when the rate-limit window resets (``x-rate-limit-reset``, epoch seconds)."""
        reset = response.headers.get("x-rate-limit-reset")
        self._reset = float(reset) if reset and reset.isdigit() else None

    @staticmethod
    def _json(body: bytes) -> dict[str, Any]:
        try:
            data = orjson.loads(body)
        except orjson.JSONDecodeError:
            raise FetchError("the answer is not JSON") from None
        if not isinstance(data, dict):
            raise FetchError("the answer is not the API's JSON")
        return data

    # --- the filtered stream -------------------------------------------------------------------

    async def sync_rules(self, client: Any) -> None:
        """Make the stream's rules tagged ``ascua`` exactly the configured queries."""
        url = f"{self.api}/2/tweets/search/stream/rules"
        _response, body = await get(client, url, limit=MAX_BYTES, waited=self.options.timeout, headers=self._headers())
        rules = [rule for rule in self._json(body).get("data") or [] if isinstance(rule, dict)]
        ours = {rule.get("value"): rule.get("id") for rule in rules if rule.get("tag") == RULE_TAG}
        stale = [rule_id for value, rule_id in ours.items() if value not in self.queries]
        missing = [query for query in self.queries if query not in ours]
        if stale:
            await self._post(client, url, {"delete": {"ids": stale}})
        if missing:
            await self._post(client, url, {"add": [{"value": query, "tag": RULE_TAG} for query in missing]})

    async def _post(self, client: Any, url: str, payload: dict[str, Any]) -> None:
        import httpx

        from ascua.sources.polling import check_status

        try:
            response = await client.post(url, json=payload, headers=self._headers())
        except httpx.HTTPError as error:
            raise FetchError(f"could not change the stream's rules ({type(error).__name__})") from None
        check_status(response)

    async def stream_batches(self) -> AsyncIterator[SourceBatch]:
        """The filtered stream, reconnecting with backoff; a dropped connection is an error batch.
        (The stream has no cursor: what was posted while disconnected comes from the search.)"""
        import httpx

        from ascua.sources.polling import check_status

        failures = 0
        timeout = httpx.Timeout(self.options.timeout, read=60.0)  # the stream sends a keep-alive every 20 s
        async with httpx.AsyncClient(timeout=timeout) as client:
            while True:
                records: list[Record] = []
                problems: list[Problem] = []
                wait_at_least = 0.0
                try:
                    await self.sync_rules(client)
                    params = {"tweet.fields": TWEET_FIELDS, "expansions": EXPANSIONS, "user.fields": USER_FIELDS}
                    async with client.stream("GET", f"{self.api}/2/tweets/search/stream", params=params,
                                             headers=self._headers()) as response:  # fmt: skip
                        check_status(response)
                        failures = 0
                        flushed = asyncio.get_running_loop().time()
                        async for line in response.aiter_lines():
                            if line.strip():
                                record, problem = self._line(line)
                                if record is not None:
                                    records.append(record)
                                if problem is not None:
                                    problems.append(problem)
                            now = asyncio.get_running_loop().time()
                            if records and (now - flushed >= FLUSH_SECONDS or len(records) >= self.context.batch_size
                                            or not line.strip()):  # fmt: skip
                                yield SourceBatch(self.name, records, None, problems=problems)
                                records, problems, flushed = [], [], now
                    message = "the stream ended"
                except FetchError as error:
                    message = str(error)
                    wait_at_least = error.retry_after or 0.0
                except httpx.HTTPError as error:
                    message = f"the stream dropped ({type(error).__name__})"
                failures += 1
                wait = max(min(MAX_BACKOFF, 2.0 ** min(failures, 11)) * random.uniform(0.8, 1.2), wait_at_least)
                log.warning("source %s: stream: %s (reconnecting in %.0f s)", self.name, message, wait)
                yield SourceBatch(self.name, records, None, problems=problems,
                                  error=f"stream: {message} (reconnecting in {wait:.0f} s)")  # fmt: skip
                await asyncio.sleep(wait)

    def _line(self, line: str) -> tuple[Record | None, Problem | None]:
        origin = f"x {self.name} stream"
        try:
            event = orjson.loads(line)
        except orjson.JSONDecodeError:
            return None, Problem(origin, "a line of the stream that is not JSON", fatal=False)
        if not isinstance(event, dict) or not isinstance(event.get("data"), dict):
            return None, None
        data = tweet_record(event["data"], _users(event.get("includes")))
        if data is None:
            return None, Problem(origin, "a post without id, time or text", fatal=False)
        return Record(data, f"{origin} {data['id']}"), None
