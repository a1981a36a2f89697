"""Alerting the team: real e-mail to a local SMTP server (aiosmtpd), a real HTTP webhook
receiver on 127.0.0.1, deliveries recorded, escalation when nobody acknowledges."""

from __future__ import annotations

import gettext
import json
import logging
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from ascua.config import AlertsConfig, AlertTarget, Workspace
from ascua.model import AlertEvent, Assessment, Level
from ascua.radar import Radar
from ascua.respond.alerts import AlertManager
from ascua.respond.escalate import Escalation, Links, PlanSource, acknowledge_link, signing_key
from ascua.respond.room import room_of, timeline
from ascua.store.schema import delivery

from .conftest import Mailbox, free_port, write_workspace

T0 = datetime(2026, 1, 5, 10, tzinfo=UTC)
REASON = "Vuelaya: 16 different people posted negatively <script>x</script>"
SECRET = "s3cr3t-smtp-pass"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 1, 5, 10, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def _setup(workspace: Workspace, alerts: AlertsConfig) -> tuple[Radar, Escalation, Clock, list[AlertEvent]]:
    radar = Radar.open(workspace)
    clock = Clock()
    links = Links("http://127.0.0.1:8450", signing_key(radar.database.engine))
    escalation = Escalation(
        radar.database.engine, alerts, PlanSource(workspace.plan_path), gettext.NullTranslations(), links,
        clock=clock,
    )  # fmt: skip
    manager = AlertManager(radar.database.engine, radar.brand_ids, {"vuelaya": "Vuelaya"}, "test")
    events = manager.process([Assessment("vuelaya", Level.INCIDENT, T0, REASON, {"negative_authors": 16})])
    return radar, escalation, clock, events


def _deliveries(radar: Radar) -> list[Any]:
    with radar.database.engine.connect() as connection:
        return list(connection.execute(select(delivery).order_by(delivery.c.id)))


def test_an_incident_reaches_the_webhook_target_and_the_first_person_of_the_plan_by_email(
    workspace: Workspace, smtp: Mailbox, webhook: tuple[str, list[dict[str, Any]]]
) -> None:
    address, received = webhook
    alerts = AlertsConfig(
        email=f"mailto://127.0.0.1:{smtp.port}?from=radar@example.com",
        targets=[
            AlertTarget(name="team-chat", url=f"json://{address}/hook", min_level="incident"),
            AlertTarget(name="crisis-only", url=f"json://{address}/crisis", min_level="crisis"),
        ],
    )
    radar, escalation, _clock, events = _setup(workspace, alerts)
    escalation.notify(events[0])
    # the webhook: level, reason, the room's link
    assert [m["path"] for m in received] == ["/hook"]
    assert received[0]["title"] == "[Ascua] INCIDENT · Vuelaya · alert #1 opened"
    assert "16 different people" in received[0]["message"] and "/alerts/1" in received[0]["message"]
    # the plan's incident rule: Daniel Ortega first (then Lucía Romero after 15 min without acknowledgement)
    assert [str(m["To"]) for m in smtp.messages] == ["daniel.ortega@example.com"]
    mail = smtp.messages[0]
    assert mail["Subject"] == "[Ascua] INCIDENT · Vuelaya · alert #1 opened"
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "http://127.0.0.1:8450/alerts/1" in text and "http://127.0.0.1:8450/ack/" in text
    html = mail.get_body(("html",))  # what the post says is text in the HTML part too
    assert html is not None and "<script>x</script>" not in html.get_content()
    assert "&lt;script&gt;" in html.get_content()
    rows = _deliveries(radar)
    assert {(r.recipient, r.status, r.attempts) for r in rows} == {
        ("team-chat", "sent", 1),
        ("Daniel Ortega", "sent", 1),
    }
    with radar.database.engine.connect() as connection:
        kinds = [entry.kind for entry in timeline(connection, 1)]
        room = room_of(connection, 1)
    assert kinds[:2] == ["opened", "room"] and kinds.count("delivery") == 2
    assert room is not None and room.status == "detected"
    radar.close()


def test_nobody_acknowledges_so_the_next_person_is_told_and_the_link_stops_the_escalation(
    tmp_path: Path, database_url: str, smtp: Mailbox
) -> None:
    workspace = write_workspace(tmp_path / "ws", sources=[], database=database_url)  # SQLite and PostgreSQL
    alerts = AlertsConfig(email=f"mailto://127.0.0.1:{smtp.port}?from=radar@example.com")
    radar, escalation, clock, events = _setup(workspace, alerts)
    escalation.notify(events[0])
    clock.now += timedelta(minutes=10)
    escalation.tick()
    assert len(smtp.messages) == 1  # 10 minutes: not yet
    clock.now += timedelta(minutes=6)
    escalation.tick()
    assert [str(m["To"]) for m in smtp.messages] == ["daniel.ortega@example.com", "lucia.romero@example.com"]
    assert "not acknowledged" in str(smtp.messages[1]["Subject"])
    # Lucía acknowledges from the link in her message
    body = smtp.messages[1].get_body(("plain",)).get_content()  # type: ignore[union-attr]
    token = body.split("/ack/")[1].split()[0]
    links = Links("http://127.0.0.1:8450", signing_key(radar.database.engine))
    assert acknowledge_link(radar.database.engine, links, token) == (1, "Lucía Romero", True)
    assert acknowledge_link(radar.database.engine, links, token)[2] is False  # twice changes nothing
    with pytest.raises(ValueError, match="not valid"):
        links.read_ack(token[:-3] + "xyz")
    clock.now += timedelta(hours=1)
    escalation.tick()
    assert len(smtp.messages) == 2
    with radar.database.engine.connect() as connection:
        entries = timeline(connection, 1)
        room = room_of(connection, 1)
    summaries = [entry.summary for entry in entries]
    assert any("escalated to Lucía Romero" in s for s in summaries)
    assert any(e.kind == "acknowledged" and e.actor == "Lucía Romero" for e in entries)
    assert room is not None and room.status == "acknowledged"
    radar.close()


def test_the_crisis_level_needs_a_new_acknowledgement_and_resolution_tells_who_was_told(
    workspace: Workspace, smtp: Mailbox
) -> None:
    alerts = AlertsConfig(email=f"mailto://127.0.0.1:{smtp.port}?from=radar@example.com")
    radar, escalation, clock, events = _setup(workspace, alerts)
    escalation.notify(events[0])
    links = Links("http://127.0.0.1:8450", signing_key(radar.database.engine))
    acknowledge_link(radar.database.engine, links, links.ack(1, "Daniel Ortega").rsplit("/", 1)[1])
    manager = AlertManager(radar.database.engine, radar.brand_ids, {"vuelaya": "Vuelaya"}, "test")
    crisis = manager.process([Assessment("vuelaya", Level.CRISIS, T0 + timedelta(hours=1), "a multitudinous wave")])
    escalation.notify(crisis[0])
    assert str(smtp.messages[-1]["To"]) == "lucia.romero@example.com"  # the crisis rule's first person
    clock.now += timedelta(minutes=11)
    escalation.tick()
    assert str(smtp.messages[-1]["To"]) == "marta.gil@example.com"  # the spokesperson, 10 min later
    resolved = manager.process([Assessment("vuelaya", Level.NORMAL, T0 + timedelta(hours=5), "calm again")])
    escalation.notify(resolved[0])
    told = {str(m["To"]) for m in smtp.messages[-3:]}
    assert told == {"daniel.ortega@example.com", "lucia.romero@example.com", "marta.gil@example.com"}
    assert all("resolved" in str(m["Subject"]) for m in smtp.messages[-3:])
    radar.close()


def test_a_dead_smtp_server_is_retried_and_recorded_never_blocking_the_webhook_nor_leaking_the_password(
    workspace: Workspace, webhook: tuple[str, list[dict[str, Any]]], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    address, received = webhook
    dead = free_port()
    alerts = AlertsConfig(
        email=f"mailto://radar:{SECRET}@127.0.0.1:{dead}?from=radar@example.com",
        targets=[AlertTarget(name="team-chat", url=f"json://{address}/hook?token={SECRET}", min_level="watch")],
        retries=3,
    )
    radar, escalation, clock, events = _setup(workspace, alerts)
    escalation.notify(events[0])
    assert len(received) == 1  # the webhook got its message although the SMTP server is dead
    mail = [r for r in _deliveries(radar) if r.channel == "email"]
    assert [(r.status, r.attempts) for r in mail] == [("retrying", 1)]
    assert mail[0].next_attempt_at is not None and mail[0].last_error
    clock.now += timedelta(seconds=20)
    escalation.tick()
    assert [r.attempts for r in _deliveries(radar) if r.channel == "email"] == [1]  # backoff: not yet
    for _attempt in range(2):
        clock.now += timedelta(minutes=15)
        escalation.tick()
    mail = [r for r in _deliveries(radar) if r.channel == "email" and r.recipient == "Daniel Ortega"]
    assert [(r.status, r.attempts) for r in mail] == [("failed", 3)]
    with radar.database.engine.connect() as connection:
        summaries = [e.summary for e in timeline(connection, 1) if e.kind == "delivery"]
    assert any("failed after 3 attempts" in s for s in summaries)
    stored = json.dumps([dict(r._mapping) for r in _deliveries(radar)], default=str) + " ".join(summaries)
    assert SECRET not in stored and SECRET not in caplog.text
    radar.close()


def test_a_person_who_cannot_be_reached_is_recorded_and_the_next_one_is_told_at_once(
    workspace: Workspace, smtp: Mailbox
) -> None:
    plan = workspace.plan_path.read_text(encoding="utf-8")
    workspace.plan_path.write_text(plan.replace("    email: daniel.ortega@example.com\n", ""), encoding="utf-8")
    alerts = AlertsConfig(email=f"mailto://127.0.0.1:{smtp.port}?from=radar@example.com")
    radar, escalation, _clock, events = _setup(workspace, alerts)
    escalation.notify(events[0])
    assert [str(m["To"]) for m in smtp.messages] == ["lucia.romero@example.com"]
    statuses = {(r.recipient, r.status) for r in _deliveries(radar)}
    assert statuses == {("Daniel Ortega", "unreachable"), ("Lucía Romero", "sent")}
    radar.close()


def test_a_broken_plan_edit_keeps_the_last_valid_plan_in_force(
    workspace: Workspace, caplog: pytest.LogCaptureFixture
) -> None:
    source = PlanSource(workspace.plan_path)
    plan = source.get()
    assert plan is not None and plan.spokesperson is not None
    text = workspace.plan_path.read_text(encoding="utf-8")
    workspace.plan_path.write_text(text.replace("level: crisis", "level: catastrophe"), encoding="utf-8")
    assert source.get() is plan
    assert source.error is not None and re.search(r"plan\.yaml:\d+: escalation\[2\]\.level", str(source.error))
    assert "last valid plan" in caplog.text
    workspace.plan_path.write_text(text.replace("Marta Gil", "Marta Gil Pérez"), encoding="utf-8")
    fixed = source.get()
    assert fixed is not None and fixed.spokesperson is not None and fixed.spokesperson.name == "Marta Gil Pérez"
    assert source.error is None


def test_an_import_of_past_posts_pages_nobody_about_past_waves(workspace: Workspace, smtp: Mailbox) -> None:
    alerts = AlertsConfig(email=f"mailto://127.0.0.1:{smtp.port}?from=radar@example.com")
    radar, escalation, clock, events = _setup(workspace, alerts)
    clock.now = T0 + timedelta(days=20)  # the wave was three weeks ago
    escalation.notify(events[0])
    clock.now += timedelta(hours=2)
    escalation.tick()
    assert smtp.messages == [] and _deliveries(radar) == []
    with radar.database.engine.connect() as connection:
        said = [e.summary for e in timeline(connection, 1) if e.kind == "delivery"]
    assert len(said) == 1 and "in the past" in said[0]
    radar.close()
