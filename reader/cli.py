"""Command-line interface: argument parsing and the headless commands (no window, no widgets)."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from reader import __version__
from reader.qt import paths
from reader.text.sanitize import ESCAPED_IN_JSON, single_line

# The commands import the library, index and store modules when they run: `qari` without a
# command only needs the parser here, and starting the window fast is worth more.

# JSON leaves these raw, and a terminal may act on them (C1 controls) or let them reorder the
# line (bidi controls): escape them so piped output cannot spoof or drive the terminal.
_UNSAFE_IN_JSON = ESCAPED_IN_JSON


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qari",
        description="Qari (قارئ): a reader for Arabic news archives.",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH",
        help="folders or files to open as the library (default: the bundled articles)",
    )  # fmt: skip
    parser.add_argument(
        "--data-dir", metavar="DIR",
        help="where bookmarks, state and settings live (default: the platform's app-data folder)",
    )  # fmt: skip
    parser.add_argument(
        "--list", action="store_true",
        help="no window: print the library, one article per line, then each skipped file",
    )  # fmt: skip
    parser.add_argument(
        "--search", metavar="QUERY",
        help="no window: print the articles matching QUERY, best first (same fields as --list)",
    )  # fmt: skip
    parser.add_argument(
        "--exact", action="store_true",
        help="with --search: match every word as typed (hamza and alef forms, ة, ى, harakat"
        " and tatweel count; و ف ب ك ل ال may still come before it)",
    )  # fmt: skip
    form = parser.add_mutually_exclusive_group()
    form.add_argument(
        "--json", action="store_true", help="with --list or --search: one JSON object a line"
    )
    form.add_argument(
        "--csv", action="store_true",
        help="with --search (or --list): a CSV table for a spreadsheet, UTF-8 with a BOM, with"
        " a snippet and the rank of each result",
    )  # fmt: skip
    parser.add_argument(
        "--export-bookmarks",
        metavar="FILE",
        help="write all bookmarks as JSON to FILE (- for stdout)",
    )
    parser.add_argument("--import-bookmarks", metavar="FILE", help="merge bookmarks from FILE")
    parser.add_argument(
        "--export-notes", metavar="FILE", type=_notes_target,
        help="write every highlight, paragraph mark, note and bookmark to FILE, as .json, .md"
        " or .csv by its extension (- for JSON on stdout)",
    )  # fmt: skip
    parser.add_argument(
        "--import-notes", metavar="FILE", help="merge the notes of a JSON --export-notes FILE"
    )
    parser.add_argument(
        "--lang", choices=("ar", "en"),
        help="the interface language (default: as last chosen in the app, else the system's)",
    )  # fmt: skip
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _notes_target(value: str) -> str:
    """Refused with the other usage errors (exit 2), before anything is opened."""
    from reader.userdata.formats import notes_format

    if value != "-" and notes_format(value) is None:
        raise argparse.ArgumentTypeError(
            f"no notes format for {single_line(value)!r}: name the file .json, .md or .csv"
            " (or - for JSON on standard output)"
        )
    return value


def is_headless(args: argparse.Namespace) -> bool:
    commands = (args.list, args.search is not None, args.csv, args.export_bookmarks)
    return any(commands) or bool(args.import_bookmarks or args.export_notes or args.import_notes)


def default_library(given: Sequence[str]) -> list[str]:
    return list(given) if given else [str(paths.bundled_articles_dir())]


def safe_json(obj: object) -> str:
    text = json.dumps(obj, ensure_ascii=False)
    return _terminal_safe(text)


def _terminal_safe(json_text: str) -> str:
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from reader.library.index import IndexError_  # a query too broad to run
    from reader.userdata.savefile import SaveError
    from reader.userdata.store import StoreError

    out = out or sys.stdout
    err = err or sys.stderr
    try:
        if args.import_bookmarks:
            return _import(args.import_bookmarks, out, err)
        if args.export_bookmarks:
            return _export(args.export_bookmarks, out, err)
        if args.import_notes:
            return _import_notes(args.import_notes, out, err)
        if args.export_notes:
            return _export_notes(args.export_notes, out, err)
        if args.csv:
            return _list_csv(default_library(args.paths), args.search, out, args.exact)
        return _list(default_library(args.paths), args.search, args.json, out, err, args.exact)
    except (StoreError, SaveError, OSError, IndexError_) as error:
        print(f"qari: {single_line(str(error))}", file=err)
        return 1


def open_store():
    """The user's store, through the one guarded opening the window and every command use
    (reader.userdata.backup.open_user_store); and what the user must be told about it."""
    from reader.userdata.backup import open_user_store

    return open_user_store(paths.user_store_path(), paths.backups_dir(), paths.journal_path())


def _store(err: TextIO):
    """The store for a command, each notice about it told in one line on stderr."""
    from reader.ui.notices import describe

    store, notices = open_store()
    for notice in notices:
        print(f"qari: {single_line(describe(notice))}", file=err)
    return store


def _backed_up(store) -> None:
    """A command that changed the store leaves a backup, as the window does on closing; the
    journal already holds the change, so a backup that fails costs nothing yet."""
    from reader.userdata.backup import write_backup
    from reader.userdata.store import StoreError

    with contextlib.suppress(OSError, StoreError):
        write_backup(store, paths.backups_dir())


def _load(library: Sequence[str], quick: bool = False):
    """The library brought up to date in its index, as a catalog; the open index; and the
    folders that could not be read.

    ``quick``: when no file was added, removed or renamed in the library's folders since
    it was last read in full (Index.unchanged), the index answers as it is, without a stat
    of every file: a search over a million articles starts at once."""
    from reader.library.catalog import Catalog
    from reader.library.entries import Skipped
    from reader.library.index import Index
    from reader.library.scan import absolute
    from reader.library.sync import sync

    problems: list[Skipped] = []

    def on_update(entries: list, _removed: list, done: int, _total: int) -> None:
        if not done:  # the folders that could not be read come before any file
            problems.extend(e for e in entries if isinstance(e, Skipped))

    index = Index(paths.index_path(library))
    try:
        if index.needs_rebuild():
            index.rebuild()
        if not (quick and index.unchanged(absolute(library))):
            sync(library, index, on_update=on_update)
    except BaseException:
        index.close()
        raise
    return Catalog(index), index, problems


def _from_index(library: Sequence[str], query: str | None, exact: bool = False):
    """The articles to print (best first for a query), the search's terms (for snippets),
    the catalog and the open index (the caller closes it), and the folders not read. The
    index is a cache: one damaged past what opening it noticed is thrown away and built
    again from the files."""
    import sqlite3

    from reader.library.index import Index

    quick = query is not None  # a search answers from an unchanged library's index
    try:
        return _query(*_load(library, quick), query, exact)
    except sqlite3.DatabaseError:
        damaged = Index(paths.index_path(library))
        damaged.rebuild()
        damaged.close()
        return _query(*_load(library), query, exact)


def _query(catalog, index, problems, query: str | None, exact: bool = False):
    from reader.library.catalog import SortKey, ViewSpec
    from reader.library.search import search

    try:
        if query is None:
            articles = sorted(catalog.articles(ViewSpec(grouped=False)), key=lambda m: m.path)
            return articles, [], catalog, index, problems
        found = search(index, query, exact)
        if found is None:
            return [], [], catalog, index, problems
        view = catalog.view(ViewSpec(sort=SortKey.RELEVANCE, hits=found.hits))
        return _pages(catalog, view.keys), found.terms, catalog, index, problems
    except BaseException:
        index.close()
        raise


def _pages(catalog, keys) -> Iterator:
    """The articles of a view's rows, a page at a time: a million rows are never a million
    records at once."""
    for start in range(0, len(keys), 500):
        yield from catalog.metas(keys[start : start + 500])


def _list_csv(library: Sequence[str], query: str | None, out: TextIO, exact: bool) -> int:
    """The rows of --json, in its order, as CSV. The user's store is not opened: the table
    has no bookmark column, and a spreadsheet is no place to report the store's state."""
    from reader.library.results import results_csv

    articles, terms, _catalog, index, _problems = _from_index(library, query, exact)
    try:
        articles = list(articles)
        ranks = {m.path: rank for rank, m in enumerate(articles, 1)} if query is not None else {}
        out.write(results_csv(articles, terms, ranks))
    finally:
        index.close()
    return 0


def _list(
    library: Sequence[str], query: str | None, as_json: bool, out: TextIO, err: TextIO,
    exact: bool = False,
) -> int:  # fmt: skip
    from reader.userdata.store import StoreError

    articles, _terms, catalog, index, problems = _from_index(library, query, exact)
    try:
        store = _store(err)
        try:
            # As the window does once it has read the library; a store that can't be written
            # lists its bookmarks under the ids it has.
            with contextlib.suppress(StoreError):
                if store.follow_reparsed(catalog.seen(*store.annotated())):
                    _backed_up(store)
            bookmarked = store.bookmarked_ids()
        finally:
            store.close()
        _print_rows(catalog, articles, bookmarked, as_json, out)
        if query is None:
            for s in sorted([*catalog.skipped(), *problems], key=lambda s: s.path):
                if as_json:
                    print(safe_json({"path": s.path, "skipped": s.reason}), file=out)
                else:
                    print(f"skipped\t{single_line(s.path)}\t{single_line(s.reason)}", file=out)
    finally:
        index.close()
    return 0


def _print_rows(catalog, articles, bookmarked: set[str], as_json: bool, out: TextIO) -> None:
    page: list = []
    for m in articles:
        page.append(m)
        if len(page) == 500:
            _print_page(catalog, page, bookmarked, as_json, out)
            page = []
    _print_page(catalog, page, bookmarked, as_json, out)


def _print_page(catalog, page: list, bookmarked: set[str], as_json: bool, out: TextIO) -> None:
    # The versions of one story share its first file's article id (library.stories).
    stories = catalog.story_ids([m.key for m in page]) if as_json else {}
    for m in page:
        if as_json:
            row = {
                "id": m.id, "path": m.path, "title": m.title, "source": m.source,
                "publication": m.publication or None, "agency": m.agency or None,
                "dateline": m.dateline or None, "author": m.author or None,
                "date": m.date, "direction": m.direction, "words": m.words,
                "bookmarked": m.id in bookmarked,
                "story": stories.get(m.key, m.id),
            }  # fmt: skip
            print(safe_json(row), file=out)
        else:
            mark = "★" if m.id in bookmarked else " "
            fields = (mark, m.date or "----------", m.title, m.source, single_line(m.path))
            print("\t".join(fields), file=out)


def _write_out(target: str, text: str, out: TextIO) -> bool:
    """JSON or text to standard output ("-", made terminal-safe) or atomically to a file;
    True for a file."""
    if target == "-":
        out.write(_terminal_safe(text))
        return False
    from reader.userdata.savefile import write_atomically

    write_atomically(target, text.encode("utf-8"))
    return True


def _export(target: str, out: TextIO, err: TextIO) -> int:
    store = _store(err)
    try:
        text = store.export_json()
    finally:
        store.close()
    _write_out(target, text, out)
    return 0


def _import(source: str, out: TextIO, err: TextIO) -> int:
    from reader.userdata.store import StoreError

    try:
        text = Path(source).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise StoreError(f"{source} is not a bookmarks file (not UTF-8 text)") from error
    store = _store(err)
    try:
        added = store.import_json(text)
        total = len(store.bookmarks())
        _backed_up(store)
    finally:
        store.close()
    print(f"{added} bookmark(s) added; {total} in all", file=out)
    return 0


def _export_notes(target: str, out: TextIO, err: TextIO) -> int:
    from reader.userdata.exports import items, render
    from reader.userdata.formats import notes_format

    fmt = "json" if target == "-" else notes_format(target)
    store = _store(err)
    try:
        entries = items(store)
    finally:
        store.close()
    if _write_out(target, render(entries, fmt), out):
        print(f"{len(entries)} item(s) written to {single_line(target)}", file=out)
    return 0


def _import_notes(source: str, out: TextIO, err: TextIO) -> int:
    from reader.userdata.exports import import_notes
    from reader.userdata.store import StoreError

    try:
        text = Path(source).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise StoreError(f"{source} is not a notes export (not UTF-8 text)") from error
    store = _store(err)
    try:
        added = import_notes(store, text)
        total = len(store.marks()) + len(store.bookmarks())
        _backed_up(store)
    finally:
        store.close()
    print(f"{added} item(s) added; {total} in all", file=out)
    return 0
