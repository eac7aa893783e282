"""``kg_abbreviations``: acronyms defined in parentheses, found with the Schwartz–Hearst algorithm.

"Low-Rank Adaptation (LoRA)" and "RLHF (reinforcement learning from human feedback)" both give the pair
(long form, short form), so the two surfaces can be merged into one entity downstream.
Writes ``doc._.kg_abbrevs``: a list of ``[long_start, long_end, short_start, short_end]`` char offsets.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extract.acronyms import best_long_form, capitals_long_form, initials_long_form, numeral_words, repeated_letters
from extract.doc_data import ABBREVS, text_of
from extract.markup import SCRIPT

# A parenthesis; its content is a short form ("(LoRA)", "(SFT; ...)") or a long form after an acronym.
_PAREN = re.compile(r"\(([^()]{1,100})\)")
_SF_IN = re.compile(r"\s*([A-Za-z0-9][^\s();,]{0,11}(?: [A-Za-z0-9][^\s();,]{0,6})?)\s*(?:$|[;,])")
# A LaTeX superscript or subscript in a short form: a digit superscript counts a letter ("M$^2$AD" is MMAD, like
# "A3C"), any other decorates the name ("QLSD$^{++}$", "PAL$_p$").
_LATEX_COUNT = re.compile(r"\$\^\{?(\d)\}?\$")
_LATEX_DECOR = re.compile(SCRIPT)
_SF_BEFORE = re.compile(r"([A-Za-z][A-Za-z0-9\-]{1,10})\s*$")
_WORD = re.compile(r"\S+")
# (a comma before an article, "we" or "including" opens an apposition or a clause: "M2D2, a second-generation
# masked modeling duo (M2D)", "methods, including Multiple Imputation ...")
_CLAUSE_BREAK = re.compile(
    r"[.;:!?()\[\]]|,\s(?:and|or|which|that|while|we|including|introducing|designed|a|an|the)\b|\b(?:e\.g|i\.e)\b"
)


_CITATION = re.compile(r"\s*[,;]?\s*(?:(?:19|20)\d\d|et al)")
_CITED = re.compile(r"\bet al\b|\b(?:19|20)\d\d[a-z]?\b")
_WORD_BEFORE = re.compile(r"(\w+)\s*$")


def _code_of_word(sf: str, text: str, paren: int) -> bool:
    """A two-letter code made of the first letters of the one word before it ("English (En)", "Hindi (Hi)"):
    a language or country code, which names no technique."""
    if len(sf) != 2 or not sf[0].isupper() or not sf[1].islower():
        return False
    m = _WORD_BEFORE.search(text, max(0, paren - 40), paren)
    return m is not None and m.group(1).startswith(sf) and len(m.group(1)) > 2


def _script_letters(sf: str) -> list[str]:
    """The letters a short form with LaTeX scripts may spell, best reading first: "ZORT$^2$" is ZORT2 (the count
    repeats the T, as in "A3C"), else ZORT; "ZL$_p$" is ZL. A short form without "$" is itself."""
    if "$" not in sf:
        return [sf]
    stripped = _LATEX_DECOR.sub("", sf) or sf
    counted = _LATEX_DECOR.sub("", _LATEX_COUNT.sub(r"\1", sf)) or sf
    return [counted, stripped] if counted != stripped else [stripped]


def _sf_ok(sf: str) -> bool:
    """A plausible short form: has a capital letter, some letters, is not a year or a citation."""
    letters = sum(c.isalpha() for c in sf)
    if sf in _PLACEHOLDERS:
        return False  # "BERT (CITATION)": a corpus's placeholder for a citation, no acronym
    return 2 <= len(sf) <= 12 and letters >= 2 and any(c.isupper() for c in sf) and not sf[:4].isdigit()


_PLACEHOLDERS = frozenset(["CITATION", "CITE", "URL", "EQUATION", "FORMULA", "MATH"])




# Head nouns that describe a long form rather than name it, when the acronym abbreviates none of their letters:
# "Gradient Anomaly-aware Instance Segmentation approach (GAInS)" names "... Segmentation".
_DESCRIPTOR_WORDS = (
    "approach approaches method methods framework frameworks technique techniques algorithm algorithms "
    "strategy strategies scheme schemes paradigm pipeline"
)
_DESCRIPTORS = frozenset(_DESCRIPTOR_WORDS.split())


def trim_descriptor(sf: str, lf: str) -> str:
    """``lf`` without trailing descriptor words in which the acronym's last letter does not occur."""
    last = next((c.lower() for c in reversed(sf) if c.isalnum()), "")
    words = lf.split(" ")
    while len(words) > 2 and words[-1].lower() in _DESCRIPTORS and last not in words[-1].lower():
        words.pop()
    return " ".join(words)


# Function words a long form never starts with: "interactions inside the Siamese-like backbone networks (InBN)"
# matches the I of InBN on "inside", which names nothing. (Not "in", "on", "over" ...: "in context language
# learning (ICLL)" writes "in-context" without its hyphen.)
_NOT_FIRST_WORDS = (
    "a an and are as for from inside into is of onto or the through toward towards upon via with within without "
    "among between across along around against behind beyond throughout"
)
_NOT_FIRST = frozenset(_NOT_FIRST_WORDS.split(" "))


def _rfind_spaced(text: str, lf: str, end: int) -> tuple[int, int]:
    """Span of the last occurrence of the long form ``lf`` (its words joined by single spaces) before ``end``,
    its words separated by any whitespace in ``text`` ("Bayesian  networks", a wrapped line); (-1, -1) if none."""
    ls = text.rfind(lf, 0, end)
    if ls >= 0:
        return ls, ls + len(lf)
    window = max(0, end - 4 * len(lf) - 40)
    hits = list(re.finditer(r"\s+".join(map(re.escape, lf.split(" "))), text[window:end]))
    return (window + hits[-1].start(), window + hits[-1].end()) if hits else (-1, -1)


# "X (Y for short)", "X (or Y for short)": a short form with its own words around it.
_FOR_SHORT_IN = re.compile(r"\s*(?:or\s+)?[\"“]?(?P<sf>[A-Za-z0-9][^\s();,\"”]{0,15})[\"”]?,?\s+for\s+short\s*$")
# "X, or Y for short", "X, Y for short": the same without brackets.
_OR_ACRONYM = re.compile(r",\s+or\s+(?P<sf>[A-Za-z][\w\-+]{1,15})(?=\s*[,.;)])")  # "X, or XA," as a definition
_FOR_SHORT = re.compile(r",\s+(?:or\s+)?[\"“]?(?P<sf>[A-Za-z][\w\-+]{1,15})[\"”]?,?\s+for\s+short\b")


_NUMERAL_WORD = re.compile(r"(?:^|[\s\-])(?:to|for)(?:[\s\-]|$)", re.I)


def _long_form_before(text: str, sf: str, end: int) -> tuple[int, int] | None:
    """Span of the long form of ``sf`` right before ``end`` (Schwartz–Hearst: within the clause, at most
    min(|SF|+5, 2|SF|) words), or None."""
    left = text[max(0, end - 200) : end].rstrip()
    cut = [b.end() for b in _CLAUSE_BREAK.finditer(left)]
    if cut:
        left = left[cut[-1] :]
    words = _WORD.findall(left)
    window = " ".join(words[-min(len(sf) + 5, 2 * len(sf)) :])
    lf = best_long_form(sf, window)
    if lf is not None and sf.isalpha() and (ini := initials_long_form(sf, window)) and len(ini) > len(lf):
        lf = ini  # "test time augmentation (TTA)": every word's initial, not "time augmen(t)(a)tion"
    if lf is None and (rep := repeated_letters(sf)) != sf:  # "Asynchronous Advantage Actor-Critic (A3C)"
        lf = initials_long_form(rep, window)
    if lf is None and (spelled := numeral_words(sf)) != sf:  # "Distance-to-Uniform (D2U)"
        lf = best_long_form(spelled, window)
        if lf and not _NUMERAL_WORD.search(lf):
            lf = None  # the digit's word must stand as a word: "Temporal Identity Inconsistency Network" is no "TI2Net"
    if (caps := capitals_long_form(sf, window)) and (lf is None or len(caps) < len(lf)):
        lf = caps  # "versaTile multi-modAl learning for ... Recognition (TAILOR)": capitals spell it inside words
    lf = lf and trim_descriptor(sf, lf)
    if not lf or len(lf) <= len(sf) or sf.lower() in lf.lower().split() or lf.split(" ", 1)[0] in _NOT_FIRST:
        return None
    ls, lf_end = _rfind_spaced(text, lf, len(text[:end].rstrip()))
    return (ls, lf_end) if ls >= 0 else None


def find_abbreviations(text: str) -> list[list[int]]:
    """All (long form, short form) definitions in ``text`` as ``[ls, le, ss, se]`` offsets."""
    out: list[list[int]] = []
    for m in _PAREN.finditer(text):
        inner = m.group(1)
        sm = _SF_IN.match(inner) or _FOR_SHORT_IN.match(inner)
        if sm and _CITATION.match(inner, sm.end(1)):
            continue  # "as in Le Guin's Gifts (Le Guin, 2006)": a citation, not a definition
        if sm and _sf_ok(sm.group(1)) and not _code_of_word(sm.group(1), text, m.start()):
            sf = sm.group(1)
            span = next((lf for letters in _script_letters(sf) if (lf := _long_form_before(text, letters, m.start()))),
                        None)
            if span is not None:
                ss = m.start(1) + sm.start(1)
                out.append([span[0], span[1], ss, ss + len(sf)])
                continue
        # Reversed form: "RLHF (reinforcement learning from human feedback)".
        before = _SF_BEFORE.search(text, max(0, m.start() - 12), m.start())
        lf = inner.strip()
        if _CITED.search(lf):
            continue  # "the rule of Zorp (Zorp et al., 1998)": a citation
        if before and " " in lf and _sf_ok(before.group(1)) and best_long_form(before.group(1), lf) == lf:
            ls = m.start(1) + inner.find(lf)
            out.append([ls, ls + len(lf), before.start(1), before.end(1)])
    for m in _FOR_SHORT.finditer(text) if "for short" in text else ():
        sf = m.group("sf")
        if _sf_ok(sf) and (span := _long_form_before(text, sf, m.start())) is not None:
            out.append([span[0], span[1], m.start("sf"), m.end("sf")])  # "X, or Y for short"
    for m in _OR_ACRONYM.finditer(text) if ", or " in text else ():
        sf = m.group("sf")  # "Private Aggregation of Teacher Ensembles, or PATE,": letters spelled before it
        if sum(c.isupper() for c in sf) >= 2 and _sf_ok(sf) and all(d[2] != m.start("sf") for d in out) and (
                span := _long_form_before(text, sf, m.start())) is not None:
            out.append([span[0], span[1], m.start("sf"), m.end("sf")])
    return out


@Language.component("kg_abbreviations", assigns=[ABBREVS.attr])
def kg_abbreviations(doc: Doc) -> Doc:
    """Record the acronym definitions of the text."""
    text = text_of(doc)
    ABBREVS.set(doc, find_abbreviations(text) if "(" in text else [])
    return doc
