"""Fields and settings are no entities, also as acronyms the abstract uses without defining them."""

from __future__ import annotations

from pathlib import Path

from tests.entity_helpers import entities_of

GENERATED = Path(__file__).resolve().parents[1] / "extract" / "gazetteers" / "generated"


def test_the_acronym_of_a_generic_field_is_listed_from_the_corpus() -> None:
    """The corpus defines "AL" almost only as active learning, a field on the hand-made generic list: the
    generated task-acronym list holds it (``scripts/gazetteers/build_corpus.py``)."""
    listed = (GENERATED / "task_acronyms.corpus.txt").read_text(encoding="utf-8").splitlines()
    assert "AL" in listed and "TL" in listed


def test_an_undefined_field_acronym_with_a_method_cue_is_no_entity() -> None:
    ents = entities_of("A survey\n\nWe compare the performance of different AL methods with ZorpNet in experiments.")
    assert "AL" not in ents
    ents = entities_of("A survey\n\nWe define active learning (AL) anew and compare AL methods.")
    assert "AL" not in ents
