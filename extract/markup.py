"""Typesetting markup around names, blanked so that the rules read the words it wraps.

arXiv and conference abstracts keep some of their authors' LaTeX or Markdown: "we introduce a robust algorithm,
\\textsl{TranSync}, for ..." or "Our proposed model, **FLAN-FinXC**, achieves ...". Read literally, the proposal
cue meets a backslash, not a name. :func:`blank_markup` replaces the markup characters (never the words inside)
with spaces, so the text keeps its length and every offset into it is an offset into the original text.

>>> blank_markup(r"we propose \\textit{Zorp}, a method")
'we propose         Zorp , a method'
>>> blank_markup("our model, **Zorp-2**, wins") == "our model,   Zorp-2  , wins"
True
>>> blank_markup("the\\textit{Zorp Net} and mph{Zorp Grid}")  # "\\t" and "\\e" eaten by a JSON dump
'the\\t      Zorp Net  and     Zorp Grid '
>>> blank_markup("**Z**orp **A**dapter (ZA)") == "**Z**orp **A**dapter (ZA)"
True
>>> blank_markup(r"the matrix $\\Phi$ and \\ell_1 loss of \\Zorp")
'the matrix $    $ and     _1 loss of \\\\Zorp'
>>> blank_markup("code: https://github.com/zorp/ZorpNet.") == "code:" + " " * 32 + "."
True
>>> blank_markup("code at github.com/zorp/ZorpNet.") == "code at" + " " * 24 + "."
True
>>> blank_markup("which we call ``Zorp''.")
'which we call  "Zorp" .'
"""

from __future__ import annotations

import re

__all__ = ["SCRIPT", "blank_markup"]

# A LaTeX superscript or subscript glued to a name, which is part of it ("BA$^3$US", "UFO$^2$", "QLSD$^{++}$"):
# name patterns take it as they take a letter (a regex fragment).
SCRIPT = r"\$[\^_]\{?[A-Za-z0-9+\-*]{1,4}\}?\$"

# \textbf{X}, \emph{X}, \texttt{X} ...: font commands whose one argument is running text; \mathtt{X}, \mathrm{X}
# ...: math fonts, which also set names ("$\mathtt{GELU}$", "$\mathrm{AP}^r$"). {\bf X}, {\em X}: the old switches.
# **X**: Markdown strong emphasis.
_MARKUP = re.compile(
    r"(?<![\w*])(?:"
    r"(?:\\(?:text(?:bf|it|sl|tt|sc|sf|rm|md|up)?|emph|underline|math(?:rm|sf|bf|it|tt)|operatorname)"
    r"|(?<![\w\\])(?:ext(?:bf|it|sl|tt|sc|sf|rm)|e?mph))"  # the same with "\t" or "\e" lost in a JSON dump
    r"\{(?P<a>[^{}\\$]{1,80})\}"
    r"|\{\\(?:bf|em|it|sl|sc|tt)\s+(?P<b>[^{}\\$]{1,80})\}"
    r"|\*\*(?P<c>[^*\s](?:[^*\n]{0,78}[^*\s])?)\*\*"  # "**X**", not "x ** 2 ** y"
    r")(?![\w*])"  # whole words only: "**Pri**vate **S**tochastic" spells an acronym inside words
)
# Math symbols ("$\\Phi$", "\\ell_1"): never names, though some are spelled like one ("Phi" is also
# a model family). Authors' own macros ("\\ZorpNet") are not in the list and stay.
_MATH = re.compile(
    r"(?<!-)(?<!-\$)\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|"
    r"xi|pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Upsilon|Phi|Psi|Omega|ell|geq?|leq?|"
    r"infty|nabla|partial)"  # not \\times, \\sim, \\approx ...: results read them ("1.5$\\times$ faster")
    r"(?![A-Za-z])(?!\$?-\w)"  # "$\\epsilon$-greedy", "BYOL-$\\Pi$": part of a name
)
# A web address: the guide annotates no name that only a URL holds ("github.com/zorp/ZorpNet").
_URL = re.compile(r"\\url\{[^{}\s]*\}|(?:https?://|www\.)[^\s)\]}>\"]*[^\s)\]}>\".,;:!?]")
# Also written without a scheme: "github.com/zorp/ZorpNet", "zorp.github.io/ZorpNet", "huggingface.co/datasets/X"
# (a host with a path; a product name such as "Zorp.ai" has none).
_BARE_URL = re.compile(
    r"(?<![\w@.\-/])(?:[A-Za-z0-9\-]+\.)+(?:com|org|net|io|ai|co|edu|gov|dev|app)/[^\s)\]}>\"]*[^\s)\]}>\".,;:!?]"
)
_HOST_ENDS = (".com/", ".org/", ".net/", ".io/", ".ai/", ".co/", ".edu/", ".gov/", ".dev/", ".app/")
_F1 = re.compile(r"\$?\bF_\{?1\}?\$?(?!\w)")
# A plain word of three letters or more set in math mode ("on $test-other$"), not a variable ("$k$", "$\\Phi$").
_WORD_IN_MATH = re.compile(r"(?<![\w$\\])\$([A-Za-z][A-Za-z\-]{2,})\$(?![\w$])")
# ``X'': TeX's quotation marks, which the proposal cues read as the plain quotes they print.
_TEX_QUOTES = re.compile(r"``(?P<q>[^`'\n]{1,80})''")


def blank_markup(text: str) -> str:
    """``text`` with font markup around running words, math symbols and web addresses replaced by spaces, TeX
    quotes by plain ones; same length, same word offsets."""
    if "``" in text:
        text = _TEX_QUOTES.sub(lambda m: ' "' + m.group("q") + '" ', text)
    if "F_" in text:  # "$F_1$", "F_{1}": the F1 score
        text = _F1.sub(lambda m: " " * (len(m.group()) - 2) + "F1", text)
    if "http" in text or "www." in text:
        text = _URL.sub(lambda m: " " * len(m.group()), text)
    if "/" in text and any(h in text for h in _HOST_ENDS):
        text = _BARE_URL.sub(lambda m: " " * len(m.group()), text)
    if "$" in text:  # "$test-clean$": a word set in math mode is a word
        text = _WORD_IN_MATH.sub(lambda m: " " + m.group(1) + " ", text)
    if "\\" not in text and "**" not in text and "{" not in text:
        return text  # most abstracts have none: no regex pass
    parts: list[str] = []
    wrapped: list[tuple[int, int]] = []
    last = 0
    for m in _MARKUP.finditer(text):
        if text[m.start() - 1 : m.start()] == "$" and text[m.end() : m.end() + 1] == "$":
            wrapped.append((m.start() - 1, m.end()))
        group = next(g for g in ("a", "b", "c") if m.group(g) is not None)
        s, e = m.span(group)
        parts += [text[last : m.start()], " " * (s - m.start()), text[s:e], " " * (m.end() - e)]
        last = m.end()
    parts.append(text[last:])
    text = "".join(parts)
    for a, b in wrapped:  # "$\\textit{test-other}$": math delimiters around nothing but the command
        text = text[:a] + " " + text[a + 1 : b] + " " + text[b + 1 :]
    return _MATH.sub(lambda m: " " * len(m.group()), text)
