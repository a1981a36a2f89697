"""How many requests run Python at once in the dashboard.

FastAPI runs a plain ``def`` route in a thread. With one GIL, twenty threads do not answer
twenty people faster than two do: they share the interpreter worse, and they starve the event
loop that reads requests and writes answers. So at most ``ASCUA_WEB_THREADS`` (2) requests run
at once and the others wait their turn in the loop; on 1,000,000 mentions and 20 clients that
keeps every page's p95 under 200 ms (benchmarks/dashboard_speed.py).

The community views read a brand's whole history (seconds on a large store): they have their
own two threads (:func:`heavy`), so two people opening them never hold up the other pages.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, TypeVar

import anyio
import anyio.to_thread

WEB_THREADS = int(os.environ.get("ASCUA_WEB_THREADS", "2"))
HEAVY_THREADS = 2
_limited: list[object] = []
_heavy: list[anyio.CapacityLimiter] = []

P = ParamSpec("P")
R = TypeVar("R")


def limit_threads() -> None:
    """Set the event loop's default thread limiter to WEB_THREADS (once per loop)."""
    limiter = anyio.to_thread.current_default_thread_limiter()
    if not _limited or _limited[0] is not limiter:
        limiter.total_tokens = WEB_THREADS
        _limited[:] = [limiter]


def heavy(route: Callable[P, R]) -> Callable[P, Coroutine[Any, Any, R]]:
    """Run a slow ``def`` route in the heavy views' own threads, not the pages' ones."""

    @functools.wraps(route)
    async def run(*args: P.args, **kwargs: P.kwargs) -> R:
        if not _heavy:
            _heavy.append(anyio.CapacityLimiter(HEAVY_THREADS))
        return await anyio.to_thread.run_sync(functools.partial(route, *args, **kwargs), limiter=_heavy[0])

    return run
