"""The scenario source: the built-in bilingual stream, replayed faster than real time.

On its first run it anchors itself ``lead`` before the present, sends ``history``
of past mentions at once (so detectors have a baseline), then replays from the
anchor at ``speed`` times real time until it catches up with the clock, and goes
on in real time. Waves are placed relative to the anchor (``at: 15m`` is fifteen
simulated minutes after the replay starts). The cursor holds the anchor and the
last mention sent, so a restart continues the same stream with no gap and no repeat.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ascua.config import Duration
from ascua.model import Record, SourceBatch, iso_utc, utcnow
from ascua.scenario import Scenario, ScenarioSpec, WaveSpec, texts
from ascua.sources.base import SourceContext


class WaveOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    brand: str
    at: Duration = Field(description="onset, after the start of the replay")
    cause: str | None = None
    size: int = Field(150, ge=1, le=50_000)
    shape: Literal["flash", "slow"] = "flash"
    kind: Literal["negative", "positive"] = "negative"
    coordinated: bool = False

    @field_validator("brand")
    @classmethod
    def _brand(cls, value: str) -> str:
        if value not in texts.BRANDS:
            raise ValueError(f"the scenario knows the brands {', '.join(texts.BRANDS)}, not {value!r}")
        return value


class ScenarioOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    seed: int = 7
    speed: float = Field(60.0, ge=1.0, le=100_000.0)
    history: Duration = 7 * 86400
    lead: Duration = 2 * 3600
    rate: float = Field(1.0, gt=0.0, le=1000.0)
    brands: list[str] = Field(default_factory=lambda: list(texts.BRANDS))
    waves: list[WaveOptions] = Field(default_factory=list)
    heartbeat: float = Field(1.0, gt=0.0, le=60.0)

    @field_validator("brands")
    @classmethod
    def _brands(cls, value: list[str]) -> list[str]:
        unknown = [brand for brand in value if brand not in texts.BRANDS]
        if unknown or not value:
            raise ValueError(f"the scenario knows the brands {', '.join(texts.BRANDS)}")
        return value


class ScenarioSource:
    """``type: scenario`` in ``ascua.yaml``."""

    kind: ClassVar[str] = "scenario"
    Options: ClassVar[type[BaseModel]] = ScenarioOptions

    def __init__(self, name: str, options: ScenarioOptions, context: SourceContext, *, clock: Any = None):
        self.name = name
        self.options = options
        self.context = context
        self._now = clock or utcnow

    def scenario(self, anchor: datetime) -> Scenario:
        options = self.options
        waves = tuple(
            WaveSpec(
                brand=wave.brand,
                at=anchor + timedelta(seconds=wave.at),
                cause=wave.cause,
                size=wave.size,
                shape=wave.shape,
                kind=wave.kind,
                coordinated=wave.coordinated,
            )
            for wave in options.waves
        )
        spec = ScenarioSpec(
            seed=options.seed,
            start=anchor - timedelta(seconds=options.history),
            brands=tuple(options.brands),
            rate=options.rate,
            waves=waves,
        )
        return Scenario(spec)

    async def batches(self, cursor: dict[str, Any] | None) -> AsyncIterator[SourceBatch]:
        options = self.options
        if cursor and "anchor" in cursor:
            anchor = datetime.fromisoformat(cursor["anchor"])
            last_time = datetime.fromisoformat(cursor["time"]) if cursor.get("time") else None
            last_id = cursor.get("id")
        else:
            now = self._now().replace(second=0, microsecond=0)
            anchor = now - timedelta(seconds=options.lead)
            last_time, last_id = None, None
        stream = self.scenario(anchor).timed_records(since=last_time, after_id=last_id)
        pending: list[tuple[datetime, dict[str, Any]]] = []

        def cursor_after(moment: datetime | None, native_id: str | None) -> dict[str, Any]:
            return {
                "anchor": iso_utc(anchor),
                "time": iso_utc(moment) if moment else None,
                "id": native_id,
                "seed": options.seed,
            }

        def take(until: datetime, limit: int) -> list[tuple[datetime, dict[str, Any]]]:
            out: list[tuple[datetime, dict[str, Any]]] = []
            while len(out) < limit:
                if not pending:
                    pending.append(next(stream))
                if pending[0][0] > until:
                    break
                out.append(pending.pop())
            return out

        # History: everything before the anchor, as fast as the pipeline takes it (in larger batches).
        while True:
            chunk = take(anchor - timedelta(microseconds=1), max(self.context.batch_size, 2000))
            if not chunk:
                break
            last_time, last_id = chunk[-1][0], chunk[-1][1]["id"]
            yield self._batch(chunk, cursor_after(last_time, last_id), last_time)
            await asyncio.sleep(0)

        # Replay: simulated time runs `speed` times faster than the clock until it catches up.
        simulated_from = max(anchor, last_time or anchor)
        started = time.monotonic()
        while True:
            now = self._now()
            simulated = min(now, simulated_from + timedelta(seconds=(time.monotonic() - started) * options.speed))
            chunk = take(simulated, self.context.batch_size)
            if chunk:
                last_time, last_id = chunk[-1][0], chunk[-1][1]["id"]
            full = len(chunk) == self.context.batch_size
            yield self._batch(chunk, cursor_after(last_time, last_id), simulated if not full else chunk[-1][0])
            if not full:
                await asyncio.sleep(options.heartbeat / (4 if options.speed > 1 and simulated < now else 1))

    def _batch(
        self, chunk: list[tuple[datetime, dict[str, Any]]], cursor: dict[str, Any], watermark: datetime
    ) -> SourceBatch:
        records = [Record(data, f"scenario {self.name} {data['created_at']} #{data['id']}") for _, data in chunk]
        return SourceBatch(source=self.name, records=records, cursor=cursor, watermark=watermark)
