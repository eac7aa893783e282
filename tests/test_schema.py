"""kg.schema: the graph's vocabulary in one place, and ids that round-trip through their kinds."""

from __future__ import annotations

import pytest

from extract.records import ENTITY_LABELS, RELATION_TYPES
from kg import schema


def test_ids_and_kinds() -> None:
    assert schema.node_kind(schema.paper_node("p1")) == "Paper" and schema.is_paper_node(schema.paper_node("p1"))
    assert schema.node_kind(schema.entity_node("Foo-BERT")) == "Entity"
    assert schema.entity_node("Foo BERT") == schema.entity_node("foo-bert") != schema.entity_node("FooBERT+")
    assert schema.node_kind(schema.result_node("p1", 0)) == "Result" and schema.is_result_node("result:p1:0")
    with pytest.raises(ValueError, match="no known prefix"):
        schema.node_kind("thing:1")


def test_vocabulary_covers_extraction_and_structure() -> None:
    assert set(RELATION_TYPES) <= schema.REL_TYPES and set(schema.STRUCTURE_RELATIONS) <= schema.REL_TYPES
    assert set(schema.PAPER_RELATIONS) | set(schema.ENTITY_RELATIONS) <= set(RELATION_TYPES)
    assert set(ENTITY_LABELS) == schema.ENTITY_LABEL_SET
    with pytest.raises(ValueError, match="not in the schema"):
        schema.rel_type("DROP", {})
    with pytest.raises(ValueError, match="expected one of"):
        schema.node_label(schema.entity_node("X"), {"label": "Person"})


def test_public_names() -> None:
    assert all(hasattr(schema, n) for n in schema.__all__)
