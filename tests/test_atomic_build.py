"""`python3 build.py build` is atomic: a build that fails or is interrupted leaves the previous site/ as it was.

Each test runs the real launcher in a separate process on a copy of the project, with one change:
the launcher uses this test run's interpreter instead of preparing .venv (which holds the same tools).
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from support import (
    MARKER,
    assert_previous_site_untouched,
    buildable_project,
    launcher_command,
    launcher_environment,
    run_launcher,
)

SLOW_HOOK = """\
import os, time
from pathlib import Path

def on_post_build(config):
    Path(os.environ["GATES_READY_FILE"]).write_text(str(os.getpid()), encoding="utf-8")
    time.sleep(120)
"""
RAISING_HOOK = """\
def on_post_build(config):
    raise RuntimeError("ein Hook ist abgestürzt")
"""


def add_hook(project: Path, name: str, source: str) -> None:
    (project / "hooks" / f"{name}.py").write_text(source, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "hooks:\n  - hooks/guideline_hook.py\n" in text
    config.write_text(text.replace("hooks:\n", f"hooks:\n  - hooks/{name}.py\n", 1), encoding="utf-8")


# --- builds that fail -----------------------------------------------------------------------------


def test_a_data_error_leaves_the_previous_site(tmp_path: Path) -> None:
    project = buildable_project(tmp_path)
    scenario = project / "guideline_data" / "scenarios" / "krise.yml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("owner: social-media-lead", "owner: social-lead"))
    result = run_launcher(project, "build")
    assert result.returncode == 1
    assert "guideline_data/scenarios/krise.yml:7:8: error[G201]: unbekannte Rolle 'social-lead'" in result.stderr
    assert "build.py: Build fehlgeschlagen: site/ bleibt unverändert" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert_previous_site_untouched(project)


def test_a_failing_audit_leaves_the_previous_site(tmp_path: Path) -> None:
    project = buildable_project(tmp_path)
    # Raw HTML is not checked by MkDocs, so only the audit can catch this link.
    (project / "docs" / "kaputt.md").write_text('# Kaputt\n\n<a href="../gibt-es-nicht/">weg</a>\n', encoding="utf-8")
    result = run_launcher(project, "build")
    assert result.returncode == 1
    assert 'site/kaputt/index.html:' in result.stdout
    assert 'Verweis auf eine Datei, die es nicht gibt: <a href> "../gibt-es-nicht/"' in result.stdout
    assert "build.py: Die gebaute Website hat Fehler (siehe oben): site/ bleibt unverändert" in result.stderr
    assert_previous_site_untouched(project)


def test_a_crashing_hook_leaves_the_previous_site(tmp_path: Path) -> None:
    project = buildable_project(tmp_path)
    add_hook(project, "absturz", RAISING_HOOK)
    result = run_launcher(project, "build")
    assert result.returncode == 1
    assert "RuntimeError: ein Hook ist abgestürzt" in result.stderr
    assert_previous_site_untouched(project)


# --- builds that are interrupted ------------------------------------------------------------------


def is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize(("signal_number", "exit_code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_an_interrupted_build_leaves_the_previous_site(tmp_path: Path, signal_number: int, exit_code: int) -> None:
    project = buildable_project(tmp_path)
    add_hook(project, "langsam", SLOW_HOOK)
    ready = tmp_path / "mkdocs-is-writing"
    # Output goes to files, not pipes: a MkDocs left running must not keep the test waiting.
    with (tmp_path / "stderr.txt").open("w", encoding="utf-8") as stderr_file:
        process = subprocess.Popen(
            launcher_command(project, "build"), cwd=project, env=launcher_environment(GATES_READY_FILE=str(ready)),
            stdout=subprocess.DEVNULL, stderr=stderr_file,
        )
    try:
        deadline = time.monotonic() + 120
        while not ready.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert ready.exists(), "the build never reached the slow hook"
        assert list(project.glob(".site-tmp-*/index.html")), "MkDocs has written into the staging folder"
        process.send_signal(signal_number)  # to the launcher only, not to MkDocs
        process.wait(timeout=60)
    finally:
        process.kill()
    mkdocs_pid = int(ready.read_text(encoding="utf-8"))
    mkdocs_left_running = is_running(mkdocs_pid)
    if mkdocs_left_running:
        os.kill(mkdocs_pid, signal.SIGKILL)
    stderr = (tmp_path / "stderr.txt").read_text(encoding="utf-8")
    assert process.returncode == exit_code, stderr
    assert not mkdocs_left_running, "the launcher must stop MkDocs when it is interrupted"
    assert "build.py: Build abgebrochen: site/ bleibt, wie es war" in stderr
    assert_previous_site_untouched(project)


# --- a build that succeeds ------------------------------------------------------------------------


def test_a_successful_build_replaces_the_site_in_one_step(tmp_path: Path) -> None:
    project = buildable_project(tmp_path)
    result = run_launcher(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "build.py: Website gebaut und geprüft: site/ – " in result.stderr
    site = project / "site"
    assert not (site / MARKER).exists() and (site / "index.html").is_file()
    assert oct(site.stat().st_mode & 0o777) == oct(0o755)
    assert sorted(path.name for path in project.iterdir() if path.name.startswith(".site-")) == []


def test_site_dir_chooses_another_target(tmp_path: Path) -> None:
    project = buildable_project(tmp_path)
    result = run_launcher(project, "build", "--site-dir", "public")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "public" / "index.html").is_file()
    assert "build.py: Website gebaut und geprüft: public/" in result.stderr
    assert (project / "site" / MARKER).is_file()  # the default target is left alone
