"""Pydantic's validation errors, rewritten as German diagnostics at the offending value's position.

Each error's `loc` is turned into a data path (the same tuple the source map uses), the model is
walked along that path to find the field's type and description (schema_messages), and the error type
picks the message. One diagnostic per data path: the first error there is the one a contributor must fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic_core import ErrorDetails

from ..diagnostics import Diagnostic, Position, Severity, sort_diagnostics
from ..load.source import DataPath, LoadedFile, PlainData
from .messages import CODES, Problem, closest_field, explain
from .model_paths import ModelType

__all__ = ["CODES", "Problem", "data_path_of", "describe_errors"]


def describe_errors(root: ModelType, loaded: LoadedFile, errors: Sequence[ErrorDetails]) -> tuple[Diagnostic, ...]:
    """Turn pydantic's errors for one file into diagnostics, one per data path."""
    seen: set[DataPath] = set()
    diagnostics: list[Diagnostic] = []
    problems = [_problem_of(root, loaded.data, error) for error in errors]
    for problem in problems:
        if problem.data_path in seen or _is_follow_up(problem) or _is_misspelt(problem, problems):
            continue
        seen.add(problem.data_path)
        code, message, notes, help_text = explain(problem)
        diagnostics.append(
            Diagnostic(code=code, severity=Severity.ERROR, path=loaded.path,
                       position=_position(loaded, problem), message=message, notes=notes, help=help_text)
        )
    return sort_diagnostics(diagnostics)


def _problem_of(root: ModelType, data: PlainData, error: ErrorDetails) -> Problem:
    path = data_path_of(data, tuple(error["loc"]), missing=error["type"] == "missing")
    return Problem(error_type=error["type"], data_path=path, value=error.get("input"), error=error, root=root)


def data_path_of(data: PlainData, loc: tuple[str | int, ...], *, missing: bool = False) -> DataPath:
    """Keep the parts of an error location that lead through the data; drop pydantic's union tags."""
    path: list[str | int] = []
    node: Any = data
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(node, dict) and isinstance(part, str) and (part in node or (missing and last)):
            path.append(part)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
    return tuple(path)


def _is_follow_up(problem: Problem) -> bool:
    """Pydantic reports a list as too short once a bad item is dropped; the item's error is the real one."""
    if problem.error_type != "too_short" or not isinstance(problem.value, (list, tuple)):
        return False
    return len(problem.value) >= int(problem.error.get("ctx", {}).get("min_length", 0))


def _is_misspelt(problem: Problem, problems: list[Problem]) -> bool:
    """A missing field that an unknown key nearby misspells is reported once, at the misspelt key."""
    if problem.error_type != "missing" or not problem.data_path:
        return False
    parent, name = problem.data_path[:-1], problem.data_path[-1]
    return any(
        other.error_type == "extra_forbidden"
        and other.data_path[:-1] == parent
        and closest_field(problem.root, other.data_path) == name
        for other in problems
    )


def _position(loaded: LoadedFile, problem: Problem) -> Position:
    source_map = loaded.source_map
    if problem.error_type == "extra_forbidden":
        return source_map.position_of(problem.data_path, key=True)
    if problem.error_type == "missing":
        return source_map.position_of(problem.data_path[:-1])
    return source_map.position_of(problem.data_path)
