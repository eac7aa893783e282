"""Property tests: arbitrary bytes and arbitrary field values never crash a reader, and every physical record
ends in exactly one bucket (kept, duplicate or quarantined)."""

from __future__ import annotations

import csv
import gzip
import io
import json
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.intake import Intake
from extract.readers import READERS, dedupe, read_path
from extract.readers.fields import MAX_ABSTRACT_CHARS, MAX_TITLE_CHARS, clean
from extract.readers.hf_pages import _CHROME
from extract.records import Abstract, Quarantined

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
FORMATS = ["jsonl", "json", "csv", "hf", "atom", "bibtex"]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("props")


def _check_items(items: list[Abstract | Quarantined], name: str) -> None:
    """What every item must satisfy, whatever the input."""
    for i in items:
        assert isinstance(i, Abstract | Quarantined)
        assert i.source.startswith(name + ":")
        if isinstance(i, Quarantined):
            assert i.reason and "\n" not in i.reason
            json.dumps({"raw": i.raw, "reason": i.reason}, ensure_ascii=False).encode("utf-8")  # always writable
            assert len(i.raw) <= 2_000
        else:
            assert i.id and i.title.strip() and i.abstract.strip()
            assert len(i.title) <= MAX_TITLE_CHARS and len(i.abstract) <= MAX_ABSTRACT_CHARS
            json.dumps([i.id, i.title, i.abstract, i.authors, i.categories, i.url], ensure_ascii=False).encode()
            assert i.date is None or (i.year is not None and len(i.date) in (4, 10))


def _read_bytes(scratch: Path, data: bytes, fmt: str | None, name: str = "in") -> list[Abstract | Quarantined]:
    path = scratch / name
    path.write_bytes(data)
    items = list(read_path(str(path), fmt))
    _check_items(items, str(path))
    return items


# --- arbitrary bytes -------------------------------------------------------------------------------------------

_chunks = st.sampled_from(
    [b"\n", b"{", b"}", b"[", b"]", b'"', b",", b":", b"@article{", b"title", b"abstract", b"=", b"<feed>",
     b"<entry>", b"</entry>", b"<title>", b"</title>", b"\x00", b"\xff", b"\xef\xbb\xbf", b'{"title": "a", ',
     b'"abstract": "b"}', b"\\u", b"\r\n", b"\t", b"id,title,abstract\n", b'"data": ',
     # hostile shapes: an integer past Python's 4,300-digit limit, XML declarations and entities, BibTeX macros
     b"9" * 4301, b'"year": ' + b"9" * 4400, b"<!DOC", b"TYPE f [", b'<!ENTITY a "aaaaaaaaaa">', b"&a;", b"]>",
     b'@string{m = "xxxxxxxxxx"}', b"@string{n = m # m # m # m}", b"abstract = n # n", b"\x1f\x8b"]
)
_bytes = st.one_of(
    st.binary(max_size=3000), st.lists(st.one_of(_chunks, st.binary(max_size=20)), max_size=80).map(b"".join)
)  # no overall byte cap on the chunk lists: a 4,301-digit integer must be reachable


@pytest.mark.parametrize("fmt", [*FORMATS, None])
@SETTINGS
@given(data=_bytes)
def test_arbitrary_bytes_never_crash(scratch: Path, fmt: str | None, data: bytes) -> None:
    _read_bytes(scratch, data, fmt)


@SETTINGS
@given(data=_bytes)
def test_arbitrary_gzipped_bytes_never_crash(scratch: Path, data: bytes) -> None:
    _read_bytes(scratch, gzip.compress(data), None, "in.gz")
    _read_bytes(scratch, gzip.compress(data)[: len(data) // 2], None, "cut.gz")


@pytest.mark.parametrize("fmt", [*FORMATS, None])
@SETTINGS
@given(data=_bytes)
def test_arbitrary_bytes_counts_reconcile_through_intake(scratch: Path, fmt: str | None, data: bytes) -> None:
    (scratch / "in").write_bytes(data)
    quarantine = scratch / "quarantine.jsonl"
    intake = Intake([str(scratch / "in")], quarantine, fmt=fmt, echo=lambda _msg: None)
    kept = list(intake)
    s = intake.stats
    assert s.read == s.kept + s.duplicates + s.quarantined and s.kept == len(kept)
    lines = quarantine.read_text(encoding="utf-8").splitlines()
    assert len(lines) == s.quarantined
    assert all(set(json.loads(ln)) == {"source", "reason", "raw"} for ln in lines)


# --- arbitrary field values, rendered into each format -----------------------------------------------------------

_json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
_huge_text = st.text(min_size=1, max_size=5).map(lambda s: s * 25_000)  # up to 125k chars: over the limit
_field_text = st.one_of(st.text(max_size=60), st.just(""), st.just("   "), _huge_text)
_json_records = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            "id": st.one_of(st.text(max_size=8), st.integers(), _json_value),
            "paperId": st.text(max_size=8),
            "title": st.one_of(_field_text, _json_value),
            "abstract": st.one_of(_field_text, _json_value),
            "year": _json_value,
            "date": st.one_of(st.text(max_size=12), st.dates().map(str)),
            "update_date": st.text(max_size=12),
            "versions": _json_value,
            "authors": st.one_of(st.text(max_size=20), st.lists(st.text(max_size=8) | _json_value, max_size=3)),
            "categories": _json_value,
            "url": _json_value,
        },
    ),
    max_size=8,
)


def _buckets(items: list[Abstract | Quarantined]) -> tuple[int, int, int]:
    stats: dict[str, int] = {}
    out = list(dedupe(items, stats))
    kept = sum(isinstance(i, Abstract) for i in out)
    return kept, stats.get("duplicates", 0), sum(isinstance(i, Quarantined) for i in out)


def _is_good(rec: dict[str, object]) -> bool:
    """Records that must be kept: text title and abstract within limits, a plain id."""
    t, a, i = rec.get("title"), rec.get("abstract"), rec.get("id")
    return (
        isinstance(t, str) and isinstance(a, str) and bool(t.strip()) and bool(a.strip())
        and "\x00" not in t + a and len(t) <= MAX_TITLE_CHARS and len(a) <= MAX_ABSTRACT_CHARS
        and (i is None or (isinstance(i, str | int) and not isinstance(i, bool)))
    )


@SETTINGS
@given(records=_json_records, ascii_only=st.booleans())
def test_jsonl_one_item_per_record(scratch: Path, records: list[dict[str, object]], ascii_only: bool) -> None:
    data = "".join(json.dumps(r, ensure_ascii=ascii_only) + "\n" for r in records).encode("utf-8", "surrogatepass")
    items = _read_bytes(scratch, data, None, "in.jsonl")
    assert len(items) == len(records)
    for rec, item in zip(records, items, strict=True):
        if _is_good(rec):
            assert isinstance(item, Abstract), item
            assert item.title == clean(rec["title"]) and item.abstract == clean(rec["abstract"])  # type: ignore[arg-type]
    assert sum(_buckets(items)) == len(records)


@SETTINGS
@given(records=_json_records, indent=st.sampled_from([None, 1, 4]), wrap=st.booleans())
def test_json_document_one_item_per_record(
    scratch: Path, records: list[dict[str, object]], indent: int | None, wrap: bool
) -> None:
    doc = {"total": len(records), "data": records} if wrap else records
    items = _read_bytes(scratch, json.dumps(doc, indent=indent).encode(), None, "in.json")
    assert len(items) == len(records)
    for rec, item in zip(records, items, strict=True):
        if _is_good(rec):
            assert isinstance(item, Abstract), item


_line_text = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\x85"), min_size=1, max_size=80
).filter(lambda s: bool(s.strip()) and not _CHROME.match(s.strip()) and not s.strip().startswith("Subscribe"))


@SETTINGS
@given(pairs=st.lists(st.tuples(_line_text, _line_text), max_size=8), blank=st.booleans())
def test_hf_pages_pair_titles_and_abstracts(scratch: Path, pairs: list[tuple[str, str]], blank: bool) -> None:
    sep = "\n\n" if blank else "\n"
    data = "".join(f"{t}{sep}{a}{sep}" for t, a in pairs).encode()
    items = _read_bytes(scratch, data, None, "in.txt")
    assert len(items) == len(pairs)
    for (t, a), item in zip(pairs, items, strict=True):
        assert isinstance(item, Abstract)
        assert (item.title, item.abstract) == (clean(t), clean(a))


_csv_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@SETTINGS
@given(rows=st.lists(st.tuples(_csv_text, _csv_text, _csv_text, st.integers(1900, 2100)), max_size=8))
def test_csv_one_item_per_row(scratch: Path, rows: list[tuple[str, str, str, int]]) -> None:
    buf = io.StringIO(newline="")
    w = csv.writer(buf)
    w.writerow(["id", "title", "abstract", "year"])
    w.writerows(rows)
    items = _read_bytes(scratch, buf.getvalue().encode(), None, "in.csv")
    assert len(items) == len(rows)
    for (_i, t, a, y), item in zip(rows, items, strict=True):
        if _is_good({"title": t, "abstract": a}):
            assert isinstance(item, Abstract) and item.title == clean(t) and item.year == y


_bib_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="{}\\~@"), max_size=60
)
_bib_key = st.from_regex(r"[A-Za-z][A-Za-z0-9_:.-]{0,15}", fullmatch=True)


@SETTINGS
@given(
    entries=st.lists(st.tuples(_bib_key, _bib_text, _bib_text, st.integers(1900, 2100)), max_size=6),
    quoted=st.booleans(),
)
def test_bibtex_one_item_per_entry(scratch: Path, entries: list[tuple[str, str, str, int]], quoted: bool) -> None:
    def val(s: str) -> str:
        return '"' + s.replace('"', "{\"}") + '"' if quoted else "{" + s + "}"

    text = "".join(
        f"@article{{{k},\n  title = {val(t)},\n  abstract = {val(a)},\n  year = {y}\n}}\n\n" for k, t, a, y in entries
    )
    items = _read_bytes(scratch, text.encode(), None, "in.bib")
    assert len(items) == len(entries)
    for (k, t, a, y), item in zip(entries, items, strict=True):
        if _is_good({"title": t, "abstract": a}):
            assert isinstance(item, Abstract), item
            assert item.id == k and item.year == y
            assert item.title == clean(unicodedata.normalize("NFC", t))


_xml_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"), max_size=60
)


@SETTINGS
@given(entries=st.lists(st.tuples(_xml_text, _xml_text), max_size=6))
def test_atom_one_item_per_entry(scratch: Path, entries: list[tuple[str, str]]) -> None:
    body = "".join(
        f"<entry><id>http://arxiv.org/abs/2101.{n:05d}v1</id><title>{escape(t)}</title>"
        f"<summary>{escape(a)}</summary><published>2021-01-0{n % 9 + 1}T00:00:00Z</published></entry>\n"
        for n, (t, a) in enumerate(entries)
    )
    doc = f'<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n{body}</feed>\n'
    items = _read_bytes(scratch, doc.encode(), None, "in.xml")
    assert len(items) == len(entries)
    for n, ((t, a), item) in enumerate(zip(entries, items, strict=True)):
        if _is_good({"title": t, "abstract": a}):
            assert isinstance(item, Abstract) and item.id == f"2101.{n:05d}" and item.title == clean(t)


@SETTINGS
@given(
    papers=st.lists(
        st.tuples(st.sampled_from(["a", "b", "c", "d"]), st.sampled_from(["T1", "T2"]), st.sampled_from(["x", "y"])),
        max_size=20,
    )
)
def test_dedupe_buckets(papers: list[tuple[str, str, str]]) -> None:
    items: list[Abstract | Quarantined] = [Abstract(i, t, a, f"f:{n}") for n, (i, t, a) in enumerate(papers)]
    kept, dup, bad = _buckets(items)
    assert kept + dup + bad == len(papers)
    assert kept == len({i for i, _t, _a in papers})


def test_readers_registry_covers_the_formats() -> None:
    assert set(FORMATS) <= set(READERS)
