"""bench/eval_scirex.py: where a SciREX document's title ends and its abstract starts."""

from __future__ import annotations

import importlib.util
import sys
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("eval_scirex", ROOT / "bench" / "eval_scirex.py")
assert _spec is not None and _spec.loader is not None
eval_scirex = importlib.util.module_from_spec(_spec)
sys.modules["eval_scirex"] = eval_scirex
_spec.loader.exec_module(eval_scirex)


def _doc(sentences: list[str], sections: list[int]) -> dict:
    """A SciREX-shaped document: words, sentence spans and section spans (section ends as word counts)."""
    words: list[str] = []
    sents = []
    for s in sentences:
        start = len(words)
        words += s.split()
        sents.append([start, len(words)])
    bounds = [0, *sections]
    return {"words": words, "sentences": sents, "sections": [list(p) for p in pairwise(bounds)]}


def test_a_title_cut_at_its_colon_is_whole() -> None:
    """SciREX ends a sentence at a title's colon: "Zorp :" and its subtitle are one title."""
    doc = _doc(["document : Zorp :", "Blarg Nets without Quux", "We introduce Zorp .", "It works ."], [14])
    title, abstract, _, _ = eval_scirex.front(doc)
    assert title == "Zorp: Blarg Nets without Quux" and abstract.startswith("We introduce Zorp")


def test_a_title_only_section_before_the_abstract_section() -> None:
    doc = _doc(["Zorp :", "Blarg Nets .", "section : Abstract We introduce Zorp ."], [5, 12])
    title, abstract, _, _ = eval_scirex.front(doc)
    assert title == "Zorp: Blarg Nets." and abstract == "We introduce Zorp."
