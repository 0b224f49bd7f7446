"""Words that signal ACLED events, and words that say a mention is not one: data for rules.py.

Written as ordinary Arabic; rules.py folds everything with ``match_key``, and proclitics
(و ف ب ل ك ال) are stripped when matching, so list bare forms. Triggers come in groups
that share a sub-event type, a strength, a form and a requirement:

- strength ``strong``: the phrase names an event on its own (غارة, عبوة ناسفة);
  ``weak``: only with an armed actor nearby and something specific — a place below country
  level, a date, or casualties (مواجهات, معارك, سيطرة).
- form ``noun`` (masdar or noun), ``verb`` (past tense; also read with an object pronoun,
  "فاستهدفهما"), ``present`` (imperfect: counted only in headlines, where Arabic news uses
  it for the past). Nouns with a possessive pronoun ("غاراتها") are listed as weak: they
  usually refer back to something already told.
"""

from __future__ import annotations

import re

CLASH = "Armed clash"
REGAIN = "Government regains territory"
OVERTAKE = "Non-state actor overtakes territory"
CHEMICAL = "Chemical weapon"
AIR = "Air/drone strike"
SUICIDE = "Suicide bomb"
SHELLING = "Shelling/artillery/missile attack"
IED = "Remote explosive/landmine/IED"
GRENADE = "Grenade"
SEXUAL = "Sexual violence"
ATTACK = "Attack"
ABDUCTION = "Abduction/forced disappearance"
PEACEFUL = "Peaceful protest"
INTERVENTION = "Protest with intervention"
EXCESSIVE = "Excessive force against protesters"
VIOLENT_DEMO = "Violent demonstration"
MOB = "Mob violence"
AGREEMENT = "Agreement"
ARRESTS = "Arrests"
CHANGE = "Change to group/activity"
DISRUPTED = "Disrupted weapons use"
LOOTING = "Looting/property destruction"
TRANSFER = "Non-violent transfer of territory"

# (sub-event type, strength, form, requirement, phrases). Requirements beyond strength:
# "target" (a military target follows), "control" (a verb of taking control precedes),
# "aircraft" (aircraft are named: "استهدفت طائرات التحالف…"),
# "group" (an armed group is named nearby), "announce" (someone announces or signs it),
# "crowd" (people in the street), "armed" (an armed actor or security force nearby),
# "weapon" (a bomb or mine follows: "تفكيك 3 منازل مفخخة"),
# "victim" (a killing or shooting: violence against civilians when the victims are
# civilians, a battle otherwise; it yields to any other violent trigger of the sentence).
TRIGGERS: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    (CLASH, "strong", "noun", "", (
        "اشتباكات", "اشتباك", "اقتتال", "مواجهات مسلحة", "تبادل إطلاق النار",
        "تبادل لإطلاق النار",
    )),
    (CLASH, "strong", "verb", "", ("اشتبك", "اشتبكت", "اشتبكوا", "اشتبكا")),
    (CLASH, "strong", "verb", "", (
        "شن هجوما", "شنت هجوما", "شنوا هجوما", "شن هجمات", "شنت هجمات", "شنوا هجمات",
    )),
    (CLASH, "weak", "verb", "", ("تصدت", "تصدى", "تصدوا")),
    (CLASH, "weak", "verb", "armed", ("اقترب", "اقتربت", "اقتربوا")),
    (CLASH, "weak", "present", "armed", ("تقترب", "يقترب")),
    (CLASH, "weak", "present", "victim", ("تقتل", "يقتل")),
    (CLASH, "strong", "present", "", ("تشتبك", "يشتبك")),
    (CLASH, "weak", "noun", "", ("معارك", "مواجهات", "كر وفر", "كرا وفرا")),
    (CLASH, "weak", "verb", "", (
        "صد هجوما", "صدت هجوما", "صدوا هجوما", "صد هجمات", "صدت هجمات", "صدوا هجمات",
        "أحبطت هجوما", "أحبط هجوما", "أحبطوا هجوما",  # an assault foiled is fought off
    )),
    (CLASH, "weak", "verb", "", ("فتحوا النار", "فتح النار", "فتحت النار")),
    (CLASH, "weak", "verb", "target", ("اقتحم", "اقتحمت", "اقتحموا", "هاجم", "هاجمت", "هاجموا")),
    (CLASH, "weak", "noun", "target", ("اقتحام",)),
    (CLASH, "weak", "verb", "", ("أغار", "أغارت", "أغاروا")),
    (CLASH, "weak", "noun", "", ("معركة", "عملية عسكرية", "عملية أمنية", "عملية نوعية")),
    (CLASH, "weak", "verb", "armed", ("تقدم", "تقدمت", "تقدموا")),
    (CLASH, "weak", "present", "armed", ("تتقدم", "يتقدم", "يتقدمون", "يتقدمان", "تتقدمان")),
    (CLASH, "weak", "noun", "armed", ("تقدما", "تقدمها", "تقدمه", "تقدمهم")),
    (CLASH, "weak", "verb", "victim", (
        "قتل", "قتلت", "قتلوا", "قتلا", "استشهد", "استشهدت", "استشهدا", "لقي مصرعه",
        "لقوا مصرعهم", "لقيا مصرعهما", "لقي حتفه", "لقوا حتفهم", "لقيا حتفهما", "سقط قتيلا",
        "سقطوا قتلى",
    )),
    (CLASH, "weak", "noun", "victim", ("مقتل", "مصرع", "قتلى", "قتيلا", "قتيلان", "قتيلين")),
    (CLASH, "weak", "verb", "victim", (
        "أطلق النار", "أطلقت النار", "أطلقوا النار", "قنص", "قنصت",
    )),
    (CLASH, "weak", "noun", "victim", ("إطلاق النار على", "إطلاق نار", "قناص", "قناصة")),
    (CLASH, "strong", "noun", "", (
        "صد هجوم", "صد الهجوم", "إفشال هجوم", "إفشال الهجوم", "إحباط هجوم", "كمين", "كمينا",
        "كمائن",
    )),
    (CLASH, "weak", "present", "target", (
        "تهاجم", "يهاجم", "تقتحم", "يقتحم", "يهاجمون", "يقتحمون",
    )),
    (CLASH, "weak", "noun", "target", ("هجوم", "هجوما", "هجمات")),
    (REGAIN, "weak", "verb", "", (
        "سيطر", "سيطرت", "سيطروا", "استعاد", "استعادت", "استعادوا", "حرر", "حررت", "حرروا",
        "انتزعت", "طرد", "طردت", "أخرجت", "دحر", "دحرت", "استولى", "استولت", "استولوا",
        "سيطرا", "سيطرتا", "استعادا", "استعادتا", "حررا",
    )),
    (REGAIN, "weak", "verb", "", (
        "أصبح تحت سيطرة", "أصبحت تحت سيطرة", "بات تحت سيطرة", "باتت تحت سيطرة",
        "أصبح تحت السيطرة", "أصبحت تحت السيطرة", "بات تحت السيطرة", "باتت تحت السيطرة",
        "أصبحت محررة", "باتت محررة", "أصبح محررا", "بات محررا",
    )),
    (REGAIN, "weak", "present", "", ("تسيطر", "يسيطر", "تستعيد", "يستعيد", "تحرر", "يحرر")),
    (REGAIN, "weak", "noun", "control", (
        "السيطرة", "سيطرة", "سيطرتها", "سيطرته", "سيطرتهم", "استعادة", "انتزاع السيطرة", "إخراج",
        "تحرير",
    )),
    (AIR, "strong", "verb", "aircraft", ("استهدف", "استهدفت", "استهدفوا")),
    (AIR, "strong", "noun", "aircraft", ("استهداف",)),
    (AIR, "strong", "present", "aircraft", ("يستهدف", "تستهدف", "يستهدفون")),
    (AIR, "weak", "verb", "aircraft", ("ضربت",)),  # "مقاتلات إف 16 ضربت أهدافا في العراق"
    (AIR, "weak", "noun", "aircraft", ("براميل", "البراميل")),
    (AIR, "strong", "noun", "", (
        "غارة", "غارات", "ضربة جوية", "ضربات جوية", "قصف جوي",
        "براميل متفجرة", "برميل متفجر", "البراميل المتفجرة", "البرميل المتفجر",
        "برميلا متفجرا", "طائرة بدون طيار", "طائرة من دون طيار", "طلعة جوية", "طلعات جوية",
    )),
    (AIR, "weak", "noun", "", ("غاراتها", "غاراته", "غاراتهم", "ضرباتها", "ضرباته", "ضرباتهم")),
    (AIR, "weak", "noun", "aircraft", ("ضربة", "ضربات")),
    (SHELLING, "strong", "noun", "", (
        "قصف", "قصفا", "قذائف الهاون", "قذائف هاون", "صواريخ الكاتيوشا", "قصفا مدفعيا",
        "القصف المدفعي",
        "بالمدفعية",
    )),
    (SHELLING, "strong", "verb", "", ("قصفت", "قصفوا")),
    (SHELLING, "strong", "present", "", ("تقصف", "يقصف", "يقصفون", "تقصفان")),
    (SHELLING, "weak", "noun", "", ("قذائف", "قذيفة", "صاروخ", "صواريخ", "مقذوف", "مقذوفات")),
    (SHELLING, "weak", "noun", "", (
        "قذائفها", "قذائفه", "قذائفهم", "صواريخها", "صواريخه", "صواريخهم",
    )),
    (SHELLING, "weak", "verb", "", ("أمطرت", "أمطروا")),
    (SUICIDE, "strong", "noun", "", (
        "هجوم انتحاري", "تفجير انتحاري", "اعتداء انتحاري", "عملية انتحارية", "حزام ناسف",
        "حزاما ناسفا", "انتحاري يفجر", "مفجر انتحاري", "مفجرا انتحاريا", "انتحاري فجر",
    )),
    (SUICIDE, "strong", "verb", "", (
        "فجر نفسه", "فجرت نفسها", "فجرا نفسيهما", "فجرتا نفسيهما", "فجروا أنفسهم",
    )),
    (IED, "strong", "noun", "", (
        "عبوة ناسفة", "عبوات ناسفة", "عبوتين ناسفتين", "عبوة متفجرة", "سيارة مفخخة",
        "سيارات مفخخة", "عربة مفخخة", "عربات مفخخة", "آلية مفخخة", "شاحنة مفخخة",
        "صهريج مفخخ", "دراجة نارية مفخخة",
    )),
    (IED, "weak", "noun", "", (
        "لغم", "لغما", "ألغام", "تفجير", "تفجيران", "تفجيرين", "انفجار", "انفجاران",
    )),
    (IED, "weak", "verb", "", ("فجروا", "فجرت", "انفجرت", "انفجر")),
    (IED, "weak", "verb", "weapon", ("فجر",)),  # "فجر مسلحون قنبلة"; alone, فجر is dawn
    (IED, "strong", "noun", "", (
        "سيارة ملغومة", "سيارات ملغومة", "شاحنة ملغومة", "هجمات بقنابل", "هجوم بقنبلة",
        "تفجير قنبلة", "انفجار قنبلة",
    )),
    (GRENADE, "strong", "noun", "", ("قنبلة يدوية", "قنابل يدوية")),
    (CHEMICAL, "weak", "noun", "", ("غاز الكلور", "أسلحة كيماوية", "السلاح الكيماوي")),
    (ATTACK, "strong", "verb", "", ("أعدم", "أعدمت", "أعدموا")),
    (ATTACK, "strong", "present", "", ("يعدم", "تعدم")),
    (ATTACK, "weak", "noun", "", ("إعدام", "مجزرة", "مذبحة", "اغتيال")),
    (ATTACK, "weak", "verb", "", ("ذبح", "اغتال", "اغتالت", "اغتيل", "اغتيلت")),
    (ABDUCTION, "strong", "noun", "", ("اختطاف", "خطف")),
    (ABDUCTION, "strong", "verb", "", ("اختطف", "اختطفت", "اختطفوا", "خطفت", "خطفوا")),
    (ABDUCTION, "strong", "present", "", ("يخطف", "تخطف", "يختطف", "تختطف")),
    (SEXUAL, "weak", "noun", "", ("اغتصاب",)),
    (PEACEFUL, "strong", "noun", "", (
        "مظاهرة", "مظاهرات", "تظاهرة", "تظاهرات", "وقفة احتجاجية", "موجة احتجاجات",
        "موجة من الاحتجاجات", "موجة تظاهرات",
    )),
    (PEACEFUL, "strong", "verb", "", ("تظاهر", "تظاهروا", "اعتصموا")),
    (PEACEFUL, "strong", "present", "", ("يتظاهرون", "يتظاهر", "تتظاهر", "يحتجون", "يعتصمون")),
    (PEACEFUL, "strong", "noun", "", ("المتظاهرون", "المحتجون")),
    (PEACEFUL, "strong", "noun", "crowd", ("احتجاج", "احتجاجا", "احتجاجات", "اعتصام")),
    (VIOLENT_DEMO, "strong", "noun", "", ("أعمال شغب",)),
    (VIOLENT_DEMO, "weak", "noun", "crowd", ("شغب",)),
    (ARRESTS, "strong", "verb", "armed", (
        "اعتقل", "اعتقلت", "اعتقلوا", "قبضت على", "ألقت القبض", "ألقوا القبض",
        "ألقي القبض", "أوقفت", "أوقف", "احتجزت", "اعتقلنا", "احتجز", "احتجزوا",
        "أوقفوا",
    )),
    (ARRESTS, "strong", "present", "armed", ("تعتقل", "يعتقل")),
    (ARRESTS, "strong", "noun", "armed", (
        "اعتقال", "اعتقالات", "القبض على", "توقيف", "توقيفات", "القبض عليه", "القبض عليها",
        "القبض عليهم",
    )),
    (AGREEMENT, "strong", "noun", "announce", ("هدنة", "وقف إطلاق النار", "وقف لإطلاق النار")),
    (AGREEMENT, "strong", "noun", "", ("تبادل الأسرى", "تبادل للأسرى", "صفقة تبادل")),
    (AGREEMENT, "weak", "noun", "group", ("اتفاق", "اتفاقا")),
    (CHANGE, "strong", "noun", "group", ("انشقاق", "انشقاقات", "مبايعة")),
    (CHANGE, "weak", "noun", "group", (
        "مبايعته", "مبايعتهم", "انشقاقه", "انشقاقها", "انشقاقهم",
    )),
    (CHANGE, "strong", "verb", "group", ("انشق", "انشقت", "انشقوا", "بايع", "بايعت", "بايعوا")),
    (CHANGE, "strong", "present", "group", ("ينشق", "تنشق")),
    (DISRUPTED, "strong", "verb", "", ("أبطل", "أبطلت")),
    (DISRUPTED, "strong", "noun", "", ("إبطال مفعول", "تفكيك عبوة")),
    (DISRUPTED, "strong", "noun", "weapon", ("تفكيك", "إزالة", "رفع")),
    (LOOTING, "weak", "noun", "", ("نهب",)),
    (LOOTING, "weak", "verb", "", ("نهبوا", "نهبت")),
    (TRANSFER, "weak", "verb", "", ("انسحب", "انسحبت", "انسحبوا")),
    (TRANSFER, "weak", "noun", "", ("انسحاب",)),
)  # fmt: skip

# Phrases that contain a trigger word but are no event ("in the face of terrorism").
NOT_EVENTS: tuple[str, ...] = (
    "في مواجهة",
    "لمواجهة",
    "مواجهة الإرهاب",
    "الحرب على الإرهاب",
    "العمليات الانتحارية",
    "الأعمال الانتحارية",
    "عمليات انتحارية",
    "فرض السيطرة",
    "تحت سيطرة",
    "لسيطرة",
    "الخاضعة لسيطرة",
    "مناطق سيطرة",
    "مناطق سيطرته",
    "مناطق سيطرتها",
    "المناطق المحررة",
    "تحرير فلسطين",
    "انسحاب الفرق",
    "قصف جبهات",
    "إطلاق سراح",
    "المقبوض عليهم",
    "المشاركة في القتال",
    "جبهات القتال",
    "ساحات القتال",
    "ميادين القتال",
    "مناطق الاشتباكات",
    "مناطق الاشتباك",
    "مناطق المعارك",
    "أرض المعركة",
    "ساحة المعركة",
    # nearing a goal, progress in a plan: no advance ("مطار عدن اقترب من العودة إلى
    # العمل", "حققت القوات تقدما في تنفيذ عملية تحرير المحافظة")
    "اقترب من العودة",
    "اقتربت من العودة",
    "اقترب من التوصل",
    "اقتربت من التوصل",
    "اقترب من الانتهاء",
    "اقتربت من الانتهاء",
    "تقدما في تنفيذ",
    "تقدم في تنفيذ",
    # "without any clashes": the taking of a town, no battle
    "دون حدوث أي مواجهات",
    "دون أي مواجهات",
    "دون مواجهات",
    "دون حدوث مواجهات",
    "دون أي اشتباكات",
    "دون اشتباكات",
    "دون حدوث اشتباكات",
    "دون قتال",
    "دون أي قتال",
    "دون مقاومة",
    "دون أي مقاومة",
    "بدون مقاومة",
    "دون إطلاق نار",
    "دون إطلاق رصاصة",
    # a court's sentence is no killing ("أصدر القضاء أحكاما بالإعدام على خمسة أشخاص")
    "أحكاما بالإعدام",
    "أحكام بالإعدام",
    "أحكام الإعدام",
    "حكما بالإعدام",
    "حكم بالإعدام",
    "الحكم بالإعدام",
    "بالإعدام على",
    "بالقتل تعزيرا",
    "القتل تعزيرا",
    "الحكم بالقتل",
    # a depot going off is an accident, not an attack ("انفجارات نتيجة انفجار عتاد")
    "انفجار عتاد",
    "انفجار ذخيرة",
    "انفجار ذخائر",
    "انفجار مخزن",
    "انفجار مستودع",
)

# Killings whose victims are these are violence against civilians; other killings are
# told of battles ("قتل 19 مسلحا").
CIVILIANS = (
    "مدني", "مدنيا", "مدنيين", "المدنيين", "مدنيون", "المدنيون", "مواطن", "مواطنا", "مواطنين",
    "المواطنين", "مواطنون", "طفل", "طفلا", "أطفال", "الأطفال", "طفلة", "امرأة", "نساء", "النساء",
    "سيدة", "شاب", "شابا", "عامل", "عاملا", "عمال", "صحفي", "صحفيا", "ناشط", "ناشطا", "ناشطين",
    "سكان", "السكان", "أهالي", "الأهالي", "مصلين", "المصلين", "أسرى", "الأسرى", "رهائن",
    "الرهائن", "زوجها", "زوجته", "مختطفين",
)  # fmt: skip

# Where a clause starts: after these marks between two words, or at these words.
CLAUSE_MARKS = "،,؛;:.!؟?()[]{}–—-\n"
CLAUSE_STARTERS = (
    "فيما", "بينما", "حيث", "حين", "كما", "لكن", "ولكن", "إلا أن", "غير أن", "في حين",
    "بعد أن", "قبل أن", "منذ أن", "ثم", "وقد", "فقد", "إذ", "وذلك", "مما", "ما أدى",
    "بالإضافة إلى", "إضافة إلى", "علاوة على",
)  # fmt: skip
# Relative pronouns: their clause belongs to the noun before it, so blockers reach into it.
RELATIVES = ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي")
# Verbs that assert that an event took place or went on: "دارت معارك", "ووقع الانفجار",
# "شنت غارات", "كثفت غاراتها".
OCCURRED = (
    "وقع", "وقعت", "دار", "دارت", "جرت", "جرى", "اندلع", "اندلعت", "تجدد", "تجددت", "شهد",
    "شهدت", "شن", "شنت", "شنوا", "نفذ", "نفذت", "نفذوا", "كثف", "كثفت", "واصل", "واصلت",
    "واصلوا", "تواصل", "تواصلت", "استمر", "استمرت", "هز", "هزت", "خاض", "خاضت", "أسفر",
    "أسفرت", "أدى", "أدت", "أوقع", "أوقعت", "تعرض", "تعرضت", "تشهد", "يشهد",
)  # fmt: skip
# Words of analysis and opinion: a sentence about what an event means, not what happened.
OPINION = (
    "دليل", "مؤشر", "يرى", "ترى", "اعتبر", "اعتبرت", "رأى", "يبدو",
    "ظاهرة", "أسلوب", "أساليب", "استراتيجية", "سياسة", "ثقافة",
)  # fmt: skip
# Accusations about conduct in general: "اتهمت المنظمة الحوثيين بارتكاب جرائم…".
ACCUSATIONS = ("اتهم", "اتهمت", "يتهم", "تتهم", "اتهام", "اتهامات", "متهما", "جرائم")
# Words of habit and continuity: "القصف المستمر الذي يطال أغلب المدن".
HABITUAL = (
    "المستمر", "المستمرة", "المتواصل", "المتواصلة", "المتكرر", "المتكررة", "اليومي",
    "اليومية", "يوميا", "دائما", "عادة", "كثيرا ما", "متكرر", "متكررة", "يتم", "تتم",
    "مرارا", "باستمرار", "بشكل يومي", "بصورة يومية", "بشكل متكرر", "بصورة متكررة",
)  # fmt: skip
# A violent event told over these is a count of many incidents, not one ("خلال الشهرين
# الماضيين الكثير من الاشتباكات"); a wave of defections over months is still a change
# to a group, as ACLED codes it.
PERIODS = (
    "الشهرين الماضيين", "الأشهر الماضية", "الأشهر الأخيرة", "الأشهر القليلة الماضية",
    "الأسابيع الماضية", "الأسابيع الأخيرة", "هذه الفترة", "الفترة الماضية", "الفترة الأخيرة",
)  # fmt: skip
# Of those, the words that say it is done again and again: no one incident (a veto).
ROUTINE = (
    "يوميا", "بشكل يومي", "بصورة يومية", "بشكل متكرر", "بصورة متكررة", "مرارا", "باستمرار",
    "دائما", "عادة", "كثيرا ما", "بين فترة وأخرى", "بين الحين والآخر", "بين حين وآخر",
    "من حين لآخر", "من وقت لآخر",
)  # fmt: skip
# Before a present-tense verb, these make it a report of what is going on ("باتت القوات
# تتقدم"), not a habit or a plan.
PROGRESSIVE = (
    "بات", "باتت", "أصبح", "أصبحت", "بدأ", "بدأت", "أخذ", "أخذت", "راح", "راحت", "تزال",
    "يزال", "ظل", "ظلت",
)  # fmt: skip
# Times of day and recent days that pin an incident down.
TIME_WORDS = (
    "أمس", "اليوم", "الليلة", "صباح", "مساء", "فجر", "ليل", "ليلة", "ظهر", "عصر", "الأحد",
    "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
)  # fmt: skip
# A conjunction و or ف before one of these verbs also starts a clause ("…، وقتل 5").
CLAUSE_VERBS = (
    "قال", "قالت", "أكد", "أكدت", "أضاف", "أضافت", "أشار", "أشارت", "أوضح", "أوضحت", "ذكر",
    "ذكرت", "أفاد", "أفادت", "أعلن", "أعلنت", "كشف", "كشفت", "لفت", "نقل", "نقلت", "كان", "كانت",
    "أسفر", "أسفرت", "أدى", "أدت", "تمكن", "تمكنت", "شن", "شنت", "سقط", "سقطت", "أصيب",
    "أصيبت", "أصيبوا", "تابع", "تابعت", "بات", "باتت", "أصبح", "أصبحت", "يأتي", "تأتي", "جاء",
    "جاءت",
)  # fmt: skip

# Before a trigger (within a few words), these make it something that did not (yet) happen.
FUTURE = (
    "سوف", "سيتم", "ستتم", "سيكون", "ستكون", "سيقوم", "ستقوم", "ستشن", "سيشن", "ستطلق",
    "سيطلق", "ستشهد", "سيشهد", "ستبدأ", "سيبدأ", "ستتجه", "سيتجه", "ستنطلق", "سينطلق",
    "سننتقم", "سنعمل", "يعتزم", "تعتزم", "تنوي", "ينوي", "يخطط", "تخطط", "يخططون",
    "مخططا", "خطة", "يستعد", "تستعد", "استعدادا", "للاستعداد", "تمهيدا", "بهدف", "تهدف",
    "يهدف", "المقبل", "المقبلة", "القادم", "القادمة", "المرتقب", "المرتقبة", "المؤمل",
    "يتوقع", "تتوقع", "متوقع", "الراغبين", "يرغب", "ترغب", "يريد", "تريد", "محتمل",
    "محتملة", "احتمال", "يمكن", "ممكن", "على وشك", "سعيا", "السماح", "سمحت", "يسمح", "تسمح",
    "يأمل", "تأمل", "يأملون", "الهدف هو", "الهدف من", "يسعى", "تسعى", "يسعون", "يسعيان",
    "تسعيان", "مسعى", "لتنفيذ", "للقيام", "تحاول", "يحاول", "يحاولون", "تأخير", "تأجيل",
    "إرجاء",
)  # fmt: skip
THREATS = (
    "هدد", "هددت", "يهدد", "تهدد", "توعد", "توعدت", "يتوعد", "تتوعد", "تهديد", "تهديدات",
    "تعهد", "تعهدت", "يتعهد", "حذر", "حذرت", "يحذر", "تحذر", "تحذير", "محذرا",
)  # fmt: skip
DENIALS = ("نفى", "نفت", "ينفي", "تنفي", "نفي", "كذبت", "كذب", "تكذب", "لا صحة")
CALLS = (
    "دعا", "دعت", "يدعو", "تدعو", "داعيا", "طالب", "طالبت", "يطالب", "تطالب", "مطالبا",
    "ناشد", "ناشدت", "حث", "حثت", "بوقف", "لوقف", "يجب", "ينبغي", "ضرورة", "بضرورة",
)  # fmt: skip
CONDITIONS = ("إذا", "لو", "لولا", "حال", "حالة", "فمن يتم", "ومن يتم", "كل من يتم")  # whoever is …
# Right before a trigger: negation, a ban ("وتمنع التظاهر": no protest took place), or a
# halt ("ارتأت إيقاف القصف").
NEGATIONS = (
    "لم", "لا", "لن", "ليس", "ليست", "غير", "عدم", "دون", "بدون", "بلا", "رفض", "رفضوا", "رفضت",
    "يرفض", "يرفضون", "منع", "تمنع", "يمنع", "منعت", "حظر", "تحظر", "يحظر", "حظرت",
    "إيقاف", "وقف", "توقف",
)  # fmt: skip
# Right before a trigger: a cause, a fear, a time reference, support for another action,
# a demonstrative that refers back to an event already told ("هذه الاشتباكات"),
# a trend ("مع اشتداد المواجهات"), a kind of operation ("عمليات التفجير") rather than
# an incident, or support for another action ("مقاتلون تدعمهم غارات جوية").
BACKGROUND = (
    "بسبب", "خوفا", "الخوف", "خشية", "مخاوف", "مصير", "مصيره", "منذ", "ذكرى", "الذكرى",
    "إبان", "بدعم", "بمساندة", "بإسناد", "مسنودة", "عندما", "حينما", "حين", "هذه", "هذا",
    "تلك", "ذلك",
    "اشتداد", "تصاعد", "لشن", "لتنفيذ", "مستفيدة", "مستفيدا", "مستفيدين", "عمليات", "العمليات",
    "ردا", "رداً", "تزامنا", "بالتزامن", "تزامن", "أعقاب",
    "تدعمهم", "تدعمها", "تدعمه", "يدعمهم", "يدعمها", "مدعومة", "مدعومين", "مدعوما",
)  # fmt: skip
# Discourse links that end on a background word and only join the sentence to the
# last: "في حين اندلعت اشتباكات" (whereas), "إلى ذلك" (besides), "رغم ذلك".
DISCOURSE_LINKS = (
    "في حين", "إلى ذلك", "الى ذلك", "فضلا عن ذلك", "علاوة على ذلك", "إضافة إلى ذلك",
    "بالإضافة إلى ذلك", "مع ذلك", "رغم ذلك", "ورغم ذلك", "بعد ذلك", "قبل ذلك",
)  # fmt: skip
# "وقتل ثمانية أشخاص عندما انفجرت سيارة ملغومة": a sentence that opens on its casualties
# and then says what caused them reports that cause; its "عندما" or "بعد أن" is no
# background. The casualty verbs (also: a party before one, then a cause, suffered the
# event; see SUFFERED_BY), and the words that bring in the cause.
CASUALTY_VERBS = (
    "قتل", "قتلوا", "قتلت", "قتلا", "أصيب", "أصيبت", "أصيبوا", "أصيبا", "جرح", "جرحوا", "استشهد",
    "استشهدوا", "لقي", "لقيت", "لقوا", "سقط", "سقطوا",
)  # fmt: skip
CASUALTY_REACH = 8  # words between a casualty verb and the link to its cause, at most
CAUSE_LINKS = ("عندما", "حينما", "حين", "بعد أن", "إثر", "جراء", "نتيجة", "بسبب")
# "بعد أيام من سيطرة…", "بعد بدء الهجوم", "قبل أشهر من…": the event is a time reference.
AFTER_WORDS = ("بعد", "عقب", "قبل", "أعقب", "أعقبت", "أعقاب", "إثر", "منذ")
TIME_UNITS = (
    "ساعة", "ساعات", "ساعتين", "يوم", "يومين", "أيام", "أسبوع", "أسبوعين", "أسابيع", "شهر",
    "شهرين", "أشهر", "عام", "أعوام", "سنة", "سنوات", "بدء", "بداية", "انتهاء", "نحو", "تحرير",
    "تحريرها", "تحريره", "خوض", "خوضه", "خوضها",
)  # fmt: skip
# Anywhere in the sentence: a general statement, a statistic or history, not one event.
GENERIC = (
    "منذ بداية", "منذ اندلاع", "منذ بدء", "منذ انطلاق", "بين وقت وآخر", "من وقت لآخر",
    "ليست المرة الأولى", "ليس المرة الأولى", "لم تكن المرة الأولى", "ليست هذه المرة الأولى",
    "العام الماضي", "الأعوام", "السنوات", "عقود", "القرن", "النصف الأول",
    "خلال عشرة", "خلال الشهر الماضي", "الشهر الماضي", "إجمالي",
    "إلى وقت قريب", "في السابق", "منذ سنوات", "منذ أعوام", "منذ سنين", "أنماط",
)  # fmt: skip
SPORT = (
    "مباراة", "المباراة", "الدوري", "لاعب", "اللاعب", "المنتخب", "النادي", "الملعب",
    "بطولة", "كرة القدم", "المدرب", "الفريق الكروي",
)  # fmt: skip
# Passive experience: "تعرضت البلدة للقصف" keeps an event after the preposition ل.
UNDERGO = ("تعرض", "تعرضت", "يتعرض", "تتعرض", "تعرضوا", "تعرضه", "تعرضها")

# Combatants counted right after a killing ("قتل 13 مسلحا حوثيا", "مقتل 21 عنصرا من داعش"):
# a battle's dead, not a statistic.
COMBATANTS = (
    "مسلحا", "مسلحين", "حوثيا", "حوثيين", "عنصرا", "عناصر", "جنديا", "جنود", "جنديين",
    "مقاتلا", "مقاتلين", "متمردا", "متمردين", "إرهابيا", "إرهابيين", "داعشيا", "انقلابيا",
)  # fmt: skip
# Armed actors and conflict context: weak triggers need one nearby.
ARMED = (
    "قوات", "القوات", "الجيش", "جيش", "مسلحين", "مسلحون", "مسلحي", "مسلح", "ميليشيات",
    "ميليشيا", "مليشيات", "مليشيا", "الميليشيات", "عناصر", "مقاتلين", "مقاتلون", "مقاتلي",
    "مقاتلات", "طيران", "الطيران", "طائرات", "التحالف", "النظام", "المعارضة", "المقاومة",
    "الحوثي", "الحوثيين", "الحوثيون", "حوثيا", "داعش", "التنظيم", "تنظيم", "النصرة",
    "الفصائل", "فصائل", "الكتائب", "كتيبة", "لواء", "اللواء", "الشرطة", "قوات الأمن",
    "رجال الأمن", "الأجهزة الأمنية", "الطرفين",
    "المتمردين", "المتمردون", "التمرد", "الانقلابيين", "الإرهابيين", "إرهابيين", "الإرهابية",
    "إرهابي", "إرهابية", "الإرهابي", "متطرفون", "متطرفين", "خلية", "الخلية", "الاحتلال",
    "الوحدات الكردية", "حزب الله", "الحرس", "جنود", "جنديا", "المحتجين", "المتظاهرين",
    "ضباط", "الضباط", "حوثي", "حوثية", "وحدات حماية الشعب",
    "مستوطنين", "مستوطن", "السلطات", "الثوار", "العشائر", "البيشمركة", "البشمركة", "الحشد",
    "اللجان الشعبية",
    "عنصرا", "عنصران", "عنصرين", "مجهولين", "مجهولون", "ملثمين", "ملثمون",
)  # fmt: skip
# State forces and their allies: who retakes territory (else a non-state actor overtakes it).
STATE_FORCES = (
    "الجيش", "جيش", "القوات العراقية", "القوات الحكومية", "قوات النظام", "القوات السورية",
    "القوات الموالية", "قوات هادي", "القوات الأمنية", "قوات الأمن", "الجيش الوطني",
    "الجيش الشرعي", "الشرعية", "المقاومة", "المقاومة الشعبية", "الحشد الشعبي", "الشرطة",
    "البيشمركة", "البشمركة", "القوات التركية", "التحالف", "حزب الله",
)  # fmt: skip
NON_STATE = (
    "داعش", "التنظيم", "تنظيم الدولة", "الحوثي", "الحوثيين", "الحوثيون", "النصرة",
    "المعارضة", "الفصائل", "الجيش الحر", "الوحدات الكردية", "المتمردين", "المتمردون",
    "الميليشيات", "ميليشيات", "مليشيات", "مسلحو", "مسلحون",
)  # fmt: skip
# Words that make a place specific: "في حي…", "بلدة…", "معسكر…".
PLACE_WORDS = (
    "مدينة", "مدينتي", "بلدة", "بلدتي", "بلدات", "قرية", "قريتي", "قرى", "حي", "أحياء", "محافظة",
    "محافظتي", "منطقة", "منطقتي", "مديرية", "مديريتي", "جبهتي", "موقعي", "ريف", "قضاء",
    "ناحية", "جبل", "شارع", "معسكر",
    "قاعدة", "مطار", "ميناء", "سجن", "مسجد", "مستشفى", "مخيم", "جسر", "حاجز",
    "نقطة", "مبنى", "مقر", "ضاحية", "مزرعة", "مستودع", "مركز حدودي", "أطراف", "محيط", "شمال",
    "مواقع", "موقعا", "معاقل", "مقرات",
    "جنوب",
    "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي",
)  # fmt: skip
# What an attack must be aimed at to be a battle rather than a figure of speech.
MILITARY_TARGETS = (
    "مواقع", "موقع", "مراكز", "مركز", "نقطة", "نقاط", "حاجز", "معسكر", "قاعدة", "ثكنة",
    "دورية", "قوات", "جنود", "مقر", "مقرات", "تجمع", "تجمعا", "تجمعات", "تمركزات", "كتيبة",
    "عناصر", "مسلحين", "ميليشيات", "مليشيات",
)  # fmt: skip
# Words of impact that make a munition an attack rather than an arsenal: "صواريخ سقطت".
IMPACTS = (
    "سقط", "سقطت", "سقوط", "أطلق", "أطلقت", "إطلاق", "انفجر", "انفجرت", "أصاب", "أصابت",
    "استهدف", "استهدفت", "هز", "هزت", "يهز", "تعرض", "تعرضت", "إصابة", "أصيب",
    "أصيبت", "أصيبوا",
)  # fmt: skip
# Right before a second trigger of a sub-type, these make it the cause of the first, the same
# incident ("دوي انفجار عنيف…، ناجم عن انفجار عربة مفخخة").
CAUSES = ("ناجم عن", "ناجمة عن", "الناجم عن", "جراء", "إثر", "نتيجة", "بسبب")
# Right before a trigger, a count in thousands ("50 ألف غارة"): a statistic, not one event.
THOUSANDS = ("ألف", "ألفا", "آلاف", "ألفين", "ألفان")
# More than one of these in a sentence: it is about sport.
SPORT_MIN = 2
AIR_CUES = (
    "طيران", "الطيران", "طائرات", "الطائرات", "مقاتلات", "المقاتلات", "جوي", "جوية", "مروحي",
    "سلاح الجو",
)  # fmt: skip
DISPERSAL_CUES = ("فرقت", "تفريق", "الغاز المسيل للدموع", "قنابل الغاز", "الرصاص المطاطي")
PROTESTERS = ("متظاهرين", "المتظاهرين", "محتجين", "المحتجين", "متظاهرا", "محتجا")
# People killed in this incident (not "القتل", killing in general).
KILLING = (
    "مقتل", "قتلت", "قتلوا", "قتلا", "قتلى", "قتيلا", "مصرع", "مصرعها", "مصرعهم", "لقي",
    "لقيت", "لقوا", "لقيا", "استشهاد", "استشهد",
)  # fmt: skip
# Verbs that make a noun of control an event: "تمكنت القوات من السيطرة على…".
# With "من" or "في" before a noun of control, these verbs reach it across a long subject:
# "تمكنت القوات الموالية للرئيس هادي بدعم من طائرات التحالف … من استعادة السيطرة".
ENABLING_VERBS = ("تمكن", "تمكنت", "تمكنوا", "نجح", "نجحت", "نجحوا", "استطاع", "استطاعت")
ENABLED_BY = ("من", "في")
# Verbs that launch or repel an attack: "صد الجيش الوطني والمقاومة هجوما لمتمردين".
LAUNCHERS = (
    "شن", "شنت", "شنوا", "نفذ", "نفذت", "نفذوا", "صد", "صدت", "صدوا", "تصدى", "تصدت",
    "تصدوا", "أحبط", "أحبطت",
)  # fmt: skip
# "قام بالهجوم": a definite verbal noun after "قام ب" tells the act, refers back to nothing.
CARRIED_OUT = ("قام", "قامت", "قاموا")
# Fighters on the ground: before "استهدف", they make it a clash, not an air strike.
GROUND_FORCES = (
    "مقاتلو", "مقاتلي", "مقاتلون", "مقاتليها", "مقاتليه", "الثوار", "ثوار", "رجال المقاومة",
    "قوات برية", "القوات البرية", "مسلحون", "مسلحين", "المسلحون", "عناصر", "القناصة", "قناص",
    "المقاومة",
)  # fmt: skip
# Aircraft words after these are the defence against aircraft: "ومضادات الطيران".
ANTI_AIRCRAFT = ("مضادات", "المضادات", "مضاد", "المضاد", "دفاعات", "الدفاعات", "الدفاع")
CONTROL_VERBS = (
    "تمكن", "تمكنت", "تمكنوا", "أعلن", "أعلنت", "أحكم", "أحكمت", "أكمل", "أكملت", "بسط",
    "بسطت", "فرضت", "استكملت", "استكمال", "استطاع", "استطاعت", "استطاعوا", "نجح", "نجحت",
    "نجحوا", "تم", "تمت", "جرى", "جرت", "تعلن", "يعلن",
)  # fmt: skip
# A bomb, mine or booby trap: what "تفكيك" (dismantling) must be about.
WEAPONS = (
    "عبوة", "عبوات", "مفخخة", "مفخخات", "ألغام", "لغم", "لغما", "متفجرات", "ناسفة", "ناسفا",
    "قنبلة", "قنابل", "ملغومة",
)  # fmt: skip
# Particles that negate the verb of a clause ("ولم تشن الطائرات غارات…").
VERB_NEGATIONS = ("لم", "لن", "ليس", "ليست", "لا")
# "لا تزال" and "لا يزال" mean "still", not "not"; "لا سيما", "especially"; "ما لا يقل
# عن ستة" and "لا تقل", "no fewer than".
STILL = ("تزال", "يزال", "تزالان", "يزالون", "سيما", "يقل", "تقل")
# After a negation, a verb of what is known: "ولم ترد تفاصيل عن القصف الذي وقع …", "لم
# يتضح عدد القتلى": the event is told, only its details are missing.
UNINFORMED = ("ترد", "يرد", "تتضح", "يتضح", "تتوفر", "يتوفر", "تعرف", "يعرف", "تتبين", "يتبين")
# People in the street: what a protest word needs when it may be a diplomat's "protest".
CROWD = (
    "خرج", "خرجت", "خروج", "الشوارع", "الشارع", "متظاهرين", "المتظاهرين", "محتجين",
    "المحتجين", "المئات", "الآلاف", "الأهالي", "العشرات", "ساحة", "ميدان", "أمام",
    "شهدت", "تشهد", "شهد",
)  # fmt: skip
# Agreements count when someone announces, reaches or signs them.
AGREEMENT_VERBS = (
    "أعلن", "أعلنت", "إعلان", "توصل", "توصلت", "التوصل", "وقع", "وقعت", "توقيع", "أبرم",
    "أبرمت", "اتفق", "اتفقت", "بدءا", "تبدأ", "بدأت", "دخلت", "سريان", "ستبدأ", "يبدأ",
    "ستدخل",
)  # fmt: skip
# Actor words that must sit near a defection or allegiance for it to be a group change.
GROUP_CUES = (
    "التنظيم", "تنظيم", "داعش", "عناصر", "عناصره", "صفوف", "الجماعة", "جماعة", "فصيل",
    "الفصيل", "الجيش", "النصرة", "كتيبة", "لواء", "مقاتلين", "مقاتلون", "الحرس",
    "الحركة", "حركة",
)  # fmt: skip
# Words just before a party that make it the target, not the one who acts: "غارات على
# مواقع الحوثيين", "ضد داعش", "في صفوف المتمردين", "قصف أهداف لـ«داعش»" (the lone ل).
TARGET_MARKERS = (
    "مواقع", "موقع", "أهداف", "هدف", "معاقل", "معقل", "تجمعات", "تجمع", "مقرات", "مقر",
    "مراكز", "مركز", "نقاط", "نقطة", "آليات", "دوريات", "صفوف", "ضد", "على", "ل",
    "مواجهة", "محاربة", "قتال", "مكافحة", "أيدي", "قبضة",
)  # fmt: skip
# A party named just after these supports the event ("بدعم من طيران التحالف"), or is whom
# the acting forces are loyal to ("القوات الموالية للرئيس هادي"): neither is an actor.
SUPPORTERS = ("بدعم", "بإسناد", "بمساندة", "بغطاء", "مدعومة", "مدعوما", "مدعومين")
LOYAL = ("الموالية", "الموالي", "الموالين", "الموالون", "الموالي", "موالية", "موالين", "موالون")
LOYAL_REACH = 5  # words from a word of loyalty to the person, at most (للرئيس اليمني المعزول)
TARGET_REACH = 2  # a marker this many words before the party, at most
# Revenge "on" a party makes it the target: "ثأراً للمسلمين من الرافضة الحوثيين" (review 13).
REVENGE = ("ثأرا", "ثأر", "انتقاما", "انتقام")
REVENGE_REACH = 4  # words from the word of revenge to the party, at most
# Before the other side of a battle, after its verb: "واشتبكت مع مسلحي داعش".
FACED = ("مع",)
# A person and "من" before a party name: one of that party, whom the event befell
# ("استشهاد جندي من منسوبي القوات البرية", "مقتل عنصر من الشرطة").
PERSON_NOUNS = (
    "جندي", "جنديا", "جنديان", "جنديين", "جنود", "عنصر", "عنصرا", "عنصران", "عنصرين",
    "شخص", "شخصا", "شخصان", "شخصين", "أشخاص", "مقاتل", "مقاتلا", "مقاتلين", "ضابط",
    "ضابطا", "ضباط", "رجل", "فرد", "أفراد", "شرطي", "شرطيا", "مدني", "مدنيا", "مدنيين",
    "طفل", "طفلا", "أطفال", "امرأة", "نساء", "مواطن", "مواطنا", "مواطنين",
)  # fmt: skip
# A count and "من" before a party name whom the event befell: "اعتقلت 590 من عناصر داعش",
# "مقتل عشرات من الحوثيين" (besides numbers, spelt or in digits).
PARTITIVE_COUNTS = (
    "عشرات", "العشرات", "مئات", "المئات", "آلاف", "الآلاف", "عدد", "عددا", "عددًا", "بعض",
    "أحد", "إحدى",
)  # fmt: skip
# How far (in words) a cue may sit from its trigger.
WINDOW = 10
NEAR = 3
AIR_KILLER_REACH = 6  # aircraft this many words before a killing did it: "طيران … وتمكن من قتل"

# Words that may stand between a place and the near-place that locates it ("مأرب، شرق
# صنعاء", "شارع الستين أقصى شمال تعز", "صبر، الواقعة جنوب لحج"): match keys.
LOCATOR_LINKS = ("الواقعه", "الواقع", "اقصي", "في")

# Occasions of a statement: a place a few words after one, before the quote, is where the
# words were said (``في مؤتمر صحافي عقده في أنقرة``).
SPEECH_OCCASIONS = (
    "مؤتمر", "تصريح", "تصريحات", "كلمة", "خطاب", "لقاء", "مقابلة", "زيارة", "اجتماع",
    "ندوة", "حديث", "بيان",
)  # fmt: skip
OCCASION_REACH = 5  # words

# "قرب الحدود مع العراق": the place across a border is not where the event was (match keys).
ACROSS_BORDER = ("الحدود مع", "الحدوديه مع", "حدودها مع", "حدوده مع")
# … nor a place told after these, which bring in an earlier event the one told answers
# ("هجوم … في أعقاب حملة القصف التركية … في شمال العراق", "ردا على هجوم … في سروج").
BACKGROUND_LINKS = ("في أعقاب", "أعقاب", "ردا على", "رداً على", "انتقاما", "انتقاماً")
# … nor whoever leads a coalition ("التحالف الذي تقوده الولايات المتحدة"), nor where the
# attackers came from: "طائرة من دون طيار قادمة من المكلا".
LEADERS = ("تقوده", "يقوده", "بقياده", "تتزعمه", "يتزعمه")
ORIGINS = (
    "قادمه من", "قادما من", "القادمه من", "القادم من", "قادمين من", "القادمين من",
    "انطلقت من", "اقلعت من", "انطلاقا من",
)  # fmt: skip

# "مواجهات بين المقاومة والجيش من جهة، والحوثيين وقوات صالح من جهة أخرى": the parties
# before "من جهة" are one side (actor 1), those after it the other (actor 2).
BETWEEN = ("بين",)
ONE_SIDE = ("من جهة", "من ناحية")
BETWEEN_REACH = 4  # words from the trigger's end to "بين", at most

# A trigger inside a short quotation after these is a name or an epithet, not an event:
# ("وصفه بأنه «معركة متزامنة ضد الإرهاب»", "عملية «عاصفة الحزم»"). Match keys.
EPITHET_CUES = ("بانه", "بانها", "وصفه", "وصفها", "باسم", "اسم", "عمليه", "شعار", "عنوان")
EPITHET_WORDS = 6  # words in such a quotation, at most

# Verbs of waging after the trigger: the country right after one is the author of the
# event ("الغارات التي تشنها الولايات المتحدة"). Match keys, a pronoun may be glued on.
WAGING = ("شن", "شنت", "تشن", "يشن", "نفذ", "نفذت", "تنفذ", "ينفذ", "تقود", "يقود")
WAGING_REACH = 3  # words from the trigger's end to the verb, at most (التي تشنها)
# "the city": the city or town named last, at most this many sentences before.
CITY_WORDS = ("المدينة",)
CITY_REFERENCE_REACH = 2
PLACE_REACH = 250  # characters from the trigger to a place of another clause, at most
MERGE_REACH = 2  # sentences between a telling with a place and one without, at most
LEAD_SENTENCES = 1  # sentences (the title, the lede) whose event any later telling may place
RELATIVE_DATE_REACH = 5  # words from a relative pronoun to a date that dates its noun
AUTHOR_REACH = 5  # words from a verb of waging to its trigger (شن الولايات المتحدة أول غارات)
OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما")

# Event types fought by forces and groups: a person named near the trigger is a leader or a
# speaker, never a side (ACLED codes no person as a battle's actor).
GROUP_TYPES = ("Battles", "Explosions/Remote violence")
# Registry kinds that tell of events and take no part in them: never an event's actor.
REPORTING_KINDS = ("outlet", "monitor")

# What was said opens with "that it/they/we" and the event's verb: the speaker did it
# ("وأعلن التحالف أنه شن غارات", "قالت الولايات المتحدة إنها كثفت حملتها الجوية").
SELF_REPORTS = ("إنه", "أنه", "إنها", "أنها", "إنهم", "أنهم", "إننا", "أننا", "إنا", "أنا")
SELF_REPORT_REACH = 2  # words between the pronoun and the trigger, at most (قد، لقد)
COMPLEMENTIZERS = ("أن", "إن", "بأن")  # "that", before what was said
# … or with its own forces and a pronoun: "أعلنت الوحدات أن مقاتليها قتلوا 20 جنديا".
OWN_FORCES = (
    "مقاتلي", "قوات", "عناصر", "طائرات", "مقاتلات", "جنود", "وحدات", "مسلحي", "مدفعية",
)  # fmt: skip

# Bombs seized or found are no explosion: "وضبط عشرات العبوات الناسفة" (words just before).
SEIZURES = ("ضبط", "ضبطت", "مصادرة", "صادرت", "العثور على", "عثرت على", "عثر على", "حيازة")
SEIZURE_REACH = 6  # words before the trigger, within its clause

# A party that objects to an event before it is named is no actor of it ("أعلنت الحكومة
# العراقية رفضها لقصف الطائرات التركية", "ندد الائتلاف بقصف النظام").
CONDEMNATIONS = (
    "رفض", "رفضت", "رفضها", "رفضه", "رفضهم", "ندد", "نددت", "تنديد", "تنديدها", "أدان",
    "أدانت", "إدانة", "إدانتها", "استنكر", "استنكرت", "استنكار", "شجب", "شجبت", "احتج",
    "احتجت", "احتجاجها", "دان", "دانت", "دانوا", "نفى", "نفت", "نفي", "نفيها",
)  # fmt: skip

# A party before a casualty verb (CASUALTY_VERBS) and then a cause suffered the event:
# "وخمسة متطرفين قتلوا في غارة جوية", "لقي حتفه جراء القصف".
SUFFERED_BY = ("في", "جراء", "إثر", "نتيجة", "بسبب", "حتفه", "حتفهم", "مصرعه", "مصرعهم")
SUFFERED_REACH = 4  # words from the casualty verb to the cause, at most (قتلوا ليل الأربعاء في)

# One event at each place of a list ("غارات على مواقع الحوثيين في صنعاء وحجة ومأرب",
# "وخرجت تظاهرات مماثلة في البصرة وذي قار والحلة"), for these types, as ACLED codes them;
# arrests in several cities are told as one campaign.
CODED_AT_EACH_PLACE = frozenset({"Battles", "Explosions/Remote violence", "Protests"})
# Between two places of one list: "صنعاء وحجة", "صنعاء، حجة", "مديرية «كتاف» ومديرية «ساقين»",
# "مدينتي التواهي غربا وكريتر جنوبا", "في شمال العراق وداخل تركيا".
PLACE_LIST_JOINT = re.compile(
    r"[»\"”]?\s*(?:(?:شرقا|غربا|شمالا|جنوبا)[ًّ]?\s*)?(?:[،,]\s*)?و?"
    r"(?:(?:منطقة|مدينة|محافظة|مديرية|بلدة|قرية|ناحية|قضاء|حي|معسكر|داخل)\s+)?[«\"“]?\s*"
)
# What comes before a list of the event's places (match keys): "في", "قرب", "على", a word
# with ب ("بمحافظتي", "بأطراف مدينتي"), then plural or dual designators; or ب glued to the
# first name ("بالعراق وسوريا"); not "بين", "بعد", "باتجاه" (an advance towards them).
PLACE_LIST_LEAD = re.compile(
    r"(?:(?:^|\s)(?:في|قرب|بالقرب من|علي|ب(?!ين|عد|سبب|حق|اتجاه)\S+)"
    r"(?:\s(?:محافظتي|مدينتي|مديريتي|منطقتي|بلدتي|قريتي|محافظات|مدن|مديريات|مناطق|"
    r"بلدات|قري|احياء|حيي|محافظه|مدينه|مديريه|منطقه|بلده|قريه|ناحيه|قضاء|حي))?\s*\"?\s*$)"
    r"|(?:(?:^|\s)ب$)"
)
PLACE_LIST_LEAD_CHARS = 40  # how much text before a list PLACE_LIST_LEAD reads
# Between a list of names the gazetteer lacks and the place that locates them ("بلدتي
# الوهط وصبر في محافظة لحج", "«كتاف» ومديرية «ساقين» بمحافظة صعدة"). Match keys.
LOCATED_BY = re.compile(
    r"\"?\s*[،,]?\s*(?:في|ب|الواقعه في|التابعه ل)\s*"
    r"(?:(?:محافظه|مديريه|منطقه|مدينه|ولايه|قضاء|ريف)\s*)?\"?\s*"
)

# Before a day and month, these make them a name, not a date: "قصر 22 مايو الرئاسي",
# "ثورة 26 سبتمبر", "بشارع 14 أكتوبر" (proclitics read off).
NAMED_FOR_A_DATE = (
    "قصر", "شارع", "جسر", "ساحة", "ميدان", "ملعب", "مستشفى", "جامعة", "مدرسة", "حي", "ثورة",
    "مدينة", "معسكر", "لواء", "جبهة",
)  # fmt: skip
# "منذ أيام", "قبل أسابيع": a time ago with no count, which dates no event (match keys).
VAGUE_DATES = re.compile(r"(?:منذ|قبل|خلال) (?:ايام|اسابيع|اشهر|ساعات|سنوات|شهور)")
