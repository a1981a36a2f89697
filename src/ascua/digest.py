"""The daily digest of a brand (docs/community.md#the-daily-digest; BRIEF M1): a day's volume and
negative share against the usual, what the negative posts were about, who is still waiting
for an answer, the alerts and their state, and what the crisis plan lacks."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.engine import Connection

from ascua.community import CommunityError, waiting
from ascua.config import Workspace
from ascua.i18n import N_
from ascua.store.schema import alert, analysis, brand, mention_brand

USUAL_DAYS = 28
WAVE_POSTS = 3_000
THEMES = 3


@dataclass
class Digest:
    brand: str
    name: str
    day: date
    mentions: int
    negative: int
    usual_mentions: float | None  # the median day of the 28 before
    usual_negative_share: float | None
    themes: list[dict[str, Any]] = field(default_factory=list)  # what the day's negative posts were about
    waiting: int = 0
    waiting_examples: list[dict[str, Any]] = field(default_factory=list)
    new_detractors: int = 0  # negative that day, not in the 90 days before
    new_detractor_examples: list[dict[str, Any]] = field(default_factory=list)
    alerts: list[dict[str, Any]] = field(default_factory=list)
    readiness: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def negative_share(self) -> float | None:
        return self.negative / self.mentions if self.mentions else None

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["day"] = self.day.isoformat()
        data["negative_share"] = self.negative_share
        return data


def _counts(connection: Connection, brand_id: int, start: datetime, end: datetime) -> tuple[int, int]:
    row = connection.execute(
        select(func.count(), func.coalesce(func.sum(case((analysis.c.sentiment == "negative", 1), else_=0)), 0))
        .select_from(mention_brand.outerjoin(analysis, analysis.c.mention_id == mention_brand.c.mention_id))
        .where(
            mention_brand.c.brand_id == brand_id, mention_brand.c.created_at >= start, mention_brand.c.created_at < end
        )
    ).one()
    return int(row[0]), int(row[1])


def digest(connection: Connection, workspace: Workspace, brand_key: str, day: date) -> Digest:
    """The digest of ``brand_key`` for ``day`` (a day in the workspace's time zone)."""
    from ascua.explain.reasons import count_usual, read_reasons
    from ascua.explain.store import brand_posts
    from ascua.explain.terms import Vocabulary

    row = connection.execute(select(brand).where(brand.c.key == brand_key)).first()
    if row is None:
        raise CommunityError(f"no brand {brand_key!r} stored")
    zone = workspace.zone
    start = datetime(day.year, day.month, day.day, tzinfo=zone)
    end = start + timedelta(days=1)
    mentions, negative = _counts(connection, row.id, start, end)
    days = [_counts(connection, row.id, start - timedelta(days=n), start - timedelta(days=n - 1))
            for n in range(USUAL_DAYS, 0, -1)]  # fmt: skip
    lived = [(count, bad) for count, bad in days if count]
    result = Digest(brand_key, row.name, day, mentions, negative,
                    statistics.median(count for count, _ in lived) if lived else None,
                    statistics.median(bad / count for count, bad in lived) if lived else None)  # fmt: skip
    if not lived:
        result.notes.append(N_("no history before this day: nothing to compare with"))
    if not mentions:
        result.notes.append(N_("no mentions that day"))
    # what the day's negative posts were about, against the brand's usual conversation
    own = {str(handle).lower() for handle in row.own_accounts or []}
    posts = [post for post in brand_posts(connection, row.id, start, end, limit=WAVE_POSTS) if post.is_negative]
    if posts:
        vocabulary = Vocabulary()
        before = brand_posts(connection, row.id, start - timedelta(days=USUAL_DAYS), start, limit=6_000, spread=True)
        usual = count_usual(before, vocabulary, own)
        reading = read_reasons(posts, usual, vocabulary, skip=own, brand_words=(brand_key, row.name))
        result.themes = [{"label": theme.label, "people": theme.people, "share": round(theme.share, 3),
                          "sample": theme.samples[0].text if theme.samples else None}
                         for theme in reading.themes[:THEMES]]  # fmt: skip
    from ascua.detractors import new_detractors

    result.new_detractors, result.new_detractor_examples = new_detractors(connection, brand_key, start, end)
    everyone, _notes = waiting(connection, brand_key, limit=10_000, sort="reach", now=end)
    result.waiting = len(everyone)
    result.waiting_examples = [{"id": w.id, "author": w.author, "text": w.text[:200], "followers": w.followers}
                               for w in everyone[:3]]  # fmt: skip
    alerts = connection.execute(
        select(alert.c.id, alert.c.level, alert.c.peak_level, alert.c.status, alert.c.opened_at, alert.c.resolved_at,
               alert.c.reason)
        .where(alert.c.brand_id == row.id, alert.c.opened_at < end,
               or_(alert.c.resolved_at.is_(None), alert.c.resolved_at >= start))
        .order_by(alert.c.id)
    )  # fmt: skip
    result.alerts = [{"id": a.id, "level": a.level, "peak": a.peak_level, "status": a.status,
                      "opened_at": a.opened_at.isoformat() if a.opened_at else None,
                      "resolved_at": a.resolved_at.isoformat() if a.resolved_at else None, "reason": a.reason}
                     for a in alerts]  # fmt: skip
    try:
        from ascua.respond.plan import workspace_readiness

        report = workspace_readiness(workspace, day)
        critical = [finding.as_json() for finding in report.findings if finding.severity == "critical"]
        result.readiness = {"score": report.score, "critical": critical, "to_fix": len(report.findings)}
    except Exception as error:  # a plan with a mistake: the digest says so and goes on
        result.readiness = {"score": None, "error": str(error)[:300]}
    return result


def digest_lines(item: Digest, gettext: Any) -> list[str]:
    """The digest in words, one line each (the command prints them; the messages carry them)."""
    _ = gettext
    usual = "—" if item.usual_mentions is None else f"{item.usual_mentions:,.0f}"
    share = "—" if item.negative_share is None else f"{100 * item.negative_share:.0f}%"
    usual_share = "—" if item.usual_negative_share is None else f"{100 * item.usual_negative_share:.0f}%"
    lines = [_("  {mentions} mentions (usually {usual}), {share} negative (usually {usual_share})").format(
        mentions=f"{item.mentions:,}", usual=usual, share=share, usual_share=usual_share)]  # fmt: skip
    for theme in item.themes:
        lines.append(_("  about «{label}»: {share} of the people posting negatively").format(
            label=theme["label"], share=f"{100 * theme['share']:.0f}%"))  # fmt: skip
    lines.append(_("  {count} new detractors (negative that day, not in the 90 days before)").format(
        count=item.new_detractors))  # fmt: skip
    for example in item.new_detractor_examples:
        followers = f" ({example['followers']:,})" if example.get("followers") else ""
        lines.append(
            f"    {example['source']}:{example['author']}{followers}: {' '.join(example['text'].split())[:120]}"
        )
    lines.append(_("  {count} waiting for an answer").format(count=item.waiting))
    for example in item.waiting_examples:
        lines.append(f"    #{example['id']} {example['author']}: {' '.join(example['text'].split())[:120]}")
    for entry in item.alerts:
        lines.append(_("  alert #{id}: {level} (peak {peak}), {status}").format(
            id=entry["id"], level=_(entry["level"]), peak=_(entry["peak"]), status=_(entry["status"])))  # fmt: skip
    if item.readiness and item.readiness.get("score") is not None:
        lines.append(_("  crisis plan: readiness {score}/100, {count} to fix").format(
            score=item.readiness["score"], count=item.readiness["to_fix"]))  # fmt: skip
    lines.extend("  " + _(note) for note in item.notes)
    return lines


_SENT = "digest_sent"


def digest_due(now: datetime, at: str | None, last_sent: str | None) -> bool:
    """Whether today's digest (of yesterday) is to be sent: past ``at`` (local ``HH:MM``), once a day."""
    if at is None:
        return False
    hour, minute = (int(part) for part in at.split(":"))
    return now.time() >= now.time().replace(hour=hour, minute=minute, second=0, microsecond=0) and \
        last_sent != now.date().isoformat()  # fmt: skip


def send_digests(engine: Any, workspace: Workspace, plan: Any, day: date, gettext: Any,
                 today: date | None = None) -> dict[str, Any]:  # fmt: skip
    """Send the digest of ``day`` of every brand to the config's targets and to the plan's team
    (by e-mail through ``alerts.email``, and their ``notify:`` URLs), once: the day it was sent
    is kept, and a second call the same day sends nothing. Returns what was sent and failed
    (recipients by name, never their addresses)."""
    from sqlalchemy import select as _select

    from ascua.respond.escalate import deliver, person_routes
    from ascua.store.schema import setting

    sent_on = (today or day + timedelta(days=1)).isoformat()
    with engine.begin() as connection:
        if connection.execute(_select(setting.c.value).where(setting.c.key == _SENT)).scalar() == sent_on:
            return {"sent": [], "failed": [], "skipped": "already sent today"}
        connection.execute(setting.delete().where(setting.c.key == _SENT))
        connection.execute(setting.insert().values(key=_SENT, value=sent_on))
    with engine.connect() as connection:
        found = [digest(connection, workspace, item.id, day) for item in workspace.config.brands]
    title = gettext("[Ascua] Daily digest · {day}").format(day=day.isoformat())
    body = "\n\n".join("\n".join([f"{item.name} · {item.day:%Y-%m-%d}", *digest_lines(item, gettext)])
                         for item in found)  # fmt: skip
    routes: list[tuple[str, str]] = [(target.name, target.url) for target in workspace.config.alerts.targets]
    team = list(plan.team) if plan is not None else []
    for person in team:
        routes += [(route.recipient, route.url) for route in person_routes(person, workspace.config.alerts.email)]
    report: dict[str, Any] = {"sent": [], "failed": []}
    for name, url in routes:
        problem = deliver(url, title, body)
        if problem is None:
            report["sent"].append(name)
        else:
            report["failed"].append({"to": name, "error": problem})
    return report
