"""Shared fixtures: the repository, a display path, and inline YAML loaded through the real loader."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import pytest

from guideline.diagnostics import format_diagnostic
from guideline.source import LoadedFile, load_yaml

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo_root() -> Path:
    """Return the repository's root folder."""
    return REPO_ROOT


@pytest.fixture
def display_path() -> PurePosixPath:
    """Return the path shown in messages for inline test data."""
    return PurePosixPath("guideline_data/roles.yml")


@pytest.fixture
def load_inline(display_path: PurePosixPath) -> Callable[..., LoadedFile]:
    """Return a function that dedents inline YAML and loads it, failing the test on any diagnostic."""

    def load(text: str, path: PurePosixPath = display_path) -> LoadedFile:
        loaded, diagnostics = load_yaml(path, textwrap.dedent(text).encode("utf-8"))
        if loaded is None or diagnostics:
            pytest.fail("\n".join(format_diagnostic(d) for d in diagnostics))
        return loaded

    return load
