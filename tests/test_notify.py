"""Alert notifications reach the targets of ascua.yaml: here a real HTTP receiver on 127.0.0.1."""

from __future__ import annotations

import gettext
import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ascua.config import AlertTarget
from ascua.model import AlertEvent, Level
from ascua.respond.notify import AppriseNotifier

EVENT = AlertEvent(
    7, "vuelaya", "Vuelaya", "opened", Level.INCIDENT, Level.NORMAL, datetime(2026, 1, 5, 10, tzinfo=UTC),
    "Vuelaya: 16 different people posted negatively <script>x</script>",
)  # fmt: skip


@pytest.fixture
def receiver() -> Iterator[tuple[str, list[dict[str, object]]]]:
    received: list[dict[str, object]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append({"path": self.path, **json.loads(body)})
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}", received
    server.shutdown()


def test_an_alert_reaches_a_webhook_target_with_its_level_reason_and_link(receiver) -> None:  # type: ignore[no-untyped-def]
    address, received = receiver
    targets = [AlertTarget(name="team", url=f"json://{address}/hook", min_level="incident")]
    AppriseNotifier(
        targets, gettext.NullTranslations(), lambda alert_id: f"http://127.0.0.1:8450/alerts/{alert_id}"
    ).notify(EVENT)
    assert len(received) == 1
    message = received[0]
    assert message["path"] == "/hook"
    assert message["title"] == "[Ascua] INCIDENT · Vuelaya · alert #7 opened"
    assert "16 different people" in str(message["message"]) and "/alerts/7" in str(message["message"])


def test_levels_below_a_targets_minimum_are_not_sent_and_a_dead_target_does_not_block_others(receiver) -> None:  # type: ignore[no-untyped-def]
    address, received = receiver
    targets = [
        AlertTarget(name="dead", url="json://127.0.0.1:1/nothing-listens", min_level="watch"),
        AlertTarget(name="crisis-only", url=f"json://{address}/crisis", min_level="crisis"),
        AlertTarget(name="team", url=f"json://{address}/team", min_level="watch"),
    ]
    AppriseNotifier(targets, gettext.NullTranslations(), None).notify(EVENT)
    assert [m["path"] for m in received] == ["/team"]
