"""launcher.python_version: one minimum Python, which the launcher, pyproject.toml and the README agree on."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from launcher.python_version import MINIMUM_PYTHON, is_supported, unsupported_message, version_text

REPO = Path(__file__).resolve().parents[1]
MINIMUM = version_text(MINIMUM_PYTHON)


@pytest.mark.parametrize(
    ("version", "supported"),
    [((3, 10, 14, "final", 0), False), ((3, 11, 0, "final", 0), True), ((3, 14, 2), True), ((4, 0), True)],
)
def test_the_minimum_and_everything_newer_is_supported(version: tuple[object, ...], supported: bool) -> None:
    assert is_supported(version) is supported  # type: ignore[arg-type]


def test_an_older_python_is_told_the_minimum_in_german() -> None:
    assert MINIMUM == "3.11"
    assert unsupported_message() == "build.py: Python 3.11 oder neuer wird gebraucht"


def project_metadata() -> dict[str, object]:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_project_requires_the_python_the_launcher_checks_for() -> None:
    assert project_metadata()["requires-python"] == f">={MINIMUM}"


def test_each_direct_dependency_has_one_pin_for_every_supported_python() -> None:
    project = project_metadata()
    requirements = [*project["dependencies"], *project["optional-dependencies"]["test"]]  # type: ignore[misc, index]
    assert [requirement for requirement in requirements if not re.fullmatch(r"[\w.-]+==[\w.]+", requirement)] == []


def test_the_readme_names_the_same_minimum() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"Nötig ist nur **Python {MINIMUM} oder neuer**" in readme
    assert f"--python-version {MINIMUM}" in readme
