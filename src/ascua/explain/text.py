"""An explanation in words: the short form for notifications, the long one for the terminal.

Both read the stored (JSON) form, so they show the same thing wherever it is read.
Post text and author names come from strangers: they are returned as plain strings,
for callers that print them as text (never as markup).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from typing import Any

from ascua.explain.note import say
from ascua.i18n import N_

Gettext = Callable[[str], str]


def _when(value: str | None, zone: tzinfo) -> str:
    if not value:
        return "?"
    moment = datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(zone)
    return f"{moment:%Y-%m-%d %H:%M} {moment.tzname()}"


def _people(count: int | None) -> str:
    if count is None:
        return "?"
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f}M"
    if count >= 10_000:
        return f"{round(count / 1000)}k"
    return f"{count:,}"


def _minutes(value: float | None, _: Gettext) -> str:
    if value is None:
        return ""
    if value < 0:
        return _("posted after the alert opened")
    if value < 90:
        return _("{minutes} min before the alert").format(minutes=round(value))
    return _("{hours} h before the alert").format(hours=f"{value / 60:.1f}")


def origin_line(data: dict[str, Any], _: Gettext, zone: tzinfo = UTC) -> str | None:
    origin = data.get("origin")
    if not origin or not origin.get("posts"):
        return None
    first = origin["posts"][0]["sample"]
    others = len(origin["posts"]) - 1
    line = _("Started: {author} on {network}, {when} ({delay})").format(
        author=first["author"] or _("an unknown author"),
        network=origin["network"],
        when=_when(origin["first_at"], zone),
        delay=_minutes(origin.get("minutes_to_detection"), _) or "?",
    )
    if others:
        line += _(", and {count} more first posts").format(count=others)
    return line


def reasons_line(data: dict[str, Any], _: Gettext) -> str | None:
    themes = data.get("themes") or []
    if not themes:
        return None
    parts = [
        _("«{theme}» ({share}% of the people)").format(theme=theme["label"], share=round(100 * theme["share"]))
        for theme in themes[:2]
    ]
    return _("About: {themes}").format(themes="; ".join(parts))


def amplifiers_line(data: dict[str, Any], _: Gettext) -> str | None:
    amplifiers = data.get("amplifiers") or []
    if not amplifiers:
        return None
    carrying = [item for item in amplifiers if item.get("spread") or item.get("high_reach")]
    if not carrying:
        return _("Carried by: no account spreads it further yet")
    parts = []
    for item in carrying[:3]:
        tags = [_("{followers} followers").format(followers=_people(item.get("followers")))]
        if item.get("media"):
            tags.append(_("media"))
        parts.append(f"{item['author']} ({', '.join(tags)})")
    line = _("Carried by: {accounts}").format(accounts=", ".join(parts))
    shape = data.get("shape")
    if shape:
        line += " · " + _(shape["kind"])
    return line


def coordination_line(data: dict[str, Any], _: Gettext) -> str | None:
    coordination = data.get("coordination")
    if not coordination or not coordination.get("flagged"):
        return None
    signs = [say(item, _) for item in coordination.get("evidence") or []] or list(coordination.get("detector_signs"))
    return _("Looks coordinated: {signs}").format(signs="; ".join(signs))


def short_form(data: dict[str, Any], _: Gettext, zone: tzinfo = UTC) -> list[str]:
    """Three or four lines: where it started, what it is about, who carries it, coordination."""
    lines = [
        line
        for line in (
            origin_line(data, _, zone),
            reasons_line(data, _),
            amplifiers_line(data, _),
            coordination_line(data, _),
        )
        if line
    ]
    if not lines:
        lines.append(_("Not enough to explain yet: {why}").format(why=_unknown(data, _) or _("no posts")))
    return lines


def _unknown(data: dict[str, Any], _: Gettext) -> str:
    return "; ".join(say(item, _) for item in data.get("unknown") or [])


def long_form(data: dict[str, Any], _: Gettext, zone: tzinfo = UTC) -> list[tuple[str, str]]:
    """Every part of the explanation as (style, line) pairs, for a terminal."""
    out: list[tuple[str, str]] = []
    out.append(
        (
            "bold",
            _("{posts} posts by {people} people ({negative} negative), {start} → {end}").format(
                posts=f"{data['posts']:,}",
                people=f"{data['people']:,}",
                negative=f"{data['negative_posts']:,}",
                start=_when(data["start"], zone),
                end=_when(data["end"], zone),
            ),
        )
    )
    origin = data.get("origin")
    out.append(("bold", _("Where it started")))
    if origin and origin.get("posts"):
        out.append(("", "  " + (origin_line(data, _, zone) or "")))
        for item in origin["posts"]:
            sample = item["sample"]
            out.append(("cyan", f"  {_when(sample['created_at'], zone)}  {sample['author']}  · {say(item['why'], _)}"))
            out.append(("", f"    {sample['text']}"))
            if sample.get("url"):
                out.append(("dim", f"    {sample['url']}"))
    else:
        out.append(("dim", "  " + _("could not be determined")))
    out.append(("bold", _("What it is about")))
    themes = data.get("themes") or []
    for theme in themes:
        out.append(
            (
                "",
                "  "
                + _("«{theme}»: {share}% of the people, {negative}% of its posts negative").format(
                    theme=theme["label"],
                    share=round(100 * theme["share"]),
                    negative=round(100 * theme["negative_share"]),
                ),
            )
        )
        for sample in theme.get("samples") or []:
            out.append(("dim", f"    {sample['author']}: {sample['text']}"))
    if not themes:
        out.append(("dim", "  " + _("could not be determined")))
    reasons = data.get("reasons") or []
    if reasons:
        terms = ", ".join(
            f"{reason['label']} ({round(100 * reason['share'])}%"
            + (f" / {round(100 * reason['usual_share'])}%" if reason.get("usual_share") is not None else "")
            + ")"
            for reason in reasons[:8]
        )
        heading = _("Distinctive terms (share of the wave's people / usually): {terms}")
        out.append(("dim", "  " + heading.format(terms=terms)))
    out.append(("bold", _("Who carries it")))
    amplifiers = data.get("amplifiers") or []
    for item in amplifiers:
        tags = []
        if item.get("media"):
            tags.append(_("media"))
        if item.get("high_reach"):
            tags.append(_("high reach"))
        out.append(
            (
                "",
                "  "
                + _("{author} on {network}: {followers} followers, {spread} posts of the wave spread theirs").format(
                    author=item["author"],
                    network=item["network"],
                    followers=_people(item.get("followers")),
                    spread=item["spread"],
                )
                + (f"  [{', '.join(tags)}]" if tags else ""),
            )
        )
    if not amplifiers:
        out.append(("dim", "  " + _("could not be determined")))
    shape = data.get("shape")
    if shape:
        out.append(
            (
                "",
                "  "
                + _("Shape: {kind} (largest cascade {largest}% of the posts, {independent}% first-hand)").format(
                    kind=_(shape["kind"]),
                    largest=round(100 * shape["largest_cascade_share"]),
                    independent=round(100 * shape["independent_share"]),
                ),
            )
        )
    coordination = data.get("coordination")
    if coordination:
        out.append(("bold", _("Coordination")))
        verdict = _("looks coordinated") if coordination["flagged"] else _("no clear sign of coordination")
        new = coordination.get("new_accounts_share")
        out.append(
            (
                "red" if coordination["flagged"] else "",
                "  "
                + _("{verdict}: {copies}% repeated texts, {new} new accounts, {lockstep}% in one minute").format(
                    verdict=verdict,
                    copies=round(100 * coordination["copies_share"]),
                    new=f"{round(100 * new)}%" if new is not None else "?",
                    lockstep=round(100 * coordination["lockstep_share"]),
                ),
            )
        )
        for item in coordination.get("evidence") or []:
            out.append(("", "  · " + say(item, _)))
        if coordination.get("repeated_text"):
            out.append(("dim", f"    «{coordination['repeated_text']}»"))
    unknown = data.get("unknown") or []
    if unknown:
        out.append(("bold", _("What could not be determined")))
        for item in unknown:
            out.append(("dim", "  · " + say(item, _)))
    return out


SHAPES = (N_("one viral post"), N_("many independent complaints"), N_("mixed"))  # translated where shown
