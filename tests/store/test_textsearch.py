"""The full-text prefilter of the query language (SQLite FTS5, migration 0008) never loses a
match: on a week of the scenario (real SQLite, the whole pipeline), every query finds through the
index exactly what reading every stored mention finds, with the index full, half filled (it is
filled in the background) or empty; the dashboard fills it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from ascua.config import Workspace
from ascua.query.compile import PostView, compile_query
from ascua.query.preview import preview_query
from ascua.radar import Radar
from ascua.scenario.generator import WaveTruth
from ascua.store.schema import analysis, mention
from ascua.store.textsearch import catch_up, has_index, indexed_upto, match_expression
from ascua.web.data import Search, search_mentions

QUERIES = (
    "reembols* OR cancelado",
    "atención",  # accents: the index folds them as the query language does
    "ATENCION AND cliente",
    '"sin aviso"',
    "#vuelaya",
    "@vuelaya_ayuda",
    "maleta NOT perdida",
    '"late flight"~5 OR delayed',
    "vuelo NEAR/3 cancelado",
    "cancel* AND (vuelaya OR frutalia)",
    "lang:en stranded",
    "app AND source:x",
    "ñu OR niño",
    "aeropuerto -madrid",
)


def test_the_index_answers_what_reading_everything_answers(won_back: tuple[Workspace, WaveTruth]) -> None:
    workspace, _truth = won_back
    with Radar.open(workspace) as radar:
        with radar.database.engine.connect() as connection:
            assert has_index(connection)
            rows = connection.execute(
                select(mention.c.id, mention.c.text, mention.c.lang, analysis.c.lang.label("analysed"),
                       mention.c.source, mention.c.author_handle, mention.c.url)
                .outerjoin(analysis, analysis.c.mention_id == mention.c.id)
            ).all()  # fmt: skip
        engine = radar.database.engine
        with engine.connect() as connection:
            assert indexed_upto(connection) == 0  # nothing indexed on import: storing never waits for it
        assert catch_up(engine, batch=500, limit=len(rows) // 2) >= len(rows) // 2  # half of it
        _same_as_reading_everything(radar, rows)
        assert catch_up(engine) > 0 and catch_up(engine) == 0
        with engine.connect() as connection:
            assert indexed_upto(connection) == max(row.id for row in rows)
        _same_as_reading_everything(radar, rows)
        _few_hits_sorted_like_the_walk_back(radar)


def _same_as_reading_everything(radar: Radar, rows: Sequence[Any]) -> None:
    used = 0
    for text in QUERIES:
        query = compile_query(text)
        expected = {
            row.id
            for row in rows
            if query.matches(PostView.of(row.text, lang=row.lang or row.analysed, source=row.source,
                                         author=row.author_handle, url=row.url))
        }  # fmt: skip
        found = preview_query(radar.database, text, limit=5)
        assert (found.matched, found.scanned) == (len(expected), len(rows)), text
        used += match_expression(query.anchors) is not None
        # the mentions page and the API: the same search, a page at a time
        with radar.database.engine.connect() as connection:
            page = search_mentions(connection, Search(q=text), limit=10_000)
        assert {item["id"] for item in page.items} == expected, text
    assert used >= 8, "most of these queries should be answered through the index"


def _few_hits_sorted_like_the_walk_back(radar: Radar) -> None:
    """A query few posts match is led by the index and sorted; one many match walks back in time:
    both give the same pages, in the same order, with every filter."""
    import ascua.store.textsearch as textsearch

    searches = [
        {"brand": "vuelaya"}, {"brand": "vuelaya", "sentiment": "negative"}, {"brand": "frutalia", "source": "x"},
        {"lang": "es"}, {"brand": "vuelaya", "author": "@ana"}, {},
    ]  # fmt: skip
    compared = 0
    for text in ("cancel* OR maleta OR reembols*", "vuelaya", "app AND source:x", "aeropuerto -madrid"):
        for filters in searches:
            pages = []
            for few in (textsearch.FEW_HITS, 0):
                original, textsearch.FEW_HITS = textsearch.FEW_HITS, few
                try:
                    with radar.database.engine.connect() as connection:
                        pages.append([[item["id"] for item in search_mentions(
                            connection, Search(q=text, **filters), limit=7, offset=offset).items]
                            for offset in (0, 7, 21)])  # fmt: skip
                finally:
                    textsearch.FEW_HITS = original
            assert pages[0] == pages[1], (text, filters)
            compared += sum(len(page) for page in pages[0])
    assert compared > 100


def test_only_plain_words_are_asked_of_the_index() -> None:
    assert match_expression(frozenset({"reembols*", "cancelado"})) == '"cancelado" OR "reembols"*'
    assert match_expression(None) is None and match_expression(frozenset()) is None
    assert match_expression(frozenset({"source:x"})) is None  # a field: not in the text
    assert match_expression(frozenset({'a"b'})) is None and match_expression(frozenset({"x*"})) is None
