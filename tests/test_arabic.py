"""Tests for reader.text.direction and reader.text.sanitize."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.text.direction import article_direction, paragraph_direction, strong_counts
from reader.text.sanitize import display_safe, single_line

SEED_PATH = Path(__file__).resolve().parent.parent / "resources/articles/000_0230be639b82ca88.txt"
SEED = SEED_PATH.read_text(encoding="utf-8")
PARAGRAPHS = [line for line in SEED.splitlines() if line.strip()]
# The seed writes the jet in Arabic script ("سو-35"); real feeds often use Latin "Su-35".
SU35 = next(p for p in PARAGRAPHS if "سو-35" in p)
ENGLISH = "Kim Jong Un visited a Russian fighter jet factory on Friday, the Kremlin said."

# Everything display_safe must remove (or, for line breaks, turn into "\n").
REMOVED = frozenset(
    [chr(c) for c in range(0x20) if c not in (0x09, 0x0A)]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\ufeff", "\u2028", "\u2029"]
    + [chr(c) for c in range(0xD800, 0xE000)]
)
KEPT = "\u200c\u200d\u200e\u200f\u061c"  # ZWNJ, ZWJ, LRM, RLM, ALM


# --- strong_counts ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("", (0, 0)),
        ("2023-09-15 (12:30) ، .", (0, 0)),
        ("BBC سلام 35", (4, 3)),
        ("שלום", (4, 0)),  # Hebrew is RTL (class R) too
        ("\u200f\u061c\u200e", (2, 1)),  # RLM (R), ALM (AL), LRM (L)
        ("\u0645\u064f\u062b\u064f\u0644", (3, 0)),  # harakat are NSM, not strong
    ],
)
def test_strong_counts(text: str, counts: tuple[int, int]) -> None:
    assert strong_counts(text) == counts


# --- paragraph_direction ----------------------------------------------------------------


def test_arabic_paragraph_starting_with_latin_acronym_is_rtl() -> None:
    assert paragraph_direction("BBC: " + PARAGRAPHS[5]) == "rtl"
    assert paragraph_direction("BBC: " + PARAGRAPHS[5], default="ltr") == "rtl"


def test_su35_paragraph_is_rtl() -> None:
    assert paragraph_direction(SU35) == "rtl"
    latin = SU35.replace("سو-35", "Su-35").replace("وسو-57", "و Su-57")
    assert latin.startswith("وقال") and "Su-35" in latin
    assert paragraph_direction(latin) == "rtl"
    assert paragraph_direction("Su-35 " + latin.split(" ", 1)[1]) == "rtl"


@pytest.mark.parametrize("default", ["rtl", "ltr"])
@pytest.mark.parametrize("text", ["2023-09-15", "", "   ", "15/09/2023 12:30 - (1)", "\u064e"])
def test_no_strong_letter_gives_default(text: str, default: str) -> None:
    assert paragraph_direction(text, default=default) == default


@pytest.mark.parametrize("default", ["rtl", "ltr"])
def test_english_sentence_is_ltr(default: str) -> None:
    assert paragraph_direction(ENGLISH, default=default) == "ltr"


@pytest.mark.parametrize("default", ["rtl", "ltr"])
def test_english_with_an_arabic_name_is_ltr(default: str) -> None:
    assert paragraph_direction(ENGLISH + " (الكرملين)", default=default) == "ltr"


@pytest.mark.parametrize("default", ["rtl", "ltr"])
def test_every_seed_paragraph_with_letters_is_rtl(default: str) -> None:
    lines = [p for p in PARAGRAPHS if p != "2023-09-15"]
    assert {paragraph_direction(p, default=default) for p in lines} == {"rtl"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reuters رويترز", "ltr"),  # counts close: the first strong letter decides
        ("رويترز Reuters", "rtl"),
        ("2023\nسلام abc", "rtl"),  # not fooled by a neutral first line
        ("\u2067abcd\u2069 سلام", "ltr"),  # isolates are dropped for display, so also here
        ("\ud800abc سلا", "ltr"),  # lone surrogate: python-bidi would raise on it
    ],
)
def test_close_counts_use_first_strong_letter(text: str, expected: str) -> None:
    assert paragraph_direction(text) == expected
    assert paragraph_direction(text, default="ltr") == expected


def test_bad_default_is_rejected() -> None:
    with pytest.raises(ValueError):
        paragraph_direction("abc", default="auto")


# --- article_direction ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        ([], "rtl"),
        (["", "2023-09-15"], "rtl"),
        (PARAGRAPHS, "rtl"),
        ([ENGLISH, "2023-09-15", ENGLISH], "ltr"),
        (["English headline", *PARAGRAPHS[3:5]], "rtl"),
        ([ENGLISH, "BBC سلام"], "ltr"),
        (["abcd", "سلام"], "rtl"),  # a tie goes to Arabic
        (iter(["abcde", "سلام"]), "ltr"),  # any iterable, consumed once
    ],
)
def test_article_direction(texts: list[str], expected: str) -> None:
    assert article_direction(texts) == expected


# --- display_safe / single_line ---------------------------------------------------------


def test_display_safe_leaves_clean_text_alone() -> None:
    assert display_safe(SEED) == SEED
    assert display_safe("a\tb\nc" + KEPT) == "a\tb\nc" + KEPT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Right-to-left override spoofing a file name / title.
        ("report\u202egpj.exe", "reportgpj.exe"),
        ("\u2067مرحبا\u2069 \u202aabc\u202c", "مرحبا abc"),
        # Terminal escape sequences: OSC title change, CSI colour, bell, 8-bit CSI.
        ("\x1b]0;pwned\x07title", "]0;pwnedtitle"),
        ("\x1b[31mred\x1b[0m", "[31mred[0m"),
        ("a\x9b31mb\x85c\x7fd", "a31mbcd"),
        ("a\x00b\x08c\x1fd", "abcd"),
        ("\ufeffa\ufeffb", "ab"),
        # A file name's bytes that are not UTF-8 (as os.fsdecode gives them) show where.
        ("a\ud800b\udfffc", "a\ufffdb\ufffdc"),
        ("/archive/donn\udce9es.txt", "/archive/donn\ufffdes.txt"),
        ("1\r\n2\r3\u20284\u20295\x0b6\x0c7", "1\n2\n3\n4\n5\n6\n7"),
        ("می\u200cخواهم \u200dـ", "می\u200cخواهم \u200dـ"),  # ZWNJ/ZWJ shape Persian/Arabic
    ],
)
def test_display_safe(text: str, expected: str) -> None:
    assert display_safe(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  عنوان\n\nالخبر\u00a0\u00a0 الأول \t", "عنوان الخبر الأول"),
        ("a\u2029b\u2028c\r\nd\u3000e\u202fF", "a b c d e F"),
        ("\u202eTitle\u202c\x1b[2J", "Title[2J"),
        ("می\u200cخواهم", "می\u200cخواهم"),
        ("\u200f(BBC)\u200f", "\u200f(BBC)\u200f"),
        ("", ""),
        (" \n\t ", ""),
    ],
)
def test_single_line(text: str, expected: str) -> None:
    assert single_line(text) == expected


def test_single_line_of_seed_title() -> None:
    assert single_line(PARAGRAPHS[0]) == "كيم يزور مصنع الطائرات المقاتلة في جولة في روسيا"


# --- properties -------------------------------------------------------------------------

# Arbitrary text, with the dangerous characters (surrogates included, which st.text()
# leaves out by default) made frequent.
HOSTILE = st.lists(
    st.characters() | st.sampled_from(sorted(REMOVED) + list(KEPT + "\n\t \u00a0سa1")),
    max_size=60,
).map("".join)


@given(HOSTILE)
def test_display_safe_output_has_no_removed_chars(text: str) -> None:
    safe = display_safe(text)
    assert not REMOVED.intersection(safe)
    assert display_safe(safe) == safe
    safe.encode("utf-8")  # surrogate-free
    assert [c for c in text if c in KEPT] == [c for c in safe if c in KEPT]


@given(HOSTILE)
def test_single_line_output_is_one_clean_line(text: str) -> None:
    line = single_line(text)
    assert not REMOVED.intersection(line)
    assert "\n" not in line and "\t" not in line and "  " not in line
    assert line == line.strip()
    assert single_line(line) == line


@given(HOSTILE, st.sampled_from(["rtl", "ltr"]))
def test_paragraph_direction_never_raises(text: str, default: str) -> None:
    assert paragraph_direction(text, default=default) in ("rtl", "ltr")
    rtl, ltr = strong_counts(text)
    assert 0 <= rtl + ltr <= len(text)
    if rtl == ltr == 0:
        assert paragraph_direction(text, default=default) == default


@given(st.lists(HOSTILE, max_size=5))
def test_article_direction_never_raises(texts: list[str]) -> None:
    assert article_direction(texts) in ("rtl", "ltr")
