"""Shared fixtures: real workspaces on disk, real SQLite files and a real PostgreSQL."""

from __future__ import annotations

import email
import email.policy
import json
import os
import socket
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import orjson
import pytest
import yaml
from aiosmtpd.controller import Controller

from ascua.config import Workspace, init_workspace, load_workspace
from ascua.radar import Radar
from ascua.scenario.generator import WaveTruth

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def postgres_available() -> bool:
    import psycopg

    try:
        with psycopg.connect(PG_ADMIN, connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The admin URL of the PostgreSQL on 127.0.0.1:5432; required under CI=true."""
    if not postgres_available():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("PostgreSQL is not answering on 127.0.0.1:5432, and CI=true requires it")
        pytest.skip("PostgreSQL is not answering on 127.0.0.1:5432")
    return PG_ADMIN


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    import psycopg

    name = f"ascua_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(postgres_server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each storage test runs on SQLite, and on PostgreSQL when one answers (always under CI)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


def write_workspace(root: Path, **changes: Any) -> Workspace:
    """The example workspace, with top-level sections replaced by ``changes``."""
    init_workspace(root, force=True)
    path = root / "ascua.yaml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config.update(changes)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_workspace(root)


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    """The example workspace, without sources, no dashboard, in a temporary folder."""
    return write_workspace(tmp_path / "ws", sources=[], web={"enabled": False, "host": "127.0.0.1", "port": 0})


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASCUA_LANG", "en")
    monkeypatch.delenv("ASCUA_DATABASE_URL", raising=False)


# --- real peers for what the radar sends: an SMTP server and an HTTP webhook receiver ---


@dataclass
class Mailbox:
    port: int
    messages: list[email.message.EmailMessage] = field(default_factory=list)

    def to(self, address: str) -> list[email.message.EmailMessage]:
        return [m for m in self.messages if address in str(m["To"])]


@pytest.fixture
def smtp() -> Iterator[Mailbox]:
    box = Mailbox(free_port())

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            box.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))  # type: ignore[arg-type]
            return "250 OK"

    controller = Controller(Handler(), hostname="127.0.0.1", port=box.port)
    controller.start()
    yield box
    controller.stop()


@pytest.fixture
def webhook() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    received: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append({"path": self.path, **json.loads(body)})
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    with local_http(Handler) as base:
        yield base.removeprefix("http://"), received


@contextmanager
def local_http(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 answering with ``handler``; its base URL (``http://127.0.0.1:PORT``)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def reply(handler: BaseHTTPRequestHandler, body: bytes, content_type: str, status: int = 200, **headers: str) -> None:
    """Send a complete answer from a test server's handler."""
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.end_headers()
    handler.wfile.write(body)


async def first_batches(source: Any, cursor: dict[str, Any] | None, count: int) -> list[Any]:
    """The first ``count`` batches a source yields from ``cursor``."""
    batches: list[Any] = []
    async for batch in source.batches(cursor):
        batches.append(batch)
        if len(batches) == count:
            break
    return batches


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


PASSWORD = "correct horse battery"


def logged_in(client: Any, engine: Any, role: str = "admin", display: str | None = None) -> str:
    """Make the account ``{role}-user`` with ``role`` (shown as ``display``, else the role
    capitalised), log ``client`` in through the login form, and return the session's CSRF token."""
    from contextlib import suppress

    from ascua.accounts import AccountError, add_account, session_of

    login = f"{role}-user"
    with suppress(AccountError):  # made before, for another client
        add_account(engine, login, PASSWORD, role, display or role.capitalize())
    response = client.post("/login", data={"name": login, "password": PASSWORD, "next": "/"}, follow_redirects=False)
    assert response.status_code == 303, response.text
    session = session_of(engine, client.cookies.get("ascua_session"))
    assert session is not None
    return session.csrf


WON_BACK_START = datetime(2026, 1, 5, tzinfo=UTC)
WON_BACK_END = WON_BACK_START + timedelta(days=8)


@pytest.fixture(scope="session")
def won_back(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, WaveTruth]:
    """A week of the scenario with a wave whose people the brand answers, some of them won back
    (imported through the whole pipeline): detractors and the empathy map read it."""
    from ascua.importer import ImportOptions, import_file
    from ascua.scenario.generator import Scenario, ScenarioSpec, WaveSpec

    root = tmp_path_factory.mktemp("won-back")
    wave = WaveSpec("vuelaya", WON_BACK_START + timedelta(days=2, hours=3), "cancelled_flights", size=150)
    generated = Scenario(ScenarioSpec(seed=21, start=WON_BACK_START, rate=0.3, waves=(wave,)))
    path = root / "scenario.jsonl"
    with path.open("wb") as handle:
        for moment, record in generated.timed_records():
            if moment > WON_BACK_END:
                break
            handle.write(orjson.dumps(record) + b"\n")
    workspace = write_workspace(root / "ws", sources=[], web={"enabled": False, "host": "127.0.0.1", "port": 0})
    with Radar.open(workspace) as radar:
        report = import_file(radar, path, ImportOptions(workers=0))
    assert report.problems == []
    return workspace, generated.truth()[0]
