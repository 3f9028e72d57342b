"""Parsed queries as FTS5 MATCH expressions over the index's exact terms. Qt-free.

The index holds every token as an exact term (``reader.text.exact``): ``w·`` for a folded
token ``w`` written as it folds, else ``w·spelling``. So a folded word is the prefix
``"w·"*``, a folded prefix is ``"w"*``, and a word spelled exactly is the OR of the exact
terms that spell it, with any clitic in front: those are read off the index's term list (a
:class:`Vocabulary`), which only the index can answer.

FTS5 can OR whole phrases but nothing inside a phrase or a NEAR group, so each phrase (and
each NEAR group) is written once per combination of its words' alternatives. With a
vocabulary, alternatives no article has are dropped first, which keeps the product small:
most words have a few of their 12 clitic forms in a library, and one or two spellings. A
NEAR group of several words can still have thousands of combinations; then only those whose
alternatives all occur in one same article are written (each alternative's articles are
read once, and combinations are grown word by word while they share an article).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence, Set
from typing import Protocol

from reader.text.exact import SEP, exact_term, spellings_range, split_term, word_matcher
from reader.text.query import Near, Term, clitic_options, variants

__all__ = [
    "MAX_ALTERNATIVES", "TOO_MANY_FORMS", "TOO_MANY_SPELLINGS", "QueryTooBroad", "Vocabulary",
    "compile_query",
]  # fmt: skip

NO_MATCH = '""'  # an empty FTS5 phrase: valid syntax that matches nothing
# Past this many phrases or NEAR groups one search takes seconds (FTS5 reads each one's
# postings): a query that expands to more is refused rather than left running.
MAX_ALTERNATIVES = 5000
# Why a query is refused: then the word, or how many forms it came to.
TOO_MANY_SPELLINGS = "too many words and spellings to look for: "
TOO_MANY_FORMS = "too many forms to look for: "
# The spellings of one folded word, or the words a prefix begins, read from the term list.
_MAX_SPELLINGS = MAX_ALTERNATIVES
# Past this many NEAR groups, FTS5 takes longer over them (~50 µs each at 20,000 articles)
# than reading the articles of each alternative (~1 ms for a common word) to drop the
# combinations that share no article.
_DIRECT_NEAR = 1000


class QueryTooBroad(ValueError):
    """The query expands to more alternatives than one search should run."""


class Vocabulary(Protocol):
    """What the index's term list answers (reader.library.terms.TermList)."""

    def has(self, token: str, prefix: bool) -> bool:
        """Is ``token`` (or, with ``prefix``, any term starting with it) in the index?"""
        ...

    def between(self, low: str, high: str, limit: int) -> list[str]:
        """The distinct terms t with low <= t < high, in order, at most ``limit``."""
        ...

    def docs(self, match: str) -> Set[int]:
        """The keys of the articles matching an FTS5 expression (stale ones may be in)."""
        ...


def _quoted(token: str) -> str:
    # Tokens hold only letters, digits and SEP, but doubling quotes keeps this safe anyway.
    return '"' + token.replace('"', '""') + '"'


def _folded_slot(options: list[str], prefix: bool, vocab: Vocabulary | None) -> list[str]:
    """FTS5 tokens matching a token folded to any of ``options`` however it is spelled, or
    (``prefix``) any token whose fold starts with one. With the vocabulary, those no article
    has are left out, and a word the index spells one way only is that one term: FTS5
    merges a prefix's postings into a copy, which for a word in most of a million articles
    costs as much again as reading them (روسيا: ~80 -> ~50 ms, count and keys)."""
    if prefix:
        return [_quoted(o) + "*" for o in options if vocab is None or vocab.has(o, True)]
    if vocab is None:
        return [_quoted(o + SEP) + "*" for o in options]
    slot = []
    for option in options:
        spellings = vocab.between(*spellings_range(option, False), 2)
        if len(spellings) == 1:
            slot.append(_quoted(spellings[0]))
        elif spellings:
            slot.append(_quoted(option + SEP) + "*")
    return slot


def _exact_slot(term: Term, index: int, vocab: Vocabulary) -> list[str]:
    """The exact terms in the index that token ``index`` of ``term`` matches."""
    fold, written = term.words[index], term.exact[index]
    prefix = term.prefix and index == len(term.words) - 1
    if index and not prefix:  # one term: this spelling, nothing before it
        only = exact_term(fold, written)
        return [_quoted(only)] if vocab.has(only, False) else []
    if index:
        folds, match = [fold], lambda spelled: spelled.startswith(written)
    else:
        folds, match = variants(fold), word_matcher(written, prefix, clitic_options(fold))
    found: list[str] = []
    for option in folds:
        low, high = spellings_range(option, prefix)
        candidates = vocab.between(low, high, _MAX_SPELLINGS + 1)
        if len(candidates) > _MAX_SPELLINGS:
            raise QueryTooBroad(f"{TOO_MANY_SPELLINGS}{written}")
        found.extend(c for c in candidates if match(split_term(c)[1]))
    return [_quoted(c) for c in dict.fromkeys(found)]


def _slots(term: Term, vocab: Vocabulary | None) -> list[list[str]]:
    """For each token of ``term``, the FTS5 tokens it may be (the first with its clitics)."""
    if term.exact:
        if vocab is None:
            raise ValueError("an exact term needs the index's vocabulary")
        return [_exact_slot(term, i, vocab) for i in range(len(term.words))]
    last = len(term.words) - 1
    return [
        _folded_slot(variants(w) if i == 0 else [w], term.prefix and i == last, vocab)
        for i, w in enumerate(term.words)
    ]


def _phrases(term: Term, vocab: Vocabulary | None) -> list[str]:
    slots = _slots(term, vocab)
    _check(math.prod(map(len, slots)))
    return [" + ".join(combo) for combo in itertools.product(*slots)]


def _item(item: Term | Near, vocab: Vocabulary | None) -> list[str]:
    """The alternatives (phrases or NEAR groups) of one item, any of which may match."""
    terms = item.terms if isinstance(item, Near) else (item,)
    groups = [_phrases(t, vocab) for t in terms]
    count = math.prod(map(len, groups))
    if isinstance(item, Term):
        _check(count)
        return groups[0]
    if vocab is not None and count > _DIRECT_NEAR:
        combos = _sharing_an_article(groups, vocab)
    else:
        _check(count)
        combos = list(itertools.product(*groups))
    spread = item.distance - 1
    return [f"NEAR({' '.join(combo)}, {spread})" for combo in combos]


def _check(count: int) -> None:
    if count > MAX_ALTERNATIVES:
        raise QueryTooBroad(f"{TOO_MANY_FORMS}{count:,}")


def _sharing_an_article(groups: list[list[str]], vocab: Vocabulary) -> list[tuple[str, ...]]:
    """The combinations of one alternative from each group that occur in one same article
    (a NEAR group of the others can match nowhere)."""
    docs = [[vocab.docs(alternative) for alternative in group] for group in groups]
    # Words with few alternatives first: fewer partial combinations to grow.
    order = sorted(range(len(groups)), key=lambda g: len(groups[g]))
    found: list[tuple[int, ...]] = []

    def grow(level: int, chosen: tuple[int, ...], shared: Set[int] | None) -> None:
        if level == len(order):
            found.append(chosen)
            _check(len(found))
            return
        for i, articles in enumerate(docs[order[level]]):
            common = articles if shared is None else shared & articles
            if common:
                grow(level + 1, (*chosen, i), common)

    grow(0, (), None)
    place = {g: level for level, g in enumerate(order)}
    return [tuple(groups[g][chosen[place[g]]] for g in range(len(groups))) for chosen in found]


def compile_query(terms: Sequence[Term | Near], vocab: Vocabulary | None) -> str | None:
    """The MATCH expression for ``terms`` (every item must match: AND); None when an item
    can match nothing in this index.

    Without ``vocab`` every alternative is written out, and exact terms cannot be compiled.
    No terms give NO_MATCH. Raises QueryTooBroad past MAX_ALTERNATIVES.
    """
    if not terms:
        return NO_MATCH
    exprs = []
    for item in terms:
        alternatives = _item(item, vocab)
        if not alternatives:
            return None
        exprs.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(exprs)
