"""A small emulation of Lucene's standard analyzer and query syntax, for the embedded ``entity-search``.

Plain terms, ``prefix*`` terms, ``"quoted phrases"`` and ``+required``/``-excluded`` terms; other Lucene syntax
(fuzzy ``~``, ranges, boosts, regexes) is Neo4j-only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["lucene_match", "lucene_tokens"]

_WORD = re.compile(r"[^\W_]+(?:_+[^\W_]+)*", re.UNICODE)
_MID_LETTER = set(".:'’·")
_MID_NUM = set(".,;'’")


def lucene_tokens(text: str) -> list[str]:
    """Lower-cased tokens as Lucene's standard analyzer makes them (close enough for names).

    >>> lucene_tokens("GPT-3.5 and Llama-2-13B-chat, e.g. ViT-B/16")
    ['gpt', '3.5', 'and', 'llama', '2', '13b', 'chat', 'e.g', 'vit', 'b', '16']
    """
    runs = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    tokens: list[str] = []
    prev_end = -2
    for start, end in runs:
        gap = text[prev_end:start] if tokens else ""
        if tokens and len(gap) == 1:
            left, right = text[prev_end - 1], text[start]
            joins = ((gap in _MID_LETTER and left.isalpha() and right.isalpha())
                     or (gap in _MID_NUM and left.isdigit() and right.isdigit()))
            if joins:
                tokens[-1] += gap + text[start:end]
                prev_end = end
                continue
        tokens.append(text[start:end])
        prev_end = end
    return [t.lower() for t in tokens]


def _lucene_clauses(q: str) -> list[tuple[str, str, list[str]]]:
    """(occur, kind, tokens) clauses of a simple Lucene query: occur is should/must/not."""
    clauses = []
    for m in re.finditer(r'([+-]?)(?:"([^"]*)"|(\S+))', q):
        sign, phrase, term = m.groups()
        occur = {"+": "must", "-": "not"}.get(sign, "should")
        if phrase is not None:
            clauses.append((occur, "phrase", lucene_tokens(phrase)))
        elif term in ("AND", "OR", "NOT", "&&", "||"):
            continue
        elif term.endswith("*") and len(term) > 1 and "*" not in term[:-1]:
            clauses.append((occur, "prefix", [term[:-1].lower()]))
        else:
            clauses.append((occur, "terms", lucene_tokens(term)))
    return clauses


def lucene_match(q: str, values: Iterable[str]) -> bool:
    """Whether a document whose indexed field values are ``values`` matches the query ``q``."""
    fields = [lucene_tokens(v) for v in values]

    def hit(kind: str, toks: list[str]) -> bool:
        if not toks:
            return False
        if kind == "prefix":
            return any(t.startswith(toks[0]) for f in fields for t in f)
        if kind == "terms":
            return any(t in f for f in fields for t in toks)
        n = len(toks)
        return any(f[i:i + n] == toks for f in fields for i in range(len(f) - n + 1))

    clauses = [(occur, hit(kind, toks)) for occur, kind, toks in _lucene_clauses(q) if toks]
    if any(occur == "not" and ok for occur, ok in clauses):
        return False
    if any(occur == "must" and not ok for occur, ok in clauses):
        return False
    if any(occur == "must" for occur, _ in clauses):
        return True
    return any(ok for occur, ok in clauses if occur == "should")
