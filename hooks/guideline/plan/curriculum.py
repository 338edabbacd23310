"""The order in which training modules are taken: every module after its prerequisites."""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from ..model.training import TrainingModule
from .links import reading_key


def curriculum_order(modules: Iterable[TrainingModule]) -> tuple[TrainingModule, ...]:
    """Sort modules so each comes after its prerequisites; among those ready, alphabetically by title.

    Unknown prerequisites are ignored and modules caught in a cycle come last by title: the checks
    report both, and planning must still never fail. Each module is placed once, from a heap of the
    ready ones, so a thousand modules take no longer than a thousand lookups.
    """
    by_id = {module.id: module for module in modules}
    waiting = {module.id: sum(p in by_id for p in module.prerequisites) for module in by_id.values()}
    dependents: dict[str, list[str]] = {}
    for module in by_id.values():
        for prerequisite in module.prerequisites:
            if prerequisite in by_id:
                dependents.setdefault(prerequisite, []).append(module.id)
    ready = [_title_key(module) for module in by_id.values() if waiting[module.id] == 0]
    heapq.heapify(ready)
    ordered: list[TrainingModule] = []
    while ready:
        module = by_id[heapq.heappop(ready)[1]]
        ordered.append(module)
        for dependent in dependents.get(module.id, ()):
            waiting[dependent] -= 1
            if waiting[dependent] == 0:
                heapq.heappush(ready, _title_key(by_id[dependent]))
    placed = {module.id for module in ordered}
    ordered.extend(sorted((m for m in by_id.values() if m.id not in placed), key=_title_key))
    return tuple(ordered)


def with_prerequisites(module_ids: Iterable[str], modules: Iterable[TrainingModule]) -> frozenset[str]:
    """Return the given modules together with everything they require, directly or indirectly."""
    by_id = {module.id: module for module in modules}
    needed: set[str] = set()
    stack = [module_id for module_id in module_ids if module_id in by_id]
    while stack:
        module_id = stack.pop()
        if module_id in needed:
            continue
        needed.add(module_id)
        stack.extend(p for p in by_id[module_id].prerequisites if p in by_id)
    return frozenset(needed)


def _title_key(module: TrainingModule) -> tuple[tuple[str, str], str]:
    return (reading_key(module.title), module.id)
