"""Catalogs over a real index, filled with the tests' own records, keys as they number them."""

from __future__ import annotations

from pathlib import Path

from reader.library.catalog import Catalog, ViewSpec
from reader.library.entries import ArticleMeta, Indexed, Skipped
from reader.library.index import Index
from reader.text.exact import exact_index_text


def indexed_catalog(
    path: Path, entries: list[ArticleMeta | Skipped], stories: dict[int, int] | None = None
) -> Catalog:
    """A catalog over a fresh index at ``path`` holding ``entries`` (their keys 1, 2, … in
    order, as put gives them), each article's title as its text; ``stories``: file key ->
    story key, as reader.library.story_index would group them."""
    index = Index(path)
    stored = index.put(
        Indexed(e, exact_index_text(e.title), exact_index_text(e.title))
        if isinstance(e, ArticleMeta)
        else Indexed(e)
        for e in entries
    )
    wanted = [e.key for e in entries if isinstance(e, ArticleMeta)]
    assert [e.key for e in stored if isinstance(e, ArticleMeta)] == wanted
    if stories:
        with index.db:
            index.db.executemany(
                "UPDATE files SET story = ? WHERE key = ?", [(s, k) for k, s in stories.items()]
            )
    return Catalog(index)


def rows(catalog: Catalog, spec: ViewSpec) -> list[ArticleMeta]:
    """The articles of a view's rows, in order."""
    return catalog.metas(catalog.view(spec).keys)
