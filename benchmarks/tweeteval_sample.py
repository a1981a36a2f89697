"""Both tiers on a fixed sample of the TweetEval sentiment test (the model card's row).

The deep tier needs about 13 minutes of e5 for all 12,284 tweets, so the model card reports it
on 2,000 of them, drawn with ``random.Random(2026)``; the fast tier on the same sample, to
compare. Run it with ``python benchmarks/tweeteval_sample.py`` (about two minutes).
"""

from __future__ import annotations

import os
import random

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np
from sklearn.metrics import f1_score, recall_score

from ascua.nlp.deep import DeepModel
from ascua.nlp.fast import FastModel
from ascua.nlp.train.datasets import tweeteval

SAMPLE = 2_000


def main() -> None:
    split = tweeteval("sentiment", "test")
    chosen = sorted(random.Random(2026).sample(range(len(split)), SAMPLE))
    texts = [split.texts[i] for i in chosen]
    labels = np.array([split.labels[i] for i in chosen])
    fast = FastModel.load()
    for name, model in (("fast", fast), ("deep", DeepModel.load(fast))):
        predicted = model.predict(texts, ["sentiment"])["sentiment"].argmax(axis=1)
        f1 = 100 * f1_score(labels, predicted, average="macro")
        recall = 100 * recall_score(labels, predicted, average="macro")
        print(f"{name}: macro-F1 {f1:.1f}, macro-recall {recall:.1f} on {SAMPLE:,} tweets", flush=True)


if __name__ == "__main__":
    main()
