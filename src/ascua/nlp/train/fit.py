"""Fit the fast and deep tiers' heads, choosing their settings on validation data only.

For every task: the settings (regularisation, mixing weights) are chosen by the
task's metric on its validation split with models fitted on the train split; the
temperature that calibrates the probabilities is fitted on the same validation
predictions; the final head is refitted on train + validation with those settings.
Test splits are only ever used by :mod:`ascua.nlp.train.evaluate`.
"""

from __future__ import annotations

import collections
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, hstack, vstack
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

from ascua.nlp.deep import MixedHead
from ascua.nlp.fast import FeatureRows, FeatureSpace, LinearHead, softmax
from ascua.nlp.features import text_features
from ascua.nlp.train.tasks import Task

# The first encoder of a grid leads the mix (weight 1). Sentiment, emotion and irony are led by
# e5 fine-tuned on sentiment (``e5t``), which beats plain e5 on each one's validation set (so the
# deep tier no longer runs plain e5 at all). The deep heads of complaint and question learn from
# ~15,000 and ~60,000 tweets: on the Universal Sentence Encoder only, since e5 would take hours
# to embed them on two cores.
DEEP_GRIDS: dict[str, dict[str, Sequence[float]]] = {
    "sentiment": {"e5t": (0.25, 1.0, 4.0), "use": (1.0,)},
    "emotion": {"e5t": (1.0, 4.0), "use": (1.0,)},
    "irony": {"e5t": (1.0, 4.0), "use": (1.0,)},
    "complaint": {"use": (1.0, 4.0)},
    "question": {"use": (1.0,)},
}
MIN_DF = 2
MAX_FEATURES = 300_000
STATIC_SCALE = 2.0


def metric(task: Task, labels: np.ndarray, predicted: np.ndarray) -> float:
    if task.metric == "f1":
        return float(f1_score(labels, predicted, average="binary", pos_label=len(task.labels) - 1))
    return float(f1_score(labels, predicted, average="macro"))


def build_space(corpus: Sequence[str], words: Sequence[str]) -> FeatureSpace:
    """Features seen in at least two texts of ``corpus`` (the most frequent first), with smoothed idf."""
    document_frequency: collections.Counter[str] = collections.Counter()
    word_frequency: collections.Counter[str] = collections.Counter()
    for text in corpus:
        features = set(text_features(text))
        document_frequency.update(features)
        word_frequency.update(f[2:] for f in features if f[:2] == "w:")
    kept = [f for f, count in document_frequency.most_common(MAX_FEATURES) if count >= MIN_DF]
    kept.sort()
    total = len(corpus)
    idf = np.array([np.log((1 + total) / (1 + document_frequency[f])) + 1 for f in kept], dtype=np.float32)
    word_idf = np.array([np.log((1 + total) / (1 + word_frequency.get(w, 0))) + 1 for w in words], dtype=np.float32)
    return FeatureSpace(kept, idf, words, word_idf)


def design(rows: FeatureRows, space: FeatureSpace, vectors: np.ndarray) -> csr_matrix:
    """The training matrix: TF-IDF columns, then the weighted mean word vector (scaled)."""
    sparse = csr_matrix((rows.values, rows.indices, rows.indptr), shape=(len(rows), len(space.features)))
    words = csr_matrix((rows.word_weights, rows.word_indices, rows.word_indptr), shape=(len(rows), len(space.words)))
    dense = np.asarray(words @ vectors, dtype=np.float32) * STATIC_SCALE
    return hstack([sparse, csr_matrix(dense)]).tocsr()


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    """The temperature that minimises the log-loss of ``softmax(logits / T)`` (a grid, then refined)."""

    def loss(temperature: float) -> float:
        probabilities = softmax((logits / temperature).astype(np.float32))
        return float(-np.mean(np.log(probabilities[np.arange(len(labels)), labels] + 1e-9)))

    grid = np.exp(np.linspace(np.log(0.2), np.log(5.0), 41))
    best = min(grid, key=loss)
    fine = best * np.exp(np.linspace(-0.1, 0.1, 21))
    return float(min(fine, key=loss))


def choose_offset(task: Task, logits: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """For sentiment, a shift between the negative and neutral logits chosen on validation data.

    The training tweets are balanced by construction (a third of each class) while real
    conversation is mostly neutral; a model fitted on them leans to the minority classes. The
    shift that maximises the validation metric corrects part of that (the smallest on ties).
    """
    zero = np.zeros(logits.shape[1], dtype=np.float32)
    if task.name != "sentiment":
        return zero
    best = (metric(task, labels, logits.argmax(axis=1)), 0.0, zero)
    for step in np.arange(-0.4, 0.41, 0.1):
        offset = np.array([-step, step, 0.0], dtype=np.float32)
        score = metric(task, labels, (logits + offset).argmax(axis=1))
        if (score, -abs(step)) > (best[0], -abs(best[1])):
            best = (score, float(step), offset)
    return best[2]


@dataclass
class FastFit:
    head: LinearHead
    val_score: float
    settings: dict[str, Any]
    val_logits: np.ndarray  # of the model fitted on train only: what the deep tier's mixing is chosen on


def _logistic(c: float, balanced: bool) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=3000, class_weight="balanced" if balanced else None)


Teacher = Callable[[Sequence[str], np.ndarray], np.ndarray]
# (teacher share, transfer weight) tried for sentiment: neither teacher, the labelled tweets' teacher
# only, both teachers
DISTIL_CHOICES = ((0.0, 0.0), (0.6, 0.0), (0.6, 1.0))


def teacher_probabilities(embed: dict[str, Any], folds: int = 5) -> Teacher:
    """A teacher for the fast tier: a logistic regression on both encoders' embeddings, whose
    probabilities for each text come from the folds that did not see that text's label."""
    from sklearn.model_selection import StratifiedKFold

    def soft(texts: Sequence[str], labels: np.ndarray) -> np.ndarray:
        matrix = np.hstack([embed["e5"](texts), embed["use"](texts)])
        found = np.zeros((len(texts), int(labels.max()) + 1))
        for train, held in StratifiedKFold(folds, shuffle=True, random_state=0).split(matrix, labels):
            model = LogisticRegression(C=1.0, max_iter=3000).fit(matrix[train], labels[train])
            found[held] = model.predict_proba(matrix[held])
        return found

    return soft


@dataclass
class Transfer:
    """Texts without labels and a teacher's probabilities for them: the fast head learns each class
    of each text with weight ``weight × p`` (knowledge distillation on a transfer set). The teacher
    behind ``soft_train`` learnt from the train split only (it scores the settings on validation);
    the one behind ``soft_all`` from train and validation (it teaches the final head)."""

    texts: list[str]
    soft_train: np.ndarray
    soft_all: np.ndarray


def transfer_teacher(
    task: Task,
    embed: dict[str, Any],
    texts: Sequence[str],
    encoders: Sequence[str],
    grid: Sequence[float] = (0.25, 1.0),
) -> Transfer:
    """A logistic regression on ``encoders``' embeddings (joined) labels ``texts``: C chosen on the
    validation split, then refitted on train and validation for the final head's teacher."""
    train_texts, labels = task.train_texts()
    val_texts, val_labels = task.val_texts()

    def joined(chosen: Sequence[str]) -> np.ndarray:
        return np.hstack([embed[name](chosen) for name in encoders])

    train, val, found = joined(train_texts), joined(val_texts), joined(texts)
    scored = []
    for c in grid:
        model = LogisticRegression(C=c, max_iter=3000).fit(train, labels)
        score = metric(task, val_labels, model.predict(val))
        print(f"  transfer teacher ({'+'.join(encoders)}): C={c} validation {100 * score:.1f}", flush=True)
        scored.append((score, c, model))
    _, c, model = max(scored, key=lambda item: item[0])
    final = LogisticRegression(C=c, max_iter=3000).fit(np.vstack([train, val]), np.concatenate([labels, val_labels]))
    return Transfer(list(texts), model.predict_proba(found), final.predict_proba(found))


def _with_transfer(
    rows: tuple[Any, Any, Any], transfer_matrix: Any, soft: np.ndarray | None, weight: float
) -> tuple[Any, Any, Any]:
    """``rows`` and, for each transfer text, each class it has a fair chance of (p ≥ 0.02), weighted ``weight × p``."""
    if soft is None or not weight:
        return rows
    matrix, labels, weights = rows
    weights = np.ones(len(labels)) if weights is None else weights
    text_index, classes = np.nonzero(soft >= 0.02)
    extra = transfer_matrix[text_index]
    return (
        vstack([matrix, extra]).tocsr(),
        np.concatenate([labels, classes]),
        np.concatenate([weights, weight * soft[text_index, classes]]),
    )


def _distilled(matrix: Any, labels: np.ndarray, soft: np.ndarray | None, share: float) -> tuple[Any, Any, Any]:
    """Rows, labels and weights: each text's own label (weight ``1 - share``) and, as extra
    rows, each class with the teacher's probability of it (weights ``share × p``)."""
    if soft is None or not share:
        return matrix, labels, None
    classes = soft.shape[1]
    rows = vstack([matrix] * (classes + 1)).tocsr()
    targets = np.concatenate([labels, *[np.full(len(labels), k) for k in range(classes)]])
    weights = np.concatenate([np.full(len(labels), 1.0 - share), *[share * soft[:, k] for k in range(classes)]])
    return rows, targets, weights


def fit_fast_head(
    task: Task,
    space: FeatureSpace,
    vectors: np.ndarray,
    grid: Sequence[float] = (0.5, 2.0),
    log: Any = print,
    teacher: Teacher | None = None,
    transfer: Transfer | None = None,
    choices: Sequence[tuple[float, float]] = DISTIL_CHOICES,
) -> FastFit:
    """The fast head of ``task``. With a ``teacher`` (sentiment), it may also learn the teacher's
    soft labels (knowledge distillation), and with a ``transfer`` set the soft labels of texts that
    have no label: C, the teacher's share and the transfer set's weight are chosen on validation,
    each candidate scored with its class offset, as the shipped head will answer."""
    texts, labels = task.train_texts()
    val_texts, val_labels = task.val_texts()
    prepare = task.preprocess or (lambda t: t)
    train_matrix = design(space.transform([prepare(t) for t in texts]), space, vectors)
    val_matrix = design(space.transform([prepare(t) for t in val_texts]), space, vectors)
    transfer_matrix = (
        design(space.transform([prepare(t) for t in transfer.texts]), space, vectors) if transfer is not None else None
    )
    balanced = task.name in ("emotion", "irony", "complaint", "question")
    soft = teacher(texts, labels) if teacher is not None else None
    choices = list(
        dict.fromkeys((s if soft is not None else 0.0, w if transfer is not None else 0.0) for s, w in choices)
    )
    best: tuple[float, float, float, float, np.ndarray, np.ndarray] | None = None
    for share, weight in choices:
        for c in grid:
            rows = _distilled(train_matrix, labels, soft, share)
            rows = _with_transfer(rows, transfer_matrix, transfer.soft_train if transfer else None, weight)
            model = _logistic(c, balanced).fit(*rows)
            raw = _two_columns(model.decision_function(val_matrix), len(task.labels))
            offset = choose_offset(task, raw, val_labels)
            score = metric(task, val_labels, (raw + offset).argmax(axis=1))
            log(
                f"  fast {task.name}: C={c} teacher share {share} transfer weight {weight} "
                f"offset {offset.tolist()} validation {100 * score:.1f}"
            )
            if best is None or score > best[0]:
                best = (score, c, share, weight, raw, offset)
    assert best is not None
    score, c, share, weight, raw_val, offset = best
    temperature = fit_temperature(raw_val + offset, val_labels)
    all_texts, all_labels = texts + val_texts, np.concatenate([labels, val_labels])
    all_soft = teacher(all_texts, all_labels) if teacher is not None and share else None
    rows = _distilled(
        design(space.transform([prepare(t) for t in all_texts]), space, vectors), all_labels, all_soft, share
    )
    rows = _with_transfer(rows, transfer_matrix, transfer.soft_all if transfer else None, weight)
    final = _logistic(c, balanced).fit(*rows)
    head = _to_head(task, final, space, vectors, temperature, offset)
    val_logits = raw_val + offset  # as the shipped head will give them (its bias includes the offset)
    settings: dict[str, Any] = {"C": c, "temperature": temperature}
    if teacher is not None:
        settings["teacher_share"] = share
    if transfer is not None:
        settings["transfer_weight"] = weight
        settings["transfer_texts"] = len(transfer.texts)
    return FastFit(head, score, settings, val_logits)


def _two_columns(decision: np.ndarray, classes: int) -> np.ndarray:
    if classes == 2 and decision.ndim == 1:
        return np.stack([-decision / 2, decision / 2], axis=1).astype(np.float32)
    return np.asarray(decision, dtype=np.float32)


def _coefficients(model: LogisticRegression, classes: int) -> tuple[np.ndarray, np.ndarray]:
    """Weights ``(features, classes)`` and bias; a binary model becomes two symmetric columns."""
    coef = np.asarray(model.coef_, dtype=np.float32)
    bias = np.asarray(model.intercept_, dtype=np.float32)
    if classes == 2 and coef.shape[0] == 1:
        coef = np.vstack([-coef / 2, coef / 2])
        bias = np.array([-bias[0] / 2, bias[0] / 2], dtype=np.float32)
    return coef.T, bias


def _to_head(
    task: Task, model: LogisticRegression, space: FeatureSpace, vectors: np.ndarray, t: float, offset: np.ndarray
) -> LinearHead:
    weights, bias = _coefficients(model, len(task.labels))
    bias = (bias + offset).astype(np.float32)
    features = len(space.features)
    sparse, dense = weights[:features], weights[features:]
    static = (vectors @ dense) * STATIC_SCALE
    return LinearHead(task.name, task.labels, sparse.astype(np.float32), static.astype(np.float32), bias, t)


@dataclass
class DeepHead:
    """A deep-tier head: logistic regressions on each encoder, mixed with the fast head's logits."""

    name: str
    labels: tuple[str, ...]
    weights: dict[str, np.ndarray]
    biases: dict[str, np.ndarray]
    mix: dict[str, float]
    temperature: float
    val_score: float
    offset: np.ndarray | None = None


def deep_logits(head: DeepHead, embeddings: dict[str, np.ndarray], fast_logits: np.ndarray | None) -> np.ndarray:
    """What the shipped head computes (:meth:`ascua.nlp.deep.MixedHead.mixed`), for choosing its settings."""
    mixed = MixedHead(head.name, head.labels, head.weights, head.biases, head.mix, 1.0)
    return mixed.mixed(embeddings, None if fast_logits is None else fast_logits.astype(np.float32))


def fit_deep_head(
    task: Task,
    embed: dict[str, Any],
    fast_val_logits: np.ndarray,
    grids: dict[str, Sequence[float]] | None = None,
    log: Any = print,
) -> DeepHead:
    """One logistic regression per encoder (C chosen on validation), then mixing weights chosen on validation."""
    texts, labels = task.train_texts()
    val_texts, val_labels = task.val_texts()
    grids = grids or DEEP_GRIDS.get(task.name, {"e5t": (1.0, 4.0), "use": (1.0,)})
    balanced = task.name in ("emotion", "irony", "complaint", "question")
    train_models: dict[str, LogisticRegression] = {}
    final_models: dict[str, LogisticRegression] = {}
    val_embeddings: dict[str, np.ndarray] = {}
    for encoder, grid in grids.items():
        train_matrix, val_matrix = embed[encoder](texts), embed[encoder](val_texts)
        val_embeddings[encoder] = val_matrix
        scored = []
        for c in grid:
            model = _logistic(c, balanced).fit(train_matrix, labels)
            score = metric(task, val_labels, model.predict(val_matrix))
            log(f"  deep {task.name} {encoder}: C={c} validation {100 * score:.1f}")
            scored.append((score, c, model))
        score, c, model = max(scored, key=lambda item: item[0])
        train_models[encoder] = model
        final_models[encoder] = _logistic(c, balanced).fit(
            np.vstack([train_matrix, val_matrix]), np.concatenate([labels, val_labels])
        )
    weights = {e: _coefficients(m, len(task.labels))[0] for e, m in train_models.items()}
    biases = {e: _coefficients(m, len(task.labels))[1] for e, m in train_models.items()}
    primary, *others = list(grids)
    candidates = []
    for other_weights in itertools.product((0.0, 0.3, 0.6), repeat=len(others)):
        for fast_weight in (0.0, 0.3, 0.6, 1.0):
            mix = {primary: 1.0, **dict(zip(others, other_weights, strict=True)), "fast": fast_weight}
            probe = DeepHead(task.name, task.labels, weights, biases, mix, 1.0, 0.0)
            predicted = deep_logits(probe, val_embeddings, fast_val_logits).argmax(axis=1)
            candidates.append((metric(task, val_labels, predicted), -sum(other_weights) - fast_weight, mix))
    score, _, mix = max(candidates, key=lambda item: (item[0], item[1]))
    log(f"  deep {task.name}: mix {mix} validation {100 * score:.1f}")
    probe = DeepHead(task.name, task.labels, weights, biases, mix, 1.0, score)
    mixed = deep_logits(probe, val_embeddings, fast_val_logits)
    offset = choose_offset(task, mixed, val_labels)
    score = metric(task, val_labels, (mixed + offset).argmax(axis=1))
    log(f"  deep {task.name}: class offset {offset.tolist()} validation {100 * score:.1f}")
    temperature = fit_temperature(mixed + offset, val_labels)
    final_weights = {e: _coefficients(m, len(task.labels))[0] for e, m in final_models.items()}
    final_biases = {e: _coefficients(m, len(task.labels))[1] for e, m in final_models.items()}
    return DeepHead(task.name, task.labels, final_weights, final_biases, mix, temperature, score, offset)
