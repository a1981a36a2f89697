"""The dashboard and the JSON API (FastAPI). Pages are server-rendered, escaped, and work without JavaScript.

Post text, author names and links come from strangers: Jinja2 escapes everything, a
link to an original post is shown only when it is http(s), and the Content Security
Policy forbids any script at all.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Form, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import select
from starlette.exceptions import HTTPException as StarletteHTTPException

from ascua import __version__
from ascua.config import Workspace
from ascua.explain.note import say
from ascua.explain.store import explain_alert, stored_explanation
from ascua.explain.text import short_form
from ascua.i18n import LANGUAGES, best_language, translator
from ascua.respond.escalate import Links, PlanSource, acknowledge_link, signing_key
from ascua.respond.plan import roles
from ascua.respond.publish import Publication, publications, statement_versions
from ascua.respond.room import STATUSES, acknowledge, room_of, timeline
from ascua.respond.statement import PRINCIPLE_NAMES
from ascua.status import workspace_status
from ascua.store import reads
from ascua.store.database import Database
from ascua.store.schema import delivery

HERE = Path(__file__).parent
PAGE_SIZE = 50
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def _when(zone: tzinfo) -> Callable[[datetime | str | None], str]:
    """A time as people read it: in the workspace's time zone, with the zone's name."""

    def when(value: datetime | str | None) -> str:
        if value is None:
            return "—"
        if isinstance(value, str):  # ISO 8601, as explanations store times
            text = value
            try:
                value = datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                return text
        local = value.astimezone(zone)
        return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"

    return when


def _environment(language: str, zone: tzinfo) -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True),
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translator(language), newstyle=True)  # type: ignore[attr-defined]
    env.filters["when"] = _when(zone)
    env.filters["number"] = lambda value: f"{value:,}" if isinstance(value, int) else value
    env.filters["safe_url"] = lambda value: (
        value if isinstance(value, str) and value.startswith(("https://", "http://")) else None
    )
    return env


def create_app(workspace: Workspace, database: Database, shown: Callable[[list[int]], object] | None = None) -> FastAPI:
    """The web application for one workspace.

    ``shown`` is told the ids of the mentions a page shows to a person, so that the deep tier
    reads them first (docs/deep-tier.md).
    """

    def showing(items: Sequence[Any]) -> None:
        if shown is not None and items:
            shown([item["id"] if isinstance(item, dict) else item.id for item in items])

    app = FastAPI(
        title="Ascua",
        version=__version__,
        description="The Ascua crisis radar: dashboard and JSON API (/api/v1).",
        docs_url="/api/v1/docs",
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    environments = {language: _environment(language, workspace.zone) for language in LANGUAGES}
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def language_of(request: Request) -> str:
        chosen = request.query_params.get("lang") or request.cookies.get("lang")
        if chosen in LANGUAGES:
            return chosen
        return best_language(request.headers.get("accept-language"), workspace.config.language)

    def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        language = language_of(request)
        html = (
            environments[language]
            .get_template(template)
            .render(request=request, lang=language, workspace=workspace.config.name, version=__version__, **context)
        )
        response = HTMLResponse(html, status_code=status_code)
        if request.query_params.get("lang") in LANGUAGES:
            response.set_cookie("lang", language, max_age=365 * 86400, samesite="lax", httponly=True)
        return response

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse(
                {"error": {"status": error.status_code, "message": str(error.detail)}}, error.status_code
            )
        return page(request, "error.html", error.status_code, status=error.status_code, message=str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> Response:
        problems = [f"{'.'.join(str(p) for p in item['loc'])}: {item['msg']}" for item in error.errors()]
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": {"status": 422, "message": "invalid request", "details": problems}}, 422)
        return page(request, "error.html", 422, status=422, message="; ".join(problems))

    signing: list[Links] = []
    plan_source = PlanSource(workspace.plan_path)  # read again when the file changes

    def links() -> Links:
        """The signer of acknowledgement links and forms (its key is made on first use)."""
        if not signing:
            signing.append(Links("", signing_key(database.engine)))
        return signing[0]

    # --- pages -----------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request) -> HTMLResponse:
        status = workspace_status(workspace, database)
        with database.engine.connect() as connection:
            recent = reads.alerts(connection, limit=10)
        return page(request, "overview.html", status=status, recent=recent, refresh=15)

    @app.get("/alerts", response_class=HTMLResponse, include_in_schema=False)
    def alert_list(request: Request) -> HTMLResponse:
        with database.engine.connect() as connection:
            items = reads.alerts(connection, limit=200)
        return page(request, "alerts.html", alerts=items)

    @app.get("/alerts/{alert_id}", response_class=HTMLResponse, include_in_schema=False)
    def alert_page(request: Request, alert_id: int) -> HTMLResponse:
        with database.engine.connect() as connection:
            item = reads.alert_by_id(connection, alert_id)
            if item is None:
                raise HTTPException(404, f"no alert #{alert_id}")
            history = reads.alert_history(connection, alert_id)
            since = item.opened_at - timedelta(hours=1)
            until = (item.resolved_at or item.updated_at) + timedelta(hours=1)
            negative = reads.mentions(
                connection, brand_key=item.brand, sentiment="negative", since=since, until=until, limit=30
            )
            explanation = stored_explanation(connection, alert_id)
            response = _response_of(connection, alert_id)
        showing(negative)
        gettext = translator(language_of(request)).gettext
        return page(
            request,
            "alert.html",
            **response,
            ack_form=links().form_token(alert_id),
            roles=roles(plan_source.get()),
            principle_names=PRINCIPLE_NAMES,
            statuses=STATUSES,
            alert=item,
            history=history,
            negative=negative,
            explanation=explanation,
            summary=short_form(explanation, gettext, workspace.zone) if explanation else [],
            unknown=[say(note, gettext) for note in (explanation or {}).get("unknown", [])],
            refresh=None if item.resolved_at else 20,
        )

    # --- acknowledging, and the public crisis updates -------------------------------------

    @app.post("/alerts/{alert_id}/ack", include_in_schema=False)
    def alert_ack(request: Request, alert_id: int, token: str = Form(...), name: str = Form(...)) -> Response:
        """The dashboard's acknowledge button (the form carries a signed token for this alert)."""
        name = name.strip()[:120]
        if not name or links().read_form_token(token) != alert_id:
            raise HTTPException(400, "this form has expired or is not for this alert: reload the page")
        with database.engine.begin() as connection:
            if reads.alert_by_id(connection, alert_id) is None:
                raise HTTPException(404, f"no alert #{alert_id}")
            acknowledge(connection, alert_id, by=name, via="web")
        return RedirectResponse(f"/alerts/{alert_id}", status_code=303)

    @app.get("/ack/{token}", response_class=HTMLResponse, include_in_schema=False)
    def ack_page(request: Request, token: str) -> HTMLResponse:
        """The link in a message: a page with one button (a GET never changes anything, so
        mail scanners that open links do not acknowledge for the person)."""
        try:
            alert_id, person = links().read_ack(token)
        except ValueError as error:
            raise HTTPException(400, str(error)) from None
        with database.engine.connect() as connection:
            item = reads.alert_by_id(connection, alert_id)
        if item is None:
            raise HTTPException(404, f"no alert #{alert_id}")
        return page(request, "ack.html", alert=item, person=person, token=token, done=False)

    @app.post("/ack/{token}", response_class=HTMLResponse, include_in_schema=False)
    def ack_confirm(request: Request, token: str) -> HTMLResponse:
        try:
            alert_id, person, changed = acknowledge_link(database.engine, links(), token)
        except ValueError as error:
            raise HTTPException(400, str(error)) from None
        with database.engine.connect() as connection:
            item = reads.alert_by_id(connection, alert_id)
        return page(request, "ack.html", alert=item, person=person, token=token, done=True, changed=changed)

    @app.get("/updates", response_class=HTMLResponse, include_in_schema=False)
    def public_updates(request: Request, brand: str | None = None) -> HTMLResponse:
        """The public crisis-update page: what the company published, in order (no login)."""
        with database.engine.connect() as connection:
            items = publications(connection, brand_key=brand)
        return page(request, "updates.html", updates=items, public=True)

    @app.get("/updates.atom", include_in_schema=False)
    def public_feed(request: Request, brand: str | None = None) -> Response:
        with database.engine.connect() as connection:
            items = publications(connection, brand_key=brand)
        base = str(request.base_url).rstrip("/")
        return Response(atom_feed(items, base, workspace.config.name), media_type="application/atom+xml")

    @app.get("/mentions", response_class=HTMLResponse, include_in_schema=False)
    def mention_list(
        request: Request,
        brand: str | None = None,
        sentiment: str | None = Query(None, pattern="^(negative|neutral|positive)$"),
        page_number: int = Query(1, alias="page", ge=1, le=10_000),
    ) -> HTMLResponse:
        with database.engine.connect() as connection:
            items = reads.mentions(
                connection,
                brand_key=brand or None,
                sentiment=sentiment,
                limit=PAGE_SIZE + 1,
                offset=(page_number - 1) * PAGE_SIZE,
            )
        showing(items[:PAGE_SIZE])
        brands = [b.id for b in workspace.config.brands]
        return page(
            request,
            "mentions.html",
            mentions=items[:PAGE_SIZE],
            more=len(items) > PAGE_SIZE,
            page_number=page_number,
            brand=brand or "",
            sentiment=sentiment or "",
            brands=brands,
        )

    @app.get("/lang/{language}", include_in_schema=False)
    def switch_language(language: str, request: Request) -> Response:
        target = request.headers.get("referer") or "/"
        if not target.startswith(str(request.base_url)):
            target = "/"
        response = RedirectResponse(target, status_code=303)
        if language in LANGUAGES:
            response.set_cookie("lang", language, max_age=365 * 86400, samesite="lax", httponly=True)
        return response

    # --- API -------------------------------------------------------------------------------

    @app.get("/api/v1/status", tags=["status"])
    def api_status() -> dict[str, Any]:
        """Stored counts, brands with their level, sources with their health, open alerts."""
        result: dict[str, Any] = _jsonable(workspace_status(workspace, database))
        return result

    @app.get("/api/v1/alerts", tags=["alerts"])
    def api_alerts(
        status: str | None = Query(None, pattern="^(open|resolved)$"),
        limit: int = Query(50, ge=1, le=500),
    ) -> dict[str, Any]:
        with database.engine.connect() as connection:
            items = reads.alerts(connection, status=status, limit=limit)
        return {"items": [_jsonable(item.__dict__) for item in items]}

    @app.get("/api/v1/alerts/{alert_id}", tags=["alerts"])
    def api_alert(alert_id: int) -> dict[str, Any]:
        with database.engine.connect() as connection:
            item = reads.alert_by_id(connection, alert_id)
            if item is None:
                raise HTTPException(404, f"no alert #{alert_id}")
            history = reads.alert_history(connection, alert_id)
        result: dict[str, Any] = _jsonable({**item.__dict__, "history": history})
        return result

    @app.get("/api/v1/alerts/{alert_id}/explanation", tags=["alerts"])
    def api_explanation(alert_id: int, fresh: bool = False) -> dict[str, Any]:
        """Where the alert's wave started, why, who spreads it, coordination and timeline.

        The stored explanation (computed when the alert reached incident, refreshed while open);
        ``fresh=true``, or an alert with none stored, computes it now from the stored posts.
        """
        with database.engine.connect() as connection:
            data = None if fresh else stored_explanation(connection, alert_id)
            if data is None:
                names = {brand.id: brand.name for brand in workspace.config.brands}
                computed = explain_alert(connection, alert_id, brand_names=names)
                if computed is None:
                    raise HTTPException(404, f"no alert #{alert_id}")
                data = computed.as_json()
        result: dict[str, Any] = _jsonable({"alert_id": alert_id, **data})
        return result

    @app.get("/api/v1/alerts/{alert_id}/room", tags=["alerts"])
    def api_room(alert_id: int) -> dict[str, Any]:
        """The alert's crisis room: status, owner, checklist, timeline, messages and statements."""
        with database.engine.connect() as connection:
            if reads.alert_by_id(connection, alert_id) is None:
                raise HTTPException(404, f"no alert #{alert_id}")
            response = _response_of(connection, alert_id)
        return {
            "alert_id": alert_id,
            "room": response["room"].as_json() if response["room"] else None,
            "timeline": [entry.as_json() for entry in response["timeline"]],
            "deliveries": [_jsonable(row) for row in response["deliveries"]],
            "statements": [version.as_json() for version in response["statements"]],
        }

    @app.get("/api/v1/updates", tags=["updates"])
    def api_updates(brand: str | None = None, limit: int = Query(50, ge=1, le=500)) -> dict[str, Any]:
        """The published crisis updates, newest first (public)."""
        with database.engine.connect() as connection:
            items = publications(connection, brand_key=brand, limit=limit)
        return {"items": [item.as_json() for item in items]}

    @app.get("/api/v1/mentions", tags=["mentions"])
    def api_mentions(
        brand: str | None = None,
        sentiment: str | None = Query(None, pattern="^(negative|neutral|positive)$"),
        limit: int = Query(50, ge=1, le=500),
        offset: int = Query(0, ge=0, le=10_000_000),
    ) -> dict[str, Any]:
        with database.engine.connect() as connection:
            items = reads.mentions(connection, brand_key=brand, sentiment=sentiment, limit=limit, offset=offset)
        showing(items)
        return {"items": _jsonable(items), "limit": limit, "offset": offset}

    @app.get("/healthz", include_in_schema=False)
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return app


_DELIVERY_COLUMNS = ("purpose", "recipient", "channel", "address", "status", "attempts", "last_error", "created_at",
                     "updated_at")  # fmt: skip


def _response_of(connection: Any, alert_id: int) -> dict[str, Any]:
    """What the team did about an alert: its room, timeline, messages and statements."""
    columns = [delivery.c[name] for name in _DELIVERY_COLUMNS]
    sent = connection.execute(select(*columns).where(delivery.c.alert_id == alert_id).order_by(delivery.c.id))
    return {
        "room": room_of(connection, alert_id),
        "timeline": timeline(connection, alert_id),
        "deliveries": [dict(row._mapping) for row in sent],
        "statements": statement_versions(connection, alert_id),
    }


def atom_feed(items: Sequence[Publication], base: str, name: str) -> bytes:
    """The public updates as an Atom feed (feedgen), newest first."""
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    feed.id(f"{base}/updates")
    feed.title(f"{name}: crisis updates")
    feed.link(href=f"{base}/updates", rel="alternate")
    feed.link(href=f"{base}/updates.atom", rel="self")
    feed.updated(items[0].published_at if items else datetime(2026, 1, 1, tzinfo=UTC))
    for item in reversed(items):  # feedgen puts the last added first
        entry = feed.add_entry()
        entry.id(f"{base}/updates#update-{item.id}")
        entry.title(item.title)
        entry.link(href=f"{base}/updates#update-{item.id}")
        entry.published(item.published_at)
        entry.updated(item.published_at)
        entry.author({"name": item.brand_name})
        entry.content(item.text, type="text")
    result: bytes = feed.atom_str(pretty=True)
    return result


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
