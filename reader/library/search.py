"""A user's search over the index: parse, match, rank. Qt-free, shared by the GUI and CLI."""

from __future__ import annotations

from dataclasses import dataclass

from reader.library.index import Hits, Index, IndexError_
from reader.text.fts import QueryTooBroad, compile_query
from reader.text.query import Near, Term, parse_query


@dataclass(frozen=True)
class SearchResult:
    query: str
    terms: list[Term | Near]  # what to highlight in an article
    hits: Hits


def search(index: Index, query: str, exact: bool = False) -> SearchResult | None:
    """None for a query with nothing to look for (blank, punctuation only).

    ``exact``: words match only as typed (reader.text.exact). Raises IndexError_ for a
    query too broad to run (reader.text.fts.MAX_ALTERNATIVES).
    """
    terms = parse_query(query, exact)
    if not terms:
        return None
    try:
        match = compile_query(terms, index.terms())
    except QueryTooBroad as err:
        raise IndexError_(str(err)) from err
    # No match string: some word is in no article of this library.
    hits = index.search(match) if match is not None else Hits([], ranked=True)
    return SearchResult(query, terms, hits)
