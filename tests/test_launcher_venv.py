"""launcher.venv: .venv holds exactly the lock files and the project, and is reinstalled only where they changed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

import pytest

from launcher import venv
from launcher.lock import RUNTIME_LOCK, TEST_LOCK

CREATE = "lege .venv an (Python %d.%d)" % sys.version_info[:2]


class Recorder:
    """Records the preparation steps instead of running them; creating the venv leaves an interpreter."""

    def __init__(self) -> None:
        self.steps: list[str] = []
        self.failing = ""

    def __call__(self, command: Sequence[str | Path], what: str, cwd: Path) -> None:
        self.steps.append(what)
        if "venv" in [str(part) for part in command[:3]]:
            python = venv.venv_python(cwd / venv.VENV_FOLDER)
            python.parent.mkdir(parents=True)
            python.write_text("", encoding="utf-8")
        if self.failing and self.failing in what:
            raise venv.LauncherError(what)

    def taken(self) -> list[str]:
        """Return the steps recorded since the last call."""
        steps, self.steps = self.steps, []
        return steps


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A scratch repository with a pyproject.toml and both lock files."""
    for name in ("pyproject.toml", RUNTIME_LOCK, TEST_LOCK):
        (tmp_path / name).write_text(f"# {name}\n", encoding="utf-8")
    return tmp_path


def test_first_run_creates_the_venv_then_reuses_it(root: Path) -> None:
    record = Recorder()
    python = venv.ensure_venv(root, [RUNTIME_LOCK], record)
    assert record.taken() == [CREATE, "installiere requirements.lock in .venv", "installiere das Projekt in .venv"]
    assert python == venv.venv_python(root / ".venv") and python.is_file()
    venv.ensure_venv(root, [RUNTIME_LOCK], record)
    assert record.taken() == []


def test_test_lock_is_added_to_the_same_venv(root: Path) -> None:
    record = Recorder()
    venv.ensure_venv(root, [RUNTIME_LOCK], record)
    record.taken()
    venv.ensure_venv(root, [RUNTIME_LOCK, TEST_LOCK], record)
    assert record.taken() == ["installiere requirements-test.lock in .venv"]


def test_a_changed_lock_rebuilds_the_venv(root: Path) -> None:
    record = Recorder()
    venv.ensure_venv(root, [RUNTIME_LOCK, TEST_LOCK], record)
    (root / TEST_LOCK).write_text("# changed\n", encoding="utf-8")
    record.taken()
    venv.ensure_venv(root, [RUNTIME_LOCK], record)
    assert record.taken() == [CREATE, "installiere requirements.lock in .venv", "installiere das Projekt in .venv"]


def test_a_changed_pyproject_reinstalls_only_the_project(root: Path) -> None:
    record = Recorder()
    venv.ensure_venv(root, [RUNTIME_LOCK], record)
    (root / "pyproject.toml").write_text("# changed\n", encoding="utf-8")
    record.taken()
    venv.ensure_venv(root, [RUNTIME_LOCK], record)
    assert record.taken() == ["installiere das Projekt in .venv"]


def test_a_failed_step_is_retried_next_time(root: Path) -> None:
    record = Recorder()
    record.failing = "requirements.lock"
    with pytest.raises(venv.LauncherError):
        venv.ensure_venv(root, [RUNTIME_LOCK], record)
    record.failing = ""
    record.taken()
    venv.ensure_venv(root, [RUNTIME_LOCK], record)
    assert record.taken() == ["installiere requirements.lock in .venv", "installiere das Projekt in .venv"]


def test_another_python_rebuilds_the_venv(root: Path) -> None:
    record = Recorder()
    venv.ensure_venv(root, [RUNTIME_LOCK], record)
    stamp_file = root / ".venv" / venv.STAMP_NAME
    venv.write_stamp(stamp_file, {**venv.read_stamp(stamp_file), "python": "3.99"})
    record.taken()
    venv.ensure_venv(root, [RUNTIME_LOCK], record)
    assert record.taken()[0] == CREATE


@pytest.mark.parametrize("text", ["", "kein JSON", "[1, 2]"])
def test_an_unreadable_stamp_means_nothing_is_known(text: str, tmp_path: Path) -> None:
    (tmp_path / "stamp.json").write_text(text, encoding="utf-8")
    assert venv.read_stamp(tmp_path / "stamp.json") == {}
    assert venv.read_stamp(tmp_path / "missing.json") == {}


def test_a_failing_step_names_itself_and_its_exit_code(tmp_path: Path) -> None:
    with pytest.raises(venv.LauncherError) as failure:
        venv.run_step([sys.executable, "-c", "raise SystemExit(3)"], "probiere", tmp_path)
    assert str(failure.value) == "„probiere“ ist fehlgeschlagen (Exit-Code 3)"


def test_pip_installs_quietly_with_the_venvs_interpreter(tmp_path: Path) -> None:
    assert venv.pip_install(tmp_path, "-e", ".") == [
        str(venv.venv_python(tmp_path)), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", ".",
    ]
