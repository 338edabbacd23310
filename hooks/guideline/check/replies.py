"""The reply checker's rules in `check`: usable patterns and phrases (G386, G387), and the checker run over every
template of the guideline (G306 for breach phrases, G388 for the rest) and every statement (G362)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..diagnostics import Diagnostic, DiagnosticCode, Severity
from ..load.source import DataPath
from ..model.layout import DataKind
from ..model.tone import ToneRule
from ..parse.corpus import Guideline
from ..parse.file import ParsedFile
from ..replycheck.matcher import TEMPLATE_KINDS, Finding, check_reply
from ..replycheck.normalise import normalise, normalise_phrase
from ..replycheck.pattern import matches_empty_text, pattern_problem
from ..replycheck.rules import RuleSet, compile_rules
from ..replycheck.templates import placed_templates
from .findings import finding_at, place_of

BREACH_PHRASE_CODE = "G306"
INVALID_PATTERN_CODE = "G386"
NEVER_MATCHES_CODE = "G387"
TEMPLATE_FINDING_CODE = "G388"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(INVALID_PATTERN_CODE, "Muster der Antwortprüfung nicht erlaubt",
                   "Ein Muster (pattern) in reply_check.yml läuft in `check` und im Browser der Leserinnen und Leser. "
                   "Erlaubt ist darum nur der Teil regulärer Ausdrücke, den beide gleich verstehen: Zeichen, "
                   "Zeichenklassen wie `[0-9]`, Gruppen `(…)` und `(?:…)`, `|`, Wiederholungen `* + ? {n} {n,} {n,m}`, "
                   "`^` am Anfang, `.`, ein Backslash vor s, S, n oder t (Leerraum, kein Leerraum, Zeilenumbruch, "
                   "Tabulator) und ein Backslash vor einem Sonderzeichen wie `. [ (`. Nicht erlaubt sind Lookarounds "
                   "und andere `(?…)`-Gruppen, Rückverweise, `$`, ein Backslash vor b, d, w und anderen Buchstaben, "
                   "und possessive Wiederholungen.",
                   "Das Muster mit den erlaubten Mitteln schreiben, z. B. `[0-9]` für eine Ziffer."),
    DiagnosticCode(NEVER_MATCHES_CODE, "Regel der Antwortprüfung greift nie",
                   "Eine Signalphrase oder ein Muster kann nie einen sinnvollen Fund ergeben: die Phrase steht "
                   "wörtlich auch unter ihren eigenen Ausnahmen ('except'), oder das Muster passt schon auf einen "
                   "leeren Text und fände dann in jeder Antwort etwas. Die Regel wird übergangen.",
                   "Die Ausnahme enger fassen oder die Phrase streichen; das Muster so schreiben, dass es mindestens "
                   "ein Zeichen braucht (z. B. + statt *)."),
    DiagnosticCode(TEMPLATE_FINDING_CODE, "Vorlage fällt bei der Antwortprüfung auf",
                   "Eine Vorlage enthält etwas, das die Antwortprüfung in jeder öffentlichen Antwort meldet: "
                   "persönliche Daten (Telefonnummer, E-Mail-Adresse, Anschrift, Bestellnummer, IBAN) oder einen Link "
                   "auf eine Adresse, die nicht unter 'link_hosts' in reply_check.yml steht. Platzhalter in eckigen "
                   "Klammern gehören in Vorlagen und werden hier nicht gemeldet, Hinweise wie Schreien auch nicht "
                   "(Prüfung policies.templates_pass_reply_check).",
                   "Die Vorlage umformulieren, oder in reply_check.yml unter 'except' eintragen, was erlaubt ist "
                   "(z. B. die öffentliche Servicenummer)."),
)
"""Every diagnostic code this module emits, documented for the contributors' page (G306 is in policies.py)."""


# --- the rules themselves -------------------------------------------------------------------------


def check_reply_rules(guideline: Guideline) -> tuple[Diagnostic, ...]:
    """Report patterns outside the shared subset (errors) and phrases or patterns that can never match."""
    return (*_pattern_findings(guideline), *_phrase_findings(guideline))


def _patterns(guideline: Guideline) -> Iterator[tuple[ParsedFile[Any], DataPath, str]]:
    parsed = guideline.one_of(DataKind.REPLY_CHECK)
    if parsed is None:
        return
    model = parsed.model
    for index, rule in enumerate(model.personal_data):
        yield parsed, ("personal_data", index, "pattern"), rule.pattern
    yield parsed, ("placeholder", "pattern"), model.placeholder.pattern
    for name in ("greeting", "sign_off"):
        expectation = getattr(model, name)
        if expectation is not None:
            yield parsed, (name, "pattern"), expectation.pattern


def _pattern_findings(guideline: Guideline) -> Iterator[Diagnostic]:
    for parsed, path, pattern in _patterns(guideline):
        problem = pattern_problem(pattern)
        if problem is not None:
            offset, what = problem
            yield finding_at(parsed, path, INVALID_PATTERN_CODE, f"das Muster ist hier nicht erlaubt: {what}",
                             notes=(f"Muster: {pattern}", f"        {' ' * offset}^ (Zeichen {offset + 1})"),
                             help_text="schreib das Muster mit den erlaubten Mitteln (Mitmachen-Seite, "
                             "„Regeln für die Antwortprüfung ändern“), z. B. [0-9] statt \\d")
        elif matches_empty_text(pattern):
            yield finding_at(parsed, path, NEVER_MATCHES_CODE, "das Muster passt schon auf einen leeren Text und "
                             "fände in jeder Antwort etwas; es wird übergangen", severity=Severity.WARNING,
                             notes=(f"Muster: {pattern}",),
                             help_text="verlange mindestens ein Zeichen, z. B. mit + statt *")


def _phrase_findings(guideline: Guideline) -> Iterator[Diagnostic]:
    for rule_index, rule in enumerate(guideline.tone.model.rules):
        for phrase_index, phrase in enumerate(rule.phrases):
            text, _ = normalise_phrase(phrase.phrase)
            exceptions = {normalise_phrase(exception)[0] for exception in phrase.exceptions}
            if not text:
                yield finding_at(
                    guideline.tone, ("rules", rule_index, "breach_phrases", phrase_index), NEVER_MATCHES_CODE,
                    f"die Signalphrase '{phrase.phrase}' der Regel '{rule.id}' ist ohne das '*' am Ende leer und "
                    "greift darum nie", severity=Severity.WARNING,
                    help_text="schreib die Formulierung aus, nach der gesucht werden soll",
                )
            elif text in exceptions:
                yield finding_at(
                    guideline.tone, ("rules", rule_index, "breach_phrases", phrase_index, "except"),
                    NEVER_MATCHES_CODE,
                    f"die Signalphrase '{phrase.phrase}' der Regel '{rule.id}' steht auch unter ihren Ausnahmen und "
                    "greift darum nie", severity=Severity.WARNING,
                    help_text="nimm unter 'except:' nur längere Wendungen auf, in denen die Phrase in Ordnung ist",
                )


# --- templates and statements ---------------------------------------------------------------------


def check_templates_free_of_breach_phrases(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report each breach phrase of a tone rule in a reply template, as the reply checker finds it."""
    rules = compile_rules(guideline)
    for placed in placed_templates(guideline):
        for phrase in breach_phrases_in(guideline, rules, placed.template.text):
            yield finding_at(
                placed.parsed, (*placed.data_path, "text"), BREACH_PHRASE_CODE,
                f"die Antwortvorlage '{placed.template.title}' enthält '{phrase.text}', eine Signalphrase der "
                f"Tonalitätsregel '{phrase.rule.id}'",
                severity=severity, notes=(f"Regel: {phrase.rule.rule}", f"Signalphrase definiert in {phrase.where}"),
                help_text="formuliere die Vorlage nach dieser Regel um",
            )


@dataclass(frozen=True)
class FoundPhrase:
    """A breach phrase found in a text: as tone.yml writes it, its rule and where it is defined."""

    text: str
    rule: ToneRule
    where: str


def breach_phrases_in(guideline: Guideline, rules: RuleSet, text: str) -> tuple[FoundPhrase, ...]:
    """Return each breach phrase the reply checker finds in a text, once, in the order of tone.yml."""
    found: dict[tuple[int, int], FoundPhrase] = {}
    for finding in check_reply(rules, text, None, True, frozenset({"tone"})):
        matched = normalise(text[finding.start:finding.end]).text
        for rule_index, rule in enumerate(guideline.tone.model.rules):
            for phrase_index, phrase in enumerate(rule.phrases if rule.id == finding.rule_id else ()):
                searched, prefix = normalise_phrase(phrase.phrase)
                if matched == searched or (prefix and matched.startswith(searched)):
                    where = place_of(guideline.tone, ("rules", rule_index, "breach_phrases", phrase_index))
                    found[(rule_index, phrase_index)] = FoundPhrase(phrase.phrase, rule, where)
    return tuple(found[key] for key in sorted(found))


def check_templates_pass_reply_check(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report personal data and foreign links in reply templates, as the reply checker finds them."""
    rules = compile_rules(guideline)
    for placed in placed_templates(guideline):
        name = f"die Antwortvorlage '{placed.template.title}'"
        for finding in check_reply(rules, placed.template.text, None, True, TEMPLATE_KINDS - {"tone"}):
            yield _diagnostic(placed.parsed, (*placed.data_path, "text"), TEMPLATE_FINDING_CODE, name,
                              placed.template.text, finding, severity)


def statement_breach_phrases(guideline: Guideline) -> Iterator[tuple[ParsedFile[Any], FoundPhrase]]:
    """Yield each statement with each breach phrase the reply checker finds in its wording."""
    rules = compile_rules(guideline)
    for parsed in guideline.all_of(DataKind.STATEMENT):
        for phrase in breach_phrases_in(guideline, rules, parsed.model.text):
            yield parsed, phrase


def quoted(text: str, finding: Finding) -> str:
    """Return what a finding found, as written, and the line of the text it stands on."""
    line = text.count("\n", 0, finding.start) + 1
    return f"„{' '.join(text[finding.start:finding.end].split())}“ (Zeile {line} des Textes)"


def _diagnostic(parsed: ParsedFile[Any], path: DataPath, code: str, name: str, text: str, finding: Finding,
                severity: Severity) -> Diagnostic:
    where = ("trag die Adresse in reply_check.yml unter 'link_hosts' ein" if finding.kind == "link"
             else "trag, was erlaubt ist, in reply_check.yml bei der Regel unter 'except' ein")
    return finding_at(parsed, path, code, f"{name} enthält {quoted(text, finding)}: {finding.message}",
                      severity=severity, notes=(f"Regel der Antwortprüfung: {finding.rule_id}",),
                      help_text=f"formuliere die Vorlage um, oder {where}")
