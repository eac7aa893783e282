"""Results: numbers tied to a metric and a benchmark, not sizes, counts or bare improvements (extract.results)."""

from __future__ import annotations

import re
from typing import Any

from extract.pipeline import build_nlp
from extract.results import find_results, proposal_of

# Invented names and their types; "proposed" marks the paper's own.
NAMES: dict[str, tuple[str, bool]] = {
    "FooNet": ("Model", True),
    "BarLM": ("Model", False),
    "BazGPT-7B": ("Model", False),
    "QuxTune": ("Method", False),
    "ZipAlign": ("Method", True),
    "Zorp-Bench": ("Benchmark", False),
    "Quux-QA": ("Benchmark", False),
    "Blip-Eval": ("Benchmark", False),
    "Frob-1K": ("Dataset", False),
}


def _ents(text: str, names: dict[str, tuple[str, bool]] = NAMES) -> list[dict[str, Any]]:
    """kg_entities-style annotations of the invented names found in ``text``."""
    out = []
    for name, (label, proposed) in names.items():
        spans = [[m.start(), m.end()] for m in re.finditer(re.escape(name), text)]
        if spans:
            out.append({"name": name, "label": label, "mentions": spans, "proposed": "our" if proposed else ""})
    return out


def _results(sentence: str, names: dict[str, tuple[str, bool]] = NAMES) -> list[tuple]:
    text = "FooNet: a title\n\n" + sentence  # the proposal is named in the title, as papers do
    sents = [[0, 15], [17, len(text)]]
    return [
        (r["model"], r["benchmark"], r["metric"], r["value"], r["unit"])
        for r in find_results(text, sents, _ents(text, names))
    ]


def test_accuracy_on_benchmark_with_model() -> None:
    assert _results("We obtain 58.8% accuracy on the Zorp-Bench dataset with fine-tuned BarLM.") == [
        ("BarLM", "Zorp-Bench", "accuracy", 58.8, "%")
    ]


def test_score_lists_each_on_its_benchmark() -> None:
    got = _results("Our model achieves 77.5 on Zorp-Bench, 96.2 on Quux-QA and 74.9 on Blip-Eval.")
    assert [(m, b, v) for m, b, _, v, _ in got] == [
        ("FooNet", "Zorp-Bench", 77.5),
        ("FooNet", "Quux-QA", 96.2),
        ("FooNet", "Blip-Eval", 74.9),
    ]


def test_before_after_pair_gives_the_new_value_to_the_model() -> None:
    got = _results("FooNet improves the accuracy on Zorp-Bench from 41.2% to 44.7%.")
    assert got == [(None, "Zorp-Bench", "accuracy", 41.2, "%"), ("FooNet", "Zorp-Bench", "accuracy", 44.7, "%")]
    got = _results("Pre-training lifts FooNet on Zorp-Bench (49.3 → 72.3 F1).")
    assert [(m, v) for m, _, _, v, _ in got] == [(None, 49.3), ("FooNet", 72.3)]


def test_deltas_need_a_named_metric_and_say_so() -> None:
    got = _results("FooNet outperforms BarLM by over 1 BLEU on Zorp-Bench.")
    assert got == [("FooNet", "Zorp-Bench", "BLEU improvement", 1.0, None)]
    assert _results("It achieves a 15% relative WER reduction on Zorp-Bench.")[0][2:4] == (
        "relative WER reduction",
        15.0,
    )
    assert _results("FooNet reduces the test error by 2.1 points.")[0][2:4] == ("test error reduction", 2.1)
    got = _results("FooNet raises mIoU by 0.87% on Zorp-Bench and 0.39% on Quux-QA.")
    assert [(b, m, v) for _, b, m, v, _ in got] == [
        ("Zorp-Bench", "mIoU improvement", 0.87), ("Quux-QA", "mIoU improvement", 0.39)
    ]
    assert _results("FooNet improves perplexity by 5% and gives a decrease in training time by 3%.") == [
        ("FooNet", None, "perplexity improvement", 5.0, "%")
    ]
    assert _results("FooNet cuts inference costs by up to 14% while keeping its accuracy.") == []
    assert _results("FooNet improves over BarLM by 2.3 points.") == []
    assert _results("FooNet gains +3.1% on Zorp-Bench.") == []
    assert _results("Overall, FooNet brings a 19% average gain.") == []


def test_counts_sizes_and_factors_are_never_values() -> None:
    assert _results("FooNet improves accuracy on 3 other datasets.") == []
    assert _results("BazGPT-7B has 7B parameters and reaches higher accuracy.") == []
    assert _results("We train on 10k images of Frob-1K for better accuracy.") == []
    assert _results("FooNet is 2x faster than BarLM at the same accuracy.") == []
    assert _results("FooNet keeps accuracy with 80% fewer parameters.") == []
    assert _results("With only 10% of the labels of Frob-1K we match the accuracy of BarLM.") == []
    assert _results("We show that: 1) accuracy on Zorp-Bench matters (pass@1).") == []


def test_respectively_lists_pair_in_order() -> None:
    got = _results("FooNet reaches 71.2%, 64.0% and 55.3% accuracy on Zorp-Bench, Quux-QA and Blip-Eval, respectively.")
    assert [(b, v) for _, b, _, v, _ in got] == [("Zorp-Bench", 71.2), ("Quux-QA", 64.0), ("Blip-Eval", 55.3)]
    got = _results("On Zorp-Bench, Quux-QA and Blip-Eval, FooNet reaches 71.2%, 64.0% and 55.3% accuracy.")
    assert [(b, v) for _, b, _, v, _ in got] == [("Zorp-Bench", 71.2), ("Quux-QA", 64.0), ("Blip-Eval", 55.3)]
    got = _results("FooNet scores 71.2/64.0/55.3 F1 on Zorp-Bench/Quux-QA/Blip-Eval.")
    assert [(b, v) for _, b, _, v, _ in got] == [("Zorp-Bench", 71.2), ("Quux-QA", 64.0), ("Blip-Eval", 55.3)]


def test_margins_follow_the_benchmarks_of_the_values_before() -> None:
    got = _results(
        "It reaches top-1 accuracies of 88.5% on Zorp-Bench and 80.7% on Quux-QA, surpassing previously "
        "reported methods by 2.2% and 21.1%, respectively."
    )
    assert [(b, v) for _, b, _, v, _ in got] == [
        ("Zorp-Bench", 88.5),
        ("Quux-QA", 80.7),
        ("Zorp-Bench", 2.2),
        ("Quux-QA", 21.1),
    ]
    assert got[2][2] == "top-1 accuracy improvement"


def test_operating_points_settings_and_counted_names() -> None:
    got = _results("FooNet improves the 10-shot accuracy from 33.4% to 74.1% at 1% false alarm rate on Zorp-Bench.")
    assert [v for *_, v, _ in got] == [33.4, 74.1]
    got = _results("FooNet achieves results at 71.2% and 41.5% on Zorp-Bench and Quux-QA respectively.")
    assert [(b, v) for _, b, _, v, _ in got] == [("Zorp-Bench", 71.2), ("Quux-QA", 41.5)]
    assert _results("Accuracy and transfer accuracy correlate (r = 0.99 and 0.96, respectively).") == []
    got = _results("FooNet gains F1 by 1.4% on 9 datasets, 2.4% on 3 Zorp-Bench datasets, and 6% on Quux-QA.")
    assert [v for *_, v, _ in got] == [1.4, 2.4, 6.0]


def test_a_condition_after_at_is_no_result_and_no_gap_to_the_benchmark() -> None:
    got = _results("FooNet reaches 70.2 mAP at IoU 0.7 on Zorp-Bench and 54.1% mAP at IoU@0.5 on Quux-QA.")
    assert [(b, m, v) for _, b, m, v, _ in got] == [("Zorp-Bench", "mAP", 70.2), ("Quux-QA", "mAP", 54.1)]
    got = _results("On Blip-Eval, FooNet gets 80.1% recall at 1% FPR and 71.0% mAP at tIoU=0.5 on Zorp-Bench.")
    assert [(b, v) for _, b, _, v, _ in got] == [("Blip-Eval", 80.1), ("Zorp-Bench", 71.0)]


def test_metric_lists_pair_in_order_and_changes_in_a_metric() -> None:
    got = _results("On Zorp-Bench, the accuracy and Kappa coefficient of FooNet are 96.36% and 93.40%, respectively.")
    assert [(m, v) for _, _, m, v, _ in got] == [("accuracy", 96.36), ("Kappa coefficient", 93.4)]
    # a metric list right after or before the numbers pairs in order with no "respectively"
    got = _results("On Zorp-Bench, FooNet brings an absolute gain of 15.4% and 12.9% in terms of Rank-1 and mAP.")
    assert [(m, v) for _, _, m, v, _ in got] == [("Rank-1 improvement", 15.4), ("mAP improvement", 12.9)]
    got = _results("The accuracy and F1 of FooNet reach 91.0% and 88.5% on Zorp-Bench.")
    assert [(m, v) for _, _, m, v, _ in got] == [("accuracy", 91.0), ("F1", 88.5)]
    got = _results("FooNet gives a mean reduction in EER of 59.2% on Zorp-Bench.")
    assert [(m, v) for _, _, m, v, _ in got] == [("mean reduction in EER", 59.2)]
    got = _results("FooNet achieves a 20% relative error reduction on Zorp-Bench.")
    assert [(b, m, v) for _, b, m, v, _ in got] == [("Zorp-Bench", "relative error reduction", 20.0)]


def test_hyphen_prefixed_metric() -> None:
    got = _results("On Zorp-Bench, FooNet reaches a pixel-AUROC of 89.6% (91.5%) in zero-shot.")
    assert [(m, v) for _, _, m, v, _ in got] == [("pixel-AUROC", 89.6), ("pixel-AUROC", 91.5)]


def test_a_percent_performance_and_its_baseline() -> None:
    got = _results("FooNet reaches 65.35% performance on average compared to the baseline 64.30% (BarLM).")
    assert [(m, v) for m, _, _, v, _ in got] == [("FooNet", 65.35), (None, 64.3)]
    assert _results("FooNet improves performance by 5%.") == []


def test_metric_is_kept_as_written() -> None:
    got = _results("FooNet reaches 91.2 UAS and 89.0 LAS on Zorp-Bench, a CIDEr of 120.3 and a test error of 3.2%.")
    assert [(m, v) for _, _, m, v, _ in got] == [("UAS", 91.2), ("LAS", 89.0), ("CIDEr", 120.3), ("test error", 3.2)]
    got = _results("FooNet reaches a mAP@0.5 of 44.1 and 76.5% zero-shot top-1 accuracy on Zorp-Bench.")
    assert [(m, v) for _, _, m, v, _ in got] == [("mAP@0.5", 44.1), ("zero-shot top-1 accuracy", 76.5)]
    assert _results("FooNet reaches 100% clustering accuracy on Frob-1K.")[0][2] == "clustering accuracy"


def test_model_slot_is_a_model_or_the_proposal() -> None:
    got = _results("FooNet outperforms BarLM and BazGPT-7B, reaching 80.1% accuracy on Zorp-Bench.")
    assert got[0][0] == "FooNet"
    got = _results("Using QuxTune, the system reaches 80.1% accuracy on Zorp-Bench.")
    assert got[0][0] == "FooNet"  # never the (not proposed) Method; the paper's proposal
    got = _results("On Zorp-Bench, ZipAlign reaches 80.1% accuracy.")
    assert got[0][0] == "FooNet"  # a proposed method's result is the proposed model's
    got = _results("Our method reaches 78.1% test accuracy on Zorp-Bench, compared to 77.0% test accuracy of BarLM.")
    assert [(m, v) for m, _, _, v, _ in got] == [("FooNet", 78.1), (None, 77.0)]
    got = _results("FooNet reaches 72.6% on Zorp-Bench, surpassing BarLM (67.0%).")
    assert [(m, v) for m, _, _, v, _ in got] == [("FooNet", 72.6), ("BarLM", 67.0)]
    no_model = {k: v for k, v in NAMES.items() if k != "FooNet"}
    assert _results("BarLM reaches 61.0% accuracy on Zorp-Bench.", no_model)[0][0] == "BarLM"


def test_proposal_prefers_a_model() -> None:
    ents = _ents("FooNet and ZipAlign")
    assert proposal_of(ents) == "FooNet"
    assert proposal_of([e for e in ents if e["name"] != "FooNet"]) == "ZipAlign"
    assert proposal_of([]) is None


def test_pipeline_writes_results() -> None:
    doc = build_nlp()("T\n\nWe reach a test accuracy of 90% on MNIST with roughly 12,200 labeled images.")
    assert [(r["value"], r["metric"]) for r in doc._.kg_results] == [(90.0, "test accuracy")]


def _doc_results(text: str, names: dict[str, tuple[str, bool]]) -> list[tuple]:
    """Results of a title and several sentences (split at ". ")."""
    sents, start = [], 0
    for part in re.split(r"(?<=\.) |\n\n", text):
        start = text.index(part, start)
        sents.append([start, start + len(part)])
        start += len(part)
    return [(r["benchmark"], r["value"]) for r in find_results(text, sents, _ents(text, names))]


def test_a_result_without_a_benchmark_takes_the_papers_only_benchmark() -> None:
    text = "FooNet: a title\n\nWe test FooNet on Zorp-Bench. It improves the accuracy by 5.8% over BarLM."
    assert _doc_results(text, NAMES) == [("Zorp-Bench", 5.8)]
    # Not when the paper names two, or a dataset too, or when the only one is the paper's own.
    two = "FooNet: a title\n\nWe test on Zorp-Bench and Quux-QA. It improves the accuracy by 5.8% over BarLM."
    assert _doc_results(two, NAMES) == [(None, 5.8)]
    own = {**NAMES, "Zorp-Bench": ("Benchmark", True)}
    assert _doc_results(text, own) == [(None, 5.8)]
    # Nor for a result stated before the benchmark is named.
    early = "FooNet: a title\n\nFooNet improves the accuracy by 5.8% over BarLM. We test it on Zorp-Bench."
    assert _doc_results(early, NAMES) == [(None, 5.8)]


def test_a_coordinated_value_keeps_the_metric_the_text_elides() -> None:
    got = _results("FooNet reaches 92.5% accuracy on Zorp-Bench and 71.3% on Quux-QA.")
    assert [(b, m, v) for _, b, m, v, _ in got] == [("Zorp-Bench", "accuracy", 92.5), ("Quux-QA", "accuracy", 71.3)]
    got = _results("FooNet reaches 92.5% accuracy on Zorp-Bench and a 3.1% error rate on Quux-QA.")
    assert [m for _, _, m, _, _ in got] == ["accuracy", "error rate"]  # a metric named again is its own
    got = _results("FooNet reaches 92.5% accuracy on Zorp-Bench and 71.3 on Quux-QA.")
    assert [m for _, _, m, _, _ in got] == ["accuracy", "score"]  # another unit: another kind of number
    got = _results("FooNet reaches 94-th percentile on Zorp-Bench, 74.9 on Quux-QA.")
    assert [m for _, _, m, _, _ in got][-1] != "percentile"  # a comma list may mix metrics


def test_a_system_named_before_the_number_owns_it_not_its_backbone() -> None:
    got = _results("On Zorp-Bench, FooNet achieves 61.4% accuracy with BarLM.")
    assert [(m, v) for m, _, _, v, _ in got] == [("FooNet", 61.4)]
    got = _results("On Zorp-Bench, BazGPT-7B with BarLM achieves 40.4% accuracy.")
    assert [(m, v) for m, _, _, v, _ in got] == [("BazGPT-7B", 40.4)]
    got = _results("On Zorp-Bench, ZipAlign yields 71.2% accuracy for BazGPT-7B and 64.0% for BarLM.")
    # "for" a model right after the number names it
    assert [(m, v) for m, _, _, v, _ in got] == [("BazGPT-7B", 71.2), ("BarLM", 64.0)]


def test_plural_metric_acronyms_and_slash_lists_from_old_to_new() -> None:
    assert [r[2:4] for r in _results("FooNet achieves mAPs of 85.2%, 96.0% and 95.5% on Zorp-Bench.")] == [
        ("mAP", 85.2), ("mAP", 96.0), ("mAP", 95.5)]
    got = _results("mIoUs on Zorp-Bench/Quux-QA/Blip-Eval are improved from 35.6/20.7/30.3 to 86.1/66.7/54.7.")
    assert sorted((r[1], r[3]) for r in got) == [
        ("Blip-Eval", 30.3), ("Blip-Eval", 54.7), ("Quux-QA", 20.7), ("Quux-QA", 66.7),
        ("Zorp-Bench", 35.6), ("Zorp-Bench", 86.1)]


def test_a_bracketed_comparison_is_the_baselines_number_not_the_papers() -> None:
    got = _results("FooNet achieves 65.07% (vs. previous SOTA 24.68%) recall on Zorp-Bench.")
    assert ("FooNet", "Zorp-Bench", "recall", 65.07, "%") in got
    assert all(r[0] is None for r in got if r[3] == 24.68)


def test_percentage_points_are_a_change() -> None:
    assert _results("FooNet improves accuracy by as many as 18 percentage points on Zorp-Bench.") == [
        ("FooNet", "Zorp-Bench", "accuracy improvement", 18.0, "%")
    ]
    assert _results("It lets us improve up to 6.90 pp on Zorp-Bench and 8.26 pp on Quux-QA.") == []  # no metric


def test_a_value_in_decibels_reports_on_the_benchmark_after_it() -> None:
    assert ("FooNet", "Zorp-Bench", "PSNR", 23.8, None) in _results("FooNet gets 23.80dB PSNR on Zorp-Bench.")


def test_a_change_goes_on_across_benchmarks_with_digits_in_their_names() -> None:
    got = _results("FooNet reduces classification error by 18.53% on Frob-1K and 13.13% on Zorp-Bench, at no cost.")
    assert [(r[1], r[2], r[3]) for r in got] == [
        ("Frob-1K", "classification error reduction", 18.53), ("Zorp-Bench", "classification error reduction", 13.13)
    ]
    # "by a large margin (e.g., up to ...)": changes with no metric are bare improvements, not values
    assert _results("FooNet improves others by a large margin (e.g., up to 10.64% on Frob-1K, 9.33% on Quux-QA).") == []


def test_a_metric_after_in_both_is_named_without_both() -> None:
    got = _results("FooNet gives an average improvement of over 3% in both Dice and IoU scores.")
    assert got and got[0][2] == "Dice improvement"


def test_respectively_pairs_benchmarks_named_with_their_splits() -> None:
    got = _results("FooNet achieves mIoU scores of 81.9%, 45.7% and 55.4% on the Zorp-Bench test set, the Quux-QA "
                   "validation set and the Blip-Eval validation set respectively.")
    assert [(r[1], r[3]) for r in got] == [("Zorp-Bench", 81.9), ("Quux-QA", 45.7), ("Blip-Eval", 55.4)]


def test_a_change_in_brackets_or_a_metric_acronym_does_not_cut_a_result_from_its_benchmark() -> None:
    assert _results("FooNet improves F1 to 62.1% (+1.9%) on Zorp-Bench and 71.9% (+3.0%) on Quux-QA.")[::2] == [
        ("FooNet", "Zorp-Bench", "F1", 62.1, "%"), ("FooNet", "Quux-QA", "F1", 71.9, "%"),
    ]
    got = _results("FooNet achieves 27.8 dB peak signal-to-noise ratio (PSNR) on Zorp-Bench.")
    assert [(r[1], r[3]) for r in got] == [("Zorp-Bench", 27.8)]


def test_versus_pairs_are_levels_and_the_first_is_the_new_one() -> None:
    got = _results("FooNet shows accuracy gains of 96.3% vs. 90.6% and 96.9% vs. 88% on Zorp-Bench and Quux-QA, "
                   "respectively.")
    news = [(r[1], r[3]) for r in got if r[0] == "FooNet"]
    assert news == [("Zorp-Bench", 96.3), ("Quux-QA", 96.9)]
    assert not any("gain" in r[2] for r in got)


def test_by_an_average_is_a_change() -> None:
    got = _results("FooNet beats BarLM by average more than 0.8 dB in terms of PSNR on Zorp-Bench.")
    assert [r[:4] for r in got] == [("FooNet", "Zorp-Bench", "PSNR improvement", 0.8)]


def test_a_short_qualifier_before_the_metric_and_counts_in_compound_words() -> None:
    assert [r[1:4] for r in _results("FooNet achieves 66.4% Q8 accuracy on Zorp-Bench.")] == [
        ("Zorp-Bench", "Q8 accuracy", 66.4),
    ]
    assert _results("FooNet improves the accuracy of some models (32, 44, 56-layer BarLM) on Zorp-Bench.") == []


def test_values_coordinated_before_a_benchmark_share_it() -> None:
    """"A% M1 and B% M2 on X": both values are on X; a value with a benchmark of its own keeps it."""
    got = _results("FooNet reaches 66.3% exact match and 74.7% F1 score on Quux-QA.")
    assert [(r[1], r[2], r[3]) for r in got] == [("Quux-QA", "exact match", 66.3), ("Quux-QA", "F1 score", 74.7)]
    got = _results("FooNet reaches 61.2% accuracy, 58.0% recall and 74.7% F1 score on Quux-QA.")
    assert {r[1] for r in got} == {"Quux-QA"} and len(got) == 3
    got = _results("FooNet reaches 66.3% accuracy on Zorp-Bench and 74.7% F1 score on Quux-QA.")
    assert [(r[1], r[3]) for r in got] == [("Zorp-Bench", 66.3), ("Quux-QA", 74.7)]
    got = _results("FooNet reaches 66.3% accuracy with a smaller budget and 74.7% F1 score on Quux-QA.")
    assert [(r[1], r[3]) for r in got] == [("Quux-QA", 66.3), ("Quux-QA", 74.7)]  # the sentence's one benchmark
    got = _results("FooNet reaches 66.3% accuracy with a smaller budget on Zorp-Bench and 74.7% F1 score on Quux-QA.")
    assert [(r[1], r[3]) for r in got] == [("Zorp-Bench", 66.3), ("Quux-QA", 74.7)]


def test_values_across_a_slash_share_the_benchmark_and_the_metric_head() -> None:
    """"84.4% top-1 / 97.1% top-5 accuracy on X": both on X, the first a top-1 accuracy."""
    got = _results("FooNet reaches 84.4% top-1 / 97.1% top-5 accuracy on Quux-QA.")
    assert [(r[1], r[2], r[3]) for r in got] == [
        ("Quux-QA", "top-1 accuracy", 84.4), ("Quux-QA", "top-5 accuracy", 97.1)
    ]
    got = _results("FooNet reaches 61.2% accuracy / 74.7% F1 score on Quux-QA.")
    assert [(r[1], r[2]) for r in got] == [("Quux-QA", "accuracy"), ("Quux-QA", "F1 score")]  # no shared head


def test_slashed_values_and_slashed_metrics_pair_in_order_on_one_benchmark() -> None:
    """"24.1%/7.1% top-1/top-5 error rates on X": both on X; two such lists each take the metrics after them."""
    got = _results("FooNet reaches 24.1%/7.1% top-1/top-5 error rates on Quux-QA.")
    assert [(r[1], r[2], r[3]) for r in got] == [
        ("Quux-QA", "top-1 error rate", 24.1), ("Quux-QA", "top-5 error rate", 7.1)
    ]
    got = _results("FooNet obtains a 46.8/38.6 box/mask AP with BarLM, and a 48.1/39.9 box/mask AP with BazGPT-7B.")
    assert [(r[2], r[3]) for r in got] == [("box AP", 46.8), ("mask AP", 38.6), ("box AP", 48.1), ("mask AP", 39.9)]


def test_a_bracketed_aside_and_a_metric_first_list_keep_the_benchmark_after_them() -> None:
    """"an mAP of 47.9% (68.3% at 50% overlap) on X" and "a Dice of 83.5% and an HD95 of 3.8 on X": all on X."""
    got = _results("FooNet obtains an mAP of 47.9% (68.3% at 50% overlap) on Quux-QA.")
    assert [(r[1], r[3]) for r in got] == [("Quux-QA", 47.9), ("Quux-QA", 68.3)]
    got = _results("FooNet obtains a Dice score of 83.5% and a Hausdorff distance (HD95) of 3.8 on Quux-QA.")
    assert [(r[1], r[3]) for r in got] == [("Quux-QA", 83.5), ("Quux-QA", 3.8)]
    got = _results("FooNet obtains an accuracy of 83.5% and, after 5 epochs, a BLEU of 33.8 on Quux-QA.")
    assert [(r[1], r[3]) for r in got] == [("Quux-QA", 83.5), ("Quux-QA", 33.8)]  # not one list: the one benchmark
    got = _results("FooNet reaches 60.8% mean intersection-over-union (mIoU) on the large-scale, in-the-wild Quux-QA.")
    assert [(r[1], r[3]) for r in got] == [("Quux-QA", 60.8)]
    got = _results("On Zorp-Bench, FooNet reaches 95.9% accuracy in blarg detection, and on Quux-QA 75.9% accuracy.")
    assert [(r[1], r[3]) for r in got] == [("Zorp-Bench", 95.9), ("Quux-QA", 75.9)]  # no comma across "and on"


def test_a_change_of_something_else_does_not_take_the_metric_before_it() -> None:
    got = _results("FooNet brings a 6.2% improvement in accuracy and an 11.4% reduction in training time.")
    assert [(r[2], r[3]) for r in got] == [("improvement in accuracy", 6.2)]
    got = _results("FooNet brings a 6.2% improvement in accuracy and a 3.1% reduction in error rate.")
    assert [r[3] for r in got] == [6.2, 3.1]  # a metric after the change: its own


def test_a_number_after_another_on_phrase_is_not_on_the_benchmark_before() -> None:
    got = _results("With FooNet, accuracy on Zorp-Bench rises from 53.5% to 63.8%, and on Wib Letters from 23.8% to "
                   "84.2%.")
    assert [(r[1], r[3]) for r in got] == [("Zorp-Bench", 53.5), ("Zorp-Bench", 63.8), (None, 23.8), (None, 84.2)]
    got = _results("Experiments on Zorp-Bench with FooNet and on BarLM reach 60.2% IoU.")
    assert [(r[1], r[3]) for r in got] == [("Zorp-Bench", 60.2)]  # "on BarLM": a known name, no other benchmark


def test_parts_of_one_set_pair_in_a_respectively_list_and_a_list_that_does_not_pair_gives_no_benchmark() -> None:
    got = _results("FooNet reaches 61.2%, 58.0% and 74.7% accuracy on the Zorp-Bench Part A, Zorp-Bench Part B and "
                   "Quux-QA sets, respectively.")
    assert [(r[1], r[3]) for r in got] == [("Zorp-Bench", 61.2), ("Zorp-Bench", 58.0), ("Quux-QA", 74.7)]
    got = _results("FooNet reaches 61.2% and 74.7% on Split Zorp-Bench and Split Quux-QA, respectively.")
    assert [(r[1], r[3]) for r in got] == [("Zorp-Bench", 61.2), ("Quux-QA", 74.7)]  # continual learning's splits
    got = _results("FooNet reaches 61.2% and 74.7% accuracy on Zorp-Bench, Blip-Eval and Quux-QA, respectively.")
    assert [(r[1], r[3]) for r in got] == [(None, 61.2), (None, 74.7)]
    got = _results("FooNet lifts accuracy on Quux-QA by 0.3% and 0.2% for BarLM and BazGPT-7B, respectively.")
    assert [(r[0], r[1]) for r in got] == [("BarLM", "Quux-QA"), ("BazGPT-7B", "Quux-QA")]  # one benchmark: all on it


def test_a_metric_acronym_the_paper_defines_is_a_metric_and_a_percentile_is_part_of_its_metric() -> None:
    got = _results(
        "FooNet reaches a Zorp similarity coefficient (ZSC) of 83.5% and a Hausdorff distance 95th percentile "
        "(HD95) of 3.83 on Zorp-Bench, and an HD95 of 5.10 on Quux-QA."
    )
    assert ("FooNet", "Quux-QA", "HD95", 5.1, None) in got
    assert ("FooNet", "Zorp-Bench", "Hausdorff distance 95th percentile", 3.83, None) in got
    assert all(r[3] != 95.0 for r in got)


def test_a_change_goes_on_over_another_system_and_the_system_after_over_is_compared() -> None:
    got = _results("On Zorp-Bench, FooNet improves F1 by 2.8% over BarLM and 5.8% over BazGPT-7B.")
    assert got == [
        ("FooNet", "Zorp-Bench", "F1 improvement", 2.8, "%"),
        ("FooNet", "Zorp-Bench", "F1 improvement", 5.8, "%"),
    ]


def test_a_number_before_worse_is_a_drop_not_a_level() -> None:
    assert _results("On Zorp-Bench, BarLM gets 3% worse accuracy than FooNet.") == [
        ("BarLM", "Zorp-Bench", "accuracy reduction", 3.0, "%")
    ]


def test_a_reduction_of_something_else_takes_no_metric_and_tex_f1_is_f1() -> None:
    got = _results("FooNet reaches an accuracy of 0.9459 on Zorp-Bench, reducing latency by 93.12% over BarLM.")
    assert got == [("FooNet", "Zorp-Bench", "accuracy", 0.9459, None)]
    from extract.markup import blank_markup  # the pipeline reads the text blanked

    got = _results(blank_markup("On Zorp-Bench, FooNet reaches an $F_1$ score of 81.2%."))
    assert got == [("FooNet", "Zorp-Bench", "F1 score", 81.2, "%")]


def test_a_change_goes_on_with_another_value_for_another_system() -> None:
    got = _results("On Zorp-Bench, FooNet improves accuracy by 7.6% over BarLM, with 14.6% for BazGPT-7B.")
    assert [r[2:4] for r in got] == [("accuracy improvement", 7.6), ("accuracy improvement", 14.6)]


def test_training_data_is_no_benchmark_of_a_result() -> None:
    pretrained = _results("Pretrained on Frob-1K, FooNet reaches 88.7% top-1 accuracy.")
    assert [(b, v) for _, b, _, v, _ in pretrained] == [(None, 88.7)]
    elsewhere = _results("FooNet, trained on Frob-1K, beats BarLM on other benchmarks by 7.7 points of accuracy.")
    assert [(b, v) for _, b, _, v, _ in elsewhere] == [(None, 7.7)]
    # trained on a data set and reporting on it, with no other test named: trained and tested on it
    same = _results("When only trained on Frob-1K, FooNet achieves 81.9% top-1 accuracy.")
    assert [(b, v) for _, b, _, v, _ in same] == [("Frob-1K", 81.9)]


def test_a_list_of_values_one_longer_than_its_names_ends_on_an_unnamed_item() -> None:
    got = _results("FooNet reaches 8.43, 5.96 and 10.60 on Zorp-Bench, Quux-QA and math average benchmarks.")
    assert [(b, v) for _, b, _, v, _ in got] == [("Zorp-Bench", 8.43), ("Quux-QA", 5.96), (None, 10.6)]


def test_a_bracketed_acronym_stays_in_its_list_item() -> None:
    text = ("FooNet: a title\n\nOn Zorp Treebank (ZTB) and Quux-QA, FooNet reaches perplexities of 46.01 and 38.65, "
            "respectively.")
    ents = _ents(text)
    s = text.index("Zorp Treebank")
    a = text.index("ZTB")
    ents.append({"name": "Zorp Treebank", "label": "Benchmark", "mentions": [[s, s + 13], [a, a + 3]], "proposed": ""})
    got = [(r["benchmark"], r["value"]) for r in find_results(text, [[0, 15], [17, len(text)]], ents)]
    assert got == [("Zorp Treebank", 46.01), ("Quux-QA", 38.65)]


def test_changes_go_on_after_their_noun_but_not_into_a_baseline_s_bracket() -> None:
    got = _results("FooNet brings a 20.2% relative improvement on Zorp-Bench, 20.9% on Quux-QA and 15.1% on Blip-Eval.")
    assert got == []  # bare improvements, the first and the rest alike
    got = _results("FooNet has 4.94% top-5 error on Zorp-Bench, a 26% relative gain over the winner (BarLM, 6.66%).")
    assert 6.66 in [v for _, _, _, v, _ in got]  # the baseline's own level, no change
    got = _results("On Zorp-Bench, FooNet brings a 15.3% and 14.7% improvement in MAE and RMSE over the best model.")
    assert [(m, v) for _, _, m, v, _ in got] == [("improvement in MAE", 15.3), ("RMSE improvement", 14.7)]


def test_an_average_over_benchmarks_has_no_single_benchmark() -> None:
    got = _results("On Zorp-Bench, FooNet lifts the average accuracy across six benchmarks from 17.6% to 35.7%.")
    assert [(b, v) for _, b, _, v, _ in got] == [(None, 17.6), (None, 35.7)]
    got = _results("FooNet matches it (Zorp-Bench: 73.6%, average: 35.9%).")
    assert [(b, v) for _, b, _, v, _ in got] == [("Zorp-Bench", 73.6), (None, 35.9)]


def test_a_number_in_a_suspended_compound_is_no_result() -> None:
    got = _results("On Zorp-Bench, FooNet reaches 0.32 and 0.48 F1 for 2- and 3-minute horizons.")
    assert [v for _, _, _, v, _ in got] == [0.32, 0.48]  # not the 2 of "2- and 3-minute"


def test_a_metric_set_equal_to_its_value_and_a_tilde_range() -> None:
    assert _results("FooNet reaches an FID=9.91 on Zorp-Bench.") == [("FooNet", "Zorp-Bench", "FID", 9.91, None)]
    assert _results("FooNet beats the baselines by 12% ∼ 20% mean IoU on Zorp-Bench.") == []  # bounds, no value



def test_the_method_after_a_named_system_owns_the_result() -> None:
    """"Using BarLM ..., the method improved ..., achieving X": the named system is a part, the paper's own result."""
    got = _results("Using BarLM features, the method improved accuracy, achieving a Dice of 0.974 on Zorp-Bench.")
    assert got == [("FooNet", "Zorp-Bench", "Dice", 0.974, None)]
    assert _results("BarLM reaches a Dice of 0.974 on Zorp-Bench.")[0][0] == "BarLM"


def test_a_bracketed_note_does_not_break_a_respectively_list_and_shares_its_numbers_benchmark() -> None:
    got = _results("FooNet reaches accuracies of 94.6% (+1.2%) and 77.0% (+0.8%) on Zorp-Bench and Quux-QA, "
                   "respectively.")
    assert [(r[1], r[2], r[3]) for r in got] == [
        ("Zorp-Bench", "accuracy", 94.6), ("Quux-QA", "accuracy", 77.0),
        ("Zorp-Bench", "accuracy improvement", 1.2), ("Quux-QA", "accuracy improvement", 0.8)]
    got = _results("FooNet reaches accuracies of 94.6% (95.6% for an ensemble) and 77.0% on Zorp-Bench and Quux-QA, "
                   "respectively.")
    assert {(r[1], r[3]) for r in got} == {("Zorp-Bench", 94.6), ("Zorp-Bench", 95.6), ("Quux-QA", 77.0)}


def test_a_latex_size_is_no_value() -> None:
    """"$32 \\times 32$ Zorp-Bench" is an image size on either side of the sign, not a log-likelihood."""
    assert _results(r"We present log-likelihood results on Zorp-Bench at $32 \times 32$ and $64 \times 64$.") == []



def test_a_years_two_digits_after_an_apostrophe_are_no_value() -> None:
    """"on the ZCCV'17 Zorp-Bench": the year of an edition, never a result, even where the sentence's own numbers
    are not read (a title-case metric after them)."""
    got = _results("It goes from 65.4% to 71.8% Multi-Object Zorp Accuracy (MOZA) on the ZCCV'17 Zorp-Bench dataset.")
    assert 17.0 not in [r[3] for r in got]
    got = _results("We improve from 65.4% to 71.8% accuracy on the ZCCV'17 Zorp-Bench.")
    assert [r[3] for r in got] == [65.4, 71.8]
