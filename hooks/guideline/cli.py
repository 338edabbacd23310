"""Command line of the guideline core: check the data, regenerate the schemas, scaffold new files,
set, audit and compare built sites.

Run inside the project's venv as `python -m guideline.cli …`; contributors call it through
`python3 build.py check|schema|new`, and `python3 build.py build` runs `csp` and `audit` on every new site.
Exit codes: 0 ok, 1 content errors (or findings in a built site), 2 usage errors, 3 internal error
(a bug: the message says how to report it).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import re
import shutil
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath
from typing import Any, TextIO

from pydantic import BaseModel

from .arguments import EXIT_USAGE, INIT_OPTIONS, GermanArgumentParser
from .audit.compare import compare_sites, format_difference
from .audit.site import audit_site, format_audit
from .diagnostics import Diagnostic, Report, Severity, format_github_annotation, format_report
from .export import ExportRefusal, export_site
from .harden.nginx import NginxConfigError, with_nginx_policy
from .harden.site import secure_site, site_header_policy
from .load.folder import read_data_files
from .model.fields import MAX_SLUG_LENGTH, SLUG_PATTERN, suggest_slug
from .model.layout import DataKind, kind_by_slug
from .model.schema import render_schemas
from .project import DATA_FOLDER, EXAMPLE_FOLDER, EXAMPLE_NOTICE, DataSource, data_source
from .scaffold import known_ids_of, scaffold_data_file
from .site import check_site, code_links, parse_source_files, record_urls, site_address, url_record_text
from .starter import (
    FOUNDING_FIELDS,
    gather_founding,
    next_steps,
    occupied_refusal,
    occupying_entries,
    starter_files,
    write_starter,
)
from .symlinks import first_link, link_refusal

EXIT_OK, EXIT_CONTENT, EXIT_INTERNAL = 0, 1, 3
DEBUG_VARIABLE = "GUIDELINE_DEBUG"
PROG = "python3 build.py"  # contributors call this module through the launcher; messages name the launcher


class UsageError(Exception):
    """A command line that cannot be carried out as given (exit code 2)."""


# --- check ----------------------------------------------------------------------------------------


def format_codequality(report: Report) -> str:
    """Format the diagnostics as a GitLab Code Quality report (a JSON list of issues)."""
    issues = [_codequality_issue(diagnostic) for diagnostic in report.diagnostics]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def _codequality_issue(diagnostic: Diagnostic) -> dict[str, object]:
    details = [*diagnostic.notes, *([f"Tipp: {diagnostic.help}"] if diagnostic.help else [])]
    identity = f"{diagnostic.code}|{diagnostic.path}|{diagnostic.message}"
    return {
        "description": f"{diagnostic.code}: {diagnostic.message}" + "".join(f" — {line}" for line in details),
        "check_name": diagnostic.code,
        "fingerprint": hashlib.sha256(identity.encode("utf-8")).hexdigest(),
        "severity": "major" if diagnostic.severity is Severity.ERROR else "minor",
        "location": {"path": str(diagnostic.path), "lines": {"begin": diagnostic.position.line}},
    }


def run_check(args: argparse.Namespace, out: TextIO) -> int:
    """Validate the data, print every diagnostic and a summary, and write the forge reports."""
    source = _announced_source(args.root, out)
    report = check_site(source.path(args.root), args.root)
    if os.environ.get("GITHUB_ACTIONS") == "true":  # first: GitHub takes these lines in and does not show them
        for diagnostic in report.diagnostics:
            print(format_github_annotation(diagnostic), file=out)
    print(format_report(report), file=out)  # ends with the summary line
    if report.diagnostics:  # once per run, after the summary: where each code's explanation and fix stand
        print("\n".join(code_links(report, site_address(source.path(args.root), args.root))), file=out)
    if args.codequality is not None:
        args.codequality.write_text(format_codequality(report), encoding="utf-8")
    return EXIT_CONTENT if report.fails(strict=args.strict) else EXIT_OK


# --- schema ---------------------------------------------------------------------------------------


def run_schema(args: argparse.Namespace, out: TextIO) -> int:
    """Write the JSON Schemas into every data folder, or with --check only report the ones that are out of date."""
    folders = [folder for folder in (DATA_FOLDER, EXAMPLE_FOLDER) if (args.root / folder).is_dir()]
    schemas = [(folder / relative, text) for folder in folders or [DATA_FOLDER] for relative, text in render_schemas().items()]
    _refuse_links(args.root, [shown for shown, _ in schemas])
    stale = []
    for shown, text in schemas:
        target = args.root / shown
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        stale.append(shown)
        if not args.check:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
            print(f"geschrieben: {shown}", file=out)
    if args.check and stale:
        for shown in stale:
            print(f"veraltet: {shown}", file=out)
        print("Die JSON-Schemas passen nicht zu den Modellen: python3 build.py schema ausführen.", file=out)
        return EXIT_CONTENT
    if not stale:
        print("Alle JSON-Schemas sind aktuell.", file=out)
    return EXIT_OK


def run_urls(args: argparse.Namespace, out: TextIO) -> int:
    """Write urls.yml: the recorded addresses and every page's, so that no later rename drops one unnoticed."""
    source = _announced_source(args.root, out)
    urls, report = record_urls(source.path(args.root), args.root)
    if urls is None:
        print(format_report(report), file=out)
        return EXIT_CONTENT
    shown = source.folder / DataKind.URLS.data_path()
    _refuse_links(args.root, [shown])
    (args.root / shown).write_text(url_record_text(urls), encoding="utf-8", newline="\n")
    print(f"geschrieben: {shown} ({len(urls)} Adressen)", file=out)
    return EXIT_OK


# --- new ------------------------------------------------------------------------------------------

EXAMPLE_IDS = {DataKind.SCENARIO: "beschwerde-im-kommentar", DataKind.TRAINING: "krisen-workshop"}


def validate_new_id(kind: DataKind, item_id: str | None) -> str | None:
    """Return the id to use for a new file of this kind, or raise UsageError explaining the fix."""
    if kind.spec.folder is None:
        if item_id is not None:
            raise UsageError(f"'{kind.slug}' ist eine einzelne Datei ({kind.data_path()}) und braucht keine ID")
        return None
    if item_id is None:
        example = EXAMPLE_IDS.get(kind, "neue-id")
        raise UsageError(f"bitte eine ID angeben, z. B.: python3 build.py new {kind.slug} {example}")
    if not _is_slug(item_id):
        raise UsageError(
            f"'{item_id}' ist keine gültige ID: erlaubt sind Kleinbuchstaben a–z, Ziffern und einzelne "
            f"Bindestriche (höchstens {MAX_SLUG_LENGTH} Zeichen); Vorschlag: '{suggest_slug(item_id)}'"
        )
    return item_id


def _kind_named(name: str) -> DataKind:
    kind = kind_by_slug(name)
    if kind is not None:
        return kind
    slugs = [kind.slug for kind in DataKind]
    close = difflib.get_close_matches(name, slugs, n=1)
    hint = f"meintest du '{close[0]}'?" if close else "möglich: " + ", ".join(slugs)
    raise UsageError(f"unbekannte Datenart '{name}'; {hint}")


def _is_slug(text: str) -> bool:
    return re.fullmatch(SLUG_PATTERN, text) is not None and len(text) <= MAX_SLUG_LENGTH


def existing_models(data_dir: Path, root: Path) -> dict[DataKind, tuple[BaseModel, ...]]:
    """Parse whatever data files parse, so that a new file can refer to ids that already exist."""
    files, _ = read_data_files(data_dir, root)
    parsed, _ = parse_source_files(files)
    by_kind: dict[DataKind, tuple[BaseModel, ...]] = {}
    for parsed_file in parsed:
        by_kind[parsed_file.kind] = (*by_kind.get(parsed_file.kind, ()), parsed_file.model)
    return by_kind


def run_new(args: argparse.Namespace, out: TextIO) -> int:
    """Write a new data file with every field explained; never overwrite an existing one."""
    kind = _kind_named(args.kind)
    item_id = validate_new_id(kind, args.id)
    source = _announced_source(args.root, out)
    data_dir = source.path(args.root)
    relative = kind.data_path(item_id)
    target = data_dir / relative
    shown = source.folder / relative
    _refuse_links(args.root, [shown])
    if target.exists():
        raise UsageError(f"{shown} gibt es schon; wähle eine andere ID oder bearbeite die Datei")
    text = scaffold_data_file(kind, item_id, known_ids_of(existing_models(data_dir, args.root)))
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    print(f"angelegt: {shown}", file=out)
    print("Ersetze die Platzhalter und prüfe dann mit: python3 build.py check", file=out)
    return EXIT_OK


# --- init -----------------------------------------------------------------------------------------


def run_init(args: argparse.Namespace, out: TextIO) -> int:
    """Start an organisation's own guideline in guideline_data/: the example, or placeholders to fill in."""
    target = args.root / DATA_FOLDER
    _refuse_links(args.root, [DATA_FOLDER])
    entries = occupying_entries(target)
    if entries:
        raise UsageError(occupied_refusal(DATA_FOLDER, entries))
    given = {name: getattr(args, name) for name in FOUNDING_FIELDS}
    if args.example:
        if any(value is not None for value in given.values()):
            raise UsageError("--example übernimmt das Beispiel unverändert; --name, --address, --repository und "
                             "--edit-base gehen nur ohne --example")
        if not (args.root / EXAMPLE_FOLDER).is_dir():
            raise UsageError(f"das Beispiel {EXAMPLE_FOLDER}/ fehlt; ohne --example entsteht ein leerer Leitfaden")
        shutil.copytree(args.root / EXAMPLE_FOLDER, target, dirs_exist_ok=True, symlinks=True)
        print(f"kopiert: {EXAMPLE_FOLDER}/ nach {DATA_FOLDER}/ (das Beispiel zum Ausprobieren)", file=out)
    else:
        asking = sys.stdin is not None and sys.stdin.isatty()
        try:
            founding = gather_founding(given, (lambda question: input(f"{question}: ")) if asking else None, out)
        except ValueError as error:
            raise UsageError(str(error)) from None
        written = write_starter(target, starter_files(founding))
        print(f"angelegt in {DATA_FOLDER}/: {', '.join(written)} und die JSON-Schemas in schema/", file=out)
    print(next_steps(), file=out)
    return EXIT_OK


def _announced_source(root: Path, out: TextIO) -> DataSource:
    """Return the data folder the project builds, and say so in one line when it is the shipped example."""
    source = data_source(root)
    if source.is_example:
        print(EXAMPLE_NOTICE, file=out)
    return source


def _refuse_links(root: Path, targets: Sequence[PurePosixPath]) -> None:
    """Raise UsageError if any target, or a folder on the way to it, is a symbolic link."""
    link = first_link(root, targets)
    if link is not None:
        raise UsageError(link_refusal(link))


# --- csp, audit and compare (of built sites) ------------------------------------------------------


def _existing_folder(path: Path, what: str) -> Path:
    if not path.is_dir():
        raise UsageError(f"{what} {path} gibt es nicht; zuerst bauen, z. B. mit: python3 build.py build")
    return path


def _shown(path: Path) -> PurePosixPath:
    """Return how a folder is named in messages: relative to the working directory where possible."""
    try:
        return PurePosixPath(path.resolve().relative_to(Path.cwd().resolve()).as_posix())
    except ValueError:
        return PurePosixPath(path.as_posix())


def run_csp(args: argparse.Namespace, out: TextIO) -> int:
    """Give each page of a built site its policy, or with --nginx the web server's header; --check only compares."""
    site_dir = _existing_folder(args.site_dir, "Der Website-Ordner")
    shown = PurePosixPath(args.display_path) if args.display_path else _shown(site_dir)
    if args.nginx is not None:
        return _update_nginx(args.nginx, site_header_policy(site_dir), shown, args.check, out)
    result = secure_site(site_dir, write=not args.check)
    if args.check:
        for name in result.lacking:
            print(f"{shown / name}: die Content-Security-Policy passt nicht zu den Inline-Skripten der Seite", file=out)
        return EXIT_CONTENT if result.lacking else EXIT_OK
    if not args.quiet:
        print(f"Content-Security-Policy aus den Inline-Skripten jeder Seite: {result.pages} Seiten in {shown}/, "
              f"davon {len(result.lacking)} angepasst.", file=out)
    return EXIT_OK


def _update_nginx(config_file: Path, policy: str, shown_site: PurePosixPath, check: bool, out: TextIO) -> int:
    shown = _shown(config_file)
    try:
        config = config_file.read_bytes().decode("utf-8")
        updated = with_nginx_policy(config, policy)
    except (OSError, UnicodeDecodeError, NginxConfigError) as error:
        raise UsageError(f"{shown}: {error}") from error
    if updated == config:
        print(f"{shown}: die Content-Security-Policy passt zu {shown_site}/.", file=out)
        return EXIT_OK
    if check:
        print(f"{shown}: die Content-Security-Policy passt nicht zu {shown_site}/\n"
              f"    help: {SITE_PROG} csp --site-dir {shown_site} --nginx {shown}", file=out)
        return EXIT_CONTENT
    config_file.write_bytes(updated.encode("utf-8"))
    print(f"{shown}: Content-Security-Policy an {shown_site}/ angepasst.", file=out)
    return EXIT_OK


def run_audit(args: argparse.Namespace, out: TextIO) -> int:
    """Audit a built site: internal links and anchors resolve, nothing is loaded from another host."""
    site_dir = _existing_folder(args.site_dir, "Der Website-Ordner")
    shown = PurePosixPath(args.display_path) if args.display_path else _shown(site_dir)
    result = audit_site(site_dir, base_path=args.base_path)
    if result.findings or not args.quiet:
        print(format_audit(result, shown), file=out)
    return EXIT_CONTENT if result.findings else EXIT_OK


def run_compare(args: argparse.Namespace, out: TextIO) -> int:
    """Compare two built sites byte for byte (two builds of the same commit must be identical)."""
    first = _existing_folder(args.first, "Der Ordner")
    second = _existing_folder(args.second, "Der Ordner")
    difference = compare_sites(first, second)
    print(format_difference(difference, _shown(first), _shown(second)), file=out)
    return EXIT_OK if difference.identical else EXIT_CONTENT


def run_export(args: argparse.Namespace, out: TextIO) -> int:
    """Write the site as a Markdown project that MkDocs, ProperDocs or Zensical build without the hook."""
    return export_site(args.root, args.directory, str(_shown(args.directory)), out)


# --- parser and entry point -----------------------------------------------------------------------


def make_parser() -> GermanArgumentParser:
    """Build the command line parser."""
    parser = GermanArgumentParser(
        prog=PROG,
        description="Prüft die Leitfaden-Daten, erzeugt die JSON-Schemas, legt neue Datendateien an und prüft "
        "gebaute Websites.",
        epilog="Exit-Codes: 0 in Ordnung, 1 Fehler in den Daten (bzw. Befunde in der Website), 2 falscher Aufruf,\n"
        "3 interner Fehler.",
    )
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="Wurzel des Repositorys (Standard: hier)")
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="BEFEHL", parser_class=GermanArgumentParser
    )
    check = commands.add_parser("check", help="Daten prüfen, ohne die Website zu bauen")
    check.add_argument("--strict", action="store_true", help="auch bei Warnungen fehlschlagen")
    check.add_argument("--codequality", type=Path, metavar="DATEI", help="GitLab-Code-Quality-Bericht schreiben")
    check.set_defaults(run=run_check)
    schema = commands.add_parser("schema", help="JSON-Schemas in guideline_data/schema/ neu erzeugen")
    schema.add_argument("--check", action="store_true", help="nur prüfen, ob die Schemas aktuell sind")
    schema.set_defaults(run=run_schema)
    commands.add_parser("urls", help="urls.yml mit den Adressen aller Seiten schreiben").set_defaults(run=run_urls)
    new = commands.add_parser("new", help="neue Datendatei mit allen Feldern und Erklärungen anlegen")
    new.add_argument("kind", metavar="ART", help="Datenart: " + ", ".join(kind.slug for kind in DataKind))
    new.add_argument("id", metavar="ID", nargs="?", help="ID des neuen Eintrags (nur bei scenario und training)")
    new.set_defaults(run=run_new)
    init = commands.add_parser("init", help="euren eigenen Leitfaden in guideline_data/ anlegen")
    init.add_argument("--example", action="store_true", help="stattdessen das Beispiel zum Ausprobieren kopieren")
    for option, text in INIT_OPTIONS:
        init.add_argument(option, metavar="ADRESSE" if option != "--name" else "NAME", help=text)
    init.set_defaults(run=run_init)
    export = commands.add_parser("export", help="die Website als Markdown-Projekt ohne Hook exportieren")
    export.add_argument("directory", type=Path, metavar="ORDNER", help="neuer, leerer Ordner oder früherer Export")
    export.set_defaults(run=run_export)
    _add_site_commands(commands)
    return parser


SITE_PROG = "python -m guideline.cli"  # build.py runs `audit` itself; alone, these run inside .venv


def _add_site_commands(commands: Any) -> None:
    csp = commands.add_parser(
        "csp", prog=f"{SITE_PROG} csp", help="jeder Seite ihre Content-Security-Policy geben",
        description="Gibt jeder Seite einer gebauten Website eine Content-Security-Policy als <meta>, die genau\n"
        "ihre eigenen Inline-Skripte erlaubt (per SHA-256). Mit --nginx bekommt stattdessen die\n"
        "add_header-Zeile der nginx-Konfiguration die Richtlinie für alle Seiten. Mit --check wird\n"
        "nichts geschrieben: Exit-Code 1, wenn etwas nicht passt.",
    )
    _add_site_options(csp)
    csp.add_argument("--nginx", type=Path, metavar="DATEI", help="nginx-Konfiguration, z. B. deploy/nginx.conf")
    csp.add_argument("--check", action="store_true", help="nur prüfen, nichts schreiben")
    csp.set_defaults(run=run_csp, prog=f"{SITE_PROG} csp")
    audit = commands.add_parser(
        "audit", prog=f"{SITE_PROG} audit", help="gebaute Website prüfen: Links, Anker, nichts von fremden Servern",
        description="Prüft eine gebaute Website (gleich, mit welchem Werkzeug gebaut): jeder interne Link und\n"
        "jede Quelle zeigt auf eine vorhandene Datei, jeder #Anker auf eine vorhandene id, und nichts\n"
        "wird von einem anderen Server geladen. Exit-Code 1 bei Befunden.",
    )
    _add_site_options(audit)
    audit.add_argument("--base-path", default="/", metavar="PFAD",
                       help="Pfad der Website auf dem Server, für Links, die mit / beginnen (Standard: /)")
    audit.set_defaults(run=run_audit, prog=f"{SITE_PROG} audit")
    compare = commands.add_parser(
        "compare", prog=f"{SITE_PROG} compare", help="zwei gebaute Websites byteweise vergleichen",
        description="Vergleicht zwei Ordner Datei für Datei: zwei Builds desselben Commits müssen\n"
        "byte-gleich sein (reproduzierbarer Build). Exit-Code 1, wenn sie sich unterscheiden.",
    )
    compare.add_argument("first", type=Path, metavar="ORDNER1", help="erste gebaute Website")
    compare.add_argument("second", type=Path, metavar="ORDNER2", help="zweite gebaute Website")
    compare.set_defaults(run=run_compare, prog=f"{SITE_PROG} compare")


def _add_site_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("-d", "--site-dir", type=Path, default=Path("site"), metavar="ORDNER",
                         help="Ordner der gebauten Website (Standard: site)")
    command.add_argument("--display-path", metavar="PFAD",
                         help="so heißt der Ordner in den Meldungen (Standard: ORDNER)")
    command.add_argument("--quiet", action="store_true", help="nur Befunde ausgeben, bei Erfolg nichts")


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = make_parser()
    args = parser.parse_args(argv)
    stream = out if out is not None else sys.stdout
    command: Callable[[argparse.Namespace, TextIO], int] = args.run
    try:
        return command(args, stream)
    except (UsageError, ExportRefusal) as error:
        print(f"{getattr(args, 'prog', f'{PROG} {args.command}')}: Fehler: {error}", file=sys.stderr)
        return EXIT_USAGE
    except Exception:  # a traceback must never reach a contributor: say what happened and how to report it
        if os.environ.get(DEBUG_VARIABLE):
            raise
        print(_internal_error_text(), file=sys.stderr)
        return EXIT_INTERNAL


def _internal_error_text() -> str:
    kind, value, _ = sys.exc_info()
    summary = traceback.format_exception_only(kind, value)[-1].strip() if kind else "unbekannt"
    return (
        f"interner Fehler: {summary}\n"
        "    note: das ist ein Fehler im Werkzeug, nicht in deinen Daten\n"
        f"    help: bitte melden; mit {DEBUG_VARIABLE}=1 erscheint die vollständige Fehlerausgabe"
    )


if __name__ == "__main__":
    sys.exit(main())
