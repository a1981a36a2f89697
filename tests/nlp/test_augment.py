"""Variants of training tweets (make models): deterministic, distinct, and never the tweet itself."""

from __future__ import annotations

from ascua.nlp.train.augment import variants

TWEET = "Gracias @Iberia por perder mi maleta otra vez, tres días esperando y nadie contesta 👏"


def test_variants_are_deterministic_distinct_and_shorter() -> None:
    found = variants(TWEET, 8)
    assert found == variants(TWEET, 8)  # the same tweet, the same variants (reproducible models)
    assert 1 <= len(found) <= 8
    assert len(set(found)) == len(found)
    assert TWEET not in found
    words = TWEET.split()
    for variant in found:
        kept = variant.split()
        assert 1 <= len(kept) < len(words)
        assert all(word in words for word in kept)


def test_short_or_empty_texts_give_no_variants() -> None:
    assert variants("", 8) == []
    assert variants("muy mal servicio", 8) == []
    assert variants("\ud800 roto", 8) == []
