"""``ascua import --preset``: exports of the X API v2, the Graph API and listening tools,
through the whole pipeline, each bad item named by where it is in the file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from ascua.config import Workspace
from ascua.radar import Radar
from ascua.store.schema import mention


def _ascua(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ascua", *args], capture_output=True, text=True, timeout=300,
                          env={"ASCUA_LANG": "en", "PATH": "/usr/bin:/bin"})  # fmt: skip


def _stored(workspace: Workspace) -> dict[tuple[str, str], dict[str, object]]:
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        rows = connection.execute(select(mention))
        return {(row.source, row.native_id): dict(row._mapping) for row in rows}


def test_an_x_api_v2_export(workspace: Workspace, tmp_path: Path) -> None:
    users = [{"id": "1", "username": "ana_viaja", "name": "Ana", "public_metrics": {"followers_count": 812}}]
    first = {"data": [
        {"id": "1800000000000000001", "text": "Vuelaya me canceló el vuelo sin avisar", "author_id": "1",
         "created_at": "2026-03-02T09:41:00.000Z", "lang": "es",
         "public_metrics": {"retweet_count": 3, "reply_count": 1, "like_count": 7, "quote_count": 0}},
        {"id": "1800000000000000002", "text": "@vuelaya ¿y el reembolso?", "author_id": "1",
         "created_at": "2026-03-02T09:45:00.000Z", "referenced_tweets": [{"type": "replied_to",
                                                                          "id": "1800000000000000001"}]},
        {"id": "oops", "text": "no id", "created_at": "2026-03-02T09:46:00.000Z"},
    ], "includes": {"users": users}, "meta": {"result_count": 3}}  # fmt: skip
    second = {"data": [{"id": "1800000000000000003", "text": "Vuelaya otra vez", "author_id": "1",
                        "created_at": "2026-03-02T10:00:00.000Z"}], "includes": {"users": users}}  # fmt: skip
    pages = tmp_path / "search.jsonl"  # one API answer per line, as a paging script saves them
    pages.write_text(json.dumps(first) + "\n" + json.dumps(second) + "\n{broken\n", encoding="utf-8")
    done = _ascua("import", str(pages), "--preset", "x-v2", "-w", str(workspace.root), "--quiet")
    assert done.returncode == 3, done.stderr  # stored what it could, and said what it could not
    assert f"{pages}: line 1, data[2]" in done.stderr and "not a post or comment" in done.stderr
    assert f"{pages}: line 3" in done.stderr and "not valid JSON" in done.stderr
    stored = _stored(workspace)
    post = stored[("x", "1800000000000000001")]
    assert post["author_handle"] == "@ana_viaja" and post["author_followers"] == 812 and post["likes"] == 7
    assert post["url"] == "https://x.com/ana_viaja/status/1800000000000000001"
    assert stored[("x", "1800000000000000002")]["in_reply_to"] == "1800000000000000001"
    assert ("x", "1800000000000000003") in stored
    single = tmp_path / "one.json"  # the same as one pretty-printed answer
    single.write_text(json.dumps(second, indent=2), encoding="utf-8")
    again = _ascua("import", str(single), "--preset", "x-v2", "-w", str(workspace.root), "--quiet")
    assert again.returncode == 0 and "already stored" in again.stdout + again.stderr


def test_graph_api_comments_facebook_and_instagram(workspace: Workspace, tmp_path: Path) -> None:
    facebook = {"data": [
        {"id": "1234_1_1", "message": "Vuelaya, llevo dos horas al teléfono",
         "created_time": "2026-03-02T09:41:00+0000", "from": {"id": "901", "name": "Marta Gil"}, "like_count": 4,
         "comment_count": 1},
        {"id": "1234_1_2", "message": "Vuelaya: a mí igual", "created_time": "2026-03-02T09:50:00+0000",
         "parent": {"id": "1234_1_1"}},
    ], "paging": {"cursors": {"before": "a", "after": "b"}}}  # fmt: skip
    reply = {
        "id": "17901",
        "text": "Vuelaya: te escribimos por privado",
        "timestamp": "2026-03-02T11:05:00+0000",
        "username": "vuelaya",
    }
    instagram = {"data": [{"id": "17900", "text": "¿Vuelaya devuelve el dinero?", "username": "lucia.r",
                           "timestamp": "2026-03-02T11:00:00+0000", "like_count": 2,
                           "replies": {"data": [reply]}}]}  # fmt: skip
    export = tmp_path / "comments.json"
    export.write_text(json.dumps([facebook, instagram]), encoding="utf-8")
    done = _ascua("import", str(export), "--preset", "graph", "-w", str(workspace.root), "--quiet")
    assert done.returncode == 0, done.stderr
    stored = _stored(workspace)
    assert stored[("facebook", "1234_1_1")]["author_handle"] == "fb:901"
    assert stored[("facebook", "1234_1_1")]["author_name"] == "Marta Gil"
    assert stored[("facebook", "1234_1_2")]["in_reply_to"] == "1234_1_1"
    assert stored[("instagram", "17900")]["author_handle"] == "@lucia.r"
    assert stored[("instagram", "17901")]["in_reply_to"] == "17900"


def test_a_listening_tool_csv(workspace: Workspace, tmp_path: Path) -> None:
    export = tmp_path / "brandwatch.csv"
    export.write_text(
        "Date,Url,Author,Full Name,Full Text,Page Type,Language,Twitter Followers,Sentiment\n"
        "2026-03-02 09:41:00,https://x.com/ana/status/1,ana,Ana R,Vuelaya me dejó en tierra,twitter,es,812,negative\n"
        "2026-03-02 09:45:00,https://foro.example/t/2,pepe,,Vuelaya cancela otra vez,forums,es,,negative\n",
        encoding="utf-8",
    )
    done = _ascua("import", str(export), "--preset", "listening", "-w", str(workspace.root), "--quiet")
    assert done.returncode == 0, done.stderr
    stored = _stored(workspace)
    sources = {source for source, _ in stored}
    assert sources == {"x", "forum"}  # the tool's names for networks, as Ascua names them
    row = next(value for (source, _), value in stored.items() if source == "x")
    assert row["author_handle"] == "@ana"
    assert row["author_followers"] == 812 and row["text"] == "Vuelaya me dejó en tierra"
    assert _ascua("import", str(export), "--preset", "nope", "-w", str(workspace.root)).returncode == 2
