"""Lists in a result sentence: runs of names or metrics written as one list ("A, B and C", "A/B/C"), paired in
order with a list of numbers ("71.2%, 64.0% and 55.3% on A, B and C"). Used by :mod:`extract.results`."""

from __future__ import annotations

import re

from extract.result_neighbours import Mention, Metric
from extract.result_numbers import Number

__all__ = [
    "LIST_SEP", "Mention", "adjacent_runs", "aside_pairs", "lists", "metric_lists", "paired_names", "paired_runs",
]


# ("A, B and C", "A/B/C"; also "the A test set, the B validation set and ...": a split's name between items, and
# "the 4-class A dataset and the 15-class B dataset": a data noun after each item, a class count before it)
LIST_SEP = re.compile(
    r"(?:\s+(?:test|validation|val|dev|development)\s+(?:sets?|splits?)|\s+(?:datasets?|benchmarks?|corpus)|"
    r"\s+(?P<part>(?i:part|split|subset|track|task)\s+[A-Z0-9][\w\-]*))?"  # "A Part A, A Part B": parts of one set
    r"\s*(?:,\s*(?:and\s+|&\s+)?|and|&|/|\bor\b)\s*(?:the\s+)?(?:\d+-(?:class|way)\s+)?"
    r"(?:(?:Split|Permuted|Rotated|Sequential)\s+)?"
)  # (continual learning's "Split CIFAR-100, Split CUB-200")


_OPEN = re.compile(r"\s*\(\s*")


def lists(items: list[Mention], text: str) -> list[list[Mention]]:
    """Runs of mentions written as one list ("A, B and C", "A/B/C")."""
    runs: list[list[Mention]] = []
    for it in items:
        last = runs[-1][-1] if runs else None
        if last and it[2] == last[2] and _OPEN.fullmatch(text, last[1], it[0]) and text[it[1] : it[1] + 1] == ")":
            runs[-1][-1] = (last[0], it[1] + 1, *last[2:])  # "Penn Treebank (PTB) and ...": one item
            continue
        sep = LIST_SEP.fullmatch(text, runs[-1][-1][1], it[0]) if runs else None
        if sep is not None and (runs[-1][-1][2] != it[2] or sep.group("part")):
            runs[-1].append(it)
        else:
            runs.append([it])
    return runs


def metric_lists(metrics: list[Metric], text: str) -> list[list[Metric]]:
    """Runs of metrics written as one list ("the accuracy and Kappa coefficient")."""
    runs: list[list[Metric]] = []
    for m in metrics:
        if runs and LIST_SEP.fullmatch(text, runs[-1][-1][1], m[0]):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


_DIGIT = re.compile(r"\d")
_UNNAMED_LAST = re.compile(r",?\s+and\s+(?:the\s+)?[a-z]")
_UNNAMED_FIRST = re.compile(r"\b(?:for|on|in)\s+(?:the\s+)?[a-z][a-z\- ]{0,30},\s*$")  # "for the skin lesion, A, B"


def paired_runs(group: list[Number], runs: list[list[Metric]], text: str = "") -> list[tuple[Number, Metric]]:
    """A list of metrics of the group's length, paired in order with its numbers (none if there is none); of
    several such lists (``text`` given), the one right after the numbers."""
    fits = [r for r in runs if len(r) == len(group)]
    if len(fits) > 1 and text:  # "46.8/38.6 box/mask AP with A, and 48.1/39.9 box/mask AP with B": the next one
        fits = [r for r in fits if r[0][0] >= group[-1].end and not _DIGIT.search(text, group[-1].end, r[0][0])][:1]
    return list(zip(group, fits[0], strict=True)) if len(fits) == 1 else []


def paired_names(group: list[Number], runs: list[list[Mention]], text: str = "") -> dict[int, str | None] | None:
    """Names paired in order with a list of numbers: the list of the same length nearest to it, or one name short
    when an unnamed item ends or opens it ("8.43, 5.96 and 10.60 on A, B and math average benchmarks", "70.6%,
    97.9% and 73.6% for the skin lesion, A and B")."""
    fits = [r for r in runs if len(r) == len(group)]
    short = [r for r in runs if text and len(r) == len(group) - 1 > 1 and _UNNAMED_LAST.match(text, r[-1][1])]
    if not fits and short and short[0][0][0] > group[-1].end:
        return {id(n): (m[2] if m else None) for n, m in zip(group, [*short[0], None], strict=True)}
    first = [r for r in runs if text and len(r) == len(group) - 1 > 1 and r[0][0] > group[-1].end
             and _UNNAMED_FIRST.search(text, max(0, r[0][0] - 45), r[0][0])]
    if not fits and first:
        return {id(n): (m[2] if m else None) for n, m in zip(group, [None, *first[0]], strict=True)}
    if not fits:
        return None
    mid = group[0].start
    best = min(fits, key=lambda r: abs(r[0][0] - mid))
    return {id(n): m[2] for n, m in zip(group, best, strict=True)}


# Between a list of numbers and a list of metrics right after it ("15.4% and 12.9% in terms of Rank-1 and mAP"),
# and between a list of metrics and the numbers after it ("the accuracy and F1 of BarNet reach 91% and 88%").
_METRICS_AFTER = re.compile(
    r"\s*(?:points?\s+)?(?:(?:relative\s+|absolute\s+)?(?:improvements?|gains?|reductions?|increases?|decreases?|"
    r"drops?)\s+)?(?:(?:(?:(?:performance|results?|scores?)\s+)?in\s+terms\s+of|in|on|for|of)\s+)?(?:the\s+)?"
)  # ("a 15.3% and 14.7% improvement in MAE and RMSE", "28.3% and 58.2% performance in terms of BLEU4 and CIDEr")
_NUMBERS_AFTER = re.compile(r"[^\d.;:()]{0,40}")


def adjacent_runs(group: list[Number], runs: list[list[Metric]], text: str) -> list[list[Metric]]:
    """The metric lists written right after or right before a list of numbers: they pair in order even with no
    "respectively" ("gains of 15.4% and 12.9% in terms of Rank-1 and mAP")."""
    first, last = group[0].start, group[-1].end
    return [
        r
        for r in runs
        if len(r) > 1
        and (
            (r[0][0] >= last and _METRICS_AFTER.fullmatch(text, last, r[0][0]))
            or (r[-1][1] <= first and _NUMBERS_AFTER.fullmatch(text, r[-1][1], first))
        )
    ]


def aside_pairs(numbers: list[Number], paired: dict[int, str | None]) -> dict[int, str | None]:
    """What ``paired`` gives a number, given to the numbers in brackets right after it ("94.6% (+1.2%) and 77.0% on
    A and B, respectively": +1.2% is on A)."""
    at = {n.start: n for n in numbers}
    return {id(n): paired[id(h)] for n in numbers if (h := at.get(n.aside_of)) is not None and id(h) in paired}
