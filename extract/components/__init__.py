"""spaCy pipeline components of kg extraction, one module each, registered by name.

Each component only annotates the Doc (``doc.spans[...]``, ``doc.ents`` or the ``doc._`` fields of
:mod:`extract.doc_data`) and declares what it assigns and requires. Importing this package registers every
factory once; installed, kg also names them to spaCy as entry points (``spacy_factories`` in
pyproject.toml), so ``spacy.blank("en").add_pipe("kg_entities")`` works in any process.
"""

from extract.components.abbreviations import kg_abbreviations
from extract.components.entities import make_entities
from extract.components.finalize import make_finalizer
from extract.components.gazetteer import make_gazetteer
from extract.components.proposals import make_proposals
from extract.components.relations import kg_relations
from extract.components.results import kg_results
from extract.components.sentences import kg_sentences
from extract.components.shapes import make_shapes

__all__ = [
    "kg_abbreviations", "kg_relations", "kg_results", "kg_sentences", "make_entities", "make_finalizer",
    "make_gazetteer", "make_proposals", "make_shapes",
]
