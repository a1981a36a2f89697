"""``type: webhook``: mentions POSTed to the radar by another program (n8n, Zapier, a collector
of your own), in Ascua's mention schema (docs/sources.md#webhook).

The radar's HTTP API takes them at ``POST /api/v1/ingest/{source}`` with an API token
(``ingest`` or ``write`` scope), checks every item, answers which ones it accepted and why
it refused the others, and hands the accepted ones to this source: from there they go
through the whole pipeline like the posts of any source (brand matching, analysis, storage
exactly once by ``source`` and ``id``, detection).

The web server and the pipeline run on different threads: each running webhook source
registers an :class:`Inbox` under its name, a bounded queue on the pipeline's event loop.
Accepted means queued: what was accepted and not yet stored when the radar stops is lost, so
the sender should retry what it did not get an answer for (storage is idempotent).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from ascua.model import Record, SourceBatch
from ascua.sources.base import SourceContext


class WebhookOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    per_minute: int = Field(6_000, ge=1, le=1_000_000, description="mentions a token may send per minute")
    max_items: int = Field(1_000, ge=1, le=10_000, description="mentions in one request at most")
    queue: int = Field(50_000, ge=100, le=1_000_000, description="mentions waiting for the pipeline at most")


class InboxFull(RuntimeError):
    """The pipeline is behind: the sender should retry later."""


class Inbox:
    """Where the web server leaves accepted records for one running webhook source."""

    def __init__(self, name: str, options: WebhookOptions, loop: asyncio.AbstractEventLoop):
        self.name = name
        self.options = options
        self.loop = loop
        self.queue: asyncio.Queue[list[Record]] = asyncio.Queue()
        self.waiting = 0  # records queued and not yet taken by the pipeline
        self._lock = threading.Lock()

    def put(self, records: list[Record]) -> None:
        """Queue ``records`` (from any thread); :class:`InboxFull` when too many are waiting."""
        with self._lock:
            if self.waiting + len(records) > self.options.queue:
                raise InboxFull(f"{self.waiting:,} mentions are waiting for the pipeline")
            self.waiting += len(records)
        self.loop.call_soon_threadsafe(self.queue.put_nowait, records)

    def taken(self, count: int) -> None:
        with self._lock:
            self.waiting -= count


_INBOXES: dict[str, Inbox] = {}
_REGISTRY = threading.Lock()


def inbox(name: str) -> Inbox | None:
    """The running webhook source called ``name`` (``None``: none runs in this process)."""
    with _REGISTRY:
        return _INBOXES.get(name)


class WebhookSource:
    """``type: webhook`` in ``ascua.yaml``."""

    kind: ClassVar[str] = "webhook"
    Options: ClassVar[type[BaseModel]] = WebhookOptions

    def __init__(self, name: str, options: WebhookOptions, context: SourceContext):
        self.name = name
        self.options = options
        self.context = context

    async def batches(self, cursor: dict[str, Any] | None) -> AsyncIterator[SourceBatch]:
        box = Inbox(self.name, self.options, asyncio.get_running_loop())
        with _REGISTRY:
            _INBOXES[self.name] = box
        try:
            while True:
                records = await box.queue.get()
                while not box.queue.empty() and len(records) < self.context.batch_size:
                    records = records + box.queue.get_nowait()
                box.taken(len(records))
                yield SourceBatch(self.name, records, cursor={"received": True})
        finally:
            with _REGISTRY:
                if _INBOXES.get(self.name) is box:
                    del _INBOXES[self.name]
