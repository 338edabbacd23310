"""Which data folder a project builds: its own guideline once it exists, the shipped example until then."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from guideline.cli import main
from guideline.project import EXAMPLE_NOTICE, data_source
from support import REPO_ROOT


def _project_with_example(tmp_path: Path) -> Path:
    shutil.copytree(REPO_ROOT / "tests" / "fixtures" / "minimal", tmp_path / "example_data")
    return tmp_path


def test_the_example_is_built_until_the_organisation_has_its_own_guideline(tmp_path: Path) -> None:
    root = _project_with_example(tmp_path)
    assert data_source(root).is_example
    (root / "guideline_data").mkdir()
    source = data_source(root)
    assert not source.is_example and source.path(root) == root / "guideline_data"


def test_check_says_in_one_line_that_it_checks_the_example(tmp_path: Path) -> None:
    root = _project_with_example(tmp_path)
    out = io.StringIO()
    assert main(["--root", str(root), "check"], out=out) == 0
    assert out.getvalue().splitlines() == [EXAMPLE_NOTICE, "0 Fehler, 0 Warnungen"]


def test_check_of_the_own_guideline_does_not_mention_the_example(tmp_path: Path) -> None:
    root = _project_with_example(tmp_path)
    shutil.copytree(root / "example_data", root / "guideline_data")
    out = io.StringIO()
    assert main(["--root", str(root), "check"], out=out) == 0
    assert out.getvalue().splitlines() == ["0 Fehler, 0 Warnungen"]
