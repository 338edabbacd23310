"""JSON Schemas of the data files, generated from the models, for contributors' editors.

Each data file starts with a `# yaml-language-server: $schema=…` comment that points at one of these
schemas, so editors complete keys and show the German field descriptions while typing. The schemas
are committed under guideline_data/schema/ and a test keeps them equal to what the models generate.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from .layout import DataKind

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID_PREFIX = "urn:guideline:schema:"


class GuidelineJsonSchema(GenerateJsonSchema):
    """Pydantic's generator without English names and docstrings: contributors see only German."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        # Titles would be the English field names ("First Response"); the description says it all.
        return False



def _without_class_text(json_schema: dict[str, Any]) -> dict[str, Any]:
    """Drop a class's name and its (English, developer-facing) docstring from its schema."""
    return {key: value for key, value in json_schema.items() if key not in {"title", "description"}}


def schema_id(kind: DataKind) -> str:
    """Return the schema's `$id`, a stable name that does not depend on where the repository lives."""
    return f"{SCHEMA_ID_PREFIX}{kind.slug}"


def schema_description(kind: DataKind) -> str:
    """Return the German description shown for a whole data file."""
    location = kind.data_path("<id>") if kind.spec.folder else kind.data_path()
    return (
        f"{kind.spec.title}: Aufbau der Datei guideline_data/{location}. "
        "Jedes Feld ist beschrieben; unbekannte Felder sind nicht erlaubt."
    )


def generate_schema(kind: DataKind) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of one kind of data file."""
    body = _without_class_text(kind.spec.model.model_json_schema(schema_generator=GuidelineJsonSchema))
    if "$defs" in body:
        body["$defs"] = {name: _without_class_text(entry) for name, entry in body["$defs"].items()}
    head = {
        "$schema": SCHEMA_DIALECT,
        "$id": schema_id(kind),
        "title": kind.spec.title,
        "description": schema_description(kind),
    }
    return {**head, **body}


def format_schema(schema: dict[str, Any]) -> str:
    """Serialise a schema stably: pydantic's key order, two-space indent, real umlauts, final newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def render_schemas() -> dict[PurePosixPath, str]:
    """Return every schema file's text by its path relative to the data folder."""
    return {kind.schema_path: format_schema(generate_schema(kind)) for kind in DataKind}
