"""The tables. Alembic migrations (store/migrations) create them; this module describes them.

Times are stored in UTC (:class:`UTCDateTime`). A mention is immutable once stored,
except for its engagement counts; analyses carry the model that produced them;
alerts keep their whole state history.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as naive UTC and read back timezone-aware in UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; Ascua stores aware UTC times")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


Id = BigInteger().with_variant(Integer, "sqlite")
Json: Any = JSON().with_variant(JSONB(), "postgresql")

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

brand = Table(
    "brand",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(64), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("query", Text, nullable=False),
    Column("languages", Json, nullable=False),
    Column("own_accounts", Json, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

mention = Table(
    "mention",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("source", String(64), nullable=False),
    Column("native_id", String(255), nullable=False),
    Column("url", Text),
    Column("canonical_url", Text),
    # A 64-bit digest of canonical_url: a compact index to find copies of a post (then compared exactly).
    Column("url_key", BigInteger),
    Column("author_handle", Text, nullable=False, default=""),
    Column("author_name", Text),
    Column("author_followers", BigInteger),
    Column("author_created_at", UTCDateTime),
    Column("text", Text, nullable=False),
    Column("lang", String(8)),
    Column("created_at", UTCDateTime, nullable=False),
    Column("collected_at", UTCDateTime, nullable=False),
    Column("in_reply_to", String(255)),
    Column("in_reply_to_author", Text),
    Column("quote_of", String(255)),
    Column("repost_of", String(255)),
    Column("likes", BigInteger, nullable=False, default=0),
    Column("reposts", BigInteger, nullable=False, default=0),
    Column("replies", BigInteger, nullable=False, default=0),
    Column("quotes", BigInteger, nullable=False, default=0),
    Column("views", BigInteger),
    Column("raw", Json),
    UniqueConstraint("source", "native_id"),
    Index(None, "url_key"),
    Index(None, "created_at"),
    # Most posts are not replies, quotes or reposts: index only those that are.
    Index(
        None,
        "source",
        "in_reply_to",
        sqlite_where=text("in_reply_to IS NOT NULL"),
        postgresql_where=text("in_reply_to IS NOT NULL"),
    ),
    Index(
        None,
        "source",
        "quote_of",
        sqlite_where=text("quote_of IS NOT NULL"),
        postgresql_where=text("quote_of IS NOT NULL"),
    ),
    Index(
        None,
        "source",
        "repost_of",
        sqlite_where=text("repost_of IS NOT NULL"),
        postgresql_where=text("repost_of IS NOT NULL"),
    ),
)

mention_brand = Table(
    "mention_brand",
    metadata,
    Column("brand_id", Integer, ForeignKey("brand.id"), primary_key=True),
    Column("mention_id", Id, ForeignKey("mention.id"), primary_key=True),
    Column("created_at", UTCDateTime, nullable=False),
    Index(None, "brand_id", "created_at"),
    Index(None, "mention_id"),
)

analysis = Table(
    "analysis",
    metadata,
    Column("mention_id", Id, ForeignKey("mention.id"), primary_key=True),
    Column("model", String(64), nullable=False),
    Column("tier", String(16), nullable=False),
    Column("lang", String(8), nullable=False),
    Column("sentiment", String(8), nullable=False),
    Column("negative", Float, nullable=False),
    Column("neutral", Float, nullable=False),
    Column("positive", Float, nullable=False),
    Column("question", Boolean, nullable=False),
    Column("complaint", Boolean, nullable=False),
    Column("emotion", Json),
    Column("irony", Float),
    Column("analysed_at", UTCDateTime, nullable=False),
    Index(None, "sentiment"),
)

brand_window = Table(
    "brand_window",
    metadata,
    Column("brand_id", Integer, ForeignKey("brand.id"), primary_key=True),
    Column("scale", Integer, primary_key=True),
    Column("start", UTCDateTime, primary_key=True),
    Column("mentions", Integer, nullable=False),
    Column("authors", Integer, nullable=False),
    Column("negative", Integer, nullable=False),
    Column("neutral", Integer, nullable=False),
    Column("positive", Integer, nullable=False),
    Column("negative_authors", Integer, nullable=False),
    Column("reach", BigInteger, nullable=False),
    Column("negative_reach", BigInteger, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

alert = Table(
    "alert",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("brand_id", Integer, ForeignKey("brand.id"), nullable=False),
    Column("status", String(16), nullable=False),
    Column("level", String(16), nullable=False),
    Column("peak_level", String(16), nullable=False),
    Column("detector", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("signals", Json, nullable=False),
    Column("opened_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("resolved_at", UTCDateTime),
    Column("recorded_at", UTCDateTime, nullable=False),
    Index(None, "brand_id", "status"),
)

alert_event = Table(
    "alert_event",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("alert_id", Integer, ForeignKey("alert.id"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("change", String(16), nullable=False),
    Column("from_level", String(16), nullable=False),
    Column("to_level", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("signals", Json, nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
    Index(None, "alert_id"),
)

source_state = Table(
    "source_state",
    metadata,
    Column("name", String(128), primary_key=True),
    Column("kind", String(64), nullable=False),
    Column("cursor", Json),
    Column("mentions_total", BigInteger, nullable=False, default=0),
    Column("last_success_at", UTCDateTime),
    Column("last_error", Text),
    Column("last_error_at", UTCDateTime),
    Column("updated_at", UTCDateTime, nullable=False),
)

alert_explanation = Table(
    "alert_explanation",
    metadata,
    Column("alert_id", Integer, ForeignKey("alert.id"), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("computed_at", UTCDateTime, nullable=False),
    Column("posts", Integer, nullable=False),
    Column("data", Json, nullable=False),
)
