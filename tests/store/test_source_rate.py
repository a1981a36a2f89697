"""Per-source mentions per clock hour: the counters the writer keeps in source_state."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from ascua.config import Workspace
from ascua.model import Mention, MentionBatch, utcnow
from ascua.radar import Radar
from ascua.store import reads
from ascua.store.schema import source_state

T0 = datetime(2026, 1, 5, 10, tzinfo=UTC)


def _commit(radar: Radar, first: int, count: int) -> None:
    pipeline = radar.pipeline(raw=True)
    mentions = [Mention("x", str(i), f"Vuelaya {i}", T0 + timedelta(minutes=i)) for i in range(first, first + count)]
    pipeline.commit(MentionBatch("feed", mentions))


def _summary(radar: Radar) -> reads.SourceSummary:
    with radar.database.engine.connect() as connection:
        (found,) = reads.sources(connection)
    return found


def test_mentions_are_counted_per_clock_hour(workspace: Workspace) -> None:
    with Radar.open(workspace) as radar:
        _commit(radar, 0, 3)
        _commit(radar, 3, 2)
        _commit(radar, 0, 3)  # already stored: not counted again
        now = _summary(radar)
        assert (now.this_hour, now.last_hour, now.mentions) == (5, 0, 5)
        hour = utcnow().replace(minute=0, second=0, microsecond=0)
        with radar.database.engine.begin() as connection:  # as if those came in the hour before
            connection.execute(update(source_state).values(hour_start=hour - timedelta(hours=1)))
        assert (_summary(radar).this_hour, _summary(radar).last_hour) == (0, 5)
        _commit(radar, 10, 4)
        assert (_summary(radar).this_hour, _summary(radar).last_hour) == (4, 5)
        with radar.database.engine.begin() as connection:  # a source silent for hours
            connection.execute(update(source_state).values(hour_start=hour - timedelta(hours=5)))
        assert (_summary(radar).this_hour, _summary(radar).last_hour) == (0, 0)
        _commit(radar, 20, 1)
        assert (_summary(radar).this_hour, _summary(radar).last_hour) == (1, 0)
