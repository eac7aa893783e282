"""``kg_proposals``: names a paper introduces, from a few precompiled cue patterns.

Cues: "we propose / introduce / present ... X", "called / dubbed / termed / named X", "our (proposed) X",
and titles of the form "X: ...". The type is guessed from the nearest descriptor noun around the
name ("a new benchmark, X", "X, a 7B language model") and left empty when there is none.
Writes ``doc.spans["kg_proposed"]`` (label = guessed type or "") and ``doc._.kg_proposed_meta``:
``[rule, start_char, end_char, label]`` per span.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from extract.acronyms import best_long_form
from extract.canonical import split_variant
from extract.doc_data import ABBREVS, PROPOSED_META, SENTS, sents_of, span_at, text_of, token_starts
from extract.entity_labels import METRIC_HEAD
from extract.lexicon import generic_compound, generic_keys, lookup, norm_key
from extract.mention_cues import LANGUAGES
from extract.proposal_context import (
    AS_A_KIND,
    AS_NAME,
    BARE_HEAD,
    DESCRIPTIVE_AFTER,
    DESCRIPTIVE_END,
    GENRES,
    LETTER_DIGIT_LETTER,
    LOWER_BARE,
    LOWER_INTRO,
    LOWER_NAMING,
    METRIC_BEFORE,
    NAMED_BEFORE,
    NAMED_HEAD,
    NAMED_LATER,
    NAMED_OBJECT,
    NEW_KIND_WORDS,
    NOT_A_THING_BEFORE,
    NOT_A_THING_NOUNS,
    NOT_NAMES,
    OF_GAP,
    PHRASE_GOES_ON,
    PLURAL_ACRONYM,
    PLURAL_BEFORE,
    SENTENCE_ADVERB,
    SUBJECT,
    TITLE_TASK,
    VERB_ADVERBS,
    built_on_known,
    coined_after_and,
    describes_known,
    known_after,
    name_shaped,
    named_by_others_before,
    named_pairs,
    names_a_task_kind,
    names_no_thing,
    new_kind_names,
    others_acronyms,
    others_work,
    technique_head,
    trim_name,
    we_and,
)
from extract.proposal_definitions import SETTING_AFTER, VERBS, component_proposals, defined_proposals
from extract.proposal_kinds import guess_label
from extract.proposal_titles import NAME as _NAME
from extract.proposal_titles import TITLE as _TITLE
from extract.proposal_titles import TITLE_PHRASES as _TITLE_PHRASES
from extract.proposal_titles import TITLE_REPORT as _TITLE_REPORT
from extract.proposal_titles import (
    defined_as_known,
    digit_name,
    title_definition,
    title_head,
    title_lead,
    title_match,
    variant_title,
)

SPAN_KEY = "kg_proposed"


_STOP = (
    r"to|that|which|who|using|use|with|on|upon|for|by|in|into|from|based|via|how|whether|what|when|where|and|or|"
    r"leveraging|utilizing|this|these|its|their|it|is|are|as|at|than|such"
)
# What a proposal is made of, not its name: "a novel method combining CTC and ...", "a model built upon SeqDPP".
_INGREDIENT = (
    r"combining|integrating|incorporating|exploiting|employing|adopting|applying|extending|augmenting|coupling|"
    r"fusing|unifying|built\s+(?:up)?on"
)
# (A gap word is no short lower-case prefix on a capitalised stem: "sDM" in "we propose sDM, a generic approach",
# "iVAE", "pMMF" are names; not before a bracket: "covariate-informed iVAE (CI-iVAE)" is a long form.)
_GAP = (  # an acronym before a lower-case word modifies it ("an OOD test set, X"), it is not the name
    rf"(?:(?!(?:{_STOP}|{_INGREDIENT})\b)(?![a-z]{{1,3}}[A-Z][A-Za-z0-9]*(?:,|\s(?!\()))[a-z][\w\-]*,?\s+|"
    r"(?:an?|the|our)\s+|\([^()]{1,40}\)\s+|(?:in|within)\s+(?:this|the\s+present)\s+(?:paper|work|article|study),?\s+|"
    r"an?\s+[a-z][\w\-]*,?\s+(?:and|but|yet)\s+(?=[a-z][a-z\-]*\s)|"  # "a simple and effective method X"
    r"[A-Z]{2,5}s?\s+(?=[a-z])){0,7}"
)
# A descriptor set off from the name by a colon or a spaced hyphen ("a novel algorithm: PL-Rank", "a masking method
# - HeadMask"), only before a name-shaped word or a long form with its acronym ("a new method: Zorp-adaptive Mixture
# Network (ZaMN)"): after a colon an ordinary capitalised word opens a clause ("a new
# challenge: Learning to ..."), and a known name there is listed, not coined ("two datasets: EPIC Kitchens"); a task
# set off so is no entity ("a novel task - MIMOQA - Multimodal Input ...").
_SET_OFF = (
    r"(?P<set_off>(?!(?:task|problem|question|challenge|setting)s?\b)[a-z][\w\-]*(?::|\s+-)\s+)"
    r"(?=[\"“‘]?[^\s,;:()]*?(?:[a-z0-9][A-Z]|[A-Z]{2}|[A-Za-z]\d)|(?P<set_off_lf>[A-Z])[^.;:()]{0,80}\([A-Z][\w\-]*\))"
)
_PROPOSE = re.compile(
    rf"(?:\b{SUBJECT}(?:\s+(?:have|has)|['’]ve)?\s+(?:(?:{VERB_ADVERBS})\s+)?"
    # "we X ... and propose Y"
    rf"(?:{VERBS})(?:s|d|ed)?|(?<=\band )(?:(?:{VERB_ADVERBS})\s+)?(?:propose|introduce|present))"
    rf"\s+(?P<gap>{_GAP})(?:(?:--|—|–)\s*|\((?=[^()]{{1,30}}\))|{_SET_OFF})?[\"“‘]?{_NAME}"
)
# The subject of a proposal verb, just before it (what _PROPOSE / LOWER_INTRO need to match at all).
_SUBJECT_BEFORE = re.compile(r"\b(?:[Ww]e|paper|work|study|report|article)(?:,?\s+[a-z]+|['’]ve)?\s+$")
_NAMING = re.compile(
    rf"(?<!so-)\b(?:(?:called|named|dubbed|termed|coined)(?:\s+as)?:?|denoted as|referred to as|namely|"
    rf"[Ww]e (?:call|name|term|dub)(?:\s+{NAMED_OBJECT})?)\s+"
    rf"[\"“‘]?{_NAME}"
)
_RESULTING = re.compile(
    rf"\b[Tt]he resulting (?:[\w\-]+[\s,]+){{0,6}}?(?:model|method|algorithm|framework|approach|system|dataset|"
    rf"benchmark|checkpoint|agent|policy)s?,?\s+{_NAME}"
)
_REFER = re.compile(rf"\b(?:refer to|denote|we call)\s+(?:[\w\-]+\s+){{0,6}}?as\s+[\"“‘]?{_NAME}")
# "a new supervised pre-training method based on ..., or LOOK for short": the short name the paper gives its own
# (tried only in a sentence that also has a proposal or naming keyword, see :func:`_matches`).
_NOT_A_THING_NEAR = re.compile(rf"\b(?:{NOT_A_THING_NOUNS})\b")
_FOR_SHORT = re.compile(rf"(?:,\s*|\s)or\s+[\"“‘]?{_NAME}[\"”’]?\s+for\s+short\b")
_APPOSITIVE = re.compile(
    r"(?:,\s+(?:which is\s+)?|\s+is\s+)an?\s+(?:[\w\-]+\s+){0,2}?(?:new|novel|first|large-scale|open(?!-source))\b"
)  # ("X, an open-source model checker" is someone's tool; "X, a new open-source toolkit" is the paper's)
_NAME_BEFORE = re.compile(rf"(?<![\w\-]){_NAME}$")
_GERUND = re.compile(
    rf"\b(?:by|via|through|while|after)\s+(?:proposing|introducing|presenting|developing|designing)\s+"
    rf"(?P<gap>{_GAP})[\"“‘]?{_NAME}"
)
_HEADS = (
    "model|method|framework|approach|algorithm|network|architecture|module|system|mechanism|technique|strategy|"
    "pipeline|benchmark|dataset|agent|loss|layer|estimator|scheme|variant|extension|sampler|solver|procedure|"
    "protocol|paradigm|recipe|objective|encoder|decoder|backbone|classifier|optimizer|block"
)
# "our fast text classifier X" names the paper's own; not "our previous method, OSVOS", "our base model X".
_NOT_OURS = r"the|an?|under|over|between|previous|prior|earlier|original|baseline|base|backbone|teacher|reference"
_OUR = re.compile(rf"\b[Oo]ur\s+(?:proposed\s+|new\s+)?(?:(?:(?!(?:{_STOP}|{_NOT_OURS})\b)[a-z][\w\-]*\s+){{0,3}}?"
                  rf"(?:{_HEADS})s?(?:,?\s+|\s*\((?=[^()]+\))))?{_NAME}")
# "the proposed X" (not "the recently proposed X": someone else's); "X (ours)".
_THE_PROPOSED = re.compile(
    rf"\b[Tt]he\s+proposed\s+(?:(?:model|method|framework|approach|system|benchmark|dataset|algorithm),?\s+)?{_NAME}"
)
_OURS_AFTER = re.compile(rf"(?<![\w\-]){_NAME}\s*\((?:ours|Ours|our method|our model)\)")
# Passive: "a new loss, SuperLoss, is proposed"; not "BERT was introduced by ..." (someone else's).
_PASSIVE = re.compile(
    rf"(?<![\w\-]){_NAME}(?:\)|\s*\([^()]{{1,30}}\))?,?\s+(?:is|are)\s+"
    r"(?:(?:then|further|also|thus|hence|first)\s+)?"
    r"(?:proposed|introduced|presented|developed|designed)\b(?!\s+(?:by|in)\b)"
)
# What follows a plain capitalised word that is part of a longer phrase: a hyphen ("Spatial- and Scale-aware",
# "Neural-$x$-UCB"), "based", a bracketed word before more words ("Gaussian (process) regression"), "or".
_WORD_GOES_ON = re.compile(rf"-|\s+(?:based|or)\b|\s*\([^()\s]{{1,20}}\)\s+(?!(?:{_STOP})\b)[A-Za-z]")
_MODIFIES_NOUN = re.compile(rf"\s+(?!(?:{_STOP}|is|are|was|were|can|could|will|would|may|might|should|has|have|"
                            r"had|does|do|did|not|also|then|we|the|an?|of)\b)[a-z][a-z\-]+")


# Keywords that call for each pattern; one scan of the text finds the sentences worth trying.
_PATTERNS: dict[str, tuple[re.Pattern[str], str]] = {
    "propose": (_PROPOSE, "propose"),
    "naming": (_NAMING, "naming"),
    "our": (_OUR, "our"),
    "theproposed": (_THE_PROPOSED, "our"),
    "ours": (_OURS_AFTER, "our"),
    "resulting": (_RESULTING, "naming"),
    "passive": (_PASSIVE, "propose"),
    "refer": (_REFER, "naming"),
    "short": (_FOR_SHORT, "naming"),
    "gerund": (_GERUND, "propose"),
}
# Keyword groups of a sentence that coins a name ("or X for short" is tried only in such a sentence).
_COINING_GROUPS = frozenset({"propose", "gerund", "naming", "passive", "refer"})
# Token forms that call for each pattern (matched with one PhraseMatcher on lower-cased tokens).
_VERB_STEM_LIST = (
    "propose introduce present develop release design create construct curate contribute unveil devise "
    "establish offer describe train pretrain collect report build"
)
_VERB_STEMS = _VERB_STEM_LIST.split()
KEYWORDS: dict[str, list[str]] = {
    "propose": [v + x for v in _VERB_STEMS for x in ("", "s", "d", "ed")] + ["built", "pre-train", "open-source"],
    "gerund": ["proposing", "introducing", "presenting", "developing", "designing"],
    "naming": [
        "called", "named", "dubbed", "termed", "coined", "denoted", "referred", "namely", "name", "term", "dub", "call"
    ],
    "our": ["our"],
    "theproposed": ["the proposed"],
    "ours": ["(ours", "( ours"],
    "resulting": ["resulting"],
    "passive": ["proposed", "introduced", "presented", "developed", "designed"],
    "refer": ["refer", "denote", "call"],
    "short": ["short"],
    "appos": [", a", ", an", ", which is a", ", which is an", "is a", "is an"], "newkind": NEW_KIND_WORDS,
}


def _matches(text: str, sents: list[list[int]], keys: list[tuple[str, int]]) -> list[tuple[re.Match[str], str]]:
    """Pattern matches in the sentences whose keywords (``(group, char offset)`` pairs) call for them."""
    found: list[tuple[re.Match[str], str]] = []
    title_end = text.find("\n\n")
    if title_end > 0 and (tm := title_match(text, title_end) or title_lead(text[:title_end], text, title_end)):
        found.append((tm, "title"))
    wanted: dict[tuple[int, int], set[str]] = {}
    i = 0
    for group, pos in sorted(keys, key=lambda k: k[1]):
        if group == "propose" and not _SUBJECT_BEFORE.search(text, max(0, pos - 40), pos) and not we_and(text, pos):
            continue  # "trained", "reported" ... without "we" / "this paper" right before: no proposal cue
        while i < len(sents) and sents[i][1] <= pos:
            i += 1
        if i == len(sents):
            break
        wanted.setdefault((sents[i][0], sents[i][1]), set()).add(group)
    for (s, e), groups in wanted.items():
        if "short" in groups and not groups & _COINING_GROUPS:
            groups = groups - {"short"}  # "... over finite traces or LTLf for short": the sentence coins nothing
        for g in sorted(groups):  # sets iterate in hash order, which differs between processes
            if g == "newkind":
                found += [(m, "newkind") for m in new_kind_names(text, s, e)]
                continue
            if g == "appos":
                found += [(nm, "appositive") for m in _APPOSITIVE.finditer(text, s, e)
                          if (nm := _NAME_BEFORE.search(text, max(s, m.start() - 80), m.start())) is not None]
                continue
            pattern, rule = _PATTERNS[g]
            found += [(m, rule) for m in pattern.finditer(text, s, e)]
            if g == "propose":
                found += [(m, "lower") for m in LOWER_INTRO.finditer(text, s, e)]
                found += [(m, "lower") for m in LOWER_BARE.finditer(text, s, e)
                          if (" " in m.group("name") or "-" in m.group("name")) and lookup(m.group("name")) is None]
            if g == "naming":
                lower = LOWER_NAMING.finditer(text, s, e)
                found += [(m, "lower") for m in lower if not BARE_HEAD.fullmatch(m.group("name"))]
    return found


_BRACKET_AFTER = re.compile(r"\s*\([^()]{1,80}\)")
# "also called X", "sometimes referred to as X", "commonly named X": an existing thing's other name.
_ALSO_BEFORE = re.compile(r"\b(?:also|sometimes|commonly|often|usually|frequently|widely|otherwise)\s+$")


# A descriptor head and a name right after what a proposal verb reached first ("a novel robust HGNN framework RoHe"):
# the first name describes, the second is the proposal (not across a stop word: "we propose X for the model Y").
_HEAD_THEN_NAME = re.compile(
    rf"(?:\s+(?!(?:{_STOP})\b)[a-z][\w\-]*){{0,2}}?"  # "a Bayesian generative model Zapper"
    rf"\s+(?:{_HEADS})s?[,:]?\s+[\"“‘]?{_NAME}"
)
_HEAD_WORD = re.compile(rf"(?:{_HEADS})s?", re.IGNORECASE)
# A name that goes on into its acronym's definition ("Zorp Tuning" + " with MOdel Blarging (ZMB)").
_LONG_FORM_GOES_ON = re.compile(
    r"\s+(?:with|of|for|and|&|via)\s+(?:[A-Za-z][\w\-]*\s+){0,4}[A-Z][\w\-]*\s*\([^()]{1,20}\)"
)
# A known name that modifies a descriptor: "we design a new CNN encoder architecture", "a new BERT model for X".
# Not data: "we introduce the UCF-QNRF dataset" releases a (since) known dataset under its name.
_KNOWN_MODIFIES = re.compile(
    rf"(?:\s*\([^()]{{1,15}}\))?(?:\s+(?!(?:{_STOP})\b)[a-z][\w\-]*){{0,2}}?\s+(?!dataset|benchmark)"
    rf"(?:{_HEADS}|protocol)s?\b"
)


def _later_name(text: str, end: int) -> tuple[int, int] | None:
    """The span of a name that follows a descriptor head right after ``end`` (see ``_HEAD_THEN_NAME``), or None."""
    m = _HEAD_THEN_NAME.match(text, end)
    if m is None:
        return None
    s, e = trim_name(text, m.start("name"), m.end("name"))
    words = text[s:e].split()
    if not words or words[0] in NOT_NAMES or not words[0][0].isupper() or _HEAD_WORD.fullmatch(words[0]):
        return None  # "... network Model (i.e., BGM)": a capitalised head, not a name
    return s, e


def find_proposals(text: str, sents: list[list[int]], keys: list[tuple[str, int]]) -> list[tuple[int, int, str, str]]:
    """(start, end, guessed type, rule) of every name the text introduces; ``keys`` are the keyword
    hits ``(group, char offset)`` that select the sentences to try."""
    out: list[tuple[int, int, str, str]] = []
    generic = generic_keys()
    title_end = text.find("\n\n")
    for m, rule in _matches(text, sents, keys):
        s, e = trim_name(text, m.start("name"), m.end("name"))
        later = _later_name(text, e) if rule == "propose" else None
        if later is not None:
            s, e = later  # the descriptor ("a novel robust HGNN framework") is part of the cue, the name follows
        if m.re is _NAMING and text[s:e].istitle() and text[s:e].isalpha() and (head := NAMED_HEAD.match(text, e)):
            e = head.end()  # "namely Wing loss", "called Laplace attention": the technique's head is part of its name
        elif NAMED_BEFORE.search(text, max(0, s - 12), s) and (as_name := AS_NAME.match(text, e)):
            e = as_name.end()  # "a framework named Code as Reward (VLM-CaR)": "as" inside a bracketed name
        if rule != "title" and " for " in text[s:e] and name_shaped(text[s:e].split(" for ", 1)[0]):
            e = s + text[s:e].index(" for ")  # "called RefineVIS for Video Instance Segmentation": the task is no part
            if lookup(text[s:e]) is not None:
                continue  # "we propose GP for BO": a known technique, applied
        name = text[s:e]
        if DESCRIPTIVE_END.search(name) or DESCRIPTIVE_AFTER.match(text, e):
            continue  # "a GAN-based method", "X (XA)--based features": describes the proposal, does not name it
        if (
            m.re is _NAMING
            and m.group(0).startswith("namely")
            and PLURAL_BEFORE.search(text, max(0, m.start() - 30), m.start())
        ):
            continue  # "on two datasets, namely X and Y" lists existing things; "a new method, namely X" names one
        if m.re is _THE_PROPOSED and (re.fullmatch(r"[A-Z]+s", name) or lookup(name) is not None):
            continue  # "the proposed SNNs": a class; "the proposed FCN model": a known name reused
        if text[s - 1 : s] == "(" and (
            lookup(name) is not None
            or split_variant(name) is not None
            or best_long_form(name, text[max(0, s - 120) : s - 1].rstrip()) is not None
        ):
            continue  # a known name or an acronym's definition in brackets: defined_proposals decides those
        if m.re is _FOR_SHORT and _NOT_A_THING_NEAR.search(text, max(0, m.start() - 60), m.start()):
            continue  # "we call this problem g-identifiability, or gID for short": a problem, no entity
        if m.re is _PROPOSE and m.group("set_off") and (
            lookup(name) is not None or (m.group("set_off_lf") and not _BRACKET_AFTER.match(text, e))
        ):
            continue  # "results on two datasets: EPIC Kitchens 100 and ...": known names, listed; a long form
            # set off must reach its acronym ("a new method: Self-Supervised denoising Transformer (SST-GP)")
        known = lookup(name) if rule == "propose" and later is None else None
        if known is not None and known.label in ("Method", "Model") and _KNOWN_MODIFIES.match(text, e):
            continue  # "we design a new CNN encoder architecture": a known name describes an unnamed proposal
        if rule == "propose" and later is None and _KNOWN_MODIFIES.match(text, e) and (
            named_by_others_before(text, sents, s, name)
        ):
            continue  # "SG-MCMC methods have been proposed ... we propose a novel SG-MCMC method": others' kind
        if rule == "propose" and names_a_task_kind(text, name, e):
            continue  # "a novel Implicit Sentiment Analysis model combining ...": a task and a kind, no name
        if METRIC_BEFORE.search(text, max(0, s - 60), s) or METRIC_HEAD.search(name):
            continue  # "a novel evaluation metric called mnCER", "an Instruction Information Metric": no entities
        if rule == "propose" and m.re is _PROPOSE and OF_GAP.search(m.group("gap")):
            continue  # "we present an analysis of the Hidden Markov Model": what the work is about, not its name
        if m.group(0).startswith(("propose", "introduce", "present", "then ")) and not coined_after_and(name):
            continue  # "we X and propose Y": an unknown name-shaped Y only ("... and propose a Lagrangian ...")
        if others_work(text, m.group(0), m.group("gap") if m.re is _PROPOSE else None, name, e):
            continue  # "we train a ResNet18", "the weight-dropped LSTM", "X [5]": someone else's, used or varied
        quote = 1 if e < len(text) and text[e] in "\"”’" else 0
        if len(name) < 2 or SETTING_AFTER.match(text, e + quote) or name.endswith(("'s", "’s")):
            continue  # "dubbed as R(MA)^2B" cut to "R"; "(termed as “Text2Cypher” task)": a task, not a proposal
        if (m.re is _NAMING or rule == "lower") and (
            _ALSO_BEFORE.search(text, max(0, m.start() - 12), m.start()) or known_after(text, e)
        ):
            continue  # "Kernel Quadrature (also called Bayesian Monte Carlo)": another name of an existing thing
        if (m.re is _NAMING and NOT_A_THING_BEFORE.search(text, max(0, m.start() - 40), m.start())) or (
            names_no_thing(text, s)
        ):
            continue  # "a research direction, which we term Zorp Learning": a field or phenomenon, no entity
        if m.re is _NAMING and describes_known(text, sents, m.start(), name):
            continue  # "one LLM called GPT": a naming cue before a well-known name describes, it does not coin
        if m.re is _NAMING and name.isalpha() and name.istitle() and PHRASE_GOES_ON.match(text, e) and (
            not technique_head(text, e)
        ):
            continue  # "we call this the Turing test 2.0", "we name it Sentiment, Humor, and ... Dataset": a word of it
        if rule == "propose" and NAMED_LATER.match(text, e, min(len(text), e + 100)):
            continue  # "we propose a new XYZ strategy, dubbed ZapNet": the name comes with the naming cue
        if not name or not (name[0].isalpha() or digit_name(name)) or name.split()[0] in NOT_NAMES or (
            norm_key(name) in generic
        ):
            continue
        if SENTENCE_ADVERB.fullmatch(name) or name in GENRES or set(re.split(r"[-/ ]+", name)) <= LANGUAGES:
            continue  # a language or a language pair ("English-German systems"): no name
        if generic_compound(name):
            continue  # "a multi-LLM debate": a description
        lower_ok = rule == "lower" or LETTER_DIGIT_LETTER.search(name) is not None  # "fast2slow"
        if not any(c.isalpha() for c in name) or (not lower_ok and not any(c.isupper() for c in name)):
            continue  # "540-billion"
        if rule == "title" and " " in name and not name_shaped(name) and not variant_title(name, text[title_end:]) and (
            TITLE_TASK.match(name.rsplit(" ", 1)[-1]) or (name not in text[title_end:] and m.re not in _TITLE_PHRASES)
        ):  # the task a title opens with ("Interactive Medical Image Segmentation: A Benchmark ..."), or a catchy
            continue  # multi-word title phrase, not a name the abstract uses
        if rule == "our" and (not any(c.isupper() or c.isdigit() for c in name[1:]) or built_on_known(text, e, name)):
            continue  # a plain word; or "our GLM graphical models", "our BERT model": built on a known name
        if m.re is _PASSIVE and (lookup(name) is not None or PLURAL_ACRONYM.fullmatch(name)):
            continue  # "a new class of CNNs is introduced": someone's known technique, not this paper's name
        if m.re is _PASSIVE and text[e : e + 1] == ")" and text[s - 1 : s] != "(":
            continue  # a bracket only closes around the name: "a ... network (X) is designed"
        if m.re is _PASSIVE and " " not in name and not name_shaped(name):
            continue  # "Experiments are designed ...", "Module is proposed ..."
        if rule == "propose" and " " not in name and not name_shaped(name) and (
            _MODIFIES_NOUN.match(text, e) or _WORD_GOES_ON.match(text, e)
        ):
            continue  # "we introduce a Bayesian generative model", "a Gaussian (process) regression": an adjective
        if rule == "title" and defined_as_known(text, title_end, name):
            continue  # "SVGD as Moment Matching" over "Stein variational ... (SVGD) is a ...": its topic
        if rule == "title":
            sub = e + len(text[e:title_end]) - len(text[e:title_end].lstrip()) + 1  # past ":" ("CALM : A ...")
            head = title_head(text, sub, title_end) if m.re is _TITLE else None
            before, after, wide = "", head or ("model" if m.re is _TITLE_REPORT else ""), ""
            if m.re in _TITLE_PHRASES:
                after = "method"  # the head noun made it a technique ("Zorp Pooling", "Matching Networks")
            elif not head and (kind := AS_A_KIND.search(text, sub, title_end)):
                after = kind.group("kind")  # "ePiC: Employing Proverbs in Context as a Benchmark for ..."
        else:
            if m.re is _THE_PROPOSED or m.re is _OURS_AFTER:
                before = text[m.start() : s]  # only the descriptor of the cue itself ("the proposed model X")
            else:
                before = m.group("gap") if "gap" in m.re.groupindex else text[max(0, s - 40) : s]
                if m.re is _PROPOSE and m.group("set_off"):
                    before += m.group("set_off")  # "a new benchmark: X": the descriptor is set off by the colon
                if later is not None:
                    before = text[m.start("gap") : s]
            before = before[before.rfind(". ") + 1 :]
            wide = text[max(0, s - 100) : s] if rule == "naming" else ""
            wide = wide[wide.rfind(". ") + 1 :]
            bracket = _BRACKET_AFTER.match(text, e)  # the 80 characters after the name start past its long form
            after = text[e : (bracket.end() if bracket else e) + 80]
            if (goes := _LONG_FORM_GOES_ON.match(after)) is not None:
                after = after[goes.end() :]  # "Zorp Tuning with MOdel Blarging (ZMB), a framework": past the name
            after = after[: after.find(".")] if "." in after else after
            if m.re is _THE_PROPOSED or m.re is _OURS_AFTER:
                after = ""  # "the proposed X achieves ... on benchmarks": what follows is the predicate
            elif m.re is _OUR:  # "our X model": the descriptor is the cue's own or the next word, not the clause's
                before = text[m.start() : s]
                after = " ".join(after.split()[:1])
        label = "Method" if rule == "lower" else "" if rule == "newkind" else guess_label(before, after, wide)
        if rule != "title" and (head := technique_head(text, e)):
            e = head  # "referred to as Fisher auto-encoders": the known technique ends the name
        out.append((s, e, label, rule))
    return out


class ProposalFinder:
    """Finds proposed names; a PhraseMatcher on keywords picks the sentences the patterns run on."""

    def __init__(self, nlp: Language, name: str = "kg_proposals", spans: bool = True) -> None:
        self.name = name
        self.spans = spans  # also write the span group (the meta list alone is what later components read)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for group, words in KEYWORDS.items():
            self.matcher.add(group, list(nlp.tokenizer.pipe(words)))
        self.groups = {nlp.vocab.strings.add(g): g for g in KEYWORDS}

    def __call__(self, doc: Doc) -> Doc:
        """Record the names the paper introduces, with a guessed type."""
        text = text_of(doc)
        matches = self.matcher(doc)
        starts = token_starts(doc) if matches else []
        keys = [(self.groups[mid], starts[start]) for mid, start, _ in matches]
        spans: list[Span] = []
        meta: list[list[str | int]] = []
        sents = sents_of(doc)
        found = find_proposals(text, sents, keys)
        abbrevs = ABBREVS.get(doc)
        if abbrevs:
            # "we propose Learning to Learn Transferable Attack (LLTA)": the verb reached the first words of a
            # long form an acronym defines; what it proposes is that definition, named by its acronym
            defs = {ls: (le, ss, se) for ls, le, ss, se in abbrevs if ss > ls}
            found = [(d[1], d[2], f[2], "acronym") if f[3] == "propose" and (d := defs.get(f[0])) and f[1] < d[0]
                     else f for f in found]
            found += defined_proposals(text, sents, abbrevs)
            seen = others_acronyms(text, sents, abbrevs)  # "TTA ... we propose a novel TTA approach": not a name
            found = [f for f in found if not (f[3] == "propose" and seen.get(text[f[0] : f[1]], f[0]) < f[0]
                                              and _KNOWN_MODIFIES.match(text, f[1]))]
        found += named_pairs(text, found)  # "named ZorpQA-S and ZorpQA-L": both are coined
        if (lead := title_definition(text, text.find("\n\n"))) is not None:
            found.append((*lead, "", "title"))  # "Zorp Quux Network (ZQN): A Policy for ..."
        if abbrevs and found:  # "ZorpNet consists of a Blarg Module (BM) and ...": parts of the paper's own system
            found += component_proposals(text, sents, abbrevs, {text[f[0] : f[1]] for f in found})
        for s, e, label, rule in found:
            if e <= s:
                continue
            if self.spans:
                span = span_at(doc, s, e, label)
                if span is None:
                    continue
                spans.append(span)
            meta.append([rule, s, e, label])
        if self.spans:
            doc.spans[SPAN_KEY] = spans
        PROPOSED_META.set(doc, meta)
        return doc


@Language.factory("kg_proposals", default_config={"spans": True}, assigns=[PROPOSED_META.attr],
                  requires=[SENTS.attr, ABBREVS.attr])
def make_proposals(nlp: Language, name: str, spans: bool) -> ProposalFinder:
    """Factory for :class:`ProposalFinder`."""
    return ProposalFinder(nlp, name, spans)
