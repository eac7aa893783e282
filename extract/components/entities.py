"""``kg_entities``: resolves the candidate spans of the earlier components into the paper's entities.

Candidates come from the gazetteer, the shape scanner, acronym definitions and proposal cues.
Overlaps go to the longer span (then the more reliable source); mentions are grouped by the canonical
key of their resolved name, with acronym <-> long form merged. Types come from the gazetteer, else
from the acronym's long form, the proposal cue, a descriptor next to a mention ("X benchmark"), the
types of known names in the same coordination ("on GSM8K, X and MATH") or the name's shape.
Unknown names without any such evidence are dropped. Generic phrases are never entities.
Writes ``doc.ents`` and ``doc._.kg_entities`` (plain dicts, see :func:`EntityResolver.__call__`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.canonical import canonical_key, canonical_name, known
from extract.components.abbreviations import best_long_form
from extract.components.model_heads import model_head
from extract.components.variants import link_variants, local_base
from extract.doc_data import (
    ABBREVS,
    ENTITIES,
    GAZ_META,
    PROPOSED_META,
    SENTS,
    SHAPE_META,
    sents_of,
    span_at,
    text_of,
)
from extract.lexicon import Entry, generic_keys, key_index, norm_key, task_keys

# Heads of capitalised long forms that name tasks or metrics, not techniques.
_TASK_HEAD = re.compile(
    r"^(?:answering|detection|recognition|classification|segmentation|translation|summari[sz]ation|captioning|"
    r"tagging|parsing|extraction|tracking|score|rate|error|accuracy|precision|recall|distance|divergence|"
    r"ratio|metric|index|intelligence|processing|vision|tasks?|problems?|data|retrieval|generation|grounding|"
    r"locali[sz]ation|forecasting|understanding|reasoning|unit|units|layers?|prediction|navigation|completion)$",
    re.IGNORECASE,
)
# Heads of lower-case long forms that name techniques ("gradient ascent (GA)", not "key-value (KV)").
_TECH_HEAD = re.compile(
    r"(?:optimi[sz]ation|tuning|training|attention|search|sampling|distillation|adaptation|regulari[sz]ation|"
    r"decoding|prompting|alignment|augmentation|method|algorithm|framework|network|encoding|embeddings?|"
    r"normali[sz]ation|pooling|initiali[sz]ation|quanti[sz]ation|pruning|merging|descent|ascent|"
    r"propagation|loss|objective|regression|clustering|transformer|mechanism|architecture|gradients?|"
    r"retriever|generator|encoder|decoder|classifier|modell?ing|pre-?training|fine-?tuning|replay|"
    r"planning|prediction|inference|generation|voting|ensembling|scheduling|unlearning|masking|"
    r"routing|caching|pipeline|paradigm|strategy|technique|approach|procedure|policy|estimation)$",
    re.IGNORECASE,
)
_TRAINED_AS_MODEL = re.compile(r",?\s+(?:is|was)\s+(?:(?:further|then|first|also)\s+)?(?:pre-?trained|trained)\s+on\b")
_CLASS_HEAD = re.compile(r"(?:[Mm]odels?|[Nn]etworks?|LLMs?|LMs?)$")
_TITLE_MODEL_HEAD = re.compile(r"(?:Model|Models|LM|LLM|Transformer|Network|Net|Encoder|Decoder)$")
_RIGHT_CUE = re.compile(
    r"[\s\-]*(?:\([\w\s\-]+\)\s*)?(?:(?:(?:[a-z][\w\-]*|[A-Z][a-z]+)\s+){0,3}"
    r"(?:(?P<b>(?i:benchmarks?|leaderboards?|test sets?|evaluation suites?))|"
    r"(?P<d>(?i:datasets?|corpus|corpora|data sets?)))|"
    r"(?P<m>models?|LLMs?|language models?|checkpoints?|variants?)|"
    r"(?P<x>frameworks?|methods?|algorithms?|approach(?:es)?|techniques?|strateg(?:y|ies)|loss|objectives?|paradigms?|"
    r"prompting|optimizers?|regulari[sz](?:ers?|ation)|(?:data )?augmentation|attention|decoding|sampling|pruning|"
    r"quanti[sz]ation|normali[sz]ation|initiali[sz]ation))\b",
)
_LEFT_CUE = re.compile(
    r"\b(?:(?:(?P<b>benchmarks?(?:\s+datasets?)?)|(?P<d>datasets?|corpus))\s+(?:\(\s*)?"
    r"(?:(?:such as|like|including|e\.g\.,?|i\.e\.,?|namely)\s+)?|"
    r"(?P<m>backbones?|(?:language |vision |foundation )?models|LLMs|VLMs|baselines?)\s+(?:\(\s*)?"
    r"(?:such as|like|including|e\.g\.,?|for example,?|namely)\s+|"
    r"(?P<x>methods|techniques|algorithms|approaches|strategies|optimizers|architectures)\s+(?:\(\s*)?"
    r"(?:such as|like|including|e\.g\.,?|for example,?|namely)\s+(?:the\s+)?)$"
)
# The last word before a mention that _LEFT_CUE can end with (a cheap test before the regex).
_LEFT_LAST = frozenset((
    "benchmark", "benchmarks", "dataset", "datasets", "corpus", "as", "like", "including", "e.g.", "e.g.,",
    "example,", "example", "namely", "i.e.", "i.e.,", "backbone", "backbones", "models", "LLMs", "VLMs",
    "baseline", "baselines", "the",
))


def _left_word(text: str, pos: int) -> str:
    """The word just before ``pos`` (within 14 characters), without an opening parenthesis."""
    words = text[max(0, pos - 14) : pos].split()
    return words[-1].lstrip("(") if words else ""
_CUE_LABEL = {"b": "Benchmark", "d": "Dataset", "m": "Model", "x": "Method"}
_COORD = re.compile(
    r"^(?:\s*\([^()]{1,40}\))?(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|vs\.?|versus)\s+|\s*/\s*)(?:the\s+)?$"
)
# Training use just before a mention ("pre-trained on the X", "fine-tuning on X and") or right after it
# ("X corpus", "X for pre-training").
_TRAIN_BEFORE = re.compile(
    r"\b(?:pre-?train\w*|train\w*|fine-?tun\w*|instruction-tun\w*|meta-train\w*)\s+(?:[\w\-]+\s+){0,5}?"
    r"(?:on|with|using|from)\s+(?:(?!evaluat|test)[\w\-]+(?:,|\s+and)?\s+){0,6}?$",
    re.IGNORECASE,
)
_TRAIN_AFTER = re.compile(
    r"\s*(?:corpus|corpora|pre-?training (?:data|corpus)|training (?:data|set|corpus)|for (?:pre-?)?training|"
    r"-?pre-?trained\b|(?:pre-?trained\s+)?(?:models?|checkpoints?|weights)\b)\b",
    re.IGNORECASE,
)
# Evaluation use around a mention ("evaluated on X", "accuracy on X", "X test set", "results on X").
_EVAL_BEFORE = re.compile(
    r"\b(?:evaluat\w*|test(?:ed|ing|s)?|benchmark\w*|experiments?|results?|accurac\w*|achiev\w*|outperform\w*|"
    r"surpass\w*|state-of-the-art|SOTA|scor\w*|performance|zero-shot|few-shot|validat\w*)\b(?:[^.;]|\.(?=\S)){0,60}$",
    re.IGNORECASE,
)
_EVAL_AFTER = re.compile(r"\s*(?:\(\w+\)\s*)?(?:test|validation|dev|evaluation)\b|\s*benchmarks?\b", re.IGNORECASE)
_SOURCE_CUE = re.compile(
    r"\b(?:data|dataset|corpus|corpora|dump|articles|pages|texts?|documents|papers|posts|trained on|"
    r"pre-?trained on|collected|crawl\w*|scraped|sourced|derived from|extracted from)\b",
    re.IGNORECASE,
)
# Named algorithms: capitalised (often eponymous) words before "algorithm", "sampler", "transform" ...
# ("the Sinkhorn algorithm", "Gibbs sampling", "Kalman filter", "Dijkstra's algorithm").
_EPONYM_HEADS = ("algorithm", "sampl", "transform", "filter")
_EPONYM_HEAD = re.compile(r"\b(?:algorithm|sampler|sampling|transform|filter)\b")
_EPONYM_BEFORE = re.compile(r"(?<![\w\-'])((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*(?:'s)?\s+){1,3})$")
_CLAUSE_START = frozenset({". ", "! ", "? ", ": ", "\n\n", "\n"})
_NOT_EPONYM = frozenset(
    [
        "A", "An", "The", "Our", "This", "These", "That", "Its", "Their", "Each", "When", "For", "After", "To", "Run",
        "Less", "Typical", "English", "Heuristic", "Bandit", "Reinforcement", "Offline", "Online", "Learning", "Deep",
        "Neural", "Novel", "New", "Proposed", "Efficient", "Fast", "Simple", "Adaptive", "Random", "Greedy", "Optimal",
        "Robust", "Standard", "Classical", "Traditional", "Existing", "Such", "Both", "Any", "All", "Most", "Some",
        "Final", "Main", "Bayesian", "Markovian", "Top", "Two", "Turn", "Bins",
    ]
)
# "methods such as", "techniques including", "regularizers like" ... (the list follows).
_LIST_CUES = (" such as ", " like ", " including ", " e.g.", "(e.g.", "(such as ", "(including ")
_TECH_NOUN = re.compile(
    r"\b(?:methods|techniques|algorithms|strategies|optimizers|regulari[sz]ers|heuristics|tricks|interventions)"
    r"\s*$"
)
_TECH_LIST = re.compile(r"\s*\(?\s*(?:such as|like|including|e\.g\.,?)\s+")


def _find_all(text: str, needles: tuple[str, ...]) -> list[int]:
    """Start offsets of every occurrence of the needles, in order (plain substring search: fast)."""
    out: list[int] = []
    for n in needles:
        i = text.find(n)
        while i >= 0:
            out.append(i)
            i = text.find(n, i + 1)
    return sorted(out)

# One list item: up to three words, or a known name; the item ends at a comma, "and"/"or" or the clause end.
_LIST_ITEM = re.compile(
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)?(?:the\s+)?"
    r"([\w\-]+(?:\s(?!and\b|or\b)[\w\-]+){0,2})(?=\s*(?:,|\.|;|:|\)|\s(?:and|or)\s))"
)
_NOT_IN_NAME = frozenset(
    [
        "a", "an", "the", "of", "to", "in", "on", "for", "with", "by", "is", "are", "be", "can", "we", "our",
        "their", "its", "that", "which", "this", "these", "etc", "others", "variants", "versions", "extensions",
        "methods", "approaches", "techniques", "algorithms", "models", "ones",
    ]
)
# A collection noun after a title-case name ("the Stanford Cars dataset", "the Netflix challenge").
# A capitalised collection noun is part of the name ("the Zap Corpus").
_COLLECTION = re.compile(r"[DdCcBbTtLl](?:atasets?|orpus|orpora|enchmarks?|hallenge|reebank|eaderboard)\b")
_COLLECTION_TAILS = ("ataset", "orpus", "orpora", "enchmark", "hallenge", "reebank", "eaderboard")
_PLURALS = frozenset(["datasets", "corpora", "benchmarks"])
_TITLED_BEFORE = re.compile(
    r"\b(?:the|on|of|from|using|and|in|with) ((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)* (?:(?:in|of) (?=[A-Z]))?){1,5})"
    r"(?:\(\w+\) )?$"
)
_LANGUAGES = frozenset(
    [
        "English", "Chinese", "French", "German", "Spanish", "Japanese", "Korean", "Arabic", "Hindi", "Russian",
        "Polish", "Italian", "Portuguese", "Dutch", "Vietnamese", "Turkish", "Persian", "Indonesian", "Bengali",
        "Urdu", "Swahili", "Greek", "Hebrew", "Czech", "Swedish", "Finnish", "Thai", "Tamil", "Python", "Java",
        "Multilingual", "Monolingual", "Bilingual", "Cross", "Lingual",
    ]
)
# Proposal cues whose coordinated names are proposed along with the first one.
_CHAIN_RULES = frozenset({"propose"})
_LABEL_ORDER = ("Model", "Benchmark", "Dataset", "Method")
def _by_votes(labels: list[str]) -> list[str]:
    """The labels ordered by how many mentions voted for them; ties keep the order of first occurrence."""
    if len(labels) < 2:
        return labels
    order = list(dict.fromkeys(labels))
    return sorted(order, key=lambda lab: (-labels.count(lab), order.index(lab)))


@dataclass
class Cand:
    """A candidate mention: character span, type (or ""), resolved canonical name and provenance."""

    start: int
    end: int
    label: str
    name: str
    parent: str
    rule: str
    prio: int
    entry: Entry | None = None
    evidence: set[str] = field(default_factory=set)


def classify_long_form(lf: str) -> str | None:
    """Type of an unknown acronym's long form, or None when it names a task, metric, field or a
    generic class ("question answering", "F1 score", "reinforcement learning", "key-value")."""
    if norm_key(lf) in task_keys() and norm_key(lf) not in key_index():
        return None  # a task ("Neural Machine Translation (NMT)"), not a technique
    words = lf.split()
    last = words[-1] if words else ""
    title = sum(w[:1].isupper() for w in words) >= max(1, len(words) - 1)
    known = key_index().get(norm_key(last))
    if last == "networks" and len(words) >= 2 and words[-2] not in ("neural", "deep", "convolutional"):
        return "Method"  # an architecture family ("physics-informed neural networks", "capsule networks")
    if re.fullmatch(r"(?:[Mm]odels|[Nn]etworks|LLMs|LMs|[Aa]gents|[Ss]ystems)", last):
        return None  # a class of models ("Large Vision Models (LVMs)"), not one named model
    if (title and (_TITLE_MODEL_HEAD.search(last) or model_head(lf))) or (known is not None and known.label == "Model"):
        return "Model"
    if re.search(r"bench(?:mark)?s?$", last, re.I):
        return "Benchmark"
    if re.search(r"(?:dataset|corpus|collection)$", last, re.I):
        return "Dataset"
    if title:
        return None if _TASK_HEAD.match(last) else "Method"
    if _TECH_HEAD.search(last) or (last.lower() == "learning" and len(words) >= 3):
        return "Method"
    return None


def _sentence_of(sents: list[list[int]], pos: int) -> tuple[int, int]:
    for s, e in sents:
        if s <= pos < e:
            return s, e
    return 0, 0


class EntityResolver:
    """Builds the entity list of a Doc from the candidate annotations; see the module docstring."""

    def __init__(self, name: str = "kg_entities", ents: bool = True) -> None:
        self.name = name
        self.ents = ents  # also set ``doc.ents`` (Span objects; records need only ``doc._.kg_entities``)
        self.generic = generic_keys()
        self.index = key_index()

    def _is_generic(self, key: str) -> bool:
        return key in self.generic or (key.endswith("s") and key[:-1] in self.generic)

    def candidates(self, doc: Doc) -> tuple[list[Cand], set[str], dict[str, str]]:
        """All candidate mentions, the keys of generic acronyms, and proposed name keys -> rule."""
        text = text_of(doc)
        cands: list[Cand] = []
        for s, e, label, name in GAZ_META.get(doc, []):
            entry = known(name)
            cands.append(Cand(s, e, label, name, (entry.parent if entry else "") or "", "gazetteer", 3, entry))
        for parent, rule, s, e, label, name in SHAPE_META.get(doc, []):
            entry = known(name) if rule == "gazetteer" else None
            if entry is not None:
                parent = entry.parent or ""
            prio = 3 if rule in ("gazetteer", "variant") else 1
            cands.append(Cand(s, e, label, name, parent, rule, prio, entry))
        generic_sf: set[str] = set()
        # Acronyms the paper defines right after a proposal cue: named by the paper, whatever their long form.
        prop_meta = PROPOSED_META.get(doc, [])
        acro_props = {(int(s), int(e)): str(lab) for rule, s, e, lab in prop_meta if rule == "acronym"}
        alias: dict[str, Cand] = {}
        defined: list[tuple[int, int, int, int]] = []  # accepted acronym definitions
        title_end = text.find("\n\n")
        title_key = norm_key(text[: max(0, title_end)])
        title_first = text[: max(0, title_end)].split(":")[0].split(" ")[0]
        in_title: list[str] = []  # unknown acronyms defined in the abstract whose name the title uses
        redefined: set[str] = set()  # acronyms of generated gazetteer rows that the paper defines otherwise
        for ls, le, ss, se in ABBREVS.get(doc, []):
            lf, sf = text[ls:le], text[ss:se]
            ksf, klf = norm_key(sf), norm_key(lf)
            if self._is_generic(ksf) or self._is_generic(klf) or "/" in sf:
                generic_sf.add(ksf)
                continue
            entry = self.index.get(ksf)
            if entry is not None and entry.source and self.index.get(klf) is not entry:
                redefined.add(ksf)  # the paper's own acronym, not the generated list's homonym
                entry = None
            entry = entry or self.index.get(klf)
            if entry is not None:
                proto = Cand(0, 0, entry.label, entry.name, entry.parent or "", "abbreviation", 3, entry)
            else:
                label = classify_long_form(lf)
                if label is None and (ss, se) in acro_props:
                    label = acro_props[(ss, se)] or ("Model" if _CLASS_HEAD.search(lf) else "Method")
                if label is None:
                    # "Adaptive Zap Ranking Loss (AZRL)" after "... Zap Ranking Loss (ZRL)":
                    # a long form extending the paper's own earlier acronym names the same kind of thing.
                    label = next(
                        (p.label for k, p in alias.items() if p.entry is None and len(k) >= 6 and klf.endswith(k)), None
                    )
                if label is None:
                    generic_sf.add(ksf)
                    continue
                proto = Cand(0, 0, label, canonical_name(sf), "", "abbreviation", 2, None, {"abbreviation"})
            alias[ksf] = alias[klf] = proto
            defined.append((ls, le, ss, se))
            if proto.entry is None and ls > title_end and (
                (len(klf) >= 8 and title_key.startswith(klf)) or title_first == sf
            ):
                in_title.append(canonical_key(proto.name))  # the title names the acronym the abstract defines
            for s, e in ((ls, le), (ss, se)):
                cands.append(
                    Cand(
                        s,
                        e,
                        proto.label,
                        proto.name,
                        proto.parent,
                        "abbreviation",
                        proto.prio,
                        proto.entry,
                        set(proto.evidence),
                    )
                )
        for c in cands:
            if c.entry is not None and c.entry.source and norm_key(text[c.start : c.end]) in redefined:
                c.entry, c.parent = None, ""
            if c.entry is None and c.rule != "abbreviation":
                proto = alias.get(norm_key(text[c.start : c.end]))
                if proto is not None:
                    c.label, c.name, c.evidence = proto.label, proto.name, set(proto.evidence)
        cands += self._listed_techniques(text, cands)
        cands += self._titled_collections(text, cands)
        for h in _EPONYM_HEAD.finditer(text) if any(w in text for w in _EPONYM_HEADS) else ():
            m = _EPONYM_BEFORE.search(text, max(0, h.start() - 60), h.start())
            if m is None or text[m.start() - 2 : m.start()] in _CLAUSE_START or m.start() == 0:
                continue  # nothing capitalised before the head, or only the first word of a sentence
            first = m.group(1).split()[0].split("-")[0]
            if first in _NOT_EPONYM or any(c.start < h.end() and m.start() < c.end for c in cands):
                continue  # "Our algorithm"; or already a known name / acronym definition
            name = text[m.start() : h.end()]
            cands.append(Cand(m.start(), h.end(), "Method", name, "", "eponym", 1, None, {"cue:Method"}))
        proposed: dict[str, str] = {}
        for key in in_title:
            if not self._is_generic(key):
                proposed.setdefault(key, "title")
                for c in cands:
                    if c.rule == "abbreviation" and canonical_key(c.name) == key:
                        c.evidence.add("proposed")
        for rule, s, e, plabel in prop_meta:
            surface = text[int(s) : int(e)]
            key = norm_key(surface)
            if key in generic_sf or self._is_generic(key):
                continue
            same = [c for c in cands if c.start == s and c.end == e]
            hit = next((d for d in defined if d[0] <= s < d[1] or d[2] <= s < d[3]), None)
            if hit is not None and not same:
                # "we propose Sleep staging via Prototypes from Expert Rules (SLEEPER)": the cue stopped at a
                # lower-case word of an acronym's long form; the paper proposes the defined acronym.
                same = [c for c in cands if c.rule == "abbreviation" and (c.start, c.end) in (hit[:2], hit[2:])]
            if not same:  # "the Pathways Language Model PaLM" proposes PaLM: a long form, then the acronym
                same = [
                    c
                    for c in cands
                    if c.entry is not None
                    and s < c.start
                    and c.end == e
                    and best_long_form(text[c.start : c.end], text[s : c.start].strip()) is not None
                ]
            tag = "tprop:" if rule == "title" else "prop:"
            if same:
                for c in same:
                    proposed.setdefault(canonical_key(c.name), str(rule))
                    c.evidence.add("proposed")
                    if plabel:
                        c.evidence.add(tag + plabel)
            else:
                proto = alias.get(key)
                name = proto.name if proto else canonical_name(surface)
                label = proto.label if proto else plabel
                ev = {"proposed", tag + label} if label else {"proposed"}
                cands.append(Cand(int(s), int(e), label, name, "", "proposal", 2, None, ev))
                proposed.setdefault(canonical_key(name), str(rule))
        return cands, generic_sf, proposed

    def _listed_techniques(self, text: str, cands: list[Cand]) -> list[Cand]:
        """Lower-case items of a list the text itself calls techniques ("methods such as warm-up, weight
        decay and ..."), when the list also holds a known technique: the text names them as methods."""
        out: list[Cand] = []
        known = [c for c in cands if c.entry is not None and c.label == "Method"]
        if not known:
            return out
        for h in _find_all(text, _LIST_CUES):
            m = _TECH_LIST.match(text, h)  # the cue ("such as") with what follows it
            if m is None or _TECH_NOUN.search(text, max(0, h - 20), h) is None:
                continue
            items: list[tuple[int, int]] = []
            pos = m.end()
            while len(items) < 8 and (i := _LIST_ITEM.match(text, pos)) is not None:
                items.append((i.start(1), i.end(1)))
                pos = i.end()
            if len(items) < 2 or not any(c.start == a for a, _ in items for c in known):
                continue
            for a, b in items:
                item = text[a:b]
                key = norm_key(item)
                if (
                    item.islower()
                    and key not in self.index
                    and not self._is_generic(key)
                    and not _TASK_HEAD.match(item.split()[-1])
                    and not (set(item.split()) & _NOT_IN_NAME)
                ):
                    out.append(Cand(a, b, "Method", item, "", "list", 1, None, {"cue:Method"}))
        return out

    def _titled_collections(self, text: str, cands: list[Cand]) -> list[Cand]:
        """Title-case names right before a collection noun ("the Stanford Cars dataset", "on the Waymo
        Open benchmark", "the Brown corpus"), which the name shapes miss (ordinary capitalised words)."""
        out: list[Cand] = []
        title_end = text.find("\n\n")
        for h in _find_all(text, _COLLECTION_TAILS):
            q = text.rfind(" ", 0, h - 2)  # the word before the collection noun must be capitalised
            if h < 3 or text[h - 2] != " " or not text[q + 1 : q + 2].isupper():
                continue
            d = _COLLECTION.match(text, h - 1)
            if d is None:
                continue
            m = _TITLED_BEFORE.search(text, max(0, d.start() - 80), d.start())
            if m is None:
                continue
            name = m.group(1).rstrip()
            words = name.replace("-", " ").split()
            if d.group(0)[0].isupper():
                if m.end(1) != d.start() or d.start() < title_end or d.group(0).lower() in _PLURALS:
                    continue  # title case is not a name in titles ("Creating Datasets"); nor are plurals
                name = text[m.start(1) : d.end()]
            if (
                words[0] in _NOT_EPONYM
                or all(w in _LANGUAGES for w in words)
                or _TASK_HEAD.match(words[-1])
                or (d.group(0).lower() in _PLURALS and len(words) < 2)  # "Driving datasets": a kind of data
                or self._is_generic(norm_key(name))
                or any(c.start < m.end(1) and m.start(1) < c.end for c in cands)
            ):
                continue
            label = "Dataset" if d.group(0).lower().startswith(("data", "corp", "tree")) else "Benchmark"
            out.append(Cand(m.start(1), m.start(1) + len(name), label, name, "", "titled", 1, None, {"cue:" + label}))
        return out

    @staticmethod
    def _non_overlapping(cands: list[Cand]) -> list[Cand]:
        """Longest spans first, then the more reliable source; earlier start breaks ties."""
        kept: list[Cand] = []  # by start; disjoint, so only the neighbours of a new span can overlap it
        starts: list[int] = []
        for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.prio, c.start)):
            i = bisect_right(starts, c.start)
            if any(not (c.end <= k.start or c.start >= k.end) for k in kept[max(0, i - 1) : i + 1]):
                continue
            starts.insert(i, c.start)
            kept.insert(i, c)
        return kept

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.ents`` and ``doc._.kg_entities``: a list of dicts with keys label, name, parent,
        aliases, rule, proposed (rule or ""), mentions (list of [start_char, end_char])."""
        text = text_of(doc)
        sents = sents_of(doc)
        cands, generic_sf, proposed = self.candidates(doc)
        tasks = task_keys()  # a candidate that only names a task ("Visual Question Answering") is no entity
        cands = [
            c
            for c in cands
            if c.entry is not None or ((k := norm_key(text[c.start : c.end])) not in generic_sf and k not in tasks)
        ]
        kept = self._non_overlapping(cands)
        # Context evidence per mention: a descriptor after it ("X benchmark") or before it.
        for c in kept:
            m = _RIGHT_CUE.match(text, c.end, min(len(text), c.end + 60))
            if m is None and _left_word(text, c.start) in _LEFT_LAST:
                m = _LEFT_CUE.search(text, max(0, c.start - 40), c.start)
            if m is not None:
                c.evidence.add("cue:" + _CUE_LABEL[m.lastgroup or "x"])
        # Coordinations: unknown names listed with typed ones take their type ("on GSM8K, X and MATH").
        chains: list[list[Cand]] = [[kept[0]]] if kept else []
        for a, b in pairwise(kept):
            if _COORD.match(text[a.end : b.start]):
                chains[-1].append(b)
            else:
                chains.append([b])
        for chain in chains:
            typed = [c.label for c in chain if c.entry is not None or c.rule == "variant"]
            # Names typed as benchmarks by their shape alone ("FooQA", "BarBench") vote too.
            typed += [c.label for c in chain if c.rule == "shape" and c.label == "Benchmark"]
            # A descriptor next to the list ("benchmark datasets (i.e., A, B and C)") counts twice.
            typed += [e.split(":")[1] for c in chain for e in sorted(c.evidence) if e.startswith("cue:")] * 2
            if len(chain) > 1 and typed:
                best = max(dict.fromkeys(typed), key=typed.count)  # ties: first seen (never set order)
                for c in chain:
                    c.evidence.add("coord:" + best)
            # "We introduce two benchmarks, FooQA and BarQA": names coordinated right after a proposed one are
            # proposed too (unless they are known names: someone else's).
            first = canonical_key(chain[0].name)
            rule = proposed.get(first, "")
            if len(chain) > 1 and rule in _CHAIN_RULES and "proposed" in chain[0].evidence:
                for c in chain[1:]:
                    if c.entry is None and c.rule != "variant":
                        proposed.setdefault(canonical_key(c.name), rule)
        groups: dict[str, list[Cand]] = {}
        for c in kept:
            groups.setdefault(canonical_key(c.name), []).append(c)
        ents: list[dict[str, object]] = []
        labels = {key: self._label(text, sents, ms) for key, ms in groups.items()}
        for key in [k for k, lab in labels.items() if lab is None]:
            # "ZapNet and ZapNet-L": an untyped size/version variant of a typed name of the same paper.
            base = local_base(key, [k for k, lab in labels.items() if lab in ("Model", "Method")])
            labels[key] = labels[base] if base is not None else None
        for key, ms in groups.items():
            label = labels[key]
            if label is None:
                continue
            first = ms[0]
            surfaces = []
            for c in ms:
                s = text[c.start : c.end]
                if s not in surfaces:
                    surfaces.append(s)
            parent = next((c.parent for c in ms if c.parent), "")
            ents.append(
                {
                    "label": label,
                    "name": first.name,
                    "parent": parent if canonical_key(parent) != key else "",
                    "aliases": [s for s in surfaces if s != first.name],
                    "rule": first.rule
                    if first.rule != "shape" or not first.evidence
                    else "shape+" + sorted(first.evidence)[0].split(":")[0],
                    "proposed": proposed.get(key, ""),
                    "mentions": [[c.start, c.end] for c in ms],
                }
            )
        link_variants(ents)
        self._propose_variants(ents)
        ENTITIES.set(doc, ents)
        if not self.ents:
            return doc
        spans: list[Span] = []
        for ent in ents:
            for s, e in ent["mentions"]:  # type: ignore[union-attr]
                sp = span_at(doc, s, e, str(ent["label"]), str(ent["name"]))
                if sp is not None and all(sp.end <= o.start or sp.start >= o.end for o in spans):
                    spans.append(sp)
        # Same entities as ``doc.ents = spans``; other tokens keep a missing (not "O") IOB tag, which
        # spares a pass over every token of the Doc.
        doc.set_ents(sorted(spans, key=lambda s: s.start), default="unmodified")
        return doc

    @staticmethod
    def _propose_variants(ents: list[dict[str, object]]) -> None:
        """Size/version variants of a proposed name are proposed too ("PaLM" -> "PaLM 540B",
        "X-Encoder" -> "X-Encoder-10B"): the family is named by the paper, the variants are its releases."""
        props = {canonical_key(str(e["name"])): str(e["proposed"]) for e in ents if e["proposed"]}
        if not props:
            return
        for ent in ents:
            if ent["proposed"] or ent["label"] != "Model":
                continue
            # The parent is the family, from the gazetteer or the paper's own names (see ``link_variants``).
            rule = props.get(canonical_key(str(ent["parent"] or "")))
            if rule is not None:
                ent["proposed"] = rule

    def _label(self, text: str, sents: list[list[int]], ms: list[Cand]) -> str | None:
        """The entity type of a group of mentions, or None if it is not an entity."""
        entry = next((c.entry for c in ms if c.entry is not None), None)
        if entry is not None:
            if "src" in entry.flags and not any(_SOURCE_CUE.search(text, *_sentence_of(sents, c.start)) for c in ms):
                return None
            if "ctx" in entry.flags:
                return self._data_or_benchmark(text, sents, ms, entry.label)
            return entry.label
        ev = [e for c in ms for e in sorted(c.evidence)]  # sets iterate in hash order, which varies by process
        abbr = [c.label for c in ms if c.rule == "abbreviation" and c.label]
        variant = [c.label for c in ms if c.rule in ("variant", "gazetteer") and c.label]
        if variant:
            return variant[0]
        prop = _by_votes([e.split(":")[1] for e in ev if e.startswith("tprop:")])
        prop += _by_votes([e.split(":")[1] for e in ev if e.startswith("prop:")])
        cue = _by_votes([e.split(":")[1] for e in ev if e.startswith("cue:")])
        coord = _by_votes([e.split(":")[1] for e in ev if e.startswith("coord:")])
        shape = [c.label for c in ms if c.label in ("Model", "Benchmark")]
        sized = ["Model"] if any(c.label == "Sized" for c in ms) else []
        if "proposed" in ev:
            label = (prop or shape or self._model_head(text, ms) or abbr or cue or coord or sized or ["Method"])[0]
            if label == "Method" and any(_TRAINED_AS_MODEL.match(text, c.end) for c in ms):
                label = "Model"  # "X is pretrained on ...": a trained artefact, whatever the descriptor
            if label == "Dataset" and "Benchmark" in shape:
                label = "Benchmark"  # "a new dataset, FooQA / FooBench": an evaluation set unless trained on
            return self._refine(text, sents, ms, label)
        if shape and shape[0] == "Model":
            return "Model"
        if abbr:
            return self._refine(text, sents, ms, (cue or abbr)[0])
        # A compound on a known technique ("multi-LoRA") stays a technique next to "models" ("multi-LoRA models").
        compound = ["Method"] if any(c.rule == "shape" and c.label == "Method" for c in ms) else []
        found = compound or cue or coord or shape or sized
        return self._refine(text, sents, ms, found[0]) if found else None

    @staticmethod
    def _model_head(text: str, ms: list[Cand]) -> list[str]:
        """["Model"] when a mention names the paper's own network by its head ("Zap Transformer"), else []."""
        return ["Model"] if any(model_head(text[c.start : c.end]) for c in ms) else []

    def _refine(self, text: str, sents: list[list[int]], ms: list[Cand], label: str) -> str:
        """Dataset vs Benchmark by use: a named "dataset" the paper evaluates on is a Benchmark."""
        if label in ("Dataset", "Benchmark"):
            proposed = any("proposed" in c.evidence for c in ms)
            # A named "X dataset" the paper neither releases nor trains on is, in abstracts, mostly an
            # evaluation set: without a use vote it is a Benchmark.
            return self._data_or_benchmark(text, sents, ms, label if proposed else "Benchmark")
        return label

    @staticmethod
    def _data_or_benchmark(text: str, sents: list[list[int]], ms: list[Cand], default: str) -> str:
        """Dataset or Benchmark by how the mentions are used: each mention votes training (next to
        "trained on", "X corpus", "X-pretrained") or evaluation ("evaluated on", "accuracy on", "X test
        set"); training wins ties, the default (gazetteer type or descriptor) stands without votes."""
        train = evals = 0
        for c in ms:
            s, _ = _sentence_of(sents, c.start)
            if _TRAIN_BEFORE.search(text, max(s, c.start - 80), c.start) or _TRAIN_AFTER.match(text, c.end):
                train += 1
            elif _EVAL_BEFORE.search(text, max(s, c.start - 80), c.start) or _EVAL_AFTER.match(text, c.end):
                evals += 1
        if train and train >= evals:
            return "Dataset"
        if evals:
            return "Benchmark"
        return default


@Language.factory("kg_entities", default_config={"ents": True}, assigns=[ENTITIES.attr, "doc.ents"],
                  requires=[SENTS.attr, GAZ_META.attr, SHAPE_META.attr, ABBREVS.attr, PROPOSED_META.attr])
def make_entities(nlp: Language, name: str, ents: bool) -> EntityResolver:
    """Factory for :class:`EntityResolver` (``ents``: also set ``doc.ents``)."""
    return EntityResolver(name, ents)
