"""Character tables for the normaliser: data, kept apart from the logic that uses them."""

# Harakat, tanwin, shadda, sukun, Quranic marks, superscript alef, combining hamza.
TASHKEEL = (
    {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670"} | {chr(c) for c in range(0x06D6, 0x06EE)}
)
TATWEEL = "\u0640"

# Quotation marks that open and close a quoted name: «…», “…”, "…".
OPENING_QUOTES = frozenset("«“\"'")
CLOSING_QUOTES = frozenset("»”\"'")

# Tanwin (ـً ـٌ ـٍ): the indefinite ending, which proper names do not take (دوماً "always").
TANWIN = frozenset("\u064b\u064c\u064d")

# Zero-width and bidi controls: invisible, and they split words for naive matchers.
INVISIBLE = (
    {chr(c) for c in range(0x200B, 0x2010)}
    | {"\u061c", "\ufeff", "\u00ad", "\u2060"}
    | {chr(c) for c in range(0x202A, 0x202F)}
    | {chr(c) for c in range(0x2066, 0x206A)}
)

# Unusual spaces that should behave as one plain space.
SPACES = {"\u00a0", "\u202f", "\u205f", "\u3000"} | {chr(c) for c in range(0x2000, 0x200B)}

# Letter unification for both levels.
LETTERS_BASE = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ی": "ي",  # Farsi yeh
    "ې": "ي",
    "ک": "ك",  # keheh
    "ڪ": "ك",
    "ھ": "ه",  # heh doachashmee
    "ۀ": "ه",
    "ە": "ه",
}

# Further folding used only for matching keys (display text keeps these distinctions):
# hamza seats meet on the bare hamza, so مسؤول and مسئول share a key.
LETTERS_MATCH = {
    "ة": "ه",
    "ؤ": "ء",
    "ئ": "ء",
}

DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}

PUNCTUATION = {
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "٫": ".",
    "٬": ",",
    "۔": ".",
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "«": '"',
    "»": '"',
    "″": '"',
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‛": "'",
    "‹": "'",
    "›": "'",
    "–": "-",
    "—": "-",
}

# Unicode blocks of Arabic presentation forms, folded with NFKC (ﻻ → لا, ﷲ → الله).
PRESENTATION_FORMS = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))

# Characters that count as Arabic letters when judging a text's language.
ARABIC_LETTER_RANGES = ((0x0621, 0x064A), (0x066E, 0x06D3), (0x06FA, 0x06FF))
