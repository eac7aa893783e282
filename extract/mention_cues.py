"""What the words around a mention say it is: a descriptor after it ("FooQA benchmark"), before it ("datasets
such as X", "the optical flow model RAFT", "a tuning method (NMTune)") or in an appositive ("on BRIGHT, a
widely-used retrieval benchmark"). Used by ``kg_entities`` as votes for names the lists do not know."""

from __future__ import annotations

import re

from extract.lexicon import lookup, norm_key, task_acronym_keys
from extract.metrics import find_metrics

__all__ = ["LANGUAGES", "RIGHT_CUE", "VENUE", "cue_label"]

# Languages (and language words) are no names of their own ("the largest English and Chinese ... datasets").
LANGUAGES = frozenset(
    [
        "English", "Chinese", "French", "German", "Spanish", "Japanese", "Korean", "Arabic", "Hindi", "Russian",
        "Polish", "Italian", "Portuguese", "Dutch", "Vietnamese", "Turkish", "Persian", "Indonesian", "Bengali",
        "Urdu", "Swahili", "Greek", "Hebrew", "Czech", "Swedish", "Finnish", "Thai", "Tamil", "Python", "Java",
        "Multilingual", "Monolingual", "Bilingual", "Cross", "Lingual",
    ]
)

# The descriptor after a mention, up to three words on ("ZorpQA reading comprehension dataset"); not across a
# preposition or verb: "We evaluate ZorpNet on standard benchmarks" says nothing of ZorpNet's type.
RIGHT_CUE = re.compile(
    r"[\s\-]*(?:\([\w\s\-]+\)\s*)?(?:(?:(?:(?!(?:on|in|to|for|with|across|over|from|of|at|by|into|under|using|"
    r"via|than|against|is|are|was|were)\s)[a-z][\w\-]*|[A-Z][a-z]+)\s+){0,3}"
    r"(?:(?P<b>(?i:benchmarks?|leaderboards?|test sets?|evaluation suites?|(?:validation|val|dev|development) sets?))|"
    r"(?P<contest>Challenges?|Competitions?)|"
    r"(?P<d>(?i:datasets?|corpus|corpora|data sets?|databases?)))|"
    r"(?P<m>(?:(?:generative|discriminative|diffusion|base|backbone)\s+)?models?|LLMs?|language models?|checkpoints?|"
    r"variants?)|"
    r"(?P<x>frameworks?|methods?|algorithms?|approach(?:es)?|techniques?|strateg(?:y|ies)|loss|objectives?|paradigms?|"
    r"prompting|optimizers?|regulari[sz](?:ers?|ation)|(?:data )?augmentation|attention|decoding|sampling|pruning|"
    r"quanti[sz]ation|normali[sz]ation|initiali[sz]ation))\b",
)
_LEFT_CUE = re.compile(
    r"\b(?:(?:(?P<b>benchmarks?(?:\s+datasets?)?)|(?P<d>datasets?|databases?|corpus))(?:\s*:\s*|,?\s+(?:\(\s*)?"
    r"(?:(?:such as|like|including|e\.g\.,?|i\.e\.,?|namely)\s+)?)|"
    r"(?P<m>backbones?|(?:language |vision |foundation )?models|LLMs|VLMs|baselines?|trackers|segmenters|"
    r"networks|encoders)(?:\s*:\s*|,?\s+(?:\(\s*)?"
    r"(?:such as|like|including|e\.g\.,?|for example,?|namely)\s+)|"
    r"(?P<m3>(?:language |vision |foundation )?models)\s+\(\s*|"  # "... models (ZorpBERT, Blarg and ...)"
    r"(?P<x>methods|techniques|algorithms|approaches|strategies|optimizers|architectures)(?:\s*:\s*|,?\s+(?:\(\s*)?"
    r"(?:such as|like|including|e\.g\.,?|for example,?|namely)\s+)(?:the\s+)?|"
    # a descriptor in apposition right before the name: "an algorithm StableOpt", "a method (Zap-PPI)"
    r"(?<![Oo]f )(?<![Ff]or )(?:(?P<m2>model|network|tracker|detector|segmenter|classifier|parser|tagger)|"
    r"(?P<x2>algorithm|method|framework|approach|technique|optimizer|architecture|paradigm|estimator|sampler))\s+"
    r"(?:\(\s*)?|"
    # a short model noun names a model only in brackets ("a pretrained LM (ZorpGPT2)"; not "LLM ToM capabilities")
    r"(?<![Oo]f )(?P<m4>LM|LLM|VLM|encoder|decoder)\s+\(\s*)$"
)
# An appositive after a mention says what it is: "on BRIGHT, a widely-used reasoning-intensive retrieval benchmark",
# "on ZorpEval that is a leaderboard-powered benchmark", "Zorp 1.5, a Vision-Language-Action (VLA) model".
_APPOSITIVE_AFTER = re.compile(
    r"(?:,\s+(?:which\s+is\s+)?|\s+(?:that|which)\s+is\s+)(?:a|an|the)\s+"
    r"(?:(?:[\w\-]+|\([\w\-]+\))\s+){0,5}?(?:(?P<b>benchmark|leaderboard|test set)|(?P<d>dataset|database|corpus)|"
    r"(?P<m>model|LLM|language model)|(?P<x>method|algorithm|framework|technique))(?![\w\-])(?!\s+[A-Z])"
)  # not "By adding the proposed X, the generalist model Zorp can ...": a clause's subject, named after the noun
# The last word before a mention that _LEFT_CUE can end with (a cheap test before the regex).
_LEFT_LAST = frozenset((
    "benchmark", "benchmarks", "dataset", "datasets", "database", "databases", "corpus", "as", "like", "including",
    "e.g.", "e.g.,",
    "example,", "example", "namely", "i.e.", "i.e.,", "backbone", "backbones", "models", "LLMs", "VLMs",
    "baseline", "baselines", "the", "benchmarks:", "datasets:", "databases:", "models:", "LLMs:", "VLMs:", "baselines:",
    "backbones:", "methods:", "techniques:", "algorithms:", "approaches:", "strategies:", "architectures:",
    "model", "network", "algorithm", "method", "framework", "approach", "technique", "optimizer", "architecture",
    "tracker", "detector", "segmenter", "classifier", "parser", "tagger", "paradigm", "estimator", "sampler",
    "LM", "LLM", "VLM", "encoder", "decoder",
))


# A kind noun with an indefinite or a count, then a comma and the name: "on a new dataset, WikiFacts.", "two
# existing biclustering algorithms, ISA and LAS," (the name must end there: not "On a new dataset, X achieves").
_KIND_THEN_COMMA = re.compile(
    r"\b(?:an?|two|three|four|five|several)\s+(?:[\w\-]+\s+){0,4}?(?:(?P<b>benchmarks?)|"
    r"(?P<d>datasets?|corpus|corpora|databases?)|(?P<m>models|networks|baselines?|trackers?|detectors?|segmenters?)|"
    r"(?P<x>algorithms?|methods?|frameworks?|approach(?:es)?|techniques?)),\s+$"
)
# The paper's own, named in apposition: "This algorithm, SketchyZ, modifies ...", "our model, ZorpLM, ...".
_OWN_KIND_THEN_COMMA = re.compile(
    r"\b(?:[Tt]his|[Oo]ur|[Tt]he\s+proposed)\s+(?:[\w\-]+\s+){0,2}?(?:(?P<b>benchmark)|(?P<d>dataset|corpus)|"
    r"(?P<m>model|network)|(?P<x>algorithm|method|framework|approach|technique)),\s+$"
)
_ITEM_AFTER = re.compile(r"\s*(?:[,.;)]|\s+and\s)")


def _left_word(text: str, pos: int) -> str:
    """The word just before ``pos`` (within 14 characters), without an opening parenthesis."""
    words = text[max(0, pos - 14) : pos].split()
    return words[-1].lstrip("(") if words else ""
# A result reported on the mention: "24.40 BLEU on X", "a 2.3% mAP boost on X", "an accuracy of 88% on X".
# An evaluation verb or noun, then "on": what follows is evaluated on ("evaluated extensively on the X").
_EVAL_ON = re.compile(
    r"\b(?:evaluat(?:e|ed|es|ing|ions?)|test(?:ed|s|ing)?|experiments?|results|benchmark(?:ed|ing))\s+"
    r"(?:[a-z]+\s+){0,2}?on\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PERCENT_ON = re.compile(r"\d(?:[\d.,]*\d)?\s*\\?%\s+on\s+$")
_ON_BEFORE = re.compile(r"\s(?:on|in)\s+(?:the\s+)?$")
# "88.1% joint goal accuracy": up to two lower-case words may qualify the metric between number and name.
_NUMBER_METRIC = re.compile(r"\d(?:[\d.,]*\d)?\s*(?:\\?%|points?|dB|pp)?\s+(?:[a-z][a-z\-]*\s+){0,2}$")
_METRIC_NUMBER = re.compile(
    r"^\s+(?:of|is|was|at|reaches|reached)\s+(?:about\s+|around\s+)?\d(?:[\d.,]*\d)?\s*(?:\\?%|points?|dB|pp)?"
)
_CHANGE_WORD = re.compile(r"^\s*(?:(?i:boosts?|gains?|improvements?|increases?|scores?))?")


# A sentence that opens on the mention and reports a result: "On DSTC2, our model obtains 74.5% accuracy".
_SENTENCE_ON = re.compile(r"(?:^|[.!?]\s+|\n)On\s+(?:the\s+)?$")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _result_after(text: str, start: int, end: int) -> bool:
    """Whether the mention opens its sentence as "On X, ..." and the sentence reports a number with a metric."""
    if not text.startswith(",", end) or _SENTENCE_ON.search(text, max(0, start - 12), start) is None:
        return False
    stop = _SENTENCE_END.search(text, end)
    stop_at = stop.start() if stop is not None else len(text)
    for ms, me, _, weak in find_metrics(text, end, stop_at):
        if not weak and (
            _NUMBER_METRIC.search(text, max(end, ms - 40), ms) or _METRIC_NUMBER.match(text[me:stop_at])
        ):
            return True
    return False


def _result_on(text: str, start: int) -> bool:
    """Whether ``text[start:]`` follows "<number> <metric> on" or "<metric> of <number> on": the text reports
    a result on it, as one does on a benchmark."""
    on = _ON_BEFORE.search(text, max(0, start - 12), start)
    if on is None:
        return False
    window = max(0, start - 80)
    metrics = find_metrics(text, window, on.start())
    if not metrics:
        return False
    ms, me, _, _ = metrics[-1]
    between = text[me : on.start()]
    rest = between[_CHANGE_WORD.match(between).end() :]  # type: ignore[union-attr]
    if not rest.strip() and _NUMBER_METRIC.search(text, window, ms):
        return True
    return _METRIC_NUMBER.match(between) is not None and not between[_METRIC_NUMBER.match(between).end() :].strip()


_LIST_IN_BRACKETS = re.compile(r"[^()]{0,60}?(?:,\s|\sand\s)[^()]{0,80}\)")
_CUE_LABEL = {
    "contest": "Benchmark", "b": "Benchmark", "d": "Dataset", "m": "Model", "x": "Method", "m2": "Model",
    "x2": "Method", "m3": "Model", "m4": "Model",
}


# Conferences that host named contests ("the NIPS 2018 Adversarial Vision Challenge"): no benchmark themselves.
VENUE = re.compile(
    r"(?:NIPS|NeurIPS|ICML|ICLR|CVPR|ICCV|ECCV|WACV|MICCAI|ISBI|ICPR|AAAI|IJCAI|KDD|ICASSP|ACL|EMNLP|NAACL|"
    r"SIGIR|BMVC|ACCV|ICME|ICIP|AISTATS|COLT|UAI|ALT|CIKM|WSDM|WWW|COLING|EACL|INTERSPEECH|IWSDS|ICRA|IROS|CoRL)"
    r"(?:\b|-?\d)"
)


def right_cue(text: str, end: int) -> str | None:
    """The type a descriptor right after a mention ending at ``end`` gives it ("X dataset"), or None."""
    m = RIGHT_CUE.match(text, end, min(len(text), end + 60))
    return _CUE_LABEL[m.lastgroup or "x"] if m is not None else None


_STEM = re.compile(r"[A-Za-z]+")


def _model_stem(name: str) -> bool:
    """Whether the name opens with a known model's name ("LLaMA3.x", "Qwen-2.5-7B-X"): a model, whatever the cue."""
    stem = _STEM.match(name)
    entry = lookup(stem.group()) if stem is not None else None
    return entry is not None and entry.label == "Model"


def cue_label(text: str, start: int, end: int, *, defined: bool = False) -> str | None:
    """The type the context of ``text[start:end]`` gives it, or None. ``defined``: the mention is an acronym
    in its definition's brackets, whose long form speaks for it (no cue through the bracket).

    >>> cue_label("We test on ZorpQA benchmark.", 11, 17)
    'Benchmark'
    >>> cue_label("It beats the optical flow model ZapFlow.", 32, 39)
    'Model'
    >>> cue_label("It reaches 24.4 BLEU on ZP2015E86.", 24, 33)
    'Benchmark'
    >>> cue_label("On ZQTC2, our model obtains 74.5% joint goal accuracy.", 3, 8)
    'Benchmark'
    >>> cue_label("A study introduced the ZORP-MIX evaluation.", 23, 31)
    'Benchmark'
    >>> cue_label("two models (ZorpLM and BlargLM)", 12, 18), cue_label("zorp models (ZM) here", 13, 15)
    ('Model', None)
    """
    m = RIGHT_CUE.match(text, end, min(len(text), end + 60))
    if m is not None and m.lastgroup == "contest" and VENUE.match(text, start, end):
        m = None  # "the MICCAI 2017 Challenge": a conference's contest, not the conference
    left = _left_word(text, start)
    if not left and not defined and text[max(0, start - 2) : start].strip() == "(":
        left = _left_word(text, text.rfind("(", 0, start))  # "our paradigm (EC-RMML)"
    if m is None and left in _LEFT_LAST:
        m = _LEFT_CUE.search(text, max(0, start - 40), start)
        if m is not None and m.lastgroup == "m3" and not _LIST_IN_BRACKETS.match(text, start):
            m = None  # "... models (ZMM)": an acronym's definition, not a list of models
    if m is None and left.endswith(",") and _ITEM_AFTER.match(text, end):
        m = _KIND_THEN_COMMA.search(text, max(0, start - 80), start)  # "a new dataset, X." / "two algorithms, X and Y"
        m = m or _OWN_KIND_THEN_COMMA.search(text, max(0, start - 40), start)
    if m is None and (listed := _bracket_list(text, start)) is not None:
        return listed  # "three public datasets (ZorpSet for brain MRI, BCV for abdomen CT, and ...)"
    if m is None and (text.startswith(",", end) or text.startswith((" that is ", " which is "), end)):
        m = _APPOSITIVE_AFTER.match(text, end, min(len(text), end + 80))
    if m is None and left in ("on", "in", "the") and _result_on(text, start):
        return "Benchmark"
    if m is None and left == "on" and _PERCENT_ON.search(text, max(0, start - 24), start) and (
        not _model_stem(text[start:end]) and (_ITEM_AFTER.match(text, end) or right_cue(text, end) == "Benchmark")
        and not any(ms < end and start < me for ms, me, *_ in find_metrics(text, max(0, start - 16), end))
    ):
        return "Benchmark"  # "98.50% on AgeDB, 83.95% on XQLFQ": a score on it (not "6.5% on HOTA metric")
    if m is None and left in ("on", "the") and _EVAL_ON.search(text, max(0, start - 50), start) and (
        not _model_stem(text[start:end])
    ):
        return "Benchmark"  # "we test on DUC2001", "experiments on the ZQR-7 ..." (not "experiments on LLaMA3.x")
    if m is None and left in ("On", "the") and _result_after(text, start, end):
        return "Benchmark"
    if m is None and left == "the" and _EVALUATION_AFTER.match(text, end):
        return "Benchmark"  # "the ZORP-MIX evaluation": a named evaluation
    if m is None and left in ("the", "The") and _CHALLENGE_AFTER.match(text, end) and (
        not VENUE.match(text, start, end) and norm_key(text[start:end]) not in task_acronym_keys()
        and not _DIFFICULTY_BEFORE.search(text, max(0, start - 30), start)
    ):
        return "Benchmark"  # "ranked first in the ZorpVOT2022 challenge": a named contest (not "the VAD challenge")
    return _CUE_LABEL[m.lastgroup or "x"] if m is not None else None


_EVALUATION_AFTER = re.compile(r"\s+evaluations?\b")
# "the X challenge", "the X 2024 sub-challenge": one contest (the plural and a verb after it speak of difficulties).
_CHALLENGE_AFTER = re.compile(
    r"\s+(?:20\d\d\s+)?(?:sub-)?challenge(?![\w\-])(?!\s+(?:of|for|in|to|is|lies|remains|posed|facing)\b)"
)
_DIFFICULTY_BEFORE = re.compile(  # "HCL addresses the UMA challenge", "solving the IMVDA challenge": a difficulty
    r"\b(?:address|tackl|solv|overcom|fac|pos|mitigat|alleviat|handl|meet|resolv)\w*\s+(?:this\s+|the\s+)$", re.I
)
# A citation right after a name: someone else's work ("a logic called TensorLog [5]", "PRover (Saha et al., 2020)").
CITED_AFTER = re.compile(
    r"\s*(?:\[\d+(?:[,\-–]\s*\d+)*\]|\([A-Z][\w\-]+(?:\s+et\s+al\.?|\s+and\s+[A-Z][\w\-]+)?,?\s+(?:19|20)\d\d[a-z]?\))"
)
# A plural descriptor right before a bracket: what the bracket lists are of that kind.
_KIND_BEFORE_BRACKET = re.compile(
    r"\b(?:(?P<b>benchmarks)|(?P<d>datasets|corpora)|(?P<m>models|LLMs|trackers))\s*$", re.IGNORECASE
)
_NAME_BEFORE_BRACKET = re.compile(r"([A-Z][\w\-.]+)\s*$")
_ITEM_START = re.compile(r"(?:\(|,|,?\s+and|;)\s*$")


def _bracket_list(text: str, start: int) -> str | None:
    """The kind a bracketed list after a plural descriptor gives an item of it, when the mention opens an item of
    a list of two or more ("datasets (A for brain MRI, B for abdomen CT, and C ...)"), else None."""
    open_at = text.rfind("(", max(0, start - 120), start)
    if open_at < 0 or text.find(")", open_at, start) >= 0 or not _ITEM_START.search(text, open_at, start):
        return None
    close = text.find(")", start, start + 160)
    if close < 0 or "," not in text[open_at:close]:
        return None
    kind = _KIND_BEFORE_BRACKET.search(text, max(0, open_at - 30), open_at)
    if kind is not None:
        return _CUE_LABEL[kind.lastgroup or "x"]
    # the parts of a known data set: "including AudioSet (AS-2M, AS-20K), ESC-50"
    word = _NAME_BEFORE_BRACKET.search(text, max(0, open_at - 40), open_at)
    entry = lookup(word.group(1)) if word is not None else None
    return entry.label if entry is not None and entry.label in ("Benchmark", "Dataset") else None
