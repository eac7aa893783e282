"""The hand-made gazetteers' aliases are other spellings of their row's name, never other versions.

"YOLOv5" listed as an alias of "YOLO" made every YOLOv5 and YOLOv8 one node "YOLO"; a version, size,
edition or release of a thing is a row of its own whose parent is the family (VARIANT_OF in the graph).
The rules below catch an alias that names another version: different numbers (years written short or long,
"2.0" and "2" the same), an added size or release word ("mini", "Turbo", "Sonnet"), or the name plus a
capitalised part ("LLaVA-NeXT", "ARC-Easy"), or a lower-case qualifier before it ("loopy belief
propagation"). The few spellings that trip a rule and still mean the same
thing are listed with the reason; the generated Papers with Code rows use PwC's own (name, full name) pairs.
"""

from __future__ import annotations

import re

from extract.lexicon import entries, lookup

_NUMBER = re.compile(r"(\d+(?:\.\d+)*)\s*([kKmMbB](?![a-z]))?")
_RELEASE_WORDS = frozenset({
    "mini", "turbo", "instant", "opus", "sonnet", "haiku", "pro", "ultra", "flash", "large", "small", "base", "chat",
    "instruct", "plus", "lite", "nano", "xl", "xxl", "medium", "tiny", "max", "omni", "preview", "scout", "maverick",
})
# A word after the name that describes rather than names ("GPT family", "Adam optimizer", "CNNs").
_DESCRIPTIVE = re.compile(
    r"^(?:s|family|models?|llm|architecture|optimizer|loss|algorithm|block|layer|prompting|reasoning|clustering|"
    r"ing|methods|data|dataset|papers|abstracts|conversations|learningenvironment|test|auto|aimodels|net|lm|rat)$"
)
# Spellings of the same thing that trip a rule, each with why.
SAME_THING = {
    ("ImageNet", "ImageNet-1k"), ("ImageNet", "ImageNet-1K"), ("ImageNet", "ImageNet 1k"),  # ImageNet is the 1k set
    ("ImageNet", "ILSVRC-2012"), ("ImageNet", "ILSVRC2012"),
    ("ImageNet-21k", "ImageNet-22k"), ("ImageNet-21k", "ImageNet-22K"),  # one set, two counts of its classes
    ("ARC", "AI2 Reasoning Challenge"),  # the long form (AI2 is its maker)
    ("LSUN", "Large-scale Scene UNderstanding Challenge"),  # the long form ("Large-scale" is no size)
    ("Winograd Schema Challenge", "WSC273"), ("One Billion Word", "1B Words"), ("Atari", "Atari 2600"),
    ("Conceptual Captions", "CC3M"), ("COYO-700M", "COYO"), ("YFCC100M", "YFCC"), ("JFT-300M", "JFT"),
    ("OpenAssistant", "OASST1"), ("FLAN Collection", "Flan 2022"), ("FLAN Collection", "FLAN 2022"),
    ("Alpaca data", "Alpaca-52k"), ("OntoNotes", "OntoNotes 5.0"), ("OntoNotes", "OntoNotes v5"),
    ("HumanEval+", "HumanEval Plus"), ("MBPP+", "MBPP Plus"),  # "+" written out
    ("FlashAttention", "Flash Attention"), ("FlashAttention", "flash attention"), ("GPT-4o", "GPT-4 Omni"),
    ("TinyLlama", "Tiny-Llama"), ("SDXL", "Stable Diffusion XL"), ("SDXL", "SD-XL"),
    ("GPT-3.5", "GPT-35"), ("GPT-4 Turbo", "GPT-4T"),  # Azure's and the short spelling
    ("Claude 3.5 Sonnet", "claude-3-5-sonnet"), ("Claude 3.5", "claude-3-5"),  # API ids
    ("GPT-4V", "GPT-4V(ision)"), ("GPT-4V", "GPT-4 Vision"), ("GPT-4V", "GPT-4-Vision"),
    ("XLM-R", "XLM-RoBERTa"), ("XLM-R", "XLM-Roberta"), ("RNN-T", "RNN transducer"), ("RNN-T", "RNN-Transducer"),
    ("Mistral", "Mistral AI models"), ("DeepSeek", "DeepSeek LLM"), ("DeepSeek", "DeepSeek-LLM"),
    ("Starling", "Starling-LM"), ("VGG", "VGGNet"), ("StoryCloze", "Story Cloze Test"),
    ("Arena-Hard", "Arena-Hard-Auto"), ("AQuA", "AQuA-RAT"), ("AQuA", "AQUA-RAT"), ("LAION-2B", "LAION-2B-en"),
    ("LLaVA-Bench", "LLaVA-Bench (In-the-Wild)"), ("NetHack", "NetHack Learning Environment"),
    ("rejection sampling", "rejection sampling fine-tuning"),  # the guide's own example of one technique
    ("prompt tuning", "soft prompt tuning"), ("Dolly-15k", "databricks-dolly-15k"),  # a synonym; the maker's id
}


def version_key(surface: str) -> tuple[str, ...]:
    """The numbers of a surface, normalised: "2.0" is "2", "2014" is "14", "007" is "7"; sizes keep their unit."""
    out = []
    for m in _NUMBER.finditer(surface):
        n = m.group(1)
        while n.endswith(".0"):
            n = n[:-2]
        if re.fullmatch(r"(?:19|20)\d\d", n):
            n = n[2:]
        out.append((n.lstrip("0") or "0") + (m.group(2) or "").lower())
    return tuple(out)


def _words(surface: str) -> set[str]:
    return set(re.split(r"[\s\-_/]+", surface.lower()))


def _squash(surface: str) -> str:
    return re.sub(r"[\s\-_.·']", "", surface)


def other_version(name: str, alias: str) -> str | None:
    """Why ``alias`` names another version than ``name`` (None when it can be a spelling of it)."""
    if version_key(alias) != version_key(name) and (version_key(alias) or len(alias.split()) == 1):
        return "numbers differ"
    if (_words(alias) & _RELEASE_WORDS) - _words(name):
        return "a size or release word"
    squashed, base = _squash(alias), _squash(name)
    if squashed.lower().startswith(base.lower()) and len(squashed) > len(base):
        extra = squashed[len(base):]
        if not _DESCRIPTIVE.match(extra.lower()) and (extra[0].isupper() or not extra[0].isascii()):
            return "the name plus a part of its own"
    if squashed.lower().endswith(base.lower()) and len(squashed) > len(base) and squashed[0].islower():
        return "a kind of it named by a qualifier"  # "sparse mixture-of-experts", "loopy belief propagation"
    return None


def test_the_rules_catch_versions_and_spare_spellings() -> None:
    assert other_version("YOLO", "YOLOv5") and other_version("SQuAD", "SQuAD 2.0")
    assert other_version("o3", "o3-mini") and other_version("LLaVA", "LLaVA-NeXT")
    assert other_version("WMT", "WMT14") and other_version("PanGu", "PanGu-α")
    assert not other_version("CoNLL-2003", "CoNLL03") and not other_version("Llama 2", "LLaMA-2")
    assert not other_version("GPT", "GPT family") and not other_version("C4", "Colossal Clean Crawled Corpus")
    assert not other_version("Dolly 2.0", "Dolly-v2") and not other_version("CNN", "CNNs")
    assert other_version("belief propagation", "loopy belief propagation") and other_version("E5", "multilingual-E5")
    assert not other_version("CLIP", "OpenAI CLIP")  # a maker is no qualifier


def test_hand_made_aliases_are_spellings_not_versions() -> None:
    bad = [
        (e.label, e.name, a, why)
        for e in entries()
        if not e.source
        for a in e.aliases
        if (why := other_version(e.name, a)) and (e.name, a) not in SAME_THING
    ]
    assert not bad, f"aliases naming another version (make each a row whose parent is the family): {bad}"


def test_every_hand_made_parent_is_a_row() -> None:
    """A split-off version points at its family by the family row's name (Papers with Code parents may name a
    family PwC has no row for, "CoNLL")."""
    names = {e.name for e in entries()}
    assert not [(e.name, e.parent) for e in entries() if not e.source and e.parent and e.parent not in names]


def test_data_named_by_a_slash_pair_is_found_written_with_and() -> None:
    from extract.lexicon import _pair_aliases, lookup

    assert _pair_aliases(("Zorp/Blarg News",)) == ("Zorp and Blarg News",)
    assert _pair_aliases(("Cora (48%/32%/20% fixed splits)", "i2b2/VA")) == ()  # not a pair of names
    row = lookup("CNN and Daily Mail")
    assert row is not None and row.name == "CNN/DailyMail"


def test_papers_with_code_long_forms_are_aliases_of_the_hand_made_row() -> None:
    """generated/aliases.pwc.tsv gives a hand-made acronym row the long form PwC knows it by."""
    palm = lookup("Pathways Language Model")
    assert palm is not None and (palm.name, palm.label, palm.source) == ("PaLM", "Model", "")
    assert "Pathways Language Model" in palm.aliases


def test_compounds_the_corpus_defines_by_a_listed_acronym_are_aliases_of_that_row() -> None:
    """generated/aliases.corpus.tsv: "low-rank adapters (LoRA)" is LoRA, not a mined row of its own; a PwC row
    gains its spelling too ("convolutional LSTM" of ConvLSTM)."""
    for spelling, name, source in (("low-rank adapters", "LoRA", ""), ("convolutional LSTM", "ConvLSTM", "pwc")):
        row = lookup(spelling)
        assert row is not None and (row.name, row.source) == (name, source), row


def test_named_members_of_a_family_are_rows_of_their_own() -> None:
    """An implementation, variant or companion with its own name is no spelling of its family's row: XGBoost is not
    "gradient boosting", a BiLSTM not an LSTM, TIES-Merging not task arithmetic, ROCStories not the Story Cloze
    test. Members with a parent keep it, so the graph links them (VARIANT_OF)."""
    rows = {name: lookup(name) for name in (
        "XGBoost", "LightGBM", "BiLSTM", "TIES-Merging", "task arithmetic", "DARE", "DeepSeek-R1-Zero", "ROCStories",
        "multi-head attention", "rejection sampling fine-tuning", "Stack Overflow", "tensor parallelism", "vLLM",
        "Deformable DETR", "WGAN-GP", "CMA-ES", "PAWS", "OpenWebText", "score matching", "pointer-generator network",
    )}
    assert all(row is not None and row.name == name for name, row in rows.items()), rows
    assert rows["XGBoost"].parent == "gradient boosting" and rows["BiLSTM"].parent == "LSTM"
    assert rows["multi-head attention"].parent == "self-attention"
    assert rows["tensor parallelism"].parent == "model parallelism" and rows["Deformable DETR"].parent == "DETR"
