"""The post-mortem report of an alert (BRIEF M12): what happened, what was done, how fast, lessons.

:func:`build_report` reads everything the store knows about an alert into a :class:`Report`:
its levels and reasons, its explanation, the brand's mentions and negative share hour by
hour around it, the crisis room's checklist and timeline, the statements, the
publications, the stakeholders informed and the lessons learned. It measures how fast the
team went (to detect, to acknowledge, to the first statement and publication, to
recovery). :func:`render_html` and :func:`render_pdf` lay it out for people to read, in
English or Spanish; :func:`write_report` writes both next to each other.

Post text, author names, notes and statements come from strangers or from the team: the
HTML escapes every one of them (Jinja2 autoescape, and a Content Security Policy that
allows no script), and the PDF writes them as plain text, without the characters its font
cannot draw.
"""

from __future__ import annotations

import base64
import io
import math
import os
import statistics
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import Connection, func, select

from ascua import __version__
from ascua.explain.text import long_form
from ascua.i18n import N_
from ascua.model import utcnow
from ascua.respond.room import STATUS_LABELS, Entry, Room, room_of, timeline
from ascua.store.schema import (
    alert,
    alert_event,
    analysis,
    brand,
    delivery,
    mention_brand,
    publication,
    statement,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

Gettext = Callable[[str], str]

HERE = Path(__file__).parent
HOUR = timedelta(hours=1)
BEFORE = timedelta(hours=6)  # the charts start this long before the wave
AFTER = timedelta(hours=6)  # and end this long after the resolution (or the latest post)
MAX_LEAD = timedelta(days=2)  # the charts start at most this long before the alert (plus BEFORE)
BASELINE = timedelta(days=7)  # the usual negative share is the median hour of the week before the wave
MIN_HOUR_MENTIONS = 3  # an hour with fewer analysed mentions says nothing about the share
MIN_BASELINE_HOURS = 24
MAX_CELL = 1500  # characters of one table cell in the PDF (a row must fit on a page); the HTML has all

# Colours shared by the charts, the HTML and the PDF.
LEVEL_COLOURS = {"normal": "#4b8b5b", "watch": "#c99a06", "incident": "#d9661f", "crisis": "#c0392b"}
NEGATIVE_COLOUR = "#c0392b"
OTHER_COLOUR = "#b8c2cc"
ACCENT = "#1f3a5f"

LABELS: dict[str, str] = {
    "report": N_("Post-mortem report"),
    "alert": N_("Alert #{id} · {brand}"),
    "generated": N_("Generated {when} by Ascua {version} · times in {zone}"),
    "brand": N_("Brand"),
    "status": N_("Alert status"),
    "opened": N_("Opened"),
    "peak": N_("Peak"),
    "resolved": N_("Resolved"),
    "still_open": N_("still open"),
    "room": N_("Crisis room status"),
    "owner": N_("Owner"),
    "nobody": N_("nobody named"),
    "no_room": N_("no crisis room was opened"),
    "what_happened": N_("What happened"),
    "opened_at_level": N_("Opened at {level}, {when}"),
    "peaked_at_level": N_("Peaked at {level}, {when}"),
    "resolved_when": N_("Resolved {when}"),
    "explanation": N_("The explanation of the wave"),
    "no_explanation": N_("No explanation could be computed: no posts of the brand are stored around the alert."),
    "hour_by_hour": N_("The wave hour by hour"),
    "chart_alt": N_("Mentions per hour and negative share per hour of {brand}, from {start} to {end}"),
    "chart_caption": N_(
        "Mentions per hour (negative in red) and the share of them that is negative, from {start} to {end}. "
        "The shaded band is the alert, from its opening to its resolution."
    ),
    "baseline": N_("Usual negative share: {share} (the median hour of the 7 days before the wave, {hours} hours)."),
    "no_baseline": N_(
        "The usual negative share is unknown: fewer than {hours} hours with mentions in the 7 days before."
    ),
    "how_fast": N_("How fast"),
    "measure": N_("Measure"),
    "duration": N_("Time"),
    "detail": N_("From → to"),
    "what_was_done": N_("What was done"),
    "checklist": N_("Checklist"),
    "step": N_("Step"),
    "done": N_("Done"),
    "when": N_("When"),
    "who": N_("Who"),
    "note": N_("Note"),
    "timeline": N_("Timeline"),
    "what": N_("What"),
    "no_timeline": N_("Nothing was recorded in the alert's timeline."),
    "statements": N_("Statements"),
    "statement_head": N_("Version {version} · {language} · written by {author}, {when}"),
    "approved": N_("approved by {who}, {when}"),
    "not_approved": N_("not approved"),
    "no_statements": N_("No statement was written in Ascua."),
    "publications": N_("Publications"),
    "title": N_("Title"),
    "language": N_("Language"),
    "version": N_("version {version}"),
    "no_publications": N_("Nothing was published through Ascua."),
    "stakeholders": N_("Stakeholders informed"),
    "recipient": N_("Recipient"),
    "channel": N_("Channel"),
    "address": N_("Address"),
    "delivery_status": N_("Status"),
    "attempts": N_("Attempts"),
    "nobody_informed": N_("Nobody was informed through Ascua."),
    "lessons": N_("Lessons learned"),
    "no_lessons": N_('Not written yet. The team fills this section in with: ascua room lessons {id} --text "…"'),
    "page": N_("page {page} of {pages}"),
    "mentions_axis": N_("Mentions per hour"),
    "share_axis": N_("Negative share per hour"),
    "negative_mentions": N_("negative"),
    "negative_share": N_("negative share"),
    "other_mentions": N_("other"),
    "alert_opened": N_("alert opened"),
    "alert_resolved": N_("alert resolved"),
    "usual_share": N_("usual ({share})"),
    "back_to_usual": N_("back to usual"),
    "time_axis": N_("time ({zone})"),
    "no_mentions": N_("no mentions of the brand stored in this period"),
}

# The kinds of timeline entries, as people say them.
KIND_LABELS = {
    "opened": N_("alert opened"),
    "escalated": N_("escalated"),
    "deescalated": N_("de-escalated"),
    "resolved": N_("resolved"),
    "room": N_("crisis room"),
    "acknowledged": N_("acknowledged"),
    "status": N_("status"),
    "owner": N_("owner"),
    "step": N_("checklist"),
    "note": N_("note"),
    "lessons": N_("lessons"),
    "statement": N_("statement"),
    "approved": N_("approved"),
    "published": N_("published"),
    "delivery": N_("message"),
    "stakeholders": N_("stakeholders"),
}


# --- what the report holds ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hour:
    """The brand's mentions in one clock hour (UTC)."""

    start: datetime
    mentions: int
    analysed: int
    negative: int

    @property
    def negative_share(self) -> float | None:
        """The share of the analysed mentions that is negative; ``None`` when too few say anything."""
        return self.negative / self.analysed if self.analysed >= MIN_HOUR_MENTIONS else None


@dataclass(frozen=True, slots=True)
class Duration:
    """One "how fast" measure: from ``start`` to ``end``, or why it is missing."""

    key: str
    label: str  # an N_ message
    start: datetime | None
    end: datetime | None
    missing: str | None = None  # an N_ message, when there is no value
    missing_params: tuple[tuple[str, str], ...] = ()

    @property
    def seconds(self) -> float | None:
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).total_seconds()


@dataclass(frozen=True, slots=True)
class StatementRow:
    version: int
    language: str
    text: str
    author: str
    created_at: datetime
    approved_by: str | None
    approved_at: datetime | None


@dataclass(frozen=True, slots=True)
class PublicationRow:
    published_at: datetime
    published_by: str
    title: str
    language: str
    statement_version: int | None


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    recipient: str
    channel: str
    address: str
    status: str
    attempts: int
    created_at: datetime
    last_error: str | None


@dataclass(slots=True)
class Report:
    """Everything the post-mortem of one alert says, read from the store (not yet in words)."""

    alert_id: int
    brand: str
    brand_name: str
    status: str
    level: str
    opened_level: str
    peak_level: str
    opened_at: datetime
    peak_at: datetime | None
    resolved_at: datetime | None
    opening_reason: str
    peak_reason: str
    last_reason: str
    explanation: dict[str, Any] | None
    wave_start: datetime
    hours: list[Hour]
    chart_start: datetime
    chart_end: datetime
    baseline: float | None
    baseline_hours: int
    recovered_at: datetime | None
    durations: list[Duration]
    timeline: list[Entry]
    room: Room | None
    statements: list[StatementRow] = field(default_factory=list)
    publications: list[PublicationRow] = field(default_factory=list)
    stakeholders: list[DeliveryRow] = field(default_factory=list)
    generated_at: datetime = field(default_factory=utcnow)


# --- reading it from the store -----------------------------------------------------------------


def _floor_hour(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


def _ceil_hour(moment: datetime) -> datetime:
    floor = _floor_hour(moment)
    return floor if floor == moment else floor + HOUR


def _parse_time(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def hourly(connection: Connection, brand_id: int, start: datetime, end: datetime) -> dict[datetime, Hour]:
    """The brand's mentions per clock hour with ``start <= created_at < end``, hours without any left out.

    Counted in Python from two columns, so that the same code runs on SQLite and PostgreSQL.
    """
    counts: dict[datetime, list[int]] = {}
    query = (
        select(mention_brand.c.created_at, analysis.c.sentiment)
        .select_from(mention_brand)
        .outerjoin(analysis, analysis.c.mention_id == mention_brand.c.mention_id)
        .where(
            mention_brand.c.brand_id == brand_id,
            mention_brand.c.created_at >= start,
            mention_brand.c.created_at < end,
        )
    )
    for created_at, sentiment in connection.execution_options(yield_per=10_000).execute(query):
        bucket = counts.setdefault(_floor_hour(created_at), [0, 0, 0])
        bucket[0] += 1
        if sentiment is not None:
            bucket[1] += 1
            bucket[2] += sentiment == "negative"
    return {hour: Hour(hour, *values) for hour, values in counts.items()}


def usual_negative_share(hours: Mapping[datetime, Hour], start: datetime, end: datetime) -> tuple[float | None, int]:
    """The median hourly negative share of the hours in ``[start, end)`` that say something, and how many did.

    >>> from datetime import UTC
    >>> t = datetime(2026, 1, 1, tzinfo=UTC)
    >>> hours = {t + HOUR * i: Hour(t + HOUR * i, 10, 10, i % 3) for i in range(30)}
    >>> usual_negative_share(hours, t, t + HOUR * 30)
    (0.1, 30)
    >>> usual_negative_share(hours, t, t + HOUR * 5)
    (None, 5)
    """
    shares = [
        share
        for hour, item in hours.items()
        if start <= hour and hour + HOUR <= end and (share := item.negative_share) is not None
    ]
    if len(shares) < MIN_BASELINE_HOURS:
        return None, len(shares)
    return statistics.median(shares), len(shares)


def first_recovered_hour(
    hours: Mapping[datetime, Hour], opened_at: datetime, until: datetime, baseline: float | None
) -> datetime | None:
    """The first complete hour starting after ``opened_at`` whose negative share is at or below ``baseline``."""
    if baseline is None:
        return None
    for hour in sorted(hours):
        item = hours[hour]
        if hour < opened_at or hour + HOUR > until:
            continue
        share = item.negative_share
        if share is not None and share <= baseline:
            return hour
    return None


def build_report(
    connection: Connection,
    alert_id: int,
    *,
    brand_names: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> Report | None:
    """Read the post-mortem of an alert from the store; ``None`` when there is no such alert.

    Uses the stored explanation, or computes one (without storing it) when there is none.
    """
    from ascua.explain.store import explain_alert, stored_explanation

    row = connection.execute(
        select(alert, brand.c.key.label("brand_key"), brand.c.name.label("brand_name"))
        .join(brand, brand.c.id == alert.c.brand_id)
        .where(alert.c.id == alert_id)
    ).first()
    if row is None:
        return None
    generated_at = now or utcnow()
    names = brand_names or {}
    data = stored_explanation(connection, alert_id)
    if data is None:
        computed = explain_alert(connection, alert_id, brand_names=names, now=generated_at)
        data = computed.as_json() if computed is not None and computed.posts else None

    events = connection.execute(
        select(alert_event).where(alert_event.c.alert_id == alert_id).order_by(alert_event.c.at, alert_event.c.id)
    ).all()
    opening = next((event for event in events if event.change == "opened"), events[0] if events else None)
    peak = next((event for event in events if event.to_level == row.peak_level), None)

    origin = (data or {}).get("origin") or {}
    first_post_at = _parse_time(origin.get("first_at"))
    wave_start = min(
        moment for moment in (_parse_time((data or {}).get("start")), first_post_at, row.opened_at) if moment
    )
    wave_start = max(wave_start, row.opened_at - MAX_LEAD)  # an origin found days back would flatten the charts
    latest = connection.execute(
        select(func.max(mention_brand.c.created_at)).where(mention_brand.c.brand_id == row.brand_id)
    ).scalar()
    data_end = min(max(latest or row.opened_at, row.opened_at), generated_at)
    reference_end = row.resolved_at or data_end
    chart_start = _floor_hour(wave_start - BEFORE)
    chart_end = _ceil_hour(min(reference_end + AFTER, max(data_end, reference_end)))
    chart_end = max(chart_end, _ceil_hour(row.opened_at) + HOUR)

    counted = hourly(connection, row.brand_id, min(chart_start, _floor_hour(wave_start - BASELINE)), chart_end)
    baseline, baseline_hours = usual_negative_share(counted, _floor_hour(wave_start) - BASELINE, wave_start)
    recovered_at = first_recovered_hour(counted, row.opened_at, min(chart_end, data_end), baseline)
    hours = [counted.get(hour) or Hour(hour, 0, 0, 0) for hour in _hours_between(chart_start, chart_end)]

    entries = timeline(connection, alert_id)
    statements = [
        StatementRow(s.version, s.language, s.text, s.author, s.created_at, s.approved_by, s.approved_at)
        for s in connection.execute(
            select(statement).where(statement.c.alert_id == alert_id).order_by(statement.c.version)
        )
    ]
    publications = [
        PublicationRow(p.published_at, p.published_by, p.title, p.language, p.version)
        for p in connection.execute(
            select(publication, statement.c.version)
            .outerjoin(statement, statement.c.id == publication.c.statement_id)
            .where(publication.c.alert_id == alert_id)
            .order_by(publication.c.published_at, publication.c.id)
        )
    ]
    stakeholders = [
        DeliveryRow(d.recipient, d.channel, d.address, d.status, d.attempts, d.created_at, d.last_error)
        for d in connection.execute(
            select(delivery)
            .where(delivery.c.alert_id == alert_id, delivery.c.purpose == "stakeholder")
            .order_by(delivery.c.created_at, delivery.c.id)
        )
    ]
    acknowledgements = [entry.at for entry in entries if entry.kind == "acknowledged"]
    acknowledged_at = min(acknowledgements) if acknowledgements else row.acknowledged_at

    opened = row.opened_at
    durations = [
        Duration("detect", N_("To detect"), first_post_at, opened,
                 None if first_post_at else N_("the first post of the wave could not be determined")),
        Duration("acknowledge", N_("To acknowledge"), opened, acknowledged_at,
                 None if acknowledged_at else N_("nobody acknowledged the alert")),
        Duration("statement", N_("To the first statement"), opened,
                 min((s.created_at for s in statements), default=None),
                 None if statements else N_("no statement was written in Ascua")),
        Duration("publication", N_("To the first publication"), opened,
                 min((p.published_at for p in publications), default=None),
                 None if publications else N_("nothing was published through Ascua")),
        _recovery(opened, recovered_at, baseline, min(chart_end, data_end)),
    ]  # fmt: skip
    return Report(
        alert_id=alert_id,
        brand=row.brand_key,
        brand_name=names.get(row.brand_key) or row.brand_name,
        status=row.status,
        level=row.level,
        opened_level=opening.to_level if opening is not None else row.peak_level,
        peak_level=row.peak_level,
        opened_at=opened,
        peak_at=peak.at if peak is not None else (None if events else opened),
        resolved_at=row.resolved_at,
        opening_reason=opening.reason if opening is not None else row.reason,
        peak_reason=peak.reason if peak is not None else row.reason,
        last_reason=row.reason,
        explanation=data,
        wave_start=wave_start,
        hours=hours,
        chart_start=chart_start,
        chart_end=chart_end,
        baseline=baseline,
        baseline_hours=baseline_hours,
        recovered_at=recovered_at,
        durations=durations,
        timeline=entries,
        room=room_of(connection, alert_id),
        statements=statements,
        publications=publications,
        stakeholders=stakeholders,
        generated_at=generated_at,
    )


def _hours_between(start: datetime, end: datetime) -> list[datetime]:
    count = int((end - start) / HOUR)
    return [start + HOUR * index for index in range(count)]


def _recovery(opened: datetime, recovered_at: datetime | None, baseline: float | None, until: datetime) -> Duration:
    if baseline is None:
        why = N_("the usual negative share is unknown (too little history before the wave)")
        return Duration("recovery", N_("To recovery"), opened, None, why)
    if recovered_at is None:
        return Duration("recovery", N_("To recovery"), opened, None,
                        N_("not yet recovered: the negative share has stayed above {share} up to {until}"),
                        (("share", f"{baseline:.0%}"), ("until", until.isoformat())))  # fmt: skip
    return Duration("recovery", N_("To recovery"), opened, recovered_at)


# --- in words ------------------------------------------------------------------------------------


def duration_words(seconds: float, _: Gettext) -> str:
    """A duration as people say it.

    >>> [duration_words(s, str) for s in (42, 900, 8100, 7200, 187200)]
    ['42 s', '15 min', '2 h 15 min', '2 h', '2 d 4 h']
    >>> duration_words(-600, str)
    '10 min earlier'
    """
    if seconds < 0:
        return _("{duration} earlier").format(duration=duration_words(-seconds, _))
    if seconds < 60:
        return _("{seconds} s").format(seconds=round(seconds))
    minutes = round(seconds / 60)
    if minutes < 60:
        return _("{minutes} min").format(minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        if minutes == 0:
            return _("{hours} h").format(hours=hours)
        return _("{hours} h {minutes} min").format(hours=hours, minutes=minutes)
    days, hours = divmod(hours, 24)
    if hours == 0:
        return _("{days} d").format(days=days)
    return _("{days} d {hours} h").format(days=days, hours=hours)


def _when(moment: datetime | None, zone: tzinfo) -> str:
    if moment is None:
        return "—"
    local = moment.astimezone(zone)
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the explanation: ``style`` is summary, heading, meta, muted, warning or text."""

    style: str
    text: str
    indent: int


@dataclass(slots=True)
class View:
    """The report in words, in one language and zone: what both the HTML and the PDF show."""

    lang: str
    labels: dict[str, str]
    title: str
    subtitle: str
    footer: str
    level_colour: str
    facts: list[tuple[str, str]]
    happened: list[tuple[str, str]]
    explanation: list[Line]
    chart_png: bytes
    chart_alt: str
    chart_caption: str
    baseline: str
    durations: list[tuple[str, str, str]]  # measure, time in words (or —), from → to (or why)
    checklist: list[tuple[bool, str, str, str, str]]  # done, step, when, who, note
    timeline: list[tuple[str, str, str, str]]  # when, who, what, summary
    statements: list[tuple[str, str, str]]  # heading, approval, text
    publications: list[tuple[str, str, str, str]]  # when, who, title, language and statement
    stakeholders: list[tuple[str, str, str, str, str]]  # recipient, channel, address, status, attempts
    lessons: str | None
    no_lessons: str

    @property
    def chart_base64(self) -> str:
        return base64.b64encode(self.chart_png).decode("ascii")


_STYLES = {"bold": "heading", "cyan": "meta", "dim": "muted", "red": "warning", "": "text"}


def view(report: Report, gettext: Gettext, zone: tzinfo, lang: str = "en") -> View:
    """The report in words: every label translated, every time in ``zone``."""
    _ = gettext
    labels = {key: _(message) for key, message in LABELS.items()}

    def level(name: str) -> str:
        return _(name).upper()

    facts = [
        (labels["brand"], report.brand_name),
        (labels["status"], _(report.status)),
        (labels["opened"], f"{level(report.opened_level)} · {_when(report.opened_at, zone)}"),
        (labels["peak"], level(report.peak_level) + (f" · {_when(report.peak_at, zone)}" if report.peak_at else "")),
        (labels["resolved"], _when(report.resolved_at, zone) if report.resolved_at else labels["still_open"]),
    ]
    room = report.room
    if room is not None:
        facts.append((labels["room"], _(STATUS_LABELS.get(room.status, room.status))))
        facts.append((labels["owner"], room.owner or labels["nobody"]))
    else:
        facts.append((labels["room"], labels["no_room"]))

    happened = [
        (labels["opened_at_level"].format(level=level(report.opened_level), when=_when(report.opened_at, zone)),
         report.opening_reason),
    ]  # fmt: skip
    if report.peak_level != report.opened_level and report.peak_at is not None:
        happened.append(
            (labels["peaked_at_level"].format(level=level(report.peak_level), when=_when(report.peak_at, zone)),
             report.peak_reason)
        )  # fmt: skip
    if report.resolved_at is not None:
        happened.append((labels["resolved_when"].format(when=_when(report.resolved_at, zone)), report.last_reason))

    explanation: list[Line] = []
    if report.explanation is not None:
        for index, (style, text) in enumerate(long_form(report.explanation, _, zone)):
            stripped = text.lstrip(" ")
            indent = (len(text) - len(stripped)) // 2
            explanation.append(Line("summary" if index == 0 else _STYLES.get(style, "text"), stripped, indent))

    durations = []
    for item in report.durations:
        seconds = item.seconds
        if seconds is None:
            params = dict(item.missing_params)
            if "until" in params:
                params["until"] = _when(_parse_time(params["until"]), zone)
            why = _(item.missing or N_("unknown")).format(**params)
            durations.append((_(item.label), "—", why))
        else:
            span = f"{_when(item.start, zone)} → {_when(item.end, zone)}"
            durations.append((_(item.label), duration_words(seconds, _), span))

    checklist = []
    if room is not None:
        for step in room.steps:
            checklist.append((step.done, _(step.label), _when(step.at, zone) if step.at else "",
                              step.by or "", step.note or ""))  # fmt: skip

    entries = [
        (_when(entry.at, zone), entry.actor, _(KIND_LABELS[entry.kind]) if entry.kind in KIND_LABELS else entry.kind,
         entry.summary)
        for entry in report.timeline
    ]  # fmt: skip
    statements = [
        (
            labels["statement_head"].format(version=s.version, language=s.language, author=s.author,
                                            when=_when(s.created_at, zone)),
            labels["approved"].format(who=s.approved_by, when=_when(s.approved_at, zone))
            if s.approved_by else labels["not_approved"],
            s.text,
        )
        for s in report.statements
    ]  # fmt: skip
    publications = [
        (_when(p.published_at, zone), p.published_by, p.title,
         p.language + (" · " + labels["version"].format(version=p.statement_version)
                       if p.statement_version is not None else ""))
        for p in report.publications
    ]  # fmt: skip
    stakeholders = [
        (d.recipient, d.channel, d.address, _(d.status) + (f" ({d.last_error})" if d.last_error else ""),
         str(d.attempts))
        for d in report.stakeholders
    ]  # fmt: skip

    first, last = _when(report.chart_start, zone), _when(report.chart_end, zone)
    if report.baseline is not None:
        baseline = labels["baseline"].format(share=f"{report.baseline:.0%}", hours=report.baseline_hours)
    else:
        baseline = labels["no_baseline"].format(hours=MIN_BASELINE_HOURS)
    title = labels["alert"].format(id=report.alert_id, brand=report.brand_name)
    return View(
        lang=lang,
        labels=labels,
        title=title,
        subtitle=labels["generated"].format(when=_when(report.generated_at, zone), version=__version__, zone=str(zone)),
        footer=f"Ascua · {title}",
        level_colour=LEVEL_COLOURS.get(report.peak_level, ACCENT),
        facts=facts,
        happened=happened,
        explanation=explanation,
        chart_png=hourly_chart(report, _, zone),
        chart_alt=labels["chart_alt"].format(brand=report.brand_name, start=first, end=last),
        chart_caption=labels["chart_caption"].format(start=first, end=last),
        baseline=baseline,
        durations=durations,
        checklist=checklist,
        timeline=entries,
        statements=statements,
        publications=publications,
        stakeholders=stakeholders,
        lessons=room.lessons if room is not None and room.lessons else None,
        no_lessons=labels["no_lessons"].format(id=report.alert_id),
    )


# --- the charts ----------------------------------------------------------------------------------


def hourly_chart(report: Report, gettext: Gettext, zone: tzinfo) -> bytes:
    """Two panels as a PNG: mentions per hour (negative ones in red) and the negative share per hour,
    with the alert's span shaded, its opening and resolution marked, and the usual share."""
    from matplotlib import dates
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    def on_axis(moment: datetime) -> float:  # a time as matplotlib's date axis counts it (days)
        return float(dates.date2num(moment))  # type: ignore[no-untyped-call]

    _ = gettext
    figure = Figure(figsize=(10, 5.6), dpi=150, layout="constrained")
    mentions_axes, share_axes = figure.subplots(2, 1, sharex=True, height_ratios=(3, 2))
    middles = [on_axis(hour.start + HOUR / 2) for hour in report.hours]
    negative = [hour.negative for hour in report.hours]
    other = [hour.mentions - hour.negative for hour in report.hours]
    width = 0.85 / 24  # matplotlib dates count in days
    mentions_axes.bar(middles, negative, width=width, color=NEGATIVE_COLOUR, label=_(LABELS["negative_mentions"]))
    mentions_axes.bar(middles, other, width, bottom=negative, color=OTHER_COLOUR, label=_(LABELS["other_mentions"]))
    shares = [math.nan if (share := hour.negative_share) is None else share for hour in report.hours]
    share_axes.plot(
        middles, shares, color=NEGATIVE_COLOUR, linewidth=1.8, marker="o", markersize=2.5,
        label=_(LABELS["negative_share"]),
    )  # fmt: skip
    if report.baseline is not None:
        usual = _(LABELS["usual_share"]).format(share=f"{report.baseline:.0%}")
        share_axes.axhline(report.baseline, color="#555555", linestyle="--", linewidth=1, label=usual)

    opened = on_axis(report.opened_at)
    resolved = on_axis(report.resolved_at) if report.resolved_at is not None else None
    for axes in (mentions_axes, share_axes):
        first = axes is mentions_axes
        span_end = resolved if resolved is not None else on_axis(report.chart_end)
        axes.axvspan(opened, span_end, color=LEVEL_COLOURS.get(report.peak_level, ACCENT), alpha=0.08)
        axes.axvline(opened, color=ACCENT, linewidth=1.6, label=_(LABELS["alert_opened"]) if first else None)
        if resolved is not None:
            label = _(LABELS["alert_resolved"]) if first else None
            axes.axvline(resolved, color=LEVEL_COLOURS["normal"], linewidth=1.6, linestyle="-.", label=label)
        axes.grid(axis="y", color="#e3e7eb", linewidth=0.8)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.tick_params(labelsize=8)
    if report.recovered_at is not None:
        share_axes.axvline(
            on_axis(report.recovered_at), color=LEVEL_COLOURS["normal"], linewidth=1.2, linestyle=":",
            label=_(LABELS["back_to_usual"]),
        )  # fmt: skip

    empty = None if any(hour.mentions for hour in report.hours) else _(LABELS["no_mentions"])
    _titles(mentions_axes, _(LABELS["mentions_axis"]), empty)
    _titles(share_axes, _(LABELS["share_axis"]), None)
    mentions_axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
    mentions_axes.set_ylim(bottom=0, top=None if empty is None else 1)
    share_axes.set_ylim(0, 1.02)
    share_axes.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    share_axes.yaxis.set_major_locator(MaxNLocator(nbins=4))
    share_axes.xaxis.set_major_locator(dates.AutoDateLocator(tz=zone, minticks=5, maxticks=10))  # type: ignore[no-untyped-call]
    share_axes.xaxis.set_major_formatter(dates.DateFormatter("%d/%m\n%H:%M", tz=zone))  # type: ignore[no-untyped-call]
    share_axes.set_xlim(on_axis(report.chart_start), on_axis(report.chart_end))
    share_axes.set_xlabel(_(LABELS["time_axis"]).format(zone=report.opened_at.astimezone(zone).tzname()), fontsize=8)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", facecolor="white", metadata={"Software": None})
    return buffer.getvalue()


def _titles(axes: Axes, title: str, empty: str | None) -> None:
    axes.set_title(title, loc="left", fontsize=10, fontweight="bold", color="#222222")
    axes.legend(loc="upper right", fontsize=7.5, frameon=True, framealpha=0.92, edgecolor="#dddddd", ncol=2)
    if empty:
        axes.text(0.5, 0.5, empty, transform=axes.transAxes, ha="center", va="center", color="#777777", fontsize=9)


# --- HTML ----------------------------------------------------------------------------------------


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )


def render_html(words: View) -> str:
    """One self-contained HTML page (the charts inline, no script, nothing fetched), every string escaped."""
    return _environment().get_template("report.html").render(view=words, labels=words.labels)


# --- PDF -----------------------------------------------------------------------------------------

FONT = "DejaVu"


@cache
def _font_files() -> tuple[Path, Path]:
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"


@cache
def _drawable() -> frozenset[int]:
    """The code points both faces of the PDF's font can draw."""
    from matplotlib.ft2font import FT2Font

    regular, bold = (set(FT2Font(str(path)).get_charmap()) for path in _font_files())
    return frozenset(regular & bold)


def pdf_text(text: str) -> str:
    """Text the PDF's font can draw: characters it has no glyph for (most emoji, Chinese) are dropped,
    control characters become spaces, line breaks stay.

    >>> pdf_text("Cancelado 🔥 sin aviso\\tañadió 你好")
    'Cancelado sin aviso añadió'
    """
    drawable = _drawable()
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char == "\n":
            out.append(char)
        elif unicodedata.category(char) in ("Cc", "Zl", "Zp"):
            out.append(" ")
        elif ord(char) in drawable:
            out.append(char)
    return " ".join(part for part in "".join(out).split(" ") if part).replace(" \n", "\n").replace("\n ", "\n")


def _cell(text: str) -> str:
    text = pdf_text(text)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def render_pdf(words: View) -> bytes:
    """An A4 PDF of the report: the same sections as the HTML, the charts as a PNG, text as plain text."""
    from fpdf import FPDF, FontFace
    from fpdf.enums import XPos, YPos

    regular, bold = _font_files()

    class ReportPDF(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(FONT, "", 7.5)
            self.set_text_color(120, 120, 120)
            self.cell(0, 5, pdf_text(words.footer), align="L")
            self.set_x(self.l_margin)
            self.cell(0, 5, words.labels["page"].format(page=self.page_no(), pages="{nb}"), align="R")

    pdf = ReportPDF(orientation="P", unit="mm", format="A4")
    pdf.set_margins(16, 16, 16)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font(FONT, "", regular)
    pdf.add_font(FONT, "B", bold)
    pdf.set_title(pdf_text(words.title))
    pdf.set_author("Ascua")
    pdf.set_creator(f"Ascua {__version__}")
    pdf.set_lang(words.lang)
    pdf.add_page()
    width = pdf.epw

    def text(value: str, size: float = 9.5, style: str = "", colour: tuple[int, int, int] = (34, 34, 34),
             indent: float = 0, height: float | None = None, after: float = 0.8) -> None:  # fmt: skip
        pdf.set_font(FONT, style, size)
        pdf.set_text_color(*colour)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width - indent, height or size * 0.5, pdf_text(value), align="L",
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
        pdf.ln(after)

    def heading(value: str) -> None:
        if pdf.get_y() > pdf.h - 50:  # never a heading alone at the foot of a page
            pdf.add_page()
        pdf.ln(3)
        pdf.set_fill_color(*_rgb(ACCENT))
        pdf.rect(pdf.l_margin, pdf.get_y() + 0.6, 1.4, 6, style="F")
        pdf.set_x(pdf.l_margin + 3.5)
        pdf.set_font(FONT, "B", 13)
        pdf.set_text_color(*_rgb(ACCENT))
        pdf.cell(0, 7, pdf_text(value), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1.5)

    def subheading(value: str) -> None:
        if pdf.get_y() > pdf.h - 40:
            pdf.add_page()
        pdf.ln(1.5)
        text(value, 10.5, "B", (34, 34, 34), after=0.5)

    grey = (110, 110, 110)
    headings = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=_rgb(ACCENT))

    def table(rows: Sequence[Sequence[str]], widths: Sequence[float], head: Sequence[str]) -> None:
        pdf.set_font(FONT, "", 8.5)
        pdf.set_text_color(34, 34, 34)
        pdf.set_fill_color(255, 255, 255)  # the rows without a fill of their own take the current one
        with pdf.table(col_widths=tuple(widths), text_align="LEFT", line_height=4.2, padding=1.2,
                       headings_style=headings, borders_layout="HORIZONTAL_LINES", cell_fill_color=(244, 246, 248),
                       cell_fill_mode="ROWS", v_align="TOP") as grid:  # fmt: skip
            header = grid.row()
            for name in head:
                header.cell(pdf_text(name))
            for values in rows:
                row = grid.row()
                for value in values:
                    row.cell(_cell(value))
        pdf.ln(2)

    # The title block.
    pdf.set_fill_color(*_rgb(words.level_colour))
    pdf.rect(0, 0, pdf.w, 5, style="F")
    text(words.labels["report"].upper(), 9, "B", grey, after=0)
    text(words.title, 20, "B", (20, 20, 20), height=10, after=0.5)
    text(words.subtitle, 8, "", grey, after=3)
    label_width = 38
    for label, value in words.facts:
        pdf.set_font(FONT, "B", 9)
        pdf.set_text_color(*grey)
        pdf.cell(label_width, 5.2, pdf_text(label))
        pdf.set_font(FONT, "", 9.5)
        pdf.set_text_color(20, 20, 20)
        pdf.multi_cell(width - label_width, 5.2, pdf_text(value), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    heading("1. " + words.labels["what_happened"])
    for label, reason in words.happened:
        text(label, 9.5, "B", after=0.3)
        text(reason, 9.5, indent=4, after=1.5)
    subheading(words.labels["explanation"])
    if not words.explanation:
        text(words.labels["no_explanation"], colour=grey)
    styles = {
        "summary": (9.5, "B", (34, 34, 34)),
        "heading": (10, "B", _rgb(ACCENT)),
        "meta": (8.5, "", (30, 90, 120)),
        "muted": (8.5, "", grey),
        "warning": (9, "B", _rgb(NEGATIVE_COLOUR)),
        "text": (9, "", (34, 34, 34)),
    }
    for line in words.explanation:
        size, style, colour = styles[line.style]
        if line.style == "heading":
            pdf.ln(1.2)
        text(line.text, size, style, colour, indent=4 * line.indent, after=0.4)

    heading("2. " + words.labels["hour_by_hour"])
    image_height = width * 5.6 / 10
    if pdf.get_y() + image_height > pdf.h - 30:
        pdf.add_page()
    pdf.image(io.BytesIO(words.chart_png), x=pdf.l_margin, w=width, alt_text=pdf_text(words.chart_alt))
    pdf.ln(1)
    text(words.chart_caption, 8, "", grey, after=0.3)
    text(words.baseline, 8, "", grey, after=1)

    heading("3. " + words.labels["how_fast"])
    table(words.durations, (40, 28, width - 68),
          (words.labels["measure"], words.labels["duration"], words.labels["detail"]))  # fmt: skip

    heading("4. " + words.labels["what_was_done"])
    subheading(words.labels["checklist"])
    if words.checklist:
        rows = [("✓" if done else "–", step, when, who, note) for done, step, when, who, note in words.checklist]
        table(rows, (8, 58, 40, 24, width - 130),
              ("", words.labels["step"], words.labels["when"], words.labels["who"], words.labels["note"]))  # fmt: skip
    else:
        text(words.labels["no_room"], colour=grey)
    subheading(words.labels["timeline"])
    if words.timeline:
        table(words.timeline, (40, 24, 28, width - 92),
              (words.labels["when"], words.labels["who"], words.labels["what"], ""))  # fmt: skip
    else:
        text(words.labels["no_timeline"], colour=grey)
    subheading(words.labels["statements"])
    if not words.statements:
        text(words.labels["no_statements"], colour=grey)
    for head, approval, body in words.statements:
        text(head, 9, "B", after=0.2)
        text(approval, 8.5, "", grey, after=0.8)
        pdf.set_draw_color(*_rgb(OTHER_COLOUR))
        top = pdf.get_y()
        text(body, 9, indent=4, after=0)
        if pdf.get_y() > top:  # a rule beside the quoted text, when it did not cross a page
            pdf.line(pdf.l_margin + 1, top, pdf.l_margin + 1, pdf.get_y())
        pdf.ln(2.5)
    subheading(words.labels["publications"])
    if words.publications:
        table(words.publications, (40, 28, width - 108, 40),
              (words.labels["when"], words.labels["who"], words.labels["title"], words.labels["language"]))  # fmt: skip
    else:
        text(words.labels["no_publications"], colour=grey)

    heading("5. " + words.labels["stakeholders"])
    if words.stakeholders:
        table(words.stakeholders, (40, 20, width - 118, 36, 22),
              (words.labels["recipient"], words.labels["channel"], words.labels["address"],
               words.labels["delivery_status"], words.labels["attempts"]))  # fmt: skip
    else:
        text(words.labels["nobody_informed"], colour=grey)

    heading("6. " + words.labels["lessons"])
    if words.lessons:
        text(words.lessons, 9.5)
    else:
        pdf.set_fill_color(244, 246, 248)
        pdf.set_font(FONT, "", 9)
        pdf.set_text_color(*grey)
        pdf.multi_cell(width, 6, pdf_text(words.no_lessons), fill=True, align="L", padding=3,
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
    return bytes(pdf.output())


# --- both, on disk -------------------------------------------------------------------------------


def _write(path: Path, content: bytes) -> None:
    """Write through a temporary file, so that a reader never sees half a report."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(content)
    os.replace(partial, path)


def write_report(
    report: Report, directory: Path, gettext: Gettext, zone: tzinfo, lang: str = "en"
) -> tuple[Path, Path]:
    """Write ``alert-<id>.html`` and ``alert-<id>.pdf`` in ``directory`` (created if needed); their paths."""
    words = view(report, gettext, zone, lang)
    directory.mkdir(parents=True, exist_ok=True)
    html_path = directory / f"alert-{report.alert_id}.html"
    pdf_path = directory / f"alert-{report.alert_id}.pdf"
    _write(html_path, render_html(words).encode("utf-8"))
    _write(pdf_path, render_pdf(words))
    return html_path, pdf_path
