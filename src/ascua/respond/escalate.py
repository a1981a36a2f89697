"""Alerting the team (BRIEF M4): who is told, how, and what happens when nobody answers.

Each alert event goes, through Apprise, to the config's targets (``alerts.targets``, at or
above their level) and to the people the plan's escalation rule for that level names. A
rule with ``after_minutes_unacknowledged`` tells its first person, then the next one each
time that delay passes without an acknowledgement; a rule without it tells everybody at
once. A person is reached by e-mail (their ``email`` through ``alerts.email``, the SMTP
server) and by every Apprise URL of their ``notify`` list.

Every message is a ``delivery`` row, one per recipient: sent, retrying (with exponential
backoff and jitter), failed after ``alerts.retries`` attempts, or unreachable; each attempt
is in the alert's timeline. Messages go out in parallel, so a dead server never holds up
the others. A delivery row says where in words (an e-mail address, a target's name): the
URLs, which may carry tokens, are looked up in the config and plan when sending and are
never stored, logged or shown.
"""

from __future__ import annotations

import gettext
import logging
import random
import secrets
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.exc import IntegrityError

from ascua.config import AlertsConfig, ConfigError
from ascua.explain.text import short_form
from ascua.i18n import N_
from ascua.model import AlertEvent, Level, utcnow
from ascua.respond.notify import alert_title
from ascua.respond.plan import EscalationRule, Person, Plan, load_plan
from ascua.respond.room import acknowledge, record
from ascua.store.schema import alert, delivery, setting

log = logging.getLogger(__name__)

ACK_MAX_AGE = 14 * 24 * 3600  # seconds an acknowledgement link stays valid
FIRST_RETRY = 30.0  # seconds before the second attempt; each later one waits four times longer
STALE = timedelta(hours=6)  # an alert event older than this (an import of past posts) pages nobody


class PlanSource:
    """The crisis plan, read again when its file changes. A plan with an error is logged
    (file, line, field) and the last valid one stays in force: the radar keeps running."""

    def __init__(self, path: Path):
        self.path = path
        self._plan: Plan | None = None
        self._stamp: tuple[int, int] | None = None
        self.error: ConfigError | None = None
        self._lock = threading.Lock()

    def get(self) -> Plan | None:
        with self._lock:
            try:
                stat = self.path.stat()
                stamp: tuple[int, int] | None = (stat.st_mtime_ns, stat.st_size)
            except OSError:
                stamp = None
            if stamp != self._stamp:
                self._stamp = stamp
                try:
                    plan = load_plan(self.path)
                except ConfigError as error:
                    self.error = error
                    kept = "the last valid plan stays in force" if self._plan else "no plan in force"
                    log.error("the crisis plan has an error (%s): %s", kept, error)
                else:
                    if self._plan is not None:
                        log.info("crisis plan %s reloaded", self.path.name)
                    self._plan, self.error = plan, None
            return self._plan


@dataclass(frozen=True, slots=True)
class Route:
    """One way to reach a recipient. ``url`` is secret: it is never stored or shown."""

    recipient: str
    channel: str  # email | apprise
    address: str
    url: str = field(repr=False)


def with_recipient(email_url: str, to: str) -> str:
    """The SMTP server's Apprise URL, sending to ``to``."""
    parts = urlsplit(email_url)
    query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if key != "to"]
    query.append(("to", to))
    return urlunsplit(parts._replace(query=urlencode(query)))


def person_routes(person: Person, email_url: str | None) -> list[Route]:
    routes = []
    if person.email and email_url:
        routes.append(Route(person.name, "email", person.email, with_recipient(email_url, person.email)))
    for index, url in enumerate(person.notify):
        scheme = url.split("://", 1)[0]
        routes.append(Route(person.name, "apprise", f"{scheme} (notify[{index}])", url))
    return routes


# the states and purposes of a delivery, translated where they are shown
DELIVERY_WORDS = (N_("pending"), N_("sent"), N_("retrying"), N_("failed"), N_("unreachable"), N_("manual"),
                  N_("alert"), N_("escalation"), N_("stakeholder"), N_("publication"))  # fmt: skip
MANUAL_CHANNELS = ("web", "phone", "sms", "whatsapp", "post", "social")


def _apprise_url(url: str) -> str:
    """A plain https:// webhook address as the Apprise JSON webhook it is (jsons://…)."""
    if url.startswith("https://"):
        return "jsons://" + url.removeprefix("https://")
    if url.startswith("http://"):
        return "json://" + url.removeprefix("http://")
    return url


def contact_route(group: str, channel: str, contact: str, email_url: str | None, index: int = 0) -> Route | None:
    """How to send to one contact of a stakeholder group; ``None``: by hand (a call, a page to edit)
    or, for e-mail, when no SMTP server is configured."""
    if channel == "email":
        return Route(group, "email", contact, with_recipient(email_url, contact)) if email_url else None
    if channel in MANUAL_CHANNELS or "://" not in contact:
        return None
    parts = urlsplit(contact)
    shown = parts.scheme  # only web hosts are shown: other URLs (slack://, tgram://…) are all token
    if parts.scheme in ("https", "http", "json", "jsons") and parts.hostname:
        shown += f"://{parts.hostname}"
    return Route(group, "apprise", f"contacts[{index}] ({shown})", _apprise_url(contact))


def channel_route(name: str, webhook: str) -> Route:
    """The CMS webhook of a corporate channel."""
    return Route(f"channel {name}", "apprise", f"{name} webhook", _apprise_url(webhook))


def rule_for(plan: Plan | None, level: Level) -> EscalationRule | None:
    """The plan's rule for an alert at ``level``: its own, else the highest one below it."""
    if plan is None:
        return None
    rules = [rule for rule in plan.escalation if Level.parse(rule.level) <= level]
    return max(rules, key=lambda rule: Level.parse(rule.level)) if rules else None


def people_of(plan: Plan) -> dict[str, Person]:
    everyone: dict[str, Person] = {}
    for person in [*plan.advisors, *plan.team]:
        everyone.setdefault(person.name, person)
    for speaker in (plan.backup_spokesperson, plan.spokesperson):
        if speaker is not None:
            everyone[speaker.name] = speaker
    return everyone


def signing_key(engine: Engine) -> str:
    """The workspace's key for acknowledgement links, made on first use and kept in the database."""
    query = select(setting.c.value).where(setting.c.key == "signing_key")
    try:
        with engine.begin() as connection:
            key = connection.execute(query).scalar()
            if key is None:
                key = secrets.token_urlsafe(32)
                connection.execute(setting.insert().values(key="signing_key", value=key))
            return str(key)
    except IntegrityError:  # another process made it at the same moment: use theirs
        with engine.connect() as connection:
            return str(connection.execute(query).scalar_one())


class Links:
    """The addresses in a message: the alert's crisis room and a personal acknowledgement link."""

    def __init__(self, base: str, key: str):
        from itsdangerous import URLSafeTimedSerializer

        self.base = base.rstrip("/")
        self._signer = URLSafeTimedSerializer(key, salt="ascua-ack")

    def room(self, alert_id: int) -> str:
        return f"{self.base}/alerts/{alert_id}"

    def ack(self, alert_id: int, recipient: str) -> str:
        return f"{self.base}/ack/{self._signer.dumps({'alert': alert_id, 'by': recipient})}"

    def read_ack(self, token: str, max_age: int = ACK_MAX_AGE) -> tuple[int, str]:
        """The alert and person of an acknowledgement link; ``ValueError`` when forged or expired."""
        from itsdangerous import BadData

        try:
            data = self._signer.loads(token, max_age=max_age)
            return int(data["alert"]), str(data["by"])
        except (BadData, KeyError, TypeError, ValueError) as error:
            raise ValueError("this acknowledgement link is not valid or has expired") from error


class _ThreadLogs(logging.Handler):
    """Keeps Apprise's warnings per thread, to say why a message was not delivered."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.local = threading.local()

    def emit(self, record: logging.LogRecord) -> None:
        lines = getattr(self.local, "lines", None)
        if lines is not None:
            lines.append(record.getMessage())

    @contextmanager
    def capture(self) -> Iterator[list[str]]:
        self.local.lines = []
        try:
            yield self.local.lines
        finally:
            self.local.lines = None


_apprise_logs = _ThreadLogs()
logging.getLogger("apprise").addHandler(_apprise_logs)


def _redacted(text: str, url: str) -> str:
    """``text`` without any part of ``url`` that could be a secret."""
    parts = urlsplit(url)
    secret = [parts.password or "", parts.username or "", *parts.path.split("/")]
    secret += [value for _key, value in parse_qsl(parts.query)]
    for piece in sorted((piece for piece in secret if len(piece) >= 4), key=len, reverse=True):
        text = text.replace(piece, "…")
    return text[:300]


def deliver(url: str, title: str, body: str) -> str | None:
    """Send one message through Apprise; ``None`` when delivered, else why not (no secrets in it)."""
    import apprise

    sender = apprise.Apprise()
    if not sender.add(url):
        return "its URL is not a valid Apprise URL"
    with _apprise_logs.capture() as lines:
        try:
            delivered = sender.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT)
        except Exception as error:  # a broken target must not stop the radar or the other messages
            return f"{type(error).__name__} while sending"
    if delivered:
        return None
    reason = lines[-1] if lines else "the service did not accept the message"
    return _redacted(reason, url)


class Escalation:
    """The notifier of the team: records, sends, retries and escalates every alert message.

    ``notify`` handles one alert event (the pipeline calls it off its own thread); ``tick``,
    called every few seconds while the radar runs, escalates what nobody acknowledged in
    time and retries failed messages whose time has come.
    """

    def __init__(
        self,
        engine: Engine,
        alerts: AlertsConfig,
        plan: PlanSource,
        translations: gettext.NullTranslations,
        links: Links | None,
        zone: tzinfo = UTC,
        clock: Callable[[], datetime] = utcnow,
        send: Callable[[str, str, str], str | None] = deliver,
    ):
        self.engine = engine
        self.alerts = alerts
        self.plan = plan
        self._ = translations.gettext
        self.links = links
        self.zone = zone
        self.clock = clock
        self.send = send
        self._lock = threading.Lock()  # one notify or tick at a time: steps are decided in order

    # --- what to send -------------------------------------------------------------------

    def _body(self, event: AlertEvent, recipient: str | None) -> str:
        _ = self._
        body = event.reason
        if event.explanation is not None:
            body += "\n\n" + "\n".join(short_form(event.explanation, _, self.zone))
        if self.links is not None:
            body += "\n\n" + _("Crisis room: {url}").format(url=self.links.room(event.alert_id))
            if recipient is not None:
                body += "\n" + _("Acknowledge (stops the escalation): {url}").format(
                    url=self.links.ack(event.alert_id, recipient)
                )
        return body

    def routes(self, plan: Plan | None) -> dict[tuple[str, str], Route]:
        """Every route the config and plan give, by (recipient, address)."""
        routes = {(t.name, t.name): Route(t.name, "apprise", t.name, t.url) for t in self.alerts.targets}
        if plan is not None:
            for person in people_of(plan).values():
                for route in person_routes(person, self.alerts.email):
                    routes[(route.recipient, route.address)] = route
            for name, group in plan.stakeholders.items():
                for index, contact in enumerate(group.contacts):
                    found = contact_route(name, group.channel, contact, self.alerts.email, index)
                    if found is not None:
                        routes[(found.recipient, found.address)] = found
            for channel in plan.channels:
                if channel.webhook:
                    hook = channel_route(channel.name, channel.webhook)
                    routes[(hook.recipient, hook.address)] = hook
        return routes

    def notify(self, event: AlertEvent) -> None:
        with self._lock:
            plan = self.plan.get()
            now = self.clock()
            if now - event.at > STALE:
                # an import of last month's posts must not page the team about last month's waves
                with self.engine.begin() as connection:
                    record(connection, event.alert_id, "delivery",
                           f"nobody notified: the alert event is from {event.at:%Y-%m-%d %H:%M} UTC, "
                           "in the past (an import or a replay of old posts)", at=now, status="past")  # fmt: skip
                return
            title = f"[Ascua] {alert_title(event, self._)}"
            peak = max(event.level, event.previous)
            pending: list[tuple[int, Route]] = []
            with self.engine.begin() as connection:
                for target in self.alerts.targets:
                    if peak >= Level.parse(target.min_level):
                        route = Route(target.name, "apprise", target.name, target.url)
                        ack = event.change in ("opened", "escalated")
                        body = self._body(event, target.name if ack else None)
                        pending.append(
                            self.queue(connection, event.alert_id, "alert", route, event.level, 0, title, body, now)
                        )
                if event.change in ("opened", "escalated"):
                    rule = rule_for(plan, event.level)
                    if plan is not None and rule is not None:
                        if rule.after_minutes_unacknowledged is None:
                            for name in rule.notify:
                                pending += self._queue_person(connection, plan, event, name, 0, "alert", title, now)
                        else:  # the first person who can be reached; the others if nobody acknowledges
                            for step, name in enumerate(rule.notify):
                                found = self._queue_person(connection, plan, event, name, step, "alert", title, now)
                                pending += found
                                if found:
                                    break
                elif event.change == "resolved":
                    told = connection.execute(
                        select(delivery.c.recipient, delivery.c.address)
                        .where(delivery.c.alert_id == event.alert_id, delivery.c.status == "sent",
                               delivery.c.purpose.in_(("alert", "escalation")))
                        .distinct()
                    ).all()  # fmt: skip
                    routes = self.routes(plan)
                    targets = {t.name for t in self.alerts.targets}
                    for recipient, address in told:
                        known = routes.get((recipient, address))
                        if known is not None and known.recipient not in targets:
                            body = self._body(event, None)
                            pending.append(
                                self.queue(connection, event.alert_id, "resolved", known, event.level, 0, title,
                                            body, now)
                            )  # fmt: skip
            self.send_all(pending)

    def _queue_person(
        self, connection: Connection, plan: Plan, event: AlertEvent | None, name: str, step: int, purpose: str,
        title: str, now: datetime, alert_id: int | None = None, level: Level | None = None,
        body: str | None = None,
    ) -> list[tuple[int, Route]]:  # fmt: skip
        alert_id = event.alert_id if event is not None else alert_id
        level = event.level if event is not None else level
        assert alert_id is not None and level is not None
        person = people_of(plan).get(name)
        routes = person_routes(person, self.alerts.email) if person is not None else []
        if not routes:
            if person is None:
                why = "is not in the plan"
            elif person.email:
                why = "has only an e-mail, and alerts.email (the SMTP server) is not set in ascua.yaml"
            else:
                why = "has no e-mail or notify URL in the plan"
            connection.execute(
                delivery.insert().values(
                    alert_id=alert_id, purpose=purpose, recipient=name, channel="none", address="", level=level.label,
                    step=step, status="unreachable", attempts=0, last_error=f"{name} {why}", title=title, body="",
                    created_at=now, updated_at=now,
                )
            )  # fmt: skip
            record(connection, alert_id, "delivery", f"{name} cannot be reached: {why}", at=now, recipient=name,
                   status="unreachable", step=step)  # fmt: skip
            return []
        text = body if body is not None else self._body(event, name) if event is not None else ""
        return [self.queue(connection, alert_id, purpose, route, level, step, title, text, now) for route in routes]

    def queue(
        self, connection: Connection, alert_id: int, purpose: str, route: Route, level: Level, step: int,
        title: str, body: str, now: datetime,
    ) -> tuple[int, Route]:  # fmt: skip
        result = connection.execute(
            delivery.insert().values(
                alert_id=alert_id, purpose=purpose, recipient=route.recipient, channel=route.channel,
                address=route.address, level=level.label, step=step, status="pending", attempts=0, title=title,
                body=body, created_at=now, updated_at=now,
            )
        )  # fmt: skip
        assert result.inserted_primary_key is not None
        return int(result.inserted_primary_key[0]), route

    # --- sending ------------------------------------------------------------------------

    def send_all(self, pending: Sequence[tuple[int, Route]]) -> None:
        if not pending:
            return
        if len(pending) == 1:
            self._attempt(*pending[0])
            return
        with ThreadPoolExecutor(max_workers=min(8, len(pending)), thread_name_prefix="ascua-deliver") as pool:
            list(pool.map(lambda item: self._attempt(*item), pending))

    def _attempt(self, delivery_id: int, route: Route) -> None:
        with self.engine.connect() as connection:
            row = connection.execute(select(delivery).where(delivery.c.id == delivery_id)).one()
        error = self.send(route.url, row.title, row.body)
        now = self.clock()
        attempts = row.attempts + 1
        values: dict[str, Any] = {"attempts": attempts, "updated_at": now}
        where = f"{route.recipient} ({route.address})" if route.address != route.recipient else route.recipient
        if error is None:
            values.update(status="sent", next_attempt_at=None, last_error=None)
            summary = f"{row.purpose} message sent to {where}"
        elif attempts < self.alerts.retries:
            wait = FIRST_RETRY * 4 ** (attempts - 1) * random.uniform(0.8, 1.2)
            values.update(status="retrying", last_error=error, next_attempt_at=now + timedelta(seconds=wait))
            summary = f"message to {where} not delivered (attempt {attempts} of {self.alerts.retries}): {error}"
            log.warning("alert #%s: %s", row.alert_id, summary)
        else:
            values.update(status="failed", last_error=error, next_attempt_at=None)
            summary = f"message to {where} failed after {attempts} attempts: {error}"
            log.error("alert #%s: %s", row.alert_id, summary)
        with self.engine.begin() as connection:
            connection.execute(delivery.update().where(delivery.c.id == delivery_id).values(**values))
            record(connection, row.alert_id, "delivery", summary, at=now, recipient=route.recipient,
                   address=route.address, channel=route.channel, status=values["status"], attempt=attempts,
                   purpose=row.purpose)  # fmt: skip

    # --- the clock ----------------------------------------------------------------------

    def tick(self) -> None:
        """Escalate what nobody acknowledged in time; retry the messages whose time has come."""
        with self._lock:
            now = self.clock()
            plan = self.plan.get()
            pending = self._escalations(plan, now) + self._retries(plan, now)
            self.send_all(pending)

    def _escalations(self, plan: Plan | None, now: datetime) -> list[tuple[int, Route]]:
        if plan is None:
            return []
        pending: list[tuple[int, Route]] = []
        with self.engine.begin() as connection:
            columns = (alert.c.id, alert.c.level, alert.c.acknowledged_level, alert.c.reason)
            waiting = connection.execute(select(*columns).where(alert.c.status == "open")).all()
            for row in waiting:
                level = Level.parse(row.level)
                if row.acknowledged_level is not None and Level.parse(row.acknowledged_level) >= level:
                    continue
                rule = rule_for(plan, level)
                if rule is None or rule.after_minutes_unacknowledged is None:
                    continue
                last = connection.execute(
                    select(delivery.c.step, func.max(delivery.c.created_at))
                    .where(delivery.c.alert_id == row.id, delivery.c.level == level.label,
                           delivery.c.purpose.in_(("alert", "escalation")))
                    .where(delivery.c.recipient.in_(rule.notify))
                    .group_by(delivery.c.step)
                    .order_by(delivery.c.step.desc())
                    .limit(1)
                ).first()  # fmt: skip
                if last is None:
                    continue
                step, at = int(last[0]), last[1]
                if now - at < timedelta(minutes=rule.after_minutes_unacknowledged) or step + 1 >= len(rule.notify):
                    continue
                title = "[Ascua] " + self._("{level} · alert #{id} not acknowledged").format(
                    level=self._(level.label).upper(), id=row.id
                )
                for next_step in range(step + 1, len(rule.notify)):
                    name = rule.notify[next_step]
                    record(connection, row.id, "escalation",
                           f"nobody acknowledged in {rule.after_minutes_unacknowledged} min: escalated to {name}",
                           at=now, recipient=name, step=next_step, level=level.label)  # fmt: skip
                    body = row.reason
                    if self.links is not None:
                        body += "\n\n" + self._("Crisis room: {url}").format(url=self.links.room(row.id))
                        body += "\n" + self._("Acknowledge (stops the escalation): {url}").format(
                            url=self.links.ack(row.id, name)
                        )
                    found = self._queue_person(connection, plan, None, name, next_step, "escalation", title, now,
                                               alert_id=row.id, level=level, body=body)  # fmt: skip
                    pending += found
                    if found:
                        break
        return pending

    def _retries(self, plan: Plan | None, now: datetime) -> list[tuple[int, Route]]:
        routes = self.routes(plan)
        pending = []
        with self.engine.begin() as connection:
            due = connection.execute(
                select(delivery.c.id, delivery.c.alert_id, delivery.c.recipient, delivery.c.address)
                .where(delivery.c.status == "retrying", delivery.c.next_attempt_at <= now)
            ).all()  # fmt: skip
            for row in due:
                route = routes.get((row.recipient, row.address))
                if route is None:
                    connection.execute(
                        delivery.update().where(delivery.c.id == row.id)
                        .values(status="failed", last_error="no longer in the config or plan", updated_at=now)
                    )  # fmt: skip
                    record(connection, row.alert_id, "delivery",
                           f"message to {row.recipient} dropped: no longer in the config or plan", at=now)  # fmt: skip
                    continue
                pending.append((int(row.id), route))
        return pending


def acknowledge_link(engine: Engine, links: Links, token: str) -> tuple[int, str, bool]:
    """Acknowledge from a message's link: (alert id, who, whether it changed anything)."""
    alert_id, by = links.read_ack(token)
    with engine.begin() as connection:
        changed = acknowledge(connection, alert_id, by=by, via="link")
    return alert_id, by, changed
