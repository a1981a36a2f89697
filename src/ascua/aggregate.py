"""aggregate: per-brand counts over time windows (5 minutes, 1 hour, 1 day by default).

Windows are kept in memory while they are recent and written to ``brand_window`` in
the same transaction as the mentions they count, so the stored counts always agree
with the stored mentions, even after a crash. A window not in memory is rebuilt
from the stored mentions the first time it is touched. Distinct authors are
counted exactly: one person posting fifty times is one author.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, Select, func, select

from ascua.model import NewLink, StoredBatch, WindowStats, counted_sentiment, is_new_account, utcnow
from ascua.query.text import fold
from ascua.store.bulk import insert_for
from ascua.store.schema import analysis, brand_window, mention, mention_brand

WindowKey = tuple[str, int, datetime]


def window_start(moment: datetime, scale: int) -> datetime:
    """The start of the ``scale``-second window holding ``moment`` (aligned on the Unix epoch, UTC).

    >>> window_start(datetime(2026, 1, 5, 10, 47, 12, tzinfo=UTC), 300).isoformat()
    '2026-01-05T10:45:00+00:00'
    """
    seconds = int(moment.timestamp())
    return datetime.fromtimestamp(seconds - seconds % scale, UTC)


_NOISE = re.compile(r"https?://\S+|www\.\S+|[@#]\w+|\d+")
_WORDS = re.compile(r"[^\W\d_]{3,}")
_FINGERPRINT_WORDS = 12


def text_fingerprint(text: str, repost: bool = False) -> int:
    """A number shared by near-identical texts (0 for reposts and texts with too few words).

    Case, accents, links, @handles, #hashtags and numbers are ignored, and only the
    first twelve words count, so copies of one campaign text with a different flight
    number, tag or link still share it.

    >>> text_fingerprint("Vuelaya os cancelan el vuelo 7 sin aviso https://t.co/x") == text_fingerprint(
    ...     "VUELAYA os cancelan el vuelo 12 sin aviso @vuelaya")
    True
    >>> text_fingerprint("RT @ana: Vuelaya os cancelan el vuelo sin aviso"), text_fingerprint("¡Hola!")
    (0, 0)
    """
    if repost or text.startswith("RT @"):
        return 0
    words = _WORDS.findall(_NOISE.sub(" ", fold(text)))[:_FINGERPRINT_WORDS]
    if len(words) < 3:
        return 0
    digest = hashlib.blake2b(" ".join(words).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1 or 1


@dataclass
class _Window:
    mentions: int = 0
    negative: int = 0
    neutral: int = 0
    positive: int = 0
    reach: int = 0
    negative_reach: int = 0
    authors: set[str] = field(default_factory=set)
    negative_authors: set[str] = field(default_factory=set)
    last_at: datetime | None = None
    negative_new: set[str] = field(default_factory=set)
    negative_originals: int = 0
    fingerprints: dict[int, int] = field(default_factory=dict)
    copies: int = 0
    minutes: dict[int, int] = field(default_factory=dict)
    peak_minute: int = 0

    def add(
        self,
        sentiment: str | None,
        author: str,
        reach: int,
        at: datetime,
        new_account: bool = False,
        fingerprint: int = 0,
    ) -> None:
        if self.last_at is None or at > self.last_at:
            self.last_at = at
        self.mentions += 1
        self.reach += reach
        self.authors.add(author)
        if sentiment == "negative":
            self.negative += 1
            self.negative_reach += reach
            self.negative_authors.add(author)
            if new_account:
                self.negative_new.add(author)
            if fingerprint:
                self.negative_originals += 1
                copies = self.fingerprints.get(fingerprint, 0) + 1
                self.fingerprints[fingerprint] = copies
                if copies > self.copies:
                    self.copies = copies
            minute = int(at.timestamp()) // 60
            burst = self.minutes.get(minute, 0) + 1
            self.minutes[minute] = burst
            if burst > self.peak_minute:
                self.peak_minute = burst
        elif sentiment == "positive":
            self.positive += 1
        elif sentiment == "neutral":
            self.neutral += 1

    def add_link(self, link: NewLink) -> None:
        """Count a mention newly linked to the brand."""
        self.add(
            link.sentiment,
            _author_key(link.author, link.mention_id),
            link.reach,
            link.created_at,
            link.new_account,
            link.fingerprint,
        )

    def stats(self, brand: str, scale: int, start: datetime) -> WindowStats:
        return WindowStats(
            brand=brand,
            scale=scale,
            start=start,
            mentions=self.mentions,
            authors=len(self.authors),
            negative=self.negative,
            neutral=self.neutral,
            positive=self.positive,
            negative_authors=len(self.negative_authors),
            reach=self.reach,
            negative_reach=self.negative_reach,
            last_at=self.last_at,
            negative_new_authors=len(self.negative_new),
            negative_originals=self.negative_originals,
            negative_copies=self.copies,
            negative_peak_minute=self.peak_minute,
        )


def stored_links_query(brand_id: int) -> Select[Any]:
    """The stored mentions of a brand (row id) with what the windows count of each."""
    return (
        select(
            mention_brand.c.mention_id,
            mention_brand.c.created_at,
            mention.c.author_handle,
            mention.c.author_followers,
            mention.c.author_created_at,
            mention.c.repost_of,
            mention.c.text,
            analysis.c.sentiment,
            analysis.c.negative,
            analysis.c.complaint,
        )
        .join(mention, mention.c.id == mention_brand.c.mention_id)
        .outerjoin(analysis, analysis.c.mention_id == mention_brand.c.mention_id)
        .where(mention_brand.c.brand_id == brand_id)
    )


def link_of_row(brand: str, row: Row[Any]) -> NewLink:
    """A row of :func:`stored_links_query` as the windows count it."""
    sentiment = counted_sentiment(row.sentiment, row.negative, bool(row.complaint))
    created = _aware(row.created_at)
    author_created = _aware(row.author_created_at) if row.author_created_at else None
    return NewLink(
        brand=brand,
        mention_id=row.mention_id,
        created_at=created,
        author=row.author_handle,
        sentiment=sentiment,
        reach=row.author_followers or 0,
        new_account=is_new_account(author_created, created),
        fingerprint=text_fingerprint(row.text, row.repost_of is not None) if sentiment == "negative" else 0,
    )


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _author_key(author: str, mention_id: int) -> str:
    # Posts without a known author (news items, anonymised exports) count as separate people.
    return author or f"~{mention_id}"


class Aggregator:
    """The aggregate stage. One instance per writing process (see ``store.lock``)."""

    def __init__(self, connection: Connection, brand_ids: dict[str, int], scales: Iterable[int]):
        self.brand_ids = brand_ids
        self.brand_keys = {row_id: key for key, row_id in brand_ids.items()}
        self.scales = sorted(scales)
        self.windows: dict[WindowKey, _Window] = {}
        self._stored_until: dict[str, datetime] = {}
        self._must_load: set[WindowKey] = set()
        self._evicted_until: dict[tuple[str, int], datetime] = {}
        self._latest: dict[str, datetime] = {}
        query = select(mention_brand.c.brand_id, func.max(mention_brand.c.created_at)).group_by(
            mention_brand.c.brand_id
        )
        for brand_id, latest in connection.execute(query):
            if brand_id in self.brand_keys and latest is not None:
                moment = latest if latest.tzinfo else latest.replace(tzinfo=UTC)
                self._stored_until[self.brand_keys[brand_id]] = moment

    def process(self, stored: StoredBatch, connection: Connection) -> list[WindowStats]:
        """Count the batch's new links; write and return the windows they touched."""
        if not stored.links:
            return []
        loaded: set[WindowKey] = set()
        touched: dict[WindowKey, _Window] = {}
        for link in stored.links:
            for scale in self.scales:
                key = (link.brand, scale, window_start(link.created_at, scale))
                window = self.windows.get(key)
                if window is None:
                    window = self._open(connection, key, loaded)
                if key not in loaded:
                    window.add_link(link)
                touched[key] = window
            if link.created_at > self._latest.get(link.brand, link.created_at - timedelta(seconds=1)):
                self._latest[link.brand] = link.created_at
        stats = [window.stats(brand, scale, start) for (brand, scale, start), window in touched.items()]
        self._write(connection, stats)
        self._evict()
        return stats

    def discard(self, stored: StoredBatch) -> None:
        """Forget the windows a failed (rolled back) batch touched; they reload from the store."""
        for link in stored.links:
            for scale in self.scales:
                key = (link.brand, scale, window_start(link.created_at, scale))
                self.windows.pop(key, None)
                self._must_load.add(key)

    def _open(self, connection: Connection, key: WindowKey, loaded: set[WindowKey]) -> _Window:
        brand, scale, start = key
        stored_until = self._stored_until.get(brand)
        evicted_until = self._evicted_until.get((brand, scale))
        needs_load = (
            key in self._must_load
            or (stored_until is not None and start <= stored_until)
            or (evicted_until is not None and start <= evicted_until)
        )
        if needs_load:
            window = self._load(connection, key)
            loaded.add(key)
            self._must_load.discard(key)
        else:
            window = _Window()
        self.windows[key] = window
        return window

    def _load(self, connection: Connection, key: WindowKey) -> _Window:
        """Rebuild a window from the stored mentions (this batch's included)."""
        brand, scale, start = key
        end = start + timedelta(seconds=scale)
        query = stored_links_query(self.brand_ids[brand]).where(
            mention_brand.c.created_at >= start, mention_brand.c.created_at < end
        )
        window = _Window()
        for row in connection.execute(query):
            window.add_link(link_of_row(brand, row))
        return window

    def _write(self, connection: Connection, stats: list[WindowStats]) -> None:
        now = utcnow()
        rows = [
            {
                "brand_id": self.brand_ids[item.brand],
                "scale": item.scale,
                "start": item.start,
                "mentions": item.mentions,
                "authors": item.authors,
                "negative": item.negative,
                "neutral": item.neutral,
                "positive": item.positive,
                "negative_authors": item.negative_authors,
                "reach": item.reach,
                "negative_reach": item.negative_reach,
                "updated_at": now,
            }
            for item in stats
        ]
        statement = insert_for(connection, brand_window)
        counted = (
            "mentions",
            "authors",
            "negative",
            "neutral",
            "positive",
            "negative_authors",
            "reach",
            "negative_reach",
            "updated_at",
        )
        statement = statement.on_conflict_do_update(
            index_elements=["brand_id", "scale", "start"],
            set_={name: statement.excluded[name] for name in counted},
        )
        connection.execute(statement, rows)

    def _evict(self) -> None:
        """Keep only each brand's current and previous window per scale in memory."""
        if len(self.windows) <= 4 * len(self.scales) * max(1, len(self.brand_ids)):
            return
        for key in list(self.windows):
            brand, scale, start = key
            latest = self._latest.get(brand)
            if latest is not None and start + timedelta(seconds=2 * scale) <= latest:
                del self.windows[key]
                marker = (brand, scale)
                if start > self._evicted_until.get(marker, start - timedelta(seconds=1)):
                    self._evicted_until[marker] = start
