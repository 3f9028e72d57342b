"""Search folding: one normalization for the FTS5 index, for queries and for highlights.

Qt-free. The index gets our tokens separated by spaces (:func:`index_text`, or
:func:`index_texts` for a whole body) and FTS5's ``ascii`` tokenizer splits them again (it
takes runs of ASCII letters and digits and of non-ASCII characters as tokens: ours hold
nothing else), so FTS tokens are exactly our tokens and every folding decision lives here,
applied identically to articles and to queries.

Rules, applied to any text:

* Dropped (they glue the letters around them together): tashkeel U+064B–U+065F, U+0670,
  tatweel U+0640, every other combining mark (Mn/Me) and every format character (Cf: ZWNJ,
  ZWJ, LRM/RLM/ALM, bidi embeddings and isolates, U+2060–U+2064, BOM, soft hyphen ...).
* Letters whose canonical decomposition carries a combining mark lose it, in every script,
  so "café" == "cafe" == "cafe" + U+0301 (NFD input folds the same as NFC input). The
  exceptions are the Arabic-script hamza-on-carrier letters ؤ ئ ۀ ۂ ۓ: in Arabic they are
  letters of their own (the issue folds only the alef forms), so they stay, and a carrier
  followed by a separate U+0654 is composed into them first, as NFC would.
* أ إ آ ٱ → ا, ى → ي, ة → ه, Persian ک → ك and ی → ي.
* Every decimal digit (Nd: Arabic-Indic, Persian, fullwidth, ...) → ASCII 0–9.
* Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) → NFKC, then the rules above
  (ﻻ → لا: one character becomes two; ﷺ becomes four words).
* str.casefold (ß → ss). Hangul syllables and other letters whose decomposition has no
  mark are kept as they are.
* Tokens are maximal runs of letters (L*) or of numbers (N*); a letter/number boundary
  splits ("15سبتمبر2023" → 15, سبتمبر, 2023). Everything else separates, spacing marks
  (Mc, e.g. Devanagari vowel signs) included.

The rules are per character (plus the hamza composition), so :func:`tokens_with_offsets`
can map every token back to the original text. :data:`NORMALIZATION_VERSION` changes with
the rules or the Unicode database: an index built under another value must be rebuilt.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from reader.text import _fast

__all__ = [
    "ALEF_FORMS",
    "NORMALIZATION_VERSION",
    "Token",
    "fold_alef",
    "index_text",
    "index_texts",
    "normalize_query_word",
    "tokens",
    "tokens_with_offsets",
    "utf16_len",
]

NORMALIZATION_VERSION = f"1/unicode-{unicodedata.unidata_version}"


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # the normalized token
    start: int  # UTF-16 offset of its first character in the original text
    # UTF-16 offset just after its last original character, plus any dropped characters
    # (harakat, tatweel, ZWNJ ...) right after it, so a highlight never cuts a harakah off
    # its letter. Tokens that one expanding character (ﷺ) folds into share it, so they may
    # overlap by that one character.
    end: int


# --- the per-character rule ----------------------------------------------------------------

# آ أ إ ٱ: the alef forms folded to bare ا, here and in the parser's comparisons (agency
# names, month names, navigation lines), so that both spell a word alike.
ALEF_FORMS = "\u0622\u0623\u0625\u0671"
_ALEF = "\u0627"


def fold_alef(s: str) -> str:
    """Every one of ALEF_FORMS in ``s`` becomes ا (the rest is left as it is)."""
    # str.translate looks every character up in a dict; four replace scans cost a tenth.
    for form in ALEF_FORMS:
        s = s.replace(form, _ALEF)
    return s


_LETTER_FOLDS = {
    **dict.fromkeys(ALEF_FORMS, _ALEF),
    "\u0649": "\u064a",  # ى
    "\u0629": "\u0647",  # ة
    "\u06a9": "\u0643",  # Persian ک
    "\u06cc": "\u064a",  # Persian ی
    "\u0640": "",  # tatweel is a letter (Lm) to Unicode, so it needs naming
}
_HAMZA = "\u0654"
_HAMZA_COMPOSED = {"و": "ؤ", "ي": "ئ", "\u06d5": "\u06c0", "\u06c1": "\u06c2", "\u06d2": "\u06d3"}
_KEEP_COMPOSED = frozenset(_HAMZA_COMPOSED.values())
# A rule by Unicode category, wider than reader.text.sanitize's named sets on purpose: a
# search must see through every format character (Cf), including ones no news text uses.
_DROPPED_CATEGORIES = frozenset(("Mn", "Me", "Cf"))


def _is_presentation_form(cp: int) -> bool:
    return 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF


def _fold_step(ch: str) -> str:
    folded = _LETTER_FOLDS.get(ch)
    if folded is not None:
        return folded
    if _is_presentation_form(ord(ch)):
        nfkc = unicodedata.normalize("NFKC", ch)
        if nfkc != ch:
            return nfkc
    category = unicodedata.category(ch)
    if category in _DROPPED_CATEGORIES:
        return ""
    if category == "Nd":
        return str(unicodedata.decimal(ch))
    folded = ch.casefold()
    if folded != ch:
        return folded
    if ch not in _KEEP_COMPOSED:
        nfd = unicodedata.normalize("NFD", ch)
        if nfd != ch and any(unicodedata.category(c) in ("Mn", "Me") for c in nfd):
            return nfd
    return ch


def _fold_char(ch: str) -> str:
    """The full rule for one character: _fold_step until nothing changes.

    The result is made of fixed points, which is what makes folding idempotent.
    """
    s = ch
    for _ in range(8):  # ﻷ → لأ → لا and ǅ-like chains settle in two or three steps
        t = "".join(map(_fold_step, s))
        if t == s:
            return s
        s = t
    raise AssertionError(f"folding U+{ord(ch):04X} does not settle")  # pragma: no cover


class _Pieces(dict[str, str]):
    """char -> its folded string, computed on first sight (most of Unicode is never seen)."""

    def __missing__(self, ch: str) -> str:
        folded = self[ch] = _fold_char(ch)
        return folded


_PIECES = _Pieces()

# Only what a search sees matters here, so anything that folds to no letter or digit becomes
# a space: that keeps the fast path's byte alphabet small. Keyed by code point for translate.
_TOKEN_CHAR = re.compile(r"[^\W_]")  # exactly the L* and N* characters (tested)


class _TokenPieces(dict[int, str]):
    def __missing__(self, cp: int) -> str:
        folded = _PIECES[chr(cp)]
        if folded and not _TOKEN_CHAR.search(folded):
            folded = " "
        elif folded:
            folded = "".join(c if _TOKEN_CHAR.match(c) else " " for c in folded)
        self[cp] = folded
        return folded


_TOKEN_PIECES = _TokenPieces()

# A carrier, marks that NFC lets a hamza combine across (0 < ccc < 230), the hamza.
_NFC_SKIPPABLE = "".join(
    chr(cp) for cp in range(0x064B, 0x0660) if 0 < unicodedata.combining(chr(cp)) < 230
)
_HAMZA_SEQUENCE = re.compile(f"([{''.join(_HAMZA_COMPOSED)}])[{_NFC_SKIPPABLE}]*{_HAMZA}")


def _compose_hamza(m: re.Match[str]) -> str:
    # The marks in between would be dropped anyway.
    return _HAMZA_COMPOSED[m[1]]


# --- the reference path: per character, with positions ---------------------------------------

_WORD = re.compile(r"[^\W_]+")  # runs of L* and N*, to be split at letter/number boundaries
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _pieces(text: str) -> list[str]:
    """The folded string of every character of ``text`` (hamza compositions applied)."""
    pieces = [_PIECES[c] for c in text]
    if _HAMZA in text:
        for m in _HAMZA_SEQUENCE.finditer(text):
            pieces[m.start()] = _HAMZA_COMPOSED[m[1]]
    return pieces


def _token_spans(norm: str) -> list[tuple[int, int]]:
    """(start, end) of every token in folded text: L* runs and N* runs."""
    spans: list[tuple[int, int]] = []
    for m in _WORD.finditer(norm):
        word = m.group()
        if word.isalpha() or word.isdecimal():
            spans.append(m.span())
            continue
        # Mixed (15سبتمبر2023) or holding No/Nl characters (², Ⅻ) that regex \d ignores.
        pos = m.start()
        for _, group in itertools.groupby(word, str.isalpha):
            n = sum(1 for _ in group)
            spans.append((pos, pos + n))
            pos += n
    return spans


def _reference_tokens(text: str) -> list[str]:
    norm = "".join(_pieces(text))
    return [norm[s:e] for s, e in _token_spans(norm)]


def tokens_with_offsets(text: str) -> list[Token]:
    """The tokens of ``text`` with their UTF-16 spans in ``text`` (QTextCursor positions).

    Agrees with :func:`tokens` on every input.
    """
    pieces = _pieces(text)
    norm = "".join(pieces)
    if not norm:
        return []
    ends = list(itertools.accumulate(map(len, pieces)))  # folded end of each character
    astral = [m.start() for m in _ASTRAL.finditer(text)]

    def utf16(i: int) -> int:
        return i + bisect.bisect_left(astral, i) if astral else i

    last_char = len(pieces) - 1
    out: list[Token] = []
    for s, e in _token_spans(norm):
        first = bisect.bisect_right(ends, s)
        last = bisect.bisect_right(ends, e - 1)
        if e == ends[last]:  # not for "صلي" ending inside ﷺ's "صلي الله عليه وسلم"
            while last < last_char and not pieces[last + 1]:
                last += 1
        out.append(Token(norm[s:e], utf16(first), utf16(last + 1)))
    return out


# --- the fast path ------------------------------------------------------------------------
#
# str.translate and Unicode regexes cost tens of nanoseconds per character; indexing needs
# far less. So text is encoded one byte per character with a charmap codec (C, BMP lookup
# table) whose 256 characters are ASCII and the everyday alphabet of Arabic news below,
# folded with one bytes.translate (which also deletes), split on whitespace and decoded
# back. Runs of other characters reach a codec error handler that folds them (é → e, ﻻ →
# لا, emoji → space); if that still leaves a letter outside the byte alphabet (Cyrillic,
# CJK ...), the codec raises and the reference path does the whole text. Tests compare the
# fast path with the reference on every character and on random text.

_FAST_CHARS = (
    "\u0621-\u063a\u0640-\u0653\u0655\u0660-\u066c\u0670\u0671"  # letters, harakat, digits
    "\u067e\u0686\u0698\u06a4\u06a9\u06af\u06cc"  # پ چ ژ ڤ ک گ ی
    "\u060c\u061b\u061c\u061f\u06d4\u06f0-\u06f9"  # ، ؛ ALM ؟ ۔ Persian digits
    "\u00a0\u00ab\u00ad\u00b0\u00b7\u00bb\u00d7"  # NBSP « SHY ° · » ×
    "\u2009\u200b-\u200f\u2010-\u2015\u2018-\u201f\u2022\u2026\u202a-\u202f\u2039\u203a"
    "\u2060\u2066-\u2069\ufeff"
)


def _build_byte_alphabet() -> tuple[_fast.Charmap, bytes, bytes, bytes]:
    # The table's padding (private-use characters) folds to a space, as any separator.
    table = _fast.Charmap(_FAST_CHARS)
    decoding = table.chars

    def one_byte_fold(c: str) -> str:
        folded = _PIECES[c]
        if folded and not _TOKEN_CHAR.search(folded):
            return " "
        if folded and (len(folded) != 1 or _PIECES[folded] != folded):  # pragma: no cover
            raise AssertionError(f"U+{ord(c):04X} folds to {folded!r}: not a one-byte fold")
        return folded

    fold, delete = table.rewriting(one_byte_fold)
    # After folding only a space, a-z, 0-9 or a non-ASCII letter may be left: the letter/digit
    # split below relies on it. ``kinds`` maps each of them to " ", "a" or "0".
    kinds = bytearray(b" " * 256)
    for i in sorted(set(range(256)) - set(delete)):
        kept = decoding[fold[i]]
        if kept in "0123456789":
            kinds[fold[i]] = ord("0")
        elif kept in "abcdefghijklmnopqrstuvwxyz" or (
            not kept.isascii() and unicodedata.category(kept).startswith("L")
        ):
            kinds[fold[i]] = ord("a")
        elif kept != " ":  # pragma: no cover
            raise AssertionError(f"byte {i} folds to {kept!r}")
    return table, bytes(fold), bytes(delete), bytes(kinds)


_TABLE, _BYTE_FOLD, _BYTE_DELETE, _BYTE_KIND = _build_byte_alphabet()
_DECODING = _TABLE.chars


def _fold_unencodable(run: str) -> str:
    # Each run of characters outside the byte alphabet. A result that is itself outside it
    # makes the codec raise UnicodeEncodeError.
    return run.translate(_TOKEN_PIECES)


_ERRORS = _fast.error_handler("search-fold", _fold_unencodable)


_SPACE_RUN = re.compile(rb"  +")
_LETTER_KIND = ord("a")
_NOT_DIGIT_KIND = re.compile(b"[^0]")


def _split_letters_digits(folded: bytes) -> bytes:
    """Put a space at each letter/digit boundary (15سبتمبر2023). Digits are few: each run of
    them is found with find and its neighbours looked at."""
    kinds = folded.translate(_BYTE_KIND)
    start = kinds.find(b"0")
    if start < 0:
        return folded
    cuts = []
    n = len(kinds)
    while start >= 0:
        if start and kinds[start - 1] == _LETTER_KIND:
            cuts.append(start)
        after = _NOT_DIGIT_KIND.search(kinds, start)  # scans the run only
        end = n if after is None else after.start()
        if end < n and kinds[end] == _LETTER_KIND:
            cuts.append(end)
        start = kinds.find(b"0", end)
    if not cuts:
        return folded
    return b" ".join([folded[a:b] for a, b in itertools.pairwise([0, *cuts, n])])


def _fold_tokens(text: str, collapse: bool = True) -> str:
    """The tokens of ``text`` separated by single spaces, or (not ``collapse``) by runs of
    them, and maybe with spaces around: FTS5 takes either, and collapsing costs."""
    composed = _HAMZA_SEQUENCE.sub(_compose_hamza, text) if _HAMZA in text else text
    try:
        encoded = _TABLE.encode(composed, _ERRORS)
    except UnicodeEncodeError:
        return " ".join(_reference_tokens(text))
    folded = _split_letters_digits(encoded.translate(_BYTE_FOLD, _BYTE_DELETE))
    if collapse:
        folded = _SPACE_RUN.sub(b" ", folded).strip(b" ")
    return _TABLE.decode(folded)


def _text_slices(text: str) -> Iterator[str]:
    """``text`` in pieces of at most SLICE characters (see reader.text._fast), cut after a
    space or a line break, where no token runs across.

    Only a run of SLICE characters without either is cut where it is: that token (no one
    searches for a 32,768-letter word) then goes into the index as two.
    """
    return (text[start:end] for start, end in _fast.spans(text, " \n"))


def index_text(text: str) -> str:
    """The normalized tokens of ``text`` joined by single spaces: what goes into FTS5."""
    if len(text) <= _fast.SLICE:
        return _fold_tokens(text)
    return " ".join(filter(None, _folded_pieces((text,), collapse=True)))


def index_texts(texts: Iterable[str]) -> str:
    """The normalized tokens of ``"\n".join(texts)`` for FTS5, separated by spaces.

    Unlike :func:`index_text`, not always by single spaces, and there may be spaces around:
    FTS5 splits on any run of them, and collapsing the runs costs a fifth of the folding.
    Megabytes of text are never joined or folded at once.
    """
    pieces = _folded_pieces(texts, collapse=False)
    return pieces[0] if len(pieces) == 1 else " ".join(pieces)


def _folded_pieces(texts: Iterable[str], *, collapse: bool) -> list[str]:
    """_fold_tokens of "\n".join(texts), in pieces of at most SLICE characters."""
    pieces: list[str] = []
    for text, long in _fast.batches(texts):
        if long:
            pieces.extend(_fold_tokens(piece, collapse) for piece in _text_slices(text))
        else:
            pieces.append(_fold_tokens(text, collapse))
    return pieces or [_fold_tokens("", collapse)]


def tokens(text: str) -> list[str]:
    """The normalized tokens of ``text``; the same as ``index_text(text).split()``."""
    return index_text(text).split()


def normalize_query_word(word: str) -> str:
    """One typed word, normalized like the index: its tokens joined by single spaces.

    "" when the word has no letter or digit ("؟", "*"); several tokens when folding or a
    letter/digit boundary splits it ("15سبتمبر" → "15 سبتمبر", "ﷺ" → four words): a caller
    should then search for them as a phrase.
    """
    return index_text(word)


def utf16_len(s: str) -> int:
    """Length in UTF-16 code units (QString length): astral characters count 2."""
    return len(s.encode("utf-16-le", "surrogatepass")) // 2
