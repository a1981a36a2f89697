"""Every alert at incident or higher says where its wave started, why, and who spreads it.

The main story imports a scenario month through the real pipeline (queries, fast-tier
models, windows, detector, alerts) into a real SQLite workspace, and checks the stored
explanation against the scenario's truth, in the notification, in ``ascua explain``
and through the API. The rest feeds :func:`ascua.explain.explain` the bad input
strangers write: a single post, copies, no words, other languages, no author data.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from rich.console import Console
from sqlalchemy import select
from typer.testing import CliRunner

from ascua.cli import app
from ascua.config import Workspace
from ascua.explain import explain
from ascua.explain.post import Post
from ascua.explain.terms import Vocabulary, distinctive_terms
from ascua.i18n import translator
from ascua.importer import ImportOptions, import_file
from ascua.radar import Radar
from ascua.respond.notify import ConsoleNotifier
from ascua.scenario.export import export
from ascua.scenario.generator import WaveTruth
from ascua.store.schema import alert, alert_explanation, brand
from ascua.web.app import create_app
from tests.conftest import logged_in

from .conftest import write_workspace

T0 = datetime(2026, 3, 2, 10, tzinfo=UTC)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, list[WaveTruth], str]]:
    """A scenario export with a negative wave, imported through the whole pipeline."""
    root = tmp_path_factory.mktemp("explain")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ASCUA_LANG", "en")
        workspace = write_workspace(root / "ws", sources=[], language="en")
        path = root / "scenario.jsonl"
        result = export(25_000, seed=11, start=datetime(2026, 1, 5, tzinfo=UTC), out=path)
        console = io.StringIO()
        with Radar.open(workspace) as radar:
            notifier = ConsoleNotifier(
                Console(file=console, width=400, highlight=False), translator("en"), None, workspace.zone
            )
            report = import_file(radar, path, ImportOptions(workers=0), notifiers=[notifier])
        assert report.problems == []
        yield workspace, [w for w in result.truth if w.kind == "negative" and not w.coordinated], console.getvalue()


def _alert_of(workspace: Workspace, truth: WaveTruth) -> int:
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        keys = {row.id: row.key for row in connection.execute(select(brand))}
        rows = connection.execute(select(alert).order_by(alert.c.id)).all()
    for row in rows:
        if (
            keys[row.brand_id] == truth.brand
            and row.peak_level in ("incident", "crisis")
            and truth.onset <= row.opened_at <= truth.onset + timedelta(hours=3)
        ):
            return int(row.id)
    raise AssertionError(f"no incident alert for {truth.brand} at {truth.onset}")


def _stored(workspace: Workspace, alert_id: int) -> dict[str, Any]:
    with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
        row = connection.execute(select(alert_explanation).where(alert_explanation.c.alert_id == alert_id)).one()
    assert isinstance(row.data, dict)
    return row.data


def _key_terms_hit(truth: WaveTruth, reasons: list[dict[str, Any]]) -> int:
    vocabulary = Vocabulary()
    words = {word for reason in reasons for word in reason["term"].split(" ")}
    hits = 0
    for lang, terms in truth.key_terms.items():
        for term in terms:
            if {w for t in vocabulary.terms(term, lang) for w in t.split(" ")} & words:
                hits += 1
    return hits


def test_the_stored_explanation_finds_the_first_post_the_cause_and_the_amplifiers(imported) -> None:  # type: ignore[no-untyped-def]
    workspace, truths, _ = imported
    assert truths
    for truth in truths:
        alert_id = _alert_of(workspace, truth)
        data = _stored(workspace, alert_id)
        with Radar.open(workspace) as radar, radar.database.engine.connect() as connection:
            resolved = connection.execute(select(alert.c.resolved_at).where(alert.c.id == alert_id)).scalar()
        if resolved is not None:  # explained once more when it was resolved, over the whole wave
            assert data["end"] == _z(resolved)
        origin_ids = [item["sample"]["native_id"] for item in data["origin"]["posts"]]
        assert truth.first_post_ids[0] in origin_ids[:3], (truth.first_post_ids, origin_ids)
        assert data["origin"]["minutes_to_detection"] is not None and data["origin"]["minutes_to_detection"] >= 0
        assert _key_terms_hit(truth, data["reasons"][:5]) >= 2, [r["label"] for r in data["reasons"][:5]]
        reported = [item["author"] for item in data["amplifiers"][:5]]
        assert set(truth.amplifiers) <= set(reported), (truth.amplifiers, reported)
        assert any(item["media"] for item in data["amplifiers"]) or not any(
            "news" in a or "diario" in a or "periodista" in a for a in truth.amplifiers
        )
        own = {"@vuelaya", "@vuelaya_ayuda", "@frutalia", "@frutalia_ayuda", "@conectia", "@conectia_responde"}
        assert not own & set(reported), "the brand's own replies are not amplifiers"
        theme = data["themes"][0]
        assert 0 < theme["share"] <= 1 and 2 <= len(theme["samples"]) <= 3
        assert not data["coordination"]["flagged"]
        points = data["timeline"]["points"]
        assert sum(p["mentions"] for p in points) == data["posts"] and data["timeline"]["interval_seconds"] > 0


def test_the_notification_carries_the_short_form(imported) -> None:  # type: ignore[no-untyped-def]
    workspace, truths, printed = imported
    truth = truths[0]
    alert_id = _alert_of(workspace, truth)
    blocks = [block for block in printed.split("\n▲ ")[1:] if f"alert #{alert_id} " in block.splitlines()[0]]
    raised = next(block for block in blocks if block.startswith(("INCIDENT", "CRISIS")))
    data = _stored(workspace, alert_id)
    first = data["origin"]["posts"][0]["sample"]["author"]
    assert f"Started: {first} on " in raised and "before the alert" in raised
    assert "About: «" in raised and "Carried by: " in raised
    watch = [block for block in blocks if block.startswith("WATCH")]
    assert all("Started: " not in block for block in watch), "a watch is not explained in its notification"


def test_ascua_explain_prints_it_and_its_json_has_every_part(imported) -> None:  # type: ignore[no-untyped-def]
    workspace, truths, _ = imported
    alert_id = _alert_of(workspace, truths[0])
    runner = CliRunner()
    result = runner.invoke(app, ["explain", str(alert_id), "--workspace", str(workspace.root), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["alert_id"] == alert_id
    for part in ("origin", "reasons", "themes", "amplifiers", "shape", "coordination", "timeline", "unknown"):
        assert part in data
    assert truths[0].first_post_ids[0] in [o["sample"]["native_id"] for o in data["origin"]["posts"]]
    text = runner.invoke(app, ["explain", str(alert_id), "--workspace", str(workspace.root)])
    assert text.exit_code == 0
    for heading in ("Where it started", "What it is about", "Who carries it", "Coordination"):
        assert heading in text.output
    missing = runner.invoke(app, ["explain", "9999", "--workspace", str(workspace.root)])
    assert missing.exit_code == 2 and "no alert #9999" in missing.output


def test_the_api_serves_the_stored_explanation_and_the_alert_page_shows_it(imported) -> None:  # type: ignore[no-untyped-def]
    workspace, truths, _ = imported
    alert_id = _alert_of(workspace, truths[0])
    with Radar.open(workspace) as radar:
        client = TestClient(create_app(workspace, radar.database))
        logged_in(client, radar.database.engine, "viewer")
        response = client.get(f"/api/v1/alerts/{alert_id}/explanation")
        assert response.status_code == 200
        data = response.json()
        assert data["alert_id"] == alert_id and data["themes"] and data["origin"]["posts"]
        assert client.get("/api/v1/alerts/9999/explanation").status_code == 404
        page = client.get(f"/alerts/{alert_id}")
        assert page.status_code == 200
        assert "Where it started" in page.text and "«" + data["themes"][0]["label"] in page.text


# --- the bad input strangers write --------------------------------------------------------------


def post(number: int, text: str, minute: float, **extra: Any) -> Post:
    fields: dict[str, Any] = {
        "author": f"@p{number}",
        "followers": 100,
        "lang": "es",
        "sentiment": "negative",
        "negative": 0.9,
    }
    fields.update(extra)
    return Post(number, "x", str(number), text, T0 + timedelta(minutes=minute), **fields)


USUAL_TEXTS = [
    "Vuelaya tiene buenos precios para {n}",
    "Volé con Vuelaya a Sevilla, todo bien {n}",
    "¿Alguien sabe si Vuelaya deja llevar maleta de mano? {n}",
    "La app de Vuelaya va bien, reservé en dos minutos {n}",
]


def usual(count: int = 200) -> list[Post]:
    return [
        post(10_000 + i, USUAL_TEXTS[i % 4].format(n=i), -60 * 24 * 3 + 20 * i, sentiment="neutral", negative=0.1)
        for i in range(count)
    ]


def run(wave: list[Post], background: list[Post] | None = None) -> dict[str, Any]:
    data = explain(
        "vuelaya",
        wave,
        usual() if background is None else background,
        start=T0,
        end=T0 + timedelta(hours=2),
        brand_name="Vuelaya",
        detected_at=T0 + timedelta(minutes=30),
    ).as_json()
    json.dumps(data)  # always serialisable
    return data


def notes(data: dict[str, Any]) -> str:
    return " | ".join(item["text"] for item in data["unknown"])


def test_a_single_post_gets_a_short_explanation_without_invented_reasons() -> None:
    data = run([post(1, "Vuelaya me ha cancelado el vuelo sin aviso", 1)])
    assert data["reasons"] == [] and data["themes"] == []
    assert "too few different texts" in notes(data)
    assert data["posts"] == 1 and data["amplifiers"][0]["author"] == "@p1"


def test_identical_posts_give_no_reasons_but_the_coordination_shows_the_copies() -> None:
    text = "Vuelaya estafa, no voléis con ellos nunca, devolvednos el dinero ya"
    data = run([post(i, text, i * 0.2, author_created_at=T0 - timedelta(days=3)) for i in range(30)])
    assert data["reasons"] == [] and "too few different texts" in notes(data)
    coordination = data["coordination"]
    assert coordination["repeated_text"] == text and coordination["copies_share"] == 1.0
    assert coordination["new_accounts_share"] == 1.0 and coordination["flagged"]


def test_posts_without_words_say_so() -> None:
    wave = [post(i, text, i) for i, text in enumerate(["😡😡😡", "https://t.co/abc", "@vuelaya 👎", "🔥🔥"] * 5)]
    data = run(wave)
    assert data["reasons"] == [] and data["themes"] == []
    assert "no words to read" in notes(data)


def test_posts_in_other_languages_are_counted_but_not_read_for_reasons() -> None:
    wave = [post(i, f"Vuelaya a annulé mon vol sans prévenir, remboursement {i}", i, lang="fr") for i in range(20)]
    data = run(wave)
    assert data["reasons"] == [] and data["posts"] == 20
    assert "other languages" in notes(data) and "fr (20)" in notes(data)


def test_missing_author_data_is_said_and_people_are_counted_as_posts() -> None:
    texts = [
        "Vuelaya cancelado sin aviso",
        "Otra vez Vuelaya cancelado sin aviso, vergüenza",
        "Me han cancelado el vuelo sin aviso, Vuelaya da pena",
        "Vuelo cancelado por Vuelaya y sin aviso, qué desastre",
    ]
    wave = [post(i, texts[i % 4] + " " + "!" * i, i, author="", followers=None) for i in range(20)]
    data = run(wave)
    assert "authors of the posts are unknown" in notes(data) and "reach of 20 of 20 posts is unknown" in notes(data)
    assert data["people"] == 20
    assert data["reasons"], "the words are still read"


def test_no_usual_conversation_falls_back_to_the_most_used_words_and_says_so() -> None:
    texts = ["Vuelaya cancelado sin aviso", "Vuelaya me dejó tirado, cancelado", "cancelado otra vez, Vuelaya"]
    data = run([post(i, texts[i % 3], i) for i in range(30)], background=[])
    assert "too little usual conversation" in notes(data)
    assert data["reasons"][0]["label"].startswith("cancelad")


def test_an_empty_wave_says_there_is_nothing_stored() -> None:
    data = run([])
    assert data["posts"] == 0 and data["origin"] is None and "no stored post" in notes(data)


def test_post_text_stays_data_in_the_terminal_and_the_json() -> None:
    hostile = "[bold red]Vuelaya[/] <script>alert(1)</script> cancelado sin aviso; DROP TABLE mention; {n}"
    wave = [post(i, hostile.format(n=i), i) for i in range(12)]
    wave += [post(100 + i, f"Vuelaya cancelado sin aviso, tirados en el aeropuerto {i}", i) for i in range(12)]
    wave += [post(200 + i, f"Cancelado sin aviso otra vez, Vuelaya no contesta {i}", i) for i in range(12)]
    data = run(wave)
    assert any("<script>" in sample["text"] for theme in data["themes"] for sample in theme["samples"])
    from ascua.explain.text import long_form

    console = Console(file=io.StringIO(), width=300)
    from rich.text import Text

    for style, line in long_form(data, str):
        console.print(Text(line, style=style))
    assert "[bold red]Vuelaya[/]" in console.file.getvalue()  # type: ignore[attr-defined]


def test_log_odds_ignore_what_everyone_always_says() -> None:
    wave = {"vuel": 90, "gracias": 10, "cancel": 60}
    usual_counts = {"vuel": 900, "gracias": 100}
    top = distinctive_terms(wave, 100, usual_counts, 1000)
    assert [t.term for t in top] == ["cancel"]


def test_a_wave_started_before_the_window_is_traced_back_along_its_links() -> None:
    root = post(1, "Vuelaya me ha cancelado el vuelo sin aviso y nadie da la cara", -90, followers=300)
    replies = [
        replace(post(10 + i, f"@p1 a mí también, Vuelaya cancelado sin aviso {i}", 2 + i), in_reply_to="1")
        for i in range(15)
    ]
    reposts = [replace(post(100 + i, "RT @p1: " + root.text, 3 + i), repost_of="1") for i in range(20)]
    quote = replace(post(500, "Vuelaya deja tirados a cientos de pasajeros: cancelado sin aviso", 5,
                         author="@diario_litoral", author_name="Diario del Litoral", followers=250_000),
                    quote_of="1")  # fmt: skip
    data = explain(
        "vuelaya", [*replies, *reposts, quote], usual(), start=T0, end=T0 + timedelta(hours=1),
        earlier=[root], brand_name="Vuelaya", detected_at=T0 + timedelta(minutes=20),
    ).as_json()  # fmt: skip
    assert data["origin"]["posts"][0]["sample"]["native_id"] == "1"
    assert data["origin"]["minutes_to_detection"] == 110.0
    assert data["start"] == (T0 - timedelta(minutes=90)).isoformat().replace("+00:00", "Z")
    top = data["amplifiers"][0]
    assert top["author"] == "@diario_litoral" and top["media"] and top["high_reach"]
    assert data["amplifiers"][1]["author"] == "@p1" and data["amplifiers"][1]["spread"] == 36


def test_a_days_old_post_reshared_now_is_found_in_the_store_as_the_origin(tmp_path: Path, database_url: str) -> None:
    """The wave's replies and reposts point at a post of three days before: outside the wave and
    the day looked back at, it is fetched along the links (on SQLite and PostgreSQL)."""
    from ascua.explain.store import explain_alert

    workspace = write_workspace(tmp_path / "ws", sources=[], language="en", database=database_url)
    now = T0
    rows: list[dict[str, Any]] = [
        {"source": "x", "id": "root", "text": "Vuelaya perdió mi silla de ruedas y nadie responde",
         "created_at": _z(now - timedelta(days=3)), "author": {"handle": "@root", "followers": 900}},
    ]  # fmt: skip
    rows += [
        {"source": "x", "id": f"u{i}", "text": USUAL_TEXTS[i % 4].format(n=i),
         "created_at": _z(now - timedelta(days=6) + timedelta(hours=2 * i)), "author": {"handle": f"@u{i}"}}
        for i in range(60)
    ]  # fmt: skip
    rows += [
        {"source": "x", "id": f"r{i}", "text": f"@root qué vergüenza Vuelaya, una silla de ruedas perdida {i}",
         "created_at": _z(now + timedelta(minutes=i)), "author": {"handle": f"@r{i}", "followers": 50},
         "in_reply_to": "root"}
        for i in range(25)
    ]  # fmt: skip
    rows += [
        {"source": "x", "id": f"p{i}", "text": "RT @root: Vuelaya perdió mi silla de ruedas y nadie responde",
         "created_at": _z(now + timedelta(minutes=i, seconds=30)), "author": {"handle": f"@p{i}"}, "repost_of": "root"}
        for i in range(25)
    ]  # fmt: skip
    path = tmp_path / "m.jsonl"
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows), encoding="utf-8")
    with Radar.open(workspace) as radar:
        report = import_file(radar, path, ImportOptions(workers=0, brand="vuelaya"))
        assert report.inserted == len(rows)
        with radar.database.engine.connect() as connection:
            (raised,) = connection.execute(select(alert)).all()  # the detector saw the wave
            assert raised.peak_level in ("incident", "crisis")
            explanation = explain_alert(connection, raised.id)
        stored = _stored(workspace, raised.id)
    assert explanation is not None
    first = explanation.origin.posts[0] if explanation.origin else None
    assert first is not None and first.sample.native_id == "root" and first.descendants == 50
    minutes = (raised.opened_at - (now - timedelta(days=3))).total_seconds() / 60
    assert explanation.origin is not None and explanation.origin.minutes_to_detection == round(minutes, 1)
    assert stored["origin"]["posts"][0]["sample"]["native_id"] == "root", "the radar stored the same"
    assert explanation.shape is not None and explanation.shape.kind == "one viral post"
    assert explanation.amplifiers[0].author == "@root" and explanation.amplifiers[0].spread == 50


def _z(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def test_a_first_statement_is_drafted_from_the_explanation_and_the_plan(imported) -> None:  # type: ignore[no-untyped-def]
    workspace, truths, _ = imported
    alert_id = _alert_of(workspace, truths[0])
    runner = CliRunner()
    data = _stored(workspace, alert_id)
    for lang in ("es", "en"):
        result = runner.invoke(app, ["statement", "draft", str(alert_id), "-w", str(workspace.root), "--lang", lang,
                                     "--json"])  # fmt: skip
        assert result.exit_code == 0, result.output
        drafted = json.loads(result.output)
        assert drafted["lang"] == lang and drafted["draft"].count("[") == 3, "facts only the team knows"
        assert any(f"«{term}»" in drafted["draft"] for term in data["themes"][0]["terms"])
        check = drafted["check"]
        assert {check[name]["status"] for name in ("admits_error", "apologizes", "action_with_timeframe")} == {"met"}
        assert check["explains_how"]["status"] == check["prevention"]["status"] == "missing"
    text = runner.invoke(app, ["statement", "draft", str(alert_id), "-w", str(workspace.root), "--lang", "en"])
    assert text.exit_code == 0 and "admits the error" in text.stderr  # the check, on standard error…
    assert text.stdout.strip() == drafted["draft"]  # …so that 'draft ID > draft.txt' keeps the text alone
    missing = runner.invoke(app, ["statement", "draft", "9999", "-w", str(workspace.root)])
    assert missing.exit_code == 2


def test_a_run_of_windows_starts_the_wave_where_the_run_began() -> None:
    from ascua.explain.store import _windows_and_signs

    straddling = {"scale": 300, "window_start": "2026-03-02T10:20:00+00:00", "window_seconds": 600}
    slow_burn = {"scale": 3600, "window_start": "2026-03-02T16:00:00+00:00", "window_seconds": 6 * 3600}
    single = {"scale": 3600, "window_start": "2026-03-02T09:00:00+00:00", "window_seconds": 3600}
    windows, _signs = _windows_and_signs([(straddling, "watch"), (slow_burn, "incident"), (single, "normal")])
    assert windows == (
        (datetime(2026, 3, 2, 10, 15, tzinfo=UTC), 600),  # the window before, and this one
        (datetime(2026, 3, 2, 11, tzinfo=UTC), 6 * 3600),  # six hours ending with the 16:00 one
    )
