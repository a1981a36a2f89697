"""Who is asking, and may they (docs/access.md).

A request is made by a *principal*: a person with a dashboard session (the ``ascua_session``
cookie), or a program with an API token (``Authorization: Bearer asc_…``). Every route
declares the permission it needs with :func:`needs`; a session's unsafe request (POST…)
must also carry the session's CSRF token, in the form's ``csrf`` field or the
``X-CSRF-Token`` header. A token with the ``read`` scope can only read (what its account's
role may read), whatever the role.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Path, Request
from limits import parse, storage, strategies
from sqlalchemy.engine import Engine

from ascua.accounts import Account, Permission, same_secret, session_of, token_of

COOKIE = "ascua_session"
MAX_ID = 2**53  # ids in paths: larger ones are a 422, not a number the database cannot hold
AlertId = Annotated[int, Path(ge=1, le=MAX_ID, description="The alert's number.")]
VersionNumber = Annotated[int, Path(ge=1, le=1_000_000, description="The statement's version.")]
TokenId = Annotated[int, Path(ge=1, le=MAX_ID, description="The token's number.")]
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class Principal:
    account: Account
    via: str  # "session" or "token"
    scope: str  # "write" for a session; a token's scope
    csrf: str | None = None
    token_id: int | None = None

    def can(self, permission: Permission) -> bool:
        """Whether the account's role allows it, and the token's scope (an ``ingest`` token only
        ingests; a read token's limit is on changing anything: :func:`needs`)."""
        if self.scope == "ingest" and permission is not Permission.INGEST:
            return False
        return self.account.can(permission)


class LoginRequired(Exception):
    """Nobody is logged in: a page sends the person to the login form, the API answers 401."""


def principal_of(request: Request, engine: Engine) -> Principal | None:
    header = request.headers.get("authorization", "")
    if header:
        kind, _, secret = header.partition(" ")
        if kind.lower() != "bearer" or not secret.strip():
            return None
        found = token_of(engine, secret.strip())
        return Principal(found[0], "token", found[1], token_id=found[2]) if found else None
    session = session_of(engine, request.cookies.get(COOKIE))
    if session is None:
        return None
    return Principal(session.account, "session", "write", session.csrf)


def needs(permission: Permission, *, changes: bool = True) -> Any:
    """The dependency of a route that needs ``permission`` (and CSRF on a session's POST).

    An unsafe request (POST…) needs a write token, unless the route changes nothing
    (``changes=False``: a check of a text, say)."""

    async def check(request: Request) -> Principal:
        principal: Principal | None = request.app.state.site.principal(request)
        if principal is None:
            raise LoginRequired()
        if not principal.can(permission):
            if principal.scope == "ingest":
                raise HTTPException(403, "this API token only sends mentions (POST /api/v1/ingest/…)")
            raise HTTPException(
                403, f"the role {principal.account.role} cannot do this (it needs the '{permission.value}' permission)"
            )
        if changes and request.method not in SAFE_METHODS and principal.scope == "read":
            raise HTTPException(403, "this API token is read-only: it cannot change anything")
        if request.method not in SAFE_METHODS and principal.via == "session":
            given = request.headers.get("x-csrf-token")
            if given is None and request.headers.get("content-type", "").startswith(
                ("application/x-www-form-urlencoded", "multipart/form-data")
            ):
                form = await request.form()
                value = form.get("csrf")
                given = value if isinstance(value, str) else None
            if principal.csrf is None or not same_secret(given, principal.csrf):
                raise HTTPException(403, "this form has expired (its security token does not match): reload the page")
        return principal

    return Depends(check)


class LoginLimiter:
    """At most 5 failed logins per account name and 30 per address in 15 minutes (limits'
    moving window, in memory: a restart forgets the count)."""

    def __init__(self) -> None:
        self._limiter = strategies.MovingWindowRateLimiter(storage.MemoryStorage())
        self._per_name = parse("5/15 minutes")
        self._per_address = parse("30/15 minutes")

    def _items(self, name: str, address: str) -> list[tuple[Any, str, str]]:
        return [(self._per_name, "name", name.strip().lower()), (self._per_address, "address", address)]

    def wait(self, name: str, address: str) -> int:
        """Seconds until another attempt is allowed (0: now)."""
        waits = []
        for limit, kind, key in self._items(name, address):
            if not self._limiter.test(limit, kind, key):
                reset = self._limiter.get_window_stats(limit, kind, key).reset_time
                waits.append(max(1, int(reset - time.time()) + 1))
        return max(waits, default=0)

    def failed(self, name: str, address: str) -> None:
        for limit, kind, key in self._items(name, address):
            self._limiter.hit(limit, kind, key)
