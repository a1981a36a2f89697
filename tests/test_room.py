"""The crisis room, statements and publication, on real databases, a real SMTP server, a
real webhook receiver, the real web app and the real command line."""

from __future__ import annotations

import gettext
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from typer.testing import CliRunner

from ascua.cli import app
from ascua.config import AlertsConfig, Workspace
from ascua.model import Assessment, Level
from ascua.radar import Radar
from ascua.respond.alerts import AlertManager
from ascua.respond.escalate import Escalation, Links, PlanSource, signing_key
from ascua.respond.publish import (
    approve_statement,
    publications,
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
    timeline,
)
from ascua.store.schema import delivery, statement
from ascua.web.app import create_app
from tests.conftest import logged_in

from .conftest import Mailbox, write_workspace

T0 = datetime(2026, 1, 5, 10, tzinfo=UTC)
GOOD = (
    "Nos equivocamos y lo sentimos mucho. Ayer cancelamos 40 vuelos sin aviso por un fallo en la planificación "
    "de tripulaciones. Hoy antes de las 18:00 ofreceremos a cada persona afectada el reembolso o un vuelo nuevo, "
    "y hemos cambiado el proceso para que no vuelva a ocurrir. <script>alert(1)</script>"
)
EVASIVE = "Sin comentarios. La culpa es de un proveedor externo."
runner = CliRunner()


def _alerts(radar: Radar, *levels: Level) -> list[int]:
    manager = AlertManager(radar.database.engine, radar.brand_ids, {"vuelaya": "Vuelaya", "frutalia": "Frutalia"}, "t")
    ids = []
    for index, level in enumerate(levels):
        brand = "vuelaya" if index == 0 else "frutalia"
        events = manager.process([Assessment(brand, level, T0 + timedelta(minutes=index), f"{brand} at {level.label}")])
        ids.append(events[0].alert_id)
    return ids


def test_a_room_opens_from_incident_and_keeps_its_status_checklist_and_timeline(
    tmp_path: Path, database_url: str
) -> None:
    workspace = write_workspace(tmp_path / "ws", sources=[], database=database_url)
    with Radar.open(workspace) as radar:
        incident, watch = _alerts(radar, Level.INCIDENT, Level.WATCH)
        engine = radar.database.engine
        with engine.begin() as connection:
            assert room_of(connection, watch) is None  # a watch is an early warning, not yet a room
            room = room_of(connection, incident)
            assert room is not None and room.status == "detected" and room.opened_by == "radar"
            assert [step.done for step in room.steps] == [False] * 7
            assert acknowledge(connection, incident, by="Daniel Ortega", via="cli") is True
            assert acknowledge(connection, incident, by="Lucía Romero", via="cli") is False
            set_owner(connection, incident, "Lucía Romero", by="Daniel Ortega")
            set_status(connection, incident, "responding", by="Lucía Romero", note="on it")
            with pytest.raises(RoomError, match="forward"):
                set_status(connection, incident, "acknowledged", by="Lucía Romero")
            with pytest.raises(RoomError, match="status is one of"):
                set_status(connection, incident, "panicking", by="Lucía Romero")
            check_step(connection, incident, "find_out", by="Daniel Ortega", note="a crew planning error")
            with pytest.raises(RoomError, match="checklist steps are"):
                check_step(connection, incident, "blame_someone", by="Daniel Ortega")
            add_note(connection, incident, "<b>press</b> called", by="Marta Gil")
            set_status(connection, incident, "monitoring", by="Lucía Romero")
            set_status(connection, incident, "responding", by="Lucía Romero", note="the wave is back")
            set_status(connection, incident, "resolved", by="Lucía Romero")
            set_lessons(connection, incident, "Answer within the hour.", by="Lucía Romero")
            with pytest.raises(RoomError, match="no crisis room"):
                set_owner(connection, watch, "x", by="y")
            assert open_room(connection, watch, by="Daniel Ortega") == open_room(connection, watch, by="someone")
            with pytest.raises(RoomError, match="no alert #999"):
                open_room(connection, 999)
        with engine.connect() as connection:
            room = room_of(connection, incident)
            entries = timeline(connection, incident)
            watch_room = room_of(connection, watch)
        assert room is not None and room.status == "resolved" and room.closed_at is not None
        assert room.owner == "Lucía Romero" and room.lessons == "Answer within the hour."
        assert (
            room.steps[0].done and room.steps[0].by == "Daniel Ortega" and room.steps[0].note == "a crew planning error"
        )
        assert watch_room is not None and watch_room.opened_by == "Daniel Ortega"
        kinds = [entry.kind for entry in entries]
        assert kinds[:2] == ["opened", "room"]
        assert kinds.count("status") == 5  # acknowledged, responding, monitoring, responding, resolved
        assert ("note", "Marta Gil", "<b>press</b> called") in [(e.kind, e.actor, e.summary) for e in entries]


def _plan_with_cms(workspace: Workspace, hook: str) -> None:
    text = workspace.plan_path.read_text(encoding="utf-8")
    text = text.replace(
        "    url: https://example.com/blog\n", f"    url: https://example.com/blog\n    webhook: {hook}\n"
    )
    workspace.plan_path.write_text(text, encoding="utf-8")


def test_only_the_spokesperson_approves_then_the_frozen_text_goes_to_stakeholders_the_cms_and_the_public_page(
    workspace: Workspace, smtp: Mailbox, webhook: tuple[str, list[dict[str, Any]]]
) -> None:
    address, received = webhook
    _plan_with_cms(workspace, f"http://{address}/cms")
    with Radar.open(workspace) as radar:
        (alert_id,) = _alerts(radar, Level.CRISIS)
        engine = radar.database.engine
        plan = PlanSource(workspace.plan_path).get()
        with engine.begin() as connection:
            bad = save_statement(connection, alert_id, EVASIVE, author="Daniel Ortega", lang="es")
            good = save_statement(connection, alert_id, GOOD, author="Daniel Ortega", lang="es")
        assert bad.version == 1 and "honest" in bad.violated and good.version == 2 and not good.violated
        escalation = Escalation(
            engine, AlertsConfig(email=f"mailto://127.0.0.1:{smtp.port}?from=radar@example.com"),
            PlanSource(workspace.plan_path), gettext.NullTranslations(), None,
        )  # fmt: skip
        with pytest.raises(RoomError, match="no approved statement"):
            publish_statement(escalation, alert_id, by="Marta Gil", public_url="http://127.0.0.1:8450")
        with engine.begin() as connection, pytest.raises(RoomError, match="only the spokesperson"):
            approve_statement(connection, alert_id, 2, by="Daniel Ortega", plan=plan)
        with engine.begin() as connection, pytest.raises(RoomError, match=r"violates: .*honest"):
            approve_statement(connection, alert_id, 1, by="Marta Gil", plan=plan)
        with engine.begin() as connection:
            approved = approve_statement(connection, alert_id, 2, by="Marta Gil", plan=plan)
        assert approved.approved_by == "Marta Gil"

        counts = send_statement(escalation, alert_id, by="Daniel Ortega", public_url="http://127.0.0.1:8450")
        assert counts["employees"] == {"queued": 1, "manual": 0, "unreachable": 0}
        assert counts["clients"]["manual"] == 1  # a web page: someone updates it by hand
        assert sorted(str(m["To"]) for m in smtp.messages) == ["prensa@diario.example", "todos@example.com"]
        mail = smtp.to("prensa@diario.example")[0].get_body(("plain",)).get_content()  # type: ignore[union-attr]
        assert "Nos equivocamos" in mail and "http://127.0.0.1:8450/updates" in mail

        published = publish_statement(escalation, alert_id, by="Marta Gil", public_url="http://127.0.0.1:8450")
        assert published.title.startswith("Vuelaya: Nos equivocamos")
        assert [m["path"] for m in received] == ["/cms"]
        assert "Nos equivocamos" in received[0]["message"] and received[0]["title"] == published.title

        with engine.connect() as connection:
            rows = connection.execute(select(delivery.c.purpose, delivery.c.recipient, delivery.c.status)).all()
            entries = timeline(connection, alert_id)
            room = room_of(connection, alert_id)
        assert ("stakeholder", "journalists", "sent") in rows and ("publication", "channel blog", "sent") in rows
        approval = next(e for e in entries if e.kind == "approved")
        assert approval.actor == "Marta Gil" and approval.data["text"] == GOOD.strip()
        assert room is not None and {s.key for s in room.steps if s.done} == {
            "set_message", "inform_stakeholders", "publish"
        }  # fmt: skip

        # the approved text is frozen: changed behind Ascua's back, it cannot go out
        with engine.begin() as connection:
            connection.execute(update(statement).where(statement.c.version == 2).values(text=GOOD + " (edited)"))
        with pytest.raises(RoomError, match="changed after its approval"):
            publish_statement(escalation, alert_id, by="Marta Gil", public_url="http://127.0.0.1:8450")

        client = TestClient(create_app(workspace, radar.database), headers={"accept-language": "en"})
        page = client.get("/updates")
        assert page.status_code == 200 and "Nos equivocamos" in page.text
        assert "<script>alert(1)</script>" not in page.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
        assert 'href="/alerts"' not in page.text  # the public page shows none of the dashboard
        feed = client.get("/updates.atom")
        assert feed.headers["content-type"].startswith("application/atom+xml")
        atom = ElementTree.fromstring(feed.content)
        ns = {"a": "http://www.w3.org/2005/Atom"}
        entry = atom.findall("a:entry", ns)
        assert len(entry) == 1 and entry[0].findtext("a:title", namespaces=ns) == published.title
        assert entry[0].findtext("a:content", namespaces=ns) == GOOD.strip()  # the post's text, as text
        assert b"<script>" not in feed.content
        api = client.get("/api/v1/updates").json()
        assert api["items"][0]["title"] == published.title
        with engine.connect() as connection:
            assert len(publications(connection, brand_key="vuelaya")) == 1
            assert publications(connection, brand_key="frutalia") == []


def test_the_link_in_a_message_asks_before_acknowledging_and_the_dashboard_form_needs_a_session_and_csrf(
    workspace: Workspace,
) -> None:
    with Radar.open(workspace) as radar:
        (alert_id,) = _alerts(radar, Level.INCIDENT)
        links = Links("http://127.0.0.1:8450", signing_key(radar.database.engine))
        client = TestClient(create_app(workspace, radar.database), headers={"accept-language": "en"})
        token = links.ack(alert_id, "Lucía Romero").rsplit("/", 1)[1]

        page = client.get(f"/ack/{token}")  # the signed link needs no login
        assert page.status_code == 200 and "Lucía Romero" in page.text and 'method="post"' in page.text
        assert client.get(f"/api/v1/alerts/{alert_id}/room").status_code == 401  # it opens nothing else
        logged_in(client, radar.database.engine, "viewer")
        room = client.get(f"/api/v1/alerts/{alert_id}/room").json()
        assert room["room"]["status"] == "detected"  # opening the link changed nothing
        done = client.post(f"/ack/{token}")
        assert done.status_code == 200 and "acknowledged" in done.text
        room = client.get(f"/api/v1/alerts/{alert_id}/room").json()
        assert room["room"]["status"] == "acknowledged"
        assert [e["actor"] for e in room["timeline"] if e["kind"] == "acknowledged"] == ["Lucía Romero"]
        assert client.get(f"/ack/{token[:-4]}abcd").status_code == 400
        assert client.get("/api/v1/alerts/999/room").status_code == 404

    with Radar.open(workspace) as radar:
        manager = AlertManager(radar.database.engine, radar.brand_ids, {"vuelaya": "Vuelaya"}, "t")
        manager.process([Assessment("vuelaya", Level.CRISIS, T0 + timedelta(hours=1), "a multitudinous wave")])
        client = TestClient(create_app(workspace, radar.database), headers={"accept-language": "en"})
        csrf = logged_in(client, radar.database.engine, "analyst", "<i>Marta</i>")
        alert_page = client.get(f"/alerts/{alert_id}")
        assert "Crisis room" in alert_page.text and 'action="/alerts/1/ack"' in alert_page.text
        assert f'name="csrf" value="{csrf}"' in alert_page.text
        forged = client.post(f"/alerts/{alert_id}/ack", data={"csrf": "forged"})
        assert forged.status_code == 403 and "expired" in forged.text
        assert client.post(f"/alerts/{alert_id}/ack", data={}).status_code == 403
        posted = client.post(f"/alerts/{alert_id}/ack", data={"csrf": csrf}, follow_redirects=False)
        assert posted.status_code == 303
        after = client.get(f"/alerts/{alert_id}")
        assert "&lt;i&gt;Marta&lt;/i&gt;" in after.text and "<i>Marta</i>" not in after.text
        assert 'action="/alerts/1/ack"' not in after.text  # acknowledged at crisis: no more button


def test_the_crisis_room_from_the_command_line(workspace: Workspace) -> None:
    with Radar.open(workspace) as radar:
        _alerts(radar, Level.INCIDENT)
    where = ["-w", str(workspace.root)]

    def run(*arguments: str, code: int = 0) -> str:
        result = runner.invoke(app, [*arguments, *where], env={"ASCUA_USER": "Daniel Ortega"})
        assert result.exit_code == code, result.output
        return result.output

    assert "not acknowledged: ascua ack 1" in run("status")
    assert "acknowledged by Daniel Ortega" in run("ack", "1")
    assert "since 2026-01-05 10:00 UTC · acknowledged by Daniel Ortega" in run("status")
    assert "already acknowledged" in run("ack", "1")
    run("room", "owner", "1", "Lucía Romero")
    run("room", "status", "1", "responding", "--note", "on it")
    assert "the status is one of" in run("room", "status", "1", "panicking", code=2)
    run("room", "step", "1", "find_out", "--note", "crew planning")
    run("room", "note", "1", "press called")
    assert "no alert #7" in run("room", "note", "7", "x", code=2)
    run("statement", "save", "1", GOOD)
    assert "only the spokesperson" in run("statement", "approve", "1", code=2)
    assert "approved by Marta Gil" in run("statement", "approve", "1", "--by", "Marta Gil")
    shown = run("room", "show", "1")
    assert "Crisis room of alert #1 · responding · owner: Lucía Romero" in shown
    assert "☑ Find out what happened" in shown and "Daniel Ortega: press called" in shown
    assert "Roles: spokesperson Marta Gil · backup spokesperson Lucía Romero · crisis lead Lucía Romero" in shown
    data = json.loads(run("room", "show", "1", "--json"))
    assert data["room"]["status"] == "responding"
    assert [e["kind"] for e in data["timeline"]][:2] == ["opened", "room"]
    versions = json.loads(run("statement", "list", "1", "--json"))
    assert versions[0]["approved_by"] == "Marta Gil" and versions[0]["findings"]["admits_error"]["status"] == "met"
    lessons = workspace.root / "lessons.md"
    lessons.write_text("Answer within the hour.", encoding="utf-8")
    run("room", "lessons", "1", "--file", str(lessons))
    assert json.loads(run("room", "show", "1", "--json"))["room"]["lessons"] == "Answer within the hour."
