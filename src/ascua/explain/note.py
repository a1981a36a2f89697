"""Notes: what an explanation says in words (why a post is an origin, what it could not tell).

A note keeps its English ``message`` with ``{named}`` parameters and the English
``text``: scripts read ``text``; people read ``message`` translated, then filled in.

>>> n = note("{count} posts repeat the same text", count=12)
>>> n.text, say(n.as_json(), str)
('12 posts repeat the same text', '12 posts repeat the same text')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class Note:
    message: str
    params: dict[str, Any]
    text: str

    def as_json(self) -> dict[str, Any]:
        return {"message": self.message, "params": self.params, "text": self.text}


def note(message: str, **params: Any) -> Note:
    return Note(message, params, message.format(**params))


def say(item: Any, gettext: Callable[[str], str]) -> str:
    """A stored note in the reader's language (a plain string is shown as it is)."""
    if isinstance(item, dict) and isinstance(item.get("message"), str):
        try:
            return gettext(item["message"]).format(**(item.get("params") or {}))
        except (KeyError, IndexError, ValueError):
            return str(item.get("text") or item["message"])
    return str(item)
