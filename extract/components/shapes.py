"""``kg_shapes``: name-shaped strings found by one regex over the text, resolved against the gazetteers by key.

A "chunk" is a word that contains a capital letter or a digit, with its hyphen/underscore/slash joined
parts ("Llama-2-13B-chat", "Qwen2.5-Math-7B", "HindTweetBERT", "GSM8K", "ZapSet-10%"). Because lookup is by
normalised key, every case/hyphen/space spelling of a known name is found. A known name followed by
a variant tail (size, version, chat/instruct, -L/-XL, "B/16") becomes a variant of that family; known
and unknown names also take space-separated tails and qualifiers (:mod:`extract.components.name_tails`:
"Llama 2 70B", "Gemini 1.5 Pro", "FooBERT 2.0", "Chinese FooBERT"); "X+" is a variant of X, never X. Other name-shaped
chunks are kept as unknown candidates with a type guessed from their shape (-BERT/-GPT/7B -> Model,
-Bench/-Eval/QA -> Benchmark). Writes ``doc.spans["kg_shape"]``: label = type ("" if unknown),
``kb_id_`` = canonical name; ``doc._.kg_shape_meta`` holds ``[parent or "", rule, start_char, end_char, label, name]``
per span (exact offsets: the tokenizer may glue a final period to a name).
"""

from __future__ import annotations

import re

from spacy.attrs import FLAG19
from spacy.lang.lex_attrs import word_shape
from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.canonical import TAIL_WORDS, canonical_name, known, size_s_clash, split_variant, variant_parent
from extract.components.name_tails import method_tail, qualifier_start, tail_end
from extract.doc_data import GAZ_META, SHAPE_META, span_at, text_of, token_starts
from extract.lexicon import Entry, case_ok, generic_compound, generic_keys, key_index, norm_key
from extract.markup import SCRIPT
from extract.mention_cues import VENUE

SPAN_KEY = "kg_shape"


_CHUNK = re.compile(
    rf"(?<![\w.+\-/@^])(?=[\w.+\-/^{{}}]*[A-Z0-9])[A-Za-z0-9](?:[A-Za-z0-9.+^]|{SCRIPT})*"
    rf"(?:[-_/][A-Za-z0-9{{](?:[A-Za-z0-9.+^{{}}]|{SCRIPT})*(?:(?<=\d)%)?)*"
)
_PART_SEP = re.compile(r"[-_/]")
_SCRIPT_RE = re.compile(SCRIPT)
# A plural descriptor a missing space glued to the name after it: "three public benchmarks-AMOS, ..."
_GLUED_DESCRIPTOR = re.compile(r"(?:benchmarks|datasets|models|methods|baselines|tasks)-(?=[A-Z])")
_PART = re.compile(r"[^-_/]+")
_NUMBER = re.compile(r"^[\d.,]+[%x]?$|^\d+(?:st|nd|rd|th|s|k|K|M|B|D)?$")
_SIZE = re.compile(r"^(?:\d+(?:\.\d+)?[x×])?\d+(?:\.\d+)?[BbMmKkTt]$|^[A]\d+[Bb]$|^\d+[Ee]$")
_VERSION = re.compile(r"^[vV]?\d+(?:\.\d+)*[a-z]?$|^[a-zA-Z]\d+(?:\.\d+)*$")
_SIZE_OR_VERSION = re.compile(r"(?:(?:\d+(?:\.\d+)?[x×])?\d+(?:\.\d+)?[BbMmKkTt]|[vV]?\d+(?:\.\d+)*)$")
# "Arabic BERT-style models": a kind of model, not a model of that language.
_KIND_OF = re.compile(r"-(?:style|like|based|type|esque|inspired|sized)\b")
_DECIMAL_GLUED = re.compile(r"^\d+\.\d+[A-Za-z]")
_PERCENT = re.compile(r"^\d+(?:\.\d+)?%$")
_NUMBER_TAG = re.compile(r"^\d+[A-Z]$")
# A number glued to a unit of measure: "23.80dB", "65ms", "0.5MB", "2.9X" (not "300W", the benchmark).
_MEASURE = re.compile(r"^\d+(?:\.\d+)?(?:[KMGT]i?[Bb]|[kMG]?Hz|dB|ms|mm|cm|km|nm|deg|fps|FPS|pp|mmHg|[xX])$")
_SHORT_CAPS, _NAMED = re.compile(r"^[A-Z]{1,3}$"), ("Model", "Benchmark", "Dataset")
# Hyphen-joined words that describe rather than name ("GPT-4-based", "BERT-Style").
_NOT_TAIL = frozenset(
    [
        "based", "like", "style", "level", "scale", "aware", "free", "driven", "generated", "powered", "only",
        "specific", "centric", "guided", "assisted", "augmented", "enhanced", "tuned", "finetuned", "trained",
        "pretrained", "sized", "class", "type", "family", "series", "models", "model", "agent", "agents", "bench",
        "version", "versions", "fashion", "compatible", "inspired", "derived", "annotated", "labeled", "labelled",
        "written", "judged", "evaluated", "produced", "synthesized", "distilled"
    ]
)
_MODEL_SUFFIX = re.compile(
    r"(?:BERT|GPT|LM|LLM|T5|Net|Former|former|Coder|VL|LLaMA|Llama|Diffusion|Mamba|Encoder|Decoder|ViT|CLIP)$"
)
_BENCH_SUFFIX = re.compile(r"(?:Bench|bench|BENCH|Eval|EVAL|Arena|QA|Leaderboard|Test|Suite)$")
# Annotated corpora are "banks" (PropBank, TimeBank, CCGbank, DocBank): data, whatever the paper does with it.
_DATA_SUFFIX = re.compile(r"(?:[a-z]Bank|[A-Z]bank)$")
# An acronym with its year, glued or hyphened: a shared task's or a challenge's edition ("DUC2006", "PETS2009",
# "CLIC2020", "LSVRC-2010"), unless a conference's ("ICML2019", "CVPR-2022") or a standard ("JPEG2000").
_YEAR_EDITION = re.compile(r"(?!JPEG|MPEG|ISO|IEEE)[A-Z]{2,8}-?(?:199\d|20[0-3]\d)")
_MISSING = object()
_RANK = re.compile(r"(?i:top|rank)-?\d{1,3}")
_SIZE_WORDS = frozenset({"large", "base", "small", "medium", "tiny", "mini", "huge", "giant"})
_ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$")


_CAPS_WORD = re.compile(r" (?!(?:WITH|FROM|INTO|OVER)\b)[A-Z]{4,}\b(?![\-_/])")


def _caps_words_end(text: str, end: int, most: int = 3) -> int:
    """End of up to ``most`` words in capitals (four letters or more: words, not acronyms, which stand side by
    side as names of their own: "PAC RL") that follow ``end`` one space apart: the rest of a name."""
    for _ in range(most):
        m = _CAPS_WORD.match(text, end)
        if m is None or norm_key(m.group(0)) in key_index():
            break  # "ISBI ISIC 2017": a known name stands on its own
        end = m.end()
    return end


def interesting_shape(shape: str) -> bool:
    """A spaCy token shape worth a look: a capital after the first character ("XxXX", "XXX-d") or
    letters mixed with digits ("xd", "dX"); not "Xxxx", "xxxx" or "dddd"."""
    if "X" in shape[1:]:
        return True
    return "d" in shape and ("x" in shape or "X" in shape)


def name_shaped_lexeme(text: str) -> bool:
    """Lexeme flag: the word's shape is :func:`interesting_shape` (computed without building the
    shape string: spaCy already computes ``word_shape`` once for every new lexeme)."""
    if len(text) >= 100:
        return interesting_shape(word_shape(text))
    rest = text[1:]
    if not rest.islower() and any(c.isupper() and c.isalpha() for c in rest):
        return True
    if text.isalpha():
        return False
    return any(c.isdigit() for c in text) and any(c.isalpha() for c in text)


def is_tail_part(part: str, label: str) -> bool:
    """Whether ``part`` can extend a known name of type ``label`` into a variant of it."""
    low = part.lower()
    if low in _NOT_TAIL:
        return False
    if _SIZE.match(part) or _VERSION.match(part) or low in TAIL_WORDS or _SHORT_CAPS.match(part):
        return True
    if _PERCENT.match(part) or _NUMBER_TAG.match(part):
        return label != "Model"  # a data subset or release: "ZapSet-10%", "ImageNet-16H" (16 human labels)
    # Capitalised words and size letters extend models as variants ("DeepSeek-R1-Distill-Qwen-7B", "ViT-e"); on a
    # data set they name a subset (:func:`_subset_part`).
    return label == "Model" and (part[:1].isupper() or (len(part) == 1 and part.isalpha()))


def _subset_part(chunk: str, a: int, b: int) -> bool:
    """Whether ``chunk[a:b]``, hyphened to a known data set, names a subset or derivative of it ("Spider-Syn",
    "MME-Perception", "ZeroWaste-f"): a part that would extend a model, and no other known name."""
    return chunk[a - 1] == "-" and is_tail_part(chunk[a:b], "Model") and norm_key(chunk[a:b]) not in key_index()


def _describes(part: str, tails_ok: bool) -> bool:
    """A lower-case part after a name that describes it ("based", "style"), not a version, size or size word of
    the name (when ``tails_ok``: the name before it is capitalised and not too short)."""
    if not part.islower() or part[0] == "{":
        return False
    return not (tails_ok and (_SIZE.match(part) or _VERSION.match(part) or part in _SIZE_WORDS))


def _named_core(surface: str) -> str:
    """The name before its version, size and release tails and trailing "+"s, whose ending tells its kind:
    "ZorpNet++" and "BarLM-3.5-Turbo" end like "ZorpNet" and "BarLM"."""
    core = surface.rstrip("+")
    parts = _PART_SEP.split(core)
    while len(parts) > 1 and (_SIZE.match(parts[-1]) or _VERSION.match(parts[-1]) or parts[-1].lower() in TAIL_WORDS):
        core = core[: len(core) - len(parts.pop()) - 1]
    return core


def shape_label(surface: str) -> str:
    """Type suggested by the shape of an unknown name: Model (-BERT, -GPT, -LLM ...), Benchmark
    (-Bench, -Eval, -QA ...), Dataset (-Bank), a compound on a known model or technique ("Qux-RoBERTa", "multi-LoRA"),
    "Sized" (a size tail like -7B: a model, or a dataset like LAION-5B) or ""."""
    data = _known_data_tail(surface)
    if data:
        return data  # "miniImageNet", "tieredImageNet": a subset or remake of a known benchmark, not a "-Net" model
    core = _named_core(surface)
    if _MODEL_SUFFIX.search(core):
        return "Model"
    if _BENCH_SUFFIX.search(core):
        return "Benchmark"
    if _DATA_SUFFIX.search(core):
        return "Dataset"
    if _YEAR_EDITION.fullmatch(surface) and not VENUE.match(surface):
        return "Benchmark"
    parts = _PART_SEP.split(surface)
    if len(parts) > 1:
        head = key_index().get(norm_key(parts[-1]))
        if head is not None and head.label in ("Method", "Model") and len(parts[-1]) >= 2 and case_ok(head, parts[-1]):
            return head.label  # a compound on a known technique or model: "multi-LoRA", "Zap-RLHF", "Qux-RoBERTa"
    if any(_SIZE.match(p) for p in parts[1:]) and not parts[0].isdigit():
        return "Sized"  # not "1-10B": a range of sizes, no name
    return ""


# A model or benchmark head hyphened to capitalised words: "Geodesic-Former", "Decomposable-Net", "Struc-Bench".
_HYPHENED_HEAD = re.compile(r"(?:Bench|Eval|Arena|Net|Former|GPT|BERT|LLM|Instruct)\b")


def _letter_prefixed(text: str) -> list[int]:
    """Offsets of words made of one capital, a hyphen and a capital or digit ("W-Net", "V-Net", "X-3D"), and of
    capitalised words hyphened to a model or benchmark head ("Geodesic-Former", "Clean-Eval"): the tokenizer cuts
    both into tokens no one of which is name-shaped."""
    out: list[int] = []
    h = text.find("-", 1)
    while h > 0:
        if text[h - 1].isupper() and (h < 2 or not text[h - 2].isalnum()) and text[h + 1 : h + 2].isupper():
            out.append(h - 1)
        elif text[h - 1].islower() and text[h + 1 : h + 2].isupper() and _HYPHENED_HEAD.match(text, h + 1):
            start = max(text.rfind(" ", 0, h), text.rfind("\n", 0, h)) + 1
            if text[start : start + 1].isupper():
                out.append(start)
        h = text.find("-", h + 1)
    return out


def _known_data_tail(surface: str) -> str:
    """The type of a known, name-shaped benchmark or dataset that ``surface`` ends with after a lower-case
    prefix or a separator ("miniImageNet" -> Benchmark; not "DeepDream"), or ""."""
    idx = key_index()
    for i in range(1, len(surface) - 3):
        if surface[i].isupper() and (surface[i - 1].islower() or surface[i - 1] in "-_"):
            tail = surface[i:]
            entry = idx.get(norm_key(tail)) if looks_like_name(tail) else None  # "ImageNet", not "Dream"
            if entry is not None and entry.label in ("Benchmark", "Dataset") and case_ok(entry, tail):
                return entry.label
    return ""


_LATEX_WORD = re.compile(r"rightarrow|leftarrow|mapsto|mathrm|mathbf|mathcal|mathbb")


def looks_like_name(surface: str) -> bool:
    """Internal capitals or letters mixed with digits: "LoRA", "GSM8K", "fast2slow", not "The" or "2024"."""
    if len(surface) < 2 or _NUMBER.match(surface) or _ROMAN.match(surface) or _SIZE.match(surface):
        return False  # "2024", "IV", and sizes on their own ("7B", "1T" of "a 1T-token corpus")
    if _MEASURE.match(surface) or _DECIMAL_GLUED.match(surface):
        return False  # a measurement: "23.80dB", "65ms"; a value glued to its metric ("2.2ROUGE-L")
    if _LATEX_WORD.search(surface):
        return False  # LaTeX that lost its backslash: "EnglishrightarrowGerman", "mathbfX"
    letters = sum(c.isalpha() for c in surface)
    if letters == 0:
        return False
    if any(c.isupper() for c in surface[1:]) or "^" in surface or "_{" in surface:
        return True
    return any(c.isdigit() for c in surface) and letters >= 2


def _sized_family(surface: str) -> str:
    """The family of an unknown sized or versioned name ("BarLM-7B" -> "BarLM", "Zap-Net-v2" -> "Zap-Net",
    "FooBERT+" -> "FooBERT"),
    or "" (also when the rest is too short to name a family: "SA-1B")."""
    if surface.endswith("+"):
        head = surface.rstrip("+")
        return head if len(norm_key(head)) >= 3 else ""
    bounds = [(m.start(), m.end()) for m in _PART.finditer(surface)]
    end = len(bounds)
    while end > 1 and _SIZE_OR_VERSION.match(surface, *bounds[end - 1]):
        end -= 1
    head = surface[: bounds[end - 1][1]]
    if end == len(bounds) or len(norm_key(head)) < 3 or not (looks_like_name(head) or head[:1].isupper()):
        return ""
    return head


def _glued_variant(surface: str) -> Entry | None:
    """The known model family that ``surface`` writes with a size glued on ("ResNet18", "VGG16",
    "DenseNet121", "EfficientNetB0"), else None. The tail must start with a digit or a letter-digit code,
    so "GPTs", "BERTology" or "BERT4Rec" are no variants. Datasets and benchmarks are left alone: their
    glued numbers are part of the name ("NLVR2", "CoNLL05", "CUHK01")."""
    if not surface[-1:].isdigit() or "+" in surface:
        return None  # a glued size ends in a digit; most unknown names have none (a cheap test first)
    sv = split_variant(surface)
    if sv is None or not sv[1] or sv[0].label != "Model":
        return None
    family, parts = sv
    head = surface[: len(surface) - len("".join(parts))] if surface.lower().endswith("".join(parts)) else ""
    if not head or not head[-1].isalpha() or not case_ok(family, head) or not _GLUED_TAIL.match(parts[0]):
        return None
    return family


_GLUED_TAIL = re.compile(r"^(?:\d|[vVbB]\d)")


def _known_techniques(chunk: str, bounds: list[tuple[int, int]]) -> bool:
    """Whether every part in ``bounds`` is a known technique written with a capital ("CRF", "GAN", "Transformer")."""
    idx = key_index()
    for a, b in bounds:
        part = chunk[a:b]
        entry = idx.get(norm_key(part))
        if entry is None or entry.label != "Method" or not any(c.isupper() for c in part):
            return False
    return True


def _known_prefix(text: str, bounds: list[tuple[int, int]]) -> tuple[int, Entry] | None:
    """Longest prefix (in parts) of ``text`` that is a known name: (number of parts, entry)."""
    idx = key_index()
    for n in range(len(bounds), 0, -1):
        prefix = text[: bounds[n - 1][1]]
        e = idx.get(norm_key(prefix))
        if e is not None and ("%" not in prefix or any("%" in s for s in e.surfaces)) and not size_s_clash(prefix, e):
            return n, e  # "X-10%" is not "X-10"; "ViT-S" is not "ViTs"
    return None


def slash_pieces(chunk: str) -> list[tuple[int, int]]:
    """The names a chunk lists with slashes, as offsets: "GPT-3.5/GPT-4", "BERT/TinyBERT" and "CLIP/T5" are two,
    since every piece starts with a known model or technique written with a capital. A version or size after a slash
    ("CIFAR-10/100", "ViT-B/16", "Llama-2-7B/13B") and a listed whole ("CNN/DailyMail") keep the chunk one name.

    >>> [("CLIP/T5")[a:b] for a, b in slash_pieces("CLIP/T5")]
    ['CLIP', 'T5']
    >>> slash_pieces("CIFAR-10/100")
    [(0, 12)]
    """
    whole = [(0, len(chunk))]
    if "/" not in chunk or known(chunk) is not None:
        return whole
    pieces, start = [], 0
    for piece in chunk.split("/"):
        bounds = [(m.start(), m.end()) for m in _PART.finditer(piece)]
        hit = _known_prefix(piece, bounds) if bounds and piece[:1].isupper() else None
        if hit is None or len(piece[: bounds[hit[0] - 1][1]]) < 2 or hit[1].label in ("Benchmark", "Dataset"):
            return whole  # (data joined by a slash name one benchmark: "ETH/UCY")
        pieces.append((start, start + len(piece)))
        start += len(piece) + 1
    return pieces


class ShapeScanner:
    """Finds name-shaped chunks; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "kg_shapes", spans: bool = True) -> None:
        self.name = name
        self.spans = spans  # also write the span group (the meta list alone is what later components read)
        # a custom flag id (FLAG19..63), never a built-in attribute's id that a lean vocabulary left unset
        free = next(i for i in range(FLAG19, 64) if i not in nlp.vocab.lex_attr_getters)
        self.flag = nlp.vocab.add_flag(name_shaped_lexeme, flag_id=free)
        self.generic = generic_keys()
        self.cache: dict[str, object] = {}  # chunk -> _analyse(chunk); chunks repeat a lot across papers

    def _resolve(self, text: str, start: int, cend: int) -> tuple[int, int, str, str, str, str] | None:
        """(start, end, label, name, parent, rule) for the chunk ``text[start:cend]``, or None."""
        chunk = text[start:cend]
        got = self.cache.get(chunk, _MISSING)
        if got is _MISSING:
            if len(self.cache) > 200_000:
                self.cache.clear()
            got = self.cache[chunk] = self._analyse(chunk)
        if got is None:
            return None
        length, label, name, parent, rule, family = got  # type: ignore[misc]
        end = start + length
        if family is not None:  # a model family, benchmark or dataset may go on with space-separated tails
            pos = tail_end(text, start, end, label)
            if pos != end:
                full = text[start:pos]
                entry = known(full)
                if entry is not None:
                    name, label, parent, rule = entry.name, entry.label, "", "gazetteer"
                else:  # a known family's variant, or an unknown name with its tails (still typed by shape)
                    name, parent = canonical_name(full), variant_parent(full) or family
                    rule = "variant" if rule != "shape" else rule
                    if label == "" and _SIZE.match(text[end:pos].split()[0]):
                        label = "Sized"  # "LLEMMA 7B": an untyped name with a model size
                end = pos
        if rule == "shape" and len(name) >= 4 and name.isupper() and name.isalpha() and norm_key(name) not in \
                key_index() and (pos := _caps_words_end(text, end)) != end:
            name = text[start:pos]  # "WIDER FACE", "WHO DID WHAT": one name written in capitals, not "FACE"
            end = pos
        if label == "Model" and (q := qualifier_start(text, start)) is not None and not _KIND_OF.match(text, end):
            # "Chinese FooBERT": a model of its own, a variant of FooBERT.
            return q, end, label, text[q:start] + name, name, "variant"
        return start, end, label, name, parent, rule

    def _analyse(self, chunk: str) -> tuple[int, str, str, str, str, str | None] | None:
        """Position-independent reading of a chunk: (length used, label, name, parent, rule, model
        family that may take space-separated tails or None), or None if it is not a name."""
        if chunk.isalpha() and chunk[0].isupper() and chunk[1:].islower() and norm_key(chunk) not in key_index():
            return None  # an ordinary capitalised word ("The", "We")
        if "$" in chunk and (entry := known(_SCRIPT_RE.sub("", chunk))) is not None and entry.label != "Method":
            # "NLVR$^2$", "COCO$_{half}$": a known data set or model with a script is a variant of it
            return len(chunk), entry.label, chunk, entry.name, "variant", None
        bounds = [(m.start(), m.end()) for m in _PART.finditer(chunk)]
        hit = _known_prefix(chunk, bounds)
        if hit is not None:
            got = self._known(chunk, bounds, *hit)
            if got is not None:
                return got
        # Unknown: drop trailing lower-case description parts ("Moto-GPT-based" -> "Moto-GPT"), not versions,
        # sizes or size words ("FooBench-v2", "ZapLM-7b", "FooBERT-large").
        end = len(bounds)
        head = chunk[: bounds[0][1]]
        tails_ok = len(head) >= 3 and any(c.isupper() for c in head)  # not "l1-l0", "10k-30k", "bounded-2k"
        while end > 1 and _describes(chunk[bounds[end - 1][0] : bounds[end - 1][1]], tails_ok):
            end -= 1
        surface = chunk[: bounds[end - 1][1]]
        if not looks_like_name(surface):
            return None
        key = norm_key(surface)
        if key in self.generic or (key.endswith("s") and key[:-1] in self.generic):
            return None
        if generic_compound(surface):
            return None  # "human-LLM collaboration", "non-LLM baselines", "multi-DNN": a description
        if (surface.isalpha() and surface.lower() in _SIZE_WORDS) or _RANK.fullmatch(surface):
            return None  # "LARGE" alone is a size, "top-5" a metric's cut-off, not names
        glued = _glued_variant(surface)
        if glued is not None:  # "ResNet18", "VGG16": a known family with its size written on
            return len(surface), glued.label, canonical_name(surface), glued.name, "variant", glued.name
        # An unknown name may take version/size tails too ("FooBERT 2.0", "BarLM 13B", "ZapSet 2020").
        return len(surface), shape_label(surface), surface, _sized_family(surface), "shape", surface

    def _known(
        self, chunk: str, bounds: list[tuple[int, int]], n: int, entry: Entry
    ) -> tuple[int, str, str, str, str, str | None] | None:
        """A chunk whose first ``n`` parts are the known ``entry``, extended by any variant tail."""
        surface = chunk[: bounds[n - 1][1]]
        if not case_ok(entry, surface) and not (
            entry.label == "Model" and n < len(bounds) and _SIZE.match(chunk[bounds[n][0] : bounds[n][1]])
        ):
            return None  # (a model id in lower case with its size is the model: "mixtral-8x7b", "falcon-40b")
        if entry.label == "Method" and n < len(bounds) and "/" not in chunk and _known_techniques(chunk, bounds[n:]):
            # "BiLSTM-CRF", "GP-UCB", "VAE-GAN": known techniques joined into one architecture or algorithm (a
            # slash lists alternatives: "PCA/SVD")
            return bounds[-1][1], "Method", chunk[: bounds[-1][1]], "", "shape", None
        if entry.label == "Method" and n < len(bounds) and "/" not in chunk:  # "RWKV-7" is a version of RWKV;
            whole = chunk[: bounds[-1][1]]  # "SVRG-BB", "SPIN-Bench" are names of their own, read as unknown ones
            how = method_tail([chunk[a:b] for a, b in bounds[n:]]) or ("name" if shape_label(whole) in _NAMED else "")
            if how:
                return None if how == "name" else (len(whole), "Method", canonical_name(whole), entry.name, how, None)
        end = n
        subset = False  # "Spider-Syn": a data set's subset, or a network named after it ("HoVer-Net")
        while entry.label != "Method" and end < len(bounds):
            if is_tail_part(chunk[bounds[end][0] : bounds[end][1]], entry.label):
                end += 1
            elif entry.label != "Model" and _subset_part(chunk, *bounds[end]):
                end, subset = end + 1, True
            else:
                break
        if entry.source and end > n and len(entry.name) <= 4 and entry.name.isupper() and all(
                chunk[a:b].isupper() and chunk[a:b].isalpha() and len(chunk[a:b]) >= 2 for a, b in bounds[n:end]):
            return None  # "FMA-PG": two acronyms make a name of their own, not a variant of a generated "FMA" row
        stop = bounds[end - 1][1]
        full = chunk[:stop]
        if subset and shape_label(full) == "Model":
            return None  # read as an unknown name
        family = entry.name if entry.label != "Method" else None
        if stop == len(surface) and "+" not in surface:
            return stop, entry.label, entry.name, "", "gazetteer", family
        found = known(full)  # "X+" is the gazetteer's X+ or a variant of X, never X itself
        if found is not None:
            return stop, found.label, found.name, "", "gazetteer", family
        return stop, entry.label, canonical_name(full), variant_parent(full) or entry.name, "variant", family

    def _regions(self, doc: Doc, text: str) -> list[tuple[int, int]]:
        """Whitespace-delimited words worth scanning: those with a name-shaped token (a lexeme flag,
        computed once per vocabulary entry and read as one array), those starting a known model
        name (space tails) and one capital hyphened to a capitalised part ("W-Net", "X-Former": the
        tokenizer cuts them into tokens no one of which is name-shaped)."""
        flagged = doc.to_array(self.flag).nonzero()[0].tolist() if len(doc) else []
        offsets = token_starts(doc) if flagged else []  # computed once per Doc, shared with other components
        starts = [offsets[i] for i in flagged]
        starts += [int(m[0]) for m in GAZ_META.get(doc, []) if m[2] == "Model" or (
            m[2] != "Method" and text[m[1] : m[1] + 1] == "-")]  # "Spider-Syn": a data set's subset
        starts += _letter_prefixed(text)
        regions: list[tuple[int, int]] = []
        for idx in sorted(starts):
            if regions and idx < regions[-1][1]:
                continue
            sp = text.rfind(" ", 0, idx)  # newline searches stop at the spaces: no scan of the whole text
            rs, sp = max(sp, text.rfind("\n", max(sp, 0), idx)) + 1, text.find(" ", idx)
            nl = text.find("\n", idx, sp if sp >= 0 else len(text))
            regions.append((rs, nl if nl >= 0 else sp if sp >= 0 else len(text)))
        return regions

    def __call__(self, doc: Doc) -> Doc:
        """Add one span per resolved chunk to ``doc.spans["kg_shape"]``."""
        text = text_of(doc)
        spans: list[Span] = []
        meta: list[list[str | int]] = []
        last = 0
        for rs, rend in self._regions(doc, text):
            for m in _CHUNK.finditer(text, rs, rend):
                if m.start() < last:
                    continue
                cend = m.start() + len(m.group(0).rstrip("."))
                if cend == m.start() or _NUMBER.match(text, m.start(), cend):
                    continue
                glued = _GLUED_DESCRIPTOR.match(text, m.start(), cend)  # "three benchmarks-AMOS, X and Y"
                cstart = glued.end() if glued else m.start()
                for a, b in slash_pieces(text[cstart:cend]):
                    got = self._resolve(text, cstart + a, cstart + b)
                    if got is None:
                        continue
                    start, end, label, name, parent, rule = got
                    if end <= start:
                        continue
                    if self.spans:
                        span = span_at(doc, start, end, label, name)
                        if span is None:
                            continue
                        spans.append(span)
                    meta.append([parent, rule, start, end, label, name])
                    last = end
        if self.spans:
            doc.spans[SPAN_KEY] = spans
        SHAPE_META.set(doc, meta)
        return doc


@Language.factory("kg_shapes", default_config={"spans": True}, assigns=[SHAPE_META.attr],
                  requires=[GAZ_META.attr])
def make_shapes(nlp: Language, name: str, spans: bool) -> ShapeScanner:
    """Factory for :class:`ShapeScanner`."""
    return ShapeScanner(nlp, name, spans)
