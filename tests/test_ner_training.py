"""Pure helpers of scripts/train_ner.py: the k-fold dev blocks and the byline names."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "train_ner.py"


@pytest.fixture(scope="module")
def train_ner() -> ModuleType:
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        spec = importlib.util.spec_from_file_location("train_ner", SCRIPT)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(SCRIPT.parent))


def test_fold_blocks_are_spread_over_train_and_disjoint(train_ner: ModuleType) -> None:
    blocks = train_ner.fold_blocks(4, 3973)
    assert len(blocks) == 4
    assert blocks[0][0] == round(0.15 * 3973) and blocks[-1] == (3473, 3973)
    assert all(end - start == 500 for start, end in blocks)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(blocks))
    assert train_ner.fold_blocks(1, 3973) == [(3473, 3973)]
    with pytest.raises(SystemExit):
        train_ner.fold_blocks(8, 3973)


def test_byline_names_keep_people_and_drop_places_and_agencies(train_ner: ModuleType) -> None:
    places = {"القاهره", "الرياض", "جده", "عرعر"}
    bylines = [
        "القاهرة- أحمد الريدي",
        "عرعر - جاسر الصقري",
        "الرياض - واس",
        "لندن: «الشرق الأوسط أونلاين»",
        "\xa0سعاد الشمراني (الرياض)",
        "متابعة - الرياض الإلكتروني",
        "جون جابر من لندن",
    ]
    names = [name for name, kind, source in train_ner._byline_names(bylines, places)]
    assert names == ["أحمد الريدي", "جاسر الصقري", "سعاد الشمراني", "جون جابر"]
