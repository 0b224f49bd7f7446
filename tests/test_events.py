"""Events: ACLED taxonomy as data, precision-first rules, tolls, dates, actors, places, merging."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from marsad import analyze
from marsad.arabic import match_key
from marsad.events import EventsComponent, events_component, extract_events, taxonomy
from marsad.events import lexicon_data as lex
from marsad.events.clauses import clause_ids
from marsad.events.extractor import CORROBORATION, default_filter, read_sentences
from marsad.events.fatalities import death_toll
from marsad.events.filter import EventFilter
from marsad.events.keyed import KeyedSentence
from marsad.events.rules import Candidate
from marsad.events.train import examples, fit
from marsad.ingest.text import read_input
from marsad.model import Analysis, Article, Document, Entity, Event, Mention, Place, Span
from marsad.pipeline import Pipeline, analyze_document
from marsad.store.export import acled_rows

FIXTURES = Path(__file__).parent / "fixtures" / "events"
FIXTURE = FIXTURES / "saudinewsnet-sentences.jsonl"
HELD_OUT = FIXTURES / "saudinewsnet-heldout.jsonl"
FRESH = FIXTURES / "saudinewsnet-fresh.jsonl"
PUBLISHED = date(2015, 8, 1)


# The rules' own verdict, without the learned filter (as ``bench/events_eval.py --rules``).
RULES_ONLY = EventFilter({"rules:accepted": 2.0, "rules:blocked": -2.0}, 0.0, 0.5)


def events_of(
    text: str,
    published: date | None = PUBLISHED,
    event_filter: EventFilter | None = None,
    **fields: Any,
) -> list[Event]:
    article = Article(text=text, published=published)
    document = Document.from_bytes(text.encode(), source="test", media_type="text")
    return extract_events(Analysis(document=document, article=article, **fields), event_filter)


def org_mentions(text: str, spans: dict[str, str]) -> list[Mention]:
    """ORG mentions of ``text``, as the entity component would give them: id → words."""
    return [
        Mention(span=Span.of(text, text.index(s), text.index(s) + len(s)), label="ORG", entity_id=k)
        for k, s in spans.items()
    ]


def test_the_taxonomy_has_acleds_six_types() -> None:
    types = taxonomy()
    assert list(types) == [
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    ]
    assert "Change to group/activity" in types["Strategic developments"]
    assert "Non-violent transfer of territory" in types["Strategic developments"]
    sub_types = {s for subs in types.values() for s in subs}
    assert {t[0] for t in lex.TRIGGERS} <= sub_types


def test_the_events_component_alone_invents_nothing_on_the_seed(seed_text: str) -> None:
    # Without the entity and place components (the filter is fitted with them) the
    # component may miss the defections, but it codes nothing else and no toll.
    analysis = analyze(seed_text, pipeline=Pipeline([events_component()]))
    assert {(e.sub_type, e.fatalities) for e in analysis.events} <= {
        ("Change to group/activity", None)
    }


def test_seed_event_through_the_whole_pipeline(seed_text: str) -> None:
    # The reading: Islamic State, Deir ez-Zor at the precision of a governorate
    # ("في محافظة #دير_الزور" in the lede; later sentences that say only "دير الزور" do
    # not narrow it to the same-named city), no fatalities, no party acting on itself.
    analysis = analyze(seed_text)
    [event] = analysis.events
    assert "انشق" in event.evidence.text  # a sentence that tells the defections
    assert event.evidence.text == analysis.article.text[event.evidence.start : event.evidence.end]
    assert (event.sub_type, event.actor1, event.actor2) == (
        "Change to group/activity",
        "org:islamic-state",
        None,
    )
    assert (event.place_id, event.precision, event.fatalities) == ("geonames:170792", 3, None)


def test_seed_event_takes_its_actor_and_place_from_earlier_components(seed_text: str) -> None:
    text = analyze(seed_text, pipeline=Pipeline([])).article.text
    group_at = text.index("تنظيم الدولة الإسلامية")
    place_at = text.index("دير_الزور")
    mentions = [
        Mention(
            span=Span.of(text, group_at, group_at + len("تنظيم الدولة الإسلامية")),
            label="ORG",
            entity_id="org:islamic-state",
        )
    ]
    entities = [Entity(id="org:islamic-state", type="ORG", name="تنظيم الدولة الإسلامية")]
    places = [
        Place(
            span=Span.of(text, place_at, place_at + len("دير_الزور")),
            id="SY09",
            name="دير الزور",
            kind="governorate",
            precision=2,
            country="SY",
        )
    ]
    # Given one mention, the filter (fitted with the whole pipeline's mentions) finds the
    # defections less likely than the rules do; what is tested here is where the actor
    # and the place come from, so the rules decide.
    [event] = events_of(text, None, RULES_ONLY, mentions=mentions, entities=entities, places=places)
    assert event.actor1 == "org:islamic-state"
    assert (event.place_id, event.precision) == ("SY09", 2)
    assert event.fatalities is None


@pytest.mark.parametrize(
    ("sentence", "count", "at_least"),
    [
        ("قتل 25 مقاتلاً على الأقل في المعارك.", 25, True),
        ("وقتل 12 وجرح 30 في القصف.", 12, False),  # the wounded in a clause of their own
        ("مما أدى إلى مقتل 43 مدنيا على الأقل وإصابة 173.", 43, True),
        ("أسفرت عن مقتل 6 مقاتلين من المقاومة، و11 حوثيا.", 17, False),
        (  # the other side's dead, told by a verb before their number
            "أن 54 من الحوثيين قتلوا في معارك الحوطة، إضافة إلى 38 جريحا، فيما استشهد سبعة "
            "من عناصر المقاومة.",
            61,
            False,
        ),
        (
            "فان اثنين من رجال المقاومة قُتلوا خلال المعارك، في مقابل مقتل 10 من مسلحي الحوثيين.",
            12,
            False,
        ),
        ("أن 28 شخصا على الأقل لقوا حتفهم جراء انهيارات أرضية.", 28, True),
        ("مقتل خمسة وعشرين جنديا.", 25, False),
        ("مقتل ما لا يقل عن ثلاثين مدنيا.", 30, True),
        ("سقوط 12 قتيلا و30 جريحا.", 12, False),
    ],
)
def test_death_tolls(sentence: str, count: int, at_least: bool) -> None:
    toll = death_toll(KeyedSentence(sentence, 0, len(sentence)))
    assert toll is not None
    assert (toll.count, toll.at_least) == (count, at_least)


@pytest.mark.parametrize(
    "sentence",
    [
        "إصابة 45 شخصًا في الهجوم.",
        "مقتل عشرات من المسلحين.",
        "سوريا: تأكيد مقتل قائد الفرقة 11 دبابات..",
        "شن طيران التحالف 14 غارة على مواقع الحوثيين.",
        # the dead and the wounded counted together (review 13)
        "ارتفعت حصيلة تفجير السيارة المفخخة إلى 66 قتيلاً وجريحاً.",
        "سقط أكثر من 90 مدنيا بين قتيل وجريح.",
    ],
)
def test_no_toll_is_invented(sentence: str) -> None:
    assert death_toll(KeyedSentence(sentence, 0, len(sentence))) is None


def test_an_air_strike_with_its_toll_date_and_evidence() -> None:
    text = (
        "ذكرت مصادر صحفية من مأرب، في وقت مبكّر من اليوم السبت، أن 25 حوثياً قتلوا جراء قصف "
        "جوي شنته قوات التحالف على مواقعهم بمدينة مأرب شرقي اليمن."
    )
    [event] = events_of(text)
    assert (event.type, event.sub_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert (event.fatalities, event.fatalities_at_least) == (25, False)
    assert event.event_date == PUBLISHED
    assert event.date_span is not None and event.date_span.text == "اليوم السبت"
    assert event.evidence == Span.of(text, 0, len(text))


def test_an_event_without_a_stated_date_has_none() -> None:
    [event] = events_of("مقتل 25 حوثياً جراء غارات التحالف على مواقع تابعة لهم بمأرب")
    assert (event.event_date, event.date_span) == (None, None)


def test_yesterday_resolves_against_the_report_date() -> None:
    text = "وأفاد شهود أن اشتباكات مسلحة متقطعة جرت أمس في ضاحية عدن الشرقية."
    [event] = events_of(text, date(2015, 7, 21))
    assert event.sub_type == "Armed clash"
    assert event.event_date == date(2015, 7, 20)


def test_the_same_event_told_three_times_is_one_event() -> None:
    text = (
        "مقتل 25 حوثياً جراء غارات التحالف على مواقع تابعة لهم بمأرب\n"
        "ذكرت مصادر صحفية من مأرب، في وقت مبكّر من اليوم السبت، أن 25 حوثياً قتلوا جراء قصف "
        "جوي شنته قوات التحالف على مواقعهم بمدينة مأرب شرقي اليمن.\n"
        "وقالت المصادر، إن غارات عنيفة شنتها مقاتلات التحالف على مواقع الحوثيين في منطقة "
        "الجفينة والبلق جنوب غرب مأرب، أسفرت عن مقتل 25 حوثياً وجرح 15 آخرين."
    )
    events = events_of(text)
    assert [(e.sub_type, e.fatalities) for e in events] == [("Air/drone strike", 25)]
    assert events[0].evidence.start == 0  # the first telling is the evidence


def test_events_at_different_places_stay_apart() -> None:
    text = (
        "مقتل 25 حوثياً جراء غارات التحالف على مواقع تابعة لهم بمأرب\n"
        "وجاء هذا التقدم تحت غطاء جوي من طائرات التحالف بقيادة المملكة الذي استهدف عدة مواقع "
        "للحوثيين في محيط مدينة زنجبار ومعسكر اللواء15ميكا المرابط داخل المدينة."
    )
    marib, zinjibar = text.index("مأرب"), text.index("زنجبار")
    places = [
        Place(span=Span.of(text, marib, marib + 4), id="YE-MA", kind="city", precision=1),
        Place(span=Span.of(text, zinjibar, zinjibar + 6), id="YE-ZI", kind="city", precision=1),
    ]
    events = events_of(text, places=places)
    assert [(e.sub_type, e.place_id) for e in events] == [
        ("Air/drone strike", "YE-MA"),
        ("Air/drone strike", "YE-ZI"),
    ]
    assert [e.fatalities for e in events] == [25, None]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "وقال ضابط إن انتحاريين فجرا نفسيهما بداخل ثكنة للجيش في منطقة الثرثار أمس.",
            "Suicide bomb",
        ),
        ("وشهدت مدينة تعز مواجهات عنيفة في حي الجمهوري أمس.", "Armed clash"),
        (
            "وأوضحت القيادة أن طيران التحالف نفذ 15 طلعة جوية في محافظة الأنبار أمس أسفرت عن "
            "مقتل 25 من عناصر التنظيم.",
            "Air/drone strike",
        ),
        ("وقالت الحكومة إنها ارتأت إيقاف القصف لحين خروج المدنيين من المدينة.", None),
        ("وانتزع مقاتلون تدعمهم غارات جوية السيطرة على البلدة الأسبوع الماضي.", None),
    ],
)
def test_phrasings_of_events_and_of_their_absence(text: str, sub_type: str | None) -> None:
    found = {e.sub_type for e in analyze(text).events}
    if sub_type is None:
        assert not found & {"Air/drone strike", "Shelling/artillery/missile attack"}
    else:
        assert sub_type in found


def test_strikes_in_two_countries_and_takings_of_two_towns_are_two_events() -> None:
    text = (
        "وشنت مقاتلات تركية أمس غارات جوية على مواقع لتنظيم داعش في سوريا ومعسكرات لحزب "
        "العمال الكردستاني في شمال العراق."
    )
    strikes = [e for e in analyze(text).events if e.sub_type == "Air/drone strike"]
    assert [e.place_span.text for e in strikes if e.place_span] == ["سوريا", "شمال العراق"]
    taken = analyze(
        "وتمكنت المقاومة أمس من السيطرة على عدد من الأحياء في مدينتي التواهي غربا وكريتر جنوبا."
    ).events
    assert [e.place_span.text for e in taken if e.place_span] == ["التواهي", "كريتر"]


def test_a_possessed_noun_is_the_event_only_after_a_verb_of_waging() -> None:
    waged = analyze("وكثفت قوات النظام قصفها على بلدة الزبداني في ريف دمشق أمس.")
    assert [e.sub_type for e in waged.events] == ["Shelling/artillery/missile attack"]
    assert analyze("وقال المتحدث إن هجومهم على المدينة فشل.").events == []


def test_a_list_of_unknown_towns_is_coded_at_each_in_the_area_that_holds_them() -> None:
    text = (
        "وتمكنت المقاومة الشعبية أمس من السيطرة على مديريتي مشرعة وحدنان في محافظة تعز "
        "بعد معارك عنيفة مع الحوثيين."
    )
    analysis = analyze(text)
    taken = [e for e in analysis.events if e.type == "Battles"]
    assert [e.place_span.text for e in taken if e.place_span] == ["مشرعة", "حدنان"]
    taiz = {p.id for p in analysis.places if p.span.text == "تعز"}
    assert {e.place_id for e in taken} == taiz  # coded at the governorate, named as written
    rows = acled_rows(1, analysis)
    assert [r["location"] for r in rows if r["event_type"] == "Battles"] == ["مشرعة", "حدنان"]


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("شنت طائرات التحالف غارات على مواقع الحوثيين في مأرب أمس.", "الحوثيين"),
        ("واصلت الطائرات قصف أهداف لـ«داعش» في ريف حلب أمس.", "داعش"),
        ("استهدف القصف مقرات تابعة للحوثيين في صعدة أمس.", "للحوثيين"),
    ],
)
def test_a_party_named_as_the_target_is_never_actor_one(text: str, targets: str) -> None:
    [event] = events_of(text, mentions=org_mentions(text, {"t": targets}))
    assert (event.actor1, event.actor2) == (None, "t")


@pytest.mark.parametrize(
    ("text", "spans", "actors"),
    [
        (  # verb, then subject: the subject acts, a party further on is acted upon
            "قصفت قوات المعارضة في ريف حلب قريتي نبل والزهراء أمس.",
            {"opposition": "قوات المعارضة", "nubl": "نبل"},
            ("opposition", "nubl"),
        ),
        (  # the trigger's clause names only the target: the main subject acts
            "واستبقت قوات التحالف هجوما، حيث قصفت المقاتلات أمس مواقع للمتمردين قرب المضيق.",
            {"coalition": "قوات التحالف", "rebels": "للمتمردين"},
            ("coalition", "rebels"),
        ),
        (  # a count and من: the arrested, not the police
            "وأعلنت السلطات أمس أن الشرطة اعتقلت 590 من عناصر داعش في إسطنبول.",
            {"isis": "داعش"},
            (None, "isis"),
        ),
        (  # ل right after the trigger names the author of the strikes
            "وأفادت مصادر بمقتل عشرات من الحوثيين في غارات للتحالف على صعدة أمس.",
            {"houthis": "الحوثيين", "coalition": "للتحالف"},
            ("coalition", "houthis"),
        ),
        (  # a party that was killed in the strike suffered it; the author is unnamed
            "وقال مصدر أمس إن قياديا في داعش وخمسة متطرفين قتلوا في غارة جوية قرب الحسكة.",
            {"isis": "داعش"},
            (None, "isis"),
        ),
        (  # who objects to the shelling is no party to it
            "وندد الائتلاف الوطني السوري أمس بقصف قوات النظام بلدة الزبداني.",
            {"coalition": "الائتلاف الوطني السوري", "army": "قوات النظام"},
            ("army", None),
        ),
        (  # a person and من: one of the party the event befell
            "استشهاد جندي من منسوبي القوات البرية بعدما أصيب أمس بمقذوف أطلقته ميليشيا الحوثي.",
            {"army": "القوات البرية", "houthis": "ميليشيا الحوثي"},
            ("houthis", "army"),
        ),
        (  # who waged them, named after the strikes and their verb of waging
            "ودمرت غارات جوية شنتها مقاتلات التحالف العربي أمس مواقع الحوثيين في صعدة.",
            {"coalition": "مقاتلات التحالف العربي", "houthis": "الحوثيين"},
            ("coalition", "houthis"),
        ),
        (  # the other side of a battle, after its verb and مع
            "وقالت القيادة إن قوات الأمن دخلت جامعة الأنبار أمس واشتبكت مع مسلحي داعش.",
            {"isf": "قوات الأمن", "is": "داعش"},
            ("isf", "is"),
        ),
    ],
)
def test_who_acts_and_who_is_acted_upon(
    text: str, spans: dict[str, str], actors: tuple[str | None, str | None]
) -> None:
    [event] = events_of(text, mentions=org_mentions(text, spans))
    assert (event.actor1, event.actor2) == actors


def test_a_speaker_who_tells_of_the_event_is_not_its_actor() -> None:
    from marsad.pipeline import analyze

    analysis = analyze(
        "وقال وزير الخارجية التركي مولود جاويش أوغلو في مؤتمر صحافي أمس إن الشرطة "
        "اعتقلت 590 من عناصر تنظيم داعش في إسطنبول."
    )
    [event] = analysis.events
    assert event.sub_type == "Arrests"
    # the police (Turkey's, in a report about Turkey) arrested; the minister only told it
    assert (event.actor1, event.actor2) == ("org:turkish-police", "org:islamic-state")


@pytest.mark.parametrize(
    "text",
    [
        "تركيا تضرب بيد من حديد جميع المنظمات المتطرفة وتمنع التظاهر",
        "وحظرت السلطات المظاهرات في بغداد أمس.",
    ],
)
def test_a_ban_on_protests_is_no_protest(text: str) -> None:
    assert events_of(text) == []


def test_taking_territory_depends_on_who_takes_it() -> None:
    government = events_of("القوات العراقية تستعيد منطقتين شمال شرقي الرمادي")
    rebels = events_of(
        "سيطر تنظيم داعش، أول من أمس، على عدة نقاط في محيط حقل جزل النفطي بريف حمص الشرقي، "
        "بعد مواجهات مع قوات الأسد.",
        date(2015, 7, 31),
    )
    assert [e.sub_type for e in government] == ["Government regains territory"]
    assert [(e.sub_type, e.event_date) for e in rebels] == [
        ("Non-state actor overtakes territory", date(2015, 7, 29))
    ]


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        (
            "وسيطر الحوثيون المتحالفون مع وحدات للجيش موالية للرئيس السابق علي عبد الله صالح "
            "على عدن في مارس آذار وأبريل نيسان في بداية الحرب المستمرة منذ أربعة أشهر.",
            date(2015, 7, 24),
        ),
        (
            "وسيطر تنظيم داعش على مجمل محافظة دير الزور في صيف 2014 بما فيها مدينة البوكمال.",
            date(2015, 8, 1),
        ),
        ("وحاليا يسيطر «داعش» بشكل نهائي على مدينة سرت وبات يدير مرافقها.", date(2015, 7, 21)),
    ],
)
def test_control_long_held_is_no_event(sentence: str, published: date) -> None:
    assert events_of(sentence, published) == []


def _fixture(path: Path = FIXTURE) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


HARD_NEGATIVES = {
    "threat": "هدد «داعش» الحكومة التركية بالرد",
    "plan": 'كانوا يخططون ل"سلسلة عمليات ارهابية في المغرب"',
    "history": "2 أغسطس (آب) 1990: اعتدى العراق على الحدود الكويتية",
    "denial": "كذبت حركة المقاومة الإسلامية (حماس)",
    "future": "أعلنت تركيا أمس أنها ستطلق قريبا هجوما «واسع النطاق»",
    "statistic": "مقتل 2927 على الأقل من تنظيم داعش",
    "negation": "ليس هناك سيطرة أو معارك داخل قاعدة العند",
    "weeks old": "في مسجد الصادق خلال صلاة جمعة 26 يونيو (حزيران) الماضي",
}


@pytest.mark.parametrize("kind", sorted(HARD_NEGATIVES))
def test_hard_negatives_from_the_fixture_are_no_events(kind: str) -> None:
    [row] = [r for r in _fixture() if HARD_NEGATIVES[kind] in str(r["text"])]
    assert row["events"] == []
    assert events_of(str(row["text"]), date.fromisoformat(str(row["date"]))) == []


@pytest.mark.parametrize(
    ("path", "batches", "least"),
    [
        (FIXTURE, {1, 2, 3, *range(5, 31)}, 2600),
        (HELD_OUT, {4}, 150),
        (FRESH, {31, 32, 33, 34}, 300),
    ],
)
def test_the_fixtures_are_labelled_consistently(path: Path, batches: set[int], least: int) -> None:
    rows = _fixture(path)
    assert len(rows) >= least
    assert {r["batch"] for r in rows} == batches
    sub_types = taxonomy()
    for row in rows:
        for event in row["events"]:  # type: ignore[attr-defined]
            assert event["sub_type"] in sub_types[event["type"]]
            for slot in ("actor1", "actor2", "place"):
                if event[slot]:
                    assert match_key(event[slot])[-3:] in match_key(str(row["text"]))


def test_the_component_skips_reports_not_in_arabic() -> None:
    text = "Air strikes hit rebel positions near the city on Friday, killing 12 fighters."
    analysis = analyze(text, pipeline=Pipeline([events_component()]))
    assert analysis.events == []


def test_development_held_out_and_fresh_sentences_do_not_overlap() -> None:
    files = [[r["id"] for r in _fixture(path)] for path in (FIXTURE, HELD_OUT, FRESH)]
    every = [ident for ids in files for ident in ids]
    assert len(every) == len(set(every))


def test_clauses_start_at_punctuation_subordinators_and_joined_verbs() -> None:
    text = "وتوعد التنظيم بالرد، فيما قصفت الطائرات مواقعه التي يتحصن بها وقتل 5 من عناصره"
    sentence = KeyedSentence(text, 0, len(text))
    ids = dict(zip((t.key for t in sentence.tokens), clause_ids(sentence), strict=True))
    assert ids["وتوعد"] == ids["بالرد"] == 0
    assert ids["فيما"] == ids["قصفت"] == ids["التي"] == 1  # a relative clause stays with its noun
    assert ids["وقتل"] == ids["عناصره"] == 2


def test_a_threat_blocks_its_own_clause_not_the_next() -> None:
    text = "وتوعد التنظيم بالرد، فيما شنت طائرات التحالف غارات على مواقعه في الرقة أمس."
    assert [e.sub_type for e in events_of(text)] == ["Air/drone strike"]
    [strike] = _candidates(text)
    assert strike.accepted
    assert "modal_in_earlier_clause" in strike.signals
    assert "modal_before" not in strike.signals
    threat = "وتوعد التنظيم بشن غارات على مواقع الجيش في الرقة أمس."
    [blocked] = _candidates(threat)
    assert "modal_before" in blocked.signals and not blocked.accepted
    assert events_of(threat) == []


def test_battles_told_by_their_dead_and_advances_are_events() -> None:
    dead = events_of("وقال المصدر إن قوة أمنية تمكنت من قتل 19 مسلحاً من داعش في ناحية قرة تبه أمس.")
    assert [(e.type, e.fatalities) for e in dead] == [("Battles", 19)]
    advance = events_of("وتقدمت قوات المقاومة الشعبية ووصلت الى مصنع الحديد في منطقة الوهط أمس.")
    assert [e.sub_type for e in advance] == ["Armed clash"]


def test_a_killing_of_civilians_is_violence_against_civilians() -> None:
    # The rules read it as an attack on civilians, not a battle; whether it is kept is
    # the learned filter's call (few such sentences in the development batches).
    text = "وقتل مسلحون من التنظيم ثلاثة مدنيين في قرية الشيخ مسكين أمس."
    [candidate] = _candidates(text)
    assert (candidate.sub_type, candidate.accepted) == ("Attack", True)
    assert "civilians_near" in candidate.signals
    assert {e.type for e in analyze(text).events} <= {"Violence against civilians"}


def test_the_day_a_statement_was_made_is_not_the_events_day() -> None:
    from marsad.events.train import analyse, upstream_pipeline

    def dates(text: str) -> list[date | None]:
        row = {"id": "t", "text": text, "date": "2015-07-31"}
        return [e.event_date for e in extract_events(analyse(row, upstream_pipeline()))]

    told = "وأعلن التحالف الدولي اليوم الجمعة أن طائراته نفذت غارات على مواقع داعش في الرقة"
    assert dates(f"{told} أمس.") == [date(2015, 7, 30)]
    assert dates(f"{told}.") == [date(2015, 7, 31)]  # only the day it was said: the best given


def test_days_ago_with_no_count_dates_no_event() -> None:
    vague = "وشنت المقاومة هجمات على مواقع الحوثيين في لحج منذ أيام."
    assert [e.event_date for e in events_of(vague, date(2015, 8, 3))] == [None]
    counted = "وشنت المقاومة هجمات على مواقع الحوثيين في لحج منذ يومين."
    assert [e.event_date for e in events_of(counted, date(2015, 8, 3))] == [date(2015, 8, 1)]


def test_missing_details_do_not_deny_the_event() -> None:
    text = (
        "وقال مدير المرصد إنه لم يتضح إن كانت الغارة الجوية التي استهدفت محافظة الحسكة أمس "
        "نفذها الجيش السوري أو قوات التحالف."
    )
    assert [e.sub_type for e in events_of(text, date(2015, 8, 1))] == ["Air/drone strike"]
    denied = "ونفى الجيش أن تكون طائراته قد شنت غارات على مدينة الحسكة أمس."
    assert events_of(denied, date(2015, 8, 1)) == []


def test_a_date_in_a_name_is_no_history() -> None:
    # "قصر 22 مايو" is a palace in Aden, not a date three months before the report
    text = "وقال مصدر عسكري إن المقاومة استعادت أمس قصر 22 مايو الرئاسي في مدينة عدن."
    events = events_of(text, date(2015, 8, 1))
    assert [e.sub_type for e in events] == ["Government regains territory"]


def test_the_dead_of_a_blast_belong_to_the_blast() -> None:
    events = events_of("مقتل 15 شخصا في تفجير سيارة مفخخة في بلدة الطارمية أمس.")
    assert [e.type for e in events] == ["Explosions/Remote violence"]


def test_confidence_is_the_filters_probability_and_the_threshold_trades_recall() -> None:
    text = "وتقدمت قوات المقاومة الشعبية ووصلت الى مصنع الحديد في منطقة الوهط أمس."
    [event] = events_of(text)
    assert default_filter().threshold <= event.confidence <= 1
    strict = EventFilter(default_filter().weights, default_filter().bias, 0.999)
    assert extract_events(_analysis(text), strict) == []


def test_a_plausible_lead_is_the_evidence_when_the_body_confirms_it() -> None:
    # A filter that finds a telling likely only when it is dated, plausible otherwise.
    dated = EventFilter({"signal:dated": 3.0}, -0.2, 0.65)
    lead = "تعرض تنظيم داعش لحملة انشقاقات في صفوف عناصره."
    body = "وانشق عشرات العناصر عن تنظيم داعش في ريف دير الزور أمس."
    events = extract_events(_analysis(lead + "\n" + body), dated)
    assert [e.sub_type for e in events] == ["Change to group/activity"]
    assert events[0].evidence.start == 0  # the lead, confirmed by the body
    assert events[0].confidence > 0.65
    assert extract_events(_analysis(lead), dated) == []  # alone, a plausible telling is none
    assert CORROBORATION <= dated.probability(["signal:first_clause"]) < dated.threshold


def test_the_component_round_trips_its_filter(tmp_path: Path) -> None:
    component = events_component()
    component.to_disk(tmp_path)
    loaded = EventsComponent.from_disk(tmp_path)
    assert loaded.event_filter == component.event_filter


def test_the_filter_fits_and_separates_the_fixture() -> None:
    rows = [r for r in _fixture() if r["batch"] == 1]
    labelled = [
        (_analysis(str(r["text"]), date.fromisoformat(str(r["date"]))), r["events"]) for r in rows
    ]
    data = examples(labelled)  # type: ignore[arg-type]
    model = fit(data, 0.5, epochs=100)
    positives = [model.probability(f) for f, label in data if label]
    negatives = [model.probability(f) for f, label in data if not label]
    assert sum(positives) / len(positives) > 0.5 > sum(negatives) / len(negatives)


def _analysis(text: str, published: date | None = PUBLISHED) -> Analysis:
    article = Article(text=text, published=published)
    document = Document.from_bytes(text.encode(), source="test", media_type="text")
    return Analysis(document=document, article=article)


def _candidates(text: str) -> list[Candidate]:
    return [c for reading in read_sentences(_analysis(text)) for c in reading.candidates]


def test_a_city_and_its_governorate_do_not_tell_two_events_apart() -> None:
    text = (
        "تعرض تنظيم داعش أمس لحملة انشقاقات في محافظة دير الزور.\n"
        "وانشق عشرات العناصر عن تنظيم داعش في ريف دير الزور أمس."
    )
    governorate = text.index("دير الزور")
    countryside = text.index("ريف دير الزور")
    city = countryside + len("ريف ")
    places = [
        Place(
            span=Span.of(text, governorate, governorate + 9),
            id="SY-DZ",
            kind="governorate",
            precision=3,
            admin1="SY-DZ",
        ),
        Place(
            span=Span.of(text, countryside, countryside + 13),
            id="SY-DZ",
            kind="governorate",
            precision=3,
            relation="countryside",
        ),
        Place(  # the city inside "ريف دير الزور" is not where the defections were
            span=Span.of(text, city, city + 9),
            id="SY-DZ-CITY",
            kind="city",
            precision=1,
            admin1="SY-DZ",
        ),
    ]
    [event] = events_of(text, places=places)
    assert (event.place_id, event.precision) == ("SY-DZ", 3)
    assert event.evidence.start == 0
    analysis = _analysis(text)
    analysis.places.extend(places)
    second = list(read_sentences(analysis))[1]
    [candidate] = second.candidates
    assert (place := second.place(candidate)) is not None and place.id == "SY-DZ"


def test_a_vetoed_trigger_is_no_event_whatever_the_filter_says() -> None:
    eager = EventFilter({"signal:time_word": 10.0, "signal:dated": 10.0}, 0.0, 0.65)
    denied = "ولم تشن طائرات التحالف غارات على مواقع في الرقة أمس."
    [candidate] = _candidates(denied)
    assert "negated_clause" in candidate.signals  # "لم" negates the clause's verb
    assert extract_events(_analysis(denied), eager) == []
    told = "وشنت طائرات التحالف غارات على مواقع في الرقة أمس."
    assert [e.sub_type for e in extract_events(_analysis(told), eager)] == ["Air/drone strike"]


def test_an_outlet_that_reports_the_event_is_not_its_actor() -> None:
    analysis = analyze(
        "وأفاد مراسل الأناضول بأن دورية للشرطة تعرضت أمس لهجوم بقنابل يدوية في ديار بكر."
    )
    [event] = analysis.events
    assert event.sub_type == "Grenade" and (event.actor1, event.actor2) == (None, None)


def test_casualties_told_first_belong_to_the_blast_that_caused_them() -> None:
    # SaudiNewsNet (reuters via al-madina, 2015-07-22)
    text = (
        "وقتل ثمانية أشخاص آخرين وأصيب 16 عندما انفجرت سيارة ملغومة في شارع تجاري مزدحم "
        "في بلدة مندلي."
    )
    [event] = analyze(text).events
    assert (event.sub_type, event.fatalities) == ("Remote explosive/landmine/IED", 8)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (  # a near-place after a place only says where that place lies
            "وفي محافظة مأرب، شرق صنعاء، شنت طائرات التحالف غارات على مواقع الحوثيين أمس.",
            "iso:YE-MA",
        ),
        (  # where a statement was made is not where the event was
            "وقال المسؤول في مؤتمر صحافي عقده في أنقرة إن انتحاريا فجر نفسه أمس وسط حشد من الشباب.",
            None,
        ),
        (  # the source's place may well be the event's
            "وقال مراسل الهيئة في الحسكة إن اشتباكات عنيفة اندلعت أمس بين الطرفين.",
            "geonames:173811",
        ),
        (  # a place told after "في أعقاب" belongs to the earlier event
            "وشن مسلحون أمس هجوما على مركز للشرطة في مدينة ديار بكر، في أعقاب حملة القصف "
            "التركية على مواقع المقاتلين الأكراد في شمال العراق.",
            "geonames:316541",
        ),
        (  # the country across a border is not the place
            "انفجرت عبوة ناسفة أمس بدورية للشرطة في بلدة قرب الحدود مع العراق، ما أدى إلى "
            "إصابة سبعة شرطيين.",
            None,
        ),
    ],
)
def test_the_place_of_the_event(text: str, place: str | None) -> None:
    [event] = analyze(text).events
    assert event.place_id == place


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("مقتل 10 مدنيين منهم 3 أطفال في القصف", 10),  # a part of the toll is not added
        ("قتل خمسة أطفال دون سن الـ 18 في الغارة", 5),  # an age is no count
        ("وقال الجيش إن جنديين قتلا وأصيب 31 في هجوم", 2),  # a dual before its verb
    ],
)
def test_parts_of_a_toll_and_ages_are_not_added(text: str, toll: int) -> None:
    found = death_toll(KeyedSentence(text, 0, len(text)))
    assert found is not None and found.count == toll


def test_a_monitor_that_reports_the_event_is_not_its_actor() -> None:
    analysis = analyze(
        "وقال المرصد السوري لحقوق الإنسان إن الطيران الحربي شن أمس غارات على بلدة "
        "الزبداني في ريف دمشق."
    )
    [event] = analysis.events
    assert event.sub_type == "Air/drone strike" and event.actor1 is None


def test_bombs_seized_are_no_explosion() -> None:
    text = (
        "وأعلنت قيادة العمليات أمس اعتقال 41 عنصرا من داعش وضبط عشرات العبوات الناسفة "
        "والسيارات المفخخة في بغداد."
    )
    assert [e.type for e in events_of(text)] in ([], ["Strategic developments"])


def test_a_title_in_the_country_and_the_body_near_a_city_are_one_event() -> None:
    # SaudiNewsNet (aljazirah, 2015-07): the title's strike "in Syria" is the body's.
    text = (
        "مقتل ستة متطرفين في غارة بسوريا\n\n"
        "قال المرصد السوري لحقوق الإنسان أمس إن قياديا في تنظيم داعش وخمسة متطرفين آخرين "
        "قتلوا في غارة جوية قرب مدينة الحسكة في شمال شرق سوريا."
    )
    strikes = [e for e in analyze(text).events if e.sub_type == "Air/drone strike"]
    assert len(strikes) == 1
    assert (strikes[0].place_id, strikes[0].fatalities) == ("geonames:173811", 6)
    assert strikes[0].place_span is not None and strikes[0].place_span.text == "الحسكة"


def test_a_party_that_says_it_struck_is_actor_one() -> None:
    # "The coalition announced that it launched strikes on Houthi positions".
    analysis = analyze(
        "وأعلن التحالف العربي أنه شن أمس غارات جوية على مواقع الحوثيين في محافظة صعدة."
    )
    [event] = analysis.events
    assert event.sub_type == "Air/drone strike"
    assert (event.actor1, event.actor2) == ("org:saudi-led-coalition", "org:houthis")


def test_the_sides_of_a_clash_told_with_min_jiha() -> None:
    # "between the resistance and the army on one side, and the Houthis and Saleh's forces
    # on the other": the first named of each side.
    analysis = analyze(
        "واندلعت أمس مواجهات عنيفة بين المقاومة الشعبية والجيش الوطني من جهة، والحوثيين "
        "وقوات صالح من جهة أخرى في مدينة تعز."
    )
    [event] = analysis.events
    assert (event.actor1, event.actor2) == ("org:yemen-popular-resistance", "org:houthis")


@pytest.mark.parametrize(
    ("text", "actor1", "country"),
    [
        # the state right after the trigger did it; it is not where it happened
        ("وقصفت تركيا أمس مواقع حزب العمال الكردستاني في شمال العراق.", "loc:TR", "IQ"),
        (
            "وقتل أمس ثلاثة من عناصر القاعدة في الغارات التي تشنها الولايات المتحدة على "
            "مواقع التنظيم في محافظة شبوة.",
            "loc:US",
            "YE",
        ),
        # the state after a verb of waging before the trigger waged it
        (
            "وأدى ذلك إلى شن الولايات المتحدة أول غارات جوية على مواقع جبهة النصرة في شمال "
            "سورية أمس.",
            "loc:US",
            "SY",
        ),
    ],
)
def test_a_state_named_right_after_the_trigger_is_its_author(
    text: str, actor1: str, country: str
) -> None:
    from marsad.places.gazetteer import gazetteer

    [event] = analyze(text).events
    assert event.actor1 == actor1
    assert event.place_id is not None
    (entry,) = [e for e in gazetteer().entries if e.id == event.place_id]
    assert entry.country == country


def test_where_the_attackers_came_from_is_not_the_place() -> None:
    [event] = analyze(
        "وقتل أمس خمسة أشخاص في غارة لطائرة من دون طيار قادمة من المكلا على مدينة شبام."
    ).events
    assert event.sub_type == "Air/drone strike" and event.place_id == "geonames:70676"


def test_an_epithet_in_quotation_marks_is_no_event() -> None:
    text = (
        'وفيما وصفه رئيس الوزراء بأنه "معركة متزامنة ضد الإرهاب" سمحت تركيا للتحالف '
        "باستخدام قواعدها الجوية."
    )
    assert events_of(text) == []


def test_the_date_nearest_the_trigger_in_its_clause() -> None:
    # The suicide bombing happened on Monday; Wednesday is the day of another deed.
    events = events_of(
        "وجاء ذلك بعد تبني الحزب الأربعاء قتل شرطيين، وذلك ردا على هجوم انتحاري دموي وقع "
        "الاثنين في مدينة سروج التركية.",
        published=date(2015, 7, 25),
    )
    bombings = [e for e in events if e.sub_type == "Suicide bomb"]
    assert [e.event_date for e in bombings] == [date(2015, 7, 20)]


def test_a_date_in_a_relative_clause_before_the_trigger_dates_its_noun() -> None:
    events = events_of(
        "وبالقرب من قاعدة العند التي استعادها الثوار يوم الإثنين الماضي دارت أمس مواجهات "
        "عنيفة بين المقاومة الشعبية وبقايا قوات الانقلابيين.",
        published=date(2015, 8, 7),
        event_filter=RULES_ONLY,  # what is tested is the date, so the rules decide
    )
    assert [e.event_date for e in events if e.sub_type == "Armed clash"] == [date(2015, 8, 6)]


def test_the_sides_of_a_battle_told_either_way_are_one_battle() -> None:
    analysis = analyze(
        "واندلعت أمس اشتباكات عنيفة بين الحوثيين والمقاومة الشعبية في مدينة لودر. وأشارت "
        "المصادر إلى أن المقاومة الشعبية خاضت أمس معارك ضارية مع الحوثيين في مدينة لودر."
    )
    clashes = [e for e in analysis.events if e.sub_type == "Armed clash"]
    assert len(clashes) == 1


def test_parties_joined_to_the_author_act_with_it() -> None:
    [event] = analyze("وقصف الحوثيون وقوات صالح أمس أحياء سكنية في مدينة تعز.").events
    assert (event.actor1, event.actor2) == ("org:houthis", None)


@pytest.mark.parametrize(
    "text",
    [
        "وينفذ التحالف الدولي غارات جوية بشكل يومي ضد التنظيم.",  # routine, no incident
        "وأصدر قضاء النظام السوري أحكاماً بالإعدام على خمسة أشخاص بتهمة دعم الإرهاب.",
        "وشهدت المناطق الكردية خلال الشهرين الماضيين الكثير من الاشتباكات بين القوات "
        "الإيرانية والمقاتلين الأكراد.",  # many clashes over months, no one incident
    ],
)
def test_routines_court_sentences_and_counts_over_months_are_no_events(text: str) -> None:
    assert events_of(text) == []


def test_a_party_that_says_its_own_forces_struck_is_actor_one() -> None:
    [event] = analyze(
        "وأعلن التحالف العربي أن مقاتلاته شنت أمس غارات على مواقع الحوثيين في صعدة."
    ).events
    assert (event.actor1, event.actor2) == ("org:saudi-led-coalition", "org:houthis")


def test_entering_a_town_without_clashes_is_no_battle() -> None:
    assert events_of("ودخلت قوات المقاومة الشعبية أمس مدينة دمت دون حدوث أي مواجهات.") == []


def test_the_leader_of_a_coalition_is_not_the_place() -> None:
    [event] = analyze(
        "وشنت طائرات التحالف الذي تقوده الولايات المتحدة أمس غارات على مواقع داعش."
    ).events
    assert event.sub_type == "Air/drone strike" and event.place_id is None


def test_one_incident_dated_a_day_apart_is_one_event() -> None:
    # "today, Sunday" and "yesterday evening, Saturday": one report, one shelling.
    text = (
        "قتل جنديان سعوديان اليوم الأحد في قصف للحوثيين على منفذ الطوال في منطقة جازان. "
        "وأفاد مصدر عسكري بأن الحوثيين قصفوا منفذ الطوال في منطقة جازان مساء أمس السبت "
        "بقذائف الهاون."
    )
    shelling = [
        e
        for e in analyze_document(read_input(text), published=date(2015, 7, 26)).events
        if e.sub_type == "Shelling/artillery/missile attack"
    ]
    assert len(shelling) == 1


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (  # the coalition only supports the taking of the hill
            "وسيطرت قوات المقاومة الشعبية أمس بدعم من طيران التحالف على جبل العر في محافظة الضالع.",
            "org:yemen-popular-resistance",
            None,
        ),
        (  # the forces act, not the president they are loyal to
            "وتقدمت قوات المقاومة والجيش الموالية للرئيس عبدربه منصور هادي أمس نحو مدينة زنجبار.",
            "org:yemen-popular-resistance",
            None,
        ),
        (  # taken "from the hands of" the Houthis
            "واستعادت المقاومة الشعبية أمس السيطرة على التبة من أيدي الحوثيين في محافظة الضالع.",
            "org:yemen-popular-resistance",
            "org:houthis",
        ),
    ],
)
def test_supporters_patrons_and_losers_of_ground(
    text: str, actor1: str, actor2: str | None
) -> None:
    [event] = analyze(text).events
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_who_fights_on_the_ground_and_who_bombs_themselves_is_read_from_the_words() -> None:
    # Fighters who "target" a patrol fight it; suicide bombers who "attack" a pool need no
    # military target; an armed group that "arrests" people abducts them (ACLED).
    [ground] = _candidates("وأوضحت المقاومة أن مقاتليها استهدفوا دورية عسكرية للحوثيين.")
    assert ground.sub_type == "Armed clash" and "needs_unmet" not in ground.signals
    [convoy] = _candidates(  # review 13: the targeting's subject after its verbal noun
        "وأكدت المقاومة مقتل خمسة حوثيين في تعز؛ إثر استهداف المقاومة رتلا عسكريا."
    )
    assert convoy.sub_type == "Armed clash" and "needs_unmet" not in convoy.signals
    [suicide] = _candidates("قتل 12 شخصا عندما هاجم انتحاريان حمام سباحة في شمال العراق.")
    assert suicide.sub_type == "Suicide bomb" and "needs_unmet" not in suicide.signals
    [held] = _candidates("وفي الموصل اعتقل تنظيم داعش أمس 15 خياطا رفضوا خياطة ملابسه.")
    assert held.sub_type == "Abduction/forced disappearance"
    [arrest] = _candidates("وفي بغداد اعتقلت قوات الأمن أمس 15 مطلوبا.")
    assert arrest.sub_type == "Arrests"


def test_anti_aircraft_guns_make_no_air_strike() -> None:
    text = (
        "وقصف الحوثيون عددا من الأحياء باستخدام قذائف الهاون وصواريخ الكاتيوشا ومضادات "
        "الطيران، كما قصف اللواء 22 عددا من الأحياء التي تسيطر عليها المقاومة الشعبية."
    )
    assert "Air/drone strike" not in {c.sub_type for c in _candidates(text)}


def test_a_foiled_assault_is_a_clash_and_allies_stay_on_one_side() -> None:
    # Review 12: "أحبطت … هجوماً" was a disrupted weapon, and the Houthis fought Saleh. What
    # is tested is the reading of sides, so the rules decide (the filter gives the first
    # 0.63, just under its threshold).
    from marsad.events.train import analyse, upstream_pipeline

    def events(text: str) -> list[Event]:
        row = {"id": "t", "text": text, "date": PUBLISHED.isoformat()}
        return extract_events(analyse(row, upstream_pipeline()), RULES_ONLY)

    [event] = events(
        "من جهة أخرى، أحبطت المقاومة الشعبية اليمنية أمس الأربعاء هجوماً شنه مسلحون حوثيون "
        "وقوات موالية للرئيس اليمني المعزول علي صالح بمدينة مأرب."
    )
    assert (event.sub_type, event.actor1, event.actor2) == (
        "Armed clash",
        "org:houthis",
        "org:yemen-popular-resistance",
    )
    [clash] = events(
        "وذكرت المصادر أن المقاومة الشعبية حاصرت مجموعة من المسلحين الحوثيين وقوات صالح في "
        "منطقة قرن الصابحية، وأدت الاشتباكات إلى مقتل تسعة من الحوثيين وقوات صالح."
    )
    assert (clash.actor1, clash.actor2) == ("org:yemen-popular-resistance", "org:houthis")


def test_a_telling_with_no_place_borrows_none_from_a_far_sentence() -> None:
    # A clash among unnamed streets is not the attack on Sanaa told four sentences on.
    text = "\n".join(
        [
            "معارك عنيفة في اليمن",
            "قال مصدر في المقاومة إن الوضع في الجنوب يتحسن يوما بعد يوم.",
            "وأضاف أن المساعدات تصل إلى عدن بانتظام.",
            "واندلعت اشتباكات عنيفة بين المقاومة الشعبية والحوثيين في عدد من المواقع أمس.",
            "وأشار إلى أن الأسعار ارتفعت في الأسواق.",
            "وقال إن الكهرباء انقطعت عن أحياء كثيرة.",
            "ودعا المنظمات الدولية إلى تقديم العون.",
            "واندلعت اشتباكات عنيفة بين المقاومة الشعبية والحوثيين في العاصمة صنعاء أمس.",
        ]
    )
    clashes = [
        e
        for e in analyze_document(read_input(text), published=PUBLISHED).events
        if e.sub_type == "Armed clash"
    ]
    assert [e.place_span.text if e.place_span else None for e in clashes] == [None, "صنعاء"]


def test_the_city_is_the_one_named_just_before() -> None:
    # Review 12: "تم تحرير الأجزاء الشمالية من المدينة" after "لمدينة عدن" had no place.
    text = (
        "وقال المصدر إن المقاومة استكملت تطهير الأجزاء الشمالية لمدينة عدن. وأضاف أنه تم "
        "تحرير الأجزاء الشمالية من المدينة بعد معارك عنيفة مع الحوثيين أمس."
    )
    events = analyze_document(read_input(text), published=PUBLISHED).events
    assert [(e.sub_type, e.place_span.text if e.place_span else None) for e in events] == [
        ("Government regains territory", "عدن")
    ]
    far = "اندلعت اشتباكات في مدينة تعز أمس. " + "وقال إن الوضع صعب. " * 3
    later = far + "وقصف الحوثيون أحياء المدينة بقذائف الهاون أمس."
    shelling = [
        e
        for e in analyze_document(read_input(later), published=PUBLISHED).events
        if e.sub_type == "Shelling/artillery/missile attack"
    ]
    assert [e.place_id for e in shelling] == [None]  # three sentences on, no city is meant


def test_revenge_on_a_party_makes_it_the_target() -> None:
    # Review 13: ISIS's claim "revenge on the Houthis" gave a car bomb by the Houthis.
    text = (
        "وتبنى تنظيم «داعش» مساء الاثنين عملية تفجير سيارة مفخخة شمال العاصمة اليمنية صنعاء، "
        "وقال في بيان إنها جاءت ثأراً للمسلمين من الرافضة الحوثيين، بتفجير سيارة مفخخة مركونة "
        "على وكر للرافضة في حي الجراف."
    )
    events = analyze_document(read_input(text), published=PUBLISHED).events
    assert [(e.sub_type, e.actor1) for e in events] == [
        ("Remote explosive/landmine/IED", "org:islamic-state")
    ]


def test_a_far_clause_of_a_run_on_sentence_lends_no_place() -> None:
    # Review 13: a clash near Anbar University was placed at al-Qayyarah, 400 characters on
    # in another story of one unstopped sentence.
    text = (
        "واندلعت اشتباكات عنيفة بين القوات الأمنية وعناصر تنظيم داعش قرب جامعة الأنبار أمس "
        "فيما أفاد مصدر أمني كردي مطلع بأن التنظيم حشد مئات من عناصره وعشرات من العربات "
        "المدرعة والمفخخة خلال الأيام الماضية استعدادا لهجوم واسع يستهدف مواقع قوات البيشمركة "
        "والقوات العراقية المتمركزة على أطراف المدن والبلدات الواقعة جنوب محافظة نينوى "
        "وبالقرب من ناحية القيارة"
    )
    [clash] = analyze_document(read_input(text), published=PUBLISHED).events
    assert clash.sub_type == "Armed clash" and clash.place_id is None


def test_a_noun_in_ta_marbuta_is_no_verb_with_its_object() -> None:
    # Review 13: "من سيطرة تنظيم داعش" (from ISIS's control) read as "سيطره" (he took it)
    # made ISIS take Anbar University.
    text = (
        "بدأت القوات الأربعاء عملية عسكرية لاستعادة جامعة الأنبار من سيطرة تنظيم داعش في الرمادي."
    )
    assert "Non-state actor overtakes territory" not in {c.sub_type for c in _candidates(text)}
    [killed] = _candidates("وقالت المصادر إن المقاومة قتلته في تعز أمس.")
    assert killed.trigger.words == ("قتلت",)  # a verb's object pronoun is still read off


def test_a_second_strike_in_a_clause_of_its_own_at_a_place_the_gazetteer_lacks() -> None:
    # "كما استهدف …، واستهدف القصف … بمنطقة سناح": a strike elsewhere, not the first told
    # again; it is coded at the town nearby and named as its clause names it.
    from marsad.events.train import analyse, upstream_pipeline

    text = (
        "واستهدف الطيران مواقع وتعزيزات عسكرية في الخط الرابط بين محافظتي قعطبة وإب، كما "
        "استهدف محطة للمشتقات النفطية، واستهدف القصف أيضا موقعا للحوثيين بمنطقة سناح، "
        "والملعب الرياضي في قعطبة."
    )
    row = {"id": "t", "text": text, "date": PUBLISHED.isoformat()}
    events = extract_events(analyse(row, upstream_pipeline()), RULES_ONLY)
    assert [e.sub_type for e in events] == ["Air/drone strike"] * 2
    assert [e.place_span.text for e in events if e.place_span] == ["قعطبة", "سناح"]


def test_a_party_right_before_a_headline_verb_is_its_subject() -> None:
    clash, execution = analyze("القوات العراقية تتقدم في الأنبار وداعش يعدم أربعة سائقين").events
    assert (clash.sub_type, clash.actor1, clash.actor2) == (
        "Armed clash",
        "org:iraqi-army",
        "org:islamic-state",
    )
    assert (execution.sub_type, execution.actor1) == ("Attack", "org:islamic-state")


def test_killings_from_the_air_nearing_and_progress_in_a_plan() -> None:
    [air] = _candidates("مضيفا أن طيران التحالف الدولي تدخل وتمكن من قتل 18 عنصرا من الدواعش.")
    assert air.sub_type == "Air/drone strike"
    [taken] = _candidates("داعش تخطف عشرات المسيحيين من مدينة القريتين بحمص")
    assert taken.sub_type == "Abduction/forced disappearance" and taken.accepted
    for text in (  # review 14: an airport about to reopen, a campaign's progress
        "وأشار سعد إلى أن مطار عدن اقترب من العودة إلى العمل.",
        "وقال إن القوات الأمنية حققت تقدما في تنفيذ عملية تحرير محافظة الأنبار.",
    ):
        [advance] = [c for c in _candidates(text) if c.sub_type == "Armed clash"]
        assert "inside_not_event" in advance.signals


def test_a_verbal_noun_of_control_is_taken_by_the_party_right_after_it() -> None:
    [taking] = _candidates("وأشار إلى سيطرة المقاومة في منطقة عقان على أربع نقاط تفتيش.")
    assert taking.sub_type == "Government regains territory"
    [overtaking] = _candidates("وأشار إلى سيطرة الحوثيين في منطقة عقان على أربع نقاط تفتيش.")
    assert overtaking.sub_type == "Non-state actor overtakes territory"


def test_combatants_counted_after_a_killing_are_a_signal() -> None:
    [killed] = _candidates("وفي محافظة مأرب قتل 13 مسلحا حوثيا أمس.")
    assert "combatants_killed" in killed.signals
    [civilians] = _candidates("وفي محافظة مأرب قتل 13 مدنيا أمس.")
    assert "combatants_killed" not in civilians.signals


def test_a_headline_trailing_off_and_arrests_told_otherwise() -> None:
    [strike] = _candidates("سلاح الجو التركي يقصف مواقع داعش في سورية ..")
    assert "headline" in strike.signals and "present_in_body" not in strike.signals
    for text in (
        "واحتجز الأمن التركي ستة أشخاص في إسطنبول أمس.",
        "وأحالت الوحدات الأمنية 14 عنصرا إلى النيابة بعد القبض عليهم في تطاوين.",
    ):
        assert "Arrests" in {c.sub_type for c in _candidates(text)}


def test_rare_types_are_kept_from_a_lower_probability() -> None:
    # The filter has few protests, strategic developments and attacks on civilians to
    # learn from; they are kept from 0.15 below the threshold (cross-validated).
    chosen = default_filter()
    assert chosen.threshold_for("Violence against civilians") < chosen.threshold
    assert chosen.threshold_for("Battles") == chosen.threshold
