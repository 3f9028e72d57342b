"""Child process for the memory benchmark: print resident memory, then exit.

``python -m benchmarks.rss bare``: only the modules a library needs, imported.
``python -m benchmarks.rss loaded INDEX LIBRARY``: the same, plus the library opened from its
index into a catalog, listed, and searched once, as the window holds it.

Prints ``rss KB`` and ``peak KB`` lines (VmRSS and VmHWM).
"""

from __future__ import annotations

import gc
import sys

from reader.library.catalog import Catalog, SortKey, ViewSpec
from reader.library.index import Index
from reader.library.search import search
from reader.library.sync import sync


def _status(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])  # kB
    raise LookupError(field)


def loaded(index_path: str, library: str, query: str) -> list:
    catalog = Catalog()
    index = Index(index_path)
    sync([library], index, on_cached=catalog.apply, on_update=lambda e, r, *_: catalog.apply(e, r))
    rows = catalog.view(ViewSpec())  # the list model keeps its rows
    result = search(index, query)
    assert result is not None
    hits = catalog.view(ViewSpec(sort=SortKey.RELEVANCE, hits=result.hits))
    # Returned so the caller keeps them alive while measuring; the index stays open.
    return [catalog, index, rows, result, hits]


if __name__ == "__main__":
    held = loaded(*sys.argv[2:5]) if sys.argv[1] == "loaded" else []
    gc.collect()
    print(f"rss {_status('VmRSS')}")
    print(f"peak {_status('VmHWM')}")
