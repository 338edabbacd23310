"""Timing and memory of commands and functions, the way the benchmark compares them: alternating, medians.

Machines here are shared and noisy, so two contenders always run in turn (A, B, A, B, …) within one run of
the benchmark and only medians are compared; absolute figures are printed for context, never asserted.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    """One timed run: wall seconds and, for a child process, its peak resident memory in MiB."""

    seconds: float
    peak_mib: float | None = None


@dataclass(frozen=True)
class Comparison:
    """The runs of two contenders, measured in turn."""

    label: str
    ours: tuple[Run, ...]
    theirs: tuple[Run, ...]

    @property
    def ratio(self) -> float:
        return median_seconds(self.ours) / median_seconds(self.theirs)


def median_seconds(runs: Sequence[Run]) -> float:
    return statistics.median(run.seconds for run in runs)


def median_peak(runs: Sequence[Run]) -> float | None:
    peaks = [run.peak_mib for run in runs if run.peak_mib is not None]
    return statistics.median(peaks) if peaks else None


def time_call(function: Callable[[], object]) -> Run:
    """Time one call in this process."""
    started = time.perf_counter()
    function()
    return Run(time.perf_counter() - started)


PEAK_PROBE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[2:])\n"
    "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
    "sys.exit(code)\n"
)
"""Runs a command and writes its peak memory. A child of this process would report ours as its floor: on exec,
Linux keeps the high-water mark of the memory the child started with, which a forked child shares with us."""


def time_command(command: Sequence[str], cwd: Path, environment: dict[str, str] | None = None) -> Run:
    """Run a command to its end; return its wall time and its own peak resident memory (through PEAK_PROBE)."""
    with tempfile.TemporaryDirectory(prefix="guideline-peak-") as folder:
        report = Path(folder) / "peak"
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-c", PEAK_PROBE, str(report), *command], cwd=cwd,
                                env={**os.environ, **(environment or {})}, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, check=False)
        seconds = time.perf_counter() - started
        if result.returncode != 0:
            errors = result.stderr.decode("utf-8", "replace")[-2000:]
            raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}):\n{errors}")
        return Run(seconds, int(report.read_text(encoding="utf-8")) / 1024)  # ru_maxrss is in KiB on Linux


def alternate(label: str, ours: Callable[[], Run], theirs: Callable[[], Run], rounds: int) -> Comparison:
    """Measure two contenders in turn, `rounds` times each, theirs first (it warms shared caches for both)."""
    our_runs: list[Run] = []
    their_runs: list[Run] = []
    for _ in range(rounds):
        their_runs.append(theirs())
        our_runs.append(ours())
    return Comparison(label, tuple(our_runs), tuple(their_runs))
