"""``kg_gazetteer``: known names from the curated gazetteers, via one ``PhraseMatcher`` on lower-cased tokens.

Hyphen/space variants of every alias are added as patterns; case rules are applied after matching
(``cs`` entries must match exactly; a capitalised alias does not match all-lower-case prose unless
flagged ``lc``), so "MATH" is not found in "math" and "Natural Questions" not in "natural questions".
Writes ``doc.spans["kg_gaz"]``: spans labelled with the entity type, ``kb_id_`` = canonical name, and
``doc._.kg_gaz_meta``: ``[start_char, end_char, label, name]`` per span (plain data for later components).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from extract.lexicon import Entry, entries, surface_variants

SPAN_KEY = "kg_gaz"

if not Doc.has_extension("kg_gaz_meta"):
    Doc.set_extension("kg_gaz_meta", default=None)


class GazetteerMatcher:
    """Finds gazetteer names in a Doc and applies the per-entry case rules."""

    def __init__(self, nlp: Language, name: str = "kg_gazetteer") -> None:
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries: tuple[Entry, ...] = entries()
        self.exact: list[frozenset[str]] = []
        strings = nlp.vocab.strings
        self.keys: dict[int, tuple[int, bool]] = {}
        for i, e in enumerate(self.entries):
            plural = e.label == "Method"
            variants: dict[bool, set[str]] = {True: set(), False: set()}
            for alias in e.surfaces:
                has_upper = any(c.isupper() for c in alias)
                variants[has_upper] |= surface_variants(alias, plural)
            self.exact.append(frozenset(variants[True] | variants[False]))
            for upper, vs in variants.items():
                if not vs:
                    continue
                key = f"kg_gaz:{i}:{int(upper)}"
                self.keys[strings.add(key)] = (i, upper)
                self.matcher.add(key, list(nlp.tokenizer.pipe(sorted(vs))))

    def __call__(self, doc: Doc) -> Doc:
        """Add one span per accepted match to ``doc.spans["kg_gaz"]``."""
        spans = []
        meta: list[list[str | int]] = []
        for match_id, start, end in self.matcher(doc):
            i, upper = self.keys[match_id]
            e = self.entries[i]
            span = doc[start:end]
            text = span.text
            if "cs" in e.flags:
                if text not in self.exact[i]:
                    continue
            elif upper and "lc" not in e.flags and text.islower():
                continue
            spans.append(Span(doc, start, end, label=e.label, kb_id=e.name))
            meta.append([span.start_char, span.end_char, e.label, e.name])
        doc.spans[SPAN_KEY] = spans
        doc._.kg_gaz_meta = meta
        return doc


@Language.factory("kg_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> GazetteerMatcher:
    """Factory for :class:`GazetteerMatcher` (no config: the gazetteers ship with the package)."""
    return GazetteerMatcher(nlp, name)
