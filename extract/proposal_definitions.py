"""Proposals made by an acronym's definition: "we propose squared-loss mutual information regularization (SMIR)".

A proposal cue (a verb after "we" / "this paper", a naming word, "our", "our contribution is") right before an
acronym's long form makes the acronym the paper's own, whatever the case of the long form; the words around
the definition guess its type. ``kg_proposals`` calls :func:`defined_proposals` with the definitions
``kg_abbreviations`` found; its other cue patterns share the verb list (the adverbs are
``proposal_context.VERB_ADVERBS``).
"""

from __future__ import annotations

import re

from extract.entity_labels import HYPHENED_ADJECTIVE
from extract.lexicon import generic_keys, key_index, lookup, norm_key, task_acronym_keys, task_only
from extract.proposal_context import (
    DESCRIPTIVE_AFTER,
    METRIC_BEFORE,
    NAMED_OBJECT,
    NOUN_GOES_ON,
    SUBJECT,
    VERB_ADVERBS,
    describes_known,
    known_after,
    known_in_bigger,
    names_no_thing,
    reuses_known,
    we_earlier,
)
from extract.proposal_kinds import CUE, CUE_LABEL, guess_label, head_before

__all__ = ["SETTING_AFTER", "VERBS", "component_proposals", "defined_proposals"]

# Proposal verbs after "we" / "this paper" ("we then propose": adverbs may come between, VERB_ADVERBS).
VERBS = (
    r"propose|introduce|present|develop|release|build|design|create|construct|curate|contribute|"
    r"open-source|unveil|devise|establish|offer|describe|train|pretrain|pre-train|collect|report"
)

# Words that give a name to what comes before them ("a new method, called X").
_NAMING_WORDS = "called|named|dubbed|termed|coined|[Ww]e call|[Ww]e name|[Ww]e term"
_NAMING_WORD = re.compile(rf"(?:{_NAMING_WORDS})\b")
# A descriptor noun an apposed long form may follow.
_APPOSED = r"(?:strateg(?:y|ie)|approach(?:e)?|method|framework|algorithm|technique|model|network|architecture|" \
    r"module|mechanism|scheme|paradigm|pipeline|system|benchmark|dataset|corpus|loss|objective|library|toolkit|" \
    r"variant|extension|generali[sz]ation)"  # "a novel variant of TM learning -- Clause Size Constrained TMs (CSC-TMs)"
# A proposal cue right before an acronym's long form: "we propose squared-loss mutual information regularization
# (SMIR)", "this paper develops an outlier-robust ... (OR-TLRR)", "using our locally decorrelated ... (LDCF)".
_CUE_BEFORE_DEF = re.compile(
    rf"(?:(?:\b{SUBJECT}(?:\s+(?:have|has)|['’]ve)?|\band)\s+(?:(?:{VERB_ADVERBS})\s+)?"
    rf"(?:{VERBS})(?:s|d|ed)?(?:\s+and\s+[a-z]+)?|(?<!so-)\b(?:{_NAMING_WORDS})|(?<![\w\-])[Oo]ur|"
    r"\bcontributions?\s+(?:is|are|consists?\s+of|includes?|lies\s+in)):?\s+"  # "The first contribution is the"
    # "we propose a simpler and more effective strategy, Zorp Decoding (ZD)": the long form in apposition
    rf"(?P<gap>(?:an?|the|our)\s+(?:[\w\-]+\s+){{0,7}}?{_APPOSED}s?(?:\s+(?:for|of|in|to|with|on)\s+[^,:;()]{{1,60}}?)?\s*(?:,|:|--|—|–|-)\s+|"
    rf"(?:(?:an?|the|our)\s+)?(?:(?:new|novel|simple|general|unified|efficient|effective|scalable|"
    rf"principled|lightweight|generic|flexible|robust|practical|first)(?:[\s,]+(?:and|yet|but)\s+|[\s,]+)){{0,3}}"
    # an adverb may modify the one word: "we propose a computationally cheaper, optimizable ... scheme (OMA)"
    rf"(?:(?:(?!family\b|only\b)[a-z]{{2,}}ly\s+)?[a-z][\w\-]*(?:,\s+|\s+)(?:called|named|dubbed|termed)?\s*)?)[\"“‘]?$"
    rf"|\b[Ww]e (?:call|name|term|dub)\s+(?P<named>{NAMED_OBJECT}(?:\s+an?)?)\s+[\"“‘]?$"
)
# What a proposed acronym names when a task or setting noun follows it: no entity.
SETTING_AFTER = re.compile(
    r"\)?\s*(?:task|problem|setting|challenge|scenario|metric|measure)s?\b|"  # "(termed as X task)"
    r",\s+(?:an?|the)\s+(?:(?!benchmark|dataset|data\b|corpus|evaluation|test|prob)[\w\-]+\s+){0,3}"
    r"(?-i:task|problem|setting)(?![\w\-]|\s+of\b)",
    re.IGNORECASE,
)  # "we propose Zorp Disambiguation, a novel task that ..."
# A variant of something: of a task, it is a task too ("a new variant of the VrDU task", "a generalization of EQA").
_VARIANT_OF = re.compile(
    r"\b(?:variant|extension|generali[sz]ation)\s+of\s+(?:the\s+)?(?P<of>[\w\-]+)"
    r"(?:\s+(?!(?:task|problem|setting)s?\b)[\w\-]+)?(?P<task>\s+(?:task|problem|setting)s?\b)?"
)


def _task_name(name: str) -> bool:
    """Whether a name is a task or a task's acronym by the generated lists, and no listed name."""
    key = norm_key(name)
    return task_only(key) or (key in task_acronym_keys() and key not in key_index())


# After a defined acronym: what follows is built on it ("a ... deep belief network (DBN) based ... model").
_BASED_AFTER = re.compile(r"\)?\s+based\b(?!\s+(?:only\s+)?on\b)")
# Where a long form's head noun ends ("a Zorp Dataset | of Road Scenes").
_LF_PREPOSITION = re.compile(r"\s(?:of|for|with|in|on|to|from|via|by)\s")


def _coined_after_and(text: str, pos: int, short: str, long: str) -> bool:
    """Whether a cue "and (then) propose ..." at ``pos`` has "we" as its subject and defines an unknown acronym
    ("We study X and accordingly propose a zap net (ZN)"; not "... and then build the graph convolutional network
    (GCN) upon ...", a known technique used)."""
    return we_earlier(text, pos) and lookup(short) is None and lookup(long) is None


def defined_proposals(text: str, sents: list[list[int]], abbrevs: list[list[int]]) -> list[tuple[int, int, str, str]]:
    """(start, end, guessed type, "acronym") of acronyms whose definition directly follows a proposal
    cue, whatever the case of the long form ("we introduce functional graphical models (FGMs)")."""
    out: list[tuple[int, int, str, str]] = []
    generic = generic_keys()
    for ls, le, ss, se in abbrevs:
        if ss < ls:
            continue  # "RLHF (reinforcement learning ...)": the acronym comes first
        sent_start = next((s for s, e in sents if s <= ls < e), 0)
        m = _CUE_BEFORE_DEF.search(text, max(sent_start, ls - 160), ls)
        if m is None or norm_key(text[ss:se]) in generic or reuses_known(m.group(0), text[ss:se]) or (
                known_in_bigger(text, m.group("gap") or "", text[ls:le], ss, se)) or (
                m.group(0)[:4] == "and " and not _coined_after_and(text, m.start(), text[ss:se], text[ls:le])):
            continue  # "we then train a graph neural network (GNN)", "a new ... (CNN) called X": known, used or varied
        if (of := _VARIANT_OF.search(m.group("gap") or "")) and (of.group("task") or _task_name(of.group("of"))):
            continue  # "a new variant of the VrDU task, ... (ReVrDU)", "a generalization of EQA -- ... (MT-EQA)"
        if METRIC_BEFORE.search(text, max(0, ls - 60), ls) or names_no_thing(text, ls) or known_after(text, se):
            continue  # "a novel evaluation metric called matched ... error rate (mnCER)": metrics are no entities
        goes_on = NOUN_GOES_ON.match(text, se + (text[se : se + 1] == ")"))
        if goes_on and (lookup(text[ls:le]) or (lookup(text[ss:se]) and " " in goes_on.group().strip())):
            continue  # "we present a signed distance function (SDF) regression network": the proposal is bigger
        if m.group(0)[:3].lower() == "our" and (lookup(text[ss:se]) or lookup(text[ls:le])):
            continue  # "our best residual network (ResNet) implementation": the paper's copy of a known name
        if _BASED_AFTER.match(text, se) and (lookup(text[ss:se]) or lookup(text[ls:le])):
            continue  # "a ... deep belief network (DBN) based ... model": a known kind the proposal builds on
        after = text[se : se + 80]
        if SETTING_AFTER.match(after) or DESCRIPTIVE_AFTER.match(text, se):
            continue  # "we introduce a novel vision-and-language navigation (VLN) task", "... (FN)-based pruning"
        if HYPHENED_ADJECTIVE.fullmatch(text[ls:le]) and text[ss:se].isupper():
            continue  # "an efficient non-autoregressive (NAR) method": a property of an unnamed proposal
        after = after[: after.find(".")] if "." in after else after
        lead = CUE.match(after, len(after) - len(after.lstrip(") ")))
        # "the Model based Zorp Learning (MZL) algorithm": a descriptor right after the acronym heads the whole phrase
        head = _LF_PREPOSITION.split(text[ls:le], maxsplit=1)[0].rsplit(" ", 1)[-1]  # the long form's head noun
        if head.lower() in ("review", "reviews", "survey", "surveys", "overview", "tutorial", "meta-analysis"):
            continue  # "this paper presents a systematic literature review (SLR)": the paper's genre, no entity
        label = CUE_LABEL[lead.lastgroup or "x"] if lead else guess_label(
            (m.group("gap") or m.group("named") or "") + " " + head, after
        )  # ("Prompt Tuning with MOdel Tuning (ProMoT), a ... framework" is a Method, "a Zorp Dataset of ..." data)
        if _NAMING_WORD.match(m.group(0)) and describes_known(text, sents, m.start(), text[ss:se]):
            continue  # "a distinct capability called in-context learning (ICL)": a known name, described
        if _NAMING_WORD.match(m.group(0)):
            # a naming word ("..., a new method, called zap adapter (ZA)"): the descriptor is before it
            label = head_before(text, max(sent_start, m.start() - 60), m.start()) or label
        if m.group(0)[:3].lower() == "our":
            label = ""  # "our ... networks (X)": the possessive names no kind; the long form's head decides
        out.append((ss, se, label, "acronym"))
    return out


# The paper's own system named as the subject of a verb of make-up: "GAInS is firstly built on a ...", "ZorpNet
# consists of two modules: ...", "Specifically, ZorpNet comprises ...".
_MADE_OF = re.compile(
    r"(?:^|[.;!?]\s+|\n)(?:(?:Specifically|Concretely|Technically|In particular|First|Firstly|Overall),?\s+)?"
    r"(?P<name>\S+)\s+(?:is\s+(?:(?:firstly|first|mainly|primarily|largely)\s+)?(?:built|based)\s+(?:up)?on|"
    r"consists?\s+of|comprises?|is\s+composed\s+of|contains?|includes?|incorporates?|integrates?|"
    r"is\s+equipped\s+with)\b"
)

_OTHERS_BETWEEN = re.compile(r"\b(?:inspired|motivated|proposed|introduced)\s+(?:by|in)\b|\bet al\b|\bfollowing\b")


def component_proposals(
    text: str, sents: list[list[int]], abbrevs: list[list[int]], own: set[str]
) -> list[tuple[int, int, str, str]]:
    """(start, end, "", "component") of acronyms defined as parts of the paper's own system, after a verb of make-up
    whose subject is a name in ``own`` (the names the paper proposes): "GAInS is firstly built on a Gradient Anomaly
    Mapping Module (GAMM)", "ZorpNet consists of a Blarg Network (BN) and ...". Known names are used, not made."""
    out: list[tuple[int, int, str, str]] = []
    generic = generic_keys()
    for ls, le, ss, se in abbrevs:
        if ss < ls:
            continue
        sent_start = next((s for s, e in sents if s <= ls < e), 0)
        m = _MADE_OF.search(text, max(0, sent_start - 2), ls)
        if m is None or m.group("name").rstrip(",") not in own or m.start("name") < sent_start:
            continue
        short, long = text[ss:se], text[ls:le]
        if lookup(short) or lookup(long) or norm_key(short) in generic or norm_key(long) in generic:
            continue  # "QuantiDCE includes ... Knowledge Distillation (KD) fine-tuning": a known technique, used
        if _OTHERS_BETWEEN.search(text, m.end(), ls):
            continue  # "... all inspired by the educational theory of the Bloom Cognitive Model (BCM)": someone else's
        out.append((ss, se, "", "component"))
    return out
