"""The launcher's command line: German help, the commands, exit codes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, Sequence

from guideline.arguments import EXIT_USAGE, INIT_OPTIONS, GermanArgumentParser

from launcher import commands
from launcher.python_version import is_supported, unsupported_message
from launcher.terminal import VERBOSE_VARIABLE
from launcher.venv import SETUP_NOTE, LauncherError

EXIT_CONTENT, EXIT_INTERRUPTED = 1, 130

DESCRIPTION = """\
Social-Media-Leitfaden: Daten prüfen, Vorschau starten, Website bauen, Tests ausführen.

Beim ersten Aufruf wird .venv aus den Lock-Dateien angelegt (das dauert einen Moment);
danach wird nur neu installiert, wenn sich eine Lock-Datei geändert hat."""

EPILOG = """\
Beispiele:
  python3 build.py init                      euren eigenen Leitfaden in guideline_data/ anlegen
  python3 build.py check                     Daten prüfen (schnell, ohne Website)
  python3 build.py serve                     Vorschau unter http://127.0.0.1:8000
  python3 build.py new scenario shitstorm    neues Szenario anlegen
  python3 build.py test -k schema            nur die Tests zu „schema“

Exit-Codes: 0 in Ordnung, 1 Fehler (in den Daten, im Build oder in Tests), 2 falscher Aufruf."""

PASS_THROUGH = {"serve": "mkdocs serve", "build": "mkdocs build", "test": "pytest"}

AddCommand = Callable[..., GermanArgumentParser]


def make_parser() -> GermanArgumentParser:
    """Build the launcher's command line; every subcommand only prepares and delegates."""
    parser = GermanArgumentParser(prog="python3 build.py", description=DESCRIPTION, epilog=EPILOG)
    subparsers = parser.add_subparsers(
        dest="command", required=True, metavar="BEFEHL", parser_class=GermanArgumentParser
    )
    add_site_commands(subparsers.add_parser)
    add_tool_commands(subparsers.add_parser)
    return parser


def add_site_commands(add: AddCommand) -> None:
    """Add the commands that contributors use on the guideline: serve, build, check, export, csp."""
    serve = add("serve", help="Live-Vorschau starten (mkdocs serve); weitere Optionen gehen an mkdocs",
                description="Startet die Live-Vorschau. Änderungen in guideline_data/ erscheinen sofort; nach einer\n"
                "Änderung werden nur die Seiten neu gebaut, die sich geändert haben (mkdocs serve --dirty).\n"
                "Weitere Optionen gehen an mkdocs serve, z. B. --dev-addr 0.0.0.0:8000.")
    serve.add_argument("--full", action="store_true",
                       help="nach jeder Änderung alle Seiten neu bauen (langsamer; falls die Vorschau einmal "
                       "veraltet aussieht)")
    add_verbose(serve)
    serve.set_defaults(run=commands.command_serve)
    build = add("build", help="Website nach site/ bauen (mkdocs build --strict) und prüfen",
                description="Baut die Website in einen neuen Ordner, prüft sie (Links, Anker, nichts von fremden\n"
                "Servern) und ersetzt site/ erst, wenn alles geklappt hat. Weitere Optionen gehen an mkdocs build.")
    build.add_argument("-d", "--site-dir", metavar="ORDNER", help="in diesen Ordner bauen (Standard: site)")
    add_verbose(build)
    build.set_defaults(run=commands.command_build)
    check = add("check", help="nur die Daten prüfen, schnell und ohne Website",
                description="Prüft guideline_data/ und zeigt jeden Fehler mit Datei, Zeile und Spalte.")
    check.add_argument("--strict", action="store_true", help="auch bei Warnungen fehlschlagen")
    check.add_argument("--codequality", metavar="DATEI", help="GitLab-Code-Quality-Bericht (JSON) schreiben")
    add_verbose(check)
    check.set_defaults(run=commands.command_check)
    export = add("export", help="die Website als Markdown-Projekt ohne Hook exportieren (ProperDocs, Zensical)",
                 description="Schreibt in ORDNER ein Projekt, das mkdocs, properdocs oder zensical ohne Hook bauen:\n"
                 "docs/ mit jeder erzeugten Seite, die Theme-Anpassungen und eine mkdocs.yml. Ein früherer Export\n"
                 "wird als Ganzes ersetzt; ein anderer, nicht leerer Ordner nie.")
    export.add_argument("directory", metavar="ORDNER", help="neuer oder leerer Ordner, oder ein früherer Export")
    export.set_defaults(run=commands.command_export)
    csp = add("csp", help="jeder Seite einer gebauten Website ihre Content-Security-Policy geben",
              description="Gibt jeder Seite ihre Content-Security-Policy (die genau ihre Inline-Skripte erlaubt),\n"
              "gleich, womit die Website gebaut wurde, z. B. ein Export mit Zensical.")
    csp.add_argument("site_dir", metavar="ORDNER", help="Ordner der gebauten Website")
    csp.add_argument("--nginx", metavar="DATEI", help="stattdessen die add_header-Zeile dieser nginx-Konfiguration")
    csp.add_argument("--check", action="store_true", help="nur prüfen, nichts schreiben")
    csp.set_defaults(run=commands.command_csp)


def add_verbose(command: argparse.ArgumentParser) -> None:
    """Let a command show its tools' whole output, unfiltered and in English, for debugging."""
    command.add_argument("--verbose", action="store_true",
                         help=f"alles unverändert zeigen, was die Werkzeuge ausgeben, zur Fehlersuche (ebenso {VERBOSE_VARIABLE}=1)")


def add_tool_commands(add: AddCommand) -> None:
    """Add the commands around the guideline: test, schema, new, init, bench, lock."""
    test = add("test", help="alle Tests ausführen (pytest); weitere Optionen gehen an pytest",
               description="Installiert die Test-Abhängigkeiten in .venv und startet pytest.\n"
               "Weitere Optionen gehen an pytest, z. B. -k schema oder -x.")
    test.set_defaults(run=commands.command_test)
    schema = add("schema", help="JSON-Schemas in guideline_data/schema/ neu erzeugen")
    schema.add_argument("--check", action="store_true", help="nur prüfen, ob die Schemas aktuell sind")
    schema.set_defaults(run=commands.command_schema)
    urls = add("urls", help="die Adressen aller Seiten in urls.yml festhalten (nach neuen Seiten ausführen)",
               description="Schreibt urls.yml im Datenordner: jede bisher festgehaltene Adresse und jede Seite.\n"
               "Verschwindet später eine davon ohne 'aliases:', bricht der Build ab.")
    urls.set_defaults(run=commands.command_urls)
    new = add("new", help="neue Datendatei mit allen Feldern und Erklärungen anlegen",
              description="Legt eine neue Datei in guideline_data/ an; vorhandene Dateien bleiben unangetastet.")
    new.add_argument("kind", metavar="ART", help="Datenart, z. B. scenario, training, roles, channels")
    new.add_argument("id", metavar="ID", nargs="?", help="ID des neuen Eintrags (bei scenario und training)")
    new.set_defaults(run=commands.command_new)
    init = add("init", help="euren eigenen Leitfaden in guideline_data/ anlegen (oder das Beispiel kopieren)",
               description="Legt guideline_data/ mit allen Pflichtdateien an; was ihr noch entscheiden müsst,\n"
               "steht als Platzhalter „Bitte ausfüllen“ darin, und python3 build.py check zeigt jeden mit\n"
               "Zeile und Spalte. Fehlende Angaben werden im Terminal erfragt. Vorhandenes wird nie\n"
               "überschrieben oder verschoben.")
    init.add_argument("--example", action="store_true", help="stattdessen das Beispiel zum Ausprobieren kopieren")
    for option, text in INIT_OPTIONS:
        init.add_argument(option, metavar="ADRESSE" if option != "--name" else "NAME", help=text)
    init.set_defaults(run=commands.command_init)
    bench = add("bench", help="messen, wie schnell und sparsam der Leitfaden baut (synthetischer Leitfaden)",
                description="Erzeugt einen synthetischen Leitfaden mit N Szenarien und misst abwechselnd gegen\n"
                "einfache Werkzeuge auf denselben Dateien (Mediane). Gibt Zahlen aus; bricht nie wegen Langsamkeit ab.")
    bench.add_argument("--scenarios", metavar="N", type=int, action="append",
                       help="nur diese Größe messen (mehrfach möglich); sonst 100, 1000, 2000 und 5000")
    bench.add_argument("--rounds", metavar="R", type=int, default=3, help="Läufe je Messung (Median), Vorgabe 3")
    bench.add_argument("--keep", metavar="ORDNER", help="die erzeugten Projekte in diesem Ordner behalten")
    bench.set_defaults(run=commands.command_bench)
    lock = add("lock", help="Lock-Dateien mit uv neu erzeugen (nach Änderungen an pyproject.toml)")
    lock.add_argument("--upgrade", action="store_true", help="auch alle indirekten Abhängigkeiten aktualisieren")
    lock.set_defaults(run=commands.command_lock)


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """Parse the command line; serve, build and test pass unknown options on to their tool."""
    parser = make_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command not in PASS_THROUGH:
        parser.error(f"unbekannte Argumente: {' '.join(extra)}")
    args.extra = extra[1:] if extra[:1] == ["--"] else extra
    return args


def main(argv: Sequence[str], root: Path) -> int:
    """Run the launcher for the repository at root; return the exit code."""
    if not is_supported(sys.version_info):
        print(unsupported_message(), file=sys.stderr)
        return EXIT_USAGE
    args = parse_arguments(argv)
    try:
        return int(args.run(args, root))
    except LauncherError as error:
        print(f"build.py: Fehler: {error}", file=sys.stderr)
        print(f"    note: {SETUP_NOTE}", file=sys.stderr)
        print("    help: Zugang zum Paket-Index prüfen und erneut versuchen; notfalls .venv löschen", file=sys.stderr)
        return EXIT_CONTENT
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
