"""Compile the guideline into the reply checker's rule set: pure data, the same for `check` and the browser."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..model.channels import Channel, FormOfAddress
from ..model.layout import DataKind
from ..model.reply_check import Expectation, PatternRule, ReplyCheckFile
from ..model.tone import ToneRule
from ..parse.corpus import Guideline
from .normalise import normalise, normalise_phrase
from .pattern import matches_empty_text, pattern_problem
from .templates import TemplateText, template_texts

SEVERITIES = ("error", "warning", "hint")
"""Every severity, in the order findings are listed."""


@dataclass(frozen=True)
class Phrase:
    """A breach phrase as searched for (normalised), with the normalised wordings that are fine after all."""

    text: str
    prefix: bool
    exceptions: tuple[str, ...]
    label: str = ""  # as tone.yml writes it, for the page ("unschlagbar…" for "unschlagbar*")


@dataclass(frozen=True)
class ToneCheck:
    """A tone rule's breach phrases, with the better wording the reader is shown."""

    rule_id: str
    title: str
    message: str
    phrases: tuple[Phrase, ...]
    better: str  # "Wir schreiben: … – statt: …", from the rule's examples


@dataclass(frozen=True)
class PatternCheck:
    """A pattern rule: personal data, the placeholder, a greeting or sign-off."""

    kind: str
    rule_id: str
    name: str
    message: str
    pattern: str
    severity: str
    public_only: bool = False
    exceptions: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()  # greeting and sign-off: where they are expected


@dataclass(frozen=True)
class ChannelCheck:
    """What a channel asks of a reply: its form of address and length."""

    id: str
    name: str
    form: str | None  # "du", "sie" or None
    form_message: str
    max_length: int | None
    length_message: str


@dataclass(frozen=True)
class ShoutingCheck:
    min_letters: int
    max_capital_share: int
    exclamation_marks: int
    exceptions: tuple[str, ...]  # words in capitals that are no shouting, as written
    capitals_message: str
    exclamation_message: str


@dataclass(frozen=True)
class AddressCheck:
    du: tuple[str, ...]  # lowercase
    sie: tuple[str, ...]  # as written: only the capitalised word is formal
    always_formal: tuple[str, ...]  # formal even at a sentence start ("Ihnen")
    mixed_message: str


@dataclass(frozen=True)
class RuleSet:
    """Every rule of the reply checker, compiled from the guideline; also the templates it can open."""

    tone: tuple[ToneCheck, ...]
    personal_data: tuple[PatternCheck, ...]
    placeholder: PatternCheck | None
    expectations: tuple[PatternCheck, ...]  # greeting and sign-off
    link_hosts: tuple[str, ...]
    link_message: str
    shouting: ShoutingCheck
    address: AddressCheck
    channels: tuple[ChannelCheck, ...]
    templates: tuple[TemplateText, ...]

    def channel(self, channel_id: str | None) -> ChannelCheck | None:
        return next((channel for channel in self.channels if channel.id == channel_id), None)


def reply_check_file(guideline: Guideline) -> ReplyCheckFile:
    """Return the guideline's reply_check.yml, or its defaults when the file is left out."""
    parsed = guideline.one_of(DataKind.REPLY_CHECK)
    return ReplyCheckFile() if parsed is None else parsed.model


def usable_pattern(pattern: str) -> bool:
    """Return whether a pattern is in the subset and cannot match the empty text (else `check` reports it)."""
    return pattern_problem(pattern) is None and not matches_empty_text(pattern)


def compile_rules(guideline: Guideline) -> RuleSet:
    """Compile the tone rules, the channels and reply_check.yml into one rule set; unusable patterns are left out.

    Made once per guideline: the checks and the checker's page all read the same rule set.
    """
    return guideline.derived(_compile_rules)


def _compile_rules(guideline: Guideline) -> RuleSet:
    settings = reply_check_file(guideline)
    placeholder = PatternCheck("placeholder", "platzhalter", "Platzhalter", settings.placeholder.message,
                               settings.placeholder.pattern, "error")
    return RuleSet(
        tone=tuple(_tone_check(rule) for rule in guideline.tone.model.rules if rule.breach_phrases),
        personal_data=tuple(_personal_data(rule) for rule in settings.personal_data if usable_pattern(rule.pattern)),
        placeholder=placeholder if usable_pattern(placeholder.pattern) else None,
        expectations=tuple(_expectations(settings)),
        link_hosts=tuple(host.lower() for host in settings.link_hosts),
        link_message="Dieser Link führt auf eine fremde Adresse: verlinke nur auf Seiten, die auf der Liste der "
        "erlaubten Adressen stehen.",
        shouting=_shouting(settings),
        address=AddressCheck(tuple(word.lower() for word in settings.address_words.du), settings.address_words.sie,
                             ("Ihnen",), "Die Antwort duzt und siezt zugleich: entscheide dich für eine Anrede."),
        channels=tuple(_channel_check(channel) for channel in guideline.channels.model.channels),
        templates=template_texts(guideline),
    )


def _tone_check(rule: ToneRule) -> ToneCheck:
    phrases = []
    for phrase in rule.phrases:
        text, prefix = normalise_phrase(phrase.phrase)
        exceptions = tuple(normalise_phrase(exception)[0] for exception in phrase.exceptions)
        if text and text not in exceptions:  # `check` reports a phrase that can never match (G387)
            label = f"{phrase.phrase.rstrip().removesuffix('*')}…" if prefix else phrase.phrase
            phrases.append(Phrase(text, prefix, exceptions, label))
    return ToneCheck(rule.id, rule.title, f"Signalphrase der Regel „{rule.title}“: {rule.rule}", tuple(phrases),
                     _better(rule))


def _better(rule: ToneRule) -> str:
    example = rule.examples[0]
    return f"Wir schreiben: „{example.write.strip()}“ – statt: „{example.instead_of.strip()}“"


def _personal_data(rule: PatternRule) -> PatternCheck:
    return PatternCheck("personal-data", rule.id, rule.name, rule.message, rule.pattern, rule.severity.value,
                        public_only=rule.applies_to.value == "public",
                        exceptions=tuple(normalise(exception).text.strip(" ") for exception in rule.exceptions))


def _expectations(settings: ReplyCheckFile) -> Iterator[PatternCheck]:
    pairs: tuple[tuple[str, str, Expectation | None], ...] = (
        ("greeting", "Anrede am Anfang", settings.greeting), ("sign-off", "Gruß am Ende", settings.sign_off))
    for kind, name, expectation in pairs:
        if expectation is not None and usable_pattern(expectation.pattern):
            yield PatternCheck(kind, kind, name, expectation.message, expectation.pattern, "hint",
                               channels=expectation.channels)


def _shouting(settings: ReplyCheckFile) -> ShoutingCheck:
    shouting = settings.shouting
    return ShoutingCheck(
        shouting.min_letters, shouting.max_capital_share, shouting.exclamation_marks, shouting.exceptions,
        "Viele Wörter in GROSSBUCHSTABEN wirken wie Schreien: schreib sie normal.",
        "Mehrere Ausrufezeichen wirken wie Schreien: eines genügt, meist keins.",
    )


def _channel_check(channel: Channel) -> ChannelCheck:
    form = None if channel.form_of_address is None else channel.form_of_address.value
    verb = "duzen" if channel.form_of_address is FormOfAddress.DU else "siezen"
    return ChannelCheck(
        channel.id, channel.name, form,
        f"Auf „{channel.name}“ {verb} wir: schreib die ganze Antwort in dieser Anrede.",
        channel.max_length,
        f"Auf „{channel.name}“ sind höchstens {channel.max_length} Zeichen erlaubt: alles ab hier ist zu viel.",
    )


def rules_data(rules: RuleSet, links: dict[str, str]) -> dict[str, Any]:
    """Return the rule set as JSON-able data for the browser; `links` maps a finding's link key to an address."""
    return {
        "severities": list(SEVERITIES),
        "tone": [{"id": t.rule_id, "title": t.title, "message": t.message, "better": t.better,
                  "phrases": [{"text": p.text, "prefix": p.prefix, "exceptions": list(p.exceptions)}
                              for p in t.phrases]} for t in rules.tone],
        "personalData": [_pattern_data(check) for check in rules.personal_data],
        "placeholder": None if rules.placeholder is None else _pattern_data(rules.placeholder),
        "expectations": [_pattern_data(check) for check in rules.expectations],
        "linkHosts": list(rules.link_hosts),
        "linkMessage": rules.link_message,
        "shouting": {"minLetters": rules.shouting.min_letters, "maxCapitalShare": rules.shouting.max_capital_share,
                     "exclamationMarks": rules.shouting.exclamation_marks,
                     "exceptions": list(rules.shouting.exceptions),
                     "capitalsMessage": rules.shouting.capitals_message,
                     "exclamationMessage": rules.shouting.exclamation_message},
        "address": {"du": list(rules.address.du), "sie": list(rules.address.sie),
                    "alwaysFormal": list(rules.address.always_formal), "mixedMessage": rules.address.mixed_message},
        "channels": [{"id": c.id, "name": c.name, "form": c.form, "formMessage": c.form_message,
                      "maxLength": c.max_length, "lengthMessage": c.length_message} for c in rules.channels],
        "templates": [{"id": t.id, "title": t.title, "text": t.text, "channels": list(t.channels)}
                      for t in rules.templates],
        "links": links,
    }


def _pattern_data(check: PatternCheck) -> dict[str, Any]:
    return {"kind": check.kind, "id": check.rule_id, "name": check.name, "message": check.message,
            "pattern": check.pattern, "severity": check.severity, "publicOnly": check.public_only,
            "exceptions": list(check.exceptions), "channels": list(check.channels)}
