"""Merge partitioned record files into one, with one display name per canonical key across all of them.

Partitions are extracted independently (processes, Dask workers), so the same entity may surface as
"Moto-GPT" in one and "MotoGPT" in another. Merging picks one name per key by the same rule everywhere,
so a corpus gives the same records however it was split.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from extract.canonical import canonical_key


def preferred_name(names: Counter[str]) -> str:
    """Most frequent name; ties go to the one with capitals, then the shorter, then alphabetical.

    >>> preferred_name(Counter({"MotoGPT": 1, "Moto-GPT": 2}))
    'Moto-GPT'
    """
    return max(names, key=lambda n: (names[n], n != n.lower(), -len(n), [-ord(c) for c in n]))


def _iter_lines(paths: Iterable[Path]) -> Iterator[dict[str, Any]]:
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)


def count_names(counts: dict[str, Counter[str]], rec: dict[str, Any]) -> None:
    """Add one record's entity names to ``counts`` (canonical key -> name -> occurrences)."""
    for ent in rec.get("entities", []):
        counts[canonical_key(ent["name"])][ent["name"]] += 1


def name_table(records: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Canonical key -> preferred display name over all records (the only state merging keeps)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for rec in records:
        count_names(counts, rec)
    return preferred_names(counts)


def preferred_names(counts: dict[str, Counter[str]]) -> dict[str, str]:
    """The name table of some counted names (canonical key -> preferred display name)."""
    return {k: preferred_name(c) for k, c in counts.items()}


def _rename(rec: dict[str, Any], names: dict[str, str]) -> bool:
    """Rename in place; True if anything changed."""
    changed = False

    def fix(name: str | None) -> str | None:
        nonlocal changed
        if not name:
            return name
        new = names.get(canonical_key(name), name)
        changed = changed or new != name
        return new

    for ent in rec.get("entities", []):
        ent["name"] = fix(ent["name"])
        if ent.get("parent"):
            ent["parent"] = fix(ent["parent"])
    for rel in rec.get("relations", []):
        if rel["source"] != rec["id"]:
            rel["source"] = fix(rel["source"])
        rel["target"] = fix(rel["target"])
    for res in rec.get("results", []):
        if res.get("model"):
            res["model"] = fix(res["model"])
        if res.get("benchmark"):
            res["benchmark"] = fix(res["benchmark"])
    return changed


def rename(rec: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """Rewrite a record's entity names, relation ends and result names to the preferred names."""
    _rename(rec, names)
    return rec


def merge_partitions(parts: list[Path], out: Path, names: dict[str, str] | None = None) -> int:
    """Write every record of ``parts`` to ``out`` under the preferred names; returns the count.

    Two streaming passes (learn the name table, then rewrite), or one when the caller counted the names
    as it wrote the parts (``names``, from :func:`preferred_names`). Records that need no renaming are
    copied byte for byte.
    """
    if names is None:
        names = name_table(_iter_lines(parts))
    n = 0
    tmp = out.with_name(out.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for path in parts:
            with open(path, encoding="utf-8") as src:
                for line in src:
                    if not line.strip():
                        continue
                    rec = json.loads(line)
                    if names and _rename(rec, names):
                        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    else:
                        f.write(line if line.endswith("\n") else line + "\n")
                    n += 1
    tmp.replace(out)
    return n
