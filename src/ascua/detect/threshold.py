"""The first detector: distinct people posting negatively per window, against thresholds.

It tells a multitudinous wave from isolated complaints by counting *people*, not
posts, and asks that negative posts be a real share of the conversation, so that a
brand going viral for a good reason does not alarm anyone. Levels rise as soon as a
threshold is crossed, even in the middle of a window; they fall only after
``calm_windows`` whole windows below the level, so an alert does not flap.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from datetime import datetime, timedelta

from ascua.config import DetectionSettings
from ascua.model import Assessment, Level, WindowStats

NAME = "threshold-1"


class ThresholdDetector:
    """Thresholds on distinct negative authors in a window (docs/detection.md).

    >>> from datetime import UTC
    >>> settings = DetectionSettings(window=3600, watch_authors=3, incident_authors=5, crisis_authors=9)
    >>> detector = ThresholdDetector("acme", "Acme", settings, gettext.NullTranslations())
    >>> start = datetime(2026, 1, 5, 10, tzinfo=UTC)
    >>> detector.update(WindowStats("acme", 3600, start, mentions=10, negative=6, negative_authors=6)).level.label
    'incident'
    """

    name = NAME

    def __init__(
        self, brand: str, brand_name: str, settings: DetectionSettings, translations: gettext.NullTranslations
    ):
        self.brand = brand
        self.brand_name = brand_name
        self.settings = settings
        self.scale = settings.window
        self.level = Level.NORMAL
        self._gettext = translations.gettext
        self._open: WindowStats | None = None
        self._calm = 0

    def restore(self, level: Level) -> None:
        self.level = level

    def level_of(self, stats: WindowStats) -> Level:
        s = self.settings
        if stats.negative_share < s.min_negative_share:
            return Level.NORMAL
        if stats.negative_authors >= s.crisis_authors:
            return Level.CRISIS
        if stats.negative_authors >= s.incident_authors:
            return Level.INCIDENT
        if stats.negative_authors >= s.watch_authors:
            return Level.WATCH
        return Level.NORMAL

    def update(self, stats: WindowStats) -> Assessment | None:
        if stats.scale != self.scale or stats.brand != self.brand:
            return None
        closing = None
        if self._open is not None and stats.start < self._open.start:
            return None  # late data for a window already judged
        if self._open is not None and stats.start > self._open.start:
            closing = self.advance(stats.start)
        self._open = stats
        level = self.level_of(stats)
        if level > self.level:
            self.level = level
            self._calm = 0
            return self._assess(level, stats, stats.last_at or stats.start)
        return closing

    def advance(self, now: datetime) -> Assessment | None:
        """Close every window that ended by ``now``; windows with no posts are calm."""
        if self._open is None:
            return None
        change = None
        step = timedelta(seconds=self.scale)
        while self._open.start + step <= now:
            closed = self._open
            if self.level_of(closed) < self.level:
                self._calm += 1
            else:
                self._calm = 0
            next_start = closed.start + step
            self._open = WindowStats(self.brand, self.scale, next_start)
            if self._calm >= self.settings.calm_windows and self.level > Level.NORMAL:
                new_level = self.level_of(closed)
                self.level = new_level
                self._calm = 0
                change = self._assess(new_level, closed, next_start)
            if self.level == Level.NORMAL and self._open.start + step <= now:
                # Nothing to calm down from: jump over the empty stretch.
                gap = int((now - self._open.start) / step)
                self._open = WindowStats(self.brand, self.scale, self._open.start + gap * step)
        return change

    def _assess(self, level: Level, stats: WindowStats, at: datetime) -> Assessment:
        _ = self._gettext
        s = self.settings
        window = _window_words(self.scale, _)
        share = round(100 * stats.negative_share)
        thresholds = {
            Level.WATCH: s.watch_authors,
            Level.INCIDENT: s.incident_authors,
            Level.CRISIS: s.crisis_authors,
        }
        if level == Level.NORMAL:
            reason = _(
                "{brand}: back to normal — {people} people posted negatively in the last {window} window."
            ).format(brand=self.brand_name, people=stats.negative_authors, window=window)
        else:
            reason = _(
                "{brand}: {people} different people posted negatively in the current {window} window "
                "({level} from {threshold}); {negative} negative of {mentions} mentions ({share}%)."
            ).format(
                brand=self.brand_name,
                people=stats.negative_authors,
                window=window,
                level=_(level.label),
                threshold=thresholds[level],
                negative=stats.negative,
                mentions=stats.mentions,
                share=share,
            )
        signals = {
            "window_start": stats.start.isoformat(),
            "window_seconds": self.scale,
            "mentions": stats.mentions,
            "negative": stats.negative,
            "negative_authors": stats.negative_authors,
            "negative_share": round(stats.negative_share, 3),
            "negative_reach": stats.negative_reach,
            "threshold": thresholds.get(level),
        }
        return Assessment(self.brand, level, at, reason, signals)


def _window_words(seconds: int, _: Callable[[str], str]) -> str:
    if seconds % 86400 == 0:
        days = seconds // 86400
        return _("one-day") if days == 1 else _("{n}-day").format(n=days)
    if seconds % 3600 == 0:
        hours = seconds // 3600
        return _("one-hour") if hours == 1 else _("{n}-hour").format(n=hours)
    minutes = max(1, seconds // 60)
    return _("{n}-minute").format(n=minutes)
