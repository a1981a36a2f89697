"""Windows count each mention once, people once, and survive a restart of the radar."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from ascua.aggregate import Aggregator, window_start
from ascua.model import Analysis, Mention, MentionBatch
from ascua.store.database import open_database
from ascua.store.schema import brand_window
from ascua.store.writer import MentionWriter, sync_brands

from .store.test_writer import Brand

T0 = datetime(2026, 1, 5, 10, tzinfo=UTC)


def analysis(sentiment: str) -> Analysis:
    scores = {label: float(label == sentiment) for label in ("negative", "neutral", "positive")}
    return Analysis("es", sentiment, scores, False, False, "test")  # type: ignore[arg-type]


def feed(posts: list[tuple[str, str, int, str]]) -> MentionBatch:
    """(id, author, minute, sentiment) → a batch for brand acme."""
    mentions = [
        Mention(
            "x", native_id, f"t{native_id}", T0 + timedelta(minutes=minute), author_handle=author, author_followers=100
        )
        for native_id, author, minute, _ in posts
    ]
    return MentionBatch("feed", mentions, brands=[("acme",)] * len(posts), analyses=[analysis(s) for *_, s in posts])


def run(database, writer, aggregator, batch):
    with database.engine.begin() as connection:
        stored = writer.process(batch, connection)
        return aggregator.process(stored, connection)


def stored_windows(database, scale: int) -> dict[datetime, tuple[int, int, int, int]]:
    with database.engine.connect() as connection:
        rows = connection.execute(
            select(brand_window).where(brand_window.c.scale == scale).order_by(brand_window.c.start)
        )
        return {row.start: (row.mentions, row.authors, row.negative, row.negative_authors) for row in rows}


def test_one_person_posting_many_times_is_one_author(database_url: str) -> None:
    database = open_database(database_url)
    with database.engine.begin() as connection:
        ids = sync_brands(connection, [Brand("acme")])
        aggregator = Aggregator(connection, ids, [300, 3600])
    writer = MentionWriter(ids)
    rant = [(str(i), "@angry", i, "negative") for i in range(10)]
    stats = run(database, writer, aggregator, feed([*rant, ("20", "@calm", 12, "positive")]))
    hour = next(s for s in stats if s.scale == 3600)
    assert (hour.mentions, hour.negative, hour.negative_authors, hour.authors) == (11, 10, 1, 2)
    assert hour.negative_share == 10 / 11
    assert hour.last_at == T0 + timedelta(minutes=12)
    assert stored_windows(database, 300)[T0] == (5, 1, 5, 1)
    database.close()


def test_counts_are_exact_across_batches_duplicates_and_a_restart(database_url: str) -> None:
    database = open_database(database_url)
    with database.engine.begin() as connection:
        ids = sync_brands(connection, [Brand("acme")])
    writer = MentionWriter(ids)
    with database.engine.connect() as connection:
        first = Aggregator(connection, ids, [3600])
    run(database, writer, first, feed([("1", "@a", 1, "negative"), ("2", "@b", 2, "negative")]))
    run(database, writer, first, feed([("2", "@b", 2, "negative"), ("3", "@b", 3, "negative")]))  # 2 is a duplicate
    # The radar restarts: a new aggregator must continue the same window, not restart it at zero.
    with database.engine.connect() as connection:
        second = Aggregator(connection, ids, [3600])
    stats = run(database, writer, second, feed([("4", "@c", 4, "neutral"), ("5", "@a", 70, "negative")]))
    assert stored_windows(database, 3600) == {T0: (4, 3, 3, 2), T0 + timedelta(hours=1): (1, 1, 1, 1)}
    assert {s.start: s.mentions for s in stats} == {T0: 4, T0 + timedelta(hours=1): 1}
    database.close()


def test_late_mentions_for_an_evicted_window_are_counted_from_the_store(database_url: str) -> None:
    database = open_database(database_url)
    with database.engine.begin() as connection:
        ids = sync_brands(connection, [Brand("acme")])
        aggregator = Aggregator(connection, ids, [300])
    writer = MentionWriter(ids)
    run(database, writer, aggregator, feed([("1", "@a", 0, "negative")]))
    # Hours of later traffic push the first window out of memory…
    run(database, writer, aggregator, feed([(str(100 + i), f"@p{i}", 60 + 5 * i, "neutral") for i in range(40)]))
    # …then a late mention for it arrives.
    run(database, writer, aggregator, feed([("2", "@b", 1, "negative")]))
    assert stored_windows(database, 300)[T0] == (2, 2, 2, 2)
    database.close()


def test_window_start_is_aligned_in_utc() -> None:
    moment = datetime(2026, 3, 29, 1, 59, 59, tzinfo=UTC)
    assert window_start(moment, 86400) == datetime(2026, 3, 29, tzinfo=UTC)
    assert window_start(moment, 3600) == datetime(2026, 3, 29, 1, tzinfo=UTC)
