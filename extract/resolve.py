"""Corpus-wide resolution: the names of a :class:`~extract.corpus.CorpusLexicon` found in every record.

The title and abstract are scanned once (:mod:`extract.surface_index`). A match becomes a new entity
(rule ``corpus``) with the usual :class:`~extract.records.Mention` offsets, plus the paper-level
relation the pipeline would give it, when it is not already covered by a mention of the record and the
record does not know the name under another surface or define the acronym itself.
Resolution is undone by :func:`strip` first, so resolving a resolved record again changes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from extract.corpus import CORPUS_RULE, Definition
from extract.lexicon import norm_key
from extract.surface_index import SurfaceIndex, find

MIN_KNOWN_SHARE = 1 / 2  # see UseCounts
SEP = "\n\n"  # between title and abstract, as in the pipeline's Doc text


def strip(rec: dict[str, Any]) -> bool:
    """Remove what resolution added (entities of rule ``corpus``, relations of rule ``corpus:*``)."""
    ents = [e for e in rec.get("entities", []) if e.get("rule") != CORPUS_RULE]
    rels = [r for r in rec.get("relations", []) if not str(r.get("rule", "")).startswith(CORPUS_RULE)]
    changed = len(ents) != len(rec.get("entities", [])) or len(rels) != len(rec.get("relations", []))
    if changed:
        rec["entities"], rec["relations"] = ents, rels
    return changed


def _known_keys(rec: dict[str, Any]) -> set[str]:
    keys: set[str] = set()
    for e in rec.get("entities", []):
        keys.add(norm_key(e["name"]))
        keys.update(norm_key(a) for a in e.get("aliases", []))
        keys.update(norm_key(m["text"]) for m in e.get("mentions", []))
    return keys


def _defined_here(title: str, abstract: str) -> set[str]:
    """Keys of the short forms the record defines itself: its own definition wins over the corpus's."""
    from extract.components.abbreviations import find_abbreviations

    text = f"{title}{SEP}{abstract}"
    return {norm_key(text[ss:se]) for _, _, ss, se in find_abbreviations(text)} if "(" in text else set()


def _matches(rec: dict[str, Any], index: SurfaceIndex) -> tuple[dict[int, list[dict[str, Any]]], set[str]]:
    """Uncovered mentions of each definition in an unresolved record, and the keys the record knows."""
    title, abstract = rec.get("title") or "", rec.get("abstract") or ""
    taken: dict[str, list[tuple[int, int]]] = {"title": [], "abstract": []}
    for e in rec.get("entities", []):
        for m in e.get("mentions", []):
            taken.setdefault(m["field"], []).append((m["start"], m["end"]))
    found: dict[int, list[dict[str, Any]]] = {}
    for fname, text in (("title", title), ("abstract", abstract)):
        for s, e, d in find(index, text, fname == "title"):
            covered = any(s < te and ts < e for ts, te in taken[fname])
            mentions = found.setdefault(d, [])
            if not covered:
                mentions.append({"text": text[s:e], "field": fname, "start": s, "end": e})
    known = _known_keys(rec) if found else set()
    if any(found.values()):  # something uncovered: the record's own acronym definitions count too
        known |= _defined_here(title, abstract)
    return found, known


class UseCounts:
    """How often the papers that use a defined name already know it (the pipeline found it there).

    A name that papers mostly use without the pipeline taking it for an entity is a common term that
    some paper merely happened to define or propose ("Monte Carlo", an acronym most papers use for
    something else): it does not spread. Counted over unresolved records, in a pass of its own. Half
    is the share that kept most of the right additions on 10,000 real abstracts: the ones a third
    lets in on top were mostly wrong (about 4 in 10 right).
    """

    def __init__(self, index: SurfaceIndex) -> None:
        self.index = index
        self.used: Counter[str] = Counter()  # name -> papers whose text has one of its surfaces
        self.known: Counter[str] = Counter()  # name -> of those, papers whose entities already have it
        self.touched: set[str] = set()  # ids of the papers resolution may add something to

    def add(self, rec: dict[str, Any]) -> None:
        """Count one record (resolution it carries is ignored)."""
        strip(rec)
        found, known = _matches(rec, self.index)
        defs = self.index.lexicon.definitions
        names: dict[str, bool] = {}
        for d, mentions in found.items():
            is_known = bool(defs[d].keys() & known)
            names[defs[d].name] = names.get(defs[d].name, False) or is_known
            if mentions and not is_known:
                self.touched.add(rec["id"])
        for name, is_known in names.items():
            self.used[name] += 1
            self.known[name] += is_known

    def update(self, records: Iterable[dict[str, Any]]) -> UseCounts:
        """Count many records; returns self."""
        for rec in records:
            self.add(rec)
        return self

    def merge(self, other: UseCounts) -> UseCounts:
        """Add the counts of ``other`` (same index, other records); returns self. Counts are sums and the
        touched papers a union, so counting a corpus in pieces gives what one pass gives."""
        self.used.update(other.used)
        self.known.update(other.known)
        self.touched |= other.touched
        return self

    def needs(self, rec: dict[str, Any]) -> bool:
        """Whether resolving ``rec`` may add something (else only :func:`strip` is needed)."""
        return rec["id"] in self.touched

    def kept(self) -> frozenset[int]:
        """Indices of the definitions whose name is known in at least :data:`MIN_KNOWN_SHARE` of the
        papers using it (the others still shadow shorter names: "NYU" is not looked for in "NYU Foo-V2")."""
        defs = self.index.lexicon.definitions
        return frozenset(i for i, d in enumerate(defs) if self.known[d.name] >= MIN_KNOWN_SHARE * self.used[d.name])


def resolve(rec: dict[str, Any], index: SurfaceIndex, keep: frozenset[int] | None = None) -> bool:
    """Add the lexicon's names (those of ``keep``, if given) that ``rec`` uses but does not know (see the
    module docstring); True if the record changed (always after :func:`strip` removed something)."""
    changed = strip(rec)
    if not index:
        return changed
    found, known = _matches(rec, index)
    if keep is not None:
        found = {d: mentions for d, mentions in found.items() if d in keep}
    known |= {k + "s" for k in known}  # "SVs" is the plural of the record's own SV, not another paper's SVs
    new = _entities(found, index.lexicon.definitions, known)
    if not new:
        return changed
    rec["entities"] = [*rec.get("entities", []), *new]
    rec["relations"] = [*rec.get("relations", []), *_relations(rec, new, rec.get("title") or "",
                                                             rec.get("abstract") or "")]
    return True


def _entities(found: dict[int, list[dict[str, Any]]], defs: tuple[Definition, ...], known: set[str]) -> list[dict]:
    """One entity per distinct name (two definitions may share a name: acronym and long form)."""
    by_name: dict[str, dict[str, Any]] = {}
    for d, mentions in found.items():
        definition = defs[d]
        if not mentions or definition.keys() & known:
            continue
        ent = by_name.setdefault(definition.name, {"label": definition.label, "name": definition.name,
                                                   "mentions": [], "aliases": [], "parent": None,
                                                   "rule": CORPUS_RULE})
        ent["mentions"].extend(mentions)
    out = []
    for ent in by_name.values():
        ent["mentions"].sort(key=lambda m: (m["field"] != "title", m["start"]))
        ent["aliases"] = list(dict.fromkeys(m["text"] for m in ent["mentions"] if m["text"] != ent["name"]))
        out.append(ent)
    return sorted(out, key=lambda e: (e["mentions"][0]["field"] != "title", e["mentions"][0]["start"], e["name"]))


def _relations(rec: dict[str, Any], new: list[dict[str, Any]], title: str, abstract: str) -> list[dict[str, Any]]:
    """The paper-level relation of each new entity (EVALUATED_ON or USES), as the pipeline makes it."""
    from extract.relations import paper_relations
    from extract.sentences import split_sentences

    body = len(title) + len(SEP)
    text = f"{title}{SEP}{abstract}"
    lead = len(abstract) - len(abstract.lstrip())
    sents = [[0, len(title)], *split_sentences(abstract[lead:], body + lead)]  # as kg_sentences cuts them
    shift = {"title": 0, "abstract": body}
    ents = [{"label": e["label"], "name": e["name"], "proposed": "",
             "mentions": [[m["start"] + shift[m["field"]], m["end"] + shift[m["field"]]] for m in e["mentions"]]}
            for e in new]
    out = []
    for r in paper_relations(text, sents, ents):
        s, e = r["start"], r["end"]
        in_abs = s is not None and s >= body
        out.append({"type": r["type"], "source": rec["id"], "target": r["target"],
                    "evidence": text[s:e] if s is not None else "", "confidence": r["confidence"],
                    "start": s - body if in_abs else None, "end": e - body if in_abs else None,
                    "rule": f"{CORPUS_RULE}:{r['rule']}"})
    return out
