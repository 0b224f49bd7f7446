"""Topic model: shipped weights, plain-Python inference, persistence, the component."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from marsad import analyze
from marsad.errors import ModelDataError
from marsad.pipeline import Pipeline
from marsad.topics import TopicModel, TopicsComponent, topics_component
from marsad.topics.component import DATA_DIR
from marsad.topics.features import stem, topic_features
from marsad.topics.model import MODEL_FILE
from marsad.topics.train import fit

SIX = ("culture", "economy", "international", "middle_east", "sport", "technology")

# Title and lede of real reports (SaudiNewsNet, 2015), one per topic.
EXCERPTS = {
    "sport": "بنيتز: راموس ملتزم بعقده مع ريال مدريد\nقال رفائيل بنيتز مدرب ريال مدريد "
    "المنتمى لدوري الدرجة الأولى الاسباني لكرة القدم اليوم الخميس إن المدافع سيرجيو راموس "
    '"ملتزم مئة في المئة (بعقده الحالي)" مع النادي.',
    "economy": "النفط يتراجع بفعل قوة الدولار ويتجه لتكبد سادس خسارة أسبوعية\nواصلت أسعار "
    "العقود الآجلة للنفط الخام تراجعها اليوم الجمعة بفعل المكاسب التي حققها الدولار.",
    "middle_east": "انسحاب المتمردين الحوثيين من أطراف عدن باتجاه لحج\nانسحبت ميليشيات "
    "الحوثيين وقوات الرئيس السابق علي عبد الله صالح، السبت، من الأطراف الشمالية لمدينة عدن "
    "باتجاه محافظة لحج.",
    "international": "28 قتيلاً حصيلة الانهيارات الأرضية في نيبال\nذكرت الشرطة في نيبال امس "
    "الخميس أن 28 شخصا على الأقل لقوا حتفهم جراء انهيارات أرضية نتيجة الهطول الغزير للأمطار "
    "في وسط البلاد.",
    "culture": "ظاهرة هاربر لي\nثلاث كاتبات أصبحن ظواهر غير مسبوقة في عالم النشر: ج.ك. "
    "رولنغ، إريكا جيمس، وهاربر لي. لكن هاربر لي، صاحبة «أن تقتل طائرًا محاكيًا»، التي عادت "
    "من الظل بعد خمس وخمسين سنة، هي ليست مثل رولنغ، مؤلفة سلسلة «هاري بوتر».",
    "technology": "تويتر تتيح للمستخدمين إضافة تواريخ ميلادهم للاحتفال بها\nأضاف موقع "
    "التواصل الاجتماعي تويتر ميزة جديدة لنسخة الويب من خدمته تتيح للمستخدم إضافة تاريخ ميلاده.",
}


@pytest.fixture(scope="module")
def model() -> TopicModel:
    return TopicModel.from_disk(DATA_DIR)


def test_shipped_model_is_small_and_knows_the_six_topics(model: TopicModel) -> None:
    assert (DATA_DIR / MODEL_FILE).stat().st_size < 5_000_000
    assert model.labels == SIX


@pytest.mark.parametrize("topic", sorted(EXCERPTS))
def test_real_excerpts_get_their_topic(model: TopicModel, topic: str) -> None:
    probabilities = model.predict_proba(EXCERPTS[topic])
    assert max(probabilities, key=lambda label: probabilities[label]) == topic
    assert sum(probabilities.values()) == pytest.approx(1.0)


def test_features_fold_clitics_and_spelling() -> None:
    assert stem("والاقتصاد") == stem("الاقتصاد") == stem("اقتصاد")
    assert stem("أسعار") == stem("اسعار")
    assert stem("2015") == ""
    counts = topic_features("النفط والنفط، بالنفط", limit=1000)
    assert counts == {"نفط": 3}


def test_only_the_start_of_a_report_is_read() -> None:
    text = "رياضة " * 10 + "اقتصاد " * 500
    assert "اقتصاد" not in topic_features(text, limit=60)


def test_round_trip_keeps_predictions(model: TopicModel, tmp_path: Path) -> None:
    model.to_disk(tmp_path)
    again = TopicModel.from_disk(tmp_path)
    text = EXCERPTS["middle_east"]
    assert again.predict_proba(text) == pytest.approx(model.predict_proba(text), abs=1e-6)


def test_a_corrupt_model_file_is_a_model_data_error(tmp_path: Path) -> None:
    (tmp_path / MODEL_FILE).write_bytes(gzip.compress(b"{not json"))
    with pytest.raises(ModelDataError):
        TopicModel.from_disk(tmp_path)
    with pytest.raises(ModelDataError):
        TopicModel.from_disk(tmp_path / "missing")


def test_component_writes_ranked_topics() -> None:
    component = topics_component()
    analysis = analyze(EXCERPTS["sport"], pipeline=Pipeline([component]))
    assert analysis.topics[0].label == "sport"
    probabilities = [t.probability for t in analysis.topics]
    assert probabilities == sorted(probabilities, reverse=True)
    assert analysis.pipeline["topics"] == TopicsComponent.version


def test_component_leaves_non_arabic_reports_alone() -> None:
    text = "The central bank raised interest rates again on Thursday, citing inflation."
    analysis = analyze(text, pipeline=Pipeline([topics_component()]))
    assert analysis.article.language != "ar"
    assert analysis.topics == []


def test_fit_learns_both_heads_and_exports_them() -> None:
    texts = [
        ("مباراة الفريق في الدوري وهدف اللاعب", "sport", None),
        ("اللاعب سجل هدفا في المباراة النهائية للدوري", "sport", None),
        ("أسعار النفط والأسهم في البورصة اليوم", "economy", None),
        ("البورصة تغلق على ارتفاع الأسهم والنفط", "economy", None),
        ("الحكومة اليمنية في عدن وصنعاء", "news", "middle_east"),
        ("اشتباكات في صنعاء وعدن اليمنية", "news", "middle_east"),
        ("الرئيس الأمريكي في واشنطن والكونغرس", "news", "international"),
        ("الكونغرس في واشنطن يناقش خطة الرئيس الأمريكي", "news", "international"),
    ]
    model = fit(
        [topic_features(t) for t, _, _ in texts],
        [coarse for _, coarse, _ in texts],
        [region for _, _, region in texts],
    )
    assert model.labels == ("economy", "international", "middle_east", "sport")
    for text, coarse, region in texts:
        probabilities = model.predict_proba(text)
        assert max(probabilities, key=lambda label: probabilities[label]) == (region or coarse)
