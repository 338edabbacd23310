"""`python3 build.py build|serve|check` print German, and only what the contributor must act on.

Each test runs the real launcher in a separate process on a copy of the project (with this test run's
interpreter instead of .venv) and asserts on its entire output: no English MkDocs INFO line, no
Material banner, the diagnostics first, one summary line. The filter itself: test_launcher_terminal.py.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path
from typing import Callable, TextIO

from guideline.project import EXAMPLE_NOTICE
from support import GOLDEN_DATA, buildable_project, copy_launcher, launcher_command, launcher_environment, make_project

DATA_ERROR = [
    "guideline_data/scenarios/krise.yml:7:8: error[G201]: unbekannte Rolle 'social-lead'",
    "    note: bekannte Rollen: azubi, community-manager, social-media-lead",
    "    help: meintest du 'social-media-lead'?",
    "1 Fehler, 0 Warnungen",
]
CHECK_OUTPUT = [*DATA_ERROR, "mehr zu G201: https://leitfaden.beispiel.intern/mitmachen/fehlercodes/#g201"]
"""What check prints: the diagnostic, its summary, and after it the link to the code's explanation."""
# A dependency that warns in English when the core's CLI or MkDocs starts (python -m …), not the launcher.
WARNING_DEPENDENCY = """\
import sys, warnings
if sys.argv[:1] == ["-m"]:
    warnings.warn("this API is deprecated and will be removed", UserWarning)
"""


def quiet_environment(**extra: str) -> dict[str, str]:
    """The launcher's environment as a contributor's shell has it: nothing that quiets or widens the output."""
    environment = launcher_environment(**extra)
    for name in ("NO_MKDOCS_2_WARNING", "GUIDELINE_VERBOSE", "COLUMNS"):
        if name not in extra:
            environment.pop(name, None)
    return environment


def launch(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        launcher_command(project, *args), cwd=project, env=quiet_environment(**env),
        capture_output=True, text=True, encoding="utf-8", timeout=300, check=False,
    )


def break_a_role_reference(project: Path) -> None:
    scenario = project / "guideline_data" / "scenarios" / "krise.yml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("owner: social-media-lead", "owner: social-lead"))


def pages_in(site: Path) -> int:
    return sum(1 for path in site.rglob("*.html"))


# --- build ----------------------------------------------------------------------------------------


def test_a_clean_build_prints_one_german_summary_line(tmp_path: Path) -> None:
    project = buildable_project(tmp_path)
    result = launch(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    pages = pages_in(project / "site")
    assert pages > 20
    assert (result.stdout, result.stderr) == ("", f"build.py: Website gebaut und geprüft: site/ – {pages} Seiten, 0 Warnungen\n")


def test_a_data_error_is_the_first_thing_a_failed_build_shows(tmp_path: Path) -> None:
    project = buildable_project(tmp_path)
    break_a_role_reference(project)
    result = launch(project, "build", COLUMNS="60")  # a narrow terminal must not wrap the diagnostics
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [*DATA_ERROR, "build.py: Build fehlgeschlagen: site/ bleibt unverändert"]


def test_an_unknown_mkdocs_warning_still_shows(tmp_path: Path) -> None:
    project = buildable_project(tmp_path)
    (project / "docs" / "kaputt.md").write_text("# Kaputt\n\nSiehe [hier](fehlt.md).\n", encoding="utf-8")
    result = launch(project, "build")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "Warnung: Doc file 'kaputt.md' contains a link 'fehlt.md', but the target is not found among documentation "
        "files.",
        "build.py: Build fehlgeschlagen: site/ bleibt unverändert",
    ]
    assert result.stdout == "\nBuild abgebrochen wegen 1 Warnung: beim Bauen zählt jede Warnung als Fehler\n"


def test_verbose_shows_what_mkdocs_prints(tmp_path: Path) -> None:
    project = buildable_project(tmp_path)
    break_a_role_reference(project)
    result = launch(project, "build", GUIDELINE_VERBOSE="1")
    assert result.returncode == 1
    assert f"ERROR   -  {DATA_ERROR[0]}" in result.stderr
    assert "Aborted with a BuildError!" in result.stdout


# --- check ----------------------------------------------------------------------------------------


def with_warning_dependency(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "abhaengigkeit").mkdir()
    (tmp_path / "abhaengigkeit" / "sitecustomize.py").write_text(WARNING_DEPENDENCY, encoding="utf-8")
    path = launcher_environment()["PYTHONPATH"]
    return {"PYTHONPATH": os.pathsep.join([str(tmp_path / "abhaengigkeit"), path])}


def test_check_shows_german_only_and_ends_with_its_summary(tmp_path: Path) -> None:
    project = make_project(tmp_path, GOLDEN_DATA)
    copy_launcher(project)
    break_a_role_reference(project)
    environment = with_warning_dependency(tmp_path)
    result = launch(project, "check", **environment)
    assert result.returncode == 1
    assert (result.stdout.splitlines(), result.stderr) == (CHECK_OUTPUT, "")
    verbose = launch(project, "check", "--verbose", **environment)
    assert "UserWarning: this API is deprecated and will be removed" in verbose.stderr
    assert verbose.stdout.splitlines() == CHECK_OUTPUT


# --- serve ----------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def collect(stream: TextIO, lines: list[str]) -> threading.Thread:
    reader = threading.Thread(target=lambda: lines.extend(line.rstrip("\n") for line in stream), daemon=True)
    reader.start()
    return reader


def wait_until(condition: Callable[[], bool], what: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while not condition():
        assert process.poll() is None, f"the preview ended before {what}"
        assert time.monotonic() < deadline, f"no {what} within two minutes"
        time.sleep(0.2)


def test_serve_says_where_the_preview_runs_and_one_line_per_rebuild(tmp_path: Path) -> None:
    project = make_project(tmp_path, GOLDEN_DATA)
    copy_launcher(project)
    (project / "guideline_data").rename(project / "example_data")  # no own guideline yet: the example is built
    address = f"http://127.0.0.1:{free_port()}/"
    out: list[str] = []
    err: list[str] = []
    process = subprocess.Popen(
        launcher_command(project, "serve", "--dev-addr", address[len("http://"):-1]), cwd=project,
        env=quiet_environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )
    readers = [collect(process.stdout, out), collect(process.stderr, err)]
    try:
        serving = f"Vorschau läuft unter {address} – Strg+C beendet sie"
        wait_until(lambda: serving in err, "address", process)
        roles = project / "example_data" / "roles.yml"
        roles.write_text(roles.read_text(encoding="utf-8") + "# geändert\n", encoding="utf-8")
        wait_until(lambda: len(err) > 2, "line about the rebuild", process)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        for reader in readers:
            reader.join(timeout=10)
    assert process.returncode == 128 + signal.SIGTERM
    assert out == []
    assert err[:2] == [EXAMPLE_NOTICE, serving]
    assert [re.sub(r"\d\d:\d\d:\d\d", "HH:MM:SS", line) for line in err[2:]] == ["Vorschau aktualisiert (HH:MM:SS)"]
