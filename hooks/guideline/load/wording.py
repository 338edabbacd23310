"""How PyYAML's syntax problems read in German: the table yaml_errors looks each problem up in.

PyYAML words its problems in English ("could not find expected ':'"); each entry matches one of them
and says, for a contributor who edits YAML in a browser, what is wrong and how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Translation:
    """How one kind of PyYAML problem reads in German; `at_start` points at where the construct began."""

    problem: str  # a regular expression; its first group, if any, is available as {found}
    message: str  # may use {found}, {here} (the rest of the line) and {start} (its first character)
    help: str
    at_start: bool = False
    context: str = ""  # a regular expression the error's context must contain
    at_backslash: bool = False  # PyYAML marks the character after a bad escape; the '\\' is what to fix


INDENT_HELP = "rücke die Zeile genau so weit ein wie die anderen Einträge derselben Ebene (nur mit Leerzeichen)"
QUOTE_HELP = "setze den Wert in Anführungszeichen"
STRAY_HELP = "lösche das Zeichen oder setze den ganzen Wert in Anführungszeichen"

TRANSLATIONS: tuple[Translation, ...] = (
    Translation(r"could not find expected ':'", "fehlender Doppelpunkt nach '{here}'",
                "schreibe 'schlüssel: wert'; gehört die Zeile zum Text darüber, rücke sie weiter ein",
                at_start=True),
    Translation(r"mapping values are not allowed here", "hier ist kein Doppelpunkt erlaubt",
                "enthält der Text ': ', setze ihn ganz in Anführungszeichen; sonst prüfe die Einrückung"),
    Translation(r"sequence entries are not allowed here", "hier darf kein Listeneintrag ('-') beginnen",
                "prüfe die Einrückung: die Einträge einer Liste stehen genau untereinander, eine Zeile unter "
                "ihrem Schlüssel"),
    Translation(r"expected <block end>, but found '<scalar>'", "unerwarteter Text nach dem Wert",
                "setze den ganzen Wert in Anführungszeichen (Text, der mit '[', '{' oder einem Anführungszeichen "
                "beginnt, endet sonst an der schließenden Klammer) oder prüfe die Einrückung"),
    Translation(r"expected <block end>, but found ':'", "vor dem Doppelpunkt fehlt der Schlüssel",
                "schreibe vor den Doppelpunkt einen Namen, z. B. 'title:'; gehört die Zeile zum Text darüber, "
                "setze den ganzen Text in Anführungszeichen"),
    Translation(r"expected <block end>, but found '-'",
                "hier darf kein Listeneintrag ('-') stehen: die Zeilen davor sind Schlüssel mit Werten",
                "lösche das '- ' oder schreibe die Liste eingerückt unter ihren eigenen Schlüssel"),
    Translation(r"expected <block end>, but found ('[]},]')", "unerwartetes Zeichen {found}", STRAY_HELP),
    Translation(r"expected <block end>, but found", "Einrückung passt nicht", INDENT_HELP),
    Translation(r"expected ',' or '\]'", "in der Liste fehlt ein Komma oder die schließende Klammer ']'",
                "trenne die Einträge mit Kommas und schließe die Liste mit ']'"),
    Translation(r"expected ',' or '\}'", "in der Zuordnung fehlt ein Komma oder die schließende Klammer '}'",
                "trenne die Einträge mit Kommas und schließe die Zuordnung mit '}'"),
    Translation(r"found unexpected (end of stream|document separator)",
                "das Anführungszeichen wird nicht geschlossen",
                "beende den Text mit demselben Anführungszeichen, mit dem er beginnt", at_start=True,
                context="quoted scalar"),
    Translation(r"found unknown escape character|expected escape sequence",
                "ungültige Escape-Sequenz mit '\\' in Text mit doppelten Anführungszeichen",
                "schreibe einen Backslash als '\\\\' oder setze den Text in einfache Anführungszeichen",
                at_backslash=True),
    Translation(r"found character (.*) that cannot start any token", "ein Wert darf nicht mit {found} beginnen",
                QUOTE_HELP),
    Translation(r"expected", "ein Wert darf nicht mit '{start}' beginnen", QUOTE_HELP, at_start=True,
                context=r"(anchor|alias|tag|directive)$"),
    Translation(r"mapping keys are not allowed here", "ein Wert darf nicht mit '{start}' beginnen", QUOTE_HELP),
    Translation(r"expected the node content, but found (.*)", "hier fehlt ein Wert, gefunden: {found}",
                "setze Text, der mit einem Sonderzeichen beginnt, in Anführungszeichen"),
    Translation(r"expected (chomping|a comment or a line break|indentation indicator)",
                "nach '|' oder '>' muss der Text in einer neuen Zeile beginnen",
                "schreibe den Text eingerückt ab der nächsten Zeile", context="block scalar"),
    Translation(r"expected '<document start>', but found", "unerwarteter Inhalt nach dem Ende der Daten",
                "prüfe die Zeilen davor auf Klammern und '...'; lösche überzählige Zeichen"),
    Translation(r"found undefined tag handle (.*)", "unbekannte Typangabe {found}: Typangaben sind nicht erlaubt",
                "lösche die Typangabe; soll der Text mit '!' beginnen, setze ihn in Anführungszeichen"),
    Translation(r"found incompatible YAML document", "nicht unterstützte YAML-Version",
                "lösche die Zeile, die mit '%YAML' beginnt"),
)

# PyYAML names tokens in English inside angle brackets; say what the contributor sees instead.
TOKEN_NAMES: tuple[tuple[str, str], ...] = (
    ("'<stream end>'", "das Dateiende"),
    ("'<document start>'", "'---'"),
    ("'<document end>'", "'...'"),
    ("'<block end>'", "das Ende des eingerückten Blocks"),
    ("'<block mapping start>'", "ein Schlüssel"),
    ("'<block sequence start>'", "ein Listeneintrag"),
    ("'<scalar>'", "Text"),
    ("'<alias>'", "ein Verweis"),
    ("'<anchor>'", "ein Anker"),
    ("'<tag>'", "eine Typangabe"),
    ("'<directive>'", "eine Direktive"),
)

CONTEXT_NAMES: tuple[tuple[str, str], ...] = (
    ("simple key", "der Schlüssel"),
    ("block mapping", "die Zuordnung"),
    ("flow mapping", "die Zuordnung in '{ }'"),
    ("block collection", "die Liste"),
    ("flow sequence", "die Liste in '[ ]'"),
    ("quoted scalar", "der Text in Anführungszeichen"),
    ("block scalar", "der Textblock"),
    ("node", "der Wert"),
)

UNKNOWN_HELP = "prüfe diese Zeile und die davor: Einrückung, Doppelpunkte und Anführungszeichen"
