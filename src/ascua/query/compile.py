"""Brand queries: Boolean expressions in the syntax listening tools use, compiled to predicates.

The syntax is Lucene's, parsed by luqum: ``AND``, ``OR``, ``NOT`` (or ``-term``),
parentheses, ``"exact phrases"``, wildcards (``reembols*``), proximity
(``"late flight"~5`` or ``late NEAR/5 flight``), field filters (``lang:es``,
``source:bluesky``, ``author:@handle``, ``site:example.com``), ``@handles`` and
``#hashtags``. Terms written next to each other without an operator must all be
present (implicit ``AND``). A bare word also matches its ``@handle`` and
``#hashtag`` forms; ``@word`` and ``#word`` match only those. ``NEAR/n`` binds
tighter than any other operator: ``a AND late NEAR/5 flight`` is
``a AND (late NEAR/5 flight)``.

>>> query = compile_query('vuelaya AND (retraso OR "sin avisar") -broma')
>>> query.matches(PostView.of("Otro RETRASO de @Vuelaya, sin avisar"))
True
>>> query.matches(PostView.of("vuelaya retraso, es broma"))
False

Every compiled query knows its *anchors*: words (or word beginnings, ending in
``*``, or ``source:``, ``author:`` and ``site:`` values) of which a post must contain
at least one to possibly match. The brand matcher looks them all up at once, and runs
the full check only on the queries whose anchors a post contains. A query that can
match without any of them (only ``NOT``, only ``lang:``) has no anchors (``None``)
and is checked on every post.

>>> sorted(compile_query('vuelaya AND (retraso OR cancel*)').anchors)
['vuelaya']
>>> sorted(compile_query('vuelaya OR "vuela ya" OR #vuelaya').anchors)
['vuela', 'vuelaya']
>>> sorted(compile_query('author:@vuelaya_ayuda OR site:vuelaya.example').anchors)
['author:vuelaya_ayuda', 'site:vuelaya.example']
>>> compile_query('lang:es -spam').anchors is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from luqum import tree
from luqum.exceptions import IllegalCharacterError, ParseError
from luqum.parser import lexer
from luqum.thread import parse

from ascua.i18n import N_
from ascua.query.text import bare_tokens, fold, signed_tokens, tokens

Predicate = Callable[["PostView"], bool]
Anchors = frozenset[str] | None
"""What a matching post contains at least one of: a word, ``stem*`` (a word starting so) or
``field:value`` (its source, author or site); ``None``: any post may match."""

FIELDS = ("lang", "source", "author", "site")
_NEAR = re.compile(r"^NEAR/(\d+)$")
_POSITION = re.compile(r"at position (\d+)")
_HOST = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^/?#@]*@)?(\[[^\]/?#]*\]|[^/?#:]*)")
_PLACEHOLDER = "\ue000"  # a private-use character: stands for a NEAR group while luqum parses
# Very frequent words: a poor choice of anchor when the query offers another.
_COMMON = frozenset(
    "a al de del el en es la las lo los me mi no por que se su un una y o con para "  # noqa: SIM905 - a word list
    "the to and of in is it my on for you i at be this that with not are was your".split()
)


def _same(message: str) -> str:
    return message


class QueryError(ValueError):
    """A query that cannot be used, with where it goes wrong and how to fix it.

    ``position`` counts characters from 0 in the text of the query (or of the exclusion,
    when ``part`` is ``"exclude"``). :meth:`describe` says it in the reader's language.

    >>> try:
    ...     compile_query("vuelaya AND (retraso")
    ... except QueryError as error:
    ...     print(error.position, error)
    20 at position 20: the query ends too early — close the parenthesis
    """

    def __init__(
        self,
        message: str,
        position: int | None = None,
        hint: str = "",
        *,
        values: Mapping[str, object] | None = None,
        part: str = "query",
    ):
        self.message = message
        self.position = position
        self.hint = hint
        self.values = dict(values or {})
        self.part = part
        super().__init__(self.describe())

    def describe(self, gettext: Callable[[str], str] = _same) -> str:
        """The error as one line, translated by ``gettext`` (English by default)."""
        text = gettext(self.message).format(**self.values)
        if self.hint:
            text = gettext("{message} — {hint}").format(message=text, hint=gettext(self.hint).format(**self.values))
        if self.position is not None:
            text = gettext("at position {position}: {message}").format(position=self.position, message=text)
        if self.part == "exclude":
            text = gettext("in the exclusion, {message}").format(message=text)
        return text

    def in_part(self, part: str) -> QueryError:
        """The same error, said to be in another part of a brand's configuration (``exclude``)."""
        return QueryError(self.message, self.position, self.hint, values=self.values, part=part)


class PostView:
    """The parts of a post a query looks at, computed once per post (the rarely needed ones on demand).

    ``lang`` is the language the source gave; when it gave none, ``detect_language``
    (if any) is asked the first time a query looks at it, and never again for this post.

    >>> view = PostView.of("¡Gracias @VuelaYa! #Reembolso", url="https://www.example.com/a")
    >>> view.bare, sorted(view.signed), view.site
    (['gracias', 'vuelaya', 'reembolso'], ['#reembolso', '@vuelaya'], 'example.com')
    """

    __slots__ = (
        "_detect",
        "_folded",
        "_haystack",
        "_lang",
        "_signed",
        "_site",
        "_url",
        "author",
        "bare",
        "bare_set",
        "source",
        "text",
    )

    def __init__(
        self,
        text: str,
        *,
        lang: str | None = None,
        source: str = "",
        author: str = "",
        url: str | None = None,
        detect_language: Callable[[str], str] | None = None,
    ):
        self.text = text
        self._folded = fold(text)
        self.bare = bare_tokens(self._folded)
        self.bare_set = frozenset(self.bare)
        self.source = source.lower()
        self.author = fold(author).lstrip("@") if author else ""
        self._lang = lang.lower() if lang else None
        self._detect = detect_language
        self._url = url
        self._signed: frozenset[str] | None = None
        self._site: str | None = None
        self._haystack: str | None = None

    @classmethod
    def of(
        cls,
        text: str,
        *,
        lang: str | None = None,
        source: str = "",
        author: str = "",
        url: str | None = None,
        detect_language: Callable[[str], str] | None = None,
    ) -> PostView:
        """The view of a post's text and fields (the same as calling the class)."""
        return cls(text, lang=lang, source=source, author=author, url=url, detect_language=detect_language)

    @property
    def words(self) -> list[str]:
        """Every token, ``@``/``#`` signs kept (see :func:`ascua.query.text.tokens`)."""
        return tokens(self._folded)

    @property
    def signed(self) -> frozenset[str]:
        """The ``@handles`` and ``#hashtags`` of the post, with their sign."""
        if self._signed is None:
            self._signed = frozenset(signed_tokens(self._folded))
        return self._signed

    @property
    def haystack(self) -> str:
        """The words without signs, each between single spaces: phrases and word beginnings are substrings.

        >>> PostView.of("Late FLIGHT, again!").haystack
        ' late flight again '
        """
        if self._haystack is None:
            self._haystack = " " + " ".join(self.bare) + " "
        return self._haystack

    @property
    def lang(self) -> str:
        """The post's language code (``es``, ``en``, ``und``…), or ``""`` when unknown."""
        if self._lang is None:
            self._lang = self._detect(self.text).lower() if self._detect is not None else ""
        return self._lang

    @property
    def site(self) -> str:
        """The host of the post's address, without ``www.``."""
        if self._site is None:
            host = _HOST.match(self._url) if self._url else None
            self._site = host.group(1).lower().strip("[]").removeprefix("www.") if host else ""
        return self._site


@dataclass(frozen=True)
class Query:
    """A compiled brand query (with its exclusion, if any)."""

    text: str
    predicate: Predicate = field(repr=False, compare=False)
    terms: frozenset[str] = field(default=frozenset(), compare=False)
    anchors: Anchors = field(default=None, compare=False)
    fields: frozenset[str] = field(default=frozenset(), compare=False)
    exclude: str | None = None

    def matches(self, post: PostView) -> bool:
        return self.predicate(post)


@dataclass
class _Context:
    """What compiling one query collects on the way."""

    text: str
    near_groups: dict[int, list[tuple[tree.Item, int]]]
    terms: set[str] = field(default_factory=set)
    fields: set[str] = field(default_factory=set)


_Compiled = tuple[Predicate, Anchors]


def compile_query(text: str, exclude: str | None = None) -> Query:
    """Parse and compile a query, or raise :class:`QueryError` (nothing half-applied).

    With ``exclude``, a post matches when it matches ``text`` and not ``exclude``:
    the way to keep an ambiguous brand name (Apple, Orange, Delta) to the brand.

    >>> apple = compile_query("apple", exclude='"apple pie" OR manzana OR receta')
    >>> apple.matches(PostView.of("My Apple watch died")), apple.matches(PostView.of("Apple pie recipe"))
    (True, False)
    """
    context = _Context(text, {})
    predicate, anchors = _compile(_parse(text, context), context)
    if exclude is not None:
        excluded = _Context(exclude, {})
        try:
            unwanted, _ = _compile(_parse(exclude, excluded), excluded)
        except QueryError as error:
            raise error.in_part("exclude") from None
        wanted = predicate
        predicate = lambda post: wanted(post) and not unwanted(post)  # noqa: E731
        context.fields |= excluded.fields
    return Query(
        text=text,
        predicate=predicate,
        terms=frozenset(context.terms),
        anchors=anchors,
        fields=frozenset(context.fields),
        exclude=exclude,
    )


def _parse(text: str, context: _Context) -> tree.Item:
    if not text or not text.strip():
        raise QueryError(N_("the query is empty"), 0, N_("write at least the brand's name"))
    prepared = _group_near(text, context)
    try:
        return parse(prepared)
    except IllegalCharacterError as error:
        position = _position(str(error))
        quote = position is not None and text[position : position + 1] == '"'
        hint = N_("close the quotes") if quote else N_("remove or quote the character")
        raise QueryError(N_("unexpected character"), position, hint) from None
    except ParseError as error:
        message = str(error)
        position = _position(message)
        if "end of expression" in message or "at the end" in message:
            opened = text.count("(") - text.count(")")
            hint = N_("close the parenthesis") if opened > 0 else N_("an operator needs a term after it")
            raise QueryError(N_("the query ends too early"), len(text), hint) from None
        if position is not None and text[position : position + 1] == ")":
            raise QueryError(
                N_("this parenthesis closes nothing"),
                position,
                N_("remove it, or open it earlier with ( and put something between them"),
            ) from None
        if position is not None and text[position : position + 1] == ":":
            raise QueryError(
                N_("a field needs a name before ':'"), position, N_("put text with ':' in quotes")
            ) from None
        raise QueryError(N_("unexpected word"), position, N_("AND, OR and NOT go between terms")) from None


def _position(message: str) -> int | None:
    match = _POSITION.search(message)
    return int(match.group(1)) if match else None


def _group_near(text: str, context: _Context) -> str:
    """Replace each ``a NEAR/n b`` (or a chain of them) by a placeholder word of the same length.

    luqum gives the implicit operator the lowest precedence, so ``x AND a NEAR/5 b`` would
    parse as ``(x AND a) NEAR/5 b``. NEAR binds tightest in listening tools; grouping its
    operands before parsing keeps every position of the text (for error messages) unchanged.
    A NEAR that does not sit between two words or phrases is left for :func:`_compile` to refuse.
    """
    if "NEAR/" not in text:
        return text
    scan = lexer.clone()
    scan.input(text)
    try:
        found = [(token.type, token.value, token.lexpos) for token in scan]
    except (IllegalCharacterError, ParseError):
        return text  # the parser reports it, with its position
    spans: list[tuple[int, int, list[tuple[tree.Item, int]]]] = []
    index = 0
    while index < len(found):
        kind, value, _ = found[index]
        if kind == "TERM" and _NEAR.match(value.value) and _operand(found, index - 1, left=True):
            start = index - 1
            chain: list[tuple[tree.Item, int]] = [(found[start][1], 0)]
            while (
                index < len(found)
                and found[index][0] == "TERM"
                and (near := _NEAR.match(found[index][1].value))
                and _operand(found, index + 1, left=False)
            ):
                chain.append((found[index + 1][1], int(near.group(1))))
                index += 2
            if len(chain) > 1:
                begin = found[start][2]
                last = found[start + 2 * (len(chain) - 1)]
                end = last[2] + len(last[1].value)
                if text[last[2] : end] == last[1].value:
                    spans.append((begin, end, chain))
                continue
        index += 1
    if not spans:
        return text
    pieces, cursor = [], 0
    for begin, end, chain in spans:
        pieces.append(text[cursor:begin])
        pieces.append(_PLACEHOLDER * (end - begin))
        context.near_groups[begin] = chain
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _operand(found: list[tuple[str, tree.Item, int]], index: int, *, left: bool) -> bool:
    """Whether the token at ``index`` is a plain word or phrase (not a field, operator or NEAR)."""
    if not 0 <= index < len(found):
        return False
    kind, value, _ = found[index]
    if kind not in ("TERM", "PHRASE") or (kind == "TERM" and _NEAR.match(value.value)):
        return False
    if kind == "TERM" and ("*" in value.value or "?" in value.value):
        return False
    before = found[index - 1][0] if index > 0 else ""
    after = found[index + 1][0] if index + 1 < len(found) else ""
    if before == "COLUMN" or after in ("COLUMN", "APPROX", "BOOST"):
        return False
    return not (left and before in ("MINUS", "PLUS", "NOT"))


def _compile(node: tree.Item, context: _Context) -> _Compiled:
    if isinstance(node, tree.Group | tree.FieldGroup):
        return _compile(node.expr, context)
    if isinstance(node, tree.AndOperation | tree.UnknownOperation):
        return _all([_compile(child, context) for child in node.children])
    if isinstance(node, tree.OrOperation):
        return _any([_compile(child, context) for child in node.children])
    if isinstance(node, tree.Not | tree.Prohibit):
        inner, _ = _compile(node.a, _Context(context.text, context.near_groups, fields=context.fields))
        return (lambda post: not inner(post)), None
    if isinstance(node, tree.Plus):
        return _compile(node.a, context)
    if isinstance(node, tree.SearchField):
        context.fields.add(node.name.lower())
        return _field(node)
    if isinstance(node, tree.Proximity) and isinstance(node.term, tree.Phrase):
        words = _phrase_words(node.term)
        context.terms.update(words)
        return _near(words, int(node.degree or 0)), _best_word(words)
    if isinstance(node, tree.Phrase):
        words = _phrase_words(node)
        context.terms.update(words)
        return _phrase(words), _best_word(words)
    if isinstance(node, tree.Word):
        if node.value.startswith(_PLACEHOLDER) and _pos(node) in context.near_groups:
            return _near_chain(context.near_groups[_pos(node) or 0], context)
        return _word(node, context.terms)
    kind = type(node).__name__.lower()
    raise QueryError(
        N_("{kind} expressions are not supported"),
        _pos(node),
        N_("use words, phrases, wildcards and fields"),
        values={"kind": kind},
    )


def _pos(node: tree.Item) -> int | None:
    return getattr(node, "pos", None)


def _cost(anchors: Anchors) -> float:
    """How often a post is likely to contain one of the anchors: short and common words more often."""
    if anchors is None:
        return float("inf")
    total = 0.0
    for anchor in anchors:
        name, colon, _ = anchor.partition(":")
        if colon:  # a source is shared by many posts, a site by fewer, an author by few
            total += {"source": 2.0, "site": 0.5}.get(name, 0.01)
            continue
        word = anchor.rstrip("*")
        cost = 1.0 / max(len(word), 1) ** 2 + (1.0 if word in _COMMON else 0.0)
        total += cost * (3.0 if anchor.endswith("*") else 1.0)
    return total


def _best_word(words: Sequence[str]) -> frozenset[str]:
    return min((frozenset((word,)) for word in words), key=_cost)


def _all(parts: list[_Compiled]) -> _Compiled:
    """Every part must match: any one part's anchors will do, the rarest is best.

    Parts are checked cheapest first; the language last, as it may need detecting.
    """
    anchors = min((part[1] for part in parts), key=_cost)
    checks = sorted((part[0] for part in parts), key=_cost_of)
    if len(checks) == 1:
        return checks[0], anchors
    cost = max(_cost_of(check) for check in checks)
    if len(checks) == 2:
        first, second = checks
        return _costly(lambda post: first(post) and second(post), cost), anchors
    return _costly(lambda post: all(check(post) for check in checks), cost), anchors


def _any(parts: list[_Compiled]) -> _Compiled:
    """One part is enough: the post needs one anchor of any part (a part with none, any post).

    Plain words (``vuelaya OR @vuelaya OR #vuelaya``, the bulk of brand queries) are
    checked together, as one set intersection; the other parts cheapest first.
    """
    anchors: Anchors = frozenset()
    for _, part_anchors in parts:
        anchors = None if anchors is None or part_anchors is None else anchors | part_anchors
    bare = frozenset(word for check, _ in parts if (word := getattr(check, "bare_word", None)))
    signed = frozenset(word for check, _ in parts if (word := getattr(check, "signed_word", None)))
    checks = [check for check, _ in parts if not hasattr(check, "bare_word") and not hasattr(check, "signed_word")]
    checks.sort(key=_cost_of)
    if signed:
        checks.insert(0, _tagged(lambda post: not signed.isdisjoint(post.signed), signed_words=signed))
    if bare:
        checks.insert(0, _tagged(lambda post: not bare.isdisjoint(post.bare_set), bare_words=bare))
    if len(checks) == 1:
        return checks[0], anchors
    if len(checks) == 2:
        first, second = checks
        return _costly(lambda post: first(post) or second(post), _cost_of(second)), anchors
    return _costly(lambda post: any(check(post) for check in checks), max(map(_cost_of, checks))), anchors


def _near_chain(chain: list[tuple[tree.Item, int]], context: _Context) -> _Compiled:
    """``a NEAR/5 b NEAR/3 c``: a within 5 words of b, and b within 3 words of c.

    A phrase operand (``"lost bag" NEAR/3 united``) must also be there as a phrase.
    """
    operands = [_words_of(item) for item, _ in chain]
    parts: list[_Compiled] = [(_phrase(words), _best_word(words)) for words in operands if len(words) > 1]
    for index in range(1, len(chain)):
        words = operands[index - 1] + operands[index]
        context.terms.update(words)
        parts.append((_near(words, chain[index][1]), _best_word(words)))
    return _all(parts)


def _words_of(node: tree.Item) -> list[str]:
    if isinstance(node, tree.Phrase):
        return _phrase_words(node)
    words = [word.lstrip("@#") for word in tokens(node.value)]
    if not words:
        raise QueryError(
            N_("{value!r} has no letters or digits"), _pos(node), N_("NEAR joins words"), values={"value": node.value}
        )
    return words


def _phrase_words(node: tree.Phrase) -> list[str]:
    words = [word.lstrip("@#") for word in tokens(node.value.strip('"'))]
    if not words:
        raise QueryError(N_("the phrase has no words"), _pos(node), N_("write words between the quotes"))
    return words


def _word(node: tree.Word, terms: set[str]) -> _Compiled:
    value = node.value
    if _NEAR.match(value):
        raise QueryError(
            N_("NEAR needs a word or a phrase on each side (not a group, field or wildcard)"),
            _pos(node),
            N_("write: late NEAR/5 flight; to exclude it: NOT (late NEAR/5 flight)"),
        )
    if "*" in value or "?" in value:
        return _wildcard(node, terms)
    folded = tokens(value)
    if not folded:
        operator = {"&&": "AND", "||": "OR", "!": "NOT"}.get(value)
        hint = N_("write {operator} instead") if operator else N_("quote punctuation-only terms or remove them")
        raise QueryError(
            N_("{value!r} has no letters or digits"),
            _pos(node),
            hint,
            values={"value": value, "operator": operator or ""},
        )
    if len(folded) > 1:  # "e-commerce", "o2.es": the words in a row
        words = [word.lstrip("@#") for word in folded]
        terms.update(words)
        return _phrase(words), _best_word(words)
    word = folded[0]
    bare = word.lstrip("@#")
    terms.add(bare)
    if word[0] in "@#":
        return _tagged(lambda post: word in post.signed, signed_word=word), frozenset((bare,))
    return _tagged(lambda post: word in post.bare_set, bare_word=word), frozenset((bare,))


def _tagged(check: Predicate, **tags: object) -> Predicate:
    """Note on a check what it looks for (``bare_word``, ``signed_word``…), for ``OR`` to merge such checks."""
    for name, value in tags.items():
        setattr(check, name, value)
    return check


def _wildcard(node: tree.Word, terms: set[str]) -> _Compiled:
    value = node.value
    body = fold(value)
    sign = body[0] if body[0] in "@#" else ""
    body = body.lstrip("@#")
    stem = re.split(r"[*?]", body, maxsplit=1)[0]
    if tokens(stem) not in ([], [stem]):
        raise QueryError(
            N_("the wildcard {value!r} spans several words"),
            _pos(node),
            N_("a wildcard goes at the end of one word, like reembols*"),
            values={"value": value},
        )
    if len(stem) < 2:
        raise QueryError(
            N_("the wildcard {value!r} is too broad"),
            _pos(node),
            N_("keep at least two letters before * or ?"),
            values={"value": value},
        )
    terms.add(stem)
    pattern = re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in body) + r"\Z")
    anchors = frozenset((stem + "*",))
    if not sign and body == stem + "*":  # reembols*: a word beginning, found as a substring
        beginning = " " + stem
        return _costly(lambda post: beginning in post.haystack, 1), anchors
    if sign:
        signed = sign + stem
        return (
            _costly(lambda post: any(w.startswith(signed) and pattern.match(w, 1) for w in post.signed), 1),
            anchors,
        )
    return _costly(lambda post: any(w.startswith(stem) and pattern.match(w) for w in post.bare_set), 1), anchors


def _costly(check: Predicate, cost: int) -> Predicate:
    """Mark a check as slower than a word lookup (1) or possibly much slower (2: the language
    may need detecting), so that ``AND`` runs it after the cheap ones."""
    if cost:
        check.cost = cost  # type: ignore[attr-defined]
    return check


def _cost_of(check: Predicate) -> int:
    return int(getattr(check, "cost", 0))


def _phrase(words: list[str]) -> Predicate:
    if len(words) == 1:
        only = words[0]
        return lambda post: only in post.bare_set
    needle = " " + " ".join(words) + " "  # the words in a row, whole
    return _costly(lambda post: needle in post.haystack, 1)


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

    return _costly(match, 1)


def _field(node: tree.SearchField) -> _Compiled:
    """``lang:``, ``source:``, ``author:`` and ``site:``; all but the language can anchor a query."""
    name = node.name.lower()
    if name not in FIELDS:
        raise QueryError(
            N_("unknown field {name!r}"),
            _pos(node),
            N_("fields are {fields}; to find '{name}:' in the text, put it in quotes"),
            values={"name": node.name, "fields": ", ".join(FIELDS)},
        )
    expr = node.expr
    if isinstance(expr, tree.Group | tree.FieldGroup):
        expr = expr.expr
    values = _field_values(expr)
    if values is None:
        raise QueryError(
            N_("{name}: takes a value or (a OR b)"), _pos(node), N_("write {name}:value"), values={"name": name}
        )
    if name == "author":
        values = [value.lstrip("@") for value in values]
    if name == "site":
        values = [value.removeprefix("www.") for value in values]
        if any("/" in value for value in values):
            raise QueryError(
                N_("site: takes a domain, not an address"), _pos(node), N_("write the domain only: site:example.com")
            )
    if not all(values):
        raise QueryError(N_("{name}: needs a value"), _pos(node), N_("write {name}:value"), values={"name": name})
    wanted = frozenset(values)
    anchors = frozenset(f"{name}:{value}" for value in values)
    if name == "site":
        hosts = tuple(values)
        return (lambda post: any(post.site == h or post.site.endswith("." + h) for h in hosts)), anchors
    if name == "author":
        return (lambda post: post.author in wanted), anchors
    if name == "source":
        return (lambda post: post.source in wanted), anchors

    def language(post: PostView) -> bool:
        lang = post.lang
        return lang in wanted or lang.partition("-")[0] in wanted

    return _costly(language, 2), None


def _field_values(expr: tree.Item) -> list[str] | None:
    if isinstance(expr, tree.Word | tree.Phrase):
        return [fold(expr.value.strip('"')).strip()]
    if isinstance(expr, tree.OrOperation):
        values: list[str] = []
        for child in expr.children:
            found = _field_values(child)
            if found is None:
                return None
            values.extend(found)
        return values
    return None
