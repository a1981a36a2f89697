"""Between crises: how the brand engages with its community, and who is still waiting for an
answer (docs/community.md; BRIEF M8, M11).

"Answered" comes from reply links: a mention is answered when one of the brand's own
accounts (``own_accounts`` in ``ascua.yaml``) replied to it on the same network
(``in_reply_to``). A brand with no own accounts configured has no answer rate: it is said so,
never shown as 0 %.
"""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, exists, func, literal, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from ascua.i18n import N_
from ascua.model import utcnow
from ascua.store.schema import analysis, brand, handled, mention, mention_brand

WAITING_DAYS = 7  # the queue looks this far back by default


class CommunityError(ValueError):
    """A request about the community that cannot be answered (an unknown brand…)."""


@dataclass
class Engagement:
    brand: str
    since: datetime
    until: datetime
    mentions: int  # by other people (not the brand's own accounts)
    people: int  # distinct authors of those
    conversations: int  # threads they started or replied in
    addressed: int  # questions and complaints among them that name or answer an own account
    own_posts: int  # posts of the brand's own accounts
    own_accounts: list[str] = field(default_factory=list)
    answered: int | None = None  # mentions an own account replied to (None: no own accounts)
    answered_addressed: int | None = None
    answer_share: float | None = None
    answer_share_addressed: float | None = None
    median_answer_seconds: float | None = None
    p90_answer_seconds: float | None = None
    interactions_per_own_post: float | None = None  # likes + reposts + replies + quotes
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["since"], data["until"] = self.since.isoformat(), self.until.isoformat()
        return data


@dataclass
class Waiting:
    id: int
    source: str
    url: str | None
    author: str
    followers: int | None
    text: str
    created_at: datetime
    waiting_seconds: float
    question: bool
    complaint: bool
    sentiment: str | None

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["created_at"] = self.created_at.isoformat()
        return data


def _brand(connection: Connection, key: str) -> Any:
    row = connection.execute(select(brand).where(brand.c.key == key)).first()
    if row is None:
        known = [r.key for r in connection.execute(select(brand.c.key).order_by(brand.c.key))]
        raise CommunityError(f"no brand {key!r} stored (brands: {', '.join(known) or 'none yet'})")
    return row


def _handles(row: Any) -> list[str]:
    """A brand's own accounts as handles are stored (lower-case, with @ where handles take one)."""
    from ascua.normalize import at_handle

    return sorted({at_handle(str(handle)).lower() for handle in row.own_accounts or [] if str(handle).strip()})


def _own(column: Any, handles: list[str]) -> Any:
    return func.lower(column).in_(handles) if handles else literal(False)


def _addressed(handles: list[str]) -> Any:
    """A question or complaint addressed to the brand: it names one of its own accounts, or
    replies to one (without own accounts: every question and complaint matched to the brand)."""
    asking = or_(analysis.c.question, analysis.c.complaint)
    if not handles:
        return asking
    text = func.lower(mention.c.text)
    named = [text.contains(handle, autoescape=True) for handle in handles if handle.startswith("@")]
    to_brand = or_(func.lower(mention.c.in_reply_to_author).in_(handles), *named)
    return and_(asking, to_brand)


def _first_answer(handles: list[str]) -> Any:
    """The time of an own account's first reply to ``mention`` (a correlated subquery)."""
    reply = aliased(mention)
    return (
        select(func.min(reply.c.created_at))
        .where(
            reply.c.source == mention.c.source,
            reply.c.in_reply_to == mention.c.native_id,
            _own(reply.c.author_handle, handles),
        )
        .scalar_subquery()
    )


def engagement(connection: Connection, brand_key: str, since: datetime, until: datetime) -> Engagement:
    """What the community did with the brand, and the brand with it, from ``since`` to ``until``."""
    row = _brand(connection, brand_key)
    handles = _handles(row)
    linked = and_(mention_brand.c.brand_id == row.id, mention_brand.c.created_at >= since,
                  mention_brand.c.created_at < until)  # fmt: skip
    counts = connection.execute(
        select(
            func.count(),
            func.count(func.distinct(mention.c.author_handle)),
            func.count(func.distinct(func.coalesce(mention.c.in_reply_to, mention.c.native_id))),
            func.coalesce(func.sum(case((_addressed(handles), 1), else_=0)), 0),
        )
        .select_from(
            mention.join(mention_brand, mention_brand.c.mention_id == mention.c.id).outerjoin(
                analysis, analysis.c.mention_id == mention.c.id
            )
        )
        .where(linked, ~_own(mention.c.author_handle, handles))
    ).one()
    result = Engagement(brand_key, since, until, int(counts[0]), int(counts[1]), int(counts[2]), int(counts[3]), 0,
                        own_accounts=handles)  # fmt: skip
    if not handles:
        result.notes.append(
            N_(
                "no own accounts configured for this brand (own_accounts in ascua.yaml): answers cannot be told, "
                "so there is no answer rate"
            )
        )
        return result
    own = connection.execute(
        select(
            func.count(), func.avg(mention.c.likes + mention.c.reposts + mention.c.replies + mention.c.quotes)
        ).where(_own(mention.c.author_handle, handles), mention.c.created_at >= since, mention.c.created_at < until)
    ).one()
    result.own_posts = int(own[0])
    result.interactions_per_own_post = round(float(own[1]), 2) if own[1] is not None else None
    # From the own accounts' replies to what they answer (far fewer than the mentions).
    reply = aliased(mention)
    rows = connection.execute(
        select(mention.c.created_at, func.min(reply.c.created_at).label("answered_at"),
               func.max(case((_addressed(handles), 1), else_=0)).label("addressed"))
        .select_from(
            reply.join(mention, and_(mention.c.source == reply.c.source, mention.c.native_id == reply.c.in_reply_to))
            .join(mention_brand, mention_brand.c.mention_id == mention.c.id)
            .outerjoin(analysis, analysis.c.mention_id == mention.c.id)
        )
        .where(reply.c.in_reply_to.is_not(None), _own(reply.c.author_handle, handles), linked,
               ~_own(mention.c.author_handle, handles))
        .group_by(mention.c.id, mention.c.created_at)
    ).all()  # fmt: skip
    delays = []
    answered_addressed = 0
    for item in rows:
        answered_at = item.answered_at if item.answered_at.tzinfo else item.answered_at.replace(tzinfo=since.tzinfo)
        delays.append(max(0.0, (answered_at - item.created_at).total_seconds()))
        answered_addressed += bool(item.addressed)
    result.answered, result.answered_addressed = len(rows), answered_addressed
    if result.mentions:
        result.answer_share = round(len(rows) / result.mentions, 4)
    if result.addressed:
        result.answer_share_addressed = round(answered_addressed / result.addressed, 4)
    if delays:
        result.median_answer_seconds = statistics.median(delays)
        result.p90_answer_seconds = statistics.quantiles(delays, n=10)[-1] if len(delays) > 1 else delays[0]
    if not result.mentions:
        result.notes.append(N_("no mentions in this period"))
    return result


def waiting(
    connection: Connection, brand_key: str, *, limit: int = 50, sort: str = "oldest", days: int = WAITING_DAYS,
    now: datetime | None = None,
) -> tuple[list[Waiting], list[str]]:  # fmt: skip
    """Questions and complaints addressed to the brand (naming or answering one of its own
    accounts) that no own account answered and nobody marked as handled, from the last ``days``
    days: oldest first, or highest reach first."""
    if sort not in ("oldest", "reach"):
        raise CommunityError("sort is 'oldest' or 'reach'")
    row = _brand(connection, brand_key)
    handles = _handles(row)
    notes = []
    when = now or utcnow()
    query = (
        select(mention.c.id, mention.c.source, mention.c.url, mention.c.author_handle, mention.c.author_followers,
               mention.c.text, mention.c.created_at, analysis.c.question, analysis.c.complaint, analysis.c.sentiment)
        .select_from(mention.join(mention_brand, mention_brand.c.mention_id == mention.c.id)
                     .join(analysis, analysis.c.mention_id == mention.c.id))
        .where(mention_brand.c.brand_id == row.id, mention_brand.c.created_at >= when - timedelta(days=days),
               _addressed(handles), ~_own(mention.c.author_handle, handles),
               ~exists().where(handled.c.mention_id == mention.c.id, handled.c.brand_id == row.id))
    )  # fmt: skip
    if handles:
        query = query.where(_first_answer(handles).is_(None))
    else:
        notes.append(N_("no own accounts configured for this brand: every question and complaint is listed until "
                        "it is marked as handled"))  # fmt: skip
    if sort == "reach":
        query = query.order_by(func.coalesce(mention.c.author_followers, 0).desc(), mention.c.created_at)
    else:
        query = query.order_by(mention.c.created_at, func.coalesce(mention.c.author_followers, 0).desc())
    found = [
        Waiting(item.id, item.source, item.url, item.author_handle, item.author_followers, item.text, item.created_at,
                max(0.0, (when - item.created_at).total_seconds()), bool(item.question), bool(item.complaint),
                item.sentiment)
        for item in connection.execute(query.limit(limit))
    ]  # fmt: skip
    return found, notes


def mark_handled(connection: Connection, mention_id: int, brand_key: str, *, by: str, note: str | None = None,
                 at: datetime | None = None) -> bool:  # fmt: skip
    """Record that someone dealt with a mention (answered it elsewhere, by phone…): it leaves the
    queue. ``False`` when it was already marked."""
    row = _brand(connection, brand_key)
    linked = connection.execute(
        select(mention_brand.c.mention_id).where(
            mention_brand.c.mention_id == mention_id, mention_brand.c.brand_id == row.id
        )
    ).first()
    if linked is None:
        raise CommunityError(f"mention #{mention_id} is not one of {brand_key}'s")
    if connection.execute(select(handled.c.mention_id).where(handled.c.mention_id == mention_id,
                                                            handled.c.brand_id == row.id)).first():  # fmt: skip
        return False
    values = {"mention_id": mention_id, "brand_id": row.id, "by": by.strip()[:120] or "?", "at": at or utcnow(),
              "note": (note or "").strip()[:2000] or None}  # fmt: skip
    connection.execute(handled.insert().values(values))
    return True
