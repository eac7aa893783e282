"""Whether a known data set's name, where the text writes it, names a task instead: the name may open a task's name
("hate speech" of "hate speech detection", "3D hand pose" of "3D hand pose estimation"). Used by ``kg_entities``."""

from __future__ import annotations

import re

from extract.entity_labels import TASK_HEAD
from extract.lexicon import norm_key
from extract.mention_cues import RIGHT_CUE

__all__ = ["task_with_data_name"]

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
