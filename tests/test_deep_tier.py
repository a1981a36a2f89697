"""The deep tier reads the posts that matter again, off the stream: the wave under alert, the
posts with a large reach and those a person looks at; never the quiet ones, never in the
stream's way, and nothing half-written when the radar stops.

Each story runs the real pipeline on a real SQLite workspace, with a handful of posts (the
deep model reads about twenty a second).
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import shutil
import sqlite3
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select
from typer.testing import CliRunner

import ascua.analysis as analysis_stages_module
from ascua.cli import app
from ascua.config import Workspace, load_workspace
from ascua.deep_tier import DeepAnalysisWorker, DeepQueue, Priority
from ascua.model import AlertEvent, Analysis, Level, Mention, Record, SourceBatch
from ascua.nlp.analyzer import Analyzer
from ascua.nlp.enrich import Enricher
from ascua.pipeline import EmbeddedRunner, Outcome, Pipeline
from ascua.radar import Radar
from ascua.status import workspace_status
from ascua.store.database import Database, open_database
from ascua.store.schema import analysis, mention

from .conftest import write_workspace

NOW = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
ONSET = NOW - timedelta(hours=2) + timedelta(minutes=5)  # the wave, well inside one hour-long window
NEGATIVE = [
    "@vuelaya me cancelaron el vuelo otra vez, qué vergüenza, pésimo servicio",
    "Vuelaya canceló mi vuelo y no devuelve el dinero. Nunca más, pésima atención",
    "Terrible experience with @vuelaya, flight cancelled and no refund, worst airline ever",
    "Vuelaya: vuelo cancelado sin aviso, pésimo servicio, una vergüenza",
    "Worst service ever @vuelaya, cancelled flight and terrible support",
]
QUIET = ["Frutalia zumo de naranja para desayunar", "Me encanta el nuevo zumo de Frutalia, buenísimo"]
# A detector that needs little: no learning period, and a handful of people over a near-silent brand.
WAVE_DETECTION = {
    "watch_people": 1,
    "incident_people": 3,
    "crisis_people": 30,
    "z_watch": 1.5,
    "z_incident": 2.0,
    "z_crisis": 20.0,
    "warmup": "1s",
    "warmup_mentions": 0,
}


@pytest.fixture(scope="module", autouse=True)
def _models_loaded_once() -> Iterator[None]:
    """The real models, loaded once for this module: every pipeline would load its own (seconds)."""
    shared = Analyzer()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(analysis_stages_module, "Enricher", partial(Enricher, analyzer=shared))
        yield


def radar_workspace(root: Path, **analysis_options: Any) -> Workspace:
    """The example brands; Vuelaya's detector raises an incident at three people posting negatively."""
    workspace = write_workspace(root, sources=[], language="en", web={"enabled": False, "host": "127.0.0.1", "port": 0})
    config = workspace.config.model_dump(mode="json", exclude_none=True)
    config["brands"][0]["detection"] = WAVE_DETECTION
    config["analysis"] = {**config["analysis"], **analysis_options}
    config.pop("database", None)
    return write_workspace(root, **config)


@dataclass
class Posts:
    """Records for the source, numbered; ``ids`` maps a post's name to its native id."""

    records: list[tuple[str, Record]] = field(default_factory=list)

    def add(self, name: str, text: str, minute: float, *, author: str, followers: int = 120) -> Record:
        native_id = str(len(self.records) + 1)
        created = ONSET + timedelta(minutes=minute)
        data = {
            "source": "x",
            "id": native_id,
            "text": text,
            "created_at": created.isoformat().replace("+00:00", "Z"),
            "author": {"handle": author, "followers": followers},
        }
        record = Record(data, f"test:{name}")
        self.records.append((name, record))
        return record


def story() -> tuple[Posts, list[list[Record]]]:
    """A quiet start, then a wave of complaints about Vuelaya, then a calm post during the alert.

    Batch 1: the usual Vuelaya talk of the five hours before and an old complaint among it,
    one complaint just before the wave, quiet
    Frutalia posts, a Conectia post by an account with 50,000 followers. Batch 2: four more
    people complain about Vuelaya (five in the hour: incident). Batch 3: a calm Vuelaya post.
    """
    posts = Posts()
    first = [
        *(
            posts.add(f"usual {i}", f"Vuelaya publica sus horarios de la semana {i}", -290 + 30 * i, author=f"@u{i}")
            for i in range(8)
        ),
        posts.add("old complaint", NEGATIVE[0], -300, author="@old"),
        posts.add("early complaint", NEGATIVE[1], 0, author="@early"),
        posts.add("quiet 1", QUIET[0], 1, author="@f1"),
        posts.add("quiet 2", QUIET[1], 2, author="@f2"),
        posts.add(
            "high reach", "Conectia anuncia su nueva tarifa de fibra para 2027", 2, author="@press", followers=50_000
        ),
    ]
    wave = [posts.add(f"wave {i}", NEGATIVE[i % len(NEGATIVE)], 3 + i, author=f"@angry{i}") for i in range(4)]
    calm = [posts.add("calm during alert", "Vuelaya publica su horario de invierno", 9, author="@calm")]
    return posts, [first, wave, calm]


async def feed(
    batches: list[list[Record]], between: Callable[[int], Awaitable[None]] | None = None
) -> AsyncIterator[SourceBatch]:
    for number, records in enumerate(batches, 1):
        if between is not None:
            await between(number)
        yield SourceBatch("x", records, cursor={"batch": number})


def run_stream(pipeline: Pipeline, batches: AsyncIterator[SourceBatch]) -> list[Outcome]:
    outcomes: list[Outcome] = []

    async def main() -> None:
        runner = EmbeddedRunner(pipeline, queue_size=2, on_outcome=outcomes.append)
        await runner.run({"x": batches})

    asyncio.run(main())
    return outcomes


def tiers(database: Database) -> dict[str, str | None]:
    """Each stored post's analysis tier, by native id."""
    query = select(mention.c.native_id, analysis.c.tier).outerjoin(analysis, analysis.c.mention_id == mention.c.id)
    with database.engine.connect() as connection:
        return {row.native_id: row.tier for row in connection.execute(query)}


def by_name(posts: Posts, tier_of: dict[str, str | None]) -> dict[str, str | None]:
    return {name: tier_of.get(record.data["id"]) for name, record in posts.records}


def events_of(outcomes: list[Outcome]) -> list[AlertEvent]:
    return [event for outcome in outcomes for event in outcome.events]


def test_the_wave_under_alert_and_high_reach_posts_are_read_again_quiet_posts_are_not(tmp_path: Path) -> None:
    workspace = radar_workspace(tmp_path / "ws")
    posts, batches = story()
    with Radar.open(workspace) as radar:
        pipeline = radar.pipeline()
        worker = DeepAnalysisWorker.for_radar(radar, pipeline)
        assert worker is not None and worker.min_reach == 10_000 and worker.batch_size == 16
        pipeline.deep = worker
        worker.start()
        try:
            outcomes = run_stream(pipeline, feed(batches))
            assert worker.wait_until_idle(60), worker.status()
            report = workspace_status(workspace, radar.database)
        finally:
            worker.stop()
        final = workspace_status(workspace, radar.database)
        tier_of = by_name(posts, tiers(radar.database))

    incident = [e for e in events_of(outcomes) if e.brand == "vuelaya" and e.level >= Level.INCIDENT]
    assert incident, f"the story needs an incident for Vuelaya: {events_of(outcomes)}"
    wave = ["early complaint", *(f"wave {i}" for i in range(4)), "calm during alert"]
    assert {name: tier_of[name] for name in wave} == dict.fromkeys(wave, "deep")
    assert tier_of["high reach"] == "deep"
    assert {name: tier_of[name] for name in ("quiet 1", "quiet 2")} == {"quiet 1": "fast", "quiet 2": "fast"}
    assert tier_of["old complaint"] == "fast", "five hours before the alert's window: not part of the wave"
    assert worker.done == 7 and worker.failed == 0
    assert report["deep_tier"]["running"] and report["deep_tier"]["analysed"] == 7
    assert final["deep_tier"]["running"] is False and final["deep_tier"]["analysed"] == 7


def test_the_stream_goes_on_while_the_deep_tier_is_busy(tmp_path: Path) -> None:
    """The deep tier is stuck on its first batch until the stream has committed every batch."""
    workspace = radar_workspace(tmp_path / "ws")
    posts = Posts()
    batches = [[posts.add("high reach", "Conectia anuncia fibra", 0, author="@press", followers=80_000)]]
    batches += [[posts.add(f"quiet {n}", QUIET[n % 2], n, author=f"@f{n}")] for n in range(1, 7)]
    started, release = threading.Event(), threading.Event()
    order: list[str] = []

    with Radar.open(workspace) as radar:
        pipeline = radar.pipeline()
        worker = DeepAnalysisWorker.for_radar(radar, pipeline)
        assert worker is not None and pipeline.enricher is not None
        deep = worker.analyse

        def stuck(mentions: list[Mention]) -> list[Analysis]:
            order.append("deep batch starts")
            started.set()
            release.wait(60)
            order.append("deep batch ends")
            return deep(mentions)

        worker.analyse = stuck
        pipeline.deep = worker
        worker.start()

        async def after_the_first(number: int) -> None:
            if number == 2:  # the rest of the stream only once the deep tier is busy
                assert await asyncio.to_thread(started.wait, 60)

        def committed(outcome: Outcome) -> None:
            order.append("batch committed")

        try:

            async def main() -> None:
                runner = EmbeddedRunner(pipeline, queue_size=2, on_outcome=committed)
                stats = await runner.run({"x": feed(batches, after_the_first)})
                assert stats.batches == 7
                order.append("stream done")

            asyncio.run(main())
            assert not release.is_set() and worker.queued == 0 and worker.done == 0
            release.set()
            assert worker.wait_until_idle(60)
        finally:
            release.set()
            worker.stop()
        tier_of = by_name(posts, tiers(radar.database))

    starts, ends, done = order.index("deep batch starts"), order.index("deep batch ends"), order.index("stream done")
    commits = [i for i, step in enumerate(order) if step == "batch committed"]
    assert len(commits) == 7
    # the first batch hands its post to the deep tier as it commits, so which of the two is
    # written down first is a race; every later batch commits while the deep tier is stuck
    assert all(starts < i < done for i in commits[1:]) and done < ends, order
    assert tier_of["high reach"] == "deep" and {tier_of[f"quiet {n}"] for n in range(1, 7)} == {"fast"}


@pytest.fixture(scope="module")
def _wave_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Posts]:
    root = tmp_path_factory.mktemp("wave") / "ws"
    posts, batches = story()
    with Radar.open(radar_workspace(root, deep_tier=False)) as radar:
        outcomes = run_stream(radar.pipeline(), feed(batches))
    assert any(e.brand == "vuelaya" and e.level >= Level.INCIDENT for e in events_of(outcomes))
    return root, posts


@pytest.fixture
def wave(_wave_store: tuple[Path, Posts], tmp_path: Path) -> tuple[Workspace, Posts]:
    """A workspace where the story raised an incident for Vuelaya, read by the fast tier only
    (``deep_tier: false``), as a radar leaves it when it stops."""
    root, posts = _wave_store
    shutil.copytree(root, tmp_path / "ws")
    return load_workspace(tmp_path / "ws"), posts


def test_a_restart_queues_the_open_alerts_posts_still_read_by_the_fast_tier_newest_first(
    wave: tuple[Workspace, Posts],
) -> None:
    workspace, posts = wave
    with Radar.open(workspace) as radar:
        assert set(tiers(radar.database).values()) == {"fast"}
        pipeline = radar.pipeline()
        assert DeepAnalysisWorker.for_radar(radar, pipeline) is None  # deep_tier: false
        assert pipeline.alerts is not None and pipeline.enricher is not None
        levels = pipeline.alerts.levels()
        assert levels["vuelaya"] >= Level.INCIDENT
        # A queue of three: the refill takes the three newest posts of the wave.
        worker = DeepAnalysisWorker(
            radar.database,
            pipeline.enricher.analyse_deep,  # type: ignore[union-attr]
            radar.brand_ids,
            capacity=3,
            levels=levels,
            lookback={"vuelaya": timedelta(hours=1)},
        )
        worker.start()
        try:
            assert worker.wait_until_idle(60)
        finally:
            worker.stop()
        tier_of = by_name(posts, tiers(radar.database))
    deep = {name for name, tier in tier_of.items() if tier == "deep"}
    assert deep == {"calm during alert", "wave 3", "wave 2"}
    assert tier_of["high reach"] == "fast", "a restart refills the waves under alert only"


def test_a_restart_with_the_deep_tier_on_finishes_the_wave(wave: tuple[Workspace, Posts]) -> None:
    workspace, posts = wave
    workspace = radar_workspace(workspace.root)  # the radar restarts with the deep tier on
    with Radar.open(workspace) as radar:
        pipeline = radar.pipeline()
        worker = DeepAnalysisWorker.for_radar(radar, pipeline)
        assert worker is not None
        worker.start()
        try:
            assert worker.wait_until_idle(60)
            status = CliRunner().invoke(app, ["status", "--workspace", str(workspace.root)])
        finally:
            worker.stop()
        tier_of = by_name(posts, tiers(radar.database))
    wave = {"early complaint", "calm during alert", *(f"wave {i}" for i in range(4))}
    assert {name for name, tier in tier_of.items() if tier == "deep"} == wave
    assert status.exit_code == 0, status.output
    assert "Deep tier: 6 posts read again; 0 waiting" in status.output, status.output


class _Gate:
    """Wraps the deep model: the first batch waits inside the model until the test says go."""

    def __init__(self, analyse: Callable[[list[Mention]], list[Analysis]]):
        self.analyse = analyse
        self.inside = threading.Event()
        self.go = threading.Event()
        self.calls = 0

    def __call__(self, mentions: list[Mention]) -> list[Analysis]:
        self.calls += 1
        if self.calls == 1:
            self.inside.set()
            self.go.wait(60)
        return self.analyse(mentions)


def _requested_worker(
    database: Database, brand_ids: dict[str, int], analyse: Callable[[list[Mention]], list[Analysis]], **options: Any
) -> tuple[DeepAnalysisWorker, _Gate, list[int]]:
    """A worker asked to read every stored post, four at a time, its first batch held inside the model."""
    with database.engine.connect() as connection:
        ids = [row.id for row in connection.execute(select(mention.c.id).order_by(mention.c.id))]
    gate = _Gate(analyse)
    worker = DeepAnalysisWorker(database, gate, brand_ids, batch_size=4, **options)
    worker.start()
    assert worker.request(ids) == len(ids)
    assert gate.inside.wait(60)
    return worker, gate, ids


def _rows(database: Database) -> list[dict[str, Any]]:
    with database.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(select(analysis).order_by(analysis.c.mention_id))]


@pytest.mark.parametrize("drop", [False, True], ids=["finish the batch in hand", "drop it"])
def test_stopping_leaves_each_post_with_its_fast_or_its_whole_deep_analysis(
    wave: tuple[Workspace, Posts], drop: bool
) -> None:
    workspace, _ = wave
    with Radar.open(workspace) as radar:
        pipeline = radar.pipeline()
        before = {row["mention_id"]: row for row in _rows(radar.database)}
        deep = pipeline.enricher.analyse_deep  # type: ignore[union-attr]
        worker, gate, ids = _requested_worker(radar.database, radar.brand_ids, deep)
        worker.request_stop(drop=drop)  # as SIGINT does, while the first batch is inside the model
        gate.go.set()
        worker.stop()
        assert not worker.running and gate.calls == 1
        after = {row["mention_id"]: row for row in _rows(radar.database)}
    assert after.keys() == before.keys() == set(ids), "every post keeps one analysis row"
    deep = [mention_id for mention_id, row in after.items() if row["tier"] == "deep"]
    assert len(deep) == (0 if drop else 4), "a batch is written whole or not at all"
    for mention_id, row in after.items():
        if row["tier"] == "fast":
            assert row == before[mention_id]
        else:
            assert row["analysed_at"] > before[mention_id]["analysed_at"] and row["lang"] == before[mention_id]["lang"]


def test_a_locked_database_is_retried_not_fatal(wave: tuple[Workspace, Posts]) -> None:
    """Another writer holds SQLite's lock when the deep batch is written: it is retried, and lands."""
    workspace, _ = wave
    blocker = sqlite3.connect(str(workspace.root / "ascua.db"), isolation_level=None, check_same_thread=False)
    retries: list[str] = []

    class ReleaseOnRetry(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if "retrying" in record.getMessage():
                retries.append(record.getMessage())
                if blocker.in_transaction:
                    blocker.execute("ROLLBACK")  # the other writer finishes

    handler = ReleaseOnRetry(logging.WARNING)
    logging.getLogger("ascua.deep_tier").addHandler(handler)
    # Wait 50 ms for a lock instead of a minute, so that "database is locked" comes at once.
    impatient = open_database(workspace.database_url, migrate=False)
    event.listen(impatient.engine, "connect", lambda connection, _: connection.execute("PRAGMA busy_timeout=50"))
    try:
        with Radar.open(workspace) as radar:
            deep = radar.pipeline().enricher.analyse_deep  # type: ignore[union-attr]
            worker, gate, ids = _requested_worker(impatient, radar.brand_ids, deep, retry_delay=0.01)
            blocker.execute("BEGIN IMMEDIATE")  # another writer holds the database
            gate.go.set()
            assert worker.wait_until_idle(60)
            worker.stop()
        assert retries, "the first write met the lock"
        assert worker.failed == 0 and worker.done == len(ids) and worker.error is None
        assert set(tiers(impatient).values()) == {"deep"}
    finally:
        logging.getLogger("ascua.deep_tier").removeHandler(handler)
        blocker.close()
        impatient.close()


def test_the_queue_keeps_the_posts_that_matter_most_when_full() -> None:
    queue = DeepQueue(capacity=4)
    for mention_id in range(1, 5):
        assert queue.push(mention_id, Priority.REACH)
    assert queue.push(10, Priority.ALERT) and 1 not in queue  # the oldest high-reach post makes room
    assert queue.push(2, Priority.SHOWN) and len(queue) == 4  # moved up, not twice
    assert queue.push(3, Priority.REACH) and len(queue) == 4  # already there
    for mention_id in (11, 12, 13):  # the high-reach posts make room, then the oldest of the wave
        assert queue.push(mention_id, Priority.ALERT)
    assert 10 not in queue and 3 not in queue and 4 not in queue
    assert not queue.push(20, Priority.REACH), "every queued post matters more: the new one is dropped"
    assert queue.pop(2) == [2, 13] and queue.pop(10) == [12, 11]
    assert queue.dropped == 5 and len(queue) == 0
    for round_ in range(100):  # many moves up leave stale entries behind; they are compacted away
        queue.push(round_ % 4, Priority.REACH)
        queue.push(round_ % 4, Priority.ALERT)
        queue.pop(1)
    assert queue._entries <= 2 * queue.capacity + 64


def test_offers_follow_the_brand_level_and_requests_come_first(tmp_path: Path) -> None:
    """Watch: only negative posts; incident: all; a post shown to someone before everything else."""
    from ascua.model import NewLink

    database = open_database(f"sqlite:///{tmp_path / 'ascua.db'}")
    worker = DeepAnalysisWorker(database, lambda mentions: [], {"acme": 1, "other": 2}, min_reach=1_000)

    def link(mention_id: int, brand: str, sentiment: str, reach: int = 10) -> NewLink:
        return NewLink(brand, mention_id, NOW, f"@a{mention_id}", sentiment, reach)  # type: ignore[arg-type]

    worker.offer([link(1, "acme", "negative"), link(2, "acme", "neutral"), link(3, "other", "neutral", 5_000)], {})
    assert worker.queued == 1  # only the high-reach post: acme is normal
    worker.offer([link(4, "acme", "negative"), link(5, "acme", "neutral")], {"acme": Level.WATCH})
    worker.offer([link(6, "acme", "positive")], {"acme": Level.INCIDENT})
    worker.request([99])
    assert worker._queue.pop(10) == [99, 6, 4, 3]
    assert list(worker._backfills) == ["acme"], (
        "the rise to watch, then to incident, asks for the alert's earlier posts"
    )
    database.close()


def test_ascua_run_starts_the_deep_tier_with_the_stream_and_stops_it_with_the_stream(tmp_path: Path) -> None:
    from rich.console import Console

    from ascua.deep_tier import read_status, status_path
    from ascua.runtime import RadarRun

    source = {
        "name": "demo",
        "type": "scenario",
        "seed": 3,
        "speed": 600,
        "history": "12h",
        "lead": "10m",
    }  # 12h: daytime posts at any hour
    workspace = radar_workspace(tmp_path / "ws", deep_min_reach=0)  # every post matters: the queue fills
    workspace = write_workspace(workspace.root, sources=[source], analysis=workspace.config.analysis.model_dump())
    console = Console(file=io.StringIO(), width=200)
    with Radar.open(workspace) as radar:
        run = RadarRun(radar, console, console, web=False, duration=2.0)
        assert run.start() == 0
        assert run.deep is not None and not run.deep.running
        stored = tiers(radar.database)
    snapshot = json.loads(status_path(workspace.root).read_text(encoding="utf-8"))
    assert snapshot["running"] is False and read_status(workspace.root) is None
    assert snapshot["done"] == sum(1 for tier in stored.values() if tier == "deep") > 0
    assert "fast" in stored.values(), "two seconds are not enough to read every post again"
