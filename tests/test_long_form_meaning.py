"""extract.long_form_meaning: a paper's long form against a gazetteer row's, on invented rows."""

from __future__ import annotations

from extract.lexicon import Entry
from extract.long_form_meaning import other_meaning, same_meaning
from tests.entity_helpers import entities_of as _ents


def test_a_long_form_sharing_no_stem_with_the_rows_means_something_else() -> None:
    row = Entry("ZPO", "Method", ("zorp preference optimization",), None, frozenset())
    assert other_meaning("quux path optimizer", row)  # no shared word (stems: optimizer ~ optimization once)
    assert not other_meaning("Zorp Preference Optimisation", row)  # a spelling of the row's long form
    assert not other_meaning("quux path optimizer", Entry("ZPO", "Method", ("ZPO family",), None, frozenset()))


def test_a_long_form_with_the_same_stems_is_the_rows() -> None:
    row = Entry("LZW", "Benchmark", ("Labeled Zorps in the Wild",), None, frozenset(), "pwc")
    assert same_meaning("Labelled Zorps in the Wild", row)
    assert not same_meaning("Labelled Zorps in the Field", row)


def test_a_long_form_with_another_head_means_something_else() -> None:
    """Most words shared, but neither head among the other's words: "test-time adaptation" is not
    "test-time augmentation"; a head that abbreviates the row's ("Nets", "AEs", "CNN") or extends it is the row."""
    row = Entry("test-time zorpmentation", "Method", ("TTZ",), None, frozenset())
    assert other_meaning("test-time quuxation", row)
    assert not other_meaning("test-time zorpmentations", row)
    assert not other_meaning("test-time zorpmentation networks", row)
    gan = Entry("ZAN", "Method", ("Zorp Adversarial Network",), None, frozenset())
    assert not other_meaning("Zorp Adversarial Nets", gan)
    assert not other_meaning("zorp adversarial CNN", gan)
    assert not other_meaning("test-time zorpmentaton", row)  # a misspelt head is the row's
    res = Entry("QNet", "Model", ("QNet", "Qux Network"), None, frozenset())
    assert not other_meaning("qux connections", res)  # two words each: too few to tell by the head


def test_a_long_form_one_word_apart_means_something_else() -> None:
    """Half the words shared and the same head, but another word in the same place: "sparse fine-tuning" is no
    "supervised fine-tuning". A spelling or inflection of the word is the row's, as is an acronym in its place."""
    row = Entry("ZFT", "Method", ("zorpal fine-tuning", "ZFT"), None, frozenset())
    assert other_meaning("quuxal fine-tuning", row)
    assert not other_meaning("quuxal fine-tuning", row, by_word=False)  # the stems and heads alone cannot tell
    for spelling in ("Zorpal Fine-Tuning", "zorpall fine-tuning", "ZP fine-tuning", "zorpals fine-tuning"):
        assert not other_meaning(spelling, row), spelling
    assert not other_meaning("zorpal graph fine-tuning", row)  # a word more: no place-by-place comparison
    assert not other_meaning("quux tuning", Entry("ZT", "Method", ("zorp tuning", "ZT"), None, frozenset()))  # two


def test_a_word_apart_from_any_spelling_of_the_rows_long_form() -> None:
    """The row writes "zorp-quux learning" and "zorpquux learning": the hyphenated spelling is compared word by
    word, and the other spelling of it falls with it."""
    row = Entry("zorp-quux learning", "Method", ("zorpquux learning", "ZQL"), None, frozenset())
    assert other_meaning("zeta-quantile learning", row)
    assert not other_meaning("zorp quux learning", row)


def test_a_paper_acronym_one_word_apart_from_the_lists_is_its_own() -> None:
    # "SFT" is a hand-made row, "supervised fine-tuning"; this paper's SFT is another technique
    ents = _ents("T\n\nWe propose sparse fine-tuning (SFT) of zorps. SFT is cheap.")
    assert "supervised fine-tuning" not in ents and ents["SFT"]["label"] == "Method"
    # an untyped long form one word apart is the row spelled loosely: "Network Architecture Search (NAS)"
    assert "neural architecture search" in _ents("T\n\nWe use Network Architecture Search (NAS) on zorps.")


def test_a_definition_followed_by_a_contest_or_data_noun_names_the_collection() -> None:
    """"the Zorp Tumor Segmentation (ZTS) Challenge": a task's long form, but the acronym names the contest the paper
    is evaluated on; a task acronym ("question answering (QA) dataset") stays none."""
    from tests.entity_helpers import entities_of

    ents = entities_of("T\n\nOur method ranks first on the Zorp Tumor Segmentation (ZTS) Challenge and on the "
                       "synthetic question answering (QA) dataset of Blarg.")
    assert ents["ZTS"]["label"] == "Benchmark"
    assert "QA" not in ents


def test_a_technique_long_form_of_a_data_rows_acronym_is_the_papers_own() -> None:
    """The shipped CCNet row (a web corpus) spells out no long form, so only the kind can tell: a paper's
    "Criss-Cross Network (CCNet)" is a network, not the corpus; a data long form keeps a data row."""
    from extract.long_form_meaning import other_kind

    row = Entry("ZorpSet", "Dataset", (), None, frozenset())
    assert other_kind("zorp pattern search", None, row) and other_kind("Zorp Pre-Training", None, row)
    assert not other_kind("Zorp Objects in Context", None, row)
    method = Entry("ZorpNet", "Method", (), None, frozenset())
    assert other_kind("Zorp Dataset", "Dataset", method) and not other_kind("Zorp Net", "Method", method)
    ents = _ents("T\n\nWe propose a Criss-Cross Network (CCNet) for context. CCNet achieves 81.4 mIoU on Cityscapes.")
    assert ents["CCNet"]["label"] == "Model"


def test_heads_the_field_uses_outside_technique_contexts_come_from_the_generated_list() -> None:
    from extract.lexicon import nontechnique_head

    # the corpus writes "in/for ... bandits", "... equilibrium problem", not "using ...", "...-based"
    assert nontechnique_head("Bandits") and nontechnique_head("equilibrium")
    assert not nontechnique_head("Analysis")  # it ends listed technique rows ("Principal Component Analysis")
    assert not nontechnique_head("Annealing")


def test_an_acronym_spelling_out_an_object_of_the_field_is_no_technique() -> None:
    ents = _ents("T\n\nWe study the Multi-Zorp Bandit (MZB) problem and the Correlated Zorp Equilibrium (CZE) of it.")
    assert not {"MZB", "CZE"} & ents.keys()
    assert _ents("T\n\nWe use Kernel Zorp Analysis (KZA) here.")["KZA"]["label"] == "Method"  # a technique head


def test_an_acronym_the_paper_names_as_its_own_stays_whatever_its_head() -> None:
    assert "ZPM" in _ents("T\n\nWe describe a Zorp Positive Mining (ZPM) framework. ZPM is fast.")  # noun after
    assert "ZPM" in _ents("Zorp Positive Mining for Actions\n\nWe describe Zorp Positive Mining (ZPM).")  # title
    assert "ZPM" in _ents("T\n\nWe propose a novel Zorp Positive Mining (ZPM) that mines pairs.")  # proposal cue
    text = "T\n\nWe build on the Gradable Zorp Expressions (GZE) of Smith. Results on the GZE corpus are good."
    assert _ents(text)["GZE"]["label"] in ("Dataset", "Benchmark")  # a data noun after a later mention
    assert "GZE" not in _ents(text.replace("the GZE corpus", "GZE"))
