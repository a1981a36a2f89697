"""Backtesting a univariate count series: ``ascua backtest SERIES.csv`` (docs/backtest.md).

A :class:`SeriesDetector` follows one count per regular interval (mentions per 5 minutes,
per hour, per day…) with a :class:`~ascua.detect.baseline.Baseline` that learns the
hour-of-day and weekday rhythm, and gives every row, from that row and earlier ones only,
a ``score`` in [0, 1] and a ``level`` (normal, watch, incident, crisis).

The numbers, and why:

- **Only rises matter.** ``z_row = Baseline.z(value, expected)`` is the row's surprise on
  the Anscombe scale; a drop in mentions is never a crisis, so negative surprise scores 0.
- **Slow rises count too.** A CUSUM ``C = min(6, max(0, C + min(z_row, 3) - 1))``
  (reference ``K = 1``) keeps a *run* of consecutive rows while it stays positive;
  ``z_run`` is the surprise of the run's summed values against its summed expectations,
  so twenty rows each 1.6 times usual add up to a clear signal even when none is
  remarkable alone. Inside the run a row counts at most as ``z = 3`` (``RUN_CLIP``): the
  run adds up small excesses, and a big spike, already scored by its own row, must not
  keep the run high long after it ended; for the same reason ``C`` is capped at 6
  (``CUSUM_MAX``), so the run ends after at most six usual rows (fewer if they are below
  usual), and the run speaks for a row only while that row is itself above usual.
  ``z_eff = max(z_row, z_run)``.
- **Score** ``= z_eff² / (z_eff² + 4²)``: 0.5 is the watch boundary (``Z_WATCH = 4``), 0.69
  is z = 6 (incident), 0.84 is z = 9 (crisis). It is rounded to 4 decimals in the CSV.
- **Levels** need a surprise *and* a size, judged on the row or on the run (whichever
  gives the higher level):

  ========  ===========  ====================  =============================
  level     z_eff ≥      value ≥ expected ×    and value − expected ≥
  ========  ===========  ====================  =============================
  watch     4            1.5                   —
  incident  6            2                     5 counts
  crisis    9            3                     10 counts
  ========  ===========  ====================  =============================

  so a busy series does not alarm on a 5 % rise that is statistically certain, and a
  near-empty one does not call 0 → 3 an incident.
- **Hysteresis.** A level rises at once. It falls one step at a time, after ``calm`` rows
  in a row below its *exit* thresholds (half the entry z, half the excess ratio, half the
  counts: watch 2 / 1.25× ; incident 3 / 1.5× / 2.5; crisis 4.5 / 2× / 5), where ``calm``
  is max(2 rows, one hour of rows): 12 rows at 5 minutes, 60 at 1 minute, 2 at 1 hour or
  1 day.
- **Robust learning.** Rows at incident or above are not learned (``skip=True``), so a
  past wave does not raise the bar for the next one; the others are learned (the
  Baseline clips them at three deviations). When more than a quarter (``ALERT_SHARE``)
  of the rows, over about the last day (an exponential average with a half-life of
  ``warm`` rows), were at incident or above, alarmed rows are learned too, clipped: a
  lasting change of the series, or a daily peak the baseline has not learned yet,
  becomes its new normal over days instead of an alert that never ends.
- **Cold start.** Until the detector has learned ``warm = max(12 rows, one day of
  rows)`` rows (288 at 5 minutes, 1,440 at 1 minute, 24 at 1 hour, 12 at 1 day), scores
  are computed but the level is capped at watch, and every valid row is learned (none is
  skipped as anomalous: the baseline does not know yet what is usual).
- **Time.** The interval is the median of the first 20 positive differences between
  consecutive timestamps (read from the first rows before any is scored: only those
  timestamps are read ahead, never a value). Missing rows are a gap: nothing is learned
  for them (not zeros). A gap longer than ``warm`` intervals (at least a day), or a row
  that far *before* the previous one (a clock jump), starts again: the run and the level
  go back to nothing and normal, and the cold start begins anew; the Baseline keeps what
  it learned. A row slightly earlier than the previous one, or repeating its timestamp,
  is scored on its own (a repeat against the same expectation) and not learned.
- **Not a count.** NaN, infinite or negative values are not learned: score 0, the level
  carried over.

Local time is the timestamp as written: its own offset if it has one, else as it is.

>>> detector = SeriesDetector(3600)
>>> for day in range(14):
...     for hour in range(24):
...         verdict = detector.update((day * 24 + hour) * 3600.0, hour, day % 7, 20.0 if 9 <= hour < 21 else 4.0)
>>> verdict[1].label, round(verdict[0], 2)
('normal', 0.0)
>>> score, level, note = detector.update(14 * 86400.0 + 12 * 3600, 12, 0, 90.0)
>>> level.label, score > 0.84
('crisis', True)
"""

from __future__ import annotations

import csv
import math
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import chain
from typing import TextIO

from ascua.detect.baseline import DAY, Baseline, anscombe
from ascua.model import Level

Z_WATCH = 4.0
K = 1.0  # CUSUM reference: the run grows while rows stand more than one deviation above usual
CUSUM_MAX = 6.0  # …and ends after at most six usual rows (fewer if they are below usual)
RUN_CLIP = 3.0  # the most a single row counts inside a run, in deviations
MIN_WARM_ROWS = 12
ALERT_SHARE = 0.25  # above this share of alarmed rows (half-life: a day), alarmed rows are learned again
PROBE_DIFFERENCES = 20  # positive timestamp differences read to tell the interval
PROBE_ROWS = 10_000  # …or at most this many rows (a file of repeated timestamps)
DEFAULT_INTERVAL = 3600  # when the first rows cannot tell (one timestamp only)
MAX_LISTED = 100  # problems and warnings kept for the report (the counts are exact)
COLUMNS = ("timestamp", "value")
OUTPUT_COLUMNS = ("timestamp", "value", "score", "level")

# (level, z_eff at least, value at least expected ×, value − expected at least)
ENTRY = ((Level.CRISIS, 9.0, 3.0, 10.0), (Level.INCIDENT, 6.0, 2.0, 5.0), (Level.WATCH, 4.0, 1.5, 0.0))
EXIT = tuple((level, z / 2, 1.0 + (ratio - 1.0) / 2, excess / 2) for level, z, ratio, excess in ENTRY)

_NORMAL, _WATCH, _INCIDENT = Level.NORMAL, Level.WATCH, Level.INCIDENT
_LEVELS = tuple(Level)
_INF = math.inf
_Z_LOWEST = min(z for _, z, _, _ in ENTRY)
_Z_WATCH2 = Z_WATCH * Z_WATCH
_EPOCH = datetime(1970, 1, 1)  # naive times are taken as they are: seconds since this, as written
_EPOCH_UTC = _EPOCH.replace(tzinfo=UTC)


def _grade(z: float, value: float, expected: float, table: tuple[tuple[Level, float, float, float], ...]) -> Level:
    for level, z_min, ratio, excess in table:
        if z >= z_min and value >= ratio * expected and value - expected >= excess:
            return level
    return _NORMAL


def score_of(z: float) -> float:
    """The score of a surprise: 0 for none or a drop, 0.5 at ``Z_WATCH``, towards 1 above."""
    if z <= 0.0:
        return 0.0
    z2 = z * z
    return z2 / (z2 + Z_WATCH * Z_WATCH)


class SeriesDetector:
    """Online score and level of one count series at a regular ``interval`` (see the module docs).

    :meth:`update` takes each row in file order and returns ``(score, level, note)``; ``note``
    is None, or why the row was not learned as usual: ``"duplicate"``, ``"earlier"``,
    ``"gap"`` (a restart after a long gap), ``"clock"`` (a restart after a jump back),
    ``"value"`` (not a count). After it, ``z_row``, ``z_run`` and ``expected`` tell why.
    """

    def __init__(self, interval: int) -> None:
        self.interval = max(1, int(interval))
        self.baseline = Baseline(self.interval)
        self.warm_rows = max(MIN_WARM_ROWS, math.ceil(DAY / self.interval))
        self.calm_rows = max(2, math.ceil(3600 / self.interval))
        self.restart_gap = self.warm_rows * self.interval
        self.level = Level.NORMAL
        self.episodes = 0  # stretches above normal
        self.serious_episodes = 0  # …of which reached incident or crisis
        self.restarts = 0
        self.z_row = 0.0
        self.z_run = 0.0
        self.expected = 0.0
        self._learned = 0  # rows learned since the (re)start: the cold start
        self._calm = 0
        self._alert_share = 0.0  # the share of rows at incident or above, over about the last day
        self._share_rate = 1.0 - 0.5 ** (1.0 / self.warm_rows)
        self._serious = False  # the current episode reached incident
        self._last: float | None = None
        self._last_expected = 0.0
        self._cusum = 0.0
        self._run_value = self._run_raw = self._run_expected = 0.0

    @property
    def cold(self) -> bool:
        """Still learning what is usual: the level cannot go above watch."""
        return self._learned < self.warm_rows

    def update_at(self, when: datetime, value: float) -> tuple[float, Level, str | None]:
        """:meth:`update` for a :class:`datetime` (naive: taken as it is; aware: its own offset)."""
        instant = ((when - _EPOCH) if when.tzinfo is None else (when - _EPOCH_UTC)).total_seconds()
        return self.update(instant, when.hour, when.weekday(), value)

    def update(self, instant: float, hour: int, weekday: int, value: float) -> tuple[float, Level, str | None]:
        """Score the next row: ``instant`` in seconds (for gaps and order), local ``hour`` and ``weekday``."""
        if not 0.0 <= value < _INF:  # NaN, infinite or negative: not a count
            self.z_row = self.z_run = 0.0
            return 0.0, self.level, "value"
        last = self._last
        note: str | None = None
        if last is not None and instant <= last:
            if instant == last:
                return self._side_row(value, self._last_expected, "duplicate")
            if last - instant <= self.restart_gap:
                return self._side_row(value, self.baseline.expected(hour, weekday), "earlier")
            note = "clock"
            self._restart()
        elif last is not None and instant - last > self.restart_gap:
            note = "gap"
            self._restart()
        baseline = self.baseline
        expected = baseline.expected(hour, weekday)
        z = baseline.z(value, expected) if baseline.n else 0.0
        # the run: consecutive rows keeping the CUSUM positive, each counting at most RUN_CLIP
        if z > RUN_CLIP:
            counted = (anscombe(expected) + RUN_CLIP * baseline.sigma / 2.0) ** 2 - 0.375
            cusum = self._cusum + RUN_CLIP - K
        else:
            counted = value
            cusum = self._cusum + z - K
        z_run = 0.0
        candidate = _grade(z, value, expected, ENTRY) if z >= _Z_LOWEST else _NORMAL
        if cusum > 0.0:
            if self._cusum <= 0.0:
                self._run_value = self._run_raw = self._run_expected = 0.0
            self._run_value += counted
            self._run_raw += value
            self._run_expected += expected
            self._cusum = cusum if cusum < CUSUM_MAX else CUSUM_MAX
            if z > 0.0:  # the run speaks for a row only while the row itself is above usual
                z_run = baseline.z(self._run_value, self._run_expected)
                if z_run > z and z_run >= _Z_LOWEST:
                    run_level = _grade(z_run, self._run_raw, self._run_expected, ENTRY)
                    if run_level > candidate:
                        candidate = run_level
        else:
            self._cusum = 0.0
        self.z_row, self.z_run, self.expected = z, z_run, expected
        cold = self._learned < self.warm_rows
        if cold and candidate > _WATCH:
            candidate = _WATCH
        level = self.level
        if candidate > level:
            self._rise(candidate)
        elif level > _NORMAL:
            held = _grade(z, value, expected, EXIT)
            if z_run > 0.0 and held < level:
                run_held = _grade(z_run, self._run_raw, self._run_expected, EXIT)
                if run_held > held:
                    held = run_held
            if held >= level:
                self._calm = 0
            else:
                self._calm += 1
                if self._calm >= self.calm_rows:
                    self.level = _LEVELS[level - 1]
                    self._calm = 0
        level = self.level
        if level >= _INCIDENT:
            self._alert_share += self._share_rate * (1.0 - self._alert_share)
        else:
            if self._alert_share:
                self._alert_share -= self._share_rate * self._alert_share
            if level == _NORMAL:
                self._serious = False
        if cold or level < _INCIDENT or self._alert_share > ALERT_SHARE:
            baseline.learn(value, hour, weekday)
            self._learned += 1
        self._last = instant
        self._last_expected = expected
        if z < z_run:
            z = z_run
        if z <= 0.0:
            return 0.0, level, note
        z *= z
        return z / (z + _Z_WATCH2), level, note

    def _side_row(self, value: float, expected: float, note: str) -> tuple[float, Level, str | None]:
        """A repeated or slightly earlier row: scored on its own, not learned, the run untouched."""
        z = self.baseline.z(value, expected) if self.baseline.n else 0.0
        self.z_row, self.z_run, self.expected = z, 0.0, expected
        candidate = _grade(z, value, expected, ENTRY)
        if self._learned < self.warm_rows and candidate > _WATCH:
            candidate = _WATCH
        if candidate > self.level:
            self._rise(candidate)
        return score_of(z), self.level, note

    def _rise(self, level: Level) -> None:
        if self.level == _NORMAL:
            self.episodes += 1
        if level >= _INCIDENT and not self._serious:
            self._serious = True
            self.serious_episodes += 1
        self.level = level
        self._calm = 0

    def _restart(self) -> None:
        self.restarts += 1
        self._learned = 0
        self._calm = 0
        self._alert_share = 0.0
        self._serious = False
        self.level = Level.NORMAL
        self._cusum = 0.0
        self._run_value = self._run_raw = self._run_expected = 0.0


# --- timestamps ------------------------------------------------------------------------------

_EPOCH_MS = 1e11  # a Unix time this large is in milliseconds (in seconds it would be year 5138)


def parse_time(text: str) -> datetime:
    """A row's time: ISO 8601 or ``YYYY-MM-DD HH:MM:SS`` (with or without an offset), or Unix seconds.

    >>> parse_time("2015-02-26 21:42:53")
    datetime.datetime(2015, 2, 26, 21, 42, 53)
    >>> parse_time("2015-02-24 11:35:52 -0800").utcoffset()
    datetime.timedelta(days=-1, seconds=57600)
    >>> parse_time("1424987000")
    datetime.datetime(2015, 2, 26, 21, 43, 20, tzinfo=datetime.timezone.utc)
    """
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    text = text.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            return datetime.fromisoformat(text.replace("/", "-"))
        except ValueError:
            raise ValueError(text) from None
    if not math.isfinite(seconds):
        raise ValueError(text)
    if abs(seconds) >= _EPOCH_MS:
        seconds /= 1000.0
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        raise ValueError(text) from None


def describe_interval(seconds: float) -> str:
    """``300`` → ``"5 min"``: an interval for a person.

    >>> describe_interval(300), describe_interval(86400), describe_interval(5400), describe_interval(45)
    ('5 min', '1 day', '90 min', '45 s')
    """
    seconds = round(seconds)
    for unit, name in ((DAY, "day"), (3600, "h"), (60, "min")):
        if seconds >= unit and seconds % unit == 0:
            count = seconds // unit
            return f"{count} {name}" + ("s" if name == "day" and count != 1 else "")
    return f"{seconds} s"


# --- the CSV ---------------------------------------------------------------------------------


class SeriesFormatError(ValueError):
    """The file is not a ``timestamp,value`` series at all (no header, wrong columns)."""


@dataclass
class SeriesReport:
    """What a backtest did: counts exact, problems and warnings listed up to ``MAX_LISTED``."""

    name: str
    rows: int = 0
    interval: int | None = None  # None: the file had too few distinct timestamps to tell
    levels: dict[str, int] = field(default_factory=lambda: {level.label: 0 for level in Level})
    episodes: int = 0
    serious_episodes: int = 0
    restarts: int = 0
    rejected: int = 0
    warned: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def reject(self, message: str) -> None:
        self.rejected += 1
        if len(self.problems) < MAX_LISTED:
            self.problems.append(message)

    def warn(self, message: str) -> None:
        self.warned += 1
        if len(self.warnings) < MAX_LISTED:
            self.warnings.append(message)


# A parsed row: (line, timestamp text, value text, instant, hour, weekday, value); instant None = rejected.
_Row = tuple[int, str, str, float | None, int, int, float]


def _parsed_rows(reader: Iterator[list[str]], columns: tuple[int, int, int], report: SeriesReport) -> Iterator[_Row]:
    at_time, at_value, width = columns
    name = report.name
    fromisoformat = datetime.fromisoformat
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:  # a NUL byte, a field over the csv module's size limit…
            line = getattr(reader, "line_num", 0)
            report.reject(f"{name}:{line}: not a valid CSV row ({error})")
            yield line, "", "", None, 0, 0, 0.0
            continue
        line = getattr(reader, "line_num", 0)
        if len(fields) != width:
            if not fields or (len(fields) == 1 and not fields[0].strip()):
                continue  # a blank line is not a row
            report.reject(f"{name}:{line}: expected {width} columns, found {len(fields)}")
            stamp = fields[at_time] if len(fields) > at_time else ""
            yield line, stamp, fields[at_value] if len(fields) > at_value else "", None, 0, 0, 0.0
            continue
        stamp, text = fields[at_time], fields[at_value]
        try:
            try:
                when = fromisoformat(stamp)
            except ValueError:
                when = parse_time(stamp)
        except ValueError:
            report.reject(
                f"{name}:{line}: the timestamp {_shown(stamp)} is not a time "
                "(expected ISO 8601 like 2015-02-26 21:42:53, or Unix seconds)"
            )
            yield line, stamp, text, None, 0, 0, 0.0
            continue
        try:
            value = float(text)
        except ValueError:
            report.reject(f"{name}:{line}: the value {_shown(text)} is not a number")
            yield line, stamp, text, None, 0, 0, 0.0
            continue
        instant = ((when - _EPOCH) if when.tzinfo is None else (when - _EPOCH_UTC)).total_seconds()
        yield line, stamp, text, instant, when.hour, when.weekday(), value


def detect_interval(instants: Iterable[float]) -> int | None:
    """The median of the positive differences between consecutive instants, in whole seconds.

    >>> detect_interval([0, 300, 600, 600, 1500, 1800])
    300
    >>> detect_interval([5.0, 5.0]) is None
    True
    """
    previous: float | None = None
    differences = []
    for instant in instants:
        if previous is not None and instant > previous:
            differences.append(instant - previous)
        previous = instant
    if not differences:
        return None
    return max(1, round(statistics.median(differences)))


def backtest_csv(source: TextIO, sink: TextIO, name: str) -> SeriesReport:
    """Read a ``timestamp,value`` CSV from ``source`` and write ``timestamp,value,score,level`` to ``sink``.

    One output row per input row, in the same order, the timestamp and value copied as they
    were; a rejected row (bad timestamp, bad value, wrong number of columns) is written with
    empty ``score`` and ``level``. Streams: memory stays bounded whatever the length.
    Raises :class:`SeriesFormatError` when the header is missing or lacks a column.
    """
    report = SeriesReport(name)
    reader = csv.reader(source)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise SeriesFormatError(f"{name}: not a CSV file ({error})") from None
    if header is None:
        raise SeriesFormatError(f"{name}: the file is empty; expected a header line 'timestamp,value'")
    names = [column.strip().lstrip("\ufeff").strip().lower() for column in header]
    missing = [column for column in COLUMNS if column not in names]
    if missing:
        found = ",".join(header)
        if len(found) > 80:
            found = found[:77] + "…"
        raise SeriesFormatError(
            f"{name}: the first line must be the header 'timestamp,value' "
            f"(missing {', '.join(missing)}; found {found!r})"
        )
    columns = (names.index("timestamp"), names.index("value"), len(names))
    writer = csv.writer(sink, lineterminator="\n")
    writer.writerow(OUTPUT_COLUMNS)
    rows = _parsed_rows(reader, columns, report)

    # The interval, from the timestamps of the first rows (never their values).
    probe: list[_Row] = []
    instants: list[float] = []
    differences = 0
    for row in rows:
        probe.append(row)
        instant = row[3]
        if instant is not None:
            if instants and instant > instants[-1]:
                differences += 1
            instants.append(instant)
        if differences >= PROBE_DIFFERENCES or len(probe) >= PROBE_ROWS:
            break
    report.interval = detect_interval(instants)
    detector = SeriesDetector(report.interval or DEFAULT_INTERVAL)
    if report.interval is not None and not 60 <= report.interval <= DAY:
        report.warn(
            f"{name}: the rows come every {describe_interval(report.interval)}; "
            "Ascua is tuned for 1 minute to 1 day, so the levels may be off"
        )

    counts = [0, 0, 0, 0]
    labels = [level.label for level in Level]
    update = detector.update
    write = writer.writerow
    total = 0
    previous_stamp = ""
    for line, stamp, text, instant, hour, weekday, value in chain(probe, rows):
        total += 1
        if instant is None:
            write((stamp, text, "", ""))
            continue
        score, level, note = update(instant, hour, weekday, value)
        counts[level] += 1
        write((stamp, text, "0" if score == 0.0 else f"{score:.4f}", labels[level]))
        if note is None:
            previous_stamp = stamp
        else:
            report.warn(_note(note, name, line, stamp, text, previous_stamp, detector))
            if note in ("gap", "clock"):
                previous_stamp = stamp
    report.rows = total
    report.levels = dict(zip(labels, counts, strict=True))
    report.episodes = detector.episodes
    report.serious_episodes = detector.serious_episodes
    report.restarts = detector.restarts
    return report


def _shown(text: str, limit: int = 40) -> str:
    """A field in a message: quoted, and cut if it is long."""
    return repr(text) if len(text) <= limit else repr(text[: limit - 1] + "…")


def _note(note: str, name: str, line: int, stamp: str, text: str, previous: str, detector: SeriesDetector) -> str:
    where = f"{name}:{line}"
    if note == "value":
        return f"{where}: the value {_shown(text)} is not a count (NaN, infinite or negative): not learned, score 0"
    if note == "duplicate":
        return f"{where}: the timestamp {stamp!r} repeats the previous row's: scored, not learned"
    if note == "earlier":
        return f"{where}: {stamp!r} is earlier than the previous row's {previous!r}: scored, not learned"
    span = describe_interval(detector.restart_gap)
    if note == "gap":
        return f"{where}: no rows for more than {span} before {stamp!r}: learning starts again (cold start)"
    return f"{where}: the clock goes back more than {span} at {stamp!r}: learning starts again (cold start)"


__all__ = ["SeriesDetector", "SeriesFormatError", "SeriesReport", "backtest_csv", "parse_time", "score_of"]
