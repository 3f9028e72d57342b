"""Versions of a story: found over a corpus of re-published wire copy, kept up to date."""

from __future__ import annotations

import itertools
import json
import random
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.corpus import article_text, build_vocabulary
from reader.app import main
from reader.library.catalog import Catalog
from reader.library.index import Index
from reader.library.stories import BINS, SAMPLE, SHINGLE, as_int, same_bins, signature
from reader.library.sync import sync
from reader.qt import paths
from reader.text.exact import exact_index_texts

from conftest import SEED_PARAGRAPHS

TATWEEL = "\u0640"
F = frozenset
HARAKAT = "\u064e\u064f\u0650\u0651\u0652"
DATELINES = ("القاهرة - (رويترز) - ", "واشنطن (أ ف ب) - ", "دبي - وكالات: ")
TAILS = ("المصدر: وكالات", "اقرأ أيضا: ", "(د ب أ)")


def _split(text: str) -> tuple[str, list[str]]:
    """Title and body paragraphs of a generated article."""
    lines = text.split("\n")
    body = [p.strip() for p in "\n".join(lines[8:]).split("\n\n") if len(p.strip()) > 40]
    return lines[0].strip(), body


def _file(title: str, paragraphs: list[str], date: str = "2024-03-01") -> str:
    return f"{title}\n\nوكالات\n{date}\n\n" + "\n\n".join(paragraphs) + "\n"


def _decorate(word: str, rng: random.Random) -> str:
    if len(word) < 3 or not ("\u0621" <= word[1] <= "\u064a"):
        return word
    mark = TATWEEL if rng.random() < 0.5 else rng.choice(HARAKAT)
    return word[:2] + mark + word[2:]


def version(title: str, body: list[str], other_title: str, rng: random.Random) -> tuple:
    """A re-publication: re-headlined, cut by up to half, merged, re-punctuated, decorated,
    given a dateline or a tail; each with some probability."""
    paragraphs = list(body)
    if rng.random() < 0.7:
        drop = rng.randint(1, len(paragraphs) // 2) if len(paragraphs) > 1 else 0
        kept = sorted(rng.sample(range(len(paragraphs)), len(paragraphs) - drop))
        paragraphs = [paragraphs[i] for i in kept]
    if rng.random() < 0.5 and len(paragraphs) > 1:
        i = rng.randrange(len(paragraphs) - 1)
        paragraphs[i : i + 2] = [paragraphs[i] + " " + paragraphs[i + 1]]
    if rng.random() < 0.5:
        table = str.maketrans({"،": ",", ".": "", '"': "«", ":": " -"})
        paragraphs = [p.translate(table) for p in paragraphs]
    if rng.random() < 0.6:
        paragraphs = [
            " ".join(_decorate(w, rng) if rng.random() < 0.3 else w for w in p.split())
            for p in paragraphs
        ]
    if rng.random() < 0.5:
        paragraphs[0] = rng.choice(DATELINES) + paragraphs[0]
    if rng.random() < 0.5:
        tail = rng.choice(TAILS)
        paragraphs.append(tail + other_title if tail.endswith(": ") else tail)
    if rng.random() < 0.6:
        title = other_title.split()[0] + " " + " ".join(title.split()[1:][::-1])
    return title, paragraphs


def build_corpus(folder: Path, originals: int = 120, seed: int = 7) -> dict[str, int]:
    """Write the corpus; returns each file's story in truth (the number of its original)."""
    voc = build_vocabulary(1, 1000)
    rng = random.Random(seed)
    truth: dict[str, int] = {}
    made = [_split(article_text(seed, n, voc)[0]) for n in range(originals + 60)]
    # The seed article's paragraphs too: one real story, re-published.
    made[0] = ("كيم يزور مصنع الطائرات المقاتلة في جولة في روسيا", list(SEED_PARAGRAPHS))
    for n, (title, body) in enumerate(made[:originals]):
        (folder / f"{n:04d}-0.txt").write_text(_file(title, body), "utf-8")
        truth[str(folder / f"{n:04d}-0.txt")] = n
        for v in range(1, rng.choice((2, 2, 3, 4, 5))):
            other = made[rng.randrange(len(made))][0]
            vt, vb = version(title, body, other, rng)
            path = folder / f"{n:04d}-{v}.txt"
            path.write_text(_file(vt, vb), "utf-8")
            truth[str(path)] = n
    # Not versions: another article on the same event, under its title and quoting one of
    # its paragraphs among paragraphs of its own.
    for n, (_, own) in enumerate(made[originals:]):
        title, body = made[n]
        mixed = own[:]
        mixed.insert(rng.randrange(len(mixed) + 1), body[rng.randrange(len(body))])
        path = folder / f"event-{n:04d}.txt"
        path.write_text(_file(title, mixed), "utf-8")
        truth[str(path)] = 10_000 + n
    return truth


def pair_scores(truth: dict[str, int], found: dict[str, object]) -> tuple[float, float]:
    """Pair precision and recall of ``found`` stories against the true ones, over the files
    listed (a copy with its original's article id is listed once: "same article as")."""
    same_true = same_found = both = 0
    for a, b in itertools.combinations(sorted(p for p in truth if p in found), 2):
        t = truth[a] == truth[b]
        f = found[a] == found[b]
        same_true += t
        same_found += f
        both += t and f
    return both / max(same_found, 1), both / max(same_true, 1)


def stories_by_path(index: Index) -> dict[str, object]:
    """Each article's story: its own id when it has no other version."""
    catalog = Catalog(index)
    entries = list(catalog.articles())
    ids = catalog.story_ids([e.key for e in entries])
    return {e.path: ids.get(e.key, e.id) for e in entries}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    folder = tmp_path_factory.mktemp("stories")
    return folder, build_corpus(folder)


def test_versions_are_found_and_other_articles_are_not(corpus, tmp_path, capsys):
    folder, truth = corpus
    index = Index(tmp_path / "index.sqlite")
    sync([folder], index, workers=1)
    found = stories_by_path(index)
    index.close()
    precision, recall = pair_scores(truth, found)
    with capsys.disabled():
        groups = len(set(truth.values()))
        print(f"\nstories: {len(truth)} files, {groups} true stories,"
              f" {len(set(found.values()))} found; pair precision {precision:.3f},"
              f" recall {recall:.3f}")  # fmt: skip
    assert precision >= 0.95
    assert recall >= 0.90


def similarity(a: bytes, b: bytes) -> float:
    """The estimated Jaccard similarity the grouping compares with its threshold."""
    return same_bins(as_int(a), as_int(b)) / BINS


def body_signature(paragraphs: list[str]) -> bytes:
    """As reading a file makes it: from the folded tokens of the exact terms' pass."""
    folds: list[bytes] = []
    exact_index_texts(paragraphs, folds)
    return signature(folds)


def test_a_character_beyond_the_fast_table_changes_no_other_word():
    # A paragraph with an emoji or a CJK character takes the slow path: its other words
    # must fold to the same bytes as in a version without it.
    plain = SEED_PARAGRAPHS[:3]
    for odd in ("😀", "中", "\U0001d400"):
        folds: list[bytes] = []
        exact_index_texts([plain[0] + " " + odd, *plain[1:]], folds)
        reference: list[bytes] = []
        exact_index_texts(plain, reference)
        assert [f for f in folds if f in reference] == reference, odd
        assert similarity(body_signature([plain[0] + " " + odd, *plain[1:]]),
                          body_signature(plain)) >= 0.8  # fmt: skip


def test_edits_that_make_no_new_text_leave_the_signature_alone():
    body = SEED_PARAGRAPHS[:4]
    rng = random.Random(1)
    decorated = [" ".join(_decorate(w, rng) for w in p.split()) for p in body]
    merged = [" ".join(decorated[:2]), *[p.replace("،", ",") for p in decorated[2:]]]
    assert body_signature(merged) == body_signature(body)


def _signature_as_documented(tokens: list[bytes]) -> bytes:
    """The signature by its definition, one value at a time: one-permutation MinHash over
    the sampled shingles, each empty bin borrowing from the next filled one, rotated."""
    hashes = [zlib.crc32(t) for t in tokens]
    smallest: dict[int, int] = {}
    for i in range(len(tokens) - SHINGLE + 1):
        if hashes[i] % SAMPLE == 0:
            h = hash(tuple(hashes[i : i + SHINGLE]))
            b = (h >> (64 - (BINS - 1).bit_length())) + BINS // 2
            smallest[b] = min(h, smallest.get(b, h))
    if not smallest:
        return b""
    values = []
    for b in range(BINS):
        step = 0
        while (b + step) % BINS not in smallest:
            step += 1
        low = smallest[(b + step) % BINS] & 0xFFFFFFFF
        values.append(low if step == 0 else (low * 0x9E3779B1 + step) & 0xFFFFFFFF)
    return struct.pack(f"<{BINS}I", *values)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(" ".join(SEED_PARAGRAPHS).split()), max_size=600))
def test_the_signature_is_the_one_its_definition_gives(words):
    # Short bodies leave most bins empty, long ones fill them all: both ways of making it.
    folds: list[bytes] = []
    exact_index_texts([" ".join(words)], folds)
    assert signature(folds) == _signature_as_documented(folds)


def test_half_the_text_is_a_version_a_shared_paragraph_is_not():
    whole = body_signature(SEED_PARAGRAPHS)
    half = body_signature(SEED_PARAGRAPHS[: len(SEED_PARAGRAPHS) // 2 + 1])
    one = body_signature(SEED_PARAGRAPHS[:1])
    assert similarity(whole, half) >= 0.35
    assert similarity(whole, one) < 0.3
    assert body_signature(["قصير جدا"]) == b""


def _partition(found: dict[str, object]) -> set[frozenset[str]]:
    groups: dict[object, set[str]] = {}
    for path, story in found.items():
        groups.setdefault(story, set()).add(Path(path).name)
    return {frozenset(g) for g in groups.values()}


def _by_article(index: Index) -> set[frozenset[str]]:
    """The stories, each as the article ids of its files."""
    catalog = Catalog(index)
    entries = list(catalog.articles())
    ids = catalog.story_ids([e.key for e in entries])
    groups: dict[str, set[str]] = {}
    for e in entries:
        groups.setdefault(ids.get(e.key, e.id), set()).add(e.id)
    return {frozenset(g) for g in groups.values()}


def test_adding_changing_and_removing_files_updates_their_stories(corpus, tmp_path):
    source, _ = corpus
    folder = tmp_path / "lib"
    folder.mkdir()
    paragraphs = list(SEED_PARAGRAPHS)
    half = len(paragraphs) // 2
    # Two versions with no paragraph in common: only the whole article binds them.
    (folder / "whole.txt").write_text(_file("كيم في روسيا", paragraphs), "utf-8")
    (folder / "first.txt").write_text(_file("زيارة كيم", paragraphs[: half + 1]), "utf-8")
    (folder / "second.txt").write_text(_file("كيم يزور مصنعا", paragraphs[half:]), "utf-8")
    shutil.copy(source / "0005-0.txt", folder / "other.txt")
    index = Index(tmp_path / "index.sqlite")

    def stories() -> set[frozenset[str]]:
        sync([folder], index, workers=1)
        return _partition(stories_by_path(index))

    assert stories() == {F({"whole.txt", "first.txt", "second.txt"}), F({"other.txt"})}
    (folder / "whole.txt").unlink()
    assert stories() == {F({"first.txt"}), F({"second.txt"}), F({"other.txt"})}
    # A changed file is read again: now a version of both halves' story.
    (folder / "other.txt").write_text(_file("كيم", paragraphs[1:]), "utf-8")
    assert stories() == {F({"first.txt", "second.txt", "other.txt"})}
    (folder / "whole.txt").write_text(_file("كيم في روسيا", paragraphs), "utf-8")
    incremental = stories()
    index.close()
    fresh = Index(tmp_path / "fresh.sqlite")
    sync([folder], fresh, workers=1)
    assert _partition(stories_by_path(fresh)) == incremental
    fresh.close()


def test_list_json_rows_carry_the_story(capsys, tmp_path):
    paragraphs = list(SEED_PARAGRAPHS)
    (tmp_path / "a.txt").write_text(_file("كيم في روسيا", paragraphs), "utf-8")
    (tmp_path / "b.txt").write_text(_file("المصدر: زيارة", paragraphs[1:]), "utf-8")
    (tmp_path / "c.txt").write_text(_file("شيء آخر", ["كلام آخر تماما عن موضوع مختلف"]), "utf-8")
    code = main(["qari", "--data-dir", str(paths.data_dir()), "--list", "--json", str(tmp_path)])
    rows = {Path(r["path"]).name: r for r in map(json.loads, capsys.readouterr()[0].splitlines())}
    assert code == 0
    assert rows["a.txt"]["story"] == rows["b.txt"]["story"] != rows["c.txt"]["story"]
    assert rows["c.txt"]["story"] == rows["c.txt"]["id"]


def _copy(corpus_folder: Path, names: list[str], folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(corpus_folder / name, folder / name)


def test_files_added_a_few_at_a_time_group_as_a_first_index_does(corpus, tmp_path):
    source, truth = corpus
    names = sorted(Path(p).name for p in truth)
    random.Random(3).shuffle(names)
    folder = tmp_path / "lib"
    index = Index(tmp_path / "index.sqlite")
    # Most of the library at once (grouped in one pass), then small additions (each file
    # looked up on its own): the groups are those of one first index over everything.
    cut = len(names) * 4 // 5
    _copy(source, names[:cut], folder)
    sync([folder], index, workers=1)
    for start in range(cut, len(names), 25):
        _copy(source, names[start : start + 25], folder)
        sync([folder], index, workers=1)
    stepwise = _by_article(index)
    index.close()
    fresh = Index(tmp_path / "fresh.sqlite")
    sync([folder], fresh, workers=1)
    # By article id: of two copies of one article, the one listed is the one read first.
    assert _by_article(fresh) == stepwise
    fresh.close()


def test_files_stored_but_not_yet_grouped_are_grouped_by_the_next_scan(tmp_path):
    # As if the indexing process died after its last batch and before grouping.
    from reader.library.reading import read_entries

    paragraphs = list(SEED_PARAGRAPHS)
    (tmp_path / "a.txt").write_text(_file("كيم في روسيا", paragraphs), "utf-8")
    (tmp_path / "b.txt").write_text(_file("زيارة", paragraphs[1:]), "utf-8")
    index = Index(tmp_path / "index.sqlite")
    index.put(read_entries([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]))
    assert not Catalog(index).has_stories()
    sync([tmp_path], index, workers=1)
    assert _partition(stories_by_path(index)) == {F({"a.txt", "b.txt"})}
    index.close()


def test_without_grouping_every_article_is_its_own_story(tmp_path):
    paragraphs = list(SEED_PARAGRAPHS)
    (tmp_path / "a.txt").write_text(_file("كيم في روسيا", paragraphs), "utf-8")
    (tmp_path / "b.txt").write_text(_file("زيارة", paragraphs), "utf-8")
    index = Index(tmp_path / "index.sqlite")
    sync([tmp_path], index, workers=1, stories=False)
    assert _partition(stories_by_path(index)) == {F({"a.txt"}), F({"b.txt"})}
    index.close()


def test_a_story_published_many_times_is_one_and_shared_boilerplate_makes_none(tmp_path):
    rng = random.Random(5)
    words = build_vocabulary(1, 4000).words
    stock = " ".join(rng.choice(words) for _ in range(60))  # an "about us" paragraph
    body = list(SEED_PARAGRAPHS)
    for n in range(90):  # more copies than any bucket rule could compare pairwise
        (tmp_path / f"copy-{n:03d}.txt").write_text(_file(f"كيم {n}", body), "utf-8")
    for n in range(120):
        own = [" ".join(rng.choice(words) for _ in range(70)) for _ in range(3)]
        (tmp_path / f"other-{n:03d}.txt").write_text(_file(f"خبر {n}", [*own, stock]), "utf-8")
    index = Index(tmp_path / "index.sqlite")
    sync([tmp_path], index, workers=1)
    groups = _partition(stories_by_path(index))
    assert F(f"copy-{n:03d}.txt" for n in range(90)) in groups
    assert sum(len(g) == 1 for g in groups) == 120
    # The same, a few files at a time (each looked up on its own, past the buckets' heads).
    for n in range(3):
        (tmp_path / f"copy-{90 + n:03d}.txt").write_text(_file(f"كيم {90 + n}", body), "utf-8")
        own = [" ".join(rng.choice(words) for _ in range(70)) for _ in range(3)]
        other = tmp_path / f"other-{120 + n:03d}.txt"
        other.write_text(_file(f"خبر {120 + n}", [*own, stock]), "utf-8")
        sync([tmp_path], index, workers=1)
    groups = _partition(stories_by_path(index))
    index.close()
    assert F(f"copy-{n:03d}.txt" for n in range(93)) in groups
    assert sum(len(g) == 1 for g in groups) == 123


ENGLISH = [
    "North Korean leader Kim Jong Un visited a Russian fighter jet factory on Friday, "
    "state media said, on the latest leg of a rare trip abroad that has alarmed the West.",
    "Kim toured the plant in the far eastern city of Komsomolsk-on-Amur, where Su-35 and "
    "Su-57 jets are built, a day after his summit with President Vladimir Putin.",
    "Washington has warned Pyongyang against supplying Moscow with artillery shells for its "
    "war in Ukraine, and said any arms deal would violate United Nations resolutions.",
    "Analysts say Kim is seeking Russian help with satellites and nuclear-powered submarines "
    "in exchange for munitions that Russia badly needs.",
]


def _typed_differently(paragraph: str) -> str:
    """The same words as another site's system types them: no-break spaces, Persian yeh and
    keheh, direction marks and zero-width non-joiners, other spacing around punctuation."""
    p = paragraph.replace(" ", "\u00a0", 3).replace("ي", "ی").replace("ك", "ک")
    p = "\u200f" + p.replace("ال", "ال\u200c", 2)
    return p.replace("،", "\u060c ").replace(".", " .")


@pytest.mark.parametrize("crlf", [False, True])
def test_versions_typed_differently_or_in_english_are_found(tmp_path, crlf):
    arabic = list(SEED_PARAGRAPHS)
    files = {
        "ar.txt": _file("كيم في روسيا", arabic),
        "ar-typed.txt": _file("زيارة كيم", [_typed_differently(p) for p in arabic]),
        "en.txt": _file("Kim visits Russian jet plant", ENGLISH),
        "en-cut.txt": _file("Kim tours factory", [p.upper() for p in ENGLISH[:3]]),
        "other.txt": _file(
            "خبر آخر", ["كلام آخر تماما عن موضوع مختلف لا علاقة له بما سبق أبدا"] * 2
        ),
    }
    for name, text in files.items():
        (tmp_path / name).write_bytes(text.replace("\n", "\r\n" if crlf else "\n").encode())
    index = Index(tmp_path / "index.sqlite")
    sync([tmp_path], index, workers=1)
    assert _partition(stories_by_path(index)) == {
        F({"ar.txt", "ar-typed.txt"}),
        F({"en.txt", "en-cut.txt"}),
        F({"other.txt"}),
    }
    index.close()
