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
    assert [(m, v) for _, _, m, v, _ in got] == [("AUROC improvement", 3.9)]


def test_from_to_gives_both_values() -> None:
    got = _results("T\n\nOur recipe improves the accuracy of BERT on SQuAD from 36.2% to 40.7%.")
    assert [(b, v) for _, b, _, v, _ in got] == [("SQuAD", 36.2), ("SQuAD", 40.7)]


def test_margins_over_sota_follow_respectively() -> None:
    got = _results(
        "T\n\nIt reaches top-1 accuracies of 88.5% on ImageNet and 80.7% on CIFAR-100, surpassing previously "
        "reported SoTA methods by 2.2% and 21.1%, respectively."
    )
    assert [(b, v) for _, b, _, v, _ in got] == [
        ("ImageNet", 88.5), ("CIFAR-100", 80.7), ("ImageNet", 2.2), ("CIFAR-100", 21.1)
    ]


def test_enumerators_and_thousands_are_not_results() -> None:
    assert _results("T\n\nWe show that: 1) accuracy on MNIST matters (pass@1).") == []
    got = _results("T\n\nWe reach a test accuracy of 90% on MNIST with roughly 12,200 labeled images.")
    assert [v for *_, v, _ in got] == [90.0]
