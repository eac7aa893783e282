"""Graph -> CSVs for ``neo4j-admin database import full``: the bulk path for big first loads.

The graph-to-Neo4j property mapping it shares with :mod:`kg.neo4j.store` lives in :mod:`kg.schema`, so the
offline import and the online loader store the same labels, properties and types.

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
from typing import IO, Any

import networkx as nx

from kg.schema import ENTITY_LABELS, edge_properties, node_kind, node_label, node_properties, rel_type, scalar_kind

ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_ARG = "U+001F"
_INT32 = (-(2**31), 2**31 - 1)


# -- CSV writing ----------------------------------------------------------------------------------------

Columns = dict[str, dict[str, str]]  # table (node label or relationship type) -> property -> neo4j-admin type

# The properties kg.graph gives each node label and relationship type, typed for neo4j-admin: the columns
# of a streamed export (kg.graph_stream), which cannot look at the whole graph before writing.
_ENTITY_COLUMNS = {"label": "string", "name": "string", "aliases": "string[]", "paper_count": "int"}
_LINK_COLUMNS = {"evidence": "string", "confidence": "double", "start": "int", "end": "int", "rule": "string"}
GRAPH_COLUMNS: tuple[Columns, Columns] = (
    {
        "Paper": {"label": "string", "name": "string", "paper_id": "string", "title": "string",
                  "abstract": "string", "source": "string", "date": "string", "year": "int", "url": "string",
                  "authors": "string[]", "categories": "string[]"},
        **{label: _ENTITY_COLUMNS for label in ENTITY_LABELS},
        "Result": {"label": "string", "name": "string", "paper_id": "string", "model": "string",
                   "benchmark": "string", "metric": "string", "value": "double", "unit": "string",
                   "evidence": "string"},
    },
    {
        "MENTIONS": {"rule": "string", "confidence": "double", "evidence": "string", "field": "string",
                     "start": "int", "end": "int", "count": "int"},
        **{t: _LINK_COLUMNS for t in ("PROPOSES", "EVALUATED_ON", "USES")},
        **{t: {**_LINK_COLUMNS, "papers": "string[]"} for t in ("VARIANT_OF", "FINE_TUNED_FROM", "TRAINED_ON")},
        "REPORTS": {"evidence": "string", "rule": "string", "confidence": "double"},
        "ON": {"rule": "string", "confidence": "double"},
        "OF": {"rule": "string", "confidence": "double"},
    },
)


class _ColumnKinds:
    """What kinds of values one column holds, gathered value by value, to choose its neo4j-admin type."""

    __slots__ = ("elems", "hi", "kinds", "lo")

    def __init__(self) -> None:
        self.kinds: set[str] = set()
        self.elems: set[str] = set()
        self.lo, self.hi = 0, 0

    def add(self, v: Any) -> None:
        if isinstance(v, list):
            self.kinds.add("array")
            self.elems.update(scalar_kind(x) for x in v)
            return
        kind = scalar_kind(v)
        self.kinds.add(kind)
        if kind == "int":
            self.lo, self.hi = min(self.lo, v), max(self.hi, v)

    def type(self) -> str:
        if self.kinds == {"array"}:
            if self.elems <= {"string"}:
                return "string[]"
            if self.elems == {"boolean"}:
                return "boolean[]"
            if self.elems <= {"int"}:
                return "long[]"
            if self.elems <= {"int", "float"}:
                return "double[]"
            return "string"
        if self.kinds == {"boolean"}:
            return "boolean"
        if self.kinds == {"int"}:
            return "int" if _INT32[0] <= self.lo and self.hi <= _INT32[1] else "long"
        if self.kinds <= {"int", "float"}:
            return "double"
        return "string"


def infer_columns(g: nx.MultiDiGraph) -> tuple[Columns, Columns]:
    """The columns and types of every node label and relationship type of ``g``, from its values."""
    tables: tuple[dict[str, dict[str, _ColumnKinds]], dict[str, dict[str, _ColumnKinds]]] = (
        defaultdict(lambda: defaultdict(_ColumnKinds)), defaultdict(lambda: defaultdict(_ColumnKinds)))
    for node, attrs in g.nodes(data=True):
        cols = tables[0][node_label(str(node), attrs)]
        for k, v in node_properties(str(node), attrs).items():
            if k != "id":
                cols[k].add(v)
    for _, _, key, attrs in g.edges(keys=True, data=True):
        cols = tables[1][rel_type(key, attrs)]
        for k, v in edge_properties(attrs).items():
            cols[k].add(v)
    nodes, rels = ({t: {k: c.type() for k, c in sorted(cols.items())} for t, cols in table.items()}
                   for table in tables)
    return nodes, rels


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
        if not isinstance(value, list):
            raise ValueError(f"{where}: expected a list for a {ctype} column, got {type(value).__name__}")
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
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{where}: expected a number for a {ctype} column, got {value!r:.40}")
        return _number(value)
    if not isinstance(value, str):
        value = json.dumps(value, ensure_ascii=False) if isinstance(value, list) else str(value)
    return _quote(value)


def _check_column_name(k: str, where: str) -> None:
    if not k or any(c in k for c in ',:"\n') or k.startswith(":"):
        raise ValueError(f"{where}: property name {k!r} cannot be a neo4j-admin column")


class AdminCsvWriter:
    """Streams a graph into neo4j-admin CSVs, one node or edge at a time, with fixed typed columns.

    ``columns`` is ``(node columns per label, relationship columns per type)``: :data:`GRAPH_COLUMNS` for
    what kg builds, or :func:`infer_columns` of an in-memory graph. A property outside its table's
    columns is an error (a CSV row cannot grow a column after the header is fixed).
    """

    def __init__(self, outdir: str | Path, columns: tuple[Columns, Columns] = GRAPH_COLUMNS, *,
                 database: str = "neo4j") -> None:
        self.out = Path(outdir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.node_columns, self.rel_columns = columns
        self.database = database
        self._files: dict[str, IO[str]] = {}
        self.nodes: Counter[str] = Counter()
        self.relationships: Counter[str] = Counter()
        self._summary: dict[str, Any] = {}

    def _row(self, stem: str, names: dict[str, str], fixed: list[str], props: dict[str, Any], where: str) -> None:
        extra = props.keys() - names.keys()
        if extra:
            raise ValueError(f"{where}: properties {sorted(extra)} are not columns of {stem}; "
                             f"expected some of {sorted(names)}")
        f = self._files.get(stem)
        if f is None:
            for k in names:
                _check_column_name(k, stem)
            f = self._files[stem] = open(self.out / f"{stem}.csv", "w", encoding="utf-8", newline="")  # noqa: SIM115
        out = [_quote(c) for c in fixed]
        out += [_cell(props.get(k), t, f"{where}.{k}") for k, t in names.items()]
        f.write(",".join(out) + "\n")

    def add_node(self, node: str, attrs: dict[str, Any]) -> None:
        """Write one node row (its file is chosen by its label)."""
        label = node_label(node, attrs)
        names = self.node_columns.get(label)
        if names is None:
            raise ValueError(f"node {node!r}: no columns for label {label!r}")
        labels = f"Entity{ARRAY_DELIMITER}{label}" if node_kind(node) == "Entity" else label
        props = node_properties(node, attrs)
        props.pop("id")
        self._row(f"nodes_{label}", names, [node, labels], props, f"{label} {node!r}")
        self.nodes[label] += 1

    def add_edge(self, u: str, v: str, key: str, attrs: dict[str, Any]) -> None:
        """Write one relationship row (its file is chosen by its type)."""
        rtype = rel_type(key, attrs)
        node_kind(u)  # validates both ends' id prefixes
        node_kind(v)
        names = self.rel_columns.get(rtype)
        if names is None:
            raise ValueError(f"relationship {u!r}-[{rtype}]->{v!r}: no columns for type {rtype!r}")
        self._row(f"rels_{rtype}", names, [u, v, rtype], edge_properties(attrs), f"{rtype} {u!r}->{v!r}")
        self.relationships[rtype] += 1

    def close(self) -> dict[str, Any]:
        """Write the headers and ``import.sh``; returns :meth:`summary`."""
        for f in self._files.values():
            f.close()
        groups: tuple[list[list[str]], list[list[str]]] = ([], [])
        for label in sorted(self.nodes):
            groups[0].append(self._header(f"nodes_{label}", ["id:ID", ":LABEL"], self.node_columns[label]))
        for rtype in sorted(self.relationships):
            groups[1].append(self._header(f"rels_{rtype}", [":START_ID", ":END_ID", ":TYPE"],
                                          self.rel_columns[rtype]))
        args = import_args(*groups, database=self.database)
        script = self.out / "import.sh"
        script.write_text(
            "#!/usr/bin/env sh\n"
            "# Bulk-load these CSVs into an EMPTY, STOPPED database (it is overwritten), then start Neo4j and run\n"
            "# `kg load` or Neo4jStore.ensure_schema() once to create the constraints and indexes.\n"
            "# Local server: scripts/neo4j-local.sh stop && scripts/neo4j-local.sh admin-import <these args>\n"
            "# && scripts/neo4j-local.sh start.\n"
            'cd "$(dirname "$0")" || exit 1\n'
            f"exec ${{NEO4J_ADMIN:-neo4j-admin}} database import full {shlex.join(args)}\n",
            encoding="utf-8",
        )
        script.chmod(0o755)
        self._summary = {
            "outdir": str(self.out),
            "nodes": dict(sorted(self.nodes.items())),
            "relationships": dict(sorted(self.relationships.items())),
            "files": [f for group in groups[0] + groups[1] for f in group] + [script.name],
            "command": f"cd {shlex.quote(str(self.out))} && neo4j-admin database import full {shlex.join(args)}",
            "args": args,
        }
        return self._summary

    def summary(self) -> dict[str, Any]:
        """After :meth:`close`: counts per label and type, the files, and the import command and arguments."""
        return self._summary

    def _header(self, stem: str, fixed: list[str], names: dict[str, str]) -> list[str]:
        head = self.out / f"{stem}.header.csv"
        head.write_text(",".join(fixed + [f"{k}:{t}" for k, t in names.items()]) + "\n", encoding="utf-8")
        return [head.name, f"{stem}.csv"]

    def abort(self) -> None:
        """Close the open files after a failure (what was written is incomplete)."""
        for f in self._files.values():
            f.close()


def write_neo4j_admin(g: nx.MultiDiGraph, outdir: str | Path, *, database: str = "neo4j") -> dict[str, Any]:
    """Write header+data CSVs and ``import.sh`` for ``neo4j-admin database import full``; returns a summary."""
    w = AdminCsvWriter(outdir, infer_columns(g), database=database)
    try:
        for node, attrs in g.nodes(data=True):
            w.add_node(str(node), attrs)
        for u, v, key, attrs in g.edges(keys=True, data=True):
            w.add_edge(str(u), str(v), key, attrs)
    except BaseException:
        w.abort()
        raise
    return w.close()


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
