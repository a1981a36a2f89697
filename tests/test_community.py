"""Engagement and the people waiting for an answer, from reply links between mentions and the
brand's own accounts (real SQLite workspace, the whole pipeline for the analysis)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from ascua.community import CommunityError, engagement, mark_handled, waiting
from ascua.config import Workspace
from ascua.model import Mention, MentionBatch, utcnow
from ascua.radar import Radar
from ascua.web.app import create_app
from tests.conftest import Mailbox, logged_in, write_workspace


def _last_noon() -> datetime:
    """The last local noon (the example workspace's Europe/Madrid): the posts below, up to five
    hours before it, are all on one local day whenever the suite runs (even just after midnight)."""
    from zoneinfo import ZoneInfo

    local = utcnow().astimezone(ZoneInfo("Europe/Madrid"))
    noon = local.replace(hour=12, minute=0, second=0, microsecond=0)
    return (noon if noon <= local else noon - timedelta(days=1)).astimezone(UTC)


NOW = _last_noon()


def _mentions() -> list[Mention]:
    ago = lambda minutes: NOW - timedelta(minutes=minutes)  # noqa: E731
    return [
        Mention("x", "q1", "@vuelaya ¿cuántos kilos se pueden facturar?", ago(300), author_handle="@ana",
                author_followers=120),
        Mention("x", "c1", "@vuelaya llevo tres días sin mi maleta, es una vergüenza", ago(240), author_handle="@luis",
                author_followers=9000),
        Mention("x", "a1", "@luis lo sentimos mucho, te escribimos por privado", ago(200),
                author_handle="@vuelaya_ayuda", in_reply_to="c1", in_reply_to_author="@luis", likes=4, replies=1),
        Mention("x", "q2", "Hola @vuelaya: ¿puedo llevar a mi perro en cabina?", ago(100), author_handle="@marta",
                author_followers=50),
        Mention("x", "p1", "Gracias Vuelaya, todo perfecto", ago(90), author_handle="@pepe"),
        Mention("x", "c2", "Vuelaya cancela mi vuelo otra vez, qué desastre", ago(60), author_handle="@eva"),
    ]  # fmt: skip


@pytest.fixture
def stored(workspace: Workspace) -> Workspace:
    with Radar.open(workspace) as radar:
        pipeline = radar.pipeline()
        batch = pipeline.enricher.process(pipeline.matcher.process(MentionBatch("t", _mentions())))  # type: ignore[union-attr]
        pipeline.commit(batch)
    return workspace


def test_engagement_counts_people_answers_and_how_fast(stored: Workspace) -> None:
    with Radar.open(stored) as radar, radar.database.engine.connect() as connection:
        result = engagement(connection, "vuelaya", NOW - timedelta(days=1), NOW + timedelta(minutes=1))
    assert (result.mentions, result.people, result.own_posts) == (5, 5, 1)  # the answer is the brand's, not a mention
    assert result.answered == 1 and result.answer_share == 0.2
    assert result.addressed == 3 and result.answered_addressed == 1  # the two questions and the tagged complaint
    assert result.median_answer_seconds == 40 * 60 and result.interactions_per_own_post == 5.0
    assert result.notes == []
    with Radar.open(stored) as radar, radar.database.engine.connect() as connection:
        empty = engagement(connection, "vuelaya", NOW - timedelta(days=30), NOW - timedelta(days=29))
        with pytest.raises(CommunityError, match="no brand 'nadie'"):
            engagement(connection, "nadie", NOW, NOW)
    assert empty.mentions == 0 and empty.answer_share is None and "no mentions" in empty.notes[0]


def test_the_waiting_queue_and_marking_one_as_handled(stored: Workspace) -> None:
    with Radar.open(stored) as radar:
        with radar.database.engine.connect() as connection:
            oldest, _notes = waiting(connection, "vuelaya", now=NOW)
            by_reach, _ = waiting(connection, "vuelaya", sort="reach", now=NOW)
        # the answered complaint is not waiting; the untagged one is not addressed to the brand
        assert [w.text[:20] for w in oldest] == ["@vuelaya ¿cuántos ki", "Hola @vuelaya: ¿pued"]
        assert [w.author for w in by_reach] == ["@ana", "@marta"] and oldest[0].waiting_seconds == 300 * 60
        with radar.database.engine.begin() as connection:
            assert mark_handled(connection, oldest[0].id, "vuelaya", by="Daniel", note="por teléfono")
            assert not mark_handled(connection, oldest[0].id, "vuelaya", by="Daniel")
            with pytest.raises(CommunityError, match="not one of frutalia's"):
                mark_handled(connection, oldest[0].id, "frutalia", by="Daniel")
        with radar.database.engine.connect() as connection:
            left, _ = waiting(connection, "vuelaya", now=NOW)
        assert [w.author for w in left] == ["@marta"]


def test_a_brand_without_own_accounts_has_no_answer_rate(tmp_path: object) -> None:
    from pathlib import Path

    workspace = write_workspace(Path(str(tmp_path)) / "ws", brands=[{"id": "vuelaya", "name": "Vuelaya",
                                                                     "query": "vuelaya"}])  # fmt: skip
    with Radar.open(workspace) as radar:
        pipeline = radar.pipeline()
        pipeline.commit(pipeline.enricher.process(pipeline.matcher.process(MentionBatch("t", _mentions()))))  # type: ignore[union-attr]
        with radar.database.engine.connect() as connection:
            result = engagement(connection, "vuelaya", NOW - timedelta(days=1), NOW + timedelta(minutes=1))
            queue, notes = waiting(connection, "vuelaya", now=NOW)
    assert result.answered is None and result.answer_share is None and "no own accounts" in result.notes[0]
    assert len(queue) >= 3 and "no own accounts" in notes[0]


def test_the_community_page_api_and_commands(stored: Workspace) -> None:
    with Radar.open(stored) as radar:
        client = TestClient(create_app(stored, radar.database), headers={"accept-language": "en"})
        csrf = logged_in(client, radar.database.engine, "analyst")
        page = client.get("/community?brand=vuelaya")
        assert page.status_code == 200 and "Waiting for an answer" in page.text and "perro en cabina" in page.text
        api = client.get("/api/v1/waiting", params={"brand": "vuelaya", "sort": "reach"}).json()
        first = api["items"][0]
        assert first["author"] == "@ana"
        done = client.post(f"/mentions/{first['id']}/handled", data={"csrf": csrf, "brand": "vuelaya", "note": "x"},
                           follow_redirects=False)  # fmt: skip
        assert done.status_code == 303
        assert [i["author"] for i in client.get("/api/v1/waiting?brand=vuelaya").json()["items"]] == ["@marta"]
        measured = client.get("/api/v1/engagement", params={"brand": "vuelaya"}).json()["items"][0]
        assert measured["answered"] == 1 and measured["own_accounts"] == ["@vuelaya", "@vuelaya_ayuda"]
        assert client.get("/api/v1/engagement?since=yesterday").status_code == 400
        assert client.get("/api/v1/waiting?brand=nadie").status_code == 404
    where = ["-w", str(stored.root)]
    env = {"ASCUA_LANG": "en", "PATH": "/usr/bin:/bin"}
    shown = subprocess.run([sys.executable, "-m", "ascua", "waiting", "-b", "vuelaya", "--json", *where],
                           capture_output=True, text=True, timeout=120, env=env)  # fmt: skip
    assert [w["author"] for w in json.loads(shown.stdout)["vuelaya"]["waiting"]] == ["@marta"]
    told = subprocess.run([sys.executable, "-m", "ascua", "engagement", "-b", "vuelaya", *where],
                          capture_output=True, text=True, timeout=120, env=env)  # fmt: skip
    assert told.returncode == 0 and "5 mentions by 5 people" in told.stdout and "median answer 40 min" in told.stdout


def test_the_daily_digest(stored: Workspace) -> None:
    from ascua.digest import digest

    today = NOW.astimezone(stored.zone).date()
    with Radar.open(stored) as radar, radar.database.engine.connect() as connection:
        found = digest(connection, stored, "vuelaya", today)
        empty = digest(connection, stored, "vuelaya", today - timedelta(days=100))
    assert found.mentions >= 5 and found.negative >= 1 and found.waiting == 2
    assert found.usual_mentions is None and "no history" in found.notes[0]
    assert found.readiness is not None and isinstance(found.readiness["score"], int)
    assert found.new_detractors >= 2 and "@luis" in {e["author"] for e in found.new_detractor_examples}
    assert empty.mentions == 0 and "no mentions that day" in empty.notes
    with Radar.open(stored) as radar:
        client = TestClient(create_app(stored, radar.database))
        logged_in(client, radar.database.engine, "viewer")
        answer = client.get("/api/v1/digest", params={"brand": "vuelaya", "date": today.isoformat()}).json()
        assert answer["items"][0]["waiting"] == 2 and answer["items"][0]["day"] == today.isoformat()
        assert client.get("/api/v1/digest?date=ayer").status_code == 400
    shown = subprocess.run([sys.executable, "-m", "ascua", "digest", "-b", "vuelaya", "--date", today.isoformat(),
                            "-w", str(stored.root)], capture_output=True, text=True, timeout=120,
                           env={"ASCUA_LANG": "en", "PATH": "/usr/bin:/bin"})  # fmt: skip
    assert shown.returncode == 0 and "2 waiting for an answer" in shown.stdout and "readiness" in shown.stdout
    assert "new detractors" in shown.stdout


def test_the_digest_is_sent_once_a_day_to_the_targets_and_the_team(
    tmp_path: object, smtp: Mailbox, webhook: tuple[str, list[dict[str, object]]]
) -> None:
    from pathlib import Path

    from ascua.digest import digest_due, send_digests
    from ascua.respond.escalate import PlanSource

    address, received = webhook
    alerts = {"console": False, "email": f"mailto://127.0.0.1:{smtp.port}?from=radar@example.com",
              "targets": [{"name": "team-chat", "url": f"json://{address}/digest"}], "digest_at": "08:30"}  # fmt: skip
    workspace = write_workspace(Path(str(tmp_path)) / "ws", alerts=alerts)
    today = NOW.astimezone(workspace.zone).date()
    with Radar.open(workspace) as radar:
        pipeline = radar.pipeline()
        pipeline.commit(pipeline.enricher.process(pipeline.matcher.process(MentionBatch("t", _mentions()))))  # type: ignore[union-attr]
        plan = PlanSource(workspace.plan_path).get()
        report = send_digests(radar.database.engine, workspace, plan, today, gettext=lambda text: text,
                              today=today + timedelta(days=1))  # fmt: skip
        again = send_digests(radar.database.engine, workspace, plan, today, gettext=lambda text: text,
                             today=today + timedelta(days=1))  # fmt: skip
    assert sorted(report["sent"]) == ["Daniel Ortega", "Lucía Romero", "team-chat"] and report["failed"] == []
    assert again["sent"] == [] and again["skipped"] == "already sent today"
    assert [m["path"] for m in received] == ["/digest"] and "waiting for an answer" in received[0]["message"]
    assert received[0]["title"].startswith("[Ascua] Daily digest")
    mail = smtp.to("daniel.ortega@example.com")[0].get_body(("plain",))
    assert len(smtp.to("lucia.romero@example.com")) == 1 and mail is not None and "Vuelaya" in mail.get_content()
    morning = datetime(2026, 3, 2, 8, 29, tzinfo=workspace.zone)
    assert not digest_due(morning, "08:30", None) and digest_due(morning.replace(minute=31), "08:30", None)
    assert not digest_due(morning.replace(minute=31), "08:30", "2026-03-02") and not digest_due(morning, None, None)
