"""The streaming pipeline end to end: the scenario's wave is caught, and a restart loses and repeats nothing."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from ascua.config import Workspace
from ascua.model import Level
from ascua.pipeline import EmbeddedRunner, Outcome
from ascua.radar import Radar
from ascua.sources.base import SourceContext
from ascua.sources.scenario import ScenarioOptions, ScenarioSource
from ascua.store.schema import alert, alert_event, mention, source_state

from .conftest import write_workspace

FAST_DEMO = {
    "name": "demo",
    "type": "scenario",
    "seed": 3,
    "speed": 900,
    "history": "1d",
    "lead": "3h",
    "heartbeat": 0.2,
    "waves": [{"brand": "vuelaya", "cause": "cancelled_flights", "at": "20m", "size": 150}],
}


def demo_workspace(root: Path, **source: object) -> Workspace:
    return write_workspace(
        root, sources=[{**FAST_DEMO, **source}], language="en", web={"enabled": False, "host": "127.0.0.1", "port": 0}
    )


def test_the_embedded_pipeline_catches_the_scenario_wave_with_its_history(tmp_path: Path) -> None:
    workspace = demo_workspace(tmp_path / "ws")
    events = []

    async def scenario_run() -> None:
        with Radar.open(workspace) as radar:
            stop = asyncio.Event()
            pipeline = radar.pipeline()

            def seen(outcome: Outcome) -> None:
                events.extend(outcome.events)
                if any(e.level >= Level.INCIDENT for e in events):
                    stop.set()

            runner = EmbeddedRunner(pipeline, queue_size=4, on_outcome=seen)
            asyncio.get_running_loop().call_later(60, stop.set)
            stats = await runner.run(radar.feeds(), stop)
            assert stats.inserted > 1000 and stats.problems == 0

    asyncio.run(scenario_run())
    opened = [e for e in events if e.change == "opened"]
    assert opened and opened[0].brand == "vuelaya", events
    incident = next(e for e in events if e.level >= Level.INCIDENT)
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        anchor = datetime.fromisoformat(connection.execute(select(source_state.c.cursor)).scalar_one()["anchor"])
        history = connection.execute(
            select(alert_event).where(alert_event.c.at < anchor, alert_event.c.to_level.in_(["incident", "crisis"]))
        ).all()
    onset = anchor + timedelta(minutes=20)
    assert history == [], "a quiet day of history must not raise an incident"
    delay = (incident.at - onset).total_seconds() / 60
    assert 0 < delay <= 30, f"incident {delay:.0f} minutes after the onset"


def _stored_keys(workspace: Workspace) -> set[tuple[str, str]]:
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        return {
            (row.source, row.native_id) for row in connection.execute(select(mention.c.source, mention.c.native_id))
        }


def _run_command(workspace: Workspace, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "ASCUA_LANG": "en", "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "ascua", "run", "--workspace", str(workspace.root), *extra]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_sigterm_flushes_and_a_restart_resumes_without_loss_or_repeats(tmp_path: Path) -> None:
    workspace = demo_workspace(tmp_path / "ws", speed=300, waves=[])
    first = _run_command(workspace, "--no-web")
    time.sleep(6)
    first.send_signal(signal.SIGTERM)
    out, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    assert "Stopped." in out
    with Radar.open(workspace) as radar:
        cursor = radar.cursors()["demo"]
    assert cursor is not None and cursor["time"]
    keys_after_first = _stored_keys(workspace)
    second = _run_command(workspace, "--no-web", "--duration", "4s")
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    keys = _stored_keys(workspace)
    assert keys_after_first < keys
    # Everything the scenario produced up to the saved cursor is stored: nothing lost.
    with Radar.open(workspace) as radar:
        cursor = radar.cursors()["demo"]
        options = ScenarioOptions.model_validate(
            {k: v for k, v in FAST_DEMO.items() if k not in ("name", "type")} | {"speed": 300, "waves": []}
        )
    source = ScenarioSource("demo", options, SourceContext(zone=UTC, batch_size=500))
    anchor = datetime.fromisoformat(cursor["anchor"])
    last = datetime.fromisoformat(cursor["time"])
    expected = set()
    for moment, record in source.scenario(anchor).timed_records():
        if (moment, record["id"]) > (last, cursor["id"]):
            break
        expected.add((record["source"], record["id"]))
    assert expected == keys  # brand-matched scenario posts: all of them, once


def test_make_run_style_start_prints_the_dashboard_url_and_the_alert(tmp_path: Path) -> None:
    workspace = demo_workspace(tmp_path / "ws")
    config = (workspace.root / "ascua.yaml").read_text(encoding="utf-8").replace("enabled: false", "enabled: true")
    (workspace.root / "ascua.yaml").write_text(config, encoding="utf-8")
    process = _run_command(workspace, "--port", "0", "--duration", "90s")
    assert process.stdout is not None
    lines = []
    deadline = time.monotonic() + 80
    for line in process.stdout:  # read as the radar prints, stop once the incident (or worse) is out
        lines.append(line)
        if "INCIDENT ·" in line or "CRISIS ·" in line or time.monotonic() > deadline:
            process.send_signal(signal.SIGINT)
            break
    rest, err = process.communicate(timeout=60)
    out = "".join(lines) + rest
    assert process.returncode == 0, out + err
    assert "Dashboard: http://127.0.0.1:" in out
    opened = re.search(r"(?:WATCH|INCIDENT|CRISIS) · Vuelaya · alert #(\d+) opened", out)
    assert opened, out
    number = opened.group(1)
    assert re.search(rf"(?:INCIDENT|CRISIS) · Vuelaya · alert #{number}", out), out
    assert f"/alerts/{number}" in out
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(alert)).scalar_one() >= 1
