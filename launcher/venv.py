"""The virtual environment .venv and its stamp: what it holds, and installing exactly that."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable, Sequence

from launcher.console import say
from launcher.python_version import version_text

VENV_FOLDER = ".venv"
STAMP_NAME = "guideline-install.json"
SETUP_NOTE = "unter Debian/Ubuntu braucht `python3 -m venv` das Paket python3-venv (apt install python3-venv)"

StepRunner = Callable[[Sequence["str | Path"], str, Path], None]
"""Runs one preparation step (command, what it does, working folder); raises LauncherError on failure."""


class LauncherError(Exception):
    """Preparing the environment failed; the message says what to do."""


def venv_python(venv: Path) -> Path:
    """Return the venv's interpreter (Scripts\\python.exe on Windows, bin/python elsewhere)."""
    if os.name == "nt":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def file_hash(path: Path) -> str:
    """Return the SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wanted_state(root: Path, locks: Sequence[str], python: str) -> dict[str, Any]:
    """Describe what the venv must hold: this Python, this pyproject.toml, these lock files."""
    return {
        "python": python,
        "pyproject": file_hash(root / "pyproject.toml"),
        "locks": {name: file_hash(root / name) for name in locks},
    }


def read_stamp(stamp_file: Path) -> dict[str, Any]:
    """Return what the venv was last prepared with, or nothing if unknown."""
    try:
        stamp = json.loads(stamp_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stamp if isinstance(stamp, dict) else {}


def write_stamp(stamp_file: Path, stamp: dict[str, Any]) -> None:
    """Record what the venv holds, after each step that succeeded."""
    stamp_file.write_text(json.dumps(stamp, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def is_outdated(root: Path, stamp: dict[str, Any], wanted: dict[str, Any]) -> bool:
    """Tell whether the venv must be rebuilt: other Python, unknown state, or a changed lock file."""
    if not venv_python(root / VENV_FOLDER).exists() or stamp.get("python") != wanted["python"]:
        return True
    installed = stamp.get("locks", {})
    current = {name: file_hash(root / name) for name in installed if (root / name).exists()}
    return current != installed


def run_step(command: Sequence[str | Path], what: str, cwd: Path) -> None:
    """Run one preparation step; raise LauncherError if it fails."""
    say(what)
    result = subprocess.run([str(part) for part in command], cwd=cwd)
    if result.returncode != 0:
        raise LauncherError(f"„{what}“ ist fehlgeschlagen (Exit-Code {result.returncode})")


def pip_install(venv: Path, *arguments: str) -> list[str]:
    """Return a quiet pip install command for the venv's interpreter."""
    return [str(venv_python(venv)), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *arguments]


def ensure_venv(root: Path, locks: Sequence[str], run: StepRunner = run_step) -> Path:
    """Create or update .venv so that it holds exactly the given lock files and the project."""
    venv, stamp_file = root / VENV_FOLDER, root / VENV_FOLDER / STAMP_NAME
    wanted = wanted_state(root, locks, version_text(sys.version_info))
    stamp = read_stamp(stamp_file)
    if venv.exists() and is_outdated(root, stamp, wanted):
        say("Lock-Dateien oder Python-Version haben sich geändert: .venv wird neu angelegt")
        shutil.rmtree(venv)
    if not venv.exists():
        run([sys.executable, "-m", "venv", venv], f"lege .venv an (Python {wanted['python']})", root)
        stamp = {"python": wanted["python"], "locks": {}}
        write_stamp(stamp_file, stamp)
    for name in locks:
        if stamp["locks"].get(name) != wanted["locks"][name]:
            run(pip_install(venv, "--require-hashes", "--no-deps", "-r", name), f"installiere {name} in .venv", root)
            stamp["locks"][name] = wanted["locks"][name]
            write_stamp(stamp_file, stamp)
    if stamp.get("pyproject") != wanted["pyproject"]:
        run(pip_install(venv, "--no-deps", "--no-build-isolation", "-e", "."), "installiere das Projekt in .venv", root)
        stamp["pyproject"] = wanted["pyproject"]
        write_stamp(stamp_file, stamp)
    return venv_python(venv)
