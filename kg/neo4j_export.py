"""Graph -> CSVs for ``neo4j-admin database import full``: the bulk path for big first loads.

Also holds the graph-to-Neo4j property mapping shared with :mod:`kg.neo4j_store`, so the offline
import and the online loader store the same labels, properties and types (this module does not
import the ``neo4j`` driver).

Layout of ``OUTDIR``: per label ``nodes_<Label>.header.csv`` + ``nodes_<Label>.csv`` (columns ``id:ID``,
``:LABEL``, typed properties) and per relationship type ``rels_<TYPE>.header.csv`` + ``rels_<TYPE>.csv``
(``:START_ID``, ``:END_ID``, ``:TYPE``, typed properties), plus ``import.sh`` with the exact command.
Empty lists are not stored by either path (the CSV format has no empty array; read them with
``coalesce(n.aliases, [])``). Arrays use U+001F (unit separator) as delimiter, which never occurs in
names or text; a value containing it is rejected rather than silently split. Floats are exported as ``double`` (not the
32-bit ``float``) so values match what the online loader stores.
"""

from __future__ import annotations

import json
import math
import shlex
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from extract.records import ENTITY_LABELS, RELATION_TYPES

NODE_KINDS: dict[str, str] = {"paper": "Paper", "entity": "Entity", "result": "Result"}
ENTITY_LABEL_SET = frozenset(ENTITY_LABELS)
REL_TYPES = frozenset({*RELATION_TYPES, "MENTIONS", "REPORTS", "ON", "OF"})
ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_ARG = "U+001F"
_INT32 = (-(2**31), 2**31 - 1)


# -- graph -> Neo4j property mapping (shared with kg.neo4j_store) ----------------------------------------


def to_property(value: Any) -> Any:
    """A graph attribute as a Neo4j property value: scalars and homogeneous lists as is, else JSON text.

    >>> to_property(["a", "b"]), to_property((1, 2)), to_property({"k": 1}), to_property([1, "x"])
    (['a', 'b'], [1, 2], '{"k": 1}', '[1, "x"]')
    """
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else list(value)
        kinds = {_scalar_kind(v) for v in items}
        if kinds == {"float", "int"}:
            return [float(v) for v in items]
        if len(kinds) <= 1 and "other" not in kinds:
            return items
        return json.dumps(items, ensure_ascii=False, default=str)
    return json.dumps(value, ensure_ascii=False, default=str)


def _scalar_kind(v: Any) -> str:
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
    kind = NODE_KINDS.get(node.split(":", 1)[0])
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


# -- CSV writing ----------------------------------------------------------------------------------------


def _column_type(values: list[Any]) -> str:
    """The neo4j-admin type of a column from its (non-null) values."""
    kinds = Counter()
    elem_kinds: Counter[str] = Counter()
    for v in values:
        if isinstance(v, list):
            kinds["array"] += 1
            elem_kinds.update(_scalar_kind(x) for x in v)
        else:
            kinds[_scalar_kind(v)] += 1
    if set(kinds) == {"array"}:
        ek = set(elem_kinds)
        if ek <= {"string"}:
            return "string[]"
        if ek == {"boolean"}:
            return "boolean[]"
        if ek <= {"int"}:
            return "long[]"
        if ek <= {"int", "float"}:
            return "double[]"
        return "string"
    if set(kinds) == {"boolean"}:
        return "boolean"
    if set(kinds) == {"int"}:
        ints = [int(v) for v in values]
        return "int" if _INT32[0] <= min(ints) and max(ints) <= _INT32[1] else "long"
    if set(kinds) <= {"int", "float"}:
        return "double"
    return "string"


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _number(v: float | int) -> str:
    if isinstance(v, float):
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return repr(v)
    return str(v)


def _cell(value: Any, ctype: str, where: str) -> str:
    """One CSV field: empty (no property) for missing values, quoted text otherwise."""
    if value is None:
        return ""
    if ctype.endswith("[]"):
        parts = []
        for x in value:
            s = ("true" if x else "false") if isinstance(x, bool) else _number(x) if ctype != "string[]" else str(x)
            if ARRAY_DELIMITER in s:
                raise ValueError(f"{where}: array element contains U+001F, the neo4j-admin array delimiter")
            parts.append(s)
        return _quote(ARRAY_DELIMITER.join(parts))
    if ctype == "boolean":
        return "true" if value else "false"
    if ctype in ("int", "long", "double"):
        return _number(value)
    if not isinstance(value, str):
        value = json.dumps(value, ensure_ascii=False) if isinstance(value, list) else str(value)
    return _quote(value)


def _write_table(
    outdir: Path, stem: str, fixed: list[str], rows: list[tuple[list[str], dict[str, Any]]], where: str
) -> list[str]:
    """Write ``<stem>.header.csv`` and ``<stem>.csv``; ``rows`` are (fixed cells, properties)."""
    columns: dict[str, list[Any]] = defaultdict(list)
    for _, props in rows:
        for k, v in props.items():
            columns[k].append(v)
    names = sorted(columns)
    types = {k: _column_type(columns[k]) for k in names}
    header = fixed + [f"{k}:{types[k]}" for k in names]
    for k in names:
        if not k or any(c in k for c in ',:"\n') or k.startswith(":"):
            raise ValueError(f"{where}: property name {k!r} cannot be a neo4j-admin column")
    head_path, data_path = outdir / f"{stem}.header.csv", outdir / f"{stem}.csv"
    head_path.write_text(",".join(header) + "\n", encoding="utf-8")
    with open(data_path, "w", encoding="utf-8", newline="") as f:
        for cells, props in rows:
            out = [_quote(c) for c in cells]
            out += [_cell(props.get(k), types[k], f"{where} {cells[0]!r}.{k}") for k in names]
            f.write(",".join(out) + "\n")
    return [head_path.name, data_path.name]


def write_neo4j_admin(g: nx.MultiDiGraph, outdir: str | Path, *, database: str = "neo4j") -> dict[str, Any]:
    """Write header+data CSVs and ``import.sh`` for ``neo4j-admin database import full``; returns a summary."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    node_rows: dict[str, list[tuple[list[str], dict[str, Any]]]] = defaultdict(list)
    for node, attrs in g.nodes(data=True):
        node = str(node)
        label = node_label(node, attrs)
        labels = f"Entity{ARRAY_DELIMITER}{label}" if node_kind(node) == "Entity" else label
        props = node_properties(node, attrs)
        props.pop("id")
        node_rows[label].append(([node, labels], props))
    rel_rows: dict[str, list[tuple[list[str], dict[str, Any]]]] = defaultdict(list)
    for u, v, key, attrs in g.edges(keys=True, data=True):
        rtype = rel_type(key, attrs)
        node_kind(str(u))  # validates both ends' id prefixes
        node_kind(str(v))
        rel_rows[rtype].append(([str(u), str(v), rtype], edge_properties(attrs)))
    node_groups: list[list[str]] = []
    rel_groups: list[list[str]] = []
    for label in sorted(node_rows):
        node_groups.append(_write_table(out, f"nodes_{label}", ["id:ID", ":LABEL"], node_rows[label], label))
    for rtype in sorted(rel_rows):
        rel_groups.append(
            _write_table(out, f"rels_{rtype}", [":START_ID", ":END_ID", ":TYPE"], rel_rows[rtype], rtype)
        )
    args = import_args(node_groups, rel_groups, database=database)
    script = out / "import.sh"
    script.write_text(
        "#!/usr/bin/env sh\n"
        "# Bulk-load these CSVs into an EMPTY, STOPPED database (it is overwritten), then start Neo4j and run\n"
        "# `kg load` or Neo4jStore.ensure_schema() once to create the constraints and indexes.\n"
        "# Local server: scripts/neo4j-local.sh stop && scripts/neo4j-local.sh admin-import <these args> && start.\n"
        'cd "$(dirname "$0")" || exit 1\n'
        f"exec ${{NEO4J_ADMIN:-neo4j-admin}} database import full {shlex.join(args)}\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return {
        "outdir": str(out),
        "nodes": {label: len(rows) for label, rows in sorted(node_rows.items())},
        "relationships": {t: len(rows) for t, rows in sorted(rel_rows.items())},
        "files": [f for group in node_groups + rel_groups for f in group] + [script.name],
        "command": f"cd {shlex.quote(str(out))} && neo4j-admin database import full {shlex.join(args)}",
        "args": args,
    }


def import_args(
    node_groups: list[list[str]], rel_groups: list[list[str]], *, database: str = "neo4j", base: Path | None = None
) -> list[str]:
    """Arguments after ``neo4j-admin database import full`` for these file groups (paths under ``base``)."""

    def files(group: list[str]) -> str:
        return ",".join(str(base / f) if base else f for f in group)

    return [
        database,  # first: picocli would read a trailing name as one more file of the last --relationships
        "--overwrite-destination=true",
        "--multiline-fields=true",
        f"--array-delimiter={ARRAY_DELIMITER_ARG}",
        "--delimiter=,",
        '--quote="',
        "--id-type=string",
        "--ignore-empty-strings=false",
        *[f"--nodes={files(g)}" for g in node_groups],
        *[f"--relationships={files(g)}" for g in rel_groups],
    ]


def admin_import_args(outdir: str | Path, *, database: str = "neo4j") -> list[str]:
    """The import arguments for an exported ``outdir`` with absolute paths (to run from any directory)."""
    out = Path(outdir).resolve()
    nodes = sorted(p.name.removesuffix(".header.csv") for p in out.glob("nodes_*.header.csv"))
    rels = sorted(p.name.removesuffix(".header.csv") for p in out.glob("rels_*.header.csv"))
    return import_args(
        [[f"{s}.header.csv", f"{s}.csv"] for s in nodes],
        [[f"{s}.header.csv", f"{s}.csv"] for s in rels],
        database=database,
        base=out,
    )
