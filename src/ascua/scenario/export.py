"""``ascua scenario export``: scenario mentions as a JSONL file in Ascua's mention schema."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

import orjson

from ascua.scenario.generator import BASE_RATE, Scenario, ScenarioSpec, WaveTruth, default_waves


@dataclass(frozen=True)
class ExportResult:
    count: int
    first: datetime
    last: datetime
    truth: list[WaveTruth]


def export(
    count: int,
    *,
    seed: int,
    start: datetime,
    rate: float = 1.0,
    waves: bool = True,
    out: Path | BinaryIO,
    brands: tuple[str, ...] = ("vuelaya", "frutalia", "conectia"),
) -> ExportResult:
    """Write ``count`` mentions of ``brands`` from ``start`` on; waves placed about every nine days
    when ``waves``."""
    unknown = [name for name in brands if name not in BASE_RATE]
    if unknown or not brands:
        raise ValueError(
            f"unknown scenario brands: {', '.join(unknown) or 'none given'} (known: {', '.join(BASE_RATE)})"
        )
    per_day = sum(BASE_RATE[brand] for brand in brands) * 24 * rate
    days = count / per_day * 1.1 + 1
    spec = ScenarioSpec(
        seed=seed,
        start=start,
        brands=brands,
        rate=rate,
        waves=default_waves(seed, start, days, brands) if waves else (),
    )
    scenario = Scenario(spec)
    handle = out.open("wb") if isinstance(out, Path) else out
    first = last = start
    written = 0
    try:
        lines: list[bytes] = []
        for moment, record in scenario.timed_records():
            if written == count:
                break
            if written == 0:
                first = moment
            last = moment
            lines.append(orjson.dumps(record))
            written += 1
            if len(lines) >= 5000:
                handle.write(b"\n".join(lines) + b"\n")
                lines.clear()
        if lines:
            handle.write(b"\n".join(lines) + b"\n")
    finally:
        if isinstance(out, Path):
            handle.close()
        else:
            handle.flush()
    truth = [wave for wave in scenario.truth() if wave.onset <= last]
    return ExportResult(written, first, last, truth)
