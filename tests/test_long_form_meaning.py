"""extract.long_form_meaning: a paper's long form against a gazetteer row's, on invented rows."""

from __future__ import annotations

from extract.lexicon import Entry
from extract.long_form_meaning import other_meaning, same_meaning


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
