"""Architecture contracts: the core stays engine-free, the adapter stays thin, contexts stay typed."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import guideline
import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
CORE = REPO_ROOT / "hooks" / "guideline"
CORE_MODULES = sorted(
    info.name for info in pkgutil.walk_packages([str(CORE)], prefix="guideline.") if not info.ispkg
)


def module_file(module: str) -> Path:
    """Return the source file of a core module, e.g. guideline.load.events -> hooks/guideline/load/events.py."""
    return CORE.joinpath(*module.split(".")[1:]).with_suffix(".py")
LAUNCHER = REPO_ROOT / "launcher"
LAUNCHER_FILES = sorted([REPO_ROOT / "build.py", *LAUNCHER.glob("*.py")])


def test_importing_the_whole_core_pulls_in_no_mkdocs() -> None:
    script = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "engine = sorted(m for m in sys.modules if m.split('.')[0] in {'mkdocs', 'material'})\n"
        "print(','.join(engine))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"the core imports the engine: {result.stdout}"


def imported_modules(path: Path) -> set[str]:
    """Return the dotted names of the modules a source file imports (absolute imports only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_modules_name_no_engine_in_their_imports(module: str) -> None:
    imported = {name.split(".")[0] for name in imported_modules(module_file(module))}
    assert not imported & {"mkdocs", "material"}


def test_the_mkdocs_adapter_stays_thin() -> None:
    lines = (REPO_ROOT / "hooks" / "guideline_hook.py").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 80, f"guideline_hook.py has {len(lines)} lines; move logic into the core"


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_modules_stay_small(module: str) -> None:
    lines = module_file(module).read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 450, f"{module} has {len(lines)} lines; split it by concept"


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_modules_keep_no_mutable_state_at_module_level(module: str) -> None:
    """Module-level names may hold constants, never lists, dicts or sets that code could mutate."""
    tree = ast.parse(module_file(module).read_text(encoding="utf-8"))
    mutable = [
        target.id
        for node in tree.body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        and isinstance(node.value, (ast.List, ast.ListComp, ast.Set, ast.SetComp))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name) and not target.id.startswith("__")
    ]
    assert mutable == [], f"{module} keeps mutable state at module level: {mutable}"


def _page_context_types() -> list[type]:
    contexts: list[type] = []
    for name in CORE_MODULES:
        module = importlib.import_module(name)
        contexts.extend(
            value
            for attribute, value in vars(module).items()
            if isinstance(value, type)
            and value.__module__ == name
            and attribute.endswith("Page")
            and attribute != "PlannedPage"
            and dataclasses.is_dataclass(value)
        )
    return contexts


def test_every_page_context_is_a_frozen_documented_dataclass() -> None:
    contexts = _page_context_types()
    assert len(contexts) >= 12
    for context in contexts:
        assert context.__dataclass_params__.frozen, f"{context.__name__} must be frozen"  # type: ignore[attr-defined]
        assert context.__doc__ and not context.__doc__.startswith(context.__name__ + "("), context.__name__


def test_core_package_is_importable_as_installed() -> None:
    assert Path(guideline.__file__).resolve().parent == CORE


# --- the launcher: build.py and launcher/ run before any venv exists ------------------------------


@pytest.mark.parametrize("path", LAUNCHER_FILES, ids=lambda path: path.relative_to(REPO_ROOT).as_posix())
def test_the_launcher_uses_only_the_standard_library(path: Path) -> None:
    """Of the core, only its stdlib-only argument parser: the rest needs the venv's packages."""
    foreign = {
        name for name in imported_modules(path)
        if name.split(".")[0] not in sys.stdlib_module_names | {"__future__", "launcher"}
        and name != "guideline.arguments"
    }
    assert foreign == set(), f"{path.name} imports more than the standard library"


@pytest.mark.parametrize("path", LAUNCHER_FILES, ids=lambda path: path.relative_to(REPO_ROOT).as_posix())
def test_launcher_modules_stay_small(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 300, f"{path.name} has {len(lines)} lines; split it by concept"


def test_the_core_never_imports_the_launcher() -> None:
    importers = [
        path.relative_to(REPO_ROOT).as_posix() for path in sorted((REPO_ROOT / "hooks").rglob("*.py"))
        if any(name.split(".")[0] == "launcher" for name in imported_modules(path))
    ]
    assert importers == []


@pytest.mark.parametrize("test_file", sorted((REPO_ROOT / "tests").glob("test_*.py")), ids=lambda path: path.name)
def test_no_test_module_imports_another(test_file: Path) -> None:
    """Shared helpers live in support modules (support.py, browser.py, html_checker.py), not in test modules."""
    imported = {name.split(".")[0] for name in imported_modules(test_file)}
    assert not {name for name in imported if name.startswith("test_")}, f"{test_file.name} imports a test module"
