"""extract.results, the model slot: who a margin belongs to when the sentence beats several systems."""

from __future__ import annotations

from tests.test_results import _results


def test_every_system_a_margin_is_stated_over_is_compared_however_far_the_verb() -> None:
    """"Our model outperformed generalist LLMs such as X by 28.4 points, ..., and BazGPT-7B by 3.0 points": the
    last listed system is as much compared as the first, though the verb is far before it."""
    got = _results("Our model outperformed generalist LLMs such as Quux 7B by 28.4% points, Blarg 7B by 27.6% points, "
                   "Zap 8B by 32.6% points, BazGPT-7B by 35.3% points, and Glorp-7B by 3.0% points in Zorp-Bench "
                   "accuracy respectively.")
    assert ("BazGPT-7B", 3.0) not in [(m, v) for m, _, _, v, _ in got]
    assert ("FooNet", 3.0) in [(m, v) for m, _, _, v, _ in got]


def test_a_system_a_method_improves_owns_the_improvement() -> None:
    """"our technique improves the mAP of BarLM by 3.8%": the improved system's result, as annotators write it."""
    got = _results("Our technique improves the accuracy of BarLM by 3.8% on Zorp-Bench.")
    assert [(m, v) for m, _, _, v, _ in got] == [("BarLM", 3.8)]
