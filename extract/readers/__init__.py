"""Readers: input files -> :class:`Abstract` records, or :class:`Quarantined` ones with a reason.

Every physical record read yields exactly one item, so counts reconcile downstream. Formats are picked
by extension, then by content: Hugging Face daily-papers page dumps (``.txt``), JSON Lines (e.g. the arXiv
metadata snapshot), JSON documents (Semantic Scholar), CSV/TSV, arXiv API Atom XML and BibTeX; any of
them gzip-, bzip2- or xz-compressed (detected by magic bytes). Directories are read recursively, ``-`` is stdin.
"""

from extract.errors import InputError
from extract.readers.dedupe import dedupe
from extract.readers.fields import (
    MAX_ABSTRACT_CHARS,
    MAX_TITLE_CHARS,
    Item,
    abstract_from_fields,
    normalise_title,
    paper_id,
)
from extract.readers.registry import READERS, Reader, expand_inputs, read_inputs, read_path, sniff_format

__all__ = [
    "MAX_ABSTRACT_CHARS",
    "MAX_TITLE_CHARS",
    "READERS",
    "InputError",
    "Item",
    "Reader",
    "abstract_from_fields",
    "dedupe",
    "expand_inputs",
    "normalise_title",
    "paper_id",
    "read_inputs",
    "read_path",
    "sniff_format",
]
