"""Detractors (docs/community.md#detractors; BRIEF M9): the people who spoke ill of a brand, what
became of them, and how many the brand won back.

A detractor is a person (a handle on one network) with a negative mention of the brand, as the
windows count it (:func:`ascua.model.counted_sentiment`). Their state, as of ``now``:

- ``converted``: they wrote of the brand again, neutral or positive, after their last negative
  mention. ``after`` says what came in between: ``answer`` (an own account of the brand replied to
  them first), ``resolution`` (an alert of the brand was resolved first), or ``own`` (neither:
  they came round by themselves);
- ``left``: not converted, and silent about the brand for ``silent_days`` days;
- ``active``: the others: their last word on the brand is negative and recent.

People are told apart by network and handle: someone who changes handle starts again as a new
person (the networks' stable ids are not kept).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.engine import Connection

from ascua.community import CommunityError, _brand, _handles, _own
from ascua.i18n import N_
from ascua.model import NEGATIVE_CONFIDENCE, utcnow
from ascua.store.schema import alert, analysis, mention, mention_brand

SILENT_DAYS = 30  # a detractor silent this long has left
STATES = ("active", "converted", "left")
SORTS = ("negative", "reach", "recent")


def counted_negative() -> Any:
    """SQL for "this mention counts as negative", as :func:`ascua.model.counted_sentiment` says."""
    return or_(
        and_(analysis.c.sentiment == "negative",
             or_(analysis.c.negative >= NEGATIVE_CONFIDENCE, analysis.c.complaint)),
        and_(analysis.c.sentiment == "neutral", analysis.c.complaint),
    )  # fmt: skip


@dataclass
class Detractor:
    source: str
    author: str
    name: str | None
    followers: int | None
    negative: int  # negative mentions, from ``since`` on
    mentions: int  # all their mentions of the brand, from ``since`` on
    first_negative: datetime
    last_negative: datetime
    last_seen: datetime
    state: str
    answered_at: datetime | None = None  # the brand's first reply to them after their first negative mention
    converted_at: datetime | None = None  # their first kind word after their last negative one
    after: str | None = None  # what came before the conversion: answer | resolution | own

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("first_negative", "last_negative", "last_seen", "answered_at", "converted_at"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


@dataclass
class Cohort:
    """The detractors whose first negative mention fell in one period, and what became of them."""

    start: datetime
    detractors: int
    converted: int
    left: int

    @property
    def rate(self) -> float | None:
        return round(self.converted / self.detractors, 4) if self.detractors else None

    def as_json(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "detractors": self.detractors, "converted": self.converted,
                "left": self.left, "conversion_rate": self.rate}  # fmt: skip


@dataclass
class CrisisOutcome:
    """The people who were negative during an alert, and how many came round after it was resolved."""

    alert_id: int
    level: str
    opened_at: datetime
    resolved_at: datetime | None
    detractors: int
    converted_after: int  # converted after the resolution
    answered: int  # the brand replied to them

    @property
    def rate(self) -> float | None:
        if self.resolved_at is None or not self.detractors:
            return None
        return round(self.converted_after / self.detractors, 4)

    def as_json(self) -> dict[str, Any]:
        return {"alert_id": self.alert_id, "level": self.level, "opened_at": self.opened_at.isoformat(),
                "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
                "detractors": self.detractors, "converted_after": self.converted_after, "answered": self.answered,
                "conversion_rate": self.rate}  # fmt: skip


@dataclass
class Detractors:
    brand: str
    since: datetime
    until: datetime
    now: datetime
    silent_days: int
    total: int = 0
    states: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))
    after: dict[str, int] = field(default_factory=lambda: {"answer": 0, "resolution": 0, "own": 0})
    cohorts: list[Cohort] = field(default_factory=list)
    crises: list[CrisisOutcome] = field(default_factory=list)
    people: list[Detractor] = field(default_factory=list)  # the ones asked for, sorted and limited
    own_accounts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def conversion_rate(self) -> float | None:
        return round(self.states["converted"] / self.total, 4) if self.total else None

    def as_json(self) -> dict[str, Any]:
        return {
            "brand": self.brand, "since": self.since.isoformat(), "until": self.until.isoformat(),
            "now": self.now.isoformat(), "silent_days": self.silent_days, "total": self.total,
            "states": self.states, "conversion_rate": self.conversion_rate, "after": self.after,
            "cohorts": [cohort.as_json() for cohort in self.cohorts],
            "crises": [crisis.as_json() for crisis in self.crises],
            "people": [person.as_json() for person in self.people], "own_accounts": self.own_accounts,
            "notes": self.notes,
        }  # fmt: skip


def _aware(value: datetime | None, zone: Any) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=zone)


def _linked(brand_id: int, start: datetime, end: datetime) -> Any:
    return and_(mention_brand.c.brand_id == brand_id, mention_brand.c.created_at >= start,
                mention_brand.c.created_at < end)  # fmt: skip


def detractors(
    connection: Connection, brand_key: str, since: datetime, until: datetime, *, now: datetime | None = None,
    silent_days: int = SILENT_DAYS, state: str | None = None, sort: str = "negative", limit: int = 100,
) -> Detractors:  # fmt: skip
    """The people with a negative mention of ``brand_key`` from ``since`` to ``until``, with their
    state as of ``now`` (their later mentions count, up to ``now``)."""
    if state is not None and state not in STATES:
        raise CommunityError(f"state is one of {', '.join(STATES)}, not {state!r}")
    if sort not in SORTS:
        raise CommunityError(f"sort is one of {', '.join(SORTS)}, not {sort!r}")
    if silent_days < 1:
        raise CommunityError("silent days must be 1 or more")
    row = _brand(connection, brand_key)
    handles = _handles(row)
    when = now or utcnow()
    zone = since.tzinfo
    result = Detractors(brand_key, since, until, when, silent_days, own_accounts=handles)
    negative = counted_negative()
    person = func.lower(mention.c.author_handle)
    base = mention.join(mention_brand, mention_brand.c.mention_id == mention.c.id).join(
        analysis, analysis.c.mention_id == mention.c.id
    )
    people = (
        select(
            mention.c.source.label("source"),
            person.label("person"),
            func.max(mention.c.author_handle).label("author"),
            func.max(mention.c.author_name).label("name"),
            func.max(mention.c.author_followers).label("followers"),
            func.count().label("mentions"),
            func.sum(case((negative, 1), else_=0)).label("negative"),
            func.min(case((negative, mention.c.created_at))).label("first_negative"),
            func.max(case((negative, mention.c.created_at))).label("last_negative"),
            func.max(mention.c.created_at).label("last_seen"),
            func.max(case((and_(negative, mention.c.created_at < until), 1), else_=0)).label("in_period"),
        )
        .select_from(base)
        .where(_linked(row.id, since, max(until, when)), mention.c.author_handle != "",
               ~_own(mention.c.author_handle, handles))
        .group_by(mention.c.source, person)
        .having(func.max(case((and_(negative, mention.c.created_at < until), 1), else_=0)) == 1)
        .cte("detractors")
    )  # fmt: skip
    # Their first kind word after their last negative one.
    later = (
        select(people.c.source, people.c.person, func.min(mention.c.created_at).label("converted_at"))
        .select_from(base.join(people, and_(people.c.source == mention.c.source, people.c.person == person)))
        .where(
            _linked(row.id, since, max(until, when)),
            people.c.last_seen > people.c.last_negative,
            mention.c.created_at > people.c.last_negative,
            ~negative,
        )
        .group_by(people.c.source, people.c.person)
        .subquery()
    )
    # The brand's first reply to them, after their first negative mention.
    if handles:
        answered = (
            select(people.c.source, people.c.person, func.min(mention.c.created_at).label("answered_at"))
            .select_from(mention.join(people, and_(people.c.source == mention.c.source,
                                                   people.c.person == func.lower(mention.c.in_reply_to_author))))
            .where(_own(mention.c.author_handle, handles), mention.c.in_reply_to_author.is_not(None),
                   mention.c.created_at >= people.c.first_negative, mention.c.created_at >= since,
                   mention.c.created_at < max(until, when))
            .group_by(people.c.source, people.c.person)
            .subquery()
        )  # fmt: skip
        answer_column: Any = answered.c.answered_at
    else:
        answered = None
        answer_column = literal(None).label("answered_at")
        result.notes.append(N_("no own accounts configured for this brand (own_accounts in ascua.yaml): the brand's "
                               "answers cannot be told, so no conversion is put down to an answer"))  # fmt: skip
    joined: Any = people.outerjoin(later, and_(later.c.source == people.c.source, later.c.person == people.c.person))
    if answered is not None:
        joined = joined.outerjoin(answered, and_(answered.c.source == people.c.source,
                                                 answered.c.person == people.c.person))  # fmt: skip
    rows = connection.execute(select(people, later.c.converted_at, answer_column).select_from(joined)).all()
    resolved = sorted(
        moment.replace(tzinfo=moment.tzinfo or zone)
        for (moment,) in connection.execute(
            select(alert.c.resolved_at).where(alert.c.brand_id == row.id, alert.c.resolved_at.is_not(None))
        )
    )
    silent = timedelta(days=silent_days)
    found: list[Detractor] = []
    for item in rows:
        first_negative = _aware(item.first_negative, zone)
        last_negative = _aware(item.last_negative, zone)
        last_seen = _aware(item.last_seen, zone)
        converted_at = _aware(item.converted_at, zone)
        answered_at = _aware(item.answered_at, zone)
        assert first_negative is not None and last_negative is not None and last_seen is not None
        person_state, after = "active", None
        if converted_at is not None and converted_at <= when:
            person_state = "converted"
            if answered_at is not None and answered_at <= converted_at:
                after = "answer"
            elif any(first_negative <= moment <= converted_at for moment in resolved):
                after = "resolution"
            else:
                after = "own"
            result.after[after] += 1
        elif when - last_seen >= silent:
            person_state = "left"
        result.states[person_state] += 1
        found.append(Detractor(item.source, item.author, item.name, item.followers, int(item.negative),
                               int(item.mentions), first_negative, last_negative, last_seen, person_state,
                               answered_at, converted_at, after))  # fmt: skip
    result.total = len(found)
    result.cohorts = _cohorts(found, since, until)
    result.crises = _crises(connection, row.id, found, since, until, when, zone)
    chosen = [person for person in found if state is None or person.state == state]
    if sort == "reach":
        chosen.sort(key=lambda p: (-(p.followers or 0), -p.negative, p.author))
    elif sort == "recent":
        chosen.sort(key=lambda p: (p.last_negative, p.author), reverse=True)
    else:
        chosen.sort(key=lambda p: (-p.negative, -(p.followers or 0), p.author))
    result.people = chosen[:limit]
    if not found:
        result.notes.append(N_("no negative mentions in this period"))
    return result


def _cohorts(found: list[Detractor], since: datetime, until: datetime) -> list[Cohort]:
    """By the week (or, past half a year, the month) of their first negative mention."""
    span = until - since
    monthly = span > timedelta(days=183)

    def start_of(moment: datetime) -> datetime:
        local = moment.astimezone(since.tzinfo)
        day = local.replace(hour=0, minute=0, second=0, microsecond=0)
        if monthly:
            return day.replace(day=1)
        return day - timedelta(days=day.weekday())

    cohorts: dict[datetime, Cohort] = {}
    for person in found:
        key = start_of(max(person.first_negative, since))
        cohort = cohorts.setdefault(key, Cohort(key, 0, 0, 0))
        cohort.detractors += 1
        cohort.converted += person.state == "converted"
        cohort.left += person.state == "left"
    return [cohorts[key] for key in sorted(cohorts)]


def _crises(
    connection: Connection, brand_id: int, found: list[Detractor], since: datetime, until: datetime, now: datetime,
    zone: Any,
) -> list[CrisisOutcome]:  # fmt: skip
    """For each alert of the period (incident or crisis at its peak), the people negative during it."""
    by_person = {(person.source, person.author.lower()): person for person in found}
    negative = counted_negative()
    outcomes = []
    alerts = connection.execute(
        select(alert.c.id, alert.c.peak_level, alert.c.opened_at, alert.c.resolved_at)
        .where(alert.c.brand_id == brand_id, alert.c.opened_at < until,
               or_(alert.c.resolved_at.is_(None), alert.c.resolved_at >= since),
               alert.c.peak_level.in_(("incident", "crisis")))
        .order_by(alert.c.opened_at)
    ).all()  # fmt: skip
    for item in alerts:
        opened, resolved = _aware(item.opened_at, zone), _aware(item.resolved_at, zone)
        assert opened is not None
        end = resolved or now
        keys = connection.execute(
            select(mention.c.source, func.lower(mention.c.author_handle))
            .select_from(mention.join(mention_brand, mention_brand.c.mention_id == mention.c.id)
                         .join(analysis, analysis.c.mention_id == mention.c.id))
            .where(_linked(brand_id, opened - timedelta(hours=6), end), negative)
            .distinct()
        ).all()  # fmt: skip
        people = [by_person[(source, handle)] for source, handle in keys if (source, handle) in by_person]
        converted = sum(
            1 for p in people if p.converted_at is not None and resolved is not None and p.converted_at >= resolved
        )
        answered = sum(1 for p in people if p.answered_at is not None)
        outcomes.append(CrisisOutcome(item.id, item.peak_level, opened, resolved, len(people), converted, answered))
    return outcomes


@dataclass
class Entry:
    """One line of a detractor's history: their mention, or the brand's answer to them."""

    id: int
    source: str
    url: str | None
    author: str
    text: str
    created_at: datetime
    by_brand: bool
    sentiment: str | None
    negative: bool
    in_reply_to: str | None

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["created_at"] = self.created_at.isoformat()
        return data


def history(
    connection: Connection, brand_key: str, source: str, handle: str, *, limit: int = 200
) -> tuple[list[Entry], list[str]]:
    """A person's mentions of the brand and the brand's answers to them, oldest first (the last
    ``limit``)."""
    row = _brand(connection, brand_key)
    handles = _handles(row)
    wanted = handle.strip().lower()
    if not wanted:
        raise CommunityError("a handle is needed")
    negative = counted_negative()
    theirs = (
        select(mention.c.id, mention.c.source, mention.c.url, mention.c.author_handle, mention.c.text,
               mention.c.created_at, literal(False).label("by_brand"), analysis.c.sentiment,
               func.coalesce(negative, False).label("negative"), mention.c.in_reply_to)
        .select_from(mention.join(mention_brand, mention_brand.c.mention_id == mention.c.id)
                     .outerjoin(analysis, analysis.c.mention_id == mention.c.id))
        .where(mention_brand.c.brand_id == row.id, mention.c.source == source,
               func.lower(mention.c.author_handle) == wanted)
    )  # fmt: skip
    entries = [
        Entry(item.id, item.source, item.url, item.author_handle, item.text, item.created_at, False, item.sentiment,
              bool(item.negative), item.in_reply_to)
        for item in connection.execute(theirs.order_by(mention.c.created_at.desc()).limit(limit))
    ]  # fmt: skip
    notes = []
    if not entries:
        raise CommunityError(f"{handle} on {source} has no mention of {brand_key} stored")
    if handles:
        answers = (
            select(mention.c.id, mention.c.source, mention.c.url, mention.c.author_handle, mention.c.text,
                   mention.c.created_at, mention.c.in_reply_to)
            .where(_own(mention.c.author_handle, handles), mention.c.source == source,
                   func.lower(mention.c.in_reply_to_author) == wanted)
            .order_by(mention.c.created_at.desc())
            .limit(limit)
        )  # fmt: skip
        entries += [
            Entry(item.id, item.source, item.url, item.author_handle, item.text, item.created_at, True, None, False,
                  item.in_reply_to)
            for item in connection.execute(answers)
        ]  # fmt: skip
    else:
        notes.append(N_("no own accounts configured for this brand: its answers cannot be shown"))
    entries.sort(key=lambda entry: (entry.created_at, entry.id))
    return entries[-limit:], notes


NEW_LOOKBACK_DAYS = 90  # a person negative again after this long counts as a new detractor


def new_detractors(
    connection: Connection, brand_key: str, start: datetime, end: datetime, *, limit: int = 3
) -> tuple[int, list[dict[str, Any]]]:
    """The people negative about the brand from ``start`` to ``end`` who were not in the
    :data:`NEW_LOOKBACK_DAYS` days before: how many, and the ``limit`` with the most followers."""
    row = _brand(connection, brand_key)
    handles = _handles(row)
    negative = counted_negative()
    person = func.lower(mention.c.author_handle)
    base = mention.join(mention_brand, mention_brand.c.mention_id == mention.c.id).join(
        analysis, analysis.c.mention_id == mention.c.id
    )
    today = connection.execute(
        select(mention.c.source, person.label("person"), func.max(mention.c.author_handle).label("author"),
               func.max(mention.c.author_followers).label("followers"), func.min(mention.c.text).label("text"))
        .select_from(base)
        .where(_linked(row.id, start, end), negative, mention.c.author_handle != "",
               ~_own(mention.c.author_handle, handles))
        .group_by(mention.c.source, person)
    ).all()  # fmt: skip
    if not today:
        return 0, []
    known: set[tuple[str, str]] = set()
    names = sorted({item.person for item in today})
    for begin in range(0, len(names), 500):
        chunk = names[begin : begin + 500]
        known.update(
            (source, name)
            for source, name in connection.execute(
                select(mention.c.source, person)
                .select_from(base)
                .where(_linked(row.id, start - timedelta(days=NEW_LOOKBACK_DAYS), start), negative, person.in_(chunk))
                .distinct()
            )
        )
    fresh = [item for item in today if (item.source, item.person) not in known]
    fresh.sort(key=lambda item: (-(item.followers or 0), item.person))
    examples = [{"source": item.source, "author": item.author, "followers": item.followers, "text": item.text[:200]}
                for item in fresh[:limit]]  # fmt: skip
    return len(fresh), examples
