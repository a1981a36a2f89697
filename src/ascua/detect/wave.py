"""The wave detector: many more people than usual posting negatively, at several time scales.

For each brand and each window length (5 minutes for a flash wave, an hour, a day for a
slow burn) it keeps a :class:`~ascua.detect.baseline.Baseline` of what is usual at that
hour and weekday for four signals: distinct people posting negatively, mentions,
negative mentions and the reach (followers) of the negative posts. Each new count of the
open window is judged against them at once (the part of the window already elapsed is
compared with the same part of the usual window), so a wave is seen with the post that
tips it over, not when the window closes.

A level needs all of these (docs/detection.md):

- **surprise**: the count of people is far above usual for this hour, in deviations of
  the brand's own usual variation (``z``), so a busy brand and a small one are judged
  alike;
- **many people**: at least ``watch_people`` / ``incident_people`` / ``crisis_people``
  more people than usual: one customer posting fifty times is one person;
- **a negative conversation**: the negative share of the mentions is above usual, so a
  brand going viral for a good reason (many more mentions, a few grumbles among them)
  does not wake anyone up.

``crisis`` is the multitudinous wave: very many more people, or a negative wave whose
posts reach very many followers. A level rises at once; it falls one step at a time,
after ``calm`` (two hours by default) in which nothing at the scales that raised it
still holds it (with lower thresholds than those that raised it, so it does not flap).

Windows under alert are not learned, and every other window is clipped before it is
learned, so a past wave never raises the bar for the next one. A brand with less than
``warmup`` of history (one day by default, counted from when it started being talked
about) is learning: its level stays at ``watch`` at most, and the reason says so.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from math import sqrt

from ascua.config import DetectionSettings
from ascua.detect.baseline import Baseline
from ascua.detect.drift import Decline, NetDrift
from ascua.model import Assessment, Level, WindowStats

NAME = "wave-1"

# How many people each level needs scales with the sensitivity (its z: DetectionSettings.surprise).
_PEOPLE = {"low": 1.5, "normal": 1.0, "high": 0.6}
_HOLD = 0.6  # a level holds while its signals stay above this share of what raised it
_SHARE_Z = (0.5, 2.0, 2.0)  # the negative share above usual, in deviations, for each level
_SHARE_DISPERSION = 2.0  # the share of negative posts varies more than a coin toss would
_MIN_FRACTION = 0.25  # an open window is judged as if at least a quarter of it had passed
_GAP_MENTIONS = 20.0  # a silence where this many mentions were expected is a gap in collection
_CALM_SCALE = 3600
_REACH_RATIO = 5.0
_RUN_SCALE = 3600  # runs only from hours up: within an hour one person posting often would count many times
_RUN_DRIFT = 1.0
# A sustained rise: this long above usual, with the negative share this many deviations above its
# usual, is an incident even where the count alone says watch (a slow burn; docs/detection.md).
_SUSTAINED = 6 * 3600
_SUSTAINED_SHARE_Z = 4.0
_SUSTAINED_Z = 0.75  # of the watch's z: the share's evidence stands in for the rest
# Brand-new accounts (under 30 days) among the people posting negatively, enough on their own to say
# a wave looks coordinated: customers complain from the accounts they have had for years.
_NEW_ACCOUNTS_ALONE = 0.7
# Over a whole day, the people's and the share's surprise are weighed together: their deviations
# adding up to this many watch z's (6.5 at normal sensitivity), each at least a part of one (2.5).
_DAY_SUM = 1.625
_DAY_EACH = 0.625


@dataclass(slots=True, frozen=True)
class Evidence:
    """What one window of one scale says, and the levels it supports."""

    scale: int
    start: datetime
    level: Level
    hold: Level
    people: int
    expected: float
    z: float
    mentions: int
    expected_mentions: float
    share: float
    usual_share: float
    share_z: float
    reach: int
    expected_reach: float
    fraction: float
    span: int
    since: datetime | None = None  # counted only from then (the level went down at that time)


class _Scale:
    """One window length of one brand: its baselines and its open window."""

    __slots__ = (
        "cusum",
        "evidence",
        "hold",
        "hour",
        "mentions",
        "mu_mentions",
        "mu_negative",
        "mu_people",
        "mu_positive",
        "mu_reach",
        "negative",
        "peak",
        "people",
        "positive",
        "previous",
        "previous_mu",
        "previous_start",
        "reach",
        "run",
        "scale",
        "start",
        "stats",
        "step",
        "told",
        "warmed",
        "weekday",
    )  # fmt: skip

    def __init__(self, scale: int):
        self.scale = scale
        self.step = timedelta(seconds=scale)
        self.people = Baseline(scale)
        self.mentions = Baseline(scale)
        self.negative = Baseline(scale)
        self.reach = Baseline(scale)
        self.positive = Baseline(scale)
        self.mu_positive = 0.0
        self.start: datetime | None = None
        self.stats: WindowStats | None = None
        self.hour = 0
        self.weekday = 0
        self.mu_people = self.mu_mentions = self.mu_negative = self.mu_reach = 0.0
        self.peak = Level.NORMAL
        self.hold = Level.NORMAL
        self.evidence: Evidence | None = None
        self.previous: WindowStats | None = None  # the window just closed, judged together with this one
        self.previous_start: datetime | None = None
        self.previous_mu = (0.0, 0.0, 0.0, 0.0)
        # A run of closed windows above usual (a one-sided CUSUM on z), judged together: a slow burn.
        self.cusum = 0.0
        self.run = [0.0] * 9  # people, mentions, negative, reach; their expected; windows
        # What this window had already shown when the level last went down: from then on only
        # what it adds counts (people, mentions, negatives, reach, and the part of it elapsed).
        self.told: tuple[int, int, int, int, int, float] | None = None
        self.warmed = False

    def warm(self, warmup: int) -> bool:
        """Whether this scale has learned enough windows to judge one on its own baselines."""
        if not self.warmed:
            self.warmed = self.people.n * self.scale >= max(warmup, 3 * self.scale)
        return self.warmed

    def open(self, start: datetime, zone: tzinfo) -> None:
        self.start = start
        self.stats = None
        local = start.astimezone(zone)
        self.hour, self.weekday = local.hour, local.weekday()
        h, d = self.hour, self.weekday
        self.mu_people = self.people.expected(h, d)
        self.mu_mentions = self.mentions.expected(h, d)
        self.mu_negative = self.negative.expected(h, d)
        self.mu_reach = self.reach.expected(h, d)
        self.mu_positive = self.positive.expected(h, d)
        self.peak = Level.NORMAL
        self.hold = Level.NORMAL
        self.evidence = None
        self.told = None

    def learn(self, partial: bool = False) -> int:
        """Learn the open window (unless it was under alert, or only ``partial``-ly seen); its mentions."""
        stats = self.stats
        assert stats is not None
        self.previous = None if self.told else stats  # a window already reported is not judged again
        self.previous_start = self.start
        self.previous_mu = (self.mu_people, self.mu_mentions, self.mu_negative, self.mu_reach)
        people = stats.negative_authors
        if _RUN_SCALE <= self.scale < 86400:
            self.cusum = max(0.0, self.cusum + self.people.z(people, self.mu_people) - _RUN_DRIFT)
            if self.cusum <= 0.0:
                self.run = [0.0] * 9
            else:
                run = self.run
                run[0] += people
                run[1] += stats.mentions
                run[2] += stats.negative
                run[3] += stats.negative_reach
                run[4] += self.mu_people
                run[5] += self.mu_mentions
                run[6] += self.mu_negative
                run[7] += self.mu_reach
                run[8] += 1
        skip = partial or self.peak >= Level.INCIDENT
        h, d = self.hour, self.weekday
        self.people.learn(people, h, d, skip=skip)
        self.mentions.learn(stats.mentions, h, d, skip=skip)
        self.negative.learn(stats.negative, h, d, skip=skip)
        self.reach.learn(stats.negative_reach, h, d, skip=skip)
        self.positive.learn(stats.positive, h, d, skip=skip)
        return stats.mentions


class WaveDetector:
    """Follows one brand at every window length it is given (see the module docs).

    >>> from datetime import UTC
    >>> detector = WaveDetector("acme", "Acme", DetectionSettings(warmup="1h"), gettext.NullTranslations(),
    ...                         scales=(3600,), zone=UTC)
    >>> start = datetime(2026, 1, 5, tzinfo=UTC)
    >>> for hour in range(72):  # three quiet days: 20 mentions an hour, 2 people complaining
    ...     at = start + timedelta(hours=hour)
    ...     _ = detector.update(WindowStats("acme", 3600, at, mentions=20, negative=2, negative_authors=2,
    ...                                     last_at=at + timedelta(minutes=59)))
    >>> at = start + timedelta(hours=72)
    >>> change = detector.update(WindowStats("acme", 3600, at, mentions=60, negative=42, negative_authors=40,
    ...                                      last_at=at + timedelta(minutes=20)))
    >>> change.level.label
    'incident'
    """

    name = NAME

    def __init__(
        self,
        brand: str,
        brand_name: str,
        settings: DetectionSettings,
        translations: gettext.NullTranslations,
        *,
        scales: tuple[int, ...] = (300, 3600, 86400),
        zone: tzinfo | None = None,
    ):
        from datetime import UTC

        self.brand = brand
        self.brand_name = brand_name
        self.settings = settings
        self.zone = zone or UTC
        self._gettext = translations.gettext
        self.level = Level.NORMAL
        self._scale_list = tuple(sorted(set(scales)))
        self.scales = {scale: _Scale(scale) for scale in self._scale_list}
        factor = _PEOPLE[settings.sensitivity]
        self._z = settings.surprise
        self._floor = settings.watch_people * factor * _HOLD
        self._people = (
            settings.watch_people * factor,
            settings.incident_people * factor,
            settings.crisis_people * factor,
        )
        self._trigger = self._scale_list[0]
        self._calm_since: datetime | None = None
        self._first_active: datetime | None = None
        self._last_active: datetime | None = None
        self._history = 0
        self._warmup = timedelta(seconds=settings.warmup)
        self._calm = timedelta(seconds=settings.calm)
        self._latest: datetime | None = None
        self._warm = False
        self._next_end: datetime | None = None
        # the day windows' net sentiment: a slow decline with no wave is a watch (detect/drift.py)
        self._drift = NetDrift(settings.reputation_drop / 100) if settings.reputation_watch else None
        self._decline: Decline | None = None

    # -- the Detector protocol -------------------------------------------------------

    def restore(self, level: Level) -> None:
        self.level = level

    def update(self, stats: WindowStats) -> Assessment | None:
        s = self.scales.get(stats.scale)
        if s is None or stats.brand != self.brand:
            return None
        start = s.start
        if start is not None and stats.start < start:
            return None  # late data for a window already judged
        if stats is s.stats:
            return None  # the same counts again: nothing new
        change = None
        if start is None or stats.start > start:
            change = self._close_until(s, stats.start)
            s.open(stats.start, self.zone)
            self._next_end = self._first_end()
        at = stats.last_at or stats.start
        latest = self._latest
        if latest is None or at > latest:
            self._latest = at
        if not self._warm and stats.mentions:
            self._active(stats)
            s = self.scales[stats.scale]
        s.stats = stats
        evidence = self._judge(s, stats)
        if evidence is _QUIET:
            s.hold = Level.NORMAL
            if self.level:
                return self._maybe_calm(at) or change
            return change
        s.evidence = evidence
        if evidence.level > s.peak:
            s.peak = evidence.level
        s.hold = evidence.hold
        if evidence.level > self.level:
            self.level = evidence.level
            self._trigger = s.scale
            self._calm_since = None
            return self._assess(evidence, at)
        return self._maybe_calm(at) or change

    def advance(self, now: datetime) -> Assessment | None:
        """Time has reached ``now``: close the windows that ended, and maybe calm down."""
        next_end = self._next_end
        if next_end is not None and now < next_end and not self.level:
            return None  # no window has ended yet, and nothing to calm down from
        change = None
        for s in self.scales.values():
            start = s.start
            if start is not None and start + s.step <= now:
                change = self._close_until(s, now) or change
                steps = int((now - start).total_seconds()) // s.scale
                s.open(start + steps * s.step, self.zone)
        if self._latest is None or now > self._latest:
            self._latest = now
        self._next_end = self._first_end()
        return self._maybe_calm(now) or change

    def _first_end(self) -> datetime | None:
        """When the first of the open windows ends."""
        first = None
        for s in self.scales.values():
            start = s.start
            if start is not None:
                end = start + s.step
                if first is None or end < first:
                    first = end
        return first

    # -- windows ---------------------------------------------------------------------

    def _active(self, stats: WindowStats) -> None:
        """Note that the brand is talked about; a long silence while learning starts it afresh."""
        if (
            self._cold()
            and self._last_active is not None
            and stats.start - self._last_active >= self._warmup / 2
            and self._history < self.settings.warmup_mentions
        ):
            self.scales = {scale: _Scale(scale) for scale in self._scale_list}
            self._first_active = None
            self._history = 0
            for fresh in self.scales.values():
                fresh.open(_align(stats.start, fresh.scale), self.zone)
            self._next_end = self._first_end()
        if self._first_active is None:
            self._first_active = stats.start
        moment = stats.last_at or stats.start
        if self._last_active is None or moment > self._last_active:
            self._last_active = moment

    def _cold(self) -> bool:
        if self._warm:
            return False
        if self._first_active is None or self._latest is None:
            return True
        if self._latest - self._first_active < self._warmup or self._history < self.settings.warmup_mentions:
            return True
        self._warm = True  # for good: learning never starts again once the brand is known
        return False

    def _close_until(self, s: _Scale, until: datetime) -> Assessment | None:
        """Close the open window and every empty one before ``until``; learn from them."""
        if s.start is None:
            return None
        end = s.start + s.step
        if end > until:
            return None
        if s.stats is not None and self.level > Level.NORMAL:
            final = self._judge(s, s.stats, full=True)
            if final.hold >= self.level > Level.NORMAL and s.scale <= self._holding_scale():
                self._calm_since = None
        empty = int((until - end).total_seconds()) // s.scale
        raised = None
        if s.stats is None:
            empty += 1  # the open window itself had no posts: part of the quiet stretch
            s.previous = None
            s.cusum, s.run = 0.0, [0.0] * 9
        else:
            # The brand's first window of this length began before it was first talked about
            # (a day window opened at midnight UTC, the first post at 23:36): only part of it
            # was seen, and learning it as a whole window would teach a wrong level.
            first = self._first_active
            partial = first is not None and s.start < first - timedelta(seconds=self._scale_list[0])
            wave = s.peak >= Level.INCIDENT
            mentions = s.learn(partial)
            if s.scale == self._scale_list[0]:
                self._history += mentions
            if s.scale == 86400 and self._drift is not None and not partial:
                stats = s.stats
                self._decline = self._drift.learn(stats.mentions, stats.positive, stats.negative, wave=wave)
                if self._decline is not None and self.level == Level.NORMAL and not self._cold():
                    self.level = Level.WATCH
                    self._trigger = s.scale
                    self._calm_since = None
                    raised = self._assess_decline(self._decline, end)
        if empty > 0:
            expected = s.mentions.level or 0.0
            if expected * empty < _GAP_MENTIONS:  # a quiet stretch, not a gap in collection
                for baseline in (s.people, s.mentions, s.negative, s.reach, s.positive):
                    baseline.learn_silence(empty)
        s.start = None
        return raised or self._maybe_calm(end)

    # -- judging ---------------------------------------------------------------------

    def _judge(self, s: _Scale, stats: WindowStats, full: bool = False) -> Evidence:
        assert s.start is not None
        start = s.start
        last = stats.last_at
        elapsed = 1.0 if full or last is None else min(1.0, (last - start).total_seconds() / s.scale)
        if s.warmed and s.told is None:
            # The common case, cheaply: not even a handful of people more than usual, alone,
            # with the window just closed, or with the run of windows above usual.
            mu = s.mu_people * (elapsed if elapsed > _MIN_FRACTION else _MIN_FRACTION)
            excess = stats.negative_authors - mu
            floor = self._floor
            if excess < floor:
                previous = s.previous
                if (previous is None or excess + previous.negative_authors - s.previous_mu[0] < floor) and (
                    s.cusum <= 0.0 or excess + s.run[0] - s.run[4] < floor
                ):
                    return _QUIET
        told = s.told
        if told is not None:
            # Only what came after the level went down: as if a window had opened then.
            stats = _since(stats, told)
            elapsed = elapsed - told[5]
            fraction = max(elapsed, _MIN_FRACTION * (1.0 - told[5]))
        else:
            fraction = elapsed if elapsed > _MIN_FRACTION else _MIN_FRACTION
        baseline = s.people
        mu_people, mu_mentions, mu_negative, mu_reach = s.mu_people, s.mu_mentions, s.mu_negative, s.mu_reach
        warm = s.warm(self.settings.warmup)
        if not warm:
            # Not enough windows of this length yet: borrow the rate of the shortest one.
            first = self.scales[self._scale_list[0]]
            if first is s or first.people.n * first.scale < 3600 or first.people.level is None:
                return _QUIET
            ratio = s.scale / first.scale
            mu_people = first.people.level * ratio
            mu_mentions = (first.mentions.level or 0.0) * ratio
            mu_negative = (first.negative.level or 0.0) * ratio
            mu_reach = (first.reach.level or 0.0) * ratio
            baseline = first.people
        x = stats.negative_authors
        mu = mu_people * fraction
        n, k, reach = stats.mentions, stats.negative, stats.negative_reach
        mu_n, mu_k, mu_r = mu_mentions * fraction, mu_negative * fraction, mu_reach * fraction
        previous = s.previous if warm and told is None else None
        run = s.run
        # A run of hours is weighed only once the hours of the day have been seen twice: on the
        # second day a rhythm learned from one day makes every busy afternoon look like a slow burn.
        use_run = warm and told is None and s.cusum > 0.0 and run[4] > 0.0 and s.people.n * s.scale >= 2 * 86400
        floor = self._floor
        if (
            x - mu < floor
            and (previous is None or x + previous.negative_authors - mu - s.previous_mu[0] < floor)
            and (not use_run or x + run[0] - mu - run[4] < floor)
        ):
            return _QUIET  # not even a handful of people more than usual: nothing to weigh
        z = baseline.z(x, mu)
        span = s.scale
        # Holding a level looks at this window alone; raising one also at the window just closed
        # together with this one (a wave straddling the boundary) and at a run of windows above
        # usual (a slow burn), whichever stands out most.
        hold = self._hold(z, x - mu)
        previous = s.previous if warm and told is None else None
        if (
            previous is not None
            and s.previous_start is not None
            and s.start - s.previous_start == timedelta(seconds=s.scale)
        ):
            x2 = x + previous.negative_authors
            mu2 = mu + s.previous_mu[0]
            z2 = baseline.z(x2, mu2)
            if z2 > z:
                x, mu, z = x2, mu2, z2
                n, k, reach = n + previous.mentions, k + previous.negative, reach + previous.negative_reach
                mu_n, mu_k, mu_r = mu_n + s.previous_mu[1], mu_k + s.previous_mu[2], mu_r + s.previous_mu[3]
                span = 2 * s.scale
        if use_run:
            x3 = stats.negative_authors + run[0]
            mu3 = mu_people * fraction + run[4]
            z3 = baseline.z(x3, mu3)
            if z3 > z:
                x, mu, z = int(x3), mu3, z3
                n, k, reach = (
                    stats.mentions + int(run[1]),
                    stats.negative + int(run[2]),
                    stats.negative_reach + int(run[3]),
                )
                mu_n = mu_mentions * fraction + run[5]
                mu_k = mu_negative * fraction + run[6]
                mu_r = mu_reach * fraction + run[7]
                span = s.scale * (1 + int(run[8]))
        excess = x - mu
        usual_share = mu_k / mu_n if mu_n > 0 else 0.2
        usual_share = min(0.95, max(0.02, usual_share))
        if n:
            spread = sqrt(n * usual_share * (1.0 - usual_share) * _SHARE_DISPERSION)
            share_z = (k - n * usual_share) / spread
        else:
            share_z = 0.0
        zw, zi, zc = self._z
        pw, pi, pc = self._people
        level = Level.NORMAL
        if z >= zw and excess >= pw and share_z >= _SHARE_Z[0]:
            level = Level.WATCH
            if z >= zi and excess >= pi and share_z >= _SHARE_Z[1]:
                level = Level.INCIDENT
                if (z >= zc and excess >= pc) or (
                    reach >= self.settings.crisis_reach and reach >= _REACH_RATIO * (mu_r + 1.0)
                ):
                    level = Level.CRISIS
        if (
            level <= Level.WATCH
            and span >= _SUSTAINED
            and excess >= pi
            and (
                (share_z >= _SUSTAINED_SHARE_Z and z >= _SUSTAINED_Z * zw)
                or (span >= 86400 and min(z, share_z) >= _DAY_EACH * zw and z + share_z >= _DAY_SUM * zw)
            )
        ):
            # Hours on end above usual, and a negative share far above its usual: the rise is in
            # what people complain about, not in how much they talk (that would move every count).
            level = Level.INCIDENT
        if level > Level.WATCH and warm:
            # As many more positive posts as negative ones: a good story the model partly misreads
            # (gratitude after a storm reads as negative), not a crisis, until a person looks.
            extra_positive = stats.positive - s.mu_positive * fraction
            extra_negative = stats.negative - s.mu_negative * fraction
            if extra_positive >= extra_negative > 0:
                level = Level.WATCH
        if level > Level.NORMAL and self._cold():
            # While learning, only what would be an incident shows, and as a watch.
            level = Level.WATCH if level >= Level.INCIDENT else Level.NORMAL
        share = k / n if n else 0.0
        return Evidence(
            s.scale,
            s.start,
            level,
            hold,
            x,
            mu,
            z,
            n,
            mu_n,
            share,
            usual_share,
            share_z,
            reach,
            mu_r,
            fraction,
            span,
            s.start + timedelta(seconds=told[5] * s.scale) if told is not None else None,
        )

    def _hold(self, z: float, excess: float) -> Level:
        """The level a window's own numbers still hold, with lower thresholds than raise it."""
        zw, zi, zc = self._z
        pw, pi, pc = self._people
        if z >= zw * _HOLD and excess >= pw * _HOLD:
            if z >= zi * _HOLD and excess >= pi * _HOLD:
                if z >= zc * _HOLD and excess >= pc * _HOLD:
                    return Level.CRISIS
                return Level.INCIDENT
            return Level.WATCH
        return Level.NORMAL

    def _holding_scale(self) -> int:
        return max(self._trigger, _CALM_SCALE)

    def _maybe_calm(self, now: datetime) -> Assessment | None:
        """Lower the level one step once nothing has held it for ``calm``."""
        if self.level == Level.NORMAL:
            return None
        limit = self._holding_scale()
        held = max((s.hold for s in self.scales.values() if s.scale <= limit and s.start is not None), default=0)
        if self._decline is not None:
            held = max(held, Level.WATCH)  # a slow decline holds a watch until it is over
        if held >= self.level:
            self._calm_since = None
            return None
        if self._calm_since is None:
            self._calm_since = now
            return None
        if now - self._calm_since < self._calm:
            return None
        old = self.level
        new = Level(max(int(held), int(self.level) - 1))
        self.level = new
        for s in self.scales.values():
            if s.scale > _CALM_SCALE and s.start is not None and s.stats is not None:
                shown = s.stats
                part = min(1.0, max(0.0, (now - s.start).total_seconds() / s.scale))
                s.told = (shown.negative_authors, shown.mentions, shown.negative, shown.negative_reach,
                          shown.positive, part)  # fmt: skip
                s.peak = max(s.peak, old)  # part of the wave: not learned as usual if it was an incident
            s.cusum, s.run = 0.0, [0.0] * 9
            s.previous = None  # what was already reported does not count again
        self._calm_since = now if new > Level.NORMAL else None
        return self._assess_calm(new, now)

    # -- words -----------------------------------------------------------------------

    def _assess(self, e: Evidence, at: datetime) -> Assessment:
        _ = self._gettext
        window = window_words(e.span, _)
        ratio = e.people / e.expected if e.expected >= 0.5 else None
        if e.since is not None:
            first = _(
                "{brand}: {people} more different people posted negatively in the current {window} window "
                "since {time}, where about {expected} is usual"
            ).format(
                brand=self.brand_name,
                people=e.people,
                window=window,
                time=e.since.astimezone(self.zone).strftime("%H:%M"),
                expected=_round(e.expected),
            )
        else:
            first = _(
                "{brand}: {people} different people posted negatively in the last {window} window, "
                "where about {expected} is usual at this time"
            ).format(brand=self.brand_name, people=e.people, window=window, expected=_round(e.expected))
        parts = [
            first
            + (_(" ({ratio}× usual)").format(ratio=f"{ratio:.1f}") if ratio else "")
            + "."
        ]  # fmt: skip
        parts.append(
            _("{share}% of the mentions are negative (usually {usual}%).").format(
                share=round(100 * e.share), usual=round(100 * e.usual_share)
            )
        )
        if e.level == Level.CRISIS and e.reach >= self.settings.crisis_reach:
            parts.append(_("The negative posts reach {reach} followers.").format(reach=f"{e.reach:,}"))
        if self._cold():
            parts.append(
                _("Still learning what is usual for this brand ({hours} h of history): at most watch.").format(
                    hours=self._history_hours()
                )
            )
        coordination = self._coordination() if self.settings.coordination else []
        if coordination:
            parts.append(_("It looks coordinated: {signs}.").format(signs="; ".join(coordination)))
        parts.insert(0, _(_MEANING[e.level]))
        signals = {
            "detector": NAME,
            "scale": e.scale,
            "window_start": e.start.isoformat(),
            "window_seconds": e.span,
            "negative_authors": e.people,
            "expected_negative_authors": round(e.expected, 2),
            "z": round(e.z, 2),
            "score": round(score(e.z, self._z[0]), 4),
            "mentions": e.mentions,
            "expected_mentions": round(e.expected_mentions, 2),
            "negative_share": round(e.share, 3),
            "usual_negative_share": round(e.usual_share, 3),
            "share_z": round(e.share_z, 2),
            "negative_reach": e.reach,
            "expected_negative_reach": round(e.expected_reach, 1),
            "learning": self._cold(),
            "coordinated": bool(coordination),
            "coordination": coordination,
        }
        return Assessment(self.brand, e.level, at, " ".join(parts), signals)

    def _assess_decline(self, decline: Decline, at: datetime) -> Assessment:
        _ = self._gettext
        reason = " ".join((
            _(_MEANING[Level.WATCH]),
            _("{brand}: the reputation is sliding — the net sentiment of the last days is {recent} where "
              "{usual} is usual (from −100 to +100), with no wave to explain it.").format(
                brand=self.brand_name, recent=f"{decline.recent:+.0f}", usual=f"{decline.usual:+.0f}"),
        ))  # fmt: skip
        signals = {"detector": NAME, "kind": "reputation", "scale": 86400, "net_sentiment": decline.recent,
                   "usual_net_sentiment": decline.usual, "days": decline.days, "score": 0.5}  # fmt: skip
        return Assessment(self.brand, Level.WATCH, at, reason, signals)

    def _assess_calm(self, level: Level, at: datetime) -> Assessment:
        _ = self._gettext
        hours = _round(self.settings.calm / 3600)
        if level == Level.NORMAL:
            reason = _("{brand}: back to normal — no sign of the wave for {hours} h.").format(
                brand=self.brand_name, hours=hours
            )
        else:
            reason = _("{brand}: calmer — down to {level} after {hours} h below the previous level.").format(
                brand=self.brand_name, level=_(level.label), hours=hours
            )
        return Assessment(self.brand, level, at, reason, {"detector": NAME, "calm_seconds": self.settings.calm})

    def _coordination(self) -> list[str]:
        """Signs that the negative posts are a campaign or bots (BRIEF M7), in the recent window
        (an hour at most, open or just closed) with the most people posting negatively."""
        _ = self._gettext
        stats = None
        for scale in self._scale_list:
            if scale > _CALM_SCALE:
                continue
            # the open window, or the one just closed when the open one has only begun
            for candidate in (self.scales[scale].stats, self.scales[scale].previous):
                if candidate is not None and (stats is None or candidate.negative_authors > stats.negative_authors):
                    stats = candidate
        if stats is None or stats.negative_authors < 8:
            return []
        signs = []
        new_share = stats.negative_new_authors / stats.negative_authors
        if new_share >= 0.5:
            signs.append(_("{share}% of these accounts are less than 30 days old").format(share=round(100 * new_share)))
        if (
            stats.negative_copies >= 5
            and stats.negative_originals
            and stats.negative_copies >= 0.4 * (stats.negative_originals)
        ):
            signs.append(
                _("{copies} of {posts} posts repeat the same text").format(
                    copies=stats.negative_copies, posts=stats.negative_originals
                )
            )
        minutes = max(1.0, ((stats.last_at or stats.start) - stats.start).total_seconds() / 60)
        if stats.negative_peak_minute >= 5 and stats.negative_peak_minute >= 6 * stats.negative / minutes:
            signs.append(
                _("{posts} posts arrived within a single minute, in lockstep").format(posts=stats.negative_peak_minute)
            )
        if len(signs) >= 2 or new_share >= _NEW_ACCOUNTS_ALONE:
            return signs  # two signs; or nearly all the accounts brand-new, which customers' accounts are not
        return []

    def _history_hours(self) -> int:
        if self._first_active is None or self._latest is None:
            return 0
        return int((self._latest - self._first_active).total_seconds() // 3600)


def N_(message: str) -> str:  # noqa: N802 - the name gettext tools look for
    """Marks a message for translation where it is written; it is translated where it is shown."""
    return message


_MEANING = {
    Level.WATCH: N_("Watch: something is rising."),
    Level.INCIDENT: N_("Incident: a real negative wave, still limited."),
    Level.CRISIS: N_("Crisis: a multitudinous negative wave."),
    Level.NORMAL: N_("Normal."),
}


_QUIET = Evidence(
    0, datetime.min.replace(tzinfo=None), Level.NORMAL, Level.NORMAL, 0, 0.0, 0.0, 0, 0.0, 0.0, 0.0, 0.0, 0, 0.0, 0.0, 0
)


def _since(stats: WindowStats, told: tuple[int, int, int, int, int, float]) -> WindowStats:
    """The part of a window's counts that came after ``told`` (distinct people only grow)."""
    return WindowStats(
        stats.brand, stats.scale, stats.start,
        mentions=max(0, stats.mentions - told[1]),
        negative=max(0, stats.negative - told[2]),
        negative_authors=max(0, stats.negative_authors - told[0]),
        negative_reach=max(0, stats.negative_reach - told[3]),
        positive=max(0, stats.positive - told[4]),
        last_at=stats.last_at,
    )  # fmt: skip


def score(z: float, z_watch: float = 4.0) -> float:
    """An anomaly score in [0, 1] from ``z``: 0.5 at the watch threshold, near 1 far above it.

    >>> score(0.0), score(4.0), round(score(12.0), 2)
    (0.0, 0.5, 0.9)
    """
    if z <= 0:
        return 0.0
    return z * z / (z * z + z_watch * z_watch)


def _align(moment: datetime, scale: int) -> datetime:
    from ascua.aggregate import window_start

    return window_start(moment, scale)


def _round(value: float) -> str:
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def window_words(seconds: int, _: Callable[[str], str]) -> str:
    if seconds % 86400 == 0:
        days = seconds // 86400
        return _("one-day") if days == 1 else _("{n}-day").format(n=days)
    if seconds % 3600 == 0:
        hours = seconds // 3600
        return _("one-hour") if hours == 1 else _("{n}-hour").format(n=hours)
    minutes = max(1, seconds // 60)
    return _("{n}-minute").format(n=minutes)
