"""Versions of one story: the same wire copy re-published, re-headlined, cut or given a tail.

Qt-free. Two articles are versions when their bodies share enough word shingles (runs of
``SHINGLE`` folded tokens): their Jaccard similarity, estimated from a one-permutation MinHash
signature of ``BINS`` values, is at least ``THRESHOLD``. Folded tokens make harakat, tatweel,
hamza spellings and punctuation irrelevant; shingles make shared topic words irrelevant (two
articles about one event share words, not runs of four of them).

Candidates come from LSH: the signature cut into bands of ``ROWS`` values, each band one key;
only articles sharing a band key are compared (``reader.library.story_index`` keeps the keys
in the index and the stories up to date).

The signature is made in C loops (map, zip, sorted, dict) rather than datasketch's MinHash:
that needs numpy and costs a Python call and ``BINS`` multiplications per shingle, this ~60 µs
per article of 500 words, whose folded tokens come out of the exact terms' pass. One
permutation (one hash per shingle, its top bits choosing a bin) instead of ``BINS`` hashes is
Li, Owen and Zhang's one-permutation hashing; empty bins of a short article take the next
bin's value, rotated (Shrivastava and Li's densification).
"""

from __future__ import annotations

import math
import struct
import sys
import zlib
from array import array
from collections.abc import Sequence
from itertools import compress, repeat
from operator import and_, rshift

__all__ = ["BINS", "STORY_RULES", "as_int", "band_keys", "same_bins", "signature"]

SHINGLE = 4
SAMPLE = 4
BINS = 64
ROWS = 2
# Bands of the first BANDS * ROWS bins: with 2 rows, a pair at Jaccard 0.45 (a version cut to
# half, with a tail) shares one of 10 bands 90 % of the time, one at 0.1 only 10 %; the full
# signature then decides. Each band costs a row per file in the index: on the test corpus 12
# found no more stories than 10, and 8 lost some.
BANDS = 10
# In a bucket (the files sharing a band key), each file is compared with the first FIRST of
# it, by key: the versions of one story, however many, all meet its first ones, and a bucket
# that boilerplate (a stock sub-heading, a tail) made big costs FIRST comparisons a file, not
# one per pair. The rule depends on nothing but the order of keys, so a file linked on its
# own meets the files that grouping everything at once would compare it with.
FIRST = 2
# ... unless the bucket is boilerplate: past its first PROBE files, the others are compared
# only if one of those agreed with the first. Copies of one story agree at once; a stock
# paragraph shared by thousands of different articles then costs PROBE comparisons, not
# FIRST per file.
PROBE = 8
# Versions cut to half score ~0.45 against the whole; different articles on one event ~0.02.
THRESHOLD = 0.3
SAME_BINS = math.ceil(THRESHOLD * BINS)
# Tuples of ints hash the same in every process of one Python (no hash randomisation), but
# the algorithm may change between versions: the signatures are rebuilt then.
_PY = f"{sys.version_info[0]}.{sys.version_info[1]}"
STORY_RULES = f"stories/4 {SHINGLE}/{SAMPLE}x{BINS}/{ROWS}x{BANDS}/{FIRST}/{PROBE} py{_PY}"

# Each bin keeps the low 32 bits of its minimum. Keeping 16 (b-bit minwise hashing) halves
# the signature but was tried and dropped: the low bits of tuple hashes are mixed too little,
# and a third of the buckets of two became chance agreements.
_PACK = struct.Struct(f"<{BINS}I")
_LANE = (1 << 32) - 1
_M31 = (1 << 31) - 1
_SIZE = 4 * BINS
# hash() gives signed 64-bit ints: bins are ranges of them, from the most negative up.
_BIN_SHIFT = 64 - (BINS - 1).bit_length()
_BIN_IDS = range(-BINS // 2, BINS // 2)
# A word whose hash's low byte is a multiple of SAMPLE starts a sampled shingle. In the
# hashes as an array of C unsigned longs (at least 4 bytes: a crc32 fits), every
# _HASH_BYTES-th byte from _LOW_BYTE is a low byte, and _STARTS turns each into 1 or 0.
_HASH_BYTES = array("L").itemsize
_LOW_BYTE = 0 if sys.byteorder == "little" else _HASH_BYTES - 1
_STARTS = bytes(int(low % SAMPLE == 0) for low in range(256))


def signature(tokens: Sequence[bytes]) -> bytes:
    """The MinHash signature of a body from its folded tokens (the ``folds`` of
    ``reader.text.exact.exact_index_texts``); b"" for one of fewer than SHINGLE words,
    which is nobody's version."""
    if len(tokens) < SHINGLE:
        return b""
    th = list(map(zlib.crc32, tokens))
    # Only the shingles starting at a word whose hash is a multiple of SAMPLE: the same
    # shingles in every version, at a fraction of the cost of hashing and sorting them all.
    # Which words those are is read off the hashes' low bytes by one translate, in C
    # (a map of and_ and not_ over them took as long as the rest of the signature).
    starts = array("L", th).tobytes()[_LOW_BYTE::_HASH_BYTES].translate(_STARTS)
    shingles = compress(zip(*(th[i:] for i in range(SHINGLE)), strict=False), starts)
    # Largest first, so that in the dict each bin (a range of values: their top bits) keeps
    # its smallest: all in C, where a loop over the bins costs a third of the signature.
    hashes = sorted(map(hash, shingles), reverse=True)
    lanes = map(and_, hashes, repeat(_LANE))
    smallest = dict(zip(map(rshift, hashes, repeat(_BIN_SHIFT)), lanes, strict=True))
    if not smallest:  # a few words, none of them starting a sampled shingle
        return b""
    values = list(map(smallest.get, _BIN_IDS))
    if len(smallest) < BINS:  # most articles: ~60 sampled shingles for 64 bins
        _densify(values)
    return _PACK.pack(*values)


def _densify(values: list[int | None]) -> None:
    """Each empty bin (None) takes the value of the next filled one, round the end to the
    first: one pass backwards, knowing the nearest filled bin after each."""
    given = values.copy()
    after = next(b for b, v in enumerate(given) if v is not None) + BINS  # seen from the end
    for b in range(BINS - 1, -1, -1):
        if given[b] is not None:
            after = b
        else:
            # Rotated by the distance, so a filled bin and a borrowed value rarely look alike.
            values[b] = (given[after % BINS] * 0x9E3779B1 + after - b) & _LANE


def as_int(sig: bytes) -> int:
    """A signature as one int, for :func:`same_bins` (made once per signature)."""
    return int.from_bytes(sig, "little")


def same_bins(a: int, b: int) -> int:
    """In how many bins two signatures (as ints) agree: out of BINS, the estimated Jaccard
    similarity of the two bodies' shingles."""
    # The zero lanes of their XOR: counted in C, three times faster than comparing values.
    return array("I", (a ^ b).to_bytes(_SIZE, "little")).count(0)


def band_keys(sig: bytes) -> list[int]:
    """The signature's band keys, each unique to its band: 31 bits, which SQLite stores in
    4 bytes (a chance collision only costs one comparison of signatures)."""
    if not sig:
        return []
    v = _PACK.unpack(sig)
    # hash((band, v[2 band], v[2 band + 1])) for each band, in C.
    rows = (v[r : ROWS * BANDS : ROWS] for r in range(ROWS))
    return list(map(and_, map(hash, zip(range(BANDS), *rows, strict=True)), repeat(_M31)))
