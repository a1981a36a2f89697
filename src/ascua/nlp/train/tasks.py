"""The tasks the shipped heads learn, each with its train, validation and test data and its metric.

- ``sentiment``: XLM-T/UMSAB in eight languages (train; validation on Spanish and
  English; test on Spanish and English), also measured on TweetEval sentiment.
- ``emotion``: TweetEval emotion (anger, joy, optimism, sadness).
- ``irony``: TweetEval irony (SemEval-2018 task 3).
- ``complaint``: the airline tweets: a negative tweet whose annotators named a
  concrete reason (late flight, lost luggage…) is a complaint; positive and neutral
  tweets are not; negative tweets whose reason is "Can't Tell" are left out. Split
  by tweet id (80/10/10).
- ``question``: distant supervision: tweets that carry ``?`` or ``¿`` are questions;
  the marks are removed before training, so the head learns how questions are
  *phrased* and can find those written without them. Split by text digest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from ascua.nlp.train.datasets import (
    EMOTION_LABELS,
    SENTIMENT_LABELS,
    XLMT_LANGUAGES,
    Split,
    airline,
    airline_rows,
    crisislex_texts,
    tweeteval,
    xlmt,
)


@dataclass
class Task:
    name: str
    labels: tuple[str, ...]
    train: list[Split]
    val: list[Split]
    tests: list[Split]
    metric: str  # "macro-f1" or "f1" (of the last label)
    extra_metrics: dict[str, str] = field(default_factory=dict)
    preprocess: Callable[[str], str] | None = None

    def train_texts(self) -> tuple[list[str], np.ndarray]:
        return _join(self.train)

    def val_texts(self) -> tuple[list[str], np.ndarray]:
        return _join(self.val)

    def labelled_texts(self) -> list[str]:
        """The training and validation texts (what the heads and the word vectors may learn from)."""
        return [text for split in self.train + self.val for text in split.texts]


def training_corpus(tasks: list[Task]) -> list[str]:
    """Every training and validation text of ``tasks``, once each, in order."""
    return list(dict.fromkeys(text for task in tasks for text in task.labelled_texts()))


def _join(splits: list[Split]) -> tuple[list[str], np.ndarray]:
    texts: list[str] = []
    labels: list[int] = []
    for split in splits:
        texts.extend(split.texts)
        labels.extend(split.labels)
    return texts, np.asarray(labels, dtype=np.int64)


def _bucket(key: str) -> int:
    return int(hashlib.sha1(key.encode("utf-8", "replace"), usedforsecurity=False).hexdigest()[:8], 16) % 10


def sentiment_task() -> Task:
    train = [xlmt(language, "train") for language in XLMT_LANGUAGES]
    val = [xlmt(language, "val") for language in ("spanish", "english")]
    val_rest = [xlmt(language, "val") for language in XLMT_LANGUAGES if language not in ("spanish", "english")]
    tests = [xlmt("spanish", "test"), xlmt("english", "test"), tweeteval("sentiment", "test")]
    task = Task("sentiment", SENTIMENT_LABELS, train + val_rest, val, tests, "macro-f1", {"macro-recall": "tweeteval"})
    return task


def emotion_task() -> Task:
    return Task(
        "emotion",
        EMOTION_LABELS,
        [tweeteval("emotion", "train")],
        [tweeteval("emotion", "val")],
        [tweeteval("emotion", "test")],
        "macro-f1",
    )


def irony_task() -> Task:
    return Task(
        "irony",
        ("not_ironic", "ironic"),
        [tweeteval("irony", "train")],
        [tweeteval("irony", "val")],
        [tweeteval("irony", "test")],
        "f1",
    )


def complaint_task() -> Task:
    parts: dict[str, tuple[list[str], list[int]]] = {"train": ([], []), "val": ([], []), "test": ([], [])}
    for row in airline_rows():
        if row["airline_sentiment"] == "negative":
            if row["negativereason"] in ("", "Can't Tell"):
                continue
            label = 1
        else:
            label = 0
        bucket = _bucket(row["tweet_id"])
        name = "test" if bucket == 0 else "val" if bucket == 1 else "train"
        parts[name][0].append(row["text"])
        parts[name][1].append(label)
    split = {name: Split(f"airline complaint {name}", texts, labels) for name, (texts, labels) in parts.items()}
    return Task("complaint", ("other", "complaint"), [split["train"]], [split["val"]], [split["test"]], "f1")


QUESTION_MARKS = str.maketrans({"?": " ", "¿": " "})


def strip_question_marks(text: str) -> str:
    return text.translate(QUESTION_MARKS)


def question_task() -> Task:
    texts: list[str] = []
    for language in XLMT_LANGUAGES:
        texts += xlmt(language, "train").texts + xlmt(language, "val").texts
    for name in ("emotion", "irony", "offensive"):
        texts += tweeteval(name, "train").texts
    texts += airline().texts
    parts: dict[str, tuple[list[str], list[int]]] = {"train": ([], []), "val": ([], []), "test": ([], [])}
    for text in dict.fromkeys(texts):
        label = int("?" in text or "¿" in text)
        bucket = _bucket(text)
        name = "test" if bucket == 0 else "val" if bucket == 1 else "train"
        parts[name][0].append(strip_question_marks(text))
        parts[name][1].append(label)
    split = {name: Split(f"question (marks removed) {name}", t, y) for name, (t, y) in parts.items()}
    return Task("question", ("statement", "question"), [split["train"]], [split["val"]], [split["test"]], "f1")


def all_tasks() -> list[Task]:
    return [sentiment_task(), emotion_task(), irony_task(), complaint_task(), question_task()]


def transfer_texts(tasks: list[Task]) -> list[str]:
    """Tweets without sentiment labels that the fast sentiment head may learn from a teacher: the
    CrisisLexT26 tweets (several languages), the TweetEval emotion, irony and offensive tweets of
    their train and validation splits, the airline tweets, and the XLM-T test tweets of the six
    languages other than Spanish and English. A text that is in any test split of ``tasks`` (or
    is one once its question marks are removed) is left out, and so is every validation text:
    nothing measured or chosen on is learnt from."""
    texts = crisislex_texts()
    for name in ("emotion", "irony", "offensive"):
        for split in ("train", "val"):
            texts += tweeteval(name, split).texts
    texts += airline().texts
    texts += [t for language in XLMT_LANGUAGES[2:] for t in xlmt(language, "test").texts]
    held = {t for task in tasks for split in task.tests + task.val for t in split.texts}
    return [t for t in dict.fromkeys(texts) if t not in held and strip_question_marks(t) not in held]
