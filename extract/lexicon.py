"""The curated gazetteers under ``extract/gazetteers/``: loading and key-based lookup.

Each ``<type>.tsv`` row is ``name<TAB>aliases (|-separated)<TAB>parent<TAB>flags``; ``generic.txt`` lists
names that look like entities but are not (generic model classes, fields, tasks, metrics, organisations).
Everything is loaded once per process and looked up by :func:`extract.canonical.canonical_key`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

GAZETTEER_FILES: dict[str, str] = {
    "Model": "models.tsv",
    "Benchmark": "benchmarks.tsv",
    "Dataset": "datasets.tsv",
    "Method": "methods.tsv",
}

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=1 << 16)
def norm_key(name: str) -> str:
    """NFKC, lower case, only ASCII letters and digits kept (same normalisation as the gold scorer)."""
    return _NON_ALNUM.sub("", unicodedata.normalize("NFKC", name).lower())


@dataclass(frozen=True)
class Entry:
    """One gazetteer row: a canonical name with its type, surface aliases, family and matching flags."""

    name: str
    label: str
    aliases: tuple[str, ...]
    parent: str | None
    flags: frozenset[str]

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The canonical name followed by its aliases."""
        return (self.name, *self.aliases)


def _read_text(filename: str) -> str:
    return resources.files("extract").joinpath("gazetteers", filename).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    """All gazetteer rows of all types, in file order."""
    out: list[Entry] = []
    for label, filename in GAZETTEER_FILES.items():
        for line in _read_text(filename).splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = [*line.split("\t"), "", "", ""]
            name = cols[0].strip()
            aliases = tuple(a.strip() for a in cols[1].split("|") if a.strip())
            out.append(Entry(name, label, aliases, cols[2].strip() or None, frozenset(cols[3].split())))
    return tuple(out)


@lru_cache(maxsize=1)
def key_index() -> dict[str, Entry]:
    """Normalised key of every name and alias -> its entry (the first row wins on a clash)."""
    index: dict[str, Entry] = {}
    for e in entries():
        for s in e.surfaces:
            key = norm_key(s)
            if len(key) >= 2:  # "A*" must not make every "A" a name
                index.setdefault(key, e)
    return index


@lru_cache(maxsize=1)
def generic_keys() -> frozenset[str]:
    """Normalised keys of names that are never entities."""
    keys = {
        norm_key(line) for line in _read_text("generic.txt").splitlines() if line.strip() and not line.startswith("#")
    }
    keys.discard("")
    return frozenset(keys)


def lookup(name: str) -> Entry | None:
    """The gazetteer entry whose name or alias normalises like ``name``."""
    return key_index().get(norm_key(name))


def surface_variants(alias: str, plural: bool = False) -> set[str]:
    """The alias with hyphens as spaces and spaces as hyphens (and with a plural -s when asked)."""
    out = {alias, alias.replace("-", " "), alias.replace(" ", "-")}
    if plural and alias[-1:].isalpha() and not alias.endswith("s"):
        out |= {v + "s" for v in out}
    return {v for v in out if v.strip()}


@lru_cache(maxsize=4096)
def exact_surfaces(entry: Entry) -> frozenset[str]:
    """Every spelling of the entry accepted for case-sensitive (``cs``) matching."""
    out: set[str] = set()
    for s in entry.surfaces:
        out |= surface_variants(s, entry.label == "Method")
    return frozenset(out)


def case_ok(entry: Entry, text: str) -> bool:
    """Whether ``text`` may stand for ``entry`` given its case flags (see ``kg_gazetteer``)."""
    if "cs" in entry.flags:
        return text in exact_surfaces(entry)
    if "lc" in entry.flags or not text.islower() or any(c.isdigit() for c in text):
        return True
    return not any(c.isupper() for c in entry.name) or any(s.islower() for s in entry.surfaces)
