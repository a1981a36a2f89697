"""What is usual for a count: a baseline that knows the daily and weekly rhythm.

One :class:`Baseline` follows one signal (negative people, mentions…) of one brand at
one window length. It expects ``level × hour-of-day factor × weekday factor`` per
window, learns all three online from closed windows, and measures how surprising a
count is on the variance-stabilised (Anscombe) scale, so that "5 people instead of
1" and "300 instead of 200" are judged by the same yardstick.

It is built to stay honest through a crisis:

- a window under alert is not learned at all, and after the first day (which must
  teach the daily rhythm as it is) any other window is clipped at three deviations
  before it is learned, so a past wave never raises the bar for the next one;
- the level forgets with a half-life of two days, so it follows a brand that grows;
- a new baseline learns as a running mean (every window weighs the same) until it has
  as many windows as its half-life, so the first day does not drag it for weeks.

Memory is fixed: 33 numbers, whatever the history.

>>> b = Baseline(3600)
>>> for day in range(14):
...     for hour in range(24):
...         b.learn(20.0 if 9 <= hour < 21 else 4.0, hour, day % 7)
>>> round(b.expected(12, 0)), round(b.expected(3, 0))
(20, 4)
>>> b.z(20.0, b.expected(12, 0)) < 1 < b.z(45.0, b.expected(12, 0))
True
"""

from __future__ import annotations

from math import sqrt

DAY = 86400
WEEK = 7 * DAY
HALF_LIFE = 2 * DAY
PRIOR_VARIANCE = 1.5  # Poisson is 1 on this scale; the sentiment model's mistakes add some
_CLIP = 3.0  # deviations a window may stand above the baseline before it is learned clipped
_FACTOR_MIN, _FACTOR_MAX = 0.05, 20.0  # no hour is more than 20 times busier or quieter than the average


_ROOT_ZERO = sqrt(0.375)


def anscombe(count: float) -> float:
    """The variance-stabilising transform of a Poisson count (variance ≈ 1/4 whatever the mean)."""
    return sqrt(max(count, 0.0) + 0.375)


class Baseline:
    """The usual value of one count per ``scale``-second window (see the module docs)."""

    __slots__ = (
        "alpha",
        "daily",
        "day_base",
        "day_count",
        "day_weekday",
        "dow",
        "hod",
        "level",
        "n",
        "profile_rate",
        "scale",
        "var",
        "var_rate",
        "week_rate",
    )  # fmt: skip

    def __init__(self, scale: int, half_life: float = HALF_LIFE, prior_variance: float = PRIOR_VARIANCE):
        self.scale = scale
        steps = max(1.0, half_life / scale)
        self.alpha = 1.0 - 0.5 ** (1.0 / steps)
        self.daily = scale < DAY
        # Each hour-of-day factor is revisited max(1, 3600/scale) times a day; each weekday
        # factor 86400/scale times a week. Their half-lives are about 4 days and 3 weeks.
        visits_per_day = max(1.0, 3600 / scale) if self.daily else 1.0
        self.profile_rate = 1.0 - 0.5 ** (1.0 / (4 * visits_per_day))
        self.week_rate = 1.0 - 0.5 ** (1.0 / 3)  # per day learned: a half-life of three weeks
        self.var_rate = 1.0 - 0.5 ** (1.0 / max(8.0, 3 * DAY / scale))
        self.level: float | None = None
        self.hod = [1.0] * 24
        self.dow = [1.0] * 7
        self.var = prior_variance
        self.n = 0
        self.day_weekday = -1
        self.day_count = 0.0
        self.day_base = 0.0

    @property
    def sigma(self) -> float:
        """The deviation of a usual window on the Anscombe scale (at least the Poisson one)."""
        return sqrt(self.var) if self.var > 1.0 else 1.0

    @property
    def warm_seconds(self) -> int:
        """How much history the baseline has learned from."""
        return self.n * self.scale

    def factor(self, hour: int, weekday: int) -> float:
        if self.daily:
            return self.hod[hour] * self.dow[weekday]
        return self.dow[weekday]

    def expected(self, hour: int, weekday: int) -> float:
        """The usual count for a window starting at local ``hour`` on ``weekday`` (Monday = 0)."""
        if self.level is None:
            return 0.0
        return self.level * self.factor(hour, weekday)

    def z(self, count: float, expected: float) -> float:
        """How many usual deviations ``count`` stands above ``expected`` (negative when below)."""
        return 2.0 * (anscombe(count) - anscombe(expected)) / self.sigma

    def learn(self, count: float, hour: int, weekday: int, *, skip: bool = False) -> None:
        """Learn from a closed window; ``skip`` for a window under alert (only time passes)."""
        if skip:
            return
        hod = self.hod[hour] if self.daily else 1.0
        dow = self.dow[weekday]
        if self.level is None:
            self.level = count
            self.n = 1
            return
        level = self.level
        expected = level * hod * dow
        root = sqrt(expected + 0.375) if expected > 0.0 else _ROOT_ZERO
        residual = 2.0 * ((sqrt(count + 0.375) if count > 0.0 else _ROOT_ZERO) - root)
        var = self.var
        limit = _CLIP * (sqrt(var) if var > 1.0 else 1.0)
        if residual > limit and self.n * self.scale >= DAY:  # the first day teaches the rhythm, unclipped
            count = (root + limit / 2.0) ** 2 - 0.375
            residual = limit
        self.n = n = self.n + 1
        # The level is the mean count of a window over the last days (the rhythm averages out);
        # each hour and weekday keeps how it compares to it (Holt-Winters, multiplicative).
        # Early on every one is a running mean of what it has seen, later a steady rate.
        alpha = self.alpha if n * self.alpha >= 1.0 else 1.0 / n
        level += alpha * (count - level)
        self.level = level
        squared = residual * residual
        self.var = var + self.var_rate * ((squared if squared < 9.0 * var else 9.0 * var) - var)
        if level < 1e-9:
            level = 1e-9
        if self.daily:
            visits = n / 24 if self.scale <= 3600 else n * self.scale / DAY
            rate = 1.0 / (1.0 + visits)
            if rate < self.profile_rate:
                rate = self.profile_rate
            h = hod + rate * (count / (level * dow) - hod)
            self.hod[hour] = _FACTOR_MAX if h > _FACTOR_MAX else (_FACTOR_MIN if h < _FACTOR_MIN else h)
        # A weekday is judged on its whole day: the day's count against what the level and the
        # hours alone expected, learned when the next day begins.
        if weekday != self.day_weekday:
            weeks = self.n * self.scale / WEEK
            if self.day_base > 0 and weeks > 1.0:  # the first week teaches the level and the hours
                rate = max(self.week_rate, 1.0 / weeks)
                old = self.dow[self.day_weekday]
                target = self.day_count / self.day_base
                self.dow[self.day_weekday] = min(_FACTOR_MAX, max(_FACTOR_MIN, old + rate * (target - old)))
            self.day_weekday, self.day_count, self.day_base = weekday, 0.0, 0.0
        self.day_count += count
        self.day_base += level * hod

    def learn_silence(self, windows: int) -> None:
        """Learn ``windows`` empty windows at once (a quiet stretch), without looping over them."""
        if windows <= 0 or self.level is None:
            return
        if self.n * self.alpha >= 1.0:
            self.level *= (1.0 - self.alpha) ** windows
        else:
            self.level *= self.n / (self.n + windows)
        self.n += windows

    def state(self) -> dict[str, object]:
        """What the baseline has learned, for a person to read (``ascua backtest --json``)."""
        return {
            "level": self.level,
            "sigma": round(self.sigma, 3),
            "windows": self.n,
            "hour_factors": [round(h, 3) for h in self.hod] if self.daily else None,
            "weekday_factors": [round(d, 3) for d in self.dow],
        }
