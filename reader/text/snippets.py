"""The line of article text shown under a search result, around its first match. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass

from reader.text.article import Article
from reader.text.normalize import utf16_len
from reader.text.query import Term, find_matches
from reader.text.sanitize import single_line

WORDS_BEFORE = 6
WORDS_AFTER = 14


@dataclass(frozen=True, slots=True)
class Snippet:
    text: str
    spans: list[tuple[int, int]]  # UTF-16 offsets of the matches inside ``text``


def make_snippet(article: Article, terms: list[Term]) -> Snippet | None:
    """Whole words around the first match in the body (or the title), with "…" where cut."""
    for text in (*(b.text for b in article.blocks), article.title):
        text = single_line(text)
        spans = find_matches(terms, text)
        if spans:
            return _around(text, spans)
    return None


def _around(text: str, spans: list[tuple[int, int]]) -> Snippet:
    # Word boundaries in UTF-16 units, matching the spans.
    words: list[tuple[int, int, str]] = []
    position = 0
    for word in text.split(" "):
        length = utf16_len(word)
        words.append((position, position + length, word))
        position += length + 1
    first_start = spans[0][0]
    at = next(i for i, (_, end, _w) in enumerate(words) if end > first_start)
    lo, hi = max(0, at - WORDS_BEFORE), min(len(words), at + WORDS_AFTER)
    head = "… " if lo > 0 else ""
    tail = " …" if hi < len(words) else ""
    body = " ".join(w for _, _, w in words[lo:hi])
    shift = words[lo][0] - utf16_len(head)
    end = words[hi - 1][1]
    kept = [(a - shift, b - shift) for a, b in spans if a >= words[lo][0] and b <= end]
    return Snippet(head + body + tail, kept)
