"""Search results (or any list of articles) as a CSV file for a spreadsheet: what
``--search QUERY --csv`` prints and File › Export Results… saves. Qt-free.

Each row is one article, in the order given, with a snippet around its first match (read
from the file's head only, as the list's snippets are) and its score: the 1-based rank of
the article in the search's own order, best first (bm25; newest first for a word found
nearly everywhere). The rank is what the index gives honestly: bm25 values are only
comparable within one query, and an unranked search has none.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from reader.library.catalog import Catalog, SortKey, ViewSpec
from reader.library.entries import ArticleMeta
from reader.library.index import Hits
from reader.library.reading import read_head
from reader.text.decoding import DecodeError
from reader.text.query import Near, Term
from reader.text.snippets import make_snippet
from reader.userdata.csvfile import csv_document

RESULT_FIELDS = (
    "title", "publication", "agency", "date", "path", "snippet", "score", "id", "source",
    "dateline", "author",
)  # fmt: skip


def relevance_ranks(catalog: Catalog, hits: Hits | None) -> dict[str, int]:
    """Each result's 1-based rank by path, in the order --search prints (no filters)."""
    if hits is None:
        return {}
    ranked = catalog.articles(ViewSpec(sort=SortKey.RELEVANCE, hits=hits, grouped=False))
    return {m.path: rank for rank, m in enumerate(ranked, 1)}


def snippet_text(path: str, terms: Sequence[Term | Near]) -> str:
    """The line around the first match in the file's head; "" if none or unreadable."""
    if not terms:
        return ""
    try:
        snippet = make_snippet(read_head(path), list(terms))
    except (OSError, DecodeError):
        return ""
    return snippet.text if snippet is not None else ""


def result_rows(
    articles: Iterable[ArticleMeta], terms: Sequence[Term | Near], ranks: dict[str, int]
) -> Iterator[dict]:
    for m in articles:
        yield {
            "score": ranks.get(m.path), "title": m.title, "publication": m.publication,
            "agency": m.agency, "date": m.date, "path": m.path,
            "snippet": snippet_text(m.path, terms), "id": m.id, "source": m.source,
            "dateline": m.dateline, "author": m.author,
        }  # fmt: skip


def results_csv(
    articles: Iterable[ArticleMeta], terms: Sequence[Term | Near], ranks: dict[str, int]
) -> str:
    """The CSV document (with a byte order mark), one row per article in the given order."""
    return csv_document(RESULT_FIELDS, result_rows(articles, terms, ranks))
