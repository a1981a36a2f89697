"""An alert's explanation: its posts loaded from the store, explained, saved, and read back.

The wave of an alert spans from the start of the shortest window that raised it
(a day window counts from six hours before the alert at most) to its resolution, or
to the latest stored post while it is open. The brand's usual conversation is the
fourteen days before; the origin is looked for up to a day before the wave, and
along the links of the wave's posts wherever they lead.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Select, func, select, tuple_

from ascua.detect.replay import ReplayedAlert
from ascua.explain import VERSION, Explanation, explain
from ascua.explain.note import note
from ascua.explain.post import Post, PostKey
from ascua.explain.reasons import USUAL_SAMPLE, UsualCounts, count_usual
from ascua.explain.terms import Vocabulary
from ascua.i18n import N_
from ascua.model import Level
from ascua.store.bulk import insert_for
from ascua.store.schema import alert, alert_event, alert_explanation, analysis, brand, mention, mention_brand

USUAL = timedelta(days=14)
EARLIER = timedelta(hours=24)
DAY_WINDOW_LOOKBACK = timedelta(hours=6)
MAX_WAVE_POSTS = 200_000
MAX_EARLIER_POSTS = 30_000
MAX_LINK_DEPTH = 5


@dataclass(frozen=True, slots=True)
class AlertFacts:
    """What the explanation needs to know of an alert."""

    alert_id: int
    brand_id: int
    brand: str
    opened_at: datetime
    resolved_at: datetime | None
    level: Level
    windows: tuple[tuple[datetime, int], ...]  # (start, seconds) of the windows that raised it
    signs: tuple[str, ...]  # the detector's signs of coordination
    own_accounts: tuple[str, ...]


def wave_span(facts: AlertFacts, latest: datetime | None) -> tuple[datetime, datetime]:
    """From the shortest window that raised the alert to its end (or the latest post while open)."""
    short = [start for start, seconds in facts.windows if seconds < 86400]
    if short:
        start = min(short)
    elif facts.windows:
        start = max(min(start for start, _ in facts.windows), facts.opened_at - DAY_WINDOW_LOOKBACK)
    else:
        start = facts.opened_at - timedelta(hours=1)
    start = min(start, facts.opened_at)
    end = facts.resolved_at or max(latest or facts.opened_at, facts.opened_at)
    return start, end


def _windows_and_signs(
    events: Iterable[tuple[Any, str]],
) -> tuple[tuple[tuple[datetime, int], ...], tuple[str, ...]]:
    """The windows that raised an alert and the detector's signs of coordination, from its events'
    (signals, level) pairs."""
    windows: list[tuple[datetime, int]] = []
    signs: list[str] = []
    for signals, to_level in events:
        if not isinstance(signals, dict) or to_level == "normal":
            continue
        start, scale = signals.get("window_start"), signals.get("scale")
        seconds = signals.get("window_seconds") or scale
        if isinstance(start, str) and isinstance(seconds, int | float):
            with contextlib.suppress(ValueError):
                begin = datetime.fromisoformat(start)
                if isinstance(scale, int | float) and seconds > scale:
                    # a run of windows (two straddling ones, or hours of a slow burn) ending with this
                    # one: the span began that much earlier than the window the signals name
                    begin -= timedelta(seconds=seconds - scale)
                windows.append((begin, int(seconds)))
        for sign in signals.get("coordination") or ():
            if isinstance(sign, str) and sign not in signs:
                signs.append(sign)
    return tuple(windows), tuple(signs)


def replayed_facts(alert: ReplayedAlert, own_accounts: Sequence[str] = ()) -> AlertFacts:
    """The facts of an alert the detector raised in a replay (``ascua.detect.replay``)."""
    windows, signs = _windows_and_signs((event.signals, event.level.label) for event in alert.events)
    return AlertFacts(0, 0, alert.brand, alert.opened_at, alert.resolved_at, alert.peak, windows, signs,
                      tuple(own_accounts))  # fmt: skip


def alert_facts(connection: Connection, alert_id: int) -> AlertFacts | None:
    row = connection.execute(
        select(
            alert.c.id, alert.c.brand_id, alert.c.opened_at, alert.c.resolved_at, alert.c.peak_level,
            brand.c.key, brand.c.own_accounts,
        ).join(brand, brand.c.id == alert.c.brand_id).where(alert.c.id == alert_id)
    ).first()  # fmt: skip
    if row is None:
        return None
    rows = connection.execute(
        select(alert_event.c.signals, alert_event.c.to_level).where(alert_event.c.alert_id == alert_id)
    )
    windows, signs = _windows_and_signs((row.signals, row.to_level) for row in rows)
    return AlertFacts(
        alert_id=row.id,
        brand_id=row.brand_id,
        brand=row.key,
        opened_at=row.opened_at,
        resolved_at=row.resolved_at,
        level=Level.parse(row.peak_level),
        windows=windows,
        signs=signs,
        own_accounts=tuple(row.own_accounts or ()),
    )


_COLUMNS = (
    mention.c.id, mention.c.source, mention.c.native_id, mention.c.text, mention.c.created_at,
    mention.c.author_handle, mention.c.author_name, mention.c.author_followers, mention.c.author_created_at,
    mention.c.lang, mention.c.url, mention.c.in_reply_to, mention.c.quote_of, mention.c.repost_of,
    mention.c.reposts, mention.c.replies, mention.c.quotes, mention.c.likes,
    analysis.c.sentiment, analysis.c.negative, analysis.c.complaint, analysis.c.lang.label("analysed_lang"),
)  # fmt: skip


def _posts(connection: Connection, query: Select[Any]) -> list[Post]:
    return [
        Post(
            id=row.id,
            source=row.source,
            native_id=row.native_id,
            text=row.text,
            created_at=row.created_at,
            author=row.author_handle or "",
            author_name=row.author_name,
            followers=row.author_followers,
            author_created_at=row.author_created_at,
            lang=row.analysed_lang or row.lang,
            sentiment=row.sentiment,
            negative=row.negative,
            complaint=bool(row.complaint),
            url=row.url,
            in_reply_to=row.in_reply_to,
            quote_of=row.quote_of,
            repost_of=row.repost_of,
            reposts=row.reposts or 0,
            replies=row.replies or 0,
            quotes=row.quotes or 0,
            likes=row.likes or 0,
        )
        for row in connection.execute(query)
    ]


def brand_posts(
    connection: Connection,
    brand_id: int,
    start: datetime,
    end: datetime,
    *,
    limit: int,
    spread: bool = False,
) -> list[Post]:
    """The brand's earliest ``limit`` posts with ``start <= created_at <= end``; ``spread`` takes at
    most ``limit`` of them evenly across the span instead (every n-th post)."""
    in_span = (
        mention_brand.c.brand_id == brand_id,
        mention_brand.c.created_at >= start,
        mention_brand.c.created_at <= end,
    )
    step = 1
    if spread:
        total = connection.execute(select(func.count()).select_from(mention_brand).where(*in_span)).scalar() or 0
        step = max(1, -(-total // limit))
    query = (
        select(*_COLUMNS)
        .select_from(mention_brand)
        .join(mention, mention.c.id == mention_brand.c.mention_id)
        .outerjoin(analysis, analysis.c.mention_id == mention.c.id)
        .where(*in_span)
        .order_by(mention_brand.c.created_at)
        .limit(limit)
    )
    if step > 1:
        query = query.where(mention_brand.c.mention_id % step == 0)
    return _posts(connection, query)


def linked_posts(connection: Connection, posts: Iterable[Post], known: set[PostKey]) -> dict[PostKey, Post]:
    """The posts the given ones repost, quote or answer, followed a few links up, wherever they are stored."""
    found: dict[PostKey, Post] = {}
    wanted = {post.parent for post in posts if post.parent is not None} - known
    for _ in range(MAX_LINK_DEPTH):
        wanted -= set(found) | known
        if not wanted:
            break
        pending = sorted(wanted)
        wanted = set()
        for begin in range(0, len(pending), 500):
            query = (
                select(*_COLUMNS)
                .select_from(mention)
                .outerjoin(analysis, analysis.c.mention_id == mention.c.id)
                .where(tuple_(mention.c.source, mention.c.native_id).in_(pending[begin : begin + 500]))
            )
            for post in _posts(connection, query):
                found[post.key] = post
                if post.parent is not None and post.parent not in found and post.parent not in known:
                    wanted.add(post.parent)
    return found


def explain_alert(
    connection: Connection,
    alert_id: int,
    *,
    vocabulary: Vocabulary | None = None,
    now: datetime | None = None,
    usual_cache: dict[tuple[int, datetime], UsualCounts] | None = None,
    brand_names: Mapping[str, str] | None = None,
) -> Explanation | None:
    """Explain an alert from the stored posts (``None`` when there is no such alert).

    ``usual_cache`` keeps the counted usual conversation of an alert for its refreshes.
    """
    facts = alert_facts(connection, alert_id)
    if facts is None:
        return None
    vocabulary = vocabulary or Vocabulary()
    latest = connection.execute(
        select(func.max(mention_brand.c.created_at)).where(mention_brand.c.brand_id == facts.brand_id)
    ).scalar()
    start, end = wave_span(facts, latest)
    wave = brand_posts(connection, facts.brand_id, start, end, limit=MAX_WAVE_POSTS)
    earlier = [
        post
        for post in brand_posts(connection, facts.brand_id, start - EARLIER, start, limit=MAX_EARLIER_POSTS)
        if post.created_at < start
    ]
    usual = usual_cache.get((alert_id, start)) if usual_cache is not None else None
    if usual is None:
        posts = brand_posts(connection, facts.brand_id, start - USUAL, start, limit=USUAL_SAMPLE, spread=True)
        usual = count_usual(
            [post for post in posts if post.created_at < start], vocabulary, {h.lower() for h in facts.own_accounts}
        )
        if usual_cache is not None:
            usual_cache[(alert_id, start)] = usual
    known = {post.key for post in wave} | {post.key for post in earlier}
    linked = linked_posts(connection, wave, known)
    result = explain(
        facts.brand,
        wave,
        usual,
        start=start,
        end=end,
        earlier=earlier,
        linked=linked,
        brand_name=(brand_names or {}).get(facts.brand),
        own_accounts=facts.own_accounts,
        detected_at=facts.opened_at,
        detector_signs=facts.signs,
        computed_at=now,
        vocabulary=vocabulary,
    )
    if len(wave) >= MAX_WAVE_POSTS:
        result.unknown.append(
            note(N_("the wave has more than {limit} posts: only the first ones were read"), limit=f"{MAX_WAVE_POSTS:,}")
        )
    return result


def save_explanation(connection: Connection, alert_id: int, explanation: Explanation, at: datetime) -> None:
    data = explanation.as_json()
    values = {"version": VERSION, "computed_at": at, "posts": explanation.posts, "data": data}
    statement = insert_for(connection, alert_explanation).values(alert_id=alert_id, **values)
    connection.execute(statement.on_conflict_do_update(index_elements=["alert_id"], set_=values))


def stored_explanation(connection: Connection, alert_id: int) -> dict[str, Any] | None:
    row = connection.execute(
        select(alert_explanation.c.data, alert_explanation.c.version).where(alert_explanation.c.alert_id == alert_id)
    ).first()
    if row is None or row.version != VERSION or not isinstance(row.data, dict):
        return None
    return dict(row.data)
