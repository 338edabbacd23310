"""Stage 1: loading YAML files into plain data with positions, and every way a file can fail to load."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import pytest
import yaml
from guideline.diagnostics import Diagnostic, Position, format_diagnostic
from guideline.load.events import MAX_DEPTH, MAX_PROBLEMS, MAX_SCALAR_CHARS
from guideline.load.source import CODES, LoadedFile, SourceMap, load_yaml
from guideline.load.text import MAX_FILE_BYTES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PATH = PurePosixPath("guideline_data/roles.yml")
CASES = Path(__file__).parent / "cases" / "load"
YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def diagnose(content: str | bytes) -> str:
    """Load content that must fail; return all its diagnostics formatted."""
    raw = content.encode("utf-8") if isinstance(content, str) else content
    loaded, diagnostics = load_yaml(PATH, raw)
    assert loaded is None
    assert diagnostics
    return "\n".join(format_diagnostic(d) for d in diagnostics)


def nested_lists(depth: int) -> str:
    """Return a mapping holding lists nested so that `depth` collections are open at the innermost value."""
    return "a: " + "[" * (depth - 1) + "x" + "]" * (depth - 1) + "\n"


# --- plain data ----------------------------------------------------------------------------------


def test_scalars_stay_the_text_the_author_wrote(load_inline: Callable[..., LoadedFile]) -> None:
    loaded = load_inline(
        """\
        flags: [no, on, yes, off, true, False]
        numbers: [0800, 1e3, 0x1F, .inf, 12_000, 0o17]
        dates: [2024-01-01, 2024-01-01 10:00:00]
        times: [4:00, 1:30:00]
        """
    )
    assert loaded.data == {
        "flags": ["no", "on", "yes", "off", "true", "False"],
        "numbers": ["0800", "1e3", "0x1F", ".inf", "12_000", "0o17"],
        "dates": ["2024-01-01", "2024-01-01 10:00:00"],
        "times": ["4:00", "1:30:00"],
    }


def test_plain_null_words_and_empty_values_are_none_but_quoted_ones_are_text(
    load_inline: Callable[..., LoadedFile],
) -> None:
    loaded = load_inline(
        """\
        empty:
        tilde: ~
        lower: null
        title: Null
        upper: NULL
        other_case: nULL
        quoted: "null"
        single: '~'
        empty_quoted: ""
        in_list: [null, "null", ]
        """
    )
    assert loaded.data == {
        "empty": None,
        "tilde": None,
        "lower": None,
        "title": None,
        "upper": None,
        "other_case": "nULL",
        "quoted": "null",
        "single": "~",
        "empty_quoted": "",
        "in_list": [None, "null"],
    }


def test_block_and_quoted_scalars_keep_their_text(load_inline: Callable[..., LoadedFile]) -> None:
    loaded = load_inline(
        """\
        literal: |
          Zeile eins
            eingerückt
        folded: >
          ein
          Absatz
        escaped: "Tab\\tEnde – „Zitat“"
        single: 'It''s'
        multi: ein
          langer Text
        """
    )
    assert loaded.data == {
        "literal": "Zeile eins\n  eingerückt\n",
        "folded": "ein Absatz\n",
        "escaped": "Tab\tEnde – „Zitat“",
        "single": "It's",
        "multi": "ein langer Text",
    }


def test_quoted_keys_and_null_words_as_keys_are_text(load_inline: Callable[..., LoadedFile]) -> None:
    loaded = load_inline('"on": 1\nnull: 2\n')
    assert loaded.data == {"on": "1", "null": "2"}


# --- source map -------------------------------------------------------------------------------------


def test_source_map_gives_positions_of_values_and_keys(load_inline: Callable[..., LoadedFile]) -> None:
    loaded = load_inline(
        """\
        # Rollen
        roles:
          - id: lead
            title: Leitung
          - id: pr
            tasks: [a, "b"]
        """
    )
    source_map = loaded.source_map
    assert source_map.path == PATH
    assert source_map.values[()] == Position(2, 1)
    assert source_map.keys[("roles",)] == Position(2, 1)
    assert source_map.values[("roles",)] == Position(3, 3)
    assert source_map.values[("roles", 0)] == Position(3, 5)
    assert source_map.keys[("roles", 0, "title")] == Position(4, 5)
    assert source_map.values[("roles", 0, "title")] == Position(4, 12)
    assert source_map.values[("roles", 1, "tasks")] == Position(6, 12)
    assert source_map.values[("roles", 1, "tasks", 1)] == Position(6, 16)


def test_position_of_falls_back_to_the_closest_ancestor(load_inline: Callable[..., LoadedFile]) -> None:
    source_map = load_inline("roles:\n  - id: lead\n").source_map
    assert source_map.position_of(("roles", 0, "id")) == Position(2, 9)
    assert source_map.position_of(("roles", 0, "id"), key=True) == Position(2, 5)
    assert source_map.position_of(("roles", 0, "title")) == Position(2, 5)
    assert source_map.position_of(("roles", 0, "title"), key=True) == Position(2, 5)
    assert source_map.position_of(("unknown",)) == Position(1, 1)
    assert SourceMap(PATH).position_of(("a", 1)) == Position(1, 1)


def test_empty_value_is_placed_right_after_its_colon(load_inline: Callable[..., LoadedFile]) -> None:
    loaded = load_inline("title:\nother: x\n")
    assert loaded.source_map.values[("title",)] == Position(1, 7)


def test_utf8_bom_is_stripped_and_crlf_positions_are_right() -> None:
    content = b"\xef\xbb\xbf# Kopf\r\ntitle: Gr\xc3\xbc\xc3\x9fe\r\nroles:\r\n  - lead\r\n"
    loaded, diagnostics = load_yaml(PATH, content)
    assert diagnostics == ()
    assert loaded is not None
    assert loaded.data == {"title": "Grüße", "roles": ["lead"]}
    assert loaded.source_map.keys[("title",)] == Position(2, 1)
    assert loaded.source_map.values[("roles", 0)] == Position(4, 5)


def test_crlf_file_reports_errors_at_the_right_line() -> None:
    assert diagnose(b"a: 1\r\nb: 2\r\na: 3\r\n") == (
        "guideline_data/roles.yml:1:1: error[G007]: doppelter Schlüssel 'a' in derselben Zuordnung\n"
        "    note: derselbe Schlüssel steht noch einmal in Zeile 3\n"
        "    help: lösche einen der beiden Einträge oder führe die Werte zusammen\n"
        "guideline_data/roles.yml:3:1: error[G007]: doppelter Schlüssel 'a' in derselben Zuordnung\n"
        "    note: zuerst definiert in Zeile 1\n"
        "    help: lösche einen der beiden Einträge oder führe die Werte zusammen"
    )


def test_leading_document_marker_and_trailing_end_marker_are_fine(load_inline: Callable[..., LoadedFile]) -> None:
    loaded = load_inline("---\ntitle: x\n...\n")
    assert loaded.data == {"title": "x"}
    assert loaded.source_map.values[("title",)] == Position(2, 8)


# --- syntax errors ----------------------------------------------------------------------------------


def test_missing_colon_points_at_the_line_without_it() -> None:
    assert diagnose("title: Leitfaden\ndescription\nother: x\n") == (
        "guideline_data/roles.yml:2:1: error[G001]: fehlender Doppelpunkt nach 'description'\n"
        "    help: schreibe 'schlüssel: wert'; gehört die Zeile zum Text darüber, rücke sie weiter ein"
    )


def test_bad_indentation() -> None:
    assert diagnose("roles:\n  lead: x\n pr: y\n") == (
        "guideline_data/roles.yml:3:2: error[G001]: Einrückung passt nicht\n"
        "    note: die Zuordnung beginnt in Zeile 1, Spalte 1\n"
        "    help: rücke die Zeile genau so weit ein wie die anderen Einträge derselben Ebene "
        "(nur mit Leerzeichen)"
    )


def test_colon_inside_an_unquoted_value() -> None:
    assert diagnose("title: Hinweis: bitte lesen\n") == (
        "guideline_data/roles.yml:1:15: error[G001]: hier ist kein Doppelpunkt erlaubt\n"
        "    help: enthält der Text ': ', setze ihn ganz in Anführungszeichen; sonst prüfe die Einrückung"
    )


def test_unclosed_quote_points_at_the_opening_quote() -> None:
    assert diagnose('title: "Leitfaden\nother: x\n') == (
        "guideline_data/roles.yml:1:8: error[G001]: das Anführungszeichen wird nicht geschlossen\n"
        "    help: beende den Text mit demselben Anführungszeichen, mit dem er beginnt"
    )


def test_unclosed_flow_list_is_reported_at_its_opening_bracket() -> None:
    assert diagnose("tasks: [a, b\nother: x\n") == (
        "guideline_data/roles.yml:1:8: error[G001]: die Liste mit '[' wird nicht mit ']' geschlossen\n"
        "    note: die Klammer '[' ist in Zeile 2 noch offen\n"
        "    help: schließe die Liste in dieser Zeile mit ']'; steht der Text absichtlich in '[', setze ihn ganz in "
        "Anführungszeichen"
    )


def test_unclosed_flow_mapping_at_the_end_of_the_file() -> None:
    assert diagnose("contact: {name: Team\n").splitlines()[:2] == [
        "guideline_data/roles.yml:1:10: error[G001]: die Zuordnung mit '{' wird nicht mit '}' geschlossen",
        "    note: die Klammer '{' ist am Dateiende noch offen",
    ]


def test_missing_comma_on_the_line_of_the_bracket_is_reported_where_it_is_missing() -> None:
    assert diagnose('tasks: ["a" b]\n').splitlines()[0] == (
        "guideline_data/roles.yml:1:13: error[G001]: in der Liste fehlt ein Komma oder die schließende Klammer ']'"
    )


def test_markdown_emphasis_at_the_start_of_a_value() -> None:
    assert diagnose("note: *wichtig* bitte lesen\n") == (
        "guideline_data/roles.yml:1:7: error[G001]: ein Wert darf nicht mit '*' beginnen\n"
        "    help: setze den Wert in Anführungszeichen"
    )


def test_reserved_character_at_the_start_of_a_value() -> None:
    assert diagnose("handle: @brennwald\n") == (
        "guideline_data/roles.yml:1:9: error[G001]: ein Wert darf nicht mit '@' beginnen\n"
        "    help: setze den Wert in Anführungszeichen"
    )


def test_unknown_escape_in_double_quotes() -> None:
    assert diagnose('path: "C:\\Daten"\n') == (
        "guideline_data/roles.yml:1:10: error[G001]: ungültige Escape-Sequenz mit '\\' in Text mit doppelten "
        "Anführungszeichen\n"
        "    note: der Text in Anführungszeichen beginnt in Zeile 1, Spalte 7\n"
        "    help: schreibe einen Backslash als '\\\\' oder setze den Text in einfache Anführungszeichen"
    )


def test_text_after_a_block_scalar_indicator() -> None:
    assert diagnose("summary: | Text\n  mehr\n") == (
        "guideline_data/roles.yml:1:12: error[G001]: nach '|' oder '>' muss der Text in einer neuen Zeile beginnen\n"
        "    note: der Textblock beginnt in Zeile 1, Spalte 10\n"
        "    help: schreibe den Text eingerückt ab der nächsten Zeile"
    )


def test_untranslated_parser_problem_keeps_pyyaml_text_in_a_note() -> None:
    assert diagnose("%YAML 1.1\n%YAML 1.1\n---\na: 1\n") == (
        "guideline_data/roles.yml:2:1: error[G001]: die Datei ist kein gültiges YAML\n"
        "    note: YAML meldet: found duplicate YAML directive\n"
        "    help: prüfe diese Zeile und die davor: Einrückung, Doppelpunkte und Anführungszeichen"
    )


# --- tabs -------------------------------------------------------------------------------------------


def test_tab_indentation_is_reported_on_every_indented_line() -> None:
    assert diagnose("roles:\n\tlead: x\n\tpr: y\nother:\n  \tz: 1\n") == (
        "guideline_data/roles.yml:2:1: error[G012]: Tabulator in der Einrückung: YAML erlaubt zum Einrücken nur "
        "Leerzeichen\n"
        "    help: ersetze Tabs durch Leerzeichen\n"
        "guideline_data/roles.yml:3:1: error[G012]: Tabulator in der Einrückung: YAML erlaubt zum Einrücken nur "
        "Leerzeichen\n"
        "    help: ersetze Tabs durch Leerzeichen\n"
        "guideline_data/roles.yml:5:3: error[G012]: Tabulator in der Einrückung: YAML erlaubt zum Einrücken nur "
        "Leerzeichen\n"
        "    help: ersetze Tabs durch Leerzeichen"
    )


def test_tab_between_key_and_value() -> None:
    assert diagnose("title:\tLeitfaden\n") == (
        "guideline_data/roles.yml:1:7: error[G012]: Tabulator an dieser Stelle: YAML erlaubt hier nur Leerzeichen\n"
        "    help: ersetze Tabs durch Leerzeichen"
    )


def test_tab_inside_block_text_is_content(load_inline: Callable[..., LoadedFile]) -> None:
    assert load_inline("text: |\n  a\n  \tb\n").data == {"text": "a\n\tb\n"}


# --- encoding and characters ----------------------------------------------------------------------


def test_latin1_file_points_at_the_first_bad_byte() -> None:
    assert diagnose("title: x\nteam: Grüße\n".encode("latin-1")) == (
        "guideline_data/roles.yml:2:9: error[G002]: die Datei ist nicht in UTF-8 gespeichert: ungültiges Byte 0xFC\n"
        "    note: Umlaute und ß sind vermutlich in einer anderen Kodierung gespeichert, z. B. Windows-1252\n"
        "    help: speichere die Datei in der Kodierung UTF-8 (im Editor: „Speichern unter“ → Kodierung „UTF-8“)"
    )


def test_bad_byte_after_bom_crlf_and_umlauts_is_placed_by_characters() -> None:
    content = b"\xef\xbb\xbfa: 1\r\nb: \xc3\xa4\xc3\xa4\xff\r\n"
    assert diagnose(content).splitlines()[0] == (
        "guideline_data/roles.yml:2:6: error[G002]: die Datei ist nicht in UTF-8 gespeichert: ungültiges Byte 0xFF"
    )


def test_invalid_bytes_do_not_hide_other_problems() -> None:
    assert [line for line in diagnose(b"a: \xe4\na: 2\n").splitlines() if "error" in line] == [
        "guideline_data/roles.yml:1:1: error[G007]: doppelter Schlüssel 'a' in derselben Zuordnung",
        "guideline_data/roles.yml:1:4: error[G002]: die Datei ist nicht in UTF-8 gespeichert: ungültiges Byte 0xE4",
        "guideline_data/roles.yml:2:1: error[G007]: doppelter Schlüssel 'a' in derselben Zuordnung",
    ]


def test_utf16_file() -> None:
    assert diagnose("title: x\n".encode("utf-16")) == (
        "guideline_data/roles.yml:1:1: error[G002]: die Datei ist in UTF-16 gespeichert, erwartet wird UTF-8\n"
        "    help: speichere die Datei in der Kodierung UTF-8 (im Editor: „Speichern unter“ → Kodierung „UTF-8“)"
    )


def test_control_characters() -> None:
    assert diagnose("title: x\nteam: a\x00b\x1bc\n") == (
        "guideline_data/roles.yml:2:8: error[G002]: unzulässiges Steuerzeichen U+0000\n"
        "    note: die Datei enthält 2 solche Zeichen\n"
        "    help: lösche das unsichtbare Zeichen (es entsteht oft beim Kopieren aus Word oder PDF)"
    )


# --- empty files and the top level -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "die Datei ist leer"),
        ("  \n\n\t\n", "die Datei ist leer"),
        ("# nur ein Kommentar\n\n# noch einer\n", "die Datei enthält keine Daten, nur Kommentare"),
        ("---\n", "die Datei enthält keine Daten"),
    ],
)
def test_empty_files(content: str, message: str) -> None:
    assert diagnose(content) == (
        f"guideline_data/roles.yml:1:1: error[G005]: {message}\n"
        "    help: trage Daten in der Form 'schlüssel: wert' ein oder lösche die Datei"
    )


def test_top_level_list() -> None:
    assert diagnose("# Rollen\n- id: lead\n- id: pr\n") == (
        "guideline_data/roles.yml:2:1: error[G006]: die oberste Ebene muss aus Zeilen der Form 'schlüssel: wert' "
        "bestehen, gefunden: eine Liste\n"
        "    help: beginne jede Zeile der obersten Ebene mit einem Schlüssel und Doppelpunkt, ohne '-' davor"
    )


@pytest.mark.parametrize("content", ["Leitfaden\n", "null\n", "'text'\n"])
def test_top_level_single_value(content: str) -> None:
    assert diagnose(content) == (
        "guideline_data/roles.yml:1:1: error[G006]: die oberste Ebene muss aus Zeilen der Form 'schlüssel: wert' "
        "bestehen, gefunden: ein einzelner Wert\n"
        "    help: beginne jede Zeile der obersten Ebene mit einem Schlüssel und Doppelpunkt"
    )


# --- keys -------------------------------------------------------------------------------------------


def test_duplicate_key_in_a_nested_mapping_is_reported_at_both_places() -> None:
    # either line may be the one to change: the new one, or an old one a new key was renamed to
    assert diagnose("roles:\n  - id: lead\n    title: A\n    owner: x\n    title: B\n") == (
        "guideline_data/roles.yml:3:5: error[G007]: doppelter Schlüssel 'title' in derselben Zuordnung\n"
        "    note: derselbe Schlüssel steht noch einmal in Zeile 5\n"
        "    help: lösche einen der beiden Einträge oder führe die Werte zusammen\n"
        "guideline_data/roles.yml:5:5: error[G007]: doppelter Schlüssel 'title' in derselben Zuordnung\n"
        "    note: zuerst definiert in Zeile 3\n"
        "    help: lösche einen der beiden Einträge oder führe die Werte zusammen"
    )


def test_a_key_written_three_times_names_its_first_place_once() -> None:
    assert [line for line in diagnose("a: 1\na: 2\na: 3\n").splitlines() if "error" in line] == [
        "guideline_data/roles.yml:1:1: error[G007]: doppelter Schlüssel 'a' in derselben Zuordnung",
        "guideline_data/roles.yml:2:1: error[G007]: doppelter Schlüssel 'a' in derselben Zuordnung",
        "guideline_data/roles.yml:3:1: error[G007]: doppelter Schlüssel 'a' in derselben Zuordnung",
    ]


def test_same_key_in_different_mappings_is_fine(load_inline: Callable[..., LoadedFile]) -> None:
    assert load_inline("a:\n  id: x\nb:\n  id: y\n").data == {"a": {"id": "x"}, "b": {"id": "y"}}


def test_quoted_and_plain_spelling_of_one_key_are_duplicates() -> None:
    assert diagnose("title: a\n'title': b\n").splitlines()[3] == (
        "guideline_data/roles.yml:2:1: error[G007]: doppelter Schlüssel 'title' in derselben Zuordnung"
    )


def test_list_and_mapping_as_keys() -> None:
    assert diagnose("[a, b]: 1\n? {c: 1}\n: 2\n") == (
        "guideline_data/roles.yml:1:1: error[G013]: ein Schlüssel muss ein Text sein, gefunden: eine Liste\n"
        "    help: schreibe vor den Doppelpunkt einen Namen, z. B. 'title:'\n"
        "guideline_data/roles.yml:2:3: error[G013]: ein Schlüssel muss ein Text sein, gefunden: eine Zuordnung\n"
        "    help: schreibe vor den Doppelpunkt einen Namen, z. B. 'title:'"
    )


def test_empty_key() -> None:
    assert diagnose("title: x\n? \n: y\n") == (
        "guideline_data/roles.yml:2:2: error[G013]: der Schlüssel fehlt: vor dem Doppelpunkt steht kein Name\n"
        "    help: schreibe vor den Doppelpunkt einen Namen, z. B. 'title:'"
    )


# --- anchors, aliases, merge keys, tags, directives, documents ------------------------------------


def test_anchor_and_alias() -> None:
    assert diagnose("base: &basis Text\ncopy: *basis\n") == (
        "guideline_data/roles.yml:1:7: error[G008]: Anker wie '&basis' sind nicht erlaubt\n"
        "    help: schreibe den Wert überall aus, wo er gebraucht wird; soll der Text mit '&' beginnen, "
        "setze ihn in Anführungszeichen\n"
        "guideline_data/roles.yml:2:7: error[G008]: Verweise wie '*basis' sind nicht erlaubt\n"
        "    help: schreibe den Wert hier aus; soll der Text mit '*' beginnen, setze ihn in "
        "Anführungszeichen"
    )


def test_merge_key() -> None:
    assert diagnose("role:\n  <<: {title: x}\n  id: lead\n") == (
        "guideline_data/roles.yml:2:3: error[G008]: Zusammenführungen mit '<<' sind nicht erlaubt\n"
        "    help: schreibe die Einträge hier aus"
    )


def test_quoted_merge_key_is_just_text(load_inline: Callable[..., LoadedFile]) -> None:
    assert load_inline("'<<': x\n").data == {"<<": "x"}


def test_tags() -> None:
    assert diagnose("a: !!str 1\nb: !wichtig x\nc: !!map {}\n") == "\n".join(
        f"guideline_data/roles.yml:{line}:4: error[G009]: Typangaben wie '{tag}' sind nicht erlaubt\n"
        "    help: lösche die Typangabe; soll der Text mit '!' beginnen, setze ihn in Anführungszeichen"
        for line, tag in [(1, "!!str"), (2, "!wichtig"), (3, "!!map")]
    )


def test_directive() -> None:
    assert diagnose("%YAML 1.1\n---\na: 1\n") == (
        "guideline_data/roles.yml:1:1: error[G009]: Direktiven wie '%YAML' oder '%TAG' sind nicht erlaubt\n"
        "    help: lösche die Zeile, die mit '%' beginnt"
    )


def test_second_document() -> None:
    assert diagnose("---\na: 1\n---\nb: 2\n") == (
        "guideline_data/roles.yml:3:1: error[G010]: hier beginnt mit '---' ein zweites Dokument; erlaubt ist nur "
        "eines\n"
        "    help: lösche das '---' (erlaubt nur ganz am Anfang der Datei) oder verteile den Inhalt auf "
        "zwei Dateien"
    )


def test_billion_laughs_is_rejected_before_anything_is_expanded() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for number in range(1, 9):
        name, previous = chr(ord("a") + number), chr(ord("a") + number - 1)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    loaded, diagnostics = load_yaml(PATH, "\n".join(lines).encode())
    assert loaded is None
    assert {d.code for d in diagnostics} == {"G008"}
    assert len(diagnostics) == MAX_PROBLEMS
    assert diagnostics[-1].notes == ("weitere Probleme in dieser Datei werden erst angezeigt, wenn diese behoben sind",)


def test_loader_never_composes_or_uses_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("composition or the C loader was used")

    monkeypatch.setattr(yaml.composer.Composer, "compose_node", forbidden)
    monkeypatch.setattr(yaml.constructor.BaseConstructor, "construct_object", forbidden)
    if hasattr(yaml, "CParser"):
        monkeypatch.setattr(yaml, "CParser", forbidden)
    loaded, diagnostics = load_yaml(PATH, b"a: [1, {b: c}]\n")
    assert diagnostics == ()
    assert loaded is not None and loaded.data == {"a": ["1", {"b": "c"}]}


# --- limits -----------------------------------------------------------------------------------------


def test_nesting_up_to_the_limit_is_fine() -> None:
    loaded, diagnostics = load_yaml(PATH, nested_lists(MAX_DEPTH).encode())
    assert diagnostics == ()
    assert loaded is not None


def test_nesting_beyond_the_limit() -> None:
    assert diagnose(nested_lists(MAX_DEPTH + 1)) == (
        f"guideline_data/roles.yml:1:{MAX_DEPTH + 3}: error[G014]: zu tief verschachtelt: mehr als 40 Ebenen\n"
        "    help: prüfe die Einrückung und die Klammern '[' und '{'"
    )


def test_ten_thousand_brackets_are_rejected_without_crashing() -> None:
    assert diagnose("[" * 10_000) == (
        "guideline_data/roles.yml:1:41: error[G014]: zu tief verschachtelt: mehr als 40 Ebenen\n"
        "    help: prüfe die Einrückung und die Klammern '[' und '{'"
    )


def test_deep_block_indentation_is_rejected() -> None:
    content = "".join(" " * level + "a:\n" for level in range(200))
    assert diagnose(content).splitlines()[0] == (
        "guideline_data/roles.yml:41:41: error[G014]: zu tief verschachtelt: mehr als 40 Ebenen"
    )


def test_long_value() -> None:
    ok, _ = load_yaml(PATH, b"a: " + b"x" * MAX_SCALAR_CHARS + b"\n")
    assert ok is not None
    assert diagnose("a: b\nc: " + "x" * (MAX_SCALAR_CHARS + 1) + "\n") == (
        "guideline_data/roles.yml:2:4: error[G015]: der Text ist zu lang: 50.001 Zeichen, erlaubt sind höchstens "
        "50.000\n"
        "    help: kürze den Text oder verteile ihn auf mehrere Einträge"
    )


def test_file_too_large_is_rejected_before_parsing() -> None:
    assert diagnose(b"a: [" + b"x," * (MAX_FILE_BYTES // 2)) == (
        "guideline_data/roles.yml:1:1: error[G011]: die Datei ist zu groß: 524.292 Bytes, erlaubt sind höchstens "
        "524.288 Bytes (512 KiB)\n"
        "    help: verteile den Inhalt auf mehrere Dateien oder kürze ihn"
    )


def test_file_at_the_size_limit_is_read() -> None:
    assert diagnose(b"#" * MAX_FILE_BYTES).splitlines()[0] == (
        "guideline_data/roles.yml:1:1: error[G005]: die Datei enthält keine Daten, nur Kommentare"
    )


# --- collecting -------------------------------------------------------------------------------------


def test_many_problems_are_reported_in_one_pass() -> None:
    content = "title: a\nbase: &b x\ntitle: c\nkind: !!str y\nlist: [a, b\n"
    assert [line for line in diagnose(content).splitlines() if "error" in line] == [
        "guideline_data/roles.yml:1:1: error[G007]: doppelter Schlüssel 'title' in derselben Zuordnung",
        "guideline_data/roles.yml:2:7: error[G008]: Anker wie '&b' sind nicht erlaubt",
        "guideline_data/roles.yml:3:1: error[G007]: doppelter Schlüssel 'title' in derselben Zuordnung",
        "guideline_data/roles.yml:4:7: error[G009]: Typangaben wie '!!str' sind nicht erlaubt",
        "guideline_data/roles.yml:5:7: error[G001]: die Liste mit '[' wird nicht mit ']' geschlossen",
    ]


def test_codes_are_the_loaders_and_documented_in_german() -> None:
    codes = [entry.code for entry in CODES]
    assert codes == sorted(set(codes))
    assert codes == [f"G0{n:02d}" for n in (1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 19)]
    assert all(entry.title and entry.explanation and entry.fix for entry in CODES)


# --- properties -------------------------------------------------------------------------------------

YAML_PIECES = st.sampled_from(
    list("ab:- \n\t#'\"[]{},&*!|>?%@`\\~.0\r") + ["---", "...", "<<", "null", "&a ", "*a", "!!str ", "\u2028", "\x85"]
)


def assert_positions_inside(content: bytes, diagnostics: tuple[Diagnostic, ...]) -> None:
    text = content.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    lines = YAML_LINE_BREAK.split(text)
    for diagnostic in diagnostics:
        line, column = diagnostic.position.line, diagnostic.position.column
        assert 1 <= line <= len(lines) + 1, format_diagnostic(diagnostic)
        assert 1 <= column <= (len(lines[line - 1]) + 1 if line <= len(lines) else 1), format_diagnostic(diagnostic)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=200),
        st.text(max_size=200).map(str.encode),
        st.lists(YAML_PIECES, max_size=60).map(lambda pieces: "".join(pieces).encode()),
    )
)
def test_any_input_loads_or_fails_cleanly_with_positions_inside_the_file(content: bytes) -> None:
    loaded, diagnostics = load_yaml(PATH, content)
    assert (loaded is None) == bool(diagnostics)
    assert all(d.path == PATH and d.code.startswith("G0") for d in diagnostics)
    assert_positions_inside(content, diagnostics)
    assert load_yaml(PATH, content) == (loaded, diagnostics)


# --- corpus -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(path.stem for path in CASES.glob("*.yml")))
def test_corpus_case(case: str) -> None:
    _, diagnostics = load_yaml(PATH, (CASES / f"{case}.yml").read_bytes())
    formatted = "".join(format_diagnostic(d) + "\n" for d in diagnostics)
    assert formatted == (CASES / f"{case}.expected").read_text(encoding="utf-8")


def test_corpus_is_complete() -> None:
    inputs = {path.stem for path in CASES.glob("*.yml")}
    assert len(inputs) >= 15
    assert inputs == {path.stem for path in CASES.glob("*.expected")}
