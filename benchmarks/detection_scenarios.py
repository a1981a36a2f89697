"""Scenario evaluation of the detector: recall, false alarms and delay on many generated months.

Each scenario is a stream of the built-in generator (``ascua.scenario``) with its own
seed, base rate, growth and set of waves: flash waves and slow burns of many sizes,
coordinated campaigns, positive stories going viral and neutral news spikes, and
quiet months with only everyday talk and isolated angry customers. Every post goes
through the real stages: the brands' queries, the fast-tier language model (Ascua's
own sentiment, not the generator's labels), the window counts and the detector, as
``ascua backtest --workspace`` replays them.

It reports, against the targets of issue 4:

* recall of negative waves with 30 or more distinct negative authors (alert at
  ``incident`` or higher; target ≥ 0.95), and at ``watch`` or higher;
* crisis alerts on positive spikes (target: none) and on neutral news spikes;
* false ``incident``-or-higher alerts per brand-month on quiet data (target ≤ 1), and
  false ``watch`` alerts;
* median and p90 delay from the wave's true onset (its first post) to the first alert,
  for flash waves (target: median ≤ 10 minutes) and slow burns;
* coordinated waves flagged as coordinated, and uncoordinated ones flagged wrongly.

Run: ``python benchmarks/detection_scenarios.py [--scenarios N] [--days D] [--json OUT]``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from importlib import resources
from typing import Any

import yaml

from ascua.aggregate import text_fingerprint
from ascua.config import BrandConfig
from ascua.detect.replay import ReplayedAlert, replay
from ascua.model import Level, NewLink, Record, SourceBatch, counted_sentiment, is_new_account
from ascua.nlp.analyzer import Analyzer
from ascua.normalize import Normalizer
from ascua.query import BrandMatcher
from ascua.scenario.generator import Scenario, ScenarioSpec, WaveSpec, WaveTruth
from ascua.scenario.texts import BRANDS

START = datetime(2026, 1, 5, tzinfo=UTC)
MATCH_BEFORE = timedelta(minutes=30)
MATCH_AFTER = timedelta(hours=12)


def example_brands() -> list[BrandConfig]:
    text = (resources.files("ascua") / "examples" / "ascua.yaml").read_text(encoding="utf-8")
    return [BrandConfig.model_validate(item) for item in yaml.safe_load(text)["brands"]]


@dataclass
class Plan:
    """One scenario to generate: its spec and how many days it lasts."""

    name: str
    spec: ScenarioSpec
    days: int
    quiet: bool


def plans(count: int, days: int, seed: int) -> list[Plan]:
    """``count`` varied scenarios; one in four is a quiet month (no wave at all)."""
    rng = random.Random(seed)
    brands = tuple(BRANDS)
    result = []
    for number in range(count):
        scenario_seed = seed * 1000 + number
        rate = rng.choice((0.3, 0.6, 1.0, 1.0, 2.0, 4.0))
        growth = rng.choice((0.0, 0.05, 0.2))
        if number % 4 == 3:
            spec = ScenarioSpec(scenario_seed, START, brands, rate, growth, rants_per_week=rng.choice((3.0, 8.0)))
            result.append(Plan(f"quiet-{number}", spec, days, True))
            continue
        waves = []
        day = 8.0 + rng.uniform(0, 2)  # a week of history first
        while day < days - 1.5:
            brand = rng.choice(brands)
            kind = rng.choices(("flash", "slow", "coordinated", "positive", "news"), (5, 2, 1.5, 1.5, 1.5))[0]
            at = START + timedelta(days=day, hours=rng.uniform(-4, 9))
            voice = BRANDS[brand]
            cause = rng.choice(voice.causes).id
            if kind == "flash":
                size = rng.choice((20, 30, 45, 60, 90, 150, 250, 400))
                waves.append(WaveSpec(brand, at, cause, size, "flash", spread_minutes=rng.choice((5.0, 10.0, 25.0))))
            elif kind == "slow":
                waves.append(WaveSpec(brand, at, cause, rng.choice((40, 60, 90, 150, 250)), "slow"))
            elif kind == "coordinated":
                waves.append(WaveSpec(brand, at, cause, rng.choice((40, 60, 120)), "flash", coordinated=True))
            elif kind == "positive":
                waves.append(WaveSpec(brand, at, None, rng.choice((150, 400, 1000)), "flash", "positive"))
            else:
                waves.append(WaveSpec(brand, at, None, rng.choice((150, 400, 800)), "flash", "news"))
            day += rng.uniform(2.5, 5)
        spec = ScenarioSpec(scenario_seed, START, brands, rate, growth, waves=tuple(waves))
        result.append(Plan(f"waves-{number}", spec, days, False))
    return result


class Sentiments:
    """Ascua's own fast-tier reading of each post (cached by text: templates repeat)."""

    def __init__(self) -> None:
        self.analyzer = Analyzer()
        self.cache: dict[str, tuple[str, float, bool]] = {}

    def read(self, texts: list[str], langs: list[str | None]) -> list[tuple[str, float, bool]]:
        todo = [i for i, text in enumerate(texts) if text not in self.cache]
        if todo:
            results = self.analyzer.analyse([texts[i] for i in todo], langs=[langs[i] for i in todo])
            for index, result in zip(todo, results, strict=True):
                self.cache[texts[index]] = (result.sentiment, result.scores.get("negative", 0.0), result.complaint)
        return [self.cache[text] for text in texts]


def links_of(plan: Plan, matcher: BrandMatcher, sentiments: Sentiments) -> Iterator[NewLink]:
    scenario = Scenario(plan.spec)
    end = START + timedelta(days=plan.days)
    normalizer = Normalizer()
    batch: list[Record] = []
    number = 0

    def flush() -> Iterator[NewLink]:
        nonlocal number
        mentions = normalizer.process(SourceBatch("scenario", records=list(batch))).mentions
        batch.clear()
        keep = [(m, matcher.match(m)) for m in mentions]
        keep = [(m, brands) for m, brands in keep if brands]
        readings = sentiments.read([m.text for m, _ in keep], [m.lang for m, _ in keep])
        for (item, brands), (label, negative, complaint) in zip(keep, readings, strict=True):
            number += 1
            sentiment = counted_sentiment(label, negative, complaint)
            for brand in brands:
                yield NewLink(
                    brand,
                    number,
                    item.created_at,
                    item.author_handle,
                    sentiment,
                    item.reach,
                    is_new_account(item.author_created_at, item.created_at),
                    text_fingerprint(item.text, item.repost_of is not None) if sentiment == "negative" else 0,
                )

    for record in scenario.records():
        if record["created_at"] >= end.isoformat().replace("+00:00", "Z"):
            break
        batch.append(Record(record, "scenario"))
        if len(batch) >= 2000:
            yield from flush()
    if batch:
        yield from flush()


@dataclass
class WaveResult:
    scenario: str
    truth: WaveTruth
    watch_delay: float | None
    incident_delay: float | None
    peak: Level
    coordinated_flag: bool


def evaluate(
    plan: Plan, alerts: list[ReplayedAlert], truths: list[WaveTruth]
) -> tuple[list[WaveResult], list[ReplayedAlert]]:
    """Match alerts to waves; what is left over is a false alarm."""
    used: set[int] = set()
    results = []
    for truth in truths:
        window_start, window_end = truth.onset - MATCH_BEFORE, truth.end + MATCH_AFTER
        matched = [
            (index, alert)
            for index, alert in enumerate(alerts)
            if alert.brand == truth.brand
            and alert.opened_at <= window_end
            and (alert.resolved_at or datetime.max.replace(tzinfo=UTC)) >= window_start
        ]
        peak = Level.NORMAL
        watch = incident = None
        flagged = False
        for index, alert in matched:
            used.add(index)
            peak = max(peak, alert.peak)
            flagged = flagged or alert.coordinated
            for event in alert.events:
                if event.at < window_start:
                    continue
                delay = (event.at - truth.onset).total_seconds() / 60
                if event.level >= Level.WATCH and watch is None:
                    watch = delay
                if event.level >= Level.INCIDENT and incident is None:
                    incident = delay
        results.append(WaveResult(plan.name, truth, watch, incident, peak, flagged))
    false = [alert for index, alert in enumerate(alerts) if index not in used]
    return results, false


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", type=int, default=12)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", help="write every wave's result here")
    args = parser.parse_args()
    brands = example_brands()
    matcher = BrandMatcher.for_brands(brands)
    sentiments = Sentiments()
    waves: list[WaveResult] = []
    false_alarms: list[tuple[Plan, ReplayedAlert]] = []
    brand_months_quiet = 0.0
    brand_months = 0.0
    started = time.perf_counter()
    for plan in plans(args.scenarios, args.days, args.seed):
        t0 = time.perf_counter()
        scenario = Scenario(plan.spec)
        truths = [t for t in scenario.truth() if t.onset < START + timedelta(days=plan.days)]
        alerts = replay(links_of(plan, matcher, sentiments), brands, until=START + timedelta(days=plan.days))
        results, false = evaluate(plan, alerts, truths)
        waves.extend(results)
        false_alarms.extend((plan, alert) for alert in false)
        months = len(brands) * plan.days / 30
        brand_months += months
        if plan.quiet:
            brand_months_quiet += months
        print(
            f"{plan.name:10} rate {plan.spec.rate:3.1f}: {len(truths)} waves, {len(alerts)} alerts, "
            f"{len(false)} unmatched ({time.perf_counter() - t0:.0f} s)",
            file=sys.stderr,
        )
    report = summarise(waves, false_alarms, brand_months, brand_months_quiet)
    report["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(report, indent=2))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(
                {
                    "summary": report,
                    "waves": [
                        {
                            "scenario": w.scenario,
                            **w.truth.as_json(),
                            "watch_delay_min": w.watch_delay,
                            "incident_delay_min": w.incident_delay,
                            "peak": w.peak.label,
                            "flagged_coordinated": w.coordinated_flag,
                        }
                        for w in waves
                    ],
                    "false_alarms": [{"scenario": plan.name, **alert.as_json()} for plan, alert in false_alarms],
                },
                out,
                indent=1,
            )
    return 0


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def _p90(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))], 1)


def summarise(
    waves: list[WaveResult], false: list[tuple[Plan, ReplayedAlert]], brand_months: float, quiet_months: float
) -> dict[str, Any]:
    negative = [w for w in waves if w.truth.kind == "negative"]
    big = [w for w in negative if w.truth.negative_authors >= 30]
    flash = [w for w in big if w.truth.shape == "flash" and not w.truth.coordinated]
    slow = [w for w in big if w.truth.shape == "slow"]
    positive = [w for w in waves if w.truth.kind == "positive"]
    news = [w for w in waves if w.truth.kind == "news"]
    coordinated = [w for w in negative if w.truth.coordinated]
    organic = [w for w in negative if not w.truth.coordinated and w.peak >= Level.WATCH]
    quiet_false = [(p, a) for p, a in false if p.quiet]
    return {
        "waves": len(waves),
        "negative_waves_30_plus": len(big),
        "recall_incident_30_plus": round(sum(w.peak >= Level.INCIDENT for w in big) / max(1, len(big)), 3),
        "recall_watch_30_plus": round(sum(w.peak >= Level.WATCH for w in big) / max(1, len(big)), 3),
        "recall_incident_under_30": _share(
            [w.peak >= Level.INCIDENT for w in negative if w.truth.negative_authors < 30]
        ),
        "missed_30_plus": [
            f"{w.scenario} {w.truth.brand} {w.truth.shape} size {w.truth.size} ({w.truth.negative_authors} people)"
            f" peak {w.peak.label}"
            for w in big
            if w.peak < Level.INCIDENT
        ],
        "flash_delay_watch_min": {
            "median": _median([w.watch_delay for w in flash if w.watch_delay is not None]),
            "p90": _p90([w.watch_delay for w in flash if w.watch_delay is not None]),
        },
        "flash_delay_incident_min": {
            "median": _median([w.incident_delay for w in flash if w.incident_delay is not None]),
            "p90": _p90([w.incident_delay for w in flash if w.incident_delay is not None]),
        },
        "slow_delay_incident_min": {
            "median": _median([w.incident_delay for w in slow if w.incident_delay is not None]),
            "p90": _p90([w.incident_delay for w in slow if w.incident_delay is not None]),
        },
        "positive_spikes": len(positive),
        "positive_crisis_alerts": sum(w.peak >= Level.CRISIS for w in positive),
        "positive_incident_alerts": sum(w.peak >= Level.INCIDENT for w in positive),
        "positive_watch_alerts": sum(w.peak >= Level.WATCH for w in positive),
        "news_spikes": len(news),
        "news_crisis_alerts": sum(w.peak >= Level.CRISIS for w in news),
        "news_incident_alerts": sum(w.peak >= Level.INCIDENT for w in news),
        "coordinated_waves": len(coordinated),
        "coordinated_flagged": sum(w.coordinated_flag for w in coordinated),
        "organic_flagged_coordinated": sum(w.coordinated_flag for w in organic),
        "brand_months": round(brand_months, 1),
        "quiet_brand_months": round(quiet_months, 1),
        "false_incident_per_quiet_brand_month": round(
            sum(a.peak >= Level.INCIDENT for _, a in quiet_false) / max(quiet_months, 1e-9), 2
        ),
        "false_watch_per_quiet_brand_month": round(
            sum(a.peak == Level.WATCH for _, a in quiet_false) / max(quiet_months, 1e-9), 2
        ),
        "false_incident_per_brand_month_all": round(sum(a.peak >= Level.INCIDENT for _, a in false) / brand_months, 2),
        "false_watch_per_brand_month_all": round(sum(a.peak == Level.WATCH for _, a in false) / brand_months, 2),
    }


def _share(flags: list[bool]) -> float | None:
    return round(sum(flags) / len(flags), 3) if flags else None


if __name__ == "__main__":
    raise SystemExit(main())
