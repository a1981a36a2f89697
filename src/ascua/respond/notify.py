"""Notifiers: where alert events go. The console, and every Apprise target in the config.

A notifier takes an :class:`~ascua.model.AlertEvent`. A failing target never blocks
the others and never shows its URL (it may hold a token) in a log or message.
"""

from __future__ import annotations

import gettext
import logging
from collections.abc import Callable
from datetime import UTC, tzinfo
from typing import Protocol

from rich.console import Console
from rich.text import Text

from ascua.config import AlertTarget
from ascua.explain.text import short_form
from ascua.model import AlertEvent, Level

log = logging.getLogger(__name__)

_STYLE = {Level.NORMAL: "green", Level.WATCH: "yellow", Level.INCIDENT: "bold red", Level.CRISIS: "bold white on red"}
_ARROW = {"opened": "▲", "escalated": "▲", "deescalated": "▼", "resolved": "✓"}


class Notifier(Protocol):
    def notify(self, event: AlertEvent) -> None: ...


def alert_title(event: AlertEvent, _: Callable[[str], str]) -> str:
    change = {
        "opened": _("opened"),
        "escalated": _("escalated"),
        "deescalated": _("de-escalated"),
        "resolved": _("resolved"),
    }[event.change]
    return _("{level} · {brand} · alert #{id} {change}").format(
        level=_(event.level.label).upper(), brand=event.brand_name, id=event.alert_id, change=change
    )


class ConsoleNotifier:
    """Prints each alert event as it fires, with the link to its page."""

    def __init__(
        self,
        console: Console,
        translations: gettext.NullTranslations,
        link: Callable[[int], str] | None,
        zone: tzinfo = UTC,
    ):
        self.console = console
        self.zone = zone
        self._ = translations.gettext
        self.link = link

    def notify(self, event: AlertEvent) -> None:
        _ = self._
        line = Text()
        line.append(f"{_ARROW[event.change]} ", style=_STYLE[event.level])
        line.append(alert_title(event, _), style=_STYLE[event.level])
        local = event.at.astimezone(self.zone)
        line.append(f"  [{local:%Y-%m-%d %H:%M} {local.tzname()}]", style="dim")
        self.console.print(line)
        self.console.print(Text("  " + event.reason))
        if event.explanation is not None:
            for text in short_form(event.explanation, _, self.zone):
                self.console.print(Text("  " + text, style="dim"))
        if self.link is not None:
            self.console.print(Text("  " + self.link(event.alert_id), style="cyan"))


class AppriseNotifier:
    """Sends alert events to the config's Apprise targets at or above their level."""

    def __init__(
        self,
        targets: list[AlertTarget],
        translations: gettext.NullTranslations,
        link: Callable[[int], str] | None,
        zone: tzinfo = UTC,
    ):
        self.targets = targets
        self._ = translations.gettext
        self.link = link
        self.zone = zone

    def notify(self, event: AlertEvent) -> None:
        import apprise

        _ = self._
        peak = max(event.level, event.previous)
        body = event.reason
        if event.explanation is not None:
            body += "\n\n" + "\n".join(short_form(event.explanation, _, self.zone))
        body += f"\n\n{self.link(event.alert_id)}" if self.link else ""
        for target in self.targets:
            if peak < Level.parse(target.min_level):
                continue
            sender = apprise.Apprise()
            if not sender.add(target.url):
                log.error("alert target %r: its URL is not a valid Apprise URL", target.name)
                continue
            try:
                delivered = sender.notify(title=f"[Ascua] {alert_title(event, _)}", body=body)
            except Exception as error:  # a broken target must not stop the radar or the other targets
                log.error("alert target %r failed: %s", target.name, type(error).__name__)
                continue
            if not delivered:
                log.error("alert target %r did not accept alert #%s", target.name, event.alert_id)
