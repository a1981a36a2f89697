"""Explanation quality on the built-in scenario: origin, reasons and amplifiers against the truth.

Each seed is a scenario of one brand with a week and a half of everyday talk and one
negative wave (flash or slow, of many sizes, a cause of the brand, sometimes
coordinated). Every post goes through the real stages (query, fast-tier model,
windows, detector, as ``benchmarks/detection_scenarios.py``); for each wave the detector
raises to ``incident`` or higher, the explanation is computed as the radar computes it
(``ascua.explain.store.wave_span``: the same span, usual conversation and look-back),
and compared with the scenario's truth:

* origin: the true first post (and, separately, any true first poster) is among the 3
  origins reported (target ≥ 90% of waves);
* reasons: the cause's key terms are among the top 5 reasons (a reason hits when it
  shares a word stem with a key term; target ≥ 90%), and how many key terms are hit;
* amplifiers: every true amplifier (the journalists and high-reach accounts quoting
  the first post) is among the top 5 reported (target ≥ 80% of waves), and the share
  of true amplifiers found.

Run: ``python benchmarks/explain_quality.py [--seeds N] [--json OUT]``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from ascua.detect.replay import ReplayedAlert, replay
from ascua.explain import Explanation, explain
from ascua.explain.post import Post
from ascua.explain.store import EARLIER, USUAL, replayed_facts, wave_span
from ascua.explain.terms import Vocabulary
from ascua.model import Level, NewLink, Record, SourceBatch, counted_sentiment
from ascua.nlp.analyzer import Analyzer
from ascua.normalize import Normalizer
from ascua.query import BrandMatcher
from ascua.scenario.generator import Scenario, ScenarioSpec, WaveSpec, WaveTruth
from ascua.scenario.texts import BRANDS
from detection_scenarios import example_brands

START = datetime(2026, 1, 5, tzinfo=UTC)
DAYS = 11


class Readings:
    """The fast tier's reading of each post: language, sentiment, negative probability (cached by text)."""

    def __init__(self) -> None:
        self.analyzer = Analyzer()
        self.cache: dict[tuple[str, str | None], tuple[str, str, float, bool]] = {}

    def read(self, texts: list[str], langs: list[str | None]) -> list[tuple[str, str, float, bool]]:
        keys = list(zip(texts, langs, strict=True))
        todo = [i for i, key in enumerate(keys) if key not in self.cache]
        if todo:
            results = self.analyzer.analyse([texts[i] for i in todo], langs=[langs[i] for i in todo])
            for index, result in zip(todo, results, strict=True):
                self.cache[keys[index]] = (
                    result.lang, result.sentiment, result.scores.get("negative", 0.0), result.complaint
                )  # fmt: skip
        return [self.cache[key] for key in keys]


def spec_for(seed: int) -> ScenarioSpec:
    rng = random.Random(seed)
    brand = rng.choice(sorted(BRANDS))
    voice = BRANDS[brand]
    cause = rng.choice(voice.causes).id
    at = START + timedelta(days=8 + rng.uniform(0, 1.5), hours=rng.uniform(-3, 8))
    kind = rng.choices(("flash", "slow", "coordinated"), (6, 2, 1.5))[0]
    if kind == "flash":
        wave = WaveSpec(brand, at, cause, rng.choice((40, 60, 90, 150, 250, 400)), "flash",
                        spread_minutes=rng.choice((10.0, 25.0, 40.0)))  # fmt: skip
    elif kind == "slow":
        wave = WaveSpec(brand, at, cause, rng.choice((60, 90, 150, 250)), "slow")
    else:
        wave = WaveSpec(brand, at, cause, rng.choice((60, 120)), "flash", coordinated=True)
    rate = rng.choice((0.5, 1.0, 1.0, 2.0))
    return ScenarioSpec(seed, START, (brand,), rate, 0.05, waves=(wave,))


def scenario_posts(spec: ScenarioSpec, matcher: BrandMatcher, readings: Readings, end: datetime) -> list[Post]:
    """The scenario's posts of the brands before ``end``, through the real normalizer, queries and fast tier."""
    normalizer = Normalizer()
    until = end.isoformat().replace("+00:00", "Z")
    records: list[Record] = []
    for record in Scenario(spec).records():
        if record["created_at"] >= until:
            break
        records.append(Record(record, "scenario"))
    posts: list[Post] = []
    for offset in range(0, len(records), 5000):
        mentions = normalizer.process(SourceBatch("scenario", records=records[offset : offset + 5000])).mentions
        kept = [m for m in mentions if matcher.match(m)]
        read = readings.read([m.text for m in kept], [m.lang for m in kept])
        for m, (lang, label, negative, complaint) in zip(kept, read, strict=True):
            posts.append(
                Post(
                    id=len(posts) + 1, source=m.source, native_id=m.native_id, text=m.text, created_at=m.created_at,
                    author=m.author_handle, author_name=m.author_name, followers=m.author_followers,
                    author_created_at=m.author_created_at, lang=lang, sentiment=label, negative=negative,
                    complaint=complaint, url=m.url,
                    in_reply_to=m.in_reply_to, quote_of=m.quote_of, repost_of=m.repost_of, reposts=m.reposts,
                    replies=m.replies, quotes=m.quotes, likes=m.likes,
                )
            )  # fmt: skip
    return posts


def posts_of(spec: ScenarioSpec, matcher: BrandMatcher, readings: Readings) -> tuple[list[Post], list[NewLink]]:
    """The posts, and the links the detector counts for them (as the store stage makes them)."""
    posts = scenario_posts(spec, matcher, readings, START + timedelta(days=DAYS))
    links = []
    for post in posts:
        sentiment = counted_sentiment(post.sentiment, post.negative, post.complaint)
        fingerprint = post.fingerprint if sentiment == "negative" else 0
        links.append(NewLink(spec.brands[0], post.id, post.created_at, post.author, sentiment, post.followers or 0,
                             post.new_account, fingerprint))  # fmt: skip
    return posts, links


def explanation_for(
    alert: ReplayedAlert, posts: list[Post], own: tuple[str, ...], vocabulary: Vocabulary
) -> Explanation:
    facts = replayed_facts(alert, own)
    start, end = wave_span(facts, posts[-1].created_at if posts else None)
    wave = [p for p in posts if start <= p.created_at <= end]
    usual = [p for p in posts if start - USUAL <= p.created_at < start]
    earlier = [p for p in usual if p.created_at >= start - EARLIER]
    linked = {p.key: p for p in posts}
    return explain(alert.brand, wave, usual, start=start, end=end, earlier=earlier, linked=linked,
                   brand_name=BRANDS[alert.brand].name, own_accounts=own, detected_at=alert.opened_at,
                   detector_signs=facts.signs, vocabulary=vocabulary)  # fmt: skip


def key_term_hits(truth: WaveTruth, explanation: Explanation, vocabulary: Vocabulary, top: int = 5) -> int:
    """How many of the cause's key terms share a word stem with one of the top reasons."""
    stems = {word for reason in explanation.reasons[:top] for word in reason.term.split(" ")}
    hits = 0
    for lang, terms in truth.key_terms.items():
        for term in terms:
            found = {word for item in vocabulary.terms(term, lang) for word in item.split(" ")}
            if found & stems:
                hits += 1
    return hits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=40)
    parser.add_argument("--first-seed", type=int, default=100)
    parser.add_argument("--json", help="write every wave's result here")
    args = parser.parse_args()
    brands = {b.id: b for b in example_brands()}
    readings = Readings()
    vocabulary = Vocabulary()
    rows: list[dict[str, Any]] = []
    started = time.perf_counter()
    for seed in range(args.first_seed, args.first_seed + args.seeds):
        spec = spec_for(seed)
        brand = brands[spec.brands[0]]
        matcher = BrandMatcher.for_brands([brand])
        truth = Scenario(spec).truth()[0]
        posts, links = posts_of(spec, matcher, readings)
        alerts = replay(links, [brand], until=START + timedelta(days=DAYS))
        own = tuple(brand.own_accounts)
        matched = [
            a for a in alerts
            if a.peak >= Level.INCIDENT and a.opened_at <= truth.end + timedelta(hours=12)
            and (a.resolved_at or datetime.max.replace(tzinfo=UTC)) >= truth.onset - timedelta(minutes=30)
        ]  # fmt: skip
        row: dict[str, Any] = {
            "seed": seed, "brand": truth.brand, "cause": truth.cause, "shape": truth.shape,
            "coordinated": truth.coordinated, "size": truth.size, "detected": bool(matched),
        }  # fmt: skip
        if matched:
            t0 = time.perf_counter()
            explanation = explanation_for(matched[0], posts, own, vocabulary)
            row["explain_ms"] = round(1000 * (time.perf_counter() - t0), 1)
            origins = explanation.origin.posts if explanation.origin else []
            ids = [o.sample.native_id for o in origins]
            authors = {o.sample.author for o in origins}
            reported = [a.author for a in explanation.amplifiers]
            row.update(
                posts=explanation.posts,
                first_post_found=truth.first_post_ids[0] in ids,
                first_poster_found=bool(set(truth.first_posters) & authors),
                minutes_to_detection=explanation.origin.minutes_to_detection if explanation.origin else None,
                key_terms_hit=key_term_hits(truth, explanation, vocabulary),
                top_reasons=[r.label for r in explanation.reasons[:5]],
                top_theme=explanation.themes[0].label if explanation.themes else None,
                amplifiers_true=list(truth.amplifiers),
                amplifiers_reported=reported,
                amplifiers_found=sum(1 for a in truth.amplifiers if a in reported),
                shape_reported=explanation.shape.kind if explanation.shape else None,
                coordination_flagged=bool(explanation.coordination and explanation.coordination.flagged),
                coordination_signs=[
                    explanation.coordination.copies_share,
                    explanation.coordination.new_accounts_share,
                    explanation.coordination.lockstep_share,
                ]
                if explanation.coordination
                else None,
            )
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), file=sys.stderr)
    explained = [r for r in rows if r["detected"]]
    count = max(1, len(explained))
    summary = {
        "seeds": len(rows),
        "waves_explained": len(explained),
        "first_post_in_top3": round(sum(r["first_post_found"] for r in explained) / count, 3),
        "a_first_poster_in_top3": round(sum(r["first_poster_found"] for r in explained) / count, 3),
        "key_terms_in_top5": round(sum(r["key_terms_hit"] >= 1 for r in explained) / count, 3),
        "two_key_terms_in_top5": round(sum(r["key_terms_hit"] >= 2 for r in explained) / count, 3),
        "all_amplifiers_in_top5": round(
            sum(r["amplifiers_found"] == len(r["amplifiers_true"]) for r in explained) / count, 3
        ),
        "amplifier_recall": round(
            sum(r["amplifiers_found"] for r in explained) / max(1, sum(len(r["amplifiers_true"]) for r in explained)), 3
        ),
        "coordinated_flagged": f"{sum(r['coordination_flagged'] for r in explained if r['coordinated'])}"
        f"/{sum(1 for r in explained if r['coordinated'])}",
        "organic_flagged": f"{sum(r['coordination_flagged'] for r in explained if not r['coordinated'])}"
        f"/{sum(1 for r in explained if not r['coordinated'])}",
        "explain_ms_max": max((r["explain_ms"] for r in explained), default=None),
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(summary, indent=2))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"summary": summary, "waves": rows}, out, indent=1, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
