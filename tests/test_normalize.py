"""Tests for reader.text.normalize: search folding, tokens and their UTF-16 offsets."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.text import normalize
from reader.text.normalize import (
    NORMALIZATION_VERSION,
    Token,
    index_text,
    normalize_query_word,
    tokens,
    tokens_with_offsets,
    utf16_len,
)

SEED_PATH = Path(__file__).resolve().parent.parent / "resources/articles/000_0230be639b82ca88.txt"
SEED = SEED_PATH.read_text(encoding="utf-8")

FATHA, DAMMA, KASRA, SHADDA, SUKUN = "\u064e", "\u064f", "\u0650", "\u0651", "\u0652"
TATWEEL, ZWNJ, HAMZA_ABOVE = "\u0640", "\u200c", "\u0654"


def utf16_slice(text: str, start: int, end: int) -> str:
    """What a QTextCursor selecting [start, end) in ``text`` would hold."""
    data = text.encode("utf-16-le", "surrogatepass")
    return data[2 * start : 2 * end].decode("utf-16-le", "surrogatepass")


def reference(text: str) -> str:
    """The slow per-character path that the fast one must agree with."""
    return " ".join(normalize._reference_tokens(text))


# --- folding rules -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tashkeel, superscript alef and tatweel go; the word stays whole
        ("الرَّئِيسُ", "الرئيس"),
        ("مُحَمَّدٌ", "محمد"),
        ("هٰذا", "هذا"),
        ("جـــولة", "جوله"),
        # alef forms, alef maqsura, teh marbuta, Persian kaf and yeh
        ("أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"),
        ("مصطفى", "مصطفي"),
        ("جولة", "جوله"),
        ("کتاب فارسی", "كتاب فارسي"),
        # hamza on waw / yeh is a letter of its own
        ("مسؤول رئيس", "مسؤول رئيس"),
        # digits
        ("٢٠٢٣", "2023"),
        ("۱۴۰۲", "1402"),
        ("２０２３", "2023"),
        # presentation forms: NFKC, then the rules (ﻷ → لأ → لا)
        ("ﻻ", "لا"),
        ("ﻷحمد", "لاحمد"),
        ("ﺍﻟﺮﺋﻴﺲ", "الرئيس"),
        ("ﷺ", "صلي الله عليه وسلم"),
        # case folding, Latin accents (precomposed and combining alike)
        ("Straße", "strasse"),
        ("CAFÉ café cafe\u0301", "cafe cafe cafe"),
        ("İstanbul", "istanbul"),
        ("ΣΟΦΊΑ σοφία", "σοφια σοφια"),
        ("Привет", "привет"),
        # separators
        ("سيول: زار (أ ف ب)، «قال»", "سيول زار ا ف ب قال"),
        ("snake_case a-b", "snake case a b"),
        ("line1\r\nline2", "line 1 line 2"),
        ("", ""),
        ("...؟! — «»", ""),
    ],
)
def test_index_text_rules(text: str, expected: str) -> None:
    assert index_text(text) == expected
    assert reference(text) == expected


@pytest.mark.parametrize(
    "invisible",
    [
        *map(chr, range(0x200B, 0x2010)),  # ZWSP, ZWNJ, ZWJ, LRM, RLM
        *map(chr, range(0x202A, 0x202F)),  # embeddings and overrides
        *map(chr, range(0x2060, 0x2065)),  # word joiner, invisible operators
        *map(chr, range(0x2066, 0x206A)),  # isolates
        "\u061c",  # ALM
        "\ufeff",  # BOM
        "\u00ad",  # soft hyphen
        "\u034f",  # combining grapheme joiner
        "\ufe0f",  # variation selector
    ],
)
def test_invisible_characters_are_dropped_inside_a_word(invisible: str) -> None:
    assert index_text(f"مي{invisible}خواهم") == "ميخواهم"
    assert index_text(f"{invisible}كيم{invisible} {invisible}") == "كيم"


def test_letter_and_digit_runs_split() -> None:
    assert tokens("15سبتمبر2023") == ["15", "سبتمبر", "2023"]
    assert tokens("١٥سبتمبر٢٠٢٣") == ["15", "سبتمبر", "2023"]
    assert tokens("Su35") == ["su", "35"]
    assert tokens("كوفيد-19 سو-35") == ["كوفيد", "19", "سو", "35"]
    # Every N* character is a digit for tokenizing, not only the decimal ones regex \d knows
    assert tokens("x² 1½ Ⅻقرن") == ["x", "²", "1½", "ⅻ", "قرن"]


def test_decomposed_hamza_composes_as_nfc_would() -> None:
    # و/ي + U+0654 is canonically ؤ/ئ: it must not fold to a bare و/ي.
    assert index_text("مسو" + HAMZA_ABOVE + "ول") == "مسؤول"
    assert index_text("ر" + "ي" + FATHA + HAMZA_ABOVE + "يس") == "رئيس"
    assert index_text(unicodedata.normalize("NFD", "رئيس مسؤول")) == "رئيس مسؤول"
    # After a letter that takes no hamza, it is an ordinary dropped mark (أ folds to ا anyway)
    assert index_text("ا" + HAMZA_ABOVE + "حمد") == "احمد"


def test_tokens_and_query_word() -> None:
    assert tokens(SEED) == index_text(SEED).split()
    assert tokens("") == []
    assert normalize_query_word("إسرائيل") == "اسرائيل"
    assert normalize_query_word("الرَّئِيس") == "الرئيس"
    assert normalize_query_word("؟") == ""
    assert normalize_query_word("*") == ""
    assert normalize_query_word("15سبتمبر") == "15 سبتمبر"


def test_utf16_len() -> None:
    assert utf16_len("") == 0
    assert utf16_len("كيم") == 3
    assert utf16_len("a😀𝄞b") == 6
    assert utf16_len("\U00020000") == 2  # CJK extension B
    assert utf16_len("a\ud800b") == 3  # a lone surrogate is one unit


def test_version_names_the_unicode_database() -> None:
    assert unicodedata.unidata_version in NORMALIZATION_VERSION


# --- offsets -------------------------------------------------------------------------------


def spans(text: str) -> list[tuple[str, str]]:
    """(token, the original text it covers) pairs."""
    return [(t.text, utf16_slice(text, t.start, t.end)) for t in tokens_with_offsets(text)]


def test_offsets_plain_text() -> None:
    assert tokens_with_offsets("كيم يزور روسيا") == [
        Token("كيم", 0, 3),
        Token("يزور", 4, 8),
        Token("روسيا", 9, 14),
    ]
    assert tokens_with_offsets("") == []
    assert tokens_with_offsets(" ،؟ ") == []


def test_offsets_after_astral_characters() -> None:
    text = "😀𝄞 \U00020000كيم"
    toks = tokens_with_offsets(text)
    assert [t.text for t in toks] == ["\U00020000كيم"]  # CJK ext. B is a letter too
    assert (toks[0].start, toks[0].end) == (5, 10)
    text = "😀 كيم 𝄞 جونغ"
    assert [(t.start, t.end) for t in tokens_with_offsets(text)] == [(3, 6), (10, 14)]
    assert spans(text) == [("كيم", "كيم"), ("جونغ", "جونغ")]


def test_offsets_lam_alef_ligature_maps_both_letters_to_its_one_character() -> None:
    text = "كيم ﻻ ﻷحمد"
    assert tokens_with_offsets(text) == [
        Token("كيم", 0, 3),
        Token("لا", 4, 5),
        Token("لاحمد", 6, 10),
    ]
    # One character, several tokens: all share its span
    assert tokens_with_offsets("ﷺ.") == [
        Token("صلي", 0, 1),
        Token("الله", 0, 1),
        Token("عليه", 0, 1),
        Token("وسلم", 0, 1),
    ]


def test_offsets_expanding_case_fold() -> None:
    text = "Die Straße ist"
    assert spans(text) == [("die", "Die"), ("strasse", "Straße"), ("ist", "ist")]
    assert tokens_with_offsets(text)[1] == Token("strasse", 4, 10)


def test_offsets_keep_harakat_with_their_letters() -> None:
    # In the middle of the word they are inside the span anyway; at its end they must
    # be included, or the highlight would cut the damma off the last letter.
    text = "قالَ الرَّئِيسُ، ثم"
    assert spans(text) == [("قال", "قالَ"), ("الرئيس", "الرَّئِيسُ"), ("ثم", "ثم")]
    # ... but never the following separator
    assert tokens_with_offsets(text)[1].end == text.index("،")


def test_offsets_tatweel_zwnj_and_crlf() -> None:
    text = "جـــولة\r\nمي\u200cخواهم\u200c\r\nكيم"
    assert spans(text) == [
        ("جوله", "جـــولة"),
        ("ميخواهم", "مي\u200cخواهم\u200c"),
        ("كيم", "كيم"),
    ]
    toks = tokens_with_offsets(text)
    assert toks[1].start == text.index("مي")
    assert toks[2].start == text.index("كيم")


def test_offsets_letter_digit_runs_and_harakah_between() -> None:
    text = "15سبتمبر2023، 15" + FATHA + "سبتمبر"
    assert spans(text) == [
        ("15", "15"),
        ("سبتمبر", "سبتمبر"),
        ("2023", "2023"),
        ("15", "15" + FATHA),
        ("سبتمبر", "سبتمبر"),
    ]


def test_offsets_composed_hamza() -> None:
    text = "ر" + "ي" + FATHA + HAMZA_ABOVE + "يس"
    assert tokens_with_offsets(text) == [Token("رئيس", 0, 6)]


def test_offsets_on_the_seed_article() -> None:
    toks = tokens_with_offsets(SEED)
    assert [t.text for t in toks] == tokens(SEED)
    for tok in toks:
        assert index_text(utf16_slice(SEED, tok.start, tok.end)) == tok.text


# --- the fast path against the reference -------------------------------------------------------


def _code_points() -> list[int]:
    bmp = [cp for cp in range(0x10000) if not 0xD800 <= cp < 0xE000]
    # Outside the BMP: a sample of every plane in use, and all tags and variation selectors.
    astral = [*range(0x10000, 0x32000, 7), *range(0xE0000, 0xE0200)]
    return bmp + astral


def test_every_character_folds_alike_on_fast_and_reference_paths() -> None:
    mismatches = []
    for cp in _code_points():
        c = chr(cp)
        text = f"ب{c}ت 1{c}2 {c}a{c}"
        if index_text(text) != reference(text):
            mismatches.append(f"U+{cp:04X}")
    assert mismatches == []


def test_folding_every_character_settles_in_fixed_points() -> None:
    for cp in _code_points():
        folded = normalize._PIECES[chr(cp)]
        assert "".join(normalize._PIECES[c] for c in folded) == folded, f"U+{cp:04X}"


def test_word_regex_is_exactly_letters_and_numbers() -> None:
    # Tokenizing relies on regex \w (minus "_") being the Unicode L* and N* categories.
    everything = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp < 0xE000)
    found = set(re.findall(r"[^\W_]", everything))
    expected = {c for c in everything if unicodedata.category(c)[0] in "LN"}
    assert found == expected


def test_fast_alphabet_is_what_the_module_says() -> None:
    assert len(normalize._DECODING) == 256
    assert normalize._DECODING[:128] == "".join(map(chr, range(128)))


# --- properties -----------------------------------------------------------------------------

_ARABIC_LETTERS = "".join(map(chr, range(0x0621, 0x064B))) + "پچژکگیۀەہۂےۓٱ"
_MARKS = "".join(map(chr, range(0x064B, 0x0660))) + "\u0670\u0640\u0301\u0308\u20dd"
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2066\u2069\u061c\ufeff\u00ad"
_DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹²½Ⅻ"
_LATIN = "aZéÉßẞİıﬁΣςἀǅ"
_ASTRAL = "😀𝄞\U00020000\U0001d7d8\U000e0041"  # emoji, music, CJK ext B, math digit, tag
_PUNCT = " \t\r\n.,:;!?()[]\"'-_*^،؛؟«»—…"
_PRESENTATION = "ﻻﻷﻹﻵﷲﷺﺍﺑﺮﺋﻴﺲﭖﮎﯼﹰﹱ\ufe73"

arabicish = st.text(
    st.one_of(
        st.sampled_from(_ARABIC_LETTERS),
        st.sampled_from(_MARKS),
        st.sampled_from(_INVISIBLE),
        st.sampled_from(_DIGITS),
        st.sampled_from(_LATIN),
        st.sampled_from(_ASTRAL),
        st.sampled_from(_PUNCT),
        st.sampled_from(_PRESENTATION),
        st.characters(),
    ),
    max_size=60,
)


@given(arabicish)
@example("ي" + FATHA + HAMZA_ABOVE)
@example("ﷺ" + "\u200c" * 3 + "x")
@example("aﷺb\u064e")
@example("\ud800كيم")
@settings(max_examples=1500, deadline=None)
def test_properties(text: str) -> None:
    indexed = index_text(text)
    toks = tokens_with_offsets(text)
    assert indexed == reference(text)
    assert [t.text for t in toks] == tokens(text) == indexed.split()
    assert index_text(indexed) == indexed  # idempotent
    assert all(index_text(t) == t for t in indexed.split())
    total = utf16_len(text)
    previous = Token("", 0, 0)
    for tok in toks:
        assert 0 <= tok.start < tok.end <= total
        assert tok.start >= previous.start and tok.end >= previous.end
        # Tokens overlap only where one original character folds into several (ﷺ)
        if tok.start < previous.end:
            shared = utf16_slice(text, tok.start, previous.end)
            assert len(shared) == 1 and len(tokens(shared)) > 1
        # The span holds the token
        assert tok.text in index_text(utf16_slice(text, tok.start, tok.end)).split()
        previous = tok


@given(st.text(max_size=200))
@settings(max_examples=500, deadline=None)
def test_any_text(text: str) -> None:
    assert index_text(text) == reference(text)
    assert [t.text for t in tokens_with_offsets(text)] == tokens(text)
