"""The command line as a script sees it: help everywhere, stable exit codes, plain errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ascua.cli import app

runner = CliRunner()
COMMANDS = [
    ["init"], ["run"], ["serve"], ["import"], ["status"], ["scenario"], ["scenario", "export"],
    ["query"], ["query", "test"], ["analyze"], ["backtest"], ["report"], ["ack"], ["room"], ["room", "show"],
    ["room", "status"], ["room", "step"], ["statement", "save"], ["statement", "approve"], ["statement", "send"],
    ["statement", "publish"], ["statement", "rewrite"], ["sources"], ["sources", "check"],
]  # fmt: skip


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


# --- ascua query test ----------------------------------------------------------------------

POSTS = [
    {"source": "mastodon", "id": "5", "created_at": "2026-01-05T09:00:00Z", "lang": "en",
     "text": "Vuelaya cancelled my flight, I want a refund", "author": {"handle": "@kim"}},
    {"source": "x", "id": "1", "created_at": "2026-01-05T10:00:00Z", "lang": "es",
     "text": "Vuelaya me ha cancelado el vuelo [bold]sin avisar[/bold]", "author": {"handle": "@ana"}},
    {"source": "bluesky", "id": "2", "created_at": "2026-01-05T11:00:00Z",
     "text": "@vuelaya ¿y mi REEMBOLSO? Llevo tres semanas esperando una respuesta", "author": {"handle": "@pepe"}},
    {"source": "x", "id": "3", "created_at": "2026-01-05T12:00:00Z",
     "text": "Vuelaya, todo perfecto hoy: el vuelo llegó puntual y la tripulación fue muy amable",
     "author": {"handle": "@luis"}},
    {"source": "x", "id": "4", "created_at": "2026-01-05T13:00:00Z",
     "text": "Frutalia abre una tienda nueva en el centro", "author": {"handle": "@ana"}},
]  # fmt: skip


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    """A workspace holding five imported mentions (four of Vuelaya, one of Frutalia)."""
    workspace = tmp_path / "ws"
    assert runner.invoke(app, ["init", str(workspace)]).exit_code == 0
    data = tmp_path / "posts.jsonl"
    data.write_text("".join(json.dumps(post, ensure_ascii=False) + "\n" for post in POSTS), encoding="utf-8")
    result = runner.invoke(app, ["import", str(data), "-w", str(workspace), "-q"])
    assert result.exit_code == 0, result.output
    return workspace


def test_query_test_shows_the_stored_mentions_a_query_matches(stored: Path) -> None:
    result = runner.invoke(app, ["query", "test", "vuelaya AND (cancel* OR reembols* OR refund)", "-w", str(stored)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1] == "3 of 5 stored mentions match the query."
    shown = lines[:-1]
    assert len(shown) == 3
    assert "2026-01-05 11:00 UTC  bluesky  @pepe  @vuelaya ¿y mi REEMBOLSO?" in shown[0]  # newest first
    assert shown[1] == "2026-01-05 10:00 UTC  x  @ana  Vuelaya me ha cancelado el vuelo [bold]sin avisar[/bold]"
    assert "@kim" in shown[2]

    result = runner.invoke(app, ["query", "test", "vuelaya", "-w", str(stored), "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert "4 of 5 stored mentions match the query." in result.output
    assert "Showing the newest 1; --limit N shows more." in result.output

    result = runner.invoke(app, ["query", "test", "vuelaya", "-w", str(stored), "--brand", "frutalia"])
    assert result.output.strip() == "0 of 1 stored mentions of frutalia match the query."

    result = runner.invoke(app, ["query", "test", "vuelaya", "-w", str(stored)], env={"ASCUA_LANG": "es"})
    assert "4 de 5 menciones guardadas coinciden con la consulta." in result.output


def test_query_test_as_json_with_fields_exclusions_and_the_detected_language(stored: Path) -> None:
    def preview(*arguments: str) -> dict[str, object]:
        result = runner.invoke(app, ["query", "test", *arguments, "-w", str(stored), "--json"])
        assert result.exit_code == 0, result.output
        report: dict[str, object] = json.loads(result.output)
        return report

    report = preview("vuelaya")
    assert (report["matched"], report["scanned"]) == (4, 5)
    mentions = report["mentions"]
    assert isinstance(mentions, list)
    assert [m["source"] for m in mentions] == ["x", "bluesky", "x", "mastodon"]
    assert mentions[2]["text"] == POSTS[1]["text"] and mentions[2]["created_at"] == "2026-01-05T10:00:00Z"
    # The source gave no language for posts 2 and 3: lang: sees the analysed one.
    assert preview("vuelaya lang:es")["matched"] == 3
    assert preview("source:bluesky OR author:@kim")["matched"] == 2
    assert preview("vuelaya", "--exclude", "refund OR reembolso OR puntual")["matched"] == 1
    assert preview("vuelaya NEAR/3 cancelado")["matched"] == 1


def test_query_test_refuses_an_invalid_query_with_its_position(stored: Path) -> None:
    result = runner.invoke(app, ["query", "test", "vuelaya AND (retraso", "-w", str(stored)])
    assert result.exit_code == 2
    assert "error: at position 20: the query ends too early — close the parenthesis" in result.output
    assert "  vuelaya AND (retraso\n" + " " * 22 + "^" in result.output
    result = runner.invoke(app, ["query", "test", "vuelaya", "--exclude", "colour:red", "-w", str(stored)])
    assert result.exit_code == 2 and "in the exclusion, at position 0: unknown field 'colour'" in result.output
    result = runner.invoke(app, ["query", "test", "reembols* OR a*", "-w", str(stored)])
    assert result.exit_code == 2 and "too broad" in result.output
    result = runner.invoke(app, ["query", "test", "vuelaya", "-w", str(stored), "--brand", "acme"])
    assert result.exit_code == 2 and "no brand 'acme'" in result.output
    result = runner.invoke(app, ["query", "test", "vuelaya AND (", "-w", str(stored)], env={"ASCUA_LANG": "es"})
    assert result.exit_code == 2 and "en la posición 13: la consulta termina antes de tiempo" in result.output


def test_the_preview_reads_in_chunks_and_gives_the_same_answer(stored: Path) -> None:
    from ascua.config import load_workspace
    from ascua.query.preview import preview_query
    from ascua.store.database import open_database

    database = open_database(load_workspace(stored).database_url)
    try:
        whole = preview_query(database, "vuelaya OR frutalia", limit=10)
        chunked = preview_query(database, "vuelaya OR frutalia", limit=10, chunk_size=2)
        one_brand = preview_query(database, "vuelaya", limit=10, brand="vuelaya", chunk_size=1)
    finally:
        database.close()
    assert whole == chunked and (whole.matched, whole.scanned) == (5, 5)
    assert [m.id for m in whole.mentions] == sorted((m.id for m in whole.mentions), reverse=True)
    assert (one_brand.matched, one_brand.scanned) == (4, 4)
