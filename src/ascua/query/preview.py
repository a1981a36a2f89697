"""What a query would match among the stored mentions: ``ascua query test`` and the dashboard's live preview.

The stored mentions are read newest first, in chunks (never all at once); with the full-text
index (SQLite, :mod:`ascua.store.textsearch`) only those with one of the query's words are read,
the others being sure not to match. Each one is checked exactly as the radar checks a new post:
the same compiled query, the same folding, the language a ``lang:`` filter sees (the source's,
else the stored analysis', else detected).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select

from ascua.query import LanguageOnDemand
from ascua.query.compile import PostView, compile_query
from ascua.store.database import Database
from ascua.store.schema import analysis, mention, mention_brand
from ascua.store.schema import brand as brand_table
from ascua.store.textsearch import prefilter

CHUNK = 2_000


@dataclass(frozen=True)
class PreviewMention:
    """A stored mention a query matches."""

    id: int
    created_at: datetime
    source: str
    author: str
    text: str
    url: str | None
    lang: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created_at": self.created_at.isoformat().replace("+00:00", "Z"),
            "source": self.source,
            "author": self.author,
            "text": self.text,
            "url": self.url,
            "lang": self.lang,
        }


@dataclass(frozen=True)
class QueryPreview:
    """How many of the stored mentions (of one brand, or all) a query matches, and the newest of them."""

    query: str
    exclude: str | None
    brand: str | None
    matched: int
    scanned: int
    mentions: list[PreviewMention] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "exclude": self.exclude,
            "brand": self.brand,
            "matched": self.matched,
            "scanned": self.scanned,
            "mentions": [item.as_json() for item in self.mentions],
        }


class UnknownBrand(LookupError):
    """``brand`` names no brand stored in the database."""


def preview_query(
    database: Database,
    query_text: str,
    limit: int = 20,
    brand: str | None = None,
    *,
    exclude: str | None = None,
    chunk_size: int = CHUNK,
) -> QueryPreview:
    """Run a query over the stored mentions (only ``brand``'s when given), newest first.

    Raises :class:`~ascua.query.QueryError` for an invalid query or exclusion (before
    reading anything) and :class:`UnknownBrand` for a brand the database does not hold.
    """
    query = compile_query(query_text, exclude)
    language = LanguageOnDemand()
    found: list[PreviewMention] = []
    matched = scanned = 0
    with database.engine.connect() as connection:
        brand_id = None
        if brand is not None:
            brand_id = connection.execute(select(brand_table.c.id).where(brand_table.c.key == brand)).scalar()
            if brand_id is None:
                raise UnknownBrand(brand)
        indexed = prefilter(connection, query.anchors)  # only posts with one of the query's words
        if indexed is not None:
            scanned = _stored(connection, brand_id)  # the others cannot match: counted as read
        after: tuple[datetime, int] | None = None
        while True:
            rows = connection.execute(_chunk(brand_id, after, chunk_size, indexed)).all()
            for row in rows:
                scanned += indexed is None
                post = PostView.of(
                    row.text,
                    lang=row.lang or row.analysed_lang,
                    source=row.source,
                    author=row.author_handle,
                    url=row.url,
                    detect_language=language,
                )
                if query.matches(post):
                    matched += 1
                    if len(found) < limit:
                        found.append(
                            PreviewMention(
                                id=row.id,
                                created_at=row.created_at,
                                source=row.source,
                                author=row.author_handle,
                                text=row.text,
                                url=row.url,
                                lang=post.lang or None,
                            )
                        )
            if len(rows) < chunk_size:
                break
            after = (rows[-1].at, rows[-1].id)
    return QueryPreview(query_text, exclude, brand, matched, scanned, found)


def _stored(connection: Any, brand_id: int | None) -> int:
    if brand_id is None:
        return connection.execute(select(func.count()).select_from(mention)).scalar() or 0
    counted = select(func.count()).select_from(mention_brand).where(mention_brand.c.brand_id == brand_id)
    return connection.execute(counted).scalar() or 0


def _chunk(brand_id: int | None, after: tuple[datetime, int] | None, size: int, indexed: Any = None) -> Any:
    """The next ``size`` mentions, newest first, older than ``after`` (keyset pagination), only
    those the full-text index keeps when ``indexed``."""
    columns = (
        mention.c.id,
        mention.c.source,
        mention.c.author_handle,
        mention.c.text,
        mention.c.url,
        mention.c.lang,
        analysis.c.lang.label("analysed_lang"),
    )
    if brand_id is None:
        at = mention.c.created_at
        statement = select(*columns, mention.c.created_at, at.label("at")).select_from(mention)
        order = mention.c.id
    else:
        at = mention_brand.c.created_at
        statement = select(*columns, mention.c.created_at, at.label("at")).select_from(
            mention_brand.join(mention, mention.c.id == mention_brand.c.mention_id)
        )
        statement = statement.where(mention_brand.c.brand_id == brand_id)
        order = mention_brand.c.mention_id
    statement = statement.outerjoin(analysis, analysis.c.mention_id == mention.c.id)
    if indexed is not None:
        statement = statement.where(indexed)
    if after is not None:
        moment, last_id = after
        statement = statement.where(or_(at < moment, and_(at == moment, order < last_id)))
    return statement.order_by(at.desc(), order.desc()).limit(size)
