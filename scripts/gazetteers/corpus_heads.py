"""Head words that the field uses almost only outside technique contexts, mined for ``build_corpus.py``.

A title-case long form names a technique unless its head says otherwise ("Multi-Armed Bandit (MAB)", "Sea
Surface Temperature (SST)", "Correlated Equilibrium (CE)", "Unified Medical Language System (UMLS)"). The
hand-made list of such heads (``extract.entity_labels``) cannot know every field's objects, settings and
problems, but the corpus can: pool the technique-context counts of every long form the corpus defines by its
head word, and keep the heads whose long forms the field writes "in/for/of X", "X tasks", "X problem" far
more often than "using X", "X-based", "X algorithm".

A head that ends any multi-word Method row of the hand-made or PwC gazetteers stays a technique head
whatever the corpus says ("Principal Component Analysis", "Backdoor Attack": techniques are also things one
studies "in").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from extract.lexicon import entries
from extract.model_heads import name_head

__all__ = [
    "HEAD_MIN_KEYS", "HEAD_MIN_MENTIONS", "MAX_HEAD_RATE", "long_form_head", "nontechnique_heads", "row_heads",
    "singular",
]

HEAD_MIN_KEYS = 3  # distinct long forms with the head: fewer is one phrase's usage, not the head's
HEAD_MIN_MENTIONS = 20  # their mentions in the corpus, defined or not
MAX_HEAD_RATE = 0.25  # smoothed share of technique contexts among technique and other contexts


def singular(key: str) -> str:
    """The key with a plural -s of its last word dropped: one row matches both ("networks", "network")."""
    return key[:-1] if key.endswith("s") and not key.endswith(("ss", "us", "is")) else key


def long_form_head(name: str) -> str:
    """The head word of a long form or row name (:func:`extract.model_heads.name_head`), lower case, singular.

    >>> long_form_head("learning from demonstrations"), long_form_head("Dueling Bandits")
    ('learning', 'bandit')
    >>> long_form_head("Zorp-Analysis")
    'analysis'
    """
    return singular(name_head(name).lower())


def nontechnique_heads(
    counts: Iterable[tuple[str, int, int, int]],
    technique_row_heads: set[str],
) -> list[str]:
    """Sorted heads whose long forms the corpus uses outside technique contexts, from ``(key, technique
    contexts, other contexts, mentions)`` per mined long form; ``technique_row_heads`` are never listed."""
    tech: Counter[str] = Counter()
    other: Counter[str] = Counter()
    keys: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for key, t, o, m in counts:
        head = long_form_head(key)
        if not head or not m:
            continue
        tech[head] += t
        other[head] += o
        keys[head] += 1
        mentions[head] += m
    return sorted(
        h
        for h in keys
        if keys[h] >= HEAD_MIN_KEYS
        and mentions[h] >= HEAD_MIN_MENTIONS
        and (tech[h] + 1) / (tech[h] + other[h] + 2) <= MAX_HEAD_RATE
        and h not in technique_row_heads
        and h.isalpha()
    )


def row_heads(min_rows: int) -> set[str]:
    """Head words (:func:`long_form_head`) that end at least ``min_rows`` multi-word Method rows of the hand-made
    and PwC gazetteers (never the corpus rows: the generator's output must not feed itself)."""
    counts = Counter(
        long_form_head(e.name)
        for e in entries()
        if e.label == "Method" and e.source != "corpus" and len(e.name.split()) >= 2
    )
    return {h for h, n in counts.items() if n >= min_rows}
