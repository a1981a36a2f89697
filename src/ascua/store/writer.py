"""store: write a batch of mentions, their brands and analyses, idempotently.

The same post twice is one row: mentions are unique by ``(source, native_id)`` and by
canonical URL. Only links between a brand and a mention that did not exist before
are reported (:class:`~ascua.model.NewLink`), so the windows count every mention
exactly once however often it is imported. The caller commits; the source cursor
is written in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite

from ascua.model import Analysis, Mention, MentionBatch, NewLink, StoredBatch, utcnow
from ascua.store.schema import analysis, brand, mention, mention_brand, source_state

T = TypeVar("T")
_LOOKUP_CHUNK = 400
_METRICS = ("likes", "reposts", "replies", "quotes", "views")


def insert_for(connection: Connection, table: Any) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that understands ON CONFLICT on this connection's database."""
    if connection.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def mention_row(item: Mention) -> dict[str, Any]:
    return {
        "source": item.source,
        "native_id": item.native_id,
        "url": item.url,
        "canonical_url": item.canonical_url,
        "author_handle": item.author_handle,
        "author_name": item.author_name,
        "author_followers": item.author_followers,
        "author_created_at": item.author_created_at,
        "text": item.text,
        "lang": item.lang,
        "created_at": item.created_at,
        "collected_at": item.collected_at or item.created_at,
        "in_reply_to": item.in_reply_to,
        "in_reply_to_author": item.in_reply_to_author,
        "quote_of": item.quote_of,
        "repost_of": item.repost_of,
        "likes": item.likes,
        "reposts": item.reposts,
        "replies": item.replies,
        "quotes": item.quotes,
        "views": item.views,
        "raw": item.raw,
    }


def analysis_row(mention_id: int, result: Analysis) -> dict[str, Any]:
    return {
        "mention_id": mention_id,
        "model": result.model,
        "tier": result.tier,
        "lang": result.lang,
        "sentiment": result.sentiment,
        "negative": result.scores.get("negative", 0.0),
        "neutral": result.scores.get("neutral", 0.0),
        "positive": result.scores.get("positive", 0.0),
        "question": result.question,
        "complaint": result.complaint,
        "emotion": None,
        "irony": None,
        "analysed_at": utcnow(),
    }


class MentionWriter:
    """The store stage. ``brand_ids`` maps brand keys to their row ids."""

    def __init__(self, brand_ids: dict[str, int], source_kinds: dict[str, str] | None = None):
        self.brand_ids = brand_ids
        self.source_kinds = source_kinds or {}

    def process(self, batch: MentionBatch, connection: Connection) -> StoredBatch:
        ids, inserted = self._insert_mentions(connection, batch.mentions)
        links: list[NewLink] = []
        if batch.brands is not None:
            links = self._link(connection, batch, ids)
        if batch.analyses is not None:
            self._analyse(connection, batch, ids)
        self._save_cursor(connection, batch, inserted)
        return StoredBatch(
            source=batch.source,
            received=len(batch.mentions),
            inserted=inserted,
            duplicates=len(batch.mentions) - inserted,
            links=links,
            watermark=batch.watermark,
            problems=batch.problems,
            unmatched=batch.unmatched,
        )

    def _insert_mentions(self, connection: Connection, mentions: list[Mention]) -> tuple[list[int], int]:
        """Insert what is new; return every mention's row id (new or existing) and the count inserted."""
        if not mentions:
            return [], 0
        statement = (
            insert_for(connection, mention)
            .on_conflict_do_nothing()
            .returning(mention.c.id, mention.c.source, mention.c.native_id)
        )
        by_key: dict[tuple[str, str], int] = {}
        for row in connection.execute(statement, [mention_row(item) for item in mentions]):
            by_key[(row.source, row.native_id)] = row.id
        inserted = len(by_key)
        missing = [item for item in mentions if item.key not in by_key]
        if missing:
            self._resolve_existing(connection, missing, by_key)
        return [by_key[item.key] for item in mentions], inserted

    def _resolve_existing(
        self, connection: Connection, missing: list[Mention], by_key: dict[tuple[str, str], int]
    ) -> None:
        """Find the stored rows of duplicates (by id, then by canonical URL) and refresh engagement."""
        stored: dict[int, Any] = {}
        columns = [mention.c.id, mention.c.source, mention.c.native_id, mention.c.canonical_url] + [
            mention.c[name] for name in _METRICS
        ]
        for chunk in _chunks([item.key for item in missing], _LOOKUP_CHUNK):
            query = select(*columns).where(tuple_(mention.c.source, mention.c.native_id).in_(chunk))
            for row in connection.execute(query):
                by_key[(row.source, row.native_id)] = row.id
                stored[row.id] = row
        by_url = [item for item in missing if item.key not in by_key and item.canonical_url]
        urls: dict[str, int] = {}
        for url_chunk in _chunks(sorted({item.canonical_url for item in by_url if item.canonical_url}), _LOOKUP_CHUNK):
            for row in connection.execute(select(*columns).where(mention.c.canonical_url.in_(url_chunk))):
                urls[row.canonical_url] = row.id
                stored[row.id] = row
        for item in by_url:
            if item.canonical_url in urls:
                by_key[item.key] = urls[item.canonical_url]
        unresolved = [item.key for item in missing if item.key not in by_key]
        if unresolved:
            raise RuntimeError(f"mentions neither inserted nor found: {unresolved[:3]}")
        self._refresh_engagement(connection, missing, by_key, stored)

    def _refresh_engagement(
        self,
        connection: Connection,
        missing: list[Mention],
        by_key: dict[tuple[str, str], int],
        stored: dict[int, Any],
    ) -> None:
        """Engagement only grows: keep the larger of the stored and the new counts."""
        changes = []
        for item in missing:
            row = stored.get(by_key[item.key])
            if row is None:
                continue
            merged: dict[str, int | None] = {}
            for name in _METRICS:
                known = [value for value in (getattr(row, name), getattr(item, name)) if value is not None]
                merged[name] = max(known) if known else None
            if any(merged[name] != getattr(row, name) for name in _METRICS):
                changes.append({"row_id": row.id, **merged})
        if changes:
            statement = (
                update(mention)
                .where(mention.c.id == bindparam("row_id"))
                .values({name: bindparam(name) for name in _METRICS})
            )
            connection.execute(statement, changes)

    def _link(self, connection: Connection, batch: MentionBatch, ids: list[int]) -> list[NewLink]:
        assert batch.brands is not None
        rows = []
        for item, row_id, brands in zip(batch.mentions, ids, batch.brands, strict=True):
            for key in brands:
                rows.append({"brand_id": self.brand_ids[key], "mention_id": row_id, "created_at": item.created_at})
        if not rows:
            return []
        statement = (
            insert_for(connection, mention_brand)
            .on_conflict_do_nothing()
            .returning(mention_brand.c.brand_id, mention_brand.c.mention_id)
        )
        fresh = {(row.brand_id, row.mention_id) for row in connection.execute(statement, rows)}
        keys = {row_id: key for key, row_id in self.brand_ids.items()}
        analyses = batch.analyses or [None] * len(batch.mentions)
        links = []
        for item, row_id, brands, result in zip(batch.mentions, ids, batch.brands, analyses, strict=True):
            for key in brands:
                if (self.brand_ids[key], row_id) in fresh:
                    links.append(
                        NewLink(
                            brand=keys[self.brand_ids[key]],
                            mention_id=row_id,
                            created_at=item.created_at,
                            author=item.author_handle,
                            sentiment=result.sentiment if result else None,
                            reach=item.reach,
                        )
                    )
        return links

    def _analyse(self, connection: Connection, batch: MentionBatch, ids: list[int]) -> None:
        assert batch.analyses is not None
        rows = [
            analysis_row(row_id, result)
            for row_id, result in zip(ids, batch.analyses, strict=True)
            if result is not None
        ]
        if rows:
            connection.execute(insert_for(connection, analysis).on_conflict_do_nothing(), rows)

    def _save_cursor(self, connection: Connection, batch: MentionBatch, inserted: int) -> None:
        now = utcnow()
        values = {
            "name": batch.source,
            "kind": self.source_kinds.get(batch.source, batch.source),
            "cursor": batch.cursor,
            "mentions_total": inserted,
            "last_success_at": now,
            "updated_at": now,
        }
        statement = insert_for(connection, source_state).values(values)
        update_values: dict[str, Any] = {
            "mentions_total": source_state.c.mentions_total + inserted,
            "last_success_at": now,
            "updated_at": now,
        }
        if batch.cursor is not None:
            update_values["cursor"] = statement.excluded.cursor
        connection.execute(statement.on_conflict_do_update(index_elements=["name"], set_=update_values))


def sync_brands(connection: Connection, brands: Iterable[Any]) -> dict[str, int]:
    """Mirror the config's brands into the database; return their row ids by key.

    Brands removed from the config are kept (their history matters) but marked inactive.
    """
    now = utcnow()
    existing = {row.key: row for row in connection.execute(select(brand))}
    wanted = {}
    for config in brands:
        values = {
            "name": config.name,
            "query": config.query,
            "languages": list(config.languages),
            "own_accounts": list(config.own_accounts),
            "active": True,
            "updated_at": now,
        }
        row = existing.get(config.id)
        if row is None:
            result = connection.execute(brand.insert().values(key=config.id, created_at=now, **values))
            assert result.inserted_primary_key is not None
            wanted[config.id] = int(result.inserted_primary_key[0])
        else:
            changed = any(getattr(row, name) != value for name, value in values.items() if name != "updated_at")
            if changed:
                connection.execute(brand.update().where(brand.c.id == row.id).values(**values))
            wanted[config.id] = row.id
    for key, row in existing.items():
        if key not in wanted and row.active:
            connection.execute(brand.update().where(brand.c.id == row.id).values(active=False, updated_at=now))
    return wanted
