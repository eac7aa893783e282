"""The multi-pattern scan: which surfaces of a lexicon occur in a text, and where."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from extract.corpus import CorpusLexicon, Definition
from extract.surface_index import SurfaceIndex, find, runs_of

INDEX = SurfaceIndex(CorpusLexicon((
    Definition("QAR", "Method", (("QAR", True),)),
    Definition("QAR", "Method", (("quux adaptive routing", False),)),
    Definition("ZorpNet", "Model", (("ZorpNet", True),)),
    Definition("Zorp-Bench", "Benchmark", (("Zorp-Bench", True),)),
    Definition("V+L", "Method", (("V+L", True),)),
)))


def _found(text: str, title: bool = False) -> list[str]:
    return [text[s:e] for s, e, _ in find(INDEX, text, title)]


def test_acronyms_are_case_sensitive_long_forms_are_not() -> None:
    assert _found("We use QAR, not qar.") == ["QAR"]
    assert _found("Quux-adaptive routings and QUUX ADAPTIVE ROUTING help.") == ["Quux-adaptive routings",
                                                                                 "QUUX ADAPTIVE ROUTING"]
    assert _found("Scores on Zorp Bench and Zorp-Bench.") == ["Zorp Bench", "Zorp-Bench"]


def test_only_whole_names() -> None:
    assert _found("ZorpNet-based students beat ZorpNet.") == ["ZorpNet", "ZorpNet"]
    assert _found("ZorpNet-2, ZorpNet 2.1, ZorpNet+, Multi-ZorpNet and ZorpNets are other names.") == []
    assert _found("Compared with Deep ZorpNet, ours wins.") == []  # a longer capitalised name
    assert _found("Deep ZorpNet: A Title", title=True) == ["ZorpNet"]  # titles capitalise every word
    assert _found("Results. ZorpNet wins.") == ["ZorpNet"]


def test_names_joined_by_other_signs_are_not_looked_for() -> None:
    assert _found("V+L and V L.") == []


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text())
def test_runs_of_is_the_run_regex(text: str) -> None:
    """The ASCII fast path cuts exactly the runs the regex does, and other text uses the regex."""
    assert runs_of(text) == re.findall(r"[^\W_]+", text)
