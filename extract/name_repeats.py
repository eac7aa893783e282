"""More mentions of names the paper itself coins: its multi-word long forms written again in any case ("Self-Play
with Variational Problem Synthesis" in the title of a paper that defines "self-play with variational problem synthesis
(SvS)"), its multi-word proposals written again ("GR00T N1 is ..." after "we introduce GR00T N1"), and its acronyms
spelled out word by word in the title ("Multi-Agent Diverse Generative Adversarial Networks" for MAD-GAN). Used by
``kg_entities``, which gives these copies the entity of the original."""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.entity_labels import Cand
from extract.lexicon import norm_key

__all__ = ["long_form_uses", "proposal_reuses", "title_spellings"]

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


_TITLE_WORD = re.compile(r"[A-Za-z0-9]+")
_ACRONYM = re.compile(r"[A-Za-z][A-Za-z\-]{2,11}")
# A spelled-out run is a whole noun phrase: the title's start, a colon or a function word before it, and its end, a
# punctuation mark or a function word after it ("... Modality-Aware Experts" is no run "Mixture of Modality-Aware").
_RUN_OPENS = re.compile(r"(?:^|[:(\"“]\s*|\b(?i:a|an|the|towards?|with|via|for|using|through|by|and|on|in|of)\s+)$")
_RUN_CLOSES = re.compile(
    r"\s*(?:$|[:,.?!)\"”]|(?i:for|with|via|using|through|in|on|of|to|and|from|as|by|under|towards?)\b)"
)


def title_spellings(text: str, title_end: int, cands: list[Cand]) -> list[Cand]:
    """The title's spelled-out forms of the acronyms the paper proposes: a run of title words whose initials are exactly
    the acronym's letters, three or more ("MAD-GAN" and "Multi-Agent Diverse Generative Adversarial Networks",
    "MoEC" and "Mixture of Expert Clusters"). A candidate of exactly that span takes the acronym's name (its own
    type evidence still votes); else a copy of the acronym's candidate is returned for the span. Known names (rows
    of the lists) are left alone, on either side."""
    if title_end <= 0:
        return []
    title = text[:title_end]
    words = list(_TITLE_WORD.finditer(title))
    initials = "".join(w.group()[0].lower() for w in words)
    out: list[Cand] = []
    done: set[str] = set()
    for c in cands:
        surface = text[c.start : c.end]
        if c.entry is not None or "proposed" not in c.evidence or c.name in done or not _ACRONYM.fullmatch(surface):
            continue  # only the paper's own acronyms: a task's ("ISTD", "TQA") the title spells out stays a task
        letters = surface.replace("-", "").lower()
        if sum(ch.isupper() for ch in surface) < 2 or len(letters) < 3:
            continue
        done.add(c.name)
        at = initials.find(letters)
        while at >= 0:
            s, e = words[at].start(), words[at + len(letters) - 1].end()
            whole = _RUN_OPENS.search(title, 0, s) is not None and _RUN_CLOSES.match(title, e) is not None
            same = [o for o in cands if o.start == s and o.end == e]
            if whole and not any(o.entry is not None for o in same):
                for o in same:
                    o.name = c.name
                if not same:
                    out.append(Cand(s, e, c.label, c.name, c.parent, c.rule, c.prio, None, set(c.evidence)))
            at = initials.find(letters, at + 1)
    return out
