"""Untrusted text made safe to show, and the one set of invisible and control characters.

Qt-free. Every module that needs to know which characters are invisible, reorder text or
could drive a terminal takes them from the named sets below: the parser (what cannot keep
a line non-empty), the direction rule (what UAX #9 P2 must not see), the display and the
CLI's JSON output. Search folding has its own, wider rule: it drops every format character
(Unicode category Cf), see :mod:`reader.text.normalize`.
"""

from __future__ import annotations

import re

__all__ = [
    "BIDI_CONTROLS",
    "BIDI_EMBEDDINGS",
    "BIDI_ISOLATES",
    "BIDI_MARKS",
    "BOM",
    "C0_CONTROLS",
    "C1_CONTROLS",
    "DEL",
    "ESCAPED_IN_JSON",
    "INVISIBLE",
    "LINE_BREAKS",
    "SURROGATES",
    "ZERO_WIDTH",
    "char_class",
    "display_safe",
    "literal_label",
    "path_line",
    "single_line",
]


def _run(first: str, last: str) -> str:
    return "".join(map(chr, range(ord(first), ord(last) + 1)))


# --- the named sets (strings of the characters themselves) ----------------------------------

# C0 controls but \t \n \v \f \r (\v and \f are line breaks in all but name, see LINE_BREAKS).
C0_CONTROLS = _run("\x00", "\x08") + _run("\x0e", "\x1f")
DEL = "\x7f"
C1_CONTROLS = _run("\x80", "\x9f")  # CSI (U+009B) drives a terminal as ESC [ does
BIDI_EMBEDDINGS = _run("\u202a", "\u202e")  # LRE RLE PDF LRO RLO
BIDI_ISOLATES = _run("\u2066", "\u2069")  # LRI RLI FSI PDI
# They reorder whatever follows: they can scramble a list row or spoof a window title.
BIDI_CONTROLS = BIDI_EMBEDDINGS + BIDI_ISOLATES
# LRM RLM ALM: zero-width strong characters, which only nudge the neutrals around them.
BIDI_MARKS = "\u200e\u200f\u061c"
# ZWSP, ZWNJ, ZWJ, WORD JOINER. ZWNJ and ZWJ are shaping controls Persian and Arabic need.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060"
BOM = "\ufeff"  # ZERO WIDTH NO-BREAK SPACE when not at the start of a file
SURROGATES = _run("\ud800", "\udfff")  # lone ones: Qt and UTF-8 encoders reject them
LINE_BREAKS = "\v\f\u2028\u2029"  # besides \n and \r

# What takes no room on screen: a line made of these and spaces is blank to the parser.
INVISIBLE = ZERO_WIDTH + BIDI_MARKS + BIDI_CONTROLS + BOM


def char_class(chars: str) -> str:
    """A regex character class matching exactly ``chars``, runs written as ranges."""
    codes = sorted(set(map(ord, chars)))
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return f"[{''.join(parts)}]"


# json.dumps leaves these raw (it escapes C0 itself), and a terminal may act on them (C1) or
# let them reorder the line (bidi controls and marks), or they are no UTF-8 at all (a file
# name's bytes that are not UTF-8, as surrogates): the CLI writes them as \u escapes, which
# json.loads and os.fsencode turn back into the name's bytes.
ESCAPED_IN_JSON = re.compile(char_class(C1_CONTROLS + BIDI_MARKS + BIDI_CONTROLS + SURROGATES))

# --- display sanitising -------------------------------------------------------------

# Article text is untrusted. Removed: C0 controls except \t \n, DEL and C1 controls
# (ESC/CSI/BEL must never reach a terminal), embedding/override/isolate controls and stray
# BOMs. Kept: ZWNJ/ZWJ (Persian/Arabic shaping) and the bidi marks.
_REMOVE = re.compile(char_class(C0_CONTROLS + DEL + C1_CONTROLS + BIDI_CONTROLS + BOM))
# Lone surrogates come from file names whose bytes are not UTF-8 (os.fsdecode): each becomes
# U+FFFD, so that the name shown says where its bad bytes are rather than losing them.
_SURROGATE = re.compile(char_class(SURROGATES))
# Line breaks in all but name: keep them as breaks rather than gluing lines together.
_NEWLINES = re.compile(f"\r\n?|{char_class(LINE_BREAKS)}")
_UNSAFE = re.compile(f"{_REMOVE.pattern}|{_SURROGATE.pattern}|{_NEWLINES.pattern}")


def display_safe(text: str) -> str:
    """Strip characters that could spoof layout or drive a terminal; keep line breaks.

    CRLF, lone CR, VT, FF and U+2028/U+2029 become "\\n"; a lone surrogate, U+FFFD.
    """
    if _UNSAFE.search(text) is None:
        return text  # the common case: no copy
    return _SURROGATE.sub("\ufffd", _REMOVE.sub("", _NEWLINES.sub("\n", text)))


def single_line(text: str) -> str:
    """display_safe, then every whitespace run (newlines, NBSP, ...) becomes one space."""
    return " ".join(display_safe(text).split())


def path_line(path: str) -> str:
    """A file's path on one line for the screen, isolated left to right (LRI ... PDI): in a
    right-to-left line its slashes would be laid out as Arabic's neutrals are, the leading
    "/" at the far end. Not for a terminal, which would print the isolates."""
    return f"\u2066{single_line(path)}\u2069"


def literal_label(text: str) -> str:
    """Text for a menu item or a button, shown as it is: Qt reads an "&" there as the mark
    of a shortcut's letter ("Tom & Jerry" would show as "Tom  Jerry"), "&&" as an "&"."""
    return text.replace("&", "&&")
