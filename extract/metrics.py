"""Metric names in running text, as the text writes them ("test error", "UAS", "CIDEr", "mAP@0.5").

Two sources: a short hand list of the metrics ML abstracts use most (with their plural and score forms),
and the metric names of Papers with Code leaderboards (``gazetteers/generated/metrics.pwc.txt``, made by
``scripts/gazetteers/build_pwc_metrics.py``). A name's words that carry capitals, digits or symbols
("UAS", "nDCG@10", "mAP") match as written (a capital first letter may be lower case); plain words match
in any case. A metric is widened leftwards over qualifiers ("zero-shot top-1 accuracy", "test set
classification error", "relative WER") so the result keeps the text's own metric.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

PWC_FILE = "metrics.pwc.txt"

# The metrics ML abstracts use most; regex fragments, case as in _word_pattern (plain words in any case).
HAND: tuple[str, ...] = (
    r"(?i:top-?[1-5] accurac(?:y|ies))",
    r"(?i:accurac(?:y|ies))",
    r"(?i:exact[- ]match(?: scores?)?)",
    r"(?i:(?:macro|micro|weighted)[- ]?F1(?:[- ]scores?)?)",
    r"(?i:win[- ]rates?)",
    r"(?i:success (?:rates?|scores?))",  # "success score": the tracking benchmarks' overlap metric
    r"(?i:hit (?:rates?|ratios?))",
    r"(?i:solve rates?)",
    r"(?i:pass rates?)",
    r"(?i:error[- ]rates?)",
    r"(?i:error reductions?)",
    r"(?i:(?:test|training|validation|classification|generalization|localization|reconstruction|prediction|"
    r"estimation|forecasting|average|mean|relative|absolute|angular|end-?point|pose|rotation|translation|top-[1-5]) "
    r"errors?(?:[- ]rates?)?)",
    r"(?i:perplexity)",
    r"(?i:percentile)",
    r"(?i:precision)",
    r"(?i:recall)",
    r"(?i:(?:mean )?average precision)",
    r"(?i:(?:word|character) error rates?)",
    r"(?i:AUC?-?(?:PR|ROC|PRC))",
    r"(?i:pass@\d+)",
    r"(?i:recall[@-]\d+)",
    r"(?i:hits@\d+)",
    r"(?i:rank@\d+)",
    r"F1(?:[- ]scores?|[- ]measure)?",
    r"f-(?:scores?|measures?)",  # lower case too: no other word is spelled so ("80.1 f-score for X")
    r"F-?0\.5(?:[- ]scores?)?",  # the F-beta of grammatical error correction, also written "F-0.5"
    r"EM",
    r"(?:BLEU|Bleu)(?:-?[1-4]|@[1-4])?(?: scores?)?",  # "BLEU-4", "BLEU4", "BLEU@4"
    r"(?:ROUGE|Rouge)(?:-[12L])?(?: scores?)?",
    r"(?:METEOR|Meteor)",  # title case too: "Rouge-1", "Bleu-4", "Meteor"
    r"CIDEr",
    r"chrF\+*",
    r"WER",
    r"CER",
    r"PPL",
    r"mAP(?:@[\d.:]+)?",
    r"AP(?:_?[rcfbm]|50|75)?",
    r"AUC",
    r"AUROC",
    r"mIoU",
    r"IoU",
    r"FID",
    r"PSNR",
    r"SSIM",
    r"R@\d+",
    r"NDCG(?:@\d+)?",
    r"MRR",
    r"Elo",
    r"PQ",  # panoptic quality
    # established metrics newer than the Papers with Code dump (tracking, simplification, generation)
    r"HOTA",
    r"SARI",
    r"BERTScore",
    r"CLIPScore",
    r"TER",
    r"KID",
    # long forms of the acronyms above, which abstracts often write out before the acronym
    r"(?i:peak[- ]signal[- ]to[- ]noise[- ]ratio)",
    r"(?i:structural similarity(?: index)?(?: measure)?)",
    r"(?i:(?:mean )?intersection[- ]over[- ]union)",
    r"(?i:mean )IU",  # the older spelling of mean IoU ("62.2% mean IU")
    r"(?i:area under (?:the )?(?:ROC |receiver operating characteristic |precision[- ]recall )?curve)",
    r"(?i:fr[ée]chet inception distance)",
    r"(?i:(?:root[- ])?mean[- ](?:absolute|squared)[- ]errors?)",
    r"(?i:(?:mean )?reciprocal rank)",
    r"(?i:normali[sz]ed discounted cumulative gain)",
    r"(?:mAP|AP|AUC|AUROC|mIoU|IoU|FID|PSNR|SSIM|F1|BLEU|MRR|NDCG)s",  # "mAPs of 85.2%, 96.0% and 62.3%"
    # "76.1% top-1 and 93.0% top-5 accuracy" (not "top-1 classification accuracy": widened from "accuracy")
    r"(?i:top-?[1-5])(?![\w\-])(?!(?:\s+[\w\-]+){0,2}\s+(?i:accurac\w*|errors?|recall|precision|rates?|acc)\b)",
    r"(?i:errors?)(?!\s+(?:margins?|bars?|bounds?))",  # only right after its number ("1.45% error on X")
)
# The bare "top-1" or "error" stands for a metric only right after its number ("76.1% top-1", "80.6% in top-1",
# "1.45% error"), not in "the top-1 prediction", "error rates of ... (Top-1 / Top-5)" or "error analysis".
_BARE_METRIC = re.compile(r"(?i:top-?[1-5]|errors?)")
_NUMBER_JUST_BEFORE = re.compile(r"\d\s*%?\s*(?:in\s+)?$")
# The leading letters of the first word of each HAND pattern (see _first_words).
HAND_FIRST_WORDS = (
    "top accuracy accuracies exact macro micro weighted win success hit solve pass error test training validation "
    "classification generalization localization perplexity percentile precision recall mean average word character "
    "au aupr auprc hits rank f em bleu rouge meteor cider chrf wer cer ppl map ap auc auroc miou iou fid psnr ssim r "
    "ndcg mrr elo pq hota sari bertscore clipscore ter kid score scores performance peak structural intersection "
    "area frechet fréchet root reciprocal normalized normalised reconstruction prediction estimation forecasting "
    "relative absolute angular end endpoint pose rotation translation"
)
# Generic words standing for a metric: a result with only these needs a benchmark (or a before→after pair).
WEAK = frozenset({"score", "scores", "performance"})
_WEAK_PATTERN = r"(?i:scores?|performance)"
# Right before a metric word: it names something else ("mixed precision", "half precision").
_NOT_METRIC_BEFORE = re.compile(
    r"(?i:mixed|half|full|single|double|low|reduced|numerical|floating[- ]point|arbitrary|\d+-bit|bf16|fp16|int8)"
    r"[\s\-]+$"
)
# Right after a metric: the number is a change of it ("relative WER reduction", "accuracy gains").
_CHANGE_AFTER = re.compile(r"[\s\-]+(?i:reductions?|improvements?|gains?|increases?|decreases?|drops?|degradations?)\b")
# Words that narrow a metric down and belong to its name ("zero-shot top-1 accuracy").
_QUALIFIER = (
    r"(?:zero-shot|few-shot|one-shot|\d+-shot|top-\d+|test|testing|validation|val|dev|held-out|average|avg\.?|mean|"
    r"overall|macro|micro|weighted|balanced|relative|absolute|end-to-end|worst-group|worst group|classification|"
    r"segmentation|detection|localization|retrieval|translation|recognition|reconstruction|prediction|"
    r"generation|top-1|top-5|strict|box|bbox|mask|pixel|token|sequence|sentence|word|character|label|set|"
    r"(?:in|out-of)-domain|unlabeled|labeled|linear|linear-probe|fine-tuning|f1)"
)
_QUALIFIERS_BEFORE = re.compile(rf"(?:(?i:{_QUALIFIER})[\s\-]+){{1,3}}$")


def _read_text(filename: str) -> str:
    return resources.files("extract").joinpath("gazetteers", "generated", filename).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def pwc_metric_names() -> tuple[str, ...]:
    """The Papers with Code metric names shipped with the package (empty if the file is missing)."""
    try:
        text = _read_text(PWC_FILE)
    except FileNotFoundError:
        return ()
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _word_pattern(word: str) -> str:
    """A regex for one word of a metric name: plain words in any case (last ones with a plural); mixed-case
    words ("mIoU", "nDCG") in any case but all lower case (see :func:`find_metrics`); other cased words as
    written but for the case of a leading capital."""
    if _mixed_case(word):
        return f"(?i:{re.escape(word)})"
    if any(c.isupper() for c in word[1:]) or not word.isalpha():
        head, rest = word[0], word[1:]
        first = f"[{head}{head.swapcase()}]" if head.isalpha() and head.isupper() else re.escape(head)
        return first + re.escape(rest)
    low = word.lower()
    return f"(?i:{re.escape(low)})"


def name_pattern(name: str) -> str:
    """A regex for a metric name: its words joined by spaces or hyphens, the last one with a plural."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    parts = [_word_pattern(w) for w in words]
    last = words[-1]
    if (last.isalpha() and last.islower()) or (last.isalpha() and last[0].isupper() and last[1:].islower()):
        stem = re.escape(last.lower())
        parts[-1] = f"(?i:{stem[:-1]}(?:y|ies))" if stem.endswith("y") else f"(?i:{stem}(?:e?s)?)"
    return r"[\s\-]".join(parts)


def _mixed_case(word: str) -> bool:
    """A word with a lower-case letter and a capital after its first letter ("mIoU", "nDCG@10", "CIDEr")."""
    letters = [c for c in word if c.isalpha()]
    return any(c.islower() for c in letters) and any(c.isupper() for c in letters[1:])


@lru_cache(maxsize=1)
def mixed_case_lowered() -> frozenset[str]:
    """Mixed-case metric names written all in lower case ("map", "miou"): words, not those metrics ("f-score" is)."""
    names = [*pwc_metric_names(), "mAP", "mIoU", "CIDEr", "nDCG"]
    return frozenset(n.lower() for n in names if " " not in n and _mixed_case(n) and not n.lower().startswith("f-"))


# A threshold or cut-off written onto a metric's name belongs to it: "mAP50", "AP_75", "mAP50-95", "AP@0.50:0.95",
# "F1@15" (two digits or an "@": "F1" and "R1" are names of their own).
# A subscript after a metric: its box, mask or object size ("AP_box", "AP$_{mask}$", "AP^S", "mAP_{50}").
_SUB = r"[_^]\{?(?:box|bbox|mask|seg|[SMLsml]|\d{2}(?:[:\-]\d{2})?)\}?"
_SUBSCRIPT = rf"\${_SUB}\$|{_SUB}"
_THRESHOLD = rf"(?:{_SUBSCRIPT}|_?\d{{2}}(?:[:\-]\d{{2}})?|@[\d.:]*\d)?"

@lru_cache(maxsize=1)
def metric_regex() -> re.Pattern[str]:
    """One regex matching any known metric (longest alternatives first), not inside a word."""
    names = sorted(set(pwc_metric_names()), key=lambda n: (-len(n), n))
    alternatives = [name_pattern(n) for n in names] + list(HAND) + [_WEAK_PATTERN]
    return re.compile(
        r"(?<![\w@&])(?<![^A-Za-z]-)(?:" + "|".join(f"(?:{a})" for a in alternatives) + r")"
        + _THRESHOLD + r"(?![\w@]|-\w)"
    )


_WORD_START = re.compile(r"(?<![\w@&])(?<![^A-Za-z]-)[A-Za-z]+")
# Right before a metric: it is changed ("reduction in EER", "improvements in F1").
_CHANGE_IN = (
    r"(?i:(?:(?:mean|average|relative|absolute)\s+)?(?:reductions?|improvements?|increases?|decreases?|gains?|drops?)"
    r"\s+in\s+(?:the\s+)?)"
)
_CHANGE_BEFORE = re.compile(_CHANGE_IN + "$")
_CHANGE_LEAD = re.compile(_CHANGE_IN)
_OPEN_BRACKET = re.compile(r"\(\s*$")
# Right before a metric: it is the condition another metric is read at ("54.1% mAP at IoU@0.5").
_CONDITION_BEFORE = re.compile(r"\b(?i:at)\s+$")
_RATE_AFTER = re.compile(r"[\s\-]+(?i:rates?)\b")  # after the list's "Top-5 Error"
_HEAD_AFTER = re.compile(r"[\s\-]+(?i:accurac(?:y|ies)|scores?)\b")
_PERCENTILE_AFTER = re.compile(r"\s+\d{1,2}(?:th|st|nd|rd)\s+percentile\b")
# A word joined to a metric by a hyphen belongs to it ("pixel-AUROC", "image-level-F1").
_PREFIXED = re.compile(r"[A-Za-z][A-Za-z\-]*-$")


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Lower-cased leading letters of the first word of every metric: only words starting with one of them
    are tried against :func:`metric_regex` (a scan of every position costs ten times more)."""
    firsts = set(HAND_FIRST_WORDS.split())
    for name in pwc_metric_names():
        lead = re.match(r"[A-Za-z]+", name)
        if lead is not None:
            firsts.add(lead.group().lower())
    plurals = {w[:-1] + "ies" if w.endswith("y") else w + "s" for w in firsts}  # "accuracies", "rates"
    return frozenset(firsts | plurals | {w + "es" for w in firsts})


def is_change(metric: str) -> bool:
    """Whether ``metric`` names a change of a metric ("relative WER reduction"), so its number is a delta."""
    return _CHANGE_AFTER.search(" " + metric) is not None


def without_change(metric: str) -> str:
    """``metric`` without the change word after it ("accuracy gains" -> "accuracy"): the name of a level."""
    m = _CHANGE_AFTER.search(" " + metric)
    return metric[: m.start() - 1] if m is not None and m.start() > 0 else metric


# An acronym in brackets right after a metric: "a Dice similarity coefficient (DSC) of 83.5%".
_BRACKETED_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z]*[A-Z][A-Za-z0-9@\-]{0,8})\s*[,;)]")


# After a capitalised metric word, the nouns that close its name ("Dice similarity coefficient", "Jaccard index"),
# and between a metric acronym and a metric inside the brackets after it, the first words of its long form.
_NOUNS_AFTER = re.compile(r"(?:\s+(?!(?:and|or|of|in|on|at|for|with|to|the)\b)[a-z]+)?\s+(?:coefficient|index)\b")
_LONG_FORM_OF = re.compile(r"\s*\(\s*(?:[A-Z][a-z]+[\s\-]+){0,4}")
# Words closing a metric's long form after a known metric word ("Dice similarity coefficient").
_METRIC_NOUNS = re.compile(r"(?:\s+[a-z]+)?\s+(?:coefficient|index|score|rate|ratio|distance|error|measure)")


def defined_metrics(text: str) -> tuple[str, ...]:
    """Acronyms the text defines for a metric ("Hausdorff distance 95th percentile (HD95)"), which
    :func:`find_metrics` then reads as metrics wherever the paper writes them ("an HD95 of 5.10 on B").

    >>> defined_metrics("a Dice similarity coefficient (ZSC) of 83.5%, a Blarg (BL) of 2, an accuracy (ACC) of 3")
    ('ZSC', 'ACC')
    """
    out: list[str] = []
    for m in _BRACKETED_ACRONYM.finditer(text) if "(" in text else ():
        lead = len(text[: m.start()].rstrip())
        found = find_metrics(text, max(0, lead - 60), lead)
        if (found and not found[-1][3] and m.group(1) not in out
                and (found[-1][1] == lead or _METRIC_NOUNS.fullmatch(text, found[-1][1], lead))):
            out.append(m.group(1))
    return tuple(out)


_SCORE_ON_BEFORE = re.compile(r"\d\s*%\s+on\s+(?:the\s+)?$")


def find_metrics(text: str, start: int, end: int, defined: tuple[str, ...] = ()) -> list[tuple[int, int, str, bool]]:
    """(start, end, metric as written widened over its qualifiers, weak) of the metrics in ``text[start:end]``;
    ``weak``: the metric only says "score" or "performance" (a benchmark has to make its number a result).
    ``defined``: the paper's own metric acronyms (:func:`defined_metrics`)."""
    out: list[tuple[int, int, str, bool]] = []
    regex, firsts, done = metric_regex(), _first_words(), start
    for w in _WORD_START.finditer(text, start, end):
        if w.start() < done or w.group().lower() not in firsts:
            continue
        m = regex.match(text, w.start(), end)
        if m is None:
            continue
        s, e = m.start(), m.end()
        done = e
        if _BARE_METRIC.fullmatch(m.group()) and _NUMBER_JUST_BEFORE.search(text, max(start, s - 12), s) is None:
            continue
        if _CONDITION_BEFORE.search(text, max(start, s - 4), s) is not None:
            continue  # "mAP 54.1% at IoU@0.5", "precision at recall 0.9": a condition of another metric
        if m.group().isupper() and _SCORE_ON_BEFORE.search(text, max(start, s - 16), s) is not None:
            continue  # "1.6% on ADE and 1.5% on VG": a data set the score is on, though "ADE" also names a metric
        if m.group() in mixed_case_lowered() or (
            m.group().lower() == "precision" and _NOT_METRIC_BEFORE.search(text, max(start, s - 20), s)
        ):
            continue  # "map", "miou": a mixed-case name written all in lower case; "mixed precision"
        c = _CHANGE_BEFORE.search(text, max(start, s - 40), s)
        if c is not None:
            s = c.start()  # "a reduction in EER of 59.2%": the number is a change
        p = _PREFIXED.search(text, max(start, s - 30), s)
        if p is not None:
            s = p.start()
        q = _QUALIFIERS_BEFORE.search(text, max(start, s - 40), s)
        if q is not None:
            s = q.start()
        c = _CHANGE_AFTER.match(text, e, end)
        if c is not None:
            e = c.end()
        if (r := _RATE_AFTER.match(text, e, end)) is not None and m.group().lower().endswith("error"):
            e = done = r.end()  # "top-5 error rates": the list's "Top-5 Error" and its rate are one metric
        elif (r := _HEAD_AFTER.match(text, e, end)) is not None and m.group()[-1].isdigit():
            e = done = r.end()  # "Rank-1 accuracy", "Recall@1 score": a cut-off metric and its head are one
        if (pc := _PERCENTILE_AFTER.match(text, e, end)) is not None:
            e = done = pc.end()  # "Hausdorff distance 95th percentile": one metric
        elif (nn := _NOUNS_AFTER.match(text, e, end)) is not None and m.group()[:1].isupper():
            e = done = nn.end()  # "Dice similarity coefficient", "Jaccard index": the name goes on to its noun
        if out and out[-1][1] <= s and " " in text[s:e] and " " not in out[-1][2] and out[-1][2][1:2].isupper() and (
                _LONG_FORM_OF.fullmatch(text, out[-1][1], s)):
            continue  # "HTER (Half Total Error Rate) of 5%": the bracket spells out the acronym before it
        name = display(text[s:e], s == start)
        if out and (lead := _CHANGE_LEAD.match(out[-1][2])) and _OPEN_BRACKET.search(text, max(start, s - 3), s) and (
            not text[out[-1][1] : s].strip(" (")
        ):  # "an increase in mean Average Precision (mAP) of 2%": the acronym of a changed metric is changed
            name = lead.group() + name
        first, _, rest = name.partition(" ")
        if rest and (sl := _SLASHED_BEFORE.search(text, max(start, s - 12), s)) is not None and (
            sl.group(1) != first and (_DIGITS.sub("", sl.group(1)) == _DIGITS.sub("", first) or (
                _SLASHED_QUALIFIER.fullmatch(sl.group(1)) and _SLASHED_QUALIFIER.fullmatch(first)))
        ):  # "top-1/top-5 error rate", "box/mask AP": two metrics, the first written by its qualifier alone
            out = [o for o in out if o[:2] != sl.span(1)]  # not also the bare "top-1" on its own
            out.append((sl.start(1), sl.end(1), f"{sl.group(1)} {rest}", m.group().lower() in WEAK))
        out.append((s, e, name, m.group().lower() in WEAK))
    for acronym in defined:
        s = text.find(acronym, start, end)
        while s >= 0:
            e = s + len(acronym)
            whole = not (s > 0 and (text[s - 1].isalnum() or text[s - 1] in "_-(")) and not (
                e < len(text) and (text[e].isalnum() or text[e] in "_-"))
            if whole and not any(os < e and s < oe for os, oe, *_ in out):
                out.append((s, e, acronym, False))
            s = text.find(acronym, e, end)
    return sorted(out) if defined else out


_SLASHED_BEFORE = re.compile(r"(?<![\w/\-])([A-Za-z][\w@\-]*)\s*/\s*$")
# Object kinds a detection metric is read for, slashed before it ("box/mask AP", "bbox/segm mAP").
_SLASHED_QUALIFIER = re.compile(r"(?i:box|bbox|mask|segm|seg|keypoint|pixel|instance|image|object|frame|video|clip)")
_DIGITS = re.compile(r"\d+")

_SINGULAR = {
    "accuracies": "accuracy",
    "Accuracies": "Accuracy",
    "scores": "score",
    "rates": "rate",
    "errors": "error",
    "improvements": "improvement",
    "gains": "gain",
    "increases": "increase",
    "reductions": "reduction",
    **{f"{m}s": m for m in ("mAP", "AP", "AUC", "AUROC", "mIoU", "IoU", "FID", "PSNR", "SSIM", "F1", "BLEU", "MRR",
                            "NDCG")},
}


def display(metric: str, at_start: bool = False) -> str:
    """The metric as written on one line, its last word in the singular; a plain capitalised first word at a
    sentence start in lower case."""
    words = metric.split()
    words[-1] = _SINGULAR.get(words[-1], words[-1])  # "top-1 accuracies" -> "top-1 accuracy": one leaderboard
    metric = " ".join(words)
    head, _, rest = metric.partition(" ")
    if at_start and head[1:].islower() and head.isalpha():
        head = head.lower()
    return f"{head} {rest}" if rest else head
