"""A user's search query: parsing, and the reference matcher the index must agree with.

Qt-free. Syntax: words separated by spaces, all of which must match; a trailing ``*``
makes a word a prefix; double quotes (also “ ” « ») make a phrase, and an unbalanced quote
closes at the end. A phrase followed by ``~N`` (``"كيم بوتين"~5``) is a *near* group
instead: its words, in any order, at most N words apart (N = 1: side by side), each word
with its own ``*``. Everything else is plain text: users type news words, not FTS syntax,
so operators, parentheses, ``-`` or ``:`` are folded away like any punctuation and the MATCH
string quotes every token (``reader.text.fts``). It can never be an FTS5 syntax error.

Arabic attaches conjunctions, prepositions and the article to the word, so an Arabic query
word w (two letters or more) also matches p+w for the clitics below: إسرائيل finds
لإسرائيل and وإسرائيل, رئيس finds الرئيس and للرئيس. When w starts with ال, ل+ال is
written لل, so لل+w[2:] is tried too (الرئيس → للرئيس, and اللحم → للحم). The other
clitics still apply to such words: after hamza folding ألمانيا is المانيا, and لألمانيا
and الألمانية are real words. In a phrase, only its first word takes clitics.

With ``exact``, every word must be spelled as typed (``reader.text.exact``): hamza and alef
forms, ة, ى, harakat and tatweel count; the clitics may still come before a word, however
they are spelled.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.text.exact import exact_pairs, exact_tokens_with_offsets, word_matcher
from reader.text.normalize import tokens_with_offsets

__all__ = [
    "MAX_DISTANCE",
    "Near",
    "Term",
    "clitic_options",
    "document_matches",
    "find_matches",
    "fts_match",
    "parse_query",
    "variants",
]

_CLITICS = ("و", "ف", "ب", "ك", "ل", "ال", "وال", "فال", "بال", "كال", "لل")
_ARTICLE = "ال"
# Only letters are left in a letter token, so any character of the Arabic blocks will do.
_ARABIC_WORD = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]{2,}")
_QUOTES = re.compile('["\u201c\u201d\u00ab\u00bb]')
_DISTANCE = re.compile(r"~(\d+)")
# "~100000" is as good as "the same field"; FTS5 is given nothing larger.
MAX_DISTANCE = 10_000


@dataclass(frozen=True, slots=True)
class Term:
    # Normalized tokens. More than one is a phrase: a quoted phrase, or one typed word that
    # normalizes to several tokens ("15سبتمبر", "سو-35").
    words: tuple[str, ...]
    prefix: bool  # the last word is a prefix
    # The tokens as typed (reader.text.exact), for a search by exact spelling; () folds.
    exact: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Near:
    """Terms found in any order within ``distance`` words of each other, in one field.

    Exactly FTS5's ``NEAR(..., distance - 1)``: at most distance - 1 words lie between the
    end of each term's match and the start of the match that starts last. Two words are
    at most ``distance`` apart (1: side by side), a term of several tokens counts from its
    end.
    """

    terms: tuple[Term, ...]
    distance: int


def parse_query(text: str, exact: bool = False) -> list[Term | Near]:
    """The terms of a query, in order, without duplicates; [] if it has no letter or digit."""
    items: list[Term | Near] = []
    # Even parts are outside quotes, odd parts inside: an odd number of quotes leaves the
    # last part inside, i.e. an unbalanced quote closes at the end.
    parts = _QUOTES.split(text)
    for i, part in enumerate(parts):
        if i % 2:
            following = parts[i + 1] if i + 1 < len(parts) else ""
            near = _DISTANCE.match(following)
            if near:
                parts[i + 1] = following[near.end() :]
                _add(items, _near(part, int(near[1]), exact))
                continue
            # "الرئيس الرو*" and "الرئيس الرو"* both make the last word a prefix.
            prefix = part.rstrip().endswith("*") or following.startswith("*")
            _add(items, _term(part, prefix, exact))
        else:
            for word in part.split():
                _add(items, _term(word, word.endswith("*"), exact))
    return items


def _term(text: str, prefix: bool, exact: bool) -> Term | None:
    # The folded tokens are those of the exact terms, so that a query is folded exactly as
    # the index was.
    pairs = exact_pairs(text)
    if not pairs:
        return None
    words = tuple(f for f, _ in pairs)
    return Term(words, prefix, tuple(e for _, e in pairs) if exact else ())


def _near(text: str, distance: int, exact: bool) -> Term | Near | None:
    terms: list[Term] = []
    for word in text.split():
        term = _term(word, word.endswith("*"), exact)
        if term is not None and term not in terms:
            terms.append(term)
    if len(terms) < 2:
        return terms[0] if terms else None
    return Near(tuple(terms), min(max(distance, 1), MAX_DISTANCE))


def _add(items: list[Term | Near], item: Term | Near | None) -> None:
    if item is not None and item not in items:
        items.append(item)


def clitic_options(word: str) -> list[tuple[str, int]]:
    """The prefixes ``word`` (one normalized token) may carry: (folded prefix, how many of
    the word's first letters it replaces). ("", 0) is the word alone.

    Only Arabic-script words of two letters or more get clitics; any other word is alone.
    """
    if not _ARABIC_WORD.fullmatch(word):
        return [("", 0)]
    out = [("", 0), *((p, 0) for p in _CLITICS)]
    stem = word[len(_ARTICLE) :]
    if word.startswith(_ARTICLE) and stem:
        # ل + الرئيس is written للرئيس; with a stem that starts with ل the spelling avoids
        # three lams: ل + اللحم → للحم, ل + الله → لله.
        out.append(("ل" if stem.startswith("ل") else "لل", len(_ARTICLE)))
    return out


def variants(word: str) -> list[str]:
    """``word`` (one normalized token, e.g. from Term.words) and its clitic-prefixed forms."""
    return list(dict.fromkeys(p + word[n:] for p, n in clitic_options(word)))


def fts_match(terms: Sequence[Term | Near]) -> str:
    """The FTS5 MATCH expression for folded ``terms`` without looking at an index (every
    clitic and spelling alternative written out): see reader.text.fts."""
    from reader.text.fts import NO_MATCH, compile_query

    return compile_query(terms, None) or NO_MATCH


# --- the reference matcher --------------------------------------------------------------------

# (folded tokens, exact forms or None, start) -> does the term match there?
_Matcher = Callable[[list[str], "list[str] | None", int], bool]


def _matcher(term: Term) -> _Matcher:
    """A function (tokens, exact forms, i) -> bool: does ``term`` match at token i?"""
    if term.exact:
        return _exact_matcher(term)
    first = tuple(variants(term.words[0]))
    first_set = frozenset(first)
    rest = term.words[1:]
    n = len(term.words)
    if not rest:
        if term.prefix:
            return lambda toks, _exact, i: toks[i].startswith(first)
        return lambda toks, _exact, i: toks[i] in first_set
    middle, last = rest[:-1], rest[-1]

    def match(toks: list[str], _exact: list[str] | None, i: int) -> bool:
        if i + n > len(toks) or toks[i] not in first_set:
            return False
        if tuple(toks[i + 1 : i + n - 1]) != middle:
            return False
        final = toks[i + n - 1]
        return final.startswith(last) if term.prefix else final == last

    return match


def _exact_matcher(term: Term) -> _Matcher:
    n = len(term.words)
    first = word_matcher(term.exact[0], term.prefix and n == 1, clitic_options(term.words[0]))
    middle, last = term.exact[1:-1], term.exact[-1]

    def match(_toks: list[str], exact: list[str] | None, i: int) -> bool:
        if exact is None:
            raise ValueError("an exact term needs the exact forms of the tokens")
        if i + n > len(exact) or not first(exact[i]):
            return False
        if n == 1:
            return True
        if tuple(exact[i + 1 : i + n - 1]) != middle:
            return False
        final = exact[i + n - 1]
        return final.startswith(last) if term.prefix else final == last

    return match


def _starts(term: Term, toks: list[str], exact: list[str] | None) -> list[int]:
    match = _matcher(term)
    return [i for i in range(len(toks)) if match(toks, exact, i)]


def _near_windows(near: Near, toks: list[str], exact: list[str] | None) -> list[list[list[int]]]:
    """For each window that satisfies ``near``, the starts of each term's matches inside it.

    A window is anchored at the start M of the match that starts last; term k's matches
    inside it start in [M - len(k) - (distance - 1), M], FTS5's rule for NEAR.
    """
    starts = [_starts(t, toks, exact) for t in near.terms]
    if not all(starts):
        return []
    slack = [len(t.words) + near.distance - 1 for t in near.terms]
    windows = []
    for anchor in sorted({s for found in starts for s in found}):
        inside = []
        for found, extra in zip(starts, slack, strict=True):
            low = bisect.bisect_left(found, anchor - extra)
            high = bisect.bisect_right(found, anchor)
            if low == high:
                break
            inside.append(found[low:high])
        else:
            windows.append(inside)
    return windows


def document_matches(
    terms: Sequence[Term | Near], doc_tokens: list[str], exact_forms: list[str] | None = None
) -> bool:
    """Brute-force reference: what FTS5 answers for the MATCH of ``terms`` on these tokens.

    ``exact_forms``: the tokens' exact forms (reader.text.exact.exact_pairs), needed by
    exact terms. False for no terms, as the MATCH string then matches nothing.
    """
    if not terms:
        return False
    for item in terms:
        if isinstance(item, Near):
            if not _near_windows(item, doc_tokens, exact_forms):
                return False
        elif not _starts(item, doc_tokens, exact_forms):
            return False
    return True


def find_matches(terms: Sequence[Term | Near], text: str) -> list[tuple[int, int]]:
    """UTF-16 (start, end) spans in ``text`` of every token or phrase matching any term, and
    of the words of every near match.

    Whole tokens only (a clitic match highlights all of لإسرائيل), including the harakat
    that follow the last letter. Sorted; overlapping spans are merged, touching ones are not.
    """
    if not terms:
        return []
    singles = [t for item in terms for t in (item.terms if isinstance(item, Near) else [item])]
    if any(t.exact for t in singles):
        pairs = exact_tokens_with_offsets(text)
        toks = [t for t, _ in pairs]
        exact: list[str] | None = [e for _, e in pairs]
    else:
        toks = tokens_with_offsets(text)
        exact = None
    texts = [t.text for t in toks]
    spans = []
    for item in terms:
        if isinstance(item, Near):
            found = {
                (s, len(term.words))
                for window in _near_windows(item, texts, exact)
                for term, inside in zip(item.terms, window, strict=True)
                for s in inside
            }
        else:
            found = {(s, len(item.words)) for s in _starts(item, texts, exact)}
        spans.extend((toks[s].start, toks[s + n - 1].end) for s, n in found)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
