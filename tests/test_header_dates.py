"""The header's date line is found whatever the source line above it looks like.

Issue "Real archives": 9 % of the articles lost their date, because a source line the
header did not recognise (``الرياض - الوئام :``, ``سبق- تبوك:`` ...) ended the header and
the date line under it became body text. Every case is a full article header, tested
through :func:`parse_article`, in three layouts (one line break between lines, blank lines
between them, CRLF line endings), with the expected title, source, date and first paragraph.
"""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reader.text import byline, header
from reader.text.article import BlockKind, parse_article
from reader.text.lines import ALNUM, STRIP

from conftest import SEED_FILE

D = datetime.date
TITLE = "وزارة الصحة تفتتح مستشفى جديدا في تبوك"
P1 = "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في المدينة بسعة مئتي سرير."
P2 = "وقال الوزير إن المشروع سيخدم آلاف المرضى في المنطقة."
NBSP, ZWSP, ZWNJ, RLM = "\u00a0", "\u200b", "\u200c", "\u200f"

# The source lines of the issue, unrecognised before it was fixed.
ALWIAM = "الرياض - الوئام :"
SABQ = "سبق- تبوك:"
AUTHOR_SABQ = "محمد البقمي- سبق:"
THREE_CITIES = "أبها، واشنطن، بيروت: محمد أبوالقاسم، أسماء وهبة، علي الحسن"
BUREAU = "القاهرة - مكتب الجزيرة - علي البلهاسي:"
# Bylines that carry their own date (and time).
DATED_AFP = "لندن - (أ ف ب) | Monday, 10 August 2015 - 13:12 pm-الرياضية"
DATED_ALYAUM = "أغسطس 5, 2015, 3:30 ص-اليوم"

# (name, header lines with TITLE among them, expected source, expected date)
CASES = [
    # --- the issue: a source line the header did not know, then the date line ---
    ("alwiam", [TITLE, ALWIAM, "2015-08-10"], ALWIAM, D(2015, 8, 10)),
    ("sabq_town", [TITLE, SABQ, "2015-08-10"], SABQ, D(2015, 8, 10)),
    ("author_sabq", [TITLE, AUTHOR_SABQ, "2015-08-10"], AUTHOR_SABQ, D(2015, 8, 10)),
    ("zwsp_first", [TITLE, ZWSP + "سبق- الرياض:", "2015-08-10"], "سبق- الرياض:", D(2015, 8, 10)),
    ("three_cities", [TITLE, THREE_CITIES, "2015-08-10"], THREE_CITIES, D(2015, 8, 10)),
    ("bureau", [TITLE, BUREAU, "2015-08-10"], BUREAU, D(2015, 8, 10)),
    # --- the same lines written otherwise ---
    ("harakat", [TITLE, "الرِّيَاضُ - الوِئَامُ :", "2015-08-10"], "الرِّيَاضُ - الوِئَامُ :",
     D(2015, 8, 10)),
    ("nbsp", [TITLE, f"الرياض{NBSP}-{NBSP}الوئام{NBSP}:", "2015-08-10"], ALWIAM,
     D(2015, 8, 10)),
    ("zwnj_inside", [TITLE, f"سبق{ZWNJ}- تبوك:", "2015-08-10"], f"سبق{ZWNJ}- تبوك:",
     D(2015, 8, 10)),
    ("rlm_both", [TITLE, RLM + ALWIAM, RLM + "2015-08-10"], ALWIAM, D(2015, 8, 10)),
    ("tatweel", [TITLE, "سبـق- تبـوك:", "2015-08-10"], "سبـق- تبـوك:", D(2015, 8, 10)),
    ("no_space_colon", [TITLE, "الرياض-الوئام:", "2015-08-10"], "الرياض-الوئام:", D(2015, 8, 10)),
    (
        "long_byline",
        [TITLE, "الرياض - واشنطن - بيروت: محمد أبوالقاسم، أسماء وهبة، علي الحسن، فهد العتيبي،"
         " سارة الشمري", "2015-08-10"],
        "الرياض - واشنطن - بيروت: محمد أبوالقاسم، أسماء وهبة، علي الحسن، فهد العتيبي، سارة الشمري",
        D(2015, 8, 10),
    ),
    ("english_colon", [TITLE, "By Jane Doe and John Roe, Associated Press:", "2015-08-10"],
     "By Jane Doe and John Roe, Associated Press:", D(2015, 8, 10)),
    ("english_dash", [TITLE, "LONDON (Reuters) -", "Monday, 10 August 2015"],
     "LONDON (Reuters) -", D(2015, 8, 10)),
    ("subtitle_sentence", [TITLE, "مصر: ارتفاع التضخم إلى 30 في المئة", "2023-09-15"],
     "مصر: ارتفاع التضخم إلى 30 في المئة", D(2023, 9, 15)),
    # --- date line formats, under an unrecognised source line ---
    ("dmy", [TITLE, SABQ, "10/08/2015"], SABQ, D(2015, 8, 10)),
    ("d_month_y", [TITLE, SABQ, "10 أغسطس 2015"], SABQ, D(2015, 8, 10)),
    ("levant_month", [TITLE, SABQ, "10 آب 2015"], SABQ, D(2015, 8, 10)),
    ("maghreb_month", [TITLE, SABQ, "10 أوت 2015"], SABQ, D(2015, 8, 10)),
    ("english_weekday", [TITLE, SABQ, "Monday, 10 August 2015"], SABQ, D(2015, 8, 10)),
    ("indic_dmy", [TITLE, SABQ, "١٠/٠٨/٢٠١٥"], SABQ, D(2015, 8, 10)),
    ("indic_iso", [TITLE, SABQ, "٢٠١٥-٠٨-١٠"], SABQ, D(2015, 8, 10)),
    ("persian_digits", [TITLE, SABQ, "۱۰ أغسطس ۲۰۱۵"], SABQ, D(2015, 8, 10)),
    ("iso_time", [TITLE, SABQ, "2015-08-10 13:12"], SABQ, D(2015, 8, 10)),
    ("iso_t_zone", [TITLE, SABQ, "2015-08-10T13:12:00+03:00"], SABQ, D(2015, 8, 10)),
    ("weekday_time", [TITLE, SABQ, "الاثنين 10 أغسطس 2015 - 01:12 م"], SABQ, D(2015, 8, 10)),
    ("published_ar", [TITLE, SABQ, "نشر في: الاثنين 10 أغسطس 2015"], SABQ, D(2015, 8, 10)),
    ("published_harakat", [TITLE, SABQ, "نُشِرَ فِي 10 أَغُسْطُس 2015"], SABQ, D(2015, 8, 10)),
    ("updated_ar", [TITLE, SABQ, "آخر تحديث: 10 أغسطس 2015 - 13:12"], SABQ, D(2015, 8, 10)),
    ("published_en", [TITLE, SABQ, "Published: Monday, 10 August 2015 13:12 GMT"], SABQ,
     D(2015, 8, 10)),
    ("updated_en", [TITLE, SABQ, "Updated 10/08/2015 13:12"], SABQ, D(2015, 8, 10)),
    ("tatweel_month", [TITLE, SABQ, "10 أغسطـــس 2015"], SABQ, D(2015, 8, 10)),
    ("hijri_beside", [TITLE, SABQ, "10 أغسطس 2015 - 25 شوال 1436 هـ"], SABQ, D(2015, 8, 10)),
    ("suffix_m", [TITLE, SABQ, "الاثنين 10 أغسطس 2015م"], SABQ, D(2015, 8, 10)),
    ("time_words", [TITLE, SABQ, "2015-08-10 الساعة 10:30 صباحاً"], SABQ, D(2015, 8, 10)),
    ("nbsp_date", [TITLE, SABQ, f"10{NBSP}أغسطس{NBSP}2015"], SABQ, D(2015, 8, 10)),
    ("rlm_in_date", [TITLE, SABQ, f"الاثنين{RLM} 10 أغسطس 2015"], SABQ, D(2015, 8, 10)),
    # --- order: date line first, then the source line; date before the title ---
    ("date_then_sabq", [TITLE, "2015-08-10", SABQ], SABQ, D(2015, 8, 10)),
    ("date_then_bureau", [TITLE, "10 أغسطس 2015", BUREAU], BUREAU, D(2015, 8, 10)),
    ("date_then_cities", [TITLE, "2015-08-10", THREE_CITIES], THREE_CITIES, D(2015, 8, 10)),
    ("date_before_title", ["2015-08-10", TITLE, SABQ], SABQ, D(2015, 8, 10)),
    ("date_before_title_2", ["2015-08-10", TITLE, ALWIAM, "الاثنين 10 أغسطس 2015"],
     ALWIAM, D(2015, 8, 10)),
    # --- bylines that carry a date: theirs only when the header has no date line ---
    ("dated_afp", [TITLE, DATED_AFP], DATED_AFP, D(2015, 8, 10)),
    ("dated_alyaum", [TITLE, DATED_ALYAUM], DATED_ALYAUM, D(2015, 8, 5)),
    ("dated_afp_then_date", [TITLE, DATED_AFP, "2015-08-11"], DATED_AFP, D(2015, 8, 11)),
    ("date_then_dated_alyaum", [TITLE, "2015-08-11", DATED_ALYAUM], DATED_ALYAUM, D(2015, 8, 11)),
    ("dated_alyaum_then_date", [TITLE, DATED_ALYAUM, "نشر في 11 أغسطس 2015"], DATED_ALYAUM,
     D(2015, 8, 11)),
    ("agency_dated", [TITLE, "AFP - 15/09/2023"], "AFP", D(2023, 9, 15)),
    ("agency_dated_then_date", [TITLE, "AFP - 15/09/2023", "2023-09-16"], "AFP", D(2023, 9, 16)),
    ("byline_with_time", [TITLE, "الرياض - الوئام - 13:12", "2015-08-10"],
     "الرياض - الوئام - 13:12", D(2015, 8, 10)),
    # --- two source lines ---
    ("author_then_sabq", [TITLE, "محمد البقمي", SABQ, "2015-08-10"], "محمد البقمي", D(2015, 8, 10)),
    ("subtitle_then_agency", [TITLE, "مصر: ارتفاع التضخم إلى 30 في المئة", "أ ف ب", "2023-09-15"],
     "أ ف ب", D(2023, 9, 15)),
    ("sabq_then_dated", [TITLE, SABQ, DATED_ALYAUM], SABQ, D(2015, 8, 5)),
    # --- no source line, no date line ---
    ("date_only", [TITLE, "2015-08-10"], "", D(2015, 8, 10)),
    ("labelled_date_only", [TITLE, "نشر في: 10 أغسطس 2015"], "", D(2015, 8, 10)),
    ("agency_no_date", [TITLE, "رويترز"], "رويترز", None),
    ("sabq_no_date", [TITLE, SABQ], SABQ, None),
    ("title_only_header", [TITLE], "", None),
]  # fmt: skip


def _text(header: list[str], sep: str) -> str:
    return sep.join(header) + "\n\n" + P1 + "\n\n" + P2 + "\n"


def _tight(header: list[str]) -> str:
    return _text(header, "\n")


def _blank_lines(header: list[str]) -> str:
    return _text(header, "\n\n")


def _crlf(header: list[str]) -> str:
    return _text(header, "\n").replace("\n", "\r\n")


@pytest.mark.parametrize("layout", [_tight, _blank_lines, _crlf])
@pytest.mark.parametrize(
    ("header", "source", "date"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_header(header, source, date, layout) -> None:
    a = parse_article(layout(header))
    assert (a.title, a.source, a.date) == (TITLE, source, date)
    assert [b.text for b in a.blocks] == [P1, P2]  # nothing of the header, nothing lost


def test_the_header_and_the_byline_parser_agree_on_a_source_lines_length() -> None:
    assert header._BYLINE_MAX_CHARS == byline.MAX_CHARS


def test_the_corpus_names_are_unique() -> None:
    assert len({c[0] for c in CASES + NEGATIVES}) == len(CASES) + len(NEGATIVES)


# --- what is not a header date line -----------------------------------------------------------

LONG = (
    "قال المتحدث باسم وزارة الصحة في مؤتمر صحفي عقده في العاصمة إن الوزارة تعمل على توسيع"
    " شبكة المستشفيات في جميع المناطق، وإن المستشفى الجديد هو الأول من عشرة مستشفيات ستفتتح"
    " خلال العامين المقبلين بتكلفة تتجاوز ملياري ريال."
)
assert len(LONG) > 200


def _paragraphs(text: str) -> list[str]:
    return [b.text for b in parse_article(text).blocks if b.kind is BlockKind.PARAGRAPH]


NEGATIVES = [
    # A one-line body under the title.
    ("one_line_body", f"{TITLE}\nوصل الوفد إلى الرياض", "", ["وصل الوفد إلى الرياض"]),
    # A body paragraph that mentions a date, right under the title.
    ("dated_sentence", f"{TITLE}\nفي 15 سبتمبر 2023 قال الوزير إن المحادثات ستستمر.\n{P2}\n", "",
     ["في 15 سبتمبر 2023 قال الوزير إن المحادثات ستستمر.", P2]),
    ("dated_sentence_no_stop", f"{TITLE}\nفي 15 سبتمبر 2023 قال الوزير إن المحادثات ستستمر\n{P2}\n",
     "", ["في 15 سبتمبر 2023 قال الوزير إن المحادثات ستستمر", P2]),
    ("dated_sentence_en", f"{TITLE}\n\nOn 2023-09-15 the summit took place in Vladivostok.\n", "",
     ["On 2023-09-15 the summit took place in Vladivostok."]),
    ("byline_then_dated_sentence",
     f"{TITLE}\n{SABQ}\nوصل الوفد يوم 15 سبتمبر 2023 إلى الرياض لبدء المحادثات\n{P2}\n",
     SABQ, ["وصل الوفد يوم 15 سبتمبر 2023 إلى الرياض لبدء المحادثات", P2]),
    # A long first paragraph, then a line that looks like a date.
    ("long_paragraph_first", f"{TITLE}\n{LONG}\n2023-09-15\n{P2}\n", "", [LONG, "2023-09-15", P2]),
    ("long_paragraph_blank", f"{TITLE}\n\n{LONG}\n\n2023-09-15\n\n{P2}\n", "",
     [LONG, "2023-09-15", P2]),
    # A body sentence, then a date line.
    ("sentence_then_date", f"{TITLE}\n\n{P1}\n\n2023-09-15\n\n{P2}\n", "", [P1, "2023-09-15", P2]),
    # Several lines before it, or two that are no source line.
    ("three_lines_first", f"{TITLE}\nسطر أول\nسطر ثان\nسطر ثالث\n2023-09-15\n{P2}\n", "سطر أول",
     ["سطر ثان", "سطر ثالث", "2023-09-15", P2]),
    # (A short line under the title with more after it stays the source, by the rule that
    # was there before: those articles keep their ids.)
    ("two_sentences_first",
     f"{TITLE}\nقال الوزير إن المحادثات ستستمر\nوأضاف أن الوفد سيعود غدا\n2023-09-15\n",
     "قال الوزير إن المحادثات ستستمر", ["وأضاف أن الوفد سيعود غدا", "2023-09-15"]),
    # No headline: the first line is body text, and so is what follows it.
    ("no_headline", f"{LONG}\n2023-09-15\n{P2}\n", "", [LONG, "2023-09-15", P2]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "source", "body"), [c[1:] for c in NEGATIVES], ids=[c[0] for c in NEGATIVES]
)
def test_no_header_date(text: str, source: str, body: list[str]) -> None:
    a = parse_article(text)
    assert a.date is None
    assert a.source == source
    assert _paragraphs(text) == body


def test_no_date_line_loses_nothing() -> None:
    a = parse_article(f"{TITLE}\n{ALWIAM}\n{P1}\n{P2}\n")
    assert (a.title, a.source, a.date) == (TITLE, ALWIAM, None)
    assert [b.text for b in a.blocks] == [P1, P2]


def test_a_second_source_line_after_the_date_stays_in_the_body() -> None:
    # Only the lines above the date line can all be header; below it, one source line.
    a = parse_article(f"{TITLE}\n{ALWIAM}\n2015-08-10\n{SABQ}\n{P1}\n")
    assert (a.source, a.date) == (ALWIAM, D(2015, 8, 10))
    assert [b.text for b in a.blocks] == [SABQ, P1]


def test_a_second_date_line_is_header_too() -> None:
    a = parse_article(f"{TITLE}\n{SABQ}\nنشر في 10 أغسطس 2015\nآخر تحديث 11 أغسطس 2015\n{P1}\n")
    assert (a.source, a.date) == (SABQ, D(2015, 8, 10))
    assert [b.text for b in a.blocks] == [P1]


# --- whatever the source line looks like ------------------------------------------------------

_SOURCE_CHARS = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويةىءأإآ") + list("abcdefxyzABCXYZ")
    + list("     -:|،,()«»/_.") + [NBSP, ZWSP, RLM, "\u0640", "\u064e", "\u0650"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(line=st.text(_SOURCE_CHARS, min_size=1, max_size=120))
def test_any_short_line_above_the_date_line_is_the_source_line(line: str) -> None:
    cleaned = " ".join(line.split()).strip(STRIP)
    assume(ALNUM.search(cleaned) and cleaned[-1] not in ".")  # no line, or a sentence
    a = parse_article(f"{TITLE}\n{line}\n2015-08-10\n\n{P1}\n")
    assert (a.title, a.date) == (TITLE, D(2015, 8, 10))
    assert [b.text for b in a.blocks] == [P1]
    assert a.source == cleaned  # the line as written


@settings(max_examples=300, deadline=None)
@given(line=st.text(_SOURCE_CHARS, min_size=1, max_size=120))
def test_any_line_under_the_date_line_keeps_the_date(line: str) -> None:
    a = parse_article(f"{TITLE}\n2015-08-10\n{line}\n\n{P1}\n")
    assert (a.title, a.date) == (TITLE, D(2015, 8, 10))
    assert a.blocks[-1].text == P1


def test_the_byline_tables_load_only_for_a_header_that_needs_them() -> None:
    # The pane parses the article it opens on the GUI thread; the tables take ~25 ms.
    code = (
        "import sys; from pathlib import Path; from reader.text.article import parse_article\n"
        f"parse_article(Path({str(SEED_FILE)!r}).read_text('utf-8'))\n"
        "print('reader.text.byline' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
