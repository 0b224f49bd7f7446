from __future__ import annotations

from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic import (
    clitic_stems,
    find_dates,
    find_hashtags,
    match_key,
    parse_date,
    split_sentences,
    tokenize,
    word_tokens,
)


def test_clitic_stems_strip_conjunction_preposition_and_article() -> None:
    assert "دير الزور" in clitic_stems(match_key("بدير الزور"))
    assert "سوريا" in clitic_stems(match_key("وسوريا"))
    assert "تركيا" in clitic_stems(match_key("لتركيا"))
    assert "التنظيم" in clitic_stems(match_key("للتنظيم"))
    stems = clitic_stems(match_key("وبالرقة"))
    assert "الرقه" in stems and "رقه" in stems
    assert clitic_stems("وب") == ("وب",)  # nothing left to be a word


def test_tokens_keep_offsets_and_diacritics() -> None:
    text = "قالَ ح.م: «نعم»"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["قالَ", "ح", ".", "م", ":", "«", "نعم", "»"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


@given(st.text(max_size=100))
def test_tokens_are_always_substrings(text) -> None:
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text


@given(st.text(alphabet=st.sampled_from("اب _#.،ًّـ\u200c1a\n"), max_size=40) | st.text(max_size=40))
def test_word_tokens_are_the_word_tokens_of_tokenize(text) -> None:
    expected = [(t.start, t.end, t.text) for t in tokenize(text) if t.is_word]
    assert word_tokens(text) == expected


def test_sentences_do_not_break_inside_initials_numbers_or_titles() -> None:
    text = "قال د. محمد إن النسبة 3.5 بالمئة. وأكد ح.م ذلك! هل انتهى؟ نعم"
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert sentences == [
        "قال د. محمد إن النسبة 3.5 بالمئة.",
        "وأكد ح.م ذلك!",
        "هل انتهى؟",
        "نعم",
    ]


def test_a_full_stop_glued_to_the_next_word_still_ends_a_sentence() -> None:
    text = "سيطرت المقاومة على التبة.بادر الحوثيون بالقصف. وقال ح.م إن المسافة 3.5 كم."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "سيطرت المقاومة على التبة.",
        "بادر الحوثيون بالقصف.",
        "وقال ح.م إن المسافة 3.5 كم.",
    ]


def test_sentences_keep_closing_quotes_and_break_at_lines() -> None:
    text = "قال: “انتهى الأمر.” ثم غادر\nعنوان فرعي\nفقرة أخرى."
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert sentences == ["قال: “انتهى الأمر.”", "ثم غادر", "عنوان فرعي", "فقرة أخرى."]


def test_hashtags_are_parsed_with_readable_labels() -> None:
    text = "في #دير_الزور، و#داعش. لا #123 ولا a#b"
    found = find_hashtags(text)
    assert [(h.tag, h.label) for h in found] == [("دير_الزور", "دير الزور"), ("داعش", "داعش")]
    assert text[found[0].start : found[0].end] == "#دير_الزور"


def test_dates_in_both_month_families_and_arabic_indic_digits() -> None:
    assert parse_date("الأحد ١٤ كانون الثاني ٢٠٢٤") == date(2024, 1, 14)
    assert parse_date("نشر في 3 مارس 2023") == date(2023, 3, 3)
    assert parse_date("24 نيسان / أبريل 2020 09:22") == datetime(2020, 4, 24, 9, 22)
    assert parse_date("11 مارس/ آذار 2020") == date(2020, 3, 11)
    assert parse_date("5 جوان 2019") == date(2019, 6, 5)
    assert parse_date("2015/07/23") == date(2015, 7, 23)
    assert parse_date("23-07-2015") == date(2015, 7, 23)
    assert parse_date("7 شوال 1436هـ") is None  # Hijri is recognised as not Gregorian


def test_relative_dates_resolve_against_the_report_date() -> None:
    reference = datetime(2024, 1, 17, 12, 0)  # a Wednesday
    found = find_dates("قُتل أمس ثلاثة، وفي يوم الأحد الماضي اثنان، منذ 3 ساعات", reference)
    values = [d.value for d in found]
    assert values == [date(2024, 1, 16), date(2024, 1, 14), datetime(2024, 1, 17, 9, 0)]
    assert find_dates("قتل أمس ثلاثة") == []  # no reference, no guess


def test_the_same_day_and_the_next_day_are_no_dates_of_the_report() -> None:
    # "That same day" and "the day after" refer to a day the text told of, not to today.
    reference = date(2015, 7, 22)
    for text in ("وفي اليوم نفسه قتل شرطيان", "وفي نفس اليوم انفجرت سيارة", "وفي اليوم التالي"):
        assert find_dates(text, reference) == []
    assert [d.value for d in find_dates("وقتل اليوم ثلاثة", reference)] == [reference]


def test_last_night_and_the_night_before() -> None:
    reference = date(2015, 8, 8)
    found = find_dates(
        "هاجم مقاتلونا الليلة قبل الماضية موقعا، وقتل الليلة الماضية ثلاثة", reference
    )
    assert [d.value for d in found] == [date(2015, 8, 6), date(2015, 8, 7)]


def test_a_weekday_after_today_says_which_day_today_was() -> None:
    # A report collected on Friday that calls Thursday "today" (اليوم الخميس).
    friday = date(2015, 8, 7)
    found = find_dates("قال مسؤولون محليون اليوم الخميس إن القوات استعادت مواقع", friday)
    assert [(d.value, d.kind) for d in found] == [(date(2015, 8, 6), "weekday")]
    assert [d.value for d in find_dates("وقتل اثنان أمس الخميس", friday)] == [date(2015, 8, 6)]


def test_a_weekday_called_next_is_in_the_future() -> None:
    friday = date(2015, 8, 7)
    found = find_dates("وستبدأ الهدنة يوم الأحد المقبل، بعد اجتماع الجمعة المقبلة", friday)
    assert [d.value for d in found] == [date(2015, 8, 9), date(2015, 8, 14)]
