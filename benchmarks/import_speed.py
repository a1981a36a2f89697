"""Import speed and memory: 100,000 scenario mentions into a fresh SQLite workspace.

Measures the two commands a user runs, end to end (process start included):

* ``ascua import FILE --raw``: store only (target: at least 20,000 mentions/s);
* ``ascua import FILE``: the whole pipeline, brand matching, analysis, storage, windows,
  detection and alerts (target: at least 2,000 mentions/s);

and the peak resident memory of each (target: under 300 MB). Run it with
``make bench`` or ``python benchmarks/import_speed.py [--mentions N] [--seed S]``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ASCUA = [sys.executable, "-m", "ascua"]
TARGETS = {"raw": 20_000, "full": 2_000}
MAX_RSS_MB = 300


def peak_rss_of(command: list[str]) -> tuple[float, float, float, str]:
    """Run a command: wall seconds, peak RSS of its largest process, peak RSS of all its processes
    together (sampled every 20 ms: the command and its worker processes), and its stdout (MB)."""
    environment = {**os.environ, "ASCUA_LANG": "en"}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment)
    tree_peak = 0
    root = psutil.Process(process.pid)
    while process.poll() is None:
        try:
            members = [root, *root.children(recursive=True)]
            tree_peak = max(tree_peak, sum(member.memory_info().rss for member in members))
        except psutil.Error:
            pass
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    out = process.stdout.read().decode() if process.stdout else ""
    err = process.stderr.read().decode() if process.stderr else ""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # max over every finished child and its children
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{err}")
    return seconds, usage.ru_maxrss / 1024, tree_peak / 2**20, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "import_speed.json")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="ascua-bench-") as folder:
        root = Path(folder)
        data = root / "scenario.jsonl"
        export = [*ASCUA, "scenario", "export", "--mentions", str(args.mentions), "--seed", str(args.seed)]
        seconds, _, _, _ = peak_rss_of([*export, "--out", str(data)])
        print(f"exported {args.mentions:,} scenario mentions in {seconds:.1f} s ({data.stat().st_size / 2**20:.0f} MB)")
        for mode in ("raw", "full"):
            workspace = root / f"ws-{mode}"
            subprocess.run([*ASCUA, "init", str(workspace)], check=True, capture_output=True)
            command = [*ASCUA, "import", str(data), "--workspace", str(workspace), "--quiet"]
            if mode == "raw":
                command.append("--raw")
            seconds, rss, tree, out = peak_rss_of(command)
            inside = re.search(r"\(([\d,]+) mentions/s\)", out)
            stored = re.search(r"([\d,]+) new mentions stored", out)
            results[mode] = {
                "mentions": args.mentions,
                "stored": int(stored.group(1).replace(",", "")) if stored else None,
                "seconds": round(seconds, 2),
                "mentions_per_second": round(args.mentions / seconds),
                "mentions_per_second_reported": int(inside.group(1).replace(",", "")) if inside else None,
                "peak_rss_mb": round(rss, 1),
                "peak_rss_all_processes_mb": round(tree, 1),
                "target_per_second": TARGETS[mode],
                "meets_targets": args.mentions / seconds >= TARGETS[mode] and tree < MAX_RSS_MB,
            }
    print(
        f"\n{'mode':<6}{'mentions/s':>12}{'(in command)':>14}{'seconds':>10}{'peak RSS':>11}{'(all procs)':>13}  target"
    )
    for mode, row in results.items():
        verdict = "ok" if row["meets_targets"] else "MISSED"
        print(
            f"{mode:<6}{row['mentions_per_second']:>12,}{row['mentions_per_second_reported'] or 0:>14,}"
            f"{row['seconds']:>10.1f}{row['peak_rss_mb']:>9.0f} MB{row['peak_rss_all_processes_mb']:>10.0f} MB"
            f"  ≥{row['target_per_second']:,}/s, <{MAX_RSS_MB} MB: {verdict}"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
