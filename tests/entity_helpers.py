"""The full extraction pipeline, built once, and the entities it finds in a text: for tests of whole-pipeline
entity decisions."""

from __future__ import annotations

from functools import cache

from spacy.language import Language

from extract.pipeline import build_nlp


@cache
def pipeline() -> Language:
    """One pipeline for the test session: building one tokenises thousands of gazetteer patterns."""
    return build_nlp()


def entities_of(text: str) -> dict[str, dict]:
    """``doc._.kg_entities`` of ``text`` by canonical name."""
    return {e["name"]: e for e in pipeline()(text)._.kg_entities}
