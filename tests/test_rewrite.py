"""The optional rewrite: a real HTTP server on 127.0.0.1 speaking the OpenAI chat-completions
protocol stands in for the user's local model server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest
from typer.testing import CliRunner

from ascua.cli import app
from ascua.config import RewriteConfig, Workspace
from ascua.respond.rewrite import RewriteError, rewrite_statement

from .conftest import local_http, reply, write_workspace

BETTER = (
    "Nos equivocamos y lo sentimos mucho. El [fecha] cancelamos [número] vuelos sin aviso por un fallo en la "
    "planificación de tripulaciones. Hoy antes de las 18:00 ofreceremos el reembolso o un vuelo nuevo, y hemos "
    "cambiado el proceso para que no vuelva a ocurrir."
)


@pytest.fixture
def model_server() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    asked: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            asked.append({"path": self.path, "auth": self.headers.get("Authorization"), **request})
            if request["model"] == "broken":
                self.send_response(500)
                self.end_headers()
                return
            body = json.dumps({
                "id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": request["model"],
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": BETTER}}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }).encode()  # fmt: skip
            reply(self, body, "application/json")

        def log_message(self, *args: object) -> None:
            pass

    with local_http(Handler) as base:
        yield f"{base}/v1", asked


def test_the_model_is_told_what_the_draft_lacks_and_its_proposal_is_checked(
    model_server: tuple[str, list[dict[str, Any]]],
) -> None:
    url, asked = model_server
    config = RewriteConfig(url=url, model="local-7b", api_key="sk-secret-key")
    result = rewrite_statement("Sin comentarios. La culpa es de un proveedor externo.", config)
    assert asked[0]["path"] == "/v1/chat/completions" and asked[0]["model"] == "local-7b"
    assert asked[0]["auth"] == "Bearer sk-secret-key"
    question = asked[0]["messages"][1]["content"]
    assert "violated" in question and "Sin comentarios" in question and "Spanish" in asked[0]["messages"][0]["content"]
    assert result.text == BETTER and result.before.violated > 0
    assert result.after.violated == 0 and result.after.met > result.before.met

    with pytest.raises(RewriteError, match="answered 500") as failed:
        rewrite_statement("Sin comentarios.", RewriteConfig(url=url, model="broken", api_key="sk-secret-key"))
    assert "sk-secret-key" not in str(failed.value)
    with pytest.raises(RewriteError, match="could not be reached"):
        rewrite_statement("Sin comentarios.", RewriteConfig(url="http://127.0.0.1:9/v1", model="m", timeout=2))


def test_without_a_model_the_command_says_how_to_add_one_and_with_one_prints_both_checks(
    workspace: Workspace, model_server: tuple[str, list[dict[str, Any]]]
) -> None:
    runner = CliRunner()
    missing = runner.invoke(app, ["statement", "rewrite", "Sin comentarios.", "-w", str(workspace.root)])
    assert missing.exit_code == 1 and "rewrite:" in missing.output and "works without it" in missing.output
    url, _asked = model_server
    configured = write_workspace(workspace.root, sources=[], rewrite={"url": url, "model": "local-7b"})
    result = runner.invoke(app, ["statement", "rewrite", "Sin comentarios.", "-w", str(configured.root), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["text"] == BETTER and data["after"]["honest"]["status"] == "met"
    assert data["before"]["honest"]["status"] == "violated"
