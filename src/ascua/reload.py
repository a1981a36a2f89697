"""Brand queries that change while the radar runs.

The radar follows its ``ascua.yaml``: when a brand's ``query`` or ``exclude`` changes in
the file (from the Settings page, the API or an editor), the next batch of posts is
matched with the new query, without a restart. The file is looked at every few seconds
(its size and modification time; it is read only when they change).

- A file with an error changes nothing: the radar keeps matching with what it runs,
  and the log says where the error is.
- Only the queries and exclusions of the brands the radar runs are applied live. Other
  changes (a new brand, a source, a notification target…) apply from the next start;
  the log says so once per change of the file.
- Posts already stored are not matched again: a new query applies to new posts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ascua.config import CONFIG_FILE, BrandConfig, ConfigError, Workspace, WorkspaceConfig, parse_config

log = logging.getLogger(__name__)

WATCH_EVERY = 2.0  # seconds between two looks at ascua.yaml


@dataclass(frozen=True)
class QueryChange:
    """A brand whose query or exclusion the radar now matches with."""

    brand: str
    query: str
    exclude: str | None


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def _without_queries(config: WorkspaceConfig) -> WorkspaceConfig:
    brands = [brand.model_copy(update={"query": "-", "exclude": None}) for brand in config.brands]
    return config.model_copy(update={"brands": brands})


@dataclass
class ConfigWatch:
    """Applies changed brand queries of ``workspace``'s file to the running configuration.

    ``apply`` receives the running brands after a change (the radar rebuilds its matcher
    from them); ``workspace.config`` is replaced too, so the dashboard shows what runs.
    """

    workspace: Workspace
    apply: Callable[[list[BrandConfig]], None] | None = None
    _seen: tuple[int, int] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self._seen = _stamp(self.path)

    @property
    def path(self) -> Path:
        return self.workspace.root / CONFIG_FILE

    def check(self) -> list[QueryChange]:
        """Look at the file once: the changes applied (none when it did not change or has an error)."""
        stamp = _stamp(self.path)
        if stamp is None or stamp == self._seen:
            return []
        self._seen = stamp
        try:
            saved = parse_config(self.path.read_bytes(), self.path)
        except (ConfigError, OSError) as error:
            log.error("%s changed but cannot be used, the radar keeps its running queries: %s", CONFIG_FILE, error)
            return []
        running = self.workspace.config
        by_id = {brand.id: brand for brand in saved.brands}
        changes: list[QueryChange] = []
        brands: list[BrandConfig] = []
        for brand in running.brands:
            new = by_id.get(brand.id)
            if new is not None and (new.query, new.exclude) != (brand.query, brand.exclude):
                brand = brand.model_copy(update={"query": new.query, "exclude": new.exclude})
                changes.append(QueryChange(brand.id, new.query, new.exclude))
            brands.append(brand)
        if _without_queries(saved) != _without_queries(running):
            log.warning(
                "%s changed: brand queries apply now, the other changes from the radar's next start", CONFIG_FILE
            )
        if not changes:
            return []
        if self.apply is not None:
            self.apply(brands)
        self.workspace.config = running.model_copy(update={"brands": brands})
        for change in changes:
            log.info("brand %s: new posts are matched with its new query from now on", change.brand)
        return changes
