"""What every language model of Ascua answers, whatever runs it.

A :class:`SentimentModel` takes texts and returns, for each, the probabilities of
``negative``, ``neutral`` and ``positive`` (in :data:`~ascua.model.SENTIMENTS`
order, rows summing to 1). The shipped fast and deep tiers implement it, and so
does a model the user brings (``pip install ascua[transformers]``).
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

Probabilities = npt.NDArray[np.float32]


@runtime_checkable
class SentimentModel(Protocol):
    """Sentiment of a batch of texts: an ``(n, 3)`` array of probabilities (negative, neutral, positive)."""

    name: str

    def sentiment(self, texts: list[str]) -> Probabilities: ...
