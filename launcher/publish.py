"""Publishing the site atomically: build into a fresh folder, audit it, then swap it in whole.

A failed or interrupted build (Ctrl-C, SIGTERM) leaves the previous site as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
from pathlib import Path
from types import FrameType
from typing import Iterator, Sequence

from launcher.console import say
from launcher.terminal import Terminal, banner_environment
from launcher.timestamp import source_date_epoch
from launcher.tool import EXIT_OK, ToolRunner

SITE_FOLDER = "site"
PAGE_SUFFIXES = frozenset({".html", ".htm"})  # what the audit counts as pages
STAGING_PREFIX, RETIRED_PREFIX = ".site-tmp-", ".site-old-"  # .gitignore ignores .site-*/


def build_environment(root: Path) -> dict[str, str]:
    """Return what the build's tools get in their environment on top of ours."""
    return {
        "SOURCE_DATE_EPOCH": source_date_epoch(root),  # sitemap dates and gzip headers come from the commit
        **banner_environment(os.environ),  # Material's banner is not for contributors
    }


def publish_site(run: ToolRunner, target: Path, extra: Sequence[str], terminal: Terminal | None = None) -> int:
    """Build into a fresh folder next to the target and swap it in only if the build and its audit succeeded.

    The terminal (if the run's output goes through one) counts MkDocs' warnings for the closing summary.
    """
    terminal = terminal or Terminal(verbose=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    with sigterm_as_exit():
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=target.parent))
        try:
            staging.chmod(0o755)  # mkdtemp makes it private; the published site must be readable by a web server
            return build_into(run, staging, target, extra, terminal)
        except (KeyboardInterrupt, SystemExit):
            if staging.exists():  # not yet swapped in
                say(f"Build abgebrochen: {shown_path(target)}/ bleibt, wie es war")
            raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def build_into(run: ToolRunner, staging: Path, target: Path, extra: Sequence[str], terminal: Terminal) -> int:
    """Run MkDocs into the staging folder, set each page's policy, audit the result, then swap it in."""
    shown = shown_path(target)
    quiet = [] if terminal.verbose else ["--quiet"]  # the policy step and the audit: only what they find
    code = run(["-m", "mkdocs", "build", "--strict", "--site-dir", staging, *extra])
    if code != EXIT_OK:
        say(f"Build fehlgeschlagen: {shown}/ bleibt unverändert")
        return code
    # Each page's Content-Security-Policy, from its own inline scripts: whatever the engine wrote, before the audit.
    code = run(["-m", "guideline.cli", "csp", "--site-dir", staging, "--display-path", shown, *quiet])
    if code != EXIT_OK:
        say(f"Die Content-Security-Policy ließ sich nicht setzen (siehe oben): {shown}/ bleibt unverändert")
        return code
    code = run(["-m", "guideline.cli", "audit", "--site-dir", staging, "--display-path", shown, *quiet])
    if code != EXIT_OK:
        say(f"Die gebaute Website hat Fehler (siehe oben): {shown}/ bleibt unverändert")
        return code
    swap_site(staging, target)
    say(built_summary(shown, count_pages(target), terminal.warnings))
    return EXIT_OK


def built_summary(shown: str, pages: int, warnings: int) -> str:
    """Return the one line that ends a successful build, e.g. 'Website gebaut und geprüft: site/ – 49 Seiten, 0 Warnungen'."""
    return (
        f"Website gebaut und geprüft: {shown}/ – {pages} {'Seite' if pages == 1 else 'Seiten'}, "
        f"{warnings} {'Warnung' if warnings == 1 else 'Warnungen'}"
    )


def count_pages(site: Path) -> int:
    """Count the HTML pages of a built site, as the audit does."""
    return sum(1 for path in site.rglob("*") if path.suffix in PAGE_SUFFIXES and path.is_file())


def shown_path(path: Path) -> str:
    """Name a folder for messages: relative to the working directory where possible."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def swap_site(staging: Path, target: Path) -> None:
    """Replace the target by the staging folder with two renames, so the target is never half written."""
    retired = staging.with_name(staging.name.replace(STAGING_PREFIX, RETIRED_PREFIX, 1))
    try:
        with signals_deferred():
            if target.exists():
                os.replace(target, retired)
            try:
                os.replace(staging, target)
            except OSError:
                if retired.exists():
                    os.replace(retired, target)
                raise
    finally:
        shutil.rmtree(retired, ignore_errors=True)


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def sigterm_as_exit() -> Iterator[None]:
    """Turn SIGTERM into SystemExit, so that cleanup runs (by default Python would just vanish)."""
    try:
        previous = signal.signal(signal.SIGTERM, _exit_on_signal)
    except ValueError:  # not in the main thread: signals cannot be handled here
        previous = None
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold back Ctrl-C and SIGTERM for a moment (POSIX only), e.g. between two renames."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
