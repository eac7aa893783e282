"""Corpus-wide definitions: names that some paper of a run defines, in a small order-independent table.

A paper that writes "Foo Bar Network (FBN)", "we propose FooNet" or "Zorp-Bench, a new benchmark" defines
a name; other papers of the same run may use it bare ("FBN", "foo bar network"). :class:`DefinitionTally`
counts the definitions of records as they stream by (counts only, so any partitioning and any order give
the same table); :meth:`DefinitionTally.lexicon` keeps the ones safe to spread (see the class and
:func:`spreadable`) as a :class:`CorpusLexicon`, which :mod:`extract.resolve` looks for in every record
(after counting how the run uses each name: :class:`extract.resolve.UseCounts`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS as SPACY_STOP_WORDS

from extract.canonical import preferred_name
from extract.lexicon import generic_keys, key_index, norm_key

CORPUS_RULE = "corpus"  # rule of the entities (and prefix of the relations) that resolution adds
# Rules whose names come with a proposal or type cue of their own. Other names (gazetteer names, which
# the gazetteer finds in every paper anyway, bare shapes, acronym definitions of established concepts)
# spread only when some paper proposes them: spreading a definition also spreads any mistake in its
# type or in its being an entity at all (a task or a domain term written as "Long Form (LF)").
STRONG_RULES = frozenset({"proposal", "shape+proposed", "shape+prop", "shape+cue", "titled"})
CUE_RULES = frozenset({"shape+cue", "titled"})  # a type cue: "the X dataset", "X benchmark"
DATA_LABELS = frozenset({"Dataset", "Benchmark"})  # the only types a cue alone is trusted for
LABEL_ORDER: tuple[str, ...] = ("Method", "Model", "Dataset", "Benchmark")  # tie-break of the majority type
MIN_PLAIN_WORDS = 3  # a name of plain capitalised words ("Zorp Speech Corpus") spreads from this length on
MIN_ACRONYM = 3  # shorter acronyms ("DS", "RL") mean too many things to spread
MIN_LONG_WORDS = 3  # a shorter long form spreads only when several papers define it ...
MIN_LONG_PAPERS = 2  # ... in this many papers ("spatio-temporal network" alone is a description)


_EDGE = "\"'“”‘’()[]{}.,;:!?"
STOP_WORDS = frozenset(SPACY_STOP_WORDS)  # "AND", "ONE" or "IT" are no acronyms to spread


def is_acronym(surface: str) -> bool:
    """A short form: one word of 2-12 characters, two capitals or a capital after its first letter."""
    if not 2 <= len(surface) <= 12 or " " in surface or not surface[0].isalnum():
        return False
    return sum(c.isupper() for c in surface) >= 2 or any(c.isupper() for c in surface[1:])


def long_key(long_form: str) -> str:
    """How long forms compare: lower case, hyphens as spaces, single spaces, no plural -s at the end."""
    words = [w.strip(_EDGE) for w in long_form.lower().replace("-", " ").split()]
    words = [w for w in words if w]
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith(("ss", "is", "us")):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def expands(short: str, long_form: str) -> bool:
    """Whether ``long_form`` spells ``short`` out (Schwartz-Hearst over its whole length)."""
    from extract.acronyms import best_long_form

    return len(long_form.split()) >= 2 and best_long_form(short, long_form) == long_form


@dataclass(frozen=True)
class Definition:
    """One spreadable name: what a new entity is called and typed, and the surfaces that find it."""

    name: str
    label: str
    surfaces: tuple[tuple[str, bool], ...]  # (surface, case-sensitive)

    def keys(self) -> frozenset[str]:
        """Normalised keys of the name and its surfaces: a record knowing any of them knows the entity."""
        return frozenset({norm_key(self.name), *(norm_key(s) for s, _ in self.surfaces)})


@dataclass(frozen=True)
class CorpusLexicon:
    """The definitions of a run, sorted (so the table is the same however it was counted)."""

    definitions: tuple[Definition, ...] = ()

    def __len__(self) -> int:
        return len(self.definitions)


# One observation of a definition: (label, entity name, the long_key or short form it pairs with, or "").
Observation = tuple[str, str, str]


class DefinitionTally:
    """Counts of definitions over records (JSON dicts), bounded by the number of distinct defined names.

    Only names a paper proposes, or types by a cue, spread; an acronym or long form that any paper
    defines without proposing it names an established concept (what a gazetteer is for), and one that
    papers define with different long forms is ambiguous: neither spreads.
    """

    def __init__(self) -> None:
        # (kind, key, label, name, paired form) -> papers; kind "a": key is a short form as written, paired
        # with its long_key; "l": a long_key, paired with its short form; "n": a proposed or cued name.
        # One flat table (no dict per name): a million abstracts define about as many names.
        self.seen: Counter[tuple[str, str, str, str, str]] = Counter()
        self.expansions: set[tuple[str, str]] = set()  # every (short form, long_key) of any paper
        self.established: set[str] = set()  # short forms and long_keys defined without a proposal

    def add(self, rec: dict[str, Any]) -> None:
        """Count the definitions of one record (once per paper and name; added entities never count)."""
        proposed = {r["target"] for r in rec.get("relations", []) if r["type"] == "PROPOSES"}
        seen: set[tuple[str, str, str, str, str]] = set()
        for ent in rec.get("entities", []):
            if ent.get("rule") == CORPUS_RULE:
                continue
            label, name = ent["label"], ent["name"]
            strong = name in proposed or (ent.get("rule") in STRONG_RULES and (
                label in DATA_LABELS or ent.get("rule") not in CUE_RULES))
            mentions = (m["text"] for m in ent.get("mentions", []))
            surfaces = list(dict.fromkeys([name, *ent.get("aliases", []), *mentions]))
            pairs = [(s, long_key(lf)) for s in surfaces if is_acronym(s) for lf in surfaces
                     if lf != s and expands(s, lf)]
            self.expansions.update(pairs)
            for short, lk in pairs:
                if strong:
                    seen.update((("a", short, label, name, lk), ("l", lk, label, name, short)))
                else:
                    self.established.update((short, lk))
            if strong and not pairs and _new_name(name, ent.get("rule", "")):
                seen.add(("n", name, label, name, ""))
        self.seen.update(seen)
        self._untyped_definitions(rec)

    def _untyped_definitions(self, rec: dict[str, Any]) -> None:
        """Acronyms the text defines but the pipeline made no entity of ("unmanned aerial vehicles (UAVs)", a thing)
        are established meanings too: another paper's entity of the same acronym must not spread to them."""
        text = f"{rec.get('title') or ''}\n\n{rec.get('abstract') or ''}"
        if "(" not in text:
            return
        from extract.components.abbreviations import find_abbreviations  # the pipeline's own finder

        surfaces = {norm_key(s) for e in rec.get("entities", []) if e.get("rule") != CORPUS_RULE
                    for s in (e["name"], *e.get("aliases", []), *(m["text"] for m in e.get("mentions", [])))}
        for ls, le, ss, se in find_abbreviations(text):
            short, lk = text[ss:se], long_key(text[ls:le])
            if norm_key(short) not in surfaces and is_acronym(short):
                for form in {short, short[:-1] if short.endswith("s") and short[-2:-1].isupper() else short}:
                    self.expansions.add((form, lk))  # "(UAVs)" defines "UAV" too
                    self.established.update((form, lk))

    def update(self, records: Iterable[dict[str, Any]]) -> DefinitionTally:
        """Count many records; returns self."""
        for rec in records:
            self.add(rec)
        return self

    def merge(self, other: DefinitionTally) -> DefinitionTally:
        """Add the counts of ``other`` (other records); returns self."""
        self.seen.update(other.seen)
        self.expansions.update(other.expansions)
        self.established.update(other.established)
        return self

    def lexicon(self) -> CorpusLexicon:
        """The spreadable definitions (see the class docstring and :func:`spreadable`), sorted."""
        groups: dict[tuple[str, str], Counter[Observation]] = defaultdict(Counter)
        for (kind, key, label, name, pair), n in self.seen.items():
            groups[kind, key][label, name, pair] += n
        meanings: Counter[str] = Counter(short for short, _ in self.expansions)
        out: list[Definition] = []
        for (kind, key), obs in groups.items():
            if kind == "a":
                if (meanings[key] == 1 and key not in self.established and len(key) >= MIN_ACRONYM
                        and key.lower() not in STOP_WORDS and spreadable(key)):
                    out.append(Definition(preferred_name(_names(obs)), _label(obs), ((key, True),)))
            elif kind == "l":
                words = key.split()
                if (key in self.established or words[0] in STOP_WORDS or not spreadable(key)
                        or (len(words) < MIN_LONG_WORDS and sum(obs.values()) < MIN_LONG_PAPERS)
                        or any(meanings[short] > 1 for _, _, short in obs)):  # the acronym means several things
                    continue
                out.append(Definition(preferred_name(_names(obs)), _label(obs), ((key, False),)))
            elif meanings[key] == 0 and spreadable(key):
                out.append(Definition(key, _label(obs), ((key, True),)))
        return CorpusLexicon(tuple(sorted(out, key=lambda d: (d.surfaces, d.name, d.label))))


def _new_name(name: str, rule: str) -> bool:
    """A proposed or cued name that is surely a name: one word shaped like no ordinary word or made of
    capitalised parts ("Zorp-Bench"), or several words with such a word; plain capitalised words only
    with a type cue and three of them ("Zorp Speech Corpus", not "Monte Carlo"); no lower-case words
    ("meta-RL" is a field, "BarLM-base" a variant)."""
    if len(name) < 3 or name.lower() in STOP_WORDS:
        return False
    words = name.replace("-", " ").split()
    if any(w.isalpha() and w.islower() and w not in STOP_WORDS for w in words):  # "meta-RL", "batch RL"
        return False
    if any(any(c.isdigit() for c in w) or any(c.isupper() for c in w[1:]) for w in words):
        return True
    if " " not in name and len(words) > 1 and all(w[0].isupper() for w in words):  # "Zorp-Bench"
        return True
    return rule in CUE_RULES and len(words) >= MIN_PLAIN_WORDS and all(w[0].isupper() for w in words if len(w) > 3)


def spreadable(surface: str) -> bool:
    """A surface that may stand for its definition elsewhere: not generic, not a gazetteer name (the
    gazetteer finds those itself, with its own case and context rules)."""
    key = norm_key(surface)
    return len(key) >= 2 and key not in generic_keys() and key not in key_index()


def _names(obs: Counter[Observation]) -> Counter[str]:
    names: Counter[str] = Counter()
    for (_, name, _), n in obs.items():
        names[name] += n
    return names


def _label(obs: Counter[Observation]) -> str:
    labels: Counter[str] = Counter()
    for (label, _, _), n in obs.items():
        labels[label] += n
    return max(labels, key=lambda lb: (labels[lb], -LABEL_ORDER.index(lb) if lb in LABEL_ORDER else -99, lb))
