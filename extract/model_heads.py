"""Model or Method for a name the paper gives its own network: decided by the name's head word.

The guide types architectures named as such ("Transformer", "GAN") as Methods, but a specific network
a paper builds and names is a Model: "Decision Zap-Transformer", "Context-Aware Foo-RCNN", "Robust
BarBERT 2.0". A name whose last word is a known model ("... RCNN") or an architecture/model head
(Transformer, Mamba, GAN, -Net, -former, Encoder, BERT, LM ...) names a model; "X Model" and "X Network"
do not (statistical models, network families), nor do plurals ("Graph Zapformers": a class of them).
A name headed by a procedure ("Adaptive Zorp Learning", "Cross-Modal Zorp Distillation") names a technique,
whatever its context calls it ("a novel model, ..."): :func:`procedure_head`. A name headed by a data noun
("ZorpSeer Corpus", "Zorp-Bench", "Zorp Challenge") names data, whatever its context: :func:`data_head`.
"""

from __future__ import annotations

import re

from extract.lexicon import key_index, norm_key

_HEAD = re.compile(
    r"(?:Transformer|Mamba|GAN|Net|CNN|RNN|LSTM|Former|former|Encoder|Decoder|Autoencoder|VAE|BERT|GPT|LM|LLM)$"
)
_SPLIT = re.compile(r"[\s\-_/]+")
# A data noun ending a name: an evaluation set ("-Bench", "Benchmark", "Challenge" after a space: "Self-Challenge"
# is a procedure) or a collection ("Dataset", "Corpus", "Treebank").
_DATA_HEAD = re.compile(
    r"(?:(?P<b>[\s\-](?:[Bb]ench(?:mark)?|BENCH(?:MARK)?)|\s(?:Challenge|Leaderboard|Test Suite))|"
    r"(?P<d>[\s\-](?:[Dd]ataset|DATASET|Corpus|CORPUS|Corpora|Database|Treebank|Data Set)))$"
)


def model_head(name: str) -> bool:
    """Whether ``name`` is a qualified model or architecture head ("Decision Mamba", "Foo-RCNN", "ZapNet")."""
    words = [w for w in _SPLIT.split(name.strip()) if w]
    if not words:
        return False
    if len(words) == 1:  # one word: a head after a prefix of its own ("ZapNet"), not the bare architecture
        m = _HEAD.search(words[0])
        return m is not None and m.start() >= 2
    last = words[-1]
    entry = key_index().get(norm_key(" ".join(words[-2:]))) if len(words) >= 2 else None
    if entry is None:
        entry = key_index().get(norm_key(last))
    if entry is not None and entry.label == "Model":
        return True
    return _HEAD.search(last) is not None


# Procedures: what a name headed by one of these words names is done, not trained and released.
_PROCEDURE = re.compile(
    r"(?i:learning|training|tuning|distillation|alignment|adaptation|augmentation|optimi[sz]ation|sampling|pruning|"
    r"regulari[sz]ation|decoding|prompting|search|descent|ascent|estimation|quanti[sz]ation|inference|attacks?)"
)
_PREPOSITIONS = frozenset(["for", "with", "via", "of", "on", "in", "by", "using", "through", "from", "to"])


def name_head(name: str) -> str:
    """The head word of a name: its last word before a preposition (not the first word), after any hyphen ("Zorp
    Pre-training for Speech" -> "training", "radio-frequency" -> "frequency"); "" for no word.

    >>> name_head("Coarse-to-fine Cascaded Evidence-Distillation"), name_head("Zorp Objects in Context")
    ('Distillation', 'Objects')
    """
    words = name.split()
    cut = next((i for i, w in enumerate(words) if i > 0 and w.lower() in _PREPOSITIONS), len(words))
    return words[cut - 1].split("-")[-1] if words else ""


def procedure_head(name: str) -> bool:
    """Whether a name of two words or more is headed by a procedure (:func:`name_head`): "Adaptive Zorp Learning",
    "Zorp Pre-training for Speech"; not "Zorp Learner", "Zorp Model for Learning" or one word ("ZorpLearning").

    >>> procedure_head("Coarse-to-fine Cascaded Evidence-Distillation"), procedure_head("Zorp Model for Learning")
    (True, False)
    """
    return len(name.split()) > 1 and _PROCEDURE.fullmatch(name_head(name)) is not None


_MODEL_AFTER = re.compile(r"\)?\s?(?i:models?|networks?)\b")  # "Zorp Search (ZS) model"
_MODEL_END = re.compile(r"\s(?i:models?|networks?)$")  # "zorp decoding model"


def names_procedure(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the mentions ``spans`` of one name in ``text`` name a procedure: one is headed by a procedure and
    none goes with the model word ("a Zorp Person Search (ZPS) model", "a zorp decoding model (ZDM)": the text
    calls it a model, and "Search" may end a task's name)."""
    return any(procedure_head(text[s:e]) for s, e in spans) and not any(
        _MODEL_AFTER.match(text, e) or _MODEL_END.search(text, s, e) for s, e in spans
    )


def data_head(name: str) -> str | None:
    """"Benchmark" or "Dataset" when ``name`` ends in a data noun of its own, else None.

    >>> data_head("ZorpSeer Corpus"), data_head("Zorp-Bench"), data_head("Self-Challenge")
    ('Dataset', 'Benchmark', None)
    """
    m = _DATA_HEAD.search(name)
    return None if m is None else "Benchmark" if m.group("b") else "Dataset"
