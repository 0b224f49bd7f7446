"""One behaviour at a time, on sentences from real reports (SaudiNewsNet, see
tests/fixtures/quotes/README.md)."""

from __future__ import annotations

from marsad import analyze
from marsad.arabic import match_key
from marsad.model import Mention, Source, Span
from marsad.quotes import Found, find_quotes
from marsad.quotes.marks import pair_marks


def _label(found: Found, source_id: str | None) -> str:
    source: Source = next(s for s in found.sources if s.id == source_id)
    span = source.name or source.description
    assert span is not None
    return span.text


def _inner(text: str) -> list[str]:
    return [text[f.open + 1 : f.close] for f in pair_marks(text, [(0, len(text))])]


def test_quote_marks_nest_mirror_and_glue_to_proclitics() -> None:
    nested = "وأضاف: «معاناة المسافرين كبيرة، لا سيما في تأخر نقل «العفش» إلى السير»."
    assert _inner(nested) == [
        "معاناة المسافرين كبيرة، لا سيما في تأخر نقل «العفش» إلى السير",
        "العفش",
    ]
    mirrored = "ويضيف قائلا: « كثير من هؤلاء لديهم»ويختم قائلا:» إن التعامل مصدر قلق حقيقي»."
    assert _inner(mirrored) == [" كثير من هؤلاء لديهم", " إن التعامل مصدر قلق حقيقي"]
    glued = "الحمد لله ان بداياتي كانت مع “المونديالي” والآن العب ل”العالمي” فهو أكبر طموح"
    assert _inner(glued) == ["المونديالي", "العالمي"]


def test_a_quote_runs_on_into_the_next_paragraph() -> None:
    text = (
        "وأضاف: “إنني إذ أشيد بالعلاقات الأخوية الراسخة بين بلدينا، والتي تهدف لمصلحة "
        "بلدينا وشعبينا الشقيقين.\nسائلا المولى عز وجل لجلالتكم موفور الصحة والسعادة، "
        "والله يحفظكم ويرعاكم”."
    )
    found = find_quotes(text)
    assert len(found.quotes) == 1
    assert found.quotes[0].kind == "direct"
    assert found.quotes[0].span.text.endswith("والله يحفظكم ويرعاكم")
    assert "\n" in found.quotes[0].span.text


def test_a_surname_is_the_full_name_and_a_participle_the_same_speaker() -> None:
    text = (
        'وأعلن حاكم الولاية عبدالستار بارز لوكالة فرانس برس "هذا الصباح فجر انتحاري سترته '
        'الناسفة داخل سوق في المار". وتابع بارز "تشير معلوماتنا الى مقتل 15 شخصا على الاقل '
        'في الهجوم من بينهم نساء واطفال"، مضيفا ان 38 شخصا اخرين اصيبوا بجروح.'
    )
    found = find_quotes(text)
    assert [q.kind for q in found.quotes] == ["direct", "direct", "indirect"]
    assert {_label(found, q.source_id) for q in found.quotes} == {"عبدالستار بارز"}
    (source,) = found.sources
    assert source.kind == "person"
    assert source.description is not None and source.description.text == "حاكم الولاية"


def test_a_later_mention_can_make_a_source_anonymous() -> None:
    text = (
        'والاربعاء، قصفت طائرة اميركية من دون طيار هدفا ل"داعش" في شمال سوريا، بحسب ما '
        "اعلن مسؤول تركي لوكالة فرانس برس.\n"
        'وقال المسؤول رافضا كشف هويته ان "طائرة اميركية من دون طيار شنت اليوم غارة جوية '
        'في سوريا قرب الرقة"، في اشارة الى هذه المدينة التي تعتبر "عاصمة" التنظيم.'
    )
    found = find_quotes(text)
    assert len(found.sources) == 1
    source = found.sources[0]
    assert source.kind == "role" and source.anonymous
    assert source.anonymity_reason is not None
    assert source.anonymity_reason.text == "رافضا كشف هويته"
    assert [q.kind for q in found.quotes] == ["indirect", "direct"]
    assert all(q.span.text != "عاصمة" for q in found.quotes)


def test_anonymity_words_are_never_cues() -> None:
    text = 'وقال المصدر الذي طلب عدم ذكر اسمه:"نحاول الآن الوصول لاتفاق نهائي مع سابيلا".'
    found = find_quotes(text)
    assert [q.cue.text for q in found.quotes if q.cue] == ["قال"]
    assert found.sources[0].anonymous


def test_reasoning_idioms_are_not_quotes() -> None:
    for text in (
        "لكن المنطق يقول إننا لنتجاوز الصعوبات ليس أمامنا سوى العمل.",
        "والحقيقة تقول إن الحرب في اليمن لن تنتهي قريبا.",
    ):
        assert find_quotes(text).quotes == []


def test_a_cue_may_be_qualified_before_its_colon() -> None:
    text = "وقال ليون في هذا الصدد: «لقد اطلعنا على مختلف الأفكار من أجل العودة إلى الحوار»."
    [quote] = find_quotes(text).quotes
    assert quote.span.text.startswith("لقد اطلعنا")


def test_titles_slogans_and_terms_are_not_quotes() -> None:
    for text in (
        "بدأ الميهي مسيرته مع السينما كسيناريست، فقدم عام 1966 فيلم «جفت الأمطار»، ثم "
        "اتجه إلى الإخراج، ومن أشهر أعماله أفلام «غروب وشروق»، «على من نطلق الرصاص».",
        "وسط مطالبات بإقالة الوزير الحالي تحت شعار «ارحل» واتهامات له بـ«الإخوانية» و«السلفية».",
        "انطلقت عدة «هاشتاغات» على موقعي التواصل الاجتماعي «فيسبوك» و«تويتر»، ومن أبرزها "
        "هاشتاغ «افتتاح_قناة_السويس» و«مصر_بتفرح».",
    ):
        assert find_quotes(text).quotes == []


def test_negated_and_impersonal_verbs_report_nothing() -> None:
    assert not find_quotes(
        "وقتل 15 شخصا في الهجوم، ولم تعلن أي جهة مسؤوليتها عن الهجوم الانتحاري الذي أتى "
        "قبل بدء جولة جديدة من المحادثات."
    ).quotes
    assert not find_quotes(
        "يذكر أن داسيلفا طلب جميع اللاعبين الذين تمت إعارتهم إلى أندية أخرى الانضمام للمعسكر."
    ).quotes


def test_relayed_words_belong_to_the_relayed_source() -> None:
    text = (
        "قالت صحيفة وول ستريت جورنال اليوم الخميس نقلا عن مسؤولين في وزارة الدفاع إن تركيا "
        "وافقت على السماح للجيش الأمريكي بشن ضربات جوية من قاعدة إنجرليك."
    )
    found = find_quotes(text)
    (quote,) = found.quotes
    assert _label(found, quote.source_id) == "مسؤولين في وزارة الدفاع"
    assert quote.span.text.startswith("تركيا وافقت")


def test_a_title_before_a_name_is_not_initials() -> None:
    text = (
        "وقال أمين مدينة جدة د. هاني أبو راس إن جدة تشهد حاليا تنفيذ مشاريع كبيرة سوف تسهم "
        "في الارتقاء بها وبتكاليف تقدر بنحو 5 مليارات ريال."
    )
    found = find_quotes(text)
    (source,) = found.sources
    assert source.kind == "person" and not source.anonymous
    assert source.name is not None and source.name.text == "هاني أبو راس"
    assert source.description is not None
    assert source.description.text.startswith("أمين مدينة جدة")


def test_he_said_goes_to_the_person_named_in_the_paragraph() -> None:
    text = (
        "تلا ذلك كلمة لصاحب الجائزة الدكتور ساعد العرابي الحارثي رحب فيها بالحضور وهنأ "
        "المكرمين. مشيرا إلى أن الجائزة تعد عاملاً مساعداً للتفوق والتميز."
    )
    found = find_quotes(text)
    (quote,) = found.quotes
    assert _label(found, quote.source_id).startswith("ساعد العرابي")
    assert quote.confidence < 0.85  # a guess, and it says so


def test_a_bare_continuation_cue_goes_on_with_the_last_speaker_not_a_name() -> None:
    official = (
        "وقال مسؤول حكومي بعدن في تصريح خاص لـ لـ «المدينة»: إن عودة الحكومة الى عدن يرجع "
        "الى تقرير الوزراء الذين وصلوا للمدينة.\n"
    )
    named = "وتعرضت المرافق لتخريب واسع على يد انصار المخلوع صالح.\n"
    added = "وأضاف: مليشيا الحوثي قتلت الأطفال والنساء وجثثهم ما زالت متناثرة بالشوارع."
    for text in (official + added, official + named + added):
        found = find_quotes(text)
        assert [q.cue.text for q in found.quotes if q.cue] == ["قال", "أضاف"]
        (source,) = found.sources
        assert source.kind == "role" and source.name is None
        assert source.description is not None and source.description.text == "مسؤول حكومي بعدن"
        assert {q.source_id for q in found.quotes} == {source.id}
    # With nobody quoted before, a name merely mentioned is not the speaker.
    found = find_quotes(named + added)
    (quote,) = found.quotes
    assert quote.source_id is None and not found.sources


def test_an_adverb_is_never_the_speaker() -> None:
    text = (
        "وكانت قيادة القوات المشتركة قد أعلنت أخيرا عن استشهاد جندي أول من منسوبي القوات "
        "البرية السعودية بعدما أصيب بمقذوف قادم من الأراضي اليمنية."
    )
    found = find_quotes(text)
    (quote,) = found.quotes
    assert quote.span.text.startswith("استشهاد جندي")
    assert _label(found, quote.source_id) == "قيادة القوات المشتركة"


def test_on_behalf_of_is_part_of_the_role_not_a_name() -> None:
    text = (
        "وأوضح المتحدث الرسمي باسم المركز رأفت الصباغ أن مدير الإمداد والتموين بالمركز "
        "سيرأس الفريق الإغاثي."
    )
    found = find_quotes(text)
    (source,) = found.sources
    assert source.name is not None and source.name.text == "رأفت الصباغ"
    assert source.description is not None
    assert source.description.text == "المتحدث الرسمي باسم المركز"


def test_quote_spans_stop_at_the_cue_phrase_the_next_cue_and_the_first_sentence() -> None:
    drawn = (
        "وأبان أن وصول الطائرة يأتي ضمن برنامج خصصه المركز، لافتًا الانتباه إلى أن هناك "
        "طائرات ستصل وفق برنامج زمني محدد."
    )
    found = find_quotes(drawn)
    assert [q.cue.text for q in found.quotes if q.cue] == ["أبان", "لافتًا"]
    assert found.quotes[1].span.text == "هناك طائرات ستصل وفق برنامج زمني محدد"
    next_cue = (
        "وأضاف: نطالب وزارة الصحة بسرعة ارسال فريق طبي لانتشال هذه الجثث وأشار الى ان مطار "
        "عدن الدولي جاهز بانتظار أجهزة اتصالات البرج."
    )
    found = find_quotes(next_cue)
    assert [q.span.text for q in found.quotes] == [
        "نطالب وزارة الصحة بسرعة ارسال فريق طبي لانتشال هذه الجثث",
        "مطار عدن الدولي جاهز بانتظار أجهزة اتصالات البرج",
    ]
    assert found.quotes[0].source_id == found.quotes[1].source_id
    unclosed = (
        "وأفاد مراسل «الأناضول» بأن «دورية شرطة تعرضت لهجوم بقنابل يدوية في القضاء، مما "
        "أسفر عن إصابة رجلي شرطة. وشملت المرحلة الأولى من المسيرة وقف عمليات المنظمة."
    )
    (quote,) = find_quotes(unclosed).quotes
    assert quote.kind == "direct"
    assert quote.span.text.startswith("دورية شرطة")
    assert quote.span.text.endswith("إصابة رجلي شرطة")


def test_calls_demands_and_descriptions_count_only_when_quoted_or_after_a_colon() -> None:
    text = (
        "من ناحيته، طلب السفير اليمني من مجلس الأمن «ممارسة المزيد من الضغط على الحوثيين "
        "كي يحترموا قرار الأمم المتحدة». من جهته، دعا مدير العمليات الإنسانية في الأمم "
        "المتحدة إلى «مضاعفة الجهود» من أجل ترسيخ الهدنة في اليمن، وأعلن عن زيارة قريبة "
        "سيقوم بها لهذا البلد."
    )
    found = find_quotes(text)
    assert [(q.cue.text, _label(found, q.source_id)) for q in found.quotes if q.cue] == [
        ("طلب", "السفير اليمني"),
        ("دعا", "مدير العمليات الإنسانية في الأمم المتحدة"),
        ("أعلن", "مدير العمليات الإنسانية في الأمم المتحدة"),
    ]
    described = (
        "فيما وصف وزير النقل اليمني المهندس بدر باسلمة فى تصريحات لـ»المدينة»: الوضع في "
        "عدن بالكارثي جراء ما احدثته مليشيا الحوثي من تخريب."
    )
    found = find_quotes(described)
    (quote,) = found.quotes
    assert quote.span.text.startswith("الوضع في عدن بالكارثي")
    assert _label(found, quote.source_id) == "بدر باسلمة"
    for no_speech in (
        "ودعا الوزير إلى الحوار بين الأطراف كافة.",
        "وزير الخارجية محمد جواد ظريف وصف الاتفاق بأنه تاريخي.",
        "وطالبت الحكومة اليمنية مجلس الأمن بتحرك حازم ضد الحوثيين.",
        "وقال طالب في الجامعة إن الامتحانات كانت صعبة.",
    ):
        found = find_quotes(no_speech)
        assert all(q.cue is None or match_key(q.cue.text) == "قال" for q in found.quotes)
    (student,) = find_quotes("وقال طالب في الجامعة إن الامتحانات كانت صعبة.").sources
    assert student.description is not None and student.description.text == "طالب في الجامعة"


def test_a_pledge_in_quotation_marks_is_quoted() -> None:
    text = "وزار المحافظ المستشفى. وتعهد «ببذل كل ما يمكن عمله لإعادة الخدمات إلى المدينة»."
    (quote,) = find_quotes(text).quotes
    assert quote.span.text == "ببذل كل ما يمكن عمله لإعادة الخدمات إلى المدينة"
    assert find_quotes("وتعهد الوزير بإعادة الخدمات إلى المدينة.").quotes == []


def test_words_read_from_a_statement_are_its_issuers() -> None:
    for text, issuer in (
        ("وأصدرت وزارة الخارجية بيانا قالت فيه إن الوزير سيزور أنقرة.", "وزارة الخارجية"),
        ("ونشر التنظيم تسجيلا مصورا قال فيه إن مقاتليه سيطروا على البلدة.", "التنظيم"),
        ("وأصدرت الوزارة بيانا أمس أكدت فيه أن الحدود مغلقة.", "الوزارة"),
    ):
        found = find_quotes(text)
        (quote,) = found.quotes
        assert _label(found, quote.source_id) == issuer


def test_a_member_of_a_body_named_after_a_person_is_not_that_person() -> None:
    for text, description in (
        (
            "ونقل الموقع عن عضو في حزب الرئيس اليمني السابق علي عبد الله صالح، قوله إن "
            "ممثلين للحزب يجرون محادثات مع دبلوماسيين.",
            "عضو في حزب الرئيس اليمني السابق علي عبد الله صالح",
        ),
        (
            "وقال مسؤول في مكتب الرئيس عبد ربه منصور هادي إن الوفد سيصل غدا.",
            "مسؤول في مكتب الرئيس عبد ربه منصور هادي",
        ),
    ):
        found = find_quotes(text)
        (source,) = found.sources
        assert source.name is None and source.entity_id is None
        assert source.description is not None and source.description.text == description
    (named,) = find_quotes("وقال حاكم الولاية عبدالستار بارز إن الوضع هادئ.").sources
    assert named.name is not None and named.name.text == "عبدالستار بارز"


def test_who_said_asks_and_a_speech_given_speaks_for_its_giver() -> None:
    assert find_quotes("ولكن من قال: إن المثقف هو الأديب والكاتب فحسب!").quotes == []
    text = (
        "وألقى الشيخ أحمد عبدالرب النقيب كلمة أشاد فيها بدور المملكة في مساندة الشعب "
        "اليمني للخلاص من الحوثيين والمخلوع صالح، مشيرا الى تقدم المقاومة في المحافظات."
    )
    found = find_quotes(text)
    (quote,) = found.quotes
    assert _label(found, quote.source_id).startswith("أحمد عبدالرب")  # not صالح


def test_a_time_phrase_is_never_the_speaker() -> None:
    text = (
        "وكان رئيس مجلس النواب العراقي أعلن الشهر الماضي أنه «ليس لدينا مشكلة مع تقسيم "
        "العراق بالتراضي ومن دون إراقة دماء»، مضيفا أن «صوت الدعوة إلى تقسيم العراق يتعالى»."
    )
    found = find_quotes(text)
    assert len(found.quotes) == 2
    assert {_label(found, q.source_id) for q in found.quotes} == {"رئيس مجلس النواب العراقي"}


def test_words_with_a_pronoun_glued_to_them_are_never_a_name() -> None:
    during = (
        "وترأس حاكم المنطقة اجتماعا أمنيا أول من أمس الخميس «شارك فيه الأئمة» وأعلن خلاله "
        "«تدبير منع ارتداء النقاب»."
    )
    found = find_quotes(during)
    assert [q.span.text for q in found.quotes] == ["تدبير منع ارتداء النقاب"]
    assert all(s.name is None or s.name.text != "خلاله" for s in found.sources)
    closing = (
        "وقال الكاتب الصحفي أحمد الجديعي في تصريحات صحفية: «الحركة تحولت من معتد إلى مطارد». "
        "واختتم تصريحاته بالقول «الشعب اليمني لن ينسى لدول التحالف هذه الوقفة التاريخية»."
    )
    found = find_quotes(closing)
    assert [_label(found, q.source_id) for q in found.quotes] == ["أحمد الجديعي"] * 2
    allegiance = (
        "وتعهد بتشكيل قوة إقليمية لقتال المجموعة التي أعلنت ولاءها لتنظيم داعش الإرهابي، "
        "والتي أدى تمردها المستمر منذ 6 سنوات إلى مقتل 15 ألف شخص."
    )
    assert find_quotes(allegiance).quotes == []
    president = (
        "ونيجيريا، التي حذر رئيسها الولايات المتحدة من أن سياستها تضر بالجهود لمكافحة الحركة "
        "المتطرفة."
    )
    found = find_quotes(president)
    (source,) = found.sources
    assert source.kind == "role" and source.name is None
    assert source.description is not None and source.description.text == "رئيسها"


def test_one_of_them_and_unnamed_officials_are_anonymous() -> None:
    text = "وكانوا يهددون من يتجرأ ويخطئ شيخهم فيقول أحدهم لآخر: والله لو أمرني الشيخ بقتلك لفعلت!!"
    (source,) = find_quotes(text).sources
    assert source.anonymous and source.name is None
    assert source.description is not None and source.description.text == "أحدهم"
    for said in (
        "قال مسؤولون محليون اليوم الخميس إن القوات اليمنية استعادت مواقع على مشارف عدن.",
        "ويرى مراقبون أن جماعة الحوثي ستجد نفسها مضطرة للقبول بتسليم السلطة.",
    ):
        (source,) = find_quotes(said).sources
        assert source.anonymous and source.entity_id is None
        assert source.anonymity_reason is not None
    (activists,) = find_quotes("وقال ناشطون إن القصف استهدف السوق الشعبي في المدينة.").sources
    assert not activists.anonymous  # the public speaking as a group: no withheld name


def test_another_and_a_third_of_a_group_stay_as_unnamed_as_the_first() -> None:
    text = (
        'ويظهر في الفيلم أسرى حوثيون، حيث يقول أحدهم: "خدعونا وقالوا إنكم ذاهبون لقتال داعش". '
        'ويقول آخر: "لم نجد إلا أناساً طيبين". فيما يقول ثالث: "تم أسري في 15 رمضان".'
    )
    sources = find_quotes(text).sources
    assert [s.description.text for s in sources if s.description] == ["أحدهم", "آخر", "ثالث"]
    assert all(s.anonymous and s.name is None for s in sources)


def test_some_of_a_group_speak_for_the_group_anonymously() -> None:
    # ``يقول بعضهم``: some of the experts just named, not the expert quoted before them.
    text = (
        "ومن جهته، أشار الخبير الفرنسي كزافييه تييلمان إلى أوجه شبه بين الحطامين. ولكن بعض "
        "خبراء الطيران لا يتفقون مع هذه الفرضية، إذ يقول بعضهم إنها قد تكون قطعة من حطام "
        "طائرة أخرى سقطت في 2009."
    )
    found = find_quotes(text)
    (quote,) = [q for q in found.quotes if q.span.text.startswith("إنها")]
    (group,) = [s for s in found.sources if s.id == quote.source_id]
    assert group.kind == "collective" and group.anonymous and group.name is None
    assert group.description is not None and group.description.text == "بعض خبراء الطيران"


def test_a_state_named_before_its_verb_speaks() -> None:
    from marsad.pipeline import analyze

    analysis = analyze(
        "وقال المرصد السوري لحقوق الإنسان إن ستة أشخاص قتلوا في الغارة. وكانت الولايات "
        "المتحدة قد ذكرت الأسبوع الماضي إنها كثفت حملتها الجوية على مدينة الرقة."
    )
    (quote,) = [q for q in analysis.quotes if q.span.text.startswith("إنها")]
    (state,) = [s for s in analysis.sources if s.id == quote.source_id]
    assert state.name is not None and state.name.text == "الولايات المتحدة"
    assert state.kind == "organisation" and state.entity_id == "loc:US"


def test_the_speaker_after_an_addressee_or_a_time_with_kama() -> None:
    text = (
        "وكان ارتداء النقاب قد منع في منطقة الساحل حيث تقع دوالا، لتدارك وقوع اعتداءات "
        "محتملة، كما أعلنت لوكالة الصحافة الفرنسية ميراي بيسك، مسؤولة الإعلام في منطقة "
        "الساحل. وقررت السلطات توسيع منع ارتداء النقاب إلى مناطق الشمال، كما ذكرت أمس "
        "الجمعة مصادر رسمية."
    )
    found = find_quotes(text)
    assert [(q.span.text[:20], _label(found, q.source_id)) for q in found.quotes] == [
        ("وكان ارتداء النقاب ق", "ميراي بيسك"),
        ("وقررت السلطات توسيع ", "مصادر رسمية"),
    ]


def test_the_speaker_between_a_verb_and_bilqawl() -> None:
    text = (
        'وأضاف فوزي قائلا "ولد الشيخ أكد وجوب حدوث انسحاب ووقف لإطلاق النار". ومضى ولد '
        "الشيخ بالقول إنه يعتقد أن خطته لإنهاء الصراع تكتسب قبولا متزايدا."
    )
    found = find_quotes(text)
    assert [_label(found, q.source_id) for q in found.quotes] == ["فوزي", "ولد الشيخ"]


def test_a_name_after_a_role_and_a_comma_is_the_speaker() -> None:
    text = (
        "وقال المتحدث باسم المنظمة الدولية، أحمد فوزي، إن المبعوث الدولي إلى اليمن جدد "
        "دعوته لوقف إطلاق النار."
    )
    (source,) = find_quotes(text).sources
    assert source.kind == "person"
    assert source.name is not None and source.name.text == "أحمد فوزي"
    assert source.description is not None
    assert source.description.text == "المتحدث باسم المنظمة الدولية"


def test_an_attribution_inside_a_sentence_covers_the_whole_sentence() -> None:
    text = (
        "واعترف الإرهابيون وفق ما أفادت به وزارة الداخلية الكويتية في بيان صحافي بتلقي "
        "دورات على استخدام الأسلحة في كل من سورية والعراق."
    )
    found = find_quotes(text)
    (quote,) = found.quotes
    assert quote.span.text.startswith("واعترف الإرهابيون")
    assert quote.span.text.endswith("في كل من سورية والعراق")
    assert _label(found, quote.source_id) == "وزارة الداخلية الكويتية"


def test_no_one_opens_his_own_words_with_his_own_name() -> None:
    text = (
        "وقال المتحدث باسم المنظمة الدولية، أحمد فوزي، إن المبعوث جدد دعوته لوقف إطلاق "
        "النار. ومضى ولد الشيخ بالقول إنه يعتقد أن خطته تكتسب قبولا متزايدا.\n"
        'وتابع "ولد الشيخ كثف من اتصالاته خلال الأيام الماضية بكافة أطراف الأزمة".'
    )
    found = find_quotes(text)
    assert [_label(found, q.source_id) for q in found.quotes] == [
        "أحمد فوزي",
        "ولد الشيخ",
        "أحمد فوزي",
    ]


def test_a_spokespersons_name_is_the_last_name_in_the_phrase() -> None:
    text = (
        "وقال المتحدث الرسمي باسم المكتب الإعلامي لرئيس مجلس الوزراء حيدر العبادي سعد "
        "الحديثي إن الحكومة العراقية أعلنت رفضها تعرض قرى إقليم كردستان لقصف الطائرات التركية."
    )
    found = find_quotes(text)
    assert [q.span.text for q in found.quotes] == [
        "الحكومة العراقية أعلنت رفضها تعرض قرى إقليم كردستان لقصف الطائرات التركية"
    ]
    source = next(s for s in found.sources if s.id == found.quotes[0].source_id)
    assert source.name is not None and source.name.text == "سعد الحديثي"
    assert source.description is not None
    assert source.description.text.endswith("لرئيس مجلس الوزراء حيدر العبادي")


def test_a_spokesperson_for_an_organisation_keeps_the_name_after_it() -> None:
    text = (
        "وأوضح المتحدث الرسمي لمركز الملك سلمان للإغاثة والأعمال الإنسانية رأفت الصباغ، أن "
        "الرحلة خصصت للمواد والمستلزمات الطبية وأدوية مرضى السرطان."
    )
    organisation = "مركز الملك سلمان للإغاثة والأعمال الإنسانية"
    start = text.index(organisation)
    mention = Mention(
        span=Span(start=start, end=start + len(organisation), text=organisation), label="ORG"
    )
    found = find_quotes(text, None, [mention])
    assert [q.span.text for q in found.quotes] == [
        "الرحلة خصصت للمواد والمستلزمات الطبية وأدوية مرضى السرطان"
    ]
    assert _label(found, found.quotes[0].source_id) == "رأفت الصباغ"


def test_a_verbal_noun_opens_what_was_announced() -> None:
    text = (
        "وأعلنت قيادة قوات التحالف بدء هدنة إنسانية اعتباراً من الساعة (11:59) بتوقيت اليمن "
        "يوم الأحد المقبل ولمدة (خمسة) أيام."
    )
    found = find_quotes(text)
    assert [q.span.text[:16] for q in found.quotes] == ["بدء هدنة إنسانية"]
    assert _label(found, found.quotes[0].source_id) == "قيادة قوات التحالف"


def test_single_curly_quotes_and_sharaha_introduce_speech() -> None:
    explained = "وشرح المسؤول الأميركي: «نحن مستمرون في تصدينا لتنظيم القاعدة وفروعه»."
    (quote,) = find_quotes(explained).quotes
    assert quote.kind == "direct" and quote.span.text.startswith("نحن مستمرون")
    single = "وقال المتحدث: ‘إن القوات ستواصل عملياتها حتى تحرير المدينة’."
    (quote,) = find_quotes(single).quotes
    assert quote.span.text == "إن القوات ستواصل عملياتها حتى تحرير المدينة"
    assert find_quotes("وقدم الوزير شرحا مفصلا للخطة أمام النواب.").quotes == []


def test_a_speakers_name_in_quotation_marks_is_the_speaker() -> None:
    # Some outlets mark names with quotation marks: وقال "اليامي" إن …
    text = (
        'وقال "اليامي" إن الجرائم التي ترتكبها الميليشيات لا يمكن السكوت عنها. '
        'وأضاف "اليامي": "يجب أن يتحرك المجتمع الدولي فورا".'
    )
    found = find_quotes(text)
    assert [(q.span.text[:10], _label(found, q.source_id)) for q in found.quotes] == [
        ("الجرائم ال", "اليامي"),
        ("يجب أن يتح", "اليامي"),
    ]
    # Further from إن, a quoted name the tagger found a person is the speaker too.
    from marsad.pipeline import analyze

    analysis = analyze(
        "دعا رئيس اللجنة الدكتور هادي بن علي اليامي الهيئات الدولية إلى التحرك. وقال "
        '"اليامي" في بيان له اليوم إنه التقى وزير حقوق الإنسان اليمني.'
    )
    (quote,) = analysis.quotes
    (source,) = [s for s in analysis.sources if s.id == quote.source_id]
    assert source.name is not None and source.name.text == "اليامي"


def test_a_name_after_a_role_and_its_body_is_the_speaker() -> None:
    from marsad.pipeline import analyze

    analysis = analyze(
        "وقال المسؤول الإعلامي للجناح العسكري لحزب العمال الكردستاني بختيار دوغان إن الهجوم "
        "جاء ردا على القصف."
    )
    (source,) = analysis.sources
    assert source.kind == "person" and source.name is not None
    assert source.name.text == "بختيار دوغان"
    assert source.description is not None and source.description.text.startswith("المسؤول")


def test_a_description_in_quotation_marks_is_the_speakers_words() -> None:
    described = "في تحرك وصفه مسؤول أميركي بأنه «مهم في منع تمويل الإرهاب في المنطقة»."
    (quote,) = find_quotes(described).quotes
    assert quote.span.text == "مهم في منع تمويل الإرهاب في المنطقة"
    assert find_quotes("ووصف الوزير الاتفاق بأنه خطوة مهمة نحو السلام.").quotes == []


def test_a_long_title_between_the_name_and_what_was_said() -> None:
    from marsad.pipeline import analyze

    analysis = analyze(
        "أوضح الأمير بندر بن عبدالله بن عبدالعزيز عضو مجلس أمناء مؤسسة الملك عبد الله "
        "العالمية للأعمال الإنسانية، أن المؤسسة تدعم مبادرة رسل السلام."
    )
    (quote,) = analysis.quotes
    (source,) = analysis.sources
    assert quote.span.text == "المؤسسة تدعم مبادرة رسل السلام"
    assert source.name is not None and source.name.text == "بندر بن عبدالله بن عبدالعزيز"


def test_a_participle_goes_on_with_the_subject_not_the_accused() -> None:
    text = (
        "واتهم محافظ حضرموت عادل باحميد القيادي في الحراك أحمد الجريري بمحاولة إثارة "
        "الفوضى، قائلاً: «لن نسمح بذلك»."
    )
    found = find_quotes(text)
    assert [_label(found, q.source_id) for q in found.quotes] == ["عادل باحميد"]


def test_a_post_is_an_occasion_and_its_medium_no_quote() -> None:
    text = (
        "وقال فيصل القاسم إن الوضع صعب. وتابع في تدوينة أخرى: “ما أصعب الثورات حين تطول”. "
        "وذكر في تدوينة له على “فيس بوك”: “كل شيء يبدو رخيصاً في هذا الزمن”."
    )
    found = find_quotes(text)
    assert [(q.span.text[:12], _label(found, q.source_id)) for q in found.quotes] == [
        ("الوضع صعب", "فيصل القاسم"),
        ("ما أصعب الثو", "فيصل القاسم"),
        ("كل شيء يبدو ", "فيصل القاسم"),
    ]


def test_a_name_inside_a_body_is_not_its_spokesman() -> None:
    from marsad.pipeline import analyze

    analysis = analyze(
        "وقال المتحدث الرسمي باسم مركز الملك سلمان للإغاثة والأعمال الإنسانية، رأفت الصباغ، "
        "إن الطائرة وصلت. وقال المركز الإعلامي للمقاومة إن المعارك مستمرة."
    )
    names = [s.name.text if s.name else None for s in analysis.sources]
    assert names == ["رأفت الصباغ", "المركز الإعلامي للمقاومة"]


def test_a_subject_fronted_after_amma_or_illa_anna_speaks() -> None:
    for text, speaker in (
        ("وقال الوزير إن الوضع صعب. أما المتحدث باسم الجيش فأفاد بأن القوات تقدمت.", "المتحدث"),
        ("وقال الوزير إن الوضع صعب. إلا أن مصادر محلية أكدت أن القوات انسحبت.", "مصادر"),
    ):
        found = find_quotes(text)
        last = next(s for s in found.sources if s.id == found.quotes[-1].source_id)
        assert last.description is not None and last.description.text.startswith(speaker)


def test_trailing_attributions_with_hasab_ma_and_ala_ma() -> None:
    for text, speaker in (
        ("وقتل ثلاثة مدنيين في القصف، حسب ما أفاد مصدر طبي.", "مصدر طبي"),
        ("وقتل شرطي في هجوم بمدينة ديار بكر، على ما أعلنت الشرطة التركية.", "الشرطة التركية"),
    ):
        found = find_quotes(text)
        (quote,) = found.quotes
        assert _label(found, quote.source_id) == speaker
    assert find_quotes("وهو على ما يبدو قرار نهائي لا رجعة فيه.").quotes == []


def test_the_one_asked_answers_not_a_name_inside_the_question() -> None:
    # Review 12: the hostage named in the question was given the official's answer.
    text = (
        "أفرجت السلطات عن الرهينة الفرنسية ايزابيل بريم. وسئل مسؤول فرنسي عما اذا كان "
        "اطلاق سراح بريم جاء بعد دفع فدية فقال ان فرنسا لا تعطي أي تفاصيل عن احتجاز الرهائن."
    )
    start = text.index("ايزابيل بريم")
    later = text.index("بريم جاء")
    mentions = [
        Mention(span=Span.of(text, start, start + len("ايزابيل بريم")), label="PER"),
        Mention(span=Span.of(text, later, later + len("بريم")), label="PER"),
    ]
    found = find_quotes(text, mentions=mentions)
    (quote,) = found.quotes
    assert quote.span.text.startswith("فرنسا لا تعطي")
    assert _label(found, quote.source_id) == "مسؤول فرنسي"
    (source,) = found.sources
    assert source.name is None


def test_without_ends_the_speaker_and_the_quote_follows_it() -> None:
    text = 'وقال البيان دون ان يقدم اي تفاصيل "مواطنتنا ايزابيل بريم جرى تحريرها".'
    found = find_quotes(text)
    (quote,) = found.quotes
    assert quote.span.text == "مواطنتنا ايزابيل بريم جرى تحريرها"
    assert _label(found, quote.source_id) == "البيان"


def test_where_and_in_what_it_was_said_stand_between_speaker_and_quote() -> None:
    # Review 12: three quotes missed.
    airport = 'وقال وزير النقل بدر محمد باسلمه للصحافيين في المطار "انها بداية العمليات في المطار".'
    analysis = analyze(airport)  # the tagger gives the full name
    (quote,) = analysis.quotes
    assert quote.span.text == "انها بداية العمليات في المطار"
    (source,) = analysis.sources
    assert source.name is not None and source.name.text == "بدر محمد باسلمه"
    tweets = (
        "وقال خلفان في سلسلة من التغريدات على صفحته بموقع التواصل الاجتماعي، تويتر: "
        '"الايرانيون سيتركون النووي".'
    )
    (tweeted,) = find_quotes(tweets).quotes
    assert tweeted.span.text == "الايرانيون سيتركون النووي"
    report = "ونقل التقرير عن عسكريين أميركيين رفيعي المستوى قولهم إن الانسحاب كان خطأ."
    found = find_quotes(report)
    (source,) = found.sources
    assert source.anonymous and source.name is None


def test_a_preposition_after_a_title_opens_no_name() -> None:
    text = (
        "ويرى الجنرال رايموند أوديرنو أن الانسحاب كان خطأ. وذكّر الجنرال بتوصياته بإبقاء 35 "
        "ألف جندي أميركي في العراق بعد الانسحاب."
    )
    found = find_quotes(text)
    assert {_label(found, q.source_id) for q in found.quotes} == {"رايموند أوديرنو"}


def test_the_reporter_turning_to_another_story_ends_a_quote() -> None:
    # Review 13: with no full stop, a ministry's quote took in an anonymous source's words.
    text = (
        "أعلنت وزارة الداخلية العراقية أمس أن حصيلة تفجير السيارة المفخخة في بغداد الجديدة "
        "ارتفعت إلى 66 قتيلا وجريحا من جهة أخرى أفاد مصدر أمني في محافظة الأنبار بأن قوة من "
        "جهاز مكافحة الإرهاب بدأت عملية عسكرية لاستعادة جامعة الأنبار"
    )
    found = find_quotes(text)
    first, second = found.quotes
    assert first.span.text.endswith("66 قتيلا وجريحا")
    assert _label(found, first.source_id) == "وزارة الداخلية العراقية"
    assert second.span.text.startswith("قوة من جهاز مكافحة الإرهاب")
    assert next(s for s in found.sources if s.id == second.source_id).anonymous


def test_a_named_speaker_after_a_long_role_chain() -> None:
    text = (
        "وفي هذا السياق يقول القيادي في التحالف الكردستاني وعضو لجنة العلاقات الخارجية في "
        "البرلمان العراقي السابق مهدي خوشناو لـ«الشرق الأوسط» إن «ما حصل من تقدم على صعيد "
        "العلاقات بين العراق والكويت هو أمر مهم»."
    )
    [source] = find_quotes(text).sources
    assert source.name is not None and source.name.text == "مهدي خوشناو"


def test_a_name_after_a_kin_noun_is_the_relatives_not_the_speakers() -> None:
    # Review 14: "نجل رئيس الجمهورية السابق جلال الطالباني" is the son, and his words were
    # credited to his father; "والد الشهيد محمد العلي" would have given the father the
    # dead son's name.
    for text in (
        "وأضاف نجل رئيس الجمهورية السابق جلال الطالباني أن الأكراد أمة.",
        "وقال والد الشهيد محمد العلي إن ابنه قتل في القصف.",
    ):
        [source] = find_quotes(text).sources
        assert source.name is None and source.entity_id is None
    [named] = find_quotes("وقال وزير الخارجية عادل الجبير إن المملكة ماضية.").sources
    assert named.name is not None and named.name.text == "عادل الجبير"


def test_a_network_is_an_organisation_that_speaks() -> None:
    # Review 14: "وبحسب شبكة تعز الإخبارية فإنه" was missed.
    [source] = find_quotes("وبحسب شبكة تعز الإخبارية فإن الفيلم سيعرض خلال أيام.").sources
    assert source.kind == "organisation" and source.name is not None
    assert source.name.text == "شبكة تعز الإخبارية"
