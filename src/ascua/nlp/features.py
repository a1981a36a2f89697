"""Sparse text features of the fast tier: words, word pairs, character n-grams, emoji and punctuation.

A small hand-written bilingual lexicon (:mod:`ascua.nlp.lexicon`: polarity of words,
phrases and emoji, with negation) adds two cue features, ``l:pos`` and ``l:neg``,
repeated by the strength of what it finds: they carry what the lexicon knows of
emoji and of customer-service Spanish to posts that the training tweets never saw.

The same code builds the features when the models are trained (``make models``) and
when they run, so the two can never drift apart. Texts are cleaned by
:func:`~ascua.nlp.clean.model_text` and folded (case and accents), so ``ATENCIÓN``
and ``atencion`` are one feature. A word that follows a negation (``no``, ``nunca``,
``not``, ``never``…) within three words is also counted in its negated form, which
lets a linear model tell ``buen servicio`` from ``no es buen servicio``.

>>> sorted(f for f in text_features("No me gusta NADA 😡") if f[0] in "wenl")
['e:😡', 'l:neg', 'l:neg', 'l:neg', 'l:neg', 'n:gusta', 'n:me', 'n:nada', 'w:gusta', 'w:me', 'w:nada', 'w:no']
"""

from __future__ import annotations

import re

from ascua.nlp.clean import model_text
from ascua.nlp.lexicon import LexiconSentiment
from ascua.query.text import fold  # lowercase without accents, the same as brand queries

__all__ = ["fold", "sentence_features", "split_words", "text_features", "word_features"]

NEGATIONS = frozenset(
    [
        "no",
        "nunca",
        "jamas",
        "ni",
        "tampoco",
        "nadie",
        "nada",
        "sin",
        "not",
        "never",
        "no",
        "nothing",
        "nobody",
        "without",
        "cannot",
        "cant",
        "dont",
        "doesnt",
        "didnt",
        "isnt",
        "wasnt",
        "wont",
        "wouldnt",
        "shouldnt",
        "aren't",
        "don't",
        "doesn't",
        "didn't",
        "isn't",
        "wasn't",
        "won't",
        "can't",
        "couldnt",
        "couldn't",
    ]
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[@#][^\W_]+", re.UNICODE)
_PUNCT = re.compile(r"[!?¡¿]+|\.\.\.+|…")
CHAR_SIZES = (2, 3, 4, 5)
MAX_CUES = 6
_LEXICON: list[LexiconSentiment] = []


def lexicon() -> LexiconSentiment:
    if not _LEXICON:
        _LEXICON.append(LexiconSentiment.load())
    return _LEXICON[0]


_EMOJI = re.compile("[\u2600-\u27bf\U0001f000-\U0001faff]")  # symbols, dingbats and the emoji blocks


def text_features(text: str) -> list[str]:
    """The feature strings of one text (with repeats: counts matter)."""
    cleaned, words = split_words(text)
    features = sentence_features(cleaned, words)
    for word in words:
        features.extend(word_features(word))
    return features


def split_words(text: str, *, cleaned: bool = False) -> tuple[str, list[str]]:
    """The cleaned text and its folded words (``cleaned``: the text already went through ``model_text``)."""
    if not cleaned:
        text = model_text(text)
    return text, _WORD.findall(fold(text))


def word_features(word: str) -> list[str]:
    """What one word contributes wherever it appears: itself and its character n-grams."""
    features = ["w:" + word]
    if word[0] in "@#" or len(word) > 30:
        return features
    padded = f"<{word}>"
    size = len(padded)
    for n in CHAR_SIZES:
        if n > size:
            break
        features.extend("c:" + padded[i : i + n] for i in range(size - n + 1))
    return features


def sentence_features(cleaned: str, words: list[str]) -> list[str]:
    """What depends on the whole text: emoji, punctuation, lexicon cues, word pairs, negated words."""
    features: list[str] = []
    if not cleaned.isascii():
        features.extend("e:" + char for char in _EMOJI.findall(cleaned))
    features.extend("p:" + mark[:3] for mark in _PUNCT.findall(cleaned))
    positive, negative, _ = lexicon().balance(cleaned)
    features.extend(["l:pos"] * min(MAX_CUES, round(positive)))
    features.extend(["l:neg"] * min(MAX_CUES, round(negative)))
    negated = 0
    previous = "<s>"
    for word in words:
        if negated:
            features.append("n:" + word)
            negated -= 1
        if word in NEGATIONS:
            negated = 3
        features.append(f"b:{previous} {word}")
        previous = word
    return features
