"""The dashboard and API over a real SQLite workspace, through the ASGI client."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from ascua.config import Workspace
from ascua.model import AlertEvent, Analysis, Assessment, Level, Mention, MentionBatch
from ascua.radar import Radar
from ascua.respond.alerts import AlertManager
from ascua.web.app import create_app
from tests.conftest import logged_in

T0 = datetime(2026, 1, 5, 10, tzinfo=UTC)
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> \u202eevil'


@pytest.fixture
def client(workspace: Workspace) -> TestClient:
    with Radar.open(workspace) as radar:
        pipeline = radar.pipeline()
        mentions = [
            Mention("x", "1", f"Vuelaya {HOSTILE}", T0, url="javascript:alert(1)", author_handle="@<b>bold</b>"),
            Mention(
                "x",
                "2",
                "Vuelaya gracias",
                T0 + timedelta(minutes=1),
                url="https://x.example/a/status/2",
                author_handle="@ana",
            ),
        ]
        batch = MentionBatch("test", mentions)
        batch = pipeline.enricher.process(pipeline.matcher.process(batch))  # type: ignore[union-attr]
        pipeline.commit(batch)
        alerts = AlertManager(radar.database.engine, radar.brand_ids, {"vuelaya": "Vuelaya"}, "test")
        alerts.process(
            [
                Assessment(
                    "vuelaya",
                    Level.INCIDENT,
                    T0,
                    "Vuelaya: 16 different people posted negatively",
                    {"negative_authors": 16},
                )
            ]
        )
    radar = Radar.open(workspace)
    client = TestClient(create_app(workspace, radar.database))
    logged_in(client, radar.database.engine, "viewer")
    return client


def test_overview_lists_brands_levels_and_open_alerts(client: TestClient) -> None:
    page = client.get("/", headers={"accept-language": "en"})
    assert page.status_code == 200
    assert "Vuelaya" in page.text and "incident" in page.text and "16 different people" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'none'")


def test_pages_follow_the_browser_language_and_the_users_choice(client: TestClient) -> None:
    assert "Menciones" in client.get("/", headers={"accept-language": "es-ES,es;q=0.9"}).text
    assert "Mentions" in client.get("/", headers={"accept-language": "en-US"}).text
    chosen = client.get("/?lang=es", headers={"accept-language": "en-US"})
    assert "Menciones" in chosen.text and chosen.cookies.get("lang") == "es"


def test_hostile_post_text_is_shown_as_text(client: TestClient) -> None:
    page = client.get("/mentions?brand=vuelaya", headers={"accept-language": "en"})
    assert page.status_code == 200
    assert "<script>" not in page.text and "<img src=x" not in page.text and "<b>bold</b>" not in page.text
    assert "&lt;script&gt;" in page.text
    assert 'href="javascript:' not in page.text
    assert 'href="https://x.example/a/status/2"' in page.text


def test_alert_page_and_api(client: TestClient) -> None:
    page = client.get("/alerts/1", headers={"accept-language": "en"})
    assert page.status_code == 200 and "16 different people" in page.text
    assert client.get("/alerts/99").status_code == 404
    body = client.get("/api/v1/alerts/1").json()
    assert body["level"] == "incident" and body["history"][0]["change"] == "opened"
    assert client.get("/api/v1/alerts/99").json() == {"error": {"status": 404, "message": "no alert #99"}}
    status = client.get("/api/v1/status").json()
    assert status["counts"]["mentions"] == 2 and status["open_alerts"][0]["brand"] == "vuelaya"
    mentions = client.get("/api/v1/mentions?brand=vuelaya&limit=1").json()
    assert len(mentions["items"]) == 1 and mentions["items"][0]["text"] == "Vuelaya gracias"
    assert client.get("/api/v1/mentions?limit=0").status_code == 422
    assert client.get("/api/v1/openapi.json").json()["info"]["title"] == "Ascua"


def test_alert_events_carry_what_a_notifier_needs() -> None:
    event = AlertEvent(1, "vuelaya", "Vuelaya", "opened", Level.INCIDENT, Level.NORMAL, T0, "reason")
    assert event.level > event.previous
    assert Analysis("es", "neutral", {}, False, False, "m").tier == "fast"


def test_posts_shown_to_a_person_are_handed_to_the_deep_tier(client: TestClient, workspace: Workspace) -> None:
    shown: list[list[int]] = []
    with Radar.open(workspace) as radar:
        app = TestClient(create_app(workspace, radar.database, shown=shown.append))
        logged_in(app, radar.database.engine, "viewer")
        assert app.get("/mentions?brand=vuelaya").status_code == 200
        assert app.get("/api/v1/mentions?brand=vuelaya").status_code == 200
    assert len(shown) == 2 and all(len(ids) == 2 for ids in shown)
