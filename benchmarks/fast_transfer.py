"""The fast sentiment head distilled from the deep tier on tweets that have no sentiment label.

``make models`` teaches the fast sentiment head with each labelled tweet's label and a
cross-fitted regression on both frozen encoders. This script adds a *transfer set*
(:func:`ascua.nlp.train.tasks.transfer_texts`: about 56,000 tweets of crises, of other
TweetEval tasks, to airlines and in six other languages, none of them in a test or
validation split) labelled by a stronger teacher, a regression on the sentiment-tuned e5
and USE, and fits the head as ``make models`` does (C chosen on validation) for each weight
of the transfer set. It prints validation and the XLM-T test macro-F1 of each:

    python benchmarks/fast_transfer.py [--weights 0,0.5,1] [--encoders e5t,use]

Needs the embedding cache of ``make models`` (.cache/models); the transfer set's embeddings
are added to it (about 30 minutes for the tuned e5 on one core, the first time).

Measured on 2026-12-07 (teacher share 0.6; the transfer teacher's validation: 68.8):

| transfer set | weight | C | validation | es test | en test |
|---|---:|---:|---:|---:|---:|
| none | 0 | 2 | 60.4 | 58.7 | 62.2 |
| all 55,789 tweets | 0.5 | 0.5 | 61.5 | 56.6 | 65.8 |
| all 55,789 tweets | 1 | 0.5 | 60.9 | 58.0 | 66.8 |
| English cut to 8,000 (18,825 tweets) | 1 | 2 | 59.9 | 57.7 | 65.3 |

The transfer set is four fifths English: English gains four points, Spanish none (or loses
two), and validation, Spanish and English together, prefers the English gain.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from sklearn.metrics import f1_score

from ascua.nlp.clean import model_text
from ascua.nlp.encoders import E5Encoder, TunedE5Encoder, UseEncoder
from ascua.nlp.fast import models_folder
from ascua.nlp.language import LanguageDetector
from ascua.nlp.train import fit, tasks, words
from ascua.nlp.train.cache import EmbeddingCache

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", default="0,0.5,1", help="transfer-set weights to try")
    parser.add_argument("--encoders", default="e5t,use", help="the transfer teacher's encoders")
    parser.add_argument("--shares", default="0.6", help="shares of the labelled tweets' teacher")
    parser.add_argument("--english", type=int, default=-1, help="keep this many English transfer tweets (-1: all)")
    parser.add_argument("--cache", default=str(ROOT / ".cache" / "models"))
    args = parser.parse_args()
    started = time.perf_counter()
    all_tasks = tasks.all_tasks()
    sentiment = all_tasks[0]
    corpus = tasks.training_corpus(all_tasks)
    vocab = words.vocabulary(corpus)
    labelled = sentiment.labelled_texts()
    cache = Path(args.cache)
    e5, use = EmbeddingCache(cache, E5Encoder()), EmbeddingCache(cache, UseEncoder())
    e5t = EmbeddingCache(cache, TunedE5Encoder(models_folder() / "e5tuned.npz"))
    vectors = words.word_vectors(vocab, words.e5_subset(vocab, labelled), use, e5)
    space = fit.build_space(corpus, vocab)
    embed = {
        "e5": lambda t: e5.embed(list(t)),
        "use": lambda t: use.embed(list(t), batch=256),
        "e5t": lambda t: e5t.embed(list(t), progress=True),
    }
    teacher = fit.teacher_probabilities(embed)
    texts = tasks.transfer_texts(all_tasks)
    if args.english >= 0:
        detector = LanguageDetector()
        english = [t for t in texts if detector.detect(model_text(t)) == "en"]
        dropped = set(english) - set(random.Random(0).sample(english, min(args.english, len(english))))
        texts = [t for t in texts if t not in dropped]
    transfer = fit.transfer_teacher(sentiment, embed, texts, args.encoders.split(","))
    print(f"transfer set: {len(transfer.texts):,} tweets; ready in {time.perf_counter() - started:.0f} s", flush=True)
    for weight in [float(w) for w in args.weights.split(",")]:
        fitted = fit.fit_fast_head(
            sentiment,
            space,
            vectors,
            teacher=teacher,
            transfer=transfer,
            choices=[(float(share), weight) for share in args.shares.split(",")],
            log=lambda _line: None,
        )
        found = {}
        for split in sentiment.tests[:2]:
            logits = fitted.head.logits(space.transform(split.texts))
            found[split.lang] = 100 * f1_score(split.labels, logits.argmax(axis=1), average="macro")
        print(
            f"transfer weight {weight:<4} C={fitted.settings['C']:<4} validation {100 * fitted.val_score:5.1f}"
            f"   es {found['es']:5.1f}   en {found['en']:5.1f}   ({time.perf_counter() - started:.0f} s)",
            flush=True,
        )


if __name__ == "__main__":
    main()
