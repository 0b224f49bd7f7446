"""Fitting the topic model (train time only: needs numpy and scikit-learn).

Logistic regression over the features of :mod:`marsad.topics.features`, weighted
sublinear tf·idf as scikit-learn's TfidfTransformer computes it, exported as plain
Python tables for :class:`marsad.topics.model.TopicModel`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from marsad.topics.features import DEFAULT_LIMIT, topic_features
from marsad.topics.model import NEWS, Head, TopicModel

MIN_DF = 2
C = 3.0  # inverse regularisation; chosen on cross-outlet transfer, see docs/topics.md
WEIGHT_DIGITS = 4


def featurize(texts: Sequence[str], limit: int = DEFAULT_LIMIT) -> list[Counter[str]]:
    return [topic_features(text, limit) for text in texts]


def fit(
    features: Sequence[Counter[str]],
    coarse_labels: Sequence[str],
    region_labels: Sequence[str | None],
    *,
    limit: int = DEFAULT_LIMIT,
    meta: dict[str, object] | None = None,
) -> TopicModel:
    """Fit both heads; ``region_labels`` is None for reports whose outlet does not split news.

    Without any region labels the model keeps ``news`` as a label of its own.
    """
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfTransformer

    df: Counter[str] = Counter()
    for counts in features:
        df.update(counts.keys())
    vocabulary = sorted(f for f, n in df.items() if n >= MIN_DF)
    kept = set(vocabulary)
    rows = [{f: c for f, c in counts.items() if f in kept} for counts in features]
    vectorizer = DictVectorizer(sort=True).fit([dict.fromkeys(vocabulary, 1)])
    tfidf = TfidfTransformer(sublinear_tf=True).fit(vectorizer.transform(rows))
    matrix = tfidf.transform(vectorizer.transform(rows))
    names = list(vectorizer.get_feature_names_out())
    idf = dict(zip(names, (float(v) for v in tfidf.idf_), strict=True))

    coarse = _fit_head(matrix, list(coarse_labels), names)
    region_rows = [i for i, label in enumerate(region_labels) if label is not None]
    if region_rows:
        region = _fit_head(matrix[region_rows], [region_labels[i] for i in region_rows], names)
    else:  # an outlet that does not split news: the model says "news" and no more
        region = Head((NEWS,), (0.0,), {})
    return TopicModel(idf, coarse, region, limit=limit, meta=meta)


def _fit_head(matrix: Any, labels: list[Any], names: list[str]) -> Head:
    from sklearn.linear_model import LogisticRegression

    classifier = LogisticRegression(C=C, class_weight="balanced", max_iter=3000)
    classifier.fit(matrix, labels)
    classes = [str(c) for c in classifier.classes_]
    coef = classifier.coef_
    intercepts = [float(v) for v in classifier.intercept_]
    if len(classes) == 2:  # one logit z; softmax over (-z/2, z/2) equals sigmoid(z)
        coef = [-coef[0] / 2, coef[0] / 2]
        intercepts = [-intercepts[0] / 2, intercepts[0] / 2]
    weights = {}
    for column, name in enumerate(names):
        row = [round(float(coef[k][column]), WEIGHT_DIGITS) for k in range(len(classes))]
        if any(row):
            weights[name] = row
    return Head(tuple(classes), tuple(intercepts), weights)
