"""Brand queries and notification targets that change while the radar runs.

The radar follows its ``ascua.yaml``: when a brand's ``query`` or ``exclude`` changes in
the file (from the Settings page, the API or an editor), the next batch of posts is
matched with the new query, without a restart; when ``alerts.targets`` changes, the next
notification goes to the new targets. The file is looked at every few seconds (its size
and modification time; it is read only when they change).

- A file with an error changes nothing: the radar keeps what it runs, and the log says
  where the error is.
- Only the queries and exclusions of the brands the radar runs and the targets are applied
  live. Other changes (a new brand, a source switched on or off…) apply from the next
  start; the log says so once per change of the file.
- Posts already stored are not matched again: a new query applies to new posts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ascua.config import CONFIG_FILE, AlertsConfig, BrandConfig, ConfigError, Workspace, WorkspaceConfig, parse_config

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


@dataclass
class Applied:
    """What one look at the file changed in the running radar."""

    queries: list[QueryChange] = field(default_factory=list)
    targets: list[str] | None = None  # the targets' names, when they changed

    def __bool__(self) -> bool:
        return bool(self.queries) or self.targets is not None


def _without_live(config: WorkspaceConfig) -> WorkspaceConfig:
    """``config`` without what is applied live (to tell whether anything else changed)."""
    brands = [brand.model_copy(update={"query": "-", "exclude": None}) for brand in config.brands]
    alerts = config.alerts.model_copy(update={"targets": []})
    return config.model_copy(update={"brands": brands, "alerts": alerts})


@dataclass
class ConfigWatch:
    """Applies changed brand queries and targets of ``workspace``'s file to the running configuration.

    ``apply`` receives the running brands after a change of a query (the radar rebuilds its
    matcher from them), ``apply_alerts`` the alerts section after a change of the targets;
    ``workspace.config`` is replaced too, so the dashboard shows what runs.
    """

    workspace: Workspace
    apply: Callable[[list[BrandConfig]], None] | None = None
    apply_alerts: Callable[[AlertsConfig], None] | None = None
    _seen: tuple[int, int] | None = field(default=None, init=False)  # the first look reads the file

    @property
    def path(self) -> Path:
        return self.workspace.root / CONFIG_FILE

    def check(self) -> Applied:
        """Look at the file once: what was applied (nothing when it did not change or has an error)."""
        stamp = _stamp(self.path)
        if stamp is None or stamp == self._seen:
            return Applied()
        self._seen = stamp
        try:
            saved = parse_config(self.path.read_bytes(), self.path)
        except (ConfigError, OSError) as error:
            log.error("%s changed but cannot be used, the radar keeps what it runs: %s", CONFIG_FILE, error)
            return Applied()
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
        if _without_live(saved) != _without_live(running):
            log.warning(
                "%s changed: brand queries and targets apply now, the other changes from the radar's next start",
                CONFIG_FILE,
            )
        applied = Applied(changes)
        alerts = running.alerts
        if saved.alerts.targets != running.alerts.targets:
            alerts = running.alerts.model_copy(update={"targets": saved.alerts.targets})
            applied.targets = [target.name for target in alerts.targets]
            if self.apply_alerts is not None:
                self.apply_alerts(alerts)
            log.info("notification targets from now on: %s", ", ".join(applied.targets) or "none")
        if changes and self.apply is not None:
            self.apply(brands)
        if applied:
            self.workspace.config = running.model_copy(update={"brands": brands, "alerts": alerts})
        for change in changes:
            log.info("brand %s: new posts are matched with its new query from now on", change.brand)
        return applied
