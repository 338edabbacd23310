#!/usr/bin/env python3
"""Launcher for the social media guideline: prepare the virtual environment, then delegate.

Needs only Python 3.10+ and its standard library. On first use it creates `.venv` from the pinned,
hashed lock files and installs the project into it; later runs reuse it and reinstall only when a
lock file (or pyproject.toml) changed. All real work happens inside the venv: the guideline core
(`python -m guideline.cli`), MkDocs and pytest. This file holds no logic of its own.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from types import FrameType
from typing import Any, Iterator, Sequence

ROOT = Path(__file__).resolve().parent
# The German argument parser is shared with the CLI; it is standard library only, so the launcher can
# import it before any virtual environment exists. Nothing else of the core is imported here.
sys.path.insert(0, str(ROOT / "hooks"))
from guideline.arguments import EXIT_USAGE, GermanArgumentParser  # noqa: E402
VENV = ROOT / ".venv"
STAMP = VENV / "guideline-install.json"
RUNTIME_LOCK = "requirements.lock"
TEST_LOCK = "requirements-test.lock"
SITE_DIR = ROOT / "site"
DATA_FOLDER = "guideline_data"
FALLBACK_EPOCH = 315532800  # 1980-01-01 00:00:00 UTC, the earliest time a ZIP or wheel can record
EXIT_OK, EXIT_CONTENT = 0, 1
MINIMUM_PYTHON = (3, 10)
LOCK_COMMAND = [
    "pip", "compile", "pyproject.toml", "--universal", "--python-version", "3.10", "--generate-hashes",
    "--custom-compile-command", "python3 build.py lock", "--quiet",
]
LOCK_INPUTS = {
    RUNTIME_LOCK: ["--group", "bootstrap"],
    TEST_LOCK: ["--extra", "test", "--group", "bootstrap", "--group", "lock"],
}


SETUP_NOTE = "unter Debian/Ubuntu braucht `python3 -m venv` das Paket python3-venv (apt install python3-venv)"


class LauncherError(Exception):
    """Preparing the environment failed; the message says what to do."""


# --- the virtual environment ----------------------------------------------------------------------


def venv_python(venv: Path = VENV) -> Path:
    """Return the venv's interpreter (Scripts\\python.exe on Windows, bin/python elsewhere)."""
    if os.name == "nt":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def file_hash(path: Path) -> str:
    """Return the SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wanted_state(locks: Sequence[str]) -> dict[str, Any]:
    """Describe what the venv must hold: this Python, this pyproject.toml, these lock files."""
    return {
        "python": ".".join(str(part) for part in sys.version_info[:2]),
        "pyproject": file_hash(ROOT / "pyproject.toml"),
        "locks": {name: file_hash(ROOT / name) for name in locks},
    }


def read_stamp() -> dict[str, Any]:
    """Return what the venv was last prepared with, or nothing if unknown."""
    try:
        stamp = json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stamp if isinstance(stamp, dict) else {}


def is_outdated(stamp: dict[str, Any], wanted: dict[str, Any]) -> bool:
    """Tell whether the venv must be rebuilt: other Python, unknown state, or a changed lock file."""
    if not venv_python().exists() or stamp.get("python") != wanted["python"]:
        return True
    installed = stamp.get("locks", {})
    current = {name: file_hash(ROOT / name) for name in installed if (ROOT / name).exists()}
    return current != installed


def say(message: str) -> None:
    """Tell the user what the launcher does (on stderr, so stdout stays the tool's)."""
    print(f"build.py: {message}", file=sys.stderr, flush=True)


def run_step(command: Sequence[str | Path], what: str) -> None:
    """Run one preparation step; raise LauncherError if it fails."""
    say(what)
    result = subprocess.run([str(part) for part in command], cwd=ROOT)
    if result.returncode != 0:
        raise LauncherError(f"„{what}“ ist fehlgeschlagen (Exit-Code {result.returncode})")


def pip_install(*arguments: str) -> list[str]:
    """Return a quiet pip install command for the venv's interpreter."""
    return [str(venv_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *arguments]


def ensure_venv(locks: Sequence[str]) -> Path:
    """Create or update .venv so that it holds exactly the given lock files and the project."""
    wanted = wanted_state(locks)
    stamp = read_stamp()
    if VENV.exists() and is_outdated(stamp, wanted):
        say("Lock-Dateien oder Python-Version haben sich geändert: .venv wird neu angelegt")
        shutil.rmtree(VENV)
        stamp = {}
    if not VENV.exists():
        run_step([sys.executable, "-m", "venv", VENV], f"lege .venv an (Python {wanted['python']})")
        stamp = {"python": wanted["python"], "locks": {}}
        write_stamp(stamp)
    for name in locks:
        if stamp["locks"].get(name) != wanted["locks"][name]:
            run_step(pip_install("--require-hashes", "--no-deps", "-r", name), f"installiere {name} in .venv")
            stamp["locks"][name] = wanted["locks"][name]
            write_stamp(stamp)
    if stamp.get("pyproject") != wanted["pyproject"]:
        run_step(pip_install("--no-deps", "--no-build-isolation", "-e", "."), "installiere das Projekt in .venv")
        stamp["pyproject"] = wanted["pyproject"]
        write_stamp(stamp)
    return venv_python()


def write_stamp(stamp: dict[str, Any]) -> None:
    """Record what the venv holds, after each step that succeeded."""
    STAMP.write_text(json.dumps(stamp, indent=2, sort_keys=True) + "\n", encoding="utf-8")


# --- commands -------------------------------------------------------------------------------------


def run_tool(python: Path, arguments: Sequence[str | Path]) -> int:
    """Run a tool with the venv's interpreter in the repository root; return its exit code."""
    process = subprocess.Popen([str(python), *[str(part) for part in arguments]], cwd=ROOT)
    try:
        return process.wait()
    except BaseException:
        stop_tool(process)
        raise


def stop_tool(process: subprocess.Popen[bytes]) -> None:
    """Stop an interrupted tool and reap it.

    subprocess.run kills the child on Ctrl-C but does not wait for it, so an interrupted launcher
    could exit while MkDocs is still alive (or left as a zombie where nothing reaps orphans).
    """
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def command_serve(args: argparse.Namespace) -> int:
    python = ensure_venv([RUNTIME_LOCK])
    return run_tool(python, ["-m", "mkdocs", "serve", *args.extra])


def command_build(args: argparse.Namespace) -> int:
    """Build into a fresh folder next to the target, audit it, and swap it in only if both succeeded.

    A failed or interrupted build (Ctrl-C, SIGTERM) leaves the previous site as it was and removes
    the unfinished folder.
    """
    python = ensure_venv([RUNTIME_LOCK])
    target = Path(args.site_dir).resolve() if args.site_dir else SITE_DIR
    target.parent.mkdir(parents=True, exist_ok=True)
    with sigterm_as_exit(), environment_set(build_environment(ROOT)):
        staging = Path(tempfile.mkdtemp(prefix=".site-tmp-", dir=target.parent))
        try:
            staging.chmod(0o755)  # mkdtemp makes it private; the published site must be readable by a web server
            return build_into(python, staging, target, args.extra)
        except (KeyboardInterrupt, SystemExit):
            if staging.exists():  # not yet swapped in
                say(f"Build abgebrochen: {shown_path(target)}/ bleibt, wie es war")
            raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def build_into(python: Path, staging: Path, target: Path, extra: Sequence[str]) -> int:
    """Run MkDocs into the staging folder, audit the result, then replace the target by it."""
    shown = shown_path(target)
    code = run_tool(python, ["-m", "mkdocs", "build", "--strict", "--site-dir", staging, *extra])
    if code != EXIT_OK:
        say(f"Build fehlgeschlagen: {shown}/ bleibt unverändert")
        return code
    # Each page's Content-Security-Policy, from its own inline scripts: whatever the engine wrote, before the audit.
    code = run_tool(python, ["-m", "guideline.cli", "csp", "--site-dir", staging, "--display-path", shown])
    if code != EXIT_OK:
        say(f"Die Content-Security-Policy ließ sich nicht setzen (siehe oben): {shown}/ bleibt unverändert")
        return code
    code = run_tool(python, ["-m", "guideline.cli", "audit", "--site-dir", staging, "--display-path", shown])
    if code != EXIT_OK:
        say(f"Die gebaute Website hat Fehler (siehe oben): {shown}/ bleibt unverändert")
        return code
    swap_site(staging, target)
    say(f"Website gebaut und geprüft: {shown}/")
    return EXIT_OK


def shown_path(path: Path) -> str:
    """Name a folder for messages: relative to the working directory where possible."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def swap_site(staging: Path, target: Path) -> None:
    """Replace the target by the staging folder with two renames, so the target is never half written."""
    retired = staging.with_name(staging.name.replace(".site-tmp-", ".site-old-", 1))
    try:
        with signals_deferred():
            if target.exists():
                os.replace(target, retired)
            try:
                os.replace(staging, target)
            except OSError:
                if retired.exists():
                    os.replace(retired, target)
                raise
    finally:
        shutil.rmtree(retired, ignore_errors=True)


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def sigterm_as_exit() -> Iterator[None]:
    """Turn SIGTERM into SystemExit, so that cleanup runs (by default Python would just vanish)."""
    try:
        previous = signal.signal(signal.SIGTERM, _exit_on_signal)
    except ValueError:  # not in the main thread: signals cannot be handled here
        previous = None
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold back Ctrl-C and SIGTERM for a moment (POSIX only), e.g. between two renames."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def build_environment(root: Path) -> dict[str, str]:
    """Return what the build's tools get in their environment on top of ours."""
    return {
        "SOURCE_DATE_EPOCH": source_date_epoch(root),  # sitemap dates and gzip headers come from the commit
        "NO_MKDOCS_2_WARNING": os.environ.get("NO_MKDOCS_2_WARNING", "1"),  # MkDocs' banner is not for contributors
    }


@contextlib.contextmanager
def environment_set(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the tools this process starts; restore them afterwards."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def source_date_epoch(root: Path) -> str:
    """Return the build's timestamp: SOURCE_DATE_EPOCH if set, else the last commit's, else the newest data file's.

    Two builds of the same commit are then byte-identical (sitemap dates, gzip headers); outside git,
    a constant is the last resort.
    """
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given.isdigit():
        return given
    return str(last_commit_time(root) or newest_data_time(root / DATA_FOLDER) or FALLBACK_EPOCH)


def last_commit_time(root: Path) -> int | None:
    """Return the time of the last commit of the repository at root, or None outside git."""
    if not (root / ".git").exists():
        return None
    try:
        result = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                                capture_output=True, text=True, check=False)
    except OSError:  # git is not installed
        return None
    stamp = result.stdout.strip()
    return int(stamp) if result.returncode == 0 and stamp.isdigit() else None


def newest_data_time(data_dir: Path) -> int | None:
    """Return the modification time of the newest data file, or None if there is none."""
    times = [int(path.stat().st_mtime) for path in data_dir.rglob("*.yml") if path.is_file()]
    return max(times, default=None)


def command_check(args: argparse.Namespace) -> int:
    python = ensure_venv([RUNTIME_LOCK])
    options = ["--strict"] if args.strict else []
    if args.codequality:
        options += ["--codequality", str(Path(args.codequality).resolve())]
    return run_tool(python, ["-m", "guideline.cli", "check", *options])


def command_test(args: argparse.Namespace) -> int:
    ensure_system_packages()
    python = ensure_venv([RUNTIME_LOCK, TEST_LOCK])
    return run_tool(python, ["-m", "pytest", *args.extra])


SYSTEM_PACKAGES = (
    ("chromium", "chromium"),  # browser and accessibility tests: Debian's, never a downloaded browser
    ("nginx", "nginx"),  # the deploy/nginx.conf test
    ("openssl", "openssl"),  # its throwaway certificate
    ("java", "default-jre-headless"),  # the W3C HTML checker (vnu.jar, which the test installs via npm)
    ("npm", "npm"),
)
NO_APT_VARIABLE = "GUIDELINE_NO_APT"


def missing_system_packages() -> list[str]:
    """Return the Debian packages whose commands the tests need but this machine lacks."""
    return [
        package for command, package in SYSTEM_PACKAGES
        if shutil.which(command) is None and not Path("/usr/sbin", command).is_file()
    ]


def ensure_system_packages() -> None:
    """Install the Debian packages the tests need where that is possible (root with apt-get); else say so."""
    missing = missing_system_packages()
    if not missing:
        return
    can_install = (
        not os.environ.get(NO_APT_VARIABLE) and shutil.which("apt-get") is not None
        and hasattr(os, "geteuid") and os.geteuid() == 0
    )
    if not can_install:
        say(f"Hinweis: es fehlen {', '.join(missing)}; die Tests, die das brauchen, werden übersprungen "
            f"(installieren: sudo apt-get install {' '.join(missing)})")
        return
    say(f"installiere Debian-Pakete für Browser-, Server- und HTML-Tests: {' '.join(missing)}")
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], env=environment, check=False)
    install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing]
    if subprocess.run(install, env=environment, check=False).returncode != 0:
        say("Installation fehlgeschlagen: die Tests, die diese Pakete brauchen, werden übersprungen")


def command_schema(args: argparse.Namespace) -> int:
    python = ensure_venv([RUNTIME_LOCK])
    return run_tool(python, ["-m", "guideline.cli", "schema", *(["--check"] if args.check else [])])


def command_new(args: argparse.Namespace) -> int:
    python = ensure_venv([RUNTIME_LOCK])
    return run_tool(python, ["-m", "guideline.cli", "new", args.kind, *([args.id] if args.id else [])])


def command_lock(args: argparse.Namespace) -> int:
    """Regenerate both lock files with the uv pinned in the test lock."""
    python = ensure_venv([RUNTIME_LOCK, TEST_LOCK])
    for name, inputs in LOCK_INPUTS.items():
        say(f"erzeuge {name}")
        upgrade = ["--upgrade"] if args.upgrade else []
        code = run_tool(python, ["-m", "uv", *LOCK_COMMAND, *inputs, *upgrade, "--output-file", name])
        if code != EXIT_OK:
            return code
    return EXIT_OK


# --- command line ---------------------------------------------------------------------------------


DESCRIPTION = """\
Social-Media-Leitfaden: Daten prüfen, Vorschau starten, Website bauen, Tests ausführen.

Beim ersten Aufruf wird .venv aus den Lock-Dateien angelegt (das dauert einen Moment);
danach wird nur neu installiert, wenn sich eine Lock-Datei geändert hat."""

EPILOG = """\
Beispiele:
  python3 build.py check                     Daten prüfen (schnell, ohne Website)
  python3 build.py serve                     Vorschau unter http://127.0.0.1:8000
  python3 build.py new scenario shitstorm    neues Szenario anlegen
  python3 build.py test -k schema            nur die Tests zu „schema“

Exit-Codes: 0 in Ordnung, 1 Fehler (in den Daten, im Build oder in Tests), 2 falscher Aufruf."""

PASS_THROUGH = {"serve": "mkdocs serve", "build": "mkdocs build", "test": "pytest"}


def make_parser() -> GermanArgumentParser:
    """Build the launcher's command line; every subcommand only prepares and delegates."""
    parser = GermanArgumentParser(prog="python3 build.py", description=DESCRIPTION, epilog=EPILOG)
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="BEFEHL", parser_class=GermanArgumentParser
    )
    add = commands.add_parser
    serve = add("serve", help="Live-Vorschau starten (mkdocs serve); weitere Optionen gehen an mkdocs",
                description="Startet die Live-Vorschau. Änderungen in guideline_data/ erscheinen sofort.\n"
                "Weitere Optionen gehen an mkdocs serve, z. B. --dev-addr 0.0.0.0:8000.")
    serve.set_defaults(run=command_serve)
    build = add("build", help="Website nach site/ bauen (mkdocs build --strict) und prüfen",
                description="Baut die Website in einen neuen Ordner, prüft sie (Links, Anker, nichts von fremden\n"
                "Servern) und ersetzt site/ erst, wenn alles geklappt hat. Weitere Optionen gehen an mkdocs build.")
    build.add_argument("-d", "--site-dir", metavar="ORDNER", help="in diesen Ordner bauen (Standard: site)")
    build.set_defaults(run=command_build)
    check = add("check", help="nur die Daten prüfen, schnell und ohne Website",
                description="Prüft guideline_data/ und zeigt jeden Fehler mit Datei, Zeile und Spalte.")
    check.add_argument("--strict", action="store_true", help="auch bei Warnungen fehlschlagen")
    check.add_argument("--codequality", metavar="DATEI", help="GitLab-Code-Quality-Bericht (JSON) schreiben")
    check.set_defaults(run=command_check)
    test = add("test", help="alle Tests ausführen (pytest); weitere Optionen gehen an pytest",
               description="Installiert die Test-Abhängigkeiten in .venv und startet pytest.\n"
               "Weitere Optionen gehen an pytest, z. B. -k schema oder -x.")
    test.set_defaults(run=command_test)
    schema = add("schema", help="JSON-Schemas in guideline_data/schema/ neu erzeugen")
    schema.add_argument("--check", action="store_true", help="nur prüfen, ob die Schemas aktuell sind")
    schema.set_defaults(run=command_schema)
    new = add("new", help="neue Datendatei mit allen Feldern und Erklärungen anlegen",
              description="Legt eine neue Datei in guideline_data/ an; vorhandene Dateien bleiben unangetastet.")
    new.add_argument("kind", metavar="ART", help="Datenart, z. B. scenario, training, roles, channels")
    new.add_argument("id", metavar="ID", nargs="?", help="ID des neuen Eintrags (bei scenario und training)")
    new.set_defaults(run=command_new)
    lock = add("lock", help="Lock-Dateien mit uv neu erzeugen (nach Änderungen an pyproject.toml)")
    lock.add_argument("--upgrade", action="store_true", help="auch alle indirekten Abhängigkeiten aktualisieren")
    lock.set_defaults(run=command_lock)
    return parser


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """Parse the command line; serve, build and test pass unknown options on to their tool."""
    parser = make_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command not in PASS_THROUGH:
        parser.error(f"unbekannte Argumente: {' '.join(extra)}")
    args.extra = extra[1:] if extra[:1] == ["--"] else extra
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the launcher; return the exit code."""
    if sys.version_info < MINIMUM_PYTHON:
        print("build.py: Python 3.10 oder neuer wird gebraucht", file=sys.stderr)
        return EXIT_USAGE
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    try:
        return int(args.run(args))
    except LauncherError as error:
        print(f"build.py: Fehler: {error}", file=sys.stderr)
        print(f"    note: {SETUP_NOTE}", file=sys.stderr)
        print("    help: Zugang zum Paket-Index prüfen und erneut versuchen; notfalls .venv löschen", file=sys.stderr)
        return EXIT_CONTENT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
