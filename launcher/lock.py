"""The lock files: which exist, which the venv installs, and regenerating them with uv."""

from __future__ import annotations

from launcher.console import say
from launcher.python_version import MINIMUM_PYTHON, version_text
from launcher.tool import EXIT_OK, ToolRunner

RUNTIME_LOCK = "requirements.lock"
TEST_LOCK = "requirements-test.lock"
LOCK_INPUTS = {
    RUNTIME_LOCK: ("--group", "bootstrap"),
    TEST_LOCK: ("--extra", "test", "--group", "bootstrap", "--group", "lock"),
}


def lock_command(name: str, upgrade: bool) -> list[str]:
    """Return the interpreter arguments that make uv write one lock file, valid from the oldest supported Python on."""
    return [
        "-m", "uv", "pip", "compile", "pyproject.toml", "--universal",
        "--python-version", version_text(MINIMUM_PYTHON), "--generate-hashes",
        "--custom-compile-command", "python3 build.py lock", "--quiet",
        *LOCK_INPUTS[name], *(["--upgrade"] if upgrade else []), "--output-file", name,
    ]


def write_locks(run: ToolRunner, upgrade: bool) -> int:
    """Regenerate the lock files one after the other; stop at the first failure and return its exit code."""
    for name in LOCK_INPUTS:
        say(f"erzeuge {name}")
        code = run(lock_command(name, upgrade))
        if code != EXIT_OK:
            return code
    return EXIT_OK
