"""The crisis room of an alert (BRIEF M6): status, owner, checklist and a timeline.

A room opens by itself for every alert that reaches ``incident`` (the alert stage calls
:func:`open_room` in the transaction that records the level), or by hand for any alert.
Its status goes ``detected → acknowledged → responding → monitoring → resolved``; the
checklist follows the source documents; the timeline (``alert_timeline``) records who did
what and when: detection, level changes, notifications, acknowledgements, checklist
steps, notes, statements, approvals and publications. Nothing in it is ever deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from ascua.i18n import N_
from ascua.model import Level, utcnow
from ascua.store.schema import alert, alert_timeline, crisis_room, room_step

STATUSES = ("detected", "acknowledged", "responding", "monitoring", "resolved")
STATUS_LABELS = {
    "detected": N_("detected"),
    "acknowledged": N_("acknowledged"),
    "responding": N_("responding"),
    "monitoring": N_("monitoring"),
    "resolved": N_("resolved"),
}
# What the source documents ask of a response, in their order.
CHECKLIST: tuple[tuple[str, str], ...] = (
    ("find_out", N_("Find out what happened")),
    ("set_message", N_("Set the message: admit the error, apologise, explain the situation, say a solution is coming")),
    ("explain_how", N_("Explain how it happened")),
    ("prevention", N_("State the steps that prevent a repeat")),
    ("inform_stakeholders", N_("Inform the stakeholders")),
    ("publish", N_("Publish on the corporate channel")),
    ("monitor", N_("Monitor the reaction")),
)
STEPS = tuple(key for key, _label in CHECKLIST)
ROOM_LEVEL = Level.INCIDENT  # the level from which a room opens by itself
RADAR = "radar"


class RoomError(ValueError):
    """An action the room cannot take (no such alert, an unknown step, a status it cannot go to)."""


@dataclass(slots=True)
class Step:
    key: str
    label: str
    done: bool = False
    at: datetime | None = None
    by: str | None = None
    note: str | None = None


@dataclass(slots=True)
class Room:
    id: int
    alert_id: int
    status: str
    owner: str | None
    opened_by: str
    opened_at: datetime
    updated_at: datetime
    closed_at: datetime | None
    lessons: str | None
    steps: list[Step] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "alert_id": self.alert_id,
            "status": self.status,
            "owner": self.owner,
            "opened_by": self.opened_by,
            "opened_at": self.opened_at.isoformat(),
            "closed_at": self.closed_at.isoformat() if self.closed_at else None,
            "lessons": self.lessons,
            "checklist": [
                {"step": s.key, "label": s.label, "done": s.done, "at": s.at.isoformat() if s.at else None,
                 "by": s.by, "note": s.note}
                for s in self.steps
            ],
        }  # fmt: skip


@dataclass(slots=True, frozen=True)
class Entry:
    """One line of an alert's timeline."""

    at: datetime
    actor: str
    kind: str
    summary: str
    data: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return {"at": self.at.isoformat(), "actor": self.actor, "kind": self.kind, "summary": self.summary,
                "data": self.data}  # fmt: skip


def record(
    connection: Connection, alert_id: int, kind: str, summary: str, *, actor: str = RADAR,
    at: datetime | None = None, **data: Any,
) -> None:  # fmt: skip
    """Add a line to the alert's timeline."""
    connection.execute(
        alert_timeline.insert().values(
            alert_id=alert_id, at=at or utcnow(), actor=actor, kind=kind, summary=summary, data=data
        )
    )


def timeline(connection: Connection, alert_id: int) -> list[Entry]:
    """The alert's timeline, oldest first."""
    query = (
        select(alert_timeline)
        .where(alert_timeline.c.alert_id == alert_id)
        .order_by(alert_timeline.c.at, alert_timeline.c.id)
    )
    return [Entry(row.at, row.actor, row.kind, row.summary, dict(row.data or {})) for row in connection.execute(query)]


def _alert_row(connection: Connection, alert_id: int) -> Any:
    row = connection.execute(select(alert).where(alert.c.id == alert_id)).first()
    if row is None:
        raise RoomError(f"no alert #{alert_id} in this workspace ('ascua alerts' lists them)")
    return row


def open_room(connection: Connection, alert_id: int, *, by: str = RADAR, at: datetime | None = None) -> int:
    """The room of the alert, opened now if it has none (idempotent); its id."""
    _alert_row(connection, alert_id)
    existing = connection.execute(select(crisis_room.c.id).where(crisis_room.c.alert_id == alert_id)).scalar()
    if existing is not None:
        return int(existing)
    when = at or utcnow()
    result = connection.execute(
        crisis_room.insert().values(alert_id=alert_id, status="detected", opened_by=by, opened_at=when, updated_at=when)
    )
    assert result.inserted_primary_key is not None
    record(connection, alert_id, "room", "crisis room opened", actor=by, at=when)
    return int(result.inserted_primary_key[0])


def room_of(connection: Connection, alert_id: int) -> Room | None:
    """The alert's room with its checklist, or ``None`` when it has none."""
    row = connection.execute(select(crisis_room).where(crisis_room.c.alert_id == alert_id)).first()
    if row is None:
        return None
    done = {step.step: step for step in connection.execute(select(room_step).where(room_step.c.room_id == row.id))}
    steps = []
    for key, label in CHECKLIST:
        state = done.get(key)
        steps.append(Step(key, label, bool(state.done), state.at, state.by, state.note) if state else Step(key, label))
    return Room(
        row.id, row.alert_id, row.status, row.owner, row.opened_by, row.opened_at, row.updated_at, row.closed_at,
        row.lessons, steps,
    )  # fmt: skip


def _require_room(connection: Connection, alert_id: int) -> Room:
    _alert_row(connection, alert_id)
    room = room_of(connection, alert_id)
    if room is None:
        raise RoomError(f"alert #{alert_id} has no crisis room yet ('ascua room open {alert_id}' opens one)")
    return room


def _touch(connection: Connection, room: Room, when: datetime, **values: Any) -> None:
    connection.execute(crisis_room.update().where(crisis_room.c.id == room.id).values(updated_at=when, **values))


def acknowledge(
    connection: Connection, alert_id: int, *, by: str, via: str = "cli", at: datetime | None = None
) -> bool:
    """Record that someone took the alert at its current level: escalation stops there.

    Returns ``False`` when it was already acknowledged at this level (nothing changes).
    """
    row = _alert_row(connection, alert_id)
    level = Level.parse(row.level)
    if row.acknowledged_level is not None and Level.parse(row.acknowledged_level) >= level:
        return False
    when = at or utcnow()
    connection.execute(
        alert.update()
        .where(alert.c.id == alert_id)
        .values(acknowledged_at=when, acknowledged_by=by, acknowledged_level=level.label)
    )
    record(connection, alert_id, "acknowledged", f"acknowledged at {level.label} ({via})", actor=by, at=when,
           level=level.label, via=via)  # fmt: skip
    room = room_of(connection, alert_id)
    if room is not None and room.status == "detected":
        _touch(connection, room, when, status="acknowledged")
        record(connection, alert_id, "status", "status: acknowledged", actor=by, at=when, status="acknowledged")
    return True


def set_status(
    connection: Connection, alert_id: int, status: str, *, by: str, note: str | None = None,
    at: datetime | None = None,
) -> Room:  # fmt: skip
    """Move the room to ``status``. Forward moves may skip steps; going back is only reopening
    (``monitoring`` or ``resolved`` back to ``responding``), when the wave comes back."""
    if status not in STATUSES:
        raise RoomError(f"the status is one of {', '.join(STATUSES)}, not {status!r}")
    room = _require_room(connection, alert_id)
    if status == room.status:
        return room
    current, wanted = STATUSES.index(room.status), STATUSES.index(status)
    if wanted < current and not (status == "responding" and room.status in ("monitoring", "resolved")):
        raise RoomError(f"the room is {room.status}; it can go forward, or back to responding if the wave returns")
    when = at or utcnow()
    if wanted >= STATUSES.index("acknowledged"):
        acknowledge(connection, alert_id, by=by, via="status", at=when)
    _touch(connection, room, when, status=status, closed_at=when if status == "resolved" else None)
    record(connection, alert_id, "status", f"status: {status}" + (f" — {note}" if note else ""), actor=by,
           at=when, status=status, previous=room.status, note=note)  # fmt: skip
    return _require_room(connection, alert_id)


def set_owner(connection: Connection, alert_id: int, owner: str, *, by: str, at: datetime | None = None) -> None:
    owner = owner.strip()
    if not owner:
        raise RoomError("the owner is a person's name")
    room = _require_room(connection, alert_id)
    when = at or utcnow()
    _touch(connection, room, when, owner=owner)
    record(connection, alert_id, "owner", f"owner: {owner}", actor=by, at=when, owner=owner)


def check_step(
    connection: Connection, alert_id: int, step: str, *, by: str, done: bool = True, note: str | None = None,
    at: datetime | None = None,
) -> None:  # fmt: skip
    """Tick (or untick) a step of the checklist."""
    if step not in STEPS:
        raise RoomError(f"the checklist steps are {', '.join(STEPS)}, not {step!r}")
    room = _require_room(connection, alert_id)
    when = at or utcnow()
    values = {"done": done, "at": when, "by": by, "note": note}
    updated = connection.execute(
        room_step.update().where(room_step.c.room_id == room.id, room_step.c.step == step).values(**values)
    )
    if updated.rowcount == 0:
        connection.execute(room_step.insert().values(room_id=room.id, step=step, **values))
    _touch(connection, room, when)
    label = dict(CHECKLIST)[step]
    record(connection, alert_id, "step", f"{'done' if done else 'not done'}: {label}" + (f" — {note}" if note else ""),
           actor=by, at=when, step=step, done=done, note=note)  # fmt: skip


def add_note(connection: Connection, alert_id: int, text: str, *, by: str, at: datetime | None = None) -> None:
    text = text.strip()
    if not text:
        raise RoomError("the note is empty")
    _alert_row(connection, alert_id)
    record(connection, alert_id, "note", text, actor=by, at=at)


def set_lessons(connection: Connection, alert_id: int, text: str, *, by: str, at: datetime | None = None) -> None:
    """The lessons learned, for the post-mortem report (replaces the previous text; the timeline keeps it)."""
    room = _require_room(connection, alert_id)
    when = at or utcnow()
    _touch(connection, room, when, lessons=text.strip() or None)
    record(connection, alert_id, "lessons", "lessons learned updated", actor=by, at=when, text=text.strip())
