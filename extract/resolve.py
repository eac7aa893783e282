"""Corpus-wide resolution: the names of a :class:`~extract.corpus.CorpusLexicon` found in every record.

One scan per record: the title and abstract are cut into alphanumeric runs, and each run is looked up in
a table keyed by the first word of every surface (:class:`SurfaceIndex`), so the cost does not grow with
the size of the lexicon. A match becomes a new entity (rule ``corpus``) with the usual
:class:`~extract.records.Mention` offsets, plus the paper-level relation the pipeline would give it, when
it is not already covered by a mention of the record, the record does not know the name under another
surface, and it is a whole word ("FooNet" in "FooNet-based", not in "FooNet-2" or "Multi-FooNet").
Resolution is undone by :func:`strip` first, so resolving a resolved record again changes nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from extract.corpus import CORPUS_RULE, STOP_WORDS, CorpusLexicon, Definition
from extract.lexicon import norm_key

_RUN = re.compile(r"[^\W_]+")
# Words a name may be hyphenated with and stay the name ("FooNet-based"); any other hyphenated tail
# makes another name ("FooNet-2", "FooNet-large").
HYPHEN_TAILS = frozenset(
    {"based", "like", "style", "driven", "guided", "inspired", "augmented", "enhanced", "free", "specific",
     "only", "generated", "aware", "type", "related", "powered", "assisted", "centric", "level", "wise"}
)
_SPACE_OR_HYPHEN = frozenset({" ", "-"})
_NAME_SEPARATORS = frozenset({" ", "-", ".", "'", "’"})
_VERSION_AFTER = re.compile(r" (?:[vV]?\d+(?:\.\d+)*|[IVX]+)\b")  # "FooNet 2.1", "FooNet v2", "FooNet II"
MIN_KNOWN_SHARE = 1 / 2  # see UseCounts
SEP = "\n\n"  # between title and abstract, as in the pipeline's Doc text


@dataclass(frozen=True)
class Surface:
    """A surface cut into runs (lower case unless case-sensitive) and the separators between them."""

    runs: tuple[str, ...]
    seps: tuple[str, ...]
    cased: bool
    definition: int  # index into the lexicon's definitions


def _separator(sep: str) -> str:
    return " " if sep.isspace() else sep


def cut(surface: str, cased: bool, definition: int) -> Surface | None:
    """The runs of ``surface``; None when it starts or ends with punctuation ("X+" is not matched as X)
    or joins words with other than spaces, hyphens, periods and apostrophes."""
    runs = list(_RUN.finditer(surface))
    if not runs or runs[0].start() != 0 or runs[-1].end() != len(surface):
        return None
    seps = tuple(_separator(surface[a.end() : b.start()]) for a, b in pairwise(runs))
    if any(sep not in _NAME_SEPARATORS for sep in seps):  # "V+L", "2D/3D": not names to spread
        return None
    words = tuple(r.group() if cased else r.group().lower() for r in runs)
    return Surface(words, seps, cased, definition)


Key = tuple[str, ...]  # a surface's first run, or first two runs; lower case unless case-sensitive


@dataclass
class SurfaceIndex:
    """Every surface of a lexicon, keyed by its first run, or first two runs for a surface of several
    (so a common first word does not bring hundreds of candidates); longest surfaces first."""

    lexicon: CorpusLexicon
    first: dict[Key, list[Surface]] = field(default_factory=dict)  # case-sensitive surfaces
    lower: dict[Key, list[Surface]] = field(default_factory=dict)  # the others, by lower-case runs

    def __post_init__(self) -> None:
        for i, d in enumerate(self.lexicon.definitions):
            for text, cased in d.surfaces:
                s = cut(text, cased, i)
                if s is None or (not cased and len(s.runs) < 2):
                    continue
                table = self.first if cased else self.lower
                for key in _keys(s):
                    table.setdefault(key, []).append(s)
        for table in (self.first, self.lower):
            for group in table.values():
                group.sort(key=lambda s: (-len(s.runs), s.runs, s.definition))
        self._heads = frozenset(k[0] for k in self.first if len(k) == 1)
        self._pairs = frozenset(k for k in self.first if len(k) == 2)
        self._lower_pairs = frozenset(self.lower)

    def __bool__(self) -> bool:
        return bool(self.first or self.lower)

    def starts(self, words: list[str], lows: list[str]) -> list[int]:
        """Indices of the words where some surface may start (by its key), in order."""
        at: set[int] = set()
        if not self._heads.isdisjoint(words):
            at.update(i for i, w in enumerate(words) if w in self._heads)
        for keys, seq in ((self._pairs, words), (self._lower_pairs, lows)):
            found = keys.intersection(pairwise(seq))
            if found:
                at.update(i for i, p in enumerate(pairwise(seq)) if p in found)
        return sorted(at)

    def candidates(self, words: list[str], lows: list[str], i: int) -> list[Surface]:
        """The surfaces that may start at word ``i``, longest first."""
        if i + 1 >= len(words):
            return self.first.get((words[i],), [])
        return [*self.first.get((words[i], words[i + 1]), ()), *self.lower.get((lows[i], lows[i + 1]), ()),
                *self.first.get((words[i],), ())]


def _keys(s: Surface) -> list[Key]:
    if len(s.runs) == 1:
        return [(s.runs[0],)]
    if s.cased or len(s.runs) > 2:
        return [s.runs[:2]]
    return [(s.runs[0], s.runs[1] + tail) for tail in ("", "s", "es")]  # "foo networks" for "foo network"


def _run_matches(token: str, run: str, cased: bool, last: bool) -> bool:
    if cased:
        return token == run
    low = token.lower()
    return low == run or (last and run.isalpha() and low in (run + "s", run + "es"))


def _words_at(words: list[str], i: int, s: Surface) -> bool:
    n = len(s.runs)
    return i + n <= len(words) and all(_run_matches(words[i + k], s.runs[k], s.cased, k == n - 1) for k in range(n))


def _separators_at(text: str, spans: list[tuple[int, int]], i: int, s: Surface) -> bool:
    return all(_sep_ok(text[spans[i + k][1] : spans[i + k + 1][0]], s.seps[k]) for k in range(len(s.runs) - 1))


def _whole_word(text: str, start: int, end: int) -> bool:
    """Not part of a longer name: no joining punctuation before, no version or other tail after."""
    if start > 0 and text[start - 1] in "-+./_'’" and start > 1 and text[start - 2].isalnum():
        return False
    if start > 0 and text[start - 1] == "_":
        return False
    if end < len(text):
        nxt = text[end]
        if nxt in "+_" or (nxt in "./" and end + 1 < len(text) and text[end + 1].isalnum()):
            return False
        if _VERSION_AFTER.match(text, end):
            return False
        if nxt == "-":
            tail = _RUN.match(text, end + 1)
            return tail is None or tail.start() != end + 1 or tail.group().lower() in HYPHEN_TAILS
    return True


def find(index: SurfaceIndex, text: str, title: bool = False) -> list[tuple[int, int, int]]:
    """Non-overlapping ``(start, end, definition)`` matches of the index's surfaces in ``text`` (a title
    if ``title``: its capitalised words do not make a longer name). Words are compared first; character
    offsets (separators, whole-word tests) are only worked out for texts where some surface's words occur."""
    words = _RUN.findall(text)
    lows = _RUN.findall(text.lower())
    if len(lows) != len(words):  # a character whose lower case is not a letter ("İ")
        lows = [w.lower() for w in words]
    hits = [(i, s) for i in index.starts(words, lows) for s in index.candidates(words, lows, i)
            if _words_at(words, i, s)]
    if not hits:
        return []
    spans = [m.span() for m in _RUN.finditer(text)]
    out: list[tuple[int, int, int]] = []
    after = 0
    for i, s in hits:  # by start, longest surface first
        if i < after or not _separators_at(text, spans, i, s):
            continue
        end = i + len(s.runs)
        if _whole_word(text, spans[i][0], spans[end - 1][1]) and (title or not _inside_name(text, spans[i][0])):
            after = end
            out.append((spans[i][0], spans[end - 1][1], s.definition))
    return out


_CAPITALISED_BEFORE = re.compile(r"([A-Z][a-z]+) \Z")
_CLAUSE_START = re.compile(r"(?:\A|[.!?:;(\[\"“]\s*)\Z")


def _inside_name(text: str, start: int) -> bool:
    """Whether a capitalised word in mid-sentence runs into the match: "Balanced FooMax" is another name."""
    before = text[max(0, start - 40) : start]
    m = _CAPITALISED_BEFORE.search(before)
    if m is None or m.group(1).lower() in STOP_WORDS:
        return False
    return not _CLAUSE_START.search(before, 0, m.start(1))


def _sep_ok(found: str, wanted: str) -> bool:
    found = _separator(found)
    return found == wanted or (found in _SPACE_OR_HYPHEN and wanted in _SPACE_OR_HYPHEN)


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
        if definition.keys() & known:
            continue
        if not mentions:
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
    from extract.components.sentences import split_sentences
    from extract.relations import paper_relations

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
