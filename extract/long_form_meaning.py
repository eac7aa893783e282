"""Whether a paper's long form of an acronym means what a gazetteer row means: the same thing spelled otherwise
("Labelled Faces in the Wild" of "Labeled Faces in the Wild") or something else ("partial optimal transport" is
not the row's "program of thoughts"), compared by 5-letter word stems; and whether a definition names a data
collection whatever its long form means ("the Liver Tumor Segmentation (LiTS) Challenge"). Used by ``kg_entities``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher

from extract.corpus import expands, is_acronym
from extract.lexicon import Entry, head_word, nontechnique_head, norm_key, task_acronym_keys, technique_heads
from extract.model_heads import name_head, procedure_head
from extract.word_find import find_word

__all__ = ["field_object", "named_data_after", "other_kind", "other_meaning", "same_meaning"]

_FUNCTION_WORDS = frozenset({"of", "for", "the", "a", "an", "and", "in", "on", "with", "to", "via", "by"})


def _stems(phrase: str) -> set[str]:
    """The 5-letter stems of a phrase's content words ("optimizer" and "optimization" share "optim")."""
    return {w[:5] for w in re.split(r"[\s\-]+", phrase.lower()) if w and w not in _FUNCTION_WORDS}


def _head(phrase: str) -> str:
    """A phrase's last content word, its head ("adaptation" of "test-time adaptation"); "" when
    that word is short, an acronym or "based" ("Adversarial Nets", "graph CNN", "variational AEs"): such heads
    abbreviate the row's rather than name something else."""
    words = [w for w in re.split(r"[\s\-]+", phrase) if w and w.lower() not in _FUNCTION_WORDS]
    last = words[-1] if words else ""
    if len(last) < 5 or not last.isalpha() or sum(ch.isupper() for ch in last) > 1 or last.lower() == "based":
        return ""
    return last.lower()


def _row_long_forms(entry: Entry) -> list[str]:
    """The row's long forms: surfaces that spell one of its acronyms out ("GPT family" does not)."""
    acronyms = [x for x in entry.surfaces if is_acronym(x)]
    keys = [norm_key(a) for a in acronyms]
    return [x for x in entry.surfaces
            if len(x.split()) > 1 and any(expands(a, x) for a in acronyms)
            and not any(k in norm_key(x) for k in keys) and _stems(x)]


def _has(stems: set[str], head: str) -> bool:
    """Whether a stem of ``stems`` is ``head`` or a shortening of it ("net" of "netwo")."""
    return any(x.startswith(head) or head.startswith(x) for x in stems)


def _same_word(a: str, b: str) -> bool:
    """Whether two words are one word spelled or inflected otherwise ("modelling" "modeling", "tuned" "tuning",
    "neighbor" "neighbors"): one starts the other, they share all but two letters at the start, or they are near
    alike."""
    if a.startswith(b) or b.startswith(a):
        return True
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if common >= 5 or (common >= 3 and common >= min(len(a), len(b)) - 2):
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.8


def _word_apart(mine: str, theirs: str) -> bool:
    """Whether two long forms of as many words, three or more, differ in a word of the same place, neither word an
    acronym (``corpus.is_acronym``) nor a spelling of the other: "sparse fine-tuning" is no "supervised
    fine-tuning", "Masked Item Modeling" no "masked image modeling", though each shares half its words with the
    other. (Two words are too few to tell: "residual connections" may well be what the row calls "residual
    network".)"""
    return _aligned_apart(_WORDS.findall(mine), _WORDS.findall(theirs))


def _squashed(phrase: str) -> str:
    """A phrase's letters, lower-cased: "multi-task learning" and "multitask learning" are one spelling."""
    return "".join(_WORDS.findall(phrase)).lower()


def _aligned_apart(a: list[str], b: list[str]) -> bool:
    """Whether two word lists of one length differ in a place where neither word is an acronym or a spelling of
    the other."""
    if len(a) != len(b) or len(a) < 3:
        return False
    return any(
        not (is_acronym(x) or is_acronym(y) or _same_word(x.lower(), y.lower()))
        for x, y in zip(a, b, strict=True)
    )


_WORDS = re.compile(r"[^\W\d_]+")


def _apart(mine: set[str], my_head: str, long_form: str) -> bool:
    """Whether two long forms of one acronym mean different things: they share fewer than half their words, or
    each has three or more and neither's head is among the other's words nor a misspelling of the other's head
    ("test-time adaptation" is not "test-time augmentation"; "long short-term memory networks" is "long
    short-term memory", "stochastic gradient decent" is "stochastic gradient descent")."""
    theirs = _stems(long_form)
    if 2 * len(mine & theirs) < min(len(mine), len(theirs)):
        return True
    their_head = _head(long_form)
    return (
        len(mine) > 2
        and len(theirs) > 2
        and bool(my_head and their_head)
        and not _has(theirs, my_head[:5])
        and not _has(mine, their_head[:5])
        and SequenceMatcher(None, my_head, their_head).ratio() < 0.8
    )


def other_meaning(long_form: str, entry: Entry, by_word: bool = True) -> bool:
    """Whether a paper's long form of an acronym means something else than the gazetteer row the acronym
    names: the row spells out a long form of one of its acronyms, and none shares half its words with the paper's
    (5-letter stems: "optimizer" is "optimization"), or whose heads differ, or (``by_word``) a word in the same
    place differs ("sparse fine-tuning" of "supervised fine-tuning"). A row without a long form cannot tell: the
    same thing."""
    mine, longs = _stems(long_form), _row_long_forms(entry)
    if not (mine and longs):
        return False
    head = _head(long_form)

    def apart(row_long_form: str) -> bool:
        # a word apart from any spelling of it: "meta-transfer learning" of "multitask learning", through "multi-task"
        return _apart(mine, head, row_long_form) or (by_word and any(
            _word_apart(long_form, x) for x in longs if _squashed(x) == _squashed(row_long_form)))

    return all(apart(x) for x in longs)


_DATA = frozenset({"Dataset", "Benchmark"})
# Head words that name a technique, never a collection of data: "Criss-Cross Network", "Robust Anchor Embedding".
_TECHNIQUE_END = re.compile(r"(?i:networks?|nets?|algorithms?|embeddings?|search|optimi[sz]ers?)")


def other_kind(long_form: str, kind: str | None, entry: Entry) -> bool:
    """Whether a paper's long form of a row's acronym names another kind of thing than a row that spells out no long
    form of its own (which :func:`other_meaning` cannot tell): a technique for a data set ("Criss-Cross Network
    (CCNet)" of the CCNet corpus; by its head word: the gazetteers' technique heads or a procedure), or data
    for a technique (``kind``, the long form's own type, is a data type: "... Dataset (X)").

    >>> from extract.lexicon import Entry
    >>> row = Entry("ZorpSet", "Dataset", (), None, frozenset())
    >>> other_kind("Zorp Search Network", None, row), other_kind("Zorp Objects in Context", None, row)
    (True, False)
    """
    if _row_long_forms(entry):
        return False
    if entry.label in _DATA:
        head = name_head(long_form)
        return procedure_head(long_form) or bool(_TECHNIQUE_END.fullmatch(head)) or head_word(head) in technique_heads()
    return kind in _DATA


def same_meaning(long_form: str, entry: Entry) -> bool:
    """Whether a paper's long form is another spelling of one of the row's ("Labelled Faces in the Wild" of
    "Labeled Faces in the Wild"): the same 5-letter stems."""
    mine = _stems(long_form)
    return bool(mine) and any(mine == _stems(x) for x in _row_long_forms(entry))


# "the Liver Tumor Segmentation (LiTS) Challenge", "the visual wake words (VWW) dataset": after the definition, a
# data or contest noun names the collection itself (whatever the long form names: a task, a property).
_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[\w\-]+\s+){0,3}$")
_DATA_HEAD_AFTER = re.compile(
    r"\s+(?:(?P<b>[Cc]hallenge|[Bb]enchmark|[Cc]ompetition|[Ll]eaderboard|[Ss]hared [Tt]ask)|"
    r"(?P<d>[Dd]ata ?set|[Cc]orpus|[Dd]atabase))\b(?!\s+(?:of|for)\b)"
)


def named_data_after(text: str, ls: int, ss: int, se: int) -> str | None:
    """Benchmark or Dataset when the definition "the long form (ACRONYM)" (long form ``text[ls:...]``, acronym
    ``text[ss:se]``) is followed by a
    contest or data noun: the acronym names that collection ("the ... (LiTS) Challenge"), else None. Not for a
    task's acronym, nor for one the title opens with (its subtitle types it: "VisDA: The ... Challenge").

    >>> named_data_after("We win the Zorp Tumor Segmentation (ZTS) Challenge.", 11, 36, 39)
    'Benchmark'
    >>> named_data_after("We use zorp tumor segmentation (ZTS) datasets of many kinds.", 7, 32, 35) is None
    True
    """
    m = _DATA_HEAD_AFTER.match(text, se + (text[se : se + 1] == ")"))
    if m is None or not _THE_BEFORE.search(text, max(0, ls - 40), ls):
        return None
    acronym = text[ss:se]
    if norm_key(acronym) in task_acronym_keys() or re.match(rf"{re.escape(acronym)}(?![\w\-])", text):
        return None  # a task's acronym ("the ... (QA) dataset"); a title that opens with it says what it is
    return "Benchmark" if m.group("b") else "Dataset"


# What the text calls its own acronym: "the ZB framework", "a new Zorp Pose (ZP) dataset".
_OWN_NOUN_AFTER = re.compile(
    r"\)?\s*(?:framework|model|data\s?set|corpus|benchmark|method|approach|algorithm|network|module|technique|"
    r"scheme|strategy|architecture|mechanism|system|tool|toolkit|library|agent)s?\b",
    re.I,
)
_DATA_NOUN_AFTER = re.compile(r"\s*(?:data\s?set|corpus|corpora|benchmark|tree-?bank)s?\b", re.I)


def field_object(
    text: str, title_end: int, definition: tuple[int, int, int, int], proposed: Iterable[tuple[int, int]]
) -> bool:
    """Whether an acronym definition ``(ls, le, ss, se)`` spells out an object, setting or problem of the field
    rather than a technique: a title-case long form whose head the field uses almost only outside technique
    contexts ("Multi-Armed Bandit (MAB)", "Correlated Equilibrium (CE)": :func:`extract.lexicon.nontechnique_head`),
    which the paper does not name as its own (in its title, by a proposal span over the definition, or with a
    noun after the acronym: "a Zorp Mining (ZM) framework", "results on the ZM corpus").

    >>> text = "We study the Multi-Zorp Bandit (MZB) problem."
    >>> field_object(text, 0, (13, 30, 32, 35), []), field_object(text, 0, (13, 30, 32, 35), [(13, 30)])
    (True, False)
    >>> field_object("A Zorp Bandit (ZB) framework.", 0, (2, 13, 15, 17), [])
    False
    """
    ls, le, ss, se = definition
    lf, sf = text[ls:le], text[ss:se]
    words = lf.split()
    if len(words) < 2 or sum(w[:1].isupper() for w in words) < len(words) - 1 or not nontechnique_head(name_head(lf)):
        return False
    first, last = min(ls, ss), max(le, se)
    if any(s < last and e > first for s, e in proposed) or _OWN_NOUN_AFTER.match(text, last):
        return False
    at = find_word(text, sf)
    while at >= 0:
        if _DATA_NOUN_AFTER.match(text, at + len(sf)):
            return False  # "... on the ZB corpus" later in the text (not "ZB models": models for a task)
        at = find_word(text, sf, at + 1)
    title = text[: max(0, title_end)]
    return not (norm_key(lf) in norm_key(title) or find_word(title, sf) >= 0)
