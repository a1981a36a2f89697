"""A disk cache of sentence embeddings, so that retraining a head does not re-embed every text."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from ascua.nlp.encoders import Encoder, Matrix


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "replace"), usedforsecurity=False).hexdigest()


class EmbeddingCache:
    """Embeddings of one encoder, stored in ``folder/<encoder>.npz`` (keys are text digests)."""

    def __init__(self, folder: Path, encoder: Encoder):
        self.path = folder / f"{encoder.name}.npz"
        self.encoder = encoder
        self.vectors: dict[str, np.ndarray] = {}
        if self.path.is_file():
            with np.load(self.path) as stored:
                for key, vector in zip(stored["keys"], stored["vectors"], strict=True):
                    self.vectors[str(key)] = vector

    def embed(self, texts: list[str], batch: int = 64, progress: bool = False) -> Matrix:
        keys = [_key(text) for text in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in self.vectors))
        if missing:
            by_key = {key: text for key, text in zip(keys, texts, strict=True)}
            # texts of similar length share a batch: the encoders pad each batch to its longest text
            missing.sort(key=lambda key: len(by_key[key]))
            for start in range(0, len(missing), batch):
                chunk = missing[start : start + batch]
                for key, vector in zip(chunk, self.encoder.encode([by_key[k] for k in chunk]), strict=True):
                    self.vectors[key] = vector
                if progress and (start // batch) % 20 == 0:
                    print(f"  {self.encoder.name}: {start + len(chunk):,}/{len(missing):,}", flush=True)
                if (start // batch) % 50 == 49:
                    self.save()
            self.save()
        return np.stack([self.vectors[key] for key in keys]).astype(np.float32)

    def add(self, vectors: dict[str, np.ndarray]) -> None:
        """Store embeddings computed elsewhere (text -> vector) and save."""
        for text, vector in vectors.items():
            self.vectors[_key(text)] = np.asarray(vector, dtype=np.float32)
        self.save()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = np.array(list(self.vectors), dtype="U40")
        vectors = np.stack(list(self.vectors.values())).astype(np.float32)
        temporary = self.path.with_suffix(".tmp.npz")
        np.savez(temporary, keys=keys, vectors=vectors)
        temporary.replace(self.path)
