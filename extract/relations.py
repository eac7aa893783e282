"""Relations of one paper from its entities and sentences: PROPOSES, EVALUATED_ON, USES (paper-level,
``source`` None = the paper) and VARIANT_OF, FINE_TUNED_FROM, TRAINED_ON (between entities).

Each relation carries its evidence sentence's offsets (the sentence text itself is filled in when the
record is made), the rule that produced it and a confidence in [0, 1].
"""

from __future__ import annotations

import re
from typing import Any

from extract.result_neighbours import named_as_training

Ent = dict[str, Any]
Rel = dict[str, Any]

# How much a proposal cue is trusted.
PROPOSE_CONFIDENCE = {
    "title": 0.85, "propose": 0.9, "naming": 0.9, "acronym": 0.85, "our": 0.7, "origin": 0.9, "component": 0.75,
}
_EVAL_CUE = re.compile(
    r"\b(?:evaluat\w*|benchmark\w*|achiev\w*|outperform\w*|surpass\w*|score\w*|accurac\w*|results?|"
    r"performance|experiments?|tested|test set|state-of-the-art|SOTA|pass@\d+|F1|BLEU|win rate|on)\b",
    re.IGNORECASE,
)
# Training use in a sentence: "trained on X", "a training set from X" (then X is not evaluated on).
_TRAIN_CUE = re.compile(
    r"\b(?:pre-?train\w*|train\w*|fine-?tun\w*|instruction-tun\w*)\s+(?:\w+\s+){0,3}?(?:on|from)\b", re.I
)
_FT_FROM = re.compile(
    r"\b(?:fine-?tun\w*|initiali[sz]\w*|built|based|derived|distill\w*|adapted|continued?|starting)\s+"
    r"(?:\w+\s+){0,2}?(?:from|on|upon|off)\b",
    re.IGNORECASE,
)


def _sentence(sents: list[list[int]], pos: int) -> tuple[int, int]:
    for s, e in sents:
        if s <= pos < e:
            return s, e
    return 0, 0


def _rel(kind: str, source: str | None, target: str, text: str, sent: tuple[int, int], conf: float, rule: str) -> Rel:
    s, e = sent
    return {
        "type": kind,
        "source": source,
        "target": target,
        "evidence": "",  # filled from start/end when the record is made (keeps Docs small)
        "confidence": round(conf, 3),
        "start": s if e > s else None,
        "end": e if e > s else None,
        "rule": rule,
    }


def paper_relations(text: str, sents: list[list[int]], ents: list[Ent]) -> list[Rel]:
    """PROPOSES / EVALUATED_ON / USES from the paper to its entities (one each at most)."""
    out: list[Rel] = []
    for ent in ents:
        first = ent["mentions"][0][0]
        sent = _sentence(sents, first)
        if ent["proposed"]:
            out.append(
                _rel(
                    "PROPOSES",
                    None,
                    ent["name"],
                    text,
                    sent,
                    PROPOSE_CONFIDENCE.get(ent["proposed"], 0.6),
                    "proposal:" + ent["proposed"],
                )
            )
        if ent["label"] in ("Benchmark", "Dataset"):
            evals = [_sentence(sents, s) for s, _ in ent["mentions"]]
            hit = next((se for se in evals if _EVAL_CUE.search(text, *se)), None)
            if ent["label"] == "Benchmark":
                out.append(_rel("EVALUATED_ON", None, ent["name"], text, hit or sent, 0.8 if hit else 0.6, "benchmark"))
                continue
            if hit and not ent["proposed"] and not any(_TRAIN_CUE.search(text, *se) for se in evals):
                out.append(_rel("EVALUATED_ON", None, ent["name"], text, hit, 0.5, "dataset-eval-context"))
                continue
        if not ent["proposed"]:
            out.append(_rel("USES", None, ent["name"], text, sent, 0.5, "mentioned"))
    return out


def entity_relations(text: str, sents: list[list[int]], ents: list[Ent]) -> list[Rel]:
    """VARIANT_OF (parent named in the text), FINE_TUNED_FROM and TRAINED_ON (same-sentence cues)."""
    out: list[Rel] = []
    by_key = {e["name"].lower(): e for e in ents}
    for e in ents:  # a parent written as another entity's alias ("CFR+" of "counterfactual regret minimization (CFR)")
        for a in e["aliases"]:
            by_key.setdefault(a.lower(), e)
    for ent in ents:
        parent = ent.get("parent")
        if parent and parent.lower() in by_key and by_key[parent.lower()] is not ent:
            sent = _sentence(sents, ent["mentions"][0][0])
            out.append(_rel("VARIANT_OF", ent["name"], by_key[parent.lower()]["name"], text, sent, 0.9, "family"))
    models = [e for e in ents if e["label"] == "Model"]
    datasets = [e for e in ents if e["label"] == "Dataset"]
    for s, e in sents:
        in_sent = [(m, ms) for m in models for ms, _ in m["mentions"] if s <= ms < e]
        if not in_sent:
            continue
        ft = _FT_FROM.search(text, s, e)
        if ft:
            after = [m for m, ms in in_sent if ms >= ft.end()]
            before = [m for m, ms in in_sent if ms < ft.start()]
            src = next((m for m, _ in in_sent if m["proposed"]), before[0] if before else None)
            if after and src is not None and after[0] is not src:
                out.append(_rel("FINE_TUNED_FROM", src["name"], after[0]["name"], text, (s, e), 0.6, "fine-tuned-from"))
        tr = _TRAIN_CUE.search(text, s, e)
        if tr:
            data = [d for d in datasets for ds, _ in d["mentions"] if s <= ds < e and ds >= tr.start()]
            src = next((m for m, ms in in_sent if ms < tr.start()), None) or next(
                (m for m in models if m["proposed"]), None
            )
            for d in data:
                if src is not None:
                    out.append(_rel("TRAINED_ON", src["name"], d["name"], text, (s, e), 0.6, "trained-on"))
    seen: set[tuple[str, str | None, str]] = set()
    uniq = []
    for r in out:
        k = (r["type"], r["source"], r["target"])
        if k not in seen:
            seen.add(k)
            uniq.append(r)
    return uniq


def scored_on(text: str, sents: list[list[int]], ents: list[Ent], results: list[dict]) -> set[str]:
    """Names of the data sets results are reported on, where the result's sentence does not name them as
    training data ("By pretraining on ImageNet-21K, X achieves 87.4%" reports no result on ImageNet-21K)."""
    by_name = {e["name"]: e for e in ents}
    out: set[str] = set()
    for r in results:
        b = r.get("benchmark")
        if not b or b not in by_name or b in out:
            continue
        s, e = _sentence(sents, r["span"][0])
        for ms, me in by_name[b]["mentions"]:
            if s <= ms < e and not named_as_training(text, s, ms, me):
                out.add(b)
                break
    return out


def result_relations(sents: list[list[int]], rels: list[Rel], results: list[dict], scored: set[str]) -> list[Rel]:
    """EVALUATED_ON for each data set in ``scored`` (see :func:`scored_on`) that no relation evaluates on yet
    ("By finetuning on PASCAL VOC 2012, we obtain 78.6% mIoU": the training cue kept it from the evaluation rule)."""
    have = {r["target"] for r in rels if r["type"] == "EVALUATED_ON"}
    out: list[Rel] = []
    for r in results:
        b = r.get("benchmark")
        if b in scored and b not in have:
            have.add(b)
            out.append(_rel("EVALUATED_ON", None, b, "", _sentence(sents, r["span"][0]), 0.7, "result"))
    return out
