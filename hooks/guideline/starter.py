"""The first data set of a new organisation's guideline, as `build.py init` writes it into guideline_data/.

Every data kind a guideline must have gets one scaffold (a folder kind one file), plus the JSON
Schemas. What `init` was told (the organisation's name, the site's addresses) is filled in; every other
value is the placeholder, so `build.py check` lists exactly what is still to do, each at its line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path, PurePosixPath
from typing import Any, TextIO

from pydantic import TypeAdapter, ValidationError

from .load.source import DataPath
from .model.fields import PLACEHOLDER, HttpsUrl, Line, WebUrl
from .model.layout import DataKind
from .model.schema import render_schemas
from .scaffold import KnownIds, scaffold_data_file

COMMAND = "python3 build.py init"
FIRST_FILES = {DataKind.SCENARIO: "erstes-szenario", DataKind.TRAINING: "erstes-modul"}
"""How the one file of each folder kind is named until its id is chosen (the file is then renamed)."""


@dataclass(frozen=True)
class Founding:
    """What `init` knows about the new guideline; None where it was not told (the file keeps a placeholder)."""

    name: str | None = None
    address: str | None = None
    repository: str | None = None
    edit_base: str | None = None

    def filled(self) -> dict[DataPath, Any]:
        """Return the values to write into organisation.yml, by data path."""
        values = {("name",): self.name, ("site", "address"): self.address, ("site", "repository"): self.repository,
                  ("site", "edit_base"): self.edit_base}
        return {path: value for path, value in values.items() if value is not None}


FOUNDING_FIELDS = tuple(field.name for field in fields(Founding))


def _checker(field_type: Any) -> Callable[[str], str]:
    adapter: TypeAdapter[str] = TypeAdapter(field_type)

    def check(value: str) -> str:
        try:
            return adapter.validate_python(value)
        except ValidationError as error:
            raise ValueError(error.errors(include_url=False)[0]["msg"]) from None

    return check


def starter_files(founding: Founding) -> dict[PurePosixPath, str]:
    """Return every file of the first data set, by path relative to the data folder."""
    files: dict[PurePosixPath, str] = {}
    for kind in DataKind:
        if not kind.spec.required:
            continue
        file_name = FIRST_FILES.get(kind)
        filled: Mapping[DataPath, Any] = founding.filled() if kind is DataKind.ORGANISATION else {}
        text = scaffold_data_file(kind, None, KnownIds(), filled=filled, file_name=file_name, command=COMMAND)
        files[kind.data_path(file_name)] = text
    files.update({PurePosixPath(relative): text for relative, text in render_schemas().items()})
    return files


def occupied_refusal(folder: PurePosixPath, entries: list[str]) -> str:
    """Explain why `init` writes nothing into a data folder that already holds something, and what to do."""
    shown = ", ".join(entries[:8]) + (f", … ({len(entries)} insgesamt)" if len(entries) > 8 else "")
    return (
        f"{folder}/ gibt es schon und ist nicht leer (darin: {shown}); init überschreibt und verschiebt nichts\n"
        f"    help: mit dem vorhandenen Leitfaden weiterarbeiten: python3 build.py check; für einen Neuanfang "
        f"{folder}/ erst selbst umbenennen oder löschen"
    )


NEXT_STEPS = (
    ("python3 build.py check", f"zeigt jeden Platzhalter „{PLACEHOLDER}“ mit Datei, Zeile und Spalte"),
    ("python3 build.py serve", "Vorschau unter http://127.0.0.1:8000, während ihr die Platzhalter ersetzt"),
    ("python3 build.py build", "Website nach site/ bauen und prüfen, wenn check nichts mehr meldet"),
)
"""The commands a new guideline goes through, in order, with what each one is for."""


def next_steps() -> str:
    """Return the German list of next steps that `init` prints."""
    width = max(len(command) for command, _ in NEXT_STEPS)
    lines = [f"  {number}. {command.ljust(width)}  {purpose}" for number, (command, purpose) in
             enumerate(NEXT_STEPS, start=1)]
    return "\n".join(["Nächste Schritte:", *lines, "Die Adresse der Website und die Bearbeiten-Links stehen unter "
                      "'site:' in organisation.yml."])


def occupying_entries(target: Path) -> list[str]:
    """Return what stands in the data folder (folders end in "/"); nothing if it is missing or empty."""
    if not target.exists():
        return []
    if not target.is_dir():
        return [target.name]
    return sorted(entry.name + ("/" if entry.is_dir() else "") for entry in target.iterdir())


def write_starter(target: Path, files: Mapping[PurePosixPath, str]) -> list[str]:
    """Write the first data set into the (empty) data folder; return the data files written, schemas left out."""
    for relative, text in files.items():
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        with (target / relative).open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    return sorted(str(relative) for relative in files if relative.parts[0] != "schema")


QUESTIONS = {
    "name": ("Name der Organisation, wie er im Leitfaden erscheint", Line),
    "address": ("Adresse der Website im Intranet, mit https://", HttpsUrl),
    "repository": ("Web-Adresse des Repositorys (leer: kein Link)", WebUrl),
    "edit_base": ("Anfang der Bearbeiten-Links, z. B. …/-/edit/main/ (leer: keine Knöpfe)", WebUrl),
}
"""What `init` asks for each value it fills in, and the field type that checks the answer."""


def gather_founding(given: Mapping[str, str | None], ask: Callable[[str], str] | None, out: TextIO) -> Founding:
    """Check the values given as options; ask for the others if someone can answer, else leave placeholders.

    A wrong option raises ValueError naming it; a wrong answer is explained and asked again.
    """
    values: dict[str, str | None] = {}
    for name, (question, field_type) in QUESTIONS.items():
        check = _checker(field_type)
        if given.get(name) is not None:
            try:
                values[name] = check(str(given[name]))
            except ValueError as error:
                raise ValueError(f"--{name.replace('_', '-')}: {error}") from None
        else:
            values[name] = _answer(question, check, ask, out) if ask is not None else None
    return Founding(**values)


def _answer(question: str, check: Callable[[str], str], ask: Callable[[str], str], out: TextIO) -> str | None:
    """Ask until the answer is valid; an empty answer (or the end of input) leaves the placeholder."""
    while True:
        try:
            answer = ask(question).strip()
        except EOFError:
            return None
        if not answer:
            return None
        try:
            return check(answer)
        except ValueError as error:
            print(f"    {error}", file=out)
