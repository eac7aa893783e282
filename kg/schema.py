"""The graph's vocabulary in one place: node kinds and ids, labels, relationship types, and how a graph
element becomes Neo4j properties (shared by the online loader and the neo4j-admin export).

>>> entity_node("LLaMA-3") == entity_node("Llama 3"), node_kind(paper_node("2101.00001"))
(True, 'Paper')
"""

from __future__ import annotations

import json
from typing import Any

from extract.canonical import canonical_key
from extract.records import ENTITY_LABELS, RELATION_TYPES

__all__ = [
    "ENTITY_LABELS", "ENTITY_LABEL_SET", "ENTITY_RELATIONS", "NODE_KINDS", "PAPER_RELATIONS", "REL_TYPES",
    "STRUCTURE_RELATIONS", "edge_properties", "entity_node", "is_entity_node", "is_paper_node", "is_result_node",
    "node_kind", "node_label", "node_properties", "paper_node", "rel_type", "result_node", "scalar_kind",
    "to_property",
]

NODE_KINDS: dict[str, str] = {"paper": "Paper", "entity": "Entity", "result": "Result"}  # id prefix -> label
ENTITY_LABEL_SET = frozenset(ENTITY_LABELS)
PAPER_RELATIONS = ("PROPOSES", "EVALUATED_ON", "USES")  # paper -> entity, from extraction
ENTITY_RELATIONS = ("VARIANT_OF", "FINE_TUNED_FROM", "TRAINED_ON")  # entity -> entity, from extraction
STRUCTURE_RELATIONS = ("MENTIONS", "REPORTS", "ON", "OF")  # made by the graph: paper->entity/result, result->entity
REL_TYPES = frozenset({*RELATION_TYPES, *STRUCTURE_RELATIONS})


def paper_node(paper_id: str) -> str:
    """Graph id of a paper."""
    return f"paper:{paper_id}"


def entity_node(name: str) -> str:
    """Graph id of an entity: its canonical key, so name variants share one node.

    >>> entity_node("LLaMA-3") == entity_node("Llama 3")
    True
    """
    return f"entity:{canonical_key(name)}"


def result_node(paper_id: str, index: int) -> str:
    """Graph id of the ``index``-th result reported by a paper."""
    return f"result:{paper_id}:{index}"


def is_paper_node(node: str) -> bool:
    """Whether a graph id is a paper's."""
    return node.startswith("paper:")


def is_entity_node(node: str) -> bool:
    """Whether a graph id is an entity's."""
    return node.startswith("entity:")


def is_result_node(node: str) -> bool:
    """Whether a graph id is a result's."""
    return node.startswith("result:")


_SCALARS = frozenset({str, int, float, bool})


def to_property(value: Any) -> Any:
    """A graph attribute as a Neo4j property value: scalars and homogeneous lists as is, else JSON text.

    >>> to_property(["a", "b"]), to_property((1, 2)), to_property({"k": 1}), to_property([1, "x"])
    (['a', 'b'], [1, 2], '{"k": 1}', '[1, "x"]')
    """
    if value is None or type(value) in _SCALARS or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else list(value)
        kinds = {scalar_kind(v) for v in items}
        if kinds == {"float", "int"}:
            return [float(v) for v in items]
        if len(kinds) <= 1 and "other" not in kinds:
            return items
        return json.dumps(items, ensure_ascii=False, default=str)
    return json.dumps(value, ensure_ascii=False, default=str)


def scalar_kind(v: Any) -> str:
    """The Neo4j kind of one value: boolean, int, float, string or other."""
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "int"
    if isinstance(v, float):
        return "float"
    if isinstance(v, str):
        return "string"
    return "other"


def _stored(attrs: dict[str, Any], skip: str = "") -> dict[str, Any]:
    """Attributes as properties, without ``None`` and empty lists (neo4j-admin CSV cannot express ``[]``)."""
    props = {}
    for k, v in attrs.items():
        if v is None or k == skip:
            continue
        if type(v) in _SCALARS:  # the common case, without the call (a load converts ~1.5M values)
            props[k] = v
            continue
        value = to_property(v)
        if value != []:
            props[k] = value
    return props


def node_properties(node: str, attrs: dict[str, Any]) -> dict[str, Any]:
    """The Neo4j properties of a graph node: its attributes (no ``None``, no empty list) plus ``id``."""
    props = _stored(attrs)
    props["id"] = node
    return props


def edge_properties(attrs: dict[str, Any]) -> dict[str, Any]:
    """The Neo4j properties of a graph edge: its attributes minus ``type`` (that is the rel type)."""
    return _stored(attrs, skip="type")


def node_kind(node: str) -> str:
    """``Paper``/``Entity``/``Result`` from a node id's prefix; anything else is rejected."""
    # Called for every node and both ends of every edge of a load: the common prefixes first, no list built.
    if node.startswith("entity:"):
        return "Entity"
    if node.startswith("paper:"):
        return "Paper"
    kind = NODE_KINDS.get(node.partition(":")[0])
    if kind is None:
        raise ValueError(f"node id {node!r} has no known prefix (paper:, entity:, result:)")
    return kind


def node_label(node: str, attrs: dict[str, Any]) -> str:
    """The specific label of a node, checked against the allow-list (the graph decides entity labels)."""
    kind = node_kind(node)
    label = str(attrs.get("label") or ("Method" if kind == "Entity" else kind))
    if kind == "Entity":
        if label not in ENTITY_LABEL_SET:
            raise ValueError(f"entity {node!r} has label {label!r}; expected one of {sorted(ENTITY_LABEL_SET)}")
    elif label != kind:
        raise ValueError(f"node {node!r} has label {label!r}; its id says {kind}")
    return label


def rel_type(key: Any, attrs: dict[str, Any]) -> str:
    """The relationship type of an edge (its ``type`` attribute, else its key), checked against the schema."""
    rtype = str(attrs.get("type") or key)
    if rtype not in REL_TYPES:
        raise ValueError(f"relationship type {rtype!r} is not in the schema {sorted(REL_TYPES)}")
    return rtype
