"""A synthetic news archive in the layout of the bundled articles, for the library benchmarks.

``python -m benchmarks corpus DIR --count N [--seed S]`` writes N files under DIR/YYYY/MM/.

Paragraphs are the bundled articles' paragraphs, shuffled, with about a third of their
words swapped for words drawn from a Zipf distribution, so the index sees what a real
archive has: a few words in nearly every article, a long tail of words in a handful. Each
article also names two invented places from a pool sized to the corpus, so a place name
is in about eight articles (a "rare word" query), plus a few four-digit numbers.

Every article gets its own random generator seeded from (seed, number): the output does not
depend on how the work is split between processes, and one article can be rebuilt alone.
"""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import os
import random
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ARTICLES = Path(__file__).resolve().parent.parent / "resources" / "articles"
MARKER = ".qari-corpus"  # hidden: the library ignores dot files

AGENCIES = (
    # (agency line, the photo credit it puts in captions)
    ("أ ف ب-الامة برس", "أ ف ب"),
    ("أ ف ب", "أ ف ب"),
    ("رويترز", "رويترز"),
    ("الأناضول", "الأناضول"),
    ("د ب أ", "د ب أ"),
    ("واس", "واس"),
    ("قنا", "قنا"),
    ("وام", "وام"),
    ("سانا", "سانا"),
    ("بترا", "بترا"),
    ("كونا", "كونا"),
    ("شينخوا", "شينخوا"),
    ("وكالات", "أ ف ب"),
)

# Words a news archive repeats everywhere; they join the bundled articles' words at the
# head of the Zipf ranking.
_NEWS_TEXT = """
الحكومة الرئيس رئيس الوزراء وزير الخارجية الدفاع الداخلية المالية الاقتصاد البرلمان
مجلس الأمن الأمم المتحدة الجامعة العربية الاتحاد الأوروبي الولايات المتحدة واشنطن
موسكو بكين باريس لندن برلين القاهرة الرياض دبي الدوحة عمان بيروت دمشق بغداد طهران
أنقرة الرباط الجزائر تونس الخرطوم صنعاء غزة القدس العراق سوريا لبنان مصر السعودية
الإمارات قطر الكويت البحرين الأردن اليمن ليبيا السودان المغرب تركيا إيران روسيا الصين
الانتخابات المفاوضات الاتفاق الأزمة الحرب السلام المعارضة الجيش الشرطة المحكمة القضاء
الشعب المواطنين اللاجئين النفط الغاز الأسعار التضخم البنك المركزي الدولار الموازنة
الصحة المستشفى الوباء اللقاح التعليم الجامعة المدارس الطلاب المناخ الأمطار الفيضانات
الزلزال الحرائق المطار الطائرة السفينة الميناء الحدود المنطقة الإقليم المدينة العاصمة
مسؤول مصدر مصادر بيان تصريح مؤتمر صحافي قمة اجتماع زيارة رسمية أعلن أكد أضاف أوضح
أشار قال قالت ذكر نفى دعا طالب حذر رحب انتقد وافق رفض قرر بدأ أنهى استمر شهد
يوم الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد الأسبوع الماضي المقبل العام
الشهر اليوم أمس مساء صباح خلال بعد قبل منذ حتى عند بين ضد نحو حوالي أكثر أقل
مليون مليار ألف دولار يورو بالمئة نسبة عدد ارتفاع انخفاض زيادة تراجع
"""
NEWS_WORDS = tuple(_NEWS_TEXT.split())

# Letters for invented words. Invented place names never start with a letter that is also
# a clitic (و ف ب ك ل) or with ال, so a query for one does not pick up another by its
# clitic variants; no ة or hamza forms either, which normalization would fold together.
_ROOT_LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
_TEMPLATES = (
    "{0}ا{1}{2}",
    "م{0}{1}{2}",
    "{0}{1}ي{2}",
    "ت{0}{1}{2}",
    "م{0}{1}و{2}",
    "{0}{1}{2}ات",
    "{0}{1}ا{2}",
    "ي{0}{1}{2}",
    "{0}ا{1}{2}ه",
    "م{0}ا{1}{2}",
    "{0}{1}{2}ي",
    "ا{0}{1}{2}",
)
_SYLLABLES = [c + v for c in "تجدرزسشصطعقمنهي" for v in ("ا", "و", "ي", "")]
_PLACE_ENDINGS = ("", "", "ستان", "غراد", "بور", "يا", "ان")
_PUNCT = '.,،:"()'


@dataclass(frozen=True)
class Vocabulary:
    """Everything the articles share, derived from the seed alone."""

    paragraphs: tuple[tuple[str, ...], ...]  # bundled paragraphs, as words
    titles: tuple[str, ...]  # bundled titles, as words
    subheadings: tuple[str, ...]
    captions: tuple[str, ...]
    cities: tuple[str, ...]
    words: tuple[str, ...]  # Zipf-ranked, most frequent first
    cum_weights: tuple[float, ...]
    places: tuple[str, ...]  # invented place names: each in a handful of articles


def build_vocabulary(seed: int, count: int) -> Vocabulary:
    from reader.text.article import BlockKind, parse_article
    from reader.text.decoding import read_text_file

    rng = random.Random(seed)
    paragraphs, titles, subheadings, captions = [], [], [], []
    for path in sorted(ARTICLES.glob("*.txt")):
        article = parse_article(read_text_file(path).text)
        titles.append(article.title)
        for block in article.blocks:
            if block.kind is BlockKind.PARAGRAPH:
                paragraphs.append(tuple(block.text.split()))
            elif block.kind is BlockKind.SUBHEADING:
                subheadings.append(block.text)
            else:
                # Without its "(أ ف ب)": the generator adds the article's own credit.
                captions.append(re.sub(r"\s*\([^()]*\)\s*$", "", block.text))
    # "سيول: زار ..." -> the dateline city of each paragraph that has one.
    cities = {p[0].rstrip(":") for p in paragraphs if p[0].endswith(":")}
    cities.update(("القاهرة", "بيروت", "دمشق", "باريس", "موسكو", "واشنطن", "الرياض", "دبي"))

    # Head: the bundled words by how often they occur (في, من, إن ... first), then the
    # news words; ties in a seeded order.
    counts = Counter(w.strip(_PUNCT) for p in paragraphs for w in p)
    counts.pop("", None)
    for word in NEWS_WORDS:
        counts.setdefault(word, 1)
    head = sorted(counts)
    rng.shuffle(head)
    head.sort(key=counts.__getitem__, reverse=True)
    # The tail: made-up words on Arabic patterns (root letters in a template, some with
    # the article), each in a handful of articles, as names and rare terms are.
    tail: list[str] = []
    taken = set(head)
    while len(tail) < 40_000:
        root = rng.choices(_ROOT_LETTERS, k=3)
        word = rng.choice(_TEMPLATES).format(*root)
        if rng.random() < 0.3:
            word = "ال" + word
        if word not in taken:
            taken.add(word)
            tail.append(word)
    words = tuple(head + tail)
    # Zipf, s = 1: the rank-10 word is in practically every article, rank-1000 in a few %.
    cum_weights = tuple(itertools.accumulate(1.0 / r for r in range(1, len(words) + 1)))

    places: list[str] = []
    # Two places per article, each place in ~8 articles on average (Poisson, so 1 to ~20).
    want = max(200, count // 4)
    while len(places) < want:
        name = "".join(rng.choices(_SYLLABLES, k=rng.randint(2, 4))) + rng.choice(_PLACE_ENDINGS)
        if len(name) >= 4 and name[0] not in "وفبكلا" and name not in taken:
            taken.add(name)
            places.append(name)
    return Vocabulary(
        paragraphs=tuple(paragraphs),
        titles=tuple(tuple(t.split()) for t in titles),
        subheadings=tuple(subheadings),
        captions=tuple(captions),
        cities=tuple(sorted(cities)),
        words=words,
        cum_weights=cum_weights,
        places=tuple(places),
    )


_START = dt.date(2010, 1, 1).toordinal()
_END = dt.date(2024, 12, 31).toordinal()


def _paragraph(rng: random.Random, voc: Vocabulary) -> list[str]:
    words = list(rng.choice(voc.paragraphs))
    # A third of the words change; punctuation stays where the sentence had it. Drawing only
    # as many words as change halves the cost of generating the corpus.
    picks = [i for i in range(len(words)) if rng.random() < 0.35]
    drawn = rng.choices(voc.words, cum_weights=voc.cum_weights, k=len(picks))
    for i, new in zip(picks, drawn, strict=True):
        stripped = words[i].strip(_PUNCT)
        words[i] = words[i].replace(stripped, new) if stripped else new
    return words


def article_text(seed: int, number: int, voc: Vocabulary) -> tuple[str, dt.date]:
    """The text of article ``number`` and its date."""
    rng = random.Random(seed * 1_000_003 + number)
    places = rng.sample(voc.places, 2)
    date = dt.date.fromordinal(rng.randint(_START, _END))
    agency, credit = rng.choice(AGENCIES)

    paragraphs = [
        _paragraph(rng, voc) for _ in range(rng.choice((3, 4, 6, 8, 10, 12, 14, 16, 20, 24, 30)))
    ]
    # The rare words: a place in the first paragraph, another further on, and numbers.
    paragraphs[0].insert(rng.randrange(len(paragraphs[0]) + 1), "في " + places[0])
    last = paragraphs[-1]
    last.insert(rng.randrange(len(last) + 1), places[1])
    for _ in range(rng.randint(0, 3)):
        p = rng.choice(paragraphs)
        p.insert(rng.randrange(len(p) + 1), str(rng.randint(1000, 9999)))

    # Title: a bundled title's words or a phrase of the text, around one of its places.
    if rng.random() < 0.4:
        title = list(rng.choice(voc.titles))
        rng.shuffle(title)
        title = title[: rng.randint(min(4, len(title)), len(title))]
    else:
        source = rng.choice(paragraphs)
        start = rng.randrange(max(1, len(source) - 6))
        title = [w.strip(_PUNCT) for w in source[start : start + rng.randint(5, 10)]]
    title.insert(rng.randrange(len(title) + 1), places[0])
    title_line = " ".join(w for w in title if w)

    lines = [title_line + (" \u00a0" if rng.random() < 0.5 else ""), ""]
    lines += [agency, date.isoformat()] if rng.random() < 0.85 else [date.isoformat(), agency]
    lines += ["", "\u00a0", "", "\u00a0", ""]
    body = [" ".join(p) for p in paragraphs]
    if rng.random() < 0.6:
        # A photo caption fused into the first paragraph, as the scraper leaves it.
        caption = rng.choice(voc.captions) if voc.captions and rng.random() < 0.3 else None
        if caption is None:
            caption = " ".join(w.strip(_PUNCT) for w in _paragraph(rng, voc)[: rng.randint(8, 20)])
        city = rng.choice(voc.cities)
        body[0] = f"{caption} ({credit})  \u00a0{city}: {body[0]}"
    for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
        heading = rng.choice(voc.subheadings) if voc.subheadings else "عناوين"
        dash = rng.choice(("-", "-", "–"))
        body.insert(rng.randint(1, len(body)), f"{dash} {heading} {dash}")
    lines.append("\n\n".join(body))
    if rng.random() < 0.7:
        lines.append("\n" * rng.randint(1, 8) + "كاريكاتير\n\nإستطلاعات الرأي")
    return "\n".join(lines), date


def _encode(text: str, rng: random.Random) -> bytes:
    roll = rng.random()
    if roll < 0.02:
        text = text.replace("\n", "\r\n")
    if roll < 0.015:
        return text.encode("utf-16")  # with a BOM
    if roll > 0.985:
        try:
            return text.encode("cp1256")
        except UnicodeEncodeError:
            pass
    return text.encode("utf-8")


def _write_range(args: tuple[str, int, int, int, int]) -> int:
    root, seed, count, start, stop = args
    voc = _vocabulary(seed, count)
    written = 0
    for number in range(start, stop):
        text, date = article_text(seed, number, voc)
        rng = random.Random(~(seed * 1_000_003 + number))  # not the text's own sequence
        name = f"{number:06d}_{rng.getrandbits(64):016x}.txt"
        path = os.path.join(root, f"{date.year}", f"{date.month:02d}", name)
        with open(path, "wb") as f:
            f.write(_encode(text, rng))
        written += 1
    return written


_VOCABULARY: dict[tuple[int, int], Vocabulary] = {}


def _vocabulary(seed: int, count: int) -> Vocabulary:
    # Built once per process: each worker gets many ranges.
    key = (seed, count)
    if key not in _VOCABULARY:
        _VOCABULARY[key] = build_vocabulary(seed, count)
    return _VOCABULARY[key]


def generate(root: str | Path, count: int, seed: int = 1, workers: int | None = None) -> None:
    """Write ``count`` articles under ``root``; a marker file records what was written."""
    root = Path(root)
    for year in range(dt.date.fromordinal(_START).year, dt.date.fromordinal(_END).year + 1):
        for month in range(1, 13):
            (root / f"{year}" / f"{month:02d}").mkdir(parents=True, exist_ok=True)
    step = 2000
    ranges = [(str(root), seed, count, a, min(a + step, count)) for a in range(0, count, step)]
    workers = workers or os.cpu_count() or 1
    if workers > 1 and len(ranges) > 1:
        # fork: nothing here runs Qt or holds an SQLite connection, and it skips re-imports.
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            written = sum(pool.imap_unordered(_write_range, ranges))
    else:
        written = sum(map(_write_range, ranges))
    (root / MARKER).write_text(f"{count} {seed}\n", encoding="ascii")
    assert written == count


def is_generated(root: str | Path, count: int, seed: int) -> bool:
    marker = Path(root) / MARKER
    return marker.is_file() and marker.read_text("ascii").split() == [str(count), str(seed)]


def corpus(root: str, count: int, seed: int) -> None:
    start = time.perf_counter()
    generate(root, count, seed)
    elapsed = time.perf_counter() - start
    size = sum(
        os.path.getsize(os.path.join(folder, name))
        for folder, _, names in os.walk(root)
        for name in names
    )
    print(
        f"wrote {count:,} articles ({size / 1e6:,.0f} MB) under {root} in {elapsed:.1f} s"
        f" ({count / elapsed:,.0f}/s)"
    )
