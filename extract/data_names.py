"""Data names where the text writes them: whether a known data set's name names a task instead (it may open a task's
name: "hate speech" of "hate speech detection"), and editions written with a slash ("CIFAR-10/100" is CIFAR-10 and
CIFAR-100). Used by ``kg_entities``."""

from __future__ import annotations

import re

from extract.canonical import canonical_key, canonical_name, known, variant_parent
from extract.entity_labels import TASK_HEAD, Cand
from extract.lexicon import norm_key
from extract.mention_cues import RIGHT_CUE

__all__ = ["slashed_editions", "task_with_data_name"]

_MORE_TASK_HEADS = frozenset(["estimation", "analysis", "synthesis", "reconstruction", "matching", "modeling"])
_NEXT_WORDS = re.compile(r"[ \-]([A-Za-z]+)(?:[ \-]([A-Za-z]+))?")


def task_with_data_name(text: str, start: int, end: int, label: str, tasks: frozenset[str]) -> bool:
    """Whether the dataset or benchmark name ``text[start:end]`` starts a task's name (one of ``tasks``, as keys):
    the text names the task, not the data.

    >>> task_with_data_name("We study Zorp detection.", 9, 13, "Dataset", frozenset(["zorpdetection"]))
    True
    >>> task_with_data_name("the Zorp detection benchmark", 4, 8, "Benchmark", frozenset(["zorpdetection"]))
    False
    """
    if label not in ("Dataset", "Benchmark") or (m := _NEXT_WORDS.match(text, end)) is None:
        return False
    if RIGHT_CUE.match(text, end) is not None:
        return False  # "the FooSet detection benchmark" names the data
    name = norm_key(text[start:end])
    if _task_head(m.group(1)) and name + m.group(1).lower() in tasks:
        return True  # "Atari games", "SST 2" are no tasks' heads
    two = m.group(2)
    return two is not None and _task_head(two) and name + norm_key(m.group(0)) in tasks


def _task_head(word: str) -> bool:
    """A task's head noun ("detection", "estimation")."""
    return TASK_HEAD.match(word) is not None or word.lower() in _MORE_TASK_HEADS


# A data name ending in a number, then more numbers after slashes: "CIFAR-10/100", "KITTI 2012/2015", "MOT16/17/20".
_SLASHED = re.compile(r"(?P<base>.*?[A-Za-z][\s\-]?)(?P<first>\d+)(?P<rest>(?:/\d+)+)")


def slashed_editions(text: str, cands: list[Cand]) -> list[Cand]:
    """``cands`` with each name written with slashed editions or sizes split into one candidate per edition:
    "CIFAR-10/100" on CIFAR-10 (its first part) and CIFAR-100 (on "100"), "OTB-2013/50/100" on three, "ResNet-50/101"
    on two. One name read whole was a variant of the first ("CIFAR-10-100") that no other paper writes. A slash after
    a letter is part of a name ("ViT-B/16"), and techniques' slashes are alternatives ("PCA/SVD")."""
    out: list[Cand] = []
    for c in cands:
        label = c.label or (c.entry.label if c.entry is not None else "")
        # (an untyped name would type its parts apart, and lose some)
        typed = label not in ("", "Method") and "/" in text[c.start : c.end]
        m = _SLASHED.fullmatch(text, c.start, c.end) if typed else None
        if m is None:
            out.append(c)
            continue
        base, pos = m.group("base"), m.end("first")
        parts = [(c.start, pos, m.group("first"))]
        for num in m.group("rest")[1:].split("/"):
            parts.append((pos + 1, pos + 1 + len(num), num))
            pos += 1 + len(num)
        # the family of the whole, never its first edition ("CIFAR-100" is no variant of "CIFAR-10")
        first = canonical_key(base + m.group("first"))
        family = "" if canonical_key(c.parent) == first else c.parent
        for s, e, num in parts:
            entry = known(base + num)
            name = entry.name if entry is not None else canonical_name(base + num)
            parent = (entry.parent if entry is not None else variant_parent(base + num)) or family
            out.append(Cand(s, e, label, name, parent or "", c.rule, c.prio, entry, set(c.evidence)))
    return out
