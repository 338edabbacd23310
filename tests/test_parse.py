"""Stage 2: plain data from the loader → typed models, or German diagnostics at the right place."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path, PurePosixPath

import pytest
from guideline.diagnostics import Position, format_diagnostic
from guideline.load.source import LoadedFile, PlainData, SourceMap, load_yaml
from guideline.model.channels import Channel, ChannelLegal
from guideline.model.layout import DataKind, classify_data_file
from guideline.model.organisation import Contact
from guideline.model.scenarios import Scenario, Step
from guideline.model.training import TrainingFormat, TrainingModule
from guideline.parse.errors import data_path_of, describe_errors
from guideline.parse.file import CODES, ParsedFile, folder_neighbours, parse_file
from guideline.parse.model_paths import field_at, model_at, type_at
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict

DEPARTMENTS = "guideline_data/departments.yml"


def load(text: str, path: str = DEPARTMENTS) -> LoadedFile:
    """Load inline YAML with the real loader; the test data itself must be loadable."""
    loaded, problems = load_yaml(PurePosixPath(path), textwrap.dedent(text).encode("utf-8"))
    assert problems == ()
    assert loaded is not None
    return loaded


def parse_errors(kind: DataKind, text: str, path: str = DEPARTMENTS) -> list[str]:
    """Parse inline YAML as one kind of file and return the formatted diagnostics."""
    parsed, diagnostics = parse_file(kind, load(text, path))
    assert (parsed is None) == bool(diagnostics)
    return [format_diagnostic(d) for d in diagnostics]


TRAINING = textwrap.dedent(
    """\
    id: grundlagen
    title: Grundlagen
    summary: Wie wir online sprechen.
    audience:
      - community-manager
    duration: 2 h
    format: workshop
    objectives:
      - Den Leitfaden kennen
    outline:
      - title: Einführung
    """
)
TRAINING_PATH = "guideline_data/training/grundlagen.yml"


# --- the corpus: one data file per case folder, parsed as the kind its path names ----------------------

CASES = Path(__file__).parent / "cases" / "parse"
CASE_NAMES = sorted(case.name for case in CASES.iterdir() if case.is_dir())


def run_case(case: Path) -> str:
    """Load and parse the case's one data file as guideline_data/<its path>; return the formatted diagnostics."""
    (data_file,) = case.rglob("*.yml")
    relative = PurePosixPath(data_file.relative_to(case).as_posix())
    kind = classify_data_file(relative)
    assert kind is not None, f"{relative} names no data kind"
    return "\n".join(parse_errors(kind, data_file.read_text(encoding="utf-8"), f"guideline_data/{relative}")) + "\n"


@pytest.mark.parametrize("name", CASE_NAMES)
def test_parse_case(name: str) -> None:
    case = CASES / name
    assert run_case(case) == (case / "expected.txt").read_text(encoding="utf-8")


def test_the_parse_corpus_covers_every_schema_code() -> None:
    found = set()  # a code that needs several files (G114) has its case among the check cases
    for expected in [*CASES.glob("*/expected.txt"), *(CASES.parent / "check").glob("*/expected.txt")]:
        found.update(re.findall(r"\[(G1\d\d|G31[45]|G308|G367|G39[01])\]", expected.read_text(encoding="utf-8")))
    # G100 is the fallback for error types no model of ours produces: tested below with a synthetic model.
    assert {entry.code for entry in CODES} - found == {"G100"}, "add a case for each schema code"


def test_valid_file_becomes_a_frozen_model_with_its_source_map() -> None:
    loaded = load(TRAINING, TRAINING_PATH)
    parsed, diagnostics = parse_file(DataKind.TRAINING, loaded)
    assert diagnostics == ()
    assert isinstance(parsed, ParsedFile)
    assert parsed.kind is DataKind.TRAINING
    assert parsed.source_map is loaded.source_map
    assert isinstance(parsed.model, TrainingModule)
    assert parsed.model.format is TrainingFormat.WORKSHOP
    assert parsed.model.duration.minutes == 120














































PROCESS = """\
    introduction: So arbeiten wir.
    phases:
      - id: planung
        number: 1.0
        title: Planung
        goal: Wissen, was wann erscheint.
        activities: [Redaktionsplan]
        outputs: [Plan]
        roles: [social-media-lead]
    """






def test_optional_field_with_a_bad_value_is_reported_once() -> None:
    loaded = load(
        """\
        name: Team
        email: foo
        """
    )
    diagnostics = describe_errors(Contact, loaded, _errors_of(Contact, loaded))
    assert [d.code for d in diagnostics] == ["G112"]


def _errors_of(model: type[BaseModel], loaded: LoadedFile) -> list:  # type: ignore[type-arg]
    from pydantic import ValidationError

    try:
        model.model_validate(loaded.data)
    except ValidationError as error:
        return error.errors(include_url=False)  # type: ignore[return-value]
    return []






def test_file_name_is_checked_alongside_other_errors_but_not_for_a_bad_id() -> None:
    other_error = TRAINING.replace("format: workshop", "format: foo")
    assert _codes(parse_errors(DataKind.TRAINING, other_error, "guideline_data/training/x.yml")) == ["G113", "G104"]
    bad_id = TRAINING.replace("id: grundlagen", "id: Grundlagen")
    assert _codes(parse_errors(DataKind.TRAINING, bad_id, "guideline_data/training/x.yml")) == ["G105"]


def folder_errors(folder: dict[str, str], name: str) -> list[str]:
    """Parse one training module among the others of training/, given as file name -> text."""
    files = {name: load(text, f"guideline_data/training/{name}") for name, text in folder.items()}
    neighbours = folder_neighbours((DataKind.TRAINING, loaded.path, loaded) for loaded in files.values())
    parsed, diagnostics = parse_file(DataKind.TRAINING, files[name], neighbours[DataKind.TRAINING])
    assert (parsed is None) == bool(diagnostics)
    return [format_diagnostic(d) for d in diagnostics]


def test_an_id_another_file_has_is_a_duplicate_naming_both_files() -> None:
    folder = {"grundlagen.yml": TRAINING, "kopie.yml": TRAINING}
    assert folder_errors(folder, "grundlagen.yml") == []
    assert folder_errors(folder, "kopie.yml") == [
        "guideline_data/training/kopie.yml:1:5: error[G114]: doppelte ID 'grundlagen': eine andere Datei hat schon "
        "diese ID\n"
        "    note: ebenfalls definiert in guideline_data/training/grundlagen.yml:1\n"
        "    help: ändere die ID in 'kopie', passend zum Dateinamen"
    ]


def test_two_misnamed_files_with_one_id_name_each_other() -> None:
    folder = {"a.yml": TRAINING, "b.yml": TRAINING}
    assert folder_errors(folder, "b.yml")[0].splitlines()[1:] == [
        "    note: ebenfalls definiert in guideline_data/training/a.yml:1",
        "    help: ändere die ID in 'b', passend zum Dateinamen",
    ]


def test_a_file_name_that_exists_is_never_suggested() -> None:
    other = TRAINING.replace("id: grundlagen", "id: vertiefung")
    folder = {"grundlagen.yml": other, "basis.yml": TRAINING}
    assert folder_errors(folder, "basis.yml") == [
        "guideline_data/training/basis.yml:1:5: error[G113]: die ID 'grundlagen' passt nicht zum Dateinamen "
        "'basis.yml'\n"
        "    note: die Datei muss so heißen wie ihre ID, damit Adresse und Datei zusammenpassen\n"
        "    note: eine Datei 'grundlagen.yml' gibt es in diesem Ordner schon\n"
        "    help: ändere die ID in 'basis'"
    ]


def test_an_id_taken_by_another_file_is_never_suggested() -> None:
    swapped = {"a.yml": TRAINING.replace("id: grundlagen", "id: b"),
               "b.yml": TRAINING.replace("id: grundlagen", "id: a")}
    assert folder_errors(swapped, "a.yml")[0].splitlines()[-1] == (
        "    help: wähle eine ID, die noch keine andere Datei hat, und benenne die Datei genauso"
    )
    copy = {"grundlagen.yml": TRAINING, "x.yml": TRAINING.replace("id: grundlagen", "id: kopie"),
            "kopie.yml": TRAINING}
    assert folder_errors(copy, "kopie.yml")[0].splitlines()[-1] == (
        "    help: gib dieser Datei eine eigene ID und benenne die Datei genauso"
    )


def _codes(errors: list[str]) -> list[str]:
    return [re.search(r"\[(G\d{3})\]", error).group(1) for error in errors]  # type: ignore[union-attr]






# --- the pieces ----------------------------------------------------------------------------------


def test_data_path_drops_union_tags_and_keeps_the_missing_key() -> None:
    data: PlainData = {"steps": [{"role": "a"}], "name": "x"}
    assert data_path_of(data, ("steps", 0, "function-after[_check_slug(), str]", "role")) == ("steps", 0, "role")
    assert data_path_of(data, ("steps", 0, "action"), missing=True) == ("steps", 0, "action")
    assert data_path_of(data, ("steps", 0, "action")) == ("steps", 0)
    assert data_path_of(data, ("name", "str")) == ("name",)


def test_model_walk_finds_types_models_and_fields() -> None:
    assert model_at(Scenario, ("steps", 0)) is Step
    assert model_at(Channel, ("legal",)) is ChannelLegal
    assert type_at(TrainingModule, ("format",)) is TrainingFormat
    assert type_at(Channel, ("url",)) is str
    assert type_at(Scenario, ("nothing", 0)) is None
    info = field_at(Scenario, ("steps", 2, "deadline"))
    assert info is not None and info.description == "Bis wann, ab Eingang, z. B. '1 h' oder 'sofort'."
    assert field_at(Scenario, ("steps", 2)) is None


class _Measurement(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ratio: float


def test_unforeseen_error_types_still_get_a_german_message_and_pydantics_detail_as_note() -> None:
    loaded = LoadedFile({"ratio": "viel"}, SourceMap(PurePosixPath("x.yml"), {("ratio",): Position(1, 8)}))
    diagnostics = describe_errors(_Measurement, loaded, _errors_of(_Measurement, loaded))
    assert [format_diagnostic(d) for d in diagnostics] == [
        "x.yml:1:8: error[G100]: ungültiger Wert für 'ratio'\n"
        "    note: technische Meldung: Input should be a valid number, unable to parse string as a number"
    ]


def test_a_flood_of_schema_errors_is_cut_at_twenty_with_a_note() -> None:
    errors = parse_errors(DataKind.TRAINING, TRAINING + "".join(f"extra{n}: x\n" for n in range(50)), TRAINING_PATH)
    assert len(errors) == 20
    assert errors[-1].splitlines()[0] == (
        "guideline_data/training/grundlagen.yml:31:1: error[G101]: unbekannter Schlüssel 'extra19'"
    )
    assert "    note: weitere Probleme in dieser Datei werden erst angezeigt, wenn diese behoben sind" in errors[-1]


def test_every_code_emitted_is_documented_in_german() -> None:
    documented = {entry.code for entry in CODES}
    field_types = {"G314", "G315", "G390"}  # contacts.yml and organisation.yml's site block
    # G367: placeholder names of statements/; G308/G391: placeholders
    assert documented == {f"G1{n:02d}" for n in range(15)} | field_types | {"G308", "G367", "G391"}
    for entry in CODES:
        assert entry.title and entry.explanation and entry.fix


# --- properties ----------------------------------------------------------------------------------

_plain = st.recursive(
    st.none() | st.text(max_size=12) | st.sampled_from(["true", "4 h", "workshop", "a-b", "1", ""]),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(
        st.sampled_from(["id", "title", "steps", "roles", "format", "legal", "nme", "x", "rules", "number"]),
        inner,
        max_size=4,
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(kind=st.sampled_from(list(DataKind)), data=_plain)
def test_any_plain_data_gives_a_model_or_diagnostics_never_a_traceback(kind: DataKind, data: object) -> None:
    loaded = LoadedFile(data, SourceMap(PurePosixPath(f"guideline_data/{kind.data_path('x')}")))  # type: ignore[arg-type]
    parsed, diagnostics = parse_file(kind, loaded)
    assert (parsed is None) == bool(diagnostics)
    for diagnostic in diagnostics:
        assert diagnostic.code in {entry.code for entry in CODES}
        assert diagnostic.message


@pytest.mark.parametrize("kind", list(DataKind))
def test_parsing_is_deterministic(kind: DataKind) -> None:
    loaded = LoadedFile({"id": "X", "nme": None, "steps": "a"}, SourceMap(PurePosixPath("f.yml")))
    first = parse_file(kind, loaded)[1]
    assert first == parse_file(kind, loaded)[1]


_FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
_FIXTURE_FILES = sorted(path.relative_to(_FIXTURE).as_posix() for path in _FIXTURE.rglob("*.yml"))


@settings(max_examples=200, deadline=None)
@given(relative=st.sampled_from(_FIXTURE_FILES), data=st.data())
def test_damaged_files_give_diagnostics_inside_the_file(relative: str, data: st.DataObject) -> None:
    lines = (_FIXTURE / relative).read_text(encoding="utf-8").splitlines()
    index = data.draw(st.integers(0, len(lines) - 1))
    damage = data.draw(st.sampled_from(["drop", "empty value", "typo key", "list value", "copy"]))
    lines = _damaged(lines, index, damage)
    kind = classify_data_file(PurePosixPath(relative))
    assert kind is not None
    loaded, problems = load_yaml(PurePosixPath(relative), "\n".join(lines).encode("utf-8"))
    if loaded is None:
        return
    parsed, diagnostics = parse_file(kind, loaded)
    assert (parsed is None) == bool(diagnostics)
    for diagnostic in diagnostics:
        assert 1 <= diagnostic.position.line <= len(lines) + 1
        assert diagnostic.position.column >= 1


def _damaged(lines: list[str], index: int, damage: str) -> list[str]:
    line = lines[index]
    key, colon, _ = line.partition(": ")
    if damage == "drop":
        return lines[:index] + lines[index + 1:]
    if damage == "copy":
        return lines[: index + 1] + [line] + lines[index + 1:]
    if not colon:
        return lines
    replacement = {"empty value": f"{key}:", "typo key": f"{key}x: y", "list value": f"{key}: [a, b]"}[damage]
    return lines[:index] + [replacement] + lines[index + 1:]
