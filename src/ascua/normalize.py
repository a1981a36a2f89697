"""normalize: records in Ascua's mention schema become :class:`~ascua.model.Mention` objects.

The schema is documented in docs/mention-schema.md. Every mistake in a record is
reported as a :class:`~ascua.model.Problem` naming where the record came from; a
bad record never stops the others.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from w3lib.url import canonicalize_url, url_query_cleaner

from ascua.model import Mention, MentionBatch, Problem, SourceBatch, iso_utc, utcnow

SCHEMA_FIELDS = frozenset(
    [
        "source",
        "id",
        "text",
        "created_at",
        "url",
        "lang",
        "collected_at",
        "author",
        "in_reply_to",
        "in_reply_to_author",
        "quote_of",
        "repost_of",
        "metrics",
        "raw",
    ]
)
AUTHOR_FIELDS = frozenset({"handle", "name", "followers", "created_at"})
METRIC_FIELDS = ("likes", "reposts", "replies", "quotes", "views")
_METRIC_SET = frozenset(METRIC_FIELDS)
TRACKING_PARAMS = [
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_term",
    "utm_content",
    "utm_id",
    "fbclid",
    "gclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "ref_src",
    "ref_url",
    "s",
    "t",
    "si",
]
_TWITTER_HOSTS = {"twitter.com", "mobile.twitter.com", "x.com", "mobile.x.com"}
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_MAX_FUTURE = timedelta(days=1)


class RecordError(ValueError):
    """One field of one record is wrong."""


@dataclass(frozen=True)
class Normalizer:
    """Turns records into mentions.

    ``default_source`` fills a record without ``source``; naive dates are read in
    ``zone``; texts longer than ``max_text_length`` are cut (with a warning).
    """

    default_source: str | None = None
    zone: tzinfo = UTC
    max_text_length: int = 65_536

    def process(self, batch: SourceBatch) -> MentionBatch:
        mentions: list[Mention] = []
        problems = list(batch.problems)
        seen: set[tuple[str, str]] = set()
        collected = utcnow()  # one collection time per batch
        for record in batch.records:
            if record.warnings:
                problems.extend(Problem(record.origin, warning, fatal=False) for warning in record.warnings)
            try:
                mention, warnings = self.mention(record.data, collected)
            except RecordError as error:
                problems.append(Problem(record.origin, str(error)))
                continue
            if warnings:
                problems.extend(Problem(record.origin, warning, fatal=False) for warning in warnings)
            if mention.key in seen:
                continue
            seen.add(mention.key)
            mentions.append(mention)
        return MentionBatch(
            source=batch.source,
            mentions=mentions,
            cursor=batch.cursor,
            watermark=batch.watermark,
            problems=problems,
            error=batch.error,
        )

    def mention(self, data: dict[str, Any], collected: datetime | None = None) -> tuple[Mention, list[str]]:
        """One record to a mention, with the warnings it raised (errors raise :class:`RecordError`)."""
        warnings: list[str] = []
        source = _string(data.get("source"), "source") or self.default_source
        if not source:
            raise RecordError("field 'source': missing (say which network the post is from, or use --source)")
        text = data.get("text")
        if text is None:
            raise RecordError("field 'text': missing")
        if not isinstance(text, str):
            text = _string(text, "text") or ""
        text = _clean_text(text, "text")
        if len(text) > self.max_text_length:
            warnings.append(f"field 'text': {len(text):,} characters, cut to {self.max_text_length:,}")
            text = text[: self.max_text_length]
        created_at = parse_time(data.get("created_at"), "created_at", self.zone, required=True)
        assert created_at is not None
        if created_at.timestamp() > time.time() + _MAX_FUTURE.total_seconds():
            raise RecordError(
                f"field 'created_at': {created_at:%Y-%m-%d %H:%M} UTC is in the future; check the time zone"
            )
        author = data.get("author") or {}
        if isinstance(author, str):
            author = {"handle": author}
        if not isinstance(author, dict):
            raise RecordError("field 'author': expected an object with handle, name, followers")
        handle = _clean_text(_string(author.get("handle"), "author.handle") or "", "author.handle").strip()
        metrics = data.get("metrics") or {}
        if not isinstance(metrics, dict):
            raise RecordError("field 'metrics': expected an object with likes, reposts, replies, quotes, views")
        native_id = _string(data.get("id"), "id")
        if not native_id:
            native_id = derived_id(source, handle, created_at, text)
        elif len(native_id) > 200:  # no network has ids this long; keep it unique without storing it
            native_id = "h" + hashlib.sha1(native_id.encode(), usedforsecurity=False).hexdigest()
        if len(source) > 64:
            raise RecordError(f"field 'source': {source[:40]!r}… is not a network name (at most 64 characters)")
        url = _string(data.get("url"), "url")
        if url and (not url.startswith(("http://", "https://")) or len(url) > 2000):
            warnings.append(f"field 'url': {url[:80]!r} is not an http(s) link of at most 2,000 characters; dropped")
            url = None
        raw = data.get("raw")
        if raw is not None and not isinstance(raw, dict):
            raw = {"value": raw}
        lang = _string(data.get("lang"), "lang")
        mention = Mention(
            source=source.strip().lower(),
            native_id=native_id,
            text=text,
            created_at=created_at,
            url=url,
            canonical_url=canonical_url(url) if url else None,
            author_handle=at_handle(handle) if handle else "",
            author_name=_optional_text(author.get("name"), "author.name"),
            author_followers=_count(author.get("followers"), "author.followers"),
            author_created_at=parse_time(author.get("created_at"), "author.created_at", self.zone),
            lang=lang.lower()[:8] if lang else None,
            collected_at=parse_time(data.get("collected_at"), "collected_at", self.zone) or collected or utcnow(),
            in_reply_to=_string(data.get("in_reply_to"), "in_reply_to"),
            in_reply_to_author=_handle(data.get("in_reply_to_author")),
            quote_of=_string(data.get("quote_of"), "quote_of"),
            repost_of=_string(data.get("repost_of"), "repost_of"),
            likes=_count(metrics.get("likes"), "metrics.likes") or 0,
            reposts=_count(metrics.get("reposts"), "metrics.reposts") or 0,
            replies=_count(metrics.get("replies"), "metrics.replies") or 0,
            quotes=_count(metrics.get("quotes"), "metrics.quotes") or 0,
            views=_count(metrics.get("views"), "metrics.views"),
            raw=raw,
        )
        return mention, warnings


def mention_record(mention: Mention) -> dict[str, Any]:
    """A mention in Ascua's schema (the inverse of :meth:`Normalizer.mention`)."""
    record: dict[str, Any] = {
        "source": mention.source,
        "id": mention.native_id,
        "created_at": iso_utc(mention.created_at),
        "text": mention.text,
        "url": mention.url,
        "lang": mention.lang,
        "author": {
            "handle": mention.author_handle,
            "name": mention.author_name,
            "followers": mention.author_followers,
            "created_at": iso_utc(mention.author_created_at) if mention.author_created_at else None,
        },
        "metrics": {name: getattr(mention, name) for name in METRIC_FIELDS},
    }
    for name in ("in_reply_to", "in_reply_to_author", "quote_of", "repost_of"):
        value = getattr(mention, name)
        if value:
            record[name] = value
    if mention.raw:
        record["raw"] = mention.raw
    return record


def derived_id(source: str, handle: str, created_at: datetime, text: str) -> str:
    """A stable id for a record that has none, so importing it twice still dedups."""
    digest = hashlib.sha1(
        f"{source}\x1f{handle}\x1f{created_at.isoformat()}\x1f{text}".encode(), usedforsecurity=False
    ).hexdigest()
    return "h" + digest[:24]


def canonical_url(url: str) -> str | None:
    """The URL two copies of the same post share: no tracking, no fragment, one host spelling.

    >>> canonical_url("HTTPS://www.Example.com/News/?utm_source=x&b=2&a=1#top")
    'https://example.com/News?a=1&b=2'
    >>> canonical_url("https://twitter.com/Pepe/status/123?s=20")
    'https://x.com/pepe/status/123'
    >>> canonical_url("https://WWW.bsky.example/profile/ana/post/1/")
    'https://bsky.example/profile/ana/post/1'
    """
    if "?" not in url and "#" not in url:  # most post links: no query to clean, no parser needed
        scheme, separator, rest = url.strip().partition("://")
        host, slash, path = rest.partition("/")
        if separator and scheme.lower() in ("http", "https") and host and not any(c in host for c in "@:[]\\"):
            host = host.lower().removeprefix("www.")
            if host in _TWITTER_HOSTS:
                host, path = "x.com", path.lower()
            return f"https://{host}/{path}".rstrip("/") if slash else f"https://{host}"
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if not host or parts.scheme.lower() not in ("http", "https"):
        return None
    host = host.removeprefix("www.")
    path = parts.path
    query = parts.query
    if host in _TWITTER_HOSTS:
        host, path, query = "x.com", path.lower(), ""
    if query:
        cleaned = url_query_cleaner(urlunsplit(("https", host, path or "/", query, "")), TRACKING_PARAMS, remove=True)
        query = urlsplit(canonicalize_url(cleaned)).query
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = path.rstrip("/")
    return urlunsplit(("https", host, path, query, ""))


def parse_time(value: Any, field: str, zone: tzinfo = UTC, *, required: bool = False) -> datetime | None:
    """Read a time: ISO 8601, e-mail/Twitter style, or a Unix epoch (s or ms); naive means ``zone``.

    >>> parse_time("2015-02-24 11:35:52 -0800", "created_at")
    datetime.datetime(2015, 2, 24, 19, 35, 52, tzinfo=datetime.timezone.utc)
    >>> parse_time(1767607200, "created_at").isoformat()
    '2026-01-05T10:00:00+00:00'
    """
    if value is None or value == "":
        if required:
            raise RecordError(f"field '{field}': missing")
        return None
    moment: datetime | None = None
    if type(value) is str:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=zone)
            return moment if moment.tzinfo is UTC else moment.astimezone(UTC)
    if isinstance(value, bool):
        moment = None
    elif isinstance(value, int | float):
        number = float(value)
        if number != number or number < 0:
            raise RecordError(f"field '{field}': {value!r} is not a time")
        if number > 1e11:
            number /= 1000.0
        try:
            return datetime.fromtimestamp(number, UTC)
        except (OverflowError, OSError, ValueError):
            raise RecordError(f"field '{field}': {value!r} is out of range") from None
    elif isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        text = value.strip()
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            moment = _parse_loose(text)
            if moment is None and text.isdigit():
                return parse_time(int(text), field, zone)
    if moment is None:
        shown = str(value)[:60]
        raise RecordError(
            f"field '{field}': cannot read the date {shown!r} "
            "(write it like 2026-11-23T15:00:00Z, 2026-11-23 16:00:00 +0100 or a Unix time)"
        )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC)


def _parse_loose(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, "%a %b %d %H:%M:%S %z %Y")
    except ValueError:
        pass
    from dateutil import parser as date_parser

    try:
        return date_parser.parse(text)
    except (ValueError, OverflowError, date_parser.ParserError):
        return None


def _string(value: Any, field: str) -> str | None:
    if value is None:
        return None
    if type(value) is str:
        return value or None
    if isinstance(value, str):
        return value if value else None
    if isinstance(value, bool | dict | list):
        raise RecordError(f"field '{field}': expected text, got {type(value).__name__}")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _optional_text(value: Any, field: str) -> str | None:
    text = _string(value, field)
    return _clean_text(text, field) if text else None


def at_handle(handle: str) -> str:
    """A handle as stored: ``@name`` (``@user@instance`` on Mastodon), except the ids that name
    their own kind of account and take no ``@``: ``fb:123``, ``did:plc:…``, ``u/name``."""
    text = handle.strip()
    if ":" in text or "/" in text:
        return text
    return "@" + text.lstrip("@")


def _handle(value: Any) -> str | None:
    text = _string(value, "in_reply_to_author")
    return at_handle(text) if text else None


def _clean_text(text: str, field: str) -> str:
    if _SUSPECT.search(text) is None:
        return text
    if _SURROGATE.search(text):
        raise RecordError(f"field '{field}': invalid UTF-8 (the bytes are not text)")
    return _CONTROL.sub("", text)


def _count(value: Any, field: str) -> int | None:
    if type(value) is int and 0 <= value < 2**62:
        return value
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise RecordError(f"field '{field}': expected a whole number, got {value!r}")
    try:
        number = int(float(value)) if isinstance(value, str | float) else int(value)
    except (TypeError, ValueError, OverflowError):
        raise RecordError(f"field '{field}': expected a whole number, got {str(value)[:40]!r}") from None
    if number < 0:
        raise RecordError(f"field '{field}': cannot be negative ({number})")
    return min(number, 2**62)


def unknown_fields(data: dict[str, Any]) -> list[str]:
    """Fields of a record that the schema does not know (kept nowhere; reported)."""
    author, metrics = data.get("author"), data.get("metrics")
    if (
        data.keys() <= SCHEMA_FIELDS
        and (not isinstance(author, dict) or author.keys() <= AUTHOR_FIELDS)
        and (not isinstance(metrics, dict) or metrics.keys() <= _METRIC_SET)
    ):
        return []
    unknown = [key for key in data if key not in SCHEMA_FIELDS]
    author = data.get("author")
    if isinstance(author, dict):
        unknown.extend(f"author.{key}" for key in author if key not in AUTHOR_FIELDS)
    metrics = data.get("metrics")
    if isinstance(metrics, dict):
        unknown.extend(f"metrics.{key}" for key in metrics if key not in METRIC_FIELDS)
    return unknown
