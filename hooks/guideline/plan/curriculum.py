"""The order in which training modules are taken: every module after its prerequisites."""

from __future__ import annotations

from collections.abc import Iterable

from ..model.models import TrainingModule
from .links import reading_key


def curriculum_order(modules: Iterable[TrainingModule]) -> tuple[TrainingModule, ...]:
    """Sort modules so each comes after its prerequisites; among those ready, alphabetically by title.

    Unknown prerequisites are ignored and modules caught in a cycle come last by title: the checks
    report both, and planning must still never fail.
    """
    pending = {module.id: module for module in modules}
    ordered: list[TrainingModule] = []
    while pending:
        ready = [m for m in pending.values() if all(p not in pending for p in m.prerequisites)]
        if not ready:
            ordered.extend(sorted(pending.values(), key=_title_key))
            break
        first = min(ready, key=_title_key)
        ordered.append(first)
        del pending[first.id]
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
