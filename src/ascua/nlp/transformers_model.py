"""Bring your own model: a local Hugging Face sentiment model folder (``pip install 'ascua[transformers]'``).

The user supplies a folder written by ``save_pretrained`` (``config.json``, the
weights, the tokenizer files), for example a Twitter-tuned XLM-R sentiment model.
Ascua loads it from disk only: ``local_files_only=True``, with ``HF_HUB_OFFLINE`` and
``TRANSFORMERS_OFFLINE`` set while loading, so nothing is ever downloaded.

The model's labels (``id2label`` in ``config.json``) are matched to ``negative``,
``neutral`` and ``positive`` case-insensitively (``neg``, ``Negative``, ``negativo``…);
generic names such as ``LABEL_0`` need an explicit ``labels`` mapping, because only
the model's author knows what they mean. Several labels may map to one sentiment
(a five-star model, say); their probabilities add up. A model without a neutral
class gets a neutral probability of exactly 0: it cannot say "neutral", and Ascua
does not invent that answer for it.

torch and transformers are imported only when a model is loaded, so ``import ascua``
never needs them.

>>> normalise_label(" Negative "), normalise_label("POS"), normalise_label("LABEL_0") is None
('negative', 'positive', True)
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ascua.model import SENTIMENTS
from ascua.nlp.base import Probabilities
from ascua.nlp.clean import model_text

if TYPE_CHECKING:
    from ascua.config import Workspace

INSTALL_HINT = "pip install 'ascua[transformers]'"

DEFAULT_BATCH_SIZE = 32
DEFAULT_MAX_LENGTH = 128
DEFAULT_THREADS = 1

_SYNONYMS: dict[str, str] = {
    **dict.fromkeys(("negative", "neg", "negativo", "negativa", "negatif", "negativ"), "negative"),
    **dict.fromkeys(("neutral", "neu", "neut", "neutro", "neutra", "neutre"), "neutral"),
    **dict.fromkeys(("positive", "pos", "positivo", "positiva", "positif", "positiv"), "positive"),
}
_TOKENIZER_FILES = (
    "tokenizer.json",
    "tokenizer_config.json",
    "vocab.txt",
    "vocab.json",
    "sentencepiece.bpe.model",
    "spiece.model",
    "tokenizer.model",
)
_WEIGHT_FILES = (
    "model.safetensors",
    "model.safetensors.index.json",
    "pytorch_model.bin",
    "pytorch_model.bin.index.json",
)
_OFFLINE_ENVIRONMENT = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
}


class ModelFolderError(ValueError):
    """The model folder cannot be used: the message names the folder, what is wrong and what to do."""

    def __init__(self, folder: Path | str, problem: str):
        self.folder = Path(folder)
        self.problem = problem
        super().__init__(f"model folder {self.folder}: {problem}")


class TransformersNotInstalled(ImportError):
    """torch or transformers is missing: the optional extra is not installed."""


def normalise_label(label: str) -> str | None:
    """``negative``, ``neutral`` or ``positive`` for a label name that plainly says so, else ``None``."""
    return _SYNONYMS.get(str(label).strip().lower())


class TransformersSentiment:
    """A sequence-classification model from a local folder, answering negative / neutral / positive.

    ``labels`` maps the model's label names (or their ids, as text) to sentiments,
    for models whose ``config.json`` says only ``LABEL_0``, ``LABEL_1``…; without it
    the names must say the sentiment themselves. Texts are cleaned with
    :func:`~ascua.nlp.clean.model_text`, cut to ``max_length`` tokens and run on the
    CPU in batches of ``batch_size`` with ``threads`` torch threads (a setting of the
    whole process; ``None`` leaves torch's own choice).
    """

    def __init__(
        self,
        folder: Path | str,
        *,
        labels: Mapping[str, str] | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_length: int = DEFAULT_MAX_LENGTH,
        threads: int | None = DEFAULT_THREADS,
    ):
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if max_length < 2:
            raise ValueError("max_length must be at least 2 (the special tokens alone take two)")
        if threads is not None and threads < 1:
            raise ValueError("threads must be at least 1")
        self.folder = Path(folder).expanduser().resolve()
        self.name = f"transformers:{self.folder.name}"
        self.batch_size = batch_size
        self.threads = threads
        _check_folder(self.folder)
        torch, transformers = _import_extra()
        if threads is not None:
            torch.set_num_threads(threads)
        self._torch = torch
        self._tokenizer, self._model = _load(self.folder, transformers)
        id2label = {int(index): str(label) for index, label in self._model.config.id2label.items()}
        self._columns = label_matrix(self.folder, id2label, labels)
        self.labels = {id2label[index]: SENTIMENTS[int(np.argmax(row))] for index, row in enumerate(self._columns)}
        self.has_neutral = bool(self._columns[:, SENTIMENTS.index("neutral")].any())
        self.max_length = _usable_length(max_length, self._tokenizer, self._model.config)

    def __repr__(self) -> str:
        return f"TransformersSentiment({str(self.folder)!r}, labels={self.labels!r})"

    def sentiment(self, texts: list[str]) -> Probabilities:
        """Probabilities of negative, neutral and positive for each text, in input order."""
        out = np.zeros((len(texts), len(SENTIMENTS)), dtype=np.float32)
        if not texts:
            return out
        cleaned = [model_text(text) for text in texts]
        # Shortest first, so each batch pads to texts of similar length; answers go back in input order.
        order = sorted(range(len(cleaned)), key=lambda index: len(cleaned[index]))
        with self._torch.no_grad():
            for start in range(0, len(order), self.batch_size):
                chosen = order[start : start + self.batch_size]
                encoded = self._tokenizer(
                    [cleaned[index] for index in chosen],
                    padding=True,
                    truncation=True,
                    max_length=self.max_length,
                    return_tensors="pt",
                )
                logits = self._model(**encoded).logits.float()
                label_probabilities = self._torch.softmax(logits, dim=-1).numpy()
                out[chosen] = label_probabilities @ self._columns
        out /= out.sum(axis=1, keepdims=True)
        return out


def label_matrix(folder: Path, id2label: Mapping[int, str], labels: Mapping[str, str] | None) -> Probabilities:
    """A ``(model labels, 3)`` 0/1 matrix sending each model label to its sentiment column.

    >>> label_matrix(Path("m"), {0: "POS", 1: "neg"}, None).tolist()
    [[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]
    """
    if not id2label or sorted(id2label) != list(range(len(id2label))):
        raise ModelFolderError(folder, "config.json has no usable id2label (label ids 0, 1, 2…); is it a classifier?")
    explicit: dict[str, str] = {}
    known = {label.strip().lower() for label in id2label.values()} | {str(index) for index in id2label}
    unknown: list[str] = []
    for key, value in (labels or {}).items():
        sentiment = normalise_label(value)
        if sentiment is None:
            raise ModelFolderError(
                folder, f"the labels mapping sends {key!r} to {value!r}; use negative, neutral or positive"
            )
        explicit[str(key).strip().lower()] = sentiment
        if str(key).strip().lower() not in known:
            unknown.append(str(key))
    if unknown:
        raise ModelFolderError(
            folder,
            f"the labels mapping names {', '.join(sorted(unknown))}, which the model does not have "
            f"(its labels: {', '.join(id2label[i] for i in sorted(id2label))})",
        )
    matrix = np.zeros((len(id2label), len(SENTIMENTS)), dtype=np.float32)
    unmapped: list[str] = []
    for index in sorted(id2label):
        label = id2label[index]
        sentiment = explicit.get(label.strip().lower()) or explicit.get(str(index)) or normalise_label(label)
        if sentiment is None:
            unmapped.append(label)
        else:
            matrix[index, SENTIMENTS.index(sentiment)] = 1.0
    if unmapped:
        raise ModelFolderError(
            folder,
            f"cannot tell which sentiment the label{'s' if len(unmapped) > 1 else ''} "
            f"{', '.join(unmapped)} mean{'' if len(unmapped) > 1 else 's'}; map every label with the "
            f"'labels' option, for example {{{', '.join(f'{label}: negative' for label in unmapped[:1])}, …}}",
        )
    for needed in ("negative", "positive"):
        if not matrix[:, SENTIMENTS.index(needed)].any():
            raise ModelFolderError(folder, f"no label of the model means {needed}; a sentiment model needs one")
    return matrix


def load_configured_model(workspace: Workspace) -> TransformersSentiment | None:
    """The model ``analysis.deep_model`` chooses in ``ascua.yaml``: ``None`` for the built-in deep tier.

    ``analysis.transformers.path`` is read relative to the workspace folder.
    """
    analysis = workspace.config.analysis
    if analysis.deep_model != "transformers" or analysis.transformers is None:
        return None
    settings = analysis.transformers
    folder = Path(settings.path).expanduser()
    if not folder.is_absolute():
        folder = workspace.root / folder
    return TransformersSentiment(
        folder,
        labels=settings.labels,
        batch_size=settings.batch_size,
        max_length=settings.max_length,
        threads=settings.threads,
    )


def _check_folder(folder: Path) -> None:
    if not folder.exists():
        raise ModelFolderError(folder, "does not exist; give the folder the model was saved to with save_pretrained")
    if not folder.is_dir():
        raise ModelFolderError(folder, "is a file, not a folder; give the folder that holds config.json")
    if not (folder / "config.json").is_file():
        raise ModelFolderError(folder, "has no config.json; save the model there with model.save_pretrained(folder)")
    if not any((folder / name).is_file() for name in _WEIGHT_FILES):
        raise ModelFolderError(
            folder, "has no weights (model.safetensors); save the model there with model.save_pretrained(folder)"
        )
    if not any((folder / name).is_file() for name in _TOKENIZER_FILES):
        raise ModelFolderError(
            folder, "has no tokenizer (tokenizer.json); save it there too with tokenizer.save_pretrained(folder)"
        )


def _import_extra() -> tuple[Any, Any]:
    try:
        with _offline():
            import torch
            import transformers
    except ImportError as error:
        raise TransformersNotInstalled(
            f"a transformers model needs torch and transformers ({error.name or error} is missing): {INSTALL_HINT}"
        ) from None
    return torch, transformers


def _load(folder: Path, transformers: Any) -> tuple[Any, Any]:
    transformers.utils.logging.disable_progress_bar()
    with _offline():
        try:
            tokenizer = transformers.AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise ModelFolderError(folder, f"the tokenizer does not load: {_first_line(error)}") from None
        try:
            model = transformers.AutoModelForSequenceClassification.from_pretrained(str(folder), local_files_only=True)
        except (OSError, ValueError, KeyError, TypeError, RuntimeError) as error:
            raise ModelFolderError(
                folder, f"the model does not load as a sequence classifier: {_first_line(error)}"
            ) from None
    if tokenizer.pad_token is None:
        if tokenizer.eos_token is None:
            raise ModelFolderError(folder, "the tokenizer has no padding token, so texts cannot be batched")
        tokenizer.pad_token = tokenizer.eos_token
        model.config.pad_token_id = tokenizer.eos_token_id
    model.to("cpu")
    model.eval()
    return tokenizer, model


def _usable_length(max_length: int, tokenizer: Any, config: Any) -> int:
    """``max_length``, lowered to what the model can take: longer inputs would fail inside the model."""
    limits = [max_length]
    tokenizer_limit = getattr(tokenizer, "model_max_length", None)
    if isinstance(tokenizer_limit, int) and tokenizer_limit < 1_000_000:  # transformers' "no limit" is ~1e30
        limits.append(tokenizer_limit)
    positions = getattr(config, "max_position_embeddings", None)
    if isinstance(positions, int) and positions > 2:
        limits.append(positions - 2)  # RoBERTa-style models (XLM-R) start positions after the padding index
    return max(2, min(limits))


@contextlib.contextmanager
def _offline() -> Iterator[None]:
    """The Hugging Face libraries told not to reach the network, for the time of a load."""
    saved = {name: os.environ.get(name) for name in _OFFLINE_ENVIRONMENT}
    os.environ.update(_OFFLINE_ENVIRONMENT)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
