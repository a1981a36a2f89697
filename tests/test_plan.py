"""The crisis plan: validated with file, line and field; its readiness in plain words with a score."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from ascua.cli import app
from ascua.config import ConfigError, Workspace
from ascua.respond.plan import load_plan, plan_schema, readiness, workspace_readiness

from .conftest import write_workspace

DOCS_SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "plan.schema.json"
TODAY = date(2026, 12, 1)


def write_plan(workspace: Workspace, plan: dict[str, object]) -> Path:
    path = workspace.plan_path
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_the_example_plan_is_valid_and_names_what_it_lacks(workspace: Workspace, tmp_path: Path) -> None:
    report = workspace_readiness(workspace, TODAY)
    assert report.score == 70
    assert [finding.field for finding in report.findings] == [
        "stakeholders.opinion_makers.contacts",
        "stakeholders.bloggers.contacts",
        "escalation",  # the example names no SMTP server: the radar could e-mail nobody
    ]
    assert "Daniel Ortega, Lucía Romero, Marta Gil" in report.findings[2].problem
    assert all(finding.fix for finding in report.findings)
    smtp = {"console": True, "email": "mailtos://radar:${SMTP_PASSWORD}@smtp.example.com?from=radar@example.com"}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SMTP_PASSWORD", "x")
        with_smtp = write_workspace(tmp_path / "smtp", sources=[], alerts=smtp)
    assert workspace_readiness(with_smtp, TODAY).score == 80


def test_a_sparse_plan_gets_every_gap_with_its_fix_and_a_low_score(workspace: Workspace) -> None:
    path = write_plan(
        workspace,
        {
            "version": 1,
            "reviewed": "2025-12-01",
            "team": [{"name": "Ana", "email": "ana@example.com"}],
            "spokesperson": {"name": "Ana", "email": "ana@example.com"},
            "stakeholders": {"journalists": {"channel": "email", "contacts": ["not an address"]}},
            "channels": [{"name": "blog", "url": "https://example.com/blog", "publisher": "Luis"}],
            "escalation": [{"level": "incident", "notify": ["Ana", "Pedro"]}],
            "templates": {"es": {"holding_statement": "Lo sentimos."}},
        },
    )
    report = readiness(load_plan(path), today=TODAY, languages=["es", "en"])
    problems = {finding.field: finding for finding in report.findings}
    assert problems["spokesperson.phone"].severity == "critical"
    assert "backup_spokesperson" in problems and "escalation" in problems  # no crisis rule
    assert (
        "not in the plan" in problems["escalation[0].notify"].problem
        and "Pedro" in problems["escalation[0].notify"].problem
    )
    assert "Luis" in problems["channels[0].publisher"].problem
    assert "cannot be reached by email" in problems["stakeholders.journalists.contacts[0]"].problem
    assert "12 months ago" in problems["reviewed"].problem and "templates.en" in problems
    assert [f.severity for f in report.findings] == sorted(
        (f.severity for f in report.findings), key=["critical", "important", "minor"].index
    )
    assert report.score < 20


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("version: 1\nteam:\n  - name: Ana\n    email: ana-at-example\n", "plan.yaml:4", "team[0].email"),
        ("version: 1\nspokesman:\n  name: Ana\n", "plan.yaml:2", "unknown field"),
        ("version: 1\nteam: [\n", "plan.yaml", "not valid YAML"),
        ("version: 1\nescalation:\n  - level: panic\n    notify: [Ana]\n", "plan.yaml:3", "escalation[0].level"),
    ],
)
def test_a_plan_with_a_mistake_is_reported_with_file_line_and_field(
    workspace: Workspace, text: str, where: str, message: str
) -> None:
    workspace.plan_path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_plan(workspace.plan_path)
    assert where in str(caught.value) and message in str(caught.value)
    result = CliRunner().invoke(app, ["plan", "check", "--workspace", str(workspace.root)])
    assert result.exit_code == 2 and message in result.output


def test_a_missing_plan_says_how_to_get_one(workspace: Workspace) -> None:
    workspace.plan_path.unlink()
    result = CliRunner().invoke(app, ["plan", "check", "--workspace", str(workspace.root)])
    assert result.exit_code == 2 and "ascua init" in result.output


def test_plan_check_prints_the_score_and_json_for_scripts(workspace: Workspace) -> None:
    runner = CliRunner()
    text = runner.invoke(app, ["plan", "check", "--workspace", str(workspace.root)])
    assert text.exit_code == 0 and "readiness 70/100" in text.output and "add who to tell" in text.output
    data = json.loads(runner.invoke(app, ["plan", "check", "--workspace", str(workspace.root), "--json"]).output)
    assert data["score"] == 70 and {tuple(f) for f in data["findings"]} == {("severity", "field", "problem", "fix")}


def test_the_published_schema_is_the_plans_own() -> None:
    assert json.loads(DOCS_SCHEMA.read_text(encoding="utf-8")) == plan_schema()
    printed = CliRunner().invoke(app, ["plan", "schema"])
    assert printed.exit_code == 0 and json.loads(printed.output) == plan_schema()


def test_the_radar_warns_when_readiness_dropped_since_it_last_looked(workspace: Workspace) -> None:
    import io

    from rich.console import Console

    from ascua.radar import Radar
    from ascua.runtime import RadarRun

    def banner() -> str:
        console = Console(file=io.StringIO(), width=300)
        with Radar.open(workspace) as radar:
            assert RadarRun(radar, console, console, web=False, duration=0.1).start() == 0
        return console.file.getvalue()  # type: ignore[attr-defined]

    assert "readiness 70/100" in banner() and "dropped" not in banner()
    text = workspace.plan_path.read_text(encoding="utf-8")
    backup = (
        'backup_spokesperson:\n  name: Lucía Romero\n  email: lucia.romero@example.com\n  phone: "+34 600 000 001"\n'
    )
    without_backup = text.replace(backup, "")
    assert without_backup != text
    workspace.plan_path.write_text(without_backup, encoding="utf-8")
    shown = banner()
    assert "readiness dropped from 70 to 60/100" in shown
    assert "· no backup spokesperson" in shown and "· the stakeholder group" not in shown  # only what is new
    assert "dropped" not in banner()  # said once
