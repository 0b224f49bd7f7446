"""Extraction rules as data: boilerplate phrase families, byline markers, layout limits.

Patterns are regular expressions over *matching keys* (see :func:`marsad.arabic.match_key`):
hamza folded to ا, ة → ه, ى → ي, no diacritics, Latin lowercased. Keep them specific —
a phrase that can open a real news sentence (``اشترك الجيش في …``) does not belong here.
"""

# family → patterns; a block matching one (and short enough) is boilerplate.
BOILERPLATE: dict[str, tuple[str, ...]] = {
    "newsletter": (
        r"نشرت(نا|كم) البريديه",
        r"النشره البريديه",
        r"القائمه البريديه",
        r"صندوق بريدك",
        r"بريدك الالكتروني",
        r"اشترك (الان|مجانا|في نشرتنا|بنشرتنا|في النشره|في خدمه)",
        r"هل اعجبك (المحتوي|المقال|الخبر)",
        r"ليصلك (كل جديد|اخر|اهم)",
        r"^سجل (الان|بريدك)",
        r"\bsubscribe\b|\bnewsletter\b",
    ),
    "read_more": (
        r"^(اقرا|اقرئي|طالع|شاهد|تابع) (ايضا|كذلك|المزيد)\b",
        r"^(اخبار|مواضيع|مقالات|روابط) (ذات صله|متعلقه|مشابهه)",
        r"^مقالات (اخري|سابقه) (للكاتب|لنفس الكاتب)",
        r"^ذات صله\b",
        r"^قد يهمك\b",
        r"^(الاكثر|الأكثر) (قراءه|مشاهده)",
        r"^المزيد من ",
        r"^رابط (الخبر|المقال|الموضوع)\b",
        r"^\s*read (more|also)\b",
    ),
    "share_follow": (
        r"^(شارك|شاركها|شاركوا)( هذا| هذه| المقال| الخبر| علي|$)",
        r"^تابع(نا|ونا|وا) (علي|عبر|في) ",
        r"تابعوا .{0,40}(تويتر|فيسبوك|فيس بوك|تلغرام|تيليجرام|يوتيوب|انستغرام|انستجرام|واتساب)",
        r"^((فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|تلغرام|تيليجرام|لينكد ان|ايميل|طباعه|ارسال|"
        r"facebook|twitter|whatsapp|telegram|linkedin|email|print|x)[\s|•·/,-]*){1,8}$",
        r"^(طباعه|ارسال|نسخ الرابط|حفظ)$",
        r"ارسل (هذا )?(الخبر|المقال|الموضوع) (الي |ل)صديق",
    ),
    "navigation": (
        r"^([^|•·»]{1,25}[|•·»]){3,}[^|•·»]{1,25}$",
        r"^(الرئيسيه|الصفحه الرئيسيه)( [|•·»>/]|$)",
    ),
    "copyright": (
        r"جميع الحقوق محفوظه",
        r"حقوق (النشر|الطبع) محفوظه",
        r"©|\(c\) ?\d{4}|copyright|all rights reserved",
    ),
    "cookie": (
        r"ملفات تعريف الارتباط",
        r"\bالكوكيز\b|\bcookies?\b",
    ),
    "comments": (
        r"^(التعليقات|تعليقات|اضف تعليق|اضف تعليقك|اترك تعليقا|اكتب تعليقك)\b",
        r"ترحب شبكه .{0,20} بالنقاش",
        r"الاراء (الوارده|المنشوره) .{0,30}لا تعبر عن",
        r"^(عدد )?التعليقات ?[:(\d]",
    ),
    "advert": (
        r"^(اعلان|اعلانات|مساحه اعلانيه|advertisement)$",
    ),
    "tags": (
        r"^(الكلمات المفتاحيه|الوسوم|كلمات دلاليه|كلمات مفتاحيه|سمات)\b",
    ),
    "credit": (  # a desk's credit line: "عين اليوم – متابعات", "متابعات"
        r"^[^.؟!:]{0,40}\s[-–—]\s?متابعات$",
        r"^متابعات( خاصه)?$",
    ),
    "contact": (  # a columnist's SMS line: "للتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (5)"
        r"للتواصل (مع الكاتب|ارسل)",
        r"تبدا بالرمز",
        r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$",  # the columnist's e-mail alone on its line
        r"^\d{4,7} ?- ?(stc|mobily|zain)$",  # and the SMS numbers, one operator a line
    ),
}  # fmt: skip

# A desk's credit glued to the start of a paragraph ("سبق- وكالات: قال …", "سبق- متابعة:"):
# cut off and kept as removed boilerplate; a reporter's name before it ("مروان المريسي -
# سبق - متابعة:") is the byline. Over the original text, not matching keys, as the rest of
# the paragraph stays.
CREDIT_PREFIX = (
    r"^(?:(?P<reporter>[\u0621-\u064a]{2,15}(?:\s[\u0621-\u064a]{2,15}){1,3})\s?[-–—]\s?)?"
    r"[\u0621-\u064a]{2,15}\s?[-–—]\s?(?:وكالات|متابعة|متابعات|خاص|واس)(?:\s?و\s?وكالات)?"
    r"\s*:\s*"
)
CREDIT_PREFIX_MIN_REST = 40  # characters the paragraph keeps after the credit, at least

# Blocks longer than this (characters) are never removed as boilerplate.
BOILERPLATE_MAX_CHARS = 300

# Once a "read more" marker is seen, the short title lines that follow it are the related
# links it introduces, not story.
RELATED_TITLE_MAX_CHARS = 140

# Markers that open a byline: "بقلم: فلان", "كتب - فلان", "حوار: فلانة".
BYLINE_MARKERS = (
    "بقلم", "كتب", "كتبت", "كتبه", "اعداد", "تقرير", "حوار", "متابعه", "ترجمه", "تحرير", "by",
)  # fmt: skip

# Words that do not occur in a personal name; a short first line holding one is not a byline.
NON_NAME_WORDS = frozenset({
    "في", "من", "علي", "الي", "عن", "مع", "بعد", "قبل", "بين", "حول", "ضد", "خلال", "منذ",
    "حتي", "عند", "لدي", "تحت", "فوق", "او", "ام", "ثم", "لكن", "بل", "قد", "لقد", "لا", "لم",
    "لن", "ما", "ماذا", "هل", "كيف", "متي", "اين", "لماذا", "هذا", "هذه", "ذلك", "تلك",
    "هؤلاء", "الذي", "التي", "الذين", "كل", "بعض", "غير", "يوم", "اليوم", "امس", "عام", "سنه",
    "شهر", "ان", "انه", "انها", "كان", "كانت", "يكون", "تم", "هو", "هي", "هم", "نحن", "انت",
})  # fmt: skip

# Phrases that open a publication line ("تم نشره الجمعة 24 نيسان 2020"): metadata, not story.
DATELINE_MARKERS = (
    r"^(تم نشره|تم النشر|نشر في|نشر بتاريخ|بتاريخ|تاريخ النشر|اخر تحديث|تم التحديث|"
    r"تاريخ النشر|published|updated)\b"
)
DATELINE_MAX_CHARS = 80

# Layout limits for plain-text and HTML blocks.
BYLINE_MAX_WORDS = 5
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 100
TITLE_MAX_CHARS = 200
# A line of a hard-wrapped paragraph is at least this long and lacks final punctuation.
WRAPPED_LINE_MIN_CHARS = 40
# A text is hard-wrapped when at most this share of its lines is longer than a wrap
# width (mail, PDF copies: 60–100 characters); a saved web report has paragraphs of
# hundreds of characters on one line each.
WRAP_MAX_CHARS = 120
WRAP_LONG_SHARE = 0.1
TERMINAL_PUNCTUATION = ".!?؟:،,؛;…\"'”»)"

# Below this share of Arabic letters a text is flagged as not Arabic.
ARABIC_MIN_RATIO = 0.5
