"""Numeric results: "58.8% accuracy on the MATH dataset with fine-tuned PaLM 2-L" ->
{model, benchmark, metric, value, unit, evidence}; the evidence sentence is given by its offsets (``span``).

A number counts when it is tied to a metric ("accuracy of 58.8%", "pass@1 of 40.2", "F1 90.1") or to a
benchmark ("77.5 on AIME"); improvements ("by 10%", "+5.2 points"), speed-ups, sizes, counts and years
do not. The benchmark is the nearest Benchmark/Dataset mention in the sentence (after the number
first), the model the nearest Model mention or else the model the paper proposes.
"""

from __future__ import annotations

import re
from typing import Any

# A number with an optional unit; not part of a word, a version ("GPT-3.5") or a size ("7B").
_NUMBER = re.compile(
    r"(?<![\w.\-+@/])(?<!\d,)(?!\d{1,3},\d{3})(\d{1,3}(?:\.\d+)?)(?:\s*(%|percent\b|points?\b|pp\b)|-?th\b)?(?![\w.]*\d)(?![\w@])"
)
_METRIC = re.compile(
    r"\b((?i:top-[15] accurac(?:y|ies)|accurac(?:y|ies)|exact match|macro[- ]F1|micro[- ]F1|win[- ]rates?|"
    r"success rates?|solve rates?|error rates?|perplexity|percentile|scores?|points|pass@\d+|recall@\d+)|"
    r"F1(?:[- ]score)?|EM|BLEU|ROUGE(?:-[12L])?|METEOR|CIDEr|chrF\+*|WER|CER|PPL|mAP|AP(?:_?[rcfbm]|50|75)?|AUC|AUROC|"
    r"mIoU|IoU|"
    r"FID|PSNR|SSIM|R@\d+|NDCG(?:@\d+)?|MRR|Elo)\b"
)
# Words right after a number that make it a size, a count or a speed-up: never a result.
_SIZE_AFTER = re.compile(
    r"\s*(?:times|x\b|×|billion|million|thousand|[BMK]\b|parameters|params|tokens|languages|tasks|samples|"
    r"examples|images|hours|days|GPUs?|layers|steps|epochs|shots?|-shot|k\b|faster|slower|speed-?ups?|fewer|less|"
    r"more|of the|of all|(?:[\w\-]+\s+){0,2}(?:datasets|benchmarks|domains|categories|classes|models|baselines))",
    re.IGNORECASE,
)
# An improvement ("by 10%", "+5 points", "a 3% gain") is a result only when a metric is named with it.
_IMPROVE_AFTER = re.compile(
    r"\s*(?:%|percent|points?|pp)?\s*(?:\)|,)?\s*(?:improvement|gains?|increase|reduction|decrease|relative|"
    r"absolute|higher|lower|better)",
    re.IGNORECASE,
)
_IMPROVE_BEFORE = re.compile(r"(?:\bby|\bup to|\bover|\bnearly|\bto|\+|-|±|\bfrom|\bwith|\bof only)\s*$", re.I)
_NEVER_BEFORE = re.compile(r"(?:\bfirst|\btop|\bx|\bTable|\bFigure|\bSection|\bv)\s*$", re.I)
_DIGIT = re.compile(r"\d")
# An improvement stated against something ("surpassing the previous SoTA by 2.2%", "outperforms X by 5 points").
_BEAT_BEFORE = re.compile(
    r"\b(?:outperform\w*|surpass\w*|exceed\w*|beat\w*|improv\w*|better than|over)\b[^.;]{0,80}?"
    r"\bby\s+(?:(?:up to|over|about|around|nearly|almost|more than|roughly|approximately)\s+)?$",
    re.IGNORECASE,
)
# "from 36.2% to 40.7%": both numbers are results of the same metric.
_FROM_TO = re.compile(r"\bfrom\s+(\d{1,3}(?:\.\d+)?)\s*(%|points?)?\s+to\s+(\d{1,3}(?:\.\d+)?)\s*(%|points?)?")
_LIST_GAP = re.compile(r"\s*(?:,\s*and|,|and)\s*")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_ON_NEXT = re.compile(r"\s*(?:%|percent|points?)?\s*(?:[\w\-@]+\s+){0,2}?(?:on|in|at|for)\b", re.IGNORECASE)


def _mentions(ents: list[dict[str, Any]], labels: tuple[str, ...], s: int, e: int) -> list[tuple[int, int, str]]:
    """(start, end, entity name) of the mentions of entities of ``labels`` within [s, e)."""
    out = [(ms, me, ent["name"]) for ent in ents if ent["label"] in labels for ms, me in ent["mentions"] if s <= ms < e]
    return sorted(out)


def find_results(text: str, sents: list[list[int]], ents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Results stated in the text, in order of appearance."""
    out: list[dict[str, Any]] = []
    proposed_model = next((e["name"] for e in ents if e["proposed"] and e["label"] == "Model"), None)
    proposed_any = next((e["name"] for e in ents if e["proposed"]), None)
    for s, e in sents:
        if _DIGIT.search(text, s, e) is None:
            continue
        sent = text[s:e]
        benches = _mentions(ents, ("Benchmark", "Dataset"), s, e)
        models = _mentions(ents, ("Model",), s, e)
        metrics = [(m.start() + s, m.end() + s, m.group(1)) for m in _METRIC.finditer(sent)]
        from_to = {
            int(x.start(g))
            for x in _FROM_TO.finditer(text, s, e)
            if x.group(2) or x.group(4) or metrics
            for g in (1, 3)
        }
        respectively = _RESPECTIVELY.search(sent) is not None
        last_beat = -1  # end of the last margin ("by 2.2%") in this sentence
        first = len(out)  # results of this sentence start here
        for m in _NUMBER.finditer(text, s, e):
            start, end = m.start(), m.end()
            if any(ms <= start < me for ms, me, _ in benches + models):
                continue  # part of a name ("MATH 500")
            if _SIZE_AFTER.match(text, m.end(1)) or _NEVER_BEFORE.search(text, max(s, start - 12), start):
                continue
            if text[end : end + 1] == ")" and "." not in m.group(1) and "(" not in text[max(s, start - 3) : start]:
                continue  # an enumerator: "We show that: 1) ..."
            unit = "%" if m.group(2) and m.group(2).startswith(("%", "percent")) else None
            near_metric = [
                x for x in metrics if abs((x[0] if x[0] >= end else x[1]) - (end if x[0] >= end else start)) < 50
            ]
            beat = bool(metrics) and unit is not None and (
                _BEAT_BEFORE.search(text, max(s, start - 120), start) is not None
                or (last_beat >= 0 and _LIST_GAP.fullmatch(text, last_beat, start) is not None)  # "by 2.2% and 21.1%"
            )
            if beat:
                last_beat = m.end()
            if start in from_to or beat:
                # "from 36.2% to 40.7%" / "surpassing the SoTA by 2.2%": the metric is the sentence's
                near_metric = (near_metric or [min(metrics, key=lambda x: abs(x[0] - start))]) if metrics else []
            elif not near_metric and (
                _IMPROVE_AFTER.match(text, m.end(1)) or _IMPROVE_BEFORE.search(text, max(s, start - 12), start)
            ):
                continue
            on_bench = _ON_NEXT.match(text, end)
            after = [b for b in benches if 0 <= b[0] - end < 60]
            before = [b for b in benches if 0 <= start - b[1] < 80]
            if not (near_metric or (on_bench and after) or (unit and (after or before)) or start in from_to):
                continue
            bench = after[0][2] if after and (on_bench or not before) else (before[-1][2] if before else None)
            if beat and not after:
                # "88.5% on A and 80.7% on B, surpassing ... by 2.2% and 21.1%, respectively"
                k = sum(1 for r in out[first:] if r.get("_beat"))
                earlier = [r["benchmark"] for r in out[first:] if not r.get("_beat")]
                if respectively and k < len(earlier):
                    bench = earlier[k]
                elif earlier:
                    bench = earlier[-1]
            if bench is None and not near_metric and start not in from_to:
                continue
            model_before = [x for x in models if x[1] <= start]
            model = (
                model_before[-1][2] if model_before else (models[0][2] if models else proposed_model or proposed_any)
            )
            metric = min(near_metric, key=lambda x: abs(x[0] - end))[2] if near_metric else "score"
            if bench is None:  # "... 1 BLEU over X while improving 9.3 BLEU over Y": the sentence's benchmark
                bench = next((r["benchmark"] for r in reversed(out[first:]) if r["benchmark"]), None)
            if bench is None and near_metric:  # "the top-1 accuracy on X ... improved from 75.2% to 79.0%"
                bench = next((b[2] for b in reversed(benches) if b[1] <= start), None)
            out.append(
                {
                    "_beat": bool(beat),
                    "model": model,
                    "benchmark": bench,
                    "metric": metric if any(c.isupper() for c in metric[1:]) else metric.lower(),
                    "value": float(m.group(1)),
                    "unit": unit,
                    "evidence": "",  # filled from "span" when the record is made
                    "span": [s, e],
                }
            )
    for r in out:
        del r["_beat"]
    return out
