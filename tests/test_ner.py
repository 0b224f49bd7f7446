"""The shipped tagger and the strict IOB2 scoring its benchmark uses."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from marsad.entities.conll import entities, map_tag, read_conll, repair, score
from marsad.entities.ner import NerModel, default_model, viterbi_iob2
from marsad.errors import ModelDataError


def test_strict_iob2_entities() -> None:
    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG", "I-PER"]
    # The stray I-LOC starts nothing; I-PER after I-ORG ends the ORG and starts nothing.
    assert entities(tags) == {("PER", 0, 2), ("ORG", 4, 5), ("ORG", 5, 7)}


def test_repair_turns_stray_inside_tags_into_beginnings() -> None:
    assert repair(["O", "I-LOC", "I-LOC", "I-PER"]) == ["O", "B-LOC", "I-LOC", "B-PER"]


def test_micro_and_per_type_scores() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    predicted = [["B-PER", "O", "O", "B-LOC"], ["B-ORG", "O"]]
    scores = score(gold, predicted)
    assert scores["micro"].precision == pytest.approx(200 / 3)
    assert scores["micro"].recall == pytest.approx(200 / 3)
    assert scores["LOC"].f1 == 100.0 and scores["PER"].f1 == 0.0


def test_labels_of_other_corpora_are_mapped() -> None:
    assert [map_tag(t) for t in ("B-PERS", "I-PER", "B-MIS2", "B-GPE", "O")] == [
        "B-PER",
        "I-PER",
        "B-MISC",
        "O",
        "O",
    ]


def test_viterbi_keeps_iob2_valid() -> None:
    labels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
    # Greedy would say O, I-PER: invalid. The best valid path starts the name with B-PER.
    log_probs = np.log(np.array([[0.6, 0.3, 0.05, 0.03, 0.02], [0.1, 0.1, 0.7, 0.05, 0.05]]))
    assert viterbi_iob2(log_probs, labels) in (["B-PER", "I-PER"], ["O", "B-PER"])
    assert viterbi_iob2(log_probs, labels) == ["B-PER", "I-PER"]  # 0.3*0.7 > 0.6*0.1


def test_read_conll(tmp_path: Path) -> None:
    path = tmp_path / "tiny.txt"
    path.write_text("ذهب O\nمحمد B-PERS\nإلى O\nدمشق B-LOC\n\nانتهى O\n", encoding="utf-8")
    assert read_conll(path) == [
        (["ذهب", "محمد", "إلى", "دمشق"], ["O", "B-PER", "O", "B-LOC"]),
        (["انتهى"], ["O"]),
    ]


def test_shipped_model_tags_a_news_sentence() -> None:
    model = default_model()
    tokens = [
        "وقال",
        "وزير",
        "الخارجية",
        "الأمريكي",
        "جون",
        "كيري",
        "في",
        "مؤتمر",
        "صحفي",
        "في",
        "القاهرة",
    ]
    tags = model.tag(tokens)
    assert len(tags) == len(tokens)
    found = {(kind, " ".join(tokens[s:e])) for kind, s, e in entities(tags)}
    assert ("PER", "جون كيري") in found
    assert ("LOC", "القاهرة") in found


class FirstSentenceOnly(NerModel):
    """Tags حلب only in the first sentence, as a tagger missing a repeat would."""

    def __init__(self) -> None:
        pass

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [
            ["B-LOC" if t == "حلب" and i == 0 else "O" for t in tokens]
            for i, tokens in enumerate(sentences)
        ]


def test_names_spread_to_their_untagged_repeats_nearby() -> None:
    first = ["قصفت", "الطائرات", "حلب"]
    repeat = ["ووصل", "وفد", "إلى", "حلب", "أمس"]
    filler = [["لا", "أسماء", "هنا"]] * 25
    tagged = FirstSentenceOnly().tag_document([first, repeat, *filler, repeat], window=20)
    assert tagged[1] == ["O", "O", "O", "B-LOC", "O"]
    assert tagged[-1] == ["O"] * 5  # too far away


def test_missing_model_files_are_a_model_data_error(tmp_path: Path) -> None:
    with pytest.raises(ModelDataError):
        NerModel.load(tmp_path)


def test_chain_marginals_match_enumeration() -> None:
    """The BiLSTM's CRF output layer: forward-backward equals summing over every path,
    and a shorter sentence in the batch ends at its own last word."""
    from itertools import pairwise, product

    from marsad.entities.bilstm import chain_scores

    rng = np.random.default_rng(0)
    emissions = rng.normal(size=(2, 4, 3)).astype(np.float32)
    transitions, start, end = rng.normal(size=(3, 3)), rng.normal(size=3), rng.normal(size=3)
    mask = np.array([[True] * 4, [True, True, True, False]])
    scores = chain_scores(emissions, mask, transitions, start, end)
    for row, length in enumerate((4, 3)):
        marginals = np.zeros((length, 3))
        for path in product(range(3), repeat=length):
            weight = start[path[0]] + end[path[-1]]
            weight += sum(emissions[row, t, y] for t, y in enumerate(path))
            weight += sum(transitions[a, b] for a, b in pairwise(path))
            for t, y in enumerate(path):
                marginals[t, y] += np.exp(weight)
        expected = marginals / marginals.sum(axis=1, keepdims=True)
        got = np.exp(scores[row, :length])
        got /= got.sum(axis=1, keepdims=True)
        assert np.allclose(got, expected, atol=1e-5)


def test_shipped_bilstms_give_label_probabilities() -> None:
    model = default_model()
    assert model.bilstms, "the shipped model has a BiLSTM"
    tokens = ["وقصفت", "قوات", "النظام", "مدينة", "دير", "الزور", "أمس"]
    for bilstm in model.bilstms:
        (probs,) = bilstm.probabilities([tokens])
        assert probs.shape == (len(tokens), len(bilstm.labels))
        assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)


def test_a_full_word_cache_is_refilled_with_every_word_of_the_batch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from marsad.entities import bilstm as bilstm_module

    (tagger, *_) = default_model().bilstms
    tagger.clear_cache()
    first = ["قصفت", "قوات", "النظام", "مدينة", "حلب"]
    (expected,) = tagger.probabilities([["وقال", "السيناتور", *first]])
    tagger.clear_cache()
    tagger.probabilities([first])  # these words are cached now
    monkeypatch.setattr(bilstm_module, "CACHE_LIMIT", len(first) + 1)
    (probs,) = tagger.probabilities([["وقال", "السيناتور", *first]])  # overflows the cache
    assert np.allclose(probs, expected, atol=1e-6)
    tagger.clear_cache()
