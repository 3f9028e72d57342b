"""Which language an article is written in, as far as its own words say: Arabic, Persian,
Urdu or English, else unknown. Qt-free.

Only what the interface needs: the meta line speaks the article's language, and a wrong
language is worse than none. Urdu is told by letters only it uses (ٹ ڈ ڑ ں ے ہ ھ), Persian
from Arabic by their commonest function words (است را این می vs في التي على إلى), English
by its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["ARABIC", "ENGLISH", "PERSIAN", "UNKNOWN", "URDU", "article_language"]

ARABIC, PERSIAN, URDU, ENGLISH, UNKNOWN = "ar", "fa", "ur", "en", ""

# How much text is looked at, from the title and this many paragraphs spread over the
# article: a few thousand letters tell the language as well as the whole.
SAMPLE_CHARS = 4000
_PARAGRAPHS = 8

_URDU_ONLY = re.compile("[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2\u06d3]")  # ٹ ڈ ڑ ں ھ ہ ے ۓ
_ARABIC_SCRIPT = re.compile("[\u0621-\u064a\u0671-\u06d3]")
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


def article_language(texts: Sequence[str], direction: str) -> str:
    """The language of an article given its title and paragraphs, in order, and its
    direction (reader.text.direction): an rtl article is in an Arabic-script language even
    where a long English quote opens it, an ltr one never is."""
    sample = _sample(texts)
    if direction == "rtl":
        script = len(_ARABIC_SCRIPT.findall(sample))
        if script and len(_URDU_ONLY.findall(sample)) * 50 >= script:  # Urdu writes them
            return URDU  # constantly
        words = sample.translate(_FOLD).split()
        persian = sum(w in _PERSIAN_WORDS for w in words)
        arabic = sum(w in _ARABIC_WORDS for w in words)
        return PERSIAN if persian > arabic else ARABIC
    words = len(sample.split())
    return ENGLISH if words and len(_ENGLISH_WORDS.findall(sample)) * 20 >= words else UNKNOWN


def _sample(texts: Sequence[str]) -> str:
    """The title and a few paragraphs spread over the article, not only its opening."""
    if not texts:
        return ""
    body = texts[1:]
    step = max(1, len(body) // _PARAGRAPHS)
    picked = [texts[0], *body[::step][:_PARAGRAPHS]]
    return "\n".join(text[: SAMPLE_CHARS // len(picked)] for text in picked)
