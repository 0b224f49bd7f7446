from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic import arabic_ratio, match_key, normalize, strip_conjunction


def test_tashkeel_and_tatweel_are_removed() -> None:
    assert match_key("مُحَمَّدٌ") == "محمد"
    assert match_key("الـعـراق") == "العراق"
    assert match_key("هٰذا") == "هذا"


def test_alef_hamza_forms_and_alef_maqsura_are_unified() -> None:
    assert match_key("أحمد إبراهيم آل ٱلشيخ") == "احمد ابراهيم ال الشيخ"
    assert match_key("مستشفى") == match_key("مستشفي")
    assert match_key("مسؤول") == match_key("مسئول")


def test_ta_marbuta_folds_only_for_matching() -> None:
    assert match_key("الرقة") == match_key("الرقه") == "الرقه"
    assert normalize("الرقة", "base").text == "الرقة"


def test_spelling_variants_of_europe_share_a_stem() -> None:
    assert match_key("أوروبا") == match_key("اوروبا")


def test_digits_punctuation_and_quotes() -> None:
    assert match_key("٢٠٢٤ و۱۴۰۳") == "2024 و1403"
    assert match_key("قال، ثم سأل؟ وأجاب؛") == "قال, ثم سال? واجاب;"
    assert match_key("«داعش» “الأنصار”") == '"داعش" "الانصار"'


def test_invisible_marks_are_removed_and_spaces_collapsed() -> None:
    text = "دير\u200f الزور\u200c\u061c  \u00a0سوريا\ufeff"
    assert match_key(text) == "دير الزور سوريا"


def test_presentation_forms_expand() -> None:
    assert match_key("ﻻ") == "لا"
    assert match_key("ﷲ") == "الله"


def test_latin_is_lowercased_for_matching() -> None:
    assert match_key("ISIS في Raqqa") == "isis في raqqa"


def test_offsets_map_back_to_the_original() -> None:
    text = "قال مُحَمَّد الـعمر «نعم»"
    norm = normalize(text)
    start = norm.text.index("محمد")
    a, b = norm.to_original(start, start + len("محمد"))
    assert text[a:b] == "مُحَمَّد"
    start = norm.text.index("العمر")
    a, b = norm.to_original(start, start + len("العمر"))
    assert text[a:b] == "الـعمر"


def test_arabic_ratio() -> None:
    assert arabic_ratio("مرحبا بكم") == 1.0
    assert arabic_ratio("hello world") == 0.0
    assert arabic_ratio("123 !!") == 0.0


_ARABIC_HEAVY = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),
        st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),
        st.sampled_from(" \n\t\u00a0\u200b\u200c\u200d\u200e\u200f\u061c«»“”،؛؟ـ"),
        st.characters(),
    ),
    max_size=80,
)


def _boundaries(origin: tuple[int, ...]) -> list[int]:
    """Normalised indices where a new source character starts (span-safe cut points)."""
    return [i for i in range(len(origin)) if i == 0 or origin[i] != origin[i - 1]]


@settings(max_examples=300, deadline=None)
@given(_ARABIC_HEAVY, st.sampled_from(["base", "match"]), st.data())
def test_every_span_maps_back_to_text_that_normalises_to_it(text, level, data) -> None:
    norm = normalize(text, level)
    assert len(norm.origin) == len(norm.text) + 1
    assert norm.origin[-1] == len(text)
    assert list(norm.origin) == sorted(norm.origin)
    cuts = _boundaries(norm.origin)
    start = data.draw(st.sampled_from(cuts))
    end = data.draw(st.sampled_from([c for c in cuts if c >= start]))
    a, b = norm.to_original(start, end)
    assert 0 <= a <= b <= len(text)
    piece = normalize(text[a:b], level).text
    if level == "match":  # a collapsed space run may begin before the span
        assert piece.strip() == norm.text[start:end].strip()
    else:
        assert piece == norm.text[start:end]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_normalising_is_idempotent(text) -> None:
    once = normalize(text).text
    assert normalize(once).text == once


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("أإآٱؤئءىةهـًٌٍَُِّْٰ ﷺﻻ\u00a0\n\u200cABzاب1٢"), max_size=20)
    | st.text(max_size=20)
)
def test_match_key_is_the_normalised_text_trimmed(text) -> None:
    # match_key takes a translate-table fast path; it must agree with normalize.
    assert match_key(text) == normalize(text, "match").text.strip()


def test_a_leading_conjunction_comes_off_when_a_word_remains() -> None:
    assert strip_conjunction("وقال") == "قال"
    assert strip_conjunction("فاكد") == "اكد"
    assert strip_conjunction("وسط") == "سط"  # whether it is a word is the caller's lookup
    assert strip_conjunction("وم") == "وم"
    assert strip_conjunction("قال") == "قال"
