"""Helpers for the browser tests: build and serve the site locally, drive Debian's Chromium, watch it.

Nothing here may reach the network. Playwright drives the system's Chromium (never a browser it
downloaded), every page comes from a server on 127.0.0.1, and each browser context records the
requests, Content-Security-Policy violations and script errors of its pages, so that a test fails
when anything tries to leave the machine. The fixtures that use these helpers are in conftest.py.
"""

from __future__ import annotations

import contextlib
import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from guideline.codes import all_codes
from guideline.history import data_history
from guideline.plan.pages import plan_pages
from guideline.site import load_guideline
from playwright.sync_api import Browser, BrowserContext, Page, Request, sync_playwright

REPO_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("GUIDELINE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
LOCAL_HOST = "127.0.0.1"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
MISSING_PAGE = "gibt-es-nicht/"
"""A URL that no page has: the server answers with the site's 404 page."""

HAND_WRITTEN_PAGES = {"mitmachen": "mitmachen/", "404": MISSING_PAGE}

REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__reportCspViolation({
    directive: event.effectiveDirective, blocked: event.blockedURI, page: event.documentURI,
  });
});
"""


# --- the site ------------------------------------------------------------------------------------


def build_site(project: Path, site_dir: Path) -> None:
    """Build a project with `mkdocs build --strict`, as build.py does; fail with MkDocs' output."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}{result.stderr}")


def page_url(src_uri: str) -> str:
    """Return the directory URL MkDocs gives a Markdown file: 'rollen/index.md' → 'rollen/'."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def is_redirect(html: str) -> bool:
    """Tell a redirect from a former address (a meta refresh, no theme, no script) from a page of the guideline."""
    return 'http-equiv="refresh"' in html


def guideline_pages(site: Path) -> dict[str, str]:
    """Return the HTML of every built page by its path, redirects from former addresses left out."""
    pages = {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}
    return {name: html for name, html in pages.items() if not is_redirect(html)}


def page_kinds() -> dict[str, str]:
    """Return one page URL for every kind of page: each generated template, plus the hand-written ones."""
    guideline, report = load_guideline(REPO_ROOT / "example_data", REPO_ROOT)
    if guideline is None:
        raise AssertionError(f"the shipped guideline does not load: {report}")
    kinds: dict[str, str] = {}
    history = data_history(REPO_ROOT / "example_data", REPO_ROOT)  # "Was ist neu?" exists only with git
    for planned in plan_pages(guideline, all_codes(), history=history):
        kinds.setdefault(planned.template.removesuffix(".md.j2"), page_url(planned.src_uri))
    return {**kinds, **HAND_WRITTEN_PAGES}


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Serve a built site as a web server would: the site's own 404 page, and no log on stderr."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's signature
        pass


@contextlib.contextmanager
def serve_site(site: Path) -> Iterator[str]:
    """Serve a folder on a free port of 127.0.0.1 in a thread; yield its base URL."""
    handler = functools.partial(SiteRequestHandler, directory=str(site))
    server = ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=f"site-server-{site.name}", daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --- the browser ---------------------------------------------------------------------------------


@contextlib.contextmanager
def launch_chromium() -> Iterator[Browser]:
    """Launch the system's Chromium headless; Playwright never downloads a browser for it."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


@dataclass(frozen=True)
class CspViolation:
    """One resource or script the Content-Security-Policy blocked."""

    directive: str
    blocked: str
    page: str


@dataclass
class BrowserWatch:
    """What the pages of one test did that no page should do (filled in as it happens)."""

    foreign_requests: list[str] = field(default_factory=list)
    blocked_by_policy: list[str] = field(default_factory=list)
    csp_violations: list[CspViolation] = field(default_factory=list)
    script_errors: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        """Record the requests, CSP violations and uncaught script errors of every page of a context."""
        context.on("request", self._record_request)
        context.on("requestfailed", self._record_failure)
        context.expose_function("__reportCspViolation", self._record_violation)
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        context.on("page", lambda page: page.on("pageerror", lambda error: self.script_errors.append(str(error))))

    def _record_request(self, request: Request) -> None:
        if not is_local(request.url):
            self.foreign_requests.append(request.url)

    def _record_failure(self, request: Request) -> None:
        # Chromium reports a request that the policy stopped before it reached the network, too:
        # as a request that failed with the reason "csp".
        if not is_local(request.url) and request.failure in {"csp", "net::ERR_BLOCKED_BY_CSP"}:
            self.blocked_by_policy.append(request.url)

    def _record_violation(self, violation: dict[str, str]) -> None:
        self.csp_violations.append(CspViolation(**violation))

    def sent_requests(self) -> list[str]:
        """Return the foreign requests that were not stopped by the policy before leaving the browser."""
        sent = list(self.foreign_requests)
        for url in self.blocked_by_policy:
            sent.remove(url)
        return sent

    def problems(self) -> list[str]:
        """Describe everything recorded, one line each; empty if the pages behaved."""
        return [
            *(f"request to a foreign host: {url}" for url in self.sent_requests()),
            *(f"CSP violation ({v.directive}) on {v.page}: {v.blocked}" for v in self.csp_violations),
            *(f"script error: {error}" for error in self.script_errors),
        ]


def is_local(url: str) -> bool:
    """Tell whether a request stays on this machine: a local server, or data the page already holds."""
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob", "about"}:
        return True
    return parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname == LOCAL_HOST


def settle(page: Page) -> None:
    """Wait until the page has rendered twice, so observers that run before a paint have run."""
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


def heading_text(page: Page) -> str:
    """Return the text of the page's h1, without its permalink sign."""
    return page.locator("article h1").first.evaluate(
        "(h) => { const c = h.cloneNode(true); c.querySelectorAll('.headerlink').forEach((a) => a.remove());"
        " return c.textContent.trim(); }"
    )


def squash(text: str) -> str:
    """Collapse runs of whitespace, as HTML rendering does."""
    return " ".join(text.split())


# --- search ----------------------------------------------------------------------------------------

SEARCH_PLACEHOLDER = "Suchbegriff eingeben"


def search_results(page: Page, query: str) -> list[str]:
    """Type a query into Material's search box as a reader does; return the result pages' paths, best first."""
    from playwright.sync_api import expect

    box = page.locator(".md-search__input")
    box.fill("")
    box.press("End")  # Material searches on key presses; an empty query brings the placeholder back
    expect(page.locator(".md-search-result__meta")).to_have_text(SEARCH_PLACEHOLDER, timeout=15_000)
    box.fill(query)
    box.press("End")  # one search for the whole query, never for a part of it
    expect(page.locator(".md-search-result__meta")).not_to_have_text(SEARCH_PLACEHOLDER, timeout=15_000)
    links = page.locator(".md-search-result__item > .md-search-result__link")
    return [urlsplit(href).path for href in links.evaluate_all("(links) => links.map((a) => a.href)")]
