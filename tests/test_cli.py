"""The command line as a script sees it: help everywhere, stable exit codes, plain errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ascua.cli import app

runner = CliRunner()
COMMANDS = [["init"], ["run"], ["serve"], ["import"], ["status"], ["scenario"], ["scenario", "export"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def test_init_then_status_on_an_empty_workspace(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "ws")])
    assert result.exit_code == 0 and "ascua.yaml" in result.output
    assert runner.invoke(app, ["init", str(tmp_path / "ws")]).exit_code == 2
    result = runner.invoke(app, ["status", "--workspace", str(tmp_path / "ws"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [b["key"] for b in report["brands"]] == ["vuelaya", "frutalia", "conectia"]
    assert report["counts"]["mentions"] == 0 and report["open_alerts"] == []


def test_configuration_errors_exit_2_with_file_line_and_field(tmp_path: Path) -> None:
    (tmp_path / "ascua.yaml").write_text("brands:\n  - id: a\n    name: A\n    query: 'a AND'\n", encoding="utf-8")
    result = runner.invoke(app, ["status", "--workspace", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{tmp_path / 'ascua.yaml'}:4: brands[0].query:" in result.output
    result = runner.invoke(app, ["status", "--workspace", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "ascua init" in result.output


def test_import_exit_codes(tmp_path: Path) -> None:
    runner.invoke(app, ["init", str(tmp_path)])
    good = tmp_path / "good.jsonl"
    good.write_text(
        '{"source": "x", "id": "1", "text": "vuelaya", "created_at": "2026-01-05T10:00:00Z"}\n', encoding="utf-8"
    )
    bad = tmp_path / "bad.jsonl"
    bad.write_text(good.read_text() + "{oops\n", encoding="utf-8")
    assert runner.invoke(app, ["import", str(good), "-w", str(tmp_path), "-q"]).exit_code == 0
    result = runner.invoke(app, ["import", str(bad), "-w", str(tmp_path), "-q"])
    assert result.exit_code == 3 and f"{bad}:2: not valid JSON" in result.output
    assert runner.invoke(app, ["import", str(bad), "-w", str(tmp_path), "-q", "--strict"]).exit_code == 1
    assert runner.invoke(app, ["import", str(tmp_path / "missing.csv"), "-w", str(tmp_path)]).exit_code == 2
    result = runner.invoke(app, ["import", str(good), "-w", str(tmp_path), "--map", "colour=x"])
    assert result.exit_code == 2 and "not a field" in result.output
    result = runner.invoke(app, ["import", str(good), "-w", str(tmp_path), "--brand", "acme"])
    assert result.exit_code == 2 and "no brand 'acme'" in result.output


def test_scenario_export_is_deterministic_under_the_seed(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    for path, seed in ((a, 4), (b, 4), (c, 5)):
        result = runner.invoke(
            app, ["scenario", "export", "--mentions", "500", "--seed", str(seed), "--out", str(path)]
        )
        assert result.exit_code == 0, result.output
    assert a.read_bytes() == b.read_bytes() != c.read_bytes()
    assert len(a.read_text().splitlines()) == 500
