"""Brand queries: the Boolean language of listening tools, insensitive to case, accents and punctuation."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ascua.analysis import AnalysisSetup, analysis_stages
from ascua.config import ConfigError, load_workspace
from ascua.model import Mention
from ascua.nlp.language import LanguageDetector
from ascua.query import BrandMatcher, BrandQuery, PostView, QueryError, compile_query
from ascua.query.text import bare_tokens, fold, tokens

from .conftest import write_workspace

NOW = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


def matches(query: str, text: str, **fields: str) -> bool:
    return compile_query(query).matches(PostView.of(text, **fields))


def mention(
    text: str, *, lang: str | None = None, source: str = "x", author: str = "@someone", url: str = ""
) -> Mention:
    return Mention(source, text, text, NOW, lang=lang, author_handle=author, url=url or None)


# A crowd of other brands around the one under test, so that the prefilter has work to do.
CROWD = [
    (f"brand{i}", f'marca{i} OR @marca{i} OR #marca{i} OR "marca {i}" OR late NEAR/2 marca{i}', ()) for i in range(50)
]

LANGUAGE_CASES = [
    ("atención", "ATENCION al cliente nula", True),
    ("atencion", "Atención, por favor", True),
    ("ATENCIÓN", "atencion!!!", True),
    ("vuelaya", "#VuelaYa otra vez tarde", True),
    ("vuelaya", "@vuelaya ¿hola?", True),
    ("@vuelaya", "vuelaya sin arroba", False),
    ("@vuelaya", "Gracias @VuelaYa.", True),
    ("#vuelaya", "@vuelaya no es hashtag", False),
    ("#vuelaya", "Otra vez #VUELAYA", True),
    ('"sin avisar"', "cancelado SIN AVISAR!!", True),
    ('"sin avisar"', "avisar sin", False),
    ('"sin avisar"', "sin, avisar", True),  # punctuation does not break a phrase
    ("reembols*", "quiero el reembolso ya", True),
    ("reembols*", "REEMBÓLSENME", True),
    ("reembols*", "nada de eso", False),
    ("reembols*", "el no-reembolso", True),
    ("re?mbolso", "reembolso", True),
    ("#reembols*", "#ReembolsoYa", True),
    ("#reembols*", "reembolso ya", False),
    ("@vuelaya*", "hola @vuelaya_ayuda", True),
    ("vuel*ya", "vuelaya", True),
    ("vuelaya AND (retraso OR cancelado)", "Vuelaya: retraso de 3h", True),
    ("vuelaya AND (retraso OR cancelado)", "Vuelaya: todo bien", False),
    ("vuelaya NOT broma", "vuelaya es una broma", False),
    ("vuelaya -broma", "vuelaya en serio", True),
    ("NOT broma", "nada que ver", True),
    ("late flight", "the flight was late", True),  # implicit AND
    ('"late flight"~3', "flight was very late", True),
    ('"late flight"~1', "flight was very very late", False),
    ("late NEAR/2 flight", "late again my flight", True),
    ("late NEAR/2 flight", "late again and again my flight", False),
    ("delayed AND late NEAR/2 flight", "delayed: late again, my flight", True),
    ("late NEAR/2 flight OR cancelled", "cancelled", True),
    ("late NEAR/2 flight OR cancelled", "late for the flight", True),
    ('"lost bag" NEAR/3 united', "@United lost my bag again", False),
    ('"lost bag" NEAR/3 united', "united lost bag again", True),
    ("a1 NEAR/1 b1 NEAR/1 c1", "a1 b1 c1", True),
    ("a1 NEAR/1 b1 NEAR/1 c1", "a1 c1 x b1", False),
    ("e-commerce", "el E-Commerce crece", True),
    ("o2.es", "mi factura de O2.es", True),
    ("mcdonald's", "McDonald's otra vez", True),
]


@pytest.mark.parametrize(("query", "text", "expected"), LANGUAGE_CASES)
def test_queries_match_like_a_listening_tool(query: str, text: str, expected: bool) -> None:
    assert matches(query, text) is expected
    # The same answer through the matcher of every brand, prefilter included.
    matcher = BrandMatcher([*CROWD, ("tested", query, ())])
    assert ("tested" in matcher.match(mention(text))) is expected


def test_field_filters() -> None:
    assert matches("vuelaya lang:es", "vuelaya tarde", lang="es")
    assert matches("vuelaya lang:es", "vuelaya tarde", lang="es-ES")
    assert not matches("vuelaya lang:es", "vuelaya late", lang="en")
    assert matches("vuelaya source:(bluesky OR mastodon)", "vuelaya", source="mastodon")
    assert matches("author:@Pepe", "hola", author="@pepe")
    assert matches("site:example.com", "x", url="https://news.example.com/a")
    assert matches("site:www.example.com", "x", url="https://example.com/a")
    assert not matches("site:example.com", "x", url="https://example.org/a")
    assert not matches("site:example.com", "x", url="https://notexample.com/a")


@pytest.mark.parametrize(
    ("query", "post", "expected"),
    [
        ("vuelaya source:bluesky", mention("vuelaya", source="bluesky"), True),
        ("vuelaya source:bluesky", mention("vuelaya", source="x"), False),
        ("vuelaya -source:facebook", mention("vuelaya", source="facebook"), False),
        ("author:@vuelaya_ayuda", mention("hola", author="@Vuelaya_Ayuda"), True),
        ("author:(@a OR @b)", mention("hola", author="@b"), True),
        ("author:@vuelaya_ayuda", mention("hola", author="@otra"), False),
        ("site:example.com", mention("x", url="https://news.example.com/a"), True),
        ("site:example.com OR vuelaya", mention("x", url="https://example.org/a"), False),
        ("vuelaya OR site:example.com", mention("x", url="https://example.com/a"), True),
        ("lang:en", mention("x", lang="en"), True),
    ],
)
def test_fields_through_the_prefilter(query: str, post: Mention, expected: bool) -> None:
    matcher = BrandMatcher([*CROWD, ("tested", query, ())])
    assert ("tested" in matcher.match(post)) is expected


def test_anchors_are_the_words_a_post_needs() -> None:
    assert compile_query("a1 AND (b1 OR c1)").anchors in (frozenset({"a1"}), frozenset({"b1", "c1"}))
    assert compile_query("vuelaya AND (retraso OR cancel*)").anchors == frozenset({"vuelaya"})
    assert compile_query("retraso OR cancel*").anchors == frozenset({"retraso", "cancel*"})
    assert compile_query('"de la casa" lang:es').anchors == frozenset({"casa"})  # the rarest word of the phrase
    assert compile_query("author:@pepe").anchors == frozenset({"author:pepe"})
    for unanchored in ("NOT spam", "lang:es", "vuelaya OR lang:es", "-source:x", "vuelaya OR -spam"):
        assert compile_query(unanchored).anchors is None, unanchored


# --- the prefilter changes nothing: random queries against random posts -------------------

VOCABULARY = [
    "vuelaya", "vuela", "ya", "retraso", "retrasos", "reembolso", "reembolsar", "atención", "cliente",
    "late", "flight", "flights", "lost", "bag", "refund", "cancel", "cancelled", "app", "de", "la",
    "united", "apple", "pie", "manzana", "o2", "es",
]  # fmt: skip
HANDLES = ["@vuelaya", "@vuelaya_ayuda", "#vuelaya", "#reembolso", "@united", "#fail"]
TERMS = [*VOCABULARY, *HANDLES, "reembols*", "flight*", "#reembols*", "@vuelaya*", "ret?aso", "can*ed"]


def random_query(rng: random.Random, depth: int = 0) -> str:
    roll = rng.random()
    if depth > 2 or roll < 0.35:
        kind = rng.random()
        if kind < 0.55:
            return rng.choice(TERMS)
        if kind < 0.7:
            return '"' + " ".join(rng.sample(VOCABULARY, rng.randint(1, 3))) + '"'
        if kind < 0.78:
            return '"' + " ".join(rng.sample(VOCABULARY, 2)) + f'"~{rng.randint(0, 4)}'
        if kind < 0.86:
            return f"{rng.choice(VOCABULARY)} NEAR/{rng.randint(0, 4)} {rng.choice(VOCABULARY)}"
        field = rng.choice(
            ["lang:es", "lang:en", "lang:(es OR en)", "source:bluesky", "source:(x OR mastodon)",
             "author:@pepe", "author:(@ana OR @pepe)", "site:example.com", "site:news.example.org"]
        )  # fmt: skip
        return field
    if roll < 0.6:
        parts = [random_query(rng, depth + 1) for _ in range(rng.randint(2, 3))]
        return "(" + " OR ".join(parts) + ")"
    if roll < 0.85:
        parts = [random_query(rng, depth + 1) for _ in range(rng.randint(2, 3))]
        return "(" + rng.choice([" AND ", " "]).join(parts) + ")"
    return rng.choice(["NOT ", "-"]) + "(" + random_query(rng, depth + 1) + ")"


def random_post(rng: random.Random) -> Mention:
    words = []
    for _ in range(rng.randint(0, 12)):
        word = rng.choice(VOCABULARY + HANDLES + ["REEMBOLSO", "Atencion", "CANCELLED!", "retraso,", "¿vuelaya?"])
        words.append(word.upper() if rng.random() < 0.1 else word)
    return Mention(
        source=rng.choice(["x", "bluesky", "mastodon"]),
        native_id=str(rng.random()),
        text=rng.choice([" ", ", ", "! ", " — "]).join(words),
        created_at=NOW,
        lang=rng.choice([None, None, "es", "en", "es-ES"]),
        author_handle=rng.choice(["@pepe", "@Ana", "@vuelaya_ayuda", "@otra"]),
        url=rng.choice([None, "https://example.com/1", "https://news.example.org/2", "https://x.example/3"]),
    )


def test_the_prefilter_gives_the_same_answers_as_running_every_query() -> None:
    rng = random.Random(20261123)
    specs: list[BrandQuery] = []
    for index in range(300):
        query = random_query(rng)
        exclude = random_query(rng) if rng.random() < 0.2 else None
        own = ["@vuelaya_ayuda"] if rng.random() < 0.05 else []
        specs.append(BrandQuery.of(f"b{index}", query, exclude=exclude, own_accounts=own))
    detector = LanguageDetector()
    fast = BrandMatcher(specs, language=detector)
    slow = BrandMatcher(specs, language=detector, prefilter=False)
    posts = [random_post(rng) for _ in range(1_500)]
    matched = 0
    for post in posts:
        expected = slow.match(post)
        assert fast.match(post) == expected, (post, [q.query.text for q in specs if q.brand in expected])
        matched += len(expected)
        view = fast.view(post)
        candidates = set(fast.candidates(view))
        for index, brand_query in enumerate(specs):  # every match was a candidate: the anchors are sound
            if brand_query.query.matches(view):
                assert index in candidates, (brand_query.query.text, post.text)
    assert matched > 1_000  # the test says something: many posts match many queries
    unanchored = sum(brand_query.query.anchors is None for brand_query in specs)
    assert 0 < unanchored < len(specs) / 2  # both roads are taken
    anchored_candidates = sum(len(fast.candidates(fast.view(post))) for post in posts) - unanchored * len(posts)
    assert anchored_candidates < 0.7 * len(posts) * (len(specs) - unanchored)  # even with a 26-word vocabulary


def test_folding_and_tokens_agree_on_any_text() -> None:
    rng = random.Random(7)
    alphabet = [*"abcXYZ019_' @#.,!?-\"’ñáÉüßµ½😡¿\t\n", "ﬁ", "Ἀ", "e\u0301"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        assert bare_tokens(fold(text)) == [word.lstrip("@#") for word in tokens(text)], repr(text)


# --- exclusions for ambiguous brand names ---------------------------------------------------


def test_an_exclusion_keeps_an_ambiguous_name_to_the_brand() -> None:
    matcher = BrandMatcher(
        [*CROWD, BrandQuery.of("apple", "apple", exclude='"apple pie" OR manzana OR receta', own_accounts=["@apple"])]
    )
    assert matcher.match(mention("My Apple Watch died again")) == ("apple",)
    assert matcher.match(mention("Apple pie, the best receta")) == ()
    assert matcher.match(mention("Tarta de manzana (apple)")) == ()
    # The brand's own account still belongs to it, whatever it writes.
    assert matcher.match(mention("Our apple pie recipe", author="@Apple")) == ("apple",)


def test_the_exclusion_is_validated_like_the_query_with_its_line_and_position(tmp_path: Path) -> None:
    (tmp_path / "ascua.yaml").write_text(
        "brands:\n  - id: apple\n    name: Apple\n    query: apple\n    exclude: '\"apple pie\" OR (receta'\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        load_workspace(tmp_path)
    assert caught.value.line == 5 and caught.value.field == "brands[0].exclude"
    assert "at position 22" in str(caught.value) and "close the parenthesis" in str(caught.value)
    with pytest.raises(QueryError) as error:
        compile_query("apple", exclude="colour:red")
    assert error.value.part == "exclude" and error.value.position == 0
    assert str(error.value).startswith("in the exclusion, at position 0: unknown field 'colour'")


def test_the_pipeline_applies_the_exclusion_from_ascua_yaml(tmp_path: Path) -> None:
    brands = [
        {"id": "apple", "name": "Apple", "query": "apple OR @apple", "exclude": '"apple pie" OR manzana'},
        {"id": "vuelaya", "name": "Vuelaya", "query": "vuelaya"},
    ]
    workspace = write_workspace(tmp_path / "ws", sources=[], brands=brands)
    _, matcher, _ = analysis_stages(workspace, AnalysisSetup(str(workspace.root)))
    assert matcher is not None
    assert matcher.match(mention("apple pie with vuelaya")) == ("vuelaya",)
    assert matcher.match(mention("@Apple my iPhone")) == ("apple",)


# --- lang: sees the detected language when the source gives none -----------------------------


class CountingDetector(LanguageDetector):
    """The real detector, counting how often it is asked."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def detect(self, text: str) -> str:
        self.calls += 1
        return super().detect(text)


def test_lang_filters_detect_the_language_once_per_post_and_only_when_needed() -> None:
    detector = CountingDetector()
    matcher = BrandMatcher(
        [
            ("vuelaya-es", "vuelaya lang:es", ()),
            ("vuelaya-en", "vuelaya AND lang:en", ()),
            ("spanish", "lang:es AND (retraso OR cancelado)", ()),
            ("frutalia", "frutalia", ()),
        ],
        language=detector,
    )
    spanish = "Vuelaya me ha cancelado el vuelo otra vez, y sin avisar"
    assert matcher.match(mention(spanish)) == ("vuelaya-es", "spanish")
    assert detector.calls == 1  # three queries looked at the language: detected once
    assert matcher.match(mention("Vuelaya cancelled my flight again without any notice")) == ("vuelaya-en",)
    assert detector.calls == 2
    assert matcher.match(mention(spanish, lang="en")) == ("vuelaya-en",)  # the source's language wins
    assert matcher.match(mention("Frutalia abre una tienda nueva en el centro")) == ("frutalia",)
    assert detector.calls == 2  # no candidate query looked at the language
    assert matcher.match(mention("El tren llega con retraso otra vez")) == ("spanish",)
    assert detector.calls == 3


# --- invalid queries -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "position", "hint"),
    [
        ("vuelaya AND (retraso", 20, "close the parenthesis"),
        ("vuelaya OR retraso)", 18, "closes nothing"),
        ("AND vuelaya", 0, "between terms"),
        ("vuelaya AND", 11, "an operator needs a term after it"),
        ("vuelaya OR OR retraso", 11, "between terms"),
        ("vuelaya NOT", 11, "an operator needs a term after it"),
        ('"sin avisar', 0, "close the quotes"),
        ("colour:red", 0, "fields are lang, source, author, site"),
        ("vuelaya AND https://vuelaya.example", 12, "put it in quotes"),
        ("*", 0, "two letters"),
        ("vuelaya OR a*", 11, "two letters"),
        ("e-comm*", 0, "one word"),
        ("   ", 0, "brand's name"),
        ("vuelaya NEAR/3", 8, "late NEAR/5 flight"),
        ("vuelaya NEAR/3 (retraso OR cancelado)", 8, "late NEAR/5 flight"),
        ("vuelaya~2", 0, "not supported"),
        ("lang:(es AND en)", 0, "lang:value"),
        ("author:@", 0, "author:value"),
        ("site:example.com/news", 0, "site:example.com"),
        ("vuelaya && retraso", 8, "write AND instead"),
    ],
)
def test_invalid_queries_say_where_and_how_to_fix(query: str, position: int | None, hint: str) -> None:
    with pytest.raises(QueryError) as caught:
        compile_query(query)
    assert caught.value.position == position
    assert hint in str(caught.value)


def test_an_invalid_query_is_never_half_applied() -> None:
    with pytest.raises(QueryError):
        BrandMatcher([("vuelaya", "vuelaya", ()), ("broken", "broken AND (", ())])
    with pytest.raises(QueryError) as caught:
        BrandMatcher([BrandQuery.of("apple", "apple", exclude="manzana OR")])
    assert caught.value.part == "exclude"


def test_query_errors_speak_spanish() -> None:
    from ascua.i18n import translator

    with pytest.raises(QueryError) as caught:
        compile_query("vuelaya AND (retraso")
    spanish = caught.value.describe(translator("es").gettext)
    assert spanish == "en la posición 20: la consulta termina antes de tiempo — cierra el paréntesis"
