"""An article's stable id: what bookmarks, marks and reading state are keyed by. Qt-free.

:func:`article_id` must never change for an article: users' bookmarks would be lost.
``tests/test_identity.py`` pins it for a varied set of articles; the words it takes are
found fast (one byte per character, in bounded windows) but are always those of the rule
in its docstring.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata

from reader.text import _fast
from reader.text.article import Article

__all__ = ["article_id"]

_ID_BODY_WORDS = 64  # enough to tell articles apart, short enough to ignore tail edits
_WORD = re.compile(r"[^\W_]+")


# Ids drop characters by Unicode category (every mark and format character), not by
# reader.text.sanitize's named sets: the rule is part of every id there is, so it stays.
class _DropMarks(dict):
    """str.translate table deleting combining marks and format characters, filled lazily."""

    def __missing__(self, code: int) -> int | None:
        keep = unicodedata.category(chr(code)) not in ("Mn", "Me", "Cf")
        self[code] = code if keep else None
        return self[code]


_DROP_MARKS = _DropMarks({0x0640: None})  # tatweel too


def _kept_by_drop_marks() -> str:
    """A regex class body of everyday characters that _DROP_MARKS keeps as they are."""
    kept = [
        cp
        for cp in (*range(0x0100), *range(0x0600, 0x0700), *range(0x2010, 0x2028))
        if cp != 0x0640 and unicodedata.category(chr(cp)) not in ("Mn", "Me", "Cf")
    ]
    runs = []
    for _, group in itertools.groupby(enumerate(kept), lambda p: p[1] - p[0]):
        cps = [cp for _, cp in group]
        runs.append(re.escape(chr(cps[0])) + "-" + re.escape(chr(cps[-1])))
    return "".join(runs)


# Runs of characters str.translate(_DROP_MARKS) might change: translating only those (few
# harakat in most paragraphs) spares a dictionary look-up for every character.
_MAYBE_DROPPED = re.compile(f"[^{_kept_by_drop_marks()}]+")


def _drop_marks(m: re.Match[str]) -> str:
    return m.group().translate(_DROP_MARKS)


def _id_words(text: str) -> list[str]:
    """Letters and digits only: immune to NBSP, dashes, quotes, harakat, presentation forms."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _alnum_runs(_MAYBE_DROPPED.sub(_drop_marks, text).casefold())


# _WORD.findall on the text one byte per character (see reader.text._fast): every byte of
# a character that is no letter or digit becomes a space, and str.split does the rest.
_TABLE = _fast.NEWS
_ALNUM_OR_SPACE = bytes(i if c.isalnum() else 0x20 for i, c in enumerate(_TABLE.chars))


def _alnum_or_space(run: str) -> str:
    # A letter or digit outside the table stays what it is: then the codec raises.
    return "".join(c if c.isalnum() else " " for c in run)


_ALNUM_ERRORS = _fast.error_handler("alnum-runs", _alnum_or_space)


def _alnum_runs(text: str) -> list[str]:
    """_WORD.findall(text): the runs of letters and digits."""
    try:
        encoded = _TABLE.encode(text, _ALNUM_ERRORS)
    except UnicodeEncodeError:  # letters of another script: the regex does it all
        return _WORD.findall(text)
    return _TABLE.decode(encoded.translate(_ALNUM_OR_SPACE)).split()


# Id words are taken from the opening of a paragraph, this many characters at a time (cut
# after a space), so a giant first paragraph costs no more than a normal one.
_ID_WINDOW = 2048
# Short paragraphs are taken together until they should hold the words still wanted, at
# this many characters a word: one pass over them, sometimes two.
_ID_CHARS_PER_WORD = 5


def _first_id_words(text: str, wanted: int) -> list[str]:
    """_id_words(text), or a prefix of it holding at least ``wanted`` words.

    Windows are cut after a space, where no word of _id_words can run across (a space is
    no letter or digit, and NFKC composes nothing with it), so their words are the text's;
    only a text with no space in SLICE characters is cut inside a word.
    """
    if len(text) <= _ID_WINDOW:
        return _id_words(text)
    words: list[str] = []
    start, n = 0, len(text)
    while start < n and len(words) < wanted:
        end = n if n - start <= _ID_WINDOW else text.rfind(" ", start, start + _ID_WINDOW) + 1
        if end <= start:  # no space in the window: go on to the next one
            end = text.find(" ", start + _ID_WINDOW, start + _fast.SLICE) + 1
            if end <= start:
                end = start + _fast.SLICE
        words.extend(_id_words(text[start:end]))
        start = end
    return words


def article_id(article: Article) -> str:
    """Stable 16-hex-digit id for bookmarks.

    blake2b(digest_size=8) over title + ISO date + source + the first 64 body words, each
    reduced to letters/digits. So it ignores the file path, encoding, line endings,
    whitespace/NBSP, punctuation style, how the body is split into blocks and any change
    past the opening (e.g. a boilerplate tail), yet differs for same-title articles with
    another date or another opening.
    """
    # Ids must not change: bookmarks are keyed by them. However the words are found, they
    # are those of the rule above, so every id is what it always was; the one exception is
    # a paragraph with no space in its first 32,768 characters (see _first_id_words).
    # Short paragraphs are taken together, joined by a space (where no word runs across
    # and NFKC composes nothing), a long one only as far as it holds the words still wanted:
    # a giant opening paragraph is never read through.
    body: list[str] = []
    group: list[str] = []
    size = 0
    for block in article.blocks:
        if len(block.text) > _ID_WINDOW:
            if group:
                body.extend(_id_words(" ".join(group)))
                group.clear()
                size = 0
                if len(body) >= _ID_BODY_WORDS:
                    break
            body.extend(_first_id_words(block.text, _ID_BODY_WORDS - len(body)))
        else:
            group.append(block.text)
            size += len(block.text) + 1
            if size < (_ID_BODY_WORDS - len(body)) * _ID_CHARS_PER_WORD:
                continue
            body.extend(_id_words(" ".join(group)))
            group.clear()
            size = 0
        if len(body) >= _ID_BODY_WORDS:
            break
    if group:
        body.extend(_id_words(" ".join(group)))
    parts = (
        "qari-article-v1",
        " ".join(_id_words(article.title)),
        article.date.isoformat() if article.date else "",
        " ".join(_id_words(article.source)),
        " ".join(body[:_ID_BODY_WORDS]),
    )
    data = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()
