"""The names of the months, Gregorian and Hijri, as Arabic, Levantine, Maghrebi and English
news write them: one table for every part that reads dates (the header's date line, the
dates a byline carries). Qt-free."""

from __future__ import annotations

__all__ = ["GREGORIAN_MONTHS", "HIJRI_MONTHS"]

# Month number -> its names, "/"-separated, as written (hamza, harakat-free).
# fmt: off
GREGORIAN_MONTHS = {
    1: "يناير/كانون الثاني/جانفي/January/Jan", 2: "فبراير/شباط/فيفري/February/Feb",
    3: "مارس/آذار/March/Mar", 4: "أبريل/إبريل/نيسان/أفريل/April/Apr", 5: "مايو/أيار/ماي/May",
    6: "يونيو/يونيه/حزيران/جوان/June/Jun", 7: "يوليو/يوليه/تموز/جويلية/July/Jul",
    8: "أغسطس/آب/أوت/August/Aug", 9: "سبتمبر/أيلول/September/Sept/Sep",
    10: "أكتوبر/تشرين الأول/October/Oct", 11: "نوفمبر/تشرين الثاني/November/Nov",
    12: "ديسمبر/كانون الأول/December/Dec",
}
# fmt: on
# The Islamic months, in the spellings newspapers use beside the Gregorian date.
HIJRI_MONTHS = (
    "محرم/صفر/ربيع الأول/ربيع الآخر/ربيع الثاني/جمادى الأولى/جمادى الآخرة/جمادى الثانية/"
    "جمادي الأولى/جمادي الآخرة/رجب/شعبان/رمضان/شوال/ذو القعدة/ذي القعدة/ذو الحجة/ذي الحجة"
)
