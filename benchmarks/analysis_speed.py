"""Analysis speed per tier, on one core, with the shipped models.

* fast tier (``Analyzer.analyse(tier="fast")``, language included): target ≥ 5,000 posts/s;
* deep tier (``tier="deep"``: the tuned e5, USE and fast): no target (it runs asynchronously), reported;
* the same on hard input: empty strings, emoji only, links and handles only, 100 KB texts,
  lone surrogates, mixed Spanish-English: throughput must not collapse.

The texts are the XLM-T Spanish and English test tweets when ../shared/data is there, else
the built-in scenario's. Run it with ``make bench`` or ``python benchmarks/analysis_speed.py``.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from ascua.nlp.analyzer import Analyzer

TARGET_FAST = 5_000


def corpus(count: int) -> list[str]:
    try:
        from ascua.nlp.train.datasets import xlmt

        texts = xlmt("spanish", "test").texts + xlmt("english", "test").texts
    except FileNotFoundError:
        import itertools
        from datetime import UTC, datetime

        from ascua.scenario import Scenario, ScenarioSpec

        scenario = Scenario(ScenarioSpec(seed=3, start=datetime(2026, 1, 5, tzinfo=UTC)))
        texts = [record["text"] for record in itertools.islice(scenario.records(), count)]
    return [texts[i % len(texts)] for i in range(count)]


def hard(count: int) -> list[str]:
    rng = random.Random(5)
    kinds = [
        "",
        "😡😡😡",
        "https://t.co/abc @user",
        "@vuelaya @vuelaya_ayuda",
        "x" * 100_000,
        "bad \ud800 surrogate",
        "El vuelo was cancelled otra vez, so annoying, qué vergüenza",
        "Ceci n'est pas une pipe",
        "这是中文",
        "🙂" * 5_000,
    ]
    return [rng.choice(kinds) for _ in range(count)]


def rate(analyzer: Analyzer, texts: list[str], tier: str, batch: int) -> float:
    started = time.process_time()
    for start in range(0, len(texts), batch):
        analyzer.analyse(texts[start : start + batch], tier=tier)  # type: ignore[arg-type]
    return len(texts) / (time.process_time() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--deep-posts", type=int, default=300)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    analyzer = Analyzer()
    loading = time.perf_counter()
    analyzer.analyse(["warm up"], tier="fast")
    print(f"fast tier loaded in {time.perf_counter() - loading:.2f} s")
    texts = corpus(args.posts)
    fast = rate(analyzer, texts, "fast", 500)
    print(f"fast tier: {fast:,.0f} posts/s of CPU time on one core (target {TARGET_FAST:,})")
    hard_rate = rate(analyzer, hard(2_000), "fast", 500)
    print(f"fast tier on hard input (empty, emoji, links, 100 KB, surrogates…): {hard_rate:,.0f} posts/s")
    loading = time.perf_counter()
    analyzer.analyse(["warm up"], tier="deep")
    print(f"deep tier loaded in {time.perf_counter() - loading:.2f} s")
    deep = rate(analyzer, texts[: args.deep_posts], "deep", 16)
    print(f"deep tier: {deep:,.1f} posts/s of CPU time on one core")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:,.0f} MB")
    print("fast target met" if fast >= TARGET_FAST else "FAST TARGET MISSED")


if __name__ == "__main__":
    main()
