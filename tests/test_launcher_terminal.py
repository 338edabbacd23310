"""launcher.terminal and the piping in launcher.tool: what a contributor sees of MkDocs' and the core's output.

The lines fed here are MkDocs 1.6's and Material's, as they print them (colours included). The real
tools run end to end in test_quiet_terminal.py.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from launcher import tool
from launcher.terminal import Terminal, banner_environment, is_verbose

YELLOW, RED, RESET = "\x1b[33m", "\x1b[31m", "\x1b[0m"
BANNER = [
    "",
    f"{YELLOW} │  \x1b[1mMaterial for MkDocs reaches end of life on May 5, 2027.{RESET}",
    f"{YELLOW} │{RESET}  Critical fixes and security updates continue until that date.",
    f"{YELLOW} │{RESET}",
    f"{YELLOW} │{RESET}  Zensical is its maintained successor, built by the same team.",
    "",
    "\x1b[90m  To disable this warning, set NO_MKDOCS_2_WARNING=1.\x1b[0m",
    "",
]
NOTICE = "Hinweis: Es gibt noch keinen eigenen Leitfaden (guideline_data/ fehlt), darum wird das Beispiel verwendet."
CLEAN_BUILD = [
    f"INFO    -  {NOTICE}",
    "INFO    -  Cleaning site directory",
    "INFO    -  Building documentation to directory: /srv/leitfaden/.site-tmp-x1y2",
    'INFO    -  The following pages exist in the docs directory, but are not included in the "nav" configuration:',
    "  - rollen/pr-referent.md",
    "  - szenarien/produktfehler.md",
    "INFO    -  DeprecationWarning: 'maxsplit' is passed as positional argument",
    '  File "/srv/leitfaden/.venv/lib/python3.11/site-packages/markdown/core.py", line 12, in convert',
    "INFO    -  Documentation built in 3.21 seconds",
]
SERVE = [
    "INFO    -  Building documentation...",
    f"INFO    -  {NOTICE}",
    "INFO    -  Cleaning site directory",
    "INFO    -  Documentation built in 2.02 seconds",
    "INFO    -  [21:19:50] Watching paths for changes: 'docs', 'mkdocs.yml', 'hooks/guideline', 'guideline_data'",
    "INFO    -  [21:19:50] Serving on http://127.0.0.1:8000/",
    "INFO    -  [21:19:52] Browser connected: http://127.0.0.1:8000/",
    "INFO    -  [21:20:03] Detected file changes",
    "INFO    -  Building documentation...",
    f"INFO    -  {NOTICE}",
    "INFO    -  Cleaning site directory",
    "INFO    -  Documentation built in 1.87 seconds",
    "INFO    -  [21:20:05] Reloading browsers",
    "INFO    -  [21:20:05] Browser connected: http://127.0.0.1:8000/",
]
DATA_ERROR = [
    f"{RED}ERROR   -  {RESET}guideline_data/scenarios/krise.yml:7:8: error[G201]: unbekannte Rolle 'social-lead'",
    "    note: bekannte Rollen: azubi, community-manager, social-media-lead",
    "    help: meintest du 'social-media-lead'?",
    "1 Fehler, 0 Warnungen",
]


def shown(lines: list[str], verbose: bool = False, terminal: Terminal | None = None) -> list[str]:
    """Feed lines to one stream of a terminal and return what it shows."""
    terminal = terminal or Terminal(verbose=verbose)
    out = io.StringIO()
    stream = terminal.stream(out)
    for line in lines:
        stream.feed(line)
    return out.getvalue().splitlines()


def test_a_clean_build_shows_only_the_notice() -> None:
    assert shown(BANNER + CLEAN_BUILD) == [NOTICE]


def test_the_preview_shows_its_address_and_one_line_per_rebuild() -> None:
    lines = shown(SERVE)
    assert lines[:2] == [NOTICE, "Vorschau läuft unter http://127.0.0.1:8000/ – Strg+C beendet sie"]
    [rebuilt] = lines[2:]
    assert re.fullmatch(r"Vorschau aktualisiert \(\d\d:\d\d:\d\d\)", rebuilt)


def test_opening_a_browser_is_announced_the_same_way() -> None:
    assert shown(["INFO    -  [09:00:00] Serving on http://127.0.0.1:8001/ and opening it in a browser"]) == [
        "Vorschau läuft unter http://127.0.0.1:8001/ – Strg+C beendet sie"
    ]


def test_a_diagnostic_comes_through_as_the_core_wrote_it() -> None:
    assert shown(DATA_ERROR + ["", "Aborted with a BuildError!"]) == [
        "guideline_data/scenarios/krise.yml:7:8: error[G201]: unbekannte Rolle 'social-lead'",
        "    note: bekannte Rollen: azubi, community-manager, social-media-lead",
        "    help: meintest du 'social-media-lead'?",
        "1 Fehler, 0 Warnungen",
    ]


def test_an_unknown_warning_is_shown_with_its_indented_lines_and_counted() -> None:
    terminal = Terminal()
    lines = [
        f"{YELLOW}WARNING -  {RESET}Doc file 'kaputt.md' contains a link 'fehlt.md', but the target is not found.",
        "           (second line of the same message)",
        "INFO    -  Some plugin: something new that MkDocs says",
        f"{RED}ERROR   -  {RESET}Error reading page 'kaputt.md'",
    ]
    assert shown(lines, terminal=terminal) == [
        "Warnung: Doc file 'kaputt.md' contains a link 'fehlt.md', but the target is not found.",
        "           (second line of the same message)",
        "Some plugin: something new that MkDocs says",
        "Fehler: Error reading page 'kaputt.md'",
    ]
    assert (terminal.warnings, terminal.errors) == (1, 1)


def test_a_warning_is_never_dropped_even_if_it_looks_routine() -> None:
    assert shown(["WARNING -  Cleaning site directory", "ERROR   -  DeprecationWarning: hm"]) == [
        "Warnung: Cleaning site directory",
        "Fehler: DeprecationWarning: hm",
    ]


def test_a_strict_build_says_in_german_why_it_stopped() -> None:
    assert shown(["", "Aborted with 1 warnings in strict mode!"]) == [
        "",
        "Build abgebrochen wegen 1 Warnung: beim Bauen zählt jede Warnung als Fehler",
    ]
    assert shown(["Aborted with 2 errors, 3 warnings in strict mode!"]) == [
        "Build abgebrochen wegen 2 Fehler, 3 Warnungen: beim Bauen zählt jede Warnung als Fehler"
    ]


def test_python_warnings_are_for_developers() -> None:
    lines = [
        "/srv/leitfaden/.venv/lib/python3.11/site-packages/pydantic/_internal/_config.py:323: UserWarning: Valid "
        "config keys have changed in V2",
        "  warnings.warn(message, UserWarning)",
        "0 Fehler, 0 Warnungen",
    ]
    assert shown(lines) == ["0 Fehler, 0 Warnungen"]


def test_a_traceback_is_shown_whole() -> None:
    lines = [
        "Traceback (most recent call last):",
        '  File "/srv/leitfaden/hooks/absturz.py", line 2, in on_post_build',
        "RuntimeError: ein Hook ist abgestürzt",
    ]
    assert shown(lines) == lines


def test_a_taken_port_is_explained_without_its_traceback() -> None:
    lines = [
        "Traceback (most recent call last):",
        '  File "/srv/leitfaden/.venv/lib/python3.11/site-packages/mkdocs/livereload/__init__.py", line 173, in serve',
        "    self.server_bind()",
        "OSError: [Errno 98] Address already in use",
    ]
    assert shown(lines) == [
        "Fehler: Die Vorschau kann ihre Adresse nicht öffnen, der Port ist schon belegt (läuft sie schon in einem "
        "anderen Terminal?)",
        "    help: die andere Vorschau mit Strg+C beenden oder einen anderen Port wählen, z. B. python3 build.py "
        "serve --dev-addr 127.0.0.1:8001",
    ]


def test_ctrl_c_needs_no_traceback() -> None:
    lines = ["INFO    -  Building documentation...", "Traceback (most recent call last):", '  File "x.py", line 1',
             "KeyboardInterrupt"]
    assert shown(lines) == []


def test_a_traceback_cut_off_by_a_stopped_tool_is_shown_as_it_came() -> None:
    out = io.StringIO()
    stream = Terminal().stream(out)
    for line in ("Traceback (most recent call last):", '  File "x.py", line 1'):
        stream.feed(line)
    assert out.getvalue() == ""
    stream.close()
    assert out.getvalue().splitlines() == ["Traceback (most recent call last):", '  File "x.py", line 1']


def test_verbose_shows_everything_unchanged_and_still_counts() -> None:
    terminal = Terminal(verbose=True)
    lines = BANNER + CLEAN_BUILD + ["WARNING -  eine Warnung"]
    assert shown(lines, terminal=terminal) == lines
    assert terminal.warnings == 1


@pytest.mark.parametrize(
    ("option", "environment", "verbose"),
    [(False, {}, False), (True, {}, True), (False, {"GUIDELINE_VERBOSE": "1"}, True),
     (False, {"GUIDELINE_VERBOSE": "0"}, False), (False, {"GUIDELINE_VERBOSE": ""}, False)],
)
def test_verbose_comes_from_the_option_or_the_environment(option: bool, environment: dict[str, str], verbose: bool) -> None:
    assert is_verbose(option, environment) is verbose


def test_materials_banner_stays_away_unless_asked_for() -> None:
    assert banner_environment({}) == {"NO_MKDOCS_2_WARNING": "1"}
    assert banner_environment({"NO_MKDOCS_2_WARNING": ""}) == {"NO_MKDOCS_2_WARNING": ""}


# --- launcher.tool: a tool's output, piped through the terminal -------------------------------------

TOOL = """\
import os, sys
print("INFO    -  Cleaning site directory", file=sys.stderr)
print("WARNING -  etwas Unbekanntes", file=sys.stderr)
print("Ergebnis: ä", os.environ.get("COLUMNS"), os.environ["PYTHONUNBUFFERED"])
sys.exit(3)
"""


def test_a_tool_run_through_a_terminal_shows_its_streams_filtered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")  # MkDocs would wrap its lines to this width
    terminal = Terminal()
    assert tool.run_tool(Path(sys.executable), ["-c", TOOL], tmp_path, terminal) == 3
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("Ergebnis: ä None 1\n", "Warnung: etwas Unbekanntes\n")
    assert terminal.warnings == 1
