"""Helpers shared by the test modules: the repository's paths and building a project with MkDocs.

Test modules import helpers from here (or from `browser.py` for Chromium), never from each other.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

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


def build_with_organisation(tmp: Path, change: dict[str, object]) -> Path:
    """Build the golden guideline with organisation.yml's top-level keys changed (None removes one); return the site."""
    project = make_project(tmp, GOLDEN_DATA)
    path = project / "guideline_data" / "organisation.yml"
    organisation = {**yaml.safe_load(path.read_text(encoding="utf-8")), **change}
    kept = {key: value for key, value in organisation.items() if value is not None}
    path.write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


# --- the launcher (build.py and launcher/), run from a copy of the project -----------------------------

COMMANDS = frozenset({"serve", "build", "check", "export", "csp", "test", "schema", "urls", "new", "init", "bench",
                      "lock"})
"""Every command of build.py."""

MARKER = "vorherige-website.txt"
LAUNCHER_WITHOUT_VENV = """\
import runpy, sys
from pathlib import Path
build_py = Path(sys.argv[1])
sys.path.insert(0, str(build_py.parent))
from launcher import venv
venv.ensure_venv = lambda root, locks: Path(sys.executable)  # this interpreter already has every tool
sys.argv = [str(build_py), *sys.argv[2:]]
runpy.run_path(str(build_py), run_name="__main__")
"""


def copy_launcher(project: Path) -> None:
    """Copy build.py and the launcher package it delegates to into a project folder."""
    shutil.copyfile(REPO_ROOT / "build.py", project / "build.py")
    shutil.copytree(REPO_ROOT / "launcher", project / "launcher", ignore=shutil.ignore_patterns("__pycache__"))


def launcher_environment(**extra: str) -> dict[str, str]:
    """The environment for a launcher copy: this core first on the path, no forge variables, and no
    SOURCE_DATE_EPOCH unless given (the launcher derives it)."""
    dropped = {"GITHUB_ACTIONS", "GITLAB_CI", "SOURCE_DATE_EPOCH"}
    environment = {key: value for key, value in os.environ.items() if key not in dropped}
    package_parent = str(REPO_ROOT / "hooks")
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [package_parent, environment.get("PYTHONPATH")]))
    return {**environment, **extra}


def launcher_command(project: Path, *args: str) -> list[str]:
    return [sys.executable, "-c", LAUNCHER_WITHOUT_VENV, str(project / "build.py"), *args]


def run_launcher(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the project's build.py (with this interpreter instead of .venv) and wait for it."""
    return subprocess.run(
        launcher_command(project, *args), cwd=project, env=launcher_environment(**env),
        capture_output=True, text=True, encoding="utf-8", timeout=300, check=False,
    )


def fresh_clone(tmp: Path) -> Path:
    """A project as a fresh clone has it, with the launcher: the example in example_data/, no guideline_data/ yet."""
    project = tmp / "project"
    project.mkdir()
    shutil.copy(REPO_ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "docs", project / "docs")
    shutil.copytree(REPO_ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO_ROOT / "example_data", project / "example_data")
    copy_launcher(project)
    return project


def buildable_project(tmp_path: Path, data: Path = GOLDEN_DATA) -> Path:
    """A copy of the project with the launcher and a previous site/ that holds a marker file."""
    project = make_project(tmp_path, data)
    copy_launcher(project)
    (project / "site").mkdir()
    (project / "site" / MARKER).write_text("alt\n", encoding="utf-8")
    return project


def assert_previous_site_untouched(project: Path) -> None:
    assert sorted(path.name for path in (project / "site").iterdir()) == [MARKER]
    assert (project / "site" / MARKER).read_text(encoding="utf-8") == "alt\n"
    leftovers = sorted(path.name for path in project.iterdir() if path.name.startswith(".site-"))
    assert leftovers == [], "unfinished build folders were left behind"


REPLY_CORPUS = REPO_ROOT / "tests" / "fixtures" / "replycheck" / "corpus.yml"


def reply_corpus() -> list[dict[str, object]]:
    """Return the reply checker's golden drafts, each with its expected findings as [kind, rule, start, end]."""
    drafts: list[dict[str, object]] = yaml.safe_load(REPLY_CORPUS.read_text(encoding="utf-8"))["drafts"]
    return drafts
