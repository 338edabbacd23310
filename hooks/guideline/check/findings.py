"""Findings of the cross-checks: a problem at a data path of one parsed file, as a Diagnostic."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..diagnostics import Diagnostic, Severity
from ..load.source import DataPath
from ..model.ids import field_marker
from ..parse.file import ParsedFile


def finding_at(
    parsed: ParsedFile[Any],
    data_path: DataPath,
    code: str,
    message: str,
    *,
    severity: Severity = Severity.ERROR,
    notes: tuple[str, ...] = (),
    help_text: str | None = None,
) -> Diagnostic:
    """Build a diagnostic at the position of the value at data_path in a parsed file."""
    return Diagnostic(
        code=code,
        severity=severity,
        path=parsed.source_map.path,
        position=parsed.source_map.position_of(data_path),
        message=message,
        notes=notes,
        help=help_text,
    )


def place_of(parsed: ParsedFile[Any], data_path: DataPath) -> str:
    """Name where a value is, as `path:line`, for notes that point to a second place."""
    return f"{parsed.source_map.path}:{parsed.source_map.position_of(data_path).line}"


def shorten_list(items: list[str], limit: int = 8) -> str:
    """Join items for a note; long lists show the first few and how many there are in all."""
    if len(items) <= limit:
        return ", ".join(items)
    return f"{', '.join(items[:limit])}, … ({len(items)} insgesamt)"


def texts_of(value: Any, data_path: DataPath = (), *, with_ids: bool = True) -> Iterator[tuple[DataPath, str]]:
    """Yield every text of a model with its data path; without ids and references unless `with_ids`."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if with_ids or field_marker(type(value), name) is None:
                yield from texts_of(getattr(value, name), (*data_path, name), with_ids=with_ids)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from texts_of(item, (*data_path, index), with_ids=with_ids)
    elif isinstance(value, str):
        yield data_path, value
