"""Arabic month and weekday names, and relative-date words: data for :mod:`dates`.

Spelling does not matter: :mod:`dates` turns every key into its matching key.
"""

# Egyptian/Gulf (يناير…), Levantine/Iraqi (كانون الثاني…), Maghrebi (جانفي…) families.
MONTHS: dict[str, int] = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "ابرايل": 4, "مايو": 5, "يونيو": 6,
    "يونيه": 6, "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10,
    "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6,
    "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11,
    "كانون الاول": 12,
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8,
    "شتنبر": 9, "نونبر": 11, "دجنبر": 12, "يوليوز": 7, "غشت": 8,
}  # fmt: skip

# Python weekday numbers (Monday = 0).
WEEKDAYS: dict[str, int] = {
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3,
    "الجمعه": 4, "السبت": 5, "الاحد": 6,
}  # fmt: skip

# Words that name a day relative to the report's date, as an offset in days.
RELATIVE_DAYS: dict[str, int] = {
    "اليوم": 0, "اليوم الحالي": 0, "امس": -1, "الامس": -1, "البارحه": -1,
    "اول امس": -2, "اول من امس": -2, "غدا": 1, "الليله الماضيه": -1,
    "الليله قبل الماضيه": -2,
}  # fmt: skip

# After a relative day word, these make it a day the text told of, not the report's:
# "في اليوم نفسه" (that same day), "في اليوم التالي" (the day after), "اليوم الذي".
ANAPHORIC_AFTER = ("نفسه", "ذاته", "عينه", "التالي", "السابق", "الذي", "الاول", "الثاني")
# … and before it: "في نفس اليوم", "ذات اليوم".
ANAPHORIC_BEFORE = ("نفس", "ذات")

# "منذ 3 ساعات" / "قبل يومين": units in seconds (singular, dual and plural forms).
RELATIVE_UNITS: dict[str, int] = {
    "ثانيه": 1, "ثواني": 1, "ثوان": 1,
    "دقيقه": 60, "دقيقتين": 120, "دقيقتان": 120, "دقائق": 60,
    "ساعه": 3600, "ساعتين": 7200, "ساعتان": 7200, "ساعات": 3600,
    "يوم": 86400, "يومين": 172800, "يومان": 172800, "ايام": 86400,
    "اسبوع": 604800, "اسبوعين": 1209600, "اسابيع": 604800,
}  # fmt: skip

# Markers that a year is Hijri: such dates are recognised but not converted.
HIJRI_MARKERS = ("ه", "هـ", "هجري", "هجريه")
