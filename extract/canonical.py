"""Canonical names: the merge key used within and across documents, display names, and model families.

``canonical_key`` is the identity of an entity: case, hyphen and space variants collapse, versions do
not ("X+" is "xplus", not "x"; "X 2.0" is "x20", not "x2"). ``canonical_name`` is what is shown (the
gazetteer's form where the name is known); ``split_variant`` / ``variant_parent`` link size, version
and chat variants to their family (Llama-2-13B-chat -> Llama 2 -> Llama; RoBERTa+ -> RoBERTa).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from extract.lexicon import Entry, entries, key_index, norm_key, pluses_dropped

_WS = re.compile(r"\s+")
_EDGE_PUNCT = " \t\n.,;:!?\"'“”‘’()[]{}"
_PARTS = re.compile(r"[-_ /]+")
_SIZE = re.compile(r"^(?:\d+(?:\.\d+)?[x×])?\d+(?:\.\d+)?[bmkt]$", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def canonical_key(name: str) -> str:
    """Normalised merge key: NFKC, lower case, "+" spelled "plus", other non-alphanumerics removed
    ("LLaMA-3" == "Llama 3" == "Llama3"; "X+" != "X"). The saved queries (queries/*.cypher) compute the same key."""
    return norm_key(unicodedata.normalize("NFKC", name).replace("+", "plus"))


_BARE_NUMBER = re.compile(r"[\d.]+")


def bare_number(surface: str) -> bool:
    """Whether a mention is only a number: an edition written without its name ("2012" of "PASCAL VOC 2007 and
    2012", "100" of "CIFAR-10/100") is a mention but no alias to find the entity by.

    >>> bare_number("2012"), bare_number("2.1"), bare_number("VOC2012")
    (True, True, False)
    """
    return _BARE_NUMBER.fullmatch(surface) is not None


def clean_surface(surface: str) -> str:
    """NFKC, single spaces, no parentheses, no surrounding punctuation or quotes."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", surface).replace("(", " ").replace(")", " ")).strip(_EDGE_PUNCT)


@lru_cache(maxsize=1)
def _plus_index() -> dict[str, Entry]:
    """Canonical key of every gazetteer name or alias written with "+" -> its entry (first row wins)."""
    index: dict[str, Entry] = {}
    for e in entries():
        for s in e.surfaces:
            if "+" in s:
                index.setdefault(canonical_key(s), e)
    return index


def known(name: str) -> Entry | None:
    """The gazetteer entry of ``name`` if it is a known name or alias. The gazetteer index ignores "+",
    the identity does not: "X+" is only known where the gazetteer writes it ("RoBERTa+" is not RoBERTa)."""
    text = unicodedata.normalize("NFKC", name)
    if "%" in text:  # a percent subset ("ZapSet-10%") is its own data, whatever "ZapSet-10" may be
        entry = key_index().get(norm_key(name))
        return entry if entry is not None and any("%" in s for s in entry.surfaces) else None
    if "+" in text:
        return _plus_index().get(canonical_key(name))
    entry = key_index().get(norm_key(name))
    return None if entry is not None and size_s_clash(text, entry) else entry


def size_s_clash(text: str, entry: Entry) -> bool:
    """Whether ``text`` ends in the size code "-S" where ``entry`` only has a plural: "ViT-S" is the small ViT,
    not "ViTs", which the index keys alike ("vits")."""
    return text.endswith("-S") and not any(s.endswith("S") for s in entry.surfaces)


# Parts of a variant tail once separators are gone: "13b", "8x7b", "v0.1", "2.5", "chat".
_TAIL_PART = re.compile(  # "16h": a number and its one-letter tag ("ImageNet-16H")
    r"\d+x\d+[bmkt]|v\d+(?:\.\d+)*|\d+[a-z](?![a-z\d.])|\d+(?:\.\d+)*[bmkte]?|a\d+(?:\.\d+)?b(?![a-z])|"
    r"[a-z]\d+(?:\.\d+)*|[a-z]+"  # "a22b": a mixture of experts' active parameters ("Qwen3-235B-A22B")
)
_TAIL_WORD_LIST = """chat instruct base large small medium mini tiny nano lite turbo pro ultra flash plus max
preview vision coder code math omni thinking reasoning distill zero hf uncased cased it sft rlhf dpo rl opus
sonnet haiku scout maverick air edu hard easy challenge verified long multilingual en xl xxl huge giant instant
online v fp8 fp16 int8 int4 awq gptq"""
TAIL_WORDS = frozenset(_TAIL_WORD_LIST.split())  # words a model variant may end with


def _tail_parts(tail: str) -> list[str] | None:
    """The parts of a separator-free, lower-case tail, or None if it is not a variant tail: every
    part is a size or version ("13b", "v0.1", "k1.5"), a known tail word or a short code ("l", "xl")."""
    parts = _TAIL_PART.findall(tail)
    if not parts or "".join(parts) != tail:
        return None
    if all(not p.isalpha() or p in TAIL_WORDS or len(p) <= 2 for p in parts):
        return parts
    return None


def variant_tail(tail: str) -> bool:
    """Whether a lower-case, separator-free ``tail`` ("13bchat", "v2", "plus", "lite") makes a variant."""
    return _tail_parts(tail) is not None


_UPPER_TAILS = frozenset({"xxl", "sft", "dpo", "awq", "rlhf"})


def _tail_form(part: str, surface: str = "") -> str:
    """Display form of one tail part: sizes and letter codes upper-cased (7B, L, XL), words lower, a number's
    one-letter tag as the surface writes it ("ImageNet-16H", "COCO-20i", "FCN-8s")."""
    if _SIZE.match(part) or (part.isalpha() and (len(part) <= 2 or part in _UPPER_TAILS)):
        return part.upper()
    if part[:1].isalpha() and part[1:2].isdigit() and part[0] != "v":
        return part.upper()  # "b16", "r1"
    if part[:1].isdigit() and part[-1:].isalpha():
        written = re.search(rf"(?<!\d){re.escape(part)}(?![a-z])", surface, re.IGNORECASE)
        return written.group() if written else part.upper()
    return part


_SEP = re.compile(r"[-_ /]+")
_DIGITS_APART = re.compile(r"\d[-_ /]+\d")  # "3-1": two numbers, never the version "3.1"


def _prefix_end(s: str, n: int) -> int:
    """Index in ``s`` just after its ``n``-th ASCII letter or digit."""
    seen = 0
    for i, c in enumerate(s):
        if c.isascii() and c.isalnum():
            seen += 1
            if seen == n:
                return i + 1
    return len(s)


def _mixed_case(text: str) -> bool:
    """Whether ``text`` has both lower- and upper-case letters ("mLS", not "MLS" or "gpt-4")."""
    return any(c.islower() for c in text) and any(c.isupper() for c in text)


def split_variant(surface: str) -> tuple[Entry, list[str]] | None:
    """(family entry, tail parts) when ``surface`` is a known name plus a variant tail
    ("Llama-2-13B-chat" -> (Llama 2, ["13b", "chat"]); "RoBERTa+" -> (RoBERTa, ["+"])), however it is
    spelled. A number is never cut: "X-3-1M" is not "X 3.1" + "M", "X 2.5" not "X 2" + "5", "X413B" is
    not "X 4.1" + "3B"."""
    s = clean_surface(surface)
    core = s.rstrip("+")
    plus = s[len(core) :]
    key = norm_key(core)
    idx = key_index()
    acronym = core.isalpha() and core.isupper()  # "GPL" is not GP + "-L"
    for n in range(len(key) - (0 if plus else 1), 1, -1):
        e = idx.get(key[:n])
        if e is None or e.label == "Method" or (acronym and not plus):
            continue  # techniques have no size/version variants
        end = _prefix_end(core, n)
        head, rest = core[:end], core[end:]
        if not plus and pluses_dropped(e, head):
            continue  # "CoNLL-2014" is no variant of "CoNLL++"
        if _mixed_case(head) and any(len(f) <= 4 and f.isalpha() and f.isupper() and norm_key(f) == key[:n]
                                     for f in e.surfaces):
            continue  # "mLSTM" is not MLS + "TM", "Coco-Q" not COCO-Q: mixed case does not spell a short acronym
        if _DIGITS_APART.search(head) or (head[-1].isdigit() and rest.lstrip(".")[:1].isdigit()):
            continue  # "X-3-1M" is not X 3.1 + "M"; "X 2.5" is its own version, not X 2 + "5"
        if rest == "s":
            continue  # a plural ("FCNs", "3-D CNNs"), not the size code of "DeiT-S"
        if rest and key[:n] == norm_key(e.name) + "s" and head[-1] == "S" and head[-2:-1] in ("-", " "):
            continue  # "ViT-S/16": the size code S, then a patch size, not the plural alias "ViTs"
        tail = _SEP.sub("", rest).lower().lstrip(".")
        parts = _tail_parts(tail) if tail else []
        chunks = [c for c in _SEP.split(rest.lower().lstrip(".")) if c]
        if parts is not None and len(chunks) > 1:
            # each separated chunk on its own: "3-V 405B" is V + 405B, not "v405" + B
            by_chunk = [_tail_parts(c) for c in chunks]
            parts = [q for ps in by_chunk for q in ps] if all(ps is not None for ps in by_chunk) else parts
        if parts and rest[:1].isalpha() and head[-1].isalpha() and parts[0].isalpha() and parts[0] not in TAIL_WORDS:
            continue  # "CAMix", "CoLAKE", "BERTje": letters glued to a name make a new word, not a size code
        if parts is not None:
            return e, parts + ([plus] if plus else [])
    return None


def preferred_name(names: Counter[str]) -> str:
    """Most frequent name; ties go to the one with capitals, then the shorter, then alphabetical.

    >>> preferred_name(Counter({"MotoGPT": 1, "Moto-GPT": 2}))
    'Moto-GPT'
    """
    return max(names, key=lambda n: (names[n], n != n.lower(), -len(n), [-ord(c) for c in n]))


def canonical_name(surface: str) -> str:
    """Display name: the gazetteer's canonical form when known, else a family variant in a fixed
    spelling ("llama 2 13b chat" -> "Llama 2-13B-chat"), else the cleaned surface."""
    s = clean_surface(surface)
    e = known(s)
    if e is not None:
        return e.name
    sv = split_variant(s)
    if sv is not None:
        fam, parts = sv
        plus = parts.pop() if parts and parts[-1].startswith("+") else ""
        return fam.name + "".join("-" + _tail_form(p, s) for p in parts) + plus
    return s


def variant_parent(name: str) -> str | None:
    """Canonical name of the family ``name`` belongs to: the gazetteer parent for a known name, the
    family for a variant (Llama-2-13B-chat -> Llama 2), else None."""
    e = known(name)
    if e is not None:
        return e.parent
    sv = split_variant(name)
    if sv is not None:
        return sv[0].name
    return None
