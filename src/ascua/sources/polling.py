"""What every polling source shares: a schedule per target, backoff, ``Retry-After``, health.

A polling source (feeds, search APIs) has *targets* (feed URLs, search queries), each with a
state kept in the cursor. :func:`poll_forever` asks each target for what is new every
``every`` seconds; a target that fails is asked again later with exponential backoff and
jitter, never sooner than the server's ``Retry-After``, and the failure goes to the pipeline
as the batch's ``error`` (the source shows as unhealthy until a fetch succeeds). The other
targets keep their own pace. Nothing is fetched but the targets configured.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from email.utils import parsedate_to_datetime
from typing import Any

from ascua import __version__
from ascua.model import Record, SourceBatch, utcnow

log = logging.getLogger(__name__)

MAX_BACKOFF = 3600.0
USER_AGENT = f"Ascua/{__version__} (social media crisis radar)"

Poll = Callable[[Any, str, dict[str, Any]], Awaitable[list[Record]]]


class FetchError(Exception):
    """A fetch that failed, in words (no secrets), and how long to wait at least before the next one."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


def retry_after(value: str | None) -> float | None:
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
        return None
    return max(0.0, (moment - utcnow()).total_seconds())


def check_status(response: Any) -> None:
    """A :class:`FetchError` for an answer that is not a success (or a 304)."""
    status = response.status_code
    if status in (429, 503):
        raise FetchError(f"the server asks to slow down ({status})", retry_after(response.headers.get("Retry-After")))
    if status >= 400:
        raise FetchError(f"the server answered {status}")


async def read_capped(response: Any, limit: int) -> bytes:
    """The body of a streamed httpx response, refused beyond ``limit`` bytes."""
    body = bytearray()
    async for chunk in response.aiter_bytes():
        body += chunk
        if len(body) > limit:
            raise FetchError(f"the answer is larger than {limit:,} bytes")
    return bytes(body)


async def get(client: Any, url: str, *, limit: int, waited: float, **kwargs: Any) -> tuple[Any, bytes]:
    """GET ``url`` through httpx: the response and its body (``b""`` for a 304); failures as FetchError.
    ``waited`` is the client's timeout, for the message."""
    import httpx

    try:
        async with client.stream("GET", url, **kwargs) as response:
            if response.status_code == 304:
                return response, b""
            check_status(response)
            return response, await read_capped(response, limit)
    except httpx.TimeoutException:
        raise FetchError(f"no answer within {waited:.0f} s") from None
    except httpx.HTTPError as error:
        raise FetchError(f"could not fetch it ({type(error).__name__})") from None


async def poll_forever(
    name: str,
    targets: list[str],
    states: dict[str, dict[str, Any]],
    poll: Poll,
    *,
    every: float,
    client_timeout: float,
    cursor_key: str,
    describe: Callable[[str], str],
    on_response: Callable[[Any], Awaitable[None]] | None = None,
) -> AsyncIterator[SourceBatch]:
    """Ask each target for what is new, forever; one batch per answer (with ``error`` when it failed).
    ``on_response`` sees every HTTP answer (a service's own rate-limit headers, say)."""
    import httpx

    failures = dict.fromkeys(targets, 0)
    due = dict.fromkeys(targets, 0.0)

    def cursor() -> dict[str, Any]:
        return {cursor_key: {target: dict(states[target]) for target in targets}}

    hooks = {"response": [on_response]} if on_response is not None else {}
    async with httpx.AsyncClient(
        timeout=client_timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}, event_hooks=hooks
    ) as client:
        while True:
            for target in targets:
                if due[target] > time.monotonic():
                    continue
                try:
                    records = await poll(client, target, states[target])
                except FetchError as error:
                    failures[target] += 1
                    wait = min(MAX_BACKOFF, min(every, 60.0) * 2 ** (failures[target] - 1))
                    wait = max(wait * random.uniform(0.8, 1.2), error.retry_after or 0.0)
                    due[target] = time.monotonic() + wait
                    message = f"{describe(target)}: {error} (next try in {wait:.0f} s)"
                    log.warning("source %s: %s", name, message)
                    yield SourceBatch(name, [], cursor(), error=message)
                    continue
                failures[target] = 0
                due[target] = time.monotonic() + every
                yield SourceBatch(name, records, cursor())
            wake = min(due.values()) - time.monotonic()
            await asyncio.sleep(min(max(wake, 0.05), every))
