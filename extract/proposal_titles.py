"""Names a title gives its paper, and the name pattern the proposal cues share (used by ``kg_proposals``).

A title names the paper's own thing when it reads "X: ...", "X - ...", "X Technical Report" (or System /
Model Card), or is one name only that the abstract uses ("Mask Scoring R-CNN", "Gemma"); a title-case
description ("Chained Gaussian Processes", "Ethics Sheets for AI Tasks") names nothing.

>>> title_match("ZorpNet-2 Technical Report\\n\\nWe present a model.", 26).group("name")
'ZorpNet-2'
>>> title_match("Chained Zorp Processes\\n\\nChained Zorp Processes are good.", 22) is None
True
"""

from __future__ import annotations

import re

from extract.lexicon import generic_keys, lookup, norm_key
from extract.markup import SCRIPT
from extract.word_find import find_word

__all__ = [
    "FIRST_PERSON", "NAME", "NAME_WORD", "TITLE", "TITLE_HEAD", "TITLE_ONLY", "TITLE_PHRASES", "TITLE_REPORT",
    "defined_as_known", "digit_name", "known_topic_at", "not_own_subtitle", "title_definition", "title_head",
    "title_lead", "title_match", "variant_title",
]

# One word of a name: capitalised, or with a capital/digit inside ("fast2slow", "o1", "k1.5").
# (A LaTeX superscript or subscript is part of the word: "BA$^3$US", "UFO$^2$", "QLSD$^{++}$".)
NAME_WORD = (
    rf"(?:[A-Z0-9](?:[\w.+\-/'’^{{}}]|{SCRIPT})*(?:[\w+}}]|{SCRIPT})|[A-Z0-9]"
    rf"|[a-z][a-z\-]*[A-Z0-9](?:[\w.+\-/^{{}}]|{SCRIPT})*(?:[\w+}}]|{SCRIPT}))"
)
# Words joined by spaces, "of"/"for"/"&", "to" after a gerund ("Learning to Rank"), or a detached hyphen
# ("Z 2 -Net", "Z 2 - Net": superscripts lost in conversion).
NAME = rf"(?P<name>{NAME_WORD}(?:(?:\s(?:of\s|for\s|&\s|-\s)?|(?<=ing)\sto\s|\s-(?=[A-Z0-9])){NAME_WORD}){{0,4}})"
TITLE = re.compile(rf"^{NAME}\s*(?::|\s[-–—])\s")  # "X: ...", "X - ..."
# A release's report ("GPT-4 Technical Report", "The Zorp System Card").
TITLE_REPORT = re.compile(rf"^(?:The\s+)?{NAME}\s+(?:Tech(?:nical)?\s+Report|System\s+Card|Model\s+Card)\s*$")
TITLE_ONLY = re.compile(rf"^{NAME}\s*$")
_WORD_LEAD = re.compile(rf"^(?P<name>{NAME_WORD})\s(?:for|with|via)\s")  # one word before "for/with/via"
# The descriptor noun of a title's rest ("X: A Framework for ...", "X: Scalable Zorp Models"): the name's type.
TITLE_HEAD = re.compile(
    r"\s*(?:(?:An?|The)\s+(?:[\w\-]+\s+){0,4}?|(?![\w\-]+ing\b)(?:[A-Z][\w\-]*\s+){0,3}?)(?P<head>[\w\-]+)"
    r"(?:\s+(?:for|of|to|that|with|in|via|through)\b|$)"
)
_FIRST_CONJUNCT = re.compile(r"\b(Dataset|Benchmark|Corpus|Model|Method|Framework)\s+and\s", re.IGNORECASE)


def title_head(text: str, start: int, end: int) -> str | None:
    """The descriptor noun of a title's rest ``text[start:end]``; of two coordinated ones the first, which the name
    before the colon is.

    >>> title_head("X: A Framework for Zorp", 2, 23), title_head("X: A UAV Dataset and Y Model for Zorp", 2, 37)
    ('Framework', 'Dataset')
    """
    head = TITLE_HEAD.match(text, start, end)
    if head is None:
        return None
    first = _FIRST_CONJUNCT.search(text, head.start(), head.start("head"))
    return first.group(1) if first else head.group("head")


# A title that opens with a technique's title-case name before "for/with/via" ("Stochastic Pooling for
# Regularization of ...", "Matching Networks for One Shot Learning"): the head word says it is a technique.
_PHRASE = r"(?P<name>[A-Z][\w\-]*(?:\s[A-Z][\w\-]*){1,4})"
TITLE_LEAD = re.compile(rf"^{_PHRASE}\s(?:for|with|via)\s")
# ... or closes it after "with/via/using" ("Photographic Image Synthesis with Cascaded Refinement Networks"), or is
# the whole title ("Convolutional Kernel Networks").
TITLE_TAIL = re.compile(rf"\s(?:with|via|using)\s(?:an?\s|the\s)?{_PHRASE}\s*$")
TITLE_WHOLE = re.compile(rf"^(?:The\s)?{_PHRASE}\s*$")
TITLE_PHRASES = (TITLE_LEAD, TITLE_TAIL, TITLE_WHOLE)
_TAIL_WORD = re.compile(r" (?:with|via|using) ")
_TECH_HEAD_LIST = """network networks net nets pooling flow clustering attention transformation transformations
connection connections encoder encoders decoder decoders lstm lstms unit units reader readers embedding embeddings
convolution convolutions normalization batchnorm distillation regularization dropout sampler
autoencoder autoencoders transformer transformers machine machines forest forests"""
_TECH_HEADS = frozenset(_TECH_HEAD_LIST.split())
# Words that alone make no name ("Deep Residual Networks", "Graph Neural Networks" are classes of models).
_GENERIC_WORD_LIST = """deep neural convolutional recurrent residual graph generative adversarial very fully simple
efficient improved advanced visual temporal spatial feedforward feed-forward online multi-task self-attention
attention-based self-supervised supervised unsupervised pre-trained pretrained large"""
_GENERIC_WORDS = frozenset(_GENERIC_WORD_LIST.split())
# Capitalised words of a title-case sentence or prepositional phrase, which no technique name contains.
_CLAUSE_WORD_LIST = """Using Beyond Without Through Via From Into Against Versus Meets Meet Is Are Can Do Does Make
Makes Improve Improves Help Helps Need Needs Matter Matters Work Works Learn Learns"""
_CLAUSE_WORDS = frozenset(_CLAUSE_WORD_LIST.split())
_SHAPED_WORD = re.compile(r"[a-z][A-Z]|[A-Z]{2}|\d")  # "R-CNN", "DeepSDF"; not "Open-Set"


def _shaped_title(name: str) -> bool:
    """A several-word title that is a name: a name-shaped word other than a generic acronym, no "of"/"for"
    ("Mask Scoring R-CNN", "Curriculum DeepSDF"; not "Ethics Sheets for AI Tasks", "Surface Networks")."""
    words = name.split()
    generic = generic_keys()
    return not {"of", "for"} & set(words) and any(
        _SHAPED_WORD.search(w) and norm_key(w) not in generic for w in words
    )


def title_lead(title: str, text: str = "", start: int = 0) -> re.Match[str] | None:
    """The match (group ``name``) of a technique name that opens the title before "for/with/via", closes it after
    "with/via/using" or is the whole title, or None: two to five capitalised words ending in a technique's head
    noun, not a phrase of generic words or an action, nor one ``text[start:]`` (the abstract) names by its
    acronym.

    >>> title_lead("Zorp Pooling for Regularization of Deep Networks").group("name")
    'Zorp Pooling'
    >>> title_lead("Blarg Estimation with Zorp Units").group("name")
    'Zorp Units'
    >>> title_lead("Deep Residual Networks for Blargs"), title_lead("Learning Zorp Networks for Blargs")
    (None, None)
    """
    tail = TITLE_TAIL.search(title) if _TAIL_WORD.search(title) else None
    for m in (TITLE_LEAD.match(title), tail, TITLE_WHOLE.match(title)):
        if m is not None and _technique_phrase(m.group("name"), text, start):
            return m
    return None


def _technique_phrase(name: str, text: str, start: int) -> bool:
    """Whether a title's capitalised phrase names a technique of the paper's own (see :func:`title_lead`);
    ``text[start:]`` is the abstract."""
    words = name.split()
    if words[0] in ("A", "An", "The", "On", "Towards", "Toward") or words[0].lower().endswith("ing"):
        return False  # "Learning Feature Pyramids for ...": what the paper does, not a name
    if _CLAUSE_WORDS & set(words):
        return False  # "GLU Variants Improve Transformer", "Correspondence Analysis Using Neural Networks"
    if words[-1].lower() not in _TECH_HEADS:
        return False
    if all(w.lower() in _GENERIC_WORDS or w.lower() in _TECH_HEADS for w in words) or lookup(name):
        return False  # "Temporal Convolution for ...", "Knowledge Distillation for ...": a known or generic technique
    # the abstract naming it by its acronym ("GPHT", "PFNs" of "Prior-Data Fitted Networks"): its cues decide
    for initials in {"".join(p[0] for w in words for p in w.split("-") if p).upper(), "".join(w[0] for w in words)}:
        if len(initials) >= 2 and _uses_initials(text, initials, start):
            return False
    return True


def _uses_initials(text: str, initials: str, start: int) -> bool:
    """Whether ``text[start:]`` uses ``initials`` (or their plural) as a word."""
    return find_word(text, initials, start) >= 0 or find_word(text, initials + "s", start) >= 0


def title_match(text: str, title_end: int) -> re.Match[str] | None:
    """The match (group ``name``) of the name the title ``text[:title_end]`` gives its paper, or None; a
    one-name title counts when it is one word or name-shaped and the abstract after it uses the name, and so
    does one new name-shaped word before "for/with/via" ("ZorpFlux for Skeletons", not "BERT for Blargs")."""
    title = text[:title_end]
    tm = TITLE.match(title) or TITLE_REPORT.match(title)
    if tm is not None:
        return tm
    lead = _WORD_LEAD.match(title)
    if lead is not None and _SHAPED_WORD.search(lead.group("name")) and not lookup(lead.group("name")) and (
        norm_key(lead.group("name")) not in generic_keys()
    ):
        return lead  # "ZorpFlux for Skeletons in the Wild": a new name-shaped word before "for" is the paper's
    only = TITLE_ONLY.match(title)
    name = only.group("name") if only else ""
    if only and (" " not in name or _shaped_title(name)) and find_word(text[title_end:], name) >= 0:
        return only
    return only if only and variant_title(name, text[title_end:]) else None


# Capitalised words that open a title without naming anything: a question, a stance, a relation.
_NOT_MODIFIERS = frozenset(["A", "An", "The", "On", "Towards", "Toward", "Beyond", "Is", "Are", "Does", "Do", "Can",
                            "Why", "How", "When", "What", "Which", "Where", "Who", "Against", "From", "Into",
                            "Through", "Without", "Inside", "Dissecting", "Rethinking", "Revisiting"])


def variant_title(name: str, abstract: str = "") -> bool:
    """A title (or its part before the colon) that is one or two capitalised modifiers and a known model's name
    ("Parallel ZorpNet", "Fast Segment Anything"): the paper's own variant of the model, whether or not the
    abstract repeats it; not an action on it ("Evaluating ZorpNet"), a question ("Is ZorpNet ..."), nor when the
    ``abstract`` calls its variant another way ("Stable-SAM", "MobileSAM" for "... Segment Anything Model").

    >>> variant_title("Parallel WaveNet"), variant_title("Demystifying ResNet"), variant_title("WaveNet")
    (True, False, False)
    >>> variant_title("Stable Segment Anything Model", "We present Stable-SAM, which ...")
    False
    """
    words = name.split()
    for k in (1, 2):
        if len(words) <= k or any(not w[0].isupper() or w.lower().endswith("ing") or w in _NOT_MODIFIERS
                                  for w in words[:k]):
            return False
        entry = lookup(" ".join(words[k:]))
        if entry is not None and entry.label == "Model":
            return not any(_prefixed(abstract, a) for a in entry.surfaces if " " not in a)
    return False


def _prefixed(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` as the end of a longer word, hyphened or not ("Stable-SAM", "MobileSAM"),
    found with ``str.find`` (no regex compiled per paper).

    >>> _prefixed("We present Stable-SAM.", "SAM"), _prefixed("We use SAM and SAMs.", "SAM")
    (True, False)
    """
    i = text.find(name)
    while i >= 0:
        j = i + len(name)
        k = i - 1 if text[i - 1 : i] == "-" else i
        if k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_") and not (
                text[j : j + 1].isalnum() or text[j : j + 1] in ("_", "-")):
            return True
        i = text.find(name, i + 1)
    return False


# "X: A Multi-scale Residual Network for ...", "X: Criss-Cross Attention for ...": the kind of thing the title says
# X is, by the head noun of what follows the colon (up to four modifiers, an optional article).
_KIND_HEAD = re.compile(
    r"\s*(?:(?i:an?|the)\s+)?(?:[\w\-]+\s+){0,4}?(?P<head>[A-Za-z\-]+?)s?(?:\s+(?:for|of|to|that|with|in|via|on)\b|\s*$)"
)
_KIND = {"network": "Model", "net": "Model", "model": "Model", "transformer": "Model", "encoder": "Model",
         "decoder": "Model", "agent": "Model", "attention": "Method", "framework": "Method", "method": "Method",
         "approach": "Method", "algorithm": "Method", "mechanism": "Method", "loss": "Method", "estimator": "Method",
         "regularizer": "Method", "optimizer": "Method", "technique": "Method", "strategy": "Method"}


_DATA_NOUN = re.compile(r"(?i:\b(?:datasets?|benchmarks?|corpus|corpora|data)\b)")


def title_kind(title: str) -> tuple[str, str] | None:
    """(name, "Model" or "Method") when the title reads "X: <a technique>", else None: what a known data name
    of the same spelling means in this paper ("CCNet: Criss-Cross Attention for ...").

    >>> title_kind("ZorpNet: A Multi-scale Residual Network for Sleep Staging")
    ('ZorpNet', 'Model')
    >>> title_kind("ZorpSet: A Dataset for Sleep Staging") is None
    True
    """
    tm = TITLE.match(title)
    if tm is None:
        return None
    head = _KIND_HEAD.match(title, tm.end())
    if head is None or _DATA_NOUN.search(head.group(0)):
        return None  # "Pix3D: Dataset and Methods for ...": data first
    kind = _KIND.get(head.group("head").lower())
    return (tm.group("name"), kind) if kind else None


_DIGIT_FIRST = re.compile(r"\d{1,2}[A-Za-z][\w\-+]*")


def digit_name(name: str) -> bool:
    """A name that opens with a digit ("3DETR", "2DSCNs", "2s-AGCN"), not a size, a count or a dimension ("4K",
    "3D") nor a compound of one ("7B-parameter", "3D-to-2D": a lower-case part)."""
    return (
        _DIGIT_FIRST.fullmatch(name) is not None
        and sum(c.isalpha() for c in name) >= 3
        and all(any(c.isupper() or c.isdigit() for c in part) for part in name.split("-"))
    )


# "Long Form (ACR): subtitle": the title defines the paper's name before its subtitle.
_TITLE_DEFINITION = re.compile(
    r"^[A-Z][^():\n]{3,90}?\s\((?P<sf>[A-Za-z0-9][\w\-]*[A-Z][\w\-]*)\)\s*:\s*(?:(?:An?|The)\s+)?(?P<next>[\w\-]+)"
)
# What such a subtitle says the paper is instead: a survey of a field, or a metric (no entity).
_NOT_OWN = re.compile(
    r"(?i:surveys?|reviews?|overview|tutorial|systematic|meta-survey|concepts|perspectives?|challenges|metrics?|"
    r"measures?|scores?|position|primer|introduction|history|state)"
)


def not_own_subtitle(subtitle: str) -> bool:
    """Whether a title's subtitle says the paper is a survey or a metric, not a thing of its own.

    >>> not_own_subtitle("A New Automated Metric for Evaluating Zorps"), not_own_subtitle("A Corpus for Zorps")
    (True, False)
    """
    head = re.split(r"\s(?:for|of|on|to|in|with)\s", subtitle, maxsplit=1)[0]
    return any(_NOT_OWN.fullmatch(w) for w in head.split()[:6])


def title_definition(text: str, title_end: int) -> tuple[int, int] | None:
    """Offsets of the acronym a title defines before its subtitle ("Stage Zorp Network (SZN): A Policy for ...")
    when it is the paper's own (unknown to the gazetteers, and the subtitle is no survey or metric), else None.

    >>> title_definition("Zorp Quux Actor-Critic (ZQAC): Anticipation in RL\\n\\nText", 49)
    (24, 28)
    >>> title_definition("Explainable Zorp (XZ): A Survey of Methods\\n\\nText", 42) is None
    True
    """
    m = _TITLE_DEFINITION.match(text, 0, max(0, title_end))
    if m is None or _NOT_OWN.fullmatch(m.group("next")) or lookup(m.group("sf")) is not None:
        return None
    return m.start("sf"), m.end("sf")


_ACRONYM_AFTER = re.compile(r"\s*\([^()]{1,20}\)")
# Words of a sentence about the paper's own work: a first person or "this paper".
FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s|[Tt]his (?:paper|work|study|article|report))\b")
# A sentence of the paper's own work, or one that calls a thing new ("X is a new message-passing algorithm").
_OWN_OR_NEW = re.compile(rf"{FIRST_PERSON.pattern}|\b(?:propos|present|introduc|develop|design|call|[Nn]ew|[Nn]ovel)")


def known_topic_at(text: str, title_end: int, pos: int) -> bool:
    """Whether the abstract, up to the end of the sentence at ``pos``, neither speaks of the paper's work nor calls
    anything new: what it names there is the topic ("SVGD is a non-parametric inference algorithm ...")."""
    end = text.find(". ", pos)
    return _OWN_OR_NEW.search(text, title_end + 2, len(text) if end < 0 else end) is None


def defined_as_known(text: str, title_end: int, name: str) -> bool:
    """Whether the abstract first names the title's ``name`` with its acronym where :func:`known_topic_at` holds
    ("Stein variational gradient descent (SVGD) is a ..."): the title names the topic, not the paper's proposal.

    >>> defined_as_known("Zorp Descent\\n\\nZorp descent (ZD) is a popular method. We study it.", 12, "Zorp Descent")
    True
    >>> defined_as_known("Zorp Descent\\n\\nWe propose Zorp descent (ZD), a fast method.", 12, "Zorp Descent")
    False
    """
    at = find_word(text, name, title_end + 2, ignore_case=True)
    if at < 0:
        return False
    end = at + len(name)
    bracketed = text[at - 1 : at] == "(" and text[end : end + 1] == ")"
    return (bracketed or _ACRONYM_AFTER.match(text, end) is not None) and known_topic_at(text, title_end, end)
