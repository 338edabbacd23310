"""Reproducible builds: two builds of the same sources are byte-identical, whenever and wherever they run.

`build.py build` sets SOURCE_DATE_EPOCH from the last commit (outside git: the newest data file, else
a constant), so sitemap dates and gzip headers do not follow the wall clock.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import struct
import subprocess
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from guideline.audit.compare import compare_sites
from support import REPO_ROOT, copy_launcher, make_project, run_launcher

from launcher import timestamp, tool


def sitemap_dates(site: Path) -> set[str]:
    return set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8")))


def gzip_mtime(path: Path) -> int:
    """Return the modification time stored in a gzip file's header (bytes 4 to 8)."""
    return int(struct.unpack("<I", path.read_bytes()[4:8])[0])


def utc_date(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, timezone.utc).strftime("%Y-%m-%d")


def utc_midnight(epoch: int) -> int:
    """MkDocs stamps the gzipped sitemap with the start of the (UTC) day of its newest page."""
    return epoch - epoch % 86400


DATA_TIME = 1615000000  # 2021-03-06: long before any test run, so a date from the wall clock would show
COMMIT_TIME = 1600000000  # 2020-09-13


def copy_project(tmp_path: Path) -> Path:
    """A copy of the project whose data files all date from DATA_TIME."""
    project = make_project(tmp_path, REPO_ROOT / "example_data")
    copy_launcher(project)
    for path in (project / "guideline_data").rglob("*"):
        os.utime(path, (DATA_TIME, DATA_TIME))
    return project


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project outside git (so nobody's edits can land between two builds)."""
    return copy_project(tmp_path_factory.mktemp("snapshot"))


@pytest.fixture(scope="module")
def two_builds(snapshot: Path) -> tuple[Path, Path]:
    """Build the same sources twice: other hash seed, other time zone, another second on the clock."""
    first, second = snapshot.parent / "first", snapshot.parent / "second"
    result = run_launcher(snapshot, "build", "--site-dir", str(first), PYTHONHASHSEED="1", TZ="UTC")
    assert result.returncode == 0, result.stdout + result.stderr
    time.sleep(1.1)
    result = run_launcher(snapshot, "build", "--site-dir", str(second), PYTHONHASHSEED="2", TZ="Pacific/Kiritimati")
    assert result.returncode == 0, result.stdout + result.stderr
    return first, second


def test_two_builds_are_byte_identical(two_builds: tuple[Path, Path]) -> None:
    first, second = two_builds
    difference = compare_sites(first, second)
    assert difference.identical, difference
    assert len([path for path in first.rglob("*") if path.is_file()]) > 50


def test_outside_git_the_newest_data_file_dates_the_build(two_builds: tuple[Path, Path]) -> None:
    first, _ = two_builds
    assert sitemap_dates(first) == {"2021-03-06"}
    assert gzip_mtime(first / "sitemap.xml.gz") == utc_midnight(DATA_TIME)
    assert gzip.decompress((first / "sitemap.xml.gz").read_bytes()) == (first / "sitemap.xml").read_bytes()


def git(project: Path, *args: str) -> None:
    environment = {**os.environ, "GIT_COMMITTER_DATE": f"@{COMMIT_TIME} +0000", "GIT_AUTHOR_DATE": "@1500000000 +0000"}
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "-C", str(project), *identity, *args], env=environment, check=True, capture_output=True)


def test_in_git_the_last_commit_dates_the_build(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    project = copy_project(tmp_path)
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Leitfaden")
    result = run_launcher(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert sitemap_dates(project / "site") == {"2020-09-13"}  # the commit's date, not the data files' or today's
    assert gzip_mtime(project / "site" / "sitemap.xml.gz") == utc_midnight(COMMIT_TIME)


# --- where the timestamp comes from ---------------------------------------------------------------


@pytest.fixture(autouse=True)
def no_given_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def test_a_given_source_date_epoch_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    assert timestamp.source_date_epoch(tmp_path) == "1234567890"


def test_the_last_commits_time_in_git(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    git(tmp_path, "init", "-q")
    git(tmp_path, "commit", "-q", "--allow-empty", "-m", "leer")
    assert timestamp.source_date_epoch(tmp_path) == str(COMMIT_TIME)


def test_outside_git_the_newest_data_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "bald")  # not a number: ignored
    data = tmp_path / "guideline_data"
    (data / "scenarios").mkdir(parents=True)
    for name, stamp in (("roles.yml", 1500000000), ("scenarios/a.yml", 1600000000), ("notes.txt", 1700000000)):
        (data / name).write_text("x", encoding="utf-8")
        os.utime(data / name, (stamp, stamp))
    assert timestamp.source_date_epoch(tmp_path) == "1600000000"


def test_a_constant_as_the_last_resort(tmp_path: Path) -> None:
    assert timestamp.source_date_epoch(tmp_path) == str(timestamp.FALLBACK_EPOCH) == "315532800"


def test_the_build_environment_is_restored_afterwards(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "0")
    with tool.environment_set({"SOURCE_DATE_EPOCH": "1", "NO_MKDOCS_2_WARNING": "1"}):
        assert (os.environ["SOURCE_DATE_EPOCH"], os.environ["NO_MKDOCS_2_WARNING"]) == ("1", "1")
    assert "SOURCE_DATE_EPOCH" not in os.environ and os.environ["NO_MKDOCS_2_WARNING"] == "0"
