"""Acronym matching: Schwartz–Hearst long forms, and acronyms that the title spells out ("GAInS: Gradient
Anomaly-aware Biomedical Instance Segmentation", or a title naming "Global-Local Masked Autoencoder" for an
abstract that only writes "GLM-AE").

An abstract often uses its own acronym without defining it, because the title already gives the long form.
:func:`title_expansion` finds that long form in a run of capitalised title words: the acronym's capital
letters must be the initials of the run's words in order (one capital may also fall inside the word of the
previous one: "AE" in "Autoencoder"), starting at the first word and ending at the last, with at most one
capitalised word left unmatched ("Biomedical" above) and only for acronyms of four capitals or more; and
Schwartz–Hearst must match every letter and digit of the acronym in the long form too ("PRBoost" is not
"Prompt-Based"). Titles need that strictness: they are full of capitalised words no acronym abbreviates.

>>> title = "GAInS: Gradient Anomaly-aware Biomedical Instance Segmentation"
>>> s, e = title_expansion(title, "GAInS")
>>> title[s:e]
'Gradient Anomaly-aware Biomedical Instance Segmentation'
>>> title_expansion("Density Uncertainty Layers for Reliable Uncertainty Estimation", "UCI") is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "best_long_form",
    "capitals_long_form",
    "initials_long_form",
    "numeral_contraction",
    "numeral_words",
    "repeated_letters",
    "title_expansion",
]

# Words that end a run of capitalised title words (title case capitalises them too).
_STOP_WORDS = (
    "a an and are as at beyond by can do does for from how in into is of on or over the through to toward "
    "towards under via what when why with without using"
)
_STOP = frozenset(_STOP_WORDS.split())
_WORD = re.compile(r"[^\s,:;?!()\[\]]+")
_PART = re.compile(r"[^\-\s]+")
MAX_UNMATCHED = 1  # capitalised words the acronym skips, for acronyms of >= SKIP_MIN_CAPS capitals
SKIP_MIN_CAPS = 4
MAX_INNER = 1  # capitals matched inside a word rather than at its start


def best_long_form(sf: str, lf: str) -> str | None:
    """Schwartz & Hearst (2003): the shortest suffix of ``lf`` whose words cover the characters of
    ``sf`` in order, with the first character at a word start; None if there is none."""
    s = len(sf) - 1
    ell = len(lf) - 1
    while s >= 0:
        c = sf[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while ell >= 0 and (lf[ell].lower() != c or (s == 0 and ell > 0 and lf[ell - 1].isalnum())):
            ell -= 1
        if ell < 0:
            return None
        ell -= 1
        s -= 1
    return lf[lf.rfind(" ", 0, ell + 1) + 1 :]


_REPEAT = re.compile(r"(?<=[A-Za-z])([2-9])(?![\d.])")


def repeated_letters(sf: str) -> str:
    """The acronym with a count digit spelled out: the digit repeats the letter before it ("A3C" is
    Asynchronous Advantage Actor-Critic, "T5" Text-To-Text Transfer Transformer).

    >>> repeated_letters("A4C"), repeated_letters("T5"), repeated_letters("GPT-4"), repeated_letters("ZR2D2")
    ('AAAAC', 'TTTTT', 'GPT-4', 'ZRRDD')
    """
    return _REPEAT.sub(lambda m: sf[m.start() - 1] * (int(m.group(1)) - 1), sf)


_HOMOPHONE = re.compile(r"(?<=[A-Z])([24])(?=[A-Z])")
_HOMOPHONE_WORD = {"2": "to", "4": "for"}


def numeral_words(sf: str) -> str:
    """The acronym with a homophone digit between letters spelled as its word: "D2U" is Distance-to-Uniform,
    "VIS4FM" visualizations for foundation models. Schwartz & Hearst then match the word's letters.

    >>> numeral_words("D2U"), numeral_words("VIS4FM"), numeral_words("GPT-4"), numeral_words("S4")
    ('DtoU', 'VISforFM', 'GPT-4', 'S4')
    """
    return _HOMOPHONE.sub(lambda m: _HOMOPHONE_WORD[m.group(1)], sf)


_NUMERAL_JOIN = re.compile(r"[\s\-]+(to|for)[\s\-]+", re.I)


def numeral_contraction(long_form: str) -> str:
    """The long form written with the homophone digits its acronym uses: "Room-to-Room" is "Room2Room", the name
    a list may hold it under.

    >>> numeral_contraction("Room-to-Room"), numeral_contraction("Graph Learning for Search")
    ('Room2Room', 'Graph Learning4Search')
    """
    return _NUMERAL_JOIN.sub(lambda m: "2" if m.group(1).lower() == "to" else "4", long_form)


_INITIAL_WORD = re.compile(r"[^\s\-]+")
_PARTICLES = frozenset(("up", "in", "out", "off", "on", "down"))  # not "to": "Data-to-Text (D2T)"


def initials_long_form(letters: str, window: str) -> str | None:
    """The words ending ``window`` whose initials (words split at spaces and hyphens) are exactly ``letters``:
    the strict match a spelled-out count needs, since Schwartz & Hearst would take letters inside words.

    >>> initials_long_form("AAAC", "the Asynchronous Advantage Actor-Critic")
    'Asynchronous Advantage Actor-Critic'
    >>> initials_long_form("AAAC", "an Advantage Actor-Critic") is None
    True
    >>> initials_long_form("LMMM", "Laplacian Matrix Mixed-up Module"), initials_long_form("MOE", "Mixture-of-Experts")
    ('Laplacian Matrix Mixed-up Module', 'Mixture-of-Experts')
    >>> initials_long_form("ACAM", "an attention-guided class activation map")
    'attention-guided class activation map'
    >>> initials_long_form("ZORTT", "a novel Zi-level Optimization based Robust Target Training")
    'Zi-level Optimization based Robust Target Training'
    """
    words = list(_INITIAL_WORD.finditer(window))
    # a lower-case particle joined by a hyphen may spell no letter: "Laplacian Matrix Mixed-up Module (LM3)"; nor
    # may any part after a compound's first: "attention-guided class activation map (ACAM)"
    joined = [window[w.start() - 1 : w.start()] == "-" for w in words]
    # in a title-case long form, up to two lower-case words spell none: "Bi-level Optimization based Robust ..."
    capitals = [w for w in words if w.group()[0].isupper()]
    for ws in (words, [w for w, j in zip(words, joined, strict=True) if not (j and w.group() in _PARTICLES)],
               [w for w, j in zip(words, joined, strict=True) if not j], capitals):
        tail = ws[len(ws) - len(letters) :] if len(ws) >= len(letters) else []
        spelled = "".join(w.group()[0] for w in tail).lower()
        if ws is capitals and tail and (tail[-1] is not words[-1] or len(words) - words.index(tail[0]) > len(tail) + 2):
            continue
        if tail and spelled == letters.lower() and tail[0].group().lower() not in _STOP:
            return window[tail[0].start() :]
    return None


_SPACE_WORD = re.compile(r"\S+")
_INNER_CAPITAL = re.compile(r"[a-z\-][A-Z]")


def capitals_long_form(sf: str, window: str) -> str | None:
    """The shortest run of words ending ``window`` whose capital letters spell ``sf`` exactly, when some of them
    sit inside words: the long forms of playful acronyms ("versaTile multi-modAl learning for multI-labeL emOtion
    Recognition (TAILOR)"), which Schwartz & Hearst miss since the first letter is no word's first.

    >>> capitals_long_form("TAILOR", "we propose versaTile multi-modAl learning for multI-labeL emOtion Recognition")
    'versaTile multi-modAl learning for multI-labeL emOtion Recognition'
    >>> capitals_long_form("ZAP", "the Zorp Attention Pooling") is None  # plain initials: Schwartz & Hearst's
    True
    """
    if not sf.isupper() or _INNER_CAPITAL.search(window) is None:
        return None  # no capital inside a word: Schwartz & Hearst's case
    letters = [c.lower() for c in sf if c.isalpha()]
    if len(letters) < 3:
        return None
    words = list(_SPACE_WORD.finditer(window))
    caps: list[str] = []
    for i in range(len(words) - 1, max(-1, len(words) - 2 * len(letters) - 1), -1):
        caps[:0] = [c.lower() for c in words[i].group() if c.isupper()]
        if caps == letters and any(c.isupper() for c in words[i].group()):
            inner = any(c.isupper() for w in words[i:] for c in w.group()[1:])
            return window[words[i].start() :] if inner else None
        if len(caps) > len(letters):
            return None
    return None


def _runs(title: str) -> list[list[tuple[int, int]]]:
    """Runs of consecutive capitalised title words (offsets), split at stop words and punctuation."""
    runs: list[list[tuple[int, int]]] = [[]]
    last_end = 0
    for m in _WORD.finditer(title):
        gap = title[last_end : m.start()]
        last_end = m.end()
        if any(ch in gap for ch in ",:;?!()[]") or m.group(0).lower() in _STOP or not m.group(0)[0].isupper():
            runs.append([])
            if m.group(0).lower() in _STOP or not m.group(0)[0].isupper():
                continue
        runs[-1].append((m.start(), m.end()))
    return [r for r in runs if len(r) >= 2]


@lru_cache(maxsize=16)
def _title_runs(title: str) -> tuple[tuple[list[tuple[int, int]], frozenset[str], list[tuple[int, int, str, bool]],
                                           frozenset[int]], ...]:
    """Per run of :func:`_runs`: the run, its words, its :func:`_parts` and its word starts; cached, as a paper's
    acronyms all look in the same title."""
    return tuple(
        (run, frozenset(title[s:e] for s, e in run), _parts(title, run), frozenset(s for s, _ in run))
        for run in _runs(title)
    )


def _parts(title: str, run: list[tuple[int, int]]) -> list[tuple[int, int, str, bool]]:
    """The hyphen-separated parts of the run's words: (start, end, lower-cased text, whether it is a word the
    acronym should abbreviate: capitalised, not a stop word; "aware" of "Anomaly-aware" is not)."""
    out: list[tuple[int, int, str, bool]] = []
    for s, e in run:
        for p in _PART.finditer(title, s, e):
            word = p.group(0)
            out.append((p.start(), p.end(), word.lower(), word[0].isupper() and word.lower() not in _STOP))
    return out


def _match(caps: str, parts: list[tuple[int, int, str, bool]], first: int) -> int | None:
    """Index of the last part when ``caps`` match initials from part ``first`` on (MAX_INNER capitals may match
    a later letter of the part just matched), skipping at most ``max_skip`` capitalised parts; else None."""
    max_skip = MAX_UNMATCHED if len(caps) >= SKIP_MIN_CAPS else 0
    # State: (cap index, part index of the last match, position inside that part, skipped parts, inner matches).
    best: int | None = None
    stack = [(1, first, 1, 0, 0)] if parts[first][2][:1] == caps[0] else []
    while stack:
        ci, pi, pos, skipped, inner = stack.pop()
        if ci == len(caps):
            if best is None or pi > best:
                best = pi
            continue
        c = caps[ci]
        at = parts[pi][2].find(c, pos)
        if at >= 0 and inner < MAX_INNER:
            stack.append((ci + 1, pi, at + 1, skipped, inner + 1))
        extra = 0
        for pj in range(pi + 1, len(parts)):
            if parts[pj][2][:1] == c:
                stack.append((ci + 1, pj, 1, skipped + extra, inner))
            if parts[pj][3]:
                extra += 1
            if skipped + extra > max_skip:
                break
    return best


def _word_starting(title: str, letter: str) -> bool:
    """Whether a word of ``title`` (as :data:`_WORD` splits it) starts with ``letter``."""
    at = title.find(letter)
    while at >= 0:
        if at == 0 or title[at - 1].isspace() or title[at - 1] in ",:;?!()[]":
            return True
        at = title.find(letter, at + 1)
    return False


def title_expansion(title: str, acronym: str) -> tuple[int, int] | None:
    """Offsets of the title's long form of ``acronym``, or None (see the module docstring)."""
    caps = "".join(c.lower() for c in acronym if c.isupper())
    if len(caps) < 2 or not _word_starting(title, caps[0].upper()):
        return None  # no title word starts with the acronym's first capital: no run needs reading
    found: list[tuple[int, int]] = []
    for run, words, parts, word_starts in _title_runs(title):
        if acronym in words:
            continue
        for first in range(len(parts)):
            if parts[first][0] not in word_starts:
                continue  # a long form starts at a word ("Anomaly-aware", not "aware")
            last = _match(caps, parts, first)
            if last is not None and last > first and parts[last][0] > parts[first][1]:
                end = next(e for s, e in run if s <= parts[last][0] < e)  # "... Pre-training", not "... Pre"
                if best_long_form(acronym, title[parts[first][0] : end]) is not None:
                    found.append((parts[first][0], end))
                break
    return found[0] if len(found) == 1 else None
