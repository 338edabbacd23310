"""Training prerequisites: modules must not require themselves, directly or in a circle."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..diagnostics import Diagnostic, DiagnosticCode
from ..parse.file import ParsedFile
from .findings import finding_at

CYCLE_CODE = "G203"
SELF_CODE = "G204"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(
        code=CYCLE_CODE,
        title="Voraussetzungen im Kreis",
        explanation="Schulungsmodule setzen einander im Kreis voraus (a braucht b, b braucht a); dann kann "
        "niemand mit einem von ihnen anfangen.",
        fix="Eine der genannten Voraussetzungen entfernen, sodass eine Reihenfolge möglich ist.",
    ),
    DiagnosticCode(
        code=SELF_CODE,
        title="Modul setzt sich selbst voraus",
        explanation="Ein Schulungsmodul nennt sich selbst unter 'prerequisites'.",
        fix="Die eigene ID aus 'prerequisites' entfernen.",
    ),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""

Graph = Mapping[str, tuple[str, ...]]


def prerequisite_graph(modules: tuple[ParsedFile[Any], ...]) -> dict[str, tuple[str, ...]]:
    """Map each module to the known modules it requires, leaving out itself."""
    known = {module.model.id for module in modules}
    return {
        module.model.id: tuple(p for p in module.model.prerequisites if p in known and p != module.model.id)
        for module in modules
    }


def find_cycles(graph: Graph) -> tuple[tuple[str, ...], ...]:
    """Return each cycle once, starting at its alphabetically first module, in a stable order."""
    found: dict[tuple[str, ...], None] = {}
    finished: set[str] = set()
    for start in sorted(graph):
        if start not in finished:
            _walk(graph, start, finished, found)
    return tuple(sorted(found))


def _walk(graph: Graph, start: str, finished: set[str], found: dict[tuple[str, ...], None]) -> None:
    """Walk depth-first from start, noting each cycle met on the way.

    The path is kept in lists, not in Python's call stack: a chain of a thousand prerequisites is valid
    and must not end in a RecursionError.
    """
    path, depth_of = [start], {start: 0}
    pending = [iter(graph.get(start, ()))]
    while pending:
        node = next(pending[-1], None)
        if node is None:
            pending.pop()
            done = path.pop()
            del depth_of[done]
            finished.add(done)
        elif node in depth_of:
            found.setdefault(_rotated(tuple(path[depth_of[node]:])), None)
        elif node not in finished:
            depth_of[node] = len(path)
            path.append(node)
            pending.append(iter(graph.get(node, ())))


def _rotated(cycle: tuple[str, ...]) -> tuple[str, ...]:
    start = cycle.index(min(cycle))
    return cycle[start:] + cycle[:start]


def check_prerequisite_cycles(modules: tuple[ParsedFile[Any], ...]) -> tuple[Diagnostic, ...]:
    """Report every cycle of prerequisites at each of its entries: any one of them may be the wrong one."""
    by_id = {module.model.id: module for module in modules}
    diagnostics = []
    for cycle in find_cycles(prerequisite_graph(modules)):
        circle = _circle_text(cycle)
        for position, module_id in enumerate(cycle):
            module = by_id[module_id]
            following = cycle[(position + 1) % len(cycle)]
            notes = () if len(cycle) <= _SHOWN_IN_FULL else (
                f"im Kreis stehen {len(cycle)} Schulungsmodule; hier: {module_id} setzt {following} voraus",
            )
            diagnostics.append(
                finding_at(
                    module,
                    ("prerequisites", module.model.prerequisites.index(following)),
                    CYCLE_CODE,
                    f"Schulungsmodule setzen sich im Kreis voraus: {circle}",
                    notes=notes,
                    help_text="entferne eine dieser Voraussetzungen, damit es eine Reihenfolge gibt",
                )
            )
    return tuple(diagnostics)


_SHOWN_IN_FULL = 8


def _circle_text(cycle: tuple[str, ...]) -> str:
    """Write a cycle as "a → b → c → a"; a long one keeps its first modules and its last."""
    shown = (*cycle, cycle[0]) if len(cycle) <= _SHOWN_IN_FULL else (*cycle[:4], "…", cycle[-1], cycle[0])
    return " → ".join(shown)


def check_self_prerequisites(modules: tuple[ParsedFile[Any], ...]) -> tuple[Diagnostic, ...]:
    """Report every module listed among its own prerequisites."""
    return tuple(
        finding_at(
            module,
            ("prerequisites", index),
            SELF_CODE,
            f"das Schulungsmodul '{module.model.id}' setzt sich selbst voraus",
            help_text=f"entferne '{module.model.id}' aus 'prerequisites'",
        )
        for module in modules
        for index, prerequisite in enumerate(module.model.prerequisites)
        if prerequisite == module.model.id
    )
