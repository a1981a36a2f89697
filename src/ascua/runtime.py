"""``ascua run`` and ``ascua serve``: the radar in one process, with its dashboard, until stopped.

The first SIGINT or SIGTERM stops the sources and lets every batch already collected
reach the database (cursors included), then the process exits; a second one exits at
once, losing at most the batches not yet committed (which the sources will send again).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import time
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from rich.console import Console
from rich.text import Text

from ascua import __version__
from ascua.config import AlertsConfig, BrandConfig
from ascua.deep_tier import DeepAnalysisWorker
from ascua.pipeline import EmbeddedRunner, Outcome, Pipeline
from ascua.radar import Radar
from ascua.respond.escalate import Escalation
from ascua.respond.notify import ConsoleNotifier, Notifier
from ascua.respond.plan import Readiness
from ascua.store.lock import writer_lock

T = TypeVar("T")
log = logging.getLogger(__name__)
STATUS_EVERY = 30.0
TICK_EVERY = 15.0  # seconds between escalation checks and message retries
FIRST_STATUS = 5.0


def run_until_stopped(make: Callable[[asyncio.Event], Awaitable[T]], *, on_stop: Callable[[], None] | None = None) -> T:
    """Run ``make(stop)`` in a new event loop; SIGINT/SIGTERM set ``stop``, a second one exits at once."""

    async def main() -> T:
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        hits = 0

        def on_signal() -> None:
            nonlocal hits
            hits += 1
            if hits > 1:
                os._exit(130)
            if on_stop is not None:
                on_stop()
            stop.set()

        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, on_signal)
        try:
            return await make(stop)
        finally:
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(sig)

    return asyncio.run(main())


class RadarRun:
    """One run of the radar (``collect=False``: the dashboard alone, as ``ascua serve``)."""

    def __init__(
        self,
        radar: Radar,
        out: Console,
        err: Console,
        *,
        web: bool = True,
        host: str | None = None,
        port: int | None = None,
        only: list[str] | None = None,
        duration: float | None = None,
        collect: bool = True,
        overrides: dict[str, dict[str, Any]] | None = None,
    ):
        self.radar = radar
        self.out = out
        self.err = err
        self.web = (web and radar.workspace.config.web.enabled) or (web and not collect)
        self.host = host or radar.workspace.config.web.host
        self.port = radar.workspace.config.web.port if port is None else port
        self.only = only or []
        self.duration = duration
        self.collect = collect
        self.overrides = overrides or {}
        self.url: str | None = None
        self.deep: DeepAnalysisWorker | None = None
        self.escalation: Escalation | None = None
        self._readiness_day: date | None = None
        self._stored = 0
        self._data_time: datetime | None = None
        self._last_status = time.monotonic() - STATUS_EVERY + FIRST_STATUS

    def start(self) -> int:
        _ = self.radar.translations.gettext
        server = None
        if self.web:
            from ascua.web.server import WebServer, WebServerError

            try:
                server = WebServer(self.radar.workspace, self.radar.database, self.host, self.port, shown=self._shown)
                self.url = server.start()
            except WebServerError as error:
                self.err.print(Text(_("error: {message}").format(message=error), style="red"))
                return 2
        try:
            self._banner()
            if not self.collect:
                run_until_stopped(self._serve, on_stop=self._stopping)
                return 0
            with writer_lock(self.radar.database):
                return run_until_stopped(self._run, on_stop=self._stopping)
        finally:
            if server is not None:
                server.stop()

    def _banner(self) -> None:
        _ = self.radar.translations.gettext
        config = self.radar.workspace.config
        self.out.print(Text(f"Ascua {__version__} — {config.name}", style="bold"))
        self.out.print(
            Text(
                _("Workspace: {path}  ·  database: {url}").format(
                    path=self.radar.workspace.root, url=self.radar.database.url
                )
            )
        )
        brands = ", ".join(brand.name for brand in config.brands) or _("none (add brands to ascua.yaml)")
        self.out.print(Text(_("Brands: {names}").format(names=brands)))
        if self.collect:
            sources = [s for s in config.sources if s.enabled and (not self.only or s.name in self.only)]
            listed = ", ".join(f"{s.name} ({s.type})" for s in sources) or _("none enabled")
            self.out.print(Text(_("Sources: {names}").format(names=listed)))
        self._plan_readiness()
        if self.url:
            self.out.print(Text(_("Dashboard: {url}").format(url=self.url), style="bold cyan"))
            self._first_admin()
        self.out.print(_("Press Ctrl-C to stop."))

    def _first_admin(self) -> None:
        """While no account exists, say how to make the first admin: on a terminal, with a
        one-time link (valid 24 h); elsewhere (a service's log) only with the command."""
        from ascua.accounts import has_accounts, setup_secret

        _ = self.radar.translations.gettext
        engine = self.radar.database.engine
        if has_accounts(engine):
            return
        command = "ascua users add NAME --role admin --workspace " + str(self.radar.workspace.root)
        secret = setup_secret(engine) if self.out.is_terminal else None
        if secret and self.url:
            self.out.print(Text(_("No account yet. Create the first admin here (the link works once, for 24 h):"),
                                style="yellow"))  # fmt: skip
            self.out.print(Text(f"  {self.url}setup/{secret}", style="bold yellow"))
            self.out.print(Text(_("or in a terminal: {command}").format(command=command), style="dim"))
        else:
            self.out.print(Text(_("No account yet: create the first admin with {command}").format(command=command),
                                style="yellow"))  # fmt: skip

    def _plan_readiness(self) -> None:
        """One line on the crisis plan: its readiness, or what is wrong with it (the radar runs anyway)."""
        from ascua.config import ConfigError
        from ascua.respond.plan import remember_readiness, workspace_readiness

        _ = self.radar.translations.gettext
        workspace = self.radar.workspace
        try:
            report = workspace_readiness(workspace, datetime.now(workspace.zone).date())
        except ConfigError as error:
            self.out.print(Text(_("Crisis plan: {error}").format(error=error), style="yellow"))
            return
        before = remember_readiness(self.radar.database.engine, report)
        self._readiness_day = datetime.now(workspace.zone).date()
        critical = sum(1 for finding in report.findings if finding.severity == "critical")
        line = _("Crisis plan: readiness {score}/100").format(score=report.score)
        if report.findings:
            line += " · " + _("{count} to fix ({critical} critical): ascua plan check").format(
                count=len(report.findings), critical=critical
            )
        self.out.print(Text(line, style="yellow" if critical or report.score < 70 else ""))
        self._readiness_dropped(report, before)

    def _readiness_watch(self) -> None:
        """Once a day while the radar runs: warn when the plan's readiness dropped since last time."""
        from ascua.config import ConfigError
        from ascua.respond.plan import remember_readiness, workspace_readiness

        workspace = self.radar.workspace
        today = datetime.now(workspace.zone).date()
        if self._readiness_day == today:
            return
        self._readiness_day = today
        try:
            report = workspace_readiness(workspace, today)
        except ConfigError as error:
            log.error("the crisis plan has an error: %s", error)
            return
        self._readiness_dropped(report, remember_readiness(self.radar.database.engine, report))

    def _readiness_dropped(self, report: Readiness, before: Readiness | None) -> None:
        """Warn when the plan is less ready than when the radar last looked, with what is new."""
        if before is None or report.score >= before.score:
            return
        _ = self.radar.translations.gettext
        line = _("Crisis plan: readiness dropped from {before} to {score}/100: ascua plan check")
        self.out.print(Text(line.format(before=before.score, score=report.score), style="yellow"))
        known = {(finding.field, finding.problem) for finding in before.findings}
        for finding in report.findings:
            if (finding.field, finding.problem) not in known:
                self.out.print(Text("  · " + finding.said(_)[0], style="yellow"))

    def _shown(self, mention_ids: list[int]) -> None:
        """The dashboard showed these posts to a person: the deep tier reads them first."""
        if self.deep is not None:
            self.deep.request(mention_ids)

    def _stopping(self) -> None:
        _ = self.radar.translations.gettext
        if self.deep is not None:
            self.deep.request_stop()  # no new deep batch while the stream flushes
        self.err.print(_("Stopping: storing what was collected…") if self.collect else _("Stopping."))

    async def _serve(self, stop: asyncio.Event) -> None:
        """The dashboard alone: it shows the queries saved in ascua.yaml as the running ones."""
        watcher = asyncio.create_task(self._watch_config(stop), name="config-watch")
        try:
            await self._wait(stop)
        finally:
            watcher.cancel()

    async def _watch_config(self, stop: asyncio.Event, pipeline: Pipeline | None = None) -> None:
        """Follow ascua.yaml: a brand's changed query matches the next batch (:mod:`ascua.reload`)."""
        from ascua.reload import WATCH_EVERY, ConfigWatch

        def rematch(brands: list[BrandConfig]) -> None:
            if pipeline is not None and pipeline.matcher is not None:
                pipeline.matcher = pipeline.matcher.with_brands(brands)

        def retarget(alerts: AlertsConfig) -> None:
            if self.escalation is not None:
                self.escalation.alerts = alerts

        watch = ConfigWatch(self.radar.workspace, rematch, retarget)
        _ = self.radar.translations.gettext
        while not stop.is_set():
            try:
                applied = await asyncio.to_thread(watch.check)
                for change in applied.queries:
                    line = _("Brand {brand}: new posts are matched with its new query.").format(brand=change.brand)
                    self.out.print(Text(line, style="cyan"))
                if applied.targets is not None:
                    names = ", ".join(applied.targets) or "—"
                    self.out.print(
                        Text(_("Notification targets from now on: {names}").format(names=names), style="cyan")
                    )
            except Exception:  # a bad moment to read the file must not stop the radar
                log.exception("looking at ascua.yaml failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), WATCH_EVERY)

    async def _wait(self, stop: asyncio.Event) -> None:
        if self.duration is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.duration)
        else:
            await stop.wait()

    def _notifiers(self) -> list[Notifier]:
        translations = self.radar.translations
        link = self.radar.link if self.url is None else (lambda alert_id: f"{self.url.rstrip('/')}/alerts/{alert_id}")
        notifiers: list[Notifier] = []
        config = self.radar.workspace.config
        if config.alerts.console:
            notifiers.append(ConsoleNotifier(self.out, translations, link, self.radar.workspace.zone))
        self.escalation = self.radar.escalation(translations, self.url)
        notifiers.append(self.escalation)
        return notifiers

    async def _tick(self, stop: asyncio.Event) -> None:
        """Escalate unacknowledged alerts and retry failed messages while the radar runs."""
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), TICK_EVERY)
            try:
                if self.escalation is not None:
                    await asyncio.to_thread(self.escalation.tick)
                await asyncio.to_thread(self._readiness_watch)
                await asyncio.to_thread(self._digest_watch)
            except Exception:  # the clock of escalations must not stop the radar
                log.exception("escalation tick failed")

    def _digest_watch(self) -> None:
        """Send yesterday's digest once a day, at ``alerts.digest_at`` (docs/community.md)."""
        from sqlalchemy import select

        from ascua.digest import digest_due, send_digests
        from ascua.respond.escalate import PlanSource
        from ascua.store.schema import setting

        workspace = self.radar.workspace
        at = workspace.config.alerts.digest_at
        if at is None:
            return
        now = datetime.now(workspace.zone)
        engine = self.radar.database.engine
        with engine.connect() as connection:
            last = connection.execute(select(setting.c.value).where(setting.c.key == "digest_sent")).scalar()
        if not digest_due(now, at, last):
            return
        plan = PlanSource(workspace.plan_path).get()
        yesterday = now.date() - timedelta(days=1)
        report = send_digests(engine, workspace, plan, yesterday, self.radar.translations.gettext, today=now.date())
        _ = self.radar.translations.gettext
        for failure in report["failed"]:
            self.err.print(Text(_("daily digest not sent to {to}: {error}").format(**failure), style="yellow"))

    async def _run(self, stop: asyncio.Event) -> int:
        _ = self.radar.translations.gettext
        feeds = self.radar.feeds(self.only, self.overrides)
        if not feeds:
            self.err.print(_("No source is enabled: add one under 'sources' in ascua.yaml. Serving what is stored."))
            await self._serve(stop)
            return 0
        pipeline = self.radar.pipeline(notifiers=self._notifiers())
        ticker = asyncio.create_task(self._tick(stop), name="escalation")
        watcher = asyncio.create_task(self._watch_config(stop, pipeline), name="config-watch")
        config = self.radar.workspace.config
        runner = EmbeddedRunner(pipeline, queue_size=config.pipeline.queue_size, on_outcome=self._progress)
        self.deep = pipeline.deep = DeepAnalysisWorker.for_radar(self.radar, pipeline)
        if self.deep is not None:
            self.deep.start()
        timer = None
        if self.duration is not None:
            timer = asyncio.get_running_loop().call_later(self.duration, stop.set)
        try:
            stats = await runner.run(feeds, stop)
        finally:
            ticker.cancel()
            watcher.cancel()
            if timer is not None:
                timer.cancel()
            if self.deep is not None:  # after the stream's last batch: the deep batch in hand is written or dropped
                await asyncio.to_thread(self.deep.stop)
        for name, error in stats.source_errors.items():
            self.err.print(Text(_("source {name} stopped: {error}").format(name=name, error=error), style="red"))
        self.out.print(
            _("Stopped. {new} new mentions stored in this run ({dup} already stored).").format(
                new=f"{stats.inserted:,}", dup=f"{stats.duplicates:,}"
            )
        )
        return 1 if stats.source_errors and len(stats.source_errors) == len(feeds) else 0

    def _progress(self, outcome: Outcome) -> None:
        self._stored += outcome.stored.inserted
        if outcome.stored.watermark is not None:
            self._data_time = outcome.stored.watermark
        now = time.monotonic()
        if now - self._last_status >= STATUS_EVERY:
            self._last_status = now
            _ = self.radar.translations.gettext
            when = f"{self._data_time:%Y-%m-%d %H:%M} UTC" if self._data_time else "—"
            self.out.print(
                Text(
                    _("· data up to {when} · {n} new mentions stored so far").format(when=when, n=f"{self._stored:,}"),
                    style="dim",
                )
            )
