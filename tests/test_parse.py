"""Stage 2: plain data from the loader → typed models, or German diagnostics at the right place."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path, PurePosixPath

import pytest
from guideline.diagnostics import Position, format_diagnostic
from guideline.load.source import LoadedFile, PlainData, SourceMap, load_yaml
from guideline.model import models
from guideline.model.layout import DataKind, classify_data_file
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


def test_valid_file_becomes_a_frozen_model_with_its_source_map() -> None:
    loaded = load(TRAINING, TRAINING_PATH)
    parsed, diagnostics = parse_file(DataKind.TRAINING, loaded)
    assert diagnostics == ()
    assert isinstance(parsed, ParsedFile)
    assert parsed.kind is DataKind.TRAINING
    assert parsed.source_map is loaded.source_map
    assert isinstance(parsed.model, models.TrainingModule)
    assert parsed.model.format is models.TrainingFormat.WORKSHOP
    assert parsed.model.duration.minutes == 120


def test_unknown_key_with_a_close_field_name_suggests_it_at_the_key() -> None:
    errors = parse_errors(
        DataKind.DEPARTMENTS,
        """\
        departments:
          - id: kommunikation
            name: Kommunikation
            description: Betreut die Kanäle.
            customer_facng: true
        """,
    )
    assert errors == [
        "guideline_data/departments.yml:5:5: error[G101]: unbekannter Schlüssel 'customer_facng'\n"
        "    help: meintest du 'customer_facing'?"
    ]


def test_unknown_key_without_a_close_name_lists_the_allowed_keys() -> None:
    errors = parse_errors(
        DataKind.DEPARTMENTS,
        """\
        departments:
          - id: kommunikation
            name: Kommunikation
            description: Betreut die Kanäle.
            leitung: Frau Muster
        """,
    )
    assert errors == [
        "guideline_data/departments.yml:5:5: error[G101]: unbekannter Schlüssel 'leitung'\n"
        "    note: erlaubte Schlüssel: id, name, description, customer_facing\n"
        "    help: korrigiere den Namen des Schlüssels oder entferne ihn"
    ]


def test_unknown_top_level_key() -> None:
    errors = parse_errors(
        DataKind.DEPARTMENTS,
        """\
        departments:
          - id: kommunikation
            name: Kommunikation
            description: Betreut die Kanäle.
        abteilungen: []
        """,
    )
    assert errors == [
        "guideline_data/departments.yml:5:1: error[G101]: unbekannter Schlüssel 'abteilungen'\n"
        "    note: erlaubte Schlüssel: departments\n"
        "    help: korrigiere den Namen des Schlüssels oder entferne ihn"
    ]


def test_missing_field_is_reported_at_its_mapping_with_the_field_description() -> None:
    errors = parse_errors(
        DataKind.DEPARTMENTS,
        """\
        departments:
          - id: kommunikation
            name: Kommunikation
          - id: vertrieb
            description: Verkauft.
        """,
    )
    assert errors == [
        "guideline_data/departments.yml:2:5: error[G102]: Pflichtfeld 'description' fehlt\n"
        "    help: ergänze 'description:' – Was die Abteilung zur Social-Media-Arbeit beiträgt.",
        "guideline_data/departments.yml:4:5: error[G102]: Pflichtfeld 'name' fehlt\n"
        "    help: ergänze 'name:' – Name der Abteilung.",
    ]


def test_misspelt_key_is_reported_once_not_also_as_missing_field() -> None:
    errors = parse_errors(
        DataKind.DEPARTMENTS,
        """\
        departments:
          - id: kommunikation
            nam: Kommunikation
            description: Betreut die Kanäle.
        """,
    )
    assert errors == [
        "guideline_data/departments.yml:3:5: error[G101]: unbekannter Schlüssel 'nam'\n"
        "    help: meintest du 'name'?"
    ]


def test_text_where_a_list_belongs() -> None:
    errors = parse_errors(DataKind.DEPARTMENTS, "departments: kommunikation\n")
    assert errors == [
        "guideline_data/departments.yml:1:14: error[G103]: 'departments' muss eine Liste sein\n"
        "    help: schreibe jeden Eintrag in eine eigene Zeile, beginnend mit '- '"
    ]


def test_text_where_a_mapping_belongs_names_the_list_entry() -> None:
    errors = parse_errors(
        DataKind.DEPARTMENTS,
        """\
        departments:
          - kommunikation
        """,
    )
    assert errors == [
        "guideline_data/departments.yml:2:5: error[G103]: Eintrag 1 in 'departments' muss eine Zuordnung sein\n"
        "    help: schreibe eingerückte Zeilen der Form 'schlüssel: wert', beginnend mit 'id: …'"
    ]


def test_nested_mapping_where_text_belongs() -> None:
    errors = parse_errors(
        DataKind.DEPARTMENTS,
        """\
        departments:
          - id: kommunikation
            name:
              de: Kommunikation
            description: Betreut die Kanäle.
        """,
    )
    assert errors == [
        "guideline_data/departments.yml:4:7: error[G103]: 'name' muss Text sein\n"
        "    help: steht im Text ein Doppelpunkt mit Leerzeichen (': ')? Dann setze den Text in "
        "Anführungszeichen"
    ]


def test_list_where_text_belongs() -> None:
    errors = parse_errors(
        DataKind.DEPARTMENTS,
        """\
        departments:
          - id: kommunikation
            name:
              - Kommunikation
            description: Betreut die Kanäle.
        """,
    )
    assert errors == [
        "guideline_data/departments.yml:4:7: error[G103]: 'name' muss Text sein\n"
        "    help: schreibe den Text ohne '- ' davor"
    ]


def test_value_not_in_the_closed_vocabulary_suggests_the_close_one() -> None:
    errors = parse_errors(DataKind.TRAINING, TRAINING.replace("format: workshop", "format: Workshop"), TRAINING_PATH)
    assert errors == [
        "guideline_data/training/grundlagen.yml:7:9: error[G104]: 'Workshop' ist kein erlaubter Wert für "
        "'format'; erlaubt: workshop, self-study, shadowing\n"
        "    help: meintest du 'workshop'?"
    ]


def test_value_not_in_the_closed_vocabulary_without_a_close_one() -> None:
    errors = parse_errors(DataKind.TRAINING, TRAINING.replace("format: workshop", "format: foo"), TRAINING_PATH)
    assert errors == [
        "guideline_data/training/grundlagen.yml:7:9: error[G104]: 'foo' ist kein erlaubter Wert für "
        "'format'; erlaubt: workshop, self-study, shadowing"
    ]


def test_list_given_for_a_closed_vocabulary() -> None:
    errors = parse_errors(DataKind.TRAINING, TRAINING.replace("format: workshop", "format: [workshop]"),
                          TRAINING_PATH)
    assert errors == [
        "guideline_data/training/grundlagen.yml:7:9: error[G104]: 'format' muss einer dieser Werte sein: "
        "workshop, self-study, shadowing"
    ]


def test_invalid_id_carries_the_suggestion_as_help() -> None:
    errors = parse_errors(
        DataKind.DEPARTMENTS,
        """\
        departments:
          - id: Öffentlichkeitsarbeit & PR
            name: PR
            description: Presse.
        """,
    )
    assert errors == [
        "guideline_data/departments.yml:2:9: error[G105]: 'Öffentlichkeitsarbeit & PR' ist keine gültige ID: "
        "erlaubt sind Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (höchstens 60 Zeichen), weil die "
        "ID Teil der Adresse ist\n"
        "    help: schreibe z. B. 'oeffentlichkeitsarbeit-pr'"
    ]


def test_empty_value_of_a_required_field() -> None:
    errors = parse_errors(
        DataKind.DEPARTMENTS,
        """\
        departments:
          - id: kommunikation
            name:
            description: Betreut die Kanäle.
        """,
    )
    assert errors == [
        "guideline_data/departments.yml:3:10: error[G106]: 'name' ist leer\n"
        "    help: trage etwas ein – Name der Abteilung."
    ]


def test_empty_value_of_an_optional_list_says_the_line_may_go() -> None:
    errors = parse_errors(DataKind.TRAINING, TRAINING + "exercises: ~\n", TRAINING_PATH)
    assert errors == [
        "guideline_data/training/grundlagen.yml:12:12: error[G106]: 'exercises' ist leer\n"
        "    help: schreibe die Einträge darunter, jeden in eine eigene Zeile mit '- ' davor, oder entferne die Zeile"
    ]


def test_empty_list_entry() -> None:
    errors = parse_errors(DataKind.TRAINING, TRAINING.replace("  - Den Leitfaden kennen", "  - ~"), TRAINING_PATH)
    assert errors == [
        "guideline_data/training/grundlagen.yml:9:5: error[G106]: Eintrag 1 in 'objectives' ist leer\n"
        "    help: trage etwas ein oder entferne die Zeile"
    ]


def test_blank_text_is_empty_too() -> None:
    errors = parse_errors(DataKind.TRAINING, TRAINING.replace("summary: Wie wir online sprechen.", "summary: ' '"),
                          TRAINING_PATH)
    assert errors == [
        "guideline_data/training/grundlagen.yml:3:10: error[G106]: 'summary' ist leer\n"
        "    help: trage etwas ein – Worum es geht."
    ]


def test_empty_list_where_one_entry_is_required() -> None:
    errors = parse_errors(DataKind.TRAINING, TRAINING.replace("  - Den Leitfaden kennen", "").replace(
        "objectives:\n", "objectives: []\n"), TRAINING_PATH)
    assert errors == [
        "guideline_data/training/grundlagen.yml:8:13: error[G107]: 'objectives' braucht mindestens einen Eintrag\n"
        "    help: schreibe jeden Eintrag in eine eigene Zeile, beginnend mit '- '"
    ]


def test_a_bad_entry_is_not_also_reported_as_a_too_short_list() -> None:
    errors = parse_errors(DataKind.TRAINING, TRAINING.replace("  - title: Einführung", "  - title: Einführung\n"
                                                              "    duration: zwei Stunden"), TRAINING_PATH)
    assert errors == [
        "guideline_data/training/grundlagen.yml:12:15: error[G109]: 'zwei Stunden' ist keine Zeitangabe; "
        "erwartet wird eine Zahl mit Einheit, z. B. '30 min', '4 h', '24 Stunden', '2 Tage' oder 'sofort'"
    ]


def test_title_on_two_lines() -> None:
    errors = parse_errors(DataKind.TRAINING, TRAINING.replace("title: Grundlagen", "title: |\n  Grund\n  lagen"),
                          TRAINING_PATH)
    assert errors == [
        "guideline_data/training/grundlagen.yml:2:8: error[G108]: hier ist nur eine Zeile erlaubt; kürze "
        "den Text oder verteile ihn auf mehrere Felder"
    ]


def test_duration_given_as_a_list() -> None:
    errors = parse_errors(DataKind.TRAINING, TRAINING.replace("duration: 2 h", "duration: [2 h]"), TRAINING_PATH)
    assert errors == [
        "guideline_data/training/grundlagen.yml:6:11: error[G109]: hier wird eine Zeitangabe erwartet, z. B. '4 h' oder '2 Tage', gefunden: eine Liste"
    ]


def test_yes_is_not_a_boolean() -> None:
    errors = parse_errors(
        DataKind.DEPARTMENTS,
        """\
        departments:
          - id: kommunikation
            name: Kommunikation
            description: Betreut die Kanäle.
            customer_facing: ja
        """,
    )
    assert errors == [
        "guideline_data/departments.yml:5:22: error[G110]: 'ja' ist kein Wahrheitswert: schreibe true "
        "oder false"
    ]


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


def test_number_with_a_decimal_point_is_not_a_whole_number() -> None:
    errors = parse_errors(DataKind.PROCESS, PROCESS, "guideline_data/process.yml")
    assert errors == [
        "guideline_data/process.yml:4:13: error[G111]: '1.0' ist keine gültige Zahl: erlaubt sind ganze Zahlen ab 0 "
        "in Ziffern, ohne führende Null, Vorzeichen, Komma oder Einheit (höchstens 6 Stellen), z. B. 3"
    ]


def test_javascript_link_is_refused() -> None:
    errors = parse_errors(
        DataKind.ORGANISATION,
        """\
        name: Beispiel GmbH
        guideline_title: Leitfaden
        summary: Worum es geht.
        audience: Alle.
        contact:
          name: Team
          email: javascript:alert(1)
        max_first_response: 24 h
        review_interval: 6 Monate
        """,
        "guideline_data/organisation.yml",
    )
    assert errors == [
        "guideline_data/organisation.yml:7:10: error[G112]: 'javascript:alert(1)' ist keine erlaubte Adresse: "
        "nur https://, http:// oder mailto: ohne Leerzeichen"
    ]


def test_optional_field_with_a_bad_value_is_reported_once() -> None:
    loaded = load(
        """\
        name: Team
        email: foo
        """
    )
    diagnostics = describe_errors(models.Contact, loaded, _errors_of(models.Contact, loaded))
    assert [d.code for d in diagnostics] == ["G112"]


def _errors_of(model: type[BaseModel], loaded: LoadedFile) -> list:  # type: ignore[type-arg]
    from pydantic import ValidationError

    try:
        model.model_validate(loaded.data)
    except ValidationError as error:
        return error.errors(include_url=False)  # type: ignore[return-value]
    return []


def test_id_must_match_the_file_name() -> None:
    errors = parse_errors(DataKind.TRAINING, TRAINING, "guideline_data/training/basis.yml")
    assert errors == [
        "guideline_data/training/basis.yml:1:5: error[G113]: die ID 'grundlagen' passt nicht zum Dateinamen "
        "'basis.yml'\n"
        "    note: die Datei muss so heißen wie ihre ID, damit Adresse und Datei zusammenpassen\n"
        "    help: benenne die Datei in 'grundlagen.yml' um oder ändere die ID in 'basis'"
    ]


def test_file_name_that_is_no_id_is_only_suggested_for_renaming() -> None:
    errors = parse_errors(DataKind.TRAINING, TRAINING, "guideline_data/training/Grundlagen Kurs.yml")
    assert errors[0].endswith("    help: benenne die Datei in 'grundlagen.yml' um")


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


def test_single_file_kinds_are_not_checked_against_their_file_name() -> None:
    errors = parse_errors(
        DataKind.DEPARTMENTS,
        """\
        departments:
          - id: kommunikation
            name: Kommunikation
            description: Betreut die Kanäle.
        """,
    )
    assert errors == []


def test_several_errors_come_sorted_by_position() -> None:
    errors = parse_errors(
        DataKind.TRAINING,
        TRAINING.replace("format: workshop", "format: foo").replace("summary: Wie wir online sprechen.\n", "")
        .replace("title: Einführung", "titel: Einführung"),
        TRAINING_PATH,
    )
    positions = [e.split(": ")[0] for e in errors]
    assert positions == [
        "guideline_data/training/grundlagen.yml:1:1",
        "guideline_data/training/grundlagen.yml:6:9",
        "guideline_data/training/grundlagen.yml:10:5",
    ]


# --- the pieces ----------------------------------------------------------------------------------


def test_data_path_drops_union_tags_and_keeps_the_missing_key() -> None:
    data: PlainData = {"steps": [{"role": "a"}], "name": "x"}
    assert data_path_of(data, ("steps", 0, "function-after[_check_slug(), str]", "role")) == ("steps", 0, "role")
    assert data_path_of(data, ("steps", 0, "action"), missing=True) == ("steps", 0, "action")
    assert data_path_of(data, ("steps", 0, "action")) == ("steps", 0)
    assert data_path_of(data, ("name", "str")) == ("name",)


def test_model_walk_finds_types_models_and_fields() -> None:
    assert model_at(models.Scenario, ("steps", 0)) is models.Step
    assert model_at(models.Channel, ("legal",)) is models.ChannelLegal
    assert type_at(models.TrainingModule, ("format",)) is models.TrainingFormat
    assert type_at(models.Channel, ("url",)) is str
    assert type_at(models.Scenario, ("nothing", 0)) is None
    info = field_at(models.Scenario, ("steps", 2, "deadline"))
    assert info is not None and info.description == "Bis wann, ab Eingang, z. B. '1 h' oder 'sofort'."
    assert field_at(models.Scenario, ("steps", 2)) is None


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
    assert documented == {f"G1{n:02d}" for n in range(15)}
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
