"""Optional: a language model proposes a rewrite of a statement that falls short.

The model is the user's, behind an OpenAI-compatible endpoint (``rewrite:`` in
``ascua.yaml``: a local llama.cpp, vLLM or Ollama server, or a hosted one), called through
the ``openai`` client (``pip install 'ascua[rewrite]'``). It is told which principles the
draft misses or breaks, with the words that decided it, and to keep the facts and write
[brackets] for the facts it does not know. Its proposal is checked like any text: it is a
proposal for a person, never published by itself. Nothing else in Ascua needs a model.
"""

from __future__ import annotations

from dataclasses import dataclass

from ascua.config import RewriteConfig
from ascua.respond.statement import PRINCIPLES, StatementReport, check_statement

_GUIDE = {
    "admits_error": "admit the error plainly",
    "apologizes": "apologise without conditions (never 'sorry if you were offended')",
    "explains_what": "say what happened",
    "explains_how": "explain how it happened",
    "action_with_timeframe": "say what is being done about it, with a time frame",
    "prevention": "state the steps that will prevent a repeat",
    "honest": "be open and honest: no evasions, no 'no comment', no blaming customers or 'a third party'",
    "on_record": "say nothing 'off the record'",
    "human_tone": "use a friendly, human tone: not legalese, not robotic, not defensive, not aggressive",
}


class RewriteError(RuntimeError):
    """No model configured, the client missing, or the endpoint failed (the message says which)."""


@dataclass(slots=True, frozen=True)
class Rewrite:
    text: str
    before: StatementReport
    after: StatementReport
    model: str


def prompt(text: str, report: StatementReport) -> list[dict[str, str]]:
    """The chat messages that ask for a rewrite fixing what the check found."""
    language = "Spanish" if report.lang == "es" else "English"
    problems = []
    for name in PRINCIPLES:
        verdict = report.principles[name]
        if verdict.status == "met":
            continue
        line = f"- {verdict.status}: {_GUIDE[name]}"
        if verdict.evidence:
            line += " (the words that decided it: " + "; ".join(f'"{word}"' for word in verdict.evidence) + ")"
        problems.append(line)
    system = (
        "You help a company's communication team answer a social media crisis honestly. Rewrite the "
        f"statement in {language}, short, warm and direct, as the company speaking. Keep every fact it "
        "states; never invent facts, numbers, dates or names: write them as [brackets] for the team to fill "
        "in. Answer with the rewritten statement only."
    )
    user = "The statement:\n\n" + text.strip() + "\n\nWhat it must do better:\n" + "\n".join(problems or ["- nothing"])
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def rewrite_statement(text: str, config: RewriteConfig | None, lang: str = "auto") -> Rewrite:
    """Ask the configured model for a better version of ``text``, and check it."""
    if config is None:
        raise RewriteError(
            "no language model is configured: add 'rewrite:' to ascua.yaml (url, model) to get proposals; "
            "ascua statement check works without it"
        )
    try:
        import openai
    except ImportError as error:
        raise RewriteError("the rewrite needs the openai client: pip install 'ascua[rewrite]'") from error
    before = check_statement(text, lang)
    client = openai.OpenAI(
        base_url=config.url, api_key=config.api_key or "not-needed", timeout=config.timeout, max_retries=1
    )
    try:
        answer = client.chat.completions.create(model=config.model, messages=prompt(text, before), temperature=0.3)  # type: ignore[arg-type]
    except openai.APIStatusError as error:
        raise RewriteError(f"the model's endpoint answered {error.status_code}") from None
    except openai.APIError as error:
        raise RewriteError(f"the model's endpoint could not be reached ({type(error).__name__})") from None
    proposal = (answer.choices[0].message.content or "").strip() if answer.choices else ""
    if not proposal:
        raise RewriteError("the model answered nothing")
    return Rewrite(proposal, before, check_statement(proposal, before.lang), config.model)
