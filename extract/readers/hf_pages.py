"""Hugging Face daily-papers pages saved as text: the page chrome is skipped, each title and abstract read."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import BinaryIO

from extract.readers.fields import Item, abstract_from_fields
from extract.readers.lines import decode, iter_lines, printable
from extract.records import Quarantined

__all__ = ["read_hf_papers"]


_CHROME = re.compile(
    r"^(new|subscribe|get trending papers in your email inbox( once a day)?!?|"
    r"by ?ak and the research community|"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}(, \d{4})?)$",
    re.IGNORECASE,
)
_SUBSCRIBE_PREFIX = re.compile(r"^Subscribe(?=\S)")
_PAGE_DATE = re.compile(r"^([a-z]{3})[a-z]* (\d{1,2}), (\d{4})$", re.IGNORECASE)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _page_date(line: str) -> str | None:
    """``Dec 4, 2023`` (a daily-papers date header with a year) -> ``2023-12-04``."""
    m = _PAGE_DATE.match(line)
    if m is None or m[1].lower() not in _MONTHS:
        return None
    try:
        return dt.date(int(m[3]), _MONTHS.index(m[1].lower()) + 1, int(m[2])).isoformat()
    except ValueError:
        return None


def read_hf_papers(stream: BinaryIO, name: str) -> Iterator[Item]:
    """Hugging Face daily-papers page dumps: page chrome, then alternating title and abstract lines.

    Both layouts are handled: with and without blank lines and date headers. Chrome glued to a
    title ("SubscribeGLM: ...") is cut off. A bad line in the abstract slot quarantines its title with it,
    so the alternation (and the count) stays right. A date header with a year dates the papers under it.
    """
    pending: tuple[int, str] | None = None  # (line number, title) waiting for its abstract
    date: str | None = None
    for item in iter_lines(stream, name):
        if isinstance(item, Quarantined):
            if pending is not None:
                item = Quarantined(f"{name}:{pending[0]}", f"{item.reason} in the abstract of this title",
                                   printable(pending[1] + "\n" + item.raw))
                pending = None
            yield item
            continue
        lineno, raw = item
        line = decode(raw).strip()
        if not line or _CHROME.match(line):
            date = _page_date(line) or date
            continue
        line = _SUBSCRIBE_PREFIX.sub("", line)
        if pending is None:
            pending = (lineno, line)
            continue
        t_line, title = pending
        pending = None
        yield abstract_from_fields({"title": title, "abstract": line, "date": date}, f"{name}:{t_line}")
    if pending is not None:
        yield Quarantined(f"{name}:{pending[0]}", "title without an abstract (truncated page?)", printable(pending[1]))
