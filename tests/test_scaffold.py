"""Scaffolds never decide for the contributor: every value a new file needs is a placeholder that
`check` reports at its own line and column until it is replaced.

Which values those are is derived from each kind's JSON Schema (itself generated from the models):
every required field without a default, in every object the scaffold writes. Nothing is hard-coded, so
a new field or a new data kind is covered the day it is added.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from guideline.diagnostics import Position, format_report
from guideline.load.source import DataPath, load_yaml
from guideline.model.layout import DataKind
from guideline.model.schema import generate_schema
from guideline.scaffold import KnownIds, scaffold_data_file
from guideline.site import check_site

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
PLACEHOLDER_CODES = {"G308", "G391"}


def _resolve(prop: Mapping[str, Any], defs: Mapping[str, Any]) -> Mapping[str, Any]:
    if "anyOf" in prop:
        prop = next(option for option in prop["anyOf"] if option.get("type") != "null")
    return defs[prop["$ref"].rsplit("/", 1)[-1]] if "$ref" in prop else prop


def choices(schema: Mapping[str, Any], data: Any, defs: Mapping[str, Any], path: DataPath = ()) -> Iterator[DataPath]:
    """Yield the path of every value in data that the schema requires and gives no default."""
    required = set(schema.get("required", ()))
    for name, prop in schema.get("properties", {}).items():
        if name not in data:
            continue
        target, value = _resolve(prop, defs), data[name]
        if "properties" in target and isinstance(value, dict):
            yield from choices(target, value, defs, (*path, name))
        elif target.get("type") == "array" and isinstance(value, list):
            item = _resolve(target["items"], defs)
            for index, entry in enumerate(value):
                if "properties" in item:
                    yield from choices(item, entry, defs, (*path, name, index))
                elif name in required:
                    yield (*path, name, index)
        elif name in required:
            yield (*path, name)


def scaffold_into_minimal(kind: DataKind, root: Path) -> tuple[PurePosixPath, str]:
    """Write a scaffold of the kind into a copy of the minimal guideline; return its display path and text."""
    shutil.copytree(MINIMAL, root / "guideline_data")
    item_id = "neu" if kind.spec.folder else None
    relative = kind.data_path(item_id)
    text = scaffold_data_file(kind, item_id, KnownIds())
    (root / "guideline_data" / relative).parent.mkdir(parents=True, exist_ok=True)
    (root / "guideline_data" / relative).write_text(text, encoding="utf-8")
    return PurePosixPath("guideline_data") / relative, text


@pytest.mark.parametrize("kind", list(DataKind), ids=lambda kind: kind.slug)
def test_check_reports_every_choice_a_scaffold_leaves_open(kind: DataKind, tmp_path: Path) -> None:
    shown, text = scaffold_into_minimal(kind, tmp_path)
    loaded, _ = load_yaml(shown, text.encode("utf-8"))
    assert loaded is not None
    schema = generate_schema(kind)
    expected = {
        loaded.source_map.position_of(path)
        for path in choices(schema, loaded.data, schema.get("$defs", {}))
        if not (kind.spec.folder and path == ("id",))  # the id given on the command line
    }
    report = check_site(tmp_path / "guideline_data", tmp_path)
    reported = {d.position for d in report.diagnostics if d.path == shown and d.code in PLACEHOLDER_CODES}
    assert expected, f"{kind.slug}: the scaffold asks for nothing"
    assert sorted(expected - reported, key=_line) == [], format_report(report)
    # Nothing in a scaffold is wrong, only open: every error is a choice still to make.
    assert {d.code for d in report.errors} <= {"G391"}, format_report(report)


def _line(position: Position) -> tuple[int, int]:
    return position.line, position.column


def test_no_scaffold_value_passes_unnoticed(tmp_path: Path) -> None:
    """The values that used to pass every check (durations, a date) are placeholders now."""
    _, text = scaffold_into_minimal(DataKind.ORGANISATION, tmp_path)
    for line in ("max_first_response: Bitte ausfüllen", "review_interval: Bitte ausfüllen",
                 "  valid_from: Bitte ausfüllen", "  address: Bitte ausfüllen"):
        assert line in text.splitlines()
    report = check_site(tmp_path / "guideline_data", tmp_path)
    assert report.fails(strict=False)
