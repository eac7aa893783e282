"""The kind of thing a proposal is, from the descriptor noun next to its name: "a new benchmark, X" is a
Benchmark, "a family of models called X" a Model, "a novel framework X" a Method. Used by
:mod:`extract.components.proposals`."""

from __future__ import annotations

import re

__all__ = ["CUE", "CUE_LABEL", "guess_label", "head_before"]

CUE = re.compile(
    r"\b(?P<b>benchmarks?|leaderboards?|test ?beds?|evaluation suites?|suites?|arenas?)\b(?!-)|"
    r"\b(?P<d>datasets?|corpus|corpora|data ?sets?|databases?|treebanks?|collections?(?!\s+of\b))\b(?!-)|"
    # "a family of models" names models; "a family of (new, efficient) algorithms" names methods: the noun decides
    r"\b(?P<m>models?|LLMs?|language models?|VLMs?|MLLMs?|checkpoints?|"
    r"(?:family|series) of(?!(?:\s+[\w\-]+){0,3}?\s+(?:algorithms?|methods?|techniques?|approaches|estimators?|"
    r"schemes?|procedures?|strategies|optimizers?|losses|attacks?|policies|protocols?|mechanisms?)\b)|"
    r"networks?|agents?|"
    r"assistants?|chatbots?|encoders?|decoders?|foundation models?)\b(?!-)|"
    r"\b(?P<x>frameworks?|methods?|approach(?:es)?|algorithms?|techniques?|strateg(?:y|ies)|paradigms?|"
    r"pipelines?|recipes?|loss|objectives?|mechanisms?|architectures?|schemes?|modules?|procedures?|toolkits?|"
    r"library|libraries|systems?|protocols?|optimizers?|estimators?|regularizers?|samplers?|solvers?)\b(?!-)",
    re.IGNORECASE,
)

# (A descriptor followed by a hyphen modifies the next word: "library-oriented", "model-based" are no heads.)
# The type each descriptor group gives ("X: A Framework for ..." is a Method, "a new benchmark, X" a Benchmark).
CUE_LABEL = {"b": "Benchmark", "d": "Dataset", "m": "Model", "x": "Method"}

# Between two descriptor nouns of one compound: an acronym, up to two modifiers ("a language model (LM)
# pretraining procedure"), not a preposition or a verb.
_IN_COMPOUND = re.compile(
    r"(?:\s*\([^()]{1,15}\))?(?:\s+(?!(?:for|with|on|in|of|to|that|which|where|when|whose|and|or|by|from|is|are|"
    r"as|at|via|an?|the|trained|based|using|built|designed)\b)[a-z][\w\-]*){0,2}\s+"
)
# A relative clause right after the name, unless it says what the name is ("X, which is a framework").
_CLAUSE_AFTER = re.compile(r"\s*(?:\([^()]{1,20}\))?\s*\)?\s*,?\s*(?:which|that)\s+(?!(?:is|are)\s+(?:an?|the)\b)")
# The name spelled out in an apposition before its descriptor ("X, Layer-increasing Network Scaling, a ...").
_SPELLED_OUT = re.compile(r"\s*,\s*(?:[A-Z][\w\-]*\s+){1,6}[A-Z][\w\-]*\s*(?=,)")
# Or in brackets, where only its last word can be a descriptor: "ZORP (Zorp Imitation Multi-Agent)" and "ZALT (Zorp
# Agent LLM Training)" say nothing of the kind, "ZG-LMM (Zorp-Guided Large Multi-Modal Model)" names a model.
# (function words may stand between its capitalised words: "MARIA (Multimodal Attention Resilient to Incomplete datA)")
_SPELLED_IN_BRACKETS = re.compile(
    r"\s*\((?:[A-Z][\w\-]*\s+|(?P<fn>(?:of|to|for|and|in|with|via|on|from|by|the|an?)\s+)){1,8}"
    r"(?P<last>[A-Z][\w\-]*|(?(fn)[a-z][\w\-]*))\)"
)
_FOR_PP = re.compile(r"\sfor\s[^.;:()]*,\s*(?:called|dubbed|named|termed|coined)\s+$")
# Between the name and a descriptor after it: a preposition puts the descriptor in a phrase of its own ("we
# propose X for imaging tasks with small datasets", "X achieves ... on the Zorp dataset"), no apposition of X.
_PREPOSITION = re.compile(r"\b(?:for|with|on|in|to|by|from|via|using|at|across|over|against|than|under)\b")


def guess_label(before: str, after: str, wide: str = "") -> str:
    """Type from the descriptor nearest to the name: the last cue before it, else the first after it.
    ``wide``: for names after a naming cue, a longer stretch of the sentence before the name, in which a
    descriptor followed by a "for" phrase ("an extension method for Large Language Models, called X") is the
    head whatever follows."""
    pp = _FOR_PP.search(wide)
    if pp is not None:
        cues = [m for m in CUE.finditer(wide, 0, pp.start())]
        if cues and pp.start() - cues[-1].end() < 3:
            return CUE_LABEL[cues[-1].lastgroup or "x"]
    cues = [m for m in CUE.finditer(before)]
    if cues:
        return CUE_LABEL[cues[-1].lastgroup or "x"]
    if _CLAUSE_AFTER.match(after):
        after = ""  # "X, which aggregates ... models": the clause's object is no descriptor of X
    elif (spelled := _SPELLED_OUT.match(after)) is not None:
        after = after[spelled.end() :]  # "ZoNeS, Zorp Network Scaling, a technique": the long form is no descriptor
    elif (spelled := _SPELLED_IN_BRACKETS.match(after)) is not None:
        if spelled.group("fn") is None and (head := CUE.fullmatch(spelled.group("last"))) is not None:
            return CUE_LABEL[head.lastgroup or "x"]
        after = after[spelled.end() :]
    m = CUE.search(after)
    if m is not None and _PREPOSITION.search(after, 0, m.start()):
        return ""
    while (m is not None and (head := CUE.search(after, m.end(), m.end() + 40)) is not None
           and _IN_COMPOUND.fullmatch(after, m.end(), head.start()) and (m.lastgroup, head.lastgroup) != ("b", "d")):
        m = head  # "X, a U-shaped network architecture": the compound's last noun is its head (a "benchmark
        # dataset" stays an evaluation set)
    return CUE_LABEL[m.lastgroup or "x"] if m else ""


_IN_PHRASE = re.compile(r"\b(?:for|of|on|in|to|with|as|from|by|via|utili[sz]es?|uses?)\s+(?:[\w\-]+\s+){0,3}$", re.I)


def head_before(text: str, start: int, end: int) -> str:
    """Type of the last descriptor in ``text[start:end]`` that heads the noun phrase a naming word follows
    ("a new method, called"), not one inside a phrase after it ("methods for deep networks, called"), or ""."""
    heads = [c for c in CUE.finditer(text, start, end) if not _IN_PHRASE.search(text, start, c.start())]
    return CUE_LABEL[heads[-1].lastgroup or "x"] if heads else ""
