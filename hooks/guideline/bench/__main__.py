"""`python3 build.py bench`: how fast and lean the guideline builds, against plain tools on the same files.

Prints, in one run, alternating measurements and their medians (see measure.py). The targets of issue 11 are
printed beside each figure; nothing here fails on a slow machine, since figures from a shared machine are
context, not verdicts. `--keep DIR` leaves every generated project in DIR for timing by hand.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ..project import EXAMPLE_FOLDER
from ..site import cross_check, read_guideline
from .measure import Comparison, Run, alternate, median_peak, median_seconds, time_call, time_command
from .serve import plain_project, serve_latency
from .synthetic import FIRST_SYNTHETIC, MIN_SCENARIOS, data_files, write_synthetic

PROJECT_FILES = ("mkdocs.yml", "docs", "hooks/theme", "hooks/guideline_hook.py", "hooks/guideline_preview.py")
"""What a generated project copies from this one: the engine's configuration, hand-written pages, theme, hook."""


def make_project(root: Path, target: Path, scenarios: int) -> Path:
    """Write a project at `target` whose guideline_data/ is the synthetic guideline of `scenarios` scenarios."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source, copy = root / name, target / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, copy, dirs_exist_ok=True)
        else:
            shutil.copy2(source, copy)
    (target / "hooks" / "guideline").mkdir(exist_ok=True)  # mkdocs.yml watches it; the venv has the package
    write_synthetic(root / EXAMPLE_FOLDER, target / "guideline_data", scenarios)
    return target


def bare_parse(folder: Path) -> None:
    """Parse every data file with PyYAML's C loader and nothing else: the floor of any data layer."""
    for path in data_files(folder):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def data_layer(project: Path) -> Any:  # the Guideline
    """Read, load with positions and validate into typed models: what turns files into a Guideline."""
    guideline, diagnostics = read_guideline(project / "guideline_data", project)
    if guideline is None:
        raise RuntimeError(f"the synthetic guideline does not load: {diagnostics[:3]}")
    return guideline


def compare_data_layer(project: Path, rounds: int) -> Comparison:
    folder = project / "guideline_data"
    return alternate("Datenschicht (lesen mit Positionen, in Modelle) gegen reines C-Parsen",
                     lambda: time_call(lambda: data_layer(project)), lambda: time_call(lambda: bare_parse(folder)),
                     rounds)


def time_cross_checks(project: Path, rounds: int) -> tuple[Run, ...]:
    """Time the cross-checks alone (check_guideline) on the guideline the data layer made."""
    guideline = data_layer(project)
    return tuple(time_call(lambda: cross_check(guideline, project)) for _ in range(rounds))


def time_check(project: Path, rounds: int) -> tuple[Run, ...]:
    command = [sys.executable, "-m", "guideline.cli", "--root", str(project), "check"]
    return tuple(time_command(command, project) for _ in range(rounds))


BUILD_ENVIRONMENT = {"SOURCE_DATE_EPOCH": "1796169600", "NO_MKDOCS_2_WARNING": "1"}
"""Both builds get one fixed date (as the launcher gives one from git), so their pages are the same."""


def mkdocs_build(folder: Path) -> Run:
    """Build the MkDocs project in `folder` into folder/site: with the hook in a project, without in an export."""
    return time_command([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", "site"], folder,
                        BUILD_ENVIRONMENT)


def export_project(project: Path) -> Path:
    """Export the project's pages as plain Markdown (`build.py export`) to project/export; return that folder."""
    target = project / "export"
    time_command([sys.executable, "-m", "guideline.cli", "--root", str(project), "export", str(target)], project,
                 BUILD_ENVIRONMENT)
    return target


def compare_builds(project: Path, rounds: int) -> Comparison:
    exported = export_project(project)
    return alternate("Build mit Hook gegen einfaches MkDocs auf dem Export", lambda: mkdocs_build(project),
                     lambda: mkdocs_build(exported), rounds)


def sizes(site: Path) -> tuple[int, int]:
    """Return the bytes of one scenario page (the first synthetic one, the same at every N) and of the search index."""
    page = site / "szenarien" / FIRST_SYNTHETIC / "index.html"
    return page.stat().st_size, (site / "search" / "search_index.json").stat().st_size


def _seconds(runs: Sequence[Run]) -> str:
    return f"{median_seconds(runs):.2f} s"


def _print_comparison(comparison: Comparison, target: str) -> None:
    print(f"- {comparison.label}: {_seconds(comparison.ours)} gegen {_seconds(comparison.theirs)} "
          f"= {comparison.ratio:.2f}× (Ziel: {target}; Mediane aus je {len(comparison.ours)} Läufen, abwechselnd)")


def run(root: Path, work: Path, build_sizes: Sequence[int], layer_sizes: Sequence[int], check_size: int,
        rounds: int) -> None:
    projects: dict[int, Path] = {}

    def project(size: int) -> Path:
        if size not in projects:
            projects[size] = make_project(root, work / f"n{size}", size)
        return projects[size]

    print("## Datenschicht")
    for size in layer_sizes:
        print(f"N = {size}:")
        _print_comparison(compare_data_layer(project(size), rounds), "≤ 1,5× bei N = 5000")
        print(f"- Querprüfungen allein: {_seconds(time_cross_checks(project(size), rounds))}")
    runs = time_check(project(check_size), rounds)
    print(f"- 'check' auf {check_size} Szenario-Dateien: {_seconds(runs)} (Ziel: deutlich unter 2 s)")
    print("## Build")
    for size in build_sizes:
        comparison = compare_builds(project(size), rounds)
        print(f"N = {size}:")
        _print_comparison(comparison, "≤ 1,05× bei N = 1000")
        ours, theirs = median_peak(comparison.ours), median_peak(comparison.theirs)
        print(f"- Speicher-Spitze: {ours:.0f} MiB gegen {theirs:.0f} MiB = {ours / theirs:.2f}× (Ziel: ≤ 1,2×)")
        page, index = sizes(project(size) / "site")
        print(f"- Szenarioseite {page / 1024:.1f} KiB (Ziel: wächst nicht mit N), Suchindex {index / 1024:.0f} KiB")
    print("## Vorschau")
    for size in build_sizes:
        plain = plain_project(project(size), work / f"n{size}-plain")
        print(f"N = {size}:")
        _print_comparison(serve_latency(project(size), plain, FIRST_SYNTHETIC, f"szenarien/{FIRST_SYNTHETIC}.md",
                                        rounds), "≤ 1,25×")


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python3 build.py bench", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help=argparse.SUPPRESS)
    parser.add_argument("--scenarios", type=int, action="append",
                        help="nur diese Größe(n) messen (mehrfach möglich); sonst 100, 1000, 2000 und 5000")
    parser.add_argument("--rounds", type=int, default=3, help="Läufe je Messung (Median), Vorgabe 3")
    parser.add_argument("--keep", type=Path, help="die erzeugten Projekte in diesem Ordner behalten")
    return parser.parse_args(argv)


def main(argv: Sequence[str]) -> int:
    args = parse_arguments(argv)
    if args.scenarios and min(args.scenarios) < MIN_SCENARIOS:
        print(f"bench: --scenarios muss mindestens {MIN_SCENARIOS} sein", file=sys.stderr)
        return 2
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="guideline-bench-"))
    chosen = sorted(set(args.scenarios)) if args.scenarios else None
    try:
        run(args.root.resolve(), work, build_sizes=chosen or (100, 1000), layer_sizes=chosen or (1000, 5000),
            check_size=max(chosen) if chosen else 2000, rounds=args.rounds)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
