"""The texts ``ascua analyze`` reads: arguments, standard input, a text file, or JSONL with a ``text`` field.

Each item is a text or, for an input line that cannot be one, a problem that names
where it is; the output keeps one object per input item, in order.

>>> import io
>>> items = list(read_texts(io.StringIO('{"text": "hola"}\\n{"id": 3}\\n'), "in.jsonl", jsonl=None))
>>> items[0].text, items[1].problem
('hola', 'in.jsonl:2: no "text" field')
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

import orjson


@dataclass(frozen=True, slots=True)
class InputText:
    text: str | None
    origin: str
    problem: str | None = None


def read_texts(stream: IO[str], name: str, *, jsonl: bool | None) -> Iterator[InputText]:
    """Items of a stream, one per line. ``jsonl=None`` decides from the first non-empty line."""
    for number, line in enumerate(stream, 1):
        line = line.rstrip("\r\n")
        origin = f"{name}:{number}"
        if jsonl is None and line.strip():
            jsonl = line.lstrip().startswith("{")
        if not jsonl:
            yield InputText(line, origin)
            continue
        if not line.strip():
            continue
        try:
            item = orjson.loads(line)
        except orjson.JSONDecodeError as error:
            yield InputText(None, origin, f"{origin}: not valid JSON ({error.msg})")
            continue
        if not isinstance(item, dict) or "text" not in item:
            yield InputText(None, origin, f'{origin}: no "text" field')
            continue
        text = item["text"]
        if not isinstance(text, str):
            yield InputText(None, origin, f'{origin}: "text" is not a string')
            continue
        yield InputText(text, origin)
