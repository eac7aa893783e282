"""Whether a paper's long form of an acronym means what a gazetteer row means: the same thing spelled otherwise
("Labelled Faces in the Wild" of "Labeled Faces in the Wild") or something else ("partial optimal transport" is
not the row's "program of thoughts"), compared by 5-letter word stems. Used by ``kg_entities``."""

from __future__ import annotations

import re

from extract.corpus import expands, is_acronym
from extract.lexicon import Entry, norm_key

__all__ = ["other_meaning", "same_meaning"]

_FUNCTION_WORDS = frozenset({"of", "for", "the", "a", "an", "and", "in", "on", "with", "to", "via", "by"})


def _stems(phrase: str) -> set[str]:
    """The 5-letter stems of a phrase's content words ("optimizer" and "optimization" share "optim")."""
    return {w[:5] for w in re.split(r"[\s\-]+", phrase.lower()) if w and w not in _FUNCTION_WORDS}


def _row_long_forms(entry: Entry) -> list[set[str]]:
    """Stems of the row's long forms: surfaces that spell one of its acronyms out ("GPT family" does not)."""
    acronyms = [x for x in entry.surfaces if is_acronym(x)]
    keys = [norm_key(a) for a in acronyms]
    longs = [_stems(x) for x in entry.surfaces
             if len(x.split()) > 1 and any(expands(a, x) for a in acronyms)
             and not any(k in norm_key(x) for k in keys)]
    return [x for x in longs if x]


def other_meaning(long_form: str, entry: Entry) -> bool:
    """Whether a paper's long form of an acronym means something else than the gazetteer row the acronym
    names: the row spells out a long form of one of its acronyms, and none shares half its words with the paper's
    (5-letter stems: "optimizer" is "optimization"). A row without a long form cannot tell: the same thing."""
    mine, longs = _stems(long_form), _row_long_forms(entry)
    return bool(mine and longs) and all(2 * len(mine & x) < min(len(mine), len(x)) for x in longs)


def same_meaning(long_form: str, entry: Entry) -> bool:
    """Whether a paper's long form is another spelling of one of the row's ("Labelled Faces in the Wild" of
    "Labeled Faces in the Wild"): the same 5-letter stems."""
    mine = _stems(long_form)
    return bool(mine) and any(mine == x for x in _row_long_forms(entry))
