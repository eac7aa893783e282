"""Papers with Code spellings of names the hand-made gazetteers own.

``build_pwc.py`` drops every PwC row whose name a hand-made row already has ("SQuAD", "PaLM"), and with it
the row's full name ("Stanford Question Answering Dataset", "Pathways Language Model"), which abstracts write
as often as the acronym. This module gives those spellings back to the hand-made row, as aliases, when they
are safely the same thing:

  * the types agree (data with data, technique or model with technique or model: "CCNet" the corpus is not
    the Criss-Cross Network);
  * the spelling expands one of the row's acronyms (Schwartz & Hearst); the name with a word added ("GloVe
    Embeddings", "KILT Benchmark") is left out, as the hand-made rows leave out what may name another part;
  * the row does not already spell out an acronym: a hand-made "SAC" that means Soft Actor-Critic gets no
    "Switchable Atrous Convolution";
  * no bracket or slash ("Wasserstein GAN (Gradient Penalty)" is another method), and no key another row has.

The result is written as ``generated/aliases.pwc.tsv`` (``name<TAB>type<TAB>aliases``); ``extract.lexicon``
adds these aliases to the hand-made row of that name and type.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from extract.acronyms import best_long_form
from extract.lexicon import GAZETTEER_FILES, norm_key

__all__ = ["HandRow", "alias_lines", "hand_aliases", "hand_rows"]

_KIND = {"Benchmark": "data", "Dataset": "data", "Method": "technique", "Model": "technique"}


class PwcRow(Protocol):
    """What is read of a generated row (``build_pwc.Row``)."""

    name: str
    label: str
    aliases: list[str]


class HandRow:
    """A hand-made gazetteer row: its name, type and every surface (name first)."""

    def __init__(self, name: str, label: str, surfaces: list[str]) -> None:
        self.name, self.label, self.surfaces = name, label, surfaces

    def acronyms(self) -> list[str]:
        """Surfaces that are one token with two capitals or more ("SQuAD", "PaLM", "MS-COCO")."""
        return [s for s in self.surfaces if " " not in s and sum(ch.isupper() for ch in s) >= 2]

    def spelled_out(self) -> bool:
        """Whether a surface already expands one of the row's acronyms ("SAC" / "Soft Actor-Critic")."""
        return any(
            " " in s and best_long_form(a, s) == s for a in self.acronyms() for s in self.surfaces if s != a
        )


def hand_rows(gazetteers: Path) -> dict[str, HandRow]:
    """Normalised key of every surface of the hand-made files -> its row (the first row wins)."""
    out: dict[str, HandRow] = {}
    for label, filename in GAZETTEER_FILES.items():
        for line in (gazetteers / filename).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = [*line.split("\t"), ""]
            surfaces = [x.strip() for x in [cols[0], *cols[1].split("|")] if x.strip()]
            row = HandRow(surfaces[0], label, surfaces)
            for s in surfaces:
                out.setdefault(norm_key(s), row)
    return out


def _same_thing(row: HandRow, alias: str) -> bool:
    """Whether ``alias`` spells out one of ``row``'s acronyms.

    >>> squad = HandRow("SQuAD", "Benchmark", ["SQuAD"])
    >>> _same_thing(squad, "Stanford Question Answering Dataset"), _same_thing(squad, "Self-Attention")
    (True, False)
    >>> _same_thing(HandRow("GloVe", "Model", ["GloVe"]), "GloVe Embeddings")
    False
    """
    if any(ch in alias for ch in "()[]/") or " " not in alias.strip():
        return False
    words = {norm_key(w) for w in alias.split()}
    return any(best_long_form(a, alias) == alias and norm_key(a) not in words for a in row.acronyms())


def hand_aliases(rows: Iterable[PwcRow], hand: dict[str, HandRow], taken: set[str]) -> dict[HandRow, list[str]]:
    """For each generated row whose name a hand-made row owns, the spellings that row gains (see the module
    docstring). ``taken``: keys any gazetteer row already has; keys given out are added to it."""
    out: dict[HandRow, list[str]] = {}
    for r in rows:
        row = hand.get(norm_key(r.name))
        if row is None or _KIND.get(row.label) != _KIND.get(r.label) or row.spelled_out():
            continue
        for alias in [r.name, *r.aliases]:
            key = norm_key(alias)
            if key not in taken and _same_thing(row, alias):
                taken.add(key)
                out.setdefault(row, []).append(alias)
    return out


def alias_lines(aliases: dict[HandRow, list[str]]) -> list[str]:
    """``name<TAB>type<TAB>aliases`` lines, sorted."""
    return sorted(f"{row.name}\t{row.label}\t{'|'.join(a)}" for row, a in aliases.items())
