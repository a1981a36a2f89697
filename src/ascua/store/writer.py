"""store: write a batch of mentions, their brands and analyses, idempotently.

The same post twice is one row: mentions are unique by ``(source, native_id)`` and by
canonical URL. Only links between a brand and a mention that did not exist before
are reported (:class:`~ascua.model.NewLink`), so the windows count every mention
exactly once however often it is imported. The caller commits; the source cursor
is written in the same transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import timedelta
from operator import attrgetter
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, case, func, select, update

from ascua.aggregate import text_fingerprint
from ascua.model import (
    Analysis,
    Mention,
    MentionBatch,
    NewLink,
    StoredBatch,
    counted_sentiment,
    is_new_account,
    utcnow,
)
from ascua.store.bulk import insert_for, insert_ignoring_conflicts
from ascua.store.schema import analysis, brand, mention, mention_brand, source_state

T = TypeVar("T")
_LOOKUP_CHUNK = 400
_METRICS = ("likes", "reposts", "replies", "quotes", "views")


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


MENTION_COLUMNS = (
    "source", "native_id", "url", "canonical_url", "author_handle", "author_name", "author_followers",
    "author_created_at", "text", "lang", "created_at", "collected_at", "in_reply_to", "in_reply_to_author",
    "quote_of", "repost_of", "likes", "reposts", "replies", "quotes", "views", "raw",
)  # fmt: skip


def url_key(url: str) -> int:
    """The 64-bit digest of a canonical URL that ``mention.url_key`` indexes.

    >>> url_key("https://x.com/a/status/1") == url_key("https://x.com/a/status/1")
    True
    """
    return int.from_bytes(hashlib.blake2b(url.encode(), digest_size=8).digest(), "big", signed=True)


def mention_columns(items: Sequence[Mention], keys: dict[str, int] | None = None) -> dict[str, list[Any]]:
    """Mentions as columns, ready for a bulk insert (column names are the Mention fields).

    ``keys`` may hold the URL digests already computed.
    """
    columns = {name: list(map(attrgetter(name), items)) for name in MENTION_COLUMNS}
    columns["collected_at"] = [item.collected_at or item.created_at for item in items]
    keys = keys or {}
    columns["url_key"] = [(keys.get(url) or url_key(url)) if (url := item.canonical_url) else None for item in items]
    return columns


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
        "emotion": result.emotion,
        "irony": result.irony,
        "analysed_at": utcnow(),
    }


class MentionWriter:
    """The store stage. ``brand_ids`` maps brand keys to their row ids."""

    def __init__(self, brand_ids: dict[str, int], source_kinds: dict[str, str] | None = None):
        self.brand_ids = brand_ids
        self.source_kinds = source_kinds or {}

    def process(self, batch: MentionBatch, connection: Connection) -> StoredBatch:
        need_ids = batch.brands is not None or batch.analyses is not None
        ids, fresh, inserted = self._insert_mentions(connection, batch.mentions, need_ids)
        links: list[NewLink] = []
        if batch.brands is not None:
            links = self._link(connection, batch, ids, fresh)
        if batch.analyses is not None:
            rows = [
                analysis_row(row_id, result)
                for row_id, result in zip(ids, batch.analyses, strict=True)
                if result is not None
            ]
            insert_ignoring_conflicts(connection, analysis, _columns(rows))
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

    def _insert_mentions(
        self, connection: Connection, mentions: list[Mention], need_ids: bool = True
    ) -> tuple[list[int], set[int], int]:
        """Store what is new. Return every mention's row id, the ids stored now, and how many that is.

        A post is stored once: by ``(source, native_id)``, and by canonical URL (the same post
        from another export or network client). Row ids only grow, so the rows stored by this
        batch are those above the largest id before it. Without ``need_ids`` (nothing to link),
        when every mention was new, the ids are not looked up at all.
        """
        if not mentions:
            return [], set(), 0
        before = connection.execute(select(func.max(mention.c.id))).scalar() or 0
        digests = {url: url_key(url) for item in mentions if (url := item.canonical_url)}
        stored_urls = _rows_by_url(connection, digests)
        first_with_url: dict[str, Mention] = {}
        new: list[Mention] = []
        copies: list[Mention] = []
        for item in mentions:
            url = item.canonical_url
            if url:
                original = stored_urls.get(url)
                if original is not None and (original.source, original.native_id) != item.key:
                    copies.append(item)
                    continue
                first = first_with_url.setdefault(url, item)
                if first is not item:
                    copies.append(item)
                    continue
            new.append(item)
        count = insert_ignoring_conflicts(connection, mention, mention_columns(new, digests))
        if not need_ids and not copies and count == len(new):
            return [], set(), count
        stored = _rows_by_key(connection, [item.key for item in new])
        for item in copies:
            url = item.canonical_url or ""
            stored[item.key] = stored_urls[url] if url in stored_urls else stored[first_with_url[url].key]
        copied = {item.key for item in copies}
        fresh = {row.id for key, row in stored.items() if row.id > before and key not in copied}
        known = [item for item in mentions if item.key in copied or stored[item.key].id <= before]
        if known:
            self._refresh_engagement(connection, known, stored)
        return [stored[item.key].id for item in mentions], fresh, len(fresh)

    def _refresh_engagement(
        self, connection: Connection, known: list[Mention], stored: dict[tuple[str, str], Any]
    ) -> None:
        """Engagement only grows: keep the larger of the stored and the new counts."""
        changes = []
        for item in known:
            row = stored[item.key]
            merged: dict[str, int | None] = {}
            for name in _METRICS:
                values = [value for value in (getattr(row, name), getattr(item, name)) if value is not None]
                merged[name] = max(values) if values else None
            if any(merged[name] != getattr(row, name) for name in _METRICS):
                changes.append({"row_id": row.id, **merged})
        if changes:
            statement = (
                update(mention)
                .where(mention.c.id == bindparam("row_id"))
                .values({name: bindparam(name) for name in _METRICS})
            )
            connection.execute(statement, changes)

    def _link(self, connection: Connection, batch: MentionBatch, ids: list[int], fresh: set[int]) -> list[NewLink]:
        assert batch.brands is not None
        known = sorted({row_id for row_id in ids if row_id not in fresh})
        linked: set[tuple[int, int]] = set()
        for chunk in _chunks(known, _LOOKUP_CHUNK):
            query = select(mention_brand.c.brand_id, mention_brand.c.mention_id).where(
                mention_brand.c.mention_id.in_(chunk)
            )
            linked.update((row.brand_id, row.mention_id) for row in connection.execute(query))
        analyses = batch.analyses or [None] * len(batch.mentions)
        rows: list[dict[str, Any]] = []
        links: list[NewLink] = []
        seen: set[tuple[int, int]] = set()
        for item, row_id, brands, result in zip(batch.mentions, ids, batch.brands, analyses, strict=True):
            for key in brands:
                pair = (self.brand_ids[key], row_id)
                if pair in linked or pair in seen:
                    continue
                seen.add(pair)
                rows.append({"brand_id": pair[0], "mention_id": row_id, "created_at": item.created_at})
                sentiment = (
                    counted_sentiment(result.sentiment, result.scores.get("negative"), result.complaint)
                    if result
                    else None
                )
                links.append(
                    NewLink(
                        brand=key,
                        mention_id=row_id,
                        created_at=item.created_at,
                        author=item.author_handle,
                        sentiment=sentiment,
                        reach=item.reach,
                        new_account=is_new_account(item.author_created_at, item.created_at),
                        fingerprint=(
                            text_fingerprint(item.text, item.repost_of is not None) if sentiment == "negative" else 0
                        ),
                    )
                )
        insert_ignoring_conflicts(connection, mention_brand, _columns(rows))
        return links

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
        newest = max((item.created_at for item in batch.mentions), default=None)
        values["last_item_at"] = newest
        hour = now.replace(minute=0, second=0, microsecond=0)
        values.update(hour_start=hour, hour_mentions=inserted, previous_hour_mentions=0)
        values["errors_total"] = 0
        if batch.error is not None:  # the source could not fetch this time: unhealthy, nothing else changes
            values.update(last_success_at=None, last_error=batch.error[:500], last_error_at=now, errors_total=1)
        statement = insert_for(connection, source_state).values(values)
        update_values: dict[str, Any] = {"mentions_total": source_state.c.mentions_total + inserted, "updated_at": now}
        # the hour's count goes on, or starts again (the hour before kept when it just ended)
        same_hour = source_state.c.hour_start == hour
        update_values["previous_hour_mentions"] = case(
            (same_hour, source_state.c.previous_hour_mentions),
            (source_state.c.hour_start == hour - timedelta(hours=1), source_state.c.hour_mentions),
            else_=0,
        )
        update_values["hour_mentions"] = case((same_hour, source_state.c.hour_mentions + inserted), else_=inserted)
        update_values["hour_start"] = hour
        if batch.error is None:
            update_values["last_success_at"] = now
        else:
            update_values.update(last_error=batch.error[:500], last_error_at=now,
                                 errors_total=source_state.c.errors_total + 1)  # fmt: skip
        if newest is not None:
            update_values["last_item_at"] = case(
                (source_state.c.last_item_at.is_(None), newest),
                (source_state.c.last_item_at < newest, newest),
                else_=source_state.c.last_item_at,
            )
        if batch.cursor is not None:
            update_values["cursor"] = statement.excluded.cursor
        connection.execute(statement.on_conflict_do_update(index_elements=["name"], set_=update_values))


_STORED = (
    mention.c.id,
    mention.c.source,
    mention.c.native_id,
    mention.c.canonical_url,
    *(mention.c[name] for name in _METRICS),
)


def _columns(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    return {name: [row[name] for row in rows] for name in rows[0]} if rows else {}


def _rows_by_key(connection: Connection, keys: list[tuple[str, str]]) -> dict[tuple[str, str], Any]:
    """Stored mentions among ``keys`` (``(source, native_id)``), by key."""
    wanted = set(keys)
    found: dict[tuple[str, str], Any] = {}
    for chunk in _chunks(sorted(wanted), _LOOKUP_CHUNK):
        query = select(*_STORED).where(
            mention.c.source.in_({source for source, _ in chunk}),
            mention.c.native_id.in_([native_id for _, native_id in chunk]),
        )
        for row in connection.execute(query):
            key = (row.source, row.native_id)
            if key in wanted:
                found[key] = row
    return found


def _rows_by_url(connection: Connection, urls: dict[str, int]) -> dict[str, Any]:
    """Stored mentions whose canonical URL is a key of ``urls`` (found by digest, compared exactly)."""
    found: dict[str, Any] = {}
    for chunk in _chunks(sorted(set(urls.values())), _LOOKUP_CHUNK):
        for row in connection.execute(select(*_STORED).where(mention.c.url_key.in_(chunk))):
            if row.canonical_url in urls and row.canonical_url not in found:
                found[row.canonical_url] = row
    return found


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
