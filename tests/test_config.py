"""A community manager edits ascua.yaml by hand: every mistake must say where it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from ascua.config import ConfigError, init_workspace, load_workspace


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "ascua.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_init_writes_a_valid_example_workspace(tmp_path: Path) -> None:
    written = init_workspace(tmp_path / "ws")
    assert sorted(p.name for p in written) == ["ascua.yaml", "plan.yaml"]
    workspace = load_workspace(tmp_path / "ws")
    assert [b.id for b in workspace.config.brands] == ["vuelaya", "frutalia", "conectia"]
    assert workspace.config.brands[0].own_accounts == ["@vuelaya", "@vuelaya_ayuda"]
    assert workspace.config.sources[0].type == "scenario"
    assert workspace.plan_path == (tmp_path / "ws" / "plan.yaml").resolve()
    assert workspace.database_url.startswith("sqlite:///") and workspace.database_url.endswith("ascua.db")


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    init_workspace(tmp_path)
    with pytest.raises(FileExistsError, match="--force"):
        init_workspace(tmp_path)
    init_workspace(tmp_path, force=True)


def test_missing_workspace_says_how_to_create_one(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="ascua init"):
        load_workspace(tmp_path)


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        (
            "version: 1\nbrands:\n  - id: acme\n    name: Acme\n    query: acme\n    colour: red\n",
            6,
            "brands[0].colour",
            "unknown field",
        ),
        (
            "brands:\n  - id: acme\n    name: Acme\n    query: 'acme AND (a'\n",
            4,
            "brands[0].query",
            "close the parenthesis",
        ),
        ("brands:\n  - id: Acme Corp\n    name: Acme\n    query: acme\n", 2, "brands[0].id", "lowercase"),
        ("brands:\n  - id: acme\n    query: acme\n", 2, "brands[0].name", "required"),
        ("web:\n  port: seventy\n", 2, "web.port", "integer"),
        ("timezone: Mars/Olympus\n", 1, "timezone", "unknown time zone"),
        ("pipeline:\n  windows: [5 minutes]\n", 2, "pipeline.windows[0]", "duration"),
        (
            "brands:\n  - id: a\n    name: A\n    query: a\n    detection:\n      watch_people: 50\n",
            5,
            "brands[0].detection",
            "watch_people",
        ),
        ("sources:\n  - name: s\n    type: carrier-pigeon\n", 3, "sources[0].type", "unknown source type"),
    ],
)
def test_errors_name_the_file_the_line_and_the_field(
    tmp_path: Path, text: str, line: int, field: str, words: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_workspace(write(tmp_path, text))
    error = caught.value
    assert error.path.name == "ascua.yaml"
    assert error.line == line, str(error)
    assert error.field == field, str(error)
    assert words in str(error)
    assert str(error).startswith(f"{tmp_path / 'ascua.yaml'}:{line}: {field}: ")


def test_duplicate_keys_and_duplicate_brands_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="appears twice") as caught:
        load_workspace(write(tmp_path, "name: a\nname: b\n"))
    assert caught.value.line == 2
    with pytest.raises(ConfigError, match="used twice"):
        load_workspace(write(tmp_path, "brands:\n  - {id: a, name: A, query: a}\n  - {id: a, name: B, query: b}\n"))


def test_broken_yaml_and_bad_bytes_are_located(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid YAML") as caught:
        load_workspace(write(tmp_path, "brands:\n  - id: a\n   name: x\n"))
    assert caught.value.line == 3
    (tmp_path / "ascua.yaml").write_bytes(b"name: ok\nname2: \xff\xfe\n")
    with pytest.raises(ConfigError, match="UTF-8") as caught:
        load_workspace(tmp_path)
    assert caught.value.line == 2
    with pytest.raises(ConfigError, match="empty"):
        load_workspace(write(tmp_path, "# nothing\n"))


def test_secrets_come_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "alerts:\n  targets:\n    - name: team\n      url: json://${HOOK_HOST}/hook\n"
    with pytest.raises(ConfigError, match="HOOK_HOST is not set") as caught:
        load_workspace(write(tmp_path, text))
    assert caught.value.line == 4
    monkeypatch.setenv("HOOK_HOST", "127.0.0.1:9")
    workspace = load_workspace(tmp_path)
    assert workspace.config.alerts.targets[0].url == "json://127.0.0.1:9/hook"
    assert "127.0.0.1:9" not in repr(workspace.config)  # secrets stay out of reprs and logs


def test_database_url_comes_from_the_environment_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = load_workspace(write(tmp_path, "database: sqlite:////tmp/x.db\n"))
    assert workspace.database_url == "sqlite:////tmp/x.db"
    monkeypatch.setenv("ASCUA_DATABASE_URL", "postgresql://u@127.0.0.1/db")
    assert workspace.database_url == "postgresql://u@127.0.0.1/db"


def test_scenario_source_options_are_validated_with_their_line(tmp_path: Path) -> None:
    text = "sources:\n  - name: demo\n    type: scenario\n    speed: fast\n"
    with pytest.raises(ConfigError, match="valid number") as caught:
        load_workspace(write(tmp_path, text))
    assert (caught.value.line, caught.value.field) == (4, "sources[0].speed")
    text = "sources:\n  - name: demo\n    type: scenario\n    waves:\n      - {brand: acme, at: 5m}\n"
    with pytest.raises(ConfigError, match="scenario knows the brands") as caught:
        load_workspace(write(tmp_path, text))
    assert caught.value.field == "sources[0].waves[0].brand"


def test_the_analysis_section_chooses_the_deep_model_and_needs_a_path_for_transformers(tmp_path: Path) -> None:
    assert load_workspace(write(tmp_path, "name: a\n")).config.analysis.deep_model == "builtin"
    text = (
        "analysis:\n  deep_model: transformers\n  transformers:\n    path: models/twitter-xlmr\n"
        "    batch_size: 8\n    labels: {LABEL_0: Negative, 2: positive}\n"
    )
    settings = load_workspace(write(tmp_path, text)).config.analysis.transformers
    assert settings is not None and settings.path == "models/twitter-xlmr"
    assert (settings.batch_size, settings.max_length, settings.threads) == (8, 128, 1)
    assert settings.labels == {"LABEL_0": "negative", "2": "positive"}
    no_path = "analysis:\n  deep_model: transformers\n  transformers:\n    batch_size: 8\n"
    bad_label = "analysis:\n  transformers:\n    path: m\n    labels: {LABEL_0: angry}\n"
    for text, line, field, words in [
        ("analysis:\n  deep_model: transformers\n", 1, "analysis", "path of the model folder"),
        (no_path, 3, "analysis.transformers.path", "required"),
        ("analysis:\n  deep_model: bert\n", 2, "analysis.deep_model", "builtin"),
        (bad_label, 4, "analysis.transformers.labels", "negative, neutral or positive"),
    ]:
        with pytest.raises(ConfigError, match=words) as caught:
            load_workspace(write(tmp_path, text))
        assert (caught.value.line, caught.value.field) == (line, field), str(caught.value)
