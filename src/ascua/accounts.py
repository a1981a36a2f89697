"""Accounts, roles, web sessions and API tokens (docs/access.md).

Four roles, each able to do what the one before it can and more:

* ``viewer``: reads every page and every read endpoint of the API;
* ``analyst``: also works the crisis room (acknowledges, changes status and owner, ticks
  steps, writes notes, drafts and checks statements) and exports mentions;
* ``spokesperson``: also approves statements, sends them to stakeholders and publishes them;
* ``admin``: also manages accounts and settings.

Analysts and above may also send mentions to a webhook source (docs/sources.md), usually
with a token of the ``ingest`` scope, which can do nothing else.

Passwords are hashed with argon2id (argon2-cffi). Sessions and API tokens are random
secrets given to the person once; the store keeps only their SHA-256 digest, so a copy of
the database opens no session. No account exists until someone creates one (``ascua users
add``, or the one-time setup link ``ascua run`` prints while there is none): there is no
default password.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from ascua.model import utcnow
from ascua.store.schema import account, api_token, setting, web_session


class AccountError(ValueError):
    """A request about accounts that cannot be done, said in words."""


class Permission(StrEnum):
    READ = "read"
    RESPOND = "respond"
    APPROVE = "approve"
    ADMIN = "admin"
    INGEST = "ingest"  # send mentions to a webhook source


ROLES: dict[str, frozenset[Permission]] = {
    "viewer": frozenset({Permission.READ}),
    "analyst": frozenset({Permission.READ, Permission.RESPOND, Permission.INGEST}),
    "spokesperson": frozenset({Permission.READ, Permission.RESPOND, Permission.APPROVE, Permission.INGEST}),
    "admin": frozenset(Permission),
}
# read: only reads; write: also acts (within the role); ingest: only sends mentions to webhook sources
SCOPES = ("read", "write", "ingest")
SESSION_HOURS = 12  # a session ends after this long without a request
SESSION_MAX_DAYS = 7  # and after this long in any case
MIN_PASSWORD = 10
TOKEN_PREFIX = "asc_"  # noqa: S105 - the visible start of every API token, not a secret
_NAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")
_hasher = PasswordHasher()
_DUMMY = _hasher.hash("not a password of anyone")


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    display_name: str
    role: str
    created_at: datetime
    last_login_at: datetime | None
    disabled: bool

    def can(self, permission: Permission) -> bool:
        return not self.disabled and permission in ROLES.get(self.role, frozenset())


@dataclass(frozen=True)
class Session:
    account: Account
    csrf: str
    expires_at: datetime


@dataclass(frozen=True)
class Token:
    id: int
    account: str
    name: str
    scope: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _account(row: object) -> Account:
    return Account(
        id=row.id,  # type: ignore[attr-defined]
        name=row.name,  # type: ignore[attr-defined]
        display_name=row.display_name,  # type: ignore[attr-defined]
        role=row.role,  # type: ignore[attr-defined]
        created_at=row.created_at,  # type: ignore[attr-defined]
        last_login_at=row.last_login_at,  # type: ignore[attr-defined]
        disabled=row.disabled_at is not None,  # type: ignore[attr-defined]
    )


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"no role {role!r}: the roles are {', '.join(ROLES)}")
    return role


def check_password(password: str, name: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password is too short: at least {MIN_PASSWORD} characters")
    if password.strip().lower() == name.lower():
        raise AccountError("the password cannot be the account's name")


def add_account(engine: Engine, name: str, password: str, role: str, display_name: str | None = None) -> Account:
    """Create an account; ``name`` is the login (lower-case letters, digits, ``. _ @ -``)."""
    name = name.strip().lower()
    if not _NAME.match(name):
        raise AccountError(
            f"{name!r} cannot be an account name: 2 to 64 lower-case letters, digits, '.', '_', '@' or '-'"
        )
    check_role(role)
    check_password(password, name)
    shown = (display_name or "").strip()[:120] or name
    try:
        with engine.begin() as connection:
            connection.execute(
                account.insert().values(
                    name=name, display_name=shown, role=role, password_hash=_hasher.hash(password),
                    created_at=utcnow(),
                )
            )  # fmt: skip
    except IntegrityError:
        raise AccountError(f"there is already an account {name!r}") from None
    return get_account(engine, name)


def get_account(engine: Engine, name: str) -> Account:
    with engine.connect() as connection:
        row = connection.execute(select(account).where(account.c.name == name.strip().lower())).first()
    if row is None:
        raise AccountError(f"no account {name!r} ('ascua users list' shows them)")
    return _account(row)


def accounts(engine: Engine) -> list[Account]:
    with engine.connect() as connection:
        return [_account(row) for row in connection.execute(select(account).order_by(account.c.name))]


def has_accounts(engine: Engine) -> bool:
    with engine.connect() as connection:
        return bool(connection.execute(select(func.count()).select_from(account)).scalar())


def _end_sessions(connection: object, account_id: int) -> None:
    connection.execute(delete(web_session).where(web_session.c.account_id == account_id))  # type: ignore[attr-defined]


def set_password(engine: Engine, name: str, password: str) -> None:
    """A new password; every open session of the account ends."""
    person = get_account(engine, name)
    check_password(password, person.name)
    with engine.begin() as connection:
        connection.execute(
            update(account).where(account.c.id == person.id).values(password_hash=_hasher.hash(password))
        )
        _end_sessions(connection, person.id)


def set_role(engine: Engine, name: str, role: str) -> Account:
    person = get_account(engine, name)
    check_role(role)
    if person.role == "admin" and role != "admin":
        _keep_an_admin(engine, person)
    with engine.begin() as connection:
        connection.execute(update(account).where(account.c.id == person.id).values(role=role))
    return get_account(engine, name)


def _keep_an_admin(engine: Engine, person: Account) -> None:
    others = [a for a in accounts(engine) if a.role == "admin" and not a.disabled and a.id != person.id]
    if not others:
        raise AccountError(f"{person.name} is the last admin: make another admin first")


def set_disabled(engine: Engine, name: str, disabled: bool) -> Account:
    """Disable (or enable again) an account: its sessions end and its tokens stop working.
    Accounts are never deleted, so that the timeline keeps saying who did what."""
    person = get_account(engine, name)
    if disabled and person.role == "admin":
        _keep_an_admin(engine, person)
    with engine.begin() as connection:
        connection.execute(
            update(account).where(account.c.id == person.id).values(disabled_at=utcnow() if disabled else None)
        )
        if disabled:
            _end_sessions(connection, person.id)
    return get_account(engine, name)


def authenticate(engine: Engine, name: str, password: str) -> Account | None:
    """The account whose name and password these are, or ``None`` (the same work is done
    whether the account exists or not, so the answer's timing tells nothing)."""
    with engine.connect() as connection:
        row = connection.execute(select(account).where(account.c.name == name.strip().lower())).first()
    stored = row.password_hash if row is not None else _DUMMY
    try:
        _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None or row.disabled_at is not None:
        return None
    with engine.begin() as connection:
        values: dict[str, object] = {"last_login_at": utcnow()}
        if _hasher.check_needs_rehash(stored):
            values["password_hash"] = _hasher.hash(password)
        connection.execute(update(account).where(account.c.id == row.id).values(**values))
    return _account(row)


# --- sessions ------------------------------------------------------------------------------


def open_session(engine: Engine, person: Account) -> str:
    """A new session for ``person``; returns its secret (the cookie's value)."""
    secret = secrets.token_urlsafe(32)
    now = utcnow()
    with engine.begin() as connection:
        connection.execute(
            web_session.insert().values(
                digest=digest(secret), account_id=person.id, csrf=secrets.token_urlsafe(24), created_at=now,
                seen_at=now, expires_at=now + timedelta(days=SESSION_MAX_DAYS),
            )
        )  # fmt: skip
        connection.execute(delete(web_session).where(web_session.c.expires_at < now))
    return secret


def session_of(engine: Engine, secret: str | None) -> Session | None:
    """The live session whose secret this is (its idle time is renewed), or ``None``."""
    if not secret:
        return None
    now = utcnow()
    key = digest(secret)
    with engine.connect() as connection:
        row = connection.execute(
            select(web_session.c.csrf, web_session.c.seen_at, web_session.c.expires_at, account)
            .join(account, account.c.id == web_session.c.account_id)
            .where(web_session.c.digest == key)
        ).first()
    if row is None or row.expires_at <= now or row.seen_at + timedelta(hours=SESSION_HOURS) <= now:
        return None
    if row.disabled_at is not None:
        return None
    if now - row.seen_at > timedelta(minutes=1):
        with engine.begin() as connection:
            connection.execute(update(web_session).where(web_session.c.digest == key).values(seen_at=now))
    return Session(_account(row), row.csrf, row.expires_at)


def close_session(engine: Engine, secret: str | None) -> None:
    if secret:
        with engine.begin() as connection:
            connection.execute(delete(web_session).where(web_session.c.digest == digest(secret)))


def same_secret(given: str | None, expected: str) -> bool:
    return bool(given) and hmac.compare_digest(str(given).encode(), expected.encode())


# --- API tokens ----------------------------------------------------------------------------


def create_token(engine: Engine, name: str, label: str, scope: str) -> tuple[Token, str]:
    """A new API token for account ``name``; returns it and its secret (shown once)."""
    if scope not in SCOPES:
        raise AccountError(f"no scope {scope!r}: a token is 'read', 'write' or 'ingest'")
    person = get_account(engine, name)
    if person.disabled:
        raise AccountError(f"{person.name} is disabled")
    label = label.strip()[:120] or "token"
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with engine.begin() as connection:
        result = connection.execute(
            api_token.insert().values(
                account_id=person.id, name=label, scope=scope, digest=digest(secret), prefix=secret[:10],
                created_at=utcnow(),
            )
        )  # fmt: skip
        assert result.inserted_primary_key is not None
        token_id = int(result.inserted_primary_key[0])
    return next(t for t in tokens(engine, person.name) if t.id == token_id), secret


def tokens(engine: Engine, name: str | None = None) -> list[Token]:
    query = select(api_token, account.c.name.label("account_name")).join(
        account, account.c.id == api_token.c.account_id
    )
    if name is not None:
        query = query.where(account.c.name == name.strip().lower())
    with engine.connect() as connection:
        rows = connection.execute(query.order_by(api_token.c.id)).all()
    return [
        Token(
            row.id, row.account_name, row.name, row.scope, row.prefix, row.created_at, row.last_used_at, row.revoked_at
        )
        for row in rows
    ]


def revoke_token(engine: Engine, token_id: int, name: str | None = None) -> Token:
    """Revoke a token (``name``: only if it is that account's)."""
    found = [t for t in tokens(engine, name) if t.id == token_id]
    if not found:
        raise AccountError(f"no API token #{token_id}" + (f" of {name}" if name else ""))
    if found[0].revoked_at is None:
        with engine.begin() as connection:
            connection.execute(update(api_token).where(api_token.c.id == token_id).values(revoked_at=utcnow()))
    return next(t for t in tokens(engine, name) if t.id == token_id)


def token_of(engine: Engine, secret: str) -> tuple[Account, str, int] | None:
    """The account, scope and number of a live API token, or ``None``."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    key = digest(secret)
    with engine.connect() as connection:
        row = connection.execute(
            select(
                api_token.c.id.label("token_id"),
                api_token.c.scope,
                api_token.c.revoked_at,
                api_token.c.last_used_at,
                account,
            )
            .join(account, account.c.id == api_token.c.account_id)
            .where(api_token.c.digest == key)
        ).first()
    if row is None or row.revoked_at is not None or row.disabled_at is not None:
        return None
    now = utcnow()
    if row.last_used_at is None or now - row.last_used_at > timedelta(minutes=1):
        with engine.begin() as connection:
            connection.execute(update(api_token).where(api_token.c.id == row.token_id).values(last_used_at=now))
    return _account(row), str(row.scope), int(row.token_id)


# --- the first admin -----------------------------------------------------------------------

_SETUP = "setup_digest"
SETUP_HOURS = 24


def setup_secret(engine: Engine) -> str | None:
    """While no account exists: a new one-time secret for the page that creates the first
    admin (valid 24 h; a new call replaces the last one). ``None`` once an account exists."""
    if has_accounts(engine):
        return None
    secret = secrets.token_urlsafe(24)
    value = f"{digest(secret)} {(utcnow() + timedelta(hours=SETUP_HOURS)).isoformat()}"
    with engine.begin() as connection:
        connection.execute(delete(setting).where(setting.c.key == _SETUP))
        connection.execute(setting.insert().values(key=_SETUP, value=value))
    return secret


def setup_valid(engine: Engine, secret: str) -> bool:
    if has_accounts(engine):
        return False
    with engine.connect() as connection:
        value = connection.execute(select(setting.c.value).where(setting.c.key == _SETUP)).scalar()
    if not value:
        return False
    stored, _, until = str(value).partition(" ")
    try:
        expires = datetime.fromisoformat(until)
    except ValueError:
        return False
    return hmac.compare_digest(stored, digest(secret)) and utcnow() < expires


def first_admin(engine: Engine, secret: str, name: str, password: str, display_name: str | None) -> Account:
    """Create the first admin through the setup link (which then stops working)."""
    if not setup_valid(engine, secret):
        raise AccountError("this setup link has expired or was used: run 'ascua users add' instead")
    person = add_account(engine, name, password, "admin", display_name)
    with engine.begin() as connection:
        connection.execute(delete(setting).where(setting.c.key == _SETUP))
    return person
