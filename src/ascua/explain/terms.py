"""What a wave's people say that the brand's normal conversation does not.

Each post becomes a set of *terms*: word stems (Snowball, through PyStemmer) and
two-word phrases, in Spanish and English; hashtags are terms of their own. A term is
counted once per person (one angry customer posting twenty times is one voice), and
the wave is contrasted with the brand's usual conversation by the log-odds ratio
with an informative Dirichlet prior (Monroe, Colaresi & Quinn, 2008, "Fightin'
Words"): the prior is the two corpora together, so words everyone always uses cancel
out, and the z-score of the difference keeps rare words from winning on luck.

>>> vocabulary = Vocabulary()
>>> sorted(vocabulary.terms("Nos han cancelado el vuelo SIN AVISO #VuelayaNo", "es"))
['#vuelayano', 'avis', 'cancel', 'sin avis', 'vuel']
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import Stemmer
import stopwordsiso

from ascua.query.text import fold

LANGUAGES = ("es", "en")
_STEMMERS = {"es": "spanish", "en": "english"}
# Words that turn the next one into the complaint ("sin internet", "no refund"): stop words on
# their own, but kept at the head of a two-word phrase.
_HEADS = {
    "es": {"sin", "no", "ni", "nunca", "nadie", "nada", "cero", "tampoco"},
    "en": {"no", "not", "never", "without", "nobody", "nothing", "zero", "cannot"},
}
_NOISE = re.compile(r"https?://\S+|www\.\S+|@\w+|\bRT\b")
_TOKEN = re.compile(r"#\w+|[^\W\d_]+(?:['’][^\W\d_]+)?")
MAX_TOKENS = 80  # a 5,000-word post weighs as much as any other: its first 80 words


class Vocabulary:
    """Turns posts into terms, with a cache of what every surface word stems to."""

    def __init__(self) -> None:
        self._stemmers = {lang: Stemmer.Stemmer(name) for lang, name in _STEMMERS.items()}
        self._stop = {lang: frozenset(stopwordsiso.stopwords(lang)) | _folded(stopwordsiso.stopwords(lang))
                      for lang in LANGUAGES}  # fmt: skip
        # surface word -> (stem, is a stop word, is a phrase head); one table per language
        self._cache: dict[str, dict[str, tuple[str, bool, bool]]] = {lang: {} for lang in LANGUAGES}

    def supported(self, lang: str | None) -> bool:
        return lang in self._stemmers

    def terms(self, text: str, lang: str, surface: dict[str, Counter[str]] | None = None) -> set[str]:
        """The terms of one post in ``lang`` (one of :data:`LANGUAGES`); ``surface`` collects how
        each term was written."""
        cache = self._cache[lang]
        words = _TOKEN.findall(_NOISE.sub(" ", text).lower())[:MAX_TOKENS]
        found: set[str] = set()
        previous: tuple[str, bool, bool] | None = None
        previous_word = ""
        for word in words:
            entry = cache.get(word)
            if entry is None:
                entry = self._entry(word, lang)
                cache[word] = entry
            stem, stop, _head = entry
            if not stem:
                previous = None
                continue
            if stem[0] == "#":  # a hashtag is a term of its own, never part of a phrase
                found.add(stem)
                if surface is not None:
                    _written(surface, stem, f"{lang}\t{word}")
                previous = None
                continue
            if not stop:
                found.add(stem)
                if surface is not None:
                    _written(surface, stem, f"{lang}\t{word}")
            if previous is not None and not stop and (not previous[1] or previous[2]):
                phrase = f"{previous[0]} {stem}"
                found.add(phrase)
                if surface is not None:
                    _written(surface, phrase, f"{lang}\t{previous_word} {word}")
            previous, previous_word = entry, word
        return found

    def _entry(self, word: str, lang: str) -> tuple[str, bool, bool]:
        if word.startswith("#"):
            tag = fold(word)
            return (tag, False, False) if len(tag) > 2 else ("", True, False)
        folded = fold(word)
        stop = word in self._stop[lang] or folded in self._stop[lang] or len(folded) < 2
        stem = self._stemmers[lang].stemWord(folded)
        return stem, stop, folded in _HEADS[lang]

    def brand_terms(self, words: Iterable[str]) -> set[str]:
        """The terms a brand's own name and handles make, in every language (they say nothing of a wave)."""
        banned: set[str] = set()
        for text in words:
            for word in _TOKEN.findall(text.lower().lstrip("@#")):
                folded = fold(word)
                banned.add("#" + folded)
                for stemmer in self._stemmers.values():
                    banned.add(stemmer.stemWord(folded))
        return banned


def written_as(term: str, surface: dict[str, Counter[str]], lang: str | None = None) -> str:
    """How a person reads a term: its most common written form (in ``lang``, when it was written in it).

    Spanish and English share stems ("cancelado" and "cancelled" are both ``cancel``): a theme
    read mostly in Spanish is labelled with the Spanish words.
    """
    forms = surface.get(term)
    if not forms:
        return term
    if lang is not None:
        prefix = f"{lang}\t"
        own = [(count, form) for form, count in forms.items() if form.startswith(prefix)]
        if own:
            return max(own)[1].split("\t", 1)[1]
    return forms.most_common(1)[0][0].split("\t", 1)[-1]


def _written(surface: dict[str, Counter[str]], term: str, form: str) -> None:
    forms = surface.get(term)
    if forms is None:
        surface[term] = Counter((form,))
    else:
        forms[form] += 1


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(fold(word) for word in words)


@dataclass(frozen=True, slots=True)
class Distinctive:
    term: str
    z: float
    log_odds: float
    people: int  # people of the wave using it
    usual_people: int  # people of the normal conversation using it
    share: float  # of the wave's people
    usual_share: float


def distinctive_terms(
    wave: Mapping[str, int],
    wave_people: int,
    usual: Mapping[str, int],
    usual_people: int,
    *,
    min_people: int = 2,
    min_z: float = 1.96,
    prior_weight: float = 0.1,
) -> list[Distinctive]:
    """The terms the wave uses more than usual, most significant first.

    ``wave`` and ``usual`` count, for each term, the people using it. The prior is the
    two corpora together, scaled to ``prior_weight`` of their size (a moderate pull
    towards "no difference" for terms seen rarely).

    >>> top = distinctive_terms({"cancel": 40, "vuel": 45, "gracias": 3}, 50, {"vuel": 300, "gracias": 120}, 400)
    >>> [t.term for t in top]
    ['cancel']
    """
    terms = [term for term, people in wave.items() if people >= min_people]
    if not terms or wave_people <= 0:
        return []
    y_i = np.fromiter((wave[t] for t in terms), dtype=np.float64, count=len(terms))
    y_j = np.fromiter((usual.get(t, 0) for t in terms), dtype=np.float64, count=len(terms))
    n_i = float(sum(wave.values()))
    n_j = float(sum(usual.values()))
    if n_j <= 0:
        return []
    combined = n_i + n_j
    alpha0 = prior_weight * combined
    alpha = (y_i + y_j) * (alpha0 / combined)
    alpha = np.maximum(alpha, 0.01)
    delta = np.log((y_i + alpha) / (n_i + alpha0 - y_i - alpha)) - np.log((y_j + alpha) / (n_j + alpha0 - y_j - alpha))
    z = delta / np.sqrt(1.0 / (y_i + alpha) + 1.0 / (y_j + alpha))
    order = np.argsort(-z)
    found = []
    for index in order:
        if z[index] < min_z or delta[index] <= 0:
            break
        term = terms[index]
        found.append(
            Distinctive(
                term=term,
                z=float(z[index]),
                log_odds=float(delta[index]),
                people=int(y_i[index]),
                usual_people=int(y_j[index]),
                share=float(y_i[index]) / wave_people,
                usual_share=float(y_j[index]) / usual_people if usual_people else 0.0,
            )
        )
    return found


def frequent_terms(wave: Mapping[str, int], wave_people: int, *, min_people: int = 2) -> list[Distinctive]:
    """With no usual conversation to contrast with: the terms most of the wave's people use."""
    ranked = sorted(((people, term) for term, people in wave.items() if people >= min_people), reverse=True)
    return [
        Distinctive(term, z=math.nan, log_odds=math.nan, people=people, usual_people=0,
                    share=people / wave_people, usual_share=0.0)
        for people, term in ranked
    ]  # fmt: skip
