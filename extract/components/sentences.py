"""``kg_sentences``: sentence boundaries as character offsets, from one precompiled regex.

Cheaper than a per-token sentencizer (the splitter is :func:`extract.sentences.split_sentences`, which
evidence sentences in the graph use too); the title (text before the first blank line) is its own sentence.
Writes ``doc._.kg_sents``: a list of ``[start, end]`` character offsets.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.sentences import split_sentences

if not Doc.has_extension("kg_sents"):
    Doc.set_extension("kg_sents", default=None)
if not Doc.has_extension("kg_text"):
    Doc.set_extension("kg_text", default=None)

_SENTS_KEY = ("._.", "kg_sents", None, None)
_ENTITIES_KEY = ("._.", "kg_entities", None, None)
_TEXT_KEY = ("._.", "kg_text", None, None)  # where spaCy keeps the value of ``doc._.kg_text``


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from the tokens on every access);
    read straight from ``doc.user_data``, which backs ``doc._.kg_text``, as every component needs it."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc._.kg_text = doc.text
    return text


def sents_of(doc: Doc) -> list[list[int]]:
    """``doc._.kg_sents`` (``[start, end]`` character offsets), or the whole text as one sentence."""
    return doc.user_data.get(_SENTS_KEY) or [[0, len(text_of(doc))]]


def entities_of(doc: Doc) -> list[dict]:
    """``doc._.kg_entities`` as ``kg_entities`` left it (empty before it ran)."""
    return doc.user_data.get(_ENTITIES_KEY) or []


_STARTS_KEY = ("kg", "token_starts", None, None)  # user_data: character offset of every token


def token_starts(doc: Doc) -> list[int]:
    """The character offset of every token, computed once per Doc (kept in ``doc.user_data``)."""
    starts = doc.user_data.get(_STARTS_KEY)
    if starts is None:
        starts = doc.user_data[_STARTS_KEY] = doc.to_array(IDX).tolist() if len(doc) else []
    return starts


def span_at(doc: Doc, start: int, end: int, label: str = "", kb_id: str = "") -> Span | None:
    """``doc.char_span(start, end, label, kb_id, alignment_mode="expand")``, found by bisection in
    :func:`token_starts` (char_span looks tokens up one by one, which costs more than the components'
    own work on a short abstract)."""
    starts = token_starts(doc)
    if not starts or end <= start:
        return None
    i = max(0, bisect_right(starts, start) - 1)
    j = max(i + 1, bisect_left(starts, end))
    return Span(doc, i, j, label=label, kb_id=kb_id)


@Language.component("kg_sentences")
def kg_sentences(doc: Doc) -> Doc:
    """Record sentence offsets; a leading title (before a blank line) is one sentence on its own."""
    text = text_of(doc)
    cut = text.find("\n\n")
    if cut < 0:
        doc.user_data[_SENTS_KEY] = split_sentences(text)  # doc._.kg_sents
    else:
        body = cut + 2
        while body < len(text) and text[body].isspace():
            body += 1
        doc.user_data[_SENTS_KEY] = [[0, cut], *split_sentences(text[body:], body)]
    return doc
