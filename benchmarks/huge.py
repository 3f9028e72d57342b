"""The event loop while a 20 MB article is indexed and opened: the longest gap between the
ticks of a 20 ms timer, against the same timer on an idle window in the same run.

The work is cut into steps of ~10–30 ms (bounded slices while indexing, a document built in
steps), so the gap should stay a small multiple of the idle one."""

from __future__ import annotations

import itertools
import statistics
import sys
import tempfile
import time
from pathlib import Path


def _write(path: Path, chars: int) -> None:
    seed = next((Path(__file__).resolve().parent.parent / "resources" / "articles").glob("*.txt"))
    paragraphs = [p for p in seed.read_text("utf-8").split("\n\n")[1:] if len(p) > 80]
    body, size = [], 0
    while size < chars:
        for p in paragraphs:
            body.append(p)
            size += len(p) + 2
    path.write_text("مقال من عشرين ميغابايت\nأ ف ب\n2020-01-01\n\n" + "\n\n".join(body), "utf-8")


def _one_run(app, tmp: Path) -> tuple[float, float, float]:
    """Longest gaps (s): idle, while indexing, while opening."""
    from PySide6.QtCore import QTimer

    from reader.app import create_main_window
    from reader.qt import paths

    library = tmp / "library"
    library.mkdir()
    _write(library / "huge.txt", 11_100_000)
    paths.set_data_dir(tmp / "data")
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()

    def gap(since: float) -> float:
        times = [since, *(t for t in ticks if t >= since), time.perf_counter()]
        return max(b - a for a, b in itertools.pairwise(times))

    def spin(until, limit: float = 300.0) -> None:
        end = time.perf_counter() + limit
        while not until() and time.perf_counter() < end:
            app.processEvents()

    start = time.perf_counter()
    spin(lambda: time.perf_counter() - start > 1.0)
    idle = gap(start)
    start = time.perf_counter()
    window = create_main_window([str(library)])
    window.resize(1200, 800)
    window.show()
    loaded: list[bool] = []
    window.library_loaded.connect(lambda: loaded.append(True))
    spin(lambda: loaded and window.current is not None)
    indexing = gap(start)
    window.close_article()
    start = time.perf_counter()
    window.select_row(0)
    spin(lambda: "is not shown" in window.view.toPlainText()[-400:])
    opening = gap(start)
    timer.stop()
    window.close()
    window.user_state.close()
    return idle, indexing, opening


def huge(runs: int) -> None:
    from reader.app import create_application

    app = create_application(sys.argv[:1])
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            results.append(_one_run(app, Path(tmp)))
    i, x, o = (statistics.median(v) * 1000 for v in zip(*results, strict=True))
    print(f"longest event-loop gap, 20 MB article, median of {runs}:")
    print(f"  idle window (20 ms timer)                      {i:7.1f} ms")
    print(f"  while the library is indexed                   {x:7.1f} ms  ({x / i:.2f}x)")
    print(f"  while the article opens                        {o:7.1f} ms  ({o / i:.2f}x)")
