"""Distilled word vectors: what the deep tier's encoders say of each word alone.

The vocabulary is every word seen at least twice in the training tweets, plus the
most frequent words of Spanish and English (40,000 each) and of Portuguese,
Italian, French, Catalan and German, from the ``wordfreq`` package (its word lists
are CC BY-SA 4.0). Each word is embedded alone by the Universal Sentence Encoder,
and the most frequent part of the vocabulary also by multilingual-e5-small (slower),
plain and as tuned on tweet sentiment (which gives words their polarity);
the fast tier learns one linear map from these vectors to each class, so words that
never appear in the labelled tweets still carry what the encoders know of them.
"""

from __future__ import annotations

import collections
from collections.abc import Sequence

import numpy as np

from ascua.nlp.clean import model_text
from ascua.nlp.features import _WORD, fold
from ascua.nlp.train.cache import EmbeddingCache

WORDFREQ_LISTS = (("es", 40000), ("en", 40000), ("pt", 8000), ("it", 8000), ("fr", 8000), ("de", 5000), ("ca", 8000))
E5_LISTS = (("es", 20000), ("en", 15000))


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(model_text(text)))


def _wordfreq(lists: Sequence[tuple[str, int]]) -> set[str]:
    import wordfreq

    found: set[str] = set()
    for language, count in lists:
        for word in wordfreq.top_n_list(language, count):
            found.update(_WORD.findall(fold(word)))
    return found


def vocabulary(corpus: Sequence[str]) -> list[str]:
    counts = collections.Counter(word for text in corpus for word in set(_words(text)))
    words = {word for word, count in counts.items() if count >= 2} | _wordfreq(WORDFREQ_LISTS)
    return sorted(words)


def e5_subset(vocab: Sequence[str], labelled: Sequence[str]) -> list[str]:
    counts = collections.Counter(word for text in labelled for word in set(_words(text)))
    keep = {word for word, count in counts.items() if count >= 2} | _wordfreq(E5_LISTS)
    return [word for word in vocab if word in keep]


def word_vectors(
    vocab: Sequence[str],
    e5_words: Sequence[str],
    use: EmbeddingCache,
    e5: EmbeddingCache,
    tuned: EmbeddingCache | None = None,
) -> np.ndarray:
    """``(len(vocab), 512 + 384 [+ 384])``: USE vectors for every word, e5 vectors (zeros elsewhere)
    for ``e5_words``, and with ``tuned`` the sentiment-tuned e5's vectors of the same words."""
    use_part = use.embed(list(vocab), batch=512, progress=True)
    position = {word: row for row, word in enumerate(vocab)}
    parts = [use_part]
    for encoder in (e5, tuned):
        if encoder is None:
            continue
        part = np.zeros((len(vocab), encoder.encoder.dim), dtype=np.float32)
        if e5_words:
            part[[position[w] for w in e5_words]] = encoder.embed(list(e5_words), batch=256, progress=True)
        parts.append(part)
    return np.hstack(parts).astype(np.float32)
