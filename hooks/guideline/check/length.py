"""Every text meant for channels fits the shortest of their length limits (G372)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..diagnostics import Diagnostic, DiagnosticCode, Severity
from ..model.channels import Channel
from ..parse.corpus import Guideline
from .findings import finding_at, place_of
from .statements import statement_texts
from .templates import ChannelText, channel_texts

LENGTH_CODE = "G372"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(LENGTH_CODE, "Text zu lang für den Kanal",
                   "Ein Text (eine Antwortvorlage oder ein Pflichttext) ist für einen Kanal gedacht, der nur eine bestimmte Zahl von "
                   "Zeichen erlaubt ('max_length' in channels.yml), und ist länger. Gezählt wird jedes Zeichen "
                   "des Textes wie geschrieben, Leerzeichen, Zeilenumbrüche und Platzhalter in eckigen Klammern "
                   "eingeschlossen (Prüfung policies.texts_within_channel_length).",
                   "Den Text kürzen, oder für den Kanal einen eigenen, kürzeren Text anlegen und bei jedem Text unter "
                   "'channels:' eintragen, wofür er gilt."),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


def text_length(text: str) -> int:
    """Count a text's characters as published: without the line break a YAML block leaves at its end."""
    return len(text.strip())


def check_texts_within_channel_length(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report texts longer than a channel they are meant for allows."""
    yield from check_lengths(guideline, (*channel_texts(guideline), *statement_texts(guideline)), severity)


def check_lengths(guideline: Guideline, texts: Iterable[ChannelText], severity: Severity) -> Iterator[Diagnostic]:
    """Report each text that is longer than the limit of one of its channels, naming the strictest."""
    limited = {channel.id: (index, channel) for index, channel in enumerate(guideline.channels.model.channels)
               if channel.max_length is not None}
    for item in texts:
        length = text_length(item.text)
        exceeded = sorted((limited[c] for c in dict.fromkeys(item.channels) if c in limited
                           and length > (limited[c][1].max_length or 0)), key=lambda found: found[1].max_length or 0)
        if exceeded:
            yield _too_long(guideline, item, length, exceeded, severity)


def _too_long(guideline: Guideline, item: ChannelText, length: int, exceeded: list[tuple[int, Channel]],
              severity: Severity) -> Diagnostic:
    strictest = exceeded[0][1]
    return finding_at(
        item.parsed, item.data_path, LENGTH_CODE,
        f"{item.name} ist {length} Zeichen lang, der Kanal '{strictest.id}' erlaubt aber höchstens "
        f"{strictest.max_length}",
        severity=severity,
        notes=tuple(f"höchstens {channel.max_length} Zeichen auf '{channel.id}': "
                    f"{place_of(guideline.channels, ('channels', index, 'max_length'))}" for index, channel in exceeded),
        help_text=f"kürze den Text um mindestens {length - (strictest.max_length or 0)} Zeichen, oder leg für "
        f"'{strictest.id}' einen eigenen, kürzeren Text an",
    )
