"""What the words around a proposal cue say about its match: the kind of thing a naming cue names, heads that
make a lower-case name, and what is no name (a metric, what an analysis is of, a phrase that goes on, an adverb
or a title's genre label). Used by :mod:`extract.components.proposals`."""

from __future__ import annotations

import re

from extract.canonical import split_variant
from extract.lexicon import lookup
from extract.long_form_meaning import other_meaning
from extract.mention_cues import CITED_AFTER
from extract.proposal_titles import FIRST_PERSON, NAME
from extract.word_find import find_word

__all__ = [
    "AS_A_KIND",
    "AS_NAME",
    "BARE_HEAD",
    "DESCRIPTIVE_AFTER",
    "DESCRIPTIVE_END",
    "GENRES",
    "LETTER_DIGIT_LETTER",
    "LOWER_BARE",
    "LOWER_HEADS",
    "LOWER_INTRO",
    "LOWER_NAMING",
    "METRIC_BEFORE",
    "NAMED_BEFORE",
    "NAMED_HEAD",
    "NAMED_LATER",
    "NAMED_OBJECT",
    "NEW_KIND_WORDS",
    "NOT_A_THING_BEFORE",
    "NOT_A_THING_NOUNS",
    "NOT_NAMES",
    "NOUN_GOES_ON",
    "OF_GAP",
    "PHRASE_GOES_ON",
    "PLURAL_ACRONYM",
    "PLURAL_BEFORE",
    "SENTENCE_ADVERB",
    "SUBJECT",
    "TITLE_TASK",
    "VERB_ADVERBS",
    "built_on_known",
    "coined_after_and",
    "describes_known",
    "known_after",
    "known_in_bigger",
    "name_shaped",
    "named_by_others_before",
    "named_pairs",
    "names_a_task_kind",
    "names_no_thing",
    "new_kind_names",
    "others_acronyms",
    "others_work",
    "reuses_known",
    "technique_head",
    "trim_name",
    "varies_known",
    "we_and",
    "we_earlier",
]

# What "we call / name / term / dub" name: "it", "this", "the resulting method", "this new architecture" (a
# kind of thing last: "this phenomenon", "this problem" name no entity, and "the rank-stabilized LoRA" is a name).
NAMED_OBJECT = (
    r"(?:it|this|them|(?:the|this|our)(?:\s+[a-z][\w\-]*){0,2}?\s+(?:method|model|algorithm|approach|framework|"
    r"architecture|network|scheme|system|technique|procedure|setup|strategy|estimator|loss|objective|dataset|"
    r"benchmark|corpus|module|layer|mechanism|paradigm|variant|agent|policy|pipeline|protocol|family|attack|"
    r"regularizer|optimizer|tool|toolkit|library|suite|resource|measure|metric|model|recipe)s?|"
    r"(?:the|this|our)\s+(?!(?:phenomenon|problem|task|setting|issue|property|effect|behaviou?r|condition|regime|"
    r"notion|concept|challenge|scenario|question|principle|hypothesis|situation|case|trade-off)\b)[a-z]+)"
)

# A lower-case technique name introduced by a naming cue ("a new loss function, called contour loss."):
# named by the paper, so an entity under the guide (not after "so-called": an existing term). The name must
# end in a technique head (not "learning" or "estimation": settings and tasks) and end the clause.
LOWER_HEADS = (
    r"tuning|training|attention|search|sampling|distillation|"
    r"adaptation|regulari[sz]ation|decoding|prompting|alignment|augmentation|encoding|normali[sz]ation|pooling|"
    r"quanti[sz]ation|pruning|merging|descent|ascent|propagation|loss|optimi[sz]ation|masking|routing|"
    r"replay|reweighting|weighting|ensembling|unlearning|steering|editing|scaling|calibration|smoothing|"
    r"dropout|inference|imputation|labell?ing|reranking|forcing"
)
LOWER_NAMING = re.compile(
    r"(?<!so-)\b(?:called|dubbed|termed|coined|we call(?: (?:it|this|them))?)\s+(?:as\s+)?[\"“‘]?(?:the\s+)?"
    rf"(?P<name>(?:[a-z][a-z\-]+\s){{0,3}}[a-z\-]*(?:{LOWER_HEADS}))"
    r"[\"”’]?(?=\s*(?:[,.;:()]|\s(?:that|which|to|for|in|with|and|on|is|as|where|by|from|of)\b))"
)
# A lower-case technique head after a one-word name is part of it: "Wing loss", "Funnel activation".
NAMED_HEAD = re.compile(rf" (?:{LOWER_HEADS}|activation|flows?|unit|block|kernel|layer|module)\b")
# A head word alone names nothing: "we call attention to ...", "termed distillation".
BARE_HEAD = re.compile(rf"(?:{LOWER_HEADS})")

# Genre labels that open a title on their own ("Position: What LLMs Can Tell Us ...", "Response: ...").
GENRE_WORDS = (
    "Position Response Reply Commentary Comment Perspective Perspectives Survey Review Tutorial Overview Erratum "
    "Correction Opinion Editorial Keynote Preface"
)
GENRES = frozenset(GENRE_WORDS.split())

PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
# A capitalised adverb that opens a sentence ("Firstly, a novel X is presented"), not a name.
SENTENCE_ADVERB = re.compile(r"[A-Z][a-z]+ly")
# A metric named right before the name ("a new metric, called X", "a novel evaluation measure X").
METRIC_BEFORE = re.compile(
    r"\b(?:metric|measure)s?,?\s+(?:(?:called|named|dubbed|termed|coined|namely)(?:\s+as)?:?\s+)?"
    r"[\"“‘(]?(?:the\s+)?$"
)
# What a naming cue right after it names is no entity: "a research direction, which we term Zorp Learning", "this
# phenomenon we call ...".
# (The nouns of such things, also for "this problem X, or XP for short".)
NOT_A_THING_NOUNS = (
    r"phenomen(?:on|a)|problems?|tasks?|(?<!benchmark\s)settings?|"
    r"directions?|topics?|issues?|effects?|behaviou?rs?|questions?|challenges?|regimes?|scenarios?|concepts?|"
    r"notions?|quantit(?:y|ies)|measures?|dimensions?|conditions?|propert(?:y|ies)|applications?|use cases?"
)
NOT_A_THING_BEFORE = re.compile(
    r"(?<!\bfor\s)(?<!\bof\s)(?<!\bto\s)(?<!\bin\s)(?<!\bon\s)(?<!\bwith\s)"  # not "an algorithm for a task, ..."
    rf"\b(?:an?|the|this|these|such)\s+(?:[\w\-]+\s+){{0,3}}(?:{NOT_A_THING_NOUNS}),?\s+"
    r"(?:which\s+|that\s+)?$"
)
_OBJECTIVE_TASK = re.compile(r"\b(?:auxiliary|pretext|pre-?training|proxy|surrogate)\s+tasks?\s*,?\s*$", re.I)
# After a name (and its bracketed acronym), the text says the thing exists already: "a greedy algorithm called
# Zorp search (ZS) is known to perform ...", "... called X is widely used".
_KNOWN_AFTER = re.compile(
    r"\)?(?:\s*\([^()]{1,20}\))?\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:known\b|popular\b|"
    r"(?:widely|commonly|often|frequently|generally|already|well)[- ](?:used|adopted|applied|employed|studied|known|"
    r"considered|regarded|established)\b)"
)


def known_after(text: str, end: int) -> bool:
    """Whether the text right after a name ending at ``end`` says it exists already ("... is known to", "... is
    widely used"): a naming cue before it describes, it does not coin."""
    return _KNOWN_AFTER.match(text, end) is not None


# An organisation named right before the naming word ("a non-governmental organization called Zorp India").
_ORGANISATION_BEFORE = re.compile(
    r"\b(?:organi[sz]ations?|compan(?:y|ies)|start-?ups?|institut(?:e|es|ions?)|hospitals?|agenc(?:y|ies)|"
    r"universit(?:y|ies)|NGOs?|non-?profits?)\s*,?\s*(?:which\s+|that\s+)?(?:is\s+)?$"
)
_NAMING_WORD_END = re.compile(r"\b(?:called|named|termed|dubbed|coined|namely)(?:\s+as)?\s+[\"“‘]?$")


def names_no_thing(text: str, start: int) -> bool:
    """Whether the name starting at ``start`` follows a kind of non-entity and a naming word ("a new concept
    called X", "a phenomenon termed X", "an organization called X"): a notion, phenomenon, problem or
    organisation, whatever its name."""
    cue = _NAMING_WORD_END.search(text, max(0, start - 30), start)
    if cue is None or _OBJECTIVE_TASK.search(text, max(0, cue.start() - 40), cue.start()):
        return False  # "an auxiliary task called graph pruning": a training objective, a technique
    before = max(0, cue.start() - 40)
    return (
        NOT_A_THING_BEFORE.search(text, before, cue.start()) is not None
        or _ORGANISATION_BEFORE.search(text, before, cue.start()) is not None
    )


# "an analysis of", "a variant of", "the task of": the name after "of" is what the work is about or builds on.
OF_GAP = re.compile(
    r"\b(?:analys[ie]s|study|evaluation|survey|review|investigation|examination|comparison|characteri[sz]ation|"
    r"description|assessment|variant|version|extension|generali[sz]ation|modification|reformulation|adaptation|"
    r"implementation|application|usage|use|proof|expression|interpretation|task|problem|setting|concept|notion|"
    r"class|subclass|type|kind|mixture|combination|analogue|approximation|design|principle|propert(?:y|ie)|"
    r"benefit|effect|case|instance|instantiation|acceleration|improvement|enhancement|refinement|simplification|"
    r"(?:mathematical|theoretical|analytical|formal|simple|toy)\s+models?|theory|simulation|exploration|audit)s?"
    r"\s+of\s"
)
# A lower-case noun right after an acronym's definition: the noun phrase goes on ("(SDF) regression network").
NOUN_GOES_ON = re.compile(
    r"\s+(?:(?!(?:and|or|to|that|which|as|for|in|on|with|is|was|by|from|of|where|we|it)\b)[a-z][a-z\-]+\s+)?"
    r"(?:network|module|model|layer|block|head|branch|framework|method|approach|algorithm|protocol|procedure|"
    r"pipeline)s?\b"
)
# After a one-word name: a lower-case word or another listed capitalised word continues the phrase it opens.
PHRASE_GOES_ON = re.compile(
    r"\s+(?!(?:and|or|to|that|which|as|for|in|on|with|is|was|by|from|of|where|because|since|while|when)\b)[a-z]"
    r"|,\s+[A-Z][a-z]+,"
)

# A second coined name coordinated with the first: "two datasets named ZorpQA-S and ZorpQA-L, which ...".
_SHAPED = r"[A-Z][\w\-]*(?:[A-Z][\w\-]*|\d[\w\-]*)"
_AND_NAME = re.compile(
    rf"\s+and\s+(?P<name>{_SHAPED})(?=\s*(?:[,.;:()]|$|\s(?:for|which|that|to|as|are|in|on|with)\b))"
)


def named_pairs(text: str, found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """The second of two names a naming cue or a proposal verb coins at once ("called KeepMask and KeepMix", "two
    datasets named ZorpQA-S and ZorpQA-L", "we have developed Zorp-Legal and Blarg-Legal-7B, which"), with the
    first's type and rule: both are the paper's (an unknown one, after a verb). Names need a shape (two
    capitals, or a capital and a digit), so "named X and Y" of plain words is left alone.

    >>> named_pairs("two sets named ZorpQA-S and ZorpQA-L, which", [(15, 23, "Dataset", "naming")])
    [(28, 36, 'Dataset', 'naming')]
    >>> named_pairs("a model named Zorp and Quux for", [(14, 18, "Model", "naming")])
    []
    """
    out = []
    for s, e, label, rule in found:
        m = _AND_NAME.match(text, e) if rule in ("naming", "propose") and re.fullmatch(_SHAPED, text[s:e]) else None
        # after a verb, only an unknown name ("we propose X and GPT-4 ...": GPT-4 is used)
        if m is not None and (rule == "naming" or lookup(m.group("name")) is None):
            out.append((m.start("name"), m.end("name"), label, rule))
    return out


_NEXT_LOWER = re.compile(r" ([a-z][a-z\-]*[a-z])(?: ([a-z][a-z\-]*[a-z]))?(?![\w\-])")


def technique_head(text: str, end: int) -> int:
    """End of a known technique written in lower case right after a proposed name ("Zorp transformer", "Fisher
    auto-encoders", "Flim attention"), which makes it part of the name; else 0."""
    m = _NEXT_LOWER.match(text, end)
    if m is None:
        return 0
    for stop in (m.end(2), m.end(1)) if m.group(2) else (m.end(1),):
        entry = lookup(text[end + 1 : stop])
        if entry is not None and entry.label == "Method" and ("lc" in entry.flags or entry.name.islower()):
            return stop
    return 0


# Capitalised words that start sentences or clauses rather than names.
_NOT_NAME_WORDS = (
    "A An The Our This These That It In On For To We Its Their Such Both Each Specifically Moreover First "
    "Second Third Fourth Finally Then Next However Furthermore Additionally Overall Notably Importantly "
    "Meanwhile Instead Therefore Thus Hence Here Also Further Besides Similarly Recently Existing "
    "Previous Prior Current Most Many Several"
)
NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())


LETTER_DIGIT_LETTER = re.compile(r"[a-z]\d+[a-z]")
# A plural noun (or an opening parenthesis) right before "namely".
PLURAL_BEFORE = re.compile(r"(?:[a-z]{2}[^s\W]s|\()\s*,?\s*$")
# A naming cue later in the same clause: what the proposal verb reached first was a descriptor.
NAMED_LATER = re.compile(
    r"(?:(?:[^.;:()]|\([^()]{1,15}\))*?,\s+(?:called|dubbed|named|termed|coined|namely)(?:\s+as)?|"  # ", called X"
    r"(?:(?!\b(?:which|that|who)\b)[^.;:(),]|\([^()]{1,15}\))*?\s+(?:called|dubbed|named|termed)(?:\s+as)?|"  # "a model
    # termed X", not across a relative clause
    r"(?:[^.;:()]|\([^()]{1,15}\))*?,?\s+which\s+we\s+(?:name|call|term|dub))\s+[\"“‘]?"  # ", which we name X"
    r"(?:[A-Z0-9]|[a-z][^.;:()]{0,80}\([A-Z])"
)
DESCRIPTIVE_END = re.compile(
    r"(?:-(?:based|like|style|driven|aware|guided|assisted|augmented|enhanced|inspired|free|specific|level|powered|"
    r"type)|"
    r"(?<=[a-z])based)$",  # also glued by text extraction: "Transformerbased"
    re.IGNORECASE,
)


def name_shaped(name: str) -> bool:
    """A capital after the first character or a digit somewhere ("ZapNet", "Z^2-Net")."""
    return (any(c.isupper() for c in name[1:] if c != " ") and " " not in name) or any(c.isdigit() for c in name)


# A lower-case content word right after a plain capitalised word: the word modifies a noun phrase.
# The same suffix after an acronym in brackets or a spaced dash: "Ordinary Differential Equation (ODE)--based".
DESCRIPTIVE_AFTER = re.compile(
    r"\s*\)?\s*(?:\([^()]{1,20}\))?\s*-{1,2}\s*(?:based|like|style|driven|aware|guided|assisted|augmented|enhanced|"
    r"inspired|free|specific|level|powered)\b",
    re.IGNORECASE,
)


# What makes a naming cue coin a name: the paper's own voice or a proposal word earlier in the sentence.
_COINING = re.compile(
    r"\b(?:[Ww]e|[Oo]ur|propos\w*|introduc\w*|present\w*|[Nn]ew|[Nn]ovel|resulting|dubbed|coined|termed)\b"
)


def describes_known(text: str, sents: list[list[int]], cue: int, name: str) -> bool:
    """A well-known (hand-listed) name after a naming cue in a sentence with no proposal word up to the name
    ("this study analyses one LLM called GPT", "it uses a state space model called Mamba"; not "which we
    call X", "the resulting model, named X", "dubbed X": the paper's own, whatever others call so)."""
    entry = lookup(name)
    if entry is None or entry.source:
        return False
    start = next((s for s, e in sents if s <= cue < e), max(0, cue - 200))
    return _COINING.search(text, start, text.find(name, cue)) is None


def named_by_others_before(text: str, sents: list[list[int]], start: int, name: str) -> bool:
    """Whether the abstract names ``name`` before the sentence at ``start`` in a sentence with no first person
    ("Recently, SG-MCMC methods have been proposed ... we propose a novel SG-MCMC method": a kind of others'
    technique describes the proposal). Wider than :func:`others_acronyms`: any mention, not only a definition, and
    a proposal verb does not make the sentence the paper's ("have been proposed"). The title does not count."""
    body = text.find("\n\n") + 2
    return any(
        a >= body and find_word(text, name, a, b) >= 0 and FIRST_PERSON.search(text, a, b) is None
        for a, b in sents
        if b <= start
    )


# "a framework named Code as Reward (VLM-CaR)": "as" inside a name a bracketed acronym follows, after a naming word.
AS_NAME = re.compile(r" as(?: [A-Z][\w\-]*){1,3}(?= \()")
NAMED_BEFORE = re.compile(r"\b(?:called|named|termed|dubbed)\s+$")
# A subtitle that says what the name is, after its verb: "X: Employing Zorps as a Benchmark for ...".
AS_A_KIND = re.compile(
    r"\bas\s+an?\s+(?:[\w\-]+\s+){0,2}?(?P<kind>benchmark|dataset|corpus|testbed|model|framework)\b", re.I
)
# The head word of a task a title may open with ("Interactive Medical Image Segmentation: A Benchmark ...").
TITLE_TASK = re.compile(
    r"(?i:answering|detection|recognition|classification|segmentation|translation|summari[sz]ation|captioning|tagging|"
    r"parsing|extraction|tracking|retrieval|generation|grounding|locali[sz]ation|forecasting|understanding|reasoning|"
    r"prediction|navigation|completion|identification|comprehension)$"
)


# A sentence about the paper's own work: a first person or a proposal verb ("CMamba introduces ...").
_OWN_WORK = re.compile(rf"{FIRST_PERSON.pattern}|propos|introduc|present|featur|design|devis|develop")


def others_acronyms(text: str, sents: list[list[int]], abbrevs: list[list[int]]) -> dict[str, int]:
    """The acronyms defined in a sentence about others' work, with where: "Test-Time Adaptation (TTA) addresses
    ..." makes a later "we propose a novel TTA approach" describe the proposal, not name it."""
    out: dict[str, int] = {}
    for _, _, ss, se in abbrevs:
        s, e = next(((a, b) for a, b in sents if a <= ss < b), (ss, ss))
        if not _OWN_WORK.search(text, s, e):
            out.setdefault(text[ss:se], ss)
    return out


# Proposal verbs that also describe using what exists: "we train X", "we report results of X".
_WEAK_VERB = re.compile(r"\b(?:train|pretrain|pre-train|report|describe|offer|establish)(?:s|d|ed)?\b")
_GERUND_OBJECT = re.compile(r"\b(?:propos|introduc|present)\w*\s+[a-z]+ing\s")
_STRONG_VERB = re.compile(r"\b(?:propos|introduc|present|releas|develop|design|creat|unveil|devis|open-sourc)\w*", re.I)


_OWN_NOUN = re.compile(r"\s+(?!(?:benchmark|dataset|corpus|suite|leaderboard|challenge)s?\b)"
                       r"(?!(?:is|are|was|were|can|could|will|would|has|have|had|and|or|to|of|in|on|for|with|we)\b)"
                       r"[a-z][a-z\-]+")


def built_on_known(text: str, end: int, name: str) -> bool:
    """Whether "our X" names the paper's use of a known X before a noun ("our GLM graphical models", "our BERT
    model"), not its own thing; "our X benchmark" still names the paper's data (the list knows it from them)."""
    return _OWN_NOUN.match(text, end) is not None and lookup(name) is not None


_OF_BEFORE = re.compile(r"\bof\s+(?:(?:the|an?)\s+)?$")
_MODIFIER_BEFORE = re.compile(
    r"(?<![\w\-])(?!(?:an?|the|our|its|their|new|novel|called|named|dubbed|termed|namely|first|then|also|"
    r"model|method|network|algorithm|architecture|framework|approach|system|technique|dataset|benchmark)s?\s)"
    r"[a-z][\w\-]*\s+$"
)


def varies_known(gap: str, name: str) -> bool:
    """Whether a proposal verb's object only varies or concerns a known name: a lower-case modifier right before
    it ("we propose the weight-dropped LSTM", "a two-branch HyperNetwork") or "of" ("a convex relaxation of the
    TT decomposition"); the paper proposes the variant, not the known thing."""
    if _OF_BEFORE.search(gap) is None and _MODIFIER_BEFORE.search(gap) is None:
        return False
    known = lookup(name)  # data keep their modifiers ("a large-scale synthetic dataset X", "the freely available X")
    return known is not None and known.label in ("Method", "Model")


_HEAD_AFTER_DEF = re.compile(
    r"\)?\s*(?:-?based\b|,?\s*(?:called|named|termed|dubbed)\b|(?:[a-z][\w\-]*\s+)?(?:scheme|architecture|network|model|"
    r"framework|method|approach|algorithm|module|layer|block|system|pipeline|technique|strategy|structure|backbone|"
    r"encoder|decoder|classifier|variant|extension|loss|objective|sampler|solver|estimator|formulation)s?\b)"
)


def known_in_bigger(text: str, gap: str, long_form: str, ss: int, se: int) -> bool:
    """Whether a known technique or model a proposal cue defines ("a new convolutional neural network (CNN)") is only
    part of the proposal: a modifier before it ("a norm-bounded graph attention network (GAT)") or a head or name
    after it ("a Markov chain Monte Carlo (MCMC) scheme", "... (CNN) called FCA-Net", "an auto-encoder (AE) based")."""
    name = text[ss:se]
    known = lookup(name)
    if known is None or known.label not in ("Method", "Model") or other_meaning(long_form, known):
        return False  # unknown, or a homonym: "stable risk minimization (SRM)" is not the list's SRM module
    return varies_known(gap, name) or _HEAD_AFTER_DEF.match(text, se) is not None


def others_work(text: str, cue: str, gap: str | None, name: str, end: int) -> bool:
    """Whether a proposal cue's name is someone else's: a known name used (:func:`reuses_known`) or varied
    (:func:`varies_known`, given the verb's ``gap``), or a name with a citation right after it."""
    cited = CITED_AFTER.match(text, end) is not None
    return cited or reuses_known(cue, name) or (gap is not None and varies_known(gap, name))


def reuses_known(cue: str, name: str) -> bool:
    """Whether a weak proposal verb in ``cue`` has a known name (or a known model's size variant) as object, or a
    gerund stands between any proposal verb and it ("we propose minimizing Maximum Mean Discrepancy (MMD)")."""
    weak = _WEAK_VERB.search(cue) is not None and _STRONG_VERB.search(cue) is None  # not "we train and release X"
    if not weak and _GERUND_OBJECT.search(cue) is None:
        return False
    return lookup(name) is not None or split_variant(name) is not None


# The subject of a proposal verb: "we", "this paper", "here we", "in this work, we".
SUBJECT = r"(?:[Ww]e|[Tt]his (?:paper|work|study|report|article)|[Hh]ere,? we|[Ii]n this (?:paper|work),? we)"
# A lower-case technique the paper introduces: "we propose zorp alignment, a method ..."
LOWER_INTRO = re.compile(
    rf"\b{SUBJECT}\s+(?:also\s+)?(?:introduce|propose|present)[sd]?\s+"
    r"(?P<name>[a-z][a-z\-]+(?:\s[a-z][a-z\-]+){1,3}),\s+an?\s+(?:[\w\-]+\s+){0,4}?"
    r"(?:approach|method|technique|framework|algorithm|strategy|paradigm|objective|procedure|recipe)\b"
)
# No article, a technique head: "we introduce sensitivity-aware decoding which ..." (unknown names only).
LOWER_BARE = re.compile(
    rf"\b{SUBJECT}\s+(?:also\s+)?(?:introduce|propose|present)[sd]?\s+(?!(?:to|using|use|an?|the|our|two|three|"
    r"several|various|new|novel|extensive|simple|more|this|these|such|their|its|some|multiple|different)\b)"
    r"(?![a-z]+ing\s)"  # not a gerund ("we propose utilizing n-best reranking")
    rf"(?P<name>(?:(?!(?:to|of|for|and|or|in|on|with|by)\s)[a-z][a-z\-]+\s){{0,2}}[a-z\-]*(?:{LOWER_HEADS}))"
    r"(?=\s+(?:which|that|to|for|as)\b|,|\.)"
)

# Adverbs between a proposal verb and its subject or "and" ("we then propose", "and accordingly propose").
VERB_ADVERBS = "also|further|first|then|newly|additionally|therefore|thus|accordingly|hence|finally|subsequently"
_AND_BEFORE = re.compile(rf"\band\s+(?:(?:{VERB_ADVERBS})\s+)?$")
_WE_EARLIER = re.compile(r"\b[Ww]e\s+(?:also\s+|first\s+)?[a-z]+[^.;!?]*$")


def we_earlier(text: str, pos: int) -> bool:
    """Whether "we" and a verb come before ``pos`` in its sentence ("We study X and ...")."""
    return bool(_WE_EARLIER.search(text, max(0, pos - 200), pos))


def we_and(text: str, pos: int) -> bool:
    """Whether the verb at ``pos`` is coordinated after "we" ("we review X and propose Y"): "we" is its subject."""
    return bool(_AND_BEFORE.search(text, max(0, pos - 24), pos) and we_earlier(text, pos))


def coined_after_and(name: str) -> bool:
    """Whether a name after a coordinated proposal verb is coined there: unknown and name-shaped or several words
    ("... and propose StyleSeg"), not "... and propose a Lagrangian relaxation" or a known name."""
    return lookup(name) is None and (name_shaped(name) or " " in name)


def trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip trailing connector words and punctuation from a name span."""
    name = text[start:end]
    name = re.sub(r"\s+(?:of|for)\s+\d[\d.,]*$", "", name)  # "a dataset COVID-Fact of 4,086 claims"
    name = re.sub(r"(?:\s+(?:of|for|-))+$", "", name).rstrip(".,;:'’\"”")
    name = re.sub(r"(?<=\S)\s+(?:[Ss]eries|[Ff]amily)$", "", name)  # "the Zorp2-VL Series": the family is Zorp2-VL
    return start, start + len(name)


# A kind noun right after a name, with no acronym or coined name after it: "... Analysis model combining ...".
_KIND_AFTER = re.compile(r"\s+(?:model|framework|network|method|approach|system|architecture|pipeline)s?\b(?!\s*\()")


def names_a_task_kind(text: str, name: str, end: int) -> bool:
    """Whether a proposed title-case phrase ends in a task's head and a kind noun follows it ("we propose a novel
    Implicit Sentiment Analysis model", "a Case-Based Reasoning method"): it describes, it does not name."""
    words = name.split()
    last = words[-1] if words else ""
    task = (TITLE_TASK.search(last) is not None or last.lower() == "analysis") and last[1:].islower()  # no "AnaLysis"
    return len(words) > 1 and task and _KIND_AFTER.match(text, end) is not None


# "a novel meta algorithm, X", "a new framework, X": a new technique or model named in apposition is the paper's
# own, unless someone else made it ("Zorp et al. (2020) proposed a new algorithm, X"; "a new model, X, was recently
# presented"). (Not data yet: a paper's own data set would turn from Benchmark to Dataset, see docs/extraction.md.)
NEW_KIND_WORDS = ["new", "novel"]
_NEW_KIND_NAME = re.compile(
    r"\b(?:an?|our)\s+(?:[\w\-]+\s+){0,2}?(?:new|novel)\s+(?:[\w\-]+\s+){0,5}?"
    r"(?:model|method|framework|algorithm|approach|architecture|network)s?,\s+[\"“‘]?"
    + NAME
    + r"(?=\s*[,.;)]|\s+\(|\s+(?:which|that|to|for|with|in|on|and)\b)(?!,?\s+(?:was|were|has|had|is)\b)"
)
_SOMEONE_ELSE = re.compile(r"\bet al\b|\b(?:recently|previously|earlier)\b|\((?:19|20)\d\d\)")


def new_kind_names(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Matches (group ``name``) of :data:`_NEW_KIND_NAME` in ``text[start:end]`` (a sentence), none when the
    sentence credits someone else before the name.

    >>> [m.group("name") for m in new_kind_names("We give a new algorithm, ZorpUCB, for bandits.", 0, 47)]
    ['ZorpUCB']
    >>> new_kind_names("Zorp et al. (2020) gave a new algorithm, ZorpUCB, for bandits.", 0, 62)
    []
    """
    return [m for m in _NEW_KIND_NAME.finditer(text, start, end) if not _SOMEONE_ELSE.search(text, start, m.start())]
