"""Canonical names and keys: one entity per thing across case, hyphen and space variants."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def canonical_key(name: str) -> str:
    """Merge key: NFKC, lower case, alphanumerics only ("LLaMA-3" == "Llama 3" == "Llama3").

    >>> canonical_key("LLaMA-3") == canonical_key("Llama 3") == canonical_key("llama3")
    True
    """
    return _NON_ALNUM.sub("", unicodedata.normalize("NFKC", name).lower())
