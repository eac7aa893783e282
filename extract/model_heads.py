"""Model or Method for a name the paper gives its own network: decided by the name's head word.

The guide types architectures named as such ("Transformer", "GAN") as Methods, but a specific network
a paper builds and names is a Model: "Decision Zap-Transformer", "Context-Aware Foo-RCNN", "Robust
BarBERT 2.0". A name whose last word is a known model ("... RCNN") or an architecture/model head
(Transformer, Mamba, GAN, -Net, -former, Encoder, BERT, LM ...) names a model; "X Model" and "X Network"
do not (statistical models, network families), nor do plurals ("Graph Zapformers": a class of them).
"""

from __future__ import annotations

import re

from extract.lexicon import key_index, norm_key

_HEAD = re.compile(
    r"(?:Transformer|Mamba|GAN|Net|CNN|RNN|LSTM|Former|former|Encoder|Decoder|Autoencoder|VAE|BERT|GPT|LM|LLM)$"
)
_SPLIT = re.compile(r"[\s\-_/]+")


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
