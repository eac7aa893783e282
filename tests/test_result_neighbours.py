"""extract.result_neighbours: the benchmark a result takes from the rest of its sentence (the one it names later,
after conditions of the value), and metric words read as one phrase before it."""

from __future__ import annotations

from tests.test_results import _results


def test_a_value_takes_the_one_benchmark_named_later_in_its_sentence() -> None:
    got = _results("FooNet achieves 40.1 mAP with 120 FPS and 49.2 mAP with 41 FPS on the Zorp-Bench test set.")
    assert [(b, v) for _, b, _, v, _ in got] == [("Zorp-Bench", 40.1), ("Zorp-Bench", 49.2)]
    got = _results("FooNet has a 46.8 box AP using BarLM, and a 48.1 box AP using BazGPT-7B, on the Zorp-Bench set.")
    assert [(b, v) for _, b, _, v, _ in got] == [("Zorp-Bench", 46.8), ("Zorp-Bench", 48.1)]


def test_not_across_other_data_another_clause_or_several_benchmarks() -> None:
    """Another data set (typed or not), "while ..." or two benchmarks in the sentence: the value stays unlinked."""
    got = _results("FooNet reaches 75.2% mAP on a new classroom dataset, and 74.5% on the public Zorp-Bench at 20 fps.")
    assert got[0][1] is None
    got = _results("FooNet reaches 55.2% accuracy with 9 FPS, while BarLM reaches 60.1% accuracy on Zorp-Bench.")
    assert [(b, v) for _, b, _, v, _ in got] == [(None, 55.2), ("Zorp-Bench", 60.1)]
    got = _results("FooNet reaches 71.2% accuracy with 9 FPS in Glorp Arena and also runs on Zorp-Bench.")
    assert got[0][1] is None
    got = _results("FooNet reaches 71.2% accuracy with 9 FPS, on Zorp-Bench and Quux-QA.")
    assert got[0][1] is None


def test_two_metric_words_are_one_phrase_before_the_benchmark() -> None:
    got = _results("On Quux-QA and Blip-Eval, FooNet achieves 92.2% mAP accuracy on Zorp-Bench for one setting.")
    assert [(b, v) for _, b, _, v, _ in got] == [("Zorp-Bench", 92.2)]


def test_each_value_takes_the_model_with_it_and_the_benchmark_after_a_bracketed_setting() -> None:
    """"84.9% accuracy with BarLM on Zorp-Bench and 50.8 mAP with FooNet (Swin-S) on Quux-QA": the second value
    is FooNet's on Quux-QA; the first "with" names no owner of the later value."""
    got = _results("We reach 84.9% accuracy with BarLM on Zorp-Bench and 50.8 mAP with FooNet (Swin-S) on Quux-QA.")
    assert got == [("BarLM", "Zorp-Bench", "accuracy", 84.9, "%"), ("FooNet", "Quux-QA", "mAP", 50.8, None)]


def test_an_opening_on_phrase_gives_its_benchmark_to_every_clause() -> None:
    from tests.test_results import _results

    got = _results("On Zorp-Bench, FooNet reaches 75.1% accuracy, whereas BarLM only gets 60.2% accuracy.")
    assert [(r[0], r[1], r[3]) for r in got] == [("FooNet", "Zorp-Bench", 75.1), ("BarLM", "Zorp-Bench", 60.2)]
    got = _results("On Zorp-Bench, FooNet reaches 75.1% accuracy, while on Quux-QA it gets 40.2% accuracy.")
    assert [r[1] for r in got] == ["Zorp-Bench", "Quux-QA"]


def test_a_change_takes_its_metric_past_the_metrics_long_form_and_a_3d_qualifier() -> None:
    """"by 13.8% in terms of 3D mean per joint position error (MPJPE)": the acronym after its long form is the
    metric ("3D" is no other number); "4.48% better 3D AP": a dimension qualifies the metric after the change."""
    got = _results("FooNet outperforms them by 13.8% and 9.3% in terms of 3D mean per joint position error (MPJPE) on "
                   "Zorp-Bench and Quux-QA, respectively.")
    assert [(b, m, v) for _, b, m, v, _ in got] == [
        ("Zorp-Bench", "MPJPE improvement", 13.8), ("Quux-QA", "MPJPE improvement", 9.3)
    ]
    assert [(m, v) for _, _, m, v, _ in _results("FooNet achieves 4.48% better 3D AP on Zorp-Bench.")] == [
        ("3D AP improvement", 4.48)
    ]
    assert _results("FooNet improves by 2.1% in 5 runs of the mean error (ME) on Zorp-Bench.") == []


def test_a_value_takes_the_metric_acronym_after_its_long_form() -> None:
    """"71.8% Multi-Object Tracking Accuracy (MOTA)": the bracketed acronym is the metric the value is in; an
    acronym of something else after a number's long phrase is none ("5% of the Zorp Blarg data (ZBD)")."""
    got = _results("FooNet raises it from 65.4% to 71.8% Multi-Object Tracking Accuracy (MOTA) on Zorp-Bench.")
    assert [(m, b, v) for m, b, _, v, _ in got] == [(None, "Zorp-Bench", 65.4), ("FooNet", "Zorp-Bench", 71.8)]
    assert {metric for _, _, metric, _, _ in got} == {"MOTA"}
    assert _results("FooNet uses 5% of the Zorp Blarg data (ZBD) on Zorp-Bench.") == []
