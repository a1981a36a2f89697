"""After the crisis, ``ascua report`` hands management one HTML page and one PDF of the alert.

The story: a scenario week with a wave of cancelled flights goes through the whole pipeline
into a real SQLite workspace; the team works the alert in its crisis room (acknowledges it,
ticks a step, writes notes, a statement, publishes it, informs a stakeholder), and someone
pastes hostile text along the way. The report says what happened, how fast the team went,
shows the wave hour by hour, and never lets the hostile text become markup. The PDF is
rendered to images and read back as text, as a person would see it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from sqlalchemy import Connection, select
from typer.testing import CliRunner

from ascua.cli import app
from ascua.config import Workspace
from ascua.explain.store import stored_explanation
from ascua.importer import ImportOptions, import_file
from ascua.radar import Radar
from ascua.respond.report import build_report, duration_words
from ascua.respond.room import acknowledge, add_note, check_step, open_room, set_lessons
from ascua.scenario.export import export
from ascua.store.schema import alert, brand, delivery, publication, statement

from .conftest import write_workspace

HOSTILE = "<script>alert(1)</script>"
NOTE = f"Seen in a post: {HOSTILE} 🔥 the ñandú of Logroño"
runner = CliRunner()


@dataclass(frozen=True)
class Worked:
    workspace: Workspace
    alert_id: int
    opened_at: datetime


@pytest.fixture(scope="module")
def worked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Worked]:
    """A scenario wave imported through the pipeline, then worked by the team in its crisis room."""
    root = tmp_path_factory.mktemp("report")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ASCUA_LANG", "en")
        workspace = write_workspace(root / "ws", sources=[], language="en")
        path = root / "scenario.jsonl"
        export(19_000, seed=11, start=datetime(2026, 1, 5, tzinfo=UTC), out=path)
        with Radar.open(workspace) as radar:
            result = import_file(radar, path, ImportOptions(workers=0))
            assert result.problems == []
            with radar.database.engine.begin() as connection:
                query = select(alert).where(alert.c.peak_level.in_(("incident", "crisis"))).order_by(alert.c.id)
                row = connection.execute(query).first()
                assert row is not None, "the scenario's wave raised no incident"
                _work_the_alert(connection, row.id, row.brand_id, row.opened_at)
        yield Worked(workspace, int(row.id), row.opened_at)


def _work_the_alert(connection: Connection, alert_id: int, brand_id: int, opened: datetime) -> None:
    """What a team does in the room: acknowledge, find out, note, write, approve, publish, inform."""

    def later(minutes: int) -> datetime:
        return opened + timedelta(minutes=minutes)

    open_room(connection, alert_id)
    acknowledge(connection, alert_id, by="Ana García", at=later(12))
    check_step(connection, alert_id, "find_out", by="Ana García", note="cancelled flights at TFE", at=later(20))
    add_note(connection, alert_id, NOTE, by="Luis", at=later(25))
    written = connection.execute(
        statement.insert().values(
            alert_id=alert_id,
            version=1,
            language="es",
            author="Ana García",
            text="Lamentamos las cancelaciones de hoy en Tenerife. <b>Os debemos una explicación</b>.",
            created_at=later(40),
            findings={},
            sha256="0" * 64,
            approved_by="Dirección",
            approved_at=later(55),
        )
    )
    assert written.inserted_primary_key is not None
    connection.execute(
        publication.insert().values(
            alert_id=alert_id,
            statement_id=written.inserted_primary_key[0],
            brand_id=brand_id,
            published_at=later(65),
            published_by="Ana García",
            title="Cancelaciones en Tenerife",
            text="Lamentamos…",
            language="es",
        )
    )
    connection.execute(
        delivery.insert().values(
            alert_id=alert_id,
            purpose="stakeholder",
            recipient="AENA <img src=x onerror=alert(2)>",
            channel="email",
            address="ops@aena.example",
            level="crisis",
            step=0,
            status="sent",
            attempts=1,
            title="Vuelaya: incident",
            body="…",
            created_at=later(50),
            updated_at=later(50),
        )
    )


def _pdf(path: Path) -> tuple[list[str], list[int]]:
    """The text of each page, and how many dark pixels each page has once rendered."""
    document = pdfium.PdfDocument(path)
    texts, dark = [], []
    for page in document:
        texts.append(page.get_textpage().get_text_range())
        image = page.render(scale=1).to_pil().convert("L")
        dark.append(sum(image.histogram()[:100]))
    document.close()
    return texts, dark


def test_the_report_says_what_happened_what_was_done_and_how_fast(worked: Worked, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["report", str(worked.alert_id), "--workspace", str(worked.workspace.root), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    html_path, pdf_path = tmp_path / f"alert-{worked.alert_id}.html", tmp_path / f"alert-{worked.alert_id}.pdf"
    assert result.output.split() == [str(html_path), str(pdf_path)]
    html = html_path.read_text(encoding="utf-8")

    # Hostile text stays text: escaped in the HTML, where no script runs at all.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert "<script" not in html.lower() and "<img src=x" not in html and "<b>Os debemos" not in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html and "default-src 'none'" in html
    assert 'src="data:image/png;base64,' in html and 'src="http' not in html and "<link" not in html

    # What happened, what was done, how fast, who was informed, lessons (not written yet).
    parts = [
        "Alert #", "Vuelaya", "What happened", "Where it started", "The wave hour by hour", "How fast", "Checklist",
        "Timeline", "crisis room opened", "Lamentamos las cancelaciones", "Cancelaciones en Tenerife",
        "Stakeholders informed", "ops@aena.example", "ascua room lessons",
    ]  # fmt: skip
    for part in parts:
        assert part in html, part
    assert "12 min" in html  # to acknowledge
    assert "40 min" in html and "1 h 5 min" in html  # to the first statement and publication

    # The PDF: pages with ink on them, the brand, the timeline, accents kept, emoji dropped.
    texts, dark = _pdf(pdf_path)
    assert len(texts) >= 1 and all(count > 2000 for count in dark), dark
    text = " ".join(" ".join(texts).split())
    assert "Vuelaya" in text and "Alert #" in text
    assert "crisis room opened" in text and "acknowledged at" in text
    assert "the ñandú of Logroño" in text and HOSTILE in text, "the PDF shows the note as plain text"
    assert "🔥" not in text
    assert "ascua room lessons" in text


def test_the_durations_are_measured_from_the_store(worked: Worked) -> None:
    with Radar.open(worked.workspace) as radar, radar.database.engine.connect() as connection:
        names = {item.id: item.name for item in worked.workspace.config.brands}
        report = build_report(connection, worked.alert_id, brand_names=names)
        data = stored_explanation(connection, worked.alert_id)
        brand_id = connection.execute(select(brand.c.id).where(brand.c.key == "vuelaya")).scalar()
    assert report is not None and data is not None and brand_id is not None
    measured = {item.key: item for item in report.durations}
    detect = measured["detect"].seconds
    assert detect is not None and abs(detect / 60 - data["origin"]["minutes_to_detection"]) < 0.1
    assert measured["acknowledge"].seconds == 12 * 60
    assert measured["statement"].seconds == 40 * 60 and measured["publication"].seconds == 65 * 60
    # The wave pushes the negative share far above the usual; it is back at or below it later.
    assert report.baseline is not None and 0 < report.baseline < 0.5
    peak_share = max(hour.negative_share or 0 for hour in report.hours)
    assert peak_share > 2 * report.baseline
    assert report.recovered_at is not None and report.recovered_at > report.opened_at
    assert report.hours[0].start < report.opened_at < report.hours[-1].start
    assert sum(hour.mentions for hour in report.hours) > 0
    assert [entry.kind for entry in report.timeline][:1] == ["opened"]
    assert duration_words(measured["acknowledge"].seconds or 0, str) == "12 min"


def test_lessons_once_written_and_in_spanish(worked: Worked, tmp_path: Path) -> None:
    with Radar.open(worked.workspace) as radar, radar.database.engine.begin() as connection:
        set_lessons(connection, worked.alert_id, "Avisar por SMS antes de cancelar.\nTener el comunicado listo.",
                    by="Ana García")  # fmt: skip
    result = runner.invoke(
        app, ["report", str(worked.alert_id), "-w", str(worked.workspace.root), "-o", str(tmp_path), "--lang", "es"]
    )
    assert result.exit_code == 0, result.output
    html = (tmp_path / f"alert-{worked.alert_id}.html").read_text(encoding="utf-8")
    assert "Avisar por SMS antes de cancelar." in html and "ascua room lessons" not in html
    assert 'lang="es"' in html and "Dónde empezó" in html
    texts, _ = _pdf(tmp_path / f"alert-{worked.alert_id}.pdf")
    assert "Avisar por SMS antes de cancelar." in " ".join(" ".join(texts).split())


def test_an_unknown_alert_or_language_is_a_usage_error(worked: Worked, tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", "9999", "-w", str(worked.workspace.root), "-o", str(tmp_path)])
    assert result.exit_code == 2 and "no alert #9999" in result.output
    result = runner.invoke(app, ["report", str(worked.alert_id), "-w", str(worked.workspace.root), "--lang", "fr"])
    assert result.exit_code == 2 and "--lang" in result.output
    assert not list(tmp_path.iterdir())
