"""The live preview survives data errors: it shows them as a page and recovers when they are fixed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from guideline.site import build_preview
from support import make_project

REPO_ROOT = Path(__file__).resolve().parent.parent
TYPO = "  - id: community-manager\n    severty: hoch\n"


def break_roles(data: Path) -> int:
    """Insert an unknown key under a role of the shipped roles.yml; return the line of that key."""
    roles = data / "roles.yml"
    text = roles.read_text(encoding="utf-8")
    assert "  - id: community-manager\n" in text
    roles.write_text(text.replace("  - id: community-manager\n", TYPO, 1), encoding="utf-8")
    return text.split("\n").index("  - id: community-manager") + 2




def test_preview_with_errors_is_one_page_listing_them(tmp_path: Path) -> None:
    project = make_project(tmp_path, REPO_ROOT / "example_data")
    line = break_roles(project / "guideline_data")

    build = build_preview(project / "guideline_data", project)

    assert [page.src_uri for page in build.pages] == ["index.md"]
    markdown = build.pages[0].markdown
    assert f"## Fehler G101 in guideline\\_data/roles\\.yml:{line}:5" in markdown
    assert "unbekannter Schlüssel 'severty'" in markdown
    assert str(build.pages[0].edit_path) == "guideline_data/roles.yml"


def test_preview_without_errors_is_the_guideline(tmp_path: Path) -> None:
    build = build_preview(REPO_ROOT / "example_data", REPO_ROOT)
    assert not build.report.errors
    assert len(build.pages) > 20


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch_heading(url: str, deadline: float) -> str:
    """Return the first h1 text of the page, retrying until the server answers or the deadline passes."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                html = response.read().decode("utf-8")
            return BeautifulSoup(html, "html.parser").find("h1").get_text(strip=True).rstrip("¶")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


@pytest.fixture
def served_broken_project(tmp_path: Path) -> Iterator[tuple[Path, str, int]]:
    project = make_project(tmp_path, REPO_ROOT / "example_data")
    line = break_roles(project / "guideline_data")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        yield project, f"http://127.0.0.1:{port}/", line
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_mkdocs_serve_stays_up_and_shows_the_errors(served_broken_project: tuple[Path, str, int]) -> None:
    _, url, line = served_broken_project
    assert fetch_heading(url, time.monotonic() + 120) == "Der Leitfaden enthält Fehler"
    with urllib.request.urlopen(url, timeout=5) as response:
        text = BeautifulSoup(response.read().decode("utf-8"), "html.parser").get_text()
    assert f"guideline_data/roles.yml:{line}:5" in text
    assert "unbekannter Schlüssel 'severty'" in text


def test_mkdocs_serve_recovers_when_the_error_is_fixed(served_broken_project: tuple[Path, str, int]) -> None:
    project, url, _ = served_broken_project
    assert fetch_heading(url, time.monotonic() + 120) == "Der Leitfaden enthält Fehler"
    roles = project / "guideline_data" / "roles.yml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("    severty: hoch\n", ""), encoding="utf-8")
    deadline = time.monotonic() + 120
    while (heading := fetch_heading(url, deadline)) == "Der Leitfaden enthält Fehler":
        assert time.monotonic() < deadline, "the preview did not rebuild after the fix"
        time.sleep(1)
    assert heading == "Social-Media-Leitfaden"
