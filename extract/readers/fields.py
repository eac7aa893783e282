"""Validation shared by every reader: one mapping of fields -> an :class:`Abstract`, or a :class:`Quarantined`
with the reason, so all formats apply the same rules (ids, dates, limits, encoding).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping

from extract.readers.lines import RAW_KEEP, bad_bytes, has_surrogates, printable
from extract.records import Abstract, Quarantined

Item = Abstract | Quarantined

MAX_ABSTRACT_CHARS = 100_000  # longer "abstracts" are almost always a whole paper or garbage
MAX_TITLE_CHARS = 2_000  # longer "titles" mean the reader mistook an abstract or a page for a title

ID_KEYS = ("id", "paperId", "arxiv_id", "corpusId", "corpusid")
# Best date first: an explicit date, then arXiv v1 (the snapshot's update_date is the *last* revision), then year.
DATE_KEYS = ("date", "publicationDate", "publication_date", "published", "versions", "update_date", "year")


def normalise_title(title: str) -> str:
    """Title key used for ids and duplicate detection: NFKC, lower case, letters and digits only.

    >>> normalise_title("GLM: General  Language Model")
    'glmgenerallanguagemodel'
    """
    s = unicodedata.normalize("NFKC", title).lower()
    return "".join(ch for ch in s if ch.isalnum())


def paper_id(title: str, given: str | None = None) -> str:
    """The given id, else a stable 12-hex hash of the normalised title.

    >>> paper_id("GLM: General Language Model") == paper_id("glm - general language model")
    True
    """
    if given is not None and str(given).strip():
        return str(given).strip()
    key = normalise_title(title) or " ".join(title.split())  # a title of symbols only ("???", "∑∆") hashes as written
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]


# LaTeX text formatting in arXiv abstracts ("\\textbf{G}lobal", "\\emph{not}", "{\\em X}"): dropped, so a name
# inside it reads as the name ("\\textsc{ZapNet}" -> "ZapNet"). Math ($...$, "\\text{}" in it) is left alone.
_TEX_FORMAT = re.compile(r"\\(?:textbf|textit|textsc|texttt|textsf|textrm|emph|underline|mbox)\s*\{([^{}$]*)\}")
_TEX_SWITCH = re.compile(r"\{\\(?:bf|it|em|sc|tt|rm|sf)\s+([^{}$]*)\}")


def clean(text: str) -> str:
    r"""Collapse internal whitespace (arXiv abstracts are hard-wrapped) and drop LaTeX text formatting.

    >>> clean("the \\textbf{G}lobal-\\textbf{L}ocal {\\em Zap}\n  Net, $\\mathcal{O}(n)$")
    'the Global-Local Zap Net, $\\mathcal{O}(n)$'
    """
    if "\\" in text:
        text = _TEX_SWITCH.sub(r"\1", _TEX_FORMAT.sub(r"\1", text))
    return " ".join(text.split())


def as_list(value: object, sep: str = ",") -> list[str]:
    """A list of names from a list (of strings or ``{"name": ...}`` objects) or a separated string."""
    if value is None:
        return []
    if isinstance(value, list):
        out = []
        for v in value:
            if isinstance(v, Mapping):
                v = v.get("name") or " ".join(str(v[k]) for k in ("first", "last") if v.get(k))
            s = clean(str(v)) if v is not None else ""
            if s:
                out.append(s)
        return out
    text = str(value).replace(" and ", sep) if sep == "," else str(value)
    return [clean(p) for p in text.split(sep) if p.strip()]


_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|2\d\d\d)(?!\d)")


def normalise_date(value: object) -> str | None:
    """``YYYY-MM-DD`` or ``YYYY`` from a year, an ISO/RFC 2822 date or arXiv ``versions``; None if unusable."""
    if isinstance(value, list):  # arXiv snapshot "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 ..."}]
        first = value[0] if value else None
        return normalise_date(first.get("created") if isinstance(first, Mapping) else first)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(int(value)) if value == value and float(value).is_integer() and 1000 <= value <= 2999 else None
    if not isinstance(value, str) or has_surrogates(value):
        return None
    s = value.strip()
    if m := _YMD.match(s):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return m[1]
    if re.fullmatch(r"\d{4}", s):
        return s
    try:
        return email.utils.parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    m = _YEAR.search(s)
    return m[1] if m else None


def _text_problem(name: str, value: object, limit: int) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return f"missing {name}"
    if not isinstance(value, str):
        return f"{name} is not text (got {type(value).__name__})"
    if reason := bad_bytes(value):
        return f"{name} {reason}"
    if has_surrogates(value):
        return f"{name} has invalid Unicode (a lone surrogate escape)"
    if "\x00" in value:
        return f"{name} contains NUL characters (binary data?)"
    if len(value) > limit:
        return f"{name} too long ({len(value):,} chars > {limit:,})"
    return None


def abstract_from_fields(fields: Mapping[str, object], source: str) -> Item:
    """Validate one mapping (JSON object, CSV row, BibTeX or Atom entry) into an :class:`Abstract`, or quarantine it.

    Whatever goes wrong inside one record quarantines that record only, never the run."""
    try:
        return _abstract_from_fields(fields, source)
    except Exception as e:
        return Quarantined(source, f"unreadable record ({type(e).__name__}: {str(e)[:200]})", _raw(fields))


def _raw(fields: Mapping[str, object]) -> str:
    try:
        return printable(json.dumps(fields, ensure_ascii=False, default=str), RAW_KEEP)
    except Exception:
        return printable(repr(list(fields)), RAW_KEEP)


def _abstract_from_fields(fields: Mapping[str, object], source: str) -> Item:
    def quarantine(reason: str) -> Quarantined:
        return Quarantined(source, reason, _raw(fields))

    title, abstract = fields.get("title"), fields.get("abstract")
    for name, value, limit in (("title", title, MAX_TITLE_CHARS), ("abstract", abstract, MAX_ABSTRACT_CHARS)):
        if reason := _text_problem(name, value, limit):
            return quarantine(reason)
    assert isinstance(title, str) and isinstance(abstract, str)
    given = next((v for k in ID_KEYS if (v := fields.get(k)) is not None and str(v).strip()), None)
    if given is not None and (isinstance(given, bool) or not isinstance(given, str | int)):
        return quarantine(f"id is not text or a number (got {type(given).__name__})")
    if isinstance(given, str) and has_surrogates(given):
        return quarantine("id has invalid characters (not UTF-8 or a lone surrogate)")
    date = next((d for k in DATE_KEYS if (d := normalise_date(fields.get(k))) is not None), None)
    url = fields.get("url")
    return Abstract(
        id=paper_id(title, None if given is None else str(given)),
        title=clean(title),
        abstract=clean(abstract),
        source=source,
        date=date,
        authors=[a for a in as_list(fields.get("authors")) if not has_surrogates(a)],
        url=url.strip() if isinstance(url, str) and url.strip() and not has_surrogates(url) else None,
        categories=[c for c in as_list(fields.get("categories"), sep=" ") if not has_surrogates(c)],
    )
