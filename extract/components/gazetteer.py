"""``kg_gazetteer``: known names from the curated gazetteers, via one ``PhraseMatcher`` on lower-cased tokens.

Hyphen/space variants of every alias are added as patterns (tokenised by a copy of the pipeline's tokenizer,
see :func:`pattern_tokenizer`); case rules are applied after matching
(``cs`` entries must match exactly; a capitalised alias does not match all-lower-case prose unless
flagged ``lc``), so "MATH" is not found in "math" and "Natural Questions" not in "natural questions"; a
``head`` entry ("VQA", a data set named by its task's acronym) is found only right before a data noun.
Writes ``doc.spans["kg_gaz"]``: spans labelled with the entity type, ``kb_id_`` = canonical name, and
``doc._.kg_gaz_meta``: ``[start_char, end_char, label, name]`` per span (plain data for later components).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from extract.doc_data import GAZ_META, text_of, token_starts
from extract.lexicon import Entry, case_ok, entries, is_acronym_alias, key_index, norm_key, surface_variants

SPAN_KEY = "kg_gaz"
# A lower-case word with an inner hyphen, and the words of a window around it ("de-noising auto-encoder" is the
# known "denoising autoencoder": split compounds are spelled every way, which no pattern list can enumerate).
_LETTERS = re.compile(r"[A-Za-z\-]*")
_WORD = re.compile(r"[A-Za-z][\w\-]*")
_WINDOW = 4  # words
# "convolutional network", the short form of "convolutional neural network" (lexicon.surface_variants), after a
# word that makes another architecture family of it.
_SHORT_NET = re.compile(r"[A-Za-z]+(?:al|ent|ive)[ \-]net(?:work)?s?", re.IGNORECASE)
_FAMILY_BEFORE = re.compile(
    r"\b(?:fully|temporal|deformable|dilated|causal|gated|spiking|capsule|graph|quantum)[ \-]$", re.IGNORECASE
)
# What must surround a ``head`` entry for it to name the data and not the task: "on the VQA dataset", not
# "VQA datasets", "a knowledge-based VQA dataset" or "TM-VQA dataset" (a singular noun, "the" or a preposition).
_DATA_NOUN = re.compile(r"[\s\-]+(?:dataset|data set|benchmark|corpus|challenge|test set)\b", re.I)
_DATA_BEFORE = re.compile(
    r"(?<![\w\-])(?:(?:the|on|in|from|of|with)\s+|the\s+(?:(?:challenging|popular|standard|widely[- ]used|"
    r"well[- ]known|public|publicly available|large-scale|official|original|famous|benchmark)\s+){1,2})$",
    re.I,
)  # "the challenging VQA dataset": a word that rates the data set, not one that makes a kind of it



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


_CAMEL = re.compile(r"[A-Z][A-Za-z\-]*[a-z][A-Z][A-Za-z\-]*")  # an inner capital after a small letter

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
        # Spellings matched only as written (entry index -> lower case -> as written): a model family's one-word
        # camel-case name in the plural ("DenseNets", "DeiTs"; not the "LLAMAS" data set for LLaMA; not acronyms:
        # "GLMs" are generalized linear models), and the acronym of a row mined from the corpus ("NODE", not "node").
        self.as_written: dict[int, dict[str, str]] = {}
        for i, e in enumerate(self.entries):
            plural = e.label == "Method"
            variants: dict[bool, set[str]] = {True: set(), False: set()}
            for alias in e.surfaces:
                has_upper = any(c.isupper() for c in alias)
                variants[has_upper] |= surface_variants(alias, plural)
                if e.label == "Model" and _CAMEL.fullmatch(alias) is not None:
                    self.as_written.setdefault(i, {})[alias.lower() + "s"] = alias + "s"
                    variants[has_upper].add(alias + "s")
                if e.source == "corpus" and alias in e.aliases and is_acronym_alias(alias):
                    self.as_written.setdefault(i, {}).update((v.lower(), v) for v in surface_variants(alias, plural))
                elif plural and is_acronym_alias(alias) and alias[-1].isupper():
                    self.as_written.setdefault(i, {})[alias.lower() + "s"] = alias + "s"  # "GPs", never "GPS"
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
        # (start, end) order, as the matcher gives them; rows matching one span in row order (the first row wins
        # as in ``key_index``), not in the order of their match keys' hashes, which shift when a row is added
        matches = sorted(self.matcher(doc), key=lambda m: (m[1], m[2], self.keys[m[0]][0]))
        if matches:
            full = text_of(doc)
            starts = token_starts(doc)
        for match_id, start, end in matches:
            i, upper = self.keys[match_id]
            e = self.entries[i]
            a = starts[start]  # character offsets from the token starts: no Token/Span objects per match
            text = full[a : starts[end] if end < len(starts) else len(full)].rstrip()
            if (fam := self.as_written.get(i)) is not None and fam.get(text.lower(), text) != text:
                continue  # a family's plural or a mined acronym in another case
            if "cs" in e.flags:
                if text not in self.exact[i]:
                    continue
            elif upper and "lc" not in e.flags and text.islower():
                continue
            if _SHORT_NET.fullmatch(text) and _FAMILY_BEFORE.search(full, max(0, a - 12), a):
                continue  # "fully convolutional network" is FCN, "temporal convolutional network" TCN: not CNN
            if a > 2 and full[a - 1] == "-" and full[a - 3 : a - 1].isalpha() and text[:1].islower():
                continue  # "multi-channel attention", "self-supervised contrastive learning": another compound
                # (a one-letter prefix is part of the name: "k-nearest neighbor search")
            if "head" in e.flags and (
                _DATA_NOUN.match(full, a + len(text)) is None or _DATA_BEFORE.search(full, max(0, a - 40), a) is None
            ):
                continue
            if self.spans:
                spans.append(Span(doc, start, end, label=e.label, kb_id=e.name))
            meta.append([a, a + len(text), e.label, e.name])
        if "-" in (full := text_of(doc)):
            for a, b, e in split_compounds(full, [(m[0], m[1]) for m in meta]):
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
    index, starts = key_index(), _method_starts()
    out: list[tuple[int, int, Entry]] = []
    known = set(taken)
    end = 0
    h = text.find("-")
    while h > 0:
        if h < end or not (text[h - 1].islower() and text[h + 1 : h + 2].islower()):
            h = text.find("-", h + 1)
            continue  # another hyphen of the word just seen, or not between lower-case letters
        start, end = _word_bounds(text, h)
        h = text.find("-", end)
        word = text[start:end]
        if (
            (out and out[-1][1] > start)
            or not (word.islower() and word.replace("-", "").isalpha())
            or (start > 0 and text[start - 1].isalnum())
            or _word_key(word) not in _method_pieces()[0]
        ):
            continue  # inside the compound just found; not a lower-case compound; or in no technique's key
        before = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text, max(0, start - 45), start)]
        words = [(a, b, _word_key(w)) for a, b, w in before[max(0, len(before) - _WINDOW + 1) :]]
        i = len(words)
        words.append((start, end, _word_key(word)))
        for m in _WORD.finditer(text, end, min(len(text), end + 45)):
            if len(words) >= i + _WINDOW:
                break
            words.append((m.start(), m.end(), _word_key(m.group(0))))
        best: tuple[int, int, Entry] | None = None
        for first in range(max(0, i - _WINDOW + 1), i + 1):
            if out and words[first][0] < out[-1][1]:
                continue
            key = ""
            for last in range(first, min(len(words), first + _WINDOW)):
                key += words[last][2]
                if key not in starts:
                    break  # no technique's name starts with these words
                if last < i:
                    continue
                a, b = words[first][0], words[last][1]
                e = index.get(key)
                if e is None or (best is not None and b - a <= best[1] - best[0]) or (a, b) in known:
                    continue
                s = text[a:b]
                if e.label == "Method" and not any(c in s for c in ".,;:()") and case_ok(e, s) and norm_key(s) == key:
                    best = (a, b, e)
        if best is not None:
            out.append(best)
    return out


@lru_cache(maxsize=1)
def _method_pieces() -> tuple[frozenset[str], frozenset[str]]:
    """Keys of every run of consecutive words (split at spaces and hyphens) of every technique's surface, and
    of the runs that start the surface: a hyphenated word can only join a technique's name as one of the
    first ("de-noising" as "denoising"), and a window of words only grows while it is one of the second."""
    pieces: set[str] = set()
    starts: set[str] = set()
    for e in entries():
        if e.label == "Method":
            for surface in e.surfaces:
                words = [norm_key(w) for w in re.split(r"[\s\-]+", surface)]
                pieces.update("".join(words[a:b]) for a in range(len(words)) for b in range(a + 1, len(words) + 1))
                starts.update("".join(words[:b]) for b in range(1, len(words) + 1))
    return frozenset(pieces), frozenset(starts)


def _method_starts() -> frozenset[str]:
    return _method_pieces()[1]


def _word_bounds(text: str, i: int) -> tuple[int, int]:
    """Start and end of the word of ASCII letters and hyphens around position ``i`` (C-speed: the slice
    before it is read backwards)."""
    back = _LETTERS.match(text[max(0, i - 40) : i][::-1])
    return i - (back.end() if back else 0), _LETTERS.match(text, i + 1).end()  # type: ignore[union-attr]


def _word_key(word: str) -> str:
    """``norm_key`` of one word, fast for ASCII words (the key of a window is its words' keys joined)."""
    return word.lower().replace("-", "").replace("_", "") if word.isascii() else norm_key(word)


@Language.factory("kg_gazetteer", default_config={"spans": True}, assigns=[GAZ_META.attr])
def make_gazetteer(nlp: Language, name: str, spans: bool) -> GazetteerMatcher:
    """Factory for :class:`GazetteerMatcher` (the gazetteers ship with the package; ``spans``: also write
    ``doc.spans["kg_gaz"]``)."""
    return GazetteerMatcher(nlp, name, spans)
