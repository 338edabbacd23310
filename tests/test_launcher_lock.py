"""launcher.lock and the lock files it writes: every package pinned with hashes, for every supported Python."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

import pytest

from launcher import lock
from launcher.python_version import MINIMUM_PYTHON, version_text

REPO = Path(__file__).resolve().parents[1]


def test_uv_writes_each_lock_for_every_supported_python() -> None:
    assert lock.lock_command(lock.RUNTIME_LOCK, upgrade=False) == [
        "-m", "uv", "pip", "compile", "pyproject.toml", "--universal", "--python-version", version_text(MINIMUM_PYTHON),
        "--generate-hashes", "--custom-compile-command", "python3 build.py lock", "--quiet",
        "--group", "bootstrap", "--output-file", "requirements.lock",
    ]
    test_lock = lock.lock_command(lock.TEST_LOCK, upgrade=True)
    assert test_lock[-9:] == [
        "--extra", "test", "--group", "bootstrap", "--group", "lock", "--upgrade", "--output-file",
        "requirements-test.lock",
    ]


def test_locking_stops_at_the_first_failure(capsys: pytest.CaptureFixture[str]) -> None:
    written: list[str] = []

    def run(arguments: Sequence[str | Path]) -> int:
        written.append(str(arguments[-1]))
        return 2

    assert lock.write_locks(run, upgrade=False) == 2
    assert written == ["requirements.lock"]
    assert capsys.readouterr().err == "build.py: erzeuge requirements.lock\n"


def test_locking_writes_both_files_in_order() -> None:
    written: list[str] = []
    assert lock.write_locks(lambda arguments: written.append(str(arguments[-1])) or 0, upgrade=False) == 0
    assert written == ["requirements.lock", "requirements-test.lock"]


# --- the committed lock files ---------------------------------------------------------------------


def pins(lock_file: Path) -> dict[str, str]:
    """Map `name==version ; marker` to the hash lines that follow it."""
    entries: dict[str, str] = {}
    for block in re.split(r"\n(?=[a-z0-9])", lock_file.read_text(encoding="utf-8")):
        head = block.split(" \\")[0].strip()
        if "==" in head:
            entries[head] = " ".join(sorted(re.findall(r"--hash=sha256:[0-9a-f]{64}", block)))
    return entries


def test_lock_files_pin_every_package_with_hashes_and_no_local_urls() -> None:
    for name in (lock.RUNTIME_LOCK, lock.TEST_LOCK):
        text = (REPO / name).read_text(encoding="utf-8")
        assert "file:" not in text and "--index-url" not in text and "--find-links" not in text
        entries = pins(REPO / name)
        assert entries, name
        for head, hashes in entries.items():
            assert hashes, f"{name}: {head} has no hash"


def test_test_lock_extends_the_runtime_lock_with_identical_pins() -> None:
    runtime, test = pins(REPO / lock.RUNTIME_LOCK), pins(REPO / lock.TEST_LOCK)
    assert {head: test.get(head) for head in runtime} == runtime
    heads = " ".join(test)
    for package in ("setuptools==", "pytest==", "playwright==1.65.2", "axe-playwright-python==0.1.8", "uv=="):
        assert package in heads


def test_direct_pins_of_pyproject_are_in_the_locks() -> None:
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    test = " ".join(pins(REPO / lock.TEST_LOCK))
    for name, version in re.findall(r'^\s*"([A-Za-z0-9_.-]+)==([^";\s]+)', pyproject, flags=re.MULTILINE):
        assert f"{name.lower()}=={version}" in test, f"{name}=={version} is not in requirements-test.lock"
