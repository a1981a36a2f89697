"""The enrich stage: what each post says, from models that run offline (docs/models.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from ascua.model import Analysis, Mention, MentionBatch
from ascua.nlp.analyzer import Analyzer, TextAnalysis, Tier
from ascua.nlp.base import SentimentModel
from ascua.query.text import fold


class Enricher:
    """Adds an :class:`~ascua.model.Analysis` to each mention of a batch (the fast tier).

    A negative post addressed to one of the brands' own accounts (a reply to it, or
    naming it) is a complaint even when the complaint head is unsure.

    >>> from datetime import UTC, datetime
    >>> enricher = Enricher(own_accounts=["@vuelaya"])
    >>> post = Mention("x", "1", "@vuelaya llevo 3 horas esperando, vergüenza", datetime.now(UTC))
    >>> result = enricher.analyse(post)
    >>> result.lang, result.sentiment, result.complaint, result.tier
    ('es', 'negative', True, 'fast')
    """

    def __init__(
        self,
        own_accounts: Iterable[str] = (),
        analyzer: Analyzer | None = None,
        sentiment_loader: Callable[[], SentimentModel | None] | None = None,
    ):
        """``sentiment_loader`` gives the deep tier's sentiment model the workspace chose, if any."""
        self.analyzer = analyzer or Analyzer(sentiment_loader=sentiment_loader)
        self.own_accounts = frozenset(fold(handle).lstrip("@") for handle in own_accounts)

    def prepare(self) -> None:
        """Load the fast tier now (worker processes call this when they start)."""
        _ = self.analyzer.fast

    def analyse(self, mention: Mention) -> Analysis:
        return self.analyse_many([mention])[0]

    def analyse_many(self, mentions: list[Mention], tier: Tier = "fast") -> list[Analysis]:
        results = self.analyzer.analyse(
            [mention.text for mention in mentions], tier=tier, langs=[mention.lang for mention in mentions]
        )
        return [self._analysis(mention, result) for mention, result in zip(mentions, results, strict=True)]

    def analyse_deep(self, mentions: list[Mention]) -> list[Analysis]:
        """The deep tier for the posts that matter: slower (about 15–20 posts a second a core), better.

        Returns one :class:`Analysis` (``tier="deep"``) per mention, in order.
        """
        return self.analyse_many(mentions, tier="deep")

    def _analysis(self, mention: Mention, result: TextAnalysis) -> Analysis:
        complaint = result.complaint or (result.sentiment == "negative" and self._addressed(mention))
        return Analysis(
            lang=result.lang,
            sentiment=result.sentiment,
            scores=result.scores,
            question=result.question,
            complaint=complaint,
            model=result.model,
            tier=result.tier,
            emotion=result.emotion,
            irony=result.irony,
        )

    def _addressed(self, mention: Mention) -> bool:
        if mention.in_reply_to_author and fold(mention.in_reply_to_author).lstrip("@") in self.own_accounts:
            return True
        if "@" not in mention.text:
            return False
        text = fold(mention.text)
        return any(f"@{handle}" in text for handle in self.own_accounts)

    def process(self, batch: MentionBatch) -> MentionBatch:
        analyses: list[Analysis | None] = list(self.analyse_many(batch.mentions)) if batch.mentions else []
        return replace(batch, analyses=analyses)
