"""Numeric results: "58.8% accuracy on the MATH dataset with fine-tuned PaLM 2-L" ->
{model, benchmark, metric, value, unit, evidence}; the evidence sentence is given by its offsets (``span``).

Which numbers count (see :mod:`extract.result_numbers`): values tied to a metric ("accuracy of 58.8%",
"72.3 F1", "97% of the F1") or to a benchmark ("77.5 on AIME"); deltas only with a named metric, and then
the metric says so ("BLEU improvement", "relative WER reduction"), as the guide counts "error reduction";
never sizes, counts, shares of data, indices or bare improvements. Of a before→after pair ("from 41.2% to
44.7%") the new value is the model's and the old one has no model.

Metrics are kept as written (:mod:`extract.metrics`); a margin takes the metric of its clause, a value only
one no other number has right after it. The benchmark is paired in order for lists ("71.2%, 64.0% and 55.3% on
A, B and C respectively", "71.2/64.0/55.3 on A/B/C"), else the benchmark/dataset mention right after the
number ("on X", "83.2% X accuracy"), else the nearest one before it in the clause, else the paper's only
benchmark when it names exactly one, someone else's, before the number (:func:`sole_benchmark`). The model
slot takes only a Model mention or the paper's own proposal: "with/using X" after the number, else the nearest
subject before it that is not a comparison ("outperforming X", "than X"), "our"/"we" meaning the proposal;
numbers stated for a comparison ("compared to 77.0%") get none; a note ("94.6% (+1.2%)"), its number's benchmark."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from extract.metrics import defined_metrics, display, find_metrics, is_change, without_change
from extract.result_lists import Mention, adjacent_runs, aside_pairs, lists, metric_lists, paired_names, paired_runs
from extract.result_neighbours import (
    CHANGE_WORDS,
    CLAUSE_BREAK,
    Metric,
    bench_right_after,
    elided_metric,
    metric_in_terms,
    metric_on_after,
    named_score,
    on_benches,
    scoped_benchmark,
    sentence_bench,
    shared_benchmark,
    sole_benchmark_after,
)
from extract.result_numbers import ASIDE, GAP_WORDS, LONG_FORM_OPEN, NOUNISH, Number, find_numbers, number_candidates

_DIGIT = re.compile(r"\d")
# Between a number (or its metric) and its benchmark: "on the X", "on the large-scale, in-the-wild X" (a comma only
# before another hyphened modifier)
_ON_BENCH = re.compile(
    r"\s*\)?\s*,?\s*(?:points?\s+)?(?:(?:on|in|at|for|across|over|of|with)\s+)(?:the\s+)?"
    r"(?:(?:[\w\-\"“”']+|\([^()]{1,20}\))(?:,(?=\s+\w+-\w))?\s+){0,5}?$",  # "with Zorp-R (Swin-S) on COCO"
    re.IGNORECASE,
)
# Right after a number or its metric: the condition it holds at ("at IoU@0.5", "at 1% FPR", "at IoU 0.7").
_AT = r"\bat\s+(?:[A-Za-z][\w\-]*\s*[=@]?\s*)?"  # "at ", "at IoU ", "at tIoU=": what a condition's number follows
_CONDITION = re.compile(rf"\s*{_AT}\d[\d.:]*%?(?:\s+[A-Za-z][\w@\-]*)?(?=\)?\s+on\b)")
_CONDITION_NUMBER = re.compile(rf"{_AT}$")
_GAP_TO_METRIC = re.compile(rf"[\s*$]*(?:(?:\(|\)|{GAP_WORDS}\s)[\s*]*){{0,4}}", re.IGNORECASE)
_NOUN = re.compile(rf"{NOUNISH}\s+")
# After a metric: the number is a change of it ("12.2% mAP absolute improvement").
_CHANGE_AFTER_METRIC = re.compile(
    r"\s*(?:(?:absolute|relative)\s+)?(?:(?P<r>reductions?|decreases?|drops?)|improvements?|gains?|increases?|boosts?)\b",
    re.IGNORECASE,
)
# After a model: it is a part of the system, not the system ("with a ResNet-50 backbone").
_COMPONENT_AFTER = re.compile(
    r"\s*(?:backbones?|encoders?|decoders?|feature extractors?|as\s+(?:the\s+|a\s+)?backbone)\b"
)
# Verbs that beat something: what they name is compared with the result ("outperforming X", "surpasses X").
_BEATS = r"outperform\w*|surpass\w*|beat(?:s|ing)?|exceed\w*"
# Before a model in its clause: it is what the result is compared with ("outperforming X", "baselines such as X").
_COMPARISON = re.compile(
    rf"\b(?:{_BEATS}|(?:better|higher|lower|worse)\s+than|versus|vs\.?|"
    r"against|matching|match(?:es)?|rival\w*|such\s+as|including|e\.g\.|unlike|baselines?|competitors?)\b",
    re.IGNORECASE,
)
# Right before a metric-like acronym: it names a compared system ("outperforming MAE by 0.8%").
_COMPARED_NAME = re.compile(
    r"\b(?:outperform\w*|surpass\w*|beat(?:s|ing)?|than|over|versus|vs\.?)\s+(?:the\s+)?$", re.I
)
# After a name, in a clause that beats something: a margin over it, however far the verb ("outperformed A by 28.4
# points, ..., and Z by 3.0 points"); "improves Z by 3.0" is Z's own improvement.
_BY_MARGIN = re.compile(r"\s+by\s+(?:about\s+|up\s+to\s+)?[+\-]?\d")
_BEATING = re.compile(rf"\b(?:{_BEATS})\b", re.IGNORECASE)
_OVER = re.compile(r"\bover\s+(?:the\s+)?$", re.IGNORECASE)
# "Compared with X, our model ...": a comparison up to the next comma.
_COMPARED_WITH = re.compile(r"\b(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with))\b[^,;]*$", re.IGNORECASE)
# Right before a number: the number is a compared system's ("compared to 77.0%", "than 60%", "the baseline 64.3%").
_COMPARED_NUMBER = re.compile(
    r"\b(?:(?<!more )(?<!less )(?<!greater )(?<!fewer )(?<!rather )than|compared\s+(?:to|with)|"
    r"comparison\s+(?:to|with)|versus|vs\.?|against|baselines?(?:'s?)?|previous|"
    r"prior|unlike)\s+(?:[\w\-.'’]+\s+){0,4}?$",
    re.IGNORECASE,
)
_MODEL_AFTER = re.compile(
    r"(?:[^\d.;]*?\s)?(?:with|using|by|for)\s+(?:the\s+|an?\s+|our\s+)?(?:[\w\-]+\s+){0,2}?$", re.IGNORECASE
)
# Right before a name: it is what the system before it is built with ("X with ResNet-50").
_WITH_BEFORE = re.compile(
    r"\b(?:with|using|on\s+top\s+of)\s+(?:an?\s+|the\s+|our\s+)?(?:[\w\-]+\s+){0,2}?$", re.IGNORECASE
)
_OUR = re.compile(r"\b(?:our|we|ours)\b", re.IGNORECASE)  # the paper (_OWN: also "the proposed", "the method")
_OWN = re.compile(r"\b(?:our|we|ours|the\s+proposed|the\s+(?:method|approach|framework|pipeline))\b", re.IGNORECASE)
# After a number with no metric: nothing more is said about it ("On X, we reach 91.2%.").
# Right before a number: it averages over several benchmarks, not one.
_AVERAGED = re.compile(
    r"\b(?:average|mean)\b[^.;:]{0,60}?\b(?:across|over|on)\s+(?:[\w\-]+\s+){0,4}(?:benchmarks|datasets|tasks)"
    r"\b[^.;:\d]{0,20}(?:\d+(?:\.\d+)?\s*%?\s+to\s+)?$",
    re.IGNORECASE,
)
_AVERAGE_LABEL = re.compile(r"\b(?:average|avg\.?|mean)\s*:\s*$", re.IGNORECASE)
_STANDS_ALONE = re.compile(r"\s*(?:[,.;:)]|$|(?:and|on|in|at|for|respectively)\b)", re.IGNORECASE)
# A bracket between a result and its "on X": the change ("62.1% (+1.9%) on A", "(68.3% at 50% overlap)") or the
# metric's acronym ("27.8 dB peak signal-to-noise ratio (PSNR) on A").
_NUMBER_ASIDE = re.compile(
    r"\s*\((?:(?:[+\-−±↑↓]\s*)?\d+(?:\.\d+)?\s*(?:%|pp|points?)?(?:\s+[^()\d;]{1,12}\d*%?[^()\d;]{0,16})?|"
    r"[A-Za-z][\w\-@]{0,10})\)"  # "(mIoU)": an acronym the text gives its metric
)
# Between a benchmark and a later number: another "on <Name>" the number is on ("accuracy on A rises from 53.5%
# to 63.8%, and on Zorp Letters from 23.8% to 84.2%"), which kg did not type; the number is not on A.
_OTHER_ON = re.compile(r"\bon\s+(?:the\s+)?(?!SOTA\b|State-of-the-[Aa]rt\b)[A-Z]")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
# After a delta: what changes is something else ("a 15% reduction in run-time", "a 2x increase of speed").
_CHANGE_OF_OTHER = re.compile(
    r"[\s)]*(?:\w+\s+)?(?:reductions?|improvements?|gains?|increases?|decreases?|drops?|boosts?)\s+(?:in|of)\s+"
    r"(?!terms\b)(?:the\s+)?[a-z]",
    re.IGNORECASE,
)
# Between a model and its own number: "BarLM (67.0%)", "BarLM: 67.0", "BarLM's 67.0%".
_OWN_NUMBER = re.compile(r"\s*(?:\(|:|’s|'s)\s*(?:\w+\s*)?")
# Between a metric and a delta: another change is being stated ("... and a decrease in training time by 3%").
_OTHER_CHANGE = re.compile(
    r"\b(?:(?:increases?|decreases?|reductions?|drops?|improvements?|gains?|boosts?|reduc\w+|increas\w+|decreas\w+|"
    r"improv\w+)\s+(?:in|of|the)\s+(?:the\s+)?[a-z]|(?:reducing|lowering|cutting|increasing)\s+[a-z])",
    re.IGNORECASE,
)
_LOWERING = re.compile(r"reduc|drop|decreas|degrad", re.IGNORECASE)

def _mentions(ents: list[dict[str, Any]], s: int, e: int) -> list[Mention]:
    """The entity mentions within [s, e), in text order."""
    out = [
        (ms, me, ent["name"], ent["label"], bool(ent.get("proposed")))
        for ent in ents
        for ms, me in ent["mentions"]
        if s <= ms < e
    ]
    return sorted(out)


def proposal_of(ents: list[dict[str, Any]]) -> str | None:
    """The paper's own proposal that can fill a model slot: its first proposed Model, else its first Method."""
    for label in ("Model", "Method"):
        for ent in ents:
            if ent.get("proposed") and ent["label"] == label:
                return ent["name"]
    return None


def _clause_bounds(text: str, s: int, e: int) -> list[int]:
    """Offsets where the clauses of the sentence start (the sentence start first)."""
    return [s] + [m.end() for m in CLAUSE_BREAK.finditer(text, s, e)]


def _clause_of(starts: list[int], pos: int) -> int:
    """Start of the clause holding ``pos``."""
    return max(c for c in starts if c <= pos)


def find_results(text: str, sents: list[list[int]], ents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Results stated in the text, in order of appearance."""
    out: list[dict[str, Any]] = []
    proposal, defined = proposal_of(ents), None
    for s, e in sents:
        if _DIGIT.search(text, s, e) is not None and number_candidates(text, s, e):
            defined = defined_metrics(text) if defined is None else defined  # once, for papers with results only
            out += sentence_results(text, s, e, ents, proposal, defined)
    only = sole_benchmark(ents)
    for r in out:
        if only is not None and r["benchmark"] is None and only[1] < r["span"][0] and not r["_averaged"]:
            r["benchmark"] = only[0]
        del r["_averaged"]
    return out


def sole_benchmark(ents: list[dict[str, Any]]) -> tuple[str, int] | None:
    """The paper's only benchmark (name, end of its first mention), when it names exactly one and no dataset,
    and it is someone else's: a result whose sentence names none is on it ("experiments on X. ... improves
    AU-PR by 5.8%"). A benchmark the paper proposes is its subject, not the setting of every number."""
    benches = [e for e in ents if e["label"] in ("Benchmark", "Dataset")]
    if len(benches) != 1 or benches[0]["label"] != "Benchmark" or benches[0]["proposed"]:
        return None
    return str(benches[0]["name"]), min(m[1] for m in benches[0]["mentions"])


def sentence_results(
    text: str, s: int, e: int, ents: list[dict[str, Any]], proposal: str | None, defined: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    """The results of the sentence ``text[s:e]`` (see the module docstring); ``defined``: the paper's metric
    acronyms."""
    if not number_candidates(text, s, e):
        return []  # no number that could be a result, whatever the names and metrics: skip the metric scan
    found = find_metrics(text, s, e, defined)
    # A metric holding a whole name keeps it ("Frechet Inception Distance"); one inside or across a name does not.
    mentions = [
        m
        for m in _mentions(ents, s, e)
        if not any(ms <= m[0] and m[1] <= me and (ms, me) != m[:2] for ms, me, *_ in found)
    ]
    spans = [(m[0], m[1]) for m in mentions]
    metrics = [
        m
        for m in found
        if not any(ms < m[1] and m[0] < me for ms, me in spans)
        and not _COMPARED_NAME.search(text, max(s, m[0] - 20), m[0])
    ]
    numbers = find_numbers(text, s, e, spans, [(m[0], m[1]) for m in metrics])
    # "70.2 mAP at IoU 0.7", "80.1% TPR at 1% FPR": the number after "at" is the condition of the one before.
    numbers = [n for n in numbers if not (_CONDITION_NUMBER.search(text, max(s, n.start - 16), n.start)
                                          and any(o.end <= n.start and n.start - o.end < 40 for o in numbers))]
    if not numbers:
        return []
    benches = on_benches(text, s, e, mentions)
    subjects = [m for m in mentions if m[3] == "Model" or (m[4] and m[3] == "Method")]
    clauses = _clause_bounds(text, s, e)
    respectively = _RESPECTIVELY.search(text, s, e) is not None
    groups: dict[int, list[Number]] = {}
    for n in numbers:
        groups.setdefault(n.group, []).append(n)
    pair_bench: dict[int, str | None] = {}
    pair_model: dict[int, str] = {}
    pair_metric: dict[int, Metric] = {}
    for group in groups.values():
        slash = len(group) > 1 and "/" in text[group[0].end : group[1].start]
        if len(group) > 1:  # "71.2%, 64.0% and 55.3% on A, B and C (respectively)"
            olds = [n for n in group if n.role == "before"]
            news = [n for n in group if n.role != "before"]
            # "on A/B/C ... from 35.6/20.7/30.3 to 86.1/66.7/54.7": the old and the new values each pair with A/B/C;
            # one old and one new value are one change, never two names' ("on A and B ... from 5.8% to 3.1% on A")
            pair = len(group) == 2 and len(olds) == 1
            for part in ([olds, news] if len(olds) > 1 and len(olds) == len(news) else [] if pair else [group]):
                pair_bench.update(paired_names(part, lists(benches, text), text) or {})
        if len(group) > 1 and (respectively or slash):
            pair_model.update(paired_names(group, lists([m for m in subjects if m[3] == "Model"], text)) or {})
            runs = metric_lists(metrics, text)
            pair_metric.update({id(n): m for n, m in paired_runs(group, runs, text)})  # "F1 and EM are 91% and 88%"
        elif len(group) > 1:  # "gains of 15.4% and 12.9% in terms of Rank-1 and mAP"
            runs = adjacent_runs(group, metric_lists(metrics, text), text)
            pair_metric.update({id(n): m for n, m in paired_runs(group, runs)})
    pair_bench.update(aside_pairs(numbers, pair_bench))  # "94.6% (+1.2%) and ...": a note shares its number's
    listed = {m[2] for run in lists(benches, text) if len({x[2] for x in run}) > 1 for m in run}
    starts = {m[0] for m in mentions}  # "on ResNet50": an "on" phrase of a known name is no other benchmark
    named_after = {gid: bench_right_after(text, group[-1].end, benches) for gid, group in groups.items()}
    after_of = {
        gid: _metric_after(text, named[1] if (named := named_after[gid]) else group[-1].end, e, metrics)
        for gid, group in groups.items()
    }
    out: list[dict[str, Any]] = []
    for gid, group in groups.items():
        last = group[-1]
        metric_after = after_of[gid]
        owned = {m[0] for g, m in after_of.items() if m is not None and g != gid}
        paired = len(group) > 1 and any(n.role == "before" for n in group)
        # "1.4%/2.6% on A/B against the prior 1.7%/3.3%": slashed values are one statement, of one system
        slashed = len(group) > 1 and all(text[a.end : b.start].strip() == "/" for a, b in pairwise(group))
        first_model: str | None = None
        for i, n in enumerate(group):
            clause = _clause_of(clauses, n.start)
            # a value does not take the metric of another number ("94-th percentile on A, 74.9 on B"); a margin
            # does ("67.6% accuracy on A, surpassing the prior best by over 17%")
            compared = _COMPARED_NUMBER.search(text, max(clause, n.start - 50), n.start) is not None
            usable = metrics if n.role == "delta" or compared else [m for m in metrics if m[0] not in owned]
            metric = pair_metric.get(id(n)) or metric_after or metric_on_after(text, usable, n.end) or _metric_before(
                usable, clause, n.start)
            if (
                metric is not None
                and is_change(metric[2])
                and (metric is metric_after or n.start - metric[1] <= 15)
                and not paired  # "gains (96.3% vs. 90.6%)": levels, not changes
            ):
                n.role, n.reduction = "delta", n.reduction or bool(_LOWERING.search(metric[2]))
            elif metric_after is not None and (change := _CHANGE_AFTER_METRIC.match(text, metric_after[1], e)):
                n.role, n.reduction = "delta", bool(change.group("r"))
            if (
                metric is not None
                and n.role == "delta"
                and metric is not metric_after
                and _OTHER_CHANGE.search(text, metric[1], n.start)
            ):
                metric = None  # "improves perplexity by 5% and a decrease in training time by 3%"
            if (
                metric is not metric_after
                and id(n) not in pair_metric
                and n.role == "delta"
                and _CHANGE_OF_OTHER.match(text, group[-1].end, e)
            ):
                continue  # "(a 2% gain in accuracy and) a 15% reduction in run-time": a change of no metric
            if (metric is None or metric[3]) and n.role == "delta":
                metric = metric_in_terms(text, metrics, group[-1].end, e) or metric
            tail = metric[1] if metric_after else last.end
            if metric_after is not None and (two := next((m for m in metrics if m[0] >= tail), None)) is not None and (
                    not text[tail : two[0]].strip()):
                tail = two[1]  # "88.5% mAP accuracy on X": two metric words, one phrase before "on X"
            bench, tied = _benchmark(text, n, tail, e, clause, benches, pair_bench, starts)
            averaged = _AVERAGE_LABEL.search(text, max(s, n.start - 12), n.start) is not None or (
                tied not in ("after", "pair") and _AVERAGED.search(text, max(clause, n.start - 90), n.start) is not None
            )
            if averaged:
                bench = None  # "the average across six benchmarks from 17.6% to 35.7%", "(A: 73.6%, average: 35.9%)"
            if tied == "before" and bench in {m[2] for g, m in named_after.items() if m is not None and g != gid}:
                bench = None  # "71.7% ImageNet top-1 accuracy, ... from 73.2 to 76.0 mIoU": ImageNet is the first's
            if tied in ("after", "before") and len(group) > 1 and respectively and bench in listed:
                bench = None  # "by 4%, 14% and 27% on A, B, C and D, respectively" that did not pair: not all on one
            if named_after[gid] is not None and metric_after is not None and tied != "pair":
                bench, tied = named_after[gid][2], "after"  # "83.2% Zorp-Bench accuracy"
            if n.role == "delta" and tied in ("", "before") and (bench is None or len(group) > 1) and out:
                bench = sentence_bench(out, gid, i, len(group), respectively) or bench
            name = metric[2] if metric else None
            if name and paired and n.role != "delta":
                name = without_change(name)  # "gains (96.3% vs. 90.6%)": the levels of the metric
            if metric is None or metric[3]:
                if n.role == "delta" or not (
                    tied in ("after", "pair")
                    or (tied == "before" and n.unit and _STANDS_ALONE.match(text, group[-1].end, e))
                    or (paired and metric is not None)
                    or (metric is not None and n.unit == "%" and (metric is metric_after or compared))
                    or (metric is not None and named_score(text, metric, benches))
                ):
                    continue  # a bare improvement, or a number tied to neither a metric nor a benchmark
                name = name if metric is not None and (metric is metric_after or paired or compared) else "score"
                if name == "score" and (elided := elided_metric(text, out, n, metrics)):
                    name = elided  # "92.5% accuracy on A and 71.3% on B": B's number is an accuracy too
            if n.role == "delta" and not CHANGE_WORDS.search(name):
                name += " reduction" if n.reduction else " improvement"
            model = _model(text, n, tail, e, clause, subjects, proposal, pair_model)
            if i == 0:
                first_model = model
            elif slashed and id(n) not in pair_model:
                model = first_model
            out.append(
                {
                    "model": model,
                    "benchmark": bench,
                    "metric": name,
                    "value": n.value,
                    "unit": n.unit,
                    "evidence": "",  # filled from "span" when the record is made
                    "span": [s, e],
                    "_group": gid, "_end": n.end, "_start": n.start,
                    "_tail": tail,
                    "_tied": tied,
                    "_averaged": averaged,
                }
            )
    shared_benchmark(text, out)
    scoped_benchmark(text, s, out, benches)  # "On X, A reaches 75.1%, whereas B only gets 60.2%"
    sole_benchmark_after(text, out, benches, starts)
    for r in out:
        del r["_group"], r["_end"], r["_start"], r["_tail"], r["_tied"]
    return out


_QUALIFIER_TOKEN = re.compile(r"\s*([A-Z]\d{1,2}|[23]D)\s+")  # "Q8 accuracy", "better 3D AP"


def _metric_after(text: str, end: int, stop: int, metrics: list[Metric]) -> Metric | None:
    """The metric written right after a number ("72.3 F1", "97% of the F1", "3.1% increase in F1 score"), with
    the plain words right before it that name it further ("100% clustering accuracy"); an aside between them is
    skipped ("65.07% (vs. previous SOTA 24.68%) recall")."""
    aside = ASIDE.match(text, end, stop)
    if aside is not None:
        end = aside.end()
    gap = _GAP_TO_METRIC.match(text, end, stop)
    reach = gap.end() if gap else end
    starts = {m[0]: m for m in metrics}
    for m in metrics:
        if end <= m[0] <= reach and not _DIGIT.search(text, end, m[0]):
            return m
    if (lf := LONG_FORM_OPEN.match(text, end, stop)) is not None and lf.end() in starts:
        return starts[lf.end()]  # "71.8% Multi-Object Tracking Accuracy (MOTA)": the acronym after its long form
    if (q := _QUALIFIER_TOKEN.match(text, reach, stop)) is not None and q.end() in starts:
        m = starts[q.end()]
        return (q.start(1), m[1], display(text[q.start(1) : m[1]]), m[3])  # "66.4% Q8 accuracy"
    pos = reach
    for _ in range(2):  # "100% clustering accuracy", "73.5% linear evaluation accuracy"
        noun = _NOUN.match(text, pos, stop)
        if noun is None:
            break
        pos = noun.end()
        if pos in starts:
            m = starts[pos]
            return (reach, m[1], display(text[reach : m[1]]), m[3])
    return None


def _metric_before(metrics: list[Metric], clause: int, pos: int) -> Metric | None:
    """The nearest metric before ``pos`` in its clause ("accuracy of 58.8%", "accuracies of 88.5% and 80.7%"),
    a named one rather than "score" or "performance" ("in terms of AUC performance ... by 10.2%")."""
    before = [m for m in metrics if clause <= m[0] and m[1] <= pos and pos - m[1] < 150]
    strong = [m for m in before if not m[3]]
    return (strong or before)[-1] if before else None


def _benchmark(
    text: str,
    n: Number,
    tail: int,
    stop: int,
    clause: int,
    benches: list[Mention],
    paired: dict[int, str | None],
    starts: set[int],
) -> tuple[str | None, str]:
    """The benchmark of a number and how it was tied ("pair", "after", "before", ""); ``starts``: where the
    sentence's entity mentions start."""
    if id(n) in paired:
        return paired[id(n)], "pair"
    cond = _CONDITION.match(text, tail)
    gap = tail if cond is None else cond.end()  # "54.1% at IoU@0.5 on FooSet": the condition is no gap
    if (aside := _NUMBER_ASIDE.match(text, gap)) is not None:
        gap = aside.end()
    for b in benches:
        if (
            b[0] >= gap
            and b[0] - tail < 80
            and _ON_BENCH.fullmatch(text, gap, b[0])
            and not _DIGIT.search(text, gap, b[0])
        ):
            return b[2], "after"
        if b[0] >= tail:
            break
    before = [b for b in benches if clause <= b[0] and b[1] <= n.start]
    if before and not any(o.end() - 1 not in starts for o in _OTHER_ON.finditer(text, before[-1][1], n.start)):
        return before[-1][2], "before"
    return None, ""


def _compared(text: str, clause: int, pos: int) -> bool:
    """Whether the name at ``pos`` is what a result is compared with (see _COMPARISON, _COMPARED_WITH)."""
    start = max(clause, pos - 80)
    return (_COMPARISON.search(text, start, pos) is not None or _COMPARED_WITH.search(text, start, pos) is not None
            or _OVER.search(text, max(clause, pos - 10), pos) is not None)  # "by 5.8% over BarLM"


def _model(
    text: str,
    n: Number,
    tail: int,
    stop: int,
    clause: int,
    subjects: list[Mention],
    proposal: str | None,
    paired: dict[int, str | None],
) -> str | None:
    """The model slot: a Model mention or the paper's proposal, never a compared system (see the docstring)."""
    if id(n) in paired:
        return paired[id(n)]
    if n.role == "before":
        return None
    owner = next((m for m in subjects if m[3] == "Model" and _OWN_NUMBER.fullmatch(text, m[1], n.start)), None)
    if owner is not None:
        return owner[2]  # "surpassing BarLM (67.0%)", "BarLM: 67.0"
    named = [
        m
        for m in subjects
        if clause <= m[0] and m[1] <= n.start
        and not _COMPONENT_AFTER.match(text, m[1])
        and not _compared(text, clause, m[0])
        and not (_BY_MARGIN.match(text, m[1]) and _BEATING.search(text, clause, m[0]))  # "beat A by 1, ..., Z by 3"
    ]
    # "ZapNets achieve 61.4% accuracy with ResNet-18": a system named before the number owns it, and the
    # model after "with" is its configuration; "RetinaNet with ResNet-50 achieves ..." likewise.
    named = [m for m in named if not (_WITH_BEFORE.search(text, clause, m[0]) and any(o[1] < m[0] for o in named))]
    for m in subjects:
        if (
            m[0] >= tail
            and m[0] - tail < 60
            and m[3] == "Model"
            and _MODEL_AFTER.fullmatch(text, tail, m[0])
            and not _COMPONENT_AFTER.match(text, m[1])
            and not _compared(text, clause, m[0])
            and not (_WITH_BEFORE.search(text, tail, m[0]) and any(
                (o[3] == "Model" or o[2] == proposal) and not _WITH_BEFORE.search(text, clause, o[0]) for o in named))
        ):
            return m[2]  # "58.8% accuracy on MATH with fine-tuned PaLM 2-L"
    if n.role != "delta" and _COMPARED_NUMBER.search(text, max(clause, n.start - 50), n.start):
        before = text[max(clause, n.start - 50) : n.start]
        if not _OUR.search(before):
            return None  # "compared to 77.0% in [35]"
    cues = [(m.start(), None) for m in _OWN.finditer(text, clause, n.start)]
    cues += [(m[0], m) for m in named]  # never a compared system ("outperforming X", "compared with X")
    for _, m in sorted(cues, key=lambda c: -c[0]):
        if m is None:
            return proposal
        if m[3] == "Method" and proposal is not None:
            return proposal  # the paper's proposed method: its results are those of the proposed model
        return m[2]
    return proposal
