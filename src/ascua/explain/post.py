"""The posts an explanation reads: a stored mention with what the models said of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ascua.aggregate import text_fingerprint
from ascua.model import counted_sentiment, is_new_account

PostKey = tuple[str, str]


@dataclass(slots=True, frozen=True)
class Post:
    """One mention of a brand, as the explanation sees it.

    ``negative`` is the probability the models gave to a negative reading; links to
    other posts (``in_reply_to``, ``quote_of``, ``repost_of``) hold native ids on the
    same source, as in :class:`ascua.model.Mention`.
    """

    id: int
    source: str
    native_id: str
    text: str
    created_at: datetime
    author: str = ""
    author_name: str | None = None
    followers: int | None = None
    author_created_at: datetime | None = None
    lang: str | None = None
    sentiment: str | None = None
    negative: float | None = None
    complaint: bool = False
    url: str | None = None
    in_reply_to: str | None = None
    quote_of: str | None = None
    repost_of: str | None = None
    reposts: int = 0
    replies: int = 0
    quotes: int = 0
    likes: int = 0
    # worked out once, when the post is made: every step of an explanation asks for them
    key: PostKey = field(init=False, repr=False, compare=False)
    person: str = field(init=False, repr=False, compare=False)  # the author's handle, or the post when unknown
    is_repost: bool = field(init=False, repr=False, compare=False)
    is_negative: bool = field(init=False, repr=False, compare=False)  # counted negative by the windows
    _fingerprint: int = field(init=False, repr=False, compare=False, default=-1)

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "key", (self.source, self.native_id))
        put(self, "person", self.author.lower() if self.author else f"post:{self.source}:{self.native_id}")
        put(self, "is_repost", self.repost_of is not None or self.text.startswith("RT @"))
        # counted negative as the windows count it
        put(self, "is_negative", counted_sentiment(self.sentiment, self.negative, self.complaint) == "negative")

    @property
    def fingerprint(self) -> int:
        """The number near-identical texts share (:func:`ascua.aggregate.text_fingerprint`; 0 for reposts)."""
        if self._fingerprint < 0:
            object.__setattr__(self, "_fingerprint", 0 if self.is_repost else text_fingerprint(self.text))
        return self._fingerprint

    @property
    def parent(self) -> PostKey | None:
        """The post this one reposts, quotes or answers (in that order), if any."""
        link = self.repost_of or self.quote_of or self.in_reply_to
        return (self.source, link) if link else None

    @property
    def new_account(self) -> bool:
        return is_new_account(self.author_created_at, self.created_at)

    @property
    def engagement(self) -> int:
        """Reposts, quotes and replies the network reported for it."""
        return self.reposts + self.quotes + self.replies
