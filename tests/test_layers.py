"""The layer contract: which part of the core may import which, so data flows one way through the stages.

The stage folders are the pipeline (load → parse → check → plan → render; audit reads built HTML). A
stage imports only the shared vocabulary (`diagnostics`, `model`) and earlier stages; nothing in the
pipeline imports the tools around it (`site`, `codes`, `cli`, `scaffold`, `arguments`).
"""

from __future__ import annotations

import ast
import pkgutil
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "hooks" / "guideline"

SHARED = frozenset({"diagnostics", "model"})
ALLOWED: dict[str, frozenset[str]] = {
    "diagnostics": frozenset(),
    "model": frozenset({"diagnostics"}),
    "load": SHARED,
    "parse": SHARED | {"load"},
    "replycheck": SHARED | {"load", "parse"},
    "check": SHARED | {"load", "parse", "replycheck"},
    "plan": SHARED | {"load", "parse", "replycheck"},
    "render": SHARED | {"plan"},
    "harden": frozenset(),
    "audit": frozenset({"diagnostics"}),
    "codes": SHARED | {"load", "parse", "check", "plan", "replycheck"},
    "site": SHARED | {"load", "parse", "check", "plan", "render", "codes", "history", "preview"},
    "preview": SHARED | {"load", "parse", "plan", "render"},
    "history": SHARED,
    "scaffold": SHARED | {"load", "parse"},
    "starter": SHARED | {"load", "scaffold"},
    "cli": SHARED | {"load", "parse", "check", "audit", "harden", "site", "scaffold", "arguments", "codes", "symlinks",
            "project", "starter", "export"},
    "export": SHARED | {"plan", "render", "site", "project"},
    "project": frozenset(),
    "bench": frozenset({"project", "site"}),
    "arguments": frozenset(),
    "symlinks": frozenset(),
    "__init__": frozenset(),
}
"""For each part of the core (a stage folder or a top-level module), the parts it may import."""


def part_of(relative: Path) -> str:
    """Return the part a source file belongs to: its stage folder, or its own name at the top level."""
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def core_files() -> list[Path]:
    return sorted(path.relative_to(CORE) for path in CORE.rglob("*.py"))


def imported_parts(relative: Path) -> set[str]:
    """Return every part of the core that a source file imports, absolute or relative."""
    tree = ast.parse((CORE / relative).read_text(encoding="utf-8"))
    package = list(relative.parent.parts)
    parts: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            parts.update(_part(alias.name.split(".")[1:]) for alias in node.names if alias.name.startswith("guideline."))
        elif isinstance(node, ast.ImportFrom):
            parts.update(_from_parts(node, package))
    return {part for part in parts if part}


def _from_parts(node: ast.ImportFrom, package: list[str]) -> set[str]:
    if node.level == 0:
        if not (node.module or "").startswith("guideline"):
            return set()
        base = (node.module or "").split(".")[1:]
    else:
        base = package[: len(package) - (node.level - 1)] + (node.module.split(".") if node.module else [])
    if base:
        return {_part(base)}
    return {_part([alias.name]) for alias in node.names}  # `from .. import x`: x is a part itself


def _part(dotted: list[str]) -> str:
    return dotted[0] if dotted else ""


def test_every_part_of_the_core_is_in_the_contract() -> None:
    parts = {part_of(relative) for relative in core_files()}
    assert parts == set(ALLOWED), "add new folders and top-level modules to ALLOWED, with the parts they may import"


@pytest.mark.parametrize("relative", core_files(), ids=str)
def test_each_module_imports_only_what_its_layer_allows(relative: Path) -> None:
    part = part_of(relative)
    forbidden = imported_parts(relative) - ALLOWED[part] - {part}
    assert not forbidden, f"{relative} ({part}) imports {sorted(forbidden)}; allowed: {sorted(ALLOWED[part])}"


def test_the_contract_is_acyclic() -> None:
    seen: dict[str, int] = {}

    def depth(part: str, trail: tuple[str, ...] = ()) -> int:
        assert part not in trail, f"cycle in the layer contract: {' -> '.join((*trail, part))}"
        if part not in seen:
            seen[part] = 1 + max((depth(other, (*trail, part)) for other in ALLOWED[part]), default=0)
        return seen[part]

    for part in ALLOWED:
        depth(part)


def test_the_layer_check_sees_a_backwards_import(tmp_path: Path) -> None:
    """The checker itself must notice an import that runs back up the pipeline."""
    module = CORE / "check" / "_probe_backwards.py"
    module.write_text("from ..plan import links\nfrom guideline.cli import main\n", encoding="utf-8")
    try:
        assert imported_parts(module.relative_to(CORE)) == {"plan", "cli"}
    finally:
        module.unlink()


def test_walk_packages_sees_every_stage() -> None:
    folders = {info.name for info in pkgutil.iter_modules([str(CORE)]) if info.ispkg}
    assert folders == {"load", "model", "parse", "check", "plan", "render", "harden", "audit", "bench", "preview",
                       "replycheck"}
