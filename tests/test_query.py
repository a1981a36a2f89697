"""Brand queries: the Boolean language of listening tools, insensitive to case, accents and punctuation."""

from __future__ import annotations

import pytest

from ascua.query import PostView, QueryError, compile_query


def matches(query: str, text: str, **fields: str) -> bool:
    return compile_query(query).matches(PostView.of(text, **fields))


@pytest.mark.parametrize(
    ("query", "text", "expected"),
    [
        ("atención", "ATENCION al cliente nula", True),
        ("atencion", "Atención, por favor", True),
        ("vuelaya", "#VuelaYa otra vez tarde", True),
        ("vuelaya", "@vuelaya ¿hola?", True),
        ("@vuelaya", "vuelaya sin arroba", False),
        ("#vuelaya", "@vuelaya no es hashtag", False),
        ('"sin avisar"', "cancelado SIN AVISAR!!", True),
        ('"sin avisar"', "avisar sin", False),
        ("reembols*", "quiero el reembolso ya", True),
        ("reembols*", "nada de eso", False),
        ("vuelaya AND (retraso OR cancelado)", "Vuelaya: retraso de 3h", True),
        ("vuelaya AND (retraso OR cancelado)", "Vuelaya: todo bien", False),
        ("vuelaya NOT broma", "vuelaya es una broma", False),
        ("vuelaya -broma", "vuelaya en serio", True),
        ("late flight", "the flight was late", True),  # implicit AND
        ('"late flight"~3', "flight was very late", True),
        ('"late flight"~1', "flight was very very late", False),
        ("late NEAR/2 flight", "late again my flight", True),
        ("e-commerce", "el E-Commerce crece", True),
    ],
)
def test_queries_match_like_a_listening_tool(query: str, text: str, expected: bool) -> None:
    assert matches(query, text) is expected


def test_field_filters() -> None:
    assert matches("vuelaya lang:es", "vuelaya tarde", lang="es")
    assert not matches("vuelaya lang:es", "vuelaya late", lang="en")
    assert matches("vuelaya source:(bluesky OR mastodon)", "vuelaya", source="mastodon")
    assert matches("author:@Pepe", "hola", author="@pepe")
    assert matches("site:example.com", "x", url="https://news.example.com/a")
    assert not matches("site:example.com", "x", url="https://example.org/a")


@pytest.mark.parametrize(
    ("query", "position", "hint"),
    [
        ("vuelaya AND (retraso", 20, "close the parenthesis"),
        ("AND vuelaya", 0, "between terms"),
        ('"sin avisar', 0, "close the quotes"),
        ("colour:red", 0, "fields are"),
        ("*", None, "two letters"),
        ("   ", 0, "brand's name"),
    ],
)
def test_invalid_queries_say_where_and_how_to_fix(query: str, position: int | None, hint: str) -> None:
    with pytest.raises(QueryError) as caught:
        compile_query(query)
    assert caught.value.position == position
    assert hint in str(caught.value)
