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
    # who acknowledged the alert, when, and at which level (a higher level needs a new one)
    Column("acknowledged_at", UTCDateTime),
    Column("acknowledged_by", Text),
    Column("acknowledged_level", String(16)),
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
    Column("errors_total", BigInteger, nullable=False, default=0, server_default=text("0")),
    Column("last_item_at", UTCDateTime),  # the newest post it brought: how far behind the source is
    # mentions stored per clock hour (UTC): the hour being counted, its count, and the hour before's
    Column("hour_start", UTCDateTime),
    Column("hour_mentions", BigInteger, nullable=False, default=0, server_default=text("0")),
    Column("previous_hour_mentions", BigInteger, nullable=False, default=0, server_default=text("0")),
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

# The crisis room of an alert (respond/room.py): its status, owner and checklist. Its
# timeline is ``alert_timeline``, which starts before the room does (detection, first
# notifications) and keeps going after it closes.
crisis_room = Table(
    "crisis_room",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("alert_id", Integer, ForeignKey("alert.id"), nullable=False, unique=True),
    Column("status", String(16), nullable=False),
    Column("owner", Text),
    Column("opened_by", Text, nullable=False),
    Column("opened_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("closed_at", UTCDateTime),
    Column("lessons", Text),
)

room_step = Table(
    "room_step",
    metadata,
    Column("room_id", Integer, ForeignKey("crisis_room.id"), primary_key=True),
    Column("step", String(32), primary_key=True),
    Column("done", Boolean, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("by", Text, nullable=False),
    Column("note", Text),
)

alert_timeline = Table(
    "alert_timeline",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("alert_id", Integer, ForeignKey("alert.id"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("actor", Text, nullable=False),
    Column("kind", String(24), nullable=False),
    Column("summary", Text, nullable=False),
    Column("data", Json, nullable=False),
    Index(None, "alert_id", "at"),
)

# Every message the radar sends for an alert, one row per recipient and message, with its
# attempts. ``address`` says where in words (an e-mail address, a target's name), never a
# URL: Apprise URLs carry tokens, so they are looked up in the config when sending.
delivery = Table(
    "delivery",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("alert_id", Integer, ForeignKey("alert.id"), nullable=False),
    Column("purpose", String(16), nullable=False),
    Column("recipient", Text, nullable=False),
    Column("channel", String(16), nullable=False),
    Column("address", Text, nullable=False),
    Column("level", String(16), nullable=False),
    Column("step", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("last_error", Text),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("next_attempt_at", UTCDateTime),
    Index(None, "alert_id"),
    Index(None, "status", "next_attempt_at"),
)

statement = Table(
    "statement",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("alert_id", Integer, ForeignKey("alert.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("language", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("findings", Json, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("approved_by", Text),
    Column("approved_at", UTCDateTime),
    UniqueConstraint("alert_id", "version"),
)

# What was published on the public crisis-update page (and its Atom feed): a frozen copy.
publication = Table(
    "publication",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("alert_id", Integer, ForeignKey("alert.id"), nullable=False),
    Column("statement_id", Integer, ForeignKey("statement.id"), nullable=False),
    Column("brand_id", Integer, ForeignKey("brand.id"), nullable=False),
    Column("published_at", UTCDateTime, nullable=False),
    Column("published_by", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("language", String(8), nullable=False),
    Index(None, "published_at"),
)

# Workspace-wide values the radar keeps for itself (the key that signs acknowledgement links).
setting = Table(
    "setting",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# People who use the dashboard and the API (docs/access.md). Passwords are argon2 hashes;
# sessions and API tokens are stored as SHA-256 digests of the secret, never the secret.
account = Table(
    "account",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("display_name", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_login_at", UTCDateTime),
    Column("disabled_at", UTCDateTime),
)

web_session = Table(
    "web_session",
    metadata,
    Column("digest", String(64), primary_key=True),
    Column("account_id", Integer, ForeignKey("account.id"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("seen_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Index(None, "account_id"),
)

api_token = Table(
    "api_token",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("account_id", Integer, ForeignKey("account.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("scope", String(8), nullable=False),
    Column("digest", String(64), nullable=False, unique=True),
    Column("prefix", String(16), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_used_at", UTCDateTime),
    Column("revoked_at", UTCDateTime),
    Index(None, "account_id"),
)

# Mentions someone dealt with outside the radar (answered by phone, in private…): they leave
# the queue of people waiting for an answer (docs/community.md).
handled = Table(
    "handled",
    metadata,
    Column("mention_id", Id, ForeignKey("mention.id"), primary_key=True),
    Column("brand_id", Integer, ForeignKey("brand.id"), primary_key=True),
    Column("by", Text, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("note", Text),
)
