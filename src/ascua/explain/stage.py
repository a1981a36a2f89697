"""The explain stage: every alert at ``incident`` or higher gets its explanation.

It is computed when the alert opens or escalates (before the notification goes out,
so the notification carries its short form), refreshed while the alert is open (at
most every ``refresh`` of event time and ``refresh_wall`` seconds, one alert per
batch), and once more when the alert is resolved, over the whole wave. A failure to explain is logged and never
stops the radar: the alert goes out without its explanation.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from sqlalchemy import Engine

from ascua.explain.reasons import UsualCounts
from ascua.explain.store import explain_alert, save_explanation
from ascua.explain.terms import Vocabulary
from ascua.model import AlertEvent, Level, utcnow

log = logging.getLogger(__name__)

REFRESH = timedelta(minutes=15)
REFRESH_WALL = 30.0  # seconds: an import replaying days in minutes does not explain at every batch


class Explainer:
    def __init__(
        self,
        engine: Engine,
        brand_names: Mapping[str, str],
        *,
        refresh: timedelta = REFRESH,
        refresh_wall: float = REFRESH_WALL,
    ):
        self.engine = engine
        self.brand_names = dict(brand_names)
        self.refresh = refresh
        self.refresh_wall = refresh_wall
        self._wall: dict[int, float] = {}  # alert id -> monotonic time of its last explanation
        self.vocabulary = Vocabulary()
        self._usual: dict[tuple[int, datetime], UsualCounts] = {}
        self._explained: dict[int, datetime] = {}  # alert id -> event time of its last explanation

    def process(
        self, events: Sequence[AlertEvent], open_alerts: Mapping[str, tuple[int, Level]], at: datetime | None
    ) -> list[AlertEvent]:
        """Explain what the events call for; return the events with their explanation attached."""
        result = []
        done: set[int] = set()
        for event in events:
            if event.change == "resolved":
                if event.alert_id in self._explained:  # once more, over the whole wave
                    self._explain(event.alert_id, event.at)
                    del self._explained[event.alert_id]
                    self._forget(event.alert_id)
                result.append(event)
                continue
            opening = event.level >= Level.INCIDENT and event.change in ("opened", "escalated")
            if (opening or event.alert_id in self._explained) and event.alert_id not in done:
                data = self._explain(event.alert_id, event.at)
                done.add(event.alert_id)
                if data is not None:
                    event = dataclasses.replace(event, explanation=data)
            result.append(event)
        if at is not None:
            for alert_id, level in sorted(open_alerts.values()):
                if alert_id in done or level < Level.INCIDENT:
                    continue
                if time.monotonic() - self._wall.get(alert_id, -1e9) < self.refresh_wall:
                    continue  # explained (or tried) a moment ago
                last = self._explained.get(alert_id)
                if last is None or at - last >= self.refresh:
                    self._explain(alert_id, at)
                    break  # one refresh per batch: the stream never waits long
        return result

    def _explain(self, alert_id: int, at: datetime) -> dict[str, object] | None:
        self._wall[alert_id] = time.monotonic()
        try:
            with self.engine.begin() as connection:
                explanation = explain_alert(
                    connection, alert_id, vocabulary=self.vocabulary, usual_cache=self._usual,
                    brand_names=self.brand_names,
                )  # fmt: skip
                if explanation is None:
                    return None
                save_explanation(connection, alert_id, explanation, utcnow())
        except Exception:  # an explanation must never stop the radar
            log.exception("could not explain alert #%s", alert_id)
            return None
        self._explained[alert_id] = at
        return explanation.as_json()

    def _forget(self, alert_id: int) -> None:
        self._wall.pop(alert_id, None)
        for key in [key for key in self._usual if key[0] == alert_id]:
            del self._usual[key]
