"""Which type a group of mentions of one name gets: gazetteer, acronym long form, proposal cue, descriptor
votes, shape, and Dataset vs Benchmark by use (trained on vs evaluated on). Used by ``kg_entities``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.canonical import canonical_key
from extract.lexicon import Entry, head_word, key_index, lookup, norm_key, task_only, technique_heads
from extract.mention_cues import CITED_AFTER, LANGUAGES, right_cue
from extract.model_heads import data_head, model_head, names_procedure
from extract.proposal_titles import title_kind

__all__ = [
    "HYPHENED_ADJECTIVE", "METRIC_HEAD", "STATISTICAL_MODEL", "TASK_HEAD", "Cand", "by_votes",
    "classify_long_form", "data_or_benchmark", "defines_no_entity", "label_of", "model_family", "sentence_of",
]

# Heads of capitalised long forms that name tasks or metrics, not techniques.
TASK_HEAD = re.compile(
    r"^(?:answering|detection|recognition|classification|segmentation|translation|summari[sz]ation|captioning|"
    r"tagging|parsing|extraction|tracking|score|rate|error|accuracy|precision|recall|distance|divergence|"
    r"ratio|metric|index|intelligence|processing|vision|tasks?|problems?|data|retrieval|generation|grounding|"
    r"locali[sz]ation|forecasting|understanding|reasoning|unit|units|layers?|prediction|navigation|completion|"
    r"identification|assessment|comprehension|logic)$",
    re.IGNORECASE,
)
# Heads of lower-case long forms that name techniques ("gradient ascent (GA)", not "key-value (KV)").
_TECH_HEAD = re.compile(
    r"(?:optimi[sz]ation|tuning|training|attention|search|sampling|distillation|adaptation|regulari[sz]ation|"
    r"decoding|prompting|alignment|augmentation|method|algorithm|framework|network|encoding|embeddings?|"
    r"normali[sz]ation|pooling|initiali[sz]ation|quanti[sz]ation|pruning|merging|descent|ascent|"
    r"propagation|loss|objective|regression|clustering|transformer|mechanism|architecture|gradients?|"
    r"retriever|generator|encoder|decoder|classifier|modell?ing|pre-?training|fine-?tuning|replay|"
    r"planning|prediction|inference|generation|voting|ensembling|scheduling|unlearning|masking|"
    r"routing|caching|pipeline|paradigm|strategy|technique|approach|procedure|policy|estimation|"
    r"transforms?|transformation|decomposition|factori[sz]ation|filters?|machines?|autoencoders?|kernels?|"
    r"modules?|blocks?|convolutions?|minimi[sz]ation|maximi[sz]ation|estimators?|aggregation|suppression)$",
    re.IGNORECASE,
)
_TRAINED_AS_MODEL = re.compile(r",?\s+(?:is|was)\s+(?:(?:further|then|first|also)\s+)?(?:pre-?trained|trained)\s+on\b")
_TITLE_MODEL_HEAD = re.compile(r"(?:Model|Models|LM|LLM|Transformer|Network|Net|Encoder|Decoder)$")
# Training use just before a mention ("pre-trained on the X", "fine-tuning on X and") or right after it
# ("X corpus", "X for pre-training", "X pre-training": pre-training on X).
_TRAIN_BEFORE = re.compile(
    r"\b(?:pre-?train\w*|train\w*|fine-?tun\w*|instruction-tun\w*|meta-train\w*)\s+"
    r"(?!(?:efficiency|time|costs?|speed|stability|dynamics|overhead)\b)(?:[\w\-]+\s+){0,5}?"
    r"(?:on|with|using|from)\s+(?:(?!evaluat|test)[\w\-]+(?:,|\s+and)?\s+){0,6}?$",
    re.IGNORECASE,
)
_TRAIN_AFTER = re.compile(
    r"\s*(?:corpus|corpora|pre-?training (?:data|corpus)|training (?:data|set|corpus)|for (?:pre-?)?training|"
    r"-?pre-?trained\b|-?pre-?training\b|(?:pre-?trained\s+)?(?:models?|checkpoints?|weights)\b)\b",
    re.IGNORECASE,
)
# Evaluation use around a mention ("evaluated on X", "accuracy on X", "X test set", "results on X").
_EVAL_BEFORE = re.compile(
    r"\b(?:evaluat\w*|test(?:ed|ing|s)?|benchmark\w*|experiments?|results?|accurac\w*|achiev\w*|outperform\w*|"
    r"surpass\w*|state-of-the-art|SOTA|scor\w*|performance|zero-shot|few-shot|validat\w*)\b(?:[^.;]|\.(?=\S)){0,60}$",
    re.IGNORECASE,
)
# "on the X", "on a new dataset called X": the object of an "on" phrase ...
_LATER_ON = re.compile(
    r"\bon\s+(?:the\s+|a\s+(?:new\s+|novel\s+)?(?:[\w\-]+\s+){0,2}?(?:dataset|benchmark)\s*,?\s+(?:called|named|dubbed)\s+)?$"
)
# ... in a sentence that reports an evaluation and trains on nothing.
_EVAL_WORD = re.compile(r"\b(?:evaluat\w*|tested|outperform\w*|surpass\w*|achiev\w*|benchmarked)\b", re.IGNORECASE)
_TRAIN_WORD = re.compile(r"\b(?:pre-?train\w*|train\w*|fine-?tun\w*|learn\w* from)\b", re.IGNORECASE)
_EVAL_AFTER = re.compile(r"\s*(?:\(\w+\)\s*)?(?:test|validation|dev|evaluation)\b|\s*benchmarks?\b", re.IGNORECASE)
_SOURCE_CUE = re.compile(
    r"\b(?:data|dataset|corpus|corpora|dump|articles|pages|texts?|documents|papers|posts|trained on|"
    r"pre-?trained on|collected|crawl\w*|scraped|sourced|derived from|extracted from)\b",
    re.IGNORECASE,
)


_DATA_KINDS = ("Dataset", "Benchmark")


def by_votes(labels: list[str]) -> list[str]:
    """The labels ordered by how many mentions voted for them; ties keep the order of first occurrence."""
    if len(labels) < 2:
        return labels
    order = list(dict.fromkeys(labels))
    return sorted(order, key=lambda lab: (-labels.count(lab), order.index(lab)))



@dataclass
class Cand:
    """A candidate mention: character span, type (or ""), resolved canonical name and provenance."""

    start: int
    end: int
    label: str
    name: str
    parent: str
    rule: str
    prio: int
    entry: Entry | None = None
    evidence: set[str] = field(default_factory=set)


_GENERIC_NET = frozenset(
    ["neural", "deep", "convolutional", "recurrent", "artificial", "graph", "large", "the", "linear", "feedforward",
     "feed-forward", "shallow", "multilayer", "multi-layer"]
)
_PREPOSITIONS = frozenset(["for", "in", "of", "on", "with", "via", "by", "from", "to"])
_FIELD_HEADS = frozenset(
    ["theory", "interpretability", "explainability", "management", "fairness", "robustness", "science", "engineering"]
)


# Heads of title-case long forms that name things, quantities, equations or conditions, not techniques ("Named
# Entity (NE)", "Internet of Things (IoT)", "Mutual Information (MI)", "Ordinary Differential Equation (ODE)",
# "Points of Interest (POIs)", "Non-Small Cell Lung Cancer (NSCLC)", "State-of-the-Art"), and organisations
# ("World Health Organization (WHO)", "Nanyang Technological University (NTU)": the guide annotates none), and
# laws and agreements ("General Data Protection Regulation (GDPR)", "Inter Annotator Agreement (IAA)").
_THING_HEAD = re.compile(
    r"(?i:state-of-the-art|things?|interfaces?|equations?|information|entity|entities|tags?|words?|sentences?|"
    r"documents?|devices?|sensors?|interest|cancers?|diseases?|disorders?|syndromes?|tumou?rs?|interventions?|"
    r"organi[sz]ations?|universit(?:y|ies)|corporations?|compan(?:y|ies)|institutes?|laborator(?:y|ies)|agency|"
    r"agencies|ministry|ministries|department|administration|bureau|council|commission|consortium|vehicles?|"
    r"records?|hospitals?|clinics?|schools?|colleges?|academ(?:y|ies)|museums?|regulations?|directives?|treat(?:y|ies)|"
    r"agreements?)"
)
# A long form headed by a metric word names a measure, which no proposal cue makes an entity ("we introduce an
# Instruction Information Metric (InsInfo)").
METRIC_HEAD = re.compile(r"\s(?i:metrics?|measures?|scores?|indices|index|criteri(?:on|a))$")  # not "FrugalScore"
_CONTEST_HEAD = re.compile(r"(?:[Cc]hallenges?|[Cc]ompetitions?|[Ll]eaderboards?|Shared Tasks?)")


def _head_before_year(words: list[str]) -> str:
    """The last word that is not a year or edition number ("... Challenge 2013" -> "Challenge")."""
    core = list(words)
    while len(core) > 1 and core[-1].strip("()'").isdigit():
        core.pop()
    if len(core) > 1 and core[-1] in ("Task", "Tasks") and core[-2] == "Shared":
        return "Shared " + core[-1]
    return core[-1] if core else ""


# One hyphened adjective: a property or a setting, no technique ("non-autoregressive", "goal-conditioned").
HYPHENED_ADJECTIVE = re.compile(r"[A-Za-z][a-z]*(?:-[a-z]+)+(?:ive|ed|al|ic|ous)")
_MAPPING = re.compile(r"[a-z]+(?:[\s\-]to[\s\-][a-z]+)+|[A-Za-z][a-z]+[\s\-][Tt]o[\s\-][A-Za-z][a-z]+")


_PP_INSIDE = re.compile(r"\s(?:for|with|via|using|through)\s")


def classify_long_form(lf: str) -> str | None:
    """Type of an unknown acronym's long form, or None when it names a task, metric, field or a
    generic class ("question answering", "F1 score", "reinforcement learning", "key-value")."""
    if task_only(norm_key(lf)):
        return None  # a task ("Neural Machine Translation (NMT)"), not a technique
    # A mapping or setting ("image-to-image (I2I)", "Vehicle-to-Vehicle (V2V)") or a property ("non-autoregressive
    # (NAR)", "goal-conditioned (GC)"), unless proposed.
    if _MAPPING.fullmatch(lf) or HYPHENED_ADJECTIVE.fullmatch(lf):
        return None
    words = lf.split()
    if (words and words[-1].lower() in _FIELD_HEADS) or (len(words) >= 2 and words[-1].lower() == "games"):
        return None  # a field, a property or a class of problems ("Extreme Value Theory (EVT)", "Mean Field Games")
    title = sum(w[:1].isupper() for w in words) >= max(1, len(words) - 1)
    own = norm_key(lf)
    if not title and not {own, own[:-1]} & key_index().keys() and words[-1].lower() != "learning":
        # Written in lower case, a kind of a task ("multi-source domain adaptation (MSDA)"); not a technique for
        # one ("posterior sampling for X"), nor an "X learning" field, whose modifiers often name a technique
        # ("parameter-efficient ..."). Title case makes a name of it ("Vietnamese Natural Language Inference").
        for k in range(2, len(words)):
            tail = norm_key(" ".join(words[-k:]))
            if task_only(tail) and words[-k - 1].lower() not in _PREPOSITIONS:
                return None
    last = words[-1] if words else ""
    known = key_index().get(norm_key(last))
    if last.lower() == "networks" and any(w.lower() not in _GENERIC_NET for w in words[:-1]):
        # an architecture family ("physics-informed neural networks", "Capsule Networks", "Circulant Binary
        # Convolutional Networks"), not the class ("deep convolutional neural networks")
        return "Method"
    if re.fullmatch(r"(?:[Mm]odels|[Nn]etworks|LLMs|LMs|[Aa]gents|[Ss]ystems)", last):
        return None  # a class of models ("Large Vision Models (LVMs)"), not one named model
    if (title and (_TITLE_MODEL_HEAD.search(last) or model_head(lf))) or (known is not None and known.label == "Model"):
        return "Model"
    if (
        re.search(r"bench(?:mark)?s?$|^test-?sets?$", last, re.I)
        or re.search(r"\btest\s+sets?$", lf, re.I)
        or _CONTEST_HEAD.fullmatch(_head_before_year(words))
    ):
        return "Benchmark"  # "... Benchmark", "... Visual Recognition Challenge 2013": a shared task is an evaluation
    if re.search(r"(?:data[\s\-]?set|corpus|collection|database|tree-?bank)$", lf, re.I) or (
        title and re.search(r"(?:data[\s\-]?sets|corpora)$", lf, re.I)
    ):
        return "Dataset"  # ("Zorp Data Set (ZDS)", "Chinese Tree-Bank (CTB)"; not "... on all available datasets")
    for k in range(len(words) - 1, 1, -1):  # a known technique of two words or more, qualified
        tail = norm_key(" ".join(words[-k:]))
        if (known := key_index().get(tail) or key_index().get(tail[:-1])) and known.label in ("Method", "Model"):
            return known.label  # "hierarchical conditional random field (HCRF)", "deep Gaussian processes (DGPs)"
    if title:
        of_head = lf.split(" of ")[0].split()[-1] if " of " in lf else last  # "Metropolitan Museum of Art"
        pp = _PP_INSIDE.search(lf)  # "Neural Zorp Search for Summarization": the head comes before "for"
        head = lf[: pp.start()].split()[-1] if pp and pp.start() > 0 else last
        thing = _THING_HEAD.fullmatch(last) or _THING_HEAD.fullmatch(of_head) or _THING_HEAD.fullmatch(head)
        # a language or dialect names no technique either ("African American English (AAE)")
        return None if TASK_HEAD.match(head) or thing or last in LANGUAGES else "Method"
    if _TECH_HEAD.search(last) or (last.lower() == "learning" and len(words) >= 3) or (
        head_word(last) in technique_heads() and not _TECH_HEAD.search(head_word(last))  # "methods (HPO)": a class
    ):
        return "Method"  # a technique's head word, listed or by the gazetteers' evidence ("... annealing")
    return None


def retype_title_homonyms(text: str, title_end: int, cands: list[Cand]) -> None:
    """A known data name that the title presents as a technique ("CCNet: Criss-Cross Attention for ...", "MRNet:
    a Multi-scale Residual Network ...") is the paper's technique here, not the list's data set."""
    data = ("Dataset", "Benchmark")
    if title_end <= 0 or not any(c.entry is not None and c.entry.label in data and c.start < title_end for c in cands):
        return  # most titles name no known data: skip the title patterns
    kind = title_kind(text[:title_end])
    if kind is None:
        return
    key = norm_key(kind[0])
    for c in cands:
        if c.entry is not None and c.entry.label in data and norm_key(text[c.start : c.end]) == key:
            c.entry, c.parent, c.label = None, "", kind[1]


def sentence_of(sents: list[list[int]], pos: int) -> tuple[int, int]:
    for s, e in sents:
        if s <= pos < e:
            return s, e
    return 0, 0




def label_of(text: str, sents: list[list[int]], ms: list[Cand]) -> str | None:
    """The entity type of a group of mentions, or None if it is not an entity."""
    label = _label_of(text, sents, ms)
    if label in ("Model", "Method") and all(c.entry is None for c in ms) and (
        own := next((h for c in ms if (h := data_head(text[c.start : c.end]))), None)
    ):
        return _refine(text, sents, ms, own)  # "the ZorpSeer Corpus", "Zorp-Bench": the name's own noun decides
    if label == "Model" and all(c.entry is None and c.rule != "variant" for c in ms):
        # "a novel model, Adaptive Zorp Learning (AZL)": a procedure of the paper's, no trained model
        return "Method" if names_procedure(text, [(c.start, c.end) for c in ms]) else label
    return label


def _label_of(text: str, sents: list[list[int]], ms: list[Cand]) -> str | None:
    """:func:`label_of` before a procedure's name is made a Method."""
    entry = next((c.entry for c in ms if c.entry is not None), None)
    if entry is not None:
        if entry.label in ("Dataset", "Benchmark") and entry.source and (kind := _own_technique(text, ms)):
            return kind  # "a uniform network ..., termed FGNet": the paper's own homonym of a listed data set
        if "src" in entry.flags and not any(_SOURCE_CUE.search(text, *sentence_of(sents, c.start)) for c in ms):
            return None
        if "ctx" in entry.flags:
            return data_or_benchmark(text, sents, ms, entry.label)
        if entry.label == "Method" and entry.source:
            # Papers with Code files some trained models as methods (UNITER under "Word Embeddings"): a list of
            # models it stands in ("VisualBERT, ViLBERT, LXMERT and UNITER") outvotes a generated row's type.
            # (Descriptor cues do not: "linear regression model", "RPN model" name techniques.)
            votes = by_votes([e.split(":")[1] for c in ms for e in sorted(c.evidence) if e.startswith("coord:")])
            if votes[:1] == ["Model"]:
                return "Model"
            # a homonym the text calls data ("three public datasets (OASIS for brain MRI, ...)"): a data set
            cues = by_votes([e.split(":")[1] for c in ms for e in sorted(c.evidence) if e.startswith("cue:")])
            if cues[:1] in (["Dataset"], ["Benchmark"]):
                return data_or_benchmark(text, sents, ms, cues[0])
        return entry.label
    if any(_STATEMENT_END.search(text, c.start, c.end) for c in ms):
        return None  # a theorem, hypothesis or property ("Strong Exponential Time Hypothesis (SETH)") is no technique
    ev = [e for c in ms for e in sorted(c.evidence)]  # sets iterate in hash order, which varies by process
    abbr = [c.label for c in ms if c.rule == "abbreviation" and c.label]
    variant = [c.label for c in ms if c.rule in ("variant", "gazetteer") and c.label]
    if variant:
        if variant[0] == "Model" and (data := [lab for c in ms if (lab := right_cue(text, c.end)) in _DATA_KINDS]):
            return _refine(text, sents, ms, data[0])  # "the LLaVA-Zorp-100k dataset": a model's name made data
        return variant[0]
    prop = by_votes([e.split(":")[1] for e in ev if e.startswith("tprop:")])
    prop += by_votes([e.split(":")[1] for e in ev if e.startswith("prop:")])
    cue = by_votes([e.split(":")[1] for e in ev if e.startswith("cue:")])
    coord = by_votes([e.split(":")[1] for e in ev if e.startswith("coord:")])
    shape = [c.label for c in ms if c.label in ("Model", "Benchmark", "Dataset")]
    sized = ["Model"] if any(c.label == "Sized" for c in ms) else []
    if "proposed" in ev:
        # the name's own shape when no shape candidate holds it ("we further introduce Zorp-bench to assess ...")
        own = [text[c.start : c.end] for c in ms if not _DATA_WORD.search(text, c.start, c.end)]
        shape = shape or (["Benchmark"] if any(_BENCH_END.search(o) for o in own) else [])
        if any(_SIZE_END.search(o) for o in own):
            sized = sized or ["Model"]  # "Zorp-instruct 7B, a fine-tuned version of ..."
        label = (prop or shape or _model_head(text, ms) or abbr or cue or coord or sized or ["Method"])[0]
        if label == "Method" and any(_TRAINED_AS_MODEL.match(text, c.end) for c in ms):
            label = "Model"  # "X is pretrained on ...": a trained artefact, whatever the descriptor
        if label == "Dataset" and "Benchmark" in shape:
            label = "Benchmark"  # "a new dataset, FooQA / FooBench": an evaluation set unless trained on
        return _refine(text, sents, ms, label)
    if shape and shape[0] == "Model":
        data = [lab for c in ms if (lab := right_cue(text, c.end)) in ("Dataset", "Benchmark")]
        if data and coord[:1] != ["Model"]:
            return _refine(text, sents, ms, data[0])  # "the ZorpNet-1k dataset": a "-Net" shape named as data
        return "Model"
    if abbr:
        free = [c for c in ms if text[c.start - 1 : c.start] != "(" and text[c.end : c.end + 2] != " ("]  # no def.
        if (cue or abbr)[0] == "Method" and free and all(_SIGNAL_AFTER.match(text, c.end) for c in free):
            return None  # "photoplethysmography (PPG) ... PPG signals": a measured signal or modality, no technique
        return _refine(text, sents, ms, (cue or abbr)[0])
    # A compound on a known technique ("multi-LoRA") stays a technique next to "models" ("multi-LoRA models").
    compound = ["Method"] if any(c.rule == "shape" and c.label == "Method" for c in ms) else []
    found = compound or cue or coord or shape or sized or _cited(text, ms) or _compared_system(text, ms)
    return _refine(text, sents, ms, found[0]) if found else None


_SIGNAL_AFTER = re.compile(r"[\s\-](?:signals?|waveforms?|images?|scans?|recordings?|data|measurements?|readings)\b")
# A comparison's object, then any names listed before this one: "outperforms ZapNet", "compared with ZapNet [4] and
# QuuxSeg", "better than existing methods such as ZapNet".
_COMPARED_BEFORE = re.compile(
    r"\b(?:outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|(?:compared|comparison)\s+(?:to|with|against)|"
    r"(?<!more )(?<!less )(?<!fewer )(?<!greater )(?<!other )(?<!rather )(?<!larger )(?<!smaller )than|against|versus|"
    r"vs\.?)\s+(?:the\s+)?(?:(?:state-of-the-art|strong|existing|previous|prior|competitive|"
    r"recent|popular|leading|baseline)\s+)*(?:(?:methods?|models?|baselines?|approaches|systems|trackers|detectors)"
    r"(?:\s*,?\s*(?:such as|like|including|e\.g\.,?|namely))?\s+)?"
    r"(?:[A-Z][\w\-.]*(?:\s*\[[\d,\s\-–]+\])?(?:\s*,\s*(?:and\s+)?|\s+and\s+))*$"
)


_NUMBER_FORMAT = re.compile(r"(?:FP|BF|TF|INT|UINT|MXFP|NF)\d{1,2}")  # a number format, no system: "FP16", "INT8"


def _compared_system(text: str, ms: list[Cand]) -> list[str]:
    """["Model"] or ["Method"] for an untyped name that a comparison has as its object (someone else's system:
    "outperforms ZapNet and QuuxSeg"), typed by its head; else []."""
    if not any(text[c.start : c.start + 1].isalpha() and not text.startswith("non-", c.start)
               and not _NUMBER_FORMAT.fullmatch(text, c.start, c.end)
               and _COMPARED_BEFORE.search(text, max(0, c.start - 160), c.start) for c in ms):
        return []  # (not "more than 3million items", "outperforms non-ROI codecs", "compared to BF16")
    return _model_head(text, ms) or ["Method"]


# An author, not a name: "the approach of Smith [5]", "by Luss and Zorp [15]".
_AUTHOR_BEFORE = re.compile(r"\b(?:by|of)\s+(?:[A-Z][\w'\-]+\s+(?:and|&)\s+)?$")
_YEAR_END = re.compile(r"\s(?:19|20)\d\d$")


def _cited(text: str, ms: list[Cand]) -> list[str]:
    """["Model"] or ["Method"] for an untyped name with a citation right after a mention: someone's named work
    ("a logic called ZorpLog [5]", "ZapNet (Smith et al., 2020)"), typed by its head; else []."""
    if not any(CITED_AFTER.match(text, c.end) and not _AUTHOR_BEFORE.search(text, 0, c.start) for c in ms):
        return []
    if any(_YEAR_END.search(c.name) for c in ms):
        return []  # a venue ("Zorp Conference 2015 [3]")
    return _model_head(text, ms) or ["Method"]

def _own_technique(text: str, ms: list[Cand]) -> str | None:
    """"Model" or "Method" when the paper proposes the name as a technique of its own (the proposal cues' kinds
    say so, no mention is called or used as data, and the name holds no data word), else None."""
    ev = [e for c in ms for e in sorted(c.evidence)]
    kinds = by_votes([e.split(":")[1] for e in ev if e.startswith("prop:")])
    data = {"Dataset", "Benchmark"}
    if not kinds or kinds[0] not in ("Model", "Method") or data & set(kinds):
        return None
    if any(e.split(":")[1] in data for e in ev if e.startswith("cue:")) or any(
        _DATA_WORD.search(text, c.start, c.end) for c in ms
    ):
        return None  # "on OTT-QA, a ... benchmark", "ABC-Dataset, a collection of ... models"
    return kinds[0]


_STATEMENT_END = re.compile(
    r"\s(?i:theorems?|hypothes[ie]s|conjectures?|lemmas?|assumptions?|paradox(?:es)?|dilemmas?|inequalit(?:y|ies)|"
    r"laws?|propert(?:y|ies)|conditions?)$"
)
_BENCH_END = re.compile(r"(?:[Bb]ench|BENCH)$")
_SIZE_END = re.compile(r"\w[\s\-]\d+(?:\.\d+)?[BbMmKkTt]$")
_DATA_WORD = re.compile(r"(?i)\b(?:data(?:set)?s?|corpus|corpora|benchmarks?)\b")


def _model_head(text: str, ms: list[Cand]) -> list[str]:
    """["Model"] when a mention names the paper's own network by its head ("Zap Transformer"), else []."""
    return ["Model"] if any(model_head(text[c.start : c.end]) for c in ms) else []

# A statistical model class named by its kind ("Labeled Stochastic Block Model", "Hidden Semi-Markov Model", "a
# factorial hidden Markov model (FHMM)"): a technique under the guide, like "Bradley-Terry model", not a trained model.
STATISTICAL_MODEL = re.compile(
    r"(?i)\b(?:markov|gaussian|bayesian|probit|logit|mixture|graphical|topic|block|belief|stochastic|process|variables?|"
    r"factor|factorial|hidden|ising|potts|exponential|poisson|dirichlet|multinomial|bernoulli|additive|utility|choice|"
    r"regression|structural equation|state[- ]space|bradley-terry|plackett-luce)\b[^()]*\bmodels?$"
)


def _refine(text: str, sents: list[list[int]], ms: list[Cand], label: str) -> str:
    """Dataset vs Benchmark by use: a named "dataset" the paper evaluates on is a Benchmark; a statistical model
    class is a Method."""
    if label == "Model" and any(
        "statistical" in c.evidence or (" " in text[c.start : c.end] and STATISTICAL_MODEL.search(text, c.start, c.end))
        for c in ms
    ):
        return "Method"
    if label in ("Dataset", "Benchmark"):
        proposed = any("proposed" in c.evidence for c in ms)
        # A named "X dataset" the paper neither releases nor trains on is, in abstracts, mostly an
        # evaluation set: without a use vote it is a Benchmark.
        return data_or_benchmark(text, sents, ms, label if proposed else "Benchmark")
    return label

def data_or_benchmark(text: str, sents: list[list[int]], ms: list[Cand], default: str) -> str:
    """Dataset or Benchmark by how the mentions are used: each mention votes training (next to
    "trained on", "X corpus", "X-pretrained") or evaluation ("evaluated on", "accuracy on", "X test
    set"), a verb before it over a noun after it; training wins ties, the default (gazetteer type or
    descriptor) stands without votes."""
    train = evals = 0
    for c in ms:
        s, _ = sentence_of(sents, c.start)
        # The verb before a mention says how it is used; of two, the nearer. The noun after ("X corpus")
        # speaks only without one ("evaluated on the X corpus" is an evaluation).
        t = _TRAIN_BEFORE.search(text, max(s, c.start - 80), c.start)
        e = _EVAL_BEFORE.search(text, max(s, c.start - 80), c.start)
        if t is not None and (e is None or t.start() >= e.start()):
            train += 1
        elif e is not None or (not _TRAIN_AFTER.match(text, c.end) and _EVAL_AFTER.match(text, c.end)):
            evals += 1
        elif (
            _LATER_ON.search(text, max(s, c.start - 50), c.start)
            and _EVAL_WORD.search(text, s, c.start)
            and not _TRAIN_WORD.search(text, s, c.start)
        ):
            evals += 1  # "evaluated on A using B, and on the C corpus": a later "on" of the evaluation's sentence
        elif _TRAIN_AFTER.match(text, c.end):
            train += 1
    if train and train >= evals:
        return "Dataset"
    if evals:
        return "Benchmark"
    return default


# The noun right after a defined acronym names what the long form is: "Kullback-Leibler (KL) divergence" and
# "Zorp-Blarg (ZB) distance" define a quantity, not a technique ("score" and "statistics" are left out: "local
# outlier factor (LOF) score" and "batch normalization (BN) statistics" name techniques' outputs).
_QUANTITY_AFTER = re.compile(
    r"\)?\s+(?:divergences?|distances?|entropy|errors?|ratios?|coefficients?|indices|index|metrics?|bounds?|"
    # and what is solved ("the PnP problem"), but a pre-training task is an objective ("the ROP task for pre-training")
    r"norms?|criterion|criteria|problems?|tasks?(?!\s+(?:for|in|during)\s+(?:\w+\s+)?pre-?train)|settings?|"
    r"scenarios?)\b"
)
# An acronym the text defines as a task or problem: "the problem of zorp region search (ZRS)", "Zorp Text Editing
# (ZTE) is a challenging task", "the novel task of Zorp Modeling (ZoM)". Tasks are no entities (the guide).
_TASK_BEFORE = re.compile(
    r"\b(?:task|problem)s?\s+of\s+(?:the\s+)?$|"
    r"\b(?:new|novel)\s+(?:[\w\-]+\s+){0,2}?(?:task|problem)\s*(?::|,|\s(?:called|named|dubbed|termed))\s*$",
    re.IGNORECASE,
)  # "the task of zorp search (ZS)", "a new task: Zorp Caption Editing (ZCE)"
_TASK_AFTER = re.compile(
    r"\)?\s+(?:is|has\s+become|has\s+been|remains)\s+(?:a|an|the)\s+"
    r"(?:(?!(?:for|of|to|with|in|on|by|tool|method|approach|way|technique|solution)\b)[\w\-]+\s+){0,3}?"
    r"(?:task|problem)s?\b"
)


# A task noun right after the acronym: the long form names what the task is about ("Drug-Drug Interaction (DDI)
# prediction", "Human-Zorp Interaction (HZI) detection"), a thing, not a technique.
_OBJECT_OF_TASK = re.compile(
    r"\)?\s+(?:prediction|detection|recognition|classification|segmentation|generation|estimation|extraction|"
    r"tracking|retrieval|completion|locali[sz]ation|forecasting|identification|parsing|reasoning)\b"
)


def defines_no_entity(text: str, ls: int, se: int) -> bool:
    """Whether the definition "long form (ACRONYM)" spanning ``text[ls:se]`` names a quantity ("(KL)
    divergence"), a task or a problem: then neither the acronym nor its long form is an entity.

    >>> defines_no_entity("We study the problem of zorp region search (ZRS) here.", 24, 47)
    True
    >>> defines_no_entity("Zorp Text Editing (ZTE) is a challenging research problem.", 0, 22)
    True
    >>> defines_no_entity("Zorp Markov Model (ZMM) is a classical tool for this problem.", 0, 22)
    False
    >>> defines_no_entity("the Zorp-Blarg (ZB) distance", 4, 18)
    True
    >>> defines_no_entity("Zorp Interaction (ZI) prediction", 0, 21)
    True
    >>> defines_no_entity("We introduce a new task: Zorp Caption Editing (ZCE).", 25, 50)
    True
    """
    return bool(
        _QUANTITY_AFTER.match(text, se)
        or _OBJECT_OF_TASK.match(text, se)
        or _TASK_BEFORE.search(text, max(0, ls - 24), ls)
        or _TASK_AFTER.match(text, se)
    )


def model_family(parent: str, labels: dict[str, str | None]) -> bool:
    """Whether ``parent`` names a model or technique: by its type in this text (``labels`` by canonical key),
    else in the lists; data named after it ("the ZorpNet-100k dataset") is then no variant of it."""
    return (labels.get(canonical_key(parent)) or ((e := lookup(parent)) and e.label)) in ("Model", "Method")
