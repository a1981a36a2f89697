"""The PAINS of the empathy map against people's labels, on real tweets (issue 9).

The airline tweets (Twitter US Airline Sentiment, February 2015: 14.6k tweets about six US
airlines) carry, for the tweets people labelled negative, the reason of the complaint
(``negativereason``: Customer Service Issue, Late Flight, Cancelled Flight, Lost Luggage…).
The map never sees those labels: each airline's map is built from the texts with Ascua's own
fast-tier reading (sentiment, emotion, question, complaint), exactly as from stored mentions.

Then, for evaluation only, each PAINS group is named by the most frequent label among the
labelled-negative tweets it holds (its "purity" is that label's share), and the labels of the
top groups are compared with the airline's most frequent labelled reasons ("Can't Tell" left
out: it names no reason). Reported per airline: the top three labelled reasons, the top PAINS
groups with their label and purity, and how many of the three top reasons the top groups
recover (recall@3 among the groups shown) and whether the first group is the first reason.

Data: ``$ASCUA_DATA/airline-tweets/Tweets.csv``, else ``../shared/data`` next to the repository.
Run: ``python benchmarks/empathy_airlines.py [--json OUT]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ascua.empathy import EmpathyMap, Said, build_map
from ascua.explain.post import Post
from ascua.explain.terms import Vocabulary

UNTOLD = "Can't Tell"
BATCH = 1_000


def data_file() -> Path:
    configured = os.environ.get("ASCUA_DATA")
    root = Path(configured) if configured else Path(__file__).resolve().parents[1].parent / "shared" / "data"
    return root / "airline-tweets" / "Tweets.csv"


def load(path: Path) -> list[dict[str, str]]:
    seen: set[str] = set()
    rows = []
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["tweet_id"] in seen:
                continue
            seen.add(row["tweet_id"])
            rows.append(row)
    return rows


def analysed(rows: list[dict[str, str]]) -> tuple[list[Said], float]:
    from ascua.nlp.analyzer import Analyzer

    analyzer = Analyzer()
    started = time.perf_counter()
    said: list[Said] = []
    for begin in range(0, len(rows), BATCH):
        chunk = rows[begin : begin + BATCH]
        results = analyzer.analyse([row["text"] for row in chunk], langs=["en"] * len(chunk))
        for number, (row, result) in enumerate(zip(chunk, results, strict=True), start=begin):
            created = datetime.strptime(row["tweet_created"], "%Y-%m-%d %H:%M:%S %z").astimezone(UTC)
            post = Post(number, "x", row["tweet_id"], row["text"], created, author="@" + row["name"], lang="en",
                        sentiment=result.sentiment, negative=result.scores["negative"], complaint=result.complaint,
                        reposts=int(row["retweet_count"] or 0))  # fmt: skip
            emotion = max(result.emotion, key=lambda name: result.emotion[name]) if result.emotion else None
            said.append(Said(post, result.question, emotion, result.emotion.get(emotion, 0.0) if emotion else 0.0,
                             result.sentiment == "positive"))  # fmt: skip
    return said, time.perf_counter() - started


# The names people tag each airline with (the data's "Delta" tweets are addressed to @JetBlue).
HANDLES = {
    "Virgin America": ("@VirginAmerica", "virgin"),
    "United": ("@united",),
    "Southwest": ("@SouthwestAir",),
    "Delta": ("@JetBlue", "@Delta"),
    "US Airways": ("@USAirways", "usair"),
    "American": ("@AmericanAir",),
}


def evaluate(found: EmpathyMap, posts: list[Said], reasons: dict[int, str], top: int = 3) -> dict[str, Any]:
    """Name each PAINS group by its labelled tweets' most frequent reason; compare with the labelled top."""
    labelled = Counter(reason for reason in reasons.values() if reason and reason != UNTOLD)
    expected = [name for name, _count in labelled.most_common(top)]
    vocabulary = Vocabulary()
    terms = {said.post.id: vocabulary.terms(said.post.text, "en") for said in posts if said.post.is_negative}
    groups = []
    for group in found.pains:
        keys = set(group.keys)
        members = [number for number, found_terms in terms.items() if not keys.isdisjoint(found_terms)]
        counts = Counter(reasons[n] for n in members if reasons.get(n) and reasons[n] != UNTOLD)
        label, count = counts.most_common(1)[0] if counts else ("—", 0)
        groups.append({"group": group.label, "people": group.people, "share": group.share, "label": label,
                       "purity": round(count / max(sum(counts.values()), 1), 3)})  # fmt: skip
    shown = {g["label"] for g in groups}
    return {
        "labelled_top": [{"reason": name, "tweets": labelled[name]} for name in expected],
        "pains": groups,
        "recall_at_3": round(len(set(expected) & shown) / max(len(expected), 1), 3),
        "first_matches": bool(groups) and bool(expected) and groups[0]["label"] == expected[0],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, help="Also write the results here.")
    options = parser.parse_args()
    path = data_file()
    if not path.exists():
        print(f"no data at {path} (set ASCUA_DATA)", file=sys.stderr)
        return 2
    rows = load(path)
    posts, seconds = analysed(rows)
    print(f"{len(rows):,} tweets read by the fast tier in {seconds:.1f} s")
    by_airline: dict[str, list[int]] = defaultdict(list)
    for number, row in enumerate(rows):
        by_airline[row["airline"]].append(number)
    results: dict[str, Any] = {}
    recalls = []
    for airline in sorted(by_airline):
        chosen = [posts[i] for i in by_airline[airline]]
        started = time.process_time()
        found = build_map(chosen, brand=airline, brand_words=(airline, *HANDLES.get(airline, ())), groups=5)
        spent = time.process_time() - started
        reasons = {
            i: rows[i]["negativereason"] for i in by_airline[airline] if rows[i]["airline_sentiment"] == "negative"
        }
        result = evaluate(found, chosen, reasons)
        result["seconds"] = round(spent, 2)
        results[airline] = result
        recalls.append(result["recall_at_3"])
        print(f"\n{airline} ({len(chosen):,} tweets, {sum(1 for p in chosen if p.post.is_negative):,} read negative; "
              f"map in {spent:.2f} s)")  # fmt: skip
        print("  labelled top reasons: " + ", ".join(f"{r['reason']} ({r['tweets']})" for r in result["labelled_top"]))
        for group in result["pains"]:
            print(f"  PAINS {group['group'][:48]:<48} {100 * group['share']:4.0f}% of the negative people -> "
                  f"{group['label']} ({100 * group['purity']:.0f}% of its labelled tweets)")  # fmt: skip
        print(f"  recall@3 {result['recall_at_3']:.2f}, first group is the first reason: {result['first_matches']}")
    mean = sum(recalls) / len(recalls)
    firsts = sum(1 for r in results.values() if r["first_matches"])
    print(f"\nmean recall@3 of the labelled top reasons among the top PAINS groups: {mean:.2f}; "
          f"first group = first reason for {firsts} of {len(results)} airlines")  # fmt: skip
    if options.json:
        options.json.write_text(json.dumps({"airlines": results, "mean_recall_at_3": mean}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
