"""What contributors see of the tools' output: German, and only what they must act on.

MkDocs narrates every build in English (INFO lines such as "Cleaning site directory" or the list of
pages outside the navigation), so one German error in a data file gets buried. The launcher therefore
reads the output of MkDocs and of the core's CLI line by line through a `Terminal`:

- routine messages (the tables below: MkDocs' INFO lines, Material's end-of-life banner, Python's
  warnings, which are meant for developers) are dropped;
- what matters is said in German: the live preview's address, one line per rebuild, why a build stopped,
  and a failure a contributor can fix without its traceback (the preview's port is taken);
- every warning and error is shown, known or not, and so is every line the tables do not know. MkDocs'
  level prefix becomes a German word, or goes where the line already is one of the core's diagnostics.

The tables match what is printed, not how: a logger, print() and a plugin are filtered alike, and
another engine needs only its own routine lines here. `--verbose` or GUIDELINE_VERBOSE=1 shows
everything unchanged, for debugging.
"""

from __future__ import annotations

import re
import threading
import time
from typing import Callable, Mapping, Optional, TextIO

VERBOSE_VARIABLE = "GUIDELINE_VERBOSE"
BANNER_VARIABLE = "NO_MKDOCS_2_WARNING"  # Material prints its end-of-life banner unless this is set

ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
RECORD = re.compile(r"(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL) *-  (?P<message>.*)")  # MkDocs' log format
DIAGNOSTIC = re.compile(r"\S[^:]*:\d+:\d+: (?:error|warning)\[G\d+\]: ")  # already says what and where, in German
LEVEL_WORDS = {"WARNING": "Warnung", "ERROR": "Fehler", "CRITICAL": "Fehler"}
COUNTED_NOUNS = {"warnings": ("Warnung", "Warnungen"), "errors": ("Fehler", "Fehler")}
CLOCK = r"(?:\[\d\d:\d\d:\d\d\] )?"  # the live preview's server puts the time in front of its messages

Shown = Callable[["re.Match[str]", "Terminal"], Optional[str]]
"""What to show for a routine message: a German line, or None to drop it."""


def dropped(match: re.Match[str], terminal: Terminal) -> None:
    """Show nothing: the message is routine."""
    return None


def serving(match: re.Match[str], terminal: Terminal) -> str:
    """Announce the live preview's address, once it answers."""
    terminal.serving = True
    return f"Vorschau läuft unter {match['url']} – Strg+C beendet sie"


def built(match: re.Match[str], terminal: Terminal) -> str | None:
    """Say nothing about a build, but one line about each rebuild of the running preview."""
    return f"Vorschau aktualisiert ({time.strftime('%H:%M:%S')})" if terminal.serving else None


def rebuild_failed(match: re.Match[str], terminal: Terminal) -> str:
    """Say that the running preview keeps its last state until the failure above is fixed."""
    return "Fehler: Die Vorschau ließ sich nicht neu bauen (siehe oben); sie zeigt den letzten Stand, bis das behoben ist"


def strict_abort(match: re.Match[str], terminal: Terminal) -> str:
    """Translate why a strict build stopped, e.g. 'Aborted with 1 warnings in strict mode!'."""
    counts = ", ".join(
        f"{number} {COUNTED_NOUNS.get(noun, (noun, noun))[number != '1']}"
        for number, noun in re.findall(r"(\d+) (\w+)", match["counts"])
    )
    return f"Build abgebrochen wegen {counts}: beim Bauen zählt jede Warnung als Fehler"


def port_in_use(match: re.Match[str], terminal: Terminal) -> str:
    """Explain why the preview could not start: another program (often another preview) has its port."""
    return (
        "Fehler: Die Vorschau kann ihre Adresse nicht öffnen, der Port ist schon belegt (läuft sie schon in "
        "einem anderen Terminal?)\n    help: die andere Vorschau mit Strg+C beenden oder einen anderen Port "
        "wählen, z. B. python3 build.py serve --dev-addr 127.0.0.1:8001"
    )


ROUTINE_MESSAGES: tuple[tuple[re.Pattern[str], Shown], ...] = (
    # MkDocs 1.6 (commands/build.py, commands/serve.py, livereload/): the message after its level prefix
    (re.compile(r"Cleaning site directory"), dropped),
    (re.compile(r"Building documentation to directory: .*"), dropped),
    (re.compile(r"Building documentation\.\.\."), dropped),
    (re.compile(r'The following pages exist in the docs directory, but are not included in the "nav" .*'), dropped),
    (re.compile(r"The following pages are being built only for the preview .*"), dropped),
    (re.compile(r"Documentation built in [\d.]+ seconds"), built),
    (re.compile(CLOCK + r"Watching paths for changes: .*"), dropped),
    (re.compile(CLOCK + r"Serving on (?P<url>\S+)(?: and opening it in a browser)?"), serving),
    (re.compile(CLOCK + r"Browser connected: .*"), dropped),
    (re.compile(CLOCK + r"Detected file changes"), dropped),
    (re.compile(CLOCK + r"Reloading browsers"), dropped),
    (re.compile(CLOCK + r"An error happened during the rebuild\..*"), rebuild_failed),
    (re.compile(r"Shutting down\.\.\."), dropped),
    (re.compile(r"[A-Z]\w*Warning: .*"), dropped),  # a Python warning that MkDocs relays (for developers)
)
ROUTINE_LINES: tuple[tuple[re.Pattern[str], Shown], ...] = (
    # Lines printed without a level prefix
    (re.compile(r" │.*"), dropped),  # Material's end-of-life banner, should NO_MKDOCS_2_WARNING stop working
    (re.compile(r"\s*To disable this warning, set NO_MKDOCS_2_WARNING=1\."), dropped),
    (re.compile(r"Aborted with a BuildError!"), dropped),  # the error itself was shown just before
    (re.compile(r"Aborted with (?P<counts>.*) in strict mode!"), strict_abort),
    (re.compile(r".+:\d+: [A-Z]\w*Warning: .*"), dropped),  # Python's own warning format (for developers)
)
TRACEBACK = "Traceback (most recent call last):"
KNOWN_FAILURES: tuple[tuple[re.Pattern[str], Shown], ...] = (
    # The last line of a traceback that says all a contributor needs; the traceback before it is dropped
    (re.compile(r"OSError: \[(?:Errno 98|Errno 48|WinError 10048)\] .*"), port_in_use),  # Linux, macOS, Windows
    (re.compile(r"KeyboardInterrupt"), dropped),  # Ctrl-C: the launcher says what it stopped
)


def banner_environment(environment: Mapping[str, str]) -> dict[str, str]:
    """Return what keeps Material's end-of-life banner away (NO_MKDOCS_2_WARNING, unless set otherwise)."""
    return {BANNER_VARIABLE: environment.get(BANNER_VARIABLE, "1")}


def is_verbose(option: bool, environment: Mapping[str, str]) -> bool:
    """Tell whether to show the tools' output unchanged: --verbose, or GUIDELINE_VERBOSE set to anything but 0."""
    return option or environment.get(VERBOSE_VARIABLE, "").strip() not in ("", "0")


def first_match(rules: tuple[tuple[re.Pattern[str], Shown], ...], text: str) -> tuple[Shown, re.Match[str]] | None:
    """Return the first rule whose pattern matches the whole text, and its match."""
    for pattern, shown in rules:
        match = pattern.fullmatch(text)
        if match is not None:
            return shown, match
    return None


class Terminal:
    """One command's view of its tools' output: filtered unless verbose, with the warnings and errors counted."""

    def __init__(self, verbose: bool = False) -> None:
        self.verbose = verbose
        self.warnings = 0
        self.errors = 0
        self.serving = False
        self._notices: set[str] = set()
        self.lock = threading.Lock()  # stdout and stderr are read by two threads

    def stream(self, out: TextIO) -> ToolStream:
        """Return the reader for one of a tool's output streams, which shows its lines on `out`."""
        return ToolStream(self, out)

    def entry(self, plain: str, raw: str) -> str | None:
        """Return what to show for a line that starts an entry (a line and the indented lines after it)."""
        record = RECORD.fullmatch(plain)
        if record is None:
            found = first_match(ROUTINE_LINES, plain)
            return raw if found is None else found[0](found[1], self)
        return self.record(record["level"], record["message"])

    def record(self, level: str, message: str) -> str | None:
        """Return what to show for a logged message; a warning or an error is never dropped."""
        self.count(level)
        found = first_match(ROUTINE_MESSAGES, message)
        if found is not None:
            shown = found[0](found[1], self)
            if shown is not None or level not in LEVEL_WORDS:
                return shown
        if level in LEVEL_WORDS:
            return message if DIAGNOSTIC.match(message) else f"{LEVEL_WORDS[level]}: {message}"
        if message in self._notices:  # e.g. a notice the hook repeats on every rebuild of the preview
            return None
        self._notices.add(message)
        return message

    def count(self, level: str) -> None:
        """Count a logged warning or error."""
        if level == "WARNING":
            self.warnings += 1
        elif level in LEVEL_WORDS:
            self.errors += 1

    def counted(self, plain: str) -> None:
        """Count a line shown unchanged (verbose), if it is a logged warning or error."""
        record = RECORD.fullmatch(plain)
        if record is not None:
            self.count(record["level"])


class ToolStream:
    """Shows one output stream of a tool, line by line, as its Terminal decides."""

    def __init__(self, terminal: Terminal, out: TextIO) -> None:
        self._terminal = terminal
        self._out = out
        self._showing = True  # whether the current entry is shown: its indented lines follow it
        self._blank = 0  # blank lines are held back until the next line is shown, and dropped with it
        self._traceback: list[str] | None = None  # held until its last line tells whether it is a known failure

    def feed(self, raw: str) -> None:
        """Take one line of output (without its line break) and show it, translated, or drop it."""
        with self._terminal.lock:
            self._feed(raw)

    def close(self) -> None:
        """Show a traceback that was cut off (the tool was stopped) as it came."""
        with self._terminal.lock:
            for line in self._traceback or []:
                self._show(line)
            self._traceback = None

    def _feed(self, raw: str) -> None:
        plain = ANSI_ESCAPE.sub("", raw)
        if self._terminal.verbose:
            self._terminal.counted(plain)
            self._show(raw)
        elif self._traceback is not None:
            self._continue_traceback(plain, raw)
        elif plain == TRACEBACK:
            self._traceback = [raw]
        elif not plain.strip():
            self._blank += self._showing  # a blank line after a dropped entry goes with it
        elif plain[0].isspace() and first_match(ROUTINE_LINES, plain) is None:
            self._show(raw if self._showing else None)
        else:
            shown = self._terminal.entry(plain, raw)
            self._showing = shown is not None
            self._show(shown)

    def _continue_traceback(self, plain: str, raw: str) -> None:
        """Hold a traceback's lines; at its last, show one German line for a known failure, else all of it."""
        held = self._traceback or []
        if not plain.strip() or plain[0].isspace():
            held.append(raw)
            return
        self._traceback = None
        found = first_match(KNOWN_FAILURES, plain)
        for line in held if found is None else []:
            self._show(line)
        shown = raw if found is None else found[0](found[1], self._terminal)
        self._showing = shown is not None
        self._show(shown)

    def _show(self, line: str | None) -> None:
        if line is not None:
            print("\n" * self._blank + line, file=self._out, flush=True)
        self._blank = 0
