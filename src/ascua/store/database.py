"""Opening the database: SQLite (WAL) in the workspace by default, PostgreSQL given a URL.

Opening always brings the schema to the newest Alembic migration, so a workspace
created by an older Ascua is upgraded in place and nothing stored is lost.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, ProgrammingError

if TYPE_CHECKING:
    from alembic.config import Config

# The newest migration in store/migrations/versions (a test checks they agree). Opening a
# database already at this revision skips loading Alembic at all: commands start faster.
SCHEMA_HEAD = "0008"
_migrate_lock = threading.Lock()


class DatabaseError(Exception):
    """The database cannot be opened or used; the message says which one (password hidden)."""


def _json_dumps(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


def normalise_url(url: str) -> URL:
    """Parse a database URL, choosing the psycopg 3 driver for plain ``postgresql://``."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(
            f"{url.split('@')[-1]!r} is not a database URL (sqlite:///path or postgresql://…)"
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseError(f"Ascua stores in SQLite or PostgreSQL, not {parsed.get_backend_name()}")
    return parsed


def safe_url(url: str | URL) -> str:
    """The URL with its password hidden, for messages and logs."""
    try:
        parsed = make_url(url) if isinstance(url, str) else url
    except ArgumentError:
        return "<unreadable database URL>"
    return parsed.render_as_string(hide_password=True)


@dataclass
class Database:
    """An open, migrated database."""

    engine: Engine

    @property
    def url(self) -> str:
        return safe_url(self.engine.url)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Connect to ``url`` and bring its schema up to date."""
    parsed = normalise_url(url)
    options: dict[str, Any] = {"json_serializer": _json_dumps, "json_deserializer": orjson.loads}
    if parsed.get_backend_name() == "sqlite":
        options["connect_args"] = {"timeout": 60, "check_same_thread": False}
    else:
        options["pool_pre_ping"] = True
        options["connect_args"] = {"connect_timeout": 10}
    engine = create_engine(parsed, **options)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    database = Database(engine)
    if migrate:
        try:
            upgrade(database)
        except OperationalError as error:
            engine.dispose()
            reason = str(error.orig).splitlines()[0] if error.orig else "cannot connect"
            raise DatabaseError(f"cannot open {safe_url(parsed)}: {reason}") from None
    return database


def is_transient(error: DBAPIError) -> bool:
    """A database busy (SQLite "database is locked") or briefly unreachable: worth retrying."""
    message = str(error.orig).lower() if error.orig else ""
    return error.connection_invalidated or "locked" in message or "busy" in message or "could not connect" in message


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=60000")
    cursor.execute("PRAGMA cache_size=-16384")  # 16 MB of page cache per connection
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "ascua.store:migrations")
    return config


def upgrade(database: Database) -> None:
    """Apply every migration not yet applied (idempotent)."""
    if current_revision(database) == SCHEMA_HEAD:
        return
    from alembic import command

    config = _alembic_config()
    with _migrate_lock, database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def current_revision(database: Database) -> str | None:
    """The schema revision of the database (``None`` for an empty one)."""
    with database.engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except (OperationalError, ProgrammingError):
            return None


def head_revision() -> str | None:
    """The newest revision among the migrations shipped with Ascua."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()
