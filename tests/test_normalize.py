"""normalize: one schema for every network, and a clear word for every bad field."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from ascua.model import Record, SourceBatch
from ascua.normalize import Normalizer, RecordError, canonical_url, derived_id, mention_record, parse_time

BASE = {"source": "x", "id": "1", "text": "hola", "created_at": "2026-01-05T10:00:00Z"}

DATE_HINT = "(write it like 2026-11-23T15:00:00Z, 2026-11-23 16:00:00 +0100 or a Unix time)"


def test_a_full_record_becomes_a_mention_and_back() -> None:
    record = {
        **BASE,
        "url": "https://x.com/Pepe/status/1?s=20",
        "lang": "ES",
        "author": {"handle": "pepe", "name": "Pepe", "followers": "1200", "created_at": 1700000000},
        "metrics": {"likes": 3, "reposts": "2"},
        "in_reply_to": 99,
        "in_reply_to_author": "vuelaya",
        "raw": {"extra": True},
    }
    mention, warnings = Normalizer().mention(record)
    assert warnings == []
    assert mention.author_handle == "@pepe" and mention.author_followers == 1200
    assert mention.canonical_url == "https://x.com/pepe/status/1"
    assert mention.lang == "es" and mention.in_reply_to == "99" and mention.in_reply_to_author == "@vuelaya"
    assert (mention.likes, mention.reposts) == (3, 2)
    again, _ = Normalizer().mention(mention_record(mention))
    assert again.key == mention.key and again.created_at == mention.created_at and again.raw == {"extra": True}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"text": None}, "'text': missing"),
        ({"created_at": "yesterday-ish"}, "cannot read the date"),
        ({"created_at": None}, "'created_at': missing"),
        ({"metrics": {"likes": "many"}}, "whole number"),
        ({"metrics": {"likes": -3}}, "cannot be negative"),
        ({"author": ["x"]}, "expected an object"),
        ({"text": "bad \udcff bytes"}, "invalid UTF-8"),
        ({"source": None}, "'source': missing"),
        ({"created_at": (datetime.now(UTC) + timedelta(days=30)).isoformat()}, "in the future"),
    ],
)
def test_bad_fields_are_named(change: dict[str, object], message: str) -> None:
    with pytest.raises(RecordError, match=message):
        Normalizer().mention({**BASE, **change})


def test_long_texts_are_cut_with_a_warning_and_control_characters_dropped() -> None:
    mention, warnings = Normalizer(max_text_length=1000).mention({**BASE, "text": "a\x00b" + "x" * 5000})
    assert len(mention.text) == 1000 and mention.text.startswith("ab")
    assert "cut to 1,000" in warnings[0]


def test_a_batch_keeps_going_past_bad_records_and_drops_exact_duplicates() -> None:
    batch = SourceBatch(
        "s",
        [
            Record(BASE, "f:1"),
            Record({**BASE, "created_at": "nope"}, "f:2"),
            Record(BASE, "f:3"),
            Record({**BASE, "id": "2"}, "f:4"),
        ],
    )
    result = Normalizer().process(batch)
    assert [m.native_id for m in result.mentions] == ["1", "2"]
    assert [str(p) for p in result.problems] == [f"f:2: field 'created_at': cannot read the date 'nope' {DATE_HINT}"]


def test_times_in_every_common_shape() -> None:
    expected = datetime(2015, 2, 24, 19, 35, 52, tzinfo=UTC)
    assert parse_time("2015-02-24 11:35:52 -0800", "t") == expected
    assert parse_time("Tue Feb 24 19:35:52 +0000 2015", "t") == expected
    assert parse_time(expected.timestamp(), "t") == expected
    assert parse_time(int(expected.timestamp() * 1000), "t") == expected
    assert parse_time("1424806552", "t") == expected
    madrid = timezone(timedelta(hours=1))
    assert parse_time("2015-02-24 20:35:52", "t", madrid) == expected  # naive: the workspace's zone


def test_canonical_urls_unify_copies_of_a_post() -> None:
    assert canonical_url("https://twitter.com/a/status/1") == canonical_url("https://mobile.x.com/A/status/1/?t=x")
    assert canonical_url("http://WWW.example.com/n/?utm_campaign=x&b=1#c") == "https://example.com/n?b=1"
    assert canonical_url("ftp://example.com/x") is None
    assert canonical_url("not a url") is None


def test_records_without_id_get_a_stable_one() -> None:
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    assert (
        derived_id("x", "@a", moment, "t") == derived_id("x", "@a", moment, "t") != derived_id("x", "@a", moment, "u")
    )
    mention, _ = Normalizer().mention({k: v for k, v in BASE.items() if k != "id"})
    assert mention.native_id.startswith("h")
