"""The source interface, and the registry that finds source plugins by their ``type``.

A source yields :class:`~ascua.model.SourceBatch` objects: records in Ascua's
mention schema plus the cursor that says where it stands. The pipeline saves the
cursor in the same transaction as the batch, and hands it back on restart, so a
source resumes exactly where the last stored batch ended. Plugins register under
the ``ascua.sources`` entry-point group; Ascua's own sources register the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import tzinfo
from importlib.metadata import entry_points
from typing import Any, ClassVar, Protocol

from pydantic import BaseModel

from ascua.config import BrandConfig
from ascua.model import SourceBatch


class SourceUnavailable(LookupError):
    """No installed plugin provides this source type."""


@dataclass(frozen=True)
class SourceContext:
    """What a source may know of the workspace."""

    zone: tzinfo
    batch_size: int
    brands: tuple[BrandConfig, ...] = field(default_factory=tuple)


class Source(Protocol):
    """A source plugin. ``Options`` validates its part of ``ascua.yaml``."""

    kind: ClassVar[str]
    Options: ClassVar[type[BaseModel]]
    name: str

    def batches(self, cursor: dict[str, Any] | None) -> AsyncIterator[SourceBatch]:
        """Yield batches from ``cursor`` on (``None``: from the beginning) until cancelled or done."""
        ...


class SourceFactory(Protocol):
    kind: ClassVar[str]
    Options: ClassVar[type[BaseModel]]

    def __call__(self, name: str, options: Any, context: SourceContext) -> Source: ...


def source_class(kind: str) -> SourceFactory:
    """The plugin class registered for ``type: kind`` in ``ascua.yaml``."""
    found = {entry.name: entry for entry in entry_points(group="ascua.sources")}
    if kind not in found:
        known = ", ".join(sorted(found)) or "none installed"
        raise SourceUnavailable(f"unknown source type {kind!r} (installed: {known})")
    plugin: SourceFactory = found[kind].load()
    return plugin


async def merge_batches(
    name: str, parts: Sequence[AsyncIterator[SourceBatch]], cursor: dict[str, Any]
) -> AsyncIterator[SourceBatch]:
    """The batches of several parts of one source (a search and a stream, say), as they come.

    Each part's batches carry its own keys of the cursor; every merged batch carries the whole
    cursor as it stands after that batch, so the cursor stored with a batch never runs ahead of
    what was stored. A part that fails makes the merged stream fail."""
    if not parts:
        return
    current = dict(cursor)
    queue: asyncio.Queue[SourceBatch | BaseException] = asyncio.Queue(maxsize=8)

    async def pump(part: AsyncIterator[SourceBatch]) -> None:
        try:
            async for batch in part:
                await queue.put(batch)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # the consumer raises it
            await queue.put(error)

    tasks = [asyncio.create_task(pump(part)) for part in parts]
    try:
        while True:
            item = await queue.get()
            if isinstance(item, BaseException):
                raise item
            current.update(item.cursor or {})
            yield SourceBatch(name, item.records, dict(current), item.watermark, item.problems, item.error)
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
