"""The embedding cache of ``make models``: answers in the order asked, whatever order it computed in."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ascua.nlp.encoders import UseEncoder
from ascua.nlp.train.cache import EmbeddingCache

TEXTS = [
    "El vuelo llegó con tres horas de retraso y nadie nos dio una explicación, ni un vaso de agua",
    "ok",
    "thanks for the quick reply!",
    "¿alguien sabe si devuelven el dinero?",
    "ok",  # twice: computed once, answered twice
    "Lost my bag again. Third time this year, and the desk sent me to a phone number that never answers.",
]


def test_cache_answers_in_input_order_and_persists(tmp_path: Path) -> None:
    encoder = UseEncoder()
    cache = EmbeddingCache(tmp_path, encoder)
    found = cache.embed(TEXTS, batch=2)  # batches of two, computed shortest first
    assert found.shape == (len(TEXTS), encoder.dim)
    alone = np.vstack([encoder.encode([text]) for text in TEXTS])
    assert np.allclose(found, alone, atol=1e-4)
    assert np.array_equal(found[1], found[4])
    assert len(cache.vectors) == len(set(TEXTS))

    reopened = EmbeddingCache(tmp_path, encoder)  # read back from disk: nothing left to compute
    assert len(reopened.vectors) == len(set(TEXTS))
    assert np.allclose(reopened.embed(list(reversed(TEXTS))), found[::-1])
