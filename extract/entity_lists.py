"""Candidates named by their context rather than their shape: lower-case items of a list the text calls
techniques ("methods such as warm-up and weight decay"), capitalised words before "algorithm", "sampling" ...
("the Sinkhorn algorithm"), title-case names before a collection noun
("the Stanford Cars dataset"), capitalised words listed after typed names ("Lag-Llama, Zorp, and Chronos") and
editions of a data name that a list leaves the name out of ("PASCAL VOC 2007 and 2012").
Used by ``kg_entities``."""

from __future__ import annotations

import re
from collections.abc import Callable

from extract.canonical import canonical_name, known
from extract.entity_labels import TASK_HEAD, Cand
from extract.lexicon import Entry, norm_key
from extract.mention_cues import LANGUAGES

__all__ = [
    "COORD", "NOT_EPONYM", "closes_list", "coordinated_names", "elided_editions", "eponym_names",
    "listed_techniques", "listed_with_data", "titled_collections",
]

NOT_EPONYM = frozenset(
    [
        "A", "An", "The", "Our", "This", "These", "That", "Its", "Their", "Each", "When", "For", "After", "To", "Run",
        "Less", "Typical", "English", "Heuristic", "Bandit", "Reinforcement", "Offline", "Online", "Learning", "Deep",
        "Neural", "Novel", "New", "Proposed", "Efficient", "Fast", "Simple", "Adaptive", "Random", "Greedy", "Optimal",
        "Robust", "Standard", "Classical", "Traditional", "Existing", "Such", "Both", "Any", "All", "Most", "Some",
        "Final", "Main", "Bayesian", "Markovian", "Top", "Two", "Turn", "Bins",
    ]
)
# "methods such as", "techniques including", "regularizers like" ... (the list follows).
_LIST_CUES = (" such as ", " like ", " including ", " e.g.", "(e.g.", "(such as ", "(including ")
_TECH_NOUN = re.compile(
    r"\b(?:methods|techniques|algorithms|strategies|optimizers|regulari[sz]ers|heuristics|tricks|interventions)"
    r"\s*$"
)
_TECH_LIST = re.compile(r"\s*\(?\s*(?:such as|like|including|e\.g\.,?)\s+")


def _find_all(text: str, needles: tuple[str, ...]) -> list[int]:
    """Start offsets of every occurrence of the needles, in order (plain substring search: fast)."""
    out: list[int] = []
    for n in needles:
        i = text.find(n)
        while i >= 0:
            out.append(i)
            i = text.find(n, i + 1)
    return sorted(out)

# One list item: up to three words, or a known name; the item ends at a comma, "and"/"or" or the clause end.
_LIST_ITEM = re.compile(
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)?(?:the\s+)?"
    r"([\w\-]+(?:\s(?!and\b|or\b)[\w\-]+){0,2})(?=\s*(?:,|\.|;|:|\)|\s(?:and|or)\s))"
)
_NOT_IN_NAME = frozenset(
    [
        "a", "an", "the", "of", "to", "in", "on", "for", "with", "by", "is", "are", "be", "can", "we", "our",
        "their", "its", "that", "which", "this", "these", "etc", "others", "variants", "versions", "extensions",
        "methods", "approaches", "techniques", "algorithms", "models", "ones",
    ]
)
# A collection noun after a title-case name ("the Stanford Cars dataset", "the Netflix challenge").
# A capitalised collection noun is part of the name ("the Zap Corpus").
_COLLECTION = re.compile(r"[DdCcBbTtLl](?:ata ?[Ss]ets?|orpus|orpora|enchmarks?|hallenge|reebank|eaderboard)\b")
_COLLECTION_TAILS = ("ataset", "ata set", "ata Set", "orpus", "orpora", "enchmark", "hallenge", "reebank", "eaderboard")
_PLURALS = frozenset(["datasets", "data sets", "corpora", "benchmarks"])
_TITLED_BEFORE = re.compile(
    r"\b(?:the|on|of|from|using|and|in|with) ((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)* (?:(?:in|of) (?=[A-Z]))?){1,5})"
    r"(?:\(\w+\) )?$"
)
# A capitalised word, then "and": the item before a plural collection noun is the last of a list of names.
_AFTER_NAME = re.compile(r"[A-Z][\w\-]*\s(?:and|&)\s$")

def listed_techniques(text: str, cands: list[Cand], index: dict[str, Entry], is_generic: Callable[[str], bool]
                      ) -> list[Cand]:
    """Lower-case items of a list the text itself calls techniques ("methods such as warm-up, weight
    decay and ..."), when the list also holds a known technique: the text names them as methods."""
    out: list[Cand] = []
    known = [c for c in cands if c.entry is not None and c.label == "Method"]
    if not known:
        return out
    for h in _find_all(text, _LIST_CUES):
        m = _TECH_LIST.match(text, h)  # the cue ("such as") with what follows it
        if m is None or _TECH_NOUN.search(text, max(0, h - 20), h) is None:
            continue
        items: list[tuple[int, int]] = []
        pos = m.end()
        while len(items) < 8 and (i := _LIST_ITEM.match(text, pos)) is not None:
            items.append((i.start(1), i.end(1)))
            pos = i.end()
        if len(items) < 2 or not any(c.start == a for a, _ in items for c in known):
            continue
        for a, b in items:
            item = text[a:b]
            key = norm_key(item)
            if (
                item.islower()
                and key not in index
                and not is_generic(key)
                and not TASK_HEAD.match(item.split()[-1])
                and not (set(item.split()) & _NOT_IN_NAME)
            ):
                out.append(Cand(a, b, "Method", item, "", "list", 1, None, {"cue:Method"}))
    return out

def titled_collections(text: str, cands: list[Cand], is_generic: Callable[[str], bool]) -> list[Cand]:
    """Title-case names right before a collection noun ("the Stanford Cars dataset", "on the Waymo
    Open benchmark", "the Brown corpus"), which the name shapes miss (ordinary capitalised words)."""
    out: list[Cand] = []
    title_end = text.find("\n\n")
    nouns = _find_all(text, _COLLECTION_TAILS)
    for h in nouns:
        q = text.rfind(" ", 0, h - 2)  # the word before the collection noun must be capitalised
        if h < 3 or text[h - 2] != " " or not text[q + 1 : q + 2].isupper():
            continue
        d = _COLLECTION.match(text, h - 1)
        if d is None:
            continue
        m = _TITLED_BEFORE.search(text, max(0, d.start() - 80), d.start())
        if m is None:
            continue
        name = m.group(1).rstrip()
        words = name.replace("-", " ").split()
        if d.group(0)[0].isupper():
            if m.end(1) != d.start() or d.start() < title_end or d.group(0).lower() in _PLURALS:
                continue  # title case is not a name in titles ("Creating Datasets"); nor are plurals
            name = text[m.start(1) : d.end()]
        # A language and "Treebank" name one resource ("English Treebank", "Chinese Treebank": treebanks are built
        # per language); with another collection noun they describe some data ("an English corpus").
        language_only = all(w in LANGUAGES for w in words)
        treebank = d.group(0).startswith("Treebank")
        listed = _AFTER_NAME.search(text, max(0, m.start(1) - 40), m.start(1)) is not None
        if (
            (words[0] in NOT_EPONYM and not (language_only and treebank))
            or (language_only and not treebank)
            or TASK_HEAD.match(words[-1])
            # "Driving datasets": a kind of data; but "on Yelp and Amazon datasets" lists two names
            or (d.group(0).lower() in _PLURALS and len(words) < 2 and not listed)
            or is_generic(norm_key(name))
            or any(c.start < m.end(1) and m.start(1) < c.end for c in cands)
        ):
            continue
        label = "Dataset" if d.group(0).lower().startswith(("data", "corp", "tree")) else "Benchmark"
        out.append(Cand(m.start(1), m.start(1) + len(name), label, name, "", "titled", 1, None, {"cue:" + label}))
    return out + _acronym_led_collections(text, cands, is_generic, nouns)


# An acronym and one title-case word before a collection noun: "the OID Aircraft dataset", "the MICCAI Gland
# dataset", "the UCI Adult dataset"; the acronym alone (a name shape) is only the first word of the name.
_ACRONYM_LED = re.compile(
    r"\b(?P<name>[A-Z][A-Z0-9]+[A-Za-z0-9\-]* (?P<word>[A-Z][a-z]+(?:-[A-Za-z]+)?)) "
    r"(?P<noun>[Dd]ata ?[Ss]ets?|[Cc]orpus|[Cc]orpora|[Bb]enchmarks?)\b"
)
# Besides the openers that start no eponym: split and collection words ("the XYZ Test dataset").
_NOT_NAME_WORDS = NOT_EPONYM | {"Test", "Training", "Train", "Validation", "Evaluation", "Benchmark", "Dataset", "Data",
                                "Challenge", "Large", "Public", "Real", "Synthetic", "Your", "Every"}


def _acronym_led_collections(
    text: str, cands: list[Cand], is_generic: Callable[[str], bool], nouns: list[int]
) -> list[Cand]:
    """Names made of an untyped acronym and one title-case word before a collection noun (see _ACRONYM_LED);
    ``nouns``: where ``titled_collections`` found collection nouns (a scan from each word start of the text would
    cost more than the rest together)."""
    out: list[Cand] = []
    for h in sorted({*nouns, *_find_all(text, ("ataSet",))}):  # "DataSet" is no titled tail
        m = next((x for x in _ACRONYM_LED.finditer(text, max(0, h - _LED_REACH), h + 12) if x.start("noun") == h - 1),
                 None)
        if m is None:
            continue
        s, e = m.span("name")
        inside = [c for c in cands if c.start < e and s < c.end]
        word = m.group("word")
        if (word in _NOT_NAME_WORDS or word in LANGUAGES or TASK_HEAD.match(word)
                or is_generic(norm_key(m.group("name")))
                or not inside or any(c.entry is not None or c.end > e or c.start < s for c in inside)):
            continue  # a known name stays itself ("ImageNet Sketch" would be a variant); only an untyped shape grows
        label = "Dataset" if m.group("noun").lower().startswith(("data", "corp")) else "Benchmark"
        out.append(Cand(s, e, label, m.group("name"), "", "titled", 1, None, {"cue:" + label}))
    return out


_LED_REACH = 120  # characters of acronym and title-case word the name may take before its noun

# What joins list items, and a capitalised item: one to three capitalised words ("Chronos", "Grid World").
_COORD_STARTS = (",", " ,", " and ", " or ", "  and ", "\nand ")
_COORD_NEXT = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?")
_TITLED_ITEM = re.compile(r"[A-Z][A-Za-z0-9]*(?:[\- ][A-Z][A-Za-z0-9]*){0,2}")
# An item ends the list, joins the next item, or precedes the list's class noun ("A, B and C benchmarks"); a
# word after it may continue a phrase ("A and Human evaluation"; on the corpus, half such items were no names).
_ITEM_END = re.compile(
    r"\s*(?:[,.;:)]|$)|\s+(?:and|or)\s|\s+(?:(?:\w+\s+)?(?:benchmarks?|datasets?|models|LLMs|environments|"
    r"suites|tasks|corpora|baselines|families|architectures|methods|algorithms|respectively)\b)"
)
_BARE_VERSION = re.compile(r"\b[Vv]\d+$")


def closes_list(text: str, gap: str, end: int, nth: int = 1) -> bool:
    """Whether an item joined to the one before by ``gap`` is in a list with it: a bare comma joins a second
    item only when the list goes on or ends after it ("On ZorpSet, ZorpTR outperforms ..." is no list; "A, B,
    C have been proposed" is). ``nth``: how many items come before this one."""
    return (nth > 1 or _JOINED.search(gap) is not None or not _WORD_AFTER.match(text, end)
            or bool(_ITEM_END.match(text, end)))


_WORD_AFTER = re.compile(r"\s+[a-z]")
_JOINED = re.compile(r"\b(?:and|or|vs|versus)\b|/")
# A capitalised item that opens a list right before a typed name: "on Caltech, INRIA, and ETH", "on both Zorp and
# KITTI".
_MIDDLE_ITEM = re.compile(r"\s*,\s*([A-Z][\w\-+]*)")
_LEADING_ITEM = re.compile(
    r"\b(?:on|across|including|such as|like|namely|e\.g\.,?)\s+(?:(?:both|either|all)\s+)?(?:the\s+)?"
    r"(?P<item>[A-Z][A-Za-z0-9]*(?:[\- ][A-Z][A-Za-z0-9]*){0,2})(?:\s*,\s*[A-Z][\w\-+]*)*"
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)$"
)
_LISTED_TYPES = frozenset(["Model", "Benchmark", "Dataset"])


def coordinated_names(text: str, cands: list[Cand], is_generic: Callable[[str], bool]) -> list[Cand]:
    """Capitalised words coordinated after a typed name ("Lag-Llama, Zorp, and Chronos", "on FooQA and Barwick
    benchmarks"): a list holds things of one kind, and a plain capitalised word (which the name shapes skip:
    it could be any word) is a name there. Only lists of models, benchmarks and datasets; the item must end
    the list or join the next item, so "FooQA and Human evaluation" adds nothing."""
    out: list[Cand] = []
    by_start = {c.start: c for c in cands}
    title_end = text.find("\n\n")
    # Lists of known techniques last, and only for names no other list typed ("Adam, diffGrad, Radam and AdaBelief")
    for c in [c for c in cands if c.label != "Method"] + [c for c in cands if c.label == "Method"]:
        typed = (
            c.entry is not None
            or c.rule == "variant"
            or (c.rule in ("shape", "titled") and c.label in _LISTED_TYPES)  # "titled": "the Zorp and Blarg datasets"
        )
        techniques = c.entry is not None and c.label == "Method"
        if not typed or (c.label not in _LISTED_TYPES and not techniques) or c.start < title_end:
            continue
        if not techniques and text[c.start - 2 : c.start] in (", ", "d ") and (
            lead := _LEADING_ITEM.search(text, max(title_end, c.start - 60), c.start)
        ):
            # the first item and those between it and this name ("on the Zorp, Quux and Blarg datasets")
            items = [(lead.start("item"), lead.end("item"))]
            items += [m.span(1) for m in _MIDDLE_ITEM.finditer(text, lead.end("item"), c.start)]
            for s, e in items:
                name = text[s:e]
                words = name.replace("-", " ").split()
                if not (words[0] in NOT_EPONYM or any(w in LANGUAGES for w in words) or TASK_HEAD.match(words[-1])
                        or is_generic(norm_key(name)) or s in by_start or any(o.start == s for o in out)):
                    out.append(Cand(s, e, "", name, "", "listed", 1, None, {"coord:" + c.label}))
        if not text.startswith(_COORD_STARTS, c.end):
            continue  # nothing coordinated follows (a cheap test before the pattern)
        pos, nth = c.end, 1
        while (m := _COORD_NEXT.match(text, pos)) is not None:
            nxt = by_start.get(m.end())
            if nxt is not None:
                coordinated = any(e.startswith("coord:") for e in nxt.evidence)
                if nxt.rule == "shape" and not nxt.label and not (techniques and coordinated) and (
                    closes_list(text, m.group(), nxt.end, nth)
                ):
                    nxt.evidence.add("coord:" + c.label)  # an untyped name in the list: "A, MOIRAI, and C"
                pos, nth = nxt.end, nth + 1
                continue
            item = _TITLED_ITEM.match(text, m.end())
            if item is None or _ITEM_END.match(text, item.end()) is None:
                break
            if techniques:
                pos = item.end()  # a plain capitalised word among techniques is no name by itself; go past it
                continue
            name = item.group(0)
            words = name.replace("-", " ").split()
            if _BARE_VERSION.match(name) and _BARE_VERSION.search(text, max(0, m.start() - 4), m.start()):
                break  # "Something-Something V1 and V2": versions of the name before, not a name
            if (
                words[0] in NOT_EPONYM
                or any(w in LANGUAGES for w in words)
                or TASK_HEAD.match(words[-1])
                or is_generic(norm_key(name))
                or any(o.start == item.start() for o in out)
            ):
                break
            out.append(Cand(item.start(), item.end(), "", name, "", "listed", 1, None, {"coord:" + c.label}))
            pos, nth = item.end(), nth + 1
    return out


_EDITION = r"(?:19|20)\d\d|v?\d+\.\d+"
_ENDS_IN_EDITION = re.compile(rf"(?P<sep>[ \-]?)(?P<v>{_EDITION})$")
# ", 2017, and 2018" / " and 2012" / " & v2.0" right after the first edition; not a count or a share after it.
_NEXT_EDITION = re.compile(
    rf",?\s*(?:(?:and|or|&)\s+)?(?P<v>{_EDITION})(?!\.\d|[\w%$\\])(?!\s*(?:[a-z]+\s+)?(?:[%×x]|times))"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_LIST_END = re.compile(r",?\s+(?:and|or|&)\s+")


def elided_editions(text: str, cands: list[Cand]) -> list[Cand]:
    """Editions of a benchmark or dataset listed after its first one without repeating the name ("PASCAL
    VOC 2007 and 2012", "KITTI 2012 and 2015", "VQA v1.0 and v2.0", "WMT 2016, 2017, and 2018"): each is an
    entity of its own, a mention on its year or version. Only a list that ends in "and"/"or" counts."""
    out: list[Cand] = []
    for c in cands:
        label = c.label or (c.entry.label if c.entry is not None else "")
        if label not in ("Benchmark", "Dataset") or text[c.end : c.end + 1] not in (" ", ","):
            continue
        surface = text[c.start : c.end]
        first = _ENDS_IN_EDITION.search(surface)
        if first is None or first.start() == 0:
            continue
        base, sep = surface[: first.start()], first.group("sep")
        found: list[tuple[int, int, str]] = []
        pos, closed = c.end, False
        while (m := _NEXT_EDITION.match(text, pos)) is not None and not closed:
            closed = _LIST_END.match(text, pos) is not None
            if bool(_YEAR.fullmatch(m.group("v"))) != bool(_YEAR.fullmatch(first.group("v"))):
                break  # a year after a version number, or the other way round: not one list of editions
            found.append((m.start("v"), m.end("v"), m.group("v")))
            pos = m.end()
        if not closed:
            continue  # "FooSet 2020, 2021 ..." without "and": no telling what the numbers are
        for s, e, v in found:
            full = base + sep + v
            entry = known(full)
            name = entry.name if entry is not None else canonical_name(full)
            parent = (entry.parent if entry is not None else "") or c.parent
            out.append(Cand(s, e, label, name, parent or "", "edition", 2, entry, set(c.evidence)))
    return out


# What joins two names of one list: a comma, "and", "or", "vs." or a slash (after an optional bracket); "on X and
# on Y" lists too.
COORD = re.compile(
    r"^(?:\s*\([^()]{1,40}\)|\s*\[\d+(?:[,\-–]\s*\d+)*\])?(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|vs\.?|versus)\s+|\s*/\s*)"
    r"(?:(?<=and )(?:on|in)\s+)?(?:the\s+)?$"
)


def listed_with_data(text: str, c: Cand, cands: list[Cand]) -> bool:
    """Whether ``c`` is coordinated with a known data set or benchmark ("On ACE-2005 and ERE, ..."): then a
    task's acronym names the data set of that task."""
    for o in cands:
        if o.entry is None or o.label not in ("Dataset", "Benchmark"):
            continue
        between = text[o.end : c.start] if o.end <= c.start else text[c.end : o.start] if c.end <= o.start else None
        if between is not None and len(between) < 12 and COORD.match(between) and "/" not in between:
            return True
    return False


# Named algorithms: capitalised (often eponymous) words before "algorithm", "sampler", "transform" ...
# ("the Sinkhorn algorithm", "Gibbs sampling", "Kalman filter", "Dijkstra's algorithm").
_EPONYM_HEADS = ("algorithm", "sampl", "transform", "filter")
# Starts with a letter class, so the regex engine skips ahead to those letters; the word start is checked after.
_EPONYM_HEAD = re.compile(r"[astf](?:lgorithm|ampler|ampling|ransform|ilter)\b")
# Up to five capitalised words, never across the blank line between title and abstract.
_EPONYM_BEFORE = re.compile(r"(?<![\w\-'])((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*(?:'s)?(?:[ \t]|\n(?!\n))+){1,5})$")
# Words that open a sentence or a noun phrase, not a name: dropped from an eponym's front.
_EPONYM_OPENERS = frozenset(
    ["A", "An", "The", "Our", "This", "These", "That", "Its", "Their", "Each", "When", "For", "After", "To", "Such",
     "Both", "Any", "All", "Most", "Some", "Two", "Using", "With", "In", "On", "By", "We", "Unlike", "Like"]
)
_CLAUSE_START = frozenset({". ", "! ", "? ", ": ", "\n\n", "\n"})


def eponym_names(text: str, cands: list[Cand]) -> list[Cand]:
    """Capitalised words before an algorithm head ("the Sinkhorn algorithm", "Bayesian Online Change Point
    Detection algorithm"), unless they only open a sentence, are all generic adjectives ("Greedy algorithm") or
    overlap a candidate already found.

    >>> [c.name for c in eponym_names("We use the Zorp-Blarg algorithm. Greedy algorithm fails.", [])]
    ['Zorp-Blarg algorithm']
    >>> [c.name for c in eponym_names("We extend the Zorp Blarg Search algorithm to trees.", [])]
    ['Zorp Blarg Search']
    """
    found: list[Cand] = []
    for h in _EPONYM_HEAD.finditer(text) if any(w in text for w in _EPONYM_HEADS) else ():
        if h.start() > 0 and (text[h.start() - 1].isalnum() or text[h.start() - 1] == "_"):
            continue  # inside a word ("Subsampling")
        m = _EPONYM_BEFORE.search(text, max(0, h.start() - 90), h.start())
        if m is None:
            continue  # nothing capitalised before the head
        words, start = m.group(1).split(), m.start()
        opens = start == 0 or text[start - 2 : start] in _CLAUSE_START
        while words and words[0] in _EPONYM_OPENERS:  # "The Sinkhorn algorithm", "Using Gibbs sampling"
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else h.start()
            words, opens = words[1:], False
        if opens or all(w.split("-")[0] in NOT_EPONYM for w in words):
            continue  # only a sentence's first word; "Greedy algorithm" (but "Bayesian Online Change Point ...")
        if any(c.start < h.end() and start < c.end for c in (*cands, *found)):
            continue  # already a known name / acronym definition
        # a title-case name is the name without its head ("Relative Entropy Policy Search algorithm"), the mention
        # keeps it; one word is named with it ("Sinkhorn algorithm")
        end = h.start() if len(words) > 1 and h.group() == "algorithm" else h.end()
        name = text[start:end].rstrip()
        found.append(Cand(start, h.end(), "Method", name, "", "eponym", 1, None, {"cue:Method"}))
    return found
