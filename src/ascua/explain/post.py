"""The posts an explanation reads: a stored mention with what the models said of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ascua.model import NEGATIVE_CONFIDENCE, is_new_account

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
    url: str | None = None
    in_reply_to: str | None = None
    quote_of: str | None = None
    repost_of: str | None = None
    reposts: int = 0
    replies: int = 0
    quotes: int = 0
    likes: int = 0

    @property
    def key(self) -> PostKey:
        return (self.source, self.native_id)

    @property
    def parent(self) -> PostKey | None:
        """The post this one reposts, quotes or answers (in that order), if any."""
        link = self.repost_of or self.quote_of or self.in_reply_to
        return (self.source, link) if link else None

    @property
    def is_repost(self) -> bool:
        return self.repost_of is not None or self.text.startswith("RT @")

    @property
    def is_negative(self) -> bool:
        """Whether the windows counted it negative (the same rule as :func:`ascua.model.counted_sentiment`)."""
        if self.sentiment != "negative":
            return False
        return (self.negative if self.negative is not None else 1.0) >= NEGATIVE_CONFIDENCE

    @property
    def new_account(self) -> bool:
        return is_new_account(self.author_created_at, self.created_at)

    @property
    def person(self) -> str:
        """Who wrote it: the author's handle, or the post itself when the author is unknown."""
        return self.author.lower() if self.author else f"post:{self.source}:{self.native_id}"

    @property
    def engagement(self) -> int:
        """Reposts, quotes and replies the network reported for it."""
        return self.reposts + self.quotes + self.replies
