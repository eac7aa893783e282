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
