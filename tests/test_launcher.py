"""build.py, the stdlib-only launcher: usage errors, help, venv bookkeeping, atomic builds, lock files."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
COMMANDS = {"serve", "build", "check", "test", "schema", "new", "lock"}


def load_launcher() -> ModuleType:
    spec = importlib.util.spec_from_file_location("guideline_launcher", REPO / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_copy(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a lone copy of build.py (no venv, no lock files next to it) with a plain interpreter."""
    shutil.copyfile(REPO / "build.py", tmp_path / "build.py")
    # The launcher may use only the standard library and the stdlib-only argument module beside it.
    (tmp_path / "hooks" / "guideline").mkdir(parents=True)
    for name in ("__init__.py", "arguments.py"):
        shutil.copyfile(REPO / "hooks" / "guideline" / name, tmp_path / "hooks" / "guideline" / name)
    environment = {key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    # The base interpreter, not the venv's: there the installed core would hide a missing file.
    interpreter = getattr(sys, "_base_executable", sys.executable)
    return subprocess.run(
        [interpreter, "-I", str(tmp_path / "build.py"), *args],
        cwd=tmp_path, env=environment, capture_output=True, text=True, encoding="utf-8", check=False,
    )


# --- command line, without any venv ---------------------------------------------------------------


def test_help_lists_every_command_in_german_without_a_venv(tmp_path: Path) -> None:
    result = run_copy(tmp_path, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("Aufruf: python3 build.py [-h] BEFEHL ...\n")
    listed = set(re.findall(r"^    (\w+) ", result.stdout, flags=re.MULTILINE))
    assert listed == COMMANDS
    assert "Exit-Codes: 0 in Ordnung" in result.stdout
    assert not (tmp_path / ".venv").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "python3 build.py: Fehler: es fehlt: BEFEHL"),
        (["deploy"], "python3 build.py: Fehler: BEFEHL: unbekannt: 'deploy'"),
        (["check", "--bogus"], "python3 build.py: Fehler: unbekannte Argumente: --bogus"),
        (["schema", "extra"], "python3 build.py: Fehler: unbekannte Argumente: extra"),
        (["new"], "python3 build.py new: Fehler: es fehlt: ART"),
    ],
)
def test_usage_errors_exit_2_before_touching_the_venv(args: list[str], message: str, tmp_path: Path) -> None:
    result = run_copy(tmp_path, *args)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0].startswith("Aufruf: python3 build.py")
    assert result.stderr.splitlines()[-1].startswith(message)
    assert not (tmp_path / ".venv").exists()


def test_subcommands_are_the_documented_ones() -> None:
    parser = load_launcher().make_parser()
    [subparsers] = [action for action in parser._actions if action.dest == "command"]
    assert set(subparsers.choices) == COMMANDS


@pytest.mark.parametrize(
    ("argv", "extra"),
    [
        (["serve", "--dev-addr", "0.0.0.0:8080"], ["--dev-addr", "0.0.0.0:8080"]),
        (["build"], []),
        (["test", "-k", "schema", "-x"], ["-k", "schema", "-x"]),
        (["test", "--", "-k", "schema"], ["-k", "schema"]),
        (["test", "tests/test_cli.py"], ["tests/test_cli.py"]),
    ],
)
def test_serve_build_and_test_pass_extra_arguments_on(argv: list[str], extra: list[str]) -> None:
    assert load_launcher().parse_arguments(argv).extra == extra


def test_check_options_are_parsed_by_the_launcher() -> None:
    args = load_launcher().parse_arguments(["check", "--strict", "--codequality", "report.json"])
    assert (args.command, args.strict, args.codequality, args.extra) == ("check", True, "report.json", [])


# --- venv bookkeeping: reinstall only what changed ------------------------------------------------


@pytest.fixture
def launcher(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[ModuleType, list[str]]:
    """The launcher pointed at a scratch repository, recording preparation steps instead of running them."""
    module = load_launcher()
    for name in ("pyproject.toml", module.RUNTIME_LOCK, module.TEST_LOCK):
        (tmp_path / name).write_text(f"# {name}\n", encoding="utf-8")
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "VENV", tmp_path / ".venv")
    monkeypatch.setattr(module, "STAMP", tmp_path / ".venv" / "guideline-install.json")
    steps: list[str] = []

    def record(command: list[object], what: str) -> None:
        steps.append(what)
        if "venv" in [str(part) for part in command[:3]]:
            python = module.venv_python(tmp_path / ".venv")
            python.parent.mkdir(parents=True)
            python.write_text("", encoding="utf-8")

    monkeypatch.setattr(module, "run_step", record)
    return module, steps


def test_first_run_creates_the_venv_then_reuses_it(launcher: tuple[ModuleType, list[str]]) -> None:
    module, steps = launcher
    module.ensure_venv([module.RUNTIME_LOCK])
    assert steps == ["lege .venv an (Python %d.%d)" % sys.version_info[:2],
                     "installiere requirements.lock in .venv", "installiere das Projekt in .venv"]
    steps.clear()
    module.ensure_venv([module.RUNTIME_LOCK])
    assert steps == []


def test_test_lock_is_added_to_the_same_venv(launcher: tuple[ModuleType, list[str]]) -> None:
    module, steps = launcher
    module.ensure_venv([module.RUNTIME_LOCK])
    steps.clear()
    module.ensure_venv([module.RUNTIME_LOCK, module.TEST_LOCK])
    assert steps == ["installiere requirements-test.lock in .venv"]


def test_a_changed_lock_rebuilds_the_venv(launcher: tuple[ModuleType, list[str]]) -> None:
    module, steps = launcher
    module.ensure_venv([module.RUNTIME_LOCK, module.TEST_LOCK])
    (module.ROOT / module.TEST_LOCK).write_text("# changed\n", encoding="utf-8")
    steps.clear()
    module.ensure_venv([module.RUNTIME_LOCK])
    assert steps[0].startswith("lege .venv an")
    assert steps[1:] == ["installiere requirements.lock in .venv", "installiere das Projekt in .venv"]


def test_a_changed_pyproject_reinstalls_only_the_project(launcher: tuple[ModuleType, list[str]]) -> None:
    module, steps = launcher
    module.ensure_venv([module.RUNTIME_LOCK])
    (module.ROOT / "pyproject.toml").write_text("# changed\n", encoding="utf-8")
    steps.clear()
    module.ensure_venv([module.RUNTIME_LOCK])
    assert steps == ["installiere das Projekt in .venv"]


def test_a_failed_step_is_retried_next_time(launcher: tuple[ModuleType, list[str]],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    module, steps = launcher
    recorder = module.run_step

    def fail_on_lock(command: list[object], what: str) -> None:
        recorder(command, what)
        if "requirements.lock" in what:
            raise module.LauncherError(what)

    monkeypatch.setattr(module, "run_step", fail_on_lock)
    with pytest.raises(module.LauncherError):
        module.ensure_venv([module.RUNTIME_LOCK])
    monkeypatch.setattr(module, "run_step", recorder)
    steps.clear()
    module.ensure_venv([module.RUNTIME_LOCK])
    assert steps == ["installiere requirements.lock in .venv", "installiere das Projekt in .venv"]


# --- atomic build ---------------------------------------------------------------------------------


@pytest.fixture
def builder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    module = load_launcher()
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "SITE_DIR", tmp_path / "site")
    monkeypatch.setattr(module, "ensure_venv", lambda locks: Path("python"))
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("alt", encoding="utf-8")
    return module


def fake_mkdocs(exit_code: int, page: str = "neu") -> object:
    def run_tool(python: Path, arguments: list[object]) -> int:
        target = Path(str(arguments[arguments.index("--site-dir") + 1]))
        (target / "index.html").write_text(page, encoding="utf-8")
        return exit_code

    return run_tool


def test_a_successful_build_swaps_in_the_new_site(builder: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(builder, "run_tool", fake_mkdocs(0))
    assert builder.command_build(builder.parse_arguments(["build"])) == 0
    assert (builder.SITE_DIR / "index.html").read_text(encoding="utf-8") == "neu"
    assert oct(builder.SITE_DIR.stat().st_mode & 0o777) == oct(0o755)
    assert sorted(path.name for path in builder.ROOT.iterdir()) == ["site"]


def test_a_failed_build_leaves_the_previous_site(builder: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(builder, "run_tool", fake_mkdocs(1, page="kaputt"))
    assert builder.command_build(builder.parse_arguments(["build"])) == 1
    assert (builder.SITE_DIR / "index.html").read_text(encoding="utf-8") == "alt"
    assert sorted(path.name for path in builder.ROOT.iterdir()) == ["site"]


# --- lock files -----------------------------------------------------------------------------------


def pins(lock: Path) -> dict[str, str]:
    """Map `name==version ; marker` to the hash lines that follow it."""
    entries: dict[str, str] = {}
    for block in re.split(r"\n(?=[a-z0-9])", lock.read_text(encoding="utf-8")):
        head = block.split(" \\")[0].strip()
        if "==" in head:
            entries[head] = " ".join(sorted(re.findall(r"--hash=sha256:[0-9a-f]{64}", block)))
    return entries


def test_lock_files_pin_every_package_with_hashes_and_no_local_urls() -> None:
    for name in ("requirements.lock", "requirements-test.lock"):
        text = (REPO / name).read_text(encoding="utf-8")
        assert "file:" not in text and "--index-url" not in text and "--find-links" not in text
        entries = pins(REPO / name)
        assert entries, name
        for head, hashes in entries.items():
            assert hashes, f"{name}: {head} has no hash"


def test_test_lock_extends_the_runtime_lock_with_identical_pins() -> None:
    runtime, test = pins(REPO / "requirements.lock"), pins(REPO / "requirements-test.lock")
    assert {head: test.get(head) for head in runtime} == runtime
    heads = " ".join(test)
    for package in ("setuptools==", "pytest==", "playwright==1.65.2", "axe-playwright-python==0.1.8", "uv=="):
        assert package in heads


def test_direct_pins_of_pyproject_are_in_the_locks() -> None:
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    test = " ".join(pins(REPO / "requirements-test.lock"))
    for name, version in re.findall(r'^\s*"([A-Za-z0-9_.-]+)==([^";\s]+)', pyproject, flags=re.MULTILINE):
        assert f"{name.lower()}=={version}" in test, f"{name}=={version} is not in requirements-test.lock"


def test_a_failed_installation_exits_1_with_advice(
    launcher: tuple[ModuleType, list[str]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    module, _ = launcher

    def fail(command: list[object], what: str) -> None:
        raise module.LauncherError(f"„{what}“ ist fehlgeschlagen (Exit-Code 1)")

    monkeypatch.setattr(module, "run_step", fail)
    assert module.main(["check"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "build.py: Fehler: „lege .venv an (Python %d.%d)“ ist fehlgeschlagen (Exit-Code 1)" % sys.version_info[:2],
        f"    note: {module.SETUP_NOTE}",
        "    help: Zugang zum Paket-Index prüfen und erneut versuchen; notfalls .venv löschen",
    ]


def test_test_command_only_names_missing_system_packages_it_may_not_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    launcher = load_launcher()
    monkeypatch.setattr(launcher, "missing_system_packages", lambda: ["chromium", "nginx"])
    monkeypatch.setenv(launcher.NO_APT_VARIABLE, "1")
    monkeypatch.setattr(launcher.subprocess, "run", lambda *a, **k: pytest.fail("must not run apt-get"))
    launcher.ensure_system_packages()
    assert "es fehlen chromium, nginx" in capsys.readouterr().err


def test_test_command_installs_missing_system_packages_as_root(monkeypatch: pytest.MonkeyPatch) -> None:
    launcher = load_launcher()
    calls: list[list[str]] = []
    monkeypatch.setattr(launcher, "missing_system_packages", lambda: ["chromium"])
    monkeypatch.delenv(launcher.NO_APT_VARIABLE, raising=False)
    monkeypatch.setattr(launcher.os, "geteuid", lambda: 0)
    monkeypatch.setattr(launcher.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(launcher.subprocess, "run",
                        lambda command, **_: calls.append(command) or subprocess.CompletedProcess(command, 0))
    launcher.ensure_system_packages()
    assert calls == [["apt-get", "update", "-qq"],
                     ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"]]
