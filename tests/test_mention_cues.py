"""What the words around a mention say it is (extract.mention_cues)."""

from __future__ import annotations

from extract.mention_cues import cue_label


def _cue(text: str, name: str, defined: bool = False) -> str | None:
    start = text.index(name)
    return cue_label(text, start, start + len(name), defined=defined)


def test_descriptors_after_before_and_in_apposition() -> None:
    assert _cue("Results on the ZorpQA benchmark.", "ZorpQA") == "Benchmark"
    assert _cue("On datasets such as FlimSet it helps.", "FlimSet") == "Dataset"
    assert _cue("It beats the tracker QuuxTrack.", "QuuxTrack") == "Model"
    assert _cue("On BLORP, a widely-used retrieval benchmark, it wins.", "BLORP") == "Benchmark"
    assert _cue("Nothing here about ZapThing today.", "ZapThing") is None


def test_a_bracket_passes_the_cue_unless_the_acronym_is_defined_there() -> None:
    text = "We propose a tuning method (ZorpTune) and blarg quux net (BQN)."
    assert _cue(text, "ZorpTune") == "Method"
    assert _cue(text, "BQN", defined=True) is None


def test_an_appositive_is_not_the_next_clauses_subject() -> None:
    assert _cue("With the proposed ZapMix, the generalist model Blorp wins.", "ZapMix") is None
    assert _cue("It uses ZapMix, a model-agnostic trick.", "ZapMix") is None


def test_a_result_reported_on_a_name_makes_it_a_benchmark() -> None:
    for text in ("It reaches 24.4 BLEU on ZP2015E86, a gain.", "We see a 2.3% mAP boost on ZP2015E86.",
                 "It has an accuracy of 88.1% on ZP2015E86.", "It gets 23.80dB PSNR on ZP2015E86, beating all."):
        s = text.index("ZP2015E86")
        assert cue_label(text, s, s + 9) == "Benchmark", text
    for text in ("It runs 3 times faster on ZP2015E86.", "We train for 2 hours on ZP2015E86.",
                 "Accuracy is high on ZP2015E86."):
        s = text.index("ZP2015E86")
        assert cue_label(text, s, s + 9) is None, text


def test_a_sentence_opening_on_a_name_and_reporting_a_result_makes_it_a_benchmark() -> None:
    for text in ("We test it. On ZQTC2, our model obtains 74.5% joint goal accuracy.",
                 "Title\n\nOn ZQTC2, it reaches an accuracy of 71.0%."):
        s = text.index("ZQTC2")
        assert cue_label(text, s, s + 5) == "Benchmark", text
    for text in ("We test it. On ZQTC2, our model runs 3 times faster.",
                 "We train on ZQTC2, and 71.0% accuracy follows.",
                 "We test it. On ZQTC2 our model obtains 74.5% accuracy."):
        s = text.index("ZQTC2")
        assert cue_label(text, s, s + 5) is None, text


def test_a_descriptor_after_a_preposition_says_nothing_of_the_name() -> None:
    assert _cue("We evaluate ZorpNet on standard benchmarks.", "ZorpNet") is None
    assert _cue("We apply ZorpNet to three datasets.", "ZorpNet") is None
    assert _cue("We use the ZorpQA reading comprehension dataset.", "ZorpQA") == "Dataset"


def test_databases_are_data() -> None:
    assert _cue("Results on the ZorpFace database improve.", "ZorpFace") == "Dataset"
    assert _cue("on face aging databases (ZorpAge, BlargAge) it wins", "ZorpAge") == "Dataset"


def test_a_relative_clause_that_says_what_the_name_is() -> None:
    assert _cue("models on ZorpEval that is a leaderboard-powered benchmark", "ZorpEval") == "Benchmark"
    assert _cue("on ZorpEval, which is a new benchmark for it", "ZorpEval") == "Benchmark"


def test_a_validation_set_is_an_evaluation_set() -> None:
    text = "It reaches 55.4% on the ZLIP validation set."
    s = text.index("ZLIP")
    assert cue_label(text, s, s + 4) == "Benchmark"


def test_a_name_an_evaluation_is_run_on_is_a_benchmark_unless_a_known_model() -> None:
    text = "We test on ZQR2001. Experiments on the Zorp-7 set agree. We run experiments on Llama3.x too."
    assert cue_label(text, 11, 18) == "Benchmark"
    assert cue_label(text, text.index("Zorp-7"), text.index("Zorp-7") + 6) == "Benchmark"
    at = text.index("Llama3.x")
    assert cue_label(text, at, at + 8) is None  # a known model's stem: a model, evaluated
    assert cue_label("We train on ZQR2001.", 12, 19) is None


def test_items_of_a_bracketed_list_after_a_plural_descriptor_take_its_kind() -> None:
    text = "on three public datasets (ZorpSet for brain MRI, BCVX for abdomen CT, and VerZe for vertebrae CT) now"
    assert [cue_label(text, text.index(n), text.index(n) + len(n)) for n in ("ZorpSet", "BCVX", "VerZe")] == [
        "Dataset", "Dataset", "Dataset"
    ]
    aside = "zorp systems (ZorpSet for brain MRI, BCVX for CT) here"  # not after a kind of thing
    assert cue_label(aside, aside.index("BCVX"), aside.index("BCVX") + 4) is None


def test_namely_after_plural_trackers_names_models() -> None:
    text = "three classical Siamese-based trackers, namely ZiamRPN++, ZiamFC, and ZiamBAN."
    assert cue_label(text, text.index("ZiamRPN++"), text.index("ZiamRPN++") + 9) == "Model"


def test_a_generative_or_base_model_after_a_name_types_it() -> None:
    text = "the tri-plane representation presented for the ZG3D generative model."
    assert cue_label(text, text.index("ZG3D"), text.index("ZG3D") + 4) == "Model"


def test_a_capitalised_challenge_after_a_name_makes_it_a_benchmark_unless_a_venue() -> None:
    text = "0.97 to 0.98 for the ZorpSMNIST Classification Challenge, the MICCAI 2017 Challenge and CVPR2025 Challenge"
    assert cue_label(text, text.index("ZorpSMNIST"), text.index("ZorpSMNIST") + 10) == "Benchmark"
    assert cue_label(text, text.index("MICCAI"), text.index("MICCAI") + 11) is None
    assert cue_label(text, text.index("CVPR2025"), text.index("CVPR2025") + 8) is None
    lower = "ZSIs still remains a challenge"  # a problem, not a contest
    assert cue_label(lower, 0, 4) is None


def test_the_bracketed_parts_of_a_known_data_set_are_data() -> None:
    text = "on audio tasks, including AudioSet (ZS-2M, ZS-20K), ESC-50 and more"
    assert cue_label(text, text.index("ZS-2M"), text.index("ZS-2M") + 5) == "Benchmark"


def test_a_name_after_a_counted_kind_and_a_comma_takes_the_kind() -> None:
    text = "We test it on a new dataset, ZorpFacts."
    assert cue_label(text, text.index("ZorpFacts"), text.index("ZorpFacts") + 9) == "Dataset"
    text = "It beats two existing biclustering algorithms, ZSA and LAS, when clusters overlap."
    assert cue_label(text, text.index("ZSA"), text.index("ZSA") + 3) == "Method"
    text = "On a new dataset, ZorpNet achieves 90%."  # the subject of the next clause, not the data set
    assert cue_label(text, text.index("ZorpNet"), text.index("ZorpNet") + 7) is None


def test_a_bare_score_on_a_name_that_ends_there_makes_it_a_benchmark() -> None:
    text = "It reaches 98.50% on ZorpDB, 83.95% on QLFQ and more."
    assert cue_label(text, text.index("ZorpDB"), text.index("ZorpDB") + 6) == "Benchmark"
    assert cue_label(text, text.index("QLFQ"), text.index("QLFQ") + 4) == "Benchmark"
    text = "It beats ZorpTrack by 6.5% on HOTA metric."  # a metric follows: the name is one
    assert cue_label(text, text.index("HOTA"), text.index("HOTA") + 4) is None


def test_a_short_model_noun_types_a_name_in_brackets_only() -> None:
    text = "The decoder is a pretrained LM (ZorpGPT2). We study LLM ZoM capabilities."
    assert cue_label(text, text.index("ZorpGPT2"), text.index("ZorpGPT2") + 8) == "Model"
    assert cue_label(text, text.index("ZoM"), text.index("ZoM") + 3) is None  # "ZoM" modifies "capabilities"


def test_an_appositive_reads_past_an_acronym_in_brackets() -> None:
    text = "We release Zorp 1.5, a multi-embodiment Vision-Language-Action (VLA) model, today."
    assert cue_label(text, text.index("Zorp 1.5"), text.index("Zorp 1.5") + 8) == "Model"


def test_the_papers_own_kind_in_apposition_types_the_name() -> None:
    assert _cue("This algorithm, SketchyZ, modifies a standard scheme.", "SketchyZ") == "Method"
    assert _cue("Our proposed model, ZorpLM, outperforms them.", "ZorpLM") == "Model"
    assert _cue("We compare this, ZorpLM, with them.", "ZorpLM") is None  # no kind noun


def test_the_named_challenge_is_a_contest_and_a_task_challenge_a_difficulty() -> None:
    """"first place in the ZorpVOT2022 challenge", "the ZQK 2024 sub-challenge": a contest; "the VOS challenge"
    (a task's acronym), "addresses the ZUMA challenge", "Zorp challenges" and a conference's are difficulties."""
    assert _cue("We won first place in the ZorpVOT2022 challenge.", "ZorpVOT2022") == "Benchmark"
    assert _cue("Results of the ZQK 2024 sub-challenge", "ZQK") == "Benchmark"
    assert _cue("Annotations increase the magnitude of the VOS challenge.", "VOS") is None
    assert _cue("Our method addresses the ZUMA challenge well.", "ZUMA") is None
    assert _cue("This raises the ZorpNLP challenges of today.", "ZorpNLP") is None
    assert _cue("We use data of the MICCAI 2017 challenge.", "MICCAI 2017") is None


def test_a_tracker_or_detector_in_apposition_is_a_model() -> None:
    text = "We apply it to two Siamese trackers, ZorpFC and DaZorpRPN, and to a recent detector, ZorpDet."
    assert cue_label(text, text.index("ZorpFC"), text.index("ZorpFC") + 6) == "Model"
    assert cue_label(text, text.index("ZorpDet"), text.index("ZorpDet") + 7) == "Model"
