"""The command line `python -m guideline.cli`: check, schema and new, with exact output and exit codes."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from guideline import cli
from guideline.diagnostics import Diagnostic, Position, Report, Severity
from guideline.model.layout import DataKind

TESTS = Path(__file__).parent
MINIMAL = TESTS / "fixtures" / "minimal"
WARNING_CASE = TESTS / "cases" / "check" / "breach-phrase-in-template"
FORGE_VARIABLES = ("GITHUB_ACTIONS", "GITLAB_CI", cli.DEBUG_VARIABLE)

BAD_DEPARTMENTS = """\
departments:
  - id: kommunikation
    name: Unternehmenskommunikation
    description: Betreut alle Kanäle.
    public_facing: ja
"""
BAD_DEPARTMENTS_ERROR = (
    "guideline_data/departments.yml:5:20: error[G110]: 'ja' ist kein Wahrheitswert: schreibe true oder false"
)


def make_tree(tmp_path: Path) -> Path:
    """Copy the minimal valid guideline into tmp_path/guideline_data and return tmp_path."""
    if not MINIMAL.is_dir():
        pytest.skip("tests/fixtures/minimal/ is missing")
    shutil.copytree(MINIMAL, tmp_path / cli.DATA_FOLDER)
    return tmp_path


def run_cli(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI as contributors do (a separate process, in the repository root)."""
    environment = {key: value for key, value in os.environ.items() if key not in FORGE_VARIABLES}
    environment.update(env)
    # The package's own folder first, so the child imports this very core however the tests were started.
    package_parent = str(Path(cli.__file__).resolve().parents[1])
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [package_parent, environment.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "guideline.cli", *args],
        cwd=root, env=environment, capture_output=True, text=True, encoding="utf-8", check=False,
    )


# --- check ----------------------------------------------------------------------------------------


def test_check_on_a_valid_tree_exits_0(tmp_path: Path) -> None:
    result = run_cli(make_tree(tmp_path), "check")
    assert (result.returncode, result.stdout, result.stderr) == (0, "0 Fehler, 0 Warnungen\n", "")


def test_check_on_an_invalid_file_exits_1_with_positions_and_no_traceback(tmp_path: Path) -> None:
    root = make_tree(tmp_path)
    (root / "guideline_data" / "departments.yml").write_text(BAD_DEPARTMENTS, encoding="utf-8")
    result = run_cli(root, "check")
    assert result.returncode == 1
    assert BAD_DEPARTMENTS_ERROR in result.stdout.splitlines()
    assert result.stdout.endswith(" Fehler, 0 Warnungen\nmehr zu G110: mitmachen/fehlercodes/#g110\n")
    assert "::error" not in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_check_prints_github_annotations_under_github_actions(tmp_path: Path) -> None:
    root = make_tree(tmp_path)
    (root / "guideline_data" / "departments.yml").write_text(BAD_DEPARTMENTS, encoding="utf-8")
    result = run_cli(root, "check", GITHUB_ACTIONS="true")
    assert result.returncode == 1
    assert BAD_DEPARTMENTS_ERROR in result.stdout.splitlines()
    assert (
        "::error file=guideline_data/departments.yml,line=5,col=20,title=G110::"
        "'ja' ist kein Wahrheitswert: schreibe true oder false"
    ) in result.stdout.splitlines()


def test_strict_fails_on_warnings_only(tmp_path: Path) -> None:
    if not WARNING_CASE.is_dir():
        pytest.skip(f"{WARNING_CASE} is missing")
    root = make_tree(tmp_path)
    for override in WARNING_CASE.rglob("*.yml"):
        target = root / "guideline_data" / override.relative_to(WARNING_CASE)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(override, target)
    relaxed, strict = run_cli(root, "check"), run_cli(root, "check", "--strict")
    expected = (WARNING_CASE / "expected.txt").read_text(encoding="utf-8")
    assert "warning[" in expected and "error[" not in expected
    footer = "mehr zu G306: mitmachen/fehlercodes/#g306\n"  # organisation.yml of the tree names no site address
    assert relaxed.stdout == strict.stdout == expected + footer
    assert (relaxed.returncode, strict.returncode) == (0, 1)


def test_codequality_report_lists_every_diagnostic(tmp_path: Path) -> None:
    root = make_tree(tmp_path)
    (root / "guideline_data" / "departments.yml").write_text(BAD_DEPARTMENTS, encoding="utf-8")
    assert run_cli(root, "check", "--codequality", "gl-code-quality-report.json").returncode == 1
    issues = json.loads((root / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    g110 = [issue for issue in issues if issue["check_name"] == "G110"]
    assert len(g110) == 1
    assert g110[0]["description"] == "G110: 'ja' ist kein Wahrheitswert: schreibe true oder false"
    assert g110[0]["severity"] == "major"
    assert g110[0]["location"] == {"path": "guideline_data/departments.yml", "lines": {"begin": 5}}
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


def test_codequality_report_of_a_clean_tree_is_an_empty_list(tmp_path: Path) -> None:
    root = make_tree(tmp_path)
    assert run_cli(root, "check", "--codequality", "report.json").returncode == 0
    assert json.loads((root / "report.json").read_text(encoding="utf-8")) == []


def test_format_codequality_maps_warnings_to_minor_and_keeps_notes() -> None:
    warning = Diagnostic(
        code="G306", severity=Severity.WARNING, path=PurePosixPath("guideline_data/tone.yml"),
        position=Position(3, 7), message="Signalphrase", notes=("Regel: freundlich",), help="umformulieren",
    )
    [issue] = json.loads(cli.format_codequality(Report((warning,))))
    assert issue["severity"] == "minor"
    assert issue["description"] == "G306: Signalphrase — Regel: freundlich — Tipp: umformulieren"
    assert issue["location"] == {"path": "guideline_data/tone.yml", "lines": {"begin": 3}}


def test_an_internal_error_is_reported_without_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_: object) -> Report:
        raise RuntimeError("kaputt")

    monkeypatch.delenv(cli.DEBUG_VARIABLE, raising=False)
    monkeypatch.setattr(cli, "check_site", broken)
    assert cli.main(["--root", str(tmp_path), "check"], out=io.StringIO()) == cli.EXIT_INTERNAL
    assert capsys.readouterr().err == (
        "interner Fehler: RuntimeError: kaputt\n"
        "    note: das ist ein Fehler im Werkzeug, nicht in deinen Daten\n"
        f"    help: bitte melden; mit {cli.DEBUG_VARIABLE}=1 erscheint die vollständige Fehlerausgabe\n"
    )


# --- new ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["scenario", "training"])
def test_new_file_fails_the_check_until_every_choice_is_made(kind: str, tmp_path: Path) -> None:
    root = make_tree(tmp_path)
    result = run_cli(root, "new", kind, "foo")
    folder = DataKind[kind.upper()].spec.folder
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"angelegt: guideline_data/{folder}/foo.yml"
    # Texts are G308 warnings, values the contributor must choose (ids, durations, …) G391 errors.
    check = run_cli(root, "check")
    assert check.returncode == 1, check.stdout
    codes = re.findall(r"^guideline_data/\S+: (?:error|warning)\[(G\d+)\]", check.stdout, flags=re.MULTILINE)
    assert set(codes) == {"G308", "G391"}, check.stdout


def test_new_scenario_lists_existing_ids_and_explains_every_field(tmp_path: Path) -> None:
    root = make_tree(tmp_path)
    assert run_cli(root, "new", "scenario", "foo").returncode == 0
    text = (root / "guideline_data" / "scenarios" / "foo.yml").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schema/scenario.schema.json"
    assert "id: foo" in lines
    assert "owner: Bitte ausfüllen" in lines  # never a role chosen for the contributor
    owner = lines.index("owner: Bitte ausfüllen")
    comment = " ".join(line.removeprefix("# ") for line in lines[owner - 2:owner])
    assert comment.endswith("ID, die auf eine Rolle verweist; vorhanden: social-media-lead, community-manager)")
    for name in DataKind.SCENARIO.spec.model.model_fields:
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{name}:"))
        assert lines[index - 1].startswith("# "), f"field {name} has no comment above it"


def test_new_with_an_invalid_id_exits_2_and_suggests_a_slug(tmp_path: Path) -> None:
    root = make_tree(tmp_path)
    result = run_cli(root, "new", "scenario", "Böse ID")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "python3 build.py new: Fehler: 'Böse ID' ist keine gültige ID: erlaubt sind Kleinbuchstaben a–z, "
        "Ziffern und einzelne Bindestriche (höchstens 60 Zeichen); Vorschlag: 'boese-id'\n"
    )
    assert not list((root / "guideline_data" / "scenarios").glob("*ID*"))


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    root = make_tree(tmp_path)
    existing = root / "guideline_data" / "roles.yml"
    before = existing.read_bytes()
    result = run_cli(root, "new", "roles")
    assert result.returncode == 2
    assert result.stderr == (
        "python3 build.py new: Fehler: guideline_data/roles.yml gibt es schon; "
        "wähle eine andere ID oder bearbeite die Datei\n"
    )
    assert existing.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["scenario"], "bitte eine ID angeben, z. B.: python3 build.py new scenario beschwerde-im-kommentar"),
        (["roles", "extra"], "'roles' ist eine einzelne Datei (roles.yml) und braucht keine ID"),
        (["szenario", "foo"], "unbekannte Datenart 'szenario'; meintest du 'scenario'?"),
    ],
)
def test_new_usage_errors_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    result = run_cli(tmp_path, "new", *args)
    assert (result.returncode, result.stderr) == (2, f"python3 build.py new: Fehler: {message}\n")


def test_new_single_file_kind_in_an_empty_tree(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "new", "roles")
    assert result.returncode == 0
    text = (tmp_path / "guideline_data" / "roles.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schema/roles.schema.json\n")
    assert "  - id: Bitte ausfüllen\n" in text


LINK_REFUSAL = (
    "ist ein symbolischer Link: dorthin wird nicht geschrieben, weil ein Link auf Dateien außerhalb des "
    "Leitfadens zeigen kann; ersetze ihn durch einen echten Ordner bzw. eine echte Datei\n"
)


@pytest.mark.parametrize(
    ("link", "target", "shown"),
    [
        ("scenarios", "../draussen", "guideline_data/scenarios"),  # a linked folder, pointing outside
        ("scenarios/foo.yml", "../../draussen/foo.yml", "guideline_data/scenarios/foo.yml"),  # a broken link
        ("scenarios/foo.yml", "kritik.yml", "guideline_data/scenarios/foo.yml"),  # a link to a file inside
    ],
)
def test_new_never_writes_through_a_symbolic_link(link: str, target: str, shown: str, tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo")
    outside = tmp_path / "repo" / "draussen"
    outside.mkdir()
    linked = root / "guideline_data" / link
    if linked.is_dir():
        shutil.rmtree(linked)
    linked.symlink_to(target)
    result = run_cli(root, "new", "scenario", "foo")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"python3 build.py new: Fehler: {shown} {LINK_REFUSAL}"
    assert list(outside.iterdir()) == []


def test_schema_never_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    outside = tmp_path / "draussen"
    outside.mkdir()
    (tmp_path / "guideline_data").mkdir()
    (tmp_path / "guideline_data" / "schema").symlink_to(outside)
    for args in (["schema"], ["schema", "--check"]):
        result = run_cli(tmp_path, *args)
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr == f"python3 build.py {args[0]}: Fehler: guideline_data/schema {LINK_REFUSAL}"
    assert list(outside.iterdir()) == []


# --- schema ---------------------------------------------------------------------------------------


def test_schema_writes_all_schemas_then_reports_them_current(tmp_path: Path) -> None:
    first = run_cli(tmp_path, "schema")
    assert first.returncode == 0
    assert first.stdout.splitlines() == [f"geschrieben: guideline_data/{kind.schema_path}" for kind in DataKind]
    again = run_cli(tmp_path, "schema", "--check")
    assert (again.returncode, again.stdout) == (0, "Alle JSON-Schemas sind aktuell.\n")


def test_schema_check_reports_a_stale_schema(tmp_path: Path) -> None:
    assert run_cli(tmp_path, "schema").returncode == 0
    stale = tmp_path / "guideline_data" / DataKind.ROLES.schema_path
    stale.write_text("{}\n", encoding="utf-8")
    result = run_cli(tmp_path, "schema", "--check")
    assert result.returncode == 1
    assert result.stdout == (
        "veraltet: guideline_data/schema/roles.schema.json\n"
        "Die JSON-Schemas passen nicht zu den Modellen: python3 build.py schema ausführen.\n"
    )
    assert stale.read_text(encoding="utf-8") == "{}\n"


def test_usage_errors_exit_2() -> None:
    with pytest.raises(SystemExit) as raised:
        cli.main(["check", "--bogus"])
    assert raised.value.code == 2


def test_check_links_each_code_once_to_its_explanation_on_the_site(tmp_path: Path) -> None:
    root = make_tree(tmp_path)
    data = root / "guideline_data"
    (data / "departments.yml").write_text(BAD_DEPARTMENTS, encoding="utf-8")
    relative = run_cli(root, "check").stdout.splitlines()
    assert relative[-2:] == ["1 Fehler, 0 Warnungen", "mehr zu G110: mitmachen/fehlercodes/#g110"]

    organisation = data / "organisation.yml"
    with organisation.open("a", encoding="utf-8") as file:
        file.write("site:\n  address: https://leitfaden.stadtwerke.example\n")
    absolute = run_cli(root, "check").stdout.splitlines()
    assert absolute[-1] == "mehr zu G110: https://leitfaden.stadtwerke.example/mitmachen/fehlercodes/#g110"
