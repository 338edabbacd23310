"""Stage 3: cross-checks and policy checks over a whole guideline, with exact diagnostics."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path, PurePosixPath

import pytest
from guideline import codes, site
from guideline.check import guideline as checks
from guideline.check.findings import shorten_list
from guideline.check.guideline import check_guideline
from guideline.check.prerequisites import find_cycles
from guideline.check.references import referenced_ids
from guideline.diagnostics import Severity, format_diagnostic, format_report
from guideline.load import folder
from guideline.load.source import load_yaml
from guideline.model.ids import IdKind
from guideline.model.layout import DataKind, classify_data_file
from guideline.parse import file as parse
from guideline.parse.corpus import Guideline, assemble_guideline
from guideline.parse.file import ParsedFile, parse_file

TESTS = Path(__file__).parent
MINIMAL = TESTS / "fixtures" / "minimal"
CASES = TESTS / "cases" / "check"
CASE_NAMES = sorted(case.name for case in CASES.iterdir() if case.is_dir())
DATA_ROOT = PurePosixPath("guideline_data")
SHIPPED = TESTS.parent / "example_data"


CASE_BUILD_EPOCH = "1796126400"  # 2026-12-01 12:00 UTC: the build's date the cases' review dates are compared with


@pytest.fixture(autouse=True)
def _pinned_build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pin the build's date, as the launcher does from git, so overdue reviews (G400) are decided reproducibly."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", CASE_BUILD_EPOCH)


# --- the corpus: override files on top of the minimal guideline, run through check_site ----------


def run_case(case: Path, tmp_path: Path) -> str:
    """Copy the minimal guideline, lay the case's files over it, and format check_site's report."""
    data_dir = tmp_path / "guideline_data"
    shutil.copytree(MINIMAL, data_dir)
    for override in sorted(case.rglob("*.yml")):
        target = data_dir / override.relative_to(case)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(override, target)
    make_symlinks(case / "symlinks.txt", data_dir)
    return format_report(site.check_site(data_dir, tmp_path)) + "\n"


def make_symlinks(listing: Path, data_dir: Path) -> None:
    """Create the links a case lists as `link -> target` (link relative to data_dir, target written as is).

    Git could store the links in the case folder, but then every tool that reads the tests' files would
    follow them; a listing keeps the case folder free of links.
    """
    if not listing.is_file():
        return
    for line in listing.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            link, target = (part.strip() for part in line.split(" -> "))
            (data_dir / link).parent.mkdir(parents=True, exist_ok=True)
            (data_dir / link).symlink_to(target)


@pytest.mark.parametrize("name", CASE_NAMES)
def test_check_case(name: str, tmp_path: Path) -> None:
    case = CASES / name
    assert run_case(case, tmp_path) == (case / "expected.txt").read_text(encoding="utf-8")


def test_the_minimal_guideline_is_clean(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL, tmp_path / "guideline_data")
    assert format_report(site.check_site(tmp_path / "guideline_data", tmp_path)) == "0 Fehler, 0 Warnungen"


def _expected_codes() -> set[str]:
    found: set[str] = set()
    for name in CASE_NAMES:
        found.update(re.findall(r"\[(G\d{3})\]", (CASES / name / "expected.txt").read_text(encoding="utf-8")))
    return found


def test_the_corpus_is_large_enough() -> None:
    assert len(CASE_NAMES) >= 20


def test_every_code_the_corpus_produces_is_documented() -> None:
    documented = {entry.code for entry in codes.all_codes()}
    produced = _expected_codes()
    assert produced, "the corpus produces no diagnostics at all"
    assert produced <= documented


def test_the_corpus_produces_every_code_of_parse_and_checks() -> None:
    # G100 is the fallback for pydantic errors our field types cannot produce from YAML text;
    # test_parse.py covers it with a model of its own.
    emitted = {entry.code for entry in (*parse.CODES, *checks.CODES)} - {"G100"}
    assert emitted <= _expected_codes()


def test_codes_are_unique_and_fully_documented() -> None:
    entries = (*parse.CODES, *checks.CODES)
    assert len({entry.code for entry in entries}) == len(entries)
    for entry in entries:
        assert re.fullmatch(r"G[1-4]\d\d", entry.code)
        assert entry.title and entry.explanation and entry.fix


# --- building a guideline from the minimal one plus inline overrides ------------------------------


def parsed_file(relative: str, text: str) -> ParsedFile:  # type: ignore[type-arg]
    """Load and parse one file as if it lay at guideline_data/<relative>."""
    kind = classify_data_file(PurePosixPath(relative))
    assert kind is not None
    loaded, problems = load_yaml(DATA_ROOT / relative, text.encode("utf-8"))
    assert problems == () and loaded is not None
    parsed, diagnostics = parse_file(kind, loaded)
    assert diagnostics == (), [format_diagnostic(d) for d in diagnostics]
    assert parsed is not None
    return parsed


def guideline_with(overrides: dict[str, str], extra: tuple[ParsedFile, ...] = ()) -> Guideline:  # type: ignore[type-arg]
    """Return the minimal guideline with some files replaced by inline YAML."""
    texts = {path.relative_to(MINIMAL).as_posix(): path.read_text(encoding="utf-8") for path in MINIMAL.rglob("*.yml")}
    texts.update({relative: textwrap.dedent(text) for relative, text in overrides.items()})
    files = tuple(parsed_file(relative, text) for relative, text in sorted(texts.items()))
    kinds = frozenset(parsed.kind for parsed in (*files, *extra))
    guideline, problems = assemble_guideline((*files, *extra), kinds, DATA_ROOT)
    assert problems == () and guideline is not None
    return guideline


def fixture_text(relative: str) -> str:
    return (MINIMAL / relative).read_text(encoding="utf-8")


def formatted(guideline: Guideline) -> list[str]:
    return [format_diagnostic(d) for d in check_guideline(guideline)]


def test_minimal_guideline_has_no_findings() -> None:
    assert check_guideline(guideline_with({})) == ()


def test_same_id_in_two_files_is_reported_in_both_naming_the_other() -> None:
    text = fixture_text("scenarios/kritik.yml")
    loaded, _ = load_yaml(DATA_ROOT / "scenarios/zweite-kritik.yml", text.encode("utf-8"))
    assert loaded is not None
    # parse_file would refuse the file name; build the copy directly to reach the cross-file check.
    copy = ParsedFile(DataKind.SCENARIO, DataKind.SCENARIO.spec.model.model_validate(loaded.data), loaded.source_map)
    assert formatted(guideline_with({}, extra=(copy,))) == [
        "guideline_data/scenarios/kritik.yml:1:5: error[G202]: doppelte ID 'kritik': es gibt noch ein "
        "Szenario mit dieser ID\n"
        "    note: ebenfalls definiert in guideline_data/scenarios/zweite-kritik.yml:1\n"
        "    help: gib einem der Einträge eine andere ID",
        "guideline_data/scenarios/zweite-kritik.yml:1:5: error[G202]: doppelte ID 'kritik': es gibt noch ein "
        "Szenario mit dieser ID\n"
        "    note: ebenfalls definiert in guideline_data/scenarios/kritik.yml:1\n"
        "    help: gib einem der Einträge eine andere ID",
    ]


def test_duplicate_phase_id_within_one_file() -> None:
    process = fixture_text("process.yml") + (
        "  - id: planung\n"
        "    number: 2\n"
        "    title: Nochmal Planung\n"
        "    goal: Doppelt.\n"
        "    activities: [a]\n"
        "    outputs: [b]\n"
        "    roles: [social-media-lead]\n"
    )
    assert formatted(guideline_with({"process.yml": process})) == [
        "guideline_data/process.yml:3:9: error[G202]: doppelte ID 'planung': es gibt noch eine Phase mit "
        "dieser ID\n"
        "    note: ebenfalls definiert in guideline_data/process.yml:13\n"
        "    help: gib einem der Einträge eine andere ID",
        "guideline_data/process.yml:13:9: error[G202]: doppelte ID 'planung': es gibt noch eine Phase mit "
        "dieser ID\n"
        "    note: ebenfalls definiert in guideline_data/process.yml:3\n"
        "    help: gib einem der Einträge eine andere ID",
    ]


def test_unknown_ids_in_every_scenario_field() -> None:
    scenario = """\
        id: kritik
        title: Jemand kritisiert uns
        question: Was tun?
        trigger: Kritik.
        escalation_level: krise
        first_response: 4 h
        owner: social-media-lead
        channels: [tiktok]
        steps:
          - role: praktikant
            action: Lesen.
        escalate:
          - when: Es wird laut.
            to: geschaeftsfuehrung
            level: alltg
        tone_rules: [freundlich, sachlich]
        """
    assert formatted(guideline_with({"scenarios/kritik.yml": scenario})) == [
        "guideline_data/scenarios/kritik.yml:5:19: error[G201]: unbekannte Eskalationsstufe 'krise'\n"
        "    note: bekannte Eskalationsstufen: alltag\n"
        "    help: verwende eine der bekannten IDs oder leg die Eskalationsstufe in escalation.yml an",
        "guideline_data/scenarios/kritik.yml:8:12: error[G201]: unbekannter Kanal 'tiktok'\n"
        "    note: bekannte Kanäle: instagram\n"
        "    help: verwende eine der bekannten IDs oder leg den Kanal in channels.yml an",
        "guideline_data/scenarios/kritik.yml:10:11: error[G201]: unbekannte Rolle oder externe Stelle 'praktikant'\n"
        "    note: bekannte Rollen: community-manager, social-media-lead\n"
        "    help: verwende eine der bekannten IDs oder leg die Rolle in roles.yml oder die externe Stelle in "
        "parties.yml an",
        "guideline_data/scenarios/kritik.yml:14:9: error[G201]: unbekannte Rolle oder externe Stelle "
        "'geschaeftsfuehrung'\n"
        "    note: bekannte Rollen: community-manager, social-media-lead\n"
        "    help: verwende eine der bekannten IDs oder leg die Rolle in roles.yml oder die externe Stelle in "
        "parties.yml an",
        "guideline_data/scenarios/kritik.yml:15:12: error[G201]: unbekannte Eskalationsstufe 'alltg'\n"
        "    note: bekannte Eskalationsstufen: alltag\n"
        "    help: meintest du 'alltag'?",
        "guideline_data/scenarios/kritik.yml:16:26: error[G201]: unbekannte Tonalitätsregel 'sachlich'\n"
        "    note: bekannte Tonalitätsregeln: freundlich\n"
        "    help: verwende eine der bekannten IDs oder leg die Tonalitätsregel in tone.yml an",
    ]


def test_every_reference_field_is_collected_with_its_path() -> None:
    found = {(m.kind, str(m.parsed.source_map.path), m.data_path) for m in referenced_ids(guideline_with({}))}
    assert found == {
        (IdKind.DEPARTMENT, "guideline_data/roles.yml", ("roles", 0, "department")),
        (IdKind.DEPARTMENT, "guideline_data/roles.yml", ("roles", 1, "department")),
        (IdKind.TRAINING, "guideline_data/roles.yml", ("roles", 0, "required_training", 0)),
        (IdKind.TRAINING, "guideline_data/roles.yml", ("roles", 1, "required_training", 0)),
        (IdKind.ROLE, "guideline_data/channels.yml", ("channels", 0, "owner")),
        (IdKind.ROLE, "guideline_data/channels.yml", ("channels", 0, "deputy")),
        (IdKind.ROLE, "guideline_data/channels.yml", ("channels", 0, "legal", "admins", 0)),
        (IdKind.ROLE, "guideline_data/channels.yml", ("channels", 0, "legal", "admins", 1)),
        (IdKind.CHANNEL, "guideline_data/matrix.yml", ("assignments", 0, "channel")),
        (IdKind.TASK, "guideline_data/matrix.yml", ("assignments", 0, "task")),
        (IdKind.ROLE, "guideline_data/matrix.yml", ("assignments", 0, "responsible")),
        (IdKind.ROLE, "guideline_data/matrix.yml", ("assignments", 0, "approves")),
        (IdKind.ROLE, "guideline_data/escalation.yml", ("levels", 0, "decides")),
        (IdKind.ROLE, "guideline_data/process.yml", ("phases", 0, "roles", 0)),
        (IdKind.DEPARTMENT, "guideline_data/strategy.yml", ("sources", 0, "department")),
        (IdKind.CHANNEL, "guideline_data/strategy.yml", ("platform_content", 0, "channel")),
        (IdKind.ESCALATION_LEVEL, "guideline_data/scenarios/kritik.yml", ("escalation_level",)),
        (IdKind.ROLE, "guideline_data/scenarios/kritik.yml", ("owner",)),
        (IdKind.CHANNEL, "guideline_data/scenarios/kritik.yml", ("channels", 0)),
        (IdKind.ROLE, "guideline_data/scenarios/kritik.yml", ("steps", 0, "role")),
        (IdKind.TONE_RULE, "guideline_data/scenarios/kritik.yml", ("tone_rules", 0)),
        (IdKind.TRAINING, "guideline_data/scenarios/kritik.yml", ("training", 0)),
        (IdKind.ROLE, "guideline_data/training/grundlagen.yml", ("audience", 0)),
    }


def test_a_long_list_of_known_ids_is_shortened() -> None:
    ids = [f"rolle-{n:02d}" for n in range(12)]
    assert shorten_list(ids) == "rolle-00, rolle-01, rolle-02, rolle-03, rolle-04, rolle-05, rolle-06, rolle-07, … " \
        "(12 insgesamt)"
    assert shorten_list(ids[:3]) == "rolle-00, rolle-01, rolle-02"


def test_reference_to_a_kind_with_no_ids_yet() -> None:
    scenario = fixture_text("scenarios/kritik.yml").replace("training:\n  - grundlagen\n", "")
    roles = fixture_text("roles.yml").replace("    required_training:\n      - grundlagen\n", "    required_training:\n"
                                              "      - basis\n")
    guideline = guideline_with({"scenarios/kritik.yml": scenario, "roles.yml": roles})
    guideline = guideline.replaced(DataKind.TRAINING, ())
    assert formatted(guideline)[0] == (
        "guideline_data/roles.yml:11:9: error[G201]: unbekanntes Schulungsmodul 'basis'\n"
        "    note: es gibt noch keine Schulungsmodule\n"
        "    help: verwende eine der bekannten IDs oder leg das Schulungsmodul als training/basis.yml an"
    )


# --- training prerequisites -----------------------------------------------------------------------


def module(module_id: str, *prerequisites: str) -> str:
    listed = "".join(f"  - {p}\n" for p in prerequisites)
    return fixture_text("training/grundlagen.yml").replace("id: grundlagen", f"id: {module_id}") + (
        f"prerequisites:\n{listed}" if prerequisites else ""
    )


def test_three_modules_in_a_circle_are_named_in_order_in_each_module() -> None:
    guideline = guideline_with(
        {
            "training/grundlagen.yml": module("grundlagen", "krise"),
            "training/krise.yml": module("krise", "vertiefung"),
            "training/vertiefung.yml": module("vertiefung", "grundlagen"),
        }
    )
    # whichever entry was added last closed the circle: each module's entry is reported in its own file
    assert formatted(guideline) == [
        f"guideline_data/training/{name}.yml:13:5: error[G203]: Schulungsmodule setzen sich im Kreis voraus: "
        "grundlagen → krise → vertiefung → grundlagen\n"
        "    help: entferne eine dieser Voraussetzungen, damit es eine Reihenfolge gibt"
        for name in ("grundlagen", "krise", "vertiefung")
    ]


def test_self_prerequisite_is_not_also_a_cycle() -> None:
    guideline = guideline_with({"training/grundlagen.yml": module("grundlagen", "grundlagen")})
    assert formatted(guideline) == [
        "guideline_data/training/grundlagen.yml:13:5: error[G204]: das Schulungsmodul 'grundlagen' setzt sich "
        "selbst voraus\n"
        "    help: entferne 'grundlagen' aus 'prerequisites'"
    ]


def test_find_cycles_reports_each_cycle_once_from_its_first_id() -> None:
    graph = {"c": ("a",), "a": ("b",), "b": ("c", "d"), "d": ("e",), "e": ("d",), "f": ("a",)}
    assert find_cycles(graph) == (("a", "b", "c"), ("d", "e"))
    assert find_cycles({"a": ("b",), "b": ()}) == ()


CHAIN_LENGTH = 1000


def shipped_with_chain(tmp_path: Path, *, circle: bool) -> Path:
    """Copy the shipped guideline into a repository of its own and add a chain of training modules.

    Each new module requires the next one, so that walking the prerequisites goes a thousand deep from
    the alphabetically first module; in a circle the last module also requires the first.
    """
    root = tmp_path / "repo"
    data_dir = root / "guideline_data"
    shutil.copytree(SHIPPED, data_dir)
    template = (data_dir / "training" / "grundlagen.yml").read_text(encoding="utf-8")
    for number in range(CHAIN_LENGTH):
        text = template.replace("id: grundlagen", f"id: kette-{number:04d}").replace(
            'title: "Grundlagen: anmelden und zuhören"', f"title: Kettenglied {number:04d}")
        following = (number + 1) % CHAIN_LENGTH if number + 1 < CHAIN_LENGTH or circle else None
        if following is not None:
            text += f"prerequisites:\n  - kette-{following:04d}\n"
        (data_dir / "training" / f"kette-{number:04d}.yml").write_text(text, encoding="utf-8")
    return root


def run_cli_check(root: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m guideline.cli check` as contributors do, in a fresh interpreter."""
    return subprocess.run([sys.executable, "-m", "guideline.cli", "--root", str(root), "check"],
                          capture_output=True, text=True, check=False, timeout=600)


def test_a_chain_of_a_thousand_prerequisites_is_checked_and_planned(tmp_path: Path) -> None:
    root = shipped_with_chain(tmp_path, circle=False)
    result = run_cli_check(root)
    assert (result.returncode, result.stderr, result.stdout) == (0, "", "0 Fehler, 0 Warnungen\n")
    build = site.build_site(root / "guideline_data", root)
    assert not build.report.diagnostics
    curriculum = next(page.markdown for page in build.pages if page.src_uri == "schulungen/index.md")
    rows = re.findall(r"^\| \d+ \| \[Kettenglied (\d{4})\]", curriculum, flags=re.MULTILINE)
    assert rows == [f"{number:04d}" for number in reversed(range(CHAIN_LENGTH))]


def test_a_circle_of_a_thousand_modules_is_reported_at_each_entry_in_short(tmp_path: Path) -> None:
    root = shipped_with_chain(tmp_path, circle=True)
    result = run_cli_check(root)
    assert (result.returncode, result.stderr) == (1, "")
    lines = result.stdout.splitlines()
    assert lines[-2:] == [f"{CHAIN_LENGTH} Fehler, 0 Warnungen",  # the one code, linked once after the summary
                          "mehr zu G203: https://leitfaden.beispiel.intern/mitmachen/fehlercodes/#g203"]
    assert len(lines) == 3 * CHAIN_LENGTH + 2
    assert lines[:3] == [
        "guideline_data/training/kette-0000.yml:59:5: error[G203]: Schulungsmodule setzen sich im Kreis voraus: "
        "kette-0000 → kette-0001 → kette-0002 → kette-0003 → … → kette-0999 → kette-0000",
        "    note: im Kreis stehen 1000 Schulungsmodule; hier: kette-0000 setzt kette-0001 voraus",
        "    help: entferne eine dieser Voraussetzungen, damit es eine Reihenfolge gibt",
    ]


# --- phases ---------------------------------------------------------------------------------------


def test_phase_numbers_must_follow_the_file_order() -> None:
    process = fixture_text("process.yml") + (
        "  - id: umsetzung\n"
        "    number: 3\n"
        "    title: Umsetzung\n"
        "    goal: Tun.\n"
        "    activities: [a]\n"
        "    outputs: [b]\n"
        "    roles: [social-media-lead]\n"
    )
    assert formatted(guideline_with({"process.yml": process})) == [
        "guideline_data/process.yml:14:13: error[G205]: die 2. Phase hat die Nummer 3, erwartet wird 2\n"
        "    note: die Phasen sind von 1 an fortlaufend nummeriert; gefunden: 1, 3\n"
        "    help: korrigiere die Nummer oder bring die Phasen in die richtige Reihenfolge"
    ]


# --- policies -------------------------------------------------------------------------------------

ORGANISATION_WITH_POLICIES = fixture_text("organisation.yml") + "policies:\n{}"
BREACHING = {
    "roles.yml": fixture_text("roles.yml").replace("    social_media_team: true\n", "")
    .replace("    summary: Beantwortet Kommentare.\n", "    summary: Beantwortet Kommentare.\n    trainee_allowed: true\n")
    .replace("    customer_dialogue: true\n    required_training:\n      - grundlagen\n", "    customer_dialogue: true\n"),
    "channels.yml": fixture_text("channels.yml").replace("two_factor: true", "two_factor: false")
    .replace("deputy: community-manager", "deputy: social-media-lead"),
    "scenarios/kritik.yml": fixture_text("scenarios/kritik.yml").replace("first_response: 4 h", "first_response: 3 Tage")
    .replace("wir kümmern uns darum", "aber das stimmt so nicht"),
}


def _with_policies(level: str) -> dict[str, str]:
    settings = "".join(
        f"  {name}: {level}\n"
        for name in (
            "department_on_team", "no_trainee_ownership", "response_time_within_maximum",
            "channel_owner_and_deputy", "customer_roles_trained", "templates_free_of_breach_phrases",
            "channel_security", "scenario_deadlines_within_level",
        )
    )
    return {**BREACHING, "organisation.yml": ORGANISATION_WITH_POLICIES.format(settings)}


def test_every_policy_reports_a_breach_at_its_level() -> None:
    for level, severity in (("error", Severity.ERROR), ("warning", Severity.WARNING)):
        found = check_guideline(guideline_with(_with_policies(level)))
        assert sorted({d.code for d in found}) == ["G301", "G302", "G303", "G304", "G305", "G306", "G307", "G373"]
        assert {d.severity for d in found} == {severity}


def test_policies_switched_off_report_nothing() -> None:
    assert check_guideline(guideline_with(_with_policies("off"))) == ()


def test_policy_defaults_are_errors_except_breach_phrases() -> None:
    found = check_guideline(guideline_with(BREACHING))
    severities = {d.code: d.severity for d in found}
    assert severities.pop("G306") is Severity.WARNING
    assert set(severities.values()) == {Severity.ERROR}


def test_breach_phrase_is_found_regardless_of_case_and_names_rule_and_phrase() -> None:
    scenario = fixture_text("scenarios/kritik.yml").replace(
        "    text: Danke für Ihre Rückmeldung, wir kümmern uns darum.",
        "    text: >\n      Danke. Aber das\n      Stimmt So Nicht.",
    )
    assert formatted(guideline_with({"scenarios/kritik.yml": scenario})) == [
        "guideline_data/scenarios/kritik.yml:15:11: warning[G306]: die Antwortvorlage 'Erste Antwort' enthält "
        "'stimmt so nicht', eine Signalphrase der Tonalitätsregel 'freundlich'\n"
        "    note: Regel: Wir antworten freundlich, auch wenn der Ton rau ist.\n"
        "    note: Signalphrase definiert in guideline_data/tone.yml:10\n"
        "    help: formuliere die Vorlage nach dieser Regel um"
    ]


def test_trainee_role_as_channel_owner_and_replying() -> None:
    roles = BREACHING["roles.yml"].replace("    customer_dialogue: true\n", "", 1)
    channels = fixture_text("channels.yml").replace("owner: social-media-lead", "owner: community-manager").replace(
        "deputy: community-manager", "deputy: social-media-lead")
    found = [d for d in formatted(guideline_with({"roles.yml": roles, "channels.yml": channels})) if "G302" in d]
    assert found == [
        "guideline_data/channels.yml:11:12: error[G302]: die Rolle 'community-manager' darf von Azubis oder "
        "Praktikantinnen und Praktikanten übernommen werden und darf daher keinen Kanal verantworten\n"
        "    note: 'trainee_allowed: true' steht in guideline_data/roles.yml:12\n"
        "    help: trage eine Rolle ohne 'trainee_allowed: true' ein",
        "guideline_data/matrix.yml:4:18: error[G302]: die Rolle 'community-manager' darf von Azubis oder "
        "Praktikantinnen und Praktikanten übernommen werden und darf daher nicht für das Antworten verantwortlich sein\n"
        "    note: 'trainee_allowed: true' steht in guideline_data/roles.yml:12\n"
        "    help: trage eine Rolle ohne 'trainee_allowed: true' ein",
    ]


OWN_TASKS = """\
tasks:
  - id: anfragen
    label: Anfragen beantworten
    description: Öffentlich auf Fragen von Bürgerinnen und Bürgern antworten.
    answers_people: true
  - id: warnung
    label: Warnung veröffentlichen
    description: Amtliche Warnungen sofort veröffentlichen.
assignments:
  - channel: instagram
    task: warnung
    responsible: community-manager
    rhythm: im Anlassfall
  - channel: instagram
    task: anfragen
    responsible: community-manager
    rhythm: täglich
"""


def test_only_replying_of_the_default_tasks_answers_people() -> None:
    matrix = guideline_with({}).matrix.model
    assert [task.id for task in matrix.tasks] == ["monitoring", "posting", "replying", "escalation", "reporting"]
    assert [task.id for task in matrix.tasks if matrix.answers_people(task.id)] == ["replying"]
    assert not matrix.answers_people("unknown")


def test_an_own_task_that_answers_people_is_kept_from_trainee_roles() -> None:
    found = [d for d in formatted(guideline_with({**BREACHING, "matrix.yml": OWN_TASKS})) if "G302" in d]
    assert found == [
        "guideline_data/matrix.yml:16:18: error[G302]: die Rolle 'community-manager' darf von Azubis oder "
        "Praktikantinnen und Praktikanten übernommen werden und darf daher nicht für das Antworten verantwortlich sein\n"
        "    note: 'trainee_allowed: true' steht in guideline_data/roles.yml:13\n"
        "    help: trage eine Rolle ohne 'trainee_allowed: true' ein",
    ]


def test_an_own_task_that_answers_people_needs_the_dialogue_training() -> None:
    training = fixture_text("training/grundlagen.yml") + "customer_dialogue_training: true\n"
    roles = fixture_text("roles.yml").replace("      - grundlagen\n", "      - beispiel\n").replace(
        "required_training:\n      - beispiel\n", "required_training: []\n")
    found = [d.splitlines()[0] for d in formatted(guideline_with({
        "matrix.yml": OWN_TASKS.replace("task: warnung\n    responsible: community-manager",
                                        "task: warnung\n    responsible: social-media-lead"),
        "training/grundlagen.yml": training, "roles.yml": roles})) if "G340" in d]
    assert found == [
        "guideline_data/roles.yml:11:9: error[G340]: die Rolle 'community-manager' antwortet Kundinnen und Kunden "
        "oder gibt Antworten frei, hat aber die Kundendialog-Schulung 'grundlagen' nicht unter ihren Pflichtschulungen"
    ]


def test_channel_without_admins() -> None:
    channels = fixture_text("channels.yml").replace(
        "      admins:\n        - social-media-lead\n        - community-manager\n", "      admins: []\n")
    assert formatted(guideline_with({"channels.yml": channels})) == [
        "guideline_data/channels.yml:16:15: error[G307]: der Kanal 'instagram' hat keine Admin-Rolle; nötig sind "
        "mindestens zwei verschiedene\n"
        "    help: trage unter 'admins:' eine zweite Rolle ein, damit der Zugang nicht an einer Person hängt"
    ]


def test_department_whose_roles_are_not_on_the_team() -> None:
    roles = fixture_text("roles.yml").replace("    social_media_team: true\n", "")
    assert formatted(guideline_with({"roles.yml": roles})) == [
        "guideline_data/departments.yml:2:9: error[G301]: die Abteilung 'kommunikation' spricht mit der "
        "Öffentlichkeit, hat aber keine Rolle im Social-Media-Team\n"
        "    note: 'public_facing: true' steht in guideline_data/departments.yml:5\n"
        "    note: Rollen dieser Abteilung: social-media-lead (guideline_data/roles.yml:2), community-manager "
        "(guideline_data/roles.yml:11)\n"
        "    help: setze in roles.yml bei einer Rolle dieser Abteilung 'social_media_team: true', oder trag in "
        "departments.yml unter 'team_exemption:' ein, warum die Abteilung niemanden ins Team schickt"
    ]


def test_every_finding_lies_inside_its_file() -> None:
    guideline = guideline_with(_with_policies("error"))
    texts = {str(DATA_ROOT / p.relative_to(MINIMAL).as_posix()): p for p in MINIMAL.rglob("*.yml")}
    for diagnostic in check_guideline(guideline):
        relative = str(diagnostic.path).removeprefix("guideline_data/")
        text = BREACHING.get(relative) or Path(texts[str(diagnostic.path)]).read_text(encoding="utf-8")
        lines = text.splitlines()
        assert 1 <= diagnostic.position.line <= len(lines)
        assert 1 <= diagnostic.position.column <= len(lines[diagnostic.position.line - 1])


# --- reserved ids and placeholders -------------------------------------------------------------------


def test_placeholder_fails_only_the_strict_check(tmp_path: Path) -> None:
    report = site.check_site(_minimal_with(tmp_path, {"departments.yml": fixture_text("departments.yml").replace(
        "Betreut alle Kanäle.", "Bitte ausfüllen")}), tmp_path)
    assert [format_diagnostic(d).splitlines()[0] for d in report.diagnostics] == [
        "guideline_data/departments.yml:4:18: warning[G308]: hier steht noch der Platzhalter „Bitte ausfüllen“"
    ]
    assert not report.fails(strict=False)
    assert report.fails(strict=True)


def test_placeholder_is_found_in_any_case_inside_longer_text() -> None:
    scenario = fixture_text("scenarios/kritik.yml").replace("Kommentar lesen und antworten.",
                                                             "Erst lesen, dann bitte AUSFÜLLEN")
    loaded, _ = load_yaml(DATA_ROOT / "scenarios/kritik.yml", scenario.encode("utf-8"))
    assert loaded is not None
    parsed, diagnostics = parse_file(DataKind.SCENARIO, loaded)
    assert parsed is not None and [d.code for d in diagnostics] == ["G308"]


# --- files that are not data files ------------------------------------------------------------------


def _minimal_with(tmp_path: Path, overrides: dict[str, str]) -> Path:
    data_dir = tmp_path / "guideline_data"
    shutil.copytree(MINIMAL, data_dir)
    for relative, text in overrides.items():
        (data_dir / relative).write_text(text, encoding="utf-8")
    return data_dir


def test_a_folder_named_like_a_data_file_is_reported(tmp_path: Path) -> None:
    data_dir = _minimal_with(tmp_path, {})
    (data_dir / "scenarios" / "neu.yml").mkdir()
    assert format_report(site.check_site(data_dir, tmp_path)).splitlines()[:2] == [
        "guideline_data/scenarios/neu.yml:1:1: error[G003]: 'neu.yml' ist ein Ordner, keine Datei, und würde nicht "
        "veröffentlicht",
        "    help: lösche oder benenne den Ordner um; Daten stehen in Dateien, z. B. scenarios/<id>.yml",
    ]


def test_a_file_that_cannot_be_read_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = _minimal_with(tmp_path, {})
    (data_dir / "scenarios" / "gesperrt.yml").write_text("id: gesperrt\n", encoding="utf-8")

    def refuse(path: Path) -> bytes:
        if path.name == "gesperrt.yml":  # the tests may run as root, whom file permissions do not stop
            raise PermissionError(13, "Permission denied", str(path))
        return path.read_bytes()

    monkeypatch.setattr(folder, "_read_unfollowed", refuse)
    assert format_report(site.check_site(data_dir, tmp_path)).splitlines() == [
        "guideline_data/scenarios/gesperrt.yml:1:1: error[G016]: die Datei kann nicht gelesen werden",
        "    note: das Betriebssystem meldet: Permission denied",
        "    help: prüfe, ob die Datei noch existiert und ob du sie lesen darfst",
        "1 Fehler, 0 Warnungen",
    ]


def test_a_linked_data_folder_is_refused_without_looking_inside(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL, tmp_path / "echt")
    (tmp_path / "guideline_data").symlink_to("echt")
    report = site.check_site(tmp_path / "guideline_data", tmp_path)
    assert format_report(report).splitlines() == [
        "guideline_data:1:1: error[G018]: 'guideline_data' ist ein symbolischer Link; Links im Datenordner werden "
        "nicht gelesen",
        "    note: ein Link kann auf Dateien außerhalb des Leitfadens zeigen, deshalb folgt die Prüfung keinem Link",
        "    help: ersetze den Link durch die Datei oder den Ordner selbst (kopieren statt verlinken) oder lösche ihn",
        "1 Fehler, 0 Warnungen",
    ]


def test_hidden_files_that_are_not_yaml_are_ignored(tmp_path: Path) -> None:
    data_dir = _minimal_with(tmp_path, {})
    (data_dir / "scenarios" / ".gitkeep").write_text("", encoding="utf-8")
    (data_dir / ".DS_Store").write_bytes(b"\x00\x01")
    assert format_report(site.check_site(data_dir, tmp_path)) == "0 Fehler, 0 Warnungen"
