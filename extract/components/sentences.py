"""``kg_sentences``: sentence boundaries as character offsets, from one precompiled regex.

Cheaper than a per-token sentencizer; the title (text before the first blank line) is its own sentence.
Writes ``doc._.kg_sents``: a list of ``[start, end]`` character offsets.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

if not Doc.has_extension("kg_sents"):
    Doc.set_extension("kg_sents", default=None)
if not Doc.has_extension("kg_text"):
    Doc.set_extension("kg_text", default=None)

# A boundary: end punctuation, whitespace, then something that can start a sentence.
_BOUNDARY = re.compile(r"[.!?](?:[\"'”’)\]]*)\s+(?=[A-Z0-9(\[\"“‘'])")
# Words whose final period does not end a sentence.
_ABBREV = frozenset(
    [
        "e.g",
        "i.e",
        "al",
        "etc",
        "vs",
        "cf",
        "fig",
        "figs",
        "eq",
        "eqs",
        "sec",
        "approx",
        "resp",
        "no",
        "nos",
        "dr",
        "mr",
        "ms",
        "prof",
        "st",
        "vol",
        "pp",
        "ca",
        "incl",
        "esp",
        "viz",
    ]
)
_LAST_WORD = re.compile(r"([A-Za-z.]+)\.$")


def split_sentences(text: str, offset: int = 0) -> list[list[int]]:
    """Character spans of the sentences of ``text`` (shifted by ``offset``), whitespace trimmed."""
    out: list[list[int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        head = text[max(start, m.start() - 12) : m.start() + 1]
        w = _LAST_WORD.search(head)
        if w and text[m.start()] == "." and (w.group(1).lower().rstrip(".") in _ABBREV or len(w.group(1)) == 1):
            continue
        end = m.start() + 1
        out.append([offset + start, offset + end])
        start = m.end()
    rest = text[start:].rstrip()
    if rest:
        out.append([offset + start, offset + start + len(rest)])
    return out


_TEXT_KEY = ("._.", "kg_text", None, None)  # where spaCy keeps the value of ``doc._.kg_text``


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from the tokens on every access);
    read straight from ``doc.user_data``, which backs ``doc._.kg_text``, as every component needs it."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc._.kg_text = doc.text
    return text


@Language.component("kg_sentences")
def kg_sentences(doc: Doc) -> Doc:
    """Record sentence offsets; a leading title (before a blank line) is one sentence on its own."""
    text = text_of(doc)
    cut = text.find("\n\n")
    if cut < 0:
        doc._.kg_sents = split_sentences(text)
    else:
        body = cut + 2
        while body < len(text) and text[body].isspace():
            body += 1
        doc._.kg_sents = [[0, cut], *split_sentences(text[body:], body)]
    return doc
