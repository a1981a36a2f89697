"""The detector interface: one small, uniform seam (in the spirit of river's ``learn_one``).

A detector follows one brand. It receives that brand's window counts as they change
(:meth:`Detector.update`) and the passing of time (:meth:`Detector.advance`), and
answers with an :class:`~ascua.model.Assessment` whenever the brand's level changes.
It never looks ahead: a verdict uses only what has arrived.
"""

from __future__ import annotations

import gettext
from datetime import datetime, tzinfo
from typing import Protocol

from ascua.config import DetectionSettings
from ascua.model import Assessment, Level, WindowStats


class Detector(Protocol):
    name: str
    level: Level

    def update(self, stats: WindowStats) -> Assessment | None:
        """Take a window's new counts; return an assessment if the level changes."""

    def advance(self, now: datetime) -> Assessment | None:
        """Time has reached ``now`` (event time); close what ended and maybe calm down."""

    def restore(self, level: Level) -> None:
        """Start from ``level`` (an alert still open when the radar restarted)."""


class DetectorFactory(Protocol):
    def __call__(
        self,
        brand: str,
        brand_name: str,
        settings: DetectionSettings,
        translations: gettext.NullTranslations,
        *,
        scales: tuple[int, ...],
        zone: tzinfo | None,
    ) -> Detector:
        """A detector for one brand, judging the windows of ``scales`` seconds in local time ``zone``."""
        ...
