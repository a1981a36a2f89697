"""Language identification of short posts, offline (py3langid, restricted to our languages)."""

from __future__ import annotations

import re
import threading
from functools import cached_property

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
        if "/" in text or "@" in text or "#" in text:
            text = _NOISE.sub(" ", text)
        letters = _letters(text)
        if letters < 2:
            return UNDETERMINED
        language, confidence = self._identifier.classify(text)
        if confidence < self.min_confidence and letters < 12:
            return UNDETERMINED
        return str(language)


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
