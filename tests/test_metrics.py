"""Metric names in running text, as written (extract.metrics)."""

from __future__ import annotations

from extract.metrics import display, find_metrics, is_change, name_pattern, pwc_metric_names


def _metrics(text: str) -> list[str]:
    return [m[2] for m in find_metrics(text, 0, len(text))]


def test_pwc_metric_names_are_shipped() -> None:
    names = set(pwc_metric_names())
    assert {"UAS", "LAS", "CIDEr", "MPJPE", "nDCG@10", "Hits@10"} <= names
    assert not names & {"Params", "FLOPS", "Speed", "MRPC", "Score"}  # costs, datasets, vague words


def test_metrics_keep_the_text_s_wording() -> None:
    assert _metrics("91.2 UAS, 89.0 LAS, a CIDEr of 120.3, mAP@0.5 of 44.1 and a test error of 3.2%") == [
        "UAS",
        "LAS",
        "CIDEr",
        "mAP@0.5",
        "test error",
    ]
    assert _metrics("a zero-shot top-1 accuracy of 88.5% and a relative WER reduction") == [
        "zero-shot top-1 accuracy",
        "relative WER reduction",
    ]
    assert _metrics("Accuracy rises") == ["accuracy"]  # a sentence start is no part of the name
    assert _metrics("a 38.95 F-0.5 score and an F0.5 of 60.2") == ["F-0.5 score", "F0.5"]


def test_a_threshold_written_onto_a_metric_belongs_to_it() -> None:
    assert _metrics("92.7% mAP50, an AP_75 of 30.1, mAP50-95 of 41.0, AP@0.50:0.95 of 38.2 and F1@15 of 0.31") == [
        "mAP50", "AP_75", "mAP50-95", "AP@0.50:0.95", "F1@15"]
    assert _metrics("F1 of 88 and a BLEU of 30") == ["F1", "BLEU"]
    assert _metrics("mAP 54.1% at IoU@0.5 and precision at recall 0.9") == ["mAP", "precision"]  # conditions
    assert _metrics("the APX model and mAP5 scores") == ["score"]  # not a threshold: another word
    # a subscript names the box, mask or object size: "AP_box", "AP$_{mask}$", "AP^S", "$mAP_{50}$"
    assert _metrics("61.3 AP_box, 52.1 AP$_{mask}$, 30.2 AP^S and 41.0 $mAP_{50}$") == [
        "AP_box", "AP$_{mask}$", "AP^S", "mAP_{50}"]


def test_panoptic_quality_and_a_bare_top_k_after_its_number() -> None:
    assert _metrics("57.8 PQ, 76.1% top-1 and 93.0% top-5 accuracy, 80.6% in top-1") == [
        "PQ", "top-1", "top-5 accuracy", "top-1"]
    assert _metrics("the top-1 prediction and error rates of 3.9% and 26.0% (Top-1 / Top-5)") == ["error rate"]
    assert _metrics("82.9% top-1 classification accuracy") == ["top-1 classification accuracy"]


def test_mixed_case_names_in_any_case_but_all_lower() -> None:
    assert _metrics("79.7% mIOU and 44 MAP") == ["mIOU", "MAP"]
    assert _metrics("a map of the city") == []


def test_words_that_only_look_like_metrics() -> None:
    assert _metrics("trained in mixed precision and half precision") == []
    assert _metrics("precision of 90%") == ["precision"]


def test_weak_and_change_metrics() -> None:
    (weak,) = find_metrics("a score of 80", 0, 13)
    assert weak[3] is True
    assert is_change("relative WER reduction") and not is_change("WER")


def test_name_pattern_matches_spacing_and_plurals() -> None:
    import re

    assert re.fullmatch(name_pattern("Top-1 Accuracy"), "top 1 accuracies")
    assert re.fullmatch(name_pattern("Word Error Rate"), "word-error rates")
    assert display("overall\n Accuracy") == "overall Accuracy"


def test_long_forms_of_metric_acronyms() -> None:
    text = (
        "a peak signal-to-noise ratio of 30, a mean intersection over union of 81%, an area under the ROC curve "
        "of 0.9 and a root mean squared error of 2"
    )
    assert _metrics(text) == [
        "peak signal-to-noise ratio", "mean intersection over union", "area under the ROC curve",
        "root mean squared error",
    ]


def test_errors_of_a_kind_and_auc_variants_are_metrics_as_written() -> None:
    from extract.metrics import find_metrics

    def names(text: str) -> list[str]:
        return [n for _, _, n, _ in find_metrics(text, 0, len(text))]

    assert names("a 7.9% reduction in reconstruction error on Zorp") == ["reduction in reconstruction error"]
    assert names("a 27% relative error rate improvement") == ["relative error rate improvement"]
    assert "AUC-PR" in names("8.24% in AUC-PR")


def test_a_top_k_qualifier_of_any_k_belongs_to_the_metric() -> None:
    from extract.metrics import find_metrics

    text = "with a top-10 accuracy of 83% and top-20 retrieval accuracy of 84%"
    assert [m[2] for m in find_metrics(text, 0, len(text))] == ["top-10 accuracy", "top-20 retrieval accuracy"]


def test_classic_acronym_metrics_in_title_case_and_hit_rates() -> None:
    assert _metrics("a Rouge-L of 41.2, Bleu-4 of 30.1 and Meteor of 25.0") == ["Rouge-L", "Bleu-4", "Meteor"]
    assert _metrics("cache hit rates rise by 61%; a hit ratio of 0.4") == ["hit rate", "hit ratio"]
    assert _metrics("a Rank@1 of 61.2%") == ["Rank@1"]
    assert _metrics("the rouge of the zorp") == []  # all lower case: a word, not the metric


def test_an_acronym_a_score_is_on_names_data_not_a_metric() -> None:
    assert _metrics("a 2.4% mAP gain on COCO, 1.6% on ADE and 1.5% on VG") == ["mAP gain"]  # ADE: a data set here
    assert _metrics("an ADE of 0.41 m") == ["ADE"]


def test_a_slashed_qualifier_before_a_metric_is_a_metric_of_its_own() -> None:
    """"top-1/top-5 error rate": the first metric written by its qualifier alone; not "train/test accuracy"."""
    assert _metrics("a top-1/top-5 error rate of 24.1%/7.1%") == ["top-1 error rate", "top-5 error rate"]
    assert _metrics("its train/test accuracy of 91.0/88.2") == ["test accuracy"]
    assert _metrics("a 46.8/38.6 box/mask AP") == ["box AP", "mask AP"]  # object kinds of a detection metric
    assert _metrics("a 46.8/38.6 pixel/mask AP") == ["pixel AP", "mask AP"]


def test_a_cut_off_metric_takes_its_head_word() -> None:
    """"Rank-1 accuracy" is the text's metric, not the list's "Rank-1" followed by a word."""
    assert _metrics("76.4% Rank-1 accuracy and 83.0% Recall-1 score") == ["Rank-1 accuracy", "Recall-1 score"]
    assert _metrics("a top-5 error rates of 7.1%") == ["top-5 error rate"]
    assert _metrics("a BLEU score of 30.1") == ["BLEU score"]


def test_established_metrics_newer_than_the_lists() -> None:
    """Tracking, simplification and generation metrics the Papers with Code dump predates; "bbox AP" like "box AP";
    a hyphenated "error-rate"."""
    assert _metrics("a HOTA of 61.2, a SARI of 40.1 and a BERTScore of 0.91") == ["HOTA", "SARI", "BERTScore"]
    assert _metrics("39.6 mask AP and 48.3 bbox AP") == ["mask AP", "bbox AP"]
    assert _metrics("a 6.78% error-rate and a 3.1% test error-rate") == ["error-rate", "test error-rate"]


def test_the_acronym_of_a_changed_metric_is_changed_too() -> None:
    assert _metrics("an increase in mean Average Precision (mAP) of 2.03%")[-1] == "increase in mAP"
    assert _metrics("a reduction in the word error rate (WER) of 12%")[-1] == "reduction in the WER"
    assert _metrics("a mean Average Precision (mAP) of 52.1%")[-1] == "mAP"  # no change: the level


def test_a_metric_goes_on_to_its_closing_noun_and_an_acronym_is_not_its_bracketed_long_form() -> None:
    assert _metrics("a Dice similarity coefficient of 83.5% and the Jaccard index of 0.8") == [
        "Dice similarity coefficient", "Jaccard index"]
    assert _metrics("accuracy and error rate") == ["accuracy", "error rate"]  # no noun after a function word
    assert _metrics("an HTER (Half Total Error Rate) of 5.48%") == ["HTER"]
    assert _metrics("mean reciprocal rank (MRR) of 0.3") == ["mean reciprocal rank", "MRR"]
    assert _metrics("poor performance (F1 score of 37.42%)") == ["performance", "F1 score"]


def test_older_and_tracking_spellings_of_established_metrics() -> None:
    """"62.2% mean IU" (the older spelling of mean IoU) and the trackers' "success score" are metrics, not the weak
    "score"; the IU of a data set's name is none."""
    text = "62.2% mean IU and a success score of 0.7"
    assert [(m[2], m[3]) for m in find_metrics(text, 0, len(text))] == [("mean IU", False), ("success score", False)]
    assert _metrics("reports on IU X-Ray") == []


def test_a_bare_error_is_a_metric_only_right_after_its_number() -> None:
    """"1.45% error on X", "3.49% mean error": the error rate as the text writes it; not "error analysis", "an
    error margin" or "type 1 error"."""
    assert _metrics("It achieves 1.45% error on Zorp and 3.49% mean error on Quux.") == ["error", "mean error"]
    assert _metrics("We report an error analysis of the errors it makes.") == []
    assert _metrics("It wins by a 58% error margin.") == []


def test_f_score_in_lower_case_is_the_metric() -> None:
    """"80.1 f-score for X": unlike "map" for mAP, no other word is spelled "f-score"."""
    assert _metrics("It reaches 80.1 f-score on Zorp and a 0.7 f-measure on Quux.") == ["f-score", "f-measure"]
