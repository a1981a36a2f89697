"""The crisis room's actions, from the dashboard's forms and from the API: acknowledge, open
the room, status, owner, checklist, notes, lessons, statements (draft with the checker's
findings, approve, send to stakeholders, publish). Each action is written once
(:class:`Actions`) and reached by a form (redirecting back to the alert) and by an API route
(answering JSON); the timeline records the account's display name."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any

from fastapi import Body, FastAPI, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from ascua.accounts import Permission
from ascua.respond.publish import (
    approve_statement,
    publish_statement,
    save_statement,
    send_statement,
)
from ascua.respond.room import (
    RoomError,
    acknowledge,
    add_note,
    check_step,
    open_room,
    room_of,
    set_lessons,
    set_owner,
    set_status,
)
from ascua.respond.statement import StatementError, check_statement
from ascua.store import reads
from ascua.web.security import AlertId, Principal, VersionNumber, needs

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from ascua.web.app import Site

MAX_TEXT = 20_000


class StatusChange(BaseModel):
    status: str = Field(description="detected, acknowledged, responding, monitoring or resolved")
    note: str | None = Field(None, max_length=2_000)


class OwnerChange(BaseModel):
    owner: str = Field(min_length=1, max_length=120)


class StepChange(BaseModel):
    done: bool = True
    note: str | None = Field(None, max_length=2_000)


class Note(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT)


class Draft(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    lang: str = Field("auto", pattern="^(auto|es|en)$")


class Approval(BaseModel):
    despite: str | None = Field(None, max_length=2_000, description="Why it goes out although it violates a principle.")


class Sending(BaseModel):
    groups: list[str] | None = Field(None, description="Only these stakeholder groups (default: all).")


class Publishing(BaseModel):
    title: str | None = Field(None, max_length=200)


class Actions:
    """Every action of the room, done as ``principal``; a refused one raises HTTPException."""

    def __init__(self, site: Site):
        self.site = site

    def _in_transaction(self, alert_id: AlertId, action: Callable[[Connection], Any]) -> Any:
        try:
            with self.site.engine.begin() as connection:
                if reads.alert_by_id(connection, alert_id) is None:
                    raise HTTPException(404, f"no alert #{alert_id}")
                return action(connection)
        except RoomError as error:
            raise HTTPException(400, str(error)) from None

    def ack(self, alert_id: AlertId, who: Principal, via: str) -> dict[str, Any]:
        changed = self._in_transaction(alert_id, lambda c: acknowledge(c, alert_id, by=who.account.display_name,
                                                                       via=via))  # fmt: skip
        return {"alert_id": alert_id, "acknowledged": True, "changed": changed}

    def open(self, alert_id: AlertId, who: Principal) -> dict[str, Any]:
        self._in_transaction(alert_id, lambda c: open_room(c, alert_id, by=who.account.display_name))
        return self.room(alert_id)

    def status(self, alert_id: AlertId, who: Principal, change: StatusChange) -> dict[str, Any]:
        self._in_transaction(alert_id, lambda c: set_status(c, alert_id, change.status, by=who.account.display_name,
                                                            note=(change.note or "").strip() or None))  # fmt: skip
        return self.room(alert_id)

    def owner(self, alert_id: AlertId, who: Principal, change: OwnerChange) -> dict[str, Any]:
        self._in_transaction(alert_id, lambda c: set_owner(c, alert_id, change.owner, by=who.account.display_name))
        return self.room(alert_id)

    def step(self, alert_id: AlertId, who: Principal, step: str, change: StepChange) -> dict[str, Any]:
        self._in_transaction(alert_id, lambda c: check_step(c, alert_id, step, by=who.account.display_name,
                                                            done=change.done,
                                                            note=(change.note or "").strip() or None))  # fmt: skip
        return self.room(alert_id)

    def note(self, alert_id: AlertId, who: Principal, note: Note) -> dict[str, Any]:
        self._in_transaction(alert_id, lambda c: add_note(c, alert_id, note.text, by=who.account.display_name))
        return self.room(alert_id)

    def lessons(self, alert_id: AlertId, who: Principal, note: Note) -> dict[str, Any]:
        self._in_transaction(alert_id, lambda c: set_lessons(c, alert_id, note.text, by=who.account.display_name))
        return self.room(alert_id)

    def draft(self, alert_id: AlertId, who: Principal, draft: Draft) -> dict[str, Any]:
        version = self._in_transaction(alert_id, lambda c: save_statement(c, alert_id, draft.text,
                                                                          author=who.account.display_name,
                                                                          lang=draft.lang))  # fmt: skip
        result: dict[str, Any] = version.as_json()
        return result

    def approve(self, alert_id: AlertId, who: Principal, number: VersionNumber, approval: Approval) -> dict[str, Any]:
        plan = self.site.plan.get()
        by = who.account.display_name
        version = self._in_transaction(
            alert_id,
            lambda c: approve_statement(
                c, alert_id, number, by=by, plan=plan, despite=approval.despite, authorised=True
            ),
        )
        result: dict[str, Any] = version.as_json()
        return result

    def send(
        self, request: Request, alert_id: AlertId, who: Principal, number: VersionNumber, sending: Sending
    ) -> dict[str, Any]:
        self._exists(alert_id)
        try:
            counts = send_statement(self.site.escalation(request), alert_id, number, by=who.account.display_name,
                                    public_url=self.site.base_url(request), groups=sending.groups or None)  # fmt: skip
        except RoomError as error:
            raise HTTPException(400, str(error)) from None
        return {"alert_id": alert_id, "version": number, "groups": counts}

    def publish(
        self, request: Request, alert_id: AlertId, who: Principal, number: VersionNumber, publishing: Publishing
    ) -> dict[str, Any]:
        self._exists(alert_id)
        try:
            item = publish_statement(self.site.escalation(request), alert_id, number, by=who.account.display_name,
                                     public_url=self.site.base_url(request), title=publishing.title)  # fmt: skip
        except RoomError as error:
            raise HTTPException(400, str(error)) from None
        result: dict[str, Any] = item.as_json()
        return result

    def _exists(self, alert_id: AlertId) -> None:
        with self.site.engine.connect() as connection:
            if reads.alert_by_id(connection, alert_id) is None:
                raise HTTPException(404, f"no alert #{alert_id}")

    def room(self, alert_id: AlertId) -> dict[str, Any]:
        with self.site.engine.connect() as connection:
            room = room_of(connection, alert_id)
        return {"alert_id": alert_id, "room": room.as_json() if room else None}


def add_action_routes(app: FastAPI, site: Site) -> None:
    actions = Actions(site)
    respond = needs(Permission.RESPOND)
    approve = needs(Permission.APPROVE)

    def back(alert_id: AlertId, anchor: str = "room") -> Response:
        return RedirectResponse(f"/alerts/{alert_id}#{anchor}", status_code=303)

    def who(request: Request) -> Principal:
        principal: Principal = request.state.principal
        return principal

    # --- the forms of the alert page ------------------------------------------------------

    @app.post("/alerts/{alert_id}/ack", include_in_schema=False, dependencies=[respond])
    def form_ack(request: Request, alert_id: AlertId) -> Response:
        actions.ack(alert_id, who(request), "web")
        return back(alert_id)

    @app.post("/alerts/{alert_id}/room", include_in_schema=False, dependencies=[respond])
    def form_open(request: Request, alert_id: AlertId) -> Response:
        actions.open(alert_id, who(request))
        return back(alert_id)

    @app.post("/alerts/{alert_id}/room/status", include_in_schema=False, dependencies=[respond])
    def form_status(request: Request, alert_id: AlertId, status: str = Form(...),
                    note: str = Form("", max_length=2_000)) -> Response:  # fmt: skip
        actions.status(alert_id, who(request), StatusChange(status=status, note=note))
        return back(alert_id)

    @app.post("/alerts/{alert_id}/room/owner", include_in_schema=False, dependencies=[respond])
    def form_owner(
        request: Request, alert_id: AlertId, owner: str = Form(..., min_length=1, max_length=120)
    ) -> Response:
        actions.owner(alert_id, who(request), OwnerChange(owner=owner))
        return back(alert_id)

    @app.post("/alerts/{alert_id}/room/steps/{step}", include_in_schema=False, dependencies=[respond])
    def form_step(request: Request, alert_id: AlertId, step: str, done: bool = Form(True),
                  note: str = Form("", max_length=2_000)) -> Response:  # fmt: skip
        actions.step(alert_id, who(request), step, StepChange(done=done, note=note))
        return back(alert_id)

    @app.post("/alerts/{alert_id}/room/notes", include_in_schema=False, dependencies=[respond])
    def form_note(
        request: Request, alert_id: AlertId, text: str = Form(..., min_length=1, max_length=MAX_TEXT)
    ) -> Response:
        actions.note(alert_id, who(request), Note(text=text))
        return back(alert_id, "timeline")

    @app.post("/alerts/{alert_id}/room/lessons", include_in_schema=False, dependencies=[respond])
    def form_lessons(request: Request, alert_id: AlertId,
                     text: str = Form(..., min_length=1, max_length=MAX_TEXT)) -> Response:  # fmt: skip
        actions.lessons(alert_id, who(request), Note(text=text))
        return back(alert_id)

    @app.post("/alerts/{alert_id}/statements", include_in_schema=False, dependencies=[respond])
    def form_draft(request: Request, alert_id: AlertId, text: str = Form(..., min_length=1, max_length=MAX_TEXT),
                   lang: str = Form("auto", pattern="^(auto|es|en)$")) -> Response:  # fmt: skip
        version = actions.draft(alert_id, who(request), Draft(text=text, lang=lang))
        return back(alert_id, f"statement-{version['version']}")

    @app.post("/alerts/{alert_id}/statements/{number}/approve", include_in_schema=False, dependencies=[approve])
    def form_approve(request: Request, alert_id: AlertId, number: VersionNumber,
                     despite: str = Form("", max_length=2_000)) -> Response:  # fmt: skip
        actions.approve(alert_id, who(request), number, Approval(despite=despite.strip() or None))
        return back(alert_id, f"statement-{number}")

    @app.post("/alerts/{alert_id}/statements/{number}/send", include_in_schema=False, dependencies=[approve])
    def form_send(
        request: Request, alert_id: AlertId, number: VersionNumber, groups: list[str] | None = Form(None)
    ) -> Response:
        actions.send(request, alert_id, who(request), number, Sending(groups=groups or None))
        return back(alert_id, "messages")

    @app.post("/alerts/{alert_id}/statements/{number}/publish", include_in_schema=False, dependencies=[approve])
    def form_publish(
        request: Request, alert_id: AlertId, number: VersionNumber, title: str = Form("", max_length=200)
    ) -> Response:
        actions.publish(request, alert_id, who(request), number, Publishing(title=title.strip() or None))
        return back(alert_id, f"statement-{number}")

    # --- the API --------------------------------------------------------------------------

    tags: list[str | Enum] = ["crisis room"]

    @app.post("/api/v1/alerts/{alert_id}/ack", tags=tags, dependencies=[respond])
    def api_ack(request: Request, alert_id: AlertId) -> dict[str, Any]:
        """Acknowledge the alert at its current level (escalation stops there)."""
        return actions.ack(alert_id, who(request), "api")

    @app.post("/api/v1/alerts/{alert_id}/room", tags=tags, dependencies=[respond])
    def api_open(request: Request, alert_id: AlertId) -> dict[str, Any]:
        """Open the alert's crisis room (it opens by itself at incident)."""
        return actions.open(alert_id, who(request))

    @app.post("/api/v1/alerts/{alert_id}/room/status", tags=tags, dependencies=[respond])
    def api_status_change(request: Request, alert_id: AlertId, change: StatusChange = Body(...)) -> dict[str, Any]:
        return actions.status(alert_id, who(request), change)

    @app.post("/api/v1/alerts/{alert_id}/room/owner", tags=tags, dependencies=[respond])
    def api_owner(request: Request, alert_id: AlertId, change: OwnerChange = Body(...)) -> dict[str, Any]:
        return actions.owner(alert_id, who(request), change)

    @app.post("/api/v1/alerts/{alert_id}/room/steps/{step}", tags=tags, dependencies=[respond])
    def api_step(request: Request, alert_id: AlertId, step: str, change: StepChange = Body(...)) -> dict[str, Any]:
        """Tick (``done: true``) or untick a step of the checklist."""
        return actions.step(alert_id, who(request), step, change)

    @app.post("/api/v1/alerts/{alert_id}/room/notes", tags=tags, dependencies=[respond])
    def api_note(request: Request, alert_id: AlertId, note: Note = Body(...)) -> dict[str, Any]:
        return actions.note(alert_id, who(request), note)

    @app.post("/api/v1/alerts/{alert_id}/room/lessons", tags=tags, dependencies=[respond])
    def api_lessons(request: Request, alert_id: AlertId, note: Note = Body(...)) -> dict[str, Any]:
        return actions.lessons(alert_id, who(request), note)

    @app.post("/api/v1/alerts/{alert_id}/statements", tags=tags, status_code=201, dependencies=[respond])
    def api_draft(request: Request, alert_id: AlertId, draft: Draft = Body(...)) -> dict[str, Any]:
        """Save the next version of the statement, with the checker's findings."""
        return actions.draft(alert_id, who(request), draft)

    @app.post("/api/v1/alerts/{alert_id}/statements/{number}/approve", tags=tags, dependencies=[approve])
    def api_approve(
        request: Request, alert_id: AlertId, number: VersionNumber, approval: Approval | None = Body(None)
    ) -> dict[str, Any]:
        """Approve a version (spokesperson or admin): it is frozen and can go out."""
        return actions.approve(alert_id, who(request), number, approval or Approval())

    @app.post("/api/v1/alerts/{alert_id}/statements/{number}/send", tags=tags, dependencies=[approve])
    def api_send(
        request: Request, alert_id: AlertId, number: VersionNumber, sending: Sending | None = Body(None)
    ) -> dict[str, Any]:
        """Send an approved version to the plan's stakeholder groups."""
        return actions.send(request, alert_id, who(request), number, sending or Sending())

    @app.post("/api/v1/alerts/{alert_id}/statements/{number}/publish", tags=tags, dependencies=[approve])
    def api_publish(request: Request, alert_id: AlertId, number: VersionNumber,
                    publishing: Publishing | None = Body(None)) -> dict[str, Any]:  # fmt: skip
        """Publish an approved version on the public crisis-update page, its feed and the CMS webhooks."""
        return actions.publish(request, alert_id, who(request), number, publishing or Publishing())

    @app.post("/api/v1/statements/check", tags=["statements"], dependencies=[needs(Permission.READ, changes=False)])
    def api_check(draft: Draft = Body(...)) -> dict[str, Any]:
        """Check a text against the nine principles without storing it (as ``ascua statement check --json``)."""
        try:
            report = check_statement(draft.text, draft.lang)
        except StatementError as error:
            raise HTTPException(400, str(error)) from None
        return {"lang": report.lang, "principles": report.as_json()}
