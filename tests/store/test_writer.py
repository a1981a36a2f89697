"""Storage: the same post twice is one row, on SQLite and on PostgreSQL, and nothing stored is lost."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from ascua.model import Analysis, Mention, MentionBatch
from ascua.store.database import current_revision, head_revision, open_database
from ascua.store.schema import analysis, brand, mention, mention_brand, metadata, source_state
from ascua.store.writer import MentionWriter, sync_brands

T0 = datetime(2026, 1, 5, 10, tzinfo=UTC)


class Brand:
    def __init__(self, id: str, name: str = "X", query: str = "x", languages=("es",), own_accounts=()):
        self.id, self.name, self.query, self.languages, self.own_accounts = (
            id,
            name,
            query,
            list(languages),
            list(own_accounts),
        )


def post(native_id: str, *, url: str | None = None, likes: int = 0, source: str = "x", minutes: int = 0) -> Mention:
    return Mention(
        source=source,
        native_id=native_id,
        text=f"post {native_id}",
        created_at=T0 + timedelta(minutes=minutes),
        url=url,
        canonical_url=url.lower() if url else None,
        author_handle=f"@a{native_id}",
        author_followers=10,
        likes=likes,
    )


NEGATIVE = Analysis("es", "negative", {"negative": 0.8, "neutral": 0.1, "positive": 0.1}, False, True, "test")


def batch(*mentions: Mention, brands: tuple[str, ...] = ("acme",), cursor: dict | None = None) -> MentionBatch:
    return MentionBatch(
        source="feed",
        mentions=list(mentions),
        cursor=cursor,
        brands=[brands for _ in mentions],
        analyses=[NEGATIVE for _ in mentions],
    )


def open_store(url: str):
    database = open_database(url)
    with database.engine.begin() as connection:
        ids = sync_brands(connection, [Brand("acme"), Brand("other")])
    return database, MentionWriter(ids)


def count(database, table) -> int:
    with database.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar_one()


def test_migrations_create_exactly_the_described_schema(database_url: str) -> None:
    database = open_database(database_url)
    assert current_revision(database) == head_revision()
    with database.engine.connect() as connection:
        # the full-text index of SQLite (migration 0008) is a virtual table the metadata does not describe
        ours = {
            "include_object": lambda _o, name, kind, *_: not (kind == "table" and str(name).startswith("mention_fts"))
        }
        differences = compare_metadata(MigrationContext.configure(connection, opts=ours), metadata)
    assert differences == []
    open_database(database_url)  # opening again is a no-op
    database.close()


def test_the_same_posts_twice_change_nothing(database_url: str) -> None:
    database, writer = open_store(database_url)
    first = batch(post("1"), post("2"), post("3"), cursor={"page": 1})
    with database.engine.begin() as connection:
        stored = writer.process(first, connection)
    assert (stored.inserted, stored.duplicates, len(stored.links)) == (3, 0, 3)
    with database.engine.begin() as connection:
        again = writer.process(first, connection)
    assert (again.inserted, again.duplicates, again.links) == (0, 3, [])
    assert count(database, mention) == 3 and count(database, mention_brand) == 3 and count(database, analysis) == 3
    database.close()


def test_dedup_by_canonical_url_across_ids_and_sources(database_url: str) -> None:
    database, writer = open_store(database_url)
    with database.engine.begin() as connection:
        writer.process(batch(post("1", url="https://x.com/a/status/1")), connection)
    with database.engine.begin() as connection:
        stored = writer.process(
            batch(post("999", url="https://x.com/a/status/1", source="listening-export"), post("5")), connection
        )
    assert stored.inserted == 1  # only post 5 is new
    assert count(database, mention) == 2
    database.close()


def test_a_known_post_gains_new_brands_and_engagement_but_nothing_else(database_url: str) -> None:
    database, writer = open_store(database_url)
    with database.engine.begin() as connection:
        writer.process(batch(post("1", likes=5)), connection)
    with database.engine.begin() as connection:
        stored = writer.process(batch(post("1", likes=40), brands=("acme", "other")), connection)
    assert [link.brand for link in stored.links] == ["other"]
    with database.engine.begin() as connection:
        writer.process(batch(post("1", likes=2)), connection)  # counts never go down
    with database.engine.connect() as connection:
        assert connection.execute(select(mention.c.likes)).scalar_one() == 40
    database.close()


def test_the_cursor_is_saved_with_the_mentions_or_not_at_all(database_url: str) -> None:
    database, writer = open_store(database_url)
    with database.engine.begin() as connection:
        writer.process(batch(post("1"), cursor={"page": 1}), connection)
    try:
        with database.engine.begin() as connection:
            writer.process(batch(post("2"), cursor={"page": 2}), connection)
            raise RuntimeError("crash before commit")
    except RuntimeError:
        pass
    with database.engine.connect() as connection:
        assert connection.execute(select(source_state.c.cursor)).scalar_one() == {"page": 1}
        assert connection.execute(select(source_state.c.mentions_total)).scalar_one() == 1
    assert count(database, mention) == 1
    database.close()


def test_brands_follow_the_config_and_removed_ones_are_kept_inactive(database_url: str) -> None:
    database = open_database(database_url)
    with database.engine.begin() as connection:
        first = sync_brands(connection, [Brand("acme"), Brand("gone")])
    with database.engine.begin() as connection:
        second = sync_brands(connection, [Brand("acme", query="acme OR @acme")])
    assert second["acme"] == first["acme"]
    with database.engine.connect() as connection:
        rows = {row.key: row for row in connection.execute(select(brand))}
    assert rows["acme"].query == "acme OR @acme" and not rows["gone"].active
    database.close()


def test_strangers_text_is_data_not_sql(database_url: str) -> None:
    database, writer = open_store(database_url)
    hostile = post("1")
    hostile.text = "'); DROP TABLE mention; -- <script>alert(1)</script> \u202e"
    hostile.author_handle = "@x'; DELETE FROM brand; --"
    with database.engine.begin() as connection:
        writer.process(batch(hostile), connection)
    with database.engine.connect() as connection:
        assert connection.execute(select(mention.c.text)).scalar_one() == hostile.text
    assert count(database, brand) == 2
    database.close()


def test_the_schema_head_constant_names_the_newest_migration() -> None:
    from ascua.store.database import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD
