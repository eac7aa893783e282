"""The catalogue of saved questions: ``queries/*.cypher`` parsed into :class:`SavedQuery` objects.

Each file starts with header comments (``// name:``, ``// description:``, ``// param: name = default``); a
default's type (int, float or string) is its literal's, or stated: ``// param: name: type = value``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import networkx as nx

from kg.errors import QueryError

__all__ = ["GUIDE_PATH", "MAX_INT", "QUERIES_DIR", "Backend", "GraphLike", "Param", "Row", "SavedQuery", "catalogue",
           "get_query", "list_queries", "parse_query", "return_columns"]

QUERIES_DIR = Path(__file__).resolve().parents[1] / "saved_queries"  # a link to the top-level queries/, packaged
GUIDE_PATH = QUERIES_DIR / "guide.html"
Backend = Literal["neo4j", "embedded"]
Row = dict[str, Any]
GraphLike = nx.MultiDiGraph | str | Path

_HEADER = re.compile(r"^//\s*(name|description|param):\s*(.*?)\s*$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*(?::\s*(?P<type>int|float|string))?\s*=\s*(?P<value>.*)$")


MAX_INT = 2**63 - 1  # Neo4j's largest integer


@dataclass(frozen=True)
class Param:
    """One declared parameter of a saved query, with its type and default."""

    name: str
    type: Literal["int", "float", "string"]
    default: int | float | str

    def coerce(self, value: object) -> int | float | str:
        """``value`` (e.g. a CLI string) converted to this parameter's type and checked against its range.

        Every int parameter of the catalogue is a count, a limit or a year: a whole number from 0 to
        :data:`MAX_INT` (Neo4j's 64-bit integers), the same check for both backends."""
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
        try:
            if self.type == "int":
                if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                    raise ValueError(value)
                if isinstance(value, str) and len(value.strip()) > 30:
                    raise OverflowError(value)
                number = int(value)  # type: ignore[call-overload]
                if not 0 <= number <= MAX_INT:
                    raise OverflowError(value)
                return number
            if self.type == "float":
                f = float(value)  # type: ignore[arg-type]
                if f != f or f in (float("inf"), float("-inf")):
                    raise ValueError(value)
                return f
        except OverflowError:
            raise QueryError(f"parameter {self.name!r} must be a whole number from 0 to {MAX_INT}, got {shown}") \
                from None
        except (TypeError, ValueError):
            raise QueryError(f"parameter {self.name!r} must be {self.type}, got {shown}") from None
        return str(value)


@dataclass(frozen=True)
class SavedQuery:
    """A saved question: its name, one-line description, parameters and Cypher text."""

    name: str
    description: str
    params: tuple[Param, ...]
    cypher: str
    path: Path

    @property
    def defaults(self) -> dict[str, int | float | str]:
        """Parameter defaults by name."""
        return {p.name: p.default for p in self.params}

    @property
    def columns(self) -> list[str]:
        """The names of the RETURN columns, in order (read from the last RETURN clause)."""
        return return_columns(self.cypher)

    def bind(self, params: Mapping[str, object] | None = None) -> dict[str, int | float | str]:
        """Defaults overlaid with ``params``, each coerced to its declared type; unknown names are refused."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(params or {}) - set(known))
        if unknown:
            raise QueryError(f"query {self.name!r} takes no parameter {', '.join(unknown)} "
                             f"(it takes: {', '.join(known) or 'none'})")
        values = self.defaults
        for key, value in (params or {}).items():
            values[key] = known[key].coerce(value)
        return values


def _literal(text: str, declared: str | None) -> tuple[Literal["int", "float", "string"], int | float | str]:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return "string", text[1:-1]
    if declared == "string":
        return "string", text
    if declared in (None, "int") and re.fullmatch(r"[-+]?\d+", text):
        return "int", int(text)
    if declared in (None, "float") and re.fullmatch(r"[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?", text):
        return "float", float(text)
    if declared:
        raise QueryError(f"default {text!r} is not a {declared}")
    return "string", text


def parse_query(text: str, path: Path | str = "<text>") -> SavedQuery:
    """Parse one ``.cypher`` file: header comments (name, description, params) then the Cypher.

    >>> q = parse_query("// name: n\\n// description: d\\n// param: limit = 5\\nRETURN $limit AS x")
    >>> q.name, q.params[0], q.cypher
    ('n', Param(name='limit', type='int', default=5), 'RETURN $limit AS x')
    """
    name = description = ""
    params: list[Param] = []
    body: list[str] = []
    for line in text.splitlines():
        m = _HEADER.match(line.strip()) if not body else None
        if m:
            key, value = m.groups()
            if key == "name":
                name = value
            elif key == "description":
                description = value
            else:
                pm = _PARAM.match(value)
                if not pm:
                    raise QueryError(f"{path}: bad param line {line!r} (want 'name = default')")
                ptype, default = _literal(pm["value"], pm["type"])
                params.append(Param(pm["name"], ptype, default))
        elif line.strip() or body:
            body.append(line)
    if not name or not description:
        raise QueryError(f"{path}: header needs '// name:' and '// description:' lines")
    return SavedQuery(name, description, tuple(params), "\n".join(body).strip(), Path(path))


def return_columns(cypher: str) -> list[str]:
    """Column names of the last RETURN clause (``expr AS alias`` or a bare variable).

    >>> return_columns("MATCH (n) RETURN n.name AS name, count(*) AS n ORDER BY n DESC")
    ['name', 'n']
    """
    clause = re.split(r"\bRETURN\b", cypher)[-1]
    clause = re.split(r"\b(?:ORDER\s+BY|SKIP|LIMIT)\b", clause)[0]
    parts, depth, cur = [], 0, ""
    for ch in clause:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    cols = []
    for part in parts:
        m = re.search(r"\bAS\s+(\w+)\s*$", part.strip())
        cols.append(m.group(1) if m else part.strip())
    return cols


@lru_cache(maxsize=4)
def _load_catalogue(directory: str, stamp: tuple[tuple[str, float], ...]) -> dict[str, SavedQuery]:
    queries: dict[str, SavedQuery] = {}
    for file, _ in stamp:
        q = parse_query(Path(file).read_text(encoding="utf-8"), file)
        if q.name in queries:
            raise QueryError(f"{file}: query name {q.name!r} is already used by {queries[q.name].path}")
        if q.name != Path(file).stem:
            raise QueryError(f"{file}: query name {q.name!r} differs from the file name")
        queries[q.name] = q
    return queries


def catalogue(directory: str | Path = QUERIES_DIR) -> dict[str, SavedQuery]:
    """All saved queries of ``directory`` by name, sorted by name (re-read when a file changes)."""
    files = sorted(Path(directory).glob("*.cypher"))
    return _load_catalogue(str(directory), tuple((str(f), f.stat().st_mtime) for f in files))


def list_queries(directory: str | Path = QUERIES_DIR) -> list[SavedQuery]:
    """The saved queries, sorted by name (what ``kg queries`` lists).

    >>> "top-entities" in [q.name for q in list_queries()]
    True
    """
    return list(catalogue(directory).values())


def get_query(name: str, directory: str | Path = QUERIES_DIR) -> SavedQuery:
    """One saved query by name; the error lists the known names."""
    queries = catalogue(directory)
    if name not in queries:
        raise QueryError(f"no saved query {name!r}; known: {', '.join(queries)}")
    return queries[name]
