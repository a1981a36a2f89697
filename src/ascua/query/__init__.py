"""match: the brand query language, and the stage that runs every brand's query on each post."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

import ahocorasick

from ascua.model import Mention, MentionBatch
from ascua.query.compile import PostView, Query, QueryError, compile_query
from ascua.query.text import fold

if TYPE_CHECKING:
    from ascua.nlp.language import LanguageDetector

MAX_DETECTED_CHARS = 5_000  # as much of a post as the language detector reads


@dataclass(frozen=True)
class BrandQuery:
    """A brand's compiled query (with its exclusion) and its own accounts."""

    brand: str
    query: Query
    own_accounts: frozenset[str] = frozenset()

    @classmethod
    def of(cls, brand: str, query: str, *, exclude: str | None = None, own_accounts: Iterable[str] = ()) -> BrandQuery:
        """Compile a brand's query and exclusion; raises :class:`QueryError` for either."""
        handles = frozenset(fold(handle).lstrip("@") for handle in own_accounts)
        return cls(brand, compile_query(query, exclude), handles)


class BrandSettings(Protocol):
    """What the matcher reads of a brand's configuration (:class:`ascua.config.BrandConfig`)."""

    @property
    def id(self) -> str: ...
    @property
    def query(self) -> str: ...
    @property
    def exclude(self) -> str | None: ...
    @property
    def own_accounts(self) -> Sequence[str]: ...


class LanguageOnDemand:
    """The language of a post for ``lang:`` filters, detected only when a query asks for it.

    The detector (and its model) is created on the first question, so a matcher whose
    queries never look at the language never loads it.

    >>> LanguageOnDemand()("¿Alguien sabe si mañana hay vuelos a Sevilla?")
    'es'
    """

    def __init__(self, detector: LanguageDetector | None = None):
        self._detector = detector

    def __call__(self, text: str) -> str:
        if self._detector is None:
            from ascua.nlp.language import LanguageDetector

            self._detector = LanguageDetector()
        return self._detector.detect(text[:MAX_DETECTED_CHARS])


class BrandMatcher:
    """Runs every brand's compiled query once per post; a post may belong to several brands.

    Posts written by one of a brand's own accounts belong to that brand too (its
    answers count for engagement later). ``forced_brand`` assigns every post to one
    brand (an export already filtered for it); ``keep_unmatched`` keeps posts that
    match no brand instead of dropping them.

    All queries share one prefilter: an Aho-Corasick automaton of every query's anchors
    (see :mod:`ascua.query.compile`) finds, in one pass over a post's words, the few
    queries that can match it; only those run in full. The answer is the same as running
    every query (``prefilter=False``), only much faster with many brands.

    When a post's source gave no language and a ``lang:`` filter needs it, the language is
    detected (once per post) with :class:`ascua.nlp.language.LanguageDetector`.

    >>> from datetime import UTC, datetime
    >>> matcher = BrandMatcher([("vuelaya", "vuelaya OR @vuelaya", ()), ("conectia", "conectia", ())])
    >>> post = Mention(source="x", native_id="1", text="Gracias @VuelaYa", created_at=datetime.now(UTC))
    >>> matcher.match(post)
    ('vuelaya',)
    """

    def __init__(
        self,
        brands: Iterable[BrandQuery | tuple[str, str, Iterable[str]]],
        *,
        forced_brand: str | None = None,
        keep_unmatched: bool = False,
        language: LanguageDetector | None = None,
        prefilter: bool = True,
    ):
        self.queries = [
            spec if isinstance(spec, BrandQuery) else BrandQuery.of(spec[0], spec[1], own_accounts=spec[2])
            for spec in brands
        ]
        self.forced_brand = forced_brand
        self.keep_unmatched = keep_unmatched
        self.prefilter = prefilter
        self._predicates = [brand_query.query.predicate for brand_query in self.queries]
        self._language = LanguageOnDemand(language)
        self._always = tuple(i for i, q in enumerate(self.queries) if q.query.anchors is None)
        self._automaton = _automaton(self.queries)
        self._fields = _field_anchors(self.queries)
        self._sites = any(key.startswith("site:") for key in self._fields)
        owners: dict[str, list[int]] = {}
        for index, brand_query in enumerate(self.queries):
            for handle in brand_query.own_accounts:
                owners.setdefault(handle, []).append(index)
        self._owners = {handle: tuple(indexes) for handle, indexes in owners.items()}

    @classmethod
    def for_brands(
        cls,
        brands: Iterable[BrandSettings],
        *,
        forced_brand: str | None = None,
        keep_unmatched: bool = False,
        language: LanguageDetector | None = None,
    ) -> BrandMatcher:
        """The matcher of a workspace's brands: each one's query, exclusion and own accounts."""
        queries = [BrandQuery.of(b.id, b.query, exclude=b.exclude, own_accounts=b.own_accounts) for b in brands]
        return cls(queries, forced_brand=forced_brand, keep_unmatched=keep_unmatched, language=language)

    def with_brands(self, brands: Iterable[BrandSettings]) -> BrandMatcher:
        """A matcher of ``brands`` with this one's options (forced brand, unmatched posts, language detector)."""
        queries = [BrandQuery.of(b.id, b.query, exclude=b.exclude, own_accounts=b.own_accounts) for b in brands]
        matcher = type(self)(
            queries, forced_brand=self.forced_brand, keep_unmatched=self.keep_unmatched, prefilter=self.prefilter
        )
        matcher._language = self._language
        return matcher

    def view(self, mention: Mention) -> PostView:
        """What the queries look at in a mention."""
        return PostView.of(
            mention.text,
            lang=mention.lang,
            source=mention.source,
            author=mention.author_handle,
            url=mention.url,
            detect_language=self._language,
        )

    def candidates(self, post: PostView) -> list[int]:
        """Indexes (in :attr:`queries`) of the queries that may match the post, in order."""
        if not self.prefilter:
            return list(range(len(self.queries)))
        found = set(self._always)
        if self._automaton is not None:
            for _, indexes in self._automaton.iter(post.haystack):
                found.update(indexes)
        fields = self._fields
        if fields:
            for key in ("source:" + post.source, "author:" + post.author):
                if key in fields:
                    found.update(fields[key])
            if self._sites and post.site:
                labels = post.site.split(".")
                for start in range(len(labels)):  # news.example.com, example.com, com
                    found.update(fields.get("site:" + ".".join(labels[start:]), ()))
        return sorted(found)

    def match(self, mention: Mention) -> tuple[str, ...]:
        if self.forced_brand:
            return (self.forced_brand,)
        return self.match_view(self.view(mention))

    def match_view(self, post: PostView) -> tuple[str, ...]:
        predicates = self._predicates
        matched = [index for index in self.candidates(post) if predicates[index](post)]
        owners = self._owners.get(post.author) if post.author else None
        if owners:
            matched = sorted(set(matched).union(owners))
        queries = self.queries
        return tuple(queries[index].brand for index in matched)

    def process(self, batch: MentionBatch) -> MentionBatch:
        matched = [self.match(mention) for mention in batch.mentions]
        if self.keep_unmatched:
            return replace(batch, brands=matched)
        keep = [index for index, brands in enumerate(matched) if brands]
        return replace(
            batch,
            mentions=[batch.mentions[i] for i in keep],
            brands=[matched[i] for i in keep],
            unmatched=batch.unmatched + len(batch.mentions) - len(keep),
        )


def _automaton(queries: Sequence[BrandQuery]) -> ahocorasick.Automaton | None:
    """One automaton for every word anchor: `` word `` (a whole word) or `` stem`` (a word's beginning).

    It runs over :attr:`PostView.haystack`, the post's words between single spaces.
    """
    keys: dict[str, list[int]] = {}
    for index, brand_query in enumerate(queries):
        for anchor in brand_query.query.anchors or ():
            if ":" in anchor:
                continue
            key = " " + anchor[:-1] if anchor.endswith("*") else " " + anchor + " "
            keys.setdefault(key, []).append(index)
    if not keys:
        return None
    automaton = ahocorasick.Automaton()
    for key, indexes in keys.items():
        automaton.add_word(key, tuple(indexes))
    automaton.make_automaton()
    return automaton


def _field_anchors(queries: Sequence[BrandQuery]) -> dict[str, tuple[int, ...]]:
    """The queries anchored on a ``source:``, ``author:`` or ``site:`` value, by that value."""
    keys: dict[str, list[int]] = {}
    for index, brand_query in enumerate(queries):
        for anchor in brand_query.query.anchors or ():
            if ":" in anchor:
                keys.setdefault(anchor, []).append(index)
    return {key: tuple(indexes) for key, indexes in keys.items()}


__all__ = [
    "BrandMatcher",
    "BrandQuery",
    "BrandSettings",
    "LanguageOnDemand",
    "PostView",
    "Query",
    "QueryError",
    "compile_query",
]
