"""The labelled data sets the shipped models learn from and are measured on.

Each loader returns :class:`Split` objects (texts and integer labels) from the
folder layout the data sets' READMEs describe. The data live outside the
repository, in ``../shared/data`` next to the checkout or wherever ``ASCUA_DATA``
points; :func:`data_root` finds them.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

XLMT_LANGUAGES = ("spanish", "english", "arabic", "french", "german", "hindi", "italian", "portuguese")
SENTIMENT_LABELS = ("negative", "neutral", "positive")
EMOTION_LABELS = ("anger", "joy", "optimism", "sadness")


class DataMissing(FileNotFoundError):
    """A data set the models need is not where it should be."""


@dataclass(frozen=True)
class Split:
    """One split of one data set: ``name`` is how tables and reports call it."""

    name: str
    texts: list[str]
    labels: list[int]
    lang: str = "en"

    def __len__(self) -> int:
        return len(self.texts)


def data_root(explicit: str | Path | None = None) -> Path:
    """Where the shared data sets are: ``explicit``, ``$ASCUA_DATA``, or ``../shared/data`` upwards from here."""
    candidates: list[Path] = []
    if explicit:
        candidates.append(Path(explicit))
    if os.environ.get("ASCUA_DATA"):
        candidates.append(Path(os.environ["ASCUA_DATA"]))
    for base in (Path.cwd(), *Path(__file__).resolve().parents):
        candidates.append(base / ".." / "shared" / "data")
        candidates.append(base / "shared" / "data")
    for candidate in candidates:
        if (candidate / "xlm-t-sentiment").is_dir():
            return candidate.resolve()
    raise DataMissing(
        "the shared data sets were not found: set ASCUA_DATA to the folder holding xlm-t-sentiment/ and tweeteval/"
    )


def _lines(path: Path) -> list[str]:
    if not path.is_file():
        raise DataMissing(f"{path}: missing (see the data set's README)")
    with path.open(encoding="utf-8", newline="\n") as handle:
        return [line.rstrip("\n") for line in handle]


def _split(name: str, folder: Path, split: str, lang: str) -> Split:
    texts = _lines(folder / f"{split}_text.txt")
    labels = [int(value) for value in _lines(folder / f"{split}_labels.txt") if value.strip()]
    if len(texts) != len(labels):
        raise DataMissing(f"{folder}/{split}: {len(texts)} texts but {len(labels)} labels")
    return Split(name, texts, labels, lang)


LANG_CODES = {
    "spanish": "es", "english": "en", "arabic": "ar", "french": "fr",
    "german": "de", "hindi": "hi", "italian": "it", "portuguese": "pt",
}  # fmt: skip


def xlmt(language: str, split: str, root: Path | None = None) -> Split:
    """UMSAB/XLM-T sentiment: ``language`` as the folder names it, ``split`` train, val or test."""
    folder = (root or data_root()) / "xlm-t-sentiment" / "data" / "sentiment" / language
    return _split(f"xlm-t {LANG_CODES[language]} {split}", folder, split, LANG_CODES[language])


def tweeteval(task: str, split: str, root: Path | None = None) -> Split:
    """TweetEval ``task`` (sentiment, emotion, irony, offensive), ``split`` train, val or test."""
    folder = (root or data_root()) / "tweeteval" / "datasets" / task
    return _split(f"tweeteval {task} {split}", folder, split, "en")


def airline_rows(root: Path | None = None) -> list[dict[str, str]]:
    """The rows of the airline tweets' CSV, each tweet once (the file repeats 155 rows)."""
    path = (root or data_root()) / "airline-tweets" / "Tweets.csv"
    if not path.is_file():
        raise DataMissing(f"{path}: missing")
    rows: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rows.setdefault(row["tweet_id"], row)
    return list(rows.values())


def airline(root: Path | None = None) -> Split:
    """Twitter US Airline Sentiment: every tweet with its annotated sentiment."""
    rows = airline_rows(root)
    return Split(
        "airline-tweets",
        [row["text"] for row in rows],
        [SENTIMENT_LABELS.index(row["airline_sentiment"]) for row in rows],
        "en",
    )


def crisislex_texts(root: Path | None = None) -> list[str]:
    """The texts of CrisisLexT26's labelled tweets (26 crisis events, several languages), without
    their labels (which say how informative a tweet is about a disaster, not its sentiment)."""
    folder = (root or data_root()) / "crisislex-t26" / "data" / "CrisisLexT26"
    files = sorted(folder.glob("*/*-tweets_labeled.csv"))
    if not files:
        raise DataMissing(f"{folder}: no *-tweets_labeled.csv (see the data set's README)")
    texts: list[str] = []
    for path in files:
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            reader = csv.reader(handle)
            header = [name.strip() for name in next(reader, [])]
            if "Tweet Text" not in header:
                raise DataMissing(f"{path}: no 'Tweet Text' column")
            column = header.index("Tweet Text")
            texts.extend(row[column] for row in reader if len(row) > column and row[column].strip())
    return texts
