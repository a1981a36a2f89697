"""The community page and its API: engagement per brand, and the people waiting for an answer
(docs/community.md)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from fastapi import Body, FastAPI, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from ascua.accounts import Permission
from ascua.community import CommunityError, engagement, mark_handled, waiting
from ascua.i18n import N_
from ascua.web.security import AlertId, Principal, needs
from ascua.web.threads import heavy

if TYPE_CHECKING:
    from ascua.web.app import Site


class Handling(BaseModel):
    brand: str = Field(min_length=1, max_length=64)
    note: str | None = Field(None, max_length=2_000)


def _period(site: Site, since: str | None, until: str | None, *, days: int = 30) -> tuple[datetime, datetime]:
    zone = site.workspace.zone
    today = datetime.now(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    try:
        start = datetime.combine(date.fromisoformat(since), datetime.min.time(), zone) if since else \
            today - timedelta(days=days)  # fmt: skip
        end = datetime.combine(date.fromisoformat(until), datetime.min.time(), zone) if until else today
    except ValueError:
        raise HTTPException(400, "since and until are days: 2026-03-01") from None
    if end < start:
        raise HTTPException(400, "until comes before since")
    return start, end + timedelta(days=1)


def add_community_routes(app: FastAPI, site: Site) -> None:
    read = needs(Permission.READ)
    respond = needs(Permission.RESPOND)

    def brands(brand: str | None) -> list[str]:
        keys = [item.id for item in site.workspace.config.brands]
        if brand and brand not in keys:
            raise HTTPException(404, f"no brand {brand!r} (brands: {', '.join(keys)})")
        return [brand] if brand else keys

    @app.get("/community", response_class=HTMLResponse, include_in_schema=False, dependencies=[read])
    @heavy
    def community_page(
        request: Request, brand: str | None = Query(None, max_length=64),
        sort: str = Query("oldest", pattern="^(oldest|reach)$"),
    ) -> HTMLResponse:  # fmt: skip
        keys = brands(None)
        chosen = brand if brand in keys else (keys[0] if keys else None)
        start, end = _period(site, None, None)
        with site.engine.connect() as connection:
            try:
                measured = [engagement(connection, key, start, end) for key in keys]
                queue, notes = waiting(connection, chosen, limit=100, sort=sort) if chosen else ([], [])
            except CommunityError:
                measured, queue, notes = [], [], [N_("nothing stored yet")]
        site.showing([{"id": item.id} for item in queue])
        return site.page(request, "community.html", measured=measured, queue=queue, notes=notes, brand=chosen,
                         brands=keys, sort=sort, start=start, end=end - timedelta(days=1))  # fmt: skip

    def find_detractors(brand: str, since: str | None, until: str | None, state: str | None, sort: str,
                        limit: int) -> Any:  # fmt: skip
        from ascua.detractors import detractors

        brands(brand)
        start, end = _period(site, since, until, days=90)
        with site.engine.connect() as connection:
            try:
                return detractors(connection, brand, start, end, state=state or None, sort=sort, limit=limit)
            except CommunityError as error:
                raise HTTPException(400, str(error)) from None

    def person_history(brand: str, source: str, handle: str) -> tuple[list[Any], list[str]]:
        from ascua.detractors import history

        brands(brand)
        with site.engine.connect() as connection:
            try:
                return history(connection, brand, source, handle)
            except CommunityError as error:
                raise HTTPException(404, str(error)) from None

    @app.get("/community/detractors", response_class=HTMLResponse, include_in_schema=False, dependencies=[read])
    @heavy
    def detractors_page(
        request: Request, brand: str | None = Query(None, max_length=64),
        state: str = Query("", pattern="^(|active|converted|left)$"),
        sort: str = Query("negative", pattern="^(negative|reach|recent)$"),
        since: str = Query("", max_length=10), until: str = Query("", max_length=10),
    ) -> HTMLResponse:  # fmt: skip
        keys = brands(None)
        chosen = brand if brand in keys else (keys[0] if keys else None)
        found = find_detractors(chosen, since or None, until or None, state, sort, 100) if chosen else None
        start, end = _period(site, since or None, until or None, days=90)
        return site.page(request, "detractors.html", found=found, brand=chosen, brands=keys, state=state,
                         sort=sort, since=start.date().isoformat(),
                         until=(end - timedelta(days=1)).date().isoformat())  # fmt: skip

    @app.get("/community/person", response_class=HTMLResponse, include_in_schema=False, dependencies=[read])
    @heavy
    def person_page(request: Request, brand: str = Query(..., max_length=64), source: str = Query(..., max_length=64),
                    handle: str = Query(..., max_length=300)) -> HTMLResponse:  # fmt: skip
        entries, notes = person_history(brand, source, handle)
        site.showing([{"id": entry.id} for entry in entries])
        return site.page(request, "person.html", entries=entries, notes=notes, brand=brand, source=source,
                         handle=handle)  # fmt: skip

    def find_map(brand: str, since: str | None, until: str | None) -> Any:
        from ascua.empathy import empathy_map

        brands(brand)
        start, end = _period(site, since, until)
        with site.engine.connect() as connection:
            try:
                return empathy_map(connection, brand, start, end - timedelta(microseconds=1))
            except CommunityError as error:
                raise HTTPException(404, str(error)) from None

    @app.get("/community/empathy", response_class=HTMLResponse, include_in_schema=False, dependencies=[read])
    @heavy
    def empathy_page(
        request: Request, brand: str | None = Query(None, max_length=64), since: str = Query("", max_length=10),
        until: str = Query("", max_length=10),
    ) -> HTMLResponse:  # fmt: skip
        keys = brands(None)
        chosen = brand if brand in keys else (keys[0] if keys else None)
        found = find_map(chosen, since or None, until or None) if chosen else None
        start, end = _period(site, since or None, until or None)
        shown = [sample for quadrant in ("say", "think", "do", "feel", "pains", "gains")
                 for group in (getattr(found, quadrant) if found else []) for sample in group.samples]  # fmt: skip
        site.showing([{"id": sample["id"]} for sample in shown])
        last = (end - timedelta(days=1)).date().isoformat()
        return site.page(request, "empathy.html", found=found, brand=chosen, brands=keys,
                         since=start.date().isoformat(), until=last)  # fmt: skip

    @app.get("/community/empathy.{fmt}", include_in_schema=False, dependencies=[read])
    @heavy
    def empathy_image(
        request: Request, fmt: str, brand: str = Query(..., max_length=64), since: str = Query("", max_length=10),
        until: str = Query("", max_length=10),
    ) -> Response:  # fmt: skip
        from ascua.empathy import map_image

        if fmt not in ("png", "svg"):
            raise HTTPException(404, "the map is drawn as .png or .svg")
        found = find_map(brand, since or None, until or None)
        image = map_image(found, site.gettext(request), fmt=fmt)
        kind = "image/png" if fmt == "png" else "image/svg+xml"
        name = f"empathy-{brand}-{found.since:%Y%m%d}.{fmt}"
        return Response(image, media_type=kind, headers={"Content-Disposition": f'inline; filename="{name}"'})

    def find_reputation(brand: str, since: str | None, until: str | None, every: str) -> Any:
        from ascua.reputation import reputation

        brands(brand)
        start, end = _period(site, since, until, days=60)
        with site.engine.connect() as connection:
            try:
                return reputation(connection, brand, start, end, every=every)
            except CommunityError as error:
                raise HTTPException(400, str(error)) from None

    @app.get("/community/reputation", response_class=HTMLResponse, include_in_schema=False, dependencies=[read])
    @heavy
    def reputation_page(
        request: Request, brand: str | None = Query(None, max_length=64), since: str = Query("", max_length=10),
        until: str = Query("", max_length=10), every: str = Query("day", pattern="^(day|week)$"),
    ) -> HTMLResponse:  # fmt: skip
        keys = brands(None)
        chosen = brand if brand in keys else (keys[0] if keys else None)
        found = find_reputation(chosen, since or None, until or None, every) if chosen else None
        start, end = _period(site, since or None, until or None, days=60)
        if found:
            site.showing([{"id": person.mention_id} for person in found.down + found.up])
        last = (end - timedelta(days=1)).date().isoformat()
        return site.page(request, "reputation.html", found=found, brand=chosen, brands=keys, every=every,
                         since=start.date().isoformat(), until=last)  # fmt: skip

    @app.get("/community/reputation.svg", include_in_schema=False, dependencies=[read])
    @heavy
    def reputation_image(
        request: Request, brand: str = Query(..., max_length=64), since: str = Query("", max_length=10),
        until: str = Query("", max_length=10), every: str = Query("day", pattern="^(day|week)$"),
    ) -> Response:  # fmt: skip
        from ascua.reputation import reputation_chart

        found = find_reputation(brand, since or None, until or None, every)
        chart = reputation_chart(found, site.gettext(request), site.workspace.zone)
        return Response(chart, media_type="image/svg+xml")

    @app.post("/mentions/{mention_id}/handled", include_in_schema=False, dependencies=[respond])
    def form_handled(request: Request, mention_id: AlertId, brand: str = Form(..., max_length=64),
                     note: str = Form("", max_length=2_000)) -> Response:  # fmt: skip
        principal: Principal = request.state.principal
        try:
            with site.engine.begin() as connection:
                mark_handled(connection, mention_id, brand, by=principal.account.display_name, note=note)
        except CommunityError as error:
            raise HTTPException(400, str(error)) from None
        return RedirectResponse(f"/community?brand={brand}", status_code=303)

    @app.get("/api/v1/engagement", tags=["community"], dependencies=[read])
    @heavy
    def api_engagement(brand: str | None = Query(None, max_length=64), since: str | None = Query(None, max_length=10),
                       until: str | None = Query(None, max_length=10)) -> dict[str, Any]:  # fmt: skip
        """Engagement per brand over a period (default: the last 30 days): mentions, people,
        conversations, answered share and time to answer, interactions per own post."""
        start, end = _period(site, since, until)
        with site.engine.connect() as connection:
            try:
                return {"items": [engagement(connection, key, start, end).as_json() for key in brands(brand)]}
            except CommunityError as error:
                raise HTTPException(404, str(error)) from None

    @app.get("/api/v1/waiting", tags=["community"], dependencies=[read])
    @heavy
    def api_waiting(
        brand: str = Query(..., max_length=64), sort: str = Query("oldest", pattern="^(oldest|reach)$"),
        days: int = Query(7, ge=1, le=365), limit: int = Query(50, ge=1, le=1_000),
    ) -> dict[str, Any]:  # fmt: skip
        """Questions and complaints addressed to the brand that no own account answered yet."""
        brands(brand)
        with site.engine.connect() as connection:
            try:
                items, notes = waiting(connection, brand, limit=limit, sort=sort, days=days)
            except CommunityError as error:
                raise HTTPException(404, str(error)) from None
        return {"items": [item.as_json() for item in items], "notes": notes}

    @app.get("/api/v1/digest", tags=["community"], dependencies=[read])
    @heavy
    def api_digest(brand: str | None = Query(None, max_length=64),
                   day: str | None = Query(None, alias="date", max_length=10)) -> dict[str, Any]:  # fmt: skip
        """The daily digest per brand (default: yesterday): volume and negative share against the
        usual, what the negative posts were about, people waiting, alerts, the plan's readiness."""
        from ascua.digest import digest

        zone = site.workspace.zone
        try:
            chosen = date.fromisoformat(day) if day else datetime.now(zone).date() - timedelta(days=1)
        except ValueError:
            raise HTTPException(400, "date is a day: 2026-03-01") from None
        with site.engine.connect() as connection:
            try:
                return {"items": [digest(connection, site.workspace, key, chosen).as_json() for key in brands(brand)]}
            except CommunityError as error:
                raise HTTPException(404, str(error)) from None

    @app.get("/api/v1/detractors", tags=["community"], dependencies=[read])
    @heavy
    def api_detractors(
        brand: str = Query(..., max_length=64), since: str | None = Query(None, max_length=10),
        until: str | None = Query(None, max_length=10),
        state: str | None = Query(None, pattern="^(active|converted|left)$"),
        sort: str = Query("negative", pattern="^(negative|reach|recent)$"), limit: int = Query(100, ge=0, le=10_000),
    ) -> dict[str, Any]:  # fmt: skip
        """The people with a negative mention of the brand over a period (default: the last 90 days),
        their state (active, converted, left), conversion rates per period and after each crisis."""
        found: dict[str, Any] = find_detractors(brand, since, until, state, sort, limit).as_json()
        return found

    @app.get("/api/v1/detractors/history", tags=["community"], dependencies=[read])
    @heavy
    def api_person(brand: str = Query(..., max_length=64), source: str = Query(..., max_length=64),
                   handle: str = Query(..., max_length=300)) -> dict[str, Any]:  # fmt: skip
        """A person's mentions of the brand and the brand's answers to them, oldest first."""
        entries, notes = person_history(brand, source, handle)
        return {"items": [entry.as_json() for entry in entries], "notes": notes}

    @app.get("/api/v1/empathy", tags=["community"], dependencies=[read])
    @heavy
    def api_empathy(brand: str = Query(..., max_length=64), since: str | None = Query(None, max_length=10),
                    until: str | None = Query(None, max_length=10)) -> dict[str, Any]:  # fmt: skip
        """The empathy map of a brand over a period (default: the last 30 days): what customers say,
        think, do and feel, their pains and gains, each group with its share of people and posts
        that show it. The image: /community/empathy.png?brand=… (or .svg)."""
        found: dict[str, Any] = find_map(brand, since, until).as_json()
        return found

    @app.get("/api/v1/reputation", tags=["community"], dependencies=[read])
    @heavy
    def api_reputation(
        brand: str = Query(..., max_length=64), since: str | None = Query(None, max_length=10),
        until: str | None = Query(None, max_length=10), every: str = Query("day", pattern="^(day|week)$"),
    ) -> dict[str, Any]:  # fmt: skip
        """The reputation index per day or week (default: the last 60 days): net sentiment weighted by
        reach with its band, the trend against the usual, and who moved the latest period most."""
        found: dict[str, Any] = find_reputation(brand, since, until, every).as_json()
        return found

    @app.post("/api/v1/mentions/{mention_id}/handled", tags=["community"], dependencies=[respond])
    def api_handled(request: Request, mention_id: AlertId, body: Handling = Body(...)) -> dict[str, Any]:
        """Mark a mention as dealt with outside the radar: it leaves the waiting queue."""
        principal: Principal = request.state.principal
        brands(body.brand)
        try:
            with site.engine.begin() as connection:
                changed = mark_handled(connection, mention_id, body.brand, by=principal.account.display_name,
                                       note=body.note)  # fmt: skip
        except CommunityError as error:
            raise HTTPException(400, str(error)) from None
        return {"mention_id": mention_id, "brand": body.brand, "handled": True, "changed": changed}
