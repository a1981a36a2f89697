"""Reads for the faces of the radar (CLI, dashboard, API): what is stored, as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, select

from ascua.model import utcnow
from ascua.store.schema import alert, alert_event, analysis, brand, brand_window, mention, mention_brand, source_state


@dataclass(frozen=True)
class BrandSummary:
    key: str
    name: str
    active: bool
    mentions: int
    latest: datetime | None
    day_mentions: int
    day_negative: int
    level: str


@dataclass(frozen=True)
class SourceSummary:
    name: str
    kind: str
    mentions: int
    last_success_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    position: str | None
    errors: int = 0  # fetches that failed, ever
    last_item_at: datetime | None = None  # the newest post it brought
    last_hour: int = 0  # mentions it stored in the last full clock hour
    this_hour: int = 0  # and in the hour going on

    @property
    def lag_seconds(self) -> float | None:
        """How far behind the present the newest post it brought is."""
        if self.last_item_at is None:
            return None
        return max(0.0, (utcnow() - self.last_item_at).total_seconds())

    @property
    def healthy(self) -> bool:
        if self.last_error_at is None:
            return True
        return self.last_success_at is not None and self.last_success_at > self.last_error_at


@dataclass(frozen=True)
class AlertSummary:
    id: int
    brand: str
    brand_name: str
    status: str
    level: str
    peak_level: str
    reason: str
    opened_at: datetime
    updated_at: datetime
    resolved_at: datetime | None
    signals: dict[str, Any]
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = None
    acknowledged_level: str | None = None


def counts(connection: Connection) -> dict[str, int]:
    return {
        "mentions": connection.execute(select(func.count()).select_from(mention)).scalar_one(),
        "analysed": connection.execute(select(func.count()).select_from(analysis)).scalar_one(),
        "linked": connection.execute(select(func.count(func.distinct(mention_brand.c.mention_id)))).scalar_one(),
    }


def brands(connection: Connection) -> list[BrandSummary]:
    """Each brand with its totals, and its last day of data (the day before its newest mention)."""
    open_levels = {
        row.brand_id: row.level
        for row in connection.execute(select(alert.c.brand_id, alert.c.level).where(alert.c.status == "open"))
    }
    totals = {
        row.brand_id: (row.total, row.latest)
        for row in connection.execute(
            select(
                mention_brand.c.brand_id,
                func.count().label("total"),
                func.max(mention_brand.c.created_at).label("latest"),
            ).group_by(mention_brand.c.brand_id)
        )
    }
    result = []
    for row in connection.execute(select(brand).order_by(brand.c.active.desc(), brand.c.id)):
        total, latest = totals.get(row.id, (0, None))
        day_mentions = day_negative = 0
        if latest is not None:
            latest = latest if latest.tzinfo else latest.replace(tzinfo=UTC)
            since = latest - timedelta(days=1)
            day = connection.execute(
                select(
                    func.coalesce(func.sum(brand_window.c.mentions), 0),
                    func.coalesce(func.sum(brand_window.c.negative), 0),
                ).where(
                    brand_window.c.brand_id == row.id,
                    brand_window.c.scale == 3600,
                    brand_window.c.start > since - timedelta(hours=1),
                )
            ).one()
            day_mentions, day_negative = int(day[0]), int(day[1])
        result.append(
            BrandSummary(
                key=row.key,
                name=row.name,
                active=row.active,
                mentions=total,
                latest=latest,
                day_mentions=day_mentions,
                day_negative=day_negative,
                level=open_levels.get(row.id, "normal"),
            )
        )
    return result


def sources(connection: Connection) -> list[SourceSummary]:
    rows = connection.execute(select(source_state).order_by(source_state.c.name))
    return [
        SourceSummary(
            name=row.name,
            kind=row.kind,
            mentions=row.mentions_total,
            last_success_at=row.last_success_at,
            last_error=row.last_error,
            last_error_at=row.last_error_at,
            position=(row.cursor or {}).get("time") if isinstance(row.cursor, dict) else None,
            errors=row.errors_total or 0,
            last_item_at=row.last_item_at,
            **_hourly(row),
        )
        for row in rows
    ]


def _hourly(row: Any) -> dict[str, int]:
    """A source's mentions in the last full hour and in this one, from its hour counters."""
    hour = utcnow().replace(minute=0, second=0, microsecond=0)
    if row.hour_start == hour:
        return {"last_hour": int(row.previous_hour_mentions or 0), "this_hour": int(row.hour_mentions or 0)}
    if row.hour_start == hour - timedelta(hours=1):
        return {"last_hour": int(row.hour_mentions or 0), "this_hour": 0}
    return {"last_hour": 0, "this_hour": 0}


def _alert_query() -> Any:
    return select(alert, brand.c.key.label("brand_key"), brand.c.name.label("brand_name")).join(
        brand, brand.c.id == alert.c.brand_id
    )


def _alert(row: Any) -> AlertSummary:
    return AlertSummary(
        id=row.id,
        brand=row.brand_key,
        brand_name=row.brand_name,
        status=row.status,
        level=row.level,
        peak_level=row.peak_level,
        reason=row.reason,
        opened_at=row.opened_at,
        updated_at=row.updated_at,
        resolved_at=row.resolved_at,
        signals=row.signals or {},
        acknowledged_at=row.acknowledged_at,
        acknowledged_by=row.acknowledged_by,
        acknowledged_level=row.acknowledged_level,
    )


def alerts(
    connection: Connection, *, status: str | None = None, limit: int = 50, offset: int = 0
) -> list[AlertSummary]:
    query = _alert_query().order_by(alert.c.id.desc()).limit(limit).offset(offset)
    if status:
        query = query.where(alert.c.status == status)
    return [_alert(row) for row in connection.execute(query)]


def alert_by_id(connection: Connection, alert_id: int) -> AlertSummary | None:
    row = connection.execute(_alert_query().where(alert.c.id == alert_id)).first()
    return _alert(row) if row else None


def alert_history(connection: Connection, alert_id: int) -> list[dict[str, Any]]:
    query = select(alert_event).where(alert_event.c.alert_id == alert_id).order_by(alert_event.c.id)
    return [dict(row._mapping) for row in connection.execute(query)]
