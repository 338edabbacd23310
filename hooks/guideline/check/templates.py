"""Reply templates wherever they stand, the texts meant for channels, and the policy that each speaks to people as
its channels do (G341)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..diagnostics import Diagnostic, DiagnosticCode, Severity
from ..load.source import DataPath
from ..model.channels import Channel, FormOfAddress
from ..parse.corpus import Guideline
from ..parse.file import ParsedFile
from ..replycheck.templates import placed_templates
from .findings import finding_at, place_of

FORM_OF_ADDRESS_CODE = "G341"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(FORM_OF_ADDRESS_CODE, "Vorlage mit falscher Anrede",
                   "Eine Vorlage siezt auf einem Kanal, auf dem wir duzen, oder umgekehrt, oder sie duzt und siezt "
                   "zugleich. Welche Anrede auf einem Kanal gilt, steht in channels.yml unter 'form_of_address'; "
                   "eine Vorlage gilt für die Kanäle unter ihrem 'channels:', sonst für alle Kanäle ihres Szenarios. "
                   "Vorlagen ohne Anrede (ohne du, dich, dir, dein, euch, Sie, Ihnen, Ihr) werden nicht geprüft "
                   "(Prüfung policies.templates_match_form_of_address).",
                   "Die Vorlage in der Anrede des Kanals schreiben, oder eine zweite Vorlage für die Kanäle mit der "
                   "anderen Anrede anlegen und bei jeder Vorlage unter 'channels:' eintragen, wofür sie gilt."),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


# --- texts meant for channels ---------------------------------------------------------------------


@dataclass(frozen=True)
class ChannelText:
    """A text that is published on channels, with where it stands: what the channel rules are checked on."""

    parsed: ParsedFile[Any]
    data_path: DataPath  # of the text itself
    name: str  # how a message names it, as the subject of a sentence: "die Vorlage 'Erste Antwort'"
    text: str
    channels: tuple[str, ...]


def channel_texts(guideline: Guideline) -> Iterator[ChannelText]:
    """Yield every text meant for channels with the channels it goes to, in file order.

    A reply template goes only to channels where people can comment: a broadcast channel it names is reported by
    broadcast.py, not here. Other texts for channels (statements, say) belong here too, with all their channels.
    """
    broadcast = {channel.id for channel in guideline.channels.model.channels if channel.broadcast}
    for placed in placed_templates(guideline):
        yield ChannelText(placed.parsed, (*placed.data_path, "text"), f"die Vorlage '{placed.template.title}'",
                          placed.template.text, tuple(c for c in placed.channels if c not in broadcast))


# --- which form of address a text uses ------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\[[^\]]*\]")
_INFORMAL = re.compile(r"\b(?:du|dich|dir|dein|deine[mnrs]?|euch|euer|eure[mnrs]?)\b", re.IGNORECASE)
_FORMAL = re.compile(r"\b(?:Sie|Ihnen|Ihr|Ihre[mnrs]?)\b")


def forms_of_address(text: str) -> frozenset[FormOfAddress]:
    """Return the forms of address a text uses; placeholders in brackets do not count."""
    text = _PLACEHOLDER.sub("", text)
    found: set[FormOfAddress] = set()
    if _INFORMAL.search(text):
        found.add(FormOfAddress.DU)
    if any(_is_formal(text, match) for match in _FORMAL.finditer(text)):
        found.add(FormOfAddress.SIE)
    return frozenset(found)


def _is_formal(text: str, match: re.Match[str]) -> bool:
    """A capital Sie/Ihr mid-sentence (or Ihnen anywhere) is formal; at a sentence start it may mean 'they'."""
    before = text[: match.start()].rstrip(" \t")
    at_sentence_start = not before or before[-1] in ".!?:\n\"„"
    return match.group() == "Ihnen" or not at_sentence_start


# --- templates_match_form_of_address --------------------------------------------------------------


def check_templates_match_form_of_address(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report texts that use both forms of address, or another than a channel they are used on."""
    channels = {channel.id: (index, channel) for index, channel in enumerate(guideline.channels.model.channels)}
    for item in channel_texts(guideline):
        forms = forms_of_address(item.text)
        if len(forms) > 1:
            yield _finding(item, severity, f"{item.name} duzt und siezt zugleich",
                           (), "entscheide dich für eine Anrede: die der Kanäle, auf denen die Vorlage gilt")
            continue
        for form in forms:
            clashing = [(i, c) for i, c in (channels[n] for n in item.channels if n in channels)
                        if c.form_of_address not in (None, form)]
            if clashing:
                yield _clash(guideline, item, form, clashing, severity)


def _clash(guideline: Guideline, item: ChannelText, form: FormOfAddress,
           clashing: list[tuple[int, Channel]], severity: Severity) -> Diagnostic:
    verb = "duzt" if form is FormOfAddress.DU else "siezt"
    names = ", ".join(f"'{channel.id}'" for _, channel in clashing)
    wanted = "duzen" if form is FormOfAddress.SIE else "siezen"
    where = tuple(f"die Anrede von '{channel.id}' steht in "
                  f"{place_of(guideline.channels, ('channels', index, 'form_of_address'))}" for index, channel in clashing)
    return _finding(
        item, severity,
        f"{item.name} {verb}, auf {_channel_noun(clashing)} {names} {wanted} wir aber",
        where, f"schreib die Vorlage in der Anrede des Kanals, oder leg für {names} eine eigene Vorlage an und trag "
        "bei jeder Vorlage unter 'channels:' die Kanäle ein, für die sie gilt")


def _channel_noun(clashing: list[tuple[int, Channel]]) -> str:
    return "dem Kanal" if len(clashing) == 1 else "den Kanälen"


def _finding(item: ChannelText, severity: Severity, message: str, notes: tuple[str, ...],
             help_text: str) -> Diagnostic:
    return finding_at(item.parsed, item.data_path, FORM_OF_ADDRESS_CODE, message,
                      severity=severity, notes=notes, help_text=help_text)
