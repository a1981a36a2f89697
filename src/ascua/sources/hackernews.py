"""Hacker News through its Algolia search API (``type: hackernews`` in ``ascua.yaml``).

For each query (by default each brand's name) the source asks
``/api/v1/search_by_date?query=…&tags=(story,comment)&numericFilters=created_at_i>=T`` every
``every``, newest first, page after page (up to ``max_pages``), for what was posted since the
last answer. Stories and comments become mentions (``source: hackernews``): the title or the
comment without markup, the item's link on news.ycombinator.com, the author, points and comment
counts, and the parent a comment answers. The cursor keeps, per query, the newest time seen and
the ids at that second, so nothing is fetched twice and nothing is skipped at the boundary.
No credentials; the API allows about 10,000 requests an hour per address.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import urlencode

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ascua.config import Duration
from ascua.model import Record, SourceBatch, iso_utc
from ascua.sources.base import SourceContext
from ascua.sources.feeds import plain_text
from ascua.sources.polling import FetchError, get, poll_forever

ITEM_URL = "https://news.ycombinator.com/item?id="


class HackerNewsOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    queries: list[str] = Field(default_factory=list, description="search terms (default: each brand's name)")
    every: Duration = Field(300, ge=1)
    timeout: float = Field(20.0, gt=0, le=300)
    max_pages: int = Field(5, ge=1, le=50, description="pages of 100 hits read per query and fetch")
    since: Duration = Field(86400, ge=0, description="how far back the first fetch of a query goes")
    base_url: str = Field("https://hn.algolia.com", pattern=r"^https?://")

    @field_validator("queries")
    @classmethod
    def _queries(cls, value: list[str]) -> list[str]:
        cleaned = [query.strip() for query in value if query.strip()]
        return list(dict.fromkeys(cleaned))


def hit_record(hit: dict[str, Any]) -> dict[str, Any] | None:
    """One Algolia hit in Ascua's mention schema (``None`` when it has no id, time or text)."""
    native = str(hit.get("objectID") or "").strip()
    created = hit.get("created_at_i")
    if not native or not isinstance(created, int | float):
        return None
    text = plain_text(str(hit.get("comment_text") or hit.get("title") or hit.get("story_text") or ""))
    if not text:
        return None
    record: dict[str, Any] = {
        "source": "hackernews",
        "id": native,
        "created_at": iso_utc(datetime.fromtimestamp(created, UTC)),
        "text": text,
        "url": ITEM_URL + native,
        "metrics": {},
    }
    if isinstance(hit.get("author"), str) and hit["author"]:
        record["author"] = {"handle": hit["author"]}
    if isinstance(hit.get("points"), int):
        record["metrics"]["likes"] = hit["points"]
    if isinstance(hit.get("num_comments"), int):
        record["metrics"]["replies"] = hit["num_comments"]
    if hit.get("parent_id") is not None and hit.get("comment_text"):
        record["in_reply_to"] = str(hit["parent_id"])
    link = hit.get("url") or hit.get("story_url")
    if isinstance(link, str) and link.startswith(("https://", "http://")):
        record["raw"] = {"link": link[:2000]}
    return record


class HackerNewsSource:
    """``type: hackernews`` in ``ascua.yaml``."""

    kind: ClassVar[str] = "hackernews"
    Options: ClassVar[type[BaseModel]] = HackerNewsOptions

    def __init__(self, name: str, options: HackerNewsOptions, context: SourceContext):
        self.name = name
        self.options = options
        self.queries = options.queries or list(dict.fromkeys(brand.name for brand in context.brands))

    async def batches(self, cursor: dict[str, Any] | None) -> AsyncIterator[SourceBatch]:
        if not self.queries:
            return
        saved = (cursor or {}).get("queries") or {}
        states: dict[str, dict[str, Any]] = {query: dict(saved.get(query) or {}) for query in self.queries}
        async for batch in poll_forever(
            self.name, self.queries, states, self._poll, every=float(self.options.every),
            client_timeout=self.options.timeout, cursor_key="queries", describe=lambda query: f"«{query}»",
        ):  # fmt: skip
            yield batch

    async def _poll(self, client: Any, query: str, state: dict[str, Any]) -> list[Record]:
        """What was posted for ``query`` since the last answer, oldest first."""
        options = self.options
        if "since" in state:
            since = int(state["since"])
        else:
            since = int(datetime.now(UTC).timestamp() - options.since)
        seen_at_since = set(state.get("ids") or ())
        found: dict[str, dict[str, Any]] = {}
        for page in range(options.max_pages):
            parameters = {
                "query": query, "tags": "(story,comment)", "numericFilters": f"created_at_i>={since}",
                "hitsPerPage": 100, "page": page,
            }  # fmt: skip
            url = f"{options.base_url.rstrip('/')}/api/v1/search_by_date?{urlencode(parameters)}"
            _response, body = await get(client, url, limit=20_000_000, waited=options.timeout)
            try:
                answer = json.loads(body)
                hits, pages = answer["hits"], int(answer.get("nbPages", 1))
                if not isinstance(hits, list):
                    raise TypeError("hits is not a list")
            except (ValueError, KeyError, TypeError) as error:
                raise FetchError(f"the answer is not the search API's JSON ({type(error).__name__})") from None
            for hit in hits:
                data = hit_record(hit) if isinstance(hit, dict) else None
                if data is None or data["id"] in found:
                    continue
                if int(hit["created_at_i"]) == since and data["id"] in seen_at_since:
                    continue
                found[data["id"]] = {"data": data, "at": int(hit["created_at_i"])}
            if page + 1 >= pages:
                break
        if found:
            newest = max(item["at"] for item in found.values())
            ids = [key for key, item in found.items() if item["at"] == newest]
            state["ids"] = (ids + (list(seen_at_since) if newest == since else []))[-1000:]
            state["since"] = newest
        else:
            state.setdefault("since", since)
        ordered = sorted(found.values(), key=lambda item: (item["at"], item["data"]["id"]))
        return [Record(item["data"], f"hackernews {self.name} «{query}» item {item['data']['id']}") for item in ordered]
