"""A user's search query: parsing, the FTS5 MATCH string, and the reference matcher.

Qt-free. Syntax: words separated by spaces, all of which must match; a trailing ``*``
makes a word a prefix; double quotes (also “ ” « ») make a phrase, and an unbalanced quote
closes at the end. Everything else is plain text: users type news words, not FTS syntax,
so operators, parentheses, ``-`` or ``:`` are folded away like any punctuation and the MATCH
string quotes every token. It can never be an FTS5 syntax error.

Arabic attaches conjunctions, prepositions and the article to the word, so an Arabic query
word w (two letters or more) also matches p+w for the clitics below: إسرائيل finds
لإسرائيل and وإسرائيل, رئيس finds الرئيس and للرئيس. When w starts with ال, ل+ال is
written لل, so لل+w[2:] is tried too (الرئيس → للرئيس, and اللحم → للحم). The other
clitics still apply to such words: after hamza folding ألمانيا is المانيا, and لألمانيا
and الألمانية are real words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from reader.text.normalize import tokens, tokens_with_offsets

__all__ = ["Term", "document_matches", "find_matches", "fts_match", "parse_query", "variants"]

_CLITICS = ("و", "ف", "ب", "ك", "ل", "ال", "وال", "فال", "بال", "كال", "لل")
_ARTICLE = "ال"
# Only letters are left in a letter token, so any character of the Arabic blocks will do.
_ARABIC_WORD = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]{2,}")
_QUOTES = re.compile('["\u201c\u201d\u00ab\u00bb]')
_NO_MATCH = '""'  # an empty FTS5 phrase: valid syntax that matches nothing


@dataclass(frozen=True, slots=True)
class Term:
    # Normalized tokens. More than one is a phrase: a quoted phrase, or one typed word that
    # normalizes to several tokens ("15سبتمبر", "سو-35").
    words: tuple[str, ...]
    prefix: bool  # the last word is a prefix


def parse_query(text: str) -> list[Term]:
    """The terms of a query, in order, without duplicates; [] if it has no letter or digit."""
    terms: list[Term] = []
    # Even parts are outside quotes, odd parts inside: an odd number of quotes leaves the
    # last part inside, i.e. an unbalanced quote closes at the end.
    parts = _QUOTES.split(text)
    for i, part in enumerate(parts):
        if i % 2:
            # "الرئيس الرو*" and "الرئيس الرو"* both make the last word a prefix.
            following = parts[i + 1] if i + 1 < len(parts) else ""
            prefix = part.rstrip().endswith("*") or following.startswith("*")
            _add_term(terms, part, prefix)
        else:
            for word in part.split():
                _add_term(terms, word, word.endswith("*"))
    return terms


def _add_term(terms: list[Term], text: str, prefix: bool) -> None:
    words = tuple(tokens(text))
    if words:
        term = Term(words, prefix)
        if term not in terms:
            terms.append(term)


def variants(word: str) -> list[str]:
    """``word`` (one normalized token, e.g. from Term.words) and its clitic-prefixed forms.

    Only Arabic-script words of two letters or more get clitics; any other word is alone.
    """
    if not _ARABIC_WORD.fullmatch(word):
        return [word]
    out = [word, *(p + word for p in _CLITICS)]
    stem = word[len(_ARTICLE) :]
    if word.startswith(_ARTICLE) and stem:
        # ل + الرئيس is written للرئيس; with a stem that starts with ل the spelling avoids
        # three lams: ل + اللحم → للحم, ل + الله → لله.
        out.append(("ل" if stem.startswith("ل") else "لل") + stem)
    return list(dict.fromkeys(out))


def _fts_string(words: list[str]) -> str:
    # Tokens hold only letters and digits, but doubling quotes keeps this safe regardless.
    return '"' + " ".join(words).replace('"', '""') + '"'


def fts_match(terms: list[Term]) -> str:
    """The FTS5 MATCH expression for ``terms``: every term must match (AND).

    A term is an OR of quoted phrases, one per variant of its first word (FTS5 cannot OR
    inside a phrase); ``*`` after a phrase makes its last token a prefix. No terms give
    '""', which matches nothing, like :func:`document_matches`.
    """
    if not terms:
        return _NO_MATCH
    star = {True: "*", False: ""}
    exprs = []
    for term in terms:
        rest = list(term.words[1:])
        phrases = [_fts_string([v, *rest]) + star[term.prefix] for v in variants(term.words[0])]
        exprs.append("(" + " OR ".join(phrases) + ")")
    return " AND ".join(exprs)


def _matcher(term: Term) -> Callable[[list[str], int], bool]:
    """A function (tokens, i) -> bool: does ``term`` match at token i?"""
    first = tuple(variants(term.words[0]))
    first_set = frozenset(first)
    rest = term.words[1:]
    n = len(term.words)
    if not rest:
        if term.prefix:
            return lambda toks, i: toks[i].startswith(first)
        return lambda toks, i: toks[i] in first_set
    middle, last = rest[:-1], rest[-1]

    def match(toks: list[str], i: int) -> bool:
        if i + n > len(toks) or toks[i] not in first_set:
            return False
        if tuple(toks[i + 1 : i + n - 1]) != middle:
            return False
        final = toks[i + n - 1]
        return final.startswith(last) if term.prefix else final == last

    return match


def document_matches(terms: list[Term], doc_tokens: list[str]) -> bool:
    """Brute-force reference: what FTS5 answers for ``fts_match(terms)`` on these tokens.

    False for no terms, as the MATCH string then matches nothing.
    """
    if not terms:
        return False
    for term in terms:
        match = _matcher(term)
        if not any(match(doc_tokens, i) for i in range(len(doc_tokens))):
            return False
    return True


def find_matches(terms: list[Term], text: str) -> list[tuple[int, int]]:
    """UTF-16 (start, end) spans in ``text`` of every token or phrase matching any term.

    Whole tokens only (a clitic match highlights all of لإسرائيل), including the harakat
    that follow the last letter. Sorted; overlapping spans are merged, touching ones are not.
    """
    if not terms:
        return []
    toks = tokens_with_offsets(text)
    texts = [t.text for t in toks]
    spans = []
    for term in terms:
        match = _matcher(term)
        n = len(term.words)
        spans.extend(
            (toks[i].start, toks[i + n - 1].end) for i in range(len(texts)) if match(texts, i)
        )
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
