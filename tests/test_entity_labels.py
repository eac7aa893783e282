"""extract.entity_labels through kg_entities: a paper's own technique named like a listed data set."""

from __future__ import annotations

from tests.entity_helpers import entities_of as _ents


def test_a_proposed_technique_named_like_a_listed_data_set_is_the_papers_own() -> None:
    # "LUNA" is a data set of the Papers with Code lists
    ents = _ents("T\n\nWe propose a novel slot alignment model, termed LUNA, for state tracking. LUNA is fast.")
    assert ents["LUNA"]["label"] in ("Model", "Method")
    ents = _ents("T\n\nWe evaluate ZorpNet on LUNA, a challenging benchmark for dialogue state tracking.")
    assert ents["LUNA"]["label"] == "Benchmark"


def test_an_untyped_name_with_a_citation_after_it_is_someones_named_work() -> None:
    ents = _ents("T\n\nWe build on a probabilistic logic called ZorpLog [5] and on BlargNet (Smith et al., 2020).")
    assert ents["ZorpLog"]["label"] == "Method"
    assert ents["BlargNet"]["label"] == "Model"  # a model head
    # without the citation, nothing says the word is a name
    assert "ZorpLog" not in _ents("T\n\nUnlike ZorpLog, our logic handles chains of rules.")


def test_a_cited_author_or_venue_is_no_name() -> None:
    ents = _ents("T\n\nIndefinite SVMs by Luss and DuMorne [15] help, as the approach of McZorp [5] and ZORP 2015 [3].")
    assert not {"DuMorne", "McZorp", "ZORP 2015"} & ents.keys()


def test_a_citation_inside_a_list_keeps_the_list_one_kind() -> None:
    ents = _ents("T\n\nWe evaluate on two datasets for trajectory prediction: ZorpTraj [12] and JAAD [19].")
    assert ents["ZorpTraj"]["label"] == ents["JAAD"]["label"] == "Benchmark"


def test_technique_heads_come_from_the_gazetteers_own_rows() -> None:
    from extract.lexicon import TECHNIQUE_HEAD_ROWS, entries, head_word, technique_heads

    heads = technique_heads()
    assert "dropout" in heads and "annealing" in heads
    assert not {"learning", "model", "detection"} & heads  # task names end in them too
    for h in heads:
        rows = [e for e in entries() if e.label == "Method" and " " in e.name.strip() and head_word(e.name) == h]
        assert len(rows) >= TECHNIQUE_HEAD_ROWS


def test_a_lower_case_long_form_with_a_technique_head_is_a_technique() -> None:
    from extract.entity_labels import classify_long_form

    assert classify_long_form("fractional zorp annealing") == "Method"
    assert classify_long_form("blargy model averaging") == "Method"
    assert classify_long_form("zorp optimization methods") is None  # a class of methods, not one
    assert classify_long_form("visual zorp memory") is None  # too few technique rows end in "memory"


def test_laws_and_agreements_are_no_techniques() -> None:
    from extract.entity_labels import classify_long_form

    assert classify_long_form("General Zorp Protection Regulation") is None
    assert classify_long_form("Inter Zorper Agreement") is None
    assert classify_long_form("Zorp Transfer Protocol") == "Method"  # a protocol is a procedure


def test_a_title_case_long_form_is_headed_before_its_prepositional_phrase() -> None:
    from extract.entity_labels import classify_long_form

    assert classify_long_form("Neural Zorp Search for Summarization") == "Method"  # not the task it is for
    assert classify_long_form("Zorp Classification for Question Answering") is None
    assert classify_long_form("Temporal Zorp Localization via Language") is None
    assert classify_long_form("Zorp Research Institute for Computational Intelligence") is None


def test_a_language_names_no_technique() -> None:
    from extract.entity_labels import classify_long_form

    assert classify_long_form("Zorpish Vernacular English") is None
    assert classify_long_form("Zorpish Vernacular Alignment") == "Method"


def test_the_object_of_a_comparison_is_someone_elses_system() -> None:
    from tests.entity_helpers import entities_of

    ents = entities_of("T\n\nOur method outperforms ZorpSeg and QuuxDet [4] on flims, and runs faster than FlimNet.")
    assert ents["ZorpSeg"]["label"] == ents["QuuxDet"]["label"] == "Method" and ents["FlimNet"]["label"] == "Model"
    ents = entities_of("T\n\nIt stores more than 3million items and beats non-QZ codecs.")
    assert not {"3million", "non-QZ"} & set(ents)


def test_an_acronym_only_ever_followed_by_signals_or_images_names_a_modality() -> None:
    """"Zorpography (ZPG) ... clean ZPG signals": a measured signal, no technique; an acronym used on its own stays one
    ("zorp blarg smoothing (ZBS) ... ZBS improves"), and so does a data set's ("the Zorp Brain Atlas (ZBA) ... ZBA
    data")."""
    got = _ents("T\n\nWe estimate pressure from Zorpography (ZPG). Clean ZPG signals give a clean ZPG waveform.")
    assert "ZPG" not in got, got
    got = _ents("T\n\nWe apply zorp blarg smoothing (ZBS) to the data. ZBS improves the estimate.")
    assert got["ZBS"]["label"] == "Method", got
    got = _ents("T\n\nWe train on the Zorp Brain Atlas (ZBA) dataset. The ZBA data are large.")
    assert "ZBA" in got, got


def test_an_acronym_of_one_hyphened_adjective_names_a_property() -> None:
    """"goal-conditioned (GC) policies", "an efficient non-autoregressive (NAR) method": a property or a setting of
    something unnamed, not a technique, even after a proposal cue; a hyphened noun ("extra-gradient (EG)") is one."""
    ents = _ents("T\n\nWe study zorp-conditioned (ZC) policies. In this paper, we propose an efficient "
                 "blarg-regressive (BR) method for error correction. We also use the extra-gradient (EG) method. ZC, "
                 "BR and EG are fast.")
    assert "ZC" not in ents and "BR" not in ents
    assert ents["EG"]["label"] == "Method"


def test_a_data_set_named_before_pre_training_is_training_data() -> None:
    ents = _ents("T\n\nWith ImageNet pre-training, ZorpNet reaches 81.2% accuracy on Blarg-Bench.")
    assert ents["ImageNet"]["label"] == "Dataset"  # pre-training on ImageNet
    ents = _ents("T\n\nZorpNet reaches 81.2% accuracy on ImageNet, beating Blarg-Bench models.")
    assert ents["ImageNet"]["label"] == "Benchmark"
