"""The types every stage of the radar shares.

A post travels through the pipeline as a :class:`Mention` (one schema for every
network), gains the brands it belongs to and an :class:`Analysis`, is stored, counted
into :class:`WindowStats`, and may change a brand's :class:`Level`.

Times are timezone-aware and in UTC everywhere in this module.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

Sentiment = Literal["negative", "neutral", "positive"]
SENTIMENTS: tuple[Sentiment, ...] = ("negative", "neutral", "positive")


@dataclass(slots=True)
class Mention:
    """One post about (possibly) a brand, on any network, normalised.

    ``source`` is the network or channel the post was published on (``x``,
    ``bluesky``, ``rss``…) and ``native_id`` its id there: together they identify
    the post. Links to other posts (``in_reply_to``, ``quote_of``, ``repost_of``)
    hold native ids on the same source.

    >>> m = Mention(source="x", native_id="1", text="Hola", created_at=datetime(2026, 1, 1, tzinfo=UTC))
    >>> m.reach
    0
    """

    source: str
    native_id: str
    text: str
    created_at: datetime
    url: str | None = None
    canonical_url: str | None = None
    author_handle: str = ""
    author_name: str | None = None
    author_followers: int | None = None
    author_created_at: datetime | None = None
    lang: str | None = None
    collected_at: datetime | None = None
    in_reply_to: str | None = None
    in_reply_to_author: str | None = None
    quote_of: str | None = None
    repost_of: str | None = None
    likes: int = 0
    reposts: int = 0
    replies: int = 0
    quotes: int = 0
    views: int | None = None
    raw: dict[str, Any] | None = None

    @property
    def key(self) -> tuple[str, str]:
        """The identity of the post: ``(source, native_id)``."""
        return (self.source, self.native_id)

    def __reduce__(self) -> tuple[type[Mention], tuple[Any, ...]]:
        # Batches cross process boundaries: pickle as a plain tuple, twice as fast and half the size.
        return (Mention, tuple(getattr(self, name) for name in Mention.__slots__))

    @property
    def reach(self) -> int:
        """How many people the post could reach: its author's followers."""
        return self.author_followers or 0


@dataclass(slots=True, frozen=True)
class Analysis:
    """What the enrich stage understood of a mention.

    ``scores`` holds calibrated probabilities for the three sentiments; ``emotion``
    the probabilities of the emotions (anger, joy, optimism, sadness, fear) and
    ``irony`` the probability that the post is ironic or sarcastic; ``model`` names
    the models and version that produced them and ``tier`` the tier (``fast`` inline,
    ``deep`` asynchronous, for the posts that matter).
    """

    lang: str
    sentiment: Sentiment
    scores: dict[str, float]
    question: bool
    complaint: bool
    model: str
    tier: str = "fast"
    emotion: dict[str, float] | None = None
    irony: float | None = None

    @property
    def top_emotion(self) -> str | None:
        """The most probable emotion, or ``None`` when none was measured."""
        return max(self.emotion, key=self.emotion.__getitem__) if self.emotion else None

    def __reduce__(self) -> tuple[type[Analysis], tuple[Any, ...]]:
        return (
            Analysis,
            (
                self.lang, self.sentiment, self.scores, self.question, self.complaint,
                self.model, self.tier, self.emotion, self.irony,
            ),
        )  # fmt: skip


NEGATIVE_CONFIDENCE = 0.5


def counted_sentiment(label: str | None, negative: float | None, complaint: bool = False) -> Sentiment | None:
    """The sentiment a brand's windows count for a post.

    Negative when the model reads it negative with at least even odds, or when it reads a
    complaint (a customer telling the brand something went wrong) that it does not read as
    positive: "Cuidado con X: pedidos que no llegan y cobrados igual" is a complaint whatever
    its tone, and a wave of complaints is what the radar is for. A post whose most likely
    reading is negative, with less than even odds, and no complaint, counts as neutral: the
    detector sums strangers' posts by the hundred, and those near-ties are where the models
    are most often wrong.

    >>> counted_sentiment("negative", 0.62), counted_sentiment("negative", 0.41), counted_sentiment("positive", 0.1)
    ('negative', 'neutral', 'positive')
    >>> counted_sentiment("neutral", 0.38, complaint=True), counted_sentiment("positive", 0.05, complaint=True)
    ('negative', 'positive')
    """
    if label == "negative":
        sure = (negative if negative is not None else 1.0) >= NEGATIVE_CONFIDENCE
        return "negative" if sure or complaint else "neutral"
    if label == "neutral":
        return "negative" if complaint else "neutral"
    if label == "positive":
        return "positive"
    return None


@dataclass(slots=True)
class Record:
    """A raw item from a source before normalisation.

    ``data`` follows Ascua's mention schema (docs/mention-schema.md); ``origin``
    says where it came from in words a person can find (``export.csv:17``).
    """

    data: dict[str, Any]
    origin: str
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True, frozen=True)
class Problem:
    """Something wrong with one input item: where, and what."""

    origin: str
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass(slots=True)
class SourceBatch:
    """What a source hands to the pipeline: records, and where it now stands.

    ``cursor`` is saved in the same transaction as the batch's mentions, so a
    restart resumes right after the last stored batch. ``watermark`` is the
    source's promise that nothing older is still to come (it lets windows close
    when a brand goes quiet). ``error`` says, in words and without secrets, why the
    source could not fetch this time (it keeps trying): the source shows as unhealthy
    until a batch without one is stored.
    """

    source: str
    records: list[Record] = field(default_factory=list)
    cursor: dict[str, Any] | None = None
    watermark: datetime | None = None
    problems: list[Problem] = field(default_factory=list)
    error: str | None = None


@dataclass(slots=True)
class MentionBatch:
    """A batch on its way through normalize → match → enrich → store."""

    source: str
    mentions: list[Mention]
    cursor: dict[str, Any] | None = None
    watermark: datetime | None = None
    problems: list[Problem] = field(default_factory=list)
    brands: list[tuple[str, ...]] | None = None
    analyses: list[Analysis | None] | None = None
    unmatched: int = 0
    error: str | None = None  # the source's, passed along (see SourceBatch)


@dataclass(slots=True, frozen=True)
class NewLink:
    """A mention newly attached to a brand: the unit that windows count."""

    brand: str
    mention_id: int
    created_at: datetime
    author: str
    sentiment: Sentiment | None
    reach: int
    new_account: bool = False
    fingerprint: int = 0


NEW_ACCOUNT_DAYS = 30


def is_new_account(author_created_at: datetime | None, posted_at: datetime) -> bool:
    """Whether the author's account was less than 30 days old when the post was written."""
    if author_created_at is None:
        return False
    return (posted_at - author_created_at).total_seconds() < NEW_ACCOUNT_DAYS * 86400


@dataclass(slots=True)
class StoredBatch:
    """What the store stage did with a batch."""

    source: str
    received: int
    inserted: int
    duplicates: int
    links: list[NewLink]
    watermark: datetime | None = None
    problems: list[Problem] = field(default_factory=list)
    unmatched: int = 0


@dataclass(slots=True, frozen=True)
class WindowStats:
    """A brand's counts over one time window ``[start, start + scale)``.

    The last four fields are the signs of a coordinated wave among the negative posts:
    authors whose account is under 30 days old, posts that are not reposts, how many of
    those share the most repeated text (near-identical, see ``text_fingerprint``), and
    the most negative posts in any one minute.
    """

    brand: str
    scale: int
    start: datetime
    mentions: int = 0
    authors: int = 0
    negative: int = 0
    neutral: int = 0
    positive: int = 0
    negative_authors: int = 0
    reach: int = 0
    negative_reach: int = 0
    last_at: datetime | None = None
    negative_new_authors: int = 0
    negative_originals: int = 0
    negative_copies: int = 0
    negative_peak_minute: int = 0

    @property
    def negative_share(self) -> float:
        """Share of the window's mentions that are negative (0 when empty)."""
        return self.negative / self.mentions if self.mentions else 0.0


class Level(enum.IntEnum):
    """How alarmed a brand's radar is, in increasing order."""

    NORMAL = 0
    WATCH = 1
    INCIDENT = 2
    CRISIS = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Level:
        """``Level.parse("incident") is Level.INCIDENT``."""
        return cls[name.upper()]


@dataclass(slots=True, frozen=True)
class Assessment:
    """A detector's verdict on a brand at an (event) time, with its reason."""

    brand: str
    level: Level
    at: datetime
    reason: str
    signals: dict[str, Any] = field(default_factory=dict)


AlertChange = Literal["opened", "escalated", "deescalated", "resolved"]


@dataclass(slots=True, frozen=True)
class AlertEvent:
    """An alert opened, changed level, or resolved; ``explanation`` is the stored form of
    :class:`ascua.explain.Explanation` when the explain stage computed one for it."""

    alert_id: int
    brand: str
    brand_name: str
    change: AlertChange
    level: Level
    previous: Level
    at: datetime
    reason: str
    signals: dict[str, Any] = field(default_factory=dict)
    explanation: dict[str, Any] | None = None


def iso_utc(moment: datetime) -> str:
    """A time as ISO 8601 in UTC, with ``Z``: how Ascua writes times in files and cursors.

    >>> iso_utc(datetime(2026, 1, 5, 10, tzinfo=UTC))
    '2026-01-05T10:00:00Z'
    """
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)
