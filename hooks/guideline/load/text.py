"""Turn a data file's bytes into text the YAML parser can read safely.

Checks what must hold before parsing: the file is small enough, is UTF-8 (a BOM is accepted and
stripped) and holds no control characters. Problems in the text are reported and replaced by
U+FFFD, so the parser can still look for further problems in the rest of the file.
Positions follow YAML's idea of a line: CRLF, CR, LF, NEL, LS and PS each end one.
"""

from __future__ import annotations

import codecs
import re
from pathlib import PurePosixPath

from yaml.reader import Reader

from ..diagnostics import Diagnostic, DiagnosticCode, Position, Severity

MAX_FILE_BYTES = 512 * 1024
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# The parser's own list of characters it refuses; sharing it keeps both checks in step.
NON_PRINTABLE: re.Pattern[str] = Reader.NON_PRINTABLE
REPLACEMENT = "\ufffd"

ENCODING_CODE = "G002"
TOO_LARGE_CODE = "G011"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(
        code=ENCODING_CODE,
        title="Keine UTF-8-Datei oder unzulässiges Zeichen",
        explanation="Die Datei ist nicht in der Kodierung UTF-8 gespeichert (z. B. als Windows-1252, ISO-8859-1 "
        "oder UTF-16), oder sie enthält ein unsichtbares Steuerzeichen, das in YAML nicht erlaubt ist.",
        fix="Datei im Editor als „UTF-8“ speichern; Steuerzeichen (oft beim Kopieren aus Word oder PDF "
        "entstanden) löschen.",
    ),
    DiagnosticCode(
        code=TOO_LARGE_CODE,
        title="Datei zu groß",
        explanation=f"Eine Datendatei darf höchstens {MAX_FILE_BYTES // 1024} KiB groß sein; größere Dateien "
        "werden gar nicht erst gelesen.",
        fix="Inhalt auf mehrere Dateien verteilen (z. B. ein Szenario pro Datei) oder überflüssigen Text kürzen.",
    ),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


def position_at(text: str, index: int) -> Position:
    """Return the 1-based line and column of a character index, counting lines as YAML does."""
    line, line_start = 1, 0
    for match in LINE_BREAK.finditer(text, 0, index):
        line, line_start = line + 1, match.end()
    return Position(line, index - line_start + 1)


def split_lines(text: str) -> list[str]:
    """Split text into lines as YAML counts them (a final line break opens an empty last line)."""
    return LINE_BREAK.split(text)


def german_number(value: int) -> str:
    """Format an integer with German thousands separators."""
    return f"{value:,}".replace(",", ".")


def decode_source(path: PurePosixPath, content: bytes) -> tuple[str | None, tuple[Diagnostic, ...]]:
    """Decode a file's bytes; return None when nothing sensible can be read from them."""
    if len(content) > MAX_FILE_BYTES:
        return None, (_too_large(path, len(content)),)
    wide = _wide_encoding(content)
    if wide is not None:
        return None, (_wide(path, wide),)
    body = content[len(codecs.BOM_UTF8) :] if content.startswith(codecs.BOM_UTF8) else content
    text = body.decode("utf-8", errors="replace")
    diagnostics = [*_invalid_utf8(path, body), *_control_characters(path, text)]
    return NON_PRINTABLE.sub(REPLACEMENT, text), tuple(diagnostics)


def _error(path: PurePosixPath, position: Position, message: str, notes: tuple[str, ...], help_text: str) -> Diagnostic:
    return Diagnostic(
        code=ENCODING_CODE,
        severity=Severity.ERROR,
        path=path,
        position=position,
        message=message,
        notes=notes,
        help=help_text,
    )


def _too_large(path: PurePosixPath, size: int) -> Diagnostic:
    return Diagnostic(
        code=TOO_LARGE_CODE,
        severity=Severity.ERROR,
        path=path,
        position=Position(1, 1),
        message=f"die Datei ist zu groß: {german_number(size)} Bytes, erlaubt sind höchstens "
        f"{german_number(MAX_FILE_BYTES)} Bytes ({MAX_FILE_BYTES // 1024} KiB)",
        help="verteile den Inhalt auf mehrere Dateien oder kürze ihn",
    )


_SAVE_AS_UTF8 = (
    "speichere die Datei in der Kodierung UTF-8 (im Editor: „Speichern unter“ → Kodierung „UTF-8“)"
)
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _wide_encoding(content: bytes) -> str | None:
    """Name the encoding of a UTF-16 or UTF-32 file, with or without a byte order mark."""
    for bom, name in _WIDE_BOMS:  # UTF-32's marks begin with UTF-16's: test them first
        if content.startswith(bom):
            return name
    sample = content[:4096]
    zeros = sample.count(0)
    if len(sample) < 4 or zeros * 4 < len(sample):
        return None  # text saved in UTF-16 or UTF-32 is a quarter to three quarters zero bytes
    return "UTF-32" if zeros * 3 > len(sample) * 2 else "UTF-16"


def _wide(path: PurePosixPath, name: str) -> Diagnostic:
    return _error(
        path,
        Position(1, 1),
        f"die Datei ist in {name} gespeichert, erwartet wird UTF-8",
        (),
        _SAVE_AS_UTF8,
    )


def _invalid_utf8(path: PurePosixPath, body: bytes) -> tuple[Diagnostic, ...]:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = body[: error.start].decode("utf-8")
        return (
            _error(
                path,
                position_at(prefix, len(prefix)),
                f"die Datei ist nicht in UTF-8 gespeichert: ungültiges Byte 0x{body[error.start]:02X}",
                ("Umlaute und ß sind vermutlich in einer anderen Kodierung gespeichert, z. B. Windows-1252",),
                _SAVE_AS_UTF8,
            ),
        )
    return ()


def _control_characters(path: PurePosixPath, text: str) -> tuple[Diagnostic, ...]:
    found = list(NON_PRINTABLE.finditer(text))
    if not found:
        return ()
    first = found[0]
    notes = (f"die Datei enthält {len(found)} solche Zeichen",) if len(found) > 1 else ()
    return (
        _error(
            path,
            position_at(text, first.start()),
            f"unzulässiges Steuerzeichen U+{ord(first.group()):04X}",
            notes,
            "lösche das unsichtbare Zeichen (es entsteht oft beim Kopieren aus Word oder PDF)",
        ),
    )
