from __future__ import annotations

from reader.text.article import parse_article
from reader.text.normalize import utf16_len
from reader.text.query import parse_query
from reader.text.snippets import make_snippet

from conftest import SEED_FILE


def _piece(text: str, span: tuple[int, int]) -> str:
    """The text of a UTF-16 span."""
    encoded = text.encode("utf-16-le")
    return encoded[span[0] * 2 : span[1] * 2].decode("utf-16-le")


def test_snippet_around_a_match_in_the_seed():
    article = parse_article(SEED_FILE.read_text("utf-8"))
    snippet = make_snippet(article, parse_query("فوستوشني"))
    assert snippet is not None
    assert snippet.text.startswith("وبعد قمتهما في قاعدة فوستوشني الفضائية")  # a short paragraph
    assert [_piece(snippet.text, s) for s in snippet.spans] == ["فوستوشني"]
    # A long paragraph is cut to whole words around the match.
    snippet = make_snippet(article, parse_query("البلدان"))
    assert snippet.text.startswith("… ") and not snippet.text.endswith(" …")  # its last words
    assert "يسعى فيه البلدان المنبوذان" in snippet.text
    assert [_piece(snippet.text, s) for s in snippet.spans] == ["البلدان"]
    snippet = make_snippet(article, parse_query("سيول"))  # the first paragraph's first word
    assert snippet.text.startswith("سيول: زار") and snippet.text.endswith(" …")


def test_clitic_matches_are_highlighted_whole():
    article = parse_article("عنوان\n\nقال إن الاتفاق مع لإسرائيل وإسرائيل مهم.\n")
    snippet = make_snippet(article, parse_query("إسرائيل"))
    assert [_piece(snippet.text, s) for s in snippet.spans] == ["لإسرائيل", "وإسرائيل"]


def test_astral_characters_before_a_match_keep_spans_right():
    article = parse_article("عنوان\n\n𝄞 😀 نص فيه كلمة بحث هنا.\n")
    snippet = make_snippet(article, parse_query("بحث"))
    assert [_piece(snippet.text, s) for s in snippet.spans] == ["بحث"]
    assert snippet.spans[0][0] > len("𝄞 😀 نص فيه كلمة ")  # UTF-16 counts 2 per astral char
    assert snippet.spans[0][1] <= utf16_len(snippet.text)


def test_title_only_match_and_no_match():
    article = parse_article("خبر عن الطقس\n\nنص لا علاقة له.\n")
    assert make_snippet(article, parse_query("الطقس")).text == "خبر عن الطقس"
    assert make_snippet(article, parse_query("كيم")) is None
