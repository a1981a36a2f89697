"""What the pages and the API read: mention search and its CSV export, volume series and their
chart, the plan's readiness, the live query preview."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, literal_column, or_, select
from sqlalchemy.engine import Connection, Engine

from ascua.charts import svg_of
from ascua.i18n import N_
from ascua.model import utcnow
from ascua.query import QueryError, compile_query
from ascua.query.compile import PostView
from ascua.store.schema import analysis, brand, brand_window, mention, mention_brand

if TYPE_CHECKING:
    from ascua.config import Workspace
    from ascua.respond.escalate import PlanSource
    from ascua.respond.plan import Readiness
    from ascua.store.textsearch import Lookup
    from ascua.web.app import Site

EMOTIONS = ("anger", "joy", "optimism", "sadness", "fear")  # as the analyzer names them
SENTIMENTS = ("negative", "neutral", "positive")
CHUNK = 2_000
FIRST_CHUNK = 200
MAX_SCAN = 100_000  # a query-language search reads at most this many mentions per page
CSV_LIMIT = 1_000_000
CSV_COLUMNS = ("id", "created_at", "source", "author_handle", "author_name", "author_followers", "lang",
               "sentiment", "emotion", "complaint", "question", "url", "text")  # fmt: skip
# the spans of the overview's chart: (window scale in seconds, how far back)
SPANS: dict[str, tuple[int, timedelta]] = {
    "hour": (300, timedelta(hours=1)),
    "day": (3600, timedelta(days=1)),
    "week": (3600, timedelta(days=7)),
    "month": (86400, timedelta(days=30)),
}


@dataclass(frozen=True)
class Search:
    """The mentions page's filters (and the API's): all optional, combined with AND."""

    q: str = ""
    brand: str = ""
    source: str = ""
    lang: str = ""
    sentiment: str = ""
    emotion: str = ""
    author: str = ""
    since: datetime | None = None
    until: datetime | None = None
    since_text: str = ""
    until_text: str = ""

    def as_params(self) -> dict[str, str]:
        values = {"q": self.q, "brand": self.brand, "source": self.source, "lang": self.lang,
                  "sentiment": self.sentiment, "emotion": self.emotion, "author": self.author,
                  "since": self.since_text, "until": self.until_text}  # fmt: skip
        return {key: value for key, value in values.items() if value}


@dataclass
class Found:
    items: list[dict[str, Any]] = field(default_factory=list)
    more: bool = False
    scanned: int = 0
    capped: bool = False  # the scan stopped at MAX_SCAN before the page was full


def _moment(text: str, zone: tzinfo, name: str, end: bool) -> datetime:
    """A time filter: ISO 8601, or a day (its start; for ``until``, the next day's start), in the workspace's zone."""
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            moment = datetime(day.year, day.month, day.day, tzinfo=zone)
            return moment + timedelta(days=1) if end else moment
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{name}: {text!r} is not a date (2026-03-01) or a time (2026-03-01T09:30)") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)


def parse_search(params: Any, brands: list[str], zone: tzinfo) -> tuple[Search, str | None]:
    """The filters of a request, and the first problem with them in words (``None``: none)."""

    def get(name: str, limit: int = 200) -> str:
        value = params.get(name)
        return value.strip()[:limit] if isinstance(value, str) else ""

    q, chosen, since_text, until_text = get("q", 4_000), get("brand"), get("since", 40), get("until", 40)
    sentiment, emotion = get("sentiment"), get("emotion")
    problem = None
    since = until = None
    try:
        since = _moment(since_text, zone, "since", end=False) if since_text else None
        until = _moment(until_text, zone, "until", end=True) if until_text else None
    except ValueError as error:
        problem = str(error)
    if chosen and chosen not in brands:
        problem = f"brand: no brand {chosen!r} (brands: {', '.join(brands) or 'none'})"
    if sentiment and sentiment not in SENTIMENTS:
        problem = f"sentiment: one of {', '.join(SENTIMENTS)}, not {sentiment!r}"
    if emotion and emotion not in EMOTIONS:
        problem = f"emotion: one of {', '.join(EMOTIONS)}, not {emotion!r}"
    if q:
        try:
            compile_query(q)
        except QueryError as error:
            problem = f"query: {error}"
    search = Search(q, chosen, get("source", 64), get("lang", 8).lower(), sentiment, emotion,
                    get("author", 120), since, until, since_text, until_text)  # fmt: skip
    return search, problem


def _select(search: Search, scan: bool = False) -> Any:
    """The SQL part of a search: every column a page shows, or (``scan``) only those the query
    language and the emotion filter read, with the time the rows are ordered by (``at_``)."""
    if scan:
        columns: tuple[Any, ...] = (
            mention.c.id, mention.c.source, mention.c.url, mention.c.author_handle, mention.c.text,
            mention.c.lang.label("stated_lang"), analysis.c.lang,
        )  # fmt: skip
        if search.emotion:
            columns += (analysis.c.emotion,)
    else:
        columns = (
            mention.c.id, mention.c.source, mention.c.url, mention.c.author_handle, mention.c.author_name,
            mention.c.author_followers, mention.c.text, mention.c.created_at, mention.c.lang.label("stated_lang"),
            analysis.c.lang, analysis.c.sentiment, analysis.c.emotion, analysis.c.complaint, analysis.c.question,
        )  # fmt: skip
    query = select(*columns).outerjoin(analysis, analysis.c.mention_id == mention.c.id)
    if search.brand:
        brand_id = select(brand.c.id).where(brand.c.key == search.brand).scalar_subquery()
        query = query.join(
            mention_brand, and_(mention_brand.c.mention_id == mention.c.id, mention_brand.c.brand_id == brand_id)
        )
        at = mention_brand.c.created_at
    else:
        at = mention.c.created_at
    query = _filtered(query, search, at)
    if scan:
        query = query.add_columns(at.label("at_"))
    return query, at


def _filtered(query: Any, search: Search, at: Any) -> Any:
    """``query`` with the search's SQL filters (it joins ``mention`` and ``analysis`` when they need them)."""
    if search.since is not None:
        query = query.where(at >= search.since)
    if search.until is not None:
        query = query.where(at < search.until)
    if search.source:
        query = query.where(mention.c.source == search.source)
    if search.lang:
        query = query.where(analysis.c.lang == search.lang)
    if search.sentiment:
        query = query.where(analysis.c.sentiment == search.sentiment)
    if search.author:
        handle = search.author.lower().lstrip("@")
        query = query.where(func.lower(mention.c.author_handle).in_([handle, "@" + handle]))
    return query


def _candidates(search: Search, indexed: Callable[[Any], Any]) -> tuple[Any, Any, Any]:
    """The ids and times of the mentions the SQL filters and the full-text index keep, reading only
    the tables the filters need (the brand's index, not every mention's row): for a query whose
    words few posts contain, the index leads and the few are sorted, instead of walking a brand's
    mentions from the newest until enough of them have a word."""
    if search.brand:
        key, at = mention_brand.c.mention_id, mention_brand.c.created_at
        brand_id = select(brand.c.id).where(brand.c.key == search.brand).scalar_subquery()
        query = select(key.label("id"), at.label("at_")).where(mention_brand.c.brand_id == brand_id)
        if search.source or search.author:
            query = query.join(mention, mention.c.id == key)
    else:
        key, at = mention.c.id, mention.c.created_at
        query = select(key.label("id"), at.label("at_"))
    if search.lang or search.sentiment:
        query = query.join(analysis, analysis.c.mention_id == key)
    return _filtered(query, search, at).where(indexed(key)), at, key


def _top(emotion: Any) -> str | None:
    if not isinstance(emotion, dict) or not emotion:
        return None
    return str(max(emotion, key=lambda name: emotion[name] or 0.0))


def _row(row: Any) -> dict[str, Any]:
    item = dict(row._mapping)
    item["emotion"] = _top(item.get("emotion"))
    item.pop("stated_lang", None)
    return item


def search_mentions(connection: Connection, search: Search, *, limit: int, offset: int = 0) -> Found:
    """The ``limit`` mentions after the first ``offset`` that pass every filter, newest first.

    Filters the database can apply are SQL; the query language and the emotion are checked
    here, on chunks read newest first, reading at most :data:`MAX_SCAN` mentions."""
    query, at = _select(search)
    if not search.q and not search.emotion:
        rows = connection.execute(query.order_by(at.desc(), mention.c.id.desc()).limit(limit + 1).offset(offset))
        items = [_row(row) for row in rows]
        return Found(items[:limit], len(items) > limit, len(items))
    found = Found()
    wanted = offset + limit + 1
    matched = 0
    kept_ids: list[int] = []
    for row, kept in _scan(connection, search, wanted):
        found.scanned += 1
        if found.scanned > MAX_SCAN:
            found.capped = True
            break
        if not kept:
            continue
        matched += 1
        if matched > offset:
            kept_ids.append(row.id)
        if matched >= wanted:
            break
    full = {row.id: row for row in connection.execute(query.where(mention.c.id.in_(kept_ids)))} if kept_ids else {}
    found.items = [_row(full[key]) for key in kept_ids if key in full]
    found.more = len(found.items) > limit
    found.items = found.items[:limit]
    return found


def _scan(connection: Connection, search: Search, wanted: int = FIRST_CHUNK) -> Iterator[tuple[Any, bool]]:
    """Every mention the SQL filters keep, newest first, in growing chunks of only the columns
    the query needs, and whether it also matches ``search.q`` and ``search.emotion``. The first
    chunk is about ``wanted`` rows: with the full-text prefilter most rows read match."""
    matcher = compile_query(search.q) if search.q else None
    query, at = _select(search, scan=True)
    if matcher is not None:
        from ascua.store.textsearch import FEW_HITS, lookup

        indexed = lookup(connection, matcher.anchors)  # only posts with one of the query's words
        if indexed is not None:
            if indexed.hits(connection, FEW_HITS) < FEW_HITS:
                yield from _scan_few(connection, search, matcher, wanted, query, indexed)
                return
            query = query.where(indexed.on(mention.c.id))
    after: tuple[datetime, int] | None = None
    size = min(FIRST_CHUNK, wanted + 16)  # often enough for the page: read more only when not
    while True:
        chunk = query
        if after is not None:
            chunk = chunk.where(or_(at < after[0], and_(at == after[0], mention.c.id < after[1])))
        rows = connection.execute(chunk.order_by(at.desc(), mention.c.id.desc()).limit(size)).all()
        for row in rows:
            yield row, _kept(row, search, matcher)
        if len(rows) < size:
            return
        after = (rows[-1].at_, rows[-1].id)
        size = min(CHUNK, size * 2)


def _kept(row: Any, search: Search, matcher: Any) -> bool:
    kept = not search.emotion or _top(row.emotion) == search.emotion
    if kept and matcher is not None:
        post = PostView.of(row.text, lang=row.stated_lang or row.lang, source=row.source,
                           author=row.author_handle, url=row.url)  # fmt: skip
        kept = matcher.matches(post)
    return bool(kept)


def _scan_few(
    connection: Connection, search: Search, matcher: Any, wanted: int, columns: Any, indexed: Lookup
) -> Iterator[tuple[Any, bool]]:
    """:func:`_scan` for a query few posts can match: their ids and times first (the index
    leads, ``+at_`` keeps SQLite from walking the time index), then their columns by id."""
    candidates, at, key = _candidates(search, indexed.on)
    order: tuple[Any, ...] = (literal_column("+at_").desc(), key.desc())
    after: tuple[datetime, int] | None = None
    size = min(FIRST_CHUNK, wanted + 16)
    while True:
        chunk = candidates
        if after is not None:
            chunk = chunk.where(or_(at < after[0], and_(at == after[0], key < after[1])))
        ids = connection.execute(chunk.order_by(*order).limit(size)).all()
        if ids:
            found = {row.id: row for row in connection.execute(columns.where(mention.c.id.in_([i.id for i in ids])))}
            for item in ids:
                row = found.get(item.id)
                if row is not None:
                    yield row, _kept(row, search, matcher)
        if len(ids) < size:
            return
        after = (ids[-1].at_, ids[-1].id)
        size = min(CHUNK, size * 2)


def mentions_csv(engine: Engine, search: Search) -> Iterator[str]:
    """The whole result of a search as CSV (UTF-8 with a BOM, so that spreadsheets read accents),
    streamed in chunks; at most :data:`CSV_LIMIT` rows. Cells that a spreadsheet would run as a
    formula (starting with = + - @) are prefixed with an apostrophe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield "\ufeff" + buffer.getvalue()
    with engine.connect() as connection:
        offset = 0
        while offset < CSV_LIMIT:
            found = search_mentions(connection, search, limit=CHUNK, offset=offset)
            buffer.seek(0)
            buffer.truncate()
            for item in found.items:
                writer.writerow([_cell(item.get(name)) for name in CSV_COLUMNS])
            yield buffer.getvalue()
            if not found.more:
                return
            offset += CHUNK


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


# --- the overview's chart ------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    start: datetime
    mentions: int
    negative: int


def volume_series(connection: Connection, brand_key: str, span: str, now: datetime | None = None) -> list[Point] | None:
    """A brand's mentions and negative mentions per window over ``span`` (``None``: no such brand)."""
    brand_id = connection.execute(select(brand.c.id).where(brand.c.key == brand_key)).scalar()
    if brand_id is None:
        return None
    scale, back = SPANS[span]
    newest = connection.execute(
        select(func.max(brand_window.c.start)).where(brand_window.c.brand_id == brand_id, brand_window.c.scale == scale)
    ).scalar()
    end = newest or now or utcnow()
    rows = connection.execute(
        select(brand_window.c.start, brand_window.c.mentions, brand_window.c.negative)
        .where(brand_window.c.brand_id == brand_id, brand_window.c.scale == scale, brand_window.c.start > end - back)
        .order_by(brand_window.c.start)
    )
    return [Point(row.start, row.mentions, row.negative) for row in rows]


def volume_chart(points: list[Point], span: str, gettext: Callable[[str], str], zone: tzinfo) -> bytes:
    """Mentions (bars, negative in red) and the negative share (line) as an SVG image (matplotlib)."""
    from matplotlib import dates
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    figure = Figure(figsize=(6.4, 1.9), dpi=100)
    axis = figure.add_subplot()
    scale = SPANS[span][0]
    width = 0.85 * scale / 86400
    if points:
        starts = [float(dates.date2num(p.start.astimezone(zone).replace(tzinfo=None))) for p in points]  # type: ignore[no-untyped-call]
        axis.bar(starts, [p.mentions for p in points], width=width, align="edge", color="#c9ced6",
                 label=gettext("mentions"))  # fmt: skip
        axis.bar(starts, [p.negative for p in points], width=width, align="edge", color="#c0392b",
                 label=gettext("negative"))  # fmt: skip
        share = figure.add_subplot(sharex=axis, frameon=False)
        share.plot([s + width / 2 for s in starts], [p.negative / p.mentions if p.mentions else 0.0 for p in points],
                   color="#7f1d1d", linewidth=1.2, label=gettext("negative share"))  # fmt: skip
        share.yaxis.tick_right()
        share.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        share.set_ylim(0, 1)
        share.tick_params(labelsize=7, colors="#7f1d1d")
        share.xaxis.set_visible(False)
        shown = "%H:%M" if span in ("hour", "day") else "%d %b"
        axis.xaxis.set_major_formatter(dates.DateFormatter(shown))  # type: ignore[no-untyped-call]
        axis.legend(loc="upper left", fontsize=7, frameon=False)
    else:
        axis.text(0.5, 0.5, gettext("No mentions in this period."), ha="center", va="center", transform=axis.transAxes,
                  fontsize=8, color="#555")  # fmt: skip
        axis.set_xticks([])
    axis.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    return svg_of(figure, axis)


def plan_readiness(source: PlanSource, workspace: Workspace) -> Readiness | None:
    """The plan's readiness for the brands' languages (``None``: the plan cannot be read)."""
    from ascua.respond.plan import readiness

    plan = source.get()
    if plan is None:
        return None
    languages = sorted({lang for item in workspace.config.brands for lang in item.languages})
    today = datetime.now(workspace.zone).date()
    return readiness(plan, today=today, languages=languages, email_server=workspace.config.alerts.email is not None)


def query_preview(site: Site, text: str, brand_key: str | None, exclude: str | None, limit: int) -> dict[str, Any]:
    """Which stored mentions a query would match; an invalid query is a 400 with its position."""
    from fastapi import HTTPException

    from ascua.query.preview import UnknownBrand, preview_query

    try:
        preview = preview_query(site.database, text, limit, brand_key or None, exclude=exclude or None)
    except QueryError as error:
        raise HTTPException(400, f"{'exclusion' if error.part == 'exclude' else 'query'}: {error}") from None
    except UnknownBrand:
        raise HTTPException(404, f"no brand {brand_key!r}") from None
    site.index_text()
    result: dict[str, Any] = preview.as_json()
    return result


# words the pages translate from values (roles, chart spans, emotions, token scopes)
N_("viewer"), N_("analyst"), N_("admin"), N_("hour"), N_("day"), N_("week"), N_("month")
N_("anger"), N_("joy"), N_("optimism"), N_("sadness"), N_("fear")
