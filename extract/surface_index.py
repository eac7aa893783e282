"""Where the names of a :class:`~extract.corpus.CorpusLexicon` occur in a text: one multi-pattern scan.

The text is cut into alphanumeric runs ("words"); every surface is keyed by its first word, or its first
two for a surface of several (:class:`SurfaceIndex`), so finding candidate starts is a few set lookups
per text whatever the size of the lexicon, and character offsets are only worked out for texts where
some surface's words occur. Case-sensitive surfaces (acronyms, names) compare exactly; the others
(long forms) ignore case and accept a plural -s; both treat a hyphen and a space alike. A match must be
a whole name (:func:`find`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from extract.corpus import STOP_WORDS, CorpusLexicon

_RUN = re.compile(r"[^\W_]+")
# ASCII text: every character that is not a letter or digit becomes a space, so ``str.split`` yields the
# same runs as ``_RUN.findall``, about four times faster (this scan runs over every record of a corpus).
_ASCII_RUNS = str.maketrans({chr(i): " " for i in range(128) if not chr(i).isalnum()})


def runs_of(text: str) -> list[str]:
    """The alphanumeric runs of ``text`` ("words"): ``_RUN.findall(text)``, fast for ASCII text.

    >>> runs_of("Foo-Net_2 (v1.5), naïve")
    ['Foo', 'Net', '2', 'v1', '5', 'naïve']
    """
    return text.translate(_ASCII_RUNS).split() if text.isascii() else _RUN.findall(text)
# Words a name may be hyphenated with and stay the name ("FooNet-based"); any other hyphenated tail
# makes another name ("FooNet-2", "FooNet-large").
HYPHEN_TAILS = frozenset(
    {"based", "like", "style", "driven", "guided", "inspired", "augmented", "enhanced", "free", "specific",
     "only", "generated", "aware", "type", "related", "powered", "assisted", "centric", "level", "wise"}
)
_SPACE_OR_HYPHEN = frozenset({" ", "-"})
_NAME_SEPARATORS = frozenset({" ", "-", ".", "'", "’"})
_VERSION_AFTER = re.compile(r" (?:[vV]?\d+(?:\.\d+)*|[IVX]+)\b")  # "FooNet 2.1", "FooNet v2", "FooNet II"


@dataclass(frozen=True)
class Surface:
    """A surface cut into runs (lower case unless case-sensitive) and the separators between them."""

    runs: tuple[str, ...]
    seps: tuple[str, ...]
    cased: bool
    definition: int  # index into the lexicon's definitions


def _separator(sep: str) -> str:
    return " " if sep.isspace() else sep


def cut(surface: str, cased: bool, definition: int) -> Surface | None:
    """The runs of ``surface``; None when it starts or ends with punctuation ("X+" is not matched as X)
    or joins words with other than spaces, hyphens, periods and apostrophes."""
    runs = list(_RUN.finditer(surface))
    if not runs or runs[0].start() != 0 or runs[-1].end() != len(surface):
        return None
    seps = tuple(_separator(surface[a.end() : b.start()]) for a, b in pairwise(runs))
    if any(sep not in _NAME_SEPARATORS for sep in seps):  # "V+L", "2D/3D": not names to spread
        return None
    words = tuple(r.group() if cased else r.group().lower() for r in runs)
    return Surface(words, seps, cased, definition)


Key = tuple[str, ...]  # a surface's first run, or first two runs; lower case unless case-sensitive


@dataclass
class SurfaceIndex:
    """Every surface of a lexicon, keyed by its first run, or first two runs for a surface of several
    (so a common first word does not bring hundreds of candidates); longest surfaces first."""

    lexicon: CorpusLexicon
    first: dict[Key, list[Surface]] = field(default_factory=dict)  # case-sensitive surfaces
    lower: dict[Key, list[Surface]] = field(default_factory=dict)  # the others, by lower-case runs

    def __post_init__(self) -> None:
        for i, d in enumerate(self.lexicon.definitions):
            for text, cased in d.surfaces:
                s = cut(text, cased, i)
                if s is None or (not cased and len(s.runs) < 2):
                    continue
                table = self.first if cased else self.lower
                for key in _keys(s):
                    table.setdefault(key, []).append(s)
        for table in (self.first, self.lower):
            for group in table.values():
                group.sort(key=lambda s: (-len(s.runs), s.runs, s.definition))
        self._heads = frozenset(k[0] for k in self.first if len(k) == 1)
        self._pairs = frozenset(k for k in self.first if len(k) == 2)
        self._lower_pairs = frozenset(self.lower)

    def __bool__(self) -> bool:
        return bool(self.first or self.lower)

    def starts(self, words: list[str], lows: list[str]) -> list[int]:
        """Indices of the words where some surface may start (by its key), in order."""
        at: set[int] = set()
        if not self._heads.isdisjoint(words):
            at.update(i for i, w in enumerate(words) if w in self._heads)
        for keys, seq in ((self._pairs, words), (self._lower_pairs, lows)):
            found = keys.intersection(pairwise(seq))
            if found:
                at.update(i for i, p in enumerate(pairwise(seq)) if p in found)
        return sorted(at)

    def candidates(self, words: list[str], lows: list[str], i: int) -> list[Surface]:
        """The surfaces that may start at word ``i``, longest first."""
        if i + 1 >= len(words):
            return self.first.get((words[i],), [])
        return [*self.first.get((words[i], words[i + 1]), ()), *self.lower.get((lows[i], lows[i + 1]), ()),
                *self.first.get((words[i],), ())]


def _keys(s: Surface) -> list[Key]:
    if len(s.runs) == 1:
        return [(s.runs[0],)]
    if s.cased or len(s.runs) > 2:
        return [s.runs[:2]]
    return [(s.runs[0], s.runs[1] + tail) for tail in ("", "s", "es")]  # "foo networks" for "foo network"


def _run_matches(token: str, run: str, cased: bool, last: bool) -> bool:
    if cased:
        return token == run
    low = token.lower()
    return low == run or (last and run.isalpha() and low in (run + "s", run + "es"))


def _words_at(words: list[str], i: int, s: Surface) -> bool:
    n = len(s.runs)
    return i + n <= len(words) and all(_run_matches(words[i + k], s.runs[k], s.cased, k == n - 1) for k in range(n))


def _separators_at(text: str, spans: list[tuple[int, int]], i: int, s: Surface) -> bool:
    return all(_sep_ok(text[spans[i + k][1] : spans[i + k + 1][0]], s.seps[k]) for k in range(len(s.runs) - 1))


def _whole_word(text: str, start: int, end: int) -> bool:
    """Not part of a longer name: no joining punctuation before, no version or other tail after."""
    if start > 0 and text[start - 1] in "-+./_'’" and start > 1 and text[start - 2].isalnum():
        return False
    if start > 0 and text[start - 1] == "_":
        return False
    if end < len(text):
        nxt = text[end]
        if nxt in "+_" or (nxt in "./" and end + 1 < len(text) and text[end + 1].isalnum()):
            return False
        if _VERSION_AFTER.match(text, end):
            return False
        if nxt == "-":
            tail = _RUN.match(text, end + 1)
            return tail is None or tail.start() != end + 1 or tail.group().lower() in HYPHEN_TAILS
    return True


def find(index: SurfaceIndex, text: str, title: bool = False) -> list[tuple[int, int, int]]:
    """Non-overlapping ``(start, end, definition)`` matches of the index's surfaces in ``text`` (a title
    if ``title``: its capitalised words do not make a longer name). Words are compared first; character
    offsets (separators, whole-word tests) are only worked out for texts where some surface's words occur."""
    words = runs_of(text)
    lows = runs_of(text.lower())
    if len(lows) != len(words):  # a character whose lower case is not a letter ("İ")
        lows = [w.lower() for w in words]
    hits = [(i, s) for i in index.starts(words, lows) for s in index.candidates(words, lows, i)
            if _words_at(words, i, s)]
    if not hits:
        return []
    spans = [m.span() for m in _RUN.finditer(text)]
    out: list[tuple[int, int, int]] = []
    after = 0
    for i, s in hits:  # by start, longest surface first
        if i < after or not _separators_at(text, spans, i, s):
            continue
        end = i + len(s.runs)
        if _whole_word(text, spans[i][0], spans[end - 1][1]) and (title or not _inside_name(text, spans[i][0])):
            after = end
            out.append((spans[i][0], spans[end - 1][1], s.definition))
    return out


_CAPITALISED_BEFORE = re.compile(r"([A-Z][a-z]+) \Z")
_CLAUSE_START = re.compile(r"(?:\A|[.!?:;(\[\"“]\s*)\Z")


def _inside_name(text: str, start: int) -> bool:
    """Whether a capitalised word in mid-sentence runs into the match: "Balanced FooMax" is another name."""
    before = text[max(0, start - 40) : start]
    m = _CAPITALISED_BEFORE.search(before)
    if m is None or m.group(1).lower() in STOP_WORDS:
        return False
    return not _CLAUSE_START.search(before, 0, m.start(1))


def _sep_ok(found: str, wanted: str) -> bool:
    found = _separator(found)
    return found == wanted or (found in _SPACE_OR_HYPHEN and wanted in _SPACE_OR_HYPHEN)
