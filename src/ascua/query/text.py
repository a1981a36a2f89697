"""Text normalisation shared by brand queries and the posts they run against.

Matching is case-, accent- and punctuation-insensitive: ``ATENCIÓN``, ``atención``
and ``atencion`` are the same word; ``@handles`` and ``#hashtags`` keep their sign
so that a query can ask for one of them specifically.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TOKEN = re.compile(r"[@#]?\w+(?:['’]\w+)*", re.UNICODE)
_BARE = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)  # the same tokens, without their sign
# Bytes of ASCII text: word characters and the apostrophe stay, everything else becomes a space.
_ASCII_WORDS = bytes(
    byte if chr(byte).isalnum() or chr(byte) in "_'" else ord(" ") if byte < 128 else byte for byte in range(256)
)
_SIGNED = re.compile(r"[@#]\w+(?:['’]\w+)*", re.UNICODE)  # only the signed ones


# The accents of Latin letters, once decomposed (U+034F, the grapheme joiner, is no accent).
_LATIN_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]+")
_NON_ASCII = re.compile("[^\x00-\x7f]+")


def fold(text: str) -> str:
    """Lowercase and strip accents (every combining mark, in any script).

    >>> fold("ATENCIÓN al Cliente ñ")
    'atencion al cliente n'
    >>> fold("Ἀθῆναι ¿qué? 😡")
    'αθηναι ¿que? 😡'
    """
    if text.isascii():
        return text.lower()
    try:  # most Spanish posts are Latin-1: a byte table folds them
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        raw = b""
    if raw and len(raw.translate(None, _LATIN1_SPECIAL)) == len(raw):
        return raw.translate(_LATIN1_FOLDED).decode("latin-1")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():
        return decomposed
    decomposed = _LATIN_MARKS.sub("", decomposed)  # the common case, at the speed of a regex
    if decomposed.isascii():
        return decomposed
    return _NON_ASCII.sub(_without_marks, decomposed)


def _fold_slowly(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Latin-1 characters folding to exactly one Latin-1 character (á → a, Ñ → n, ¿ → ¿), as a byte
# table; the others (ß → ss, ½ → 1⁄2, µ → μ…) take the general road.
_LATIN1_FOLDED = bytes(
    ord(folded) if len(folded := _fold_slowly(chr(byte))) == 1 and ord(folded) < 256 else byte for byte in range(256)
)
_LATIN1_SPECIAL = bytes(b for b in range(256) if not (len(f := _fold_slowly(chr(b))) == 1 and ord(f) < 256))


def _without_marks(run: re.Match[str]) -> str:
    return _strip_marks(run.group())


@lru_cache(maxsize=8192)
def _strip_marks(run: str) -> str:
    return "".join(char for char in run if not unicodedata.combining(char))


def tokens(text: str) -> list[str]:
    """Folded word tokens of a text, ``@``/``#`` signs kept.

    >>> tokens("¡Gracias @Vuelaya! #Reembolso ya, ¿no?")
    ['gracias', '@vuelaya', '#reembolso', 'ya', 'no']
    """
    return _TOKEN.findall(fold(text))


def bare_tokens(folded: str) -> list[str]:
    """The tokens of an already folded text, without their ``@``/``#`` sign.

    The same as ``[t.lstrip("@#") for t in tokens(text)]``; ASCII text (most posts, once
    folded) takes a faster road: every byte that is not a word character becomes a space.

    >>> bare_tokens(fold("¡Gracias @Vuelaya! #Reembolso"))
    ['gracias', 'vuelaya', 'reembolso']
    >>> bare_tokens("rock'n'roll, 'quoted' l''x")
    ["rock'n'roll", 'quoted', 'l', 'x']
    """
    if not folded.isascii():
        return _BARE.findall(folded)
    spaced = folded.encode("ascii").translate(_ASCII_WORDS).decode("ascii")
    if "'" in spaced and (
        " '" in spaced or "' " in spaced or "''" in spaced or spaced[0] == "'" or spaced[-1] == "'"
    ):  # an apostrophe that joins nothing (only one between two letters joins them): the exact rule
        return _BARE.findall(folded)
    return spaced.split()


def signed_tokens(folded: str) -> list[str]:
    """Only the ``@handles`` and ``#hashtags`` of an already folded text.

    >>> signed_tokens(fold("¡Gracias @Vuelaya! #Reembolso"))
    ['@vuelaya', '#reembolso']
    """
    return _SIGNED.findall(folded)
