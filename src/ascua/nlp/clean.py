"""The one way every model sees a post: the same cleaning at training and at run time.

Post text comes from strangers: it may hold lone surrogates, control characters,
100 KB of repeated emoji, or nothing but links. :func:`model_text` turns any string
into a bounded, valid text in the form the training tweets have (handles written
``@user``, links ``http``), so that no model raises and none slows down on it.

>>> model_text("Gracias @Iberia por perder mi maleta 👏 https://t.co/abc")
'Gracias @user por perder mi maleta 👏 http'
>>> model_text("bad \\ud800 surrogate")
'bad � surrogate'
"""

from __future__ import annotations

import re

MAX_MODEL_CHARS = 1_000

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@])@\w{1,30}")
_SPACE = re.compile(r"\s+")
_REPEAT = re.compile(r"(.)\1{3,}")


def model_text(text: str, limit: int = MAX_MODEL_CHARS) -> str:
    """Clean ``text`` for the models: valid, bounded, handles and links in training form, runs shortened."""
    if not isinstance(text, str):
        text = str(text)
    text = text[: limit * 4]
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = "".join("\ufffd" if "\ud800" <= char <= "\udfff" else char for char in text)
    if "http" in text or "www." in text or "HTTP" in text:
        text = _URL.sub("http", text)
    if "@" in text:
        text = _HANDLE.sub("@user", text)
    text = _REPEAT.sub(r"\1\1\1", text)
    text = _SPACE.sub(" ", text).strip()
    return text[:limit]
