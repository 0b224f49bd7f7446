"""Word lists for linking mentions within a report: data, apart from the logic."""

import re

from marsad.arabic import match_key

# Head nouns of organisation names whose definite form, once the organisation has been
# named, refers back to it: تنظيم الدولة الإسلامية … التنظيم; هيئة تحرير الشام … الهيئة;
# المقاومة الشعبية … المقاومة (matching keys, article off).
REFERENCE_HEADS = (
    "تنظيم", "هيئه", "حزب", "جبهه", "حركه", "منظمه", "جيش", "مرصد", "شبكه", "وكاله",
    "مجلس", "ائتلاف", "فيلق", "لواء", "فرقه", "مفوضيه", "اتحاد", "تحالف", "مقاومه",
)  # fmt: skip

# Words that introduce a byline rather than belong to the author's name.
BYLINE_PREFIXES = ("بقلم", "كتب", "كتبه", "كتبت", "اعداد", "تقرير", "إعداد", "تحرير")

# Kinds of registry entities that publish reports.
OUTLET_KINDS = ("outlet",)

# Words the tagger or a gazetteer may read as names that name nothing a reader follows:
# God in pious formulas (الحمد لله، إن شاء الله), "the world", "the people" (also a CLDR
# region and a Baghdad district), a bare "party", "the states", "the countryside", "the
# city" (Madinah is المدينة المنورة; see the places' NEVER_ALONE), "mountain" (a name's
# first word the tagger cut off: ``جبل`` of ``جبل صبر``), Shia and Sunni. Matching
# keys; with proclitics they are still left out.
NOT_NAMES = frozenset(
    (
        "الله", "لله", "العالم", "الشعب", "حزب", "الولايات", "الريف", "ريف", "المدينه", "جبل",
        "الجبل",
        # communities, no organisation: ``الانقسامات بين الشيعة والسنة`` (review 12)
        "الشيعه", "السنه",
        # the Levantine month names: ``(نيسان)`` after a date is April, not Nissan
        "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "ايلول", "تشرين",  # not آب: إب
    )
)  # fmt: skip

# Words of a lineage: a person's name runs on after them (``بندر بن عبدالله بن عبدالعزيز``).
LINEAGE_WORDS = frozenset(match_key(word) for word in ("بن", "ابن", "بنت"))

# A last name after these is no surname that stands for the person: "آل سعود" is every
# prince's dynasty, "عبد الرحمن" one given name. Matching keys.
NOT_SURNAMES_AFTER = frozenset(match_key(word) for word in ("آل", "عبد", "أبو", "بن", "ابن"))
# Given names so common that, last in a full name, they do not stand for the person alone:
# "أحمد" of "ولد الشيخ أحمد" is any Ahmad of the report ("ابنه أحمد علي عبدالله صالح").
# (Rarer given names do: "هادي" is President Hadi.) Matching keys.
NOT_SURNAMES = frozenset(
    match_key(word)
    for word in ("محمد", "أحمد", "محمود", "حسن", "حسين", "عمر", "خالد", "إبراهيم", "يوسف", "عثمان")
)

# Verbs and participles the tagger sometimes takes into a name at its edges: "أبلغ
# الجبوري", "وأضاف فوزي قائلا", "فهد حمد مواليد 1990", "دان مسعود البرزاني", "دياربكر
# لشن". Matching keys.
NAME_EDGE_WORDS = frozenset(
    match_key(word)
    for word in (
        "قال", "أضاف", "أكد", "أوضح", "أعلن", "صرح", "ذكر", "أبلغ", "رأى", "قالت", "أكدت",
        "قائلا", "قائلة", "مضيفا", "مؤكدا", "مشيرا", "موضحا", "لافتا", "معتبرا", "مواليد",
        "سيرأس", "يقول", "تقول", "دان", "دانت", "أدان", "أدانت", "ندد", "نددت", "طالبت",
        "لشن", "بشن",
    )
)  # fmt: skip
# Given names that are also verbs: an edge word only with a conjunction glued, which
# opens a clause and never a name ("وطالب بارزاني": "and Barzani demanded"). Keys.
VERB_NAMES = frozenset(match_key(word) for word in ("طالب",))

# After a registry name, these make it another body: "قوات النظام المخلوع" (Yemen) is not
# "قوات النظام" (Syria). Matching keys.
DEPOSED = frozenset(match_key(word) for word in ("المخلوع", "المخلوعة", "البائد", "البائدة"))

# A name followed by one of its words is a common noun or another place: "القاعدة الجوية"
# (the air base) is no al-Qaeda, "أميركا الجنوبية" no United States, "حسن الجوار" no
# Hassan. Matching keys: the name's key → the words after it.
COMMON_NOUN_AFTER = {
    match_key(name): frozenset(match_key(w) for w in words)
    for name, words in {
        "القاعدة": (
            "الجوية", "العسكرية", "البحرية", "الأمريكية", "الأميركية", "الروسية", "التركية",
            "الشعبية", "الانتخابية", "الصناعية", "القانونية", "الأساسية", "العامة",
        ),
        "أمريكا": ("الجنوبية", "الشمالية", "اللاتينية", "الوسطى"),  # continents
        "أميركا": ("الجنوبية", "الشمالية", "اللاتينية", "الوسطى"),
        "حماس": (  # "حماس الجماهير" (the fans' enthusiasm) is no Hamas
            "الجماهير", "الجمهور", "المشجعين", "اللاعبين", "الشباب", "كبير", "شديد", "منقطع",
        ),
        "مالك": (  # "مالك نادي بوليفار" (the club's owner) is no Malik
            "نادي", "النادي", "شركة", "الشركة", "صحيفة", "الصحيفة", "قناة", "القناة", "فندق",
            "الفندق", "مصنع", "المصنع", "العقار", "المنزل", "السفينة",
        ),
        "التحالف": (  # Iraq's parliamentary blocs, not a military coalition
            "الكردستاني", "الكردي", "الوطني", "الشيعي", "السني", "المدني", "الانتخابي",
            "البرلماني",
        ),
        "حسن": (  # "حسن الجوار" (good neighbourliness) is no Hassan
            "الجوار", "النية", "الظن", "التعامل", "الخلق", "السير", "الأداء", "الاستقبال",
            "الضيافة", "التدبير", "الإدارة", "السلوك",
        ),
    }.items()
}  # fmt: skip

# A state's armed forces named by a noun of force and the state's adjective ("طائرات حربية
# تركية", "المدفعية السعودية", "القوات الأمريكية"): the registry's army of that state.
# Matching keys; a qualifier may stand between ("طائرات حربية تركية"). Singular "طائرة"
# is left out (an airliner as often as a warplane), and so is Yemen, whose army was split.
FORCE_NOUNS = frozenset(
    match_key(w)
    for w in (
        "طائرات", "الطائرات", "مقاتلات", "المقاتلات", "مدفعية", "المدفعية", "قوات", "القوات",
        "البحرية", "بحرية", "بوارج", "البوارج", "مروحيات", "المروحيات", "دبابات", "الدبابات",
        "جنود", "الجنود",
    )
)  # fmt: skip
FORCE_QUALIFIERS = frozenset(
    match_key(w)
    for w in (
        "حربية", "الحربية", "مسلحة", "المسلحة", "برية", "البرية", "جوية", "الجوية",
        "عسكرية", "العسكرية", "خاصة", "الخاصة",
    )
)  # fmt: skip
NATIONAL_FORCES = {
    "SY": "org:syrian-army", "IQ": "org:iraqi-army", "TR": "org:turkish-army",
    "SA": "org:saudi-armed-forces", "US": "org:us-army", "RU": "org:russian-army",
    "IR": "org:iran-army", "IL": "org:idf",
}  # fmt: skip

# Before a regional name, these make it a reference to something the report told of
# ("قيادات هذا التحالف"): matching keys.
DEMONSTRATIVES = frozenset(match_key(w) for w in ("هذا", "هذه", "ذلك", "تلك", "وهذا", "وهذه"))

# Words that are no name as written, though their matching key is one: the preposition
# "على" folds to the given name "علي" (ى → ي).
NOT_NAMES_AS_WRITTEN = frozenset({"على"})

# A registry name that is also a common noun, and the noun's indefinite form: in a report
# that uses the noun for a thing ("قاعدة العند", "قاعدة عسكرية") and never names the
# entity otherwise, the name is the noun ("تحاصر القاعدة": the base). Matching keys.
COMMON_NOUN_NAMES = {match_key("القاعدة"): match_key("قاعدة")}

# News agencies' initials, dots and spaces removed: ``د.ب.أ`` (dpa), ``أ.ف.ب`` (AFP), ``ي.ب.أ``
# (UPI), ``ق.ن.أ`` (KUNA). Never a person's initials. Matching keys.
AGENCY_INITIALS = frozenset(match_key(code) for code in ("دبأ", "أفب", "يبأ", "قنأ", "أشأ"))

# A coalition is the one its stated leader leads: "التحالف الدولي الذي تقوده المملكة" is the
# Saudi-led coalition, whatever its adjective (review 13). The leader's key (proclitics off)
# → the coalition's registry id; read after "الذي تقوده"/"التي تقودها"/"بقيادة".
COALITION_LEADERS = {
    match_key(leader): coalition
    for leader, coalition in (
        ("المملكة", "org:saudi-led-coalition"),
        ("السعودية", "org:saudi-led-coalition"),
        ("الرياض", "org:saudi-led-coalition"),
        ("الولايات", "org:global-coalition"),
        ("واشنطن", "org:global-coalition"),
        ("أمريكا", "org:global-coalition"),
        ("أميركا", "org:global-coalition"),
    )
}
LED_BY = re.compile(r"^\s*(?:(?:الذي|التي)\s+(?:تقوده|يقوده|تقودها)|بقياده)\s+(\S+)")
