"""A user's search over the index: parse, match, rank. Qt-free, shared by the GUI and CLI."""

from __future__ import annotations

from dataclasses import dataclass

from reader.library.index import Hits, Index
from reader.text.query import Term, fts_match, parse_query


@dataclass(frozen=True)
class SearchResult:
    query: str
    terms: list[Term]  # what to highlight in an article
    hits: Hits


def search(index: Index, query: str) -> SearchResult | None:
    """None for a query with nothing to look for (blank, punctuation only)."""
    terms = parse_query(query)
    if not terms:
        return None
    return SearchResult(query, terms, index.search(fts_match(terms)))
