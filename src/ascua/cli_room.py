"""``ascua ack`` and ``ascua room …``: the crisis room from the command line (docs/room.md).

Registered on the ``ascua`` app by :mod:`ascua.cli`; each command parses, calls one
function of :mod:`ascua.respond.room`, and prints.
"""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text

from ascua.cli import (
    EXIT_USAGE,
    WorkspaceOption,
    _,
    _statement_text,
    _workspace,
    app,
    errors_for_people,
    fail,
    out,
    statement_app,
)
from ascua.i18n import language_from_environment, translator
from ascua.respond.room import STATUSES, STEPS, RoomError

room_app = typer.Typer(help="The crisis room of an alert: status, owner, checklist, timeline.", no_args_is_help=True)
app.add_typer(room_app, name="room")

_DELIVERY_STYLE = {"sent": "green", "failed": "red", "unreachable": "red"}
AlertArgument = Annotated[int, typer.Argument(help="The alert's number (ascua status lists the open ones).")]


def _me() -> str:
    return os.environ.get("ASCUA_USER") or getpass.getuser()


ByOption = Annotated[
    str | None,
    typer.Option("--by", help="Who does it, as the timeline will say (default: $ASCUA_USER, else your login)."),
]


def _act(workspace: Path, action: Any) -> Any:
    """Run ``action(connection)`` in one transaction; a refused action is a clear error."""
    from ascua.radar import Radar

    with errors_for_people():
        ws = _workspace(workspace)
        with Radar.open(ws) as radar, radar.database.engine.begin() as connection:
            try:
                return action(connection)
            except RoomError as error:
                fail(str(error), EXIT_USAGE)


@app.command()
def ack(alert_id: AlertArgument, workspace: WorkspaceOption = Path("."), by: ByOption = None) -> None:
    """Acknowledge an alert: you are on it, the escalation stops at its current level."""
    from ascua.respond.room import acknowledge

    who = by or _me()
    changed = _act(workspace, lambda connection: acknowledge(connection, alert_id, by=who, via="cli"))
    if changed:
        out.print(_("Alert #{id} acknowledged by {by}.").format(id=alert_id, by=who))
    else:
        out.print(_("Alert #{id} was already acknowledged at its level.").format(id=alert_id))


@room_app.command("open")
def room_open(alert_id: AlertArgument, workspace: WorkspaceOption = Path("."), by: ByOption = None) -> None:
    """Open the crisis room of an alert by hand (it opens by itself from incident up)."""
    from ascua.respond.room import open_room

    _act(workspace, lambda connection: open_room(connection, alert_id, by=by or _me()))
    out.print(_("The crisis room of alert #{id} is open: ascua room show {id}").format(id=alert_id))


@room_app.command("show")
def room_show(
    alert_id: AlertArgument,
    workspace: WorkspaceOption = Path("."),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: the room, its timeline and deliveries.")] = False,
) -> None:
    """The room: status, owner, checklist, messages sent, and the timeline."""
    from sqlalchemy import select

    from ascua.respond.room import room_of, timeline
    from ascua.store.schema import delivery

    def read(connection: Any) -> tuple[Any, Any, Any]:
        room = room_of(connection, alert_id)
        entries = timeline(connection, alert_id)
        columns = (delivery.c.purpose, delivery.c.recipient, delivery.c.channel, delivery.c.address,
                   delivery.c.status, delivery.c.attempts, delivery.c.last_error, delivery.c.created_at)  # fmt: skip
        sent = connection.execute(select(*columns).where(delivery.c.alert_id == alert_id).order_by(delivery.c.id)).all()
        return room, entries, sent

    with errors_for_people():
        ws = _workspace(workspace)
    room, entries, sent = _act(workspace, read)
    if room is None and not entries:
        fail(_("there is no alert #{id} in this workspace").format(id=alert_id), EXIT_USAGE)
    if as_json:
        data = {
            "alert_id": alert_id,
            "room": room.as_json() if room else None,
            "deliveries": [{**row._asdict(), "created_at": row.created_at.isoformat()} for row in sent],
            "timeline": [entry.as_json() for entry in entries],
        }
        out.print_json(json.dumps(data, ensure_ascii=False, default=str))
        return
    gettext = translator(language_from_environment(ws.config.language)).gettext
    zone = ws.zone
    if room is None:
        out.print(Text(gettext("Alert #{id} has no crisis room (ascua room open {id} opens one).").format(id=alert_id)))
    else:
        from ascua.respond.escalate import PlanSource
        from ascua.respond.plan import roles

        out.print(Text(gettext("Crisis room of alert #{id} · {status} · owner: {owner}").format(
            id=alert_id, status=gettext(room.status), owner=room.owner or "—"), style="bold"))  # fmt: skip
        held = roles(PlanSource(ws.plan_path).get())
        if held:
            out.print(Text(gettext("Roles") + ": " + " · ".join(f"{gettext(role)} {name}" for role, name in held),
                           style="dim"))  # fmt: skip
        for step in room.steps:
            mark = "☑" if step.done else "☐"
            who = f"  ({step.by}, {step.at.astimezone(zone):%d %b %H:%M})" if step.done and step.at else ""
            out.print(
                Text(f"  {mark} {gettext(step.label)}", style="green" if step.done else ""), Text(who, style="dim")
            )
    if sent:
        out.print(Text(gettext("Messages"), style="bold"))
        for row in sent:
            line = f"  {gettext(row.status)} · {row.recipient}"
            if row.address and row.address != row.recipient:
                line += f" <{row.address}>"
            line += f" · {row.purpose} · {row.attempts}×"
            if row.last_error and row.status != "sent":
                line += f" · {row.last_error}"
            out.print(
                Text(line, style={"sent": "green", "failed": "red", "unreachable": "red"}.get(row.status, "yellow"))
            )
    out.print(Text(gettext("Timeline"), style="bold"))
    for entry in entries:
        local = entry.at.astimezone(zone)
        out.print(Text.assemble((f"  {local:%Y-%m-%d %H:%M} ", "dim"), (f"{entry.actor}: ", "cyan"), entry.summary))


@room_app.command("status")
def room_status(
    alert_id: AlertArgument,
    status: Annotated[str, typer.Argument(help=" → ".join(STATUSES))],
    workspace: WorkspaceOption = Path("."),
    note: Annotated[str | None, typer.Option(help="Why, for the timeline.")] = None,
    by: ByOption = None,
) -> None:
    """Move the room along detected → acknowledged → responding → monitoring → resolved."""
    from ascua.respond.room import set_status

    room = _act(workspace, lambda connection: set_status(connection, alert_id, status, by=by or _me(), note=note))
    out.print(_("Alert #{id}: {status}.").format(id=alert_id, status=room.status))


@room_app.command("owner")
def room_owner(
    alert_id: AlertArgument,
    name: Annotated[str, typer.Argument(help="The person who leads the response.")],
    workspace: WorkspaceOption = Path("."),
    by: ByOption = None,
) -> None:
    """Say who owns the response."""
    from ascua.respond.room import set_owner

    _act(workspace, lambda connection: set_owner(connection, alert_id, name, by=by or _me()))
    out.print(_("Alert #{id}: owner {name}.").format(id=alert_id, name=name))


@room_app.command("step")
def room_step(
    alert_id: AlertArgument,
    step: Annotated[str, typer.Argument(help=", ".join(STEPS))],
    workspace: WorkspaceOption = Path("."),
    undo: Annotated[bool, typer.Option("--undo", help="Mark the step as not done.")] = False,
    note: Annotated[str | None, typer.Option(help="What was done, for the timeline.")] = None,
    by: ByOption = None,
) -> None:
    """Tick a step of the checklist."""
    from ascua.respond.room import check_step

    _act(workspace, lambda c: check_step(c, alert_id, step, by=by or _me(), done=not undo, note=note))
    out.print(
        _("Alert #{id}: {step} {state}.").format(id=alert_id, step=step, state=_("not done") if undo else _("done"))
    )


@room_app.command("note")
def room_note(
    alert_id: AlertArgument,
    text: Annotated[str, typer.Argument(help="The note.")],
    workspace: WorkspaceOption = Path("."),
    by: ByOption = None,
) -> None:
    """Add a note to the alert's timeline."""
    from ascua.respond.room import add_note

    _act(workspace, lambda connection: add_note(connection, alert_id, text, by=by or _me()))
    out.print(_("Note added to alert #{id}.").format(id=alert_id))


@room_app.command("lessons")
def room_lessons(
    alert_id: AlertArgument,
    workspace: WorkspaceOption = Path("."),
    text: Annotated[str | None, typer.Option(help="The lessons learned.")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Read them from a text or Markdown file.")] = None,
    by: ByOption = None,
) -> None:
    """Write the lessons learned, for the post-mortem report (ascua report)."""
    from ascua.respond.room import set_lessons

    if (text is None) == (file is None):
        fail(_("give the lessons with --text or --file"), EXIT_USAGE)
    if file is not None:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            fail(_("cannot read {path}: {error}").format(path=file, error=error), EXIT_USAGE)
    assert text is not None
    _act(workspace, lambda connection: set_lessons(connection, alert_id, text, by=by or _me()))
    out.print(_("Lessons learned saved for alert #{id}.").format(id=alert_id))


# --- statements of an alert: save, approve, send, publish ----------------------------------


@statement_app.command("save")
def statement_save(
    alert_id: AlertArgument,
    text: Annotated[str | None, typer.Argument(help="The text (or --file, or standard input).")] = None,
    workspace: WorkspaceOption = Path("."),
    file: Annotated[Path | None, typer.Option("--file", help="Read the text from a file.")] = None,
    lang: Annotated[str, typer.Option(help="es, en or auto.")] = "auto",
    by: ByOption = None,
) -> None:
    """Save a version of the alert's statement, checked against the principles (ascua statement check)."""
    from ascua.respond.publish import save_statement

    body = _statement_text(text, file)
    if lang not in ("es", "en", "auto"):
        fail(_("--lang is es, en or auto"), EXIT_USAGE)
    version = _act(workspace, lambda c: save_statement(c, alert_id, body, author=by or _me(), lang=lang))
    out.print(_("Statement v{version} of alert #{id} saved.").format(version=version.version, id=alert_id))
    if version.violated:
        out.print(Text(_("It violates: {names}. ascua statement check shows why.").format(
            names=", ".join(version.violated)), style="red"))  # fmt: skip
    if version.missing:
        out.print(Text(_("It does not yet: {names}.").format(names=", ".join(version.missing)), style="yellow"))


@statement_app.command("list")
def statement_list(
    alert_id: AlertArgument,
    workspace: WorkspaceOption = Path("."),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Every version of the alert's statement, with its findings and approval."""
    from ascua.respond.publish import statement_versions

    versions = _act(workspace, lambda connection: statement_versions(connection, alert_id))
    if as_json:
        out.print_json(json.dumps([v.as_json() for v in versions], ensure_ascii=False))
        return
    if not versions:
        out.print(_("Alert #{id} has no statement yet.").format(id=alert_id))
    for version in versions:
        state = (_("approved by {name}").format(name=version.approved_by) if version.approved_by
                 else _("not approved"))  # fmt: skip
        out.print(Text(f"v{version.version} · {version.language} · {version.author} · {state}", style="bold"))
        out.print(Text(version.text))
        if version.violated:
            out.print(Text("  ✗ " + ", ".join(version.violated), style="red"))


@statement_app.command("approve")
def statement_approve(
    alert_id: AlertArgument,
    workspace: WorkspaceOption = Path("."),
    version: Annotated[int | None, typer.Option(help="The version (default: the latest).")] = None,
    despite: Annotated[
        str | None, typer.Option(help="Approve a version that violates a principle, saying why.")
    ] = None,
    by: ByOption = None,
) -> None:
    """Approve a version as the spokesperson: it is frozen and can be sent and published."""
    from ascua.radar import Radar
    from ascua.respond.escalate import PlanSource
    from ascua.respond.publish import approve_statement

    with errors_for_people():
        ws = _workspace(workspace)
        plan = PlanSource(ws.plan_path).get()
        with Radar.open(ws) as radar, radar.database.engine.begin() as connection:
            try:
                approved = approve_statement(connection, alert_id, version, by=by or _me(), plan=plan,
                                             despite=despite)  # fmt: skip
            except RoomError as error:
                fail(str(error), EXIT_USAGE)
    out.print(_("Statement v{version} of alert #{id} approved by {by} (sha256 {sha}).").format(
        version=approved.version, id=alert_id, by=approved.approved_by, sha=approved.sha256[:12]))  # fmt: skip


def _escalated(workspace: Path, action: Any) -> Any:
    from ascua.radar import Radar

    with errors_for_people():
        ws = _workspace(workspace)
        with Radar.open(ws) as radar:
            escalation = radar.escalation(radar.translations)
            try:
                return action(escalation, radar.base_url)
            except RoomError as error:
                fail(str(error), EXIT_USAGE)


@statement_app.command("send")
def statement_send(
    alert_id: AlertArgument,
    workspace: WorkspaceOption = Path("."),
    version: Annotated[int | None, typer.Option(help="The approved version (default: the latest approved).")] = None,
    group: Annotated[list[str] | None, typer.Option(help="Only this stakeholder group (repeatable).")] = None,
    by: ByOption = None,
) -> None:
    """Send the approved statement to the plan's stakeholder groups, by their channel."""
    from ascua.respond.publish import send_statement

    counts = _escalated(workspace, lambda escalation, base: send_statement(
        escalation, alert_id, version, by=by or _me(), public_url=base, groups=group))  # fmt: skip
    for name, count in counts.items():
        line = _("{group}: {queued} sent").format(group=name, queued=count["queued"])
        if count["manual"]:
            line += " · " + _("{manual} to do by hand").format(manual=count["manual"])
        if count["unreachable"]:
            line += " · " + _("{count} not sent: alerts.email (the SMTP server) is not set").format(
                count=count["unreachable"]
            )
        out.print(line)
    out.print(Text(_("Delivery of each message: ascua room show {id}").format(id=alert_id), style="dim"))


@statement_app.command("publish")
def statement_publish(
    alert_id: AlertArgument,
    workspace: WorkspaceOption = Path("."),
    version: Annotated[int | None, typer.Option(help="The approved version (default: the latest approved).")] = None,
    title: Annotated[str | None, typer.Option(help="The headline (default: the statement's first sentence).")] = None,
    by: ByOption = None,
) -> None:
    """Publish the approved statement on the public crisis-update page, its Atom feed and the CMS webhooks."""
    from ascua.respond.publish import PUBLIC_PATH, publish_statement

    published = _escalated(workspace, lambda escalation, base: (base, publish_statement(
        escalation, alert_id, version, by=by or _me(), public_url=base, title=title)))  # fmt: skip
    base, item = published
    out.print(_("Published: {title}").format(title=item.title))
    out.print(Text(f"{base}{PUBLIC_PATH}  ·  {base}{PUBLIC_PATH}.atom", style="cyan"))


@statement_app.command("rewrite")
def statement_rewrite(
    text: Annotated[str | None, typer.Argument(help="The statement (default: --file or standard input).")] = None,
    workspace: WorkspaceOption = Path("."),
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the statement from this file.")] = None,
    lang: Annotated[str, typer.Option("--lang", help="es, en or auto.")] = "auto",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: the proposal and both checks.")] = False,
) -> None:
    """Ask the language model of 'rewrite:' in ascua.yaml for a better version, and check it (optional)."""
    from ascua.respond.rewrite import RewriteError, rewrite_statement
    from ascua.respond.statement import StatementError

    if lang not in ("es", "en", "auto"):
        fail(_("--lang is es, en or auto"), EXIT_USAGE)
    with errors_for_people():
        ws = _workspace(workspace)
    body = _statement_text(text, file)
    try:
        proposal = rewrite_statement(body, ws.config.rewrite, lang)
    except StatementError as error:
        fail(str(error), EXIT_USAGE)
    except RewriteError as error:
        fail(str(error))
    if as_json:
        data = {"text": proposal.text, "model": proposal.model, "before": proposal.before.as_json(),
                "after": proposal.after.as_json()}  # fmt: skip
        out.print_json(json.dumps(data, ensure_ascii=False))
        return
    out.print(Text(_("A proposal by {model} (check it, fill the [brackets], then save it):").format(
        model=proposal.model), style="bold"))  # fmt: skip
    out.print(Text(proposal.text))
    line = _("Before: {met} of 9 principles met, {violated} violated. After: {met2} met, {violated2} violated.")
    out.print(line.format(met=proposal.before.met, violated=proposal.before.violated, met2=proposal.after.met,
                          violated2=proposal.after.violated))  # fmt: skip
