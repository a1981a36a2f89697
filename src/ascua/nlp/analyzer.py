"""What a post says: language, sentiment, emotion, irony, question and complaint, in two tiers.

The **fast** tier (:mod:`ascua.nlp.fast`) answers for every post, inline. The
**deep** tier (:mod:`ascua.nlp.deep`, or a model the user brings) answers for the
posts that matter, asynchronously. Both give the same :class:`TextAnalysis`.

Rules on top of the models, all documented in docs/models.md:

- A text with nothing to read (empty, only links or @handles) is language ``und``
  and neutral with low confidence; no model is asked. Emoji alone are read (they
  carry sentiment) but have no language.
- Irony flips praise: a post the deep tier finds clearly ironic (≥ 0.85) is not
  taken as positive; two thirds of its positive probability go to negative. Sarcastic thanks — thanks
  *for* something the lexicon finds negative, "Gracias @Iberia por perder mi maleta 👏",
  "thanks for the delay", "genial, otro retraso" — count as ironic in both languages (the irony head learned
  from English tweets only).
- ``fear`` (worry) has no labelled data in our sets: it is measured by cues
  (words and emoji of fear and worry in Spanish and English), the other emotions
  by the trained head.
- A question is a text with ``?`` or ``¿``, or one the question head finds phrased
  as a question (it learned from tweets whose marks were removed).

>>> analyzer = Analyzer()
>>> result = analyzer.analyse(["Llevo 3 horas esperando y nadie contesta, vergüenza"])[0]
>>> result.lang, result.sentiment, result.complaint, result.tier
('es', 'negative', True, 'fast')
>>> analyzer.analyse([""])[0].as_json()["sentiment"]["label"]
'neutral'
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from ascua.model import SENTIMENTS, Sentiment
from ascua.nlp.base import SentimentModel
from ascua.nlp.clean import model_text
from ascua.nlp.deep import DeepModel
from ascua.nlp.fast import FastModel, FloatArray
from ascua.nlp.features import fold
from ascua.nlp.language import UNDETERMINED, LanguageDetector

Tier = Literal["fast", "deep"]
EMOTIONS = ("anger", "joy", "optimism", "sadness", "fear")
IRONY_THRESHOLD = 0.6
FLIP_THRESHOLD = 0.85
QUESTION_THRESHOLD = 0.5
COMPLAINT_THRESHOLD = 0.5
EMPTY_SCORES = {"negative": 0.2, "neutral": 0.6, "positive": 0.2}

FEAR_WORDS = frozenset(
    [
        "miedo",
        "miedos",
        "asusta",
        "asustado",
        "asustada",
        "asustados",
        "temo",
        "temor",
        "preocupa",
        "preocupado",
        "preocupada",
        "preocupados",
        "preocupante",
        "preocupacion",
        "inquieto",
        "inquieta",
        "panico",
        "angustia",
        "angustiado",
        "nervioso",
        "nerviosa",
        "peligro",
        "peligroso",
        "afraid",
        "scared",
        "scary",
        "fear",
        "fearful",
        "worried",
        "worry",
        "worrying",
        "anxious",
        "anxiety",
        "panic",
        "terrified",
        "frightened",
        "nervous",
        "concerned",
        "dangerous",
    ]
)
FEAR_EMOJI = frozenset("😨😰😱😟😧😬")
# a cheap first look, on the lowercased text (a case-insensitive pattern costs three times more):
# only texts with one of these stems or emoji are read word by word
_FEAR_HINT = re.compile(
    r"miedo|asust|tem[oe]|preocup|inquiet|p[aá]nico|angusti|nervios|peligr|afraid|scar|fear|worr|anxi|panic|terrif|"
    r"fright|nervous|concern|danger|[😨😰😱😟😧😬]"
)
_FEAR_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CONTENT = re.compile(r"[^\W_]", re.UNICODE)
_THANKS = re.compile(
    r"\b(?:gracias|muchas gracias|thanks|thank you|thx|ty)\b(?:\s+(?:a|to)?\s*@user)?"
    r"[\s,]+(?:por|for)\s+(\w+(?:\s+\w+)?)",
    re.IGNORECASE,
)
_PRAISE_THEN_BAD = re.compile(
    r"\b(?:genial|great|perfect|perfecto|fantastic|fantastico|fantástico|estupendo|wonderful|maravilloso|love it|"
    r"me encanta|bravo|awesome|brilliant)\b[\s,!.]+(?:another|otro|otra|one more|yet another|de nuevo|again)\s+(\w+)",
    re.IGNORECASE,
)
_SARCASM_HINT = re.compile(  # on the lowercased text, as _FEAR_HINT
    r"gracias|thank|thx|\bty\b|genial|great|perfect|fant[aá]stic|estupendo|wonderful|maravill|love it|encanta|bravo|"
    r"awesome|brilliant"
)
SARCASM = 0.8


def sarcasm_cue(text: str) -> bool:
    """Thanks for something bad ("gracias por perder mi maleta"), praise of something bad ("great, another delay").

    >>> sarcasm_cue("Gracias @user por perder mi maleta 👏"), sarcasm_cue("Gracias por resolverlo tan rápido")
    (True, False)
    """
    from ascua.nlp.features import lexicon

    if not _SARCASM_HINT.search(text.lower()):
        return False
    for pattern in (_THANKS, _PRAISE_THEN_BAD):
        for match in pattern.finditer(text):
            _, negative, _ = lexicon().balance(match.group(1))
            if negative >= 1.0:
                return True
    return False


@dataclass(frozen=True, slots=True)
class TextAnalysis:
    """The analysis of one text; ``as_json`` is the object ``ascua analyze`` prints."""

    lang: str
    sentiment: Sentiment
    scores: dict[str, float]
    emotion: dict[str, float]
    irony: float
    question: bool
    complaint: bool
    tier: str
    model: str

    @property
    def top_emotion(self) -> str:
        return max(self.emotion, key=self.emotion.__getitem__)

    def as_json(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "sentiment": {"label": self.sentiment, "scores": self.scores},
            "emotion": {"label": self.top_emotion, "scores": self.emotion},
            "irony": {"ironic": self.irony >= IRONY_THRESHOLD, "score": self.irony},
            "question": self.question,
            "complaint": self.complaint,
            "tier": self.tier,
            "model": self.model,
        }


def has_content(text: str) -> bool:
    """Whether a cleaned text has anything to read besides links and @handles (emoji count)."""
    rest = text.replace("@user", " ").replace("http", " ")
    return bool(_CONTENT.search(rest)) or any(ord(char) >= 0x2600 for char in rest)


def fear_cue(text: str) -> float:
    """0 to 1: how strongly the text voices fear or worry, by its words and emoji.

    >>> fear_cue("Me preocupa mucho, tengo miedo 😨"), fear_cue("Todo bien")
    (1.0, 0.0)
    """
    if not _FEAR_HINT.search(text.lower()):
        return 0.0
    hits = sum(1 for word in _FEAR_WORD.findall(fold(text)) if word in FEAR_WORDS)
    hits += sum(1 for char in text if char in FEAR_EMOJI)
    return min(1.0, 0.5 * hits)


class Analyzer:
    """Runs the tiers. Models load once, on first use; one analyzer is safe to share between threads."""

    def __init__(
        self,
        fast: FastModel | None = None,
        deep: DeepModel | None = None,
        sentiment_model: SentimentModel | None = None,
        language: LanguageDetector | None = None,
        sentiment_loader: Callable[[], SentimentModel | None] | None = None,
    ):
        """``sentiment_model`` (or ``sentiment_loader``, called on the first deep analysis) answers the
        deep tier's sentiment instead of the shipped heads: a model the user brings."""
        self._fast = fast
        self._deep = deep
        self.sentiment_model = sentiment_model
        self._sentiment_loader = sentiment_loader
        self.language = language or LanguageDetector()
        self._lock = threading.Lock()

    @property
    def fast(self) -> FastModel:
        if self._fast is None:
            with self._lock:
                if self._fast is None:
                    self._fast = FastModel.load()
        return self._fast

    @property
    def deep(self) -> DeepModel:
        if self._deep is None:
            fast = self.fast
            with self._lock:
                if self._deep is None:
                    if self._sentiment_loader is not None and self.sentiment_model is None:
                        self.sentiment_model = self._sentiment_loader()
                    self._deep = DeepModel.load(fast)
        return self._deep

    def model_name(self, tier: Tier) -> str:
        if tier == "fast":
            return self.fast.version
        name = self.deep.version  # loads the deep tier, and the user's model with it
        if self.sentiment_model is not None:
            name += "+" + self.sentiment_model.name
        return name[:64]

    def analyse(
        self, texts: Sequence[str], *, tier: Tier = "fast", langs: Sequence[str | None] | None = None
    ) -> list[TextAnalysis]:
        """Analyse ``texts`` (in order); ``langs`` may give languages already known (e.g. from the source)."""
        cleaned = [model_text(text) for text in texts]
        readable = [index for index, text in enumerate(cleaned) if has_content(text)]
        outputs = self._predict([cleaned[i] for i in readable], tier) if readable else {}
        # plain Python floats, once for the batch (cheaper than converting each number of each row)
        rows = {key: values.tolist() for key, values in outputs.items()}
        name = self.model_name(tier)
        known = [langs[index] if langs is not None else None for index in readable]
        unknown = [position for position, lang in enumerate(known) if not lang]
        detected = iter(self.language.detect_many([cleaned[readable[position]] for position in unknown]))
        results: list[TextAnalysis | None] = [None] * len(texts)
        for position, index in enumerate(readable):
            text = cleaned[index]
            given = known[position]
            lang = given.split("-")[0].lower() if given else next(detected)
            results[index] = self._compose(text, lang, {k: v[position] for k, v in rows.items()}, tier, name)
        empty = self._empty(tier, name)
        return [result if result is not None else empty for result in results]

    def _predict(self, texts: list[str], tier: Tier) -> dict[str, FloatArray]:
        if tier == "fast":
            return self.fast.predict(texts, cleaned=True)
        outputs = self.deep.predict(texts)
        if self.sentiment_model is not None:
            outputs["sentiment"] = np.asarray(self.sentiment_model.sentiment(texts), dtype=np.float32)
        return outputs

    def _compose(self, text: str, lang: str, out: dict[str, list[float]], tier: str, name: str) -> TextAnalysis:
        sentiment = list(out["sentiment"])
        irony = out["irony"][1] if "irony" in out else 0.0
        sarcastic = sarcasm_cue(text)
        if sarcastic:
            irony = max(irony, SARCASM)
        flips = sarcastic or (tier == "deep" and irony >= FLIP_THRESHOLD)
        if flips and sentiment[2] > max(sentiment[0], sentiment[1]):
            moved = sentiment[2] * 2 / 3
            sentiment = [sentiment[0] + moved, sentiment[1], sentiment[2] - moved]
        scores: dict[str, float] = {label: round(value, 4) for label, value in zip(SENTIMENTS, sentiment, strict=True)}
        label: Sentiment = SENTIMENTS[sentiment.index(max(sentiment))]
        fear = fear_cue(text)
        trained = [p * (1.0 - fear) for p in out["emotion"]] if "emotion" in out else [0.25] * 4
        emotion = {name_: round(value, 4) for name_, value in zip(EMOTIONS, [*trained, fear], strict=True)}
        question = "?" in text or "¿" in text or ("question" in out and out["question"][1] >= QUESTION_THRESHOLD)
        complaint = "complaint" in out and out["complaint"][1] >= COMPLAINT_THRESHOLD
        return TextAnalysis(lang, label, scores, emotion, round(irony, 4), question, complaint, tier, name)

    def _empty(self, tier: str, name: str) -> TextAnalysis:
        emotion = dict.fromkeys(EMOTIONS[:4], 0.25) | {"fear": 0.0}
        return TextAnalysis(UNDETERMINED, "neutral", dict(EMPTY_SCORES), emotion, 0.0, False, False, tier, name)
