"""Qari's benchmarks. Each reports medians and a ratio to a baseline measured in the same run.

python -m benchmarks startup [--runs 5]   cold start to first painted window, vs bare Qt
python -m benchmarks open [--runs 30]     click in the list to the article painted
python -m benchmarks huge [--runs 3]      event-loop gaps, a 20 MB article indexed and opened
python -m benchmarks corpus DIR --count N [--seed 1]   write a synthetic archive (no timing)
python -m benchmarks library [--count 100000] [--runs 3] [--keep DIR]
    index, reopen, search, memory and the window's list in use over a synthetic archive
python -m benchmarks userdata [--runs 200] [--dir DIR]
    a bookmark toggled through the store and its journal, vs a bare SQLite commit
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _first_paint(*args: str) -> dict[str, float]:
    """Seconds from launching a fresh interpreter to each reported moment."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.first_paint", *args],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    # perf_counter is CLOCK_MONOTONIC on Linux: comparable across processes.
    return {
        label: float(value) - start
        for label, value in (line.split() for line in done.stdout.splitlines())
    }


def startup(runs: int) -> None:
    import compileall

    # As installed (pip writes the bytecode): a checkout run with PYTHONDONTWRITEBYTECODE
    # would otherwise compile every module at every launch, which no user's start pays.
    for package in ("reader", "benchmarks"):
        compileall.compile_dir(ROOT / package, quiet=1)
    times: dict[str, list[float]] = {}
    for _ in range(runs):
        # A fresh data dir each time: a first launch, then the same again (the index kept,
        # the article read last reopened), as a returning reader starts.
        with tempfile.TemporaryDirectory() as data:
            for name, args in (("bare", ["baseline"]), ("floor", ["floor"]),
                               ("first", ["qari", data]), ("again", ["qari", data])):  # fmt: skip
                for moment, t in _first_paint(*args).items():
                    times.setdefault(f"{name} {moment}", []).append(t)
    m = {name: statistics.median(t) * 1000 for name, t in times.items()}
    b, f = m["bare painted"], m["floor painted"]
    platform = os.environ.get("QT_QPA_PLATFORM") or ("xcb" if os.environ.get("DISPLAY") else "?")
    print(f"start-up, median of {runs} (platform {platform}):")
    print(f"  bare QMainWindow + QTextBrowser, first paint   {b:7.1f} ms")
    print(f"  the floor: + fonts, Qt namespace, a list       {f:7.1f} ms  ({f / b:.2f}x)")
    for name, start in (("first", "a first start"), ("again", "started again")):
        for moment, what in (("painted", "first paint"), ("article", "the article shown")):
            t = m[f"{name} {moment}"]
            label = f"Qari, {start}: {what}"
            print(f"  {label:<46} {t:7.1f} ms  ({t / b:.2f}x, {t / f:.2f}x the floor)")


def open_article(runs: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QTextBrowser

    from reader.app import create_application, create_main_window
    from reader.library.reading import read_article
    from reader.qt import paths

    seed = next((ROOT / "resources" / "articles").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        library = Path(tmp) / "library"
        library.mkdir()
        # Two different articles to alternate between: the seed and its paragraphs reversed.
        text = seed.read_text(encoding="utf-8")
        head, _, body = text.partition("\n\n")
        (library / "a.txt").write_text(text, encoding="utf-8")
        reversed_body = "\n\n".join(reversed(body.split("\n\n")))
        (library / "b.txt").write_text(f"{head} 2\n\n{reversed_body}", encoding="utf-8")
        paths.set_data_dir(Path(tmp) / "data")
        app = create_application(sys.argv[:1])
        window = create_main_window([str(library)])
        window.resize(1200, 800)
        window.show()
        while window.model.rowCount() < 2 or window.session.is_loading():
            app.processEvents()
        rects = [window.list.visualRect(window.model.index(r, 1)) for r in range(2)]
        timings = []
        for i in range(runs):
            start = time.perf_counter()
            QTest.mouseClick(
                window.list.viewport(), Qt.MouseButton.LeftButton, pos=rects[i % 2].center()
            )
            window.view.viewport().repaint()
            timings.append(time.perf_counter() - start)
        # Baseline: the same file read and set as plain text in a bare QTextBrowser.
        browser = QTextBrowser()
        browser.resize(window.view.size())
        browser.show()
        base = []
        for i in range(runs):
            start = time.perf_counter()
            browser.setPlainText((library / ("a.txt" if i % 2 else "b.txt")).read_text("utf-8"))
            browser.viewport().repaint()
            base.append(time.perf_counter() - start)
        parse = []
        for _ in range(runs):
            start = time.perf_counter()
            read_article(library / "a.txt")
            parse.append(time.perf_counter() - start)
        window.close()
    m, b, p = (statistics.median(x) * 1000 for x in (timings, base, parse))
    print(f"open an article, median of {runs}:")
    print(f"  plain text into a bare QTextBrowser, painted   {b:7.2f} ms")
    print(f"  Qari: click in the list to article painted     {m:7.2f} ms  ({m / b:.2f}x)")
    print(f"    of which reading + decoding + parsing        {p:7.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("startup").add_argument("--runs", type=int, default=5)
    sub.add_parser("open").add_argument("--runs", type=int, default=30)
    sub.add_parser("huge").add_argument("--runs", type=int, default=3)
    corpus = sub.add_parser("corpus")
    corpus.add_argument("dir")
    corpus.add_argument("--count", type=int, required=True)
    corpus.add_argument("--seed", type=int, default=1)
    library = sub.add_parser("library")
    library.add_argument("--count", type=int, default=100_000)
    library.add_argument("--runs", type=int, default=3)
    library.add_argument("--seed", type=int, default=1)
    library.add_argument("--keep", metavar="DIR", help="corpus folder to keep (and reuse)")
    userdata = sub.add_parser("userdata")
    userdata.add_argument("--runs", type=int, default=200)
    userdata.add_argument("--dir", help="where to write (a folder on the data folder's disk)")
    args = parser.parse_args()
    if args.command == "corpus":
        from benchmarks.corpus import corpus as write_corpus

        write_corpus(args.dir, args.count, args.seed)
    elif args.command == "library":
        from benchmarks.library import library as run_library

        run_library(args.count, args.runs, args.seed, args.keep)
    elif args.command == "userdata":
        from benchmarks.userdata import userdata as run_userdata

        run_userdata(args.runs, args.dir)
    elif args.command == "huge":
        from benchmarks.huge import huge

        huge(args.runs)
    else:
        {"startup": startup, "open": open_article}[args.command](args.runs)


if __name__ == "__main__":
    main()
