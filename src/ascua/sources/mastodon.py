"""Mastodon: hashtag timelines on the instances the user lists (``type: mastodon``).

For each instance and hashtag the source reads ``/api/v1/timelines/tag/{tag}`` every
``every``, through Mastodon.py, asking only for posts newer than the newest it has
(``min_id``), page after page. Hashtag timelines are public on most instances; an
``access_token`` (from the environment: ``${MASTODON_TOKEN}``) is sent when given, for the
instances that require one. Each post becomes a mention (``source: mastodon``) identified by
its global URI, so the same post seen on two instances is stored once. Failures back off as
for every polling source (``sources/polling.py``); a 429 waits for the instance's reset time.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ascua.config import Duration
from ascua.model import Record, SourceBatch, iso_utc, utcnow
from ascua.sources.base import SourceContext, merge_batches
from ascua.sources.feeds import plain_text
from ascua.sources.polling import FetchError, poll_forever

PAGE = 40  # the API's largest page


class MastodonOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    instances: list[str] = Field(min_length=1, description="base URLs of the instances, https://…")
    hashtags: list[str] = Field(default_factory=list, description="hashtags to follow, without #")
    searches: list[str] = Field(default_factory=list, description="full-text searches (most instances want a token)")
    access_token: str | None = Field(None, repr=False)
    every: Duration = Field(120, ge=1)
    timeout: float = Field(20.0, gt=0, le=300)
    max_pages: int = Field(5, ge=1, le=50)
    stream: bool = False  # also the streaming API: posts as they are published (most instances want a token)

    @model_validator(mode="after")
    def _something(self) -> MastodonOptions:
        if not self.hashtags and not self.searches:
            raise ValueError("give hashtags to follow, searches, or both")
        return self

    @field_validator("instances")
    @classmethod
    def _instances(cls, value: list[str]) -> list[str]:
        for url in value:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"{url!r} is not an instance address (https://mastodon.example)")
        return list(dict.fromkeys(url.rstrip("/") for url in value))

    @field_validator("hashtags")
    @classmethod
    def _hashtags(cls, value: list[str]) -> list[str]:
        tags = [tag.strip().lstrip("#") for tag in value]
        if any(not tag or not tag.replace("_", "").isalnum() for tag in tags):
            raise ValueError("a hashtag is letters, digits and _ (without #)")
        return list(dict.fromkeys(tags))


def _when(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return None


def status_record(status: Any, instance: str) -> dict[str, Any] | None:
    """One Mastodon status in Ascua's mention schema (``None`` without id, time or text)."""
    uri = str(status.get("uri") or status.get("url") or "")
    created = _when(status.get("created_at"))
    text = plain_text(str(status.get("content") or ""))
    warning = plain_text(str(status.get("spoiler_text") or ""))
    if warning:
        text = f"{warning}\n{text}".strip()
    if not uri or created is None or not text:
        return None
    record: dict[str, Any] = {
        "source": "mastodon",
        "id": uri[:512],
        "created_at": iso_utc(min(created, utcnow())),
        "text": text,
        "metrics": {},
    }
    link = status.get("url")
    if isinstance(link, str) and link.startswith(("https://", "http://")):
        record["url"] = link
    if isinstance(status.get("language"), str):
        record["lang"] = status["language"]
    account = status.get("account") or {}
    acct = str(account.get("acct") or "").strip()
    if acct:
        host = urlsplit(instance).hostname or ""
        author: dict[str, Any] = {"handle": acct if "@" in acct else f"{acct}@{host}"}
        if account.get("display_name"):
            author["name"] = str(account["display_name"])[:200]
        if isinstance(account.get("followers_count"), int):
            author["followers"] = account["followers_count"]
        joined = _when(account.get("created_at"))
        if joined is not None:
            author["created_at"] = iso_utc(joined)
        record["author"] = author
    for field, name in (("favourites_count", "likes"), ("reblogs_count", "reposts"), ("replies_count", "replies")):
        if isinstance(status.get(field), int):
            record["metrics"][name] = status[field]
    return record


STREAM_RECONNECT = 5  # seconds before a dropped stream connects again
STREAM_TIMEOUT = 300  # a stream silent for this long (no heartbeat either) is dropped and connects again


class MastodonSource:
    """``type: mastodon`` in ``ascua.yaml``."""

    kind: ClassVar[str] = "mastodon"
    Options: ClassVar[type[BaseModel]] = MastodonOptions

    def __init__(self, name: str, options: MastodonOptions, context: SourceContext):
        self.name = name
        self.options = options
        self.targets = [f"{instance} #{tag}" for instance in options.instances for tag in options.hashtags]
        self.targets += [f"{instance} ?{query}" for instance in options.instances for query in options.searches]
        self._clients: dict[str, Any] = {}

    async def batches(self, cursor: dict[str, Any] | None) -> AsyncIterator[SourceBatch]:
        saved = (cursor or {}).get("timelines") or {}
        states: dict[str, dict[str, Any]] = {target: dict(saved.get(target) or {}) for target in self.targets}
        polling = poll_forever(
            self.name, self.targets, states, self._poll, every=float(self.options.every),
            client_timeout=self.options.timeout, cursor_key="timelines", describe=lambda target: target,
        )  # fmt: skip
        if not self.options.stream:
            async for batch in polling:
                yield batch
            return
        async for batch in merge_batches(self.name, [polling, self.stream_batches()], dict(cursor or {})):
            yield batch

    async def stream_batches(self) -> AsyncIterator[SourceBatch]:
        """The streaming API of each instance × hashtag (Mastodon.py's server-sent events, in its
        own threads, reconnecting): posts as they are published. It has no cursor: what was
        published while it was down comes from the timelines, which go on in step."""
        from mastodon import StreamListener

        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[tuple[str, Any, str | None]] = asyncio.Queue()
        source = self

        class Listener(StreamListener):
            def __init__(self, target: str, instance: str):
                self.target, self.instance = target, instance

            def on_update(self, status: Any) -> None:
                loop.call_soon_threadsafe(queue.put_nowait, (self.target, status, None))

            def on_abort(self, err: Exception) -> None:
                reason = type(err).__name__
                loop.call_soon_threadsafe(queue.put_nowait, (self.target, None, f"stream {self.target}: {reason}"))

        handles = []
        try:
            for target in [target for target in self.targets if " #" in target]:  # searches do not stream
                instance, tag = target.rsplit(" #", 1)
                handles.append(await asyncio.to_thread(
                    self._client(instance).stream_hashtag, tag, Listener(target, instance), run_async=True,
                    reconnect_async=True, reconnect_async_wait_sec=STREAM_RECONNECT, timeout=STREAM_TIMEOUT,
                ))  # fmt: skip
            while True:
                target, status, error = await queue.get()
                records: list[Record] = []
                while True:
                    if status is not None:
                        data = status_record(status, target.rsplit(" #", 1)[0])
                        if data is not None:
                            records.append(Record(data, f"mastodon {source.name} stream {target} {data['id'][:80]}"))
                    if error is not None or queue.empty() or len(records) >= 500:
                        break
                    target, status, error = queue.get_nowait()
                yield SourceBatch(self.name, records, None, error=error)
        except Exception as error:  # the instance refused the stream: an unhealthy source; the timelines go on
            yield SourceBatch(self.name, [], None, error=f"stream: {type(error).__name__}")
            await asyncio.Event().wait()
        finally:
            for handle in handles:
                with contextlib.suppress(Exception):
                    handle.close()

    def _client(self, instance: str) -> Any:
        from mastodon import Mastodon

        if instance not in self._clients:
            self._clients[instance] = Mastodon(
                api_base_url=instance, access_token=self.options.access_token, request_timeout=self.options.timeout,
                ratelimit_method="throw", version_check_mode="none", user_agent="Ascua (social media crisis radar)",
            )  # fmt: skip
        return self._clients[instance]

    async def _poll(self, _http: Any, target: str, state: dict[str, Any]) -> list[Record]:
        return await asyncio.to_thread(self._fetch, target, state)

    def _fetch(self, target: str, state: dict[str, Any]) -> list[Record]:
        """Statuses newer than the newest one seen, oldest first (Mastodon.py is synchronous: in a thread)."""
        from mastodon import MastodonAPIError, MastodonNetworkError, MastodonRatelimitError

        searching = " #" not in target
        instance, term = target.split(" ?", 1) if searching else target.rsplit(" #", 1)
        client = self._client(instance)
        newest = state.get("min_id")
        found: list[tuple[int, dict[str, Any]]] = []

        def page(since: str | None) -> list[Any]:
            extra = {"min_id": since} if since is not None else {}
            if searching:
                # exclude_unreviewed=False also spares a version check that loops on some servers (Mastodon.py 2.x)
                found = client.search_v2(term, resolve=False, result_type="statuses", limit=PAGE,
                                         exclude_unreviewed=False, **extra)  # fmt: skip
                return list(found.statuses)
            return list(client.timeline_hashtag(term, limit=PAGE, **extra))

        try:
            for _page in range(self.options.max_pages):
                statuses = page(newest)  # the first look: the latest page only, not the whole history
                if not statuses:
                    break
                for status in statuses:
                    data = status_record(status, instance)
                    number = int(status.get("id") or 0)
                    if data is not None:
                        found.append((number, data))
                top = max(int(status.get("id") or 0) for status in statuses)
                if newest is not None and top <= int(newest):
                    break
                newest = str(top)
                if state.get("min_id") is None or len(statuses) < PAGE:
                    break
        except MastodonRatelimitError as error:
            reset = getattr(client, "ratelimit_reset", None)
            wait = max(0.0, float(reset) - datetime.now(UTC).timestamp()) if reset else None
            raise FetchError("the instance asks to slow down (429)", wait) from error
        except MastodonNetworkError:
            raise FetchError("could not reach the instance") from None
        except MastodonAPIError as error:
            status = error.args[1] if len(error.args) > 1 else "an error"
            raise FetchError(f"the instance answered {status}") from None
        except (ValueError, TypeError, KeyError) as error:
            raise FetchError(f"the answer is not the API's JSON ({type(error).__name__})") from None
        if newest is not None:
            state["min_id"] = newest
        found.sort(key=lambda item: item[0])
        return [Record(data, f"mastodon {self.name} {target} {data['id'][:80]}") for _, data in found]
