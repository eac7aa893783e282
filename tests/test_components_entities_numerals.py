"""kg_entities on acronyms: homophone digits ("Z2Q" for "Zorp-to-Quux"), mappings, lists' spellings, variants."""

from __future__ import annotations

from extract.entity_labels import classify_long_form
from tests.entity_helpers import entities_of as _ents


def test_a_mapping_names_a_setting_unless_the_paper_proposes_it() -> None:
    assert classify_long_form("zorp-to-quux") is None and classify_long_form("Zorp-to-Quux") is None
    assert classify_long_form("Zorp-to-Quux Network") is not None
    assert "Z2Q" not in _ents("T\n\nZorp-to-quux (Z2Q) links have grown. Z2Q links are cheap.")
    ents = _ents("T\n\nWe propose Zorp-to-Quux (Z2Q), a new alignment method. Z2Q is fast.")
    assert ents["Z2Q"]["proposed"] and ents["Z2Q"]["label"] == "Method"


def test_a_task_acronym_hides_the_data_name_inside_it() -> None:
    # "E2E" is a data set of the lists; here it only opens the acronym of a task
    ents = _ents("T\n\nWe improve end-to-end speech translation (E2E-ST) models with zorp distillation.")
    assert "E2E" not in ents and "E2E-ST" not in ents


def test_a_long_form_spelled_with_the_digit_is_the_lists_row() -> None:
    # the lists hold "R2R" and "Room2Room": "Room-to-Room" spells the row, it does not redefine the acronym
    ents = _ents("T\n\nWe provide a benchmark for navigation in real buildings -- the Room-to-Room (R2R) dataset.")
    assert ents["R2R"]["label"] == "Benchmark"


def test_a_qualified_known_technique_is_the_papers_variant() -> None:
    # "conditional random field" and "Gaussian processes" are listed techniques; the qualified long forms are variants
    assert classify_long_form("hierarchical conditional random field") == "Method"
    assert classify_long_form("zorp-regularised Gaussian processes") == "Method"
    ents = _ents("T\n\nWe segment cells with a tree-structured zorp conditional random field (ZCRF). ZCRF is fast.")
    assert ents["ZCRF"]["label"] == "Method" and "CRF" not in ents


def test_an_acronym_defined_before_algorithm_names_a_technique() -> None:
    """"the zorp-benefit greedy (ZBG) algorithm": a named algorithm whatever its long form; "(ZFSS) methods", a class
    of methods for something, does not type it."""
    ents = _ents("T\n\nWe analyse the zorp-benefit greedy (ZBG) algorithm and show ZBG is near optimal.")
    assert ents["ZBG"]["label"] == "Method"
    assert "ZFSS" not in _ents("T\n\nExisting zorp few-shot segmentation (ZFSS) methods fail on small objects.")
