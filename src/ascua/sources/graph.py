"""``type: graph``: comments on the brand's own Facebook Page and Instagram Business account,
through Meta's Graph API with the page's access token (docs/sources.md#graph). A crisis often
lands first under the brand's own posts.

For each page (and Instagram account) listed, it reads the latest ``posts`` posts and the
comments under them that are newer than the newest one seen (comment replies included),
page after page (``paging.next``). The brand's posts themselves are mentions too, by the
brand's account: they are its answers and its statements.

Meta publishes no maintained Python client for the Graph API (facebook-sdk is abandoned), so
the calls go through httpx, as the Graph API reference describes them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any, ClassVar

import orjson
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ascua.config import Duration
from ascua.model import Record, SourceBatch, iso_utc, utcnow
from ascua.sources.base import SourceContext
from ascua.sources.polling import FetchError, poll_forever, read_capped

MAX_BYTES = 8 * 1024 * 1024
MAX_PAGES = 10
RATE_CODES = {4, 17, 32, 613, 80001, 80002, 80004, 80006}  # "too many calls", per app, user, page or account
TOKEN_CODES = {102, 190, 200, 10}  # the token is wrong, expired or lacks a permission


class GraphOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    access_token: str = Field(min_length=10, repr=False)
    pages: list[str] = Field(default_factory=list, description="Facebook Page ids")
    instagram: list[str] = Field(default_factory=list, description="Instagram Business account ids")
    posts: int = Field(10, ge=1, le=100, description="the latest posts whose comments are read")
    every: Duration = Field(300, ge=1)
    timeout: float = Field(20.0, gt=0, le=300)
    api_url: str = Field("https://graph.facebook.com/v21.0", description="the Graph API, with its version")

    @field_validator("pages", "instagram")
    @classmethod
    def _ids(cls, value: list[str]) -> list[str]:
        for item in value:
            if not item.isdigit():
                raise ValueError(f"{item!r} is not an id: the Graph API names pages and accounts by number")
        return value


def _when(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    text = value.replace("Z", "+00:00")
    if len(text) > 5 and text[-5] in "+-" and text[-3] != ":":  # 2026-03-02T09:41:00+0000
        text = f"{text[:-2]}:{text[-2:]}"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _record(network: str, item: dict[str, Any], text: str | None, author: dict[str, Any] | None,
            parent: str | None) -> dict[str, Any] | None:  # fmt: skip
    created = _when(item.get("created_time") or item.get("timestamp"))
    native = str(item.get("id") or "")
    if not native or not isinstance(text, str) or not text.strip() or created is None:
        return None
    data: dict[str, Any] = {"source": network, "id": native, "created_at": iso_utc(min(created, utcnow())),
                            "text": text, "metrics": {}}  # fmt: skip
    link = item.get("permalink_url") or item.get("permalink")
    if isinstance(link, str) and link.startswith("https://"):
        data["url"] = link
    if author:
        data["author"] = author
    if parent:
        data["in_reply_to"] = parent
    for field, name in (("like_count", "likes"), ("comment_count", "replies"), ("comments_count", "replies")):
        if isinstance(item.get(field), int):
            data["metrics"][name] = item[field]
    return data


class GraphSource:
    """``type: graph`` in ``ascua.yaml``."""

    kind: ClassVar[str] = "graph"
    Options: ClassVar[type[BaseModel]] = GraphOptions

    def __init__(self, name: str, options: GraphOptions, context: SourceContext):
        self.name = name
        self.options = options
        self.api = options.api_url.rstrip("/")
        self.targets = [f"facebook {page}" for page in options.pages] + [f"instagram {ig}" for ig in options.instagram]

    async def batches(self, cursor: dict[str, Any] | None) -> AsyncIterator[SourceBatch]:
        saved = (cursor or {}).get("accounts") or {}
        states = {target: dict(saved.get(target) or {}) for target in self.targets}
        async for batch in poll_forever(
            self.name, self.targets, states, self._poll, every=float(self.options.every),
            client_timeout=self.options.timeout, cursor_key="accounts", describe=lambda target: target,
        ):  # fmt: skip
            yield batch

    async def _get(self, client: Any, url: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """One call; the Graph API's errors (in the body, with a code) said in words, never with the token."""
        import httpx

        query = {**(params or {}), "access_token": self.options.access_token} if params is not None else None
        try:
            async with client.stream("GET", url, params=query) as response:
                content = await read_capped(response, MAX_BYTES)  # a 50 MB answer is refused, not read
        except httpx.TimeoutException:
            raise FetchError(f"no answer within {self.options.timeout:.0f} s") from None
        except httpx.HTTPError as error:
            raise FetchError(f"could not reach the Graph API ({type(error).__name__})") from None
        try:
            body = orjson.loads(content)
        except orjson.JSONDecodeError:
            raise FetchError(f"the answer is not JSON ({response.status_code})") from None
        if not isinstance(body, dict):
            raise FetchError("the answer is not the Graph API's JSON")
        problem = body.get("error")
        if isinstance(problem, dict) or response.status_code >= 400:
            code = problem.get("code") if isinstance(problem, dict) else None
            if code in RATE_CODES or response.status_code == 429:
                raise FetchError(f"the Graph API asks to slow down (code {code})", 600.0)
            if code in TOKEN_CODES or response.status_code in (401, 403):
                raise FetchError(f"the access token was refused (code {code}): make a new page token")
            raise FetchError(f"the Graph API answered {response.status_code} (code {code})")
        return body

    async def _all(self, client: Any, url: str, params: dict[str, Any], stop: Any = None) -> list[dict[str, Any]]:
        """Every item of a list, following ``paging.next`` (at most MAX_PAGES pages; ``stop(item)``
        ends it early, for lists newest first)."""
        items: list[dict[str, Any]] = []
        next_url: str | None = url
        query: dict[str, Any] | None = params
        for _page in range(MAX_PAGES):
            if next_url is None:
                break
            body = await self._get(client, next_url, query)
            page = [item for item in body.get("data") or [] if isinstance(item, dict)]
            for item in page:
                if stop is not None and stop(item):
                    return items
                items.append(item)
            following = (body.get("paging") or {}).get("next")
            # the next page's address carries the query already, token included: sent as given
            next_url, query = (following, None) if isinstance(following, str) and following.startswith(self.api) \
                else (None, None)  # fmt: skip
        return items

    async def _poll(self, client: Any, target: str, state: dict[str, Any]) -> list[Record]:
        network, account = target.split(" ", 1)
        since = float(state.get("since") or 0)
        records = await (self._facebook(client, account, since) if network == "facebook"
                         else self._instagram(client, account, since))  # fmt: skip
        timed = [
            (datetime.fromisoformat(data["created_at"].replace("Z", "+00:00")).timestamp(), data) for data in records
        ]
        fresh = sorted(
            ((moment, data) for moment, data in timed if moment > since), key=lambda item: (item[0], item[1]["id"])
        )
        if fresh:
            state["since"] = fresh[-1][0]
        return [Record(data, f"graph {self.name} {target} {data['id']}") for _, data in fresh]

    async def _facebook(self, client: Any, page: str, since: float) -> list[dict[str, Any]]:
        posts = await self._get(client, f"{self.api}/{page}/posts",
                                {"fields": "id,message,created_time,permalink_url,from{id,name}",
                                 "limit": self.options.posts})  # fmt: skip
        found: list[dict[str, Any]] = []
        for post in [item for item in posts.get("data") or [] if isinstance(item, dict)][: self.options.posts]:
            owner = post.get("from") or {}
            author = {"handle": f"fb:{owner.get('id') or page}", "name": str(owner.get("name") or "")[:200] or None}
            data = _record("facebook", post, post.get("message"), {k: v for k, v in author.items() if v}, None)
            if data is not None:
                found.append(data)
            params: dict[str, Any] = {"fields": "id,message,created_time,permalink_url,from{id,name},like_count,"
                                                "comment_count,parent{id}",
                                      "filter": "stream", "order": "reverse_chronological", "limit": 100}  # fmt: skip
            if since:
                params["since"] = int(since)

            def seen(comment: dict[str, Any]) -> bool:  # newest first: the rest was read before
                return (_when(comment.get("created_time")) or utcnow()).timestamp() <= since

            comments = await self._all(client, f"{self.api}/{post['id']}/comments", params, stop=seen)
            for comment in comments:
                who = comment.get("from") or {}
                commenter = {"handle": f"fb:{who['id']}", "name": str(who.get("name") or "")[:200]} if who.get("id") \
                    else None  # fmt: skip
                parent = (comment.get("parent") or {}).get("id") or post["id"]
                data = _record("facebook", comment, comment.get("message"), commenter, str(parent))
                if data is not None:
                    found.append(data)
        return found

    async def _instagram(self, client: Any, account: str, since: float) -> list[dict[str, Any]]:
        media = await self._get(client, f"{self.api}/{account}/media",
                                {"fields": "id,caption,timestamp,permalink,username,like_count,comments_count",
                                 "limit": self.options.posts})  # fmt: skip
        found: list[dict[str, Any]] = []
        for item in [entry for entry in media.get("data") or [] if isinstance(entry, dict)][: self.options.posts]:
            owner = {"handle": f"@{item['username']}"} if item.get("username") else None
            data = _record("instagram", item, item.get("caption"), owner, None)
            if data is not None:
                found.append(data)
            comments = await self._all(client, f"{self.api}/{item['id']}/comments",
                                       {"fields": "id,text,timestamp,username,like_count,"
                                                  "replies{id,text,timestamp,username,like_count}",
                                        "limit": 50})  # fmt: skip
            for comment in comments:
                author = {"handle": f"@{comment['username']}"} if comment.get("username") else None
                data = _record("instagram", comment, comment.get("text"), author, str(item["id"]))
                if data is not None:
                    found.append(data)
                for answer in (comment.get("replies") or {}).get("data") or []:
                    if isinstance(answer, dict):
                        who = {"handle": f"@{answer['username']}"} if answer.get("username") else None
                        data = _record("instagram", answer, answer.get("text"), who, str(comment.get("id")))
                        if data is not None:
                            found.append(data)
        return found
