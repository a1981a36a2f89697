"""The dashboard and the JSON API (FastAPI). Pages are server-rendered, escaped, and work without JavaScript.

Post text, author names and links come from strangers: Jinja2 escapes everything, a
link to an original post is shown only when it is http(s), and the Content Security
Policy forbids any script at all.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from ascua import __version__
from ascua.config import Workspace
from ascua.explain.note import say
from ascua.explain.store import explain_alert, stored_explanation
from ascua.explain.text import short_form
from ascua.i18n import LANGUAGES, best_language, translator
from ascua.status import workspace_status
from ascua.store import reads
from ascua.store.database import Database

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
        showing(negative)
        gettext = translator(language_of(request)).gettext
        return page(
            request,
            "alert.html",
            alert=item,
            history=history,
            negative=negative,
            explanation=explanation,
            summary=short_form(explanation, gettext, workspace.zone) if explanation else [],
            unknown=[say(note, gettext) for note in (explanation or {}).get("unknown", [])],
            refresh=None if item.resolved_at else 20,
        )

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
