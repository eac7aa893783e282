"""Typesetting markup around names, blanked so that the rules read the words it wraps.

arXiv and conference abstracts keep some of their authors' LaTeX or Markdown: "we introduce a robust algorithm,
\\textsl{TranSync}, for ..." or "Our proposed model, **FLAN-FinXC**, achieves ...". Read literally, the proposal
cue meets a backslash, not a name. :func:`blank_markup` replaces the markup characters (never the words inside)
with spaces, so the text keeps its length and every offset into it is an offset into the original text.

>>> blank_markup(r"we propose \\textit{Zorp}, a method")
'we propose         Zorp , a method'
>>> blank_markup("our model, **Zorp-2**, wins") == "our model,   Zorp-2  , wins"
True
>>> blank_markup("**Z**orp **A**dapter (ZA)") == "**Z**orp **A**dapter (ZA)"
True
"""

from __future__ import annotations

import re

__all__ = ["blank_markup"]

# \textbf{X}, \emph{X}, \texttt{X} ...: font commands whose one argument is running text (not math: \mathrm
# wraps symbols). {\bf X}, {\em X}: the old switches. **X**: Markdown strong emphasis.
_MARKUP = re.compile(
    r"(?<![\w*])(?:"
    r"\\(?:text(?:bf|it|sl|tt|sc|sf|rm|md|up)|emph|underline)\{(?P<a>[^{}\\$]{1,80})\}"
    r"|\{\\(?:bf|em|it|sl|sc|tt)\s+(?P<b>[^{}\\$]{1,80})\}"
    r"|\*\*(?P<c>[^*\s](?:[^*\n]{0,78}[^*\s])?)\*\*"  # "**X**", not "x ** 2 ** y"
    r")(?![\w*])"  # whole words only: "**Pri**vate **S**tochastic" spells an acronym inside words
)


def blank_markup(text: str) -> str:
    """``text`` with font markup around running words replaced by spaces; same length, same word offsets."""
    if "\\" not in text and "**" not in text:
        return text  # most abstracts have none: no regex pass
    parts: list[str] = []
    last = 0
    for m in _MARKUP.finditer(text):
        group = next(g for g in ("a", "b", "c") if m.group(g) is not None)
        s, e = m.span(group)
        parts += [text[last : m.start()], " " * (s - m.start()), text[s:e], " " * (m.end() - e)]
        last = m.end()
    parts.append(text[last:])
    return "".join(parts)
