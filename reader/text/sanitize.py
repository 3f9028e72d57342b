"""Untrusted text made safe to show: no control, override or isolate character. Qt-free."""

from __future__ import annotations

import re

__all__ = ["display_safe", "single_line"]

# --- display sanitising -------------------------------------------------------------

# Article text is untrusted. Removed: C0 controls except \t \n, DEL and C1 controls
# (ESC/CSI/BEL must never reach a terminal), embedding/override/isolate controls (they
# can reorder a list row or spoof a window title), stray BOMs and lone surrogates (which
# Qt and UTF-8 encoders reject). Kept: ZWNJ/ZWJ (Persian/Arabic shaping) and the
# LRM/RLM/ALM marks, which only nudge neutral characters.
_REMOVE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
# Line breaks in all but name: keep them as breaks rather than gluing lines together.
_NEWLINES = re.compile("\r\n?|[\v\f\u2028\u2029]")
_UNSAFE = re.compile(f"{_REMOVE.pattern}|{_NEWLINES.pattern}")


def display_safe(text: str) -> str:
    """Strip characters that could spoof layout or drive a terminal; keep line breaks.

    CRLF, lone CR, VT, FF and U+2028/U+2029 become "\\n".
    """
    if _UNSAFE.search(text) is None:
        return text  # the common case: no copy
    return _REMOVE.sub("", _NEWLINES.sub("\n", text))


def single_line(text: str) -> str:
    """display_safe, then every whitespace run (newlines, NBSP, ...) becomes one space."""
    return " ".join(display_safe(text).split())
