"""Edit → served: how long the live preview takes to show one edit, against a hand-written page in plain MkDocs.

Both previews run at the same time, each on its own port (`mkdocs serve --dirty`, as `build.py serve` starts
it); edits alternate between them. One round writes a new word into the data file (ours) or the Markdown file
(theirs) and polls the page until the server sends it back: file watcher, rebuild and serving all count.
The plain project holds the very pages the guideline renders, as hand-written Markdown, without the hook.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..site import build_site
from .measure import Comparison, Run

POLL_SECONDS = 0.05
STARTUP_SECONDS = 1800.0  # the first build of a large guideline on a shared machine takes minutes
ROUND_SECONDS = 600.0
Edit = Callable[[str, str], str]
"""Return a file's text with a marker word put in; the page must show the marker afterwards."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def page_text(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def wait_for(url: str, marker: str, seconds: float) -> None:
    """Poll the page until it contains the marker; fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while marker not in (page_text(url) or ""):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not show {marker!r} within {seconds:.0f} s")
        time.sleep(POLL_SECONDS)


@contextmanager
def served(project: Path, options: tuple[str, ...] = ("--dirty",)) -> Iterator[str]:
    """Run `mkdocs serve` in the project until the block ends; yield its address once it answers."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", *options, "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    address = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while page_text(address) is None:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"mkdocs serve in {project} did not start")
            time.sleep(0.5)
        yield address
    finally:
        server.terminate()
        server.wait(timeout=60)


def time_edit(source: Path, edit: Edit, url: str, marker: str) -> Run:
    """Write the edit and time until the page shows it."""
    text = edit(source.read_text(encoding="utf-8"), marker)
    started = time.perf_counter()
    source.write_text(text, encoding="utf-8")
    wait_for(url, marker, ROUND_SECONDS)
    return Run(time.perf_counter() - started)


def append_paragraph(text: str, marker: str) -> str:
    """Edit a Markdown page: one more paragraph at its end."""
    return f"{text.rstrip()}\n\n{marker}\n"


def first_step_word(text: str, marker: str) -> str:
    """Edit a synthetic scenario: a word more in its first step's text (the step texts start with '  action: ')."""
    return text.replace("  action: ", f"  action: {marker} ", 1)


def plain_project(project: Path, target: Path) -> Path:
    """Write the guideline's rendered pages as hand-written Markdown into a MkDocs project without the hook."""
    shutil.copytree(project / "docs", target / "docs", dirs_exist_ok=True)
    shutil.copytree(project / "hooks" / "theme", target / "hooks" / "theme", dirs_exist_ok=True)
    for page in build_site(project / "guideline_data", project).pages:
        path = target / "docs" / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown, encoding="utf-8")
    kept = _without_blocks((project / "mkdocs.yml").read_text(encoding="utf-8"), ("hooks:", "watch:"))
    (target / "mkdocs.yml").write_text(kept, encoding="utf-8")
    return target


def _without_blocks(config: str, keys: tuple[str, ...]) -> str:
    """Drop top-level blocks (the key line and its indented lines) from a YAML text."""
    lines, skipping = [], False
    for line in config.splitlines(keepends=True):
        if line[:1].strip():
            skipping = line.startswith(keys)
        if not skipping:
            lines.append(line)
    return "".join(lines)


def serve_latency(project: Path, plain: Path, scenario: str, page: str, rounds: int = 3) -> Comparison:
    """Time edit → served for a scenario of `project` and the same page, hand-written, in `plain`; alternating."""
    ours: list[Run] = []
    theirs: list[Run] = []
    source = project / "guideline_data" / "scenarios" / f"{scenario}.yml"
    markdown = plain / "docs" / page.replace("/", os.sep)
    url_path = page.removesuffix("index.md") if page.endswith("index.md") else page.removesuffix(".md") + "/"
    with served(project) as our_address, served(plain) as their_address:
        for round_number in range(rounds):
            ours.append(time_edit(source, first_step_word, our_address + url_path, f"Markeunser{round_number}x"))
            theirs.append(time_edit(markdown, append_paragraph, their_address + url_path,
                                    f"Markeplain{round_number}x"))
    return Comparison("Vorschau: Änderung bis Auslieferung gegen handgeschriebene Seite (mkdocs serve --dirty)",
                      tuple(ours), tuple(theirs))
