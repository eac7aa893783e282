"""Results: numbers tied to a metric and a benchmark, not sizes or bare improvements."""

from __future__ import annotations

from extract.pipeline import build_nlp


def _results(text: str) -> list[tuple]:
    doc = build_nlp()(text)
    return [(r["model"], r["benchmark"], r["metric"], r["value"], r["unit"]) for r in doc._.kg_results]


def test_accuracy_on_benchmark_with_model() -> None:
    got = _results("T\n\nWe obtain 58.8% accuracy on the MATH dataset with fine-tuned PaLM 2-L.")
    assert got == [("PaLM 2-L", "MATH", "accuracy", 58.8, "%")]


def test_score_lists() -> None:
    got = _results("T\n\nOur model achieves 77.5 on AIME, 96.2 on MATH-500 and 74.9 on MathVista.")
    assert [(b, v) for _, b, _, v, _ in got] == [("AIME", 77.5), ("MATH-500", 96.2), ("MathVista", 74.9)]


def test_sizes_and_bare_improvements_are_not_results() -> None:
    assert _results("T\n\nWe train a 7B model on 2 trillion tokens and improve by 10% on GSM8K over 3 baselines.") == []


def test_improvement_of_named_metric_counts() -> None:
    got = _results("T\n\nThis improves AUROC by up to 3.9% on protein graphs.")
    assert [(m, v) for _, _, m, v, _ in got] == [("AUROC", 3.9)]
