"""Community figures for a brand with many stored mentions: engagement over all of them, the
waiting queue and a daily digest, on one core (target for all of issue 9: under 5 s for 1,000,000 mentions).

Uses the workspace ``benchmarks/dashboard_speed.py`` builds (.cache/bench-dashboard-N); run
that first. ``python benchmarks/community_speed.py [--mentions N]``.
"""

from __future__ import annotations

import argparse
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from ascua.community import engagement, waiting
from ascua.config import load_workspace
from ascua.detractors import detractors
from ascua.digest import digest
from ascua.empathy import empathy_map
from ascua.radar import Radar
from ascua.store.schema import brand, mention_brand

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mentions", type=int, default=1_000_000)
    options = parser.parse_args()
    folder = ROOT / ".cache" / f"bench-dashboard-{options.mentions}"
    if not (folder / ".built").exists():
        raise SystemExit(
            f"{folder} is not built: run python benchmarks/dashboard_speed.py --mentions {options.mentions}"
        )
    workspace = load_workspace(folder)
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        counts = dict(connection.execute(
            select(brand.c.key, func.count()).join(mention_brand, mention_brand.c.brand_id == brand.c.id)
            .group_by(brand.c.key)
        ).all())  # fmt: skip
        key = max(counts, key=counts.__getitem__)
        start = time.process_time()
        measured = engagement(connection, key, datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
        middle = time.process_time()
        queue, _notes = waiting(connection, key, limit=100, days=3650)
        end = time.process_time()
        latest = connection.execute(select(func.max(mention_brand.c.created_at))).scalar()
        day = latest.astimezone(workspace.zone).date()
        daily = digest(connection, workspace, key, day)
        done = time.process_time()
        people = detractors(connection, key, datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC),
                            now=latest)  # fmt: skip
        detracted = time.process_time()
        mapped = empathy_map(connection, key, datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
        drawn = time.process_time()
    print(f"{key}: {counts[key]:,} stored mentions of the brand ({sum(counts.values()):,} links in all)")
    print(f"engagement over all of them: {middle - start:.2f} s of CPU ({measured.mentions:,} mentions, "
          f"{measured.answered or 0:,} answered)")  # fmt: skip
    print(f"waiting queue (ten years back, 100 shown): {end - middle:.2f} s of CPU ({len(queue)} listed)")
    print(f"digest of {day} ({daily.mentions:,} mentions that day, {len(daily.themes)} themes): "
          f"{done - end:.2f} s of CPU")  # fmt: skip
    print(f"detractors over all of them: {detracted - done:.2f} s of CPU ({people.total:,} people, "
          f"{people.states['converted']:,} converted, {len(people.crises)} crises)")  # fmt: skip
    print(f"empathy map over all of them: {drawn - detracted:.2f} s of CPU ({mapped.posts:,} posts read of "
          f"{mapped.total:,})")  # fmt: skip
    print(f"together: {drawn - start:.2f} s (target for all of issue 9: under 5 s)")


if __name__ == "__main__":
    main()
