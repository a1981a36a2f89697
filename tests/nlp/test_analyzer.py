"""What a post says, as the enrich stage and ``ascua analyze`` report it, including on hostile input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ascua.cli import app
from ascua.nlp.analyzer import EMOTIONS, Analyzer

runner = CliRunner()
KEYS = {"lang", "sentiment", "emotion", "irony", "question", "complaint", "tier", "model"}
HOSTILE = [
    "",
    "   ",
    "😡😡😡",
    "🙂" * 5_000,
    "https://t.co/abc",
    "@vuelaya @vuelaya_ayuda",
    "x" * 100_000,
    "bad \ud800 surrogate \udfff",
    "El vuelo was cancelled otra vez, so annoying, qué vergüenza",
    "这是中文的句子",
    "<script>alert(1)</script>'; DROP TABLE mention; --",
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def test_reads_spanish_and_english_complaints_praise_and_questions(analyzer: Analyzer) -> None:
    texts = [
        "Llevo tres horas esperando y nadie contesta. Vergüenza de servicio",
        "Muchas gracias por la atención, el equipo fue encantador",
        "My flight was cancelled again and nobody answers the phone. Terrible",
        "Thank you so much, the crew was amazing!",
        "alguien sabe si mañana hay vuelos a Sevilla",
        "does anyone know when the app will work again",
    ]
    results = analyzer.analyse(texts)
    assert [r.lang for r in results] == ["es", "es", "en", "en", "es", "en"]
    assert [r.sentiment for r in results[:4]] == ["negative", "positive", "negative", "positive"]
    assert results[0].complaint and results[2].complaint and not results[1].complaint
    assert results[4].question and results[5].question and not results[0].question
    for result in results:
        assert set(result.emotion) == set(EMOTIONS)
        assert abs(sum(result.scores.values()) - 1) < 1e-3
        assert 0.0 <= result.irony <= 1.0


def test_sarcastic_thanks_is_not_praise(analyzer: Analyzer) -> None:
    result = analyzer.analyse(["Gracias @Iberia por perder mi maleta 👏"], tier="deep")[0]
    assert result.sentiment != "positive"


def test_hostile_input_gets_a_defined_answer(analyzer: Analyzer) -> None:
    for tier in ("fast", "deep"):
        results = analyzer.analyse(HOSTILE, tier=tier)  # type: ignore[arg-type]
        assert len(results) == len(HOSTILE)
        empty = results[0]
        assert (empty.lang, empty.sentiment, empty.tier) == ("und", "neutral", tier)
        assert max(empty.scores.values()) <= 0.6
        assert results[4].lang == "und" and results[5].lang == "und" and results[2].lang == "und"
        assert results[2].sentiment == "negative"
        for result in results:
            json.dumps(result.as_json())


def test_analyze_command_keeps_the_input_order_and_the_contract(tmp_path: Path) -> None:
    texts = ["Qué desastre de servicio", "", "Great service, thanks!", "¿A qué hora abren?"]
    result = runner.invoke(app, ["analyze", "--tier", "fast", *texts])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 4
    for row in rows:
        assert set(row) >= KEYS
        assert row["sentiment"]["label"] in ("negative", "neutral", "positive")
        assert set(row["sentiment"]["scores"]) == {"negative", "neutral", "positive"}
        assert row["tier"] == "fast"
    assert rows[0]["sentiment"]["label"] == "negative" and rows[2]["sentiment"]["label"] == "positive"
    assert rows[1]["lang"] == "und" and rows[3]["question"] is True


def test_analyze_reads_files_jsonl_and_stdin(tmp_path: Path) -> None:
    lines = tmp_path / "texts.txt"
    lines.write_text("hola, qué tal\n\nfatal servicio\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", "--tier", "fast", "--file", str(lines)])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 3
    jsonl = tmp_path / "texts.jsonl"
    jsonl.write_text('{"text": "me encanta"}\nnot json\n{"id": 1}\n{"text": "odio esperar"}\n', encoding="utf-8")
    result = runner.invoke(app, ["analyze", "--tier", "fast", "--file", str(jsonl)])
    assert result.exit_code == 3
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 4 and "error" in rows[1] and "texts.jsonl:2" in rows[1]["error"] and "error" in rows[2]
    assert rows[0]["sentiment"]["label"] == "positive" and rows[3]["sentiment"]["label"] == "negative"
    process = subprocess.run(
        [sys.executable, "-m", "ascua", "analyze", "--tier", "fast"],
        input="uno\ndos\ntres\n",
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(process.stdout.splitlines()) == 3


def test_analyze_rejects_a_wrong_tier() -> None:
    result = runner.invoke(app, ["analyze", "--tier", "slow", "hola"])
    assert result.exit_code == 2
