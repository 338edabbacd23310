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
from launcher.timestamp import source_date_epoch
from launcher.tool import EXIT_OK, ToolRunner

SITE_FOLDER = "site"
STAGING_PREFIX, RETIRED_PREFIX = ".site-tmp-", ".site-old-"  # .gitignore ignores .site-*/


def build_environment(root: Path) -> dict[str, str]:
    """Return what the build's tools get in their environment on top of ours."""
    return {
        "SOURCE_DATE_EPOCH": source_date_epoch(root),  # sitemap dates and gzip headers come from the commit
        "NO_MKDOCS_2_WARNING": os.environ.get("NO_MKDOCS_2_WARNING", "1"),  # MkDocs' banner is not for contributors
    }


def publish_site(run: ToolRunner, target: Path, extra: Sequence[str]) -> int:
    """Build into a fresh folder next to the target and swap it in only if the build and its audit succeeded."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with sigterm_as_exit():
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=target.parent))
        try:
            staging.chmod(0o755)  # mkdtemp makes it private; the published site must be readable by a web server
            return build_into(run, staging, target, extra)
        except (KeyboardInterrupt, SystemExit):
            if staging.exists():  # not yet swapped in
                say(f"Build abgebrochen: {shown_path(target)}/ bleibt, wie es war")
            raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def build_into(run: ToolRunner, staging: Path, target: Path, extra: Sequence[str]) -> int:
    """Run MkDocs into the staging folder, set each page's policy, audit the result, then swap it in."""
    shown = shown_path(target)
    code = run(["-m", "mkdocs", "build", "--strict", "--site-dir", staging, *extra])
    if code != EXIT_OK:
        say(f"Build fehlgeschlagen: {shown}/ bleibt unverändert")
        return code
    # Each page's Content-Security-Policy, from its own inline scripts: whatever the engine wrote, before the audit.
    code = run(["-m", "guideline.cli", "csp", "--site-dir", staging, "--display-path", shown])
    if code != EXIT_OK:
        say(f"Die Content-Security-Policy ließ sich nicht setzen (siehe oben): {shown}/ bleibt unverändert")
        return code
    code = run(["-m", "guideline.cli", "audit", "--site-dir", staging, "--display-path", shown])
    if code != EXIT_OK:
        say(f"Die gebaute Website hat Fehler (siehe oben): {shown}/ bleibt unverändert")
        return code
    swap_site(staging, target)
    say(f"Website gebaut und geprüft: {shown}/")
    return EXIT_OK


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
