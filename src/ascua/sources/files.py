"""Reading mention files: JSONL in Ascua's schema (or any JSON with a mapping) and CSV exports.

Each row becomes a :class:`~ascua.model.Record` whose origin is ``FILE:LINE``; a row
that cannot be read becomes a :class:`~ascua.model.Problem` with the same origin,
and reading goes on. For the full pipeline, rows are taken in their own time order
without loading the file in memory: a first pass notes each row's time and byte
offset, a second pass reads them back in order.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal

import orjson

from ascua.analysis import AnalysisSetup, analyse
from ascua.model import MentionBatch, Problem, Record, SourceBatch
from ascua.nlp.enrich import Enricher
from ascua.normalize import AUTHOR_FIELDS, METRIC_FIELDS, SCHEMA_FIELDS, Normalizer, unknown_fields
from ascua.query import BrandMatcher

Format = Literal["jsonl", "csv"]
MAX_ROW_BYTES = 16 * 1024 * 1024

FIELDS = tuple(
    sorted(
        [f for f in SCHEMA_FIELDS if f not in ("author", "metrics", "raw")]
        + [f"author.{f}" for f in AUTHOR_FIELDS]
        + [f"metrics.{f}" for f in METRIC_FIELDS]
    )
)
# Column names that common exports use for each field of the schema (compared case-insensitively).
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "native_id", "tweet_id", "post_id", "status_id", "message_id", "mention_id", "comment_id"),
    "text": ("text", "full_text", "content", "message", "body", "tweet", "post", "snippet", "comment"),
    "created_at": (
        "created_at",
        "date",
        "timestamp",
        "time",
        "tweet_created",
        "published",
        "published_at",
        "datetime",
        "created",
        "created_time",
        "date_time",
    ),
    "source": ("source", "network", "platform", "channel"),
    "url": ("url", "link", "permalink", "tweet_url", "post_url"),
    "lang": ("lang", "language"),
    "author.handle": ("author_handle", "author", "username", "user", "screen_name", "handle", "user_name", "name"),
    "author.name": ("author_name", "display_name", "full_name", "user_display_name"),
    "author.followers": (
        "author_followers",
        "followers",
        "followers_count",
        "user_followers",
        "author_followers_count",
    ),
    "author.created_at": ("author_created_at", "user_created_at", "account_created_at"),
    "metrics.likes": ("likes", "like_count", "favorite_count", "favorites", "favourites"),
    "metrics.reposts": ("reposts", "retweets", "retweet_count", "shares", "share_count", "repost_count"),
    "metrics.replies": ("replies", "reply_count", "comments_count", "comment_count"),
    "metrics.quotes": ("quotes", "quote_count"),
    "metrics.views": ("views", "impressions", "impression_count", "view_count"),
    "in_reply_to": ("in_reply_to", "in_reply_to_status_id", "reply_to", "parent_id"),
    "in_reply_to_author": ("in_reply_to_author", "in_reply_to_screen_name", "reply_to_user"),
    "quote_of": ("quote_of", "quoted_status_id", "quoted_id"),
    "repost_of": ("repost_of", "retweeted_status_id", "retweet_of"),
    "collected_at": ("collected_at", "fetched_at", "retrieved_at"),
}


class MappingError(ValueError):
    """The column mapping cannot be used with this file (names the file and the header line)."""


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """``["text=body", "author.handle=user"]`` → ``{"text": "body", "author.handle": "user"}``.

    >>> parse_mapping(["text=Mensaje", "created_at = Fecha"])
    {'text': 'Mensaje', 'created_at': 'Fecha'}
    """
    mapping = {}
    for pair in pairs:
        field_name, sep, column = pair.partition("=")
        field_name, column = field_name.strip(), column.strip()
        if not sep or not field_name or not column:
            raise MappingError(f"--map {pair!r}: write FIELD=COLUMN, for example --map text=body")
        if field_name not in FIELDS:
            raise MappingError(f"--map {pair!r}: {field_name!r} is not a field; fields are {', '.join(FIELDS)}")
        mapping[field_name] = column
    return mapping


def detect_format(path: Path) -> Format:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    raise MappingError(f"{path}: cannot tell the format from the name; add --format csv or --format jsonl")


@dataclass
class Located:
    """Where a row starts in the file (to read it again in time order)."""

    offset: int
    line: int


@dataclass
class FileReader:
    """Reads one file. ``mapping`` maps schema fields to the file's columns or keys."""

    path: Path
    format: Format
    mapping: dict[str, str] = field(default_factory=dict)
    delimiter: str | None = None
    preset: str | None = None  # the export of another tool (ascua.sources.presets)
    bytes_read: int = 0
    _header: list[str] | None = None
    _columns: dict[str, int] | None = None
    _warned: set[str] = field(default_factory=set)
    _converted: list[Record | Problem] | None = None

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    def prepare(self) -> None:
        """Read what reading single rows needs (a CSV file's header); a no-op for JSONL."""
        if self.format == "csv" and self._columns is None:
            with self.path.open("rb") as handle:
                for _ in self._csv(handle):
                    break

    @property
    def document(self) -> bool:
        """A JSON preset: the file is read whole and its items are its rows."""
        from ascua.sources.presets import JSON_PRESETS

        return self.preset in JSON_PRESETS

    def _items(self) -> list[Record | Problem]:
        if self._converted is None:
            from ascua.sources.presets import convert

            try:
                self._converted = convert(self.path, self.preset or "")
            except ValueError as error:
                raise MappingError(str(error)) from None
        return self._converted

    def rows(self) -> Iterator[tuple[Located, Record | Problem]]:
        """Every row in file order, with where it starts."""
        if self.document:
            items = self._items()
            for index, item in enumerate(items):
                self.bytes_read = self.size * (index + 1) // len(items)
                yield Located(index, index + 1), item
            return
        with self.path.open("rb") as handle:
            if self.format == "jsonl":
                yield from self._jsonl(handle)
            else:
                yield from self._csv(handle)

    def read_at(self, handle: BinaryIO, where: Located) -> Record | Problem:
        """Read back the row that starts at ``where`` (after :meth:`rows` has read the header)."""
        if self.document:
            return self._items()[where.offset]
        handle.seek(where.offset)
        if self.format == "jsonl":
            return self.parse_json_line(handle.readline(), where.line)
        lines = _Lines(handle, where.offset, where.line - 1)
        reader = csv.reader(lines, delimiter=self._dialect_delimiter())
        try:
            values = next(reader)
        except (csv.Error, StopIteration) as error:
            return Problem(f"{self.path}:{where.line}", f"not a valid CSV row ({error})")
        return self._csv_row(values, where.line, lines)

    # --- JSON lines ----------------------------------------------------------------------

    def _jsonl(self, handle: BinaryIO) -> Iterator[tuple[Located, Record | Problem]]:
        offset = 0
        for number, raw in enumerate(handle, 1):
            where = Located(offset, number)
            offset += len(raw)
            self.bytes_read = offset
            if not raw.strip():
                continue
            yield where, self.parse_json_line(raw, number)

    def parse_json_line(self, raw: bytes, number: int) -> Record | Problem:
        origin = f"{self.path}:{number}"
        if len(raw) > MAX_ROW_BYTES:
            return Problem(origin, f"the row is {len(raw) / 2**20:.0f} MB, over the {MAX_ROW_BYTES // 2**20} MB limit")
        try:
            data = orjson.loads(raw.rstrip(b"\r\n"))
        except orjson.JSONDecodeError as error:
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as bad:
                return Problem(origin, f"invalid UTF-8 at byte {bad.start + 1} of the line")
            return Problem(origin, f"not valid JSON ({_json_reason(error)})")
        if not isinstance(data, dict):
            return Problem(origin, f"expected a JSON object per line, got {type(data).__name__}")
        if self.mapping:
            data = self._remap_json(data)
            return Record(data, origin)
        warnings = []
        for unknown in unknown_fields(data):
            if unknown not in self._warned:
                self._warned.add(unknown)
                warnings.append(f"unknown field {unknown!r} ignored (see docs/mention-schema.md)")
        return Record(data, origin, warnings)

    def _remap_json(self, data: dict[str, Any]) -> dict[str, Any]:
        record: dict[str, Any] = {}
        used: set[str] = set()
        for target, path in self.mapping.items():
            value = _dig(data, path)
            if value is not None:
                _put(record, target, value)
                used.add(path.split(".")[0])
        for name in SCHEMA_FIELDS:
            if name in data and name not in record and name not in self.mapping:
                record[name] = data[name]
                used.add(name)
        record["raw"] = {key: value for key, value in data.items() if key not in used} or None
        return record

    # --- CSV -----------------------------------------------------------------------------

    def _dialect_delimiter(self) -> str:
        if self.delimiter:
            return self.delimiter
        return "\t" if self.path.suffix.lower() == ".tsv" else ","

    def _csv(self, handle: BinaryIO) -> Iterator[tuple[Located, Record | Problem]]:
        csv.field_size_limit(MAX_ROW_BYTES)
        lines = _Lines(handle, 0, 0)
        reader = csv.reader(lines, delimiter=self._dialect_delimiter())
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise MappingError(f"{self.path}:1: the header is not valid CSV ({error})") from None
        if header and header[0].startswith("\ufeff"):
            header[0] = header[0][1:]
        if lines.bad:
            raise MappingError(f"{self.path}:1: the header is not valid UTF-8")
        self._set_header(header)
        while True:
            where = Located(lines.offset, lines.line + 1)
            lines.bad.clear()
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                self.bytes_read = lines.offset
                yield where, Problem(f"{self.path}:{where.line}", f"not a valid CSV row ({error})")
                continue
            self.bytes_read = lines.offset
            if not values or (len(values) == 1 and not values[0].strip()):
                continue
            yield where, self._csv_row(values, where.line, lines)

    def _set_header(self, header: list[str]) -> None:
        self._header = header
        lowered = {name.strip().lower(): index for index, name in reversed(list(enumerate(header)))}
        columns: dict[str, int] = {}
        for target, column in self.mapping.items():
            index = lowered.get(column.strip().lower())
            if index is None:
                raise MappingError(
                    f"{self.path}:1: column {column!r} (for {target}) is not in the header; "
                    f"the columns are: {', '.join(header)}"
                )
            columns[target] = index
        taken = set(columns.values())
        known = dict(ALIASES)
        if self.preset == "listening":
            from ascua.sources.presets import LISTENING_ALIASES

            known = {target: LISTENING_ALIASES.get(target, ()) + ALIASES.get(target, ())
                     for target in {*ALIASES, *LISTENING_ALIASES}}  # fmt: skip
        for target, aliases in known.items():
            if target in columns:
                continue
            for alias in aliases:
                index = lowered.get(alias)
                if index is not None and index not in taken:
                    columns[target] = index
                    taken.add(index)
                    break
        missing = [name for name in ("text", "created_at") if name not in columns]
        if missing:
            raise MappingError(
                f"{self.path}:1: no column for {' and '.join(missing)}; the columns are: {', '.join(header)}. "
                f"Name them with --map, for example --map {missing[0]}=YOUR_COLUMN"
            )
        self._columns = columns

    def _csv_row(self, values: list[str], number: int, lines: _Lines) -> Record | Problem:
        origin = f"{self.path}:{number}"
        if lines.bad:
            return Problem(origin, "invalid UTF-8 in the row")
        assert self._columns is not None and self._header is not None
        if len(values) != len(self._header):
            return Problem(origin, f"the row has {len(values)} columns, the header {len(self._header)}")
        record: dict[str, Any] = {}
        used = set()
        for target, index in self._columns.items():
            value = values[index]
            used.add(index)
            if value != "":
                _put(record, target, value)
        if self.preset == "listening" and isinstance(record.get("source"), str):
            from ascua.sources.presets import network

            record["source"] = network(record["source"])
        extra = {self._header[i]: value for i, value in enumerate(values) if i not in used and value != ""}
        if extra:
            record["raw"] = extra
        return Record(record, origin)


@dataclass(frozen=True)
class FileSlice:
    """Rows of the file for one batch: at given offsets (time order), or a byte range of JSONL lines."""

    source: str
    rows: tuple[tuple[int, int], ...] = ()  # (offset, line)
    start: int = 0
    end: int = 0
    first_line: int = 0
    watermark: datetime | None = None


@dataclass
class SliceReader:
    """Reads a :class:`FileSlice` and runs normalize → match → enrich on it (here or in a worker)."""

    reader: FileReader
    setup: AnalysisSetup
    _stages: tuple[Normalizer, BrandMatcher | None, Enricher | None] | None = None

    def prepare(self) -> None:
        self.reader.prepare()
        if self._stages is None:
            self._stages = self.setup.stages()

    def __call__(self, piece: FileSlice) -> MentionBatch:
        if self._stages is None:
            self._stages = self.setup.stages()
        records: list[Record] = []
        problems: list[Problem] = []
        for item in self.read(piece):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                records.append(item)
        return analyse(self._stages, SourceBatch(piece.source, records, watermark=piece.watermark, problems=problems))

    def read(self, piece: FileSlice) -> Iterator[Record | Problem]:
        with self.reader.path.open("rb") as handle:
            if piece.rows:
                for offset, line in piece.rows:
                    item = self.reader.read_at(handle, Located(offset, line))
                    if isinstance(item, Record):
                        item.warnings = []  # reported by the first pass
                    yield item
                return
            handle.seek(piece.start)
            data = handle.read(piece.end - piece.start)
        for number, raw in enumerate(data.splitlines(keepends=True), piece.first_line):
            if raw.strip():
                yield self.reader.parse_json_line(raw, number)


class _Lines:
    """Decoded lines of a binary file, keeping track of the byte offset and line number."""

    def __init__(self, handle: BinaryIO, offset: int, line: int):
        self.handle = handle
        self.offset = offset
        self.line = line
        self.bad: set[int] = set()

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        raw = self.handle.readline()
        if not raw:
            raise StopIteration
        self.offset += len(raw)
        self.line += 1
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            self.bad.add(self.line)
            return raw.decode("utf-8", "replace")


def _dig(data: dict[str, Any], path: str) -> Any:
    value: Any = data
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _put(record: dict[str, Any], target: str, value: Any) -> None:
    if "." in target:
        group, name = target.split(".", 1)
        record.setdefault(group, {})[name] = value
    else:
        record[target] = value


_JSON_POSITION = re.compile(r"line \d+ column (\d+)")


def _json_reason(error: orjson.JSONDecodeError) -> str:
    message = str(error).split(":")[0]
    match = _JSON_POSITION.search(str(error))
    return f"{message} at column {match.group(1)}" if match else message
