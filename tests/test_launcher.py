"""build.py, the stdlib-only launcher, run as contributors run it: a lone copy, a plain interpreter, no venv.

The launcher package's functions have their own tests, one file per module (test_launcher_*.py).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import COMMANDS, REPO_ROOT, copy_launcher


def run_copy(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a lone copy of the launcher (no venv, no lock files next to it) with a plain interpreter."""
    copy_launcher(tmp_path)
    # The launcher may use only the standard library and the stdlib-only argument module of the core.
    (tmp_path / "hooks" / "guideline").mkdir(parents=True)
    for name in ("__init__.py", "arguments.py"):
        shutil.copyfile(REPO_ROOT / "hooks" / "guideline" / name, tmp_path / "hooks" / "guideline" / name)
    environment = {key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    # The base interpreter, not the venv's: there the installed core would hide a missing file.
    interpreter = getattr(sys, "_base_executable", sys.executable)
    return subprocess.run(
        [interpreter, "-I", str(tmp_path / "build.py"), *args],
        cwd=tmp_path, env=environment, capture_output=True, text=True, encoding="utf-8", check=False,
    )


def test_help_lists_every_command_in_german_without_a_venv(tmp_path: Path) -> None:
    result = run_copy(tmp_path, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("Aufruf: python3 build.py [-h] BEFEHL ...\n")
    listed = set(re.findall(r"^    (\w+) ", result.stdout, flags=re.MULTILINE))
    assert listed == COMMANDS
    assert "Exit-Codes: 0 in Ordnung" in result.stdout
    assert not (tmp_path / ".venv").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "python3 build.py: Fehler: es fehlt: BEFEHL"),
        (["deploy"], "python3 build.py: Fehler: BEFEHL: unbekannt: 'deploy'"),
        (["check", "--bogus"], "python3 build.py: Fehler: unbekannte Argumente: --bogus"),
        (["schema", "extra"], "python3 build.py: Fehler: unbekannte Argumente: extra"),
        (["new"], "python3 build.py new: Fehler: es fehlt: ART"),
        (["init", "--nme", "x"], "python3 build.py: Fehler: unbekannte Argumente: --nme x"),
    ],
)
def test_usage_errors_exit_2_before_touching_the_venv(args: list[str], message: str, tmp_path: Path) -> None:
    result = run_copy(tmp_path, *args)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0].startswith("Aufruf: python3 build.py")
    assert result.stderr.splitlines()[-1].startswith(message)
    assert not (tmp_path / ".venv").exists()


def test_build_py_only_delegates() -> None:
    lines = (REPO_ROOT / "build.py").read_text(encoding="utf-8").splitlines()
    assert len(lines) < 60, f"build.py has {len(lines)} lines; its work belongs in launcher/"
