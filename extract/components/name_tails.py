"""Full-span boundaries of a name: the space-separated version/size tails after it and the qualifier before it.

A model name may go on after a space: a size ("BarLM 13B"), a version ("Baz v2", "Baz 2.0", "Baz 2"),
a size word in any case ("Qux-RoBERTa LARGE", "Corge large-v3"), a release word ("Gemini 1.5 Pro") or a named
edition with its tag ("Baz Guard-2", "Baz Robotics-ER").
A benchmark or dataset name may take a year or a version ("FooBench 2020", "BarSet v2", "BarSet 1.5").
A bare number or a lower-case word only counts when what follows cannot continue a noun phrase
("FooBERT 2 is", not "FooBERT 3 times"; "BERT large and", not "BERT large gains"). A language,
"Multilingual" or a size before a model name is part of it ("Chinese FooBERT", "405B FooLM 3": models of
their own, variants of FooBERT and FooLM 3).
A technique's acronym hyphened to a version is its version ("RWKV-7", "DPO-v2"), and hyphened to another acronym
or name part a name of its own ("SVRG-BB", "LoRA-FA", "RWKV-UNet-S"), not the technique (:func:`method_tail`).
Plain functions over the text, used by :mod:`extract.components.shapes`.
"""

from __future__ import annotations

import re

_TAIL = re.compile(
    r" (?:\(\d+(?:\.\d+)?[BM]\)|(?:\d+(?:\.\d+)?[x×])?\d+(?:\.\d+)?[BMKb]\b|(?:[a-z]|V(?=\d))?\d+(?:\.\d+)*\b|"
    r"(?:Chat|Instruct|Base|Pro|Ultra|Flash|Nano|Lite|Turbo|mini|Mini|Large|Small|Medium|XL|XXL|Opus|Sonnet|"
    r"Haiku|Vision|Coder|Math|Omni|Plus|Max|Preview|Thinking|Scout|Maverick|LARGE|BASE|SMALL|TINY|"
    r"base|large|small|medium|tiny|chat|instruct)\b|"
    r"[A-Z][a-z]{2,}(?=-(?:[A-Z]{1,4}|\d+(?:\.\d+)?)(?![\w+])))"  # a named edition: "Baz Guard-2"
    r"(?:[-_/][A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)*(?![\w+])"
)
_PART_SEP = re.compile(r"[-_/]")
# A count noun after a size: the size counts data, it does not size a model ("a ZORP 10B tokens corpus").
_COUNTED = re.compile(r"\s+(?:tokens|words|parameters|params|images|samples|examples|pairs|hours|frames|documents)\b")
_SIZE = re.compile(r"^(?:\d+(?:\.\d+)?[x×])?\d+(?:\.\d+)?[BbMmKkTt]$|^\(\d+(?:\.\d+)?[BM]\)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_YEAR_OR_V = re.compile(r"^(?:(?:19|20)\d\d|[vV]\d+(?:\.\d+)*)$")
_DIGIT = re.compile(r"^[2-9]$")  # "AWA 2", "VKITTI 2": a data set's second edition (not "1", a count's "3 of")
_SCORE = re.compile(r"^\d{2,}\.\d{2,}$")  # "34.97": no release numbers a model that way
_DOTTED = re.compile(r"^[1-9]\.\d{1,2}$")  # "1.5", "2.0", "5.1"; not a score ("92.28", "0.88")
# After a bare-number or lower-case tail: the end of the phrase, a function word, a model noun or a name.
_AFTER = re.compile(
    r"(?:\s*(?:[,.;:!?)\]\"'”’]|$)|\s+(?:and|or|with|on|in|is|are|was|were|to|for|as|by|at|from|that|which|"
    r"models?|variants?|versions?|checkpoints?|achieves?|outperforms?|performs?|[A-Z(\d]))"
)
# After a lower-case size word: only the end of the phrase or a function word ("BERT large and ...").
_AFTER_WORD = re.compile(
    r"(?:[-_/]\w|\s*(?:[,.;:!?)\]\"'”’]|$)|\s+(?:and|or|with|on|in|is|are|was|were|to|for|as|by|at)\b)"
)
_QUALIFIER = re.compile(
    r"(?<![\w\-])(Chinese|English|French|German|Spanish|Japanese|Korean|Arabic|Hindi|Russian|Polish|Italian|"
    r"Portuguese|Dutch|Vietnamese|Turkish|Persian|Indonesian|Bengali|Urdu|Swahili|Greek|Hebrew|Czech|Swedish|"
    r"Finnish|Thai|Tamil|Multilingual|\d+(?:\.\d+)?[BMT]) $"
)


def tail_end(text: str, start: int, pos: int, label: str) -> int:
    """End of the name ``text[start:pos]`` (of type ``label``) with its space-separated tails."""
    while (m := _TAIL.match(text, pos)) is not None:
        head = _PART_SEP.split(m.group(0)[1:])[0]
        dotted = m.group(0) == " " + head and _DOTTED.match(head) is not None and bool(_AFTER.match(text, m.end()))
        edition = m.group(0) == " " + head and _DIGIT.match(head) is not None and bool(_AFTER.match(text, m.end()))
        sized = label == "" and _SIZE.match(head) is not None and not _COUNTED.match(text, m.end())
        if label != "Model" and not sized and not _YEAR_OR_V.match(head) and not dotted and not edition:
            # (an untyped name takes a model size: "ZORPA 13B"; not a count: "ZORP 10B tokens")
            break  # a data set's tail is a year or a version: "v2", "2.0" ("FrameNet 1.5 and"; not "1.2 million")
        if head[0].isdigit() and not _SIZE.match(head):
            if any(c.isdigit() for c in text[start:pos]) or _SCORE.match(head):
                break  # a second bare number is not a version: "GPT-4 3 times"; nor a score ("Zorp-GPT 34.97 vs.")
            if "." not in head and not _AFTER.match(text, m.end()) and (label == "Model" or not _YEAR.match(head)):
                break  # "FooBERT 3 times", "BarNet 50 epochs"; a data name's year is its edition ("FooSet 2020 shows")
        elif head.islower() and head.isalpha() and not _AFTER_WORD.match(text, m.end()):
            break  # "BERT large gains", "Llama 3.1 base models" (descriptive), but "Whisper large-v3"
        pos = m.end()
    return pos


def qualifier_start(text: str, start: int) -> int | None:
    """Start of a language or size qualifier right before ``start`` ("Chinese " of "Chinese FooBERT",
    "405B " of "405B FooLM"), or None."""
    m = _QUALIFIER.search(text, max(0, start - 16), start)
    return m.start(1) if m is not None else None


def language_start(text: str, start: int) -> int | None:
    """Start of a language right before a data set's name ("Chinese " of "Chinese ZorpBank"): a resource of its own,
    a variant of the one named. Not a size, "Multilingual", nor English, the language most data sets are in ("the
    English Penn Treebank" is the Penn Treebank; see :func:`qualifier_start`).

    >>> text = "the Chinese ZorpBank and the English ZorpBank"
    >>> language_start(text, 12), language_start(text, 37)
    (4, None)
    """
    q = qualifier_start(text, start)
    return q if q is not None and text[q].isalpha() and not text.startswith(("Multilingual", "English"), q) else None


def spaced_variant(text: str, start: int, end: int, label: str) -> int | None:
    """End of a known name of several words that goes on with a version or size ("Speech Commands V2",
    "Stable Diffusion 2.0", "Segment Anything Model 2"), or None when it stops where the list's name does.
    Techniques take none ("Flash Attention 2" is left to the list)."""
    if label == "Method" or " " not in text[start:end]:
        return None  # one-word names go on in the shape scanner
    pos = tail_end(text, start, end, label)
    return pos if pos > end else None


# Hyphened parts that go on a technique's name: a version, an acronym or size letter, a part with a digit or an
# inner capital ("7", "v2", "BB", "S", "Med3D", "UNet"); not a plain word ("GNN-Guided", "SGD-Momentum").
_METHOD_VERSION = re.compile(r"[vV]\d+(?:\.\d+)*|\d(?:\.\d+)*")  # not "51", "101": a data set's ("ENIGMA-51")
_METHOD_PART = re.compile(r"[A-Z][A-Z0-9]{0,7}|[A-Za-z]*\d[A-Za-z\d]*|[A-Za-z]+[A-Z][A-Za-z]*|[vV]?\d+(?:\.\d+)+")
_CAPS_WORDS = frozenset(["ALL", "AND", "ANY", "ARE", "BUT", "FOR", "FREE", "NOT", "THE", "WITH", "ONLY", "BASED",
                         "LIKE", "STYLE", "AWARE"])


def method_tail(parts: list[str]) -> str | None:
    """How hyphened ``parts`` after a technique's name go on it: "variant" (all versions: "RWKV-7"), "name" (a name
    of its own: "SVRG-BB", "RWKV-UNet-S"), or None (the technique alone: "GNN-Guided", "VAE-based").

    >>> method_tail(["7"]), method_tail(["v2"]), method_tail(["BB"]), method_tail(["UNet", "S"]), method_tail(["ALL"])
    ('variant', 'variant', 'name', 'name', None)
    >>> method_tail(["51"]), method_tail(["Guided"]), method_tail(["Med3D"])
    (None, None, 'name')
    """
    if not parts or any(p in _CAPS_WORDS or not _METHOD_PART.fullmatch(p) for p in parts):
        return None
    if any(p.isdigit() and not _METHOD_VERSION.fullmatch(p) for p in parts):
        return None
    return "variant" if all(_METHOD_VERSION.fullmatch(p) for p in parts) else "name"
