"""Brand queries: Boolean expressions in the syntax listening tools use, compiled to predicates.

The syntax is Lucene's, parsed by luqum: ``AND``, ``OR``, ``NOT`` (or ``-term``),
parentheses, ``"exact phrases"``, wildcards (``reembols*``), proximity
(``"late flight"~5`` or ``late NEAR/5 flight``), field filters (``lang:es``,
``source:bluesky``, ``author:@handle``, ``site:example.com``), ``@handles`` and
``#hashtags``. Terms written next to each other without an operator must all be
present (implicit ``AND``). A bare word also matches its ``@handle`` and
``#hashtag`` forms; ``@word`` and ``#word`` match only those.

>>> query = compile_query('vuelaya AND (retraso OR "sin avisar") -broma')
>>> query.matches(PostView.of("Otro RETRASO de @Vuelaya, sin avisar"))
True
>>> query.matches(PostView.of("vuelaya retraso, es broma"))
False
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from luqum import tree
from luqum.exceptions import IllegalCharacterError, ParseError
from luqum.parser import parser

from ascua.query.text import fold, tokens

Predicate = Callable[["PostView"], bool]

FIELDS = ("lang", "source", "author", "site")
_NEAR = re.compile(r"^NEAR/(\d+)$")
_POSITION = re.compile(r"at position (\d+)")


class QueryError(ValueError):
    """A query that cannot be used, with where it goes wrong and how to fix it."""

    def __init__(self, message: str, position: int | None = None, hint: str = ""):
        self.position = position
        self.hint = hint
        where = f"at position {position}: " if position is not None else ""
        super().__init__(f"{where}{message}{' — ' + hint if hint else ''}")


@dataclass(slots=True)
class PostView:
    """The parts of a post a query looks at, computed once per post."""

    words: list[str]
    bare: list[str]
    bare_set: frozenset[str]
    signed: frozenset[str]
    lang: str = ""
    source: str = ""
    author: str = ""
    site: str = ""

    @classmethod
    def of(
        cls, text: str, *, lang: str | None = None, source: str = "", author: str = "", url: str | None = None
    ) -> PostView:
        words = tokens(text)
        bare = [word.lstrip("@#") for word in words]
        host = ""
        if url:
            host = (urlsplit(url).hostname or "").removeprefix("www.")
        return cls(
            words=words,
            bare=bare,
            bare_set=frozenset(bare),
            signed=frozenset(word for word in words if word[0] in "@#"),
            lang=(lang or "").lower(),
            source=source.lower(),
            author=fold(author).lstrip("@"),
            site=host,
        )


@dataclass(frozen=True)
class Query:
    """A compiled brand query."""

    text: str
    predicate: Predicate = field(repr=False, compare=False)
    terms: frozenset[str] = field(default=frozenset(), compare=False)

    def matches(self, post: PostView) -> bool:
        return self.predicate(post)


def compile_query(text: str) -> Query:
    """Parse and compile a query, or raise :class:`QueryError` (nothing half-applied)."""
    if not text or not text.strip():
        raise QueryError("the query is empty", 0, "write at least the brand's name")
    try:
        parsed = parser.parse(text)
    except IllegalCharacterError as error:
        position = _position(str(error))
        hint = "close the quotes" if '"' in str(error) else "remove or quote the character"
        raise QueryError("unexpected character", position, hint) from None
    except ParseError as error:
        message = str(error)
        position = _position(message)
        if "end of expression" in message or "at the end" in message:
            opened = text.count("(") - text.count(")")
            hint = "close the parenthesis" if opened > 0 else "an operator needs a term after it"
            raise QueryError("the query ends too early", len(text), hint) from None
        raise QueryError("unexpected word", position, "AND, OR and NOT go between terms") from None
    terms: set[str] = set()
    return Query(text=text, predicate=_compile(parsed, terms, text), terms=frozenset(terms))


def _position(message: str) -> int | None:
    match = _POSITION.search(message)
    return int(match.group(1)) if match else None


def _compile(node: tree.Item, terms: set[str], text: str) -> Predicate:
    if isinstance(node, tree.Group | tree.FieldGroup):
        return _compile(node.expr, terms, text)
    if isinstance(node, tree.AndOperation):
        parts = [_compile(child, terms, text) for child in node.children]
        return lambda post: all(part(post) for part in parts)
    if isinstance(node, tree.OrOperation):
        parts = [_compile(child, terms, text) for child in node.children]
        return lambda post: any(part(post) for part in parts)
    if isinstance(node, tree.UnknownOperation):
        return _implicit(node.children, terms, text)
    if isinstance(node, tree.Not | tree.Prohibit):
        inner = _compile(node.a, set(), text)
        return lambda post: not inner(post)
    if isinstance(node, tree.Plus):
        return _compile(node.a, terms, text)
    if isinstance(node, tree.SearchField):
        return _field(node, text)
    if isinstance(node, tree.Proximity) and isinstance(node.term, tree.Phrase):
        words = _phrase_words(node.term)
        terms.update(words)
        return _near(words, int(node.degree or 0))
    if isinstance(node, tree.Phrase):
        words = _phrase_words(node)
        terms.update(words)
        return _phrase(words)
    if isinstance(node, tree.Word):
        return _word(node.value, terms)
    kind = type(node).__name__.lower()
    raise QueryError(f"{kind} expressions are not supported", _pos(node), "use words, phrases, wildcards and fields")


def _pos(node: tree.Item) -> int | None:
    return getattr(node, "pos", None)


def _implicit(children: Sequence[tree.Item], terms: set[str], text: str) -> Predicate:
    """Terms side by side: all required, with ``a NEAR/5 b`` read as proximity."""
    parts: list[Predicate] = []
    items = list(children)
    index = 0
    while index < len(items):
        item = items[index]
        near = _NEAR.match(item.value) if isinstance(item, tree.Word) else None
        if near:
            if not parts or index + 1 >= len(items):
                raise QueryError("NEAR needs a term on each side", _pos(item), "write: late NEAR/5 flight")
            left, right = items[index - 1], items[index + 1]
            if not (isinstance(left, tree.Word | tree.Phrase) and isinstance(right, tree.Word | tree.Phrase)):
                raise QueryError("NEAR joins words or phrases", _pos(item), "write: late NEAR/5 flight")
            parts.pop()
            words = _words_of(left) + _words_of(right)
            terms.update(words)
            parts.append(_near(words, int(near.group(1))))
            index += 2
            continue
        parts.append(_compile(item, terms, text))
        index += 1
    return lambda post: all(part(post) for part in parts)


def _words_of(node: tree.Item) -> list[str]:
    return _phrase_words(node) if isinstance(node, tree.Phrase) else [w.lstrip("@#") for w in tokens(node.value)]


def _phrase_words(node: tree.Phrase) -> list[str]:
    words = [word.lstrip("@#") for word in tokens(node.value.strip('"'))]
    if not words:
        raise QueryError("the phrase has no words", _pos(node), "write words between the quotes")
    return words


def _word(value: str, terms: set[str]) -> Predicate:
    if "*" in value or "?" in value:
        return _wildcard(value, terms)
    folded = tokens(value)
    if not folded:
        raise QueryError(f"{value!r} has no letters or digits", None, "quote punctuation-only terms or remove them")
    if len(folded) > 1:  # "e-commerce", "o2.es": the words in a row
        words = [word.lstrip("@#") for word in folded]
        terms.update(words)
        return _phrase(words)
    word = folded[0]
    terms.add(word.lstrip("@#"))
    if word[0] in "@#":
        return lambda post: word in post.signed
    return lambda post: word in post.bare_set


def _wildcard(value: str, terms: set[str]) -> Predicate:
    body = fold(value)
    sign = body[0] if body[0] in "@#" else ""
    body = body.lstrip("@#")
    stem = re.split(r"[*?]", body, maxsplit=1)[0]
    if len(stem) < 2:
        raise QueryError(f"the wildcard {value!r} is too broad", None, "keep at least two letters before * or ?")
    terms.add(stem)
    pattern = re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in body) + r"\Z")
    if sign:
        return lambda post: any(w[0] == sign and pattern.match(w, 1) for w in post.signed)
    return lambda post: any(w.startswith(stem) and pattern.match(w) for w in post.bare_set)


def _phrase(words: list[str]) -> Predicate:
    if len(words) == 1:
        only = words[0]
        return lambda post: only in post.bare_set
    first, size = words[0], len(words)

    def match(post: PostView) -> bool:
        if first not in post.bare_set:
            return False
        bare = post.bare
        return any(bare[i : i + size] == words for i, word in enumerate(bare) if word == first)

    return match


def _near(words: list[str], distance: int) -> Predicate:
    """All words within ``distance`` words of each other, in any order."""
    needed = set(words)
    span = distance + len(words) - 1

    def match(post: PostView) -> bool:
        if not needed <= post.bare_set:
            return False
        positions = [(i, w) for i, w in enumerate(post.bare) if w in needed]
        start = 0
        for end in range(len(positions)):
            while positions[end][0] - positions[start][0] > span:
                start += 1
            if {w for _, w in positions[start : end + 1]} >= needed:
                return True
        return False

    return match


def _field(node: tree.SearchField, text: str) -> Predicate:
    name = node.name.lower()
    if name not in FIELDS:
        raise QueryError(f"unknown field {node.name!r}", _pos(node), f"fields are {', '.join(FIELDS)}")
    expr = node.expr
    if isinstance(expr, tree.Group | tree.FieldGroup):
        expr = expr.expr
    values = _field_values(expr)
    if values is None:
        raise QueryError(f"{name}: takes a value or (a OR b)", _pos(node), f"write {name}:value")
    if name == "site":
        hosts = tuple(v.removeprefix("www.") for v in values)
        return lambda post: any(post.site == h or post.site.endswith("." + h) for h in hosts)
    if name == "author":
        authors = frozenset(v.lstrip("@") for v in values)
        return lambda post: post.author in authors
    wanted = frozenset(values)
    if name == "lang":
        return lambda post: post.lang in wanted
    return lambda post: post.source in wanted


def _field_values(expr: tree.Item) -> list[str] | None:
    if isinstance(expr, tree.Word | tree.Phrase):
        return [fold(expr.value.strip('"'))]
    if isinstance(expr, tree.OrOperation):
        values: list[str] = []
        for child in expr.children:
            found = _field_values(child)
            if found is None:
                return None
            values.extend(found)
        return values
    return None
