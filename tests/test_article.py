from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.article import Article, Block, BlockKind, parse_article
from reader.text.identity import article_id

SEED = Path(__file__).resolve().parent.parent / "resources/articles/000_0230be639b82ca88.txt"
NBSP = "\u00a0"

P = BlockKind.PARAGRAPH
C = BlockKind.CAPTION
S = BlockKind.SUBHEADING


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Article:
    return parse_article(seed_text)


def texts(article: Article, kind: BlockKind) -> list[str]:
    return [b.text for b in article.blocks if b.kind is kind]


# --- the real sample --------------------------------------------------------------------------


def test_seed_header(seed: Article) -> None:
    assert seed.title == "كيم يزور مصنع الطائرات المقاتلة في جولة في روسيا"
    assert seed.source == "أ ف ب-الامة برس"
    assert seed.date == datetime.date(2023, 9, 15)


def test_seed_subheadings(seed: Article) -> None:
    assert texts(seed, S) == [
        "جولة بالقطار المضاد للرصاص",
        "الولايات المتحدة تجري مشاورات مع طوكيو وسيول",
    ]


def test_seed_caption_split_from_first_paragraph(seed: Article) -> None:
    assert texts(seed, C) == [
        "يزور الزعيم الكوري الشمالي كيم جونغ أون أقصى شرق روسيا في أول رحلة رسمية له"
        " إلى الخارج منذ جائحة كوفيد-19 (أ ف ب)"
    ]
    paragraphs = texts(seed, P)
    assert paragraphs[0].startswith("سيول: زار الزعيم")
    assert paragraphs[-1].endswith('"نحن ندرس جميع الخيارات الممكنة".')


def test_seed_block_order(seed: Article) -> None:
    kinds = [b.kind for b in seed.blocks]
    assert kinds == [C] + [P] * 10 + [S] + [P] * 7 + [S] + [P] * 11


def test_seed_has_no_boilerplate_or_blank_blocks(seed: Article) -> None:
    for block in seed.blocks:
        assert "كاريكاتير" not in block.text
        assert "إستطلاعات" not in block.text
        assert block.text.strip() and NBSP not in block.text
        assert block.text == block.text.strip()


def test_seed_header_lines_not_in_body(seed: Article) -> None:
    body = " ".join(b.text for b in seed.blocks)
    assert "2023-09-15" not in body
    assert "الامة برس" not in body
    assert seed.title not in body


def test_seed_words_and_reading_time(seed: Article) -> None:
    assert 600 < seed.words < 700
    assert seed.reading_minutes() == -(-seed.words // 180)
    assert seed.reading_minutes(wpm=100_000) == 1
    with pytest.raises(ValueError):
        seed.reading_minutes(wpm=0)


# --- cosmetic variants keep the Article and the id ----------------------------------------------


def _crlf(t: str) -> str:
    return t.replace("\n", "\r\n")


def _old_mac(t: str) -> str:
    return t.replace("\n", "\r")


def _trailing(t: str) -> str:
    return "\n".join(line + " \t " + NBSP for line in t.split("\n"))


def _nbsp(t: str) -> str:
    return t.replace(" ", NBSP)


def _bom(t: str) -> str:
    return "\ufeff" + t


def _extra_blank_lines(t: str) -> str:
    return "\n\n" + t.replace("\n\n", "\n\n" + NBSP + "\n\n") + "\n\n\n"


def _all_of_them(t: str) -> str:
    return _bom(_crlf(_trailing(_nbsp(t))))


@pytest.mark.parametrize(
    "variant", [_crlf, _old_mac, _trailing, _nbsp, _bom, _extra_blank_lines, _all_of_them]
)
def test_cosmetic_variants_give_same_article_and_id(seed_text, seed, variant) -> None:
    other = parse_article(variant(seed_text))
    assert other == seed
    assert article_id(other) == article_id(seed)


def test_id_shape_and_determinism(seed: Article, seed_text: str) -> None:
    aid = article_id(seed)
    assert re.fullmatch(r"[0-9a-f]{16}", aid)
    assert article_id(parse_article(seed_text)) == aid


def test_renamed_copy_keeps_id(tmp_path: Path, seed: Article) -> None:
    # The id is computed from the parsed content only; the path never enters it.
    copy = tmp_path / "elsewhere" / "renamed article.txt"
    copy.parent.mkdir()
    copy.write_bytes(SEED.read_bytes())
    assert article_id(parse_article(copy.read_text(encoding="utf-8"))) == article_id(seed)


def test_reencoded_copy_keeps_id(tmp_path: Path, seed_text: str, seed: Article) -> None:
    copy = tmp_path / "cp1256.txt"
    copy.write_bytes(seed_text.replace("\n", "\r\n").encode("cp1256", errors="strict"))
    text = copy.read_bytes().decode("cp1256").replace("\r\n", "\n")
    assert article_id(parse_article(text)) == article_id(seed)


def test_changed_boilerplate_tail_keeps_id(seed_text: str, seed: Article) -> None:
    body, _, _ = seed_text.partition("كاريكاتير")
    without_tail = parse_article(body)
    assert without_tail == seed
    # An unknown nav word changes the blocks but not the id (only the opening is hashed).
    extra = parse_article(seed_text + "\n\nالنشرة البريدية\n")
    assert extra.blocks[-1].text == "النشرة البريدية"
    assert article_id(extra) == article_id(seed)


def test_different_articles_get_different_ids(seed_text: str, seed: Article) -> None:
    other = seed_text.replace("سيول: زار الزعيم", "بيونغ يانغ: غادر الزعيم")
    assert article_id(parse_article(other)) != article_id(seed)
    english = parse_article("Kim visits fighter jet plant\nAFP\n2023-09-15\n\nText.\n")
    assert article_id(english) != article_id(seed)


def test_same_title_different_date_gets_different_id() -> None:
    a = parse_article("Breaking news\nAFP\n2023-09-15\n\nA quake hit the city.\n")
    b = parse_article("Breaking news\nAFP\n2023-09-16\n\nA quake hit the city.\n")
    assert article_id(a) != article_id(b)


def test_daily_column_same_title_and_source_gets_different_id() -> None:
    a = parse_article("عمود اليوم\nالكاتب\n\nالحديث اليوم عن الاقتصاد.\n")
    b = parse_article("عمود اليوم\nالكاتب\n\nالحديث اليوم عن الرياضة.\n")
    assert article_id(a) != article_id(b)


# --- header variations ------------------------------------------------------------------------


def test_english_article() -> None:
    text = (
        "Kim visits Russian fighter jet factory  \n"
        "AFP\n"
        "2023-09-15\n"
        "\n"
        "North Korean leader Kim Jong Un tours Russia's Far East (AFP)" + "  " + NBSP
        + "Seoul: Kim Jong Un visited a military aviation plant on Friday.\n"
        "\n"
        "- Armoured train -\n"
        "\n"
        "Kim is travelling in his bulletproof train.\n"
    )  # fmt: skip
    a = parse_article(text)
    assert (a.title, a.source, a.date) == (
        "Kim visits Russian fighter jet factory",
        "AFP",
        datetime.date(2023, 9, 15),
    )
    assert a.blocks == (
        Block(C, "North Korean leader Kim Jong Un tours Russia's Far East (AFP)"),
        Block(P, "Seoul: Kim Jong Un visited a military aviation plant on Friday."),
        Block(S, "Armoured train"),
        Block(P, "Kim is travelling in his bulletproof train."),
    )


def test_no_date_no_agency() -> None:
    a = parse_article("عنوان الخبر\n\nالفقرة الأولى من الخبر هنا.\n\nالفقرة الثانية.\n")
    assert (a.title, a.source, a.date) == ("عنوان الخبر", "", None)
    assert texts(a, P) == ["الفقرة الأولى من الخبر هنا.", "الفقرة الثانية."]


def test_date_without_agency() -> None:
    a = parse_article("Title\n2023-09-15\n\nFirst paragraph.\n")
    assert (a.source, a.date) == ("", datetime.date(2023, 9, 15))
    assert texts(a, P) == ["First paragraph."]


def test_agency_after_date_is_recognised() -> None:
    a = parse_article("العنوان\n2023-09-15\nرويترز\n\nنص الخبر.\n")
    assert (a.title, a.source, a.date) == ("العنوان", "رويترز", datetime.date(2023, 9, 15))
    assert texts(a, P) == ["نص الخبر."]


def test_date_before_title() -> None:
    a = parse_article("2023-09-15\nالعنوان\nأ ف ب\n\nنص الخبر.\n")
    assert (a.title, a.source, a.date) == ("العنوان", "أ ف ب", datetime.date(2023, 9, 15))


def test_agency_and_date_on_one_line() -> None:
    a = parse_article("Title\nAFP - 15/09/2023\n\nBody.\n")
    assert (a.title, a.source, a.date) == ("Title", "AFP", datetime.date(2023, 9, 15))
    assert texts(a, P) == ["Body."]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2023-09-15", datetime.date(2023, 9, 15)),
        ("2023-09-15T12:00", datetime.date(2023, 9, 15)),
        ("2023-09-15 12:00:00", datetime.date(2023, 9, 15)),
        ("2023-09-15T12:00:00+03:00", datetime.date(2023, 9, 15)),
        ("15/09/2023", datetime.date(2023, 9, 15)),
        ("2023/9/15", datetime.date(2023, 9, 15)),
        ("15.09.2023", datetime.date(2023, 9, 15)),
        ("09/15/2023", datetime.date(2023, 9, 15)),  # only month-first is possible
        ("05/06/2023", datetime.date(2023, 6, 5)),  # ambiguous: day first
        ("٢٠٢٣-٠٩-١٥", datetime.date(2023, 9, 15)),  # Arabic-Indic digits
        ("الجمعة 15 سبتمبر 2023", datetime.date(2023, 9, 15)),
        ("15 أيلول 2023", datetime.date(2023, 9, 15)),
        ("Friday, September 15, 2023", datetime.date(2023, 9, 15)),
        ("Published: 15 Sep 2023 12:00 GMT", datetime.date(2023, 9, 15)),
        ("2023-02-30", None),  # invalid, but still a header line
        ("2023-13-01", None),
    ],
)
def test_date_formats(line: str, expected: datetime.date | None) -> None:
    a = parse_article(f"Title\nAFP\n{line}\n\nBody text.\n")
    assert (a.title, a.source, a.date) == ("Title", "AFP", expected)
    assert a.blocks == (Block(P, "Body text."),)


def test_date_inside_body_is_not_the_date() -> None:
    a = parse_article("Title\n\nOn 2023-09-15 the summit took place in Vladivostok.\n")
    assert a.date is None
    assert texts(a, P) == ["On 2023-09-15 the summit took place in Vladivostok."]


def test_title_only() -> None:
    a = parse_article("  Breaking news " + NBSP + "\n")
    assert a == Article("Breaking news", "", None, ())
    assert a.words == 2 and a.reading_minutes() == 1


def test_empty_body() -> None:
    a = parse_article("العنوان\nأ ف ب\n2023-09-15\n\n" + NBSP + "\n\nكاريكاتير\n\nإستطلاعات الرأي")
    assert a == Article("العنوان", "أ ف ب", datetime.date(2023, 9, 15), ())


def test_short_second_line_without_support_is_body() -> None:
    # No date, no known agency and nothing after it: a one-line body, not an agency.
    a = parse_article("Title\nShort body line")
    assert (a.title, a.source) == ("Title", "")
    assert a.blocks == (Block(P, "Short body line"),)


@pytest.mark.parametrize("text", ["", "\n\n", "   \n" + NBSP + "\n\t", "\ufeff", "***\n---"])
def test_empty_files(text: str) -> None:
    a = parse_article(text)
    assert a == Article("", "", None, ())
    assert re.fullmatch(r"[0-9a-f]{16}", article_id(a))


def test_date_only_file() -> None:
    assert parse_article("2023-09-15\n") == Article("", "", datetime.date(2023, 9, 15), ())


def test_single_long_line_becomes_body_with_excerpt_title() -> None:
    sentence = "زار الزعيم الكوري الشمالي مصنعا للطيران العسكري الروسي اليوم الجمعة. "
    line = (sentence * 4).strip()
    a = parse_article(line)
    assert a.blocks == (Block(P, line),)
    assert a.title == " ".join(line.split()[:12]) + "…"


# --- body structure ---------------------------------------------------------------------------


def test_single_newline_file_one_paragraph_per_line() -> None:
    a = parse_article(
        "Title\nAFP\n2023-09-15\nFirst paragraph here\nSecond paragraph here\nThird one.\n"
    )
    assert texts(a, P) == ["First paragraph here", "Second paragraph here", "Third one."]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "Title\n\n"
        "North Korean leader Kim Jong Un visited a Russian military\n"
        "aviation plant on Friday, after his summit with President\n"
        "Vladimir Putin.\n\n"
        "Western countries have warned Moscow and Pyongyang against\n"
        "an arms deal that would defy global sanctions.\n"
    )
    a = parse_article(text)
    assert texts(a, P) == [
        "North Korean leader Kim Jong Un visited a Russian military aviation plant on Friday,"
        " after his summit with President Vladimir Putin.",
        "Western countries have warned Moscow and Pyongyang against an arms deal that would"
        " defy global sanctions.",
    ]


def test_mostly_blank_separated_file_keeps_adjacent_full_paragraphs_apart() -> None:
    long_a = "الفقرة الأولى " * 15 + "انتهت."
    long_b = "الفقرة الثانية " * 15 + "انتهت."
    a = parse_article(f"Title\n\n{long_a}\n{long_b}\n\nالفقرة الثالثة.\n")
    assert len(texts(a, P)) == 3


@pytest.mark.parametrize(
    ("line", "inner"),
    [
        ("- جولة بالقطار المضاد للرصاص -", "جولة بالقطار المضاد للرصاص"),
        ("– الولايات المتحدة تجري مشاورات –", "الولايات المتحدة تجري مشاورات"),
        ("— Em dash heading —", "Em dash heading"),
        ("-بدون مسافات-", "بدون مسافات"),
        ("  - " + NBSP + "padded -  ", "padded"),
    ],
)
def test_framed_subheadings(line: str, inner: str) -> None:
    a = parse_article(f"Title\n\nFirst.\n\n{line}\n\nSecond.\n")
    assert a.blocks == (Block(P, "First."), Block(S, inner), Block(P, "Second."))


@pytest.mark.parametrize("line", ["- first point", "– نقطة أولى", "-5% drop in sales"])
def test_unclosed_dash_line_stays_paragraph(line: str) -> None:
    a = parse_article(f"Title\n\nFirst.\n\n{line}\n\nSecond.\n")
    assert a.blocks == (Block(P, "First."), Block(P, line), Block(P, "Second."))


def test_bullets_in_blank_separated_file_are_not_joined() -> None:
    a = parse_article("Title\n\nIntro:\n- first point\n- second point\n\nEnd.\n")
    assert texts(a, P) == ["Intro:", "- first point", "- second point", "End."]


def test_decorative_rules_are_dropped() -> None:
    a = parse_article("Title\n\nFirst.\n\n* * *\n\n-----\n\nSecond.\n")
    assert a.blocks == (Block(P, "First."), Block(P, "Second."))


# --- captions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "credit", ["(أ ف ب)", "(رويترز)", "(AFP)", "(Reuters)", "(ا ف ب)", "(أ.ف.ب)", "(AP)", "(Getty)"]
)
def test_fused_caption_with_various_credits(credit: str) -> None:
    caption = f"صورة أرشيفية للرئيس خلال زيارة رسمية {credit}"
    a = parse_article(f"Title\nAFP\n2023-09-15\n\n{caption}  {NBSP} النص الأول للخبر.\n")
    assert a.blocks == (Block(C, caption), Block(P, "النص الأول للخبر."))


def test_caption_not_split_on_single_space_after_credit() -> None:
    line = "وقال المتحدث لوكالة الأنباء (رويترز) إن المحادثات ستستمر غدا."
    a = parse_article(f"Title\n\n{line}\n")
    assert a.blocks == (Block(P, line),)


def test_dateline_credit_is_not_a_caption() -> None:
    line = "هونغ كونغ (أ ف ب)  - أعلنت السلطات اليوم إغلاق المدارس."
    a = parse_article(f"Title\n\n{line}\n")
    assert a.blocks == (Block(P, "هونغ كونغ (أ ف ب) - أعلنت السلطات اليوم إغلاق المدارس."),)


def test_long_parenthetical_is_not_a_credit() -> None:
    line = "قال التقرير إن الأسعار (التي ارتفعت كثيرا خلال الأشهر الماضية)  ستنخفض قريبا."
    a = parse_article(f"Title\n\n{line}\n")
    assert [b.kind for b in a.blocks] == [P]


def test_caption_later_in_the_article() -> None:
    a = parse_article("Title\n\nFirst.\n\nRescuers search the rubble on Friday (AFP)   Second.\n")
    assert a.blocks == (
        Block(P, "First."),
        Block(C, "Rescuers search the rubble on Friday (AFP)"),
        Block(P, "Second."),
    )


def test_caption_scan_gives_up_on_long_lines() -> None:
    # A credit far from the line start cannot close a caption (regression: used to loop).
    line = "a (b)  " + "x " * 600 + "word word word (AFP)  text"
    a = parse_article(f"Title\n\n{line}\n")
    assert [b.kind for b in a.blocks] == [P]


# --- boilerplate ------------------------------------------------------------------------------


def test_boilerplate_words_in_the_middle_are_kept() -> None:
    a = parse_article(
        "Title\n\nFirst.\n\nكاريكاتير\n\nاستطلاعات الرأي\n\nLast.\n\nكاريكاتير\n\nاستطلاعات الرأي\n"
    )
    assert texts(a, P) == ["First.", "كاريكاتير", "استطلاعات الرأي", "Last."]


def test_boilerplate_tail_in_single_newline_file_is_stripped() -> None:
    a = parse_article("Title\nAFP\nFirst.\nSecond.\nكاريكاتير\nإستطلاعات الرأي\nRead more\n")
    assert texts(a, P) == ["First.", "Second."]


# --- robustness -------------------------------------------------------------------------------

_FRAGMENTS = st.sampled_from(
    [
        "\n", "\n\n", "\r\n", "\r", " ", "  ", NBSP, "\t", "\u200f", "\ufeff", "\u2028",
        "-", "–", "—", "(", ")", "(أ ف ب)", "(AFP)", "  " + NBSP, ".", ":", "،",
        "2023-09-15", "15/09/2023", "2023-02-30", "15 سبتمبر 2023", "T12:00",
        "كاريكاتير", "إستطلاعات الرأي", "أ ف ب-الامة برس", "AFP", "رويترز",
        "العنوان", "سيول: زار الزعيم", "word", "١٥", "\udcff",
    ]
)  # fmt: skip


def _check(a: Article) -> None:
    assert isinstance(a.title, str) and "\n" not in a.title and a.title == a.title.strip()
    for block in a.blocks:
        assert block.kind in BlockKind
        assert block.text and block.text == block.text.strip()
        assert "\n" not in block.text
    assert re.fullmatch(r"[0-9a-f]{16}", article_id(a))
    assert a.words >= 0 and a.reading_minutes() >= 1


@settings(max_examples=300)
@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    _check(parse_article(text))


@settings(max_examples=300)
@given(st.lists(_FRAGMENTS | st.text(max_size=5), max_size=60).map("".join))
def test_never_raises_on_article_like_text(text: str) -> None:
    a = parse_article(text)
    _check(a)
    # Line-ending style never changes the result.
    unix = text.replace("\r", "")
    assert parse_article(unix.replace("\n", "\r\n")) == parse_article(unix)
