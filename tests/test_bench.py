"""The benchmark's parts: the synthetic guideline is valid, sized as asked and deterministic; runs alternate."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
import yaml
from guideline.bench import measure
from guideline.bench.synthetic import FIRST_SYNTHETIC, SCENARIO_WORDS, write_synthetic
from guideline.site import check_site, load_guideline
from support import REPO_ROOT

EXAMPLE = REPO_ROOT / "example_data"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_synthetic(EXAMPLE, tmp_path_factory.mktemp("bench") / "guideline_data", 60)


def test_the_synthetic_guideline_checks_clean_and_has_the_asked_size(synthetic: Path) -> None:
    report = check_site(synthetic, synthetic.parent)
    assert list(report.diagnostics) == []
    guideline, _ = load_guideline(synthetic, synthetic.parent)
    assert guideline is not None
    assert len(list((synthetic / "scenarios").glob("*.yml"))) == 60
    assert len(list((synthetic / "training").glob("*.yml"))) == len(list((EXAMPLE / "training").glob("*.yml"))) + 6


def test_a_synthetic_scenario_is_about_as_long_as_a_real_page(synthetic: Path) -> None:
    data = yaml.safe_load((synthetic / "scenarios" / f"{FIRST_SYNTHETIC}.yml").read_text(encoding="utf-8"))
    words = len(" ".join(str(value) for value in _texts(data)).split())
    assert SCENARIO_WORDS <= words < SCENARIO_WORDS * 1.2
    assert data["id"] == FIRST_SYNTHETIC and "(Fall 00001)" in data["title"]


def _texts(value: object) -> list[object]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return [value]


def test_the_same_size_gives_the_same_files(synthetic: Path, tmp_path: Path) -> None:
    again = write_synthetic(EXAMPLE, tmp_path / "guideline_data", 60)
    comparison = filecmp.dircmp(synthetic, again)
    assert comparison.diff_files == [] and comparison.left_only == [] and comparison.right_only == []
    for folder in ("scenarios", "training"):
        files = sorted(path.name for path in (synthetic / folder).iterdir())
        assert filecmp.cmpfiles(synthetic / folder, again / folder, files, shallow=False)[0] == files


def test_contenders_run_in_turn_and_medians_are_compared() -> None:
    calls: list[str] = []

    def contender(name: str, seconds: float) -> measure.Run:
        calls.append(name)
        return measure.Run(seconds)

    comparison = measure.alternate("x", lambda: contender("ours", 3.0), lambda: contender("theirs", 2.0), rounds=3)
    assert calls == ["theirs", "ours"] * 3
    assert comparison.ratio == pytest.approx(1.5)


def test_a_timed_command_reports_its_own_peak_memory(tmp_path: Path) -> None:
    import sys

    small = measure.time_command([sys.executable, "-c", "pass"], tmp_path)
    large = measure.time_command([sys.executable, "-c", "b = bytearray(200 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"],
                                 tmp_path)
    assert small.peak_mib is not None and large.peak_mib is not None
    assert large.peak_mib - small.peak_mib > 150
    with pytest.raises(RuntimeError, match="failed"):
        measure.time_command([sys.executable, "-c", "raise SystemExit(3)"], tmp_path)


def test_the_benchmark_runs_end_to_end_and_prints_every_figure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from guideline.bench.__main__ import main

    assert main(["--root", str(REPO_ROOT), "--scenarios", "10", "--rounds", "1", "--keep", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    for figure in ("Datenschicht (lesen mit Positionen, in Modelle) gegen reines C-Parsen", "Querprüfungen allein",
                   "'check' auf 10 Szenario-Dateien", "Build mit Hook gegen einfaches MkDocs auf dem Export", "Speicher-Spitze", "Szenarioseite", "Vorschau: Änderung bis Auslieferung"):
        assert figure in printed, printed
    kept = tmp_path / "n10"
    assert (kept / "guideline_data" / "scenarios" / f"{FIRST_SYNTHETIC}.yml").is_file()
    hook_page = kept / "site" / "szenarien" / FIRST_SYNTHETIC / "index.html"
    plain_page = kept / "export" / "site" / "szenarien" / FIRST_SYNTHETIC / "index.html"
    assert hook_page.is_file() and plain_page.is_file()  # both contenders built the same page


def test_the_benchmark_refuses_a_size_below_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    from guideline.bench.__main__ import main

    assert main(["--scenarios", "3"]) == 2
    assert "--scenarios muss mindestens 10 sein" in capsys.readouterr().err
