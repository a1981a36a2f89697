"""``ascua engagement``, ``ascua waiting``, ``ascua handled``: the community between crises
(docs/community.md). Registered on the ``ascua`` app by :mod:`ascua.cli`."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text

from ascua.cli import EXIT_USAGE, WorkspaceOption, _, _workspace, app, errors_for_people, fail, out
from ascua.cli_room import ByOption, _me

BrandOption = Annotated[str | None, typer.Option("--brand", "-b", help="One brand (default: every brand).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _day(text: str | None, zone: Any, default: datetime) -> datetime:
    if text is None:
        return default
    try:
        day = date.fromisoformat(text)
    except ValueError:
        fail(_("{text!r} is not a day (2026-03-01)").format(text=text), EXIT_USAGE)
    return datetime(day.year, day.month, day.day, tzinfo=zone)


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    if seconds < 86400:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} d"


def _span(ws: Any, since: str | None, until: str | None, days: int) -> tuple[datetime, datetime]:
    """From ``since`` (default: ``days`` ago) to the end of ``until`` (default: today), local days."""
    today = datetime.now(ws.zone).replace(hour=0, minute=0, second=0, microsecond=0)
    return _day(since, ws.zone, today - timedelta(days=days)), _day(until, ws.zone, today) + timedelta(days=1)


def _brands(ws: Any, brand: str | None) -> list[str]:
    return [brand] if brand else [item.id for item in ws.config.brands]


def _share(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


@app.command()
def engagement(
    workspace: WorkspaceOption = Path("."),
    brand: BrandOption = None,
    since: Annotated[str | None, typer.Option(help="First day (default: 30 days ago).")] = None,
    until: Annotated[str | None, typer.Option(help="Last day, included (default: today).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Engagement over vanity: mentions, people, conversations, how many the brand answered and how fast."""
    from ascua.community import CommunityError
    from ascua.community import engagement as measure
    from ascua.radar import Radar

    with errors_for_people():
        ws = _workspace(workspace)
        start, end = _span(ws, since, until, 30)
        brands = _brands(ws, brand)
        with Radar.open(ws) as radar, radar.database.engine.connect() as connection:
            try:
                results = [measure(connection, key, start, end) for key in brands]
            except CommunityError as error:
                fail(str(error), EXIT_USAGE)
    if as_json:
        out.print_json(json.dumps([item.as_json() for item in results], ensure_ascii=False))
        return
    period = f"{start:%Y-%m-%d} – {end - timedelta(days=1):%Y-%m-%d}"
    for item in results:
        out.print(Text(f"{item.brand} · {period}", style="bold"))
        out.print(_("  {mentions} mentions by {people} people, in {conversations} conversations; {addressed} "
                    "questions and complaints addressed to the brand").format(
            mentions=f"{item.mentions:,}", people=f"{item.people:,}", conversations=f"{item.conversations:,}",
            addressed=f"{item.addressed:,}"))  # fmt: skip
        if item.answered is not None:
            out.print(_("  answered: {share} of the mentions, {addressed} of those questions and complaints; "
                        "median answer {median}, 90% within {p90}").format(
                share=_share(item.answer_share), addressed=_share(item.answer_share_addressed),
                median=_duration(item.median_answer_seconds), p90=_duration(item.p90_answer_seconds)))  # fmt: skip
            per_post = "—" if item.interactions_per_own_post is None else f"{item.interactions_per_own_post:,.1f}"
            out.print(_("  {posts} posts of its own accounts, {per_post} interactions per post").format(
                posts=f"{item.own_posts:,}", per_post=per_post))  # fmt: skip
        for note in item.notes:
            out.print(Text("  " + _(note), style="yellow"))


@app.command()
def waiting(
    workspace: WorkspaceOption = Path("."),
    brand: BrandOption = None,
    sort: Annotated[str, typer.Option(help="oldest (first) or reach (highest first).")] = "oldest",
    days: Annotated[int, typer.Option(help="How far back to look.", min=1, max=365)] = 7,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many to show.", min=1, max=10_000)] = 30,
    as_json: JsonOption = False,
) -> None:
    """People waiting for an answer: questions and complaints no own account answered yet."""
    from ascua.community import CommunityError
    from ascua.community import waiting as queue
    from ascua.radar import Radar

    with errors_for_people():
        ws = _workspace(workspace)
        brands = _brands(ws, brand)
        found: dict[str, Any] = {}
        with Radar.open(ws) as radar, radar.database.engine.connect() as connection:
            try:
                for key in brands:
                    found[key] = queue(connection, key, limit=limit, sort=sort, days=days)
            except CommunityError as error:
                fail(str(error), EXIT_USAGE)
    if as_json:
        out.print_json(json.dumps({key: {"waiting": [w.as_json() for w in items], "notes": notes}
                                   for key, (items, notes) in found.items()}, ensure_ascii=False))  # fmt: skip
        return
    for key, (items, notes) in found.items():
        out.print(Text(_("{brand}: {count} waiting for an answer").format(brand=key, count=len(items)), style="bold"))
        for note in notes:
            out.print(Text("  " + _(note), style="yellow"))
        for item in items:
            kind = _("question") if item.question else _("complaint")
            reach = f" · {item.followers:,}" if item.followers else ""
            out.print(Text.assemble(("  #" + str(item.id), "dim"), f"  {_duration(item.waiting_seconds)}  ",
                                    (f"{item.source} {item.author}{reach}", "cyan"), f"  [{kind}]  ",
                                    " ".join(item.text.split())[:160]))  # fmt: skip


@app.command()
def handled(
    mention_id: Annotated[int, typer.Argument(help="The mention's number (ascua waiting shows it).")],
    brand: Annotated[str, typer.Option("--brand", "-b", help="The brand it was addressed to.")],
    workspace: WorkspaceOption = Path("."),
    note: Annotated[str | None, typer.Option(help="How it was dealt with (by phone, in private…).")] = None,
    by: ByOption = None,
) -> None:
    """Mark a mention as dealt with outside the radar: it leaves the queue of people waiting."""
    from ascua.community import CommunityError, mark_handled
    from ascua.radar import Radar

    with errors_for_people():
        ws = _workspace(workspace)
        with Radar.open(ws) as radar, radar.database.engine.begin() as connection:
            try:
                changed = mark_handled(connection, mention_id, brand, by=by or _me(), note=note)
            except CommunityError as error:
                fail(str(error), EXIT_USAGE)
    out.print(_("Mention #{id} marked as handled.").format(id=mention_id) if changed
              else _("Mention #{id} was already marked as handled.").format(id=mention_id))  # fmt: skip


@app.command()
def digest(
    workspace: WorkspaceOption = Path("."),
    brand: BrandOption = None,
    day: Annotated[str | None, typer.Option("--date", help="The day (default: yesterday).")] = None,
    as_json: JsonOption = False,
) -> None:
    """The daily digest: a day's volume and sentiment against the usual, what the negative posts
    were about, people waiting for an answer, alerts and their state, what the plan lacks."""
    from ascua.community import CommunityError
    from ascua.digest import digest as make_digest
    from ascua.radar import Radar

    with errors_for_people():
        ws = _workspace(workspace)
        yesterday = datetime.now(ws.zone).date() - timedelta(days=1)
        chosen = _day(day, ws.zone, datetime.combine(yesterday, datetime.min.time(), ws.zone)).date()
        brands = _brands(ws, brand)
        with Radar.open(ws) as radar, radar.database.engine.connect() as connection:
            try:
                found = [make_digest(connection, ws, key, chosen) for key in brands]
            except CommunityError as error:
                fail(str(error), EXIT_USAGE)
    if as_json:
        out.print_json(json.dumps([item.as_json() for item in found], ensure_ascii=False))
        return
    from ascua.digest import digest_lines

    for item in found:
        out.print(Text(f"{item.name} · {item.day:%Y-%m-%d}", style="bold"))
        for line in digest_lines(item, _):
            out.print(Text(line))


@app.command()
def detractors(
    workspace: WorkspaceOption = Path("."),
    brand: BrandOption = None,
    since: Annotated[str | None, typer.Option(help="First day (default: 90 days ago).")] = None,
    until: Annotated[str | None, typer.Option(help="Last day, included (default: today).")] = None,
    state: Annotated[str | None, typer.Option(help="Only: active, converted or left.")] = None,
    sort: Annotated[str, typer.Option(help="negative (most negative mentions), reach or recent.")] = "negative",
    silent_days: Annotated[int, typer.Option(help="Silent this many days: left.", min=1, max=3650)] = 30,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many people to show.", min=0, max=100_000)] = 20,
    person: Annotated[str | None, typer.Option("--person", help="One person's history: SOURCE:@handle.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Detractors: the people who spoke ill of the brand, whether they are still at it, came round
    (after the brand's answer, a crisis's end, or by themselves) or left, and the conversion rates."""
    from ascua.community import CommunityError
    from ascua.detractors import detractors as find
    from ascua.detractors import history
    from ascua.radar import Radar

    with errors_for_people():
        ws = _workspace(workspace)
        start, end = _span(ws, since, until, 90)
        brands = _brands(ws, brand)
        if person is not None:
            source, _colon, handle = person.partition(":")
            if not handle or not brand:
                fail(_("--person takes SOURCE:@handle (x:@ana) and needs --brand"), EXIT_USAGE)
        with Radar.open(ws) as radar, radar.database.engine.connect() as connection:
            try:
                if person is not None:
                    entries, notes = history(connection, brands[0], source, handle)
                else:
                    results = [find(connection, key, start, end, state=state, sort=sort, silent_days=silent_days,
                                    limit=limit) for key in brands]  # fmt: skip
            except CommunityError as error:
                fail(str(error), EXIT_USAGE)
    if person is not None:
        if as_json:
            out.print_json(json.dumps({"entries": [e.as_json() for e in entries], "notes": notes}, ensure_ascii=False))
            return
        for note in notes:
            out.print(Text(_(note), style="yellow"))
        for entry in entries:
            mark = ("brand", "green") if entry.by_brand else (("−", "red") if entry.negative else ("·", "dim"))
            out.print(Text.assemble((f"{entry.created_at.astimezone(ws.zone):%Y-%m-%d %H:%M}  ", "dim"),
                                    (f"{mark[0]:>5}  ", mark[1]), (f"{entry.author}  ", "cyan"),
                                    " ".join(entry.text.split())[:200]))  # fmt: skip
        return
    if as_json:
        out.print_json(json.dumps([item.as_json() for item in results], ensure_ascii=False))
        return
    period = f"{start:%Y-%m-%d} – {end - timedelta(days=1):%Y-%m-%d}"
    for item in results:
        out.print(Text(f"{item.brand} · {period}", style="bold"))
        out.print(_("  {total} detractors: {active} active, {converted} converted ({rate}), {left} left "
                    "(silent {days} days)").format(
            total=f"{item.total:,}", active=f"{item.states['active']:,}", converted=f"{item.states['converted']:,}",
            rate=_share(item.conversion_rate), left=f"{item.states['left']:,}", days=item.silent_days))  # fmt: skip
        if item.states["converted"]:
            out.print(_("  converted after the brand's answer: {answer}; after a crisis was resolved: {resolution}; "
                        "by themselves: {own}").format(**item.after))  # fmt: skip
        for crisis in item.crises:
            out.print(_("  alert #{id} ({level}, {opened}): {people} people negative during it, {answered} answered, "
                        "{converted} converted after it ({rate})").format(
                id=crisis.alert_id, level=crisis.level, opened=f"{crisis.opened_at.astimezone(ws.zone):%Y-%m-%d}",
                people=crisis.detractors, answered=crisis.answered, converted=crisis.converted_after,
                rate=_share(crisis.rate)))  # fmt: skip
        for note in item.notes:
            out.print(Text("  " + _(note), style="yellow"))
        for found_person in item.people:
            reach = f" · {found_person.followers:,}" if found_person.followers else ""
            last = f"{found_person.last_negative.astimezone(ws.zone):%Y-%m-%d}"
            summary = _("  {negative} negative of {mentions}, last {last}").format(
                negative=found_person.negative, mentions=found_person.mentions, last=last)  # fmt: skip
            who = f"{found_person.source}:{found_person.author}{reach}"
            out.print(Text.assemble(("  " + _(found_person.state).ljust(10), "bold"), (who, "cyan"), summary))


@app.command()
def empathy(
    workspace: WorkspaceOption = Path("."),
    brand: BrandOption = None,
    since: Annotated[str | None, typer.Option(help="First day (default: 30 days ago).")] = None,
    until: Annotated[str | None, typer.Option(help="Last day, included (default: today).")] = None,
    image: Annotated[Path | None, typer.Option(help="Also draw the map here (.png or .svg).")] = None,
    as_json: JsonOption = False,
) -> None:
    """The empathy map: what customers say, think, do and feel, their pains and gains, with posts that show each."""
    from ascua.community import CommunityError
    from ascua.empathy import QUADRANTS, empathy_map, map_image, percent
    from ascua.radar import Radar

    with errors_for_people():
        ws = _workspace(workspace)
        start, end = _span(ws, since, until, 30)
        brands = _brands(ws, brand)
        if image is not None and image.suffix.lower() not in (".png", ".svg"):
            fail(_("--image: {path} must end in .png or .svg").format(path=image), EXIT_USAGE)
        if image is not None and len(brands) > 1:
            fail(_("--image draws one brand's map: add --brand"), EXIT_USAGE)
        with Radar.open(ws) as radar, radar.database.engine.connect() as connection:
            try:
                maps = [empathy_map(connection, key, start, end) for key in brands]
            except CommunityError as error:
                fail(str(error), EXIT_USAGE)
        if image is not None:
            try:
                image.write_bytes(map_image(maps[0], _, fmt=image.suffix.lower().lstrip(".")))
            except OSError as error:
                fail(_("cannot write {path}: {error}").format(path=image, error=error.strerror or error))
    if as_json:
        out.print_json(json.dumps([item.as_json() for item in maps], ensure_ascii=False))
        return
    titles = {"say": _("SAY"), "think": _("THINK"), "do": _("DO"), "feel": _("FEEL"), "pains": _("PAINS"),
              "gains": _("GAINS")}  # fmt: skip
    for item in maps:
        out.print(Text(_("{brand} · {posts} posts read of {total}, by {people} people").format(
            brand=item.brand, posts=f"{item.posts:,}", total=f"{item.total:,}", people=f"{item.people:,}"),
            style="bold"))  # fmt: skip
        for note in item.notes:
            out.print(Text("  " + _(note), style="yellow"))
        for quadrant in QUADRANTS:
            out.print(Text("  " + titles[quadrant], style="bold"))
            for group in getattr(item, quadrant):
                label = _(group.label) if quadrant in ("do", "feel") else group.label
                quote = " ".join(group.samples[0]["text"].split())[:110] if group.samples else ""
                out.print(Text.assemble(f"    {label} · {percent(group.share)}  ", (f"“{quote}”", "dim")))
    if image is not None:
        out.print(_("Map drawn in {path}").format(path=image))


@app.command(name="reputation")
def reputation_command(
    workspace: WorkspaceOption = Path("."),
    brand: BrandOption = None,
    since: Annotated[str | None, typer.Option(help="First day (default: 60 days ago).")] = None,
    until: Annotated[str | None, typer.Option(help="Last day, included (default: today).")] = None,
    every: Annotated[str, typer.Option(help="day or week.")] = "day",
    as_json: JsonOption = False,
) -> None:
    """The reputation index: net sentiment weighted by reach, per day or week, with its band, the
    trend against the usual, and who moved the latest period most."""
    from ascua.community import CommunityError
    from ascua.radar import Radar
    from ascua.reputation import reputation

    with errors_for_people():
        ws = _workspace(workspace)
        start, end = _span(ws, since, until, 60)
        brands = _brands(ws, brand)
        with Radar.open(ws) as radar, radar.database.engine.connect() as connection:
            try:
                results = [reputation(connection, key, start, end, every=every) for key in brands]
            except CommunityError as error:
                fail(str(error), EXIT_USAGE)
    if as_json:
        out.print_json(json.dumps([item.as_json() for item in results], ensure_ascii=False))
        return
    trends = {"declining": _("declining"), "rising": _("rising"), "steady": _("steady"), "unknown": _("unknown")}
    for item in results:
        shown = "—" if item.latest is None else f"{item.latest:+.1f}"
        usual = "—" if item.usual is None else f"{item.usual:+.1f}"
        recent = "—" if item.recent is None else f"{item.recent:+.1f}"
        out.print(Text(_("{brand}: reputation index {index} in the latest period, {recent} over the recent ones "
                         "(usually {usual}): {trend}").format(
            brand=item.brand, index=shown, recent=recent, usual=usual, trend=trends[item.trend]),
            style="bold"))  # fmt: skip
        for note in item.notes:
            out.print(Text("  " + _(note), style="yellow"))
        for point in item.points:
            if point.index is None:
                continue
            bar = "█" * round(abs(point.index) / 5)
            band = f"[{point.low:+.0f}, {point.high:+.0f}]"
            out.print(Text.assemble(f"  {point.start:%Y-%m-%d}  {point.index:+6.1f}  {band:<11} ",
                                    (bar, "red" if point.index < 0 else "green"), f"  {point.posts:,}"))  # fmt: skip
        for title, people in ((_("pulled it down most"), item.down), (_("pushed it up most"), item.up)):
            if people:
                out.print(Text("  " + title, style="bold"))
            for person in people:
                out.print(Text.assemble(f"    {person.points:+.2f}  ", (f"{person.source}:{person.author}", "cyan"),
                                        f"  “{' '.join(person.text.split())[:110]}”"))  # fmt: skip
