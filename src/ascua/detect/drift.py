"""A slow decline of a brand's reputation, followed day by day (docs/detection.md#a-slow-decline).

Each closed day window gives the brand's net sentiment, ``(positive − negative) / mentions``: the
reputation index of :mod:`ascua.reputation`, counted from the window (without the reach weights the
windows do not keep). Two moving averages follow it: a slow one, the usual (about four weeks), and a
quick one, the last few days. A decline is the quick one below the usual by at least ``drop`` and by
three times the deviation the quick average shows on its own: a few unlucky days are not a decline.

Days of a wave (the day window was at ``incident`` or above) are not counted: the wave detector
already speaks for them, and a past crisis must not lower the usual. Days with fewer than
:data:`MIN_MENTIONS` mentions say too little and are skipped. Until :data:`MIN_DAYS` days are counted
nothing is said. A decline lasts until the quick average is back within half the margin; if the
brand stays lower, the usual follows it within a few weeks: a new normal, no longer a warning.
Memory: a few numbers per brand.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import sqrt

MIN_MENTIONS = 20
MIN_DAYS = 14
_SLOW = 1 / 28
_QUICK = 0.3
_K = 3.0
# the deviation of a quick moving average of independent days, as a share of one day's deviation
_QUICK_SPREAD = sqrt(_QUICK / (2 - _QUICK))


@dataclass(slots=True)
class Decline:
    recent: float  # the quick average, in points (−100 … +100)
    usual: float
    days: int  # days counted so far


class NetDrift:
    """Follows one brand's daily net sentiment; says when it is sliding."""

    __slots__ = ("days", "declining", "drop", "quick", "usual", "variance")

    def __init__(self, drop: float = 0.10):
        self.drop = drop
        self.days = 0
        self.usual = 0.0
        self.variance = 0.0
        self.quick = 0.0
        self.declining = False

    def learn(self, mentions: int, positive: int, negative: int, *, wave: bool = False) -> Decline | None:
        """Count a closed day; the decline when there is one (``None``: no decline)."""
        if wave or mentions < MIN_MENTIONS:
            return self._state()
        net = (positive - negative) / mentions
        if self.days == 0:
            self.usual = self.quick = net
        else:
            difference = net - self.usual
            rate = max(_SLOW, 1 / (self.days + 1))  # an average of the first days, then moving
            self.usual += rate * difference
            self.variance = (1 - rate) * (self.variance + rate * difference * difference)
            self.quick += _QUICK * (net - self.quick)
        self.days += 1
        margin = max(self.drop, _K * sqrt(self.variance) * _QUICK_SPREAD)
        if self.days < MIN_DAYS:
            self.declining = False
        elif self.declining:
            self.declining = self.quick < self.usual - margin / 2
        else:
            self.declining = self.quick < self.usual - margin
        return self._state()

    def _state(self) -> Decline | None:
        if not self.declining:
            return None
        return Decline(round(100 * self.quick, 1), round(100 * self.usual, 1), self.days)
