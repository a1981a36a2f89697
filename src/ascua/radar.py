"""A workspace opened for work: its database, its brands, and the pipeline built from its config."""

from __future__ import annotations

import gettext
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ascua.aggregate import Aggregator
from ascua.analysis import AnalysisSetup, analysis_stages
from ascua.config import Workspace
from ascua.detect import DetectionStage
from ascua.detect.wave import NAME as DETECTOR_NAME
from ascua.explain.stage import Explainer
from ascua.i18n import language_from_environment, translator
from ascua.model import SourceBatch
from ascua.pipeline import Pipeline
from ascua.respond.alerts import AlertManager
from ascua.respond.escalate import Escalation, Links, PlanSource, signing_key
from ascua.respond.notify import Notifier
from ascua.sources import SourceContext, source_class
from ascua.store.database import Database, open_database
from ascua.store.schema import source_state
from ascua.store.writer import MentionWriter, sync_brands


@dataclass
class Radar:
    workspace: Workspace
    database: Database
    brand_ids: dict[str, int]

    @classmethod
    def open(cls, workspace: Workspace) -> Radar:
        """Open (and migrate) the workspace's database and mirror its brands into it."""
        database = open_database(workspace.database_url)
        with database.engine.begin() as connection:
            brand_ids = sync_brands(connection, workspace.config.brands)
        return cls(workspace, database, brand_ids)

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Radar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def translations(self) -> gettext.NullTranslations:
        """The person's language (``ASCUA_LANG`` or the locale), else the workspace's."""
        return translator(language_from_environment(self.workspace.config.language))

    @property
    def base_url(self) -> str:
        """Where people reach the dashboard: ``web.public_url``, else the address it listens on."""
        web = self.workspace.config.web
        if web.public_url:
            return web.public_url.rstrip("/")
        host = "127.0.0.1" if web.host in ("0.0.0.0", "::") else web.host  # noqa: S104 - a comparison, not a bind
        return f"http://{host}:{web.port}"

    def link(self, alert_id: int) -> str:
        return f"{self.base_url}/alerts/{alert_id}"

    def links(self, base: str | None = None) -> Links:
        """The links in messages (crisis room, acknowledgement), signed with the workspace's key."""
        return Links(base or self.base_url, signing_key(self.database.engine))

    def escalation(self, translations: gettext.NullTranslations, base: str | None = None) -> Escalation:
        """The notifier of the team: the config's targets and the plan's people, recorded and escalated."""
        return Escalation(
            self.database.engine,
            self.workspace.config.alerts,
            PlanSource(self.workspace.plan_path),
            translations,
            self.links(base),
            self.workspace.zone,
        )

    def pipeline(
        self,
        *,
        raw: bool = False,
        brand: str | None = None,
        keep_unmatched: bool = False,
        default_source: str | None = None,
        notifiers: Sequence[Notifier] = (),
        source_kinds: dict[str, str] | None = None,
    ) -> Pipeline:
        """The pipeline for this workspace. ``raw`` stores without matching, analysis or detection."""
        config = self.workspace.config
        setup = self.analysis_setup(raw=raw, brand=brand, keep_unmatched=keep_unmatched, default_source=default_source)
        normalizer, matcher, enricher = analysis_stages(self.workspace, setup)
        writer = MentionWriter(self.brand_ids, source_kinds or self.source_kinds())
        if raw:
            return Pipeline(self.database, normalizer, writer)
        brands = config.brands
        with self.database.engine.connect() as connection:
            aggregator = Aggregator(connection, self.brand_ids, config.pipeline.windows)
        alerts = AlertManager(self.database.engine, self.brand_ids, {b.id: b.name for b in brands}, DETECTOR_NAME)
        detection = DetectionStage(brands, self.translations, scales=config.pipeline.windows, zone=self.workspace.zone)
        detection.restore(alerts.levels())
        return Pipeline(
            self.database,
            normalizer,
            writer,
            matcher=matcher,
            enricher=enricher,
            aggregator=aggregator,
            detection=detection,
            alerts=alerts,
            notifiers=list(notifiers),
            explainer=Explainer(self.database.engine, {b.id: b.name for b in brands}),
        )

    def analysis_setup(
        self,
        *,
        raw: bool = False,
        brand: str | None = None,
        keep_unmatched: bool = False,
        default_source: str | None = None,
    ) -> AnalysisSetup:
        return AnalysisSetup(str(self.workspace.root), raw, brand, keep_unmatched, default_source)

    def source_kinds(self) -> dict[str, str]:
        return {source.name: source.type for source in self.workspace.config.sources}

    def cursors(self) -> dict[str, dict[str, Any] | None]:
        with self.database.engine.connect() as connection:
            return {
                row.name: row.cursor for row in connection.execute(select(source_state.c.name, source_state.c.cursor))
            }

    def feeds(
        self, only: Sequence[str] = (), overrides: dict[str, dict[str, Any]] | None = None
    ) -> dict[str, AsyncIterator[SourceBatch]]:
        """The enabled sources of the config, each resuming from its saved cursor.

        ``overrides`` replaces options of every source of a type (``{"scenario": {"speed": 120}}``).
        """
        config = self.workspace.config
        context = SourceContext(
            zone=self.workspace.zone, batch_size=config.pipeline.batch_size, brands=tuple(config.brands)
        )
        cursors = self.cursors()
        feeds = {}
        for source in config.sources:
            if not source.enabled or (only and source.name not in only):
                continue
            plugin = source_class(source.type)
            options = plugin.Options.model_validate({**source.options, **(overrides or {}).get(source.type, {})})
            feeds[source.name] = plugin(source.name, options, context).batches(cursors.get(source.name))
        return feeds
