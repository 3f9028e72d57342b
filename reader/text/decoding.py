"""Turn the bytes of a news text file into ``str``, guessing the encoding.

Detection order: BOM -> UTF-16 without BOM -> UTF-8 -> legacy 8-bit Arabic
(windows-1256 or ISO-8859-6, picked by a score, or the caller's ``fallback``).

``Decoded.encoding`` is always Python's canonical codec name (``codecs.lookup(x).name``)
chosen so that ``data.decode(encoding)`` yields the text before newline normalisation:

* ``"utf-8-sig"``, ``"utf-16"``, ``"utf-32"`` -- the file starts with that BOM
  (these codecs consume it; UTF-16/32 byte order comes from the BOM itself);
* ``"utf-16-le"``, ``"utf-16-be"`` -- UTF-16 without BOM;
* ``"utf-8"`` -- UTF-8 without BOM, including plain ASCII;
* ``"cp1256"`` (windows-1256), ``"iso8859-6"`` -- legacy 8-bit guesses;
* or the canonical name of the caller's ``fallback`` codec.

Two exceptions: when a few damaged bytes became U+FFFD (see ``_decode_unicode``) only
``data.decode(encoding, "replace")`` works, and a cp1256 file behind a stray UTF-8 BOM
reports "cp1256" for the bytes after the BOM.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass

from reader.text import _fast

__all__ = ["DecodeError", "Decoded", "decode_bytes", "read_text_file"]

EMPTY = "empty file"
BINARY_NUL = "binary data (NUL bytes)"
BINARY_CONTROL = "binary data (control characters)"
NOT_TEXT = "not text in any supported encoding"
TOO_LARGE = "file too large"  # then, in brackets, its size and the limit

# Heuristics only look at this much; the decode itself always covers the whole file.
_SAMPLE = 64 * 1024
# The cp1256/ISO-8859-6 score is settled after a few dozen words; keep its regexes cheap.
_SCORE_SAMPLE = 16 * 1024

# C0 controls that never occur in prose. \t \n \r \f are normal; \v is how Word exports
# manual line breaks, so it is not evidence of binary data either.
_CONTROL_BYTES = bytes([*range(0x01, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROL_RE = re.compile(f"[{re.escape(_CONTROL_BYTES.decode('ascii'))}]")
_MAX_CONTROL_RATIO = 0.05
_MIN_CONTROLS = 8  # a short file with a pasted escape sequence or two is still text

# Invalid sequences accepted inside otherwise good Unicode data: at most 1 % of bytes.
_MAX_ERROR_RATIO = 0.01

# Arabic letters proper (hamza .. yeh); tatweel and harakat are deliberately left out.
_AR_LETTERS = frozenset(map(chr, [*range(0x0621, 0x063B), *range(0x0641, 0x064B)]))

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # (bom, codec for the body, reported name). UTF-32 first: its LE BOM starts with
    # the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)


class DecodeError(ValueError):
    """The bytes are not readable text; ``str(err)`` is a short human-readable reason."""


@dataclass(frozen=True)
class Decoded:
    text: str  # BOM removed, CRLF and lone CR normalised to LF
    encoding: str  # canonical Python codec name, see module docstring


def decode_bytes(data: bytes, fallback: str | None = None) -> Decoded:
    """Decode file contents, raising DecodeError for empty, binary or undecodable data.

    ``fallback`` (any Python text codec name) replaces the cp1256/ISO-8859-6 guess for
    data that is not BOM-marked, UTF-16 or UTF-8; undecodable bytes then become U+FFFD.
    """
    if fallback is not None:
        fallback = codecs.lookup(fallback).name
        b" ".decode(fallback, "replace")  # LookupError now for non-text codecs like "base64"
    if not data:
        raise DecodeError(EMPTY)

    text: str | None = None
    encoding = ""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text = _decode_unicode(data[len(bom) :], codec, need_evidence=False)
            if text is not None:
                encoding = name
            elif name == "utf-8-sig":
                data = data[len(bom) :]  # tools prepend UTF-8 BOMs to cp1256 files too
            else:
                raise DecodeError(NOT_TEXT)
            break
    if text is None:
        text, encoding = _decode_utf16_no_bom(data)
    if text is None:
        if b"\x00" in data:
            raise DecodeError(BINARY_NUL)
        text, encoding = _decode_unicode(data, "utf-8", need_evidence=True), "utf-8"
    if text is None:
        if fallback is not None:
            text, encoding = _decode(data, fallback, "replace"), fallback
        else:
            encoding = _guess_legacy(data)
            text = _decode(data, encoding)  # cp1256 defines all 256 bytes; ISO was checked

    if _find(text, "\x00"):  # e.g. UTF-16 with a BOM but NUL code units
        raise DecodeError(BINARY_NUL)
    sample = text[:_SAMPLE]
    controls = len(_CONTROL_RE.findall(sample))
    if controls > max(_MIN_CONTROLS, _MAX_CONTROL_RATIO * len(sample)):
        raise DecodeError(BINARY_CONTROL)
    if not text or text.isspace():  # not text.strip(), which copies megabytes
        raise DecodeError(EMPTY)
    if _find(text, "\r"):
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, encoding)


def read_text_file(path: str | os.PathLike[str], max_bytes: int = 64 * 1024 * 1024) -> Decoded:
    """Read and decode a file; DecodeError if larger than ``max_bytes``, OSError passes."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > max_bytes:
            raise DecodeError(f"{TOO_LARGE} ({size} bytes, limit {max_bytes})")
        # A buffer the size of the file, not of the limit (64 MB to map and unmap per file);
        # st_size can lie (growing files, /proc), so read on past it, but never past the limit.
        data = f.read(size + 1)
        if len(data) > size:
            data += f.read(max_bytes + 1 - len(data))
    if len(data) > max_bytes:
        raise DecodeError(f"{TOO_LARGE} (over {max_bytes} bytes)")
    return decode_bytes(data)


def _decode(data: bytes, codec: str, errors: str = "strict") -> str:
    """data.decode(codec, errors), DECODE_SLICE bytes at a time on large data.

    One C call over megabytes holds the interpreter for a tenth of a second (see
    reader.text._fast); the result is the same as decoding all of it at once.
    """
    size = _fast.DECODE_SLICE
    if len(data) <= size:
        return data.decode(codec, errors)
    decoder = codecs.getincrementaldecoder(codec)(errors)
    view = memoryview(data)
    parts = [decoder.decode(view[i : i + size]) for i in range(0, len(data), size)]
    parts.append(decoder.decode(b"", final=True))
    return "".join(parts)


def _find(text: str, char: str) -> bool:
    """char in text, looked for a slice at a time."""
    size = _fast.DECODE_SLICE
    return any(text.find(char, i, i + size) >= 0 for i in range(0, len(text), size))


def _decode_utf16_no_bom(data: bytes) -> tuple[str | None, str]:
    # High bytes of Arabic (U+06xx) and ASCII (U+00xx) code units are 0x06 and 0x00,
    # which never occur in 8-bit or UTF-8 prose. Arabic UTF-16-LE can be valid UTF-8
    # (U+0627 is b"'\x06"), so this must run before the UTF-8 attempt.
    sample = data[:_SAMPLE]
    if len(data) < 2 or (b"\x00" not in sample and b"\x06" not in sample):
        return None, ""  # the common case, decided by two memchr scans
    even, odd = sample[0::2], sample[1::2]
    even_hi = (even.count(0) + even.count(6)) / len(even)
    odd_hi = (odd.count(0) + odd.count(6)) / len(odd)
    if odd_hi >= 0.6 and odd_hi > even_hi + 0.3:
        codec = "utf-16-le"
    elif even_hi >= 0.6 and even_hi > odd_hi + 0.3:
        codec = "utf-16-be"
    else:
        return None, ""
    text = _decode_unicode(data, codec, need_evidence=False)
    if text is None or _find(text, "\x00"):
        return None, ""  # NUL code units: binary with a zero-heavy pattern, not text
    return text, codec


def _decode_unicode(data: bytes, codec: str, *, need_evidence: bool) -> str | None:
    """Strict decode, or a lenient one if the damage looks accidental, else None.

    Forgiven: a sequence cut off at the very end, or errors in at most 1 % of the bytes.
    ``need_evidence``: bytes that fail UTF-8 may well be cp1256, so then also require at
    least twice as many valid multi-byte characters as errors (cp1256 text practically
    never forms valid UTF-8 sequences by chance).
    """
    try:
        return _decode(data, codec)
    except UnicodeDecodeError as exc:
        first = exc
    if len(data) > _fast.DECODE_SLICE:  # the error's place in the whole of the data
        try:
            data.decode(codec)  # stops at the first error
        except UnicodeDecodeError as exc:
            first = exc
    if first.reason in ("unexpected end of data", "truncated data") and first.end == len(data):
        # The only problem is a sequence cut off at the very end (interrupted download).
        head = data[: first.start]
        if not need_evidence or not head.isascii():
            return _decode(head, codec) + "\ufffd"
        return None
    text = _decode(data, codec, "replace")
    errors = _count(text, "\ufffd") - data.count("\ufffd".encode(codec))
    if errors > _MAX_ERROR_RATIO * len(data):
        return None
    if need_evidence:
        size = _fast.DECODE_SLICE
        ascii_chars = sum(
            len(text[i : i + size].encode("ascii", "ignore")) for i in range(0, len(text), size)
        )
        multibyte = len(text) - ascii_chars - _count(text, "\ufffd")
        if multibyte < 2 * errors:
            return None
    return text


def _count(text: str, char: str) -> int:
    """text.count(char), a slice at a time."""
    size = _fast.DECODE_SLICE
    return sum(text.count(char, i, i + size) for i in range(0, len(text), size))


class _LegacyProfile:
    """Byte-level scoring for one 8-bit codec, so guessing never decodes the sample twice.

    score = Arabic letters + 5 x words starting with the article "al" - 5 x misplaced
    harakat - 10 x Latin-1 letters glued to Arabic ones - 20 x C1 controls. In cp1256
    many ISO-8859-6 letters land on accented Latin letters (ISO lam -> cp1256 "n", ISO
    waw -> e-grave); ISO-8859-6 reads cp1256 yeh/alef maksura as tanween, which then
    starts words or sits mid-word, and maps 0x80-0x9F to C1 controls where cp1256 has
    punctuation and Persian letters. So each reading of the other's bytes scores badly.
    """

    def __init__(self, codec: str) -> None:
        chars = {b: bytes([b]).decode(codec, "replace") for b in range(256)}
        letters = bytes(b for b, c in chars.items() if c in _AR_LETTERS)
        latin = bytes(b for b, c in chars.items() if "\u00c0" <= c <= "\u00ff" and c.isalpha())
        self.undefined = bytes(b for b, c in chars.items() if c == "\ufffd")
        self.not_letters = bytes(b for b in range(256) if b not in letters)
        self.not_c1 = bytes(b for b, c in chars.items() if not "\x80" <= c <= "\x9f")
        marks = bytes(b for b, c in chars.items() if "\u064b" <= c <= "\u0652")
        tanween = bytes(b for b, c in chars.items() if "\u064b" <= c <= "\u064d")
        base = letters + marks + "\u0640".encode(codec)  # what a haraka may follow (+ tatweel)
        let, lat = _byte_class(letters), _byte_class(latin)
        self.al_word = re.compile(b"(?<!" + let + b")" + "\u0627\u0644".encode(codec) + let)
        self.mixed = re.compile(let + lat + b"|" + lat + let) if latin else None
        # A haraka needs a letter before it; tanween only ends a word.
        stray = b"(?<!%s)%s|%s%s" % (
            _byte_class(base),
            _byte_class(marks),
            _byte_class(tanween),
            let,
        )
        self.stray_mark = re.compile(stray)

    def score(self, sample: bytes) -> int:
        n = len(sample)
        mixed = len(self.mixed.findall(sample)) if self.mixed else 0
        return (
            n
            - len(sample.translate(None, self.not_letters))
            + 5 * len(self.al_word.findall(sample))
            - 5 * len(self.stray_mark.findall(sample))
            - 10 * mixed
            - 20 * (n - len(sample.translate(None, self.not_c1)))
        )


def _byte_class(values: bytes) -> bytes:
    return b"[" + b"".join(re.escape(bytes([b])) for b in values) + b"]"


_CP1256 = _LegacyProfile("cp1256")
_ISO8859_6 = _LegacyProfile("iso8859-6")


def _guess_legacy(data: bytes) -> str:
    size = _fast.DECODE_SLICE
    for i in range(0, len(data), size):
        piece = data[i : i + size]
        if len(piece.translate(None, _ISO8859_6.undefined)) != len(piece):
            return "cp1256"  # ISO-8859-6 leaves 45 byte values undefined; cp1256 none
    sample = data[:_SCORE_SAMPLE]
    if _ISO8859_6.score(sample) > _CP1256.score(sample):
        return "iso8859-6"
    return "cp1256"  # also on ties: by far the more common of the two
