"""The crisis plan (``plan.yaml`` next to ``ascua.yaml``) and how ready it is (BRIEF M5).

The plan names the crisis team, the spokesperson and a backup, the trusted advisors, the
stakeholder groups with their contacts and channel, the corporate channels with who
publishes there, the escalation rules and the message templates. :func:`load_plan`
validates it (a mistake names the file, the line and the field); :func:`readiness` reads
it as a crisis lead would the day before a crisis and lists what is missing, each with
how to fix it, and a score out of 100. ``ascua plan check`` prints both;
``ascua plan schema`` prints the plan's JSON Schema (docs/plan.schema.json).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator
from sqlalchemy import Engine

from ascua.config import ConfigError, Workspace, _expand_env, _Strict, read_located_yaml, validate_located
from ascua.i18n import N_

CHANNELS = (
    "email",
    "web",
    "phone",
    "sms",
    "chat",
    "whatsapp",
    "telegram",
    "slack",
    "teams",
    "webhook",
    "post",
    "social",
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s().-]{6,20}$")
REVIEW_MONTHS = 6


class Person(_Strict):
    name: str = Field(min_length=1)
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    chat: str | None = None
    languages: list[str] = Field(default_factory=list)
    # more ways to reach them, as Apprise URLs (tgram://…, slack://…, json://…); ${VAR} for tokens
    notify: list[str] = Field(default_factory=list, repr=False)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not _EMAIL.match(value):
            raise ValueError(f"{value!r} is not an e-mail address")
        return value

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        if value is not None and not _PHONE.match(value):
            raise ValueError(f"{value!r} is not a phone number (write it like +34 600 000 001)")
        return value


class StakeholderGroup(_Strict):
    channel: str
    contacts: list[str] = Field(default_factory=list)
    template: str | None = None

    @field_validator("channel")
    @classmethod
    def _channel(cls, value: str) -> str:
        if value not in CHANNELS:
            raise ValueError(f"the channel is one of {', '.join(CHANNELS)}")
        return value


class CorporateChannel(_Strict):
    name: str = Field(min_length=1)
    url: str
    publisher: str
    # the CMS's webhook: each published statement is POSTed there as JSON (an https:// address
    # or any Apprise URL; ${VAR} for its token)
    webhook: str | None = Field(None, repr=False)

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("the address of a channel starts with https:// (or http://)")
        return value


class EscalationRule(_Strict):
    level: Literal["watch", "incident", "crisis"]
    notify: list[str] = Field(min_length=1)
    after_minutes_unacknowledged: int | None = Field(None, ge=1, le=24 * 60)


class Plan(_Strict):
    """The crisis plan. Every field is described in docs/plan.md."""

    version: Literal[1] = 1
    reviewed: date | None = None
    team: list[Person] = Field(default_factory=list)
    spokesperson: Person | None = None
    backup_spokesperson: Person | None = None
    advisors: list[Person] = Field(default_factory=list)
    stakeholders: dict[str, StakeholderGroup] = Field(default_factory=dict)
    channels: list[CorporateChannel] = Field(default_factory=list)
    escalation: list[EscalationRule] = Field(default_factory=list)
    templates: dict[str, dict[str, str]] = Field(default_factory=dict)


N_("spokesperson"), N_("backup spokesperson"), N_("team"), N_("advisor")  # the roles, translated where shown


def roles(plan: Plan | None) -> list[tuple[str, str]]:
    """Who holds which role in a crisis, for the crisis room: (role, name), the spokesperson first."""
    if plan is None:
        return []
    found: list[tuple[str, str]] = []
    if plan.spokesperson is not None:
        found.append(("spokesperson", plan.spokesperson.name))
    if plan.backup_spokesperson is not None:
        found.append(("backup spokesperson", plan.backup_spokesperson.name))
    found += [(person.role or "team", person.name) for person in plan.team]
    found += [("advisor", person.name) for person in plan.advisors]
    return found


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of ``plan.yaml``."""
    schema = Plan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Ascua crisis plan (plan.yaml)"
    return schema


def load_plan(path: Path) -> Plan:
    """Read and validate a plan; a mistake is a :class:`~ascua.config.ConfigError` with file, line and field."""
    if not path.is_file():
        raise ConfigError(path, "no crisis plan here: 'ascua init' writes an example plan.yaml to start from")
    raw, lines = read_located_yaml(path.read_bytes(), path, "'ascua init' writes an example plan.yaml")
    return validate_located(Plan, _expand_env(raw, (), lines, path), lines, path)


Severity = Literal["critical", "important", "minor"]
_WEIGHT = {"critical": 25, "important": 10, "minor": 3}


@dataclass(slots=True)
class Finding:
    """One thing the plan lacks: ``problem`` and ``fix`` in English; ``messages`` and ``params``
    to say them in the reader's language."""

    severity: Severity
    field: str
    problem: str
    fix: str
    messages: tuple[str, str] = ("", "")
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def said(self, gettext: Callable[[str], str]) -> tuple[str, str]:
        """The problem and the fix, translated."""
        problem, fix = self.messages
        return gettext(problem).format(**self.params), gettext(fix).format(**self.params)

    def as_json(self) -> dict[str, str]:
        return {"severity": self.severity, "field": self.field, "problem": self.problem, "fix": self.fix}


@dataclass(slots=True)
class Readiness:
    score: int
    findings: list[Finding] = dataclasses.field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"score": self.score, "findings": [finding.as_json() for finding in self.findings]}


def readiness(
    plan: Plan, *, today: date, languages: list[str] | None = None, email_server: bool | None = None
) -> Readiness:
    """What the plan lacks for a crisis tomorrow, most serious first, and a score out of 100."""
    found: list[Finding] = []

    def add(severity: Severity, where: str, problem: str, fix: str, **params: Any) -> None:
        found.append(Finding(severity, where, problem.format(**params), fix.format(**params), (problem, fix), params))

    people = {person.name for person in [*plan.team, *plan.advisors]}
    for extra in (plan.spokesperson, plan.backup_spokesperson):
        if extra is not None:
            people.add(extra.name)
    speaker, backup = plan.spokesperson, plan.backup_spokesperson
    if speaker is None:
        add("critical", "spokesperson", N_("no spokesperson: nobody is named to speak for the company"),
            N_("name one under 'spokesperson:' with an e-mail and a phone"))  # fmt: skip
    else:
        if not speaker.phone:
            add("critical", "spokesperson.phone", N_("the spokesperson ({name}) has no phone"),
                N_("add 'phone:': in a crisis the spokesperson is called, not e-mailed"),
                name=speaker.name)  # fmt: skip
        if not speaker.email:
            add("important", "spokesperson.email", N_("the spokesperson ({name}) has no e-mail"),
                N_("add 'email:'"), name=speaker.name)  # fmt: skip
    if backup is None:
        add("important", "backup_spokesperson", N_("no backup spokesperson: if the spokesperson is away, no one"),
            N_("name a second person under 'backup_spokesperson:'"))  # fmt: skip
    elif speaker is not None and backup.name == speaker.name:
        add("important", "backup_spokesperson", N_("the backup spokesperson is the spokesperson"),
            N_("name a different person as backup"))  # fmt: skip
    elif not backup.phone:
        add("important", "backup_spokesperson.phone", N_("the backup spokesperson ({name}) has no phone"),
            N_("add 'phone:'"), name=backup.name)  # fmt: skip
    if not plan.team:
        add("critical", "team", N_("the crisis team is empty"),
            N_("list the people under 'team:' with their role and contacts"))  # fmt: skip
    for index, person in enumerate(plan.team):
        where = f"team[{index}]"
        if not person.email and not person.phone and not person.chat:
            add("critical", where, N_("{name} cannot be reached: no e-mail, phone or chat"),
                N_("add at least an e-mail and a phone"), name=person.name)  # fmt: skip
        elif not person.phone:
            add("minor", f"{where}.phone", N_("{name} has no phone"), N_("add 'phone:' for a call at night"),
                name=person.name)  # fmt: skip
        if not person.role:
            add("minor", f"{where}.role", N_("{name} has no role"), N_("say what they do in a crisis ('role:')"),
                name=person.name)  # fmt: skip
    roles = " ".join((person.role or "").lower() for person in plan.team)
    for role, words in (
        ("crisis lead", ("lead", "líder", "lider", "responsable", "director", "jefe", "coordin")),
        ("community manager", ("community", "social", "redes", "cm")),
    ):
        if plan.team and not any(word in roles for word in words):
            add("important", "team", N_("nobody holds the role of {role}"),
                N_("give the role to someone in 'team:' (role: {role})"), role=role)  # fmt: skip
    for index, advisor in enumerate(plan.advisors):
        if not advisor.email and not advisor.phone:
            add("minor", f"advisors[{index}]", N_("the advisor {name} has no e-mail or phone"), N_("add one"),
                name=advisor.name)  # fmt: skip
    if not plan.advisors:
        add("minor", "advisors", N_("no trusted advisors (legal, operations…)"), N_("list them under 'advisors:'"))
    if not plan.stakeholders:
        add("critical", "stakeholders", N_("no stakeholder groups: nobody would be informed"),
            N_("list employees, clients, journalists… under 'stakeholders:'"))  # fmt: skip
    for name, group in plan.stakeholders.items():
        where = f"stakeholders.{name}"
        if not group.contacts:
            add("important", f"{where}.contacts", N_("the stakeholder group '{group}' has no contacts"),
                N_("add who to tell, or remove the group"), group=name)  # fmt: skip
        for position, contact in enumerate(group.contacts):
            if not _reachable(group.channel, contact):
                add("important", f"{where}.contacts[{position}]", N_("'{contact}' cannot be reached by {channel}"),
                    N_("write a contact {channel} can use (e-mail address, https:// page, phone…)"),
                    contact=contact, channel=group.channel)  # fmt: skip
    for expected in ("employees", "clients", "journalists"):
        if plan.stakeholders and expected not in plan.stakeholders:
            add("minor", "stakeholders", N_("no '{group}' group"), N_("add '{group}:' with its channel and contacts"),
                group=expected)  # fmt: skip
    if not plan.channels:
        add("important", "channels", N_("no corporate channel to publish the statement on"),
            N_("add the blog, web or newsroom under 'channels:' with who publishes there"))  # fmt: skip
    for index, channel in enumerate(plan.channels):
        if channel.publisher not in people:
            add("important", f"channels[{index}].publisher",
                N_("the publisher of '{channel}' ({name}) is not in the plan"),
                N_("name someone of the team, the spokesperson or an advisor"),
                channel=channel.name, name=channel.publisher)  # fmt: skip
    levels = {rule.level for rule in plan.escalation}
    for level in ("incident", "crisis"):
        if level not in levels:
            add("critical", "escalation", N_("no escalation rule for {level}: nobody would be told"),
                N_("add '- level: {level}' with 'notify:' and 'after_minutes_unacknowledged:'"),
                level=level)  # fmt: skip
    for index, rule in enumerate(plan.escalation):
        for name in rule.notify:
            if name not in people:
                add("important", f"escalation[{index}].notify", N_("'{name}' ({level}) is not in the plan"),
                    N_("notify someone of the team, the spokesperson or an advisor, by name"),
                    name=name, level=rule.level)  # fmt: skip
        if rule.level != "watch" and rule.after_minutes_unacknowledged is None:
            add("minor", f"escalation[{index}].after_minutes_unacknowledged",
                N_("the {level} rule never escalates when nobody acknowledges"),
                N_("add 'after_minutes_unacknowledged:' (e.g. 15)"), level=rule.level)  # fmt: skip
    if email_server is not None:
        named = dict.fromkeys(name for rule in plan.escalation for name in rule.notify if name in people)
        unreachable = [name for name in named if not _radar_reaches(plan, name, email_server)]
        if unreachable:
            add("important", "escalation",
                N_("the radar cannot reach {names}: no e-mail server and no 'notify:' URL"),
                N_("set alerts.email in ascua.yaml (the SMTP server that e-mails them), or give each a 'notify:' URL"),
                names=", ".join(unreachable))  # fmt: skip
    for lang in languages or []:
        if not plan.templates.get(lang):
            add("important", f"templates.{lang}", N_("no message templates in '{lang}'"),
                N_("add a holding statement under 'templates: {lang}:'"), lang=lang)  # fmt: skip
    if plan.reviewed is None:
        add("important", "reviewed", N_("the plan does not say when its contacts were last reviewed"),
            N_("review them and write the date: 'reviewed: YYYY-MM-DD'"))  # fmt: skip
    else:
        months = (today.year - plan.reviewed.year) * 12 + today.month - plan.reviewed.month
        if months > REVIEW_MONTHS:
            add("important", "reviewed", N_("the contacts were last reviewed {months} months ago ({date})"),
                N_("check every phone and e-mail, then update 'reviewed:' (every {limit} months)"),
                months=months, date=str(plan.reviewed), limit=REVIEW_MONTHS)  # fmt: skip
        elif plan.reviewed > today:
            add("minor", "reviewed", N_("the review date {date} is in the future"), N_("write the real date"),
                date=str(plan.reviewed))  # fmt: skip
    order = {"critical": 0, "important": 1, "minor": 2}
    found.sort(key=lambda finding: order[finding.severity])
    score = max(0, 100 - sum(_WEIGHT[finding.severity] for finding in found))
    return Readiness(score, found)


def _radar_reaches(plan: Plan, name: str, email_server: bool) -> bool:
    for person in [*plan.team, *plan.advisors, plan.spokesperson, plan.backup_spokesperson]:
        if person is not None and person.name == name:
            return bool(person.notify) or (bool(person.email) and email_server)
    return False


def _reachable(channel: str, contact: str) -> bool:
    if channel == "email":
        return bool(_EMAIL.match(contact))
    if channel in ("web", "webhook", "social", "post"):
        return contact.startswith(("https://", "http://")) or channel == "post"
    if channel in ("phone", "sms", "whatsapp"):
        return bool(_PHONE.match(contact))
    return bool(contact.strip())


def workspace_readiness(workspace: Workspace, today: date) -> Readiness:
    """The readiness of the workspace's plan, for the brands' languages."""
    plan = load_plan(workspace.plan_path)
    languages = sorted({lang for brand in workspace.config.brands for lang in brand.languages})
    return readiness(plan, today=today, languages=languages, email_server=workspace.config.alerts.email is not None)


def remember_readiness(engine: Engine, report: Readiness) -> Readiness | None:
    """Keep the plan's latest readiness in the database; the one kept before (or ``None``)."""
    import json

    from sqlalchemy import select

    from ascua.store.schema import setting

    value = json.dumps({"score": report.score, "fields": [[f.field, f.problem] for f in report.findings]})
    with engine.begin() as connection:
        before = connection.execute(select(setting.c.value).where(setting.c.key == "plan_readiness")).scalar()
        if before is None:
            connection.execute(setting.insert().values(key="plan_readiness", value=value))
        else:
            connection.execute(setting.update().where(setting.c.key == "plan_readiness").values(value=value))
    if before is None:
        return None
    try:
        data = json.loads(before)
        known = [Finding("minor", field, problem, "") for field, problem in data["fields"]]
        return Readiness(int(data["score"]), known)
    except (ValueError, KeyError, TypeError):  # kept by another version: start again
        return None
