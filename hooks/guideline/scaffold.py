"""Scaffold a new data file: every field present, explained by its German description.

The file is written from the kind's JSON Schema (itself generated from the models), so the scaffold,
the editor's completion and the validation always agree. A scaffold never decides for the contributor:
every value without a default (text, duration, date, number, true/false, allowed value, id, reference)
is the placeholder, which `check` reports at its line until it is replaced (G308 in text, G391
elsewhere). The comment above a reference lists the ids that exist already; a field with a default
shows the default, and an optional field without one is left empty.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel

from .load.source import DataPath
from .model.base import Model
from .model.duration import DURATION_PATTERN
from .model.fields import PLACEHOLDER
from .model.ids import Defines, IdKind, id_kind_named, id_values, model_classes_in
from .model.layout import DataKind
from .model.schema import generate_schema

COMMENT_WIDTH = 100


@dataclass(frozen=True)
class KnownIds:
    """Ids that already exist in the guideline, by kind; the comment above a reference lists them."""

    by_kind: Mapping[IdKind, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Walk:
    """What every step of the walk over one schema needs."""

    defs: Mapping[str, Any]
    known: KnownIds
    item_id: str | None
    filled: Mapping[DataPath, Any] = field(default_factory=dict)


def known_ids_of(models_by_kind: Mapping[DataKind, tuple[BaseModel, ...]]) -> KnownIds:
    """Collect the ids that already exist, in file order, from the parsed models of each kind."""
    collected: dict[IdKind, list[str]] = {}
    for models_of_kind in models_by_kind.values():
        for model in models_of_kind:
            for found in id_values(model):
                if isinstance(found.marker, Defines):
                    collected.setdefault(found.marker.kind, []).append(found.value)
    return KnownIds({kind: tuple(ids) for kind, ids in collected.items()})


def scaffold_data_file(kind: DataKind, item_id: str | None, known: KnownIds, *,
                       filled: Mapping[DataPath, Any] | None = None, file_name: str | None = None,
                       command: str | None = None) -> str:
    """Return the text of a new data file of this kind: every field explained, every choice a placeholder.

    `filled` holds the values the caller knows (e.g. `init`'s organisation name, by data path); a folder
    kind's file may be named without an id (`file_name`), its id then being a placeholder too.
    """
    schema = generate_schema(kind)
    walk = _Walk(defs=schema.get("$defs", {}), known=known, item_id=item_id, filled=filled or {})
    path = kind.data_path(item_id or file_name)
    command = command or " ".join(["python3 build.py new", kind.slug, *([item_id] if item_id else [])])
    lines = [*_header(kind, command, path), ""]
    lines.extend(_object_lines(kind.spec.model, schema, walk, indent=0, path=()))
    return "\n".join(lines) + "\n"


def _header(kind: DataKind, command: str, path: PurePosixPath) -> list[str]:
    return [
        f"# yaml-language-server: $schema={kind.schema_reference(path)}",
        f"# {kind.spec.title}: angelegt mit `{command}`.",
        f"# Ersetze jeden Platzhalter „{PLACEHOLDER}“: der Kommentar darüber sagt, was hineingehört.",
        "# Felder, die hier leer sind, sind optional: lass sie leer oder lösche sie. Eine leere Liste ist [].",
        "# Prüfen mit: python3 build.py check",
    ]


def _object_lines(model: type[Model], schema: Mapping[str, Any], walk: _Walk, indent: int,
                  path: DataPath) -> list[str]:
    required = set(schema.get("required", ()))
    lines: list[str] = []
    for name, prop in schema.get("properties", {}).items():
        lines.extend(_field_lines(model, name, prop, name in required, walk, indent, path))
    return lines


def _field_lines(model: type[Model], name: str, prop: Mapping[str, Any], required: bool, walk: _Walk,
                 indent: int, path: DataPath) -> list[str]:
    pad = " " * indent
    comment = _comment_lines(prop, required, walk, pad)
    target = _resolve(prop, walk)
    if "properties" in target:
        nested_model = _nested_model(model, name)
        return [*comment, f"{pad}{name}:", *_object_lines(nested_model, target, walk, indent + 2, (*path, name))]
    if target.get("type") == "array":
        return [*comment, *_array_lines(model, name, prop, required, walk, indent, path)]
    value = _scalar_value(name, prop, walk, path)
    return [*comment, f"{pad}{name}:{'' if value is None else ' ' + _yaml_scalar(value)}"]


def _array_lines(model: type[Model], name: str, prop: Mapping[str, Any], required: bool, walk: _Walk,
                 indent: int, path: DataPath) -> list[str]:
    pad = " " * indent
    item_schema = _resolve(prop["items"], walk)
    if "properties" in item_schema:
        item_model = _nested_model(model, name)
        item_lines = _list_item(_object_lines(item_model, item_schema, walk, indent + 4, (*path, name, 0)))
    else:
        item_lines = [f"{pad}  - {_yaml_scalar(PLACEHOLDER)}"]  # how many entries is the contributor's choice
    if required or prop.get("minItems", 0) >= 1:
        return [f"{pad}{name}:", *item_lines]
    if "properties" not in item_schema:
        return [f"{pad}{name}: []"]
    example = [f"{pad}# So sieht ein Eintrag aus: ersetze „{name}: []“ durch diese Zeilen ohne „# “."]
    return [f"{pad}{name}: []", *example, *(f"{pad}# {line[indent:]}" for line in [f"{pad}{name}:", *item_lines])]


def _list_item(object_lines: list[str]) -> list[str]:
    """Turn the lines of a mapping indented by n+4 into one list entry `  - first: …` at indent n+2."""
    first_field = next(index for index, line in enumerate(object_lines) if not line.lstrip().startswith("#"))
    line = object_lines[first_field]
    indent = len(line) - len(line.lstrip())
    dashed = f"{' ' * (indent - 2)}- {line.lstrip()}"
    comments = [f"{' ' * (indent - 2)}{c.lstrip()}" for c in object_lines[:first_field]]
    return [*comments, dashed, *object_lines[first_field + 1:]]


def _scalar_value(name: str, prop: Mapping[str, Any], walk: _Walk, path: DataPath) -> Any:
    """Return a value the caller knows, the field's default, or else the placeholder: never a choice made here."""
    if (*path, name) in walk.filled:
        return walk.filled[(*path, name)]
    if not path and name == "id" and walk.item_id is not None:
        return walk.item_id
    if "default" in prop:
        return prop["default"]
    return PLACEHOLDER


def _comment_lines(prop: Mapping[str, Any], required: bool, walk: _Walk, pad: str) -> list[str]:
    target = _resolve(prop, walk)
    notes = ["Pflichtfeld" if required else "optional"]
    if target.get("type") == "array" and target.get("minItems"):
        notes.append(f"mindestens {target['minItems']} Eintrag" + ("" if target["minItems"] == 1 else "e"))
    if "enum" in target:
        notes.append("erlaubt: " + ", ".join(str(value) for value in target["enum"]))
    notes.extend(_form_notes(target, walk))
    text = f"{prop.get('description', '')} ({'; '.join(notes)})"
    return [f"{pad}# {line}" for line in textwrap.wrap(text, COMMENT_WIDTH - len(pad) - 2)]


def _form_notes(target: Mapping[str, Any], walk: _Walk) -> list[str]:
    """Say in which form a value is written, and which ids a reference may name."""
    item = _resolve(target["items"], walk) if target.get("type") == "array" and "items" in target else target
    if item.get("pattern") == DURATION_PATTERN:
        return ["Zeitangabe wie 30 min, 4 h, 2 Tage oder sofort"]
    if item.get("format") == "date":
        return ["Datum als JJJJ-MM-TT"]
    if item.get("type") == "boolean":
        return ["true oder false"]
    if item.get("type") == "integer":
        return ["ganze Zahl"]
    if "x-refers-to" in item:
        kind = id_kind_named(item["x-refers-to"])
        known = walk.known.by_kind.get(kind, ())
        article = {"die": "eine", "den": "einen", "das": "ein"}.get(kind.spec.article, kind.spec.article)
        existing = f"; vorhanden: {', '.join(known)}" if known else ""
        return [f"ID, die auf {article} {kind.spec.singular} verweist{existing}"]
    if "x-defines" in item:
        return ["eigene ID aus Kleinbuchstaben a–z, Ziffern und Bindestrichen"]
    return []


def _resolve(prop: Mapping[str, Any], walk: _Walk) -> Mapping[str, Any]:
    """Follow a `$ref` and unwrap an optional `anyOf [X, null]` to the schema of X."""
    if "anyOf" in prop:
        prop = next(option for option in prop["anyOf"] if option.get("type") != "null")
    if "$ref" in prop:
        return walk.defs[prop["$ref"].rsplit("/", 1)[-1]]
    return prop


def _nested_model(model: type[Model], name: str) -> type[Model]:
    """Return the model class a field holds (itself, in a list or optional), as the model declares it."""
    return next(model_classes_in(model.model_fields[name].annotation))


_PLAIN_RE = re.compile(r"^([A-Za-zÄÖÜäöüß][\w .,äöüÄÖÜß-]*|[0-9]+ [A-Za-z]+)$")
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def _yaml_scalar(value: Any) -> str:
    """Write a scalar as YAML, quoting only when a plain scalar could be read as something else."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_yaml_scalar(item) for item in value) + "]"
    text = str(value)
    if isinstance(value, int) or (_PLAIN_RE.match(text) and text.lower() not in _YAML_WORDS):
        return text
    return json.dumps(text, ensure_ascii=False)
