"""scripts/gazetteers/corpus_compounds.py: established compounds of a listed technique, on invented text."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "gazetteers"))

from corpus_compounds import mine_compounds  # noqa: E402

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
