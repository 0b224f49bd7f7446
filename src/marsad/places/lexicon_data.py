"""Words around place names: designators, directions, locative cues. Data, as match keys."""

from __future__ import annotations

from typing import Literal

Relation = Literal["mention", "near", "countryside"]

GOVERNORATE_KINDS = frozenset({"governorate"})
TOWN_KINDS = frozenset({"city", "town", "village"})

# A word (or two) before a name that says what the name is: (relation, kinds it prefers).
# ``None`` kinds: the designator says nothing about the kind. Keys are match keys.
DESIGNATORS: dict[str, tuple[Relation, frozenset[str] | None]] = {
    "محافظه": ("mention", GOVERNORATE_KINDS),
    "محافظات": ("mention", GOVERNORATE_KINDS),  # the first of a list: "محافظات مأرب وعمران"
    "محافظتي": ("mention", GOVERNORATE_KINDS),
    "ولايه": ("mention", GOVERNORATE_KINDS),
    "مدن": ("mention", frozenset({"city", "town"})),
    "مدينتي": ("mention", frozenset({"city", "town"})),
    "بلدتي": ("mention", TOWN_KINDS),
    "اقليم": ("mention", frozenset({"region", "governorate"})),
    "مدينه": ("mention", frozenset({"city", "town"})),
    "بلده": ("mention", TOWN_KINDS),
    "بلدات": ("mention", TOWN_KINDS),
    "قريه": ("mention", frozenset({"village", "town"})),
    "قري": ("mention", frozenset({"village", "town"})),
    "ناحيه": ("mention", frozenset({"subdistrict", "town", "village"})),
    "قضاء": ("mention", frozenset({"district", "subdistrict", "town", "city"})),
    "منطقه": ("mention", None),
    "العاصمه": ("mention", frozenset({"city", "country"})),
    "دوله": ("mention", frozenset({"country"})),
    "ريف": ("countryside", None),
    "ارياف": ("countryside", None),
    "ضواحي": ("near", None),
    "اطراف": ("near", None),
    "محيط": ("near", None),
    "قرب": ("near", None),
    "بالقرب من": ("near", None),
    "شرق": ("near", None),
    "غرب": ("near", None),
    "شمال": ("near", None),
    "جنوب": ("near", None),
    "شرقي": ("near", None),
    "غربي": ("near", None),
    "شمالي": ("near", None),
    "جنوبي": ("near", None),
    "شمال شرق": ("near", None),
    "شمال غرب": ("near", None),
    "جنوب شرق": ("near", None),
    "جنوب غرب": ("near", None),
    "شمال شرقي": ("near", None),
    "شمال غربي": ("near", None),
    "جنوب شرقي": ("near", None),
    "جنوب غربي": ("near", None),
    "القريب من": ("near", None),
    "القريبه من": ("near", None),
    "القريبان من": ("near", None),
    "القريبتان من": ("near", None),
    "القريبين من": ("near", None),
    "القريبتين من": ("near", None),
}

# Countries whose provinces are "regions": there "منطقة الرياض" is the Riyadh Region (an
# admin-1 unit), not the city (review 13: ``أمير منطقة الرياض``). Match key.
REGION_DESIGNATOR = "منطقه"
REGION_COUNTRIES = frozenset({"SA"})

# ``شمال العاصمة صنعاء``, ``جنوب مدينة تعز``: a direction before a designator is near the
# place the designator introduces, of the kinds it asks for.
_DIRECTIONS = ("شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي")
DESIGNATORS |= {
    f"{direction} {designator}": ("near", DESIGNATORS[designator][1])
    for direction in _DIRECTIONS
    for designator in ("العاصمه", "مدينه", "محافظه", "بلده", "قريه")
}

# Designators whose words belong to the place's span (``ريف دير الزور``, ``شرق حلب``);
# the others only qualify it (``محافظة #دير_الزور`` keeps the span on the name).
SPAN_RELATIONS = frozenset({"near", "countryside"})

# ``ريف حلب الشمالي``: a direction adjective after the name stays in the span.
DIRECTION_ADJECTIVES = frozenset(
    {"الشمالي", "الجنوبي", "الشرقي", "الغربي", "الاوسط", "الشماليه", "الجنوبيه", "الشرقيه",
     "الغربيه"}
)  # fmt: skip

# ``بدير الزور وريفها``: the countryside of the place just named.
ITS_COUNTRYSIDE = frozenset({"ريفها", "ريفه", "وريفها", "وريفه", "بريفها", "بريفه"})

# Words before a name that make it a place reading (used to measure, at build time, how
# often a name that is also a common word is used as a place in news text).
LOCATIVE_CUES = frozenset(
    {"في", "من", "الي", "نحو", "باتجاه", "قرب", "داخل", "عبر", "حتي", "بين"} | set(DESIGNATORS)
)

# Adjective (nisba) endings after the stem: سوري، سورية، سوريون، سوريين، سوريات.
NISBA_ENDINGS = ("", "ه", "ون", "ين", "ات")

# Words that fold into a country adjective's key but, as written, are other words: with ى
# ``اليمنى`` is "the right (hand, side)", not ``اليمني`` "Yemeni" (the key folds ى into ي).
NOT_ADJECTIVES_AS_WRITTEN = ("يمنى",)

# Words that read as a place once their proclitics are off but, as written, are other
# words: ``بحجة`` "on the pretext" (not ب + Hajjah). Match keys, without a conjunction.
NOT_PLACES_AS_WRITTEN = frozenset({"بحجه"})

# A name right after these is no place of the report: a time of day (``صلاة المغرب``, the
# sunset prayer), the namesake of a cup or a stadium (``كأس استاد الإمارات`` in London), or
# a site's "link to the news" (``رابط الخبر``, not Khobar), or an outlet's name (``قناة
# اليمن الفضائية``, ``صحيفة الرياض``, ``"شبكة تعز الإخبارية"``; reviews 12 and 14).
NOT_PLACE_AFTER = frozenset(
    {
        "صلاه", "اذان", "صلاتي", "صلوات", "كاس", "استاد", "ستاد", "رابط", "قناه", "لقناه",
        "بقناه", "صحيفه", "لصحيفه", "بصحيفه", "جريده", "لجريده", "بجريده", "اذاعه", "لاذاعه",
        "تلفزيون", "لتلفزيون", "شبكه", "لشبكه", "بشبكه",
    }
)  # fmt: skip

# A name followed by one of its words is an idiom or a common noun: ``باليمن والبركة``
# ("with good fortune"), ``الطبقة السياسية`` ("the political class", not Tabqa). Match keys.
NOT_PLACE_BEFORE = {
    "اليمن": frozenset({"والخير", "والبركه", "والبركات", "والمسرات", "والسعاده"}),
    "الطبقه": frozenset(
        {"السياسيه", "الوسطي", "العامله", "الحاكمه", "الفقيره", "الغنيه", "المثقفه", "الاولي"}
    ),
    "رحاب": frozenset({"الله"}),  # انتقل إلى رحاب الله "passed away"
}

# A country's feminine adjective after these, or with a preposition glued to it, is a
# language: "ترجمه إلى الإنجليزية", "من الفرنسية", "اللغة التركية", "بالتركية". Match keys.
LANGUAGE_CUES = frozenset({"الي", "من", "عن", "اللغه", "لغه", "بلغه", "باللغه"})

# A country's adjective after these names the country's land, a place: "داخل الأراضي
# السورية" is in Syria. Match keys, proclitics read off.
TERRITORY_NOUNS = frozenset({"الاراضي", "اراضي"})

# Names that are places only after a designator of their kind, whatever the tagger says:
# ``المدينة`` is "the city" (of the report) far more often than Madinah, which the news
# calls ``المدينة المنورة``; ``جبل`` ("mountain") is the first word of a name the tagger cut
# (``جبل صبر``), never Dzhebel in Bulgaria.
NEVER_ALONE = frozenset({"المدينه", "جبل", "الجبل"})

# Designators that name the place they introduce even when the gazetteer does not know
# it: a name in quotes after one (``مديرية «كتاف»``), or the two names joined by و after a
# dual (``بلدتي الوهط وصبر``, ``منطقتي خشم رميد ومثلث العبر``), is an unresolved place. Plurals
# (``أحياء``, ``مدن``, ``بلدات``) were tried: ``إحياء التراث``, ``مدن مزدحمة ومليئة``, ``بلدات
# وأعدم أجانب`` made places of phrases. Match keys, proclitics read off.
NAMING_DESIGNATORS = frozenset(
    {"محافظه", "مديريه", "منطقه", "بلده", "قريه", "مدينه", "ناحيه", "قضاء", "حي", "جبل"}
)
DUAL_DESIGNATORS = frozenset({"محافظتي", "مديريتي", "منطقتي", "بلدتي", "قريتي", "مدينتي", "حيي"})
QUOTED_NAME_WORDS = 3  # words of a quoted name after a designator, at most
LISTED_NAME_WORDS = 2  # words of each name after a dual designator (two after NAME_FIRST_WORDS)
# Particles that open a phrase, never a name: ``منطقة «من دون مخاطر»``. Match keys.
NOT_NAME_OPENERS = frozenset(
    {"من", "في", "علي", "عن", "الي", "دون", "غير", "لا", "ما", "مع", "حتي", "كل", "بلا"}
)
# First words of names of two words (``تل أعور``, ``آل جبير``, ``خشم رميد``): alone they
# name nothing, and only after one does a listed name run to a second word. Match keys.
NAME_FIRST_WORDS = frozenset(
    {"تل", "دير", "بئر", "عين", "ابو", "ام", "ال", "بني", "بيت", "كفر", "خربه", "راس", "مرج",
     "سد", "جسر", "باب", "حي", "جبل", "وادي", "حوض", "عرق", "خشم", "مثلث", "ساقيه", "قصر"}
)  # fmt: skip
# Not names after such a designator: kinds of zone (``منطقة «آمنة»``, ``منطقتي الشمال
# والجنوب``), and the first words of names above taken alone.
NOT_DESIGNATED_NAMES = NAME_FIRST_WORDS | {
    "امنه", "عازله", "محظوره", "منزوعه", "حظر", "عسكريه", "الشمال", "الجنوب", "الشرق", "الغرب",
    "الوسط",
}  # fmt: skip

# Between two names of one list, which share the designator of the first ("محافظات مأرب
# وعمران وحجة"): a conjunction, glued to the next name or not, after a comma or not
# (spaces left out). A comma alone does not join: "بمدينة حمص، دون انباء" ("without").
LIST_JOINTS = frozenset({"و", "،و", ",و"})
