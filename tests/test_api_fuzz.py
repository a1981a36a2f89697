"""schemathesis against the API's OpenAPI document, with a valid admin write token, over the
real server on 127.0.0.1: whatever it sends, the API answers without a server error (5xx)
and with its error body on every 4xx."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from ascua.accounts import add_account, create_token
from ascua.config import Workspace
from ascua.model import Assessment, Level, Mention, MentionBatch
from ascua.radar import Radar
from ascua.respond.alerts import AlertManager
from ascua.web.app import create_app
from ascua.web.server import WebServer
from tests.conftest import PASSWORD

T0 = datetime(2026, 1, 5, 10, tzinfo=UTC)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, dict[str, Any]]]:
    from ascua.config import init_workspace, load_workspace

    root = tmp_path_factory.mktemp("fuzz") / "ws"
    init_workspace(root)
    workspace: Workspace = load_workspace(root)
    with Radar.open(workspace) as radar:
        pipeline = radar.pipeline()
        mentions = [Mention("x", str(i), f"Vuelaya perdió mi maleta {i}", T0 + timedelta(minutes=i),
                            author_handle=f"@p{i}") for i in range(20)]  # fmt: skip
        pipeline.commit(pipeline.enricher.process(pipeline.matcher.process(MentionBatch("t", mentions))))  # type: ignore[union-attr]
        AlertManager(radar.database.engine, radar.brand_ids, {"vuelaya": "Vuelaya"}, "t").process(
            [Assessment("vuelaya", Level.INCIDENT, T0 + timedelta(minutes=20), "16 people posted negatively")]
        )
        add_account(radar.database.engine, "fuzzer", PASSWORD, "admin")
        _token, secret = create_token(radar.database.engine, "fuzzer", "schemathesis", "write")
        document = create_app(workspace, radar.database).openapi()
        server = WebServer(workspace, radar.database, "127.0.0.1", 0)
        url = server.start().rstrip("/")
        try:
            yield url, secret, document
        finally:
            server.stop()


def test_the_api_answers_every_request_without_a_server_error(served: tuple[str, str, dict[str, Any]]) -> None:
    url, secret, document = served
    schema = schemathesis.openapi.from_dict(document)
    seen: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        seen.append(f"{operation.method.upper()} {operation.path}")

        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def call(case: Any) -> None:
            response = case.call(base_url=url, headers={"Authorization": f"Bearer {secret}"}, timeout=30)
            assert response.status_code < 500, (case.method, case.formatted_path, response.text[:500])
            if response.status_code >= 400:
                body = response.json()
                assert body["error"]["status"] == response.status_code and body["error"]["message"]

        call()
    assert len(seen) >= 25 and "POST /api/v1/alerts/{alert_id}/statements" in seen
