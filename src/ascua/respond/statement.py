"""The statement check: does a crisis statement follow the principles of an honest response?

The source documents (BRIEF M6) ask a statement to admit the error, apologise without
conditions, explain what happened and how, say what is being done and by when, state
what will prevent a repeat, be open and honest (no evasions, no blame-shifting, no "no
comment"), stay on the record, and sound human. :func:`check_statement` reads a draft in
Spanish or English and reports each principle as ``met``, ``missing`` or ``violated``,
with the words that decided it, so a person sees why and other tools can use it.

It reads phrases, not a model's guess: every verdict points at words in the text. A
cue counts only in its own sentence, and a refusal ("no vamos a pedir disculpas", "we do
not accept responsibility") turns a cue into a violation.

>>> report = check_statement("Lo sentimos si alguien se sintió ofendido.", "es")
>>> report.principles["apologizes"].status, report.principles["apologizes"].evidence
('violated', ['Lo sentimos si alguien'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

import yaml

from ascua.i18n import N_
from ascua.query.text import fold

if TYPE_CHECKING:
    from ascua.nlp.language import LanguageDetector

Status = Literal["met", "missing", "violated"]
PRINCIPLES = (
    "admits_error",
    "apologizes",
    "explains_what",
    "explains_how",
    "action_with_timeframe",
    "prevention",
    "honest",
    "on_record",
    "human_tone",
)
# each principle in a reader's words (translated where shown)
PRINCIPLE_NAMES = {
    "admits_error": N_("admits the error"),
    "apologizes": N_("apologises without conditions"),
    "explains_what": N_("explains what happened"),
    "explains_how": N_("explains how it happened"),
    "action_with_timeframe": N_("says what is being done, and by when"),
    "prevention": N_("states how a repeat is prevented"),
    "honest": N_("open and honest (no evasion, no blame-shifting)"),
    "on_record": N_("nothing off the record"),
    "human_tone": N_("friendly, human tone"),
}
MAX_CHARS = 50_000


def _any(*patterns: str) -> re.Pattern[str]:
    """One pattern from phrases written folded (lowercase, no accents); ``\\b`` at both ends."""
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b")


# --- the cues, in Spanish and English: respond/data/statement_cues.yaml ---------------------


def _load_cues() -> dict[str, re.Pattern[str]]:
    text = (resources.files("ascua") / "respond" / "data" / "statement_cues.yaml").read_text(encoding="utf-8")
    return {name: _any(*patterns) for name, patterns in yaml.safe_load(text).items()}


_CUES = _load_cues()
ADMITS, DENIES, APOLOGY, CONDITIONAL = _CUES["admits"], _CUES["denies"], _CUES["apology"], _CUES["conditional"]
INCIDENT, WHEN_OR_SCOPE, CAUSE = _CUES["incident"], _CUES["when_or_scope"], _CUES["cause"]
ACTION, TIMEFRAME, PREVENTION = _CUES["action"], _CUES["timeframe"], _CUES["prevention"]
EVASION, OFF_RECORD = _CUES["evasion"], _CUES["off_record"]
LEGALESE, ROBOTIC, DEFENSIVE, AGGRESSIVE, HUMAN = (
    _CUES["legalese"], _CUES["robotic"], _CUES["defensive"], _CUES["aggressive"], _CUES["human"],
)  # fmt: skip
# A refusal just before a cue ("no vamos a pedir disculpas", "we will not apologise").
REFUSAL = re.compile(
    r"\b(?:no|nunca|jamas|not|never|won't|will not|do not|don't|refuse to|no vamos a|no tenemos (?:nada )?(?:por|que))"
    r"\b(?:\W+\w+){0,3}\W*$"
)


@dataclass(slots=True)
class Verdict:
    status: Status
    evidence: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {"status": self.status, "evidence": self.evidence}


@dataclass(slots=True)
class StatementReport:
    lang: str
    principles: dict[str, Verdict]

    @property
    def met(self) -> int:
        return sum(1 for verdict in self.principles.values() if verdict.status == "met")

    @property
    def violated(self) -> int:
        return sum(1 for verdict in self.principles.values() if verdict.status == "violated")

    def as_json(self) -> dict[str, object]:
        """Exactly the nine principles, each ``{"status", "evidence"}`` (the contract of ``--json``)."""
        return {name: self.principles[name].as_json() for name in PRINCIPLES}


class StatementError(ValueError):
    """A text that cannot be checked (empty)."""


_SENTENCE = re.compile(r"[^\n]+?(?:[.!?;]+(?=\s|$)|(?=\n)|$)")  # "4.000" and "v2.1" do not end one


class _Text:
    """The statement, folded for matching, with a way back to the words as written."""

    def __init__(self, text: str):
        self.original = text
        folded = fold(text)
        self.same_length = len(folded) == len(text)
        self.folded = folded
        self.sentences = [(m.start(), m.group()) for m in _SENTENCE.finditer(folded)]

    def words(self, start: int, end: int) -> str:
        source = self.original if self.same_length else self.folded
        return " ".join(source[start:end].split())

    def find(self, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
        return [m.span() for m in pattern.finditer(self.folded)]

    def sentence_of(self, position: int) -> tuple[int, str]:
        for start, sentence in self.sentences:
            if start <= position < start + len(sentence):
                return start, sentence
        return 0, self.folded


def check_statement(text: str, lang: str = "auto") -> StatementReport:
    """Check a draft statement (``lang``: ``es``, ``en`` or ``auto``) against the nine principles."""
    if not isinstance(text, str) or not text.strip():
        raise StatementError("the statement is empty: give its text as an argument, with --file, or on standard input")
    text = text[:MAX_CHARS]
    if lang == "auto":
        detected = _detector().detect(text)
        lang = detected if detected in ("es", "en") else "en"
    t = _Text(text)
    verdicts: dict[str, Verdict] = {}

    admits, refused = _cues(t, ADMITS)
    denies = _spans(t, DENIES)
    if denies or refused:
        verdicts["admits_error"] = Verdict("violated", _words(t, denies + refused))
    else:
        verdicts["admits_error"] = Verdict("met" if admits else "missing", _words(t, admits))

    apologies, refused = _cues(t, APOLOGY)
    conditional = _spans(t, CONDITIONAL)
    if conditional or refused:
        verdicts["apologizes"] = Verdict("violated", _words(t, conditional + refused))
    else:
        verdicts["apologizes"] = Verdict("met" if apologies else "missing", _words(t, apologies))

    what = _together(t, INCIDENT, WHEN_OR_SCOPE)
    verdicts["explains_what"] = Verdict("met" if what else "missing", _words(t, what))
    cause = _spans(t, CAUSE)
    blame = _spans(t, EVASION)
    verdicts["explains_how"] = Verdict("met" if cause else "missing", _words(t, cause))

    action = _together(t, ACTION, TIMEFRAME)
    if action:
        verdicts["action_with_timeframe"] = Verdict("met", _words(t, action))
    else:
        verdicts["action_with_timeframe"] = Verdict("missing", _words(t, _spans(t, ACTION)))
    prevention = _spans(t, PREVENTION)
    verdicts["prevention"] = Verdict("met" if prevention else "missing", _words(t, prevention))

    verdicts["honest"] = Verdict("violated", _words(t, blame)) if blame else Verdict("met")
    off = _spans(t, OFF_RECORD)
    verdicts["on_record"] = Verdict("violated", _words(t, off)) if off else Verdict("met")

    cold = _spans(t, LEGALESE) + _spans(t, ROBOTIC) + _spans(t, DEFENSIVE) + _spans(t, AGGRESSIVE) + _shouting(t)
    warm = _spans(t, HUMAN)
    if cold:
        verdicts["human_tone"] = Verdict("violated", _words(t, cold))
    else:
        verdicts["human_tone"] = Verdict("met" if warm else "missing", _words(t, warm))
    return StatementReport(lang, verdicts)


@cache
def _detector() -> LanguageDetector:
    from ascua.nlp.language import LanguageDetector

    return LanguageDetector()


def _spans(t: _Text, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    return t.find(pattern)


def _cues(t: _Text, pattern: re.Pattern[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The cues found, split into those said and those refused ("no vamos a pedir disculpas")."""
    said, refused = [], []
    for start, end in t.find(pattern):
        sentence_start, sentence = t.sentence_of(start)
        refusal = REFUSAL.search(sentence[: start - sentence_start])
        if refusal:
            refused.append((sentence_start + refusal.start(), end))
        else:
            said.append((start, end))
    return said, refused


def _together(t: _Text, first: re.Pattern[str], second: re.Pattern[str]) -> list[tuple[int, int]]:
    """Cues of ``first`` in a sentence that also holds a cue of ``second``: both spans."""
    found: list[tuple[int, int]] = []
    for start, sentence in t.sentences:
        a = [(start + m.start(), start + m.end()) for m in first.finditer(sentence)]
        b = [(start + m.start(), start + m.end()) for m in second.finditer(sentence)]
        if a and b:
            found.extend([a[0], b[0]])
    return found


_CAPS = re.compile(r"\b[A-ZÁÉÍÓÚÑ]{4,}(?:\s+[A-ZÁÉÍÓÚÑ]{2,}){2,}\b|!{3,}")


def _shouting(t: _Text) -> list[tuple[int, int]]:
    """Runs of capitals (three words or more) and "!!!": shouting, in the text as written."""
    if not t.same_length:
        return []
    return [m.span() for m in _CAPS.finditer(t.original)]


def _words(t: _Text, spans: Iterable[tuple[int, int]]) -> list[str]:
    seen: list[str] = []
    for start, end in sorted(set(spans)):
        words = t.words(start, end)
        if words and words not in seen:
            seen.append(words)
    return seen


# --- a first draft, from the explanation and the plan's templates ----------------------------

_DRAFT = {
    "es": (
        "Desde {since}, muchos de vosotros nos estáis contando problemas con {issue}.",
        "Os hemos fallado y lo sentimos de verdad: entendemos vuestro enfado.",
        "[Qué pasó: cuántas personas y desde cuándo, con los hechos que ya conocemos.] "
        "[Por qué pasó: la causa, en cuanto la sepamos.]",
        "Estamos trabajando para solucionarlo y os contaremos aquí cómo va antes de las {time}.",
        "[Para que no vuelva a ocurrir: los cambios concretos que vamos a hacer.]",
    ),
    "en": (
        "Since {since}, many of you have told us about problems with {issue}.",
        "We let you down and we are truly sorry: we understand your frustration.",
        "[What happened: how many people and since when, with the facts we already know.] "
        "[Why it happened: the cause, as soon as we know it.]",
        "We are working on a fix and will update you here by {time}.",
        "[To make sure this never happens again: the concrete changes we will make.]",
    ),
}


def draft_statement(
    explanation: dict[str, object], lang: str, *, since: str, time: str, template: str | None = None
) -> str:
    """A first statement for a wave: what people are saying (the explanation's top themes), an
    admission, an apology and an action with a time frame, and [brackets] where the team must
    write facts only they know. ``template`` (the plan's holding statement in ``lang``, with
    ``{issue}`` and ``{time}``) replaces the opening and the action when given."""
    themes = explanation.get("themes") or []
    terms: list[str] = []
    for theme in themes[:2] if isinstance(themes, list) else []:
        for term in theme.get("terms", [])[:3] if isinstance(theme, dict) else []:
            if term not in terms:
                terms.append(term)
    issue = (
        (", ".join(f"«{term}»" for term in terms[:4]))
        if terms
        else ("[el problema]" if lang == "es" else "[the issue]")
    )
    opening, admit, facts, action, prevention = _DRAFT["es" if lang == "es" else "en"]
    if template:
        try:
            held = template.format(issue=issue, time=time)
        except (KeyError, IndexError, ValueError):
            held = template
        return " ".join(" ".join(part.split()) for part in (held, admit, facts, prevention))
    return " ".join((opening.format(since=since, issue=issue), admit, facts, action.format(time=time), prevention))


def without_placeholders(draft: str) -> str:
    """A draft without its [bracketed] placeholders: what it says so far."""
    return " ".join(re.sub(r"\[[^\]]*\]", " ", draft).split())
