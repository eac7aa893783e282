"""scripts/gazetteers/corpus_heads.py: head words the field uses outside technique contexts, on invented counts."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "gazetteers"))

from corpus_heads import HEAD_MIN_KEYS, HEAD_MIN_MENTIONS, long_form_head, nontechnique_heads, row_heads  # noqa: E402


def _counts(head: str, technique: int, other: int, keys: int = HEAD_MIN_KEYS) -> list[tuple[str, int, int, int]]:
    """``keys`` long forms with ``head``, whose mentions share ``technique`` and ``other`` contexts."""
    per = max(HEAD_MIN_MENTIONS // keys + 1, technique + other)
    return [(f"zorp{i} {head}", technique if i == 0 else 0, other if i == 0 else 0, per) for i in range(keys)]


def test_the_head_is_the_last_word_before_a_preposition_singular() -> None:
    assert long_form_head("learning from demonstrations") == "learning"
    assert long_form_head("dueling bandits") == "bandit"
    assert long_form_head("zorp blarg analysis") == "analysis"


def test_a_head_mostly_outside_technique_contexts_is_listed() -> None:
    counts = _counts("bandits", 2, 30) + _counts("annealing", 30, 2) + _counts("equilibria", 1, 20)
    assert nontechnique_heads(counts, set()) == ["bandit", "equilibria"]


def test_too_little_evidence_lists_nothing() -> None:
    assert nontechnique_heads(_counts("bandits", 0, 30, keys=HEAD_MIN_KEYS - 1), set()) == []
    few = [(f"zorp{i} bandit", 0, 1, 1) for i in range(HEAD_MIN_KEYS)]  # too few mentions
    assert nontechnique_heads(few, set()) == []
    assert nontechnique_heads(_counts("bandits", 10, 12), set()) == []  # a mixed head


def test_a_head_that_ends_a_listed_technique_row_is_never_listed() -> None:
    # "Principal Component Analysis" ends a row: analyses are also things one studies "in"
    assert nontechnique_heads(_counts("analysis", 0, 30), {"analysis"}) == []


def test_row_heads_count_the_listed_method_rows_only() -> None:
    sure = row_heads(3)
    assert {"sampling", "descent", "attention"} <= sure  # "Gibbs Sampling", "Stochastic Gradient Descent" ...
    assert "union" not in sure and "bandit" not in sure
    assert row_heads(1) >= sure
