"""More mentions of names the paper itself coins: its multi-word long forms written again in any case ("Self-Play
with Variational Problem Synthesis" in the title of a paper that defines "self-play with variational problem synthesis
(SvS)"), and its multi-word proposals written again ("GR00T N1 is ..." after "we introduce GR00T N1"). Used by
``kg_entities``, which gives these copies the entity of the original."""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.entity_labels import Cand
from extract.lexicon import norm_key

__all__ = ["long_form_uses", "proposal_reuses"]

_WORD = re.compile(r"[^\W_]+")


def long_form_uses(text: str, defined: list[tuple[int, int, int, int]], alias: dict[str, Cand]) -> list[Cand]:
    """Other mentions of the paper's own multi-word long forms, in any case and with hyphens or spaces
    ("Self-Play with Variational Problem Synthesis" in the title of a paper that defines "Self-play with
    variational problem synthesis (SvS)"): the acronym's entity, not a known name inside the phrase."""
    out: list[Cand] = []
    seen: set[str] = set()
    flat = ""  # the text in lower case with hyphens and line breaks as spaces, offsets unchanged
    for ls, le, _, _ in defined:
        lf = text[ls:le]
        key = norm_key(lf)
        proto = alias.get(key)
        if proto is None or proto.entry is not None or key in seen or not (" " in lf or "-" in lf):
            continue
        seen.add(key)
        words = _WORD.findall(lf)
        if len(words) < 2:
            continue
        flat = flat or text.lower().replace("-", " ").replace("\n", " ")
        if len(flat) != len(text):
            return out  # lower() changed a length ("İ"): offsets would not map back
        needle = " ".join(words).lower()
        if needle.endswith("s") and not needle.endswith("ss"):
            needle = needle[:-1]  # "Boltzmann Machines" in the title of a paper that defines "... Machine (MP-DBM)"
        for i, j in _whole_occurrences(flat, needle, text, plural=True):
            if not any(a <= i < b for a, b, _, _ in defined):
                out.append(Cand(i, j, proto.label, proto.name, proto.parent, "abbreviation", proto.prio, None,
                                set(proto.evidence)))
    return out


def proposal_reuses(text: str, cands: list[Cand]) -> list[Cand]:
    """Other mentions of a proposed name of several words, written the same way ("GR00T N1 is a VLA model"
    after "we introduce GR00T N1"): the proposal, not a shorter name inside it ("GR00T")."""
    out: list[Cand] = []
    spans = {(c.start, c.end) for c in cands if c.rule == "proposal"}
    for c in cands:
        surface = text[c.start : c.end]
        if c.rule != "proposal" or " " not in surface or any(o.name == c.name for o in out):
            continue
        if any(o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start for o in cands):
            continue  # the proposal lost its own place to a longer name ("a Monte Carlo sampler"): no copies
        for i, j in _whole_occurrences(text, surface, text):
            if (i, j) not in spans:
                # the copy names the proposal; it casts no second vote for the proposal's type
                out.append(Cand(i, j, c.label, c.name, c.parent, "proposal", c.prio, None, c.evidence & {"proposed"}))
    return out


def _whole_occurrences(haystack: str, needle: str, text: str, plural: bool = False) -> Iterator[tuple[int, int]]:
    """Spans of ``needle`` in ``haystack`` (``text`` or a same-length copy of it) that no letter, digit,
    hyphen or underscore of ``text`` continues on either side; ``plural``: also with an "s" after it."""
    i = haystack.find(needle)
    while i >= 0:
        j = i + len(needle)
        if plural and text[j : j + 1] == "s":
            j += 1
        if (i == 0 or not _name_char(text[i - 1])) and (j == len(text) or not _name_char(text[j])):
            yield i, j
        i = haystack.find(needle, j)


def _name_char(c: str) -> bool:
    """Whether ``c`` continues a word or a hyphenated name."""
    return c.isalnum() or c in "-_"
