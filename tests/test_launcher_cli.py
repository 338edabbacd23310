"""launcher.cli: the command line, what reaches each tool, and the exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support import COMMANDS

from launcher import cli, python_version, venv


def test_subcommands_are_the_documented_ones() -> None:
    parser = cli.make_parser()
    [subparsers] = [action for action in parser._actions if action.dest == "command"]
    assert set(subparsers.choices) == COMMANDS


@pytest.mark.parametrize(
    ("argv", "extra"),
    [
        (["serve", "--dev-addr", "0.0.0.0:8080"], ["--dev-addr", "0.0.0.0:8080"]),
        (["build"], []),
        (["test", "-k", "schema", "-x"], ["-k", "schema", "-x"]),
        (["test", "--", "-k", "schema"], ["-k", "schema"]),
        (["test", "tests/test_cli.py"], ["tests/test_cli.py"]),
    ],
)
def test_serve_build_and_test_pass_extra_arguments_on(argv: list[str], extra: list[str]) -> None:
    assert cli.parse_arguments(argv).extra == extra


def test_check_options_are_parsed_by_the_launcher() -> None:
    args = cli.parse_arguments(["check", "--strict", "--codequality", "report.json"])
    assert (args.command, args.strict, args.codequality, args.extra) == ("check", True, "report.json", [])


@pytest.mark.parametrize("command", ["serve", "build", "check"])
def test_verbose_is_the_launchers_own_option(command: str) -> None:
    assert (cli.parse_arguments([command]).verbose, cli.parse_arguments([command, "--verbose"]).verbose) == (False, True)
    assert cli.parse_arguments([command, "--verbose"]).extra == []


def test_a_failed_installation_exits_1_with_advice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "requirements.lock").write_text("", encoding="utf-8")
    monkeypatch.setattr(venv.subprocess, "run", lambda command, **_: subprocess.CompletedProcess(command, 1))
    assert cli.main(["check"], tmp_path) == 1
    python = python_version.version_text(sys.version_info)
    assert capsys.readouterr().err.splitlines() == [
        f"build.py: lege .venv an (Python {python})",
        f"build.py: Fehler: „lege .venv an (Python {python})“ ist fehlgeschlagen (Exit-Code 1)",
        f"    note: {venv.SETUP_NOTE}",
        "    help: Zugang zum Paket-Index prüfen und erneut versuchen; notfalls .venv löschen",
    ]


def test_an_older_python_is_told_what_it_needs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "version_info", (3, 10, 14, "final", 0))
    assert cli.main(["check"], tmp_path) == 2
    assert capsys.readouterr().err == "build.py: Python 3.11 oder neuer wird gebraucht\n"
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_exits_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(root: Path, locks: list[str]) -> Path:
        raise KeyboardInterrupt

    monkeypatch.setattr(venv, "ensure_venv", interrupted)
    assert cli.main(["check"], tmp_path) == 130


@pytest.mark.parametrize(
    ("argv", "arguments"),
    [
        (["serve", "--dev-addr", "0.0.0.0:8080"], ["-m", "mkdocs", "serve", "--dirty", "--dev-addr", "0.0.0.0:8080"]),
        (["serve", "--full"], ["-m", "mkdocs", "serve"]),
        (["serve", "--clean"], ["-m", "mkdocs", "serve", "--clean"]),
        (["check", "--strict"], ["-m", "guideline.cli", "check", "--strict"]),
        (["schema", "--check"], ["-m", "guideline.cli", "schema", "--check"]),
        (["urls"], ["-m", "guideline.cli", "urls"]),
        (["export", "/srv/leitfaden-export"], ["-m", "guideline.cli", "export", "/srv/leitfaden-export"]),
        (["csp", "/srv/site", "--nginx", "/srv/nginx.conf", "--check"],
         ["-m", "guideline.cli", "csp", "--site-dir", "/srv/site", "--display-path", "/srv/site",
          "--nginx", "/srv/nginx.conf", "--check"]),
        (["new", "scenario", "shitstorm"], ["-m", "guideline.cli", "new", "scenario", "shitstorm"]),
        (["new", "roles"], ["-m", "guideline.cli", "new", "roles"]),
        (["init"], ["-m", "guideline.cli", "init"]),
        (["bench"], ["-m", "guideline.bench", "--rounds=3"]),
        (["bench", "--scenarios", "100", "--scenarios", "1000", "--rounds", "5"],
         ["-m", "guideline.bench", "--scenarios=100", "--scenarios=1000", "--rounds=5"]),
        (["init", "--example"], ["-m", "guideline.cli", "init", "--example"]),
        (["init", "--name", "Stadtwerke Example", "--edit-base", "https://git.example.intern/a/b/-/edit/main/"],
         ["-m", "guideline.cli", "init", "--name", "Stadtwerke Example", "--edit-base",
          "https://git.example.intern/a/b/-/edit/main/"]),
    ],
)
def test_each_command_runs_its_tool_in_the_venv(
    argv: list[str], arguments: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(venv, "ensure_venv", lambda root, locks: Path("venv-python"))
    monkeypatch.setattr(subprocess, "Popen", lambda command, cwd, **_: calls.append([*command, cwd]) or FinishedTool())
    assert cli.main(argv, tmp_path) == 0
    assert calls == [["venv-python", *arguments, tmp_path]]


class FinishedTool:
    """A tool process that has already finished successfully, without output."""

    stdout = stderr = None

    def wait(self) -> int:
        return 0
