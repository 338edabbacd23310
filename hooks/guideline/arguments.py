"""German command-line parsing, shared by the launcher (build.py) and the CLI.

Standard library only: build.py imports this module by path before any virtual environment exists.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

EXIT_USAGE = 2

ARGPARSE_MESSAGES = (
    (re.compile(r"^the following arguments are required: (.*)$"), r"es fehlt: \1"),
    (re.compile(r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)$"), r"\1: unbekannt: \2 (möglich: \3)"),
    (re.compile(r"^unrecognized arguments: (.*)$"), r"unbekannte Argumente: \1"),
)
"""argparse's own English messages that contributors meet most, in German."""

INIT_OPTIONS = (
    ("--name", "Name der Organisation"),
    ("--address", "Adresse der Website im Intranet (https://…)"),
    ("--repository", "Web-Adresse des Repositorys (ohne: kein Link)"),
    ("--edit-base", "Anfang der Bearbeiten-Links, z. B. https://git.example.intern/team/leitfaden/-/edit/main/"),
)
"""The options of `init` (the launcher's and the CLI's); without them `init` asks, or leaves placeholders."""


class GermanHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter with a German usage heading."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, prefix="Aufruf: " if prefix is None else prefix)


class GermanArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose headings, help option and error line are German; usage errors exit 2."""

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
