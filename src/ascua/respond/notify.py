"""Notifiers: where alert events go. The console here; the team (Apprise targets and the
plan's people, with escalation) in :mod:`ascua.respond.escalate`.

A notifier takes an :class:`~ascua.model.AlertEvent`.
"""

from __future__ import annotations

import gettext
import logging
from collections.abc import Callable
from datetime import UTC, tzinfo
from typing import Protocol

from rich.console import Console
from rich.text import Text

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
