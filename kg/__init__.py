"""kg: build knowledge graphs of models, datasets, methods and benchmarks from ML abstracts.

In Python::

    import kg
    g = kg.open("out")                       # the graph `kg build ... -o out` wrote (or kg.connect() for Neo4j)
    g.top_entities(label="Model", limit=5)   # any saved query, as a method or g.query("top-entities", ...)
"""

from kg.api import EmbeddedGraph, KnowledgeGraph, Neo4jGraph, connect, open
from kg.queries import example_graph

__version__ = "0.1.0"
__all__ = ["EmbeddedGraph", "KnowledgeGraph", "Neo4jGraph", "__version__", "connect", "example_graph", "open"]
