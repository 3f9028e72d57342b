"""Source lines taken apart: publication, agency, dateline, author. No Qt, no mocks."""

from __future__ import annotations

import datetime
import re
import time
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.text.byline import (
    AGENCIES,
    GENERIC_AGENCY,
    MAX_CHARS,
    Byline,
    canonical_agency,
    facet_key,
    looks_like_byline,
    parse_byline,
)
from reader.text.normalize import index_text

from conftest import SEED_FILE

NBSP = "\u00a0"
ZWSP = "\u200b"
ZWNJ = "\u200c"
RLM = "\u200f"
LRM = "\u200e"
BOM = "\ufeff"
TATWEEL = "\u0640"

AFP, REUTERS, AP, DPA = "أ ف ب", "رويترز", "أسوشيتد برس", "د ب أ"


def parts(line: str) -> tuple[str | None, str | None, str | None, str | None]:
    b = parse_byline(line)
    return b.publication, b.agency, b.dateline, b.author


# --- the corpus: line -> (publication, agency, dateline, author) ------------------------------

CORPUS: list[tuple[str, tuple[str | None, str | None, str | None, str | None]]] = [
    # The seed and the shapes quoted in the issue.
    ("أ ف ب-الامة برس", ("الامة برس", AFP, None, None)),
    ("واشنطن - أ ف ب-الرياض", ("الرياض", AFP, "واشنطن", None)),
    ("«الاقتصادية» من الرياض", ("الاقتصادية", None, "الرياض", None)),
    ("لندن: «الشرق الأوسط»", ("الشرق الأوسط", None, "لندن", None)),
    ("فهد العتيبي- سبق- الرياض :", ("سبق", None, "الرياض", "فهد العتيبي")),
    ("الرياض - الوئام :", ("الوئام", None, "الرياض", None)),
    ("سبق- تبوك:", ("سبق", None, "تبوك", None)),
    ("محمد البقمي- سبق:", ("سبق", None, None, "محمد البقمي")),
    (f"{ZWSP}سبق- الرياض:", ("سبق", None, "الرياض", None)),
    (
        "أبها، واشنطن، بيروت: محمد أبوالقاسم، أسماء وهبة، ...",
        (None, None, "أبها، واشنطن، بيروت", "محمد أبوالقاسم، أسماء وهبة"),
    ),
    ("القاهرة - مكتب الجزيرة - علي البلهاسي:", ("الجزيرة", None, "القاهرة", "علي البلهاسي")),
    (
        "لندن - (أ ف ب) | Monday, 10 August 2015 - 13:12 pm-الرياضية",
        ("الرياضية", AFP, "لندن", None),
    ),
    ("أغسطس 5, 2015, 3:30 ص-اليوم", ("اليوم", None, None, None)),
    # Agency spellings inside bylines.
    ("ا ف ب-الامة برس", ("الامة برس", AFP, None, None)),
    ("أ.ف.ب-الامة برس", ("الامة برس", AFP, None, None)),
    ("(أ ف ب)-الامة برس", ("الامة برس", AFP, None, None)),
    ("فرانس برس-الامة برس", ("الامة برس", AFP, None, None)),
    ("سيول (أ ف ب)", (None, AFP, "سيول", None)),
    ("باريس - فرانس برس", (None, AFP, "باريس", None)),
    ("بيروت - وكالة فرانس برس", (None, AFP, "بيروت", None)),
    ("بيونغ يانغ (أ.ف.ب)", (None, AFP, "بيونغ يانغ", None)),
    ("كومسومولسك - أ ف ب-الامة برس", ("الامة برس", AFP, "كومسومولسك", None)),
    ("الرياض - واس", (None, "واس", "الرياض", None)),
    ("الرياض ـ واس", (None, "واس", "الرياض", None)),
    ("الرياض-واس", (None, "واس", "الرياض", None)),
    ("أ ف ب-واس", (None, AFP, None, None)),
    ("دبي - وام", (None, "وام", "دبي", None)),
    ("أبو ظبي - وام", (None, "وام", "أبوظبي", None)),
    ("الكويت - كونا", (None, "كونا", "الكويت", None)),
    ("الدوحة - قنا", (None, "قنا", "الدوحة", None)),
    ("المنامة - بنا", (None, "بنا", "المنامة", None)),
    ("مسقط - العمانية", (None, "العمانية", "مسقط", None)),
    ("القاهرة - أ ش أ", (None, "أ ش أ", "القاهرة", None)),
    ("القاهرة (أ.ش.أ)", (None, "أ ش أ", "القاهرة", None)),
    ("دمشق - سانا", (None, "سانا", "دمشق", None)),
    ("عمان - بترا", (None, "بترا", "عمان", None)),
    ("تونس - وات", (None, "وات", "تونس", None)),
    ("الجزائر - واج", (None, "واج", "الجزائر", None)),
    ("الرباط - لاماب", (None, "لاماب", "الرباط", None)),
    ("أنقرة - الأناضول", (None, "الأناضول", "أنقرة", None)),
    ("بكين - شينخوا", (None, "شينخوا", "بكين", None)),
    ("برلين - د ب أ", (None, DPA, "برلين", None)),
    ("برلين (د.ب.أ)", (None, DPA, "برلين", None)),
    ("نيويورك - أسوشيتد برس", (None, AP, "نيويورك", None)),
    ("غزة - وفا", (None, "وفا", "غزة", None)),
    ("بغداد - واع", (None, "واع", "بغداد", None)),
    ("صنعاء - سبأ", (None, "سبأ", "صنعاء", None)),
    ("الخرطوم - سونا", (None, "سونا", "الخرطوم", None)),
    ("طهران - إرنا", (None, "إرنا", "طهران", None)),
    ("موسكو - سبوتنيك", (None, "سبوتنيك", "موسكو", None)),
    ("واشنطن رويترز", (None, REUTERS, "واشنطن", None)),
    ("واشنطن - رويترز - الرياض", ("الرياض", REUTERS, "واشنطن", None)),
    ("الرياض - وكالة الأنباء السعودية (واس)", (None, "واس", "الرياض", None)),
    ("المصدر: وكالات", (None, GENERIC_AGENCY, None, None)),
    ("وكالات", (None, GENERIC_AGENCY, None, None)),
    ("وكالات - سبق", ("سبق", GENERIC_AGENCY, None, None)),
    ("عواصم - وكالات", (None, GENERIC_AGENCY, "عواصم", None)),
    ("رويترز - وكالات", (None, REUTERS, None, None)),
    ("نقلا عن رويترز", (None, REUTERS, None, None)),
    # Publications.
    ("جدة - عكاظ", ("عكاظ", None, "جدة", None)),
    ("القاهرة ـ «الحياة»", ("الحياة", None, "القاهرة", None)),
    ("«الرياض» - جدة", ("الرياض", None, "جدة", None)),
    ('"الاقتصادية" - الرياض', ("الاقتصادية", None, "الرياض", None)),
    ("“الشرق الأوسط” - لندن", ("الشرق الأوسط", None, "لندن", None)),
    ("جريدة الشرق الأوسط - لندن", ("الشرق الأوسط", None, "لندن", None)),
    ("صحيفة الرياض", ("الرياض", None, None, None)),
    ("صحيفة سبق الإلكترونية - الرياض", ("سبق", None, "الرياض", None)),
    ("موقع الوئام - جدة", ("الوئام", None, "جدة", None)),
    ("مكتب الجزيرة - القاهرة", ("الجزيرة", None, "القاهرة", None)),
    ("مراسل الجزيرة - دمشق", ("الجزيرة", None, "دمشق", None)),
    ("مكتب القاهرة - الأهرام", ("الأهرام", None, "القاهرة", None)),
    ("الامة برس", ("الامة برس", None, None, None)),
    ("سبق", ("سبق", None, None, None)),
    ("العربية نت - دبي", ("العربية نت", None, "دبي", None)),
    ("دبي - سكاي نيوز عربية", ("سكاي نيوز عربية", None, "دبي", None)),
    ("فرانس 24 - باريس", ("فرانس 24", None, "باريس", None)),
    ("الرياض - خاص", (None, None, "الرياض", None)),
    ("بيروت - من مراسلنا", (None, None, "بيروت", None)),
    ("الرياض - متابعات", (None, None, "الرياض", None)),
    ("عكاظ (جدة)", ("عكاظ", None, "جدة", None)),
    ("اليوم - الدمام", ("اليوم", None, "الدمام", None)),
    ("الوئام - الشنان", ("الوئام", None, "الشنان", None)),
    ("سبق- واس", ("سبق", "واس", None, None)),
    ("الوئام- واس:", ("الوئام", "واس", None, None)),
    ("خاص - الوئام", ("الوئام", None, None, None)),
    ("عواصم - «الشرق الأوسط»", ("الشرق الأوسط", None, "عواصم", None)),
    ("الرياض – «الجزيرة»", ("الجزيرة", None, "الرياض", None)),
    ("هسبريس - الرباط", ("هسبريس", None, "الرباط", None)),
    ("الرباط - هسبريس", ("هسبريس", None, "الرباط", None)),
    ("بوابة الأهرام", ("الأهرام", None, None, None)),
    ("محافظة الخرج - سبق", ("سبق", None, "محافظة الخرج", None)),
    ("الامة برس (أ ف ب)", ("الامة برس", AFP, None, None)),
    # Unknown names: the last is the publication, the one before an agency the dateline.
    ("مدينة الشنان - صحيفة النخبة", ("النخبة", None, "مدينة الشنان", None)),
    ("الخليج الجديد - الرقعي", ("الرقعي", None, "الخليج الجديد", None)),
    # Authors.
    ("بقلم: محمد علي", (None, None, None, "محمد علي")),
    ("كتب - أحمد حسن", (None, None, None, "أحمد حسن")),
    ("كتبت: منى محمود", (None, None, None, "منى محمود")),
    ("تقرير: سارة عبدالله - الرياض", (None, None, "الرياض", "سارة عبدالله")),
    ("عبد الرحمن السلطان - الرياض", (None, None, "الرياض", "عبد الرحمن السلطان")),
    ("الرياض - عبدالله بن محمد العتيبي", (None, None, "الرياض", "عبدالله بن محمد العتيبي")),
    ("نايف الرشيدي - سبق - حائل:", ("سبق", None, "حائل", "نايف الرشيدي")),
    ("أبها - مريم الجابر", (None, None, "أبها", "مريم الجابر")),
    ("جدة - ناصر الحارثي - عكاظ", ("عكاظ", None, "جدة", "ناصر الحارثي")),
    ("الدمام: محمد العويس، سعد الزهراني", (None, None, "الدمام", "محمد العويس، سعد الزهراني")),
    ("محمد الأحمد الشمري - الرياض", (None, None, "الرياض", "محمد الأحمد الشمري")),
    ("ماجد الخالدي من الرياض", (None, None, "الرياض", "ماجد الخالدي")),
    ("إكرامي عبدالله من الرياض", (None, None, "الرياض", "إكرامي عبدالله")),
    ("واشنطن: هبة القدسي", (None, None, "واشنطن", "هبة القدسي")),
    ("القاهرة: محمد نبيل حلمي", (None, None, "القاهرة", "محمد نبيل حلمي")),
    ("الجزيرة - محمد السلامة:", ("الجزيرة", None, None, "محمد السلامة")),
    ("محمد الشهري (جدة)", (None, None, "جدة", "محمد الشهري")),
    ("غزة - محمد أحمد - الأيام", ("الأيام", None, "غزة", "محمد أحمد")),
    ("تحرير: سارة", (None, None, None, "سارة")),
    (
        "الرياض - محمد العنزي | Monday, 10 August 2015 - 13:12 pm-الرياضية",
        ("الرياضية", None, "الرياض", "محمد العنزي"),
    ),
    # English.
    ("By John Smith, Reuters", (None, REUTERS, None, "John Smith")),
    ("AFP", (None, AFP, None, None)),
    ("Reuters | London", (None, REUTERS, "London", None)),
    ("(AP) —", (None, AP, None, None)),
    ("LONDON (Reuters) -", (None, REUTERS, "London", None)),
    ("WASHINGTON (AP) —", (None, AP, "Washington", None)),
    ("CAIRO, Aug 10 (Reuters) -", (None, REUTERS, "Cairo", None)),
    ("By JOHN SMITH, Associated Press", (None, AP, None, "JOHN SMITH")),
    ("By Jane Doe and John Roe in Washington", (None, None, "Washington", "Jane Doe, John Roe")),
    ("By Jane Doe for Reuters", (None, REUTERS, None, "Jane Doe")),
    ("Agence France-Presse", (None, AFP, None, None)),
    ("Source: AFP", (None, AFP, None, None)),
    ("Reuters Staff", (None, REUTERS, None, None)),
    ("dpa | Berlin", (None, DPA, "Berlin", None)),
    ("Xinhua | Beijing", (None, "شينخوا", "Beijing", None)),
    ("Anadolu Agency", (None, "الأناضول", None, None)),
    ("Saudi Press Agency", (None, "واس", None, None)),
    ("SPA - Riyadh", (None, "واس", "Riyadh", None)),
    ("Gulf News", ("Gulf News", None, None, None)),
    ("Arab News - Riyadh", ("Arab News", None, "Riyadh", None)),
    ("Al-Monitor", ("Al-Monitor", None, None, None)),
    ("Staff Reporter, Gulf News", ("Gulf News", None, None, None)),
    (
        "By Ahmed Hassan, Al Arabiya English - Dubai",
        ("Al Arabiya English", None, "Dubai", "Ahmed Hassan"),
    ),
    ("Agencies", (None, GENERIC_AGENCY, None, None)),
    ("By JOHN SMITH Associated Press Writer", (None, AP, None, "JOHN SMITH")),
    ("SPA Jeddah", (None, "واس", "Jeddah", None)),
    ("Reuters, London", (None, REUTERS, "London", None)),
    ("AFP, Washington", (None, AFP, "Washington", None)),
    ("RIYADH:", (None, None, "Riyadh", None)),
    ("By Rashid Hassan, Arab News", ("Arab News", None, None, "Rashid Hassan")),
    ("Asharq Al-Awsat - London", ("Asharq Al-Awsat", None, "London", None)),
    ("Ahmed Al-Omran, Riyadh", (None, None, "Riyadh", "Ahmed Al-Omran")),
    # Dates and times inside bylines never reach a part.
    ("الرياض - واس | 2023-09-15", (None, "واس", "الرياض", None)),
    ("2023-09-15 - أ ف ب", (None, AFP, None, None)),
    ("نشر في: 15/09/2023 - 10:30 ص - سبق", ("سبق", None, None, None)),
    ("Updated: 10 Aug 2015 13:12 GMT - Reuters", (None, REUTERS, None, None)),
    ("منذ 3 ساعات - الوئام", ("الوئام", None, None, None)),
    ("الخميس 15 سبتمبر 2023 - أ ف ب", (None, AFP, None, None)),
    ("الرياض - واس ٢٠٢٣/٠٩/١٥", (None, "واس", "الرياض", None)),
    ("15 أيلول 2023 - بيروت - النهار", ("النهار", None, "بيروت", None)),
    ("1 رمضان 1444 هـ - مكة المكرمة - واس", (None, "واس", "مكة المكرمة", None)),
    ("Sep 15, 2023 | AFP", (None, AFP, None, None)),
    ("2015-08-10T13:12:00Z - Reuters", (None, REUTERS, None, None)),
    # Typography: harakat, tatweel, NBSP, zero-width and bidi marks, dashes, spaces, pipes.
    ("الرِّيَاض - الوِئَام :", ("الوئام", None, "الرياض", None)),
    ("أَ فَ بَ-الأُمَّة برس", ("الأمة برس", AFP, None, None)),
    (f"أ{NBSP}ف{NBSP}ب-الامة{NBSP}برس", ("الامة برس", AFP, None, None)),
    (f"أ ف ب-الامـ{TATWEEL}ـة برس", ("الامة برس", AFP, None, None)),
    (f"فرانـ{TATWEEL}س بـرس-الامة برس", ("الامة برس", AFP, None, None)),
    (f"سبق{ZWNJ}- تبوك{RLM}:", ("سبق", None, "تبوك", None)),
    (f"{RLM}الرياض - واس{RLM}", (None, "واس", "الرياض", None)),
    (f"{BOM}أ ف ب", (None, AFP, None, None)),
    (f"{LRM}AFP{LRM}", (None, AFP, None, None)),
    ("  الرياض   -   الوئام  :  ", ("الوئام", None, "الرياض", None)),
    ("واشنطن – أ ف ب – الرياض", ("الرياض", AFP, "واشنطن", None)),
    ("واشنطن — رويترز", (None, REUTERS, "واشنطن", None)),
    ("واشنطن ― رويترز", (None, REUTERS, "واشنطن", None)),
    ("واشنطن −رويترز", (None, REUTERS, "واشنطن", None)),
    ("الرياض | الوئام", ("الوئام", None, "الرياض", None)),
    ("الرياض / واس", (None, "واس", "الرياض", None)),
    ("- أ ف ب -", (None, AFP, None, None)),
    ("(رويترز)", (None, REUTERS, None, None)),
    ("[رويترز]", (None, REUTERS, None, None)),
    ("الرياض: واس", (None, "واس", "الرياض", None)),
    ("الرياض،واس", (None, "واس", "الرياض", None)),
    ("LONDON\u2014Reuters", (None, REUTERS, "London", None)),
    # Nothing to take.
    ("", (None, None, None, None)),
    ("   ", (None, None, None, None)),
    ("***", (None, None, None, None)),
    ("2023-09-15", (None, None, None, None)),
    ("خاص", (None, None, None, None)),
    ("Staff Writer", (None, None, None, None)),
    ("x" * (MAX_CHARS + 1), (None, None, None, None)),
]


@pytest.mark.parametrize(("line", "expected"), CORPUS, ids=[repr(c[0])[:40] for c in CORPUS])
def test_corpus(line: str, expected: tuple[str | None, ...]) -> None:
    assert parts(line) == expected


def test_seed_source_line() -> None:
    header = SEED_FILE.read_text("utf-8").splitlines()
    source = next(line for line in header[1:5] if line.strip() and not line[0].isdigit())
    assert parse_byline(source) == Byline("الامة برس", AFP, None, None)
    assert looks_like_byline(source)
    # The date line under it is no byline.
    assert not looks_like_byline(header[3])


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("لندن - (أ ف ب) | Monday, 10 August 2015 - 13:12 pm-الرياضية", datetime.date(2015, 8, 10)),
        ("أغسطس 5, 2015, 3:30 ص-اليوم", datetime.date(2015, 8, 5)),
        ("الرياض - واس | 2023-09-15", datetime.date(2023, 9, 15)),
        ("نشر في: 15/09/2023 - 10:30 ص - سبق", datetime.date(2023, 9, 15)),
        ("الرياض - واس ٢٠٢٣/٠٩/١٥", datetime.date(2023, 9, 15)),
        ("Sep 15, 2023 | AFP", datetime.date(2023, 9, 15)),
        ("15 أيلول 2023 - بيروت - النهار", datetime.date(2023, 9, 15)),
        ("الرياض - واس | 2023-02-30", None),  # cut out all the same, but no such day
        ("1 رمضان 1444 هـ - واس", None),  # a Hijri date is not turned into a Gregorian one
        ("أ ف ب-الامة برس", None),
    ],
)
def test_date_found_in_byline(line: str, date: datetime.date | None) -> None:
    byline = parse_byline(line)
    assert byline.date == date
    assert byline.agency is not None or byline.publication is not None


def test_month_name_without_a_number_is_kept() -> None:
    # رمضان is a month and a given name: without a day or a year beside it, it is a name.
    assert parts("رمضان عبد المعز - القاهرة") == (None, None, "القاهرة", "رمضان عبد المعز")


# --- agencies --------------------------------------------------------------------------------

SPELLINGS: dict[str, list[str]] = {
    AFP: [
        "أ ف ب", "ا ف ب", "إ ف ب", "أ.ف.ب", "أ. ف. ب.", "(أ ف ب)", "(أ.ف.ب)", "«أ ف ب»",
        "أف ب", "أفب", "فرانس برس", "فرانس-برس", "فرانس بريس", "وكالة فرانس برس",
        "الوكالة الفرنسية", "الفرنسية", f"أ{NBSP}ف{NBSP}ب", "أَ فَ بَ", f"فرانـ{TATWEEL}س برس",
        f"{ZWSP}أ ف ب{RLM}", "AFP", "afp", "A.F.P.", "(AFP)", "Agence France-Presse",
        "Agence France Presse", "France-Presse", "France Presse", "AFP news agency",
    ],
    REUTERS: ["رويترز", "رويتر", "(رويترز)", "وكالة رويترز", "رُويتَرز", "Reuters", "REUTERS",
              "(Reuters)", "Thomson Reuters"],
    AP: ["أسوشيتد برس", "اسوشيتد برس", "أسوشيتدبرس", "أسوشييتد برس", "الأسوشيتد برس",
         "وكالة أسوشيتد برس", "أ ب", "(أ.ب)", "AP", "(AP)", "A.P.", "Associated Press",
         "The Associated Press"],
    DPA: ["د ب أ", "د.ب.أ", "(د ب ا)", "الألمانية", "وكالة الأنباء الألمانية", "dpa", "DPA",
          "Deutsche Presse-Agentur"],
    "شينخوا": ["شينخوا", "شنخوا", "وكالة أنباء الصين الجديدة", "Xinhua", "Xinhua News Agency"],
    "الأناضول": ["الأناضول", "الاناضول", "وكالة الأناضول", "الأناضول للأنباء", "Anadolu",
                 "Anadolu Agency"],
    "واس": ["واس", "(واس)", "وكالة الأنباء السعودية", "SPA", "Saudi Press Agency"],
    "وام": ["وام", "وكالة أنباء الإمارات", "WAM", "Emirates News Agency"],
    "كونا": ["كونا", "وكالة الأنباء الكويتية", "KUNA", "Kuwait News Agency"],
    "قنا": ["قنا", "وكالة الأنباء القطرية", "QNA", "Qatar News Agency"],
    "أ ش أ": ["أ ش أ", "ا ش ا", "أ.ش.أ", "وكالة أنباء الشرق الأوسط", "MENA"],
    "سانا": ["سانا", "الوكالة العربية السورية للأنباء", "SANA"],
    "بترا": ["بترا", "وكالة الأنباء الأردنية", "Petra"],
    "وات": ["وات", "وكالة تونس أفريقيا للأنباء", "وكالة تونس إفريقيا للأنباء", "TAP"],
    "واج": ["واج", "وكالة الأنباء الجزائرية", "APS", "Algérie Presse Service"],
    "لاماب": ["لاماب", "ومع", "و.م.ع", "وكالة المغرب العربي للأنباء", "MAP"],
    "إرنا": ["إرنا", "ارنا", "IRNA"],
    "إفي": ["إفي", "EFE"],
    "أنسا": ["أنسا", "ANSA"],
    "بنا": ["بنا", "وكالة أنباء البحرين", "BNA"],
    "العمانية": ["العمانية", "وكالة الأنباء العمانية", "ONA"],
    "وفا": ["وفا", "WAFA"],
    "سبأ": ["سبأ", "سبا", "Saba"],
    "يو بي آي": ["يو بي آي", "UPI", "United Press International"],
    "بلومبرغ": ["بلومبرغ", "بلومبيرغ", "Bloomberg"],
    GENERIC_AGENCY: ["وكالات", "الوكالات", "وكالات الأنباء", "(وكالات)", "Agencies", "agencies",
                     "Wires"],
}  # fmt: skip


@pytest.mark.parametrize(
    ("canonical", "spelling"),
    [(canonical, s) for canonical, spellings in SPELLINGS.items() for s in spellings],
)
def test_every_spelling_is_one_agency(canonical: str, spelling: str) -> None:
    assert canonical_agency(spelling) == canonical
    # ... alone as a byline, with a dateline before it, and with a publication after it.
    assert parse_byline(spelling).agency == canonical
    assert parse_byline(f"القاهرة - {spelling}").agency == canonical
    assert parse_byline(f"{spelling}-الامة برس") == Byline("الامة برس", canonical, None, None)


def test_canonical_names_are_their_own_canonical_name() -> None:
    for name in AGENCIES | {GENERIC_AGENCY}:
        assert canonical_agency(name) == name
    assert {AFP, REUTERS, AP, DPA, "واس", "وام", "كونا", "قنا", "أ ش أ"} <= AGENCIES
    assert GENERIC_AGENCY not in AGENCIES


@pytest.mark.parametrize(
    "text",
    ["الامة برس", "سبق", "الرياض", "فرانس 24", "فرانس", "France 24", "محمد علي", "برس", "وكالة",
     "الشرق الأوسط", "", "   ", "()", "Press", "News", "x" * 500],
)  # fmt: skip
def test_not_agencies(text: str) -> None:
    assert canonical_agency(text) is None


def test_an_unknown_agency_is_kept_as_written() -> None:
    assert parts("نواكشوط - الوكالة الموريتانية للأنباء") == (
        None,
        "الوكالة الموريتانية للأنباء",
        "نواكشوط",
        None,
    )


# --- one facet entry per paper -----------------------------------------------------------------


def test_publication_spellings_share_a_facet_key() -> None:
    lines = [
        "أ ف ب-الامة برس",
        "أ ف ب-الأمة برس",
        "أ ف ب-«الأمة برس»",
        "أ ف ب-الأُمَّة برس",
        f"أ ف ب-الامة{NBSP}برس",
        "رويترز-الامــة برس",
    ]
    keys = {facet_key(parse_byline(line).publication or "") for line in lines}
    assert keys == {facet_key("الامة برس")}


def test_a_site_gets_one_publication_whatever_it_credits() -> None:
    # The shapes one real site (the seed's) prints: its name always comes out alone.
    site_lines = [
        "أ ف ب-الامة برس",
        "رويترز-الامة برس",
        "واشنطن - أ ف ب-الامة برس",
        "وكالات-الامة برس",
        "(أ ف ب)-الامة برس",
        "الرياض - واس-الامة برس",
        "سيول (أ ف ب) | 2023-09-15 - 10:00-الامة برس",
        "د ب أ-الامة برس",
    ]
    assert {parse_byline(line).publication for line in site_lines} == {"الامة برس"}


# --- looks_like_byline ------------------------------------------------------------------------

BYLINE_NEGATIVES = [
    # Titles, subtitles and body sentences (the seed's among them).
    "كيم يزور مصنع الطائرات المقاتلة في جولة في روسيا",
    "جولة بالقطار المضاد للرصاص",
    "الولايات المتحدة تجري مشاورات مع طوكيو وسيول",
    "يزور الزعيم الكوري الشمالي كيم جونغ أون أقصى شرق روسيا",
    "وقالت موسكو في بيان إن كيم زار يوم الجمعة مصانع الطيران.",
    "قال الرئيس إن الاقتصاد بخير.",
    "نحن ندرس جميع الخيارات الممكنة",
    "الحكومة تعلن خطة جديدة للإسكان",
    "مصر: ارتفاع التضخم",
    "السعودية: ارتفاع أسعار النفط",
    "الرياض تستضيف القمة العربية",
    "محمد صلاح يسجل هدفين",
    "وأضاف الوزير:",
    "قال بوتين:",
    "- جولة بالقطار -",
    "هل ينجح الاتفاق؟",
    "Oil prices rise as markets rally",
    "The company said on Monday.",
    "Markets: stocks fall sharply",
    "What happens next?",
    "Markets fall in London.",
    "ترامب: سنرد بقوة",
    "بيان: السعودية ترحب",
    "واشنطن تحذر",
    "قمة الرياض",
    # No byline at all.
    "2023-09-15",
    "15 سبتمبر 2023",
    "Updated: 10 August 2015",
    "",
    "***",
    "x" * 300,
]


@pytest.mark.parametrize("line", [line for line, expected in CORPUS if any(expected)])
def test_every_corpus_byline_looks_like_one(line: str) -> None:
    assert looks_like_byline(line)


@pytest.mark.parametrize("line", ["خاص", "متابعات", "Staff Writer", "خاص - ", "2023-09-15 - خاص"])
def test_a_credit_naming_nobody_is_still_a_byline(line: str) -> None:
    # The header parser must step over it to find the date line below.
    assert not any(parts(line))
    assert looks_like_byline(line)


@pytest.mark.parametrize("line", BYLINE_NEGATIVES)
def test_titles_and_sentences_do_not_look_like_bylines(line: str) -> None:
    assert not looks_like_byline(line)


# --- properties ------------------------------------------------------------------------------

# Pieces bylines are made of, to build lines that look like the real ones.
PIECES = [
    "أ ف ب", "(أ.ف.ب)", "رويترز", "واس", "وكالات", "Reuters", "AFP", "الرياض", "واشنطن", "London",
    "سبق", "الامة برس", "«الاقتصادية»", "مكتب الجزيرة", "فهد العتيبي", "John Smith", "By",
    "بقلم", "المصدر", "خاص", "Monday, 10 August 2015", "13:12 pm", "2023-09-15", "15/09/2023",
    "3:30 ص", "أغسطس 5, 2015", "١٥ سبتمبر ٢٠٢٣", "كتب", "من", "in", "...", "", "الرِّيَاض",
    "فرانـــس برس", NBSP, ZWSP, RLM, TATWEEL,
]  # fmt: skip
SEPARATORS = [
    " - ",
    "-",
    " – ",
    "—",
    ": ",
    ":",
    " | ",
    "|",
    "، ",
    ", ",
    " / ",
    " (",
    ") ",
    "«",
    "»",
    " ",
    "ـ ",
]
bylines = (
    st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=7)
    .flatmap(
        lambda pieces: st.tuples(
            st.just(pieces),
            st.lists(st.sampled_from(SEPARATORS), min_size=len(pieces), max_size=len(pieces)),
        )
    )
    .map(lambda ps: "".join(p + s for p, s in zip(ps[0], ps[1], strict=True)))
)

DATE_OR_TIME = re.compile(
    r"\d{1,2}:\d{2}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"
    r"|\d\s*(?:August|Aug|أغسطس|سبتمبر)|(?:August|Aug|أغسطس|سبتمبر)\s*\d",
    re.IGNORECASE,
)
DIRTY = re.compile("[\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\\s]")


def check_clean(line: str, byline: Byline) -> None:
    compact_line = index_text(line).replace(" ", "")
    for name, part in zip(
        ("publication", "agency", "dateline", "author"), parts(line), strict=True
    ):
        if part is None:
            continue
        assert part == part.strip() and part, (name, part)
        assert "  " not in part and "\n" not in part, (name, part)
        assert DIRTY.search(part.replace(" ", "")) is None, (name, part)
        assert DATE_OR_TIME.search(part) is None, (name, part)
        assert all(unicodedata.category(c) not in ("Cc", "Cf", "Cs") for c in part), (name, part)
        assert part[0] not in "-–—:|،,()«»" and part[-1] not in "-–—:|،,()«»", (name, part)
        if name in ("publication", "author"):
            # Every word of these is a word of the line (folded alike).
            for token in index_text(part).split():
                assert token in compact_line, (name, part, token)
    if byline.agency is not None and byline.agency not in AGENCIES | {GENERIC_AGENCY}:
        assert index_text(byline.agency).replace(" ", "") in compact_line


@settings(max_examples=400, deadline=None)
@given(bylines)
@example("لندن - (أ ف ب) | Monday, 10 August 2015 - 13:12 pm-الرياضية")
@example("أغسطس 5, 2015, 3:30 ص-اليوم")
@example("1:2:3:4:5-6")
def test_built_bylines_give_clean_parts(line: str) -> None:
    check_clean(line, parse_byline(line))
    assert isinstance(looks_like_byline(line), bool)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=250))
def test_any_text_never_raises(text: str) -> None:
    byline = parse_byline(text)
    assert isinstance(byline, Byline)
    check_clean(text, byline)
    assert isinstance(looks_like_byline(text), bool)
    canonical_agency(text)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([s for spellings in SPELLINGS.values() for s in spellings]),
    st.sampled_from(["", " ", NBSP, ZWSP, RLM, "(", "«"]),
    st.sampled_from(["", " ", NBSP, ZWSP, RLM, ")", "»", ":"]),
)
def test_agency_spellings_survive_decoration(spelling: str, before: str, after: str) -> None:
    expected = canonical_agency(spelling)
    assert expected is not None
    assert parse_byline(f"{before}{spelling}{after}").agency == expected


def test_every_format_character_is_dropped() -> None:
    # No part may carry an invisible character, whichever the archive used.
    for cp in range(0x110000):
        c = chr(cp)
        if unicodedata.category(c) in ("Cf", "Cc") and not c.isspace():
            assert parse_byline(f"سبق{c}- تبوك{c}:") == Byline("سبق", None, "تبوك", None), hex(cp)


# --- size and speed ------------------------------------------------------------------------------


def test_long_lines_are_not_bylines() -> None:
    line = "أ ف ب-الامة برس " * 1000
    started = time.perf_counter()
    assert parse_byline(line) == Byline(None, None, None, None)
    assert not looks_like_byline(line)
    assert time.perf_counter() - started < 0.05


def test_thousands_of_distinct_bylines_parse_fast() -> None:
    # Distinct lines, so the cache does not help: a loose bound that still catches a regex
    # gone quadratic (the real cost is some tens of microseconds a line).
    names = ["فهد", "محمد", "سعد", "علي", "خالد", "ناصر", "سلطان", "تركي", "ماجد", "بندر"]
    families = ["العتيبي", "الحربي", "القحطاني", "الشمري", "الدوسري", "الغامدي", "الزهراني"]
    places = ["الرياض", "جدة", "تبوك", "أبها", "الدمام", "حائل"]
    lines = [
        f"{n} {f}- سبق- {p} | {d} سبتمبر 2023 - 1{d % 10}:30 pm"
        for n in names
        for f in families
        for p in places
        for d in range(1, 8)
    ]
    assert len(set(lines)) == len(lines) > 2000
    started = time.perf_counter()
    results = [parse_byline(line) for line in lines]
    elapsed = time.perf_counter() - started
    assert {r.publication for r in results} == {"سبق"}
    assert all(r.author and r.dateline and r.date for r in results)
    assert elapsed / len(lines) < 1e-3, f"{elapsed / len(lines) * 1e6:.0f} µs a line"


# Persian and Urdu archives credit their own agencies, in their own spellings.
PERSIAN_URDU = [
    ("لاہور - اے پی پی", None, "اے پی پی", "لاہور", None),
    ("Lahore (APP)", None, "اے پی پی", "Lahore", None),
    ("تهران - ایرنا", None, "إرنا", "تهران", None),
    ("خبرگزاری فارس", None, "وكالة فارس", None, None),
    ("تهران- خبرگزاری تسنیم", None, "تسنيم", "تهران", None),
    ("کراچی", None, None, "کراچی", None),
]


@pytest.mark.parametrize(("line", "publication", "agency", "dateline", "author"), PERSIAN_URDU)
def test_persian_and_urdu_bylines(line, publication, agency, dateline, author):
    parts = parse_byline(line)
    assert (parts.publication, parts.agency, parts.dateline, parts.author) == (
        publication,
        agency,
        dateline,
        author,
    )
