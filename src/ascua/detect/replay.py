"""Replaying mentions through the detector: what it would have raised, and when.

The same stages as the live radar (windows counted exactly as :mod:`ascua.aggregate`
counts them, the brand's detector, one alert per wave), but in memory and in event
time, so a month of mentions replays in seconds. ``ascua backtest --workspace W --brand
B`` replays a brand's stored mentions; the scenario evaluation (``benchmarks/``) and the
airline replay feed it generated or real posts.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import select

from ascua.aggregate import _Window, link_of_row, stored_links_query, window_start
from ascua.config import BrandConfig, Workspace
from ascua.detect import DetectionStage
from ascua.model import Assessment, Level, NewLink, iso_utc
from ascua.respond.alerts import later_change
from ascua.store.schema import brand, mention_brand

_BATCH = timedelta(seconds=60)


@dataclass
class AlertChangeRecord:
    at: datetime
    change: str
    level: Level
    reason: str
    signals: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return {
            "at": iso_utc(self.at),
            "change": self.change,
            "level": self.level.label,
            "reason": self.reason,
            "signals": self.signals,
        }


@dataclass
class ReplayedAlert:
    """One alert the detector would have raised: one wave, from opening to resolution."""

    brand: str
    opened_at: datetime
    level: Level
    peak: Level
    events: list[AlertChangeRecord] = field(default_factory=list)
    resolved_at: datetime | None = None

    @property
    def peak_at(self) -> datetime:
        return next(e.at for e in self.events if e.level == self.peak)

    def first_at(self, level: Level) -> datetime | None:
        """When the alert first reached ``level`` (or higher)."""
        return next((e.at for e in self.events if e.level >= level), None)

    @property
    def coordinated(self) -> bool:
        return any(e.signals.get("coordinated") for e in self.events)

    def as_json(self) -> dict[str, Any]:
        return {
            "brand": self.brand,
            "opened_at": iso_utc(self.opened_at),
            "resolved_at": iso_utc(self.resolved_at) if self.resolved_at else None,
            "peak_level": self.peak.label,
            "level": self.level.label,
            "coordinated": self.coordinated,
            "events": [event.as_json() for event in self.events],
        }


class AlertBook:
    """One wave is one alert: level changes open, escalate, de-escalate and resolve alerts."""

    def __init__(self) -> None:
        self.open: dict[str, ReplayedAlert] = {}
        self.alerts: list[ReplayedAlert] = []

    def apply(self, assessment: Assessment) -> None:
        current = self.open.get(assessment.brand)
        previous = current.level if current else Level.NORMAL
        level = assessment.level
        if level == previous:
            return
        if current is None:
            current = ReplayedAlert(assessment.brand, assessment.at, level, level)
            self.open[assessment.brand] = current
            self.alerts.append(current)
            change = "opened"
        else:
            change = later_change(previous, level)
            current.level = level
            current.peak = max(current.peak, level)
            if change == "resolved":
                current.resolved_at = assessment.at
                del self.open[assessment.brand]
        current.events.append(AlertChangeRecord(assessment.at, change, level, assessment.reason, assessment.signals))


def replay(
    links: Iterable[NewLink],
    brands: Iterable[BrandConfig],
    *,
    scales: Iterable[int] = (300, 3600, 86400),
    zone: tzinfo = UTC,
    translations: gettext.NullTranslations | None = None,
    until: datetime | None = None,
) -> list[ReplayedAlert]:
    """Every alert the detector raises on ``links`` (in time order), as the live radar would.

    Links are counted into windows and handed to the detector a minute of event time at
    a time (the live radar's batches), with the watermark at the end of each minute.
    """
    stage = DetectionStage(list(brands), translations or gettext.NullTranslations(), scales=scales, zone=zone)
    book = AlertBook()
    for assessment in assessments(links, stage, tuple(sorted(set(scales))), until=until):
        book.apply(assessment)
    return book.alerts


def assessments(
    links: Iterable[NewLink], stage: DetectionStage, scales: tuple[int, ...], *, until: datetime | None = None
) -> Iterator[Assessment]:
    windows: dict[tuple[str, int], tuple[datetime, _Window]] = {}
    touched: dict[tuple[str, int], None] = {}
    batch_end: datetime | None = None
    last: datetime | None = None

    def flush(watermark: datetime | None) -> list[Assessment]:
        stats = [windows[key][1].stats(key[0], key[1], windows[key][0]) for key in touched]
        touched.clear()
        return stage.process(stats, watermark)

    for link in links:
        at = link.created_at
        if last is not None and at < last:
            at = last  # out of order by a little: counted where the stream is
        last = at
        if batch_end is None:
            batch_end = at + _BATCH
        elif at >= batch_end:
            yield from flush(batch_end)
            batch_end = at + _BATCH
        for scale in scales:
            key = (link.brand, scale)
            start = window_start(link.created_at, scale)
            current = windows.get(key)
            if current is None or current[0] != start:
                if current is not None and current[0] > start:
                    continue  # a window already closed: the live radar would not recount it either
                if current is not None and key in touched:
                    yield from flush(None)
                current = (start, _Window())
                windows[key] = current
            current[1].add_link(link)
            touched[key] = None
    if batch_end is not None:
        yield from flush(batch_end)
    if until is not None:
        yield from stage.process([], until)


@dataclass
class BacktestReport:
    brand: str
    brand_name: str
    mentions: int
    first: datetime | None
    last: datetime | None
    alerts: list[ReplayedAlert]

    def as_json(self) -> dict[str, Any]:
        return {
            "brand": self.brand,
            "brand_name": self.brand_name,
            "mentions": self.mentions,
            "first": iso_utc(self.first) if self.first else None,
            "last": iso_utc(self.last) if self.last else None,
            "alerts": [alert.as_json() for alert in self.alerts],
        }


def stored_links(workspace: Workspace, brand_id: str, chunk: int = 5_000) -> Iterator[NewLink]:
    """A brand's stored mentions as the windows count them, in time order, read in chunks."""
    from ascua.store.database import open_database

    database = open_database(workspace.database_url)
    try:
        with database.engine.connect() as connection:
            row_id = connection.execute(select(brand.c.id).where(brand.c.key == brand_id)).scalar()
            if row_id is None:
                return
            after: tuple[datetime, int] | None = None
            while True:
                query = (
                    stored_links_query(row_id)
                    .order_by(mention_brand.c.created_at, mention_brand.c.mention_id)
                    .limit(chunk)
                )
                if after is not None:
                    query = query.where(
                        (mention_brand.c.created_at > after[0])
                        | ((mention_brand.c.created_at == after[0]) & (mention_brand.c.mention_id > after[1]))
                    )
                rows = connection.execute(query).all()
                if not rows:
                    return
                for row in rows:
                    yield link_of_row(brand_id, row)
                after = (rows[-1].created_at, rows[-1].mention_id)
    finally:
        database.close()


def backtest_workspace(workspace: Workspace, brand_id: str) -> BacktestReport:
    """Replay a brand's stored mentions through its detector (``ascua backtest --workspace --brand``)."""
    from ascua.i18n import language_from_environment, translator

    config = workspace.config
    matches = [b for b in config.brands if b.id == brand_id]
    if not matches:
        known = ", ".join(b.id for b in config.brands) or "none"
        raise LookupError(f"no brand {brand_id!r} in {workspace.root / 'ascua.yaml'} (brands: {known})")
    counted = {"mentions": 0}
    bounds: list[datetime] = []

    def counting(links: Iterable[NewLink]) -> Iterator[NewLink]:
        for link in links:
            counted["mentions"] += 1
            if not bounds:
                bounds.append(link.created_at)
            last = link.created_at
            yield link
        if counted["mentions"]:
            bounds.append(last)

    alerts = replay(
        counting(stored_links(workspace, brand_id)),
        matches,
        scales=config.pipeline.windows,
        zone=workspace.zone,
        translations=translator(language_from_environment(config.language)),
    )
    return BacktestReport(
        brand_id,
        matches[0].name,
        counted["mentions"],
        bounds[0] if bounds else None,
        bounds[-1] if bounds else None,
        alerts,
    )
