"""The dashboard and the JSON API (FastAPI). Pages are server-rendered, escaped, and work without JavaScript.

Post text, author names and links come from strangers: Jinja2 escapes everything, a
link to an original post is shown only when it is http(s), and the Content Security
Policy forbids any script at all.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Body, FastAPI, Form, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, Field
from sqlalchemy import select
from starlette.exceptions import HTTPException as StarletteHTTPException

from ascua import __version__
from ascua.accounts import Permission
from ascua.config import CONFIG_FILE, ConfigError, Workspace, WorkspaceConfig, parse_config
from ascua.config_edit import LEVELS
from ascua.explain.note import say
from ascua.explain.store import explain_alert, stored_explanation
from ascua.explain.text import short_form
from ascua.i18n import LANGUAGES, N_, best_language, translator
from ascua.query import QueryError
from ascua.respond.escalate import Escalation, Links, PlanSource, acknowledge_link, signing_key
from ascua.respond.plan import roles
from ascua.respond.publish import Publication, publications, statement_versions
from ascua.respond.room import STATUSES, STEPS, room_of, timeline
from ascua.respond.statement import PRINCIPLE_NAMES
from ascua.status import workspace_status
from ascua.store import reads
from ascua.store.database import Database
from ascua.store.schema import delivery
from ascua.web.data import (
    EMOTIONS,
    SPANS,
    Search,
    mentions_csv,
    parse_search,
    plan_readiness,
    query_preview,
    search_mentions,
    volume_chart,
    volume_series,
)
from ascua.web.security import AlertId, LoginLimiter, LoginRequired, Principal, needs, principal_of
from ascua.web.threads import limit_threads

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
PAGE_SIZE = 50
INDEX_SECONDS = 10.0  # the full-text index is brought up to date at most this often
STATUS_SECONDS = 5.0
SENTIMENT_NAMES = ("negative", "neutral", "positive")
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; "
        "form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class SecurityHeaders:
    """The security headers on every response (a plain ASGI middleware: cheaper than Starlette's
    ``BaseHTTPMiddleware``); pages and answers for a logged-in person are not cached."""

    def __init__(self, app: Any):
        self.app = app
        self.headers = [(name.lower().encode(), value.encode()) for name, value in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit_threads()

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _value in message.get("headers", [])}
                extra = [(name, value) for name, value in self.headers if name not in present]
                if b"cache-control" not in present and not scope["path"].startswith(("/static/", "/updates")):
                    extra.append((b"cache-control", b"no-store"))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


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


class QueryChange(BaseModel):
    """The body of ``PUT /api/v1/brands/{brand}/query``."""

    query: str = Field(min_length=1, max_length=4_000)
    exclude: str | None = Field(None, max_length=4_000)


class SourceChange(BaseModel):
    """The body of ``PUT /api/v1/sources/{source}``."""

    enabled: bool


class TargetChange(BaseModel):
    """The body of ``PUT /api/v1/targets/{target}``: a new target needs ``url``; for one that
    exists, no ``url`` keeps its address."""

    url: str | None = Field(None, max_length=2_000)
    min_level: str = Field("incident", pattern="^(watch|incident|crisis)$")


def _saved_config(path: Path) -> tuple[WorkspaceConfig | None, str | None]:
    """``ascua.yaml`` as it is now (changed since the radar started, maybe), or what is wrong with it."""
    try:
        return parse_config(path.read_bytes(), path), None
    except (ConfigError, OSError) as error:
        return None, str(error)


_SECTIONS = {"source": "sources", "target": "targets"}  # where a saved change's notice is shown


def _target_json(target: Any) -> dict[str, Any]:
    """A notification target without its address (a secret): its name, kind (scheme) and level."""
    return {"name": target.name, "kind": target.url.split(":", 1)[0], "min_level": target.min_level}


class Site:
    """What every route of the web application shares: the workspace, the store, the page
    renderer, the plan (read again when its file changes) and the signer of links."""

    def __init__(self, workspace: Workspace, database: Database, shown: Callable[[list[int]], object] | None):
        self.workspace = workspace
        self.database = database
        self.engine = database.engine
        self.shown = shown
        self.plan = PlanSource(workspace.plan_path)
        self.environments = {language: _environment(language, workspace.zone) for language in LANGUAGES}
        self.limiter = LoginLimiter()
        self._links: list[Links] = []
        self._status: tuple[float, dict[str, Any]] | None = None
        self._refreshing = threading.Lock()
        self._indexing = threading.Lock()
        self._indexed_at = -INDEX_SECONDS
        self._row_words: dict[str, dict[str, str]] = {}

    def showing(self, items: Sequence[Any]) -> None:
        if self.shown is not None and items:
            self.shown([item["id"] if isinstance(item, dict) else item.id for item in items])

    def links(self) -> Links:
        """The signer of acknowledgement links (its key is made on first use)."""
        if not self._links:
            self._links.append(Links("", signing_key(self.engine)))
        return self._links[0]

    def base_url(self, request: Request) -> str:
        return (self.workspace.config.web.public_url or str(request.base_url)).rstrip("/")

    def escalation(self, request: Request) -> Escalation:
        """The notifier, for the actions that send messages (statements to stakeholders, publication)."""
        base = self.base_url(request)
        translations = translator(self.language_of(request))
        return Escalation(self.engine, self.workspace.config.alerts, self.plan, translations,
                          Links(base, signing_key(self.engine)), self.workspace.zone)  # fmt: skip

    def language_of(self, request: Request) -> str:
        chosen = request.query_params.get("lang") or request.cookies.get("lang")
        if chosen in LANGUAGES:
            return str(chosen)
        return best_language(request.headers.get("accept-language"), self.workspace.config.language)

    def gettext(self, request: Request) -> Callable[[str], str]:
        return translator(self.language_of(request)).gettext

    def principal(self, request: Request) -> Principal | None:
        """Who makes the request (looked up once per request, when first needed)."""
        if not hasattr(request.state, "principal"):
            request.state.principal = principal_of(request, self.engine)
        found: Principal | None = request.state.principal
        return found

    def status(self) -> dict[str, Any]:
        """The workspace's status for the overview and the API, computed at most every few
        seconds: counting a million stored mentions for every page view would be the slowest
        thing the dashboard does, and a number a few seconds old is as good to a person."""
        now = time.monotonic()
        if self._status is None:
            self._status = (now, workspace_status(self.workspace, self.database))
        elif now - self._status[0] > STATUS_SECONDS and self._refreshing.acquire(blocking=False):
            # stale: serve it once more while a thread counts again (no request waits for the count)
            threading.Thread(target=self._refresh_status, name="status", daemon=True).start()
        return self._status[1]

    def _refresh_status(self) -> None:
        try:
            self._status = (time.monotonic(), workspace_status(self.workspace, self.database))
        except Exception:  # the next request tries again; the page shows the last counts meanwhile
            log.exception("counting the workspace's status failed")
        finally:
            self._refreshing.release()

    def index_text(self) -> threading.Thread | None:
        """Bring the full-text index of the mentions up to date in a thread (no request waits for
        it; searches meanwhile read the mentions not indexed yet as before)."""
        now = time.monotonic()
        if now - self._indexed_at < INDEX_SECONDS or not self._indexing.acquire(blocking=False):
            return None  # done a moment ago, or being done
        self._indexed_at = now
        thread = threading.Thread(target=self._index_text, name="text-index", daemon=True)
        thread.start()
        return thread

    def _index_text(self) -> None:
        from ascua.store.textsearch import catch_up

        try:
            catch_up(self.engine)
        except Exception:  # the next search tries again
            log.exception("bringing the full-text index up to date failed")
        finally:
            self._indexing.release()

    def row_words(self, language: str) -> dict[str, str]:
        """The words of a mention's row, translated once per language (not once per row)."""
        if language not in self._row_words:
            gettext = translator(language).gettext
            words = {"unknown_author": N_("unknown author"), "followers": N_("followers"), "complaint": N_("complaint"),
                     "question": N_("question"), "original": N_("original")}  # fmt: skip
            found = {key: gettext(text) for key, text in words.items()}
            found |= {name: gettext(name) for name in (*SENTIMENT_NAMES, *EMOTIONS)}
            self._row_words[language] = found
        return self._row_words[language]

    def secure(self, request: Request) -> bool:
        """Whether cookies must only travel over HTTPS (the page came over it, or the public address is)."""
        public = self.workspace.config.web.public_url or ""
        forwarded = request.headers.get("x-forwarded-proto", "")
        return request.url.scheme == "https" or public.startswith("https://") or forwarded == "https"

    def page(self, request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        language = self.language_of(request)
        principal = self.principal(request)
        html = (
            self.environments[language]
            .get_template(template)
            .render(
                request=request, lang=language, workspace=self.workspace.config.name, version=__version__,
                user=principal.account if principal else None, csrf=principal.csrf if principal else None,
                row_words=self.row_words(language),
                can={p.value: bool(principal and principal.can(p)) for p in Permission}, **context,
            )
        )  # fmt: skip
        response = HTMLResponse(html, status_code=status_code)
        if request.query_params.get("lang") in LANGUAGES:
            response.set_cookie("lang", language, max_age=365 * 86400, samesite="lax", httponly=True)
        return response


def create_app(workspace: Workspace, database: Database, shown: Callable[[list[int]], object] | None = None) -> FastAPI:
    """The web application for one workspace.

    ``shown`` is told the ids of the mentions a page shows to a person, so that the deep tier
    reads them first (docs/deep-tier.md).
    """
    site = Site(workspace, database, shown)
    page = site.page
    showing = site.showing
    read = needs(Permission.READ)
    admin = needs(Permission.ADMIN)

    app = FastAPI(
        title="Ascua",
        version=__version__,
        description=(
            "The Ascua crisis radar: dashboard and JSON API (/api/v1). Authenticate with an API token "
            "(`Authorization: Bearer asc_…`, made by `ascua tokens add` or on the account page); a `read` "
            "token reads, a `write` token also acts, within its account's role. Errors are "
            '`{"error": {"status": …, "message": …}}`.'
        ),
        docs_url=None,  # an interactive page would load its scripts from a CDN: none at run time
        redoc_url=None,
        openapi_url=None,  # served below, to logged-in callers only
    )
    app.state.site = site
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, error: LoginRequired) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse(
                {"error": {"status": 401, "message": "log in first: send an API token (Authorization: Bearer …)"}},
                401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse("/login?" + urlencode({"next": target}), status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse(
                {"error": {"status": error.status_code, "message": str(error.detail)}},
                error.status_code,
                headers=getattr(error, "headers", None),
            )
        return page(request, "error.html", error.status_code, status=error.status_code, message=str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> Response:
        problems = [f"{'.'.join(str(p) for p in item['loc'])}: {item['msg']}" for item in error.errors()]
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": {"status": 422, "message": "invalid request", "details": problems}}, 422)
        return page(request, "error.html", 422, status=422, message="; ".join(problems))

    # --- pages -----------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False, dependencies=[read])
    def overview(request: Request, span: str = Query("day", pattern="^(hour|day|week|month)$")) -> HTMLResponse:
        status = site.status()
        with database.engine.connect() as connection:
            recent = reads.alerts(connection, limit=10)
        readiness = plan_readiness(site.plan, site.workspace)
        return page(request, "overview.html", status=status, recent=recent, refresh=30, span=span, spans=SPANS,
                    readiness=readiness)  # fmt: skip

    @app.get("/charts/{brand_key}.svg", include_in_schema=False, dependencies=[read])
    def chart(
        brand_key: str, request: Request, span: str = Query("day", pattern="^(hour|day|week|month)$")
    ) -> Response:
        with database.engine.connect() as connection:
            points = volume_series(connection, brand_key, span)
        if points is None:
            raise HTTPException(404, f"no brand {brand_key!r}")
        svg = volume_chart(points, span, site.gettext(request), workspace.zone)
        return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "private, max-age=30"})

    @app.get("/alerts", response_class=HTMLResponse, include_in_schema=False, dependencies=[read])
    def alert_list(request: Request) -> HTMLResponse:
        with database.engine.connect() as connection:
            items = reads.alerts(connection, limit=200)
        return page(request, "alerts.html", alerts=items)

    @app.get("/alerts/{alert_id}", response_class=HTMLResponse, include_in_schema=False, dependencies=[read])
    def alert_page(request: Request, alert_id: AlertId) -> HTMLResponse:
        with database.engine.connect() as connection:
            item = reads.alert_by_id(connection, alert_id)
            if item is None:
                raise HTTPException(404, f"no alert #{alert_id}")
            history = reads.alert_history(connection, alert_id)
            since = item.opened_at - timedelta(hours=1)
            until = (item.resolved_at or item.updated_at) + timedelta(hours=1)
            around = Search(brand=item.brand, sentiment="negative", since=since, until=until)
            negative = search_mentions(connection, around, limit=30).items
            explanation = stored_explanation(connection, alert_id)
            response = _response_of(connection, alert_id)
        showing(negative)
        gettext = site.gettext(request)
        plan = site.plan.get()
        return page(
            request,
            "alert.html",
            **response,
            roles=roles(plan),
            stakeholders=list(plan.stakeholders) if plan is not None else [],
            principle_names=PRINCIPLE_NAMES,
            statuses=STATUSES,
            checklist=STEPS,
            alert=item,
            history=history,
            negative=negative,
            explanation=explanation,
            summary=short_form(explanation, gettext, workspace.zone) if explanation else [],
            unknown=[say(note, gettext) for note in (explanation or {}).get("unknown", [])],
            refresh=None,
        )

    # --- acknowledging by the link in a message, and the public crisis updates -------------

    @app.get("/ack/{token}", response_class=HTMLResponse, include_in_schema=False)
    def ack_page(request: Request, token: str) -> HTMLResponse:
        """The link in a message: a page with one button (a GET never changes anything, so
        mail scanners that open links do not acknowledge for the person). The signed link is
        the person's credential for this one action; it opens nothing else."""
        try:
            alert_id, person = site.links().read_ack(token)
        except ValueError as error:
            raise HTTPException(400, str(error)) from None
        with database.engine.connect() as connection:
            item = reads.alert_by_id(connection, alert_id)
        if item is None:
            raise HTTPException(404, f"no alert #{alert_id}")
        return page(request, "ack.html", alert=item, person=person, token=token, done=False, public=True)

    @app.post("/ack/{token}", response_class=HTMLResponse, include_in_schema=False)
    def ack_confirm(request: Request, token: str) -> HTMLResponse:
        try:
            alert_id, person, changed = acknowledge_link(database.engine, site.links(), token)
        except ValueError as error:
            raise HTTPException(400, str(error)) from None
        with database.engine.connect() as connection:
            item = reads.alert_by_id(connection, alert_id)
        return page(request, "ack.html", alert=item, person=person, token=token, done=True, changed=changed,
                    public=True)  # fmt: skip

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

    @app.get("/mentions", response_class=HTMLResponse, include_in_schema=False, dependencies=[read])
    def mention_list(request: Request, page_number: int = Query(1, alias="page", ge=1, le=10_000)) -> HTMLResponse:
        search, problem = _search_from(request, site)
        found = None
        if problem is None:
            with database.engine.connect() as connection:
                found = search_mentions(connection, search, limit=PAGE_SIZE, offset=(page_number - 1) * PAGE_SIZE)
            showing(found.items)
            if search.q:
                site.index_text()
        return page(
            request, "mentions.html", found=found, problem=problem, search=search, page_number=page_number,
            brands=[b.id for b in workspace.config.brands], sources=_source_names(site), emotions=EMOTIONS,
            query_string=urlencode(search.as_params()),
        )  # fmt: skip

    @app.get("/mentions.csv", include_in_schema=False, dependencies=[read])
    def mention_export(request: Request) -> Response:
        search, problem = _search_from(request, site)
        if problem is not None:
            raise HTTPException(400, problem)
        return StreamingResponse(
            mentions_csv(database.engine, search),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="ascua-mentions.csv"'},
        )

    @app.get("/plan", response_class=HTMLResponse, include_in_schema=False, dependencies=[read])
    def plan_page(request: Request) -> HTMLResponse:
        readiness = plan_readiness(site.plan, site.workspace)
        gettext = site.gettext(request)
        findings = [(finding, *finding.said(gettext)) for finding in readiness.findings] if readiness else []
        return page(request, "plan.html", readiness=readiness, findings=findings, plan=site.plan.get(),
                    plan_path=workspace.plan_path)  # fmt: skip

    def settings_view(
        request: Request, q: str = "", exclude: str = "", brand: str = "", *, notice: str | None = None,
        editing: dict[str, Any] | None = None, status_code: int = 200,
    ) -> HTMLResponse:  # fmt: skip
        preview = preview_error = None
        if q.strip():
            try:
                preview = query_preview(site, q, brand or None, exclude or None, 20)
            except HTTPException as error:
                preview_error = str(error.detail)
        with database.engine.connect() as connection:
            health = {item.name: item for item in reads.sources(connection)}
        config = workspace.config
        path = workspace.root / CONFIG_FILE
        file_config, file_error = _saved_config(path)
        saved = {b.id: (b.query, b.exclude) for b in file_config.brands} if file_config else {}
        running = {b.id: (b.query, b.exclude) for b in config.brands}
        pending = {key for key, value in saved.items() if running.get(key) != value}
        saved_sources = {s.name: s.enabled for s in file_config.sources} if file_config else {}
        running_targets = [_target_json(t) for t in config.alerts.targets]
        targets = [_target_json(t) for t in file_config.alerts.targets] if file_config else running_targets
        return page(
            request, "settings.html", status_code=status_code, brands=config.brands, sources=config.sources,
            health=health, targets=targets, email_server=config.alerts.email is not None, q=q, exclude=exclude,
            brand=brand, preview=preview, preview_error=preview_error, config_path=path, saved=saved,
            pending=pending, file_error=file_error, notice=notice, editing=editing or {},
            notice_section=_SECTIONS.get(request.query_params.get("saved", ""), "brands"),
            saved_sources=saved_sources, targets_pending=running_targets != targets, levels=LEVELS,
        )  # fmt: skip

    @app.get("/settings", response_class=HTMLResponse, include_in_schema=False, dependencies=[read])
    def settings_page(
        request: Request, q: str = Query("", max_length=4_000), exclude: str = Query("", max_length=4_000),
        brand: str = Query("", max_length=64), saved: str = Query("", max_length=64),
    ) -> HTMLResponse:  # fmt: skip
        notice = None
        gettext = translator(site.language_of(request)).gettext
        if saved == "source":
            notice = gettext("Saved in ascua.yaml (the previous file is ascua.yaml.bak). Sources start or stop "
                          "with the radar: this applies from its next start.")  # fmt: skip
        elif saved == "target":
            notice = gettext("Saved in ascua.yaml (the previous file is ascua.yaml.bak). A running radar sends "
                          "its next notifications to the targets as they are now.")  # fmt: skip
        elif saved and saved in {b.id for b in workspace.config.brands}:
            notice = (
                translator(site.language_of(request))
                .gettext(
                    "The query of {brand} is saved in ascua.yaml (the previous file is ascua.yaml.bak). A running "
                    "radar matches new posts with it within a few seconds."
                )
                .format(brand=saved)
            )
        return settings_view(request, q, exclude, brand, notice=notice)

    @app.post("/settings/brands/{brand_key}/query", include_in_schema=False, dependencies=[admin])
    def form_brand_query(
        request: Request, brand_key: str, query: str = Form(..., max_length=4_000),
        exclude: str = Form("", max_length=4_000),
    ) -> Response:  # fmt: skip
        problem = _change_query(brand_key, query, exclude, site.gettext(request))
        if problem is not None:
            return settings_view(request, editing={"brand": brand_key, "query": query, "exclude": exclude,
                                                   "error": problem}, status_code=400)  # fmt: skip
        return RedirectResponse(f"/settings?saved={quote(brand_key)}#brand-{quote(brand_key)}", status_code=303)

    @app.put("/api/v1/brands/{brand_key}/query", tags=["settings"], dependencies=[admin])
    def api_brand_query(brand_key: str, body: QueryChange = Body(...)) -> dict[str, Any]:
        """Change a brand's query and exclusion in ascua.yaml (admin). The file keeps its comments
        and layout, the previous one is kept as ascua.yaml.bak, and a running radar matches new
        posts with it within a few seconds (it follows ascua.yaml). An invalid query is a 400 that says where it is."""
        problem = _change_query(brand_key, body.query, body.exclude or "", lambda text: text)
        if problem is not None:
            raise HTTPException(400, problem)
        return {"brand": brand_key, "query": body.query.strip(), "exclude": (body.exclude or "").strip() or None,
                "applies": "to new posts, within a few seconds in a running radar"}  # fmt: skip

    def _change_query(brand_key: str, query: str, exclude: str, gettext: Callable[[str], str]) -> str | None:
        from ascua.config_edit import EditError, set_brand_query

        if brand_key not in {b.id for b in workspace.config.brands}:
            raise HTTPException(404, f"no brand {brand_key!r}")
        if not query.strip():
            return gettext("a brand needs a query")
        try:
            set_brand_query(workspace.root / CONFIG_FILE, brand_key, query, exclude)
        except QueryError as error:
            return ("exclusion: " if error.part == "exclude" else "") + error.describe(gettext)
        except EditError as error:
            return str(error)
        except OSError as error:
            return f"ascua.yaml cannot be written: {error.strerror or error}"
        log.info("the query of %s was changed in %s", brand_key, CONFIG_FILE)
        return None

    def _edit_failed(request: Request, problem: str, anchor: str) -> HTMLResponse:
        return settings_view(request, editing={"section": anchor, "error": problem}, status_code=400)

    def _known_source(name: str) -> None:
        file_config, _problem = _saved_config(workspace.root / CONFIG_FILE)
        names = {s.name for s in workspace.config.sources} | {
            s.name for s in (file_config.sources if file_config else [])
        }
        if name not in names:
            raise HTTPException(404, f"no source {name!r}")

    def _known_target(name: str) -> bool:
        file_config, _problem = _saved_config(workspace.root / CONFIG_FILE)
        saved = {t.name for t in file_config.alerts.targets} if file_config else set()
        return name in saved or name in {t.name for t in workspace.config.alerts.targets}

    def _edited(change: Callable[[], None]) -> str | None:
        from ascua.config_edit import EditError

        try:
            change()
        except EditError as error:
            return str(error)
        except OSError as error:
            return f"ascua.yaml cannot be written: {error.strerror or error}"
        return None

    @app.post("/settings/sources/{source_name}/enabled", include_in_schema=False, dependencies=[admin])
    def form_source_enabled(
        request: Request, source_name: str, enabled: str = Form(..., pattern="^(on|off)$")
    ) -> Response:
        from ascua.config_edit import set_source_enabled

        _known_source(source_name)
        problem = _edited(lambda: set_source_enabled(workspace.root / CONFIG_FILE, source_name, enabled == "on"))
        if problem is not None:
            return _edit_failed(request, problem, "sources")
        log.info("source %s switched %s in %s", source_name, enabled, CONFIG_FILE)
        return RedirectResponse("/settings?saved=source#sources", status_code=303)

    @app.put("/api/v1/sources/{source_name}", tags=["settings"], dependencies=[admin])
    def api_source(source_name: str, body: SourceChange = Body(...)) -> dict[str, Any]:
        """Switch a source on or off in ascua.yaml (admin); it applies from the radar's next start."""
        from ascua.config_edit import set_source_enabled

        _known_source(source_name)
        problem = _edited(lambda: set_source_enabled(workspace.root / CONFIG_FILE, source_name, body.enabled))
        if problem is not None:
            raise HTTPException(400, problem)
        return {"name": source_name, "enabled": body.enabled, "applies": "from the radar's next start"}

    @app.get("/api/v1/sources", tags=["settings"], dependencies=[read])
    def api_sources() -> dict[str, Any]:
        """The sources the radar runs, whether each is on (now, and in ascua.yaml from the next start)
        and its health."""
        file_config, _problem = _saved_config(workspace.root / CONFIG_FILE)
        saved = {s.name: s.enabled for s in file_config.sources} if file_config else {}
        with database.engine.connect() as connection:
            health = {item.name: item for item in reads.sources(connection)}
        items = []
        for source in workspace.config.sources:
            known = health.get(source.name)
            items.append({
                "name": source.name, "type": source.type, "enabled": source.enabled,
                "enabled_from_next_start": saved.get(source.name, source.enabled),
                "healthy": None if known is None else known.healthy,
                "last_success_at": None if known is None else _jsonable(known.last_success_at),
                "last_error": None if known is None else known.last_error,
            })  # fmt: skip
        return {"items": items}

    @app.get("/api/v1/targets", tags=["settings"], dependencies=[read])
    def api_targets() -> dict[str, Any]:
        """The notification targets: name, kind and level (never the address, a secret)."""
        return {"items": [_target_json(t) for t in workspace.config.alerts.targets]}

    def _change_target(name: str, url: str | None, min_level: str) -> str | None:
        from ascua.config_edit import set_target

        new = not _known_target(name)
        problem = _edited(lambda: set_target(workspace.root / CONFIG_FILE, name, url, min_level, new=new))
        if problem is None:
            log.info("notification target %s %s in %s", name, "added" if new else "changed", CONFIG_FILE)
        return problem

    @app.put("/api/v1/targets/{target_name}", tags=["settings"], dependencies=[admin])
    def api_target(target_name: str, body: TargetChange = Body(...)) -> dict[str, Any]:
        """Add a notification target or change one (admin): an Apprise URL (``mailto://``,
        ``json://``, ``slack://``… or a ``${NAME}`` placeholder) and the lowest level it is sent.
        The address is written to ascua.yaml and never shown again; a running radar sends its next
        notifications to the targets as they are now."""
        problem = _change_target(target_name, body.url, body.min_level)
        if problem is not None:
            raise HTTPException(400, problem)
        target = next((t for t in (_saved_config(workspace.root / CONFIG_FILE)[0] or workspace.config).alerts.targets
                       if t.name == target_name.strip()), None)  # fmt: skip
        return {**(_target_json(target) if target else {"name": target_name}),
                "applies": "to the next notifications, within a few seconds in a running radar"}  # fmt: skip

    @app.delete("/api/v1/targets/{target_name}", tags=["settings"], dependencies=[admin])
    def api_target_remove(target_name: str) -> dict[str, Any]:
        """Remove a notification target (admin)."""
        from ascua.config_edit import remove_target

        if not _known_target(target_name):
            raise HTTPException(404, f"no target {target_name!r}")
        problem = _edited(lambda: remove_target(workspace.root / CONFIG_FILE, target_name))
        if problem is not None:
            raise HTTPException(400, problem)
        log.info("notification target %s removed from %s", target_name, CONFIG_FILE)
        return {"removed": target_name}

    @app.post("/settings/targets", include_in_schema=False, dependencies=[admin])
    def form_target_add(
        request: Request, name: str = Form(..., max_length=64), url: str = Form(..., max_length=2_000),
        min_level: str = Form("incident", pattern="^(watch|incident|crisis)$"),
    ) -> Response:  # fmt: skip
        from ascua.config_edit import set_target

        if _known_target(name.strip()):
            gettext = site.gettext(request)
            return _edit_failed(request, gettext("There is already a target with that name."), "targets")
        problem = _edited(lambda: set_target(workspace.root / CONFIG_FILE, name, url, min_level, new=True))
        if problem is not None:
            return _edit_failed(request, problem, "targets")
        log.info("notification target %s added in %s", name.strip(), CONFIG_FILE)
        return RedirectResponse("/settings?saved=target#targets", status_code=303)

    @app.post("/settings/targets/{target_name}", include_in_schema=False, dependencies=[admin])
    def form_target_change(
        request: Request, target_name: str, url: str = Form("", max_length=2_000),
        min_level: str = Form("incident", pattern="^(watch|incident|crisis)$"), remove: str = Form(""),
    ) -> Response:  # fmt: skip
        from ascua.config_edit import remove_target

        if not _known_target(target_name):
            raise HTTPException(404, f"no target {target_name!r}")
        if remove:
            problem = _edited(lambda: remove_target(workspace.root / CONFIG_FILE, target_name))
        else:
            problem = _change_target(target_name, url or None, min_level)
        if problem is not None:
            return _edit_failed(request, problem, "targets")
        return RedirectResponse("/settings?saved=target#targets", status_code=303)

    @app.get("/lang/{language}", include_in_schema=False)
    def switch_language(language: str, request: Request) -> Response:
        target = request.headers.get("referer") or "/"
        if not target.startswith(str(request.base_url)):
            target = "/"
        response = RedirectResponse(target, status_code=303)
        if language in LANGUAGES:
            response.set_cookie("lang", language, max_age=365 * 86400, samesite="lax", httponly=True)
        return response

    # --- API: reading ----------------------------------------------------------------------

    @app.get("/api/v1/status", tags=["status"], dependencies=[read])
    def api_status() -> dict[str, Any]:
        """Stored counts, brands with their level, sources with their health, open alerts."""
        result: dict[str, Any] = _jsonable(site.status())
        result.pop("database", None)  # its URL may carry a password
        return result

    @app.get("/api/v1/alerts", tags=["alerts"], dependencies=[read])
    def api_alerts(
        status: str | None = Query(None, pattern="^(open|resolved)$"),
        limit: int = Query(50, ge=1, le=500),
        offset: int = Query(0, ge=0, le=1_000_000),
    ) -> dict[str, Any]:
        with database.engine.connect() as connection:
            items = reads.alerts(connection, status=status, limit=limit + 1, offset=offset)
        return {"items": [_jsonable(item.__dict__) for item in items[:limit]], "limit": limit, "offset": offset,
                "more": len(items) > limit}  # fmt: skip

    @app.get("/api/v1/alerts/{alert_id}", tags=["alerts"], dependencies=[read])
    def api_alert(alert_id: AlertId) -> dict[str, Any]:
        with database.engine.connect() as connection:
            item = reads.alert_by_id(connection, alert_id)
            if item is None:
                raise HTTPException(404, f"no alert #{alert_id}")
            history = reads.alert_history(connection, alert_id)
        result: dict[str, Any] = _jsonable({**item.__dict__, "history": history})
        return result

    @app.get("/api/v1/alerts/{alert_id}/explanation", tags=["alerts"], dependencies=[read])
    def api_explanation(alert_id: AlertId, fresh: bool = False) -> dict[str, Any]:
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

    @app.get("/api/v1/alerts/{alert_id}/room", tags=["crisis room"], dependencies=[read])
    def api_room(alert_id: AlertId) -> dict[str, Any]:
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

    @app.get("/api/v1/mentions", tags=["mentions"], dependencies=[read])
    def api_mentions(request: Request, limit: int = Query(50, ge=1, le=500),
                     offset: int = Query(0, ge=0, le=1_000_000)) -> dict[str, Any]:  # fmt: skip
        """Mentions newest first; filters: ``q`` (the query language, docs/queries.md), ``brand``,
        ``source``, ``lang``, ``sentiment``, ``emotion``, ``author``, ``since``, ``until`` (ISO 8601)."""
        search, problem = _search_from(request, site)
        if problem is not None:
            raise HTTPException(400, problem)
        with database.engine.connect() as connection:
            found = search_mentions(connection, search, limit=limit, offset=offset)
        showing(found.items)
        if search.q:
            site.index_text()
        return {"items": _jsonable(found.items), "limit": limit, "offset": offset, "more": found.more,
                "scanned": found.scanned}  # fmt: skip

    @app.get("/api/v1/brands", tags=["settings"], dependencies=[read])
    def api_brands() -> dict[str, Any]:
        """The brands, their queries, exclusions and own accounts."""
        return {"items": [_brand_json(b) for b in workspace.config.brands]}

    @app.get("/api/v1/query/preview", tags=["settings"], dependencies=[read])
    def api_query_preview(
        q: str = Query(..., min_length=1, max_length=4_000), brand: str | None = None,
        exclude: str | None = Query(None, max_length=4_000), limit: int = Query(20, ge=0, le=200),
    ) -> dict[str, Any]:  # fmt: skip
        """Which stored mentions a brand query would match (the settings page's live preview)."""
        return query_preview(site, q, brand, exclude, limit)

    @app.get("/api/v1/plan", tags=["plan"], dependencies=[read])
    def api_plan() -> dict[str, Any]:
        """The plan's readiness report: a score out of 100 and every finding (``null``: the plan cannot be read)."""
        report = plan_readiness(site.plan, site.workspace)
        return {"plan": str(workspace.plan_path), "readiness": report.as_json() if report else None}

    @app.get("/api/v1/openapi.json", include_in_schema=False, dependencies=[read])
    def openapi_document() -> JSONResponse:
        """The OpenAPI document of /api/v1."""
        return JSONResponse(app.openapi())

    @app.get("/healthz", include_in_schema=False)
    def health() -> dict[str, str]:
        return {"status": "ok"}

    from ascua.web.access import add_access_routes
    from ascua.web.actions import add_action_routes
    from ascua.web.community import add_community_routes
    from ascua.web.ingest import add_ingest_routes

    add_access_routes(app, site)
    add_action_routes(app, site)
    add_ingest_routes(app, site)
    add_community_routes(app, site)
    return app


def _search_from(request: Request, site: Site) -> tuple[Search, str | None]:
    return parse_search(request.query_params, [b.id for b in site.workspace.config.brands], site.workspace.zone)


def _source_names(site: Site) -> list[str]:
    with site.engine.connect() as connection:
        return sorted(
            {item.name for item in reads.sources(connection)} | {s.name for s in site.workspace.config.sources}
        )


def _brand_json(item: Any) -> dict[str, Any]:
    return {"id": item.id, "name": item.name, "query": item.query, "exclude": item.exclude,
            "languages": item.languages, "own_accounts": item.own_accounts}  # fmt: skip


_DELIVERY_COLUMNS = ("purpose", "recipient", "channel", "address", "status", "attempts", "last_error", "created_at",
                     "updated_at")  # fmt: skip


def _response_of(connection: Any, alert_id: AlertId) -> dict[str, Any]:
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
