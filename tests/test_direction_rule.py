"""One rule for an article's direction: the list, ``--list --json`` and the pane agree.

They once had three samples (the list the first 20,000 characters, the pane 10,000 per
paragraph, the pane's paragraphs 10,000 each), and an article opening with a long English
paragraph was left-to-right in the list and right-to-left in the pane.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from reader.app import main
from reader.library.reading import open_excerpt, read_entry
from reader.text import _fast, direction
from reader.text.article import Article, Block, BlockKind, parse_article
from reader.text.direction import (
    ARTICLE_SAMPLE,
    PARAGRAPH_SAMPLE,
    article_direction,
    article_direction_of,
    paragraph_direction,
    strong_counts,
)
from reader.text.excerpt import excerpt

from conftest import ENGLISH_ARTICLE, SEED_FILE, SEED_PARAGRAPHS

_ENGLISH_WORDS = [
    "The",
    "minister",
    "said",
    "on",
    "Monday",
    "that",
    "talks",
    "would",
    "resume",
    "next",
    "week",
    "in",
    "Geneva.",
]


def mixed_text() -> str:
    """An Arabic title, 5,000 English words, then 18 long Arabic paragraphs."""
    english = " ".join(itertools.islice(itertools.cycle(_ENGLISH_WORDS), 5000))
    # The seed's first paragraph holds a photo caption: leave it out, one block stays one.
    paragraph = " ".join(" ".join(SEED_PARAGRAPHS[1:] * 2).split()[:900])
    arabic = [paragraph] * 18
    return "عنوان عربي لمقال طويل\nأ ف ب\n2023-09-15\n\n" + "\n\n".join([english, *arabic]) + "\n"


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    path = folder / "mixed.txt"
    path.write_text(mixed_text(), "utf-8")
    return path


def test_the_article_is_mostly_arabic():
    a = parse_article(mixed_text())
    english, *arabic = a.blocks
    assert len(english.text.split()) == 5000 and len(arabic) == 18
    rtl, ltr = strong_counts("\n".join([a.title, *(b.text for b in a.blocks)]))
    assert rtl > 2 * ltr and ltr > 20_000


def test_the_list_and_the_pane_agree_on_the_direction(mixed):
    listed = read_entry(str(mixed)).entry.direction
    shown = excerpt(parse_article(mixed.read_text("utf-8"))).direction
    opened = open_excerpt(mixed)
    assert opened is not None
    assert (listed, shown, opened.excerpt.direction) == ("rtl", "rtl", "rtl")


def test_list_json_says_rtl(mixed, capsys, data_dir):
    code = main(["qari", "--data-dir", str(data_dir), "--list", "--json", str(mixed.parent)])
    out, _ = capsys.readouterr()
    assert code == 0
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert row["title"] == "عنوان عربي لمقال طويل"
    assert row["direction"] == "rtl"


# --- the rule itself ----------------------------------------------------------------------

_ARABIC = " ".join(SEED_PARAGRAPHS[1:])[:1000]
_ENGLISH = " ".join(itertools.islice(itertools.cycle(_ENGLISH_WORDS), 160))[:1000]


def article_of(*paragraphs: str, title: str = "عنوان") -> Article:
    return Article(title, "", None, tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs))


def all_letters(a: Article) -> str:
    return article_direction([a.title, *(b.text for b in a.blocks if b.kind != "caption")])


def test_a_normal_article_counts_every_letter():
    for a in (
        parse_article(SEED_FILE.read_text("utf-8")),
        parse_article(ENGLISH_ARTICLE),
        article_of(_ENGLISH, _ARABIC, _ENGLISH),
        article_of(_ARABIC, _ENGLISH, _ARABIC, title="An English title"),
        article_of(*[_ENGLISH] * 90, *[_ARABIC] * 100),  # 190,000 characters: all of them
    ):
        assert article_direction_of(a) == all_letters(a)


def test_a_long_article_is_sampled_from_end_to_end(monkeypatch):
    # 3 MB of Arabic, then 9 MB of English: its opening alone would say rtl.
    a = article_of(*[_ARABIC] * 3000, *[_ENGLISH] * 9000)
    b = article_of(*[_ENGLISH] * 3000, *[_ARABIC] * 9000)
    assert (all_letters(a), all_letters(b)) == ("ltr", "rtl")
    seen: list[int] = []
    counts = direction._letter_counts

    def recording(text: str) -> tuple[int, int]:
        seen.append(len(text))
        return counts(text)

    monkeypatch.setattr(direction, "_letter_counts", recording)
    assert (article_direction_of(a), article_direction_of(b)) == ("ltr", "rtl")
    assert max(seen) <= _fast.SLICE
    assert sum(seen) <= 2 * (ARTICLE_SAMPLE + 1000)  # and the newlines between its windows


def test_each_paragraph_counts_by_its_opening():
    english_blob = _ENGLISH * 100  # 100,000 characters, as much as 100 Arabic paragraphs
    a = article_of(english_blob, *[_ARABIC] * 20)
    assert all_letters(a) == "ltr" and article_direction_of(a) == "rtl"
    assert paragraph_direction("ب" * PARAGRAPH_SAMPLE + "a" * 10 * PARAGRAPH_SAMPLE) == "rtl"


def test_captions_do_not_count():
    a = Article(
        "عنوان",
        "",
        None,
        (Block(BlockKind.CAPTION, _ENGLISH * 3), Block(BlockKind.PARAGRAPH, _ARABIC)),
    )
    assert article_direction_of(a) == "rtl"
    assert article_direction([a.title, *(b.text for b in a.blocks)]) == "ltr"
