"""Language identification of short posts, offline (py3langid, restricted to our languages)."""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Sequence
from functools import cached_property
from typing import Any

import numpy as np

UNDETERMINED = "und"
LANGUAGES = ("es", "en", "ca", "gl", "eu", "pt", "fr", "it", "de")


class LanguageDetector:
    """Identifies the language of a text among :data:`LANGUAGES`, or ``und``.

    Texts without letters (emoji, links, handles only) are ``und``: guessing would
    be inventing. The model loads on first use.

    >>> LanguageDetector().detect("¿Alguien sabe si mañana hay vuelos a Sevilla?")
    'es'
    >>> LanguageDetector().detect("😡😡 https://t.co/x")
    'und'
    """

    _lock = threading.Lock()

    def __init__(self, languages: tuple[str, ...] = LANGUAGES, min_confidence: float = 0.3):
        self.languages = languages
        self.min_confidence = min_confidence

    @cached_property
    def _identifier(self):  # type: ignore[no-untyped-def]
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        with self._lock:
            identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            identifier.set_languages(list(self.languages))
        return identifier

    def detect(self, text: str) -> str:
        text, letters = _readable(text)
        if letters < 2:
            return UNDETERMINED
        language, confidence = self._identifier.classify(text)
        return self._decided(str(language), float(confidence), letters)

    def _decided(self, language: str, confidence: float, letters: int) -> str:
        if confidence < self.min_confidence and letters < 12:
            return UNDETERMINED
        return language

    def detect_many(self, texts: Sequence[str]) -> list[str]:
        """:meth:`detect` of every text, with the model's scores computed for the whole batch at once.

        py3langid scores one text at a time (a walk over its bytes, then a small product with
        the model's table); here the walks are py3langid's own, and the products of a batch are
        one sum in numpy: the same answers, in less time per text. Should py3langid's insides
        change, every text goes through :meth:`detect`.

        >>> LanguageDetector().detect_many(["Me han cancelado el vuelo", "", "My flight was cancelled"])
        ['es', 'und', 'en']
        """
        identifier = self._identifier
        try:
            walk = _walker(identifier)
        except AttributeError:  # pragma: no cover - another version of py3langid
            return [self.detect(text) for text in texts]
        answers: list[str] = [UNDETERMINED] * len(texts)
        pending: list[tuple[int, int, int]] = []  # (position, letters, length in bytes)
        features: list[int] = []
        counts: list[int] = []
        pointer = [0]
        for position, text in enumerate(texts):
            text, letters = _readable(text)
            if letters < 2:
                continue
            encoded = identifier._encode(text)
            visits = walk(encoded)
            if not visits:  # no feature at all: py3langid's own answer
                answers[position] = self.detect(text)
                continue
            features.extend(visits)
            counts.extend(visits.values())
            pointer.append(len(features))
            pending.append((position, letters, len(encoded)))
        if not pending:
            return answers
        table = identifier.nb_ptc
        weights = np.log1p(np.asarray(counts, dtype=np.float32))
        rows = table[np.asarray(features, dtype=np.intp)].astype(np.float32) * weights[:, None]
        scores = np.add.reduceat(rows, np.asarray(pointer[:-1], dtype=np.intp), axis=0) + identifier.nb_pc
        scores *= np.asarray([1.0 / math.sqrt(length or 1) for _, _, length in pending], dtype=np.float32)[:, None]
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        scores /= scores.sum(axis=1, keepdims=True)
        for first, alias in identifier._alias_pairs:
            scores[:, first] += scores[:, alias]
            scores[:, alias] = 0.0
        best = scores.argmax(axis=1)
        classes = identifier.nb_classes
        for (position, letters, _), index, confidence in zip(
            pending, best.tolist(), scores[np.arange(len(pending)), best].tolist(), strict=True
        ):
            answers[position] = self._decided(str(classes[index]), confidence, letters)
        return answers


def _walker(identifier: Any) -> Any:
    """py3langid's walk over a text's bytes, bound to the identifier's automaton."""
    from py3langid.langid import visit_counts

    nextmove, rowbase, output = identifier.tk_nextmove, identifier._rowbase, identifier.tk_output
    for needed in ("_encode", "nb_ptc", "nb_pc", "_alias_pairs", "nb_classes"):
        getattr(identifier, needed)  # what detect_many reads: missing, it raises AttributeError here

    def walk(encoded: bytes) -> Any:
        return visit_counts(nextmove, rowbase, output, encoded)

    return walk


def _readable(text: str) -> tuple[str, int]:
    """The text without links, handles and hashtags, and how many letters it has (counting stops at 12)."""
    if "/" in text or "@" in text or "#" in text:
        text = _NOISE.sub(" ", text)
    return text, _letters(text)


_NOISE = re.compile(r"https?://\S+|www\.\S+|[@#]\w+")


def _letters(text: str) -> int:
    """How many letters the text has (counting stops at 12)."""
    count = 0
    for char in text:
        if char.isalpha():
            count += 1
            if count >= 12:
                break
    return count
