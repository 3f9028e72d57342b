"""One rule lives in one place: the invisible characters, the alef fold, the direction.

A second copy with other numbers is how the list and the pane came to disagree on an
article's direction; these tests keep the copies from coming back.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

import pytest

from reader import cli
from reader.library import reading
from reader.text import article, direction, excerpt, header, lines, normalize, sanitize


def chars_matched(pattern: re.Pattern[str]) -> set[str]:
    return {chr(cp) for cp in range(0x3000) if pattern.fullmatch(chr(cp))} | {
        c for c in sanitize.SURROGATES if pattern.fullmatch(c)
    }


def test_the_named_sets_are_what_they_say():
    assert all(unicodedata.category(c) == "Cc" for c in sanitize.C0_CONTROLS + sanitize.C1_CONTROLS)
    assert {unicodedata.name(c) for c in sanitize.BIDI_CONTROLS} >= {
        "RIGHT-TO-LEFT OVERRIDE",
        "RIGHT-TO-LEFT ISOLATE",
        "POP DIRECTIONAL ISOLATE",
    }
    assert [unicodedata.bidirectional(c) for c in sanitize.BIDI_MARKS] == ["L", "R", "AL"]
    assert all(unicodedata.category(c) == "Cf" for c in sanitize.ZERO_WIDTH + sanitize.BOM)
    assert set(sanitize.INVISIBLE) == set(
        sanitize.ZERO_WIDTH + sanitize.BIDI_MARKS + sanitize.BIDI_CONTROLS + sanitize.BOM
    )


def test_every_module_takes_its_characters_from_sanitize():
    assert set(lines.STRIP) == {" ", *sanitize.INVISIBLE}
    assert cli._UNSAFE_IN_JSON is sanitize.ESCAPED_IN_JSON
    assert chars_matched(cli._UNSAFE_IN_JSON) == set(
        sanitize.C1_CONTROLS + sanitize.BIDI_MARKS + sanitize.BIDI_CONTROLS + sanitize.SURROGATES
    )
    assert chars_matched(direction._INVISIBLE_TO_P2) == set(
        sanitize.BIDI_CONTROLS + sanitize.SURROGATES
    )
    removed = {c for c in map(chr, range(0x3000)) if sanitize.display_safe(f"a{c}b") == "ab"}
    assert removed == set(
        sanitize.C0_CONTROLS + sanitize.DEL + sanitize.C1_CONTROLS + sanitize.BIDI_CONTROLS
    )  # (and BOM, above U+3000; a lone surrogate shows as U+FFFD)
    assert sanitize.display_safe("a\ufeff\ud800b") == "a\ufffdb"


@pytest.mark.parametrize("form", list(normalize.ALEF_FORMS))
def test_one_alef_fold_for_search_and_for_the_parser(form):
    assert normalize.fold_alef(f"{form}ب{form}") == "ابا"
    assert normalize.tokens(f"{form}ب") == ["اب"]
    assert lines.fold(f"{form}ب") == "اب"
    # The header and the body compare by it: a month name, a navigation line at the end.
    date = header.parse_header(["عنوان", f"15 {form}كتوبر 2023"])[2]
    assert date == datetime.date(2023, 10, 15)
    parsed = article.parse_article(f"عنوان\n\nنص الخبر.\n{form}علان\n")
    assert parsed.blocks == (article.Block(article.BlockKind.PARAGRAPH, "نص الخبر."),)


def test_the_direction_rule_has_no_second_copy():
    for module in (reading, excerpt, article):
        assert not [n for n in vars(module) if "DIRECTION" in n or n == "_direction_sample"]
    assert reading.article_direction_of is excerpt.article_direction_of
