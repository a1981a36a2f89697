"""A small bilingual (Spanish/English) sentiment lexicon: cues for the trained models.

It scores the words, phrases and emoji of a post, handles negation ("no funciona",
"not good") and intensifiers ("muy mal", "really bad"). The fast tier uses its balance
as two features (:mod:`ascua.nlp.features`) and the analyzer its negative words to spot
sarcastic thanks; on its own it also turns the balance into three probabilities.

>>> model = LexiconSentiment.load()
>>> model.score("Vuelo cancelado otra vez, qué vergüenza 😡").label
'negative'
>>> model.score("Muchas gracias, la atención fue excelente").label
'positive'
>>> model.score("The flight leaves at 9").label
'neutral'
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from importlib import resources
from typing import cast

from ascua.model import Sentiment
from ascua.query.text import fold, tokens

MODEL_NAME = "lexicon-1"

NEGATORS = frozenset(
    [
        "no",
        "nunca",
        "ni",
        "tampoco",
        "nadie",
        "nada",
        "sin",
        "jamas",
        "not",
        "no",
        "never",
        "dont",
        "don't",
        "didnt",
        "didn't",
        "isnt",
        "isn't",
        "wasnt",
        "wasn't",
        "cannot",
        "cant",
        "can't",
        "wont",
        "won't",
        "nothing",
        "nobody",
        "without",
        "neither",
        "nor",
    ]
)
INTENSIFIERS = frozenset(
    [
        "muy",
        "super",
        "tan",
        "demasiado",
        "totalmente",
        "absolutamente",
        "realmente",
        "bastante",
        "very",
        "so",
        "really",
        "totally",
        "extremely",
        "absolutely",
        "completely",
        "too",
    ]
)
EMOJI = {
    "😡": -2.5,
    "🤬": -2.8,
    "😠": -2.2,
    "😤": -1.8,
    "😢": -1.5,
    "😭": -1.5,
    "👎": -2.0,
    "💩": -2.0,
    "🙄": -1.5,
    "😒": -1.2,
    "😞": -1.5,
    "😩": -1.5,
    "😫": -1.5,
    "🤮": -2.5,
    "😍": 2.2,
    "❤": 1.8,
    "💙": 1.5,
    "💚": 1.5,
    "😊": 1.5,
    "🙂": 1.0,
    "😀": 1.5,
    "😁": 1.5,
    "😃": 1.5,
    "👍": 1.5,
    "🙌": 1.8,
    "🥰": 2.2,
    "🎉": 1.8,
    "💯": 1.5,
    "🤩": 2.2,
    "😎": 1.0,
    "👏": 0.8,
    "✨": 0.8,
    "😂": 0.3,
}
_EMOJI = re.compile("|".join(map(re.escape, EMOJI)))


@dataclass(frozen=True, slots=True)
class SentimentScore:
    label: Sentiment
    scores: dict[str, float]


class LexiconSentiment:
    """Lexicon scoring with negation, intensifiers, phrases and emoji."""

    name = MODEL_NAME

    def __init__(self, words: dict[str, float], prefixes: dict[str, float], phrases: dict[tuple[str, ...], float]):
        self.words = words
        self.prefixes = prefixes
        self._prefix_keys = sorted(prefixes)
        self.phrases = phrases
        self._phrase_starts = {phrase[0] for phrase in phrases}
        self._cache: dict[str, float] = {}

    @classmethod
    def load(cls) -> LexiconSentiment:
        text = (resources.files("ascua.nlp") / "data" / "lexicon.tsv").read_text(encoding="utf-8")
        words: dict[str, float] = {}
        prefixes: dict[str, float] = {}
        phrases: dict[tuple[str, ...], float] = {}
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            term, _, value = line.partition("\t")
            try:
                score = float(value)
            except ValueError:
                raise ValueError(f"lexicon.tsv:{number}: {value!r} is not a score") from None
            term = fold(term.strip())
            if " " in term:
                phrases[tuple(term.split())] = score
            elif term.endswith("*"):
                prefixes[term[:-1]] = score
            else:
                words[term] = score
        return cls(words, prefixes, phrases)

    def word_score(self, word: str) -> float:
        """The score of one folded word: exact entry, else the longest matching prefix."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        score = self.words.get(word)
        if score is None:
            score = 0.0
            index = bisect.bisect_right(self._prefix_keys, word)
            while index > 0:
                candidate = self._prefix_keys[index - 1]
                if word.startswith(candidate):
                    score = self.prefixes[candidate]
                    break
                if candidate[:1] != word[:1]:
                    break
                index -= 1
        if len(self._cache) < 200_000:
            self._cache[word] = score
        return score

    def balance(self, text: str) -> tuple[float, float, list[str]]:
        """Positive and negative weight of a text, and its folded bare words."""
        bare = [w.lstrip("#") for w in tokens(text) if w[0] != "@"]
        positive = negative = 0.0
        cache = self._cache
        phrase_starts = self._phrase_starts
        skip = 0
        for index, word in enumerate(bare):
            if skip:  # inside a phrase already counted
                skip -= 1
                continue
            score = 0.0
            if word in phrase_starts:
                for size in (3, 2):
                    phrase = tuple(bare[index : index + size])
                    if len(phrase) == size and phrase in self.phrases:
                        score, skip = self.phrases[phrase], size - 1
                        break
            if not score:
                if word in NEGATORS:
                    continue
                found = cache.get(word)
                score = self.word_score(word) if found is None else found
                if not score:
                    continue
            window = bare[max(0, index - 3) : index]
            if window:
                if any(w in NEGATORS for w in window):
                    score = -score * 0.7 if score > 0 else -score * 0.4
                if window[-1] in INTENSIFIERS:
                    score *= 1.5
            if score > 0:
                positive += score
            else:
                negative -= score
        if not text.isascii():
            for char in _EMOJI.findall(text):
                emoji = EMOJI[char]
                if emoji > 0:
                    positive += emoji
                else:
                    negative -= emoji
        if text.count("!") >= 2:
            if negative > positive:
                negative *= 1.2
            elif positive > negative:
                positive *= 1.2
        return positive, negative, bare

    def score(self, text: str) -> SentimentScore:
        positive, negative, _ = self.balance(text)
        return to_probabilities(positive, negative)


def to_probabilities(positive: float, negative: float) -> SentimentScore:
    logits = {
        "negative": negative - 0.5 * positive,
        "neutral": 1.0,
        "positive": positive - 0.5 * negative,
    }
    top = max(logits.values())
    exp = {label: math.exp(value - top) for label, value in logits.items()}
    total = sum(exp.values())
    scores = {label: round(value / total, 4) for label, value in exp.items()}
    label = cast(Sentiment, max(scores, key=scores.__getitem__))
    return SentimentScore(label, scores)
