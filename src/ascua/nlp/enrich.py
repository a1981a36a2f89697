"""The enrich stage: what each post says, from models that run offline."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ascua.model import Analysis, Mention, MentionBatch
from ascua.nlp.language import UNDETERMINED, LanguageDetector
from ascua.nlp.lexicon import LexiconSentiment, is_complaint, is_question, to_probabilities
from ascua.query.text import fold

MAX_ANALYSED_CHARS = 5_000


class Enricher:
    """Adds an :class:`~ascua.model.Analysis` to each mention of a batch.

    >>> from datetime import UTC, datetime
    >>> enricher = Enricher(own_accounts=["@vuelaya"])
    >>> post = Mention("x", "1", "@vuelaya llevo 3 horas esperando, vergüenza", datetime.now(UTC))
    >>> result = enricher.analyse(post)
    >>> result.lang, result.sentiment, result.complaint
    ('es', 'negative', True)
    """

    def __init__(
        self,
        own_accounts: Iterable[str] = (),
        language: LanguageDetector | None = None,
        sentiment: LexiconSentiment | None = None,
    ):
        self.language = language or LanguageDetector()
        self.sentiment = sentiment or LexiconSentiment.load()
        self.own_accounts = frozenset(fold(handle).lstrip("@") for handle in own_accounts)

    def analyse(self, mention: Mention) -> Analysis:
        text = mention.text[:MAX_ANALYSED_CHARS]
        lang = mention.lang or self.language.detect(text)
        if lang != UNDETERMINED and len(lang) > 2 and "-" in lang:
            lang = lang.split("-")[0]
        positive, negative, words = self.sentiment.balance(text)
        score = to_probabilities(positive, negative)
        addressed = self._addressed(mention, text)
        return Analysis(
            lang=lang,
            sentiment=score.label,
            scores=score.scores,
            question=is_question(text, words),
            complaint=is_complaint(score.label, words, addressed),
            model=self.sentiment.name,
            tier="fast",
        )

    def _addressed(self, mention: Mention, text: str) -> bool:
        if mention.in_reply_to_author and fold(mention.in_reply_to_author).lstrip("@") in self.own_accounts:
            return True
        if "@" not in text:
            return False
        return any(f"@{handle}" in fold(text) for handle in self.own_accounts)

    def process(self, batch: MentionBatch) -> MentionBatch:
        return replace(batch, analyses=[self.analyse(mention) for mention in batch.mentions])
