"""Changing ``ascua.yaml`` from the dashboard or the API (docs/configuration.md): a brand's query,
a source switched on or off, the notification targets.

The file stays the person's: it is read and written back with ruamel.yaml's round trip, so its
comments, order, quoting and ``${SECRET}`` placeholders stay as they were, and only what is
changed changes. A new query is compiled first (a mistake is refused with its position); the
whole new file is validated as ``ascua.yaml`` is on start; the old one is kept beside it
(``ascua.yaml.bak``) and the new one replaces it at once (a rename), so a reader never sees half
a file. A running radar follows the file (:mod:`ascua.reload`): brand queries and notification
targets apply within seconds, a source switched on or off from its next start.
"""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ascua.config import ConfigError, WorkspaceConfig, parse_config
from ascua.query import compile_query

_lock = threading.Lock()
LEVELS = ("watch", "incident", "crisis")
_NAME = re.compile(r"^[\w .:@-]{1,64}$")


class EditError(ValueError):
    """A change that cannot be made (an unknown brand, a file that cannot be read back)."""


def _edit(path: Path, change: Callable[[Any], None], check: Callable[[WorkspaceConfig], None] | None = None) -> None:
    """Load ``path`` (round trip), apply ``change`` to the document, validate and replace the file."""
    from ruamel.yaml import YAML
    from ruamel.yaml.util import load_yaml_guess_indent

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
        if not hasattr(document, "get"):
            raise EditError(f"{path.name} is not a mapping")
        change(document)
        out = io.StringIO()
        yaml.dump(document, out)
        data = out.getvalue().encode("utf-8")
        try:
            config = parse_config(data, path)
        except ConfigError as error:
            raise EditError(f"the changed file would not be valid: {error}") from None
        if check is not None:
            check(config)
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


def _item(document: Any, section: str, key: str, value: str, what: str, path: Path) -> Any:
    items = document.get(section) or []
    found = next((entry for entry in items if hasattr(entry, "get") and entry.get(key) == value), None)
    if found is None:
        raise EditError(f"no {what} {value!r} in {path.name}")
    return found


def set_brand_query(path: Path, brand_id: str, query: str, exclude: str | None = None) -> None:
    """Write ``query`` (and ``exclude``; empty or ``None`` removes it) as ``brand_id``'s in the file
    at ``path``. Raises :class:`ascua.query.QueryError` for a query that cannot be read,
    :class:`EditError` otherwise; the file is untouched when anything is wrong."""
    query = query.strip()
    exclude = (exclude or "").strip() or None
    compile_query(query, exclude)

    def change(document: Any) -> None:
        item = _item(document, "brands", "id", brand_id, "brand", path)
        item["query"] = query
        if exclude is None:
            item.pop("exclude", None)
        elif "exclude" in item:
            item["exclude"] = exclude
        else:  # right after the query it qualifies
            item.insert(list(item).index("query") + 1, "exclude", exclude)

    def check(config: WorkspaceConfig) -> None:
        if next(b for b in config.brands if b.id == brand_id).query != query:
            raise EditError("the changed file does not read back as written")  # pragma: no cover

    _edit(path, change, check)


def set_source_enabled(path: Path, name: str, enabled: bool) -> None:
    """Switch the source ``name`` on or off (its other options stay as they are)."""

    def change(document: Any) -> None:
        item = _item(document, "sources", "name", name, "source", path)
        if enabled and "enabled" not in item:
            return  # on is the default
        if "enabled" in item:
            item["enabled"] = enabled
        else:
            item.insert(list(item).index("type") + 1 if "type" in item else len(item), "enabled", enabled)

    _edit(path, change)


def check_target_url(url: str) -> None:
    """An Apprise URL Apprise can use, or a ``${NAME}`` placeholder; the error never repeats the URL."""
    url = url.strip()
    if re.fullmatch(r"\$\{[A-Za-z_][A-Za-z0-9_]*\}", url):
        name = url[2:-1]
        if name not in os.environ:
            raise EditError(f"the environment variable {name} is not set where the radar runs")
        url = os.environ[name]
    import apprise

    _quiet.checking = True  # Apprise logs the URL it cannot read: not here, it is a secret
    try:
        usable = "://" in url and apprise.Apprise.instantiate(url) is not None
    finally:
        _quiet.checking = False
    if not usable:
        scheme = url.split("://", 1)[0] if "://" in url else ""
        known = f" ({scheme}:// is not one Apprise knows)" if scheme and len(scheme) < 20 else ""
        raise EditError(
            "the address is not an Apprise URL Ascua can send to"
            + known
            + ": for example mailto://, json://, slack:// or tgram:// (https://github.com/caronc/apprise/wiki)"
        )


class _Quiet(logging.Filter):
    def __init__(self) -> None:
        super().__init__()
        self.local = threading.local()

    @property
    def checking(self) -> bool:
        return bool(getattr(self.local, "checking", False))

    @checking.setter
    def checking(self, value: bool) -> None:
        self.local.checking = value

    def filter(self, record: logging.LogRecord) -> bool:
        return not self.checking


_quiet = _Quiet()
logging.getLogger("apprise").addFilter(_quiet)


def set_target(path: Path, name: str, url: str | None, min_level: str, *, new: bool = False) -> None:
    """Add the notification target ``name`` (``new``) or change it: its level, and its URL unless
    ``url`` is empty (a URL is a secret: it is written, never read back to the person)."""
    name = name.strip()
    if not _NAME.match(name):
        raise EditError("a target's name is 1 to 64 letters, digits, spaces or . : @ _ -")
    if min_level not in LEVELS:
        raise EditError("the level is one of watch, incident, crisis")
    url = (url or "").strip() or None
    if url is not None:
        check_target_url(url)
    elif new:
        raise EditError("a new target needs its address (an Apprise URL)")

    def change(document: Any) -> None:
        alerts = document.get("alerts")
        if alerts is None:
            from ruamel.yaml.comments import CommentedMap

            alerts = document["alerts"] = CommentedMap()
        targets = alerts.get("targets")
        if targets is None:
            from ruamel.yaml.comments import CommentedSeq

            targets = alerts["targets"] = CommentedSeq()
        found = next((t for t in targets if hasattr(t, "get") and t.get("name") == name), None)
        if new:
            if found is not None:
                raise EditError(f"there is already a target {name!r}")
            from ruamel.yaml.comments import CommentedMap

            item = CommentedMap()
            item["name"], item["url"], item["min_level"] = name, url, min_level
            targets.append(item)
            targets.fa.set_block_style()  # "targets: []" becomes a list of items, one per line
            return
        if found is None:
            raise EditError(f"no target {name!r} in {path.name}")
        if url is not None:
            found["url"] = url
        found["min_level"] = min_level

    _edit(path, change)


def remove_target(path: Path, name: str) -> None:
    """Remove the notification target ``name``."""

    def change(document: Any) -> None:
        targets = (document.get("alerts") or {}).get("targets") or []
        for index, target in enumerate(targets):
            if hasattr(target, "get") and target.get("name") == name:
                del targets[index]
                return
        raise EditError(f"no target {name!r} in {path.name}")

    _edit(path, change)
