"""scripts/gazetteers/corpus_compounds.py: established compounds of a listed technique, on invented text."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "gazetteers"))

from collections import Counter  # noqa: E402

from corpus_compounds import folded_into, mine_compounds, same_stems  # noqa: E402

KNOWN = {("zorp", "regression"): "zorpregression", ("zorp", "regressions"): "zorpregression",
         ("transformer",): "transformer", ("blarg",): "blarg"}
LEADS = ("we fit", "with", "and", "by", "a", "the")


def _texts(phrase: str, leads: tuple[str, ...] = LEADS) -> list[str]:
    return [f"{lead} {phrase} to it." for lead in leads]


def test_a_modifier_many_papers_write_before_a_known_name_makes_a_compound() -> None:
    texts = _texts("kernel zorp regression") + _texts("Kernel Zorp regressions")[:2]
    assert mine_compounds(texts, KNOWN, set()) == [(8, ["kernel zorp regression", "Kernel Zorp regressions"])]
    assert mine_compounds(texts[:4], KNOWN, set()) == []  # four papers are too few
    assert mine_compounds(texts, KNOWN, {"kernelzorpregression"}) == []  # a list holds it already


def test_function_words_ratings_acronyms_known_names_and_architectures_make_no_compound() -> None:
    for phrase in ("novel zorp regression", "using zorp regression", "ZQ zorp regression", "blarg zorp regression",
                   "video transformer", "kernel (zorp regression)", "kernel, zorp regression"):
        assert mine_compounds(_texts(phrase), KNOWN, set()) == [], phrase


def test_the_tail_of_a_longer_name_is_no_compound() -> None:
    texts = _texts("stein kernel zorp regression") + _texts("kernel zorp regression")[:2]
    assert mine_compounds(texts, KNOWN, set()) == []  # "stein" precedes most mentions of "kernel zorp regression"


OWNERS = {
    "zgd": [("ZGD", "Method", ())],
    "qr": [("QR", "Method", ("quux regression", "Quux Regression"))],
    "bq": [("BQ", "Method", ()), ("BQ", "Model", ())],
}


def test_a_compound_the_corpus_defines_by_a_listed_rows_acronym_is_that_rows_spelling() -> None:
    assert folded_into(Counter({"ZGD": 3}), OWNERS, ["zorp gradient descent"]) == OWNERS["zgd"][0]
    assert folded_into(Counter({"ZGD": 2, "Z-GD": 1, "zGD": 1}), OWNERS, ["x"]) == OWNERS["zgd"][0]  # one key
    assert folded_into(Counter({"QR": 4}), OWNERS, ["quux regressors"]) == OWNERS["qr"][0]  # its long form's stems


def test_a_compound_stays_its_own_row_when_the_acronym_is_rare_shared_or_spelled_otherwise() -> None:
    assert folded_into(Counter({"ZGD": 2}), OWNERS, ["zorp gradient descent"]) is None  # two definitions
    assert folded_into(Counter({"ZGD": 3, "ZD": 2}), OWNERS, ["zorp gradient descent"]) is None  # 3 of 5
    assert folded_into(Counter({"QR": 9}), OWNERS, ["quick ranking"]) is None  # the row spells out another thing
    assert folded_into(Counter({"BQ": 9}), OWNERS, ["blarg quux"]) is None  # two rows own it
    assert folded_into(Counter({"NOPE": 9}), OWNERS, ["blarg quux"]) is None  # no row's
    assert folded_into(Counter(), OWNERS, []) is None


def test_same_stems_compares_each_words_start() -> None:
    assert same_stems("low-rank adapters", "Low-Rank Adaptation")
    assert not same_stems("proximal gradient descent", "projected gradient descent")
    assert not same_stems("zorp regression", "zorp ridge regression")  # another word count

