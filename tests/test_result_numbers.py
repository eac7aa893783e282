"""Which numbers of a sentence can be results, and their roles (extract.result_numbers)."""

from __future__ import annotations

import re

from extract.result_numbers import find_numbers

METRIC = re.compile(r"accuracy|BLEU|F1|FID|mAP")


def _numbers(text: str, names: tuple[str, ...] = ()) -> list[tuple[float, str | None, str]]:
    metrics = [(m.start(), m.end()) for m in METRIC.finditer(text)]
    spans = [(m.start(), m.end()) for n in names for m in re.finditer(re.escape(n), text)]
    return [(n.value, n.unit, n.role) for n in find_numbers(text, 0, len(text), spans, metrics)]


def test_values_and_before_after_pairs() -> None:
    assert _numbers("accuracy of 58.8% on it") == [(58.8, "%", "value")]
    assert _numbers("from 41.2 to 44.7% accuracy") == [(41.2, "%", "before"), (44.7, "%", "value")]
    assert _numbers("(49.3 → 72.3 F1)") == [(49.3, None, "before"), (72.3, None, "value")]


def test_a_quantile_of_a_quantity_is_no_value() -> None:
    assert _numbers("reduces 90th percentile latency from 210 ms to 30 ms") == []


def test_slashed_values_with_latex_percent() -> None:
    assert _numbers(r"reaches 92.2\%/90.2\% mAP") == [(92.2, "%", "value"), (90.2, "%", "value")]


def test_a_speed_up_is_no_value() -> None:
    assert _numbers("an inference acceleration of 61% with the same mAP") == []
    assert _numbers("a speedup of up to 35% at equal accuracy") == []


def test_ranges_are_no_values() -> None:
    """A range states bounds, not an explicit number: no member of it is a result."""
    assert _numbers("scores ranged from 0.61 to 0.79 accuracy") == []
    assert _numbers("by 1.7%-2.8% absolute F1") == []
    assert _numbers("compared to 13.4%-20.5% for the baselines") == []
    assert _numbers("accuracy between 86-96%") == []
    assert _numbers("improves F1 by 5.1 to 11.2%") == []  # a range of changes, as "by 2-4%"
    # the range still makes what follows a change: "by 4-6% in accuracy and 4% in F1"
    assert _numbers("exceeds it by 4-6% in accuracy and 4% in F1") == [(4.0, "%", "delta")]


def test_deltas() -> None:
    assert _numbers("improves accuracy by 2.3 points") == [(2.3, None, "delta")]
    assert _numbers("+3.1% accuracy") == [(3.1, "%", "delta")]
    assert _numbers("a 5% gain in accuracy") == [(5.0, "%", "delta")]
    assert _numbers("improves on average 1 BLEU over the strongest baselines") == [(1.0, None, "delta")]


def test_sizes_counts_shares_and_indices_are_left_out() -> None:
    for text in (
        "3 other datasets",
        "7B parameters",
        "10k images",
        "2x faster",
        "3.9× longer",
        "80% fewer parameters",
        "50% (or more) of the training data",
        "Table 2 shows accuracy",
        "k=5 neighbours",
        "GPT-3.5 and 2:4 sparsity",
        "100-persona runs",
        "12,200 images",
        "1/50 of the data",
        "19 structures achieved an average accuracy",
    ):
        assert _numbers(text) == [], text


def test_lists_share_what_follows_them() -> None:
    assert _numbers("98.5, 99, and 100% accuracy") == [
        (98.5, "%", "value"),
        (99.0, "%", "value"),
        (100.0, "%", "value"),
    ]
    assert _numbers("71.2/64.0/55.3 F1") == [(71.2, None, "value"), (64.0, None, "value"), (55.3, None, "value")]
    assert [r for *_, r in _numbers("by 2.2% and 21.1%, respectively")] == ["delta", "delta"]


def test_settings_and_deviations_are_left_out() -> None:
    assert _numbers("74.1% accuracy at 1% false alarm rate") == [(74.1, "%", "value")]
    assert _numbers("a marginal deviation of only 2.52% in accuracy") == []


def test_metric_values_latex_and_names() -> None:
    assert _numbers("FID=9.91 and IS=8.81±0.10") == [(9.91, None, "value")]
    assert _numbers(r"by $17\%$ mAP") == [(17.0, "%", "delta")]
    assert _numbers(r"by $7$ points in FID and $4.5$ points in F1") == [(7.0, None, "delta"), (4.5, None, "delta")]
    assert _numbers("on FooWOZ 2.4 accuracy", names=("FooWOZ",)) == []  # a version the name left out
    assert _numbers("Zorp 500 accuracy", names=("Zorp 500",)) == []  # part of a name


def test_a_list_of_experiment_settings_is_no_result() -> None:
    assert _numbers("It wins under various labeling ratios (i.e., 1%, 5%, 10% and 20%).") == []
    assert _numbers("At masking rates of 15% and 30% it keeps 81.2% accuracy.") == [(81.2, "%", "value")]


def test_bounds_and_size_ranges_are_no_values() -> None:
    assert _numbers("with accuracy losses of less than 1% in accuracy") == []
    assert _numbers("an error rate below 6% accuracy") == []
    assert _numbers("accuracy losses for models in the 1-10B parameter range") == []


def test_a_margin_within_is_a_bound() -> None:
    assert _numbers("maintaining accuracy within 0.25% accuracy loss") == []
    assert _numbers("the performance, within 2.2 BLEU points, of a comparable system") == []


def test_a_change_of_something_named_after_it_is_no_change_of_the_metric() -> None:
    assert _numbers("better accuracy and 30% lower memory usage") == []
    assert _numbers("a 2% higher accuracy than before")[0][:2] == (2.0, "%")


def test_a_bracketed_share_after_a_count_of_examples_is_no_value() -> None:
    assert _numbers("with 60 examples per class (5%), the accuracy rises") == []


def test_a_number_after_a_name_is_its_version_unless_a_metric_follows() -> None:
    assert _numbers("on FooWOZ 2.4 it is good", ("FooWOZ",)) == []
    assert _numbers("on Zorp (BarNet-101 41.9 mAP)", ("BarNet-101",)) == [(41.9, None, "value")]


def test_exceeding_a_number_is_a_level_exceeding_a_rival_by_one_a_change() -> None:
    assert _numbers("an accuracy exceeding 95% for one keyword") == [(95.0, "%", "value")]
    assert _numbers("it exceeds the baseline by 2.1% accuracy")[0][2] == "delta"
    assert _numbers("it outperforms 0.56% on top-1 accuracy")[0][2] == "delta"


def test_slashed_percentages_are_one_list() -> None:
    """"24.1%/7.1%" lists two values, as "24.1/7.1%" does; a fraction ("1/50") still is none; a number slashed onto
    a baseline's ("vs. 61.6%/59.9%") is a baseline's too; slashed changes are changes."""
    assert _numbers("an accuracy of 24.1%/7.1% on it") == [(24.1, "%", "value"), (7.1, "%", "value")]
    assert _numbers("accuracy of 1/50 on it") == []
    assert _numbers("F1 of 67.3% vs. 61.6%/59.9%") == [(67.3, "%", "value"), (61.6, "%", "before"),
                                                       (59.9, "%", "before")]
    assert [r for *_, r in _numbers("it improves 0.9%/0.53% accuracy over the baseline")] == ["delta", "delta"]


def test_a_distance_in_millimetres_and_a_value_before_an_aside_word() -> None:
    """"an MPJPE of 42.6 mm": a pose error is a distance; "of 54.19% but ...", "of 86.37 almost a ..." go on."""
    assert _numbers("an MPJPE of 42.6mm on it") == [(42.6, None, "value")]
    assert _numbers("a PSNR of 32.5 dB on it") == [(32.5, None, "value")]
    assert _numbers("an accuracy of 54.19% but a low recall") == [(54.19, "%", "value")]
    assert _numbers("an accuracy of 86.37 almost a new high") == [(86.37, None, "value")]
    assert _numbers("an accuracy with 12 mm thick plates") == []  # a size before a word: no value


def test_a_metrics_level_compared_with_others_is_no_change() -> None:
    """"a mAP of 93.4, higher than the SOTA method": the level; "a higher mAP of 3.1% than the best baseline" and
    "an accuracy jump of 15.56% over a baseline" state changes."""
    assert _numbers("achieves a mAP of 93.4 significantly higher than the second-best SOTA method") == [
        (93.4, None, "value")]
    assert _numbers("achieves a higher mAP of 3.1% than the best state-of-the-art network") == [(3.1, "%", "delta")]
    assert _numbers("confers an accuracy jump of 15.56 % over a baseline model") == [(15.56, "%", "delta")]


def test_a_gap_of_a_range_is_no_value() -> None:
    from tests.test_results import _results

    assert _results("We find a performance gap of approximately 13% to 85% in accuracy on Zorp-Bench.") == []


def test_approximate_values_in_a_list_stay_one_list() -> None:
    text = "achieving ~3.4% and ~18.9% additional accuracy improvement"
    got = find_numbers(text, 0, len(text), [], [(m.start(), m.end()) for m in METRIC.finditer(text)])
    assert [n.value for n in got] == [3.4, 18.9] and got[0].group == got[1].group


def test_a_hyphened_point_count_is_a_change_in_points() -> None:
    """"a 12.3-point improvement in accuracy": the number's unit is its points (was read as a compound count like
    "100-persona"); "a 5-point Likert scale" stays a count."""
    got = _numbers("a 12.3-point improvement in accuracy")
    assert [(n[0], n[2]) for n in got] == [(12.3, "delta")]
    assert _numbers("on a 5-point Likert scale the accuracy") == []
