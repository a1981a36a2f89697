"""The fast tier: linear models over sparse text features and distilled word vectors, in numpy.

Every post goes through it, inline, at thousands of posts a second on one core. A
text becomes two things (see :mod:`ascua.nlp.features`):

- a TF-IDF vector over words, word pairs, negated words, character n-grams, emoji
  and punctuation (sublinear counts, L2-normalised), and
- the idf-weighted mean of the *distilled word vectors* of its words: vectors that
  the deep tier's multilingual sentence encoders gave to each of about 100,000 words
  in Spanish, English and six other languages. A linear head on that mean is linear
  in the words, so the shipped model keeps, per word, only its contribution to each
  class (``static``), not the vector itself.

Each head (``sentiment``, ``emotion``, ``irony``, ``complaint``, ``question``) is a
multinomial logistic regression over both parts, with a temperature fitted on
held-out data so that its probabilities are calibrated. The artifacts are a JSON
file (feature strings, labels, metrics) and an ``.npz`` of arrays: no pickle.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ascua.nlp.features import sentence_features, split_words, word_features

WORD_CACHE = 200_000

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class FeatureRows:
    """A batch of texts as sparse rows: TF-IDF features, and weighted in-vocabulary words."""

    indptr: IntArray
    indices: IntArray
    values: FloatArray
    word_indptr: IntArray
    word_indices: IntArray
    word_weights: FloatArray

    def __len__(self) -> int:
        return len(self.indptr) - 1


class FeatureSpace:
    """Feature strings → columns, with their idf; words → rows of the distilled word table."""

    def __init__(self, features: Sequence[str], idf: FloatArray, words: Sequence[str], word_idf: FloatArray):
        self.features = list(features)
        self.index = {feature: column for column, feature in enumerate(self.features)}
        self.idf = np.asarray(idf, dtype=np.float32)
        self.words = list(words)
        self.word_index = {word: row for row, word in enumerate(self.words)}
        self.word_idf = np.asarray(word_idf, dtype=np.float32)
        self._cache: dict[str, tuple[tuple[int, ...], int]] = {}

    def _word_columns(self, word: str) -> tuple[tuple[int, ...], int]:
        """The feature columns of a word (itself and its n-grams) and its distilled-vector row (or -1)."""
        cached = self._cache.get(word)
        if cached is None:
            index = self.index
            cached = (
                tuple(column for f in word_features(word) if (column := index.get(f)) is not None),
                self.word_index.get(word, -1),
            )
            if len(self._cache) < WORD_CACHE:
                self._cache[word] = cached
        return cached

    def transform(self, texts: Sequence[str], *, cleaned: bool = False) -> FeatureRows:
        """Feature rows of ``texts`` (``cleaned``: they already went through ``model_text``)."""
        get = self.index.get
        cached = self._cache.get
        columns: list[int] = []  # every text's feature columns, one after the other, repeats included
        lengths: list[int] = []
        word_indptr = [0]
        word_indices: list[int] = []
        for text in texts:
            clean, words = split_words(text, cleaned=cleaned)
            start = len(columns)
            columns.extend([column for f in sentence_features(clean, words) if (column := get(f)) is not None])
            rows: set[int] = set()
            for word in words:
                found = cached(word) or self._word_columns(word)
                columns.extend(found[0])
                if found[1] >= 0:
                    rows.add(found[1])
            lengths.append(len(columns) - start)
            word_indices.extend(rows)  # the text's distinct in-vocabulary words
            word_indptr.append(len(word_indices))
        # the counts of each (text, column) pair, for the whole batch at once: one sort in numpy
        width = max(len(self.features), 1)
        owner = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        keys, counts = np.unique(owner * width + np.fromiter(columns, np.int64, len(columns)), return_counts=True)
        column_array = keys % width
        pointer = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(np.bincount(keys // width, minlength=len(lengths)), out=pointer[1:])
        raw = counts.astype(np.float32)
        weighted: FloatArray = ((1.0 + np.log(raw)) * self.idf[column_array]).astype(np.float32)
        _normalise_rows(weighted, pointer, squared=True)
        word_array = np.asarray(word_indices, dtype=np.int64)
        word_pointer = np.asarray(word_indptr, dtype=np.int64)
        weights = self.word_idf[word_array].astype(np.float32)
        _normalise_rows(weights, word_pointer, squared=False)
        return FeatureRows(pointer, column_array, weighted, word_pointer, word_array, weights)


def _normalise_rows(values: FloatArray, indptr: IntArray, *, squared: bool) -> None:
    """Scale each row of a CSR-like array to unit L2 norm (``squared``) or unit sum, in place."""
    lengths = np.diff(indptr)
    if not len(values):
        return
    rows = np.repeat(np.arange(len(lengths)), lengths)
    totals = np.bincount(rows, weights=values * values if squared else values, minlength=len(lengths))
    norms = np.sqrt(totals) if squared else totals
    norms[norms == 0] = 1.0
    values /= norms[rows].astype(np.float32)


def _row_sums(matrix: FloatArray, indices: IntArray, weights: FloatArray, indptr: IntArray) -> FloatArray:
    """``sum_j weights[j] * matrix[indices[j]]`` for each row of a CSR-like layout."""
    rows = len(indptr) - 1
    out = np.zeros((rows, matrix.shape[1]), dtype=np.float32)
    if len(indices):
        contributions = matrix[indices].astype(np.float32, copy=False) * weights[:, None]
        filled = np.flatnonzero(np.diff(indptr))
        out[filled] = np.add.reduceat(contributions, indptr[filled], axis=0)
    return out


@dataclass(frozen=True)
class LinearHead:
    """One classifier: sparse weights, distilled word contributions, bias and temperature."""

    name: str
    labels: tuple[str, ...]
    sparse: FloatArray
    static: FloatArray
    bias: FloatArray
    temperature: float = 1.0

    def logits(self, rows: FeatureRows) -> FloatArray:
        sparse = _row_sums(self.sparse, rows.indices, rows.values, rows.indptr)
        static = _row_sums(self.static, rows.word_indices, rows.word_weights, rows.word_indptr)
        return sparse + static + self.bias

    def probabilities(self, rows: FeatureRows) -> FloatArray:
        return softmax(self.logits(rows) / self.temperature)


def softmax(logits: FloatArray) -> FloatArray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    result: FloatArray = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
    return result


MODELS_PACKAGE = "ascua.nlp.models"


def models_folder() -> Path:
    """Where the shipped model artifacts are."""
    return Path(str(resources.files(MODELS_PACKAGE)))


class ModelArtifactError(RuntimeError):
    """A shipped model file is missing or damaged."""


@dataclass(frozen=True)
class FastModel:
    """The fast tier: a feature space and its heads."""

    version: str
    space: FeatureSpace
    heads: dict[str, LinearHead]
    info: dict[str, Any]

    @classmethod
    def load(cls, folder: Path | None = None) -> FastModel:
        folder = folder or models_folder()
        meta_path, arrays_path = folder / "fast.json", folder / "fast.npz"
        if not meta_path.is_file() or not arrays_path.is_file():
            raise ModelArtifactError(f"{folder}: fast.json and fast.npz are missing; 'make models' writes them")
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        with np.load(arrays_path, allow_pickle=False) as arrays:
            space = FeatureSpace(meta["features"], arrays["idf"], meta["words"], arrays["word_idf"])
            heads = {
                name: LinearHead(
                    name,
                    tuple(head["labels"]),
                    arrays[f"{name}.sparse"],
                    arrays[f"{name}.static"],
                    arrays[f"{name}.bias"].astype(np.float32),
                    float(head["temperature"]),
                )
                for name, head in meta["heads"].items()
            }
        return cls(meta["version"], space, heads, meta)

    def __post_init__(self) -> None:
        # every head's weights side by side: one gather and one sum per batch instead of one per head
        object.__setattr__(self, "_sparse", np.hstack([h.sparse for h in self.heads.values()]).astype(np.float32))
        object.__setattr__(self, "_static", np.hstack([h.static for h in self.heads.values()]).astype(np.float32))
        object.__setattr__(self, "_bias", np.concatenate([h.bias for h in self.heads.values()]))

    def logits(self, rows: FeatureRows) -> dict[str, FloatArray]:
        """Every head's logits for a batch of feature rows."""
        sparse: FloatArray = getattr(self, "_sparse")  # noqa: B009 - set in __post_init__ of a frozen dataclass
        static: FloatArray = getattr(self, "_static")  # noqa: B009
        bias: FloatArray = getattr(self, "_bias")  # noqa: B009
        stacked: FloatArray = (
            _row_sums(sparse, rows.indices, rows.values, rows.indptr)
            + _row_sums(static, rows.word_indices, rows.word_weights, rows.word_indptr)
            + bias
        ).astype(np.float32)
        out: dict[str, FloatArray] = {}
        start = 0
        for name, head in self.heads.items():
            width = len(head.labels)
            out[name] = stacked[:, start : start + width]
            start += width
        return out

    def predict(
        self, texts: Sequence[str], heads: Sequence[str] | None = None, *, cleaned: bool = False
    ) -> dict[str, FloatArray]:
        """Probabilities of each head (its labels in order) for every text."""
        logits = self.logits(self.space.transform(texts, cleaned=cleaned))
        return {name: softmax(logits[name] / self.heads[name].temperature) for name in heads or self.heads}

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        described = self.info.get("heads", {})
        meta = {
            **self.info,
            "version": self.version,
            "features": self.space.features,
            "words": self.space.words,
            "heads": {
                name: {**described.get(name, {}), "labels": list(head.labels), "temperature": head.temperature}
                for name, head in self.heads.items()
            },
        }
        (folder / "fast.json").write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        arrays: dict[str, Any] = {"idf": self.space.idf, "word_idf": self.space.word_idf.astype(np.float16)}
        for name, head in self.heads.items():
            arrays[f"{name}.sparse"] = head.sparse.astype(np.float16)
            arrays[f"{name}.static"] = head.static.astype(np.float16)
            arrays[f"{name}.bias"] = head.bias.astype(np.float32)
        np.savez_compressed(folder / "fast.npz", **arrays)
