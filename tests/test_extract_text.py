"""Plain-text extraction on the seed report and on other real report layouts."""

from __future__ import annotations

import json

import pytest

from marsad import analyze
from marsad.model import Analysis
from tests.conftest import FIXTURES


def _check_spans(analysis: Analysis) -> None:
    article = analysis.article
    for block in article.blocks:
        assert 0 <= block.start < block.end <= len(article.text)
        assert (
            article.text[block.start : block.end].strip() == article.text[block.start : block.end]
        )
    for tag in article.hashtags:
        assert article.text[tag.span.start : tag.span.end] == tag.span.text
    for span in (article.title_span, article.byline_span):
        if span is not None:
            assert article.text[span.start : span.end] == span.text


def test_seed_matches_the_hand_reading(seed_text: str) -> None:
    gold = json.loads((FIXTURES / "seed-article.gold.json").read_text("utf-8"))
    analysis = analyze(seed_text)
    article = analysis.article
    _check_spans(analysis)
    assert article.byline == gold["byline"]
    assert [article.block_text(b) for b in article.blocks_of("heading")] == gold["headings"]
    assert len(article.blocks_of("paragraph")) == gold["body_paragraphs"]
    assert [h.tag for h in article.hashtags] == gold["hashtags"]
    assert [b.text for b in article.boilerplate] == gold["boilerplate_removed"]
    assert all(b.reason == "newsletter" for b in article.boilerplate)
    assert "نشرتنا" not in article.text
    assert article.language == "ar"
    assert analysis.warnings == []


TITLED_REPORT = """\
مقتل خمسة مدنيين بقصف على ريف إدلب

بقلم: سلمى الحسن

إدلب — قُتل خمسة مدنيين بينهم طفلان، اليوم الثلاثاء، في قصف مدفعي استهدف بلدة في ريف إدلب الجنوبي، بحسب ما أفاد به الدفاع المدني السوري.

وقال مسؤول في الدفاع المدني إن فرق الإنقاذ انتشلت الضحايا من تحت الأنقاض، مشيراً إلى أن القصف تجدد مساء.

ردود فعل

ودانت منظمات إنسانية القصف، وطالبت بحماية المدنيين في المنطقة.

اقرأ أيضاً:
نزوح آلاف العائلات من ريف حماة
الأمم المتحدة تحذر من كارثة إنسانية

شارك هذا المقال
© 2024 جميع الحقوق محفوظة
"""


def test_title_byline_marker_headings_and_trailing_boilerplate() -> None:
    analysis = analyze(TITLED_REPORT)
    article = analysis.article
    _check_spans(analysis)
    assert article.title == "مقتل خمسة مدنيين بقصف على ريف إدلب"
    assert article.byline == "سلمى الحسن"
    assert [article.block_text(b) for b in article.blocks_of("heading")] == ["ردود فعل"]
    paragraphs = [article.block_text(b) for b in article.blocks_of("paragraph")]
    assert len(paragraphs) == 3
    assert paragraphs[-1].startswith("ودانت منظمات")
    reasons = [b.reason for b in article.boilerplate]
    assert reasons == ["read_more", "read_more", "read_more", "share_follow", "copyright"]
    assert "نزوح آلاف" not in article.text


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "أعلنت وزارة الصحة العراقية اليوم عن افتتاح مستشفى جديد في\n"
        "مدينة الموصل بطاقة استيعابية تبلغ مئتي سرير، وذلك ضمن خطة\n"
        "لإعادة تأهيل القطاع الصحي في محافظة نينوى.\n\n"
        "وقال المتحدث باسم الوزارة إن المستشفى سيخدم أكثر من مليون نسمة.\n"
    )
    article = analyze(text).article
    paragraphs = [article.block_text(b) for b in article.blocks_of("paragraph")]
    assert len(paragraphs) == 2
    assert "جديد في مدينة الموصل" in paragraphs[0]


def test_one_line_per_paragraph_keeps_the_title_apart() -> None:
    title = "تركيا تضرب بيد من حديد جميع المنظمات المتطرفة وتمنع التظاهر"
    body = (
        "قال وزير الخارجية التركي، في مؤتمر صحافي اليوم السبت، إن الأراضي التي طهرت من "
        "مسلحي التنظيم في شمال سوريا ستصبح منطقة آمنة، بعد أن قصفت طائرات حربية تركية "
        "مواقع للمتطرفين في سلسلة غارات."
    )
    article = analyze(
        f"{title}\n{body}\nوأضاف أن الحملة ستستمر حتى تطهير الحدود من المسلحين تماما."
    ).article
    assert article.title == title
    paragraphs = [article.block_text(b) for b in article.blocks_of("paragraph")]
    assert paragraphs[0] == body and len(paragraphs) == 2


@pytest.mark.parametrize("dateline", ["", "عين اليوم – متابعات\n"])
def test_a_title_over_a_short_lede_is_the_title(dateline: str) -> None:
    # SaudiNewsNet (reuters via al-madina, 2015-07-22), saved as title, blank line, text.
    title = "مقتل 32 وإصابة العشرات بتفجيرات بأنحاء متفرقة من العراق"
    lede = "قالت مصادر بالشرطة ومسعفون، إن تفجيرات في أنحاء العراق أدت الى مقتل 32 شخصا."
    article = analyze(f"{title}\n\n{dateline}{lede}\n\nوتفقد السكان موقع التفجير.").article
    assert article.title == title
    assert lede in [article.block_text(b) for b in article.blocks_of("paragraph")]


@pytest.mark.parametrize(
    ("first", "title", "byline"),
    [
        ("الحوثيون يقصفون عدن", "الحوثيون يقصفون عدن", None),  # a short headline
        ("أحمد الريدي", None, "أحمد الريدي"),  # an author, with no بقلم before the name
    ],
)
def test_a_short_first_line_is_a_byline_only_when_it_opens_with_a_given_name(
    first: str, title: str | None, byline: str | None
) -> None:
    body = (
        "قال مصدر محلي إن طائرات التحالف شنت أمس غارات على مواقع للحوثيين في مدينة تعز، ما "
        "أدى إلى مقتل 12 مسلحاً، وأضاف المصدر أن الغارات استهدفت مخازن للأسلحة."
    )
    article = analyze(f"{first}\n\n{body}").article
    assert (article.title, article.byline) == (title, byline)


@pytest.mark.parametrize(
    ("trailer", "reason"),
    [
        ("سمات حوثيين غارات قوات التحالف مليشيا", "tags"),  # 3alyoum.com's tags
        ("عين اليوم – متابعات", "credit"),  # 3alyoum.com's desk credit
        ("رابط الخبر بصحيفة الوئام: غارات للتحالف على زنجبار", "read_more"),  # alweeam.com.sa
        (  # al-jazirah.com's other columns of the writer, titles run together
            "مقالات أخرى للكاتبالربيع التركي!!وزير بلا مكتب !كيف تجذب داعش ضحاياها؟",
            "read_more",
        ),
        ("aalorabi@hotmail.com", "contact"),  # al-madina.com: the e-mail on its own line
        ("737221 - Zain", "contact"),  # and an SMS number
        (  # al-madina.com's columnist contact line, the e-mail run into it
            "adnanksalah@yahoo.comللتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (5) ثم مسافة "
            "ثم نص الرسالة إلى 88591 - Stc 635031 - Mobily 737221 - Zain",
            "contact",
        ),
    ],
)
def test_a_trailer_is_boilerplate_and_reports_no_event(trailer: str, reason: str) -> None:
    text = (
        "غارات للتحالف على زنجبار\n\nقصفت طائرات التحالف أمس مواقع للحوثيين في زنجبار، "
        f"وقالت مصادر محلية إن الغارات استهدفت مخازن أسلحة.\n\n{trailer}"
    )
    analysis = analyze(text)
    assert [(b.reason, b.text) for b in analysis.article.boilerplate] == [(reason, trailer)]
    assert len(analysis.events) == 1


def test_a_trailer_run_into_the_last_paragraph_is_split_off() -> None:
    # SaudiNewsNet (alweeam.com.sa, 2015-08): the page's trailer copied into the text.
    last = "وضبطت القوات كميات من المواد التي تدخل في صنع العبوات الناسفة."
    trailer = "رابط الخبر بصحيفة الوئام: العراق: اعتقال 41 عنصرا من داعش"
    text = (
        "اعتقال 41 عنصرا من داعش في العراق\n\nأعلنت قيادة العمليات المشتركة اعتقال 41 "
        f"عنصرا من تنظيم داعش في عملية أمنية شمال بغداد.\n\n{last} {trailer}"
    )
    article = analyze(text).article
    assert [(b.reason, b.text) for b in article.boilerplate] == [("read_more", trailer)]
    assert article.block_text(article.blocks_of("paragraph")[-1]) == last
    # a story's last sentence that merely opens like a trailer stays
    story = analyze(f"{text[: text.rindex(last)]}{last} المزيد من القتلى سقطوا أمس.").article
    assert story.boilerplate == []


def test_a_desks_credit_glued_to_the_first_paragraph_is_cut_off() -> None:
    # SaudiNewsNet (sabq.org, 2015-07): "سبق- وكالات:" opens the first paragraph.
    body = "قال وزير الداخلية اليمني إن الطائرة السعودية الثانية هبطت في مطار عدن أمس."
    article = analyze(f"الطائرة الثانية في عدن\n\nسبق- وكالات: {body}").article
    assert [(b.reason, b.text) for b in article.boilerplate] == [("credit", "سبق- وكالات:")]
    assert article.block_text(article.blocks_of("paragraph")[0]) == body
    # review 14: the reporter's name before the desk is the byline
    story = analyze(f"الطائرة الثانية في عدن\n\nمروان المريسي - سبق - متابعة: {body}").article
    assert story.byline == "مروان المريسي"
    assert [(b.reason, b.text) for b in story.boilerplate] == [("credit", "سبق - متابعة:")]
    assert story.block_text(story.blocks_of("paragraph")[0]) == body
    # a paragraph that only opens with a word and a dash keeps it
    kept = "عدن- قال مصدر محلي إن الكهرباء عادت إلى أحياء المدينة بعد انقطاع طويل."
    assert analyze(f"الكهرباء في عدن\n\n{kept}").article.boilerplate == []


def test_character_references_left_in_copied_text_are_decoded() -> None:
    # SaudiNewsNet (alweeam.com.sa, 2015-08): the title keeps the page's &#8221;
    text = (
        "تركيا تحجب الدخول لمواقع الكترونية موالية لـ&#8221;داعش&#8221;\n\nحجبت تركيا "
        "أكثر من ستة مواقع اخبارية إسلامية هذا الاسبوع."
    )
    article = analyze(text).article
    assert article.title == "تركيا تحجب الدخول لمواقع الكترونية موالية لـ”داعش”"


def test_a_sentence_that_starts_like_boilerplate_is_kept() -> None:
    text = (
        "اشترك الجيش العراقي مع قوات التحالف في عملية واسعة شمال بغداد أسفرت عن اعتقال "
        "عشرة مطلوبين، بحسب بيان رسمي صدر اليوم.\n\n"
        "وتابع البيان أن العملية استمرت ثلاثة أيام."
    )
    article = analyze(text).article
    assert article.boilerplate == []
    assert len(article.blocks_of("paragraph")) == 2


def test_a_dateline_becomes_the_publication_date() -> None:
    text = (
        "الخميس 23 يوليو 2015\n\n"
        "أعلنت السلطات السعودية القبض على خلية مكونة من ستة أشخاص في منطقة القصيم.\n\n"
        "وأوضح المتحدث الأمني أن التحقيقات ما زالت جارية."
    )
    article = analyze(text).article
    assert str(article.published) == "2015-07-23"
    assert [b.reason for b in article.boilerplate] == ["dateline"]
    assert not article.text.startswith("الخميس")


def test_a_relative_dateline_resolves_against_the_fetch_time() -> None:
    from datetime import UTC, datetime

    from marsad.ingest.text import read_input
    from marsad.pipeline import analyze_document

    document = read_input(
        "منذ 3 ساعات\n\nأعلنت وزارة الدفاع العراقية مقتل عشرة مسلحين في عملية أمنية غرب الأنبار."
    )
    document.fetched_at = datetime(2024, 3, 10, 12, 0, tzinfo=UTC)
    article = analyze_document(document).article
    assert article.published == datetime(2024, 3, 10, 9, 0, tzinfo=UTC)
    assert article.published_text == "منذ 3 ساعات"
