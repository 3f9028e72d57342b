"""The one path from a file to an Article: read, decode, parse, with a size limit. Qt-free.

The library reads every file through :func:`read_entry` (metadata and index text), the
reading pane through :func:`open_excerpt` (as much of the article as it shows), the list's
search snippets through :func:`read_head` (a bounded read of the file's start).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.library.entries import ArticleMeta, Indexed, Skipped, file_stamp
from reader.text.article import Article, parse_article
from reader.text.decoding import DecodeError, decode_bytes, read_text_file
from reader.text.direction import article_direction_of
from reader.text.exact import exact_index_text, exact_index_texts
from reader.text.excerpt import Excerpt, excerpt
from reader.text.identity import article_id
from reader.text.sanitize import single_line

__all__ = [
    "CANNOT_READ", "HEAD_BYTES", "NO_TEXT", "READ_AHEAD", "Opened", "iter_entries",
    "open_excerpt", "read_ahead", "read_article", "read_entries", "read_entry", "read_head",
]  # fmt: skip

# Why a file is skipped, besides its decoding's reasons (reader.text.decoding).
NO_TEXT = "no text"
CANNOT_READ = "cannot read: "  # then the system's reason


def read_article(path: str | Path) -> Article:
    """Read, decode and parse one file; raises DecodeError or OSError with a reason."""
    return parse_article(read_text_file(path).text)


# A search snippet needs the first match, which nearly always lies in an article's first few
# paragraphs; this much takes ~2 ms to read and parse, a 20 MB file a third of a second.
HEAD_BYTES = 64 * 1024


def read_head(path: str | os.PathLike[str], max_bytes: int = HEAD_BYTES) -> Article:
    """The article made of a file's first ``max_bytes`` bytes (all of a smaller file).

    A longer file is cut after its last whole word in those bytes: a character cut in two
    (UTF-8, UTF-16) or a word cut short would otherwise show up, or even match, as another
    word. Raises DecodeError or OSError with a reason.
    """
    with open(path, "rb") as f:
        data = f.read(max_bytes)
        cut = bool(f.read(1))
    # decode_bytes forgives a sequence cut off at the very end (it becomes U+FFFD), which
    # is what a cut in any of the encodings it detects looks like.
    text = decode_bytes(data).text
    del data
    if cut:
        end = max(text.rfind(" "), text.rfind("\n"))
        text = text[:end] if end > 0 else text.removesuffix("\ufffd")
    return parse_article(text)


def read_entry(path: str, stories: bool = True) -> Indexed:
    """Read one file for the library and the index; a file that can't be used is Skipped.
    With ``stories``, its body's signature for finding its versions (library.stories)."""
    try:
        info = os.stat(path)
        decoded = read_text_file(path)
    except DecodeError as err:
        return Indexed(Skipped(path, str(err), *file_stamp(path)))
    except OSError as err:
        return Indexed(Skipped(path, f"{CANNOT_READ}{err.strerror or err}", *file_stamp(path)))
    article = parse_article(decoded.text)
    if not article.title and not article.blocks:
        return Indexed(Skipped(path, NO_TEXT, info.st_size, info.st_mtime_ns))
    # Imported here, where files are indexed (a worker): its tables take ~25 ms to build,
    # which the pane opening an article on the GUI thread has no use for.
    from reader.text.byline import parse_byline

    source = single_line(article.source)
    byline = parse_byline(source)
    meta = ArticleMeta(
        id=article_id(article),
        path=path,
        title=single_line(article.title),
        source=source,
        date=article.date.isoformat() if article.date else None,
        direction=article_direction_of(article),
        words=article.words,
        encoding=decoded.encoding,
        size=info.st_size,
        mtime_ns=info.st_mtime_ns,
        publication=byline.publication or "",
        agency=byline.agency or "",
        dateline=byline.dateline or "",
        author=byline.author or "",
    )
    # The line as written and the names its parts go by: "فرانس برس" on the line finds the
    # article under "أ ف ب" too.
    names = (source, meta.publication, meta.agency)
    # Exact terms (reader.text.exact): each folded token with its spelling where that
    # differs, so that one index serves the search by exact spelling too.
    # The body's folded tokens come out of the same pass, for its story's signature.
    from reader.library.stories import band_keys, signature

    folds: list[bytes] = []
    body = exact_index_texts([b.text for b in article.blocks], folds)
    # Its band keys too: made here, in a worker process, not by the one that stores them.
    sig = signature(folds) if stories else b""
    return Indexed(
        meta,
        exact_index_text(article.title),
        body,
        exact_index_text(" ".join(names)),
        sig,
        tuple(band_keys(sig)),
    )


def read_entries(paths: Sequence[str], stories: bool = True) -> list[Indexed]:
    """A batch of read_entry, for a worker process."""
    return list(iter_entries(paths, stories))


def iter_entries(paths: Sequence[str], stories: bool = True) -> Iterator[Indexed]:
    """read_entry of each path in turn, the files asked for ahead (read_ahead)."""
    return (read_entry(p, stories) for p in read_ahead(paths))


# Files a batch's reader asks the kernel for before it comes to them: the disk fetches them
# while it parses, instead of the reader waiting on each file in turn (a first index reads
# files the page cache has never held). A first index of 66,594 files, the page cache dropped
# before each, 2 workers on 2 cores, alternated: 1,118 and 1,201 articles/s without, 1,303
# and 1,358 with; the cores busy 165-168 % of 2 without, 179-182 % with.
READ_AHEAD = 64
_AHEAD_BYTES = 1 << 20  # of each file: a bigger one's rest is read when it is needed


def read_ahead(paths: Sequence[str]) -> Iterator[str]:
    """The paths, in order, each file asked of the kernel (posix_fadvise WILLNEED)
    READ_AHEAD paths before it comes; just the paths where the system takes no such advice."""
    if not hasattr(os, "posix_fadvise"):
        yield from paths
        return
    for i, path in enumerate(paths):
        for ahead in paths[i + READ_AHEAD if i else 0 : i + READ_AHEAD + 1]:
            _will_need(ahead)
        yield path


def _will_need(path: str) -> None:
    try:
        # Non-blocking: a named pipe put where a file was is not waited on.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return  # read_entry says why, when it comes to the file
    try:
        os.posix_fadvise(fd, 0, _AHEAD_BYTES, os.POSIX_FADV_WILLNEED)
    except OSError:
        pass  # not a file (a pipe, a device): nothing to fetch
    finally:
        os.close(fd)


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
