"""Logging in and out, the first admin's setup page, one's own account and API tokens, and the
admin's page of accounts (docs/access.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import Body, FastAPI, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from ascua.accounts import (
    ROLES,
    AccountError,
    Permission,
    accounts,
    add_account,
    authenticate,
    close_session,
    create_token,
    first_admin,
    has_accounts,
    open_session,
    revoke_token,
    set_disabled,
    set_password,
    set_role,
    setup_valid,
    tokens,
)
from ascua.web.security import COOKIE, Principal, TokenId, needs

if TYPE_CHECKING:
    from ascua.web.app import Site


def _safe_next(target: str | None) -> str:
    """Where to go after logging in: only a path of this site."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


class TokenRequest(BaseModel):
    name: str = Field(min_length=1, max_length=120, description="What the token is for.")
    scope: str = Field("read", pattern="^(read|write|ingest)$")


def add_access_routes(app: FastAPI, site: Site) -> None:
    page = site.page
    read = needs(Permission.READ)
    admin = needs(Permission.ADMIN)

    def login_with(request: Request, target: str, person: Any) -> Response:
        secret = open_session(site.engine, person)
        response = RedirectResponse(_safe_next(target), status_code=303)
        response.set_cookie(COOKIE, secret, httponly=True, samesite="lax", secure=site.secure(request), path="/",
                            max_age=7 * 86400)  # fmt: skip
        return response

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request, next: str = Query("/", max_length=2_000)) -> HTMLResponse:
        return page(request, "login.html", target=_safe_next(next), error=None, public=True,
                    no_accounts=not has_accounts(site.engine))  # fmt: skip

    @app.post("/login", include_in_schema=False)
    def login(
        request: Request,
        name: str = Form(..., max_length=64),
        password: str = Form(..., max_length=1_024),
        next: str = Form("/", max_length=2_000),
    ) -> Response:
        gettext = site.gettext(request)
        wait = site.limiter.wait(name, _address(request))
        if wait:
            message = gettext("Too many failed attempts: try again in {minutes} min.").format(minutes=-(-wait // 60))
            response = page(request, "login.html", 429, target=_safe_next(next), error=message, public=True,
                            no_accounts=False, name=name)  # fmt: skip
            response.headers["Retry-After"] = str(wait)
            return response
        person = authenticate(site.engine, name, password)
        if person is None:
            site.limiter.failed(name, _address(request))
            return page(request, "login.html", 401, target=_safe_next(next), public=True, name=name,
                        error=gettext("The name or the password is not right."), no_accounts=False)  # fmt: skip
        return login_with(request, next, person)

    @app.post("/logout", include_in_schema=False, dependencies=[read])
    def logout(request: Request) -> Response:
        close_session(site.engine, request.cookies.get(COOKIE))
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response

    @app.get("/setup/{secret}", response_class=HTMLResponse, include_in_schema=False)
    def setup_page(request: Request, secret: str) -> HTMLResponse:
        if not setup_valid(site.engine, secret):
            raise HTTPException(404, "this setup link has expired or was used: run 'ascua users add' instead")
        return page(request, "setup.html", secret=secret, error=None, public=True)

    @app.post("/setup/{secret}", include_in_schema=False)
    def setup(
        request: Request,
        secret: str,
        name: str = Form(..., max_length=64),
        display_name: str = Form("", max_length=120),
        password: str = Form(..., max_length=1_024),
        again: str = Form(..., max_length=1_024),
    ) -> Response:
        if not setup_valid(site.engine, secret):
            raise HTTPException(404, "this setup link has expired or was used: run 'ascua users add' instead")
        try:
            if password != again:
                raise AccountError(site.gettext(request)("The two passwords differ."))
            person = first_admin(site.engine, secret, name, password, display_name)
        except AccountError as error:
            return page(request, "setup.html", 400, secret=secret, error=str(error), public=True)
        return login_with(request, "/", person)

    # --- one's own account --------------------------------------------------------------------

    def account_page(request: Request, status_code: int = 200, **context: Any) -> HTMLResponse:
        principal: Principal = request.state.principal
        return page(request, "account.html", status_code, tokens=tokens(site.engine, principal.account.name),
                    **{"error": None, "message": None, "secret": None, **context})  # fmt: skip

    @app.get("/account", response_class=HTMLResponse, include_in_schema=False, dependencies=[read])
    def account_view(request: Request) -> HTMLResponse:
        return account_page(request)

    @app.post("/account/password", include_in_schema=False, dependencies=[read])
    def change_password(
        request: Request,
        current: str = Form(..., max_length=1_024),
        password: str = Form(..., max_length=1_024),
        again: str = Form(..., max_length=1_024),
    ) -> Response:
        principal: Principal = request.state.principal
        gettext = site.gettext(request)
        if authenticate(site.engine, principal.account.name, current) is None:
            return account_page(request, 400, error=gettext("The current password is not right."))
        if password != again:
            return account_page(request, 400, error=gettext("The two passwords differ."))
        try:
            set_password(site.engine, principal.account.name, password)
        except AccountError as error:
            return account_page(request, 400, error=str(error))
        return login_with(request, "/account", principal.account)  # the other sessions ended

    @app.post("/account/tokens", response_class=HTMLResponse, include_in_schema=False, dependencies=[read])
    def token_add(
        request: Request,
        name: str = Form(..., min_length=1, max_length=120),
        scope: str = Form("read", pattern="^(read|write|ingest)$"),
    ) -> HTMLResponse:
        principal: Principal = request.state.principal
        _token, secret = create_token(site.engine, principal.account.name, name, scope)
        return account_page(request, secret=secret)

    @app.post("/account/tokens/{token_id}/revoke", include_in_schema=False, dependencies=[read])
    def token_revoke(request: Request, token_id: TokenId) -> Response:
        principal: Principal = request.state.principal
        try:
            revoke_token(site.engine, token_id, principal.account.name)
        except AccountError as error:
            raise HTTPException(404, str(error)) from None
        return RedirectResponse("/account", status_code=303)

    # --- the admin's page of accounts ---------------------------------------------------------

    def users_page(request: Request, status_code: int = 200, error: str | None = None) -> HTMLResponse:
        return page(request, "users.html", status_code, people=accounts(site.engine), roles=list(ROLES), error=error)

    @app.get("/users", response_class=HTMLResponse, include_in_schema=False, dependencies=[admin])
    def users_view(request: Request) -> HTMLResponse:
        return users_page(request)

    @app.post("/users", include_in_schema=False, dependencies=[admin])
    def user_add(
        request: Request,
        name: str = Form(..., max_length=64),
        display_name: str = Form("", max_length=120),
        role: str = Form(...),
        password: str = Form(..., max_length=1_024),
    ) -> Response:
        try:
            add_account(site.engine, name, password, role, display_name)
        except AccountError as error:
            return users_page(request, 400, str(error))
        return RedirectResponse("/users", status_code=303)

    @app.post("/users/{name}/role", include_in_schema=False, dependencies=[admin])
    def user_role(request: Request, name: str, role: str = Form(...)) -> Response:
        try:
            set_role(site.engine, name, role)
        except AccountError as error:
            return users_page(request, 400, str(error))
        return RedirectResponse("/users", status_code=303)

    @app.post("/users/{name}/disabled", include_in_schema=False, dependencies=[admin])
    def user_disable(request: Request, name: str, disabled: bool = Form(...)) -> Response:
        try:
            set_disabled(site.engine, name, disabled)
        except AccountError as error:
            return users_page(request, 400, str(error))
        return RedirectResponse("/users", status_code=303)

    # --- API ----------------------------------------------------------------------------------

    @app.get("/api/v1/me", tags=["access"], dependencies=[read])
    def api_me(request: Request) -> dict[str, Any]:
        """Who the token (or session) belongs to, its role, scope and what it may do."""
        principal: Principal = request.state.principal
        person = principal.account
        return {"name": person.name, "display_name": person.display_name, "role": person.role,
                "via": principal.via, "scope": principal.scope,
                "permissions": [p.value for p in Permission if principal.can(p)]}  # fmt: skip

    @app.get("/api/v1/tokens", tags=["access"], dependencies=[read])
    def api_tokens(request: Request) -> dict[str, Any]:
        """The caller's API tokens (never their secrets)."""
        principal: Principal = request.state.principal
        return {"items": [_token_json(t) for t in tokens(site.engine, principal.account.name)]}

    @app.post("/api/v1/tokens", tags=["access"], status_code=201, dependencies=[read])
    def api_token_add(request: Request, body: TokenRequest = Body(...)) -> dict[str, Any]:
        """A new token for the caller (with a write token or a session); its secret is in this answer only."""
        principal: Principal = request.state.principal
        token, secret = create_token(site.engine, principal.account.name, body.name, body.scope)
        return {**_token_json(token), "secret": secret}

    @app.delete("/api/v1/tokens/{token_id}", tags=["access"], dependencies=[read])
    def api_token_revoke(request: Request, token_id: TokenId) -> dict[str, Any]:
        """Revoke one of the caller's tokens (with a write token or a session)."""
        principal: Principal = request.state.principal
        try:
            return _token_json(revoke_token(site.engine, token_id, principal.account.name))
        except AccountError as error:
            raise HTTPException(404, str(error)) from None

    @app.get("/api/v1/users", tags=["access"], dependencies=[admin])
    def api_users() -> dict[str, Any]:
        """Every account, with its role (admin)."""
        return {"items": [{"name": a.name, "display_name": a.display_name, "role": a.role, "disabled": a.disabled,
                           "created_at": a.created_at.isoformat(),
                           "last_login_at": a.last_login_at.isoformat() if a.last_login_at else None}
                          for a in accounts(site.engine)]}  # fmt: skip


def _token_json(token: Any) -> dict[str, Any]:
    return {"id": token.id, "name": token.name, "scope": token.scope, "prefix": token.prefix,
            "created_at": token.created_at.isoformat(),
            "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
            "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None}  # fmt: skip
