"""extract.results: which benchmark, metric and role each number of a pair or a list takes."""

from __future__ import annotations

from tests.test_results import _results


def test_a_before_after_pair_takes_the_benchmark_after_it_not_a_name_list_of_the_sentence() -> None:
    """"On both A and B, ... from 5.8% to 3.1% on A, and from 80% to 36.4% on B": each pair is A's or B's
    old and new value; pairing 5.8 and 3.1 with "A and B" in order gave 3.1 to B."""
    got = _results("On both Zorp-Bench and Quux-QA, FooNet improves the error from 5.8% to 3.1% on Zorp-Bench, "
                   "and from 80% to 36.4% on Quux-QA.")
    assert sorted((r[1], r[3]) for r in got) == [
        ("Quux-QA", 36.4), ("Quux-QA", 80.0), ("Zorp-Bench", 3.1), ("Zorp-Bench", 5.8)]


def test_numbers_pair_with_metrics_in_terms_of_after_a_generic_performance_word() -> None:
    """"28.3% and 58.2% performance in terms of BLEU4 and CIDEr": the metrics are the list after "in terms of";
    "BLEU4" is BLEU-4 written without its hyphen."""
    got = _results("FooNet achieves new 28.3% and 58.2% performance in terms of BLEU4 and CIDEr metric on Zorp-Bench.")
    assert [(r[2], r[3]) for r in got] == [("BLEU4", 28.3), ("CIDEr", 58.2)]


def test_a_change_takes_the_metric_named_after_it_with_on() -> None:
    """"by 2.5 on BLEU4 and 11.5 on CIDEr": each margin is in the metric after it, not the first one."""
    got = _results("FooNet outperforms previous approaches by 2.5 on BLEU4 and 11.5 on CIDEr scores on Zorp-Bench.")
    assert [(r[2], r[3]) for r in got] == [("BLEU4 improvement", 2.5), ("CIDEr improvement", 11.5)]


def test_numbers_bracketed_after_gains_over_others_are_bare_changes() -> None:
    """"performance gains over previous approaches (12.6% on A, 11.6% on B)": margins with no metric, which the
    guide skips; they were scores on A and B."""
    assert _results("FooNet sets a new state of the art with significant performance gains over previous "
                    "approaches (12.6% on Zorp-Bench and 6.3% on Quux-QA).") == []


def test_outperforming_others_up_to_a_number_is_a_change() -> None:
    """"outperforms the state-of-the-art up to 4.8% absolute in MRR": an improvement of MRR, not an MRR of 4.8."""
    got = _results("FooNet outperforms the best performing baseline up to 8.62% on Hits@1 on Zorp-Bench.")
    assert [(r[2], r[3]) for r in got] == [("Hits@1 improvement", 8.62)]


def test_a_range_of_factors_is_no_result() -> None:
    """"the same accuracy as X but is 2 to 5 times faster": a speed-up, whose first number took the accuracy."""
    assert _results("FooNet attains the same accuracy as BarLM but is 2 to 5 times faster.") == []


def test_a_change_goes_on_after_up_to() -> None:
    """"by up to 1.6% on A and up to 1.7% on B": the second number is a change too, not B's accuracy."""
    got = _results("FooNet improves accuracy by up to 1.6% on Zorp-Bench and up to 1.7% on Quux-QA.")
    assert [(r[1], r[2], r[3]) for r in got] == [
        ("Zorp-Bench", "accuracy improvement", 1.6), ("Quux-QA", "accuracy improvement", 1.7)]


def test_a_list_after_a_word_that_rules_out_its_first_number_is_no_result() -> None:
    """"a difference of 12.2%, 9.3% and 4.0%", "detectors [8, 19]": the words before the list rule out the whole
    list, not only its first number; a bracketed list of decimals is still values ("RMSE of [2.21, 1.84]")."""
    assert _results("FooNet beats BarLM on Zorp-Bench by a performance difference of 12.2%, 9.3% and 4.0%.") == []
    assert _results("FooNet reaches a higher accuracy on Zorp-Bench than earlier detectors [8, 19].") == []
    got = _results("FooNet achieves an RMSE of [2.21, 1.84] on Zorp-Bench.")
    assert [(r[2], r[3]) for r in got] == [("RMSE", 2.21), ("RMSE", 1.84)]


def test_a_list_after_a_change_verb_is_changes() -> None:
    """"improves the baseline about 9.4% and 15%", "surpassing existing methods over 30%, 25% on A and B": a list
    after a change verb is changes as much as one number is."""
    got = _results("FooNet improves the baseline about 9.4% and 15% in accuracy on Zorp-Bench and Quux-QA, "
                   "respectively.")
    assert [(r[2], r[3]) for r in got] == [("accuracy improvement", 9.4), ("accuracy improvement", 15.0)]


def test_a_margin_then_a_comma_still_opens_changes() -> None:
    """"by a large margin, more than 6% on A, 7% on B and 4.5% on C": margins with no metric, not scores."""
    assert _results("FooNet outperforms BarLM by a large margin, more than 6% on Zorp-Bench, 7% on Quux-QA and "
                    "4.5% on Blip-Eval.") == []


def test_a_list_of_margins_with_no_metric_is_no_result() -> None:
    """"X improves Y for 8.43, 5.96 and 10.60 on A, B and math average benchmarks": margins with no metric, which
    the guide skips (they were three scores)."""
    assert _results("FooNet improves BarLM for 8.43, 5.96 and 10.60 on Zorp-Bench, Quux-QA and math average "
                    "benchmarks.") == []


def test_a_number_after_type_is_no_result() -> None:
    """"control type 1 error": a kind of error, not an error of 1."""
    assert _results("FooNet controls the type 1 error on Zorp-Bench.") == []


def test_a_decimal_without_its_zero_is_a_value() -> None:
    """"an AUROC of .673", "ODS F-score of .815": the leading zero is often left out."""
    got = _results("FooNet achieves an AUROC of .673 on Zorp-Bench.")
    assert [(r[2], r[3]) for r in got] == [("AUROC", 0.673)]


def test_values_per_domain_are_results_but_a_count_of_benchmarks_is_not() -> None:
    """"high accuracy (82% in-domain and 73% out-of-domain)": two accuracies; "in 3 out-of-domain benchmarks": a
    count."""
    got = _results("FooNet achieves high accuracy (82% in-domain and 73% out-of-domain) on Zorp-Bench.")
    assert [(r[2], r[3]) for r in got] == [("accuracy", 82.0), ("accuracy", 73.0)]
    assert _results("FooNet surpasses previous methods in 3 out-of-domain benchmarks.") == []


def test_a_value_before_a_modal_verb_or_after_v_s_is_a_result() -> None:
    """"a mean accuracy of up to 50% can be achieved", "(IoU: 85.81% v.s. 79.79%)": a modal verb may follow a value,
    and "v.s." is "vs." (it ended the sentence)."""
    assert [r[3] for r in _results("A mean accuracy of up to 50% can be achieved by FooNet on Zorp-Bench.")] == [50.0]
    got = _results("FooNet is better on Zorp-Bench (IoU: 85.81% v.s. 79.79%) than BarLM.")
    assert sorted(r[3] for r in got) == [79.79, 85.81]
