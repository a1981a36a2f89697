"""How fast a wave is explained: 500 posts and 50,000 posts, on one core.

The waves are scenario waves (``ascua.scenario``: the cause's first posts, amplifiers,
complaints, replies, quotes and reposts, bilingual) on top of the brand's everyday talk,
read by the fast tier. The usual conversation is the fourteen days before (about 10,000
posts). Two figures per wave, each the best of ``--repeat`` runs of
:func:`ascua.explain.explain`:

* cold: the usual conversation is counted in the call (the first explanation of an alert);
* warm: it was counted before (the refreshes of an open alert reuse it).

Loading the posts from the database is not included (see ``ascua explain`` for the
whole command). Targets (issue 5): 50,000 posts under 2 s, 500 under 100 ms.

Run: ``python benchmarks/explain_speed.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from ascua.explain import explain
from ascua.explain.post import Post
from ascua.explain.reasons import count_usual
from ascua.explain.terms import Vocabulary
from ascua.query import BrandMatcher
from ascua.scenario.generator import Scenario, ScenarioSpec, WaveSpec
from detection_scenarios import example_brands
from explain_quality import Readings, scenario_posts

START = datetime(2026, 1, 5, tzinfo=UTC)
ONSET = START + timedelta(days=14, hours=10)


def build(size: int, readings: Readings) -> tuple[list[Post], list[Post], datetime, datetime]:
    """The wave's posts (onset to the end of its day) and the usual posts of the 14 days before."""
    brand = next(b for b in example_brands() if b.id == "vuelaya")
    wave_spec = WaveSpec("vuelaya", ONSET, "cancelled_flights", size, "flash", spread_minutes=60)
    spec = ScenarioSpec(3, START, ("vuelaya",), 1.0, 0.0, waves=(wave_spec,))
    truth = Scenario(spec).truth()[0]
    end = truth.end + timedelta(minutes=30)
    posts = scenario_posts(spec, BrandMatcher.for_brands([brand]), readings, end)
    start = ONSET - timedelta(minutes=5)
    wave = [p for p in posts if p.created_at >= start]
    usual = [p for p in posts if p.created_at < start]
    return wave, usual, start, end


def best(runs: int, call: Any) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    readings = Readings()
    vocabulary = Vocabulary()
    report: dict[str, Any] = {}
    for label, size, target in (("500 posts", 140, 0.1), ("50,000 posts", 23_000, 2.0)):
        wave, usual, start, end = build(size, readings)
        counted = count_usual(usual, vocabulary, {"@vuelaya", "@vuelaya_ayuda"})

        def run(background: Any, wave: list[Post] = wave, start: datetime = start, end: datetime = end) -> None:
            explain("vuelaya", wave, background, start=start, end=end, brand_name="Vuelaya",
                    own_accounts=("@vuelaya", "@vuelaya_ayuda"), detected_at=start + timedelta(minutes=15),
                    vocabulary=vocabulary)  # fmt: skip

        cold = best(args.repeat, lambda usual=usual: run(usual))  # type: ignore[misc]
        warm = best(args.repeat, lambda counted=counted: run(counted))  # type: ignore[misc]
        report[label] = {
            "posts": len(wave),
            "usual_posts": len(usual),
            "cold_ms": round(1000 * cold, 1),
            "warm_ms": round(1000 * warm, 1),
            "target_ms": 1000 * target,
        }
        print(f"{label}: {len(wave):,} posts (usual {len(usual):,}): cold {1000 * cold:.0f} ms, "
              f"warm {1000 * warm:.0f} ms (target {1000 * target:.0f} ms)", file=sys.stderr)  # fmt: skip
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
