"""The one path from a file to an Article: read, decode, parse, with a size limit. Qt-free.

The library reads every file through :func:`read_entry` (metadata and index text), the
reading pane through :func:`open_excerpt` (as much of the article as it shows).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.library.entries import ArticleMeta, Indexed, Skipped
from reader.text.article import Article, BlockKind, article_id, parse_article
from reader.text.decoding import DecodeError, decode_bytes, read_text_file
from reader.text.direction import article_direction
from reader.text.excerpt import Excerpt, excerpt
from reader.text.normalize import index_text, index_texts
from reader.text.sanitize import single_line

__all__ = ["Opened", "open_excerpt", "read_article", "read_entries", "read_entry"]


def read_article(path: str | Path) -> Article:
    """Read, decode and parse one file; raises DecodeError or OSError with a reason."""
    return parse_article(read_text_file(path).text)


# The direction of an article is decided by its opening, this many characters of title and
# body (captions aside): that is the whole of nearly every article, so their direction is
# what counting all of it gives, and a 20 MB file costs no more than a long article.
DIRECTION_SAMPLE = 20_000


def _direction_sample(article: Article) -> list[str]:
    sample = [article.title]
    budget = DIRECTION_SAMPLE - len(article.title)
    for block in article.blocks:
        if budget <= 0:
            break
        if block.kind is not BlockKind.CAPTION:
            sample.append(block.text[:budget])
            budget -= len(block.text) + 1  # + the newline joining them
    return sample


def read_entry(path: str) -> Indexed:
    """Read one file for the library and the index; a file that can't be used is Skipped."""
    try:
        info = os.stat(path)
        decoded = read_text_file(path)
    except DecodeError as err:
        return Indexed(Skipped(path, str(err), *file_stamp(path)))
    except OSError as err:
        return Indexed(Skipped(path, f"cannot read: {err.strerror or err}", *file_stamp(path)))
    article = parse_article(decoded.text)
    if not article.title and not article.blocks:
        return Indexed(Skipped(path, "no text", info.st_size, info.st_mtime_ns))
    meta = ArticleMeta(
        id=article_id(article),
        path=path,
        title=single_line(article.title),
        source=single_line(article.source),
        date=article.date.isoformat() if article.date else None,
        direction=article_direction(_direction_sample(article)),
        words=article.words,
        encoding=decoded.encoding,
        size=info.st_size,
        mtime_ns=info.st_mtime_ns,
    )
    return Indexed(meta, index_text(article.title), index_texts([b.text for b in article.blocks]))


def read_entries(paths: Sequence[str]) -> list[Indexed]:
    """A batch of read_entry, for a worker process."""
    return [read_entry(p) for p in paths]


def file_stamp(path: str) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (0, 0)
    return (info.st_size, info.st_mtime_ns)


@dataclass(frozen=True, slots=True)
class Opened:
    """An article file, read for the reading pane."""

    excerpt: Excerpt
    article_id: str  # of the whole article, as the library computed it


def open_excerpt(path: str | os.PathLike[str], max_bytes: int | None = None) -> Opened | None:
    """Read, decode and parse an article file for the pane; OSError or DecodeError say why not.

    With ``max_bytes``, a larger file is not read past that and None is returned: the caller
    then reads it elsewhere (a worker thread) without the limit.
    """
    if max_bytes is None:
        text = read_text_file(path).text
    else:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
        if len(data) > max_bytes:
            return None
        text = decode_bytes(data).text
        del data
    article = parse_article(text)
    del text  # only the parsed blocks are needed from here on
    return Opened(excerpt(article), article_id(article))
