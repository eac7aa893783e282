"""The extraction pipeline: ``spacy.blank("en")`` plus kg's registered components, Abstract -> PaperRecord.

Components (in order): ``kg_sentences``, ``kg_gazetteer``, ``kg_shapes``, ``kg_abbreviations``,
``kg_proposals``, ``kg_entities``, ``kg_relations``, ``kg_results``, ``kg_finalize`` (drops the
intermediate candidates). Each annotates the Doc; this module
only turns the annotations into :class:`~extract.records.PaperRecord` objects. Nothing is downloaded.
The tokenizer is spaCy's English one with lean prefix/suffix rules (see :func:`lean_tokenizer`).

More processes: :mod:`extract.workers` (``kg extract --workers N``) runs this pipeline on batches in forked
worker processes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import tee
from typing import TYPE_CHECKING

from extract.doc_data import ENTITIES, RELATIONS, RESULTS, TEXT
from extract.markup import blank_markup
from extract.records import Abstract, Entity, Mention, PaperRecord, Relation, Result

if TYPE_CHECKING:
    import spacy
    from spacy.tokens import Doc

# The pipeline's components in order. Each declares what it assigns and requires on the Doc
# (extract/doc_data.py); tests/test_pipeline.py checks with ``nlp.analyze_pipes`` that every requirement is
# assigned by an earlier component.
PIPES: tuple[str, ...] = (
    "kg_sentences",  # doc._.kg_sents
    "kg_gazetteer",  # doc._.kg_gaz_meta: known names (curated and Papers with Code gazetteers)
    "kg_shapes",  # doc._.kg_shape_meta: name-shaped candidates, needs the gazetteer's model matches
    "kg_abbreviations",  # doc._.kg_abbrevs: "long form (LF)" definitions
    "kg_proposals",  # doc._.kg_proposed_meta: what the paper proposes
    "kg_entities",  # doc._.kg_entities (+ doc.ents): candidates resolved, typed and named
    "kg_relations",  # doc._.kg_relations
    "kg_results",  # doc._.kg_results
    "kg_finalize",  # drops the intermediate data
)
SEP = "\n\n"  # between title and abstract in the Doc text


def build_nlp(ents: bool = True, lean: bool = False) -> spacy.language.Language:
    """A blank English pipeline with kg's components; everything it needs ships in the package.
    ``ents``: also set ``doc.ents`` (the record pipeline of :func:`extract_records` does not need them);
    ``lean``: words get only the lexeme attributes the components read (:func:`lean_lexemes`)."""
    import spacy

    import extract.components  # noqa: F401 - registers the factories (one import, see its docstring)

    nlp = spacy.blank("en")
    nlp.tokenizer = TextKeepingTokenizer(lean_tokenizer(nlp))
    if lean:  # before the components tokenise their patterns: ~13k pattern words are new lexemes too
        lean_lexemes(nlp)
    config: dict[str, dict[str, bool]] = {
        # The candidate span groups are only for inspection (kg_finalize drops them); later components read
        # the plain meta lists, so the pipeline does not build Span objects for them.
        "kg_gazetteer": {"spans": False},
        "kg_shapes": {"spans": False},
        "kg_proposals": {"spans": False},
        "kg_entities": {"ents": ents},  # records read doc._.kg_entities; Span objects for doc.ents cost ~0.02 ms
    }
    for pipe in PIPES:
        nlp.add_pipe(pipe, config=config.get(pipe, {}))
    # The components tokenised thousands of gazetteer patterns; with their chunks left in the tokenizer's
    # cache, tokenising abstracts was measurably slower (~0.07 ms per abstract): start from an empty cache.
    flush = getattr(nlp.tokenizer.tokenizer, "_flush_cache", None)
    if flush is not None:
        flush()
    return nlp


# Prefixes and suffixes split off a whitespace-delimited chunk: brackets, quotes, end punctuation, %.
_PREFIXES = [r"[\[\(\"'“‘«<{$£€…`*”’]"]
_SUFFIXES = [r"[\]\)\"'”’“‘»>},.;:!?%…`*]", r"(?<=[0-9])(?:%|°[CF]?)", r"'s", r"’s", r"n't", r"\.\.+"]
# What a suffix match ends with: a character of SUFFIX_LAST, or a letter after one of SUFFIX_BEFORE_LAST
# ("'s", "’s", "n't", "°C"); and the characters an English infix match starts with (besides the symbols of
# ``LIST_ICONS``): hyphens, dashes, ellipses, "." "," ":" "<" ">" "=" "/" and "+-*^" between digits.
# tests/test_pipeline.py holds each guard to the bare regex.
SUFFIX_LAST = frozenset("])\"'”’“‘»>},.;:!?%…`*°")
SUFFIX_BEFORE_LAST = frozenset("'’°")
INFIX_CHARS = ".…+-*^,:<>=/~–—"


def lean_tokenizer(nlp: spacy.language.Language) -> spacy.tokenizer.Tokenizer:
    """spaCy's English tokenizer (same exceptions, infixes, URL and token matching) with short prefix and
    suffix rules instead of English's long Unicode ones (currency symbols, units, emoticons ...).

    Its regexes were most of the tokenizer's time on abstracts; the lean ones tokenise ~30% faster. Tokens
    differ in ~7% of abstracts (``BDD100K`` stays one token, ``CVaR.`` loses its period), which does not
    matter here: kg's components work on character offsets, and gazetteer patterns are tokenised with
    the same tokenizer as the text. The suffix and infix regexes sit behind guards (:class:`SuffixGuard`,
    :class:`InfixGuard`) that skip them on chunks no match can come from; the tokens are the same."""
    from spacy.lang.char_classes import LIST_ICONS
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    base = nlp.tokenizer
    infix_chars = re.compile("[" + re.escape(INFIX_CHARS) + "]|" + "|".join(LIST_ICONS))
    return Tokenizer(
        nlp.vocab,
        rules=nlp.Defaults.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(_PREFIXES).search,  # "^[...]": fails at once, no guard needed
        suffix_search=SuffixGuard(compile_suffix_regex(_SUFFIXES).search),
        infix_finditer=InfixGuard(base.infix_finditer, infix_chars.search),
        token_match=base.token_match,
        url_match=base.url_match,
    )


class SuffixGuard:
    """A suffix search that first looks at the chunk's last two characters (see SUFFIX_LAST): most chunks, plain
    words, skip the regex, which tries every position of the chunk. Same results as ``search``; a class rather
    than a closure so that the tokenizer still pickles."""

    def __init__(self, search: Callable[[str], re.Match[str] | None]) -> None:
        self.search = search
        self.__self__ = getattr(search, "__self__", None)  # the pattern, which Tokenizer.to_bytes saves

    def __call__(self, chunk: str) -> re.Match[str] | None:
        """``search(chunk)``, or None when the chunk's end cannot be a suffix."""
        if chunk[-1:] in SUFFIX_LAST or chunk[-2:-1] in SUFFIX_BEFORE_LAST:
            return self.search(chunk)
        return None


class InfixGuard:
    """An infix ``finditer`` that runs only on chunks holding a character an infix can start with
    (~0.02 ms of ~0.2 per abstract); same matches as ``finditer``."""

    def __init__(self, finditer: Callable[[str], Iterator[re.Match[str]]],
                 has_char: Callable[[str], re.Match[str] | None]) -> None:
        self.finditer, self.has_char = finditer, has_char
        self.__self__ = getattr(finditer, "__self__", None)  # the pattern, which Tokenizer.to_bytes saves

    def __call__(self, chunk: str) -> Iterator[re.Match[str]]:
        """``finditer(chunk)``, or no matches when no character of the chunk can start one."""
        return self.finditer(chunk) if self.has_char(chunk) is not None else iter(())


class TextKeepingTokenizer:
    """The blank English tokenizer, also keeping the input string on the Doc (``doc._.kg_text``):
    spaCy rebuilds ``doc.text`` from the tokens on every access, which costs more than tokenising."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        """Tokenise ``text`` and keep it on the Doc."""
        doc = self.tokenizer(text)
        TEXT.set(doc, text)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenise a stream of texts."""
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> object:
        if name == "tokenizer":  # during unpickling, before __init__ state is restored
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def lean_lexemes(nlp: spacy.language.Language) -> None:
    """New words get only the lexeme attributes kg's components read: ``LOWER`` (the PhraseMatchers) and
    the flags components add (``kg_shapes``' name-shape flag, added later, is kept too), not spaCy's other
    ~20 (shape, like_num, is_stop ...). Computing those for every new word was ~8% of extraction time on
    real abstracts; the records are unchanged (tests/test_pipeline.py compares them). So a component of the
    lean pipeline must not read ``token.is_*``/``like_*``/``shape_``/``norm_``: new words leave them unset."""
    from spacy.attrs import IDS, LOWER

    standard = {v for k, v in IDS.items() if not k.startswith("FLAG")} - {IDS["IS_OOV_DEPRECATED"]}
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {k: f for k, f in getters.items() if k == LOWER or k not in standard}


@lru_cache(maxsize=1)
def shared_nlp() -> spacy.language.Language:
    """The record pipeline of this process, built on first use (worker processes fork after it is built)."""
    import gc

    nlp = build_nlp(ents=False, lean=True)  # records are made from doc._.kg_entities, not doc.ents
    gc.collect()
    gc.freeze()  # the pipeline's tables live as long as the process: keep them out of every GC pass
    return nlp


def doc_text(a: Abstract) -> str:
    """The text a Doc is made of: title, blank line, abstract, with font markup blanked (same offsets as the
    raw text, which records quote: :func:`extract.markup.blank_markup`)."""
    return blank_markup(f"{a.title}{SEP}{a.abstract}")


def record_from_doc(doc: Doc, a: Abstract) -> PaperRecord:
    """Turn the annotations of one Doc into the paper's record (offsets split into title/abstract)."""
    rec = PaperRecord.from_abstract(a)
    body = len(a.title) + len(SEP)
    text = f"{a.title}{SEP}{a.abstract}"  # mentions and evidence quote the text as written

    def mention(s: int, e: int) -> Mention:
        if s < body:
            return Mention(text[s:e], "title", s, e)
        return Mention(text[s:e], "abstract", s - body, e - body)

    for ent in ENTITIES.get(doc, []):
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
    for r in RELATIONS.get(doc, []):
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
    for r in RESULTS.get(doc, []):
        s, e = r["span"]
        rec.results.append(Result(r["model"], r["benchmark"], r["metric"], r["value"], r["unit"], text[s:e]))
    return rec


def extract_records(abstracts: Iterable[Abstract], *, batch_size: int = 64) -> Iterator[PaperRecord]:
    """Streaming, order-preserving, one PaperRecord per Abstract, in this process (for several processes:
    :func:`extract.workers.parallel_records`)."""
    texts, metas = tee(abstracts)
    docs = shared_nlp().pipe((doc_text(a) for a in texts), batch_size=batch_size)
    for doc, a in zip(docs, metas, strict=True):
        yield record_from_doc(doc, a)


def extract_one(abstract: Abstract) -> PaperRecord:
    """Convenience: the record of a single abstract."""
    return next(extract_records([abstract]))
