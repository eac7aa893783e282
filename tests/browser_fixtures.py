"""Fixtures for tests marked ``browser``: Debian's headless Chromium driven by Playwright, one per session.

No browser is ever downloaded: Playwright launches ``/usr/bin/chromium`` through ``executable_path``.
If it is missing the tests fail (never skip), so CI cannot pass without really running them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_NOT_FILE = re.compile(r"^(?!file:)")


@dataclass
class RecordedPage:
    """A Playwright page plus what it logged: console errors, uncaught exceptions and every request.

    ``requests`` holds the URL of every request the page made, web sockets included.
    """

    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.page, name)

    def open(self, path: Path, *, timeout_ms: int = 30_000) -> None:
        """Load a local page and wait until kg's graph has drawn its final layout."""
        self.page.goto(path.resolve().as_uri())
        # a function, not an expression: string predicates are eval'd, which the pages' CSP forbids
        self.page.wait_for_function("() => window.kgReady === true", timeout=timeout_ms)

    def network_requests(self) -> list[str]:
        """Requests that are not ``file://`` (http, https, ws, data: fetches, ...): a page must make none."""
        return [u for u in self.requests if urlsplit(u).scheme != "file"]

    def files_outside(self, root: Path) -> list[str]:
        """``file://`` requests for anything outside ``root``: a page may load only its own site's files."""
        top = root.resolve()
        out = []
        for u in self.requests:
            parts = urlsplit(u)
            if parts.scheme == "file" and (parts.netloc not in ("", "localhost")
                                           or not Path(url2pathname(parts.path)).resolve().is_relative_to(top)):
                out.append(u)
        return out

    def files(self) -> list[str]:
        """The ``file://`` URLs requested, in order."""
        return [u for u in self.requests if urlsplit(u).scheme == "file"]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Headless Debian Chromium (Playwright ``Browser``), shared by the whole session."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: browser tests need Debian's chromium (apt-get install chromium); "
                    "they never download a browser", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page_factory(chromium: Any) -> Iterator[Callable[..., RecordedPage]]:
    """Make recorded pages in fresh contexts; keyword arguments go to ``new_context`` (e.g. ``bypass_csp``)."""
    contexts: list[Any] = []

    def make(**context_args: Any) -> RecordedPage:
        context_args.setdefault("viewport", {"width": 1280, "height": 800})
        context = chromium.new_context(**context_args)
        contexts.append(context)
        # anything that is not file:// is recorded below and then refused, so a test never reaches the network
        context.route(_NOT_FILE, lambda route: route.abort())
        rec = RecordedPage(context.new_page())
        rec.page.on("console", lambda m: m.type == "error" and rec.errors.append(m.text))
        rec.page.on("pageerror", lambda e: rec.errors.append(f"uncaught: {e}"))
        rec.page.on("request", lambda r: rec.requests.append(r.url))
        rec.page.on("websocket", lambda ws: rec.requests.append(ws.url))  # not reported as requests
        return rec

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(page_factory: Callable[..., RecordedPage]) -> RecordedPage:
    """A fresh page that records console errors and network requests."""
    return page_factory()
