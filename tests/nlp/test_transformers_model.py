"""A user brings their own sentiment model folder: it loads from disk only and answers like every model.

Each model here is a tiny BERT made inside the test and saved with ``save_pretrained``;
nothing is ever fetched from a hub.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from ascua.nlp.base import SentimentModel
from ascua.nlp.transformers_model import (
    ModelFolderError,
    TransformersNotInstalled,
    TransformersSentiment,
    load_configured_model,
)
from tests.conftest import write_workspace

try:
    import torch
    import transformers
except ImportError:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(
            "torch and transformers are not installed, and CI=true requires them: pip install -e '.[dev]'",
            pytrace=False,
        )
    pytest.skip("torch and transformers are not installed (pip install 'ascua[transformers]')", allow_module_level=True)

VOCABULARY = [
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
    "hola", "gracias", "por", "perder", "mi", "maleta", "vuelo", "retraso", "bueno", "malo",
    "the", "flight", "was", "late", "great", "@", "user", "http",
]  # fmt: skip
THREE_LABELS = {0: "negative", 1: "neutral", 2: "positive"}


def save_tiny_model(folder: Path, id2label: dict[int, str], *, bias: list[float] | None = None) -> Path:
    """A BERT of 16 dimensions and 2 layers; with ``bias``, the classifier answers that bias whatever the text."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vocab.txt").write_text("\n".join(VOCABULARY) + "\n", encoding="utf-8")
    tokenizer = transformers.BertTokenizerFast.from_pretrained(str(folder))
    config = transformers.BertConfig(
        vocab_size=len(VOCABULARY),
        hidden_size=16,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
        num_labels=len(id2label),
        id2label=id2label,
        label2id={label: index for index, label in id2label.items()},
    )
    torch.manual_seed(7)
    model = transformers.BertForSequenceClassification(config)
    if bias is not None:
        with torch.no_grad():
            model.classifier.weight.zero_()
            model.classifier.bias.copy_(torch.tensor(bias))
    model.save_pretrained(str(folder))
    tokenizer.save_pretrained(str(folder))
    return folder


@pytest.fixture(scope="module")
def model_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_tiny_model(tmp_path_factory.mktemp("byo") / "twitter-tiny-sentiment", THREE_LABELS)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"the model tried to reach the network: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_a_saved_model_folder_answers_three_probabilities_per_text(model_folder: Path, no_network: None) -> None:
    environment = dict(os.environ)
    model = TransformersSentiment(model_folder, batch_size=2)
    assert dict(os.environ) == environment  # offline only for the load, then as it was
    assert isinstance(model, SentimentModel)
    assert model.name == "transformers:twitter-tiny-sentiment"
    assert model.labels == {"negative": "negative", "neutral": "neutral", "positive": "positive"}
    texts = ["Gracias @Iberia por perder mi maleta 👏", "the flight was late", "hola", "vuelo bueno http://x.co/a"]
    scores = model.sentiment(texts)
    assert scores.shape == (4, 3) and scores.dtype == np.float32
    assert np.allclose(scores.sum(axis=1), 1.0, atol=1e-5)
    assert (scores >= 0).all()
    # Batches are formed shortest first; the answers still come back in input order.
    one_by_one = np.vstack([model.sentiment([text]) for text in texts])
    assert np.allclose(scores, one_by_one, atol=1e-5)
    assert model.sentiment([]).shape == (0, 3)


def test_bad_input_gets_an_answer_not_an_exception(model_folder: Path) -> None:
    model = TransformersSentiment(model_folder)
    texts = ["", "   ", "👏👏👏🔥🔥", "@vuelaya @iberia", "https://t.co/x", "no " * 35_000, "bad \ud800 surrogate"]
    scores = model.sentiment(texts)
    assert scores.shape == (len(texts), 3)
    assert np.isfinite(scores).all() and np.allclose(scores.sum(axis=1), 1.0, atol=1e-5)


@pytest.mark.parametrize(
    ("bias", "expected"),
    [([8.0, 0.0, 0.0], "positive"), ([0.0, 8.0, 0.0], "negative"), ([0.0, 0.0, 8.0], "neutral")],
)
def test_labels_in_another_order_land_under_their_own_name(tmp_path: Path, bias: list[float], expected: str) -> None:
    folder = save_tiny_model(tmp_path / "shuffled", {0: "Positive", 1: "NEG", 2: "neutral"}, bias=bias)
    scores = TransformersSentiment(folder).sentiment(["hola", "the flight was late"])
    column = ("negative", "neutral", "positive").index(expected)
    assert (scores[:, column] > 0.99).all(), scores


def test_generic_label_names_need_an_explicit_mapping(tmp_path: Path) -> None:
    folder = save_tiny_model(tmp_path / "generic", {0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"}, bias=[0.0, 0.0, 8.0])
    with pytest.raises(ModelFolderError, match="labels") as caught:
        TransformersSentiment(folder)
    assert str(folder) in str(caught.value) and "LABEL_0" in str(caught.value)
    model = TransformersSentiment(folder, labels={"label_0": "negative", "LABEL_1": "neutral", "2": "Positive"})
    assert model.sentiment(["hola"])[0, 2] > 0.99
    with pytest.raises(ModelFolderError, match="LABEL_9"):
        TransformersSentiment(folder, labels={"LABEL_9": "negative"})


def test_labels_that_are_not_sentiments_are_refused(tmp_path: Path) -> None:
    folder = save_tiny_model(tmp_path / "emotion", {0: "anger", 1: "joy", 2: "sadness"})
    with pytest.raises(ModelFolderError, match="anger, joy, sadness") as caught:
        TransformersSentiment(folder)
    assert str(folder) in str(caught.value)
    with pytest.raises(ModelFolderError, match="positive"):
        TransformersSentiment(folder, labels={"anger": "negative", "joy": "negative", "sadness": "negative"})


def test_a_two_class_model_never_says_neutral(tmp_path: Path) -> None:
    folder = save_tiny_model(tmp_path / "binary", {0: "NEGATIVE", 1: "POSITIVE"})
    model = TransformersSentiment(folder)
    assert not model.has_neutral
    scores = model.sentiment(["the flight was late", "great"])
    assert (scores[:, 1] == 0).all() and np.allclose(scores.sum(axis=1), 1.0, atol=1e-5)


def test_folder_mistakes_name_the_folder_and_the_fix(tmp_path: Path, model_folder: Path) -> None:
    missing = tmp_path / "not-there"
    with pytest.raises(ModelFolderError, match="does not exist") as caught:
        TransformersSentiment(missing)
    assert str(missing) in str(caught.value) and isinstance(caught.value, ValueError)

    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ModelFolderError, match=r"no config\.json"):
        TransformersSentiment(empty)

    no_tokenizer = tmp_path / "no-tokenizer"
    no_tokenizer.mkdir()
    for name in ("config.json", "model.safetensors"):
        (no_tokenizer / name).write_bytes((model_folder / name).read_bytes())
    with pytest.raises(ModelFolderError, match="no tokenizer") as caught:
        TransformersSentiment(no_tokenizer)
    assert str(no_tokenizer) in str(caught.value)


def test_the_workspace_chooses_the_model_relative_to_its_folder(tmp_path: Path, model_folder: Path) -> None:
    root = tmp_path / "ws"
    builtin = write_workspace(root, sources=[])
    assert load_configured_model(builtin) is None

    (root / "models").mkdir()
    (root / "models" / model_folder.name).symlink_to(model_folder, target_is_directory=True)
    analysis = {
        "deep_model": "transformers",
        "transformers": {"path": f"models/{model_folder.name}", "batch_size": 4, "max_length": 500, "threads": 1},
    }
    workspace = write_workspace(root, sources=[], analysis=analysis)
    model = load_configured_model(workspace)
    assert model is not None and model.name == f"transformers:{model_folder.name}"
    assert model.batch_size == 4
    assert model.max_length == 62  # lowered to what a model of 64 positions can take
    assert model.sentiment(["hola"]).shape == (1, 3)


def test_without_the_extra_the_error_says_what_to_install(model_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)  # as if torch were not installed
    with pytest.raises(TransformersNotInstalled, match=r"pip install 'ascua\[transformers\]'"):
        TransformersSentiment(model_folder)


def test_the_radar_deep_tier_answers_sentiment_with_the_chosen_model(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from ascua.analysis import AnalysisSetup, analysis_stages
    from ascua.model import Mention

    folder = save_tiny_model(tmp_path / "ws" / "models" / "tiny", THREE_LABELS, bias=[0.0, 0.0, 6.0])
    analysis = {"deep_model": "transformers", "transformers": {"path": "models/tiny"}}
    workspace = write_workspace(tmp_path / "ws", sources=[], analysis=analysis)
    _, _, enricher = analysis_stages(workspace, AnalysisSetup(str(workspace.root)))
    assert enricher is not None
    post = Mention("x", "1", "Vuelo cancelado otra vez, qué vergüenza", datetime.now(UTC))
    fast, deep = enricher.analyse(post), enricher.analyse_deep([post])[0]
    assert fast.tier == "fast" and fast.sentiment == "negative"
    # the tiny model is biased to "positive" whatever the text: the deep tier's sentiment is its answer
    assert deep.tier == "deep" and deep.sentiment == "positive" and f"transformers:{folder.name}" in deep.model
    assert deep.emotion is not None  # emotion and irony still come from the shipped deep heads
