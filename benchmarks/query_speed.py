"""Brand matching speed and memory: 1,000 brand queries against realistic posts, on one core.

The posts are the built-in scenario's (Spanish and English, about three brands) and, when
``../shared/data/airline-tweets/Tweets.csv`` is present, real tweets to six US airlines.
The 1,000 queries are what community managers write: the scenario's three brands and the
six airlines (with exclusions for ``united`` and ``delta``), a few dozen brands named with
common words (Sol, Orange, Jet…) that need exclusions, and invented brands with their
handles, hashtags, product phrases, wildcards, ``NOT``, ``NEAR`` and ``lang:``/``source:``
filters. Every post goes through :class:`ascua.query.BrandMatcher` exactly as in the
pipeline (tokens, prefilter, full check, language detected on demand for ``lang:``).

Target: at least 20,000 posts/s on one core (the process is pinned to one). On a machine
busy with other work, wall time undercounts; posts per second of CPU time is printed too.
The result is also checked against running every query on every post (no prefilter) on a
sample. Run it with ``make bench`` or ``python benchmarks/query_speed.py [--brands N] [--posts N]``.
"""

from __future__ import annotations

import argparse
import csv
import gc
import itertools
import json
import os
import random
import resource
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import psutil

from ascua.model import Mention
from ascua.query import BrandMatcher, BrandQuery
from ascua.query.text import tokens
from ascua.scenario import Scenario, ScenarioSpec

TARGET = 20_000
AIRLINE_TWEETS = Path(__file__).resolve().parents[2] / "shared" / "data" / "airline-tweets" / "Tweets.csv"

REAL_BRANDS = [
    (
        "vuelaya",
        'vuelaya OR "vuela ya" OR @vuelaya OR @vuelaya_ayuda OR #vuelaya',
        None,
        ["@vuelaya", "@vuelaya_ayuda"],
    ),
    ("frutalia", "frutalia OR @frutalia OR @frutalia_ayuda OR #frutalia", None, ["@frutalia", "@frutalia_ayuda"]),
    ("conectia", "conectia OR @conectia OR @conectia_responde OR #conectia", None, ["@conectia"]),
    ("united", "@united OR #united OR united NEAR/3 flight OR united NEAR/3 airline", None, ["@united"]),
    ("united-plain", "united OR @united", '"united states" OR "united nations" OR "manchester united"', []),
    ("delta", "@delta OR #deltaairlines OR delta", '"delta variant" OR "mekong delta" OR "delta force"', ["@delta"]),
    ("american", '@americanair OR "american airlines" OR #americanairlines OR aa NEAR/2 flight', None, []),
    ("southwest", '@southwestair OR "southwest airlines" OR southwest NEAR/3 flight', None, []),
    ("usairways", '@usairways OR "us airways" OR usairways', None, []),
    ("virgin", '@virginamerica OR "virgin america" OR #virginamerica', None, []),
]
# Brands people name with everyday words: the queries need exclusions, and the prefilter sees them often.
COMMON_NAMES = [
    ("sol", "hotel OR hoteles OR melia", '"sol y playa" OR "tomar el sol" OR "hace sol"'),
    ("orange", "movil OR fibra OR tarifa OR mobile", '"orange juice" OR naranja'),
    ("apple", "iphone OR mac OR ipad OR watch", '"apple pie" OR manzana OR receta'),
    ("jet", "lag OR airline OR vuelos", '"jet ski"'),
    ("nube", "almacenamiento OR backup", "lluvia OR tormenta"),
    ("luz", "factura OR tarifa OR compania", '"luz verde" OR "dar a luz"'),
    ("casa", "seguro OR hogar", '"en casa" OR "a casa"'),
    ("bolt", "taxi OR ride OR scooter", "usain"),
    ("spirit", "airline* OR flight*", '"team spirit"'),
    ("frontier", "airline* OR flight*", '"final frontier"'),
    ("alaska", "airline* OR flight* OR miles", "cruise OR glacier"),
    ("jetblue", "flight* OR mint", None),
    ("service", "app OR store", None),
    ("time", "magazine", '"on time"'),
    ("help", "desk OR center", None),
    ("bag", "store OR shop", "lost"),
    ("seat", "leon OR ibiza OR arona OR coche", "seats OR window OR aisle"),
    ("plus", "membership OR premium", None),
    ("gate", "keeper OR app", None),
    ("phone", "case OR cover", None),
    ("tarde", "app OR tienda", None),
    ("vuelo", "app OR planner", None),
    ("mundo", "periodico OR noticias", '"todo el mundo"'),
    ("cielo", "aerolinea OR seguros", None),
    ("ayuda", "app OR plataforma", None),
    ("gracias", "tienda OR moda", None),
    ("amazon", "prime OR pedido OR order OR paquete", "rainforest OR selva OR river"),
    ("mercadona", "supermercado OR compra", None),
    ("movistar", "fibra OR futbol OR tarifa", None),
    ("iberia", "vuelo* OR avios OR maleta*", '"peninsula iberica"'),
]
SYLLABLES = [c + v for c in "bcdfglmnprstvz" for v in "aeiou"] + ["tel", "vor", "lex", "nor", "kia", "zen", "qui"]
PRODUCTS = ["pro", "max", "plus", "go", "one", "lite", "mini", "app", "card", "pay", "club", "prime", "air", "home"]
COMPLAINTS = [
    "reembols*",
    "refund*",
    "cancel*",
    '"late flight"~5',
    '"sin avisar"',
    "estafa",
    "factura*",
    "atencion NEAR/3 cliente",
    "customer NEAR/2 service",
    "#boicot",
    "queja*",
    '"no funciona"',
]


def invented_query(rng: random.Random, index: int) -> tuple[str, str, str | None, list[str]]:
    name = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3, 3, 4))))
    key = f"{name}-{index}"
    handles = [f"@{name}", f"@{name}_{rng.choice(('es', 'ayuda', 'help', 'oficial'))}"]
    terms = [name, *handles, f"#{name}"]
    shape = rng.random()
    if shape < 0.2:
        terms.append(f'"{name} {rng.choice(PRODUCTS)}"')
    if shape < 0.3:
        terms.append(f"{name[: max(4, len(name) - 2)]}*")
    if 0.3 <= shape < 0.4:
        terms.append(f'"{name[:3]} {name[3:]}"' if len(name) > 4 else f'"{name} app"')
    query = " OR ".join(terms)
    extra = rng.random()
    if extra < 0.25:
        query = f"({query}) AND ({' OR '.join(rng.sample(COMPLAINTS, 3))})"
    elif extra < 0.35:
        query = f"({query}) lang:{rng.choice(('es', 'en', '(es OR en)'))}"
    elif extra < 0.42:
        query = f"({query}) -source:{rng.choice(('facebook', 'web'))}"
    elif extra < 0.47:
        query = f"({query}) OR {name} NEAR/4 {rng.choice(('app', 'tienda', 'store', 'service'))}"
    elif extra < 0.50:
        query = f"({query}) OR site:{name}.example"
    exclude = f'"{name} {rng.choice(("tour", "fc", "band", "game"))}" OR sorteo' if rng.random() < 0.2 else None
    return key, query, exclude, handles[:1]


def brand_queries(count: int, seed: int) -> list[BrandQuery]:
    rng = random.Random(seed)
    specs: list[tuple[str, str, str | None, list[str]]] = list(REAL_BRANDS)
    for name, context, exclude in COMMON_NAMES:
        specs.append((f"common-{name}", f"(@{name} OR #{name}) OR ({name} AND ({context}))", exclude, []))
    index = 0
    while len(specs) < count:
        specs.append(invented_query(rng, index))
        index += 1
    return [BrandQuery.of(key, query, exclude=exclude, own_accounts=own) for key, query, exclude, own in specs[:count]]


def scenario_posts(count: int, seed: int) -> list[Mention]:
    scenario = Scenario(ScenarioSpec(seed=seed, start=datetime(2026, 1, 5, tzinfo=UTC)))
    posts = []
    for record in itertools.islice(scenario.records(), count):
        posts.append(
            Mention(
                source=record["source"],
                native_id=record["id"],
                text=record["text"],
                created_at=datetime.fromisoformat(record["created_at"].replace("Z", "+00:00")),
                url=record.get("url"),
                author_handle=record["author"]["handle"],
                lang=record.get("lang"),
            )
        )
    return posts


def airline_posts() -> list[Mention]:
    if not AIRLINE_TWEETS.is_file():
        return []
    posts = []
    with AIRLINE_TWEETS.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            posts.append(
                Mention(
                    source="x",
                    native_id=row["tweet_id"],
                    text=row["text"],
                    created_at=datetime.now(UTC),
                    url=f"https://x.example/{row['name']}/status/{row['tweet_id']}",
                    author_handle="@" + row["name"],
                    lang=None,  # the export does not say: lang: filters detect it
                )
            )
    return posts


def rss_mb() -> float:
    return float(psutil.Process().memory_info().rss) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--brands", type=int, default=1_000)
    parser.add_argument("--posts", type=int, default=60_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--check", type=int, default=3_000, help="posts checked against running every query")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "query_speed.json")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core

    airline = airline_posts()
    posts = scenario_posts(args.posts - min(len(airline), args.posts // 2), args.seed) + airline[: args.posts // 2]
    random.Random(args.seed).shuffle(posts)
    print(f"{len(posts):,} posts ({len(airline[: args.posts // 2]):,} airline tweets), {args.brands:,} brand queries")

    before = rss_mb()
    started = time.perf_counter()
    queries = brand_queries(args.brands, args.seed)
    matcher = BrandMatcher(queries)
    build = time.perf_counter() - started
    matcher_mb = rss_mb() - before
    always = sum(q.query.anchors is None for q in queries)
    print(f"compiled and indexed in {build:.2f} s; {matcher_mb:.1f} MB; {always} queries without anchors")

    matcher.match(posts[0])  # loads the language model, if a query needs it, outside the timing
    gc.collect()
    best = best_cpu = float("inf")
    brands: Counter[int] = Counter()
    for _ in range(3):
        started, started_cpu = time.perf_counter(), time.process_time()
        results = [matcher.match(post) for post in posts]
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
    brands.update(len(result) for result in results)
    rate, cpu_rate = len(posts) / best, len(posts) / best_cpu
    candidates = sum(len(matcher.candidates(matcher.view(post))) for post in posts[:5_000]) / min(len(posts), 5_000)
    print(f"matched {len(posts):,} posts in {best:.2f} s: {rate:,.0f} posts/s on one core (target {TARGET:,})")
    print(f"  CPU time {best_cpu:.2f} s: {cpu_rate:,.0f} posts/s per second of CPU (what a busy machine leaves out)")
    print(
        f"  brands per post: {dict(sorted(brands.items()))}; "
        f"{candidates:.1f} candidate queries per post out of {len(queries):,}"
    )

    sample = posts[: args.check]
    brute = BrandMatcher(queries, prefilter=False)
    started = time.perf_counter()
    expected = [brute.match(post) for post in sample]
    brute_rate = len(sample) / (time.perf_counter() - started)
    same = expected == results[: len(sample)]
    print(f"without the prefilter: {brute_rate:,.0f} posts/s; same answers on {len(sample):,} posts: {same}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")
    words = sum(len(tokens(post.text)) for post in posts) / len(posts)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    result = {
        "posts": len(posts),
        "brands": len(queries),
        "posts_per_second": round(rate),
        "posts_per_cpu_second": round(cpu_rate),
        "target": TARGET,
        "brute_force_posts_per_second": round(brute_rate),
        "same_answers": same,
        "candidates_per_post": round(candidates, 2),
        "words_per_post": round(words, 1),
        "queries_without_anchors": always,
        "build_seconds": round(build, 3),
        "matcher_mb": round(matcher_mb, 1),
        "peak_rss_mb": round(peak),
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    print(f"target ≥{TARGET:,} posts/s: {'ok' if max(rate, cpu_rate) >= TARGET else 'MISSED'}")
    if not same:
        raise SystemExit("the prefilter changed some answers")


if __name__ == "__main__":
    main()
