"""What a result takes from the results next to it in its sentence: a coordinated value's metric ("92.5%
accuracy on A and 71.3% on B"), a margin's benchmark ("... by 2.2% and 21.1%"), and a benchmark two values
share ("66.3% exact match and 74.7% F1 on X"). Results are the dicts :func:`extract.results.sentence_results`
builds, with its private keys (``_group``, ``_start``, ``_end``, ``_tail``, ``_tied``) still on."""

from __future__ import annotations

import re
from typing import Any

from extract.result_numbers import Number

__all__ = [
    "CHANGE_WORDS",
    "CLAUSE_BREAK",
    "ELIDED_GAP",
    "Mention",
    "Metric",
    "bench_right_after",
    "elided_metric",
    "metric_in_terms",
    "metric_on_after",
    "named_as_training",
    "named_score",
    "on_benches",
    "scoped_benchmark",
    "sentence_bench",
    "shared_benchmark",
    "sole_benchmark_after",
]

Metric = tuple[int, int, str, bool]  # start, end, metric as written, weak (see extract.metrics.find_metrics)
Mention = tuple[int, int, str, str, bool]  # start, end, entity name, label, proposed
CLAUSE_BREAK = re.compile(r";|,\s+(?:and\s+)?(?:while|whereas|but|although)\b")  # where a sentence's clauses start
CHANGE_WORDS = re.compile(r"improvement|gain|reduction|increase|decrease|drop", re.IGNORECASE)

# Only "and" coordinates a value with the one before: a comma list may mix metrics ("94-th percentile on A,
# 74.9 on B").
ELIDED_GAP = re.compile(r"^[^.;()]{0,80}?(?:,\s*|\s+)and\s+(?:(?:a|an|the)\s+)?$")


def elided_metric(text: str, out: list[dict[str, Any]], n: Number, metrics: list[Metric]) -> str | None:
    """The metric of the result just before ``n`` in its sentence when the text only coordinates another
    value with it and names no metric between them ("92.5% accuracy on A and 71.3% on B"), else None."""
    prev = out[-1] if out else None
    if prev is None or prev["unit"] != n.unit or prev["metric"] in ("score", None):
        return None
    if CHANGE_WORDS.search(prev["metric"]):
        return None  # an improvement's metric names a change, not this value
    if prev["_end"] >= n.start or any(prev["_end"] <= m[0] < n.start and m[2] != prev["metric"] for m in metrics):
        return None  # another metric named between them
    return prev["metric"] if ELIDED_GAP.match(text[prev["_end"] : n.start]) else None


def sentence_bench(out: list[dict[str, Any]], gid: int, i: int, size: int, respectively: bool) -> str | None:
    """A delta with no benchmark of its own takes those of the sentence's results stated before it, in order
    when the sentence says "respectively" ("88.5% on A and 80.7% on B, surpassing ... by 2.2% and 21.1%")."""
    earlier = [r["benchmark"] for r in out if r["_group"] != gid and r["benchmark"]]
    if not earlier:
        return None
    if respectively and size > 1:
        return earlier[-size + i] if len(earlier) >= size else None
    return earlier[-1]


# Between one result's metric and the next value: only "and", a comma or a slash ("66.3% exact match and 74.7% F1
# on X", "84.4% top-1 / 97.1% top-5 accuracy on X").
_DIGITS = re.compile(r"\d+")
_SLASH_GAP = re.compile(r"\s*/\s*")
# Between a result and the next one written metric first: "..., and an HD95 (HD) of", " and a Dice score of".
_METRIC_FIRST_GAP = re.compile(
    r"\s*,?\s*and\s+(?:(?:a|an|the)\s+)?[^;.()]{1,60}?(?:\s*\([^()]{1,12}\))?\s+(?:of|=|:)\s*"
)
_LONE_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")  # not "HD95", "95th"
_SHARED_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|(?P<slash>/)\s*)(?:(?:a|an)\s+)?")


def shared_benchmark(text: str, out: list[dict[str, Any]]) -> None:
    """A result with no benchmark takes the one named right after the next result when nothing but "and" or a
    comma stands between its metric and that result's value: "66.3% exact match and 74.7% F1 score on X" are
    both on X (last first, so a run of three shares too). Across a slash, a one-word metric also takes the rest of
    the next one's when the two differ in their digits only: "84.4% top-1 / 97.1% top-5 accuracy" is a top-1
    accuracy. Slashed values share the benchmark named after the last ("24.1%/7.1% top-1/top-5 error on X"), and
    so do results written metric first ("a Dice of 83.5% and an HD95 of 3.8 on X")."""
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if (a["_group"] == b["_group"] and a["benchmark"] is None and b["benchmark"] is not None
                and b["_tied"] == "after" and _SLASH_GAP.fullmatch(text, a["_end"], b["_start"])):
            a["benchmark"], a["_tied"] = b["benchmark"], "shared"  # "24.1%/7.1% top-1/top-5 error on X"
            continue
        if (a["benchmark"] is None and not a["_tied"] and b["benchmark"] is not None and b["_tied"] == "after"
                and a["_tail"] <= b["_start"] and (g := _METRIC_FIRST_GAP.fullmatch(text, a["_tail"], b["_start"]))
                and str(b["metric"]).split(" ", 1)[0].lower() in g.group(0).lower()
                and not _LONE_NUMBER.search(g.group(0))):
            a["benchmark"], a["_tied"] = b["benchmark"], "shared"  # "a Dice of 83.5% and an HD95 of 3.8 on X"
            continue
        gap = _SHARED_GAP.fullmatch(text, a["_tail"], b["_start"]) if a["_tail"] <= b["_start"] else None
        if gap is None or a["_group"] == b["_group"]:
            continue
        tied = b["_tied"] in ("after", "shared")
        if a["benchmark"] is None and not a["_tied"] and b["benchmark"] is not None and tied:
            a["benchmark"], a["_tied"] = b["benchmark"], "shared"
        mine, theirs = str(a["metric"]), str(b["metric"]).split(" ", 1)
        if (gap.group("slash") and len(theirs) == 2 and mine != theirs[0]
                and _DIGITS.sub("", mine) == _DIGITS.sub("", theirs[0])):
            a["metric"] = f"{mine} {theirs[1]}"  # "top-1" of "top-5 accuracy", "R@1" of "R@5 score"


# Training data named around a result ("By pretraining on ImageNet-21K, X achieves", "models trained on a dataset of
# Flickr and Wikipedia images reach", "with ImageNet-21K pre-training"): no result on it. Not "fine-tuned on X":
# fine-tuning on X and reporting on X is the usual downstream evaluation.
_TRAINED_BEFORE = re.compile(
    r"\b(?:pre-?)?train(?:ed|ing|s)?\s+(?:(?<=ing\s)(?:\w+\s+){1,3}?)?(?:on|from|with)\s", re.IGNORECASE
)
_PRETRAIN_AFTER = re.compile(r"[\s\-]+pre-?train(?:ing|ed)\b", re.IGNORECASE)
_EVAL_BETWEEN = re.compile(r"\b(?:evaluat\w*|test\w*|benchmark\w*|achiev\w*|report\w*|obtain\w*|and then)\b", re.I)


def named_as_training(text: str, s: int, ms: int, me: int, pre_only: bool = False) -> bool:
    """Whether the data set mentioned at ``text[ms:me]`` is named as training data in its sentence (which starts
    at ``s``): "pretrained on X", "trained on a dataset of X images", "X pre-training", with no evaluation word
    between the cue and the name. ``pre_only``: only pre-training counts ("trained on X, it reaches 81.9%" is
    often trained and tested on X)."""
    if _PRETRAIN_AFTER.match(text, me):
        return True
    return any(
        not _EVAL_BETWEEN.search(text, t.end(), ms) and (not pre_only or t.group()[:3].lower() == "pre")
        for t in _TRAINED_BEFORE.finditer(text, max(s, ms - 80), ms)
    )


# Elsewhere in a sentence: it names where it tests ("trained on X and tested on an unseen dataset", "On an external
# dataset, the model trained on X gives", "trained on X, achieving the best results on Y benchmarks").
_EVALUATED_ELSEWHERE = re.compile(
    r"\b(?:tested|evaluated|unseen|external|held-out|out-of-domain|benchmarks)\b", re.IGNORECASE
)


def on_benches(text: str, s: int, e: int, mentions: list[Any]) -> list[Any]:
    """The benchmark and dataset mentions of the sentence ``text[s:e]`` that a result may be on: not training
    data ("pretrained on X, ...", "trained on Y, ... on other benchmarks"). Only pre-training counts when the
    sentence names no other test ("trained on Y, it reaches 81.9%" is often trained and tested on Y)."""
    pre_only = _EVALUATED_ELSEWHERE.search(text, s, e) is None
    data = [m for m in mentions if m[3] in ("Benchmark", "Dataset")]
    return [m for m in data if not named_as_training(text, s, m[0], m[1], pre_only)]


# Right before a benchmark the sentence names once: "on (the)" and at most three modifiers ("on the long-tailed X",
# "on MS COCO test-dev"); and between a value and that "on", no other "on <Name>" kg did not type.
_ON_BEFORE = re.compile(
    r"\b(?:on|in)\s+(?:the\s+)?(?:(?!(?:with|for|of|by|to|from|at|par|than|and|or)\b)[\w\-]+\s+){0,3}?$",
    re.IGNORECASE,
)
_ON_NAME = re.compile(r"\b(?:on|in)\s+(?:the\s+)?[A-Z]")
# Between a value and the benchmark: other data or another test it may be on ("75.2% mAP on real student behavior
# dataset, and 74.5% on PASCAL VOC", "by 3% on this task, ... on X").
_OTHER_TEST = re.compile(
    r"\b(?:datasets?|benchmarks?|corpus|corpora|databases?)\b|"
    r"\b(?:on|in)\s+(?:this|these|that|those|our|their|each|both|all|several|various|two|three|four|five|\d+)\b",
    re.IGNORECASE,
)


def sole_benchmark_after(text: str, out: list[dict[str, Any]], benches: list[Any], starts: set[int]) -> None:
    """A result still with no benchmark takes the one benchmark its sentence names, when the text names it later
    "on X" and names no other data between: "40.1 mAP with 120 FPS and 49.2 mAP with 41.3 FPS on COCO test-dev",
    "a 46.8 box AP using ResNet50-FPN, ..., on the MS COCO dataset". ``benches``: the sentence's benchmark
    mentions a result may be on (:func:`on_benches`), ``starts``: where its entity mentions start."""
    names = {b[2] for b in benches}
    if len(names) != 1:
        return
    for r in out:
        if r["benchmark"] is not None or r["_tied"] or r.get("_averaged"):
            continue
        b = next((b for b in benches if b[0] >= r["_tail"]), None)
        if b is None or b[0] - r["_tail"] > 160 or _ON_BEFORE.search(text, max(r["_tail"], b[0] - 40), b[0]) is None:
            continue
        if any(o.end() - 1 not in starts for o in _ON_NAME.finditer(text, r["_tail"], b[0])):
            continue  # "... on Zorp Letters ... on X": the value may be on the untyped name
        if CLAUSE_BREAK.search(text, r["_tail"], b[0]) or _OTHER_TEST.search(text, r["_tail"], b[0]):
            continue  # "gains at pass@3 (55.2% -> 73.9%), while BarAgent improves 4.0pp on X"
        r["benchmark"], r["_tied"] = b[2], "sole"


# A sentence that opens with "On X," (or "For X,", "Across X,") states its results on X, whatever clause they are in.
_SCOPE_OPEN = re.compile(r"\s*(?:On|For|Across)\s+(?:the\s+)?")
_SCOPE_CLOSE = re.compile(r"(?:\s+(?:dataset|benchmark|corpus|test set|validation set|test-dev|val|test))?\s*,\s")


def scoped_benchmark(text: str, s: int, out: list[dict[str, Any]], benches: list[tuple[int, int, str]]) -> None:
    """A result of the sentence starting at ``s`` with no benchmark takes the one its opening phrase names ("On
    ImageNet, A reaches 75.1%, whereas B only gets 60.2%": both on ImageNet), unless another benchmark is named
    between them or the result averages over several."""
    first = benches[0] if benches else None
    if first is None or not _SCOPE_OPEN.fullmatch(text, s, first[0]) or not _SCOPE_CLOSE.match(text, first[1]):
        return
    for r in out:
        if r["benchmark"] is None and not r["_averaged"] and not any(first[1] <= b[0] < r["_start"] for b in benches):
            r["benchmark"], r["_tied"] = first[2], "scope"


# Between a change and its metric: "in terms of", "in", "on the"; or a metric's long form before its bracketed acronym
# ("by 13.8% in terms of mean per joint position error (MPJPE)").
_IN_TERMS = re.compile(
    r"\b(?:in\s+terms\s+of|in|on|at)\s+(?:the\s+)?(?:(?:[\w\-]+\s+){0,2}|(?:[\w\-]+\s+){1,7}\()$", re.IGNORECASE
)
_BARE_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")  # another number; not the "3" of "3D"


def metric_in_terms(text: str, metrics: list[Metric], end: int, stop: int) -> Metric | None:
    """The metric a change is stated in, a little after it ("by 2.3% and 1.9% in terms of hits@1",
    "by 1.6% on Zorp-Bench in accuracy")."""
    for m in metrics:
        if end <= m[0] < end + 80 and not m[3] and not _BARE_NUMBER.search(text, end, m[0]):
            return m if _IN_TERMS.search(text, end, m[0]) else None
    return None


_ON_METRIC = re.compile(r"\s*(?:%|points?|pts)?\s+on\s+(?:the\s+)?")


def metric_on_after(text: str, metrics: list[Metric], end: int) -> Metric | None:
    """A metric named right after a number with "on" ("by 2.5 on BLEU4 and 11.5 on CIDEr"): that number's, not the
    metric before it."""
    return next((m for m in metrics if not m[3] and m[0] >= end and _ON_METRIC.fullmatch(text, end, m[0])), None)


def bench_right_after(text: str, end: int, benches: list[Mention]) -> Mention | None:
    """The benchmark named right after a number, before its metric ("83.2% Zorp-Bench accuracy")."""
    return next((b for b in benches if b[0] > end and not text[end : b[0]].strip()), None)


def named_score(text: str, metric: Metric, benches: list[Mention]) -> bool:
    """A "score" named by a benchmark right before it ("a FooBench score of 77.4")."""
    return any(b[1] <= metric[0] and not text[b[1] : metric[0]].strip() for b in benches)
