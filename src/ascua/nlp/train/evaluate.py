"""Measure the models on every test set: the table of docs/models.md and the floors the tests check."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import f1_score, recall_score

from ascua.nlp.train.datasets import Split
from ascua.nlp.train.tasks import Task

Predict = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class Score:
    task: str
    test: str
    tier: str
    metric: str
    value: float
    texts: int

    def as_json(self) -> dict[str, object]:
        return {
            "task": self.task,
            "test": self.test,
            "tier": self.tier,
            "metric": self.metric,
            "value": round(self.value, 2),
            "texts": self.texts,
        }


def score_split(task: Task, split: Split, tier: str, predict: Predict) -> list[Score]:
    texts = [task.preprocess(t) for t in split.texts] if task.preprocess else split.texts
    predicted = np.asarray(predict(texts)).argmax(axis=1)
    labels = np.asarray(split.labels)
    scores = []
    if task.metric == "f1":
        value = f1_score(labels, predicted, average="binary", pos_label=len(task.labels) - 1)
        scores.append(Score(task.name, split.name, tier, f"F1 ({task.labels[-1]})", 100 * float(value), len(split)))
    else:
        value = f1_score(labels, predicted, average="macro")
        scores.append(Score(task.name, split.name, tier, "macro-F1", 100 * float(value), len(split)))
    if "tweeteval" in split.name and task.name == "sentiment":
        recall = recall_score(labels, predicted, average="macro")
        scores.append(Score(task.name, split.name, tier, "macro-recall", 100 * float(recall), len(split)))
    return scores


def table(scores: Sequence[Score]) -> str:
    """A Markdown table of scores, one row per test set and metric, one column per tier."""
    tiers = sorted(
        {s.tier for s in scores}, key=lambda tier: ("fast", "deep").index(tier) if tier in ("fast", "deep") else 9
    )
    rows: dict[tuple[str, str, str, int], dict[str, float]] = {}
    for s in scores:
        rows.setdefault((s.task, s.test, s.metric, s.texts), {})[s.tier] = s.value
    lines = [
        "| task | test set | texts | metric | " + " | ".join(tiers) + " |",
        "|---|---|---:|---|" + "---:|" * len(tiers),
    ]
    for (task, test, metric, texts), values in rows.items():
        cells = " | ".join(f"{values[t]:.1f}" if t in values else "–" for t in tiers)
        lines.append(f"| {task} | {test} | {texts:,} | {metric} | {cells} |")
    return "\n".join(lines)
