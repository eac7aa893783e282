"""Who introduced what, by the field's own record: the titles of the papers that introduced Papers with Code
methods and datasets (``gazetteers/generated/origins.pwc.tsv``, written by ``scripts/gazetteers/build_pwc.py``).

A known name is mostly someone else's ("we fine-tune Mask R-CNN"), so the proposal rules leave known names
alone; in the paper that introduced it ("Mask R-CNN", "InfoGAN: Interpretable Representation Learning ...",
"Attention Is All You Need" for the Transformer) it is the paper's own proposal.

>>> "transformer" in introduced_by("Attention Is All You Need")
True
>>> introduced_by("A title no one wrote")
frozenset()
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from extract.lexicon import lookup, norm_key

__all__ = ["ORIGINS_FILE", "introduced_by", "introduced_elsewhere", "mark_origins"]

ORIGINS_FILE = "origins.pwc.tsv"


@lru_cache(maxsize=1)
def _origins() -> dict[str, frozenset[str]]:
    """Normalised title -> keys of the names its paper introduced."""
    path = resources.files("extract").joinpath("gazetteers", "generated", ORIGINS_FILE)
    out: dict[str, frozenset[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else []:
        if line and not line.startswith("#"):
            title, _, names = line.partition("\t")
            out[title] = frozenset(norm_key(n) for n in names.split("|") if n)
    return out


def introduced_by(title: str) -> frozenset[str]:
    """Keys (:func:`~extract.lexicon.norm_key`) of the methods and datasets the paper titled ``title`` introduced."""
    return _origins().get(norm_key(title), frozenset())


@lru_cache(maxsize=1)
def _introducers() -> dict[str, frozenset[str]]:
    """Name key -> normalised titles of the papers that introduced a thing of that name."""
    out: dict[str, set[str]] = {}
    for title, keys in _origins().items():
        for key in keys:
            out.setdefault(key, set()).add(title)
    return {key: frozenset(titles) for key, titles in out.items()}


def introduced_elsewhere(spellings: Iterable[str], title: str) -> bool:
    """Whether the field records who introduced a thing of one of these names, and it is not the paper titled
    ``title``.

    >>> introduced_elsewhere(["Transformer"], "A title no one wrote"), introduced_elsewhere(["Zorp"], "Zorp")
    (True, False)
    """
    known = _introducers()
    titles = frozenset().union(*(known.get(norm_key(s), frozenset()) for s in spellings))
    return bool(titles) and norm_key(title) not in titles


def mark_origins(title: str, ents: Iterable[dict[str, object]]) -> None:
    """Mark as proposed (rule "origin") the entities whose name or a spelling is one the paper introduced; and
    take a hand-listed name that another paper introduced off the proposals, unless the title names it (a cue
    that reached an established name: "we build upon the BERT platform", "namely DINO and YOLO-v8"). Generated
    rows keep theirs: "we propose SPOC, a ... self-correction approach" names the paper's own SPOC, not the
    listed SPoC."""
    keys = introduced_by(title) if title else frozenset()
    for ent in ents:
        spellings = [str(ent["name"]), *(str(a) for a in ent.get("aliases") or ())]  # type: ignore[union-attr]
        if keys and not ent["proposed"] and any(norm_key(s) in keys for s in spellings):
            ent["proposed"] = "origin"
        elif ent["proposed"] not in ("", "origin", "title") and _foreign(ent, spellings, title):
            ent["proposed"] = ""


def _foreign(ent: dict[str, object], spellings: list[str], title: str) -> bool:
    """Whether a gazetteer entity is a hand-listed (established) name another paper introduced."""
    row = lookup(str(ent["name"])) if ent.get("rule") == "gazetteer" else None
    return row is not None and not row.source and introduced_elsewhere(spellings, title)
