"""extract.entity_labels through kg_entities: a paper's own technique named like a listed data set."""

from __future__ import annotations

from tests.entity_helpers import entities_of as _ents


def test_a_proposed_technique_named_like_a_listed_data_set_is_the_papers_own() -> None:
    # "LUNA" is a data set of the Papers with Code lists
    ents = _ents("T\n\nWe propose a novel slot alignment model, termed LUNA, for state tracking. LUNA is fast.")
    assert ents["LUNA"]["label"] in ("Model", "Method")
    ents = _ents("T\n\nWe evaluate ZorpNet on LUNA, a challenging benchmark for dialogue state tracking.")
    assert ents["LUNA"]["label"] == "Benchmark"
