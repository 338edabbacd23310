"""The shipped guideline as a corpus: clean as it is, and every small slip in it is caught at its place.

Each shipped data file is broken the ways a contributor editing YAML in a browser breaks it (a line
dropped, indented one space too far or too little, a key written twice). The check must never crash,
must name that file at a line inside it, and for a repeated key must name the repeated line itself.
Contributor text that looks like HTML, Markdown or a Jinja template is valid data and comes out literally.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import pytest
from guideline import site
from guideline.diagnostics import Diagnostic, format_diagnostic, format_report
from guideline.load.source import load_yaml
from guideline.model.layout import DataKind, classify_data_file
from guideline.parse.file import parse_file

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "example_data"
SHIPPED = sorted(
    path.relative_to(DATA).as_posix() for path in DATA.rglob("*.yml") if classify_data_file(
        PurePosixPath(path.relative_to(DATA).as_posix())) is not None
)
SAMPLE_EVERY = 7  # every 7th line of every file: enough to meet every construct, quick enough to run always
KEY_LINE = re.compile(r"^( *)([a-z_]+):( .*)?$")


def check_one_file(relative: str, text: str) -> tuple[Diagnostic, ...]:
    """Load and parse one data file as the site would; return its diagnostics."""
    display = PurePosixPath("example_data") / relative
    kind = classify_data_file(PurePosixPath(relative))
    assert kind is not None
    loaded, diagnostics = load_yaml(display, text.encode("utf-8"))
    if loaded is None:
        return diagnostics
    return parse_file(kind, loaded)[1]


def test_the_shipped_guideline_is_clean() -> None:
    assert format_report(site.check_site(DATA, REPO)) == "0 Fehler, 0 Warnungen"


def test_the_corpus_covers_every_kind_of_file() -> None:
    assert {classify_data_file(PurePosixPath(relative)) for relative in SHIPPED} == set(DataKind)


def _drop(lines: list[str], index: int) -> list[str]:
    return lines[:index] + lines[index + 1:]


def _indent(lines: list[str], index: int) -> list[str]:
    return [*lines[:index], " " + lines[index], *lines[index + 1:]]


def _dedent(lines: list[str], index: int) -> list[str]:
    return [*lines[:index], lines[index].removeprefix(" "), *lines[index + 1:]]


MUTATIONS: dict[str, Callable[[list[str], int], list[str]]] = {"drop": _drop, "indent": _indent, "dedent": _dedent}


@pytest.mark.parametrize("relative", SHIPPED)
def test_a_slip_on_any_line_is_reported_inside_that_file_without_crashing(relative: str) -> None:
    lines = (DATA / relative).read_text(encoding="utf-8").split("\n")
    for index in range(0, len(lines), SAMPLE_EVERY):
        for name, mutate in MUTATIONS.items():
            mutated = mutate(lines, index)
            for diagnostic in check_one_file(relative, "\n".join(mutated)):
                where = f"{name} line {index + 1}: {format_diagnostic(diagnostic)}"
                assert str(diagnostic.path) == f"example_data/{relative}", where
                assert 1 <= diagnostic.position.line <= len(mutated), where
                assert diagnostic.code.startswith("G"), where


@pytest.mark.parametrize("relative", SHIPPED)
def test_a_key_written_twice_is_reported_at_the_repeated_line(relative: str) -> None:
    lines = (DATA / relative).read_text(encoding="utf-8").split("\n")
    key_lines = [index for index, line in enumerate(lines) if KEY_LINE.match(line)]
    assert key_lines
    for index in key_lines[::SAMPLE_EVERY]:
        indentation, key = KEY_LINE.match(lines[index]).group(1, 2)  # type: ignore[union-attr]
        copy = f"{indentation}{key}: noch einmal"
        mutated = [*lines[: index + 1], copy, *lines[index + 1:]]
        found = [(d.code, d.position.line, d.position.column) for d in check_one_file(relative, "\n".join(mutated))]
        assert ("G007", index + 2, len(indentation) + 1) in found, (lines[index], found)
        assert ("G007", index + 1, len(indentation) + 1) in found, (lines[index], found)


PAYLOADS = (
    "<script>alert(1)</script>",
    "{{ 7*7 }} und {% if true %}x{% endif %}",
    "[Link](javascript:alert(1)) <img src=x onerror=alert(1)>",
    "**fett** # keine Überschrift <!-- kein Kommentar -->",
)


def test_markup_in_every_text_field_passes_the_check_and_is_shown_literally(tmp_path: Path) -> None:
    data = tmp_path / "guideline_data"
    shutil.copytree(DATA, data)
    replaced = 0
    for path in sorted(data.rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        # every plain one-line title becomes markup: the title fields are free text in every kind of file
        text, count = re.subn(r"^(\s*(?:- )?title: )(?![\"'|>]).+$",
                              lambda m: m.group(1) + repr_payload(m.start()), text, flags=re.MULTILINE)
        replaced += count
        path.write_text(text, encoding="utf-8")
    build = site.build_site(data, tmp_path)
    assert format_report(build.report) == "0 Fehler, 0 Warnungen"
    assert replaced > 50
    markdown = "\n".join(page.markdown.split("\n---\n", 1)[-1] for page in build.pages)
    for raw in ("<script>", "<img", "](javascript:", "<!--", "{{ 7*7 }}"):
        assert raw not in markdown
    # shown as typed: escaped for Markdown, never evaluated by Jinja
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in markdown
    assert "\\{\\{ 7\\*7 \\}\\} und \\{% if true %\\}x\\{% endif %\\}" in markdown


def repr_payload(seed: int) -> str:
    """Return one payload, quoted for YAML, chosen by position so that every payload is used."""
    payload = PAYLOADS[seed % len(PAYLOADS)]
    return "'" + payload.replace("'", "''") + "'"
