"""Which language an article is written in, as far as its own words say: Arabic, Persian,
Urdu or English, else unknown. Qt-free.

Only what the interface needs: the meta line speaks the article's language, and a wrong
language is worse than none. Urdu is told by letters only it uses (ٹ ڈ ڑ ں ے ہ ھ), Persian
from Arabic by their commonest function words (است را این می vs في التي على إلى), English
by its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["ARABIC", "ENGLISH", "PERSIAN", "UNKNOWN", "URDU", "article_language"]

ARABIC, PERSIAN, URDU, ENGLISH, UNKNOWN = "ar", "fa", "ur", "en", ""

# How much text is looked at: the title and the opening say it as well as the whole.
SAMPLE_CHARS = 4000

_URDU_ONLY = re.compile("[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2\u06d3]")  # ٹ ڈ ڑ ں ھ ہ ے ۓ
_ARABIC_SCRIPT = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_LATIN = re.compile("[A-Za-z]")
_ENGLISH_WORDS = re.compile(r"\b(?:the|and|of|to|in|is|that|for|was|with|said)\b", re.IGNORECASE)
# Function words, compared with Persian ی ک folded to Arabic ي ك: Persian written in
# windows-1256 (which has no ی) uses the Arabic letters, so letters alone would not do.
_FOLD = str.maketrans("\u06cc\u06a9", "\u064a\u0643")
_PERSIAN_WORDS = frozenset(
    ["است", "را", "اين", "مي", "هاي", "شد", "براي", "كرد", "شده", "اند", "نيز", "بود", "كه"]
)
_ARABIC_WORDS = frozenset(
    ["في", "التي", "الذي", "على", "إلى", "أن", "هذا", "هذه", "عن", "كان", "الى", "ان"]
)


def article_language(texts: Iterable[str]) -> str:
    """The language of an article given its title and paragraphs (in order)."""
    sample = _sample(texts)
    script = len(_ARABIC_SCRIPT.findall(sample))
    latin = len(_LATIN.findall(sample))
    if script >= latin:
        if not script:
            return UNKNOWN
        if len(_URDU_ONLY.findall(sample)) * 50 >= script:  # Urdu writes them constantly
            return URDU
        words = sample.translate(_FOLD).split()
        persian = sum(w in _PERSIAN_WORDS for w in words)
        arabic = sum(w in _ARABIC_WORDS for w in words)
        return PERSIAN if persian > arabic else ARABIC
    words = len(sample.split())
    return ENGLISH if len(_ENGLISH_WORDS.findall(sample)) * 20 >= words else UNKNOWN


def _sample(texts: Iterable[str]) -> str:
    parts: list[str] = []
    budget = SAMPLE_CHARS
    for text in texts:
        parts.append(text[:budget])
        budget -= len(parts[-1])
        if budget <= 0:
            break
    return "\n".join(parts)
