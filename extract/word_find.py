"""Find a given name as a whole word without compiling a regex for it.

Several rules ask whether the text uses a name found at run time ("does the abstract use the title's name?").
A regex per name misses ``re``'s cache almost every time (names are new in each paper), and compiling it cost
more than the rest of those rules; :func:`find_word` does the same search with ``str.find``.
"""

from __future__ import annotations

import re

__all__ = ["find_word", "word_pattern"]


# Letters that re's IGNORECASE matches to an ASCII letter but str.lower() does not lower to one (Kelvin sign, long s,
# dotless i); the dotted capital I lowers to two characters, which the length test catches.
_FOLDS_TO_ASCII = "\u212a\u017f\u0131"


def _inside_word(c: str) -> bool:
    """Whether ``c`` continues a word as ``[\\w\\-]`` does in a regex (letters, digits, ``_`` and ``-``)."""
    return c.isalnum() or c in "_-"


def find_word(text: str, word: str, start: int = 0, end: int | None = None, *, ignore_case: bool = False) -> int:
    """Start of the first ``word`` in ``text[start:end]`` with no letter, digit, ``_`` or ``-`` on either side
    (``(?<![\\w\\-])word(?![\\w\\-])`` searched with ``pos=start, endpos=end``: the left side may lie before
    ``start``, the text counts as ending at ``end``), or -1.

    >>> find_word("Zorp-2 and Zorp are", "Zorp")
    11
    >>> find_word("the ZORP method", "Zorp", ignore_case=True), find_word("Zorps", "Zorp")
    (4, -1)
    """
    start, stop = max(0, start), len(text) if end is None else min(end, len(text))
    if ignore_case or not word:
        low = text.lower()
        if not (word.isascii() and word and len(low) == len(text)) or any(c in text for c in _FOLDS_TO_ASCII):
            m = word_pattern(word, re.IGNORECASE).search(text, start, stop)
            return -1 if m is None else m.start()
        text, word = low, word.lower()  # other letters lower to non-ASCII ones of the same length: same matches
    i = text.find(word, start, stop)
    while i >= 0:
        j = i + len(word)
        if not (i > 0 and _inside_word(text[i - 1])) and not (j < stop and _inside_word(text[j])):
            return i
        i = text.find(word, i + 1, stop)
    return -1


def word_pattern(word: str, flags: int = 0) -> re.Pattern[str]:
    """The regex :func:`find_word` stands for (for the rare case it cannot do with ``str.find``)."""
    return re.compile(rf"(?<![\w\-]){re.escape(word)}(?![\w\-])", flags)
