"""Readers: input files -> :class:`Abstract` records, or :class:`Quarantined` ones with a reason.

Every physical record read yields exactly one item, so counts reconcile downstream.
Formats are picked by extension, then by content: Hugging Face daily-papers page dumps (``.txt``),
JSON Lines (``.jsonl``/``.ndjson``, e.g. the arXiv metadata snapshot) and CSV; any of them gzipped.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from extract.records import Abstract, Quarantined

Item = Abstract | Quarantined

MAX_ABSTRACT_CHARS = 100_000  # longer "abstracts" are almost always a whole paper or garbage
_RAW_KEEP = 2_000  # how much of a bad record the quarantine file keeps


class InputError(Exception):
    """A whole input cannot be read (missing path, unknown format); the message is one line."""


def normalise_title(title: str) -> str:
    """Title key used for ids and duplicate detection: NFKC, lower case, alphanumerics only.

    >>> normalise_title("GLM: General  Language Model")
    'glmgenerallanguagemodel'
    """
    s = unicodedata.normalize("NFKC", title).lower()
    return re.sub(r"[^0-9a-z]+", "", s)


def paper_id(title: str, given: str | None = None) -> str:
    """The given id, else a stable 12-hex hash of the normalised title.

    >>> paper_id("GLM: General Language Model") == paper_id("glm - general language model")
    True
    """
    if given is not None and str(given).strip():
        return str(given).strip()
    return hashlib.sha1(normalise_title(title).encode()).hexdigest()[:12]


def _clean(text: str) -> str:
    """Collapse internal whitespace (arXiv abstracts are hard-wrapped)."""
    return " ".join(text.split())


def _as_list(value: object, sep: str = ",") -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [p.strip() for p in str(value).replace(" and ", sep).split(sep) if p.strip()]


def abstract_from_fields(fields: dict[str, object], source: str) -> Item:
    """Validate one mapping (JSON object or CSV row) into an :class:`Abstract`, or quarantine it."""
    raw = json.dumps(fields, ensure_ascii=False, default=str)[:_RAW_KEEP]
    title = fields.get("title")
    abstract = fields.get("abstract")
    if not isinstance(title, str) or not title.strip():
        return Quarantined(source, "missing title", raw)
    if not isinstance(abstract, str) or not abstract.strip():
        return Quarantined(source, "missing abstract", raw)
    if len(abstract) > MAX_ABSTRACT_CHARS:
        return Quarantined(
            source, f"abstract too long ({len(abstract):,} chars > {MAX_ABSTRACT_CHARS:,})", raw
        )
    given = fields.get("id") or fields.get("paperId") or fields.get("arxiv_id")
    date = fields.get("date") or fields.get("update_date") or fields.get("published")
    if date is None and fields.get("year") not in (None, ""):
        date = str(fields["year"])
    return Abstract(
        id=paper_id(str(title), None if given is None else str(given)),
        title=_clean(title),
        abstract=_clean(abstract),
        source=source,
        date=None if date in (None, "") else str(date),
        authors=_as_list(fields.get("authors")),
        url=(str(fields["url"]) if fields.get("url") else None),
        categories=_as_list(fields.get("categories"), sep=" "),
    )


def _decode(raw: bytes, source: str) -> str | Quarantined:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return Quarantined(
            source, f"not UTF-8 (byte 0x{raw[e.start]:02x} at column {e.start + 1})", raw[:_RAW_KEEP].decode("utf-8", "replace")
        )


def read_jsonl(stream: Iterable[bytes], name: str) -> Iterator[Item]:
    """One JSON object per line; blank lines are skipped, anything else bad is quarantined."""
    for lineno, raw in enumerate(stream, 1):
        source = f"{name}:{lineno}"
        if not raw.strip():
            continue
        text = _decode(raw, source)
        if isinstance(text, Quarantined):
            yield text
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as e:
            yield Quarantined(source, f"invalid JSON ({e.msg} at column {e.colno})", text[:_RAW_KEEP])
            continue
        if not isinstance(obj, dict):
            yield Quarantined(source, f"expected a JSON object, got {type(obj).__name__}", text[:_RAW_KEEP])
            continue
        yield abstract_from_fields(obj, source)


def read_csv(stream: Iterable[bytes], name: str) -> Iterator[Item]:
    """CSV with a header row naming ``id,title,abstract`` and the optional columns."""
    data = b"".join(stream)
    text = _decode(data, f"{name}:1")
    if isinstance(text, Quarantined):
        yield text
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None:
        return
    missing = {"title", "abstract"} - {f.strip().lower() for f in reader.fieldnames}
    if missing:
        yield Quarantined(f"{name}:1", f"CSV header lacks column(s) {', '.join(sorted(missing))}", ",".join(reader.fieldnames))
        return
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield Quarantined(f"{name}:{line}", f"malformed CSV ({e})")
            return
        fields = {(k or "").strip().lower(): v for k, v in row.items() if k is not None}
        yield abstract_from_fields(fields, f"{name}:{line}")


_CHROME = re.compile(
    r"^(new|subscribe|get trending papers in your email inbox( once a day)?!?|"
    r"by ?ak and the research community|"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}(, \d{4})?)$",
    re.IGNORECASE,
)
_SUBSCRIBE_PREFIX = re.compile(r"^Subscribe(?=\S)")


def read_hf_papers(stream: Iterable[bytes], name: str) -> Iterator[Item]:
    """Hugging Face daily-papers page dumps: page chrome, then alternating title and abstract lines.

    Both layouts are handled: with and without blank lines and date headers. Chrome glued to a
    title ("SubscribeGLM: ...") is cut off.
    """
    pending: tuple[int, str] | None = None  # (line number, title) waiting for its abstract
    for lineno, raw in enumerate(stream, 1):
        text = _decode(raw, f"{name}:{lineno}")
        if isinstance(text, Quarantined):
            yield text
            pending = None
            continue
        line = text.strip()
        if not line or _CHROME.match(line):
            continue
        line = _SUBSCRIBE_PREFIX.sub("", line)
        if pending is None:
            pending = (lineno, line)
            continue
        t_line, title = pending
        pending = None
        yield abstract_from_fields({"title": title, "abstract": line}, f"{name}:{t_line}")
    if pending is not None:
        yield Quarantined(f"{name}:{pending[0]}", "title without an abstract (truncated page?)", pending[1])


READERS = {"jsonl": read_jsonl, "csv": read_csv, "hf": read_hf_papers}


def sniff_format(path: str, head: bytes) -> str:
    """Pick a reader by extension, else by the first bytes."""
    suffixes = [s.lower() for s in Path(path).suffixes if s.lower() != ".gz"]
    ext = suffixes[-1] if suffixes else ""
    if ext in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if ext in (".csv", ".tsv"):
        return "csv"
    if ext in (".txt", ".md", ".html"):
        return "hf"
    stripped = head.lstrip()
    if stripped.startswith(b"{"):
        return "jsonl"
    first = stripped.split(b"\n", 1)[0].lower()
    if b"," in first and b"title" in first and b"abstract" in first:
        return "csv"
    return "hf"


def _open_bytes(path: str) -> io.BufferedIOBase:
    if path == "-":
        return sys.stdin.buffer
    f = open(path, "rb")  # noqa: SIM115 - returned to the caller, closed there
    magic = f.peek(2)[:2] if hasattr(f, "peek") else b""
    if magic == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=f)  # type: ignore[return-value]
    return f


def expand_inputs(paths: Iterable[str]) -> list[str]:
    """Files named, with directories read recursively (sorted, hidden files skipped)."""
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            out.extend(
                str(f)
                for f in sorted(path.rglob("*"))
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts)
            )
        elif path.is_file():
            out.append(p)
        else:
            raise InputError(f"{p}: no such file or directory")
    return out


def read_path(path: str, fmt: str | None = None) -> Iterator[Item]:
    """Read one file (``-`` is stdin); gzip is detected by its magic bytes."""
    name = "<stdin>" if path == "-" else path
    stream = _open_bytes(path)
    try:
        buffered = io.BufferedReader(stream) if not hasattr(stream, "peek") else stream
        try:
            head = buffered.peek(4096)[:4096]  # type: ignore[union-attr]
        except (OSError, EOFError) as e:
            yield Quarantined(f"{name}:1", f"unreadable file ({e})")
            return
        reader = READERS[fmt or sniff_format(path, head)]
        try:
            yield from reader(buffered, name)
        except (OSError, EOFError) as e:  # e.g. a truncated gzip stream
            yield Quarantined(f"{name}:?", f"unreadable file ({e})")
    finally:
        if path != "-":
            stream.close()


def read_inputs(paths: Iterable[str], fmt: str | None = None) -> Iterator[Item]:
    """All records of all inputs, in order, without de-duplication."""
    for p in expand_inputs(paths):
        yield from read_path(p, fmt)


def dedupe(items: Iterable[Item], stats: dict[str, int] | None = None) -> Iterator[Item]:
    """Drop repeats of a paper; a repeated id with different content is quarantined.

    ``stats["duplicates"]`` counts the exact repeats dropped, so read = kept + duplicates + quarantined.
    """
    seen: dict[str, tuple[str, str]] = {}
    for item in items:
        if isinstance(item, Quarantined):
            yield item
            continue
        digest = hashlib.sha1(f"{normalise_title(item.title)}\n{item.abstract}".encode()).hexdigest()
        first = seen.get(item.id)
        if first is None:
            seen[item.id] = (digest, item.source)
            yield item
        elif first[0] == digest:
            if stats is not None:
                stats["duplicates"] = stats.get("duplicates", 0) + 1
        else:
            yield Quarantined(
                item.source,
                f"id {item.id!r} already read at {first[1]} with different content",
                json.dumps({"id": item.id, "title": item.title}, ensure_ascii=False),
            )
