"""Community figures for ONE brand with many stored mentions, on one core (issue 9: all of it
for a brand with 1,000,000 stored mentions in under 5 s): engagement, the waiting queue, the
detractors, the empathy map, the reputation index and a daily digest, each over all of the
brand's mentions (the digest: its latest day).

The workspace is built once, in .cache/bench-community-N: the scenario's Vuelaya alone
(``ascua scenario export --brand vuelaya --rate 4``) imported through the whole pipeline.
``python benchmarks/community_speed.py [--mentions N]``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from ascua.community import engagement, waiting
from ascua.config import load_workspace
from ascua.detractors import detractors
from ascua.digest import digest
from ascua.empathy import empathy_map
from ascua.radar import Radar
from ascua.reputation import reputation
from ascua.store.schema import mention_brand

ROOT = Path(__file__).resolve().parent.parent
ASCUA = [sys.executable, "-m", "ascua"]
RATE = 4.0  # four times the scenario's usual Vuelaya: about 2,900 mentions a day


def run(*args: str) -> None:
    done = subprocess.run([*ASCUA, *args], capture_output=True, text=True, env={**os.environ, "ASCUA_LANG": "en"})
    if done.returncode != 0:
        raise SystemExit(f"ascua {' '.join(args)} failed: {done.stderr}")


def workspace(mentions: int) -> Path:
    folder = ROOT / ".cache" / f"bench-community-{mentions}"
    if (folder / ".built").exists():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    run("init", str(folder), "--force")
    export = folder / "mentions.jsonl"
    started = time.perf_counter()
    days = mentions / (30 * 24 * RATE * 1.02) + 3
    start = (datetime.now(UTC) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")
    run("scenario", "export", "--mentions", str(mentions), "--seed", "7", "--start", start, "--brand", "vuelaya",
        "--rate", str(RATE), "--out", str(export))  # fmt: skip
    run("import", str(export), "--workspace", str(folder), "--quiet")
    export.unlink()
    print(f"built {mentions:,} mentions of one brand in {time.perf_counter() - started:.0f} s")
    (folder / ".built").touch()
    return folder


def timed(what: Callable[[], Any]) -> tuple[Any, float]:
    start = time.process_time()
    result = what()
    return result, time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mentions", type=int, default=1_000_000)
    options = parser.parse_args()
    ws = load_workspace(workspace(options.mentions))
    begin, end = datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
    with Radar.open(ws) as radar, radar.database.engine.connect() as connection:
        stored = connection.execute(select(func.count()).select_from(mention_brand)).scalar() or 0
        first, latest = connection.execute(
            select(func.min(mention_brand.c.created_at), func.max(mention_brand.c.created_at))
        ).one()
        zone = ws.zone
        days = (latest - first).days + 1
        since = datetime.combine(first.astimezone(zone).date(), datetime.min.time(), zone)
        until = since + timedelta(days=days)
        figures = [
            ("engagement", timed(lambda: engagement(connection, "vuelaya", begin, end))),
            ("waiting queue (ten years back, 100 shown)",
             timed(lambda: waiting(connection, "vuelaya", limit=100, days=3650))),
            ("detractors", timed(lambda: detractors(connection, "vuelaya", begin, end, now=latest))),
            ("empathy map", timed(lambda: empathy_map(connection, "vuelaya", begin, end))),
            (f"reputation index ({days // 7 + 1} weeks)",
             timed(lambda: reputation(connection, "vuelaya", since, until, every="week"))),
            ("reputation index (the last 90 days)",
             timed(lambda: reputation(connection, "vuelaya", until - timedelta(days=90), until))),
            (f"digest of {latest.astimezone(zone).date()}",
             timed(lambda: digest(connection, ws, "vuelaya", latest.astimezone(zone).date()))),
        ]  # fmt: skip
    print(f"vuelaya: {stored:,} stored mentions over {days} days")
    for name, (result, seconds) in figures:
        extra = ""
        if name == "engagement":
            extra = f" ({result.mentions:,} mentions by others, {result.answered or 0:,} answered)"
        elif name == "detractors":
            extra = f" ({result.total:,} people, {result.states['converted']:,} converted, {len(result.crises)} crises)"
        elif name == "empathy map":
            extra = f" ({result.posts:,} posts read of {result.total:,})"
        print(f"{name:<45} {seconds:6.2f} s of CPU{extra}")
    total = sum(seconds for _name, (_result, seconds) in figures)
    slowest = max(seconds for _name, (_result, seconds) in figures)
    print(f"{'all together':<45} {total:6.2f} s (target: under 5 s); the slowest alone {slowest:.2f} s")


if __name__ == "__main__":
    main()
