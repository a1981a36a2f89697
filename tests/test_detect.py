"""The wave detector: many more people than usual, not many posts; the brand's own rhythm; calm slowly."""

from __future__ import annotations

import gettext
import itertools
import random
import sys
from datetime import UTC, datetime, timedelta

from ascua.config import DetectionSettings
from ascua.detect.baseline import Baseline
from ascua.detect.wave import WaveDetector
from ascua.model import Assessment, Level, WindowStats

T0 = datetime(2026, 1, 5, tzinfo=UTC)  # a Monday
HOUR = timedelta(hours=1)
BUSY = [
    0.3,
    0.2,
    0.1,
    0.1,
    0.1,
    0.2,
    0.4,
    0.8,
    1.2,
    1.4,
    1.5,
    1.5,
    1.5,
    1.4,
    1.3,
    1.3,
    1.3,
    1.4,
    1.5,
    1.5,
    1.4,
    1.1,
    0.8,
    0.5,
]


def detector(scales: tuple[int, ...] = (3600,), **settings: object) -> WaveDetector:
    return WaveDetector(
        "acme", "Acme", DetectionSettings.model_validate(settings), gettext.NullTranslations(), scales=scales, zone=UTC
    )


def hour(start: datetime, mentions: int, negative: int, people: int, *, minutes: int = 59, **extra: int) -> WindowStats:
    return WindowStats(
        "acme",
        3600,
        start,
        mentions=mentions,
        negative=negative,
        negative_authors=people,
        positive=extra.pop("positive", mentions // 4),
        last_at=start + timedelta(minutes=minutes),
        **extra,
    )


def history(d: WaveDetector, days: int, *, seed: int = 1, rate: float = 20.0) -> datetime:
    """``days`` of ordinary talk (a daily rhythm, ~15% negative); returns when the history ends."""
    rng = random.Random(seed)
    changes = []
    for index in range(days * 24):
        start = T0 + index * HOUR
        mentions = max(0, round(rng.gauss(rate * BUSY[index % 24], (rate * BUSY[index % 24]) ** 0.5)))
        negative = sum(rng.random() < 0.15 for _ in range(mentions))
        change = d.update(hour(start, mentions, negative, negative))
        if change is not None:
            changes.append(change)
    assert changes == [], f"ordinary days raised {[c.reason for c in changes]}"
    return T0 + days * 24 * HOUR


def test_one_angry_customer_posting_fifty_times_is_not_a_wave() -> None:
    d = detector()
    start = history(d, 7)
    assert d.update(hour(start + 10 * HOUR, 70, 55, 2)) is None
    assert d.level == Level.NORMAL


def test_a_wave_of_many_people_raises_the_level_at_once_with_its_reason_in_words() -> None:
    d = detector()
    at = history(d, 7) + 12 * HOUR
    for index in range(12):
        d.update(hour(at - (12 - index) * HOUR, 30, 4, 4))
    change = d.update(hour(at, 45, 27, 25, minutes=20))
    assert change is not None and change.level == Level.INCIDENT, change
    assert change.at == at + timedelta(minutes=20), "raised with the post that tipped it over, mid-window"
    assert change.reason.startswith("Incident: a real negative wave")
    assert "25 different people posted negatively in the last one-hour window" in change.reason
    assert "usual at this time" in change.reason and "% of the mentions are negative" in change.reason
    assert change.signals["negative_authors"] == 25 and change.signals["z"] >= 5
    assert 0.5 < change.signals["score"] <= 1
    crisis = d.update(hour(at, 120, 90, 85, minutes=40))
    assert crisis is not None and crisis.level == Level.CRISIS and crisis.reason.startswith("Crisis:")


def test_a_positive_viral_spike_does_not_raise_an_incident() -> None:
    d = detector()
    at = history(d, 7) + 12 * HOUR
    # Ten times the usual talk, nearly all of it praise; the model misreads a few as negative.
    change = d.update(hour(at, 300, 30, 30, positive=240, minutes=40))
    assert change is None or change.level <= Level.WATCH
    assert d.level <= Level.WATCH


def test_levels_fall_one_step_at_a_time_after_calm_and_one_wave_is_one_rise() -> None:
    d = detector(calm="2h")
    at = history(d, 7) + 12 * HOUR
    assert d.update(hour(at, 150, 110, 100, minutes=30)).level == Level.CRISIS  # type: ignore[union-attr]
    changes: list[Assessment] = []
    for index in range(1, 12):
        # The wave ebbs: a little above usual for two hours, then ordinary.
        people = 12 if index <= 2 else 3
        change = d.update(hour(at + index * HOUR, 30, people, people))
        if change is not None:
            changes.append(change)
    assert [c.level for c in changes] == [Level.INCIDENT, Level.WATCH, Level.NORMAL]
    assert all(later.at - earlier.at >= timedelta(hours=2) for earlier, later in itertools.pairwise(changes))
    assert "back to normal" in changes[-1].reason


def test_the_same_count_is_a_wave_at_night_and_not_at_noon() -> None:
    d = detector()
    start = history(d, 14, rate=40.0)
    noon, night = start + 12 * HOUR, start + 27 * HOUR
    assert d.update(hour(noon, 60, 12, 12)) is None, "12 people at noon is an ordinary busy hour"
    for index in range(13, 27):
        d.update(hour(start + index * HOUR, round(40 * BUSY[index % 24]), 1, 1))
    change = d.update(hour(night, 20, 14, 14, minutes=30))
    assert change is not None and change.level >= Level.WATCH, "14 people at 3 a.m. is not"


def test_a_past_wave_does_not_raise_the_bar_for_the_next_one() -> None:
    d = detector(calm="1h")
    at = history(d, 7) + 12 * HOUR
    for index in range(6):  # a long wave: six hours at crisis level
        d.update(hour(at + index * HOUR, 120, 80, 70))
    for index in range(6, 24 * 6):
        d.update(hour(at + index * HOUR, round(20 * BUSY[(12 + index) % 24]), 1, 1))
    assert d.level == Level.NORMAL
    again = at + 24 * 6 * HOUR
    change = d.update(hour(again, 40, 22, 20, minutes=20))
    assert change is not None and change.level >= Level.INCIDENT


def test_a_brand_without_history_learns_first_and_says_so() -> None:
    d = detector()
    change = d.update(hour(T0, 200, 150, 140, minutes=30))
    assert change is None or change.level <= Level.WATCH
    later = [d.update(hour(T0 + index * HOUR, 200, 150, 140)) for index in range(1, 6)]
    raised = [c for c in later if c is not None]
    assert all(c.level <= Level.WATCH and "Still learning" in c.reason for c in raised)
    assert d.level <= Level.WATCH


def test_a_coordinated_wave_is_flagged() -> None:
    d = detector()
    at = history(d, 7) + 12 * HOUR
    stats = hour(
        at,
        60,
        45,
        40,
        minutes=30,
        negative_new_authors=35,
        negative_originals=45,
        negative_copies=30,
        negative_peak_minute=12,
    )
    change = d.update(stats)
    assert change is not None and change.signals["coordinated"] is True
    assert "It looks coordinated" in change.reason and "less than 30 days old" in change.reason


def test_an_organic_wave_is_not_flagged_coordinated() -> None:
    d = detector()
    at = history(d, 7) + 12 * HOUR
    stats = hour(at, 60, 45, 40, minutes=30, negative_new_authors=2, negative_originals=40, negative_copies=3,
                 negative_peak_minute=4)  # fmt: skip
    change = d.update(stats)
    assert change is not None and change.signals["coordinated"] is False


def test_a_gap_in_collection_is_not_learned_as_silence() -> None:
    d = detector()
    start = history(d, 7, rate=40.0)
    d.advance(start)
    usual = d.scales[3600].mentions.level
    # The source was down for two days: no windows at all, then talk resumes as before.
    d.advance(start + 48 * HOUR)
    assert d.scales[3600].mentions.level == usual
    assert d.update(hour(start + 60 * HOUR, 60, 9, 9)) is None


def test_memory_does_not_grow_with_history() -> None:
    short, long = detector(), detector()
    history(short, 2)
    history(long, 28)
    assert _size(short) == _size(long)


def test_late_data_for_a_judged_window_is_ignored_and_restore_continues() -> None:
    d = detector()
    at = history(d, 7) + 12 * HOUR
    assert d.update(hour(at - 48 * HOUR, 500, 400, 300)) is None
    d.restore(Level.INCIDENT)
    change = d.update(hour(at, 150, 110, 100, minutes=30))
    assert change is not None and change.level == Level.CRISIS


def test_several_scales_a_flash_wave_is_seen_in_minutes() -> None:
    d = detector(scales=(300, 3600, 86400))
    rng = random.Random(3)
    start = T0
    # A week of five-minute windows, ~2 mentions each, one in ten negative.
    for index in range(7 * 288):
        moment = start + index * timedelta(minutes=5)
        mentions = rng.randint(0, 4)
        negative = int(rng.random() < 0.3)
        for scale in (300, 3600, 86400):
            window = moment - timedelta(seconds=int(moment.timestamp()) % scale)
            d.update(WindowStats("acme", scale, window, mentions=mentions, negative=negative,
                                 negative_authors=negative, last_at=moment + timedelta(minutes=4)))  # fmt: skip
    onset = start + 7 * 288 * timedelta(minutes=5) + timedelta(hours=11)
    d.advance(onset)
    change = d.update(WindowStats("acme", 300, onset, mentions=14, negative=12, negative_authors=12,
                                  last_at=onset + timedelta(minutes=4)))  # fmt: skip
    assert change is not None and change.level >= Level.WATCH
    assert change.signals["window_seconds"] in (300, 600)


def test_baseline_state_is_a_fixed_size() -> None:
    baseline = Baseline(300)
    for index in range(5000):
        baseline.learn(float(index % 7), (index // 12) % 24, (index // 288) % 7)
    assert len(baseline.hod) == 24 and len(baseline.dow) == 7 and baseline.n == 5000


def _size(d: WaveDetector) -> int:
    total = 0
    for s in d.scales.values():
        for name in s.__slots__:
            value = getattr(s, name)
            total += len(value) if isinstance(value, list | dict) else 0
            if isinstance(value, Baseline):
                total += len(value.hod) + len(value.dow)
    return total + sys.getsizeof(d.__dict__) * 0


def test_after_calming_a_day_window_counts_only_the_people_it_adds() -> None:
    d = detector(scales=(3600, 86400), calm="1h")
    rng = random.Random(5)
    day_people = day_mentions = day_negative = 0
    day_start = T0
    changes: list[Assessment] = []

    def feed(index: int, mentions: int, people: int) -> None:
        nonlocal day_people, day_mentions, day_negative, day_start
        start = T0 + index * HOUR
        if start - day_start >= timedelta(days=1):
            day_start, day_people, day_mentions, day_negative = start, 0, 0, 0
        day_people, day_mentions, day_negative = day_people + people, day_mentions + mentions, day_negative + people
        last = start + timedelta(minutes=59)
        for stats in (
            hour(start, mentions, people, people),
            WindowStats("acme", 86400, day_start, mentions=day_mentions, negative=day_negative,
                        negative_authors=day_people, positive=day_mentions // 4, last_at=last),
        ):  # fmt: skip
            change = d.update(stats)
            if change is not None:
                changes.append(change)

    for index in range(14 * 24):  # two weeks of ordinary days
        rate = 20 * BUSY[index % 24]
        mentions = max(0, round(rng.gauss(rate, rate**0.5)))
        feed(index, mentions, sum(rng.random() < 0.15 for _ in range(mentions)))
    assert changes == []
    wave = 14 * 24 + 9
    feed(wave, 150, 100)  # a crisis at 9 in the morning, then ordinary hours
    for index in range(wave + 1, wave + 9):
        feed(index, 30, 4)
    assert changes[0].level == Level.CRISIS and d.level == Level.NORMAL
    assert [c.level for c in changes] == [Level.CRISIS, Level.INCIDENT, Level.WATCH, Level.NORMAL]
    seen = len(changes)
    for index in range(wave + 9, wave + 12):  # the same day: a second, smaller wave
        feed(index, 60, 30)
    later = changes[seen:]
    assert later and later[0].level >= Level.WATCH, [c.reason for c in changes]
    # The day still holds the first wave's hundred people; they do not raise anything again.
    assert all(change.signals["scale"] != 86400 or "since" in change.reason for change in later)


def test_a_sustained_rise_in_the_negative_share_is_an_incident_a_busier_day_is_not() -> None:
    """Four more negative people an hour on a brand with ~9: hours on end, it is a slow burn when the
    negative share rises with it; the same people among proportionally more talk is a busy day."""

    def levels(extra_people: int, extra_mentions: int) -> list[tuple[int, Assessment]]:
        d = detector()
        end = history(d, 21, rate=60.0)
        rng = random.Random(5)
        changes = []
        for index in range(10):
            start = end + index * HOUR
            usual = 60.0 * BUSY[start.hour]
            ordinary = max(0, round(rng.gauss(usual, usual**0.5)))
            negative = sum(rng.random() < 0.15 for _ in range(ordinary)) + extra_people
            change = d.update(hour(start, ordinary + extra_mentions, negative, negative))
            if change is not None:
                changes.append((index, change))
        return changes

    slow_burn = levels(4, 4)
    peak = max(change.level for _, change in slow_burn)
    assert peak == Level.INCIDENT
    raised = next(change for _, change in slow_burn if change.level == Level.INCIDENT)
    signals = raised.signals
    assert signals["window_seconds"] >= 6 * 3600 and signals["z"] < 5.0  # the count alone: not an incident
    assert signals["share_z"] >= 4.0
    assert "negative" in raised.reason and "usual" in raised.reason
    busier = levels(4, round(4 / 0.15))  # the same people, and as much more talk as their share
    assert max(change.level for _, change in busier) <= Level.WATCH


def _days(detector: WaveDetector, start: datetime, days: range, positive: int, rng: random.Random) -> list[Assessment]:
    """Day windows of a brand with 200 mentions a day, about 40 of them negative by about 38 people."""
    changes = []
    for day in days:
        at = start + timedelta(days=day)
        negative = 40 + rng.randint(-6, 6)
        kind = positive + rng.randint(-8, 8)
        stats = WindowStats("acme", 86400, at, mentions=200, negative=negative, negative_authors=negative - 2,
                            positive=kind, neutral=100, last_at=at + timedelta(hours=23))  # fmt: skip
        for change in (detector.update(stats), detector.advance(at + timedelta(days=1, minutes=1))):
            if change is not None:
                changes.append(change)
    return changes


def test_a_slow_decline_of_the_reputation_is_a_watch_and_ends_with_it() -> None:
    rng = random.Random(4)
    start = datetime(2026, 1, 5, tzinfo=UTC)
    detector = WaveDetector("acme", "Acme", DetectionSettings(), gettext.NullTranslations(), scales=(86400,), zone=UTC)
    assert _days(detector, start, range(40), 100, rng) == []  # forty steady days: nothing to say
    # fewer and fewer people speak well of it; no more complaints than usual: no wave, a decline
    sliding = _days(detector, start, range(40, 50), 45, rng)
    assert [c.level for c in sliding] == [Level.WATCH], sliding
    assert sliding[0].signals["kind"] == "reputation" and "reputation is sliding" in sliding[0].reason
    assert sliding[0].signals["net_sentiment"] < sliding[0].signals["usual_net_sentiment"] - 10
    back = _days(detector, start, range(50, 60), 100, rng)
    assert [c.level for c in back] == [Level.NORMAL], back
    # switched off in the settings: nothing
    quiet = WaveDetector("acme", "Acme", DetectionSettings(reputation_watch=False), gettext.NullTranslations(),
                         scales=(86400,), zone=UTC)  # fmt: skip
    assert _days(quiet, start, range(40), 100, rng) == [] and _days(quiet, start, range(40, 50), 45, rng) == []


def test_a_day_long_slow_burn_is_an_incident_when_people_and_share_rise_together() -> None:
    """About 45 more people complaining over a whole day, on a brand where ~130 a day do: neither the
    count nor the share alone is surprising enough for an incident; a day window weighs them together.
    The same extra people among as much more talk (a busy day) stay below an incident."""

    def levels(extra_people: int, extra_mentions: int) -> list[Assessment]:
        d = WaveDetector("acme", "Acme", DetectionSettings(reputation_watch=False), gettext.NullTranslations(),
                         scales=(86400,), zone=UTC)  # fmt: skip
        rng = random.Random(3)
        start = datetime(2026, 1, 5, tzinfo=UTC)
        changes = []
        for day in range(36):
            at = start + timedelta(days=day)
            mentions = round(rng.gauss(700, 700**0.5))
            people = round(rng.gauss(130, 130**0.5))
            if day == 35:
                mentions, people = mentions + extra_mentions, people + extra_people
            stats = WindowStats("acme", 86400, at, mentions=mentions, negative=people + 15, negative_authors=people,
                                positive=200, neutral=mentions - people - 215,
                                last_at=at + timedelta(hours=23))  # fmt: skip
            for change in (d.update(stats), d.advance(at + timedelta(days=1, minutes=1))):
                if change is not None and change.level > Level.NORMAL:
                    changes.append(change)
        return changes

    slow = levels(45, 50)
    assert slow and max(change.level for change in slow) == Level.INCIDENT, slow
    raised = next(change for change in slow if change.level == Level.INCIDENT)
    # a day or more, the count alone short of an incident (z 5), the share short of the hours' rule (4)
    assert raised.signals["window_seconds"] >= 86400 and raised.signals["z"] < 5.0 and raised.signals["share_z"] < 4.0
    busier = levels(45, round(45 / 0.2))
    assert max((change.level for change in busier), default=Level.NORMAL) <= Level.WATCH
