"""What the byline parser knows: agencies, places, papers, names, dates. Qt-free.

Data for :mod:`reader.text.byline`, kept apart so that each module stays readable. Lists
are "/"-separated (entries ";"-separated), compared folded by :func:`_key` (the search
folding, spaces removed); line breaks inside them mean nothing.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import re

from reader.text.dates import GREGORIAN_MONTHS, HIJRI_MONTHS
from reader.text.normalize import index_text

GENERIC_AGENCY = "وكالات"

# canonical=spellings. Each also matches with وكالة / وكالة الأنباء before it and للأنباء after
# it (Latin: "news agency", "agency"). A common given name (فارس) is not listed bare.
_AGENCY_SPELLINGS = """
أ ف ب=أ.ف.ب/أفب/فرانس برس/فرانس بريس/فرانس-برس/فرانس پرس/الفرنسية/الوكالة الفرنسية/
الصحافة الفرنسية/AFP/Agence France-Presse/Agence France Presse/France-Presse/France Presse;
رويترز=رويتر/رويترس/تومسون رويترز/Reuters/Reuter/Thomson Reuters;
أسوشيتد برس=أ ب/أسوشيتدبرس/أسوشيد برس/أسوشييتد برس/أسوشيتيد برس/أسوشيتد بريس/الأسوشيتد برس/
اسوشيتد بيرس/AP/Associated Press;
د ب أ=الألمانية/الوكالة الألمانية/dpa/Deutsche Presse-Agentur/German Press Agency;
شينخوا=شنخوا/شينهوا/أنباء الصين الجديدة/الصين الجديدة/Xinhua;
الأناضول=Anadolu/Anadolu Agency/AA;
واس=الأنباء السعودية/SPA/Saudi Press Agency;
وام=أنباء الإمارات/WAM/Emirates News Agency;
كونا=الأنباء الكويتية/KUNA/Kuwait News Agency;
قنا=الأنباء القطرية/QNA/Qatar News Agency;
بنا=أنباء البحرين/BNA/Bahrain News Agency;
العمانية=الأنباء العمانية/ONA/Oman News Agency;
أ ش أ=أنباء الشرق الأوسط/MENA/Middle East News Agency;
سانا=العربية السورية للأنباء/الوكالة العربية السورية/SANA/Syrian Arab News Agency;
بترا=الأنباء الأردنية/Petra/Jordan News Agency;
وفا=الأنباء والمعلومات الفلسطينية/الأنباء الفلسطينية/WAFA;
واع=الأنباء العراقية/INA/Iraqi News Agency;
نينا=الوطنية العراقية للأنباء/NINA;
سبأ=الأنباء اليمنية/Saba/Saba News Agency;
سونا=السودان للأنباء/SUNA/Sudan News Agency;
وال=الأنباء الليبية/LANA/Libya News Agency;
وات=تونس أفريقيا للأنباء/تونس إفريقيا للأنباء/TAP/Tunis Afrique Presse;
واج=الأنباء الجزائرية/APS/Algérie Presse Service/Algeria Press Service;
لاماب=ومع/المغرب العربي للأنباء/MAP/Maghreb Arabe Presse;
الوكالة الوطنية للإعلام=الوكالة الوطنية/NNA/National News Agency;
إرنا=ارنا/إيرنا/ایرنا/خبرگزاری ایرنا/الجمهورية الإسلامية للأنباء/IRNA/Islamic Republic News Agency;
وكالة فارس=خبرگزاری فارس/Fars/Fars News Agency;
تسنيم=تسنیم/خبرگزاری تسنیم/Tasnim/Tasnim News Agency;
وكالة مهر=خبرگزاری مهر/Mehr/Mehr News Agency;
إيسنا=ایسنا/ISNA/Iranian Students News Agency;
اے پی پی=ای پی پی/APP/Associated Press of Pakistan/ایسوسی ایٹڈ پریس آف پاکستان;
يو بي آي=يونايتد برس/يونايتد برس إنترناشونال/UPI/United Press International;
بلومبرغ=بلومبيرغ/بلومبرج/بلومبيرج/Bloomberg;
كيودو=Kyodo/Kyodo News;
يونهاب=Yonhap;
تاس=إيتار تاس/ITAR-TASS/TASS;
ريا نوفوستي=نوفوستي/RIA Novosti;
سبوتنيك=Sputnik;
إنترفاكس=Interfax;
إفي=إيفي/EFE;
أنسا=ANSA;
آكي=AKI/Adnkronos;
وكالات=الوكالات/وكالات الأنباء/وكالات أنباء/وكالات عالمية/Agencies/News agencies/Wires/
Wire services
"""
# Arabic spellings|Latin spellings, each shown as its first. Left out: names that are also
# words, given names or papers (صور، بدر، الخليج، المدينة alone) and قنا (also QNA's name).
_PLACE_SPELLINGS = """
الرياض|Riyadh;جدة|Jeddah/Jiddah;مكة المكرمة/مكة|Mecca/Makkah;المدينة المنورة|Medina/Madinah;
الدمام|Dammam;الخبر|Khobar/Al Khobar;الظهران|Dhahran;الأحساء/الاحساء|Al Ahsa/Al-Ahsa;الهفوف|Hofuf;
القطيف|Qatif;الجبيل|Jubail;تبوك|Tabuk;أبها|Abha;خميس مشيط|Khamis Mushait;جازان/جيزان|Jazan/Jizan;
نجران|Najran;حائل|Hail;بريدة|Buraidah;عنيزة|Unaizah;القصيم|Qassim;الطائف|Taif;الباحة|Al Baha;
عرعر|Arar;سكاكا|Sakaka;الجوف|Al Jouf;ينبع|Yanbu;القريات;حفر الباطن|Hafar Al-Batin;المجمعة;
الخرج|Al Kharj;الدوادمي;بيشة;القنفذة;رابغ;شرورة;طريف;رفحاء;الزلفي;صبيا;أبو عريش;محايل عسير/محايل;
عسير|Asir;النماص;بلجرشي;الرس;المذنب;البكيرية;الدرعية|Diriyah;شقراء;وادي الدواسر;الأفلاج;
العلا|AlUla/Al Ula;ضباء;أملج;تيماء;المنطقة الشرقية/الشرقية|Eastern Province;نيوم|Neom;الخفجي;
النعيرية;بقيق|Abqaiq;المبرز;رأس تنورة|Ras Tanura;الجموم;خليص;فرسان;أبوظبي/أبو ظبي|Abu Dhabi;
دبي|Dubai;الشارقة|Sharjah;عجمان|Ajman;رأس الخيمة|Ras Al Khaimah;الفجيرة|Fujairah;
أم القيوين|Umm Al Quwain;العين|Al Ain;الكويت|Kuwait/Kuwait City;الدوحة|Doha;قطر|Qatar;
المنامة|Manama;البحرين|Bahrain;مسقط|Muscat;عمان|Amman/Oman;صلالة|Salalah;صنعاء|Sanaa/Sana'a;
عدن|Aden;تعز|Taiz;الحديدة|Hodeidah;مأرب|Marib;المكلا|Mukalla;بغداد|Baghdad;البصرة|Basra;
الموصل|Mosul;أربيل|Erbil/Irbil;النجف|Najaf;كربلاء|Karbala;كركوك|Kirkuk;السليمانية|Sulaimaniyah;
الفلوجة|Fallujah;الرمادي|Ramadi;تكريت|Tikrit;دمشق|Damascus;حلب|Aleppo;حمص|Homs;حماة|Hama;
اللاذقية|Latakia;إدلب|Idlib;دير الزور|Deir ez-Zor;الرقة|Raqqa;درعا|Daraa;طرطوس|Tartus;
القامشلي|Qamishli;بيروت|Beirut;طرابلس|Tripoli;صيدا|Sidon;زحلة|Zahle;بعلبك|Baalbek;الزرقاء|Zarqa;
إربد|Irbid;العقبة|Aqaba;القدس|Jerusalem;غزة|Gaza;رام الله|Ramallah;نابلس|Nablus;الخليل|Hebron;
جنين|Jenin;بيت لحم|Bethlehem;خان يونس|Khan Younis;رفح|Rafah;أريحا|Jericho;تل أبيب|Tel Aviv;
حيفا|Haifa;الناصرة|Nazareth;القاهرة|Cairo;الإسكندرية|Alexandria;الجيزة|Giza;بورسعيد|Port Said;
السويس|Suez;الإسماعيلية|Ismailia;الأقصر|Luxor;أسوان|Aswan;
شرم الشيخ|Sharm el-Sheikh/Sharm El Sheikh;الغردقة|Hurghada;المنصورة|Mansoura;طنطا|Tanta;
الزقازيق|Zagazig;أسيوط|Assiut/Asyut;سوهاج|Sohag;المنيا|Minya;بني سويف|Beni Suef;الفيوم|Fayoum;
دمياط|Damietta;العريش|Arish/El Arish;مرسى مطروح/مطروح|Marsa Matrouh;كفر الشيخ;دمنهور;بنها;
العلمين|El Alamein;الخرطوم|Khartoum;أم درمان|Omdurman;بورتسودان|Port Sudan;بنغازي|Benghazi;
مصراتة|Misrata;سرت|Sirte;طبرق|Tobruk;تونس|Tunis/Tunisia;صفاقس|Sfax;سوسة|Sousse;
الجزائر|Algiers/Algeria;وهران|Oran;قسنطينة|Constantine;الرباط|Rabat;الدار البيضاء|Casablanca;
مراكش|Marrakech/Marrakesh;فاس|Fez/Fes;طنجة|Tangier;أغادير|Agadir;نواكشوط|Nouakchott;
مقديشو|Mogadishu;جيبوتي|Djibouti;مصر|Egypt;السعودية|Saudi Arabia;الإمارات|UAE;الأردن|Jordan;
لبنان|Lebanon;سوريا/سورية|Syria;العراق|Iraq;اليمن|Yemen;ليبيا|Libya;المغرب|Morocco;السودان|Sudan;
فلسطين|Palestine;موريتانيا|Mauritania;الصومال|Somalia;إيران|Iran;تركيا|Turkey/Turkiye;روسيا|Russia;
الصين|China;فرنسا|France;بريطانيا|Britain/UK;ألمانيا|Germany;
الولايات المتحدة/أمريكا/أميركا|United States/USA;واشنطن|Washington;نيويورك|New York;لندن|London;
باريس|Paris;موسكو|Moscow;بكين|Beijing;طوكيو|Tokyo;برلين|Berlin;بروكسل|Brussels;جنيف|Geneva;
روما|Rome;مدريد|Madrid;أنقرة|Ankara;إسطنبول/استانبول|Istanbul;طهران|Tehran;كابول|Kabul;
إسلام آباد/إسلام أباد|Islamabad;اسلام آباد|Islamabad;لاهور|Lahore;لاہور|Lahore;كراتشي|Karachi;
کراچی|Karachi;بيشاور|Peshawar;پشاور|Peshawar;کوئٹہ|Quetta;مشهد|Mashhad;أصفهان/اصفهان|Isfahan;
شيراز|Shiraz;تبريز|Tabriz;نيودلهي/نيو دلهي|New Delhi;سيول|Seoul;بيونغ يانغ|Pyongyang;
هونغ كونغ/هونج كونج|Hong Kong;كييف/كيف|Kyiv/Kiev;فيينا|Vienna;أثينا|Athens;نيقوسيا|Nicosia;
ستوكهولم|Stockholm;أوسلو|Oslo;كوبنهاغن|Copenhagen;وارسو|Warsaw;براغ|Prague;بودابست|Budapest;
لشبونة|Lisbon;دبلن|Dublin;أوتاوا|Ottawa;تورنتو|Toronto;مكسيكو|Mexico City;برازيليا|Brasilia;
بوينس آيرس|Buenos Aires;سيدني|Sydney;كانبيرا|Canberra;جاكرتا|Jakarta;كوالالمبور|Kuala Lumpur;
مانيلا|Manila;بانكوك|Bangkok;سنغافورة|Singapore;تايبيه|Taipei;هانوي|Hanoi;نيروبي|Nairobi;
أديس أبابا|Addis Ababa;لاغوس|Lagos;أبوجا|Abuja;جوهانسبرغ|Johannesburg;بريتوريا|Pretoria;
داكار|Dakar;باماكو|Bamako;نيامي|Niamey;نجامينا|N'Djamena;لاهاي|The Hague;أمستردام|Amsterdam;
ستراسبورغ|Strasbourg;دافوس|Davos;الفاتيكان|Vatican City/Vatican;لوس أنجلوس|Los Angeles;
سان فرانسيسكو|San Francisco;شيكاغو|Chicago;هيوستن|Houston;ميامي|Miami;بوسطن|Boston;
فرانكفورت|Frankfurt;ميونيخ|Munich;ميلانو|Milan;مرسيليا|Marseille;تبليسي|Tbilisi;باكو|Baku;
يريفان|Yerevan;طشقند|Tashkent;مينسك|Minsk;سوتشي|Sochi;سان بطرسبورغ|St Petersburg/Saint Petersburg;
فلاديفوستوك|Vladivostok;كراكاس|Caracas;هافانا|Havana;بوغوتا|Bogota;ليما|Lima;سانتياغو|Santiago;
الأمم المتحدة|United Nations;دكا|Dhaka;كراتشي|Karachi;لاهور|Lahore;مومباي|Mumbai;كولومبو|Colombo;
كاتماندو|Kathmandu;هلسنكي|Helsinki;بلغراد|Belgrade;صوفيا|Sofia;بوخارست|Bucharest;سراييفو|Sarajevo;
أنطاليا|Antalya;إزمير|Izmir;غازي عنتاب|Gaziantep;مشهد|Mashhad;أصفهان|Isfahan;كيب تاون|Cape Town;
عواصم/عواصم عربية/عواصم عالمية|Capitals;تثليث;ظهران الجنوب;سراة عبيدة;صامطة;بيش;العارضة;ضمد;الحرث;
أحد المسارحة;فيفا;بلقرن;المندق;العقيق;قلوة;المخواة;ثادق;حريملاء;المزاحمية;الدلم;الغاط;عفيف;
القويعية;السليل;الخرمة;تربة;ميسان;أضم;العرضيات;مستورة;الحناكية;خيبر;العيص;حقل;البدع;طبرجل;
دومة الجندل;البدائع;الأسياح;الشماسية;الشنان;موقق;صفوى;سيهات;تاروت;حوطة سدير;حوطة بني تميم;
المحلة الكبرى;شبين الكوم;مرسى علم;بورتوفيق;نجع حمادي;ملوي;القليوبية;الدقهلية;الغربية;المنوفية;
البحيرة;الشرقية;الأنبار;ديالى;نينوى;ذي قار;واسط;بابل;القادسية
"""
# A prior for the names the rules cannot place ("سبق- واس": سبق is no town).
_KNOWN_PUBLICATIONS = """
سبق/عكاظ/الوئام/الجزيرة/اليوم/الوطن/الحياة/الشرق الأوسط/الاقتصادية/الرياضية/المدينة/البلاد/المواطن/
تواصل/المرصد/الأهرام/الأخبار/الجمهورية/المصري اليوم/اليوم السابع/الشروق/الوفد/البوابة/البيان/
الخليج/الاتحاد/الإمارات اليوم/الرؤية/الراية/الشرق/العرب/القبس/الرأي/الأنباء/السياسة/الجريدة/الأيام/
الوسط/الغد/الدستور/النهار/السفير/اللواء/الديار/القدس العربي/العربي الجديد/رأي اليوم/هسبريس/الصباح/
الزمان/المدى/العربية/الحرة/الميادين/المنار/إيلاف/مصراوي/أرقام/الامة برس/صدى البلد/Arab News/
Saudi Gazette/Gulf News/Khaleej Times/The National/Al Arabiya/Al Jazeera/Asharq Al-Awsat/Al-Monitor/
Middle East Eye/Ahram Online/Jordan Times/The New Arab/Daily Sabah
"""
# A word that makes a name a publication's, never a person's.
_PUBLICATION_WORDS = """
برس/بريس/نيوز/نت/بوست/تايمز/تايم/أونلاين/تي في/تيفي/تلفزيون/الإخبارية/الإخباري/الإلكترونية/
الإلكتروني/عربي/عربية/بوابة/صدى/أخبار/راديو/إف إم/صحيفة/جريدة/مجلة/موقع/شبكة/قناة/إذاعة/news/times/
post/press/online/daily/tv/network/gazette/journal/herald/tribune/monitor/today/arabia/eye/
observer/star/mail/guardian/independent/telegraph/economist/insider/wire/media/radio/channel/
magazine/review/weekly/al/el/the
"""
_AUTHOR_LABELS = """
بقلم/كتب/كتبت/كتبه/كتبها/إعداد/تقرير/حوار/ترجمة/تحرير/متابعة/الكاتب/by/written by/reporting by/
reported by/author
"""
_SOURCE_LABELS = "المصدر/مصدر/المصادر/نقلا عن/نقلاً عن/نقلا/عن/من/source/sources/via/from/credit"
_CREDITS = """
خاص/حصري/حصريا/متابعات/عاجل/محرر/المحرر/المحررة/مراسلنا/مراسلتنا/من مراسلنا/مندوبنا/تصوير/
فريق التحرير/هيئة التحرير/staff/staff writer/staff reporter/correspondent/reporter/writer/editor/
editorial/exclusive/photo/photos/newsroom/desk
"""
# Left once the dates are cut out: "نشر في", "آخر تحديث", "Published", weekdays.
_DATE_WORDS = """
نشر/نشرت/في/بتاريخ/تاريخ/آخر/اخر/تحديث/منذ/ساعة/ساعات/دقيقة/دقائق/يوم/أيام/الموافق/الساعة/توقيت/
بتوقيت/غرينتش/ص/م/هـ/السبت/الأحد/الاثنين/الإثنين/الثلاثاء/الأربعاء/الخميس/الجمعة/published/updated/
posted/last/update/on/at/gmt/utc/am/pm/ago/hour/hours/minute/minutes/min/mins/day/days/monday/
tuesday/wednesday/thursday/friday/saturday/sunday/mon/tue/tues/wed/thu/thurs/fri/sat/sun
"""
# The commonest given names (the shape rule covers the rest); عبد and أبو open compounds.
_GIVEN_NAMES = """
محمد أحمد محمود مصطفى علي عمر عثمان حسن حسين حسام إبراهيم يوسف يحيى ياسر ناصر نايف نواف بندر تركي
ماجد مشعل منصور مساعد عادل عبد عبدالله عبدالعزيز عبدالرحمن عبدالرحيم عبدالكريم عبدالمجيد عبدالإله
عبدالوهاب صالح سليمان سلمان طارق طلال وليد وائل هشام هاني كريم كمال جمال زياد زيد سامي سامر سمير
رامي رائد رياض مازن مالك مراد نبيل نادر نزار هيثم أيمن أسامة أنس إياد باسم بسام جاسم حمد حمود حامد
راشد سالم سيف شريف صلاح ضياء عماد عصام غسان فادي فراس فؤاد قاسم لؤي مجدي مهدي موسى عيسى هادي هاشم
ياسين يونس إسماعيل أشرف أمجد أنور تامر ثامر جابر جواد حاتم حازم حمزة خليل رضا زكريا سعيد شادي طه
عاطف عزيز علاء عمرو فتحي فاروق كامل محسن مختار مدحت معتز منير ناجي نصر وجدي فهد خالد سعد سعود
سلطان فيصل متعب عبدالرزاق حمدان زايد مبارك ماهر مهند مؤيد نضال جهاد إيهاب أكرم بشير بكر توفيق جميل
حسني رشيد رفيق شوقي صبري عاصم عدنان عمار فريد قيس لطفي مجيد مروان نعيم فاطمة عائشة مريم سارة نورة
نورا منى هدى هند ريم رنا ليلى سلمى أسماء إيمان آمال أمل دعاء دينا رشا ريهام سمر سهى شيماء عبير علا
غادة لمياء مها ميساء نادية نجلاء نسرين هالة هبة وفاء ياسمين رحاب جيهان زينب خديجة آية بسمة حنان
رانيا سناء عفاف لبنى مي نهى هيفاء أبو أم بن ابن
"""


def _key(text: str) -> str:
    """Comparison key: the search folding, spaces (and so dots and dashes) removed."""
    return index_text(text).replace(" ", "")


def _keys(spec: str) -> frozenset[str]:
    return frozenset(_key(s) for s in spec.replace("\n", "").split("/") if s.strip())


def _agency_table() -> tuple[dict[str, str], frozenset[str]]:
    table: dict[str, str] = {}
    edges: set[str] = set()  # first and last words: a segment with neither holds no agency
    latin = ("", "the"), ("", "news agency", "agency")
    arabic = ("", "وكالة", "وكالة الأنباء", "وكالة أنباء"), ("", "للأنباء")
    # The folding goes word by word: a name and the words around it are folded once each,
    # not once in every form (a third of the module's import, paid by every indexing worker).
    words = {w: index_text(w).split() for w in {*latin[0], *latin[1], *arabic[0], *arabic[1]}}
    for entry in _AGENCY_SPELLINGS.replace("\n", "").split(";"):
        canonical, _, spellings = entry.partition("=")
        for s in (canonical, *spellings.split("/")):
            before, after = latin if s.isascii() else arabic
            name = index_text(s).split()
            for b, a in itertools.product(before, after):
                tokens = [*words[b], *name, *words[a]]
                edges.update((tokens[0], tokens[-1]))
                if table.setdefault("".join(tokens), canonical) != canonical:  # pragma: no cover
                    raise ValueError(f"{' '.join((b, s, a)).strip()!r} names two agencies")
    return table, frozenset(edges)


def _place_table() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for entry in _PLACE_SPELLINGS.replace("\n", "").split(";"):
        arabic, _, latin = entry.partition("|")
        names, latin_names = arabic.split("/"), [s for s in latin.split("/") if s]
        shown = (names[0], latin_names[0] if latin_names else names[0])
        for name in names + latin_names:
            table.setdefault(_key(name), shown)  # عمان is Amman and Oman: one spelling
    return table


_AGENCY_KEYS, _AGENCY_EDGES = _agency_table()
AGENCIES: frozenset[str] = frozenset(_AGENCY_KEYS.values()) - {GENERIC_AGENCY}
_PLACES = _place_table()
_PUBLICATION_KEYS = _keys(_KNOWN_PUBLICATIONS)
_PUBLICATION_WORD_KEYS = _keys(_PUBLICATION_WORDS)
_PREFIX_KEYS = _keys("صحيفة/جريدة/موقع/مجلة/قناة/شبكة/إذاعة/تلفزيون/بوابة")  # صحيفة الرياض
_BUREAU_KEYS = _keys("مكتب/مراسل/مراسلة/مندوب/bureau")  # مكتب الجزيرة: the paper's own
_PLACE_WORD_KEYS = _keys("محافظة/منطقة/مدينة/ولاية/إمارة/إقليم/مقاطعة/governorate/province")
_AGENCY_WORD_KEYS = _keys("وكالة/الوكالة/agency/agence")
_AUTHOR_LABEL_KEYS = _keys(_AUTHOR_LABELS)
_LABEL_KEYS = _AUTHOR_LABEL_KEYS | _keys(_SOURCE_LABELS)
_CREDIT_KEYS = _keys(_CREDITS)
_DATE_WORD_KEYS = _keys(_DATE_WORDS)
_GIVEN_NAME_KEYS = frozenset(_key(n) for n in _GIVEN_NAMES.split())
_NAME_LINKS = _keys("عبد/أبو/أم/بن/ابن/بنت")  # عبد الرحمن: an ال word inside a name
_LATIN_PARTICLES = frozenset(("al", "el", "bin", "ibn", "de", "del", "da", "van", "von", "la"))
_NOT_IN_NAMES = _PUBLICATION_WORD_KEYS | _PREFIX_KEYS | _BUREAU_KEYS | _LABEL_KEYS | _CREDIT_KEYS
_NOT_IN_NAMES |= _DATE_WORD_KEYS | _AGENCY_WORD_KEYS | _keys("الأنباء/أنباء/للأنباء/عن/من/في/و")
_NOT_IN_NAMES -= _LATIN_PARTICLES
# صحيفة سبق الإلكترونية is سبق (compared as written: harakat are gone by then).
_DROPPED_SUFFIXES = frozenset(("الإلكترونية", "الالكترونية", "الإلكتروني", "الالكتروني"))

# --- dates and times -------------------------------------------------------------------------

_MONTH_NUMBERS = {_key(n): m for m, names in GREGORIAN_MONTHS.items() for n in names.split("/")}
_FUZZY = {**dict.fromkeys("اأإآ", "[اأإآ]"), **dict.fromkeys("يى", "[يى]"), " ": r"\s+"}
_FUZZY.update(dict.fromkeys("ةه", "[ةه]"))


def _names_regex(names: list[str]) -> str:
    """Any of ``names`` in any alef / yeh / teh marbuta spelling, not inside a word.

    A trie ("sep(?:t(?:ember)?)?"): where no name starts, one character is tested, not each name.
    """
    trie: dict[str, dict] = {}
    for name in names:
        node = trie
        for c in name.casefold() if name.isascii() else name.strip():
            node = node.setdefault(_FUZZY.get(c) or re.escape(c), {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [unit + emit(child) for unit, child in node.items() if unit]
        if not branches:
            return ""
        alternatives = "|".join(branches)  # greedy "?": the longer name is tried first
        return f"(?:{alternatives})?" if "" in node else f"(?:{alternatives})"

    return rf"(?<![^\W\d_])(?:{emit(trie)})(?![^\W\d_])"


_MONTH_NAMES = [n for names in GREGORIAN_MONTHS.values() for n in names.split("/")]
_MONTH = _names_regex(_MONTH_NAMES) + r"\.?"
_HIJRI = _names_regex(HIJRI_MONTHS.split("/"))
_ERA = r"(?:\s*(?:هـ|ه|م)(?![^\W\d_]))?"
_AFTER_DAY = r"(?:st|nd|rd|th)?"


# A pattern opening on a character class is skipped through in C to where the class matches:
# so dates opening on a digit are one pattern opening on \d, the lookbehind after it, and
# dates opening on a month ("August 5, 2015") another, run only while digits are left.
@functools.cache
def _date_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The date and time patterns, compiled when a byline first holds a digit: most hold
    none, and compiling these (case-insensitive over Unicode) takes ~10 ms, which a first
    start would otherwise spend before its first article is listed."""
    from_digit = re.compile(
        r"\d(?<!\d\d)(?:\d{3}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)(?:T[\d:.]+(?:Z|[+-][\d:]+)?)?"
        r"|\d?[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})(?!\d)"
        r"|\d?:\d\d(?::\d\d)?(?!\d)(?:\s*(?:[ap]\.?\s?m\.?|صباحا|مساءا|مساء|ظهرا|ص|م)(?![^\W\d_]))?"
        r"(?:\s*(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2})?)?"
        rf"|\d?{_AFTER_DAY}\s*(?:of\s+)?{_MONTH}(?:\s*[,،]?\s*\d{{4}}(?!\d))?{_ERA}"
        rf"|\d?\s*{_HIJRI}(?:\s*\d{{4}}(?!\d))?{_ERA}|\d{{3}}\s*(?:هـ|م)(?![^\W\d_]))",
        re.IGNORECASE,
    )
    from_month = re.compile(
        rf"{_MONTH}\s*(?:\d{{1,2}}(?!\d){_AFTER_DAY})?(?:\s*[,،]?\s*\d{{4}}(?!\d))?{_ERA}"
        rf"|{_HIJRI}\s*\d{{4}}(?!\d){_ERA}",
        re.IGNORECASE,
    )
    return from_digit, from_month, re.compile(_MONTH, re.IGNORECASE)


_DIGIT = re.compile(r"\d")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _date_of(found: str) -> datetime.date | None:
    """The calendar date a cut-out date names, if a whole one."""
    try:
        if m := re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", found):
            return datetime.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.match(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?!\d)", found):
            return datetime.date(int(m[3]) + (2000 if len(m[3]) == 2 else 0), int(m[2]), int(m[1]))
        month, year = _date_patterns()[2].search(found), re.search(r"\d{4}", found)
        day = re.search(r"(?<!\d)\d{1,2}(?!\d)", found)
        number = month and _MONTH_NUMBERS.get(_key(month.group().rstrip(".")))
        return datetime.date(int(year[0]), number, int(day[0])) if number and year and day else None
    except ValueError:
        return None  # right shape, impossible value (2015-02-30)


def _cut_dates(text: str, dates: list[datetime.date]) -> str:
    """Each date and time becomes "|" (a separator: "pm-الرياضية" stays glued to its dash)."""
    if _DIGIT.search(text) is None:
        return text  # most bylines
    text = text.translate(_DIGITS)

    def cut(m: re.Match[str]) -> str:
        if _DIGIT.search(m[0]) is None:
            return m[0]  # a month name alone: رمضان may be a name
        if not dates and (date := _date_of(m[0])) is not None:
            dates.append(date)
        return "|"

    from_digit, from_month, _ = _date_patterns()
    text = from_digit.sub(cut, text)
    return from_month.sub(cut, text) if _DIGIT.search(text) else text
