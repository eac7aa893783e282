"""Extraction layer: readers (files -> abstracts) and the spaCy pipeline (abstracts -> records).

Nothing here imports :mod:`kg`; the records in :mod:`extract.records` are the contract.
"""
