"""The numbers of a sentence that can be results, and what each one is: a value, the old value of a
before→after pair, or a delta ("by 2.3 points", "+3.1%", "a 5% gain"); sizes, counts, shares of data,
indices and settings are left out ("7B parameters", "3 other datasets", "10% of the data", "Table 2", "k=5").

Numbers written as a list ("71.2%, 64.0% and 55.3%", "71.2/64.0/55.3") form one group: what comes before the
first and after the last tells the kind of all of them ("by 2.2% and 21.1%"; "2.8% and 7.2% WER").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

_UNIT = (
    r"(?:(?:-(?=points?\b|pts\b)|\$?\s*)(?:\$?\\?%\$?(?:\s*points?\b)?|percent\b|percentage points?\b|pp\b|p\.p\.|"
    r"points?\b|pts\b|dB\b"
    r"|mm\b|cm\b))"  # a pose or depth error is a distance ("an MPJPE of 42.6 mm")
)
# A number: not inside a word, version ("GPT-3.5"), fraction, setting ("k=5") or LaTeX command ("^{3}");
# an uncertainty ("68±3%") belongs to it; a decimal may leave out its zero ("an AUROC of .673").
_NUMBER = re.compile(
    r"(?<![\w.@^\\:−{+])(?<![^\d%]/)(?<![^\d%\s]-)(?<!\s-)(?P<sign>\+\s?)?(?P<num>\d{1,3}(?:\.\d+)?|(?<=[\s(])\.\d{1,4})(?![\d])"
    rf"(?P<pm>\s*(?:±|\$?\\pm\$?)\s*\d+(?:\.\d+)?)?(?P<unit>{_UNIT})?(?P<th>-?th\b)?"
)
# A number in a suspended compound: "for 2- and 3-minute horizons".
_SUSPENDED = re.compile(r"-\s+(?:and|or|to)\s+\d")
# Between two numbers of one list, and of a before→after pair.
_SLASHED = re.compile(r"\d\.\d+(?:\\?%)?/$")  # also LaTeX's escaped percent before the slash
_LIST_JOIN = re.compile(r"\s*(?:,\s*and|,\s*or|,|and|or|/)\s*[~≈]?\s*")  # "~3.4% and ~18.9%"
_OPEN_ASIDE = re.compile(r"\s*\(\s*")  # between a number and the first number of a bracket right after it
_ASIDE_THEN = re.compile(r"\s*\([^()]{1,60}\)")
_RANGE_JOIN = re.compile(r"\s*(?:-{1,2}|–|~|∼|\$?\\sim\$?)\s*")
_PAIR_JOIN = re.compile(r"\s*(?:to|→|->|⇒|=>|\$?\\?rightarrow\$?|\$\\to\$)\s*")
_VERSUS_JOIN = re.compile(r"\s*(?:vs\.?|v\.s\.?|versus)\s*", re.IGNORECASE)  # "77.65% vs. 75.90%": new, then old
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:an?|the)\s+)?(?:[\w\-@]+\s+){0,3}?$", re.IGNORECASE)
# Between a delta and the next number: the same change goes on for another benchmark ("... on A and 0.39% on B").
_DELTA_GOES_ON = re.compile(
    r"(?:\s+(?:relative|absolute)?\s*(?:improvements?|gains?|reductions?|increases?|decreases?|drops?))?"
    r"\s+(?:on|in|for|over)\s+(?:[^,;(]|\([^(),;]*\)){1,40}?(?:,\s*(?:and\s+|with\s+)?|\s+and\s+)"
    r"(?:(?:up\s+to|by|about|around|nearly|almost|over)\s+)?\$?"
)  # (also "a 20.2% relative improvement on A, 20.9% on B", "by up to 1.6% on A and up to 1.7% on B"; not "over the
# winner (BarNet, 6.66%)")
_COUNTED_AFTER_NAME = re.compile(
    r"\S+\s+(?:datasets|benchmarks|tasks|models|languages|domains|splits|subsets|categories|classes|samples|"
    r"images|examples|sentences|documents|queries)\b",
    re.IGNORECASE,
)
_AT_BEFORE = re.compile(r"\bat\s+$")
_QUANTILE_OF = re.compile(r"\s+percentile\s+(?!(?:on|in|of|among|across|for|and|or|with|at|by)\b)[a-z]")
_OPERATING_POINT = re.compile(r"\s*[a-z][a-z\-]*\s+(?!and\b|or\b)[a-zA-Z]")
_LEAD = re.compile(r"[\s$*(]+$")  # LaTeX, Markdown or a bracket right before a number
# Right before a list of numbers: they are settings of the experiment ("under various labeling ratios (i.e.,
# 1%, 5%, 10% and 20%)", "at masking rates of 15% and 30%"), not results.
_SETTING_LIST_BEFORE = re.compile(
    r"\b(?:label(?:l?ing|l?ed)?|annotation|sampling|mask(?:ing)?|missing|noise|pruning|sparsity|compression|"
    r"dropout|occlusion|corruption|poisoning|participation)\s+(?:ratios?|rates?|levels?|proportions?|fractions?|"
    r"budgets?)\s*(?:of\s+|=\s*|:\s*|,?\s*\(?\s*(?:i\.e\.|e\.g\.)?,?\s*)?$",
    re.IGNORECASE,
)
_POINTS_OF_PERCENT = re.compile(r"pp|p\.p\.|percentage points?", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"\b(?:rang\w*|between|varies|varying)\s+(?:from\s+)?$", re.IGNORECASE)
# Right before a number: it is a delta.
_DELTA_BEFORE = re.compile(
    r"(?:\bby|\+|±|\b(?:improvements?|gains?|margins?|increases?|boosts?|reductions?|decreases?|drops?|"
    r"degradations?|advantages?|leads?|jumps?|gaps?)\s+of)\s+(?:(?:up to|over|about|around|nearly|almost|more than|"
    r"roughly|approximately|an average of|on average|(?:an )?average(?: of)?|at least|as much as|ranges? of|absolute|"
    r"relative|a(?:\s+(?:large|significant|wide|substantial|considerable|clear|notable|big|great))?\s+margin(?:\s+of)?,?"
    r"(?:\s*\(\s*(?:e\.g\.|i\.e\.)?,?)?|"  # ("by a large margin, more than 6%")
    r"a further|further|another|respectively|~)\s*)*$",
    re.IGNORECASE,
)
# Right after a number (and its unit): it is a delta; group "r" lowers the metric.
_DELTA_AFTER = re.compile(
    r"\s*\)?\s*(?:(?:absolute|relative|average|avg\.?|on average|overall)\s+)?"
    r"(?:(?P<r>reductions?|decreases?|drops?|lower|less|worse|poorer|degradations?|declines?)|"
    r"improvements?|gains?|increases?|boosts?|higher|better|superior|advantages?|margins?|lead|jumps?|above|"
    r"enhancements?)\b",
    re.IGNORECASE,
)
# A change verb a few words before a number ("improves on average 1 BLEU"), not "improves ... to 85%".
_CHANGE_VERB_BEFORE = re.compile(
    r"\b(?:(?:improv|increas|boost|rais|lift|gain|reduc|lower|decreas|cut|surpass|outperform|beat)\w*\s+[(|\s]*|"
    r"exceed\w*\s+[(|\s]*(?=[\w\-]+\s))"  # "exceeds X by 2%" is a change, "exceeding 95%" a level
    r"(?:(?!to\b|from\b|of\b|at\b|with\b)[\w\-]+\s+){0,3}$|"
    # "exceeding the best performing baseline up to 8.62%", "better than other trackers over 5%"
    r"\b(?:surpass\w*|outperform\w*|beat\w*|exceed\w*|(?:better|higher)\s+than)\s+(?:[\w\-]+\s+){1,6}(?:up\s+to|over)\s+$",
    re.IGNORECASE,
)
# After a number (unit, metric): "over the strongest baseline", "over the previous state of the art".
_OVER_BASELINE = re.compile(
    r"\s*(?:[\w@\-]+\s+){0,3}?(?:over|above|than)\s+(?:the\s+|a\s+|all\s+|its\s+)?(?:[\w\-]+\s+){0,2}?"
    r"(?:baselines?|state[\s\-]of[\s\-]the[\s\-]art|SOTA|SoTA|previous|prior|best|strongest|existing|competitors?)\b",
    re.IGNORECASE,
)
_HIGHER_LOWER = re.compile(r"\b(?:higher|lower|better|worse|larger|smaller)\b", re.IGNORECASE)
_REDUCING_VERB = re.compile(r"\b(?:reduc|lower|decreas|cut|drop|shrink|declin)\w*\b[^.;]*$", re.IGNORECASE)
# Right before a number: it is an index, a setting, a factor or a bound ("less than 1%"), not a result.
_NOT_BEFORE = re.compile(
    r"(?:\b(?:first|top|Table|Tab\.|Figure|Fig\.|Section|Sec\.|Eq\.|Equation|v|version|level|Level|stage|phase|"
    r"step|round|day|epoch|Task|task|group|[Tt]ype|factor of|number of|interval|CI|threshold(?: of)?|"
    r"(?:deviation|difference|gap) of(?: only| just| about)?|(?:less|fewer) than|below|within(?: an?)?|[kKnNTdLpw]|"
    r"(?:acceleration|speed-?ups?|slow-?downs?) of(?: up to| about| around| over| nearly| almost)?)|"
    r"[=×<≤≥#\[±]|\\times\s*\$?|(?<![-=])>|(?<=[A-Za-z])['’])\s*$"  # "ICCV'17": a year
)
# After a number: a size or a factor ("3.9×", "2x faster").
_FACTOR_AFTER = re.compile(r"(?:\s*(?:[-–~]|to)\s*\d+(?:\.\d+)?)?\s*(?:×|x\b|times\b|\$?\\times\$?)")  # "2 to 5 times"
_SHARE_OF_COUNT = re.compile(
    r"\d\s+(?:labell?ed\s+)?(?:examples|samples|images|labels|instances|shots|annotations)(?:\s+per\s+\w+)?\s*\($"
)
_SIZE_RANGE_AFTER = re.compile(r"\s*[-–]\s*\d+(?:\.\d+)?[BMKbmk]\b")
# After "fewer"/"less"/"more": a noun makes the number a size ("80% fewer parameters").
_COMPARATIVE = frozenset(["fewer", "less", "more"])
_ARITHMETIC = re.compile(r"\+\d|\s*(?:-+>|→)\s*\d+\s*\)")
# Words that may follow a result number (else a word after it makes it a count, a size or a share).
_FOLLOW_WORDS = (
    "on in at for with and or to from vs vs. versus than compared respectively across over under using by "
    "after while when which whereas against without is was are were of average avg avg. mean overall "
    "absolute relative higher lower better worse improvement improvements gain gains increase increases "
    "decrease decreases reduction reductions drop drops boost boosts margin lead less fewer degradation "
    "decline jump advantage among within as accuracy points pts pp the above below enhancement almost nearly but yet "
    "can could may might will would should"
)
_FOLLOW = frozenset(_FOLLOW_WORDS.split())
_SETTINGS = frozenset(["in-domain", "out-of-domain", "in-distribution", "out-of-distribution"])
ASIDE = re.compile(
    r"\s*\((?:(?:or|and|i\.e\.|e\.g\.|about|approx\w*|roughly)\b[^()]{0,30}|"
    r"(?:vs\.|(?:vs|versus|compared (?:to|with)|previous|prior|baseline|SOTA|state[- ]of[- ]the[- ]art)\b)"
    r"[^()]{0,50})\)",
    re.IGNORECASE,
)
# Right before a bracket of numbers: a change over others ("performance gains over previous approaches (12.6% on A,
# 11.6% on B)"): the numbers are its deltas.
_CHANGE_OVER_OPEN = re.compile(
    r"\b(?:improvements?|gains?|boosts?|increases?|reductions?|margins?|advantages?)\s+(?:over|against|compared\s+"
    r"(?:to|with))\s+[^.;:()]{0,50}\(\s*$",
    re.IGNORECASE,
)
# A bracketed comparison after a result: "65.07% (vs. previous SOTA 24.68%) recall"; its number is someone else's.
_COMPARISON_OPEN = re.compile(
    r"\((?:vs\.|(?:vs|versus|compared (?:to|with)|previous|prior|baseline|SOTA|state[- ]of[- ]the[- ]art)\b)"
    r"[^()]*$",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"[\s*$]*(?P<w>[^\s,;:.()\[\]*$]+)")
# Words that may stand between a number and its metric ("97% of the F1", "3.1% absolute increase in F1").
GAP_WORDS = (
    r"(?:of|the|an?|in|at|terms|its|their|absolute|relative|average|avg\.?|mean|overall|points?|pts|pp|improvements?|gains?|"
    r"enhancements?|"
    r"increases?|reductions?|decreases?|drops?|higher|lower|better|worse|boost)\b"
)
# A plain word that may be part of the metric's own name ("100% clustering accuracy", "73.5% linear evaluation
# accuracy"): not a function word, a plural ("19 structures") or a participle ("8% labeled points").
NOUNISH = (
    r"(?!(?:and|or|but|vs|the|with|for|to|on|at|by|from|than|while|when|which|that|is|are|was|were|this|these|"
    r"its|our|their|only|also|more|less|fewer|both|all|each|either|terms)\b)(?:[a-z]+-[a-z\-]+|[a-z]+[a-rt-z](?<!ed))\b"
)
_GAP_WORD = re.compile(rf"[\s*]*(?:\(|\)|{GAP_WORDS})[\s*]*", re.IGNORECASE)
_NOUNISH_WORD = re.compile(rf"{NOUNISH}\s+")


@dataclass
class Number:
    """A number that may be a result: offsets of the number, its value and unit, and its role
    ("value", "before" = the old value of a before→after pair, "delta")."""

    start: int
    end: int  # after the unit
    value: float
    unit: str | None
    role: str = "value"
    reduction: bool = False  # a delta that lowers the metric ("15% relative WER reduction")
    group: int = 0  # numbers written as one list share a group id
    aside_of: int = -1  # in brackets right after another number ("94.6% (+1.2%)"): that number's start


def _candidates(
    text: str, s: int, e: int, names: list[tuple[int, int]], metrics: list[tuple[int, int]], *, early: bool = False
) -> list[Number]:
    """The numbers of ``text[s:e]`` that are not part of a name, a metric, a size or a word. ``early``: before the
    metrics are known, a number after "=" may still be a metric's value ("FID=9.91")."""
    out: list[Number] = []
    blocked = names + metrics
    name_ends = {be for _, be in names}
    metric_ends = {me for _, me in metrics}
    metric_starts = {ms for ms, _ in metrics}
    setting_end: int | None = None  # end of the last number set with "=" ("r = 0.99") or ruled out by _NOT_BEFORE
    for m in _NUMBER.finditer(text, s, e):
        ns, ne = m.start("num"), m.end("num")
        start = m.start()
        if any(bs <= ns < be for bs, be in blocked):
            continue  # part of a name ("MATH 500", "ViT-B/16")
        if text[start - 1 : start] == "/" and not (
            _SLASHED.search(text, max(s, start - 8), start) and "." in m.group()
        ):
            continue  # "1/50", "3.7/5": a fraction, not a list "71.2/64.0/55.3"
        if text[start - 1 : start] == " " and start - 1 in name_ends and not m.group("unit") and not _scored(
            m.group("num"), text, ne, metric_starts
        ):
            continue  # a version the name left out ("FooWOZ 2.4"), not a score ("(ResNet-101 41.9 mAP)")
        head = text[max(s, start - 3) : start].rstrip()
        metric_value = head.endswith("=") and (early or len(text[:start].rstrip()) - 1 in metric_ends)  # "FID=9.91"
        if head.endswith("=") and not metric_value:
            setting_end = m.end()
            continue
        if m.group("th") and _QUANTILE_OF.match(text, m.end()):
            continue  # "reduces 90th percentile latency": a quantile of a quantity, not a ranking
        if _FACTOR_AFTER.match(text, m.end()) or _SIZE_RANGE_AFTER.match(text, ne):
            continue  # "3.9×", "2x", "the 1-10B parameter range"
        nxt = text[ne : ne + 2]
        if (
            not m.group("unit")
            and not m.group("th")
            and (
                nxt[:1].isalpha()
                or (nxt[:1] == "-" and (nxt[1:2].isalpha() or _SUSPENDED.match(text, ne)))
                or (nxt[:1] in ":," and nxt[1:2].isalnum())
                or (nxt[:1] == "/" and "." not in m.group())
            )
        ):
            continue  # "7B", "100-persona", "2:4", "88,3", "1/50"
        if nxt[:1] == "/" and not nxt[1:2].isdigit():
            continue
        summand = text[max(s, ns - 1) : ns] == "+" and text[max(s, ns - 2) : ns - 1].isdigit()
        if summand or _ARITHMETIC.match(text, ne):
            continue  # "(77.4+4.2)%", "(1->16)": a sum or a range of settings
        if text[ne : ne + 1] == ")" and "." not in m.group("num") and text[max(s, ns - 1) : ns] != "(":
            continue  # an enumerator: "1) ..."
        if not metric_value and _NOT_BEFORE.search(text, max(s, start - 30), start) and not (
            head.endswith("[") and "." in m.group("num")
        ):  # (a citation's number, not "an RMSE of [2.21, 1.84]")
            setting_end = m.end()  # the rest of its list too: "a difference of 12.2%, 9.3% and 4.0%", "[8, 19]"
            continue  # "Table 2", "k=5"
        if text[max(s, ns - 2) : ns].strip() in ("(",) and (text[ne : ne + 1] == ")" and "." not in m.group("num")):
            continue  # "(1)"
        if _SHARE_OF_COUNT.search(text, max(s, start - 40), start):
            continue  # "with 60 examples per class (5%)": the share of data a count makes
        if _AT_BEFORE.search(text, max(s, start - 4), start) and _OPERATING_POINT.match(text, m.end()):
            continue  # "at 1% false alarm rate", "at 0.5 IoU": an operating point
        if setting_end is not None and _LIST_JOIN.fullmatch(text, setting_end, start):
            setting_end = m.end()
            continue  # "r = 0.99 and 0.96": the rest of a list of settings
        raw_unit = m.group("unit") or ""
        unit = "%" if "%" in raw_unit or "percent" in raw_unit else None
        # A signed number, or one in percentage points ("6.90 pp on MMLU"), is a change.
        role = "delta" if m.group("sign") or _POINTS_OF_PERCENT.match(raw_unit.strip()) else "value"
        end = m.end() if m.group("th") else (m.end("unit") if raw_unit else ne)
        out.append(Number(m.start(), end, float(m.group("num")), unit, role))
    return out


def _scored(num: str, text: str, end: int, metric_starts: set[int]) -> bool:
    """Whether a number right after a name is its score, not its version: a metric follows it, and it is not small
    with one decimal ("(BarNet-101 41.9 mAP)" is a score; "FooWOZ 2.4 accuracy" a version)."""
    if float(num) < 10 and len(num.partition(".")[2]) <= 1:
        return False
    return any(end < ms <= end + 2 and not text[end:ms].strip() for ms in metric_starts)


# A count in a compound word, or a list going on to one: "56-layer", "(32, 44, 56-layer ResNet)".
_QUALIFIER_WORD = re.compile(r"[A-Z]\d{1,2}")
_COMPOUND_AFTER = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?\d+(?:\.\d+)?)*-[a-z]")


# A metric's long form up to its acronym, alone in brackets ("Multi-Object Tracking Accuracy (MOTA)", "mean per
# joint error (MPJPE)"); not across a function word ("76.4% and a mean Average Precision (mAP) of 71.3%").
LONG_FORM_OPEN = re.compile(
    r"\s*(?:(?!(?:and|or|an?|the|of|in|on|at|for|with|by|to|vs|than|over|while|whereas)\b)[A-Za-z][\w\-]*\s+){1,6}"
    r"\((?=[^()\s,;]{1,20}\))"
)


def _follow_ok(text: str, end: int, stop: int, metric_starts: set[int], name_starts: set[int]) -> bool:
    """Whether what follows a number lets it be a result (not "3 other datasets", "10% of the data")."""
    if _COMPOUND_AFTER.match(text, end, stop):
        return False  # "(32, 44, 56-layer ResNet)", "a 3-shot setting": a count in a compound word
    aside = ASIDE.match(text, end, stop)
    if aside is not None:
        end = aside.end()  # "50% (or more) of the data"
    w = _WORD_AFTER.match(text, end, stop)
    if w is None:
        return True  # punctuation or the end of the sentence
    if (
        w.start("w") not in metric_starts  # "F1" is a metric itself
        and _QUALIFIER_WORD.fullmatch(w.group("w"))
        and (nxt := _WORD_AFTER.match(text, w.end(), stop)) is not None
    ):
        return nxt.start("w") in metric_starts  # "66.4% Q8 accuracy": a short qualifier, then the metric
    if w.start("w") in metric_starts:
        return True
    if w.start("w") in name_starts:  # "77.5 Zorp-Bench accuracy", not "3 Zorp datasets"
        return _COUNTED_AFTER_NAME.match(text, w.start("w"), stop) is None
    word = w.group("w").lower()
    if word == "of":
        return _metric_soon(text, end, stop, metric_starts)
    if word in _COMPARATIVE:
        nxt = _WORD_AFTER.match(text, w.end(), stop)
        return nxt is None or not nxt.group("w")[:1].isalnum() or nxt.start("w") in metric_starts
    if word in ("lower", "higher") and (nxt := _WORD_AFTER.match(text, w.end(), stop)) is not None:
        # "30% lower memory usage" changes what it names, not an earlier metric; "2% higher than X", "5% lower
        # error" go on
        return nxt.start("w") in metric_starts or nxt.group("w").lower() in _FOLLOW or not nxt.group("w")[:1].isalpha()
    if word in _FOLLOW or not word[:1].isalnum():
        return True
    if word.endswith("ly"):  # "0.116 largely outperforming ..."
        return True
    if word.endswith("ing") or word in _SETTINGS:  # "87.6% surpassing all ...", not "128 training examples";
        # "82% in-domain and 73% out-of-domain", not "3 out-of-domain benchmarks"
        nxt = _WORD_AFTER.match(text, w.end(), stop)
        if nxt is None or not nxt.group("w").endswith("s") or nxt.start("w") in metric_starts:
            return True
    return _metric_soon(text, end, stop, metric_starts)


def _metric_soon(text: str, end: int, stop: int, metric_starts: set[int]) -> bool:
    """A metric starts a few words after ``end`` ("97% of the F1", "48.7% translation accuracy"), or right after its
    long form ("71.8% Multi-Object Tracking Accuracy (MOTA)")."""
    if (lf := LONG_FORM_OPEN.match(text, end, stop)) is not None and lf.end() in metric_starts:
        return True
    pos = end
    for _ in range(5):
        while pos < stop and text[pos] in " *":
            pos += 1
        if pos in metric_starts:
            return True
        word = pos
        for _ in range(3):  # "48.7% translation accuracy", "5 percentage higher in top1 accuracy"
            noun = _NOUNISH_WORD.match(text, word, stop)
            if noun is None:
                break
            word = noun.end()
            if word in metric_starts:
                return True
        g = _GAP_WORD.match(text, pos, stop)
        if g is None or g.end() == pos:
            return False
        pos = g.end()
    return pos in metric_starts


def number_candidates(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` holds any number that could be a result before names and metrics are known
    (they only ever take numbers away): a cheap test that spares the metric scan most sentences."""
    return bool(_candidates(text, s, e, [], [], early=True))


def find_numbers(
    text: str, s: int, e: int, names: list[tuple[int, int]], metrics: list[tuple[int, int]]
) -> list[Number]:
    """The numbers of the sentence ``text[s:e]`` that can be results, with their roles (see the module
    docstring). ``names``, ``metrics``: spans of the entity mentions and metrics of the sentence."""
    metric_starts = {ms for ms, _ in metrics}
    name_starts = {ns for ns, _ in names}
    cands = _candidates(text, s, e, names, metrics)
    groups: list[list[Number]] = []
    pairs: set[int] = set()  # index in cands of the old value of a before→after pair
    ranged: set[int] = set()  # index in groups of a range ("13.4%-20.5%"): bounds, not a reported value
    host: Number | None = None  # the last number outside brackets
    for i, n in enumerate(cands):
        if i and cands[i - 1].aside_of < 0:
            host = cands[i - 1]
        if host is not None and _OPEN_ASIDE.fullmatch(text, cands[i - 1].end, n.start):
            n.aside_of = host.start  # "94.6% (+1.2%)", "94.6% (95.6% for an ensemble)": a note on the number
            groups.append([n])
            continue
        if host is not None and cands[i - 1].aside_of == host.start and (
                (m := _ASIDE_THEN.match(text, host.end)) and _LIST_JOIN.fullmatch(text, m.end(), n.start)):
            next(g for g in groups if any(x is host for x in g)).append(n)  # "94.6% (+1.2%) and 77.0% on A and B":
            continue  # the list goes on past the note
        if groups:
            prev = groups[-1][-1]
            gap_end = n.start
            head = groups[-1][0].start
            if _PAIR_JOIN.fullmatch(text, prev.end, gap_end):
                word_to = text[prev.end : gap_end].strip() == "to"
                delta_range = word_to and _DELTA_BEFORE.search(text, max(s, head - 60), head)
                if delta_range or (word_to and _RANGE_BEFORE.search(text, max(s, head - 30), head)):
                    ranged.add(len(groups) - 1)  # "by 2% to 5%", "ranging from 10% to 20%": a range, no one value
                    groups[-1].append(n)
                    continue
                if not word_to or _FROM_BEFORE.search(text, max(s, head - 60), head):
                    if not _RANGE_BEFORE.search(text, max(s, head - 30), head):
                        pairs.add(i - 1)
                        members = groups[-1]  # consecutive candidates, the last one is cands[i - 1]
                        k = len(members) - 1
                        while k > 0 and text[members[k - 1].end : members[k].start].strip() == "/":
                            k -= 1
                            pairs.add(i - len(members) + k)  # "from 35.6/20.7/30.3 to ...": all three are old
                    groups[-1].append(n)
                    continue
            if _VERSUS_JOIN.fullmatch(text, prev.end, gap_end) and i - 1 not in pairs:
                pairs.add(i)  # the number after "vs." is the baseline's
                groups[-1].append(n)
                continue
            if _RANGE_JOIN.fullmatch(text, prev.end, gap_end) and (n.unit or "." in text[n.start : n.end]):
                ranged.add(len(groups) - 1)
                groups[-1].append(n)  # "1.7%-2.8%", "8.0-10.8%": a range
                continue
            join = _LIST_JOIN.fullmatch(text, prev.end, gap_end)
            if join and (prev.unit == n.unit or n.unit is None or (prev.unit is None and "," in join.group())):
                if i - 1 in pairs and join.group().strip() == "/":
                    pairs.add(i)  # "67.3% vs. 61.6%/59.9%": a slashed baseline number goes on
                groups[-1].append(n)
                continue
        groups.append([n])
    index = {id(n): i for i, n in enumerate(cands)}
    out: list[Number] = []
    last_delta: Number | None = None
    for gid, group in enumerate(groups):
        first, last = group[0], group[-1]
        if not _follow_ok(text, last.end, e, metric_starts, name_starts):
            continue
        if last.unit:
            for n in group:
                n.unit = n.unit or last.unit  # "from 41.2 to 44.7%", "98.5, 99 and 100%"
        raw_before = text[max(s, first.start - 60) : first.start]
        if _SETTING_LIST_BEFORE.search(raw_before):
            continue  # "under labeling ratios (i.e., 1%, 5%, 10% and 20%)": the experiment's settings
        before = _LEAD.sub(" ", raw_before)
        bracketed = raw_before.rstrip().endswith("(")  # "surpassing BarLM (67.0%)": BarLM's own number
        delta_before = _DELTA_BEFORE.search(before) is not None or (
            not bracketed
            and _CHANGE_VERB_BEFORE.search(before) is not None
            and group[0].role != "before"
        )  # (one number or a list: "improves 0.9%/0.53% top-1 accuracy over X", "improves X about 9.4% and 15%")
        after = _DELTA_AFTER.match(text, last.end, e)
        # "a MOTA score of 93.4, significantly higher than the SOTA": a metric's level; not "a higher mIoU of 3.1%"
        level = before.rstrip().endswith(" of") and not _HIGHER_LOWER.search(before)
        over = None if level else _OVER_BASELINE.match(text, last.end, e)
        delta = delta_before or after is not None or over is not None or any(n.role == "delta" for n in group)
        delta = delta or (bracketed and _CHANGE_OVER_OPEN.search(raw_before) is not None)
        if any(_VERSUS_JOIN.fullmatch(text, a.end, b.start) for a, b in pairwise(group)):
            delta = False  # "gains from the state of the art (96.3% vs. 90.6%)": two levels, not a change
        goes_on = last_delta is not None and _DELTA_GOES_ON.fullmatch(text, last_delta.end, first.start) is not None
        if goes_on:
            delta = True  # "by 0.87% on A and 0.39% on B"
        reduction = bool(after and after.group("r")) or (delta_before and _REDUCING_VERB.search(before) is not None)
        reduction = reduction or (goes_on and last_delta is not None and last_delta.reduction)  # "reducing X by A, B"
        last_delta = last if delta else None
        if gid in ranged:
            continue  # after last_delta: "by 4-6% in accuracy and 4% in F-measure" (the 4% is a change too)
        compared = "(" in raw_before and _COMPARISON_OPEN.search(raw_before) is not None
        for n in group:
            n.group = gid
            if delta:
                n.role, n.reduction = "delta", reduction
            elif index[id(n)] in pairs or compared:
                n.role = "before"  # "(vs. previous SOTA 24.68%)": the baseline's number, not the paper's
            out.append(n)
    return out
