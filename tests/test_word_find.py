"""find_word must answer exactly as the regex it replaces, for any text, range and case."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from extract.word_find import find_word, word_pattern

# letters, word joiners, and letters whose case folding is odd (dotted capital I, Kelvin sign, long s, dotless i)
_TEXT = st.text(alphabet="aAbBkKsSiI-_ 1.é\u0130\u212a\u017f\u0131", max_size=30)
_WORD = st.text(alphabet="aAbBkKsSiI-1é", min_size=1, max_size=4)


@given(_TEXT, _WORD, st.integers(-3, 32), st.one_of(st.none(), st.integers(0, 32)), st.booleans())
def test_find_word_agrees_with_the_regex(text: str, word: str, start: int, end: int | None, ignore_case: bool) -> None:
    stop = len(text) if end is None else end
    m = word_pattern(word, re.IGNORECASE if ignore_case else 0).search(text, max(0, start), stop)
    assert find_word(text, word, start, end, ignore_case=ignore_case) == (-1 if m is None else m.start())


def test_sides_outside_the_range() -> None:
    assert find_word("xab cd", "ab", 1) == -1  # the letter before the range still joins the word
    assert find_word("ab-cd", "ab", 0, 2) == 0  # the text counts as ending at the range's end
    assert find_word("a-ab ab", "ab") == 5
