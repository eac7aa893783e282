"""Sentences as character offsets, from one precompiled regex that knows common abbreviations.

The one sentence splitter of kg: the pipeline's ``kg_sentences`` component, corpus-wide resolution and the
evidence sentences of the graph's edges all cut text with it, so a relation's evidence is the sentence the
extraction saw.

>>> text = "We use e.g. FooNet (Smith et al. 2020). It works. 3 more."
>>> [text[s:e] for s, e in split_sentences(text)]
['We use e.g. FooNet (Smith et al. 2020).', 'It works.', '3 more.']
"""

from __future__ import annotations

import re

__all__ = ["sentence_at", "split_sentences"]

# A boundary: end punctuation, whitespace, then something that can start a sentence.
_BOUNDARY = re.compile(r"[.!?](?:[\"'”’)\]]*)\s+(?=[A-Z0-9(\[\"“‘'])")
# Words whose final period does not end a sentence.
_ABBREV = frozenset(
    [
        "e.g",
        "i.e",
        "al",
        "vs",
        "v.s",  # "85.81% v.s. 79.79%"
        "cf",
        "fig",
        "figs",
        "eq",
        "eqs",
        "sec",
        "approx",
        "resp",
        "no",
        "nos",
        "dr",
        "mr",
        "ms",
        "prof",
        "st",
        "vol",
        "pp",
        "ca",
        "incl",
        "esp",
        "viz",
    ]
)
_LAST_WORD = re.compile(r"([A-Za-z.]+)\.$")


def _not_an_end(word: str, before: str) -> bool:
    """Whether the period after ``word`` (preceded by ``before``) is not a sentence end: an abbreviation
    ("e.g.", "al."; not "etc.", which often ends one),
    or an initial ("J. Smith"); not a size or version letter glued to digits ("FooLM-70B.")."""
    key = word.lower().rstrip(".")
    if key in _ABBREV:
        return True
    return len(word) == 1 and not (before and before[-1].isdigit())


def split_sentences(text: str, offset: int = 0) -> list[list[int]]:
    """Character spans of the sentences of ``text`` (shifted by ``offset``), whitespace trimmed."""
    out: list[list[int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        head = text[max(start, m.start() - 12) : m.start() + 1]
        w = _LAST_WORD.search(head)
        if w and text[m.start()] == "." and _not_an_end(w.group(1), head[: w.start(1)]):
            continue
        end = m.start() + 1
        out.append([offset + start, offset + end])
        start = m.end()
    rest = text[start:].rstrip()
    if rest:
        out.append([offset + start, offset + start + len(rest)])
    return out


def sentence_at(text: str, offset: int) -> tuple[str, int, int]:
    """The sentence of ``text`` that holds ``offset`` (or the next one, from whitespace between two), with
    its start and end offsets.

    >>> sentence_at("First one. Second one has FooNet.", 27)
    ('Second one has FooNet.', 11, 33)
    """
    spans = split_sentences(text)
    for start, end in spans:
        if offset < end:
            return text[start:end], start, end
    start, end = spans[-1] if spans else (0, len(text))
    return text[start:end], start, end
