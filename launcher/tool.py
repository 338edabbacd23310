"""Running the tools inside .venv (MkDocs, pytest, the guideline's CLI, uv): their process and environment."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Callable, Iterator, Mapping, Sequence

from launcher.terminal import Terminal, ToolStream

EXIT_OK = 0
READER_TIMEOUT = 10  # seconds to wait for a stopped tool's last lines

ToolRunner = Callable[[Sequence["str | Path"]], int]
"""Runs the venv's interpreter with these arguments and returns its exit code."""


def run_tool(python: Path, arguments: Sequence[str | Path], cwd: Path, terminal: Terminal | None = None) -> int:
    """Run a tool with the venv's interpreter in the repository root; return its exit code.

    Without a terminal the tool writes to ours directly; with one, its output is read line by line and
    shown as the terminal decides.
    """
    command = [str(python), *[str(part) for part in arguments]]
    if terminal is None:
        return wait_for_tool(subprocess.Popen(command, cwd=cwd))
    process = subprocess.Popen(
        command, cwd=cwd, env=piped_environment(os.environ), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    readers = [relay(process.stdout, terminal.stream(sys.stdout)), relay(process.stderr, terminal.stream(sys.stderr))]
    try:
        return wait_for_tool(process)
    finally:
        for reader in readers:
            reader.join(timeout=READER_TIMEOUT)


def wait_for_tool(process: subprocess.Popen[bytes]) -> int:
    """Wait for a tool to finish; stop it if the wait is interrupted (Ctrl-C, SIGTERM)."""
    try:
        return process.wait()
    except BaseException:
        stop_tool(process)
        raise


def piped_environment(environment: Mapping[str, str]) -> dict[str, str]:
    """Return a tool's environment when its output is piped: UTF-8 lines as they come, never wrapped.

    MkDocs wraps its messages to COLUMNS when that is set, which would break our diagnostics' lines.
    """
    kept = {name: value for name, value in environment.items() if name not in {"COLUMNS", "LINES"}}
    return {**kept, "PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "utf-8"}


def relay(pipe: IO[bytes] | None, stream: ToolStream) -> threading.Thread:
    """Start a thread that hands every line of a tool's output stream to our view of it."""

    def read_lines() -> None:
        if pipe is None:
            return
        for line in iter(pipe.readline, b""):
            stream.feed(line.decode("utf-8", errors="replace").rstrip("\r\n"))
        stream.close()
        pipe.close()

    reader = threading.Thread(target=read_lines, daemon=True)
    reader.start()
    return reader


def tool_runner(python: Path, cwd: Path, terminal: Terminal | None = None) -> ToolRunner:
    """Return a runner for the tools of one venv, started in one folder (their output shown by the terminal)."""
    return lambda arguments: run_tool(python, arguments, cwd, terminal)


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
