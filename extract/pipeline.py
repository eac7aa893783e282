"""The extraction pipeline: ``spacy.blank("en")`` plus kg's registered components, Abstract -> PaperRecord.

Components (in order): ``kg_sentences``, ``kg_gazetteer``, ``kg_shapes``, ``kg_abbreviations``,
``kg_proposals``, ``kg_entities``, ``kg_relations``, ``kg_results``, ``kg_finalize`` (drops the
intermediate candidates). Each annotates the Doc; this module
only turns the annotations into :class:`~extract.records.PaperRecord` objects. Nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import tee
from typing import TYPE_CHECKING

from extract.records import Abstract, Entity, Mention, PaperRecord, Relation, Result

if TYPE_CHECKING:
    import spacy
    from spacy.tokens import Doc

PIPES: tuple[str, ...] = (
    "kg_sentences",
    "kg_gazetteer",
    "kg_shapes",
    "kg_abbreviations",
    "kg_proposals",
    "kg_entities",
    "kg_relations",
    "kg_results",
    "kg_finalize",
)
SEP = "\n\n"  # between title and abstract in the Doc text


def build_nlp() -> spacy.language.Language:
    """A blank English pipeline with kg's components; everything it needs ships in the package."""
    import spacy

    import extract.components.abbreviations
    import extract.components.entities
    import extract.components.finalize
    import extract.components.gazetteer
    import extract.components.proposals
    import extract.components.relations
    import extract.components.results
    import extract.components.sentences
    import extract.components.shapes  # noqa: F401 - registers the factories

    nlp = spacy.blank("en")
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    for pipe in PIPES:
        nlp.add_pipe(pipe)
    return nlp


class TextKeepingTokenizer:
    """The blank English tokenizer, also keeping the input string on the Doc (``doc._.kg_text``):
    spaCy rebuilds ``doc.text`` from the tokens on every access, which costs more than tokenising."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        """Tokenise ``text`` and keep it on the Doc."""
        doc = self.tokenizer(text)
        doc._.kg_text = text
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenise a stream of texts."""
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> object:
        if name == "tokenizer":  # during unpickling, before __init__ state is restored
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


@lru_cache(maxsize=1)
def _shared_nlp() -> spacy.language.Language:
    import gc

    nlp = build_nlp()
    gc.collect()
    gc.freeze()  # the pipeline's tables live as long as the process: keep them out of every GC pass
    return nlp


def doc_text(a: Abstract) -> str:
    """The text a Doc is made of: title, blank line, abstract."""
    return f"{a.title}{SEP}{a.abstract}"


def record_from_doc(doc: Doc, a: Abstract) -> PaperRecord:
    """Turn the annotations of one Doc into the paper's record (offsets split into title/abstract)."""
    rec = PaperRecord.from_abstract(a)
    body = len(a.title) + len(SEP)
    text = doc_text(a)
    ext = doc._

    def mention(s: int, e: int) -> Mention:
        if s < body:
            return Mention(text[s:e], "title", s, e)
        return Mention(text[s:e], "abstract", s - body, e - body)

    for ent in ext.kg_entities or []:
        rec.entities.append(
            Entity(
                label=ent["label"],
                name=ent["name"],
                mentions=[mention(s, e) for s, e in ent["mentions"]],
                aliases=list(ent["aliases"]),
                parent=ent["parent"] or None,
                rule=ent["rule"],
            )
        )
    for r in ext.kg_relations or []:
        s, e = r["start"], r["end"]
        in_abs = s is not None and s >= body
        rec.relations.append(
            Relation(
                type=r["type"],
                source=a.id if r["source"] is None else r["source"],
                target=r["target"],
                evidence=r["evidence"] or (text[s:e] if s is not None else ""),
                confidence=r["confidence"],
                start=s - body if in_abs else None,
                end=e - body if in_abs else None,
                rule=r["rule"],
            )
        )
    for r in ext.kg_results or []:
        s, e = r["span"]
        rec.results.append(Result(r["model"], r["benchmark"], r["metric"], r["value"], r["unit"], text[s:e]))
    return rec


def extract_records(abstracts: Iterable[Abstract], *, workers: int = 1, batch_size: int = 64) -> Iterator[PaperRecord]:
    """Streaming, order-preserving; workers>1 uses nlp.pipe(n_process=workers). One PaperRecord per Abstract."""
    nlp = _shared_nlp()
    texts, metas = tee(abstracts)
    docs = nlp.pipe((doc_text(a) for a in texts), batch_size=batch_size, n_process=max(1, workers))
    for doc, a in zip(docs, metas, strict=True):
        yield record_from_doc(doc, a)


def extract_one(abstract: Abstract) -> PaperRecord:
    """Convenience: the record of a single abstract."""
    return next(extract_records([abstract]))
