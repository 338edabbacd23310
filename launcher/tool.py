"""Running the tools inside .venv (MkDocs, pytest, the guideline's CLI, uv): their process and environment."""

from __future__ import annotations

import contextlib
import os
import subprocess
from pathlib import Path
from typing import Callable, Iterator, Sequence

EXIT_OK = 0

ToolRunner = Callable[[Sequence["str | Path"]], int]
"""Runs the venv's interpreter with these arguments and returns its exit code."""


def run_tool(python: Path, arguments: Sequence[str | Path], cwd: Path) -> int:
    """Run a tool with the venv's interpreter in the repository root; return its exit code."""
    process = subprocess.Popen([str(python), *[str(part) for part in arguments]], cwd=cwd)
    try:
        return process.wait()
    except BaseException:
        stop_tool(process)
        raise


def tool_runner(python: Path, cwd: Path) -> ToolRunner:
    """Return a runner for the tools of one venv, started in one folder."""
    return lambda arguments: run_tool(python, arguments, cwd)


def stop_tool(process: subprocess.Popen[bytes]) -> None:
    """Stop an interrupted tool and reap it.

    subprocess.run kills the child on Ctrl-C but does not wait for it, so an interrupted launcher
    could exit while MkDocs is still alive (or left as a zombie where nothing reaps orphans).
    """
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def environment_set(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the tools this process starts; restore them afterwards."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
