"""Text normalisation shared by brand queries and the posts they run against.

Matching is case-, accent- and punctuation-insensitive: ``ATENCIÓN``, ``atención``
and ``atencion`` are the same word; ``@handles`` and ``#hashtags`` keep their sign
so that a query can ask for one of them specifically.
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"[@#]?\w+(?:['’]\w+)*", re.UNICODE)


def fold(text: str) -> str:
    """Lowercase and strip accents.

    >>> fold("ATENCIÓN al Cliente ñ")
    'atencion al cliente n'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def tokens(text: str) -> list[str]:
    """Folded word tokens of a text, ``@``/``#`` signs kept.

    >>> tokens("¡Gracias @Vuelaya! #Reembolso ya, ¿no?")
    ['gracias', '@vuelaya', '#reembolso', 'ya', 'no']
    """
    if text.isascii():
        return _TOKEN.findall(text.lower())
    return _TOKEN.findall(fold(text))
