"""The library's reasons in the interface language: why a file was skipped, why a search
could not be run.

The library gives each in English, as the command line prints it and the index stores it;
the window says it in the reader's language: a fixed reason whole, the others by their
beginning, the rest (a path, a word, the system's own message, a number) shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.library.index import SAME_ARTICLE
from reader.library.reading import CANNOT_READ, NO_TEXT
from reader.library.scan import CANNOT_OPEN_FOLDER, NO_SUCH, NOT_UTF8_FILE, NOT_UTF8_FOLDER
from reader.text.decoding import BINARY_CONTROL, BINARY_NUL, EMPTY, NOT_TEXT, TOO_LARGE
from reader.text.fts import TOO_MANY_FORMS, TOO_MANY_SPELLINGS
from reader.text.sanitize import path_line, single_line

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def _whole() -> dict[str, str]:
    # Asked at each call: the translators are installed after this module loads.
    return {
        EMPTY: translate("SkipReasons", "empty file"),
        BINARY_NUL: translate("SkipReasons", "binary data (NUL bytes)"),
        BINARY_CONTROL: translate("SkipReasons", "binary data (control characters)"),
        NOT_TEXT: translate("SkipReasons", "not text in any supported encoding"),
        NO_TEXT: translate("SkipReasons", "no text"),
        NO_SUCH: translate("SkipReasons", "no such file or folder"),
        NOT_UTF8_FILE: translate(
            "SkipReasons", "its name is not UTF-8: rename it to read it (convmv converts names)"
        ),
        NOT_UTF8_FOLDER: translate(
            "SkipReasons", "the folder's name is not UTF-8: rename it to read the files in it"
        ),
    }


def _begun() -> list[tuple[str, str]]:
    return [
        (SAME_ARTICLE, translate("SkipReasons", "the same article as %1")),
        (CANNOT_READ, translate("SkipReasons", "cannot read it: %1")),
        (CANNOT_OPEN_FOLDER, translate("SkipReasons", "cannot open the folder: %1")),
        (TOO_LARGE, translate("SkipReasons", "file too large%1")),
        (
            TOO_MANY_SPELLINGS,
            translate("SearchReasons", "too many words and spellings to look for: %1"),
        ),
        (TOO_MANY_FORMS, translate("SearchReasons", "too many forms to look for: %1")),
    ]


def describe_reason(reason: str) -> str:
    """One of the library's reasons, on one line, for the screen."""
    whole = _whole().get(reason)
    if whole is not None:
        return whole
    for start, text in _begun():
        if reason.startswith(start):
            rest = reason[len(start) :]
            shown = path_line(rest) if start == SAME_ARTICLE else single_line(rest)
            return text.replace("%1", shown)
    return single_line(reason)  # one the library gave without a rule here: as it is
