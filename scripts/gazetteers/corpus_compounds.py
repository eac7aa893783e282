"""Established compounds of a listed technique: a lower-case modifier the field writes before a known technique
name often enough that the pair is a name of its own ("kernel ridge regression", "group lasso", "proximal gradient
descent", "soft Q-learning"). Read alone, kg would take the bare technique and drop the modifier.

Corpus evidence, not a hand list: :func:`mine_compounds` counts the distinct papers that write each
(modifier, known name) pair and keeps a pair that at least ``MIN_PAPERS`` papers write, whose modifier is a content
word (no article, preposition, verb form, adverb or rating word: "existing CNN", "utilize contrastive learning",
"novel GAN" say nothing about a name), that no gazetteer, generic or task list holds already, and that is not the
tail of a longer name (when one word precedes most of its mentions: "variational gradient descent" of "Stein
variational gradient descent", "gradient MCMC" of "stochastic gradient MCMC").

>>> known = {("ridge", "regression"): "ridgeregression"}
>>> texts = [f"{w} kernel ridge regression to it." for w in ("we fit", "with", "and", "by", "a")]
>>> texts += ["the stein kernel ridge regression", "a novel ridge regression"]
>>> mine_compounds(texts, known, set())
[(6, ['kernel ridge regression'])]
>>> mine_compounds(texts + ["the stein kernel ridge regression"] * 6, known, set())  # a longer name's tail
[]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from extract.lexicon import norm_key

__all__ = ["MIN_PAPERS", "MIN_PAPERS_UNDEFINED", "folded_into", "mine_compounds", "same_stems"]

MIN_PAPERS = 5  # distinct papers writing the compound
MIN_PAPERS_UNDEFINED = 10  # ... when no paper defines it with an acronym ("group lasso", "linear SVM")
MAX_NAMES_WORDS = 4  # words of the known name after the modifier
MAX_BEFORE_SHARE = 0.5  # one word before the modifier in more of the mentions: the tail of a longer name
FOLD_MIN_DEFINITIONS = 3  # corpus definitions of a compound by a listed row's acronym that make it that row's spelling
FOLD_SHARE = 0.75  # ... and their share of all the compound's definitions
STEM = 5  # letters of each word two spellings of one name share ("low-rank adapters", "low-rank adaptation")
_WORD = re.compile(r"[a-z][a-z\-]*[a-z]")
_EDGE = ".,;:!?()[]{}\"'“”‘’"
# Words before a known name that do not make a name of it: function words, verbs, ratings, quantities, settings.
_NOT_MODIFIER_WORDS = """
a an the and or nor but with without for using via of in on by at into onto over under from to as than this these
those such both each all any some other another our their its his her my your which that who whom whose where when
while whereas if then thus hence also not no more most less least many much few same similar related specific
particular certain several various multiple different one two three four first second single is are was were be been
being can could may might will would should must do does did has have had existing standard traditional classical
conventional vanilla original popular novel new simple efficient effective modern recent previous prior
state-of-the-art sota strong baseline powerful typical common general generic proposed improved trained pre-trained
pretrained learned based like full partial naive plain basic advanced fast faster scalable well-known widely-used
deep deeper shallow large larger small smaller better higher lower best good great unsupervised supervised
semi-supervised self-supervised weakly-supervised end-to-end multi-layer multilayer layer between across within
through toward towards about against among after before during per versus including propose proposes present
presents introduce introduces develop develops design designs study studies analyze analyse investigate
investigates show shows demonstrate demonstrates achieve achieves outperform outperforms improve improves extend
extends enhance enhances enable enables allow allows make makes made apply applies applied use uses used employ
employs leverage leverages combine combines perform performs train trains adopt adopts adopted utilize utilizes
utilise called named termed dubbed denoted call calls via vs modified extended enhanced optimized adapted adaptive
respective corresponding robustly widely commonly unified discriminative generative converted backbone attention
aware hybrid language encoder-decoder two-layer three-layer mask pure fusion high-dimensional
"""
_NOT_MODIFIERS = frozenset(_NOT_MODIFIER_WORDS.split())


def _token(raw: str) -> str | None:
    """A word token without edge punctuation, or None when the raw token is no plain word."""
    word = raw.strip(_EDGE)
    return word if word and _WORD.fullmatch(word) else None


def mine_compounds(
    texts: list[str], known: dict[tuple[str, ...], str], taken: set[str], min_papers: int = MIN_PAPERS
) -> list[tuple[int, str]]:
    """(papers, spellings as the texts write them, most frequent first) of the compounds ``texts`` establish.
    ``known``: a listed technique's lower-cased words -> its key; ``taken``: normalised keys that a gazetteer, the
    generic list or a task list holds already (a compound there is theirs). Architecture classes ("Transformer",
    "Mamba") take descriptive modifiers ("video Transformer"), not names, and are left out."""
    papers: Counter[tuple[str, str]] = Counter()
    before: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    written: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    lengths = sorted({len(k) for k in known}, reverse=True)
    for text in texts:
        raw, low = text.split(), text.lower().split()
        seen: set[tuple[str, str]] = set()
        for i in range(len(low) - 1):
            word = low[i]
            if word != word.strip(_EDGE) or (mod := _token(word)) is None or mod in _NOT_MODIFIERS:
                continue  # the modifier must join the name directly: no "(", ",", "." between them
            if mod.endswith(("ing", "ly")) or low[i + 1][:1] in _EDGE or raw[i].isupper() or (mod,) in known:
                continue  # nor an acronym or a known name ("LSTM RNNs", "Mamba state space model")
            for n in lengths:
                words = tuple(_token(w) or "" for w in low[i + 1 : i + 1 + n])
                if len(words) == n and all(words) and words in known and known[words] not in _ARCHITECTURES:
                    pair = (mod, known[words])  # the row, however it is spelled ("sparse PCA", "sparse principal ...")
                    before[pair][(_token(low[i - 1]) or "") if i else ""] += 1
                    written[pair][" ".join(w.strip(_EDGE) for w in raw[i : i + 1 + n])] += 1
                    if pair not in seen:
                        seen.add(pair)
                        papers[pair] += 1
                    break
    out = []
    for pair, count in papers.items():
        spellings = [w for w, _ in written[pair].most_common()]
        if count < min_papers or any(norm_key(w) in taken for w in spellings):
            continue
        word, share = before[pair].most_common(1)[0]
        if word and word not in _NOT_MODIFIERS and share > MAX_BEFORE_SHARE * sum(before[pair].values()):
            continue  # the tail of a longer name
        out.append((count, spellings))
    return sorted(out, key=lambda x: (-x[0], x[1][0].lower()))


def same_stems(a: str, b: str) -> bool:
    """Whether two spellings have the same words up to their first ``STEM`` letters.

    >>> same_stems("low-rank adapters", "Low-Rank Adaptation"), same_stems("proximal gradient", "projected gradient")
    (True, False)
    """
    wa, wb = (x.lower().replace("-", " ").split() for x in (a, b))
    return len(wa) == len(wb) and all(x[:STEM] == y[:STEM] for x, y in zip(wa, wb, strict=True))


Owner = tuple[str, str, tuple[str, ...]]  # a listed row's name, type and long forms


def folded_into(acronyms: Counter[str], owners: dict[str, list[Owner]], spellings: list[str]) -> Owner | None:
    """The listed row a compound is a spelling of, or None: the corpus defines the compound by that row's acronym
    (>= ``FOLD_MIN_DEFINITIONS`` definitions, ``FOLD_SHARE`` of them), one row owns the acronym, and the row
    spells out no other long form ("asynchronous advantage actor-critic (A3C)" is the A3C row; "proximal gradient
    descent (PGD)" is not the PGD row of "projected gradient descent"). ``acronyms``: the compound's definitions
    by acronym; ``owners``: acronym key -> every listed row that has it.

    >>> owners = {"zgd": [("ZGD", "Method", ())], "qr": [("QR", "Method", ("quux regression",))]}
    >>> folded_into(Counter({"ZGD": 4}), owners, ["zorp gradient descent"])
    ('ZGD', 'Method', ())
    >>> qr = Counter({"QR": 4})
    >>> folded_into(qr, owners, ["quick ranking"]), folded_into(qr, owners, ["quux regressors"])[0]
    (None, 'QR')
    """
    by_key: Counter[str] = Counter()
    for acronym, count in acronyms.items():  # "ConvLSTM", "Conv-LSTM" and "convLSTM" are one acronym
        by_key[norm_key(acronym)] += count
    if not by_key:
        return None
    key, n = by_key.most_common(1)[0]
    rows = set(owners.get(key, []))
    if n < FOLD_MIN_DEFINITIONS or n < FOLD_SHARE * sum(acronyms.values()) or len(rows) != 1:
        return None
    row = rows.pop()
    return row if not row[2] or any(same_stems(x, y) for x in spellings for y in row[2]) else None


# Classes of architectures: their modifiers describe ("video Transformer", "bidirectional Mamba").
_ARCHITECTURES = frozenset(["transformer", "transformers", "mamba", "mlp", "mlps", "cnn", "cnns", "perceptron",
                            "perceptrons", "linearregression", "diffusionmodel", "diffusionmodels"])
