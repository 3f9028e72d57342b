"""Versions of one story: the same wire copy re-published, re-headlined, cut or given a tail.

Qt-free. Two articles are versions when their bodies share enough word shingles (runs of
``SHINGLE`` folded tokens): their Jaccard similarity, estimated from a one-permutation MinHash
signature of ``BINS`` values, is at least ``THRESHOLD``. Folded tokens make harakat, tatweel,
hamza spellings and punctuation irrelevant; shingles make shared topic words irrelevant (two
articles about one event share words, not runs of four of them).

Candidates come from LSH: the signature cut into bands of ``ROWS`` values, each band one key
in the index's ``bands`` table; only articles sharing a band key are compared. A story is a
connected component of the graph "shares a band key and the estimate passes", and its id is
the smallest file key in it: adding a file only looks up its own band keys and merges the
stories it touches; removing one recomputes the components of its story's other members.
Either way the result is what indexing everything at once would give.

The signature is made in C loops (map, zip, sorted, dict) rather than datasketch's MinHash:
that needs numpy and costs a Python call and ``BINS`` multiplications per shingle, this ~30 µs
per article of 500 words. One permutation (one hash per shingle, its top bits choosing a bin)
instead of ``BINS`` hashes is Li, Owen and Zhang's one-permutation hashing; empty bins of a
short article take the next bin's value, rotated (Shrivastava and Li's densification).
"""

from __future__ import annotations

import re
import sqlite3
import struct
import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from operator import and_, not_

from reader.text.normalize import index_texts

__all__ = ["BINS", "STORY_RULES", "band_keys", "link", "relink", "signature", "similarity"]

SHINGLE = 4
SAMPLE = 4
BINS = 64
ROWS = 2
# Bands of the first BANDS * ROWS bins: with 2 rows, a pair at Jaccard 0.45 (a version cut to
# half, with a tail) shares a band 93 % of the time, one at 0.1 only 11 %; the full signature
# then decides. More bands find a little more and cost a row each in the index.
BANDS = 12
# A band key shared by more articles than this is boilerplate (a stock sub-heading, a tail),
# not a sign of versions: comparing with all of them would make indexing quadratic.
BUCKET_CAP = 64
# Versions cut to half score ~0.45 against the whole; different articles on one event ~0.02.
THRESHOLD = 0.3
# Tuples of ints hash the same in every process of one Python (no hash randomisation), but
# the algorithm may change between versions: the signatures are rebuilt then.
_PY = f"{sys.version_info[0]}.{sys.version_info[1]}"
STORY_RULES = f"stories/1 {SHINGLE}/{SAMPLE}x{BINS}/{ROWS}x{BANDS} py{_PY}"

_PACK = struct.Struct(f"<{BINS}I")
_M32 = (1 << 32) - 1
_M31 = (1 << 31) - 1
_SIZE = 4 * BINS
# hash() gives signed 64-bit ints: bins are ranges of them, from the most negative up.
_BIN_SHIFT = 64 - (BINS - 1).bit_length()
_BIN_STARTS = [b << _BIN_SHIFT for b in range(-BINS // 2, BINS // 2)]
# What an exact term adds to its fold (reader.text.exact): "·" and the spelling, if any.
_EXACT_PART = re.compile(rb"\xc2\xb7\S*")


def signature(paragraphs: Iterable[str]) -> bytes:
    """The MinHash signature of a body; b"" for one of fewer than SHINGLE words, which is
    nobody's version."""
    tokens = index_texts(paragraphs).encode("utf-8").split()
    if len(tokens) < SHINGLE:
        return b""
    th = list(map(zlib.crc32, tokens))
    # Only the shingles starting at a word whose hash is a multiple of SAMPLE: the same
    # shingles in every version, at a fraction of the cost of hashing and sorting them all.
    starts = map(not_, map(and_, th, repeat(SAMPLE - 1)))
    shingles = compress(zip(*(th[i:] for i in range(SHINGLE)), strict=False), starts)
    hashes = sorted(set(map(hash, shingles)))
    if not hashes:  # a few words, none of them starting a sampled shingle
        return b""
    # A bin is a range of hash values (its top bits): its smallest hash is the first one
    # at or after the range's start, if that is still in the range.
    values = [0] * BINS
    filled: set[int] = set()
    count = len(hashes)
    for b, low in enumerate(_BIN_STARTS):
        i = bisect_left(hashes, low)
        if i < count and hashes[i] >> _BIN_SHIFT == low >> _BIN_SHIFT:
            values[b] = hashes[i] & _M32
            filled.add(b)
    if len(filled) < BINS:
        _densify(values, filled)
    return _PACK.pack(*values)


def _densify(values: list[int], filled: set[int]) -> None:
    for b in range(BINS):
        if b in filled:
            continue
        step = 1
        while (b + step) % BINS not in filled:
            step += 1
        # Rotated by the distance, so a filled bin and a borrowed value rarely look alike.
        values[b] = (values[(b + step) % BINS] * 0x9E3779B1 + step) & _M32


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two bodies' shingles, from their signatures."""
    if not a or not b:
        return 0.0
    # The bins where the two agree are the zero lanes of their XOR: counted in C, three
    # times faster than comparing the unpacked values.
    same = (int.from_bytes(a, "little") ^ int.from_bytes(b, "little")).to_bytes(_SIZE, "little")
    return array("I", same).count(0) / BINS


def band_keys(sig: bytes) -> list[int]:
    """The signature's band keys, each unique to its band: 31 bits, which SQLite stores in
    4 bytes (a chance collision only costs one comparison of signatures)."""
    if not sig:
        return []
    v = _PACK.unpack(sig)
    return [hash((band, *v[band * ROWS : band * ROWS + ROWS])) & _M31 for band in range(BANDS)]


SCHEMA = """
    CREATE TABLE bands (key INTEGER, file_key INTEGER, PRIMARY KEY (key, file_key))
        WITHOUT ROWID;
    CREATE INDEX files_story ON files (story);
"""


class _Roots:
    """Union-find over story ids, the smaller id becoming the root."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:
            parent[x], x = root, parent.get(x, x)
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def link(db: sqlite3.Connection, added: Sequence[tuple[int, bytes]]) -> None:
    """Give files just inserted (key, signature) their stories, merging the stories they
    bridge. Their rows in ``files`` start as stories of their own (story = key)."""
    rows = [(k, key) for key, sig in added for k in band_keys(sig)]
    if not rows:
        return
    db.executemany("INSERT OR IGNORE INTO bands (key, file_key) VALUES (?, ?)", rows)
    mine = dict(added)
    # In memory: a batch's band keys, a few thousand rows, live only for this query.
    db.execute("CREATE TEMP TABLE IF NOT EXISTS new_bands (key INTEGER, file_key INTEGER)")
    db.execute("DELETE FROM new_bands")
    db.executemany("INSERT INTO new_bands VALUES (?, ?)", rows)
    # Band rows of files since removed are left behind; joining with files drops them.
    # A bucket is counted only up to the cap, and once per band key of the batch.
    found = db.execute(
        "WITH n AS MATERIALIZED (SELECT key, file_key FROM new_bands WHERE"
        " (SELECT count(*) FROM (SELECT 1 FROM bands c WHERE c.key = new_bands.key LIMIT ?))"
        " <= ?)"
        " SELECT DISTINCT n.file_key, f.key, f.story, f.signature FROM n"
        " JOIN bands b ON b.key = n.key JOIN files f ON f.key = b.file_key"
        " WHERE f.key != n.file_key",
        (BUCKET_CAP + 1, BUCKET_CAP),
    ).fetchall()
    db.execute("DELETE FROM new_bands")
    roots = _Roots()
    joined: set[tuple[int, int]] = set()
    for key, other, story, sig in found:
        # A file of the batch is its own story until merged here.
        target = other if other in mine else story
        if (key, target) not in joined and similarity(mine[key], sig) >= THRESHOLD:
            joined.add((key, target))
            roots.union(key, target)
    _apply(db, roots)


def _apply(db: sqlite3.Connection, roots: _Roots) -> None:
    moved = [(roots.find(x), x) for x in roots.parent]
    db.executemany("UPDATE files SET story = ? WHERE story = ?", moved)


def relink(db: sqlite3.Connection, stories: Iterable[int]) -> None:
    """Recompute the stories that lost a member: what is left of one may fall apart."""
    for story in set(stories):
        members = db.execute(
            "SELECT key, signature FROM files WHERE story = ? ORDER BY key", (story,)
        ).fetchall()
        if not members:
            continue
        buckets: dict[int, list[int]] = {}
        sigs = dict(members)
        roots = _Roots()
        for key, sig in members:
            roots.find(key)
            for k in band_keys(sig):
                for other in buckets.setdefault(k, []):
                    if similarity(sig, sigs[other]) >= THRESHOLD:
                        roots.union(key, other)
                buckets[k].append(key)
        split = [(roots.find(key), key) for key, _ in members]
        moved = [r for r in split if r[0] != story]
        db.executemany("UPDATE files SET story = ? WHERE key = ?", moved)
