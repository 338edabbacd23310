"""Shared fixtures: the repository, a display path, and inline YAML loaded through the real loader."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import pytest
from guideline.diagnostics import format_diagnostic
from guideline.load.source import LoadedFile, load_yaml
from support import REPO_ROOT, mkdocs_build

if TYPE_CHECKING:
    from browser import BrowserWatch
    from playwright.sync_api import Browser, BrowserContext, Page



@pytest.fixture
def repo_root() -> Path:
    """Return the repository's root folder."""
    return REPO_ROOT


@pytest.fixture
def display_path() -> PurePosixPath:
    """Return the path shown in messages for inline test data."""
    return PurePosixPath("guideline_data/roles.yml")


@pytest.fixture
def load_inline(display_path: PurePosixPath) -> Callable[..., LoadedFile]:
    """Return a function that dedents inline YAML and loads it, failing the test on any diagnostic."""

    def load(text: str, path: PurePosixPath = display_path) -> LoadedFile:
        loaded, diagnostics = load_yaml(path, textwrap.dedent(text).encode("utf-8"))
        if loaded is None or diagnostics:
            pytest.fail("\n".join(format_diagnostic(d) for d in diagnostics))
        return loaded

    return load


# --- browser tests: the shipped site in Chromium (helpers in tests/browser.py) ----------------------


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the shipped guideline once per test session with `mkdocs build --strict`; tests only read it."""
    site = tmp_path_factory.mktemp("shipped") / "site"
    result = mkdocs_build(REPO_ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def built_site(shipped_site: Path) -> Path:
    """Return the shipped site as the browser tests serve it."""
    return shipped_site


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1; return its base URL."""
    from browser import serve_site

    with serve_site(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """Launch Debian's Chromium once per test session; skip the browser tests without it."""
    from browser import CHROMIUM, launch_chromium

    if not CHROMIUM.is_file():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt install chromium, or set GUIDELINE_CHROMIUM)")
    with launch_chromium() as browser:
        yield browser


@pytest.fixture
def browser_watch() -> BrowserWatch:
    """Return the record of foreign requests, CSP violations and script errors of this test's pages."""
    from browser import BrowserWatch

    return BrowserWatch()


@pytest.fixture
def open_context(chromium: Browser, browser_watch: BrowserWatch) -> Iterator[Callable[..., BrowserContext]]:
    """Return a function that opens a watched browser context; fail the test if a page misbehaved."""
    from browser import DESKTOP

    contexts: list[BrowserContext] = []

    def open_watched(**options: Any) -> BrowserContext:
        context = chromium.new_context(**{"viewport": DESKTOP, "locale": "de-DE", "color_scheme": "light", **options})
        browser_watch.attach(context)
        contexts.append(context)
        return context

    yield open_watched
    for context in contexts:
        for page in context.pages:
            if not page.is_closed():
                page.evaluate("1")  # a round trip: deliver events the page sent before the test ended
        context.close()
    problems = browser_watch.problems()
    assert not problems, "the browser did what no page of the site may do:\n" + "\n".join(problems)


@pytest.fixture
def browser_page(open_context: Callable[..., BrowserContext]) -> Page:
    """Return a page in a watched desktop-sized context (light colour scheme, German locale)."""
    return open_context().new_page()
