"""Presets of ``ascua import --preset``: the exports of other tools, read as they come
(docs/mention-schema.md#presets).

* ``x-v2``: what the X API v2 answers to a search or a timeline — one JSON object
  ``{"data": [posts], "includes": {"users": [...]}, "meta": …}``, a JSON list of such answers,
  or one answer per line (JSONL), as scripts that page through the API save them;
* ``graph``: what the Graph API answers for Facebook Page or Instagram comments (and posts) —
  ``{"data": [...], "paging": …}``, a list of them, or one per line;
* ``listening``: the CSV export of a social-listening tool (Brandwatch, Talkwalker, Meltwater,
  Sprout…): their usual column names (``Full Text``, ``Author``, ``Date``, ``Url``, ``Page
  Type``…), and their names for the networks (``twitter`` is ``x``).

A JSON preset turns the whole file into records first (kept in memory: exports of the API are
read in full), each named by where it is: ``FILE: answer 2, data[17]``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from ascua.model import Problem, Record

JSON_PRESETS = ("x-v2", "graph")
PRESETS = (*JSON_PRESETS, "listening")
MAX_DOCUMENT_BYTES = 1024 * 1024 * 1024

# the listening tools' column names (compared case-insensitively) for fields of the schema
LISTENING_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("full text", "snippet", "mention content", "message text", "text content", "hit sentence"),
    "created_at": ("date", "published date", "publish date", "created time", "date (utc)", "published (utc)"),
    "url": ("url", "mention url", "link url", "original url", "permalink"),
    "source": ("page type", "content source", "source type", "media type", "network", "platform", "domain"),
    "author.handle": ("author", "author handle", "twitter screen name", "username", "screen name", "influencer"),
    "author.name": ("full name", "author name", "display name"),
    "author.followers": ("twitter followers", "followers", "author followers", "reach", "audience"),
    "lang": ("language", "lang"),
    "id": ("mention id", "resource id", "id", "post id", "tweet id", "guid"),
    "metrics.likes": ("likes", "twitter likes", "facebook likes", "reactions"),
    "metrics.reposts": ("twitter retweets", "retweets", "shares", "reposts"),
    "metrics.replies": ("twitter replies", "replies", "comments"),
}
# what the tools call the networks
NETWORKS = {"twitter": "x", "twitter.com": "x", "x.com": "x", "fb": "facebook", "facebook.com": "facebook",
            "instagram.com": "instagram", "reddit.com": "reddit", "youtube.com": "youtube", "tiktok.com": "tiktok",
            "news": "news", "blogs": "blog", "blog": "blog", "forums": "forum", "forum": "forum"}  # fmt: skip


def network(value: str) -> str:
    """A tool's name for a network, as Ascua names it (``Twitter`` is ``x``)."""
    text = value.strip().lower().removeprefix("www.")
    return NETWORKS.get(text, text)


def _answers(path: Path) -> Iterator[tuple[str, Any]]:
    """The file's API answers, each with where it is: the whole file, a list, or one per line."""
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise ValueError(f"{path}: {size / 2**20:,.0f} MB is too large for a JSON preset; split it into files")
    body = path.read_bytes()
    try:
        whole = orjson.loads(body)
    except orjson.JSONDecodeError:
        whole = None
    if isinstance(whole, dict):
        yield "", whole
        return
    if isinstance(whole, list):
        for index, answer in enumerate(whole):
            yield f"answer {index + 1}, ", answer
        return
    for number, line in enumerate(body.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield f"line {number}, ", orjson.loads(line)
        except orjson.JSONDecodeError:
            yield f"line {number}", ValueError("not valid JSON")


def convert(path: Path, preset: str) -> list[Record | Problem]:
    """Every item of a JSON export as a record in Ascua's schema, or a problem, in file order."""
    from ascua.sources.graph import _record
    from ascua.sources.x import _users, tweet_record

    found: list[Record | Problem] = []
    for where, answer in _answers(path):
        origin = f"{path}: {where}"
        if isinstance(answer, ValueError):
            found.append(Problem(origin.rstrip(", "), str(answer)))
            continue
        if isinstance(answer, dict) and "data" not in answer and ("id" in answer or "text" in answer):
            answer = {"data": [answer]}  # one item per line
        if not isinstance(answer, dict) or not isinstance(answer.get("data"), list):
            found.append(Problem(origin.rstrip(", "), f"expected an API answer with a 'data' list ({preset})"))
            continue
        users = _users(answer.get("includes"))
        for index, item in enumerate(answer["data"]):
            place = f"{origin}data[{index}]"
            if not isinstance(item, dict):
                found.append(Problem(place, "an item that is not an object"))
                continue
            data = tweet_record(item, users) if preset == "x-v2" else _graph_item(item, _record)
            if data is None:
                found.append(Problem(place, "no id, time or text: not a post or comment of the API"))
                continue
            data["raw"] = {"preset": preset}
            found.append(Record(data, place))
            if preset == "graph":  # Instagram replies come inside their comment
                for number, answer_item in enumerate((item.get("replies") or {}).get("data") or []):
                    if isinstance(answer_item, dict):
                        reply = _graph_item({**answer_item, "_parent": item.get("id")}, _record)
                        if reply is not None:
                            found.append(Record(reply, f"{place}.replies[{number}]"))
    return found


def _graph_item(item: dict[str, Any], record: Any) -> dict[str, Any] | None:
    """A Facebook or Instagram item of the Graph API (told apart by their fields)."""
    instagram = "timestamp" in item or "username" in item
    if instagram:
        author = {"handle": f"@{item['username']}"} if item.get("username") else None
        return record("instagram", item, item.get("text") or item.get("caption"), author, item.get("_parent"))  # type: ignore[no-any-return]
    who = item.get("from") or {}
    author = {"handle": f"fb:{who['id']}", "name": str(who.get("name") or "")[:200]} if who.get("id") else None
    parent = (item.get("parent") or {}).get("id")
    return record("facebook", item, item.get("message"), author, parent)  # type: ignore[no-any-return]
