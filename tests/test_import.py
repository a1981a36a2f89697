"""``ascua import``: bad rows are named and skipped, nothing is stored twice, a killed import resumes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ascua.config import Workspace
from ascua.detect.replay import backtest_workspace
from ascua.importer import ImportOptions, import_file
from ascua.model import Level
from ascua.radar import Radar
from ascua.scenario.export import export
from ascua.store.schema import alert, brand, brand_window, mention, mention_brand

from .conftest import write_workspace

START = "2026-01-05T08:00:00Z"

DATE_HINT = "(write it like 2026-11-23T15:00:00Z, 2026-11-23 16:00:00 +0100 or a Unix time)"


def rows(**extra: object) -> dict[str, object]:
    return {
        "source": "x",
        "id": "1",
        "text": "Vuelaya otra vez tarde",
        "created_at": START,
        "author": {"handle": "@ana"},
        **extra,
    }


def jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def stored(workspace: Workspace, table=mention) -> int:
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar_one()


def window_rows(workspace: Workspace) -> list[tuple]:
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        query = select(brand_window).order_by(brand_window.c.brand_id, brand_window.c.scale, brand_window.c.start)
        return [tuple(row)[:-1] for row in connection.execute(query)]  # all but updated_at


def run_import(workspace: Workspace, path: Path, **options: object):
    options.setdefault("workers", 0)  # in this process: faster to start; the worker path has its own tests
    with Radar.open(workspace) as radar:
        return import_file(radar, path, ImportOptions(**options))  # type: ignore[arg-type]


def test_importing_the_same_file_twice_changes_nothing(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "scenario.jsonl"
    export(3000, seed=3, start=datetime(2026, 1, 5, tzinfo=UTC), waves=False, out=path)
    first = run_import(workspace, path)
    assert first.problems == [] and first.inserted == 3000 and first.unmatched == 0
    assert sum(first.brands.values()) >= 3000
    windows = window_rows(workspace)
    second = run_import(workspace, path)
    assert (second.inserted, second.duplicates) == (0, 3000)
    assert stored(workspace) == 3000
    assert window_rows(workspace) == windows


def test_bad_rows_are_named_and_the_rest_goes_on(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    lines = [
        json.dumps(rows(id="1")),
        '{"source": "x", "id": "2", "text": "broken',  # malformed JSON
        json.dumps(rows(id="3", created_at="the day before yesterday")),  # bad date
        json.dumps(rows(id="4", colour="red")),  # unknown field: warned, stored
        json.dumps(rows(id="5", text="Vuelaya " + "x" * 1_100_000)),  # a 1 MB post: cut, stored
        json.dumps(rows(id="6", text=None)),
        json.dumps(["not", "an", "object"]),
    ]
    data = (
        "\n".join(lines).encode()
        + b"\n"
        + b'{"source": "x", "id": "7", "text": "caf\xe9 vuelaya", "created_at": "2026-01-05T09:00:00Z"}\n'
    )
    path.write_bytes(data)
    report = run_import(workspace, path)
    messages = [str(problem) for problem in report.problems]
    assert messages == [
        f"{path}:2: not valid JSON (unexpected end of data at column 43)",
        f"{path}:3: field 'created_at': cannot read the date 'the day before yesterday' {DATE_HINT}",
        f"{path}:6: field 'text': missing",
        f"{path}:7: expected a JSON object per line, got list",
        f"{path}:8: invalid UTF-8 at byte 40 of the line",
    ]
    warnings = [str(problem) for problem in report.warnings]
    assert f"{path}:4: unknown field 'colour' ignored (see docs/mention-schema.md)" in warnings
    assert any(w.startswith(f"{path}:5: field 'text': 1,100,008 characters, cut to 65,536") for w in warnings)
    assert report.inserted == 3 and stored(workspace) == 3


def test_strict_stores_nothing_when_a_row_is_wrong(workspace: Workspace, tmp_path: Path) -> None:
    path = jsonl(tmp_path / "m.jsonl", [rows(id="1"), rows(id="2", created_at="never")])
    report = run_import(workspace, path, strict=True)
    assert len(report.problems) == 1 and report.stored_nothing_because and stored(workspace) == 0
    report = run_import(workspace, path, strict=True, raw=True)
    assert report.stored_nothing_because and stored(workspace) == 0


def test_empty_file_says_so(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    report = run_import(workspace, path)
    assert report.stored_nothing_because == f"{path}: the file is empty; nothing to import"


def test_csv_exports_with_a_column_mapping(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "Fecha,Usuario,Mensaje,Seguidores,Red,Notas\n"
        '2026-01-05 10:00:00,@ana,"Vuelaya, ¿dónde está\nmi maleta?",120,x,vip\n'
        "2026-01-05 09:00:00,@luis,Gracias Vuelaya!,15,x,\n"
        "ayer,@eva,Vuelaya mal,3,x,\n"
        "2026-01-05 11:00:00,@eva,Vuelaya mal\n",
        encoding="utf-8",
    )
    report = run_import(
        workspace,
        path,
        mapping={
            "created_at": "Fecha",
            "author.handle": "Usuario",
            "text": "Mensaje",
            "author.followers": "Seguidores",
            "source": "Red",
        },
    )
    assert [str(p) for p in report.problems] == [
        f"{path}:5: field 'created_at': cannot read the date 'ayer' {DATE_HINT}",
        f"{path}:6: the row has 3 columns, the header 6",
    ]
    assert report.inserted == 2
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        first = connection.execute(select(mention).order_by(mention.c.created_at)).all()
    assert [m.author_handle for m in first] == ["@luis", "@ana"]
    assert first[1].text == "Vuelaya, ¿dónde está\nmi maleta?" and first[1].raw == {"Notas": "vip"}
    assert first[1].created_at.hour == 9  # 10:00 in Europe/Madrid, the workspace's zone


def test_a_mapping_to_a_missing_column_stops_before_anything_is_stored(workspace: Workspace, tmp_path: Path) -> None:
    from ascua.sources.files import MappingError

    path = tmp_path / "export.csv"
    path.write_text("date,text\n2026-01-05,vuelaya\n", encoding="utf-8")
    with pytest.raises(
        MappingError, match=r"export.csv:1: column 'Usuario' \(for author.handle\) is not in the header"
    ):
        run_import(workspace, path, mapping={"author.handle": "Usuario"})
    assert stored(workspace) == 0


def test_raw_then_full_import_analyses_what_raw_stored(workspace: Workspace, tmp_path: Path) -> None:
    path = jsonl(tmp_path / "m.jsonl", [rows(id=str(i), text=f"vuelaya vuelo cancelado {i}") for i in range(20)])
    raw = run_import(workspace, path, raw=True)
    assert raw.inserted == 20 and stored(workspace, mention_brand) == 0
    full = run_import(workspace, path)
    assert full.inserted == 0 and stored(workspace, mention_brand) == 20 and sum(full.brands.values()) == 20


def test_unmatched_rows_are_reported_and_brand_forces_them(workspace: Workspace, tmp_path: Path) -> None:
    path = jsonl(tmp_path / "m.jsonl", [rows(id="1", text="nothing about any brand")])
    report = run_import(workspace, path)
    assert report.unmatched == 1 and stored(workspace) == 0
    report = run_import(workspace, path, brand="conectia")
    assert report.inserted == 1 and report.brands["conectia"] == 1


def test_import_through_the_pipeline_detects_the_scenario_wave(tmp_path: Path) -> None:
    workspace = write_workspace(tmp_path / "ws", sources=[], language="en")
    path = tmp_path / "scenario.jsonl"
    result = export(25_000, seed=11, start=datetime(2026, 1, 5, tzinfo=UTC), out=path)
    negative = [w for w in result.truth if w.kind == "negative" and not w.coordinated]
    assert negative, "the export should hold a negative wave"
    report = run_import(workspace, path)
    assert report.problems == []
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        alerts = connection.execute(select(alert)).all()
        keys = {row.id: row.key for row in connection.execute(select(brand))}
    for wave in negative:
        caught = [a for a in alerts if keys[a.brand_id] == wave.brand and a.peak_level in ("incident", "crisis")]
        assert any(wave.onset <= a.opened_at <= wave.onset + timedelta(hours=3) for a in caught), wave
        # Replaying the stored mentions (ascua backtest --workspace) finds the same wave.
        replayed = backtest_workspace(workspace, wave.brand)
        assert replayed.mentions == report.brands[wave.brand]
        rises = [a.first_at(Level.INCIDENT) for a in replayed.alerts]
        assert any(at is not None and wave.onset <= at <= wave.onset + timedelta(hours=3) for at in rises), wave


def _import_command(workspace: Path, path: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "ascua",
        "import",
        str(path),
        "--workspace",
        str(workspace),
        "--quiet",
        "--batch-size",
        "500",
    ]


def test_an_import_killed_mid_way_loses_at_most_a_batch_and_completes_on_rerun(tmp_path: Path) -> None:
    workspace = write_workspace(tmp_path / "ws", sources=[])
    path = tmp_path / "big.jsonl"
    export(20_000, seed=5, start=datetime(2026, 1, 5, tzinfo=UTC), waves=False, out=path)
    workers_before = _worker_processes()
    process = subprocess.Popen(_import_command(workspace.root, path), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and stored(workspace) < 2000:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while _worker_processes() - workers_before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _worker_processes() - workers_before, "the import's worker process outlived it"
    partial = stored(workspace)
    assert 2000 <= partial < 20_000, "the kill should land in the middle of the import"
    assert partial % 500 == 0 or partial == 20_000  # whole batches only
    # The partial state is consistent: every stored mention is in exactly the windows it belongs to.
    assert stored(workspace, mention_brand) == _hour_window_total(workspace)
    rerun = subprocess.run(_import_command(workspace.root, path), capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert stored(workspace) == 20_000
    assert stored(workspace, mention_brand) == _hour_window_total(workspace)
    assert f"{20_000 - partial:,} new mentions stored, {partial:,} already stored" in rerun.stdout


def _hour_window_total(workspace: Workspace) -> int:
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        query = select(func.sum(brand_window.c.mentions)).where(brand_window.c.scale == 3600)
        return int(connection.execute(query).scalar_one() or 0)


def test_sigint_stops_an_import_cleanly(tmp_path: Path) -> None:
    workspace = write_workspace(tmp_path / "ws", sources=[])
    path = tmp_path / "big.jsonl"
    export(20_000, seed=5, start=datetime(2026, 1, 5, tzinfo=UTC), waves=False, out=path)
    env = {**os.environ, "ASCUA_LANG": "en"}
    process = subprocess.Popen(
        _import_command(workspace.root, path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and stored(workspace) < 1000:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "run the same command again" in out
    assert stored(workspace) < 20_000 and stored(workspace) == stored(workspace, mention_brand)


def test_worker_processes_store_exactly_what_one_process_stores(tmp_path: Path) -> None:
    path = tmp_path / "scenario.jsonl"
    export(6000, seed=9, start=datetime(2026, 1, 5, tzinfo=UTC), out=path)
    with path.open("ab") as handle:
        handle.write(b'{"broken json\n')  # a bad row in the middle of a slice is still reported with its line
    outcomes = {}
    for workers in (0, 1):
        for raw in (True, False):
            workspace = write_workspace(tmp_path / f"ws-{workers}-{raw}", sources=[])
            report = run_import(workspace, path, raw=raw, workers=workers)
            with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
                keys = sorted(connection.execute(select(mention.c.source, mention.c.native_id)).all())
            problems = [str(p).split("/")[-1] for p in report.problems]
            outcomes[(workers, raw)] = (report.inserted, problems, keys, window_rows(workspace))
    assert outcomes[(0, True)][:3] == outcomes[(1, True)][:3]
    assert outcomes[(0, False)] == outcomes[(1, False)]
    assert outcomes[(1, True)][1] == ["scenario.jsonl:6001: not valid JSON (unexpected end of data at column 14)"]


def test_a_full_import_waits_for_no_one_but_refuses_to_share_the_workspace(tmp_path: Path) -> None:
    from ascua.store.lock import WorkspaceBusy, writer_lock

    workspace = write_workspace(tmp_path / "ws", sources=[])
    path = jsonl(tmp_path / "m.jsonl", [rows(id="1")])
    with Radar.open(workspace) as radar, writer_lock(radar.database):
        with pytest.raises(WorkspaceBusy, match="already writing"):
            run_import(workspace, path)
        assert run_import(workspace, path, raw=True).inserted == 1  # raw imports do not count windows


def _worker_processes() -> set[int]:
    import psutil

    return {
        p.pid for p in psutil.process_iter(["cmdline"]) if "multiprocessing.spawn" in " ".join(p.info["cmdline"] or [])
    }
