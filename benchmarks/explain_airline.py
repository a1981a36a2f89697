"""The explanation of real waves: airline tweets, themes against the annotators' complaint reasons.

The airline tweets (Twitter US Airline Sentiment, February 2015) are replayed through
the detector as ``benchmarks/airline_replay.py`` does, with the human sentiment labels
and with Ascua's fast tier. Every alert the detector raises (watch and up) is explained
as the radar explains it (``ascua.explain.store.wave_span``: the same span, fourteen days
of usual conversation at most — here the days before —, the same look-back). The
annotators' ``negativereason`` of each negative tweet is only used here, to judge:

* the wave's most frequent labelled reason, and the one most over-represented against
  the airline's other days (what is *special* about the wave);
* the top theme's most frequent labelled reason, among the negative tweets of the wave
  that say one of the theme's terms: a match when it equals the wave's most frequent one;
  and whether the top theme's reason is the wave's most over-represented one.

Followers are not in the data (reach unknown), and replies and retweets are not linked,
so origins come from the run of posts telling the story and amplifiers are not judged.

Data: ``$ASCUA_DATA/airline-tweets/Tweets.csv``, else ``../shared/data`` next to the repository.
Run: ``python benchmarks/explain_airline.py [--labels-only] [--json OUT]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from typing import Any

from airline_replay import SCALES, ZONE, Tweet, data_folder, label_sentiments, links, load, model_sentiments
from ascua.config import BrandConfig
from ascua.detect.replay import replay
from ascua.explain import explain
from ascua.explain.post import Post
from ascua.explain.store import EARLIER, USUAL, replayed_facts, wave_span
from ascua.explain.terms import Vocabulary
from ascua.model import Sentiment

UNCLEAR = "Can't Tell"


def reasons_by_id(path: Any) -> dict[str, str]:
    with open(path, newline="", encoding="utf-8") as handle:
        return {row["tweet_id"]: row["negativereason"] for row in csv.DictReader(handle) if row["negativereason"]}


def posts_of(tweets: list[Tweet], sentiments: list[Sentiment | None]) -> dict[str, list[Post]]:
    by_brand: dict[str, list[Post]] = {}
    for tweet, sentiment in zip(tweets, sentiments, strict=True):
        by_brand.setdefault(tweet.brand, []).append(
            Post(
                id=tweet.number, source="x", native_id=tweet.tweet_id, text=tweet.text, created_at=tweet.created_at,
                author=tweet.author, lang="en", sentiment=sentiment, negative=1.0 if sentiment == "negative" else 0.0,
                reposts=tweet.retweets,
            )
        )  # fmt: skip
    return by_brand


def most_common(counter: Counter[str]) -> str | None:
    return counter.most_common(1)[0][0] if counter else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels-only", action="store_true", help="only the run with the human labels")
    parser.add_argument("--json", help="write every wave's result here")
    args = parser.parse_args()
    path = data_folder() / "airline-tweets" / "Tweets.csv"
    if not path.exists():
        print(f"{path} not found: set ASCUA_DATA to the folder holding airline-tweets/", file=sys.stderr)
        return 2
    tweets, _ = load(path)
    labelled = reasons_by_id(path)
    names = {t.brand: t.airline for t in tweets}
    brands = [BrandConfig(id=brand, name=name, query=brand) for brand, name in sorted(names.items())]
    last = tweets[-1].created_at
    runs: list[tuple[str, list[Sentiment | None]]] = [("labels", label_sentiments(tweets))]
    if not args.labels_only:
        runs.append(("model", model_sentiments(tweets)[0]))
    vocabulary = Vocabulary()
    output: dict[str, Any] = {}
    for run, sentiments in runs:
        alerts = replay(links(tweets, sentiments), brands, scales=SCALES, zone=ZONE, until=last)
        posts = posts_of(tweets, sentiments)
        rows = []
        print(f"=== {run}: {len(alerts)} alerts")
        for alert in alerts:
            brand_posts = posts[alert.brand]
            facts = replayed_facts(alert)
            start, end = wave_span(facts, brand_posts[-1].created_at)
            wave = [p for p in brand_posts if start <= p.created_at <= end]
            usual = [p for p in brand_posts if start - USUAL <= p.created_at < start]
            earlier = [p for p in usual if p.created_at >= start - EARLIER]
            t0 = time.perf_counter()
            result = explain(alert.brand, wave, usual, start=start, end=end, earlier=earlier,
                             brand_name=names[alert.brand], detected_at=alert.opened_at,
                             detector_signs=facts.signs, vocabulary=vocabulary)  # fmt: skip
            milliseconds = 1000 * (time.perf_counter() - t0)
            explained = {p.native_id for p in wave}
            wave_reasons = Counter(labelled[i] for i in explained if i in labelled and labelled[i] != UNCLEAR)
            usual_reasons = Counter(
                labelled[p.native_id] for p in brand_posts
                if p.native_id in labelled and labelled[p.native_id] != UNCLEAR and p.native_id not in explained
            )  # fmt: skip
            total_wave, total_usual = sum(wave_reasons.values()), sum(usual_reasons.values())
            lift = {
                reason: (count / total_wave) / ((usual_reasons.get(reason, 0) + 1) / (total_usual + len(wave_reasons)))
                for reason, count in wave_reasons.items()
                if count >= 5
            }
            special = max(lift, key=lift.__getitem__) if lift else None
            top = result.themes[0] if result.themes else None
            theme_reasons: Counter[str] = Counter()
            if top is not None:
                keys = set(top.keys)
                for p in wave:
                    reason = labelled.get(p.native_id)
                    if reason and reason != UNCLEAR and keys & vocabulary.terms(p.text, "en"):
                        theme_reasons[reason] += 1
            theme_reason = most_common(theme_reasons)
            row = {
                "brand": alert.brand,
                "opened_at": alert.opened_at.astimezone(ZONE).isoformat(),
                "peak": alert.peak.label,
                "posts": result.posts,
                "explain_ms": round(milliseconds, 1),
                "wave_top_reason": most_common(wave_reasons),
                "wave_reasons": dict(wave_reasons.most_common(4)),
                "wave_most_overrepresented_reason": special,
                "top_theme": top.label if top else None,
                "top_theme_share": top.share if top else None,
                "top_theme_reason": theme_reason,
                "top_theme_reasons": dict(theme_reasons.most_common(3)),
                "matches_top_reason": theme_reason is not None and theme_reason == most_common(wave_reasons),
                "matches_overrepresented_reason": theme_reason is not None and theme_reason == special,
                "themes": [t.label for t in result.themes],
                "origin": result.origin.posts[0].sample.text[:120] if result.origin else None,
                "minutes_to_detection": result.origin.minutes_to_detection if result.origin else None,
            }
            rows.append(row)
            local = alert.opened_at.astimezone(ZONE)
            print(
                f"{names[alert.brand]:15} {local:%b %d %H:%M} {alert.peak.label:8} {result.posts:5} posts "
                f"({milliseconds:4.0f} ms) | wave: {row['wave_top_reason']} (special: {special}) | "
                f"top theme «{row['top_theme']}» → {theme_reason} "
                f"{'MATCH' if row['matches_top_reason'] else 'no match'}"
                f"{' / matches special' if row['matches_overrepresented_reason'] else ''}"
            )
            print(f"{'':15} themes: {' | '.join(row['themes'])}")
        matched = sum(r["matches_top_reason"] for r in rows)
        special_matched = sum(r["matches_overrepresented_reason"] for r in rows)
        print(f"top theme matches the most frequent labelled reason: {matched}/{len(rows)}; "
              f"the most over-represented one: {special_matched}/{len(rows)}")  # fmt: skip
        output[run] = {"waves": rows, "matched": matched, "matched_special": special_matched}
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(output, out, indent=1, ensure_ascii=False, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
