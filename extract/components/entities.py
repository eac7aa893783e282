"""``kg_entities``: resolves the candidate spans of the earlier components into the paper's entities.

Candidates come from the gazetteer, the shape scanner, acronym definitions and proposal cues.
Overlaps go to the longer span (then the more reliable source); mentions are grouped by the canonical
key of their resolved name, with acronym <-> long form merged. Types come from the gazetteer, else
from the acronym's long form, the proposal cue, a descriptor next to a mention ("X benchmark"), the
types of known names in the same coordination ("on GSM8K, X and MATH") or the name's shape.
Unknown names without any such evidence are dropped. Generic phrases are never entities.
Writes ``doc.ents`` and ``doc._.kg_entities`` (plain dicts, see :func:`EntityResolver.__call__`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.acronyms import best_long_form, numeral_contraction, title_expansion
from extract.canonical import bare_number, canonical_key, canonical_name, clean_surface, known
from extract.components.name_tails import language_start, spaced_variant
from extract.components.variants import link_variants, local_base
from extract.data_names import slashed_editions, task_with_data_name
from extract.doc_data import (
    ABBREVS,
    ENTITIES,
    GAZ_META,
    PROPOSED_META,
    SENTS,
    SHAPE_META,
    sents_of,
    span_at,
    text_of,
)
from extract.entity_labels import (
    METRIC_HEAD,
    STATISTICAL_MODEL,
    Cand,
    classify_long_form,
    defines_no_entity,
    label_of,
    model_family,
    retype_title_homonyms,
)
from extract.entity_lists import (
    COORD,
    closes_list,
    coordinated_names,
    elided_editions,
    eponym_names,
    listed_techniques,
    listed_with_data,
    titled_collections,
)
from extract.lexicon import (
    Entry,
    case_ok,
    generic_keys,
    head_entry,
    key_index,
    norm_key,
    task_acronym_keys,
    task_keys,
)
from extract.long_form_meaning import field_object, named_data_after, other_kind, other_meaning, same_meaning
from extract.mention_cues import cue_label
from extract.name_repeats import long_form_uses, proposal_reuses, title_spellings
from extract.origins import mark_origins
from extract.proposal_titles import known_topic_at, not_own_subtitle

# The subtitle after a title's opening acronym ("ZVIS: Unsupervised Video Instance Segmentation").
_SUBTITLE = re.compile(r"\s*:\s*(?:The\s+)?([^\n:]+)")
# A component noun right after an acronym's definition: "(BPW) filter", "(CMFI) module"; one "(PP) algorithm".
_COMPONENT_AFTER = re.compile(r"\)\s*(?:(?:filter|module|block|unit|mechanism|operator|branch|strategy)s?|algorithm)\b")
_CLASS_HEAD = re.compile(r"(?:[Mm]odels?|[Nn]etworks?|LLMs?|LMs?)$")
_ET_AL = re.compile(r"\s+et\.?\s+al\b")


_PLURAL_ACRONYM = re.compile(r"(?:[\w\-]*[A-Z]){2}s")
# Proposal cues whose coordinated names are proposed along with the first one.
_CHAIN_RULES = frozenset({"propose"})
# Proposal cues whose span, when it is exactly a defined acronym, makes the acronym the paper's name.
_DEFINING_RULES = frozenset({"acronym", "propose", "naming", "newkind", "our"})


class EntityResolver:
    """Builds the entity list of a Doc from the candidate annotations; see the module docstring."""

    def __init__(self, name: str = "kg_entities", ents: bool = True) -> None:
        self.name = name
        self.ents = ents  # also set ``doc.ents`` (Span objects; records need only ``doc._.kg_entities``)
        self.generic = generic_keys()
        self.index = key_index()
        self.task_acronyms = task_acronym_keys()

    def _is_generic(self, key: str) -> bool:
        return key in self.generic or (key.endswith("s") and key[:-1] in self.generic)

    def _contracted(self, lf: str, entry: Entry) -> bool:
        """Whether the long form, written with its acronym's digits, is a row of the same type ("Room-to-Room" of
        "Room2Room" for the "R2R" row): a spelling of the row, not a redefinition."""
        if (short := numeral_contraction(lf)) == lf:
            return False
        other = self.index.get(norm_key(short))
        return other is not None and other.label == entry.label

    def _generic_parts(self, name: str, generic_sf: set[str], tasks: frozenset[str]) -> bool:
        """A slash pair of generic or task acronyms ("TE/QA models"): alternatives, no name."""
        if "/" not in name:
            return False
        keys = [norm_key(p) for p in name.split("/")]
        return all(
            k and (k in generic_sf or k in tasks or k in self.task_acronyms or self._is_generic(k)) for k in keys
        )

    def candidates(self, doc: Doc) -> tuple[list[Cand], set[str], dict[str, str]]:
        """All candidate mentions, the keys of generic acronyms, and proposed name keys -> rule."""
        text = text_of(doc)
        cands: list[Cand] = []
        for s, e, label, name in GAZ_META.get(doc, []):
            if (pos := spaced_variant(text, s, e, label)) is not None:  # "Speech Commands V2": a variant
                # "MS COCO 2014" is the list's "COCO 2014": the tail goes on the list's name
                if (full := known(text[s:pos]) or known(name + text[e:pos])) is not None:
                    cands.append(Cand(s, pos, full.label, full.name, full.parent or "", "gazetteer", 3, full))
                else:
                    cands.append(Cand(s, pos, label, canonical_name(name + text[e:pos]), name, "variant", 3, None))
                continue
            if label in ("Dataset", "Benchmark") and (q := language_start(text, s)) is not None:  # "Chinese PropBank"
                cands.append(Cand(q, e, label, text[q:s] + name, name, "variant", 3, None))
                continue
            entry = known(name) or head_entry(name)
            cands.append(Cand(s, e, label, name, (entry.parent if entry else "") or "", "gazetteer", 3, entry))
        for parent, rule, s, e, label, name in SHAPE_META.get(doc, []):
            if (entry := known(name) if rule == "gazetteer" else None) is not None:
                parent = entry.parent or ""
            if label in ("Dataset", "Benchmark") and (q := language_start(text, s)) is not None:
                s, name, parent = q, text[q:s] + name, name  # (typed as the shape rules typed it)
            prio = 3 if rule in ("gazetteer", "variant") else 1
            cands.append(Cand(s, e, label, name, parent, rule, prio, entry))
        generic_sf: set[str] = set()
        prop_meta = PROPOSED_META.get(doc, [])  # acronyms defined right after a proposal cue: the paper's names
        # So too an acronym a cue names right before its long form: "we propose SAFER (Subgraph Adaptation for ...)".
        acro_props = {(int(s), int(e)): str(lab) for rule, s, e, lab in prop_meta if rule in _DEFINING_RULES}
        alias: dict[str, Cand] = {}
        defined: list[tuple[int, int, int, int]] = []  # accepted acronym definitions
        title_end = text.find("\n\n")
        title_key, title_first = "", ""  # the title's key and first word, for the first acronym that needs them
        defined_keys = {norm_key(text[ss:se]) for *_, ss, se in ABBREVS.get(doc, [])}
        in_title: list[str] = []  # unknown acronyms defined in the abstract whose name the title uses
        redefined: set[str] = set()  # acronyms of gazetteer rows that the paper defines otherwise
        for ls, le, ss, se in ABBREVS.get(doc, []):
            lf, sf, data = text[ls:le], text[ss:se], named_data_after(text, ls, ss, se)
            ksf, klf = norm_key(sf), norm_key(lf)
            if self._is_generic(ksf) or (self._is_generic(klf) and not data) or "/" in sf:
                generic_sf.add(ksf)
                continue
            entry = self.index.get(ksf)
            if entry is not None and self.index.get(klf) is not entry and not self._contracted(lf, entry) and (
                # a generated row's acronym defined otherwise is the paper's own; a data set's long form spelled
                # otherwise ("Labelled Faces in the Wild (LFW)") is still the row (a technique's long form types
                # itself: "fully convolutional networks (FCN)")
                (entry.source and not (entry.label in ("Dataset", "Benchmark") and same_meaning(lf, entry)))
                or other_meaning(lf, entry, by_word=False)
                # one word apart ("Siamese Neural Networks (SNNs)"): another thing only if the long form types itself
                or (other_meaning(lf, entry) and ((ss, se) in acro_props or classify_long_form(lf) is not None))
                or not case_ok(entry, sf)
                or self.index.get(klf) is not None  # another row's long form: "grouped query attention (GQA)"
                or other_kind(lf, classify_long_form(lf), entry)  # "Criss-Cross Network (CCNet)"
            ):
                redefined.add(ksf)  # the paper's own acronym, not the list's homonym ("partial optimal transport")
                entry = None
            if entry is None and klf.endswith("s") and sf.endswith("s") and (
                    one := self.index.get(klf[:-1]) or (self.index.get(klf[:-2]) if klf.endswith("es") else None)):
                entry = one if one.label == "Method" else None  # "Graph Transformers (GTs)"; "... Networks (SANs)"
                # are no listed model (SANet), "Fully Convolutional Networks" a class
            entry = entry or self.index.get(klf)
            if entry is None and defines_no_entity(text, ls, se) and not text.startswith(sf):  # not "SIM: ..."
                generic_sf.update((ksf, klf))  # a quantity, task or task's object: neither names a technique
                continue
            if entry is not None:
                proto = Cand(0, 0, entry.label, entry.name, entry.parent or "", "abbreviation", 3, entry)
            else:
                label = data or classify_long_form(lf)
                if label == "Method" and field_object(text, title_end, (ls, le, ss, se), acro_props):
                    label = None  # "Multi-Armed Bandit (MAB)", "Correlated Equilibrium (CE)"
                if (label is None and (ss, se) in acro_props and (acro_props[(ss, se)] or not METRIC_HEAD.search(lf))
                        and not (klf in task_keys() and ksf in self.task_acronyms and klf not in key_index())):
                    # not "a novel zorp stereo (ZS) method" when the field writes ZS for the task
                    label = acro_props[(ss, se)] or ("Model" if _CLASS_HEAD.search(lf) else "Method")
                if label is None:
                    # "Adaptive Zap Ranking Loss (AZRL)" after "... Zap Ranking Loss (ZRL)":
                    # a long form extending the paper's own earlier acronym names the same kind of thing.
                    label = next(
                        (p.label for k, p in alias.items() if p.entry is None and len(k) >= 6 and klf.endswith(k)), None
                    )
                if label is None and _COMPONENT_AFTER.match(text, se) and ksf not in self.task_acronyms:
                    label = "Method"  # "a Bezier curve-based pixel-wise (BPW) filter": the acronym names a part
                head = (_SUBTITLE.match(text, len(sf))
                        if label is None and text.startswith(sf) and ksf not in self.task_acronyms else None)
                if head is not None and not not_own_subtitle(head.group(1)):
                    # "Zorp-GPT: ..." titles the acronym: a name whatever its long form, a contest or data set if
                    # the title says so ("ZorpDA: The Visual Zorp Adaptation Challenge"); else votes type it
                    label = kind if (kind := classify_long_form(head.group(1))) in ("Benchmark", "Dataset") else ""
                if label is None:  # no entity, nor its singular unless defined too ("oriented bounding boxes (OBBs)")
                    plural = sf.endswith("s") and sf[-2:-1].isupper() and ksf[:-1] not in defined_keys
                    generic_sf.update((ksf, ksf[:-1]) if plural else (ksf,))
                    continue
                name = clean_surface(sf) if ksf in redefined else canonical_name(sf)  # not the homonym's name
                proto = Cand(0, 0, label, name, "", "abbreviation", 2, None, {"abbreviation"})
                if STATISTICAL_MODEL.search(lf):
                    proto.evidence.add("statistical")  # "factorial hidden Markov model (FHMM)": a model class
            alias[ksf] = alias[klf] = proto
            if entry is not None and ksf.endswith("s") and ksf[:-1] not in alias:
                alias[ksf[:-1]] = proto  # "DAEs" defined, "DAE" used bare
            defined.append((ls, le, ss, se))
            if proto.entry is None and ls > title_end and not known_topic_at(text, title_end, se):
                if not title_first:
                    title_key = norm_key(text[: max(0, title_end)])
                    title_first = text[: max(0, title_end)].split(":")[0].split(" ")[0] or " "
                if (len(klf) >= 8 and title_key.startswith(klf)) or title_first == sf:
                    in_title.append(canonical_key(proto.name))  # the title names the acronym the abstract defines
            for s, e in ((ls, le), (ss, se)):
                p = proto
                cands.append(Cand(s, e, p.label, p.name, p.parent, "abbreviation", p.prio, p.entry, set(p.evidence)))
        cands += long_form_uses(text, defined, alias)
        # An acronym the paper uses without defining or proposing it, which the field defines almost only as a
        # task, field or quantity ("... on CAD models", "HOI detection"), names no technique here either.
        proposed_keys = {norm_key(text[int(s) : int(e)]) for _, s, e, _ in prop_meta}
        for c in cands:
            if c.entry is None and c.rule not in ("abbreviation", "proposal"):
                key = norm_key(text[c.start : c.end])
                if (
                    key in self.task_acronyms
                    and key not in alias
                    and key not in proposed_keys
                    and not listed_with_data(text, c, cands)
                ):
                    generic_sf.add(key)
        retype_title_homonyms(text, title_end, cands)
        for c in cands:
            if c.entry is not None and norm_key(text[c.start : c.end]) in redefined:
                c.entry, c.parent = None, ""
            if c.entry is None and c.rule != "abbreviation":
                proto = alias.get(norm_key(text[c.start : c.end]))
                # "GPC+" is a variant of the defined "GPC", not its spelling (the merge key drops the "+")
                if proto is not None and ("+" not in text[c.start : c.end] or "+" in proto.name):
                    c.label, c.name, c.evidence = proto.label, proto.name, set(proto.evidence)
        cands += listed_techniques(text, cands, self.index, self._is_generic)
        cands += titled_collections(text, cands, self._is_generic)
        cands += coordinated_names(text, cands, self._is_generic)
        cands += elided_editions(text, cands)
        cands = slashed_editions(text, cands)
        cands += eponym_names(text, cands)
        proposed: dict[str, str] = {}
        for key in in_title:
            if not self._is_generic(key):
                proposed.setdefault(key, "title")
                for c in cands:
                    if c.rule == "abbreviation" and canonical_key(c.name) == key:
                        c.evidence.add("proposed")
        for rule, s, e, plabel in prop_meta:
            surface = text[int(s) : int(e)]
            key = norm_key(surface)
            if key in generic_sf or self._is_generic(key):
                continue
            same = [c for c in cands if c.start == s and c.end == e]
            hit = next((d for d in defined if d[0] <= s < d[1] or d[2] <= s < d[3]), None)
            inner = False
            if hit is not None and (not same or (inner := hit[0] == s and e < hit[1])):
                # "we propose Sleep staging via Prototypes from Expert Rules (SLEEPER)": the cue stopped at a
                # lower-case word of an acronym's long form; the paper proposes the defined acronym. So too when
                # the cue stopped inside a long form that begins with another name: "called BEGAN with a
                # Constrained Space (BEGAN-CS)" proposes BEGAN-CS, not BEGAN.
                same = [c for c in cands if c.rule == "abbreviation" and (c.start, c.end) in (hit[:2], hit[2:])]
                if inner:
                    plabel = ""  # the cue's descriptor was read for a piece of the long form, not for the name
            if not same:  # "the Pathways Language Model PaLM" proposes PaLM: a long form, then the acronym
                same = [
                    c
                    for c in cands
                    if c.entry is not None
                    and s < c.start
                    and c.end == e
                    and best_long_form(text[c.start : c.end], text[s : c.start].strip()) is not None
                ]
            tag = "tprop:" if rule == "title" else "prop:"
            if same:
                for c in same:
                    proposed.setdefault(canonical_key(c.name), str(rule))
                    c.evidence.add("proposed")
                    if plabel:
                        c.evidence.add(tag + plabel)
            else:
                proto = alias.get(key)
                name = proto.name if proto else canonical_name(surface)
                label = proto.label if proto else plabel
                ev = {"proposed", tag + label} if label else {"proposed"}
                cands.append(Cand(int(s), int(e), label, name, "", "proposal", 2, None, ev))
                proposed.setdefault(canonical_key(name), str(rule))
        cands += title_spellings(text, title_end, cands)
        cands += proposal_reuses(text, cands)
        return cands, generic_sf, proposed

    @staticmethod
    def _non_overlapping(cands: list[Cand]) -> list[Cand]:
        """Longest spans first, then the more reliable source; earlier start breaks ties."""
        kept: list[Cand] = []  # by start; disjoint, so only the neighbours of a new span can overlap it
        starts: list[int] = []
        for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.prio, c.start)):
            i = bisect_right(starts, c.start)
            if any(not (c.end <= k.start or c.start >= k.end) for k in kept[max(0, i - 1) : i + 1]):
                continue
            starts.insert(i, c.start)
            kept.insert(i, c)
        return kept

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.ents`` and ``doc._.kg_entities``: a list of dicts with keys label, name, parent,
        aliases, rule, proposed (rule or ""), mentions (list of [start_char, end_char])."""
        text = text_of(doc)
        sents = sents_of(doc)
        cands, generic_sf, proposed = self.candidates(doc)
        tasks = task_keys()  # a candidate that only names a task ("Visual Question Answering") is no entity
        cites = " al" in text  # most abstracts cite no one: the citation pattern need not run
        # an acronym the paper defines as a task hides the data names inside it: "end-to-end speech translation
        # (E2E-ST)" holds no "E2E" data set
        tasked = {k for *_, ss, se in ABBREVS.get(doc, []) if (k := norm_key(text[ss:se])) in generic_sf}
        hiding = [(c.start, c.end) for c in cands
                  if c.entry is None and " " not in (w := text[c.start : c.end]) and norm_key(w) in tasked]
        cands = [
            c
            for c in cands
            if (c.entry is not None and not task_with_data_name(text, c.start, c.end, c.label, tasks)
                and not (c.label in ("Dataset", "Benchmark")
                         and any(s <= c.start and c.end <= e and e - s > c.end - c.start for s, e in hiding)))
            or (
                c.entry is None
                and (k := norm_key(text[c.start : c.end])) not in generic_sf
                and k not in tasks
                and not self._generic_parts(text[c.start : c.end], generic_sf, tasks)
                and not (cites and _ET_AL.match(text, c.end))  # "(LeCun et al., 1998)": a citation, not a name
            )
        ]
        kept = self._non_overlapping(cands)
        # Context evidence per mention: a descriptor after it ("X benchmark") or before it.
        for c in kept:
            if (label := cue_label(text, c.start, c.end, defined=c.rule == "abbreviation")) is not None:
                c.evidence.add("cue:" + label)
        # Coordinations: unknown names listed with typed ones take their type ("on GSM8K, X and MATH").
        chains: list[list[Cand]] = [[kept[0]]] if kept else []
        for a, b in pairwise(kept):
            if COORD.match(text[a.end : b.start]) and closes_list(text, text[a.end : b.start], b.end, len(chains[-1])):
                chains[-1].append(b)
            else:
                chains.append([b])
        for chain in chains:
            typed = [c.label for c in chain if (c.entry is not None or c.rule == "variant") and c.label]
            # Names typed as benchmarks by their shape alone ("FooQA", "BarBench") vote too.
            typed += [c.label for c in chain if c.rule == "shape" and c.label == "Benchmark"]
            # A descriptor next to the list ("benchmark datasets (i.e., A, B and C)") counts twice.
            typed += [e.split(":")[1] for c in chain for e in sorted(c.evidence) if e.startswith("cue:")] * 2
            if len(chain) > 1 and typed:
                best = max(dict.fromkeys(typed), key=typed.count)  # ties: first seen (never set order)
                for c in chain:
                    c.evidence.add("coord:" + best)
            # "We introduce two benchmarks, FooQA and BarQA": names coordinated right after a proposed one are
            # proposed too (unless they are known names: someone else's).
            first = canonical_key(chain[0].name)
            rule = proposed.get(first, "")
            if len(chain) > 1 and rule in _CHAIN_RULES and "proposed" in chain[0].evidence:
                for c in chain[1:]:
                    if c.entry is None and c.rule != "variant":
                        proposed.setdefault(canonical_key(c.name), rule)
        groups: dict[str, list[Cand]] = {}
        for c in kept:
            groups.setdefault(canonical_key(c.name), []).append(c)
        ents: list[dict[str, object]] = []
        labels = {key: label_of(text, sents, ms) for key, ms in groups.items()}
        for key in [k for k, lab in labels.items() if lab is None]:
            # "ZapNet and ZapNet-L": an untyped size/version variant of a typed name of the same paper; "CFR+" also
            # of a typed name's other spelling ("counterfactual regret minimization (CFR)")
            typed = {k: k for k, lab in labels.items() if lab in ("Model", "Method")}
            if key.endswith("plus"):
                typed |= {canonical_key(text[c.start : c.end]): k for k in list(typed) for c in groups[k]}
            base = local_base(key, typed)
            labels[key] = labels[typed[base]] if base is not None else None
        for key in [k for k, ms in groups.items() if k[:-1] in groups and _PLURAL_ACRONYM.fullmatch(ms[0].name)]:
            # "MSLTs" is the plural of the paper's "MSLT", not another name ("SPN" used bare after "... (SPNs)")
            stem, plural = key[:-1], groups.pop(key)
            groups[stem] += plural
            labels[stem] = label_of(text, sents, groups[stem]) or labels[key] or labels[stem]
            proposed.setdefault(stem, proposed.get(key, ""))
        for key, ms in groups.items():
            label = labels[key]
            if label is None:
                continue
            first = ms[0]
            surfaces = []
            for c in ms:
                s = text[c.start : c.end]
                if s not in surfaces:
                    surfaces.append(s)
            parent = next((c.parent for c in ms if c.parent), "")
            if label in ("Dataset", "Benchmark") and parent and model_family(parent, labels):
                parent = ""  # "the ZorpNet-100k dataset": data named after a model, no variant of it
            ents.append(
                {
                    "label": label,
                    "name": first.name,
                    "parent": parent if canonical_key(parent) != key else "",
                    "aliases": [s for s in surfaces if s != first.name and not bare_number(s)],
                    "rule": first.rule
                    if first.rule != "shape" or not first.evidence
                    else "shape+" + sorted(first.evidence)[0].split(":")[0],
                    "proposed": proposed.get(key, ""),
                    "mentions": [[c.start, c.end] for c in ms],
                }
            )
        self._title_long_forms(text, ents)
        mark_origins(text[: max(0, text.find("\n\n"))], ents)
        link_variants(ents)
        self._propose_variants(ents)
        ENTITIES.set(doc, ents)
        if not self.ents:
            return doc
        spans: list[Span] = []
        for ent in ents:
            for s, e in ent["mentions"]:  # type: ignore[union-attr]
                sp = span_at(doc, s, e, str(ent["label"]), str(ent["name"]))
                if sp is not None and all(sp.end <= o.start or sp.start >= o.end for o in spans):
                    spans.append(sp)
        # Same entities as ``doc.ents = spans``; other tokens keep a missing (not "O") IOB tag, which
        # spares a pass over every token of the Doc.
        doc.set_ents(sorted(spans, key=lambda s: s.start), default="unmodified")
        return doc

    @staticmethod
    def _title_long_forms(text: str, ents: list[dict[str, object]]) -> None:
        """An acronym the paper proposes (or its title shows) that the abstract does not define gets the title's
        long form as a mention ("GAInS: Gradient Anomaly-aware Biomedical Instance Segmentation"; see
        ``extract.acronyms``)."""
        title_end = text.find("\n\n")
        if title_end < 0:
            return
        title = text[:title_end]
        title_words: set[str] | None = None
        taken: list[tuple[int, int]] | None = None
        for ent in ents:
            name = str(ent["name"])
            aliases = [str(a) for a in ent["aliases"]]  # type: ignore[attr-defined]
            if ent["rule"] == "gazetteer" or " " in name or any(" " in a for a in aliases):
                continue  # a known name (not this paper's acronym), no acronym, or its long form is known
            if not ent["proposed"]:
                if name not in title:
                    continue  # someone else's acronym the title does not use: it need not spell it out
                title_words = title_words if title_words is not None else set(re.split(r"[\s:,;]+", title))
                if name not in title_words:
                    continue
            if taken is None:
                taken = [(s, e) for en in ents for s, e in en["mentions"]]  # type: ignore[attr-defined]
            span = title_expansion(title, name)
            if span is None or any(s < span[1] and span[0] < e for s, e in taken):
                continue
            ent["mentions"] = sorted([*ent["mentions"], list(span)])  # type: ignore[misc]
            ent["aliases"] = [*aliases, title[span[0] : span[1]]]
            taken.append(span)

    @staticmethod
    def _propose_variants(ents: list[dict[str, object]]) -> None:
        """Size/version variants of a proposed name are proposed too ("PaLM" -> "PaLM 540B",
        "X-Encoder" -> "X-Encoder-10B"): the family is named by the paper, the variants are its releases."""
        props = {canonical_key(str(e["name"])): str(e["proposed"]) for e in ents if e["proposed"]}
        if not props:
            return
        for ent in ents:
            if ent["proposed"] or ent["label"] != "Model":
                continue
            # The parent is the family, from the gazetteer or the paper's own names (see ``link_variants``).
            rule = props.get(canonical_key(str(ent["parent"] or "")))
            if rule is not None:
                ent["proposed"] = rule

@Language.factory("kg_entities", default_config={"ents": True}, assigns=[ENTITIES.attr, "doc.ents"],
                  requires=[SENTS.attr, GAZ_META.attr, SHAPE_META.attr, ABBREVS.attr, PROPOSED_META.attr])
def make_entities(nlp: Language, name: str, ents: bool) -> EntityResolver:
    """Factory for :class:`EntityResolver` (``ents``: also set ``doc.ents``)."""
    return EntityResolver(name, ents)
