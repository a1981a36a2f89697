"""The webhook source: mentions POSTed to a running radar (``ascua run`` in its own process,
its real HTTP server on 127.0.0.1) go through the pipeline once; bad items are named; tokens
are checked and limited."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from ascua.accounts import add_account, create_token
from ascua.radar import Radar
from ascua.store.schema import mention
from tests.conftest import PASSWORD, free_port, write_workspace

NOW = datetime.now(UTC).replace(microsecond=0)


def _item(number: int, **changes: Any) -> dict[str, Any]:
    return {"source": "x", "id": f"p{number}", "text": f"Vuelaya perdió mi maleta otra vez ({number})",
            "created_at": (NOW - timedelta(minutes=60 - number)).isoformat(), "author": {"handle": f"@p{number}"},
            **changes}  # fmt: skip


@pytest.fixture
def radar(tmp_path: Path) -> Iterator[tuple[str, dict[str, str], Path]]:
    port = free_port()
    sources = [{"name": "hook", "type": "webhook", "per_minute": 40, "max_items": 25},
               {"name": "off", "type": "webhook", "enabled": False}]  # fmt: skip
    workspace = write_workspace(tmp_path / "ws", sources=sources, web={"port": port})
    with Radar.open(workspace) as opened:
        engine = opened.database.engine
        add_account(engine, "collector", PASSWORD, "analyst")
        add_account(engine, "reader", PASSWORD, "viewer")
        secrets = {
            "ingest": create_token(engine, "collector", "n8n", "ingest")[1],
            "write": create_token(engine, "collector", "script", "write")[1],
            "read": create_token(engine, "collector", "dashboard", "read")[1],
            "viewer": create_token(engine, "reader", "viewer write", "write")[1],
        }
    env = {**os.environ, "ASCUA_LANG": "en", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "ascua", "run", "--workspace", str(workspace.root)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        # the dashboard answers before the stream has started its webhook source: an empty
        # request is 503 until the source takes mentions, then 202
        for _ in range(300):
            if _post(base, secrets["ingest"], "hook", []).status_code != 503:
                break
            time.sleep(0.1)
        yield base, secrets, workspace.root
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=60)


def _stored(root: Path) -> list[tuple[str, str]]:
    from ascua.config import load_workspace

    with Radar.open(load_workspace(root)) as opened, opened.database.engine.connect() as connection:
        rows = connection.execute(select(mention.c.source, mention.c.native_id))
        return sorted((row.source, row.native_id) for row in rows)


def _post(base: str, secret: str | None, source: str, items: list[dict[str, Any]]) -> httpx.Response:
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    return httpx.post(f"{base}/api/v1/ingest/{source}", json={"mentions": items}, headers=headers, timeout=30)


def _wait_for(root: Path, count: int) -> list[tuple[str, str]]:
    for _ in range(100):
        stored = _stored(root)
        if len(stored) >= count:
            return stored
        time.sleep(0.2)
    return _stored(root)


def test_posted_mentions_are_checked_stored_once_and_limited_per_token(radar: tuple[str, dict[str, str], Path]) -> None:
    base, secrets, root = radar
    items = [_item(i) for i in range(5)]
    bad = [{"id": "no-text", "created_at": NOW.isoformat()}, _item(9, created_at="yesterday-ish"), _item(0)]
    answer = _post(base, secrets["ingest"], "hook", items + bad)
    assert answer.status_code == 202, answer.text
    body = answer.json()
    assert body["accepted"] == 5 and body["duplicates"] == 1
    assert [(r["index"], "text" in r["error"]) for r in body["rejected"]] == [(5, True), (6, False)]
    assert "created_at" in body["rejected"][1]["error"]
    assert _wait_for(root, 5) == [("x", f"p{i}") for i in range(5)]
    # sent again (a retry): stored once
    again = _post(base, secrets["write"], "hook", [*items[:2], _item(5, source=None)])
    assert again.status_code == 202 and again.json()["accepted"] == 3
    stored = _wait_for(root, 6)
    assert len(stored) == 6 and ("hook", "p5") in stored  # no source: the webhook's name
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {secrets['ingest']}"}) as client:
        assert client.get("/api/v1/status").status_code == 403  # an ingest token does nothing else
    # the token's limit: 40 mentions a minute (5 + 3 already sent with these two tokens)
    over = _post(base, secrets["ingest"], "hook", [_item(i) for i in range(10, 25)])
    assert over.status_code == 202
    limited = _post(base, secrets["ingest"], "hook", [_item(i) for i in range(30, 55)])
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) > 0
    assert "a minute" in limited.json()["error"]["message"]
    too_many = _post(base, secrets["write"], "hook", [_item(i) for i in range(100, 126)])
    assert too_many.status_code == 413 and "25" in too_many.json()["error"]["message"]
    none_good = _post(base, secrets["write"], "hook", [{"text": "no date"}])
    assert none_good.status_code == 422 and none_good.json()["error"]["rejected"][0]["index"] == 0


def test_who_may_send_and_where(radar: tuple[str, dict[str, str], Path]) -> None:
    base, secrets, _root = radar
    assert _post(base, None, "hook", [_item(1)]).status_code == 401
    assert _post(base, secrets["read"], "hook", [_item(1)]).status_code == 403
    assert _post(base, secrets["viewer"], "hook", [_item(1)]).status_code == 403  # a viewer's role
    unknown = _post(base, secrets["ingest"], "nowhere", [_item(1)])
    assert unknown.status_code == 404 and "type: webhook" in unknown.json()["error"]["message"]
    assert _post(base, secrets["ingest"], "off", [_item(1)]).status_code == 503
    headers = {"Authorization": f"Bearer {secrets['ingest']}", "content-type": "application/json"}
    malformed = httpx.post(f"{base}/api/v1/ingest/hook", content=b"{not json", timeout=10, headers=headers)
    assert malformed.status_code == 422 and malformed.json()["error"]["status"] == 422


def test_the_dashboard_alone_does_not_take_mentions(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from ascua.web.app import create_app

    workspace = write_workspace(tmp_path / "ws", sources=[{"name": "hook", "type": "webhook"}])
    with Radar.open(workspace) as opened:
        _token, secret = create_token(opened.database.engine, add_account(opened.database.engine, "cc", PASSWORD,
                                                                          "analyst").name, "n8n", "ingest")  # fmt: skip
        client = TestClient(create_app(workspace, opened.database))
        answer = client.post("/api/v1/ingest/hook", json={"mentions": [_item(1)]},
                             headers={"Authorization": f"Bearer {secret}"})  # fmt: skip
    assert answer.status_code == 503 and "ascua run" in answer.json()["error"]["message"]
    assert answer.headers["retry-after"] == "60"


def test_sources_check_says_where_a_webhook_takes_mentions(tmp_path: Path) -> None:
    workspace = write_workspace(tmp_path / "ws", sources=[{"name": "hook", "type": "webhook"}])
    command = [sys.executable, "-m", "ascua", "sources", "check", "hook", "-w", str(workspace.root)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env={**os.environ, "ASCUA_LANG": "en"})
    assert done.returncode == 0 and "/api/v1/ingest/hook" in done.stdout and "ingest scope" in done.stdout


def test_a_changed_query_matches_the_next_posts_without_a_restart(radar: tuple[str, dict[str, str], Path]) -> None:
    """The running radar follows ascua.yaml: a query changed through the API matches the next
    posts; a file broken by hand changes nothing (the radar keeps its running queries)."""
    base, secrets, root = radar
    other = {"text": "Aerolínea Sur perdió mi maleta", "id": "sur-1"}
    assert _post(base, secrets["ingest"], "hook", [_item(1), _item(2, **other)]).status_code == 202
    assert _wait_for(root, 1) == [("x", "p1")]  # the other airline is not Vuelaya's
    from ascua.config import load_workspace

    with Radar.open(load_workspace(root)) as opened:
        add_account(opened.database.engine, "root", PASSWORD, "admin")
        admin = create_token(opened.database.engine, "root", "settings", "write")[1]
    headers = {"Authorization": f"Bearer {admin}"}
    query = {"query": 'vuelaya OR "aerolinea sur"', "exclude": None}
    changed = httpx.put(f"{base}/api/v1/brands/vuelaya/query", json=query, headers=headers, timeout=10)
    assert changed.status_code == 200 and "few seconds" in changed.json()["applies"]
    stored: list[tuple[str, str]] = []
    for attempt in range(40):  # the radar looks at the file every two seconds
        item = _item(3, **{**other, "id": f"sur-{attempt + 2}"})
        assert _post(base, secrets["ingest"], "hook", [item]).status_code == 202
        time.sleep(0.5)
        stored = _stored(root)
        if any(native.startswith("sur-") for _source, native in stored):
            break
    assert any(native.startswith("sur-") for _source, native in stored), stored
    assert ("x", "sur-1") not in stored  # what was sent before the change is not matched again
    # a file with an error: the running query stays
    path = root / "ascua.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace('"aerolinea sur"', '"aerolinea sur" AND ('), "utf-8")
    time.sleep(2.5)
    assert _post(base, secrets["ingest"], "hook", [_item(4, **{**other, "id": "sur-after"})]).status_code == 202
    path.write_text(good, "utf-8")  # (the store is read with the good file)
    assert ("x", "sur-after") in _wait_for(root, len(stored) + 1)
