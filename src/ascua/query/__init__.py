"""match: the brand query language, and the stage that runs every brand's query on each post."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from ascua.model import Mention, MentionBatch
from ascua.query.compile import PostView, Query, QueryError, compile_query
from ascua.query.text import fold


@dataclass(frozen=True)
class BrandQuery:
    brand: str
    query: Query
    own_accounts: frozenset[str] = frozenset()


class BrandMatcher:
    """Runs every brand's compiled query once per post; a post may belong to several brands.

    Posts written by one of a brand's own accounts belong to that brand too (its
    answers count for engagement later). ``forced_brand`` assigns every post to one
    brand (an export already filtered for it); ``keep_unmatched`` keeps posts that
    match no brand instead of dropping them.

    >>> from datetime import UTC, datetime
    >>> matcher = BrandMatcher([("vuelaya", "vuelaya OR @vuelaya", ()), ("conectia", "conectia", ())])
    >>> post = Mention(source="x", native_id="1", text="Gracias @VuelaYa", created_at=datetime.now(UTC))
    >>> matcher.match(post)
    ('vuelaya',)
    """

    def __init__(
        self,
        brands: Iterable[tuple[str, str, Iterable[str]]],
        *,
        forced_brand: str | None = None,
        keep_unmatched: bool = False,
    ):
        self.queries = [
            BrandQuery(key, compile_query(text), frozenset(fold(h).lstrip("@") for h in own))
            for key, text, own in brands
        ]
        self.forced_brand = forced_brand
        self.keep_unmatched = keep_unmatched

    def match(self, mention: Mention) -> tuple[str, ...]:
        if self.forced_brand:
            return (self.forced_brand,)
        post = PostView.of(
            mention.text,
            lang=mention.lang,
            source=mention.source,
            author=mention.author_handle,
            url=mention.url,
        )
        return tuple(q.brand for q in self.queries if q.query.matches(post) or post.author in q.own_accounts)

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


__all__ = ["BrandMatcher", "PostView", "Query", "QueryError", "compile_query"]
