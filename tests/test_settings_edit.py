"""Changing a brand's query from the Settings page and the API: ascua.yaml keeps its comments and
layout, only the query lines change, the previous file is kept, a wrong query is refused with
where it is and the file left as it was, and only an admin may do it."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ascua.accounts import add_account, create_token
from ascua.config import Workspace, init_workspace, load_workspace
from ascua.config_edit import EditError, set_brand_query
from ascua.query import QueryError
from ascua.radar import Radar
from ascua.web.app import create_app
from tests.conftest import PASSWORD, logged_in


def _changed(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:2] in ("- ", "+ ")]


def test_only_the_query_lines_change_and_the_old_file_is_kept(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    init_workspace(root)  # the example file, with its comments and layout
    path = root / "ascua.yaml"
    before = path.read_text(encoding="utf-8")
    assert "# " in before
    set_brand_query(path, "vuelaya", ' vuelaya OR "vuela ya" OR #vuelaya ', '"vuela ya veras" OR sorteo')
    after = path.read_text(encoding="utf-8")
    assert _changed(before, after) == [
        "- " + next(line for line in before.splitlines() if line.strip().startswith("query: 'vuelaya")),
        "+     query: 'vuelaya OR \"vuela ya\" OR #vuelaya'",
        "+     exclude: '\"vuela ya veras\" OR sorteo'",
    ]
    assert (root / "ascua.yaml.bak").read_text(encoding="utf-8") == before
    brand = next(b for b in load_workspace(root).config.brands if b.id == "vuelaya")
    assert (brand.query, brand.exclude) == ('vuelaya OR "vuela ya" OR #vuelaya', '"vuela ya veras" OR sorteo')
    set_brand_query(path, "vuelaya", "vuelaya", "")  # no exclusion: the line goes
    assert not any(line.strip().startswith("exclude:") for line in path.read_text(encoding="utf-8").splitlines())
    kept = path.read_text(encoding="utf-8")
    with pytest.raises(QueryError) as error:
        set_brand_query(path, "vuelaya", "vuelaya AND (", None)
    assert error.value.position is not None
    with pytest.raises(EditError, match="no brand 'nadie'"):
        set_brand_query(path, "nadie", "x", None)
    assert path.read_text(encoding="utf-8") == kept  # nothing written when anything is wrong


def test_an_admin_changes_a_query_from_the_settings_page_and_the_api(workspace: Workspace) -> None:
    path = workspace.root / "ascua.yaml"
    with Radar.open(workspace) as radar:
        engine = radar.database.engine
        add_account(engine, "root", PASSWORD, "admin")
        client = TestClient(create_app(workspace, radar.database))
        csrf = logged_in(client, engine, "admin")
        kept = path.read_text(encoding="utf-8")
        wrong = client.post("/settings/brands/vuelaya/query", data={"csrf": csrf, "query": "vuelaya AND (",
                                                                     "exclude": ""})  # fmt: skip
        assert wrong.status_code == 400 and "13" in wrong.text and 'role="alert"' in wrong.text  # where it is
        assert "vuelaya AND (" in wrong.text and path.read_text(encoding="utf-8") == kept
        change = {"csrf": csrf, "query": "vuelaya OR @vuelaya", "exclude": "sorteo"}
        done = client.post("/settings/brands/vuelaya/query", data=change, follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"].startswith("/settings?saved=vuelaya")
        shown = client.get(done.headers["location"])
        assert "ascua.yaml.bak" in shown.text and shown.text.count("vuelaya OR @vuelaya") >= 2  # saved, and pending
        assert client.post("/settings/brands/nadie/query", data={"csrf": csrf, "query": "x"}).status_code == 404
        # the API, with an admin's write token; a read token and an analyst's session may not
        _token, secret = create_token(engine, "root", "t", "write")
        headers = {"Authorization": f"Bearer {secret}"}
        answer = client.put("/api/v1/brands/frutalia/query", json={"query": "frutalia OR #frutalia"}, headers=headers)
        assert answer.status_code == 200 and answer.json()["exclude"] is None
        bad = client.put("/api/v1/brands/frutalia/query", json={"query": "frutalia AND ("}, headers=headers)
        assert bad.status_code == 400 and bad.json()["error"]["message"]
        _token, reader = create_token(engine, "root", "r", "read")
        denied = client.put("/api/v1/brands/frutalia/query", json={"query": "x"},
                            headers={"Authorization": f"Bearer {reader}"})  # fmt: skip
        assert denied.status_code == 403
        analyst = TestClient(create_app(workspace, radar.database))
        token = logged_in(analyst, engine, "analyst")
        assert analyst.post("/settings/brands/vuelaya/query", data={"csrf": token, "query": "x"}).status_code == 403
    config = load_workspace(workspace.root).config
    saved = {b.id: (b.query, b.exclude) for b in config.brands}
    assert saved["vuelaya"] == ("vuelaya OR @vuelaya", "sorteo") and saved["frutalia"] == (
        "frutalia OR #frutalia",
        None,
    )
    assert Path(str(path) + ".bak").exists()


def test_the_config_watch_applies_changed_queries_and_nothing_else(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from ascua.config import BrandConfig
    from ascua.query import BrandMatcher
    from ascua.reload import ConfigWatch, QueryChange

    root = tmp_path / "ws"
    init_workspace(root)
    workspace = load_workspace(root)
    path = root / "ascua.yaml"
    matcher = BrandMatcher.for_brands(workspace.config.brands)
    applied: list[list[BrandConfig]] = []
    watch = ConfigWatch(workspace, applied.append)
    assert not watch.check() and applied == []  # nothing changed since it was loaded
    set_brand_query(path, "vuelaya", 'vuelaya OR "aerolinea sur"', "sorteo")
    assert watch.check().queries == [QueryChange("vuelaya", 'vuelaya OR "aerolinea sur"', "sorteo")]
    assert not watch.check()  # once
    running = {b.id: (b.query, b.exclude) for b in workspace.config.brands}
    assert running["vuelaya"] == ('vuelaya OR "aerolinea sur"', "sorteo")
    rematched = matcher.with_brands(applied[0])
    from datetime import UTC, datetime

    from ascua.model import Mention

    post = Mention(source="x", native_id="1", text="Aerolínea Sur perdió mi maleta", created_at=datetime.now(UTC))
    assert matcher.match(post) == () and rematched.match(post) == ("vuelaya",)
    # a change elsewhere in the file is not applied (and said); a broken file changes nothing
    before = workspace.config
    path.write_text(path.read_text(encoding="utf-8").replace("timezone: Europe/Madrid", "timezone: UTC"), "utf-8")
    with caplog.at_level("WARNING"):
        assert not watch.check()
    assert "next start" in caplog.text and workspace.config is before
    path.write_text(path.read_text(encoding="utf-8").replace('"aerolinea sur"', '"aerolinea sur" AND ('), "utf-8")
    with caplog.at_level("ERROR"):
        assert not watch.check()
    assert "keeps what it runs" in caplog.text and "position" in caplog.text
    assert workspace.config is before and len(applied) == 1


def test_sources_and_targets_from_the_settings_page_and_the_api(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An admin switches a source off and on (from the next start), adds, changes and removes a
    notification target (applied by a running radar's watch); an address is a secret: it is
    written to ascua.yaml and never shown, logged or repeated in an error."""
    from ascua.reload import ConfigWatch
    from tests.conftest import write_workspace

    caplog.set_level("DEBUG")
    secret_url = "json://127.0.0.1:9/hook?token=SECRET-123"
    workspace = write_workspace(tmp_path / "ws", sources=[{"name": "demo", "type": "scenario"}])
    path = workspace.root / "ascua.yaml"
    with Radar.open(workspace) as radar:
        engine = radar.database.engine
        escalation = radar.escalation(radar.translations)
        watch = ConfigWatch(workspace, apply_alerts=lambda alerts: setattr(escalation, "alerts", alerts))
        client = TestClient(create_app(workspace, radar.database))
        csrf = logged_in(client, engine, "admin")
        client.cookies.set("lang", "en")
        # a source, off from the next start
        off = client.post(
            "/settings/sources/demo/enabled", data={"csrf": csrf, "enabled": "off"}, follow_redirects=False
        )
        assert off.status_code == 303 and not load_workspace(workspace.root).config.sources[0].enabled
        page = client.get(off.headers["location"])
        assert "next start" in page.text and "Switch on" in page.text
        listed = client.get("/api/v1/sources").json()["items"]
        assert [(s["name"], s["enabled"], s["enabled_from_next_start"]) for s in listed] == [("demo", True, False)]
        _token, token = create_token(engine, "admin-user", "t", "write")
        headers = {"Authorization": f"Bearer {token}"}
        assert client.put("/api/v1/sources/demo", json={"enabled": True}, headers=headers).status_code == 200
        assert load_workspace(workspace.root).config.sources[0].enabled
        assert client.put("/api/v1/sources/nowhere", json={"enabled": True}, headers=headers).status_code == 404
        # a target: added, shown without its address, applied by the watch
        added = client.post("/settings/targets", data={"csrf": csrf, "name": "chat", "url": secret_url,
                                                        "min_level": "watch"}, follow_redirects=False)  # fmt: skip
        assert added.status_code == 303
        page = client.get(added.headers["location"])
        assert "chat" in page.text and "json" in page.text and "SECRET-123" not in page.text
        assert watch.check().targets == ["chat"] and ("chat", "chat") in escalation.routes(None)
        assert workspace.config.alerts.targets[0].min_level == "watch"
        api = client.get("/api/v1/targets").json()
        assert api == {"items": [{"name": "chat", "kind": "json", "min_level": "watch"}]}
        # refused: an address Apprise cannot use (not repeated), a variable that is not set, a name taken
        kept = path.read_text(encoding="utf-8")
        bad = client.post("/settings/targets", data={"csrf": csrf, "name": "bad", "url": "nope://SECRET-456",
                                                      "min_level": "watch"})  # fmt: skip
        assert bad.status_code == 400 and "Apprise" in bad.text and "SECRET-456" not in bad.text
        monkeypatch.delenv("ASCUA_NO_SUCH_HOOK", raising=False)
        unset = client.put("/api/v1/targets/hook", json={"url": "${ASCUA_NO_SUCH_HOOK}"}, headers=headers)
        assert unset.status_code == 400 and "ASCUA_NO_SUCH_HOOK is not set" in unset.json()["error"]["message"]
        taken = client.post("/settings/targets", data={"csrf": csrf, "name": "chat", "url": secret_url})
        assert taken.status_code == 400 and path.read_text(encoding="utf-8") == kept
        # changed: the level alone keeps the address; then removed
        changed = client.put("/api/v1/targets/chat", json={"min_level": "crisis"}, headers=headers)
        assert changed.status_code == 200 and "SECRET" not in changed.text and changed.json()["min_level"] == "crisis"
        assert load_workspace(workspace.root).config.alerts.targets[0].url == secret_url
        assert watch.check().targets == ["chat"] and escalation.alerts.targets[0].min_level == "crisis"
        monkeypatch.setenv("ASCUA_TEST_HOOK", "json://127.0.0.1:9/other")
        assert client.put("/api/v1/targets/ops", json={"url": "${ASCUA_TEST_HOOK}"}, headers=headers).status_code == 200
        assert "${ASCUA_TEST_HOOK}" in path.read_text(encoding="utf-8")  # the placeholder, not its value
        removed = client.post("/settings/targets/chat", data={"csrf": csrf, "remove": "1"}, follow_redirects=False)
        assert removed.status_code == 303
        assert client.delete("/api/v1/targets/ops", headers=headers).json() == {"removed": "ops"}
        assert client.delete("/api/v1/targets/ops", headers=headers).status_code == 404
        assert watch.check().targets == [] and escalation.alerts.targets == []
        analyst = TestClient(create_app(workspace, radar.database))
        other = logged_in(analyst, engine, "analyst")
        denied = analyst.post("/settings/targets", data={"csrf": other, "name": "x", "url": secret_url})
        assert denied.status_code == 403
    assert "SECRET-123" not in caplog.text and "SECRET-456" not in caplog.text
