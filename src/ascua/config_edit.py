"""Changing a brand's query in ``ascua.yaml`` from the dashboard or the API (docs/configuration.md).

The file stays the person's: it is read and written back with ruamel.yaml's round trip, so its
comments, order, quoting and ``${SECRET}`` placeholders stay as they were, and only the brand's
``query`` and ``exclude`` change. The new query is compiled first (a mistake is refused with its
position); the whole new file is validated as ``ascua.yaml`` is on start; the old one is kept
beside it (``ascua.yaml.bak``) and the new one replaces it at once (a rename), so a reader never
sees half a file. The running radar matches new posts with the queries it started with: the change
applies from its next start.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import threading
from pathlib import Path

from ascua.config import ConfigError, parse_config
from ascua.query import compile_query

_lock = threading.Lock()


class EditError(ValueError):
    """A change that cannot be made (an unknown brand, a file that cannot be read back)."""


def set_brand_query(path: Path, brand_id: str, query: str, exclude: str | None = None) -> None:
    """Write ``query`` (and ``exclude``; empty or ``None`` removes it) as ``brand_id``'s in the file
    at ``path``. Raises :class:`ascua.query.QueryError` for a query that cannot be read,
    :class:`EditError` otherwise; the file is untouched when anything is wrong."""
    from ruamel.yaml import YAML
    from ruamel.yaml.util import load_yaml_guess_indent

    query = query.strip()
    exclude = (exclude or "").strip() or None
    compile_query(query, exclude)
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long query over two lines
    with _lock:
        original = path.read_bytes()
        try:
            text = original.decode("utf-8")
            # written back with the file's own indentation: a list item's content at ``sequence``
            # spaces, its dash at ``offset``; a mapping's keys that much in from the key above
            _, sequence, offset = load_yaml_guess_indent(text)
            sequence, offset = sequence or 2, offset or 0
            yaml.indent(mapping=max(2, sequence - offset), sequence=sequence, offset=offset)
            document = yaml.load(text)
        except Exception as error:
            raise EditError(f"{path.name} cannot be read back to change it: {error}") from None
        brands = document.get("brands") if hasattr(document, "get") else None
        item = next((entry for entry in brands or [] if hasattr(entry, "get") and entry.get("id") == brand_id), None)
        if item is None:
            raise EditError(f"no brand {brand_id!r} in {path.name}")
        item["query"] = query
        if exclude is None:
            item.pop("exclude", None)
        elif "exclude" in item:
            item["exclude"] = exclude
        else:  # right after the query it qualifies
            item.insert(list(item).index("query") + 1, "exclude", exclude)
        out = io.StringIO()
        yaml.dump(document, out)
        data = out.getvalue().encode("utf-8")
        try:
            config = parse_config(data, path)
        except ConfigError as error:
            raise EditError(f"the changed file would not be valid: {error}") from None
        if next(b for b in config.brands if b.id == brand_id).query != query:
            raise EditError("the changed file does not read back as written")  # pragma: no cover
        shutil.copyfile(path, path.with_name(path.name + ".bak"))
        handle, temporary = tempfile.mkstemp(prefix=".ascua-", suffix=".yaml", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as written:
                written.write(data)
                written.flush()
                os.fsync(written.fileno())
            os.chmod(temporary, path.stat().st_mode & 0o777)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
