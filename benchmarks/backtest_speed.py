"""Backtest speed and memory: ``ascua backtest SERIES.csv --out SCORES.csv`` on a long series.

Writes a synthetic count series (5-minute Poisson counts around a daily rhythm, with a few
waves; 1,000,000 rows by default, about 9.5 years), then measures:

* the command a user runs, end to end (process start and imports included): wall time,
  rows/s and the peak resident memory of the process (the kernel's ``VmHWM``);
* the detector alone, in this process (``ascua.detect.series.backtest_csv`` from the file
  to ``/dev/null``): rows/s, and the peak of Python allocations during it (``tracemalloc``,
  on a shorter run, since tracing slows every allocation).

Memory must not grow with the length: compare ``--rows 100000`` with the default. Run it
with ``python benchmarks/backtest_speed.py [--rows N] [--seed S] [--keep DIR]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

ASCUA = [sys.executable, "-m", "ascua"]
STEP = 300
START = np.datetime64("2015-02-02T00:00:00")


def write_series(path: Path, rows: int, seed: int) -> None:
    """Timestamps as ``YYYY-MM-DD HH:MM:SS`` (as NAB writes them) and integer counts."""
    rng = np.random.default_rng(seed)
    chunk = 200_000
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("timestamp,value\n")
        for first in range(0, rows, chunk):
            index = np.arange(first, min(rows, first + chunk))
            seconds = index * STEP
            hour = (seconds % 86400) / 3600
            mean = 5 + 25 * (0.5 - 0.5 * np.cos(2 * np.pi * (hour - 3) / 24))
            mean = np.where((index % 20_000) < 12, mean * 6, mean)  # a one-hour wave every ~70 days
            counts = rng.poisson(mean)
            stamps = np.datetime_as_string(START + seconds.astype("timedelta64[s]"), unit="s")
            lines = (f"{stamp[:10]} {stamp[11:]},{count}\n" for stamp, count in zip(stamps, counts, strict=True))
            handle.writelines(lines)


def end_to_end(series: Path, scores: Path) -> tuple[float, float]:
    """Run the command; its wall seconds and its peak RSS in MB (the kernel's high-water mark,
    ``VmHWM``, read every 20 ms; ``resource`` would count the parent's pages before ``exec``)."""
    environment = {**os.environ, "ASCUA_LANG": "en"}
    started = time.perf_counter()
    command = [*ASCUA, "backtest", str(series), "--out", str(scores), "--quiet"]
    process = subprocess.Popen(command, env=environment)
    status = Path(f"/proc/{process.pid}/status")
    peak_kb = 0
    while process.poll() is None:
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak_kb = max(peak_kb, int(line.split()[1]))
        except (OSError, ValueError):
            pass
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"ascua backtest failed with code {process.returncode}")
    if not peak_kb:  # no /proc (not Linux): what resource says, an upper bound
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak_kb / 1024


def in_process(series: Path, trace: bool = False) -> tuple[float, int, float]:
    """Run the detector here: seconds, rows, and the peak of traced allocations (MB) if ``trace``."""
    from ascua.detect.series import backtest_csv

    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    with series.open(encoding="utf-8", newline="") as source, open(os.devnull, "w", newline="") as sink:
        report = backtest_csv(source, sink, str(series))
    seconds = time.perf_counter() - started
    peak = 0.0
    if trace:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return seconds, report.rows, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the series and the scores here (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        series, scores = folder / "series.csv", folder / "scores.csv"
        started = time.perf_counter()
        write_series(series, args.rows, args.seed)
        print(
            f"series: {args.rows:,} rows, {series.stat().st_size / 2**20:.1f} MB, "
            f"written in {time.perf_counter() - started:.1f} s"
        )

        seconds, rss = end_to_end(series, scores)
        with scores.open(encoding="utf-8") as handle:
            written = sum(1 for _ in handle) - 1
        assert written == args.rows, f"{written} rows written for {args.rows}"
        print(f"ascua backtest (end to end): {seconds:.2f} s, {args.rows / seconds:,.0f} rows/s, peak RSS {rss:.0f} MB")

        seconds, rows, _ = in_process(series)
        print(f"backtest_csv (in process):   {seconds:.2f} s, {rows / seconds:,.0f} rows/s")

        short = folder / "short.csv"
        with series.open(encoding="utf-8") as source, short.open("w", encoding="utf-8") as target:
            for n, line in enumerate(source):
                if n > 100_000:
                    break
                target.write(line)
        _, rows, peak = in_process(short, trace=True)
        print(f"backtest_csv, traced ({rows:,} rows): peak Python allocations {peak:.2f} MB")


if __name__ == "__main__":
    main()
