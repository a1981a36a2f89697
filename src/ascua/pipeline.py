"""The pipeline: stage interfaces wired together, and the embedded (one-process) runner.

    source ──► normalize ──► match ──► enrich ──► store ─► aggregate ──► detect ──► alert ──► explain ──► notify

Each stage is a plain object with a typed ``process`` method and no knowledge of what
runs it. :class:`Pipeline` wires them: ``analyse`` (normalize, match, enrich: pure
computation), ``commit`` (store and aggregate in one transaction, with the source
cursor) and ``react`` (detect and alert, explain the alerts that call for it,
:mod:`ascua.explain`, then hand the batch's new links to the deep tier,
:mod:`ascua.deep_tier`, which reads them again in its own thread).
:class:`EmbeddedRunner` runs them in one asyncio process with bounded queues between
the three parts, so a fast source waits for a slow database instead of filling the
memory, and on SIGINT/SIGTERM it stops the sources, lets every collected batch reach
the database, and returns.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy.exc import DBAPIError

from ascua.aggregate import Aggregator
from ascua.analysis import analyse
from ascua.detect import DetectionStage
from ascua.explain.stage import Explainer
from ascua.model import AlertEvent, Level, MentionBatch, NewLink, SourceBatch, StoredBatch, WindowStats, utcnow
from ascua.normalize import Normalizer
from ascua.query import BrandMatcher
from ascua.respond.alerts import AlertManager
from ascua.respond.notify import Notifier
from ascua.store.bulk import insert_for
from ascua.store.database import Database, is_transient
from ascua.store.schema import source_state
from ascua.store.writer import MentionWriter

log = logging.getLogger(__name__)

COMMIT_ATTEMPTS = 4


In = TypeVar("In", contravariant=True)
Out = TypeVar("Out", covariant=True)


class Stage(Protocol[In, Out]):
    """A pure stage: one batch in, one batch out."""

    def process(self, batch: In) -> Out: ...


class DeepTier(Protocol):
    """Takes each committed batch's new links, for the deep tier (:mod:`ascua.deep_tier`)."""

    def offer(self, links: Sequence[NewLink], levels: Mapping[str, Level]) -> None: ...


@dataclass
class Outcome:
    """What one batch did, end to end."""

    stored: StoredBatch
    windows: list[WindowStats]
    events: list[AlertEvent]
    seconds: float = 0.0


@dataclass
class Pipeline:
    """The stages of the radar for one workspace. ``matcher``/``enricher`` are off for raw imports."""

    database: Database
    normalizer: Stage[SourceBatch, MentionBatch] | Normalizer
    writer: MentionWriter
    matcher: BrandMatcher | None = None
    enricher: Stage[MentionBatch, MentionBatch] | None = None
    aggregator: Aggregator | None = None
    detection: DetectionStage | None = None
    alerts: AlertManager | None = None
    notifiers: list[Notifier] = field(default_factory=list)
    deep: DeepTier | None = None
    explainer: Explainer | None = None

    def analyse(self, batch: SourceBatch) -> MentionBatch:
        """normalize → match → enrich: computation only, no I/O."""
        return analyse((self.normalizer, self.matcher, self.enricher), batch)  # type: ignore[arg-type]

    def commit(self, batch: MentionBatch) -> tuple[StoredBatch, list[WindowStats]]:
        """store + aggregate + cursor, in one transaction (retried on a busy or lost database)."""
        for attempt in range(1, COMMIT_ATTEMPTS + 1):
            stored: StoredBatch | None = None
            try:
                with self.database.engine.begin() as connection:
                    stored = self.writer.process(batch, connection)
                    windows = self.aggregator.process(stored, connection) if self.aggregator else []
                return stored, windows
            except DBAPIError as error:
                if stored is not None and self.aggregator is not None:
                    self.aggregator.discard(stored)
                if attempt == COMMIT_ATTEMPTS or not is_transient(error):
                    raise
                log.warning("database busy or unreachable (attempt %d): retrying", attempt)
                time.sleep(0.5 * 2**attempt)
        raise AssertionError("unreachable")

    def react(self, stored: StoredBatch, windows: list[WindowStats], watermark: datetime | None) -> list[AlertEvent]:
        """detect → alert → explain, then offer the batch to the deep tier (which never makes it wait)."""
        if self.detection is None or self.alerts is None:
            return []
        assessments = self.detection.process(windows, watermark)
        events = self.alerts.process(assessments)
        if self.explainer is not None:
            moments = [link.created_at for link in stored.links] + ([watermark] if watermark else [])
            at = max(moments) if moments else None
            events = self.explainer.process(events, self.alerts.open_alerts(), at)
        if self.deep is not None:
            self.deep.offer(stored.links, self.alerts.levels())
        return events


_DONE = object()


@dataclass
class RunStats:
    batches: int = 0
    received: int = 0
    inserted: int = 0
    duplicates: int = 0
    unmatched: int = 0
    problems: int = 0
    events: int = 0
    interrupted: bool = False
    source_errors: dict[str, str] = field(default_factory=dict)


class EmbeddedRunner:
    """Runs a :class:`Pipeline` over asynchronous sources in this process.

    ``on_outcome`` is called (in the event loop) after each batch is committed. The
    analyse part runs in a thread by default; ``analyse`` and ``executor`` let it run
    elsewhere (worker processes, for imports), with up to ``concurrency`` batches in
    flight and the results taken in order.
    """

    def __init__(
        self,
        pipeline: Pipeline,
        *,
        queue_size: int = 8,
        on_outcome: Callable[[Outcome], None] | None = None,
        analyse: Callable[[Any], MentionBatch] | None = None,
        executor: Executor | None = None,
        concurrency: int = 1,
    ):
        self.pipeline = pipeline
        self.queue_size = queue_size
        self.on_outcome = on_outcome
        self.analyse: Callable[[Any], MentionBatch] = analyse or pipeline.analyse
        self.executor = executor
        self.concurrency = max(1, concurrency)
        self.stats = RunStats()
        self._watermarks: dict[str, datetime] = {}
        self._notifications: set[asyncio.Task[None]] = set()
        # one lock per notifier: its messages go out one at a time, in the order of the events
        # (a slow target never delays the others, nor the stream)
        self._notifier_locks: dict[int, asyncio.Lock] = {}

    async def run(self, feeds: dict[str, AsyncIterator[Any]], stop: asyncio.Event | None = None) -> RunStats:
        """Run until every feed is exhausted or ``stop`` is set; then flush and return."""
        stop = stop or asyncio.Event()
        ingest: asyncio.Queue[object] = asyncio.Queue(self.queue_size)
        analysed: asyncio.Queue[object] = asyncio.Queue(self.queue_size)
        pumps = [
            asyncio.create_task(self._pump(name, feed, ingest), name=f"source {name}") for name, feed in feeds.items()
        ]
        analyser = asyncio.create_task(self._analyse(ingest, analysed), name="analyse")
        committer = asyncio.create_task(self._commit(analysed), name="commit")
        stopping = asyncio.create_task(stop.wait())
        pending = set(pumps)
        try:
            while pending and not stop.is_set():
                done, _ = await asyncio.wait(
                    pending | {stopping, committer, analyser}, return_when=asyncio.FIRST_COMPLETED
                )
                pending -= done
                if committer in done or analyser in done:
                    break  # the database or the analysis failed for good: stop collecting
        finally:
            self.stats.interrupted = stop.is_set()
            for pump in pumps:
                pump.cancel()
            await asyncio.gather(*pumps, return_exceptions=True)
            stopping.cancel()
            if committer.done():
                analyser.cancel()
            elif not analyser.done():
                await ingest.put(_DONE)
            await asyncio.gather(analyser, return_exceptions=True)
            if analyser.done() and not analyser.cancelled() and analyser.exception() and not committer.done():
                await analysed.put(_DONE)
            await committer  # raises if the database failed: nothing is lost, the cursor was not moved
            if analyser.done() and not analyser.cancelled() and analyser.exception():
                raise analyser.exception()  # type: ignore[misc]
            if self._notifications:
                await asyncio.wait(self._notifications, timeout=30)
        return self.stats

    async def _pump(self, name: str, feed: AsyncIterator[SourceBatch], ingest: asyncio.Queue[object]) -> None:
        try:
            async for batch in feed:
                await ingest.put(batch)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # a broken source shows as unhealthy; it does not stop the radar
            log.exception("source %s failed", name)
            self.stats.source_errors[name] = f"{type(error).__name__}: {error}"
            await asyncio.to_thread(_record_source_error, self.pipeline.database, name, error)

    async def _analyse(self, ingest: asyncio.Queue[object], analysed: asyncio.Queue[object]) -> None:
        loop = asyncio.get_running_loop()
        in_flight: deque[asyncio.Future[MentionBatch]] = deque()
        while True:
            item = await ingest.get()
            if item is _DONE:
                break
            in_flight.append(loop.run_in_executor(self.executor, self.analyse, item))
            while in_flight and (len(in_flight) >= self.concurrency or in_flight[0].done()):
                await analysed.put(await in_flight.popleft())
        while in_flight:
            await analysed.put(await in_flight.popleft())
        await analysed.put(_DONE)

    async def _commit(self, analysed: asyncio.Queue[object]) -> None:
        while True:
            item = await analysed.get()
            if item is _DONE:
                return
            assert isinstance(item, MentionBatch)
            outcome = await asyncio.to_thread(self._commit_one, item)
            self._account(outcome)
            for event in outcome.events:
                for notifier in self.pipeline.notifiers:
                    task = asyncio.create_task(self._notify(notifier, event))
                    self._notifications.add(task)
                    task.add_done_callback(self._notifications.discard)
            if self.on_outcome is not None:
                self.on_outcome(outcome)

    async def _notify(self, notifier: Notifier, event: AlertEvent) -> None:
        lock = self._notifier_locks.setdefault(id(notifier), asyncio.Lock())
        async with lock:
            await asyncio.to_thread(notifier.notify, event)

    def _commit_one(self, batch: MentionBatch) -> Outcome:
        started = time.perf_counter()
        if batch.watermark is not None:
            self._watermarks[batch.source] = batch.watermark
        stored, windows = self.pipeline.commit(batch)
        watermark = min(self._watermarks.values()) if self._watermarks else None
        events = self.pipeline.react(stored, windows, watermark)
        return Outcome(stored, windows, events, time.perf_counter() - started)

    def _account(self, outcome: Outcome) -> None:
        stats = self.stats
        stats.batches += 1
        stats.received += outcome.stored.received
        stats.inserted += outcome.stored.inserted
        stats.duplicates += outcome.stored.duplicates
        stats.unmatched += outcome.stored.unmatched
        stats.problems += sum(1 for problem in outcome.stored.problems if problem.fatal)
        stats.events += len(outcome.events)


def _record_source_error(database: Database, name: str, error: Exception) -> None:
    now = utcnow()
    message = f"{type(error).__name__}: {error}"[:500]
    with database.engine.begin() as connection:
        statement = insert_for(connection, source_state).values(
            name=name,
            kind=name,
            cursor=None,
            mentions_total=0,
            last_error=message,
            last_error_at=now,
            updated_at=now,
            errors_total=1,
        )
        changes = {"last_error": message, "last_error_at": now, "updated_at": now,
                   "errors_total": source_state.c.errors_total + 1}  # fmt: skip
        connection.execute(statement.on_conflict_do_update(index_elements=["name"], set_=changes))
