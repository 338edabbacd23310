"""Helpers shared by the test modules: the repository's paths and building a project with MkDocs.

Test modules import helpers from here (or from `browser.py` for Chromium), never from each other.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DATA = REPO_ROOT / "tests" / "golden" / "guideline_data"


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` on a project folder, as build.py does."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, capture_output=True, text=True, env=environment, timeout=300,
    )


def make_project(tmp: Path, data: Path) -> Path:
    """Lay out a project like the repository's, with its own guideline data (copied) and docs."""
    project = tmp / "project"
    project.mkdir()
    shutil.copy(REPO_ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "docs", project / "docs")
    shutil.copytree(REPO_ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(data, project / "guideline_data")
    return project
