"""Statements of an alert: drafted, checked, approved by the spokesperson, sent, published.

Each saved text is a new version, checked against the principles of an honest response
(:mod:`ascua.respond.statement`). Only the plan's spokesperson (or the backup) approves a
version; a version with a violated principle needs the reason it is approved anyway.
Approval freezes it: its SHA-256 and full text go into the timeline, and only an approved,
unchanged version can be sent to the stakeholders or published on the public
crisis-update page (``/updates`` and its Atom feed) and the corporate channels' webhooks.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from ascua.model import Level, utcnow
from ascua.respond.escalate import MANUAL_CHANNELS, Escalation, Route, channel_route, contact_route
from ascua.respond.plan import Plan
from ascua.respond.room import RoomError, check_step, record
from ascua.respond.statement import StatementError, check_statement
from ascua.store.schema import alert, brand, delivery, publication, statement

PUBLIC_PATH = "/updates"


@dataclass(slots=True, frozen=True)
class Version:
    id: int
    alert_id: int
    version: int
    language: str
    text: str
    author: str
    created_at: datetime
    findings: dict[str, Any]
    sha256: str
    approved_by: str | None
    approved_at: datetime | None

    @property
    def violated(self) -> list[str]:
        return [name for name, verdict in self.findings.items() if verdict.get("status") == "violated"]

    @property
    def missing(self) -> list[str]:
        return [name for name, verdict in self.findings.items() if verdict.get("status") == "missing"]

    def as_json(self) -> dict[str, Any]:
        return {
            "version": self.version, "language": self.language, "text": self.text, "author": self.author,
            "created_at": self.created_at.isoformat(), "findings": self.findings, "sha256": self.sha256,
            "approved_by": self.approved_by,
            "approved_at": self.approved_at.isoformat() if self.approved_at else None,
        }  # fmt: skip


@dataclass(slots=True, frozen=True)
class Publication:
    id: int
    alert_id: int
    brand: str
    brand_name: str
    published_at: datetime
    published_by: str
    title: str
    text: str
    language: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "alert_id": self.alert_id, "brand": self.brand, "brand_name": self.brand_name,
                "published_at": self.published_at.isoformat(), "title": self.title, "text": self.text,
                "language": self.language}  # fmt: skip


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _version(row: Any) -> Version:
    return Version(
        row.id, row.alert_id, row.version, row.language, row.text, row.author, row.created_at,
        dict(row.findings or {}), row.sha256, row.approved_by, row.approved_at,
    )  # fmt: skip


def _alert(connection: Connection, alert_id: int) -> Any:
    row = connection.execute(
        select(alert.c.id, alert.c.level, brand.c.key, brand.c.name, brand.c.id.label("brand_id"))
        .join(brand, brand.c.id == alert.c.brand_id)
        .where(alert.c.id == alert_id)
    ).first()
    if row is None:
        raise RoomError(f"no alert #{alert_id} in this workspace ('ascua alerts' lists them)")
    return row


def save_statement(
    connection: Connection, alert_id: int, text: str, *, author: str, lang: str = "auto",
    at: datetime | None = None,
) -> Version:  # fmt: skip
    """Store ``text`` as the next version of the alert's statement, with the checker's findings."""
    _alert(connection, alert_id)
    text = text.strip()
    try:
        report = check_statement(text, lang)
    except StatementError as error:
        raise RoomError(str(error)) from None
    number = (connection.execute(select(func.max(statement.c.version)).where(statement.c.alert_id == alert_id))
              .scalar() or 0) + 1  # fmt: skip
    when = at or utcnow()
    findings = report.as_json()
    connection.execute(
        statement.insert().values(
            alert_id=alert_id, version=number, language=report.lang, text=text, author=author, created_at=when,
            findings=findings, sha256=_digest(text),
        )
    )  # fmt: skip
    summary = f"statement v{number} ({report.lang}) saved: {report.met} of 9 principles met"
    if report.violated:
        summary += f", {report.violated} violated"
    record(connection, alert_id, "statement", summary, actor=author, at=when, version=number)
    return statement_version(connection, alert_id, number)


def statement_versions(connection: Connection, alert_id: int) -> list[Version]:
    query = select(statement).where(statement.c.alert_id == alert_id).order_by(statement.c.version)
    return [_version(row) for row in connection.execute(query)]


def statement_version(connection: Connection, alert_id: int, number: int | None = None) -> Version:
    """A version of the alert's statement (``None``: the latest)."""
    versions = statement_versions(connection, alert_id)
    if not versions:
        raise RoomError(f"alert #{alert_id} has no statement yet ('ascua statement save {alert_id} --file …')")
    if number is None:
        return versions[-1]
    for version in versions:
        if version.version == number:
            return version
    raise RoomError(f"alert #{alert_id} has no statement v{number} (it has v1 to v{versions[-1].version})")


def approvers(plan: Plan | None) -> list[str]:
    if plan is None:
        return []
    return [person.name for person in (plan.spokesperson, plan.backup_spokesperson) if person is not None]


def approve_statement(
    connection: Connection, alert_id: int, number: int | None, *, by: str, plan: Plan | None,
    despite: str | None = None, at: datetime | None = None, authorised: bool = False,
) -> Version:  # fmt: skip
    """The spokesperson approves a version: it is frozen in the timeline and can go out.

    ``by`` must be the plan's spokesperson or backup, unless ``authorised``: the caller has
    checked that ``by`` holds the approving role some other way (a dashboard account with the
    spokesperson or admin role)."""
    allowed = approvers(plan)
    if not authorised and by not in allowed:
        who = " or ".join(allowed) if allowed else "nobody: the plan names no spokesperson"
        raise RoomError(f"only the spokesperson approves a statement ({who}), not {by!r}")
    version = statement_version(connection, alert_id, number)
    if version.approved_at is not None:
        raise RoomError(f"statement v{version.version} was already approved by {version.approved_by}")
    if version.violated and not (despite and despite.strip()):
        raise RoomError(
            f"statement v{version.version} violates: {', '.join(version.violated)}; fix the text "
            '(ascua statement check) or approve it giving the reason (--despite "…")'
        )
    when = at or utcnow()
    connection.execute(statement.update().where(statement.c.id == version.id).values(approved_by=by, approved_at=when))
    summary = f"statement v{version.version} approved (sha256 {version.sha256[:12]}…)"
    if despite:
        summary += f" despite {', '.join(version.violated)}: {despite.strip()}"
    record(connection, alert_id, "approved", summary, actor=by, at=when, version=version.version,
           sha256=version.sha256, text=version.text, despite=despite)  # fmt: skip
    if _has_room(connection, alert_id):
        check_step(connection, alert_id, "set_message", by=by, at=when, note=f"statement v{version.version}")
    return statement_version(connection, alert_id, version.version)


def _has_room(connection: Connection, alert_id: int) -> bool:
    from ascua.store.schema import crisis_room

    return connection.execute(select(crisis_room.c.id).where(crisis_room.c.alert_id == alert_id)).first() is not None


def _approved(connection: Connection, alert_id: int, number: int | None) -> Version:
    versions = [v for v in statement_versions(connection, alert_id) if v.approved_at is not None]
    if number is not None:
        versions = [v for v in versions if v.version == number]
    if not versions:
        which = f"v{number}" if number is not None else "version"
        raise RoomError(f"no approved statement {which} for alert #{alert_id}: the spokesperson approves it first "
                        f"(ascua statement approve {alert_id})")  # fmt: skip
    version = versions[-1]
    if _digest(version.text) != version.sha256:
        raise RoomError(f"statement v{version.version} changed after its approval: approve it again")
    return version


def _title(text: str, brand_name: str) -> str:
    first = text.split("\n", 1)[0].split(". ", 1)[0].strip()
    if len(first) > 90:
        first = first[:89].rsplit(" ", 1)[0] + "…"
    return f"{brand_name}: {first}" if first else brand_name


def publish_statement(
    escalation: Escalation, alert_id: int, number: int | None = None, *, by: str, public_url: str,
    title: str | None = None, at: datetime | None = None,
) -> Publication:  # fmt: skip
    """Publish an approved version on the public crisis-update page and every corporate
    channel's webhook (recorded as deliveries, retried like any message)."""
    plan = escalation.plan.get()
    when = at or escalation.clock()
    with escalation.engine.begin() as connection:
        facts = _alert(connection, alert_id)
        version = _approved(connection, alert_id, number)
        headline = (title or "").strip() or _title(version.text, facts.name)
        result = connection.execute(
            publication.insert().values(
                alert_id=alert_id, statement_id=version.id, brand_id=facts.brand_id, published_at=when,
                published_by=by, title=headline, text=version.text, language=version.language,
            )
        )  # fmt: skip
        assert result.inserted_primary_key is not None
        publication_id = int(result.inserted_primary_key[0])
        link = f"{public_url.rstrip('/')}{PUBLIC_PATH}#update-{publication_id}"
        record(connection, alert_id, "published", f"statement v{version.version} published on the crisis-update page",
               actor=by, at=when, version=version.version, publication=publication_id, url=link)  # fmt: skip
        if _has_room(connection, alert_id):
            check_step(connection, alert_id, "publish", by=by, at=when, note=link)
        pending = []
        for channel in plan.channels if plan is not None else []:
            if channel.webhook:
                route = channel_route(channel.name, channel.webhook)
                body = f"{version.text}\n\n{link}"
                pending.append(escalation.queue(connection, alert_id, "publication", route, Level.parse(facts.level),
                                                0, headline, body, when))  # fmt: skip
    escalation.send_all(pending)
    with escalation.engine.connect() as connection:
        return publications(connection, alert_id=alert_id, limit=1)[0]


def send_statement(
    escalation: Escalation, alert_id: int, number: int | None = None, *, by: str, public_url: str,
    groups: list[str] | None = None, at: datetime | None = None,
) -> dict[str, dict[str, int]]:  # fmt: skip
    """Send an approved version to the plan's stakeholder groups by their channel, one
    delivery per contact. Contacts that only a person can reach (a phone call, a page to
    edit) are recorded as ``manual``: the room lists them as things to do. Returns, per
    group, how many messages were queued and how many are by hand."""
    plan = escalation.plan.get()
    if plan is None or not plan.stakeholders:
        raise RoomError("the plan has no stakeholder groups ('stakeholders:' in plan.yaml)")
    chosen = groups or list(plan.stakeholders)
    unknown = [name for name in chosen if name not in plan.stakeholders]
    if unknown:
        known = ", ".join(plan.stakeholders)
        raise RoomError(f"no stakeholder group {', '.join(unknown)} in the plan (it has {known})")
    when = at or escalation.clock()
    counts: dict[str, dict[str, int]] = {}
    pending: list[tuple[int, Route]] = []
    with escalation.engine.begin() as connection:
        facts = _alert(connection, alert_id)
        version = _approved(connection, alert_id, number)
        level = Level.parse(facts.level)
        page = f"{public_url.rstrip('/')}{PUBLIC_PATH}"
        templates = plan.templates.get(version.language, {})
        for name in chosen:
            group = plan.stakeholders[name]
            template = templates.get(group.template or "") if group.template else None
            body = _fill(template, statement=version.text, brand=facts.name, url=page) if template \
                else f"{version.text}\n\n{page}"  # fmt: skip
            title = f"{facts.name}: " + ("comunicado" if version.language == "es" else "statement")
            counts[name] = {"queued": 0, "manual": 0, "unreachable": 0}
            for index, contact in enumerate(group.contacts):
                route = contact_route(name, group.channel, contact, escalation.alerts.email, index)
                if route is None:
                    why = "by hand" if group.channel in MANUAL_CHANNELS else "no SMTP server (alerts.email)"
                    connection.execute(
                        delivery.insert().values(
                            alert_id=alert_id, purpose="stakeholder", recipient=name, channel=group.channel,
                            address=contact if group.channel in ("email", "phone", "sms", "whatsapp") else
                            f"contacts[{index}]", level=level.label, step=0,
                            status="manual" if group.channel in MANUAL_CHANNELS else "unreachable", attempts=0,
                            last_error=why, title=title, body=body, created_at=when, updated_at=when,
                        )
                    )  # fmt: skip
                    counts[name]["manual" if group.channel in MANUAL_CHANNELS else "unreachable"] += 1
                    continue
                pending.append(escalation.queue(connection, alert_id, "stakeholder", route, level, 0, title, body,
                                                when))  # fmt: skip
                counts[name]["queued"] += 1
        parts = [_count_words(name, count) for name, count in counts.items()]
        record(connection, alert_id, "stakeholders", f"statement v{version.version} sent to " + ", ".join(parts),
               actor=by, at=when, version=version.version, groups=counts)  # fmt: skip
        if _has_room(connection, alert_id):
            check_step(connection, alert_id, "inform_stakeholders", by=by, at=when, note=", ".join(parts))
    escalation.send_all(pending)
    return counts


def _count_words(name: str, count: dict[str, int]) -> str:
    words = [f"{count['queued']} sent"]
    if count["manual"]:
        words.append(f"{count['manual']} by hand")
    if count["unreachable"]:
        words.append(f"{count['unreachable']} unreachable: no SMTP server (alerts.email)")
    return f"{name} ({', '.join(words)})"


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(template: str, **values: str) -> str:
    """A plan template with {statement}, {brand} and {url} filled in (other braces kept)."""
    try:
        return template.format_map(_Keep(values))
    except (ValueError, IndexError):  # a stray brace in the template: use it as written
        return template


def publications(
    connection: Connection, *, alert_id: int | None = None, brand_key: str | None = None, limit: int = 100
) -> list[Publication]:
    """Published updates, newest first."""
    query = (
        select(publication, brand.c.key, brand.c.name.label("brand_name"))
        .join(brand, brand.c.id == publication.c.brand_id)
        .order_by(publication.c.published_at.desc(), publication.c.id.desc())
        .limit(limit)
    )
    if alert_id is not None:
        query = query.where(publication.c.alert_id == alert_id)
    if brand_key is not None:
        query = query.where(brand.c.key == brand_key)
    return [
        Publication(row.id, row.alert_id, row.key, row.brand_name, row.published_at, row.published_by, row.title,
                    row.text, row.language)
        for row in connection.execute(query)
    ]  # fmt: skip
