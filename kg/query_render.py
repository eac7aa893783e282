"""Rows of a saved query as text for ``kg query --format table|json|csv``, and ``k=v`` parameter parsing."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

FORMATS = ("table", "json", "csv")
MAX_CELL = 60  # table cells longer than this are cut with an ellipsis (json/csv keep everything)
# C0/C1 controls (ESC starts terminal escape sequences), DEL, and bidi overrides that reorder what is shown.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets evaluate (OWASP CSV injection)


def printable_cell(text: str) -> str:
    """Text safe to print on a terminal: control characters (escape sequences) shown as U+FFFD.

    >>> printable_cell("ok\x1b]0;pwned\x07")
    'ok\ufffd]0;pwned\ufffd'
    """
    return _CONTROLS.sub("\ufffd", text)


def inert_csv_cell(value: object) -> object:
    """A CSV value a spreadsheet will not run: text starting like a formula gets a leading apostrophe.

    >>> print(inert_csv_cell('=HYPERLINK("http://x","y")'), inert_csv_cell("-1.5"), inert_csv_cell(-1.5))
    '=HYPERLINK("http://x","y") '-1.5 -1.5
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """``["k=v", ...]`` from ``--param`` options as a dict; values stay strings until the query types them.

    >>> parse_params(["model=GPT-4", "limit=5", "q=a=b"])
    {'model': 'GPT-4', 'limit': '5', 'q': 'a=b'}
    """
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--param wants NAME=VALUE, got {pair!r}")
        out[key.strip()] = value
    return out


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return printable_cell(" ".join(str(value).split()))


def _columns(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None) -> list[str]:
    if columns:
        return list(columns)
    return list(rows[0]) if rows else []


def render_table(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    """An aligned plain-text table, long cells cut to ``MAX_CELL`` characters.

    >>> print(render_table([{"name": "LoRA", "papers": 3}, {"name": "RLHF", "papers": 12}]))
    name  papers
    ----  ------
    LoRA  3
    RLHF  12
    (2 rows)
    """
    keys = _columns(rows, columns)
    if not keys:
        return "(no rows)"
    cols = [printable_cell(c) for c in keys]
    cells = [[_cell(r.get(c)) for c in keys] for r in rows]
    cells = [[v if len(v) <= MAX_CELL else v[: MAX_CELL - 1] + "…" for v in line] for line in cells]
    widths = [max([len(c), *(len(line[i]) for line in cells)]) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() for line in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def render_json(rows: Sequence[dict[str, Any]]) -> str:
    """The rows as a JSON array (UTF-8 text, lists kept as lists)."""
    return json.dumps(list(rows), ensure_ascii=False, indent=2)


def render_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    """CSV with a header row; list cells are joined with ``"; "``.

    >>> print(render_csv([{"name": "LoRA", "aliases": ["Low-Rank Adaptation", "LoRA"]}]), end="")
    name,aliases
    LoRA,Low-Rank Adaptation; LoRA
    """
    cols = _columns(rows, columns)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if cols:
        writer.writerow(cols)
    for r in rows:
        writer.writerow([inert_csv_cell("; ".join(map(str, v)) if isinstance(v, list | tuple) else "" if v is None
                                        else v) for v in (r.get(c) for c in cols)])
    return buf.getvalue()


def render(rows: Sequence[dict[str, Any]], fmt: str = "table", columns: Sequence[str] | None = None) -> str:
    """Rows in one of ``FORMATS``; ``columns`` (e.g. ``SavedQuery.columns``) gives headers when empty."""
    if fmt == "table":
        return render_table(rows, columns)
    if fmt == "json":
        return render_json(rows)
    if fmt == "csv":
        return render_csv(rows, columns)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
