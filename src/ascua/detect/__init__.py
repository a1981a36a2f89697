"""detect: each brand's detector state, fed with window counts, emitting level changes."""

from __future__ import annotations

import gettext
from collections.abc import Iterable
from datetime import datetime, tzinfo
from importlib.metadata import entry_points

from ascua.config import BrandConfig
from ascua.detect.base import Detector, DetectorFactory
from ascua.model import Assessment, Level, WindowStats

DEFAULT_DETECTOR = "wave"


def detector_factory(name: str = DEFAULT_DETECTOR) -> DetectorFactory:
    """The detector registered as ``name`` in the ``ascua.detectors`` entry points."""
    for entry in entry_points(group="ascua.detectors"):
        if entry.name == name:
            factory: DetectorFactory = entry.load()
            return factory
    known = ", ".join(sorted(e.name for e in entry_points(group="ascua.detectors"))) or "none installed"
    raise LookupError(f"no detector named {name!r} (known: {known})")


class DetectionStage:
    """Runs every brand's detector; returns the assessments that change a level."""

    def __init__(
        self,
        brands: Iterable[BrandConfig],
        translations: gettext.NullTranslations,
        factory: DetectorFactory | None = None,
        *,
        scales: Iterable[int] = (300, 3600, 86400),
        zone: tzinfo | None = None,
    ):
        make = factory or detector_factory()
        windows = tuple(scales)
        self.detectors: dict[str, Detector] = {
            brand.id: make(brand.id, brand.name, brand.detection, translations, scales=windows, zone=zone)
            for brand in brands
        }
        self._all = tuple(self.detectors.values())

    def restore(self, levels: dict[str, Level]) -> None:
        for brand, level in levels.items():
            if brand in self.detectors:
                self.detectors[brand].restore(level)

    def process(self, windows: list[WindowStats], watermark: datetime | None) -> list[Assessment]:
        changes: list[Assessment] = []
        # In the order their latest posts arrived: a day window holding a whole imported batch
        # is judged after the five-minute windows of the batch's first hours, not before them;
        # windows that end on the same post go longest first, so a short window that raises
        # the level finds the longer ones (and their signs of coordination) up to date.
        detectors = self.detectors
        for stats in sorted(windows, key=_arrival) if len(windows) > 1 else windows:
            detector = detectors.get(stats.brand)
            if detector is not None:
                change = detector.update(stats)
                if change is not None:
                    changes.append(change)
        if watermark is not None:
            for detector in self._all:
                change = detector.advance(watermark)
                if change is not None:
                    changes.append(change)
        return changes


def _arrival(stats: WindowStats) -> tuple[datetime, int]:
    return (stats.last_at or stats.start, -stats.scale)


__all__ = ["DetectionStage", "Detector", "detector_factory"]
