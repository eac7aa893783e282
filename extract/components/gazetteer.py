"""``kg_gazetteer``: known names from the curated gazetteers, via one ``PhraseMatcher`` on lower-cased tokens.

Hyphen/space variants of every alias are added as patterns (tokenised by a copy of the pipeline's tokenizer,
see :func:`pattern_tokenizer`); case rules are applied after matching
(``cs`` entries must match exactly; a capitalised alias does not match all-lower-case prose unless
flagged ``lc``), so "MATH" is not found in "math" and "Natural Questions" not in "natural questions".
Writes ``doc.spans["kg_gaz"]``: spans labelled with the entity type, ``kb_id_`` = canonical name, and
``doc._.kg_gaz_meta``: ``[start_char, end_char, label, name]`` per span (plain data for later components).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from extract.doc_data import GAZ_META, text_of, token_starts
from extract.lexicon import Entry, case_ok, entries, key_index, norm_key, surface_variants

SPAN_KEY = "kg_gaz"
# A lower-case word with an inner hyphen, and the words of a window around it ("de-noising auto-encoder" is the
# known "denoising autoencoder": split compounds are spelled every way, which no pattern list can enumerate).
_HYPHENATED = re.compile(r"(?<![\w\-])[a-z]+(?:-[a-z]+)+(?![\w\-])")
_WORD = re.compile(r"[A-Za-z][\w\-]*")
_WINDOW = 4  # words



def pattern_tokenizer(nlp: Language) -> Tokenizer:
    """A copy of the pipeline's tokenizer (same rules, same vocab) for the patterns: tokenising ~13k
    patterns with the pipeline's own tokenizer filled its chunk cache and made it ~3x slower on abstracts
    for the rest of the process (flushing the cache did not help)."""
    tok = nlp.tokenizer
    return Tokenizer(
        nlp.vocab,
        rules=tok.rules,
        prefix_search=tok.prefix_search,
        suffix_search=tok.suffix_search,
        infix_finditer=tok.infix_finditer,
        token_match=tok.token_match,
        url_match=tok.url_match,
    )


class GazetteerMatcher:
    """Finds gazetteer names in a Doc and applies the per-entry case rules."""

    def __init__(self, nlp: Language, name: str = "kg_gazetteer", spans: bool = True) -> None:
        self.name = name
        self.spans = spans  # also write the span group (the meta list alone is what later components read)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries: tuple[Entry, ...] = entries()
        self.exact: list[frozenset[str]] = []
        strings = nlp.vocab.strings
        tokenizer = pattern_tokenizer(nlp)
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
                self.matcher.add(key, list(tokenizer.pipe(sorted(vs))))

    def __call__(self, doc: Doc) -> Doc:
        """Add one span per accepted match to ``doc.spans["kg_gaz"]``."""
        spans = []
        meta: list[list[str | int]] = []
        matches = self.matcher(doc)
        if matches:
            full = text_of(doc)
            starts = token_starts(doc)
        for match_id, start, end in matches:
            i, upper = self.keys[match_id]
            e = self.entries[i]
            a = starts[start]  # character offsets from the token starts: no Token/Span objects per match
            text = full[a : starts[end] if end < len(starts) else len(full)].rstrip()
            if "cs" in e.flags:
                if text not in self.exact[i]:
                    continue
            elif upper and "lc" not in e.flags and text.islower():
                continue
            if self.spans:
                spans.append(Span(doc, start, end, label=e.label, kb_id=e.name))
            meta.append([a, a + len(text), e.label, e.name])
        if "-" in doc.text:
            for a, b, e in split_compounds(text_of(doc), [(m[0], m[1]) for m in meta]):
                if self.spans and (span := doc.char_span(a, b)) is not None:
                    spans.append(Span(doc, span.start, span.end, label=e.label, kb_id=e.name))
                meta.append([a, b, e.label, e.name])
            meta.sort(key=lambda m: m[0])
        if self.spans:
            doc.spans[SPAN_KEY] = spans
        GAZ_META.set(doc, meta)
        return doc


def split_compounds(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, Entry]]:
    """Known techniques written with hyphens inside lower-case words ("auto-encoder", "de-noising
    auto-encoder"), found by normalised key over windows of up to ``_WINDOW`` words around each such word:
    longest first, not repeating a span in ``taken`` (a longer one may cover a pattern match: "de-noising" +
    "auto-encoder"), never overlapping each other, same case rules as the patterns. Only Method rows: in
    lower-case prose a split compound that keys to a data or model name is a description ("path-based")."""
    index = key_index()
    out: list[tuple[int, int, Entry]] = []
    known = set(taken)
    busy: list[tuple[int, int]] = []
    for h in _HYPHENATED.finditer(text):
        if any(a < h.end() and h.start() < b for a, b in busy):
            continue
        lo, hi = max(0, h.start() - 60), min(len(text), h.end() + 60)
        words = [(m.start() + lo, m.end() + lo) for m in _WORD.finditer(text[lo:hi])]
        i = next(k for k, (a, _) in enumerate(words) if a == h.start())
        best: tuple[int, int, Entry] | None = None
        for first in range(max(0, i - _WINDOW + 1), i + 1):
            for last in range(min(len(words) - 1, first + _WINDOW - 1), i - 1, -1):
                a, b = words[first][0], words[last][1]
                if best is not None and b - a <= best[1] - best[0]:
                    continue
                if (a, b) in known or any(c in text[a:b] for c in ".,;:()") or any(x < b and a < y for x, y in busy):
                    continue
                e = index.get(norm_key(text[a:b]))
                if e is not None and e.label == "Method" and case_ok(e, text[a:b]):
                    best = (a, b, e)
        if best is not None:
            out.append(best)
            busy.append(best[:2])
    return out


@Language.factory("kg_gazetteer", default_config={"spans": True}, assigns=[GAZ_META.attr])
def make_gazetteer(nlp: Language, name: str, spans: bool) -> GazetteerMatcher:
    """Factory for :class:`GazetteerMatcher` (the gazetteers ship with the package; ``spans``: also write
    ``doc.spans["kg_gaz"]``)."""
    return GazetteerMatcher(nlp, name, spans)
