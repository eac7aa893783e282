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

from extract.lexicon import norm_key

__all__ = ["ORIGINS_FILE", "introduced_by", "mark_origins"]

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


def mark_origins(title: str, ents: Iterable[dict[str, object]]) -> None:
    """Mark as proposed (rule "origin") the entities whose name or a spelling is one the paper introduced."""
    keys = introduced_by(title) if title else frozenset()
    if not keys:
        return
    for ent in ents:
        spellings = [str(ent["name"]), *(str(a) for a in ent.get("aliases") or ())]  # type: ignore[union-attr]
        if not ent["proposed"] and any(norm_key(s) in keys for s in spellings):
            ent["proposed"] = "origin"
