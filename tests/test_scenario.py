"""The built-in scenario: realistic, bilingual, deterministic, resumable, and honest about its truth."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from itertools import islice
from zoneinfo import ZoneInfo

from ascua.nlp.analyzer import Analyzer
from ascua.normalize import Normalizer
from ascua.scenario import Scenario, ScenarioSpec, WaveSpec, default_waves

START = datetime(2026, 1, 5, tzinfo=UTC)  # a Monday


def take(scenario: Scenario, count: int, **kwargs: object) -> list[tuple[datetime, dict]]:
    return list(islice(scenario.timed_records(**kwargs), count))  # type: ignore[arg-type]


def test_same_seed_same_stream_other_seed_other_stream() -> None:
    a = take(Scenario(ScenarioSpec(seed=1, start=START)), 500)
    b = take(Scenario(ScenarioSpec(seed=1, start=START)), 500)
    c = take(Scenario(ScenarioSpec(seed=2, start=START)), 500)
    assert a == b and a != c


def test_the_stream_is_in_time_order_and_every_record_is_valid() -> None:
    records = take(
        Scenario(
            ScenarioSpec(seed=3, start=START, waves=default_waves(3, START, 20, ("vuelaya", "frutalia", "conectia")))
        ),
        30_000,
    )
    times = [moment for moment, _ in records]
    assert times == sorted(times)
    normalizer = Normalizer()
    keys = set()
    for _, record in records:
        mention, warnings = normalizer.mention(record)
        assert warnings == []
        keys.add(mention.key)
    assert len(keys) == len(records)


def test_resuming_from_any_point_continues_the_same_stream() -> None:
    spec = ScenarioSpec(
        seed=4, start=START, waves=(WaveSpec("frutalia", START + timedelta(hours=30), "failed_delivery"),)
    )
    full = take(Scenario(spec), 4000)
    for cut in (1, 1234, 2999):
        moment, record = full[cut]
        resumed = take(Scenario(spec), 4000 - cut - 1, since=moment, after_id=record["id"])
        assert resumed == full[cut + 1 :]


def test_rhythm_quiet_nights_and_busy_days_in_local_time() -> None:
    records = take(Scenario(ScenarioSpec(seed=5, start=START)), 20_000)
    madrid = ZoneInfo("Europe/Madrid")
    by_hour = Counter(moment.astimezone(madrid).hour for moment, _ in records)
    assert by_hour[4] * 5 < by_hour[12]
    assert by_hour[20] > by_hour[8]


def test_bilingual_and_mostly_about_the_three_brands() -> None:
    records = [r for _, r in take(Scenario(ScenarioSpec(seed=6, start=START)), 5000)]
    langs = Counter(r["lang"] for r in records if r["lang"])
    assert langs["es"] > langs["en"] > 0.15 * langs["es"]
    networks = Counter(r["source"] for r in records)
    assert networks["x"] > networks["bluesky"] > 0 and networks["facebook"] > 0
    replies = [r for r in records if r.get("in_reply_to_author")]
    assert replies and all(r["author"]["handle"].endswith(("_ayuda", "_responde")) for r in replies)


def test_everyday_traffic_is_mostly_calm_with_a_minority_of_complaints() -> None:
    records = [r for _, r in take(Scenario(ScenarioSpec(seed=7, start=START)), 5000)]
    labels = Counter(result.sentiment for result in Analyzer().analyse([r["text"] for r in records]))
    assert 0.08 < labels["negative"] / len(records) < 0.3
    assert labels["positive"] > 0.1 * len(records)


def test_a_wave_knows_its_onset_first_posters_amplifiers_and_cause() -> None:
    onset = START + timedelta(days=2, hours=10)
    spec = ScenarioSpec(seed=8, start=START, waves=(WaveSpec("vuelaya", onset, "cancelled_flights", size=200),))
    scenario = Scenario(spec)
    (truth,) = scenario.truth()
    assert truth.onset == onset and truth.cause == "cancelled_flights" and truth.size == 200
    assert 1 <= len(truth.first_posters) <= 3 and 2 <= len(truth.amplifiers) <= 3
    wave = [
        r for m, r in take(scenario, 10_000, since=onset - timedelta(seconds=1)) if m < truth.end + timedelta(hours=1)
    ]
    first = min((r for r in wave if r["id"] in truth.first_post_ids), key=lambda r: r["created_at"])
    assert first["author"]["handle"] == truth.first_posters[0] and first["created_at"] == onset.isoformat().replace(
        "+00:00", "Z"
    )
    quotes = [r for r in wave if r.get("quote_of") == truth.first_post_ids[0]]
    assert {r["author"]["handle"] for r in quotes} >= set(truth.amplifiers)
    reposts = [r for r in wave if r.get("repost_of")]
    assert len(reposts) > 100
    terms = [t for lang in ("es", "en") for t in truth.key_terms[lang]]
    about = [r for r in wave if r.get("repost_of") is None and any(t in r["text"].lower() for t in terms)]
    assert len(about) > 100
    readings = Analyzer().analyse([r["text"] for r in wave])
    negative_people = {
        r["author"]["handle"] for r, result in zip(wave, readings, strict=True) if result.sentiment == "negative"
    }
    assert len(negative_people) > 150


def test_a_coordinated_wave_is_brand_new_accounts_in_lockstep() -> None:
    onset = START + timedelta(days=1)
    scenario = Scenario(
        ScenarioSpec(seed=9, start=START, waves=(WaveSpec("conectia", onset, size=80, coordinated=True),))
    )
    (truth,) = scenario.truth()
    records = [r for m, r in take(scenario, 6000, since=onset) if m < onset + timedelta(hours=3)]
    bots = [
        r
        for r in records
        if r["author"]["followers"] < 25
        and datetime.fromisoformat(r["author"]["created_at"]) > onset - timedelta(days=9)
        and not r.get("repost_of")
    ]
    assert len(bots) >= 80
    assert len({r["text"] for r in bots}) < len(bots) / 3  # near-identical texts
    assert truth.coordinated


def test_default_waves_vary_and_leave_a_week_of_history() -> None:
    waves = default_waves(1, START, 60, ("vuelaya", "frutalia", "conectia"))
    assert len(waves) >= 5 and min(w.at for w in waves) >= START + timedelta(days=6)
    assert {w.kind for w in waves} == {"negative", "positive"} and any(w.coordinated for w in waves)
    assert any(w.shape == "slow" for w in waves)
