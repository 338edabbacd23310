"""`build.py init`: a new organisation starts its own guideline in guideline_data/.

End to end in a copy of the project: init writes every required file with placeholders, check lists
exactly what is still to do (the whole output is asserted against tests/cases/init/check.txt;
UPDATE_GOLDEN=1 rewrites it after a model change, to be reviewed as a diff), a second init refuses and
changes nothing, and `init --example` gives a guideline that checks clean.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
import yaml
from guideline.model.layout import DataKind
from guideline.starter import Founding, gather_founding, starter_files
from support import fresh_clone, run_launcher

EXPECTED_CHECK = Path(__file__).parent / "cases" / "init" / "check.txt"
NAME = "Stadtwerke Example"
ADDRESS = "https://leitfaden.stadtwerke.example/"
EDIT_BASE = "https://git.stadtwerke.example/kommunikation/leitfaden/-/edit/main/"
NEXT_STEPS = """\
Nächste Schritte:
  1. python3 build.py check  zeigt jeden Platzhalter „Bitte ausfüllen“ mit Datei, Zeile und Spalte
  2. python3 build.py serve  Vorschau unter http://127.0.0.1:8000, während ihr die Platzhalter ersetzt
  3. python3 build.py build  Website nach site/ bauen und prüfen, wenn check nichts mehr meldet
Die Adresse der Website und die Bearbeiten-Links stehen unter 'site:' in organisation.yml.
"""
REFUSAL = """\
python3 build.py init: Fehler: guideline_data/ gibt es schon und ist nicht leer (darin: {entries}); init \
überschreibt und verschiebt nichts
    help: mit dem vorhandenen Leitfaden weiterarbeiten: python3 build.py check; für einen Neuanfang guideline_data/ \
erst selbst umbenennen oder löschen
"""


@pytest.fixture(name="fresh_clone")
def fresh_clone_fixture(tmp_path: Path) -> Path:
    return fresh_clone(tmp_path)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_init_check_refuse_example_check(fresh_clone: Path) -> None:
    init = run_launcher(fresh_clone, "init", "--name", NAME, "--address", ADDRESS, "--edit-base", EDIT_BASE)
    assert (init.returncode, init.stderr) == (0, "")
    assert init.stdout == (
        "angelegt in guideline_data/: channels.yml, departments.yml, escalation.yml, matrix.yml, organisation.yml, "
        "process.yml, roles.yml, scenarios/erstes-szenario.yml, strategy.yml, tone.yml, training/erstes-modul.yml "
        "und die JSON-Schemas in schema/\n" + NEXT_STEPS
    )
    organisation = yaml.safe_load((fresh_clone / "guideline_data" / "organisation.yml").read_text(encoding="utf-8"))
    assert organisation["name"] == NAME
    assert organisation["site"] == {"address": ADDRESS, "repository": None, "edit_base": EDIT_BASE}

    check = run_launcher(fresh_clone, "check")
    assert check.returncode == 1
    if os.environ.get("UPDATE_GOLDEN"):
        EXPECTED_CHECK.parent.mkdir(parents=True, exist_ok=True)
        EXPECTED_CHECK.write_text(check.stdout, encoding="utf-8")
    assert check.stdout == EXPECTED_CHECK.read_text(encoding="utf-8")

    before = snapshot(fresh_clone / "guideline_data")
    again = run_launcher(fresh_clone, "init", "--example")
    assert again.returncode == 2 and again.stdout == ""
    entries = ("channels.yml, departments.yml, escalation.yml, matrix.yml, organisation.yml, process.yml, roles.yml, "
               "scenarios/, … (12 insgesamt)")
    assert again.stderr == REFUSAL.format(entries=entries)
    assert snapshot(fresh_clone / "guideline_data") == before

    shutil.rmtree(fresh_clone / "guideline_data")
    example = run_launcher(fresh_clone, "init", "--example")
    assert (example.returncode, example.stderr) == (0, "")
    copied = "kopiert: example_data/ nach guideline_data/ (das Beispiel zum Ausprobieren)\n"
    assert example.stdout == copied + NEXT_STEPS
    assert snapshot(fresh_clone / "guideline_data") == snapshot(fresh_clone / "example_data")
    clean = run_launcher(fresh_clone, "check")
    assert (clean.returncode, clean.stdout) == (0, "0 Fehler, 0 Warnungen\n")


def test_the_check_after_init_reports_only_placeholders() -> None:
    lines = [line for line in EXPECTED_CHECK.read_text(encoding="utf-8").splitlines() if line.startswith("guideline")]
    assert lines, "nothing to do after init?"
    assert all("[G391]" in line or "[G308]" in line for line in lines), lines
    assert not any(line.startswith(("guideline_data/organisation.yml:8:", "guideline_data/organisation.yml:49:"))
                   for line in lines)  # the name and address init was given are filled in


def test_init_writes_every_required_kind_and_no_optional_one() -> None:
    files = starter_files(Founding())
    written = {path for path in files if path.parts[0] != "schema"}
    required = {kind for kind in DataKind if kind.spec.required}
    tops = {path.parts[0] for path in written}
    assert {kind for kind in DataKind if (kind.spec.file or kind.spec.folder) in tops} == required
    assert {path for path in files if path.parts[0] == "schema"} == {kind.schema_path for kind in DataKind}
    assert "name: Bitte ausfüllen" in files[DataKind.ORGANISATION.data_path()].splitlines()


def test_init_into_an_empty_folder_works_and_a_file_in_the_way_refuses(fresh_clone: Path) -> None:
    (fresh_clone / "guideline_data").mkdir()
    assert run_launcher(fresh_clone, "init").returncode == 0  # no terminal: every value a placeholder
    assert "name: Bitte ausfüllen" in (fresh_clone / "guideline_data" / "organisation.yml").read_text(encoding="utf-8")
    shutil.rmtree(fresh_clone / "guideline_data")
    (fresh_clone / "guideline_data").write_text("", encoding="utf-8")
    refused = run_launcher(fresh_clone, "init")
    assert refused.returncode == 2 and refused.stderr == REFUSAL.format(entries="guideline_data")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--address", "http://leitfaden.example/"],
         "--address: 'http://leitfaden.example/' beginnt nicht mit https://: die Website wird nur verschlüsselt "
         "ausgeliefert"),
        (["--edit-base", "git.example.intern/a/b"],
         "--edit-base: 'git.example.intern/a/b' ist keine Web-Adresse: erwartet wird eine Adresse wie "
         "https://git.example.intern/team/leitfaden"),
        (["--example", "--name", NAME],
         "--example übernimmt das Beispiel unverändert; --name, --address, --repository und --edit-base gehen nur "
         "ohne --example"),
    ],
)
def test_wrong_options_exit_2_and_write_nothing(fresh_clone: Path, args: list[str], message: str) -> None:
    result = run_launcher(fresh_clone, "init", *args)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"python3 build.py init: Fehler: {message}\n")
    assert not (fresh_clone / "guideline_data").exists()


def test_at_a_terminal_init_asks_again_until_an_answer_is_valid() -> None:
    answers = iter(["Stadtwerke Example", "http://leitfaden.example/", ADDRESS, "", EDIT_BASE])
    asked: list[str] = []
    out = io.StringIO()

    def ask(question: str) -> str:
        asked.append(question)
        return next(answers)

    founding = gather_founding({"repository": None}, ask, out)
    assert founding == Founding(name=NAME, address=ADDRESS, repository=None, edit_base=EDIT_BASE)
    assert len(asked) == 5 and asked[1] == asked[2] == "Adresse der Website im Intranet, mit https://"
    assert out.getvalue() == (
        "    'http://leitfaden.example/' beginnt nicht mit https://: die Website wird nur verschlüsselt ausgeliefert\n"
    )


def test_end_of_input_leaves_the_placeholder() -> None:
    def closed(question: str) -> str:
        raise EOFError

    assert gather_founding({}, closed, io.StringIO()) == Founding()
