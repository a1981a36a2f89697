"""``ascua statement check`` and ``ascua check-post``: each principle met, missing or violated, with its words.

The labelled set (benchmarks/data/statements.jsonl) was written and labelled apart from the
checker's cues; the accuracy floor below guards against a change that makes it worse.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ascua.cli import app
from ascua.respond.statement import PRINCIPLES, StatementError, check_statement

SET = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "statements.jsonl"

GOOD_ES = (
    "Hemos cometido un error y os pedimos disculpas. Ayer, entre las 9 y las 13 h, 4.000 clientes se quedaron sin "
    "fibra debido a una actualización fallida de nuestros equipos. Estamos contactando con cada cliente afectado y en "
    "las próximas 48 horas abonaremos el día. Hemos reforzado los controles para que no vuelva a ocurrir. Entendemos "
    "vuestro enfado."
)
GOOD_EN = (
    "We are sorry. We messed up: yesterday 300 orders were delivered late because of a routing bug. We will refund "
    "the delivery fee to every affected customer within 24 hours, and we have added checks to our release process to "
    "make sure this never happens again. We understand your frustration."
)


def statuses(text: str, lang: str = "auto") -> dict[str, str]:
    return {name: verdict.status for name, verdict in check_statement(text, lang).principles.items()}


def test_a_good_statement_meets_every_principle_in_both_languages() -> None:
    assert set(statuses(GOOD_ES, "es").values()) == {"met"}
    assert set(statuses(GOOD_EN).values()) == {"met"}
    assert check_statement(GOOD_EN).lang == "en" and check_statement(GOOD_ES).lang == "es"


@pytest.mark.parametrize(
    ("text", "principle", "status", "evidence"),
    [
        ("Lamentamos si alguien se ha sentido ofendido por el anuncio.", "apologizes", "violated", "Lamentamos si"),
        ("We're sorry if anyone was offended by the ad.", "apologizes", "violated", "sorry if anyone"),
        ("No vamos a pedir disculpas por nada.", "apologizes", "violated", "No vamos a pedir disculpas"),
        ("We did nothing wrong and will not change anything.", "admits_error", "violated", "We did nothing wrong"),
        ("Ayer cancelamos 40 vuelos por un error nuestro de planificación.", "admits_error", "met",
         "por un error nuestro"),
        ("No fue un error nuestro, sino del aeropuerto.", "admits_error", "violated", "No fue un error nuestro"),
        ("La responsabilidad es de nuestro proveedor.", "honest", "violated", "La responsabilidad es de nuestro"),
        ("No comment at this time.", "honest", "violated", "No comment"),
        ("Off the record: the system was never tested.", "on_record", "violated", "Off the record"),
        ("Esto es extraoficial, que no se publique.", "on_record", "violated", "extraoficial"),
        ("Pursuant to our terms, the company shall not be liable.", "human_tone", "violated", "Pursuant to"),
        ("Estimado cliente: lamentamos las molestias ocasionadas.", "human_tone", "violated", "Estimado cliente"),
        ("These are outright lies and we will take legal action.", "human_tone", "violated", "outright lies"),
        ("STOP SPREADING FAKE NEWS ABOUT US!!!", "human_tone", "violated", "!!!"),
        ("Estamos trabajando para restablecer el servicio.", "action_with_timeframe", "missing", "Estamos trabajando"),
    ],
)  # fmt: skip
def test_each_principle_points_at_the_words_that_decided_it(
    text: str, principle: str, status: str, evidence: str
) -> None:
    verdict = check_statement(text).principles[principle]
    assert verdict.status == status and any(evidence in words for words in verdict.evidence), verdict


def test_a_cue_counts_in_its_own_sentence_and_numbers_do_not_end_one() -> None:
    split = statuses("Estamos revisando todos los pedidos. El jueves es festivo en Madrid.", "es")
    assert split["action_with_timeframe"] == "missing"  # the day is in another sentence
    together = statuses("Hemos reembolsado 4.000 pedidos antes del viernes.", "es")
    assert together["action_with_timeframe"] == "met"


def test_the_json_has_exactly_the_nine_principles() -> None:
    result = CliRunner().invoke(app, ["statement", "check", "--json", GOOD_EN])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == list(PRINCIPLES)
    for verdict in data.values():
        assert set(verdict) == {"status", "evidence"} and verdict["status"] in ("met", "missing", "violated")
        assert all(isinstance(item, str) for item in verdict["evidence"])


def test_the_text_comes_from_an_argument_a_file_or_standard_input(tmp_path: Path) -> None:
    runner = CliRunner()
    path = tmp_path / "draft.txt"
    path.write_text(GOOD_ES, encoding="utf-8")
    by_file = runner.invoke(app, ["statement", "check", "--file", str(path), "--lang", "es", "--json"])
    by_stdin = runner.invoke(app, ["statement", "check", "--lang", "es", "--json"], input=GOOD_ES)
    assert by_file.exit_code == by_stdin.exit_code == 0
    assert json.loads(by_file.output) == json.loads(by_stdin.output)
    human = runner.invoke(app, ["statement", "check", "--lang", "es", GOOD_ES])
    assert "9 of 9 principles met, 0 violated (es)." in human.output


def test_bad_input_is_named() -> None:
    runner = CliRunner()
    empty = runner.invoke(app, ["statement", "check", "   "])
    assert empty.exit_code == 2 and "the statement is empty" in empty.output
    missing = runner.invoke(app, ["statement", "check", "--file", "/nonexistent/draft.txt"])
    assert missing.exit_code == 2 and "/nonexistent/draft.txt" in missing.output
    wrong = runner.invoke(app, ["statement", "check", "--lang", "fr", "hola"])
    assert wrong.exit_code == 2 and "--lang" in wrong.output
    with pytest.raises(StatementError):
        check_statement("")


def test_check_post_fails_on_what_would_start_a_crisis_and_passes_a_good_post() -> None:
    runner = CliRunner()
    bad = runner.invoke(app, ["check-post", "Sin comentarios. La culpa es de los usuarios que no leyeron las normas."])
    assert bad.exit_code == 1 and "Sin comentarios" in bad.output
    good = runner.invoke(app, ["check-post", "¡Hoy abrimos nueva ruta a Lisboa! Os esperamos a bordo."])
    assert good.exit_code == 0 and "nothing in this post" in good.output


def test_strangers_markup_is_only_text() -> None:
    result = CliRunner().invoke(app, ["statement", "check", "--json", "[bold red]No comment[/] <script>x</script>"])
    assert result.exit_code == 0 and json.loads(result.output)["honest"]["evidence"] == ["No comment"]


def test_accuracy_on_the_labelled_set_stays_above_its_floor() -> None:
    items = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(items) >= 60 and {item["lang"] for item in items} == {"es", "en"}
    right: Counter[str] = Counter()
    for item in items:
        report = check_statement(item["text"], item["lang"]).as_json()
        for name in PRINCIPLES:
            right[name] += report[name]["status"] == item["labels"][name]  # type: ignore[index]
    accuracy = {name: right[name] / len(items) for name in PRINCIPLES}
    assert min(accuracy.values()) >= FLOOR, accuracy
    assert sum(right.values()) / (len(items) * len(PRINCIPLES)) >= OVERALL_FLOOR, accuracy


FLOOR = 0.65  # measured 0.70 (admits_error) on the whole set; 0.835 overall, 0.76 on the held-out half
OVERALL_FLOOR = 0.8
