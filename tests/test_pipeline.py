"""The pipeline: blank("en") + kg components; Abstract -> PaperRecord, streaming and in order."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.pipeline import PIPES, build_nlp, extract_one, extract_records
from extract.records import Abstract, PaperRecord
from extract.workers import parallel_records

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer

ABSTRACT = Abstract(
    id="p1",
    title="FooLM: Scaling Things",
    abstract=(
        "We introduce FooLM, a 7B language model trained with Low-Rank Adaptation (LoRA). "
        "FooLM reaches 58.8% accuracy on GSM8K, outperforming GPT-4 and Llama-2-13B-chat."
    ),
    source="test:1",
)


def test_build_nlp_has_the_components() -> None:
    nlp = build_nlp()
    assert tuple(nlp.pipe_names) == PIPES
    assert nlp.lang == "en"


def test_extract_one() -> None:
    rec = extract_one(ABSTRACT)
    names = {e.name: e for e in rec.entities}
    assert {"FooLM", "LoRA", "GSM8K", "GPT-4"} <= set(names)
    assert names["FooLM"].label == "Model"
    for e in rec.entities:
        for m in e.mentions:
            field = rec.title if m.field == "title" else rec.abstract
            assert field[m.start : m.end] == m.text
    targets = {r.target for r in rec.relations if r.source == rec.id}
    assert targets <= set(names)  # paper-level targets are entity names of the same record
    for r in rec.relations:
        if r.start is not None:
            assert rec.abstract[r.start : r.end] == r.evidence
    assert any(r.type == "PROPOSES" and r.target == "FooLM" for r in rec.relations)
    assert any(res.benchmark == "GSM8K" and res.value == 58.8 for res in rec.results)
    assert PaperRecord.from_json(json.loads(json.dumps(rec.to_json()))) == rec


def test_streaming_and_order() -> None:
    items = [Abstract(f"id{i}", f"Title {i}", f"We use BERT number {i}.", f"t:{i}") for i in range(50)]
    out = extract_records(iter(items), batch_size=8)
    assert next(out).id == "id0"  # lazily: the first record before the input is consumed
    assert [r.id for r in out] == [f"id{i}" for i in range(1, 50)]


@pytest.mark.slow
def test_workers_give_the_same_records() -> None:
    items = [ABSTRACT, *(Abstract(f"id{i}", f"T {i}", f"We use RoBERTa on SQuAD {i}.", "t") for i in range(6))]
    one = [r.to_json() for r in extract_records(items)]
    two = [r.to_json() for r in parallel_records(items, workers=2, batch_size=2)]
    assert one == two
    # a fresh set of workers every 3 abstracts: same records, same order
    assert [r.to_json() for r in parallel_records(items, workers=2, batch_size=2, segment=3)] == one


def test_output_does_not_depend_on_the_hash_seed(tmp_path) -> None:
    """Worker processes get different PYTHONHASHSEEDs; set iteration order must never leak into records."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT, SEEDS

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"r{seed}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "kg.cli", "extract", str(SEEDS), "-o", str(out), "-q"],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1]


def test_lean_lexemes_change_no_record() -> None:
    """Words new to the vocabulary get only the attributes components read; the records must not notice."""
    from extract.pipeline import doc_text, record_from_doc

    items = [
        ABSTRACT,
        Abstract("p2", "ZorpNet-XL v2: Quuxing at Scale",
                 "We propose ZorpNet-XL v2 (ZNX), fine-tuned from BarLM-13B on the Zorp-Bench and QuxQA "
                 "datasets. It improves F1 from 41.2% to 44.7% and reaches 3.1 BLEU over FooMT on WMT-Zorp "
                 "(e.g., 12,200 pairs; see https://example.org/x). Our 1.5x faster pipeline uses "
                 "Quux-Dropout++ and self-zorping attention.", "t:2"),
    ]
    full = build_nlp(ents=False)
    lean = build_nlp(ents=False, lean=True)
    assert len(lean.vocab.lex_attr_getters) < len(full.vocab.lex_attr_getters)
    for a in items:
        want = record_from_doc(full(doc_text(a)), a).to_json()
        assert record_from_doc(lean(doc_text(a)), a).to_json() == want


def test_every_requirement_is_assigned_by_an_earlier_component() -> None:
    """The component order of PIPES satisfies the assigns/requires each component declares."""
    nlp = build_nlp()
    analysis = nlp.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]
    assigned = {attr for name in nlp.pipe_names for attr in analysis["summary"][name]["assigns"]}
    assert {"doc._.kg_entities", "doc._.kg_relations", "doc._.kg_results", "doc._.kg_sents"} <= assigned


@lru_cache(maxsize=1)
def _guarded_and_bare_infixes() -> tuple[Tokenizer, re.Pattern[str]]:
    import spacy
    from spacy.util import compile_infix_regex

    from extract.pipeline import lean_tokenizer

    return lean_tokenizer(spacy.blank("en")), compile_infix_regex(spacy.blank("en").Defaults.infixes)


_TOKEN_ALPHABET = "aZ09 .,;:!?%'\"’”“‘()[]{}<>=/+-*^~–—…°CFst$€`©\u2600é"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_TOKEN_ALPHABET, max_size=12))
def test_tokenizer_guards_match_the_bare_regexes(chunk: str) -> None:
    """The prefix, suffix and infix callbacks skip their regexes on chunks no match can come from; on
    any chunk they must give what the bare regexes give."""
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    from extract.pipeline import _PREFIXES, _SUFFIXES

    tok, infixes = _guarded_and_bare_infixes()

    def span(m: re.Match[str] | None) -> tuple[int, int] | None:
        return None if m is None else m.span()

    assert span(tok.prefix_search(chunk)) == span(compile_prefix_regex(_PREFIXES).search(chunk))
    assert span(tok.suffix_search(chunk)) == span(compile_suffix_regex(_SUFFIXES).search(chunk))
    assert [m.span() for m in tok.infix_finditer(chunk)] == [m.span() for m in infixes.finditer(chunk)]


def test_guarded_tokenizer_saves_and_pickles() -> None:
    """spaCy saves a tokenizer's regexes by their pattern (``to_bytes``); the guards keep that working."""
    import pickle

    tok = build_nlp().tokenizer.tokenizer
    assert tok.to_bytes()
    text = "Foo-Bar (FB) reaches 41.2% on e.g. Zorp/Quux."
    assert [t.text for t in pickle.loads(pickle.dumps(tok))(text)] == [t.text for t in tok(text)]
