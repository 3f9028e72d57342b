"""Exact spelling, for the search that matches words as typed. Qt-free.

Folded tokens (``reader.text.normalize``) cannot tell إسرائيل from اسرائيل, nor الرِّيَاض from
الرياض. So the index holds every token as an *exact term*: the folded token, :data:`SEP`,
and the exact form where it differs from the folded token (``اسرائيل·إسرائيل``, but
``كيم·``). Keeping the fold in front puts all spellings of a folded word side by side in
FTS5's term list: the folded search asks for the prefix ``كيم·`` (every spelling at once),
the exact one reads the spellings with one range scan (:func:`spellings_range`).

The exact form of a token is the text as written, minus only what no one can type or see
differently: format characters (ZWNJ, bidi marks ...) are dropped, the text is put in NFC
(a shadda typed before or after its fatha is the same), letters are case-folded, every decimal
digit is an ASCII digit and presentation forms (ﻻ) are their NFKC letters. Hamza and alef
forms, ة, ى, Persian ک ی, harakat and tatweel are kept. Tokens are split as the folded ones
are: runs of letters or of digits, harakat and tatweel gluing them (never starting a token).

A typed word matches a token's exact form when it is equal to it, or to what follows an
attached prefix (و ف ب ك ل ال …, as in ``reader.text.query``) whose own harakat and tatweel
do not matter: the user typed the word, not the prefix.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable

from reader.text import _fast, normalize
from reader.text.normalize import Token, index_text, tokens_with_offsets

__all__ = [
    "EXACT_VERSION",
    "SEP",
    "exact_index_text",
    "exact_index_texts",
    "exact_pairs",
    "exact_term",
    "exact_tokens_with_offsets",
    "spellings_range",
    "split_term",
    "word_matcher",
]

# Changes with the rules below: an index built under another value is rebuilt.
EXACT_VERSION = "1"
# Between the folded token and the exact form in an exact term. Any character that folding
# turns into a separator can never be inside a token; FTS5's ascii tokenizer keeps it (it is
# not ASCII), and it is in the fast path's byte alphabet.
SEP = "\u00b7"
_TATWEEL = "\u0640"


def exact_term(fold: str, exact: str) -> str:
    """The term the index holds for a token folded to ``fold``, written ``exact``."""
    return fold + SEP if fold == exact else fold + SEP + exact


def split_term(term: str) -> tuple[str, str]:
    """(fold, exact) of an exact term."""
    fold, _, exact = term.partition(SEP)
    return fold, exact or fold


def spellings_range(fold: str, prefix: bool) -> tuple[str, str]:
    """Bounds (low <= term < high) of the exact terms folded to ``fold``, or (``prefix``) of
    every term whose fold starts with ``fold``."""
    low = fold if prefix else fold + SEP
    return low, low[:-1] + chr(ord(low[-1]) + 1)


# --- the per-character rule -------------------------------------------------------------------


def _is_glue(ch: str) -> bool:
    return ch == _TATWEEL or unicodedata.category(ch) in ("Mn", "Me")


def _light_step(ch: str) -> str:
    category = unicodedata.category(ch)
    if category == "Cf":
        return ""
    cp = ord(ch)
    if 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF:
        nfkc = unicodedata.normalize("NFKC", ch)
        if nfkc != ch:
            return "".join(map(_light_step, nfkc))
    if category == "Nd":
        return str(unicodedata.decimal(ch))
    if category in ("Mn", "Me") or category[0] == "N":
        return ch
    if category[0] == "L":
        return ch.casefold()
    return " "


class _Light(dict[str, str]):
    """char -> its exact form ("" dropped, " " a separator), computed on first sight."""

    def __missing__(self, ch: str) -> str:
        light = self[ch] = _light_step(ch)
        return light


_LIGHT = _Light()


def _kind(ch: str) -> str:
    if _is_glue(ch):
        return "m"
    category = unicodedata.category(ch)
    if category[0] == "L":
        return "a"
    return "0" if category[0] == "N" else " "


# A token: a letter or a digit, then more of the same kind, harakat and tatweel between.
_TOKEN_KINDS = re.compile("a[am]*|0[0m]*")
_TOKEN_KIND_BYTES = re.compile(rb"0[0m]*")
_LEADING_GLUE = re.compile(rb"(?:^| )(m+)")


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _reference_pairs(text: str) -> list[tuple[str, str]]:
    light = "".join([_LIGHT[c] for c in _nfc(text)])
    kinds = "".join(map(_kind, light))
    pairs: list[tuple[str, str]] = []
    for m in _TOKEN_KINDS.finditer(kinds):
        exact = light[m.start() : m.end()]
        fold = index_text(exact)
        if " " in fold:  # a letter folding to several tokens: none is written as typed
            pairs.extend((f, f) for f in fold.split())
        elif fold:
            pairs.append((fold, exact))
    return pairs


# --- the fast path: normalize's byte alphabet, three translates and a split -------------------


def _build_tables() -> tuple[bytes, bytes, bytes, bytes]:
    chars = normalize._DECODING
    light, delete = normalize._TABLE.rewriting(lambda c: _LIGHT[c])
    kinds = bytes(ord(_kind(c)) for c in chars)
    return light, delete, kinds, bytes([chars.index(SEP)])


_LIGHT_BYTES, _LIGHT_DELETE, _KIND_BYTES, _SEP_BYTE = _build_tables()


def _light_unencodable(run: str) -> str:
    return "".join([_LIGHT[c] for c in run])


_ERRORS = _fast.error_handler("exact-light", _light_unencodable)


def _cut(light: bytes, kinds: bytes) -> bytes:
    """``light`` with leading harakat and tatweel dropped and a space at every boundary
    between letters and digits, so that splitting on spaces gives the tokens."""
    if kinds.startswith(b"m") or b" m" in kinds:
        keep = bytearray()
        klept = bytearray()
        last = 0
        for m in _LEADING_GLUE.finditer(kinds):
            keep += light[last : m.start(1)]
            klept += kinds[last : m.start(1)]
            last = m.end(1)
        light = bytes(keep + light[last:])
        kinds = bytes(klept + kinds[last:])
    if b"0" not in kinds:
        return light
    cuts = []
    n = len(kinds)
    for m in _TOKEN_KIND_BYTES.finditer(kinds):
        start, end = m.span()
        if start and kinds[start - 1] != 0x20:
            cuts.append(start)
        if end < n and kinds[end] != 0x20:
            cuts.append(end)
    if not cuts:
        return light
    bounds = [0, *cuts, n]
    return b" ".join([light[a:b] for a, b in itertools.pairwise(bounds)])


def _exact_terms(text: str, folds: list[bytes] | None = None) -> str:
    """The exact terms of ``text`` separated by spaces; its folded tokens, as bytes, are
    appended to ``folds`` (the same bytes for the same fold in every text)."""
    try:
        encoded = normalize._TABLE.encode(_nfc(text), _ERRORS)
    except UnicodeEncodeError:
        pairs = _reference_pairs(text)
        if folds is not None:
            folds.extend(map(_fold_bytes, (f for f, _ in pairs)))
        return " ".join(exact_term(f, e) for f, e in pairs)
    light = encoded.translate(_LIGHT_BYTES, _LIGHT_DELETE)
    light = _cut(light, light.translate(_KIND_BYTES))
    written = light.split()
    folded = light.translate(normalize._BYTE_FOLD, normalize._BYTE_DELETE).split()
    if folds is not None:
        folds.extend(folded)
    sep = _SEP_BYTE
    terms = [f + sep if f == w else f + sep + w for f, w in zip(folded, written, strict=True)]
    return normalize._TABLE.decode(b" ".join(terms))


def _fold_bytes(fold: str) -> bytes:
    """A fold as the fast path has it; one with a character beyond the table, in UTF-8
    (which no table-encoded fold can equal: those are all one byte a character)."""
    try:
        return normalize._TABLE.encode(fold, "strict")
    except UnicodeEncodeError:
        return fold.encode("utf-8")


def exact_index_text(text: str) -> str:
    """The exact terms of ``text`` joined by spaces: what goes into the exact index."""
    if len(text) <= _fast.SLICE:
        return _exact_terms(text)
    return " ".join(_exact_terms(piece) for piece in normalize._text_slices(text))


def exact_index_texts(texts: Iterable[str], folds: list[bytes] | None = None) -> str:
    """The exact terms of ``"\n".join(texts)``, worked on in bounded pieces; the folded
    tokens are appended to ``folds`` if given (what versions of a story are compared by)."""
    pieces: list[str] = []
    for text, long in _fast.batches(texts):
        if long:
            pieces.extend(_exact_terms(piece, folds) for piece in normalize._text_slices(text))
        else:
            pieces.append(_exact_terms(text, folds))
    return " ".join(filter(None, pieces))


def exact_pairs(text: str) -> list[tuple[str, str]]:
    """(fold, exact form) of every token of ``text``, as the exact index has them."""
    return [split_term(t) for t in exact_index_text(text).split()]


def exact_tokens_with_offsets(text: str) -> list[tuple[Token, str]]:
    """The tokens of :func:`reader.text.normalize.tokens_with_offsets` with their exact forms
    (read off each token's span), for highlighting."""
    toks = tokens_with_offsets(text)
    pairs = exact_pairs(text)
    if [f for f, _ in pairs] == [t.text for t in toks]:  # nearly always: the same tokens
        return [(tok, exact) for tok, (_, exact) in zip(toks, pairs, strict=True)]
    units = text.encode("utf-16-le", "surrogatepass") if normalize._ASTRAL.search(text) else None

    def span(tok: Token) -> str:
        if units is None:  # UTF-16 offsets are str offsets
            return text[tok.start : tok.end]
        return units[2 * tok.start : 2 * tok.end].decode("utf-16-le", "surrogatepass")

    out = []
    for tok in toks:
        own = _reference_pairs(span(tok))
        out.append((tok, next((e for f, e in own if f == tok.text), tok.text)))
    return out


# --- matching a typed word ----------------------------------------------------------------------


def _fold(written: str) -> str:
    return index_text(written).replace(" ", "")


def _after_letters(exact: str, count: int) -> str:
    """``exact`` without its first ``count`` letters and the harakat that follow them."""
    i = 0
    for _ in range(count):
        i += 1
        while i < len(exact) and _is_glue(exact[i]):
            i += 1
    return exact[i:]


def word_matcher(exact: str, prefix: bool, clitics: list[tuple[str, int]]) -> Callable[[str], bool]:
    """A test of a token's exact form against a typed word's (``exact``): equal to it, or
    (``prefix``) starting with it, after one of ``clitics``.

    ``clitics``: the attached prefixes allowed, each (its folded spelling, how many of the
    word's own first letters it stands in for): ("و", 0) for وإسرائيل, ("لل", 2) for للرئيس
    from الرئيس. ("", 0) is the word alone; [] allows nothing before the word.
    """
    options = [(c, exact if n == 0 else _after_letters(exact, n)) for c, n in clitics]
    if not options:
        options = [("", exact)]

    def match(written: str) -> bool:
        for clitic, rest in options:
            if not rest:
                continue
            if prefix:
                start = written.find(rest)
                while start >= 0:
                    if _fold(written[:start]) == clitic:
                        return True
                    start = written.find(rest, start + 1)
            elif written.endswith(rest) and _fold(written[: len(written) - len(rest)]) == clitic:
                return True
        return False

    return match
