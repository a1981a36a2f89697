"""The reputation index of a brand over time (docs/community.md#the-reputation-index; BRIEF M7).

For each period (a day, a week), over the mentions of people other than the brand's own accounts:

    index = 100 × Σ wᵢ·(P(positive)ᵢ − P(negative)ᵢ) / Σ wᵢ,    wᵢ = 1 + ⌊log₁₀(1 + followersᵢ)⌋

a net sentiment between −100 (every post surely negative) and +100, where a post counts more the
more people can see it, but one celebrity does not outweigh a crowd: 5 for 10,000 followers, 7 for
a million, 1 for an account without followers. The probabilities are the models' calibrated ones,
so an unsure post moves the index less than a clear one.

The band is the index ± 1.96 standard errors of that weighted mean (with the weights' effective
number of posts): where the true value lies, 19 times in 20, given the posts seen. A period with
fewer than :data:`MIN_POSTS` posts has no index.

The usual is the median index of the :data:`USUAL` periods before the :data:`RECENT` last ones (a
median, so that a past crisis does not move it). The trend is the recent periods' index taken
together, with its band: ``declining`` when the whole band is below the usual, ``rising`` when it
is above. The movement of the latest period against the usual is explained exactly by its
contributors: each post adds ``100 × wᵢ·(sᵢ − usual) / Σ w`` to the difference, and the sum over
the posts is the difference. The people who pulled it down or up the most are listed with what
they said.

The wave detector follows the same net sentiment from its day windows (without the weights, which
the windows do not keep): a slow decline with no wave makes a brand ``watch``
(:mod:`ascua.detect.wave`, docs/detection.md).
"""

from __future__ import annotations

import math
import statistics
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.engine import Connection

from ascua.charts import svg_of
from ascua.community import CommunityError, _brand, _handles, _own
from ascua.i18n import N_
from ascua.store.schema import analysis, mention, mention_brand

MIN_POSTS = 5
USUAL = 28  # periods the recent ones are compared with
RECENT = 7  # the recent periods: a trend is theirs, not one day's
CONTRIBUTORS = 5
EVERY = {"day": timedelta(days=1), "week": timedelta(days=7)}
MAX_PERIODS = 400


def weight() -> Any:
    """SQL for a post's weight, 1 + the number of digits of its author's followers, up to 7."""
    followers = func.coalesce(mention.c.author_followers, 0)
    return case(
        (followers < 9, 1.0), (followers < 99, 2.0), (followers < 999, 3.0), (followers < 9_999, 4.0),
        (followers < 99_999, 5.0), (followers < 999_999, 6.0), else_=7.0,
    )  # fmt: skip


def weight_of(followers: int | None) -> float:
    return float(min(7, 1 + int(math.log10(1 + max(0, followers or 0)))))


@dataclass
class Point:
    start: datetime
    posts: int
    index: float | None  # None: fewer than MIN_POSTS posts
    low: float | None
    high: float | None


@dataclass
class Contributor:
    source: str
    author: str
    followers: int | None
    posts: int
    points: float  # what they added to the movement (negative: pulled it down)
    text: str
    url: str | None
    mention_id: int


@dataclass
class Reputation:
    brand: str
    every: str
    since: datetime
    until: datetime
    points: list[Point] = field(default_factory=list)
    latest: float | None = None
    recent: float | None = None  # the last RECENT periods together
    usual: float | None = None  # the median of the USUAL periods before them
    change: float | None = None  # latest − usual, in points
    trend: str = "steady"  # declining | rising | steady | unknown
    down: list[Contributor] = field(default_factory=list)  # pulled the latest period down the most
    up: list[Contributor] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["since"], data["until"] = self.since.isoformat(), self.until.isoformat()
        for point in data["points"]:
            point["start"] = point["start"].isoformat()
        return data


def _sums(connection: Connection, brand_id: int, handles: list[str], start: datetime, end: datetime) -> Any:
    w = weight()
    net = analysis.c.positive - analysis.c.negative
    return connection.execute(
        select(func.count(), func.sum(w), func.sum(w * w), func.sum(w * net), func.sum(w * net * net))
        .select_from(mention_brand.join(mention, mention.c.id == mention_brand.c.mention_id)
                     .join(analysis, analysis.c.mention_id == mention.c.id))
        .where(mention_brand.c.brand_id == brand_id, mention_brand.c.created_at >= start,
               mention_brand.c.created_at < end, ~_own(mention.c.author_handle, handles))
    ).one()  # fmt: skip


Sums = tuple[float, float, float, float]  # of a set of posts: Σw, Σw², Σw·s, Σw·s²


def _band(sums: Sums) -> tuple[float, float]:
    """The weighted mean of the posts' s and the half-width of its 95 % band (1.96 standard
    errors, with the weights' effective number of posts)."""
    total, squares, net, net2 = sums
    mean = net / total
    variance = max(0.0, net2 / total - mean * mean)
    effective = total * total / squares if squares else 1.0
    return mean, 1.96 * math.sqrt(variance / max(effective, 1.0))


def _point(start: datetime, count: int, sums: Sums) -> Point:
    if count < MIN_POSTS or sums[0] <= 0:
        return Point(start, count, None, None, None)
    mean, error = _band(sums)
    return Point(start, count, round(100 * mean, 1), round(100 * max(-1.0, mean - error), 1),
                 round(100 * min(1.0, mean + error), 1))  # fmt: skip


def reputation(
    connection: Connection, brand_key: str, since: datetime, until: datetime, *, every: str = "day",
    contributors: int = CONTRIBUTORS,
) -> Reputation:  # fmt: skip
    """The index of ``brand_key`` per ``every`` (day or week, in ``since``'s time zone) from
    ``since`` to ``until``, and what moved its latest period away from the usual."""
    if every not in EVERY:
        raise CommunityError(f"every is one of {', '.join(EVERY)}, not {every!r}")
    if until <= since:
        raise CommunityError("until comes before since")
    step = EVERY[every]
    count = math.ceil((until - since) / step)
    if count > MAX_PERIODS:
        raise CommunityError(f"{count} periods asked for; at most {MAX_PERIODS} (take weeks for a long span)")
    row = _brand(connection, brand_key)
    handles = _handles(row)
    result = Reputation(brand_key, every, since, until)
    weights: list[Sums] = []
    for number in range(count):
        start = _local(since, number, every)
        end = min(_local(since, number + 1, every), until)
        found = _sums(connection, row.id, handles, start, end)
        sums: Sums = (float(found[1] or 0.0), float(found[2] or 0.0), float(found[3] or 0.0), float(found[4] or 0.0))
        result.points.append(_point(start, int(found[0] or 0), sums))
        weights.append(sums)
    measured = [i for i, p in enumerate(result.points) if p.index is not None]
    if not measured:
        result.trend = "unknown"
        result.notes.append(N_("too few mentions in this period for an index (5 posts a period at least)"))
        return result
    last = measured[-1]
    result.latest = result.points[last].index
    recent = measured[-RECENT:] if len(measured) > RECENT else measured[-1:]
    before = [i for i in measured if i < recent[0]][-USUAL:]
    if not before:
        result.trend = "unknown"
        result.notes.append(N_("nothing before the latest periods to compare with"))
        return result
    # The usual: the median period before, so that a past crisis does not move it.
    result.usual = round(statistics.median(result.points[i].index or 0.0 for i in before), 1)
    assert result.latest is not None
    result.change = round(result.latest - result.usual, 1)
    together: Sums = (sum(weights[i][0] for i in recent), sum(weights[i][1] for i in recent),
                      sum(weights[i][2] for i in recent), sum(weights[i][3] for i in recent))  # fmt: skip
    mean, error = _band(together)
    result.recent = round(100 * mean, 1)
    if 100 * (mean + error) < result.usual:
        result.trend = "declining"
    elif 100 * (mean - error) > result.usual:
        result.trend = "rising"
    latest = result.points[last]
    start = latest.start
    end = min(_local(since, last + 1, every), until)
    result.down, result.up = _contributors(connection, row.id, handles, start, end, result.usual / 100, contributors)
    if not handles:
        result.notes.append(N_("no own accounts configured for this brand: its own posts count in the index"))
    return result


def _local(since: datetime, number: int, every: str) -> datetime:
    """The start of the ``number``-th period after ``since``, at the same local hour (days keep
    their length in local time across a change of summer time)."""
    days = number * (7 if every == "week" else 1)
    local = since.replace(tzinfo=None) + timedelta(days=days)
    return local.replace(tzinfo=since.tzinfo)


def _contributors(
    connection: Connection, brand_id: int, handles: list[str], start: datetime, end: datetime, usual: float,
    limit: int,
) -> tuple[list[Contributor], list[Contributor]]:  # fmt: skip
    rows = connection.execute(
        select(mention.c.id, mention.c.source, mention.c.author_handle, mention.c.author_followers, mention.c.text,
               mention.c.url, (analysis.c.positive - analysis.c.negative).label("net"), weight().label("w"))
        .select_from(mention_brand.join(mention, mention.c.id == mention_brand.c.mention_id)
                     .join(analysis, analysis.c.mention_id == mention.c.id))
        .where(mention_brand.c.brand_id == brand_id, mention_brand.c.created_at >= start,
               mention_brand.c.created_at < end, ~_own(mention.c.author_handle, handles))
    ).all()  # fmt: skip
    total = sum(float(item.w) for item in rows) or 1.0
    people: dict[tuple[str, str], Contributor] = {}
    lowest: dict[tuple[str, str], tuple[float, Any]] = {}  # each person's post that pulled down the most
    highest: dict[tuple[str, str], tuple[float, Any]] = {}
    for item in rows:
        points = 100 * float(item.w) * (float(item.net) - usual) / total
        key = (item.source, (item.author_handle or f"#{item.id}").lower())
        person = people.get(key)
        if person is None:
            people[key] = Contributor(item.source, item.author_handle or "", item.author_followers, 1, points,
                                      item.text[:400], item.url, item.id)  # fmt: skip
        else:
            person.posts += 1
            person.points += points
        if key not in lowest or points < lowest[key][0]:
            lowest[key] = (points, item)
        if key not in highest or points > highest[key][0]:
            highest[key] = (points, item)
    for key, person in people.items():
        person.points = round(person.points, 2)
        telling = (lowest if person.points < 0 else highest)[key][1]  # the post that speaks for them
        person.text, person.url, person.mention_id = telling.text[:400], telling.url, telling.id
    ranked = sorted(people.values(), key=lambda p: p.points)
    down = [p for p in ranked if p.points < 0][:limit]
    up = [p for p in reversed(ranked) if p.points > 0][:limit]
    return down, up


# --- the chart ---------------------------------------------------------------------------------


def reputation_chart(found: Reputation, gettext: Any, zone: Any) -> bytes:
    """The index with its band over time, as an SVG image (matplotlib)."""
    from matplotlib import dates
    from matplotlib.figure import Figure

    _ = gettext
    figure = Figure(figsize=(6.4, 2.2), dpi=100)
    axis = figure.add_subplot()
    shown = [p for p in found.points if p.index is not None]
    if shown:
        xs = [float(dates.date2num(p.start.astimezone(zone).replace(tzinfo=None))) for p in shown]  # type: ignore[no-untyped-call]
        axis.fill_between(xs, [p.low or 0.0 for p in shown], [p.high or 0.0 for p in shown], color="#bfdbfe",
                          label=_("19 times in 20"))  # fmt: skip
        axis.plot(xs, [p.index or 0.0 for p in shown], color="#1d4ed8", linewidth=1.4, label=_("reputation index"))
        if found.usual is not None:
            axis.axhline(found.usual, color="#555", linewidth=0.8, linestyle="--", label=_("usual"))
        axis.axhline(0, color="#999", linewidth=0.6)
        axis.xaxis.set_major_formatter(dates.DateFormatter("%d %b"))  # type: ignore[no-untyped-call]
        axis.legend(loc="lower left", fontsize=7, frameon=False, ncol=3)
    else:
        axis.text(0.5, 0.5, _("Too few mentions for an index."), ha="center", va="center", transform=axis.transAxes,
                  fontsize=8, color="#555")  # fmt: skip
        axis.set_xticks([])
    axis.set_ylim(-100, 100)
    return svg_of(figure, axis)
