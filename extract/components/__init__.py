"""spaCy pipeline components of kg extraction, one module each, registered by name on import.

Each component only annotates the Doc (``doc.spans[...]``, ``doc.ents`` or ``doc._`` extensions).
"""
