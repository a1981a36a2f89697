"""alert: one wave is one alert. Level changes open, escalate, de-escalate and resolve it.

Every change is kept in the alert's state history (``alert_event``), with its reason
and the signals behind it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, select

from ascua.model import AlertChange, AlertEvent, Assessment, Level, utcnow
from ascua.respond.room import ROOM_LEVEL, open_room, record
from ascua.store.schema import alert, alert_event


def later_change(previous: Level, level: Level) -> AlertChange:
    """What a new level does to an open alert: resolve, escalate or de-escalate it."""
    if level == Level.NORMAL:
        return "resolved"
    return "escalated" if level > previous else "deescalated"


@dataclass
class _Open:
    alert_id: int
    level: Level
    peak: Level


class AlertManager:
    """The alert stage: turns level changes into alert events, stored with their history."""

    def __init__(self, engine: Engine, brand_ids: dict[str, int], brand_names: dict[str, str], detector: str):
        self.engine = engine
        self.brand_ids = brand_ids
        self.brand_names = brand_names
        self.detector = detector
        self.open: dict[str, _Open] = {}
        keys = {row_id: key for key, row_id in brand_ids.items()}
        with engine.connect() as connection:
            query = select(alert.c.id, alert.c.brand_id, alert.c.level, alert.c.peak_level).where(
                alert.c.status == "open"
            )
            for row in connection.execute(query):
                if row.brand_id in keys:
                    self.open[keys[row.brand_id]] = _Open(row.id, Level.parse(row.level), Level.parse(row.peak_level))

    def levels(self) -> dict[str, Level]:
        """The level of every brand with an open alert (to restore detectors after a restart)."""
        return {brand: item.level for brand, item in self.open.items()}

    def open_alerts(self) -> dict[str, tuple[int, Level]]:
        """Every open alert: brand -> (alert id, level)."""
        return {brand: (item.alert_id, item.level) for brand, item in self.open.items()}

    def process(self, assessments: list[Assessment]) -> list[AlertEvent]:
        if not assessments:
            return []
        events = []
        with self.engine.begin() as connection:
            for assessment in assessments:
                event = self._apply(connection, assessment)
                if event is not None:
                    events.append(event)
        return events

    def _apply(self, connection: Connection, assessment: Assessment) -> AlertEvent | None:
        brand = assessment.brand
        current = self.open.get(brand)
        previous = current.level if current else Level.NORMAL
        level = assessment.level
        if level == previous:
            return None
        now = utcnow()
        change: AlertChange
        if current is None:
            change = "opened"
            result = connection.execute(
                alert.insert().values(
                    brand_id=self.brand_ids[brand],
                    status="open",
                    level=level.label,
                    peak_level=level.label,
                    detector=self.detector,
                    reason=assessment.reason,
                    signals=assessment.signals,
                    opened_at=assessment.at,
                    updated_at=assessment.at,
                    recorded_at=now,
                )
            )
            assert result.inserted_primary_key is not None
            current = _Open(int(result.inserted_primary_key[0]), level, level)
            self.open[brand] = current
        else:
            change = later_change(previous, level)
            current.level = level
            current.peak = max(current.peak, level)
            values: dict[str, object] = {
                "level": level.label,
                "peak_level": current.peak.label,
                "reason": assessment.reason,
                "signals": assessment.signals,
                "updated_at": assessment.at,
            }
            if change == "resolved":
                values.update(status="resolved", resolved_at=assessment.at)
                del self.open[brand]
            connection.execute(alert.update().where(alert.c.id == current.alert_id).values(**values))
        connection.execute(
            alert_event.insert().values(
                alert_id=current.alert_id,
                at=assessment.at,
                change=change,
                from_level=previous.label,
                to_level=level.label,
                reason=assessment.reason,
                signals=assessment.signals,
                recorded_at=now,
            )
        )
        summary = {
            "opened": "detected at {level}: {reason}",
            "escalated": "escalated to {level}: {reason}",
            "deescalated": "down to {level}: {reason}",
            "resolved": "the radar sees the wave over: {reason}",
        }[change].format(level=level.label, reason=assessment.reason)
        record(connection, current.alert_id, change, summary, at=assessment.at, level=level.label,
               previous=previous.label)  # fmt: skip
        if level >= ROOM_LEVEL:
            open_room(connection, current.alert_id, at=assessment.at)
        return AlertEvent(
            alert_id=current.alert_id,
            brand=brand,
            brand_name=self.brand_names.get(brand, brand),
            change=change,
            level=level,
            previous=previous,
            at=assessment.at,
            reason=assessment.reason,
            signals=assessment.signals,
        )
