#!/usr/bin/env python3
"""Launcher for the social media guideline: prepare the virtual environment, then delegate.

Needs only Python 3.10+ and its standard library. On first use it creates `.venv` from the pinned,
hashed lock files and installs the project into it; later runs reuse it and reinstall only when a
lock file (or pyproject.toml) changed. All real work happens inside the venv: the guideline core
(`python -m guideline.cli`), MkDocs and pytest. This file holds no logic of its own.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, NoReturn, Sequence

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / "guideline-install.json"
RUNTIME_LOCK = "requirements.lock"
TEST_LOCK = "requirements-test.lock"
SITE_DIR = ROOT / "site"
EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
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
    return subprocess.run([str(python), *[str(part) for part in arguments]], cwd=ROOT).returncode


def command_serve(args: argparse.Namespace) -> int:
    python = ensure_venv([RUNTIME_LOCK])
    return run_tool(python, ["-m", "mkdocs", "serve", *args.extra])


def command_build(args: argparse.Namespace) -> int:
    """Build into a fresh folder next to site/ and swap it in only when the build succeeded."""
    python = ensure_venv([RUNTIME_LOCK])
    staging = Path(tempfile.mkdtemp(prefix=".site-tmp-", dir=ROOT))
    staging.chmod(0o755)  # mkdtemp makes it private; the published site must be readable by a web server
    try:
        code = run_tool(python, ["-m", "mkdocs", "build", "--strict", "--site-dir", staging, *args.extra])
        if code != EXIT_OK:
            say("Build fehlgeschlagen: site/ bleibt unverändert")
            return code
        swap_site(staging)
        say(f"Website gebaut: {SITE_DIR.relative_to(ROOT)}/")
        return EXIT_OK
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap_site(staging: Path) -> None:
    """Replace site/ by the staging folder with two renames, so site/ is never half written."""
    retired = ROOT / f".site-old-{os.getpid()}"
    if SITE_DIR.exists():
        os.replace(SITE_DIR, retired)
    os.replace(staging, SITE_DIR)
    shutil.rmtree(retired, ignore_errors=True)


def command_check(args: argparse.Namespace) -> int:
    python = ensure_venv([RUNTIME_LOCK])
    options = ["--strict"] if args.strict else []
    if args.codequality:
        options += ["--codequality", str(Path(args.codequality).resolve())]
    return run_tool(python, ["-m", "guideline.cli", "check", *options])


def command_test(args: argparse.Namespace) -> int:
    python = ensure_venv([RUNTIME_LOCK, TEST_LOCK])
    return run_tool(python, ["-m", "pytest", *args.extra])


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


class GermanHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter with a German usage heading."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix="Aufruf: " if prefix is None else prefix)


class GermanArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose headings, help option and error line are German."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", GermanHelpFormatter)
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = "Argumente"
        self._optionals.title = "Optionen"
        self.add_argument("-h", "--help", action="help", help="diese Hilfe zeigen und beenden")

    def error(self, message: str) -> NoReturn:
        for pattern, german in ARGPARSE_MESSAGES:
            message = pattern.sub(german, message)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: Fehler: {message}\n")


ARGPARSE_MESSAGES = (
    (re.compile(r"^the following arguments are required: (.*)$"), r"es fehlt: \1"),
    (re.compile(r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)$"), r"\1: unbekannt: \2 (möglich: \3)"),
    (re.compile(r"^unrecognized arguments: (.*)$"), r"unbekannte Argumente: \1"),
)
"""argparse's own English messages that contributors meet most, in German."""

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
    build = add("build", help="Website nach site/ bauen (mkdocs build --strict)",
                description="Baut die Website in einen neuen Ordner und ersetzt site/ erst, wenn alles geklappt hat.")
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
