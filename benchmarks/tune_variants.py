"""Settings of e5's fine-tuning, compared by a sentiment head on the tuned encoder alone.

    python benchmarks/tune_variants.py [--frozen 8] [--epochs 3] [--lr 5e-5] [--seed 0] [--threads 1]

Tunes with the given settings (or takes the result from the cache that ``make models`` uses,
.cache/models, keyed by the settings), embeds the sentiment task with the tuned encoder, fits a
logistic regression on the training split with C chosen on the validation split (Spanish and
English together), and prints the validation and the XLM-T test macro-F1. The settings that
``make models`` ships are chosen by the validation column; the test columns only record what each
variant would have given. A tuning takes about half an hour on two cores (one hour on one).
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

from ascua.nlp.encoders import TunedE5Encoder
from ascua.nlp.train import tasks, tune
from ascua.nlp.train.__main__ import tuned_layers
from ascua.nlp.train.cache import EmbeddingCache

CACHE = Path(__file__).resolve().parent.parent / ".cache" / "models"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    defaults = tune.TuneSettings()
    parser.add_argument("--frozen", type=int, default=defaults.frozen, help="layers left as they are (of 12)")
    parser.add_argument("--epochs", type=float, default=defaults.epochs)
    parser.add_argument("--lr", type=float, default=defaults.learning_rate)
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--threads", type=int, default=None, help="PyTorch threads (default: every core)")
    args = parser.parse_args()
    settings = tune.TuneSettings(frozen=args.frozen, epochs=args.epochs, learning_rate=args.lr, seed=args.seed)
    task = tasks.sentiment_task()
    layers, embeddings = tuned_layers(task, CACHE, False, settings, threads=args.threads)
    encoder = EmbeddingCache(CACHE, TunedE5Encoder(layers))
    if embeddings:
        encoder.add(embeddings)
    train_texts, train_y = task.train_texts()
    val_texts, val_y = task.val_texts()
    train, val = encoder.embed(train_texts, progress=True), encoder.embed(val_texts, progress=True)
    tests = [(encoder.embed(split.texts, progress=True), np.array(split.labels)) for split in task.tests[:2]]
    best: tuple[float, float, LogisticRegression] | None = None
    for c in (0.25, 0.5, 1.0, 2.0, 4.0, 8.0):
        head = LogisticRegression(C=c, max_iter=2000).fit(train, train_y)
        score = float(f1_score(val_y, head.predict(val), average="macro"))
        if best is None or score > best[0]:
            best = (score, c, head)
    assert best is not None
    score, c, head = best
    row = [f"{100 * score:.1f}"] + [f"{100 * f1_score(y, head.predict(x), average='macro'):.1f}" for x, y in tests]
    print("| settings | C | validation | test es | test en |")
    print("|---|---|---|---|---|")
    print(f"| {settings.key()} | {c:g} | " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
