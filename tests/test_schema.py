"""The JSON Schemas for editors: committed = generated, complete, German, and they accept the shipped data."""

from __future__ import annotations

import enum
import json
import re
import subprocess
import sys
import typing
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml
from guideline.load.source import load_yaml
from guideline.model.fields import PLACEHOLDER, SLUG_PATTERN
from guideline.model.ids import IdKind, model_classes_in
from guideline.model.layout import DataKind, classify_data_file
from guideline.model.schema import SCHEMA_DIALECT, render_schemas
from guideline.model.training import TrainingFormat
from guideline.parse.file import parse_file
from guideline.scaffold import KnownIds, scaffold_data_file
from jsonschema import Draft202012Validator
from pydantic import BaseModel

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "example_data"
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


def committed_schema(kind: DataKind) -> dict[str, Any]:
    return json.loads((DATA / kind.schema_path).read_text(encoding="utf-8"))


def data_files(data_dir: Path) -> dict[DataKind, list[Path]]:
    """Every data file under data_dir, grouped by kind."""
    grouped: dict[DataKind, list[Path]] = {}
    for path in sorted(data_dir.rglob("*.yml")):
        kind = classify_data_file(PurePosixPath(path.relative_to(data_dir).as_posix()))
        if kind is not None:
            grouped.setdefault(kind, []).append(path)
    return grouped


def check_jsonschema(schema: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    """Validate files with check-jsonschema, which reads YAML as YAML 1.2 the way editors do."""
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files)],
        capture_output=True, text=True, check=False,
    )


# --- drift and shape ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(DataKind), ids=lambda kind: kind.slug)
def test_committed_schema_equals_generated(kind: DataKind) -> None:
    path = DATA / kind.schema_path
    generated = render_schemas()[kind.schema_path]
    assert path.is_file(), f"{path.relative_to(REPO)} is missing: run python3 build.py schema"
    assert path.read_text(encoding="utf-8") == generated, (
        f"{path.relative_to(REPO)} is out of date: run python3 build.py schema"
    )


def test_schema_folder_holds_only_generated_schemas() -> None:
    expected = {kind.schema_path.name for kind in DataKind}
    assert {path.name for path in (DATA / "schema").iterdir()} == expected


@pytest.mark.parametrize("kind", list(DataKind), ids=lambda kind: kind.slug)
def test_schema_is_valid_draft_2020_12_with_german_head(kind: DataKind) -> None:
    schema = committed_schema(kind)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == SCHEMA_DIALECT
    assert schema["$id"] == f"urn:guideline:schema:{kind.slug}"
    assert schema["title"] == kind.spec.title
    assert schema["description"].startswith(f"{kind.spec.title}: Aufbau der Datei guideline_data/")


def walk_objects(node: Any) -> Iterator[dict[str, Any]]:
    """Yield every subschema that declares properties."""
    if isinstance(node, dict):
        if "properties" in node:
            yield node
        for value in node.values():
            yield from walk_objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk_objects(value)


@pytest.mark.parametrize("kind", list(DataKind), ids=lambda kind: kind.slug)
def test_every_object_forbids_unknown_keys_and_every_property_is_described(kind: DataKind) -> None:
    schema = committed_schema(kind)
    for node in walk_objects(schema):
        assert node["additionalProperties"] is False
        for name, prop in node["properties"].items():
            assert prop.get("description", "").strip(), f"property {name!r} has no description"
            assert "title" not in prop, f"property {name!r} carries pydantic's English title"
    for name, definition in schema.get("$defs", {}).items():
        assert not {"title", "description"} & definition.keys(), f"$defs/{name} carries its English docstring"


def models_of(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """Yield a model and every model nested in its fields."""
    yield model
    for field in model.model_fields.values():
        for candidate in _types_in(field.annotation):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                yield from models_of(candidate)


def _types_in(annotation: Any) -> Iterator[Any]:
    yield annotation
    for argument in typing.get_args(annotation):
        yield from _types_in(argument)


@pytest.mark.parametrize("kind", list(DataKind), ids=lambda kind: kind.slug)
def test_every_model_field_has_a_german_description(kind: DataKind) -> None:
    for model in models_of(kind.spec.model):
        for name, field in model.model_fields.items():
            assert field.description and field.description.strip(), f"{model.__name__}.{name} has no description"


LEGAL_FORMS = {"gmbh", "ag", "kg", "kgaa", "se", "ev", "co", "ug", "ohg", "mbh"}
PRODUCT_COMPANY_WORDS = (
    "Küche", "Kochstudio", "Kochkurs", "Gerät", "Backofen", "Geschirrspül", "Rezept", "Rückruf", "Ersatzteil",
    "Showroom", "Kaufinteress", "Fans", "Fanseite", "Produkt", "CRM", "Hotline", "Kunde beschwert",
)
"""Words of a product company that a utility, a hospital or a university would not read as theirs."""


def example_company_words() -> set[str]:
    """Return what names the shipped example's company: the words of its name and its mail domain."""
    text = (DATA / "organisation.yml").read_bytes()
    loaded, problems = load_yaml(PurePosixPath("organisation.yml"), text)
    assert loaded is not None and not problems
    organisation = loaded.data
    words = {word for word in re.findall(r"\w+", organisation["name"]) if word.casefold() not in LEGAL_FORMS}
    domains = re.findall(r"@([\w-]+)\.", organisation["contact"]["email"])
    return {word for word in (*words, *domains) if len(word) >= 4}


def forbidden_words_in(text: str) -> list[str]:
    """Return the example company's words and product-company words that occur in a text, ignoring case."""
    folded = text.casefold()
    return [word for word in (*sorted(example_company_words()), *PRODUCT_COMPANY_WORDS) if word.casefold() in folded]


def test_the_example_company_is_recognised_in_its_own_texts() -> None:
    assert len(example_company_words()) >= 2
    summary = (DATA / "organisation.yml").read_text(encoding="utf-8").split("audience:")[0]
    assert forbidden_words_in(summary)


@pytest.mark.parametrize("kind", list(DataKind), ids=lambda kind: kind.slug)
def test_no_field_description_speaks_of_the_example_company(kind: DataKind) -> None:
    """The schema is what every organisation's contributors read in their editor: it names no product company."""
    for model in models_of(kind.spec.model):
        for name, field in model.model_fields.items():
            found = forbidden_words_in(json.dumps([field.description, field.default], ensure_ascii=False, default=str))
            assert not found, f"{model.__name__}.{name}: {found} in {field.description!r}"


def test_booleans_and_numbers_are_typed_as_editors_read_them() -> None:
    roles = committed_schema(DataKind.ROLES)["$defs"]["Role"]["properties"]
    assert roles["customer_dialogue"]["type"] == "boolean"
    phase = committed_schema(DataKind.PROCESS)["$defs"]["Phase"]["properties"]
    assert phase["number"]["type"] == "integer"
    formats = committed_schema(DataKind.TRAINING)["$defs"]["TrainingFormat"]["enum"]
    assert formats == [member.value for member in TrainingFormat]


# --- the data validates against the committed schemas ---------------------------------------------


@pytest.mark.parametrize("data_dir", [DATA, MINIMAL], ids=["shipped", "minimal"])
def test_data_files_validate_against_committed_schemas(data_dir: Path) -> None:
    grouped = data_files(data_dir)
    if not grouped:
        pytest.skip(f"no data files in {data_dir}")
    for kind, files in grouped.items():
        result = check_jsonschema(DATA / kind.schema_path, files)
        assert result.returncode == 0, result.stdout + result.stderr


def test_shipped_data_files_point_editors_at_their_schema() -> None:
    for kind, files in data_files(DATA).items():
        for path in files:
            relative = PurePosixPath(path.relative_to(DATA).as_posix())
            first_line = path.read_text(encoding="utf-8").splitlines()[0]
            expected = f"# yaml-language-server: $schema={kind.schema_reference(relative)}"
            assert first_line == expected, f"{relative}: first line should be {expected!r}"


def _caused_by_placeholder(error: Any) -> bool:
    """Tell whether a schema error is only the placeholder standing where a value must be chosen."""
    if error.instance == PLACEHOLDER:
        return True
    if error.validator not in {"anyOf", "oneOf"} or not error.context:
        return False
    branches: dict[Any, list[Any]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    return any(all(_caused_by_placeholder(sub) for sub in subs) for subs in branches.values())


def test_every_scaffold_validates_against_its_schema_except_where_a_choice_is_left_open() -> None:
    for kind in DataKind:
        text = scaffold_data_file(kind, "neu" if kind.spec.folder else None, KnownIds())
        data = yaml.safe_load(text)  # as an editor reads it: true/false as booleans, not as the loader's text
        errors = list(Draft202012Validator(committed_schema(kind)).iter_errors(data))
        assert [e.message for e in errors if not _caused_by_placeholder(e)] == [], kind.slug


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("public_facing: true", True),
        ("public_facing: false", True),
        ("public_facing: yes", False),  # YAML 1.2 (editors) reads a string; our loader rejects it too
        ("public_facing: 1", False),
    ],
)
def test_schema_and_loader_agree_on_booleans(text: str, valid: bool, tmp_path: Path) -> None:
    content = f"departments:\n  - id: vertrieb\n    name: Vertrieb\n    description: Verkauft.\n    {text}\n"
    path = tmp_path / "departments.yml"
    path.write_text(content, encoding="utf-8")
    loaded, load_diagnostics = load_yaml(PurePosixPath("departments.yml"), content.encode())
    assert loaded is not None and not load_diagnostics
    parsed, diagnostics = parse_file(DataKind.DEPARTMENTS, loaded)
    assert (parsed is not None and not diagnostics) == valid
    assert (check_jsonschema(DATA / DataKind.DEPARTMENTS.schema_path, [path]).returncode == 0) == valid


def _enum_types(model_class: type[BaseModel]) -> dict[str, type[enum.Enum]]:
    """Return every enum a model uses, nested models included, by class name (as the schema's $defs name them)."""
    found: dict[str, type[enum.Enum]] = {}
    for info in model_class.model_fields.values():
        for argument in _types_in(info.annotation):
            if isinstance(argument, type) and issubclass(argument, enum.Enum):
                found[argument.__name__] = argument
        for nested in model_classes_in(info.annotation):
            found.update(_enum_types(nested))
    return found


def test_enum_members_match_schema_values() -> None:
    for kind in DataKind:
        enums = _enum_types(kind.spec.model)
        for name, definition in committed_schema(kind).get("$defs", {}).items():
            if "enum" in definition:
                enum_type = enums[name]
                assert issubclass(enum_type, enum.Enum)
                assert definition["enum"] == [member.value for member in enum_type]


def test_every_id_field_declares_what_it_defines_or_names() -> None:
    """Every id-shaped field is marked in the schema (x-defines, x-refers-to or x-former-id-of) with a known id kind."""
    kinds = {kind.spec.slug for kind in IdKind}
    for kind in DataKind:
        schema = committed_schema(kind)
        owners = {kind.spec.model.__name__: schema, **schema.get("$defs", {})}
        for owner, node in owners.items():
            for name, prop in node.get("properties", {}).items():
                options = [prop, *prop.get("anyOf", ()), prop.get("items", {})]
                for option in options:
                    if option.get("pattern") == SLUG_PATTERN:
                        marks = {option.get("x-defines"), option.get("x-refers-to"), option.get("x-former-id-of")} - {None}
                        assert len(marks) == 1 and marks <= kinds, f"{owner}.{name} says neither what it defines nor names"


def test_the_schema_marks_the_target_of_a_reference() -> None:
    owner = committed_schema(DataKind.CHANNELS)["$defs"]["Channel"]["properties"]
    assert owner["owner"]["x-refers-to"] == "role"
    assert owner["id"]["x-defines"] == "channel"
    scenario = committed_schema(DataKind.SCENARIO)["properties"]
    assert scenario["channels"]["items"]["x-refers-to"] == "channel"
