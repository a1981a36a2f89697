"""``ascua import``: a file of mentions through the whole pipeline, in the mentions' own time order.

A row that cannot be read is reported with its file and line, and the import goes on
(or, with ``strict``, nothing is stored at all). Mentions are committed batch by batch
and deduplicated, so an import that was interrupted, even killed, is completed by
running it again, without duplicates.

Reading and analysing rows is pure computation; writing them is the database's work.
On a machine with more than one core the first runs in worker processes (the same
stage code, built from the same workspace) while this process writes, so both cores
work at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ascua.analysis import AnalysisSetup, run_in_worker, start_worker
from ascua.model import AlertEvent, MentionBatch, Problem, Record, SourceBatch
from ascua.normalize import Normalizer, RecordError
from ascua.pipeline import EmbeddedRunner, Outcome
from ascua.radar import Radar
from ascua.respond.notify import Notifier
from ascua.sources.files import FileReader, FileSlice, Format, Located, SliceReader, detect_format
from ascua.store.lock import writer_lock

DEFAULT_SOURCE = "import"
SLICE_BYTES = 1 << 20
Progress = Callable[[str, int, int], None]


def default_workers() -> int:
    """Worker processes for analysis: one per core beyond the one that writes (at most 4)."""
    return max(0, min(4, (os.cpu_count() or 1) - 1))


@dataclass(frozen=True)
class ImportOptions:
    format: Format | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    source: str | None = None
    brand: str | None = None
    raw: bool = False
    strict: bool = False
    batch_size: int | None = None
    workers: int | None = None
    preset: str | None = None


@dataclass
class ImportReport:
    path: Path
    rows: int = 0
    valid: int = 0
    inserted: int = 0
    duplicates: int = 0
    unmatched: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    alerts: list[AlertEvent] = field(default_factory=list)
    brands: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    interrupted: bool = False
    stored_nothing_because: str | None = None

    @property
    def rate(self) -> float:
        return self.valid / self.seconds if self.seconds else 0.0


def import_file(
    radar: Radar,
    path: Path,
    options: ImportOptions,
    *,
    progress: Progress | None = None,
    stop: asyncio.Event | None = None,
    notifiers: Sequence[Notifier] = (),
) -> ImportReport:
    """Import ``path`` into the radar's workspace; see the module docstring."""
    return asyncio.run(import_async(radar, path, options, progress=progress, stop=stop, notifiers=notifiers))


async def import_async(
    radar: Radar,
    path: Path,
    options: ImportOptions,
    *,
    progress: Progress | None = None,
    stop: asyncio.Event | None = None,
    notifiers: Sequence[Notifier] = (),
) -> ImportReport:
    """:func:`import_file`, inside a running event loop (so a caller can stop it on a signal)."""
    started = time.perf_counter()
    report = ImportReport(path)
    size = _size(path)
    if size == 0:
        report.stored_nothing_because = f"{path}: the file is empty; nothing to import"
        return report
    if options.preset in ("x-v2", "graph"):
        file_format: Format = "jsonl"
    elif options.preset == "listening":
        file_format = "csv"
    else:
        file_format = options.format or detect_format(path)
    reader = FileReader(path, file_format, options.mapping, preset=options.preset)
    setup = radar.analysis_setup(raw=options.raw, brand=options.brand, default_source=options.source or DEFAULT_SOURCE)
    sorted_rows = options.strict or not options.raw
    workers = default_workers() if options.workers is None else options.workers
    if not sorted_rows and (reader.format == "csv" or reader.document):
        workers = 0  # a raw CSV import reads rows in order, here: they may span lines
    slices = SliceReader(reader, setup)
    with contextlib.ExitStack() as cleanup:
        if not options.raw:
            cleanup.enter_context(writer_lock(radar.database))  # fail fast if the radar is running
        executor: Executor | None = None
        if workers > 0:
            executor = ProcessPoolExecutor(
                workers, mp_context=multiprocessing.get_context("spawn"), initializer=start_worker, initargs=(slices,)
            )
            cleanup.callback(executor.shutdown, wait=True, cancel_futures=True)
            executor.submit(os.getpid)  # start the workers now, while this process gets ready
        await _import(
            radar, reader, setup, slices, executor, workers, sorted_rows, options, report, progress, stop, notifiers
        )
    report.seconds = time.perf_counter() - started
    return report


async def _import(
    radar: Radar,
    reader: FileReader,
    setup: AnalysisSetup,
    slices: SliceReader,
    executor: Executor | None,
    workers: int,
    sorted_rows: bool,
    options: ImportOptions,
    report: ImportReport,
    progress: Progress | None,
    stop: asyncio.Event | None,
    notifiers: Sequence[Notifier],
) -> None:
    config = radar.workspace.config
    path = reader.path
    source_name = f"import:{path.name}"
    batch_size = options.batch_size or max(config.pipeline.batch_size, 2000)
    index: list[tuple[datetime, Located]] | None = None
    if sorted_rows:
        index = await asyncio.to_thread(_check, reader, setup.stages()[0], report, progress)
        if options.strict and report.problems:
            report.stored_nothing_because = "--strict: the file has errors, so nothing was stored"
            return
        index.sort(key=lambda item: item[0])
        report.valid = len(index)
    else:
        reader.prepare()

    pipeline = radar.pipeline(
        raw=options.raw,
        brand=options.brand,
        default_source=options.source or DEFAULT_SOURCE,
        notifiers=notifiers,
        source_kinds={source_name: "file"},
    )
    total = reader.size if index is None else len(index)
    position = [0]  # bytes handed to the pipeline so far (raw imports)

    def on_outcome(outcome: Outcome) -> None:
        report.inserted += outcome.stored.inserted
        report.unmatched += outcome.stored.unmatched
        report.alerts.extend(outcome.events)
        for link in outcome.stored.links:
            report.brands[link.brand] += 1
        if index is None:  # no first pass: problems show up as the rows go by
            for problem in outcome.stored.problems:
                (report.problems if problem.fatal else report.warnings).append(problem)
            report.valid += outcome.stored.received
        if progress is not None:
            if index is None:
                progress("import", max(position[0], reader.bytes_read), total)
            else:
                progress("import", report.inserted + report.unmatched + _duplicates(report), total)

    feed: AsyncIterator[object]
    analyse: Callable[[Any], MentionBatch] = slices
    if index is not None:
        feed = _sorted_slices(index, source_name, batch_size)
    elif reader.format == "jsonl" and not reader.document:
        feed = _byte_slices(path, source_name, report, position)
    else:
        feed, analyse = _stream_feed(reader, source_name, batch_size, report), pipeline.analyse
    runner = EmbeddedRunner(
        pipeline,
        queue_size=config.pipeline.queue_size,
        on_outcome=on_outcome,
        analyse=run_in_worker if executor is not None else analyse,
        executor=executor,
        concurrency=workers + 1 if executor is not None else 1,
    )
    stats = await runner.run({source_name: feed}, stop)
    report.interrupted = stats.interrupted
    report.duplicates = _duplicates(report)
    for name, error in stats.source_errors.items():
        report.problems.append(Problem(str(path), f"reading stopped: {error} ({name})"))


def _duplicates(report: ImportReport) -> int:
    return max(0, report.valid - report.inserted - report.unmatched)


def _size(path: Path) -> int:
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    return path.stat().st_size


def _check(
    reader: FileReader, normalizer: Normalizer, report: ImportReport, progress: Progress | None
) -> list[tuple[datetime, Located]]:
    """First pass: read and validate every row, noting its time and where it starts."""
    index: list[tuple[datetime, Located]] = []
    size = reader.size
    for count, (where, item) in enumerate(reader.rows(), 1):
        report.rows += 1
        if isinstance(item, Problem):
            report.problems.append(item)
            continue
        report.warnings.extend(Problem(item.origin, warning, fatal=False) for warning in item.warnings)
        try:
            mention, warnings = normalizer.mention(item.data)
        except RecordError as error:
            report.problems.append(Problem(item.origin, str(error)))
            continue
        report.warnings.extend(Problem(item.origin, warning, fatal=False) for warning in warnings)
        index.append((mention.created_at, where))
        if progress is not None and count % 2000 == 0:
            progress("check", reader.bytes_read, size)
    if progress is not None:
        progress("check", size, size)
    return index


async def _sorted_slices(
    index: list[tuple[datetime, Located]], source: str, batch_size: int
) -> AsyncIterator[FileSlice]:
    """The valid rows in time order, a batch at a time (each read back from its offset)."""
    for start in range(0, len(index), batch_size):
        chunk = index[start : start + batch_size]
        rows = tuple((where.offset, where.line) for _, where in chunk)
        yield FileSlice(source, rows=rows, watermark=chunk[-1][0])
        await asyncio.sleep(0)


async def _byte_slices(path: Path, source: str, report: ImportReport, position: list[int]) -> AsyncIterator[FileSlice]:
    """Raw JSONL import: the file cut into runs of whole lines, in file order."""
    offset, line = 0, 1
    with path.open("rb") as handle:
        while True:
            handle.seek(offset)
            data = handle.read(SLICE_BYTES)
            if not data:
                break
            if len(data) == SLICE_BYTES:
                cut = data.rfind(b"\n") + 1
                if cut == 0:  # one line longer than a slice: take it whole
                    data += handle.readline()
                    cut = len(data)
                data = data[:cut]
            lines = data.splitlines()
            report.rows += sum(1 for text in lines if text.strip())
            yield FileSlice(source, start=offset, end=offset + len(data), first_line=line)
            offset += len(data)
            line += len(lines)
            position[0] = offset
            await asyncio.sleep(0)


async def _stream_feed(
    reader: FileReader, source: str, batch_size: int, report: ImportReport
) -> AsyncIterator[SourceBatch]:
    """Raw CSV import: rows in file order, straight through."""
    records: list[Record] = []
    problems: list[Problem] = []
    for _, item in reader.rows():
        report.rows += 1
        if isinstance(item, Problem):
            problems.append(item)
            continue
        records.append(item)
        if len(records) >= batch_size:
            yield SourceBatch(source=source, records=records, problems=problems)
            records, problems = [], []
            await asyncio.sleep(0)
    if records or problems:
        yield SourceBatch(source=source, records=records, problems=problems)
