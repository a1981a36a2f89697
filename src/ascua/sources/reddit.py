"""``type: reddit``: Reddit posts and comments through praw (docs/sources.md#reddit): searches
across Reddit (newest first) and the newest posts and comments of the subreddits you list,
with your app's OAuth credentials (application-only: no Reddit account is used).

Each search and listing keeps, in the cursor, the newest creation time it saw and the ids at
that second: the next look stops as soon as it reaches what it already read.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ascua.config import Duration
from ascua.model import Record, SourceBatch, iso_utc, utcnow
from ascua.sources.base import SourceContext
from ascua.sources.polling import FetchError, poll_forever

PAGE = 100


class RedditOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    client_id: str = Field(min_length=1, description="the app's id (reddit.com/prefs/apps)")
    client_secret: str = Field(min_length=1, repr=False)
    user_agent: str = Field("linux:ascua-radar:1 (self-hosted crisis radar)", min_length=10)
    queries: list[str] = Field(default_factory=list, description="searches across Reddit (default: each brand's name)")
    subreddits: list[str] = Field(default_factory=list, description="subreddits whose new posts and comments to read")
    every: Duration = Field(300, ge=1)
    max_pages: int = Field(3, ge=1, le=10)
    timeout: float = Field(20.0, gt=0, le=300)
    api_url: str = Field("https://oauth.reddit.com", description="where the API is (a proxy, or a test server)")
    auth_url: str = Field("https://www.reddit.com", description="where tokens are obtained")

    @field_validator("subreddits")
    @classmethod
    def _subreddits(cls, value: list[str]) -> list[str]:
        cleaned = [name.strip().removeprefix("r/").removeprefix("/r/") for name in value]
        for name in cleaned:
            if not name.replace("_", "").isalnum():
                raise ValueError(f"{name!r} is not a subreddit name (letters, digits and _)")
        return cleaned


def item_record(item: Any) -> dict[str, Any] | None:
    """A praw Submission or Comment in Ascua's mention schema (``None`` when deleted or empty).

    Only what the listing brought is read (``vars``): asking praw for a missing attribute
    would fetch the whole post, one request per item."""
    fields = vars(item)
    fullname = str(fields.get("name") or "")
    is_comment = fullname.startswith("t1_")
    if is_comment:
        text = str(fields.get("body") or "")
    else:
        title = str(fields.get("title") or "")
        body = str(fields.get("selftext") or "")
        text = f"{title}\n{body}".strip() if body not in ("", "[removed]", "[deleted]") else title
    if not fullname or not text.strip() or text.strip() in ("[removed]", "[deleted]"):
        return None
    author = fields.get("author")
    handle = getattr(author, "name", None) if author is not None else None
    created = datetime.fromtimestamp(float(fields.get("created_utc") or 0), UTC)
    data: dict[str, Any] = {
        "source": "reddit",
        "id": fullname,
        "created_at": iso_utc(min(created, utcnow())),
        "text": text,
        "metrics": {},
    }
    permalink = fields.get("permalink")
    if isinstance(permalink, str) and permalink.startswith("/"):
        data["url"] = f"https://www.reddit.com{permalink}"
    if handle:
        data["author"] = {"handle": f"u/{handle}"}
    if isinstance(fields.get("score"), int):
        data["metrics"]["likes"] = max(0, fields["score"])
    if isinstance(fields.get("num_comments"), int):
        data["metrics"]["replies"] = fields["num_comments"]
    if is_comment and isinstance(fields.get("parent_id"), str):
        data["in_reply_to"] = fields["parent_id"]
    return data


class RedditSource:
    """``type: reddit`` in ``ascua.yaml``."""

    kind: ClassVar[str] = "reddit"
    Options: ClassVar[type[BaseModel]] = RedditOptions

    def __init__(self, name: str, options: RedditOptions, context: SourceContext):
        self.name = name
        self.options = options
        queries = options.queries or ([brand.name for brand in context.brands] if not options.subreddits else [])
        self.targets = [f"search {query}" for query in queries]
        for subreddit in options.subreddits:
            self.targets += [f"r/{subreddit} posts", f"r/{subreddit} comments"]
        self._reddit: Any = None

    async def batches(self, cursor: dict[str, Any] | None) -> AsyncIterator[SourceBatch]:
        saved = (cursor or {}).get("listings") or {}
        states = {target: dict(saved.get(target) or {}) for target in self.targets}
        async for batch in poll_forever(
            self.name, self.targets, states, self._poll, every=float(self.options.every),
            client_timeout=self.options.timeout, cursor_key="listings", describe=lambda target: target,
        ):  # fmt: skip
            yield batch

    def _client(self) -> Any:
        if self._reddit is None:
            import praw

            self._reddit = praw.Reddit(
                client_id=self.options.client_id, client_secret=self.options.client_secret,
                user_agent=self.options.user_agent, oauth_url=self.options.api_url.rstrip("/"),
                reddit_url=self.options.auth_url.rstrip("/"), timeout=self.options.timeout, check_for_updates=False,
                check_for_async=False, ratelimit_seconds=0,
            )  # fmt: skip
            self._reddit.read_only = True
        return self._reddit

    async def _poll(self, _http: Any, target: str, state: dict[str, Any]) -> list[Record]:
        return await asyncio.to_thread(self._fetch, target, state)

    def _listing(self, target: str, limit: int) -> Any:
        reddit = self._client()
        kind, _, rest = target.partition(" ")
        if kind == "search":
            return reddit.subreddit("all").search(rest, sort="new", time_filter="week", limit=limit)
        subreddit = reddit.subreddit(kind.removeprefix("r/"))
        return subreddit.new(limit=limit) if rest == "posts" else subreddit.comments(limit=limit)

    def _fetch(self, target: str, state: dict[str, Any]) -> list[Record]:
        """What is newer than what was seen, oldest first (praw is synchronous: in a thread)."""
        import prawcore

        newest = float(state.get("newest") or 0)
        seen = set(state.get("seen") or [])
        first_look = not state
        limit = PAGE if first_look else PAGE * self.options.max_pages
        found: list[tuple[float, dict[str, Any]]] = []
        try:
            for item in self._listing(target, limit):
                created = float(vars(item).get("created_utc") or 0)
                if created < newest or (created == newest and vars(item).get("name") in seen):
                    break  # newest first: from here on, it was read before
                data = item_record(item)
                if data is not None:
                    found.append((created, data))
        except prawcore.exceptions.TooManyRequests as error:
            reset = error.response.headers.get("x-ratelimit-reset") if error.response is not None else None
            wait = float(reset) if reset and reset.replace(".", "", 1).isdigit() else None
            raise FetchError("Reddit asks to slow down (429)", wait) from None
        except (prawcore.exceptions.OAuthException, prawcore.exceptions.ResponseException) as error:
            response = getattr(error, "response", None)
            status = getattr(response, "status_code", None)
            if status in (401, 403) or isinstance(error, prawcore.exceptions.OAuthException):
                raise FetchError(f"Reddit refused the app's credentials ({status or 'OAuth'})") from None
            raise FetchError(f"Reddit answered {status or 'an error'}") from None
        except prawcore.exceptions.RequestException:
            raise FetchError("could not reach Reddit") from None
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise FetchError(f"the answer is not Reddit's JSON ({type(error).__name__})") from None
        if found:
            top = max(created for created, _ in found)
            state["newest"] = top
            state["seen"] = sorted(data["id"] for created, data in found if created == top)
        elif first_look:
            state["newest"] = time.time()  # nothing yet: from now on
            state["seen"] = []
        found.sort(key=lambda item: (item[0], item[1]["id"]))
        return [Record(data, f"reddit {self.name} {target} {data['id']}") for _, data in found]
