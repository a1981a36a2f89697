"""The airline tweets (Twitter US Airline Sentiment, February 2015) replayed through the real detector.

14.6k real tweets about six US airlines, 2015-02-16 23:36 .. 2015-02-24 11:53 (Pacific
time), each labelled negative, neutral or positive by people. Every airline is a brand;
every tweet is a mention of it, counted into the 5-minute, 1-hour and 1-day windows and
judged by the wave detector in local time (America/Los_Angeles), as ``ascua backtest``
replays a brand's stored mentions. Followers are not in the data: every reach is 0.

Two runs: (a) with the human labels as the sentiment, (b) with Ascua's own fast-tier
reading of the texts. For each it prints, per airline and local day, the tweets, the
negative tweets, the distinct people posting negatively and the highest level an alert
was at that day; then every alert and the reason of each of its events; then a verdict:

* a day where an airline's negatives (human labels) are at least 1.8 times its usual
  level (the median of its other full days) and at least 50 is a wave: an alert at
  ``incident`` or higher must have been open that day;
* Virgin America (29..91 tweets a day) must stay quiet: no alert at all;
* American Airlines is essentially absent before Feb 22 (a gap in the collection, not a
  wave): what the detector raised for it, and at which level (a brand with less than a
  day of history since it started being talked about is learning: at most ``watch``).

Data: ``$ASCUA_DATA/airline-tweets/Tweets.csv``, else ``../shared/data`` next to the repository.
Run: ``python benchmarks/airline_replay.py [--json OUT] [--labels-only]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ascua.aggregate import text_fingerprint
from ascua.config import BrandConfig
from ascua.detect.replay import ReplayedAlert, replay
from ascua.model import Level, NewLink, Sentiment, counted_sentiment, iso_utc

ZONE = ZoneInfo("America/Los_Angeles")
SCALES = (300, 3600, 86400)
WAVE_RATIO = 1.8
WAVE_MIN_NEGATIVES = 50
QUIET_BRAND = "virgin-america"
GAP_BRAND = "american"
BATCH = 1_000


@dataclass(frozen=True, slots=True)
class Tweet:
    number: int
    tweet_id: str
    airline: str
    brand: str
    author: str
    created_at: datetime  # UTC
    label: str
    retweets: int
    text: str

    @property
    def day(self) -> date:
        return self.created_at.astimezone(ZONE).date()


def data_folder() -> Path:
    configured = os.environ.get("ASCUA_DATA")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[1].parent / "shared" / "data"


def slug(airline: str) -> str:
    return "-".join(airline.lower().split())


def load(path: Path) -> tuple[list[Tweet], int]:
    """The tweets in time order (the first row of each duplicated ``tweet_id``), and how many were dropped."""
    seen: set[str] = set()
    tweets: list[Tweet] = []
    duplicates = 0
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            tweet_id = row["tweet_id"]
            if tweet_id in seen:
                duplicates += 1
                continue
            seen.add(tweet_id)
            created = datetime.strptime(row["tweet_created"], "%Y-%m-%d %H:%M:%S %z").astimezone(UTC)
            tweets.append(
                Tweet(
                    0,
                    tweet_id,
                    row["airline"],
                    slug(row["airline"]),
                    row["name"],
                    created,
                    row["airline_sentiment"],
                    int(row["retweet_count"] or 0),
                    row["text"],
                )
            )
    tweets.sort(key=lambda t: (t.created_at, t.tweet_id))
    numbered = [
        Tweet(i + 1, t.tweet_id, t.airline, t.brand, t.author, t.created_at, t.label, t.retweets, t.text)
        for i, t in enumerate(tweets)
    ]
    return numbered, duplicates


def label_sentiments(tweets: list[Tweet]) -> list[Sentiment | None]:
    return [counted_sentiment(t.label, 1.0 if t.label == "negative" else 0.0) for t in tweets]


def model_sentiments(tweets: list[Tweet]) -> tuple[list[Sentiment | None], float]:
    """Ascua's fast-tier reading of every text (English: the language is given), and the seconds it took."""
    from ascua.nlp.analyzer import Analyzer

    analyzer = Analyzer()
    started = time.perf_counter()
    out: list[Sentiment | None] = []
    for begin in range(0, len(tweets), BATCH):
        chunk = [t.text for t in tweets[begin : begin + BATCH]]
        for result in analyzer.analyse(chunk, langs=["en"] * len(chunk)):
            out.append(counted_sentiment(result.sentiment, result.scores["negative"], result.complaint))
    return out, time.perf_counter() - started


def links(tweets: list[Tweet], sentiments: list[Sentiment | None]) -> list[NewLink]:
    return [
        NewLink(
            brand=t.brand,
            mention_id=t.number,
            created_at=t.created_at,
            author=t.author,
            sentiment=sentiment,
            reach=0,
            new_account=False,
            fingerprint=text_fingerprint(t.text) if sentiment == "negative" else 0,
        )
        for t, sentiment in zip(tweets, sentiments, strict=True)
    ]


# -- counting and judging ---------------------------------------------------------------


def day_bounds(day: date) -> tuple[datetime, datetime]:
    after = day + timedelta(days=1)
    start = datetime(day.year, day.month, day.day, tzinfo=ZONE)
    end = datetime(after.year, after.month, after.day, tzinfo=ZONE)
    return start.astimezone(UTC), end.astimezone(UTC)


def level_during(alerts: list[ReplayedAlert], brand: str, begin: datetime, end: datetime, last: datetime) -> Level:
    """The highest level an alert of ``brand`` was at, at any moment of ``[begin, end)``."""
    best = Level.NORMAL
    for alert in alerts:
        if alert.brand != brand:
            continue
        events = alert.events
        for index, event in enumerate(events):
            if event.level == Level.NORMAL:
                continue
            until = events[index + 1].at if index + 1 < len(events) else (alert.resolved_at or last)
            if event.at < end and (until > begin or event.at >= begin):
                best = max(best, event.level)
    return best


def daily_table(
    tweets: list[Tweet],
    sentiments: list[Sentiment | None],
    alerts: list[ReplayedAlert],
    days: list[date],
    last: datetime,
) -> dict[str, dict[date, dict[str, Any]]]:
    counts: dict[tuple[str, date], list[int]] = defaultdict(lambda: [0, 0])
    people: dict[tuple[str, date], set[str]] = defaultdict(set)
    for tweet, sentiment in zip(tweets, sentiments, strict=True):
        key = (tweet.brand, tweet.day)
        counts[key][0] += 1
        if sentiment == "negative":
            counts[key][1] += 1
            people[key].add(tweet.author.lower())
    table: dict[str, dict[date, dict[str, Any]]] = {}
    for brand in sorted({t.brand for t in tweets}):
        table[brand] = {}
        for day in days:
            begin, end = day_bounds(day)
            total, negative = counts[(brand, day)]
            table[brand][day] = {
                "tweets": total,
                "negative": negative,
                "negative_authors": len(people[(brand, day)]),
                "level": level_during(alerts, brand, begin, end, last),
            }
    return table


@dataclass
class Wave:
    brand: str
    day: date
    negatives: int
    usual: float
    ratio: float
    level: Level
    opened_that_day: bool

    @property
    def caught(self) -> bool:
        return self.level >= Level.INCIDENT


def expected_waves(
    truth: dict[str, dict[date, dict[str, Any]]], full_days: list[date], brand: str
) -> list[tuple[date, int, float]]:
    """The full days where the negatives (human labels) are ≥ 1.8× the median of the other full days, and ≥ 50."""
    out = []
    for day in full_days:
        negatives = truth[brand][day]["negative"]
        usual = statistics.median(truth[brand][other]["negative"] for other in full_days if other != day)
        if negatives >= WAVE_MIN_NEGATIVES and negatives >= WAVE_RATIO * usual:
            out.append((day, negatives, usual))
    return out


def verdict(
    truth: dict[str, dict[date, dict[str, Any]]],
    table: dict[str, dict[date, dict[str, Any]]],
    alerts: list[ReplayedAlert],
    full_days: list[date],
) -> dict[str, Any]:
    waves: list[Wave] = []
    gap_waves: list[Wave] = []
    for brand in truth:
        for day, negatives, usual in expected_waves(truth, full_days, brand):
            begin, end = day_bounds(day)
            opened = any(
                a.brand == brand and any(begin <= e.at < end and e.level >= Level.INCIDENT for e in a.events)
                for a in alerts
            )
            wave = Wave(
                brand, day, negatives, usual, negatives / usual if usual else float("inf"),
                table[brand][day]["level"], opened,
            )  # fmt: skip
            (gap_waves if brand == GAP_BRAND else waves).append(wave)
    quiet = [a for a in alerts if a.brand == QUIET_BRAND]
    gap = [a for a in alerts if a.brand == GAP_BRAND]
    return {"waves": waves, "gap_waves": gap_waves, "quiet_alerts": quiet, "gap_alerts": gap}


# -- printing ---------------------------------------------------------------------------


def local(moment: datetime) -> str:
    return moment.astimezone(ZONE).strftime("%b %d %H:%M")


def print_table(table: dict[str, dict[date, dict[str, Any]]], names: dict[str, str], days: list[date]) -> None:
    head = "".join(f"{day:%b %d}".rjust(9) for day in days)
    for brand, row in table.items():
        print(f"  {names[brand]}")
        print(f"    {'':16}{head}")
        for label, key in (("tweets", "tweets"), ("negative", "negative"), ("negative people", "negative_authors")):
            print(f"    {label:16}" + "".join(str(row[day][key]).rjust(9) for day in days))
        print(
            f"    {'alert level':16}"
            + "".join((row[day]["level"].label if row[day]["level"] else "-").rjust(9) for day in days)
        )


def print_alerts(alerts: list[ReplayedAlert], names: dict[str, str]) -> None:
    if not alerts:
        print("  (no alert)")
    for number, alert in enumerate(alerts, 1):
        escalations = [local(e.at) + f" ({e.level.label})" for e in alert.events if e.change == "escalated"]
        print(
            f"  #{number} {names[alert.brand]}: opened {local(alert.opened_at)} ({alert.events[0].level.label})"
            + (f", escalated {', '.join(escalations)}" if escalations else "")
            + f", peak {alert.peak.label}"
            + (f", resolved {local(alert.resolved_at)}" if alert.resolved_at else ", still open at the end")
        )
        for event in alert.events:
            print(f"      {local(event.at)} {event.change:11} {event.level.label:8} {event.reason}")


def print_verdict(result: dict[str, Any], names: dict[str, str]) -> None:
    waves: list[Wave] = result["waves"]
    print(f"  Expected waves (human-labelled negatives ≥ {WAVE_RATIO}× the median of the airline's other full days,")
    print(f"  and ≥ {WAVE_MIN_NEGATIVES}); caught = an alert at incident or higher open that day:")
    if not waves:
        print("    (none)")
    for wave in waves:
        mark = "CAUGHT" if wave.caught else "MISSED"
        print(
            f"    {mark:6}  {names[wave.brand]:15} {wave.day:%b %d}: {wave.negatives} negatives vs usual "
            f"{wave.usual:g} ({wave.ratio:.2f}×); highest level that day: {wave.level.label}"
            + (" (raised that day)" if wave.opened_that_day else (" (carried over)" if wave.caught else ""))
        )
    caught = sum(w.caught for w in waves)
    print(f"    → {caught} of {len(waves)} caught")
    quiet: list[ReplayedAlert] = result["quiet_alerts"]
    print(f"  Virgin America stays quiet: {'yes' if not quiet else 'NO'} ({len(quiet)} alerts)")
    for alert in quiet:
        print(f"    {local(alert.opened_at)} peak {alert.peak.label}: {alert.events[0].reason}")
    gap: list[ReplayedAlert] = result["gap_alerts"]
    gap_waves: list[Wave] = result["gap_waves"]
    print("  American Airlines (collection gap before Feb 22; its jump is not judged as a wave):")
    for wave in gap_waves:
        print(
            f"    the rule would flag {wave.day:%b %d}: {wave.negatives} negatives vs usual {wave.usual:g}; "
            f"highest level that day: {wave.level.label}"
        )
    if not gap:
        print("    no alert")
    for alert in gap:
        first_incident = alert.first_at(Level.INCIDENT)
        print(
            f"    alert opened {local(alert.opened_at)} at {alert.events[0].level.label}, peak {alert.peak.label}"
            + (f" (incident from {local(first_incident)})" if first_incident else "")
            + (f", resolved {local(alert.resolved_at)}" if alert.resolved_at else ", still open")
            + f"; learning when opened: {alert.events[0].signals.get('learning')}"
        )


def run_json(
    table: dict[str, dict[date, dict[str, Any]]], alerts: list[ReplayedAlert], result: dict[str, Any]
) -> dict[str, Any]:
    def wave_json(w: Wave) -> dict[str, Any]:
        return {
            "brand": w.brand,
            "day": w.day.isoformat(),
            "negatives": w.negatives,
            "usual": w.usual,
            "ratio": round(w.ratio, 3),
            "highest_level": w.level.label,
            "raised_that_day": w.opened_that_day,
            "caught": w.caught,
        }

    return {
        "days": {
            brand: {day.isoformat(): {**cell, "level": cell["level"].label} for day, cell in row.items()}
            for brand, row in table.items()
        },
        "alerts": [alert.as_json() for alert in alerts],
        "verdict": {
            "waves": [wave_json(w) for w in result["waves"]],
            "caught": sum(w.caught for w in result["waves"]),
            "virgin_america_alerts": len(result["quiet_alerts"]),
            "american_gap_waves": [wave_json(w) for w in result["gap_waves"]],
            "american_alerts": [
                {"opened_at": iso_utc(a.opened_at), "first_level": a.events[0].level.label, "peak": a.peak.label}
                for a in result["gap_alerts"]
            ],
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write the tables, alerts and verdicts here")
    parser.add_argument("--labels-only", action="store_true", help="only the run with the human labels")
    args = parser.parse_args()
    path = data_folder() / "airline-tweets" / "Tweets.csv"
    if not path.exists():
        print(f"{path} not found: set ASCUA_DATA to the folder holding airline-tweets/", file=sys.stderr)
        return 2
    started = time.perf_counter()
    tweets, duplicates = load(path)
    names = {t.brand: t.airline for t in tweets}
    brands = [BrandConfig(id=brand, name=name, query=brand) for brand, name in sorted(names.items())]
    first, last = tweets[0].created_at, tweets[-1].created_at
    days = [first.astimezone(ZONE).date() + timedelta(days=i) for i in range((last - first).days + 2)]
    days = [day for day in days if day <= last.astimezone(ZONE).date()]
    full_days = [day for day in days if day_bounds(day)[0] >= first and day_bounds(day)[1] <= last]
    print(
        f"{len(tweets)} tweets ({duplicates} duplicated rows dropped), {local(first)} .. {local(last)} "
        f"Pacific; {len(brands)} airlines; full days {full_days[0]:%b %d}..{full_days[-1]:%b %d}"
    )
    output: dict[str, Any] = {"tweets": len(tweets), "duplicates_dropped": duplicates, "runs": {}}
    truth_sentiments = label_sentiments(tweets)
    runs: list[tuple[str, str, list[Sentiment | None]]] = [("labels", "human labels", truth_sentiments)]
    if not args.labels_only:
        read, seconds = model_sentiments(tweets)
        pairs = list(zip(read, truth_sentiments, strict=True))
        agree = sum((a == "negative") == (b == "negative") for a, b in pairs)
        human = sum(b == "negative" for _, b in pairs)
        counted = sum(a == "negative" for a, _ in pairs)
        both = sum(a == b == "negative" for a, b in pairs)
        print(
            f"fast tier read {len(tweets)} texts in {seconds:.1f} s ({len(tweets) / seconds:,.0f}/s); "
            f"negative or not agrees with the human label on {100 * agree / len(tweets):.1f}%: it counts "
            f"{counted} negatives where people labelled {human} (recall {100 * both / human:.0f}%, "
            f"precision {100 * both / max(1, counted):.0f}%)"
        )
        output["model_sentiment"] = {
            "seconds": round(seconds, 2),
            "agreement": round(agree / len(tweets), 4),
            "negatives_counted": counted,
            "negatives_labelled": human,
            "negative_recall": round(both / human, 4),
            "negative_precision": round(both / max(1, counted), 4),
        }
        runs.append(("model", "Ascua's fast-tier sentiment", read))
    truth: dict[str, dict[date, dict[str, Any]]] | None = None
    for key, title, sentiments in runs:
        t0 = time.perf_counter()
        alerts = replay(links(tweets, sentiments), brands, scales=SCALES, zone=ZONE, until=last)
        seconds = time.perf_counter() - t0
        table = daily_table(tweets, sentiments, alerts, days, last)
        if truth is None:
            truth = table
        result = verdict(truth, table, alerts, full_days)
        print()
        print(f"=== Run ({'ab'[len(output['runs'])]}): {title} — {len(alerts)} alerts (replayed in {seconds:.1f} s)")
        print(
            "Per airline and local day (America/Los_Angeles); alert level = the highest level an alert was at that day:"
        )
        print_table(table, names, days)
        print("Alerts (local times):")
        print_alerts(alerts, names)
        print("Verdict:")
        print_verdict(result, names)
        output["runs"][key] = run_json(table, alerts, result)
    print(f"\n({time.perf_counter() - started:.1f} s in all)", file=sys.stderr)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(output, out, indent=1, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
