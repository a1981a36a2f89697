"""Variants of labelled tweets, for the fast tier to learn what the deep tier says of them.

The fast sentiment head learns from a teacher (knowledge distillation, :mod:`ascua.nlp.train.fit`);
the more texts the teacher labels, the more of what it knows passes on. There are few
Spanish tweets without a label in the shared data, so, as Tang et al. (2019, "Distilling
Task-Specific Knowledge from BERT into Simple Neural Networks") do, new texts are made from
the training tweets: some words dropped, or a span of them kept. The teacher (the
sentiment-tuned e5 and USE) reads each variant afresh: "no me gusta nada" without "no" is no
longer negative, and the teacher's probabilities say so.

>>> variants("el vuelo llegó tarde y nadie nos dio una explicación", 2)
['el llegó tarde y nadie nos dio explicación', 'nadie nos dio una explicación']
"""

from __future__ import annotations

import hashlib
import random

DROP = 0.2  # each word's chance to be dropped (even-numbered variants)
SPAN = (0.5, 0.9)  # the share of the words a span keeps (odd-numbered variants)


def variants(text: str, count: int) -> list[str]:
    """Up to ``count`` distinct variants of ``text`` (none for texts under four words); the same
    text always gives the same variants."""
    words = text.split()
    if len(words) < 4:
        return []
    seed = int(hashlib.sha1(text.encode("utf-8", "replace"), usedforsecurity=False).hexdigest()[:8], 16)
    rng = random.Random(seed)
    found: list[str] = []
    for k in range(count):
        if k % 2 == 0:
            kept = [word for word in words if rng.random() > DROP] or words[:1]
        else:
            size = max(3, int(len(words) * rng.uniform(*SPAN)))
            start = rng.randrange(0, len(words) - size + 1)
            kept = words[start : start + size]
        variant = " ".join(kept)
        if variant != text and variant not in found:
            found.append(variant)
    return found
