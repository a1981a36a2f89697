"""The first detector: many different people, not many posts; rising fast, calming slowly."""

from __future__ import annotations

import gettext
from datetime import UTC, datetime, timedelta

from ascua.config import DetectionSettings
from ascua.detect.threshold import ThresholdDetector
from ascua.model import Level, WindowStats

T0 = datetime(2026, 1, 5, 10, tzinfo=UTC)
SETTINGS = DetectionSettings(
    window=3600, watch_authors=5, incident_authors=10, crisis_authors=30, min_negative_share=0.3, calm_windows=2
)


def detector() -> ThresholdDetector:
    return ThresholdDetector("acme", "Acme", SETTINGS, gettext.NullTranslations())


def hour(index: int, *, mentions: int, negative: int, authors: int) -> WindowStats:
    start = T0 + timedelta(hours=index)
    return WindowStats(
        "acme",
        3600,
        start,
        mentions=mentions,
        negative=negative,
        negative_authors=authors,
        last_at=start + timedelta(minutes=30),
    )


def test_one_angry_customer_posting_fifty_times_is_not_a_wave() -> None:
    d = detector()
    assert d.update(hour(0, mentions=60, negative=50, authors=1)) is None
    assert d.level == Level.NORMAL


def test_a_wave_of_many_people_raises_the_level_at_once_with_a_reason() -> None:
    d = detector()
    assert d.update(hour(0, mentions=20, negative=4, authors=4)) is None
    change = d.update(hour(0, mentions=30, negative=14, authors=12))
    assert change is not None and change.level == Level.INCIDENT
    assert change.at == T0 + timedelta(minutes=30)
    assert change.reason == (
        "Acme: 12 different people posted negatively in the current one-hour window (incident from 10); "
        "14 negative of 30 mentions (47%)."
    )
    assert change.signals["negative_authors"] == 12
    change = d.update(hour(0, mentions=80, negative=60, authors=35))
    assert change is not None and change.level == Level.CRISIS


def test_a_positive_viral_spike_does_not_alarm() -> None:
    d = detector()
    assert d.update(hour(0, mentions=2000, negative=60, authors=55)) is None  # 3% negative


def test_levels_fall_only_after_calm_windows_and_do_not_flap() -> None:
    d = detector()
    d.update(hour(0, mentions=40, negative=25, authors=20))
    assert d.level == Level.INCIDENT
    assert d.update(hour(1, mentions=10, negative=2, authors=2)) is None  # hour 0 closes, still incident
    assert d.update(hour(2, mentions=30, negative=12, authors=11)) is None  # hour 1 was calm once
    assert d.update(hour(3, mentions=10, negative=1, authors=1)) is None  # hour 2 not calm: counter resets
    assert d.advance(T0 + timedelta(hours=4)) is None  # hour 3 calm (1)
    change = d.advance(T0 + timedelta(hours=5))  # hour 4 had no posts: calm (2)
    assert change is not None and change.level == Level.NORMAL and "back to normal" in change.reason


def test_silence_resolves_an_alert_when_time_passes() -> None:
    d = detector()
    d.update(hour(0, mentions=40, negative=25, authors=20))
    change = d.advance(T0 + timedelta(hours=10))
    assert change is not None and change.level == Level.NORMAL


def test_a_restored_level_continues_after_a_restart() -> None:
    d = detector()
    d.restore(Level.INCIDENT)
    assert d.update(hour(0, mentions=40, negative=25, authors=20)) is None
    assert d.update(hour(0, mentions=90, negative=60, authors=40)).level == Level.CRISIS  # type: ignore[union-attr]
